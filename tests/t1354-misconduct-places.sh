#!/bin/sh
#
# A village or group merged (place-edit) takes its misconduct matters
# along, those of a household and those of no household (an ID number
# and the village given), each audited; their next steps still find
# them, given the old village's name.  A cadre's assignment of one 片 is
# not taken for the same cadre's assignment of another.

. "$(dirname "$0")/lib.sh"

P3=$(id_number 50023519751111002)	# of no household

seed_store() {
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories,members
	H1,户一,甲村,1社,脱贫户,4
	H2,户二,乙村,1社,一般农户,3
	H3,户三,乙村,2社,一般农户,2
	EOT
	household-add -q households.csv &&
	cat >"$TRASH/steps.csv" <<-EOT &&
	kind,parties,referred_on,step,date,referred_to,village
	其他,$P3,2022-11-02,移交,2022-11-02,仲裁,乙村
	家庭暴力,H2,2022-11-03,移交,2022-11-03,公安,
	拒不赡养,H3,2022-11-04,移交,2022-11-04,司法调解,
	EOT
	misconduct-step -q --today 2022-12-31 "$TRASH/steps.csv"
}

# seed: the store above, built once and copied
seed() {
	store_cache seed seed_store
}

# placed: each matter's first party, village and group
placed() {
	sqlite3 "$RENKE_DB" "SELECT m.party, v.name, coalesce(g.name, ${SQ}-${SQ})
		FROM misconduct m JOIN issue i ON i.id = m.issue_id
		JOIN village v ON v.id = i.village_id
		LEFT JOIN village_group g ON g.id = i.group_id ORDER BY m.issue_id"
}

test_case 'a village merged takes its matters along, audited; their steps still find them' '
	seed &&
	place-edit --reason 两村合并 merge 乙村 甲村 2>err &&
	grep_message "moving 2 households and 3 issues" err &&
	placed >actual &&
	printf "%s\n" "$P3|甲村|-" "H2|甲村|1社" "H3|甲村|2社" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT entity_id, old, new FROM audit WHERE entity = ${SQ}issue${SQ}
		AND field = ${SQ}village${SQ} ORDER BY entity_id" >actual &&
	printf "%s\n" "1|乙村|甲村" "2|乙村|甲村" "3|乙村|甲村" >expect &&
	test_cmp expect actual &&
	: the referral given again with the old name is unchanged, the next step recorded &&
	misconduct-step --today 2022-12-31 "$TRASH/steps.csv" 2>err &&
	grep_message "3 steps read: added 0, updated 0, unchanged 3" err &&
	misconduct-step -q --today 2022-12-31 --kind 其他 --parties $P3 \
		--referred-on 2022-11-02 --step 受理 --date 2022-11-05 &&
	test "$(sqlite3 "$RENKE_DB" "SELECT stage FROM misconduct WHERE issue_id = 1")" = accepted &&
	report-gen scorecard -f csv --today 2022-12-31 >card &&
	field misconduct_referred card >actual &&
	printf "%s\n" 甲村,3 "*,3" >expect &&
	test_cmp expect actual
'

test_case 'a group merged takes its matters along' '
	seed &&
	place-edit --village 乙村 --reason 两社合并 merge 2社 1社 2>err &&
	grep_message "1 household" err &&
	placed >actual &&
	printf "%s\n" "$P3|乙村|-" "H2|乙村|1社" "H3|乙村|1社" >expect &&
	test_cmp expect actual
'

test_case 'a village merged: a 片 assignment is kept apart from the same cadre'\''s other 片 and 包村' '
	seed &&
	assign -q --cadre 赵镇长 --role town_secretary --area 东片 --village 乙村 --from 2022-01-01 &&
	assign -q --cadre 赵镇长 --role town_secretary --area 西片 --village 甲村 --from 2022-02-01 &&
	assign -q --cadre 赵镇长 --role town_secretary --village 甲村 --from 2022-02-01 &&
	place-edit --reason 两村合并 merge 乙村 甲村 2>err &&
	grep_message "1 assignment" err &&
	sqlite3 "$RENKE_DB" "SELECT coalesce(a.area, ${SQ}-${SQ}), v.name, a.start_date FROM assignment a
		JOIN village v ON v.id = a.village_id ORDER BY a.id" >actual &&
	printf "%s\n" "东片|甲村|2022-01-01" "西片|甲村|2022-02-01" "-|甲村|2022-02-01" >expect &&
	test_cmp expect actual &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM audit WHERE entity = ${SQ}assignment${SQ} AND field = ${SQ}merged_into${SQ}")" = 0
'

test_done
