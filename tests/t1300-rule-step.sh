#!/bin/sh
#
# rule-step: the steps of a village's rule set (村规民约) in their order,
# the vote's quorum and majority at their edges, the legality review
# sending a refused rule set back to its draft, delivery and enforcement
# only once it is in force; every refused step with its message, exit
# status and an unchanged store

. "$(dirname "$0")/lib.sh"

RULE_HEADER=rule_id,village,village_group,title,topics,stage,stage_on,rounds,filed_on,in_force_on,delivered,households,next_step
NOTHING="rule-step: 1 bad record; nothing was written"
R="rule-step -q --today 2023-06-30 --village 后叶村 --title 村规民约"

# the example households, once; each case starts from a copy
RENKE_DB=$TRASH/households.db household-add -q "$EXAMPLES/households.csv" ||
	exit 1

seed() {
	cp "$TRASH/households.db" "$RENKE_DB"
}

draft() { $R --step 起草 --date 2023-01-05 --topics "移风易俗;高价彩礼" "$@"; }
consult() { $R --step 征求意见 --date 2023-01-16 --groups 全体农户 --opinions 10 --adopted 4 "$@"; }
vote() { $R --step 表决 --date 2023-02-20 --representatives 45 --present 30 --yes 16 "$@"; }
review() { $R --step 合法性审查备案 --date 2023-03-02 --result 审查通过 --who 镇司法所 "$@"; }
post() { $R --step 张榜公布 --date 2023-03-06 --place 村委会公开栏 "$@"; }

# bring STEP: the rule set through STEP; the store's dump in ./before
bring() {
	for s in draft consult vote review post; do
		$s >/dev/null || return 1
		[ $s = "$1" ] && break
	done &&
	store_dump >before
}

# refused STATUS MESSAGE CMD...: CMD exits STATUS saying MESSAGE, nothing written
refused() {
	status=$1 message=$2
	shift 2
	expect_status "$status" "$@" 2>err &&
	err_is err "$message" "$NOTHING" &&
	store_unchanged
}

stage_is() {
	echo "$1" >expect.s &&
	sqlite3 "$RENKE_DB" "select stage || ${SQ}|${SQ} || stage_on from rule_set" >actual.s &&
	test_cmp expect.s actual.s
}

test_case 'a rule set through every step is in force; each step audited' '
	seed &&
	bring review &&
	rule-step --today 2023-06-30 --village 后叶村 --title 村规民约 --step post \
		--date 2023-03-06 --place 村委会公开栏 >out 2>err &&
	{
		echo "$RULE_HEADER" &&
		echo "1,后叶村,,村规民约,customs;bride_price,in_force,2023-03-06,1,2023-03-02,2023-03-06,0,45,deliver"
	} >expect &&
	test_cmp expect out &&
	err_is err "rule-step: 1 steps read: added 0, updated 1, unchanged 0, differ 0, bad 0" &&
	sqlite3 "$RENKE_DB" "select step, done_on, who, coalesce(result, ${SQ}${SQ}) from rule_step order by id" >actual &&
	{
		echo "draft|2023-01-05|tester|" &&
		echo "consult|2023-01-16|tester|" &&
		echo "vote|2023-02-20|tester|adopted" &&
		echo "review|2023-03-02|镇司法所|passed" &&
		echo "post|2023-03-06|tester|"
	} >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select field, coalesce(old, ${SQ}-${SQ}), new from audit where entity = ${SQ}rule${SQ} and field = ${SQ}stage${SQ} order by seq" >actual &&
	{
		echo "stage|-|drafted" &&
		echo "stage|drafted|consulted" &&
		echo "stage|consulted|voted" &&
		echo "stage|voted|filed" &&
		echo "stage|filed|in_force"
	} >expect &&
	test_cmp expect actual
'

test_case 'the example file: a whole lifecycle, and the same file again changes nothing' '
	seed &&
	rule-step --today 2023-06-30 "$EXAMPLES/rules.csv" >out 2>err &&
	{
		echo "$RULE_HEADER" &&
		echo "1,后叶村,,后叶村村规民约（2023年修订）,customs;environment;bride_price;extravagance,in_force,2023-03-06,2,2023-03-02,2023-03-06,3,45,deliver"
	} >expect &&
	test_cmp expect out &&
	err_is err "rule-step: 11 steps read: added 1, updated 10, unchanged 0, differ 0, bad 0" &&
	store_dump >before &&
	rule-step --today 2023-06-30 "$EXAMPLES/rules.csv" >out 2>err &&
	test_must_be_empty out &&
	err_is err "rule-step: 11 steps read: added 0, updated 0, unchanged 11, differ 0, bad 0" &&
	store_unchanged
'

test_case 'steps out of order are refused: message, exit 65, store unchanged' '
	seed && store_dump >before &&
	refused 65 "rule-step: command line: --step: no rule set \"村规民约\" of 后叶村; a draft starts one" consult &&
	bring draft &&
	refused 65 "rule-step: command line: --step: rule set \"村规民约\" is drafted (2023-01-05); its next step is consultation, not the vote" vote &&
	bring consult &&
	refused 65 "rule-step: command line: --step: rule set \"村规民约\" is consulted (2023-01-16); its next step is consultation, vote, not the legality review" review &&
	refused 65 "rule-step: command line: --step: rule set \"村规民约\" is consulted (2023-01-16); its next step is consultation, vote, not the draft" draft --date 2023-01-20 &&
	refused 65 "rule-step: command line: --date: 2023-01-10 is before the last step of rule set \"村规民约\" (consulted, 2023-01-16)" vote --date 2023-01-10 &&
	bring vote &&
	refused 65 "rule-step: command line: --step: rule set \"村规民约\" is adopted by vote (2023-02-20); its next step is legality review, not the posting" post &&
	bring review &&
	refused 65 "rule-step: command line: --step: rule set \"村规民约\" is filed (2023-03-02); its next step is posting, not the delivery" \
		$R --step deliver --date 2023-03-03 --household HY0101001
'

test_case 'zh_CN: an out-of-order step is refused in Chinese' '
	seed && bring draft &&
	expect_status 65 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 $R --step 合法性审查备案 --result 审查通过 2>err &&
	err_is err "rule-step: 命令行: 环节: 村规民约“村规民约”已起草（2023-01-05），下一环节应为征求意见，不是合法性审查备案" \
		"rule-step: 1条记录有误；未写入任何数据" &&
	store_unchanged
'

test_case 'the vote: exactly two thirds present is a quorum, one fewer is not; yes must be more than half of those present' '
	seed && bring consult &&
	: 29 of 45 present is less than two thirds: recorded, decides nothing &&
	vote --present 29 --yes 29 >/dev/null &&
	stage_is "consulted|2023-02-20" &&
	sqlite3 "$RENKE_DB" "select result from rule_step where step = ${SQ}vote${SQ}" >actual &&
	echo no_quorum >expect && test_cmp expect actual &&
	: 30 of 45 is two thirds exactly, and 15 yes of 30 is not more than half &&
	vote --date 2023-02-21 --present 30 --yes 15 --no 15 >/dev/null &&
	stage_is "rejected|2023-02-21" &&
	: voted down, the rule set goes back to its draft &&
	store_dump >before &&
	refused 65 "rule-step: command line: --step: rule set \"村规民约\" is voted down (2023-02-21); its next step is draft, not the legality review" review &&
	draft --date 2023-02-22 --topics 高价彩礼 >/dev/null &&
	consult --date 2023-02-23 >/dev/null &&
	vote --date 2023-02-24 --present 30 --yes 16 >/dev/null &&
	stage_is "voted|2023-02-24" &&
	sqlite3 "$RENKE_DB" "select topics from rule_set" >actual &&
	echo bride_price >expect && test_cmp expect actual
'

test_case 'impossible vote counts are refused, as vote_decide() says' '
	seed && bring consult &&
	refused 65 "rule-step: command line: --present: 46 present, but only 45 representatives in office" vote --present 46 &&
	refused 65 "rule-step: command line: --present: 31 votes (16 yes, 10 no, 5 abstain) from 30 present" vote --no 10 --abstain 5 &&
	refused 65 "rule-step: command line: --yes: missing; a vote records the representatives in office, those present and the yes votes (no and abstain when there were any)" \
		$R --step vote --representatives 45 --present 30 &&
	refused 65 "rule-step: command line: --yes: not a count from 0 to 1000000: \"很多\"" vote --yes 很多 &&
	refused 65 "rule-step: command line: --result: belongs to the legality review, not the vote" vote --result 审查通过
'

test_case 'the review refuses with a reason and sends the rule set back to its draft' '
	seed && bring vote &&
	refused 65 "rule-step: command line: --notes: missing; a refusal says why" review --result 审查不通过 &&
	refused 65 "rule-step: command line: --result: a review is passed or refused, not adopted" review --result adopted &&
	review --result 审查不通过 --notes 罚款条款超越村规民约权限 >/dev/null &&
	stage_is "refused|2023-03-02" &&
	draft --date 2023-03-05 >/dev/null &&
	stage_is "drafted|2023-03-05"
'

test_case 'delivery and enforcement: households of the village, each delivered once' '
	seed && bring post &&
	$R --step deliver --date 2023-03-10 --household HY0101001 >/dev/null &&
	store_dump >before &&
	rule-step --today 2023-06-30 --village 后叶村 --title 村规民约 --step deliver \
		--date 2023-03-10 --household HY0101001 2>err >out &&
	test_must_be_empty out &&
	grep_message "unchanged 1" err &&
	store_unchanged &&
	refused 65 "rule-step: command line: --step: rule set \"村规民约\": the delivery of 2023-03-10 was recorded already by tester, differently; a step is recorded once" \
		$R --step deliver --date 2023-03-11 --household HY0101001 &&
	refused 65 "rule-step: command line: --household: household HY0201001 is not of 后叶村, whose rules these are" \
		$R --step deliver --household HY0201001 &&
	refused 65 "rule-step: command line: --household: no household HY9999999" \
		$R --step deliver --household HY9999999 &&
	refused 65 "rule-step: command line: --body: missing; an enforcement names the body that decided it: red_white_council, moral_council, elders_hall or village_committee" \
		$R --step enforce --household HY0101001 --action 违约 --notes 婚宴超标 &&
	refused 65 "rule-step: command line: --household: a household goes with a delivery or an enforcement" \
		post --household HY0101001 &&
	$R --step 执行 --date 2023-05-20 --household HY0101001 --action 违约处理 --body 红白理事会 --notes 婚宴超标劝导整改 >/dev/null &&
	sqlite3 "$RENKE_DB" "select step, household_id, coalesce(action, ${SQ}${SQ}), coalesce(body, ${SQ}${SQ}) from rule_step where step in (${SQ}deliver${SQ}, ${SQ}enforce${SQ}) order by id" >actual &&
	{
		echo "deliver|HY0101001||" &&
		echo "enforce|HY0101001|violation|red_white_council"
	} >expect &&
	test_cmp expect actual
'

test_case 'a group'\''s rule set counts the households of its group; unknown places are named with the nearest' '
	seed &&
	rule-step -q --today 2023-06-30 --village 后叶村 --group 2社 --title 2社院坝公约 \
		--step draft --date 2023-01-05 --topics 人居环境 -f csv >out &&
	echo "1,后叶村,2社,2社院坝公约,environment,drafted,2023-01-05,0,,,0,10,consult" >expect &&
	tail -n 1 out >actual && test_cmp expect actual &&
	store_dump >before &&
	refused 65 "rule-step: command line: --village: no such village; did you mean 后叶村?" \
		rule-step -q --today 2023-06-30 --village 后页村 --title x --step draft --topics 人居环境 &&
	refused 65 "rule-step: command line: --group: no such villager group in 后叶村; did you mean 2社?" \
		rule-step -q --today 2023-06-30 --village 后叶村 --group 2杜 --title x --step draft --topics 人居环境 &&
	refused 65 "rule-step: command line: --date: 2023-07-01 is after today (2023-06-30)" \
		draft --date 2023-07-01 &&
	refused 65 "rule-step: command line: --topics: missing; a draft names its topics (changing customs, neighbourly harmony, high bride prices, lavish ceremonies ...)" \
		$R --step draft
'

test_case 'in a file, one bad step stops them all; --skip-bad writes the good ones' '
	seed && store_dump >before &&
	{
		echo "村,名称,步骤,日期,主要内容,征求范围,收集意见数,采纳意见数" &&
		echo "后叶村,村规民约,起草,2023-01-05,移风易俗,,," &&
		echo "后叶村,村规民约,征求意见,2023-01-06,,全体农户,3,5"
	} >steps.csv &&
	expect_status 65 rule-step -q --today 2023-06-30 steps.csv 2>err &&
	err_is err "rule-step: steps.csv:3: 采纳意见数: 5 opinions adopted of 3 received" "$NOTHING" &&
	store_unchanged &&
	rule-step -q --today 2023-06-30 --skip-bad --rejects bad.csv steps.csv >/dev/null 2>err &&
	stage_is "drafted|2023-01-05" &&
	tail -n 1 bad.csv | grep -q "^采纳意见数: 5 opinions adopted of 3 received,3,后叶村,村规民约,征求意见,2023-01-06,"
'

test_done
