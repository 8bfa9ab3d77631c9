#!/bin/sh
#
# visit-edit household: the findings a visit noted on the old household's
# open issue from visits move to the new household's open issue of their
# category, or open one there (due by the deadline rules from the day it
# was noted); nothing lost or doubled, each change audited with the
# reason, and the findings read again add nothing.  The findings were
# read on 2022-11-23: their issues are opened and their notes made that day

. "$(dirname "$0")/lib.sh"

# seed: four visits to HY0101001 finding its drinking water unsafe, read
# as findings: issue 1 opened by the first, the three others noted on it
make_seed() {
	household-add -q "$EXAMPLES/households.csv" &&
	printf "%s\n" "household_id,visit_date,visitor,round,drinking_water" \
		"HY0101001,2022-11-01,王干部,r1,否" "HY0101001,2022-11-08,王干部,r1,否" \
		"HY0101001,2022-11-15,李干部,r1,否" "HY0101001,2022-11-22,王干部,r1,否" \
		>"$TRASH/visits.csv" &&
	visit-log -q --flagged "$TRASH/visits.csv" >"$TRASH/findings.csv" &&
	issue-add -q --today 2022-11-23 "$TRASH/findings.csv" >/dev/null
}

seed() {
	store_cache seed make_seed && store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

# findings: every finding as the store keeps it, an issue or a note
findings() {
	sql "SELECT h.household_id, i.id, ${SQ}issue${SQ}, i.source_ref, i.opened_on, i.due_date
		FROM issue i JOIN household h ON h.id = i.household_ref
		UNION ALL SELECT h.household_id, i.id, ${SQ}note${SQ}, n.note, n.noted_on, n.who
		FROM issue_note n JOIN issue i ON i.id = n.issue_id
		JOIN household h ON h.id = i.household_ref ORDER BY 1, 2, 3, 5"
}

T=走访发现：饮水安全未保障

test_case 'one visit of four moved: its finding opens an issue of the new household; the others stay; nothing lost or doubled' '
	seed &&
	visit-edit --by 李霞 --reason 户录错 --household HY0101001 --date 2022-11-15 --visitor 李干部 \
		household HY0102001 2>err &&
	err_is err "visit-edit: the visit of HY0101001 on 2022-11-15 by 李干部: household is now HY0102001" &&
	findings >actual &&
	printf "%s\n" "HY0101001|1|issue|visit:HY0101001:2022-11-01:王干部|2022-11-23|2022-12-23" \
		"HY0101001|1|note|$T (visit:HY0101001:2022-11-08:王干部)|2022-11-23|王干部" \
		"HY0101001|1|note|$T (visit:HY0101001:2022-11-22:王干部)|2022-11-23|王干部" \
		"HY0102001|2|issue|visit:HY0102001:2022-11-15:李干部|2022-11-23|2022-12-23" >expect &&
	test_cmp expect actual &&
	sql "SELECT category, title, reporter, owner, status, scorecard_original_due FROM issue WHERE id = 2" >actual &&
	test "$(cut -d "|" -f 1-2,5,6 actual)" = "water|$T|open|2022-12-23" &&
	test "$(cut -d "|" -f 4 actual)" = "$(sql "SELECT owner FROM issue WHERE id = 1")" &&
	sql "SELECT entity, entity_id, field, coalesce(old, ${SQ}-${SQ}), coalesce(new, ${SQ}-${SQ}) FROM audit
		WHERE who = ${SQ}李霞${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "visit|3|household_id|HY0101001|HY0102001" \
		"issue|1|note|$T (visit:HY0101001:2022-11-15:李干部)|-" "issue|1|reason|-|户录错" \
		"issue|2|status|-|open" "issue|2|owner|-|$(sql "SELECT owner FROM issue WHERE id = 1")" \
		"issue|2|due_date|-|2022-12-23" "issue|2|reason|-|户录错" "visit|3|reason|-|户录错" >expect &&
	test_cmp expect actual &&
	store_dump >before &&
	visit-log -q --flagged --since 2022-01-01 | issue-add --today 2022-11-30 >/dev/null 2>err &&
	grep_message "added 0," err &&
	store_unchanged
'

test_case 'a second moved: noted on the issue the new household has open, not opened again' '
	seed &&
	visit-edit -q --reason 户录错 --household HY0101001 --date 2022-11-15 --visitor 李干部 \
		household HY0102001 &&
	visit-edit -q --reason 户录错 --household HY0101001 --date 2022-11-22 --visitor 王干部 \
		household HY0102001 &&
	findings >actual &&
	printf "%s\n" "HY0101001|1|issue|visit:HY0101001:2022-11-01:王干部|2022-11-23|2022-12-23" \
		"HY0101001|1|note|$T (visit:HY0101001:2022-11-08:王干部)|2022-11-23|王干部" \
		"HY0102001|2|issue|visit:HY0102001:2022-11-15:李干部|2022-11-23|2022-12-23" \
		"HY0102001|2|note|$T (visit:HY0102001:2022-11-22:王干部)|2022-11-23|王干部" >expect &&
	test_cmp expect actual &&
	sql "SELECT count(*) FROM audit WHERE entity = ${SQ}issue${SQ} AND entity_id = ${SQ}2${SQ}
		AND field = ${SQ}note${SQ} AND new LIKE ${SQ}%2022-11-22%${SQ}" >actual &&
	echo 1 >expect &&
	test_cmp expect actual &&
	report-gen -f csv history 2 >hist &&
	grep -q "2022-11-22:王干部" hist
'

test_case 'a working-day rule counts the new issue from the day it was noted' '
	seed &&
	issue-add -q --rule water:normal=5wd --calendar "$EXAMPLES/holidays-2022.csv" &&
	visit-edit -q --reason 户录错 --household HY0101001 --date 2022-11-15 --visitor 李干部 \
		household HY0102001 &&
	test "$(sql "SELECT due_date FROM issue WHERE id = 2")" = 2022-11-30
'

test_done
