#!/bin/sh
# bench-xlsx.sh -- household-add from a workbook, beside the same data as CSV and in2csv
#
# Usage: scripts/bench-xlsx.sh [-n households] [-r runs] [-k] [-s]
#   -n N   households (default 1000000)
#   -r R   runs of each command, taking turns; the median is reported (default 3)
#   -k     keep the scratch directory
#   -s     leave out in2csv (at 1,000,000 rows it takes minutes a run)
# The workbook is made once from generated households, as Excel saves a
# roster (scripts/gen-workbook --excel: a title row above the header, every
# string a shared string, cell styles, every cell with its reference), and
# the CSV is the same records as household-list writes them.  Then in
# turns: household-add from the CSV, household-add from the workbook, and
# csvkit's in2csv converting the workbook alone (skipped, saying so, when
# it is not installed).  Prints seconds and peak memory of each, and the
# two ratios the targets are set on: workbook/CSV (target at most 1.5) and
# in2csv/workbook (target at least 10).
set -eu

n=1000000
runs=3
keep=0
skip_in2csv=0
while getopts n:r:ks opt; do
	case $opt in
	n) n=$OPTARG ;;
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	s) skip_in2csv=1 ;;
	*) echo "usage: $0 [-n households] [-r runs] [-k] [-s]" >&2; exit 64 ;;
	esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
. "$top/scripts/bench-lib.sh"
bench_start bench-xlsx.sh "$bin/household-add" "$bin/household-list"

"$top/scripts/gen-households" "$n" 1 >gen.csv
"$bin/household-add" -q -d made.db gen.csv
# the same records both ways: the workbook from the CSV household-list gives
"$bin/household-list" -d made.db -f csv --reveal >households.csv
"$top/scripts/gen-workbook" --excel households.csv households.xlsx
rm -f made.db made.db-wal made.db-shm

# measure_turns NAME:SETUP:COMMAND...: run each command after its setup,
# in turns, $runs times; print "name median_seconds peak_kb user_seconds"
# for each (the medians of each column)
measure_turns() {
	i=0
	while [ $i -lt "$runs" ]; do
		for spec in "$@"; do
			name=${spec%%:*}
			rest=${spec#*:}
			setup=${rest%%:*}
			command=${rest#*:}
			sh -c "$setup"
			/usr/bin/time -f '%e %M %U' -o one sh -c "$command" >/dev/null 2>&1 ||
				{ echo "bench-xlsx.sh: failed: $command" >&2; cat one >&2; exit 1; }
			tail -n 1 one >>"times.$name"
		done
		i=$((i + 1))
	done
	for spec in "$@"; do
		name=${spec%%:*}
		printf "%s" "$name"
		for column in 1 2 3; do
			printf " %s" "$(cut -d ' ' -f $column "times.$name" | sort -n |
				awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
		done
		echo
	done
}

fresh='rm -f r.db r.db-wal r.db-shm'
set -- "csv:$fresh:$bin/household-add -q -d r.db households.csv" \
	"xlsx:$fresh:$bin/household-add -q -d r.db households.xlsx"
if [ "$skip_in2csv" = 1 ]; then
	echo "(in2csv left out: -s)"
elif command -v in2csv >/dev/null; then
	set -- "$@" "in2csv::in2csv households.xlsx"
else
	echo "(csvkit is not installed: no in2csv anchor; scripts/install-deps.sh --bench)"
fi
measure_turns "$@" >results

bench_header "household-add from a workbook: $n households, median of $runs runs taken in turns"
awk '{ s[$1] = $2; m[$1] = $3; u[$1] = $4 }
	function line(task, a) {
		printf "%-36s %9.2f %9.2f %7.2f %9.1f\n", task, s["xlsx"], s[a],
		    (s[a] > 0 ? s["xlsx"] / s[a] : 0), m["xlsx"] / 1024
	}
	END {
		line("household-add .xlsx (vs CSV)", "csv")
		if ("in2csv" in s)
			line("household-add .xlsx (vs in2csv)", "in2csv")
		printf "peak MiB: household-add from CSV %.1f", m["csv"] / 1024
		if ("in2csv" in s)
			printf ", in2csv %.1f", m["in2csv"] / 1024
		printf "\nuser CPU s: household-add from CSV %.2f, from .xlsx %.2f", u["csv"], u["xlsx"]
		if ("in2csv" in s)
			printf ", in2csv %.2f", u["in2csv"]
		printf "\nworkbook / CSV: %.2f (target at most 1.5)\n", s["xlsx"] / s["csv"]
		if ("in2csv" in s)
			printf "in2csv / workbook: %.1f (target at least 10)\n", s["in2csv"] / s["xlsx"]
	}' results
echo "load $(cut -d' ' -f1-3 /proc/loadavg); workbook: $(wc -c <households.xlsx) bytes; CSV: $(wc -c <households.csv) bytes"
