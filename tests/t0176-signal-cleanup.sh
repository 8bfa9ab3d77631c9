#!/bin/sh
#
# A command ended by SIGINT, SIGTERM, SIGHUP or SIGQUIT removes what it
# had half made (the hidden file beside an -o target, the workbook it was
# building in $TMPDIR) and ends as the signal would; the store is left as
# it was.  A signal ignored when the command started (nohup, a
# background job) stays ignored.  A reader that closes the pipe early
# (SIGPIPE is ignored) leaves no workbook behind either.

. "$(dirname "$0")/lib.sh"

# wait_for GLOB: true once a file matches GLOB (within 20 s)
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		for f in $1; do
			[ -e "$f" ] && return 0
		done
		sleep 0.1
		i=$((i + 1))
	done
	echo "nothing matched $1" >&2
	return 1
}

# end_with SIGNAL: send SIGNAL to $pid, its exit status into ./status (a
# process that does not end within 20 s is killed: the case then fails)
end_with() {
	kill -"$1" $pid &&
	{ sleep 20 && kill -KILL $pid 2>/dev/null; } &
	watchdog=$!
	wait $pid
	echo $? >status
	kill $watchdog 2>/dev/null
	return 0
}

# nothing_left: no hidden -o file here, no workbook in ./tmp
nothing_left() {
	ls -A . tmp | grep -e '^\.out' -e 'renke-out' >left
	test_must_be_empty left
}

# blocked SIGNAL: visit-log -o out.xlsx waits on a pipe held open and not
# written to, its -o file made; SIGNAL ends it.  The signal is set to its
# default, as in a terminal (a background job of a script ignores SIGINT
# and SIGQUIT).
blocked() {
	mkdir tmp && mkfifo in &&
	{ TMPDIR=$PWD/tmp env --default-signal visit-log --flagged \
		-f xlsx -o out.xlsx <in 2>err & } &&
	pid=$! &&
	exec 3>in &&
	wait_for '.out.xlsx.*' &&
	end_with "$1" &&
	exec 3>&-
}

test_case 'SIGTERM: the hidden -o file is removed, the status is the signal'"'"'s' '
	example_township &&
	store_dump >before &&
	blocked TERM &&
	echo 143 >expect &&
	test_cmp expect status &&
	test_path_is_missing out.xlsx &&
	nothing_left &&
	store_unchanged
'

test_case 'SIGINT and SIGHUP likewise' '
	blocked INT &&
	echo 130 >expect &&
	test_cmp expect status &&
	nothing_left &&
	rm -rf tmp in status &&
	blocked HUP &&
	echo 129 >expect &&
	test_cmp expect status &&
	test_path_is_missing out.xlsx &&
	nothing_left
'

test_case 'SIGQUIT likewise, and no core of the files' '
	blocked QUIT &&
	test "$(cat status)" -ge 131 &&
	test_path_is_missing out.xlsx &&
	nothing_left
'

test_case 'the workbook being written to a pipe is removed from TMPDIR' '
	gen-households 3000 1 >h.csv &&
	household-add -q h.csv &&
	store_dump >before &&
	mkdir tmp && mkfifo pipe &&
	{ TMPDIR=$PWD/tmp env --default-signal household-list -f xlsx >pipe & } &&
	pid=$! &&
	exec 4<pipe &&
	wait_for "tmp/renke-out-*" &&
	sleep 0.5 &&
	end_with TERM &&
	exec 4<&- &&
	echo 143 >expect &&
	test_cmp expect status &&
	nothing_left &&
	store_unchanged
'

test_case 'a signal ignored at the start stays ignored: the output is put in place' '
	mkdir tmp && mkfifo in &&
	{ TMPDIR=$PWD/tmp sh -c "trap \"\" HUP; exec visit-log --flagged -f csv -o out.csv" <in & } &&
	pid=$! &&
	exec 3>in &&
	wait_for ".out.csv.*" &&
	kill -HUP $pid &&
	sleep 0.2 &&
	exec 3>&- &&
	wait $pid &&
	test -f out.csv &&
	nothing_left
'

test_case 'a reader that stops early leaves no workbook in TMPDIR' '
	example_township &&
	mkdir tmp &&
	{ TMPDIR=$PWD/tmp household-list -f xlsx; echo $? >status; } | head -c 10 >/dev/null &&
	nothing_left
'

test_case 'a reader that stops early is the end of a workbook, not an error' '
	gen-households 3000 1 >h3.csv &&
	household-add -q -d early.db h3.csv &&
	{ household-list -d early.db -f xlsx 2>err; echo $? >status; } | head -c 10 >/dev/null &&
	echo 0 >expect &&
	test_cmp expect status &&
	test_must_be_empty err
'

test_done
