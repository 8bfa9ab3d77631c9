#!/bin/sh
#
# The scorecard's actions 2 and 6 count the suggestions raised at the
# representatives' and courtyard meetings held from --since to --until,
# and of them those answered (resolved or fed back, and not open again)
# by --today, per village, township and county, each recomputed here
# from the store's rows: a meeting on the first day of --since and one
# on the day of --until count, the day before and the day after do not;
# a suggestion resolved after --until but by --today is answered, one
# resolved after --today is not, nor one reopened after its callback or
# closed unresolved with a promise; a withdrawn one counts nowhere; a
# briefing's suggestions are in neither.  Counts, not required items:
# the completion rate does not move.  A county's roll-up carries them;
# one whose counts contradict themselves is refused, naming the column.

. "$(dirname "$0")/lib.sh"

# one township of three villages: 甲村 and 乙村 raise suggestions, 丙村
# none; the example's meeting milestones, so that the completion rate
# has items
seed_store() {
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories,members
	H1,户一,甲村,1社,脱贫户,4
	H2,户二,甲村,2社,一般农户,3
	H3,户三,乙村,1社,一般农户,2
	H4,户四,丙村,1社,一般农户,2
	EOT
	household-add -q households.csv &&
	milestone-add -q "$EXAMPLES/meeting-milestones.csv" &&
	M="meeting-log -q --today 2022-12-31 --owner 村委" &&
	$M --kind 恳谈会 --village 甲村 --date 2022-10-01 \
		--suggestion 修路 --suggestion 修渠 --suggestion 路灯 &&
	$M --kind 恳谈会 --village 甲村 --date 2022-09-30 --suggestion 垃圾桶 &&
	$M --kind 院坝会 --village 甲村 --group 1社 --date 2022-11-30 \
		--suggestion 饮水 --suggestion 护栏 &&
	$M --kind 院坝会 --village 乙村 --group 1社 --date 2022-12-01 --suggestion 晒坝 &&
	$M --kind 恳谈会 --village 乙村 --date 2022-11-15 \
		--suggestion 危房 --suggestion 重复 --suggestion 产业 --suggestion 水井 &&
	$M --kind 政策解读 --village 乙村 --date 2022-11-16 --suggestion 医保 &&
	U="issue-update -q" &&
	$U --today 2022-10-10 --id "$(id_of 修路)" --status resolved --resolution 已修 &&
	$U --today 2022-10-11 --id "$(id_of 修渠)" --status resolved --resolution 已修 &&
	$U --today 2022-10-12 --id "$(id_of 修渠)" --status feedback_given --feedback 已告知 &&
	$U --today 2022-10-01 --id "$(id_of 垃圾桶)" --status resolved --resolution 已放 &&
	$U --today 2022-12-05 --id "$(id_of 饮水)" --status resolved --resolution 已通 &&
	$U --today 2023-01-05 --id "$(id_of 护栏)" --status resolved --resolution 已装 &&
	$U --today 2022-12-02 --id "$(id_of 晒坝)" --status resolved --resolution 已修 &&
	$U --today 2022-11-20 --id "$(id_of 危房)" --status resolved --resolution 已改 &&
	$U --today 2022-11-21 --id "$(id_of 危房)" --status feedback_given --feedback 已告知 \
		--rating 不满意 &&
	$U --today 2022-11-16 --id "$(id_of 重复)" --status withdrawn --reason 重复登记 &&
	$U --today 2022-11-17 --id "$(id_of 产业)" --status closed_unresolved \
		--promised-date 2023-06-30 --reason 资金未到 &&
	$U --today 2022-11-18 --id "$(id_of 水井)" --status resolved --resolution 已打 &&
	$U --today 2022-11-20 --id "$(id_of 医保)" --status resolved --resolution 已办
}

# id_of TITLE: the issue of that title
id_of() {
	sqlite3 "$RENKE_DB" "SELECT id FROM issue WHERE title = ${SQ}$1${SQ}"
}

seed() {
	store_cache seed seed_store
}

# counted KIND SINCE UNTIL TODAY: per village (and * for the township),
# suggestions raised at meetings of KIND and answered, as the rows say
counted() {
	sqlite3 -separator , "$RENKE_DB" "
		WITH s AS (SELECT v.name AS village,
			(i.status NOT IN (${SQ}open${SQ}, ${SQ}in_progress${SQ}, ${SQ}reopened${SQ})
			AND (i.resolved_on <= ${SQ}$4${SQ} OR i.feedback_on <= ${SQ}$4${SQ})) AS answered
			FROM issue i JOIN meeting m ON m.id = i.meeting_id
			JOIN village v ON v.id = m.village_id
			WHERE m.kind = ${SQ}$1${SQ} AND i.status <> ${SQ}withdrawn${SQ}
			AND m.held_on BETWEEN ${SQ}$2${SQ} AND ${SQ}$3${SQ})
		SELECT v.name, (SELECT count(*) FROM s WHERE s.village = v.name),
			(SELECT count(*) FROM s WHERE s.village = v.name AND s.answered)
		FROM village v UNION ALL
		SELECT ${SQ}*${SQ}, count(*), count(answered OR NULL) FROM s" |
	awk -F, '{ printf "%s,%s,%s,%s\n", $1, $2, $3, ($2 > 0 ? sprintf("%.4f", $3 / $2) : "") }' |
	sort
}

# scorecard KIND OPTIONS: village,raised,answered,rate of the scorecard's rows
scorecard() {
	kind=$1 && shift &&
	report-gen scorecard -f csv "$@" |
	awk -F, -v k="$kind" 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["village"] "," $at[k "_suggestions"] "," $at[k "_answered"] "," $at[k "_answered_rate"] }' |
	sort
}

test_case 'raised and answered per village and in total, at the edges of the period' '
	seed &&
	P="--today 2022-12-31 --since 2022-10-01 --until 2022-11-30" &&
	scorecard representatives $P >actual &&
	counted representatives 2022-10-01 2022-11-30 2022-12-31 >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOT &&
	*,6,3,0.5000
	丙村,0,0,
	乙村,3,1,0.3333
	甲村,3,2,0.6667
	EOT
	test_cmp expect actual &&
	scorecard courtyard $P >actual &&
	counted courtyard 2022-10-01 2022-11-30 2022-12-31 >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOT &&
	*,2,1,0.5000
	丙村,0,0,
	乙村,0,0,
	甲村,2,1,0.5000
	EOT
	test_cmp expect actual
'

test_case 'as of another day: answers after it wait, a meeting after it is not yet held' '
	seed &&
	scorecard courtyard --today 2022-12-01 >actual &&
	counted courtyard 1900-01-01 2022-12-01 2022-12-01 >expect &&
	test_cmp expect actual &&
	grep -q "^乙村,1,0,0.0000$" actual &&
	grep -q "^甲村,2,0,0.0000$" actual &&
	scorecard courtyard --today 2023-01-05 >actual &&
	counted courtyard 1900-01-01 2023-01-05 2023-01-05 >expect &&
	test_cmp expect actual &&
	grep -q "^\*,3,3,1.0000$" actual &&
	scorecard representatives --today 2022-11-14 >actual &&
	counted representatives 1900-01-01 2022-11-14 2022-11-14 >expect &&
	test_cmp expect actual &&
	grep -q "^甲村,4,3,0.7500$" actual
'

test_case 'counts, not required items: the completion rate stays; Chinese headings; the page says them' '
	seed &&
	report-gen scorecard -f csv --today 2022-12-31 >with &&
	sqlite3 "$RENKE_DB" "UPDATE issue SET meeting_id = NULL" &&
	report-gen scorecard -f csv --today 2022-12-31 >without &&
	field completion_rate with >a && field completion_rate without >b &&
	test_cmp a b &&
	grep -q "^甲村,0.5000$" a &&
	field required with >a && field required without >b &&
	test_cmp a b &&
	seed &&
	zh_locale &&
	report-gen scorecard -f markdown --today 2022-12-31 >out &&
	grep -q "| 意见建议 | 已答复 | 答复率 |" out &&
	grep "^| 丙村 " out | grep -q "| 0 | 0 | — |" &&
	report-gen scorecard -f html --today 2022-12-31 >page.html &&
	sed -n "s/^<tr[^>]*><td>\([^<]*\)<\/td>.*data-action=\"2\">[^<]*\(<small>\([^<]*\)<\/small>\)\{0,1\}<\/td>.*/\1 \3/p" page.html >actual &&
	cat >expect <<-\EOT &&
	甲村 意见建议已答复 3/4
	乙村 意见建议已答复 1/3
	丙村 
	合计 意见建议已答复 4/7
	EOT
	test_cmp expect actual &&
	grep -c "data-action=\"6\">[^<]*<small>意见建议已答复 2/3</small>" page.html >n &&
	test "$(cat n)" -eq 1
'

test_case 'a county'"'"'s roll-up carries the suggestions; one answering more than raised is refused' '
	seed &&
	two_townships &&
	meeting-log -q -d 乙镇.db --today 2022-12-31 --owner 村委 --kind 院坝会 \
		--village 丙村 --group 1社 --date 2022-12-20 --suggestion 便民桥 >/dev/null &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today 2022-12-31 >county.json &&
	report-gen -d 甲镇.db -d 乙镇.db scorecard -f csv --today 2022-12-31 >expect &&
	report-gen --from-rollup scorecard county.json -f csv >actual &&
	test_cmp expect actual &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"township\"] == \"*\" { print \$at[\"representatives_suggestions\"], \$at[\"representatives_answered\"], \$at[\"courtyard_suggestions\"], \$at[\"courtyard_answered\"] }" actual >totals &&
	echo "14 8 7 4" >expect &&
	test_cmp expect totals &&
	for k in representatives_answered courtyard_answered representatives_late courtyard_late
	do
		sed "s/\"$k\": *[0-9]*/\"$k\": 99/" county.json >bad.json &&
		! cmp -s county.json bad.json &&
		expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
		grep_message "bad.json: row [0-9]*: $k: not a count of the roll-up" err ||
		return 1
	done &&
	zh_locale &&
	expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
	grep -q "不是汇总" err
'

test_done
