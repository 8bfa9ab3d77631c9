#!/bin/sh
#
# issue-add: a grievance raised again after its issue was closed is a new
# issue pointing to the one it repeats (重复反映); the same report read
# again, or one made while the issue is still open, adds nothing

. "$(dirname "$0")/lib.sh"

# the household's November report, read on 10 November
seed() {
	example_households &&
	cat >nov.csv <<-\EOF &&
	title,household_id,owner,category,opened_on
	饮水管道冻裂,HY0101001,王强,饮水,2022-11-10
	EOF
	issue-add -q --today 2022-11-10 nov.csv >/dev/null
}

# close ISSUE DAY: resolved, fed back and closed on DAY
close() {
	issue-update -q --today "$2" --id "$1" --status resolved --resolution 已修复 >/dev/null &&
	issue-update -q --today "$2" --id "$1" --status feedback_given --feedback 已告知 >/dev/null &&
	issue-update -q --today "$2" --id "$1" --status closed >/dev/null
}

# the February file: the November report and the one of February
february() {
	cat >feb.csv <<-\EOF
	title,household_id,owner,category,opened_on
	饮水管道冻裂,HY0101001,王强,饮水,2022-11-10
	饮水管道冻裂,HY0101001,王强,饮水,2023-02-10
	EOF
}

issues() {
	sqlite3 "$RENKE_DB" "SELECT id, status, opened_on, coalesce(repeat_of, '-')
		FROM issue ORDER BY id"
}

test_case 'reported in November, closed, reported again in February: a repeat of the first' '
	seed &&
	close 1 2022-11-20 &&
	february &&
	issue-add --today 2023-02-10 -f csv feb.csv >out 2>err &&
	printf "%s\n" \
		"issue-add: 2 issues read: added 1, updated 0, unchanged 1, differ 0, bad 0" \
		"issue-add: of them, 1 repeat an issue closed before" >expect &&
	test_cmp expect err &&
	sed -n 2p out | cut -d , -f 1,4,8,11 >actual &&
	echo "2,饮水管道冻裂,HY0101001,open" >expect &&
	test_cmp expect actual &&
	issues >actual &&
	printf "%s\n" "1|closed|2022-11-10|-" "2|open|2023-02-10|1" >expect &&
	test_cmp expect actual &&
	: the repeat is audited with the issue it repeats &&
	report-gen history 2 -f csv | cut -d , -f 4- | grep "^repeat_of" >actual &&
	echo "repeat_of,,1" >expect &&
	test_cmp expect actual
'

test_case 'the same file read twice adds nothing, the repeat included' '
	seed &&
	close 1 2022-11-20 &&
	february &&
	issue-add -q --today 2023-02-10 feb.csv >/dev/null &&
	store_dump >before &&
	issue-add --today 2023-02-11 feb.csv >out 2>err &&
	echo "issue-add: 2 issues read: added 0, updated 0, unchanged 2, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after &&
	: and from standard input, from a copy elsewhere &&
	mkdir elsewhere && cp feb.csv elsewhere/copy.csv &&
	issue-add -q --today 2023-02-12 <elsewhere/copy.csv >/dev/null &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a report while the first is still open is already in the ledger' '
	seed &&
	february &&
	store_dump >before &&
	issue-add --today 2023-02-10 feb.csv >out 2>err &&
	echo "issue-add: 2 issues read: added 0, updated 0, unchanged 2, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after &&
	: resolved and fed back but not closed: still the same issue &&
	issue-update -q --today 2022-11-20 --id 1 --status resolved --resolution 已修复 >/dev/null &&
	issue-update -q --today 2022-11-20 --id 1 --status feedback_given --feedback 已告知 >/dev/null &&
	store_dump >before &&
	issue-add --today 2023-02-10 feb.csv >out 2>err &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'no date given, or a date on or before the closing: the closed issue itself' '
	seed &&
	close 1 2022-11-20 &&
	store_dump >before &&
	issue-add --today 2023-02-10 --title 饮水管道冻裂 --household HY0101001 \
		--owner 王强 >out 2>err &&
	echo "issue-add: 1 issues read: added 0, updated 0, unchanged 1, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	printf "title,household_id,owner,opened_on\n饮水管道冻裂,HY0101001,王强,2022-11-20\n饮水管道冻裂,HY0101001,王强,2022-11-15\n" >late.csv &&
	issue-add --today 2023-02-10 late.csv >out 2>err &&
	echo "issue-add: 2 issues read: added 0, updated 0, unchanged 2, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after &&
	: the day after the closing is a repeat &&
	issue-add -q --today 2023-02-10 --title 饮水管道冻裂 --household HY0101001 \
		--owner 王强 --opened-on 2022-11-21 >/dev/null &&
	issues >actual &&
	printf "%s\n" "1|closed|2022-11-10|-" "2|open|2022-11-21|1" >expect &&
	test_cmp expect actual
'

test_case 'a chain: a repeat closed unresolved is repeated in turn; each report is itself' '
	seed &&
	close 1 2022-11-20 &&
	issue-add -q --today 2023-02-10 --title 饮水管道冻裂 --household HY0101001 \
		--owner 王强 --opened-on 2023-02-10 >/dev/null &&
	issue-update -q --today 2023-02-15 --id 2 --status closed_unresolved \
		--reason 需开春施工 --promised-date 2023-04-30 >/dev/null &&
	cat >all.csv <<-\EOF &&
	title,household_id,owner,opened_on
	饮水管道冻裂,HY0101001,王强,2022-11-10
	饮水管道冻裂,HY0101001,王强,2023-02-10
	饮水管道冻裂,HY0101001,王强,2023-03-01
	饮水管道冻裂,HY0101001,王强,2023-03-05
	EOF
	issue-add --today 2023-03-05 all.csv >out 2>err &&
	printf "%s\n" \
		"issue-add: 4 issues read: added 1, updated 0, unchanged 3, differ 0, bad 0" \
		"issue-add: of them, 1 repeat an issue closed before" >expect &&
	test_cmp expect err &&
	issues >actual &&
	printf "%s\n" "1|closed|2022-11-10|-" "2|closed_unresolved|2023-02-10|1" \
		"3|open|2023-03-01|2" >expect &&
	test_cmp expect actual
'

test_case 'another household, title or reporter is another grievance, never a repeat' '
	seed &&
	close 1 2022-11-20 &&
	cat >other.csv <<-\EOF &&
	title,household_id,owner,reporter,opened_on
	饮水管道冻裂,HY0101002,王强,,2023-02-10
	饮水管道破裂,HY0101001,王强,,2023-02-10
	饮水管道冻裂,HY0101001,王强,何玉勇,2023-02-10
	EOF
	issue-add --today 2023-02-10 other.csv >out 2>err &&
	echo "issue-add: 3 issues read: added 3, updated 0, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM issue WHERE repeat_of IS NOT NULL")" = 0
'

test_case 'a suggestion raised at one meeting is one report: never a repeat of itself' '
	seed &&
	issue-add -q --today 2022-11-10 --title 修路 --owner 李主任 --source courtyard \
		--source-ref meeting:1 --village 后叶村 >/dev/null &&
	close 2 2022-11-20 &&
	store_dump >before &&
	issue-add --today 2023-02-10 --title 修路 --owner 李主任 --source courtyard \
		--source-ref meeting:1 --village 后叶村 --opened-on 2023-02-10 >out 2>err &&
	echo "issue-add: 1 issues read: added 0, updated 0, unchanged 1, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a dry run says it would repeat, and writes nothing' '
	seed &&
	close 1 2022-11-20 &&
	february &&
	store_dump >before &&
	issue-add --dry-run --today 2023-02-10 feb.csv >out 2>err &&
	printf "%s\n" \
		"issue-add: dry run, nothing written: 2 issues read: would add 1, would update 0, unchanged 1, differ 0, bad 0" \
		"issue-add: of them, 1 would repeat an issue closed before" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'report-gen counts the repeats: in the ledger and per village in the summary' '
	seed &&
	close 1 2022-11-20 &&
	february &&
	issue-add -q --today 2023-02-10 feb.csv >/dev/null &&
	issue-add -q --today 2023-02-10 --title 路灯不亮 --village 石门村 --owner 王强 >/dev/null &&
	report-gen issues -f csv >ledger &&
	head -1 ledger | tr , "\n" | grep -n "^repeat_of$" | cut -d : -f 1 >col &&
	cut -d , -f 1,$(cat col) ledger >actual &&
	printf "%s\n" id,repeat_of 1, 2,1 3, >expect &&
	test_cmp expect actual &&
	report-gen summary -f csv --today 2023-03-01 >summary &&
	head -1 summary | tr , "\n" | grep -n "^issues_repeated$" | cut -d : -f 1 >col &&
	head -1 summary | tr , "\n" | grep -n "^issues_opened$" | cut -d : -f 1 >col2 &&
	cut -d , -f 1,$(cat col2),$(cat col) summary | grep -e ^village -e ^后叶村 -e ^石门村 -e "^\*" >actual &&
	printf "%s\n" village,issues_opened,issues_repeated 后叶村,2,1 石门村,1,0 "*,3,1" >expect &&
	test_cmp expect actual &&
	report-gen summary -f html --today 2023-03-01 >page.html &&
	grep -q ">repeats<" page.html
'

test_case 'zh_CN: the repeats said in Chinese' '
	if ! locale -a 2>/dev/null | grep -qi "^zh_CN\.utf-\{0,1\}8$"; then
		echo "zh_CN.UTF-8 is not installed; as root run scripts/install-deps.sh" >&2
		exit 1
	fi &&
	seed &&
	close 1 2022-11-20 &&
	february &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 issue-add --today 2023-02-10 feb.csv >out 2>err &&
	sed -n 2p err >actual &&
	echo "issue-add: 其中重复反映（前一问题已销号后再次反映）1件" >expect &&
	test_cmp expect actual &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 report-gen issues -f table >table &&
	head -1 table | grep -q "重复反映"
'

test_done
