#!/bin/sh
# bench-scorecard.sh -- report-gen over a county and a city of township stores
#
# Usage: scripts/bench-scorecard.sh [-t townships] [-c city] [-r runs] [-k]
#   -t T   township stores of the county (default 42, Yunyang's)
#   -c C   township stores of the city (default 1000; 0 skips the city)
#   -r R   timed runs of the county's, for medians (default 3)
#   -k     keep the scratch directory (its name is printed)
#
# One township store of 10,000 households, 30,000 visits and 3,000 issues
# is made by scripts/bench-report.sh (30 villages, the four milestones, the
# issues along their lifecycle, a survey round); the county and the city
# are hard links to it under distinct names (t0001.db ...), so that each
# is read as a township of its own.  Then:
#   county: report-gen scorecard over the T stores (a directory), against
#     the anchor, a shell loop running one sqlite3 query per store that
#     counts its visits per village; R runs of each, alternating, medians
#     (date +%s%N), and the medians of their CPU time (user and system, GNU
#     time), which a loaded machine stretches much less; target: under 2 s
#     and at most 3 times the anchor.
#   city: report-gen summary over the C stores (--stores FILE), its
#     seconds, processor time and peak memory (GNU time); targets: under 60 s, under
#     64 MiB.  Then the C stores as 25 counties, each's summary written
#     with -f json, combined by --from-rollup: the same csv as the C
#     stores read directly.
# Prints the figures; exits 1 when a target is missed.
set -eu

townships=42
city=1000
runs=3
keep=0
while getopts t:c:r:k opt; do
	case $opt in
	t) townships=$OPTARG ;;
	c) city=$OPTARG ;;
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-t townships] [-c city] [-r runs] [-k]" >&2; exit 64 ;;
	esac
done
for x in "$townships" "$city" "$runs"; do
	case $x in
	'' | *[!0-9]*) echo "bench-scorecard.sh: not a number: $x" >&2; exit 64 ;;
	esac
done
if [ "$townships" -lt 2 ] || [ "$runs" -lt 1 ]; then
	echo "bench-scorecard.sh: at least 2 townships and 1 run" >&2
	exit 64
fi
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
work=$(mktemp -d "${TMPDIR:-/tmp}/renke-bench-scorecard.XXXXXX")
if [ $keep -eq 1 ]; then
	echo "scratch directory: $work"
else
	trap 'rm -rf "$work"' EXIT
fi
trap 'exit 1' HUP INT TERM
cd "$work"
unset RENKE_DB
LC_ALL=C.UTF-8
export LC_ALL
today=2022-11-30
anchor="SELECT h.village_id, count(*) FROM visit v JOIN household h ON h.household_id = v.household_id GROUP BY h.village_id"

# one township store, as bench-report.sh makes it
TMPDIR=$work sh "$top/scripts/bench-report.sh" -n 10000 -v 30000 -i 3000 -r 1 -k \
	>township.log 2>&1
store=$(sed -n 's/^scratch directory: //p' township.log)/store.db
[ -f "$store" ] || { cat township.log >&2; exit 1; }

# links DIR FIRST N: N hard links to the store in DIR, tFIRST.db ...
links() {
	mkdir -p "$1"
	i=$2
	while [ "$i" -lt $(($2 + $3)) ]; do
		ln "$store" "$1/$(printf t%04d "$i").db"
		i=$((i + 1))
	done
}

# ms CPUFILE COMMAND...: its wall milliseconds on standard output, its CPU
# milliseconds (user and system, GNU time) appended to CPUFILE
ms() {
	f=$1
	shift
	s=$(date +%s%N)
	/usr/bin/time -f "%U %S" -o cpu.one "$@" >/dev/null
	e=$(date +%s%N)
	awk '{ printf "%d\n", ($1 + $2) * 1000 }' cpu.one >>"$f"
	echo $(((e - s) / 1000000))
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

anchor_loop='for db in county/*.db; do sqlite3 "$db" "$0"; done'

links county 1 "$townships"
"$bin/report-gen" -d county scorecard -f csv --today $today >/dev/null	# untimed
: >times.card
: >times.anchor
: >cpu.card
: >cpu.anchor
r=0
while [ $r -lt "$runs" ]; do
	ms cpu.card "$bin/report-gen" -d county scorecard -f csv --today $today >>times.card
	ms cpu.anchor sh -c "$anchor_loop" "$anchor" >>times.anchor
	r=$((r + 1))
done
card=$(median <times.card)
anch=$(median <times.anchor)
ratio=$(awk -v a="$card" -v b="$anch" 'BEGIN { printf "%.2f", a / b }')
met=0
echo "county of $townships stores: scorecard $card ms, anchor $anch ms, ratio $ratio (targets: < 2000 ms, <= 3)"
echo "  CPU (user + system): scorecard $(median <cpu.card) ms, anchor $(median <cpu.anchor) ms; $(uptime | sed 's/.*load/load/')"
awk -v c="$card" -v r="$ratio" 'BEGIN { exit !(c < 2000 && r <= 3) }' || met=1

if [ "$city" -gt 0 ]; then
	links city 1 "$city"
	ls city/*.db >city.list
	/usr/bin/time -f "%e %M %U %S" -o city.time "$bin/report-gen" --stores city.list \
		summary -f csv --today $today >city.csv
	read -r secs kib user sys <city.time
	echo "city of $city stores: summary $secs s, peak $((kib / 1024)) MiB (targets: < 60 s, < 64 MiB)"
	echo "  CPU (user + system): $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }') s; $(uptime | sed 's/.*load/load/')"
	awk -v s="$secs" -v k="$kib" 'BEGIN { exit !(s < 60 && k < 65536) }' || met=1
	# the same stores as 25 counties, their roll-ups combined
	per=$(((city + 24) / 25))
	k=0
	files=
	while [ $k -lt 25 ] && [ $((k * per)) -lt "$city" ]; do
		mkdir -p "c$k"
		n=$per
		[ $((k * per + n)) -le "$city" ] || n=$((city - k * per))
		sed -n "$((k * per + 1)),$((k * per + n))p" city.list >"c$k.list"
		"$bin/report-gen" --stores "c$k.list" summary -f json --today $today >"c$k.json"
		files="$files c$k.json"
		k=$((k + 1))
	done
	"$bin/report-gen" --from-rollup summary $files -f csv >rollup.csv
	if cmp -s city.csv rollup.csv; then
		echo "$k county roll-ups combined: the same $(wc -l <rollup.csv) lines as the $city stores"
	else
		echo "$k county roll-ups combined: NOT the same as the $city stores" >&2
		met=1
	fi
fi
exit $met
