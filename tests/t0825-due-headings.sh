#!/bin/sh
# t0825-due-headings.sh -- a count of things due is headed as a count,
# never as a deadline (完成时限): the summary's issues due read 到期应办结,
# and visit-log --coverage heads its due column by what its milestones
# count: households (应走访户数), people for care (应走访人数), or both.
# Machine formats keep the column's name, due and issues_due.
. "$(dirname "$0")/lib.sh"

store() {
	store_cache care '
		household-add -q "$EXAMPLES/households.csv" &&
		member-add -q "$EXAMPLES/people.csv" &&
		milestone-add -q "$EXAMPLES/milestones.csv" &&
		milestone-add -q "$EXAMPLES/care-milestones.csv" &&
		care-log -q --today 2023-03-31 "$EXAMPLES/care.csv"'
}

# heading N FILE: the heading of column N of the markdown table in FILE
heading() {
	sed -n 1p "$2" | awk -F " [|] " -v n="$1" "{ sub(/^[|] /, \"\"); print \$n }"
}

test_case 'zh_CN: visit-log --coverage: 应走访户数 for households, 应走访人数 for people, both for both' '
	store && zh_locale &&
	visit-log --today 2022-12-31 --coverage --milestone 2022-11-01 -f markdown >houses.md &&
	test "$(heading 3 houses.md)" = 应走访户数 &&
	visit-log --today 2022-12-31 --coverage --milestone 2022-q4-care -f markdown >people.md &&
	test "$(heading 3 people.md)" = 应走访人数 &&
	visit-log --today 2022-12-31 --coverage -f markdown >both.md &&
	test "$(heading 3 both.md)" = 应走访户数或人数 &&
	! grep -q 完成时限 houses.md people.md both.md
'

test_case 'C: the same headings in English; CSV keeps the column due' '
	store &&
	visit-log --today 2022-12-31 --coverage --milestone 2022-q4-care -f markdown >people.md &&
	test "$(heading 3 people.md)" = "people due" &&
	visit-log --today 2022-12-31 --coverage --milestone 2022-11-01 -f markdown >houses.md &&
	test "$(heading 3 houses.md)" = "households due" &&
	visit-log --today 2022-12-31 --coverage --milestone 2022-q4-care -f csv >people.csv &&
	test "$(head -n 1 people.csv)" = "milestone,village,due,visited,missing,late,percent" &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 visit-log --today 2022-12-31 --coverage -f csv >zh.csv &&
	test "$(head -n 1 zh.csv)" = "milestone,village,due,visited,missing,late,percent"
'

test_case 'zh_CN: the summary heads issues_due 到期应办结, not 完成时限' '
	store && zh_locale &&
	report-gen summary --today 2022-11-30 -f markdown >sum.md &&
	sed -n 3p sum.md | grep -q " 到期应办结 | 按时办结 | 按时办结率 " &&
	! sed -n 3p sum.md | grep -q 完成时限 &&
	report-gen summary --today 2022-11-30 -f csv >sum.csv &&
	head -n 1 sum.csv | grep -q ",issues_due,issues_on_time,on_time_rate,"
'

test_case 'a column counting things due is never labelled as the due date' '
	! grep -n "N_(\"due\"), COLUMN_INTEGER\|N_(\"due date\"), COLUMN_INTEGER" \
		"$TOP"/lib/*.c &&
	: the msgids translated as a deadline or a last day name dates, not counts &&
	awk "/^msgid / { id = \$0 } /^msgstr .*(完成时限|截止日期)/ { print id }" \
		"$TOP/po/zh_CN.po" | sort >deadlines &&
	cat >expect <<-\EOF &&
	msgid "%s is after %s, the last day the household could object"
	msgid "%s is after the due date %s"
	msgid "a new deadline needs a reason (--reason)"
	msgid "a reason goes with a new due date, a reopening or a closing unresolved"
	msgid "a reason goes with a new due date, a reopening, a closing unresolved or a withdrawal"
	msgid "due date"
	msgid "due"
	msgid "missing; every milestone has a due date"
	msgid "original due date"
	msgid "the household is told the reason and the last day it may object"
	EOF
	test_cmp expect deadlines
'

test_done
