#!/bin/sh
#
# The scorecard's action 3 counts the assistance placed from --since to
# --until and today, per village, township and county, as report-gen
# assistance defines it: public-welfare posts and land transfers by
# their first day, the people starting an industry-park job (one person
# once, whatever jobs they start), loans by the day they were approved
# (support-log --decided-on), not the day their wish was recorded; each
# recomputed here from the store's rows at the period's edges: the
# first day of --since and the day of --until count, the day before and
# the day after do not; a loan refused counts nowhere.  Counts, not required items: the completion rate does not
# move.  A county's roll-up carries them.

. "$(dirname "$0")/lib.sh"

PA=$(id_number 50023519800101001)	# H1 甲村: a post from the first day
PB=$(id_number 50023519810101002)	# H1 甲村: two park jobs, the second on the last day
PC=$(id_number 50023519820101003)	# H2 乙村: a post the day before, land the day after,
					# a loan wished before the period, approved on its last day
PD=$(id_number 50023519830101004)	# H2 乙村: a loan wished in the period, approved the day
					# after it; one refused
PE=$(id_number 50023519840101005)	# H3 乙村: land in the period, a job the day after

seed_store() {
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories
	H1,户一,甲村,1社,脱贫户
	H2,户二,乙村,1社,脱贫户
	H3,户三,乙村,2社,一般农户
	H4,户四,丙村,1社,一般农户
	EOT
	household-add -q households.csv &&
	milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
	cat >members.csv <<-EOT &&
	id_number,household_id,name
	$PA,H1,甲一
	$PB,H1,甲二
	$PC,H2,乙一
	$PD,H2,乙二
	$PE,H3,丙一
	EOT
	member-add -q members.csv &&
	cat >support.csv <<-EOT &&
	kind,id_number,start_date,title,provider,end_date,amount,term_months,status,area_mu,decided_on
	post,$PA,2022-10-01,保洁员,甲村村委会,,500,,,,
	job,$PB,2022-10-20,分拣工,茶叶产业园,,2600,,,,
	job,$PB,2022-11-30,包装工,柑橘产业园,,1200,,,,
	post,$PC,2022-09-30,护林员,乙村村委会,,600,,,,
	land,$PC,2022-12-01,岩脚,柑橘合作社,,300,,,1.25,
	loan,$PC,2022-09-20,养鸡,农商行,,10000,12,approved,,2022-11-30
	loan,$PD,2022-10-05,养牛,农商行,,30000,24,approved,,2022-12-01
	loan,$PD,2022-11-06,养羊,农商行,,20000,12,refused,,2022-11-20
	land,$PE,2022-11-15,河坝,柑橘合作社,,900,,,3.3,
	job,$PE,2022-12-01,采茶工,茶叶产业园,,2500,,,,
	EOT
	support-log -q --today 2022-12-31 support.csv
}

seed() {
	store_cache seed seed_store
}

# counted SINCE UNTIL: per village (and * for the township), posts, people
# in jobs and land transfers starting in the period, loans approved in it
counted() {
	sqlite3 -separator , "$RENKE_DB" "
		WITH p AS (SELECT s.*, h.village_id FROM support s
			JOIN member m ON m.id_number = s.id_number
			JOIN household h ON h.household_id = m.household_id
			WHERE CASE WHEN s.kind = ${SQ}loan${SQ} THEN s.decided_on ELSE s.start_date END
				BETWEEN ${SQ}$1${SQ} AND ${SQ}$2${SQ})
		SELECT v.name,
			(SELECT count(*) FROM p WHERE p.village_id = v.id AND kind = ${SQ}post${SQ}),
			(SELECT count(DISTINCT id_number) FROM p WHERE p.village_id = v.id AND kind = ${SQ}job${SQ}),
			(SELECT count(*) FROM p WHERE p.village_id = v.id AND kind = ${SQ}land${SQ}),
			(SELECT count(*) FROM p WHERE p.village_id = v.id AND kind = ${SQ}loan${SQ} AND status = ${SQ}approved${SQ})
		FROM village v UNION ALL
		SELECT ${SQ}*${SQ}, count(kind = ${SQ}post${SQ} OR NULL),
			count(DISTINCT CASE WHEN kind = ${SQ}job${SQ} THEN id_number END),
			count(kind = ${SQ}land${SQ} OR NULL),
			count(kind = ${SQ}loan${SQ} AND status = ${SQ}approved${SQ} OR NULL) FROM p" |
	sort
}

# scorecard OPTIONS: village and the four counts of the scorecard's rows
scorecard() {
	report-gen scorecard -f csv "$@" |
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["village"] "," $at["posts_placed"] "," $at["jobs_placed"] "," $at["land_placed"] "," $at["loans_approved"] }' |
	sort
}

test_case 'placed per village and in total, at the edges of the period' '
	seed &&
	scorecard --today 2022-12-31 --since 2022-10-01 --until 2022-11-30 >actual &&
	counted 2022-10-01 2022-11-30 >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOT &&
	*,1,1,1,1
	丙村,0,0,0,0
	乙村,0,0,1,1
	甲村,1,1,0,0
	EOT
	test_cmp expect actual &&
	scorecard --today 2022-12-31 >actual &&
	counted 1900-01-01 2022-12-31 >expect &&
	test_cmp expect actual &&
	grep -q "^\*,2,2,2,2$" actual &&
	: the loan wished in the period and approved the day after it counts from that day &&
	scorecard --today 2022-12-31 --since 2022-12-01 >actual &&
	grep -q "^乙村,0,1,1,1$" actual &&
	scorecard --today 2022-11-29 >actual &&
	counted 1900-01-01 2022-11-29 >expect &&
	test_cmp expect actual &&
	grep -q "^甲村,1,1,0,0$" actual
'

test_case 'counts, not required items: the completion rate stays; Chinese headings; the page says them' '
	seed &&
	report-gen scorecard -f csv --today 2022-12-31 >with &&
	sqlite3 "$RENKE_DB" "DELETE FROM support" &&
	report-gen scorecard -f csv --today 2022-12-31 >without &&
	field completion_rate with >a && field completion_rate without >b &&
	test_cmp a b &&
	grep -q "^甲村,0.0000$" a &&
	field required with >a && field required without >b &&
	test_cmp a b &&
	seed &&
	zh_locale &&
	report-gen scorecard -f markdown --today 2022-12-31 --since 2022-10-01 --until 2022-11-30 >out &&
	grep -q "| 回访满意率 | 新上公益性岗位 | 新进产业园务工 | 新流转土地 | 贷款获批 |" out &&
	grep "^| 丙村 " out | grep -q "| — | 0 | 0 | 0 | 0 |" &&
	report-gen scorecard -f html --today 2022-12-31 --since 2022-10-01 --until 2022-11-30 >page.html &&
	sed -n "s/^<tr[^>]*><td>\([^<]*\)<\/td>.*data-action=\"3\">\([^<]*\)<\/td>.*/\1 \2/p" page.html >actual &&
	sed "s/；安置：.*//" actual >rates &&
	cat >want <<-\EOT &&
	甲村 — / —
	乙村 — / —
	丙村 — / —
	合计 — / —
	EOT
	test_cmp want rates &&
	grep -q "^甲村 — / —；安置：公益性岗位1个，产业园务工1人，土地流转0宗，贷款获批0笔$" actual &&
	grep -q "^合计 — / —；安置：公益性岗位1个，产业园务工1人，土地流转1宗，贷款获批1笔$" actual &&
	grep -q "^丙村 — / —$" actual
'

test_case 'a county'"'"'s roll-up carries the assistance placed' '
	seed &&
	two_townships &&
	support-log -q -d 乙镇.db --today 2022-12-31 --kind post --id-number "$PB" \
		--start 2022-12-20 --title 护路员 --provider 甲村村委会 --amount 500 &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today 2022-12-31 >county.json &&
	report-gen -d 甲镇.db -d 乙镇.db scorecard -f csv --today 2022-12-31 >expect &&
	report-gen --from-rollup scorecard county.json -f csv >actual &&
	test_cmp expect actual &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"township\"] == \"*\" { print \$at[\"posts_placed\"], \$at[\"jobs_placed\"], \$at[\"land_placed\"], \$at[\"loans_approved\"] }" actual >totals &&
	echo "5 4 4 4" >expect &&
	test_cmp expect totals &&
	sed "s/\"posts_placed\": *[0-9]*/\"posts_placed\": -1/" county.json >bad.json &&
	! cmp -s county.json bad.json &&
	expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
	grep_message "bad.json: row [0-9]*: posts_placed: not a count of the roll-up" err
'

test_done
