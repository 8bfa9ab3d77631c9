#!/bin/sh
#
# honour-add: selections of models (评选) of a person, a household or a
# village, each rule at its edges (a vote of exactly half and one more; a
# score of 100 and 100.01; the selection's year, the next and the one
# after; the basis on the day of the selection and the day after), who
# each kind chooses, the same selection again, its update, audited, and
# household-edit merge taking the selection along.  A refusal leaves the
# store as it was.

. "$(dirname "$0")/lib.sh"

P1=$(id_number 50023519820301005)	# of H1
P2=$(id_number 50023520100301006)	# of H2, a boy
P3=$(id_number 50023519700301007)	# of H3 in 乙村

# one store for every case: two villages, their households and people
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories,members
	H1,户一,甲村,1社,脱贫户,4
	H2,户二,甲村,2社,一般农户,3
	H3,户三,乙村,1社,一般农户,2
	H4,户四,甲村,1社,一般农户,2
	EOT
	household-add -q households.csv &&
	{
		echo "id_number,household_id,name" &&
		echo "$P1,H1,甲" && echo "$P2,H2,乙" && echo "$P3,H3,丙"
	} >members.csv &&
	member-add -q members.csv
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

# family ARGS: a civilised family of 2022 by the neighbour evaluation
family() {
	honour-add --kind 文明家庭 --level 村级 --year 2022 --nominated-by 1社 \
		--basis 邻里互评 --basis-on 2022-11-20 --score 21.5 --evaluators 12 \
		--selected-on 2022-12-01 "$@"
}

# model ARGS: a moral model of 2022 by the representatives' vote
model() {
	honour-add --kind 道德模范 --level 镇级 --year 2022 --nominated-by 甲村村委会 \
		--basis 投票表决 --basis-on 2022-11-25 --selected-on 2022-12-05 "$@"
}

test_case 'a household chosen by the evaluation is written and audited; again unchanged; changed only with --upsert' '
	seed &&
	family --household H1 --by 文书 2>err &&
	grep_message "^honour-add: 1 selections read: added 1, updated 0, unchanged 0, differ 0, bad 0$" err &&
	family --household H1 2>err &&
	grep_message "added 0, updated 0, unchanged 1, differ 0, bad 0$" err &&
	family --household H1 --score 21.50 2>err &&
	grep_message "unchanged 1, differ 0" err &&
	store_dump >before &&
	family --household H1 --nominated-by 2社 2>err &&
	grep_message "differ 1, bad 0$" err &&
	store_unchanged &&
	expect_status 64 family --household H1 --nominated-by 2社 --upsert 2>err &&
	grep_message "^honour-add: --upsert would change 1 stored record; --reason TEXT must say why it is corrected; nothing was written$" err &&
	store_unchanged &&
	family --household H1 --nominated-by 2社 --upsert --reason 推荐单位填错 2>err &&
	grep_message "updated 1" err &&
	sqlite3 "$RENKE_DB" "SELECT kind, title, level, year, village_id, household_id, coalesce(id_number, ${SQ}-${SQ}), nominated_by, basis, basis_on, score, evaluators, selected_on FROM honour;
		SELECT who, entity_id, field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE entity = ${SQ}honour${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	civilised_family||village|2022|1|H1|-|2社|evaluation|2022-11-20|21.5|12|2022-12-01
	文书|civilised_family::village:2022:H1|created|-|evaluation
	tester|civilised_family::village:2022:H1|nominated_by|1社|2社
	tester|civilised_family::village:2022:H1|reason|-|推荐单位填错
	EOT
	test_cmp expect actual
'

test_case 'a person is known by ID number; their household and village are the store'"'"'s' '
	seed &&
	model --id-number "$P2" --yes 21 --voters 40 &&
	expect_status 65 model --id-number "$P1" --household H2 --yes 21 --voters 40 2>err &&
	err_is err \
		"honour-add: command line: --household: the person chosen is of household H1, not H2" \
		"honour-add: 1 bad record; nothing was written" &&
	P9=$(id_number 50023519990101999) &&
	expect_status 65 model --id-number "$P9" --yes 21 --voters 40 2>err &&
	grep_message "^honour-add: command line: --id-number: no such person in the store; member-add registers people$" err &&
	! grep -F "$P9" err &&
	expect_status 65 model --id-number 500235199901019990 --yes 21 --voters 40 2>err &&
	grep_message "^honour-add: command line: --id-number: .*check digit" err &&
	! grep -F 500235199901019990 err &&
	expect_status 65 model --id-number "$P3" --village 甲村 --yes 21 --voters 40 2>err &&
	grep_message "^honour-add: command line: --village: household H3 is not of 甲村$" err &&
	sqlite3 "$RENKE_DB" "SELECT h.kind, h.household_id, v.name, h.id_number = ${SQ}$P2${SQ}, h.yes, h.voters FROM honour h JOIN village v ON v.id = h.village_id" >actual &&
	echo "moral_model|H2|甲村|1|21|40" >expect &&
	test_cmp expect actual
'

test_case 'a vote selects with more than half: 20 of 40 refused, 21 of 40 selected' '
	seed &&
	expect_status 65 model --id-number "$P1" --yes 20 --voters 40 2>err &&
	err_is err \
		"honour-add: command line: --yes: 20 yes votes of 40 is not more than half: not selected" \
		"honour-add: 1 bad record; nothing was written" &&
	expect_status 65 model --id-number "$P1" --yes 41 --voters 40 2>err &&
	grep_message "^honour-add: command line: --yes: 41 yes votes, but only 40 voted$" err &&
	store_unchanged &&
	model --id-number "$P1" --yes 21 --voters 40
'

test_case 'each basis gives its own figures: a vote its votes, an evaluation its score from 0 to 100' '
	seed &&
	expect_status 65 model --id-number "$P1" 2>err &&
	grep_message "^honour-add: command line: --yes: missing; a selection by vote gives its yes votes and the number who voted$" err &&
	grep_message "^honour-add: command line: --voters: missing" err &&
	expect_status 65 model --id-number "$P1" --yes 30 --voters 40 --score 20 2>err &&
	grep_message "^honour-add: command line: --score: belongs to a selection by neighbour evaluation, not by vote$" err &&
	expect_status 65 family --household H1 --score 100.01 2>err &&
	grep_message "^honour-add: command line: --score: not a score from 0 to 100: \"100.01\"$" err &&
	expect_status 65 family --household H1 --score 二十 2>err &&
	grep_message "^honour-add: command line: --score: not a score from 0 to 100" err &&
	expect_status 65 family --household H1 --evaluators 0 2>err &&
	grep_message "^honour-add: command line: --evaluators: not a whole number from 1 to 1000000: \"0\"$" err &&
	store_unchanged &&
	family --household H1 --score 100 &&
	honour-add --kind 清洁户 --level 村级 --year 2022 --household H4 --nominated-by 1社 --basis council --basis-on 2022-11-20 --selected-on 2022-12-01 &&
	sqlite3 "$RENKE_DB" "SELECT kind, basis, coalesce(score, ${SQ}-${SQ}), coalesce(yes, ${SQ}-${SQ}) FROM honour ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	civilised_family|evaluation|100.0|-
	clean_household|council|-|-
	EOT
	test_cmp expect actual
'

test_case 'each kind chooses a person, a household or a village, as it must' '
	seed &&
	expect_status 65 family --id-number "$P1" 2>err &&
	grep_message "^honour-add: command line: --id-number: a civilised family is a household, not a person$" err &&
	expect_status 65 family 2>err &&
	grep_message "^honour-add: command line: --household: missing; a civilised family is a household, known by its number$" err &&
	expect_status 65 model --household H1 --yes 30 --voters 40 2>err &&
	grep_message "^honour-add: command line: --id-number: missing; a moral model is a person, known by their ID number$" err &&
	expect_status 65 honour-add --kind 文明村镇 --level 镇级 --year 2022 --household H1 --nominated-by 镇党委 --basis council --basis-on 2022-11-25 --selected-on 2022-12-05 2>err &&
	grep_message "^honour-add: command line: --household: a civilised village is a village, not a household or a person$" err &&
	expect_status 65 honour-add --kind 文明村镇 --level 村级 --year 2022 --village 甲村 --nominated-by 镇党委 --basis council --basis-on 2022-11-25 --selected-on 2022-12-05 2>err &&
	grep_message "^honour-add: command line: --level: a village is selected by the town or the county, not at village level$" err &&
	expect_status 65 honour-add --kind 文明村镇 --level 镇级 --year 2022 --village 丙村 --nominated-by 镇党委 --basis council --basis-on 2022-11-25 --selected-on 2022-12-05 2>err &&
	grep_message "^honour-add: command line: --village: no such village; did you mean 乙村, 甲村?$" err &&
	expect_status 65 honour-add --kind 其他 --level 县级 --year 2022 --household H1 --nominated-by 县文明办 --basis council --basis-on 2022-11-25 --selected-on 2022-12-05 2>err &&
	grep_message "^honour-add: command line: --title: missing; an honour of the county${SQ}s own (other) is known by its title$" err &&
	expect_status 65 honour-add --kind 美德少年 --level 县级 --year 2022 --household H1 --nominated-by 县文明办 --basis council --basis-on 2022-11-25 --selected-on 2022-12-05 2>err &&
	grep_message "^honour-add: command line: --kind: unknown value \"美德少年\"; expected one of: moral_model" err &&
	store_unchanged &&
	honour-add --kind 文明村镇 --level 镇级 --year 2022 --village 甲村 --nominated-by 镇党委 --basis council --basis-on 2022-11-25 --selected-on 2022-12-05 &&
	honour-add --kind 其他 --title 十佳孝亲敬老户 --level 县级 --year 2022 --household H1 --nominated-by 县文明办 --basis council --basis-on 2022-11-25 --selected-on 2022-12-05 &&
	honour-add --kind 其他 --title 最美庭院 --level 县级 --year 2022 --household H1 --nominated-by 县文明办 --basis council --basis-on 2022-11-25 --selected-on 2022-12-05 &&
	sqlite3 "$RENKE_DB" "SELECT kind, title, level, coalesce(household_id, ${SQ}-${SQ}) FROM honour ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	civilised_village||town|-
	other|十佳孝亲敬老户|county|H1
	other|最美庭院|county|H1
	EOT
	test_cmp expect actual
'

test_case 'the basis on the day of the selection or before; the selection in its year or the next' '
	seed &&
	expect_status 65 family --household H1 --basis-on 2022-12-02 2>err &&
	grep_message "^honour-add: command line: --basis-on: 2022-12-02 is after the day of the selection 2022-12-01$" err &&
	expect_status 65 family --household H1 --selected-on 2024-01-10 --basis-on 2024-01-05 2>err &&
	grep_message "^honour-add: command line: --selected-on: 2024-01-10 is not in the year 2022 of the selection or the next$" err &&
	expect_status 65 family --household H1 --selected-on 2021-12-31 --basis-on 2021-12-30 2>err &&
	grep_message "selected-on: 2021-12-31 is not in the year 2022" err &&
	expect_status 65 family --household H1 --year 1999 2>err &&
	grep_message "^honour-add: command line: --year: not a whole number from 2000 to 2100: \"1999\"$" err &&
	expect_status 65 family --household H1 --selected-on 2022-13-01 2>err &&
	grep_message "^honour-add: command line: --selected-on: " err &&
	expect_status 65 family --household H1 --nominated-by "" 2>err &&
	grep_message "^honour-add: command line: --nominated-by: missing; who nominated the selection$" err &&
	store_unchanged &&
	family --household H1 --basis-on 2022-12-01 &&
	family --household H2 --selected-on 2023-12-31 --basis-on 2023-12-31
'

test_case 'records from a sheet under Chinese headings, all or nothing' '
	seed &&
	cat >bad.csv <<-EOT &&
	评选类型,级别,年度,户编号,身份证号,推荐单位,评选依据,评议日期,赞成票,投票人数,互评得分,评分人数,评选日期,主要事迹
	清洁户,村级,2022,H1,,1社,邻里互评,2022-11-20,,,22,10,2022-12-01,房前屋后干净整洁
	新时代好少年,县级,2022,,$P2,甲村村委会,投票表决,2022-11-25,10,30,,,2022-12-05,
	EOT
	expect_status 65 honour-add bad.csv 2>err &&
	grep_message "^honour-add: bad.csv:3: 赞成票: 10 yes votes of 30 is not more than half: not selected$" err &&
	store_unchanged &&
	sed "s/,10,30,/,16,30,/" bad.csv >good.csv &&
	honour-add good.csv 2>err &&
	grep_message "2 selections read: added 2" err &&
	honour-add good.csv 2>err &&
	grep_message "2 selections read: added 0, updated 0, unchanged 2" err &&
	sqlite3 "$RENKE_DB" "SELECT kind, level, household_id, notes IS NULL, source FROM honour ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	clean_household|village|H1|0|good.csv:2
	good_youth|county|H2|1|good.csv:3
	EOT
	test_cmp expect actual
'

test_case 'the same selection twice in one input is refused' '
	seed &&
	cat >twice.csv <<-\EOT &&
	kind,level,year,household_id,nominated_by,basis,basis_on,selected_on
	清洁户,村级,2022,H1,1社,council,2022-11-20,2022-12-01
	清洁户,村级,2022,H1,2社,council,2022-11-20,2022-12-01
	EOT
	expect_status 65 honour-add twice.csv 2>err &&
	grep_message "^honour-add: twice.csv:3: the same selection (honour, level, year and who was chosen) is already on twice.csv:2$" err &&
	store_unchanged
'

test_case 'under zh_CN the refusal is in Chinese' '
	seed &&
	zh_locale &&
	expect_status 65 model --id-number "$P1" --yes 20 --voters 40 2>err &&
	err_is err \
		"honour-add: 命令行: 赞成票数: 40人投票、赞成20票，未超过半数：不能当选" \
		"honour-add: 1条记录有误；未写入任何数据" &&
	expect_status 65 family 2>err &&
	grep_message "^honour-add: 命令行: 户编号: 缺少；文明家庭评的是户，请写明户编号$" err &&
	store_unchanged
'

test_case 'a household merged into the one it repeats takes its selections along, audited' '
	seed &&
	family --household H4 &&
	household-edit merge H4 H1 --reason 重复登记 2>err &&
	grep_message "1 selection" err &&
	sqlite3 "$RENKE_DB" "SELECT household_id FROM honour;
		SELECT field, old, new FROM audit WHERE entity = ${SQ}honour${SQ} AND field = ${SQ}household_id${SQ}" >actual &&
	cat >expect <<-\EOT &&
	H1
	household_id|H4|H1
	EOT
	test_cmp expect actual
'

test_done
