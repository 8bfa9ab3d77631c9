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
	store_cache seed 'household-add -q seed.csv' &&
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

test_case 'an unknown column is refused whether or not a row follows' '
	seed &&
	printf "household_id,village,备注\n" >header-only.csv &&
	expect_status 65 household-add header-only.csv 2>err &&
	grep_message "^household-add: header-only.csv:1: 备注: unknown column$" err &&
	printf "household_id,village,备注\nA1,甲村,x\n" >with-row.csv &&
	expect_status 65 household-add with-row.csv 2>err &&
	grep_message "^household-add: with-row.csv:1: 备注: unknown column$" err &&
	printf "household_id,village\n" >known.csv &&
	household-add known.csv &&
	store_unchanged
'

# ---- JSON ----

test_case 'a key twice in a JSON Lines object, flat or not' '
	seed &&
	printf "%s\n" "{\"household_id\":\"H0\",\"village\":\"甲村\"}" \
		"{\"household_id\":\"H1\",\"village\":\"甲村\",\"village\":\"乙村\"}" \
		"{\"household_id\":\"H2\",\"head_name\":\"王\\\\t二\",\"head_name\":\"王三\"}" >in.jsonl &&
	expect_status 65 household-add in.jsonl 2>err &&
	grep_message "^household-add: in.jsonl:2: village: the key appears twice in the object$" err &&
	grep_message "^household-add: in.jsonl:3: head_name: the key appears twice in the object$" err &&
	grep_message "^household-add: 2 bad records; nothing was written$" err &&
	store_unchanged
'

test_case 'a key twice in an object of a JSON array' '
	seed &&
	printf "[\n{\"household_id\":\"H1\",\n \"village\":\"甲村\",\n \"village\":\"乙村\"}\n]\n" >in.json &&
	expect_status 65 household-add in.json 2>err &&
	grep_message "^household-add: in.json:4: village: the key appears twice in the object$" err &&
	store_unchanged
'

test_case 'a number out of range is no invalid JSON' '
	seed &&
	printf "%s\n" "{\"household_id\":\"H1\",\"village\":\"甲村\",\"members\":1e400}" \
		"{\"household_id\":\"H2\",\"village\":\"甲村\",\"members\":123456789012345678901234}" >in.jsonl &&
	expect_status 65 household-add in.jsonl 2>err &&
	grep_message "^household-add: in.jsonl:1: members: a number out of range$" err &&
	grep_message "^household-add: in.jsonl:2: members: a number out of range$" err &&
	! grep -q "not valid JSON" err &&
	store_unchanged
'

test_done
