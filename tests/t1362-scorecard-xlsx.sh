#!/bin/sh
#
# report-gen scorecard -f xlsx colours each action's required items as
# the HTML heat map does: green when all were done by their due date,
# amber when the rest were done late, red when any is missing, light
# blue when none is required yet but a milestone is not yet due,
# nothing when none is required; a key under the rows explains the
# colours.
# Read back by an independent reader (python3-openpyxl) and checked
# against the CSV of the same scorecard.

. "$(dirname "$0")/lib.sh"

DAY=2023-03-01

# the example township with its meeting milestones and a briefing held
# in time in 双河村, on 1 March 2023: done, late and missing items
township() {
	store_cache card '
		household-add -q "$EXAMPLES/households.csv" &&
		milestone-add -q "$EXAMPLES/milestones.csv" &&
		visit-log -q "$EXAMPLES/visits.csv" &&
		milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
		meeting-log -q --kind 政策解读 --village 双河村 --date 2022-11-20 \
			--today 2022-11-20 </dev/null >/dev/null'
}

# check CSV XLSX DONE LATE MISSING PENDING [STATES]: every village's and
# total's action cells of the workbook filled as the CSV's counts say,
# the rest unfilled, the states seen (done,late,missing by default), and
# the key under the rows
cat >check.py <<\EOF
import csv, sys
import openpyxl
card, book, words = sys.argv[1], sys.argv[2], sys.argv[3:7]
states = set(sys.argv[7].split(",")) if len(sys.argv) > 7 else {"done", "late", "missing"}
rows = list(csv.reader(open(card, encoding="utf-8")))
head, rows = rows[0], rows[1:]
ws = openpyxl.load_workbook(book).active
first = int(ws.freeze_panes[1:])	# under the title rows and the header
colour = {"done": "FF92D050", "late": "FFFFC000", "missing": "FFFF5050",
    "pending": "FFBDD7EE"}
actions = [("visits", "done"), ("representatives", "held"),
    ("briefings", "held"), ("courtyard", "held"), ("rules_delivery", "done"),
    ("care", "done")]
def fill(cell):
    f = cell.fill
    return f.fgColor.rgb if f is not None and f.patternType == "solid" else None
bad, seen = 0, set()
for k, row in enumerate(rows):
    at = dict(zip(head, row))
    marked = {}
    for p, d in actions:
        q, done, late = at[p + "_required"], at[p + "_" + d], at[p + "_late"]
        pending = at.get(p + "_pending", "")
        state = None if q == "" else \
            ("pending" if pending != "" and int(pending) > 0 else None) if int(q) == 0 else \
            "done" if int(done) >= int(q) else \
            "late" if int(done) + int(late) >= int(q) else "missing"
        cells = [p + "_required", p + "_" + d, p + "_late"]
        if p + "_pending" in at:
            cells.append(p + "_pending")
        for c in cells:
            marked[head.index(c)] = colour.get(state)
        if state:
            seen.add(state)
    for i in range(len(head)):
        got = fill(ws.cell(row=first + k, column=1 + i))
        if got != marked.get(i):
            print("row", first + k, head[i], "filled", got, "not", marked.get(i))
            bad += 1
        value = ws.cell(row=first + k, column=1 + i).value
        if i in marked and marked[i] and str(value) != row[i]:
            print("row", first + k, head[i], "holds", value, "not", row[i])
            bad += 1
if seen != states:
    print("states seen:", seen)
    bad += 1
last = first + len(rows)
if any(ws.cell(row=last, column=1 + i).value is not None for i in range(len(head))):
    print("no blank row between the rows and the key")
    bad += 1
key = [(ws.cell(row=last + 1, column=1 + i).value, fill(ws.cell(row=last + 1, column=1 + i)))
    for i in range(4)]
if key != list(zip(words, (colour["done"], colour["late"], colour["missing"],
        colour["pending"]))):
    print("key:", key)
    bad += 1
if ws.max_row != last + 1:
    print("rows after the key:", ws.max_row)
    bad += 1
if not ws.auto_filter.ref.endswith(str(last - 1)):
    print("the filter covers", ws.auto_filter.ref)
    bad += 1
sys.exit(bad)
EOF

test_case 'the workbook'"'"'s action cells are coloured as the CSV'"'"'s counts say, with a key' '
	township &&
	report-gen scorecard -f csv --today $DAY >card.csv &&
	report-gen scorecard -f xlsx --today $DAY >card.xlsx &&
	/usr/bin/python3 "$TRASH/check.py" card.csv card.xlsx done "done late" missing "not yet due"
'

test_case 'a milestone not yet due is light blue where nothing else is required, never red' '
	township &&
	report-gen scorecard -f csv --today 2022-11-30 >card.csv &&
	field visits_pending card.csv | grep -q ",1$" &&
	report-gen scorecard -f xlsx --today 2022-11-30 >card.xlsx &&
	/usr/bin/python3 "$TRASH/check.py" card.csv card.xlsx done "done late" missing "not yet due" \
		done,late,missing &&
	: before the first milestone, none is missing: each is done already or pending &&
	report-gen scorecard -f csv --today 2022-10-31 >card.csv &&
	field visits_required card.csv >required &&
	field visits_done card.csv >done &&
	test_cmp required done &&
	grep -q "^凉水村,1$" done &&
	report-gen scorecard -f xlsx --today 2022-10-31 >card.xlsx &&
	/usr/bin/python3 "$TRASH/check.py" card.csv card.xlsx done "done late" missing "not yet due" \
		done,pending
'

test_case 'zh_CN: the same colours, the key in Chinese' '
	township &&
	report-gen scorecard -f csv --today $DAY >card.csv &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen scorecard -f xlsx --today $DAY >card.xlsx &&
	/usr/bin/python3 "$TRASH/check.py" card.csv card.xlsx 已完成 逾期完成 未完成 未到期
'

test_case 'a county: the township column first, the same colours' '
	township &&
	cp "$RENKE_DB" 甲镇.db &&
	cp "$RENKE_DB" 乙镇.db &&
	report-gen -d 甲镇.db -d 乙镇.db scorecard -f csv --today $DAY >card.csv &&
	report-gen -d 甲镇.db -d 乙镇.db scorecard -f xlsx --today $DAY >card.xlsx &&
	/usr/bin/python3 "$TRASH/check.py" card.csv card.xlsx done "done late" missing "not yet due"
'

test_case 'other listings keep their plain cells and no key' '
	township &&
	household-list --today 2022-11-30 -f xlsx >list.xlsx &&
	/usr/bin/python3 -c "
import sys, openpyxl
ws = openpyxl.load_workbook(\"list.xlsx\").active
first = int(ws.freeze_panes[1:])	# under the title rows and the header
filled = [c.coordinate for r in ws.iter_rows(min_row=first) for c in r
	if c.fill is not None and c.fill.patternType == \"solid\"]
sys.exit(1 if filled or ws.max_row != first - 1 + 350 else 0)
"
'

test_done
