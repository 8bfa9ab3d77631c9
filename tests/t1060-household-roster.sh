#!/bin/sh
#
# household-add reads a roster (one row a person, the household's columns
# repeated on each, as the national system exports it) as households and
# their people in one import: the example roster makes the same store as
# households.csv and people.csv imported apart; a row giving its
# household otherwise, a person in two households and the rows of a bad
# household are refused (message, status, store unchanged); --skip-bad,
# --dry-run, --upsert and an office workbook as for any import; a
# household's member count follows its rows.

. "$(dirname "$0")/lib.sh"

P1=$(id_number 50023519700101001)
P2=$(id_number 50023519720202002)
P3=$(id_number 50023520050303003)
P4=$(id_number 50023519600404004)
P5=$(id_number 50023519650505005)

HEAD='户编号,户主姓名,户主身份证号,户主联系电话,村(社区),村民小组,户类型,家庭人口,监测类型,风险状态,成员姓名,身份证号,与户主关系,劳动技能,人员标签'
cat >roster.csv <<EOF
$HEAD
H1,张一,$P1,13800001111,甲村,1社,脱贫户,3,,,张一,$P1,户主,普通劳动力,
H1,张一,$P1,13800001111,甲村,1社,脱贫户,3,,,李二,$P2,配偶,弱劳动力,
H1,张一,$P1,13800001111,甲村,1社,脱贫户,3,,,张三,$P3,子女,无劳动力,留守儿童
H2,王四,$P4,,乙村,2社,监测户,2,边缘易致贫户,未消除风险,王四,$P4,户主,半劳动力,
H2,王四,$P4,,乙村,2社,监测户,2,边缘易致贫户,未消除风险,赵五,$P5,配偶,普通劳动力,
EOF

# roster: the roster above, in the case's directory
roster() {
	cp "$TRASH/roster.csv" roster.csv
}

# normal DB: DB's dump with what tells where and when records came from
# blanked (source files, lines, times, commands), in a copy
normal() {
	cp "$1" normal.db &&
	sqlite3 normal.db "DROP TRIGGER audit_no_update;
		UPDATE audit SET at = '', command = '';
		UPDATE household SET line = 0; UPDATE member SET line = 0;
		UPDATE household_source SET file = '', at = '', command = '';
		UPDATE member_source SET file = '', at = '', command = ''" &&
	sqlite3 normal.db .dump &&
	rm -f normal.db
}

test_case 'the example roster makes the store households.csv and people.csv make' '
	store_cache roster "household-add -q \"\$EXAMPLES/roster.csv\"" &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	cp "$RENKE_DB" roster.db &&
	example_households &&
	member-add -q "$EXAMPLES/people.csv" &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	normal roster.db >roster.dump &&
	normal "$RENKE_DB" >apart.dump &&
	test_cmp apart.dump roster.dump &&
	sqlite3 roster.db "SELECT count(*) FROM household; SELECT count(*) FROM member;
		SELECT file FROM household_source; SELECT file FROM member_source" >actual &&
	printf "%s\n" 350 1243 "$EXAMPLES/roster.csv" "$EXAMPLES/roster.csv" >expect &&
	test_cmp expect actual
'

test_case 'one closing line counts both; the same roster again changes nothing' '
	roster &&
	household-add roster.csv 2>err &&
	err_is err "household-add: 5 rows read: households added 2, updated 0, unchanged 0, differ 0; members added 5, updated 0, unchanged 0, differ 0; bad 0" \
		"household-add: new villages: 甲村, 乙村; new villager groups: 甲村 1社, 乙村 2社" &&
	store_dump >before &&
	household-add roster.csv 2>err &&
	err_is err "household-add: 5 rows read: households added 0, updated 0, unchanged 2, differ 0; members added 0, updated 0, unchanged 5, differ 0; bad 0" &&
	store_unchanged &&
	sqlite3 "$RENKE_DB" "SELECT household_id, members, categories FROM household ORDER BY 1;
		SELECT household_id, name, relation, labour, tags FROM member ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	H1|3|lifted
	H2|2|monitored
	H1|张一|head|ordinary|
	H1|李二|spouse|weak|
	H1|张三|child|none|left_behind_child
	H2|王四|head|half|
	H2|赵五|spouse|ordinary|
	EOT
	test_cmp expect actual
'

test_case 'a row giving its household otherwise is refused, naming the column and the first row' '
	roster &&
	sed "4s/,1社,脱贫户,3,/,2社,脱贫户,4,/" roster.csv >bad.csv &&
	store_dump >before &&
	expect_status 65 household-add bad.csv 2>err &&
	err_is err "household-add: bad.csv:4: 村民小组: not as on line 2, the household${SQ}s first row: a household${SQ}s columns are the same on each of its rows" \
		"household-add: bad.csv:4: 家庭人口: not as on line 2, the household${SQ}s first row: a household${SQ}s columns are the same on each of its rows" \
		"household-add: 1 bad record; nothing was written" &&
	store_unchanged &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 expect_status 65 household-add bad.csv 2>err.zh &&
	grep -q "bad.csv:4: 村民小组: 与该户的第一行（第 2 行）不同：同一户的各行，户的各列应当一致" err.zh &&
	store_unchanged
'

test_case 'a row whose household means the same but is written otherwise is refused too' '
	roster &&
	sed "3s/,3,,,李二/,03,,,李二/" roster.csv >bad.csv &&
	store_dump >before &&
	expect_status 65 household-add bad.csv 2>err &&
	grep -q "bad.csv:3: 家庭人口: not as on line 2" err &&
	store_unchanged
'

test_case 'a person in two households of one roster is refused' '
	roster &&
	sed "6s/赵五,$P5/赵五,$P2/" roster.csv >bad.csv &&
	store_dump >before &&
	expect_status 65 household-add bad.csv 2>err &&
	err_is err "household-add: bad.csv:6: 身份证号: the same person as line 3" \
		"household-add: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'the rows of a household whose first row is bad are refused with it' '
	roster &&
	sed "2,4s/,脱贫户,/,富户,/" roster.csv >bad.csv &&
	store_dump >before &&
	expect_status 65 household-add bad.csv 2>err &&
	grep -c "unknown category" err >count &&
	echo 1 >one && test_cmp one count &&
	grep -q "bad.csv:3: 户编号: the household${SQ}s first row, on line 2, is bad" err &&
	grep -q "bad.csv:4: 户编号: the household${SQ}s first row, on line 2, is bad" err &&
	grep -q "household-add: 3 bad records; nothing was written" err &&
	store_unchanged
'

test_case '--skip-bad: the good rows written, the bad in the rejects, a count kept' '
	roster &&
	sed -e "4s/,留守儿童\$/,富人/" -e "6s/,2社,/,3社,/" roster.csv >bad.csv &&
	household-add --skip-bad --rejects rejects.csv bad.csv 2>err &&
	err_is err "household-add: bad.csv:4: 人员标签: unknown tag \"富人\"; expected one of: lonely_elderly (elderly living alone), left_behind_child (left-behind child), poor_student (poor student), disabled (disabled person)" \
		"household-add: bad.csv:6: 村民小组: not as on line 5, the household${SQ}s first row: a household${SQ}s columns are the same on each of its rows" \
		"household-add: 5 rows read: households added 2, updated 0, unchanged 0, differ 0; members added 3, updated 0, unchanged 0, differ 0; bad 2" \
		"household-add: bad records are in rejects.csv" \
		"household-add: new villages: 甲村, 乙村; new villager groups: 甲村 1社, 乙村 2社" \
		"household-add: member counts kept, a row of theirs being bad: 2 households: H1 3, H2 2" \
		"household-add: 2 households have another number of people registered than their member count: H1 3 (2 registered), H2 2 (1 registered)" &&
	test_line_count 3 rejects.csv &&
	sqlite3 "$RENKE_DB" "SELECT household_id, members, (SELECT count(*) FROM member m
		WHERE m.household_id = h.household_id) FROM household h ORDER BY 1" >actual &&
	printf "%s\n" "H1|3|2" "H2|2|1" >expect &&
	test_cmp expect actual
'

test_case 'the member count follows the rows: a household of 5 with 3 rows has 3, audited' '
	roster &&
	sed "2,4s/,脱贫户,3,/,脱贫户,5,/" roster.csv >five.csv &&
	household-add five.csv 2>err &&
	grep -q "member counts set from the roster: 1 households: H1 5 → 3" err &&
	sqlite3 "$RENKE_DB" "SELECT members FROM household WHERE household_id = ${SQ}H1${SQ};
		SELECT old, new FROM audit WHERE entity = ${SQ}household${SQ} AND field = ${SQ}members${SQ}" >actual &&
	printf "%s\n" 3 "5|3" >expect &&
	test_cmp expect actual
'

test_case '--dry-run counts both and writes nothing' '
	roster &&
	store_dump >before &&
	household-add --dry-run roster.csv 2>err &&
	grep -q "dry run, nothing written: 5 rows read: households would add 2, would update 0, unchanged 0, differ 0; members would add 5, would update 0, unchanged 0, differ 0; bad 0" err &&
	store_unchanged
'

test_case '--upsert corrects a person and a household given otherwise, with the reason' '
	roster &&
	household-add -q roster.csv &&
	sed -e "5s/,半劳动力,/,弱劳动力,/" -e "5,6s/,监测户,2,边缘易致贫户,/,监测户,2,突发严重困难户,/" roster.csv >new.csv &&
	store_dump >before &&
	household-add new.csv 2>err &&
	grep -q "households added 0, updated 0, unchanged 1, differ 1; members added 0, updated 0, unchanged 4, differ 1; bad 0" err &&
	store_unchanged &&
	household-add --upsert --reason "核实" --without-case "核实" new.csv 2>err &&
	grep -q "households added 0, updated 1, unchanged 1, differ 0; members added 0, updated 1, unchanged 4, differ 0; bad 0" err &&
	sqlite3 "$RENKE_DB" "SELECT entity, entity_id, field, old, new FROM audit
		WHERE field IN (${SQ}labour${SQ}, ${SQ}monitor_type${SQ}) ORDER BY seq" >actual &&
	printf "%s\n" "household|H2|monitor_type|marginal|sudden_hardship" "member|$P4|labour|half|weak" >expect &&
	test_cmp expect actual
'

test_case 'a roster as an office workbook (title, two-row header, merged villages) is read as its CSV' '
	roster &&
	gen-workbook --office roster.csv roster.xlsx &&
	household-add -q roster.xlsx &&
	household-add roster.csv 2>err &&
	err_is err "household-add: 5 rows read: households added 0, updated 0, unchanged 2, differ 0; members added 0, updated 0, unchanged 5, differ 0; bad 0"
'

test_done
