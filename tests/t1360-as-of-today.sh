#!/bin/sh
#
# Every required item is judged as of --today: a visit, a meeting or a
# rule step dated after it has not happened yet, so it counts neither
# in time nor late.  visit-log --coverage, the scorecard and a roll-up
# read back agree, at the edges (the day before the due date, the due
# date, the day after), with the store's rows counted here in SQL.

. "$(dirname "$0")/lib.sh"

DUE=2022-11-01

# Three villages, one household each in two groups of 甲村: 甲村's
# households visited the day before the due date and on it; 乙村's the
# day after; 丙村's never.  Meetings of 甲村 on the due date, of 乙村 the
# day after; 甲村's rules in force and delivered by the due date, 乙村's
# delivered the day after.  Built once, copied for each case.
township() {
	store_cache today '
		cat >households.csv <<-\EOF &&
		household_id,head_name,village,village_group,categories
		A1,王一,甲村,1组,脱贫户
		A2,王二,甲村,2组,脱贫户
		B1,李一,乙村,1组,脱贫户
		C1,赵一,丙村,1组,脱贫户
		EOF
		household-add -q households.csv &&
		cat >milestones.csv <<-EOF &&
		milestone_id,title,kind,categories,round,due_date,meeting_kind,scope
		v,脱贫户走访,visit-coverage,脱贫户,r1,$DUE,,
		m,恳谈会,meeting-coverage,,,$DUE,村民代表恳谈会,村
		g,院坝会,meeting-coverage,,,$DUE,院坝会,村民小组
		d,村规民约分发到户,rule_delivery,,,$DUE,,
		EOF
		milestone-add -q milestones.csv &&
		cat >visits.csv <<-\EOF &&
		household_id,visit_date,visitor,round
		A1,2022-10-31,甲,r1
		A2,2022-11-01,甲,r1
		B1,2022-11-02,乙,r1
		EOF
		visit-log -q --today 2022-12-31 visits.csv &&
		meet() {
			meeting-log -q --today 2022-12-31 --kind "$1" --village "$2" \
				${4:+--group "$4"} --date "$3" </dev/null >/dev/null
		} &&
		meet 村民代表恳谈会 甲村 2022-11-01 &&
		meet 院坝会 甲村 2022-11-01 1组 &&
		meet 院坝会 甲村 2022-11-02 2组 &&
		meet 村民代表恳谈会 乙村 2022-11-02 &&
		meet 院坝会 乙村 2022-11-02 1组 &&
		rules() {
			R="rule-step -q --today 2022-12-31 --village $1 --title $1村规民约" &&
			$R --step draft --date 2022-10-01 --topics 移风易俗 >/dev/null &&
			$R --step consult --date 2022-10-05 --groups 全村 --opinions 3 --adopted 2 >/dev/null &&
			$R --step vote --date 2022-10-10 --representatives 30 --present 25 --yes 20 >/dev/null &&
			$R --step review --date 2022-10-15 --result passed >/dev/null &&
			$R --step post --date 2022-10-20 --place 村委会公开栏 >/dev/null &&
			deliver_rules "$1" "$2" "$2" 2022-12-31
		} &&
		rules 甲村 2022-11-01 &&
		rules 乙村 2022-11-02'
}

# The visit milestone per village as of day $1, from the rows: the
# households due, those visited by the due date and the day, of the
# rest those visited after the due date by the day, and whether the
# milestone falls due after the day.
visits_sql() {
	echo "SELECT mid, vid, name, count(*) AS due, sum(cov) AS covered,
	sum(NOT cov AND aft) AS late, later FROM (SELECT m.milestone_id AS mid,
	v.id AS vid, v.name AS name, m.due_date > ${SQ}$1${SQ} AS later,
	EXISTS (SELECT 1 FROM visit x WHERE x.household_id = h.household_id AND
		x.round = m.round AND x.visit_date <= m.due_date AND
		x.visit_date <= ${SQ}$1${SQ}) AS cov,
	EXISTS (SELECT 1 FROM visit x WHERE x.household_id = h.household_id AND
		x.round = m.round AND x.visit_date > m.due_date AND
		x.visit_date <= ${SQ}$1${SQ}) AS aft
	FROM milestone m JOIN household h JOIN village v ON v.id = h.village_id
	WHERE m.kind = ${SQ}visit_coverage${SQ}) GROUP BY mid, vid"
}

# rules_met DAY: the village v's own rules in force and delivered to
# every household of it by DAY (SQL)
rules_met() {
	echo "EXISTS (SELECT 1 FROM rule_set r WHERE r.village_id = v.id AND
	r.group_id IS NULL AND r.in_force_on <= $1 AND (SELECT count(DISTINCT
	d.household_id) FROM rule_step d JOIN household h ON h.household_id =
	d.household_id AND h.village_id = v.id WHERE d.rule_id = r.id AND
	d.step = ${SQ}deliver${SQ} AND d.done_on <= $1) >= (SELECT count(*) FROM
	household h WHERE h.village_id = v.id))"
}

# held WHERE DAY: a meeting of the milestone m's kind at WHERE by DAY (SQL)
held() {
	echo "EXISTS (SELECT 1 FROM meeting x WHERE x.kind = m.meeting_kind AND
	$1 AND x.held_on <= $2)"
}

# The scorecard's items per village as of day $1, from the rows: visit
# milestones required, done (every household covered) and late (the
# rest visited late), and pending (not due by the day, not done: not
# required); the village's meeting and its groups' required,
# held by the due date and the day, held only after it by the day, and
# pending (the milestone not due by the day, not held by it); the rule
# delivery required, met by the due date and the day, met only after it
# by the day, and pending likewise.
card_sql() {
	on="min(m.due_date, ${SQ}$1${SQ})"
	by="${SQ}$1${SQ}"
	V="x.village_id = v.id"
	G="x.group_id = g.id"
	echo "WITH vv AS ($(visits_sql "$1")),
	mv AS (SELECT v.id AS vid, $(held "$V" "$on") AS done,
		NOT $(held "$V" "$on") AND $(held "$V" "$by") AS late,
		m.due_date > $by AND NOT $(held "$V" "$by") AS pending
		FROM milestone m JOIN village v WHERE m.kind = ${SQ}meeting_coverage${SQ}
		AND m.scope = ${SQ}village${SQ}),
	mg AS (SELECT v.id AS vid, count(g.id) AS n,
		coalesce(sum($(held "$G" "$on")), 0) AS done,
		coalesce(sum(NOT $(held "$G" "$on") AND $(held "$G" "$by")), 0) AS late,
		coalesce(sum(m.due_date > $by AND NOT $(held "$G" "$by")), 0) AS pending
		FROM milestone m JOIN village v LEFT JOIN village_group g ON
		g.village_id = v.id WHERE m.kind = ${SQ}meeting_coverage${SQ}
		AND m.scope = ${SQ}group${SQ} GROUP BY v.id),
	rd AS (SELECT v.id AS vid, $(rules_met "$on") AS done,
		NOT $(rules_met "$on") AND $(rules_met "$by") AS late,
		m.due_date > $by AND NOT $(rules_met "$by") AS pending
		FROM milestone m JOIN village v WHERE m.kind = ${SQ}rule_delivery${SQ})
	SELECT v.name,
	(SELECT count(*) FROM vv WHERE vv.vid = v.id AND (NOT later OR covered = due)),
	(SELECT count(*) FROM vv WHERE vv.vid = v.id AND covered = due),
	(SELECT count(*) FROM vv WHERE vv.vid = v.id AND covered < due AND
		covered + late = due),
	(SELECT count(*) FROM vv WHERE vv.vid = v.id AND later AND covered < due),
	1 - mv.pending, mv.done, mv.late, mv.pending,
	mg.n - mg.pending, mg.done, mg.late, mg.pending,
	1 - rd.pending, rd.done, rd.late, rd.pending
	FROM village v JOIN mv ON mv.vid = v.id JOIN mg ON mg.vid = v.id
	JOIN rd ON rd.vid = v.id ORDER BY v.id"
}

CARD_COLUMNS="visits_required visits_done visits_late visits_pending representatives_required
representatives_held representatives_late representatives_pending courtyard_required
courtyard_held courtyard_late courtyard_pending rules_delivery_required
rules_delivery_done rules_delivery_late rules_delivery_pending"

# columns FILE: village and the CARD_COLUMNS of a scorecard in csv, the
# villages' rows only
columns() {
	awk -F, -v names="$(echo $CARD_COLUMNS)" 'NR == 1 {
			for (i = 1; i <= NF; i++) at[$i] = i
			n = split(names, want, " "); next }
		$at["village"] != "*" { line = $at["village"]
			for (k = 1; k <= n; k++) line = line "," $at[want[k]]
			print line }' "$1"
}

DAYS="2022-10-31 2022-11-01 2022-11-02 2022-12-31"

test_case 'visit-log --coverage as of the day before, on and after the due date' '
	township &&
	for day in $DAYS; do
		visit-log --coverage --today $day -f csv >out &&
		sed 1d out >actual &&
		sqlite3 -separator , "$RENKE_DB" "SELECT mid, name, due, covered,
			due - covered, late, printf(${SQ}%.1f${SQ}, covered * 100.0 / due)
			FROM ($(visits_sql $day)) ORDER BY vid" >expect &&
		test_cmp expect actual || return 1
	done &&
	visit-log --coverage --today 2022-10-31 -f csv >before.csv &&
	grep "^v,甲村,2,1,1,0,50.0$" before.csv &&
	visit-log --coverage --today 2022-11-01 -f csv >on.csv &&
	grep "^v,甲村,2,2,0,0,100.0$" on.csv &&
	grep "^v,乙村,1,0,1,0,0.0$" on.csv &&
	visit-log --coverage --today 2022-11-02 -f csv >after.csv &&
	grep "^v,乙村,1,0,1,1,0.0$" after.csv
'

test_case 'visit-log --coverage --missing: no last visit after the day' '
	township &&
	visit-log --coverage --missing --today 2022-11-01 -f csv >on.csv &&
	grep "^v,乙村,1组,B1,李一,lifted,$" on.csv &&
	visit-log --coverage --missing --today 2022-11-02 -f csv >after.csv &&
	grep "^v,乙村,1组,B1,李一,lifted,2022-11-02$" after.csv
'

test_case 'the scorecard as of the day before, on and after the due date' '
	township &&
	for day in $DAYS; do
		report-gen scorecard --today $day -f csv >out &&
		columns out >actual &&
		sqlite3 -separator , "$RENKE_DB" "$(card_sql $day)" >expect &&
		test_cmp expect actual || return 1
	done &&
	report-gen scorecard --today 2022-11-01 -f csv >on &&
	columns on >actual &&
	grep "^乙村,1,0,0,0,1,0,0,0,1,0,0,0,1,0,0,0$" actual &&
	report-gen scorecard --today 2022-10-31 -f csv >before &&
	columns before >actual &&
	grep "^乙村,0,0,0,1,0,0,0,1,0,0,0,1,0,0,0,1$" actual &&
	report-gen scorecard --today 2022-11-02 -f csv >after &&
	columns after >actual &&
	grep "^甲村,1,1,0,0,1,1,0,0,2,1,1,0,1,1,0,0$" actual &&
	grep "^乙村,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0$" actual
'

test_case 'a county roll-up read back judges as of its own day' '
	township &&
	cp "$RENKE_DB" 甲镇.db &&
	cp "$RENKE_DB" 乙镇.db &&
	for day in 2022-10-31 2022-11-01 2022-11-02; do
		report-gen -d 甲镇.db -d 乙镇.db summary -f json --today $day >roll.json &&
		report-gen --from-rollup scorecard roll.json --today 2022-12-31 \
			-f csv >from &&
		report-gen -d 甲镇.db -d 乙镇.db scorecard --today $day -f csv >direct &&
		columns from >actual &&
		columns direct >expect &&
		test_cmp expect actual &&
		test "$(grep -c "^乙村," expect)" = 2 || return 1
	done &&
	grep "^乙村,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0$" actual
'

test_case 'the late column, named for machines and labelled in Chinese for people' '
	township &&
	visit-log --coverage --today 2022-11-02 -f json >out.json &&
	jq -c "[.[] | select(.village == \"乙村\") | .late]" out.json >actual &&
	echo "[1]" >expect &&
	test_cmp expect actual &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 visit-log --coverage --today 2022-11-02 \
		-f table >out.zh &&
	head -n 1 out.zh | grep "未完成  *逾期  *覆盖率" &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 visit-log --coverage --today 2022-11-02 \
		-f markdown >out.md &&
	grep "逾期" out.md
'

test_done
