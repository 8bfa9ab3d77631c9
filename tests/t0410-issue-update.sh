#!/bin/sh
#
# issue-update: the lifecycle, deadlines, notes, mediation and revisits;
# every refused move and bad input with its exact message, exit status
# and an unchanged store

. "$(dirname "$0")/lib.sh"

SQ="'"

# header line of issue-update -f csv (the columns of issue-add)
ISSUE_HEADER=id,kind,category,title,urgency,village,village_group,household_id,owner,due_date,status,extensions
TRY="Try ${SQ}issue-update -h${SQ} for more information."
NOTHING="issue-update: 1 bad record; nothing was written"

# the moves the lifecycle allows from each status, as messages name them
W="withdrawn (withdrawn)"
MOVES_open="in_progress (in progress), resolved (resolved), closed_unresolved (closed, promised), $W"
MOVES_in_progress="resolved (resolved), closed_unresolved (closed, promised), $W"
MOVES_resolved="feedback_given (feedback given), reopened (reopened), $W"
MOVES_feedback_given="closed (closed), reopened (reopened), $W"
MOVES_closed="reopened (reopened), $W"
MOVES_reopened="in_progress (in progress), resolved (resolved), closed_unresolved (closed, promised), $W"
MOVES_closed_unresolved="resolved (resolved), $W"

# seed: the example households and two issues opened on 2022-11-01:
# 1, a problem (urgent, due 2022-11-08), and 2, a dispute; the store's
# dump in ./before
seed() {
	store_cache seed '
		household-add -q "$EXAMPLES/households.csv" &&
		issue-add -q --today 2022-11-01 --title 自来水停水三天 --owner 王强 \
			--household HY0101001 --category water --urgency urgent >/dev/null &&
		issue-add -q --today 2022-11-01 --kind dispute --title 宅基地边界纠纷 \
			--owner 李调解 --village 石门村 --group 3社 --dispute-type neighbour \
			--parties "张甲、李乙" >/dev/null' &&
	store_dump >before
}

# bring ID STATUS: move issue ID from open to STATUS along the lifecycle,
# then keep the store's dump in ./before
bring() {
	u="issue-update -q --today 2022-11-05 --id $1"
	case $2 in
	open) ;;
	in_progress) $u --status in_progress ;;
	resolved) $u --status resolved --resolution 已修复 ;;
	feedback_given)
		$u --status resolved --resolution 已修复 &&
		$u --status feedback_given --feedback 已电话告知 ;;
	closed)
		$u --status resolved --resolution 已修复 &&
		$u --status feedback_given --feedback 已电话告知 &&
		$u --status closed ;;
	reopened)
		$u --status resolved --resolution 已修复 &&
		$u --status reopened --reason 又坏了 ;;
	closed_unresolved)
		$u --status closed_unresolved --reason 需列入明年项目 --promised-date 2023-06-30 ;;
	*) echo "bring: no such status $2" >&2; false ;;
	esac >/dev/null &&
	status_is "$1" "$2" &&
	store_dump >before
}

# status_is ID STATUS: issue ID has STATUS in the store
status_is() {
	echo "$2" >expect.status &&
	sqlite3 "$RENKE_DB" "select status from issue where id = $1" >actual.status &&
	test_cmp expect.status actual.status
}

# no_records FILE: FILE (standard output) holds no issue, at most a header
no_records() {
	sed 1d "$1" >records.left &&
	if [ -s records.left ]; then
		echo "records written for changes that were not made:" >&2
		cat records.left >&2
		false
	fi
}

# audit_of ID: field|old|new of every audit row of issue ID, in order
audit_of() {
	sqlite3 "$RENKE_DB" "select field, coalesce(old, ${SQ}${SQ}), new from audit where entity = ${SQ}issue${SQ} and entity_id = ${SQ}$1${SQ} order by seq"
}

# ---- the lifecycle ----

test_case 'the whole life: open, in progress, resolved, fed back, closed' '
	seed &&
	issue-update --today 2022-11-02 --id 1 --status in_progress >out 2>err &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,water,自来水停水三天,urgent,后叶村,1社,HY0101001,王强,2022-11-08,in_progress,0"
	} >expect &&
	test_cmp expect out &&
	err_is err "issue-update: 1 changes read: added 0, updated 1, unchanged 0, differ 0, bad 0" &&
	issue-update --today 2022-11-06 --id 1 --status resolved --resolution 更换水泵 >out &&
	issue-update --today 2022-11-07 --id 1 --status feedback_given --feedback 电话告知户主 >out &&
	issue-update --today 2022-11-08 --id 1 --status closed >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,water,自来水停水三天,urgent,后叶村,1社,HY0101001,王强,2022-11-08,closed,0"
	} >expect &&
	test_cmp expect out &&
	sqlite3 "$RENKE_DB" "select status, resolution, resolved_on, feedback, feedback_on, closed_on from issue where id = 1" >actual &&
	echo "closed|更换水泵|2022-11-06|电话告知户主|2022-11-07|2022-11-08" >expect &&
	test_cmp expect actual &&
	audit_of 1 >actual &&
	{
		echo "status||open" &&
		echo "owner||王强" &&
		echo "due_date||2022-11-08" &&
		echo "status|open|in_progress" &&
		echo "status|in_progress|resolved" &&
		echo "resolution||更换水泵" &&
		echo "resolved_on||2022-11-06" &&
		echo "status|resolved|feedback_given" &&
		echo "feedback||电话告知户主" &&
		echo "feedback_on||2022-11-07" &&
		echo "status|feedback_given|closed" &&
		echo "closed_on||2022-11-08"
	} >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select who, command, count(*) from audit where entity = ${SQ}issue${SQ} and entity_id = ${SQ}1${SQ} and command = ${SQ}issue-update${SQ} group by who, command" >actual &&
	echo "tester|issue-update|9" >expect &&
	test_cmp expect actual
'

test_case 'in_progress may be skipped; Chinese labels are taken' '
	seed &&
	issue-update -q --today 2022-11-02 --id 1 --status 已解决 --resolution 当天修好 >out &&
	status_is 1 resolved &&
	issue-update -q --today 2022-11-02 --id 1 --status 已反馈 --feedback 已告知 >out &&
	issue-update -q --today 2022-11-02 --id 1 --status 已销号 >out &&
	status_is 1 closed &&
	issue-update -q --today 2022-11-02 --id 2 --status 办理中 >out &&
	status_is 2 in_progress
'

test_case 'reopened from resolved, feedback_given and closed, with a reason' '
	for from in resolved feedback_given closed
	do
		rm -f "$RENKE_DB" "$RENKE_DB-wal" "$RENKE_DB-shm" &&
		seed &&
		bring 1 $from &&
		issue-update -q --today 2022-11-20 --id 1 --status reopened --reason 又停水了 >out &&
		status_is 1 reopened &&
		audit_of 1 | tail -n 2 >actual &&
		printf "status|%s|reopened\nreason||又停水了\n" $from >expect &&
		test_cmp expect actual || return 1
	done
'

test_case 'a reopened issue is worked again to the end' '
	seed &&
	bring 1 reopened &&
	issue-update -q --today 2022-11-21 --id 1 --status in_progress >out &&
	issue-update -q --today 2022-11-22 --id 1 --status resolved --resolution 更换整条管道 >out &&
	issue-update -q --today 2022-11-23 --id 1 --status feedback_given --feedback 上门告知 >out &&
	issue-update -q --today 2022-11-24 --id 1 --status closed >out &&
	status_is 1 closed &&
	sqlite3 "$RENKE_DB" "select resolution, resolved_on, closed_on from issue where id = 1" >actual &&
	echo "更换整条管道|2022-11-22|2022-11-24" >expect &&
	test_cmp expect actual
'

test_case 'closed_unresolved with a reason and a promised date, then resolved' '
	for from in open in_progress reopened
	do
		rm -f "$RENKE_DB" "$RENKE_DB-wal" "$RENKE_DB-shm" &&
		seed &&
		bring 1 $from &&
		issue-update --today 2022-11-20 --id 1 --status 承诺限期解决 --reason 需改造管网 \
			--promised-date 2023年6月30日 >out &&
		{
			echo "$ISSUE_HEADER" &&
			echo "1,problem,water,自来水停水三天,urgent,后叶村,1社,HY0101001,王强,2022-11-08,closed_unresolved,0"
		} >expect &&
		test_cmp expect out &&
		sqlite3 "$RENKE_DB" "select promised_date, closed_on from issue where id = 1" >actual &&
		echo "2023-06-30|2022-11-20" >expect &&
		test_cmp expect actual &&
		audit_of 1 | tail -n 4 >actual &&
		{
			echo "status|$from|closed_unresolved" &&
			echo "promised_date||2023-06-30" &&
			echo "closed_on||2022-11-20" &&
			echo "reason||需改造管网"
		} >expect &&
		test_cmp expect actual || return 1
	done &&
	issue-update -q --today 2023-06-01 --id 1 --status resolved --resolution 管网改造完成 >out &&
	status_is 1 resolved
'

# ---- every move the lifecycle does not allow ----

test_case 'every move not in the lifecycle is refused, naming the moves allowed' '
	for move in open:feedback_given open:closed open:reopened \
		in_progress:open in_progress:feedback_given in_progress:closed in_progress:reopened \
		resolved:open resolved:in_progress resolved:closed resolved:closed_unresolved \
		feedback_given:open feedback_given:in_progress feedback_given:resolved feedback_given:closed_unresolved \
		closed:open closed:in_progress closed:resolved closed:feedback_given closed:closed_unresolved \
		reopened:open reopened:feedback_given reopened:closed \
		closed_unresolved:open closed_unresolved:in_progress closed_unresolved:feedback_given \
		closed_unresolved:closed closed_unresolved:reopened
	do
		from=${move%:*} && to=${move#*:} &&
		store_cache "at-$from" "seed && bring 1 $from" &&
		store_dump >before &&
		expect_status 65 issue-update --today 2022-11-20 --id 1 --status $to >out 2>err &&
		eval "moves=\$MOVES_$from" &&
		err_is err "issue-update: command line: --status: issue 1 cannot go from $from to $to; from $from it may go to: $moves" \
			"$NOTHING" &&
		store_unchanged || return 1
	done
'

test_case 'open to feedback_given, closed or reopened, with what they would need' '
	seed &&
	expect_status 65 issue-update --today 2022-11-02 --id 1 --status feedback_given --feedback 已告知 >out 2>err &&
	err_is err "issue-update: command line: --status: issue 1 cannot go from open to feedback_given; from open it may go to: $MOVES_open" \
		"$NOTHING" &&
	expect_status 65 issue-update --today 2022-11-02 --id 1 --status closed >out 2>err &&
	err_is err "issue-update: command line: --status: issue 1 cannot go from open to closed; from open it may go to: $MOVES_open" \
		"$NOTHING" &&
	expect_status 65 issue-update --today 2022-11-02 --id 1 --status reopened --reason 不满意 >out 2>err &&
	err_is err "issue-update: command line: --status: issue 1 cannot go from open to reopened; from open it may go to: $MOVES_open" \
		"$NOTHING" &&
	store_unchanged
'

test_case 'resolved to in_progress, and closed to feedback_given' '
	seed &&
	bring 1 resolved &&
	expect_status 65 issue-update --today 2022-11-20 --id 1 --status in_progress >out 2>err &&
	err_is err "issue-update: command line: --status: issue 1 cannot go from resolved to in_progress; from resolved it may go to: $MOVES_resolved" \
		"$NOTHING" &&
	store_unchanged &&
	bring 2 closed &&
	expect_status 65 issue-update --today 2022-11-20 --id 2 --status feedback_given --feedback 再次告知 >out 2>err &&
	err_is err "issue-update: command line: --status: issue 2 cannot go from closed to feedback_given; from closed it may go to: $MOVES_closed" \
		"$NOTHING" &&
	store_unchanged
'

test_case 'a move to the status the issue has changes nothing; an unknown status is refused' '
	seed &&
	expect_status 0 issue-update --id 1 --status open >out 2>err &&
	test_must_be_empty out &&
	expect_status 0 issue-update --id 1 --status 待办 >out 2>err &&
	test_must_be_empty out &&
	expect_status 65 issue-update --id 1 --status finished >out 2>err &&
	err_is err "issue-update: command line: --status: unknown value \"finished\"; expected one of: open (open), in_progress (in progress), resolved (resolved), feedback_given (feedback given), closed (closed), reopened (reopened), closed_unresolved (closed, promised), withdrawn (withdrawn)" \
		"$NOTHING" &&
	store_unchanged
'

# ---- what a move needs ----

test_case 'resolved without a resolution' '
	seed &&
	expect_status 65 issue-update --today 2022-11-05 --id 1 --status resolved >out 2>err &&
	err_is err "issue-update: command line: --resolution: missing; say how the issue was resolved" "$NOTHING" &&
	printf "编号,状态,解决情况\n1,已解决,\n" >in.csv &&
	expect_status 65 issue-update --today 2022-11-05 in.csv >out 2>err &&
	err_is err "issue-update: in.csv:2: 解决情况: missing; say how the issue was resolved" "$NOTHING" &&
	store_unchanged
'

test_case 'reopened without a reason' '
	seed &&
	bring 1 feedback_given &&
	expect_status 65 issue-update --today 2022-11-20 --id 1 --status reopened >out 2>err &&
	err_is err "issue-update: command line: --reason: missing; say why the issue is reopened" "$NOTHING" &&
	store_unchanged
'

test_case 'closed_unresolved without a promised date, or without a reason' '
	seed &&
	expect_status 65 issue-update --today 2022-11-20 --id 1 --status closed_unresolved --reason 需改造管网 >out 2>err &&
	err_is err "issue-update: command line: --promised-date: closing an issue unresolved needs a reason and the date promised instead" \
		"$NOTHING" &&
	expect_status 65 issue-update --today 2022-11-20 --id 1 --status closed_unresolved --promised-date 2023-06-30 >out 2>err &&
	err_is err "issue-update: command line: --reason: closing an issue unresolved needs a reason and the date promised instead" \
		"$NOTHING" &&
	store_unchanged
'

test_case 'feedback_given without feedback' '
	seed &&
	bring 1 resolved &&
	expect_status 65 issue-update --today 2022-11-20 --id 1 --status feedback_given >out 2>err &&
	err_is err "issue-update: command line: --feedback: missing; say how the household was told" "$NOTHING" &&
	store_unchanged
'

test_case 'a reason or a promised date with nothing that takes it' '
	seed &&
	expect_status 65 issue-update --today 2022-11-20 --id 1 --reason 就是想说 >out 2>err &&
	err_is err "issue-update: command line: --reason: a reason goes with a new due date, a reopening, a closing unresolved or a withdrawal" \
		"$NOTHING" &&
	expect_status 65 issue-update --today 2022-11-20 --id 1 --promised-date 2023-06-30 >out 2>err &&
	err_is err "issue-update: command line: --promised-date: only when the status becomes closed_unresolved" \
		"$NOTHING" &&
	store_unchanged
'

test_case 'a resolution without a move to resolved is not silently dropped' '
	seed &&
	expect_status 65 issue-update --today 2022-11-20 --id 1 --resolution 已修复 >out 2>err &&
	grep_message "^issue-update: command line: --resolution: " err &&
	store_unchanged
'

# ---- deadlines ----

test_case 'a due date without a reason' '
	seed &&
	expect_status 65 issue-update --today 2022-11-05 --id 1 --due-date 2022-11-20 >out 2>err &&
	err_is err "issue-update: command line: --due-date: a new deadline needs a reason (--reason)" "$NOTHING" &&
	store_unchanged
'

test_case 'extensions are counted: two extensions show extensions 2' '
	seed &&
	issue-update --today 2022-11-05 --id 1 --due-date 2022-11-20 --reason 等材料 >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,water,自来水停水三天,urgent,后叶村,1社,HY0101001,王强,2022-11-20,open,1"
	} >expect &&
	test_cmp expect out &&
	issue-update --today 2022-11-18 --id 1 --due-date 2022年11月30日 --reason 水泵缺货 -f json >out.json &&
	jq -c ".[0] | [.id, .due_date, .extensions]" out.json >actual &&
	echo "[1,\"2022-11-30\",2]" >expect &&
	test_cmp expect actual &&
	audit_of 1 | tail -n 6 >actual &&
	{
		echo "due_date|2022-11-08|2022-11-20" &&
		echo "extensions|0|1" &&
		echo "extension_reason||等材料" &&
		echo "due_date|2022-11-20|2022-11-30" &&
		echo "extensions|1|2" &&
		echo "extension_reason||水泵缺货"
	} >expect &&
	test_cmp expect actual
'

test_case 'the same due date again is no extension' '
	seed &&
	issue-update -q --today 2022-11-05 --id 1 --due-date 2022-11-08 --reason 不变 >out &&
	no_records out &&
	store_unchanged
'

test_case 'a bad due date, promised date or revisit date' '
	seed &&
	expect_status 65 issue-update --id 1 --due-date 2022-11-31 --reason 等材料 >out 2>err &&
	err_is err "issue-update: command line: --due-date: not a date: \"2022-11-31\" (write 2022-11-01)" "$NOTHING" &&
	expect_status 65 issue-update --id 1 --status closed_unresolved --reason 需改造 --promised-date 明年 >out 2>err &&
	err_is err "issue-update: command line: --promised-date: not a date: \"明年\" (write 2022-11-01)" "$NOTHING" &&
	bring 2 resolved &&
	expect_status 65 issue-update --id 2 --finding stable --visitor 王强 --revisit-date 上周 >out 2>err &&
	err_is err "issue-update: command line: --revisit-date: not a date: \"上周\" (write 2022-11-01)" "$NOTHING" &&
	store_unchanged
'

test_case 'a due date before the issue was opened is refused' '
	seed &&
	expect_status 65 issue-update --today 2022-11-05 --id 1 --due-date 2022-10-01 --reason 录错了 >out 2>err &&
	grep_message "^issue-update: command line: --due-date: " err &&
	store_unchanged
'

# ---- owner, notes, feedback ----

test_case 'reassign: owner and owner_unit, audited with old and new' '
	seed &&
	issue-update --today 2022-11-03 --by 李霞 --id 1 --owner 赵六 --owner-unit 水务站 >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,water,自来水停水三天,urgent,后叶村,1社,HY0101001,赵六,2022-11-08,open,0"
	} >expect &&
	test_cmp expect out &&
	sqlite3 "$RENKE_DB" "select who, field, coalesce(old, ${SQ}-${SQ}), new from audit where entity = ${SQ}issue${SQ} and entity_id = ${SQ}1${SQ} and command = ${SQ}issue-update${SQ} order by seq" >actual &&
	{
		echo "李霞|owner|王强|赵六" &&
		echo "李霞|owner_unit|-|水务站"
	} >expect &&
	test_cmp expect actual &&
	store_dump >before &&
	issue-update --today 2022-11-04 --id 1 --owner 赵六 >out &&
	no_records out &&
	store_unchanged
'

test_case 'a progress note is kept with its date and author, and audited' '
	seed &&
	issue-update --today 2022-11-03 --by 李霞 --id 1 --note 已联系水厂上门 >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,water,自来水停水三天,urgent,后叶村,1社,HY0101001,王强,2022-11-08,open,0"
	} >expect &&
	test_cmp expect out &&
	sqlite3 "$RENKE_DB" "select issue_id, noted_on, who, note from issue_note" >actual &&
	echo "1|2022-11-03|李霞|已联系水厂上门" >expect &&
	test_cmp expect actual &&
	audit_of 1 | tail -n 1 >actual &&
	echo "note||已联系水厂上门" >expect &&
	test_cmp expect actual
'

test_case 'feedback told again, without a change of status, is audited' '
	seed &&
	bring 1 closed &&
	issue-update -q --today 2022-11-20 --id 1 --feedback 回访时再次说明 >out &&
	status_is 1 closed &&
	audit_of 1 | tail -n 1 >actual &&
	echo "feedback||回访时再次说明" >expect &&
	test_cmp expect actual
'

test_case 'a second resolution is audited with the first as its old value' '
	seed &&
	bring 1 reopened &&
	issue-update -q --today 2022-11-22 --id 1 --status resolved --resolution 更换整条管道 >out &&
	sqlite3 "$RENKE_DB" "select old, new from audit where entity = ${SQ}issue${SQ} and entity_id = ${SQ}1${SQ} and field = ${SQ}resolution${SQ} order by seq" >actual &&
	{
		echo "|已修复" &&
		echo "已修复|更换整条管道"
	} >expect &&
	test_cmp expect actual
'

# ---- disputes: mediation and revisits ----

test_case 'a successful mediation schedules a revisit 30 days later' '
	seed &&
	issue-update --today 2022-11-05 --id 2 --status resolved --resolution 签订调解协议 --outcome 调解成功 >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "2,dispute,other,宅基地边界纠纷,normal,石门村,3社,,李调解,2022-12-01,resolved,0"
	} >expect &&
	test_cmp expect out &&
	sqlite3 "$RENKE_DB" "select mediation_outcome, mediated_on, revisit_due from issue where id = 2" >actual &&
	echo "success|2022-11-05|2022-12-05" >expect &&
	test_cmp expect actual &&
	audit_of 2 | grep -E "^(mediation_outcome|mediated_on|revisit_due)\|" >actual &&
	printf "mediation_outcome||success\nmediated_on||2022-11-05\nrevisit_due||2022-12-05\n" >expect &&
	test_cmp expect actual
'

test_case '--revisit-in and revisit_in choose the days to the revisit' '
	seed &&
	issue-add -q --today 2022-11-01 --kind dispute --title 欠款纠纷 --owner 李调解 --village 石门村 >out &&
	issue-update -q --today 2022-11-05 --id 2 --outcome success --revisit-in 10 >out &&
	printf "id,outcome,revisit_in\n3,成功,45\n" >in.csv &&
	issue-update -q --today 2022-11-06 --revisit-in 10 in.csv >out &&
	sqlite3 "$RENKE_DB" "select id, revisit_due from issue where id in (2, 3) order by id" >actual &&
	printf "2|2022-11-15\n3|2022-12-21\n" >expect &&
	test_cmp expect actual
'

test_case 'a failed or referred mediation schedules no revisit' '
	seed &&
	issue-update -q --today 2022-11-05 --id 2 --outcome 转司法 >out &&
	sqlite3 "$RENKE_DB" "select mediation_outcome, mediated_on, coalesce(revisit_due, ${SQ}-${SQ}) from issue where id = 2" >actual &&
	echo "referred|2022-11-05|-" >expect &&
	test_cmp expect actual
'

test_case 'a stable revisit is recorded and is no longer due' '
	seed &&
	issue-update -q --today 2022-11-05 --id 2 --status resolved --resolution 签订调解协议 --outcome success >out &&
	issue-update --today 2022-12-05 --id 2 --finding 稳定 --visitor 王强 --note 双方相安无事 >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "2,dispute,other,宅基地边界纠纷,normal,石门村,3社,,李调解,2022-12-01,resolved,0"
	} >expect &&
	test_cmp expect out &&
	sqlite3 "$RENKE_DB" "select issue_id, visited_on, visitor, finding, notes from revisit" >actual &&
	echo "2|2022-12-05|王强|stable|双方相安无事" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select status, coalesce(revisit_due, ${SQ}-${SQ}) from issue where id = 2" >actual &&
	echo "resolved|-" >expect &&
	test_cmp expect actual
'

test_case 'a relapsed revisit reopens a resolved, fed back or closed dispute' '
	for from in resolved feedback_given closed
	do
		rm -f "$RENKE_DB" "$RENKE_DB-wal" "$RENKE_DB-shm" &&
		seed &&
		bring 2 $from &&
		issue-update -q --today 2022-11-20 --id 2 --outcome success >out &&
		issue-update --today 2022-12-20 --id 2 --finding relapsed --visitor 王强 \
			--revisit-date 2022-12-18 >out &&
		{
			echo "$ISSUE_HEADER" &&
			echo "2,dispute,other,宅基地边界纠纷,normal,石门村,3社,,李调解,2022-12-01,reopened,0"
		} >expect &&
		test_cmp expect out &&
		sqlite3 "$RENKE_DB" "select visited_on, finding from revisit" >actual &&
		echo "2022-12-18|relapsed" >expect &&
		test_cmp expect actual &&
		audit_of 2 | tail -n 4 >actual &&
		{
			echo "revisit||2022-12-18 王强 relapsed" &&
			echo "revisit_due|2022-12-20|" &&
			echo "status|$from|reopened" &&
			echo "reason||relapsed at the revisit"
		} >expect &&
		test_cmp expect actual || return 1
	done
'

test_case 'a mediation outcome on an issue that is not a dispute' '
	seed &&
	expect_status 65 issue-update --today 2022-11-05 --id 1 --outcome success >out 2>err &&
	err_is err "issue-update: command line: --outcome: issue 1 is not a dispute" "$NOTHING" &&
	store_unchanged
'

test_case 'a revisit of an issue that is not a dispute' '
	seed &&
	bring 1 resolved &&
	expect_status 65 issue-update --today 2022-11-05 --id 1 --finding stable --visitor 王强 >out 2>err &&
	err_is err "issue-update: command line: --finding: issue 1 is not a dispute" "$NOTHING" &&
	store_unchanged
'

test_case 'an unknown mediation outcome or revisit finding' '
	seed &&
	expect_status 65 issue-update --id 2 --outcome 和好 >out 2>err &&
	err_is err "issue-update: command line: --outcome: unknown value \"和好\"; expected one of: success (mediated), failed (not mediated), referred (referred to court)" \
		"$NOTHING" &&
	bring 2 resolved &&
	expect_status 65 issue-update --id 2 --finding 还行 --visitor 王强 >out 2>err &&
	err_is err "issue-update: command line: --finding: unknown value \"还行\"; expected one of: stable (stable), relapsed (relapsed)" \
		"issue-update: command line: --finding: a revisit needs its finding and visitor" \
		"$NOTHING" &&
	store_unchanged
'

test_case 'a revisit without its visitor, or without its finding' '
	seed &&
	bring 2 resolved &&
	expect_status 65 issue-update --today 2022-12-05 --id 2 --finding stable >out 2>err &&
	err_is err "issue-update: command line: --visitor: a revisit needs its finding and visitor" "$NOTHING" &&
	expect_status 65 issue-update --today 2022-12-05 --id 2 --visitor 王强 >out 2>err &&
	err_is err "issue-update: command line: --finding: a revisit needs its finding and visitor" "$NOTHING" &&
	store_unchanged
'

test_case 'relapsed on an open dispute, and relapsed with a status' '
	seed &&
	expect_status 65 issue-update --today 2022-12-05 --id 2 --finding relapsed --visitor 王强 >out 2>err &&
	err_is err "issue-update: command line: --finding: issue 2 is open; only a resolved, fed back or closed dispute can relapse" \
		"$NOTHING" &&
	store_unchanged &&
	bring 2 resolved &&
	expect_status 65 issue-update --today 2022-12-05 --id 2 --finding relapsed --visitor 王强 \
		--status reopened --reason 又吵了 >out 2>err &&
	err_is err "issue-update: command line: --status: a relapsed revisit reopens the dispute by itself; give no status" \
		"$NOTHING" &&
	store_unchanged
'

# ---- which issue ----

test_case 'an unknown id, or not a number' '
	seed &&
	expect_status 65 issue-update --id 99 --note 进展 >out 2>err &&
	err_is err "issue-update: command line: --id: no issue 99" "$NOTHING" &&
	expect_status 65 issue-update --id 一号 --note 进展 >out 2>err &&
	err_is err "issue-update: command line: --id: not an issue number: \"一号\"" "$NOTHING" &&
	expect_status 65 issue-update --id 0 --note 进展 >out 2>err &&
	err_is err "issue-update: command line: --id: not an issue number: \"0\"" "$NOTHING" &&
	printf "id,note\n,进展\n" >in.csv &&
	expect_status 65 issue-update in.csv >out 2>err &&
	err_is err "issue-update: in.csv:2: id: missing; which issue?" "$NOTHING" &&
	store_unchanged
'

test_case 'change options without --id, or with files: usage errors' '
	seed &&
	printf "id,note\n1,进展\n" >in.csv &&
	expect_status 64 issue-update --status resolved --resolution 已修复 >out 2>err &&
	err_is err "issue-update: which issue? give --id" "$TRY" &&
	expect_status 64 issue-update --id 1 --note 进展 in.csv >out 2>err &&
	err_is err "issue-update: give one change by options or changes in files, not both" "$TRY" &&
	expect_status 64 issue-update --id 2 --outcome success --revisit-in 0 >out 2>err &&
	err_is err "issue-update: --revisit-in: not a number of days from 1 to 3650" "$TRY" &&
	printf "id,outcome,revisit_in\n2,success,3651\n" >in.csv &&
	expect_status 65 issue-update in.csv >out 2>err &&
	err_is err "issue-update: in.csv:2: revisit_in: not a number of days from 1 to 3650" "$NOTHING" &&
	store_unchanged
'

test_case 'a missing store is not created' '
	expect_status 66 issue-update --id 1 --note 进展 >out 2>err &&
	err_is err "issue-update: $RENKE_DB: no such store (a command that writes creates it)" &&
	test_path_is_missing "$RENKE_DB"
'

# ---- changes from files ----

test_case 'updates from a CSV file of rows, with Chinese headers' '
	seed &&
	cat >in.csv <<-\EOF &&
	编号,状态,解决情况,进展,责任人,完成时限,原因
	1,办理中,,已联系水厂,,2022-11-15,水泵缺货
	2,,,,王调解,,
	EOF
	issue-update --today 2022-11-05 in.csv >out 2>err &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,water,自来水停水三天,urgent,后叶村,1社,HY0101001,王强,2022-11-15,in_progress,1" &&
		echo "2,dispute,other,宅基地边界纠纷,normal,石门村,3社,,王调解,2022-12-01,open,0"
	} >expect &&
	test_cmp expect out &&
	err_is err "issue-update: 2 changes read: added 0, updated 2, unchanged 0, differ 0, bad 0" &&
	sqlite3 "$RENKE_DB" "select issue_id, note from issue_note" >actual &&
	echo "1|已联系水厂" >expect &&
	test_cmp expect actual
'

test_case 'updates from JSON Lines; rows that change nothing are counted' '
	seed &&
	printf "%s\n" "{\"id\":1,\"status\":\"in_progress\"}" "{\"id\":2,\"owner\":\"李调解\"}" \
		"{\"id\":\"1\",\"note\":\"进展\"}" >in.jsonl &&
	issue-update --today 2022-11-05 -f jsonl in.jsonl >out 2>err &&
	err_is err "issue-update: 3 changes read: added 0, updated 2, unchanged 1, differ 0, bad 0" &&
	jq -c "[.id, .status]" out >actual &&
	printf "[1,\"in_progress\"]\n" >expect &&
	test_cmp expect actual
'

test_case 'every bad row is reported; nothing is changed, no record goes out' '
	seed &&
	cat >in.csv <<-\EOF &&
	id,status,resolution,note
	1,in_progress,,开始办理
	2,finished,,
	99,,,进展
	1,resolved,,
	EOF
	expect_status 65 issue-update --today 2022-11-05 in.csv >out 2>err &&
	err_is err \
		"issue-update: in.csv:3: status: unknown value \"finished\"; expected one of: open (open), in_progress (in progress), resolved (resolved), feedback_given (feedback given), closed (closed), reopened (reopened), closed_unresolved (closed, promised), withdrawn (withdrawn)" \
		"issue-update: in.csv:4: id: no issue 99" \
		"issue-update: in.csv:5: resolution: missing; say how the issue was resolved" \
		"issue-update: 3 bad records; nothing was written" &&
	store_unchanged &&
	no_records out
'

test_case 'an unknown column' '
	seed &&
	printf "id,心情\n1,好\n" >in.csv &&
	expect_status 65 issue-update in.csv >out 2>err &&
	err_is err "issue-update: in.csv:1: 心情: unknown column" &&
	store_unchanged
'

test_case '--dry-run changes nothing' '
	seed &&
	printf "id,status\n1,in_progress\n" >in.csv &&
	issue-update --dry-run in.csv >out 2>err &&
	err_is err "issue-update: dry run, nothing written: 1 changes read: would add 0, would update 1, unchanged 0, differ 0, bad 0" &&
	store_unchanged
'

test_done
