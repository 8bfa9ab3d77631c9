#!/bin/sh
#
# issue-update corrects what issue-add was given (title, category, detail,
# urgency, household, reporter, standard, measures), with a reason: the
# old value kept in the audit log with who and why, shown by history

. "$(dirname "$0")/lib.sh"

# the example households, and issue 1 entered with a typo and the wrong household
seed() {
	example_households &&
	printf "title,category,household_id,reporter,owner,opened_on\n饮水管到冻裂,other,HY0101001,何玉永,王强,2022-11-10\n" >nov.csv &&
	issue-add -q --today 2022-11-10 nov.csv >/dev/null &&
	store_dump >before
}

store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

test_case 'title, category, detail, household and reporter corrected, each audited with its old value' '
	seed &&
	issue-update --today 2022-11-11 --by 李霞 --id 1 --title 饮水管道冻裂 --category 饮水 \
		--detail 入户管道冻裂 --household HY0101002 --reporter 何玉勇 \
		--reason 录入时打错 -f csv >out 2>err &&
	echo "issue-update: 1 changes read: added 0, updated 1, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	sed 1d out | cut -d , -f 1,3,4,8 >actual &&
	echo "1,water,饮水管道冻裂,HY0101002" >expect &&
	test_cmp expect actual &&
	report-gen history 1 -f csv | sed 1d | cut -d , -f 2- | grep "^李霞" >actual &&
	cat >expect <<-\EOF &&
	李霞,issue-update,title,饮水管到冻裂,饮水管道冻裂
	李霞,issue-update,category,other,water
	李霞,issue-update,detail,,入户管道冻裂
	李霞,issue-update,reporter,何玉永,何玉勇
	李霞,issue-update,household_id,HY0101001,HY0101002
	李霞,issue-update,reason,,录入时打错
	EOF
	test_cmp expect actual &&
	: the household corrected brings its place &&
	report-gen issues -f csv | sed 1d | cut -d , -f 6,7,8 >actual &&
	sqlite3 -separator , "$RENKE_DB" "SELECT v.name, g.name, h.household_id FROM household h
		JOIN village v ON v.id = h.village_id LEFT JOIN village_group g
		ON g.id = h.group_id WHERE h.household_id = ${SQ}HY0101002${SQ}" >expect &&
	test_cmp expect actual
'

test_case 'the record first read, read again, is still the same issue' '
	seed &&
	issue-update -q --today 2022-11-11 --id 1 --title 饮水管道冻裂 --reason 错字 >/dev/null &&
	store_dump >before &&
	issue-add --today 2022-11-12 nov.csv >out 2>err &&
	echo "issue-add: 1 issues read: added 0, updated 0, unchanged 1, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_case 'the same correction again changes nothing; corrections from a file' '
	seed &&
	printf "id,title,urgency,reason\n1,饮水管道冻裂,urgent,错字\n" >fix.csv &&
	issue-update -q --today 2022-11-11 fix.csv >/dev/null &&
	store_dump >before &&
	issue-update --today 2022-11-12 fix.csv >out 2>err &&
	echo "issue-update: 1 changes read: added 0, updated 0, unchanged 1, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_unchanged &&
	test "$(sqlite3 "$RENKE_DB" "SELECT title || urgency FROM issue")" = 饮水管道冻裂urgent
'

test_case 'a correction without a reason: exit 65, message, store unchanged' '
	seed &&
	expect_status 65 issue-update --today 2022-11-11 --id 1 --title 饮水管道冻裂 >out 2>err &&
	printf "%s\n" "issue-update: command line: --reason: missing; a correction says why (--reason), for the audit log" \
		"issue-update: 1 bad record; nothing was written" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_case 'checked as issue-add checks: the category known, the household in the store' '
	seed &&
	expect_status 65 issue-update --today 2022-11-11 --id 1 --category 水利 --reason x >out 2>err &&
	grep_message "^issue-update: command line: --category: unknown value \"水利\"; expected one of: infrastructure" err &&
	expect_status 65 issue-update --today 2022-11-11 --id 1 --household HY9999999 --reason x >out 2>err &&
	grep_message "^issue-update: command line: --household: no such household$" err &&
	expect_status 65 issue-update --today 2022-11-11 --id 1 --urgency 很急 --reason x >out 2>err &&
	grep_message "^issue-update: command line: --urgency: unknown value" err &&
	store_unchanged
'

test_case 'a withdrawn issue is corrected no more' '
	seed &&
	issue-update -q --today 2022-11-11 --id 1 --status withdrawn --reason 误录 >/dev/null &&
	store_dump >before &&
	expect_status 65 issue-update --today 2022-11-12 --id 1 --title 改 --reason x >out 2>err &&
	grep_message "issue 1 was withdrawn: it takes notes only" err &&
	store_unchanged
'

test_case 'zh_CN: the reason asked for in Chinese' '
	if ! locale -a 2>/dev/null | grep -qi "^zh_CN\.utf-\{0,1\}8$"; then
		echo "zh_CN.UTF-8 is not installed; as root run scripts/install-deps.sh" >&2
		exit 1
	fi &&
	seed &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 expect_status 65 issue-update \
		--today 2022-11-11 --id 1 --title 饮水管道冻裂 >out 2>err &&
	grep_message "缺少；更正须说明原因（--reason），记入审计日志" err &&
	store_unchanged
'

test_done
