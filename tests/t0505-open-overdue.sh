#!/bin/sh
#
# "open" and "overdue" are one rule (ISSUE_OPEN_SQL, ISSUE_OVERDUE_SQL in
# lib/issue.h): deadline-check, report-gen's summary and issues ledger and
# what issue-update writes of each issue must agree on its edges: an issue
# due today, one resolved without feedback, one whose deadline was
# extended, one overdue by a day.

. "$(dirname "$0")/lib.sh"

# the four issues of the edges, as they stand on 2024-03-10; each
# command's view of an issue goes to view.csv (issue-update's, the last)
ledger() {
	printf '%s\n' household_id,village,village_group \
		H1,甲村,1组 H2,甲村,2组 H3,甲村,1组 H4,甲村,2组 >h.csv &&
	household-add -q h.csv &&
	issue-add -q --today 2024-03-01 -f csv --title 今天到期 --owner 王 \
		--household H1 --due-date 2024-03-10 >view.csv &&
	issue-add -q --today 2024-03-01 -f csv --title 已办未反馈 --owner 王 \
		--household H2 --due-date 2024-03-05 >/dev/null &&
	issue-update -q --today 2024-03-04 -f csv --id 2 --status resolved \
		--resolution 已修 | sed 1d >>view.csv &&
	issue-add -q --today 2024-03-01 -f csv --title 延期 --owner 王 \
		--household H3 --due-date 2024-03-05 >/dev/null &&
	issue-update -q --today 2024-03-06 -f csv --id 3 --due-date 2024-03-20 \
		--reason 材料未到 | sed 1d >>view.csv &&
	issue-add -q --today 2024-03-01 -f csv --title 逾期 --owner 王 \
		--household H4 --due-date 2024-03-09 | sed 1d >>view.csv
}

# overdue_of CSV DUE STATUS: the ids (first column) of the rows of CSV
# that are open and due before 2024-03-10, DUE and STATUS being the
# numbers of the due date's and the status's columns
overdue_of() {
	awk -F, -v due="$2" -v st="$3" 'NR > 1 &&
		($st == "open" || $st == "in_progress" || $st == "reopened") &&
		$due < "2024-03-10" { print $1 }' "$1"
}

test_case 'the edges, as issue-update and report-gen write the issues' '
	ledger &&
	cut -d, -f1,10-12 view.csv >actual &&
	printf "%s\n" id,due_date,status,extensions 1,2024-03-10,open,0 \
		2,2024-03-05,resolved,0 3,2024-03-20,open,1 4,2024-03-09,open,0 >expect &&
	test_cmp expect actual &&
	report-gen -f csv --today 2024-03-10 issues >issues.csv &&
	cut -d, -f1,12,13,15,17 issues.csv >actual &&
	printf "%s\n" id,due_date,status,feedback_on,extensions \
		1,2024-03-10,open,,0 2,2024-03-05,resolved,,0 3,2024-03-20,open,,1 \
		4,2024-03-09,open,,0 >expect &&
	test_cmp expect actual
'

test_case 'deadline-check lists as overdue exactly what the others show overdue' '
	ledger &&
	expect_status 1 deadline-check -f csv --today 2024-03-10 --kind issue_overdue \
		>dc.csv &&
	cut -d, -f2 dc.csv | sed 1d >actual &&
	echo 4 >expect &&
	test_cmp expect actual &&
	overdue_of view.csv 10 11 >actual &&
	test_cmp expect actual &&
	report-gen -f csv --today 2024-03-10 issues >issues.csv &&
	overdue_of issues.csv 12 13 >actual &&
	test_cmp expect actual
'

test_case 'report-gen summary counts as overdue what deadline-check lists' '
	ledger &&
	expect_status 1 deadline-check -f csv --today 2024-03-10 --kind issue_overdue \
		>dc.csv &&
	report-gen -f csv --today 2024-03-10 summary >summary.csv &&
	head -1 summary.csv | tr , "\n" | grep -n "^issues_overdue$" | cut -d: -f1 >col &&
	awk -F, -v c="$(cat col)" "\$1 == \"甲村\" { print \$c }" summary.csv >actual &&
	echo $(($(wc -l <dc.csv) - 1)) >expect &&
	test_cmp expect actual &&
	echo 1 >expect &&
	test_cmp expect actual
'

test_case 'a day later the issue due today is overdue in all three, the extended one not yet' '
	ledger &&
	expect_status 1 deadline-check -f csv --today 2024-03-11 --kind issue_overdue \
		>dc.csv &&
	cut -d, -f2 dc.csv | sed 1d | sort >actual &&
	printf "%s\n" 1 4 >expect &&
	test_cmp expect actual &&
	report-gen -f csv --today 2024-03-11 summary >summary.csv &&
	head -1 summary.csv | tr , "\n" | grep -n "^issues_overdue$" | cut -d: -f1 >col &&
	awk -F, -v c="$(cat col)" "\$1 == \"甲村\" { print \$c }" summary.csv >actual &&
	echo 2 >expect &&
	test_cmp expect actual
'

test_case 'resolved without feedback: never overdue as an issue, but its feedback is' '
	ledger &&
	expect_status 1 deadline-check -f csv --today 2024-03-10 >dc.csv &&
	grep "^feedback_overdue,2," dc.csv &&
	! grep "^issue_overdue,2," dc.csv &&
	report-gen -f csv --today 2024-03-10 summary >summary.csv &&
	head -1 summary.csv | tr , "\n" >names &&
	for f in issues_resolved issues_fed_back; do
		c=$(grep -n "^$f\$" names | cut -d: -f1) &&
		awk -F, -v c="$c" "\$1 == \"甲村\" { print \$c }" summary.csv || return 1
	done >actual &&
	printf "%s\n" 1 0 >expect &&
	test_cmp expect actual
'

test_done
