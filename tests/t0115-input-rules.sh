#!/bin/sh
#
# Rules every reader of records keeps, whatever the command: a name
# given twice, a header too wide, columns nobody reads, ragged rows,
# bytes not in the encoding, numbers out of range.  Each refusal names
# the line (and the column or key where there is one), exits 65 and
# leaves the store as it was.

. "$(dirname "$0")/lib.sh"

# seed: a store holding one household, its dump in ./before
seed() {
	printf "household_id,village\nS1,甲村\n" >seed.csv &&
	household-add -q seed.csv &&
	store_dump >before
}

store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

# columns N: a CSV header of N columns c1..cN
columns() {
	awk -v n="$1" "BEGIN { for (i = 1; i <= n; i++) printf \"%sc%d\", (i > 1 ? \",\" : \"\"), i; print \"\" }"
}

# ---- the header ----

test_case 'a header of 100,000 columns is refused at once' '
	seed &&
	columns 100000 >wide.csv &&
	cp wide.csv header-only.csv &&
	columns 100000 | tr -c ",\n" x >>wide.csv &&
	expect_status 65 timeout 10 household-add wide.csv 2>err &&
	grep_message "^household-add: wide.csv:1: the header has 100000 columns; at most 4096 are read$" err &&
	expect_status 65 timeout 10 household-add header-only.csv 2>err &&
	grep_message "^household-add: header-only.csv:1: the header has 100000 columns" err &&
	store_unchanged
'

test_case 'a name twice at the end of a header of 4096 columns' '
	seed &&
	{ columns 4095 | sed "s/\$/,c17/"; columns 4096 | tr -c ",\n" x; } >in.csv &&
	expect_status 65 timeout 10 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:1: c17: the column appears twice in the header$" err &&
	store_unchanged
'

test_done
