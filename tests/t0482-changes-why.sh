#!/bin/sh
#
# report-gen changes (and a household's history): a correction's reason
# is the why of each field it changed, not a row of its own; an issue's
# reason explains what it was written for (a correction, a new status, a
# deadline), not an owner or a note given with it; the same reason given
# twice is said once.

. "$(dirname "$0")/lib.sh"

HEADER=date,at,kind,record,event,field,old,new,who,why

# two households, issue 1 of the first, entered with mistakes
seed() {
	household-add -q --new-village --id H1 --village 甲村 --head 王大 &&
	household-add -q --id H2 --village 甲村 --head 王二 &&
	issue-add -q --today 2022-11-10 --household H1 --title 饮水管到冻裂 \
		--category other --owner 王强 >/dev/null
}

# changes WHO: today's changes by WHO, without the day and time
changes() {
	report-gen changes --today "$(date +%Y-%m-%d)" --who "$1" -f csv | cut -d, -f3-
}

test_case 'an issue corrected: the reason is the why of each field, not a row' '
	seed &&
	issue-update -q --today 2022-11-11 --by 李霞 --id 1 --title 饮水管道冻裂 \
		--category 饮水 --household H2 --reason 录入时打错 >/dev/null &&
	changes 李霞 >actual &&
	cat >expect <<-\EOF &&
	kind,record,event,field,old,new,who,why
	issue,1,changed,title,饮水管到冻裂,饮水管道冻裂,李霞,录入时打错
	issue,1,changed,category,other,water,李霞,录入时打错
	issue,1,changed,household_id,H1,H2,李霞,录入时打错
	EOF
	test_cmp expect actual &&
	LC_ALL=zh_CN.UTF-8 report-gen changes --who 李霞 -f table >zh &&
	grep -q "问题  *1  *修改  *标题  *饮水管到冻裂  *饮水管道冻裂  *李霞  *录入时打错$" zh &&
	! grep -q "原因  *录入时打错" zh
'

test_case 'an issue: an owner given with a correction has no why; a reason given twice is said once' '
	seed &&
	issue-update -q --today 2022-11-11 --by 李霞 --id 1 --title 饮水管道冻裂 \
		--owner 张伟 --status withdrawn --reason 重复登记 >/dev/null &&
	changes 李霞 | grep -v "^issue,1,changed,revisit_due" >actual &&
	cat >expect <<-\EOF &&
	kind,record,event,field,old,new,who,why
	issue,1,changed,title,饮水管到冻裂,饮水管道冻裂,李霞,重复登记
	issue,1,changed,owner,王强,张伟,李霞,
	issue,1,changed,status,open,withdrawn,李霞,重复登记
	EOF
	test_cmp expect actual
'

test_case 'a household, a visit and a meeting corrected: the reason is the why' '
	seed &&
	household-add -q --upsert --by 李霞 --reason 换了号码 --id H1 --village 甲村 --phone 13900002222 &&
	household-edit -q --by 李霞 --reason 编号错了 renumber H2 H3 &&
	visit-log -q --today 2022-11-02 --household H1 --date 2022-11-01 --visitor 邓丽福 --round r1 &&
	visit-edit -q --by 周明 --reason 走访人写错 --household H1 --date 2022-11-01 \
		--visitor 邓丽福 visitor 邓丽芳 &&
	changes 李霞 >actual &&
	cat >expect <<-\EOF &&
	kind,record,event,field,old,new,who,why
	household,H1,changed,phone,,139****2222,李霞,换了号码
	household,H2,changed,household_id,H2,H3,李霞,编号错了
	EOF
	test_cmp expect actual &&
	changes 周明 >actual &&
	grep -q "^visit,[0-9]*,changed,visitor,邓丽福,邓丽芳,周明,走访人写错$" actual &&
	! grep -q ",reason," actual &&
	report-gen history H1 -f csv | grep ",phone," >actual &&
	grep -q ",李霞,换了号码$" actual
'

test_done
