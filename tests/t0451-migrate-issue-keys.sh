#!/bin/sh
#
# Issues read before a suggestion was known by who raised it and what
# they said keep no old key: the store's migration brings their natural
# keys to the form issue-add builds now, so reading the same records
# again adds nothing

. "$(dirname "$0")/lib.sh"

# a version-5 store with issues as the issue-add of that time keyed them:
# a record with a source_ref by its source, source_ref and title alone
version5() {
	store_of_version 5 "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" <<-\EOF
	INSERT INTO village (id, name) VALUES (1, '后叶村');
	INSERT INTO village_group (id, village_id, name) VALUES (1, 1, '1社');
	INSERT INTO issue (id, kind, category, title, detail, urgency, village_id,
		group_id, reporter, source, source_ref, owner, opened_on, due_date,
		status, natural_key, created_at, updated_at) VALUES
	(1, 'suggestion', 'infrastructure', '修路', '东头的路', 'normal', 1, 1,
		'张三', 'courtyard', 'meeting:1', '李主任', '2022-11-15', '2022-12-15',
		'open', 'ref' || char(31) || 'courtyard' || char(31) || 'meeting:1' ||
		char(31) || '修路', '2022-11-15T00:00:00Z', '2022-11-15T00:00:00Z'),
	(2, 'suggestion', 'infrastructure', '修桥', NULL, 'normal', 1, 1,
		NULL, 'courtyard', 'meeting:1', '李主任', '2022-11-15', '2022-12-15',
		'open', 'ref' || char(31) || 'courtyard' || char(31) || 'meeting:1' ||
		char(31) || '修桥', '2022-11-15T00:00:00Z', '2022-11-15T00:00:00Z'),
	(3, 'problem', 'water', '水管漏水', '村口', 'normal', 1, NULL,
		NULL, 'survey', 'survey:r1:7:q_infra', '王强', '2022-11-16', '2022-12-16',
		'open', 'ref' || char(31) || 'survey' || char(31) ||
		'survey:r1:7:q_infra' || char(31) || '水管漏水',
		'2022-11-16T00:00:00Z', '2022-11-16T00:00:00Z'),
	(4, 'problem', 'other', '路灯不亮', NULL, 'normal', 1, NULL,
		'何玉勇', 'other', NULL, '王强', '2022-11-16', '2022-12-16',
		'open', 'rec' || char(31) || 'problem' || char(31) || '路灯不亮' ||
		char(31) || '1' || char(31) || '0' || char(31) || '0' || char(31) ||
		'何玉勇', '2022-11-16T00:00:00Z', '2022-11-16T00:00:00Z');
	EOF
}

# the records those issues were read from
records() {
	cat >again.csv <<-\EOF
	kind,category,title,detail,village,village_group,reporter,source,source_ref,owner,opened_on
	suggestion,infrastructure,修路,东头的路,后叶村,1社,张三,courtyard,meeting:1,李主任,2022-11-15
	suggestion,infrastructure,修桥,,后叶村,1社,,courtyard,meeting:1,李主任,2022-11-15
	problem,water,水管漏水,村口,后叶村,,,survey,survey:r1:7:q_infra,王强,2022-11-16
	problem,other,路灯不亮,,后叶村,,何玉勇,other,,王强,2022-11-16
	EOF
}

keys() {
	sqlite3 "$RENKE_DB" "SELECT id, replace(natural_key, char(31), '/')
		FROM issue ORDER BY id"
}

test_case 'the keys of issues read before are those issue-add builds now' '
	version5 &&
	household-list -f csv >/dev/null &&
	keys >actual &&
	cat >expect <<-\EOF &&
	1|ref/courtyard/meeting:1/修路/张三/东头的路
	2|ref/courtyard/meeting:1/修桥
	3|ref/survey/survey:r1:7:q_infra/水管漏水//村口
	4|rec/problem/路灯不亮/1/0/0/何玉勇
	EOF
	test_cmp expect actual
'

test_case 'the same records read again after the migration add nothing' '
	version5 &&
	records &&
	issue-add --today 2023-01-05 again.csv >out 2>err &&
	echo "issue-add: 4 issues read: added 0, updated 0, unchanged 4, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM issue")" = 4
'

test_case 'an issue whose new key another issue holds keeps its old key; the migration goes through' '
	version5 &&
	sqlite3 "$RENKE_DB" "INSERT INTO issue (id, kind, category, title, detail,
		urgency, village_id, group_id, reporter, source, source_ref, owner,
		opened_on, due_date, status, natural_key, created_at, updated_at)
		VALUES (5, ${SQ}suggestion${SQ}, ${SQ}infrastructure${SQ}, ${SQ}修路${SQ},
		${SQ}东头的路${SQ}, ${SQ}normal${SQ}, 1, 1, ${SQ}张三${SQ},
		${SQ}courtyard${SQ}, ${SQ}meeting:1${SQ}, ${SQ}李主任${SQ},
		${SQ}2022-11-15${SQ}, ${SQ}2022-12-15${SQ}, ${SQ}open${SQ},
		${SQ}ref${SQ} || char(31) || ${SQ}courtyard${SQ} || char(31) ||
		${SQ}meeting:1${SQ} || char(31) || ${SQ}修路${SQ} || char(31) ||
		${SQ}张三${SQ} || char(31) || ${SQ}东头的路${SQ},
		${SQ}2022-11-20T00:00:00Z${SQ}, ${SQ}2022-11-20T00:00:00Z${SQ})" &&
	household-list -f csv >/dev/null &&
	keys | sed -n "1p;5p" >actual &&
	cat >expect <<-\EOF &&
	1|ref/courtyard/meeting:1/修路
	5|ref/courtyard/meeting:1/修路/张三/东头的路
	EOF
	test_cmp expect actual &&
	test "$(sqlite3 "$RENKE_DB" "PRAGMA user_version")" = \
		"$(grep -c "^-- version [0-9]" "$TOP/lib/schema.sql")"
'

test_done
