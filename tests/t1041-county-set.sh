#!/bin/sh
#
# county-set: the county's settings listed with the seed's values as
# defaults; a change audited with its reason; every bad operand a usage
# error with the store unchanged; and one setting of each sort read by
# its rule at the new edge: an age (post_min_age), an amount
# (loan_max_amount), a day count (loan_unsent_days) and a monitoring
# case's (decision_days).

. "$(dirname "$0")/lib.sh"

P17=$(id_number 50023520051101001)	# 17 on 2022-11-01, 18 on 2023-11-01
P40=$(id_number 50023519820301005)

# one store for every case: a 脱贫户 and its two people, a wish for a
# loan of 2022-11-01, a monitoring case opened on 2022-11-01
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	printf "household_id,head_name,village,categories\nH1,户一,甲村,脱贫户\n" >households.csv &&
	household-add -q households.csv &&
	printf "id_number,household_id,name\n%s,H1,甲\n%s,H1,乙\n" "$P17" "$P40" >members.csv &&
	member-add -q members.csv &&
	support-log -q --kind loan --id-number "$P40" --start 2022-11-01 --provider 农商行 &&
	case-open -q --by 王登记 --today 2022-11-01 --household H1 --clue application \
		--clue-on 2022-11-01 >/dev/null
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

test_case 'every setting holds its default; the list in Chinese for people' '
	seed &&
	county-set -f csv >out &&
	awk -F, "NR > 1 && \$2 != \$3 { print }" out >differ &&
	test_must_be_empty differ &&
	cut -d, -f1-5 out >actual &&
	cat >expect <<-\EOT &&
	name,value,default,min,max
	post_min_age,16,16,14,60
	job_min_age,16,16,14,60
	loan_min_age,18,18,16,100
	loan_max_age,65,65,16,100
	loan_max_amount,50000,50000,1,10000000
	loan_max_months,36,36,1,600
	loan_unsent_days,7,7,1,3650
	loan_unanswered_days,30,30,1,3650
	returnee_uncontacted_days,30,30,1,3650
	decision_days,15,15,0,3650
	posting_days,5,5,0,3650
	unfollowed_days,3,3,0,3650
	stable_months,6,6,0,3650
	EOT
	test_cmp expect actual &&
	zh_locale &&
	county-set -f csv --labels >out.zh &&
	head -n 2 out.zh >actual &&
	printf "设置项,取值,默认值,最小值,最大值,单位,说明\n公益性岗位最低年龄,16,16,14,60,周岁,公益性岗位：上岗之日的最低年龄\n" >expect &&
	test_cmp expect actual &&
	store_unchanged
'

test_case 'a change is audited with who and why; the same value again writes nothing' '
	seed &&
	county-set --by 县乡村振兴局 --reason "县金融办〔2023〕3号" loan_max_amount=60000 loan_unsent_days=10 2>err &&
	err_is err "county-set: loan_max_amount: 60000, was 50000" "county-set: loan_unsent_days: 10, was 7" &&
	store_dump >before &&
	county-set --reason 再次 loan_max_amount=60000 2>err &&
	err_is err "county-set: loan_max_amount: 60000, unchanged" &&
	store_unchanged &&
	county-set -q --reason 恢复 贷款材料报送时限=default &&
	sqlite3 "$RENKE_DB" "SELECT who, entity_id, field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE entity = ${SQ}county_setting${SQ} ORDER BY seq;
		SELECT value FROM county_setting WHERE name = ${SQ}loan_unsent_days${SQ}" >actual &&
	cat >expect <<-\EOT &&
	县乡村振兴局|loan_max_amount|value|50000|60000
	县乡村振兴局|loan_max_amount|reason|-|县金融办〔2023〕3号
	县乡村振兴局|loan_unsent_days|value|7|10
	县乡村振兴局|loan_unsent_days|reason|-|县金融办〔2023〕3号
	tester|loan_unsent_days|value|10|7
	tester|loan_unsent_days|reason|-|恢复
	7
	EOT
	test_cmp expect actual
'

test_case 'bad operands are usage errors and change nothing, the first at its edges' '
	seed &&
	expect_status 64 county-set --reason x post_min_age=13 2>err &&
	grep_message "^county-set: post_min_age: not a whole number from 14 to 60 years, or default: \"13\"$" err &&
	expect_status 64 county-set --reason x loan_min_age=18 post_min_age=61 2>err &&
	grep_message "post_min_age: not a whole number from 14 to 60 years" err &&
	expect_status 64 county-set loan_max_amount=60000 2>err &&
	grep_message "^county-set: --reason: say why the county changed it (its document); it is kept in the audit log$" err &&
	expect_status 64 county-set --reason " " loan_max_amount=60000 2>err &&
	grep_message "^county-set: --reason: say why" err &&
	expect_status 64 county-set --reason x loan_amount=60000 2>err &&
	grep_message "^county-set: no county setting called loan_amount; county-set with no operand lists them$" err &&
	expect_status 64 county-set --reason x loan_max_amount 2>err &&
	grep_message "^county-set: not name=value: \"loan_max_amount\"$" err &&
	expect_status 64 county-set --reason x 2>err &&
	grep_message "^county-set: --reason goes with a change: name=value$" err &&
	zh_locale &&
	expect_status 64 county-set --reason x loan_max_months=0 2>err &&
	grep_message "^county-set: loan_max_months：不是1至600个月之间的整数，也不是default：“0”$" err &&
	store_unchanged &&
	county-set -q --reason x post_min_age=14 &&
	county-set -q --reason x post_min_age=60
'

test_case 'an age and an amount: rules read the setting in force, at its new edges' '
	seed &&
	county-set -q --reason 县人社局文件 post_min_age=18 loan_max_amount=60000 &&
	store_dump >before &&
	expect_status 65 support-log --kind post --id-number "$P17" --start 2023-10-31 2>err &&
	grep_message "^support-log: command line: --id-number: breaks the rule \"18 or older on the first day\" (post_age)" err &&
	expect_status 65 support-log --kind loan --id-number "$P40" --start 2022-12-01 --amount 60001 2>err &&
	grep_message "^support-log: command line: --amount: breaks the rule \"at most 60000 yuan\" (loan_amount)" err &&
	zh_locale &&
	expect_status 65 support-log --kind loan --id-number "$P40" --start 2022-12-01 --amount 60001 2>err &&
	grep_message "不符合规定“金额不超过60000元”（loan_amount）" err &&
	store_unchanged &&
	support-log -q --kind post --id-number "$P17" --start 2023-11-01 &&
	support-log -q --kind loan --id-number "$P40" --start 2022-12-01 --amount 60000
'

test_case 'a day count: a wish waits loan_unsent_days, listed the day after' '
	seed &&
	county-set -q --reason 县金融办 loan_unsent_days=10 &&
	deadline-check --today 2022-11-11 --kind loan_unsent >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-11-12 --kind loan_unsent -f csv >out &&
	grep -q "^loan_unsent,.*,2022-11-11,1,$" out
'

test_case 'a monitoring case'"'"'s day count: decision_days, and case-open --limit sets the same' '
	seed &&
	county-set -q --reason 县防返贫监测办 decision_days=20 &&
	deadline-check --today 2022-11-21 --kind monitoring_case_overdue >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-11-22 --kind monitoring_case_overdue -f csv >out &&
	grep -q "^monitoring_case_overdue,1,.*,2022-11-21,1,$" out &&
	case-open -q --reason "县文件" --limit decision_days=15 &&
	county-set -f csv | grep -q "^decision_days,15,15," &&
	sqlite3 "$RENKE_DB" "SELECT who, entity_id, old, new FROM audit WHERE entity = ${SQ}county_setting${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "tester|decision_days|15|20" "tester|decision_days||县防返贫监测办" "tester|decision_days|20|15" "tester|decision_days||县文件" >expect &&
	test_cmp expect actual
'

test_done
