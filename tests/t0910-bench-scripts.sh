#!/bin/sh
#
# The benchmark scripts still run against the store as it is now: each on
# a few thousand records, one run.  The figures are not looked at; that
# every row is there is.

. "$(dirname "$0")/lib.sh"

if [ ! -x /usr/bin/time ]; then
	echo "ok 1 # skip GNU time (/usr/bin/time) is not installed: scripts/install-deps.sh --bench"
	echo "1..1"
	exit 0
fi

test_case 'scripts/bench-visits.sh on 2,000 households and 5,000 visits' '
	TMPDIR=$PWD sh "$TOP/scripts/bench-visits.sh" -n 2000 -v 5000 -r 1 >out 2>err &&
	for task in "visit-log 5000 (vs .import)" "visit-log again (vs .import)" \
	    "visit-log shuffled (vs .import)" "coverage of one milestone" \
	    "coverage of four milestones" "missing households of one milestone"; do
		grep -q "^$task  *[0-9.]* " out || { echo "no row: $task"; cat out err; exit 1; }
	done &&
	test ! -s err
'

test_case 'scripts/bench-report.sh on 2,000 households, 5,000 visits and 500 issues' '
	# (it exits 1 when the target is not met, as on so small a store it
	# may not be: start-up is all of the time)
	{ TMPDIR=$PWD sh "$TOP/scripts/bench-report.sh" -n 2000 -v 5000 -i 500 -r 1 >out 2>err ||
		{ test $? -eq 1 && grep -q "NOT met" out; }; } &&
	grep -q "^report-gen summary -f csv  *[0-9.]* " out &&
	grep -q "^ratio report-gen / sqlite3: " out &&
	test ! -s err
'

test_case 'scripts/bench-xlsx.sh on 2,000 households' '
	TMPDIR=$PWD sh "$TOP/scripts/bench-xlsx.sh" -n 2000 -r 1 >out 2>err &&
	grep -q "^household-add .xlsx (vs CSV)  *[0-9.]* " out &&
	grep -q "^user CPU s: household-add from CSV [0-9.]*, from .xlsx [0-9.]*" out &&
	grep -q "^workbook / CSV: [0-9.]* (target at most 1.5)$" out &&
	test ! -s err
'

test_case 'scripts/bench-xlsx.sh -s leaves in2csv out' '
	TMPDIR=$PWD sh "$TOP/scripts/bench-xlsx.sh" -n 500 -r 1 -s >out 2>err &&
	grep -q "^(in2csv left out: -s)$" out &&
	grep -q "^workbook / CSV: [0-9.]* (target at most 1.5)$" out &&
	! grep -q "vs in2csv" out &&
	test ! -s err
'

test_case 'scripts/bench-members.sh on 2,000 households of 3 people' '
	TMPDIR=$PWD sh "$TOP/scripts/bench-members.sh" -n 2000 -r 1 >out 2>err &&
	grep -q "^renke member benchmarks: 6000 members over 2000 households" out &&
	for task in "member-add 6000 (vs .import)" "member-add again (vs .import)" \
	    "report-gen assistance (vs sqlite3)"; do
		grep -q "^$task  *[0-9.]* " out || { echo "no row: $task"; cat out err; exit 1; }
	done &&
	! grep -q "the second import added" out &&
	test ! -s err
'

test_case 'scripts/bench-ledger-xlsx.sh on 2,000 issues, leaving nothing behind' '
	mkdir tmp &&
	TMPDIR=$PWD/tmp sh "$TOP/scripts/bench-ledger-xlsx.sh" -i 2000 -r 1 >out 2>err &&
	grep -q "^report-gen issues: 2000 issues as a workbook beside CSV" out &&
	for task in "issues -f xlsx (vs -f csv)" "a tenth of them (vs -f csv)"; do
		grep -q "^$task  *[0-9.]* " out || { echo "no row: $task"; cat out err; exit 1; }
	done &&
	grep -q "^rows: 2000 and [1-9][0-9]*; workbook: " out &&
	test ! -s err &&
	ls -A tmp >left &&
	test_must_be_empty left
'

test_done
