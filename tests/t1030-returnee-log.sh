#!/bin/sh
#
# returnee-log: each contact with a returnee (回引人才) or village worthy
# (乡贤): a member's first contact takes their name and village, anyone
# else's names them; a later contact takes what it leaves out from the
# nearest one; the same contact again, and --upsert, audited; bad input
# refused with the store unchanged; deadline-check returnee_uncontacted
# at its edges (day 30 and day 31 after the latest contact, a contact
# after --today not counted, one on it counted).

. "$(dirname "$0")/lib.sh"

HEADER=kind,id,title,household_id,village,village_group,owner,due_date,days_overdue,urgency
P1=$(id_number 50023519850312001)	# a member of H1, 甲村 1社
P2=$(id_number 50023519700101002)	# no member
M1=500235********$(printf %s "$P1" | cut -c15-18)
M2=500235********$(printf %s "$P2" | cut -c15-18)

# one store for every case: two villages, a member
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	printf "household_id,head_name,village,village_group,categories\nH1,户一,甲村,1社,脱贫户\nH2,户二,乙村,,一般农户\n" \
		>households.csv &&
	household-add -q households.csv &&
	printf "id_number,household_id,name\n%s,H1,甲\n" "$P1" >members.csv &&
	member-add -q members.csv
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

contacts() {
	sqlite3 "$RENKE_DB" "SELECT r.contacted_on, r.name, v.name, r.kind,
		coalesce(r.away_place, ${SQ}-${SQ}), coalesce(r.skills, ${SQ}-${SQ}),
		coalesce(r.intention, ${SQ}-${SQ}), r.cadre, coalesce(r.way, ${SQ}-${SQ}),
		r.status FROM returnee_contact r JOIN village v ON v.id = r.village_id
		ORDER BY r.id_number, r.contacted_on"
}

test_case 'a member'"'"'s first contact takes their name and village; a worthy'"'"'s names them; audited' '
	seed &&
	returnee-log --id-number "$P1" --date 2022-10-01 --cadre 王干部 --away-place 浙江宁波 \
		--skills 电焊 --intention 就业 --way 电话 --said 了解务工情况 --by 文书 2>err &&
	err_is err "returnee-log: 1 contacts read: added 1, updated 0, unchanged 0, differ 0, bad 0" &&
	returnee-log -q --id-number "$P2" --date 2022-10-20 --name 向国富 --village 乙村 \
		--kind 新乡贤 --cadre 李书记 &&
	contacts >actual &&
	cat >expect <<-\EOT &&
	2022-10-20|向国富|乙村|elite|-|-|-|李书记|-|contacted
	2022-10-01|甲|甲村|talent|浙江宁波|电焊|employment|王干部|电话|contacted
	EOT
	sort expect >expect.sorted && sort actual >actual.sorted &&
	test_cmp expect.sorted actual.sorted &&
	sqlite3 "$RENKE_DB" "SELECT who, entity_id, field, new FROM audit WHERE entity = ${SQ}returnee${SQ} ORDER BY seq" >actual &&
	{
		echo "文书|$P1:2022-10-01|created|contacted" &&
		echo "tester|$P2:2022-10-20|created|contacted"
	} >expect &&
	test_cmp expect actual
'

test_case 'a later contact takes what it leaves out from the one before; an earlier one from the one after' '
	seed &&
	returnee-log -q --id-number "$P1" --date 2022-10-01 --cadre 王干部 --skills 电焊 --intention 就业 &&
	returnee-log -q --id-number "$P1" --date 2022-11-05 --way 微信 --status 有意返乡 &&
	returnee-log -q --id-number "$P1" --date 2022-12-01 --cadre 周干部 --status 已返乡 &&
	returnee-log -q --id-number "$P1" --date 2022-11-20 --way 上门 &&
	contacts >actual &&
	cat >expect <<-\EOT &&
	2022-10-01|甲|甲村|talent|-|电焊|employment|王干部|-|contacted
	2022-11-05|甲|甲村|talent|-|电焊|employment|王干部|微信|intends
	2022-11-20|甲|甲村|talent|-|电焊|employment|王干部|上门|intends
	2022-12-01|甲|甲村|talent|-|电焊|employment|周干部|-|returned
	EOT
	test_cmp expect actual &&
	seed &&
	returnee-log -q --id-number "$P2" --date 2022-11-01 --name 乙 --village 乙村 --cadre 李 --status 已返乡 &&
	returnee-log -q --id-number "$P2" --date 2022-10-01 &&
	contacts >actual &&
	cat >expect <<-\EOT &&
	2022-10-01|乙|乙村|talent|-|-|-|李|-|returned
	2022-11-01|乙|乙村|talent|-|-|-|李|-|returned
	EOT
	test_cmp expect actual
'

test_case 'the same contact again is unchanged; a different one differs; --upsert updates it, audited' '
	seed &&
	printf "身份证号,联系日期,联系干部,联系方式,联系内容,状态\n%s,2022/10/1,王干部,电话,介绍工业园招工,已联系\n" "$P1" >c.csv &&
	returnee-log -q c.csv &&
	store_dump >before &&
	returnee-log c.csv 2>err &&
	grep_message "added 0, updated 0, unchanged 1, differ 0, bad 0$" err &&
	returnee-log --id-number "$P1" --date 2022-10-01 --status 有意返乡 --village 乙村 2>err &&
	grep_message "unchanged 0, differ 1, bad 0$" err &&
	store_unchanged &&
	returnee-log --upsert --reason 搬到乙村 --id-number "$P1" --date 2022-10-01 --status 有意返乡 --village 乙村 2>err &&
	grep_message "added 0, updated 1, unchanged 0, differ 0, bad 0$" err &&
	contacts >actual &&
	echo "2022-10-01|甲|乙村|talent|-|-|-|王干部|电话|intends" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT field, old, new FROM audit WHERE entity = ${SQ}returnee${SQ} AND field <> ${SQ}created${SQ} ORDER BY seq" >actual &&
	printf "village|甲村|乙村\nstatus|contacted|intends\nreason||搬到乙村\n" >expect &&
	test_cmp expect actual
'

test_case 'a first contact of someone no member lacks name, village and cadre: refused, in Chinese too, store unchanged' '
	seed &&
	expect_status 65 returnee-log --id-number "$P2" --date 2022-10-01 2>err &&
	err_is err \
		"returnee-log: command line: --name: missing; the first contact of a person who is no member in the store names them" \
		"returnee-log: command line: --village: missing; the first contact of a person who is no member in the store names their village" \
		"returnee-log: command line: --cadre: missing; the first contact names the cadre who contacts the person, one to one" \
		"returnee-log: 1 bad record; nothing was written" &&
	(
		zh_locale &&
		expect_status 65 returnee-log --id-number "$P2" --date 2022-10-01 --name 乙 --village 乙村 2>err &&
		grep_message "缺少；首次联系须填写一对一联系此人的干部" err
	) &&
	store_unchanged
'

test_case 'bad values are refused, every row checked, nothing written; the ID number never quoted' '
	seed &&
	bad=$(printf %s "$P2" | cut -c1-17)9 &&
	{
		echo "id_number,contacted_on,name,village,kind,intention,status,cadre" &&
		echo "$P1,2022-10-01,,,,就业,,王" &&
		echo "$bad,2022-10-01,乙,乙村,,,,李" &&
		echo "$P2,2022-13-01,乙,乙村,,,,李" &&
		echo "$P2,2022-10-01,乙,丙村,,,,李" &&
		echo "$P2,2022-10-02,乙,乙村,能人,想回来,在外,李" &&
		echo ",2022-10-03,乙,乙村,,,,李"
	} >c.csv &&
	expect_status 65 returnee-log c.csv 2>err &&
	grep_message "^returnee-log: c.csv:3: id_number: wrong check digit" err &&
	grep_message "^returnee-log: c.csv:4: contacted_on: not a date: \"2022-13-01\"" err &&
	grep_message "^returnee-log: c.csv:5: village: no village \"丙村\" in the store; household-add registers villages" err &&
	grep_message "^returnee-log: c.csv:6: kind: unknown value \"能人\"; expected one of: " err &&
	grep_message "^returnee-log: c.csv:6: intention: unknown value \"想回来\"" err &&
	grep_message "^returnee-log: c.csv:6: status: unknown value \"在外\"" err &&
	grep_message "^returnee-log: c.csv:7: id_number: missing; a person is known by their ID number" err &&
	grep_message "^returnee-log: 5 bad records; nothing was written$" err &&
	! grep -F "$bad" err &&
	store_unchanged &&
	returnee-log -q --skip-bad --rejects rejects.csv c.csv &&
	contacts >actual &&
	echo "2022-10-01|甲|甲村|talent|-|-|employment|王|-|contacted" >expect &&
	test_cmp expect actual &&
	test_line_count 6 rejects.csv
'

test_case 'deadline-check: not listed 30 days after the latest contact, listed on day 31; not once settled' '
	seed &&
	returnee-log -q --id-number "$P1" --date 2022-10-01 --cadre 王干部 &&
	returnee-log -q --id-number "$P1" --date 2022-11-01 --status 有意返乡 &&
	returnee-log -q --id-number "$P2" --date 2022-10-20 --name 向国富 --village 乙村 --kind 乡贤 --cadre 李书记 &&
	store_dump >before &&
	deadline-check --today 2022-11-19 --kind returnee_uncontacted >out &&
	test_must_be_empty out &&
	expect_status 1 deadline-check --today 2022-12-02 --kind returnee_uncontacted -f csv >out &&
	{
		echo "$HEADER" &&
		echo "returnee_uncontacted,returnee:$M2,向国富: village worthy not contacted since 2022-10-20,,乙村,,李书记,2022-11-19,13," &&
		echo "returnee_uncontacted,returnee:$M1,甲: returnee not contacted since 2022-11-01,H1,甲村,1社,王干部,2022-12-01,1,"
	} >expect &&
	test_cmp expect out &&
	! grep -F "$P1" out &&
	store_unchanged &&
	expect_status 1 deadline-check --today 2022-12-02 --owner 王干部 -f csv >out &&
	test_line_count 2 out &&
	returnee-log -q --id-number "$P1" --date 2022-12-01 --status 已就业创业 &&
	returnee-log -q --id-number "$P2" --date 2022-12-01 &&
	expect_status 1 deadline-check --today 2023-06-01 --kind returnee_uncontacted -f csv >out &&
	test_line_count 2 out &&
	grep -qF "returnee:$M2," out
'

test_case 'deadline-check and report-gen returnees judge by the latest contact on or before --today, not a later one' '
	seed &&
	returnee-log -q --id-number "$P1" --date 2022-10-01 --cadre 王干部 &&
	returnee-log -q --id-number "$P1" --date 2022-12-10 --status 已就业创业 &&
	returnee-log -q --id-number "$P2" --date 2022-09-01 --name 向国富 --village 乙村 --cadre 李书记 &&
	returnee-log -q --id-number "$P2" --date 2022-11-01 &&
	store_dump >before &&
	expect_status 1 deadline-check --today 2022-10-31 --kind returnee_uncontacted -f csv >out &&
	{
		echo "$HEADER" &&
		echo "returnee_uncontacted,returnee:$M2,向国富: returnee not contacted since 2022-09-01,,乙村,,李书记,2022-10-01,30,"
	} >expect &&
	test_cmp expect out &&
	expect_status 1 deadline-check --today 2022-11-01 --kind returnee_uncontacted -f csv >out &&
	{
		echo "$HEADER" &&
		echo "returnee_uncontacted,returnee:$M1,甲: returnee not contacted since 2022-10-01,H1,甲村,1社,王干部,2022-10-31,1,"
	} >expect &&
	test_cmp expect out &&
	report-gen returnees --today 2022-11-01 -f csv >out &&
	csv_column 8 out | sed 1d >actual &&
	printf "contacted\ncontacted\n" >expect &&
	test_cmp expect actual &&
	expect_status 1 deadline-check --today 2022-12-10 --kind returnee_uncontacted -f csv >out &&
	test_line_count 2 out &&
	grep -qF "returnee:$M2,向国富: returnee not contacted since 2022-11-01" out &&
	report-gen returnees --today 2022-12-10 -f csv >out &&
	csv_column 8 out | sed 1d >actual &&
	printf "contacted\nsettled\n" >expect &&
	sort actual >actual.sorted &&
	test_cmp expect actual.sorted &&
	store_unchanged
'

test_done
