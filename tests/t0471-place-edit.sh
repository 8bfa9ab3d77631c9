#!/bin/sh
#
# place-edit: a village or villager group renamed, merged into another or
# removed, audited with who and why; every refusal leaves the store as it
# was

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"
TRY="Try ${SQ}place-edit -h${SQ} for more information."

# seed: the example township, and 后页村 (a typo) with a household, a
# meeting and an issue in it; the dump in ./before
seed() {
	example_households &&
	household-add -q --new-village --id HY0101100 --village 后页村 \
		--group 1社 --head 王成 &&
	meeting-log -q --kind representatives --village 后页村 --date 2022-11-02 >/dev/null &&
	issue-add -q --today 2022-11-02 --title 路灯 --owner 王强 \
		--village 后页村 --group 1社 >/dev/null &&
	store_dump >before
}

# sql QUERY: the store's answer
sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'rename: the village goes by its new name, audited with who and why' '
	seed &&
	place-edit --by 李霞 --reason 录入错字 rename 后页村 后夜村 2>err &&
	err_is err "place-edit: renamed 后页村 to 后夜村" &&
	household-list -f csv --id HY0101100 | cut -d , -f 5,6 >actual &&
	printf "village,village_group\n后夜村,1社\n" >expect &&
	test_cmp expect actual &&
	sql "SELECT who, entity, entity_id, field, old, new FROM audit
		WHERE entity = ${SQ}village${SQ} AND field <> ${SQ}created${SQ}" >actual &&
	printf "%s\n" "李霞|village|后页村|name|后页村|后夜村" \
		"李霞|village|后页村|reason||录入错字" >expect &&
	test_cmp expect actual &&
	expect_status 65 household-list --village 后页村 2>err &&
	err_is err "household-list: no village \"后页村\": it is 后夜村 now, renamed or merged"
'

test_case 'rename a group of a village' '
	seed &&
	place-edit --reason 统一写法 --village 后页村 rename 1社 一社 2>err &&
	err_is err "place-edit: renamed 后页村 1社 to 一社" &&
	household-list -f csv --village 后页村 --group 一社 | cut -d , -f 1 >actual &&
	printf "household_id\nHY0101100\n" >expect &&
	test_cmp expect actual &&
	sql "SELECT entity, entity_id, field, old, new FROM audit
		WHERE entity = ${SQ}village_group${SQ}" >actual &&
	printf "%s\n" "village_group|后页村 1社|name|1社|一社" \
		"village_group|后页村 1社|reason||统一写法" >expect &&
	test_cmp expect actual
'

test_case 'rename refused: a name another place has, a place not known, "*"' '
	seed &&
	expect_status 65 place-edit --reason x rename 后页村 后叶村 2>err &&
	err_is err "place-edit: village 后叶村 exists already; merge joins two villages" &&
	expect_status 65 place-edit --reason x --village 后叶村 rename 1社 2社 2>err &&
	err_is err "place-edit: 后叶村 has a villager group 2社 already; merge joins two groups" &&
	expect_status 65 place-edit --reason x rename 后业村 后夜村 2>err &&
	err_is err "place-edit: no village \"后业村\"; did you mean 后叶村, 后页村?" &&
	expect_status 65 place-edit --reason x --village 后叶村 rename 9社 一社 2>err &&
	err_is err "place-edit: no villager group \"9社\" in 后叶村; did you mean 1社, 2社, 3社?" &&
	expect_status 65 place-edit --reason x rename 后页村 "*" 2>err &&
	err_is err "place-edit: \"*\" is the name of the total row in reports; give the place its own name" &&
	expect_status 65 $ZH place-edit --reason x rename 后页村 后叶村 2>err &&
	err_is err "place-edit: 后叶村已有；两村合并请用 merge" &&
	store_unchanged
'

test_case 'merge a village: its households, meetings and issues, its groups into the kept ones' '
	seed &&
	household-add -q --new-group --id HY0101101 --village 后页村 --group 9社 &&
	place-edit --by 李霞 --reason 同一村 merge 后页村 后叶村 2>err &&
	err_is err "place-edit: merged 后页村 into 后叶村, moving 2 households, 1 meeting and 1 issue" &&
	household-list -f csv --village 后叶村 --group 1社 | grep HY0101100 | cut -d , -f 1,5,6 >actual &&
	echo "HY0101100,后叶村,1社" >expect &&
	test_cmp expect actual &&
	household-list -f csv --village 后叶村 --group 9社 | cut -d , -f 1 >actual &&
	printf "household_id\nHY0101101\n" >expect &&
	test_cmp expect actual &&
	report-gen -f csv --village 后叶村 --group 1社 issues | cut -d , -f 4,6,7 >actual &&
	printf "title,village,village_group\n路灯,后叶村,1社\n" >expect &&
	test_cmp expect actual &&
	report-gen -f csv --village 后叶村 meetings | cut -d , -f 2,3 | sed 1d >actual &&
	echo "representatives,2022-11-02" >expect &&
	grep -q "representatives" actual &&
	test "$(sql "SELECT count(*) FROM village WHERE name = ${SQ}后页村${SQ}")" = 0 &&
	test "$(sql "SELECT count(*) FROM village_group g JOIN village v ON v.id = g.village_id
		WHERE v.name = ${SQ}后叶村${SQ} AND g.name = ${SQ}1社${SQ}")" = 1 &&
	sql "SELECT who, entity, entity_id, field, old, new FROM audit WHERE
		field IN (${SQ}village${SQ}, ${SQ}merged_into${SQ}, ${SQ}reason${SQ})
		ORDER BY seq" >actual &&
	printf "%s\n" "李霞|household|HY0101100|village|后页村|后叶村" \
		"李霞|household|HY0101101|village|后页村|后叶村" \
		"李霞|meeting|1|village|后页村|后叶村" \
		"李霞|issue|1|village|后页村|后叶村" \
		"李霞|village|后页村|merged_into|后页村|后叶村" \
		"李霞|village|后页村|reason||同一村" >expect &&
	test_cmp expect actual &&
	expect_status 65 household-list --village 后页村 2>err &&
	err_is err "household-list: no village \"后页村\": it is 后叶村 now, renamed or merged"
'

test_case 'merge a group into another of its village' '
	seed &&
	household-add -q --new-group --id HY0101101 --village 后叶村 --group 一社 &&
	place-edit --reason 同一社 --village 后叶村 merge 一社 1社 2>err &&
	err_is err "place-edit: merged 后叶村 一社 into 1社, moving 1 household" &&
	household-list -f csv --id HY0101101 | cut -d , -f 5,6 >actual &&
	printf "village,village_group\n后叶村,1社\n" >expect &&
	test_cmp expect actual &&
	sql "SELECT entity_id, field, old, new FROM audit WHERE field IN
		(${SQ}village_group${SQ}, ${SQ}merged_into${SQ}) ORDER BY seq" >actual &&
	printf "%s\n" "HY0101101|village_group|一社|1社" \
		"后叶村 一社|merged_into|一社|1社" >expect &&
	test_cmp expect actual
'

test_case 'merge refused: into itself, a meeting both held, a place not known' '
	seed &&
	meeting-log -q --kind representatives --village 后叶村 --date 2022-11-02 >/dev/null &&
	store_dump >before &&
	expect_status 65 place-edit --reason x merge 后页村 后叶村 2>err &&
	err_is err "place-edit: 后页村 and 后叶村 both hold a representatives${SQ} meeting on 2022-11-02: the same meeting twice; remove one of them first" &&
	expect_status 65 place-edit --reason x merge 后页村 后页村 2>err &&
	err_is err "place-edit: 后页村 cannot be merged into itself" &&
	expect_status 65 place-edit --reason x merge 后页村 后夜 2>err &&
	err_is err "place-edit: no village \"后夜\"" &&
	store_unchanged
'

test_case 'remove: a place nothing is in goes, with its groups; one in use is refused, named' '
	seed &&
	expect_status 65 place-edit --reason x remove 后页村 2>err &&
	err_is err "place-edit: 后页村 has 1 household, 1 meeting and 1 issue; merge it into another place, or move them, first" &&
	expect_status 65 place-edit --reason x --village 后叶村 remove 1社 2>err &&
	err_is err "place-edit: 后叶村 1社 has 4 households; merge it into another place, or move them, first" &&
	expect_status 65 $ZH place-edit --reason x remove 后页村 2>err &&
	err_is err "place-edit: 后页村尚有1户、1次会议和1个问题；请先并入别处或移走" &&
	store_unchanged &&
	household-add -q --new-village --id HY9 --village 新村 --group 1组 &&
	household-add -q --upsert --reason 迁入 --id HY9 --village 后叶村 --group 1社 &&
	place-edit --by 李霞 --reason 误建 remove 新村 2>err &&
	err_is err "place-edit: removed 新村" &&
	test "$(sql "SELECT count(*) FROM village_group g JOIN village v
		ON v.id = g.village_id WHERE v.name = ${SQ}新村${SQ}")" = 0 &&
	test "$(sql "SELECT count(*) FROM village WHERE name = ${SQ}新村${SQ}")" = 0 &&
	sql "SELECT who, entity_id, field, old, new FROM audit WHERE
		entity = ${SQ}village${SQ} AND entity_id = ${SQ}新村${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "tester|新村|created||" "李霞|新村|removed|新村|" \
		"李霞|新村|reason||误建" >expect &&
	test_cmp expect actual
'

test_case 'remove a group nothing is in' '
	seed &&
	household-add -q --new-group --id HY9 --village 后叶村 --group 9社 &&
	household-add -q --upsert --reason 误建 --id HY9 --village 后叶村 --group 1社 &&
	place-edit --reason 误建 --village 后叶村 remove 9社 2>err &&
	err_is err "place-edit: removed 后叶村 9社" &&
	expect_status 65 household-list --village 后叶村 --group 9社 2>err
'

test_case '--dry-run says what would be done and writes nothing' '
	seed &&
	place-edit --dry-run --reason x merge 后页村 后叶村 2>err &&
	err_is err "place-edit: dry run, nothing written: merged 后页村 into 后叶村, moving 1 household, 1 meeting and 1 issue" &&
	place-edit --dry-run --reason x rename 后页村 后夜村 2>err &&
	err_is err "place-edit: dry run, nothing written: renamed 后页村 to 后夜村" &&
	store_unchanged &&
	place-edit -q --reason x rename 后页村 后夜村 2>err &&
	test_must_be_empty err
'

test_case 'usage errors: no reason, an unknown action, names missing or too many' '
	seed &&
	expect_status 64 place-edit rename 后页村 后叶村 2>err &&
	err_is err "place-edit: --reason: say why; it is kept in the audit log" "$TRY" &&
	expect_status 64 place-edit --reason " " rename 后页村 后夜村 2>err &&
	err_is err "place-edit: --reason: say why; it is kept in the audit log" "$TRY" &&
	expect_status 64 place-edit --reason x move 后页村 后叶村 2>err &&
	err_is err "place-edit: unknown action \"move\"; expected rename, merge, remove or township" "$TRY" &&
	expect_status 64 place-edit --reason x rename 后页村 2>err &&
	err_is err "place-edit: rename takes two names: the place and the other name" "$TRY" &&
	expect_status 64 place-edit --reason x remove 后页村 后叶村 2>err &&
	err_is err "place-edit: remove takes one name: the place" "$TRY" &&
	expect_status 64 place-edit --reason x 2>err &&
	err_is err "place-edit: what to do? rename, merge, remove or township" "$TRY" &&
	expect_status 64 place-edit --reason x rename 后页村 " " 2>err &&
	err_is err "place-edit: a name or number may not be blank" "$TRY" &&
	expect_status 64 $ZH place-edit rename 后页村 后叶村 2>err &&
	grep_message "place-edit: --reason: 请写明原因" err &&
	store_unchanged
'

test_case 'a store that does not exist: 66, and none is made' '
	expect_status 66 place-edit --reason x remove 甲村 2>err &&
	grep_message "^place-edit: " err &&
	test_path_is_missing renke.db
'

test_case 'cadres assigned to a village: not removed, named; a merge moves them' '
	seed &&
	assign -q --cadre 王明 --role village_secretary --village 后页村 &&
	store_dump >before &&
	expect_status 65 place-edit --reason x remove 后页村 2>err &&
	err_is err "place-edit: 后页村 has 1 household, 1 meeting, 1 issue and 1 assignment; merge it into another place, or move them, first" &&
	store_unchanged &&
	place-edit --reason 同一村 merge 后页村 后叶村 2>err &&
	err_is err "place-edit: merged 后页村 into 后叶村, moving 1 household, 1 meeting, 1 issue and 1 assignment" &&
	test "$(sql "SELECT v.name FROM assignment a JOIN village v ON v.id = a.village_id
		WHERE a.cadre = ${SQ}王明${SQ}")" = 后叶村
'

test_done
