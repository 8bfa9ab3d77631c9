#!/bin/sh
# t0746-deadline-titles.sh -- deadline-check words the title of a
# monitoring case, a suggestion of monitoring with no case, a loan and a
# returnee in the user's language: under C in English, only the names
# being Chinese; under zh_CN as an office writes it (何玉勇：纳入监测，待入户核实).
# CSV and JSON keep their codes and keys in either language.

. "$(dirname "$0")/lib.sh"

# every kind of item whose title is made of words, in 石门镇: loans at
# two stages, returnees (a village worthy among them), a case waiting for
# its home check, a visit that suggested monitoring and found no case
township() {
	deadline_township &&
	store_dump >before
}

# titles FORMAT: the first title of each kind in deadline-check's CSV
first_titles() {
	expect_status 1 deadline-check --today 2022-12-20 -f csv "$@" >out.csv &&
	awk -F, 'NR > 1 && !seen[$1]++ { print $1 "|" $3 }' out.csv | sort
}

test_case 'C: every title is English but for the names of people' '
	township &&
	first_titles >actual &&
	cat >expect <<-EOT &&
	loan_unanswered|刘兰英: microloan papers sent; the bank has not answered
	loan_unsent|杨富芳: wishes for a microloan; papers not sent to the bank
	monitoring_case_overdue|何玉勇: inclusion awaiting home check
	monitoring_unfollowed|牟桂福: a visit suggested monitoring and no case was opened
	returnee_uncontacted|秦开: returnee not contacted since 2022-08-10
	EOT
	test_cmp expect actual &&
	grep -qF ",向国富: village worthy not contacted since 2022-10-20," out.csv &&
	csv_column 3 out.csv | sed 1d | sed "s/^[^:]*: //" >words &&
	! grep -q "[^ -~]" words &&
	store_unchanged
'

test_case 'zh_CN: the titles read as an office writes them' '
	township && zh_locale &&
	first_titles >actual &&
	cat >expect <<-EOT &&
	loan_unanswered|刘兰英：小额信贷材料已提交，银行未答复
	loan_unsent|杨富芳：小额信贷意愿，材料未提交银行
	monitoring_case_overdue|何玉勇：纳入监测，待入户核实
	monitoring_unfollowed|牟桂福：走访建议纳入监测，未登记案件
	returnee_uncontacted|秦开：回引人才，2022-08-10后未再联系
	EOT
	test_cmp expect actual &&
	grep -qF ",向国富：乡贤，2022-10-20后未再联系," out.csv &&
	store_unchanged
'

test_case 'the case waits for the step after its last: past the home check, for the data check' '
	township &&
	case-step -q --today 2022-11-10 --case 1 --step home_check --date 2022-11-02 \
		--housing 砖混结构无危房 --food 粮食够吃 --labour 一个劳动力 \
		--income 年收入1.2万元 --expenses 住院自付3万元 --judgement 因病返贫风险 \
		--consent 是 --monitor-type 突发严重困难户 --risks 因病 >/dev/null &&
	expect_status 1 deadline-check --today 2022-12-20 --kind monitoring_case_overdue -f csv >out &&
	grep -qF ",何玉勇: inclusion awaiting data cross-check," out &&
	(zh_locale && expect_status 1 deadline-check --today 2022-12-20 \
		--kind monitoring_case_overdue -f csv) >out &&
	grep -qF ",何玉勇：纳入监测，待信息比对," out
'

test_case 'zh_CN: a suggestion'"'"'s id names the visit in Chinese for people, by its code for programs' '
	township && zh_locale &&
	expect_status 1 deadline-check --today 2022-12-20 --kind monitoring_unfollowed -f table >out &&
	grep -q "^监测建议未跟进  *走访:HY0101002:2022-11-02:张干部  *牟桂福：" out &&
	! grep -q "visit" out &&
	expect_status 1 deadline-check --today 2022-12-20 --kind monitoring_unfollowed -f csv >out &&
	grep -q "^monitoring_unfollowed,visit:HY0101002:2022-11-02:张干部," out
'

test_case 'JSON keeps its keys and codes; the title is the same words as the table'"'"'s' '
	township &&
	expect_status 1 deadline-check --today 2022-12-20 --kind loan_unsent -f jsonl >out &&
	head -n 1 out | grep -qF "\"kind\":\"loan_unsent\"" &&
	head -n 1 out | grep -qF "\"title\":\"杨富芳: wishes for a microloan; papers not sent to the bank\"" &&
	expect_status 1 deadline-check --today 2022-12-20 --kind loan_unsent -f table >out &&
	grep -qF "杨富芳: wishes for a microloan; papers not sent to the bank" out
'

test_done
