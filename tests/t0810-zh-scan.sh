#!/bin/sh
# t0810-zh-scan.sh -- every command and every report, in every format for
# people (table, markdown, html, xlsx, CSV with --excel), and every class
# of message (the closing line and the warnings of an import, a refused
# record, a usage error) speaks Chinese under zh_CN: no field name and no
# vocabulary code shows through; under C no heading is Chinese (values
# aside).  The rule is renke(7)'s.
#
# The example township is built once, under zh_CN as a clerk builds it,
# with a record of every kind (care visits and the quarter's care
# milestone too, whose coverage counts people), and copied into each case.  The words looked for are the store's own:
# every code of its vocab table and every column of its tables, besides
# any snake_case word and the command's CSV field names.  The commands
# are the Makefile's and the reports report-gen's own list, so that a new
# one is scanned (or named here as not scanned) when it is added.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

cat >"$TRASH/scan.py" <<\EOF
"""scan.py FORMAT NAMES LIST -- for each line "FILE<tab>TITLE<tab>FIELDS<tab>
ALLOWED" of LIST, the ASCII words of FILE (written in FORMAT) that are one
of NAMES (codes and column names), snake_case or one of FIELDS (commas),
unless one of ALLOWED (the words the input itself gave).
scan.py --headings FORMAT LIST: Chinese in the headings of each FILE (C)."""
import html.parser, re, sys

def text_of(fmt, path):
    if fmt == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path)
        rows = []
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                rows.append([str(v) for v in row if v is not None])
        return rows
    data = open(path, encoding="utf-8-sig", errors="replace").read()
    if fmt == "html":
        class P(html.parser.HTMLParser):
            def __init__(self):
                super().__init__()
                self.rows, self.skip = [[]], 0
            def handle_starttag(self, tag, attrs):
                if tag in ("style", "script"):
                    self.skip += 1
                if tag in ("tr", "h1", "h2", "h3", "p", "li", "caption", "title"):
                    self.rows.append([])
                # people read these attributes too
                for k, v in attrs:
                    if k in ("title", "alt", "aria-label") and v:
                        self.rows[-1].append(v)
            def handle_endtag(self, tag):
                if tag in ("style", "script"):
                    self.skip -= 1
            def handle_data(self, d):
                if not self.skip:
                    self.rows[-1].append(d)
        p = P()
        p.feed(data)
        return p.rows
    if fmt == "csv":
        import csv, io
        return list(csv.reader(io.StringIO(data)))
    return [[line] for line in data.split("\n")]

# what is a value, not a word: references and keys made of codes, commands,
# options and the accepted values a message lists as "code（label）"
KEEP = [
    r"\b(visit|meeting|survey|issue):[^\s,|<]*",     # source references
    r"\b[a-z]+-[a-z]+(-[a-z]+)?\b",                  # command names (issue-add)
    r"--set\s+\w+=[^\s，；。、]*",                      # --set owner=陈书记
    r"(?<![\w-])--?[A-Za-z][\w-]*(=[^\s，；。、]*)?",   # options
    r"\b[A-Z]{1,3}\d+\w*",                           # household numbers
    r"\b\d{4}-r\d+\b",                               # rounds (2022-r1)
    r"\b[a-z][a-z_]*[（(][^）)]*[）)]",                # code（label）: what to type
    r"\bstdin\b",
]

def words(cell):
    for k in KEEP:
        cell = re.sub(k, " ", cell)
    return re.findall(r"[A-Za-z][A-Za-z0-9_]*", cell)

def headings(fmt, path):
    """the Chinese headings of one output written under C"""
    if fmt == "html":
        # in HTML only the table headings are headings
        bad = []
        for th in re.findall(r"<th[^>]*>(.*?)</th>", open(path, encoding="utf-8").read(), re.S):
            # a milestone's title with its date is a value, not a heading
            if 'class="due"' not in th and re.search(r"[\u3400-\u9fff]", th):
                bad.append(th)
        return bad
    rows = text_of(fmt, path)
    # the first line that is not empty, nor a group's title (== 张三 ==)
    heading = next((r for r in rows if any(c.strip() for c in r) and
                    not r[0].startswith("==")), [])
    return [c for c in heading if re.search(r"[\u3400-\u9fff]", c)]

def main():
    status = 0
    if sys.argv[1] == "--headings":
        for line in open(sys.argv[3]):
            path, title = line.rstrip("\n").split("\t")[:2]
            bad = headings(sys.argv[2], path)
            if bad:
                print("--- " + title)
                for c in bad:
                    print("Chinese heading:", c)
                status = 1
        return status
    fmt, names = sys.argv[1], set(open(sys.argv[2]).read().split())
    for line in open(sys.argv[3]):
        path, title, fields, allowed = (line.rstrip("\n").split("\t") + ["", ""])[:4]
        fields, allowed = set(fields.split(",")), set(allowed.split(","))
        found = []
        for row in text_of(fmt, path):
            for cell in row:
                for w in words(cell):
                    if w not in allowed and ("_" in w or w in names or w in fields):
                        found.append((w, cell.strip()[:90]))
        if found:
            print("--- " + title)
            for w, cell in found[:10]:
                print("code or field name %r in: %s" % (w, cell))
            status = 1
    return status

sys.exit(main())
EOF

# township: the example township's store, built once under zh_CN; what
# the imports say on standard error is scanned as messages
(
	mkdir -p "$TRASH/town" && cd "$TRASH/town" &&
	RENKE_DB=$TRASH/town/renke.db && export RENKE_DB &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 && export LANG LC_ALL &&
	household-add "$EXAMPLES/households.csv" &&
	milestone-add "$EXAMPLES/milestones.csv" &&
	milestone-add "$EXAMPLES/meeting-milestones.csv" &&
	visit-log "$EXAMPLES/visits.csv" &&
	visit-log --flagged -q "$EXAMPLES/visits.csv" >/dev/null &&
	visit-log --flagged --since 2022-10-01 -f csv |
		issue-add --today 2022-11-05 -f csv >/dev/null &&
	sh "$EXAMPLES/ledger-life.sh" >ledger-life.out &&
	survey-tally --save 2022-11 --today 2022-11-28 "$EXAMPLES/survey.csv" >/dev/null &&
	case-open --today 2022-12-01 "$EXAMPLES/cases.csv" >/dev/null &&
	case-step --today 2022-12-01 "$EXAMPLES/case-steps.csv" >/dev/null &&
	honour-add "$EXAMPLES/honours.csv" &&
	board-step --today 2022-12-31 "$EXAMPLES/board-steps.csv" &&
	member-add "$EXAMPLES/people.csv" &&
	assign "$EXAMPLES/assignments.csv" &&
	returnee-log "$EXAMPLES/returnees.csv" &&
	# posts and loans; a job and a land transfer; a loan the bank
	# approved, its status changed in its history
	support-log "$EXAMPLES/support.csv" &&
	support-log --kind 产业园务工 --id-number 500241198808280029 --start 2022-11-07 \
		--title 分拣工 --provider 后叶镇茶叶产业园 --amount 2800 &&
	support-log --kind 土地流转 --id-number 500235195503072885 --start 2022-03-01 \
		--end 2027-02-28 --title 大田湾 --area 2.5亩 --provider 向阳茶叶合作社 --amount 600 &&
	sed -n "1p;/500242200409010028/s/,,,,已提交银行,/,,30000,36,已放贷,/p" \
		"$EXAMPLES/support.csv" >approved.csv &&
	support-log --upsert --reason 银行放贷 approved.csv &&
	# a misconduct matter through every step
	misconduct() {
		misconduct-step --kind 拒不赡养 --parties HY0101004 "$@"
	} &&
	misconduct --today 2022-11-02 --step 移交 --referred-to 司法调解 --owner 后叶村调委会 &&
	misconduct --today 2022-11-20 --referred-on 2022-11-02 --step 受理 --date 2022-11-04 &&
	misconduct --today 2022-11-20 --referred-on 2022-11-02 --step 办理结果 --result 达成赡养协议 &&
	misconduct --today 2022-12-20 --referred-on 2022-11-02 --step 回访 --finding 稳定 --who 陈书记 &&
	# village rules, drafted to enforced
	rule-step --today 2023-06-30 "$EXAMPLES/rules.csv" >/dev/null &&
	# care visits and the quarter's care milestone (人文关怀)
	care-log --today 2023-03-31 "$EXAMPLES/care.csv" &&
	milestone-add "$EXAMPLES/care-milestones.csv" &&
	sqlite3 renke.db "SELECT max(id) FROM issue WHERE kind = 'misconduct'" >"$TRASH/misconduct" &&
	sqlite3 renke.db "SELECT code FROM vocab; SELECT DISTINCT p.name FROM
		sqlite_master AS m, pragma_table_info(m.name) AS p WHERE m.type = 'table'" |
		sort -u >"$TRASH/names" &&
	# the dispute of ledger-life.sh: mediated, revisited, reopened
	sqlite3 renke.db "SELECT max(id) FROM issue WHERE kind = 'dispute'" >"$TRASH/dispute"
) >"$TRASH/town.log" 2>"$TRASH/town.err" || { cat "$TRASH/town.log" "$TRASH/town.err"; exit 1; }

township() {
	cp "$TRASH/town/renke.db" "$RENKE_DB"
}

# the commands that write records out, with what makes each write some;
# "CMD ARGS" per line; the format options are added by the case.  A run
# that changes the store comes last (each format starts from the township).
cat >"$TRASH/runs" <<\EOF
household-list
household-list --village 后叶村
visit-log --flagged --since 2022-10-01
visit-log --coverage
visit-log --coverage --missing --milestone 2022-11-01
deadline-check --today 2022-12-20
deadline-check --today 2022-12-20 --summary
deadline-check --today 2022-12-20 --group-by owner
deadline-check --today 2022-12-20 --group-by kind
report-gen --today 2022-11-30 summary
report-gen --today 2022-11-30 issues
report-gen --today 2022-11-30 visits
report-gen --today 2022-11-30 households
report-gen --today 2022-11-30 meetings
report-gen --today 2022-11-30 history 1
report-gen --today 2022-11-30 history 3
report-gen --today 2022-12-31 history DISPUTE
report-gen --today 2022-11-30 survey
report-gen --today 2022-11-30 history HY0102001
report-gen --today 2022-11-30 history HY0102003
report-gen --today 2022-12-20 history HY0201002
report-gen --today 2022-12-20 history HY0201005
report-gen --today 2022-12-20 history HY0101004
report-gen --today 2022-12-31 history MISCONDUCT
report-gen --today 2022-11-30 history --case 1
report-gen --today 2022-11-30 changes --since 2000-01-01
report-gen --today 2022-11-30 scorecard
report-gen --today 2022-11-30 cases
report-gen --today 2022-11-30 cases villages
report-gen --today 2022-11-30 cases posting
report-gen --today 2022-12-31 board
report-gen --today 2022-11-30 assistance
report-gen --today 2022-11-30 returnees
report-gen --today 2022-11-30 care
report-gen --today 2023-01-31 care
visit-log --today 2023-01-31 --coverage --milestone 2022-q4-care
visit-log --today 2023-01-31 --coverage --missing --milestone 2022-q4-care
deadline-check --today 2023-01-10 --kind care_missing
survey-tally --from-store 2022-11
survey-tally --today 2022-11-28 EXAMPLES/survey.csv
survey-tally --evaluation EXAMPLES/evaluation.csv
survey-tally --ballot --representatives 45 EXAMPLES/ballot.csv
issue-add --dry-run --today 2022-11-30 --title 修路 --owner 李主任 --village 后叶村 --category 道路
issue-update --dry-run --today 2022-11-30 --id 2 --status in_progress
case-open --today 2022-11-30 --household HY0101001 --clue visit --clue-on 2022-11-20
meeting-log --dry-run --today 2022-11-30 --kind 院坝会 --village 后叶村 --group 2社 --owner 李主任 EXAMPLES/suggestions.csv
rule-step --today 2023-06-30 EXAMPLES/rules.csv
case-step --today 2022-12-01 --case 6 --step 信息比对 --date 2022-11-30 --answers 医保:自付3万元
county-set
EOF
sed -i "s|DISPUTE|$(cat "$TRASH/dispute")|; s|MISCONDUCT|$(cat "$TRASH/misconduct")|" "$TRASH/runs"

# run FORMAT-OPTIONS LINE >OUT: one line of runs, in a format
run() {
	opts=$1
	line=$(printf "%s" "$2" | sed "s|EXAMPLES/|$EXAMPLES/|g")
	cmd=${line%% *}
	rest=${line#"$cmd"}
	# shellcheck disable=SC2086
	$cmd $opts $rest
}

# each run's CSV field names, once, from a township of its own
(
	cd "$TRASH" && RENKE_DB=$TRASH/fields.db && export RENKE_DB &&
	cp town/renke.db fields.db && n=0 &&
	while IFS= read -r line; do
		n=$((n + 1))
		LANG=C.UTF-8 LC_ALL=C.UTF-8 run "-f csv --codes" "$line" </dev/null 2>/dev/null |
			head -n 1 | tr -d "\r" >fields.$n
	done <runs
) || exit 1

# scan_all LOCALE FORMAT OPTIONS EXT: every run in one format
scan_all() {
	status=0 n=0
	: >list
	while IFS= read -r line; do
		n=$((n + 1))
		LANG=$1 LC_ALL=$1 run "$3" "$line" >out.$n.$4 2>err </dev/null
		rc=$?
		if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
			echo "$line ($3): exit $rc" && cat err
			status=1
			continue
		fi
		[ -s out.$n.$4 ] || continue	# a dry run writes no workbook
		printf "%s\t%s (%s)\t%s\n" out.$n.$4 "$line" "$3" "$(cat "$TRASH/fields.$n")" >>list
	done <"$TRASH/runs"
	if [ "$1" = C.UTF-8 ]; then
		"$PY" "$TRASH/scan.py" --headings "$2" list || status=1
	else
		"$PY" "$TRASH/scan.py" "$2" "$TRASH/names" list || status=1
	fi
	return $status
}

test_case 'every command is scanned, and every report of report-gen' '
	for c in $(sed -n "s/^COMMANDS_[A-Z]* = //p" "$TOP/Makefile"); do
		if "$c" -h 2>&1 | grep -q -- "-f format"; then
			grep -q "^$c\( \|$\)" "$TRASH/runs" || { echo "not scanned: $c"; exit 1; }
		fi
	done &&
	for r in $(report-gen -h | sed -n "/ summary |/,/^       report-gen/{p;/^       report-gen/q;}" | grep -v "^       report-gen" | tr -d "|" | tr -s " \n" "  "); do
		case $r in id|number|n) continue ;; esac
		grep -q "^report-gen .* $r\( \|$\)" "$TRASH/runs" || { echo "not scanned: report-gen $r"; exit 1; }
	done
'

test_case 'zh_CN: tables show no code and no field name' '
	township && scan_all zh_CN.UTF-8 table "-f table" txt
'

test_case 'zh_CN: markdown shows no code and no field name' '
	township && scan_all zh_CN.UTF-8 markdown "-f markdown" md
'

test_case 'zh_CN: html shows no code and no field name' '
	township && scan_all zh_CN.UTF-8 html "-f html" html
'

test_case 'zh_CN: CSV for Excel shows no code and no field name' '
	township && scan_all zh_CN.UTF-8 csv "--excel" csv
'

test_case 'zh_CN: workbooks show no code and no field name' '
	township && scan_all zh_CN.UTF-8 xlsx "-f xlsx" xlsx
'

test_case 'zh_CN: the closing lines and warnings of the imports name no code and no field' '
	test -s "$TRASH/town.err" &&
	grep -q "读入" "$TRASH/town.err" &&
	printf "%s\t%s\n" "$TRASH/town.err" "the imports of the township" >list &&
	"$PY" "$TRASH/scan.py" msg "$TRASH/names" list
'

# probe CMD: CMD given a record whose every field is wrong, in a CSV
# headed by its field names (--set lists them), and one with its first
# field only; the messages may name a field as the file did, and no
# other way but in Chinese
test_case 'zh_CN: every command refusing records and options names no code and no field' '
	township &&
	zh_locale &&
	: >list && n=0 &&
	for c in $(sed -n "s/^COMMANDS_[A-Z]* = //p" "$TOP/Makefile"); do
		n=$((n + 1)) &&
		expect_status 64 "$c" --no-such-option >/dev/null 2>usage.$n &&
		grep -q "未知选项" usage.$n &&
		printf "%s\t%s\n" usage.$n "$c --no-such-option" >>list &&
		"$c" --set no_such=1 </dev/null >/dev/null 2>set.$n
		fields=$(sed -n "s/.*字段有：//p" set.$n | tr -d " " | sed "s/、/,/g") &&
		if [ -n "$fields" ]; then
			{ echo "$fields" && echo "$fields" | sed "s/[^,][^,]*/?/g"; } >probe.$n.csv &&
			expect_status 65 "$c" --today 2022-11-30 probe.$n.csv >/dev/null 2>bad.$n &&
			test -s bad.$n &&
			printf "%s\t%s\t\t%s\n" bad.$n "$c probe.csv" "$fields" >>list &&
			# the other fields missing from the file: named by heading
			first=${fields%%,*} &&
			printf "%s\n?\n" "$first" >one.$n.csv &&
			"$c" --today 2022-11-30 one.$n.csv >/dev/null 2>one.$n
			printf "%s\t%s\t\t%s\n" one.$n "$c one.csv" "$first" >>list
		fi || exit 1
	done &&
	test "$(grep -c "probe.csv" list)" -ge 10 &&
	"$PY" "$TRASH/scan.py" msg "$TRASH/names" list
'

# messages of each kind a clerk meets, beside the probes: a default the
# records overrode, a column missing, a move the lifecycle refuses, a
# vote or a meeting incomplete, a date that is none
cat >"$TRASH/messages" <<\EOF
issue-add --dry-run --today 2022-11-30 --owner 村委会 --village 后叶村 owned.csv
survey-tally --today 2022-11-28 nothing.csv
issue-update --today 2022-11-30 --id 1 --status closed
meeting-log --today 2022-11-30 --kind 村民大会 --village 后叶村 --date 2022-11-30 --representatives 45
meeting-log --today 2022-11-30 --kind 院坝会 --village 后叶村 --date 2022-11-30
meeting-log --today 2022-11-30 --kind 院坝会 --village 后叶村 --group 2社 --date 下月
visit-edit --today 2022-11-30 --household HY0101001 --date 2022-11-01 --visitor 无此人 --reason 录错 visitor 张三
case-step --today 2022-12-01 --case 6 --step 信息比对 --date 2022-11-30
EOF

test_case 'zh_CN: warnings and refusals of every kind name no code and no field' '
	township &&
	zh_locale &&
	printf "title,owner\n路灯,王强\n" >owned.csv &&
	printf "x\n1\n" >nothing.csv &&
	: >list && n=0 &&
	while IFS= read -r line; do
		n=$((n + 1))
		sh -c "$line" </dev/null >/dev/null 2>err.$n
		test -s err.$n || { echo "no message from: $line"; exit 1; }
		printf "%s\t%s\n" err.$n "$line" >>list
	done <"$TRASH/messages" &&
	grep -q "责任人取自记录本身" err.1 &&
	"$PY" "$TRASH/scan.py" msg "$TRASH/names" list
'

test_case 'C: no heading is Chinese, in a table, for Excel or in a workbook' '
	township &&
	scan_all C.UTF-8 table "-f table" txt &&
	township &&
	scan_all C.UTF-8 csv "--excel" csv &&
	township &&
	scan_all C.UTF-8 html "-f html" html &&
	township &&
	scan_all C.UTF-8 xlsx "-f xlsx" xlsx
'

test_case 'the scan finds what it looks for: a code, a snake_case word, a field name' '
	printf "%s\n" "户编号  状态" "H1  in_progress" >t1 &&
	printf "%s\n" "户编号  状态" "H1  closed" >t2 &&
	printf "%s\n" "head  状态" "H1  办理中" >t3 &&
	printf "%s\n" "户编号  状态  来源依据" "HY0101001  办理中  visit:HY0101001:2022-11-01:李开丽 issue-add" >t4 &&
	printf "%s\n" "issue-add: stdin:2: owner: 未填写；可用 --set owner=陈书记；应为 open（待办）" >t5 &&
	printf "%s\n" "household  状态" "H1  open" >t6 &&
	printf "%s\n" "household  status" "H1  办理中" >t7 &&
	printf "%s\t%s\t%s\t%s\n" t1 t1 "" "" t2 t2 "" "" t3 t3 "head,status" "" \
		t4 t4 "household_id" "" t5 t5 "" "owner" >list &&
	! "$PY" "$TRASH/scan.py" table "$TRASH/names" list >found &&
	grep -q "^--- t1$" found && grep -q "in_progress" found &&
	grep -q "^--- t2$" found && grep -q "closed" found &&
	grep -q "^--- t3$" found && grep -q "head" found &&
	! grep -q "^--- t[45]$" found &&
	printf "%s\t%s\t%s\t%s\n" t5 t5 "" "" >list &&
	! "$PY" "$TRASH/scan.py" table "$TRASH/names" list >found &&
	grep -q "^code or field name .owner. in" found &&
	test "$(grep -c "^code or field name" found)" -eq 1 &&
	printf "%s\t%s\n" t6 t6 >list &&
	! "$PY" "$TRASH/scan.py" --headings table list &&
	printf "%s\t%s\n" t7 t7 >list &&
	"$PY" "$TRASH/scan.py" --headings table list
'

test_done
