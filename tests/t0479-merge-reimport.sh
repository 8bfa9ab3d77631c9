#!/bin/sh
#
# After place-edit merge and household-edit merge, the issue file read
# before the merge, read again, adds nothing: the name or number merged
# away still finds the place or household kept, and the issues' keys
# follow the merge

. "$(dirname "$0")/lib.sh"

# seed: the example township, and 后页村 (a typo) with household
# HY0101100 and a group 一社 of 后叶村; issues.csv names them
seed() {
	example_households &&
	household-add -q --new-village --id HY0101100 --village 后页村 \
		--group 1社 --head 王成 &&
	household-add -q --new-group --id HY0101101 --village 后叶村 --group 一社 --head 李四 &&
	cat >issues.csv <<-\EOF &&
	title,village,village_group,household_id,owner
	路灯,后页村,1社,,王强
	水渠,后页村,,,王强
	屋顶,后页村,1社,HY0101100,王强
	厕所,后叶村,一社,,王强
	院墙,后叶村,一社,HY0101101,王强
	EOF
	issue-add -q --today 2022-11-02 issues.csv >/dev/null
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'a village merged: the issue file read again adds nothing, the village is not made again' '
	seed &&
	place-edit -q --reason 同一村 merge 后页村 后叶村 &&
	issue-add --today 2022-11-03 issues.csv >out 2>err &&
	err_is err "issue-add: 5 issues read: added 0, updated 0, unchanged 5, differ 0, bad 0" &&
	test "$(sql "SELECT count(*) FROM issue")" = 5 &&
	test "$(sql "SELECT count(*) FROM village WHERE name = ${SQ}后页村${SQ}")" = 0 &&
	: read from records it finds the village kept, on the command line it is no village &&
	printf "household_id,village,village_group,head_name\nHY0101102,后页村,1社,赵六\n" >h.csv &&
	household-add -q h.csv &&
	household-list -f csv --id HY0101102 | cut -d , -f 5,6 | sed 1d >actual &&
	echo "后叶村,1社" >expect &&
	test_cmp expect actual &&
	test "$(sql "SELECT count(*) FROM village WHERE name = ${SQ}后页村${SQ}")" = 0 &&
	expect_status 65 household-list --village 后页村 2>err &&
	grep_message "no village" err
'

test_case 'a group merged: the issue file read again adds nothing' '
	seed &&
	place-edit -q --reason 同一社 --village 后叶村 merge 一社 1社 &&
	issue-add --today 2022-11-03 issues.csv >out 2>err &&
	err_is err "issue-add: 5 issues read: added 0, updated 0, unchanged 5, differ 0, bad 0" &&
	test "$(sql "SELECT count(*) FROM village_group g JOIN village v ON v.id = g.village_id
		WHERE v.name = ${SQ}后叶村${SQ} AND g.name = ${SQ}一社${SQ}")" = 0
'

test_case 'a household merged: the issue file read again adds nothing; its number finds the one kept' '
	seed &&
	household-add -q --id HY0101103 --village 后叶村 --group 一社 --head 李四 &&
	household-edit -q --reason 重复登记 merge HY0101101 HY0101103 &&
	issue-add --today 2022-11-03 issues.csv >out 2>err &&
	err_is err "issue-add: 5 issues read: added 0, updated 0, unchanged 5, differ 0, bad 0" &&
	test "$(sql "SELECT h.household_id FROM issue i JOIN household h ON h.id = i.household_ref
		WHERE i.title = ${SQ}院墙${SQ}")" = HY0101103 &&
	issue-add -q --today 2022-11-03 --title 新问题 --household HY0101101 --owner 王强 >/dev/null &&
	test "$(sql "SELECT h.household_id FROM issue i JOIN household h ON h.id = i.household_ref
		WHERE i.title = ${SQ}新问题${SQ}")" = HY0101103
'

test_case 'the same issue in both villages: one key is left as it was, and nothing is added' '
	seed &&
	printf "title,village,village_group,owner\n路灯,后叶村,1社,王强\n" >same.csv &&
	issue-add -q --today 2022-11-02 same.csv >/dev/null &&
	place-edit -q --reason 同一村 merge 后页村 后叶村 &&
	issue-add --today 2022-11-03 issues.csv same.csv >out 2>err &&
	err_is err "issue-add: 6 issues read: added 0, updated 0, unchanged 6, differ 0, bad 0" &&
	test "$(sql "SELECT count(*) FROM issue WHERE title = ${SQ}路灯${SQ}")" = 2
'

test_case 'removing a place or household drops the names merged into it' '
	seed &&
	place-edit -q --reason 同一社 --village 后叶村 merge 一社 1社 &&
	household-edit -q --reason 重复登记 merge HY0101100 HY0101001 &&
	test "$(sql "SELECT count(*) FROM merged_group") $(sql "SELECT count(*) FROM merged_household")" = "1 1" &&
	household-add -q --id HY0101200 --village 后叶村 --head 张三 &&
	household-edit -q --reason 重复登记 merge HY0101001 HY0101200 &&
	test "$(sql "SELECT group_concat(household_id) FROM (SELECT household_id FROM merged_household ORDER BY 1)")" = HY0101001,HY0101100 &&
	issue-update -q --today 2022-11-04 --id 3 --household HY0101002 --reason 户录错 >/dev/null &&
	household-edit -q --reason 录错 remove HY0101200 &&
	test "$(sql "SELECT count(*) FROM merged_household")" = 0
'

test_done
