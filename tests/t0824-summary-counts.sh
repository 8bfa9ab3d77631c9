#!/bin/sh
# t0824-summary-counts.sh -- the summary counts as of --today, and says so
#
# report-gen summary counts the issues opened, the disputes registered
# and the monitoring clues up to --until and never after --today: an
# issue opened on the day counts, one opened the day after does not,
# with or without --since/--until (recounted here in SQL).  Every format
# for people says whether its counts are cumulative or of a period, in
# the same words as the terminal: markdown first, the HTML page under its
# title, each sheet of the workbook in its title; in both languages.  So
# does the scorecard, adding the year its models count without --since.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# the example households; in 后叶村 a problem opened on each of 11-10,
# 11-11 and 11-12, a dispute (an issue too) on 11-11 and on 11-12; in
# 双河村 a problem on 11-12 alone
store() {
	store_cache issues '
		household-add -q "$EXAMPLES/households.csv" &&
		for d in 10 11 12; do
			issue-add -q --today 2022-11-$d --category water --title "水管$d" \
				--village 后叶村 --owner 村委 >/dev/null || exit 1
		done &&
		for d in 11 12; do
			issue-add -q --today 2022-11-$d --kind dispute --category other \
				--title "纠纷$d" --village 后叶村 --owner 村委 \
				--dispute-type neighbour --parties "甲 乙" >/dev/null || exit 1
		done &&
		issue-add -q --today 2022-11-12 --category water --title 水管 \
			--village 双河村 --owner 村委 >/dev/null'
}

# counted VILLAGE SINCE UNTIL TODAY: issues and disputes of VILLAGE the
# summary should count, "issues disputes", recounted from the store
counted() {
	sqlite3 "$RENKE_DB" "SELECT count(*), coalesce(sum(i.kind = 'dispute'), 0)
		FROM issue i JOIN village v ON v.id = i.village_id
		WHERE v.name = '$1' AND i.status <> 'withdrawn' AND i.kind <> 'misconduct'
		AND ('$2' = '' OR i.opened_on >= '$2')
		AND i.opened_on <= min(coalesce(nullif('$3', ''), '$4'), '$4')" |
	tr '|' ' '
}

# summarised VILLAGE ARGS...: "issues disputes" of VILLAGE in the summary's CSV
summarised() {
	v=$1
	shift
	report-gen summary -f csv "$@" >sum.csv &&
	python3 -c '
import csv, sys
for r in csv.DictReader(open("sum.csv", encoding="utf-8-sig")):
    if r["village"] == sys.argv[1]:
        print(r["issues_opened"], r["disputes"])
' "$v"
}

test_case 'issues opened after --today are not counted; on --today they are' '
	store &&
	test "$(summarised 后叶村 --today 2022-11-11)" = "3 1" &&
	test "$(counted 后叶村 "" "" 2022-11-11)" = "3 1" &&
	test "$(summarised 双河村 --today 2022-11-11)" = "0 0" &&
	test "$(summarised 双河村 --today 2022-11-12)" = "1 0" &&
	test "$(summarised 后叶村 --today 2022-11-12)" = "5 2" &&
	test "$(counted 后叶村 "" "" 2022-11-12)" = "5 2" &&
	test "$(summarised 后叶村 --today 2022-11-09)" = "0 0"
'

test_case '--until after --today counts to --today; --since on the day counts the day' '
	store &&
	test "$(summarised 后叶村 --today 2022-11-11 --until 2022-11-30)" = "3 1" &&
	test "$(counted 后叶村 "" 2022-11-30 2022-11-11)" = "3 1" &&
	test "$(summarised 后叶村 --today 2022-11-11 --since 2022-11-11)" = "2 1" &&
	test "$(counted 后叶村 2022-11-11 "" 2022-11-11)" = "2 1" &&
	test "$(summarised 后叶村 --today 2022-11-30 --since 2022-11-11 --until 2022-11-11)" = "2 1" &&
	test "$(summarised 后叶村 --today 2022-11-30 --since 2022-11-12)" = "2 1" &&
	test "$(counted 后叶村 2022-11-12 "" 2022-11-30)" = "2 1"
'

test_case 'C: markdown, HTML and every sheet say the counts are cumulative' '
	store &&
	report-gen summary --today 2022-11-11 -f markdown >sum.md &&
	head -n 2 sum.md >top &&
	printf "%s\n" "Counts are cumulative: from the start of the campaign to 2022-11-11." "" >expect &&
	test_cmp expect top &&
	report-gen summary --today 2022-11-11 -f html >sum.html &&
	grep -q "<p class=\"counts\">Counts are cumulative: from the start of the campaign to 2022-11-11.</p>" sum.html &&
	report-gen summary --today 2022-11-11 -f xlsx -o sum.xlsx &&
	"$PY" -c "
import openpyxl, sys
book = openpyxl.load_workbook(\"sum.xlsx\")
for ws in book.worksheets:
    if not str(ws[\"A1\"].value).endswith(\" (as of 2022-11-11) Counts are cumulative: from the start of the campaign to 2022-11-11.\"):
        sys.exit(\"%s: %s\" % (ws.title, ws[\"A1\"].value))
print(len(book.worksheets))
" >sheets &&
	test "$(cat sheets)" -gt 1
'

test_case 'zh_CN: a period in every format, its end never after --today' '
	store && zh_locale &&
	sentence="问题各项只计本期（2022年11月11日至2022年11月11日）：本期新开的问题，按时办结只计本期到期的问题。其余各项为截至2022年11月11日的累计数。" &&
	report-gen summary --today 2022-11-11 --since 2022-11-11 --until 2022-11-30 -f markdown >sum.md &&
	test "$(head -n 1 sum.md)" = "$sentence" &&
	report-gen summary --today 2022-11-11 --since 2022-11-11 --until 2022-11-30 -f html >sum.html &&
	grep -q "<p class=\"counts\">$sentence</p>" sum.html &&
	report-gen summary --today 2022-11-11 --since 2022-11-11 --until 2022-11-30 -f xlsx -o sum.xlsx &&
	"$PY" -c "
import openpyxl, sys
for ws in openpyxl.load_workbook(\"sum.xlsx\").worksheets:
    if not str(ws[\"A1\"].value).endswith(sys.argv[1]):
        sys.exit(\"%s: %s\" % (ws.title, ws[\"A1\"].value))
" "$sentence" &&
	COLUMNS=200 on_terminal "report-gen summary --today 2022-11-11 --since 2022-11-11 --until 2022-11-30" >term &&
	grep -qF "$sentence" term
'

test_case 'the scorecard says it too: C without a period, zh_CN with one' '
	store &&
	sentence="Counts are cumulative: from the start of the campaign to 2022-11-11. Models and boards: those of the year up to 2022-11-11." &&
	report-gen scorecard --today 2022-11-11 -f markdown >card.md &&
	test "$(head -n 1 card.md)" = "$sentence" &&
	test -z "$(sed -n 2p card.md)" &&
	report-gen scorecard --today 2022-11-11 -f html >card.html &&
	grep -qF "<p class=\"date\">$sentence</p>" card.html &&
	report-gen scorecard --today 2022-11-11 -f xlsx -o card.xlsx &&
	"$PY" -c "
import openpyxl, sys
a1 = openpyxl.load_workbook(\"card.xlsx\").worksheets[0][\"A1\"].value
sys.exit(0 if a1 == \"Scorecard of the eight actions (as of 2022-11-11) \" + sys.argv[1] else a1)
" "$sentence" &&
	zh_locale &&
	sentence="问题各项只计本期（2022年11月1日至2022年11月11日）：本期新开的问题，按时办结只计本期到期的问题。其余各项为截至2022年11月11日的累计数。" &&
	report-gen scorecard --today 2022-11-11 --since 2022-11-01 -f markdown >card.md &&
	test "$(head -n 1 card.md)" = "$sentence" &&
	report-gen scorecard --today 2022-11-11 --since 2022-11-01 -f html >card.html &&
	grep -qF "<p class=\"date\">$sentence</p>" card.html
'

test_done
