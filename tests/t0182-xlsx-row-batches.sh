#!/bin/sh
#
# A sheet's rows are parsed on a thread of their own, a batch ahead of the
# import: 256 rows a batch, fewer when the rows are wide.  A sheet of many
# batches, rows reaching column XFD among them, gives what its CSV gives;
# a problem found by the parser far down the sheet, after rows are in the
# import, is reported as before and leaves the store as it was; a command
# that stops at the header stops the parser with it.

. "$(dirname "$0")/lib.sh"

# 2,000 households as Excel saves a roster (a title row, the header in row
# 2, every string shared), and the store their CSV makes, made once
gen-households 2000 1 >"$TRASH/gen.csv" &&
household-add -q -d "$TRASH/made.db" "$TRASH/gen.csv" &&
household-list -d "$TRASH/made.db" -f csv --reveal >"$TRASH/h.csv" &&
gen-workbook --excel "$TRASH/h.csv" "$TRASH/h.xlsx" &&
household-add -q -d "$TRASH/csv.db" "$TRASH/h.csv" || exit 1

# refused WORKBOOK: household-add refuses WORKBOOK with 65 over the example
# households, its message in ./err, the store as it was in ./before
refused() {
	example_households &&
	store_dump >before &&
	expect_status 65 household-add "$1" 2>err
}

test_case 'rows over many batches, some reaching column XFD, give the CSV'"'"'s households' '
	xlsx_rewrite "$TRASH/h.xlsx" xl/worksheets/sheet1.xml \
		"<row r=\"(6[0-9][0-9]|[3-9]|[1-3][0-9]|1999)\"([^>]*)>(.*?)</row>" \
		"<row r=\"\\g<1>\"\\g<2>>\\g<3><c r=\"XFD\\g<1>\" t=\"inlineStr\"><is><t> </t></is></c></row>" \
		wide.xlsx 0 &&
	unzip -p wide.xlsx xl/worksheets/sheet1.xml >sheet.xml &&
	test $(grep -o "<c r=\"XFD[0-9]*\"" sheet.xml | wc -l) -eq 138 &&
	household-add -d wide.db wide.xlsx 2>err &&
	grep_message "^household-add: 2000 households read: added 2000," err &&
	same_households "$TRASH/csv.db" wide.db 2000 &&
	household-add --list-sheets wide.xlsx >out &&
	printf "花名册\\tvisible\\t2002\\n" >expect &&
	test_cmp expect out
'

test_case 'a bad cell 1,500 rows down, found by the parser: exit 65, the cell, the store unchanged' '
	xlsx_rewrite "$TRASH/h.xlsx" xl/worksheets/sheet1.xml \
		"(<c r=\"B1500\" s=\"[0-9]+\" t=\"s\"><v>)[0-9]+" "\\g<1>99999999" bad.xlsx &&
	refused bad.xlsx &&
	err_is err "household-add: bad.xlsx:花名册: the header is row 2" \
		"household-add: bad.xlsx:花名册!B1500: a shared string that the workbook lacks" &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 household-add bad.xlsx 2>err &&
	grep_message "^household-add: bad.xlsx:花名册!B1500: 引用了工作簿中不存在的共享字符串$" err &&
	store_unchanged
'

test_case 'the sheet'"'"'s XML broken after its last row: exit 65, the line, the store unchanged' '
	xlsx_rewrite "$TRASH/h.xlsx" xl/worksheets/sheet1.xml "</sheetData>" "</sheetDat>" bad.xlsx &&
	refused bad.xlsx &&
	err_is err "household-add: bad.xlsx:花名册: the header is row 2" \
		"household-add: bad.xlsx:花名册: the sheet'"'"'s XML is broken at line 2: an end tag that matches no start tag" &&
	store_unchanged
'

test_case 'a header refused while the parser is rows ahead: exit 65, the message, the store unchanged' '
	xlsx_rewrite "$TRASH/h.xlsx" xl/worksheets/sheet1.xml \
		"(<c r=\"J2\" s=\"[0-9]+\" t=\"s\"><v>)[0-9]+" "\\g<1>9" twice.xlsx &&
	refused twice.xlsx &&
	test_line_count 1 err &&
	grep_message "^household-add: twice.xlsx:花名册!J2: .*: the column appears twice in the header$" err &&
	store_unchanged
'

test_done
