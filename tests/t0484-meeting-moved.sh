#!/bin/sh
#
# meeting-edit: a corrected date moves the suggestions opened that day
# and the deadlines the rules gave them (working days across 国庆 too);
# a deadline extended by hand is kept; a suggestion settled before the
# new day refuses the move.  A meeting moved to another place takes its
# suggestions with it; a group not of the village is refused.  Every
# change audited with the reason; every refusal leaves the store as it was.

. "$(dirname "$0")/lib.sh"

M="--kind representatives --village 后叶村 --date 2022-09-26"
C="--kind courtyard --village 后叶村 --group 2社 --date 2022-11-04"
TRY="Try ${SQ}meeting-edit -h${SQ} for more information."

# seed: the households, water:urgent due in 5 working days by the 2022
# calendar, a representatives' meeting on Monday 2022-09-26 with three
# suggestions (by the rules; one later extended by hand; one given its
# own deadline), and a courtyard meeting of 2社 with two (one a
# household's).  Built once, copied into each case; ./before.
make_seed() {
	household-add -q "$EXAMPLES/households.csv" &&
	issue-add -q --rule water:urgent=5wd --calendar "$EXAMPLES/holidays-2022.csv" &&
	printf "%s\n" "title,owner,category,urgency,due_date" \
		"修路,村委会,infrastructure,normal," "修水管,村委会,water,urgent," \
		"修桥,村委会,infrastructure,important," "路灯,村委会,infrastructure,normal,2022-12-31" \
		>"$TRASH/s.csv" &&
	meeting-log -q $M --host 陈书记 "$TRASH/s.csv" >/dev/null &&
	issue-update -q --id 3 --due-date 2022-12-30 --reason 雨季延期 >/dev/null &&
	printf "%s\n" "title,owner,household_id" "堰塘,村委会," "危房,村委会,HY0102001" \
		>"$TRASH/c.csv" &&
	meeting-log -q $C "$TRASH/c.csv" >/dev/null
}

seed() {
	store_cache seed make_seed && store_dump >before
}

sql() {
	sqlite3 "$RENKE_DB" "$1"
}

test_case 'the date corrected: the rules${SQ} deadlines counted again, working days across 国庆; an extension and a given deadline kept' '
	seed &&
	meeting-edit --by 李霞 --reason 日期录错 $M date 2022-09-29 2>err &&
	err_is err "meeting-edit: the meeting of 后叶村 on 2022-09-26: date is now 2022-09-29" &&
	sql "SELECT title, opened_on, due_date, scorecard_original_due, extensions FROM issue
		WHERE meeting_id = 1 ORDER BY id" >actual &&
	printf "%s\n" "修路|2022-09-29|2022-10-29|2022-10-29|0" \
		"修水管|2022-09-29|2022-10-11|2022-10-11|0" \
		"修桥|2022-09-29|2022-12-30|2022-10-14|1" \
		"路灯|2022-09-29|2022-12-31|2022-12-31|0" >expect &&
	test_cmp expect actual &&
	sql "SELECT entity, entity_id, field, coalesce(old, ${SQ}-${SQ}), new FROM audit
		WHERE who = ${SQ}李霞${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "meeting|1|held_on|2022-09-26|2022-09-29" \
		"issue|1|opened_on|2022-09-26|2022-09-29" "issue|1|due_date|2022-10-26|2022-10-29" \
		"issue|1|scorecard_original_due|2022-10-26|2022-10-29" "issue|1|reason|-|日期录错" \
		"issue|2|opened_on|2022-09-26|2022-09-29" "issue|2|due_date|2022-10-08|2022-10-11" \
		"issue|2|scorecard_original_due|2022-10-08|2022-10-11" "issue|2|reason|-|日期录错" \
		"issue|3|opened_on|2022-09-26|2022-09-29" \
		"issue|3|scorecard_original_due|2022-10-11|2022-10-14" "issue|3|reason|-|日期录错" \
		"issue|4|opened_on|2022-09-26|2022-09-29" "issue|4|reason|-|日期录错" \
		"meeting|1|reason|-|日期录错" >expect &&
	test_cmp expect actual &&
	report-gen -f csv history 2 >hist &&
	grep -q "2022-10-08.*2022-10-11" hist &&
	grep -q 日期录错 hist
'

test_case 'back to the first day: the deadlines as the rules first gave them' '
	seed &&
	meeting-edit -q --reason x $M date 2022-09-29 &&
	meeting-edit -q --reason y --kind representatives --village 后叶村 --date 2022-09-29 date 2022-09-26 &&
	sql "SELECT opened_on, due_date, scorecard_original_due FROM issue WHERE meeting_id = 1
		ORDER BY id" >actual &&
	printf "%s\n" "2022-09-26|2022-10-26|2022-10-26" "2022-09-26|2022-10-08|2022-10-08" \
		"2022-09-26|2022-12-30|2022-10-11" "2022-09-26|2022-12-31|2022-12-31" >expect &&
	test_cmp expect actual
'

test_case 'a resolved suggestion: moved to a day before it was resolved; refused after it (65, nothing written)' '
	seed &&
	issue-update -q --id 1 --status resolved --resolution 已修 --today 2022-09-28 >/dev/null &&
	store_dump >before &&
	expect_status 65 meeting-edit --reason x $M date 2022-09-29 2>err &&
	err_is err "meeting-edit: the suggestion \"修路\" raised at the representatives${SQ} meeting of 后叶村 on 2022-09-26 was settled on 2022-09-28, before 2022-09-29" &&
	store_unchanged &&
	expect_status 65 env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 meeting-edit --reason x $M date 2022-09-29 2>err &&
	grep_message "“修路”已于2022-09-28办结" err &&
	store_unchanged &&
	meeting-edit -q --reason x $M date 2022-09-27 &&
	sql "SELECT status, opened_on, due_date, scorecard_original_due, resolved_on FROM issue
		WHERE id = 1" >actual &&
	echo "resolved|2022-09-27|2022-10-27|2022-10-27|2022-09-28" >expect &&
	test_cmp expect actual
'

test_case 'the original deadline changes only with the day the issue was opened' '
	seed &&
	! sqlite3 "$RENKE_DB" "UPDATE issue SET scorecard_original_due = ${SQ}2022-11-30${SQ}
		WHERE id = 1" 2>err &&
	grep_message "keeps its original deadline" err &&
	store_unchanged &&
	sql "UPDATE issue SET opened_on = ${SQ}2022-09-27${SQ}, scorecard_original_due = ${SQ}2022-10-27${SQ}
		WHERE id = 1" &&
	test "$(sql "SELECT scorecard_original_due FROM issue WHERE id = 1")" = 2022-10-27
'

test_case 'a suggestion of a household holds the move until its household is corrected; the others go with the meeting' '
	seed &&
	expect_status 65 meeting-edit --reason x $C village 双河村 2社 2>err &&
	err_is err "meeting-edit: the suggestion \"危房\" raised at the courtyard meeting of 后叶村 2社 on 2022-11-04 is household HY0102001${SQ}s, which is not in 双河村 2社; correct its household first (issue-update --household)" &&
	expect_status 65 env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 meeting-edit --reason x $C group 3社 2>err &&
	grep_message "建议“危房”属于HY0102001户，该户不在后叶村 3社" err &&
	store_unchanged &&
	issue-update -q --id 6 --household HY0202001 --reason 户号录错 >/dev/null &&
	meeting-edit --by 李霞 --reason 地点录错 $C village 双河村 2社 2>err &&
	err_is err "meeting-edit: the meeting of 后叶村 on 2022-11-04: village is now 双河村 2社" &&
	sql "SELECT m.kind, v.name, g.name FROM meeting m JOIN village v ON v.id = m.village_id
		JOIN village_group g ON g.id = m.group_id" >actual &&
	echo "courtyard|双河村|2社" >expect &&
	test_cmp expect actual &&
	sql "SELECT i.title, v.name, g.name FROM issue i JOIN village v ON v.id = i.village_id
		JOIN village_group g ON g.id = i.group_id WHERE i.meeting_id = 2 ORDER BY i.id" >actual &&
	printf "%s\n" "堰塘|双河村|2社" "危房|双河村|2社" >expect &&
	test_cmp expect actual &&
	sql "SELECT entity, entity_id, field, old, new FROM audit WHERE who = ${SQ}李霞${SQ}
		ORDER BY seq" >actual &&
	printf "%s\n" "meeting|2|village|后叶村|双河村" "issue|5|village|后叶村|双河村" \
		"meeting|2|reason||地点录错" >expect &&
	test_cmp expect actual &&
	store_dump >before &&
	meeting-edit -q --reason 再来 --kind courtyard --village 双河村 --group 2社 --date 2022-11-04 \
		village 双河村 2社 &&
	store_unchanged
'

test_case 'the village meeting moved to one of its groups, then to another village; the suggestions audited' '
	seed &&
	meeting-edit --reason 地点录错 $M group 5社 2>err &&
	err_is err "meeting-edit: the meeting of 后叶村 on 2022-09-26: group is now 5社" &&
	sql "SELECT DISTINCT coalesce(g.name, ${SQ}-${SQ}) FROM issue i LEFT JOIN village_group g ON g.id = i.group_id
		WHERE i.meeting_id = 1" >actual &&
	echo 5社 >expect &&
	test_cmp expect actual &&
	meeting-edit -q --reason 地点录错 --kind representatives --village 后叶村 --group 5社 \
		--date 2022-09-26 village 红狮村 &&
	sql "SELECT count(*) FROM issue i JOIN village v ON v.id = i.village_id
		WHERE i.meeting_id = 1 AND v.name = ${SQ}红狮村${SQ} AND i.group_id IS NULL" >actual &&
	echo 4 >expect &&
	test_cmp expect actual &&
	sql "SELECT field, coalesce(old, ${SQ}-${SQ}), coalesce(new, ${SQ}-${SQ}), count(*) FROM audit
		WHERE entity = ${SQ}issue${SQ} AND field LIKE ${SQ}village%${SQ} GROUP BY 1, 2, 3 ORDER BY min(seq)" >actual &&
	printf "%s\n" "village_group|-|5社|4" "village|后叶村|红狮村|4" "village_group|5社|-|4" >expect &&
	test_cmp expect actual
'

test_case 'moves refused, nothing written: a group not of the village, a courtyard meeting of no group, a meeting there already, a place not known' '
	seed &&
	meeting-log -q --kind courtyard --village 后叶村 --group 3社 --date 2022-11-04 >/dev/null &&
	store_dump >before &&
	expect_status 65 meeting-edit --reason x $C village 双河村 9社 2>err &&
	err_is err "meeting-edit: no villager group \"9社\" in 双河村; did you mean 1社, 2社, 3社?" &&
	expect_status 65 meeting-edit --reason x $C group 7社 2>err &&
	grep_message "no villager group \"7社\" in 后叶村" err &&
	expect_status 65 meeting-edit --reason x $C village 双河村 2>err &&
	err_is err "meeting-edit: a courtyard meeting is a villager group${SQ}s; say which group of 双河村 the courtyard meeting of 后叶村 2社 on 2022-11-04 moves to" &&
	expect_status 65 meeting-edit --reason x $C group 3社 2>err &&
	err_is err "meeting-edit: a courtyard meeting of 后叶村 3社 on 2022-11-04 is there already" &&
	expect_status 65 meeting-edit --reason x $M village 后页村 2>err &&
	grep_message "后叶村" err &&
	expect_status 65 env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 meeting-edit --reason x $C village 双河村 2>err &&
	grep_message "院坝会是村民小组的会议；请说明后叶村 2社2022-11-04的院坝会移到双河村的哪个小组" err &&
	store_unchanged
'

test_case 'usage: village takes one or two names, group one (64, nothing written)' '
	seed &&
	expect_status 64 meeting-edit --reason x $C village 双河村 2社 多 2>err &&
	err_is err "meeting-edit: village takes a village, and the group of it for a group${SQ}s meeting" "$TRY" &&
	expect_status 64 meeting-edit --reason x $C group 2>err &&
	err_is err "meeting-edit: group takes one name: a group of the meeting${SQ}s village" "$TRY" &&
	expect_status 64 meeting-edit --reason x $C group " " 2>err &&
	grep_message "may not be blank" err &&
	store_unchanged
'

test_done
