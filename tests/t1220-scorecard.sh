#!/bin/sh
# t1220-scorecard.sh -- report-gen scorecard (八个一推进情况): each village's
# required items counted again here from the store's rows, "—" where nothing
# is required, the rank with --min-n

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
export TODAY

test_case 'scorecard: the visit milestones due and done per village, from the coverage of the rows' '
	example_township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	field visits_required out | grep -v "^\*," >actual &&
	: a milestone is due in a village with households due, done when all are visited, &&
	: pending instead when it falls due after the day and is not done &&
	sqlite3 "$RENKE_DB" "SELECT id, name FROM village ORDER BY id" | cut -d "|" -f 2 >villages &&
	sqlite3 -separator , "$RENKE_DB" "SELECT milestone_id, due_date > ${SQ}$TODAY${SQ} FROM milestone" >later &&
	visit-log --coverage --today $TODAY -f csv >coverage &&
	grep -q ",1\$" later &&
	while read -r v; do
		awk -F, -v v="$v" "FNR == NR { later[\$1] = \$2; next }
			\$2 == v && \$3 > 0 && (!later[\$1] || \$4 == \$3) { n++ } END { print v \",\" n + 0 }" later coverage
	done <villages >expect &&
	test_cmp expect actual &&
	field visits_pending out | grep -v "^\*," >actual &&
	while read -r v; do
		awk -F, -v v="$v" "FNR == NR { later[\$1] = \$2; next }
			\$2 == v && \$3 > 0 && later[\$1] && \$4 < \$3 { n++ } END { print v \",\" n + 0 }" later coverage
	done <villages >expect &&
	test_cmp expect actual &&
	field visits_done out | grep -v "^\*," >actual &&
	while read -r v; do
		awk -F, -v v="$v" "\$2 == v && \$3 > 0 && \$4 == \$3 { n++ } END { print v \",\" n + 0 }" coverage
	done <villages >expect &&
	test_cmp expect actual &&
	: the total is its villages added up &&
	field required out | awk -F, "\$1 != \"*\" { s += \$2 } \$1 == \"*\" { t = \$2 } END { exit s != t }"
'

test_case 'scorecard: nothing required is "—" for people and no value for machines, never 100%' '
	example_township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	field representatives_required out | sort -u >actual &&
	: no meeting milestone is set: nothing is required of the meetings &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM milestone WHERE kind = ${SQ}meeting_coverage$SQ" >n &&
	echo 0 >expect && test_cmp expect n &&
	field representatives_held out | cut -d , -f 2 | sort -u >actual &&
	echo >expect &&
	test_cmp expect actual &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen scorecard -f table --today $TODAY >table &&
	grep "^双河村 .*—" table &&
	: a store with no milestone at all has no completion rate &&
	household-add -q -d empty.db "$EXAMPLES/households.csv" &&
	report-gen -d empty.db scorecard -f csv --today $TODAY >out &&
	field completion_rate out | cut -d , -f 2 | sort -u >actual &&
	echo >expect &&
	test_cmp expect actual
'

test_case 'scorecard: the meetings the milestones ask for, due and held, from the meeting rows' '
	example_township &&
	milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
	report-gen scorecard -f csv --today $TODAY >out &&
	field courtyard_required out | grep "^后叶村," >actual &&
	sqlite3 "$RENKE_DB" "SELECT v.name || $SQ,$SQ || count(*) FROM village_group g JOIN village v ON v.id = g.village_id WHERE v.name = ${SQ}后叶村$SQ" >expect &&
	test_cmp expect actual &&
	field courtyard_held out | grep "^后叶村," >actual &&
	sqlite3 "$RENKE_DB" "SELECT v.name || $SQ,$SQ || count(DISTINCT m.group_id) FROM meeting m JOIN village v ON v.id = m.village_id WHERE v.name = ${SQ}后叶村$SQ AND m.kind = ${SQ}courtyard$SQ AND m.held_on <= ${SQ}2022-11-30$SQ" >expect &&
	test_cmp expect actual &&
	field representatives_required out | grep "^后叶村," >actual &&
	echo "后叶村,1" >expect &&
	test_cmp expect actual &&
	: required items and completion: visits done and meetings held over those due &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		{ r = \$at[\"visits_required\"] + \$at[\"representatives_required\"] + \$at[\"briefings_required\"] + \$at[\"courtyard_required\"]
		  d = \$at[\"visits_done\"] + \$at[\"representatives_held\"] + \$at[\"briefings_held\"] + \$at[\"courtyard_held\"]
		  if (r != \$at[\"required\"] || d != \$at[\"done\"] || sprintf(\"%.4f\", d / r) != \$at[\"completion_rate\"]) { print; bad++ } }
		END { exit bad }" out
'

test_case 'scorecard: ranked by completion; fewer answers than --min-n ranked after the others, marked' '
	example_township &&
	report-gen scorecard -f csv --today $TODAY --min-n 100 >out &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"village\"] != \"*\" { print \$at[\"rank\"] \",\" (\$at[\"recognition_n\"] < 100) \",\" \$at[\"completion_rate\"] \",\" \$at[\"few_answers\"] }" out |
		sort -t , -k 1n >ranks &&
	cut -d , -f 2 ranks >few &&
	sort -n few >sorted &&
	test_cmp sorted few &&
	awk -F, "\$2 == 1 && \$4 != \"true\" { exit 1 } \$2 == 0 && \$4 != \"false\" { exit 1 }" ranks &&
	awk -F, "\$2 == 0 { if (seen && \$3 > last) exit 1; seen = 1; last = \$3 }" ranks &&
	grep -c ",1,.*,true$" ranks >n &&
	test "$(cat n)" -gt 0 &&
	expect_status 64 report-gen scorecard --min-n x >out 2>err &&
	grep_message "^report-gen: --min-n: not a number" err &&
	expect_status 64 report-gen summary --min-n 3 >out 2>err &&
	grep_message "^report-gen: --min-n: the summary report does not take it" err
'

test_case 'scorecard: a county of two stores has a township column and the county row' '
	example_township &&
	cp "$RENKE_DB" a.db && cp "$RENKE_DB" b.db &&
	report-gen -d a.db -d b.db scorecard -f csv --today $TODAY >out &&
	grep -c "^a," out >n && echo 10 >expect && test_cmp expect n &&
	tail -n 1 out | cut -d , -f 1,2 >actual && echo "*,*" >expect && test_cmp expect actual &&
	for f in table json markdown html; do
		report-gen -d a.db -d b.db scorecard -f $f --today $TODAY >/dev/null || return 1
	done
'

test_done
