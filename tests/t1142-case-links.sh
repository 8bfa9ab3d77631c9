#!/bin/sh
#
# Issues and assistance measures point to the monitoring case that led
# to them (issue-add --case, support-log --case, column case_id): the
# case must exist and be the same household's; each link is audited,
# counted in report-gen cases and shown in the household's history and
# the case's own (report-gen history --case).  Every refusal: its
# message, its status and an unchanged store.

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
SEED=$TRASH/seed.db
CHEN=500241197901080027		# 陈春兰 of HY0101002
HE=500235194109190010		# 何玉勇 of HY0101001

# The store every case starts from: case 1, HY0101002's application of
# 11-01, checked at home 11-02 and cross-checked 11-03; case 2,
# HY0101001's, at its clue.
seed() {
	example_households &&
	member-add -q "$EXAMPLES/members.csv" &&
	case-open -q --today $TODAY --household HY0101002 --clue 农户自主申报 \
		--clue-on 2022-11-01 --recorder 王登记 >/dev/null &&
	case-open -q --today $TODAY --household HY0101001 --clue 干部排查 \
		--clue-on 2022-11-05 --recorder 王登记 >/dev/null &&
	case-step -q --today $TODAY --case 1 --step 入户核实 --date 2022-11-02 \
		--who 李核实 --housing 砖房 --food 够吃 --labour 1人 --income 1万 \
		--expenses 医疗3万 --judgement 因病 --consent 是 \
		--monitor-type 突发严重困难户 --risks 因病 >/dev/null &&
	case-step -q --today $TODAY --case 1 --step 信息比对 --date 2022-11-03 \
		--who 乡民政办 --answers 医保自付3万 >/dev/null
}

(RENKE_DB=$SEED && export RENKE_DB && mkdir "$TRASH/seed" && cd "$TRASH/seed" &&
	seed) >"$TRASH/seed.log" 2>&1 || { cat "$TRASH/seed.log"; exit 1; }

use_seed() {
	cp "$SEED" "$RENKE_DB" &&
	store_dump >before
}

# refused STATUS CMD...: exit STATUS, nothing on standard output, the store unchanged
refused() {
	want=$1
	shift
	expect_status "$want" "$@" >out 2>err &&
	test_must_be_empty out &&
	store_unchanged
}

test_case 'issue-add --case: the household is the case'"'"'s, the link stored and audited' '
	use_seed &&
	issue-add -q --today 2022-11-04 --title 医疗费用报销 --owner 李帮扶 \
		--case 1 -f csv >out &&
	cut -d , -f 1,8 out >actual &&
	printf "id,household_id\n1,HY0101002\n" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT monitor_case_id FROM issue WHERE id = 1" >actual &&
	echo 1 >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT who, field, old IS NULL, new FROM audit WHERE entity = ${SQ}issue${SQ} AND field = ${SQ}case_id${SQ}" >actual &&
	echo "tester|case_id|1|1" >expect &&
	test_cmp expect actual
'

test_case 'issue-add reads the case from its column, with the household that matches' '
	use_seed &&
	printf "title,owner,household_id,case_id\n住房漏雨,李帮扶,HY0101001,2\n" >in.csv &&
	printf "监测案件,户编号,标题,责任人\n1,HY0101002,孩子学费,李帮扶\n" >zh.csv &&
	issue-add -q --today 2022-11-06 in.csv zh.csv >/dev/null &&
	sqlite3 "$RENKE_DB" "SELECT i.title, h.household_id, i.monitor_case_id FROM issue i JOIN household h ON h.id = i.household_ref ORDER BY i.id" >actual &&
	printf "住房漏雨|HY0101001|2\n孩子学费|HY0101002|1\n" >expect &&
	test_cmp expect actual
'

test_case 'issue-add refuses a case of another household, no such case, no number' '
	use_seed &&
	refused 65 issue-add --today 2022-11-04 --title 看病 --owner 李 --case 1 \
		--household HY0101001 &&
	err_is err "issue-add: command line: --case: case 1 is household HY0101002${SQ}s, not HY0101001${SQ}s" \
		"issue-add: 1 bad record; nothing was written" &&
	refused 65 issue-add --today 2022-11-04 --title 看病 --owner 李 --case 3 &&
	err_is err "issue-add: command line: --case: no case 3" \
		"issue-add: 1 bad record; nothing was written" &&
	refused 65 issue-add --today 2022-11-04 --title 看病 --owner 李 --case 0 &&
	grep_message "^issue-add: command line: --case: not a case number: \"0\"$" err &&
	printf "title,owner,case_id\n好的,李,1\n坏的,李,一\n" >in.csv &&
	refused 65 issue-add --today 2022-11-04 in.csv &&
	err_is err "issue-add: in.csv:3: case_id: not a case number: \"一\"" \
		"issue-add: 1 bad record; nothing was written"
'

test_case 'under zh_CN the refusal is in Chinese' '
	use_seed &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 refused 65 issue-add --today 2022-11-04 \
		--title 看病 --owner 李 --case 1 --household HY0101001 &&
	grep_message "案件 1 属于农户 HY0101002，不属于 HY0101001" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 refused 65 support-log --kind 公益性岗位 \
		--id-number $HE --start 2022-11-10 --title 护林员 --case 9 &&
	grep_message "没有案件 9" err
'

test_case 'support-log --case: a measure of the case'"'"'s household, audited; the same again is unchanged' '
	use_seed &&
	support-log -q --kind 公益性岗位 --id-number $CHEN --start 2022-11-10 \
		--title 保洁员 --case 1 --override 纳入监测待审定 &&
	sqlite3 "$RENKE_DB" "SELECT kind, monitor_case_id FROM support" >actual &&
	echo "post|1" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT field, new FROM audit WHERE entity = ${SQ}support${SQ} AND field = ${SQ}case_id${SQ}" >actual &&
	echo "case_id|1" >expect &&
	test_cmp expect actual &&
	support-log --kind 公益性岗位 --id-number $CHEN --start 2022-11-10 \
		--title 保洁员 --case 1 2>err &&
	grep_message "unchanged 1" err &&
	case-open -q --today $TODAY --household HY0101002 --type 风险消除 \
		--clue 干部排查 --clue-on 2022-11-20 2>err >/dev/null;
	test $? -eq 65 &&
	support-log -q --kind 小额信贷 --id-number $HE --start 2022-11-12 \
		--amount 30000 --term 24 --case 2 --override 县里批准 &&
	sqlite3 "$RENKE_DB" "SELECT kind, monitor_case_id FROM support ORDER BY id" >actual &&
	printf "post|1\nloan|2\n" >expect &&
	test_cmp expect actual
'

test_case 'support-log refuses a case of another household; the store is unchanged' '
	use_seed &&
	refused 65 support-log --kind 公益性岗位 --id-number $HE --start 2022-11-10 \
		--title 护林员 --case 1 --override 特殊 &&
	err_is err "support-log: command line: --case: case 1 is household HY0101002${SQ}s, not HY0101001${SQ}s" \
		"support-log: 1 bad record; nothing was written" &&
	refused 65 support-log --kind 公益性岗位 --id-number $HE --start 2022-11-10 \
		--title 护林员 --case x --override 特殊 &&
	grep_message "^support-log: command line: --case: not a case number: \"x\"$" err
'

test_case 'support-log --upsert moves a measure to another case of the household, audited' '
	use_seed &&
	support-log -q --kind 公益性岗位 --id-number $HE --start 2022-11-10 \
		--title 护林员 --override 特殊 &&
	store_dump >before &&
	support-log --kind 公益性岗位 --id-number $HE --start 2022-11-10 --case 2 2>err &&
	grep_message "differ 1" err &&
	store_unchanged &&
	support-log -q --upsert --reason 岗位由案件2引出 --kind 公益性岗位 \
		--id-number $HE --start 2022-11-10 --case 2 &&
	sqlite3 "$RENKE_DB" "SELECT field, old IS NULL, new FROM audit WHERE entity = ${SQ}support${SQ} AND field IN (${SQ}case_id${SQ}, ${SQ}reason${SQ}) ORDER BY seq" >actual &&
	printf "case_id|1|2\nreason|1|岗位由案件2引出\n" >expect &&
	test_cmp expect actual
'

test_case 'report-gen cases counts the issues and measures of each case; a withdrawn issue is none' '
	use_seed &&
	issue-add -q --today 2022-11-04 --title 医疗费用 --owner 李 --case 1 >/dev/null &&
	issue-add -q --today 2022-11-04 --title 学费 --owner 李 --case 1 >/dev/null &&
	issue-add -q --today 2022-11-06 --title 误录 --owner 李 --case 2 >/dev/null &&
	issue-update -q --today 2022-11-07 --id 3 --status withdrawn --reason 录错了 >/dev/null &&
	support-log -q --kind 公益性岗位 --id-number $CHEN --start 2022-11-10 \
		--title 保洁员 --case 1 --override 特殊 &&
	report-gen --today $TODAY cases -f csv >out &&
	head -n 1 out | grep -q ",late,cadre,issues,measures$" &&
	cut -d , -f 1,19,20 out >actual &&
	printf "case_id,issues,measures\n2,0,0\n1,2,1\n" >expect &&
	test_cmp expect actual &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY cases -f table >table &&
	head -n 1 table | grep -q "责任干部 .*相关问题 .*相关帮扶措施"
'

test_case 'history --case: the clue and each step on its day, then the issues and measures' '
	use_seed &&
	issue-add -q --today 2022-11-04 --title 医疗费用 --owner 李帮扶 --case 1 >/dev/null &&
	support-log -q --kind 公益性岗位 --id-number $CHEN --start 2022-11-10 \
		--title 保洁员 --owner 李帮扶 --case 1 --override 特殊 &&
	store_dump >before &&
	report-gen --today $TODAY history --case 1 -f csv >out &&
	cut -d , -f 1,3-6,8,9 out | sed -n 1,8p >actual &&
	{
		echo "date,kind,record,event,field,new,who" &&
		echo "2022-11-01,case,1,changed,opened,HY0101002 inclusion application 2022-11-01 王登记,tester" &&
		echo "2022-11-02,case,1,changed,home_check,2022-11-02 李核实 passed,tester" &&
		echo "2022-11-02,case,1,changed,monitor_type,sudden_hardship,tester" &&
		echo "2022-11-02,case,1,changed,risks,illness,tester" &&
		echo "2022-11-03,case,1,changed,data_check,2022-11-03 乡民政办 passed,tester" &&
		echo "2022-11-04,issue,1,opened,,医疗费用 (other)," &&
		echo "2022-11-10,support,陈春兰,opened,,post (保洁员),李帮扶"
	} >expect &&
	test_cmp expect actual &&
	grep -q "^[0-9-]*,[0-9T:-]*Z,issue,1,changed,case_id,,1,tester,$" out &&
	grep -q "^[0-9-]*,[0-9T:-]*Z,support,陈春兰,changed,case_id,,1,tester,$" out &&
	! grep -q "$CHEN" out &&
	! grep -q HY0101001 out &&
	store_unchanged
'

test_case 'history --case for people: local times, the steps and fields in Chinese' '
	use_seed &&
	issue-add -q --today 2022-11-04 --title 医疗费用 --owner 李帮扶 --case 1 >/dev/null &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY history --case 1 -f table >out &&
	head -n 1 out | grep -q "^日期 .*时刻 .*类型 .*记录 .*事项 .*字段" &&
	sed -n 3p out | grep -q "^2022-11-01  [0-2][0-9]:[0-5][0-9]  监测对象认定 .*登记 .*HY0101002" &&
	grep -q "^2022-11-02  .* 入户核实 .*2022-11-02 李核实 通过" out &&
	grep -q "^2022-11-02  .* 风险类型 .*因病" out &&
	grep -q "问题 .*1 .*修改 .*监测案件 .*1" out
'

test_case 'the household'"'"'s history shows its measures and the case its issue came of' '
	use_seed &&
	issue-add -q --today 2022-11-04 --title 医疗费用 --owner 李帮扶 --case 1 >/dev/null &&
	support-log -q --kind 公益性岗位 --id-number $CHEN --start 2022-11-10 \
		--title 保洁员 --owner 李帮扶 --case 1 --override 特殊 &&
	report-gen --today $TODAY history HY0101002 -f csv >out &&
	grep -q "^2022-11-10,,support,陈春兰,opened,,,post (保洁员),李帮扶,$" out &&
	grep -q ",support,陈春兰,changed,post_household,,特殊,tester,$" out &&
	grep -q ",issue,1,changed,case_id,,1,tester,$" out &&
	! grep -q "$CHEN" out &&
	report-gen --today $TODAY --reveal history HY0101002 -f csv >revealed &&
	! grep -q "$CHEN" revealed &&
	report-gen --today $TODAY history HY0101001 -f csv >other &&
	! grep -q support other
'

test_case 'history --case refuses no such case, an operand with it, another report, no number' '
	use_seed &&
	refused 65 report-gen history --case 7 &&
	err_is err "report-gen: no case 7" &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 refused 65 report-gen history --case 7 &&
	err_is err "report-gen: 没有案件 7" &&
	refused 64 report-gen history --case 1 HY0101002 &&
	grep_message "^report-gen: history --case: the case is the one to show; no household${SQ}s number or issue${SQ}s id with it$" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 refused 64 report-gen history --case 1 HY0101002 &&
	grep_message "不能再给户编号或问题编号" err &&
	refused 64 report-gen --case 1 cases &&
	grep_message "^report-gen: --case: the cases report does not take it$" err &&
	refused 64 report-gen history --case 1x &&
	grep_message "^report-gen: --case: not a case number: \"1x\"$" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 refused 64 report-gen history --case 1x &&
	grep_message "不是案件编号" err
'

test_done
