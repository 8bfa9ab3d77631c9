#!/bin/sh
#
# household-edit: a household renumbered, merged into the one it repeats
# (its visits, issues and members moved, audited) or removed when
# nothing refers to it; every refusal leaves the store as it was

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"
TRY="Try ${SQ}household-edit -h${SQ} for more information."

# seed: the example township, and HY0101100 registered a second time for
# the household of HY0101003 (杨德碧), with a visit and an issue; the
# dump in ./before
seed() {
	example_households &&
	household-add -q --id HY0101100 --village 后叶村 --group 2社 --head 杨德碧 \
		--phone 13800001111 &&
	visit-log -q --household HY0101100 --date 2022-11-08 --visitor 王琼清 \
		--round 2022-r1 &&
	issue-add -q --today 2022-11-08 --title 院墙开裂 --owner 王强 \
		--household HY0101100 >/dev/null &&
	store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'a household with records is not removed; the refusal says what refers to it' '
	seed &&
	expect_status 65 household-edit --reason 重复登记 remove HY0101100 2>err &&
	err_is err "household-edit: household HY0101100 has 1 visit and 1 issue; merge it into the household it repeats, or remove them, first" &&
	expect_status 65 $ZH household-edit --reason 重复登记 remove HY0101100 2>err &&
	err_is err "household-edit: 户HY0101100尚有1次走访和1个问题；请先并入它重复的那一户，或先删去这些记录" &&
	store_unchanged
'

test_case 'merge: visits and issues go to the household kept, each audited, and it is gone' '
	seed &&
	household-edit --by 李霞 --reason 重复登记 merge HY0101100 HY0101003 2>err &&
	err_is err "household-edit: merged household HY0101100 into HY0101003, moving 1 visit and 1 issue" &&
	household-list -f csv --id HY0101100 >out &&
	test_line_count 1 out &&
	test "$(sql "SELECT household_id FROM visit WHERE visit_date = ${SQ}2022-11-08${SQ}")" = HY0101003 &&
	report-gen -f csv issues | grep 院墙开裂 | cut -d , -f 4,6,7,8 >actual &&
	echo "院墙开裂,后叶村,1社,HY0101003" >expect &&
	test_cmp expect actual &&
	sql "SELECT who, entity, entity_id, field, old, new FROM audit
		WHERE seq > (SELECT max(seq) FROM audit WHERE field = ${SQ}due_date${SQ})
		ORDER BY seq" >actual &&
	printf "%s\n" "李霞|visit|1|household_id|HY0101100|HY0101003" \
		"李霞|visit|1|reason||重复登记" \
		"李霞|issue|1|household_id|HY0101100|HY0101003" \
		"李霞|issue|1|reason||重复登记" \
		"李霞|household|HY0101100|head_name|杨德碧|" \
		"李霞|household|HY0101100|phone|13800001111|" \
		"李霞|household|HY0101100|village|后叶村|" \
		"李霞|household|HY0101100|village_group|2社|" \
		"李霞|household|HY0101100|merged_into|HY0101100|HY0101003" \
		"李霞|household|HY0101100|reason||重复登记" >expect &&
	test_cmp expect actual
'

test_case 'merge refused: the same visit in both, into itself, a household not known' '
	seed &&
	visit-log -q --household HY0101003 --date 2022-11-08 --visitor 王琼清 \
		--round 2022-r1 &&
	store_dump >before &&
	expect_status 65 household-edit --reason x merge HY0101100 HY0101003 2>err &&
	err_is err "household-edit: households HY0101100 and HY0101003 both have the visit of 2022-11-08 by 王琼清: the same visit twice" &&
	expect_status 65 household-edit --reason x merge HY0101100 HY0101100 2>err &&
	err_is err "household-edit: household HY0101100 cannot be merged into itself" &&
	expect_status 65 household-edit --reason x merge HY0101100 HY9 2>err &&
	err_is err "household-edit: no household HY9" &&
	expect_status 65 household-edit --reason x remove HY9 2>err &&
	err_is err "household-edit: no household HY9" &&
	store_unchanged
'

test_case 'renumber: the household and its visits go by the new number; a number taken is refused' '
	seed &&
	expect_status 65 household-edit --reason x renumber HY0101100 HY0101003 2>err &&
	err_is err "household-edit: household HY0101003 exists already; merge joins two households" &&
	store_unchanged &&
	household-edit --by 李霞 --reason 编号录错 renumber HY0101100 HY0101101 2>err &&
	err_is err "household-edit: renumbered household HY0101100 as HY0101101" &&
	household-list -f csv --id HY0101101 | cut -d , -f 1,2 | sed 1d >actual &&
	echo "HY0101101,杨德碧" >expect &&
	test_cmp expect actual &&
	test "$(sql "SELECT household_id FROM visit WHERE visit_date = ${SQ}2022-11-08${SQ}")" = HY0101101 &&
	report-gen -f csv issues | grep -c HY0101101 >actual &&
	echo 1 >expect &&
	test_cmp expect actual &&
	sql "SELECT entity, entity_id, field, old, new FROM audit WHERE entity = ${SQ}household${SQ}
		AND field IN (${SQ}household_id${SQ}, ${SQ}reason${SQ})" >actual &&
	printf "%s\n" "household|HY0101100|household_id|HY0101100|HY0101101" \
		"household|HY0101100|reason||编号录错" >expect &&
	test_cmp expect actual
'

test_case 'remove: a household nothing refers to goes, its values kept in the audit log' '
	seed &&
	household-add -q --id HY0101200 --village 后叶村 --head 错登 &&
	household-edit --by 李霞 --reason 误登 remove HY0101200 2>err &&
	err_is err "household-edit: removed household HY0101200" &&
	household-list -f csv --id HY0101200 >out &&
	test_line_count 1 out &&
	sql "SELECT who, entity_id, field, old, new FROM audit WHERE entity_id = ${SQ}HY0101200${SQ}
		AND field <> ${SQ}created${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "李霞|HY0101200|head_name|错登|" "李霞|HY0101200|village|后叶村|" \
		"李霞|HY0101200|removed|HY0101200|" "李霞|HY0101200|reason||误登" >expect &&
	test_cmp expect actual
'

test_case '--dry-run says what would be done and writes nothing' '
	seed &&
	household-edit --dry-run --reason x merge HY0101100 HY0101003 2>err &&
	err_is err "household-edit: dry run, nothing written: merged household HY0101100 into HY0101003, moving 1 visit and 1 issue" &&
	store_unchanged
'

test_case 'usage errors: no reason, an unknown action, numbers missing or blank' '
	seed &&
	expect_status 64 household-edit remove HY0101100 2>err &&
	err_is err "household-edit: --reason: say why; it is kept in the audit log" "$TRY" &&
	expect_status 64 household-edit --reason x delete HY0101100 2>err &&
	err_is err "household-edit: unknown action \"delete\"; expected renumber, merge or remove" "$TRY" &&
	expect_status 64 household-edit --reason x merge HY0101100 2>err &&
	err_is err "household-edit: merge takes two numbers: the household${SQ}s and the one it repeats" "$TRY" &&
	expect_status 64 household-edit --reason x 2>err &&
	err_is err "household-edit: what to do? renumber, merge or remove" "$TRY" &&
	expect_status 64 household-edit --reason x renumber HY0101100 " " 2>err &&
	err_is err "household-edit: a name or number may not be blank" "$TRY" &&
	expect_status 64 $ZH household-edit --reason x 2>err &&
	grep_message "^household-edit: 要做什么？renumber(改户编号)、merge(合并)或remove(删除)$" err &&
	store_unchanged
'

test_case 'a cadre assigned to the household: not removed, named; a merge moves the assignment' '
	seed &&
	assign -q --cadre 邓丽福 --role assistance_cadre --household HY0101100 &&
	store_dump >before &&
	expect_status 65 household-edit --reason x remove HY0101100 2>err &&
	err_is err "household-edit: household HY0101100 has 1 visit, 1 issue and 1 assignment; merge it into the household it repeats, or remove them, first" &&
	store_unchanged &&
	household-edit --reason 重复登记 merge HY0101100 HY0101003 2>err &&
	err_is err "household-edit: merged household HY0101100 into HY0101003, moving 1 visit, 1 issue and 1 assignment" &&
	test "$(sql "SELECT household_id FROM assignment")" = HY0101003
'

test_done
