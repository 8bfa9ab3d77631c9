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
if [ ! -x /usr/bin/time ]; then
	echo "bench.sh: GNU time (/usr/bin/time) is needed: scripts/install-deps.sh --bench" >&2
	exit 69
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/renke-bench.XXXXXX")
[ $keep -eq 1 ] || trap 'rm -rf "$work"' EXIT
cd "$work"

# measure NAME SETUP COMMAND: run SETUP then COMMAND $runs times; print
# "median_seconds peak_kb" of COMMAND
measure() {
	: >times
	i=0
	while [ $i -lt "$runs" ]; do
		sh -c "$2"
		/usr/bin/time -f '%e %M' -o one sh -c "$3" >/dev/null 2>&1 ||
			{ echo "bench.sh: $1 failed: $3" >&2; cat one >&2; exit 1; }
		tail -n 1 one >>times
		i=$((i + 1))
	done
	sort -n times | awk '{ t[NR] = $1; m[NR] = $2 }
		END { k = int((NR + 1) / 2); print t[k], m[k] }'
}

row() {	# row TASK RENKE ANCHOR
	set -- "$1" $2 $3
	awk -v task="$1" -v rs="$2" -v rk="$3" -v as="$4" 'BEGIN {
		printf "%-34s %9.2f %9.2f %7.2f %9.1f\n", task, rs, as,
		    (as > 0 ? rs / as : 0), rk / 1024 }'
}

echo "renke benchmarks: $n households, median of $runs runs"
echo "machine: $(uname -m), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
printf "%-34s %9s %9s %7s %9s\n" task "renke s" "anchor s" ratio "peak MiB"

"$top/scripts/gen-households" "$n" 1 >households.csv

# household-add against sqlite3 .import of the same CSV into a bare table
r=$(measure household-add 'rm -f r.db r.db-wal r.db-shm' \
	"$bin/household-add -q -d r.db households.csv")
if command -v sqlite3 >/dev/null; then
	a=$(measure sqlite3 'rm -f a.db' \
		"sqlite3 a.db -cmd '.mode csv' '.import households.csv households'")
else
	echo "(sqlite3 is not installed: no anchor for household-add)"
	a="0 0"
fi
row "household-add $n (vs .import)" "$r" "$a"
# a second import of the same file: nothing changes
r=$(measure household-add-again : "$bin/household-add -q -d r.db households.csv")
row "household-add again (vs .import)" "$r" "$a"
