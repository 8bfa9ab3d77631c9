#!/bin/sh
#
# The scorecard's action 4 counts the care-coverage milestones
# (milestone-add --kind care-coverage) as required items, as action 1
# counts the visit milestones: one item a milestone in each village with
# people due, done when every one was cared for by the due date, late
# when the rest were only after it, as of --today; in the completion
# rate, coloured in the page and the workbook.  Recomputed here from the
# store's rows at the due date's edges: a care visit on the due date, one
# the day after (late, and not yet made before it), one the day before
# the quarter began (missing).  A county's roll-up carries the items.

. "$(dirname "$0")/lib.sh"

PA=$(id_number 50023519400101001)	# H1 甲村, 孤寡老人, visited on the due date
PB=$(id_number 50023519410101002)	# H1 甲村, 孤寡老人, visited the day after
PC=$(id_number 50023519420101003)	# H2 乙村, 孤寡老人, visited in the quarter
PE=$(id_number 50023519440101005)	# H2 乙村, 孤寡老人, visited the day before the quarter
PF=$(id_number 50023519450101006)	# H3 丙村, 孤寡老人, visited
PG=$(id_number 50023520100101007)	# H3 丙村, 留守儿童, visited

seed_store() {
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories
	H1,户一,甲村,1社,脱贫户
	H2,户二,乙村,1社,监测户
	H3,户三,丙村,1社,一般农户
	H4,户四,丁村,1社,一般农户
	EOT
	household-add -q households.csv &&
	cat >members.csv <<-EOT &&
	id_number,household_id,name,tags
	$PA,H1,甲一,孤寡老人
	$PB,H1,甲二,孤寡老人
	$PC,H2,乙一,孤寡老人
	$PE,H2,乙二,孤寡老人
	$PF,H3,丙一,孤寡老人
	$PG,H3,丙二,留守儿童
	EOT
	member-add -q members.csv &&
	cat >care.csv <<-EOT &&
	id_number,visit_date,visitor,done
	$PA,2022-12-31,王干部,送慰问金
	$PB,2023-01-01,王干部,送米油
	$PC,2022-12-30,李书记,打扫卫生
	$PE,2022-09-30,王干部,送棉被
	$PF,2022-11-11,王干部,送药
	$PG,2022-12-15,王干部,辅导作业
	EOT
	care-log -q --today 2023-01-10 care.csv &&
	cat >milestones.csv <<-\EOT &&
	milestone_id,title,kind,tags,from_date,due_date
	2022-q4,四季度孤寡老人走访慰问,care-coverage,孤寡老人,2022-10-01,2022-12-31
	2022-q4-child,四季度留守儿童走访,care-coverage,留守儿童,2022-10-01,2022-12-31
	EOT
	milestone-add -q milestones.csv
}

seed() {
	store_cache seed seed_store
}

# counted TODAY: per village (and * for the township) the items required,
# done, late and pending (not yet due on TODAY and not done: not
# required), the people due and cared for, as the rows say
counted() {
	sqlite3 -separator , "$RENKE_DB" "
		WITH p AS (SELECT x.milestone_id, v.name AS village,
			x.due_date > ${SQ}$1${SQ} AS later,
			EXISTS (SELECT 1 FROM care_visit c WHERE c.id_number = m.id_number
				AND c.visit_date BETWEEN x.care_from AND x.due_date
				AND c.visit_date <= ${SQ}$1${SQ}) AS covered,
			EXISTS (SELECT 1 FROM care_visit c WHERE c.id_number = m.id_number
				AND c.visit_date > x.due_date AND c.visit_date <= ${SQ}$1${SQ}) AS late
			FROM milestone x JOIN member m ON instr(${SQ};${SQ} || m.tags || ${SQ};${SQ},
				${SQ};${SQ} || x.care_tags || ${SQ};${SQ}) > 0
			JOIN household h ON h.household_id = m.household_id
			JOIN village v ON v.id = h.village_id
			WHERE x.kind = ${SQ}care_coverage${SQ}),
		i AS (SELECT village, count(*) AS due, sum(covered) AS visited,
			sum(NOT covered AND late) AS late, max(later) AS later
			FROM p GROUP BY village, milestone_id),
		r AS (SELECT v.name AS village,
			(SELECT count(*) FROM i WHERE i.village = v.name AND (NOT later OR visited = due)) AS required,
			(SELECT count(*) FROM i WHERE i.village = v.name AND visited = due) AS done,
			(SELECT count(*) FROM i WHERE i.village = v.name AND visited < due AND visited + late = due) AS late,
			(SELECT count(*) FROM i WHERE i.village = v.name AND later AND visited < due) AS pending,
			(SELECT coalesce(sum(due), 0) FROM i WHERE i.village = v.name) AS due,
			(SELECT coalesce(sum(visited), 0) FROM i WHERE i.village = v.name) AS visited
			FROM village v)
		SELECT * FROM r UNION ALL
		SELECT ${SQ}*${SQ}, sum(required), sum(done), sum(late), sum(pending), sum(due), sum(visited) FROM r" |
	awk -F, '{ if ($2 + $5 > 0) printf "%s,%s,%s,%s,%s,%.4f\n", $1, $2, $3, $4, $5, $7 / $6; else print $1 }' |
	sort
}

# scorecard OPTIONS: village, care_required, care_done, care_late,
# care_pending, care_coverage
scorecard() {
	report-gen scorecard -f csv "$@" |
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["village"] "," $at["care_required"] "," $at["care_done"] "," $at["care_late"] "," $at["care_pending"] "," $at["care_coverage"] }' |
	sed "s/,*$//" | sort
}

test_case 'required, done and late per village and in total, on, before and after the due date' '
	seed &&
	scorecard --today 2023-01-10 >actual &&
	counted 2023-01-10 >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOT &&
	*,4,2,1,0,0.6667
	丁村
	丙村,2,2,0,0,1.0000
	乙村,1,0,0,0,0.5000
	甲村,1,0,1,0,0.5000
	EOT
	test_cmp expect actual &&
	scorecard --today 2022-12-31 >actual &&
	counted 2022-12-31 >expect &&
	test_cmp expect actual &&
	grep -q "^甲村,1,0,0,0,0.5000$" actual &&
	: the day before the due date the items not done are pending, not missing &&
	scorecard --today 2022-12-30 >actual &&
	counted 2022-12-30 >expect &&
	test_cmp expect actual &&
	grep -q "^甲村,0,0,0,1,0.0000$" actual &&
	grep -q "^丙村,2,2,0,0,1.0000$" actual
'

test_case 'care items are in the completion rate, and coloured in the page and the workbook' '
	seed &&
	report-gen scorecard -f csv --today 2023-01-10 >card.csv &&
	field required card.csv | sort >actual &&
	printf "%s\n" "*,4" "丁村,0" "丙村,2" "乙村,1" "甲村,1" >expect &&
	test_cmp expect actual &&
	field completion_rate card.csv | sort >actual &&
	printf "%s\n" "*,0.5000" "丁村," "丙村,1.0000" "乙村,0.0000" "甲村,0.0000" >expect &&
	test_cmp expect actual &&
	zh_locale &&
	report-gen scorecard -f html --today 2023-01-10 >page.html &&
	sed -n "s/^<tr[^>]*><td>\([^<]*\)<\/td>.*<td class=\"\([a-z]*\)\" data-action=\"4\">\([^<]*\)<small>\([^<]*\)<\/small>.*/\1 \2 \3 \4/p" page.html >actual &&
	cat >expect <<-\EOT &&
	甲村 late 0/1，逾期1 关怀覆盖率 50.0%；化解率 —
	乙村 missing 0/1 关怀覆盖率 50.0%；化解率 —
	丙村 done 2/2 关怀覆盖率 100.0%；化解率 —
	合计 missing 2/4，逾期1 关怀覆盖率 66.7%；化解率 —
	EOT
	test_cmp expect actual &&
	grep -q "<td>丁村</td>.*<td class=\"none\" data-action=\"4\">—</td>" page.html &&
	report-gen scorecard -f html --today 2022-12-30 >before.html &&
	sed -n "s/^<tr[^>]*><td>\([^<]*\)<\/td>.*<td class=\"\([a-z]*\)\" data-action=\"4\">\([^<]*\)<small>.*/\1 \2 \3/p" before.html >actual &&
	cat >expect <<-\EOT &&
	甲村 pending 未到期1
	乙村 pending 未到期1
	丙村 done 2/2
	合计 done 2/2，未到期2
	EOT
	test_cmp expect actual &&
	report-gen scorecard -f xlsx --today 2023-01-10 -o card.xlsx &&
	/usr/bin/python3 - card.xlsx >actual <<-\PY &&
	import sys, openpyxl
	ws = openpyxl.load_workbook(sys.argv[1]).active
	rows = list(ws.iter_rows())
	header = int(ws.freeze_panes[1:]) - 2	# under the title rows
	head = [c.value for c in rows[header]]
	at = head.index("应完成关怀走访节点")
	for row in rows[header + 1:header + 6]:
	    f = row[at].fill
	    print(row[0].value, row[at].value, f.fgColor.rgb if f.patternType == "solid" else None)
	PY
	cat >expect <<-\EOT &&
	甲村 1 FFFFC000
	乙村 1 FFFF5050
	丙村 2 FF92D050
	丁村 — None
	合计 4 FFFF5050
	EOT
	test_cmp expect actual
'

test_case 'a county'"'"'s roll-up carries the care items; one contradicting itself is refused' '
	seed &&
	two_townships &&
	care-log -q -d 乙镇.db --today 2023-01-10 --id-number "$PE" --date 2022-12-01 --visitor 王干部 --done 送药 &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today 2023-01-10 >county.json &&
	report-gen -d 甲镇.db -d 乙镇.db scorecard -f csv --today 2023-01-10 >expect &&
	report-gen --from-rollup scorecard county.json -f csv >actual &&
	test_cmp expect actual &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"township\"] == \"*\" { print \$at[\"care_required\"], \$at[\"care_done\"], \$at[\"care_late\"], \$at[\"care_coverage\"] }" actual >totals &&
	echo "8 5 2 0.7500" >expect &&
	test_cmp expect totals &&
	: the day before the due date, the items not done are pending in the roll-up too &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today 2022-12-30 >before.json &&
	report-gen -d 甲镇.db -d 乙镇.db scorecard -f csv --today 2022-12-30 >expect &&
	report-gen --from-rollup scorecard before.json -f csv >actual &&
	test_cmp expect actual &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"township\"] == \"*\" { print \$at[\"care_required\"], \$at[\"care_pending\"], \$at[\"pending\"] }" actual >totals &&
	echo "5 3 3" >expect &&
	test_cmp expect totals &&
	for k in care_done care_late care_visited care_pending
	do
		sed "s/\"$k\": *[0-9]*/\"$k\": 99/" county.json >bad.json &&
		! cmp -s county.json bad.json &&
		expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
		grep_message "bad.json: row [0-9]*: $k: not a count of the roll-up" err ||
		return 1
	done
'

test_done
