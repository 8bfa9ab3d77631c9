#!/bin/sh
#
# .xls workbooks as offices send them: libfreexl reads the cells, and renke
# reads what it does not tell from the Workbook stream of the compound file
# (lib/cfb.c): each sheet's hidden state (BOUNDSHEET) and the merged cells
# (MERGEDCELLS).  The workbooks are made at test time by python3-xlwt and
# checked with python3-olefile; damaged and cut files are refused with a
# message, exit 65 and the store unchanged, never a crash.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# the example roster as an office sends it, and the CSV's store, made once
gen-workbook --office --xls "$EXAMPLES/households.csv" "$TRASH/office.xls" &&
household-add -q -d "$TRASH/csv.db" "$EXAMPLES/households.csv" || exit 1

# patch.py IN OUT WHAT: a copy of IN damaged as WHAT says
cat >"$TRASH/patch.py" <<\EOF2
import os, struct, sys
sys.path.insert(0, os.path.join(os.environ["TOP"], "tests"))
from xls_stream import Workbook
wb = Workbook(sys.argv[1])
data = wb.data
what = sys.argv[3]
stream_offset = wb.at
records = wb.records
if what == "merge-count":
    # a MERGEDCELLS record counting more regions than it holds
    k = next(k for k, t, n in records() if t == 0xE5)
    struct.pack_into("<H", data, stream_offset(k + 4), 5000)
elif what == "sheet-position":
    # the roster's BOUNDSHEET pointing past the end of the stream
    ks = [k for k, t, n in records() if t == 0x85]
    struct.pack_into("<I", data, stream_offset(ks[1] + 4), 0x7FFFFFF0)
elif what == "directory":
    # the directory's first sector past the end of the file
    struct.pack_into("<I", data, 0x30, 0x00FFFFF0)
elif what.startswith("cut="):
    del data[int(what[4:]):]
elif what.startswith("flip="):
    import random
    rnd = random.Random(int(what[5:]))
    for _ in range(8):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
wb.save(sys.argv[2])
EOF2

test_case '--list-sheets: the hidden first sheet is hidden' '
	household-add --list-sheets "$TRASH/office.xls" >out &&
	printf "说明\thidden\t1\n花名册\tvisible\t353\n" >expect &&
	test_cmp expect out
'

test_case 'the roster: the first visible sheet, its merged title and villages, as its CSV' '
	household-add -d xls.db "$TRASH/office.xls" 2>err &&
	grep_message "office.xls:花名册: the header is row 3$" err &&
	same_households "$TRASH/csv.db" xls.db
'

test_case 'merged cells past their record: exit 65, the message, the store unchanged' '
	"$PY" "$TRASH/patch.py" "$TRASH/office.xls" bad.xls merge-count &&
	household-add -q "$EXAMPLES/households.csv" &&
	store_dump >before &&
	expect_status 65 household-add bad.xls 2>err &&
	grep_message "^household-add: bad.xls: a damaged .xls file: its sheets or merged cells cannot be read; open it in Excel or WPS and save it as .xlsx$" err &&
	store_unchanged
'

test_case 'a sheet placed past the stream: refused before libfreexl reads it, the store unchanged' '
	"$PY" "$TRASH/patch.py" "$TRASH/office.xls" bad.xls sheet-position &&
	household-add -q "$EXAMPLES/households.csv" &&
	store_dump >before &&
	expect_status 65 household-add bad.xls 2>err &&
	grep_message "^household-add: bad.xls: a damaged .xls file: sheet 2 does not begin where the workbook${SQ}s list of sheets says; " err &&
	store_unchanged
'

test_case 'the message in Chinese' '
	"$PY" "$TRASH/patch.py" "$TRASH/office.xls" bad.xls merge-count &&
	(LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 && export LANG LC_ALL &&
	 expect_status 65 household-add -d x.db bad.xls 2>err) &&
	grep_message "bad.xls：.xls 文件已损坏" err
'

test_case 'cut short or with bytes changed: refused or read, never a crash' '
	example_households &&
	store_dump >before &&
	: >codes &&
	for what in cut=600 cut=4096 cut=30000 cut=70000 directory flip=1 flip=2 flip=3 flip=4 flip=5 flip=6 flip=7 flip=8; do
		"$PY" "$TRASH/patch.py" "$TRASH/office.xls" bad.xls $what &&
		{ household-add -q -d scratch.db bad.xls >/dev/null 2>err; echo "$what $?" >>codes; } &&
		rm -f scratch.db &&
		if grep -q "Sanitizer\|runtime error" err; then cat err; return 1; fi
	done &&
	cat codes &&
	! grep -v " 0$\| 65$" codes &&
	store_unchanged
'

test_done
