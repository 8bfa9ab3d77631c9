#!/bin/sh
# t0811-labels.sh -- the rule of renke(7): output for people (table,
# markdown, html, xlsx, CSV with --excel) speaks the user's language,
# output for programs (csv, json, jsonl) keeps field names and codes;
# --labels and --codes switch either way

. "$(dirname "$0")/lib.sh"

# zh: the case speaks Chinese
zh() {
	LANG=zh_CN.UTF-8
	LC_ALL=zh_CN.UTF-8
	export LANG LC_ALL
}

# two households and an issue whose status moved
seed() {
	printf "%s\n" "household_id,head_name,village,village_group,categories" \
		"H1,张三,青山村,1社,脱贫户" "H2,李四,青山村,2社,ordinary" >h.csv &&
	store_cache "seed.${LANG%%.*}" '
		household-add -q h.csv &&
		issue-add -q --today 2022-11-01 --title 修路 --owner 王五 --village 青山村 \
			--category infrastructure -f csv >/dev/null &&
		issue-update -q --today 2022-11-02 --id 1 --status in_progress -f csv >/dev/null'
}

# nobom FILE: FILE without its UTF-8 byte-order mark and CRs
nobom() {
	sed "1s/^\xef\xbb\xbf//" "$1" | tr -d "\r"
}

test_case 'zh_CN: household-list --excel has Chinese headings and category labels' '
	zh && seed &&
	household-list --excel >out &&
	head -c 3 out | od -An -tx1 | grep -q "ef bb bf" &&
	nobom out >rows &&
	printf "%s\n" "户编号,户主,身份证号,联系电话,村(社区),村民小组,户类型,家庭人口,监测类型,风险状态" \
		"H1,张三,,,青山村,1社,脱贫户,,," "H2,李四,,,青山村,2社,一般农户,,," >expect &&
	test_cmp expect rows
'

test_case 'zh_CN: report-gen issues --excel has Chinese headings, kinds, statuses' '
	zh && seed &&
	report-gen issues --excel >out &&
	nobom out >rows &&
	head -n 1 rows >heading &&
	echo "编号,类型,类别,标题,轻重缓急,村(社区),村民小组,户编号,来源,责任人,登记,完成时限,状态,已解决,已反馈,已销号,延期次数,重复反映" >expect &&
	test_cmp expect heading &&
	sed -n 2p rows | grep -q "^1,急难愁盼,基础设施,修路,一般,青山村,,,其他,王五,2022-11-01,.*,办理中,,,,0,$"
'

test_case 'zh_CN: csv, json and jsonl keep field names and codes' '
	zh && seed &&
	household-list -f csv >out &&
	head -n 1 out >heading &&
	echo "household_id,head_name,id_number,phone,village,village_group,categories,members,monitor_type,risk_status" >expect &&
	test_cmp expect heading &&
	grep -q "^H1,张三,,,青山村,1社,lifted,,,$" out &&
	report-gen issues -f jsonl >out &&
	grep -q "\"kind\":\"problem\"" out &&
	grep -q "\"status\":\"in_progress\"" out
'

test_case '--codes: the excel sheet with field names and codes; --labels: csv with headings and labels' '
	zh && seed &&
	household-list --excel --codes >out &&
	nobom out | head -n 2 >rows &&
	printf "%s\n" "household_id,head_name,id_number,phone,village,village_group,categories,members,monitor_type,risk_status" \
		"H1,张三,,,青山村,1社,lifted,,," >expect &&
	test_cmp expect rows &&
	household-list -f csv --labels >out &&
	head -n 2 out >rows &&
	printf "%s\n" "户编号,户主,身份证号,联系电话,村(社区),村民小组,户类型,家庭人口,监测类型,风险状态" \
		"H1,张三,,,青山村,1社,脱贫户,,," >expect &&
	test_cmp expect rows &&
	household-list -f table --codes >out &&
	head -n 1 out | grep -q "^household_id  *head_name" &&
	grep -q "^H2 .* ordinary" out
'

test_case '--labels in JSON: the values are labels, the keys stay field names' '
	zh && seed &&
	report-gen issues -f json --labels >out &&
	grep -q "\"status\":\"办理中\"" out &&
	grep -q "\"kind\":\"急难愁盼\"" out
'

test_case 'C: --excel headings and labels are English' '
	seed &&
	household-list --excel >out &&
	nobom out | head -n 2 >rows &&
	printf "%s\n" "household,head,ID number,phone,village,group,categories,members,monitor type,risk status" \
		"H1,张三,,,青山村,1社,lifted,,," >expect &&
	test_cmp expect rows
'

test_case 'a workbook household-list wrote for people reads back, in either language' '
	seed &&
	household-list -f xlsx >c.xlsx &&
	(zh && household-list -f xlsx >zh.xlsx) &&
	store_dump >before &&
	household-add c.xlsx 2>err &&
	grep -q "2 households read: added 0, updated 0, unchanged 2" err &&
	(zh && household-add zh.xlsx) 2>err &&
	grep -q "读入户信息2条：新增0，更新0，无变化2" err &&
	store_dump >after &&
	test_cmp before after
'

test_case '--labels and --codes together: a usage error, in English and Chinese' '
	seed &&
	store_dump >before &&
	expect_status 64 household-list --labels --codes 2>err &&
	grep -q "^household-list: --labels and --codes exclude each other$" err &&
	(zh && expect_status 64 household-list --codes --labels) 2>err &&
	grep -q "^household-list: --labels 与 --codes 不能同时使用$" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'zh_CN: report-gen history names fields by their headings and statuses by their labels' '
	zh && seed &&
	report-gen history 1 -f table >out &&
	grep -q "issue-add  *状态  *待办" out &&
	grep -q "issue-add  *完成时限 " out &&
	grep -q "issue-update  *状态  *待办  *办理中" out &&
	! grep -q "status\|due_date\|open\|in_progress" out &&
	report-gen history 1 -f csv >out &&
	grep -q "issue-update,status,open,in_progress$" out
'

test_case 'zh_CN: visit-log --flagged -f table shows the kinds, categories, urgencies and sources as labels' '
	zh && seed &&
	visit-log -q --household H1 --date 2022-11-01 --visitor 王五 --round r1 --housing no \
		--flagged -f table >out &&
	grep -q "急难愁盼 *住房 .*一般 .*走访 " out &&
	! grep -q "problem\|housing \|normal\| visit " out
'

test_case 'visit-log --coverage: households due, and the rate with % for people only' '
	seed &&
	milestone-add -q --id M1 --title 走访 --round r1 --due 2022-11-30 &&
	visit-log -q --household H1 --date 2022-11-01 --visitor 王五 --round r1 &&
	(zh && visit-log --coverage -f table) >out &&
	head -n 1 out | grep -q "应走访户数" &&
	! grep -q "完成时限" out &&
	grep -q "^M1  *青山村  *2  *1  *1  *0  *50.0%$" out &&
	visit-log --coverage -f csv >out &&
	grep -q "^M1,青山村,2,1,1,0,50.0$" out
'

test_done
