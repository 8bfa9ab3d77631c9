#!/bin/sh
# t0744-deadline-kinds.sh -- deadline-check's table for people never mixes
# kinds under one set of headings: several kinds make a title line and a
# table per kind, each kind once, with headings saying what its id and
# title hold; one kind makes one table with its headings.  A loan's id
# names the loan in the reader's words (小额信贷:…), a returnee's is the
# masked ID number; CSV keeps the codes, the keys and its order.

. "$(dirname "$0")/lib.sh"

# loans at three stages and returnees uncontacted, in 石门镇
township() {
	store_cache loans '
		household-add -q "$EXAMPLES/households.csv" &&
		member-add -q "$EXAMPLES/people.csv" &&
		support-log -q "$EXAMPLES/support.csv" &&
		returnee-log -q "$EXAMPLES/returnees.csv" &&
		place-edit -q --reason 设置乡镇名称 township 石门镇' &&
	store_dump >before
}

test_case 'zh_CN: several kinds make a title and a table a kind, each kind once' '
	township && zh_locale &&
	expect_status 1 deadline-check --today 2022-12-20 -f table >out &&
	test "$(sed -n 1p out)" = "石门镇到期和逾期事项（2022年12月20日）" &&
	grep "^== " out >sections &&
	printf "%s\n" "== 贷款材料未报送银行（2条） ==" "== 银行逾期未答复（2条） ==" \
		"== 回引人才逾期未联系（9条） ==" >expect &&
	test_cmp expect sections &&
	grep -A1 "^== 贷款材料未报送银行" out | sed -n 2p | tr -s " " >heading &&
	echo "类型 贷款 待办事项 户编号 村(社区) 村民小组 责任人 完成时限 逾期天数 轻重缓急" >expect &&
	test_cmp expect heading &&
	grep -A1 "^== 回引人才逾期未联系" out | sed -n 2p | grep -q "^类型  *返乡人员  *待办事项 " &&
	store_unchanged
'

test_case 'zh_CN: a loan is named 小额信贷 in its id, a returnee by the masked ID number' '
	township && zh_locale &&
	expect_status 1 deadline-check --today 2022-12-20 -f table >out &&
	grep "^贷款材料未报送银行 " out | grep -qF "小额信贷:500235********5824:2022-11-10" &&
	grep "^银行逾期未答复 " out | grep -qF "小额信贷:500242********0028:2022-10-08" &&
	grep "^回引人才逾期未联系 " out | grep -q "^回引人才逾期未联系  *500235\*\*\*\*\*\*\*\*9242  *秦开" &&
	! grep -q "loan\|returnee" out &&
	! grep -q "500235196308175824" out &&
	expect_status 1 deadline-check --today 2022-12-20 -f markdown >out &&
	grep -qF "| 小额信贷:500235********5824:2022-11-10 |" out &&
	! grep -q "loan\|returnee" out
'

test_case 'C: the same, in English' '
	township &&
	expect_status 1 deadline-check --today 2022-12-20 -f table >out &&
	test "$(sed -n 1p out)" = "石门镇: due and overdue, 2022-12-20" &&
	grep "^== " out >sections &&
	printf "%s\n" "== loan papers not sent: 2 ==" "== loan unanswered: 2 ==" \
		"== returnee uncontacted: 9 ==" >expect &&
	test_cmp expect sections &&
	grep -A1 "^== loan papers not sent" out | sed -n 2p | grep -q "^kind  *loan  *what is due  *household " &&
	grep -qF "small loan:500235********5824:2022-11-10" out &&
	grep -q "^returnee uncontacted  *500235\*\*\*\*\*\*\*\*9242 " out
'

test_case 'CSV keeps codes, keys and the order of urgency in either language (only the titles are words): no title, no sections' '
	township &&
	expect_status 1 deadline-check --today 2022-12-20 -f csv >out &&
	head -n 1 out >heading &&
	echo "kind,id,title,household_id,village,village_group,owner,due_date,days_overdue,urgency" >expect &&
	test_cmp expect heading &&
	sed -n 2p out | grep -q "^returnee_uncontacted,returnee:500235\*\*\*\*\*\*\*\*9242," &&
	grep -q "^loan_unsent,loan:500235\*\*\*\*\*\*\*\*5824:2022-11-10," out &&
	test "$(cut -d, -f1 out | uniq | wc -l)" -gt 4 &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 \
		expect_status 1 deadline-check --today 2022-12-20 -f csv >zh.csv &&
	cut -d, -f1,2,4- out >codes &&
	cut -d, -f1,2,4- zh.csv >zh.codes &&
	test_cmp codes zh.codes
'

test_case 'one kind: one table, headed for that kind, no title' '
	township &&
	expect_status 1 deadline-check --today 2022-12-20 --kind loan_unsent -f table >out &&
	sed -n 1p out | grep -q "^kind  *loan  *what is due  *household " &&
	test_line_count 4 out &&
	expect_status 1 deadline-check --today 2022-12-20 --kind returnee_uncontacted -f csv >out &&
	sed -n 1p out | grep -q "^kind,id,title,"
'

test_case '--group-by kind: each kind once, in CSV too, its rows together' '
	township &&
	expect_status 1 deadline-check --today 2022-12-20 --group-by kind -f table >out &&
	test "$(grep -c "^== " out)" -eq 3 &&
	expect_status 1 deadline-check --today 2022-12-20 --group-by kind -f csv >out &&
	sed 1d out | cut -d, -f1 | uniq >kinds &&
	printf "%s\n" loan_unsent loan_unanswered returnee_uncontacted >expect &&
	test_cmp expect kinds
'

test_case 'a loan approved: its history says 状态 已提交银行 → 已放贷, CSV the codes' '
	township &&
	sed -n "1p;/500242200409010028/s/,,,,已提交银行,/,,30000,36,已放贷,/p" \
		"$EXAMPLES/support.csv" >approved.csv &&
	support-log -q --upsert --reason 银行放贷 approved.csv &&
	(
		zh_locale &&
		report-gen --today 2022-12-20 history HY0201002 -f table >out
	) &&
	grep -q "修改  *状态  *已提交银行  *已放贷  .*银行放贷\$" out &&
	grep -q "修改  *金额（元）  *30000 " out &&
	! grep -q "status\|sent\|approved\|amount" out &&
	report-gen --today 2022-12-20 history HY0201002 -f csv >out &&
	grep -q ",support,刘兰英,changed,status,sent,approved,tester,银行放贷\$" out
'

test_case 'nothing due: no output, exit 0, in a table too' '
	township &&
	deadline-check --today 2022-01-01 -f table >out &&
	test_must_be_empty out &&
	store_unchanged
'

test_done
