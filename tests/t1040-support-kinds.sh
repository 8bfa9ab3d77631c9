#!/bin/sh
#
# support-log: jobs at an industry park (产业园务工) and land transfers
# (土地流转), each rule at its edges (a job at 15 and 16 on its first day;
# an area of 0, 0.01, 100,000 and 100,000.01 mu; a parcel transferred
# again on the last day of its transfer and the day after), what a land
# transfer must give, the fields of other kinds refused, the update of a
# transfer's end, and a store of schema 24 brought up to date with its
# rows, ids and overrides as they were.  A refusal leaves the store as
# it was.

. "$(dirname "$0")/lib.sh"

P16=$(id_number 50023520061101001)	# 16 on 2022-11-01
P15=$(id_number 50023520061102002)	# 15 on 2022-11-01, 16 the next day
P40=$(id_number 50023519820301005)	# of H2

# one store for every case: two households and their people
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	printf "household_id,head_name,village,categories,members\nH1,户一,甲村,脱贫户,3\nH2,户二,甲村,一般农户,2\n" >households.csv &&
	household-add -q households.csv &&
	printf "id_number,household_id,name\n%s,H1,甲\n%s,H1,乙\n%s,H2,丙\n" \
		"$P16" "$P15" "$P40" >members.csv &&
	member-add -q members.csv
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

job() {
	support-log --kind 产业园务工 --title 分拣工 --provider 后叶镇茶叶产业园 --amount 2800 "$@"
}

land() {
	support-log --kind 土地流转 --provider 向阳茶叶合作社 --amount 600 "$@"
}

test_case 'a job at 16 on its first day is written, audited; at 15 refused, or kept with a reason' '
	seed &&
	expect_status 65 job --id-number "$P15" --start 2022-11-01 2>err &&
	err_is err \
		"support-log: command line: --id-number: breaks the rule \"16 or older on the first day\" (job_age); with --override REASON it is recorded anyway, the reason audited" \
		"support-log: 1 bad record; nothing was written" &&
	store_unchanged &&
	job --id-number "$P15" --start 2022-11-02 &&
	job --id-number "$P16" --start 2022-11-01 --end 2023-04-30 --by 文书 &&
	job --id-number "$P15" --start 2022-10-01 --override 暑期工，监护人同意 &&
	sqlite3 "$RENKE_DB" "SELECT kind, start_date, title, provider, amount, coalesce(end_date, ${SQ}-${SQ}), coalesce(status, ${SQ}-${SQ}) FROM support ORDER BY id;
		SELECT who, entity_id LIKE ${SQ}job:%${SQ}, field, new FROM audit WHERE entity = ${SQ}support${SQ} ORDER BY seq;
		SELECT rule, reason FROM support_override" >actual &&
	cat >expect <<-\EOT &&
	job|2022-11-02|分拣工|后叶镇茶叶产业园|2800|-|-
	job|2022-11-01|分拣工|后叶镇茶叶产业园|2800|2023-04-30|-
	job|2022-10-01|分拣工|后叶镇茶叶产业园|2800|-|-
	tester|1|created|job
	文书|1|created|job
	tester|1|created|job
	tester|1|job_age|暑期工，监护人同意
	job_age|暑期工，监护人同意
	EOT
	test_cmp expect actual
'

test_case 'a land transfer: its parcel, to whom and area in mu, a trailing 亩 allowed' '
	seed &&
	land --id-number "$P40" --start 2022-03-01 --end 2027-02-28 --title 大田湾 --area 2.5亩 2>err &&
	grep_message "added 1, updated 0, unchanged 0, differ 0, bad 0$" err &&
	printf "类型,身份证号,开始日期,地块,流转给,面积(亩),年租金\n土地流转,%s,2022-03-01,大田湾,向阳茶叶合作社,2.50,600\n土地流转,%s,2022-03-01,岩脚,向阳茶叶合作社,100000,0\n" "$P40" "$P40" >land.csv &&
	support-log land.csv 2>err &&
	grep_message "added 1, updated 0, unchanged 1, differ 0, bad 0$" err &&
	sqlite3 "$RENKE_DB" "SELECT kind, title, provider, area_mu, amount, start_date, coalesce(end_date, ${SQ}-${SQ}) FROM support ORDER BY id;
		SELECT entity_id FROM audit WHERE entity = ${SQ}support${SQ} ORDER BY seq" >actual &&
	cat >expect <<-EOT &&
	land|大田湾|向阳茶叶合作社|2.5|600|2022-03-01|2027-02-28
	land|岩脚|向阳茶叶合作社|100000.0|0|2022-03-01|-
	land:$P40:2022-03-01:大田湾
	land:$P40:2022-03-01:岩脚
	EOT
	test_cmp expect actual
'

test_case 'a land transfer without its parcel, to whom or area, or an area out of range, is refused' '
	seed &&
	{
		echo "kind,id_number,start_date,title,provider,area_mu" &&
		echo "land,$P40,2022-03-01,,," &&
		echo "land,$P40,2022-03-01,大田湾,合作社,0" &&
		echo "land,$P40,2022-03-01,大田湾,合作社,100000.01" &&
		echo "land,$P40,2022-03-01,大田湾,合作社,两亩"
	} >bad.csv &&
	expect_status 65 support-log bad.csv 2>err &&
	err_is err \
		"support-log: bad.csv:2: title: missing; a land transfer names its parcel" \
		"support-log: bad.csv:2: provider: missing; to whom the land is transferred" \
		"support-log: bad.csv:2: area_mu: missing; the area transferred, in mu" \
		"support-log: bad.csv:3: area_mu: not an area in mu, more than 0 and at most 100000: \"0\"" \
		"support-log: bad.csv:4: area_mu: not an area in mu, more than 0 and at most 100000: \"100000.01\"" \
		"support-log: bad.csv:5: area_mu: not an area in mu, more than 0 and at most 100000: \"两亩\"" \
		"support-log: 4 bad records; nothing was written" &&
	store_unchanged &&
	land --id-number "$P40" --start 2022-03-01 --title 大田湾 --area 0.01
'

test_case 'a parcel goes to one party at a time: again on its last day refused, the day after not' '
	seed &&
	land --id-number "$P40" --start 2022-03-01 --end 2023-02-28 --title 大田湾 --area 2 &&
	store_dump >before &&
	expect_status 65 land --id-number "$P40" --start 2023-02-28 --title 大田湾 --area 2 --provider 张三 2>err &&
	grep_message "^support-log: command line: --start: the parcel is transferred over these days already, from 2022-03-01: a parcel goes to one party at a time$" err &&
	expect_status 65 land --id-number "$P40" --start 2022-01-01 --title 大田湾 --area 2 --override 重签 2>err &&
	grep_message "from 2022-03-01: a parcel goes to one party at a time$" err &&
	store_unchanged &&
	land --id-number "$P40" --start 2023-03-01 --title 大田湾 --area 2 --provider 张三 &&
	land --id-number "$P40" --start 2023-02-28 --title 岩脚 --area 1 &&
	store_dump >before &&
	expect_status 65 land --upsert --reason 续租 --id-number "$P40" --start 2022-03-01 --end 2023-03-01 --title 大田湾 --area 2 2>err &&
	grep_message "^support-log: command line: --end: the parcel is transferred over these days already, from 2023-03-01" err &&
	store_unchanged &&
	land --upsert --reason 租金调整 --id-number "$P40" --start 2022-03-01 --end 2023-02-28 --title 大田湾 --area 2.4 --amount 650 2>err &&
	grep_message "updated 1," err &&
	sqlite3 "$RENKE_DB" "SELECT field, old, new FROM audit WHERE entity_id = ${SQ}land:$P40:2022-03-01:大田湾${SQ} AND field <> ${SQ}created${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	amount|600|650
	area_mu|2.00|2.40
	reason||租金调整
	EOT
	test_cmp expect actual
'

test_case 'the fields of another kind are refused, in Chinese too' '
	seed &&
	expect_status 65 job --id-number "$P16" --start 2022-11-01 --term 12 --area 3 2>err &&
	err_is err \
		"support-log: command line: --term: only small loan has it, not industry-park job" \
		"support-log: command line: --area: only land transfer has it, not industry-park job" \
		"support-log: 1 bad record; nothing was written" &&
	zh_locale &&
	expect_status 65 support-log --kind post --id-number "$P16" --start 2022-11-01 --status sent 2>err &&
	grep_message "^support-log: 命令行: 状态: 仅小额信贷填写此项，公益性岗位不填$" err &&
	expect_status 65 land --id-number "$P40" --start 2022-03-01 --title 大田湾 2>err &&
	grep_message "^support-log: 命令行: 面积（亩）: 缺少；须填流转面积（亩）$" err &&
	store_unchanged
'

test_case 'a store of schema 24 keeps its assistance rows, ids and overrides' '
	store_of_version 24 "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" "INSERT INTO support (id, kind, id_number, start_date, amount, status, created_at, updated_at) VALUES (7, ${SQ}loan${SQ}, ${SQ}$P16${SQ}, ${SQ}2022-11-01${SQ}, 30000, ${SQ}wish${SQ}, ${SQ}t${SQ}, ${SQ}t${SQ}), (9, ${SQ}post${SQ}, ${SQ}$P40${SQ}, ${SQ}2022-11-01${SQ}, 500, NULL, ${SQ}t${SQ}, ${SQ}t${SQ});
		INSERT INTO support_override (support_id, rule, reason, at) VALUES (9, ${SQ}post_household${SQ}, ${SQ}特批${SQ}, ${SQ}t${SQ})" &&
	rows="SELECT id, kind, id_number, start_date, title, provider, end_date, amount, term_months, status, sent_on, owner, created_at, updated_at, source, monitor_case_id FROM support ORDER BY id" &&
	sqlite3 "$RENKE_DB" "$rows" >expect &&
	household-add -q "$TRASH/households.csv" &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA user_version")" -ge 25 &&
	sqlite3 "$RENKE_DB" "$rows" >actual &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "PRAGMA foreign_key_check; SELECT s.id, s.kind, o.rule FROM support_override o JOIN support s ON s.id = o.support_id" >actual &&
	echo "9|post|post_household" >expect &&
	test_cmp expect actual
'

test_done
