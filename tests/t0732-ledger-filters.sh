#!/bin/sh
#
# report-gen's ledgers filtered as a clerk asks: one household, one
# reporter, one owner, one category, opened or due between two days;
# the expected rows are the test's own SQL

. "$(dirname "$0")/lib.sh"

# the example township, and issues from its survey's dissatisfied answers
# opened on three days by two owners at three urgencies (three due dates),
# built once per file and copied
ledger() {
	store_cache ledger '
		household-add -q "$EXAMPLES/households.csv" &&
		visit-log -q "$EXAMPLES/visits.csv" &&
		survey-tally --dissatisfied "$EXAMPLES/survey.csv" >d.csv &&
		sed -n 1,50p d.csv | issue-add -q --today 2022-11-26 --owner 王强 >/dev/null &&
		{ sed -n 1p d.csv; sed -n 51,100p d.csv; } |
		    issue-add -q --today 2022-12-01 --owner 李霞 --urgency 紧急 >/dev/null &&
		{ sed -n 1p d.csv; sed -n "101,\$p" d.csv; } |
		    issue-add -q --today 2022-12-05 --owner 王强 --urgency 重要 >/dev/null &&
		test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM issue")" -gt 100'
}

# issue_ids SQL-CONDITION: the ids of the issues i (h its household) it holds for
issue_ids() {
	sqlite3 "$RENKE_DB" "SELECT i.id FROM issue i LEFT JOIN household h
	    ON h.id = i.household_ref WHERE $1 ORDER BY i.id"
}

# listed REPORT OPTIONS...: the first column of the report's rows
listed() {
	report="$1"
	shift
	report-gen "$report" -f csv "$@" | sed 1d | cut -d, -f1
}

# same SQL-CONDITION OPTIONS...: the issue ledger with OPTIONS is what the SQL finds
same() {
	condition="$1"
	shift
	issue_ids "$condition" >expect &&
	test -s expect &&
	listed issues "$@" >actual &&
	test_cmp expect actual
}

test_case 'issues --household, --reporter, --owner, --category: each as the SQL finds' '
	ledger &&
	hh=$(sqlite3 "$RENKE_DB" "SELECT h.household_id FROM issue i JOIN household h
	    ON h.id = i.household_ref GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1") &&
	same "h.household_id = ${SQ}$hh${SQ}" --household "$hh" &&
	test "$(wc -l <actual)" -ge 2 &&
	who=$(sqlite3 "$RENKE_DB" "SELECT reporter FROM issue GROUP BY 1
	    ORDER BY count(*) DESC, 1 LIMIT 1") &&
	same "i.reporter = ${SQ}$who${SQ}" --reporter "$who" &&
	same "i.owner = ${SQ}李霞${SQ}" --owner 李霞 &&
	same "i.category = ${SQ}conduct${SQ}" --category 工作作风 &&
	same "i.category = ${SQ}conduct${SQ}" --category conduct
'

test_case 'issues opened (--since, --until) and due (--due-since, --due-until) between two days' '
	ledger &&
	same "i.opened_on BETWEEN ${SQ}2022-11-27${SQ} AND ${SQ}2022-12-01${SQ}" \
	    --since 2022-11-27 --until 2022-12-01 &&
	same "i.due_date >= ${SQ}2022-12-10${SQ}" --due-since 2022年12月10日 &&
	same "i.due_date <= ${SQ}2022-12-08${SQ}" --due-until 2022/12/8 &&
	same "i.due_date BETWEEN ${SQ}2022-12-08${SQ} AND ${SQ}2022-12-20${SQ}" \
	    --due-since 2022-12-08 --due-until 2022-12-20 &&
	issue_ids "i.due_date = ${SQ}2022-12-08${SQ}" >edge &&
	test -s edge
'

test_case 'issues: every filter at once, as the SQL finds' '
	ledger &&
	same "i.owner = ${SQ}王强${SQ} AND i.category = ${SQ}conduct${SQ} AND
	    i.opened_on >= ${SQ}2022-11-26${SQ} AND i.due_date <= ${SQ}2022-12-30${SQ} AND
	    i.status = ${SQ}open${SQ} AND i.kind = ${SQ}problem${SQ} AND
	    i.village_id = (SELECT id FROM village WHERE name = ${SQ}红狮村${SQ})" \
	    --owner 王强 --category conduct --since 2022-11-26 --due-until 2022-12-30 \
	    --status open --kind problem --village 红狮村 &&
	hh=$(head -n 1 expect | xargs -I{} sqlite3 "$RENKE_DB" "SELECT h.household_id
	    FROM issue i JOIN household h ON h.id = i.household_ref WHERE i.id = {}") &&
	who=$(head -n 1 expect | xargs -I{} sqlite3 "$RENKE_DB" "SELECT reporter
	    FROM issue WHERE id = {}") &&
	same "h.household_id = ${SQ}$hh${SQ} AND i.reporter = ${SQ}$who${SQ} AND
	    i.owner = ${SQ}王强${SQ} AND i.category = ${SQ}conduct${SQ}" \
	    --household "$hh" --reporter "$who" --owner 王强 --category conduct
'

test_case 'visits and households take --household; the filters a ledger cannot apply are refused' '
	ledger &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM visit WHERE household_id = ${SQ}HY0101001${SQ}" >expect &&
	listed visits --household HY0101001 | wc -l >actual &&
	test_cmp expect actual &&
	listed visits --household HY0101001 | sort -u >ids &&
	echo HY0101001 >expect &&
	test_cmp expect ids &&
	listed households --household HY0101001 >actual &&
	test_cmp expect actual &&
	store_dump >before &&
	for bad in "visits --reporter 陈志" "households --due-since 2022-12-01" \
	    "meetings --household HY0101001" "visits --due-until 2022-12-01" \
	    "summary --household HY0101001" "survey --reporter 陈志"; do
		set -- $bad &&
		expect_status 64 report-gen "$@" >out 2>err &&
		test_must_be_empty out &&
		grep_message "^report-gen: --${2#--}: the $1 report does not take it$" err || return 1
	done &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a bad due date is a usage error in either language; the store unchanged' '
	ledger &&
	store_dump >before &&
	expect_status 64 report-gen issues --due-since 2022-02-30 >out 2>err &&
	test_must_be_empty out &&
	grep_message "^report-gen: --due-since: not a date: \"2022-02-30\"$" err &&
	expect_status 64 report-gen issues --due-until soon 2>err &&
	grep_message "^report-gen: --due-until: not a date: \"soon\"$" err &&
	LC_ALL=zh_CN.UTF-8 expect_status 64 report-gen issues --due-since soon 2>err &&
	grep_message "^report-gen: --due-since: 不是日期：“soon”$" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'an empty ledger on a terminal says so, per kind; csv stays a header' '
	ledger &&
	sqlite3 "$RENKE_DB" "INSERT INTO village (name) VALUES (${SQ}无此村${SQ})" &&
	for pair in "issues:no matching issues" "visits:no matching visits" \
	    "households:no matching households" "meetings:no matching meetings"; do
		on_terminal "report-gen ${pair%%:*} --village 无此村" >actual &&
		echo "${pair#*:}" >expect &&
		test_cmp expect actual || return 1
	done &&
	on_terminal "LC_ALL=zh_CN.UTF-8 report-gen issues --owner 无此人" >actual &&
	echo "没有符合条件的问题" >expect &&
	test_cmp expect actual &&
	on_terminal "report-gen issues -f json --owner 无此人" >actual &&
	echo "[]" >expect &&
	test_cmp expect actual &&
	report-gen issues -f table --owner 无此人 >actual &&
	test_must_be_empty actual
'

test_done
