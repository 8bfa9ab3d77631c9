#!/bin/sh
# bench-members.sh -- member-add beside its anchor; print the medians
#
# Usage: scripts/bench-members.sh [-n households] [-p people] [-r runs] [-k]
#   -n N   households to generate (default 1000000)
#   -p P   people in each (default 3: 3,000,000 members over them)
#   -r R   runs of each command; the median is reported (default 3)
#   -k     keep the scratch directory
# Prints one row per task: task, renke seconds, anchor seconds, ratio
# (renke / anchor; below 1 is faster), renke peak memory.  The anchor of
# an import is sqlite3 .import of the same CSV into a bare table of a new
# database; that of report-gen assistance over the store (target: under
# 1 s), sqlite3 counting the tagged people of each village.
# Needs GNU time (/usr/bin/time) and sqlite3.
set -eu

n=1000000
p=3
runs=3
keep=0
while getopts n:p:r:k opt; do
	case $opt in
	n) n=$OPTARG ;;
	p) p=$OPTARG ;;
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-n households] [-p people] [-r runs] [-k]" >&2; exit 64 ;;
	esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
. "$top/scripts/bench-lib.sh"
bench_start bench-members.sh sqlite3

# households of p people each, so that their counts stand as they are
"$top/scripts/gen-households" "$n" 1 |
	awk -F, -v OFS=, -v p="$p" 'NR > 1 { $8 = p } { print }' >households.csv
"$top/scripts/gen-members" households.csv >members.csv
m=$(($(wc -l <members.csv) - 1))

bench_header "renke member benchmarks: $m members over $n households, median of $runs runs"

"$bin/household-add" -q -d base.db households.csv
# one file, no write-ahead log left beside it: every run starts the same
sqlite3 base.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
fresh='rm -f r.db r.db-wal r.db-shm && cp base.db r.db'
add="$bin/member-add -q -d r.db"

anchor="sqlite3 a.db -cmd '.mode csv' '.import members.csv members'"
pair_row "member-add $m (vs .import)" "$(pair member-add "$fresh" "$add members.csv")"

# the same file again: nothing is added, nothing changes
sh -c "$fresh && $add members.csv"
before=$(sqlite3 r.db 'SELECT count(*) FROM member')
pair_row "member-add again (vs .import)" "$(pair member-add-again : "$add members.csv")"
after=$(sqlite3 r.db 'SELECT count(*) FROM member')
[ "$before" -eq "$after" ] || echo "(the second import added $((after - before)) members)"

# the assistance report over the store the members went into
anchor="sqlite3 r.db \"SELECT h.village_id, count(*) FROM member m JOIN household h ON h.household_id = m.household_id WHERE m.tags <> '' GROUP BY h.village_id\""
pair_row "report-gen assistance (vs sqlite3)" "$(pair assistance : "$bin/report-gen -d r.db --today 2022-12-01 assistance -f csv")"
bench_load
