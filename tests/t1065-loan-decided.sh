#!/bin/sh
#
# A loan's steps are dated (schema 33): the wish, the papers sent and the
# decision (support-log --decided-on: approved, refused or withdrawn).
# A decision given without its day was made on --today; a day out of
# order or after today is a bad record, the store unchanged.  The
# scorecard's action 3 counts a loan approved in the period by the day
# of its approval, and report-gen assistance each loan at the stage it
# had reached by the day.  A store of schema 32 keeps its loans: one
# approved there has no day and counts by its wish, as it did.

. "$(dirname "$0")/lib.sh"

P=$(id_number 50023519800101001)	# H1 甲村, 脱贫户
Q=$(id_number 50023519820101002)	# H2 乙村, 脱贫户

people() {
	printf "household_id,head_name,village,village_group,categories\nH1,户一,甲村,1社,脱贫户\nH2,户二,乙村,1社,脱贫户\n" >households.csv &&
	household-add -q households.csv &&
	printf "id_number,household_id,name\n%s,H1,甲一\n%s,H2,乙一\n" "$P" "$Q" >members.csv &&
	member-add -q members.csv
}

seed() {
	store_cache people people
}

loan() {
	support-log --kind 富民贷 --provider 农商行 --id-number "$P" --start 2022-09-01 "$@"
}

# the loan of $P as status|sent_on|decided_on
stored() {
	sqlite3 "$RENKE_DB" "SELECT status, coalesce(sent_on, ${SQ}-${SQ}), coalesce(decided_on, ${SQ}-${SQ}) FROM support WHERE id_number = ${SQ}$P${SQ}"
}

test_case 'each step dated; a decision without its day on --today, given again unchanged, audited' '
	seed &&
	loan -q --today 2022-09-01 &&
	loan -q --upsert --reason 已报送 --status 已提交银行 --sent-on 2022-09-05 &&
	test "$(stored)" = "sent|2022-09-05|-" &&
	loan -q --upsert --reason 银行放贷 --today 2022-10-10 --status 已放贷 --amount 30000 --term 36 &&
	test "$(stored)" = "approved|2022-09-05|2022-10-10" &&
	loan --today 2022-11-30 --status 已放贷 2>err &&
	grep_message "unchanged 1, differ 0" err &&
	loan -q --upsert --reason 本人撤回 --today 2022-11-30 --status 已撤回 --decided-on 2022-11-20 &&
	test "$(stored)" = "withdrawn|2022-09-05|2022-11-20" &&
	sqlite3 "$RENKE_DB" "SELECT field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE field = ${SQ}decided_on${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "decided_on|-|2022-10-10" "decided_on|2022-10-10|2022-11-20" >expect &&
	test_cmp expect actual &&
	zh_locale &&
	report-gen --today 2022-11-30 history H1 -f table >out &&
	grep -q "修改  *办结日期  *2022-10-10  *2022-11-20 " out
'

test_case 'a day of decision out of order, after today or of no decision is a bad record (exit 65, store unchanged)' '
	seed &&
	store_dump >before &&
	cat >bad.csv <<-EOT &&
	kind,id_number,start_date,provider,amount,term_months,status,sent_on,decided_on
	公益性岗位,$P,2022-09-01,甲村村委会,500,,,,2022-09-02
	富民贷,$P,2022-09-02,农商行,,,已提交银行,2022-09-03,2022-09-04
	富民贷,$P,2022-09-03,农商行,30000,36,已放贷,,2022-09-02
	富民贷,$P,2022-09-04,农商行,,,未获批,2022-09-10,2022-09-09
	富民贷,$P,2022-09-05,农商行,,,已撤回,,2022-12-01
	EOT
	expect_status 65 support-log --today 2022-11-30 bad.csv 2>err &&
	grep_message "^support-log: bad.csv:2: decided_on: only small loan has it, not public-welfare post$" err &&
	grep_message "^support-log: bad.csv:3: decided_on: only a loan approved, refused or withdrawn has the day of its decision$" err &&
	grep_message "^support-log: bad.csv:4: decided_on: 2022-09-02 is before the wish was recorded (2022-09-03)$" err &&
	grep_message "^support-log: bad.csv:5: decided_on: 2022-09-09 is before the papers were sent to the bank (2022-09-10)$" err &&
	grep_message "^support-log: bad.csv:6: decided_on: 2022-12-01 is after today (2022-11-30)$" err &&
	grep_message "^support-log: 5 bad records; nothing was written$" err &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 support-log --today 2022-11-30 bad.csv 2>err &&
	grep_message "^support-log: bad.csv:3: decided_on: 只有已放贷、未获批或已撤回的贷款才有办结日期$" err &&
	grep_message "^support-log: bad.csv:5: decided_on: 2022-09-09早于提交银行的日期（2022-09-10）$" err &&
	store_unchanged
'

test_case 'papers sent without their day were sent on --today; given again, the day stays' '
	seed &&
	loan -q --today 2022-09-01 &&
	loan -q --upsert --reason 已报送 --today 2022-09-06 --status 已提交银行 &&
	test "$(stored)" = "sent|2022-09-06|-" &&
	loan --today 2022-09-20 --status 已提交银行 2>err &&
	grep_message "unchanged 1, differ 0" err &&
	test "$(stored)" = "sent|2022-09-06|-" &&
	sqlite3 "$RENKE_DB" "SELECT field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE field = ${SQ}sent_on${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "sent_on|-|2022-09-06" >expect &&
	test_cmp expect actual &&
	expect_status 1 deadline-check --today 2022-10-07 --kind loan_unanswered -f csv >out &&
	cut -d, -f8,9 out >actual &&
	printf "due_date,days_overdue\n2022-10-06,1\n" >expect &&
	test_cmp expect actual
'

test_case 'a day of papers sent before the wish or after today is a bad record (exit 65, store unchanged)' '
	seed &&
	store_dump >before &&
	cat >bad.csv <<-EOT &&
	kind,id_number,start_date,provider,status,sent_on
	富民贷,$P,2022-09-03,农商行,已提交银行,2022-09-02
	富民贷,$P,2022-09-04,农商行,已提交银行,2022-12-01
	富民贷,$P,2022-09-05,农商行,已提交银行,2022-09-05
	EOT
	expect_status 65 support-log --today 2022-11-30 bad.csv 2>err &&
	grep_message "^support-log: bad.csv:2: sent_on: 2022-09-02 is before the wish was recorded (2022-09-03)$" err &&
	grep_message "^support-log: bad.csv:3: sent_on: 2022-12-01 is after today (2022-11-30)$" err &&
	grep_message "^support-log: 2 bad records; nothing was written$" err &&
	! grep -q "bad.csv:4:" err &&
	store_unchanged &&
	zh_locale &&
	expect_status 65 support-log --today 2022-11-30 bad.csv 2>err &&
	grep_message "^support-log: bad.csv:3: sent_on: 2022-12-01晚于今天（2022-11-30）$" err &&
	store_unchanged
'

test_case 'an approval counts on its day: the scorecard'"'"'s period and the stage in assistance' '
	seed &&
	loan -q --today 2022-11-30 --status 已放贷 --sent-on 2022-09-05 --decided-on 2022-10-10 --amount 30000 --term 36 &&
	field() {
		awk -F, -v want="$1" "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
			\$at[\"village\"] == \"甲村\" { print \$at[want] }"
	} &&
	report-gen --today 2022-12-31 --since 2022-09-01 --until 2022-09-30 scorecard -f csv | field loans_approved >actual &&
	report-gen --today 2022-12-31 --since 2022-10-01 --until 2022-10-31 scorecard -f csv | field loans_approved >>actual &&
	report-gen --today 2022-10-09 scorecard -f csv | field loans_approved >>actual &&
	printf "%s\n" 0 1 0 >expect &&
	test_cmp expect actual &&
	for day in 2022-09-04 2022-09-05 2022-10-09 2022-10-10; do
		report-gen --today $day assistance -f csv >out &&
		echo $day $(for c in loans loans_wish loans_sent loans_approved loan_amount; do field $c <out; done) || return 1
	done >actual &&
	cat >expect <<-\EOT &&
	2022-09-04 1 1 0 0 0
	2022-09-05 1 0 1 0 0
	2022-10-09 1 0 1 0 0
	2022-10-10 1 0 0 1 30000
	EOT
	test_cmp expect actual
'

test_case 'a store of schema 32 keeps its loans; one approved there has no day and counts by its wish' '
	store_of_version 32 "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" "INSERT INTO support (id, kind, id_number, start_date, provider, amount, term_months, status, sent_on, created_at, updated_at)
		VALUES (5, ${SQ}loan${SQ}, ${SQ}$Q${SQ}, ${SQ}2022-09-01${SQ}, ${SQ}农商行${SQ}, 20000, 24, ${SQ}approved${SQ}, ${SQ}2022-09-05${SQ}, ${SQ}t${SQ}, ${SQ}t${SQ})" &&
	sqlite3 "$RENKE_DB" "SELECT * FROM support" >before.rows &&
	people &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA user_version")" -ge 33 &&
	sqlite3 "$RENKE_DB" "SELECT * FROM support" >after.rows &&
	sed "s/\$/|/" before.rows >expect &&
	test_cmp expect after.rows &&
	report-gen --today 2022-12-31 --since 2022-09-01 --until 2022-09-30 scorecard -f csv >out &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"village\"] == \"乙村\" { print \$at[\"loans_approved\"] }" out >actual &&
	echo 1 >expect &&
	test_cmp expect actual
'

test_done
