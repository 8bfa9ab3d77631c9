#!/bin/sh
#
# milestone-add: coverage milestones, good and bad; the unit tests of
# lib/visit.c, lib/milestone.c and lib/coverage.c

. "$(dirname "$0")/lib.sh"

SQ="'"
HEADER=milestone_id,title,kind,categories,round,due_date

# sql QUERY: the query's rows on the store
sql() {
	sqlite3 "$RENKE_DB" "$1"
}

# seed: the example milestones in the store, its dump in ./before
seed() {
	store_cache seed 'milestone-add -q "$EXAMPLES/milestones.csv"' &&
	store_dump >before
}

store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

test_case 'imports the four milestones of the work plan' '
	milestone-add "$EXAMPLES/milestones.csv" 2>err &&
	grep_message "^milestone-add: 4 milestones read: added 4, updated 0, unchanged 0, differ 0, bad 0$" err &&
	cat >expect <<-\EOF &&
	2022-11-01|visit_coverage|lifted;monitored;minimum_allowance;serious_illness;extreme_poverty|2022-r1|2022-11-01
	2022-11-08|visit_coverage|monitored|2022-r2|2022-11-08
	2022-11-18|visit_coverage|lifted;monitored|2022-r3|2022-11-18
	2023-02-18|visit_coverage||2023-r1|2023-02-18
	EOF
	sql "SELECT milestone_id, kind, categories, round, due_date FROM milestone ORDER BY due_date" >actual &&
	test_cmp expect actual &&
	sql "SELECT count(*) FROM audit WHERE entity = ${SQ}milestone${SQ} AND field = ${SQ}created${SQ}" >actual &&
	echo 4 >expect &&
	test_cmp expect actual
'

test_case 'importing the milestones again changes nothing' '
	seed &&
	milestone-add "$EXAMPLES/milestones.csv" 2>err &&
	grep_message "^milestone-add: 4 milestones read: added 0, updated 0, unchanged 4, differ 0, bad 0$" err &&
	store_unchanged
'

test_case 'one milestone given by options' '
	milestone-add --id 2022-12-31 --title "年底回访" --kind 走访覆盖 \
		--category 监测户 --category 低保户 --round 2022-r4 --due 2022/12/31 2>err &&
	grep_message "1 milestones read: added 1" err &&
	echo "2022-12-31|年底回访|visit_coverage|monitored;minimum_allowance|2022-r4|2022-12-31|command line:0" >expect &&
	sql "SELECT milestone_id, title, kind, categories, round, due_date, source FROM milestone" >actual &&
	test_cmp expect actual
'

test_case 'every household: no categories, or all, or 全部' '
	printf "%s\n" "$HEADER" "m1,t,,,r1,2022-12-01" "m2,t,,all,r1,2022-12-01" \
		"m3,t,visit_coverage,全部,r1,2022-12-01" >in.csv &&
	milestone-add -q in.csv &&
	printf "m1|\nm2|\nm3|\n" >expect &&
	sql "SELECT milestone_id, categories FROM milestone ORDER BY 1" >actual &&
	test_cmp expect actual
'

test_case 'Chinese column headings' '
	printf "节点编号,名称,户类型,轮次,截止日期\nm1,走访脱贫户,脱贫户,2022-r1,2022年11月1日\n" >in.csv &&
	milestone-add -q in.csv &&
	echo "m1|走访脱贫户|lifted|2022-r1|2022-11-01" >expect &&
	sql "SELECT milestone_id, title, categories, round, due_date FROM milestone" >actual &&
	test_cmp expect actual
'

test_case 'a changed milestone: differ, or --upsert and the audit log' '
	seed &&
	printf "%s\n" "$HEADER" "2022-11-08,新识别监测户信息采集,visit-coverage,监测户,2022-r2,2022-11-10" >in.csv &&
	milestone-add in.csv 2>err &&
	grep_message "differ 1, bad 0" err &&
	store_unchanged &&
	milestone-add --upsert --by 李霞 --reason 县里延期 in.csv 2>err &&
	grep_message "^milestone-add: 1 milestones read: added 0, updated 1, unchanged 0, differ 0, bad 0$" err &&
	cat >expect <<-\EOF &&
	李霞|2022-11-08|title|完成新识别监测户、风险消除户信息采集|新识别监测户信息采集
	李霞|2022-11-08|due_date|2022-11-08|2022-11-10
	李霞|2022-11-08|reason||县里延期
	EOF
	sql "SELECT who, entity_id, field, old, new FROM audit WHERE entity = ${SQ}milestone${SQ} AND field <> ${SQ}created${SQ} ORDER BY seq" >actual &&
	test_cmp expect actual
'

# ---- bad input: message, exit status, unchanged store ----

test_case 'a meeting-coverage milestone needs its meeting kind' '
	seed &&
	printf "%s\n" "$HEADER" "2022-11-30,院坝会,meeting-coverage,,,2022-11-30" >in.csv &&
	expect_status 65 milestone-add in.csv 2>err &&
	grep_message "^milestone-add: in.csv:2: meeting_kind: missing; a meeting-coverage milestone names the kind of meeting$" err &&
	store_unchanged
'

test_case 'a visit-coverage milestone without a round' '
	seed &&
	printf "%s\n" "$HEADER" "m1,t,visit-coverage,脱贫户,,2022-12-01" >in.csv &&
	expect_status 65 milestone-add in.csv 2>err &&
	grep_message "^milestone-add: in.csv:2: round: missing; a visit-coverage milestone counts the visits of one round, such as 2022-r1$" err &&
	store_unchanged
'

test_case 'an unknown category, kind, date; missing id and title' '
	seed &&
	printf "%s\n" "$HEADER" "m1,t,,贫困户,r1,2022-12-01" "m2,t,survey,,r1,2022-12-01" \
		"m3,t,,,r1,2022-12-32" ",t,,,r1,2022-12-01" "m5,,,,r1,2022-12-01" \
		"m6,t,,,r1," >in.csv &&
	expect_status 65 milestone-add in.csv 2>err &&
	grep_message "^milestone-add: in.csv:2: categories: unknown category \"贫困户\"; expected all, or some of: lifted (lifted)" err &&
	grep_message "^milestone-add: in.csv:3: kind: unknown value \"survey\"; expected one of: visit_coverage (visit coverage), meeting_coverage (meeting coverage), rule_delivery (rule delivery), care_coverage (care coverage)$" err &&
	grep_message "^milestone-add: in.csv:4: due_date: not a date: \"2022-12-32\"; write it as 2022-11-01$" err &&
	grep_message "^milestone-add: in.csv:5: milestone_id: missing; every milestone needs one, such as 2022-11-01$" err &&
	grep_message "^milestone-add: in.csv:6: title: missing; every milestone says what is due$" err &&
	grep_message "^milestone-add: in.csv:7: due_date: missing; every milestone has a due date$" err &&
	grep_message "^milestone-add: 6 bad records; nothing was written$" err &&
	store_unchanged
'

test_case 'the same milestone twice in one file' '
	seed &&
	printf "%s\n" "$HEADER" "m1,t,,,r1,2022-12-01" "m1,t,,,r1,2022-12-02" >in.csv &&
	expect_status 65 milestone-add in.csv 2>err &&
	grep_message "^milestone-add: in.csv:3: milestone_id: the same milestone is already on in.csv:2$" err &&
	store_unchanged
'

test_case 'a meeting kind or scope on a visit-coverage milestone' '
	seed &&
	printf "milestone_id,title,round,due_date,meeting_kind,scope\nm1,t,r1,2022-12-01,院坝会,group\n" >in.csv &&
	expect_status 65 milestone-add in.csv 2>err &&
	grep_message "^milestone-add: in.csv:2: meeting_kind: only a meeting-coverage milestone has one$" err &&
	grep_message "^milestone-add: in.csv:2: scope: only a meeting-coverage milestone has one$" err &&
	store_unchanged
'

test_case 'usage errors exit 64' '
	seed &&
	expect_status 64 milestone-add --id m1 --title t --round r1 --due 2022-12-01 "$EXAMPLES/milestones.csv" 2>err &&
	grep_message "give one milestone by options or records in files, not both" err &&
	expect_status 64 milestone-add --nonsense 2>err &&
	store_unchanged
'

test_done
