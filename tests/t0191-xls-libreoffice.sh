#!/bin/sh
#
# .xls workbooks as LibreOffice saves them, kept in tests/data/ (made by
# scripts/gen-libreoffice-fixtures, by hand: the tests cannot install
# LibreOffice), each read as its CSV.  A chart drawn on a worksheet is a
# substream of its own, BOF to EOF, inside the sheet's; libfreexl 1.0
# ends the sheet at the chart's EOF and gives up at the next record, and
# would take an Excel chart's size and the cells of its series for the
# sheet's, so it is given a copy where the chart's records are of a type
# no reader acts on.  libfreexl 1.0 reads no formula at all: renke takes
# each one's saved result from its FORMULA record (and the STRING record
# after it), a number, a date under a date style, text, true or false, or
# an error.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
DATA=$TOP/tests/data

household-add -q -d "$TRASH/csv.db" "$EXAMPLES/households.csv" &&
cp "$TRASH/csv.db" "$TRASH/people.db" &&
member-add -q -d "$TRASH/people.db" "$EXAMPLES/people.csv" || exit 1

# formula.py IN OUT WHAT: IN with the result of its first formula an error
# (#N/A) or its text lost (the STRING record after it of another type)
cat >"$TRASH/formula.py" <<\EOF2
import shutil, struct, sys
import olefile
shutil.copy(sys.argv[1], sys.argv[2])
ole = olefile.OleFileIO(sys.argv[2], write_mode=True)
s = bytearray(ole.openstream("Workbook").read())
records, k = [], 0
while k + 4 <= len(s):
    t, n = struct.unpack_from("<HH", s, k)
    if t == 0:
        break
    records.append((k, t))
    k += 4 + n
i = next(i for i, (k, t) in enumerate(records) if t == 0x0006)
k = records[i][0]
if sys.argv[3] == "error":
    s[k + 10:k + 18] = bytes([2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF])
else:
    k = next(k for k, t in records[i:] if t == 0x0207)
    struct.pack_into("<H", s, k, 0x7FFF)
ole.write_stream("Workbook", bytes(s))
ole.close()
EOF2

# land_dump DB: the store DB as SQL, the times and where each record came from left out
land_dump() {
	sqlite3 "$1" .dump | sed -e "s/[0-9-]*T[0-9:]*Z/TIME/g" \
		-e "s/,'[^']*land\.[a-z]*:[0-9]*',NULL,/,'SOURCE',NULL,/"
}

# excel-chart.py IN OUT: IN with its chart holding, as Excel writes one, its
# size (DIMENSION, two rows by two columns) and a cell of its series (a
# NUMBER, 99 at A3): a record of 32 bytes inside the chart made the two
cat >"$TRASH/excel-chart.py" <<\EOF2
import shutil, struct, sys
import olefile
shutil.copy(sys.argv[1], sys.argv[2])
ole = olefile.OleFileIO(sys.argv[2], write_mode=True)
s = bytearray(ole.openstream("Workbook").read())
k, depth = 0, 0
while k + 4 <= len(s):
    t, n = struct.unpack_from("<HH", s, k)
    if t == 0x0809:
        depth += 1
    elif t == 0x000A:
        depth -= 1
    elif depth == 2 and n == 32:
        struct.pack_into("<HHIIHHH", s, k, 0x0200, 14, 0, 2, 0, 2, 0)
        struct.pack_into("<HHHHHd", s, k + 18, 0x0203, 14, 2, 0, 15, 99.0)
        break
    k += 4 + n
assert k + 4 <= len(s), "no record of 32 bytes in the chart"
ole.write_stream("Workbook", bytes(s))
ole.close()
EOF2

test_case 'a roster with a chart drawn on it (LibreOffice) gives what its CSV gives' '
	mkdir tmp &&
	TMPDIR=$PWD/tmp household-add -d xls.db "$DATA/households-chart.xls" 2>err &&
	grep_message "households-chart.xls:花名册: the header is row 2$" err &&
	same_households "$TRASH/csv.db" xls.db &&
	test -z "$(ls -A tmp)"
'

test_case 'the chart'"'"'s own size and series cells, as Excel writes them, are not the sheet'"'"'s' '
	"$PY" "$TRASH/excel-chart.py" "$DATA/households-chart.xls" excel.xls &&
	household-add -q -d xls.db excel.xls &&
	same_households "$TRASH/csv.db" xls.db
'

test_case '--list-sheets: the sheet and its rows' '
	household-add --list-sheets "$DATA/households-chart.xls" >out &&
	printf "花名册\tvisible\t352\n" >expect &&
	test_cmp expect out
'

test_case 'a chart sheet first (LibreOffice: a worksheet of no cell with a chart): the roster after it is read' '
	household-add --list-sheets "$DATA/households-chartsheet.xls" >out &&
	printf "图表\tvisible\t0\n花名册\tvisible\t22\n" >expect &&
	test_cmp expect out &&
	head -21 "$EXAMPLES/households.csv" >twenty.csv &&
	household-add -q -d csv.db twenty.csv &&
	household-add -d xls.db "$DATA/households-chartsheet.xls" 2>err &&
	grep_message "households-chartsheet.xls:花名册: the header is row 2$" err &&
	same_households csv.db xls.db 20
'

test_case 'formulas: the village their text result, the household'"'"'s size a number' '
	household-add -q -d xls.db "$DATA/households-formulas.xls" &&
	same_households "$TRASH/csv.db" xls.db
'

test_case 'land: dates, numbers side by side (MULRK), a formula'"'"'s text, as its CSV' '
	cp "$TRASH/people.db" csv.db &&
	support-log -q -d csv.db "$EXAMPLES/land.csv" &&
	cp "$TRASH/people.db" xls.db &&
	support-log -q -d xls.db "$DATA/land.xls" &&
	land_dump csv.db >csv.sql &&
	land_dump xls.db >xls.sql &&
	grep -q "SOURCE" xls.sql &&
	test_cmp csv.sql xls.sql
'

test_case 'a formula whose result is an error: exit 65 naming the cell, the store unchanged' '
	"$PY" "$TRASH/formula.py" "$DATA/land.xls" error.xls error &&
	cp "$TRASH/people.db" "$RENKE_DB" &&
	store_dump >before &&
	expect_status 65 support-log error.xls 2>err &&
	grep_message "^support-log: error.xls:土地流转!I2: 责任人: the cell holds an error value$" err &&
	store_unchanged
'

test_case 'a formula whose text result is lost: a formula saved without its result' '
	"$PY" "$TRASH/formula.py" "$DATA/land.xls" lost.xls lost &&
	cp "$TRASH/people.db" "$RENKE_DB" &&
	store_dump >before &&
	expect_status 65 support-log lost.xls 2>err &&
	grep_message "^support-log: lost.xls:土地流转!I2: 责任人: a formula saved without its result" err &&
	store_unchanged
'

test_done
