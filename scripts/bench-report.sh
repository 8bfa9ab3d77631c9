#!/bin/sh
# bench-report.sh -- report-gen summary on a county-sized store, beside one sqlite3 GROUP BY scan of the visits
#
# Usage: scripts/bench-report.sh [-n households] [-v visits] [-i issues] [-r runs] [-k]
#   -n N   households (default 300000)
#   -v V   visits over them (default 1000000)
#   -i I   issues (default 100000)
#   -r R   timed runs of each command; the median is reported (default 3)
#   -k     keep the scratch directory (its name is printed)
#
# The store is made as the commands make it: household-add registers 30
# villages of 8 villager groups each (one household per group) and so
# creates the schema; milestone-add adds the four visit milestones of
# examples/milestones.csv; the rest is inserted by sqlite3 with recursive
# CTEs into the same tables: the other households (categories in the
# proportions of scripts/gen-households), the visits in the milestones'
# four rounds (some late), the issues along their lifecycle (closed,
# resolved, fed back, open, in progress, reopened; some overdue, some
# extended), a meeting per village with its vote, and a saved survey round
# of 3,000 phone interviews.  Nothing is ANALYZEd: the store is as the
# commands leave it.
#
# Then, after one untimed run of each, R runs of each, alternating:
#   report-gen summary -f csv >/dev/null
#   sqlite3 store.db "SELECT h.village_id, count(*) FROM visit v JOIN household h
#       ON h.household_id = v.household_id GROUP BY h.village_id" >/dev/null
# each timed by GNU time (/usr/bin/time -f '%e %M': seconds and peak KiB,
# and %U + %S, the CPU seconds) and, to the millisecond, by date +%s%N
# around it.  Prints both medians and the ratio report-gen / sqlite3 (from
# the millisecond figures); the target is at most 3.  The ratio of the CPU
# seconds is printed too: on a loaded machine the elapsed times stretch,
# the CPU times much less.  Exits 1 when the target is missed.
set -eu

n=300000
v=1000000
issues=100000
runs=3
keep=0
while getopts n:v:i:r:k opt; do
	case $opt in
	n) n=$OPTARG ;;
	v) v=$OPTARG ;;
	i) issues=$OPTARG ;;
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-n households] [-v visits] [-i issues] [-r runs] [-k]" >&2
	   exit 64 ;;
	esac
done
for x in "$n" "$v" "$issues" "$runs"; do
	case $x in
	'' | *[!0-9]*) echo "bench-report.sh: not a number: $x" >&2; exit 64 ;;
	esac
done
if [ "$n" -lt 240 ] || [ "$runs" -lt 1 ]; then
	echo "bench-report.sh: at least 240 households and 1 run" >&2
	exit 64
fi

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
. "$top/scripts/bench-lib.sh"
bench_start bench-report.sh sqlite3 "$bin/household-add" "$bin/milestone-add" \
    "$bin/report-gen"
trap 'exit 1' HUP INT TERM
unset RENKE_DB
LC_ALL=C.UTF-8
RENKE_USER=bench
export LC_ALL RENKE_USER
db=store.db
today=2022-11-30
anchor="SELECT h.village_id, count(*) FROM visit v JOIN household h ON h.household_id = v.household_id GROUP BY h.village_id"

# the villages and groups, through household-add; the milestones
{
	echo household_id,village,village_group,categories,members
	awk 'BEGIN {
		split("双河村 高峰村 后叶村 红狮村 石门村 龙洞村 新田村 桂花村 凉水村 青山村 长岭村 水口村 白果村 黄桷村 大坪村 小河村 金竹村 银杏村 团结村 胜利村 和平村 光明村 向阳村 东风村 新华村 联合村 建设村 民主村 永安村 太平村", vil, " ")
		for (i = 1; i <= 30; i++)
			for (g = 1; g <= 8; g++)
				printf "V%02d%02d,%s,%d社,ordinary,3\n", i, g, vil[i], g
	}'
} >villages.csv
start=$(date +%s)
"$bin/household-add" -q -d $db villages.csv
"$bin/milestone-add" -q -d $db "$top/examples/milestones.csv"

sqlite3 $db >/dev/null <<EOF
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
BEGIN;
-- the households: 30 villages, 8 groups each; categories in the
-- proportions of scripts/gen-households
INSERT INTO household_source (id, file, at, who, command)
	VALUES (1000, 'bench', '2022-10-01T00:00:00Z', 'bench', 'bench-report.sh');
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $n - 240)
INSERT INTO household (household_id, head_name, id_number, phone, village_id,
	group_id, categories, members, monitor_type, risk_status, source_id, line)
SELECT printf('H%07d', i), '户主' || (i % 4096), NULL,
	CASE WHEN i % 10 = 0 THEN NULL ELSE printf('13%09d', i) END,
	1 + i % 30,
	(SELECT g.id FROM village_group g WHERE g.village_id = 1 + i % 30
		AND g.name = (1 + (i / 30) % 8) || '社'),
	CASE WHEN i % 1000 < 380 THEN 'lifted'
		WHEN i % 1000 < 460 THEN 'monitored'
		WHEN i % 1000 < 540 THEN 'minimum_allowance'
		WHEN i % 1000 < 570 THEN 'serious_illness'
		WHEN i % 1000 < 600 THEN 'extreme_poverty'
		WHEN i % 1000 < 615 THEN 'lifted;minimum_allowance'
		WHEN i % 1000 < 625 THEN 'monitored;serious_illness'
		ELSE 'ordinary' END,
	1 + i % 7,
	CASE WHEN i % 1000 BETWEEN 380 AND 459 OR i % 1000 BETWEEN 615 AND 624
		THEN 'unstable' END,
	CASE WHEN i % 1000 BETWEEN 380 AND 459 OR i % 1000 BETWEEN 615 AND 624
		THEN CASE WHEN i % 3 = 0 THEN 'at_risk' ELSE 'risk_eliminated' END END,
	1000, i
FROM k;

-- the visits: household 1 + i % N in round i / N (the four rounds of the
-- milestones, then the last again), one visitor per household and round
INSERT INTO visit_source (id, file, at, who, command)
	VALUES (1, 'bench', '2022-10-01T00:00:00Z', 'bench', 'bench-report.sh');
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < $v - 1),
h(i, hid, r) AS (SELECT i, (SELECT household_id FROM household WHERE id = 1 + i % $n),
	(i / $n) % 4 FROM k)
INSERT INTO visit (household_id, visit_date, visitor, round, visitor_role,
	food_clothing, education, medical, housing, drinking_water, income_stable,
	industry_link, risk_level, monitor_suggested, notes, source_id, line)
SELECT hid,
	CASE r WHEN 0 THEN date('2022-10-10', '+' || (i % 25) || ' days')
		WHEN 1 THEN date('2022-11-05', '+' || (i % 6) || ' days')
		WHEN 2 THEN date('2022-11-11', '+' || (i % 11) || ' days')
		ELSE date('2022-11-22', '+' || (i % 95) || ' days') END,
	'干部' || ((i % $n) % 5000) || '-' || (i / ($n * 4)),
	CASE r WHEN 0 THEN '2022-r1' WHEN 1 THEN '2022-r2' WHEN 2 THEN '2022-r3'
		ELSE '2023-r1' END,
	CASE WHEN i % 10 < 7 THEN 'assistance_cadre' ELSE 'village_cadre' END,
	'yes', CASE WHEN i % 2 THEN 'yes' ELSE 'na' END, 'yes',
	CASE WHEN i % 97 = 0 THEN 'no' ELSE 'yes' END, 'yes', 'yes',
	CASE WHEN i % 3 THEN 'yes' ELSE 'na' END,
	CASE WHEN i % 50 = 0 THEN 'medium' WHEN i % 7 = 0 THEN 'low' ELSE 'none' END,
	0, NULL, 1, 2 + i
FROM h;

-- the issues: opened from July to November, due 15 to 45 days later;
-- resolved 2 to 31 days after opening when they are not still open
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $issues),
o(i, opened, hid) AS (SELECT i, date('2022-07-01', '+' || (i % 150) || ' days'),
	1 + (i * 7919) % $n FROM k)
INSERT INTO issue (id, kind, category, title, urgency, village_id, group_id,
	household_ref, source, owner, opened_on, due_date, status, resolution,
	resolved_on, extensions, natural_key, created_at, updated_at)
SELECT i, CASE WHEN i % 20 = 19 THEN 'dispute' WHEN i % 5 = 0 THEN 'suggestion'
		ELSE 'problem' END,
	CASE i % 10 WHEN 0 THEN 'infrastructure' WHEN 1 THEN 'environment'
		WHEN 2 THEN 'jobs' WHEN 3 THEN 'housing' WHEN 4 THEN 'medical'
		WHEN 5 THEN 'water' WHEN 6 THEN 'schooling' WHEN 7 THEN 'disaster'
		WHEN 8 THEN 'conduct' ELSE 'other' END,
	'issue ' || i,
	CASE i % 4 WHEN 0 THEN 'urgent' WHEN 1 THEN 'important'
		WHEN 2 THEN 'normal' ELSE 'minor' END,
	h.village_id, h.group_id, h.id, 'visit', '责任人' || (i % 200), opened,
	date(opened, '+' || (15 + i % 31) || ' days'),
	CASE WHEN i % 10 < 7 THEN 'resolved' ELSE 'open' END,
	CASE WHEN i % 10 < 7 THEN 'done' END,
	CASE WHEN i % 10 < 7 THEN date(opened, '+' || (2 + i % 30) || ' days') END,
	CASE WHEN i % 13 = 0 THEN 1 ELSE 0 END,
	'bench:' || i, '2022-07-01T00:00:00Z', '2022-07-01T00:00:00Z'
FROM o JOIN household h ON h.id = o.hid;
-- along the lifecycle, as the store's triggers allow
UPDATE issue SET status = 'feedback_given', feedback = 'told',
	feedback_on = date(resolved_on, '+1 days')
	WHERE status = 'resolved' AND id % 10 < 6;
UPDATE issue SET status = 'closed', closed_on = date(feedback_on, '+1 days')
	WHERE status = 'feedback_given' AND id % 10 < 5;
UPDATE issue SET status = 'in_progress' WHERE status = 'open' AND id % 10 = 7;
UPDATE issue SET status = 'reopened' WHERE status = 'feedback_given' AND id % 20 = 5;

-- one villagers' assembly a village, with its vote
INSERT INTO meeting (kind, village_id, held_on, host, attendees, created_at)
SELECT 'assembly', id, '2022-11-28', '村支书', '40', '2022-11-28T00:00:00Z'
FROM village;
INSERT INTO vote (meeting_id, representatives, present, yes, no, abstain,
	valid, adopted, filed_on)
SELECT id, 45, 38, 33, 3, 2, 1, 1, '2022-11-30' FROM meeting;

-- a saved survey round: 3,000 interviews of four questions
INSERT INTO survey_round (id, name, saved_on, created_at, created_by)
	VALUES (1, '2022-11', '2022-11-28', '2022-11-28T00:00:00Z', 'bench');
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 3000)
INSERT INTO survey_response (id, round_id, source, respondent, village,
	village_group, household_id, survey_date)
SELECT i, 1, 'bench:' || i, '受访人' || i,
	(SELECT name FROM village WHERE id = 1 + i % 30), '1社',
	printf('H%07d', i), '2022-11-25'
FROM k;
WITH q(position, question) AS (VALUES (1, 'q_cadre'), (2, 'q_infrastructure'),
	(3, 'q_policy'), (4, 'q_guarantee'))
INSERT INTO survey_answer (response_id, position, question, answer)
SELECT r.id, q.position, q.question,
	CASE (r.id * 7 + q.position) % 10 WHEN 0 THEN 'dissatisfied'
		WHEN 1 THEN 'dont_know' WHEN 2 THEN NULL
		WHEN 3 THEN 'basically_satisfied' WHEN 4 THEN 'basically_satisfied'
		ELSE 'satisfied' END
FROM survey_response r, q;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
EOF
made=$(( $(date +%s) - start ))

# time_once NAME COMMAND...: run COMMAND once; append "microseconds %e %M
# cpu-seconds" to times.NAME
time_once() {
	name=$1
	shift
	t0=$(date +%s%N)
	/usr/bin/time -f '%e %M %U %S' -o one "$@" >/dev/null || {
		echo "bench-report.sh: $*: failed" >&2
		cat one >&2
		exit 1
	}
	t1=$(date +%s%N)
	echo "$(( (t1 - t0) / 1000 )) $(tail -n 1 one | awk '{ print $1, $2, $3 + $4 }')" \
		>>"times.$name"
}

# median NAME: "median_ms median_e peak_kib median_cpu" of times.NAME
median() {
	sort -n -k 4 "times.$1" | awk '{ cpu[NR] = $4 }
		END { print cpu[int((NR + 1) / 2)] }' >cpu.median
	sort -n "times.$1" | awk -v cpu="$(cat cpu.median)" '{ us[NR] = $1; e[NR] = $2; if ($3 > m) m = $3 }
		END { k = int((NR + 1) / 2); printf "%.1f %s %d %s\n", us[k] / 1000, e[k], m, cpu }'
}

report() {
	time_once report "$bin/report-gen" -d $db --today $today summary -f csv
}
scan() {
	time_once scan sqlite3 $db "$anchor"
}

echo "report-gen summary beside one sqlite3 GROUP BY village scan of the visits, median of $runs runs"
echo "machine: $(uname -m), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); sqlite3 $(sqlite3 --version | cut -d " " -f 1)"
counts=$(sqlite3 $db "SELECT (SELECT count(*) FROM household), (SELECT count(*) FROM visit),
	(SELECT count(*) FROM issue), (SELECT count(*) FROM village)")
echo "store: $(echo "$counts" | awk -F'|' '{ printf "%d households, %d visits, %d issues, %d villages", $1, $2, $3, $4 }'), $(( $(wc -c <$db) / 1048576 )) MiB, made in ${made} s"
"$bin/report-gen" -d $db --today $today summary -f csv >summary.csv
if [ "$(wc -l <summary.csv)" -ne 32 ]; then
	echo "bench-report.sh: the summary has $(wc -l <summary.csv) lines, not 32" >&2
	exit 1
fi
# warm the page cache, untimed
sqlite3 $db "$anchor" >/dev/null
: >times.report
: >times.scan
i=0
while [ $i -lt "$runs" ]; do
	report
	scan
	i=$((i + 1))
done
printf '%-36s %10s %8s %9s %9s\n' command ms "%e s" "CPU s" "peak MiB"
set -- $(median report)
printf '%-36s %10.1f %8.2f %9.2f %9.1f\n' "report-gen summary -f csv" "$1" "$2" "$4" \
	"$(awk -v k="$3" 'BEGIN { print k / 1024 }')"
report_ms=$1 report_cpu=$4
set -- $(median scan)
printf '%-36s %10.1f %8.2f %9.2f %9.1f\n' "sqlite3 GROUP BY village (visits)" "$1" "$2" "$4" \
	"$(awk -v k="$3" 'BEGIN { print k / 1024 }')"
scan_ms=$1 scan_cpu=$4
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg)"
awk -v r="$report_cpu" -v s="$scan_cpu" 'BEGIN {
	if (s > 0)
		printf "ratio of CPU seconds: %.2f\n", r / s }'
awk -v r="$report_ms" -v s="$scan_ms" 'BEGIN {
	x = r / s
	printf "ratio report-gen / sqlite3: %.2f (target: at most 3): %s\n", x,
	    x <= 3 ? "met" : "NOT met"
	exit x > 3 }'
