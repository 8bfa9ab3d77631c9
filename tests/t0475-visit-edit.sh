#!/bin/sh
#
# visit-edit: what identifies a visit (its household, date, visitor)
# corrected, the issues its findings opened following it; a visit
# removed only when it opened none; every refusal leaves the store as it
# was

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"
TRY="Try ${SQ}visit-edit -h${SQ} for more information."
V="--household HY0101001 --date 2022-11-08"

# seed: a visit by 王清 (a misspelt 王琼清) with a finding, its issue
# opened; a visit by 秦福元 with none; the dump in ./before
seed() {
	example_households &&
	visit-log -q $V --visitor 王清 --round r1 --risk high &&
	visit-log -q $V --visitor 秦福元 --round r1 &&
	visit-log --flagged --since 2022-01-01 | issue-add -q --today 2022-11-09 >/dev/null &&
	store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'a visitor misspelt: corrected, audited, and its issue follows' '
	seed &&
	visit-edit --by 李霞 --reason 姓名录错 $V --visitor 王清 visitor 王琼清 2>err &&
	err_is err "visit-edit: the visit of HY0101001 on 2022-11-08 by 王清: visitor is now 王琼清" &&
	test "$(sql "SELECT count(*) FROM visit WHERE visitor = ${SQ}王琼清${SQ}")" = 1 &&
	test "$(sql "SELECT source_ref FROM issue")" = "visit:HY0101001:2022-11-08:王琼清" &&
	sql "SELECT who, entity, field, old, new FROM audit WHERE command = ${SQ}visit-edit${SQ}
		ORDER BY seq" >actual &&
	printf "%s\n" "李霞|visit|visitor|王清|王琼清" \
		"李霞|issue|source_ref|visit:HY0101001:2022-11-08:王清|visit:HY0101001:2022-11-08:王琼清" \
		"李霞|visit|reason||姓名录错" >expect &&
	test_cmp expect actual
'

test_case 'the date and the household corrected; dates in any accepted form' '
	seed &&
	visit-edit --reason 日期录错 --household HY0101001 --date 2022/11/8 \
		--visitor 秦福元 date 2022年11月9日 2>err &&
	err_is err "visit-edit: the visit of HY0101001 on 2022-11-08 by 秦福元: date is now 2022-11-09" &&
	visit-edit --reason 户录错 --household HY0101001 --date 2022-11-09 \
		--visitor 秦福元 household HY0101002 2>err &&
	sql "SELECT household_id, visit_date FROM visit WHERE visitor = ${SQ}秦福元${SQ}" >actual &&
	echo "HY0101002|2022-11-09" >expect &&
	test_cmp expect actual
'

test_case 'refused: a visit not known, a household not known, the visit there already' '
	seed &&
	expect_status 65 visit-edit --reason x $V --visitor 王琼清 remove 2>err &&
	err_is err "visit-edit: no visit of HY0101001 on 2022-11-08 by 王琼清" &&
	expect_status 65 visit-edit --reason x $V --visitor 王清 household HY9 2>err &&
	err_is err "visit-edit: no household HY9" &&
	expect_status 65 visit-edit --reason x $V --visitor 王清 visitor 秦福元 2>err &&
	err_is err "visit-edit: a visit of HY0101001 on 2022-11-08 by 秦福元 is there already" &&
	store_unchanged
'

test_case 'remove: a visit whose findings opened an issue stays; one that opened none goes' '
	seed &&
	expect_status 65 visit-edit --reason x $V --visitor 王清 remove 2>err &&
	err_is err "visit-edit: the visit of HY0101001 on 2022-11-08 by 王清 opened 1 issue; it is kept for them" &&
	expect_status 65 $ZH visit-edit --reason x $V --visitor 王清 remove 2>err &&
	err_is err "visit-edit: HY0101001户2022-11-08王清的走访已产生1个问题；予以保留" &&
	store_unchanged &&
	visit-edit --by 李霞 --reason 重复录入 $V --visitor 秦福元 remove 2>err &&
	err_is err "visit-edit: removed the visit of HY0101001 on 2022-11-08 by 秦福元" &&
	test "$(sql "SELECT count(*) FROM visit")" = 1 &&
	sql "SELECT field, old, new FROM audit WHERE command = ${SQ}visit-edit${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "removed|visit:HY0101001:2022-11-08:秦福元|" "reason||重复录入" >expect &&
	test_cmp expect actual
'

test_case '--dry-run writes nothing' '
	seed &&
	visit-edit --dry-run --reason x $V --visitor 王清 visitor 王琼清 2>err &&
	err_is err "visit-edit: dry run, nothing written: the visit of HY0101001 on 2022-11-08 by 王清: visitor is now 王琼清" &&
	store_unchanged
'

test_case 'usage errors: no reason, which visit, an unknown action, a bad date' '
	seed &&
	expect_status 64 visit-edit $V --visitor 王清 remove 2>err &&
	err_is err "visit-edit: --reason: say why; it is kept in the audit log" "$TRY" &&
	expect_status 64 visit-edit --reason x $V remove 2>err &&
	err_is err "visit-edit: which visit? --household, --date and --visitor say" "$TRY" &&
	expect_status 64 visit-edit --reason x $V --visitor 王清 delete 2>err &&
	err_is err "visit-edit: unknown action \"delete\"; expected household, date, visitor or remove" "$TRY" &&
	expect_status 64 visit-edit --reason x $V --visitor 王清 date 明天 2>err &&
	err_is err "visit-edit: date: not a date: \"明天\"" "$TRY" &&
	expect_status 64 visit-edit --reason x --household HY0101001 --date 11月8日 \
		--visitor 王清 remove 2>err &&
	err_is err "visit-edit: --date: not a date: \"11月8日\"" "$TRY" &&
	expect_status 64 visit-edit --reason x $V --visitor 王清 remove now 2>err &&
	err_is err "visit-edit: remove takes nothing more" "$TRY" &&
	store_unchanged
'

test_done
