#!/bin/sh
#
# report-gen --from-rollup scorecard: a city's scorecard from its
# counties' roll-ups (report-gen summary -f json) is the scorecard of
# their stores, row for row: the meetings of each kind, the policy
# answers and the rule-delivery items travel in the roll-up's parts

. "$(dirname "$0")/lib.sh"

TODAY=2023-06-30

# four townships, copies of the example township with meeting and
# rule-delivery milestones and 后叶村's rules, named 甲镇 to 丁镇
townships() {
	example_township &&
	milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
	rule-step -q --today $TODAY "$EXAMPLES/rules.csv" >/dev/null &&
	printf "%s\n" milestone_id,title,kind,due_date \
		2023-03-31,村规民约分发到户,rule_delivery,2023-03-31 >rules-due.csv &&
	milestone-add -q rules-due.csv &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	for t in 甲镇 乙镇 丙镇 丁镇; do
		cp "$RENKE_DB" $t.db &&
		sqlite3 $t.db "INSERT INTO meta VALUES (${SQ}township${SQ}, ${SQ}$t${SQ})" ||
		return 1
	done &&
	: 丁镇 held its briefing late and has fewer answers &&
	sqlite3 丁镇.db "DELETE FROM survey_answer WHERE response_id IN
		(SELECT id FROM survey_response WHERE village = ${SQ}后叶村${SQ})"
}

test_case 'two counties'\'' roll-ups give the scorecard of their four stores, in every column' '
	townships &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today $TODAY >east.json &&
	report-gen -d 丙镇.db -d 丁镇.db summary -f json --today $TODAY >west.json &&
	report-gen -d 甲镇.db -d 乙镇.db -d 丙镇.db -d 丁镇.db scorecard -f csv --today $TODAY >expect &&
	report-gen --from-rollup scorecard east.json west.json -f csv >actual &&
	test_cmp expect actual &&
	: the columns the roll-up had to carry are not all empty &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"village\"] == \"*\" && \$at[\"township\"] == \"*\" {
			print \$at[\"representatives_required\"], \$at[\"briefings_required\"],
			\$at[\"courtyard_required\"], \$at[\"rules_delivery_required\"],
			(\$at[\"policy_awareness\"] > 0) }" actual >totals &&
	sqlite3 甲镇.db "SELECT 4 * (SELECT count(*) FROM milestone WHERE meeting_kind = ${SQ}representatives${SQ}) * (SELECT count(*) FROM village)" >n &&
	test "$(cut -d " " -f 1 totals)" = "$(cat n)" &&
	test "$(cut -d " " -f 4 totals)" = "$((4 * 9))" &&
	test "$(cut -d " " -f 5 totals)" = 1 &&
	: and so it is for people, in Chinese &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen -d 甲镇.db -d 乙镇.db -d 丙镇.db -d 丁镇.db \
		scorecard -f table --today $TODAY >expect &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen --from-rollup scorecard east.json west.json -f table >actual &&
	test_cmp expect actual
'

test_case 'a roll-up whose held meetings outnumber those required is refused, naming the count (exit 65)' '
	townships &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today $TODAY >east.json &&
	sed "s/\"briefings_held\": *0/\"briefings_held\": 999/" east.json >bad.json &&
	! cmp -s east.json bad.json &&
	expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
	grep_message "bad.json: row [0-9]*: briefings_held: not a count of the roll-up" err
'

test_case '--from-rollup takes the summary or the scorecard only' '
	expect_status 64 report-gen --from-rollup issues x.json 2>err &&
	grep_message "report-gen: --from-rollup reads summaries: report-gen --from-rollup summary | scorecard file ..." err
'

test_done
