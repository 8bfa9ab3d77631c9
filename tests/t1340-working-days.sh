#!/bin/sh
#
# Deadline rules in working days (--rule urgent=5wd) by the State
# Council's holiday calendar the office reads into the store (--calendar):
# holidays are not counted, the weekend days worked in their place (调休)
# are; the due dates are counted again here, day by day, from the
# calendar file; bad calendar files change nothing

. "$(dirname "$0")/lib.sh"

CAL22=$EXAMPLES/holidays-2022.csv
CAL23=$EXAMPLES/holidays-2023.csv

# due_dates CALENDAR N FIRST LAST: for each day opened from FIRST to LAST,
# "opened,due" with due the Nth working day after it: a day the calendar
# lists is what it says (休 rest, 班 work), any other day works Monday to
# Friday (1970-01-01, day 0, was a Thursday)
due_dates() {
	awk -F, -v n="$2" -v first="$3" -v last="$4" '
	function days(iso,   y, m, d) {
		y = substr(iso, 1, 4) + 0; m = substr(iso, 6, 2) + 0; d = substr(iso, 9, 2) + 0
		if (m <= 2) { y--; m += 12 }
		return 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + int((153 * (m - 3) + 2) / 5) + d - 719469
	}
	function iso(n,   y, m, d, z, era, doe, yoe, doy, mp) {
		z = n + 719468; era = int(z / 146097); doe = z - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
		mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
		m = mp < 10 ? mp + 3 : mp - 9; if (m <= 2) y++
		return sprintf("%04d-%02d-%02d", y, m, d)
	}
	function working(n,   w) {
		if (n in listed) return listed[n] == "班"
		w = (n % 7 + 7 + 3) % 7
		return w < 5
	}
	NR > 1 { listed[days($1)] = $2 }
	END {
		for (o = days(first); o <= days(last); o++) {
			d = o
			for (k = n; k > 0; ) { d++; if (working(d)) k-- }
			print iso(o) "," iso(d)
		}
	}' "$1"
}

# opened_due: opened_on,due_date of every issue, in order of id
opened_due() {
	sqlite3 -separator , "$RENKE_DB" "SELECT opened_on, due_date FROM issue ORDER BY id"
}

# one_a_day N FIRST LAST: one urgent issue opened each day from FIRST to LAST
one_a_day() {
	due_dates "$CAL22" 0 "$2" "$3" | while IFS=, read -r day _; do
		echo "$day,急$day,王强,紧急"
	done | { echo "opened_on,title,owner,urgency"; cat; } >issues.csv &&
	issue-add -q --today "$3" issues.csv >/dev/null
}

test_case 'the 2022 calendar is read into the store, each day audited; read again, nothing changes' '
	issue-add --calendar "$CAL22" </dev/null >out 2>err &&
	test_must_be_empty err &&
	sqlite3 "$RENKE_DB" "SELECT kind, count(*) FROM calendar_day GROUP BY kind" >actual &&
	printf "%s\n" "holiday|31" "workday|7" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM audit WHERE entity = ${SQ}calendar_day${SQ}" >actual &&
	echo 76 >expect &&
	test_cmp expect actual &&
	store_dump >before &&
	issue-add --calendar "$CAL22" </dev/null &&
	store_unchanged
'

test_case 'urgent=5wd: every day of September to November 2022, over 中秋 and 国庆, as counted from the file' '
	issue-add -q --calendar "$CAL22" --rule urgent=5wd </dev/null &&
	one_a_day 5 2022-09-01 2022-11-30 &&
	due_dates "$CAL22" 5 2022-09-01 2022-11-30 >expect &&
	opened_due >actual &&
	test_cmp expect actual &&
	grep -x "2022-09-29,2022-10-11" actual &&
	grep -x "2022-09-09,2022-09-19" actual
'

test_case 'the edges: 1wd from the Friday before 国庆 is the 调休 Saturday; from a holiday too; 0wd is the day opened' '
	issue-add -q --calendar "$CAL22" --rule urgent=1wd --rule minor=0wd </dev/null &&
	A="issue-add -q --owner 王强 --urgency" &&
	$A urgent --title a --opened-on 2022-09-30 --today 2022-10-09 >/dev/null &&
	$A urgent --title b --opened-on 2022-10-03 --today 2022-10-09 >/dev/null &&
	$A urgent --title c --opened-on 2022-10-08 --today 2022-10-09 >/dev/null &&
	$A minor --title d --opened-on 2022-10-05 --today 2022-10-09 >/dev/null &&
	opened_due >actual &&
	printf "%s\n" 2022-09-30,2022-10-08 2022-10-03,2022-10-08 \
		2022-10-08,2022-10-09 2022-10-05,2022-10-05 >expect &&
	test_cmp expect actual
'

test_case 'a rule in calendar days (3 or 3d) counts every day, holidays too; a category keeps its own unit' '
	issue-add -q --calendar "$CAL22" --rule urgent=3wd --rule 饮水:紧急=3d --rule 重要=3 </dev/null &&
	A="issue-add -q --owner 王强 --today 2022-09-30" &&
	$A --urgency urgent --title a --category water >/dev/null &&
	$A --urgency urgent --title b --category housing >/dev/null &&
	$A --urgency important --title c >/dev/null &&
	opened_due >actual &&
	printf "%s\n" 2022-09-30,2022-10-03 2022-09-30,2022-10-10 2022-09-30,2022-10-03 >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT category, urgency, days, working_days FROM deadline_rule
		WHERE urgency IN (${SQ}urgent${SQ}, ${SQ}important${SQ}) ORDER BY 1, 2" >actual &&
	printf "%s\n" "*|important|3|0" "*|urgent|3|1" "water|urgent|3|0" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT entity_id, old, new FROM audit WHERE entity = ${SQ}deadline_rule${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "*:urgent|7|3wd" "water:urgent||3" "*:important|15|3" >expect &&
	test_cmp expect actual
'

test_case 'the 2023 calendar: 元旦 begins on 2022-12-31, 端午 has a 调休 Sunday; over the new year both files count' '
	issue-add -q --calendar "$CAL22" --calendar "$CAL23" --rule urgent=5wd </dev/null &&
	one_a_day 5 2022-12-20 2023-01-31 &&
	cat "$CAL22" >both.csv && tail -n +2 "$CAL23" >>both.csv &&
	due_dates both.csv 5 2022-12-20 2023-01-31 >expect &&
	opened_due >actual &&
	test_cmp expect actual &&
	issue-add -q --owner 王强 --urgency urgent --title d --opened-on 2023-06-20 --today 2023-06-20 | cut -d , -f 10 >actual &&
	printf "%s\n" due_date 2023-06-28 >expect &&
	test_cmp expect actual
'

test_case 'a year with no calendar in the store counts Monday to Friday, and says so (C and zh_CN)' '
	issue-add -q --calendar "$CAL22" --rule urgent=5wd </dev/null &&
	issue-add -q --owner 王强 --urgency urgent --title a --today 2023-09-28 >out 2>err &&
	cut -d , -f 10 out >actual &&
	printf "%s\n" due_date 2023-10-05 >expect &&
	test_cmp expect actual &&
	err_is err "issue-add: no holiday calendar for 2023 in the store: its working days were counted Monday to Friday; --calendar FILE to add it" &&
	zh_locale &&
	issue-add -q --owner 王强 --urgency urgent --title b --today 2023-09-28 >out 2>err &&
	err_is err "issue-add: 库中没有2023年的节假日安排：其工作日按周一至周五计算；用 --calendar 文件 添加"
'

test_case 'a corrected calendar read again replaces the days between its first and last, audited' '
	issue-add -q --calendar "$CAL22" </dev/null &&
	grep -v "^2022-10-07" "$CAL22" | sed "s/^2022-06-03,休,端午节/2022-06-03,休,端午/" >fixed.csv &&
	issue-add -q --calendar fixed.csv </dev/null &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM calendar_day WHERE day = ${SQ}2022-10-07${SQ}" >actual &&
	echo 0 >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT entity_id, field, old, new FROM audit WHERE entity = ${SQ}calendar_day${SQ} ORDER BY seq DESC LIMIT 2" >actual &&
	printf "%s\n" "2022-10-07|kind|holiday|" "2022-06-03|name|端午节|端午" >expect &&
	test_cmp expect actual
'

test_case 'deadline-check --feedback-within 2wd: resolved the day before 国庆, told by the second working day' '
	issue-add -q --calendar "$CAL22" </dev/null &&
	issue-add -q --owner 王强 --title a --today 2022-09-30 >/dev/null &&
	issue-update -q --today 2022-09-30 --id 1 --status resolved --resolution 修好 >/dev/null &&
	deadline-check -f csv --today 2022-10-09 --kind feedback_overdue --feedback-within 2wd >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check -f csv --today 2022-10-10 --kind feedback_overdue --feedback-within 2wd >out &&
	cut -d , -f 1,8,9 out >actual &&
	printf "%s\n" kind,due_date,days_overdue feedback_overdue,2022-10-09,1 >expect &&
	test_cmp expect actual &&
	expect_status 1 deadline-check -f csv --today 2022-10-09 --kind feedback_overdue --feedback-within 2d >out &&
	cut -d , -f 8,9 out | tail -n 1 >actual &&
	echo 2022-10-02,7 >expect &&
	test_cmp expect actual
'

test_case 'bad rules and spans are usage errors, the store unchanged' '
	issue-add -q --calendar "$CAL22" </dev/null &&
	store_dump >before &&
	expect_status 64 issue-add --rule urgent=5w </dev/null 2>err &&
	grep_message "issue-add: --rule: days must be a number from 0 to 3650, with wd for working days: urgent=5w" err &&
	expect_status 64 issue-add --rule urgent=wd </dev/null 2>err &&
	expect_status 64 issue-add --rule urgent=3651wd </dev/null 2>err &&
	expect_status 64 deadline-check --feedback-within 2dw 2>err &&
	grep_message "deadline-check: --feedback-within: not a number of days from 0 to 3650, with wd for working days: 2dw" err &&
	store_unchanged &&
	zh_locale &&
	expect_status 64 issue-add --rule urgent=5w </dev/null 2>err &&
	grep_message "issue-add: --rule：天数须为0到3650的数字，工作日加 wd：urgent=5w" err
'

test_case 'bad calendar files: named by line and column, exit 65 (66 when missing), nothing kept' '
	issue-add -q --calendar "$CAL22" </dev/null &&
	store_dump >before &&
	printf "%s\n" 日期,类型,名称 2023-01-21,休,春节 2023-01-30,班,春节 >weekday.csv &&
	expect_status 65 issue-add --calendar weekday.csv --rule urgent=2wd </dev/null 2>err &&
	err_is err "issue-add: weekday.csv:3: 类型: 2023-01-30 is a weekday, a working day already; only a Saturday or Sunday is worked in place of a holiday" &&
	printf "%s\n" 日期,类型 2023-01-21,放 >kind.csv &&
	expect_status 65 issue-add --calendar kind.csv </dev/null 2>err &&
	err_is err "issue-add: kind.csv:2: 类型: unknown value \"放\"; expected one of: holiday (holiday), workday (working day)" &&
	printf "%s\n" 日期,类型 2023-02-30,休 >date.csv &&
	expect_status 65 issue-add --calendar date.csv </dev/null 2>err &&
	err_is err "issue-add: date.csv:2: 日期: not a date: \"2023-02-30\"" &&
	printf "%s\n" date,kind 2023-01-21,休 2023/1/21,holiday >twice.csv &&
	expect_status 65 issue-add --calendar twice.csv </dev/null 2>err &&
	err_is err "issue-add: twice.csv:3: date: 2023-01-21 is listed twice" &&
	printf "%s\n" date,kind,weekday 2023-01-21,休,六 >column.csv &&
	expect_status 65 issue-add --calendar column.csv </dev/null 2>err &&
	err_is err "issue-add: column.csv:1: weekday: unknown column" &&
	expect_status 66 issue-add --calendar nothing.csv </dev/null 2>err &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 issue-add --calendar weekday.csv </dev/null 2>err &&
	err_is err "issue-add: weekday.csv:3：类型：2023-01-30是工作日，本就上班；只有周六、周日可以调休上班"
'

test_done
