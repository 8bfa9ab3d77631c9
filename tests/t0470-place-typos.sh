#!/bin/sh
#
# A village or villager group given on the command line must be known:
# a typo is refused with the nearest known names, --new-village and
# --new-group say a new one is meant, read-only filters refuse an unknown
# name rather than answer nothing, and an import from a file says which
# places it made

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"

# seed: the example township's households, the store's dump in ./before
seed() {
	example_households && store_dump >before
}

test_case 'a village typed wrong is refused with the nearest known name' '
	seed &&
	expect_status 65 household-add --id HY0101100 --village 后页村 --head 王成 \
		>out 2>err &&
	err_is err "household-add: no village \"后页村\"; did you mean 后叶村? (--new-village if it is new)" &&
	test_must_be_empty out &&
	store_unchanged &&
	expect_status 65 $ZH household-add --id HY0101100 --village 后页村 \
		--head 王成 2>err &&
	err_is err "household-add: 没有该村(社区)：后页村；是否为 后叶村？（确为新村请加 --new-village）" &&
	store_unchanged
'

test_case 'a group typed wrong: at most three names, the nearest first' '
	seed &&
	expect_status 65 household-add --id HY0101100 --village 后叶村 --group 9社 \
		2>err &&
	err_is err "household-add: no villager group \"9社\" in 后叶村; did you mean 1社, 2社, 3社? (--new-group if it is new)" &&
	expect_status 65 household-add --id HY0101100 --village 后叶村 --group 1社区 \
		2>err &&
	err_is err "household-add: no villager group \"1社区\" in 后叶村; did you mean 1社? (--new-group if it is new)" &&
	expect_status 65 $ZH household-add --id HY0101100 --village 后叶村 \
		--group 9社 2>err &&
	err_is err "household-add: 后叶村没有该村民小组：9社；是否为 1社、2社、3社？（确为新村民小组请加 --new-group）" &&
	store_unchanged
'

test_case 'nothing near: the name alone; a third of the characters is near' '
	seed &&
	expect_status 65 household-add --id HY0101100 --village 花果山 2>err &&
	err_is err "household-add: no village \"花果山\" (--new-village if it is new)" &&
	expect_status 65 household-add --id HY0101100 --village 后叶 2>err &&
	err_is err "household-add: no village \"后叶\"; did you mean 后叶村? (--new-village if it is new)" &&
	expect_status 65 household-add --id HY0101100 --village 后页 2>err &&
	err_is err "household-add: no village \"后页\" (--new-village if it is new)" &&
	expect_status 65 household-add --id HY0101100 --village 高峰社 2>err &&
	err_is err "household-add: no village \"高峰社\"; did you mean 高峰社区? (--new-village if it is new)" &&
	expect_status 65 household-add --id HY0101100 --village 高风设区 2>err &&
	err_is err "household-add: no village \"高风设区\" (--new-village if it is new)" &&
	store_unchanged
'

test_case 'four names as near: three shown, in the order of their names' '
	for v in 甲村 乙村 丙村 丁村; do
		household-add -q --new-village --id "H$v" --village "$v" || return 1
	done &&
	store_dump >before &&
	expect_status 65 household-add --id H5 --village 戊村 2>err &&
	err_is err "household-add: no village \"戊村\"; did you mean 丁村, 丙村, 乙村? (--new-village if it is new)" &&
	expect_status 65 household-add --id H5 --village 甲村子 2>err &&
	err_is err "household-add: no village \"甲村子\"; did you mean 甲村? (--new-village if it is new)" &&
	store_unchanged
'

test_case '--new-village and --new-group register what is meant to be new' '
	seed &&
	household-add --id HY1001001 --village 新华村 --group 1组 --head 王成 \
		--new-village 2>err &&
	err_is err "household-add: 1 households read: added 1, updated 0, unchanged 0, differ 0, bad 0" \
		"household-add: new villages: 新华村; new villager groups: 新华村 1组" &&
	household-add --id HY0101100 --village 后叶村 --group 7社 --new-group 2>err &&
	err_is err "household-add: 1 households read: added 1, updated 0, unchanged 0, differ 0, bad 0" \
		"household-add: new villager groups: 后叶村 7社" &&
	household-add --id HY0101101 --village 后叶村 --group 7社 --new-group \
		--new-village 2>err &&
	err_is err "household-add: 1 households read: added 1, updated 0, unchanged 0, differ 0, bad 0" &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM village_group g JOIN village v
		ON v.id = g.village_id WHERE v.name = ${SQ}后叶村${SQ}
		AND g.name = ${SQ}7社${SQ}" >actual &&
	echo 1 >expect &&
	test_cmp expect actual &&
	$ZH household-add --id HY1001002 --village 新华村 --group 2组 --new-group 2>err &&
	err_is err "household-add: 读入户信息1条：新增1，更新0，无变化0，不一致0，有误0" \
		"household-add: 新建村民小组：新华村 2组"
'

test_case '--new-group does not make a village: a typo in it is still refused' '
	seed &&
	expect_status 65 household-add --id HY0101100 --village 后页村 --group 7社 \
		--new-group 2>err &&
	err_is err "household-add: no village \"后页村\"; did you mean 后叶村? (--new-village if it is new)" &&
	store_unchanged
'

test_case 'a household moved by --upsert to a village typed wrong is refused' '
	seed &&
	expect_status 65 household-add --upsert --id HY0101001 --village 后页村 2>err &&
	err_is err "household-add: no village \"后页村\"; did you mean 后叶村? (--new-village if it is new)" &&
	store_unchanged
'

test_case 'an empty store knows no village: the first needs --new-village' '
	expect_status 65 household-add --id H1 --village 甲村 2>err &&
	err_is err "household-add: no village \"甲村\" (--new-village if it is new)" &&
	echo "no store" >expect &&
	store_dump >actual &&
	test_cmp expect actual
'

test_case '--new-village with records from files is a usage error' '
	seed &&
	printf "household_id,village\nN1,新村\n" >in.csv &&
	expect_status 64 household-add --new-village in.csv 2>err &&
	err_is err "household-add: --new-village and --new-group are for a household given by options, or a village given by --set" \
		"Try ${SQ}household-add -h${SQ} for more information." &&
	store_unchanged
'

test_case 'an import from a file names the villages and groups it made' '
	seed &&
	printf "household_id,village,village_group\nN1,新村,1组\nN2,新村,2组\nN3,后叶村,7社\nN4,后叶村,1社\n" >in.csv &&
	household-add --dry-run in.csv 2>err &&
	err_is err "household-add: dry run, nothing written: 4 households read: would add 4, would update 0, unchanged 0, differ 0, bad 0" \
		"household-add: new villages: 新村; new villager groups: 新村 1组, 新村 2组, 后叶村 7社" &&
	store_unchanged &&
	household-add in.csv 2>err &&
	err_is err "household-add: 4 households read: added 4, updated 0, unchanged 0, differ 0, bad 0" \
		"household-add: new villages: 新村; new villager groups: 新村 1组, 新村 2组, 后叶村 7社" &&
	household-add in.csv 2>err &&
	err_is err "household-add: 4 households read: added 0, updated 0, unchanged 4, differ 0, bad 0" &&
	printf "household_id,village,village_group\nN5,新村,3组\n" >more.csv &&
	$ZH household-add more.csv 2>err &&
	err_is err "household-add: 读入户信息1条：新增1，更新0，无变化0，不一致0，有误0" \
		"household-add: 新建村民小组：新村 3组"
'

test_case 'a place made for a bad record is not named: nothing was written' '
	seed &&
	printf "household_id,village,members\nN1,新村,0\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	! grep -q "new villages" err &&
	store_unchanged
'

test_case 'more than ten new places of a kind: ten named, and how many more' '
	household-add "$EXAMPLES/households.csv" 2>err &&
	err_is err "household-add: 350 households read: added 350, updated 0, unchanged 0, differ 0, bad 0" \
		"household-add: new villages: 后叶村, 双河村, 红狮村, 高峰社区, 石门村, 龙洞村, 新田村, 桂花村, 凉水村; new villager groups: 后叶村 1社, 后叶村 2社, 后叶村 3社, 后叶村 4社, 后叶村 5社, 后叶村 6社, 双河村 1社, 双河村 2社, 双河村 3社, 双河村 4社 and 38 more"
'

test_case 'read-only filters refuse an unknown village or group, never answer nothing' '
	seed &&
	expect_status 65 household-list --village 后页村 >out 2>err &&
	test_must_be_empty out &&
	err_is err "household-list: no village \"后页村\"; did you mean 后叶村?" &&
	expect_status 65 household-list --village 后叶村 --group 9社 >out 2>err &&
	test_must_be_empty out &&
	err_is err "household-list: no villager group \"9社\" in 后叶村; did you mean 1社, 2社, 3社?" &&
	expect_status 65 report-gen --village 后页村 issues >out 2>err &&
	test_must_be_empty out &&
	err_is err "report-gen: no village \"后页村\"; did you mean 后叶村?" &&
	expect_status 65 report-gen --village 后叶村 --group 9社 households >out 2>err &&
	test_must_be_empty out &&
	expect_status 65 report-gen --village 后页村 summary -f csv >out 2>err &&
	test_must_be_empty out &&
	expect_status 65 deadline-check --today 2022-11-30 --village 后页村 >out 2>err &&
	test_must_be_empty out &&
	err_is err "deadline-check: no village \"后页村\"; did you mean 后叶村?" &&
	expect_status 65 $ZH household-list --village 后页村 >out 2>err &&
	err_is err "household-list: 没有该村(社区)：后页村；是否为 后叶村？" &&
	store_unchanged &&
	household-list -f csv --village 后叶村 --group 1社 >out &&
	test "$(wc -l <out)" -gt 1
'

test_case 'issue-add and meeting-log name the nearest village too' '
	seed &&
	expect_status 65 issue-add --today 2022-11-01 --title 路灯 --owner 王强 \
		--village 后页村 </dev/null >out 2>err &&
	err_is err "issue-add: command line: --village: no such village; did you mean 后叶村?" \
		"issue-add: 1 bad record; nothing was written" &&
	expect_status 65 meeting-log --kind representatives --village 后页村 \
		--date 2022-11-01 2>err &&
	err_is err "meeting-log: command line: --village: no such village: 后页村; did you mean 后叶村?" &&
	expect_status 65 $ZH meeting-log --kind representatives --village 后页村 \
		--date 2022-11-01 2>err &&
	err_is err "meeting-log: 命令行: 村(社区): 没有该村(社区)：后页村；是否为 后叶村？" &&
	printf "title,owner,village\n路灯,王强,石门\n" >in.csv &&
	expect_status 65 issue-add --today 2022-11-01 in.csv >out 2>err &&
	err_is err "issue-add: in.csv:2: village: no such village; did you mean 石门村?" \
		"issue-add: 1 bad record; nothing was written" &&
	store_unchanged
'

test_done
