#!/bin/sh
# bench.sh -- run each benchmark beside its anchor; print the medians
#
# Usage: scripts/bench.sh [-n households] [-r runs] [-k]
#   -n N   households to generate (default 1000000)
#   -r R   runs of each command; the median is reported (default 3)
#   -k     keep the scratch directory
# Prints one row per task: task, renke seconds, anchor seconds, ratio
# (renke / anchor; below 1 is faster), renke peak memory.  Needs GNU time
# (/usr/bin/time); an anchor that is not installed is skipped, saying so.
set -eu

n=1000000
runs=3
keep=0
while getopts n:r:k opt; do
	case $opt in
	n) n=$OPTARG ;;
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-n households] [-r runs] [-k]" >&2; exit 64 ;;
	esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
. "$top/scripts/bench-lib.sh"
bench_start bench.sh

# measure_pair SETUP_A COMMAND_A SETUP_B COMMAND_B: run A and B in turn,
# $runs times each, so that a machine shared with other work slows both
# alike; print "median_seconds peak_kb" of A, then of B, a line each
measure_pair() {
	: >times.a
	: >times.b
	i=0
	while [ $i -lt "$runs" ]; do
		for x in a b; do
			if [ $x = a ]; then setup=$1 command=$2; else setup=$3 command=$4; fi
			sh -c "$setup"
			/usr/bin/time -f '%e %M' -o one sh -c "$command" >/dev/null 2>&1 ||
				{ echo "bench.sh: failed: $command" >&2; cat one >&2; exit 1; }
			tail -n 1 one >>times.$x
		done
		i=$((i + 1))
	done
	for x in a b; do
		sort -n times.$x | awk '{ t[NR] = $1; m[NR] = $2 }
			END { k = int((NR + 1) / 2); print t[k], m[k] }'
	done
}


bench_header "renke benchmarks: $n households, median of $runs runs"

"$top/scripts/gen-households" "$n" 1 >households.csv

# household-add against sqlite3 .import of the same CSV into a bare table,
# the runs of the two taking turns
anchor="sqlite3 a.db -cmd '.mode csv' '.import households.csv households'"
if ! command -v sqlite3 >/dev/null; then
	echo "(sqlite3 is not installed: no anchor for household-add)"
	anchor=:
fi
both=$(measure_pair 'rm -f r.db r.db-wal r.db-shm' \
	"$bin/household-add -q -d r.db households.csv" 'rm -f a.db' "$anchor") || exit 1
row "household-add $n (vs .import)" "$(echo "$both" | sed -n 1p)" \
	"$(echo "$both" | sed -n 2p)"
# a second import of the same file: nothing changes
both=$(measure_pair : "$bin/household-add -q -d r.db households.csv" \
	'rm -f a.db' "$anchor") || exit 1
row "household-add again (vs .import)" "$(echo "$both" | sed -n 1p)" \
	"$(echo "$both" | sed -n 2p)"

# issue-add of one issue from options, as a shell loop calls it, against a
# bare sqlite3 insert of one row: per call, over 200 calls
calls=200
rm -f l.db l.db-wal l.db-shm
"$bin/household-add" -q -d l.db "$top/examples/households.csv"
sqlite3 l.db "CREATE TABLE bare (title TEXT, owner TEXT, village TEXT)"
loop_issue() {
	i=0
	while [ $i -lt $calls ]; do
		"$bin/issue-add" -q -d l.db --today 2022-11-05 --title "问题$1-$i" \
			--owner 张书记 --village 后叶村 >/dev/null || exit 1
		i=$((i + 1))
	done
}
loop_sqlite() {
	i=0
	while [ $i -lt $calls ]; do
		sqlite3 l.db "INSERT INTO bare VALUES ('问题$1-$i', '张书记', '后叶村')" ||
			exit 1
		i=$((i + 1))
	done
}
: >issue.times
: >sqlite.times
r=0
while [ $r -lt "$runs" ]; do
	start=$(date +%s%N); loop_issue "$r"; end=$(date +%s%N)
	echo "$(( (end - start) / calls / 1000 ))" >>issue.times
	start=$(date +%s%N); loop_sqlite "$r"; end=$(date +%s%N)
	echo "$(( (end - start) / calls / 1000 ))" >>sqlite.times
	r=$((r + 1))
done
ri=$(sort -n issue.times | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
rs=$(sort -n sqlite.times | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
peak=$(/usr/bin/time -f '%M' "$bin/issue-add" -q -d l.db --today 2022-11-05 \
	--title peak --owner 张书记 --village 后叶村 2>&1 >/dev/null | tail -n 1)
awk -v a="$ri" -v b="$rs" -v m="$peak" 'BEGIN {
	printf "%-36s %9.4f %9.4f %7.2f %9.1f\n", "issue-add one row (per call, s)",
	    a / 1e6, b / 1e6, (b > 0 ? a / b : 0), m / 1024 }'

# the other benchmarks, each beside its own anchor
for b in bench-visits.sh bench-survey.sh bench-deadline.sh bench-report.sh bench-xlsx.sh; do
	if [ -x "$top/scripts/$b" ] || [ -f "$top/scripts/$b" ]; then
		echo
		echo "== scripts/$b"
		sh "$top/scripts/$b" || echo "(scripts/$b failed)"
	fi
done
