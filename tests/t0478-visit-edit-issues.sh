#!/bin/sh
#
# visit-edit: the issues a visit's findings opened follow the visit to
# the household it is corrected to (their place too), audited, and keep
# being the same issues when the findings are read again

. "$(dirname "$0")/lib.sh"

V="--household HY0101001 --date 2022-11-08 --visitor 王清"

# seed: a visit to the wrong household with a finding, its issue opened
seed() {
	example_households &&
	visit-log -q $V --round r1 --risk high &&
	visit-log --flagged --since 2022-01-01 | issue-add -q --today 2022-11-09 >/dev/null &&
	store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'household corrected: its issue moves to that household and its place, audited' '
	seed &&
	place=$(sql "SELECT village_id || ${SQ}|${SQ} || coalesce(group_id, ${SQ}${SQ}) FROM household
		WHERE household_id = ${SQ}HY0102001${SQ}") &&
	visit-edit --by 李霞 --reason 户录错 $V household HY0102001 2>err &&
	sql "SELECT h.household_id, i.village_id || ${SQ}|${SQ} || coalesce(i.group_id, ${SQ}${SQ}),
		i.source_ref FROM issue i JOIN household h ON h.id = i.household_ref" >actual &&
	echo "HY0102001|$place|visit:HY0102001:2022-11-08:王清" >expect &&
	test_cmp expect actual &&
	sql "SELECT who, entity, field, old, new FROM audit WHERE command = ${SQ}visit-edit${SQ}
		ORDER BY seq" >actual &&
	printf "%s\n" "李霞|visit|household_id|HY0101001|HY0102001" \
		"李霞|issue|source_ref|visit:HY0101001:2022-11-08:王清|visit:HY0102001:2022-11-08:王清" \
		"李霞|issue|household_id|HY0101001|HY0102001" \
		"李霞|visit|reason||户录错" >expect &&
	test_cmp expect actual &&
	report-gen history HY0102001 -f csv | cut -d , -f 3,5 >hist &&
	grep -q "^issue,opened$" hist &&
	! report-gen history HY0101001 -f csv | grep -q "^[^,]*,[^,]*,issue,"
'

test_case 'the findings read again after a correction are the same issue: nothing added' '
	seed &&
	visit-edit -q --reason 姓名录错 $V visitor 王琼清 &&
	visit-edit -q --reason 户录错 --household HY0101001 --date 2022-11-08 \
		--visitor 王琼清 household HY0102001 &&
	visit-log --flagged --since 2022-01-01 | issue-add --today 2022-11-10 >/dev/null 2>err &&
	grep_message "added 0, updated 0, unchanged 1" err &&
	test "$(sql "SELECT count(*) FROM issue")" = 1
'

test_case 'a visit with no issue moved: nothing else changes' '
	seed &&
	visit-log -q --household HY0101001 --date 2022-11-15 --visitor 秦福元 --round r1 &&
	visit-edit -q --reason 户录错 --household HY0101001 --date 2022-11-15 \
		--visitor 秦福元 household HY0102001 &&
	test "$(sql "SELECT count(*) FROM audit WHERE entity = ${SQ}issue${SQ}
		AND command = ${SQ}visit-edit${SQ}")" = 0 &&
	test "$(sql "SELECT h.household_id FROM issue i JOIN household h ON h.id = i.household_ref")" = HY0101001
'

test_done
