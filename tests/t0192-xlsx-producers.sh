#!/bin/sh
#
# .xlsx workbooks as the programs offices and government systems use
# write them, each read as its CSV: the example roster and visits made by
# openpyxl (scripts/gen-workbook --office) and rewritten at test time as
# other producers write the same cells (tests/xlsx_variant.py: OpenXML SDK
# and ClosedXML's x: prefixes, relationship targets absolute or through
# ../, part names in other case, rows and cells without r, strings inline
# with no shared strings part (their text in <is>, or in <v> as some
# exporters write it against the standard), formula strings, empty <v/>,
# no or a wrong <dimension>, Strict Open XML), and the roster as LibreOffice saves it
# (tests/data/, made by scripts/gen-libreoffice-fixtures).  What no
# reader of renke's reads, files some programs save or export under a
# workbook's name (an OpenDocument spreadsheet, an Excel binary workbook,
# a web page, Excel 2003's XML), is refused naming what it is and saying
# what to save it as.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
DATA=$TOP/tests/data
VARIANTS="prefixed absolute parent case no-refs inline inline-v str empty-v no-dimension dimension-a1 strict"

gen-workbook --office "$EXAMPLES/households.csv" "$TRASH/households.xlsx" &&
gen-workbook --office --dates 走访日期 "$EXAMPLES/visits.csv" "$TRASH/visits.xlsx" &&
"$PY" "$TOP/tests/xlsx_variant.py" "$TRASH/households.xlsx" "$TRASH/households-" $VARIANTS &&
"$PY" "$TOP/tests/xlsx_variant.py" "$TRASH/visits.xlsx" "$TRASH/visits-" prefixed no-refs inline strict &&
household-add -q -d "$TRASH/csv.db" "$EXAMPLES/households.csv" &&
cp "$TRASH/csv.db" "$TRASH/visits.db" &&
visit-log -q --today 2023-03-01 -d "$TRASH/visits.db" "$EXAMPLES/visits.csv" >/dev/null || exit 1

# same_visits A B: stores A and B hold the same visits, the example's
same_visits() {
	for db in "$1" "$2"; do
		sqlite3 "$db" "SELECT household_id, visit_date, visitor, visitor_role,
			round, food_clothing, education, medical, housing, drinking_water,
			income_stable, industry_link, risk_level, monitor_suggested, notes
			FROM visit ORDER BY 1, 2, 3" >"$db.visits" || return 1
	done &&
	test_line_count $(example_rows visits.csv) "$1.visits" &&
	test_cmp "$1.visits" "$2.visits"
}

for v in $VARIANTS; do
	test_case "a roster written $v gives what its CSV gives" '
		household-add -q -d xlsx.db "$TRASH/households-'$v'.xlsx" &&
		same_households "$TRASH/csv.db" xlsx.db
	'
done

test_case 'the x: prefixes on every element: the header and merged cells found' '
	unzip -p "$TRASH/households-prefixed.xlsx" xl/worksheets/sheet2.xml >sheet.xml &&
	grep -q "<x:sheetData><x:row r=\"1\"><x:c " sheet.xml &&
	grep -q "<x:mergeCell ref=" sheet.xml &&
	household-add -d xlsx.db "$TRASH/households-prefixed.xlsx" 2>err &&
	grep_message "households-prefixed.xlsx:花名册: the header is row 4$" err
'

test_case 'strings inline, no shared strings part: none in the zip' '
	! unzip -l "$TRASH/households-inline.xlsx" | grep -i sharedstrings &&
	unzip -p "$TRASH/households-inline.xlsx" xl/worksheets/sheet2.xml | grep -q "<rPh"
'

for v in prefixed no-refs inline strict; do
	test_case "visits written $v: dates in four forms as its CSV" '
		cp "$TRASH/csv.db" xlsx.db &&
		visit-log -q --today 2023-03-01 -d xlsx.db "$TRASH/visits-'$v'.xlsx" >/dev/null &&
		same_visits "$TRASH/visits.db" xlsx.db
	'
done

test_case 'LibreOffice'"'"'s .xlsx: format 0 named General is no date' '
	unzip -p "$DATA/households-chart.xlsx" xl/styles.xml >styles.xml &&
	grep -q "<numFmt numFmtId=\"164\" formatCode=\"General\"/>" styles.xml &&
	household-add -d xlsx.db "$DATA/households-chart.xlsx" 2>err &&
	grep_message "households-chart.xlsx:花名册: the header is row 2$" err &&
	same_households "$TRASH/csv.db" xlsx.db
'

test_case 'a number format with an exponent (0.00e+00) is no date' '
	xlsx_rewrite "$TRASH/households.xlsx" xl/styles.xml "<cellXfs count=\"([0-9]+)\"><xf numFmtId=\"0\"" \
		"<cellXfs count=\"\\1\"><xf numFmtId=\"170\"" exp.xlsx &&
	xlsx_rewrite exp.xlsx xl/styles.xml "<numFmts count=\"0\"/>" \
		"<numFmts count=\"1\"><numFmt numFmtId=\"170\" formatCode=\"0.00e+00\"/></numFmts>" exp2.xlsx &&
	household-add -q -d xlsx.db exp2.xlsx &&
	same_households "$TRASH/csv.db" xlsx.db
'

test_case 'a chart sheet before the roster: the roster, the first visible sheet of cells, is read' '
	"$PY" -c "
import sys, openpyxl
from openpyxl.chart import BarChart, Reference
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[\"花名册\"]
chart = BarChart()
chart.add_data(Reference(ws, min_col=9, min_row=5, max_row=20))
wb.create_chartsheet(\"图表\", 0).add_chart(chart)
wb.save(sys.argv[2])
" "$TRASH/households.xlsx" chart.xlsx &&
	household-add --list-sheets chart.xlsx >out &&
	printf "图表\tvisible\t0\n说明\thidden\t1\n花名册\tvisible\t354\n" >expect &&
	test_cmp expect out &&
	household-add -d xlsx.db chart.xlsx 2>err &&
	grep_message "chart.xlsx:花名册: the header is row 4$" err &&
	same_households "$TRASH/csv.db" xlsx.db
'

# others.py DIR: DIR/ods.ods, DIR/xlsb.xlsb, DIR/html.xls, DIR/xml.xls: the
# beginnings of files that are no workbook renke reads, as programs save them
cat >"$TRASH/others.py" <<\EOF2
import sys, zipfile
d = sys.argv[1]
with zipfile.ZipFile(d + "/ods.ods", "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>')
with zipfile.ZipFile(d + "/xlsb.xlsb", "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>')
    z.writestr("xl/workbook.bin", bytes([0x83, 0x01, 0x00]))
open(d + "/html.xls", "w", encoding="utf-8").write(
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta charset="utf-8"></head>'
    '<body><table><tr><td>户编号</td><td>户主姓名</td></tr></table></body></html>\n')
open(d + "/xml.xls", "w", encoding="utf-8").write(
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet>'
    '<Table><Row><Cell><Data>户编号</Data></Cell></Row></Table></Worksheet></Workbook>\n')
EOF2

test_case 'an .ods, an .xlsb, a web page and Excel 2003 XML: exit 65 saying what to do, the store unchanged' '
	"$PY" "$TRASH/others.py" . &&
	example_households &&
	store_dump >before &&
	expect_status 65 household-add ods.ods 2>err &&
	err_is err "household-add: ods.ods: an OpenDocument spreadsheet (.ods) cannot be read: open it in WPS, LibreOffice or Excel and save it as .xlsx" &&
	expect_status 65 household-add xlsb.xlsb 2>err &&
	err_is err "household-add: xlsb.xlsb: an Excel binary workbook (.xlsb) cannot be read: open it in Excel or WPS and save it as .xlsx" &&
	expect_status 65 household-add html.xls 2>err &&
	err_is err "household-add: html.xls: a web page (HTML) named as a workbook, as some systems export one, cannot be read: open it in Excel or WPS and save it as .xlsx" &&
	expect_status 65 household-add - <xml.xls 2>err &&
	err_is err "household-add: stdin: an XML file (such as Excel 2003${SQ}s XML spreadsheet) cannot be read: open it in Excel or WPS and save it as .xlsx" &&
	store_unchanged
'

test_case 'the same in Chinese' '
	"$PY" "$TRASH/others.py" . &&
	zh_locale &&
	expect_status 65 household-add -d x.db ods.ods 2>err &&
	err_is err "household-add: ods.ods：OpenDocument 电子表格（.ods）无法读取：请用 WPS、LibreOffice 或 Excel 打开后另存为 .xlsx" &&
	expect_status 65 household-add -d x.db xlsb.xlsb 2>err &&
	err_is err "household-add: xlsb.xlsb：Excel 二进制工作簿（.xlsb）无法读取：请用 Excel 或 WPS 打开后另存为 .xlsx" &&
	expect_status 65 household-add -d x.db html.xls 2>err &&
	err_is err "household-add: html.xls：这是以工作簿命名的网页（HTML），一些系统就这样导出，无法读取：请用 Excel 或 WPS 打开后另存为 .xlsx" &&
	expect_status 65 household-add -d x.db xml.xls 2>err &&
	err_is err "household-add: xml.xls：XML 文件（例如 Excel 2003 的 XML 电子表格）无法读取：请用 Excel 或 WPS 打开后另存为 .xlsx" &&
	test_path_is_missing x.db
'

test_done
