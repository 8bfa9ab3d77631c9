#!/bin/sh
#
# A sheet's merged regions come after its rows in the file, so they are
# looked for in a pass of their own over the sheet, through a zip of its
# own, while the shared strings are read.  Whatever the sheet part is
# stored as, the merged title, the two-row header and the vertically
# merged villages give every covered cell their value; a sheet part that
# is missing is refused before a record is read.  That pass inflates a
# deflated sheet without its CRC, which the rows' pass checks: a sheet
# damaged so that it still inflates is refused when the rows reach the
# damage or the end, nothing stored.

. "$(dirname "$0")/lib.sh"

# the example roster as an office sends it, made once: a hidden first
# sheet, a merged title, a two-row header with cells merged down, villages
# merged over their households
gen-workbook --office "$EXAMPLES/households.csv" "$TRASH/office.xlsx" || exit 1
household-add -q -d "$TRASH/csv.db" "$EXAMPLES/households.csv" || exit 1

# repack IN OUT HOW [PART]: IN's parts into OUT, deflated or stored (HOW),
# without PART when it is named
repack() {
	python3 -c '
import sys, zipfile
src, out, how = sys.argv[1:4]
drop = sys.argv[4] if len(sys.argv) > 4 else None
method = zipfile.ZIP_STORED if how == "stored" else zipfile.ZIP_DEFLATED
z = zipfile.ZipFile(src)
with zipfile.ZipFile(out, "w", method) as w:
    for name in z.namelist():
        if name != drop:
            w.writestr(name, z.read(name))
' "$@"
}

# damage IN OUT PART: IN with bytes of PART's deflated data changed a
# little before its end (where the merged regions are), as OUT
damage() {
	python3 -c '
import sys, zipfile
src, out, part = sys.argv[1:]
data = bytearray(open(src, "rb").read())
info = zipfile.ZipFile(src).getinfo(part)
# the data follows the local header: its fixed 30 bytes, name and extra field
at = info.header_offset + 30 + int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little") \
    + int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
end = at + info.compress_size
for i in range(end - 40, end - 8):
    data[i] ^= 0x5a
open(out, "wb").write(bytes(data))
' "$@"
}

test_case 'the office roster, deflated and stored, from a file and from standard input, gives its CSV'"'"'s households' '
	unzip -p "$TRASH/office.xlsx" xl/worksheets/sheet2.xml >sheet.xml &&
	grep -q "<mergeCell ref=\"A1:" sheet.xml &&
	test $(grep -o "<mergeCell " sheet.xml | wc -l) -ge 20 &&
	repack "$TRASH/office.xlsx" stored.xlsx stored &&
	for input in "$TRASH/office.xlsx" stored.xlsx; do
		rm -f x.db &&
		household-add -q -d x.db "$input" &&
		same_households "$TRASH/csv.db" x.db || return 1
	done &&
	rm -f x.db &&
	household-add -q -d x.db <stored.xlsx &&
	same_households "$TRASH/csv.db" x.db
'

test_case 'a workbook without its sheet'"'"'s part: exit 65, the message, the store unchanged' '
	repack "$TRASH/office.xlsx" nopart.xlsx deflated xl/worksheets/sheet2.xml &&
	example_households &&
	store_dump >before &&
	expect_status 65 household-add nopart.xlsx 2>err &&
	err_is err "household-add: nopart.xlsx: the workbook lacks the sheet'"'"'s part xl/worksheets/sheet2.xml" &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 household-add nopart.xlsx 2>err &&
	err_is err "household-add: nopart.xlsx：工作簿缺少该工作表的组成部分xl/worksheets/sheet2.xml" &&
	store_unchanged
'

# badcrc IN OUT PART: IN with PART's CRC changed in both its headers, its
# data as it was, as OUT
badcrc() {
	python3 -c '
import sys, zipfile
src, out, part = sys.argv[1:]
data = bytearray(open(src, "rb").read())
info = zipfile.ZipFile(src).getinfo(part)
bad = (info.CRC ^ 1).to_bytes(4, "little")
data[info.header_offset + 14:info.header_offset + 18] = bad
at = data.find(b"PK\x01\x02")
while at >= 0:
    n = int.from_bytes(data[at + 28:at + 30], "little")
    if data[at + 46:at + 46 + n] == part.encode():
        data[at + 16:at + 20] = bad
    at = data.find(b"PK\x01\x02", at + 4)
open(out, "wb").write(bytes(data))
' "$@"
}

test_case 'a sheet damaged where its merged regions are, or only its CRC: exit 65 naming the sheet last, the store unchanged' '
	damage "$TRASH/office.xlsx" damaged.xlsx xl/worksheets/sheet2.xml &&
	badcrc "$TRASH/office.xlsx" badcrc.xlsx xl/worksheets/sheet2.xml &&
	example_households &&
	store_dump >before &&
	for input in damaged badcrc; do
		expect_status 65 household-add $input.xlsx 2>err &&
		tail -n 1 err >last &&
		grep_message "^household-add: $input.xlsx:花名册: ." last &&
		store_unchanged || return 1
	done &&
	grep_message "CRC" last
'

test_done
