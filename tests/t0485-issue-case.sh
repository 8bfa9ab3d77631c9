#!/bin/sh
#
# issue-update --case N | --case none: an issue's monitoring case
# corrected as issue-add --case takes it (a case of the issue's
# household; an issue of no household takes the case's), audited with
# the reason; every refusal leaves the store as it was

. "$(dirname "$0")/lib.sh"

# seed: the households, case 1 of HY0101001 and case 2 of HY0101002,
# issue 1 of HY0101001 and issue 2 of no household.  Built once.
make_seed() {
	household-add -q "$EXAMPLES/households.csv" &&
	case-open -q --today 2022-11-01 --household HY0101001 --clue application \
		--clue-on 2022-11-01 >/dev/null &&
	case-open -q --today 2022-11-01 --household HY0101002 --clue application \
		--clue-on 2022-11-01 >/dev/null &&
	issue-add -q --today 2022-11-02 --title 危房 --owner 村委会 \
		--household HY0101001 >/dev/null &&
	issue-add -q --today 2022-11-02 --title 修路 --owner 村委会 --village 后叶村 >/dev/null
}

seed() {
	store_cache seed make_seed && store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

audit() {
	sql "SELECT who, entity_id, field, coalesce(old, ${SQ}-${SQ}), coalesce(new, ${SQ}-${SQ})
		FROM audit WHERE command = ${SQ}issue-update${SQ} ORDER BY seq"
}

test_case 'a case given, then none: audited with the old value and the reason; again changes nothing' '
	seed &&
	issue-update -q --by 李霞 --id 1 --case 1 --reason 漏填案件 >/dev/null &&
	test "$(sql "SELECT monitor_case_id FROM issue WHERE id = 1")" = 1 &&
	store_dump >before &&
	issue-update --id 1 --case 1 --reason 再来 >/dev/null 2>err &&
	grep_message "updated 0, unchanged 1" err &&
	store_unchanged &&
	issue-update -q --by 李霞 --id 1 --case none --reason 不是案件引起 >/dev/null &&
	test "$(sql "SELECT coalesce(monitor_case_id, ${SQ}-${SQ}) FROM issue WHERE id = 1")" = - &&
	audit >actual &&
	printf "%s\n" "李霞|1|case_id|-|1" "李霞|1|reason|-|漏填案件" \
		"李霞|1|case_id|1|-" "李霞|1|reason|-|不是案件引起" >expect &&
	test_cmp expect actual &&
	report-gen -f csv history 1 >hist &&
	grep -q 不是案件引起 hist
'

test_case 'an issue of no household takes the case${SQ}s household and place, in Chinese too (无)' '
	seed &&
	issue-update -q --id 2 --case 2 --reason 案件引起 >/dev/null &&
	sql "SELECT h.household_id, i.monitor_case_id FROM issue i JOIN household h
		ON h.id = i.household_ref WHERE i.id = 2" >actual &&
	echo "HY0101002|2" >expect &&
	test_cmp expect actual &&
	audit >actual &&
	printf "%s\n" "tester|2|household_id|-|HY0101002" "tester|2|case_id|-|2" \
		"tester|2|reason|-|案件引起" >expect &&
	test_cmp expect actual &&
	env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 issue-update -q --id 2 --case 无 --reason 误 >/dev/null &&
	test "$(sql "SELECT coalesce(monitor_case_id, 0) FROM issue WHERE id = 2")" = 0
'

test_case 'a household and its case corrected together' '
	seed &&
	issue-update -q --id 1 --case 1 --reason 漏填 >/dev/null &&
	issue-update -q --id 1 --household HY0101002 --case 2 --reason 户错 >/dev/null &&
	sql "SELECT h.household_id, i.monitor_case_id FROM issue i JOIN household h
		ON h.id = i.household_ref WHERE i.id = 1" >actual &&
	echo "HY0101002|2" >expect &&
	test_cmp expect actual
'

test_case 'refused, nothing written: no reason, another household${SQ}s case, no such case, not a number, a household moved from its case' '
	seed &&
	issue-update -q --id 1 --case 1 --reason 漏填 >/dev/null &&
	store_dump >before &&
	expect_status 65 issue-update --id 1 --case none 2>err &&
	err_is err "issue-update: command line: --reason: missing; a correction says why (--reason), for the audit log" \
		"issue-update: 1 bad record; nothing was written" &&
	expect_status 65 issue-update --id 1 --case 2 --reason x 2>err &&
	grep_message "^issue-update: command line: --case: case 2 is household HY0101002${SQ}s, not HY0101001${SQ}s$" err &&
	expect_status 65 issue-update --id 1 --case 9 --reason x 2>err &&
	grep_message "^issue-update: command line: --case: no case 9$" err &&
	expect_status 65 issue-update --id 1 --case 第一 --reason x 2>err &&
	grep_message "^issue-update: command line: --case: not a case number: \"第一\"$" err &&
	expect_status 65 issue-update --id 1 --household HY0101002 --reason x 2>err &&
	grep_message "^issue-update: command line: --household: the issue came of case 1, household HY0101001${SQ}s; correct its case with it (--case)$" err &&
	expect_status 65 env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 issue-update --id 1 \
		--household HY0101002 --reason x 2>err &&
	grep_message "该问题来自第1号案件，是HY0101001户的；请同时更正案件" err &&
	store_unchanged
'

test_case 'from a file: a case_id (案件编号) column' '
	seed &&
	printf "%s\n" "编号,案件编号,原因" "1,1,漏填" "2,2,漏填" >c.csv &&
	issue-update -q c.csv >/dev/null &&
	sql "SELECT id, monitor_case_id FROM issue ORDER BY id" >actual &&
	printf "%s\n" "1|1" "2|2" >expect &&
	test_cmp expect actual
'

test_done
