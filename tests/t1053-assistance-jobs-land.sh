#!/bin/sh
#
# report-gen assistance: the people in an industry-park job (产业园务工) on
# --today with their monthly income, and the land transfers (土地流转) in
# force that day with their area in mu, per village, the township's total
# and two stores' county total, all recomputed here in SQL: a job or
# transfer ending on the day counted, one ending the day before and one
# starting the day after not, a person with two jobs counted once with
# both incomes, areas summed to the hundredth of a mu.  One store, built
# once; a second store a copy of it.

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
PA=$(id_number 50023519800101001)	# H1 甲村: two jobs on the day
PB=$(id_number 50023519810101002)	# H1 甲村: a job ending on the day, a parcel
PC=$(id_number 50023519820101003)	# H2 乙村: a job ended the day before, two parcels
PD=$(id_number 50023519830101004)	# H2 乙村: a job and a parcel from the day after
PE=$(id_number 50023519840101005)	# H3 乙村: a parcel ended the day before, one to the day

(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories
	H1,户一,甲村,1社,脱贫户
	H2,户二,乙村,1社,监测户
	H3,户三,乙村,2社,一般农户
	EOT
	household-add -q households.csv &&
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
	kind,id_number,start_date,title,provider,end_date,amount,area_mu
	产业园务工,$PA,2022-03-01,分拣工,茶叶产业园,,2800,
	产业园务工,$PA,2022-11-01,包装工,柑橘产业园,2022-12-31,1200,
	产业园务工,$PB,2022-06-01,采茶工,茶叶产业园,$TODAY,2500,
	产业园务工,$PC,2022-06-01,采茶工,茶叶产业园,2022-11-29,2500,
	产业园务工,$PD,2022-12-01,分拣工,茶叶产业园,,2600,
	土地流转,$PB,2022-03-01,大田湾,向阳茶叶合作社,2027-02-28,600,2.5
	土地流转,$PC,2022-03-01,岩脚,向阳茶叶合作社,,300,1.25
	土地流转,$PC,2022-04-01,河坝,柑橘合作社,2026-03-31,900,3.33
	土地流转,$PD,2022-12-01,坡地,柑橘合作社,,200,0.5
	土地流转,$PE,2021-01-01,老屋基,柑橘合作社,2022-11-29,100,0.7
	土地流转,$PE,2022-01-01,竹林,柑橘合作社,$TODAY,100,0.01
	EOT
	support-log -q support.csv &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
) || exit 1

seed() {
	cp "$TRASH/seed.db" "$RENKE_DB" &&
	store_dump >before
}

# sql_figures: village, jobs_held, job_income, land_parcels, land_mu per
# village, then the township's total as *, from the tables
sql_figures() {
	sqlite3 -separator , "$RENKE_DB" "
	WITH p AS (SELECT s.*, h.village_id FROM support s
		JOIN member m ON m.id_number = s.id_number
		JOIN household h ON h.household_id = m.household_id
		WHERE s.start_date <= ${SQ}$1${SQ} AND (s.end_date IS NULL OR s.end_date >= ${SQ}$1${SQ})),
	f AS (SELECT v.id, v.name,
		(SELECT count(DISTINCT id_number) FROM p WHERE p.village_id = v.id AND kind = ${SQ}job${SQ}) AS jobs,
		(SELECT coalesce(sum(amount), 0) FROM p WHERE p.village_id = v.id AND kind = ${SQ}job${SQ}) AS income,
		(SELECT count(*) FROM p WHERE p.village_id = v.id AND kind = ${SQ}land${SQ}) AS parcels,
		(SELECT coalesce(sum(round(area_mu * 100)), 0) FROM p WHERE p.village_id = v.id AND kind = ${SQ}land${SQ}) AS mu
		FROM village v)
	SELECT name, jobs, income, parcels, printf(${SQ}%.2f${SQ}, mu / 100.0) FROM f
	UNION ALL SELECT ${SQ}*${SQ}, sum(jobs), sum(income), sum(parcels), printf(${SQ}%.2f${SQ}, sum(mu) / 100.0) FROM f"
}

# columns FILE: the village and the four columns of jobs and land
columns() {
	python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
for r in rows:
    print(",".join([r.get("township", "") and r["township"] + "/" + r["village"] or r["village"],
        r["jobs_held"], r["job_income"], r["land_parcels"], r["land_mu"]]))
' "$1"
}

test_case 'jobs and land per village and the township on the day, as the tables say' '
	seed &&
	report-gen --today $TODAY assistance -f csv >out &&
	columns out >actual &&
	sql_figures $TODAY >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOT &&
	甲村,2,6500,1,2.50
	乙村,0,0,3,4.59
	*,2,6500,4,7.09
	EOT
	test_cmp expect actual &&
	store_unchanged
'

test_case 'the day after: the job and the parcel ending on the day go, those starting come' '
	seed &&
	report-gen --today 2022-12-01 assistance -f csv >out &&
	columns out >actual &&
	sql_figures 2022-12-01 >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOT &&
	甲村,1,4000,1,2.50
	乙村,1,2600,3,5.08
	*,2,6600,4,7.58
	EOT
	test_cmp expect actual
'

test_case 'two stores: the county total is exactly the sum of the townships' '
	seed &&
	cp "$RENKE_DB" other.db &&
	report-gen --today $TODAY -d "$RENKE_DB" -d other.db assistance -f csv >out &&
	columns out >actual &&
	grep -c "^\*/\*,4,13000,8,14.18$" actual &&
	test "$(grep -c "/\*,2,6500,4,7.09$" actual)" = 2
'

test_case 'the columns under zh_CN are headed in Chinese' '
	seed &&
	LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 report-gen --today $TODAY assistance -f table >out &&
	grep -q "园区务工人数" out &&
	grep -q "流转面积（亩）" out
'

test_done
