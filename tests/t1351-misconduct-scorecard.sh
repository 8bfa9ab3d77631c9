#!/bin/sh
#
# The scorecard's action 4 counts the misconduct matters referred
# (misconduct-step) and those closed, per village, township and county,
# each recomputed here from the store's rows: a matter referred on the
# first day of --since and closed on the day of --until counts, one
# referred the day before or closed the day after does not, a withdrawn
# one counts nowhere.  The matters stay out of on-time closure.  A
# county's roll-up carries them: read back, it gives the stores' numbers.

. "$(dirname "$0")/lib.sh"

P3=$(id_number 50023519751111002)	# of no household

# one township: matters at every stage in two villages, an ordinary issue
seed_store() {
	cat >households.csv <<-\EOT &&
	household_id,head_name,village,village_group,categories,members
	H1,户一,甲村,1社,脱贫户,4
	H2,户二,甲村,2社,一般农户,3
	H3,户三,乙村,1社,一般农户,2
	H4,户四,丙村,1社,一般农户,2
	EOT
	household-add -q households.csv &&
	cat >steps.csv <<-EOT &&
	kind,parties,referred_on,step,date,referred_to,result,village
	拒不赡养,H1,2022-10-01,移交,2022-10-01,司法调解,,
	拒不赡养,H1,2022-10-01,受理,2022-10-03,,,
	拒不赡养,H1,2022-10-01,办理结果,2022-11-30,,达成协议,
	家庭暴力,H2,2022-09-30,移交,2022-09-30,公安,,
	家庭暴力,H2,2022-09-30,受理,2022-09-30,,,
	家庭暴力,H2,2022-09-30,办理结果,2022-10-02,,行政拘留,
	缠访闹访,H2,2022-11-05,移交,2022-11-05,行政复议,,
	缠访闹访,H3,2022-10-20,移交,2022-10-20,诉讼,,
	缠访闹访,H3,2022-10-20,受理,2022-10-21,,,
	缠访闹访,H3,2022-10-20,办理结果,2022-12-01,,判决,
	其他,$P3,2022-11-30,移交,2022-11-30,仲裁,,乙村
	其他,$P3,2022-11-30,受理,2022-11-30,,,
	其他,$P3,2022-11-30,办理结果,2022-11-30,,仲裁裁决,
	其他,H3,2022-12-01,移交,2022-12-01,公安,,
	家庭暴力,H1,2022-11-10,移交,2022-11-10,公安,,
	EOT
	misconduct-step -q --today 2022-12-31 steps.csv &&
	issue-update -q --id 7 --status withdrawn --reason 重复登记 --today 2022-12-31 >/dev/null &&
	issue-add -q --kind problem --category water --title 水管破裂 --village 甲村 --owner 村委 --urgency urgent --today 2022-10-10 >/dev/null
}

# seed: the store above, built once and copied
seed() {
	store_cache seed seed_store
}

# counted SINCE UNTIL: per village (and * for the township), matters
# referred and closed, as the store's rows say
counted() {
	sqlite3 -separator , "$RENKE_DB" "
		WITH m AS (SELECT v.name AS village, x.referred_on, x.result_on
			FROM misconduct x JOIN issue i ON i.id = x.issue_id
			JOIN village v ON v.id = i.village_id
			WHERE i.status <> ${SQ}withdrawn${SQ}
			AND x.referred_on BETWEEN ${SQ}$1${SQ} AND ${SQ}$2${SQ})
		SELECT v.name, (SELECT count(*) FROM m WHERE m.village = v.name),
			(SELECT count(*) FROM m WHERE m.village = v.name AND m.result_on <= ${SQ}$2${SQ})
		FROM village v UNION ALL
		SELECT ${SQ}*${SQ}, count(*), count(result_on <= ${SQ}$2${SQ} OR NULL) FROM m
		ORDER BY 1"
}

# scorecard OPTIONS: village,referred,closed,rate of the scorecard's rows
scorecard() {
	report-gen scorecard -f csv "$@" |
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["village"] "," $at["misconduct_referred"] "," $at["misconduct_closed"] "," $at["misconduct_closed_rate"] }' |
	sort
}

test_case 'referred and closed per village and in total, at the edges of the period' '
	seed &&
	scorecard --today 2022-12-31 --since 2022-10-01 --until 2022-11-30 >actual &&
	counted 2022-10-01 2022-11-30 | awk -F, "{ printf \"%s,%s,%s,%s\n\", \$1, \$2, \$3, (\$2 > 0 ? sprintf(\"%.4f\", \$3 / \$2) : \"\") }" | sort >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOT &&
	*,4,2,0.5000
	丙村,0,0,
	乙村,2,1,0.5000
	甲村,2,1,0.5000
	EOT
	test_cmp expect actual &&
	scorecard --today 2022-12-31 >actual &&
	counted 1900-01-01 2022-12-31 | awk -F, "{ printf \"%s,%s,%s,%s\n\", \$1, \$2, \$3, (\$2 > 0 ? sprintf(\"%.4f\", \$3 / \$2) : \"\") }" | sort >expect &&
	test_cmp expect actual &&
	grep -q "^\*,6,4,0.6667$" actual
'

test_case 'matters stay out of on-time closure and callbacks; the rate is — where none was referred' '
	seed &&
	report-gen summary -f csv --today 2022-12-31 >out &&
	field issues_due out | sort >actual &&
	sqlite3 -separator , "$RENKE_DB" "SELECT v.name, count(i.id) FROM village v LEFT JOIN issue i ON i.village_id = v.id AND i.kind <> ${SQ}misconduct${SQ} AND i.scorecard_original_due <= ${SQ}2022-12-31${SQ} GROUP BY v.id UNION ALL SELECT ${SQ}*${SQ}, 1" | sort >expect &&
	test_cmp expect actual &&
	zh_locale &&
	report-gen scorecard -f markdown --today 2022-12-31 >out &&
	grep -q "违法乱纪移交 | 已办结 | 办结率" out &&
	grep "^| 丙村 " out | grep -q "| 0 | 0 | — |" &&
	report-gen scorecard -f html --today 2022-12-31 >page.html &&
	grep -o "<td>[^<]*</td>.*data-action=\"4\">[^<]*" page.html |
		sed "s/^<td>\([^<]*\)<.*data-action=\"4\">/\1 /" >actual &&
	cat >expect <<-\EOT &&
	甲村 —；违法乱纪事项办结 2/3
	乙村 —；违法乱纪事项办结 2/3
	丙村 —
	合计 —；违法乱纪事项办结 4/6
	EOT
	test_cmp expect actual
'

test_case 'a county'"'"'s roll-up carries the matters: read back, the same scorecard as its stores' '
	seed &&
	two_townships &&
	misconduct-step -q -d 乙镇.db --today 2022-12-31 --kind 家暴 --parties H4 --step 移交 --date 2022-12-30 --referred-to 公安 &&
	report-gen -d 甲镇.db -d 乙镇.db summary -f json --today 2022-12-31 >county.json &&
	report-gen -d 甲镇.db -d 乙镇.db scorecard -f csv --today 2022-12-31 >expect &&
	report-gen --from-rollup scorecard county.json -f csv >actual &&
	test_cmp expect actual &&
	grep -q "^\*,\*,.*" actual &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"township\"] == \"*\" { print \$at[\"misconduct_referred\"], \$at[\"misconduct_closed\"] }" actual >totals &&
	echo "13 8" >expect &&
	test_cmp expect totals &&
	sed "s/\"misconduct_closed\": *4/\"misconduct_closed\": 99/" county.json >bad.json &&
	! cmp -s county.json bad.json &&
	expect_status 65 report-gen --from-rollup scorecard bad.json 2>err &&
	grep_message "bad.json: row [0-9]*: misconduct_closed: not a count of the roll-up" err
'

test_done
