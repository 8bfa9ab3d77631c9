#!/bin/sh
#
# issue-update: no event is dated before the one it follows; a deadline
# brought forward is no extension; a mediation that fails after a
# successful one reopens the dispute

. "$(dirname "$0")/lib.sh"

NOTHING="issue-update: 1 bad record; nothing was written"

# seed: a problem (1) and a dispute (2), both opened on 2022-11-10 and due
# 2022-12-10; the store's dump in ./before
seed() {
	example_households &&
	issue-add -q --today 2022-11-10 --title 饮水管道冻裂 --owner 王强 \
		--household HY0101001 --category water --due-date 2022-12-10 >/dev/null &&
	issue-add -q --today 2022-11-10 --kind dispute --title 宅基地边界纠纷 \
		--owner 李调解 --village 石门村 --group 3社 --due-date 2022-12-10 \
		--dispute-type neighbour --parties "张甲、李乙" >/dev/null &&
	store_dump >before
}

# refused N MESSAGE COMMAND...: COMMAND exits 65 with MESSAGE and the
# closing line, writes no issue, and the store is as ./before shows it
refused() {
	msg=$1
	shift
	expect_status 65 "$@" >out 2>err &&
	printf "%s\n" "issue-update: command line: $msg" "$NOTHING" >expect.err &&
	test_cmp expect.err err &&
	test_must_be_empty out &&
	store_dump >after &&
	test_cmp before after
}

test_case 'resolved, fed back, closed before the opening or the step before' '
	seed &&
	refused "--status: resolved_on 2022-11-01 is before opened_on 2022-11-10" \
		issue-update --today 2022-11-01 --id 1 --status resolved --resolution 已修复 &&
	refused "--status: in_progress 2022-11-09 is before opened_on 2022-11-10" \
		issue-update --today 2022-11-09 --id 1 --status in_progress &&
	issue-update -q --today 2022-11-20 --id 1 --status resolved --resolution 已修复 >/dev/null &&
	store_dump >before &&
	refused "--status: feedback_on 2022-10-01 is before resolved_on 2022-11-20" \
		issue-update --today 2022-10-01 --id 1 --status feedback_given --feedback 已告知 &&
	issue-update -q --today 2022-11-21 --id 1 --status feedback_given --feedback 已告知 >/dev/null &&
	store_dump >before &&
	refused "--status: closed_on 2022-09-01 is before feedback_on 2022-11-21" \
		issue-update --today 2022-09-01 --id 1 --status closed &&
	refused "--status: reopened 2022-11-15 is before feedback_on 2022-11-21" \
		issue-update --today 2022-11-15 --id 1 --status reopened --reason 又坏了 &&
	issue-update -q --today 2022-11-21 --id 1 --status closed >/dev/null
'

test_case 'a promise before the opening or the closing' '
	seed &&
	refused "--promised-date: promised_date 2022-11-01 is before opened_on 2022-11-10" \
		issue-update --today 2022-11-20 --id 1 --status closed_unresolved \
		--reason 需列入明年项目 --promised-date 2022-11-01 &&
	refused "--promised-date: promised_date 2022-11-15 is before closed_on 2022-11-20" \
		issue-update --today 2022-11-20 --id 1 --status closed_unresolved \
		--reason 需列入明年项目 --promised-date 2022-11-15 &&
	issue-update -q --today 2022-11-20 --id 1 --status closed_unresolved \
		--reason 需列入明年项目 --promised-date 2023-06-30 >/dev/null
'

test_case 'a mediation or a revisit before what it follows' '
	seed &&
	refused "--outcome: mediated_on 2022-11-01 is before opened_on 2022-11-10" \
		issue-update --today 2022-11-01 --id 2 --outcome success &&
	issue-update -q --today 2022-11-15 --id 2 --status resolved --resolution 签订调解协议 \
		--outcome success >/dev/null &&
	store_dump >before &&
	refused "--revisit-date: revisit_date 2022-11-12 is before mediated_on 2022-11-15" \
		issue-update --today 2022-12-15 --id 2 --finding stable --visitor 王强 \
		--revisit-date 2022-11-12
'

test_case 'a deadline brought forward is changed, not counted as an extension' '
	seed &&
	issue-update --today 2022-11-12 --id 1 --due-date 2022-11-30 --reason 赶在封冻前 \
		| cut -d , -f 1,10,12 >actual &&
	printf "%s\n" id,due_date,extensions 1,2022-11-30,0 >expect &&
	test_cmp expect actual &&
	issue-update --today 2022-11-13 --id 1 --due-date 2022-12-20 --reason 材料未到 \
		| cut -d , -f 1,10,12 >actual &&
	printf "%s\n" id,due_date,extensions 1,2022-12-20,1 >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select field, new from audit where entity_id = ${SQ}1${SQ} and field like ${SQ}%reason${SQ} order by seq" >actual &&
	printf "%s\n" "reason|赶在封冻前" "extension_reason|材料未到" >expect &&
	test_cmp expect actual
'

test_case 'a mediation that fails after a successful one reopens the dispute' '
	seed &&
	issue-update -q --today 2022-11-15 --id 2 --status resolved --resolution 签订调解协议 \
		--outcome success >/dev/null &&
	store_dump >before &&
	refused "--status: a mediation that fails after a successful one reopens the dispute by itself; give no status" \
		issue-update --today 2022-11-20 --id 2 --outcome failed --status feedback_given --feedback 已告知 &&
	issue-update --today 2022-11-20 --id 2 --outcome failed | cut -d , -f 1,11 >actual &&
	printf "%s\n" id,status 2,reopened >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select status, mediation_outcome, mediated_on, coalesce(revisit_due, ${SQ}-${SQ}) from issue where id = 2" >actual &&
	echo "reopened|failed|2022-11-20|-" >expect &&
	test_cmp expect actual
'

test_case 'a failed mediation after a successful one, closed unresolved since' '
	seed &&
	issue-update -q --today 2022-11-15 --id 2 --status resolved --resolution 签订调解协议 \
		--outcome success >/dev/null &&
	issue-update -q --today 2022-11-16 --id 2 --status reopened --reason 又起争执 >/dev/null &&
	issue-update -q --today 2022-11-17 --id 2 --status closed_unresolved --reason 待司法确认 \
		--promised-date 2023-01-31 >/dev/null &&
	store_dump >before &&
	refused "--outcome: issue 2 is closed_unresolved after a successful mediation, and cannot be reopened; record the outcome once the issue moves on" \
		issue-update --today 2022-11-20 --id 2 --outcome failed
'

test_done
