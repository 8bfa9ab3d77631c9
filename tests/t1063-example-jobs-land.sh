#!/bin/sh
#
# The example township's industry-park jobs (examples/jobs.csv) and land
# transfers (examples/land.csv), written by scripts/gen-township and
# imported by make demo: read whole, with the cases report-gen assistance
# must tell apart (a job ended before the day and one starting after it,
# two people with a second job, a parcel ended and one not yet begun, a
# household with two parcels).  report-gen assistance on 1 December gives
# per village what the files say, counted here again from the files with
# awk, and the township's figures held: 10 people in a job earning 26,500
# yuan a month, 8 parcels of 18.07 mu.

. "$(dirname "$0")/lib.sh"

TODAY=2022-12-01

(
	RENKE_DB=$TRASH/example.db && export RENKE_DB &&
	household-add -q "$EXAMPLES/households.csv" &&
	member-add -q "$EXAMPLES/people.csv" &&
	support-log "$EXAMPLES/jobs.csv" "$EXAMPLES/land.csv" &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
) >"$TRASH/import.out" 2>&1 || { cat "$TRASH/import.out" >&2; exit 1; }

example() {
	cp "$TRASH/example.db" "$RENKE_DB"
}

test_case 'both files are read whole: nothing bad, nothing left out; make demo imports them' '
	n=$(($(example_rows jobs.csv) + $(example_rows land.csv))) &&
	echo "support-log: $n assistance records read: added $n, updated 0, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect "$TRASH/import.out" &&
	test "$(example_rows jobs.csv)" -ge 12 && test "$(example_rows land.csv)" -ge 8 &&
	grep -qx "support-log examples/jobs.csv examples/land.csv" "$EXAMPLES/demo.sh"
'

test_case 'scripts/gen-township writes the example as it is, the jobs and land included' '
	mkdir gen && cp "$EXAMPLES/visits.csv" gen/ &&
	sh "$TOP/scripts/gen-township" gen &&
	for f in households.csv people.csv roster.csv assignments.csv support.csv \
		returnees.csv care.csv jobs.csv land.csv; do
		cmp "$EXAMPLES/$f" "gen/$f" || return 1
	done
'

test_case 'the files hold the edges: ended before the day, begun after it, a second job, two parcels' '
	awk -F, -v day=$TODAY "
		FNR == 1 { next }
		\$6 != \"\" && \$6 < day { ended[FILENAME]++ }
		\$3 > day { later[FILENAME]++ }
		{ n[FILENAME, \$2]++; if (n[FILENAME, \$2] == 2) twice[FILENAME]++ }
		END {
			for (f in ended) print f, \"ended\", ended[f]
			for (f in later) print f, \"later\", later[f]
			for (f in twice) print f, \"twice\", twice[f]
		}" "$EXAMPLES/jobs.csv" "$EXAMPLES/land.csv" | sed "s|.*/||" | sort >actual &&
	cat >expect <<-\EOT &&
	jobs.csv ended 1
	jobs.csv later 1
	jobs.csv twice 2
	land.csv ended 1
	land.csv later 1
	land.csv twice 1
	EOT
	test_cmp expect actual
'

test_case 'report-gen assistance on 1 December: per village what the files say' '
	example &&
	report-gen --today $TODAY assistance -f csv >out &&
	{ field jobs_held out >a; field job_income out >b; field land_parcels out >c; field land_mu out >d; } &&
	paste -d, a b c d | cut -d, -f1,2,4,6,8 >actual &&
	iconv -f GB18030 -t UTF-8 "$EXAMPLES/households.csv" | tr -d "\r" >households.csv &&
	awk -F, -v day=$TODAY "
		FILENAME ~ /households\.csv$/ { if (FNR > 1) { at[\$1] = \$5; if (!(\$5 in seen)) { seen[\$5] = 1; order[++nv] = \$5 } }; next }
		FILENAME ~ /people\.csv$/ { home[\$1] = at[\$2]; next }
		FNR == 1 || \$3 > day || (\$6 != \"\" && \$6 < day) { next }
		FILENAME ~ /jobs\.csv$/ { v = home[\$2]; if (!((\$2) in held)) { held[\$2] = 1; jobs[v]++ } income[v] += \$7; next }
		FILENAME ~ /land\.csv$/ { v = home[\$2]; parcels[v]++; split(\$8, m, \".\"); mu[v] += m[1] * 100 + m[2] }
		END {
			for (i = 1; i <= nv; i++) {
				v = order[i]
				printf \"%s,%d,%d,%d,%d.%02d\n\", v, jobs[v], income[v], parcels[v], int(mu[v] / 100), mu[v] % 100
				tj += jobs[v]; ti += income[v]; tp += parcels[v]; tm += mu[v]
			}
			printf \"*,%d,%d,%d,%d.%02d\n\", tj, ti, tp, int(tm / 100), tm % 100
		}" households.csv "$EXAMPLES/people.csv" "$EXAMPLES/jobs.csv" "$EXAMPLES/land.csv" >expect &&
	test_cmp expect actual &&
	grep -qx "\*,10,26500,8,18.07" actual &&
	test "$(grep -c ",0,0,0,0.00$" actual)" -le 2
'

test_case 'zh_CN: the township row of the table, in the example' '
	example && zh_locale &&
	report-gen --today $TODAY assistance -f table >out &&
	grep "^合计 " out | tr -s " " | cut -d " " -f 9-12 >actual &&
	echo "10 26500 8 18.07" >expect &&
	test_cmp expect actual
'

test_done
