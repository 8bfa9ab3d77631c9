#!/bin/sh
#
# The summary counts each issue as it stood on --today, from the days of
# its steps (resolved_on, feedback_on, closed_on), not as it is now: an
# issue resolved, fed back and closed later than the day is open on it,
# and counts as open, overdue and aged; one closed unresolved after the
# day is open too.  Three issues due 2022-11-10, seen on four days.

. "$(dirname "$0")/lib.sh"

ledger() {
	example_households &&
	for t in 路灯不亮 水管漏水 道路破损; do
		issue-add -q --today 2022-11-01 --title $t --owner 王强 \
			--household HY0101001 --due 2022-11-10 >/dev/null || return 1
	done &&
	issue-update -q --today 2022-11-10 --id 1 --status resolved --resolution 已修 >/dev/null &&
	issue-update -q --today 2022-11-15 --id 1 --status feedback_given --feedback 已告知 >/dev/null &&
	issue-update -q --today 2022-11-20 --id 1 --status closed >/dev/null &&
	issue-update -q --today 2022-11-18 --id 2 --status closed_unresolved \
		--promised-date 2022-12-31 --reason 资金未到 >/dev/null
}

test_case 'resolved, fed back, closed and overdue as of each day' '
	store_cache ledger ledger &&
	for day in 2022-11-05 2022-11-12 2022-11-16 2022-11-25; do
		report-gen --today $day summary -f csv |
		awk -F, -v day=$day "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
			\$at[\"village\"] == \"*\" { print day, \$at[\"issues_opened\"], \$at[\"issues_resolved\"],
				\$at[\"issues_fed_back\"], \$at[\"issues_closed\"], \$at[\"issues_overdue\"],
				\$at[\"median_days_to_resolve\"] }" || return 1
	done >actual &&
	cat >expect <<-\EOT &&
	2022-11-05 3 0 0 0 0 
	2022-11-12 3 1 0 0 2 9.0
	2022-11-16 3 1 1 0 2 9.0
	2022-11-25 3 1 1 1 1 9.0
	EOT
	test_cmp expect actual
'

test_case 'the open issues by age as of the day, in the workbook'"'"'s sheet' '
	store_cache ledger ledger &&
	report-gen --today 2022-11-12 summary -f xlsx -o on12.xlsx &&
	report-gen --today 2022-11-25 summary -f xlsx -o on25.xlsx &&
	/usr/bin/python3 - on12.xlsx on25.xlsx >actual <<-\PY &&
	import sys, openpyxl
	for path in sys.argv[1:]:
	    ws = openpyxl.load_workbook(path)["Open issues by age"]
	    print(" ".join(str(ws.cell(row=r, column=2).value) for r in range(3, 8)))
	PY
	printf "%s\n" "0 2 0 0 0" "0 0 1 0 0" >expect &&
	test_cmp expect actual
'

test_done
