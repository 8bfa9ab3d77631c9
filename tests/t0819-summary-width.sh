#!/bin/sh
# t0819 -- the summary on a terminal fits its width and says what it counts
#
# On a terminal (script(1) gives one) report-gen summary lays its table
# out for $COLUMNS, else the terminal's width, else 80: in blocks of the
# columns that fit, the village in front of each, or record by record;
# a pipe or a file gets the table as it always was.  Every layout holds
# the same cells as the wide table: layout.py reads them back.
. "$(dirname "$0")/lib.sh"
unset COLUMNS

# layout.py FILE: "key|heading|value" for every cell of a summary table
# in FILE, whatever its layout, sorted; and on standard error the widest
# line in display columns (a CJK character is two)
cat >"$TRASH/layout.py" <<\EOF
import re, sys, unicodedata

def cols(c):
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1

def width(s):
    return sum(cols(c) for c in s)

def cut(s, start, end):
    """the characters of s from display column start to end"""
    out, at = "", 0
    for c in s:
        if start <= at < end:
            out += c
        at += cols(c)
    return out.strip()

lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
print(max(width(l) for l in lines), file=sys.stderr)
keys = int(sys.argv[2]) if len(sys.argv) > 2 else 1
cells = set()
i = 0
# the title lines, up to the first empty line, when the table has one
if "" in lines and not re.match(r"^-+( +-+)*$", lines[1] if len(lines) > 1 else ""):
    i = lines.index("") + 1
if i + 1 < len(lines) and re.match(r"^-+( +-+)*$", lines[i + 1]):
    # blocks: headings, their rule, rows; an empty line between blocks
    while i < len(lines):
        head, rule = lines[i], lines[i + 1]
        spans, at = [], 0
        for m in re.finditer(r"-+", rule):
            spans.append((m.start(), m.end()))
        names = [cut(head, a, b) for a, b in spans]
        i += 2
        while i < len(lines) and lines[i] != "":
            v = [cut(lines[i], a, b) for a, b in spans]
            key = " ".join(v[:keys])
            for n, x in zip(names[keys:], v[keys:]):
                cells.add("%s|%s|%s" % (key, n, x))
            i += 1
        i += 1
else:
    # records: a line naming the row, then "  heading  value" lines, or
    # "  heading" and "    value" when the two do not fit side by side
    key = heading = None
    for l in lines[i:] + ["end"]:
        if l == "":
            continue
        if heading is not None and not l.startswith("    "):
            cells.add("%s|%s|" % (key, heading))
            heading = None
        if not l.startswith(" "):
            key = l
        elif l.startswith("    "):
            cells.add("%s|%s|%s" % (key, heading, l.strip()))
            heading = None
        else:
            parts = re.split(r"  +", l.strip(), maxsplit=1)
            if len(parts) == 2:
                cells.add("%s|%s|%s" % (key, parts[0], parts[1]))
            else:
                heading = parts[0]
for c in sorted(cells):
    print(c)
EOF

# township: the example township, named 石门镇
township() {
	example_township &&
	place-edit -q --reason 定名 township 石门镇
}

# summary_on COLUMNS LOCALE ARGS...: the summary as a terminal that wide
# shows it, into ./shown; its cells into ./cells, its widest line into ./widest
summary_on() {
	cols=$1 loc=$2
	shift 2
	on_terminal "env COLUMNS=$cols LANG=$loc LC_ALL=$loc report-gen --today 2022-11-30 summary $*" >shown &&
	python3 "$TRASH/layout.py" shown >cells 2>widest
}

# wide LOCALE ARGS...: the cells of the table as a file gets it, into ./wide
wide() {
	loc=$1
	shift
	LANG=$loc LC_ALL=$loc report-gen --today 2022-11-30 -f table summary "$@" >table &&
	python3 "$TRASH/layout.py" table >wide 2>/dev/null
}

# fits COLUMNS: no line of ./shown is wider than COLUMNS display columns
fits() {
	if [ "$(cat widest)" -gt "$1" ]; then
		echo "a line of $(cat widest) columns on a terminal of $1:" >&2
		cat shown >&2
		return 1
	fi
}

test_case 'C: at 40, 80 and 200 columns every line fits, and every cell is there' '
	township &&
	wide C.UTF-8 &&
	test "$(wc -l <wide)" -gt 400 &&
	for c in 40 80 200; do
		summary_on $c C.UTF-8 && fits $c && test_cmp wide cells || return 1
	done &&
	: 80 columns need blocks, each led by the village &&
	summary_on 80 C.UTF-8 &&
	test "$(grep -c "^village  " shown)" -gt 3 &&
	grep -q "^total  " shown
'

test_case 'zh_CN: at 40, 80 and 200 columns, a Chinese character two columns wide' '
	township && zh_locale &&
	wide zh_CN.UTF-8 &&
	grep -q "^后叶村|2022-11-01走访覆盖率|83.3%$" wide &&
	for c in 40 80 200; do
		summary_on $c zh_CN.UTF-8 && fits $c && test_cmp wide cells || return 1
	done &&
	summary_on 80 zh_CN.UTF-8 &&
	test "$(grep -c "^村(社区)  " shown)" -gt 1 &&
	grep -q "^合计  " shown
'

test_case 'too narrow for a column beside the village: record by record' '
	township &&
	wide C.UTF-8 &&
	summary_on 30 C.UTF-8 && fits 30 && test_cmp wide cells &&
	grep -qx "后叶村" shown &&
	grep -q "^  coverage 2022-11-01  *83.3%$" shown &&
	: a heading and its value too wide together take two lines &&
	grep -qx "  callback satisfaction" shown &&
	(zh_locale && wide zh_CN.UTF-8 && summary_on 28 zh_CN.UTF-8) &&
	fits 28 && test_cmp wide cells &&
	grep -q "^  户数  *45$" shown &&
	grep -qx "  2022-11-01走访覆盖率" shown
'

test_case 'the width: COLUMNS, else what the terminal says, else 80' '
	township &&
	on_terminal "stty cols 100 && report-gen --today 2022-11-30 summary" >shown &&
	python3 "$TRASH/layout.py" shown >cells 2>widest &&
	fits 100 && test "$(cat widest)" -gt 80 &&
	on_terminal "stty cols 0 && report-gen --today 2022-11-30 summary" >shown &&
	python3 "$TRASH/layout.py" shown >cells 2>widest &&
	fits 80 && test "$(cat widest)" -gt 60 &&
	: COLUMNS that is no width is not taken &&
	on_terminal "stty cols 100 && COLUMNS=abc report-gen --today 2022-11-30 summary" >shown &&
	python3 "$TRASH/layout.py" shown >cells 2>widest &&
	fits 100 && test "$(cat widest)" -gt 80
'

test_case 'a pipe or a file gets the table as before, whatever COLUMNS says' '
	township &&
	COLUMNS=40 report-gen --today 2022-11-30 -f table summary >file &&
	COLUMNS=40 report-gen --today 2022-11-30 -f table summary | cat >piped &&
	test_cmp file piped &&
	head -n 1 file | grep -q "^village  *households  *members  " &&
	test_line_count 12 file &&
	: -o on a terminal is a file too &&
	on_terminal "COLUMNS=40 report-gen --today 2022-11-30 -f table -o out summary" &&
	test_cmp file out
'

test_case 'the title names the township and the day; the counts say they are cumulative' '
	township &&
	summary_on 200 C.UTF-8 &&
	head -n 4 shown >head &&
	printf "%s\n" "Summary of 石门镇 (as of 2022-11-30)" \
		"Counts are cumulative: from the start of the campaign to 2022-11-30." \
		"Survey round: 2022-11" "" >expect &&
	test_cmp expect head &&
	(zh_locale && summary_on 200 zh_CN.UTF-8) &&
	head -n 4 shown >head &&
	printf "%s\n" "石门镇工作汇总（截至2022年11月30日）" \
		"各项数字为累计数：自工作开展以来至2022年11月30日。" \
		"调查轮次：2022-11" "" >expect &&
	test_cmp expect head
'

test_case 'with --since or --until the issue counts say they are of the period' '
	township &&
	summary_on 200 C.UTF-8 --since 2022-11-10 &&
	sed -n 2p shown >line &&
	echo "Issue counts are of the period from 2022-11-10 to 2022-11-30: the issues opened in it, and for on-time closure those due in it. The other counts are cumulative, to 2022-11-30." >expect &&
	test_cmp expect line &&
	summary_on 200 C.UTF-8 --until 2022-11-20 &&
	sed -n 2p shown | grep -q "period from the start of the campaign to 2022-11-20: .* The other counts are cumulative, to 2022-11-30\.$" &&
	(zh_locale && summary_on 40 zh_CN.UTF-8 --since 2022-11-10) &&
	fits 40 &&
	sed -e 1d -e "/^调查轮次/,\$d" shown | tr -d "\n" >line &&
	grep -q "^问题各项只计本期（2022年11月10日至2022年11月30日）：本期新开的问题，按时办结只计本期到期的问题。其余各项为截至2022年11月30日的累计数。" line
'

test_case 'two townships: each row named by township and village' '
	township && cp "$RENKE_DB" 甲镇.db &&
	summary_on 60 C.UTF-8 -d 甲镇.db -d "$RENKE_DB" >/dev/null &&
	fits 60 &&
	head -n 1 shown | grep -q "^Summary of 石门镇, 石门镇 (as of 2022-11-30)$" &&
	grep -q "^township  village  " shown &&
	LANG=C.UTF-8 report-gen --today 2022-11-30 -f table summary -d 甲镇.db -d "$RENKE_DB" >table &&
	python3 "$TRASH/layout.py" table 2 >wide 2>/dev/null &&
	python3 "$TRASH/layout.py" shown 2 >cells 2>/dev/null &&
	test_cmp wide cells
'

test_case 'the page title reads "Summary of" the township under C' '
	township &&
	report-gen --today 2022-11-30 summary -f html >page.html &&
	grep -q "<h1>Summary of 石门镇</h1>" page.html &&
	(zh_locale && report-gen --today 2022-11-30 summary -f html >zh.html) &&
	grep -q "<h1>石门镇工作汇总</h1>" zh.html
'
test_done
