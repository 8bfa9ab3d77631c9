#!/bin/sh
#
# A store of an older schema is brought up to date by the first command
# that opens it, in one transaction: what it held is all there after.

. "$(dirname "$0")/lib.sh"

SQ="'"

# a version-4 store: households from two files (one name with a colon in
# it), from the command line, and one of unknown origin; one changed
# after it was read; a visit and an issue of theirs
version4() {
	store_of_version 4 "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" <<-\EOF
	INSERT INTO village (id, name) VALUES (1, '甲村'), (2, '乙村');
	INSERT INTO village_group (id, village_id, name) VALUES (1, 1, '1组'), (2, 2, '3组');
	INSERT INTO household (id, household_id, head_name, id_number, phone,
		village_id, group_id, categories, members, monitor_type, risk_status,
		created_at, updated_at, source) VALUES
	(1, 'H1', '张三', '110101199003074514', '13900000001', 1, 1, 'lifted', 4,
		NULL, NULL, '2022-10-01T08:00:00Z', '2022-10-01T08:00:00Z', 'a.csv:2'),
	(2, 'H2', '李四', NULL, NULL, 1, NULL, 'monitored', 2, 'unstable',
		'at_risk', '2022-10-01T08:00:00Z', '2022-11-05T09:30:00Z', 'a.csv:3'),
	(3, 'H3', '王五', NULL, NULL, 2, 2, 'ordinary', NULL, NULL, NULL,
		'2022-10-02T10:00:00Z', '2022-10-02T10:00:00Z', 'd:x/b.csv:17'),
	(4, 'H4', '赵六', NULL, NULL, 2, NULL, '', NULL, NULL, NULL,
		'2022-10-03T10:00:00Z', '2022-10-03T10:00:00Z', 'command line:0'),
	(5, 'H5', NULL, NULL, NULL, 2, NULL, '', NULL, NULL, NULL,
		'2022-10-04T10:00:00Z', '2022-10-04T10:00:00Z', NULL),
	(6, 'H6', '钱七', NULL, NULL, 1, 1, 'lifted', 3, NULL, NULL,
		'2022-10-05T10:00:00Z', '2022-10-05T10:00:00Z', 'a.csv:4');
	INSERT INTO visit_source (id, file, at, who, command)
		VALUES (1, 'v.csv', '2022-11-01T00:00:00Z', 'tester', 'visit-log');
	INSERT INTO visit (household_id, visit_date, visitor, round, source_id, line)
		VALUES ('H2', '2022-10-30', '王干部', '2022-r1', 1, 2);
	INSERT INTO issue (kind, category, title, urgency, source, owner,
		household_ref, opened_on, due_date, status, natural_key, created_at,
		updated_at) VALUES ('problem', 'housing', '房屋漏雨', 'normal', 'visit',
		'王干部', 2, '2022-10-30', '2022-11-29', 'open', 'k1',
		'2022-10-30T00:00:00Z', '2022-10-30T00:00:00Z');
	EOF
}

test_case 'a version-4 store is migrated: every household, visit and issue kept' '
	version4 &&
	household-list -f csv --reveal >actual &&
	cat >expect <<-\EOF &&
	household_id,head_name,id_number,phone,village,village_group,categories,members,monitor_type,risk_status
	H2,李四,,,甲村,,monitored,2,unstable,at_risk
	H1,张三,110101199003074514,13900000001,甲村,1组,lifted,4,,
	H6,钱七,,,甲村,1组,lifted,3,,
	H4,赵六,,,乙村,,,,,
	H5,,,,乙村,,,,,
	H3,王五,,,乙村,3组,ordinary,,,
	EOF
	test_cmp expect actual &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA user_version")" = \
		"$(grep -c "^-- version [0-9]" "$TOP/lib/schema.sql")" &&
	sqlite3 "$RENKE_DB" "SELECT h.id, h.household_id, s.file, h.line, s.at,
		coalesce(h.updated_at, ${SQ}-${SQ}), coalesce(s.who, ${SQ}-${SQ})
		FROM household h JOIN household_source s ON s.id = h.source_id
		ORDER BY h.id" >actual &&
	cat >expect <<-\EOF &&
	1|H1|a.csv|2|2022-10-01T08:00:00Z|-|-
	2|H2|a.csv|3|2022-10-01T08:00:00Z|2022-11-05T09:30:00Z|-
	3|H3|d:x/b.csv|17|2022-10-02T10:00:00Z|-|-
	4|H4|command line|0|2022-10-03T10:00:00Z|-|-
	5|H5||0|2022-10-04T10:00:00Z|-|-
	6|H6|a.csv|4|2022-10-05T10:00:00Z|-|-
	EOF
	test_cmp expect actual &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM household_source")" = 5 &&
	test -z "$(sqlite3 "$RENKE_DB" "PRAGMA foreign_key_check")" &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA integrity_check")" = ok &&
	sqlite3 "$RENKE_DB" "SELECT h.household_id, v.visit_date, i.title FROM visit v
		JOIN household h ON h.household_id = v.household_id
		JOIN issue i ON i.household_ref = h.id" >actual &&
	echo "H2|2022-10-30|房屋漏雨" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT household_id, visit_date, visitor, round, source_id,
		line FROM visit" >actual &&
	echo "H2|2022-10-30|王干部|2022-r1|1|2" >expect &&
	test_cmp expect actual &&
	test -z "$(sqlite3 "$RENKE_DB" "SELECT name FROM sqlite_schema
		WHERE name LIKE ${SQ}%origin%${SQ} OR name = ${SQ}household_new${SQ}")"
'

test_case 'a migrated store takes the same households again as unchanged, and new ones' '
	version4 &&
	cat >a.csv <<-\EOF &&
	户编号,户主姓名,身份证号,联系电话,村,村民小组,户类型,家庭人口
	H1,张三,110101199003074514,13900000001,甲村,1组,脱贫户,4
	H7,孙八,,,甲村,1组,脱贫户,5
	EOF
	household-add a.csv 2>err &&
	grep_message "added 1, updated 0, unchanged 1, differ 0, bad 0" err &&
	sqlite3 "$RENKE_DB" "SELECT h.household_id, s.file, h.line, s.who, s.command
		FROM household h JOIN household_source s ON s.id = h.source_id
		WHERE h.household_id = ${SQ}H7${SQ}" >actual &&
	echo "H7|a.csv|3|tester|household-add" >expect &&
	test_cmp expect actual &&
	printf "household_id,id_number,village\nH8,110101199003074514,甲村\n" >b.csv &&
	store_dump >before &&
	expect_status 65 household-add b.csv 2>err &&
	grep_message "^household-add: b.csv:2: id_number: the same number is registered to household H1\$" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a migrated store takes visits of its households, and refuses others' '
	version4 &&
	printf "household_id,visit_date,visitor,round\nH1,2022-10-30,王干部,2022-r1\nH2,2022-10-30,王干部,2022-r1\n" >v.csv &&
	visit-log --today 2022-11-01 v.csv 2>err &&
	grep_message "2 visits read: added 1, updated 0, unchanged 1, differ 0, bad 0" err &&
	printf "household_id,visit_date,visitor,round\nH9,2022-10-30,王干部,2022-r1\n" >w.csv &&
	store_dump >before &&
	expect_status 65 visit-log --today 2022-11-01 w.csv 2>err &&
	grep_message "^visit-log: w.csv:2: household_id: no household \"H9\" in the store; household-add registers households\$" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a store that refers to rows not there is left as it was, and said so' '
	version4 &&
	sqlite3 "$RENKE_DB" "INSERT INTO household (household_id, village_id,
		created_at, updated_at) VALUES (${SQ}H9${SQ}, 7, ${SQ}x${SQ}, ${SQ}x${SQ})" &&
	store_dump >before &&
	expect_status 65 household-list >out 2>err &&
	grep_message "^household-list: .*renke.db: cannot bring the store up to date: rows refer to rows that are not there (1; PRAGMA foreign_key_check lists them); it is left as it was\$" err &&
	test_line_count 1 err &&
	test ! -s out &&
	store_dump >after &&
	test_cmp before after &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA user_version")" = 4
'

test_done
