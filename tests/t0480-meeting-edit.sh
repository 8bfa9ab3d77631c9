#!/bin/sh
#
# meeting-edit: a meeting's kind, date, host, attendees or minutes
# corrected, audited with who and why; a meeting removed only when no
# suggestion or vote refers to it; every refusal leaves the store as it was

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"
TRY="Try ${SQ}meeting-edit -h${SQ} for more information."
M="--kind representatives --village 后叶村 --date 2022-11-02"

# seed: a representatives' meeting with a suggestion, a briefing with
# none, a courtyard meeting of 2社; the dump in ./before
seed() {
	example_households &&
	printf "title,owner\n修路,村委会\n" >s.csv &&
	meeting-log -q $M --host 陈书记 s.csv >/dev/null &&
	meeting-log -q --kind briefing --village 后叶村 --date 2022-11-03 --host 陈书记 >/dev/null &&
	meeting-log -q --kind courtyard --village 后叶村 --group 2社 --date 2022-11-04 >/dev/null &&
	store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'the date corrected: audited with who and why; its suggestion stays with it' '
	seed &&
	meeting-edit --by 李霞 --reason 日期录错 $M date 2022年11月5日 2>err &&
	err_is err "meeting-edit: the meeting of 后叶村 on 2022-11-02: date is now 2022-11-05" &&
	sql "SELECT m.held_on, i.title FROM meeting m JOIN issue i ON i.meeting_id = m.id" >actual &&
	echo "2022-11-05|修路" >expect &&
	test_cmp expect actual &&
	sql "SELECT who, entity, entity_id, field, old, new FROM audit WHERE command = ${SQ}meeting-edit${SQ}
		ORDER BY seq" >actual &&
	printf "%s\n" "李霞|meeting|1|held_on|2022-11-02|2022-11-05" \
		"李霞|issue|1|opened_on|2022-11-02|2022-11-05" "李霞|issue|1|due_date|2022-12-02|2022-12-05" \
		"李霞|issue|1|scorecard_original_due|2022-12-02|2022-12-05" "李霞|issue|1|reason||日期录错" \
		"李霞|meeting|1|reason||日期录错" >expect &&
	test_cmp expect actual &&
	report-gen -f csv meetings | grep -q 2022-11-05
'

test_case 'host, attendees, minutes and kind corrected; the same value again changes nothing' '
	seed &&
	meeting-edit -q --reason 录错 --kind 政策解读 --village 后叶村 --date 2022-11-03 host 王主任 &&
	meeting-edit -q --reason 补录 --kind briefing --village 后叶村 --date 2022-11-03 attendees 28 &&
	meeting-edit -q --reason 补录 --kind briefing --village 后叶村 --date 2022-11-03 minutes 宣讲政策 &&
	meeting-edit -q --reason 类型录错 --kind briefing --village 后叶村 --date 2022-11-03 kind 村民会议 &&
	sql "SELECT kind, host, attendees, minutes FROM meeting WHERE held_on = ${SQ}2022-11-03${SQ}" >actual &&
	echo "assembly|王主任|28|宣讲政策" >expect &&
	test_cmp expect actual &&
	store_dump >before &&
	meeting-edit -q --reason 再来 --kind assembly --village 后叶村 --date 2022-11-03 host 王主任 &&
	store_unchanged &&
	sql "SELECT field, coalesce(old, ${SQ}-${SQ}), new FROM audit WHERE command = ${SQ}meeting-edit${SQ}
		AND field <> ${SQ}reason${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "host|陈书记|王主任" "attendees|-|28" "minutes|-|宣讲政策" "kind|briefing|assembly" >expect &&
	test_cmp expect actual
'

test_case 'refused, nothing written: a meeting there already, a courtyard meeting of no group, an unknown kind' '
	seed &&
	meeting-log -q --kind briefing --village 后叶村 --date 2022-11-05 >/dev/null &&
	store_dump >before &&
	expect_status 65 meeting-edit --reason x --kind briefing --village 后叶村 --date 2022-11-03 \
		date 2022-11-05 2>err &&
	err_is err "meeting-edit: a policy briefing of 后叶村 on 2022-11-05 is there already" &&
	expect_status 65 meeting-edit --reason x --kind briefing --village 后叶村 --date 2022-11-05 \
		date 2022-11-03 2>err2 &&
	err_is err2 "meeting-edit: a policy briefing of 后叶村 on 2022-11-03 is there already" &&
	expect_status 65 meeting-edit --reason x --kind briefing --village 后叶村 --date 2022-11-03 \
		kind courtyard 2>err &&
	err_is err "meeting-edit: a courtyard meeting is a villager group${SQ}s; the policy briefing of 后叶村 on 2022-11-03 is the village${SQ}s own" &&
	expect_status 65 meeting-edit --reason x --kind briefing --village 后叶村 --date 2022-11-03 \
		kind 茶话会 2>err &&
	grep_message "^meeting-edit: kind: \"茶话会\" is not one of: " err &&
	store_unchanged
'

test_case 'refused, nothing written: a meeting, village or kind not known' '
	seed &&
	expect_status 65 meeting-edit --reason x --kind briefing --village 后叶村 --date 2022-11-09 \
		host 王 2>err &&
	err_is err "meeting-edit: no meeting: the policy briefing of 后叶村 on 2022-11-09" &&
	expect_status 65 meeting-edit --reason x --kind briefing --village 后页村 --date 2022-11-03 \
		host 王 2>err &&
	grep_message "后叶村" err &&
	expect_status 65 meeting-edit --reason x --kind 茶话会 --village 后叶村 --date 2022-11-03 \
		host 王 2>err &&
	grep_message "^meeting-edit: --kind: \"茶话会\" is not one of: " err &&
	store_unchanged
'

test_case 'remove: one with a suggestion or a vote is kept, named; one nothing refers to goes' '
	seed &&
	expect_status 65 meeting-edit --reason 重复录入 $M remove 2>err &&
	err_is err "meeting-edit: the representatives${SQ} meeting of 后叶村 on 2022-11-02 has 1 suggestion; it is kept for them" &&
	meeting-log -q --kind assembly --village 后叶村 --date 2022-11-28 --representatives 45 \
		--present 38 --yes 33 --no 3 --abstain 2 >/dev/null &&
	store_dump >before &&
	expect_status 65 meeting-edit --reason x --kind assembly --village 后叶村 --date 2022-11-28 remove 2>err &&
	err_is err "meeting-edit: the villagers${SQ} assembly of 后叶村 on 2022-11-28 has 1 vote; it is kept for them" &&
	store_unchanged &&
	meeting-edit --by 李霞 --reason 重复录入 --kind courtyard --village 后叶村 --group 2社 \
		--date 2022-11-04 remove 2>err &&
	err_is err "meeting-edit: removed the meeting of 后叶村 on 2022-11-04" &&
	test "$(sql "SELECT count(*) FROM meeting WHERE kind = ${SQ}courtyard${SQ}")" = 0 &&
	sql "SELECT entity, field, old, new FROM audit WHERE who = ${SQ}李霞${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "meeting|removed|courtyard 后叶村 2社 2022-11-04|" \
		"meeting|reason||重复录入" >expect &&
	test_cmp expect actual
'

test_case '--dry-run writes nothing' '
	seed &&
	meeting-edit --dry-run --reason x --kind briefing --village 后叶村 --date 2022-11-03 remove 2>err &&
	grep_message "removed the meeting of 后叶村 on 2022-11-03" err &&
	store_unchanged
'

test_case 'usage errors: no reason, which meeting, an unknown action, a bad date (64, nothing written)' '
	seed &&
	expect_status 64 meeting-edit $M host 王 2>err &&
	grep_message "reason" err &&
	expect_status 64 meeting-edit --reason x --kind briefing --date 2022-11-03 host 王 2>err &&
	err_is err "meeting-edit: which meeting? --kind, --village (and --group) and --date say" "$TRY" &&
	expect_status 64 meeting-edit --reason x $M rename 王 2>err &&
	grep_message "kind, date, village, group, host, attendees, minutes or remove" err &&
	expect_status 64 meeting-edit --reason x $M date 2022-13-45 2>err &&
	err_is err "meeting-edit: date: not a date: \"2022-13-45\"" "$TRY" &&
	expect_status 64 meeting-edit --reason x $M host 2>err &&
	grep_message "host takes one name" err &&
	store_unchanged
'

test_case 'zh_CN: messages in Chinese' '
	seed &&
	expect_status 65 $ZH meeting-edit --reason 重复录入 $M remove 2>err &&
	grep_message "有1条建议；予以保留" err &&
	expect_status 64 $ZH meeting-edit --reason x --kind briefing --date 2022-11-03 host 王 2>err &&
	grep_message "哪一次会议" err &&
	store_unchanged
'

test_case 'a store that does not exist: 66, and none is made' '
	expect_status 66 meeting-edit -d none.db --reason x $M host 王 2>err &&
	test_path_is_missing none.db
'

test_done
