#!/bin/sh
#
# A roster as Excel saves it: a title row above the header, every string a
# shared string (ID and phone numbers among them), cell styles, every cell
# with its reference.  The workbook is made at test time by
# scripts/gen-workbook --excel, the writer of the reading benchmark
# (scripts/bench-xlsx.sh), and must give the store what its CSV gives.

. "$(dirname "$0")/lib.sh"

gen-workbook --excel "$EXAMPLES/households.csv" "$TRASH/excel.xlsx" &&
unzip -p "$TRASH/excel.xlsx" xl/sharedStrings.xml | head -c 400 >"$TRASH/sst.count" || exit 1

test_case 'an Excel-shaped roster gives the store what its CSV gives' '
	example_households &&
	household-add -d xlsx.db "$TRASH/excel.xlsx" 2>err &&
	grep_message "^household-add: $TRASH/excel.xlsx:花名册: the header is row 2$" err &&
	same_households "$RENKE_DB" xlsx.db
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

test_case 'a shared-string table that is not XML is refused, naming its line' '
	xlsx_rewrite "$TRASH/excel.xlsx" xl/sharedStrings.xml "</si></sst>" "</sj></sst>" bad.xlsx &&
	store_dump >before &&
	expect_status 65 household-add bad.xlsx 2>err &&
	err_is err "household-add: bad.xlsx: xl/sharedStrings.xml, line 2: an end tag that matches no start tag" &&
	store_unchanged
'

test_case 'a cell naming a shared string past the table is refused, naming the cell' '
	n=$(grep -o "uniqueCount=\"[0-9]*\"" "$TRASH/sst.count" | tr -dc 0-9) &&
	xlsx_rewrite "$TRASH/excel.xlsx" xl/worksheets/sheet1.xml \
		"(<c r=\"B5\" s=\"3\" t=\"s\"><v>)[0-9]+" "\\g<1>$n" bad.xlsx &&
	store_dump >before &&
	expect_status 65 household-add bad.xlsx 2>err &&
	err_is err "household-add: bad.xlsx:花名册: the header is row 2" \
		"household-add: bad.xlsx:花名册!B5: a shared string that the workbook lacks" &&
	store_unchanged &&
	xlsx_rewrite "$TRASH/excel.xlsx" xl/worksheets/sheet1.xml \
		"(<c r=\"B5\" s=\"3\" t=\"s\"><v>)([0-9]+)" "\\g<1>\\g<2>x" bad.xlsx &&
	expect_status 65 household-add bad.xlsx 2>err &&
	err_is err "household-add: bad.xlsx:花名册: the header is row 2" \
		"household-add: bad.xlsx:花名册!B5: a shared string that the workbook lacks" &&
	store_unchanged
'

test_case 'a shared string'"'"'s number may have white space around it' '
	example_households &&
	xlsx_rewrite "$TRASH/excel.xlsx" xl/worksheets/sheet1.xml \
		"(<c r=\"B5\" s=\"3\" t=\"s\"><v>)([0-9]+)" "\\g<1> \\g<2>\n" spaced.xlsx &&
	household-add -q -d spaced.db spaced.xlsx &&
	same_households "$RENKE_DB" spaced.db
'

test_done
