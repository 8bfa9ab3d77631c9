#!/bin/sh
#
# report-gen assistance, returnees and care: posts held on the day (one
# ending that day counted, one ended the day before and one starting the
# day after not), loans by stage with the amount approved (a wish after
# the day left out), returnees by their latest contact up to the day (a
# later one left out), people by tag (two tags: once in all, once under
# each); the township's total, and two stores' county total exactly
# their sum; the lists masked unless --reveal (audited); Chinese labels;
# bad filters refused, the store unchanged.  One store, built once.

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
PA=$(id_number 50023519800101001)	# H1, weak labour, a post to the day
PB=$(id_number 50023520100601002)	# H1, 留守儿童 and 贫困学生
PC=$(id_number 50023519400101003)	# H3, 孤寡老人, a phone
PD=$(id_number 50023519900101004)	# H2, a post ended, a loan approved, a returnee
PE=$(id_number 50023519850101005)	# H3, a post and a loan after the day
PF=$(id_number 50023519750101006)	# H2, a loan at the bank
PG=$(id_number 50023519880101007)	# no member: a returnee of 乙村

(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories,members,monitor_type,risk_status
	H1,户一,甲村,1社,脱贫户,4,,
	H2,户二,甲村,2社,监测户,3,边缘易致贫户,未消除风险
	H3,户三,乙村,1社,脱贫户,2,,
	EOT
	household-add -q households.csv &&
	cat >members.csv <<-EOT &&
	id_number,household_id,name,labour,tags,phone
	$PA,H1,甲一,弱劳动力,,
	$PB,H1,甲二,无劳动力,留守儿童;贫困学生,
	$PC,H3,乙一,丧失劳动力,孤寡老人,13900002222
	$PD,H2,丙一,半劳动力,,
	$PE,H3,乙二,普通劳动力,,
	$PF,H2,丙二,普通劳动力,,
	EOT
	member-add -q members.csv &&
	assign -q --cadre 张帮扶 --role 帮扶干部 --household H3 --village 乙村 &&
	cat >support.csv <<-EOT &&
	kind,id_number,start_date,title,provider,end_date,amount,term_months,status,sent_on,decided_on
	公益性岗位,$PA,2022-03-01,保洁员,甲村村委会,2022-11-30,500,,,,
	公益性岗位,$PD,2022-03-01,护林员,甲村村委会,2022-11-29,600,,,,
	公益性岗位,$PE,2022-12-01,保洁员,乙村村委会,,500,,,,
	富民贷,$PD,2022-09-01,养牛,农商行,,30000,36,已放贷,2022-09-05,2022-09-20
	富民贷,$PF,2022-11-01,种茶,农商行,,,,已提交银行,2022-11-10,
	富民贷,$PE,2022-12-05,养鸡,农商行,,,,有贷款意愿,,
	EOT
	support-log -q support.csv &&
	returnee-log -q --id-number "$PD" --date 2022-10-01 --cadre 王联系 \
		--away-place 广东省东莞市 --intention 创业 --way 电话 &&
	returnee-log -q --id-number "$PD" --date 2022-12-10 --status 已返乡 &&
	returnee-log -q --id-number "$PG" --date 2022-11-15 --name 外出者 \
		--village 乙村 --cadre 李联系 --status 有意返乡 --skills 电焊 &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
) || exit 1

seed() {
	cp "$TRASH/seed.db" "$RENKE_DB" &&
	store_dump >before
}

test_case 'assistance per village and the township, on the day' '
	seed &&
	report-gen --today $TODAY assistance -f csv >out &&
	cat >expect <<-\EOF &&
	village,posts_held,posts_ordinary,posts_weak,posts_half,posts_lost,posts_none,post_pay,jobs_held,job_income,land_parcels,land_mu,loans,loans_wish,loans_sent,loans_approved,loans_refused,loans_withdrawn,loan_amount,returnees,returnees_contacted,returnees_intends,returnees_returned,returnees_settled,people_tagged,people_lonely_elderly,people_left_behind_child,people_poor_student,people_disabled
	甲村,1,0,1,0,0,0,500,0,0,0,0.00,2,0,1,1,0,0,30000,1,1,0,0,0,1,0,1,1,0
	乙村,0,0,0,0,0,0,0,0,0,0,0.00,0,0,0,0,0,0,0,1,0,1,0,0,1,1,0,0,0
	*,1,0,1,0,0,0,500,0,0,0,0.00,2,0,1,1,0,0,30000,2,1,1,0,0,2,1,1,1,0
	EOF
	test_cmp expect out &&
	store_unchanged
'

test_case 'a day later: the post ended, the other begun; the later contact and wish count' '
	seed &&
	report-gen --today 2022-12-31 assistance -f csv >out &&
	cut -d , -f 1-4,13,14,20-24 out >actual &&
	cat >expect <<-\EOF &&
	village,posts_held,posts_ordinary,posts_weak,loans,loans_wish,returnees,returnees_contacted,returnees_intends,returnees_returned,returnees_settled
	甲村,0,0,0,2,0,1,0,0,1,0
	乙村,1,1,0,1,1,1,0,1,0,0
	*,1,1,0,3,1,2,0,1,1,0
	EOF
	test_cmp expect actual
'

test_case 'two stores: each township, then the county, its sum exactly' '
	seed &&
	cp "$RENKE_DB" 后叶镇.db && cp "$RENKE_DB" 双河镇.db &&
	report-gen -d 后叶镇.db -d 双河镇.db --today $TODAY assistance -f csv >out &&
	test_line_count 8 out &&
	awk -F, "NR > 1 && \$1 != \"*\" && \$2 == \"*\" {
			for (i = 3; i <= NF; i++) s[i] += \$i; n = NF }
		\$1 == \"*\" { for (i = 3; i <= NF; i++) if (\$i != s[i]) bad++; seen++ }
		END { print seen, bad + 0, s[3], s[14], s[20] }" out >actual &&
	echo "1 0 2 4 60000" >expect &&
	test_cmp expect actual &&
	sed -n 4p out | cut -d , -f 1,2 >actual &&
	echo "后叶镇,*" >expect &&
	test_cmp expect actual
'

test_case 'under zh_CN: headings, vocabulary and the total in Chinese' '
	zh_locale &&
	seed &&
	report-gen --today $TODAY assistance -f csv --excel >out &&
	csv_column 1 out >actual &&
	printf "%s\n" 村\(社区\) 甲村 乙村 合计 >expect &&
	test_cmp expect actual &&
	head -n 1 out | tr , "\n" | sed -n "2p;4p;15p;25p;26p" | tr -d "\r" >actual &&
	printf "%s\n" 在岗公益性岗位 在岗：弱劳动力 信贷：已提交银行 关爱对象 孤寡老人 >expect &&
	test_cmp expect actual &&
	report-gen --today $TODAY assistance --village 乙村 -f table >table &&
	grep -q "^乙村 " table && grep -q "^合计 " table && ! grep -q 甲村 table
'

test_case 'html and xlsx carry the same rows' '
	seed &&
	report-gen --today $TODAY assistance -f html >page.html &&
	grep -c "<tr>" page.html >actual &&
	echo 4 >expect &&
	test_cmp expect actual &&
	report-gen --today $TODAY assistance -f xlsx -o a.xlsx &&
	household-add --list-sheets a.xlsx >sheets &&
	test_line_count 1 sheets
'

test_case 'returnees: by latest contact on the day, ID numbers masked' '
	seed &&
	report-gen --today $TODAY returnees -f csv >out &&
	cut -d , -f 1-4,8-11,14 out >actual &&
	cat >expect <<-EOF &&
	village,name,id_number,kind,status,cadre,contacts,last_contacted,days_since
	甲村,丙一,500235********004${PD#?????????????????},talent,contacted,王联系,1,2022-10-01,60
	乙村,外出者,500235********007${PG#?????????????????},talent,intends,李联系,1,2022-11-15,15
	EOF
	test_cmp expect actual &&
	! grep -F "$PD" out &&
	store_unchanged
'

test_case 'care: the people tagged, masked, with age, tags and cadre; --kind one tag' '
	seed &&
	report-gen --today $TODAY care -f csv >out &&
	cut -d , -f 1,3,5-9,13,14 out >actual &&
	cat >expect <<-EOF &&
	village,household_id,name,id_number,sex,age,tags,phone,cadre
	甲村,H1,甲二,500235********002${PB#?????????????????},female,12,left_behind_child;poor_student,,
	乙村,H3,乙一,500235********003${PC#?????????????????},male,82,lonely_elderly,139****2222,张帮扶
	EOF
	test_cmp expect actual &&
	report-gen --today $TODAY care --kind 孤寡老人 -f csv >one &&
	test_line_count 2 one &&
	report-gen --today $TODAY care --kind poor_student --village 甲村 --group 1社 -f csv >one &&
	csv_column 5 one >actual &&
	printf "%s\n" name 甲二 >expect &&
	test_cmp expect actual &&
	store_unchanged
'

test_case 'care under zh_CN: sex, tags and labour in words' '
	zh_locale &&
	seed &&
	report-gen --today $TODAY care -f csv --excel >out &&
	sed -n 2p out | tr -d "\r" | cut -d , -f 7,9,10 >actual &&
	echo "女,留守儿童、贫困学生,无劳动力" >expect &&
	test_cmp expect actual
'

test_case '--reveal shows the numbers and is audited first' '
	seed &&
	report-gen --today $TODAY --reveal --by 李霞 care -f csv >out &&
	grep -q -F "$PC" out && grep -q 13900002222 out &&
	report-gen --today $TODAY --reveal returnees -f csv >out &&
	grep -q -F "$PG" out &&
	sqlite3 "$RENKE_DB" "SELECT who, entity, entity_id, new FROM audit WHERE entity = ${SQ}reveal${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOF &&
	李霞|reveal|member|report-gen care
	tester|reveal|member|report-gen returnees
	EOF
	test_cmp expect actual
'

test_case 'bad filters: usage errors naming them, nothing written' '
	seed &&
	expect_status 64 report-gen --today $TODAY care --kind 独居 2>err &&
	grep_message "^report-gen: --kind: unknown value \"独居\"; expected one of: lonely_elderly (elderly living alone)" err &&
	expect_status 64 report-gen --today $TODAY assistance --group 1社 2>err &&
	err_is err "report-gen: --group: the assistance report does not take it" \
		"Try ${SQ}report-gen -h${SQ} for more information." &&
	expect_status 64 report-gen --today $TODAY returnees --since 2022-01-01 2>err &&
	grep_message "^report-gen: --since: the returnees report does not take it$" err &&
	expect_status 65 report-gen --today $TODAY assistance --village 丙村 2>err &&
	grep_message "丙村" err &&
	expect_status 64 report-gen --today $TODAY assistance extra 2>err &&
	grep_message "^report-gen: too many operands$" err &&
	store_unchanged
'

test_case 'bad filters under zh_CN, and an empty list says so' '
	zh_locale &&
	seed &&
	expect_status 64 report-gen --today $TODAY asistance 2>err &&
	grep_message "^report-gen: 未知报表“asistance”；应为 summary、issues、visits、households、meetings、history、survey、changes、scorecard、cases、board、assistance、returnees 或 care$" err &&
	on_terminal "report-gen --today $TODAY care --kind 残疾人 -f table" >out &&
	echo 没有关爱对象 >expect &&
	test_cmp expect out &&
	store_unchanged
'

test_done
