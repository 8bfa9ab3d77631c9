#!/bin/sh
# t1054 -- a person's ID number unique by an index of its own (schema 32): a store of schema 31 keeps its people
. "$(dirname "$0")/lib.sh"

P1=$(id_number 50024219800101001)
P2=$(id_number 50024219820202002)
P3=$(id_number 50024220100303003)
printf "household_id,head_name,village,categories,members\nH1,户一,甲村,脱贫户,3\nH2,户二,甲村,一般农户,2\n" >"$TRASH/households.csv"

# two people of a store of schema 31, their ids 4 and 7, one moved (audited)
old_people="INSERT INTO member_source (id, file, at, who, command) VALUES (3, 'people.csv', 't', 'tester', 'member-add');
	INSERT INTO member (id, id_number, household_id, name, sex, birth_date, relation, tags, cadre_relative, source_id, line, updated_at)
		VALUES (4, '$P1', 'H1', '甲', 'male', '1980-01-01', 'head', 'disabled', 0, 3, 2, NULL),
		(7, '$P2', 'H2', '乙', 'female', '1982-02-02', NULL, '', NULL, 3, 5, 't2');
	INSERT INTO audit (at, who, command, entity, entity_id, field, old, new)
		VALUES ('t2', 'tester', 'member-add', 'member', '$P2', 'household_id', 'H1', 'H2')"
rows="SELECT * FROM member ORDER BY id"

test_case 'a store of schema 31 keeps its people, their ids and the audit log naming them' '
	store_of_version 31 "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" "$old_people" &&
	sqlite3 "$RENKE_DB" "$rows; SELECT * FROM audit" >expect &&
	household-add -q "$TRASH/households.csv" &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA user_version")" -ge 32 &&
	sqlite3 "$RENKE_DB" "$rows; SELECT * FROM audit WHERE entity = ${SQ}member${SQ}" >actual &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT name, sql IS NULL FROM sqlite_schema WHERE type = ${SQ}index${SQ} AND tbl_name = ${SQ}member${SQ} ORDER BY name;
		PRAGMA integrity_check; SELECT member_id, member_name, village, tags_zh FROM member_view ORDER BY member_id" >actual &&
	cat >expect <<-\EOT &&
	member_household|0
	member_id_number|0
	member_tagged|0
	ok
	4|甲|甲村|残疾人
	7|乙|甲村|
	EOT
	test_cmp expect actual
'

test_case 'after it, a person given twice is refused naming both lines, a new one gets the next id' '
	store_of_version 31 "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" "$old_people" &&
	household-add -q "$TRASH/households.csv" &&
	store_dump >before &&
	printf "id_number,household_id,name\n%s,H2,丙\n%s,H1,丁\n" "$P3" "$P3" >people.csv &&
	expect_status 65 member-add people.csv 2>err &&
	err_is err "member-add: people.csv:3: id_number: the same person as line 2" \
		"member-add: 1 bad record; nothing was written" &&
	store_unchanged &&
	printf "id_number,household_id,name\n%s,H2,乙\n%s,H2,丙\n" "$P2" "$P3" >people.csv &&
	member-add -q people.csv &&
	sqlite3 "$RENKE_DB" "SELECT id, name FROM member ORDER BY id" >actual &&
	printf "4|甲\n7|乙\n8|丙\n" >expect &&
	test_cmp expect actual
'

test_done
