#!/bin/sh
#
# The scorecard's required items done late, counted again here from the
# store's rows: a visit milestone a village's households were all
# visited for, some only after its due date; a meeting held only after
# the milestone's date (a village's, or a group's); a rule-delivery
# milestone met only after its date.  The late counts travel in the
# roll-up and combine exactly; the HTML page colours each action's cell
# green (done), amber (late) or red (missing) as the rows say

. "$(dirname "$0")/lib.sh"

TODAY=2023-06-30

# meet KIND VILLAGE [GROUP] DAY: a meeting held
meet() {
	if [ $# -eq 4 ]; then
		meeting-log -q --kind "$1" --village "$2" --group "$3" --date "$4" \
			--today "$4" </dev/null >/dev/null
	else
		meeting-log -q --kind "$1" --village "$2" --date "$3" \
			--today "$3" </dev/null >/dev/null
	fi
}

# deliver_all VILLAGE DAY LAST: the village's own rules in force on DAY
# and delivered to each of its households on DAY, the last one on LAST
deliver_all() {
	R="rule-step -q --today $TODAY --village $1 --title $1村规民约"
	$R --step draft --date 2023-01-02 --topics 移风易俗 >/dev/null &&
	$R --step consult --date 2023-01-09 --groups 全村 --opinions 3 --adopted 2 >/dev/null &&
	$R --step vote --date 2023-02-01 --representatives 30 --present 25 --yes 20 >/dev/null &&
	$R --step review --date 2023-02-10 --result passed >/dev/null &&
	$R --step post --date "$2" --place 村委会公开栏 >/dev/null &&
	deliver_rules "$1" "$2" "$3" $TODAY
}

# the example township with the meeting milestones (due 2022-11-30) and
# meetings on time, late and missing; one rule-delivery milestone due
# 2023-03-31, met by 龙洞村 in time and by 凉水村 late.  Built once,
# copied for each case.
township() {
	if [ ! -s "$TRASH/late.db" ]; then
		(
			RENKE_DB=$TRASH/late.new.db && export RENKE_DB &&
			example_township &&
			milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
			meet 村民代表恳谈会 后叶村 2022-11-20 &&
			meet 政策解读 后叶村 2022-12-05 &&
			meet 院坝会 后叶村 1社 2022-12-02 &&
			meet 村民代表恳谈会 双河村 2022-12-10 &&
			meet 村民代表恳谈会 双河村 2023-01-10 &&
			meet 政策解读 龙洞村 2022-11-30 &&
			sqlite3 "$RENKE_DB" "SELECT g.name FROM village_group g JOIN village v
				ON v.id = g.village_id WHERE v.name = ${SQ}龙洞村${SQ}" >groups &&
			while read -r g; do
				meet 院坝会 龙洞村 "$g" 2022-11-25 || exit 1
			done <groups &&
			deliver_all 龙洞村 2023-03-01 2023-03-20 &&
			deliver_all 凉水村 2023-03-01 2023-04-15 &&
			printf "%s\n" milestone_id,title,kind,due_date \
				2023-03-31,村规民约分发到户,rule_delivery,2023-03-31 >rules-due.csv &&
			milestone-add -q rules-due.csv &&
			sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
		) || return 1
		mv "$TRASH/late.new.db" "$TRASH/late.db" || return 1
	fi
	cp "$TRASH/late.db" "$RENKE_DB"
}

# columns FILE NAME...: village and the named columns of a csv report
columns() {
	file=$1
	shift
	awk -F, -v names="$*" 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i
			n = split(names, want, " "); next }
		{ line = $at["village"]; for (k = 1; k <= n; k++) line = line "," $at[want[k]]
			print line }' "$file"
}

# The visit milestones' items per village and milestone, from the rows:
# the households due (the milestone's categories, or all), those covered
# (a visit of the round by the due date; a milestone that needs the
# cases complete, none open at the due date), those late (not covered, a
# visit of the round after the due date).  No milestone here asks for
# roles.
VISIT_ITEMS="WITH RECURSIVE mc(mid, code, rest) AS (
	SELECT milestone_id, ${SQ}${SQ}, categories || ${SQ};${SQ} FROM milestone
	WHERE kind = ${SQ}visit_coverage${SQ}
	UNION ALL SELECT mid, substr(rest, 1, instr(rest, ${SQ};${SQ}) - 1),
	substr(rest, instr(rest, ${SQ};${SQ}) + 1) FROM mc WHERE rest <> ${SQ}${SQ}),
hm AS (SELECT m.milestone_id AS mid, h.village_id AS vid,
	EXISTS (SELECT 1 FROM visit x WHERE x.household_id = h.household_id AND
	x.round = m.round AND x.visit_date <= m.due_date) AND NOT (m.monitor_cases AND
	EXISTS (SELECT 1 FROM monitor_case c WHERE c.household_id = h.household_id AND
	c.clue_on <= m.due_date AND (c.state = ${SQ}open${SQ} OR c.decided_on IS NULL OR
	c.decided_on > m.due_date))) AS cov,
	EXISTS (SELECT 1 FROM visit x WHERE x.household_id = h.household_id AND
	x.round = m.round AND x.visit_date > m.due_date) AS aft
	FROM milestone m JOIN household h WHERE m.kind = ${SQ}visit_coverage${SQ} AND
	(m.categories = ${SQ}${SQ} OR EXISTS (SELECT 1 FROM mc WHERE mc.mid = m.milestone_id
	AND mc.code <> ${SQ}${SQ} AND instr(${SQ};${SQ} || coalesce(h.categories, ${SQ}${SQ}) ||
	${SQ};${SQ}, ${SQ};${SQ} || mc.code || ${SQ};${SQ}) > 0))),
vm AS (SELECT mid, vid, count(*) AS due, sum(cov) AS done,
	sum(NOT cov AND aft) AS late FROM hm GROUP BY mid, vid)"

# The meeting milestones' items: one a village (scope village) or a
# group (scope group), held by the due date, or held only after it.
MEETING_ITEMS="WITH it AS (
	SELECT m.meeting_kind AS kind, v.id AS vid,
	EXISTS (SELECT 1 FROM meeting x WHERE x.kind = m.meeting_kind AND
	x.village_id = v.id AND x.held_on <= m.due_date) AS done,
	EXISTS (SELECT 1 FROM meeting x WHERE x.kind = m.meeting_kind AND
	x.village_id = v.id AND x.held_on > m.due_date) AS aft
	FROM milestone m JOIN village v WHERE m.kind = ${SQ}meeting_coverage${SQ} AND
	m.scope = ${SQ}village${SQ}
	UNION ALL SELECT m.meeting_kind, g.village_id,
	EXISTS (SELECT 1 FROM meeting x WHERE x.kind = m.meeting_kind AND
	x.group_id = g.id AND x.held_on <= m.due_date),
	EXISTS (SELECT 1 FROM meeting x WHERE x.kind = m.meeting_kind AND
	x.group_id = g.id AND x.held_on > m.due_date)
	FROM milestone m JOIN village_group g WHERE m.kind = ${SQ}meeting_coverage${SQ} AND
	m.scope = ${SQ}group${SQ})"

# The rule-delivery items: the village's own rule set in force and
# delivered to every household by the day (the due date, or today).
rule_met() {
	echo "EXISTS (SELECT 1 FROM rule_set r WHERE r.village_id = v.id AND
	r.group_id IS NULL AND r.stage = ${SQ}in_force${SQ} AND r.in_force_on <= $1 AND
	(SELECT count(DISTINCT d.household_id) FROM rule_step d JOIN household h ON
	h.household_id = d.household_id AND h.village_id = v.id WHERE d.rule_id = r.id
	AND d.step = ${SQ}deliver${SQ} AND d.done_on <= $1) >= (SELECT count(*) FROM
	household h WHERE h.village_id = v.id))"
}
RULE_ITEMS="WITH ri AS (SELECT v.id AS vid, $(rule_met m.due_date) AS done,
	$(rule_met "${SQ}$TODAY${SQ}") AS met FROM milestone m JOIN village v
	WHERE m.kind = ${SQ}rule_delivery${SQ})"

test_case 'action 1: visit milestones done late per village and in total, as the rows say' '
	township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	columns out visits_required visits_done visits_late >actual &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM milestone WHERE roles <> ${SQ}${SQ}")" = 0 &&
	sqlite3 -separator , "$RENKE_DB" "CREATE TEMP VIEW pv AS $VISIT_ITEMS
		SELECT v.id AS id, v.name AS name, count(vm.mid) AS n,
		coalesce(sum(vm.done = vm.due), 0) AS d,
		coalesce(sum(vm.done < vm.due AND vm.done + vm.late = vm.due), 0) AS l
		FROM village v LEFT JOIN vm ON vm.vid = v.id GROUP BY v.id;
		SELECT name, n, d, l FROM pv ORDER BY id;
		SELECT ${SQ}*${SQ}, sum(n), sum(d), sum(l) FROM pv" >expect &&
	test_cmp expect actual &&
	: all three states occur &&
	awk -F, "\$1 != \"*\" && \$3 == \$2 { d++ } \$1 != \"*\" && \$4 > 0 { l++ }
		\$1 != \"*\" && \$3 + \$4 < \$2 { m++ } END { exit !(d + 0 > 0 || l > 0 && m > 0) }" actual &&
	: the summary carries the households visited late per milestone &&
	report-gen summary -f json --today $TODAY >summary.json &&
	python3 -c "
import json, sys
for row in json.load(open(sys.argv[1])):
    for k, v in sorted(row.items()):
        if k.startswith(\"coverage_late_\") and row[\"village\"] != \"*\" and v:
            print(\"%s,%s,%d\" % (row[\"village\"], k[14:], v))
" summary.json | sort >actual &&
	sqlite3 -separator , "$RENKE_DB" "$VISIT_ITEMS SELECT v.name, vm.mid, vm.late
		FROM vm JOIN village v ON v.id = vm.vid WHERE vm.late > 0" | sort >expect &&
	test -s expect &&
	test_cmp expect actual
'

test_case 'actions 2, 5 and 6: meetings held only after the milestone are late, per village and group' '
	township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	columns out representatives_required representatives_held representatives_late \
		briefings_required briefings_held briefings_late \
		courtyard_required courtyard_held courtyard_late >actual &&
	sqlite3 -separator , "$RENKE_DB" "CREATE TEMP VIEW pv AS $MEETING_ITEMS
		SELECT v.id AS id, v.name AS name,
		sum(kind = ${SQ}representatives${SQ}) AS rq, sum(kind = ${SQ}representatives${SQ} AND done) AS rd,
		sum(kind = ${SQ}representatives${SQ} AND NOT done AND aft) AS rl,
		sum(kind = ${SQ}briefing${SQ}) AS bq, sum(kind = ${SQ}briefing${SQ} AND done) AS bd,
		sum(kind = ${SQ}briefing${SQ} AND NOT done AND aft) AS bl,
		sum(kind = ${SQ}courtyard${SQ}) AS cq, sum(kind = ${SQ}courtyard${SQ} AND done) AS cd,
		sum(kind = ${SQ}courtyard${SQ} AND NOT done AND aft) AS cl
		FROM village v JOIN it ON it.vid = v.id GROUP BY v.id;
		SELECT name, rq, rd, rl, bq, bd, bl, cq, cd, cl FROM pv ORDER BY id;
		SELECT ${SQ}*${SQ}, sum(rq), sum(rd), sum(rl), sum(bq), sum(bd), sum(bl),
			sum(cq), sum(cd), sum(cl) FROM pv" >expect &&
	test_cmp expect actual &&
	grep -q "^后叶村,1,1,0,1,0,1,.*,1$" actual &&
	grep -q "^双河村,1,0,1,1,0,0," actual &&
	grep -q "^龙洞村,1,0,0,1,1,0,\([0-9]*\),\1,0$" actual
'

test_case 'action 7: a rule-delivery milestone met only after its date is late; the late total adds every action' '
	township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	columns out rules_delivery_required rules_delivery_done rules_delivery_late >actual &&
	sqlite3 -separator , "$RENKE_DB" "CREATE TEMP VIEW pv AS $RULE_ITEMS
		SELECT v.id AS id, v.name AS name, count(*) AS q, sum(done) AS d,
		sum(NOT done AND met) AS l FROM village v JOIN ri ON ri.vid = v.id GROUP BY v.id;
		SELECT name, q, d, l FROM pv ORDER BY id;
		SELECT ${SQ}*${SQ}, sum(q), sum(d), sum(l) FROM pv" >expect &&
	test_cmp expect actual &&
	grep -q "^龙洞村,1,1,0$" actual &&
	grep -q "^凉水村,1,0,1$" actual &&
	: late is the sum of the late items of every action &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		{ s = \$at[\"visits_late\"] + \$at[\"representatives_late\"] + \$at[\"briefings_late\"]
		  s += \$at[\"courtyard_late\"] + \$at[\"rules_delivery_late\"]
		  if (s != \$at[\"late\"] || \$at[\"done\"] + \$at[\"late\"] > \$at[\"required\"]) {
			print \"wrong late: \" \$0; bad = 1 } }
		END { exit bad }" out
'

test_case 'a city'\''s scorecard from two roll-ups has the late items of its four stores' '
	township &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	for t in 甲镇 乙镇 丙镇 丁镇; do
		cp "$RENKE_DB" $t.db &&
		sqlite3 $t.db "INSERT INTO meta VALUES (${SQ}township${SQ}, ${SQ}$t${SQ})" || exit 1
	done &&
	: 丁镇 held every meeting late &&
	sqlite3 丁镇.db "UPDATE meeting SET held_on = date(held_on, ${SQ}+60 days${SQ})" &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today $TODAY >east.json &&
	report-gen -d 丙镇.db -d 丁镇.db summary -f json --today $TODAY >west.json &&
	report-gen -d 甲镇.db -d 乙镇.db -d 丙镇.db -d 丁镇.db scorecard -f csv --today $TODAY >expect &&
	report-gen --from-rollup scorecard east.json west.json -f csv >actual &&
	test_cmp expect actual &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"township\"] == \"*\" { print \$at[\"visits_late\"], \$at[\"courtyard_late\"], \$at[\"rules_delivery_late\"] }" actual >totals &&
	one=$(awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"township\"] == \"甲镇\" && \$at[\"village\"] == \"*\" { print \$at[\"courtyard_held\"] + \$at[\"courtyard_late\"] }" actual) &&
	test "$(cut -d " " -f 2 totals)" -ge "$one" &&
	test "$(cut -d " " -f 3 totals)" = 4 &&
	: a roll-up whose late and visited households outnumber those due is refused &&
	python3 -c "
import json, sys
rows = json.load(open(sys.argv[1]))
for row in rows:
    for k in list(row):
        if k.startswith(\"coverage_late_\") and row[\"village\"] != \"*\":
            row[k] = row[\"coverage_due_\" + k[14:]]
json.dump(rows, open(sys.argv[2], \"w\"), ensure_ascii=False)
" east.json bad.json &&
	expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
	grep_message "bad.json: row 1: coverage_late_: not a count of the roll-up" err &&
	: and one whose households pending are not those due and not visited &&
	python3 -c "
import json, sys
rows = json.load(open(sys.argv[1]))
for row in rows:
    for k in list(row):
        if k.startswith(\"coverage_pending_\") and row[\"village\"] != \"*\":
            row[k] = 1
json.dump(rows, open(sys.argv[2], \"w\"), ensure_ascii=False)
" east.json bad.json &&
	expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
	grep_message "bad.json: row 1: coverage_pending_: not a count of the roll-up" err
'

# state_of FILE ACTION: village,state of each row of the page for the
# action (1 to 8, or all), villages only
state_of() {
	grep "^<tr><td>" "$1" | grep -v "class=\"total\"" |
		sed -n "s|^<tr><td>\([^<]*\)</td>.*<td class=\"\([a-z]*\)\" data-action=\"$2\">.*|\1,\2|p"
}

test_case 'the page colours each action done, late or missing as the rows say' '
	township &&
	report-gen scorecard -f html --today $TODAY >page.html &&
	report-gen scorecard -f csv --today $TODAY >out &&
	grep -q "@page { size: A4 landscape" page.html &&
	! grep -i -E "<script|https?:|src=|href=" page.html &&
	for a in "1 visits" "2 representatives" "5 briefings" "6 courtyard" "7 rules_delivery"; do
		n=${a%% *} && c=${a#* } &&
		state_of page.html $n >actual &&
		awk -F, -v c=$c "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
			\$at[\"village\"] != \"*\" { q = \$at[c \"_required\"]
			d = \$at[c (c == \"visits\" || c == \"rules_delivery\" ? \"_done\" : \"_held\")]
			l = \$at[c \"_late\"]
			s = q == \"\" || q == 0 ? \"none\" : d == q ? \"done\" : d + l == q ? \"late\" : \"missing\"
			print \$at[\"village\"] \",\" s }" out >expect &&
		test_cmp expect actual || exit 1
	done &&
	for n in 1 2 5 6 7; do state_of page.html $n; done | cut -d , -f 2 | sort -u >states &&
	printf "%s\n" done late missing >expect &&
	test_cmp expect states &&
	: the figures nobody is required to reach have no colour &&
	test "$(state_of page.html 3 | cut -d , -f 2 | sort -u)" = none &&
	test "$(state_of page.html 8 | cut -d , -f 2 | sort -u)" = none
'

test_case 'the page in Chinese, and from roll-ups' '
	township &&
	zh_locale &&
	report-gen scorecard -f html --today $TODAY >page.html &&
	grep -q "“八个一”推进情况" page.html &&
	grep -q "逾期完成" page.html &&
	grep -q "<th>1 走访</th>" page.html &&
	grep -q "逾期[0-9]" page.html &&
	two_townships &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today $TODAY >county.json &&
	report-gen -d 甲镇.db -d 乙镇.db scorecard -f html --today $TODAY >expect.html &&
	report-gen --from-rollup scorecard county.json -f html >actual.html &&
	grep "^<tr>" expect.html >expect &&
	grep "^<tr>" actual.html >actual &&
	test_cmp expect actual
'

test_case 'the boards of two townships with a village of one name are two sheets, each naming its township' '
	example_township &&
	honour-add -q "$EXAMPLES/honours.csv" &&
	board-step -q --today 2022-12-31 "$EXAMPLES/board-steps.csv" &&
	sqlite3 "$RENKE_DB" "DELETE FROM board_entry WHERE village_id <> (SELECT id FROM village WHERE name = ${SQ}后叶村${SQ})" &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	two_townships &&
	report-gen -d 甲镇.db -d 乙镇.db board -f html --today 2022-12-31 >page.html &&
	test "$(grep -c "<section>" page.html)" = 2 &&
	grep -o "<h1>[^<]*</h1>" page.html >actual &&
	printf "%s\n" "<h1>甲镇 后叶村: honour and exposure boards</h1>" \
		"<h1>乙镇 后叶村: honour and exposure boards</h1>" >expect &&
	test_cmp expect actual &&
	: one store is one sheet a village, named by the village alone &&
	report-gen -d 甲镇.db board -f html --today 2022-12-31 | grep -o "<h1>[^<]*</h1>" >actual &&
	echo "<h1>后叶村: honour and exposure boards</h1>" >expect &&
	test_cmp expect actual
'

test_done
