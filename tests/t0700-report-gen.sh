#!/bin/sh
# t0700-report-gen.sh -- report-gen on the example township: every report in csv
# and as an aligned table, its numbers computed again by other means; the
# filters; masking and --reveal; nothing else written; the formats; the errors
#
# The example township's store is copied into every case that needs it
# (example_township, tests/lib.sh): the households, the four visit milestones, the visit
# ledger, examples/ledger-life.sh and the November survey saved as a round.
# Its known outcome: issue 1 (opened 2022-11-15, resolved 2022-11-24,
# household told 2022-11-25, closed 2022-11-26, one extension), issue 2
# (opened 2022-11-15, due 2022-11-30, still open) and issue 3 (a dispute
# opened 2022-11-10, resolved 2022-11-12, reopened at its revisit, due
# 2022-12-10), all in 后叶村; a courtyard meeting in 后叶村 2社 and a
# villagers' assembly of 后叶村 that adopted the village rules.

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
SUMMARY_HEADER=village,households,members,lifted,monitored,minimum_allowance,serious_illness,extreme_poverty,ordinary,coverage_2022-11-01,coverage_2022-11-08,coverage_2022-11-18,coverage_2023-02-18,issues_opened,issues_repeated,issues_resolved,issues_fed_back,issues_closed,issues_overdue,median_days_to_resolve,extensions,meetings_held,meetings_required,recognition_n,recognition_rate,recognition_ci_low,recognition_ci_high,vote,issues_due,issues_on_time,on_time_rate,callbacks_reached,callbacks_satisfied,callback_rate,disputes,disputes_settled,settled_rate,cases_opened,cases_checked,cases_posted,cases_decided,rules_in_force,rules_households,rules_delivered,recognition_yes,coverage_due_2022-11-01,coverage_visited_2022-11-01,coverage_late_2022-11-01,coverage_pending_2022-11-01,coverage_due_2022-11-08,coverage_visited_2022-11-08,coverage_late_2022-11-08,coverage_pending_2022-11-08,coverage_due_2022-11-18,coverage_visited_2022-11-18,coverage_late_2022-11-18,coverage_pending_2022-11-18,coverage_due_2023-02-18,coverage_visited_2023-02-18,coverage_late_2023-02-18,coverage_pending_2023-02-18,days_to_resolve,representatives_required,representatives_held,courtyard_required,courtyard_held,briefings_required,briefings_held,assemblies_required,assemblies_held,policy_n,policy_aware,rules_required,rules_done,models,boards_posted,representatives_late,courtyard_late,briefings_late,assemblies_late,rules_late,misconduct_referred,misconduct_closed,representatives_suggestions,representatives_answered,courtyard_suggestions,courtyard_answered,posts_placed,jobs_placed,land_placed,loans_approved,care_required,care_done,care_late,care_due,care_visited,care_pending,representatives_pending,courtyard_pending,briefings_pending,assemblies_pending,rules_pending
ISSUES_HEADER=id,kind,category,title,urgency,village,village_group,household_id,source,owner,opened_on,due_date,status,resolved_on,feedback_on,closed_on,extensions,repeat_of
VISITS_HEADER=household_id,village,village_group,visit_date,visitor,visitor_role,round,food_clothing,education,medical,housing,drinking_water,income_stable,industry_link,risk_level,monitor_suggested,notes
HOUSEHOLDS_HEADER=household_id,head_name,id_number,phone,village,village_group,categories,members,monitor_type,risk_status
MEETINGS_HEADER=id,kind,village,village_group,date,host,attendees,suggestions,vote
HISTORY_HEADER=at,who,command,field,old,new
SURVEY_HEADER=round,saved_on,village,question,n,satisfied,basically_satisfied,dissatisfied,dont_know,rate,ci_low,ci_high
export TODAY

# lines LINE...: each LINE on a line of its own
lines() {
	printf '%s\n' "$@"
}

# check_table FILE: every column of the table starts at the same display
# column on every line, counting a Chinese character as two
cat >"$TRASH/check-table.py" <<\EOF
import sys, unicodedata

def width(ch):
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1

def cells(line):
    """display offset -> character starting there"""
    out, at = {}, 0
    for ch in line:
        out[at] = ch
        at += width(ch)
    return out, at

lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "", "output does not end with a newline"
lines = lines[:-1]
assert len(lines) >= 2, "no table"
rule = lines[1]
assert set(rule) <= set("- "), "second line is not the rule: %r" % rule
starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
total = len(rule)
bad = 0
for n, line in enumerate(lines, 1):
    at, w = cells(line)
    if line != line.rstrip():
        print("line %d has trailing blanks: %r" % (n, line))
        bad += 1
    if w > total:
        print("line %d is %d wide, the rule %d: %s" % (n, w, total, line))
        bad += 1
        continue
    for s in starts[1:]:
        if w <= s - 2:
            break               # empty cells at the end: no trailing blanks
        if at.get(s - 2) != " " or at.get(s - 1) != " " or s not in at:
            print("line %d: no column starts at display column %d: %s" % (n, s, line))
            bad += 1
            break
if bad:
    sys.exit(1)
EOF

check_table() {
	python3 "$TRASH/check-table.py" "$1"
}

# table_cells FILE: the cells of a table, the rule left out, "|" between
# cells, each cell cut at the display columns of the rule and trimmed
cat >"$TRASH/table-cells.py" <<\EOF
import sys, unicodedata

def width(ch):
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1

lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
rule = lines[1]
starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
for n, line in enumerate(lines):
    if n == 1:
        continue
    cols = [""] * len(starts)
    at = 0
    for ch in line:
        k = max(j for j, s in enumerate(starts) if s <= at)
        cols[k] += ch
        at += width(ch)
    print("|".join(c.strip() for c in cols))
EOF

table_cells() {
	python3 "$TRASH/table-cells.py" "$1"
}

# csv_columns FILE NAME...: the columns NAME... of a CSV file, by header name
cat >"$TRASH/csv-columns.py" <<\EOF
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
idx = [rows[0].index(name) for name in sys.argv[2:]]
w = csv.writer(sys.stdout, lineterminator="\n")
for row in rows:
    w.writerow([row[i] for i in idx])
EOF

csv_columns() {
	python3 "$TRASH/csv-columns.py" "$@"
}

# the example households as UTF-8 rows: household_id, head_name, id_number,
# phone, village, village_group, category codes (";"), members
cat >"$TRASH/households.py" <<\EOF
import csv, io, os
CODES = {"脱贫户": "lifted", "监测户": "monitored", "低保户": "minimum_allowance",
         "大病户": "serious_illness", "特困户": "extreme_poverty", "一般农户": "ordinary"}
ORDER = ["lifted", "monitored", "minimum_allowance", "serious_illness",
         "extreme_poverty", "ordinary"]

def households():
    raw = open(os.path.join(os.environ["EXAMPLES"], "households.csv"), "rb").read()
    text = raw.decode("gb18030")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = []
    for r in rows[1:]:
        if not r:
            continue
        cats = [CODES[c] for c in r[6].replace("；", "、").replace(";", "、").split("、") if c]
        out.append({"household_id": r[0], "head_name": r[1], "id_number": r[2],
                    "phone": r[3], "village": r[4], "village_group": r[5],
                    "categories": cats, "members": int(r[7]) if r[7] else 0})
    return out

def villages(hs):
    seen = []
    for h in hs:
        if h["village"] not in seen:
            seen.append(h["village"])
    return seen
EOF

# wilson YES N: rate, low and high of the Wilson 95% interval, 4 decimals
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

# ---- summary ----

test_case 'summary -f csv: the header, one row per village and the total' '
	example_township &&
	report-gen summary -f csv --today $TODAY >out &&
	head -n 1 out >actual &&
	echo "$SUMMARY_HEADER" >expect &&
	test_cmp expect actual &&
	cut -d , -f 1 out >actual &&
	lines village 后叶村 双河村 红狮村 高峰社区 石门村 龙洞村 新田村 桂花村 凉水村 "*" >expect &&
	test_cmp expect actual
'

test_case 'summary: households and members per village and category, from households.csv' '
	example_township &&
	report-gen summary -f csv --today $TODAY >out &&
	csv_columns out village households members lifted monitored \
		minimum_allowance serious_illness extreme_poverty ordinary >actual &&
	python3 -c "
from households import households, villages, ORDER
hs = households()
print(\"village,households,members,\" + \",\".join(ORDER))
def row(name, sub):
    print(\",\".join([name, str(len(sub)), str(sum(h[\"members\"] for h in sub))] +
                   [str(sum(1 for h in sub if c in h[\"categories\"])) for c in ORDER]))
for v in villages(hs):
    row(v, [h for h in hs if h[\"village\"] == v])
row(\"*\", hs)
" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT v.name, count(*) FROM household h JOIN village v
		ON v.id = h.village_id WHERE instr(h.categories, ${SQ}monitored${SQ})
		GROUP BY v.id ORDER BY v.id" | tr "|" , >expect &&
	csv_columns out village monitored | sed 1d | grep -v "^\*," | grep -v ",0$" >actual &&
	test_cmp expect actual
'

test_case 'summary: coverage per milestone is what visit-log --coverage counts' '
	example_township &&
	report-gen summary -f csv --today $TODAY >out &&
	visit-log --coverage --today $TODAY -f csv >coverage &&
	python3 -c "
import csv
cov = list(csv.DictReader(open(\"coverage\", encoding=\"utf-8\")))
rows = list(csv.DictReader(open(\"out\", encoding=\"utf-8\")))
bad = 0
milestones = sorted(set(c[\"milestone\"] for c in cov))
assert len(milestones) == 4, milestones
for m in milestones:
    due = visited = 0
    for c in cov:
        if c[\"milestone\"] != m:
            continue
        due += int(c[\"due\"]); visited += int(c[\"visited\"])
        want = \"%.1f\" % (100.0 * int(c[\"visited\"]) / int(c[\"due\"]))
        got = [r for r in rows if r[\"village\"] == c[\"village\"]][0][\"coverage_\" + m]
        if got != want:
            print(m, c[\"village\"], \"expected\", want, \"got\", got); bad += 1
    want = \"%.1f\" % (100.0 * visited / due)
    got = rows[-1][\"coverage_\" + m]
    if got != want:
        print(m, \"total expected\", want, \"got\", got); bad += 1
raise SystemExit(bad)
"
'

test_case 'summary: issues opened, resolved, fed back, closed, overdue; median days; extensions; the vote' '
	example_township &&
	report-gen summary -f csv --today 2022-11-30 >out &&
	csv_columns out village issues_opened issues_resolved issues_fed_back \
		issues_closed issues_overdue median_days_to_resolve extensions vote >actual &&
	lines village,issues_opened,issues_resolved,issues_fed_back,issues_closed,issues_overdue,median_days_to_resolve,extensions,vote \
		后叶村,3,2,1,1,0,5.5,1,adopted \
		双河村,0,0,0,0,0,,0, 红狮村,0,0,0,0,0,,0, 高峰社区,0,0,0,0,0,,0, \
		石门村,0,0,0,0,0,,0, 龙洞村,0,0,0,0,0,,0, 新田村,0,0,0,0,0,,0, \
		桂花村,0,0,0,0,0,,0, 凉水村,0,0,0,0,0,,0, "*,3,2,1,1,0,5.5,1," >expect &&
	test_cmp expect actual &&
	: issue 2 is overdue from 1 December, issue 3 from 11 December &&
	for today in 2022-12-01:1 2022-12-10:1 2022-12-11:2; do
		report-gen summary -f csv --today ${today%:*} --village 后叶村 >out &&
		csv_columns out village issues_overdue >actual &&
		lines village,issues_overdue 后叶村,${today#*:} "*,${today#*:}" >expect &&
		test_cmp expect actual || return 1
	done
'

test_case 'summary: --since and --until count the issues opened in the range' '
	example_township &&
	report-gen summary -f csv --today $TODAY --village 后叶村 --since 2022-11-11 >out &&
	csv_columns out village issues_opened issues_resolved issues_fed_back \
		issues_closed median_days_to_resolve extensions >actual &&
	lines village,issues_opened,issues_resolved,issues_fed_back,issues_closed,median_days_to_resolve,extensions \
		后叶村,2,1,1,1,9.0,1 "*,2,1,1,1,9.0,1" >expect &&
	test_cmp expect actual &&
	report-gen summary -f csv --today $TODAY --village 后叶村 --until 2022-11-10 >out &&
	csv_columns out village issues_opened issues_resolved issues_fed_back \
		issues_closed median_days_to_resolve extensions >actual &&
	lines village,issues_opened,issues_resolved,issues_fed_back,issues_closed,median_days_to_resolve,extensions \
		后叶村,1,1,0,0,2.0,0 "*,1,1,0,0,2.0,0" >expect &&
	test_cmp expect actual &&
	report-gen summary -f csv --today $TODAY --since 2022-11-16 >out &&
	csv_columns out village issues_opened | tail -n 1 >actual &&
	echo "*,0" >expect &&
	test_cmp expect actual
'

test_case 'summary --village: that village and its total only' '
	example_township &&
	report-gen summary -f csv --today $TODAY >all &&
	report-gen summary -f csv --today $TODAY --village 红狮村 >out &&
	test_line_count 3 out &&
	grep "^红狮村," all >expect &&
	sed -n 2p out >actual &&
	test_cmp expect actual &&
	sed -n 3p out | sed "s/^\*,/红狮村,/" >actual &&
	test_cmp expect actual
'

test_case 'summary: recognition of the latest round, the questions pooled, with its Wilson interval' '
	example_township &&
	report-gen summary -f csv --today $TODAY >out &&
	survey-tally --from-store 2022-11 --by village -f csv >tally &&
	csv_columns out village recognition_n recognition_rate recognition_ci_low \
		recognition_ci_high >actual &&
	python3 -c "
import csv
from wilson import wilson
tally = [r for r in csv.DictReader(open(\"tally\", encoding=\"utf-8\"))
         if r[\"village\"] != \"*\"]
order = [r[\"village\"] for r in csv.DictReader(open(\"out\", encoding=\"utf-8\"))]
print(\"village,recognition_n,recognition_rate,recognition_ci_low,recognition_ci_high\")
def row(name, rs):
    yes = sum(int(r[\"satisfied\"]) + int(r[\"basically_satisfied\"]) for r in rs)
    n = yes + sum(int(r[\"dissatisfied\"]) for r in rs)
    print(\",\".join((name, str(n)) + wilson(yes, n)))
for v in order[:-1]:
    row(v, [r for r in tally if r[\"village\"] == v])
row(\"*\", tally)
" >expect &&
	test_cmp expect actual &&
	: a round saved earlier does not change the summary &&
	awk -F, -v OFS=, "\$2 == \"红狮村\" && \$7 == \"不满意\" && n++ % 2 == 0 { \$7 = \"基本满意\" } 1" \
		"$EXAMPLES/survey.csv" >october.csv &&
	survey-tally -q --save 2022-10 --today 2022-10-31 october.csv >/dev/null &&
	report-gen summary -f csv --today $TODAY >out2 &&
	test_cmp out out2
'

test_case 'summary: meetings held against meetings required, per village and per group' '
	example_township &&
	for m in "院坝会|每个村民小组召开一次院坝会|courtyard|group" \
		"村民会议|每个村召开一次村民会议|assembly|village"; do
		IFS="|" read -r id title kind scope <<-EOF &&
		$m
		EOF
		sqlite3 "$RENKE_DB" "INSERT INTO milestone (milestone_id, title, kind,
			due_date, meeting_kind, scope, created_at, updated_at) VALUES
			(${SQ}$id${SQ}, ${SQ}$title${SQ}, ${SQ}meeting_coverage${SQ},
			${SQ}2022-11-30${SQ}, ${SQ}$kind${SQ}, ${SQ}$scope${SQ},
			${SQ}2022-11-01T00:00:00Z${SQ}, ${SQ}2022-11-01T00:00:00Z${SQ})" ||
			return 1
	done &&
	report-gen summary -f csv --today $TODAY >out &&
	csv_columns out village meetings_held meetings_required >actual &&
	python3 -c "
from households import households, villages
hs = households()
print(\"village,meetings_held,meetings_required\")
held_all = req_all = 0
for v in villages(hs):
    groups = set(h[\"village_group\"] for h in hs if h[\"village\"] == v)
    held = 2 if v == \"后叶村\" else 0   # 2社 held its courtyard meeting; the assembly
    req = len(groups) + 1
    held_all += held; req_all += req
    print(\"%s,%d,%d\" % (v, held, req))
print(\"*,%d,%d\" % (held_all, req_all))
" >expect &&
	test_cmp expect actual &&
	: the visit coverage columns stay those of the four visit milestones &&
	head -n 1 out >actual &&
	echo "$SUMMARY_HEADER" >expect &&
	test_cmp expect actual
'

test_case 'summary -f table: aligned, the same figures as the csv, for people' '
	example_township &&
	report-gen summary -f table --today $TODAY >out &&
	check_table out &&
	test_line_count 12 out &&
	table_cells out >cells &&
	cut -d "|" -f 1,2,10,14,20,25,26,27,28 cells >actual &&
	cat >expect <<-\EOF &&
	village|households|coverage 2022-11-01|issues|median days|recognition|low|high|village rules
	后叶村|45|83.3%|3|5.5|93.8%|88.7%|96.7%|adopted
	双河村|32|100.0%|0||90.7%|83.3%|95.0%|
	红狮村|50|93.3%|0||56.3%|48.3%|63.9%|
	高峰社区|30|100.0%|0||93.8%|87.2%|97.1%|
	石门村|53|93.8%|0||93.9%|89.1%|96.6%|
	龙洞村|23|90.0%|0||85.9%|76.5%|91.9%|
	新田村|39|100.0%|0||91.0%|84.2%|95.0%|
	桂花村|45|88.0%|0||95.8%|91.1%|98.1%|
	凉水村|33|100.0%|0||90.2%|82.9%|94.6%|
	total|350|94.1%|3|5.5|87.4%|85.3%|89.2%|
	EOF
	test_cmp expect actual &&
	: every count of the table is the csv one &&
	report-gen summary -f csv --today $TODAY >csv &&
	cut -d "|" -f 2-9,14-19,21-24 cells | sed 1d >actual &&
	cut -d , -f 2-9,14-19,21-24 csv | sed 1d | tr , "|" >expect &&
	test_cmp expect actual
'

# ---- issues ----

test_case 'issues -f csv: the ledger of the township' '
	example_township &&
	report-gen issues -f csv >actual &&
	cat >expect <<-EOF &&
	$ISSUES_HEADER
	1,suggestion,infrastructure,2社便民桥桥面破损，雨天无法通行,urgent,后叶村,2社,,courtyard,李主任,2022-11-15,2022-11-25,closed,2022-11-24,2022-11-25,2022-11-26,1,
	2,suggestion,housing,HY0102001户房屋屋顶漏雨,important,后叶村,2社,HY0102001,courtyard,李主任,2022-11-15,2022-11-30,open,,,,0,
	3,dispute,other,宅基地界址纠纷,normal,后叶村,2社,,other,村调委会,2022-11-10,2022-12-10,reopened,2022-11-12,,,0,
	EOF
	test_cmp expect actual &&
	sqlite3 -csv "$RENKE_DB" "SELECT id, status, resolved_on, feedback_on,
		closed_on, extensions FROM issue ORDER BY id" >expect &&
	csv_columns actual id status resolved_on feedback_on closed_on extensions |
		sed 1d >actual.columns &&
	test_cmp expect actual.columns
'

test_case 'issues -f table: the same ledger, labels for people, Chinese aligned' '
	example_township &&
	report-gen issues -f table >actual &&
	check_table actual &&
	cat >expect <<-\EOF &&
	id  kind        category        title                            urgency    village  group  household  source             owner     opened      due         status    resolved    fed back    closed      extensions  repeats
	--  ----------  --------------  -------------------------------  ---------  -------  -----  ---------  -----------------  --------  ----------  ----------  --------  ----------  ----------  ----------  ----------  -------
	 1  suggestion  infrastructure  2社便民桥桥面破损，雨天无法通行  urgent     后叶村   2社               courtyard meeting  李主任    2022-11-15  2022-11-25  closed    2022-11-24  2022-11-25  2022-11-26           1
	 2  suggestion  housing         HY0102001户房屋屋顶漏雨          important  后叶村   2社    HY0102001  courtyard meeting  李主任    2022-11-15  2022-11-30  open                                                   0
	 3  dispute     other           宅基地界址纠纷                   normal     后叶村   2社               other              村调委会  2022-11-10  2022-12-10  reopened  2022-11-12                                   0
	EOF
	test_cmp expect actual
'

test_case 'issues: each filter narrows the ledger' '
	example_township &&
	issue-add -q --today 2022-11-20 --title 自来水停水 --owner 王强 \
		--household HY0501004 --category 饮水 --urgency 紧急 -f csv >/dev/null &&
	ids() { report-gen issues -f csv "$@" | sed 1d | cut -d , -f 1 | tr "\n" " "; } &&
	test "$(ids)" = "1 2 3 4 " &&
	test "$(ids --village 后叶村)" = "1 2 3 " &&
	test "$(ids --village 石门村)" = "4 " &&
	test "$(ids --village 石门村 --group 2社)" = "" &&
	test "$(ids --group 2社)" = "1 2 3 " &&
	test "$(ids --since 2022-11-15)" = "1 2 4 " &&
	test "$(ids --since 2022/11/16)" = "4 " &&
	test "$(ids --until 2022-11-15)" = "1 2 3 " &&
	test "$(ids --since 2022-11-11 --until 2022-11-19)" = "1 2 " &&
	test "$(ids --owner 李主任)" = "1 2 " &&
	test "$(ids --owner 王强)" = "4 " &&
	test "$(ids --status open)" = "2 4 " &&
	test "$(ids --status 已销号)" = "1 " &&
	test "$(ids --status reopened)" = "3 " &&
	test "$(ids --category water)" = "4 " &&
	test "$(ids --category 住房)" = "2 " &&
	test "$(ids --kind dispute)" = "3 " &&
	test "$(ids --kind 意见建议 --status open)" = "2 " &&
	test "$(ids --kind problem --village 后叶村)" = ""
'

# ---- visits ----

test_case 'visits -f csv: every visit of the ledger, per village as visits.csv has them' '
	example_township &&
	report-gen visits -f csv >out &&
	head -n 1 out >actual &&
	echo "$VISITS_HEADER" >expect &&
	test_cmp expect actual &&
	test_line_count 1971 out &&
	for range in "" "2022-11-01 2022-11-08"; do
		set -- $range &&
		if [ $# -eq 2 ]; then
			report-gen visits -f csv --since $1 --until $2 >out || return 1
		fi &&
		csv_columns out village | sed 1d | sort | uniq -c >actual &&
		python3 -c "
import csv, re, sys
from households import households
village = {h[\"household_id\"]: h[\"village\"] for h in households()}
since, until = (sys.argv[1:] + [\"0000-00-00\", \"9999-99-99\"])[:2]
count = {}
for r in list(csv.reader(open(\"$EXAMPLES/visits.csv\", encoding=\"utf-8\")))[1:]:
    y, m, d = map(int, re.split(\"[-/.]\", r[1]))
    day = \"%04d-%02d-%02d\" % (y, m, d)
    if since <= day <= until:
        count[village[r[0]]] = count.get(village[r[0]], 0) + 1
for v in count:
    print(\"%7d %s\" % (count[v], v))
" $range | sort >expect &&
		sort -k 2 actual >a && sort -k 2 expect >e &&
		test_cmp e a || return 1
	done
'

test_case 'visits: --village, --group, --since, --until and --owner (the visitor) narrow the ledger' '
	example_township &&
	report-gen visits -f csv --village 龙洞村 --group 1社 --since 2022-11-01 \
		--until 2022-11-10 >actual &&
	cat >expect <<-EOF &&
	$VISITS_HEADER
	HY0601002,龙洞村,1社,2022-11-01,彭琼,assistance_cadre,2022-r1,yes,yes,yes,yes,yes,yes,na,low,0,
	HY0601006,龙洞村,1社,2022-11-04,彭琼,assistance_cadre,2022-r1,yes,na,yes,yes,yes,yes,yes,none,0,
	EOF
	test_cmp expect actual &&
	report-gen visits -f csv --owner 唐贵 >out &&
	n=$(awk -F, "\$3 == \"唐贵\"" "$EXAMPLES/visits.csv" | wc -l) &&
	test "$n" -gt 0 &&
	test_line_count $((n + 1)) out &&
	test -z "$(csv_columns out visitor | sed 1d | grep -v "^唐贵$")"
'

test_case 'visits -f table: labels for people, Chinese aligned' '
	example_township &&
	report-gen visits -f table --village 龙洞村 --group 1社 --since 2022-11-01 \
		--until 2022-11-10 >actual &&
	check_table actual &&
	cat >expect <<-\EOF &&
	household  village  group  date        visitor  role              round    food  school  medical  housing  water  income  industry  risk  monitor  notes
	---------  -------  -----  ----------  -------  ----------------  -------  ----  ------  -------  -------  -----  ------  --------  ----  -------  -----
	HY0601002  龙洞村   1社    2022-11-01  彭琼     assistance cadre  2022-r1  yes   yes     yes      yes      yes    yes     n/a       low   0
	HY0601006  龙洞村   1社    2022-11-04  彭琼     assistance cadre  2022-r1  yes   n/a     yes      yes      yes    yes     yes       none  0
	EOF
	test_cmp expect actual &&
	report-gen visits -f table >all &&
	check_table all &&
	test_line_count 1972 all
'

# ---- households ----

test_case 'households -f csv: the register, ID and phone numbers masked' '
	example_township &&
	report-gen households -f csv --village 石门村 --category 特困户 >actual &&
	cat >expect <<-EOF &&
	$HOUSEHOLDS_HEADER
	HY0502008,王国福,500235********6352,,石门村,2社,lifted;extreme_poverty,2,,
	HY0507006,余军红,500235********3414,182****4046,石门村,7社,extreme_poverty,2,,
	EOF
	test_cmp expect actual &&
	report-gen households -f csv >all &&
	test_line_count 351 all &&
	! grep -E "[0-9]{11}" all &&
	csv_columns all village | sed 1d | sort | uniq -c | sort -k 2 >actual &&
	python3 -c "
from households import households
for h in households():
    print(h[\"village\"])
" | sort | uniq -c | sort -k 2 >expect &&
	test_cmp expect actual
'

test_case 'households: --village, --group and --category narrow the register' '
	example_township &&
	count() { report-gen households -f csv "$@" | sed 1d | wc -l; } &&
	for args in "--village 后叶村" "--village 后叶村 --group 2社" "--category 监测户" \
		"--category lifted --village 红狮村" "--group 1社"; do
		set -- $args &&
		python3 -c "
import sys
from households import households
a = dict(zip(sys.argv[1::2], sys.argv[2::2]))
codes = {\"监测户\": \"monitored\", \"lifted\": \"lifted\"}
n = sum(1 for h in households()
        if a.get(\"--village\", h[\"village\"]) == h[\"village\"]
        and a.get(\"--group\", h[\"village_group\"]) == h[\"village_group\"]
        and (\"--category\" not in a or codes[a[\"--category\"]] in h[\"categories\"]))
print(n)
" "$@" >expect &&
		count "$@" >actual &&
		test_cmp expect actual || return 1
	done
'

test_case 'households -f table: labels for people, Chinese aligned, numbers masked' '
	example_township &&
	report-gen households -f table --village 石门村 --category 特困户 >actual &&
	check_table actual &&
	cat >expect <<-\EOF &&
	household  head    ID number           phone        village  group  categories              members  monitor type  risk status
	---------  ------  ------------------  -----------  -------  -----  ----------------------  -------  ------------  -----------
	HY0502008  王国福  500235********6352               石门村   2社    lifted;extreme poverty        2
	HY0507006  余军红  500235********3414  182****4046  石门村   7社    extreme poverty               2
	EOF
	test_cmp expect actual &&
	report-gen households -f table >all &&
	check_table all &&
	test_line_count 352 all &&
	! grep -E "[0-9]{11}" all
'

test_case 'households --reveal: the numbers shown, one audit row written, nothing else' '
	example_township &&
	store_dump >before &&
	report-gen households -f csv --reveal --village 后叶村 >out &&
	store_dump >after &&
	csv_columns out household_id id_number phone | sed 1d >actual &&
	python3 -c "
from households import households
for h in households():
    if h[\"village\"] == \"后叶村\":
        print(\",\".join((h[\"household_id\"], h[\"id_number\"], h[\"phone\"])))
" >expect &&
	test_cmp expect actual &&
	diff before after | grep "^[<>]" >changes;
	test_line_count 1 changes &&
	grep -q "^> INSERT INTO audit VALUES(.*${SQ}tester${SQ},${SQ}report-gen${SQ},${SQ}reveal${SQ},${SQ}household${SQ}," changes &&
	sqlite3 "$RENKE_DB" "SELECT who, command, entity, entity_id, field FROM audit
		WHERE entity = ${SQ}reveal${SQ}" >actual &&
	echo "tester|report-gen|reveal|household|id_number,phone" >expect &&
	test_cmp expect actual &&
	: without --reveal, nothing is written &&
	report-gen households -f csv >/dev/null &&
	store_dump >again &&
	test_cmp after again
'

# ---- meetings ----

test_case 'meetings -f csv and -f table: the meetings, their suggestions and the vote' '
	example_township &&
	report-gen meetings -f csv >actual &&
	cat >expect <<-EOF &&
	$MEETINGS_HEADER
	1,courtyard,后叶村,2社,2022-11-15,张书记,36,2,
	2,assembly,后叶村,,2022-11-28,,,0,adopted
	EOF
	test_cmp expect actual &&
	report-gen meetings -f table >actual &&
	check_table actual &&
	cat >expect <<-\EOF &&
	id  kind                 village  group  date        host    attendees  suggestions  village rules
	--  -------------------  -------  -----  ----------  ------  ---------  -----------  -------------
	 1  courtyard meeting    后叶村   2社    2022-11-15  张书记  36                   2
	 2  villagers'"'"' assembly  后叶村          2022-11-28                               0  adopted
	EOF
	test_cmp expect actual
'

test_case 'meetings: --kind, --group, --since, --until and --owner (the host) narrow the list' '
	example_township &&
	ids() { report-gen meetings -f csv "$@" | sed 1d | cut -d , -f 1 | tr "\n" " "; } &&
	test "$(ids)" = "1 2 " &&
	test "$(ids --kind 院坝会)" = "1 " &&
	test "$(ids --kind assembly)" = "2 " &&
	test "$(ids --group 2社)" = "1 " &&
	test "$(ids --since 2022-11-16)" = "2 " &&
	test "$(ids --until 2022-11-15)" = "1 " &&
	test "$(ids --owner 张书记)" = "1 " &&
	test "$(ids --village 石门村)" = ""
'

# ---- history ----

test_case 'history ID: the audit trail of one issue, oldest first' '
	example_township &&
	report-gen history 1 -f csv >out &&
	head -n 1 out >actual &&
	echo "$HISTORY_HEADER" >expect &&
	test_cmp expect actual &&
	sed 1d out | cut -d , -f 2- >actual &&
	cat >expect <<-\EOF &&
	tester,meeting-log,status,,open
	tester,meeting-log,owner,,李主任
	tester,meeting-log,due_date,,2022-11-22
	tester,issue-update,status,open,in_progress
	tester,issue-update,note,,已联系施工队
	tester,issue-update,due_date,2022-11-22,2022-11-25
	tester,issue-update,extensions,0,1
	tester,issue-update,extension_reason,,雨天停工
	tester,issue-update,status,in_progress,resolved
	tester,issue-update,resolution,,桥面已修复
	tester,issue-update,resolved_on,,2022-11-24
	tester,issue-update,status,resolved,feedback_given
	tester,issue-update,feedback,,入户告知王德明
	tester,issue-update,feedback_on,,2022-11-25
	tester,issue-update,status,feedback_given,closed
	tester,issue-update,closed_on,,2022-11-26
	EOF
	test_cmp expect actual &&
	sed 1d out | cut -d , -f 1 >at &&
	sort -c at &&
	sqlite3 "$RENKE_DB" "SELECT at FROM audit WHERE entity = ${SQ}issue${SQ}
		AND entity_id = ${SQ}1${SQ} ORDER BY seq" >expect &&
	test_cmp expect at &&
	report-gen history 3 -f csv | sed 1d | cut -d , -f 4-6 >actual &&
	cat >expect <<-\EOF &&
	status,,open
	owner,,村调委会
	due_date,,2022-12-10
	mediation_outcome,,success
	mediated_on,,2022-11-12
	revisit_due,,2022-12-12
	status,open,resolved
	resolution,,双方签订调解协议
	resolved_on,,2022-11-12
	revisit,,2022-12-12 村调委会 relapsed
	revisit_due,2022-12-12,
	status,resolved,reopened
	reason,,relapsed at the revisit
	EOF
	test_cmp expect actual
'

test_case 'history ID -f table: aligned, the same trail' '
	example_township &&
	report-gen history 3 -f table >out &&
	check_table out &&
	table_cells out | cut -d "|" -f 2- >actual &&
	cat >expect <<-\EOF &&
	who|command|field|old|new
	tester|issue-add|status||open
	tester|issue-add|owner||村调委会
	tester|issue-add|due date||2022-12-10
	tester|issue-update|mediation outcome||mediated
	tester|issue-update|mediated on||2022-11-12
	tester|issue-update|revisit due||2022-12-12
	tester|issue-update|status|open|resolved
	tester|issue-update|resolution||双方签订调解协议
	tester|issue-update|resolved on||2022-11-12
	tester|issue-update|revisit||2022-12-12 村调委会 relapsed
	tester|issue-update|revisit due|2022-12-12|
	tester|issue-update|status|resolved|reopened
	tester|issue-update|reason||relapsed at the revisit
	EOF
	test_cmp expect actual
'

test_case 'history of an unknown issue: exit 65 and a message' '
	example_township &&
	expect_status 65 report-gen history 99 -f csv >out 2>err &&
	grep_message "^report-gen: .*99" err &&
	test_line_count 1 err &&
	expect_status 65 report-gen history 99 -f table >out 2>err &&
	grep_message "99" err
'

test_case 'history of an unknown issue writes nothing on the standard output' '
	example_township &&
	expect_status 65 report-gen history 99 -f csv >out 2>err &&
	test_must_be_empty out
'

# ---- survey ----

test_case 'survey -f csv: recognition by village and question, as survey-tally counts it' '
	example_township &&
	report-gen survey -f csv >out &&
	head -n 1 out >actual &&
	echo "$SURVEY_HEADER" >expect &&
	test_cmp expect actual &&
	test_line_count 37 out &&
	csv_columns out round saved_on | sed 1d | sort -u >actual &&
	echo 2022-11,2022-11-28 >expect &&
	test_cmp expect actual &&
	csv_columns out village question satisfied basically_satisfied \
		dissatisfied dont_know rate ci_low ci_high | sed 1d | sort >actual &&
	survey-tally --from-store 2022-11 --by village -f csv >tally &&
	csv_columns tally village question satisfied basically_satisfied \
		dissatisfied dont_know rate ci_low ci_high | sed 1d | grep -v "^\*," |
		sort >expect &&
	test_cmp expect actual &&
	: the rate and its interval, computed again &&
	python3 -c "
import csv
from wilson import wilson
bad = 0
for r in csv.DictReader(open(\"out\", encoding=\"utf-8\")):
    yes = int(r[\"satisfied\"]) + int(r[\"basically_satisfied\"])
    n = yes + int(r[\"dissatisfied\"])
    if wilson(yes, n) != (r[\"rate\"], r[\"ci_low\"], r[\"ci_high\"]):
        print(r, wilson(yes, n)); bad += 1
raise SystemExit(bad)
"
'

test_case 'survey: n is the number of answers in the rate, as in survey-tally' '
	example_township &&
	report-gen survey -f csv >out &&
	csv_columns out village question n satisfied basically_satisfied \
		dissatisfied | sed 1d | sort >actual &&
	survey-tally --from-store 2022-11 --by village -f csv >tally &&
	csv_columns tally village question n satisfied basically_satisfied \
		dissatisfied | sed 1d | grep -v "^\*," | sort >expect &&
	test_cmp expect actual
'

test_case 'survey: every saved round, earlier first; --village narrows' '
	example_township &&
	awk -F, -v OFS=, "\$2 == \"红狮村\" && \$7 == \"不满意\" && n++ % 2 == 0 { \$7 = \"基本满意\" } 1" \
		"$EXAMPLES/survey.csv" >october.csv &&
	survey-tally -q --save 2022-10 --today 2022-10-31 october.csv >/dev/null &&
	report-gen survey -f csv --village 红狮村 >out &&
	test_line_count 9 out &&
	csv_columns out question round saved_on | sed 1d >actual &&
	cat >expect <<-\EOF &&
	q_cadre,2022-10,2022-10-31
	q_cadre,2022-11,2022-11-28
	q_guarantee,2022-10,2022-10-31
	q_guarantee,2022-11,2022-11-28
	q_infrastructure,2022-10,2022-10-31
	q_infrastructure,2022-11,2022-11-28
	q_policy,2022-10,2022-10-31
	q_policy,2022-11,2022-11-28
	EOF
	test_cmp expect actual &&
	for round in 2022-10 2022-11; do
		grep "^$round," out | cut -d , -f 3,4,10-12 | sort >actual &&
		survey-tally --from-store $round --by village -f csv |
			grep "^红狮村," | cut -d , -f 1,2,9-11 | sort >expect &&
		test_cmp expect actual || return 1
	done &&
	report-gen survey -f csv | sed 1d | wc -l >actual &&
	echo 72 >expect &&
	test_cmp expect actual
'

test_case 'survey -f table: aligned, questions and rates for people' '
	example_township &&
	report-gen survey -f table --village 红狮村 >actual &&
	check_table actual &&
	cat >expect <<-\EOF &&
	round    saved       village  question                      n  satisfied  basically  dissatisfied  don'"'"'t know   rate    low   high
	-------  ----------  -------  ---------------------------  --  ---------  ---------  ------------  ----------  -----  -----  -----
	2022-11  2022-11-28  红狮村   cadres'"'"' conduct              35          9          8            18           5  48.6%  33.0%  64.4%
	2022-11  2022-11-28  红狮村   guarantees delivered         41         25          0            16           1  61.0%  45.7%  74.3%
	2022-11  2022-11-28  红狮村   infrastructure and services  39         12          6            21           1  46.2%  31.6%  61.4%
	2022-11  2022-11-28  红狮村   policy awareness             36         11         14            11           3  69.4%  53.1%  82.0%
	EOF
	test_cmp expect actual &&
	report-gen survey -f table >all &&
	check_table all
'

# ---- nothing written, errors ----

test_case 'report-gen writes nothing to the store' '
	example_township &&
	store_dump >before &&
	for report in summary issues visits households meetings "history 1" survey; do
		for format in table csv json jsonl markdown html; do
			report-gen $report -f $format --today $TODAY >/dev/null ||
				{ echo "report-gen $report -f $format failed" >&2; return 1; }
		done
	done &&
	report-gen issues --village 后叶村 --status open -f csv >/dev/null &&
	report-gen summary --since 2022-11-01 --until 2022-11-30 -f csv >/dev/null &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a store that does not exist: exit 66 alone, left out of a roll-up with exit 65' '
	expect_status 66 report-gen -d nowhere.db summary -f csv >out 2>err &&
	grep_message "^report-gen: .*nowhere.db" err &&
	test_must_be_empty out &&
	test_path_is_missing nowhere.db &&
	expect_status 66 report-gen issues -f csv >out 2>err &&
	test_path_is_missing "$RENKE_DB" &&
	example_township &&
	expect_status 65 report-gen -d "$RENKE_DB" -d nowhere.db summary -f csv >out 2>err &&
	grep_message "nowhere.db.*left out of the report" err &&
	test_line_count 1 err &&
	test_path_is_missing nowhere.db &&
	: the store that opens is still reported, with the county total &&
	test_line_count 12 out &&
	tail -n 1 out | grep -q "^\*,\*,"
'

test_case 'usage errors exit 64 and say so' '
	example_township &&
	while IFS="|" read -r args; do
		eval "set -- $args" &&
		expect_status 64 report-gen "$@" >out 2>err &&
		grep_message "^report-gen: " err &&
		test_must_be_empty out || { echo "for: $args" >&2; return 1; }
	done <<-\EOF
	
	bogus
	summary extra
	history
	history 1 2
	--no-such-option summary
	-f xml summary
	--status finished issues
	--category 不存在 issues
	--kind 不存在 issues
	--since yesterday issues
	--until 2022-13-45 issues
	-d a.db -d b.db history 1
	EOF
'

test_case 'report-gen -h prints the synopsis and exits 0' '
	report-gen -h >out 2>err &&
	grep -q "^usage: report-gen" out &&
	grep -q "history id | history --case n | survey" out
'

test_case 'a filter that does not apply to a report is not taken for "no rows"' '
	example_township &&
	for case in "households --since 2022-11-01" "households --owner 李主任" \
		"visits --status open" "visits --kind dispute" \
		"meetings --category 住房" "survey --group 1社"; do
		set -- $case &&
		report=$1 && shift &&
		status=0 &&
		report-gen $report -f csv "$@" >out 2>err || status=$? &&
		report-gen $report -f csv >all &&
		if [ $status -eq 64 ]; then
			grep_message "^report-gen: " err
		elif [ $status -eq 0 ]; then
			cmp -s all out || {
				echo "exit 0 with $(($(wc -l <out) - 1)) rows; without the filter $(($(wc -l <all) - 1))" >&2
				false
			}
		else
			false
		fi || { echo "for: report-gen $case (exit $status)" >&2; return 1; }
	done
'

# ---- formats ----

test_case '-f markdown: a GFM table, numbers right-aligned, | escaped' '
	example_township &&
	issue-add -q --today 2022-11-20 --title "管道|接头漏水" --owner 王强 \
		--household HY0501004 --category 饮水 -f csv >/dev/null &&
	report-gen issues -f markdown --village 石门村 >actual &&
	cat >expect <<-\EOF &&
	| id | kind | category | title | urgency | village | group | household | source | owner | opened | due | status | resolved | fed back | closed | extensions | repeats |
	| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---: | ---: |
	| 4 | problem | drinking water | 管道\|接头漏水 | normal | 石门村 | 1社 | HY0501004 | other | 王强 | 2022-11-20 | 2022-12-20 | open |  |  |  | 0 |  |
	EOF
	test_cmp expect actual &&
	for report in summary issues visits households meetings "history 1" survey; do
		report-gen $report -f markdown --today $TODAY >md &&
		python3 -c "
import re, sys
lines = open(\"md\", encoding=\"utf-8\").read().split(\"\n\")
assert lines[-1] == \"\", \"no final newline\"
lines = lines[:-1]
# the summary says first what its counts count, a paragraph of its own
if \"$report\" == \"summary\":
    assert lines[0].startswith(\"Counts are cumulative\") and lines[1] == \"\", lines[:2]
    lines = lines[2:]
def cells(line):
    assert line.startswith(\"| \") and line.endswith(\" |\"), line
    return re.split(r\"(?<!\\\\)\|\", line[1:-1])
n = len(cells(lines[0]))
for c in cells(lines[1]):
    assert re.fullmatch(r\" :?-{3,}:? \", c), lines[1]
for line in lines[2:]:
    assert len(cells(line)) == n, line
" || { echo "report-gen $report -f markdown" >&2; return 1; }
	done
'

test_case '-f html of a ledger: one self-contained HTML table, escaped' '
	example_township &&
	issue-add -q --today 2022-11-20 --title "<b>漏水</b> & 停电" --owner 王强 \
		--household HY0501004 -f csv >/dev/null &&
	report-gen issues -f html >out &&
	head -n 1 out | grep -q "^<!DOCTYPE html>" &&
	tail -n 1 out | grep -q "^</html>$" &&
	! grep -n -i -E "<script|https?:|url\(|@import|<link|<img|<iframe|src=|href=" out &&
	test "$(grep -c "<table" out)" -eq 1 &&
	test "$(grep -o "<tr>" out | wc -l)" -eq 5 &&
	grep -q "<td>&lt;b&gt;漏水&lt;/b&gt; &amp; 停电</td>" out &&
	! grep -q "<b>漏水" out &&
	for report in visits households meetings "history 1" survey; do
		report-gen $report -f html >out &&
		csv_rows=$(report-gen $report -f csv | wc -l) &&
		test "$(grep -o "<tr>" out | wc -l)" -eq "$csv_rows" &&
		! grep -q -i -E "<script|https?:|<link|src=" out ||
			{ echo "report-gen $report -f html" >&2; return 1; }
	done
'

test_case '-f html summary: one page, five charts, A4, nothing fetched' '
	example_township &&
	report-gen summary -f html --today $TODAY >out &&
	head -n 1 out | grep -q "^<!DOCTYPE html>" &&
	grep -q "</html>" out &&
	grep -q "@page" out && grep -q "A4" out &&
	for id in chart-coverage chart-issues chart-recognition chart-age chart-funnel; do
		grep -q "id=\"$id\"" out || { echo "no $id" >&2; return 1; }
	done &&
	test "$(grep -c "<svg" out)" -ge 5 &&
	! grep -n -i -E "<script|https?:|url\(|@import|<link|<img|<iframe|src=|href=" out |
		grep -v "xmlns=\"http://www.w3.org/2000/svg\"" | grep .
'

test_case '-f json and -f jsonl: valid, one object per row, the csv field names' '
	example_township &&
	for report in summary issues visits households meetings "history 1" survey; do
		report-gen $report -f json --today $TODAY >json &&
		python3 -m json.tool json >/dev/null &&
		report-gen $report -f jsonl --today $TODAY >jsonl &&
		report-gen $report -f csv --today $TODAY >csv &&
		python3 -c "
import csv, json
rows = list(csv.reader(open(\"csv\", encoding=\"utf-8\")))
data = json.load(open(\"json\", encoding=\"utf-8\"))
assert isinstance(data, list) and len(data) == len(rows) - 1, (len(data), len(rows))
for obj in data:
    assert list(obj) == rows[0], (list(obj), rows[0])
lines = open(\"jsonl\", encoding=\"utf-8\").read().split(\"\n\")
assert lines[-1] == \"\"
assert [json.loads(l) for l in lines[:-1]] == data
for obj, row in zip(data, rows[1:]):
    for k, v in zip(rows[0], row):
        j = obj[k]
        assert (j is None and v == \"\") or str(j) == v or \
            (isinstance(j, bool) and v in (\"true\", \"false\", \"0\", \"1\")) or \
            (isinstance(j, (int, float)) and float(j) == float(v)), (k, j, v)
" || { echo "report-gen $report -f json/jsonl" >&2; return 1; }
	done
'

test_case 'a reader that closes the pipe early is not an error' '
	example_township &&
	for report in visits households survey summary issues; do
		for format in csv table; do
			{ report-gen $report -f $format --today $TODAY 2>err; echo $? >status; } |
				head -n 1 >out &&
			test_line_count 1 out &&
			echo 0 >expect &&
			test_cmp expect status &&
			test_must_be_empty err ||
				{ echo "report-gen $report -f $format | head -n 1" >&2; return 1; }
		done
	done
'

# ---- Chinese ----

test_case 'zh_CN: every report as a table is aligned' '
	example_township &&
	zh_locale &&
	for report in summary issues visits households meetings "history 3" survey; do
		report-gen $report -f table --today $TODAY >out &&
		check_table out || { echo "report-gen $report -f table" >&2; return 1; }
	done &&
	report-gen issues -f table >out &&
	grep -q "重新办理" out
'

test_case 'zh_CN: the summary table speaks Chinese' '
	example_township &&
	zh_locale &&
	report-gen summary -f table --today $TODAY >out &&
	head -n 1 out >heading &&
	! grep -o -w -E "households|members|lifted|monitored|ordinary|issues|resolved|closed|overdue|extensions|answers|recognition|village rules" heading &&
	! grep -q -w -E "total|adopted" out &&
	report-gen meetings -f table >out &&
	! grep -q -w -E "adopted|village rules|host" out
'

test_done
