#!/bin/sh
#
# A workbook's header is checked as a CSV header is: a sheet holding only
# its header has its columns checked as one with rows (an unknown column
# exits 65 either way), and a header wider than 4096 columns is refused
# before its names are read.  The workbooks are made by an independent
# writer (scripts/gen-workbook: python3-openpyxl, python3-xlwt).

. "$(dirname "$0")/lib.sh"

# columns N: a CSV header of the known columns and N - 3 more
columns() {
	awk -v n="$1" 'BEGIN { s = "户编号,户主姓名,村"; for (i = 4; i <= n; i++) s = s ",c" i; print s }'
}

test_case 'a sheet of only its header: an unknown column exits 65 (.xlsx and .xls)' '
	printf "户编号,户主姓名,村,备注X\n" >only.csv &&
	gen-workbook only.csv only.xlsx &&
	gen-workbook --xls only.csv only.xls &&
	expect_status 65 household-add only.xlsx 2>err &&
	grep_message "^household-add: only.xlsx:Sheet1!D1: 备注X: unknown column$" err &&
	expect_status 65 household-add only.xls 2>err &&
	grep_message "^household-add: only.xls:花名册!D1: 备注X: unknown column$" err &&
	: the same with a row below, as before &&
	printf "户编号,户主姓名,村,备注X\nA1,田一,甲村,x\n" >row.csv &&
	gen-workbook row.csv row.xlsx &&
	expect_status 65 household-add row.xlsx 2>err &&
	grep_message "^household-add: row.xlsx:Sheet1!D1: 备注X: unknown column$" err &&
	test_path_is_missing "$RENKE_DB"
'

test_case 'a sheet of only its header, every column known: nothing read, exit 0' '
	printf "户编号,户主姓名,村\n" >only.csv &&
	gen-workbook only.csv only.xlsx &&
	household-add -q only.xlsx &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM household")" = 0
'

test_case 'on a store: a header-only sheet with an unknown column changes nothing' '
	example_households &&
	store_dump >before &&
	printf "household_id,visit_date,visitor,round,备注X\n" >only.csv &&
	gen-workbook only.csv only.xlsx &&
	expect_status 65 visit-log only.xlsx 2>err &&
	grep_message "^visit-log: only.xlsx:Sheet1!E1: 备注X: unknown column$" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a header of 4097 columns is refused at once; 4096 are read' '
	{ columns 4097 && echo A1,田一,甲村; } >wide.csv &&
	gen-workbook wide.csv wide.xlsx &&
	expect_status 65 household-add wide.xlsx 2>err &&
	echo "household-add: wide.xlsx:Sheet1!A1: the header has 4097 columns; at most 4096 are read" >expect &&
	test_cmp expect err &&
	test_path_is_missing "$RENKE_DB" &&
	: 4096 columns, the last a name given twice: read, and refused for that &&
	{ columns 4095 | sed "s/\$/,c17/" && echo A1,田一,甲村; } >edge.csv &&
	gen-workbook edge.csv edge.xlsx &&
	expect_status 65 household-add edge.xlsx 2>err &&
	grep_message "^household-add: edge.xlsx:Sheet1!FAN1: c17: the column appears twice in the header$" err &&
	test_path_is_missing "$RENKE_DB"
'

test_case 'blank headings after the last named one are no columns' '
	{ columns 3 | sed "s/\$/$(awk "BEGIN { for (i = 0; i < 4200; i++) printf \",\" }")/" &&
		echo A1,田一,甲村; } >blank.csv &&
	gen-workbook blank.csv blank.xlsx &&
	household-add blank.xlsx 2>err &&
	grep_message "1 households read: added 1" err
'

test_done
