#!/bin/sh
# t0625-pipes.sh -- a reader that stops early is no error; a full disk is one, and says why
#
# renke(7): a reader that closes the pipe early (| head) is not an
# error, whatever the format and however long ago the write that met it
# was buffered; a failed write to standard output (a full disk) is, with
# the system's own words and status 74.

. "$(dirname "$0")/lib.sh"

# many: 3,000 households, more than a pipe holds in any format
many() {
	awk 'BEGIN { print "household_id,head_name,village,village_group,categories";
		for (i = 1; i <= 3000; i++)
			printf "HY%07d,户主%d,后叶村,%d社,脱贫户\n", i, i, i % 9 + 1 }' >many.csv &&
	household-add -q many.csv
}

# status_of FILE COMMAND...: run COMMAND into a pipe that head closes early,
# its exit status into FILE
early_close() {
	{ "$@"; echo $? >status; } | head -c 300 >/dev/null
}

test_case 'household-list into head: every format ends with 0 and says nothing' '
	many &&
	for f in csv json jsonl table markdown html; do
		early_close household-list -f $f 2>err &&
		echo 0 >expect && test_cmp expect status &&
		test_must_be_empty err || { echo "format $f" >&2; return 1; }
	done
'

test_case 'report-gen into head: 0 and silent' '
	many &&
	early_close report-gen issues -f json 2>err &&
	echo 0 >expect && test_cmp expect status &&
	test_must_be_empty err
'

test_case 'visit-log --flagged into head -1: the visits are in, and it says so' '
	example_households &&
	{ visit-log --flagged "$EXAMPLES/visits.csv" 2>err; echo $? >status; } | head -n 1 >out &&
	echo 0 >expect && test_cmp expect status &&
	test_line_count 1 out &&
	grep -q "^visit-log: [0-9]* visits read: added [1-9][0-9]*, " err &&
	! grep -q "write error" err &&
	test "$(sqlite3 "$RENKE_DB" "select count(*) from visit")" -gt 0
'

test_case 'a full disk is an error in every format, in its own words' '
	test -c /dev/full &&
	many &&
	for f in csv json jsonl table markdown html; do
		expect_status 74 household-list -f $f >/dev/full 2>err &&
		grep -q "^household-list: write error: No space left on device$" err ||
		{ echo "format $f" >&2; cat err >&2; return 1; }
	done
'

test_done
