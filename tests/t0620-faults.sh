#!/bin/sh
#
# Faults: a bulk import killed with SIGKILL leaves all of it or none of it,
# and running it again completes it; a file-size limit and a store that
# cannot be written give a clear message and leave the store as it was; a
# store that is corrupt, truncated or another program's file gives a clear
# message and an exit status from 64 to 75, never a crash.

. "$(dirname "$0")/lib.sh"

# the sizes of the generated imports
HOUSEHOLDS=50000
VISITS=50000
# the sanitizer build is several times slower: smaller imports, same points
case $RENKE_BUILD in
*/san) HOUSEHOLDS=25000 VISITS=25000 ;;
esac

# where in an import's run time the kills fall, in per cent of it
HOUSEHOLD_KILLS="5 20 35 50"
VISIT_KILLS="8 25 45"

# ---- shared data, made once for the whole file ----

# big_households: $TRASH/big.csv, HOUSEHOLDS generated households
big_households() {
	if [ ! -s "$TRASH/big.csv" ]; then
		gen-households "$HOUSEHOLDS" 7 >"$TRASH/big.csv.tmp" &&
		mv "$TRASH/big.csv.tmp" "$TRASH/big.csv"
	fi
}

# big_visits: $TRASH/households.db, a store holding the first 20,000 of
# big.csv's households, and $TRASH/big-visits.csv, VISITS visits of them
big_visits() {
	big_households || return 1
	if [ ! -s "$TRASH/households.db" ]; then
		head -n 20001 "$TRASH/big.csv" >"$TRASH/some.csv" &&
		household-add -q -d "$TRASH/households.tmp.db" "$TRASH/some.csv" &&
		mv "$TRASH/households.tmp.db" "$TRASH/households.db" || return 1
	fi
	if [ ! -s "$TRASH/big-visits.csv" ]; then
		gen-visits -n "$VISITS" -s 5 "$TRASH/some.csv" >"$TRASH/big-visits.tmp" &&
		mv "$TRASH/big-visits.tmp" "$TRASH/big-visits.csv"
	fi
}

# good_store: $TRASH/good.db, a store with something in every table a
# report reads: the example households, visits, milestones and issues
good_store() {
	[ -s "$TRASH/good.db" ] && return 0
	db=$TRASH/good.tmp.db
	household-add -q -d "$db" "$EXAMPLES/households.csv" &&
	gen-visits -n 2000 -s 9 "$EXAMPLES/households.csv" >"$TRASH/good-visits.csv" &&
	visit-log -q -d "$db" "$TRASH/good-visits.csv" &&
	milestone-add -q -d "$db" "$EXAMPLES/milestones.csv" &&
	issue-add -q -d "$db" --today 2024-03-01 --title 村道塌方 --owner 王强 \
		--household HY0101001 --urgency urgent >/dev/null &&
	meeting-log -q -d "$db" --today 2024-03-01 --kind representatives \
		--village 后叶村 --owner 村委会 "$EXAMPLES/suggestions.csv" >/dev/null &&
	mv "$db" "$TRASH/good.db"
}

# ---- helpers ----

# q DB SQL: one query
q() {
	sqlite3 "$1" "$2"
}

# count DB TABLE: the rows of TABLE, "none" when the store has no such table
count() {
	if [ "$(q "$1" "SELECT count(*) FROM sqlite_schema WHERE name = '$2'" 2>/dev/null)" = 1 ]
	then
		q "$1" "SELECT count(*) FROM $2"
	else
		echo none
	fi
}

# sound DB: PRAGMA integrity_check says ok
sound() {
	echo ok >sound.expect &&
	q "$1" "PRAGMA integrity_check" >sound.actual 2>&1 &&
	test_cmp sound.expect sound.actual
}

# millis: the time in milliseconds
millis() {
	date +%s%3N
}

# timed COMMAND...: run COMMAND, its run time in milliseconds in $RUN_MS
timed() {
	t0=$(millis)
	"$@" || return 1
	RUN_MS=$(( $(millis) - t0 ))
	echo "uninterrupted run: $RUN_MS ms"
}

# kill_during PERCENT COMMAND...: start COMMAND, SIGKILL it once PERCENT of
# $RUN_MS has passed; $KILLED is yes when it was still running (exit 137)
kill_during() {
	pct=$1
	shift
	"$@" >/dev/null 2>killed.err &
	pid=$!
	sleep "$(awk -v ms="$RUN_MS" -v p="$pct" 'BEGIN { printf "%.3f", ms * p / 100000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid"
	got=$?
	case $got in
	137) KILLED=yes ;;
	0) KILLED=no ;;
	*)
		echo "the import failed by itself (status $got) before it was killed:" >&2
		cat killed.err >&2
		return 1
		;;
	esac
	echo "killed at $pct%: still running: $KILLED"
}

# one_of VALUE A B: VALUE is A or B
one_of() {
	if [ "$1" != "$2" ] && [ "$1" != "$3" ]; then
		echo "expected $2 or $3, found $1" >&2
		return 1
	fi
}

# households_digest DB: what the households are, without the times of writing
households_digest() {
	q "$1" "SELECT h.household_id, h.head_name, h.id_number, h.phone, v.name,
		g.name, h.categories, h.members, h.monitor_type, h.risk_status
		FROM household h JOIN village v ON v.id = h.village_id
		LEFT JOIN village_group g ON g.id = h.group_id
		ORDER BY h.household_id" | md5sum
}

# visits_digest DB: what the visits are, without where they were read
visits_digest() {
	q "$1" "SELECT household_id, visit_date, visitor, round, visitor_role,
		food_clothing, education, medical, housing, drinking_water,
		income_stable, industry_link, risk_level, monitor_suggested, notes
		FROM visit ORDER BY household_id, visit_date, visitor" | md5sum
}

# a store with one household and no ID number in it: nothing to clash with
small_store() {
	household-add -q -d "$1" --id S1 --new-village --village 甲村 --head 田一
}

# refuses STORE COMMAND ARGS...: COMMAND -d STORE exits 64..75, never
# crashes, prints nothing on standard output, says one clear line naming
# the store, and leaves the file's bytes as they were
refuses() {
	store=$1
	cmd=$2
	shift 2
	cp "$store" refuses.copy
	"$cmd" -d "$store" "$@" >out 2>err
	got=$?
	if [ $got -lt 64 ] || [ $got -gt 75 ]; then
		echo "expected an exit status from 64 to 75, got $got from: $cmd -d $store $*" >&2
		cat err >&2
		return 1
	fi
	test_must_be_empty out &&
	grep_message "^$cmd: $store: ." err &&
	test_line_count 1 err &&
	cmp "$store" refuses.copy
}

# never_crashes STORE COMMAND ARGS...: COMMAND -d STORE ends with 0, 1, or
# 64..75 with a message; a crash or any other status fails
never_crashes() {
	store=$1
	shift
	"$@" -d "$store" >out 2>err
	got=$?
	case $got in
	0 | 1) return 0 ;;
	6[4-9] | 7[0-5])
		grep_message "^$1: " err
		return
		;;
	esac
	echo "exit status $got from: $* -d $store" >&2
	cat err >&2
	return 1
}

# exits N COMMAND...: COMMAND, its output in ./out and ./err, exits N (a
# crash never counts); when not, says what it got and what COMMAND said
exits() {
	want=$1
	shift
	"$@" >out 2>err
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "expected exit status $want, got $got from: $*" >&2
		sed "s/^/	/" err >&2
		return 1
	fi
}

# ---- SIGKILL during a bulk import ----

test_case "household-add of $HOUSEHOLDS rows killed at several points: all or nothing, then a re-run completes it" '
	big_households &&
	small_store base.db &&
	cp base.db full.db &&
	timed household-add -q -d full.db "$TRASH/big.csv" &&
	echo "$RUN_MS" >"$TRASH/household-add.ms" &&
	test "$(count full.db household)" -eq $((HOUSEHOLDS + 1)) &&
	households_digest full.db >full.digest &&
	mid_run=0 &&
	for pct in $HOUSEHOLD_KILLS; do
		rm -f k.db k.db-wal k.db-shm &&
		cp base.db k.db &&
		kill_during $pct household-add -q -d k.db "$TRASH/big.csv" &&
		n=$(count k.db household) &&
		echo "households after the kill: $n" &&
		one_of "$n" 1 $((HOUSEHOLDS + 1)) &&
		sound k.db &&
		if [ "$n" -eq 1 ]; then
			if [ $KILLED = yes ]; then mid_run=$((mid_run + 1)); fi &&
			household-add -q -d k.db "$TRASH/big.csv" &&
			test "$(count k.db household)" -eq $((HOUSEHOLDS + 1)) &&
			sound k.db
		fi &&
		households_digest k.db >k.digest &&
		test_cmp full.digest k.digest || return 1
	done &&
	echo "kills that fell in the middle of the import: $mid_run" &&
	test $mid_run -ge 1
'

test_case 'household-add killed while it creates a new store: a re-run completes it' '
	big_households &&
	if [ -s "$TRASH/household-add.ms" ]; then
		RUN_MS=$(cat "$TRASH/household-add.ms")
	else
		timed household-add -q -d full.db "$TRASH/big.csv"
	fi &&
	for pct in 1 4; do
		rm -f new.db new.db-wal new.db-shm &&
		kill_during $pct household-add -q -d new.db "$TRASH/big.csv" &&
		if [ -e new.db ]; then
			n=$(count new.db household) &&
			echo "households after the kill: $n" &&
			case $n in none | 0 | $HOUSEHOLDS) ;; *) false ;; esac &&
			sound new.db
		fi &&
		household-add -q -d new.db "$TRASH/big.csv" &&
		test "$(count new.db household)" -eq $HOUSEHOLDS &&
		sound new.db || return 1
	done
'

test_case "visit-log of $VISITS visits killed at several points: all or nothing, then a re-run completes it" '
	big_visits &&
	cp "$TRASH/households.db" full.db &&
	timed visit-log -q -d full.db "$TRASH/big-visits.csv" &&
	test "$(count full.db visit)" -eq $VISITS &&
	visits_digest full.db >full.digest &&
	mid_run=0 &&
	for pct in $VISIT_KILLS; do
		rm -f k.db k.db-wal k.db-shm &&
		cp "$TRASH/households.db" k.db &&
		kill_during $pct visit-log -q -d k.db "$TRASH/big-visits.csv" &&
		n=$(count k.db visit) &&
		echo "visits after the kill: $n" &&
		one_of "$n" 0 $VISITS &&
		sound k.db &&
		if [ "$n" -eq 0 ]; then
			if [ $KILLED = yes ]; then mid_run=$((mid_run + 1)); fi &&
			test "$(count k.db visit_source)" -eq 0 &&
			visit-log -q -d k.db "$TRASH/big-visits.csv" &&
			test "$(count k.db visit)" -eq $VISITS &&
			sound k.db
		fi &&
		visits_digest k.db >k.digest &&
		test_cmp full.digest k.digest || return 1
	done &&
	echo "kills that fell in the middle of the import: $mid_run" &&
	test $mid_run -ge 1
'

# ---- a file-size limit ----

# limited COMMAND...: COMMAND with its files limited to 64 blocks (ulimit -f 64)
limited() {
	(ulimit -f 64 && exec "$@")
}

test_case 'a file-size limit (ulimit -f 64): exit 74, a clear message, the store unchanged' '
	big_households &&
	small_store "$RENKE_DB" &&
	store_dump >before &&
	exits 74 limited household-add "$TRASH/big.csv" &&
	grep_message "^household-add: .*renke.db: ." err &&
	store_dump >after &&
	test_cmp before after &&
	sound "$RENKE_DB" &&
	echo "--- the store is still usable" &&
	household-add -q --id S2 --new-village --village 甲村 &&
	test "$(count "$RENKE_DB" household)" -eq 2
'

test_case 'a file-size limit on visit-log, whose visits another thread writes: exit 74, the store unchanged' '
	big_visits &&
	cp "$TRASH/households.db" "$RENKE_DB" &&
	store_dump >before &&
	exits 74 limited visit-log --today 2024-06-01 "$TRASH/big-visits.csv" &&
	grep_message "^visit-log: .*renke.db: ." err &&
	test_line_count 1 err &&
	store_dump >after &&
	test_cmp before after &&
	sound "$RENKE_DB"
'

# ---- stores that cannot be written ----

# Root ignores permissions, so as root an unwritable file or directory is
# made with chattr +i; without chattr (or the right to use it) those cases
# are skipped.  Whatever is made immutable is listed, to be released again.
IMMUTABLE=$TRASH/immutable.list

if [ "$(id -u)" -ne 0 ]; then
	LOCKING=mode
elif : >"$TRASH/probe" && chattr +i "$TRASH/probe" 2>/dev/null; then
	chattr -i "$TRASH/probe"
	LOCKING=chattr
else
	LOCKING=
fi
rm -f "$TRASH/probe"

# unwritable PATH: nobody, not even root, may write PATH
unwritable() {
	case $LOCKING in
	chattr)
		[ -d "$1" ] || chmod 444 "$1"
		case $1 in
		/*) echo "$1" ;;
		*) echo "$PWD/$1" ;;
		esac >>"$IMMUTABLE" &&
		chattr +i "$1"
		;;
	mode)
		if [ -d "$1" ]; then chmod 555 "$1"; else chmod 444 "$1"; fi
		;;
	*)
		return 1
		;;
	esac
}

# release: everything unwritable() locked is writable again
release() {
	if [ -f "$IMMUTABLE" ]; then
		while read -r path; do
			chattr -i "$path" 2>/dev/null
		done <"$IMMUTABLE"
		rm -f "$IMMUTABLE"
	fi
	find "$TRASH" -type d ! -perm -u+w -exec chmod u+w {} + 2>/dev/null
	return 0
}

# test_skip TITLE WHY: a case that cannot run here
test_skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count # skip $1: $2"
}

# locked_case TITLE BODY: test_case, then release what BODY locked
locked_case() {
	if [ -z "$LOCKING" ]; then
		test_skip "$1" "running as root without a working chattr +i, nothing is unwritable"
		return
	fi
	test_case "$1" "$2"
	release
}

test_case 'a store in a missing directory: exit 73, nothing created' '
	exits 73 issue-add -d nosuch/dir/renke.db --title 修路 --owner 王强 &&
	grep_message "^issue-add: nosuch/dir/renke.db: cannot create the store: " err &&
	test_line_count 1 err &&
	test_path_is_missing nosuch
'

test_case 'a store under a regular file (file/renke.db): writers exit 73, nothing created' '
	echo "not a directory" >plain &&
	exits 73 issue-add -d plain/renke.db --title 修路 --owner 王强 &&
	grep_message "^issue-add: plain/renke.db: " err &&
	test_line_count 1 err &&
	exits 73 household-add -d plain/renke.db "$EXAMPLES/households.csv" &&
	grep_message "^household-add: plain/renke.db: " err &&
	if [ -f /proc/version ]; then
		exits 73 issue-add -d /proc/version/renke.db --title 修路 --owner 王强 &&
		grep_message "^issue-add: /proc/version/renke.db: " err
	fi &&
	echo "not a directory" >expect &&
	test_cmp expect plain
'

test_case 'a store under a regular file: readers say there is no such store (66)' '
	echo "not a directory" >plain &&
	exits 66 household-list -d plain/renke.db &&
	grep_message "^household-list: plain/renke.db: " err &&
	test_must_be_empty out &&
	exits 66 report-gen -d plain/renke.db summary &&
	grep_message "^report-gen: plain/renke.db: " err &&
	test_must_be_empty out
'

locked_case 'an unwritable directory, no store in it yet: exit 73, nothing created' '
	mkdir office &&
	unwritable office &&
	exits 73 issue-add -d office/renke.db --title 修路 --owner 王强 &&
	grep_message "^issue-add: office/renke.db: cannot create the store: " err &&
	exits 73 household-add -d office/renke.db "$EXAMPLES/households.csv" &&
	grep_message "^household-add: office/renke.db: cannot create the store: " err &&
	ls -A office >listing &&
	test_must_be_empty listing
'

locked_case 'an unwritable directory holding a store: a message that says why, the store unchanged' '
	mkdir office &&
	small_store office/renke.db &&
	cp office/renke.db copy.db &&
	store_dump office/renke.db >before &&
	unwritable office &&
	for cmd in "issue-add --title 修路 --owner 王强" "household-add $EXAMPLES/households.csv"; do
		set -- $cmd &&
		"$@" -d office/renke.db >out 2>err
		got=$?
		echo "$1: status $got" &&
		case $got in 73 | 74) ;; *) false ;; esac &&
		grep_message "^$1: office/renke.db: " err &&
		grep_message "[Pp]ermission denied\|not permitted\|[Rr]ead-only\|not writable\|cannot create" err &&
		cmp office/renke.db copy.db || return 1
	done &&
	release &&
	store_dump office/renke.db >after &&
	test_cmp before after
'

locked_case 'a store file that cannot be written: writers exit 74, readers still read' '
	small_store "$RENKE_DB" &&
	store_dump >before &&
	cp "$RENKE_DB" copy.db &&
	unwritable "$RENKE_DB" &&
	exits 74 issue-add --title 修路 --owner 王强 &&
	grep_message "^issue-add: .*renke.db: " err &&
	exits 74 household-add "$EXAMPLES/households.csv" &&
	grep_message "^household-add: .*renke.db: " err &&
	cmp "$RENKE_DB" copy.db &&
	household-list -f csv >out &&
	grep -q "^S1,田一," out &&
	release &&
	store_dump >after &&
	test_cmp before after
'

# ---- files that are no good store ----

# the commands every bad store is tried with
COMMANDS_TRIED="household-list|deadline-check --today 2024-06-01|report-gen summary|issue-add --title 修路 --owner 王强|household-add $EXAMPLES/households.csv|visit-log --coverage"

# all_refuse STORE: every command of COMMANDS_TRIED refuses STORE
all_refuse() {
	old_ifs=$IFS
	IFS="|"
	set -- $COMMANDS_TRIED
	IFS=$old_ifs
	for cmd in "$@"; do
		refuses "$STORE_ARG" $cmd || return 1
	done
}

# overwrite FILE OFFSET SOURCE LENGTH: LENGTH bytes of SOURCE over FILE at OFFSET
overwrite() {
	head -c "$4" "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

test_case 'a corrupt store (the middle half overwritten): exit 64..75 and a message, never a crash' '
	good_store &&
	cp "$TRASH/good.db" bad.db &&
	size=$(stat -c %s bad.db) &&
	yes "0123456789 garbage 垃圾" | head -c $((size / 2)) >garbage &&
	dd if=garbage of=bad.db bs=4096 seek=$((size / 4 / 4096)) conv=notrunc 2>/dev/null &&
	! cmp -s bad.db "$TRASH/good.db" &&
	STORE_ARG=bad.db &&
	all_refuse
'

test_case 'a store with a damaged page here and there: every command ends cleanly, never a crash' '
	good_store &&
	pages=$(( $(stat -c %s "$TRASH/good.db") / 4096 )) &&
	head -c 4096 /dev/zero >zeros &&
	tr "\000" "\377" <zeros >ones &&
	head -c 4096 "$EXAMPLES/visits.csv" >text &&
	page=1 &&
	while [ $page -lt $pages ]; do
		for pattern in zeros ones text; do
			cp "$TRASH/good.db" bad.db &&
			overwrite bad.db $((page * 4096 + 512)) $pattern 2048 &&
			for cmd in household-list "deadline-check --today 2024-06-01" \
				"report-gen summary" "report-gen visits" "visit-log --coverage" \
				"issue-add --title 修路 --owner 王强"; do
				never_crashes bad.db $cmd || {
					echo "page $page overwritten with $pattern" >&2
					return 1
				}
			done
		done
		page=$((page + 11))
	done
'

test_case 'a truncated store (its first 100 bytes): exit 64..75 and a message' '
	good_store &&
	head -c 100 "$TRASH/good.db" >short.db &&
	STORE_ARG=short.db &&
	all_refuse
'

test_case 'a truncated store (its first half): exit 64..75 and a message' '
	good_store &&
	size=$(stat -c %s "$TRASH/good.db") &&
	head -c $((size / 2)) "$TRASH/good.db" >half.db &&
	STORE_ARG=half.db &&
	all_refuse
'

test_case 'another program'$SQ's SQLite database: exit 64..75, a message, the database untouched' '
	sqlite3 other.db "CREATE TABLE contact (name TEXT, phone TEXT);
		INSERT INTO contact VALUES (${SQ}张三${SQ}, ${SQ}13800000000${SQ});" &&
	sqlite3 other.db .dump >before &&
	STORE_ARG=other.db &&
	all_refuse &&
	sqlite3 other.db .dump >after &&
	test_cmp before after &&
	echo delete >expect &&
	sqlite3 other.db "PRAGMA journal_mode" >actual &&
	test_cmp expect actual
'

test_case 'a PNG image and a text file as the store: exit 64..75, a message, the file untouched' '
	printf "\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\002\000\000\000" >image.png &&
	head -c 2000 /dev/zero >>image.png &&
	STORE_ARG=image.png &&
	all_refuse &&
	cp "$EXAMPLES/households.csv" notes.txt &&
	STORE_ARG=notes.txt &&
	all_refuse &&
	test_path_is_missing notes.txt-wal &&
	test_path_is_missing image.png-wal
'

release
test_done
