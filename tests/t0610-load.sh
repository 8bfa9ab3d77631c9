#!/bin/sh
#
# Load: eight processes on one store at once for a bounded time, three of
# them adding issues, one updating, one importing visits again and again,
# one logging meetings, two reading.  Nothing reported as written may be
# lost or written twice, no command may fail while the 10 s busy timeout
# lasts, and only a lock held past it gives exit 75.

. "$(dirname "$0")/lib.sh"

# how long the writers and readers keep going, in seconds
LOAD_SECONDS=20

# a command that hangs is killed after this many seconds (and fails the case)
HANG_SECONDS=60

# seed: the example township's households in the store
seed() {
	household-add -q "$EXAMPLES/households.csv"
}

# bounded COMMAND...: COMMAND, killed if it hangs
bounded() {
	timeout -s KILL "$HANG_SECONDS" "$@"
}

# running: true until the end of the load ($END, seconds since the epoch)
running() {
	test "$(date +%s)" -lt "$END"
}

# record NAME STATUS COMMAND: one line "COMMAND STATUS" in status.NAME
record() {
	echo "$3 $2" >>"status.$1"
}

# adder K: issue-add in a loop, a distinct title each time; every id it is
# given goes to ids.adderK as "id|title"
adder() {
	k=$1
	i=0
	while running; do
		i=$((i + 1))
		title="负载$k-$i"
		out=$(bounded issue-add -q -f csv --today 2024-03-01 --title "$title" \
			--owner 王强 --village 后叶村 2>>"err.adder$k")
		rc=$?
		record "adder$k" $rc issue-add
		if [ $rc -eq 0 ]; then
			printf '%s\n' "$out" | sed -n 2p | cut -d, -f1,4 | tr , '|' >>"ids.adder$k"
		fi
	done
}

# updater: adds an issue, then moves it to in_progress and notes progress on it;
# ids.updater holds the issues it added, moved and noted the ones it changed
updater() {
	i=0
	while running; do
		i=$((i + 1))
		title="跟进$i"
		out=$(bounded issue-add -q -f csv --today 2024-03-01 --title "$title" \
			--owner 李霞 --village 双河村 2>>err.updater)
		rc=$?
		record updater $rc issue-add
		[ $rc -eq 0 ] || continue
		id=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)
		echo "$id|$title" >>ids.updater
		bounded issue-update -q --today 2024-03-02 --id "$id" --status in_progress \
			>/dev/null 2>>err.updater
		rc=$?
		record updater $rc issue-update
		[ $rc -eq 0 ] && echo "$id" >>moved
		bounded issue-update -q --today 2024-03-03 --id "$id" --note "第${i}次进展" \
			>/dev/null 2>>err.updater
		rc=$?
		record updater $rc issue-update
		[ $rc -eq 0 ] && echo "$id|第${i}次进展" >>noted
	done
}

# visitor: visit-log of visits.csv, again and again; its summary lines go to
# summary.visits, anything else it says to err.visits
visitor() {
	while running; do
		bounded visit-log visits.csv 2>visits.said
		rc=$?
		record visits $rc visit-log
		grep "^visit-log: [0-9]* visits read: " visits.said >>summary.visits
		grep -v "^visit-log: [0-9]* visits read: " visits.said >>err.visits
	done
	rm -f visits.said
}

# meetings: one representatives' meeting a day with the example suggestions;
# each meeting's "id|suggestions" goes to ids.meetings
meetings() {
	i=0
	while running; do
		day=$(date -d "2023-01-01 + $i days" +%Y-%m-%d)
		i=$((i + 1))
		out=$(bounded meeting-log -q -f csv --today 2024-03-01 --kind representatives \
			--village 后叶村 --date "$day" --host 主持人 --owner 村委会 \
			"$EXAMPLES/suggestions.csv" 2>>err.meetings)
		rc=$?
		record meetings $rc meeting-log
		if [ $rc -eq 0 ]; then
			printf '%s\n' "$out" | sed -n 2p | cut -d, -f1,8 | tr , '|' >>ids.meetings
		fi
	done
}

# reader NAME COMMAND...: COMMAND in a loop, its output in last.NAME
reader() {
	name=$1
	shift
	while running; do
		bounded "$@" >"last.$name" 2>>"err.$name"
		record "$name" $? "$1"
	done
}

# load: the eight processes, for LOAD_SECONDS
load() {
	END=$(( $(date +%s) + LOAD_SECONDS ))
	adder 1 &
	adder 2 &
	adder 3 &
	updater &
	visitor &
	meetings &
	reader deadline deadline-check -q --today 2024-06-01 &
	reader report report-gen -q summary &
	wait
}

# visits_added FILE: the sum of "N visits added" over visit-log's summary lines
visits_added() {
	awk '{ for (i = 1; i + 2 <= NF; i++)
		if ($i == "added") { v = $(i + 1); sub(",", "", v); n += v } }
		END { print n + 0 }' "$1"
}

# sorted_lines FILE: FILE's lines sorted, nothing when FILE is missing
sorted_lines() {
	if [ -f "$1" ]; then
		sort "$1"
	fi
}

# at_least N FILE: FILE has N lines or more (the load did real work)
at_least() {
	n=0
	[ -f "$2" ] && n=$(wc -l <"$2")
	if [ "$n" -lt "$1" ]; then
		echo "expected at least $1 lines in $2, found $n" >&2
		return 1
	fi
}

# release_in SECONDS: in the background, let hold_lock's lock go (the
# file release) SECONDS from now
release_in() {
	( sleep "$1"; touch release ) &
}

# q SQL: one query on the store
q() {
	sqlite3 "$RENKE_DB" "$1"
}

# lock_held: some connection holds the store's write lock right now
lock_held() {
	! sqlite3 "$RENKE_DB" ".timeout 0" "BEGIN IMMEDIATE;" "ROLLBACK;" \
		>/dev/null 2>&1
}

# hold_lock SECONDS [RELEASE]: in the background, sqlite3 takes the write
# lock for SECONDS, or until the file RELEASE exists; returns once the
# lock is held, its process in $HOLDER
hold_lock() {
	{
		# lock_held below takes the write lock for an instant to probe
		# for ours: wait out such an instant rather than fail on it
		echo ".timeout 10000"
		echo "BEGIN IMMEDIATE;"
		# SECONDS at most, less once the file RELEASE is there
		waited=0
		while [ $waited -lt "$(($1 * 10))" ] && ! [ -e "${2:-/nonexistent}" ]; do
			sleep 0.1
			waited=$((waited + 1))
		done
		echo "COMMIT;"
	} | sqlite3 "$RENKE_DB" &
	HOLDER=$!
	tries=0
	until lock_held; do
		tries=$((tries + 1))
		if [ $tries -gt 100 ]; then
			echo "sqlite3 never took the write lock" >&2
			return 1
		fi
		sleep 0.1
	done
}

test_case 'eight processes for a bounded time: nothing lost, nothing twice, never locked' '
	seed &&
	gen-visits -n 3000 -s 3 "$EXAMPLES/households.csv" >visits.csv &&
	test_line_count 3001 visits.csv &&
	load &&

	echo "--- every command ended with 0 (deadline-check: 0 or 1)" &&
	cat status.* >statuses &&
	awk "\$2 != 0 && !(\$1 == \"deadline-check\" && \$2 == 1)" statuses >failed &&
	test_must_be_empty failed &&
	echo "--- none said anything but its summary, certainly not that the store was locked" &&
	cat err.* >said &&
	! grep -i "locked\|busy\|try again" said &&
	test_must_be_empty said &&

	echo "--- each worker did real work" &&
	at_least 5 ids.adder1 && at_least 5 ids.adder2 && at_least 5 ids.adder3 &&
	at_least 3 ids.updater && at_least 3 ids.meetings &&
	at_least 2 summary.visits &&
	at_least 5 status.deadline && at_least 5 status.report &&

	echo "--- every issue reported added is there once, under its title, and no other" &&
	cat ids.adder1 ids.adder2 ids.adder3 ids.updater | sort -t"|" -k1,1n >reported &&
	cut -d"|" -f1 reported | sort | uniq -d >twice &&
	test_must_be_empty twice &&
	q "SELECT id, title FROM issue WHERE meeting_id IS NULL ORDER BY id" >stored &&
	test_cmp reported stored &&
	test "$(q "SELECT count(*) FROM issue WHERE meeting_id IS NULL")" -eq \
		"$(grep -c "^issue-add 0$" statuses)" &&
	q "SELECT title FROM issue WHERE meeting_id IS NULL GROUP BY title
		HAVING count(*) > 1" >dup &&
	test_must_be_empty dup &&

	echo "--- the updates that succeeded are there, each once" &&
	sorted_lines moved >expect &&
	q "SELECT id FROM issue WHERE status = ${SQ}in_progress${SQ}" | sort >actual &&
	test_cmp expect actual &&
	sorted_lines noted >expect &&
	q "SELECT issue_id || ${SQ}|${SQ} || note FROM issue_note" | sort >actual &&
	test_cmp expect actual &&
	q "SELECT count(*) FROM issue WHERE status NOT IN (${SQ}open${SQ}, ${SQ}in_progress${SQ})" >n &&
	echo 0 >zero &&
	test_cmp zero n &&

	echo "--- every meeting reported is there once, with its two suggestions" &&
	sort -t"|" -k1,1n ids.meetings >reported &&
	q "SELECT m.id, count(i.id) FROM meeting m LEFT JOIN issue i ON i.meeting_id = m.id
		GROUP BY m.id ORDER BY m.id" >stored &&
	test_cmp reported stored &&
	! grep -v "|2\$" stored &&

	echo "--- the visits are there exactly once, added by the first run only" &&
	test "$(q "SELECT count(*) FROM visit")" -eq 3000 &&
	visits_added summary.visits >added &&
	echo 3000 >expect &&
	test_cmp expect added &&
	sed -n 1p summary.visits | grep -q " read: added 3000," &&
	! sed 1d summary.visits | grep -v " read: added 0," &&

	echo "--- the readers read something, and the store is sound" &&
	test -s last.deadline && test -s last.report &&
	echo ok >expect &&
	q "PRAGMA integrity_check" >actual &&
	test_cmp expect actual &&
	q "PRAGMA foreign_key_check" >actual &&
	test_must_be_empty actual
'

test_case 'a write lock held shorter than the busy timeout: issue-add waits and writes' '
	seed &&
	rm -f release &&
	hold_lock 60 release &&
	release_in 2 &&
	started=$(date +%s) &&
	issue-add -q -f csv --title 等一等 --owner 王强 >out 2>err &&
	ended=$(date +%s) &&
	wait $HOLDER &&
	test_must_be_empty err &&
	test $((ended - started)) -ge 1 &&
	sed -n 2p out | cut -d, -f1,4 >reported &&
	echo "1,等一等" >expect &&
	test_cmp expect reported &&
	echo "1|等一等" >expect &&
	q "SELECT id, title FROM issue" >actual &&
	test_cmp expect actual
'

test_case 'a write lock held past the busy timeout: exit 75, try again later, nothing written' '
	seed &&
	store_dump >before &&
	rm -f release &&
	hold_lock 60 release &&
	echo "--- readers are not held up by a writer" &&
	report-gen -q summary >summary 2>err &&
	test_must_be_empty err &&
	test -s summary &&
	started=$(date +%s) &&
	expect_status 75 issue-add -f csv --title 锁住了 --owner 王强 >out 2>err &&
	ended=$(date +%s) &&
	touch release &&
	wait $HOLDER &&
	echo "--- it waited out the busy timeout first" &&
	test $((ended - started)) -ge 9 &&
	grep_message "^issue-add: .*renke.db: the store is busy .*try again later" err &&
	! grep -v "^issue-add: " err &&
	! grep "锁住了" out &&
	store_dump >after &&
	test_cmp before after &&
	echo ok >expect &&
	q "PRAGMA integrity_check" >actual &&
	test_cmp expect actual &&
	echo "--- once the lock is gone, the same command writes" &&
	issue-add -q -f csv --title 锁住了 --owner 王强 >out &&
	echo "1|锁住了" >expect &&
	q "SELECT id, title FROM issue" >actual &&
	test_cmp expect actual
'

test_done
