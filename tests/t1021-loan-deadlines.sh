#!/bin/sh
#
# deadline-check and small loans (support-log): a wish whose papers have
# not gone to the bank 7 days after it was recorded (loan_unsent), and
# papers the bank has not answered in 30 days (loan_unanswered), each at
# its edges (day 7 and day 8; day 30 and day 31), whose they are, and the
# ID number masked in the item's id.

. "$(dirname "$0")/lib.sh"

HEADER=kind,id,title,household_id,village,village_group,owner,due_date,days_overdue,urgency
P1=$(id_number 50023519820301011)	# of H1, 甲村
P2=$(id_number 50023519820301022)	# of H2, 乙村
M1=500235********$(printf %s "$P1" | cut -c15-18)
M2=500235********$(printf %s "$P2" | cut -c15-18)

# one store for every case: a wish of 2022-11-01 owned by 王干部 (H1),
# papers of a wish of 2022-11-01 sent on 2022-11-05 (H2, assigned to
# 李帮扶), and a loan the bank approved long ago
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	printf "household_id,head_name,village,categories,monitor_type\nH1,户一,甲村,脱贫户,\nH2,户二,乙村,监测户,边缘易致贫户\n" \
		>households.csv &&
	household-add -q households.csv &&
	printf "id_number,household_id,name\n%s,H1,甲\n%s,H2,乙\n" "$P1" "$P2" >members.csv &&
	member-add -q members.csv &&
	assign -q --cadre 李帮扶 --role 帮扶干部 --household H2 &&
	support-log -q --kind loan --id-number "$P1" --start 2022-11-01 --provider 农商行 --owner 王干部 &&
	support-log -q --kind loan --id-number "$P2" --start 2022-11-01 --provider 农商行 \
		--status sent --sent-on 2022-11-05 &&
	support-log -q --kind loan --id-number "$P1" --start 2022-09-01 --provider 农商行 \
		--status approved --sent-on 2022-09-02 --decided-on 2022-09-10 \
		--amount 30000 --term 24
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

test_case 'papers not sent: not listed on day 7, listed on day 8, the ID number masked' '
	seed &&
	deadline-check --today 2022-11-08 --kind loan_unsent >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-11-09 --kind loan_unsent -f csv >out &&
	{
		echo "$HEADER" &&
		echo "loan_unsent,loan:$M1:2022-11-01,甲: wishes for a microloan; papers not sent to the bank,H1,甲村,,王干部,2022-11-08,1,"
	} >expect &&
	test_cmp expect out &&
	! grep -F "$P1" out &&
	store_unchanged
'

test_case 'the bank silent: not listed on day 30 after the papers, listed on day 31, owned by the household'"'"'s cadre' '
	seed &&
	deadline-check --today 2022-12-05 --kind loan_unanswered >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-12-06 --kind loan_unanswered -f csv >out &&
	{
		echo "$HEADER" &&
		echo "loan_unanswered,loan:$M2:2022-11-01,乙: microloan papers sent; the bank has not answered,H2,乙村,,李帮扶,2022-12-05,1,"
	} >expect &&
	test_cmp expect out
'

test_case 'papers sent, the wish waits for the bank; answered, neither is listed' '
	seed &&
	support-log -q --upsert --reason 材料已递交 --kind loan --id-number "$P1" --start 2022-11-01 \
		--status sent --sent-on 2022-11-09 &&
	expect_status 1 deadline-check --today 2022-12-10 --kind loan_unsent --kind loan_unanswered -f csv >out &&
	cut -d, -f1,2,8,9 out >actual &&
	cat >expect <<-EOT &&
	kind,id,due_date,days_overdue
	loan_unanswered,loan:$M2:2022-11-01,2022-12-05,5
	loan_unanswered,loan:$M1:2022-11-01,2022-12-09,1
	EOT
	test_cmp expect actual &&
	support-log -q --upsert --reason 银行未批 --kind loan --id-number "$P1" --start 2022-11-01 \
		--status refused --decided-on 2022-12-20 &&
	support-log -q --upsert --reason 本人撤回 --kind loan --id-number "$P2" --start 2022-11-01 \
		--status withdrawn --decided-on 2022-12-21 &&
	deadline-check --today 2023-06-01 --kind loan_unsent --kind loan_unanswered >out &&
	test_must_be_empty out
'

test_case 'a loan is what it was on the day: a wish until its papers went, sent until the bank answered' '
	seed &&
	support-log -q --upsert --reason 已审批 --kind loan --id-number "$P1" --start 2022-11-01 \
		--status approved --sent-on 2022-11-20 --decided-on 2022-12-28 --amount 20000 --term 12 &&
	store_dump >before &&
	expect_status 1 deadline-check --today 2022-11-15 --kind loan_unsent --kind loan_unanswered -f csv >out &&
	cut -d, -f1,2,8,9 out >actual &&
	printf "kind,id,due_date,days_overdue\nloan_unsent,loan:$M1:2022-11-01,2022-11-08,7\n" >expect &&
	test_cmp expect actual &&
	deadline-check --today 2022-11-25 --kind loan_unsent --kind loan_unanswered >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-12-25 --kind loan_unanswered -f csv >out &&
	cut -d, -f2,8,9 out | grep -F "$M1" >actual &&
	printf "loan:$M1:2022-11-01,2022-12-20,5\n" >expect &&
	test_cmp expect actual &&
	deadline-check --today 2022-12-28 --kind loan_unanswered --owner 王干部 >out &&
	test_must_be_empty out &&
	store_unchanged
'

test_case 'a loan decided before the store kept the day is taken as it is now' '
	seed &&
	sqlite3 "$RENKE_DB" "UPDATE support SET decided_on = NULL WHERE start_date = ${SQ}2022-09-01${SQ}" &&
	store_dump >before &&
	deadline-check --today 2022-10-05 --kind loan_unsent --kind loan_unanswered >out &&
	test_must_be_empty out &&
	sqlite3 "$RENKE_DB" "UPDATE support SET decided_on = ${SQ}2022-10-10${SQ} WHERE start_date = ${SQ}2022-09-01${SQ}" &&
	expect_status 1 deadline-check --today 2022-10-05 --kind loan_unanswered -f csv >out &&
	cut -d, -f2,8,9 out >actual &&
	printf "id,due_date,days_overdue\nloan:$M1:2022-09-01,2022-10-02,3\n" >expect &&
	test_cmp expect actual
'

test_case '--within, --owner and --village choose among the loans; every kind includes them' '
	seed &&
	expect_status 1 deadline-check --today 2022-11-06 --within 2 --kind loan_unsent -f csv >out &&
	grep -qF "loan:$M1:2022-11-01,甲: wishes for a microloan; papers not sent to the bank,H1,甲村,,王干部,2022-11-08,-2," out &&
	deadline-check --today 2022-11-06 --within 1 --kind loan_unsent >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-12-06 --owner 李帮扶 -f csv >out &&
	cut -d, -f1,7 out >actual &&
	printf "kind,owner\nloan_unanswered,李帮扶\n" >expect &&
	test_cmp expect actual &&
	expect_status 1 deadline-check --today 2022-12-06 --village 甲村 -f csv >out &&
	cut -d, -f1,5 out >actual &&
	printf "kind,village\nloan_unsent,甲村\n" >expect &&
	test_cmp expect actual &&
	deadline-check --today 2022-12-06 --summary >out &&
	test_must_be_empty out
'

test_case 'an unknown kind is a usage error naming the loan kinds, in Chinese too' '
	seed &&
	expect_status 64 deadline-check --today 2022-12-06 --kind loan_late 2>err &&
	grep_message "unknown value \"loan_late\"; expected one of: .*, monitoring_unfollowed (monitoring unfollowed), loan_unsent (loan papers not sent), loan_unanswered (loan unanswered), returnee_uncontacted (returnee uncontacted), care_missing (care visit missing)$" err &&
	(
		zh_locale &&
		expect_status 64 deadline-check --today 2022-12-06 --kind loan_late 2>err &&
		grep_message "未知取值“loan_late”；.*loan_unanswered（银行逾期未答复）、returnee_uncontacted（回引人才逾期未联系）、care_missing（人文关怀未走访）$" err
	) &&
	store_unchanged
'

test_case 'a table under zh_CN labels the kinds in Chinese, and the loans in the ids' '
	seed &&
	(
		zh_locale &&
		expect_status 1 deadline-check --today 2022-12-06 -f table >out
	) &&
	grep "^贷款材料未报送银行 " out | grep -qF "小额信贷:$M1:2022-11-01" &&
	grep "^银行逾期未答复 " out | grep -qF "小额信贷:$M2:2022-11-01" &&
	! grep -q "loan" out
'

test_done
