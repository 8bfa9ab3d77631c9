#!/bin/sh
#
# household-add and household-list: the good paths

. "$(dirname "$0")/lib.sh"

SQ="'"

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

# header line of household-list -f csv
LIST_HEADER=household_id,head_name,id_number,phone,village,village_group,categories,members,monitor_type,risk_status

# check_table FILE: every column of a table starts at the same display
# column on every line, and no line is wider than the rule under the header
cat >"$TRASH/check-table.py" <<\EOF
import sys, unicodedata

def width(ch):
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1

def cells(line):
    """display offset -> character starting there"""
    out, at = {}, 0
    for ch in line:
        out[at] = ch
        at += width(ch)
    return out, at

lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "", "output does not end with a newline"
lines = lines[:-1]
rule = lines[1]
assert set(rule) <= set("- "), "second line is not the rule: %r" % rule
starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
total = len(rule)
bad = 0
for n, line in enumerate(lines, 1):
    at, w = cells(line)
    if w > total:
        print("line %d is %d wide, the rule %d: %s" % (n, w, total, line))
        bad += 1
        continue
    for s in starts[1:]:
        if w <= s - 2:
            break               # empty cells at the end: no trailing blanks
        if at.get(s - 2) != " " or at.get(s - 1) != " " or s not in at:
            print("line %d: no column starts at display column %d: %s" % (n, s, line))
            bad += 1
            break
print("%d lines, %d columns, %d wide" % (len(lines), len(starts), total))
sys.exit(1 if bad else 0)
EOF

test_case 'imports the example households (GB18030, CRLF, Chinese headers)' '
	household-add "$EXAMPLES/households.csv" 2>err &&
	grep_message "^household-add: 350 households read: added 350, updated 0, unchanged 0, differ 0, bad 0$" err &&
	echo 350 >expect &&
	sqlite3 "$RENKE_DB" "select count(*) from household" >actual &&
	test_cmp expect actual &&
	household-list -f csv >list &&
	test_line_count 351 list &&
	head -n 1 list >actual &&
	echo "$LIST_HEADER" >expect &&
	test_cmp expect actual &&
	grep "^HY0101001,何玉勇,500235\*\*\*\*\*\*\*\*0010,154\*\*\*\*0480,后叶村,1社,ordinary,4,,$" list
'

test_case 'the JSON Lines example holds the same households as the CSV one' '
	household-add -d csv.db "$EXAMPLES/households.csv" &&
	household-add -d jsonl.db "$EXAMPLES/households.jsonl" &&
	household-list -d csv.db --reveal -f csv >from-csv &&
	household-list -d jsonl.db --reveal -f csv >from-jsonl &&
	test_line_count 351 from-csv &&
	test_cmp from-csv from-jsonl &&
	household-list -d csv.db -f jsonl >from-csv.jsonl &&
	household-list -d jsonl.db -f jsonl >from-jsonl.jsonl &&
	test_cmp from-csv.jsonl from-jsonl.jsonl
'

test_case 'importing the same file again changes nothing' '
	household-add "$EXAMPLES/households.csv" &&
	store_dump >before &&
	household-add "$EXAMPLES/households.csv" 2>err &&
	store_dump >after &&
	test_cmp before after &&
	grep_message "^household-add: 350 households read: added 0, updated 0, unchanged 350, differ 0, bad 0$" err
'

test_case 'the JSON Lines example after the CSV one changes nothing' '
	household-add "$EXAMPLES/households.csv" &&
	store_dump >before &&
	household-add "$EXAMPLES/households.jsonl" 2>err &&
	store_dump >after &&
	test_cmp before after &&
	grep_message "350 households read: added 0, updated 0, unchanged 350, differ 0, bad 0$" err
'

test_case '--upsert updates a changed field and audits old and new value' '
	printf "household_id,village,head_name,members\nU1,甲村,王大,3\nU2,甲村,王二,2\n" >first.csv &&
	printf "household_id,village,head_name,members\nU1,甲村,王大,4\nU2,甲村,王二,2\n" >second.csv &&
	household-add first.csv &&
	household-add --upsert --reason 人口核实 second.csv 2>err &&
	grep_message "^household-add: 2 households read: added 0, updated 1, unchanged 1, differ 0, bad 0$" err &&
	household-list -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "U1,王大,,,甲村,,,4,," &&
		echo "U2,王二,,,甲村,,,2,,"
	} >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select who, command, entity, entity_id, field, old, new from audit where field = ${SQ}members${SQ}" >actual &&
	echo "tester|household-add|household|U1|members|3|4" >expect &&
	test_cmp expect actual
'

test_case 'a differing household without --upsert is left alone and counted' '
	printf "household_id,village,head_name,members\nU1,甲村,王大,3\nU2,甲村,王二,2\n" >first.csv &&
	printf "household_id,village,head_name,members\nU1,甲村,王大,4\nU2,甲村,王二,2\n" >second.csv &&
	household-add first.csv &&
	store_dump >before &&
	household-add second.csv 2>err &&
	store_dump >after &&
	test_cmp before after &&
	grep_message "^household-add: 2 households read: added 0, updated 0, unchanged 1, differ 1, bad 0$" err &&
	grep_message "1 households differ from the store and were left as they are; --upsert --reason WHY updates them" err
'

test_case '--dry-run checks but leaves the store as it was' '
	printf "household_id,village\nD1,甲村\n" >first.csv &&
	printf "household_id,village,members\nD1,甲村,3\nD2,乙村,2\nD3,甲村,1\n" >second.csv &&
	household-add first.csv &&
	store_dump >before &&
	household-add --dry-run second.csv 2>err &&
	store_dump >after &&
	test_cmp before after &&
	grep_message "^household-add: dry run, nothing written: 3 households read: would add 2, would update 0, unchanged 0, differ 1, bad 0$" err &&
	household-add --dry-run --upsert --reason 人口核实 second.csv 2>err &&
	store_dump >after &&
	test_cmp before after &&
	grep_message "dry run, nothing written: 3 households read: would add 2, would update 1, unchanged 0, differ 0, bad 0$" err
'

test_case '--dry-run creates no store' '
	printf "household_id,village\nD1,甲村\n" >in.csv &&
	household-add --dry-run in.csv 2>err &&
	grep_message "dry run, nothing written: 1 households read: would add 1" err &&
	echo "no store" >expect &&
	store_dump >actual &&
	test_cmp expect actual
'

test_case 'one household given by options' '
	id=$(id_number 50023519850612003) &&
	household-add --id X1 --new-village --village 甲村 --group 1组 --head 王五 \
		--id-number "$id" --phone 13800001111 \
		--category 低保户 --category serious_illness --members 4 </dev/null 2>err &&
	grep_message "^household-add: 1 households read: added 1" err &&
	household-list --reveal -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "X1,王五,$id,13800001111,甲村,1组,minimum_allowance;serious_illness,4,,"
	} >expect &&
	test_cmp expect actual
'

test_case 'options give one household even when standard input has records' '
	printf "household_id,village\nS1,乙村\n" >in.csv &&
	household-add --new-village --id X1 --village 甲村 <in.csv &&
	household-list -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "X1,,,,甲村,,,,,"
	} >expect &&
	test_cmp expect actual
'

test_case 'a JSON array of households' '
	cat >in.json <<-\EOF &&
	[
	  {"household_id": "J1", "village": "甲村", "head_name": "周一", "members": 2},
	  {"household_id": "J2", "village": "甲村", "village_group": "2组",
	   "categories": "低保户", "phone": "023-6512 3456"}
	]
	EOF
	household-add in.json 2>err &&
	grep_message "2 households read: added 2" err &&
	household-list --reveal -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "J1,周一,,,甲村,,,2,," &&
		echo "J2,,,023-65123456,甲村,2组,minimum_allowance,,,"
	} >expect &&
	test_cmp expect actual
'

test_case 'JSON with the categories as an array' '
	printf "%s\n" \
		"{\"household_id\":\"K1\",\"village\":\"甲村\",\"categories\":[\"脱贫户\",\"监测户\"],\"monitor_type\":\"脱贫不稳定户\",\"risk_status\":\"未消除风险\"}" \
		"{\"household_id\":\"K2\",\"village\":\"甲村\",\"categories\":[\"minimum_allowance\"]}" >in.jsonl &&
	household-add in.jsonl &&
	household-list -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "K1,,,,甲村,,lifted;monitored,,unstable,at_risk" &&
		echo "K2,,,,甲村,,minimum_allowance,,,"
	} >expect &&
	test_cmp expect actual
'

test_case 'CSV with a UTF-8 byte-order mark and CRLF line ends' '
	printf "\357\273\277household_id,head_name,village,members\r\nB1,赵六,乙村,2\r\nB2,钱七,乙村,3\r\n" >bom.csv &&
	household-add bom.csv &&
	household-list -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "B1,赵六,,,乙村,,,2,," &&
		echo "B2,钱七,,,乙村,,,3,,"
	} >expect &&
	test_cmp expect actual
'

test_case 'quoted fields with commas, quotes and newlines survive a round trip' '
	printf "household_id,head_name,village\nQ1,\"王二,小名\"\"狗蛋\"\"\n第二行\",甲村\nQ2,李四,\"甲村\"\n" >in.csv &&
	household-add in.csv &&
	sqlite3 "$RENKE_DB" "select head_name from household where household_id = ${SQ}Q1${SQ}" >actual &&
	printf "王二,小名\"狗蛋\"\n第二行\n" >expect &&
	test_cmp expect actual &&
	household-list -f csv >out1 &&
	{
		echo "$LIST_HEADER" &&
		printf "Q1,\"王二,小名\"\"狗蛋\"\"\n第二行\",,,甲村,,,,,\n" &&
		echo "Q2,李四,,,甲村,,,,,"
	} >expect &&
	test_cmp expect out1 &&
	household-add -d two.db out1 &&
	household-list -d two.db -f csv >out2 &&
	test_cmp out1 out2 &&
	household-list -f jsonl >out.jsonl &&
	head -n 1 out.jsonl | jq -r .head_name >actual &&
	printf "王二,小名\"狗蛋\"\n第二行\n" >expect &&
	test_cmp expect actual
'

test_case 'Chinese category labels separated by 、 ； and ;' '
	printf "household_id,village,categories\nC1,甲村,脱贫户、低保户\nC2,甲村,监测户;大病户\nC3,甲村,脱贫户；特困户\nC4,甲村,一般农户\n" >in.csv &&
	household-add in.csv &&
	household-list -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "C1,,,,甲村,,lifted;minimum_allowance,,," &&
		echo "C2,,,,甲村,,monitored;serious_illness,,," &&
		echo "C3,,,,甲村,,lifted;extreme_poverty,,," &&
		echo "C4,,,,甲村,,ordinary,,,"
	} >expect &&
	test_cmp expect actual &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 household-list -f table >table &&
	grep "^C1 .* 脱贫户、低保户$" table &&
	grep "^C2 .* 监测户、大病户$" table
'

test_case 'Chinese headers with full-width parentheses: 村（社区）' '
	printf "户编号,户主姓名,村（社区）,村民小组,家庭人口\nF1,孙八,丙村,3组,5\n" >in.csv &&
	household-add in.csv &&
	household-list -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "F1,孙八,,,丙村,3组,,5,,"
	} >expect &&
	test_cmp expect actual
'

test_case 'the store is created with mode 0600' '
	printf "household_id,village\nM1,甲村\n" >in.csv &&
	umask 000 &&
	household-add in.csv &&
	for f in "$RENKE_DB" "$RENKE_DB-wal" "$RENKE_DB-shm"
	do
		if test -e "$f"
		then
			echo "$f 600" >expect &&
			echo "$f $(stat -c %a "$f")" >actual &&
			test_cmp expect actual || return 1
		fi
	done &&
	test -f "$RENKE_DB"
'

test_case 'household-list masks ID and phone numbers' '
	household-add "$EXAMPLES/households.csv" &&
	household-list -f jsonl >out &&
	test_line_count 350 out &&
	jq -r .id_number out >ids &&
	test_line_count 350 ids &&
	! grep -Ev "^[0-9]{6}[*]{8}[0-9]{3}[0-9X]$" ids &&
	jq -r "select(.phone != null) | .phone" out >phones &&
	test_line_count $(grep -c "\"phone\":\"1" "$EXAMPLES/households.jsonl") phones &&
	! grep -Ev "^1[0-9]{2}[*]{4}[0-9]{4}$" phones &&
	household-list -f csv >csv &&
	! grep -E "[0-9]{17}[0-9X]|1[3-9][0-9]{9}" csv &&
	household-list -f table >table &&
	! grep -E "[0-9]{17}[0-9X]|1[3-9][0-9]{9}" table &&
	grep "500235\*\*\*\*\*\*\*\*0010  154\*\*\*\*0480" table &&
	echo 0 >expect &&
	sqlite3 "$RENKE_DB" "select count(*) from audit where entity = ${SQ}reveal${SQ}" >actual &&
	test_cmp expect actual
'

test_case 'household-list --reveal shows the numbers and audits it' '
	household-add "$EXAMPLES/households.csv" &&
	household-list --reveal -f csv >out &&
	grep "^HY0101001,何玉勇,500235194109190010,15478480480," out &&
	household-list --reveal -f jsonl --village 后叶村 >out.jsonl &&
	sqlite3 "$RENKE_DB" "select who, command, entity, new from audit where entity = ${SQ}reveal${SQ} order by seq" >actual &&
	{
		echo "tester|household-list|reveal|village=* group=* category=* id=*" &&
		echo "tester|household-list|reveal|village=后叶村 group=* category=* id=*"
	} >expect &&
	test_cmp expect actual
'

test_case 'household-list -f json is valid JSON' '
	household-add "$EXAMPLES/households.csv" &&
	household-list -f json >out.json &&
	python3 -m json.tool out.json >/dev/null &&
	echo 350 >expect &&
	jq length out.json >actual &&
	test_cmp expect actual &&
	jq -r ".[0].household_id, .[0].members, (.[0].members | type)" out.json >actual &&
	printf "HY0101001\n4\nnumber\n" >expect &&
	test_cmp expect actual &&
	household-list -f json --id 无此户 >empty.json &&
	python3 -m json.tool empty.json >/dev/null &&
	echo 0 >expect &&
	jq length empty.json >actual &&
	test_cmp expect actual
'

test_case 'household-list -f jsonl writes one object per line' '
	household-add "$EXAMPLES/households.csv" &&
	household-list -f jsonl >out &&
	test_line_count 350 out &&
	python3 -c "
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding=\"utf-8\"), 1):
    obj = json.loads(line)
    assert isinstance(obj, dict), n
    assert len(obj) == 10, n
" out
'

test_case 'household-list -f table aligns Chinese text' '
	household-add "$EXAMPLES/households.csv" &&
	household-add --id Z1 --village 后叶村 --head 𠮷䶮 --category 脱贫户 \
		--category 低保户 --members 12 </dev/null &&
	household-list -f table >table &&
	test_line_count 353 table &&
	python3 "$TRASH/check-table.py" table &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 household-list -f table >table.zh &&
	test_line_count 353 table.zh &&
	head -n 1 table.zh | grep "^户编号 .* 身份证号 " &&
	grep "^Z1 .*𠮷䶮 .* 脱贫户、低保户 " table.zh &&
	python3 "$TRASH/check-table.py" table.zh
'

test_case '--excel writes a BOM, CRLF and guards cells that look like formulas' '
	printf "household_id,head_name,village,members\nE1,=1+1,甲村,2\nE2,+SUM(A1),甲村,3\nE3,@A1,甲村,\nE4,-2+3,甲村,1\nE5,王九,甲村,4\n" >in.csv &&
	household-add in.csv &&
	household-list --excel >actual &&
	{
		printf "\357\273\277%s\r\n" "household,head,ID number,phone,village,group,categories,members,monitor type,risk status" &&
		printf "E1,${SQ}=1+1,,,甲村,,,2,,\r\n" &&
		printf "E2,${SQ}+SUM(A1),,,甲村,,,3,,\r\n" &&
		printf "E3,${SQ}@A1,,,甲村,,,,,\r\n" &&
		printf "E4,${SQ}-2+3,,,甲村,,,1,,\r\n" &&
		printf "E5,王九,,,甲村,,,4,,\r\n"
	} >expect &&
	test_cmp expect actual &&
	household-list --bom -f csv >actual &&
	{
		printf "\357\273\277%s\n" "$LIST_HEADER" &&
		printf "E1,=1+1,,,甲村,,,2,,\n"
	} >expect &&
	head -n 2 actual >actual.2 &&
	test_cmp expect actual.2
'

test_case 'household-list --category and --village filter' '
	household-add "$EXAMPLES/households.csv" &&
	household-list -f csv --category 监测户 >by-label &&
	household-list -f csv --category monitored >by-code &&
	test_cmp by-label by-code &&
	n=$(grep -c "\"监测户\"" "$EXAMPLES/households.jsonl") &&
	test_line_count $((n + 1)) by-label &&
	! tail -n +2 by-label | grep -v ",[^,]*monitored[^,]*,[0-9]*,[^,]*,[^,]*$" &&
	household-list -f csv --village 石门村 >village &&
	n=$(grep -c "\"village\":\"石门村\"" "$EXAMPLES/households.jsonl") &&
	test_line_count $((n + 1)) village &&
	! tail -n +2 village | grep -v "^[^,]*,[^,]*,[^,]*,[^,]*,石门村," &&
	household-list -f csv --village 石门村 --category 脱贫户 >both &&
	n=$(grep "\"village\":\"石门村\"" "$EXAMPLES/households.jsonl" | grep -c "\"脱贫户\"") &&
	test_line_count $((n + 1)) both &&
	household-list -f csv --village 后叶村 --group 1社 >group &&
	n=$(grep "\"village\":\"后叶村\"" "$EXAMPLES/households.jsonl" | grep -c "\"village_group\":\"1社\"") &&
	test_line_count $((n + 1)) group
'

test_case 'standard input: no file and -' '
	printf "household_id,village\nI1,甲村\n" >one.csv &&
	printf "{\"household_id\":\"I2\",\"village\":\"甲村\"}\n" >two.jsonl &&
	household-add <one.csv &&
	household-add - <two.jsonl &&
	household-list -f csv >actual &&
	{
		echo "$LIST_HEADER" &&
		echo "I1,,,,甲村,,,,," &&
		echo "I2,,,,甲村,,,,,"
	} >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select s.file || ${SQ}:${SQ} || h.line from household h
		join household_source s on s.id = h.source_id order by h.id" >actual &&
	printf "stdin:2\nstdin:1\n" >expect &&
	test_cmp expect actual
'

test_case 'after an import the store still refuses, to any other writer, what the importer refuses' '
	household-add "$EXAMPLES/households.csv" &&
	visit-log -q --today 2023-03-01 "$EXAMPLES/visits.csv" &&
	store_dump >before &&
	sqlite_refuses "insert into household (household_id, village_id, members,
		source_id, line) values (${SQ}X1${SQ}, 1, 0, 1, 1)" 2>err &&
	grep_message "CHECK constraint failed" err &&
	sqlite_refuses "insert into household (household_id, village_id,
		monitor_type, source_id, line) values (${SQ}X1${SQ}, 1, ${SQ}poor${SQ}, 1, 1)" 2>err &&
	grep_message "CHECK constraint failed" err &&
	sqlite_refuses "insert into visit (household_id, visit_date, visitor, round,
		visitor_role, source_id, line) values (${SQ}X1${SQ}, ${SQ}2022-10-01${SQ},
		${SQ}a${SQ}, ${SQ}r${SQ}, ${SQ}boss${SQ}, 1, 1)" 2>err &&
	grep_message "CHECK constraint failed" err &&
	sqlite_refuses "insert into visit (household_id, visit_date, visitor, round,
		source_id, line) values (${SQ}X1${SQ}, ${SQ}1800-01-01${SQ}, ${SQ}a${SQ},
		${SQ}r${SQ}, 1, 1)" 2>err &&
	grep_message "CHECK constraint failed" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a file imported again is looked up in batches and settled in the order of the input' '
	# 600 households with ID numbers; then the same file with one
	# changed (P0100), one given twice with another phone (P0500), and a
	# new household Q1 with the ID number of P0005 (after P0300), then Q1
	# again with a number of its own (after P0400)
	awk "function idn(n,   d, s, i, w) {
			split(\"7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2\", w, \" \")
			d = sprintf(\"1101011990%02d%02d%03d\", 1, 1 + int(n / 1000), n % 1000); s = 0
			for (i = 1; i <= 17; i++) s += substr(d, i, 1) * w[i]
			return d substr(\"10X98765432\", s % 11 + 1, 1)
		}
		BEGIN { print \"household_id,id_number,phone,village\"
		for (i = 1; i <= 600; i++) {
			printf \"P%04d,%s,139%08d,甲村\\n\", i, idn(i), i
			if (i == 300) printf \"Q1,%s,,甲村\\n\", idn(5)
			if (i == 400) printf \"Q1,%s,,甲村\\n\", idn(9999)
			if (i == 500) printf \"P0500,%s,13700000000,甲村\\n\", idn(500)
		} }" >two.csv &&
	grep -v "^Q1\|13700000000" two.csv >one.csv &&
	household-add -q one.csv &&
	sed -i "s/^P0100,\(.*\),13900000100,/P0100,\1,13800000100,/" two.csv &&
	household-add --skip-bad --rejects rejects.csv two.csv 2>err &&
	grep "^household-add: two.csv:" err >problems &&
	echo "household-add: two.csv:302: id_number: the same number is registered to household P0005" >expect &&
	test_cmp expect problems &&
	grep_message "^household-add: 603 households read: added 1, updated 0, unchanged 599, differ 2, bad 1$" err &&
	sqlite3 "$RENKE_DB" "SELECT h.household_id, h.line, s.file FROM household h
		JOIN household_source s ON s.id = h.source_id WHERE h.household_id = ${SQ}Q1${SQ}" >actual &&
	echo "Q1|403|two.csv" >expect &&
	test_cmp expect actual &&
	household-add --upsert --reason 重号核实 --skip-bad --rejects rejects.csv two.csv 2>err &&
	grep_message "^household-add: two.csv:302: id_number: the same number belongs to another household$" err &&
	grep_message "^household-add: 603 households read: added 0, updated 2, unchanged 600, differ 0, bad 1$" err
'

test_case 'the audit log refuses UPDATE and DELETE' '
	household-add "$EXAMPLES/households.csv" &&
	store_dump >before &&
	sqlite_refuses "update audit set who = who || 1" 2>err &&
	grep_message "append-only" err &&
	sqlite_refuses "delete from audit" 2>err &&
	grep_message "append-only" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'records written in batches keep the order of the input in problems and rows' '
	# 700 households; a household again right after itself (131), one
	# batch later (390) and several batches later (400), a bad category
	# between them (200): problems in the order of the lines, and every
	# good row stored with its own line
	awk "BEGIN { print \"household_id,head_name,village,village_group,categories,phone\"
		for (i = 1; i <= 700; i++) {
			id = sprintf(\"P%04d\", i); cat = \"lifted\"
			if (i == 131) id = \"P0130\"
			if (i == 390) id = \"P0001\"
			if (i == 400) id = \"P0003\"
			if (i == 200) cat = \"nonsense\"
			printf \"%s,户主%d,甲村,%d组,%s,139%08d\\n\", id, i, i % 3 + 1, cat, i
		} }" >in.csv &&
	expect_status 0 household-add --skip-bad --rejects rejects.csv in.csv 2>err &&
	grep "^household-add: in.csv:" err | cut -d: -f3 >lines &&
	printf "%s\n" 132 201 391 401 >expect &&
	test_cmp expect lines &&
	grep_message "in.csv:401: household_id: the same household is already on in.csv:4\$" err &&
	grep_message "added 696, updated 0, unchanged 0, differ 0, bad 4" err &&
	csv_column 2 rejects.csv | sed 1d >lines &&
	test_cmp expect lines &&
	sqlite3 "$RENKE_DB" "SELECT count(*), count(DISTINCT line), min(line),
		max(line), count(DISTINCT source_id), s.file FROM household h
		JOIN household_source s ON s.id = h.source_id" >actual &&
	echo "696|696|2|701|1|in.csv" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT household_id, head_name, phone FROM household
		WHERE household_id IN (${SQ}P0001${SQ}, ${SQ}P0003${SQ}, ${SQ}P0130${SQ})
		ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	P0001|户主1|13900000001
	P0003|户主3|13900000003
	P0130|户主130|13900000130
	EOF
	test_cmp expect actual &&
	# again with --upsert: the repeated lines now update what the first wrote
	sed "s/,nonsense,/,lifted,/" in.csv >fixed.csv &&
	household-add --upsert --reason 类别更正 fixed.csv 2>err &&
	grep_message "added 1, updated 3, unchanged 696, differ 0, bad 0" err &&
	sqlite3 "$RENKE_DB" "SELECT phone FROM household
		WHERE household_id = ${SQ}P0003${SQ}" >actual &&
	echo 13900000400 >expect &&
	test_cmp expect actual
'

test_case 'a household on file again, now in a new village, amid a batch: the village goes with it' '
	household-add -q --id P0001 --head 户主1 --new-village --village 甲村 --group 1组 &&
	awk "BEGIN { print \"household_id,head_name,village,village_group\"
		for (i = 2; i <= 300; i++)
			if (i == 150) print \"P0001,户主1,新村,1组\"
			else printf \"P%04d,户主%d,甲村,%d组\\n\", i, i, i % 3 + 1 }" >in.csv &&
	household-add in.csv 2>err &&
	grep_message "added 298, updated 0, unchanged 0, differ 1, bad 0" err &&
	echo 甲村 >expect &&
	sqlite3 "$RENKE_DB" "SELECT name FROM village" >actual &&
	test_cmp expect actual &&
	household-add --upsert --reason 搬迁 in.csv 2>err &&
	grep_message "added 0, updated 1, unchanged 298, differ 0, bad 0" err &&
	sqlite3 "$RENKE_DB" "SELECT v.name FROM household h JOIN village v
		ON v.id = h.village_id WHERE h.household_id = ${SQ}P0001${SQ}" >actual &&
	echo 新村 >expect &&
	test_cmp expect actual
'

test_case 'the store records its schema version and uses WAL' '
	printf "household_id,village\nW1,甲村\n" >in.csv &&
	household-add in.csv &&
	grep -c "^-- version [0-9]" "$TOP/lib/schema.sql" >expect &&
	sqlite3 "$RENKE_DB" "pragma user_version" >actual &&
	test_cmp expect actual &&
	test "$(cat actual)" -gt 0 &&
	echo wal >expect &&
	sqlite3 "$RENKE_DB" "pragma journal_mode" >actual &&
	test_cmp expect actual
'

test_done
