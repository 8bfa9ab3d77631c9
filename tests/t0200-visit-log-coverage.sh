#!/bin/sh
#
# visit-log --coverage: households due, visited and missing per village;
# --missing: the households themselves

. "$(dirname "$0")/lib.sh"

SQ="'"

# township: households, two milestones and visits chosen so that every
# rule of the definition shows
township() {
	cat >households.csv <<-\EOF &&
	household_id,head_name,village,village_group,categories
	A1,王一,甲村,1组,脱贫户
	A2,王二,甲村,1组,低保户
	A3,王三,甲村,2组,监测户
	A4,王四,甲村,2组,一般农户
	A5,王五,甲村,2组,脱贫户、低保户
	B1,李一,乙村,1组,脱贫户、监测户
	B2,李二,乙村,1组,特困户
	C1,赵一,丙村,,一般农户
	EOF
	cat >milestones.csv <<-\EOF &&
	milestone_id,title,kind,categories,round,due_date
	2022-11-01,脱贫户、低保户全覆盖走访,visit-coverage,脱贫户、低保户,2022-r1,2022-11-01
	2023-02-18,所有农户,visit-coverage,,2023-r1,2023-02-18
	EOF
	# A1 twice on time; A2 the day after the due date; A5 in another
	# round only; B1 on the due date; B2 (not due in 2022-r1) on time;
	# in 2023-r1 all but A3 and C1
	cat >visits.csv <<-\EOF &&
	household_id,visit_date,visitor,round
	A1,2022-10-25,甲,2022-r1
	A1,2022-11-01,乙,2022-r1
	A2,2022-11-02,甲,2022-r1
	A5,2022-10-25,甲,2022-r0
	B1,2022-11-01,丙,2022-r1
	B2,2022-10-18,丙,2022-r1
	A1,2022-12-06,甲,2023-r1
	A2,2022-12-06,甲,2023-r1
	A4,2023-01-10,甲,2023-r1
	A5,2023-02-18,甲,2023-r1
	B1,2023-01-10,丙,2023-r1
	B2,2023-01-10,丙,2023-r1
	A3,2023-02-21,乙,2023-r1
	EOF
	store_cache township '
		household-add -q households.csv &&
		milestone-add -q milestones.csv &&
		visit-log -q --today 2023-03-01 visits.csv'
}

test_case 'coverage per milestone and village, as CSV' '
	township &&
	visit-log --coverage >out.csv </dev/null &&
	cat >expect <<-\EOF &&
	milestone,village,due,visited,missing,late,percent
	2022-11-01,甲村,3,1,2,1,33.3
	2022-11-01,乙村,1,1,0,0,100.0
	2023-02-18,甲村,5,4,1,1,80.0
	2023-02-18,乙村,2,2,0,0,100.0
	2023-02-18,丙村,1,0,1,0,0.0
	EOF
	test_cmp expect out.csv
'

test_case 'coverage of one milestone' '
	township &&
	visit-log --coverage --milestone 2022-11-01 -f csv >out.csv &&
	cat >expect <<-\EOF &&
	milestone,village,due,visited,missing,late,percent
	2022-11-01,甲村,3,1,2,1,33.3
	2022-11-01,乙村,1,1,0,0,100.0
	EOF
	test_cmp expect out.csv
'

test_case 'the missing households, with their last visit of the round' '
	township &&
	visit-log --coverage --missing -f csv >out.csv &&
	cat >expect <<-\EOF &&
	milestone,village,village_group,household_id,head_name,categories,last_visit
	2022-11-01,甲村,1组,A2,王二,minimum_allowance,2022-11-02
	2022-11-01,甲村,2组,A5,王五,lifted;minimum_allowance,
	2023-02-18,甲村,2组,A3,王三,monitored,2023-02-21
	2023-02-18,丙村,,C1,赵一,ordinary,
	EOF
	test_cmp expect out.csv
'

test_case 'coverage as JSON: numbers are numbers' '
	township &&
	visit-log --coverage --milestone 2023-02-18 -f json >out.json &&
	jq -c ".[0]" out.json >actual &&
	echo "{\"milestone\":\"2023-02-18\",\"village\":\"甲村\",\"due\":5,\"visited\":4,\"missing\":1,\"late\":1,\"percent\":80}" >expect &&
	test_cmp expect actual &&
	visit-log --coverage -f jsonl >out.jsonl &&
	test_line_count 5 out.jsonl &&
	jq -r "[.due, .visited, .missing, .late] | map(type) | join(\",\")" out.jsonl | sort -u >actual &&
	echo "number,number,number,number" >expect &&
	test_cmp expect actual
'

test_case 'coverage as a table, with the labels of the locale' '
	township &&
	visit-log --coverage --missing --milestone 2022-11-01 -f table >out &&
	head -n 1 out | grep "^milestone  *village  *group  *household  *head  *categories  *last visit$" &&
	grep "^2022-11-01  甲村     2组    A5         王五  lifted;minimum allowance *$" out &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 visit-log --coverage --missing --milestone 2022-11-01 -f table >out.zh &&
	grep "A5  *王五  *脱贫户、低保户" out.zh
'

test_case 'a visit logged later changes the coverage; nothing else does' '
	township &&
	visit-log --coverage -f csv >before.csv &&
	visit-log --coverage --missing -f csv >/dev/null &&
	visit-log --coverage -f csv >again.csv &&
	test_cmp before.csv again.csv &&
	visit-log -q --today 2023-03-01 --household C1 --date 2023-02-14 --visitor 丁 --round 2023-r1 &&
	visit-log --coverage --milestone 2023-02-18 -f csv >after.csv &&
	grep "^2023-02-18,丙村,1,1,0,0,100.0$" after.csv
'

test_case 'coverage reads the store without writing it' '
	township &&
	store_dump >before &&
	visit-log --coverage >/dev/null &&
	visit-log --coverage --missing >/dev/null &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a milestone that is not in the store: a message, no output at all' '
	township &&
	store_dump >before &&
	for f in csv json jsonl markdown html xlsx table; do
		for missing in "" --missing; do
			expect_status 65 visit-log --coverage $missing -f $f \
				--milestone 2022-12-01 >out 2>err &&
			err_is err "visit-log: no milestone 2022-12-01 in the store; milestone-add adds milestones" &&
			test_must_be_empty out || return 1
		done
	done &&
	expect_status 65 visit-log --coverage --missing --bom --milestone 2022-12-01 >out 2>err &&
	test_must_be_empty out &&
	expect_status 65 visit-log --coverage -f xlsx -o cover.xlsx \
		--milestone 2022-12-01 2>err &&
	test_path_is_missing cover.xlsx &&
	test "$(ls -A | grep -c cover)" -eq 0 &&
	(zh_locale &&
	expect_status 65 visit-log --coverage -f html --milestone 2022-12-01 >out 2>err &&
	err_is err "visit-log: 数据库中没有时间节点2022-12-01；用milestone-add添加时间节点" &&
	test_must_be_empty out) &&
	store_unchanged
'

test_case 'coverage without a store' '
	expect_status 66 visit-log --coverage -d none.db 2>err &&
	grep_message "^visit-log: none.db: no such store" err
'

test_case 'coverage of the example township adds up' '
	example_households &&
	milestone-add -q "$EXAMPLES/milestones.csv" &&
	visit-log -q "$EXAMPLES/visits.csv" &&
	visit-log --coverage -f csv >out.csv &&
	awk -F, "NR > 1 { due[\$1] += \$3; seen[\$1] += \$4; miss[\$1] += \$5 }
		END { for (m in due) print m, due[m], seen[m], miss[m], due[m] - seen[m] == miss[m] }" out.csv |
		sort >actual &&
	household-list -f csv >list.csv &&
	all=$(($(wc -l <list.csv) - 1)) &&
	vulnerable=$(grep -c -E "lifted|monitored|minimum_allowance|serious_illness|extreme_poverty" list.csv) &&
	monitored=$(grep -c "monitored" list.csv) &&
	lifted_or_monitored=$(grep -c -E "lifted|monitored" list.csv) &&
	awk "{ print \$1, \$2 }" actual >due &&
	printf "%s %s\n" 2022-11-01 $vulnerable 2022-11-08 $monitored \
		2022-11-18 $lifted_or_monitored 2023-02-18 $all >expect &&
	test_cmp expect due &&
	awk "{ print \$5 }" actual | sort -u >ones &&
	echo 1 >expect &&
	test_cmp expect ones &&
	visit-log --coverage --missing -f csv >missing.csv &&
	echo $(($(wc -l <missing.csv) - 1)) >actual &&
	awk -F, "NR > 1 { n += \$5 } END { print n }" out.csv >expect &&
	test_cmp expect actual &&
	test "$(cat actual)" -gt 10
'

test_case 'more milestones than one pass counts: each as if it were alone' '
	township &&
	{
		echo milestone_id,title,kind,categories,round,due_date &&
		i=10 &&
		while [ $i -lt 50 ]; do
			# rounds 2022-r1 and 2023-r1 in turn, due dates moving
			# across the visits
			if [ $((i % 2)) -eq 0 ]; then
				echo "m$i,t,visit-coverage,,2022-r1,2022-10-$((i / 2 + 6))"
			else
				echo "m$i,t,visit-coverage,低保户,2023-r1,2023-01-$((i / 2 - 4))"
			fi
			i=$((i + 1))
		done
	} >many.csv &&
	milestone-add -q many.csv &&
	visit-log --coverage -f csv >all.csv &&
	test $(grep -c "^m" all.csv) -gt 40 &&
	for m in m10 m19 m31 m32 m33 m48 m49 2022-11-01 2023-02-18; do
		visit-log --coverage --milestone $m -f csv | sed 1d >one.csv &&
		grep "^$m," all.csv >from-all.csv &&
		test_cmp one.csv from-all.csv &&
		visit-log --coverage --missing --milestone $m -f csv | sed 1d >one.csv &&
		visit-log --coverage --missing -f csv | grep "^$m," >from-all.csv &&
		test_cmp one.csv from-all.csv || return 1
	done &&
	# m20: every household, round 2022-r1 by 2022-10-16: none visited,
	# A1, A2, B1 and B2 later; m45 (低保户 in 2023-r1 by 2023-01-18): A2
	# and A5, A2 visited, A5 later
	grep "^m20," all.csv >actual &&
	cat >expect <<-\EOF &&
	m20,甲村,5,0,5,2,0.0
	m20,乙村,2,0,2,2,0.0
	m20,丙村,1,0,1,0,0.0
	EOF
	test_cmp expect actual &&
	grep "^m45," all.csv >actual &&
	echo "m45,甲村,2,1,1,1,50.0" >expect &&
	test_cmp expect actual
'

test_done
