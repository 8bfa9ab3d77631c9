#!/bin/sh
#
# Before libfreexl opens an .xls, renke reads the compound file's directory
# and the sheets' records as libfreexl will (lib/cfb.c, lib/xls.c): the
# Workbook stream is the entry libfreexl takes, no directory entry on the
# way has a name longer than its field (libfreexl 1.0 reads past it), and
# each sheet begins where the workbook's list says and gives its size (a
# DIMENSION record) once (libfreexl loses a sheet's cells otherwise, and
# leaks them).  A workbook of one sheet may leave out its size.  What is
# refused exits 65 naming the file, the store unchanged.  The workbooks
# are made by python3-xlwt and changed here (tests/xls_stream.py).

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

gen-workbook --office --xls "$EXAMPLES/households.csv" "$TRASH/office.xls" &&
gen-workbook --xls "$EXAMPLES/households.csv" "$TRASH/plain.xls" &&
household-add -q -d "$TRASH/csv.db" "$EXAMPLES/households.csv" || exit 1

# patch.py IN OUT WHAT: a copy of IN changed as WHAT says
cat >"$TRASH/patch.py" <<\EOF2
import os, struct, sys
sys.path.insert(0, os.path.join(os.environ["TOP"], "tests"))
from xls_stream import Workbook
wb = Workbook(sys.argv[1])
what = sys.argv[3]
records = list(wb.records())
bof = [k for k, t, n in records if t == 0x0809]
sheets = [k for k, t, n in records if t == 0x0085]
dims = [k for k, t, n in records if t == 0x0200]
if what == "dimension-twice":
    # the last sheet's first ROW record made a second DIMENSION
    k = next(k for k, t, n in records if t == 0x0208 and k > bof[-1])
    struct.pack_into("<H", wb.data, wb.at(k), 0x0200)
elif what == "dimension-none":
    # the last sheet's DIMENSION made a record of no known type
    struct.pack_into("<H", wb.data, wb.at(dims[-1]), 0x1234)
elif what == "same-place":
    # the first sheet listed where the second begins
    second = struct.unpack_from("<I", wb.data, wb.at(sheets[1] + 4))[0]
    struct.pack_into("<I", wb.data, wb.at(sheets[0] + 4), second)
elif what == "format-length":
    # the first number format counting more characters than its record holds
    k = next(k for k, t, n in records if t == 0x041E)
    struct.pack_into("<H", wb.data, wb.at(k + 6), 0x7FFF)
elif what == "label":
    # a text cell of the last sheet (LABELSST, its string's number 16 or
    # more) made a LABEL counting that many characters, more than it holds
    k = next(k for k, t, n in records if t == 0x00FD and k > bof[-1] and
             struct.unpack_from("<I", wb.data, wb.at(k + 10))[0] >= 16)
    struct.pack_into("<H", wb.data, wb.at(k), 0x0204)
elif what == "root-name":
    # the root entry's name longer than its 64-byte field
    d = struct.unpack_from("<I", wb.data, 0x30)[0]
    struct.pack_into("<H", wb.data, (d + 1) * wb.sector + 0x40, 0xFFFF)
wb.save(sys.argv[2])
EOF2

# refused WHAT MESSAGE: the office workbook changed as WHAT says is refused
# with MESSAGE (after "household-add: bad.xls: a damaged .xls file: ",
# before "; open it in Excel or WPS and save it as .xlsx"), the store unchanged
refused() {
	"$PY" "$TRASH/patch.py" "$TRASH/office.xls" bad.xls "$1" &&
	example_households &&
	store_dump >before &&
	expect_status 65 household-add bad.xls 2>err &&
	err_is err "household-add: bad.xls: a damaged .xls file: $2; open it in Excel or WPS and save it as .xlsx" &&
	store_unchanged
}

test_case 'two sheets, each sized once where the list says: read' '
	household-add -q -d xls.db "$TRASH/office.xls" &&
	sqlite3 xls.db "SELECT count(*) FROM household" >out &&
	echo 350 >expect &&
	test_cmp expect out
'

test_case 'a sheet sized twice: exit 65, the message, the store unchanged' '
	refused dimension-twice "sheet 2 gives its size (a DIMENSION record) 2 times, not once"
'

test_case 'a sheet of two without its size: refused the same way' '
	refused dimension-none "sheet 2 gives its size (a DIMENSION record) 0 times, not once"
'

test_case 'two sheets listed at one place: the second does not begin there' '
	refused same-place "sheet 2 does not begin where the workbook${SQ}s list of sheets says"
'

test_case 'a workbook of one sheet without its size: read as its CSV' '
	"$PY" "$TRASH/patch.py" "$TRASH/plain.xls" nosize.xls dimension-none &&
	household-add -q -d xls.db nosize.xls &&
	for db in xls.db "$TRASH/csv.db"; do
		sqlite3 "$db" "SELECT household_id, head_name, id_number, phone,
			categories, members FROM household ORDER BY household_id" >"$(basename "$db").rows" || return 1
	done &&
	test_line_count 350 xls.db.rows &&
	test_cmp csv.db.rows xls.db.rows
'

test_case 'a directory entry named past its field: refused before libfreexl reads it' '
	refused root-name "its sheets or merged cells cannot be read"
'

test_case 'a number format longer than its record: refused' '
	refused format-length "the text of a cell or a number format runs past its record"
'

test_case 'a text cell (LABEL) longer than its record: refused' '
	refused label "the text of a cell or a number format runs past its record"
'

test_case 'the inputs fuzz-xls found in libfreexl: refused, never read' '
	cp "$TOP/fuzz/crashes/fuzz-xls/leak-sheet-listed-past-the-stream.xls" leak.xls &&
	cp "$TOP/fuzz/crashes/fuzz-xls/overread-directory-name-past-its-field.xls" overread.xls &&
	cp "$TOP/fuzz/crashes/fuzz-xls/overread-format-text-past-its-record.xls" format.xls &&
	example_households &&
	store_dump >before &&
	expect_status 65 household-add leak.xls 2>err &&
	err_is err "household-add: leak.xls: a damaged .xls file: sheet 2 does not begin where the workbook${SQ}s list of sheets says; open it in Excel or WPS and save it as .xlsx" &&
	expect_status 65 household-add overread.xls 2>err &&
	err_is err "household-add: overread.xls: a damaged .xls file: its sheets or merged cells cannot be read; open it in Excel or WPS and save it as .xlsx" &&
	expect_status 65 household-add format.xls 2>err &&
	err_is err "household-add: format.xls: a damaged .xls file: the text of a cell or a number format runs past its record; open it in Excel or WPS and save it as .xlsx" &&
	store_unchanged
'

test_case 'the messages in Chinese' '
	"$PY" "$TRASH/patch.py" "$TRASH/office.xls" twice.xls dimension-twice &&
	"$PY" "$TRASH/patch.py" "$TRASH/office.xls" place.xls same-place &&
	"$PY" "$TRASH/patch.py" "$TRASH/office.xls" format.xls format-length &&
	zh_locale &&
	expect_status 65 household-add -d x.db twice.xls 2>err &&
	err_is err "household-add: twice.xls：.xls 文件已损坏，第 2 个工作表的尺寸记录（DIMENSION）有 2 个，而不是 1 个；请用 Excel 或 WPS 打开后另存为 .xlsx" &&
	expect_status 65 household-add -d x.db place.xls 2>err &&
	err_is err "household-add: place.xls：.xls 文件已损坏，第 2 个工作表不在工作簿的工作表列表所指的位置；请用 Excel 或 WPS 打开后另存为 .xlsx" &&
	expect_status 65 household-add -d x.db format.xls 2>err &&
	err_is err "household-add: format.xls：.xls 文件已损坏，某个单元格或数字格式的文字超出所在记录；请用 Excel 或 WPS 打开后另存为 .xlsx"
'

test_done
