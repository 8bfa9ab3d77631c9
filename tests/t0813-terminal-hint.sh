#!/bin/sh
#
# A command that reads records from standard input says so when that
# input is a terminal, and how to end it (Ctrl-D): a clerk who forgot a
# file or an option is not left before a silent cursor.  Input that is
# not a terminal, -q, a file operand or a record given by options gets
# no hint.  (script(1) makes the terminal; it sends the end of input.)

. "$(dirname "$0")/lib.sh"

HINT="reading records from standard input: type them, then Ctrl-D on a line of its own to end"
HINT_ZH="正在从标准输入读取记录：输入完毕后，在新的一行按 Ctrl-D 结束"

test_case 'on a terminal: the hint comes before anything is read' '
	household-add -q --id H1 --village 甲村 --new-village &&
	store_dump >before &&
	on_terminal "household-add" </dev/null >out &&
	head -n 1 out >first &&
	echo "household-add: $HINT" >expect &&
	test_cmp expect first &&
	on_terminal "issue-add --owner 张" </dev/null >out &&
	grep_message "^issue-add: $HINT$" out &&
	store_unchanged
'

test_case 'zh_CN: the hint in Chinese' '
	zh_locale &&
	on_terminal "household-add" </dev/null >out &&
	grep_message "^household-add: $HINT_ZH$" out &&
	! grep -q "Ctrl-D on a line" out
'

test_case 'no hint when the input is no terminal, with -q, a file, or options' '
	household-add </dev/null >out 2>err &&
	! grep -q Ctrl-D err &&
	on_terminal "household-add -q" </dev/null >out &&
	! grep -q Ctrl-D out &&
	on_terminal "household-add --new-village --id H2 --village 甲村" </dev/null >out &&
	! grep -q Ctrl-D out &&
	printf "%s\n" household_id,village H1,甲村 >in.csv &&
	on_terminal "household-add in.csv" </dev/null >out &&
	! grep -q Ctrl-D out &&
	household-list -f csv >list &&
	test_line_count 3 list
'

test_done
