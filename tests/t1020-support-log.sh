#!/bin/sh
#
# support-log: public-welfare posts and small loans to a person, each
# rule at its edges (age 15 and 16 on the first day; 65 and 66 on the
# day of the wish; 50,000 and 50,001 yuan; 36 and 37 months; a second
# post; a household whose risk is eliminated; a cadre's relative), the
# override with and without a reason, the same record again and its
# update, audited.  A refusal leaves the store as it was.

. "$(dirname "$0")/lib.sh"

P16=$(id_number 50023520061101001)	# 16 on 2022-11-01
P15=$(id_number 50023520061102002)	# 15 on 2022-11-01, 16 the next day
P65=$(id_number 50023519571101003)	# 65 on 2022-11-01
P66=$(id_number 50023519561101004)	# 66 on 2022-11-01
P40=$(id_number 50023519820301005)	# of H2, monitored, at risk
P41=$(id_number 50023519820301006)	# of H3, monitored, risk eliminated
P42=$(id_number 50023519820301007)	# of H4, ordinary
P43=$(id_number 50023519820301008)	# of H5, marginal (边缘易致贫户), at risk
P44=$(id_number 50023519820301009)	# of H1, a village cadre's relative
P45=$(id_number 50023519820301010)	# of H6, monitored, unstable

# one store for every case: households of each category and their people
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,categories,members,monitor_type,risk_status
	H1,户一,甲村,脱贫户,4,,
	H2,户二,甲村,监测户,3,脱贫不稳定户,未消除风险
	H3,户三,甲村,监测户,3,脱贫不稳定户,已消除风险
	H4,户四,甲村,一般农户,2,,
	H5,户五,甲村,监测户,2,边缘易致贫户,未消除风险
	H6,户六,甲村,监测户,2,脱贫不稳定户,未消除风险
	EOT
	household-add -q households.csv &&
	{
		echo "id_number,household_id,name,cadre_relative" &&
		echo "$P16,H1,甲,否" && echo "$P15,H1,乙,否" &&
		echo "$P65,H1,丙,否" && echo "$P66,H1,丁,否" &&
		echo "$P40,H2,戊,否" && echo "$P41,H3,己,否" &&
		echo "$P42,H4,庚,否" && echo "$P43,H5,辛,否" &&
		echo "$P44,H1,壬,是" && echo "$P45,H6,癸,否"
	} >members.csv &&
	member-add -q members.csv
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

post() {
	support-log --kind 公益性岗位 --title 保洁员 --provider 甲村村委会 --amount 500 "$@"
}

loan() {
	support-log --kind 富民贷 --provider 农商行 "$@"
}

test_case 'a post at 16 on its first day is written, audited; at 15 it is refused' '
	seed &&
	expect_status 65 post --id-number "$P15" --start 2022-11-01 2>err &&
	grep_message "^support-log: command line: --id-number: breaks the rule \"16 or older on the first day\" (post_age); with --override REASON it is recorded anyway, the reason audited$" err &&
	! grep -F "$P15" err &&
	store_unchanged &&
	post --id-number "$P15" --start 2022-11-02 2>err &&
	post --id-number "$P16" --start 2022-11-01 --by 文书 2>err &&
	grep_message "^support-log: 1 assistance records read: added 1, updated 0, unchanged 0, differ 0, bad 0$" err &&
	sqlite3 "$RENKE_DB" "SELECT kind, start_date, title, provider, amount, coalesce(status, ${SQ}-${SQ}) FROM support ORDER BY id;
		SELECT who, field, new FROM audit WHERE entity = ${SQ}support${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	post|2022-11-02|保洁员|甲村村委会|500|-
	post|2022-11-01|保洁员|甲村村委会|500|-
	tester|created|post
	文书|created|post
	EOT
	test_cmp expect actual
'

test_case 'a loan at 65 on the day of the wish is a wish; at 66 it is refused' '
	seed &&
	expect_status 65 loan --id-number "$P66" --start 2022-11-01 2>err &&
	grep_message "--id-number: breaks the rule \"18 to 65 on the day the wish was recorded\" (loan_age)" err &&
	store_unchanged &&
	loan --id-number "$P65" --start 2022-11-01 2>err &&
	sqlite3 "$RENKE_DB" "SELECT kind, status FROM support" >actual &&
	echo "loan|wish" >expect &&
	test_cmp expect actual
'

test_case 'a loan of 50,000 yuan for 36 months; 50,001 and 37 months refused' '
	seed &&
	expect_status 65 loan --id-number "$P65" --start 2022-11-01 --amount 50001 --term 37 --status approved 2>err &&
	grep_message "command line: --amount: breaks the rule \"at most 50000 yuan\" (loan_amount)" err &&
	grep_message "command line: --term: breaks the rule \"at most 36 months\" (loan_term)" err &&
	store_unchanged &&
	loan --id-number "$P65" --start 2022-11-01 --amount 50000 --term 36 --status 已放贷 --sent-on 2022-11-03 &&
	sqlite3 "$RENKE_DB" "SELECT amount, term_months, status, sent_on FROM support" >actual &&
	echo "50000|36|approved|2022-11-03" >expect &&
	test_cmp expect actual
'

test_case 'a loan for 脱贫户 and 边缘易致贫户 only' '
	seed &&
	expect_status 65 loan --id-number "$P45" --start 2022-11-01 2>err &&
	grep_message "breaks the rule \"the household is lifted or marginal\" (loan_household)" err &&
	expect_status 65 loan --id-number "$P42" --start 2022-11-01 2>err &&
	grep_message "(loan_household)" err &&
	store_unchanged &&
	loan --id-number "$P43" --start 2022-11-01
'

test_case 'a post for 脱贫户 and 监测户 at risk; risk eliminated or ordinary refused' '
	seed &&
	expect_status 65 post --id-number "$P41" --start 2022-11-01 2>err &&
	grep_message "--id-number: breaks the rule \"the household is lifted, or monitored with its risk not eliminated\" (post_household)" err &&
	expect_status 65 post --id-number "$P42" --start 2022-11-01 2>err &&
	grep_message "(post_household)" err &&
	store_unchanged &&
	post --id-number "$P40" --start 2022-11-01
'

test_case 'one post at a time: a second overlapping post is refused, one after the first ends is not' '
	seed &&
	post --id-number "$P40" --start 2022-11-01 --end 2023-10-31 &&
	store_dump >before &&
	expect_status 65 post --id-number "$P40" --start 2023-10-31 --title 护林员 2>err &&
	grep_message "--start: breaks the rule \"one post per person at a time\" (post_one)" err &&
	store_unchanged &&
	post --id-number "$P40" --start 2023-11-01 --title 护林员 &&
	expect_status 65 post --id-number "$P40" --start 2022-06-01 --title 护路员 2>err &&
	grep_message "(post_one)" err &&
	post --id-number "$P40" --start 2022-06-01 --end 2022-10-31 --title 护路员
'

test_case 'no post for a village cadre'\''s relative; in Chinese too' '
	seed &&
	expect_status 65 post --id-number "$P44" --start 2022-11-01 2>err &&
	grep_message "breaks the rule \"no relative of a village cadre\" (post_cadre_relative)" err &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 expect_status 65 post --id-number "$P44" --start 2022-11-01 2>err.zh &&
	grep_message "不符合规定“不得安置村干部亲属”（post_cadre_relative）；给出--override 理由可照常登记，理由记入审计日志" err.zh &&
	store_unchanged
'

test_case 'the override with a reason: written, each rule kept with the reason, audited' '
	seed &&
	loan --id-number "$P66" --start 2022-11-01 --amount 60000 --by 文书 --override "县乡村振兴局特批" 2>err &&
	grep_message "added 1," err &&
	sqlite3 "$RENKE_DB" "SELECT rule, reason, who FROM support_override ORDER BY id;
		SELECT field, new FROM audit WHERE entity = ${SQ}support${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	loan_age|县乡村振兴局特批|文书
	loan_amount|县乡村振兴局特批|文书
	created|loan
	loan_age|县乡村振兴局特批
	loan_amount|县乡村振兴局特批
	EOT
	test_cmp expect actual
'

test_case 'the override without a reason is a usage error' '
	seed &&
	expect_status 64 loan --id-number "$P66" --start 2022-11-01 --override " " 2>err &&
	grep_message "^support-log: --override needs its reason: why the rule is broken$" err &&
	printf "kind,id_number,start_date,override\nloan,%s,2022-11-01,\n" "$P66" >bad.csv &&
	expect_status 65 support-log bad.csv 2>err &&
	grep_message "^support-log: bad.csv:2: id_number: breaks the rule" err &&
	store_unchanged
'

test_case 'the same record again is unchanged; --upsert follows a loan, audited' '
	seed &&
	printf "类型,身份证号,意愿日期,银行,贷款用途\n富民贷,%s,2022-11-01,农商行,养牛\n" "$P65" >loans.csv &&
	support-log -q loans.csv &&
	store_dump >before &&
	support-log loans.csv 2>err &&
	grep_message "added 0, updated 0, unchanged 1, differ 0, bad 0$" err &&
	store_unchanged &&
	loan --id-number "$P65" --start 2022-11-01 --status 已提交银行 --sent-on 2022-11-05 2>err &&
	grep_message "differ 1, bad 0$" err &&
	store_unchanged &&
	loan --upsert --reason 已递交 --id-number "$P65" --start 2022-11-01 --status 已提交银行 --sent-on 2022-11-05 2>err &&
	sqlite3 "$RENKE_DB" "SELECT title, status, sent_on FROM support;
		SELECT field, old, new FROM audit WHERE field IN (${SQ}status${SQ}, ${SQ}sent_on${SQ}) ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	养牛|sent|2022-11-05
	status|wish|sent
	sent_on||2022-11-05
	EOT
	test_cmp expect actual
'

test_case 'an update past the limits is refused as a new loan is, or kept with the reason' '
	seed &&
	loan --id-number "$P65" --start 2022-11-01 --amount 50000 --term 36 &&
	store_dump >before &&
	expect_status 65 loan --upsert --id-number "$P65" --start 2022-11-01 --amount 50001 --term 36 --status approved 2>err &&
	grep_message "command line: --amount: breaks the rule \"at most 50000 yuan\" (loan_amount)" err &&
	! grep_message "loan_term" err &&
	store_unchanged &&
	: approved without its day: decided on --today &&
	loan --upsert --reason 银行批复 --today 2022-11-30 --id-number "$P65" --start 2022-11-01 --amount 80000 --status approved --override 特批 2>err &&
	grep_message "updated 1," err &&
	loan --upsert --reason 用途改了 --id-number "$P65" --start 2022-11-01 --amount 80000 --title 养猪 2>err &&
	grep_message "updated 1," err &&
	sqlite3 "$RENKE_DB" "SELECT amount, status, title FROM support;
		SELECT rule, reason FROM support_override;
		SELECT field, old, new FROM audit WHERE entity = ${SQ}support${SQ} AND field <> ${SQ}created${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	80000|approved|养猪
	loan_amount|特批
	amount|50000|80000
	status|wish|approved
	decided_on||2022-11-30
	reason||银行批复
	loan_amount||特批
	title||养猪
	reason||用途改了
	EOT
	test_cmp expect actual
'

test_case 'an update to approved needs the amount and term, given or stored' '
	seed &&
	loan --id-number "$P65" --start 2022-11-01 --amount 30000 &&
	store_dump >before &&
	expect_status 65 loan --upsert --reason 银行批复 --id-number "$P65" --start 2022-11-01 --status 已放贷 2>err &&
	grep_message "^support-log: command line: --status: an approved loan has its amount and term$" err &&
	store_unchanged &&
	loan --upsert --reason 银行批复 --id-number "$P65" --start 2022-11-01 --status 已放贷 --term 24 2>err &&
	grep_message "updated 1," err &&
	sqlite3 "$RENKE_DB" "SELECT amount, term_months, status FROM support" >actual &&
	echo "30000|24|approved" >expect &&
	test_cmp expect actual
'

test_case 'an update of a post'"'"'s end re-checks one post at a time, itself left out' '
	seed &&
	post --id-number "$P16" --start 2022-11-01 --end 2022-12-31 &&
	post --id-number "$P16" --start 2023-02-01 &&
	store_dump >before &&
	expect_status 65 post --upsert --reason 延期 --id-number "$P16" --start 2022-11-01 --end 2023-03-01 2>err &&
	grep_message "^support-log: command line: --end: breaks the rule \"one post per person at a time\" (post_one)" err &&
	store_unchanged &&
	post --upsert --reason 延期 --id-number "$P16" --start 2022-11-01 --end 2023-01-31 2>err &&
	grep_message "updated 1," err &&
	post --upsert --reason 延期 --id-number "$P16" --start 2022-11-01 --end 2023-02-01 --override 交接一天 2>err &&
	grep_message "updated 1," err &&
	sqlite3 "$RENKE_DB" "SELECT start_date, end_date FROM support ORDER BY id;
		SELECT rule, reason FROM support_override" >actual &&
	cat >expect <<-\EOT &&
	2022-11-01|2023-02-01
	2023-02-01|
	post_one|交接一天
	EOT
	test_cmp expect actual
'

test_case 'bad records: nothing written, every problem named' '
	seed &&
	{
		echo "kind,id_number,start_date,end_date,amount,term_months,status" &&
		echo "扶贫车间,$P16,2022-11-01,,,," &&
		echo "post,$P16,,,,," &&
		echo "post,$P16,2022-11-01,2022-10-01,,12," &&
		echo "loan,$P65,2022-11-01,,五万,,approved" &&
		echo "loan,$(id_number 11010519491231002),2022-11-01,,,," &&
		echo "loan,$P43,2022-11-01,,,,approved"
	} >bad.csv &&
	expect_status 65 support-log bad.csv 2>err &&
	grep_message "bad.csv:2: kind: unknown value \"扶贫车间\"; expected one of: post (public-welfare post), loan (small loan), job (industry-park job), land (land transfer)" err &&
	grep_message "bad.csv:3: start_date: missing; a post${SQ}s first day, or the day a wish for a loan was recorded" err &&
	grep_message "bad.csv:4: end_date: 2022-10-01 is before the start date 2022-11-01" err &&
	grep_message "bad.csv:4: term_months: only small loan has it, not public-welfare post" err &&
	grep_message "bad.csv:5: amount: not a whole number from 0 to 100000000: \"五万\"" err &&
	grep_message "bad.csv:6: id_number: no such person in the store; member-add registers people" err &&
	grep_message "bad.csv:7: status: an approved loan has its amount and term" err &&
	store_unchanged
'

test_done
