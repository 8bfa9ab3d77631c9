#!/bin/sh
#
# visit-log: logging visits, the good paths; the findings of --flagged

. "$(dirname "$0")/lib.sh"

SQ="'"
VISIT_HEADER=household_id,visit_date,visitor,visitor_role,round,food_clothing,education,medical,housing,drinking_water,income_stable,industry_link,risk_level,monitor_suggested,notes
FINDING_HEADER=kind,category,title,detail,urgency,village,village_group,household_id,reporter,owner,source,source_ref

# households: five households in two villages, in the store
households() {
	cat >households.csv <<-\EOF &&
	household_id,head_name,village,village_group,categories
	A1,王一,甲村,1组,脱贫户
	A2,王二,甲村,1组,低保户
	A3,王三,甲村,2组,监测户
	A4,王四,甲村,2组,一般农户
	B1,李一,乙村,1组,脱贫户、监测户
	EOF
	store_cache households 'household-add -q households.csv'
}

# example: the example township, its milestones and visits, in the store
example() {
	household-add -q "$EXAMPLES/households.csv" &&
	milestone-add -q "$EXAMPLES/milestones.csv" &&
	visit-log -q --today 2023-03-01 "$EXAMPLES/visits.csv"
}

# sql QUERY: the query's rows on the store
sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'imports the example visits (Chinese headings, 是/否/无)' '
	example_households &&
	visit-log --today 2023-03-01 "$EXAMPLES/visits.csv" 2>err &&
	grep_message "^visit-log: 1970 visits read: added 1970, updated 0, unchanged 0, differ 0, bad 0$" err &&
	echo 1970 >expect &&
	sql "SELECT count(*) FROM visit" >actual &&
	test_cmp expect actual &&
	echo "visit|created||1970" >expect &&
	sql "SELECT entity, field, old, new FROM audit WHERE entity = ${SQ}visit${SQ}" >actual &&
	test_cmp expect actual &&
	sql "SELECT file, who, command FROM visit_source" >actual &&
	echo "$EXAMPLES/visits.csv|tester|visit-log" >expect &&
	test_cmp expect actual
'

test_case 'the example visits: rounds, dates and codes as stored' '
	example_households &&
	visit-log -q --today 2023-03-01 "$EXAMPLES/visits.csv" &&
	cat >expect <<-\EOF &&
	2022-r1|504|2022-10-10|2022-11-04
	2022-r2|70|2022-11-05|2022-11-10
	2022-r3|279|2022-11-11|2022-11-21
	2023-r1|1117|2022-11-22|2023-02-28
	EOF
	sql "SELECT round, count(*), min(visit_date), max(visit_date) FROM visit GROUP BY round" >actual &&
	test_cmp expect actual &&
	sql "SELECT DISTINCT food_clothing FROM visit ORDER BY 1" >actual &&
	printf "no\nyes\n" >expect &&
	test_cmp expect actual &&
	sql "SELECT DISTINCT visitor_role FROM visit ORDER BY 1" >actual &&
	printf "%s\n" assistance_cadre county_leader first_secretary town_secretary \
		village_cadre village_secretary work_team >expect &&
	test_cmp expect actual &&
	echo 0 >expect &&
	sql "SELECT count(*) FROM visit WHERE visit_date NOT GLOB ${SQ}[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]${SQ}" >actual &&
	test_cmp expect actual
'

test_case 'importing the same visits again changes nothing' '
	example_households &&
	visit-log -q --today 2023-03-01 "$EXAMPLES/visits.csv" &&
	store_dump >before &&
	visit-log --today 2023-03-01 "$EXAMPLES/visits.csv" 2>err &&
	store_dump >after &&
	test_cmp before after &&
	grep_message "^visit-log: 1970 visits read: added 0, updated 0, unchanged 1970, differ 0, bad 0$" err
'

test_case 'one visit given by options: labels in, codes stored' '
	households &&
	visit-log --today 2022-11-01 --household A1 --date 2022年10月25日 \
		--visitor 张三 --role 帮扶干部 --round 2022-r1 --food-clothing 是 \
		--education 无 --medical √ --housing × --drinking-water 1 \
		--income-stable y --industry-link 否 --risk 中 --monitor 否 \
		--notes "房屋漏雨, 需维修" </dev/null 2>err &&
	grep_message "^visit-log: 1 visits read: added 1" err &&
	echo "A1|2022-10-25|张三|assistance_cadre|2022-r1|yes|na|yes|no|yes|yes|no|medium|0|房屋漏雨, 需维修|0|command line" >expect &&
	sql "SELECT household_id, visit_date, visitor, visitor_role, round, food_clothing, education, medical, housing, drinking_water, income_stable, industry_link, risk_level, monitor_suggested, notes, line, s.file FROM visit JOIN visit_source s ON s.id = source_id" >actual &&
	test_cmp expect actual
'

test_case 'answers as staff write them: 是/否/无, √/×, 1/0, y/n and the codes' '
	households &&
	{
		echo "household_id,visit_date,visitor,round,food_clothing,education,medical,housing,monitor_suggested" &&
		echo "A1,2022-10-25,甲,r1,是,否,无,不适用,是" &&
		echo "A1,2022-10-26,甲,r1,√,×,/,yes,否" &&
		echo "A1,2022-10-27,甲,r1,1,0,n/a,no,1" &&
		echo "A1,2022-10-28,甲,r1,y,N,NA,Y,0" &&
		echo "A1,2022-10-29,甲,r1,yes,no,na,,n"
	} >in.csv &&
	visit-log -q --today 2022-11-01 in.csv &&
	cat >expect <<-\EOF &&
	2022-10-25|yes|no|na|na|1
	2022-10-26|yes|no|na|yes|0
	2022-10-27|yes|no|na|no|1
	2022-10-28|yes|no|na|yes|0
	2022-10-29|yes|no|na||0
	EOF
	sql "SELECT visit_date, food_clothing, education, medical, housing, monitor_suggested FROM visit ORDER BY visit_date" >actual &&
	test_cmp expect actual
'

test_case 'dates as staff write them, and any day of the week' '
	households &&
	{
		echo "户编号,走访日期,走访人,轮次" &&
		echo "A1,2022/10/4,甲,r1" &&
		echo "A1,2022.10.5,甲,r1" &&
		echo "A1,20221006,甲,r1" &&
		echo "A1,2022年10月8日,甲,r1" &&
		echo "A1, 2022-10-09 ,甲,r1"
	} >in.csv &&
	visit-log -q --today 2022-11-01 in.csv &&
	printf "%s\n" 2022-10-04 2022-10-05 2022-10-06 2022-10-08 2022-10-09 >expect &&
	sql "SELECT visit_date FROM visit ORDER BY 1" >actual &&
	test_cmp expect actual
'

test_case 'a visit dated today is taken; --today decides what today is' '
	households &&
	printf "household_id,visit_date,visitor,round\nA1,2022-11-01,甲,r1\n" >in.csv &&
	visit-log -q --today 2022-11-01 in.csv &&
	echo 1 >expect &&
	sql "SELECT count(*) FROM visit" >actual &&
	test_cmp expect actual
'

test_case 'JSON Lines and a JSON array of visits' '
	households &&
	printf "%s\n" \
		"{\"household_id\":\"A1\",\"visit_date\":\"2022-10-25\",\"visitor\":\"甲\",\"round\":\"r1\",\"housing\":\"否\",\"monitor_suggested\":true}" \
		"{\"户编号\":\"A2\",\"走访日期\":\"2022-10-25\",\"走访人\":\"甲\",\"轮次\":\"r1\",\"risk_level\":null}" >in.jsonl &&
	cat >in.json <<-\EOF &&
	[
	  {"household_id": "A3", "visit_date": "2022-10-26", "visitor": "乙",
	   "round": "r1", "medical": 1, "notes": "ok"},
	  {"household_id": "B1", "visit_date": "20221027", "visitor": "乙", "round": "r1"}
	]
	EOF
	visit-log --today 2022-11-01 in.jsonl in.json 2>err &&
	grep_message "^visit-log: 4 visits read: added 4" err &&
	cat >expect <<-\EOF &&
	A1|2022-10-25|no|1||
	A2|2022-10-25||||
	A3|2022-10-26|||yes|ok
	B1|2022-10-27||||
	EOF
	sql "SELECT household_id, visit_date, housing, monitor_suggested, medical, notes FROM visit ORDER BY household_id" >actual &&
	test_cmp expect actual &&
	echo 2 >expect &&
	sql "SELECT count(*) FROM visit_source" >actual &&
	test_cmp expect actual
'

test_case 'two visitors on the same day are two visits' '
	households &&
	printf "household_id,visit_date,visitor,round\nA1,2022-10-25,甲,r1\nA1,2022-10-25,乙,r1\nA1,2022-10-26,甲,r1\n" >in.csv &&
	visit-log -q --today 2022-11-01 in.csv &&
	echo 3 >expect &&
	sql "SELECT count(*) FROM visit" >actual &&
	test_cmp expect actual
'

test_case 'a differing visit without --upsert is left alone and counted' '
	households &&
	printf "household_id,visit_date,visitor,round,housing\nA1,2022-10-25,甲,r1,是\nA2,2022-10-25,甲,r1,是\n" >first.csv &&
	printf "household_id,visit_date,visitor,round,housing\nA1,2022-10-25,甲,r1,否\nA2,2022-10-25,甲,r1,是\n" >second.csv &&
	visit-log -q --today 2022-11-01 first.csv &&
	store_dump >before &&
	visit-log --today 2022-11-01 second.csv 2>err &&
	store_dump >after &&
	test_cmp before after &&
	grep_message "^visit-log: 2 visits read: added 0, updated 0, unchanged 1, differ 1, bad 0$" err &&
	grep_message "^visit-log: 1 visits differ from the store and were left as they are; --upsert --reason WHY updates them$" err
'

test_case '--upsert updates the fields that differ and audits old and new' '
	households &&
	printf "household_id,visit_date,visitor,round,housing,risk_level\nA1,2022-10-25,甲,r1,是,低\n" >first.csv &&
	printf "household_id,visit_date,visitor,round,housing,risk_level,notes\nA1,2022-10-25,甲,r1,否,,漏雨\n" >second.csv &&
	visit-log -q --today 2022-11-01 first.csv &&
	visit-log --upsert --by 李霞 --reason 补记漏雨 --today 2022-11-01 second.csv 2>err &&
	grep_message "^visit-log: 1 visits read: added 0, updated 1, unchanged 0, differ 0, bad 0$" err &&
	echo "no|low|漏雨" >expect &&
	sql "SELECT housing, risk_level, notes FROM visit" >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	李霞|visit|A1:2022-10-25:甲|housing|yes|no
	李霞|visit|A1:2022-10-25:甲|notes||漏雨
	李霞|visit|A1:2022-10-25:甲|reason||补记漏雨
	EOF
	sql "SELECT who, entity, entity_id, field, old, new FROM audit WHERE entity = ${SQ}visit${SQ} AND field <> ${SQ}created${SQ} ORDER BY seq" >actual &&
	test_cmp expect actual
'

test_case '--dry-run checks and counts but writes nothing' '
	households &&
	store_dump >before &&
	printf "household_id,visit_date,visitor,round\nA1,2022-10-25,甲,r1\nA2,2022-10-25,甲,r1\n" >in.csv &&
	visit-log --dry-run --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: dry run, nothing written: 2 visits read: would add 2, would update 0, unchanged 0, differ 0, bad 0$" err &&
	store_dump >after &&
	test_cmp before after
'

# ---- the findings of --flagged ----

# flagged_visits: four visits, three of them flagged
flagged_visits() {
	{
		echo "$VISIT_HEADER" &&
		echo "A1,2022-10-25,张三,帮扶干部,2022-r1,是,无,是,是,是,是,是,无,否," &&
		echo "A2,2022-10-25,张三,帮扶干部,2022-r1,是,是,是,否,否,是,是,低,否,\"房屋漏雨, 需维修\"" &&
		echo "A3,2022-10-26,李四,村干部,2022-r1,是,无,是,是,是,是,无,高,是," &&
		echo "B1,2022-11-01,王五,驻村第一书记,2022-r1,是,否,是,是,是,是,是,中,否,"
	} >visits.csv
}

test_case '--flagged writes one issue record per flagged visit, in issue-add fields' '
	households &&
	flagged_visits &&
	visit-log -q --flagged --today 2022-11-01 visits.csv >out.csv &&
	cat >expect <<-EOF &&
	$FINDING_HEADER
	problem,housing,走访发现：住房安全未保障；饮水安全未保障,"2022-10-25，帮扶干部张三走访王二户（A2，轮次2022-r1）发现：住房安全未保障；饮水安全未保障。备注：房屋漏雨, 需维修",normal,甲村,1组,A2,张三,张三,visit,visit:A2:2022-10-25:张三
	problem,other,走访发现：有返贫风险（高）；建议纳入监测,2022-10-26，村干部李四走访王三户（A3，轮次2022-r1）发现：有返贫风险（高）；建议纳入监测。,urgent,甲村,2组,A3,李四,李四,visit,visit:A3:2022-10-26:李四
	problem,schooling,走访发现：义务教育未保障；有返贫风险（中）,2022-11-01，驻村第一书记王五走访李一户（B1，轮次2022-r1）发现：义务教育未保障；有返贫风险（中）。,important,乙村,1组,B1,王五,王五,visit,visit:B1:2022-11-01:王五
	EOF
	test_cmp expect out.csv &&
	echo 4 >expect &&
	sql "SELECT count(*) FROM visit" >actual &&
	test_cmp expect actual
'

test_case '--flagged: the category follows the failed check' '
	households &&
	{
		echo "household_id,visit_date,visitor,round,food_clothing,education,medical,housing,drinking_water,income_stable,industry_link" &&
		echo "A1,2022-10-01,甲,r1,否,,,,,," &&
		echo "A1,2022-10-02,甲,r1,,否,,,,," &&
		echo "A1,2022-10-03,甲,r1,,,否,,,," &&
		echo "A1,2022-10-04,甲,r1,,,,否,,," &&
		echo "A1,2022-10-05,甲,r1,,,,,否,," &&
		echo "A1,2022-10-06,甲,r1,,,,,,否," &&
		echo "A1,2022-10-07,甲,r1,,,,,,,否" &&
		echo "A1,2022-10-08,甲,r1,是,是,是,是,是,是,是"
	} >in.csv &&
	visit-log -q --flagged -f jsonl --today 2022-11-01 in.csv >out.jsonl &&
	jq -r "[.category, .title, .urgency] | join(\" \")" out.jsonl >actual &&
	cat >expect <<-\EOF &&
	other 走访发现：不愁吃穿未保障 normal
	schooling 走访发现：义务教育未保障 normal
	medical 走访发现：基本医疗未保障 normal
	housing 走访发现：住房安全未保障 normal
	water 走访发现：饮水安全未保障 normal
	jobs 走访发现：收入不稳定 normal
	jobs 走访发现：未建立产业利益联结 normal
	EOF
	test_cmp expect actual &&
	jq -r "keys_unsorted | join(\",\")" out.jsonl | sort -u >actual &&
	echo "$FINDING_HEADER" >expect &&
	test_cmp expect actual
'

test_case '--flagged on visits already logged writes their findings again' '
	households &&
	flagged_visits &&
	visit-log -q --today 2022-11-01 visits.csv &&
	store_dump >before &&
	visit-log --flagged --today 2022-11-01 visits.csv >out.csv 2>err &&
	store_dump >after &&
	test_cmp before after &&
	grep_message "4 visits read: added 0, updated 0, unchanged 4" err &&
	test_line_count 4 out.csv
'

test_case '--flagged writes nothing when a record is bad' '
	households &&
	flagged_visits &&
	echo "Z9,2022-10-25,张三,帮扶干部,2022-r1,否,,,,,,,,," >>visits.csv &&
	store_dump >before &&
	expect_status 65 visit-log --flagged --today 2022-11-01 visits.csv >out.csv 2>err &&
	grep_message "visits.csv:6: household_id: no household \"Z9\" in the store" err &&
	test ! -s out.csv &&
	store_dump >after &&
	test_cmp before after
'

test_case '--flagged --skip-bad writes the findings of the good records' '
	households &&
	flagged_visits &&
	echo "Z9,2022-10-25,张三,帮扶干部,2022-r1,否,,,,,,,,," >>visits.csv &&
	visit-log -q --flagged --skip-bad --rejects rejects.csv --today 2022-11-01 visits.csv >out.csv &&
	test_line_count 4 out.csv &&
	test_line_count 2 rejects.csv
'

test_case '--flagged --dry-run writes the findings and nothing to the store' '
	households &&
	flagged_visits &&
	store_dump >before &&
	visit-log -q --flagged --dry-run --today 2022-11-01 visits.csv >out.csv &&
	test_line_count 4 out.csv &&
	store_dump >after &&
	test_cmp before after
'

test_case '--flagged --since reads the findings from the store' '
	households &&
	flagged_visits &&
	visit-log -q --today 2022-11-01 visits.csv &&
	visit-log --flagged --since 2022-10-26 -f csv >out.csv </dev/null &&
	cut -d, -f 8,12 out.csv >actual &&
	cat >expect <<-\EOF &&
	household_id,source_ref
	A3,visit:A3:2022-10-26:李四
	B1,visit:B1:2022-11-01:王五
	EOF
	test_cmp expect actual &&
	visit-log --flagged --since 2022/11/2 -f csv >out.csv &&
	echo "$FINDING_HEADER" >expect &&
	test_cmp expect out.csv
'

test_case 'visit-log --flagged | issue-add: the findings become ledger entries' '
	households &&
	flagged_visits &&
	visit-log -q --flagged --today 2022-11-01 visits.csv |
		issue-add -q --today 2022-11-01 >/dev/null &&
	cat >expect <<-\EOF &&
	problem|housing|normal|A2|张三|visit|visit:A2:2022-10-25:张三
	problem|other|urgent|A3|李四|visit|visit:A3:2022-10-26:李四
	problem|schooling|important|B1|王五|visit|visit:B1:2022-11-01:王五
	EOF
	sql "SELECT i.kind, i.category, i.urgency, h.household_id, i.owner, i.source, i.source_ref FROM issue i JOIN household h ON h.id = i.household_ref ORDER BY i.source_ref" >actual &&
	test_cmp expect actual
'

test_case 'the pipe works whichever command starts first' '
	households &&
	flagged_visits &&
	# issue-add waits for its first record before it locks the store
	{ sleep 1 && visit-log -q --flagged --today 2022-11-01 visits.csv; } |
		issue-add -q --today 2022-11-01 >/dev/null &&
	echo 4 >expect &&
	sql "SELECT count(*) FROM visit" >actual &&
	test_cmp expect actual &&
	echo 3 >expect &&
	sql "SELECT count(*) FROM issue" >actual &&
	test_cmp expect actual
'

test_case 'the example visits through the pipe into issue-add' '
	example_households &&
	visit-log -q --flagged --today 2023-03-01 "$EXAMPLES/visits.csv" >findings.csv &&
	n=$(($(wc -l <findings.csv) - 1)) &&
	test "$n" -gt 100 &&
	visit-log -q --flagged --today 2023-03-01 "$EXAMPLES/visits.csv" |
		issue-add -q --today 2023-03-01 >/dev/null &&
	echo "$n" >expect &&
	: a finding of a household with an issue of its category open is noted on it &&
	sql "SELECT (SELECT count(*) FROM issue WHERE source = ${SQ}visit${SQ}) +
		(SELECT count(*) FROM issue_note)" >actual &&
	test_cmp expect actual &&
	test "$(sql "SELECT count(*) FROM (SELECT household_ref, category FROM issue
		WHERE source = ${SQ}visit${SQ} GROUP BY 1, 2 HAVING count(*) > 1)")" = 0
'

# ---- usage ----

test_case 'usage errors exit 64' '
	households &&
	printf "household_id,visit_date,visitor,round\nA1,2022-10-25,甲,r1\n" >in.csv &&
	expect_status 64 visit-log --household A1 --date 2022-10-25 --visitor 甲 --round r1 in.csv 2>err &&
	grep_message "give one visit by options or records in files, not both" err &&
	expect_status 64 visit-log --coverage in.csv 2>err &&
	grep_message "^visit-log: --coverage reads the store only" err &&
	expect_status 64 visit-log --missing 2>err &&
	grep_message "^visit-log: --milestone and --missing go with --coverage$" err &&
	expect_status 64 visit-log --since 2022-10-01 2>err &&
	grep_message "^visit-log: --since goes with --flagged$" err &&
	expect_status 64 visit-log --flagged --since 2022-10-01 in.csv 2>err &&
	grep_message "^visit-log: --flagged --since reads the store, not visits$" err &&
	expect_status 64 visit-log --flagged --since yesterday 2>err &&
	grep_message "^visit-log: --since: not a date: \"yesterday\"$" err &&
	expect_status 64 visit-log --today 2022-13-01 in.csv 2>err &&
	echo 0 >expect &&
	sql "SELECT count(*) FROM visit" >actual &&
	test_cmp expect actual
'

test_case 'visit-log -h prints the synopsis; -V the version' '
	visit-log -h >out &&
	grep "^usage: visit-log " out &&
	grep -- "--coverage" out &&
	visit-log -V >out &&
	grep "^visit-log (renke) " out
'

test_done
