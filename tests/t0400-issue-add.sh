#!/bin/sh
#
# issue-add: the ledger's good paths, every bad input (one exact message,
# an exact exit status, the store left as it was), and the store's own
# refusals when it is written to directly

. "$(dirname "$0")/lib.sh"

SQ="'"
TODAY="--today 2022-11-01"

# header line of issue-add -f csv
ISSUE_HEADER=id,kind,category,title,urgency,village,village_group,household_id,owner,due_date,status,extensions

# what the messages list for each vocabulary (C locale); issue-add takes
# no misconduct matter (misconduct-step refers it), so its kinds leave it out
KINDS="problem (problem), dispute (dispute), suggestion (suggestion)"
CATEGORIES="infrastructure (infrastructure), environment (living environment), jobs (jobs and income), housing (housing), medical (medical care), water (drinking water), schooling (schooling), disaster (disaster and epidemic), conduct (cadres${SQ} conduct), other (other)"
URGENCIES="urgent (urgent), important (important), normal (normal), minor (minor)"
SOURCES="visit (visit), representatives (representatives${SQ} meeting), courtyard (courtyard meeting), briefing (policy briefing), survey (phone survey), petition (petition), other (other)"
DISPUTE_TYPES="historical (historical), economic (economic), family (family), neighbour (neighbour), other (other)"
TRY="Try ${SQ}issue-add -h${SQ} for more information."
NOTHING="issue-add: 1 bad record; nothing was written"

# seed: the example township's households in the store, its dump in ./before
seed() {
	example_households &&
	store_dump >before
}

# store_unchanged: the store is as seed left it
store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

# no_store: no store was created
no_store() {
	echo "no store" >expect.store &&
	store_dump >actual.store &&
	test_cmp expect.store actual.store
}

# err_is FILE LINE...: FILE (standard error) is exactly these lines
err_is() {
	file=$1
	shift
	printf "%s\n" "$@" >expect.err &&
	test_cmp expect.err "$file"
}

# no_records FILE: FILE (standard output) holds no issue, at most a header
no_records() {
	sed 1d "$1" >records.left &&
	if [ -s records.left ]; then
		echo "records written for issues that were not added:" >&2
		cat records.left >&2
		false
	fi
}

# sqlite_refuses SQL...: sqlite3 runs SQL on the store and fails (the exit
# status differs between sqlite3 versions; a crash never counts)
sqlite_refuses() {
	sqlite3 "$RENKE_DB" "$@"
	got=$?
	if [ "$got" -eq 0 ] || [ "$got" -gt 125 ]; then
		echo "expected sqlite3 to fail, got status $got from: $*" >&2
		return 1
	fi
}

# ---- good paths ----

test_case 'one issue from options: written with its id, due by the rule' '
	seed &&
	issue-add $TODAY --title 村道路灯不亮 --owner 王强 --category infrastructure \
		--urgency urgent --village 后叶村 --group 1社 </dev/null >out 2>err &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,infrastructure,村道路灯不亮,urgent,后叶村,1社,,王强,2022-11-08,open,0"
	} >expect &&
	test_cmp expect out &&
	err_is err "issue-add: 1 issues read: added 1, updated 0, unchanged 0, differ 0, bad 0" &&
	sqlite3 "$RENKE_DB" "select kind, category, title, urgency, source, owner, opened_on, due_date, status, extensions from issue" >actual &&
	echo "problem|infrastructure|村道路灯不亮|urgent|other|王强|2022-11-01|2022-11-08|open|0" >expect &&
	test_cmp expect actual
'

test_case 'one issue from options in JSON and JSON Lines, its id for a script' '
	seed &&
	issue-add -q $TODAY -f json --title 低保金未到账 --owner 民政办 --household HY0101002 >out.json &&
	python3 -m json.tool out.json >/dev/null &&
	jq -r ".[0].id, .[0].village, .[0].village_group, .[0].household_id, .[0].status, (.[0].id | type)" out.json >actual &&
	printf "1\n后叶村\n1社\nHY0101002\nopen\nnumber\n" >expect &&
	test_cmp expect actual &&
	id=$(issue-add -q $TODAY -f jsonl --title 危房改造 --owner 住建办 --household HY0101003 | jq .id) &&
	test "$id" = 2 &&
	echo "2|危房改造" >expect &&
	sqlite3 "$RENKE_DB" "select id, title from issue where id = $id" >actual &&
	test_cmp expect actual
'

test_case 'the defaults: kind problem, category other, urgency normal, source other' '
	seed &&
	issue-add -q $TODAY --title 其他问题 --owner 王强 >out &&
	echo "problem|other|normal|other|2022-12-01" >expect &&
	sqlite3 "$RENKE_DB" "select kind, category, urgency, source, due_date from issue" >actual &&
	test_cmp expect actual
'

test_case 'many from CSV: options are defaults for rows that name nothing' '
	seed &&
	cat >in.csv <<-\EOF &&
	title,owner,urgency,village
	一号问题,,,后叶村
	二号问题,李霞,minor,
	三号问题,,important,凉水村
	EOF
	issue-add $TODAY --owner 村委会 --urgency urgent --village 后叶村 in.csv >out 2>err &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,other,一号问题,urgent,后叶村,,,村委会,2022-11-08,open,0" &&
		echo "2,problem,other,二号问题,minor,后叶村,,,李霞,2022-12-31,open,0" &&
		echo "3,problem,other,三号问题,important,凉水村,,,村委会,2022-11-16,open,0"
	} >expect &&
	test_cmp expect out &&
	err_is err "issue-add: 3 issues read: added 3, updated 0, unchanged 0, differ 0, bad 0" \
		"issue-add: urgency from the records in 2 of 3; --set urgency=urgent to override" \
		"issue-add: village from the records in 1 of 3; --set village=后叶村 to override" \
		"issue-add: owner from the records in 1 of 3; --set owner=村委会 to override"
'

test_case 'many from a JSON array and from JSON Lines' '
	seed &&
	cat >in.json <<-\EOF &&
	[
	  {"title": "路灯坏了", "village": "后叶村", "source": "survey", "source_ref": "S-1"},
	  {"title": "低保没到账", "urgency": "urgent", "owner": "民政办",
	   "household_id": "HY0101002", "source": "电话调查", "source_ref": "S-2"}
	]
	EOF
	issue-add $TODAY --owner 村委会 -f jsonl in.json >out 2>err &&
	err_is err "issue-add: 2 issues read: added 2, updated 0, unchanged 0, differ 0, bad 0" \
		"issue-add: owner from the records in 1 of 2; --set owner=村委会 to override" &&
	jq -c "[.id, .title, .owner, .due_date, .village_group]" out >actual &&
	{
		echo "[1,\"路灯坏了\",\"村委会\",\"2022-12-01\",null]" &&
		echo "[2,\"低保没到账\",\"民政办\",\"2022-11-08\",\"1社\"]"
	} >expect &&
	test_cmp expect actual &&
	printf "%s\n" "{\"title\":\"垃圾清运\",\"category\":\"人居环境\",\"owner\":\"环卫所\"}" \
		"{\"title\":\"饮水管道\",\"category\":\"饮水\",\"owner\":\"水务站\",\"urgency\":\"紧急\"}" >in.jsonl &&
	issue-add -q $TODAY in.jsonl >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "3,problem,environment,垃圾清运,normal,,,,环卫所,2022-12-01,open,0" &&
		echo "4,problem,water,饮水管道,urgent,,,,水务站,2022-11-08,open,0"
	} >expect &&
	test_cmp expect out
'

test_case 'Chinese headers and labels (GB18030, CRLF), codes in the store' '
	seed &&
	printf "%s\r\n" \
		"类型,类别,标题,轻重缓急,村(社区),村民小组,户编号,反映人,来源,来源编号,责任人,责任单位,完成时限,整改标准,工作措施,登记日期" \
		"急难愁盼,饮水,自来水停水三天,紧急,,,HY0101001,何玉勇,走访,Z-1,王强,水务站,,恢复供水,更换水泵,2022年10月30日" \
		"意见建议,人居环境,垃圾桶不够,较轻,凉水村,2社,,张三,院坝会,,李霞,,2022/12/15,,," \
		"矛盾纠纷,其他,宅基地边界,重要,石门村,,,,来信来访,,李四,,,,," |
		iconv -f UTF-8 -t GB18030 >zh.csv &&
	issue-add -q $TODAY zh.csv >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,water,自来水停水三天,urgent,后叶村,1社,HY0101001,王强,2022-11-06,open,0" &&
		echo "2,suggestion,environment,垃圾桶不够,minor,凉水村,2社,,李霞,2022-12-15,open,0" &&
		echo "3,dispute,other,宅基地边界,important,石门村,,,李四,2022-11-16,open,0"
	} >expect &&
	test_cmp expect out &&
	sqlite3 "$RENKE_DB" "select source, source_ref, reporter, owner_unit, standard, measures, opened_on from issue order by id" >actual &&
	{
		echo "visit|Z-1|何玉勇|水务站|恢复供水|更换水泵|2022-10-30" &&
		echo "courtyard||张三||||2022-11-01" &&
		echo "petition||||||2022-11-01"
	} >expect &&
	test_cmp expect actual
'

test_case 'a table shows labels, in Chinese under a Chinese locale' '
	seed &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 issue-add -q $TODAY -f table --title 路灯 \
		--owner 王强 --category 基础设施 --urgency 紧急 >table &&
	grep -E "^ *1  急难愁盼  基础设施  路灯 +紧急 .* 王强 +2022-11-08  待办 " table &&
	issue-add -q $TODAY -f table --title 水管 --owner 王强 --category water >table &&
	grep -E "^ *2  problem  drinking water  水管 +normal .* 王强 +2022-12-01  open " table
'

test_case 'the due date from the default rules: 7, 15, 30 and 60 days' '
	seed &&
	for u in urgent:2022-11-08 important:2022-11-16 normal:2022-12-01 minor:2022-12-31 \
		紧急:2022-11-08 重要:2022-11-16 一般:2022-12-01 较轻:2022-12-31
	do
		issue-add -q $TODAY --title "due $u" --owner 王强 --urgency ${u%%:*} >out &&
		echo "${u#*:}" >expect &&
		sqlite3 "$RENKE_DB" "select due_date from issue where title = ${SQ}due $u${SQ}" >actual &&
		test_cmp expect actual || return 1
	done
'

test_case 'the due date counts from opened_on; a due date given is kept' '
	seed &&
	issue-add -q $TODAY --title 旧账 --owner 王强 --urgency urgent --opened-on 2022/10/1 >out &&
	issue-add -q $TODAY --title 定了时限 --owner 王强 --urgency urgent --due-date 2022年12月1日 >out &&
	issue-add -q $TODAY --title 当天 --owner 王强 --due-date 20221101 >out &&
	sqlite3 "$RENKE_DB" "select title, opened_on, due_date from issue order by id" >actual &&
	{
		echo "旧账|2022-10-01|2022-10-08" &&
		echo "定了时限|2022-11-01|2022-12-01" &&
		echo "当天|2022-11-01|2022-11-01"
	} >expect &&
	test_cmp expect actual
'

test_case '--rule changes the due date of new issues, and is kept and audited' '
	seed &&
	issue-add -q $TODAY --title 之前 --owner 王强 --urgency urgent --category water >out &&
	issue-add -q --rule 饮水:紧急=3 --rule important=10 </dev/null >out &&
	test_line_count 0 out &&
	issue-add -q $TODAY --title 饮水之后 --owner 王强 --urgency urgent --category water >out &&
	issue-add -q $TODAY --title 道路之后 --owner 王强 --urgency urgent --category infrastructure >out &&
	issue-add -q $TODAY --title 重要之后 --owner 王强 --urgency important --category housing >out &&
	sqlite3 "$RENKE_DB" "select title, due_date from issue order by id" >actual &&
	{
		echo "之前|2022-11-08" &&
		echo "饮水之后|2022-11-04" &&
		echo "道路之后|2022-11-08" &&
		echo "重要之后|2022-11-11"
	} >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select category, urgency, days from deadline_rule order by category, urgency" >actual &&
	{
		echo "*|important|10" &&
		echo "*|minor|60" &&
		echo "*|normal|30" &&
		echo "*|urgent|7" &&
		echo "water|urgent|3"
	} >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select who, command, entity_id, field, old, new from audit where entity = ${SQ}deadline_rule${SQ} order by seq" >actual &&
	{
		echo "tester|issue-add|water:urgent|days||3" &&
		echo "tester|issue-add|*:important|days|15|10"
	} >expect &&
	test_cmp expect actual
'

test_case '--rule with an issue from options applies to that issue' '
	seed &&
	issue-add -q $TODAY --rule minor=5 --title 小事 --owner 王强 --urgency minor >out &&
	echo "2022-11-06" >expect &&
	sqlite3 "$RENKE_DB" "select due_date from issue" >actual &&
	test_cmp expect actual
'

test_case 're-importing the same file adds nothing' '
	seed &&
	cat >in.csv <<-\EOF &&
	title,owner,household_id,reporter,source,source_ref
	路灯不亮,王强,HY0101001,何玉勇,,
	水管漏水,王强,,张三,survey,S-9
	EOF
	issue-add -q $TODAY in.csv >out &&
	store_dump >before.again &&
	issue-add --today 2022-11-05 in.csv >out 2>err &&
	store_dump >after.again &&
	test_cmp before.again after.again &&
	err_is err "issue-add: 2 issues read: added 0, updated 0, unchanged 2, differ 0, bad 0" &&
	no_records out
'

test_case 'the natural key: source, source_ref, title, reporter, detail; else kind, title, place, reporter' '
	seed &&
	issue-add -q $TODAY --title 路灯 --owner 王强 --source survey --source-ref S-1 --reporter 甲 >out &&
	issue-add $TODAY --title 路灯 --owner 李霞 --source survey --source-ref S-1 --reporter 甲 >out 2>err &&
	err_is err "issue-add: 1 issues read: added 0, updated 0, unchanged 1, differ 0, bad 0" &&
	issue-add -q $TODAY --title 路灯 --owner 李霞 --source survey --source-ref S-1 --reporter 乙 >out &&
	issue-add -q $TODAY --title 路灯 --owner 王强 --source survey --source-ref S-2 >out &&
	issue-add -q $TODAY --title 路灯 --owner 王强 --source visit --source-ref S-1 >out &&
	issue-add -q $TODAY --title 水管 --owner 王强 --village 后叶村 --reporter 甲 >out &&
	issue-add $TODAY --title 水管 --owner 李霞 --village 后叶村 --reporter 甲 --urgency urgent >out 2>err &&
	err_is err "issue-add: 1 issues read: added 0, updated 0, unchanged 1, differ 0, bad 0" &&
	issue-add -q $TODAY --title 水管 --owner 王强 --village 后叶村 --reporter 乙 >out &&
	issue-add -q $TODAY --title 水管 --owner 王强 --village 凉水村 --reporter 甲 >out &&
	issue-add -q $TODAY --title 水管 --owner 王强 --village 后叶村 --group 1社 --reporter 甲 >out &&
	issue-add -q $TODAY --title 水管 --owner 王强 --village 后叶村 --reporter 甲 --kind suggestion >out &&
	echo 9 >expect &&
	sqlite3 "$RENKE_DB" "select count(*) from issue" >actual &&
	test_cmp expect actual
'

test_case 'resolved on the spot, from options and from a sheet' '
	seed &&
	issue-add -q $TODAY --title 排水沟堵塞 --owner 王强 --household HY0101004 \
		--resolved-on-spot --resolution 当场疏通 >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,problem,other,排水沟堵塞,normal,后叶村,1社,HY0101004,王强,2022-12-01,resolved,0"
	} >expect &&
	test_cmp expect out &&
	printf "标题,责任人,立即解决,解决情况\n门前路灯,李霞,是,当场更换灯泡\n屋顶漏雨,李霞,否,\n" >spot.csv &&
	issue-add -q $TODAY spot.csv >out &&
	sqlite3 "$RENKE_DB" "select id, status, resolution, resolved_on from issue order by id" >actual &&
	{
		echo "1|resolved|当场疏通|2022-11-01" &&
		echo "2|resolved|当场更换灯泡|2022-11-01" &&
		echo "3|open||"
	} >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select entity_id, field, old, new from audit where entity = ${SQ}issue${SQ} and field = ${SQ}status${SQ} order by seq" >actual &&
	printf "1|status||resolved\n2|status||resolved\n3|status||open\n" >expect &&
	test_cmp expect actual
'

test_case 'a dispute with its type, parties and mediator' '
	seed &&
	issue-add -q $TODAY --kind 矛盾纠纷 --title 宅基地边界纠纷 --owner 李调解 \
		--village 石门村 --group 3社 --dispute-type 邻里 --parties "张甲、李乙" \
		--mediator 村调委会 -f csv >out &&
	{
		echo "$ISSUE_HEADER" &&
		echo "1,dispute,other,宅基地边界纠纷,normal,石门村,3社,,李调解,2022-12-01,open,0"
	} >expect &&
	test_cmp expect out &&
	echo "dispute|neighbour|张甲、李乙|村调委会" >expect &&
	sqlite3 "$RENKE_DB" "select kind, dispute_type, parties, mediator from issue" >actual &&
	test_cmp expect actual &&
	printf "kind,title,owner,dispute_type,parties,mediator\n纠纷,欠款纠纷,李调解,经济纠纷,王某;赵某,\ndispute,家务纠纷,李调解,婚姻家庭,,\n" >d.csv &&
	issue-add -q $TODAY d.csv >out &&
	sqlite3 "$RENKE_DB" "select kind, dispute_type, coalesce(parties, ${SQ}-${SQ}) from issue where id > 1 order by id" >actual &&
	printf "dispute|economic|王某;赵某\ndispute|family|-\n" >expect &&
	test_cmp expect actual
'

test_case 'a household places the issue in its village and group' '
	seed &&
	issue-add -q $TODAY --title 甲 --owner 王强 --household HY0503001 >out &&
	issue-add -q $TODAY --title 乙 --owner 王强 --household HY0503001 --village 石门村 --group 3社 >out &&
	sqlite3 "$RENKE_DB" "select i.title, v.name, g.name, h.household_id from issue i join village v on v.id = i.village_id join village_group g on g.id = i.group_id join household h on h.id = i.household_ref order by i.id" >actual &&
	printf "甲|石门村|3社|HY0503001\n乙|石门村|3社|HY0503001\n" >expect &&
	test_cmp expect actual
'

test_case 'a new issue is audited: status, owner and due date' '
	seed &&
	issue-add -q $TODAY --by 李霞 --title 路灯 --owner 王强 --urgency urgent >out &&
	sqlite3 "$RENKE_DB" "select who, command, entity, entity_id, field, coalesce(old, ${SQ}-${SQ}), new from audit where entity = ${SQ}issue${SQ} order by seq" >actual &&
	{
		echo "李霞|issue-add|issue|1|status|-|open" &&
		echo "李霞|issue-add|issue|1|owner|-|王强" &&
		echo "李霞|issue-add|issue|1|due_date|-|2022-11-08"
	} >expect &&
	test_cmp expect actual
'

test_case '--dry-run checks but writes nothing' '
	seed &&
	printf "title,owner\n甲,王强\n乙,王强\n" >in.csv &&
	issue-add $TODAY --dry-run in.csv >out 2>err &&
	err_is err "issue-add: dry run, nothing written: 2 issues read: would add 2, would update 0, unchanged 0, differ 0, bad 0" &&
	store_unchanged
'

test_case '--skip-bad --rejects writes the good rows and keeps the bad ones' '
	seed &&
	printf "title,owner,urgency\n甲,王强,urgent\n乙,,minor\n丙,王强,很急\n丁,王强,\n" >in.csv &&
	issue-add $TODAY --skip-bad --rejects rejects.csv in.csv >out 2>err &&
	{
		echo "issue-add: in.csv:3: owner: missing; every issue needs someone responsible (--owner gives a default)" &&
		echo "issue-add: in.csv:4: urgency: unknown value \"很急\"; expected one of: $URGENCIES" &&
		echo "issue-add: 4 issues read: added 2, updated 0, unchanged 0, differ 0, bad 2"
	} >expect.err &&
	grep -v "rejects" err >err.main &&
	test_cmp expect.err err.main &&
	sqlite3 "$RENKE_DB" "select title from issue order by id" >actual &&
	printf "甲\n丁\n" >expect &&
	test_cmp expect actual &&
	csv_column 2 rejects.csv >actual &&
	printf "line\n3\n4\n" >expect &&
	test_cmp expect actual
'

# ---- unknown vocabulary values ----

test_case 'an unknown kind, category, urgency or source in the input: 65' '
	seed &&
	printf "title,owner,kind,category,urgency,source\n路灯,王强,投诉,道路桥梁,很急,微信群\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err \
		"issue-add: in.csv:2: kind: unknown value \"投诉\"; expected one of: $KINDS" \
		"issue-add: in.csv:2: category: unknown value \"道路桥梁\"; expected one of: $CATEGORIES" \
		"issue-add: in.csv:2: urgency: unknown value \"很急\"; expected one of: $URGENCIES" \
		"issue-add: in.csv:2: source: unknown value \"微信群\"; expected one of: $SOURCES" \
		"$NOTHING" &&
	no_records out &&
	store_unchanged
'

test_case 'each unknown vocabulary value in the input, alone: 65' '
	seed &&
	for f in kind:投诉:KINDS category:道路桥梁:CATEGORIES urgency:很急:URGENCIES source:微信群:SOURCES
	do
		field=${f%%:*} && rest=${f#*:} && value=${rest%%:*} && list=${rest#*:} &&
		printf "title,owner,%s\n路灯,王强,%s\n" "$field" "$value" >in.csv &&
		expect_status 65 issue-add $TODAY in.csv >out 2>err &&
		eval "expected=\$$list" &&
		err_is err "issue-add: in.csv:2: $field: unknown value \"$value\"; expected one of: $expected" \
			"$NOTHING" &&
		store_unchanged || return 1
	done
'

test_case 'an unknown kind, category, urgency, source or dispute type by option: 64' '
	seed &&
	expect_status 64 issue-add $TODAY --title 路灯 --owner 王强 --kind 投诉 >out 2>err &&
	err_is err "issue-add: --kind: unknown value \"投诉\"; expected one of: $KINDS" "$TRY" &&
	expect_status 64 issue-add $TODAY --title 路灯 --owner 王强 --category 道路桥梁 >out 2>err &&
	err_is err "issue-add: --category: unknown value \"道路桥梁\"; expected one of: $CATEGORIES" "$TRY" &&
	expect_status 64 issue-add $TODAY --title 路灯 --owner 王强 --urgency 很急 >out 2>err &&
	err_is err "issue-add: --urgency: unknown value \"很急\"; expected one of: $URGENCIES" "$TRY" &&
	expect_status 64 issue-add $TODAY --title 路灯 --owner 王强 --source 微信群 >out 2>err &&
	err_is err "issue-add: --source: unknown value \"微信群\"; expected one of: $SOURCES" "$TRY" &&
	expect_status 64 issue-add $TODAY --kind dispute --title 路灯 --owner 王强 --dispute-type 吵架 >out 2>err &&
	err_is err "issue-add: --dispute-type: unknown value \"吵架\"; expected one of: $DISPUTE_TYPES" "$TRY" &&
	test_line_count 0 out &&
	store_unchanged
'

test_case 'an unknown option as a default for input rows: 64, nothing read' '
	seed &&
	printf "title,owner\n路灯,王强\n" >in.csv &&
	expect_status 64 issue-add $TODAY --urgency 很急 in.csv >out 2>err &&
	err_is err "issue-add: --urgency: unknown value \"很急\"; expected one of: $URGENCIES" "$TRY" &&
	store_unchanged
'

test_case 'an unknown dispute type in the input: 65' '
	seed &&
	printf "kind,title,owner,dispute_type\ndispute,吵架,李调解,吵嘴\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err "issue-add: in.csv:2: dispute_type: unknown value \"吵嘴\"; expected one of: $DISPUTE_TYPES" \
		"$NOTHING" &&
	store_unchanged
'

# ---- missing fields ----

test_case 'a missing title' '
	seed &&
	printf "kind,title,owner\nproblem,,王强\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err "issue-add: in.csv:2: title: missing; say what the issue is" "$NOTHING" &&
	no_records out &&
	store_unchanged
'

test_case 'a missing owner: an issue that ends up without an owner is refused' '
	seed &&
	expect_status 65 issue-add $TODAY --title 路灯 </dev/null >out 2>err &&
	err_is err "issue-add: command line: --owner: missing; every issue needs someone responsible (--owner gives a default)" \
		"$NOTHING" &&
	store_unchanged &&
	printf "title,owner\n甲,王强\n乙,\n丙, \n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err \
		"issue-add: in.csv:3: owner: missing; every issue needs someone responsible (--owner gives a default)" \
		"issue-add: in.csv:4: owner: missing; every issue needs someone responsible (--owner gives a default)" \
		"issue-add: 2 bad records; nothing was written" &&
	store_unchanged &&
	printf "标题,责任人\n甲,\n" >zh.csv &&
	expect_status 65 issue-add $TODAY zh.csv >out 2>err &&
	err_is err "issue-add: zh.csv:2: 责任人: missing; every issue needs someone responsible (--owner gives a default)" \
		"$NOTHING" &&
	store_unchanged
'

# ---- places ----

test_case 'an unknown household' '
	seed &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --household HY9999999 </dev/null >out 2>err &&
	err_is err "issue-add: command line: --household: no such household" "$NOTHING" &&
	store_unchanged
'

test_case 'a household in another village or group than the record gives' '
	seed &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --household HY0101001 --village 石门村 >out 2>err &&
	err_is err "issue-add: command line: --village: household HY0101001 is in 后叶村" "$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --household HY0101001 --village 后叶村 --group 2社 >out 2>err &&
	err_is err "issue-add: command line: --group: household HY0101001 is in 1社" "$NOTHING" &&
	printf "标题,责任人,户编号,村\n路灯,王强,HY0101001,凉水村\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err "issue-add: in.csv:2: 村: household HY0101001 is in 后叶村" "$NOTHING" &&
	store_unchanged
'

test_case 'a household in another village than the --village default' '
	seed &&
	printf "title,household_id\n路灯,HY0101001\n水管,HY0503001\n" >in.csv &&
	expect_status 65 issue-add $TODAY --owner 王强 --village 石门村 in.csv >out 2>err &&
	err_is err "issue-add: in.csv:2: village: household HY0101001 is in 后叶村" "$NOTHING" &&
	store_unchanged
'

test_case 'an unknown village or villager group' '
	seed &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --village 无此村 >out 2>err &&
	err_is err "issue-add: command line: --village: no such village" "$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --village 无此村 --group 1社 >out 2>err &&
	err_is err "issue-add: command line: --village: no such village" "$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --village 后叶村 --group 9社 >out 2>err &&
	err_is err "issue-add: command line: --group: no such villager group in 后叶村; did you mean 1社, 2社, 3社?" "$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --group 1社 >out 2>err &&
	err_is err "issue-add: command line: --group: a villager group needs its village" "$NOTHING" &&
	store_unchanged
'

test_case 'villages come from household-add: an empty store has none' '
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --village 后叶村 >out 2>err &&
	err_is err "issue-add: command line: --village: no such village" "$NOTHING" &&
	no_store
'

# ---- fields that go together ----

test_case 'a dispute field on an issue that is not a dispute' '
	seed &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --dispute-type neighbour >out 2>err &&
	err_is err "issue-add: command line: --dispute-type: only a dispute has this" "$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --parties 张甲 >out 2>err &&
	err_is err "issue-add: command line: --parties: only a dispute has this" "$NOTHING" &&
	expect_status 65 issue-add $TODAY --kind suggestion --title 路灯 --owner 王强 --mediator 村调委会 >out 2>err &&
	err_is err "issue-add: command line: --mediator: only a dispute has this" "$NOTHING" &&
	printf "类型,标题,责任人,纠纷类型,当事人,调解人\n急难愁盼,路灯,王强,邻里,张甲,村调委会\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err \
		"issue-add: in.csv:2: 纠纷类型: only a dispute has this" \
		"issue-add: in.csv:2: 当事人: only a dispute has this" \
		"issue-add: in.csv:2: 调解人: only a dispute has this" \
		"$NOTHING" &&
	store_unchanged
'

test_case 'a dispute default is not stored on an issue that is not a dispute' '
	seed &&
	printf "kind,title\nproblem,路灯\ndispute,宅基地\n" >in.csv &&
	issue-add $TODAY --owner 王强 --mediator 村调委会 --parties 张甲 in.csv >out 2>err
	status=$? &&
	if [ "$status" -ne 0 ] && [ "$status" -ne 65 ]; then
		echo "exit status $status" >&2
		false
	fi &&
	echo 0 >expect &&
	sqlite3 "$RENKE_DB" "select count(*) from issue where kind <> ${SQ}dispute${SQ} and (mediator is not null or parties is not null or dispute_type is not null)" >actual &&
	test_cmp expect actual
'

test_case 'a resolution without resolved_on_spot, and resolved_on_spot without one' '
	seed &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --resolution 已修好 >out 2>err &&
	err_is err "issue-add: command line: --resolution: only for an issue resolved on the spot; issue-update records a later resolution" \
		"$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --resolved-on-spot >out 2>err &&
	err_is err "issue-add: command line: --resolution: missing; an issue resolved on the spot says how" \
		"$NOTHING" &&
	printf "title,owner,resolved_on_spot,resolution\n路灯,王强,否,已修好\n水管,王强,是,\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err \
		"issue-add: in.csv:2: resolution: only for an issue resolved on the spot; issue-update records a later resolution" \
		"issue-add: in.csv:3: resolution: missing; an issue resolved on the spot says how" \
		"issue-add: 2 bad records; nothing was written" &&
	store_unchanged
'

test_case 'resolved_on_spot that is neither yes nor no' '
	seed &&
	printf "title,owner,resolved_on_spot,resolution\n路灯,王强,也许,已修好\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	grep_message "^issue-add: in.csv:2: resolved_on_spot: unknown value \"也许\"; expected one of: yes (yes), no (no)$" err &&
	store_unchanged
'

# ---- dates ----

test_case 'a bad date' '
	seed &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --due-date 2022-13-01 >out 2>err &&
	err_is err "issue-add: command line: --due-date: not a date: \"2022-13-01\" (write 2022-11-01)" "$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --due-date 2023-02-29 >out 2>err &&
	err_is err "issue-add: command line: --due-date: not a date: \"2023-02-29\" (write 2022-11-01)" "$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --opened-on 下周 >out 2>err &&
	err_is err "issue-add: command line: --opened-on: not a date: \"下周\" (write 2022-11-01)" "$NOTHING" &&
	printf "标题,责任人,完成时限\n路灯,王强,月底\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err "issue-add: in.csv:2: 完成时限: not a date: \"月底\" (write 2022-11-01)" "$NOTHING" &&
	store_unchanged
'

test_case 'a due date before the issue was opened' '
	seed &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --due-date 2022-10-31 >out 2>err &&
	err_is err "issue-add: command line: --due-date: 2022-10-31 is before the issue was opened (2022-11-01); for an older issue give the date it was opened (column opened_on, option --opened-on)" \
		"$NOTHING" &&
	expect_status 65 issue-add $TODAY --title 路灯 --owner 王强 --opened-on 2022-11-10 --due-date 2022-11-09 >out 2>err &&
	err_is err "issue-add: command line: --due-date: 2022-11-09 is before the issue was opened (2022-11-10); for an older issue give the date it was opened (column opened_on, option --opened-on)" \
		"$NOTHING" &&
	store_unchanged
'

# ---- options, files, all or nothing ----

test_case 'bad --rule values are usage errors' '
	seed &&
	expect_status 64 issue-add --rule 很急=3 </dev/null >out 2>err &&
	err_is err "issue-add: --rule: unknown urgency \"很急\"" "$TRY" &&
	expect_status 64 issue-add --rule 桥梁:urgent=3 </dev/null >out 2>err &&
	err_is err "issue-add: --rule: unknown category \"桥梁\"" "$TRY" &&
	expect_status 64 issue-add --rule urgent=-1 </dev/null >out 2>err &&
	err_is err "issue-add: --rule: days must be a number from 0 to 3650, with wd for working days: urgent=-1" "$TRY" &&
	expect_status 64 issue-add --rule urgent=3651 </dev/null >out 2>err &&
	err_is err "issue-add: --rule: days must be a number from 0 to 3650, with wd for working days: urgent=3651" "$TRY" &&
	expect_status 64 issue-add --rule urgent </dev/null >out 2>err &&
	err_is err "issue-add: --rule: expected [category:]urgency=days, got urgent" "$TRY" &&
	store_unchanged
'

test_case '--today with a bad date is a usage error' '
	seed &&
	expect_status 64 issue-add --today 2022-02-30 --title 路灯 --owner 王强 >out 2>err &&
	err_is err "issue-add: --today: not a date: \"2022-02-30\"" "$TRY" &&
	store_unchanged
'

test_case 'an unknown column' '
	seed &&
	printf "title,owner,备注\n路灯,王强,x\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err "issue-add: in.csv:1: 备注: unknown column" &&
	store_unchanged
'

test_case 'a missing input file' '
	seed &&
	printf "title,owner\n路灯,王强\n" >good.csv &&
	expect_status 66 issue-add $TODAY good.csv nosuch.csv >out 2>err &&
	grep_message "^issue-add: nosuch.csv: " err &&
	test_line_count 1 err &&
	store_unchanged
'

test_case 'one bad row among good ones writes nothing, and no record goes out' '
	seed &&
	printf "title,owner,urgency\n甲,王强,urgent\n乙,王强,很急\n丙,王强,minor\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err "issue-add: in.csv:3: urgency: unknown value \"很急\"; expected one of: $URGENCIES" "$NOTHING" &&
	store_unchanged &&
	no_records out
'

test_case 'bad records into a missing store leave no store behind' '
	printf "title,owner\n路灯,\n" >in.csv &&
	expect_status 65 issue-add $TODAY in.csv >out 2>err &&
	err_is err "issue-add: in.csv:2: owner: missing; every issue needs someone responsible (--owner gives a default)" \
		"$NOTHING" &&
	no_store
'

# ---- the store refuses what the lifecycle does not know ----

INSERT="insert into issue (kind, category, title, urgency, source, owner, opened_on, due_date, status, natural_key, created_at, updated_at)"

test_case 'the store refuses an issue without owner or due date' '
	seed &&
	issue-add -q $TODAY --title 路灯 --owner 王强 >out &&
	store_dump >before &&
	sqlite_refuses "insert into issue (kind, category, title, urgency, source, opened_on, due_date, status, natural_key, created_at, updated_at) values (${SQ}problem${SQ}, ${SQ}other${SQ}, ${SQ}t${SQ}, ${SQ}normal${SQ}, ${SQ}other${SQ}, ${SQ}2022-11-01${SQ}, ${SQ}2022-12-01${SQ}, ${SQ}open${SQ}, ${SQ}k1${SQ}, ${SQ}x${SQ}, ${SQ}x${SQ})" 2>err &&
	grep_message "NOT NULL constraint failed: issue.owner" err &&
	sqlite_refuses "insert into issue (kind, category, title, urgency, source, owner, opened_on, status, natural_key, created_at, updated_at) values (${SQ}problem${SQ}, ${SQ}other${SQ}, ${SQ}t${SQ}, ${SQ}normal${SQ}, ${SQ}other${SQ}, ${SQ}o${SQ}, ${SQ}2022-11-01${SQ}, ${SQ}open${SQ}, ${SQ}k1${SQ}, ${SQ}x${SQ}, ${SQ}x${SQ})" 2>err &&
	grep_message "NOT NULL constraint failed: issue.due_date" err &&
	sqlite_refuses "$INSERT values (${SQ}problem${SQ}, ${SQ}other${SQ}, ${SQ}t${SQ}, ${SQ}normal${SQ}, ${SQ}other${SQ}, ${SQ} ${SQ}, ${SQ}2022-11-01${SQ}, ${SQ}2022-12-01${SQ}, ${SQ}open${SQ}, ${SQ}k1${SQ}, ${SQ}x${SQ}, ${SQ}x${SQ})" 2>err &&
	grep_message "CHECK constraint failed" err &&
	sqlite_refuses "update issue set owner = NULL where id = 1" 2>err &&
	grep_message "NOT NULL constraint failed: issue.owner" err &&
	sqlite_refuses "update issue set due_date = NULL where id = 1" 2>err &&
	grep_message "NOT NULL constraint failed: issue.due_date" err &&
	store_unchanged
'

test_case 'the store refuses a status the lifecycle does not know (CHECK)' '
	seed &&
	issue-add -q $TODAY --title 路灯 --owner 王强 >out &&
	store_dump >before &&
	sqlite_refuses "$INSERT values (${SQ}problem${SQ}, ${SQ}other${SQ}, ${SQ}t${SQ}, ${SQ}normal${SQ}, ${SQ}other${SQ}, ${SQ}o${SQ}, ${SQ}2022-11-01${SQ}, ${SQ}2022-12-01${SQ}, ${SQ}finished${SQ}, ${SQ}k1${SQ}, ${SQ}x${SQ}, ${SQ}x${SQ})" 2>err &&
	store_unchanged &&
	sqlite_refuses "begin; insert into status_move values (${SQ}open${SQ}, ${SQ}finished${SQ}); update issue set status = ${SQ}finished${SQ} where id = 1; commit;" 2>err &&
	grep_message "CHECK constraint failed: status = ${SQ}open${SQ}" err &&
	store_unchanged
'

test_case 'the store refuses a new issue that is closed (trigger issue_new_status)' '
	seed &&
	for status in closed in_progress feedback_given reopened closed_unresolved
	do
		sqlite_refuses "$INSERT values (${SQ}problem${SQ}, ${SQ}other${SQ}, ${SQ}t${SQ}, ${SQ}normal${SQ}, ${SQ}other${SQ}, ${SQ}o${SQ}, ${SQ}2022-11-01${SQ}, ${SQ}2022-12-01${SQ}, ${SQ}$status${SQ}, ${SQ}k1${SQ}, ${SQ}x${SQ}, ${SQ}x${SQ})" 2>err &&
		grep_message "a new issue is open, or resolved on the spot" err &&
		store_unchanged || return 1
	done
'

test_case 'the store refuses a status change off the lifecycle (trigger issue_status_move)' '
	seed &&
	issue-add -q $TODAY --title 路灯 --owner 王强 >out &&
	store_dump >before &&
	for status in closed feedback_given reopened
	do
		sqlite_refuses "update issue set status = ${SQ}$status${SQ} where id = 1" 2>err &&
		grep_message "the lifecycle does not allow this status change" err &&
		store_unchanged || return 1
	done &&
	sqlite3 "$RENKE_DB" "update issue set status = ${SQ}in_progress${SQ} where id = 1" &&
	store_dump >before &&
	sqlite_refuses "update issue set status = ${SQ}open${SQ} where id = 1" 2>err &&
	grep_message "the lifecycle does not allow this status change" err &&
	store_unchanged
'

test_case 'the store refuses UPDATE and DELETE on the audit log' '
	seed &&
	issue-add -q $TODAY --title 路灯 --owner 王强 >out &&
	store_dump >before &&
	sqlite_refuses "update audit set new = ${SQ}李四${SQ} where entity = ${SQ}issue${SQ} and field = ${SQ}owner${SQ}" 2>err &&
	grep_message "the audit log is append-only" err &&
	sqlite_refuses "delete from audit where entity = ${SQ}issue${SQ}" 2>err &&
	grep_message "the audit log is append-only" err &&
	store_unchanged
'

test_done
