#!/bin/sh
#
# household-add: bad input, bad stores, bad options.  Every problem is
# one line "household-add: file:line: field: what", the exit status is
# exact, and the store is left as it was.

. "$(dirname "$0")/lib.sh"

SQ="'"

SEED_ID=$(id_number 50023519700101001)
ID1=$(id_number 50023519850612003)
ID2=$(id_number 50023520010228004)

# seed: a store holding one household (S1, with SEED_ID), its dump in ./before
seed() {
	printf 'household_id,head_name,village,id_number\nS1,田一,甲村,%s\n' \
		"$SEED_ID" >seed.csv &&
	store_cache seed 'household-add -q seed.csv' &&
	store_dump >before
}

# store_unchanged: the store is as seed left it
store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

# no_store: no store was created
no_store() {
	echo "no store" >expect.store &&
	store_dump >actual.store &&
	test_cmp expect.store actual.store
}

# ---- columns and fields ----

test_case 'an unknown column' '
	seed &&
	printf "household_id,village,备注\nA1,甲村,x\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:1: 备注: unknown column$" err &&
	store_unchanged
'

test_case 'a wrong check digit (GB18030, Chinese headers)' '
	seed &&
	good=$(id_number 50023519900307001) &&
	bad=${good%?}$(( (${good#?????????????????} + 1) % 10 )) &&
	printf "户编号,户主姓名,村(社区),身份证号\r\nA1,赵一,甲村,%s\r\nA2,钱二,甲村,%s\r\n" \
		"$ID1" "$bad" | iconv -f UTF-8 -t GB18030 >bad.csv &&
	expect_status 65 household-add bad.csv 2>err &&
	grep_message "^household-add: bad.csv:3: 身份证号: wrong check digit" err &&
	grep_message "^household-add: 1 bad record; nothing was written$" err &&
	! grep -F "$bad" err &&
	store_unchanged
'

test_case 'an ID number of the wrong length' '
	seed &&
	printf "household_id,village,id_number\nA1,甲村,%s\nA2,甲村,%s0\n" \
		"${ID1%?}" "$ID2" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: id_number: not 18 characters long$" err &&
	grep_message "^household-add: in.csv:3: id_number: not 18 characters long$" err &&
	! grep -F "${ID1%?}" err &&
	store_unchanged
'

test_case 'an ID number with letters in it' '
	seed &&
	printf "household_id,village,id_number\nA1,甲村,5002351990030A0013\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: id_number: must be 17 digits followed by a digit or X$" err &&
	store_unchanged
'

test_case 'an ID number whose birth date is no date' '
	seed &&
	feb30=$(id_number 50023519900230001) &&
	month13=$(id_number 50023519901301001) &&
	printf "household_id,village,id_number\nA1,甲村,%s\nA2,甲村,%s\n" \
		"$feb30" "$month13" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: id_number: the birth date in it is not a valid date$" err &&
	grep_message "^household-add: in.csv:3: id_number: the birth date in it is not a valid date$" err &&
	! grep -F "$feb30" err &&
	store_unchanged
'

test_case 'an invalid phone number' '
	seed &&
	printf "household_id,village,联系电话\nA1,甲村,1381234567\nA2,甲村,12812345678\nA3,甲村,138-1234-567x\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: 联系电话: not an 11-digit mobile number" err &&
	grep_message "^household-add: in.csv:3: 联系电话: not an 11-digit mobile number" err &&
	grep_message "^household-add: in.csv:4: 联系电话: not an 11-digit mobile number" err &&
	! grep -F 1381234567 err &&
	! grep -F 12812345678 err &&
	store_unchanged
'

test_case 'an unknown category lists the accepted ones' '
	seed &&
	printf "household_id,village,categories\nA1,甲村,低保户、富裕户\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: categories: unknown category \"富裕户\"; expected one of: " err &&
	for code in lifted monitored minimum_allowance serious_illness extreme_poverty ordinary
	do
		grep_message "^household-add: in.csv:2: categories: .*[:,] $code (" err || return 1
	done &&
	store_unchanged
'

test_case '"ordinary" combined with another category' '
	seed &&
	printf "household_id,village,categories\nA1,甲村,一般农户、低保户\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: categories: \"ordinary\" cannot be combined" err &&
	store_unchanged
'

test_case 'members that is not a number from 1 to 99' '
	seed &&
	printf "household_id,village,家庭人口\nA1,甲村,three\nA2,甲村,0\nA3,甲村,100\nA4,甲村,2.5\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	for line in 2 3 4 5
	do
		grep_message "^household-add: in.csv:$line: 家庭人口: not a whole number from 1 to 99$" err || return 1
	done &&
	grep_message "^household-add: 4 bad records; nothing was written$" err &&
	store_unchanged
'

test_case 'every problem of one row is reported, the row counted once' '
	seed &&
	printf "household_id,village,phone,members\nA1,甲村,123,abc\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: phone: " err &&
	grep_message "^household-add: in.csv:2: members: " err &&
	grep_message "^household-add: 1 bad record; nothing was written$" err &&
	store_unchanged
'

test_case 'a missing household_id' '
	seed &&
	printf "household_id,village\nA1,甲村\n,甲村\n  ,甲村\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: household_id: missing" err &&
	grep_message "^household-add: in.csv:4: household_id: missing" err &&
	store_unchanged
'

test_case 'a household_id column that is not there at all' '
	seed &&
	printf "village,head_name\n甲村,王一\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: household_id: missing" err &&
	store_unchanged
'

test_case 'a missing village' '
	seed &&
	printf "户编号,村(社区)\nA1,甲村\nA2,\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: 村(社区): missing" err &&
	store_unchanged
'

# ---- duplicates ----

test_case 'one ID number under two households in the same file' '
	seed &&
	printf "household_id,village,id_number\nA1,甲村,%s\nA2,甲村,%s\nA3,甲村,%s\n" \
		"$ID1" "$ID2" "$ID1" >dup.csv &&
	expect_status 65 household-add dup.csv 2>err &&
	grep_message "^household-add: dup.csv:4: id_number: .*household A1 .*dup.csv:2" err &&
	! grep -F "$ID1" err &&
	store_unchanged
'

test_case 'an ID number already registered to another household' '
	seed &&
	printf "household_id,village,id_number\nA1,甲村,%s\nA2,甲村,%s\n" \
		"$ID1" "$SEED_ID" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: id_number: .*household S1" err &&
	! grep -F "$SEED_ID" err &&
	store_unchanged
'

test_case 'the same household_id twice in one file' '
	seed &&
	printf "household_id,village\nA1,甲村\nA2,甲村\nA1,乙村\nA2,甲村\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:4: household_id: .*in.csv:2" err &&
	grep_message "^household-add: in.csv:5: household_id: .*in.csv:3" err &&
	store_unchanged
'

# ---- the shape of the text ----

test_case 'an unclosed quote at the end of the file' '
	seed &&
	printf "household_id,village\nA1,甲村\nA2,\"甲村\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: a quoted field is not closed by the end of the input$" err &&
	store_unchanged
'

test_case 'a stray quote inside an unquoted field' '
	seed &&
	printf "household_id,village\nA1,甲村\nA2,甲\"村\nA3,乙村\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: a quote (\") inside a field that is not quoted" err &&
	grep_message "^household-add: 1 bad record; nothing was written$" err &&
	store_unchanged
'

test_case 'a ragged row: more fields than the header' '
	seed &&
	printf "household_id,village\nA1,甲村\nA2,甲村,多余\nA3,乙村\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: column C: more fields than the header has columns$" err &&
	store_unchanged
'

test_case 'a ragged row: fewer fields than the header' '
	seed &&
	printf "household_id,village,head_name\nA1,甲村,王一\nA2,甲村\nA3,乙村,王三\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: head_name: fewer fields than the header has columns$" err &&
	store_unchanged
'

test_case 'bytes that are neither UTF-8 nor GB18030' '
	seed &&
	printf "household_id,village\nA1,\200\040\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: village: bytes that are neither UTF-8 nor GB18030$" err &&
	store_unchanged
'

test_case 'a NUL byte in a CSV field' '
	seed &&
	printf "household_id,village\nA1,甲村\nA2,甲\000村\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: village: a NUL byte" err &&
	store_unchanged
'

test_case 'a NUL byte in a JSON string' '
	seed &&
	printf "{\"household_id\":\"A1\",\"village\":\"甲\\\\u0000村\"}\n" >in.jsonl &&
	grep -F "\\u0000" in.jsonl &&
	expect_status 65 household-add in.jsonl 2>err &&
	grep_message "^household-add: in.jsonl:1: village: a NUL byte" err &&
	store_unchanged
'

test_case 'UTF-16 input is refused' '
	seed &&
	printf "household_id,village\nU1,甲村\n" | iconv -f UTF-8 -t UTF-16LE >body &&
	{ printf "\377\376" && cat body; } >le.csv &&
	expect_status 65 household-add le.csv 2>err &&
	grep_message "^household-add: le.csv:1: UTF-16 text is not supported" err &&
	printf "household_id,village\nU1,甲村\n" | iconv -f UTF-8 -t UTF-16BE >body &&
	{ printf "\376\377" && cat body; } >be.csv &&
	expect_status 65 household-add be.csv 2>err &&
	grep_message "^household-add: be.csv:1: UTF-16 text is not supported" err &&
	store_unchanged
'

test_case 'a JSON record that is not valid JSON' '
	seed &&
	printf "%s\n" "{\"household_id\":\"A1\",\"village\":\"甲村\"}" \
		"{\"household_id\":\"A2\" \"village\":\"甲村\"}" \
		"{\"household_id\":\"A3\",\"village\":\"甲村\",\"members\":\"x\"}" >in.jsonl &&
	expect_status 65 household-add in.jsonl 2>err &&
	grep_message "^household-add: in.jsonl:2: not valid JSON$" err &&
	grep_message "^household-add: in.jsonl:3: members: not a whole number" err &&
	store_unchanged
'

test_case 'a truncated JSON Lines record is one bad row, the rest still checked' '
	seed &&
	printf "%s\n" "{\"household_id\":\"A1\",\"village\":\"甲村\"}" \
		"{\"household_id\":\"A2\",\"village\":" \
		"{\"household_id\":\"A3\",\"village\":\"甲村\",\"members\":\"x\"}" \
		"{\"household_id\":\"A4\",\"village\":\"甲村\"}" >in.jsonl &&
	expect_status 65 household-add --input-format jsonl in.jsonl 2>err &&
	grep_message "^household-add: in.jsonl:2: " err &&
	grep_message "^household-add: in.jsonl:3: members: not a whole number" err &&
	grep_message "^household-add: 2 bad records; nothing was written$" err &&
	store_unchanged
'

# ---- files and stores ----

test_case 'a missing input file' '
	expect_status 66 household-add nosuch.csv 2>err &&
	grep_message "^household-add: nosuch.csv: " err &&
	no_store &&
	seed &&
	printf "household_id,village\nA1,甲村\n" >good.csv &&
	expect_status 66 household-add good.csv nosuch.csv 2>err &&
	grep_message "^household-add: nosuch.csv: " err &&
	store_unchanged
'

test_case 'a store whose directory does not exist' '
	printf "household_id,village\nA1,甲村\n" >in.csv &&
	expect_status 73 household-add -d nodir/renke.db in.csv 2>err &&
	grep_message "^household-add: nodir/renke.db: cannot create the store" err &&
	test ! -e nodir &&
	no_store
'

test_case 'a store that is not SQLite' '
	echo "these are not the households you are looking for" >"$RENKE_DB" &&
	cp "$RENKE_DB" orig &&
	printf "household_id,village\nA1,甲村\n" >in.csv &&
	expect_status 66 household-add in.csv 2>err &&
	grep_message "^household-add: .*renke.db: not a renke store" err &&
	cmp orig "$RENKE_DB" &&
	test ! -e "$RENKE_DB-wal" &&
	expect_status 66 household-list 2>err &&
	grep_message "^household-list: .*renke.db: not a renke store" err &&
	cmp orig "$RENKE_DB"
'

test_case 'another program'$SQ's SQLite database is left untouched' '
	sqlite3 "$RENKE_DB" "create table t (x); insert into t values (1)" &&
	cp "$RENKE_DB" orig &&
	printf "household_id,village\nA1,甲村\n" >in.csv &&
	expect_status 66 household-add in.csv 2>err &&
	grep_message "^household-add: .*renke.db: not a renke store" err &&
	cmp orig "$RENKE_DB" &&
	test ! -e "$RENKE_DB-wal" &&
	echo delete >expect &&
	sqlite3 "$RENKE_DB" "pragma journal_mode" >actual &&
	test_cmp expect actual
'

test_case 'household-list on a missing store creates none' '
	expect_status 66 household-list 2>err &&
	grep_message "^household-list: .*renke.db: no such store" err &&
	no_store
'

test_case 'bad records into a missing store leave no store behind' '
	printf "household_id,village,members\nA1,甲村,2\nA2,甲村,x\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: members: " err &&
	no_store
'

# ---- nothing to do ----

test_case 'an empty file adds nothing' '
	seed &&
	: >empty.csv &&
	expect_status 0 household-add empty.csv 2>err &&
	grep_message "^household-add: 0 households read: added 0" err &&
	store_unchanged &&
	expect_status 0 household-add <empty.csv &&
	store_unchanged
'

test_case 'a header-only file adds nothing' '
	seed &&
	printf "household_id,village,head_name\r\n" >header.csv &&
	expect_status 0 household-add header.csv 2>err &&
	grep_message "^household-add: 0 households read: added 0" err &&
	store_unchanged
'

# ---- all or nothing ----

test_case 'one bad row among good ones writes nothing' '
	seed &&
	printf "household_id,village,members\nG1,甲村,1\nG2,乙村,2\nG3,甲村,x\nG4,丙村,4\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:4: members: not a whole number" err &&
	grep_message "^household-add: 1 bad record; nothing was written$" err &&
	store_unchanged
'

test_case 'every bad row is reported, not just the first' '
	seed &&
	printf "household_id,village,members\nG1,甲村,1\nG2,甲村,x\nG3,甲村,2\nG4,,3\nG5,甲村,4,多余\nG6,\"甲\"村,5\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:3: members: " err &&
	grep_message "^household-add: in.csv:5: village: missing" err &&
	grep_message "^household-add: in.csv:6: column D: more fields than the header" err &&
	grep_message "^household-add: in.csv:7: a quote" err &&
	grep_message "^household-add: 4 bad records; nothing was written$" err &&
	store_unchanged
'

test_case '--skip-bad --rejects writes the good rows and keeps the bad ones' '
	seed &&
	umask 022 &&
	printf "household_id,village,id_number,members\r\nG1,甲村,,1\r\nG2,甲村,,x\r\nG3,甲村,%s,2\r\nG4,,,3\r\nG5,甲村,,4\r\nG6,乙村,%s,5\r\n" \
		"$ID1" "$SEED_ID" >in.csv &&
	expect_status 0 household-add --skip-bad --rejects rejects.csv in.csv 2>err &&
	grep_message "^household-add: in.csv:3: members: not a whole number" err &&
	grep_message "^household-add: in.csv:5: village: missing" err &&
	grep_message "^household-add: in.csv:7: id_number: .*household S1" err &&
	grep_message "^household-add: 6 households read: added 3, updated 0, unchanged 0, differ 0, bad 3$" err &&
	grep_message "bad records are in rejects.csv" err &&
	echo 600 >expect &&
	stat -c %a rejects.csv >actual &&
	test_cmp expect actual &&
	{
		echo "error,line,household_id,village,id_number,members,raw" &&
		echo "members: not a whole number from 1 to 99,3,G2,甲村,,x," &&
		echo "village: missing; every household belongs to a village,5,G4,,,3," &&
		echo "id_number: the same number is registered to household S1,7,G6,乙村,$SEED_ID,5,"
	} >expect &&
	test_cmp expect rejects.csv &&
	sqlite3 "$RENKE_DB" "select household_id from household order by household_id" >actual &&
	printf "G1\nG3\nG5\nS1\n" >expect &&
	test_cmp expect actual &&
	stored=$(($(wc -l <actual) - 1)) &&
	rejected=$(($(wc -l <rejects.csv) - 1)) &&
	test $((stored + rejected)) -eq 6
'

test_case '--skip-bad: unreadable rows too end up in the rejects file' '
	seed &&
	printf "household_id,village,members\nG1,甲村,1\nG2,甲村,x\nG3,甲村,2,多余\nG4,\"甲\"村,3\nG5,甲村,4\nG6\nG7,甲村,\n" >in.csv &&
	expect_status 0 household-add --skip-bad --rejects rejects.csv in.csv 2>err &&
	grep_message "^household-add: 7 households read: added 3, updated 0, unchanged 0, differ 0, bad 4$" err &&
	for id in G1 G5 G7
	do
		echo 1 >expect &&
		sqlite3 "$RENKE_DB" "select count(*) from household where household_id = ${SQ}$id${SQ}" >actual &&
		test_cmp expect actual || return 1
	done &&
	python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding=\"utf-8\", newline=\"\")))
body = rows[1:]
assert [r[1] for r in body] == [\"3\", \"4\", \"5\", \"7\"], [r[1] for r in body]
for r in body:
    assert r[0], r
    text = \",\".join(r[2:])
    want = {\"3\": \"G2\", \"4\": \"G3\", \"5\": \"G4\", \"7\": \"G6\"}[r[1]]
    assert want in text, \"line %s: %s is not in the rejects file: %r\" % (r[1], want, r)
" rejects.csv
'

test_case '--skip-bad without --rejects is a usage error' '
	printf "household_id,village\nA1,甲村\n" >in.csv &&
	expect_status 64 household-add --skip-bad in.csv 2>err &&
	grep_message "^household-add: --skip-bad needs --rejects" err &&
	expect_status 64 household-add --rejects rejects.csv in.csv 2>err &&
	grep_message "^household-add: --rejects needs --skip-bad" err &&
	test ! -e rejects.csv &&
	no_store
'

test_case 'an unknown option is a usage error' '
	printf "household_id,village\nA1,甲村\n" >in.csv &&
	expect_status 64 household-add --frobnicate in.csv 2>err &&
	grep_message "^household-add: .*--frobnicate" err &&
	grep_message "household-add -h" err &&
	expect_status 64 household-list --frobnicate 2>err &&
	grep_message "^household-list: .*--frobnicate" err &&
	no_store
'

test_case '--today with a bad date is a usage error' '
	printf "household_id,village\nA1,甲村\n" >in.csv &&
	expect_status 64 household-add --today 2024-02-30 in.csv 2>err &&
	grep_message "^household-add: --today: not a date: \"2024-02-30\"" err &&
	expect_status 64 household-add --today yesterday in.csv 2>err &&
	grep_message "^household-add: --today: not a date" err &&
	no_store
'

test_case 'options and files together are a usage error' '
	printf "household_id,village\nA1,甲村\n" >in.csv &&
	expect_status 64 household-add --id X1 --village 甲村 in.csv 2>err &&
	grep_message "^household-add: give one household by options or records in files, not both" err &&
	no_store
'

test_case 'a bad household given by options' '
	seed &&
	expect_status 65 household-add --id X1 --village 甲村 --members 0 </dev/null 2>err &&
	grep_message "^household-add: command line: --members: not a whole number" err &&
	expect_status 65 household-add --id X1 --village 甲村 --category 富裕户 </dev/null 2>err &&
	grep_message "^household-add: command line: --category: unknown category \"富裕户\"" err &&
	store_unchanged
'

test_case 'household-list: an unknown category is a usage error' '
	seed &&
	expect_status 64 household-list --category 富裕户 2>err &&
	grep_message "^household-list: --category: unknown category \"富裕户\"; expected one of: " err &&
	expect_status 64 household-list -f xml 2>err &&
	grep_message "^household-list: -f: unknown format" err &&
	store_unchanged
'

test_done
