#!/bin/sh
#
# Three corrections made whole: a household merge gives each record it
# moves (a visit, an issue) the merge's reason in the audit log;
# household-add --new-village (--new-group) with a name a place had
# before it was renamed is refused naming the place's name now; and
# household-add --upsert --without-case REASON needs no second reason

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"

# seed: the households, a visit and an issue of HY0101002, a case in use
# (HY0101001's), 后叶村 renamed 后坪村 and its 6社 renamed 六社.  Built once.
make_seed() {
	household-add -q "$EXAMPLES/households.csv" &&
	visit-log -q --household HY0101002 --date 2022-11-08 --visitor 王琼清 --round r1 &&
	issue-add -q --today 2022-11-09 --title 危房 --owner 村委会 \
		--household HY0101002 >/dev/null &&
	case-open -q --today 2022-11-01 --household HY0101001 --clue application \
		--clue-on 2022-11-01 >/dev/null &&
	place-edit -q --reason 更名 rename 后叶村 后坪村 &&
	place-edit -q --reason 更名 --village 后坪村 rename 6社 六社
}

seed() {
	store_cache seed make_seed && store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'a merge: each visit and issue it moves is audited with the reason of the merge' '
	seed &&
	household-edit -q --by 李霞 --reason 重复登记 merge HY0101002 HY0101001 &&
	sql "SELECT entity, entity_id, field, coalesce(old, ${SQ}-${SQ}), new FROM audit
		WHERE who = ${SQ}李霞${SQ} AND entity IN (${SQ}visit${SQ}, ${SQ}issue${SQ}) ORDER BY seq" >actual &&
	printf "%s\n" "visit|1|household_id|HY0101002|HY0101001" "visit|1|reason|-|重复登记" \
		"issue|1|household_id|HY0101002|HY0101001" "issue|1|reason|-|重复登记" >expect &&
	test_cmp expect actual
'

test_case '--new-village, --new-group with an old name: refused naming the name now (65, nothing written)' '
	seed &&
	expect_status 65 household-add --id HY0909001 --village 后叶村 --new-village 2>err &&
	err_is err "household-add: no village \"后叶村\": it is 后坪村 now, renamed or merged" &&
	expect_status 65 household-add --id HY0909001 --village 后坪村 --group 6社 --new-group 2>err &&
	err_is err "household-add: no villager group \"6社\" in 后坪村: it is 六社 now, renamed or merged" &&
	expect_status 65 $ZH household-add --id HY0909001 --village 后叶村 --new-village 2>err &&
	grep_message "没有该村(社区)：后叶村；现为 后坪村（已改名或合并）" err &&
	store_unchanged &&
	household-add -q --id HY0909001 --village 新田坝村 --group 1社 --new-village &&
	household-add -q --id HY0909002 --village 后坪村 --group 7社 --new-group &&
	test "$(sql "SELECT count(*) FROM household WHERE household_id LIKE ${SQ}HY0909%${SQ}")" = 2
'

test_case '--upsert --without-case REASON: the one reason serves, audited once as the reason' '
	seed &&
	household-add --upsert --id HY0101003 --village 后坪村 --monitor-type 边缘易致贫户 \
		--risk-status 未消除风险 --without-case 入户核实 2>err &&
	grep_message "updated 1" err &&
	sql "SELECT field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE entity_id = ${SQ}HY0101003${SQ}
		AND command = ${SQ}household-add${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "without_case|-|入户核实" "monitor_type|-|marginal" "risk_status|-|at_risk" \
		"reason|-|入户核实" >expect &&
	test_cmp expect actual &&
	household-add -q --upsert --reason 核实更正 --id HY0101004 --village 后坪村 \
		--monitor-type 边缘易致贫户 --risk-status 未消除风险 --without-case 入户核实 &&
	test "$(sql "SELECT new FROM audit WHERE entity_id = ${SQ}HY0101004${SQ} AND field = ${SQ}reason${SQ}")" = 核实更正
'

test_done
