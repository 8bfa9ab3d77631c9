#!/bin/sh
#
# meeting-log: meetings, the suggestions raised at them as issues (all or
# nothing), the village-rule vote and its edges; every bad input with its
# exact message, exit status and an unchanged store

. "$(dirname "$0")/lib.sh"

SQ="'"

# header line of meeting-log -f csv
MEETING_HEADER=id,kind,village,village_group,date,host,attendees,suggestions,representatives,present,yes,no,abstain,valid,adopted
TRY="Try ${SQ}meeting-log -h${SQ} for more information."
VALID_ADOPTED="meeting-log: vote valid; the village rules are adopted"
NOT_VALID="meeting-log: vote not valid: fewer than two thirds of the representatives were present"
NOT_ADOPTED="meeting-log: vote valid; the village rules are not adopted: yes is not more than half of those present"

# seed: the example township's households in the store, its dump in ./before
seed() {
	example_households &&
	store_dump >before
}

# store_unchanged: the store is as ./before shows it
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

# suggestions FILE: two suggestions of a courtyard meeting, as staff write them
suggestions() {
	printf "%s\n" "标题,类别,轻重缓急,反映人" \
		"修一条通组便道,基础设施,重要,罗明" \
		"增设两盏路灯,infrastructure,,向平兰" >"$1"
}

# vote ARGS...: log an assembly of 后叶村 on 2022-11-25 with the vote ARGS
# (--representatives ... --abstain); its row in ./out, messages in ./err
vote() {
	meeting-log --today 2022-11-25 --kind assembly --village 后叶村 "$@" >out 2>err
}

# vote_is VALID ADOPTED: the last line of ./out says so, and the store too
vote_is() {
	tail -n 1 out | cut -d , -f 14,15 >actual.vote &&
	echo "$1,$2" >expect.vote &&
	test_cmp expect.vote actual.vote &&
	sqlite3 "$RENKE_DB" "select case valid when 1 then ${SQ}true${SQ} else ${SQ}false${SQ} end || ${SQ},${SQ} || case adopted when 1 then ${SQ}true${SQ} else ${SQ}false${SQ} end from vote order by id desc limit 1" >actual.vote &&
	test_cmp expect.vote actual.vote
}

# ---- meetings and their suggestions ----

test_case 'a courtyard meeting whose suggestions become issues' '
	seed &&
	suggestions in.csv &&
	meeting-log --today 2022-11-20 --kind 院坝会 --village 石门村 --group 3社 \
		--host 王明 --attendees 32 --owner 村委会 in.csv >out 2>err &&
	{
		echo "$MEETING_HEADER" &&
		echo "1,courtyard,石门村,3社,2022-11-20,王明,32,2,,,,,,,"
	} >expect &&
	test_cmp expect out &&
	err_is err "meeting-log: 2 suggestions read: added 2, updated 0, unchanged 0, differ 0, bad 0" &&
	sqlite3 "$RENKE_DB" "select i.id, i.kind, i.category, i.title, i.urgency, v.name, g.name, i.reporter, i.source, i.source_ref, i.meeting_id, i.owner, i.opened_on, i.due_date, i.status from issue i join village v on v.id = i.village_id join village_group g on g.id = i.group_id order by i.id" >actual &&
	{
		echo "1|suggestion|infrastructure|修一条通组便道|important|石门村|3社|罗明|courtyard|meeting:1|1|村委会|2022-11-20|2022-12-05|open" &&
		echo "2|suggestion|infrastructure|增设两盏路灯|normal|石门村|3社|向平兰|courtyard|meeting:1|1|村委会|2022-11-20|2022-12-20|open"
	} >expect &&
	test_cmp expect actual
'

test_case 'the suggestion defaults: --owner, --category, --urgency; rows win' '
	seed &&
	printf "title,owner,urgency,kind\n甲,,,\n乙,李霞,minor,problem\n" >in.csv &&
	meeting-log -q --today 2022-11-20 --kind representatives --village 后叶村 \
		--owner 村委会 --category 人居环境 --urgency 紧急 in.csv >out &&
	sqlite3 "$RENKE_DB" "select title, kind, category, urgency, owner, source, due_date, group_id is null from issue order by id" >actual &&
	{
		echo "甲|suggestion|environment|urgent|村委会|representatives|2022-11-27|1" &&
		echo "乙|problem|environment|minor|李霞|representatives|2023-01-19|1"
	} >expect &&
	test_cmp expect actual
'

test_case 'suggestions as JSON Lines from the standard input' '
	seed &&
	printf "%s\n" "{\"title\":\"建文化广场\",\"owner\":\"村委会\"}" >in.jsonl &&
	meeting-log --today 2022-11-21 --kind 政策解读 --village 凉水村 -f jsonl - <in.jsonl >out 2>err &&
	jq -c "[.id, .kind, .village, .date, .suggestions]" out >actual &&
	echo "[1,\"briefing\",\"凉水村\",\"2022-11-21\",1]" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select title, source, source_ref from issue" >actual &&
	echo "建文化广场|briefing|meeting:1" >expect &&
	test_cmp expect actual
'

test_case 'a meeting alone reads no input; the date defaults to --today' '
	seed &&
	suggestions in.csv &&
	meeting-log --today 2022-11-08 --kind 恳谈会 --village 石门村 --host 张华 <in.csv >out 2>err &&
	{
		echo "$MEETING_HEADER" &&
		echo "1,representatives,石门村,,2022-11-08,张华,,0,,,,,,,"
	} >expect &&
	test_cmp expect out &&
	test_line_count 0 err &&
	echo 0 >expect &&
	sqlite3 "$RENKE_DB" "select count(*) from issue" >actual &&
	test_cmp expect actual
'

test_case 'every kind, by code and by label; dates in any accepted form' '
	seed &&
	meeting-log -q --kind 村民代表恳谈会 --village 后叶村 --date 2022/11/8 >out &&
	meeting-log -q --kind 院坝会议 --village 后叶村 --group 2社 --date 20221109 >out &&
	meeting-log -q --kind 政策宣讲 --village 后叶村 --date 2022.11.10 >out &&
	meeting-log -q --kind 村民大会 --village 后叶村 --date 2022年11月11日 >out &&
	meeting-log -q --kind briefing --village 后叶村 --group 1社 --date 2022-11-12 >out &&
	sqlite3 "$RENKE_DB" "select m.id, m.kind, coalesce(g.name, ${SQ}-${SQ}), m.held_on from meeting m left join village_group g on g.id = m.group_id order by m.id" >actual &&
	{
		echo "1|representatives|-|2022-11-08" &&
		echo "2|courtyard|2社|2022-11-09" &&
		echo "3|briefing|-|2022-11-10" &&
		echo "4|assembly|-|2022-11-11" &&
		echo "5|briefing|1社|2022-11-12"
	} >expect &&
	test_cmp expect actual
'

test_case 'minutes given or read from a file' '
	seed &&
	printf "一、讨论产业发展\n二、征求意见\n" >minutes.txt &&
	meeting-log -q --today 2022-11-08 --kind representatives --village 后叶村 --minutes-file minutes.txt >out &&
	meeting-log -q --today 2022-11-09 --kind briefing --village 后叶村 --minutes 宣讲低保政策 >out &&
	sqlite3 "$RENKE_DB" "select minutes from meeting order by id" >actual &&
	printf "一、讨论产业发展\n二、征求意见\n\n宣讲低保政策\n" >expect &&
	test_cmp expect actual
'

test_case 'a new meeting is audited' '
	seed &&
	meeting-log -q --by 李霞 --today 2022-11-08 --kind courtyard --village 后叶村 --group 1社 >out &&
	sqlite3 "$RENKE_DB" "select who, command, entity, entity_id, field, new from audit where entity = ${SQ}meeting${SQ}" >actual &&
	echo "李霞|meeting-log|meeting|1|created|courtyard" >expect &&
	test_cmp expect actual
'

test_case 'the same meeting twice adds nothing' '
	seed &&
	suggestions in.csv &&
	meeting-log -q --today 2022-11-20 --kind courtyard --village 石门村 --group 3社 --owner 村委会 in.csv >out &&
	store_dump >before &&
	meeting-log --today 2022-11-20 --kind 院坝会 --village 石门村 --group 3社 --owner 村委会 in.csv >out 2>err &&
	store_unchanged &&
	err_is err "meeting-log: meeting 1 was already in the store" \
		"meeting-log: 2 suggestions read: added 0, updated 0, unchanged 2, differ 0, bad 0" &&
	{
		echo "$MEETING_HEADER" &&
		echo "1,courtyard,石门村,3社,2022-11-20,,,2,,,,,,,"
	} >expect &&
	test_cmp expect out
'

test_case 'the same assembly and vote twice adds nothing' '
	seed &&
	vote --representatives 9 --present 6 --yes 4 --no 1 --abstain 1 --filed-on 2022-12-01 &&
	store_dump >before &&
	vote --representatives 9 --present 6 --yes 4 --no 1 --abstain 1 --filed-on 2022-12-01 &&
	store_unchanged
'

test_case '--dry-run writes nothing, not even the meeting' '
	seed &&
	suggestions in.csv &&
	meeting-log --dry-run --today 2022-11-20 --kind courtyard --village 石门村 --group 3社 --owner 村委会 in.csv >out 2>err &&
	store_unchanged
'

# ---- the vote on the village rules ----

test_case 'an assembly adopts the village rules: the vote is kept and audited' '
	seed &&
	vote --representatives 30 --present 24 --yes 15 --no 6 --abstain 3 --filed-on 2022年12月1日 &&
	{
		echo "$MEETING_HEADER" &&
		echo "1,assembly,后叶村,,2022-11-25,,,0,30,24,15,6,3,true,true"
	} >expect &&
	test_cmp expect out &&
	err_is err "$VALID_ADOPTED" &&
	sqlite3 "$RENKE_DB" "select meeting_id, representatives, present, yes, no, abstain, valid, adopted, filed_on from vote" >actual &&
	echo "1|30|24|15|6|3|1|1|2022-12-01" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select entity, entity_id, field, new from audit where entity = ${SQ}vote${SQ} order by seq" >actual &&
	{
		echo "vote|1|result|representatives 30, present 24, yes 15, no 6, abstain 3: adopted" &&
		echo "vote|1|filed_on|2022-12-01"
	} >expect &&
	test_cmp expect actual
'

test_case 'the vote in JSON: counts are numbers, valid and adopted booleans' '
	seed &&
	vote -f json --representatives 9 --present 6 --yes 4 --no 1 --abstain 1 &&
	jq -c ".[0] | [.representatives, .present, .yes, .no, .abstain, .valid, .adopted]" out >actual &&
	echo "[9,6,4,1,1,true,true]" >expect &&
	test_cmp expect actual
'

test_case 'exactly two thirds present: valid' '
	seed &&
	vote --representatives 9 --present 6 --yes 4 --no 2 --abstain 0 &&
	err_is err "$VALID_ADOPTED" &&
	vote_is true true &&
	vote --date 2022-11-26 --representatives 30 --present 20 --yes 11 --no 0 --abstain 0 &&
	err_is err "$VALID_ADOPTED" &&
	vote_is true true &&
	vote --date 2022-11-27 --representatives 3 --present 2 --yes 2 --no 0 --abstain 0 &&
	err_is err "$VALID_ADOPTED" &&
	vote_is true true
'

test_case 'one short of two thirds: not valid, so not adopted' '
	seed &&
	vote --representatives 9 --present 5 --yes 5 --no 0 --abstain 0 &&
	err_is err "$NOT_VALID" &&
	vote_is false false &&
	vote --date 2022-11-26 --representatives 30 --present 19 --yes 19 --no 0 --abstain 0 &&
	err_is err "$NOT_VALID" &&
	vote_is false false &&
	vote --date 2022-11-27 --representatives 10 --present 6 --yes 6 --no 0 --abstain 0 &&
	err_is err "$NOT_VALID" &&
	vote_is false false &&
	echo "3|0" >expect &&
	sqlite3 "$RENKE_DB" "select count(*), sum(valid) from vote" >actual &&
	test_cmp expect actual
'

test_case 'a tie, yes == no: not adopted' '
	seed &&
	vote --representatives 30 --present 24 --yes 12 --no 12 --abstain 0 &&
	err_is err "$NOT_ADOPTED" &&
	vote_is true false
'

test_case 'yes exactly half of those present: not adopted; one more: adopted' '
	seed &&
	vote --representatives 9 --present 6 --yes 3 --no 1 --abstain 2 &&
	err_is err "$NOT_ADOPTED" &&
	vote_is true false &&
	vote --date 2022-11-26 --representatives 9 --present 7 --yes 3 --no 0 --abstain 0 &&
	err_is err "$NOT_ADOPTED" &&
	vote_is true false &&
	vote --date 2022-11-27 --representatives 9 --present 6 --yes 4 --no 0 --abstain 0 &&
	err_is err "$VALID_ADOPTED" &&
	vote_is true true
'

test_case 'a vote at a meeting that is not an assembly' '
	seed &&
	expect_status 65 meeting-log --today 2022-11-25 --kind representatives --village 后叶村 \
		--representatives 9 --present 6 --yes 4 --no 1 --abstain 1 >out 2>err &&
	err_is err "meeting-log: command line: --representatives: the village rules are voted at an assembly (--kind assembly)" &&
	expect_status 65 meeting-log --today 2022-11-25 --kind courtyard --village 后叶村 --group 1社 \
		--filed-on 2022-12-01 >out 2>err &&
	err_is err "meeting-log: command line: --representatives: the village rules are voted at an assembly (--kind assembly)" &&
	store_unchanged
'

test_case 'impossible vote counts' '
	seed &&
	expect_status 65 vote --representatives 9 --present 10 --yes 5 --no 0 --abstain 0 &&
	err_is err "meeting-log: command line: 10 present, but only 9 representatives in office" &&
	expect_status 65 vote --representatives 9 --present 6 --yes 4 --no 2 --abstain 1 &&
	err_is err "meeting-log: command line: 7 votes (4 yes, 2 no, 1 abstain) from 6 present" &&
	expect_status 65 vote --representatives 0 --present 0 --yes 0 --no 0 --abstain 0 &&
	err_is err "meeting-log: command line: no representatives in office: nothing can be voted" &&
	store_unchanged
'

test_case 'incomplete or unreadable vote counts' '
	seed &&
	expect_status 65 vote --representatives 9 --present 6 --yes 4 --no 1 &&
	err_is err "meeting-log: command line: --abstain: missing; a vote needs representatives, present, yes, no and abstain" &&
	expect_status 65 vote --filed-on 2022-12-01 &&
	err_is err "meeting-log: command line: --representatives: missing; a vote needs representatives, present, yes, no and abstain" &&
	expect_status 65 vote --representatives 9 --present 六 --yes 4 --no 1 --abstain 1 &&
	err_is err "meeting-log: command line: --present: not a count: \"六\"" &&
	expect_status 65 vote --representatives 9 --present 6 --yes -1 --no 1 --abstain 1 &&
	err_is err "meeting-log: command line: --yes: not a count: \"-1\"" &&
	expect_status 65 vote --representatives 9 --present 6 --yes 4 --no 1 --abstain 1 --filed-on 下月 &&
	err_is err "meeting-log: command line: --filed-on: \"下月\" is not a date" &&
	store_unchanged
'

# ---- bad meetings ----

test_case 'a courtyard meeting without its group' '
	seed &&
	suggestions in.csv &&
	expect_status 65 meeting-log --today 2022-11-20 --kind 院坝会 --village 石门村 --owner 村委会 in.csv >out 2>err &&
	err_is err "meeting-log: command line: --group: missing; a courtyard meeting is held in a villager group" &&
	store_unchanged
'

test_case 'an unknown village' '
	seed &&
	expect_status 65 meeting-log --today 2022-11-20 --kind representatives --village 无此村 >out 2>err &&
	err_is err "meeting-log: command line: --village: no such village: 无此村" &&
	store_unchanged
'

test_case 'an unknown village for a courtyard meeting is named as the village' '
	seed &&
	expect_status 65 meeting-log --today 2022-11-20 --kind courtyard --village 无此村 --group 1社 >out 2>err &&
	err_is err "meeting-log: command line: --village: no such village: 无此村" &&
	store_unchanged
'

test_case 'an unknown villager group' '
	seed &&
	expect_status 65 meeting-log --today 2022-11-20 --kind courtyard --village 石门村 --group 9社 >out 2>err &&
	err_is err "meeting-log: command line: --group: no such villager group in 石门村: 9社; did you mean 1社, 2社, 3社?" &&
	store_unchanged
'

test_case 'villages come from household-add: an empty store has none' '
	expect_status 65 meeting-log --today 2022-11-20 --kind briefing --village 石门村 >out 2>err &&
	err_is err "meeting-log: command line: --village: no such village: 石门村" &&
	no_store
'

test_case 'an unknown or missing kind, a missing village, a bad date' '
	seed &&
	expect_status 65 meeting-log --today 2022-11-20 --kind 座谈会 --village 石门村 >out 2>err &&
	err_is err "meeting-log: command line: --kind: no kind of meeting \"座谈会\"; expected one of: representatives (representatives${SQ} meeting), courtyard (courtyard meeting), briefing (policy briefing), assembly (villagers${SQ} assembly)" &&
	expect_status 65 meeting-log --today 2022-11-20 --village 石门村 >out 2>err &&
	err_is err "meeting-log: command line: --kind: missing" &&
	expect_status 65 meeting-log --today 2022-11-20 --kind briefing >out 2>err &&
	err_is err "meeting-log: command line: --village: missing" &&
	expect_status 65 meeting-log --kind briefing --village 石门村 --date 2022-02-30 >out 2>err &&
	err_is err "meeting-log: command line: --date: \"2022-02-30\" is not a date" &&
	store_unchanged
'

# ---- suggestions: all or nothing ----

test_case 'suggestions with one bad row: nothing written, not even the meeting' '
	seed &&
	printf "title,urgency\n修缮文化室,重要\n河堤加固,很急\n安装路灯,\n" >in.csv &&
	expect_status 65 meeting-log --today 2022-11-21 --kind courtyard --village 石门村 --group 4社 \
		--owner 村委会 in.csv >out 2>err &&
	err_is err "meeting-log: in.csv:3: urgency: unknown value \"很急\"; expected one of: urgent (urgent), important (important), normal (normal), minor (minor)" \
		"meeting-log: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'suggestions without an owner are refused with their meeting' '
	seed &&
	suggestions in.csv &&
	expect_status 65 meeting-log --today 2022-11-20 --kind courtyard --village 石门村 --group 3社 in.csv >out 2>err &&
	err_is err \
		"meeting-log: in.csv:2: owner: missing; every issue needs someone responsible (--owner gives a default)" \
		"meeting-log: in.csv:3: owner: missing; every issue needs someone responsible (--owner gives a default)" \
		"meeting-log: 2 bad records; nothing was written" &&
	store_unchanged
'

test_case 'a suggestion naming a household of another group is refused' '
	seed &&
	printf "title,household_id\n危房改造,HY0101001\n" >in.csv &&
	expect_status 65 meeting-log --today 2022-11-20 --kind courtyard --village 后叶村 --group 2社 \
		--owner 村委会 in.csv >out 2>err &&
	err_is err "meeting-log: in.csv:2: village_group: household HY0101001 is in 1社" \
		"meeting-log: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'a bad meeting with good suggestions writes nothing' '
	seed &&
	suggestions in.csv &&
	expect_status 65 meeting-log --today 2022-11-20 --kind briefing --village 石门村 --owner 村委会 \
		--representatives 9 --present 6 --yes 4 --no 1 --abstain 1 in.csv >out 2>err &&
	err_is err "meeting-log: command line: --representatives: the village rules are voted at an assembly (--kind assembly)" &&
	store_unchanged
'

# ---- files and options ----

test_case '--minutes-file that cannot be read: 66' '
	seed &&
	expect_status 66 meeting-log --today 2022-11-08 --kind representatives --village 后叶村 \
		--minutes-file nosuch.txt >out 2>err &&
	err_is err "meeting-log: nosuch.txt: No such file or directory" &&
	store_unchanged &&
	rm -f "$RENKE_DB" "$RENKE_DB-wal" "$RENKE_DB-shm" &&
	expect_status 66 meeting-log --today 2022-11-08 --kind representatives --village 后叶村 \
		--minutes-file nosuch.txt >out 2>err &&
	no_store
'

test_case 'a suggestions file that cannot be opened: 66' '
	seed &&
	expect_status 66 meeting-log --today 2022-11-08 --kind courtyard --village 后叶村 --group 1社 \
		--owner 村委会 nosuch.csv >out 2>err &&
	err_is err "meeting-log: nosuch.csv: No such file or directory" &&
	store_unchanged
'

test_case 'usage errors: both minutes, --skip-bad, unknown --category or --urgency' '
	seed &&
	printf "x\n" >minutes.txt &&
	expect_status 64 meeting-log --kind briefing --village 后叶村 --minutes 纪要 --minutes-file minutes.txt >out 2>err &&
	err_is err "meeting-log: give --minutes or --minutes-file, not both" "$TRY" &&
	expect_status 64 meeting-log --kind briefing --village 后叶村 --skip-bad --rejects rejects.csv >out 2>err &&
	err_is err "meeting-log: --skip-bad: a meeting and its suggestions are written all together or not at all" "$TRY" &&
	expect_status 64 meeting-log --kind briefing --village 后叶村 --category 道桥 >out 2>err &&
	err_is err "meeting-log: --category: unknown category \"道桥\"" "$TRY" &&
	expect_status 64 meeting-log --kind briefing --village 后叶村 --urgency 很急 >out 2>err &&
	err_is err "meeting-log: --urgency: unknown urgency \"很急\"" "$TRY" &&
	expect_status 64 meeting-log --today 2022-13-01 --kind briefing --village 后叶村 >out 2>err &&
	err_is err "meeting-log: --today: not a date: \"2022-13-01\"" "$TRY" &&
	store_unchanged
'

test_case 'the store refuses a courtyard meeting without group and an impossible vote' '
	seed &&
	meeting-log -q --today 2022-11-25 --kind assembly --village 后叶村 >out &&
	store_dump >before &&
	sqlite_refuses "insert into meeting (kind, village_id, held_on, created_at) values (${SQ}courtyard${SQ}, 1, ${SQ}2022-11-20${SQ}, ${SQ}x${SQ})" 2>err &&
	grep_message "CHECK constraint failed" err &&
	sqlite_refuses "insert into vote (meeting_id, representatives, present, yes, no, abstain, valid, adopted) values (1, 9, 5, 5, 0, 0, 1, 1)" 2>err &&
	grep_message "CHECK constraint failed" err &&
	sqlite_refuses "insert into vote (meeting_id, representatives, present, yes, no, abstain, valid, adopted) values (1, 9, 6, 4, 2, 1, 1, 1)" 2>err &&
	grep_message "CHECK constraint failed" err &&
	sqlite_refuses "insert into vote (meeting_id, representatives, present, yes, no, abstain, valid, adopted) values (1, 9, 6, 3, 3, 0, 1, 1)" 2>err &&
	grep_message "CHECK constraint failed" err &&
	store_unchanged
'

test_done
