#!/bin/sh
#
# report-gen cases: the open monitoring cases with their step, days and
# lateness; the figures per village and the summary's funnel; the public
# posting list (公示名单) without personal numbers; refused views and
# filters with their message, status and an unchanged store

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
PY=/usr/bin/python3	# with openpyxl, as Debian installs it
[ -x "$PY" ] || PY=python3
SEED=$TRASH/seed.db

# The store every case starts from: seven cases of 后叶村 and 双河村 on
# their way through the procedure, on the days of November 2022 below.
#   1 HY0101001 inclusion, application 11-01, approved 11-12 (11 days)
#   2 HY0101002 inclusion, cadre 11-02, village review 11-05: to be posted
#   3 HY0101003 inclusion, department 11-03, posted 11-07 to 11-11
#   4 HY0102001 inclusion, application 11-04, not eligible at the village review
#   5 HY0102002 inclusion, application 11-05, rejected by the county 11-16
#   6 HY0101001 elimination, cadre 11-20, at its clue
#   7 HY0201001 inclusion, application 11-16, checked at home 11-17
# and a visit of 11-25 to HY0101004 suggesting monitoring, left without a case.
seed() {
	example_households &&
	cat >clues.csv <<-\EOF &&
	household_id,case_type,clue,clue_on,recorder
	HY0101001,inclusion,application,2022-11-01,王登记
	HY0101002,inclusion,cadre,2022-11-02,王登记
	HY0101003,inclusion,department,2022-11-03,王登记
	HY0102001,inclusion,application,2022-11-04,王登记
	HY0102002,inclusion,application,2022-11-05,王登记
	EOF
	case-open -q --today $TODAY clues.csv >/dev/null &&
	H="housing,food,labour,income,expenses,judgement,consent" &&
	C="砖房,够吃,1人,1万,医疗3万,风险,是" &&
	N=",,,,,,," &&
	cat >steps.csv <<-EOF &&
	household_id,step,date,who,result,reason,$H,monitor_type,risks,answers,days,objections
	HY0101001,home_check,2022-11-02,李核实,,,$C,sudden_hardship,illness,,,
	HY0101001,data_check,2022-11-03,李核实,,$N,,,无异常,,
	HY0101001,village_review,2022-11-04,村委会,,$N,,,,,
	HY0101001,posting,2022-11-05,村委会,,$N,,,,5,无
	HY0101001,township_review,2022-11-10,乡政府,,$N,,,,,
	HY0101001,decision,2022-11-12,县乡村振兴局,approved,$N,,,,,
	HY0101002,home_check,2022-11-03,李核实,,,$C,marginal,illness;schooling,,,
	HY0101002,data_check,2022-11-04,李核实,,$N,,,无异常,,
	HY0101002,village_review,2022-11-05,村委会,,$N,,,,,
	HY0101003,home_check,2022-11-04,李核实,,,$C,unstable,disability,,,
	HY0101003,data_check,2022-11-05,李核实,,$N,,,无异常,,
	HY0101003,village_review,2022-11-06,村委会,,$N,,,,,
	HY0101003,posting,2022-11-07,村委会,,$N,,,,5,无
	HY0102001,home_check,2022-11-05,李核实,,,$C,unstable,industry_failure,,,
	HY0102001,data_check,2022-11-06,李核实,,$N,,,无异常,,
	HY0102001,village_review,2022-11-07,村委会,not_eligible,收入稳定$N,,,,,
	HY0102002,home_check,2022-11-06,李核实,,,$C,marginal,unstable_work,,,
	HY0102002,data_check,2022-11-07,李核实,,$N,,,无异常,,
	HY0102002,village_review,2022-11-08,村委会,,$N,,,,,
	HY0102002,posting,2022-11-09,村委会,,$N,,,,5,无
	HY0102002,township_review,2022-11-14,乡政府,,$N,,,,,
	HY0102002,decision,2022-11-16,县乡村振兴局,rejected,收入超过标准$N,,,,,
	EOF
	case-step -q --today $TODAY steps.csv >/dev/null &&
	case-open -q --today $TODAY --household HY0101001 --type elimination \
		--clue cadre --clue-on 2022-11-20 --recorder 王登记 >/dev/null &&
	case-open -q --today $TODAY --household HY0201001 --clue application \
		--clue-on 2022-11-16 --recorder 张登记 >/dev/null &&
	case-step -q --today $TODAY --household HY0201001 --step home_check \
		--date 2022-11-17 --housing 危房 --food 够吃 --labour 无 \
		--income 0.5万 --expenses 灾后重建 --judgement 因灾 --consent 是 \
		--monitor-type sudden_hardship --risks 因灾 >/dev/null &&
	visit-log -q --today $TODAY --household HY0101004 --date 2022-11-25 \
		--visitor 张干部 --round r --monitor 是 &&
	assign -q --cadre 李帮扶 --role 帮扶干部 --household HY0101002
}

(RENKE_DB=$SEED && export RENKE_DB && mkdir "$TRASH/seed" && cd "$TRASH/seed" &&
	seed) >"$TRASH/seed.log" 2>&1 || { cat "$TRASH/seed.log"; exit 1; }

use_seed() {
	cp "$SEED" "$RENKE_DB" &&
	store_dump >before
}

OPEN_HEADER=case_id,village,village_group,household_id,head_name,case_type,monitor_type,risks,clue,clue_on,step,step_on,days_at_step,days_open,next_step,due_date,late,cadre,issues,measures

test_case 'the open cases: step reached, days at it and since the clue, the deadline, late, the cadre' '
	use_seed &&
	report-gen --today $TODAY cases -f csv >out &&
	{
		echo "$OPEN_HEADER" &&
		echo "6,后叶村,1社,HY0101001,何玉勇,elimination,,,cadre,2022-11-20,clue,2022-11-20,10,10,home_check,2022-12-05,false,王登记,0,0" &&
		echo "2,后叶村,1社,HY0101002,牟桂福,inclusion,marginal,illness;schooling,cadre,2022-11-02,village_review,2022-11-05,25,28,posting,2022-11-17,true,李帮扶,0,0" &&
		echo "3,后叶村,1社,HY0101003,陈志,inclusion,unstable,disability,department,2022-11-03,posting,2022-11-07,23,27,township_review,2022-11-18,true,王登记,0,0" &&
		echo "7,双河村,1社,HY0201001,$(sqlite3 "$RENKE_DB" "select head_name from household where household_id = ${SQ}HY0201001${SQ}"),inclusion,sudden_hardship,disaster,application,2022-11-16,home_check,2022-11-17,13,14,data_check,2022-12-01,false,张登记,0,0"
	} >expect &&
	test_cmp expect out &&
	store_unchanged
'

test_case 'late is the day after the deadline, not the day itself' '
	use_seed &&
	report-gen --today 2022-12-01 --village 双河村 cases -f csv >out &&
	grep -q "^7,.*,2022-12-01,false," out &&
	report-gen --today 2022-12-02 --village 双河村 cases -f csv >out &&
	grep -q "^7,.*,2022-12-01,true," out &&
	test_line_count 2 out
'

test_case 'filters: village, group, the clue'"'"'s days; a village nobody has is refused' '
	use_seed &&
	report-gen --today $TODAY --village 后叶村 --group 1社 --since 2022-11-03 --until 2022-11-20 cases -f csv >out &&
	cut -d , -f 1 out >actual &&
	printf "case_id\n6\n3\n" >expect &&
	test_cmp expect actual &&
	expect_status 65 report-gen --today $TODAY --village 后页村 cases 2>err &&
	grep_message "后叶村" err &&
	store_unchanged
'

test_case 'for people under zh_CN: Chinese headings and labels' '
	use_seed &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY cases -f table >out &&
	head -n 1 out | grep -q "^案件 .*所处环节 .*本环节天数 .*已用天数 .*下一环节 .*逾期 .*责任干部" &&
	grep -q "牟桂福 .*纳入监测 .*边缘易致贫户 .*因病、因学 .*干部排查 .*村级民主评议 .* 公示 .*是 .*李帮扶" out &&
	grep -q "何玉勇 .*风险消除 .*线索 .*入户核实 .*否" out &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY cases -f markdown >md &&
	grep -q "| 陈志 | 纳入监测 | 脱贫不稳定户 | 因残 |" md
'

VILLAGE_HEADER=village,cases_opened,inclusion,elimination,type_unstable,type_marginal,type_sudden_hardship,risk_illness,risk_disability,risk_schooling,risk_disaster,risk_accident,risk_unstable_work,risk_industry_failure,risk_other,checked,posted,decided,included,eliminated,rejected,not_eligible,open,late,median_days_to_decision,unfollowed

test_case 'per village: opened, by type and risk, the funnel, how they ended, late, median days, unfollowed' '
	use_seed &&
	report-gen --today $TODAY cases villages -f csv >out &&
	head -n 1 out >actual &&
	echo "$VILLAGE_HEADER" >expect &&
	test_cmp expect actual &&
	grep -e "^后叶村," -e "^双河村," -e "^红狮村," -e "^\*," out >actual &&
	{
		echo "后叶村,6,5,1,2,2,1,2,1,1,0,0,1,1,0,5,3,2,1,0,1,1,3,2,11.0,1" &&
		echo "双河村,1,1,0,0,0,1,0,0,0,1,0,0,0,0,1,0,0,0,0,0,0,1,0,,0" &&
		echo "红狮村,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,0" &&
		echo "*,7,6,1,2,2,2,2,1,1,1,0,1,1,0,6,3,2,1,0,1,1,4,2,11.0,1"
	} >expect &&
	test_cmp expect actual &&
	store_unchanged
'

test_case 'per village: the clue'"'"'s days filter; an unfollowed suggestion counts from day 4' '
	use_seed &&
	report-gen --today 2022-11-28 --since 2022-11-05 --until 2022-11-20 --village 后叶村 cases villages -f csv >out &&
	sed -n 2p out >actual &&
	echo "后叶村,2,1,1,0,1,0,0,0,0,0,0,1,0,0,1,1,1,0,0,1,0,1,0,11.0,0" >expect &&
	test_cmp expect actual &&
	report-gen --today 2022-11-29 --village 后叶村 cases villages -f csv >out &&
	sed -n 2p out | awk -F, "{ print \$NF }" >actual &&
	echo 1 >expect &&
	test_cmp expect actual
'

test_case 'per village under zh_CN: labels of the types and risks, the total' '
	use_seed &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY cases villages -f table >out &&
	head -n 1 out | grep -q "^村(社区) .*立案数 .*纳入监测 .*风险消除 .*脱贫不稳定户 .*因务工就业不稳 .*已入户核实 .*已公示 .*已审定 .*审定不同意 .*逾期 .*线索至审定天数中位数 .*建议未跟进(漏评)" &&
	grep -q "^合计 " out &&
	grep -q "^红狮村 .* —  " out
'

test_case 'the summary has the funnel: clues, checked, posted, decided' '
	use_seed &&
	report-gen --today $TODAY summary -f csv >out &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		{ print \$at[\"village\"] \",\" \$at[\"cases_opened\"] \",\" \$at[\"cases_checked\"] \",\" \$at[\"cases_posted\"] \",\" \$at[\"cases_decided\"] }" out |
		grep -e "^后叶村," -e "^双河村," -e "^\*," >actual &&
	printf "后叶村,6,5,3,2\n双河村,1,1,0,0\n*,7,6,3,2\n" >expect &&
	test_cmp expect actual &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY summary -f table >table &&
	head -n 1 table | grep -q "监测线索 .*已入户核实 .*已公示 .*已审定"
'

test_case 'the summary page draws the funnel per village, and its workbook has it as a sheet with bars' '
	use_seed &&
	report-gen --today $TODAY summary -f html >page.html &&
	sed -n "/<section id=\"chart-funnel\"/,/<\/section>/p" page.html >funnel &&
	# a bar for each step a village'"'"'s cases reached: 后叶村 4, 双河村 2, the total 4
	grep -c "<title>[a-z ]*: [0-9]*</title>" funnel >bars &&
	echo 10 >expect &&
	test_cmp expect bars &&
	for bar in "case clues: 6" "checked: 5" "posted: 3" "decided: 2" "case clues: 7"; do
		grep -q "<title>$bar</title>" funnel || { echo "no bar $bar" >&2; exit 1; }
	done &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY summary -f html >zh.html &&
	grep -q "监测对象识别：从线索到审定" zh.html &&
	grep -q "<title>已公示: 3</title>" zh.html &&
	report-gen --today $TODAY summary -f xlsx -o sum.xlsx &&
	"$PY" -c "
import openpyxl
ws = openpyxl.load_workbook(\"sum.xlsx\")[\"Monitoring cases\"]
for row in ws.iter_rows(min_row=2, values_only=True):
    if row[0] in (\"village\", \"后叶村\", \"双河村\", \"total\"):
        print(*row, sep=\",\")
" >actual &&
	printf "village,case clues,checked,posted,decided\n后叶村,6,5,3,2\n双河村,1,1,0,0\ntotal,7,6,3,2\n" >expect &&
	test_cmp expect actual &&
	store_unchanged
'

POSTING_HEADER=case_id,village,village_group,head_name,case_type,monitor_type,risks,posting_from,posting_until

test_case 'the posting list: the cases between the village and the township review, no number of any kind' '
	use_seed &&
	report-gen --today $TODAY cases posting -f csv >out &&
	{
		echo "$POSTING_HEADER" &&
		echo "3,后叶村,1社,陈志,inclusion,unstable,disability,2022-11-07,2022-11-11" &&
		echo "2,后叶村,1社,牟桂福,inclusion,marginal,illness;schooling,,"
	} >expect &&
	test_cmp expect out &&
	report-gen --today $TODAY cases posting -f json >json &&
	! grep -q -e HY01 -e "[0-9]\{11\}" json &&
	report-gen --today $TODAY --village 双河村 cases posting -f csv >out &&
	echo "$POSTING_HEADER" >expect &&
	test_cmp expect out
'

test_case 'the posting list as A4 pages under zh_CN: a page per posting, its days or blanks, nothing personal' '
	use_seed &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY cases posting -f html >page.html &&
	grep -q "<html lang=\"zh-CN\">" page.html &&
	grep -q "@page { size: A4" page.html &&
	test "$(grep -c "<h1>后叶村防返贫监测对象公示名单</h1>" page.html)" = 2 &&
	grep -q "<th>序号</th><th>村民小组</th><th>户主</th><th>拟办事项</th><th>监测类型</th><th>风险类型</th>" page.html &&
	grep -q "<tr><td>1</td><td>1社</td><td>陈志</td><td>纳入监测</td><td>脱贫不稳定户</td><td>因残</td></tr>" page.html &&
	grep -q "<tr><td>1</td><td>1社</td><td>牟桂福</td><td>纳入监测</td><td>边缘易致贫户</td><td>因病、因学</td></tr>" page.html &&
	grep -q "公示期：2022-11-07至2022-11-11。" page.html &&
	grep -q "公示期：__________至__________。" page.html &&
	grep -q "后叶村村民委员会<br>2022-11-30" page.html &&
	: no ID number, phone or household number, nothing fetched &&
	! grep -q -e HY0 -e "[0-9]\{11\}" -e "src=" -e "href=" -e "<script" page.html &&
	report-gen --today $TODAY --village 红狮村 cases posting -f html >empty.html &&
	grep -q "<p>No case is to be posted.</p>" empty.html
'

test_case 'the posting list as a workbook: Chinese headings, the names as text' '
	use_seed &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY cases posting -f xlsx >list.xlsx &&
	unzip -p list.xlsx >sheet.xml &&
	grep -q "户主" sheet.xml &&
	grep -q "牟桂福" sheet.xml &&
	grep -q "因病、因学" sheet.xml
'

test_case 'several stores: a township column' '
	use_seed &&
	cp "$SEED" other.db &&
	sqlite3 other.db "INSERT OR REPLACE INTO meta VALUES (${SQ}township${SQ}, ${SQ}乙乡${SQ})" &&
	report-gen --today $TODAY -d "$RENKE_DB" -d other.db cases -f csv >out &&
	head -n 1 out | grep -q "^township,case_id," &&
	test "$(grep -c ",HY0101002," out)" = 2 &&
	grep -q "^乙乡,2,后叶村," out &&
	report-gen --today $TODAY -d "$RENKE_DB" -d other.db cases villages -f csv >out &&
	grep -q "^\*,\*,14,12,2," out
'

test_case 'refused: an unknown view, too many operands, a filter a view does not take' '
	use_seed &&
	expect_status 64 report-gen cases bogus 2>err &&
	grep_message "report-gen: cases: unknown view \"bogus\"; expected open, villages or posting" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 64 report-gen cases bogus 2>err &&
	grep_message "cases：没有“bogus”这种视图" err &&
	expect_status 64 report-gen cases open posting 2>err &&
	grep_message "report-gen: too many operands" err &&
	expect_status 64 report-gen --group 1社 cases villages 2>err &&
	grep_message "report-gen: --group: the villages of cases are counted by village" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 64 report-gen --group 1社 cases villages 2>err &&
	grep_message "分村统计按村计数" err &&
	expect_status 64 report-gen --since 2022-11-01 cases posting 2>err &&
	grep_message "report-gen: --since, --until: the posting list is of the cases now between the village review and the township review" err &&
	expect_status 64 report-gen --owner 王 cases 2>err &&
	grep_message "report-gen: --owner: the cases report does not take it" err &&
	store_unchanged
'

test_case 'a store without cases: nothing open, nothing to post, zeros per village' '
	example_households &&
	report-gen --today $TODAY cases -f csv >out &&
	echo "$OPEN_HEADER" >expect &&
	test_cmp expect out &&
	report-gen --today $TODAY cases villages -f csv >out &&
	grep "^\*," out >actual &&
	echo "*,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,0" >expect &&
	test_cmp expect actual
'

test_done
