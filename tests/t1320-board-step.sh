#!/bin/sh
#
# board-step: the honour and exposure boards (光荣榜 / 曝光台), each step
# in its order and at its edges (a notice's last day to object and the
# day after; the period's last day and the day after; a selection made
# the day of the proposal and the day after), the same step again,
# refusals with their message, status and the store unchanged; and
# report-gen board on a day, as rows and as the printable page, with no
# ID number, phone or household number.

. "$(dirname "$0")/lib.sh"

P1=$(id_number 50023519820301005)	# of H1

# one store for every case: households, a person, two selections
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	cat >households.csv <<-EOT &&
	household_id,head_name,village,village_group,categories,members,id_number,phone
	H1,户一,甲村,1社,脱贫户,4,$P1,13800001111
	H2,户二,甲村,2社,一般农户,3,,
	H3,户三,乙村,1社,一般农户,2,,
	EOT
	household-add -q households.csv &&
	member-add -q --id-number "$P1" --household H1 --name 张好人 &&
	honour-add -q --kind 清洁户 --level 村级 --year 2022 --household H1 --nominated-by 1社 --basis council --basis-on 2022-11-20 --selected-on 2022-12-01 &&
	honour-add -q --kind 道德模范 --title 孝老爱亲模范 --level 镇级 --year 2022 --id-number "$P1" --nominated-by 甲村村委会 --basis council --basis-on 2022-11-20 --selected-on 2022-12-06
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

# honour STEP ARGS / exposure STEP ARGS: a step of H1's or H2's entry
honour() {
	step=$1 && shift &&
	board-step --today 2022-12-31 --board 光荣榜 --household H1 --from 2022-12-10 --step "$step" "$@"
}
exposure() {
	step=$1 && shift &&
	board-step --today 2022-12-31 --board 曝光台 --household H2 --from 2022-12-20 --step "$step" "$@"
}
propose_exposure() {
	exposure 提名上榜 --date 2022-12-10 --to 2023-01-19 --source 互评黑榜 --headline 房前屋后杂物乱堆 --reason 讲究卫生得分全村最低 "$@"
}

test_case 'an honour entry from a selection is proposed and posted, audited; the board shows it in its period only' '
	seed &&
	honour 提名上榜 --date 2022-12-05 --to 2023-03-09 --source 评选 --by 文书 2>err &&
	grep_message "^board-step: 1 steps read: added 1, updated 0, unchanged 0, differ 0, bad 0$" err &&
	honour 上榜公布 --date 2022-12-10 2>err &&
	grep_message "added 0, updated 1" err &&
	sqlite3 "$RENKE_DB" "SELECT e.board, e.source, o.kind, e.stage, e.stage_on, e.proposed_on, e.posted_on FROM board_entry e JOIN honour o ON o.id = e.honour_id;
		SELECT who, entity_id, field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE entity = ${SQ}board${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	honour|selection|clean_household|posted|2022-12-10|2022-12-05|2022-12-10
	文书|honour:H1:2022-12-10|propose|-|2022-12-05 文书
	文书|honour:H1:2022-12-10|stage|-|proposed
	tester|honour:H1:2022-12-10|post|-|2022-12-10 tester
	tester|honour:H1:2022-12-10|stage|proposed|posted
	EOT
	test_cmp expect actual &&
	report-gen board --today 2023-03-09 -f csv >out &&
	cat >expect <<-\EOT &&
	village,board,village_group,name,headline,honour_kind,reason,period_from,period_to
	甲村,honour,1社,户一,,clean_household,,2022-12-10,2023-03-09
	EOT
	test_cmp expect out &&
	report-gen board --today 2022-12-09 -f csv >out &&
	test_line_count 1 out &&
	report-gen board --today 2023-03-10 -f csv >out &&
	test_line_count 1 out
'

test_case 'a selection made after the proposal does not count; a person'"'"'s selection is their household'"'"'s' '
	seed &&
	expect_status 65 honour 提名上榜 --date 2022-11-30 --to 2023-03-09 --source 评选 2>err &&
	err_is err \
		"board-step: command line: --source: household H1 has no selection made by 2022-11-30; honour-add records it" \
		"board-step: 1 bad record; nothing was written" &&
	expect_status 65 board-step --today 2022-12-31 --board 光荣榜 --household H2 --from 2022-12-10 --step 提名上榜 --to 2023-03-09 --source 评选 2>err &&
	grep_message "^board-step: command line: --source: household H2 has no selection made by 2022-12-31; honour-add records it$" err &&
	store_unchanged &&
	honour 提名上榜 --date 2022-12-06 --to 2023-03-09 --source 评选 &&
	honour 上榜公布 --date 2022-12-10 &&
	report-gen board --today 2022-12-31 -f csv >out &&
	grep -q "^甲村,honour,1社,张好人,孝老爱亲模范,moral_model,,2022-12-10,2023-03-09$" out
'

test_case 'an exposure entry needs its reason and a source of the exposure board' '
	seed &&
	expect_status 65 exposure 提名上榜 --date 2022-12-10 --to 2023-01-19 --source 互评黑榜 --headline 房前屋后杂物乱堆 2>err &&
	err_is err \
		"board-step: command line: --reason: missing; an entry on the exposure board says why; it is refused without its reason" \
		"board-step: 1 bad record; nothing was written" &&
	expect_status 65 propose_exposure --source 评选 2>err &&
	grep_message "^board-step: command line: --source: the exposure board does not take entries from selection$" err &&
	expect_status 65 honour 提名上榜 --to 2023-03-09 --source 互评红榜 --headline 讲究卫生 --reason 无 2>err &&
	grep_message "^board-step: command line: --reason: an entry on the honour board has no reason for exposure$" err &&
	expect_status 65 propose_exposure --to 2022-12-19 2>err &&
	grep_message "^board-step: command line: --to: 2022-12-19 is before the first day of the period 2022-12-20$" err &&
	expect_status 65 propose_exposure --object-by 2022-12-19 2>err &&
	grep_message "^board-step: command line: --object-by: belongs to the notice of the right to object, not the proposal$" err &&
	store_unchanged &&
	propose_exposure
'

test_case 'an exposure is posted only after the notice and the time to object' '
	seed &&
	propose_exposure &&
	store_dump >before &&
	expect_status 65 exposure 上榜公布 --date 2022-12-20 2>err &&
	err_is err \
		"board-step: command line: --step: the entry is proposed (2022-12-10); its next step is notice of the right to object, not the posting" \
		"board-step: 1 bad record; nothing was written" &&
	expect_status 65 exposure 告知 --date 2022-12-12 2>err &&
	grep_message "^board-step: command line: --object-by: missing; the household is told the reason and the last day it may object$" err &&
	expect_status 65 exposure 告知 --date 2022-12-12 --object-by 2022-12-11 2>err &&
	grep_message "^board-step: command line: --object-by: 2022-12-11 is before the notice itself (2022-12-12)$" err &&
	expect_status 65 exposure 告知 --date 2022-12-09 --object-by 2022-12-19 2>err &&
	grep_message "^board-step: command line: --date: 2022-12-09 is before the entry${SQ}s last step (proposed, 2022-12-10)$" err &&
	store_unchanged &&
	exposure 告知 --date 2022-12-12 --object-by 2022-12-19 &&
	store_dump >before &&
	expect_status 65 exposure 上榜公布 --date 2022-12-19 2>err &&
	grep_message "^board-step: command line: --date: the household may object until 2022-12-19; the entry is posted after that$" err &&
	store_unchanged &&
	exposure 上榜公布 --date 2022-12-20 &&
	sqlite3 "$RENKE_DB" "SELECT stage, notified_on, object_by, posted_on FROM board_entry" >actual &&
	echo "posted|2022-12-12|2022-12-19|2022-12-20" >expect &&
	test_cmp expect actual
'

test_case 'an objection by its last day; dismissed, the entry is posted; upheld, it is withdrawn' '
	seed &&
	propose_exposure &&
	exposure 告知 --date 2022-12-12 --object-by 2022-12-19 &&
	store_dump >before &&
	expect_status 65 exposure 提出异议 --date 2022-12-20 --notes 已清理 2>err &&
	grep_message "^board-step: command line: --date: 2022-12-20 is after 2022-12-19, the last day the household could object$" err &&
	expect_status 65 exposure 提出异议 --date 2022-12-19 2>err &&
	grep_message "^board-step: command line: --notes: missing; what the household objects to$" err &&
	store_unchanged &&
	exposure 提出异议 --date 2022-12-19 --notes 杂物为建房材料 &&
	store_dump >before &&
	expect_status 65 exposure 上榜公布 --date 2022-12-20 2>err &&
	grep_message "its next step is decision on the objection, not the posting$" err &&
	expect_status 65 exposure 异议处理 --date 2022-12-20 --notes 核实 2>err &&
	grep_message "^board-step: command line: --result: missing; the objection is upheld or dismissed$" err &&
	store_unchanged &&
	cp "$RENKE_DB" objected.db &&
	exposure 异议处理 --date 2022-12-20 --result 异议不成立 --notes 建房已完工半年 &&
	exposure 上榜公布 --date 2022-12-21 &&
	RENKE_DB=$PWD/objected.db &&
	exposure 异议处理 --date 2022-12-20 --result upheld --notes 确为建房材料 &&
	store_dump >before &&
	expect_status 65 exposure 上榜公布 --date 2022-12-21 2>err &&
	grep_message "^board-step: command line: --step: the entry is withdrawn on objection (2022-12-20); its next step is none, not the posting$" err &&
	store_unchanged
'

test_case 'an honour entry has no notice or objection; a step with no entry names the proposal' '
	seed &&
	honour 提名上榜 --date 2022-12-05 --to 2023-03-09 --source 互评红榜 --headline 讲究卫生红榜户 &&
	store_dump >before &&
	expect_status 65 honour 告知 --date 2022-12-06 --object-by 2022-12-20 2>err &&
	grep_message "^board-step: command line: --step: the entry is proposed (2022-12-05); its next step is posting, not the notice of the right to object$" err &&
	expect_status 65 honour 上榜公布 --from 2022-12-11 2>err &&
	grep_message "^board-step: command line: --step: no entry of household H1 on the honour board from 2022-12-11; a proposal starts one$" err &&
	expect_status 65 honour 上榜公布 --date 2023-01-01 2>err &&
	grep_message "^board-step: command line: --date: 2023-01-01 is after today (2022-12-31)$" err &&
	store_unchanged
'

test_case 'a step given again is unchanged; differently it is refused' '
	seed &&
	honour 提名上榜 --date 2022-12-05 --to 2023-03-09 --source 评选 &&
	honour 上榜公布 --date 2022-12-10 &&
	store_dump >before &&
	honour 上榜公布 --date 2022-12-10 2>err &&
	grep_message "added 0, updated 0, unchanged 1" err &&
	honour 提名上榜 --date 2022-12-05 --to 2023-03-09 --source 评选 2>err &&
	grep_message "unchanged 1" err &&
	store_unchanged &&
	expect_status 65 honour 上榜公布 --date 2022-12-11 2>err &&
	grep_message "^board-step: command line: --step: the posting of this entry was recorded already on 2022-12-10, differently; a step is recorded once$" err &&
	expect_status 65 honour 提名上榜 --date 2022-12-05 --to 2023-03-10 --source 评选 2>err &&
	grep_message "the proposal of this entry was recorded already on 2022-12-05, differently" err &&
	store_unchanged
'

test_case 'removed early with its reason; after its period it came down by itself' '
	seed &&
	board-step --today 2023-12-31 --board 光荣榜 --household H1 --from 2022-12-10 --step 提名上榜 --date 2022-12-05 --to 2023-03-09 --source 评选 &&
	board-step --today 2023-12-31 --board 光荣榜 --household H1 --from 2022-12-10 --step 上榜公布 --date 2022-12-10 &&
	store_dump >before &&
	expect_status 65 board-step --today 2023-12-31 --board 光荣榜 --household H1 --from 2022-12-10 --step 撤榜 --date 2023-03-10 --notes 到期 2>err &&
	grep_message "^board-step: command line: --date: 2023-03-10 is after the period, which ended on 2023-03-09: the entry came down by itself$" err &&
	expect_status 65 board-step --today 2023-12-31 --board 光荣榜 --household H1 --from 2022-12-10 --step 撤榜 --date 2023-03-09 2>err &&
	grep_message "^board-step: command line: --notes: missing; why the entry comes down before the end of its period$" err &&
	store_unchanged &&
	board-step --today 2023-12-31 --board 光荣榜 --household H1 --from 2022-12-10 --step 撤榜 --date 2023-03-09 --notes 户主违反村规民约 &&
	report-gen board --today 2023-03-09 -f csv >out &&
	test_line_count 1 out
'

test_case 'a household of another village is refused; steps from a sheet, all or nothing' '
	seed &&
	expect_status 65 honour 提名上榜 --village 乙村 --to 2023-03-09 --source 评选 2>err &&
	grep_message "^board-step: command line: --village: household H1 is not of 乙村$" err &&
	store_unchanged &&
	cat >steps.csv <<-\EOT &&
	榜,户编号,上榜日期,撤榜日期,步骤,日期,来源,上榜内容,曝光理由,异议期限
	曝光台,H2,2022-12-20,2023-01-19,提名上榜,2022-12-10,互评黑榜,房前屋后杂物乱堆,讲究卫生得分全村最低,
	曝光台,H2,2022-12-20,,告知,2022-12-12,,,,2022-12-19
	曝光台,H2,2022-12-20,,上榜公布,2022-12-19,,,,
	EOT
	expect_status 65 board-step --today 2022-12-31 steps.csv 2>err &&
	grep_message "^board-step: steps.csv:4: 日期: the household may object until 2022-12-19; the entry is posted after that$" err &&
	store_unchanged &&
	sed "s/上榜公布,2022-12-19/上榜公布,2022-12-20/" steps.csv >good.csv &&
	board-step --today 2022-12-31 good.csv 2>err &&
	grep_message "3 steps read: added 1, updated 2" err
'

test_case 'under zh_CN the refusal is in Chinese' '
	seed &&
	zh_locale &&
	propose_exposure &&
	store_dump >before &&
	expect_status 65 exposure 上榜公布 --date 2022-12-20 2>err &&
	err_is err \
		"board-step: 命令行: 环节: 该条目拟上榜（2022-12-10）；下一步应为告知，而不是上榜公布" \
		"board-step: 1条记录有误；未写入任何数据" &&
	store_unchanged
'

test_case 'the printable boards: one A4 sheet a village, no ID number, phone or household number; a workbook' '
	seed &&
	honour 提名上榜 --date 2022-12-05 --to 2023-03-09 --source 评选 &&
	honour 上榜公布 --date 2022-12-10 &&
	propose_exposure &&
	exposure 告知 --date 2022-12-12 --object-by 2022-12-19 &&
	exposure 上榜公布 --date 2022-12-20 &&
	report-gen board --today 2022-12-31 -f html >board.html &&
	test "$(grep -c "<section>" board.html)" = 1 &&
	grep -q "size: A4" board.html &&
	grep -q "<h1>甲村: honour and exposure boards</h1>" board.html &&
	grep -q "<td>1</td><td>2社</td><td>户二</td><td>房前屋后杂物乱堆</td><td>讲究卫生得分全村最低</td>" board.html &&
	! grep -e "$P1" -e 13800001111 -e H1 -e H2 board.html &&
	report-gen board --today 2022-12-31 -f xlsx -o board.xlsx &&
	test "$(head -c 2 board.xlsx)" = PK &&
	report-gen board --today 2022-12-31 --village 乙村 -f html >none.html &&
	grep -q "Nobody is posted." none.html
'

test_done
