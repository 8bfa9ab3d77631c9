# bench-lib.sh -- what the benchmark scripts share: set-up, runs, medians, rows; sourced
#
# The script that sources it sets top (the source tree), keep (1 to keep
# the scratch directory), runs (how many runs of each command) and, for
# pair, anchor (the command each is measured beside), then calls
# bench_start.

# bench_start NAME [TOOL...]: NAME (bench-x.sh) in messages; exit 69 unless
# GNU time and every TOOL (a command on PATH or an executable path) are
# there; then into a new scratch directory, removed at exit unless $keep
# (then its name is printed: "scratch directory: DIR")
bench_start() {
	bench=$1
	shift
	if [ ! -x /usr/bin/time ]; then
		echo "$bench: GNU time (/usr/bin/time) is needed: scripts/install-deps.sh --bench" >&2
		exit 69
	fi
	for tool in "$@"; do
		command -v "$tool" >/dev/null 2>&1 || {
			echo "$bench: $tool is needed and is not there (make all builds renke's)" >&2
			exit 69
		}
	done
	work=$(mktemp -d "${TMPDIR:-/tmp}/renke-${bench%.sh}.XXXXXX")
	if [ "$keep" -eq 1 ]; then
		echo "scratch directory: $work"
	else
		trap 'rm -rf "$work"' EXIT
	fi
	cd "$work"
}

# bench_header TITLE: TITLE, the machine, the column headings of row
bench_header() {
	echo "$1"
	echo "machine: $(uname -m), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
	bench_load
	printf "%-36s %9s %9s %7s %9s %9s %9s\n" task "renke s" "anchor s" ratio \
	    "peak MiB" "renke cpu" "anch. cpu"
}

# bench_load: the load average now (other work on the machine slows both sides)
bench_load() {
	echo "load: $(cut -d ' ' -f 1-3 /proc/loadavg)"
}

# measure NAME SETUP COMMAND: run SETUP then COMMAND $runs times; print
# "median_seconds peak_kb" of COMMAND
measure() {
	: >times
	i=0
	while [ $i -lt "$runs" ]; do
		sh -c "$2"
		/usr/bin/time -f '%e %M' -o one sh -c "$3" >/dev/null 2>&1 ||
			{ echo "$bench: $1 failed: $3" >&2; cat one >&2; exit 1; }
		tail -n 1 one >>times
		i=$((i + 1))
	done
	sort -n times | awk '{ t[NR] = $1; m[NR] = $2 }
		END { k = int((NR + 1) / 2); print t[k], m[k] }'
}

row() {	# row TASK RENKE ANCHOR
	set -- "$1" $2 $3
	awk -v task="$1" -v rs="$2" -v rk="$3" -v as="$4" 'BEGIN {
		printf "%-36s %9.2f %9.2f %7.2f %9.1f\n", task, rs, as,
		    (as > 0 ? rs / as : 0), rk / 1024 }'
}

# pair NAME SETUP COMMAND: as measure, with the anchor's runs taken in
# turn with the command's, so that a machine busy with something else
# slows both alike, and each begun once what the other wrote is on disk
# (sync), so that neither pays for the other's writing back; prints "renke_seconds renke_kb anchor_seconds anchor_kb
# renke_cpu anchor_cpu", each the median of its runs (cpu: user + system
# seconds)
pair() {
	: >times.r
	: >times.a
	i=0
	while [ $i -lt "$runs" ]; do
		rm -f a.db
		sync
		/usr/bin/time -f '%e %M %U %S' -o one sh -c "$anchor" >/dev/null 2>&1 ||
			{ echo "$bench: the anchor failed" >&2; cat one >&2; exit 1; }
		tail -n 1 one >>times.a
		sh -c "$2"
		sync
		/usr/bin/time -f '%e %M %U %S' -o one sh -c "$3" >/dev/null 2>&1 ||
			{ echo "$bench: $1 failed: $3" >&2; cat one >&2; exit 1; }
		tail -n 1 one >>times.r
		i=$((i + 1))
	done
	for f in times.r times.a; do
		sort -n $f | awk '{ t[NR] = $1; m[NR] = $2 }
			END { k = int((NR + 1) / 2); printf "%s %s ", t[k], m[k] }'
	done
	for f in times.r times.a; do
		awk '{ print $3 + $4 }' $f | sort -n | awk '{ c[NR] = $1 }
			END { printf "%s ", c[int((NR + 1) / 2)] }'
	done
	echo
}

# pair_row TASK "RS RK AS AK RC AC": row, and the processor seconds of each
pair_row() {
	set -- "$1" $2
	printf "%s %9.2f %9.2f\n" "$(row "$1" "$2 $3" "$4 $5")" "$6" "$7"
}

