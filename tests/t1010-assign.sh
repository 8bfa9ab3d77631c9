#!/bin/sh
#
# assign: cadres assigned to households (包户) and villages (包村);
# household-list --cadre and deadline-check --owner/--cadre find their
# households, and a missing visit names the assigned cadre as its owner.

. "$(dirname "$0")/lib.sh"

# seed: households in two villages, a milestone; the store's dump in ./before
seed() {
	{
		echo "household_id,head_name,village,categories"
		echo "A1,张一,甲村,脱贫户"
		echo "A2,张二,甲村,监测户"
		echo "B1,李一,乙村,脱贫户"
	} >households.csv &&
	printf "milestone_id,title,categories,round,due_date\nm1,遍访,脱贫户;监测户,r1,2022-11-01\n" \
		>milestones.csv &&
	store_cache seed '
		household-add -q households.csv &&
		milestone-add -q milestones.csv' &&
	store_dump >before
}

store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

test_case 'a sheet of assignments: households and a village, Chinese roles' '
	seed &&
	{
		echo "干部,职务,户编号,村,开始日期,结束日期"
		echo "王平,帮扶干部,A1,,2022/10/1,"
		echo "周明,包户干部,A2,甲村,2022-10-01,2023-12-31"
		echo "李书记,村支书,,甲村,,"
		echo "陈书记,第一书记,,乙村,,"
	} >a.csv &&
	assign a.csv 2>err &&
	grep_message "^assign: 4 assignments read: added 4, updated 0, unchanged 0, differ 0, bad 0$" err &&
	sqlite3 "$RENKE_DB" "SELECT a.cadre, a.role, v.name, coalesce(a.household_id, \"-\"),
		coalesce(a.start_date, \"\"), coalesce(a.end_date, \"\")
		FROM assignment a JOIN village v ON v.id = a.village_id ORDER BY a.id" >actual &&
	cat >expect <<-\EOT &&
	王平|assistance_cadre|甲村|A1|2022-10-01|
	周明|assistance_cadre|甲村|A2|2022-10-01|2023-12-31
	李书记|village_secretary|甲村|-||
	陈书记|first_secretary|乙村|-||
	EOT
	test_cmp expect actual &&
	assign a.csv 2>err &&
	grep_message "added 0, updated 0, unchanged 4, differ 0, bad 0$" err
'

test_case 'household-list --cadre: the households assigned on the day, or by village' '
	seed &&
	assign -q --cadre 王平 --role 帮扶干部 --household A1 --from 2022-10-01 --until 2022-12-31 &&
	assign -q --cadre 李书记 --role 村支书 --village 甲村 &&
	household-list --today 2022-11-05 --cadre 王平 | cut -d, -f1 >actual &&
	printf "household_id\nA1\n" >expect &&
	test_cmp expect actual &&
	household-list --today 2022-11-05 --cadre 李书记 | cut -d, -f1 >actual &&
	printf "household_id\nA1\nA2\n" >expect &&
	test_cmp expect actual &&
	household-list --today 2023-01-01 --cadre 王平 | cut -d, -f1 >actual &&
	printf "household_id\n" >expect &&
	test_cmp expect actual
'

test_case 'deadline-check: a missing visit is owned by the assigned cadre' '
	seed &&
	assign -q --cadre 王平 --role 帮扶干部 --household A1 &&
	assign -q --cadre 李书记 --role 村支书 --village 甲村 &&
	assign -q --cadre 陈书记 --role 第一书记 --village 乙村 &&
	expect_status 1 deadline-check --today 2022-11-05 --kind visit_missing -f csv >out &&
	cut -d, -f4,7 out >actual &&
	printf "household_id,owner\nB1,陈书记\nA1,王平\nA2,李书记\n" >expect &&
	test_cmp expect actual &&
	expect_status 1 deadline-check --today 2022-11-05 --kind visit_missing --cadre 李书记 -f csv >out &&
	cut -d, -f4,7 out >actual &&
	printf "household_id,owner\nA2,李书记\n" >expect &&
	test_cmp expect actual &&
	expect_status 0 deadline-check --today 2022-11-05 --kind visit_missing --owner 无名 >out &&
	test_must_be_empty out
'

test_case 'dates: an end before the start is refused, new or changed' '
	seed &&
	expect_status 65 assign --cadre 王平 --role 帮扶干部 --household A1 --from 2022-10-01 --until 2022-09-30 2>err &&
	grep_message "^assign: command line: --until: 2022-09-30 is before the start date 2022-10-01$" err &&
	store_unchanged &&
	assign -q --cadre 王平 --role 帮扶干部 --household A1 --from 2022-10-01 &&
	store_dump >before &&
	expect_status 65 assign --upsert --cadre 王平 --role 帮扶干部 --household A1 --until 2022-09-01 2>err &&
	grep_message "--until: 2022-09-01 is before the start date 2022-10-01$" err &&
	store_unchanged &&
	assign --upsert --by 文书 --reason 结对延长 --cadre 王平 --role 帮扶干部 --household A1 --until 2023-06-30 2>err &&
	grep_message "updated 1," err &&
	sqlite3 "$RENKE_DB" "SELECT who, entity, entity_id, field, coalesce(old, \"\"), new
		FROM audit ORDER BY seq DESC LIMIT 2" >actual &&
	printf "%s\n" "文书|assignment|王平:assistance_cadre:A1|reason||结对延长" \
		"文书|assignment|王平:assistance_cadre:A1|end_date||2023-06-30" >expect &&
	test_cmp expect actual
'

test_case 'bad assignments: no cadre, unknown role, no place, wrong village; in Chinese too' '
	seed &&
	{
		echo "cadre,role,household_id,village"
		echo ",帮扶干部,A1,"
		echo "王平,队长,A1,"
		echo "王平,帮扶干部,,"
		echo "王平,帮扶干部,Z9,"
		echo "王平,帮扶干部,A1,乙村"
		echo "王平,村支书,,丙村"
	} >bad.csv &&
	expect_status 65 assign bad.csv 2>err &&
	grep_message "^assign: bad.csv:2: cadre: missing; every assignment names its cadre$" err &&
	grep_message "^assign: bad.csv:3: role: unknown value \"队长\"; expected one of: county_leader" err &&
	grep_message "^assign: bad.csv:4: household_id: missing; an assignment is to a household or, with village alone, a village$" err &&
	grep_message "^assign: bad.csv:5: household_id: no household \"Z9\" in the store" err &&
	grep_message "^assign: bad.csv:6: village: household A1 is not in 乙村$" err &&
	grep_message "^assign: bad.csv:7: village: no village \"丙村\" in the store; household-add registers villages; did you mean 乙村, 甲村?$" err &&
	store_unchanged &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 expect_status 65 assign bad.csv 2>err.zh &&
	grep_message "缺少；包保记录须写明干部" err.zh &&
	store_unchanged
'

test_case 'the same assignment twice in one sheet; options and files together' '
	seed &&
	printf "cadre,role,household_id\n王平,帮扶干部,A1\n王平,帮扶干部,A1\n" >twice.csv &&
	expect_status 65 assign twice.csv 2>err &&
	grep_message "^assign: twice.csv:3: the same assignment (cadre, role and household, village or area) is already on twice.csv:2$" err &&
	store_unchanged &&
	expect_status 64 assign --cadre 王平 twice.csv 2>err &&
	grep_message "give one assignment by options or records in files, not both" err &&
	store_unchanged
'

# bianfang: A1 (脱贫户) visited by the first secretary only, A2 (监测户)
# by the village secretary (from the assignment) and a cadre of no role
bianfang() {
	seed &&
	assign -q --cadre 李书记 --role 村支书 --village 甲村 &&
	assign -q --cadre 陈书记 --role 第一书记 --village 甲村 &&
	milestone-add -q --id bf --title 遍访 --category 脱贫户 --category 监测户 \
		--round 2022-bf --due 2022-11-30 --role 村支书 --role 第一书记 &&
	{
		echo "household_id,visit_date,visitor,visitor_role,round"
		echo "A1,2022-11-08,陈书记,,2022-bf"
		echo "A2,2022-11-08,李书记,,2022-bf"
		echo "A2,2022-11-15,王五,帮扶干部,2022-bf"
		echo "B1,2022-11-09,周六,村支书,2022-bf"
	} >v.csv &&
	visit-log -q --today 2022-12-01 v.csv
}

test_case '遍访 by role: visited by the first secretary only is missing for the village secretary' '
	bianfang &&
	visit-log --coverage -f csv --milestone bf >actual &&
	cat >expect <<-\EOT &&
	milestone,village,due,visited,missing,late,percent
	bf:village_secretary,甲村,2,1,1,0,50.0
	bf:village_secretary,乙村,1,1,0,0,100.0
	bf:first_secretary,甲村,2,1,1,0,50.0
	bf:first_secretary,乙村,1,0,1,0,0.0
	EOT
	test_cmp expect actual &&
	visit-log --coverage --missing -f csv --milestone bf | cut -d, -f1,4 >actual &&
	printf "milestone,household_id\nbf:village_secretary,A1\nbf:first_secretary,A2\nbf:first_secretary,B1\n" >expect &&
	test_cmp expect actual
'

test_case '遍访 by role: the missing visit is owned by the cadre of that role' '
	bianfang &&
	expect_status 1 deadline-check --today 2022-12-05 --kind visit_missing -f csv >out &&
	grep ",bf:" out | cut -d, -f2,4,7 >actual &&
	printf "bf:first_secretary,B1,\nbf:first_secretary,A2,陈书记\nbf:village_secretary,A1,李书记\n" >expect &&
	test_cmp expect actual
'

test_case 'milestone roles: unknown role refused; none on a meeting milestone' '
	seed &&
	expect_status 65 milestone-add --id bf --title 遍访 --round r --due 2022-11-30 --role 队长 2>err &&
	grep_message "^milestone-add: command line: roles: unknown value \"队长\"; expected one of: county_leader" err &&
	expect_status 65 milestone-add --id mm --title 院坝会 --kind meeting-coverage --meeting-kind 院坝会 --due 2022-11-30 --role 村支书 2>err &&
	grep_message "^milestone-add: command line: roles: only a visit-coverage milestone has one$" err &&
	store_unchanged
'

test_done
