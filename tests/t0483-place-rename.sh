#!/bin/sh
#
# place-edit rename leaves the old name behind as merges do: a file
# naming the village or group by its old name finds the renamed one, so
# reading it again adds nothing; on the command line the old name is
# refused with the name it has now.

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"

# one store for every case: 后页村 (a typo) with a group 1社, households
# and issues that name it, and the files they came from
(
	cd "$TRASH" && RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	household-add -q --new-village --id H0 --village 后叶村 --group 1社 &&
	printf "%s\n" "household_id,village,village_group,head_name" \
		"H1,后页村,1社,王大" "H2,后页村,1社,王二" >households.csv &&
	household-add -q households.csv &&
	printf "%s\n" "title,village,village_group,household_id,owner" \
		"路灯,后页村,1社,,王强" "水渠,后页村,,,王强" "屋顶,后页村,1社,H1,王强" >issues.csv &&
	issue-add -q --today 2022-11-02 issues.csv >/dev/null
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	cp "$TRASH"/households.csv "$TRASH"/issues.csv .
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'a village renamed: its old files read again add nothing, and make no village' '
	seed &&
	place-edit -q --by 李霞 --reason 村名打错 rename 后页村 后坪村 &&
	household-add households.csv 2>err &&
	err_is err "household-add: 2 households read: added 0, updated 0, unchanged 2, differ 0, bad 0" &&
	issue-add --today 2022-11-03 issues.csv >/dev/null 2>err &&
	err_is err "issue-add: 3 issues read: added 0, updated 0, unchanged 3, differ 0, bad 0" &&
	test "$(sql "SELECT count(*) FROM village WHERE name = ${SQ}后页村${SQ}")" = 0 &&
	household-list -f csv --id H1 | cut -d , -f 5,6 | sed 1d >actual &&
	echo "后坪村,1社" >expect &&
	test_cmp expect actual
'

test_case 'on the command line the old name is refused, naming the new one; C and zh_CN' '
	seed &&
	place-edit -q --reason 村名打错 rename 后页村 后坪村 &&
	store_dump >before &&
	expect_status 65 household-add --id H9 --village 后页村 2>err &&
	err_is err "household-add: no village \"后页村\": it is 后坪村 now, renamed or merged" &&
	expect_status 65 $ZH household-list --village 后页村 2>err &&
	err_is err "household-list: 没有该村(社区)：后页村；现为 后坪村（已改名或合并）" &&
	expect_status 65 issue-add --today 2022-11-03 --title 新 --village 后页村 --owner 王强 2>err &&
	grep_message "it is 后坪村 now" err &&
	store_unchanged
'

test_case 'a group renamed: its old name finds it in files, and is refused on the command line' '
	seed &&
	place-edit -q --reason 组名统一 --village 后页村 rename 1社 一组 &&
	household-add households.csv 2>err &&
	grep_message "added 0, updated 0, unchanged 2" err &&
	issue-add --today 2022-11-03 issues.csv >/dev/null 2>err &&
	grep_message "added 0, updated 0, unchanged 3" err &&
	test "$(sql "SELECT group_concat(g.name) FROM village_group g JOIN village v
		ON v.id = g.village_id WHERE v.name = ${SQ}后页村${SQ}")" = 一组 &&
	store_dump >before &&
	expect_status 65 household-add --id H9 --village 后页村 --group 1社 2>err &&
	err_is err "household-add: no villager group \"1社\" in 后页村: it is 一组 now, renamed or merged" &&
	expect_status 65 $ZH household-add --id H9 --village 后页村 --group 1社 2>err &&
	err_is err "household-add: 后页村没有该村民小组：1社；现为 一组（已改名或合并）" &&
	store_unchanged
'

test_case 'renamed back, the name is its own again; the old names of another place are refused' '
	seed &&
	place-edit -q --reason 改名 rename 后页村 后坪村 &&
	place-edit -q --reason 改回 rename 后坪村 后页村 &&
	sql "SELECT m.name, v.name FROM merged_village m JOIN village v ON v.id = m.village_id" >actual &&
	echo "后坪村|后页村" >expect &&
	test_cmp expect actual &&
	household-add -q --id H9 --village 后页村 &&
	place-edit -q --reason 并村 merge 后叶村 后页村 &&
	household-add -q --new-village --id H10 --village 新村 &&
	store_dump >before &&
	expect_status 65 place-edit --reason 改名 rename 新村 后叶村 2>err &&
	err_is err "place-edit: 后叶村 is an old name of 后页村, and still finds it in files; choose another name" &&
	store_unchanged
'

test_case 'a dry run of a rename leaves no alias; the rename is audited with its reason' '
	seed &&
	store_dump >before &&
	place-edit --dry-run --reason 村名打错 rename 后页村 后坪村 2>err &&
	grep_message "dry run, nothing written: renamed 后页村 to 后坪村" err &&
	store_unchanged &&
	place-edit -q --by 李霞 --reason 村名打错 rename 后页村 后坪村 &&
	sql "SELECT who, field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE entity = ${SQ}village${SQ}
		AND field <> ${SQ}created${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "李霞|name|后页村|后坪村" "李霞|reason|-|村名打错" >expect &&
	test_cmp expect actual
'

test_done
