#!/bin/sh
#
# The scorecard's columns counted again here from the store's rows:
# action 5's policy awareness from the saved survey; action 1's visits
# of a milestone that asks for roles, one item a role; action 7's vote,
# the latest of meeting-log's and rule-step's; a rule-delivery milestone
# as a required item, met only when the rules were in force and with
# every household by its due date; "—" where nothing is required

. "$(dirname "$0")/lib.sh"

TODAY=2023-06-30

# the example township with 后叶村's rules (examples/rules.csv, in force
# from 2023-03-06, delivered to three of its households), 龙洞村's rules
# in force and delivered to each of its households by 2023-04-10, and
# 凉水村's too, but to its last household on 2023-05-02, each after a
# vote without two thirds present; 红狮村's voted without them only; one
# rule-delivery milestone due 2023-04-30 and one role milestone.  Built
# once, copied for each case.
township() {
	if [ ! -s "$TRASH/scorecard.db" ]; then
		(
			RENKE_DB=$TRASH/scorecard.new.db && export RENKE_DB &&
			example_township &&
			rule-step -q --today $TODAY "$EXAMPLES/rules.csv" >/dev/null &&
			rules_of 龙洞村 2023-04-10 2023-04-10 &&
			rules_of 凉水村 2023-04-10 2023-05-02 &&
			rule-step -q --today $TODAY --village 红狮村 --title 红狮村村规民约 \
				--step draft --date 2023-01-02 --topics 移风易俗 >/dev/null &&
			rule-step -q --today $TODAY --village 红狮村 --title 红狮村村规民约 \
				--step consult --date 2023-01-09 --groups 全村 --opinions 1 \
				--adopted 1 >/dev/null &&
			rule-step -q --today $TODAY --village 红狮村 --title 红狮村村规民约 \
				--step vote --date 2023-03-01 --representatives 30 --present 19 \
				--yes 15 >/dev/null &&
			printf "%s\n" milestone_id,title,kind,due_date \
				2023-04-30,村规民约分发到户,rule_delivery,2023-04-30 >rules-due.csv &&
			milestone-add -q rules-due.csv &&
			printf "%s\n" milestone_id,title,kind,categories,round,due_date,roles \
				"2022-11-30,书记遍访脱贫户,visit_coverage,脱贫户,2022-r1,2022-11-30,村党组织书记;驻村第一书记" >roles.csv &&
			milestone-add -q roles.csv &&
			sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
		) || return 1
		mv "$TRASH/scorecard.new.db" "$TRASH/scorecard.db" || return 1
	fi
	cp "$TRASH/scorecard.db" "$RENKE_DB"
}

# rules_of VILLAGE DAY LAST: the village's own rules in force on DAY and
# delivered to each of its households on DAY, the last one on LAST
rules_of() {
	R="rule-step -q --today $TODAY --village $1 --title $1村规民约"
	$R --step draft --date 2023-01-02 --topics 移风易俗 >/dev/null &&
	$R --step consult --date 2023-01-09 --groups 全村 --opinions 3 --adopted 2 >/dev/null &&
	$R --step vote --date 2023-01-20 --representatives 30 --present 19 --yes 10 >/dev/null &&
	$R --step vote --date 2023-02-01 --representatives 30 --present 25 --yes 20 >/dev/null &&
	$R --step review --date 2023-02-10 --result passed >/dev/null &&
	$R --step post --date "$2" --place 村委会公开栏 >/dev/null &&
	deliver_rules "$1" "$2" "$3" $TODAY
}

test_case 'action 5: policy awareness is 知晓 and 基本知晓 of the policy question answered, per village and in total' '
	township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	field policy_awareness out >actual &&
	sqlite3 -separator , "$RENKE_DB" "
		CREATE TEMP VIEW a AS SELECT v.id AS vid, v.name AS name,
			sum(x.answer IN (${SQ}satisfied${SQ}, ${SQ}basically_satisfied${SQ})) AS aware,
			sum(x.answer IN (${SQ}satisfied${SQ}, ${SQ}basically_satisfied${SQ}, ${SQ}dissatisfied${SQ})) AS n
			FROM survey_answer x JOIN survey_response r ON r.id = x.response_id
			JOIN village v ON v.name = r.village
			WHERE x.question = ${SQ}q_policy${SQ} GROUP BY v.id;
		SELECT v.name, CASE WHEN a.n > 0 THEN printf(${SQ}%.4f${SQ}, 1.0 * a.aware / a.n) ELSE ${SQ}${SQ} END
			FROM village v LEFT JOIN a ON a.vid = v.id ORDER BY v.id;
		SELECT ${SQ}*${SQ}, printf(${SQ}%.4f${SQ}, 1.0 * sum(aware) / sum(n)) FROM a" >expect &&
	test_cmp expect actual &&
	: the aware are fewer than the recognition counts over every question &&
	field recognition_n out | tail -n 1 >n &&
	test "$(cut -d , -f 2 n)" -gt "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM survey_answer WHERE question = ${SQ}q_policy${SQ}")"
'

test_case 'action 1: a milestone asking for two roles is two items a village, each done when its role visited every household due' '
	township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	visit-log --coverage -f csv >coverage &&
	sqlite3 "$RENKE_DB" "SELECT name FROM village ORDER BY id" >villages &&
	field visits_required out | grep -v "^\*," >actual &&
	while read -r v; do
		awk -F, -v v="$v" "\$2 == v && \$3 > 0 { n++ } END { print v \",\" n + 0 }" coverage
	done <villages >expect &&
	test_cmp expect actual &&
	: the roles are counted as two milestones of their own &&
	grep -c "^2022-11-30:village_secretary,\|^2022-11-30:first_secretary," coverage >n &&
	test "$(cat n)" -eq 18 &&
	field visits_done out | grep -v "^\*," >actual &&
	while read -r v; do
		awk -F, -v v="$v" "\$2 == v && \$3 > 0 && \$4 == \$3 { n++ } END { print v \",\" n + 0 }" coverage
	done <villages >expect &&
	test_cmp expect actual &&
	report-gen summary -f csv --today $TODAY >summary &&
	head -n 1 summary | tr , "\n" | grep "^coverage_2022-11-30" >actual &&
	printf "%s\n" coverage_2022-11-30:first_secretary coverage_2022-11-30:village_secretary >expect &&
	test_cmp expect actual
'

test_case 'action 7: the vote shown is the latest of meeting-log'\''s and rule-step'\''s; fewer than two thirds present is no valid vote' '
	township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	field vote out >actual &&
	sqlite3 -separator , "$RENKE_DB" "
		WITH t AS (SELECT m.village_id AS vid, m.held_on AS day, 0 AS src, m.id AS id,
			CASE WHEN NOT t.valid THEN ${SQ}not_valid${SQ} WHEN t.adopted THEN ${SQ}adopted${SQ}
			ELSE ${SQ}not_adopted${SQ} END AS vote
			FROM vote t JOIN meeting m ON m.id = t.meeting_id
			UNION ALL SELECT r.village_id, d.done_on, 1, d.id,
			CASE d.result WHEN ${SQ}no_quorum${SQ} THEN ${SQ}not_valid${SQ} ELSE d.result END
			FROM rule_step d JOIN rule_set r ON r.id = d.rule_id
			WHERE d.step = ${SQ}vote${SQ} AND r.group_id IS NULL)
		SELECT v.name, coalesce((SELECT vote FROM t WHERE t.vid = v.id
			ORDER BY day DESC, src DESC, id DESC LIMIT 1), ${SQ}${SQ})
			FROM village v ORDER BY v.id; SELECT ${SQ}*,${SQ}" >expect &&
	test_cmp expect actual &&
	grep -x "后叶村,adopted" actual &&
	grep -x "龙洞村,adopted" actual &&
	grep -x "红狮村,not_valid" actual
'

test_case 'action 7: a rule-delivery milestone is one required item a village, met when in force and with every household by the due date' '
	township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	field rules_delivery_required out >actual &&
	sqlite3 -separator , "$RENKE_DB" "SELECT name, 1 FROM village ORDER BY id;
		SELECT ${SQ}*${SQ}, count(*) FROM village" >expect &&
	test_cmp expect actual &&
	field rules_delivery_done out >actual &&
	sqlite3 -separator , "$RENKE_DB" "
		CREATE TEMP VIEW m AS SELECT due_date FROM milestone WHERE kind = ${SQ}rule_delivery${SQ};
		CREATE TEMP VIEW d AS SELECT v.id AS vid, v.name AS name, EXISTS (SELECT 1 FROM rule_set r, m
			WHERE r.village_id = v.id AND r.group_id IS NULL AND r.stage = ${SQ}in_force${SQ}
			AND r.in_force_on <= m.due_date AND (SELECT count(*) FROM household h
			WHERE h.village_id = v.id AND NOT EXISTS (SELECT 1 FROM rule_step s
			WHERE s.rule_id = r.id AND s.step = ${SQ}deliver${SQ}
			AND s.household_id = h.household_id AND s.done_on <= m.due_date)) = 0) AS ok
			FROM village v;
		SELECT name, ok FROM d ORDER BY vid; SELECT ${SQ}*${SQ}, sum(ok) FROM d" >expect &&
	test_cmp expect actual &&
	grep -x "龙洞村,1" actual && grep -x "凉水村,0" actual && grep -x "后叶村,0" actual &&
	: the item is in the completion rate: required and done add it &&
	field required out >with &&
	sqlite3 "$RENKE_DB" "DELETE FROM milestone WHERE kind = ${SQ}rule_delivery${SQ}" &&
	report-gen scorecard -f csv --today $TODAY >out2 &&
	field required out2 >without &&
	paste -d , with without | awk -F, "\$2 != \$4 + (\$1 == \"*\" ? 9 : 1) { bad = 1 } END { exit bad }" &&
	field done out >with &&
	field done out2 >without &&
	paste -d , with without | awk -F, "\$1 == \"龙洞村\" && \$2 != \$4 + 1 { bad = 1 } \$1 == \"凉水村\" && \$2 != \$4 { bad = 1 } END { exit bad }"
'

test_case 'nothing required or nothing answered is "—" for people and empty for machines' '
	example_township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	field rules_delivery_required out | cut -d , -f 2 | sort -u >actual &&
	echo >expect &&
	test_cmp expect actual &&
	household-add -q -d empty.db "$EXAMPLES/households.csv" &&
	report-gen -d empty.db scorecard -f csv --today $TODAY >out &&
	field policy_awareness out | cut -d , -f 2 | sort -u >actual &&
	test_cmp expect actual &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen -d empty.db scorecard -f table --today $TODAY >table &&
	: six more for the items not yet due, a column for each group of items &&
	grep "^龙洞村 " table | grep -o "—" | wc -l >n &&
	test "$(cat n)" -eq 39
'

test_case 'a county of two townships adds up: its policy and delivery items are the sums of the townships'\'' rows' '
	township &&
	cp "$RENKE_DB" other.db &&
	report-gen -d "$RENKE_DB" -d other.db scorecard -f csv --today $TODAY >out &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"village\"] == \"*\" { print \$at[\"township\"] \",\" \$at[\"rules_delivery_required\"] \",\" \$at[\"rules_delivery_done\"] \",\" \$at[\"required\"] \",\" \$at[\"done\"] }" out >totals &&
	head -n 1 totals | cut -d , -f 2- >one &&
	tail -n 1 totals | cut -d , -f 2- >all &&
	awk -F, "{ for (i = 1; i <= NF; i++) \$i *= 2; print }" OFS=, one >expect &&
	test_cmp expect all
'

test_case 'milestone-add: a rule-delivery milestone takes no round, categories, roles or meeting kind (exit 65, store unchanged)' '
	example_township &&
	store_dump >before &&
	printf "%s\n" milestone_id,title,kind,round,due_date,meeting_kind \
		r1,分发到户,rule_delivery,2023-r1,2023-04-30,院坝会 >bad.csv &&
	expect_status 65 milestone-add bad.csv 2>err &&
	grep_message "bad.csv:2: round: only a visit-coverage milestone has one" err &&
	grep_message "bad.csv:2: meeting_kind: only a meeting-coverage milestone has one" err &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 milestone-add bad.csv 2>err &&
	grep_message "只有走访覆盖" err &&
	store_unchanged
'

test_case 'a store of schema 20 keeps its milestones as they were when the table is made again for rule_delivery' '
	store_of_version 20 old.db &&
	sqlite3 old.db "INSERT INTO milestone (id, milestone_id, title, kind, categories,
		round, due_date, created_at, updated_at, source, roles, monitor_cases)
		VALUES (7, ${SQ}m1${SQ}, ${SQ}书记遍访${SQ}, ${SQ}visit_coverage${SQ}, ${SQ}lifted${SQ},
		${SQ}2022-r1${SQ}, ${SQ}2022-11-30${SQ}, ${SQ}2022-11-01T00:00:00${SQ},
		${SQ}2022-11-01T00:00:00${SQ}, ${SQ}m.csv:2${SQ}, ${SQ}first_secretary${SQ}, 1)" &&
	sqlite3 old.db "SELECT id, milestone_id, title, kind, categories, round, due_date, meeting_kind, scope, created_at, updated_at, source, roles, monitor_cases FROM milestone" >expect &&
	printf "%s\n" milestone_id,title,kind,due_date r1,分发到户,分发到户,2023-04-30 >r.csv &&
	milestone-add -q -d old.db r.csv &&
	sqlite3 old.db "SELECT id, milestone_id, title, kind, categories, round, due_date, meeting_kind, scope, created_at, updated_at, source, roles, monitor_cases FROM milestone WHERE id = 7" >actual &&
	test_cmp expect actual &&
	sqlite3 old.db "SELECT kind, categories, roles, round IS NULL FROM milestone WHERE milestone_id = ${SQ}r1${SQ}" >actual &&
	echo "rule_delivery|||1" >expect &&
	test_cmp expect actual
'

test_done
