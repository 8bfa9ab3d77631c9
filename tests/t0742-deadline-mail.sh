#!/bin/sh
#
# The nightly mail speaks the clerk's language and says what it lists:
# deadline-check --group-by kind writes a title line (the township, the
# day as printed) and a section a kind, each headed by what its columns
# hold (a missed visit's milestone and head, not an issue's id and
# title); scripts/deadline-mail sends it with that title as the subject,
# and scripts/crontab.example runs it under LANG=zh_CN.UTF-8.

. "$(dirname "$0")/lib.sh"

# township: the example township, named 石门镇
township() {
	example_township &&
	place-edit -q --reason 建库 township 石门镇
}

test_case 'zh_CN: the subject names the township and the day; each kind its own headings' '
	township &&
	zh_locale &&
	fake_mail mailbin &&
	expect_status 0 env PATH="$PWD/mailbin:$PATH" deadline-mail -t office -- --today 2022-12-01 >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	sed -n 1p mails >actual &&
	echo "== mail -s 石门镇到期和逾期事项（2022年12月1日） office" >expect &&
	test_cmp expect actual &&
	grep "^== " mails | sed 1d | sed "s/（[0-9]*条）//" >actual &&
	printf "%s\n" "== 问题办理逾期 ==" "== 未走访 ==" >expect &&
	test_cmp expect actual &&
	sed -n "/^== 未走访/{n;p;q}" mails | tr -s " " >actual &&
	echo "类型 时间节点 户主 户编号 村(社区) 村民小组 责任人 完成时限 逾期天数 轻重缓急" >expect &&
	test_cmp expect actual &&
	sed -n "/^== 问题办理逾期/{n;p;q}" mails | tr -s " " >actual &&
	echo "类型 编号 标题 户编号 村(社区) 村民小组 责任人 完成时限 逾期天数 轻重缓急" >expect &&
	test_cmp expect actual &&
	grep -q "^未走访  *2022-11-01  *蒋秀云  *HY0102002 " mails &&
	n=$(deadline-check -f csv --today 2022-12-01 --kind visit_missing | sed 1d | wc -l) &&
	grep -q "^== 未走访（${n}条） ==$" mails
'

test_case 'C: the same in English; the rows of each section are those of its kind' '
	township &&
	expect_status 1 deadline-check -f table --group-by kind --today 2022-12-01 >out &&
	sed -n 1,2p out >actual &&
	printf "%s\n" "石门镇: due and overdue, 2022-12-01" "" >expect &&
	test_cmp expect actual &&
	sed -n "/^== visit missing/,/^\$/p" out | sed "1,3d;/^\$/d" | awk "{ print \$1 \$2 }" | sort -u >actual &&
	echo "visitmissing" >expect &&
	test_cmp expect actual &&
	sed -n "/^== visit missing/{n;p;q}" out | tr -s " " >actual &&
	echo "kind milestone head household village group owner due days overdue urgency" >expect &&
	test_cmp expect actual
'

test_case '--summary: a village row of a missed visit is headed by the milestone and its title' '
	township &&
	expect_status 1 deadline-check -f table --group-by kind --summary --today 2022-12-01 >out &&
	sed -n "/^== visit missing/{n;p;q}" out | tr -s " " >actual &&
	echo "kind milestone milestone title missing village group owner due days overdue urgency" >expect &&
	test_cmp expect actual
'

test_case '--group-by kind leaves CSV and JSON as they are; an unknown grouping is exit 64' '
	township &&
	store_dump >before &&
	expect_status 1 deadline-check -f csv --today 2022-12-01 >plain.csv &&
	expect_status 1 deadline-check -f csv --group-by kind --today 2022-12-01 >kind.csv &&
	test_cmp plain.csv kind.csv &&
	expect_status 64 deadline-check --group-by village --today 2022-12-01 >out 2>err &&
	err_is err "deadline-check: --group-by: owner or kind, not \"village\"" \
		"Try ${SQ}deadline-check -h${SQ} for more information." &&
	zh_locale &&
	expect_status 64 deadline-check --group-by 村 --today 2022-12-01 >out 2>err &&
	err_is err "deadline-check: --group-by: 应为owner或kind，不支持“村”" \
		"运行“deadline-check -h”查看详细说明。" &&
	test_must_be_empty out &&
	store_unchanged
'

test_case 'crontab.example runs the mail under a Chinese locale' '
	grep -q "^LANG=zh_CN.UTF-8$" "$TOP/scripts/crontab.example" &&
	grep -q "deadline-mail" "$TOP/scripts/crontab.example"
'

test_done
