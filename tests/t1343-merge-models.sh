#!/bin/sh
#
# Models and boards travel in a county's roll-up (a city's scorecard from
# roll-ups has the models and boards of its stores), and merges keep
# action 7 and 8's records whole: a village or group merged takes its
# rule sets and returnee contacts along (refused, naming the title, when
# both places have rules of one title); a household merged into the one
# it repeats takes its village-rules steps along, and a selection, board
# entry or delivery both households have becomes the kept one's, audited

. "$(dirname "$0")/lib.sh"

TODAY=2023-06-30
RULES=后叶村村规民约（2023年修订）

# the example township with its selections, boards and 后叶村's rules
# (delivered to three households), built once and copied for each case
models_township() {
	if [ ! -s "$TRASH/models.db" ]; then
		(
			RENKE_DB=$TRASH/models.new.db && export RENKE_DB &&
			example_township &&
			honour-add -q "$EXAMPLES/honours.csv" &&
			board-step -q --today 2022-12-31 "$EXAMPLES/board-steps.csv" &&
			rule-step -q --today $TODAY "$EXAMPLES/rules.csv" >/dev/null &&
			sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
		) || return 1
		mv "$TRASH/models.new.db" "$TRASH/models.db" || return 1
	fi
	cp "$TRASH/models.db" "$RENKE_DB"
}

# counted VILLAGE: models and boards posted of the village in the year to
# 2022-12-31, from the store's rows
counted() {
	sqlite3 -separator , "$RENKE_DB" "SELECT
		(SELECT count(*) FROM honour o WHERE o.village_id = v.id AND
		o.selected_on > ${SQ}2021-12-31${SQ} AND o.selected_on <= ${SQ}2022-12-31${SQ}),
		(SELECT count(*) FROM board_entry e WHERE e.village_id = v.id AND
		e.posted_on > ${SQ}2021-12-31${SQ} AND e.posted_on <= ${SQ}2022-12-31${SQ})
		FROM village v WHERE v.name = ${SQ}$1${SQ}"
}

# models_of FILE: village,models,boards_posted of a scorecard's rows
models_of() {
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["township"] "," $at["village"] "," $at["models"] "," $at["boards_posted"] }' "$1"
}

test_case 'a city'\''s scorecard from roll-ups has its stores'\'' models and boards' '
	models_township &&
	for t in 甲镇 乙镇 丙镇 丁镇; do
		cp "$RENKE_DB" $t.db &&
		sqlite3 $t.db "INSERT INTO meta VALUES (${SQ}township${SQ}, ${SQ}$t${SQ})" ||
		exit 1
	done &&
	: 丙镇 and 丁镇 have no selection and no board &&
	sqlite3 丙镇.db "DELETE FROM board_entry; DELETE FROM honour" &&
	sqlite3 丁镇.db "DELETE FROM board_entry; DELETE FROM honour" &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today 2022-12-31 >east.json &&
	report-gen -d 丙镇.db -d 丁镇.db summary -f json --today 2022-12-31 >west.json &&
	report-gen -d 甲镇.db -d 乙镇.db -d 丙镇.db -d 丁镇.db scorecard -f csv --today 2022-12-31 >expect &&
	report-gen --from-rollup scorecard east.json west.json -f csv >actual &&
	test_cmp expect actual &&
	models_of actual >got &&
	grep -q "^甲镇,后叶村,$(counted 后叶村)$" got &&
	grep -q "^乙镇,双河村,$(counted 双河村)$" got &&
	grep -q "^丙镇,后叶村,0,0$" got &&
	: the city total is twice the township&&
	n=$(sqlite3 "$RENKE_DB" "SELECT 2 * count(*) FROM honour WHERE selected_on <= ${SQ}2022-12-31${SQ}") &&
	b=$(sqlite3 "$RENKE_DB" "SELECT 2 * count(*) FROM board_entry WHERE posted_on <= ${SQ}2022-12-31${SQ}") &&
	test "$n" -gt 0 && test "$b" -gt 0 &&
	grep -q "^\*,\*,$n,$b$" got &&
	: a roll-up with a count that is none is refused &&
	sed "s/\"models\": *[0-9]*/\"models\": -1/" east.json >bad.json &&
	! cmp -s east.json bad.json &&
	expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
	grep_message "bad.json: row [0-9]*: models: not a count of the roll-up" err
'

test_case 'a village merged takes its rule set and returnee contacts along, audited' '
	models_township &&
	printf "%s\n" "id_number,contacted_on,name,village,kind,cadre,status" \
		"$(id_number 50023519800101001),2023-02-01,王五,后叶村,乡贤,李四,已联系" >ret.csv &&
	returnee-log -q ret.csv &&
	report-gen scorecard -f csv --today $TODAY >before.csv &&
	sqlite3 "$RENKE_DB" "SELECT ${SQ}board${SQ}, count(*), count(*) FROM board_entry e
		JOIN village v ON v.id = e.village_id WHERE v.name = ${SQ}后叶村${SQ}
		UNION ALL SELECT ${SQ}honour${SQ}, count(*), count(*) FROM honour o
		JOIN village v ON v.id = o.village_id WHERE v.name = ${SQ}后叶村${SQ}" >moves &&
	place-edit --reason "两村合并" merge 后叶村 双河村 2>err &&
	grep_message "1 rule set and 1 returnee contact" err &&
	sqlite3 "$RENKE_DB" "PRAGMA foreign_key_check" >fk &&
	test_must_be_empty fk &&
	test "$(sqlite3 "$RENKE_DB" "SELECT v.name FROM rule_set r JOIN village v ON v.id = r.village_id")" = 双河村 &&
	test "$(sqlite3 "$RENKE_DB" "SELECT v.name FROM returnee_contact r JOIN village v ON v.id = r.village_id")" = 双河村 &&
	sqlite3 "$RENKE_DB" "SELECT entity, field, old, new FROM audit WHERE
		entity IN (${SQ}rule${SQ}, ${SQ}returnee${SQ}) AND field = ${SQ}village${SQ} ORDER BY entity DESC" >audited &&
	printf "%s\n" "rule|village|后叶村|双河村" "returnee|village|后叶村|双河村" >expect &&
	test_cmp expect audited &&
	: each selection and board entry moved is audited under the key honour-add or board-step gave it &&
	sqlite3 "$RENKE_DB" "SELECT a.entity, count(*), count(b.entity_id) FROM audit a
		LEFT JOIN (SELECT DISTINCT entity, entity_id FROM audit
			WHERE field IN (${SQ}created${SQ}, ${SQ}propose${SQ})) b
		ON b.entity = a.entity AND b.entity_id = a.entity_id
		WHERE a.entity IN (${SQ}board${SQ}, ${SQ}honour${SQ}) AND a.field = ${SQ}village${SQ}
		GROUP BY a.entity ORDER BY a.entity" >keys &&
	test_cmp moves keys &&
	: the rules are in force and delivered in the kept village now &&
	report-gen scorecard -f csv --today $TODAY >after.csv &&
	field rules_in_force after.csv | grep -q "^双河村,1$" &&
	field rules_delivery_rate before.csv | grep "^后叶村," | cut -d, -f2 >d1 &&
	h=$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM household h JOIN village v ON v.id = h.village_id WHERE v.name = ${SQ}双河村${SQ}") &&
	test "$(field rules_delivery_rate after.csv | grep "^双河村," | cut -d, -f2)" = \
		"$(awk -v h=$h "BEGIN { printf \"%.4f\", 3 / h }")"
'

test_case 'a group merged takes its rule set along' '
	models_township &&
	rule-step -q --today $TODAY --village 后叶村 --group 1社 --title 一社公约 \
		--step draft --date 2023-01-01 --topics 人居环境 >/dev/null &&
	place-edit --village 后叶村 --reason "两社合并" merge 1社 2社 2>err &&
	grep_message "1 rule set" err &&
	test "$(sqlite3 "$RENKE_DB" "SELECT g.name FROM rule_set r JOIN village_group g ON g.id = r.group_id")" = 2社
'

test_case 'two places with rules of one title are not merged: message, exit 65, store unchanged' '
	models_township &&
	rule-step -q --today $TODAY --village 双河村 --title "$RULES" \
		--step draft --date 2023-01-01 --topics 人居环境 >/dev/null &&
	rule-step -q --today $TODAY --village 后叶村 --group 1社 --title 社规 \
		--step draft --date 2023-01-01 --topics 人居环境 >/dev/null &&
	rule-step -q --today $TODAY --village 后叶村 --group 2社 --title 社规 \
		--step draft --date 2023-01-01 --topics 人居环境 >/dev/null &&
	store_dump >before &&
	expect_status 65 place-edit --reason x merge 后叶村 双河村 2>err &&
	err_is err "place-edit: 后叶村 and 双河村 both have village rules titled $RULES: a place keeps one rule set of a title" &&
	store_unchanged &&
	expect_status 65 place-edit --village 后叶村 --reason x merge 1社 2社 2>err &&
	err_is err "place-edit: 后叶村 1社 and 后叶村 2社 both have village rules titled 社规: a place keeps one rule set of a title" &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 place-edit --reason x merge 后叶村 双河村 2>err &&
	err_is err "place-edit: 后叶村和双河村都有题为“$RULES”的村规民约：一个地方同一题目的村规民约只能有一套" &&
	store_unchanged
'

# a second household HY0101901 of 后叶村 1社 holding the same selection,
# board entry and rules delivery as HY0101001, and a delivery of its own
twin_household() {
	printf "%s\n" household_id,head_name,village,village_group,members \
		HY0101901,张三,后叶村,1社,3 >dup.csv &&
	household-add -q dup.csv &&
	{
		head -n 1 "$EXAMPLES/honours.csv" &&
		echo "文明家庭,,村级,2022,后叶村,HY0101901,后叶村1社,邻里互评,2022-11-20,,,23.4,14,2022-12-01,重复登记"
	} | honour-add -q &&
	{
		head -n 1 "$EXAMPLES/board-steps.csv" &&
		echo "光荣榜,HY0101901,2022-12-10,2023-03-09,提名上榜,2022-12-05,评选,,,,," &&
		echo "光荣榜,HY0101901,2022-12-10,,上榜公布,2022-12-10,,,,,,"
	} | board-step -q --today 2022-12-31 &&
	R="rule-step -q --today $TODAY --village 后叶村 --title $RULES --step" &&
	$R deliver --date 2023-03-12 --household HY0101901 >/dev/null &&
	$R enforce --date 2023-05-21 --household HY0101901 --action reward \
		--body moral_council --notes 帮扶邻居 >/dev/null
}

test_case 'a household merged: twin selection, board entry and delivery are the kept one'\''s, audited' '
	models_township &&
	twin_household &&
	report-gen scorecard -f csv --today 2022-12-31 >models.before &&
	household-edit --reason "重复登记" merge HY0101901 HY0101001 2>err &&
	grep_message "1 selection, 1 board entry and 2 village-rules steps" err &&
	sqlite3 "$RENKE_DB" "PRAGMA foreign_key_check" >fk &&
	test_must_be_empty fk &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM honour WHERE household_id = ${SQ}HY0101001${SQ}")" = 1 &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM board_entry WHERE household_id = ${SQ}HY0101001${SQ}")" = 1 &&
	sqlite3 "$RENKE_DB" "SELECT step, done_on FROM rule_step WHERE household_id = ${SQ}HY0101001${SQ} ORDER BY id" >steps &&
	printf "%s\n" "deliver|2023-03-10" "enforce|2023-05-21" >expect &&
	test_cmp expect steps &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM rule_step WHERE household_id = ${SQ}HY0101901${SQ}")" = 0 &&
	: the board entry of the kept selection, and each twin audited &&
	test "$(sqlite3 "$RENKE_DB" "SELECT o.household_id FROM board_entry e JOIN honour o ON o.id = e.honour_id WHERE e.household_id = ${SQ}HY0101001${SQ}")" = HY0101001 &&
	sqlite3 "$RENKE_DB" "SELECT entity FROM audit WHERE field = ${SQ}merged_into${SQ} AND entity <> ${SQ}household${SQ} ORDER BY seq" >audited &&
	printf "%s\n" board honour rule >expect &&
	test_cmp expect audited &&
	: models counted once, as before less the twins &&
	report-gen scorecard -f csv --today 2022-12-31 >models.after &&
	test "$(field models models.after | grep ^后叶村)" = "后叶村,$(($(field models models.before | grep ^后叶村 | cut -d, -f2) - 1))"
'

test_case 'a household with village-rules steps is not removed: message, exit 65, store unchanged' '
	models_township &&
	store_dump >before &&
	expect_status 65 household-edit --reason x remove HY0101002 2>err &&
	grep_message "household HY0101002 has .*2 village-rules steps" err &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 household-edit --reason x remove HY0101002 2>err &&
	grep_message "2 条村规民约记录" err &&
	store_unchanged
'

test_done
