#!/bin/sh
# t0050-import-front.sh -- what every importing command shares: the closing
# line, and a rejects file that never loses or touches what it should not
#
# Every command that imports records runs through one front end: the
# same closing line in every command and locale, and a rejects file that
# is checked before anything is touched, written beside its target, made
# safe before the import commits and put in place only after.

. "$(dirname "$0")/lib.sh"

# inputs: one good and one bad record for each importing command
inputs() {
	printf "%s\n" "household_id,village,village_group,categories" \
		"HY0101001,后叶村,1社,脱贫户" "HY0101002,后叶村,1社,贫困户" >households.csv &&
	printf "%s\n" "household_id,visit_date,visitor,round" \
		"HY0101001,2022-10-20,张三,2022-r1" "HY0101001,2022-13-01,张三,2022-r1" >visits.csv &&
	printf "%s\n" "milestone_id,title,kind,round,due_date" \
		"m1,全覆盖入户走访,visit-coverage,2022-r1,2022-11-01" \
		"m2,坏的,visit-coverage,2022-r1,下个月" >milestones.csv &&
	printf "%s\n" "title,owner,village,category" \
		"路灯不亮,村委会,后叶村,infrastructure" "水管冻裂,村委会,后叶村,不存在" >issues.csv &&
	printf "%s\n" "id,status" "1,in_progress" "99,in_progress" >changes.csv &&
	printf "%s\n" "title,category" "修一条通组便道,infrastructure" "增设路灯,不存在" >suggestions.csv
}

# import_all: run every importing command once, its standard error in NAME.err
import_all() {
	household-add --skip-bad --rejects h.rej households.csv 2>household-add.err &&
	visit-log --today 2022-11-01 --skip-bad --rejects v.rej visits.csv 2>visit-log.err &&
	milestone-add --skip-bad --rejects m.rej milestones.csv 2>milestone-add.err &&
	issue-add --today 2022-11-01 --skip-bad --rejects i.rej issues.csv >/dev/null 2>issue-add.err &&
	issue-update --today 2022-11-02 --skip-bad --rejects u.rej changes.csv >/dev/null 2>issue-update.err &&
	meeting-log --today 2022-11-03 --kind 院坝会 --village 后叶村 --group 1社 \
		--owner 村委会 suggestions.csv >/dev/null 2>meeting-log.err
}

# closing_lines PATTERN: the closing line of every command, as PATTERN leaves it
closing_lines() {
	for c in household-add visit-log milestone-add issue-add issue-update meeting-log; do
		grep -E "$1" $c.err | sed -E "s/^$c: //" || echo "$c: no closing line"
	done
}

test_case 'every importing command ends with the same closing line' '
	inputs &&
	expect_status 65 meeting-log --today 2022-11-03 --kind 院坝会 --village 后叶村 \
		--group 1社 suggestions.csv >/dev/null 2>/dev/null &&
	printf "%s\n" "title,category" "修一条通组便道,infrastructure" >suggestions.csv &&
	import_all &&
	closing_lines " read: " |
		sed -E "s/^[0-9]+ (households|visits|milestones|issues|changes|suggestions) read: //" >actual &&
	lines() { printf "%s\n" "$@"; } &&
	lines "added 1, updated 0, unchanged 0, differ 0, bad 1" \
		"added 1, updated 0, unchanged 0, differ 0, bad 1" \
		"added 1, updated 0, unchanged 0, differ 0, bad 1" \
		"added 1, updated 0, unchanged 0, differ 0, bad 1" \
		"added 0, updated 1, unchanged 0, differ 0, bad 1" \
		"added 1, updated 0, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect actual &&
	for c in household-add visit-log milestone-add issue-add issue-update; do
		grep -q "^$c: bad records are in [hvmiu].rej$" $c.err || {
			echo "$c names no rejects file" >&2; cat $c.err >&2; return 1; }
	done
'

test_case 'zh_CN: the same closing line, in Chinese, in every command' '
	if ! locale -a 2>/dev/null | grep -qi "^zh_CN\.utf-\{0,1\}8$"; then
		echo "zh_CN.UTF-8 is not installed; as root run scripts/install-deps.sh" >&2
		false
	fi &&
	inputs &&
	printf "%s\n" "title,category" "修一条通组便道,infrastructure" >suggestions.csv &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 import_all &&
	closing_lines "^[a-z-]+: 读入" |
		sed -E "s/^读入(户信息|走访记录|时间节点|问题|变更|意见建议)[0-9]+条：//" >actual &&
	lines() { printf "%s\n" "$@"; } &&
	lines "新增1，更新0，无变化0，不一致0，有误1" "新增1，更新0，无变化0，不一致0，有误1" \
		"新增1，更新0，无变化0，不一致0，有误1" "新增1，更新0，无变化0，不一致0，有误1" \
		"新增0，更新1，无变化0，不一致0，有误1" "新增1，更新0，无变化0，不一致0，有误0" >expect &&
	test_cmp expect actual &&
	! grep -l "read\|added\|bad records" *.err
'

test_case 'a dry run says so in the same words in every command' '
	inputs &&
	household-add --dry-run households.csv 2>err; test $? -eq 65 &&
	sed 3d households.csv >good.csv &&
	household-add --dry-run good.csv 2>err &&
	grep -x "household-add: dry run, nothing written: 1 households read: would add 1, would update 0, unchanged 0, differ 0, bad 0" err &&
	test_path_is_missing "$RENKE_DB"
'

# ---- the rejects file ----

# before_run: the store with households and the files as they are now
before_run() {
	inputs &&
	household-add -q households.csv 2>/dev/null; test $? -eq 65 &&
	sed 3d households.csv >good.csv && household-add -q good.csv &&
	store_dump >before &&
	cp households.csv households.kept
}

unchanged() {
	store_dump >after &&
	test_cmp before after &&
	cmp households.csv households.kept
}

test_case '--rejects naming the store, its WAL, an input or a directory is a usage error' '
	before_run &&
	cp "$RENKE_DB" store.kept &&
	expect_status 64 household-add --skip-bad --rejects "$RENKE_DB" households.csv 2>err &&
	grep_message "^household-add: --rejects: .*renke.db is the store; name a new file for the rejected records$" err &&
	cmp "$RENKE_DB" store.kept &&
	expect_status 64 household-add --skip-bad --rejects "$RENKE_DB-wal" households.csv 2>err &&
	grep_message "is the store" err &&
	expect_status 64 household-add --skip-bad --rejects households.csv households.csv 2>err &&
	grep_message "^household-add: --rejects: households.csv is an input; name a new file for the rejected records$" err &&
	expect_status 64 household-add --skip-bad --rejects ./households.csv <households.csv 2>err &&
	grep_message "is an input" err &&
	mkdir out.d &&
	expect_status 64 household-add --skip-bad --rejects out.d households.csv 2>err &&
	grep_message "^household-add: --rejects: out.d is a directory$" err &&
	ln -s "$RENKE_DB" link.db &&
	expect_status 64 visit-log --skip-bad --rejects link.db visits.csv 2>err &&
	grep_message "is the store" err &&
	unchanged && cmp "$RENKE_DB" store.kept
'

test_case 'a store not made yet is still the store' '
	inputs &&
	expect_status 64 household-add -d new.db --skip-bad --rejects ./new.db households.csv 2>err &&
	grep_message "is the store" err &&
	test_path_is_missing new.db
'

test_case 'a failed import leaves an existing rejects file as it was' '
	before_run &&
	echo "old rejects" >r.csv && chmod 644 r.csv &&
	expect_status 66 household-add --skip-bad --rejects r.csv missing.csv 2>err &&
	echo "old rejects" >expect && test_cmp expect r.csv &&
	printf "%s\n" "household_id,village,nonsense" "H9,后叶村,x" >unknown.csv &&
	expect_status 65 household-add --skip-bad --rejects r.csv unknown.csv 2>err &&
	grep_message "unknown column" err &&
	test_cmp expect r.csv &&
	unchanged &&
	ls -A >files && ! grep "^\.r\.csv\." files
'

test_case 'the rejects file replaces the old one, mode 0600, and never follows a link' '
	before_run &&
	echo "old rejects" >r.csv && chmod 644 r.csv &&
	echo "precious" >elsewhere.txt && ln -s elsewhere.txt link.csv &&
	household-add --skip-bad --rejects r.csv households.csv 2>err &&
	household-add --skip-bad --rejects link.csv households.csv 2>err &&
	echo precious >expect && test_cmp expect elsewhere.txt &&
	test ! -L link.csv && cmp r.csv link.csv &&
	test "$(stat -c %a r.csv)" = 600 &&
	sed -n 2p r.csv | grep -q "^\"categories: unknown category.*\",3," &&
	ls -A >files && ! grep "^\.r\.csv\." files
'

test_case 'a rejects file that cannot be written commits nothing (exit 74)' '
	test -c /dev/full &&
	before_run &&
	expect_status 74 household-add --skip-bad --rejects /dev/full households.csv 2>err &&
	grep_message "^household-add: /dev/full: .*; nothing was written to the store$" err &&
	unchanged &&
	expect_status 74 issue-add --today 2022-11-01 --skip-bad --rejects /dev/full issues.csv >out 2>err &&
	test_must_be_empty out &&
	unchanged
'

test_case 'a dry run writes no rejects file' '
	before_run &&
	household-add --dry-run --skip-bad --rejects r.csv households.csv 2>err &&
	test_path_is_missing r.csv &&
	unchanged
'

test_case 'rejects to standard output when named /dev/stdout' '
	before_run &&
	household-add --skip-bad --rejects /dev/stdout households.csv >out 2>err &&
	sed -n 1p out | grep -q "^error,line,household_id,village,village_group,categories,raw$" &&
	test -L /dev/stdout
'

# ---- what is written with the records ----

test_case 'issue-add --rule is written with the issues: not on a dry run, not when refused' '
	before_run &&
	issue-add --today 2022-11-01 --dry-run --rule urgent=3 issues.csv >out 2>err; test $? -eq 65 &&
	unchanged &&
	expect_status 65 issue-add --today 2022-11-01 --rule urgent=3 issues.csv >out 2>err &&
	unchanged &&
	test_must_be_empty out &&
	issue-add --today 2022-11-01 --dry-run --rule urgent=3 2>err &&
	unchanged &&
	issue-add --today 2022-11-01 --rule urgent=3 2>err &&
	test_must_be_empty err &&
	sqlite3 "$RENKE_DB" "select category, urgency, days from deadline_rule where urgency = ${SQ}urgent${SQ}" >actual &&
	echo "*|urgent|3" >expect && test_cmp expect actual
'

test_case 'meeting-log writes nothing on standard output when it refuses' '
	before_run &&
	expect_status 65 meeting-log --today 2022-11-03 --kind 院坝会 --village 后叶村 \
		--group 1社 suggestions.csv >out 2>err &&
	test_must_be_empty out &&
	unchanged
'

test_done
