#!/bin/sh
#
# deadline-check: every kind at its edges, with the exact exit status and
# the exact output; the options that choose and order; nothing written;
# and scripts/deadline-mail, the cron wrapper, with a stand-in mail command.

. "$(dirname "$0")/lib.sh"

HEADER=kind,id,title,household_id,village,village_group,owner,due_date,days_overdue,urgency
SUMMARY_HEADER=kind,id,title,missing,village,village_group,owner,due_date,days_overdue,urgency

# seed: two villages and five villager groups, one household in each
# (built once per run of this file and copied)
seed() {
	store_cache seed '
		printf "%s\n" household_id,village,village_group \
			H1,甲村,1组 H2,甲村,2组 H3,乙村,1组 H4,乙村,2组 H5,乙村,3组 \
			>"$TRASH/h.csv" &&
		household-add -q "$TRASH/h.csv"'
}

# add TODAY ISSUE-ADD-OPTIONS...: one issue, opened on TODAY
add() {
	add_today=$1
	shift
	issue-add -q --today "$add_today" -f csv "$@" >/dev/null
}

# update TODAY ISSUE-UPDATE-OPTIONS...: one change, made on TODAY
update() {
	update_today=$1
	shift
	issue-update -q --today "$update_today" -f csv "$@" >/dev/null
}

# milestone ID TITLE DUE MEETING-KIND SCOPE: a meeting_coverage milestone
milestone() {
	sqlite3 "$RENKE_DB" "INSERT INTO milestone (milestone_id, title, kind,
		due_date, meeting_kind, scope, created_at, updated_at) VALUES
		('$1', '$2', 'meeting_coverage', '$3', '$4', '$5',
		'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"
}

# meeting DATE KIND VILLAGE [GROUP]: a meeting held
meeting() {
	if [ $# -eq 4 ]; then
		meeting-log -q --today "$1" --kind "$2" --village "$3" --group "$4" \
			-f csv >/dev/null
	else
		meeting-log -q --today "$1" --kind "$2" --village "$3" -f csv >/dev/null
	fi
}

# check STATUS DEADLINE-CHECK-OPTIONS...: deadline-check -f csv, its
# standard output in ./actual, its standard error in ./err; the exit
# status must be STATUS
check() {
	check_status=$1
	shift
	expect_status "$check_status" deadline-check -f csv "$@" >actual 2>err
}

# lines LINE...: each LINE on a line of its own (the expected output)
lines() {
	printf '%s\n' "$@"
}

# test_empty FILE: FILE holds nothing at all, not even a newline
test_empty() {
	if [ -s "$1" ]; then
		echo "$1 should be empty but holds:" >&2
		cat "$1" >&2
		return 1
	fi
}

# sorted_cmp EXPECTED ACTUAL: the same lines, in any order
sorted_cmp() {
	sort "$1" >"$1.sorted" &&
	sort "$2" >"$2.sorted" &&
	test_cmp "$1.sorted" "$2.sorted"
}

# sections ARGS...: the body of the mail deadline-mail sends for the
# deadline-check options ARGS: the list a section a kind, its title line
# (the subject) and the blank line after it left out
sections() {
	{ deadline-check -f table --group-by kind "$@"; test $? -eq 1; } >sections.all &&
	tail -n +3 sections.all
}

# no_mail_path DIR: DIR holds only what deadline-mail needs, and no mail
no_mail_path() {
	mkdir -p "$1" &&
	for tool in sh mktemp date cat tr rm head tail; do
		ln -s "$(command -v "$tool")" "$1/$tool" || return 1
	done &&
	ln -s "$RENKE_BIN/deadline-check" "$1/deadline-check"
}

# ---- issue_overdue ----

test_case 'an issue due today is not overdue: no output at all, exit 0' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
	check 0 --today 2024-03-10 &&
	test_empty actual &&
	test_empty err &&
	for format in table json jsonl; do
		expect_status 0 deadline-check -f $format --today 2024-03-10 >out &&
		test_empty out || return 1
	done &&
	expect_status 0 deadline-check -f table --group-by owner --today 2024-03-10 >out &&
	test_empty out &&
	check 0 --today 2024-03-09 &&
	test_empty actual
'

test_case 'an issue due yesterday is overdue by 1 day, exit 1' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
	check 1 --today 2024-03-11 &&
	lines "$HEADER" "issue_overdue,1,修路,H1,甲村,1组,王,2024-03-10,1,normal" >expect &&
	test_cmp expect actual &&
	test_empty err &&
	check 1 --today 2024-03-20 &&
	lines "$HEADER" "issue_overdue,1,修路,H1,甲村,1组,王,2024-03-10,10,normal" >expect &&
	test_cmp expect actual
'

test_case 'an issue due tomorrow is listed only with --within, days_overdue -1' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
	check 0 --today 2024-03-09 &&
	test_empty actual &&
	check 0 --today 2024-03-09 --within 0 &&
	test_empty actual &&
	check 1 --today 2024-03-09 --within 1 &&
	lines "$HEADER" "issue_overdue,1,修路,H1,甲村,1组,王,2024-03-10,-1,normal" >expect &&
	test_cmp expect actual &&
	check 1 --today 2024-03-07 --within 3 &&
	lines "$HEADER" "issue_overdue,1,修路,H1,甲村,1组,王,2024-03-10,-3,normal" >expect &&
	test_cmp expect actual &&
	check 0 --today 2024-03-07 --within 2 &&
	test_empty actual
'

test_case '--within 0 lists what is due today, with 0 days' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
	check 1 --today 2024-03-10 --within 0 &&
	lines "$HEADER" "issue_overdue,1,修路,H1,甲村,1组,王,2024-03-10,0,normal" >expect &&
	test_cmp expect actual
'

test_case 'in progress and reopened issues are overdue; resolved and closed ones are not' '
	seed &&
	add 2024-03-01 --title 在办 --owner 王 --household H1 --due-date 2024-03-10 &&
	add 2024-03-01 --title 重办 --owner 王 --household H2 --due-date 2024-03-10 &&
	add 2024-03-01 --title 已办 --owner 王 --household H3 --due-date 2024-03-10 &&
	add 2024-03-01 --title 已结 --owner 王 --household H4 --due-date 2024-03-10 &&
	update 2024-03-02 --id 1 --status in_progress &&
	update 2024-03-02 --id 2 --status resolved --resolution 已修 &&
	update 2024-03-03 --id 2 --status reopened --reason 又坏了 &&
	update 2024-03-02 --id 3 --status resolved --resolution 已修 &&
	update 2024-03-02 --id 4 --status resolved --resolution 已修 &&
	update 2024-03-03 --id 4 --status feedback_given --feedback 已告知 &&
	update 2024-03-04 --id 4 --status closed &&
	check 1 --today 2024-03-11 --kind issue_overdue &&
	lines "$HEADER" \
		"issue_overdue,1,在办,H1,甲村,1组,王,2024-03-10,1,normal" \
		"issue_overdue,2,重办,H2,甲村,2组,王,2024-03-10,1,normal" >expect &&
	sorted_cmp expect actual
'

# ---- feedback_overdue ----

test_case 'feedback: not overdue on day 3 after resolved_on, overdue on day 4' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-30 &&
	update 2024-03-01 --id 1 --status resolved --resolution 已修 &&
	check 0 --today 2024-03-01 &&
	test_empty actual &&
	check 0 --today 2024-03-04 &&
	test_empty actual &&
	check 1 --today 2024-03-05 &&
	lines "$HEADER" "feedback_overdue,1,修路,H1,甲村,1组,王,2024-03-04,1,normal" >expect &&
	test_cmp expect actual &&
	check 1 --today 2024-03-04 --within 0 &&
	lines "$HEADER" "feedback_overdue,1,修路,H1,甲村,1组,王,2024-03-04,0,normal" >expect &&
	test_cmp expect actual &&
	update 2024-03-06 --id 1 --status feedback_given --feedback 入户告知 &&
	check 0 --today 2024-03-06 &&
	test_empty actual
'

test_case 'feedback: --feedback-within 5 moves the edge to day 5 and day 6' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-30 &&
	update 2024-03-01 --id 1 --status resolved --resolution 已修 &&
	check 0 --today 2024-03-06 --feedback-within 5 &&
	test_empty actual &&
	check 1 --today 2024-03-07 --feedback-within 5 &&
	lines "$HEADER" "feedback_overdue,1,修路,H1,甲村,1组,王,2024-03-06,1,normal" >expect &&
	test_cmp expect actual &&
	check 1 --today 2024-03-07 &&
	lines "$HEADER" "feedback_overdue,1,修路,H1,甲村,1组,王,2024-03-04,3,normal" >expect &&
	test_cmp expect actual
'

test_case 'feedback: an issue resolved on the spot starts the clock on its opening day' '
	seed &&
	add 2024-03-01 --title 政策咨询 --owner 李 --household H3 --resolved-on-spot --resolution 当场讲解 &&
	check 0 --today 2024-03-04 &&
	test_empty actual &&
	check 1 --today 2024-03-05 &&
	lines "$HEADER" "feedback_overdue,1,政策咨询,H3,乙村,1组,李,2024-03-04,1,normal" >expect &&
	test_cmp expect actual
'

# ---- revisit_due ----

test_case 'a revisit is listed on its due day with 0 days, not the day before' '
	seed &&
	add 2024-03-01 --kind dispute --title 宅基地纠纷 --owner 调委会 --village 乙村 --group 2组 --due-date 2024-03-30 &&
	update 2024-03-01 --id 1 --outcome success --revisit-in 10 &&
	check 0 --today 2024-03-10 &&
	test_empty actual &&
	check 1 --today 2024-03-10 --within 1 &&
	lines "$HEADER" "revisit_due,1,宅基地纠纷,,乙村,2组,调委会,2024-03-11,-1,normal" >expect &&
	test_cmp expect actual &&
	check 1 --today 2024-03-11 &&
	lines "$HEADER" "revisit_due,1,宅基地纠纷,,乙村,2组,调委会,2024-03-11,0,normal" >expect &&
	test_cmp expect actual &&
	check 1 --today 2024-03-12 &&
	lines "$HEADER" "revisit_due,1,宅基地纠纷,,乙村,2组,调委会,2024-03-11,1,normal" >expect &&
	test_cmp expect actual
'

test_case 'a revisit done is no longer due' '
	seed &&
	add 2024-03-01 --kind dispute --title 宅基地纠纷 --owner 调委会 --village 乙村 --due-date 2024-03-30 &&
	update 2024-03-01 --id 1 --outcome success --revisit-in 10 &&
	update 2024-03-11 --id 1 --finding stable --visitor 调委会 &&
	check 0 --today 2024-03-12 &&
	test_empty actual
'

# ---- promise_overdue ----

test_case 'a closed_unresolved issue: the promised date is a due date' '
	seed &&
	add 2024-03-01 --title 饮水工程 --owner 水务站 --village 甲村 --due-date 2024-03-05 &&
	update 2024-03-04 --id 1 --status closed_unresolved --reason 资金未到位 --promised-date 2024-06-30 &&
	check 0 --today 2024-03-06 &&
	test_empty actual &&
	check 0 --today 2024-06-30 &&
	test_empty actual &&
	check 1 --today 2024-06-29 --within 1 &&
	lines "$HEADER" "promise_overdue,1,饮水工程,,甲村,,水务站,2024-06-30,-1,normal" >expect &&
	test_cmp expect actual &&
	check 1 --today 2024-07-01 &&
	lines "$HEADER" "promise_overdue,1,饮水工程,,甲村,,水务站,2024-06-30,1,normal" >expect &&
	test_cmp expect actual
'

# ---- meeting_missing ----

test_case 'a meeting milestone (scope group) is not missed on its due date, missed the day after: one row per group' '
	seed &&
	milestone M1 院坝会全覆盖 2024-03-15 courtyard group &&
	meeting 2024-03-10 courtyard 甲村 1组 &&
	check 0 --today 2024-03-14 &&
	test_empty actual &&
	check 1 --today 2024-03-14 --within 1 &&
	lines "$HEADER" \
		"meeting_missing,M1,院坝会全覆盖,,乙村,1组,,2024-03-15,-1," \
		"meeting_missing,M1,院坝会全覆盖,,乙村,2组,,2024-03-15,-1," \
		"meeting_missing,M1,院坝会全覆盖,,乙村,3组,,2024-03-15,-1," \
		"meeting_missing,M1,院坝会全覆盖,,甲村,2组,,2024-03-15,-1," >expect &&
	sorted_cmp expect actual &&
	meeting 2024-03-15 courtyard 乙村 3组 &&
	check 0 --today 2024-03-15 &&
	test_empty actual &&
	check 1 --today 2024-03-16 &&
	lines "$HEADER" \
		"meeting_missing,M1,院坝会全覆盖,,乙村,1组,,2024-03-15,1," \
		"meeting_missing,M1,院坝会全覆盖,,乙村,2组,,2024-03-15,1," \
		"meeting_missing,M1,院坝会全覆盖,,甲村,2组,,2024-03-15,1," >expect &&
	sorted_cmp expect actual
'

test_case 'a meeting milestone (scope village): one row per village; a late meeting or another kind does not count' '
	seed &&
	milestone M2 村民会议 2024-03-15 assembly village &&
	meeting 2024-03-15 assembly 甲村 &&
	meeting 2024-03-10 briefing 乙村 &&
	meeting 2024-03-16 assembly 乙村 &&
	check 0 --today 2024-03-15 &&
	test_empty actual &&
	check 1 --today 2024-03-16 &&
	lines "$HEADER" "meeting_missing,M2,村民会议,,乙村,,,2024-03-15,1," >expect &&
	test_cmp expect actual
'

test_case '--summary: one row per milestone and village, with how many are missing' '
	seed &&
	milestone M1 院坝会全覆盖 2024-03-15 courtyard group &&
	milestone M2 村民会议 2024-03-15 assembly village &&
	meeting 2024-03-10 courtyard 甲村 1组 &&
	meeting 2024-03-15 courtyard 乙村 3组 &&
	meeting 2024-03-15 assembly 甲村 &&
	check 0 --today 2024-03-15 --summary &&
	test_empty actual &&
	check 1 --today 2024-03-16 --summary &&
	lines "$SUMMARY_HEADER" \
		"meeting_missing,M1,院坝会全覆盖,2,乙村,,,2024-03-15,1," \
		"meeting_missing,M1,院坝会全覆盖,1,甲村,,,2024-03-15,1," \
		"meeting_missing,M2,村民会议,1,乙村,,,2024-03-15,1," >expect &&
	sorted_cmp expect actual &&
	check 1 --today 2024-03-16 --summary --village 甲村 &&
	lines "$SUMMARY_HEADER" \
		"meeting_missing,M1,院坝会全覆盖,1,甲村,,,2024-03-15,1," >expect &&
	test_cmp expect actual
'

test_case '--summary: the missing column holds counts, never a household number' '
	seed &&
	milestone M2 村民会议 2024-03-15 assembly village &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
	check 1 --today 2024-03-16 --summary &&
	awk -F, "NR > 1 && \$4 != \"\" && \$4 !~ /^[0-9]+\$/ { print; bad = 1 } END { exit bad }" actual &&
	expect_status 1 deadline-check -f jsonl --today 2024-03-16 --summary >out &&
	! grep "\"missing\":\"" out
'

# ---- 29 February ----

test_case '29 February: due 2024-02-29 is overdue on 2024-03-01, not on 2024-02-29' '
	seed &&
	add 2024-02-20 --title 闰日到期 --owner 王 --household H1 --due-date 2024-02-29 &&
	add 2024-02-26 --title 当场解决 --owner 李 --household H3 --resolved-on-spot --resolution 已修 &&
	check 1 --today 2024-02-28 --within 1 &&
	lines "$HEADER" \
		"issue_overdue,1,闰日到期,H1,甲村,1组,王,2024-02-29,-1,normal" \
		"feedback_overdue,2,当场解决,H3,乙村,1组,李,2024-02-29,-1,normal" >expect &&
	sorted_cmp expect actual &&
	check 0 --today 2024-02-29 &&
	test_empty actual &&
	check 1 --today 2024-03-01 &&
	lines "$HEADER" \
		"issue_overdue,1,闰日到期,H1,甲村,1组,王,2024-02-29,1,normal" \
		"feedback_overdue,2,当场解决,H3,乙村,1组,李,2024-02-29,1,normal" >expect &&
	sorted_cmp expect actual &&
	expect_status 64 deadline-check --today 2023-02-29 >out 2>err &&
	test_empty out &&
	grep_message "^deadline-check: --today: not a date" err
'

test_case '29 February: a meeting milestone due that day is missed on 1 March' '
	seed &&
	milestone M2 村民会议 2024-02-29 assembly village &&
	meeting 2024-02-29 assembly 甲村 &&
	check 0 --today 2024-02-29 &&
	test_empty actual &&
	check 1 --today 2024-03-01 &&
	lines "$HEADER" "meeting_missing,M2,村民会议,,乙村,,,2024-02-29,1," >expect &&
	test_cmp expect actual
'

# ---- order ----

test_case 'urgent before important before normal before minor, then most days overdue' '
	seed &&
	add 2024-03-01 --title 一般十天 --owner 王 --household H1 --due-date 2024-03-10 --urgency normal &&
	add 2024-03-01 --title 重要两天 --owner 王 --household H2 --due-date 2024-03-18 --urgency important &&
	add 2024-03-01 --title 紧急一天 --owner 李 --household H3 --due-date 2024-03-19 --urgency urgent &&
	add 2024-03-01 --title 重要五天 --owner 李 --household H4 --due-date 2024-03-15 --urgency 重要 &&
	add 2024-02-01 --title 次要十九天 --owner 王 --household H5 --due-date 2024-03-01 --urgency minor &&
	add 2024-03-01 --title 紧急八天 --owner 王 --village 甲村 --due-date 2024-03-12 --urgency 紧急 &&
	add 2024-03-05 --title 反馈十二天 --owner 李 --village 乙村 --resolved-on-spot --resolution 已修 &&
	check 1 --today 2024-03-20 &&
	lines "$HEADER" \
		"issue_overdue,6,紧急八天,,甲村,,王,2024-03-12,8,urgent" \
		"issue_overdue,3,紧急一天,H3,乙村,1组,李,2024-03-19,1,urgent" \
		"issue_overdue,4,重要五天,H4,乙村,2组,李,2024-03-15,5,important" \
		"issue_overdue,2,重要两天,H2,甲村,2组,王,2024-03-18,2,important" \
		"feedback_overdue,7,反馈十二天,,乙村,,李,2024-03-08,12,normal" \
		"issue_overdue,1,一般十天,H1,甲村,1组,王,2024-03-10,10,normal" \
		"issue_overdue,5,次要十九天,H5,乙村,3组,王,2024-03-01,19,minor" >expect &&
	test_cmp expect actual
'

test_case 'days left count as negative days overdue: the nearest comes first' '
	seed &&
	add 2024-03-01 --title 后天 --owner 王 --household H1 --due-date 2024-03-22 &&
	add 2024-03-01 --title 明天 --owner 王 --household H2 --due-date 2024-03-21 &&
	add 2024-03-01 --title 昨天 --owner 王 --household H3 --due-date 2024-03-19 &&
	check 1 --today 2024-03-20 --within 2 &&
	lines "$HEADER" \
		"issue_overdue,3,昨天,H3,乙村,1组,王,2024-03-19,1,normal" \
		"issue_overdue,2,明天,H2,甲村,2组,王,2024-03-21,-1,normal" \
		"issue_overdue,1,后天,H1,甲村,1组,王,2024-03-22,-2,normal" >expect &&
	test_cmp expect actual
'

# ---- choosing ----

# mixed: two owners, two villages, three kinds (today 2024-03-20)
mixed() {
	store_cache mixed '
		seed &&
		add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
		add 2024-03-01 --title 修渠 --owner 李 --household H3 --due-date 2024-03-12 &&
		add 2024-03-01 --title 咨询 --owner 王 --village 乙村 --resolved-on-spot --resolution 已答复 &&
		milestone M2 村民会议 2024-03-15 assembly village'
}

test_case '--owner: only that owner'$SQ's items; a missed meeting has no owner' '
	mixed &&
	check 1 --today 2024-03-20 --owner 王 &&
	lines "$HEADER" \
		"feedback_overdue,3,咨询,,乙村,,王,2024-03-04,16,normal" \
		"issue_overdue,1,修路,H1,甲村,1组,王,2024-03-10,10,normal" >expect &&
	test_cmp expect actual &&
	check 0 --today 2024-03-20 --owner 赵 &&
	test_empty actual
'

test_case '--village: only that village'$SQ's items, meetings included' '
	mixed &&
	check 1 --today 2024-03-20 --village 乙村 &&
	lines "$HEADER" \
		"feedback_overdue,3,咨询,,乙村,,王,2024-03-04,16,normal" \
		"issue_overdue,2,修渠,H3,乙村,1组,李,2024-03-12,8,normal" \
		"meeting_missing,M2,村民会议,,乙村,,,2024-03-15,5," >expect &&
	test_cmp expect actual &&
	check 65 --today 2024-03-20 --village 丙村 &&
	test_empty actual &&
	echo "deadline-check: no village \"丙村\"; did you mean 乙村, 甲村?" >expect &&
	test_cmp expect err
'

test_case '--kind chooses kinds, and may be given more than once' '
	mixed &&
	check 1 --today 2024-03-20 --kind issue_overdue &&
	lines "$HEADER" \
		"issue_overdue,1,修路,H1,甲村,1组,王,2024-03-10,10,normal" \
		"issue_overdue,2,修渠,H3,乙村,1组,李,2024-03-12,8,normal" >expect &&
	test_cmp expect actual &&
	check 1 --today 2024-03-20 --kind feedback_overdue --kind meeting_missing &&
	lines "$HEADER" \
		"feedback_overdue,3,咨询,,乙村,,王,2024-03-04,16,normal" \
		"meeting_missing,M2,村民会议,,乙村,,,2024-03-15,5," \
		"meeting_missing,M2,村民会议,,甲村,,,2024-03-15,5," >expect &&
	sorted_cmp expect actual &&
	check 1 --today 2024-03-20 --kind issue_overdue --owner 李 --village 乙村 &&
	lines "$HEADER" "issue_overdue,2,修渠,H3,乙村,1组,李,2024-03-12,8,normal" >expect &&
	test_cmp expect actual &&
	check 0 --today 2024-03-20 --kind revisit_due --kind promise_overdue &&
	test_empty actual
'

test_case 'an unknown --kind is a usage error: exit 64, nothing printed' '
	mixed &&
	check 64 --today 2024-03-20 --kind overdue &&
	test_empty actual &&
	grep_message "^deadline-check: --kind: unknown value \"overdue\"; expected one of: issue_overdue (issue overdue), feedback_overdue (feedback overdue), revisit_due (revisit due), promise_overdue (promise overdue), visit_missing (visit missing), meeting_missing (meeting missing), monitoring_case_overdue (monitoring case overdue), monitoring_unfollowed (monitoring unfollowed), loan_unsent (loan papers not sent), loan_unanswered (loan unanswered), returnee_uncontacted (returnee uncontacted), care_missing (care visit missing)$" err &&
	check 64 --today 2024-03-20 --kind issue_overdue --kind "" &&
	test_empty actual &&
	grep_message "^deadline-check: --kind: unknown value \"\"" err &&
	(zh_locale && check 64 --today 2024-03-20 --kind 逾期) &&
	test_empty actual &&
	grep_message "^deadline-check: --kind: 未知取值“逾期”；应为下列之一：issue_overdue" err &&
	grep_message "issue_overdue（问题办理逾期）" err
'

test_case '--kind takes a kind'$SQ's Chinese label as well as its code' '
	mixed &&
	check 1 --today 2024-03-20 --kind issue_overdue &&
	mv actual by_code &&
	check 1 --today 2024-03-20 --kind 问题办理逾期 &&
	test_cmp by_code actual &&
	(zh_locale && check 1 --today 2024-03-20 --kind 问题办理逾期 -f csv) &&
	test_cmp by_code actual
'

test_case 'other bad options are usage errors too: exit 64, nothing printed' '
	mixed &&
	for args in "--within -1" "--within x" "--within 3651" "--feedback-within -2" \
		"--group-by village" "--frobnicate" "-f xml" "extra"; do
		check 64 --today 2024-03-20 $args &&
		test_empty actual &&
		grep_message "^deadline-check: " err || return 1
	done
'

# ---- one section per owner ----

test_case '--group-by owner: in a table, one section per owner headed "== owner =="' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
	add 2024-03-01 --title 修渠 --owner 李 --household H3 --due-date 2024-03-18 --urgency urgent &&
	add 2024-03-01 --title 修桥 --owner 王 --village 甲村 --due-date 2024-03-15 --urgency important &&
	milestone M2 村民会议 2024-03-15 assembly village &&
	meeting 2024-03-12 assembly 甲村 &&
	expect_status 1 deadline-check -f table --group-by owner --today 2024-03-20 >out &&
	sed "s/ *\$//" out >actual &&
	cat >expect <<-\EOF &&
	== 李 ==
	kind           id  title  household  village  group  owner  due         days overdue  urgency
	-------------  --  -----  ---------  -------  -----  -----  ----------  ------------  -------
	issue overdue  2   修渠   H3         乙村     1组    李     2024-03-18             2  urgent

	== 王 ==
	kind           id  title  household  village  group  owner  due         days overdue  urgency
	-------------  --  -----  ---------  -------  -----  -----  ----------  ------------  ---------
	issue overdue  3   修桥              甲村            王     2024-03-15             5  important
	issue overdue  1   修路   H1         甲村     1组    王     2024-03-10            10  normal

	== (no owner) ==
	kind             id  title     household  village  group  owner  due         days overdue  urgency
	---------------  --  --------  ---------  -------  -----  -----  ----------  ------------  -------
	meeting missing  M2  村民会议             乙村                   2024-03-15             5
	EOF
	test_cmp expect actual
'

test_case 'a table ends its lines without white space, even when the last cell is empty' '
	seed &&
	milestone M2 村民会议 2024-03-15 assembly village &&
	meeting 2024-03-12 assembly 甲村 &&
	expect_status 1 deadline-check -f table --today 2024-03-20 >actual &&
	cat >expect <<-\EOF &&
	kind             milestone  milestone title  household  village  group  owner  due         days overdue  urgency
	---------------  ---------  ---------------  ---------  -------  -----  -----  ----------  ------------  -------
	meeting missing  M2         村民会议                    乙村                   2024-03-15             5
	EOF
	test_cmp expect actual
'

test_case '--group-by owner in CSV: no headings, the rows ordered by owner first' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
	add 2024-03-01 --title 修渠 --owner 李 --household H3 --due-date 2024-03-18 --urgency urgent &&
	add 2024-03-01 --title 修桥 --owner 王 --village 甲村 --due-date 2024-03-15 --urgency important &&
	check 1 --today 2024-03-20 --group-by owner &&
	lines "$HEADER" \
		"issue_overdue,2,修渠,H3,乙村,1组,李,2024-03-18,2,urgent" \
		"issue_overdue,3,修桥,,甲村,,王,2024-03-15,5,important" \
		"issue_overdue,1,修路,H1,甲村,1组,王,2024-03-10,10,normal" >expect &&
	test_cmp expect actual
'

# ---- nothing due, no store, nothing written ----

test_case 'a store with nothing due prints nothing in any format and exits 0' '
	seed &&
	check 0 --today 2024-03-20 &&
	test_empty actual &&
	add 2024-03-01 --title 将来 --owner 王 --household H1 --due-date 2024-04-30 &&
	add 2024-03-01 --title 已结 --owner 王 --household H2 --due-date 2024-03-10 &&
	update 2024-03-02 --id 2 --status resolved --resolution 已修 &&
	update 2024-03-03 --id 2 --status feedback_given --feedback 已告知 &&
	update 2024-03-04 --id 2 --status closed &&
	add 2024-03-01 --title 承诺 --owner 李 --household H3 --due-date 2024-03-05 &&
	update 2024-03-04 --id 3 --status closed_unresolved --reason 待立项 --promised-date 2024-12-31 &&
	milestone M2 村民会议 2024-03-15 assembly village &&
	meeting 2024-03-01 assembly 甲村 &&
	meeting 2024-03-02 assembly 乙村 &&
	for format in csv table json jsonl; do
		expect_status 0 deadline-check -f $format --today 2024-03-20 >out 2>err &&
		test_empty out &&
		test_empty err || return 1
	done &&
	expect_status 0 deadline-check -f table --group-by owner --summary --today 2024-03-20 >out 2>err &&
	test_empty out &&
	test_empty err
'

test_case 'a missing store: exit 66, a message, and no store is made' '
	check 66 --today 2024-03-20 &&
	test_empty actual &&
	grep_message "^deadline-check: .*renke.db: no such store" err &&
	test_path_is_missing "$RENKE_DB" &&
	check 66 -d nosuch.db --today 2024-03-20 &&
	grep_message "^deadline-check: nosuch.db: no such store" err &&
	test_path_is_missing nosuch.db
'

test_case 'deadline-check writes nothing to the store' '
	mixed &&
	add 2024-03-01 --kind dispute --title 纠纷 --owner 调委会 --village 甲村 --due-date 2024-03-30 &&
	update 2024-03-01 --id 4 --outcome success --revisit-in 5 &&
	store_dump >before &&
	check 1 --today 2024-03-20 &&
	check 1 --today 2024-03-20 --summary --group-by owner -f table &&
	check 1 --today 2024-03-20 --within 30 --feedback-within 1 -f json &&
	check 0 --today 2024-03-01 &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a failed write is exit 74, never 0 or 1' '
	mixed &&
	expect_status 74 deadline-check -f csv --today 2024-03-20 >/dev/full 2>err &&
	grep_message "^deadline-check: write error" err
'

# ---- scripts/deadline-mail ----

test_case 'deadline-mail: nothing due, no mail, exit 0' '
	seed &&
	add 2024-03-01 --title 修路 --owner 王 --household H1 --due-date 2024-03-10 &&
	fake_mail mailbin &&
	expect_status 0 env PATH="$PWD/mailbin:$PATH" deadline-mail -t office -- --today 2024-03-10 >out 2>err &&
	test_empty out &&
	test_empty err &&
	test_path_is_missing mails
'

test_case 'deadline-mail: something due, one mail to -t holding the list a section a kind' '
	mixed &&
	fake_mail mailbin &&
	expect_status 0 env PATH="$PWD/mailbin:$PATH" deadline-mail -t office@town -- --today 2024-03-20 >out 2>err &&
	test_empty out &&
	test_empty err &&
	{
		echo "== mail -s renke: due and overdue, 2024-03-20 office@town" &&
		sections --today 2024-03-20
	} >expect &&
	test_cmp expect mails &&
	grep -q "村民会议" mails &&
	grep -q "^== issue overdue: " mails
'

test_case 'deadline-mail -a: one more mail per listed owner, with only their rows' '
	mixed &&
	fake_mail mailbin &&
	lines owner,address 王,wang@town 李,li@town 赵,zhao@town >owners.csv &&
	expect_status 0 env PATH="$PWD/mailbin:$PATH" deadline-mail -t office -s 台账提醒 -a owners.csv -- --today 2024-03-20 >out 2>err &&
	test_empty out &&
	test_empty err &&
	{
		echo "== mail -s 台账提醒 office" &&
		sections --today 2024-03-20 &&
		echo "== mail -s 台账提醒: 王 wang@town" &&
		sections --owner 王 --today 2024-03-20 &&
		echo "== mail -s 台账提醒: 李 li@town" &&
		sections --owner 李 --today 2024-03-20
	} >expect &&
	test_cmp expect mails &&
	test $(grep -c "^== mail" mails) -eq 3 &&
	sed -n "/^== mail -s 台账提醒: 王/,/^== mail/p" mails >wang &&
	grep -q 修路 wang &&
	grep -q 咨询 wang &&
	! grep -q 修渠 wang &&
	! grep -q 村民会议 wang &&
	! grep -q zhao mails
'

test_case 'deadline-mail: no mail command, the list is appended to the -l log' '
	mixed &&
	no_mail_path nomail &&
	expect_status 0 env PATH="$PWD/nomail" "$TOP/scripts/deadline-mail" -t office -l "$PWD/deadlines.log" -- --today 2024-03-20 >out 2>err &&
	test_empty out &&
	test_empty err &&
	test_path_is_missing mails &&
	sed -n 1p deadlines.log >first &&
	grep -q "^== [0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9] renke: due and overdue, 2024-03-20 (for office)$" first &&
	{ sections --today 2024-03-20; echo; } >expect &&
	sed 1d deadlines.log >actual &&
	test_cmp expect actual &&
	expect_status 0 env PATH="$PWD/nomail" "$TOP/scripts/deadline-mail" -t office -l "$PWD/deadlines.log" -- --today 2024-03-20 &&
	test $(grep -c "^== .* renke: due and overdue, 2024-03-20 (for office)$" deadlines.log) -eq 2
'

test_case 'deadline-mail: deadline-check failing (no store) is exit 66 and no mail' '
	fake_mail mailbin &&
	expect_status 66 env PATH="$PWD/mailbin:$PATH" deadline-mail -t office -- --today 2024-03-20 >out 2>err &&
	test_empty out &&
	grep_message "^deadline-check: .*renke.db: no such store" err &&
	test_path_is_missing mails &&
	test_path_is_missing "$RENKE_DB" &&
	seed &&
	expect_status 64 env PATH="$PWD/mailbin:$PATH" deadline-mail -t office -- --kind nosuch >out 2>err &&
	grep_message "^deadline-check: --kind: unknown value" err &&
	test_path_is_missing mails
'

test_done
