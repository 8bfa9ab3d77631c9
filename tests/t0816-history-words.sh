#!/bin/sh
# t0816-history-words.sh -- report-gen changes and history say what the
# audit log holds in the user's words: every kind of record, every field
# (one table for histories and messages, lib/headings.c), a step of a
# procedure, a stage, a value made of codes (a step's result, a vote's
# counts, what a record was made with) and a record's key made of codes;
# machine formats keep the codes.

. "$(dirname "$0")/lib.sh"

# one store: the example households, the ledger's life (a courtyard
# meeting, a vote, a dispute revisited), selections, boards, a village's
# rules and a household edited; built once, copied into each case
(
	RENKE_DB=$TRASH/base.db && export RENKE_DB &&
	household-add -q "$EXAMPLES/households.csv" &&
	sh "$EXAMPLES/ledger-life.sh" >/dev/null 2>&1 &&
	honour-add -q "$EXAMPLES/honours.csv" &&
	board-step -q --today 2022-12-31 "$EXAMPLES/board-steps.csv" &&
	rule-step -q --today 2023-06-30 "$EXAMPLES/rules.csv" >/dev/null &&
	household-edit -q --reason 重复登记 merge HY0101002 HY0101003 &&
	place-edit -q --reason 改名 rename 凉水村 凉水新村
) >"$TRASH/base.log" 2>&1 || { cat "$TRASH/base.log"; exit 1; }

seed() {
	cp "$TRASH/base.db" "$RENKE_DB"
}

# changes FORMAT: every change, as a clerk reads them under zh_CN
changes_zh() {
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today 2023-06-30 changes \
		--since 2000-01-01 "$@"
}

test_case 'zh_CN: a board entry: its key, its steps, its stage and the result of an objection in Chinese' '
	seed &&
	changes_zh -f csv --labels >out &&
	grep -q "^[^,]*,[^,]*,上榜条目,光荣榜:HY0101001:2022-12-10,修改,提名上榜,,2022-12-05 " out &&
	grep -q ",上榜条目,光荣榜:HY0101001:2022-12-10,修改,所处阶段,,拟上榜," out &&
	grep -q ",上榜条目,曝光台:HY0102004:2022-12-20,修改,异议处理,,2022-12-18 [^ ]* 异议成立," out &&
	grep -q ",上榜条目,曝光台:HY0102004:2022-12-20,修改,所处阶段,异议中,异议成立已撤回," out
'

test_case 'zh_CN: a selection, a meeting and a vote in Chinese' '
	seed &&
	changes_zh -f csv --labels >out &&
	grep -q ",评选,文明家庭::村级:2022:HY0101001,新建,,,邻里互评," out &&
	grep -q ",会议,[0-9]*,新建,,,院坝会," out &&
	grep -q ",表决,[0-9]*,修改,结果,,\"代表人数 45, 到会人数 38, 赞成票数 33, 反对票数 3, 弃权票数 2: 通过\"," out &&
	grep -q ",表决,[0-9]*,修改,备案日期,,2022-11-30," out
'

test_case 'zh_CN: village rules: each step and stage by the procedure'"'"'s words' '
	seed &&
	changes_zh -f csv --labels >out &&
	grep -q ",村规民约,[0-9]*,修改,起草,,2023-01-05 村两委," out &&
	grep -q ",村规民约,[0-9]*,修改,所处阶段,已起草,已征求意见," out &&
	grep -q ",村规民约,[0-9]*,修改,表决,,2023-0[0-9]-[0-9]* [^,]* 表决通过," out
'

test_case 'zh_CN: a revisit'"'"'s finding, a merge and a rename in Chinese' '
	seed &&
	changes_zh -f csv --labels >out &&
	grep -q ",问题,[0-9]*,修改,回访,,2022-12-12 村调委会 反弹," out &&
	grep -q ",户,HY0101002,修改,并入,HY0101002,HY0101003,[^,]*,重复登记$" out &&
	grep -q ",村(社区),凉水村,修改,名称,凉水村,凉水新村,[^,]*,改名$" out &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today 2023-06-30 history \
		"$(sqlite3 "$RENKE_DB" "SELECT max(id) FROM issue WHERE kind = '"'"'dispute'"'"'")" \
		-f csv --labels >issue &&
	grep -q ",回访,,2022-12-12 村调委会 反弹$" issue
'

test_case 'C: the same rows in English words for people' '
	seed &&
	LANG=C.UTF-8 LC_ALL=C.UTF-8 report-gen --today 2023-06-30 changes --since 2000-01-01 \
		-f csv --labels >out &&
	grep -q ",board entry record,honour board:HY0101001:2022-12-10,changed,proposal,,2022-12-05 " out &&
	grep -q ",selection record,civilised family::village:2022:HY0101001,created,,,neighbour evaluation," out &&
	grep -q ",vote record,[0-9]*,changed,result,,\"representatives 45, present 38, votes for 33, votes against 3, abstentions 2: adopted\"," out &&
	grep -q ",household record,HY0101002,changed,merged into,HY0101002,HY0101003," out
'

test_case 'machine formats keep the codes, the field names and the keys as stored' '
	seed &&
	changes_zh -f csv >out &&
	grep -q ",board,honour:HY0101001:2022-12-10,changed,propose,,2022-12-05 " out &&
	grep -q ",board,exposure:HY0102004:2022-12-20,changed,decide,,2022-12-18 [^ ]* upheld," out &&
	grep -q ",honour,civilised_family::village:2022:HY0101001,created,,,evaluation," out &&
	grep -q ",vote,[0-9]*,changed,result,,\"representatives 45, present 38, yes 33, no 3, abstain 2: adopted\"," out &&
	grep -q ",household,HY0101002,changed,merged_into,HY0101002,HY0101003," out &&
	changes_zh -f jsonl | grep -q "\"kind\":\"meeting\".*\"new\":\"courtyard\""
'

test_case 'one table of field headings: a message names the field as the history does' '
	seed &&
	printf "title,owner\n路灯,王强\n" >owned.csv &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 issue-add --dry-run --today 2022-11-30 \
		--owner 村委会 --village 后叶村 owned.csv >out 2>err &&
	grep -q "^issue-add: 1条记录中有1条的责任人取自记录本身；以 --set owner=村委会 统一改用选项的值$" err &&
	changes_zh -f csv --labels | grep -q ",问题,1,修改,责任人,," &&
	printf "x\n1\n" >nothing.csv &&
	store_dump >before &&
	expect_status 65 env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 survey-tally \
		--today 2022-11-28 nothing.csv >out 2>err &&
	err_is err "survey-tally: nothing.csv:1: 没有用于分组的列村(社区)(--by)" &&
	test_must_be_empty out &&
	store_unchanged &&
	expect_status 65 survey-tally --today 2022-11-28 nothing.csv >out 2>err &&
	err_is err "survey-tally: nothing.csv:1: no column village to group by (--by)"
'

test_done
