#!/bin/sh
#
# care-log: care visits (人文关怀) to a person, known by person, day and
# visitor; the same visit again, --upsert audited; bad input refused with
# the store unchanged.  The care-coverage milestone (every 孤寡老人 visited
# in the quarter) counted per person by visit-log --coverage and
# recomputed here in SQL, at its edges: a visit on the quarter's last day
# and on the day after (late, and not yet made before it), one the day before it began, a person tagged
# after the quarter began, a person who moved to another village's
# household, a milestone asking for a role.  One store, built once.

. "$(dirname "$0")/lib.sh"

TODAY=2023-01-10
PA=$(id_number 50023519400101001)	# H1 甲村, 孤寡老人, visited on the last day and by 李书记
PB=$(id_number 50023519410101002)	# H1 甲村, 孤寡老人, visited the day after
PC=$(id_number 50023519420101003)	# H2 乙村, tagged in November, visited in October
PD=$(id_number 50023519430101004)	# H1 甲村, then H2 乙村, visited while in H1
PE=$(id_number 50023519440101005)	# H2 乙村, 孤寡老人, visited the day before the quarter
PF=$(id_number 50023520100101006)	# H2 乙村, 留守儿童 only, visited
PG=$(id_number 50023519800101007)	# H1 甲村, untagged, visited

(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories
	H1,户一,甲村,1社,脱贫户
	H2,户二,乙村,1社,监测户
	EOT
	household-add -q households.csv &&
	cat >members.csv <<-EOT &&
	id_number,household_id,name,tags
	$PA,H1,甲一,孤寡老人
	$PB,H1,甲二,孤寡老人
	$PC,H2,乙一,
	$PD,H1,甲三,孤寡老人
	$PE,H2,乙二,孤寡老人
	$PF,H2,乙三,留守儿童
	$PG,H1,甲四,
	EOT
	member-add -q members.csv &&
	assign -q --cadre 李书记 --role 第一书记 --village 甲村 &&
	cat >care.csv <<-EOT &&
	id_number,visit_date,visitor,role,done
	$PA,2022-12-31,王干部,,送慰问金500元
	$PA,2022-12-01,李书记,,送药
	$PB,2023-01-01,王干部,,送米油
	$PC,2022-10-15,李书记,,打扫卫生
	$PD,2022-11-02,李书记,,送棉被
	$PE,2022-09-30,王干部,村党组织书记,送慰问金
	$PF,2022-11-11,王干部,,辅导作业
	$PG,2022-11-11,王干部,,走访
	EOT
	care-log -q --today $TODAY care.csv &&
	member-add -q --upsert --reason 核实为孤寡老人 --id-number "$PC" --household H2 --name 乙一 --tag 孤寡老人 &&
	member-add -q --upsert --reason 投靠亲属 --id-number "$PD" --household H2 --name 甲三 --tag 孤寡老人 &&
	cat >milestones.csv <<-\EOT &&
	milestone_id,title,kind,tags,from_date,due_date,roles
	2022-q4,四季度孤寡老人走访慰问,care-coverage,孤寡老人,2022-10-01,2022-12-31,
	2022-q4-sec,四季度第一书记慰问孤寡老人,care-coverage,孤寡老人,2022-10-01,2022-12-31,第一书记
	EOT
	milestone-add -q milestones.csv &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
) || exit 1

seed() {
	cp "$TRASH/seed.db" "$RENKE_DB" &&
	store_dump >before
}

# sql_coverage MILESTONE [ROLE]: the milestone's people due, covered and
# missing per village, recomputed from the tables: tagged 孤寡老人 now,
# in the village of their household now, a care visit in the quarter
# (of the visit's role, else the visitor's assignment, when ROLE is
# given); late, of the missing, those with such a visit after the
# quarter, by the day
sql_coverage() {
	sqlite3 -separator , "$RENKE_DB" "
	WITH due AS (SELECT m.id_number, h.village_id FROM member m
		JOIN household h ON h.household_id = m.household_id
		WHERE instr(${SQ};${SQ} || m.tags || ${SQ};${SQ}, ${SQ};lonely_elderly;${SQ}) > 0),
	visits AS (SELECT * FROM care_visit WHERE visit_date <= ${SQ}$TODAY${SQ}),
	late AS (SELECT DISTINCT c.id_number FROM visits c
		WHERE c.visit_date > ${SQ}2022-12-31${SQ}
		AND (${SQ}${2:-}${SQ} = ${SQ}${SQ} OR coalesce(c.visitor_role,
			(SELECT a.role FROM assignment a JOIN member p ON p.id_number = c.id_number
			JOIN household h ON h.household_id = p.household_id
			WHERE a.cadre = c.visitor AND (a.household_id = h.household_id OR
			(a.household_id IS NULL AND a.village_id = h.village_id)))) = ${SQ}${2:-}${SQ})),
	seen AS (SELECT DISTINCT c.id_number FROM visits c
		WHERE c.visit_date BETWEEN ${SQ}2022-10-01${SQ} AND ${SQ}2022-12-31${SQ}
		AND (${SQ}${2:-}${SQ} = ${SQ}${SQ} OR coalesce(c.visitor_role,
			(SELECT a.role FROM assignment a JOIN member p ON p.id_number = c.id_number
			JOIN household h ON h.household_id = p.household_id
			WHERE a.cadre = c.visitor AND (a.household_id = h.household_id OR
			(a.household_id IS NULL AND a.village_id = h.village_id)))) = ${SQ}${2:-}${SQ}))
	SELECT ${SQ}$1${SQ}, v.name, count(*), count(s.id_number),
		count(*) - count(s.id_number), count(l.id_number),
		printf(${SQ}%.1f${SQ}, count(s.id_number) * 100.0 / count(*))
	FROM due d JOIN village v ON v.id = d.village_id
	LEFT JOIN seen s ON s.id_number = d.id_number
	LEFT JOIN late l ON l.id_number = d.id_number AND s.id_number IS NULL
	GROUP BY v.id ORDER BY v.id"
}

test_case 'coverage of the quarter per village, as the tables say it' '
	seed &&
	visit-log --today $TODAY --coverage --milestone 2022-q4 -f csv >out &&
	{
		echo milestone,village,due,visited,missing,late,percent &&
		sql_coverage 2022-q4
	} >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOT &&
	milestone,village,due,visited,missing,late,percent
	2022-q4,甲村,2,1,1,1,50.0
	2022-q4,乙村,3,2,1,0,66.7
	EOT
	test_cmp expect out &&
	visit-log --today 2022-12-31 --coverage --milestone 2022-q4 -f csv >out &&
	grep -q "^2022-q4,甲村,2,1,1,0,50.0$" out &&
	store_unchanged
'

test_case 'the people missing: the visit the day after and the day before the quarter do not count' '
	seed &&
	visit-log --today $TODAY --coverage --missing --milestone 2022-q4 -f csv >out &&
	cat >expect <<-\EOT &&
	milestone,village,village_group,household_id,head_name,categories,last_visit,person
	2022-q4,甲村,1社,H1,户一,lifted,2023-01-01,甲二
	2022-q4,乙村,1社,H2,户二,monitored,2022-09-30,乙二
	EOT
	test_cmp expect out
'

test_case 'a milestone asking for the first secretary counts only their visits, by the visit'"'"'s role or the assignment' '
	seed &&
	visit-log --today $TODAY --coverage --milestone 2022-q4-sec -f csv >out &&
	{
		echo milestone,village,due,visited,missing,late,percent &&
		sql_coverage 2022-q4-sec:first_secretary first_secretary
	} >expect &&
	test_cmp expect out &&
	grep -q "^2022-q4-sec:first_secretary,甲村,2,1,1,0,50.0$" out &&
	grep -q "^2022-q4-sec:first_secretary,乙村,3,0,3,0,0.0$" out
'

test_case 'a visit is known by person, day and visitor: again unchanged, different left alone, --upsert --reason updates it, audited' '
	seed &&
	care-log --today $TODAY --id-number "$PA" --date 2022-12-31 --visitor 王干部 --done 送慰问金500元 2>err &&
	err_is err "care-log: 1 care visits read: added 0, updated 0, unchanged 1, differ 0, bad 0" &&
	care-log --today $TODAY --id-number "$PA" --date 2022/12/31 --visitor 王干部 --done 送慰问金800元 2>err &&
	grep_message "added 0, updated 0, unchanged 0, differ 1, bad 0" err &&
	store_unchanged &&
	care-log -q --today $TODAY --upsert --reason 金额登记错误 --by 文书 --id-number "$PA" \
		--date 2022-12-31 --visitor 王干部 --role 帮扶干部 --done 送慰问金800元 &&
	sqlite3 "$RENKE_DB" "SELECT visitor_role, done FROM care_visit WHERE id_number = ${SQ}$PA${SQ} AND visit_date = ${SQ}2022-12-31${SQ}" >actual &&
	echo "assistance_cadre|送慰问金800元" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT who, entity_id, field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE entity = ${SQ}care${SQ} AND who = ${SQ}文书${SQ} ORDER BY seq" >actual &&
	cat >expect <<-EOT &&
	文书|$PA:2022-12-31:王干部|role|-|assistance_cadre
	文书|$PA:2022-12-31:王干部|done|送慰问金500元|送慰问金800元
	文书|$PA:2022-12-31:王干部|reason|-|金额登记错误
	EOT
	test_cmp expect actual &&
	care-log -q --today $TODAY --id-number "$PA" --date 2023-01-05 --visitor 王干部 --done 送年货 &&
	sqlite3 "$RENKE_DB" "SELECT who, field, new FROM audit WHERE entity = ${SQ}care${SQ} AND entity_id = ${SQ}$PA:2023-01-05:王干部${SQ}" >actual &&
	echo "tester|created|送年货" >expect &&
	test_cmp expect actual
'

test_case 'bad visits are refused, every row checked, nothing written; the ID number never quoted' '
	seed &&
	bad=$(id_number 50023519990101099) &&
	cat >bad.csv <<-EOT &&
	id_number,visit_date,visitor,role,done
	$PA,2023-01-11,王干部,,送米
	$bad,2022-11-01,王干部,,送米
	$PA,2022-13-01,王干部,,送米
	$PA,2022-11-01,,,送米
	$PA,2022-11-01,王干部,镇长,
	,2022-11-01,王干部,,送米
	${PA%?}0,2022-11-01,王干部,,送米
	EOT
	expect_status 65 care-log --today $TODAY bad.csv 2>err &&
	grep_message "^care-log: bad.csv:2: visit_date: 2023-01-11 is after today (2023-01-10)$" err &&
	grep_message "^care-log: bad.csv:3: id_number: no such person in the store; member-add registers people$" err &&
	grep_message "^care-log: bad.csv:4: visit_date: " err &&
	grep_message "^care-log: bad.csv:5: visitor: missing; who visited$" err &&
	grep_message "^care-log: bad.csv:6: role: unknown value \"镇长\"; expected one of: " err &&
	grep_message "^care-log: bad.csv:6: done: missing; what was done for the person (money given, the house cleaned, ...)$" err &&
	grep_message "^care-log: bad.csv:7: id_number: missing; a person is known by their ID number$" err &&
	grep_message "^care-log: bad.csv:8: id_number: " err &&
	grep_message "^care-log: 7 bad records; nothing was written$" err &&
	! grep -F "$bad" err &&
	! grep -F "${PA%?}0" err &&
	store_unchanged &&
	expect_status 65 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 care-log --today $TODAY \
		--id-number "$PA" --date 2022-11-01 --visitor 王干部 2>err &&
	grep_message "^care-log: 命令行: 慰问内容: 未填写；要写明为此人做了什么（送慰问金、打扫卫生等）$" err &&
	expect_status 64 care-log --id-number "$PA" bad.csv 2>err &&
	grep_message "give one record by options or records in files, not both" err &&
	store_unchanged
'

test_case 'milestone-add: a care-coverage milestone names its tags, has no round or categories, begins by its due date' '
	seed &&
	cat >m.csv <<-\EOT &&
	milestone_id,title,kind,tags,from_date,due_date,round,categories
	c1,关怀,care-coverage,,2022-10-01,2022-12-31,,
	c2,关怀,care-coverage,孤寡老人,2023-01-01,2022-12-31,,
	c3,关怀,care-coverage,富人,,2022-12-31,,
	c4,关怀,care-coverage,孤寡老人,,2022-12-31,2022-r1,脱贫户
	v1,走访,visit-coverage,孤寡老人,2022-10-01,2022-12-31,2022-r1,
	EOT
	expect_status 65 milestone-add m.csv 2>err &&
	grep_message "^milestone-add: m.csv:2: tags: missing; a care-coverage milestone names the people it counts by their tags, such as lonely_elderly$" err &&
	grep_message "^milestone-add: m.csv:3: from_date: 2023-01-01 is after the due date 2022-12-31$" err &&
	grep_message "^milestone-add: m.csv:4: tags: unknown value \"富人\"; expected one of: lonely_elderly (elderly living alone)" err &&
	grep_message "^milestone-add: m.csv:5: round: a care-coverage milestone has none; it counts the care visits of the people of its tags$" err &&
	grep_message "^milestone-add: m.csv:5: categories: a care-coverage milestone has none" err &&
	grep_message "^milestone-add: m.csv:6: tags: only a care-coverage milestone has one$" err &&
	grep_message "^milestone-add: m.csv:6: from_date: only a care-coverage milestone has one$" err &&
	store_unchanged &&
	expect_status 65 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 milestone-add --id c5 --title 关怀 \
		--kind 人文关怀 --due 2022-12-31 2>err &&
	grep_message "人员标签: 未填写" err &&
	store_unchanged &&
	expect_status 65 visit-log --today $TODAY --coverage --milestone 2022-11-01 2>err &&
	grep_message "no milestone 2022-11-01 in the store" err
'

test_case 'report-gen care shows each person'"'"'s latest care visit on or before the day' '
	seed &&
	report-gen care --today 2022-12-31 -f csv >out &&
	csv_column 5 out >names &&
	csv_column 15 out >days &&
	csv_column 16 out >by &&
	paste -d "|" names days by >actual &&
	cat >expect <<-\EOT &&
	name|last_care_visit|care_visitor
	甲一|2022-12-31|王干部
	甲二||
	乙一|2022-10-15|李书记
	甲三|2022-11-02|李书记
	乙二|2022-09-30|王干部
	乙三|2022-11-11|王干部
	EOT
	sort expect >expect.sorted && sort actual >actual.sorted &&
	test_cmp expect.sorted actual.sorted
'

test_done
