#!/bin/sh
#
# Workbooks in: .xlsx, .xls and WPS files read by every command that reads
# records.  The workbooks are made at test time by an independent writer
# (python3-openpyxl, python3-xlwt, through scripts/gen-workbook), shaped as
# government systems export them, and each must give the store exactly
# what the same data gives as CSV.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# the example township as offices send it, made once for every case
gen-workbook --office "$EXAMPLES/households.csv" "$TRASH/households.xlsx" &&
gen-workbook --office --dates 走访日期 "$EXAMPLES/visits.csv" "$TRASH/visits.xlsx" &&
gen-workbook --xls "$EXAMPLES/households.csv" "$TRASH/households.xls" || exit 1

# small workbooks for one problem each
cat >"$TRASH/make.py" <<'EOF'
import re, sys, zipfile
import openpyxl

def save(wb, path, values=None):
    """Save wb; values maps a formula to the result saved with it."""
    wb.save(path)
    if not values:
        return
    z = zipfile.ZipFile(path)
    parts = {n: z.read(n) for n in z.namelist()}
    z.close()
    for name in parts:
        if name.startswith("xl/worksheets/"):
            xml = parts[name].decode()
            for f, v in values.items():
                xml = re.sub(r"<f>%s</f>(<v\s*/>|<v></v>)?" % re.escape(f),
                             "<f>%s</f><v>%s</v>" % (f, v), xml)
            parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)

def roster(rows, path, values=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["户编号", "户主姓名", "身份证号", "村", "家庭人口"])
    for r in rows:
        ws.append(r)
    save(wb, path, values)

kind = sys.argv[1]
if kind == "numeric-id":
    roster([["A1", "田一", "500235197001010014", "甲村", 3],
            ["A2", "田二", 500235198506120031, "甲村", 2]], sys.argv[2])
elif kind == "formulas":
    roster([["A1", "田一", "", "甲村", "=1+2"],
            ["A2", "田二", "", "甲村", "=2*2"]], sys.argv[2],
           {"1+2": "3", "2*2": "4"})
elif kind == "formula-unsaved":
    roster([["A1", "田一", "", "甲村", "=1+2"],
            ["A2", "田二", "", "甲村", 2]], sys.argv[2])
elif kind == "unknown-column":
    roster([["A1", "田一", "", "甲村", 3, "x"]], sys.argv[2])
    wb = openpyxl.load_workbook(sys.argv[2])
    wb.active["F1"] = "备注X"
    wb.save(sys.argv[2])
elif kind == "no-header":
    roster([], sys.argv[2])
    wb = openpyxl.load_workbook(sys.argv[2])
    wb.active.delete_rows(1)
    wb.active["A1"] = "说明"
    wb.save(sys.argv[2])
elif kind == "encrypted":
    # the start of a compound file that holds an encrypted package
    head = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    name = "EncryptedPackage".encode("utf-16-le")
    open(sys.argv[2], "wb").write(head + name + bytes(512))
EOF

test_case 'an office roster (.xlsx) gives the store what its CSV gives' '
	household-add -d csv.db "$EXAMPLES/households.csv" &&
	household-add -d xlsx.db "$TRASH/households.xlsx" 2>err &&
	grep_message "^household-add: $TRASH/households.xlsx:花名册: the header is row 4$" err &&
	same_households csv.db xlsx.db
'

test_case 'the store tells the data, not where it came from: only file and row differ' '
	household-add -d csv.db "$EXAMPLES/households.csv" &&
	household-add -d xlsx.db "$TRASH/households.xlsx" &&
	for db in csv xlsx; do
		sqlite3 $db.db .dump | sed -e "/INSERT INTO household_source/d" \
			-e "/INSERT INTO household VALUES/s/,[0-9]*,NULL);\$/);/" \
			-e "s/[0-9-]*T[0-9:]*Z/TIME/g" >$db.sql || return 1
	done &&
	test_cmp csv.sql xlsx.sql
'

test_case 'visits with dates in four forms (serial, built-in 31, 2022年11月1日, t="d")' '
	household-add -q -d csv.db "$EXAMPLES/households.csv" &&
	household-add -q -d xlsx.db "$TRASH/households.xlsx" &&
	visit-log -q --today 2023-03-01 -d csv.db "$EXAMPLES/visits.csv" >/dev/null &&
	visit-log -q --today 2023-03-01 -d xlsx.db "$TRASH/visits.xlsx" >/dev/null &&
	for db in csv.db xlsx.db; do
		sqlite3 "$db" "SELECT household_id, visit_date, visitor, visitor_role,
			round, food_clothing, education, medical, housing, drinking_water,
			income_stable, industry_link, risk_level, monitor_suggested, notes
			FROM visit ORDER BY 1, 2, 3" >"$db.rows" || return 1
	done &&
	test $(wc -l <csv.db.rows) -gt 1900 &&
	test_cmp csv.db.rows xlsx.db.rows
'

test_case 'an .xls with Chinese text (xlwt) gives what its CSV gives' '
	household-add -q -d csv.db "$EXAMPLES/households.csv" &&
	household-add -d xls.db "$TRASH/households.xls" 2>err &&
	grep_message "households.xls:花名册: the header is row 1$" err &&
	same_households csv.db xls.db
'

test_case 'a workbook on standard input is read' '
	household-add -q -d csv.db "$EXAMPLES/households.csv" &&
	household-add -d xlsx.db <"$TRASH/households.xlsx" 2>err &&
	grep_message "^household-add: stdin:花名册: the header is row 4$" err &&
	same_households csv.db xlsx.db &&
	cat "$TRASH/households.xls" | household-add -q -d xls.db &&
	same_households csv.db xls.db
'

test_case '--list-sheets: name, visible or hidden, rows' '
	household-add --list-sheets "$TRASH/households.xlsx" >out &&
	printf "说明\thidden\t1\n花名册\tvisible\t354\n" >expect &&
	test_cmp expect out &&
	test_path_is_missing "$RENKE_DB"
'

test_case '--sheet by name and by number; --header-row as Excel numbers rows' '
	household-add -q -d csv.db "$EXAMPLES/households.csv" &&
	household-add -q -d a.db --sheet 花名册 "$TRASH/households.xlsx" &&
	same_households csv.db a.db &&
	household-add -q -d b.db --sheet 2 --header-row 4 "$TRASH/households.xlsx" &&
	same_households csv.db b.db
'

test_case 'an unknown sheet is an error that lists the sheets' '
	expect_status 64 household-add --sheet 台账 "$TRASH/households.xlsx" 2>err &&
	grep_message "^household-add: $TRASH/households.xlsx: no sheet \"台账\"; the sheets are: 说明 (hidden), 花名册$" err &&
	expect_status 64 household-add --sheet 3 "$TRASH/households.xlsx" 2>err &&
	grep_message "no sheet \"3\"" err &&
	test_path_is_missing "$RENKE_DB"
'

test_case 'an unknown column is named by its header cell; a header row that is empty' '
	"$PY" "$TRASH/make.py" unknown-column x.xlsx &&
	expect_status 65 household-add x.xlsx 2>err &&
	grep_message "^household-add: x.xlsx:花名册!F1: 备注X: unknown column$" err &&
	expect_status 64 household-add --header-row 400 "$TRASH/households.xlsx" 2>err &&
	grep_message "^household-add: $TRASH/households.xlsx:花名册: row 400 is empty or beyond the end of the sheet$" err &&
	"$PY" "$TRASH/make.py" no-header nh.xlsx &&
	expect_status 65 household-add nh.xlsx 2>err &&
	grep_message "^household-add: nh.xlsx:花名册: none of the first 50 rows names the columns this command reads; give the header.s row with --header-row N$" err &&
	test_path_is_missing "$RENKE_DB"
'

test_case 'an ID number stored as a number is refused, naming its cell' '
	household-add -q -d seed.db "$EXAMPLES/households.csv" &&
	cp seed.db "$RENKE_DB" && store_dump >before &&
	"$PY" "$TRASH/make.py" numeric-id id.xlsx &&
	expect_status 65 household-add id.xlsx 2>err &&
	grep_message "^household-add: id.xlsx:花名册!C3: 身份证号: an ID or phone number stored as a number has lost digits: store the column as text and type it again$" err &&
	store_dump >after && test_cmp before after
'

test_case 'formulas give their saved results; one saved without is a bad record' '
	"$PY" "$TRASH/make.py" formulas f.xlsx &&
	household-add -q f.xlsx &&
	sqlite3 "$RENKE_DB" "SELECT household_id, members FROM household ORDER BY 1" >out &&
	printf "A1|3\nA2|4\n" >expect && test_cmp expect out &&
	"$PY" "$TRASH/make.py" formula-unsaved u.xlsx &&
	store_dump >before &&
	expect_status 65 household-add u.xlsx 2>err &&
	grep_message "^household-add: u.xlsx:花名册!E2: 家庭人口: a formula saved without its result: open the workbook in Excel or WPS, let it calculate and save it again$" err &&
	store_dump >after && test_cmp before after
'

test_case 'bad records of a workbook go to the rejects file with their values' '
	"$PY" "$TRASH/make.py" formula-unsaved u.xlsx &&
	household-add -q --skip-bad --rejects rej.csv u.xlsx &&
	sqlite3 "$RENKE_DB" "SELECT household_id FROM household" >out &&
	echo A2 >expect && test_cmp expect out &&
	grep -q "^\"家庭人口: a formula saved without its result.*\",2," rej.csv
'

test_case 'an encrypted workbook: say so, and say to save it as .xlsx' '
	"$PY" "$TRASH/make.py" encrypted secret.xlsx &&
	expect_status 65 household-add secret.xlsx 2>err &&
	grep_message "^household-add: secret.xlsx: the workbook is encrypted and cannot be read: open it in Excel or WPS, remove the password and save it as .xlsx$" err &&
	test_path_is_missing "$RENKE_DB"
'

test_case 'not a workbook: --input-format xlsx on a CSV file, a broken zip' '
	printf "household_id,village\nA1,甲村\n" >in.csv &&
	expect_status 65 household-add --input-format xlsx in.csv 2>err &&
	grep_message "^household-add: in.csv: not a workbook (.xlsx, .xls or .et)$" err &&
	head -c 300 "$TRASH/households.xlsx" >broken.xlsx &&
	expect_status 65 household-add broken.xlsx 2>err &&
	grep_message "^household-add: broken.xlsx: not a workbook that can be read: " err &&
	expect_status 64 household-add --input-format ods in.csv 2>err &&
	grep_message "expected csv, json, jsonl, xlsx or xls" err &&
	test_path_is_missing "$RENKE_DB"
'

test_done
