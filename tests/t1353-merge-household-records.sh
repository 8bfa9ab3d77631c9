#!/bin/sh
#
# A household merged into the one it repeats, or renumbered, leaves
# nothing behind: its monitoring case, the misconduct matters naming it
# among their parties (once each), and its selections and board entries,
# which go to the kept household's village.  Every move is audited under
# the name and key the kind's own commands use (case, issue, honour,
# board), with the reason.  Merges that would make one record twice are
# refused: message, exit 65, store unchanged.

. "$(dirname "$0")/lib.sh"

# one store for every case: H2 of 乙村 repeats H1 of 甲村; H2 has an open
# case, a selection and a board entry, and is among the parties of two
# matters; H5 is named by a matter and has nothing else
seed_store() {
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories,members
	H1,户一,甲村,1社,脱贫户,4
	H2,户二,乙村,1社,一般农户,3
	H3,户三,乙村,1社,一般农户,2
	H5,户五,乙村,2社,一般农户,2
	EOT
	household-add -q households.csv &&
	case-open -q --today 2022-12-01 --household H2 --clue visit \
		--clue-on 2022-11-01 --recorder 王琼 >/dev/null &&
	cat >steps.csv <<-\EOT &&
	kind,parties,referred_on,step,date,referred_to
	家庭暴力,H2;H3,2022-11-02,移交,2022-11-02,公安
	缠访闹访,H3;H2;H1;H5,2022-11-03,移交,2022-11-03,行政复议
	EOT
	misconduct-step -q --today 2022-12-31 steps.csv &&
	cat >honours.csv <<-\EOT &&
	评选类型,荣誉名称,级别,年度,村,户编号,推荐单位,评选依据,评议日期,赞成票,投票人数,互评得分,评分人数,评选日期,主要事迹
	文明家庭,,村级,2022,乙村,H2,乙村1社,邻里互评,2022-11-20,,,23.4,14,2022-12-01,家庭和睦
	EOT
	honour-add -q honours.csv &&
	cat >board.csv <<-\EOT &&
	榜,户编号,上榜日期,撤榜日期,步骤,日期,来源
	光荣榜,H2,2022-12-10,2023-03-09,提名上榜,2022-12-05,评选
	EOT
	board-step -q --today 2022-12-31 board.csv
}

# seed: the store above, built once and copied
seed() {
	store_cache seed seed_store
}

# moved: the audit rows of the records moved, but the household's own
moved() {
	sqlite3 "$RENKE_DB" "SELECT entity, entity_id, field, old, new FROM audit
		WHERE entity <> ${SQ}household${SQ} AND field IN (${SQ}household_id${SQ},
		${SQ}parties${SQ}, ${SQ}village${SQ}, ${SQ}merged_into${SQ}) ORDER BY seq"
}

test_case 'merged: the case, the matters'\'' parties, the selection and board entry follow, audited as their commands audit them' '
	seed &&
	household-edit --reason 重复登记 merge H2 H1 2>err &&
	grep_message "moving 1 issue, 1 selection, 1 board entry and 1 monitoring case" err &&
	sqlite3 "$RENKE_DB" "SELECT household_id, state FROM monitor_case;
		SELECT party, parties FROM misconduct ORDER BY issue_id;
		SELECT o.household_id, v.name FROM honour o JOIN village v ON v.id = o.village_id;
		SELECT e.household_id, v.name FROM board_entry e JOIN village v ON v.id = e.village_id;
		SELECT count(*) FROM audit WHERE field = ${SQ}reason${SQ} AND new = ${SQ}重复登记${SQ}" >actual &&
	cat >expect <<-\EOT &&
	H1|open
	H1|H1;H3
	H3|H3;H1;H5
	H1|甲村
	H1|甲村
	9
	EOT
	test_cmp expect actual &&
	moved >actual &&
	cat >expect <<-\EOT &&
	issue|1|household_id|H2|H1
	honour|civilised_family::village:2022:H1|household_id|H2|H1
	board|honour:H1:2022-12-10|household_id|H2|H1
	case|1|household_id|H2|H1
	issue|1|parties|H2;H3|H1;H3
	issue|2|parties|H3;H2;H1;H5|H3;H1;H5
	honour|civilised_family::village:2022:H1|village|乙村|甲村
	board|honour:H1:2022-12-10|village|乙村|甲村
	EOT
	test_cmp expect actual &&
	: the names are those of the records the commands wrote &&
	sqlite3 "$RENKE_DB" "SELECT DISTINCT entity || ${SQ}|${SQ} || field FROM audit
		WHERE entity_id IN (${SQ}honour:H2:2022-12-10${SQ}, ${SQ}honour:H1:2022-12-10${SQ},
		${SQ}1${SQ}) AND entity IN (${SQ}board${SQ}, ${SQ}case${SQ}) ORDER BY seq" >names &&
	grep -qx "board|propose" names && grep -qx "case|opened" names &&
	grep -qx "case|household_id" names &&
	: the history of the case shows the move, the scorecard the matters in 甲村 &&
	report-gen history --case 1 -f csv >history &&
	grep -q ",household_id,H2,H1," history &&
	report-gen scorecard -f csv --today 2022-12-31 >card &&
	field misconduct_referred card | sort >actual &&
	sqlite3 -separator , "$RENKE_DB" "SELECT v.name, count(i.id) FROM village v
		LEFT JOIN issue i ON i.village_id = v.id AND i.kind = ${SQ}misconduct${SQ}
		GROUP BY v.id UNION ALL SELECT ${SQ}*${SQ}, count(*) FROM misconduct" | sort >expect &&
	test_cmp expect actual &&
	grep -q "^甲村,1$" actual
'

test_case 'a cadre assigned to both households keeps one assignment covering both spans, audited' '
	seed &&
	assign -q --cadre 李四 --role assistance_cadre --household H2 \
		--from 2022-01-01 --until 2022-06-30 --phone 13900001111 &&
	assign -q --cadre 李四 --role assistance_cadre --household H1 --from 2022-03-01 &&
	assign -q --cadre 王五 --role assistance_cadre --household H2 --from 2022-01-01 &&
	household-edit --reason 重复登记 merge H2 H1 2>err &&
	grep_message "moving 1 issue, 2 assignments, 1 selection" err &&
	sqlite3 "$RENKE_DB" "SELECT a.cadre, a.household_id, v.name, a.start_date,
		coalesce(a.end_date, ${SQ}open${SQ}), coalesce(a.phone, ${SQ}-${SQ})
		FROM assignment a JOIN village v ON v.id = a.village_id ORDER BY a.cadre" >actual &&
	printf "%s\n" "李四|H1|甲村|2022-01-01|open|13900001111" \
		"王五|H1|甲村|2022-01-01|open|-" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT entity_id, field, old, new FROM audit
		WHERE entity = ${SQ}assignment${SQ} AND field <> ${SQ}created${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "2|start_date|2022-03-01|2022-01-01" "2|phone||13900001111" \
		"1|merged_into|1|2" "1|reason||重复登记" "3|household_id|H2|H1" \
		"3|reason||重复登记" >expect &&
	test_cmp expect actual
'

test_case 'after the merge a step given with the old number finds its matter' '
	seed &&
	household-edit -q --reason 重复登记 merge H2 H1 &&
	misconduct-step --today 2022-12-31 --kind 家庭暴力 --parties "H2;H3" \
		--referred-on 2022-11-02 --step 移交 --date 2022-11-02 --referred-to 公安 2>err &&
	grep_message "unchanged 1" err &&
	misconduct-step --today 2022-12-31 --kind 家庭暴力 --parties H2 \
		--referred-on 2022-11-02 --step 受理 --date 2022-11-05 2>err &&
	grep_message "updated 1" err &&
	test "$(sqlite3 "$RENKE_DB" "SELECT accepted_on FROM misconduct WHERE issue_id = 1")" = 2022-11-05
'

test_case 'renumbered: the case and the matters'\'' parties follow, audited' '
	seed &&
	household-edit -q --reason 编号更正 renumber H2 H9 &&
	sqlite3 "$RENKE_DB" "SELECT household_id FROM monitor_case;
		SELECT party, parties FROM misconduct ORDER BY issue_id" >actual &&
	printf "%s\n" H9 "H9|H9;H3" "H3|H3;H9;H1;H5" >expect &&
	test_cmp expect actual &&
	moved | grep -e "^case|" -e "|parties|" >actual &&
	printf "%s\n" "case|1|household_id|H2|H9" "issue|1|parties|H2;H3|H9;H3" \
		"issue|2|parties|H3;H2;H1;H5|H3;H9;H1;H5" >expect &&
	test_cmp expect actual
'

test_case 'both with an open case, or one case twice: refused, message, exit 65, store unchanged' '
	seed &&
	case-open -q --today 2022-12-01 --household H1 --clue application \
		--clue-on 2022-11-01 --recorder 王琼 >/dev/null &&
	store_dump >before &&
	expect_status 65 household-edit --reason x merge H2 H1 2>err &&
	err_is err "household-edit: households H2 and H1 both have an open monitoring case (cases 1 and 2): a household has one open case at a time; decide one first" &&
	store_unchanged &&
	(
		zh_locale &&
		expect_status 65 household-edit --reason x merge H2 H1 2>err &&
		err_is err "household-edit: H2和H1两户都有办理中的监测案件（案件1和2）：一户同时只能有一个办理中的案件，请先办结其中一个"
	) &&
	store_unchanged &&
	: H1 found not eligible: its case is closed, of the same type and clue day &&
	case-step -q --today 2022-12-01 --case 2 --step home_check --date 2022-11-02 \
		--who 王琼 --result not_eligible --reason 收入高于监测范围 --consent no >/dev/null &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(DISTINCT case_type || clue_on) || state FROM monitor_case WHERE id = 2")" = 1not_eligible &&
	store_dump >before &&
	expect_status 65 household-edit --reason x merge H2 H1 2>err &&
	err_is err "household-edit: households H2 and H1 both have a monitoring case of one type from a clue of one day (cases 1 and 2): the same case twice" &&
	store_unchanged
'

test_case 'each the first party of one matter: refused; a party removed: refused' '
	seed &&
	misconduct-step -q --today 2022-12-31 --kind 家庭暴力 --parties H1 \
		--referred-on 2022-11-02 --step 移交 --date 2022-11-02 --referred-to 公安 &&
	store_dump >before &&
	expect_status 65 household-edit --reason x merge H2 H1 2>err &&
	err_is err "household-edit: households H2 and H1 are each the first party of a misconduct matter of one kind referred the same day (issues 1 and 3): the same matter twice" &&
	store_unchanged &&
	expect_status 65 household-edit --reason x remove H5 2>err &&
	err_is err "household-edit: household H5 is a party of the misconduct matter of issue 2; merge it into the household it repeats instead" &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 household-edit --reason x remove H5 2>err &&
	err_is err "household-edit: 农户 H5 是问题 2 所记违法乱纪事项的当事人；请改为将其合并到重复的农户" &&
	store_unchanged
'

test_case 'a household with a monitoring case is not removed' '
	seed &&
	misconduct-step -q --today 2022-12-31 --kind 家庭暴力 --parties "H2;H3" \
		--referred-on 2022-11-02 --step 移交 --date 2022-11-02 --referred-to 公安 &&
	household-edit -q --reason x merge H5 H3 &&
	printf "%s\n" household_id,head_name,village,village_group H6,户六,乙村,1社 |
		household-add -q &&
	case-open -q --today 2022-12-01 --household H6 --clue visit \
		--clue-on 2022-11-01 --recorder 王琼 >/dev/null &&
	store_dump >before &&
	expect_status 65 household-edit --reason x remove H6 2>err &&
	grep_message "household H6 has 1 monitoring case;" err &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 household-edit --reason x remove H6 2>err &&
	grep_message "1个监测案件" err &&
	store_unchanged
'

test_done
