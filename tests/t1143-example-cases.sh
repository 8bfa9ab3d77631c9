#!/bin/sh
#
# The example township's monitoring cases (examples/cases.csv and
# case-steps.csv, which make demo imports): a case at every step of the
# procedure, two late on 1 December and listed by deadline-check, one
# found not eligible at the village review, two rejected by the county;
# the second, an elimination, refused first for want of a stable second
# visit, with its message, status and an unchanged store.

. "$(dirname "$0")/lib.sh"

TODAY=2022-12-01

# the example township with its cases and their steps, as make demo has
# them before the county decides HY0105004's elimination
steps_township() {
	example_township &&
	case-open -q --today $TODAY "$EXAMPLES/cases.csv" >/dev/null &&
	case-step -q --today $TODAY "$EXAMPLES/case-steps.csv" >/dev/null
}

# and after: rejected for want of a stable second visit
cases_township() {
	steps_township &&
	case-step -q --today $TODAY --household HY0105004 --step 县级审定 \
		--date 2022-11-24 --result 审定不同意 \
		--reason 缺少相隔六个月以上的第二次稳定走访 >/dev/null
}

test_case 'a case at every step, open or ended as the procedure ends them' '
	cases_township &&
	sqlite3 "$RENKE_DB" "SELECT step, state, count(*) FROM monitor_case GROUP BY step, state ORDER BY step, state" >actual &&
	cat >expect <<-\EOF &&
	clue|open|1
	data_check|open|2
	decision|approved|3
	decision|rejected|2
	home_check|open|1
	posting|open|1
	township_review|open|1
	village_review|not_eligible|1
	village_review|open|1
	EOF
	test_cmp expect actual
'

test_case 'two late on 1 December: in report-gen cases and in deadline-check, for their cadres' '
	cases_township &&
	report-gen --today $TODAY cases -f csv >out &&
	awk -F, "NR > 1 && \$17 == \"true\" { print \$1 \",\" \$4 }" out >actual &&
	printf "6,HY0806002\n4,HY0901010\n" >expect &&
	test_cmp expect actual &&
	expect_status 1 deadline-check --today $TODAY --kind monitoring_case_overdue -f csv >late &&
	cut -d , -f 1,2 late >actual &&
	printf "kind,id\nmonitoring_case_overdue,4\nmonitoring_case_overdue,6\n" >expect &&
	test_cmp expect actual &&
	expect_status 0 deadline-check --today 2022-11-02 --kind monitoring_case_overdue -f csv >none &&
	test_must_be_empty none
'

test_case 'one found not eligible at the village review, with its reason; two rejected by the county' '
	cases_township &&
	sqlite3 "$RENKE_DB" "SELECT household_id, step, state, reason IS NOT NULL FROM monitor_case WHERE state IN (${SQ}not_eligible${SQ}, ${SQ}rejected${SQ}) ORDER BY id" >actual &&
	printf "HY0301006|village_review|not_eligible|1\nHY0507003|decision|rejected|1\nHY0105004|decision|rejected|1\n" >expect &&
	test_cmp expect actual
'

test_case 'an elimination without a stable second visit is refused, naming what is missing' '
	steps_township &&
	store_dump >before &&
	expect_status 65 case-step --today $TODAY --household HY0105004 --step 县级审定 \
		--date 2022-11-24 --result 审定同意 >out 2>err &&
	test_must_be_empty out &&
	grep_message "^case-step: command line: --result: case 8: the risk cannot be eliminated: the last two visits of household HY0105004, 2022-11-13 and 2022-11-15, are less than 6 months apart: no stable second visit$" err &&
	store_unchanged &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 case-step --today $TODAY \
		--household HY0105004 --step 县级审定 --date 2022-11-24 --result 审定同意 2>err &&
	grep_message "案件 8" err &&
	store_unchanged
'

test_done
