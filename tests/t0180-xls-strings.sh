#!/bin/sh
#
# The shared strings of an .xls (its SST record and the CONTINUE records
# after it) are checked before libfreexl reads them: libfreexl 1.0 reads
# past a string that runs beyond its records, and may crash.  A workbook
# whose strings do not hold together is refused (65) naming the file.
# The workbook is made at test time by python3-xlwt and damaged with the
# help of python3-olefile.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

gen-workbook --office --xls "$EXAMPLES/households.csv" "$TRASH/office.xls" || exit 1

# damage.py IN OUT WHAT: a copy of IN with its SST damaged as WHAT says
cat >"$TRASH/damage.py" <<\EOF2
import os, random, struct, sys
sys.path.insert(0, os.path.join(os.environ["TOP"], "tests"))
from xls_stream import Workbook
wb = Workbook(sys.argv[1])
data = wb.data
what = sys.argv[3]
at = wb.at
stream = wb.stream()
k = next(k for k, t, n in wb.records() if t == 0xFC)
sst, n = k + 4, struct.unpack_from("<H", stream, k + 2)[0]
if what == "unique":
    # one string more than the record holds
    unique = struct.unpack_from("<I", stream, sst + 4)[0]
    struct.pack_into("<I", data, at(sst + 4), unique + 1)
elif what == "length":
    # the first string longer than every record after it
    struct.pack_into("<H", data, at(sst + 8), 0xFFFF)
elif what.startswith("flip="):
    rnd = random.Random(int(what[5:]))
    for _ in range(4):
        data[at(sst + rnd.randrange(n))] = rnd.randrange(256)
wb.save(sys.argv[2])
EOF2

test_case 'the workbook as written is read' '
	household-add -d xls.db "$TRASH/office.xls" 2>err &&
	grep_message "office.xls:花名册: the header is row 3$" err
'

test_case 'one string more than the records hold: exit 65, the message, the store unchanged' '
	"$PY" "$TRASH/damage.py" "$TRASH/office.xls" bad.xls unique &&
	example_households &&
	store_dump >before &&
	expect_status 65 household-add bad.xls 2>err &&
	err_is err "household-add: bad.xls: a damaged .xls file: its shared strings run past their records; open it in Excel or WPS and save it as .xlsx" &&
	store_unchanged
'

test_case 'a string longer than its records: refused the same way' '
	"$PY" "$TRASH/damage.py" "$TRASH/office.xls" bad.xls length &&
	example_households &&
	store_dump >before &&
	expect_status 65 household-add bad.xls 2>err &&
	err_is err "household-add: bad.xls: a damaged .xls file: its shared strings run past their records; open it in Excel or WPS and save it as .xlsx" &&
	store_unchanged
'

test_case 'the message in Chinese' '
	"$PY" "$TRASH/damage.py" "$TRASH/office.xls" bad.xls length &&
	zh_locale &&
	expect_status 65 household-add -d x.db bad.xls 2>err &&
	err_is err "household-add: bad.xls：.xls 文件已损坏，其共享字符串超出所在记录；请用 Excel 或 WPS 打开后另存为 .xlsx"
'

test_case 'bytes of the strings changed: refused or read, never a crash' '
	example_households &&
	store_dump >before &&
	: >codes &&
	for seed in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24; do
		"$PY" "$TRASH/damage.py" "$TRASH/office.xls" bad.xls flip=$seed &&
		{ household-add -q -d scratch.db bad.xls >/dev/null 2>err; echo "$seed $?" >>codes; } &&
		rm -f scratch.db &&
		if grep -q "Sanitizer\|runtime error" err; then cat err; return 1; fi
	done &&
	cat codes &&
	! grep -v " 0$\| 65$" codes &&
	store_unchanged
'

test_done
