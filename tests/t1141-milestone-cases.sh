#!/bin/sh
#
# A visit-coverage milestone that needs the monitoring cases complete
# (milestone-add --cases; 2022-11-08, 新识别监测户、风险消除户信息采集): a
# household with a case whose clue came by the due date and that had not
# ended by then is not covered, whatever its visits; refused values with
# their message, status and an unchanged store

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
SEED=$TRASH/seed.db

# Six households of 甲村, each visited in round r on 2022-11-05; the
# milestone m (cases complete by 2022-11-08) and p (visits only):
#   A1 no case                                  covered
#   A2 case from 11-01, still at its clue        not covered
#   A3 case from 11-01, approved on 11-08        covered (ended on the day)
#   A4 case from 11-01, not eligible on 11-03    covered
#   A5 case from 11-10, after the due date       covered
#   A6 case from 11-01, not eligible on 11-09    not covered (ended after it)
seed() {
	printf "household_id,head_name,village,village_group\n" >h.csv &&
	for h in 1 2 3 4 5 6; do
		printf "A%s,户主%s,甲村,1社\n" $h $h >>h.csv || return 1
	done &&
	household-add -q h.csv &&
	milestone-add -q --id m --title 信息采集 --round r --due 2022-11-08 --cases &&
	milestone-add -q --id p --title 走访 --round r --due 2022-11-08 &&
	printf "household_id,visit_date,visitor,round\n" >v.csv &&
	for h in 1 2 3 4 5 6; do
		printf "A%s,2022-11-05,张干部,r\n" $h >>v.csv || return 1
	done &&
	visit-log -q v.csv &&
	printf "household_id,clue,clue_on\nA2,application,2022-11-01\nA3,application,2022-11-01\nA4,application,2022-11-01\nA5,application,2022-11-10\nA6,application,2022-11-01\n" >c.csv &&
	case-open -q --today $TODAY c.csv >/dev/null &&
	H="housing,food,labour,income,expenses,judgement,consent,monitor_type,risks" &&
	C="砖房,够吃,1人,1万,医疗,风险,是,marginal,illness" &&
	cat >s.csv <<-EOF &&
	household_id,step,date,result,reason,$H,days,objections,answers
	A3,home_check,2022-11-02,,,$C,,,
	A3,data_check,2022-11-02,,,,,,,,,,,,,,无异常
	A3,village_review,2022-11-02,,,,,,,,,,,,,,
	A3,posting,2022-11-02,,,,,,,,,,,,5,无,
	A3,township_review,2022-11-07,,,,,,,,,,,,,,
	A3,decision,2022-11-08,approved,,,,,,,,,,,,,
	A4,home_check,2022-11-03,not_eligible,收入稳定,$C,,,
	A6,home_check,2022-11-09,not_eligible,收入稳定,$C,,,
	EOF
	case-step -q --today $TODAY s.csv >/dev/null
}

(RENKE_DB=$SEED && export RENKE_DB && mkdir "$TRASH/seed" && cd "$TRASH/seed" &&
	seed) >"$TRASH/seed.log" 2>&1 || { cat "$TRASH/seed.log"; exit 1; }

use_seed() {
	cp "$SEED" "$RENKE_DB" &&
	store_dump >before
}

test_case 'covered only with the cases complete by the due date; the plain milestone counts visits' '
	use_seed &&
	visit-log --coverage -f csv >out &&
	{
		echo "milestone,village,due,visited,missing,late,percent" &&
		echo "m,甲村,6,4,2,0,66.7" &&
		echo "p,甲村,6,6,0,0,100.0"
	} >expect &&
	test_cmp expect out &&
	visit-log --coverage --missing --milestone m -f csv | cut -d , -f 1,4 >actual &&
	printf "milestone,household_id\nm,A2\nm,A6\n" >expect &&
	test_cmp expect actual &&
	store_unchanged
'

test_case 'deadline-check and the summary count the same' '
	use_seed &&
	expect_status 1 deadline-check --today $TODAY --kind visit_missing -f csv >out &&
	cut -d , -f 1,4 out >actual &&
	printf "kind,household_id\nvisit_missing,A2\nvisit_missing,A6\n" >expect &&
	test_cmp expect actual &&
	report-gen --today $TODAY summary -f csv >out &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$1 == \"甲村\" { print \$at[\"coverage_m\"] \",\" \$at[\"coverage_p\"] }" out >actual &&
	echo "66.7,100.0" >expect &&
	test_cmp expect actual
'

test_case 'the case decided, the household is covered; a milestone set back to no counts visits only' '
	use_seed &&
	milestone-add -q --upsert --reason 按走访统计 --id m --title 信息采集 --round r --due 2022-11-09 --cases &&
	visit-log --coverage --milestone m -f csv >out &&
	: A6 ended on 11-09, the new due date: covered &&
	grep -q "^m,甲村,6,5,1," out &&
	printf "milestone_id,title,round,due_date,monitor_cases\nm,信息采集,r,2022-11-09,否\n" >m.csv &&
	milestone-add -q --upsert --reason 按走访统计 m.csv &&
	visit-log --coverage --milestone m -f csv >out &&
	grep -q "^m,甲村,6,6,0," out &&
	sqlite3 "$RENKE_DB" "select old, new from audit where entity = ${SQ}milestone${SQ} and field = ${SQ}monitor_cases${SQ}" >actual &&
	echo "1|0" >expect &&
	test_cmp expect actual
'

test_case 'refused: a value that is not yes or no, cases on a meeting milestone' '
	use_seed &&
	printf "milestone_id,title,round,due_date,monitor_cases\nq,采集,r,2022-11-08,也许\n" >bad.csv &&
	expect_status 65 milestone-add bad.csv 2>err &&
	grep_message "milestone-add: bad.csv:2: monitor_cases: unknown value \"也许\"; expected one of: " err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 milestone-add bad.csv 2>err &&
	grep_message "也许" err &&
	expect_status 65 milestone-add --id q --title 院坝会 --kind meeting-coverage --meeting-kind 院坝会 --due 2022-11-30 --cases 2>err &&
	err_is err "milestone-add: command line: monitor_cases: only a visit-coverage milestone counts monitoring cases" \
		"milestone-add: 1 bad record; nothing was written" &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 milestone-add --id q --title 院坝会 --kind meeting-coverage --meeting-kind 院坝会 --due 2022-11-30 --cases 2>err &&
	grep_message "只有走访覆盖时间节点才统计监测案件" err &&
	store_unchanged
'

test_done
