#!/bin/sh
# t0800-i18n.sh -- messages, table headings and labels follow the locale
#
# Under zh_CN.UTF-8 the commands speak Chinese (po/zh_CN.po): problems,
# usage errors, table headings and vocabulary labels.  What other
# programs read (CSV header and codes) stays ASCII in every locale.
# Under C.UTF-8 the same things are English.

. "$(dirname "$0")/lib.sh"

# two households, one of them in two categories
good_csv() {
	printf "%s\n" "household_id,village,categories" \
		"H001,青山村,脱贫户;低保户" \
		"H002,青山村,ordinary" >households.csv
}

# a household in a category that does not exist
bad_csv() {
	printf "%s\n" "household_id,village,categories" \
		"H001,青山村,脱贫户" \
		"H002,青山村,贫困户" >bad.csv
}

csv_header=household_id,head_name,id_number,phone,village,village_group,categories,members,monitor_type,risk_status

test_case 'zh_CN: an unknown category is reported in Chinese, with the Chinese labels' '
	zh_locale &&
	bad_csv &&
	expect_status 65 household-add bad.csv 2>err &&
	grep_message "^household-add: bad.csv:3: categories: 未知户类型“贫困户”；应为下列之一：" err &&
	grep_message "lifted（脱贫户）、monitored（监测户）、minimum_allowance（低保户）" err &&
	grep_message "serious_illness（大病户）、extreme_poverty（特困户）、ordinary（一般农户）" err &&
	grep_message "^household-add: 1条记录有误；未写入任何数据$" err &&
	! grep -q "unknown category\|lifted out of poverty\|bad record" err &&
	test_path_is_missing "$RENKE_DB"
'

test_case 'zh_CN: household-list -f table has Chinese headings and category labels' '
	zh_locale &&
	good_csv &&
	household-add -q households.csv &&
	household-list -f table >out &&
	head -n 1 out >heading &&
	for h in 户编号 户主 身份证号 联系电话 "村(社区)" 村民小组 户类型 家庭人口 监测类型 风险状态
	do
		grep_message "$h" heading || exit 1
	done &&
	! grep -q "household\|head\|ID number\|phone\|village\|group\|categories\|members\|monitor type\|risk status" heading &&
	grep_message "^H001 .*青山村 .*脱贫户、低保户" out &&
	grep_message "^H002 .*青山村 .*一般农户" out &&
	! grep -q "lifted\|minimum\|ordinary" out
'

test_case 'zh_CN: household-list -f csv keeps the ASCII header and codes' '
	zh_locale &&
	good_csv &&
	household-add -q households.csv &&
	household-list -f csv >out &&
	printf "%s\n" "$csv_header" \
		"H001,,,,青山村,,lifted;minimum_allowance,,," \
		"H002,,,,青山村,,ordinary,,," >expect &&
	test_cmp expect out
'

test_case 'zh_CN: usage errors are in Chinese' '
	zh_locale &&
	expect_status 64 household-list -x 2>err &&
	grep_message "^household-list: 未知选项 -x$" err &&
	grep_message "^运行“household-list -h”查看详细说明。$" err &&
	expect_status 64 household-list extra 2>err &&
	grep_message "^household-list: 不需要其他参数$" err &&
	expect_status 64 household-list --category 贫困户 2>err &&
	grep_message "^household-list: --category: 未知户类型“贫困户”；应为下列之一：lifted（脱贫户）" err &&
	expect_status 64 household-add --skip-bad households.csv 2>err &&
	grep_message "^household-add: --skip-bad 须与 --rejects 文件 一起使用" err &&
	! grep -q "unknown\|expected\|Try\|needs" err
'

test_case 'C.UTF-8: an unknown category is reported in English, with the English labels' '
	LANG=C.UTF-8 && LC_ALL=C.UTF-8 && export LANG LC_ALL &&
	bad_csv &&
	expect_status 65 household-add bad.csv 2>err &&
	grep_message "^household-add: bad.csv:3: categories: unknown category \"贫困户\"; expected one of: " err &&
	grep_message "lifted ([A-Za-z][A-Za-z ,]*), monitored ([A-Za-z][A-Za-z ,]*), minimum_allowance ([A-Za-z]" err &&
	grep_message "ordinary ([A-Za-z][A-Za-z ,]*)$" err &&
	grep_message "^household-add: 1 bad record; nothing was written$" err &&
	! grep -q "未知\|脱贫户\|有误" err
'

test_case 'C.UTF-8: household-list -f table has English headings and labels, -f csv the codes' '
	LANG=C.UTF-8 && LC_ALL=C.UTF-8 && export LANG LC_ALL &&
	good_csv &&
	household-add -q households.csv &&
	household-list -f table >out &&
	head -n 1 out >heading &&
	for h in household head "ID number" phone village group categories members "monitor type" "risk status"
	do
		grep_message "$h" heading || exit 1
	done &&
	! grep -q "户编号\|户主\|户类型" heading &&
	grep_message "^H001 .*青山村  *[A-Za-z][A-Za-z ,]*;[A-Za-z][A-Za-z ,]*" out &&
	grep_message "^H002 .*青山村  *[A-Za-z]" out &&
	! grep -q "minimum_allowance\|脱贫户\|低保户\|一般农户" out &&
	household-list -f csv >out &&
	printf "%s\n" "$csv_header" \
		"H001,,,,青山村,,lifted;minimum_allowance,,," \
		"H002,,,,青山村,,ordinary,,," >expect &&
	test_cmp expect out
'

test_case 'C.UTF-8: usage errors are in English' '
	LANG=C.UTF-8 && LC_ALL=C.UTF-8 && export LANG LC_ALL &&
	expect_status 64 household-list -x 2>err &&
	grep_message "^household-list: unknown option -x$" err &&
	grep_message "^Try .household-list -h. for more information\.$" err &&
	expect_status 64 household-list extra 2>err &&
	grep_message "^household-list: no operands expected$" err &&
	expect_status 64 household-list --category 贫困户 2>err &&
	grep_message "^household-list: --category: unknown category \"贫困户\"; expected one of: lifted ([A-Za-z]" err &&
	expect_status 64 household-add --skip-bad households.csv 2>err &&
	grep_message "^household-add: --skip-bad needs --rejects FILE, so that no record is lost$" err &&
	! grep -q "未知\|运行\|须与" err
'

test_done
