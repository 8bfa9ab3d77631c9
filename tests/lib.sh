# lib.sh -- sourced by every command test: TAP output, a scratch directory, helpers
#
# A test file is a list of cases:
#
#	. "$(dirname "$0")/lib.sh"
#	test_case 'imports the example households' '
#		household-add "$EXAMPLES/households.csv" &&
#		household-list -f csv >out &&
#		test_line_count 351 out
#	'
#	test_done
#
# Each case runs in its own subshell inside the file's scratch directory,
# with a fresh store at $RENKE_DB.  Commands come from $RENKE_BIN (bin/
# by default).  Nothing depends on the clock, the locale or the network.

set -u
TEST_NAME=$(basename "$0" .sh)
TESTS_DIR=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$TESTS_DIR/.." && pwd)
EXAMPLES=$TOP/examples
RENKE_BIN=$(cd "$TOP" && cd "${RENKE_BIN:-bin}" && pwd)
RENKE_BUILD=$(cd "$TOP" && cd "${RENKE_BUILD:-build}" && pwd)
PATH=$RENKE_BIN:$TOP/scripts:$PATH
RENKE_LOCALEDIR=$RENKE_BUILD/locale
LC_ALL=C.UTF-8
LANG=C.UTF-8
RENKE_USER=tester
TZ=Asia/Shanghai
unset RENKE_DB LANGUAGE LC_MESSAGES
export PATH RENKE_LOCALEDIR LC_ALL LANG RENKE_USER TZ EXAMPLES TOP

# python3: Debian's, the one scripts/install-deps.sh equips with
# python3-openpyxl and python3-xlwt, when there is one, rather than the
# first on PATH (a pyenv shim costs a tenth of a second of CPU a call)
if [ -x /usr/bin/python3 ]; then
	python3() {
		/usr/bin/python3 "$@"
	}
fi

TRASH=$TESTS_DIR/trash.$TEST_NAME.$$
rm -rf "$TRASH"
mkdir -p "$TRASH" || exit 1
trap 'rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1

test_count=0
test_failed=0

# test_case TITLE BODY: run BODY in a fresh directory with a fresh store
test_case() {
	test_count=$((test_count + 1))
	dir=$TRASH/$test_count
	mkdir -p "$dir"
	if (cd "$dir" && RENKE_DB=$dir/renke.db && export RENKE_DB &&
	    eval "$2") >"$TRASH/$test_count.log" 2>&1; then
		echo "ok $test_count - $1"
	else
		echo "not ok $test_count - $1"
		# on standard error, which prove shows without -v: a failure in
		# a run of the whole suite can be read from its log
		sed "s/^/# $TEST_NAME $test_count: /" "$TRASH/$test_count.log" >&2
		test_failed=$((test_failed + 1))
	fi
}

# store_cache NAME BODY: the store at $RENKE_DB as BODY (run with $RENKE_DB
# set to a new store) leaves it.  BODY runs once per test file; later calls
# copy its store, so each case still starts from a store of its own.
store_cache() {
	if [ ! -s "$TRASH/cache.$1.db" ]; then
		(
			RENKE_DB=$TRASH/cache.$1.new.db && export RENKE_DB &&
			rm -f "$RENKE_DB" "$RENKE_DB-wal" "$RENKE_DB-shm" &&
			eval "$2" &&
			sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
		) || return 1
		mv "$TRASH/cache.$1.new.db" "$TRASH/cache.$1.db" || return 1
	fi
	rm -f "$RENKE_DB-wal" "$RENKE_DB-shm"
	cp "$TRASH/cache.$1.db" "$RENKE_DB"
}

# shared_store_cache NAME BODY: store_cache NAME BODY, the store shared by
# every test file run against the same build, in $RENKE_BUILD/test-cache:
# the first file to need it builds it and puts it there (written aside,
# then renamed, so two files building it at once each leave a whole one),
# the others copy it.  Only for a BODY that reads nothing but $EXAMPLES
# (the helpers below): its name there carries a checksum of BODY, the
# locale, the user, the commands and examples/, so a rebuilt command or
# an edited example never meets a stale store; the Makefile empties the
# directory before each run besides.  Its copy in the file's $TRASH is
# named apart from the file's own store_cache NAMEs.
shared_store_cache() {
	if [ ! -s "$TRASH/cache.shared.$1.db" ]; then
		shared=$RENKE_BUILD/test-cache/$1.$({
			printf '%s\n' "$2" "$LANG" "${LC_ALL-}" "$RENKE_USER" "$TZ" &&
			ls -lL --time-style=+%s.%N "$RENKE_BIN" "$EXAMPLES"
		} | cksum | tr ' ' .).db || return 1
		if [ -s "$shared" ]; then
			cp "$shared" "$TRASH/cache.shared.$1.db" || return 1
		else
			store_cache "shared.$1" "$2" &&
			mkdir -p "$RENKE_BUILD/test-cache" &&
			cp "$TRASH/cache.shared.$1.db" "$shared.$$.new" &&
			mv -f "$shared.$$.new" "$shared" || return 1
		fi
	fi
	store_cache "shared.$1" "$2"
}

# example_township: the example township at $RENKE_DB: its households,
# milestones and visits, examples/ledger-life.sh, and the November survey
# saved as round 2022-11.  Built once per build and copied.
example_township() {
	shared_store_cache township '
		household-add -q "$EXAMPLES/households.csv" &&
		milestone-add -q "$EXAMPLES/milestones.csv" &&
		visit-log -q "$EXAMPLES/visits.csv" &&
		sh "$EXAMPLES/ledger-life.sh" >/dev/null 2>&1 &&
		survey-tally -q --save 2022-11 --today 2022-11-28 \
			"$EXAMPLES/survey.csv" >/dev/null'
}

# example_rows FILE: the records of examples/FILE (its lines but the header)
example_rows() {
	echo $(($(wc -l <"$EXAMPLES/$1") - 1))
}

# example_households: the example households alone at $RENKE_DB, imported
# once per build and copied
example_households() {
	shared_store_cache households 'household-add -q "$EXAMPLES/households.csv"'
}

# example_cases: the example households with the example monitoring cases
# opened and stepped as of 2022-12-01 at $RENKE_DB, built once per build
# and copied
example_cases() {
	shared_store_cache cases '
		household-add -q "$EXAMPLES/households.csv" &&
		case-open -q --today 2022-12-01 "$EXAMPLES/cases.csv" >/dev/null &&
		case-step -q --today 2022-12-01 "$EXAMPLES/case-steps.csv" >/dev/null'
}

# fake_mail DIR: DIR/mail, a stand-in for mail(1) that appends its
# arguments and its standard input to ./mails
fake_mail() {
	mkdir -p "$1" &&
	{
		echo '#!/bin/sh'
		echo "{ echo \"== mail \$*\"; cat; } >>'$PWD/mails'"
	} >"$1/mail" &&
	chmod +x "$1/mail"
}

# two_townships: 甲镇.db and 乙镇.db here, copies of the store at $RENKE_DB
# named as the townships 甲镇 and 乙镇: a county of two for a roll-up
two_townships() {
	cp "$RENKE_DB" 甲镇.db && cp "$RENKE_DB" 乙镇.db &&
	sqlite3 甲镇.db "INSERT INTO meta VALUES ('township', '甲镇')" &&
	sqlite3 乙镇.db "INSERT INTO meta VALUES ('township', '乙镇')"
}

# field NAME FILE: csv column NAME of a report FILE, with the village
# first: village,value (a report's rows, as the scorecard tests read them)
field() {
	awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["village"] "," $at[name] }' "$2"
}

# deliver_rules VILLAGE DAY LAST TODAY: the rule set "VILLAGE村规民约"
# delivered (rule-step) to each household of the village on DAY, the
# last of them by number on LAST
deliver_rules() {
	sqlite3 "$RENKE_DB" "SELECT h.household_id FROM household h
		JOIN village v ON v.id = h.village_id WHERE v.name = ${SQ}$1${SQ}
		ORDER BY h.household_id" >households &&
	last=$(tail -n 1 households) &&
	{
		echo 村,名称,步骤,日期,经办人,户编号 &&
		while read -r h; do
			day=$2 && [ "$h" != "$last" ] || day=$3
			echo "$1,$1村规民约,分发到户,$day,网格员,$h"
		done <households
	} >deliver.csv &&
	rule-step -q --today "$4" deliver.csv >/dev/null
}

# test_done: print the plan and exit with the number of failures
test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
	exit $?
}

# expect_status N COMMAND...: COMMAND must exit with status N (a crash never counts)
expect_status() {
	want=$1
	shift
	"$@"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "expected exit status $want, got $got from: $*" >&2
		return 1
	fi
	return 0
}

# test_cmp EXPECTED ACTUAL: the files must be equal
test_cmp() {
	diff -u "$1" "$2"
}

# test_line_count N FILE
test_line_count() {
	case $1 in
	''|*[!0-9]*) echo "test_line_count: not a count: $1" >&2; return 1 ;;
	esac
	n=$(wc -l <"$2") || return 1
	if [ "$n" -ne "$1" ]; then
		echo "expected $1 lines in $2, found $n" >&2
		return 1
	fi
}

# csv_column N FILE: column N (from 1) of every row of the UTF-8 CSV FILE,
# header first, quoted fields and a BOM read as a spreadsheet reads them
csv_column() {
	python3 -c '
import csv, sys
for row in csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")):
    print(row[int(sys.argv[1]) - 1] if len(row) >= int(sys.argv[1]) else "")
' "$1" "$2"
}

# store_dump [DB]: the store's content as SQL, to show it did not change
store_dump() {
	db=${1:-$RENKE_DB}
	if [ -f "$db" ]; then
		sqlite3 "$db" .dump
	else
		echo "no store"
	fi
}

# store_unchanged: the store is as the dump in ./before shows it
store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

# same_households A B [COUNT]: stores A and B hold the same households,
# villages and groups (COUNT of them, 350 when not given: the example
# township's), whatever each was read from
same_households() {
	for db in "$1" "$2"; do
		sqlite3 "$db" "SELECT household_id, head_name, id_number, phone, v.name,
			g.name, categories, members, monitor_type, risk_status
			FROM household h JOIN village v ON v.id = h.village_id
			LEFT JOIN village_group g ON g.id = h.group_id
			ORDER BY household_id" >"$db.rows" || return 1
	done &&
	test_line_count "${3:-350}" "$1.rows" &&
	test_cmp "$1.rows" "$2.rows"
}

# xlsx_rewrite IN PART PATTERN REPLACEMENT OUT [COUNT]: the workbook IN with
# the first COUNT matches (1 when not given, 0 for all) of PATTERN, a Python
# regular expression, in its part PART replaced, as OUT; fails when none matches
xlsx_rewrite() {
	python3 -c '
import re, sys, zipfile
src, part, pattern, repl, out = sys.argv[1:6]
count = int(sys.argv[6]) if len(sys.argv) > 6 else 1
z = zipfile.ZipFile(src)
parts = {n: z.read(n) for n in z.namelist()}
text, n = re.subn(pattern, repl, parts[part].decode(), count=count)
assert n >= 1, "no match"
parts[part] = text.encode()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
    for name, data in parts.items():
        w.writestr(name, data)
' "$@"
}

# err_is FILE LINE...: FILE (a command's standard error) is exactly these lines
err_is() {
	file=$1
	shift
	printf "%s\n" "$@" >expect.err &&
	test_cmp expect.err "$file"
}

# a single quote, for SQL inside a quoted test body
SQ="'"

# grep_message PATTERN FILE: FILE (a command's standard error) says PATTERN
grep_message() {
	if ! grep -q -- "$1" "$2"; then
		echo "expected message matching: $1" >&2
		echo "got:" >&2
		cat "$2" >&2
		return 1
	fi
}

# test_must_be_empty FILE
test_must_be_empty() {
	if [ -s "$1" ]; then
		echo "$1 should be empty; it holds:" >&2
		cat "$1" >&2
		return 1
	fi
}

# test_path_is_missing PATH: nothing there (a store that should not exist)
test_path_is_missing() {
	if [ -e "$1" ]; then
		echo "$1 exists but should not" >&2
		return 1
	fi
}

# needs_nobody: true when commands may be run as the user nobody (to read a
# store someone else cannot write); else says what is missing, false
needs_nobody() {
	if [ "$(id -u)" -ne 0 ] || ! id nobody >/dev/null 2>&1 || ! command -v su >/dev/null; then
		echo "needs root, su and the user nobody to read as someone else" >&2
		return 1
	fi
}

# store_of_version N FILE: a store of schema version N, as that version made it
store_of_version() {
	awk -v stop="-- version $(($1 + 1))" '$0 == stop { exit } { print }' \
		"$TOP/lib/schema.sql" >schema.sql &&
	{
		cat schema.sql &&
		echo "PRAGMA user_version = $1;" &&
		echo "PRAGMA application_id = 1380273739;"
	} | sqlite3 "$2"
}

# id_number 17-DIGITS: the 18-character ID number with its check digit
id_number() {
	printf '%s\n' "$1" | awk '{
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		s = 0
		for (i = 1; i <= 17; i++)
			s += substr($0, i, 1) * w[i]
		print $0 substr("10X98765432", s % 11 + 1, 1)
	}'
}

# on_terminal COMMAND: COMMAND's standard output and error as a terminal
# shows them (script(1) gives it a pseudo-terminal), carriage returns dropped
on_terminal() {
	script -qec "$1" /dev/null | tr -d '\r'
}

# deadline_township: at $RENKE_DB, 石门镇's households and people with
# an item of every kind whose title deadline-check words: loans at two
# stages, returnees and a village worthy (向国富, no member), a case
# waiting for its home check and a visit of 2022-11-02 suggesting
# monitoring that no case followed.  Built once per build.
deadline_township() {
	shared_store_cache deadline_kinds '
		household-add -q "$EXAMPLES/households.csv" &&
		member-add -q "$EXAMPLES/people.csv" &&
		support-log -q "$EXAMPLES/support.csv" &&
		returnee-log -q "$EXAMPLES/returnees.csv" &&
		returnee-log -q --id-number "$(id_number 50023519700101002)" \
			--date 2022-10-20 --name 向国富 --village 后叶村 --kind 乡贤 \
			--cadre 李霞 &&
		place-edit -q --reason 设置乡镇名称 township 石门镇 &&
		case-open -q --by 王登记 --today 2022-11-01 --household HY0101001 \
			--clue application --clue-on 2022-11-01 >/dev/null &&
		visit-log -q --today 2022-11-02 --household HY0101002 --date 2022-11-02 \
			--visitor 张干部 --round r --monitor 是 --risk 中'
}

# zh_locale: the case speaks Chinese; fails, saying why, when it cannot
zh_locale() {
	if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; then
		echo "the zh_CN.UTF-8 locale is not installed; as root run scripts/install-deps.sh" >&2
		return 1
	fi
	if [ ! -f "$RENKE_LOCALEDIR/zh_CN/LC_MESSAGES/renke.mo" ]; then
		echo "no catalog $RENKE_LOCALEDIR/zh_CN/LC_MESSAGES/renke.mo; run make all" >&2
		return 1
	fi
	LANG=zh_CN.UTF-8
	LC_ALL=zh_CN.UTF-8
	export LANG LC_ALL
}
