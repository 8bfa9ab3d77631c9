#!/bin/sh
#
# Corrections from the command line or from files (--upsert) say why:
# --reason is written to the audit log beside the old and new value of
# every field changed, for households, visits and milestones

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"

seed() {
	example_households &&
	visit-log -q --household HY0101001 --date 2022-11-08 --visitor 王琼清 \
		--round 2022-r1 --notes 屋顶漏雨 &&
	store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'a household corrected with --upsert --reason: old value, new value, who and why' '
	seed &&
	household-add -q --upsert --by 李霞 --reason 户主换了号码 --id HY0101001 \
		--village 后叶村 --group 1社 --phone 13988880000 &&
	sql "SELECT who, entity, entity_id, field, old, new FROM audit
		WHERE entity_id = ${SQ}HY0101001${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "李霞|household|HY0101001|phone|15478480480|13988880000" \
		"李霞|household|HY0101001|reason||户主换了号码" >expect &&
	test_cmp expect actual
'

test_case 'corrections from a file: one reason row for each record changed, none for the others' '
	seed &&
	printf "household_id,village,village_group,head_name\nHY0101001,后叶村,1社,王永福\nHY0101002,后叶村,1社,牟英\n" >fix.csv &&
	household-add --upsert --by 李霞 --reason 户主姓名录错 fix.csv 2>err &&
	grep_message "updated 2, unchanged 0" err &&
	sql "SELECT entity_id, field, new FROM audit WHERE field = ${SQ}reason${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "HY0101001|reason|户主姓名录错" "HY0101002|reason|户主姓名录错" >expect &&
	test_cmp expect actual &&
	household-add --upsert --reason 再来一次 fix.csv 2>err &&
	grep_message "updated 0, unchanged 2" err &&
	test "$(sql "SELECT count(*) FROM audit WHERE field = ${SQ}reason${SQ}")" = 2
'

test_case 'a visit corrected with --upsert --reason' '
	seed &&
	visit-log -q --upsert --by 李霞 --reason 备注写错 --household HY0101001 \
		--date 2022-11-08 --visitor 王琼清 --round 2022-r1 --notes 厨房漏雨 &&
	sql "SELECT who, entity, field, old, new FROM audit WHERE entity = ${SQ}visit${SQ}
		AND field IN (${SQ}notes${SQ}, ${SQ}reason${SQ}) ORDER BY seq" >actual &&
	printf "%s\n" "李霞|visit|notes|屋顶漏雨|厨房漏雨" "李霞|visit|reason||备注写错" >expect &&
	test_cmp expect actual
'

test_case 'a milestone corrected with --upsert --reason' '
	seed &&
	milestone-add -q "$EXAMPLES/milestones.csv" &&
	id=$(sql "SELECT milestone_id FROM milestone ORDER BY id LIMIT 1") &&
	due=$(sql "SELECT due_date FROM milestone ORDER BY id LIMIT 1") &&
	round=$(sql "SELECT round FROM milestone ORDER BY id LIMIT 1") &&
	title=$(sql "SELECT title FROM milestone ORDER BY id LIMIT 1") &&
	milestone-add -q --upsert --reason 县里推迟 --id "$id" --title "$title" \
		--round "$round" --due 2022-11-15 &&
	sql "SELECT field, old, new FROM audit WHERE entity = ${SQ}milestone${SQ}
		AND field IN (${SQ}due_date${SQ}, ${SQ}reason${SQ}) ORDER BY seq" >actual &&
	printf "%s\n" "due_date|$due|2022-11-15" "reason||县里推迟" >expect &&
	test_cmp expect actual
'

test_case '--reason without --upsert is a usage error; nothing is written' '
	seed &&
	expect_status 64 household-add --reason x --id HY0101001 --village 后叶村 \
		--phone 13988880000 2>err &&
	err_is err "household-add: --reason goes with --upsert: it says why records are corrected" \
		"Try ${SQ}household-add -h${SQ} for more information." &&
	expect_status 64 $ZH visit-log --reason x --household HY0101001 \
		--date 2022-11-08 --visitor 王琼清 --round 2022-r1 2>err &&
	grep_message "^visit-log: --reason须与--upsert同用" err &&
	store_unchanged
'

test_done
