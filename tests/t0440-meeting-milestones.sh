#!/bin/sh
# t0440-meeting-milestones.sh -- meeting-coverage milestones: set with
# milestone-add, missed meetings found by deadline-check, counted by report-gen
. "$(dirname "$0")/lib.sh"

test_case 'the work plan'"'"'s meeting milestones are taken, scope by kind' '
	example_households &&
	milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
	sqlite3 "$RENKE_DB" "SELECT milestone_id, kind, meeting_kind, scope,
		coalesce(round, ${SQ}-${SQ}), due_date FROM milestone ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	院坝会-2022|meeting_coverage|courtyard|group|-|2022-11-30
	恳谈会-2022|meeting_coverage|representatives|village|-|2022-11-30
	政策解读-2022|meeting_coverage|briefing|village|-|2022-11-30
	EOF
	test_cmp expect actual
'

test_case 'a meeting milestone without its meeting kind, or with a round, is refused' '
	example_households &&
	store_dump >before &&
	printf "milestone_id,title,kind,due_date\nm1,院坝会,meeting-coverage,2022-11-30\n" >a.csv &&
	expect_status 65 milestone-add a.csv 2>err &&
	grep_message "^milestone-add: a.csv:2: meeting_kind: missing; a meeting-coverage milestone names the kind of meeting$" err &&
	printf "milestone_id,title,kind,meeting_kind,round,due_date\nm1,院坝会,meeting-coverage,院坝会,2022-r1,2022-11-30\n" >b.csv &&
	expect_status 65 milestone-add b.csv 2>err &&
	grep_message "^milestone-add: b.csv:2: round: only a visit-coverage milestone has one$" err &&
	printf "milestone_id,title,kind,meeting_kind,scope,due_date\nm1,院坝会,meeting-coverage,院坝会,乡,2022-11-30\n" >c.csv &&
	expect_status 65 milestone-add c.csv 2>err &&
	grep_message "^milestone-add: c.csv:2: scope: unknown value \"乡\"" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'deadline-check finds the groups without a courtyard meeting, from the day after' '
	example_households &&
	milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
	meeting-log -q --kind 院坝会 --village 后叶村 --group 1社 --date 2022-11-20 >/dev/null &&
	expect_status 0 deadline-check --today 2022-11-30 --kind meeting_missing >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-12-01 --kind meeting_missing >out &&
	groups=$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM village_group") &&
	villages=$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM village") &&
	test_line_count $((1 + groups - 1 + 2 * villages)) out &&
	! grep -q "院坝会-2022,.*,后叶村,1社," out &&
	grep -q "院坝会-2022,.*,后叶村,2社," out
'

test_case 'report-gen counts the meetings held against those required' '
	example_households &&
	milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
	meeting-log -q --kind 院坝会 --village 后叶村 --group 1社 --date 2022-11-20 >/dev/null &&
	meeting-log -q --kind 恳谈会 --village 后叶村 --date 2022-11-21 >/dev/null &&
	meeting-log -q --kind 院坝会 --village 后叶村 --group 2社 --date 2022-12-05 >/dev/null &&
	report-gen --today 2022-12-10 --village 后叶村 summary -f csv >out &&
	groups=$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM village_group g JOIN village v
		ON v.id = g.village_id WHERE v.name = ${SQ}后叶村${SQ}") &&
	python3 - "$groups" <<-\EOF
	import csv, sys
	rows = list(csv.DictReader(open("out", encoding="utf-8")))
	row = [r for r in rows if r["village"] == "后叶村"][0]
	groups = int(sys.argv[1])
	# a courtyard meeting per group, a representatives meeting and a briefing
	assert row["meetings_required"] == str(groups + 2), row
	# 1社 by the date; 2社 too late; the representatives meeting in time
	assert row["meetings_held"] == "2", row
	EOF
'
test_done
