#!/bin/sh
# bench-ledger-xlsx.sh -- report-gen writing the issues ledger as a workbook, beside the same ledger as CSV
#
# Usage: scripts/bench-ledger-xlsx.sh [-i issues] [-r runs] [-k]
#   -i I   issues in the ledger (default 1000000)
#   -r R   runs of each command, taking turns; the median is reported (default 3)
#   -k     keep the scratch directory
# The store is the one scripts/bench-report.sh makes (240 households, I
# issues along their lifecycle).  Then, in turns, R runs of
#   report-gen issues -f csv >ledger.csv            (the anchor)
#   report-gen issues -f xlsx -o ledger.xlsx
# each timed by GNU time (seconds and peak memory), and the workbook again
# for the issues opened in the first 15 of the 150 days (a tenth of them),
# to show that memory does not grow with the rows.  Prints the medians and
# the ratio workbook / CSV; the target is under 2.  Needs GNU time and
# sqlite3.
set -eu

issues=1000000
runs=3
keep=0
while getopts i:r:k opt; do
	case $opt in
	i) issues=$OPTARG ;;
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-i issues] [-r runs] [-k]" >&2; exit 64 ;;
	esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
. "$top/scripts/bench-lib.sh"
bench_start bench-ledger-xlsx.sh sqlite3 "$bin/report-gen"

# the store of bench-report.sh, kept (its own figures are not ours)
sh "$top/scripts/bench-report.sh" -n 240 -v 1 -i "$issues" -r 1 -k >made 2>&1 || true
store=$(sed -n 's/^scratch directory: //p' made)/store.db
if [ ! -s "$store" ]; then
	echo "bench-ledger-xlsx.sh: scripts/bench-report.sh made no store:" >&2
	cat made >&2
	exit 1
fi
trap 'rm -rf "$work" "$(dirname "$store")"' EXIT
[ "$keep" -eq 0 ] || trap - EXIT
ledger="$bin/report-gen -d $store --today 2022-11-30 issues"

bench_header "report-gen issues: $issues issues as a workbook beside CSV, median of $runs runs taken in turns"
anchor="$ledger -f csv >ledger.csv"
pair_row "issues -f xlsx (vs -f csv)" "$(pair ledger : "$ledger -f xlsx -o ledger.xlsx")"
rows=$(($(wc -l <ledger.csv) - 1))
anchor="$ledger --until 2022-07-15 -f csv >tenth.csv"
pair_row "a tenth of them (vs -f csv)" "$(pair tenth : "$ledger --until 2022-07-15 -f xlsx -o tenth.xlsx")"
echo "rows: $rows and $(($(wc -l <tenth.csv) - 1)); workbook: $(wc -c <ledger.xlsx) bytes; CSV: $(wc -c <ledger.csv) bytes"
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg)"
