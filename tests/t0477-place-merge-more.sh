#!/bin/sh
#
# place-edit: what else a place's name reaches.  A village merge where one
# cadre is assigned to both villages keeps one assignment covering both;
# a rename or merge renames the village text of saved survey responses,
# each audited

. "$(dirname "$0")/lib.sh"

# seed: the example township's households, and 后页村 (a typo) with a
# household; the dump in ./before
seed() {
	example_households &&
	household-add -q --new-village --id HY0101100 --village 后页村 \
		--group 1社 --head 王成 &&
	store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

# survey: two saved responses, one in 后页村 1社 and one in 后叶村
survey() {
	printf "%s\n" "受访人,村(社区),村民小组,户编号,调查日期,干部作风" \
	    "王成,后页村,1社,HY0101100,2022-11-25,满意" \
	    "邻居,后叶村,1社,,2022-11-25,不满意" >survey.csv &&
	survey-tally -q --save 2022-11 --today 2022-11-28 survey.csv >/dev/null
}

test_case 'merge: a cadre assigned to both villages keeps one assignment covering both spans' '
	seed &&
	assign -q --cadre 王明 --role village_secretary --village 后页村 \
		--from 2022-03-01 --until 2022-10-31 --phone 13900001111 &&
	assign -q --cadre 王明 --role village_secretary --village 后叶村 \
		--from 2022-06-01 --until 2022-12-31 &&
	assign -q --cadre 李强 --role first_secretary --village 后页村 &&
	place-edit --by 李霞 --reason 同一村 merge 后页村 后叶村 2>err &&
	err_is err "place-edit: merged 后页村 into 后叶村, moving 1 household and 2 assignments" &&
	sql "SELECT a.cadre, a.role, v.name, a.start_date, a.end_date, a.phone
		FROM assignment a JOIN village v ON v.id = a.village_id ORDER BY a.id" >actual &&
	printf "%s\n" "王明|village_secretary|后叶村|2022-03-01|2022-12-31|13900001111" \
		"李强|first_secretary|后叶村|||" >expect &&
	test_cmp expect actual &&
	sql "SELECT who, entity_id, field, old, new FROM audit WHERE entity = ${SQ}assignment${SQ}
		AND field IN (${SQ}start_date${SQ}, ${SQ}phone${SQ}, ${SQ}merged_into${SQ}) AND
		who = ${SQ}李霞${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "李霞|2|start_date|2022-06-01|2022-03-01" \
		"李霞|2|phone||13900001111" "李霞|1|merged_into|1|2" >expect &&
	test_cmp expect actual
'

test_case 'merge: an open-ended assignment on either side stays open-ended' '
	seed &&
	assign -q --cadre 王明 --role village_secretary --village 后页村 --from 2022-01-01 &&
	assign -q --cadre 王明 --role village_secretary --village 后叶村 \
		--from 2022-06-01 --until 2022-12-31 &&
	place-edit -q --reason 同一村 merge 后页村 后叶村 &&
	sql "SELECT count(*), min(start_date), coalesce(max(end_date), ${SQ}open${SQ}) FROM assignment" >actual &&
	echo "1|2022-01-01|open" >expect &&
	test_cmp expect actual &&
	: the assignment kept still answers for the village &&
	household-list --cadre 王明 -f csv | grep -q HY0101100
'

test_case 'rename: the saved survey responses name the village by its new name, audited' '
	seed &&
	survey &&
	place-edit --by 李霞 --reason 录入错字 rename 后页村 后夜村 2>err &&
	sql "SELECT respondent, village, village_group FROM survey_response ORDER BY id" >actual &&
	printf "%s\n" "王成|后夜村|1社" "邻居|后叶村|1社" >expect &&
	test_cmp expect actual &&
	sql "SELECT who, entity, entity_id, field, old, new FROM audit
		WHERE entity = ${SQ}survey_response${SQ}" >actual &&
	echo "李霞|survey_response|1|village|后页村|后夜村" >expect &&
	test_cmp expect actual &&
	: the view finds the village by the name &&
	test "$(sql "SELECT count(*) FROM survey_answer_view WHERE village = ${SQ}后夜村${SQ}
		AND village_id IS NOT NULL AND group_id IS NOT NULL")" -ge 1
'

test_case 'rename a group, merge a village: the survey responses follow' '
	seed &&
	survey &&
	place-edit -q --reason 统一写法 --village 后页村 rename 1社 一社 &&
	sql "SELECT village, village_group FROM survey_response ORDER BY id" >actual &&
	printf "%s\n" "后页村|一社" "后叶村|1社" >expect &&
	test_cmp expect actual &&
	place-edit -q --reason 同一村 merge 后页村 后叶村 &&
	sql "SELECT village, village_group FROM survey_response ORDER BY id" >actual &&
	printf "%s\n" "后叶村|一社" "后叶村|1社" >expect &&
	test_cmp expect actual &&
	test "$(sql "SELECT count(*) FROM survey_answer_view WHERE village_id IS NULL")" = 0
'

test_case 'a dry run of a merge with a cadre in both villages writes nothing' '
	seed &&
	assign -q --cadre 王明 --role village_secretary --village 后页村 &&
	assign -q --cadre 王明 --role village_secretary --village 后叶村 &&
	survey &&
	store_dump >before &&
	place-edit --dry-run --reason 同一村 merge 后页村 后叶村 2>err &&
	store_unchanged
'

test_done
