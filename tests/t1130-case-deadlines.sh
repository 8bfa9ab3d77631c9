#!/bin/sh
#
# deadline-check and monitoring cases: a case past the county's limit
# (monitoring_case_overdue) and a suggestion of monitoring with no case
# (monitoring_unfollowed), from visit-log --flagged into cases

. "$(dirname "$0")/lib.sh"

HEADER=kind,id,title,household_id,village,village_group,owner,due_date,days_overdue,urgency

# seed: the example households; HY0101001's application opened on
# 2022-11-01 by 王登记 (the cases are in use); a visit of 2022-11-02 to
# HY0101002 that suggests monitoring
seed() {
	example_households &&
	case-open -q --by 王登记 --today 2022-11-01 --household HY0101001 \
		--clue application --clue-on 2022-11-01 >/dev/null &&
	visit-log -q --today 2022-11-02 --household HY0101002 --date 2022-11-02 \
		--visitor 张干部 --round r --monitor 是 --risk 中
}

test_case 'an unfollowed suggestion is reported on day 4 and not on day 3' '
	seed &&
	deadline-check --today 2022-11-05 --kind monitoring_unfollowed >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-11-06 --kind monitoring_unfollowed -f csv >out &&
	{
		echo "$HEADER" &&
		echo "monitoring_unfollowed,visit:HY0101002:2022-11-02:张干部,牟桂福: a visit suggested monitoring and no case was opened,HY0101002,后叶村,1社,张干部,2022-11-05,1,"
	} >expect &&
	test_cmp expect out
'

test_case 'followed into a case by visit-log --flagged --as cases, it is reported no more' '
	seed &&
	visit-log --flagged --as cases --since 2022-11-01 | case-open -q --today 2022-11-06 >/dev/null &&
	sqlite3 "$RENKE_DB" "select household_id, clue, clue_on, recorder from monitor_case where id = 2" >actual &&
	echo "HY0101002|visit|2022-11-02|张干部" >expect &&
	test_cmp expect actual &&
	deadline-check --today 2022-11-06 --kind monitoring_unfollowed >out &&
	test_must_be_empty out
'

test_case 'a case is overdue the day after its 15 days (--within 2 lists it two days before), owned by its recorder or the household'"'"'s cadre' '
	seed &&
	deadline-check --today 2022-11-16 --kind monitoring_case_overdue >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-11-17 --kind monitoring_case_overdue -f csv >out &&
	{
		echo "$HEADER" &&
		echo "monitoring_case_overdue,1,何玉勇: inclusion awaiting home check,HY0101001,后叶村,1社,王登记,2022-11-16,1,"
	} >expect &&
	test_cmp expect out &&
	expect_status 1 deadline-check --today 2022-11-14 --within 2 --kind monitoring_case_overdue -f csv >out &&
	grep -q "^monitoring_case_overdue,1,.*,王登记,2022-11-16,-2,$" out &&
	deadline-check --today 2022-11-13 --within 2 --kind monitoring_case_overdue >out &&
	test_must_be_empty out &&
	assign -q --cadre 李帮扶 --role 帮扶干部 --household HY0101001 &&
	expect_status 1 deadline-check --today 2022-11-17 --kind monitoring_case_overdue --owner 李帮扶 -f csv >out &&
	grep -q "^monitoring_case_overdue,1,.*,李帮扶,2022-11-16,1," out &&
	case-open -q --reason "县文件" --limit decision_days=20 &&
	deadline-check --today 2022-11-17 --kind monitoring_case_overdue >out &&
	test_must_be_empty out
'

test_case 'a decided case is overdue no more; the limit of days a suggestion waits is the county'"'"'s' '
	seed &&
	case-step -q --today 2022-11-17 --case 1 --step home_check --result 不符合条件 \
		--reason 收入稳定 >/dev/null &&
	deadline-check --today 2022-11-30 --kind monitoring_case_overdue >out &&
	test_must_be_empty out &&
	case-open -q --reason "县文件" --limit unfollowed_days=7 &&
	deadline-check --today 2022-11-09 --kind monitoring_unfollowed >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-11-10 --kind monitoring_unfollowed >out
'

test_case 'no case in the store: suggestions are not yet reported' '
	example_households &&
	visit-log -q --today 2022-11-02 --household HY0101002 --date 2022-11-02 \
		--visitor 张干部 --round r --monitor 是 &&
	deadline-check --today 2022-12-01 >out &&
	test_must_be_empty out
'

test_done
