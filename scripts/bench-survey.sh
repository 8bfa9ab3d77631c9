#!/bin/sh
# bench-survey.sh -- survey-tally's default tally beside Miller counting one question
#
# Usage: scripts/bench-survey.sh [-n responses] [-r runs] [-k]
#   -n N   responses to generate (default 1000000)
#   -r R   runs of each command, taken in turns; the median is reported (default 5)
#   -k     keep the scratch directory
# Generates N responses to 4 questions over 12 villages (scripts/gen-survey,
# fixed seed), then times, in the same run and in turns:
#   renke:  survey-tally responses.csv            (all four questions, by village)
#   anchor: mlr --icsv --ojson count -g village,q_cadre responses.csv
# and prints, for each: median seconds and median peak memory
# (/usr/bin/time -f %M), then the ratios.  The goal: survey-tally at least
# 5 times faster than Miller, with less than a twentieth of its memory.
# RENKE_THREADS, when set, is passed on to survey-tally (1 or 2 threads).
set -eu

n=1000000
runs=5
keep=0
while getopts n:r:k opt; do
	case $opt in
	n) n=$OPTARG ;;
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-n responses] [-r runs] [-k]" >&2; exit 64 ;;
	esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/bin
. "$top/scripts/bench-lib.sh"
have_mlr=1
command -v mlr >/dev/null 2>&1 || have_mlr=0
bench_start bench-survey.sh "$bin/survey-tally"

"$top/scripts/gen-survey" "$n" 1 >responses.csv

# one NAME COMMAND: run COMMAND once, append "seconds peak_kb" to NAME.times
one() {
	/usr/bin/time -f '%e %M' -o one.time sh -c "$2" >/dev/null 2>one.err || {
		echo "bench-survey.sh: $1 failed: $2" >&2
		cat one.err one.time >&2
		exit 1
	}
	tail -n 1 one.time >>"$1.times"
}

# median FILE COLUMN
median() {
	sort -n -k "$2" "$1" | awk -v c="$2" '{ v[NR] = $c }
		END { print v[int((NR + 1) / 2)] }'
}

: >renke.times
: >mlr.times
i=0
while [ $i -lt "$runs" ]; do
	one renke "$bin/survey-tally responses.csv"
	[ $have_mlr -eq 0 ] || one mlr "mlr --icsv --ojson count -g village,q_cadre responses.csv"
	i=$((i + 1))
done

rs=$(median renke.times 1)
rk=$(median renke.times 2)
echo "survey-tally benchmark: $n responses, 4 questions, 12 villages; median of $runs runs"
echo "survey-tally threads: ${RENKE_THREADS:-as the machine suggests (RENKE_THREADS unset)}"
echo "machine: $(uname -m), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d " " -f 1-3 /proc/loadavg)"
printf "%-52s %9s %10s\n" command seconds "peak MiB"
awk -v s="$rs" -v k="$rk" 'BEGIN { printf "%-52s %9.2f %10.1f\n", "survey-tally responses.csv", s, k / 1024 }'
if [ $have_mlr -eq 0 ]; then
	echo "(Miller is not installed: no anchor; scripts/install-deps.sh --bench)"
	exit 0
fi
ms=$(median mlr.times 1)
mk=$(median mlr.times 2)
awk -v s="$ms" -v k="$mk" 'BEGIN { printf "%-52s %9.2f %10.1f\n", "mlr --icsv --ojson count -g village,q_cadre", s, k / 1024 }'
awk -v rs="$rs" -v rk="$rk" -v ms="$ms" -v mk="$mk" 'BEGIN {
	speed = rs > 0 ? ms / rs : 0
	memory = rk > 0 ? mk / rk : 0
	printf "survey-tally is %.1f times faster (goal: 5) with 1/%.0f of the memory (goal: 1/20)\n", speed, memory
	exit !(speed >= 5 && memory >= 20)
}'
