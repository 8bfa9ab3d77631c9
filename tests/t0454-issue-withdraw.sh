#!/bin/sh
#
# issue-update: an issue entered by mistake is withdrawn (已撤销), with a
# reason, for good; it is counted nowhere, and kept in the audit log and
# its history

. "$(dirname "$0")/lib.sh"

TODAY=2022-12-20

# the work every store of these cases holds: the example households, a
# courtyard meeting with one suggestion, an overdue problem, a resolved
# problem waiting for its feedback, a dispute with a revisit due; issues
# 1 to 4; built once per file and copied
common() {
	store_cache common '
		household-add -q "$EXAMPLES/households.csv" &&
		printf "%s\n" "标题,反映人" "修路,张三" >s1.csv &&
		meeting-log -q --today 2022-11-20 --kind 院坝会 --village 石门村 --group 3社 \
			--host 王明 --owner 村委会 s1.csv >/dev/null &&
		issue-add -q --today 2022-11-01 --title 路灯不亮 --owner 王强 \
			--household HY0101001 --urgency urgent >/dev/null &&
		issue-add -q --today 2022-11-01 --title 水管漏水 --owner 王强 \
			--household HY0101002 >/dev/null &&
		issue-update -q --today 2022-11-05 --id 3 --status resolved --resolution 已修 >/dev/null &&
		issue-add -q --today 2022-11-01 --title 宅基地纠纷 --kind dispute --owner 调委会 \
			--village 后叶村 >/dev/null &&
		issue-update -q --today 2022-11-05 --id 4 --status resolved --resolution 调解 \
			--outcome success --revisit-in 10 >/dev/null'
}

# the same issues again, 5 to 8, each then withdrawn: a second suggestion
# at the same meeting, and issues of every kind the reports count
mistakes() {
	printf "%s\n" "标题,反映人" "修路,张三" "修桥,李四" >s2.csv &&
	meeting-log -q --today 2022-11-20 --kind 院坝会 --village 石门村 --group 3社 \
		--host 王明 --owner 村委会 s2.csv >/dev/null &&
	issue-add -q --today 2022-11-01 --title 路灯坏了 --owner 王强 \
		--household HY0101001 --urgency urgent >/dev/null &&
	issue-add -q --today 2022-11-01 --title 水管坏了 --owner 王强 \
		--household HY0101002 >/dev/null &&
	issue-update -q --today 2022-11-05 --id 7 --status resolved --resolution 已修 >/dev/null &&
	issue-add -q --today 2022-11-01 --title 宅基地 --kind dispute --owner 调委会 \
		--village 后叶村 >/dev/null &&
	issue-update -q --today 2022-11-05 --id 8 --status resolved --resolution 调解 \
		--outcome success --revisit-in 10 >/dev/null &&
	for id in 5 6 7 8; do
		issue-update -q --today 2022-11-25 --id $id --status withdrawn \
			--reason 录入错误 >/dev/null || return 1
	done
}

# reports FILE-PREFIX: every figure renke gives of the ledger
reports() {
	report-gen summary -f csv --today $TODAY >"$1.summary" &&
	report-gen summary -f html --today $TODAY >"$1.html" &&
	report-gen issues -f csv >"$1.issues" &&
	report-gen meetings -f csv >"$1.meetings" &&
	{ deadline-check -f csv --today $TODAY >"$1.deadlines"; test $? -eq 1; } &&
	deadline-check -f csv --today $TODAY --within 30 >"$1.within" ;
	test $? -le 1 &&
	meeting-log -q --today 2022-11-20 --kind 院坝会 --village 石门村 --group 3社 \
		--host 王明 --owner 村委会 -f csv </dev/null >"$1.meeting" 2>/dev/null
	true
}

test_case 'withdrawn issues are in no figure: every report as if never entered' '
	mkdir clean && (cd clean && RENKE_DB=$PWD/renke.db && export RENKE_DB &&
		common && reports ../clean) &&
	common && mistakes &&
	reports mistaken &&
	for r in summary html issues meetings deadlines within; do
		test_cmp clean.$r mistaken.$r || return 1
	done &&
	: and the reports do count what was withdrawn before it was &&
	RENKE_DB=$PWD/both.db common && RENKE_DB=$PWD/both.db sh -c "
		issue-add -q --today 2022-11-01 --title 路灯坏了 --owner 王强 \
			--household HY0101001 --urgency urgent >/dev/null" &&
	RENKE_DB=$PWD/both.db report-gen summary -f csv --today $TODAY >both.summary &&
	! cmp -s clean.summary both.summary
'

test_case 'the figures: summary counts, deadline-check and the meetings ledger' '
	common && mistakes &&
	report-gen summary -f csv --today $TODAY >summary &&
	head -1 summary | tr , "\n" | grep -n "^issues_opened$" | cut -d : -f 1 >col &&
	cut -d , -f 1,$(cat col) summary | grep -e 后叶村 -e 石门村 -e "^\*" >actual &&
	printf "%s\n" 后叶村,3 石门村,1 "*,4" >expect &&
	test_cmp expect actual &&
	report-gen meetings -f csv | cut -d , -f 1,8 >actual &&
	printf "%s\n" id,suggestions 1,1 >expect &&
	test_cmp expect actual &&
	deadline-check -f csv --today $TODAY >dl;
	test $? -eq 1 &&
	cut -d , -f 1,2 dl | sed 1d | sort >actual &&
	printf "%s\n" feedback_overdue,3 feedback_overdue,4 issue_overdue,2 revisit_due,4 >expect &&
	test_cmp expect actual
'

test_case 'the issue ledger shows withdrawn issues only when asked' '
	common && mistakes &&
	test "$(report-gen issues -f csv | cut -d , -f 1 | sed 1d | tr "\n" " ")" = "1 2 3 4 " &&
	report-gen issues -f csv --status 已撤销 | cut -d , -f 1,13 | sed 1d >actual &&
	printf "%s\n" 5,withdrawn 6,withdrawn 7,withdrawn 8,withdrawn >expect &&
	test_cmp expect actual
'

test_case 'the history shows the withdrawal, who and why; the revisit due is dropped' '
	common && mistakes &&
	report-gen history 8 -f csv | cut -d , -f 2- | tail -n 3 >actual &&
	cat >expect <<-\EOF &&
	tester,issue-update,status,resolved,withdrawn
	tester,issue-update,revisit_due,2022-11-15,
	tester,issue-update,reason,,录入错误
	EOF
	test_cmp expect actual &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM issue WHERE id = 8 AND revisit_due IS NULL")" = 1
'

test_case 'a withdrawal needs a reason: exit 65, message, store unchanged' '
	common &&
	store_dump >before &&
	expect_status 65 issue-update --today 2022-11-25 --id 2 --status withdrawn >out 2>err &&
	printf "%s\n" "issue-update: command line: --reason: missing; say why the issue is withdrawn (entered by mistake, given twice...)" \
		"issue-update: 1 bad record; nothing was written" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'withdrawn is for good: no move, no change but a note; again changes nothing' '
	common &&
	issue-update -q --today 2022-11-25 --id 2 --status 已撤销 --reason 误录 >/dev/null &&
	store_dump >before &&
	expect_status 65 issue-update --today 2022-11-26 --id 2 --status open >out 2>err &&
	printf "%s\n" "issue-update: command line: --status: issue 2 was withdrawn: it takes notes only" \
		"issue-update: 1 bad record; nothing was written" >expect &&
	test_cmp expect err &&
	expect_status 65 issue-update --today 2022-11-26 --id 2 --owner 李霞 >out 2>err &&
	grep_message "owner: issue 2 was withdrawn: it takes notes only" err &&
	issue-update --today 2022-11-26 --id 2 --status withdrawn --reason 误录 >out 2>err &&
	echo "issue-update: 1 changes read: added 0, updated 0, unchanged 1, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after &&
	issue-update -q --today 2022-11-26 --id 2 --note 已与农户核实 >/dev/null &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM issue_note WHERE issue_id = 2")" = 1 &&
	: the store itself refuses a move out of it &&
	! sqlite3 "$RENKE_DB" "UPDATE issue SET status = ${SQ}open${SQ} WHERE id = 2" 2>/dev/null
'

test_case 'a repeat after a withdrawn issue repeats none; the withdrawn one is not added again' '
	common &&
	printf "title,household_id,owner,opened_on\n门前排水沟堵塞,HY0101003,王强,2022-11-10\n" >nov.csv &&
	issue-add -q --today 2022-11-10 nov.csv >/dev/null &&
	issue-update -q --today 2022-11-11 --id 5 --status withdrawn --reason 户号录错 >/dev/null &&
	store_dump >before &&
	issue-add --today 2022-11-12 nov.csv >out 2>err &&
	echo "issue-add: 1 issues read: added 0, updated 0, unchanged 1, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump >after && test_cmp before after &&
	printf "title,household_id,owner,opened_on\n门前排水沟堵塞,HY0101003,王强,2022-12-01\n" >dec.csv &&
	issue-add --today 2022-12-01 dec.csv >out 2>err &&
	echo "issue-add: 1 issues read: added 1, updated 0, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	sqlite3 "$RENKE_DB" "SELECT id, status, coalesce(repeat_of, ${SQ}-${SQ}) FROM issue WHERE id >= 5" >actual &&
	printf "%s\n" "5|withdrawn|-" "6|open|-" >expect &&
	test_cmp expect actual
'

test_case 'an older store gains the status in place: its views and data kept' '
	store_of_version 9 "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" "INSERT INTO village (id, name) VALUES (1, ${SQ}甲村${SQ});
		INSERT INTO issue (kind, category, title, urgency, source, owner,
		village_id, opened_on, due_date, status, natural_key, created_at,
		updated_at) VALUES (${SQ}problem${SQ}, ${SQ}other${SQ}, ${SQ}路灯${SQ},
		${SQ}normal${SQ}, ${SQ}other${SQ}, ${SQ}王强${SQ}, 1, ${SQ}2022-11-01${SQ},
		${SQ}2022-12-01${SQ}, ${SQ}open${SQ}, ${SQ}k1${SQ}, ${SQ}x${SQ}, ${SQ}x${SQ})" &&
	issue-update -q --today 2022-12-02 --id 1 --status withdrawn --reason 误录 >/dev/null &&
	test "$(sqlite3 "$RENKE_DB" "SELECT status FROM issue_view WHERE issue_id = 1")" = withdrawn &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA integrity_check")" = ok &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA user_version")" = \
		"$(grep -c "^-- version [0-9]" "$TOP/lib/schema.sql")" &&
	! sqlite3 "$RENKE_DB" "UPDATE issue SET status = ${SQ}gone${SQ} WHERE id = 1" 2>/dev/null
'

test_case 'zh_CN: the reason asked for in Chinese; the status shown as 已撤销' '
	if ! locale -a 2>/dev/null | grep -qi "^zh_CN\.utf-\{0,1\}8$"; then
		echo "zh_CN.UTF-8 is not installed; as root run scripts/install-deps.sh" >&2
		exit 1
	fi &&
	common &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 expect_status 65 issue-update \
		--today 2022-11-25 --id 2 --status 已撤销 >out 2>err &&
	grep_message "缺少；请说明撤销原因（误录、重复录入等）" err &&
	issue-update -q --today 2022-11-25 --id 2 --status 已撤销 --reason 误录 >/dev/null &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 report-gen issues -f table --status withdrawn >table &&
	grep -q 已撤销 table
'

test_done
