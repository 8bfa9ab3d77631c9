#!/bin/sh
# t0701-report-rollup.sh -- report-gen -d given several times: the county roll-up
#
# The example township is split in two: 甲镇 (后叶村, 双河村, 红狮村; a store
# named jia.db whose meta says "township" = 甲镇) and 乙镇 (the other six
# villages; a store 乙镇.db without a name, so its file name is taken).
# Each holds its households, the four visit milestones, its visits and its
# part of the survey saved as a round; 甲镇 also the life of the ledger
# (examples/ledger-life.sh) and 乙镇 one issue resolved in four days.

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
SUMMARY_HEADER=township,village,households,members,lifted,monitored,minimum_allowance,serious_illness,extreme_poverty,ordinary,coverage_2022-11-01,coverage_2022-11-08,coverage_2022-11-18,coverage_2023-02-18,issues_opened,issues_repeated,issues_resolved,issues_fed_back,issues_closed,issues_overdue,median_days_to_resolve,extensions,meetings_held,meetings_required,recognition_n,recognition_rate,recognition_ci_low,recognition_ci_high,vote,issues_due,issues_on_time,on_time_rate,callbacks_reached,callbacks_satisfied,callback_rate,disputes,disputes_settled,settled_rate,cases_opened,cases_checked,cases_posted,cases_decided,rules_in_force,rules_households,rules_delivered,recognition_yes,coverage_due_2022-11-01,coverage_visited_2022-11-01,coverage_late_2022-11-01,coverage_pending_2022-11-01,coverage_due_2022-11-08,coverage_visited_2022-11-08,coverage_late_2022-11-08,coverage_pending_2022-11-08,coverage_due_2022-11-18,coverage_visited_2022-11-18,coverage_late_2022-11-18,coverage_pending_2022-11-18,coverage_due_2023-02-18,coverage_visited_2023-02-18,coverage_late_2023-02-18,coverage_pending_2023-02-18,days_to_resolve,representatives_required,representatives_held,courtyard_required,courtyard_held,briefings_required,briefings_held,assemblies_required,assemblies_held,policy_n,policy_aware,rules_required,rules_done,models,boards_posted,representatives_late,courtyard_late,briefings_late,assemblies_late,rules_late,misconduct_referred,misconduct_closed,representatives_suggestions,representatives_answered,courtyard_suggestions,courtyard_answered,posts_placed,jobs_placed,land_placed,loans_approved,care_required,care_done,care_late,care_due,care_visited,care_pending,representatives_pending,courtyard_pending,briefings_pending,assemblies_pending,rules_pending
JIA="后叶村|双河村|红狮村"
export TODAY JIA

# split FILE COLUMN: FILE (GB18030 or UTF-8) as UTF-8 in jia.FILE and yi.FILE
# by the village in COLUMN
split() {
	if iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; then
		tr -d "\r" <"$1"
	else
		iconv -f GB18030 -t UTF-8 "$1" | tr -d "\r"
	fi >all.csv &&
	awk -F, -v c="$2" -v jia="^($JIA)\$" "NR == 1 || \$c ~ jia" all.csv >jia.$(basename "$1") &&
	awk -F, -v c="$2" -v jia="^($JIA)\$" "NR == 1 || \$c !~ jia" all.csv >yi.$(basename "$1")
}

# county: the two townships' stores, jia.db (named 甲镇) and 乙镇.db, and
# the files they were made of, built once in $TRASH/county and copied
county() {
	if [ ! -f "$TRASH/county/done" ]; then
		rm -rf "$TRASH/county" && mkdir "$TRASH/county" &&
		(cd "$TRASH/county" && county_build &&
			for db in jia.db 乙镇.db; do
				sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
				rm -f "$db-wal" "$db-shm" || exit 1
			done) &&
		: >"$TRASH/county/done" || return 1
	fi
	cp "$TRASH/county"/* . && rm -f done
}

county_build() {
	split "$EXAMPLES/households.csv" 5 &&
	split "$EXAMPLES/survey.csv" 2 &&
	head -n 1 "$EXAMPLES/visits.csv" >jia.visits.csv &&
	cp jia.visits.csv yi.visits.csv &&
	grep "^HY0[123]" "$EXAMPLES/visits.csv" >>jia.visits.csv &&
	grep "^HY0[4-9]" "$EXAMPLES/visits.csv" >>yi.visits.csv &&
	for town in jia:jia.db yi:乙镇.db; do
		prefix=${town%%:*} db=${town#*:} &&
		household-add -q -d "$db" $prefix.households.csv &&
		milestone-add -q -d "$db" "$EXAMPLES/milestones.csv" &&
		visit-log -q -d "$db" $prefix.visits.csv &&
		survey-tally -q -d "$db" --save 2022-11 --today 2022-11-28 \
			$prefix.survey.csv >/dev/null || return 1
	done &&
	sqlite3 jia.db "INSERT INTO meta VALUES (${SQ}township${SQ}, ${SQ}甲镇${SQ})" &&
	RENKE_DB=$PWD/jia.db sh "$EXAMPLES/ledger-life.sh" >ledger-life.log 2>&1 &&
	issue-add -q -d 乙镇.db --today 2022-11-20 --title 自来水停水 --owner 王强 \
		--household HY0501004 --category 饮水 -f csv >/dev/null &&
	issue-update -q -d 乙镇.db --today 2022-11-24 --id 1 --status resolved \
		--resolution 已修复 -f csv >/dev/null
}

# lines LINE...: each LINE on a line of its own
lines() {
	printf '%s\n' "$@"
}

# check_table FILE: every column starts at the same display column on
# every line, a Chinese character counting as two
cat >"$TRASH/check-table.py" <<\EOF
import sys, unicodedata

def width(ch):
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1

lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "", "output does not end with a newline"
lines = lines[:-1]
rule = lines[1]
assert set(rule) <= set("- "), "second line is not the rule: %r" % rule
starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
bad = 0
for n, line in enumerate(lines, 1):
    at, w = {}, 0
    for ch in line:
        at[w] = ch
        w += width(ch)
    if w > len(rule) or line != line.rstrip():
        print("line %d: wider than the rule or trailing blanks: %s" % (n, line))
        bad += 1
        continue
    for s in starts[1:]:
        if w <= s - 2:
            break
        if at.get(s - 2) != " " or at.get(s - 1) != " " or s not in at:
            print("line %d: no column starts at display column %d: %s" % (n, s, line))
            bad += 1
            break
sys.exit(1 if bad else 0)
EOF

check_table() {
	python3 "$TRASH/check-table.py" "$1"
}

# display_cut N FILE: each line of FILE cut after N display columns (a
# Chinese character counting as two), trailing blanks dropped
cat >"$TRASH/display-cut.py" <<\EOF
import sys, unicodedata
n = int(sys.argv[1])
for line in open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]:
    out, at = "", 0
    for ch in line:
        at += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if at > n:
            break
        out += ch
    print(out.rstrip())
EOF

display_cut() {
	python3 "$TRASH/display-cut.py" "$@"
}

# Wilson 95% interval, 4 decimals
cat >"$TRASH/wilson.py" <<\EOF
import math
Z = 1.959963984540054

def wilson(yes, n):
    p = yes / n
    z2 = Z * Z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return "%.4f" % p, "%.4f" % (centre - half), "%.4f" % (centre + half)
EOF
PYTHONPATH=$TRASH
export PYTHONPATH

test_case 'county summary: a township column, each township and its total, the county total' '
	county &&
	report-gen -d jia.db -d 乙镇.db summary -f csv --today $TODAY >out &&
	head -n 1 out >actual &&
	echo "$SUMMARY_HEADER" >expect &&
	test_cmp expect actual &&
	cut -d , -f 1,2 out >actual &&
	lines township,village 甲镇,后叶村 甲镇,双河村 甲镇,红狮村 "甲镇,*" \
		乙镇,高峰社区 乙镇,石门村 乙镇,龙洞村 乙镇,新田村 乙镇,桂花村 乙镇,凉水村 \
		"乙镇,*" "*,*" >expect &&
	test_cmp expect actual
'

test_case 'county summary: every total row is the sum of the rows it totals' '
	county &&
	report-gen -d jia.db -d 乙镇.db summary -f csv --today $TODAY >out &&
	python3 -c "
import csv
rows = list(csv.DictReader(open(\"out\", encoding=\"utf-8\")))
counts = [\"households\", \"members\", \"lifted\", \"monitored\", \"minimum_allowance\",
    \"serious_illness\", \"extreme_poverty\", \"ordinary\", \"issues_opened\", \"issues_repeated\",
    \"issues_resolved\", \"issues_fed_back\", \"issues_closed\", \"issues_overdue\",
    \"extensions\", \"meetings_held\", \"meetings_required\", \"recognition_n\"]
bad = 0
def check(what, total, parts):
    global bad
    for c in counts:
        want = sum(int(p[c]) for p in parts)
        if int(total[c]) != want:
            print(what, c, \"expected\", want, \"got\", total[c]); bad += 1
towns = []
for t in (\"甲镇\", \"乙镇\"):
    villages = [r for r in rows if r[\"township\"] == t and r[\"village\"] != \"*\"]
    total = [r for r in rows if r[\"township\"] == t and r[\"village\"] == \"*\"]
    assert len(total) == 1 and villages, t
    check(t, total[0], villages)
    towns.append(total[0])
county = rows[-1]
assert (county[\"township\"], county[\"village\"]) == (\"*\", \"*\")
check(\"county\", county, towns)
check(\"county (villages)\", county, [r for r in rows if r[\"village\"] != \"*\"])
raise SystemExit(bad)
" &&
	csv_total=$(tail -n 1 out | cut -d , -f 3,4) &&
	test "$csv_total" = "350,1243"
'

test_case 'county summary: coverage, recognition and the median of the county, from the parts' '
	county &&
	report-gen -d jia.db -d 乙镇.db summary -f csv --today $TODAY >out &&
	visit-log -d jia.db --coverage --today $TODAY -f csv >coverage &&
	visit-log -d 乙镇.db --coverage --today $TODAY -f csv | sed 1d >>coverage &&
	survey-tally -d jia.db --from-store 2022-11 --by village -f csv >tally &&
	survey-tally -d 乙镇.db --from-store 2022-11 --by village -f csv | sed 1d >>tally &&
	python3 -c "
import csv
from wilson import wilson
rows = list(csv.DictReader(open(\"out\", encoding=\"utf-8\")))
cov = list(csv.DictReader(open(\"coverage\", encoding=\"utf-8\")))
tally = [r for r in csv.DictReader(open(\"tally\", encoding=\"utf-8\")) if r[\"village\"] != \"*\"]
county = rows[-1]
bad = 0
for m in sorted(set(c[\"milestone\"] for c in cov)):
    due = sum(int(c[\"due\"]) for c in cov if c[\"milestone\"] == m)
    visited = sum(int(c[\"visited\"]) for c in cov if c[\"milestone\"] == m)
    want = \"%.1f\" % (100.0 * visited / due)
    if county[\"coverage_\" + m] != want:
        print(m, \"expected\", want, \"got\", county[\"coverage_\" + m]); bad += 1
yes = sum(int(r[\"satisfied\"]) + int(r[\"basically_satisfied\"]) for r in tally)
n = yes + sum(int(r[\"dissatisfied\"]) for r in tally)
want = (str(n),) + wilson(yes, n)
got = tuple(county[c] for c in (\"recognition_n\", \"recognition_rate\",
    \"recognition_ci_low\", \"recognition_ci_high\"))
if got != want:
    print(\"recognition expected\", want, \"got\", got); bad += 1
raise SystemExit(bad)
" &&
	: 甲镇 resolved its issues in 9 and 2 days, 乙镇 in 4: medians 5.5, 4.0 and 4.0 &&
	grep "^\*\?[^,]*,\*," out | cut -d , -f 1,21 >actual &&
	lines "甲镇,5.5" "乙镇,4.0" "*,4.0" >expect &&
	test_cmp expect actual
'

test_case 'county summary: each township reads as its own summary, with its name in front' '
	county &&
	report-gen -d jia.db -d 乙镇.db summary -f csv --today $TODAY >out &&
	for town in 甲镇:jia.db 乙镇:乙镇.db; do
		name=${town%%:*} db=${town#*:} &&
		report-gen -d "$db" summary -f csv --today $TODAY | sed 1d |
			sed "s/^/$name,/" >expect &&
		grep "^$name," out >actual &&
		test_cmp expect actual || return 1
	done
'

test_case 'the township: the store'"'"'s meta "township", else its file name without .db' '
	county &&
	mkdir -p 县 &&
	cp 乙镇.db 县/丙镇.db &&
	report-gen -d jia.db -d 县/丙镇.db summary -f csv --today $TODAY >out &&
	cut -d , -f 1 out | sed 1d | uniq >actual &&
	lines 甲镇 丙镇 "*" >expect &&
	test_cmp expect actual &&
	report-gen -d jia.db -d 县/丙镇.db -d 乙镇.db issues -f csv | cut -d , -f 1 |
		sed 1d | uniq >actual &&
	lines 甲镇 丙镇 乙镇 "*" >expect &&
	test_cmp expect actual
'

test_case 'county summary --village: that village, its township total and the county total' '
	county &&
	report-gen -d jia.db -d 乙镇.db summary -f csv --today $TODAY --village 石门村 >out &&
	cut -d , -f 1-3 out >actual &&
	lines township,village,households "甲镇,*,0" 乙镇,石门村,53 "乙镇,*,53" "*,*,53" >expect &&
	test_cmp expect actual
'

test_case 'county summary -f table: aligned, the township first, totals for people' '
	county &&
	report-gen -d jia.db -d 乙镇.db summary -f table --today $TODAY >out &&
	check_table out &&
	test_line_count 14 out &&
	display_cut 40 out >actual &&
	cat >expect <<-\EOF &&
	township  village   households  members
	--------  --------  ----------  -------
	甲镇      后叶村            45      156
	甲镇      双河村            32      127
	甲镇      红狮村            50      195
	甲镇      total            127      478
	乙镇      高峰社区          30      104
	乙镇      石门村            53      168
	乙镇      龙洞村            23       80
	乙镇      新田村            39      126
	乙镇      桂花村            45      170
	乙镇      凉水村            33      117
	乙镇      total            223      765
	*         total            350     1243
	EOF
	test_cmp expect actual
'

test_case 'county ledgers: a township column, each store'"'"'s rows, a total row holding the count' '
	county &&
	for report in issues visits households meetings; do
		report-gen -d jia.db -d 乙镇.db $report -f csv >out &&
		report-gen -d jia.db $report -f csv >jia &&
		report-gen -d 乙镇.db $report -f csv >yi &&
		{
			head -n 1 jia | sed "s/^/township,/" &&
			sed 1d jia | sed "s/^/甲镇,/" &&
			sed 1d yi | sed "s/^/乙镇,/"
		} >expect &&
		rows=$(($(wc -l <jia) + $(wc -l <yi) - 2)) &&
		fields=$(head -n 1 jia | tr -cd , | wc -c) &&
		total="*,$rows" &&
		i=0 &&
		while [ $i -lt "$fields" ]; do total="$total,"; i=$((i + 1)); done &&
		echo "$total" >>expect &&
		test_cmp expect out || { echo "report-gen $report" >&2; return 1; }
	done &&
	report-gen -d jia.db -d 乙镇.db issues -f csv | tail -n 1 >actual &&
	echo "*,4,,,,,,,,,,,,,,,,," >expect &&
	test_cmp expect actual
'

test_case 'county ledgers: the filters apply in every store, the count follows' '
	county &&
	report-gen -d jia.db -d 乙镇.db households -f csv --village 石门村 >out &&
	test_line_count 55 out &&
	test "$(cut -d , -f 1 out | sed 1d | sort | uniq -c | tr -s " ")" = " 1 *
 53 乙镇" &&
	tail -n 1 out | grep -q "^\*,53," &&
	report-gen -d jia.db -d 乙镇.db issues -f csv --status resolved >out &&
	cut -d , -f 1,2,14 out >actual &&
	lines township,id,status 乙镇,1,resolved "*,1," >expect &&
	test_cmp expect actual &&
	report-gen -d jia.db -d 乙镇.db visits -f csv --since 2099-01-01 >out &&
	test_line_count 2 out &&
	tail -n 1 out | grep -q "^\*,0," &&
	expect_status 65 report-gen -d jia.db -d 乙镇.db visits -f csv \
		--village 不存在 >out 2>err &&
	test_must_be_empty out &&
	echo "report-gen: no village \"不存在\"" >expect &&
	test_cmp expect err
'

test_case 'county ledgers -f table: aligned, with the township and the total row' '
	county &&
	report-gen -d jia.db -d 乙镇.db issues -f table >out &&
	check_table out &&
	display_cut 40 out >actual &&
	cat >expect <<-\EOF &&
	township  id  kind        category
	--------  --  ----------  --------------
	甲镇       1  suggestion  infrastructure
	甲镇       2  suggestion  housing
	甲镇       3  dispute     other
	乙镇       1  problem     drinking water
	*          4
	EOF
	test_cmp expect actual &&
	for report in visits households meetings; do
		report-gen -d jia.db -d 乙镇.db $report -f table >out &&
		check_table out &&
		head -n 1 out | grep -q "^township " ||
			{ echo "report-gen $report -f table" >&2; return 1; }
	done
'

test_case 'county survey: a township column, each store'"'"'s rounds' '
	county &&
	report-gen -d jia.db -d 乙镇.db survey -f csv >out &&
	head -n 1 out >actual &&
	echo township,round,saved_on,village,question,n,satisfied,basically_satisfied,dissatisfied,dont_know,rate,ci_low,ci_high >expect &&
	test_cmp expect actual &&
	grep -c "^甲镇,2022-11,2022-11-28," out >actual &&
	echo 12 >expect &&
	test_cmp expect actual &&
	grep -c "^乙镇,2022-11,2022-11-28," out >actual &&
	echo 24 >expect &&
	test_cmp expect actual
'

test_case 'county survey -f table: aligned, the township first, the total row last' '
	county &&
	report-gen -d jia.db -d 乙镇.db survey -f table >out &&
	check_table out &&
	test_line_count 39 out &&
	head -n 1 out | grep -q "^township  round "
'

test_case 'county survey: a total row, township "*", as every county report has' '
	county &&
	report-gen -d jia.db -d 乙镇.db survey -f csv >out &&
	tail -n 1 out | grep "^\*,"
'

test_case 'the roll-up reads the stores and changes none of them' '
	county &&
	store_dump jia.db >jia.before &&
	store_dump 乙镇.db >yi.before &&
	for report in summary issues visits households meetings survey; do
		for format in csv table json jsonl markdown html; do
			: whether each succeeds is for the cases above &&
			{ report-gen -d jia.db -d 乙镇.db $report -f $format --today $TODAY \
				>/dev/null 2>&1 || :; }
		done
	done &&
	store_dump jia.db >jia.after &&
	store_dump 乙镇.db >yi.after &&
	test_cmp jia.before jia.after &&
	test_cmp yi.before yi.after
'

test_case 'county: json is valid and carries the township' '
	county &&
	report-gen -d jia.db -d 乙镇.db summary -f json --today $TODAY >out &&
	python3 -c "
import json
rows = json.load(open(\"out\", encoding=\"utf-8\"))
assert [r[\"township\"] for r in rows].count(\"甲镇\") == 4, rows
assert rows[-1][\"township\"] == \"*\" and rows[-1][\"village\"] == \"*\"
assert rows[-1][\"households\"] == 350
" &&
	report-gen -d jia.db -d 乙镇.db issues -f json | python3 -m json.tool >/dev/null
'

test_case 'county: history reads one store; a missing store is left out, exit 65' '
	county &&
	expect_status 64 report-gen -d jia.db -d 乙镇.db history 1 >out 2>err &&
	grep_message "^report-gen: " err &&
	test_must_be_empty out &&
	expect_status 65 report-gen -d jia.db -d 丁镇.db summary -f csv --today $TODAY >out 2>err &&
	grep_message "丁镇.db" err &&
	test_path_is_missing 丁镇.db
'
test_done
