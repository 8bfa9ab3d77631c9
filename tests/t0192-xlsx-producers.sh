#!/bin/sh
#
# .xlsx workbooks as the programs offices and government systems use
# write them, each read as its CSV: the example roster and visits made by
# openpyxl (scripts/gen-workbook --office) and rewritten at test time as
# other producers write the same cells (tests/xlsx_variant.py: OpenXML SDK
# and ClosedXML's x: prefixes, relationship targets absolute or through
# ../, part names in other case, rows and cells without r, strings inline
# with no shared strings part, formula strings, empty <v/>, no or a wrong
# <dimension>, Strict Open XML), and the roster as LibreOffice saves it
# (tests/data/, made by scripts/gen-libreoffice-fixtures).

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
DATA=$TOP/tests/data
VARIANTS="prefixed absolute parent case no-refs inline str empty-v no-dimension dimension-a1 strict"

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

test_done
