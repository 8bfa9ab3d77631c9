#!/bin/sh
#
# report-gen history HOUSEHOLD: one household whole, oldest first, local
# times for people and ISO times for machines; report-gen changes: the
# audit log's changes grouped by record

. "$(dirname "$0")/lib.sh"

HEADER=date,at,kind,record,event,field,old,new,who,why

# one household's life: registered, corrected, visited (a finding, then
# nothing), an issue opened and moved, a survey answer; built once per
# file and copied
household_life() {
	store_cache household_life '
		household-add -q --by 李霞 --new-village --id HY0101990 --village 后叶村 --group 1社 \
		    --head 王测试 --id-number 50023519871125912X --phone 13800001111 &&
		household-add -q --upsert --by 张三 --reason 换了号码 --id HY0101990 --village 后叶村 \
		    --group 1社 --head 王测试 --id-number 50023519871125912X \
		    --phone 13900002222 --category 监测户 &&
		household-add -q --id HY0101991 --village 后叶村 --head 邻居 &&
		visit-log -q --household HY0101990 --date 2022-11-01 --visitor 邓丽福 \
		    --round r1 --role 帮扶干部 --housing no --risk high --notes 屋顶漏雨 &&
		visit-log -q --household HY0101990 --date 2022-11-08 --visitor 邓丽福 --round r1 &&
		visit-log -q --household HY0101991 --date 2022-11-03 --visitor 邓丽福 --round r1 &&
		issue-add -q --today 2022-11-02 --household HY0101990 --title 屋顶漏雨 \
		    --owner 王强 --category 住房 --source 走访 >/dev/null &&
		issue-add -q --today 2022-11-02 --household HY0101991 --title 邻家的事 \
		    --owner 王强 --category 住房 --source 走访 >/dev/null &&
		issue-update -q --today 2022-11-05 --id 1 --status in_progress \
		    --note 已联系施工队 >/dev/null &&
		issue-update -q --today 2022-11-06 --id 1 --due-date 2022-12-30 \
		    --reason 雨天停工 >/dev/null &&
		printf "%s\n%s\n%s\n" "受访人,村(社区),村民小组,户编号,调查日期,干部作风,政策知晓" \
		    "王测试,后叶村,1社,HY0101990,2022-11-25,不满意," \
		    "邻居,后叶村,1社,HY0101991,2022-11-25,满意,满意" >survey.csv &&
		survey-tally -q --save 2022-11 --today 2022-11-28 survey.csv >/dev/null'
}

# at SEQ: the audit log's time of row SEQ, as stored (UTC)
at() {
	sqlite3 "$RENKE_DB" "SELECT at FROM audit WHERE seq = $1"
}

# local_day UTC / local_time UTC: as the test computes them from TZ
local_day() {
	date -d "$1" +%Y-%m-%d
}
local_time() {
	date -d "$1" +%H:%M
}

test_case 'history HOUSEHOLD -f csv: its registration, changes, visits, issue, answers, in order' '
	household_life &&
	report-gen history HY0101990 -f csv >out &&
	reg=$(sqlite3 "$RENKE_DB" "SELECT s.at FROM household h JOIN household_source s
	    ON s.id = h.source_id WHERE h.household_id = ${SQ}HY0101990${SQ}") &&
	fix=$(sqlite3 "$RENKE_DB" "SELECT at FROM audit WHERE entity = ${SQ}household${SQ}
	    AND field = ${SQ}phone${SQ}") &&
	opened=$(sqlite3 "$RENKE_DB" "SELECT at FROM audit WHERE entity = ${SQ}issue${SQ}
	    AND entity_id = ${SQ}1${SQ} AND field = ${SQ}owner${SQ}") &&
	moved=$(sqlite3 "$RENKE_DB" "SELECT at FROM audit WHERE field = ${SQ}note${SQ}") &&
	later=$(sqlite3 "$RENKE_DB" "SELECT at FROM audit WHERE field = ${SQ}extensions${SQ}") &&
	cat >expect <<-EOF &&
	$HEADER
	$(local_day $reg),$reg,household,HY0101990,registered,,,王测试 后叶村 1社,李霞,
	2022-11-01,,visit,HY0101990,visited,r1,,housing: no; risk: high; 屋顶漏雨,邓丽福 (assistance_cadre),
	2022-11-02,,issue,1,opened,,,屋顶漏雨 (housing),,
	2022-11-08,,visit,HY0101990,visited,r1,,,邓丽福,
	2022-11-25,,survey,2022-11,answered,q_cadre,,dissatisfied,王测试,
	$(local_day $fix),$fix,household,HY0101990,changed,phone,138****1111,139****2222,张三,换了号码
	$(local_day $fix),$fix,household,HY0101990,changed,categories,,monitored,张三,换了号码
	$(local_day $opened),$opened,issue,1,changed,status,,open,tester,
	$(local_day $opened),$opened,issue,1,changed,owner,,王强,tester,
	$(local_day $opened),$opened,issue,1,changed,due_date,,2022-12-02,tester,
	$(local_day $moved),$moved,issue,1,changed,status,open,in_progress,tester,
	$(local_day $moved),$moved,issue,1,changed,note,,已联系施工队,tester,
	$(local_day $later),$later,issue,1,changed,due_date,2022-12-02,2022-12-30,tester,雨天停工
	$(local_day $later),$later,issue,1,changed,extensions,0,1,tester,雨天停工
	EOF
	test_cmp expect out
'

test_case 'history HOUSEHOLD: the registration first, then the rows in order of day and time written' '
	household_life &&
	report-gen history HY0101990 -f csv | sed 1d >rows &&
	: registered today, it still comes before the visits dated 2022 &&
	sed -n 1p rows | cut -d, -f3,5 >first &&
	echo household,registered >expect &&
	test_cmp expect first &&
	test "$(sed -n 2p rows | cut -d, -f1)" = 2022-11-01 &&
	sed 1d rows | cut -d, -f1,2 >order &&
	sort -s -t, -k1,1 -k2,2 order >sorted &&
	test_cmp sorted order &&
	report-gen history HY0101990 -f jsonl >out.jsonl &&
	jq -r ".at // empty" out.jsonl >times &&
	grep -c "^[0-9-]*T[0-9:]*Z$" times >n &&
	test "$(cat n)" -eq "$(wc -l <times)"
'

test_case 'history HOUSEHOLD -f table: local times, never UTC; Chinese words under zh_CN' '
	household_life &&
	report-gen history HY0101990 -f table >out &&
	! grep -q "[0-9]T[0-9]" out && ! grep -q "Z " out &&
	fix=$(sqlite3 "$RENKE_DB" "SELECT at FROM audit WHERE field = ${SQ}phone${SQ}") &&
	grep -q "^$(local_day $fix)  *$(local_time $fix)  *household record  *HY0101990  *changed  *phone  *138\*\*\*\*1111  *139\*\*\*\*2222  *张三  *换了号码$" out &&
	LC_ALL=zh_CN.UTF-8 report-gen history HY0101990 -f table >zh &&
	sed -n 1p zh | tr -s " " >heading &&
	echo "日期 时刻 类型 记录 事项 字段 原值 新值 操作人 原因" >expect &&
	test_cmp expect heading &&
	grep -q "^2022-11-01  *走访  *HY0101990  *已走访  *r1  *住房安全：否；风险等级：高；屋顶漏雨  *邓丽福 (帮扶干部)$" zh &&
	grep -q "户  *HY0101990  *建档  *王测试 后叶村 1社  *李霞$" zh &&
	grep -q "问题  *1  *修改  *完成时限  *2022-12-02  *2022-12-30  *tester  *雨天停工$" zh &&
	grep -q "电话调查  *2022-11  *回答  *干部作风  *不满意  *王测试$" zh &&
	grep -q "户类型  *监测户  *张三  *换了号码$" zh
'

test_case 'history HOUSEHOLD leaves other households out' '
	household_life &&
	report-gen history HY0101990 -f csv >out &&
	! grep -q "邻家的事\|HY0101991\|邻居" out &&
	report-gen history HY0101991 -f csv | sed 1d | cut -d, -f3,5 >actual &&
	printf "%s\n" household,registered issue,opened visit,visited survey,answered \
	    survey,answered issue,changed issue,changed issue,changed >expect &&
	test_cmp expect actual
'

test_case 'history HOUSEHOLD shows a suggestion raised for it at a meeting' '
	example_households &&
	sh "$EXAMPLES/ledger-life.sh" >ledger-life.log 2>&1 &&
	id=$(sqlite3 "$RENKE_DB" "SELECT i.id FROM issue i JOIN household h ON h.id = i.household_ref
	    WHERE i.meeting_id IS NOT NULL LIMIT 1") &&
	hh=$(sqlite3 "$RENKE_DB" "SELECT h.household_id FROM issue i JOIN household h
	    ON h.id = i.household_ref WHERE i.id = $id") &&
	expect=$(sqlite3 "$RENKE_DB" "SELECT i.opened_on || ${SQ},,issue,${SQ} || i.id ||
	    ${SQ},suggested,${SQ} || m.kind || ${SQ} ${SQ} || m.held_on || ${SQ},,${SQ} ||
	    i.title || ${SQ} (${SQ} || i.category || ${SQ})${SQ}
	    FROM issue i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = $id") &&
	report-gen history "$hh" -f csv >out &&
	grep -q "^$expect," out
'

test_case 'history HOUSEHOLD shows its members registered and changed, known by name' '
	household_life &&
	member-add -q --by 李霞 --household HY0101990 --id-number 500235201001011239 \
	    --name 王小明 --relation child &&
	member-add -q --upsert --by 张三 --reason 确诊大病 --household HY0101990 \
	    --id-number 500235201001011239 --name 王小明 --relation child \
	    --health 大病 &&
	report-gen history HY0101990 -f csv | cut -d, -f3- >out &&
	grep -q "^member,王小明,registered,,,王小明 (child),李霞,$" out &&
	grep -q "^member,王小明,changed,health,,serious_illness,张三,确诊大病$" out &&
	! grep -q 500235201001011239 out &&
	LC_ALL=zh_CN.UTF-8 report-gen history HY0101990 -f table >zh &&
	grep -q "成员  *王小明  *修改  *健康状况  *大病  *张三  *确诊大病$" zh
'

test_case 'history HOUSEHOLD shows its monitoring cases, opened on the day of their clue' '
	household_life &&
	case-open -q --today 2022-11-10 --household HY0101990 --clue visit \
	    --clue-on 2022-11-01 --recorder 邓丽福 >/dev/null &&
	case-open -q --today 2022-11-10 --household HY0101991 --clue visit \
	    --clue-on 2022-11-02 --recorder 邓丽福 >/dev/null &&
	report-gen history HY0101990 -f csv | sed 1,2d | cut -d, -f1,3- | sed -n 1,2p >actual &&
	printf "%s\n" "2022-11-01,visit,HY0101990,visited,r1,,housing: no; risk: high; 屋顶漏雨,邓丽福 (assistance_cadre)," \
	    "2022-11-01,case,1,opened,,,inclusion (visit),邓丽福," >expect &&
	test_cmp expect actual &&
	report-gen history HY0101990 -f csv >out &&
	! grep -q ",case,2," out &&
	LC_ALL=zh_CN.UTF-8 report-gen history HY0101990 -f table >zh &&
	grep -q "^2022-11-01  *监测对象认定  *1  *登记  *纳入监测 (走访发现)  *邓丽福$" zh
'

test_case 'history HOUSEHOLD shows the care visits and returnee contacts of its people, its selections and board entries' '
	household_life &&
	member-add -q --household HY0101990 --id-number 500235201001011239 \
	    --name 王小明 --relation child &&
	member-add -q --household HY0101991 --id-number 500235201001011247 \
	    --name 邻小红 --relation head &&
	care-log -q --id-number 500235201001011239 --date 2022-11-20 \
	    --visitor 李开丽 --role 村干部 --done 送学习用品 &&
	care-log -q --id-number 500235201001011247 --date 2022-11-21 \
	    --visitor 李开丽 --done 邻家的事 &&
	care-log -q --upsert --reason 记错了 --by 张三 --id-number 500235201001011239 \
	    --date 2022-11-20 --visitor 李开丽 --role 村干部 --done 送学习用品和书包 &&
	returnee-log -q --id-number 500235201001011239 --date 2022-11-15 \
	    --cadre 李开丽 --kind 回引人才 --said 介绍创业政策 --status 已联系 &&
	honour-add -q --kind 文明家庭 --level 村级 --year 2022 --household HY0101990 \
	    --nominated-by 后叶村1社 --basis 邻里互评 --basis-on 2022-11-20 \
	    --score 23.4 --evaluators 14 --selected-on 2022-12-01 &&
	board-step -q --today 2022-12-05 --board 光荣榜 --household HY0101990 \
	    --from 2022-12-10 --to 2023-03-09 --step 提名上榜 --date 2022-12-05 \
	    --source 评选 --who 李霞 &&
	report-gen history HY0101990 -f csv | cut -d, -f1,3- >out &&
	grep -q "^2022-11-15,returnee,王小明,contacted,,,contacted: 介绍创业政策,李开丽,$" out &&
	grep -q "^2022-11-20,care,王小明,visited,,,送学习用品和书包,李开丽 (village_cadre),$" out &&
	grep -q ",care,王小明,changed,done,送学习用品,送学习用品和书包,张三,记错了$" out &&
	grep -q "^2022-12-01,honour,HY0101990,selected,,,civilised_family village 2022,后叶村1社,$" out &&
	grep -q "^2022-12-05,board,honour:HY0101990:2022-12-10,proposed,,,honour 2022-12-10 2023-03-09,,$" out &&
	grep -q ",board,honour:HY0101990:2022-12-10,changed,propose,,2022-12-05 李霞,tester,$" out &&
	! grep -q "邻家的事\|邻小红\|500235201001011239" out &&
	report-gen history HY0101990 -f json >json &&
	grep -q "\"kind\": *\"care\"" json &&
	LC_ALL=zh_CN.UTF-8 report-gen history HY0101990 -f table >zh &&
	grep -q "^2022-11-15  *回引联系  *王小明  *联系  *已联系：介绍创业政策  *李开丽$" zh &&
	grep -q "^2022-11-20  *人文关怀  *王小明  *已走访  *送学习用品和书包  *李开丽 (村干部)$" zh &&
	grep -q "^2022-12-01  *评选  *HY0101990  *入选  *文明家庭 村级 2022  *后叶村1社$" zh &&
	grep -q "^2022-12-05  *上榜条目  *光荣榜:HY0101990:2022-12-10  *提名上榜  *光荣榜 2022-12-10 2023-03-09$" zh
'

test_case 'history HOUSEHOLD --reveal shows the numbers and is audited' '
	household_life &&
	report-gen history HY0101990 --reveal --by 李霞 -f csv >out &&
	grep -q ",phone,13800001111,13900002222,张三," out &&
	sqlite3 "$RENKE_DB" "SELECT who, new FROM audit WHERE entity = ${SQ}reveal${SQ}" >actual &&
	echo "李霞|report-gen history HY0101990" >expect &&
	test_cmp expect actual &&
	report-gen history HY0101990 -f csv >masked &&
	! grep -q 13800001111 masked
'

test_case 'history ISSUE still gives the issue'\''s trail, its times local in a table' '
	household_life &&
	report-gen history 1 -f csv | sed 1d | cut -d, -f1 >utc &&
	grep -q "Z$" utc &&
	report-gen history 1 -f table | sed 1,2d | cut -c1-16 >local &&
	first=$(head -n 1 utc) &&
	echo "$(local_day $first) $(local_time $first)" >expect &&
	head -n 1 local >actual &&
	test_cmp expect actual
'

test_case 'history of neither a household nor an issue: exit 65, nothing written' '
	household_life &&
	store_dump >before &&
	expect_status 65 report-gen history HY9999999 -f csv >out 2>err &&
	test_must_be_empty out &&
	grep_message "^report-gen: no issue HY9999999 in the audit log$" err &&
	expect_status 64 report-gen history 2>err &&
	grep_message "^report-gen: history needs a household${SQ}s number or an issue${SQ}s id, and nothing more$" err &&
	LC_ALL=zh_CN.UTF-8 expect_status 64 report-gen history 2>err &&
	grep_message "^report-gen: history只需要一个户编号或问题编号，不需要其他参数$" err &&
	store_dump >after &&
	test_cmp before after
'

# ---- changes ----

test_case 'changes --since: every change, grouped by record, records by their first change' '
	household_life &&
	day=$(local_day "$(at 1)") &&
	report-gen changes --since "$day" -f csv >out &&
	head -n 1 out >actual && echo "$HEADER" >expect && test_cmp expect actual &&
	sed 1d out | cut -d, -f3,4 | uniq >groups &&
	sort groups | uniq -d >again &&
	test_must_be_empty again &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM audit WHERE entity <> ${SQ}reveal${SQ}
	    AND field NOT LIKE ${SQ}%reason${SQ}" >expect &&
	sed 1d out | wc -l >actual &&
	test_cmp expect actual &&
	grep -q ",household,HY0101990,changed,phone,138\*\*\*\*1111,139\*\*\*\*2222,张三,换了号码$" out &&
	grep -q ",issue,1,changed,extensions,0,1,tester,雨天停工$" out
'

test_case 'changes: the default is today; --until and --who narrow it' '
	household_life &&
	day=$(local_day "$(at 1)") &&
	report-gen changes --today "$day" -f csv >today &&
	report-gen changes --since "$day" --until "$day" -f csv >same &&
	test_cmp today same &&
	next=$(date -d "$day + 1 day" +%Y-%m-%d) &&
	report-gen changes --today "$next" -f csv >tomorrow &&
	echo "$HEADER" >expect &&
	test_cmp expect tomorrow &&
	report-gen changes --since 2000-01-01 --until "$(date -d "$day - 1 day" +%Y-%m-%d)" -f csv >before &&
	test_cmp expect before &&
	report-gen changes --since "$day" --who 张三 -f csv | sed 1d | cut -d, -f6,9 >actual &&
	printf "%s\n" phone,张三 categories,张三 >expect &&
	test_cmp expect actual
'

test_case 'changes -f table: the user'\''s words, local times; zh_CN' '
	household_life &&
	day=$(local_day "$(at 1)") &&
	LC_ALL=zh_CN.UTF-8 report-gen changes --since "$day" -f table >zh &&
	! grep -q "[0-9]T[0-9]" zh &&
	grep -q "户  *HY0101990  *修改  *联系电话  *138\*\*\*\*1111  *139\*\*\*\*2222  *张三  *换了号码$" zh &&
	grep -q "问题  *1  *修改  *状态  *待办  *办理中  *tester$" zh &&
	grep -q "村(社区)  *后叶村  *新建  *李霞$" zh &&
	grep -q "调查轮次  *2022-11  *修改  *新增答卷  *2  *tester$" zh
'

test_case 'changes: an empty answer on a terminal says so; csv stays a header' '
	household_life &&
	on_terminal "report-gen changes --today 2000-01-01" >actual &&
	echo "no changes" >expect &&
	test_cmp expect actual &&
	on_terminal "LC_ALL=zh_CN.UTF-8 report-gen changes --today 2000-01-01" >actual &&
	echo "没有修改记录" >expect &&
	test_cmp expect actual &&
	on_terminal "report-gen changes -f csv --today 2000-01-01" >actual &&
	echo "$HEADER" >expect &&
	test_cmp expect actual
'

test_case 'changes: bad options are usage errors; the store unchanged' '
	household_life &&
	store_dump >before &&
	expect_status 64 report-gen changes --since 2022-13-01 >out 2>err &&
	test_must_be_empty out &&
	grep_message "^report-gen: --since: not a date: \"2022-13-01\"$" err &&
	expect_status 64 report-gen changes --owner 王强 2>err &&
	grep_message "^report-gen: --owner: the changes report does not take it$" err &&
	expect_status 64 report-gen issues --who 张三 2>err &&
	grep_message "^report-gen: --who: the issues report does not take it$" err &&
	expect_status 64 report-gen changes --who " " 2>err &&
	grep_message "^report-gen: --who: empty name$" err &&
	LC_ALL=zh_CN.UTF-8 expect_status 64 report-gen changes --who "" 2>err &&
	grep_message "^report-gen: --who: 姓名为空$" err &&
	expect_status 64 report-gen -d "$RENKE_DB" -d "$RENKE_DB" changes 2>err &&
	grep_message "^report-gen: changes reads one store$" err &&
	store_dump >after &&
	test_cmp before after
'

test_done
