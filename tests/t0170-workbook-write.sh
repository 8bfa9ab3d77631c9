#!/bin/sh
#
# Workbooks out: -f xlsx.  Every workbook renke writes is opened by an
# independent reader (python3-openpyxl) and checked cell by cell: the
# title rows (a listing's say what it lists: place, filters, date, count),
# the header frozen under them, numbers and dates as numbers and dates,
# ID and phone numbers as masked text, a formula-looking title as text.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# cells FILE: the first sheet's frozen pane, filter, then each cell of the
# first rows as "ref type number-format value"
cat >"$TRASH/cells.py" <<'EOF'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print("freeze", ws.freeze_panes, "filter", ws.auto_filter.ref, "rows", ws.max_row)
for row in ws.iter_rows(min_row=1, max_row=int(sys.argv[2]) if len(sys.argv) > 2 else 3):
    for c in row:
        if c.value is not None:
            v = c.value.date().isoformat() if hasattr(c.value, "date") else c.value
            print(c.coordinate, c.data_type, c.number_format, v)
EOF

test_case 'household-list -f xlsx: title rows, frozen header, numbers, ID and phone masked as text' '
	example_households &&
	household-list --today 2022-11-30 -f xlsx >out.xlsx &&
	"$PY" "$TRASH/cells.py" out.xlsx 6 >cells &&
	cat >expect <<-\EOF &&
	freeze A6 filter A5:J355 rows 355
	A1 s General renke Household ledger
	A2 s General Village: all
	A3 s General Date: 2022-11-30
	A4 s General 350 households in all
	A5 s General household
	B5 s General head
	C5 s General ID number
	D5 s General phone
	E5 s General village
	F5 s General group
	G5 s General categories
	H5 s General members
	I5 s General monitor type
	J5 s General risk status
	A6 s General HY0101001
	B6 s General 何玉勇
	C6 s @ 500235********0010
	D6 s @ 154****0480
	E6 s General 后叶村
	F6 s General 1社
	G6 s General ordinary
	H6 n General 4
	EOF
	test_cmp expect cells
'

test_case '--reveal writes the numbers whole, still as text; the workbook reads back to the same store' '
	household-add -q -d a.db "$EXAMPLES/households.csv" &&
	household-list -d a.db -f xlsx --reveal >out.xlsx &&
	"$PY" "$TRASH/cells.py" out.xlsx 6 | grep "^[CD]6 " >cells &&
	printf "C6 s @ 500235194109190010\nD6 s @ 15478480480\n" >expect &&
	test_cmp expect cells &&
	household-add -q -d b.db out.xlsx &&
	household-list -d a.db -f csv --reveal >a.csv &&
	household-list -d b.db -f csv --reveal >b.csv &&
	test_cmp a.csv b.csv
'

test_case 'a title that looks like a formula is text; dates are dates' '
	example_households &&
	issue-add -q --today 2022-11-01 --title "=SUM(A1)" --owner 王强 \
		--village 后叶村 >/dev/null &&
	report-gen issues --today 2022-11-02 -f xlsx >out.xlsx &&
	"$PY" "$TRASH/cells.py" out.xlsx 6 >cells &&
	grep_message "^A1 s General renke Issue ledger$" cells &&
	grep_message "^A3 s General Date: 2022-11-02$" cells &&
	grep_message "^A4 s General 1 issue in all$" cells &&
	grep_message "^D6 s General =SUM(A1)$" cells &&
	grep_message "^K6 d yyyy-mm-dd 2022-11-01$" cells &&
	grep_message "^L6 d yyyy-mm-dd 2022-12-01$" cells &&
	grep_message "^Q6 n General 0$" cells &&
	unzip -p out.xlsx xl/worksheets/sheet1.xml >sheet.xml &&
	! grep -q "<f>" sheet.xml
'

test_case 'no rows: a workbook with its title rows and header only, counting none' '
	example_households &&
	household-list --today 2022-11-30 -f xlsx --id 无此户 >out.xlsx &&
	"$PY" "$TRASH/cells.py" out.xlsx 6 >cells &&
	grep_message "^freeze A7 filter A6:J6 rows 6$" cells &&
	grep_message "^A3 s General Filters: household: 无此户$" cells &&
	grep_message "^A5 s General 0 households in all$" cells
'

test_case '-f xlsx is refused on a terminal, before anything is done' '
	example_households &&
	script -qec "household-list -f xlsx" /dev/null >out 2>&1
	test $? -eq 64 &&
	grep_message "household-list: -f xlsx: a workbook is no text for a terminal; redirect standard output to a file" out
'

test_case 'an unknown format names xlsx among those it knows' '
	expect_status 64 household-list -f ods 2>err &&
	grep_message "expected table, csv, json, jsonl, markdown, html or xlsx" err
'

test_done
