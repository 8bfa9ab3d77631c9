#!/bin/sh
#
# household-list finds a household as a clerk is asked for it: by part of
# a name, by a whole ID number, by a phone number or its last digits

. "$(dirname "$0")/lib.sh"

LIST_HEADER=household_id,head_name,id_number,phone,village,village_group,categories,members,monitor_type,risk_status

# ids SQL-CONDITION: the household numbers the condition on household
# finds, in household-list's order, by the test's own SQL
ids() {
	sqlite3 "$RENKE_DB" "SELECT h.household_id FROM household h
	    LEFT JOIN village_group g ON g.id = h.group_id
	    WHERE $1 ORDER BY h.village_id, g.id, h.household_id"
}

# listed OPTIONS...: the household numbers household-list prints
listed() {
	household-list -f csv "$@" | sed 1d | cut -d, -f1
}

test_case '--name finds by part of the head'\''s name, as the SQL does' '
	example_households &&
	ids "instr(h.head_name, ${SQ}雷${SQ}) > 0" >expect &&
	test_line_count 18 expect &&
	listed --name 雷 >actual &&
	test_cmp expect actual &&
	ids "h.head_name = ${SQ}雷军元${SQ}" >expect &&
	listed --name 雷军元 >actual &&
	test_cmp expect actual &&
	test_line_count 1 actual &&
	ids "instr(h.head_name, ${SQ}军元${SQ}) > 0" >expect &&
	listed --name " 军元　" >actual &&
	test_cmp expect actual
'

test_case '--name with --village and --category: every filter given holds' '
	example_households &&
	ids "instr(h.head_name, ${SQ}雷${SQ}) > 0 AND h.village_id =
	    (SELECT id FROM village WHERE name = ${SQ}红狮村${SQ})" >expect &&
	listed --name 雷 --village 红狮村 >actual &&
	test_cmp expect actual &&
	ids "instr(h.head_name, ${SQ}雷${SQ}) > 0 AND
	    instr(${SQ};${SQ} || h.categories || ${SQ};${SQ}, ${SQ};lifted;${SQ}) > 0" >expect &&
	listed --name 雷 --category 脱贫户 >actual &&
	test_cmp expect actual
'

test_case '--id-number finds by the whole number; the output stays masked' '
	example_households &&
	household-list -f csv --id-number 50023519871125912X >actual &&
	printf "%s\n%s\n" "$LIST_HEADER" \
	    "HY0105003,雷军元,500235********912X,139****2552,后叶村,5社,ordinary,3,," >expect &&
	test_cmp expect actual &&
	listed --id-number " 50023519871125912x " >actual &&
	echo HY0105003 >expect &&
	test_cmp expect actual &&
	listed --id-number ５００２３５１９８７１１２５９１２Ｘ >actual &&
	test_cmp expect actual
'

test_case '--id-number of nobody in the store finds nothing, exit 0' '
	example_households &&
	expect_status 0 household-list -f csv --id-number 110101199003074477 >actual &&
	echo "$LIST_HEADER" >expect &&
	test_cmp expect actual
'

test_case 'part of an ID number is refused, never said back; the store unchanged' '
	example_households &&
	store_dump >before &&
	expect_status 64 household-list --id-number 50023519871125 >out 2>err &&
	test_must_be_empty out &&
	grep_message "^household-list: --id-number: give the whole 18-character ID number; part of one finds nothing$" err &&
	! grep -q 50023519871125 err &&
	expect_status 64 household-list --id-number 50023519871125912 2>err &&
	grep_message "give the whole 18-character ID number" err &&
	expect_status 64 household-list --id-number 500235198711259120 2>err &&
	grep_message "^household-list: --id-number: not an ID number$" err &&
	! grep -q 500235198711259120 err &&
	expect_status 64 household-list --id-number 雷军元 2>err &&
	grep_message "^household-list: --id-number: not an ID number$" err &&
	store_dump >after &&
	test_cmp before after
'

test_case '--phone finds by the whole number, +86 and dashes as written' '
	example_households &&
	echo HY0105003 >expect &&
	listed --phone 13953152552 >actual &&
	test_cmp expect actual &&
	listed --phone "+86 139-5315-2552" >actual &&
	test_cmp expect actual
'

test_case '--phone finds by the last digits, as the SQL does; a landline too' '
	example_households &&
	household-add -q --id HY0101990 --village 后叶村 --head 王座机 \
	    --phone 023-77552552 &&
	ids "h.phone LIKE ${SQ}%2552${SQ}" >expect &&
	test_line_count 2 expect &&
	listed --phone 2552 >actual &&
	test_cmp expect actual &&
	echo HY0101990 >expect &&
	listed --phone 02377552552 >actual &&
	test_cmp expect actual &&
	listed --phone 023-77552552 >actual &&
	test_cmp expect actual &&
	listed --phone 7552552 >actual &&
	test_cmp expect actual
'

test_case 'a phone of fewer than 4 digits or not digits is refused; the store unchanged' '
	example_households &&
	store_dump >before &&
	expect_status 64 household-list --phone 552 >out 2>err &&
	test_must_be_empty out &&
	grep_message "^household-list: --phone: give the whole number or at least its last 4 digits$" err &&
	expect_status 64 household-list --phone 13a53152552 2>err &&
	grep_message "^household-list: --phone: not a phone number$" err &&
	expect_status 64 household-list --phone "" 2>err &&
	grep_message "^household-list: --phone: not a phone number$" err &&
	expect_status 64 household-list --name " " 2>err &&
	grep_message "^household-list: --name: empty name$" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'zh_CN: the refusals in Chinese' '
	if ! locale -a 2>/dev/null | grep -qi "^zh_CN\.utf-\{0,1\}8$"; then
		echo "zh_CN.UTF-8 is not installed; as root run scripts/install-deps.sh" >&2
		exit 1
	fi &&
	LC_ALL=zh_CN.UTF-8 expect_status 64 household-list --id-number 500235 2>err &&
	grep_message "^household-list: --id-number: 请给出完整的 18 位身份证号；部分号码查不到$" err &&
	LC_ALL=zh_CN.UTF-8 expect_status 64 household-list --id-number 500235198711259120 2>err &&
	grep_message "^household-list: --id-number: 不是身份证号$" err &&
	LC_ALL=zh_CN.UTF-8 expect_status 64 household-list --phone 52 2>err &&
	grep_message "^household-list: --phone: 请给出完整号码，或至少其后 4 位$" err &&
	LC_ALL=zh_CN.UTF-8 expect_status 64 household-list --phone 五五二 2>err &&
	grep_message "^household-list: --phone: 不是电话号码$" err &&
	LC_ALL=zh_CN.UTF-8 expect_status 64 household-list --name "" 2>err &&
	grep_message "^household-list: --name: 姓名为空$" err
'

test_case '--reveal of a search is audited with the numbers searched by masked' '
	example_households &&
	household-list --reveal --by 李霞 --id-number 50023519871125912X --phone 2552 >out &&
	grep -q "^HY0105003,雷军元,50023519871125912X,13953152552," out &&
	sqlite3 "$RENKE_DB" "SELECT who, new FROM audit WHERE entity = ${SQ}reveal${SQ}" >actual &&
	echo "李霞|village=* group=* category=* id=* id_number=500235********912X phone=2552" >expect &&
	test_cmp expect actual
'

test_case 'a member finds the household: by part of the name, the ID number, the phone' '
	example_households &&
	son=$(id_number 50023520100101123) &&
	member-add -q --household HY0105003 --id-number "$son" --name 雷小明 \
	    --relation child --phone 13712345678 &&
	echo HY0105003 >expect &&
	listed --name 小明 >actual &&
	test_cmp expect actual &&
	listed --id-number "$son" >actual &&
	test_cmp expect actual &&
	listed --phone 12345678 >actual &&
	test_cmp expect actual &&
	ids "instr(h.head_name, ${SQ}雷${SQ}) > 0 OR h.household_id IN
	    (SELECT household_id FROM member WHERE instr(name, ${SQ}雷${SQ}) > 0)" >expect &&
	listed --name 雷 >actual &&
	test_cmp expect actual &&
	household-list -f csv --id-number "$son" >out &&
	! grep -q "$son" out
'

test_case 'no match on a terminal says so; csv and json stay empty for scripts' '
	example_households &&
	on_terminal "household-list --name 无此人" >actual &&
	echo "no matching households" >expect &&
	test_cmp expect actual &&
	on_terminal "household-list -f markdown --name 无此人" >actual &&
	tail -n 1 actual >last &&
	test_cmp expect last &&
	on_terminal "LC_ALL=zh_CN.UTF-8 household-list --name 无此人" >actual &&
	echo "没有符合条件的户" >expect &&
	test_cmp expect actual &&
	on_terminal "household-list -f csv --name 无此人" >actual &&
	echo "$LIST_HEADER" >expect &&
	test_cmp expect actual &&
	on_terminal "household-list -f json --name 无此人" >actual &&
	echo "[]" >expect &&
	test_cmp expect actual &&
	household-list -f table --name 无此人 >actual &&
	test_must_be_empty actual &&
	on_terminal "household-list --name 雷军元" >actual &&
	! grep -q "no matching" actual &&
	grep -q HY0105003 actual
'

test_done
