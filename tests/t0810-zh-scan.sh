#!/bin/sh
# t0810-zh-scan.sh -- every command and every report, in every format for
# people (table, markdown, html, xlsx, CSV with --excel), speaks Chinese
# under zh_CN: no field name and no vocabulary code shows through; under C
# no heading is Chinese (values aside).  The rule is renke(7)'s.
#
# The example township is built once, under zh_CN as a clerk builds it, and
# copied into each case.  scan.py reads the output of one command in one
# format and names every ASCII word that is a code of lib/vocab.c, a
# snake_case word, or one of the command's CSV field names.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# the vocabulary codes, from the one table that holds them
sed -n 's/^[[:space:]]*{ "[a-z_]*", "\([a-z_]*\)".*/\1/p' "$TOP/lib/vocab.c" |
	sort -u >"$TRASH/codes"

cat >"$TRASH/scan.py" <<\EOF
"""scan.py FORMAT FILE [FIELDS] -- ASCII words of FILE that are codes or field
names; --headings: Chinese characters in FILE's headings (C locale)"""
import html.parser, re, sys, zipfile

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

# what is a value, not a word: references and keys made of codes, commands
KEEP = [
    r"\b(visit|meeting|survey|issue):[^\s,|<]*",     # source references
    r"\b[a-z]+-[a-z]+(-[a-z]+)?\b",                  # command names (issue-add)
    r"\b[A-Z]{1,3}\d+\w*",                           # household numbers
    r"\b\d{4}-r\d+\b",                               # rounds (2022-r1)
]

def words(cell):
    for k in KEEP:
        cell = re.sub(k, " ", cell)
    return re.findall(r"[A-Za-z][A-Za-z0-9_]*", cell)

def main():
    if sys.argv[1] == "--headings":
        rows = text_of(sys.argv[2], sys.argv[3])
        # the first line that is not empty, nor a group's title (== 张三 ==)
        heading = next((r for r in rows if any(c.strip() for c in r) and
                        not r[0].startswith("==")), [])
        if sys.argv[2] == "html":
            heading = [c for r in rows for c in r]
        bad = [c for c in heading if re.search(r"[\u3400-\u9fff]", c)]
        if sys.argv[2] == "html":
            # in HTML only the table headings are headings: checked by th
            bad = []
            data = open(sys.argv[3], encoding="utf-8").read()
            for th in re.findall(r"<th[^>]*>(.*?)</th>", data, re.S):
                # a milestone's title with its date is a value, not a heading
                if 'class="due"' in th:
                    continue
                if re.search(r"[\u3400-\u9fff]", th):
                    bad.append(th)
        for c in bad:
            print("Chinese heading:", c)
        return 1 if bad else 0
    fmt, path = sys.argv[1], sys.argv[2]
    codes = set(open(sys.argv[3]).read().split())
    fields = set(sys.argv[4].split(",")) if len(sys.argv) > 4 else set()
    found = []
    for row in text_of(fmt, path):
        for cell in row:
            for w in words(cell):
                if "_" in w or w in codes or w in fields:
                    found.append((w, cell.strip()[:70]))
    for w, cell in found[:20]:
        print("code or field name %r in: %s" % (w, cell))
    return 1 if found else 0

sys.exit(main())
EOF

# township: the example township's store, built once under zh_CN
(
	mkdir -p "$TRASH/town" && cd "$TRASH/town" &&
	RENKE_DB=$TRASH/town/renke.db && export RENKE_DB &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 && export LANG LC_ALL &&
	household-add -q "$EXAMPLES/households.csv" &&
	milestone-add -q "$EXAMPLES/milestones.csv" &&
	milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
	visit-log -q "$EXAMPLES/visits.csv" &&
	visit-log --flagged -q "$EXAMPLES/visits.csv" >/dev/null &&
	visit-log --flagged --since 2022-10-01 -f csv |
		issue-add -q --today 2022-11-05 -f csv >/dev/null &&
	sh "$EXAMPLES/ledger-life.sh" >ledger-life.log 2>&1 &&
	survey-tally -q --save 2022-11 --today 2022-11-28 "$EXAMPLES/survey.csv" >/dev/null &&
	case-open -q --today 2022-12-01 "$EXAMPLES/cases.csv" >/dev/null &&
	case-step -q --today 2022-12-01 "$EXAMPLES/case-steps.csv" >/dev/null &&
	honour-add -q "$EXAMPLES/honours.csv" &&
	board-step -q --today 2022-12-31 "$EXAMPLES/board-steps.csv"
) >"$TRASH/town.log" 2>&1 || { cat "$TRASH/town.log"; exit 1; }

township() {
	cp "$TRASH/town/renke.db" "$RENKE_DB"
}

# the commands that write records out, with what makes each write some;
# "CMD ARGS" per line; the format options are added by the case
cat >"$TRASH/runs" <<\EOF
household-list
household-list --village 后叶村
visit-log --flagged --since 2022-10-01
visit-log --coverage
visit-log --coverage --missing --milestone 2022-11-01
deadline-check --today 2022-12-20
deadline-check --today 2022-12-20 --summary
deadline-check --today 2022-12-20 --group-by owner
report-gen --today 2022-11-30 summary
report-gen --today 2022-11-30 issues
report-gen --today 2022-11-30 visits
report-gen --today 2022-11-30 households
report-gen --today 2022-11-30 meetings
report-gen --today 2022-11-30 history 1
report-gen --today 2022-11-30 history 3
report-gen --today 2022-11-30 survey
report-gen --today 2022-11-30 history HY0102001
report-gen --today 2022-11-30 history HY0102003
report-gen --today 2022-11-30 history --case 1
report-gen --today 2022-11-30 scorecard
report-gen --today 2022-11-30 cases
report-gen --today 2022-11-30 cases villages
report-gen --today 2022-11-30 cases posting
report-gen --today 2022-12-31 board
survey-tally --from-store 2022-11
survey-tally --today 2022-11-28 EXAMPLES/survey.csv
survey-tally --evaluation EXAMPLES/evaluation.csv
survey-tally --ballot --representatives 45 EXAMPLES/ballot.csv
issue-add --dry-run --today 2022-11-30 --title 修路 --owner 李主任 --village 后叶村 --category 道路
issue-update --dry-run --today 2022-11-30 --id 2 --status in_progress
case-open --today 2022-11-30 --household HY0101001 --clue visit --clue-on 2022-11-20
meeting-log --dry-run --today 2022-11-30 --kind 院坝会 --village 后叶村 --group 2社 --owner 李主任 EXAMPLES/suggestions.csv
rule-step --today 2023-06-30 EXAMPLES/rules.csv
EOF

# run FORMAT-OPTIONS LINE >OUT: one line of runs, in a format
run() {
	opts=$1
	line=$(printf "%s" "$2" | sed "s|EXAMPLES/|$EXAMPLES/|g")
	cmd=${line%% *}
	rest=${line#"$cmd"}
	# shellcheck disable=SC2086
	$cmd $opts $rest
}

# scan_all LOCALE FORMAT OPTIONS EXT: every run in one format
scan_all() {
	status=0
	while IFS= read -r line; do
		LANG=$1 LC_ALL=$1 run "$3" "$line" >out.$4 2>err
		rc=$?
		if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
			echo "$line ($3): exit $rc" && cat err
			status=1
			continue
		fi
		[ -s out.$4 ] || continue	# a dry run writes no workbook
		fields=$(LANG=$1 LC_ALL=$1 run "-f csv --codes" "$line" 2>/dev/null |
			head -n 1 | tr -d "\r")
		if [ "$1" = C.UTF-8 ]; then
			"$PY" "$TRASH/scan.py" --headings "$2" out.$4 >found ||
				{ echo "--- $line ($3)"; cat found; status=1; }
		else
			"$PY" "$TRASH/scan.py" "$2" out.$4 "$TRASH/codes" "$fields" >found ||
				{ echo "--- $line ($3)"; cat found; status=1; }
		fi
	done <"$TRASH/runs"
	return $status
}

test_case 'every command that writes records out is scanned, and every report of report-gen' '
	for c in $(sed -n "s/^COMMANDS_[A-Z]* = //p" "$TOP/Makefile"); do
		# case-step: its steps need a case of the store first; not yet scanned
		[ "$c" = case-step ] && continue
		if "$c" -h 2>&1 | grep -q -- "-f format"; then
			grep -q "^$c\( \|$\)" "$TRASH/runs" || { echo "not scanned: $c"; exit 1; }
		fi
	done &&
	for r in $(report-gen -h | sed -n "/ summary |/,/^       report-gen/{p;/^       report-gen/q;}" | grep -v "^       report-gen" | tr -d "|" | tr -s " \n" "  "); do
		case $r in id|number|n) continue ;;
		# the changes of the audit log show stored values as they were
		# written (the kind of a meeting, the result of a vote): not yet scanned
		changes) continue ;; esac
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

test_case 'C: no heading is Chinese, in a table, for Excel or in a workbook' '
	township &&
	scan_all C.UTF-8 table "-f table" txt &&
	scan_all C.UTF-8 csv "--excel" csv &&
	scan_all C.UTF-8 html "-f html" html &&
	scan_all C.UTF-8 xlsx "-f xlsx" xlsx
'

test_case 'the scan finds what it looks for: a code, a snake_case word, a field name' '
	printf "%s\n" "户编号  状态" "H1  in_progress" >t1 &&
	! "$PY" "$TRASH/scan.py" table t1 "$TRASH/codes" >found &&
	grep -q "in_progress" found &&
	printf "%s\n" "户编号  状态" "H1  closed" >t2 &&
	! "$PY" "$TRASH/scan.py" table t2 "$TRASH/codes" >found &&
	grep -q "closed" found &&
	printf "%s\n" "head  状态" "H1  办理中" >t3 &&
	! "$PY" "$TRASH/scan.py" table t3 "$TRASH/codes" "head,status" >found &&
	printf "%s\n" "户编号  状态  来源依据" "HY0101001  办理中  visit:HY0101001:2022-11-01:李开丽 issue-add" >t4 &&
	"$PY" "$TRASH/scan.py" table t4 "$TRASH/codes" "household_id" &&
	printf "%s\n" "household  状态" "H1  open" >t5 &&
	! "$PY" "$TRASH/scan.py" --headings table t5 &&
	printf "%s\n" "household  status" "H1  办理中" >t6 &&
	"$PY" "$TRASH/scan.py" --headings table t6
'

test_done
