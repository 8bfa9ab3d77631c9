#!/bin/sh
# bench-deadline.sh -- deadline-check on 10,000 and on 1,000,000 issues with the same 1,000 overdue
#
# Usage: scripts/bench-deadline.sh [-r runs] [-k]
#   -r R   runs of deadline-check on each store; the median is reported
#          (default 5)
#   -k     keep the scratch directory (its name is printed)
#
# Makes two stores with sqlite3: a small one of 10,000 issues and a large
# one of 1,000,000, both holding the same 1,000 overdue issues; every
# other issue is closed, or open and due later, or closed unresolved with
# a promise that is not yet due, or a dispute whose revisit is not yet
# due.  deadline-check reads what is due through the partial indexes of
# the issue table, so its time should not grow with the ledger: the
# target is large / small <= 2.
#
# Each run is timed by GNU time (/usr/bin/time -f '%e %M': seconds and
# peak KiB) and, to the millisecond, by date +%s%N around it; the ratio is
# taken from the millisecond figures, since %e has only 10 ms steps.
# Prints one row per store, then the ratio; exits 1 when the ratio is
# above the target.
set -eu

runs=5
keep=0
while getopts r:k opt; do
	case $opt in
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-r runs] [-k]" >&2; exit 64 ;;
	esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
today=2024-06-01
overdue=1000
. "$top/scripts/bench-lib.sh"
bench_start bench-deadline.sh sqlite3 "$bin/household-add" "$bin/deadline-check"
unset RENKE_DB
LC_ALL=C
export LC_ALL

# make_store DB N: a store of N issues, the first $overdue of them overdue
# on $today
make_store() {
	printf 'household_id,village,village_group\nB1,基准村,1社\nB2,基准村,2社\n' >tiny.csv
	"$bin/household-add" -q -d "$1" tiny.csv
	sqlite3 "$1" >/dev/null <<EOF
PRAGMA synchronous = OFF;
BEGIN;
-- 1 .. $overdue: open, in progress or reopened, 1 to 300 days overdue
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $overdue)
INSERT INTO issue (id, kind, category, title, urgency, village_id, group_id,
	household_ref, source, owner, opened_on, due_date, status, natural_key,
	created_at, updated_at)
SELECT i, 'problem', 'infrastructure', 'overdue ' || i,
	CASE i % 4 WHEN 0 THEN 'urgent' WHEN 1 THEN 'important'
		WHEN 2 THEN 'normal' ELSE 'minor' END,
	1, 1 + i % 2, 1 + i % 2, 'visit', 'owner ' || (i % 20),
	date('$today', '-' || (400 + i % 300) || ' days'),
	date('$today', '-' || (1 + i % 300) || ' days'),
	'open', 'bench:' || i, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
FROM n;
-- the rest: resolved now, closed below (70%); open and due later (20%);
-- resolved, then closed unresolved with a promise for later (5%);
-- disputes mediated, their revisits due later (5%)
WITH RECURSIVE n(i) AS (SELECT $overdue + 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
INSERT INTO issue (id, kind, category, title, urgency, village_id, group_id,
	household_ref, source, owner, opened_on, due_date, status, resolution,
	resolved_on, mediation_outcome, mediated_on, revisit_due, natural_key,
	created_at, updated_at)
SELECT i, CASE WHEN i % 20 = 19 THEN 'dispute' ELSE 'problem' END,
	'water', 'issue ' || i,
	CASE i % 4 WHEN 0 THEN 'urgent' WHEN 1 THEN 'important'
		WHEN 2 THEN 'normal' ELSE 'minor' END,
	1, 1 + i % 2, NULL, 'visit', 'owner ' || (i % 20),
	date('$today', '-' || (30 + i % 700) || ' days'),
	CASE WHEN i % 20 < 14 THEN date('$today', '-' || (1 + i % 600) || ' days')
		ELSE date('$today', '+' || (1 + i % 365) || ' days') END,
	CASE WHEN i % 20 < 14 THEN 'resolved' ELSE 'open' END,
	CASE WHEN i % 20 < 14 THEN 'done' END,
	CASE WHEN i % 20 < 14 THEN date('$today', '-' || (10 + i % 600) || ' days') END,
	CASE WHEN i % 20 = 19 THEN 'success' END,
	CASE WHEN i % 20 = 19 THEN date('$today', '-1 days') END,
	CASE WHEN i % 20 = 19 THEN date('$today', '+' || (1 + i % 60) || ' days') END,
	'bench:' || i, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
FROM n;
-- along the lifecycle, as the store's triggers require
UPDATE issue SET status = 'feedback_given', feedback = 'told',
	feedback_on = resolved_on WHERE status = 'resolved';
UPDATE issue SET status = 'closed', closed_on = feedback_on
	WHERE status = 'feedback_given';
UPDATE issue SET status = 'closed_unresolved', closed_on = opened_on,
	promised_date = date('$today', '+' || (1 + id % 200) || ' days')
	WHERE id > $overdue AND id % 20 = 18;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
EOF
}

# time_once DB: run deadline-check on DB once; append "microseconds
# %e %M" to times.DB
time_once() {
	start=$(date +%s%N)
	status=0
	/usr/bin/time -f '%e %M' -o one \
		"$bin/deadline-check" -d "$1" --today $today -f csv >/dev/null ||
		status=$?
	end=$(date +%s%N)
	if [ $status -ne 1 ]; then
		echo "bench-deadline.sh: deadline-check on $1: exit status $status" >&2
		cat one >&2
		exit 1
	fi
	echo "$(( (end - start) / 1000 )) $(tail -n 1 one)" >>"times.$1"
}

# median DB: "median_ms median_e peak_kib" of times.DB (the medians of the
# millisecond clock and of %e; the largest %M)
median() {
	sort -n "times.$1" | awk '{ us[NR] = $1; e[NR] = $2; if ($3 > m) m = $3 }
		END { k = int((NR + 1) / 2); printf "%.1f %s %d\n", us[k] / 1000, e[k], m }'
}

# listed DB: how many rows deadline-check prints (without its header)
listed() {
	"$bin/deadline-check" -d "$1" --today $today -f csv | tail -n +2 | wc -l ||
		true
}

echo "deadline-check: $overdue overdue issues in a small and a large ledger, median of $runs runs"
echo "machine: $(uname -m), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
make_store small.db 10000
make_store large.db 1000000
for db in small.db large.db; do
	n=$(listed $db)
	if [ "$n" -ne $overdue ]; then
		echo "bench-deadline.sh: $db: $n items listed, not $overdue" >&2
		exit 1
	fi
done
# the runs on the two stores alternate, so that both meet the same load
: >times.small.db
: >times.large.db
i=0
while [ $i -lt "$runs" ]; do
	time_once small.db
	time_once large.db
	i=$((i + 1))
done
small=$(median small.db)
large=$(median large.db)
printf '%-10s %10s %8s %10s %10s %9s\n' store issues listed "ms" "%e s" "peak MiB"
set -- $small
printf '%-10s %10d %8d %10.1f %10.2f %9.1f\n' small 10000 $overdue "$1" "$2" \
	"$(awk -v k="$3" 'BEGIN { print k / 1024 }')"
small_ms=$1
set -- $large
printf '%-10s %10d %8d %10.1f %10.2f %9.1f\n' large 1000000 $overdue "$1" "$2" \
	"$(awk -v k="$3" 'BEGIN { print k / 1024 }')"
large_ms=$1
printf 'store sizes: small %s KiB, large %s KiB\n' \
	"$(( $(wc -c <small.db) / 1024 ))" "$(( $(wc -c <large.db) / 1024 ))"
awk -v s="$small_ms" -v l="$large_ms" 'BEGIN {
	r = l / s
	printf "ratio large / small: %.2f (target: at most 2): %s\n", r,
	    r <= 2 ? "met" : "NOT met"
	exit r > 2 }'
