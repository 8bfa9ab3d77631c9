#!/bin/sh
#
# deadline-check lists the people a care-coverage milestone (人文关怀)
# finds missing, as lib/coverage.c counts them (the rows visit-log
# --coverage --missing gives): kind care_missing, the milestone, the
# person by name and masked ID number, their household now, its village
# and group, the household's cadre (of the role the milestone asks for)
# as owner.  At the edges: due within --within or not, the due day
# itself, a visit on the due day, a visit the day after, a visit by the
# wrong role, a person who moved to another village's household.  Both
# languages, --summary, --village, --owner, deadline-mail; bad input
# refused with the store unchanged.  visit-log --coverage --missing has
# the person column only where people are counted.  One store, built once.

. "$(dirname "$0")/lib.sh"

TODAY=2023-01-10
PA=$(id_number 50023519400101001)	# H1 甲村, visited on the due day by 王干部 (not the first secretary)
PB=$(id_number 50023519410101002)	# H1 甲村, visited the day after the due day
PC=$(id_number 50023519420101003)	# H2 乙村, never visited
PD=$(id_number 50023519430101004)	# H1 甲村, then H2 乙村, never visited
PE=$(id_number 50023520100101005)	# H3 甲村, 留守儿童 only, never visited
PF=$(id_number 50023519440101006)	# H3 甲村, visited by 李书记, first secretary of 甲村

(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories
	H1,户一,甲村,1社,脱贫户
	H2,户二,乙村,1社,监测户
	H3,户三,甲村,2社,脱贫户
	EOT
	household-add -q households.csv &&
	cat >members.csv <<-EOT &&
	id_number,household_id,name,tags
	$PA,H1,甲一,孤寡老人
	$PB,H1,甲二,孤寡老人
	$PC,H2,乙一,孤寡老人
	$PD,H1,甲三,孤寡老人
	$PE,H3,丙一,留守儿童
	$PF,H3,丙二,孤寡老人
	EOT
	member-add -q members.csv &&
	assign -q --cadre 王干部 --role 帮扶干部 --household H1 &&
	assign -q --cadre 赵干部 --role 帮扶干部 --household H2 &&
	assign -q --cadre 李书记 --role 第一书记 --village 甲村 &&
	cat >care.csv <<-EOT &&
	id_number,visit_date,visitor,role,done
	$PA,2022-12-31,王干部,,送慰问金
	$PB,2023-01-01,王干部,,送米油
	$PF,2022-11-20,李书记,,送棉被
	EOT
	care-log -q --today $TODAY care.csv &&
	member-add -q --upsert --reason 投靠亲属 --id-number "$PD" --household H2 --name 甲三 --tag 孤寡老人 &&
	cat >milestones.csv <<-\EOT &&
	milestone_id,title,kind,tags,from_date,due_date,roles
	2022-q4,四季度孤寡老人走访慰问,care-coverage,孤寡老人,2022-10-01,2022-12-31,
	2022-q4-sec,四季度第一书记慰问孤寡老人,care-coverage,孤寡老人,2022-10-01,2022-12-31,第一书记
	2023-q1,一季度孤寡老人走访慰问,care-coverage,孤寡老人,2023-01-01,2023-03-31,
	EOT
	milestone-add -q milestones.csv &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
) || exit 1

seed() {
	cp "$TRASH/seed.db" "$RENKE_DB" &&
	store_dump >before
}

mask() {
	printf '%s\n' "$1" | sed 's/^\(......\)........\(....\)$/\1********\2/'
}
MA=$(mask "$PA") MB=$(mask "$PB") MC=$(mask "$PC") MD=$(mask "$PD")

HEAD=kind,id,title,household_id,village,village_group,owner,due_date,days_overdue,urgency

test_case 'the people missing after the due day: by name and masked ID, their household now, its cadre' '
	seed &&
	expect_status 1 deadline-check --today $TODAY --kind care_missing -f csv >out &&
	cat >expect <<-EOT &&
	$HEAD
	care_missing,2022-q4,乙一 ($MC),H2,乙村,1社,赵干部,2022-12-31,10,
	care_missing,2022-q4,甲三 ($MD),H2,乙村,1社,赵干部,2022-12-31,10,
	care_missing,2022-q4,甲二 ($MB),H1,甲村,1社,王干部,2022-12-31,10,
	care_missing,2022-q4-sec:first_secretary,乙一 ($MC),H2,乙村,1社,,2022-12-31,10,
	care_missing,2022-q4-sec:first_secretary,甲三 ($MD),H2,乙村,1社,,2022-12-31,10,
	care_missing,2022-q4-sec:first_secretary,甲一 ($MA),H1,甲村,1社,李书记,2022-12-31,10,
	care_missing,2022-q4-sec:first_secretary,甲二 ($MB),H1,甲村,1社,李书记,2022-12-31,10,
	EOT
	test_cmp expect out &&
	! grep -F -e "$PA" -e "$PB" -e "$PC" -e "$PD" out &&
	store_unchanged
'

test_case 'the same people as visit-log --coverage --missing counts, by the one definition' '
	seed &&
	expect_status 1 deadline-check --today $TODAY --kind care_missing -f csv >out &&
	awk -F, "NR > 1 { sub(/ .*/, \"\", \$3); print \$2 \",\" \$4 \",\" \$3 }" out | sort >actual &&
	visit-log --today $TODAY --coverage --missing -f csv >coverage &&
	awk -F, "NR > 1 && \$8 != \"\" && \$1 !~ /^2023/ { print \$1 \",\" \$4 \",\" \$8 }" coverage | sort >expect &&
	test_line_count 7 expect &&
	test_cmp expect actual
'

test_case 'the due day: not listed on it, listed the day after; a visit on it covers, one after it does not' '
	seed &&
	expect_status 0 deadline-check --today 2022-12-31 --kind care_missing -f csv >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-12-31 --within 0 --kind care_missing -f csv >out &&
	grep -qxF "care_missing,2022-q4,甲二 ($MB),H1,甲村,1社,王干部,2022-12-31,0," out &&
	! grep -q "^care_missing,2022-q4,甲一 " out &&
	expect_status 1 deadline-check --today 2023-01-01 --kind care_missing -f csv >out &&
	grep -qxF "care_missing,2022-q4,甲二 ($MB),H1,甲村,1社,王干部,2022-12-31,1," out &&
	! grep -q "^care_missing,2022-q4,甲一 " out &&
	! grep -q ",2023-q1," out &&
	store_unchanged
'

test_case '--within: a milestone due in 80 days is listed with 80, not with 79; a visit already made counts' '
	seed &&
	expect_status 1 deadline-check --today $TODAY --within 80 --kind care_missing -f csv >out &&
	grep ",2023-q1," out | cut -d, -f3,4,8,9 >actual &&
	cat >expect <<-EOT &&
	乙一 ($MC),H2,2023-03-31,-80
	甲三 ($MD),H2,2023-03-31,-80
	甲一 ($MA),H1,2023-03-31,-80
	丙二 ($(mask "$PF")),H3,2023-03-31,-80
	EOT
	test_cmp expect actual &&
	expect_status 1 deadline-check --today $TODAY --within 79 --kind care_missing -f csv >out &&
	! grep -q ",2023-q1," out &&
	store_unchanged
'

test_case 'a person who moved is listed in the village and with the cadre of their household now' '
	seed &&
	expect_status 1 deadline-check --today $TODAY --kind care_missing --village 甲村 -f csv >out &&
	! grep -q -e 甲三 -e 乙一 out &&
	test_line_count 4 out &&
	expect_status 1 deadline-check --today $TODAY --kind care_missing --owner 赵干部 -f csv >out &&
	cut -d, -f2,3 out >actual &&
	printf "%s\n" id,title "2022-q4,乙一 ($MC)" "2022-q4,甲三 ($MD)" >expect &&
	test_cmp expect actual &&
	expect_status 0 deadline-check --today $TODAY --kind care_missing --owner 王干部 --village 乙村 -f csv >out &&
	test_must_be_empty out
'

test_case '--summary: one row a milestone and village with the number of people missing' '
	seed &&
	expect_status 1 deadline-check --today $TODAY --kind care_missing --summary -f csv >out &&
	cat >expect <<-\EOT &&
	kind,id,title,missing,village,village_group,owner,due_date,days_overdue,urgency
	care_missing,2022-q4,四季度孤寡老人走访慰问,2,乙村,,,2022-12-31,10,
	care_missing,2022-q4,四季度孤寡老人走访慰问,1,甲村,,,2022-12-31,10,
	care_missing,2022-q4-sec:first_secretary,四季度第一书记慰问孤寡老人,2,乙村,,,2022-12-31,10,
	care_missing,2022-q4-sec:first_secretary,四季度第一书记慰问孤寡老人,2,甲村,,,2022-12-31,10,
	EOT
	test_cmp expect out
'

test_case 'zh_CN: the kind in Chinese, headed by milestone and person, the ID masked in the table' '
	seed && zh_locale &&
	expect_status 1 deadline-check --today $TODAY --kind 关怀未走访 -f table >out &&
	sed -n 1p out | tr -s " " >heading &&
	echo "类型 时间节点 人员 户编号 村(社区) 村民小组 责任人 完成时限 逾期天数 轻重缓急" >expect &&
	test_cmp expect heading &&
	tr -s " " <out | grep -qxF "人文关怀未走访 2022-q4 甲二（$MB） H1 甲村 1社 王干部 2022-12-31 10" &&
	! grep -F -e "$PA" -e "$PB" -e "$PC" -e "$PD" out &&
	expect_status 1 deadline-check --today $TODAY --kind 人文关怀未走访 --summary -f table >out &&
	sed -n 1p out | tr -s " " >heading &&
	echo "类型 时间节点 时间节点名称 未完成 村(社区) 村民小组 责任人 完成时限 逾期天数 轻重缓急" >expect &&
	test_cmp expect heading &&
	store_unchanged
'

test_case 'C: the kind in English with the other kinds, a section of its own' '
	seed &&
	issue-add -q -f csv --today 2022-12-01 --title 路灯不亮 --owner 赵干部 --village 乙村 --due 2022-12-20 >/dev/null &&
	expect_status 1 deadline-check --today $TODAY -f table >out &&
	grep "^== " out >sections &&
	printf "%s\n" "== issue overdue: 1 ==" "== care visit missing: 7 ==" >expect &&
	test_cmp expect sections &&
	sed -n "/^== care visit missing/{n;p;q}" out | tr -s " " >heading &&
	echo "kind milestone person household village group owner due days overdue urgency" >expect &&
	test_cmp expect heading &&
	tr -s " " <out | grep -qF "care visit missing 2022-q4 甲二 ($MB) H1 甲村 1社 王干部 2022-12-31 10"
'

test_case 'deadline-mail carries the care rows, in the owner'"'"'s mail too' '
	seed && zh_locale &&
	place-edit -q --reason 建库 township 石门镇 &&
	store_dump >before &&
	fake_mail mailbin &&
	printf "%s\n" owner,address 赵干部,zhao@example.org >owners.csv &&
	expect_status 0 env PATH="$PWD/mailbin:$PATH" deadline-mail -t office -a owners.csv -- --today $TODAY >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	grep "^== mail " mails | sed "s/（[^）]*）//" >actual &&
	printf "%s\n" "== mail -s 石门镇到期和逾期事项 office" "== mail -s 石门镇到期和逾期事项: 赵干部 zhao@example.org" >expect &&
	test_cmp expect actual &&
	grep -c "^人文关怀未走访 " mails >count &&
	echo 9 >expect &&
	test_cmp expect count &&
	sed -n "/zhao@example.org/,\$p" mails | grep "^人文关怀未走访 " | awk "{ print \$3 }" >actual &&
	printf "%s\n" "乙一（$MC）" "甲三（$MD）" >expect &&
	test_cmp expect actual &&
	store_unchanged
'

test_case 'visit-log --coverage --missing: the person column only where people are counted' '
	seed &&
	milestone-add -q --id 2022-r1 --title 四季度走访 --kind visit-coverage --round 2022-r1 --due 2022-12-31 &&
	visit-log --today $TODAY --coverage --missing --milestone 2022-r1 -f csv >out &&
	printf "%s\n" milestone,village,village_group,household_id,head_name,categories,last_visit \
		2022-r1,甲村,1社,H1,户一,lifted, 2022-r1,甲村,2社,H3,户三,lifted, \
		2022-r1,乙村,1社,H2,户二,monitored, >expect &&
	test_cmp expect out &&
	visit-log --today $TODAY --coverage --missing --milestone 2022-q4 -f csv >out &&
	sed -n 1p out >actual &&
	echo milestone,village,village_group,household_id,head_name,categories,last_visit,person >expect &&
	test_cmp expect actual &&
	visit-log --today $TODAY --coverage --missing -f csv >out &&
	sed -n 1p out >actual &&
	test_cmp expect actual &&
	grep -qx "2022-r1,乙村,1社,H2,户二,monitored,," out &&
	grep -qx "2022-q4,乙村,1社,H2,户二,monitored,,乙一" out &&
	zh_locale &&
	visit-log --today $TODAY --coverage --missing --milestone 2022-r1 -f table >out &&
	sed -n 1p out | tr -s " " >actual &&
	echo "时间节点 村(社区) 村民小组 户编号 户主 户类型 最近走访" >expect &&
	test_cmp expect actual &&
	expect_status 65 visit-log --today $TODAY --coverage --missing --milestone 2022-r9 -f csv 2>err &&
	grep_message "2022-r9" err
'

test_case 'bad input: an unknown kind or village, a negative --within; exit status, message, store unchanged' '
	seed &&
	expect_status 64 deadline-check --today $TODAY --kind care_mising 2>err &&
	grep_message "^deadline-check: --kind: unknown value \"care_mising\"; expected one of: .*, care_missing (care visit missing)$" err &&
	expect_status 64 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 deadline-check --today $TODAY --kind 关怀 2>err &&
	grep_message "^deadline-check: --kind: 未知取值“关怀”；应为下列之一：.*、care_missing（人文关怀未走访）$" err &&
	expect_status 65 deadline-check --today $TODAY --kind care_missing --village 丙村 2>err &&
	grep_message "^deadline-check: no village \"丙村\"; did you mean 乙村, 甲村?$" err &&
	expect_status 64 deadline-check --today $TODAY --kind care_missing --within -1 2>err &&
	grep_message "^deadline-check: --within: not a number of days from 0 to 3650: -1$" err &&
	store_unchanged
'

test_done
