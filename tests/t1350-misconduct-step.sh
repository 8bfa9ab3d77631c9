#!/bin/sh
#
# misconduct-step: matters referred to the legal system (查处违法乱纪),
# each an issue of kind misconduct in the ledger.  Every step in its
# order and at its edges (the same day as the step before and the day
# before it; today and tomorrow), the same step again, refusals with
# their message, status and the store unchanged; parties by household
# number and by ID number; issue-add and issue-update leave the steps to
# misconduct-step; deadline-check on the deadline and the day after, and
# at the revisit; a household's history.

. "$(dirname "$0")/lib.sh"

P1=$(id_number 50023519820301005)	# head of H1
P2=$(id_number 50023519900512003)	# a person of H2
P3=$(id_number 50023519751111002)	# of no household

# one store for every case: three households, a person
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	cat >households.csv <<-EOT &&
	household_id,head_name,village,village_group,categories,members,id_number,phone
	H1,户一,甲村,1社,脱贫户,4,$P1,13800001111
	H2,户二,甲村,2社,一般农户,3,,
	H3,户三,乙村,1社,一般农户,2,,
	EOT
	household-add -q households.csv &&
	member-add -q --id-number "$P2" --household H2 --name 王二
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

# step STEP ARGS: a step of H1's matter of refusing to support parents
step() {
	s=$1 && shift &&
	misconduct-step --today 2022-12-31 --kind 拒不赡养 --parties "H1;$P2" --referred-on 2022-11-02 --step "$s" "$@"
}
refer() {
	misconduct-step --today 2022-12-31 --kind 拒不赡养 --parties "H1;$P2" --step 移交 --date 2022-11-02 --referred-to 司法调解 --owner 调委会 "$@"
}

test_case 'a matter referred, accepted, decided and revisited: its issue moves with it, every step audited' '
	seed &&
	refer --by 文书 2>err &&
	grep_message "^misconduct-step: 1 steps read: added 1, updated 0, unchanged 0, differ 0, bad 0$" err &&
	step 受理 --date 2022-11-02 2>err &&
	grep_message "added 0, updated 1" err &&
	step 办理结果 --date 2022-11-25 --result 达成赡养协议 &&
	step 回访 --date 2022-12-25 --finding 稳定 --who 陈书记 --notes 按月支付 &&
	sqlite3 "$RENKE_DB" "SELECT m.kind, m.party, m.parties = ${SQ}H1;$P2${SQ}, m.referred_to, m.referred_on, m.accepted_on, m.result_on, m.result, m.stage, m.stage_on FROM misconduct m;
		SELECT i.kind, i.category, i.title, v.name, g.name, h.household_id, i.owner, i.opened_on, i.due_date, i.scorecard_original_due, i.status, i.resolved_on, i.resolution, coalesce(i.revisit_due, ${SQ}-${SQ}) FROM issue i JOIN village v ON v.id = i.village_id JOIN village_group g ON g.id = i.group_id JOIN household h ON h.id = i.household_ref;
		SELECT issue_id, visited_on, visitor, finding, notes FROM revisit;
		SELECT who, entity, entity_id, field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE entity = ${SQ}issue${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	support_refusal|H1|1|mediation|2022-11-02|2022-11-02|2022-11-25|达成赡养协议|revisited|2022-12-25
	misconduct|other|拒不赡养：户一|甲村|1社|H1|调委会|2022-11-02|2022-12-02|2022-12-02|resolved|2022-11-25|达成赡养协议|-
	1|2022-12-25|陈书记|stable|按月支付
	文书|issue|1|status|-|open
	文书|issue|1|owner|-|调委会
	文书|issue|1|due_date|-|2022-12-02
	文书|issue|1|refer|-|2022-11-02 文书 mediation
	tester|issue|1|accept|-|2022-11-02 tester
	tester|issue|1|status|open|in_progress
	tester|issue|1|result|-|2022-11-25 tester 达成赡养协议
	tester|issue|1|status|in_progress|resolved
	tester|issue|1|revisit|-|2022-12-25 陈书记 stable
	EOT
	test_cmp expect actual &&
	store_dump >before &&
	refer 2>err &&
	grep_message "added 0, updated 0, unchanged 1" err &&
	step 受理 --date 2022-11-02 2>err &&
	step 办理结果 --date 2022-11-25 --result 达成赡养协议 2>>err &&
	step 回访 --date 2022-12-25 --finding 稳定 2>>err &&
	test "$(grep -c "unchanged 1" err)" = 3 &&
	store_unchanged
'

test_case 'each step out of order is refused with the steps that may come next, the store unchanged' '
	seed &&
	expect_status 65 step 受理 2>err &&
	err_is err \
		"misconduct-step: command line: --step: no refusing to support parents matter of this party referred on 2022-11-02; a referral starts one" \
		"misconduct-step: 1 bad record; nothing was written" &&
	store_unchanged &&
	refer -q && store_dump >before &&
	expect_status 65 step 办理结果 --result 达成协议 2>err &&
	err_is err \
		"misconduct-step: command line: --step: issue 1 is referred (2022-11-02); its next step is acceptance, not the result" \
		"misconduct-step: 1 bad record; nothing was written" &&
	expect_status 65 step 回访 --finding 稳定 2>err &&
	grep_message "its next step is acceptance, not the revisit$" err &&
	expect_status 65 step 受理 --date 2022-11-01 2>err &&
	grep_message "^misconduct-step: command line: --date: 2022-11-01 is before the matter${SQ}s last step (referred, 2022-11-02)$" err &&
	expect_status 65 step 受理 --date 2023-01-01 2>err &&
	grep_message "^misconduct-step: command line: --date: 2023-01-01 is after today (2022-12-31)$" err &&
	expect_status 65 refer --referred-to 公安 2>err &&
	grep_message "^misconduct-step: command line: --step: issue 1: the referral of 2022-11-02 was recorded already, differently; a step is recorded once$" err &&
	(
		zh_locale &&
		expect_status 65 step 办理结果 --result 达成协议 2>err &&
		err_is err "misconduct-step: 命令行: 环节: 事项 1 已移交（2022-11-02）；下一环节是受理，不是办理结果" \
			"misconduct-step: 1条记录有误；未写入任何数据" &&
		expect_status 65 step 移交 --date 2022-11-02 --referred-to 公安 2>err &&
		grep_message "^misconduct-step: 命令行: 环节: 事项 1：2022-11-02 的移交已经登记，内容不同；每个环节只登记一次$" err
	) &&
	store_unchanged &&
	step 受理 -q --date 2022-12-30 && step 办理结果 -q --date 2022-12-31 --result 判决 && store_dump >before &&
	expect_status 65 step 受理 --date 2022-12-31 2>err &&
	grep_message "the acceptance of 2022-12-30 was recorded already, differently" err &&
	expect_status 65 step 办理结果 --date 2022-12-31 --result 另一判决 2>err &&
	grep_message "the result of 2022-12-31 was recorded already, differently" err &&
	store_unchanged
'

test_case 'bad fields are refused, each with its message; nothing written' '
	seed &&
	expect_status 65 misconduct-step --today 2022-12-31 --kind 打架 --parties H1 --step 移交 --referred-to 公安 2>err &&
	grep_message "^misconduct-step: command line: --kind: unknown value \"打架\"; expected one of: petition" err &&
	expect_status 65 misconduct-step --today 2022-12-31 --kind 家暴 --parties H1 --step 移交 2>err &&
	err_is err "misconduct-step: command line: --referred-to: missing; where the matter goes: mediation, arbitration, ruling, reconsideration, court or police" \
		"misconduct-step: 1 bad record; nothing was written" &&
	expect_status 65 misconduct-step --today 2022-12-31 --kind 家暴 --parties H9 --step 移交 --referred-to 公安 2>err &&
	err_is err "misconduct-step: command line: --parties: no household H9" \
		"misconduct-step: 1 bad record; nothing was written" &&
	expect_status 65 misconduct-step --today 2022-12-31 --kind 家暴 --parties "H1、500235198203010051" --step 移交 --referred-to 公安 2>err &&
	err_is err "misconduct-step: command line: --parties: party 2: not a household number nor a valid ID number" \
		"misconduct-step: 1 bad record; nothing was written" &&
	expect_status 65 misconduct-step --today 2022-12-31 --kind 缠访闹访 --parties "$P3" --step 移交 --referred-to 公安 2>err &&
	err_is err "misconduct-step: command line: --village: missing; no party is of a registered household: which village referred the matter?" \
		"misconduct-step: 1 bad record; nothing was written" &&
	expect_status 65 misconduct-step --today 2022-12-31 --kind 家暴 --parties H1 --village 乙村 --step 移交 --referred-to 公安 2>err &&
	grep_message "^misconduct-step: command line: --village: the parties${SQ} household is not of 乙村$" err &&
	expect_status 65 step 受理 --result 判决 --referred-to 公安 2>err &&
	grep_message "^misconduct-step: command line: --referred-to: belongs to the referral, not the acceptance$" err &&
	grep_message "^misconduct-step: command line: --result: belongs to the result, not the acceptance$" err &&
	expect_status 65 misconduct-step --today 2022-12-31 --kind 家暴 --parties H1 --step 受理 2>err &&
	grep_message "^misconduct-step: command line: --referred-on: missing; the day the matter was referred" err &&
	expect_status 65 misconduct-step --today 2022-12-31 --kind 家暴 --parties H1 --referred-on 2022-12-01 --date 2022-12-02 --step 移交 --referred-to 公安 2>err &&
	grep_message "^misconduct-step: command line: --date: a referral is dated the day the matter was referred (2022-12-01)$" err &&
	expect_status 65 refer --due-date 2022-11-01 2>err &&
	grep_message "^misconduct-step: command line: --due-date: 2022-11-01 is before the referral (2022-11-02)$" err &&
	! grep -q "$P3\|500235198203010051" err &&
	store_unchanged &&
	misconduct-step -q --today 2022-12-31 --kind 缠访闹访 --parties "$P3" --village 乙村 --step 移交 --referred-to 公安 --due-date 2022-11-02 --date 2022-11-02 &&
	sqlite3 "$RENKE_DB" "SELECT i.title, v.name, i.household_ref IS NULL, i.due_date FROM issue i JOIN village v ON v.id = i.village_id" >actual &&
	echo "缠访闹访|乙村|1|2022-11-02" >expect &&
	test_cmp expect actual
'

test_case 'a file of steps is all or nothing; Chinese headings' '
	seed &&
	cat >steps.csv <<-EOT &&
	类别,当事人,移交日期,步骤,日期,移交机关,办理结果
	家庭暴力,H2,2022-11-10,移交,2022-11-10,公安,
	家庭暴力,H2,2022-11-10,受理,2022-11-11,,
	家庭暴力,H2,2022-11-10,办理结果,2022-11-12,,
	EOT
	expect_status 65 misconduct-step -q --today 2022-12-31 steps.csv 2>err &&
	err_is err "misconduct-step: steps.csv:4: 办理结果: missing; what the body decided or agreed" \
		"misconduct-step: 1 bad record; nothing was written" &&
	store_unchanged &&
	sed -i "4s/,\$/,行政拘留十日/" steps.csv &&
	misconduct-step -q --today 2022-12-31 steps.csv &&
	sqlite3 "$RENKE_DB" "SELECT kind, party, referred_to, stage, result FROM misconduct" >actual &&
	echo "domestic_violence|H2|police|decided|行政拘留十日" >expect &&
	test_cmp expect actual
'

test_case 'issue-add and issue-update leave the steps to misconduct-step; notes and a withdrawal are the ledger'"'"'s' '
	seed &&
	expect_status 65 issue-add --kind 违法乱纪 --category 其他 --title 闹访 --village 甲村 --owner 文书 --today 2022-12-01 2>err &&
	grep_message "^issue-add: command line: --kind: a misconduct matter is referred with misconduct-step, which records its parties and where it goes$" err &&
	store_unchanged &&
	refer -q && store_dump >before &&
	expect_status 65 issue-update --id 1 --status resolved --resolution 了结 --today 2022-12-01 2>err &&
	grep_message "^issue-update: command line: --status: issue 1 is a misconduct matter: misconduct-step records its acceptance, result and revisits$" err &&
	expect_status 65 issue-update --id 1 --outcome success --today 2022-12-01 2>err &&
	grep_message "issue 1 is a misconduct matter" err &&
	store_unchanged &&
	issue-update -q --id 1 --note 已电话催办 --today 2022-12-01 &&
	issue-update -q --id 1 --status withdrawn --reason 录入错误 --today 2022-12-01 &&
	store_dump >before &&
	expect_status 65 step 受理 2>err &&
	grep_message "^misconduct-step: command line: --step: issue 1 was withdrawn: it takes notes only$" err &&
	store_unchanged
'

test_case 'deadline-check: overdue the day after its deadline, never awaiting feedback, its revisit due 30 days after the result' '
	seed &&
	refer -q &&
	deadline-check --today 2022-12-02 -f csv >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-12-03 -f csv >out &&
	cat >expect <<-\EOT &&
	kind,id,title,household_id,village,village_group,owner,due_date,days_overdue,urgency
	issue_overdue,1,拒不赡养：户一,H1,甲村,1社,调委会,2022-12-02,1,important
	EOT
	test_cmp expect out &&
	step 受理 -q --date 2022-11-03 && step 办理结果 -q --date 2022-11-20 --result 达成协议 &&
	deadline-check --today 2022-12-19 -f csv >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-12-20 -f csv >out &&
	grep -q "^revisit_due,1,拒不赡养：户一,H1,甲村,1社,调委会,2022-12-20,0," out &&
	test_line_count 2 out &&
	step 回访 -q --date 2022-12-20 --finding 反弹 &&
	deadline-check --today 2022-12-31 -f csv >out &&
	test_must_be_empty out
'

test_case 'a household'"'"'s history shows its matter'"'"'s steps, in Chinese under zh_CN' '
	seed &&
	refer -q && step 受理 -q --date 2022-11-03 &&
	report-gen history H1 -f csv >out &&
	grep -q "^2022-11-02,,issue,1,opened,,,拒不赡养：户一 (other),," out &&
	grep -q ",issue,1,changed,refer,,2022-11-02 tester mediation,tester," out &&
	zh_locale &&
	report-gen history H1 -f markdown >out &&
	grep -q "| 移交 |  | 2022-11-02 tester 司法调解 |" out &&
	grep -q "受理.*2022-11-03 tester" out
'

test_done
