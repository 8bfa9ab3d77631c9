#!/bin/sh
#
# The import front end: an option that gives a field is a default for
# the records that lack it, and a record that overrides it is said once;
# --set FIELD=VALUE gives the field in every record, for every importing
# command

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"
TRY="Try ${SQ}issue-add -h${SQ} for more information."

# seed: the example township with 60 of its visits (13 findings, of 7
# visitors); the dump in ./before
seed() {
	example_households &&
	head -n 60 "$EXAMPLES/visits.csv" >visits.csv &&
	visit-log -q visits.csv &&
	store_dump >before
}

test_case 'visit-log --flagged | issue-add --owner: the records win, and that is said' '
	seed &&
	visit-log --flagged --since 2022-01-01 |
	issue-add --today 2022-11-30 --owner 陈书记 >out 2>err &&
	: findings of a household with an issue of their category open are noted on it &&
	err_is err "issue-add: 13 issues read: added 5, updated 0, unchanged 0, differ 0, bad 0, noted 8" \
		"issue-add: owner from the records in 13 of 13; --set owner=陈书记 to override" &&
	test "$(cut -d , -f 9 out | sed 1d | sort -u | wc -l)" = 4 &&
	! grep -q 陈书记 out
'

test_case 'visit-log --flagged | issue-add --set owner=...: every issue is the one person'"'"'s' '
	seed &&
	visit-log --flagged --since 2022-01-01 |
	issue-add --today 2022-11-30 --set owner=陈书记 >out 2>err &&
	err_is err "issue-add: 13 issues read: added 5, updated 0, unchanged 0, differ 0, bad 0, noted 8" &&
	cut -d , -f 9 out | sed 1d | sort | uniq -c | tr -s " " >actual &&
	echo " 5 陈书记" >expect &&
	test_cmp expect actual &&
	test "$(sqlite3 "$RENKE_DB" "SELECT DISTINCT owner FROM issue")" = 陈书记
'

test_case 'only a record with a value of its own, other than the option'"'"'s, is counted' '
	seed &&
	printf "title,owner,village\n路灯,,后叶村\n水管,陈书记,后叶村\n修路,王强,后叶村\n" >in.csv &&
	issue-add -q --today 2022-11-30 --owner 陈书记 in.csv >/dev/null 2>err &&
	test_must_be_empty err &&
	printf "title,owner,village\n路灯2,,后叶村\n水管2,陈书记,后叶村\n修路2,王强,后叶村\n" >in.csv &&
	issue-add --today 2022-11-30 --owner 陈书记 --category water in.csv >out 2>err &&
	err_is err "issue-add: 3 issues read: added 3, updated 0, unchanged 0, differ 0, bad 0" \
		"issue-add: owner from the records in 1 of 3; --set owner=陈书记 to override" &&
	printf "title,owner\n路灯3,陈书记\n" >same.csv &&
	issue-add --today 2022-11-30 --owner 陈书记 same.csv >out 2>err &&
	err_is err "issue-add: 1 issues read: added 1, updated 0, unchanged 0, differ 0, bad 0" &&
	printf "title,owner,category\n路灯4,王强,饮水\n" >two.csv &&
	$ZH issue-add --today 2022-11-30 --owner 陈书记 --category 其他 two.csv >out 2>err &&
	err_is err "issue-add: 读入问题1条：新增1，更新0，无变化0，不一致0，有误0" \
		"issue-add: 1条记录中有1条的类别取自记录本身；以 --set category=其他 统一改用选项的值" \
		"issue-add: 1条记录中有1条的责任人取自记录本身；以 --set owner=陈书记 统一改用选项的值"
'

test_case 'a record that names the option'"'"'s code in other words (紧急, urgent) does not override it' '
	seed &&
	printf "title,urgency,village\n路灯5,紧急,后叶村\n水管5,urgent,后叶村\n修路5,急,后叶村\n" >codes.csv &&
	issue-add --today 2022-11-30 --owner 王强 --urgency urgent codes.csv >out 2>err &&
	err_is err "issue-add: 3 issues read: added 3, updated 0, unchanged 0, differ 0, bad 0" &&
	printf "title,urgency,village\n路灯6,紧急,后叶村\n水管6,一般,后叶村\n" >codes.csv &&
	issue-add --today 2022-11-30 --owner 王强 --urgency 紧急 codes.csv >out 2>err &&
	err_is err "issue-add: 2 issues read: added 2, updated 0, unchanged 0, differ 0, bad 0" \
		"issue-add: urgency from the records in 1 of 2; --set urgency=紧急 to override" &&
	: a value of no code at all is an override, and refused as it always was &&
	printf "title,urgency,village\n路灯7,很急,后叶村\n" >codes.csv &&
	store_dump >before &&
	expect_status 65 issue-add --today 2022-11-30 --owner 王强 --urgency urgent codes.csv >out 2>err &&
	grep_message "urgency: unknown value \"很急\"" err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'meeting-log: the suggestions'"'"' own owners are said too' '
	seed &&
	meeting-log -q --kind representatives --village 后叶村 --date 2022-11-02 \
		--owner 村委会 "$EXAMPLES/suggestions.csv" >/dev/null 2>err &&
	test_must_be_empty err &&
	printf "标题,责任人\n修桥,王强\n修路,\n" >s.csv &&
	meeting-log --kind representatives --village 后叶村 --date 2022-11-09 \
		--owner 村委会 s.csv >/dev/null 2>err &&
	grep_message "^meeting-log: owner from the records in 1 of 2; --set owner=村委会 to override$" err &&
	meeting-log --kind representatives --village 后叶村 --date 2022-11-16 \
		--set owner=村委会 s.csv >/dev/null 2>err &&
	sqlite3 "$RENKE_DB" "SELECT owner FROM issue WHERE opened_on = ${SQ}2022-11-16${SQ}" >actual &&
	printf "村委会\n村委会\n" >expect &&
	test_cmp expect actual
'

test_case '--set on visits, households and milestones read from files' '
	seed &&
	printf "household_id,visit_date,visitor\nHY0101001,2022-11-22,王\nHY0101002,2022-11-22,李\n" >v.csv &&
	visit-log -q --set round=2022-r9 --set 走访人=张 v.csv &&
	sqlite3 "$RENKE_DB" "SELECT household_id, visitor, round FROM visit WHERE visit_date = ${SQ}2022-11-22${SQ} ORDER BY 1" >actual &&
	printf "HY0101001|张|2022-r9\nHY0101002|张|2022-r9\n" >expect &&
	test_cmp expect actual &&
	printf "household_id,village,village_group\nN1,新村,1组\nN2,新村,2组\n" >h.csv &&
	household-add --set village=后叶村 h.csv 2>err &&
	err_is err "household-add: 2 households read: added 2, updated 0, unchanged 0, differ 0, bad 0" \
		"household-add: new villager groups: 后叶村 1组, 后叶村 2组" &&
	household-list -f csv --id N1 | cut -d , -f 5,6 | sed 1d >actual &&
	echo "后叶村,1组" >expect &&
	test_cmp expect actual &&
	printf "milestone_id,title,round,due_date\nM9,十一月走访,2022-r1,2022-11-30\n" >m.csv &&
	milestone-add -q --set due_date=2022-12-15 m.csv &&
	test "$(sqlite3 "$RENKE_DB" "SELECT due_date FROM milestone
		WHERE milestone_id = ${SQ}M9${SQ}")" = 2022-12-15
'

test_case 'household-add --set village: a village typed wrong is refused as an option is' '
	seed &&
	printf "household_id,village,village_group\nN1,新村,1组\n" >h.csv &&
	expect_status 65 household-add --set village=后页村 h.csv 2>err &&
	err_is err "household-add: no village \"后页村\"; did you mean 后叶村? (--new-village if it is new)" &&
	store_unchanged &&
	household-add -q --new-village --set village=后页村 h.csv &&
	household-list -f csv --village 后页村 | cut -d , -f 1 | sed 1d >actual &&
	echo N1 >expect &&
	test_cmp expect actual
'

test_case '--set refused: no such field, no "=", a field set twice; nothing read or written' '
	seed &&
	printf "title,owner\n路灯,王强\n" >in.csv &&
	expect_status 64 issue-add --set bogus=1 in.csv >out 2>err &&
	err_is err "issue-add: --set: no field \"bogus\"; the fields are: kind, category, title, detail, urgency, village, village_group, household_id, reporter, source, source_ref, owner, owner_unit, due_date, standard, measures, resolved_on_spot, resolution, dispute_type, parties, mediator, opened_on, case_id" "$TRY" &&
	expect_status 64 issue-add --set owner in.csv 2>err &&
	err_is err "issue-add: --set: expected field=value, got \"owner\"" "$TRY" &&
	expect_status 64 issue-add --set =王强 in.csv 2>err &&
	err_is err "issue-add: --set: expected field=value, got \"=王强\"" "$TRY" &&
	expect_status 64 issue-add --set owner=王 --set 责任人=李 in.csv 2>err &&
	err_is err "issue-add: --set: owner is set twice" "$TRY" &&
	expect_status 64 $ZH issue-add --set bogus=1 in.csv 2>err &&
	grep_message "^issue-add: --set: 没有字段“bogus”；字段有：kind, " err &&
	test_must_be_empty out &&
	store_unchanged
'

test_case '-q says nothing of what the records overrode' '
	seed &&
	printf "title,owner,village\n修路,王强,后叶村\n" >in.csv &&
	issue-add -q --today 2022-11-30 --owner 陈书记 in.csv >/dev/null 2>err &&
	test_must_be_empty err
'

test_done
