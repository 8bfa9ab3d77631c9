#!/bin/sh
#
# Workbooks out, as an office makes them by hand: a title row, the header
# frozen under it, an autofilter, columns as wide as their text (a CJK
# character two), the header repeated on printed pages, landscape fitted
# to the width, rates as percentages, "number stored as text" marks off,
# never zip64.  -o FILE: put in place only when all went well.  Limits
# are errors, and leave no file.  python3-openpyxl reads every workbook.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# sheet.py FILE: how the first sheet is laid out and printed, and whether
# each column is as wide as its widest cell (East Asian wide: two)
cat >"$TRASH/sheet.py" <<\EOF
import sys, unicodedata, zipfile, re
import openpyxl
from openpyxl.utils import get_column_letter
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
ws = wb.worksheets[0]
ps = ws.page_setup
print("sheets", wb.sheetnames)
print("title", ws["A1"].value, "merged", [str(r) for r in ws.merged_cells.ranges])
print("freeze", ws.freeze_panes, "filter", ws.auto_filter.ref, "rows", ws.max_row)
print("print titles", ws.print_title_rows, ps.orientation, "paper", ps.paperSize,
      "fit", ws.sheet_properties.pageSetUpPr.fitToPage, ps.fitToWidth, ps.fitToHeight)
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(s))
bad = []
for col in range(1, ws.max_column + 1):
    letter = get_column_letter(col)
    # from the header down: the title rows above it are merged across
    header = int(ws.freeze_panes[1:]) - 1 if ws.freeze_panes else 2
    cells = [ws.cell(row=r, column=col).value for r in range(header, ws.max_row + 1)]
    want = min(max(width(v) for v in cells if v is not None), 60) + 2
    got = ws.column_dimensions[letter].width
    if abs(got - want) > 0.75:
        bad.append("%s %s want %s" % (letter, got, want))
print("widths", "ok" if not bad else bad)
z = zipfile.ZipFile(path)
xml = z.read("xl/worksheets/sheet1.xml").decode()
print("ignored", re.findall(r'<ignoredError [^>]*>', xml))
raw = open(path, "rb").read()
print("zip64", any(i.extra for i in z.infolist()) or b"PK\x06\x06" in raw or b"PK\x06\x07" in raw)
EOF

# cell.py FILE REF...: type, number format and value of each cell
cat >"$TRASH/cell.py" <<\EOF
import sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
for ref in sys.argv[2:]:
    c = ws[ref]
    print(ref, c.data_type, c.number_format, c.value)
EOF

zh() {
	LANG=zh_CN.UTF-8
	LC_ALL=zh_CN.UTF-8
	export LANG LC_ALL
}

test_case 'a sheet as an office makes one: title rows, frozen header, filter, widths, print setup' '
	example_township &&
	household-list --today 2022-11-30 -f xlsx -o list.xlsx &&
	"$PY" "$TRASH/sheet.py" list.xlsx >got &&
	cat >expect <<-\EOF &&
	sheets ['"'"'Households'"'"']
	title renke Household ledger merged ['"'"'A1:J1'"'"', '"'"'A2:J2'"'"', '"'"'A3:J3'"'"', '"'"'A4:J4'"'"']
	freeze A6 filter A5:J355 rows 355
	print titles $5:$5 landscape paper 9 fit True None 0
	widths ok
	ignored ['"'"'<ignoredError sqref="A6:J355" numberStoredAsText="1"/>'"'"']
	zip64 False
	EOF
	test_cmp expect got &&
	"$PY" "$TRASH/cell.py" list.xlsx A5 C6 D6 H6 >cells &&
	cat >expect <<-\EOF &&
	A5 s General household
	C6 s @ 500235********0010
	D6 s @ 154****0480
	H6 n General 4
	EOF
	test_cmp expect cells
'

test_case 'under zh_CN the title, the sheet and the headings are Chinese' '
	example_township &&
	(zh && household-list --today 2022-11-30 -f xlsx -o list.xlsx) &&
	"$PY" "$TRASH/sheet.py" list.xlsx >got &&
	grep_message "^sheets \[.农户名册.\]$" got &&
	grep_message "^title renke 农户台账 merged" got &&
	grep_message "^widths ok$" got &&
	"$PY" "$TRASH/cell.py" list.xlsx A2 A3 A4 A5 C5 G6 >cells &&
	cat >expect <<-\EOF &&
	A2 s General 村（社区）：全部
	A3 s General 日期：2022年11月30日
	A4 s General 共350户
	A5 s General 户编号
	C5 s General 身份证号
	G6 s General 一般农户
	EOF
	test_cmp expect cells
'

test_case 'a report titled with its day; rates are numbers shown as percentages' '
	example_township &&
	report-gen --today 2022-11-30 survey -f xlsx -o survey.xlsx &&
	report-gen --today 2022-11-30 survey -f csv >survey.csv &&
	"$PY" - survey.xlsx survey.csv >got <<-\EOF &&
	import csv, sys
	import openpyxl
	ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
	header = int(ws.freeze_panes[1:]) - 1
	for r in range(1, header):
	    print(ws.cell(row=r, column=1).value)
	rows = list(csv.DictReader(open(sys.argv[2])))
	heads = [c.value for c in ws[header]]
	for name, head in (("rate", "rate"), ("ci_low", "low"), ("ci_high", "high")):
	    col = heads.index(head) + 1
	    for i, row in enumerate(rows):
	        c = ws.cell(row=header + 1 + i, column=col)
	        assert c.number_format == "0.0%", c.number_format
	        # as shown, to 0.1%: within half of that and the rounding of the CSV
	        assert abs(c.value - float(row[name])) <= 0.00055, (c.value, row)
	print("rates", len(rows))
	EOF
	grep_message "^renke Recognition$" got &&
	grep_message "^Date: 2022-11-30$" got &&
	grep_message "^rates [1-9]" got
'

test_case 'a local time for people is a real date and time' '
	example_township &&
	report-gen history 1 -f xlsx -o h.xlsx &&
	report-gen history 1 -f table | sed -n 3p | cut -c1-16 >expect &&
	"$PY" - h.xlsx >got <<-\EOF &&
	import sys
	import openpyxl
	ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
	c = ws["A" + ws.freeze_panes[1:]]
	assert c.is_date, (c.data_type, c.value)
	assert c.number_format == "yyyy-mm-dd hh:mm", c.number_format
	print(c.value.strftime("%Y-%m-%d %H:%M"))
	EOF
	test_cmp expect got
'

test_case '-o puts the file in place only when all went well, mode 0600' '
	example_township &&
	report-gen --today 2022-11-30 issues -f xlsx -o issues.xlsx &&
	ls -A >files &&
	printf "%s\n" files issues.xlsx renke.db >expect &&
	test_cmp expect files &&
	ls -l issues.xlsx | cut -c1-10 >mode &&
	echo "-rw-------" >expect &&
	test_cmp expect mode &&
	echo old >kept.csv &&
	expect_status 65 report-gen --today 2022-11-30 issues --village 后页村 \
		-o kept.csv 2>err &&
	echo old >expect &&
	test_cmp expect kept.csv &&
	expect_status 65 household-list --village 无此村 -f xlsx -o none.xlsx 2>err &&
	test_path_is_missing none.xlsx &&
	ls -A >files &&
	printf "%s\n" err expect files issues.xlsx kept.csv mode renke.db >expect &&
	test_cmp expect files
'

test_case '-o takes any format, and a workbook on a terminal when it goes to a file' '
	example_township &&
	household-list -f csv -o list.csv &&
	household-list -f csv >expect &&
	test_cmp expect list.csv &&
	on_terminal "household-list -f xlsx -o t.xlsx; echo status \$?" >out &&
	grep_message "^status 0$" out &&
	"$PY" "$TRASH/cell.py" t.xlsx A1 >cells &&
	echo "A1 s General renke Household ledger" >expect &&
	test_cmp expect cells
'

test_case '-o refuses the store, an input and a directory: exit 64, store unchanged' '
	example_township &&
	store_dump >before &&
	expect_status 64 household-list -o renke.db 2>err &&
	grep_message "^household-list: -o: renke.db is the store; name a new file for the output$" err &&
	expect_status 64 report-gen summary -o renke.db-wal 2>err &&
	grep_message "^report-gen: -o: renke.db-wal is the store" err &&
	printf "title,owner,village\nx,王强,后叶村\n" >in.csv &&
	expect_status 64 issue-add -o in.csv in.csv 2>err &&
	grep_message "^issue-add: -o: in.csv is an input; name a new file for the output$" err &&
	mkdir d &&
	expect_status 64 household-list -o d 2>err &&
	grep_message "^household-list: -o: d is a directory$" err &&
	(zh && expect_status 64 household-list -o renke.db) 2>err &&
	grep_message "^household-list: -o：renke.db 是数据库本身；请为输出另指定一个新文件$" err &&
	store_unchanged &&
	ls -A >files &&
	printf "%s\n" after before d err files in.csv renke.db >expect &&
	test_cmp expect files
'

test_case 'a cell over 32,767 characters: exit 65, named, no file left' '
	example_township &&
	long=$(printf "%32768s" "" | tr " " x) &&
	issue-add -q --today 2022-11-01 --title "$long" --owner 王强 \
		--village 后叶村 >/dev/null &&
	expect_status 65 report-gen --today 2022-11-30 issues -f xlsx -o out.xlsx 2>err &&
	grep_message "^report-gen: title: row [0-9]*: a value of 32768 characters; a workbook cell holds at most 32,767 characters$" err &&
	(zh && expect_status 65 report-gen --today 2022-11-30 issues -f xlsx -o out.xlsx) 2>err &&
	grep_message "^report-gen: title：第[0-9]*行：值有32768个字符；工作簿的单元格最多容纳32,767个字符$" err &&
	test_path_is_missing out.xlsx &&
	ls -A >files &&
	printf "%s\n" err files renke.db >expect &&
	test_cmp expect files
'

test_case 'a long Chinese value within the limit is written whole' '
	example_township &&
	long=$(i=0; while [ $i -lt 2000 ]; do printf 户户户户户户户户户户; i=$((i + 1)); done) &&
	issue-add -q --today 2022-11-01 --title "$long" --owner 王强 \
		--village 后叶村 >/dev/null &&
	report-gen --today 2022-11-30 issues -f xlsx -o out.xlsx &&
	"$PY" - out.xlsx >got <<-\EOF &&
	import sys
	import openpyxl
	ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
	print(max(len(c.value or "") for c in ws["D"] if isinstance(c.value, str)))
	EOF
	echo 20000 >expect &&
	test_cmp expect got
'

# summary.py FILE: each sheet's name, title, frozen pane and filter, its
# header row, and its charts: kind, series, the cells the first one reads
cat >"$TRASH/summary.py" <<\EOF
import sys, zipfile, re
import openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
for ws in wb.worksheets:
    print("sheet", ws.title, "|", ws["A1"].value, "|", ws.freeze_panes, ws.auto_filter.ref)
    print("  header", "/".join(str(c.value) for c in ws[2]))
    for ch in ws._charts:
        s = ch.series
        cat = s[0].cat.strRef or s[0].cat.multiLvlStrRef
        print("  chart", type(ch).__name__, len(s), "series", s[0].val.numRef.f, "by", cat.f)
z = zipfile.ZipFile(path)
for name in sorted(n for n in z.namelist() if n.startswith("xl/charts/chart")):
    print(name, re.findall(r"<a:t>([^<]*)</a:t>", z.read(name).decode())[0])
EOF

test_case 'the summary workbook: a sheet per table and chart of the page, each chart native' '
	example_township &&
	report-gen --today 2022-11-30 summary -f xlsx -o sum.xlsx &&
	"$PY" "$TRASH/summary.py" sum.xlsx >got &&
	sed "s/Q/$SQ/g" >expect <<-\EOF &&
	sheet Households and visit coverage | renke Households and visit coverage (as of 2022-11-30) Counts are cumulative: from the start of the campaign to 2022-11-30. | A3 A2:L12
	  header village/households/lifted/monitored/minimum allowance/serious illness/extreme poverty/ordinary/脱贫户、监测户和低保户、大病户、特困户全覆盖入户走访 by 2022-11-01/完成新识别监测户、风险消除户信息采集 by 2022-11-08/脱贫户、监测户年度信息采集更新 by 2022-11-18/完成所有农户信息采集 by 2023-02-18
	  chart BarChart 4 series QHouseholds and visit coverageQ!$I$3:$I$12 by QHouseholds and visit coverageQ!$A$3:$A$12
	sheet Issues, meetings and recognitio | renke Issues, meetings and recognition (as of 2022-11-30) Counts are cumulative: from the start of the campaign to 2022-11-30. | A3 A2:P12
	  header village/issues/repeats/resolved/fed back/closed/overdue/median days/extensions/meetings held/meetings required/answers/recognition/low/high/village rules
	  chart LineChart 3 series QIssues, meetings and recognitioQ!$N$3:$N$12 by QIssues, meetings and recognitioQ!$A$3:$A$12
	sheet Issues by status | renke Issues by status (as of 2022-11-30) Counts are cumulative: from the start of the campaign to 2022-11-30. | A3 A2:I12
	  header category/open/in progress/resolved/feedback given/closed/reopened/closed, promised/total
	  chart BarChart 7 series QIssues by statusQ!$B$3:$B$12 by QIssues by statusQ!$A$3:$A$12
	sheet Open issues by age | renke Open issues by age (as of 2022-11-30) Counts are cumulative: from the start of the campaign to 2022-11-30. | A3 A2:B7
	  header days since the issue was opened/open issues
	  chart BarChart 1 series QOpen issues by ageQ!$B$3:$B$7 by QOpen issues by ageQ!$A$3:$A$7
	sheet Monitoring cases | renke Monitoring cases (as of 2022-11-30) Counts are cumulative: from the start of the campaign to 2022-11-30. | A3 A2:E12
	  header village/case clues/checked/posted/decided
	  chart BarChart 4 series QMonitoring casesQ!$B$3:$B$12 by QMonitoring casesQ!$A$3:$A$12
	xl/charts/chart1.xml Visit coverage per village and milestone
	xl/charts/chart2.xml Recognition per village with its interval
	xl/charts/chart3.xml Issues by status per category
	xl/charts/chart4.xml Open issues by age
	xl/charts/chart5.xml Monitoring cases per village, clue to decision
	EOF
	test_cmp expect got &&
	"$PY" "$TRASH/cell.py" sum.xlsx A3 B3 I3 A12 >cells &&
	cat >expect <<-\EOF &&
	A3 s General 后叶村
	B3 n General 45
	I3 n 0.0% 0.833
	A12 s General total
	EOF
	test_cmp expect cells
'

test_case 'the summary workbook in Chinese; from two stores, the county total' '
	example_township &&
	cp renke.db 后叶镇.db && cp renke.db 双河镇.db &&
	(zh && report-gen --today 2022-11-30 -d 后叶镇.db -d 双河镇.db summary \
		-f xlsx -o county.xlsx) &&
	"$PY" "$TRASH/summary.py" county.xlsx >got &&
	grep_message "^sheet 农户与走访覆盖率 | 后叶镇、双河镇 农户与走访覆盖率（截至2022-11-30） 各项数字为累计数：自工作开展以来至2022年11月30日。 | A3 A2:M23$" got &&
	grep_message "^  chart BarChart 4 series .农户与走访覆盖率.!\$J\$3:\$J\$23 by .农户与走访覆盖率.!\$B\$3:\$B\$23$" got &&
	grep_message "^sheet 问题台账、会议与群众认可度 " got &&
	grep_message "^xl/charts/chart3.xml 各类别问题办理状态$" got &&
	"$PY" "$TRASH/cell.py" county.xlsx A2 B2 A3 B23 >cells &&
	cat >expect <<-\EOF &&
	A2 s General 乡镇
	B2 s General 村(社区)
	A3 s General 后叶镇
	B23 s General 全县合计
	EOF
	test_cmp expect cells
'

test_case 'a summary workbook from roll-ups, as from the stores' '
	example_township &&
	cp renke.db a.db && cp renke.db b.db &&
	report-gen --today 2022-11-30 -d a.db -d b.db summary -f json >rollup.json &&
	report-gen --from-rollup summary rollup.json -f xlsx -o rollup.xlsx &&
	"$PY" "$TRASH/summary.py" rollup.xlsx >got &&
	grep -c "^  chart " got >charts &&
	echo 5 >expect &&
	test_cmp expect charts
'

test_done
