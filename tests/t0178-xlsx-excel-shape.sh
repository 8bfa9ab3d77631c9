#!/bin/sh
#
# A roster as Excel saves it: a title row above the header, every string a
# shared string (ID and phone numbers among them), cell styles, every cell
# with its reference.  The workbook is made at test time by
# scripts/gen-workbook --excel, the writer of the reading benchmark
# (scripts/bench-xlsx.sh), and must give the store what its CSV gives.

. "$(dirname "$0")/lib.sh"

gen-workbook --excel "$EXAMPLES/households.csv" "$TRASH/excel.xlsx" || exit 1

# households DB: the households of store DB, one a line
households() {
	sqlite3 "$1" "SELECT household_id, head_name, id_number, phone, v.name,
		g.name, categories, members, monitor_type, risk_status
		FROM household h JOIN village v ON v.id = h.village_id
		LEFT JOIN village_group g ON g.id = h.group_id
		ORDER BY household_id"
}

test_case 'an Excel-shaped roster gives the store what its CSV gives' '
	example_households &&
	households "$RENKE_DB" >csv.rows &&
	household-add -d xlsx.db "$TRASH/excel.xlsx" 2>err &&
	grep_message "^household-add: $TRASH/excel.xlsx:花名册: the header is row 2$" err &&
	households xlsx.db >xlsx.rows &&
	test_line_count 350 xlsx.rows &&
	test_cmp csv.rows xlsx.rows
'

test_case 'its shared strings are the sheet'"'"'s: one table, the IDs and phones in it' '
	unzip -p "$TRASH/excel.xlsx" xl/worksheets/sheet1.xml >sheet.xml &&
	! grep -q inlineStr sheet.xml &&
	unzip -p "$TRASH/excel.xlsx" xl/sharedStrings.xml >sst.xml &&
	example_households &&
	id=$(sqlite3 "$RENKE_DB" "SELECT id_number FROM household LIMIT 1") &&
	phone=$(sqlite3 "$RENKE_DB" "SELECT phone FROM household LIMIT 1") &&
	grep -q "<si><t>$id</t></si>" sst.xml &&
	grep -q "<si><t>$phone</t></si>" sst.xml
'

test_done
