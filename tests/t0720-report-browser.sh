#!/bin/sh
# t0720-report-browser.sh -- the HTML summary and scorecard in headless Chromium: load clean, fetch nothing, draw their charts and colours
#
# The page comes from `report-gen summary -f html` over the example
# township (its households, milestones, visits, ledger-life.sh and the
# survey) when report-gen is there and succeeds, else from the unit
# test's sample (test-report-html --write).  Chromium is Debian's
# package, installed with CJK fonts by scripts/install-deps.sh --browser
# (which `make check` runs); the file is skipped, saying why, without it.
# The screenshot is kept as build/report-summary.png for a person.

. "$(dirname "$0")/lib.sh"

CHARTS="chart-coverage chart-issues chart-recognition chart-age chart-funnel"
SCREENSHOT=$TOP/build/report-summary.png

# skip_all REASON: the whole file is skipped, saying why
skip_all() {
	echo "ok 1 # skip no chromium: $1"
	echo "1..1"
	exit 0
}

# Chromium comes with `make check` (scripts/install-deps.sh --browser)
if ! command -v chromium >/dev/null 2>&1; then
	skip_all "it is not installed (as root: scripts/install-deps.sh --browser)"
fi
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
	echo "# no font with Chinese glyphs (fonts-noto-cjk): Chinese shows as boxes"
fi

# run_chromium ARGS... PAGE: headless, offline, its own profile, at most 60 seconds
run_chromium() {
	profile=$(mktemp -d "$TRASH/profile.XXXXXX") &&
	timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$profile" \
		--host-resolver-rules="MAP * ~NOTFOUND" "$@"
}

# the page: report-gen's summary of the example township, else the unit test's sample
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; then
	PAGE_LANG=zh_CN.UTF-8
else
	PAGE_LANG=C.UTF-8
fi
PAGE=$TRASH/summary.html
PAGE_SOURCE=
if command -v report-gen >/dev/null 2>&1; then
	# the store's file name is the township's name in the page
	(
		RENKE_DB=$TRASH/示例镇.db
		export RENKE_DB
		household-add -q "$EXAMPLES/households.csv" &&
		milestone-add -q "$EXAMPLES/milestones.csv" &&
		visit-log -q "$EXAMPLES/visits.csv" &&
		sh "$EXAMPLES/ledger-life.sh" &&
		survey-tally -q --save 2022-11 "$EXAMPLES/survey.csv" >/dev/null
		LANG=$PAGE_LANG LC_ALL=$PAGE_LANG \
			report-gen summary -f html --today 2022-11-30 >"$PAGE"
	) >"$TRASH/report-gen.log" 2>&1 && [ -s "$PAGE" ] &&
	PAGE_SOURCE="report-gen summary -f html, the example township"
fi
if [ -z "$PAGE_SOURCE" ]; then
	LANG=$PAGE_LANG LC_ALL=$PAGE_LANG \
		"$RENKE_BUILD/tests/test-report-html" --write "$PAGE" &&
	PAGE_SOURCE="test-report-html --write, the unit test's sample"
fi
echo "# the page: $PAGE_SOURCE ($PAGE_LANG)"
export PAGE CHARTS

# the scorecard's page of the example township with its meeting
# milestones, a briefing held in time in 双河村, and its figures as CSV,
# on 1 March 2023, when 龙洞村 had visited for every milestone, two late
SCORECARD=$TRASH/scorecard.html
if [ -s "$TRASH/示例镇.db" ]; then
	(
		RENKE_DB=$TRASH/示例镇.db
		export RENKE_DB
		milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
		meeting-log -q --kind 政策解读 --village 双河村 --date 2022-11-20 \
			--today 2022-11-20 </dev/null >/dev/null &&
		report-gen scorecard -f csv --today 2023-03-01 >"$TRASH/scorecard.csv" &&
		LANG=$PAGE_LANG LC_ALL=$PAGE_LANG \
			report-gen scorecard -f html --today 2023-03-01 >"$SCORECARD"
	) >"$TRASH/scorecard.log" 2>&1
fi
export SCORECARD

# the page in Chromium once, for the two cases after the next: the DOM
# it built, its console (logging on) and its net log, and the exit status
run_chromium --enable-logging=stderr --v=0 --log-net-log="$TRASH/summary.net.json" \
	--dump-dom "file://$PAGE" >"$TRASH/summary.dom.html" 2>"$TRASH/summary.console.log"
echo $? >"$TRASH/summary.status"

test_case 'the page refers to nothing outside itself' '
	test -s "$PAGE" &&
	! grep -n -i -E "<script|https?:|url\(|@import|<link|<img|<iframe|<object|src=|href=" "$PAGE"
'

test_case 'Chromium loads the page without console errors' '
	test "$(cat "$TRASH/summary.status")" -eq 0 &&
	test -s "$TRASH/summary.dom.html" &&
	! grep CONSOLE "$TRASH/summary.console.log" | grep -E "ERROR|Uncaught"
'

# A request the page makes shows in Chromium's net log with the page's
# site, file://; Chromium's own (updates, accounts) have another, and
# the resolver rule stops them all.
test_case 'a console error or a request would be seen (the checks are not blind)' '
	printf "%s\n" "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>" \
		"<body><img src=\"http://renke.invalid/x.png\" alt=\"\">" \
		"<script>no_such_function();</script></body></html>" >bad.html &&
	run_chromium --enable-logging=stderr --v=0 --log-net-log="$PWD/net.json" \
		--dump-dom "file://$PWD/bad.html" >dom.html 2>console.log &&
	grep CONSOLE console.log | grep -E "ERROR|Uncaught" >seen &&
	grep -q "no_such_function" seen &&
	grep -q "site=file://" net.json &&
	grep -q "renke.invalid" net.json
'

test_case 'offline, the page asks for nothing and its DOM holds the five charts' '
	test "$(cat "$TRASH/summary.status")" -eq 0 &&
	cp "$TRASH/summary.net.json" net.json && cp "$TRASH/summary.dom.html" dom.html &&
	test -s net.json &&
	if grep -q "site=file://" net.json; then
		echo "the page made requests; the net log has these URLs:" >&2
		grep -o "\"url\":\"[^\"]*\"" net.json | sort -u >&2
		exit 1
	fi &&
	for id in $CHARTS; do
		grep -q "id=\"$id\"" dom.html ||
			{ echo "no $id in the DOM" >&2; exit 1; }
		sed -n "/id=\"$id\"/,/<\/section>/p" dom.html | grep -q "<svg" ||
			{ echo "no <svg> in $id" >&2; exit 1; }
	done
'

test_case 'a screenshot of the page is a PNG' '
	run_chromium --screenshot="$PWD/summary.png" --window-size=1240,1754 \
		"file://$PAGE" >out 2>err &&
	test -s summary.png &&
	test "$(head -c 8 summary.png | od -An -tx1 | tr -d " \n")" = 89504e470d0a1a0a &&
	mkdir -p "$(dirname "$SCREENSHOT")" &&
	cp summary.png "$SCREENSHOT"
'
# cells_of DOM: village,action,state of each heat-map cell of the page's villages
cells_of() {
	python3 -c '
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
for row in re.findall(r"<tr>(.*?)</tr>", dom, re.S):
    name = re.match(r"\s*<td>([^<]*)</td>", row)
    if name is None:
        continue
    for state, action in re.findall(r"<td class=\"(\w+)\" data-action=\"(\w+)\">", row):
        print("%s,%s,%s" % (name.group(1), action, state))
' "$1"
}

test_case 'the scorecard page, offline, colours each action done, late or missing as the data says' '
	test -s "$SCORECARD" || { cat "$TRASH/scorecard.log" >&2; exit 1; } &&
	run_chromium --log-net-log="$PWD/net.json" --dump-dom "file://$SCORECARD" \
		>dom.html 2>err &&
	! grep -q "site=file://" net.json &&
	cells_of dom.html | grep -E ",(1|2|5|6)," >actual &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"village\"] != \"*\" {
			split(\"1 visits done 2 representatives held 5 briefings held 6 courtyard held\", a, \" \")
			for (k = 1; k <= 12; k += 3) {
				q = \$at[a[k + 1] \"_required\"]; d = \$at[a[k + 1] \"_\" a[k + 2]]
				l = \$at[a[k + 1] \"_late\"]
				s = q == \"\" ? \"none\" : d == q ? \"done\" : d + l == q ? \"late\" : \"missing\"
				print \$at[\"village\"] \",\" a[k] \",\" s
			} }" "$TRASH/scorecard.csv" >expect &&
	test_cmp expect actual &&
	cut -d , -f 3 actual | sort -u >states &&
	printf "%s\n" done late missing >expect &&
	test_cmp expect states
'

test_case 'the scorecard page prints on one A4 landscape sheet in green, amber and red' '
	test -s "$SCORECARD" &&
	grep -q "@page { size: A4 landscape" "$SCORECARD" &&
	run_chromium --screenshot="$PWD/scorecard.png" --window-size=1123,794 \
		"file://$SCORECARD" >out 2>err &&
	python3 "$TESTS_DIR/png-colours.py" scorecard.png 92d050 ffc000 ff5050 >colours &&
	: each colour covers more than its key in the legend, so a cell has it &&
	awk "\$2 < 1500 { print \"too little of #\" \$1 \": \" \$2 \" pixels\"; bad = 1 }
		END { exit bad }" colours &&
	cp scorecard.png "$TOP/build/report-scorecard.png"
'

if [ -s "$SCREENSHOT" ]; then
	echo "# screenshot for a person to look at: $SCREENSHOT"
fi
test_done
