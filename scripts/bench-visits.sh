#!/bin/sh
# bench-visits.sh -- visit-log beside its anchor; print the medians
#
# Usage: scripts/bench-visits.sh [-n households] [-v visits] [-r runs] [-k]
#   -n N   households to generate (default 300000)
#   -v V   visits to generate over them (default 1000000)
#   -r R   runs of each command; the median is reported (default 3)
#   -k     keep the scratch directory
# Prints one row per task: task, renke seconds, anchor seconds, ratio
# (renke / anchor; below 1 is faster), renke peak memory.  The anchor of
# an import is sqlite3 .import of the same CSV into a bare table of a new
# database; coverage has no anchor (the target is under a second).  Needs
# GNU time (/usr/bin/time) and sqlite3.
set -eu

n=300000
v=1000000
runs=3
keep=0
while getopts n:v:r:k opt; do
	case $opt in
	n) n=$OPTARG ;;
	v) v=$OPTARG ;;
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-n households] [-v visits] [-r runs] [-k]" >&2; exit 64 ;;
	esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
. "$top/scripts/bench-lib.sh"
bench_start bench-visits.sh sqlite3

bench_header "renke visit benchmarks: $v visits over $n households, median of $runs runs"

"$top/scripts/gen-households" "$n" 1 >households.csv
"$top/scripts/gen-visits" -n "$v" households.csv >visits.csv
"$top/scripts/gen-visits" -r -n "$v" households.csv >shuffled.csv
"$bin/household-add" -q -d base.db households.csv
"$bin/milestone-add" -q -d base.db "$top/examples/milestones.csv"
# one file, no write-ahead log left beside it: every run starts the same
sqlite3 base.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
fresh='rm -f r.db r.db-wal r.db-shm && cp base.db r.db'
log="$bin/visit-log -q -d r.db --today 2023-03-01"

anchor="sqlite3 a.db -cmd '.mode csv' '.import visits.csv visits'"
pair_row "visit-log $v (vs .import)" "$(pair visit-log "$fresh" "$log visits.csv")"

# the same file again: nothing is added, nothing changes
sh -c "$fresh && $log visits.csv"
before=$(sqlite3 r.db 'SELECT count(*) FROM visit')
pair_row "visit-log again (vs .import)" "$(pair visit-log-again : "$log visits.csv")"
after=$(sqlite3 r.db 'SELECT count(*) FROM visit')
[ "$before" -eq "$after" ] || echo "(the second import added $((after - before)) visits)"

# the visits in random order rather than household by household
pair_row "visit-log shuffled (vs .import)" "$(pair visit-log-shuffled "$fresh" "$log shuffled.csv")"

# coverage of one milestone, and of all four, over the store
sh -c "$fresh && $log visits.csv"
r=$(measure coverage : "$bin/visit-log -d r.db -f csv --coverage --milestone 2022-11-01")
row "coverage of one milestone" "$r" "0 0"
r=$(measure coverage-all : "$bin/visit-log -d r.db -f csv --coverage")
row "coverage of four milestones" "$r" "0 0"
r=$(measure coverage-missing : "$bin/visit-log -d r.db -f csv --coverage --missing --milestone 2022-11-01")
row "missing households of one milestone" "$r" "0 0"
