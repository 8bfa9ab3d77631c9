#!/bin/sh
#
# Action 8 in the scorecard: the selections made (honour-add) and the
# board entries posted (board-step) per village, counted again here from
# the store's rows, in the year up to --today or from --since to
# --until, at the edges of the period (a selection made on the first day
# of the year before --today is out, the day after is in); entries
# proposed or withdrawn but never posted count nowhere; townships add up
# into a county.

. "$(dirname "$0")/lib.sh"

TODAY=2022-12-31

# field NAME FILE: csv column NAME of FILE, with the village first: village,value
field() {
	awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["village"] "," $at[name] }' "$2"
}

# the example township with the example selections and boards, and two
# more selections at the edges of the year up to $TODAY
models_township() {
	example_township &&
	honour-add -q "$EXAMPLES/honours.csv" &&
	board-step -q --today $TODAY "$EXAMPLES/board-steps.csv" &&
	H="honour-add -q --level 村级 --nominated-by 1社 --basis council --basis-on 2021-12-01" &&
	$H --kind 清洁户 --year 2021 --household HY0201001 --selected-on 2021-12-31 &&
	$H --kind 清洁户 --year 2022 --household HY0201003 --selected-on 2022-01-01
}

# expected SINCE UNTIL TODAY: village,models,boards_posted per village
# from the store's rows, then the total (SINCE, UNTIL: NULL for none)
expected() {
	in="<= ${SQ}$3${SQ} AND (${2} IS NULL OR DAY <= ${2}) AND (CASE WHEN ${1} IS NULL THEN DAY > date(${SQ}$3${SQ}, ${SQ}-1 year${SQ}) ELSE DAY >= ${1} END)"
	r="SELECT v.id, v.name,
		(SELECT count(*) FROM honour o WHERE o.village_id = v.id AND o.selected_on $(echo "$in" | sed "s/DAY/o.selected_on/g")) AS m,
		(SELECT count(*) FROM board_entry e WHERE e.village_id = v.id AND e.posted_on $(echo "$in" | sed "s/DAY/e.posted_on/g")) AS b
		FROM village v"
	sqlite3 -separator , "$RENKE_DB" "
	SELECT name, m, b FROM ($r) ORDER BY id;
	SELECT ${SQ}*${SQ}, sum(m), sum(b) FROM ($r)"
}

# models_of FILE: village,models,boards_posted of a scorecard
models_of() {
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["village"] "," $at["models"] "," $at["boards_posted"] }' "$1"
}

test_case 'scorecard: selections and boards posted in the year up to --today, per village and in total' '
	models_township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	models_of out >actual &&
	expected NULL NULL $TODAY >expect &&
	test_cmp expect actual &&
	grep -q "^后叶村,3,3$" actual &&
	grep -q "^双河村,2,1$" actual &&
	grep -q "^红狮村,1,0$" actual &&
	grep -q "^\*,6,4$" actual
'

test_case 'scorecard: --since and --until bound the period; before the boards, nothing is posted' '
	models_township &&
	report-gen scorecard -f csv --today $TODAY --since 2021-12-31 --until 2022-12-19 >out &&
	models_of out >actual &&
	expected "${SQ}2021-12-31${SQ}" "${SQ}2022-12-19${SQ}" $TODAY >expect &&
	test_cmp expect actual &&
	grep -q "^双河村,3,1$" actual &&
	grep -q "^后叶村,3,2$" actual &&
	report-gen scorecard -f csv --today 2022-12-09 >out &&
	models_of out >actual &&
	expected NULL NULL 2022-12-09 >expect &&
	test_cmp expect actual &&
	grep -q "^\*,7,0$" actual
'

test_case 'county: townships add up; under zh_CN the columns are named in Chinese' '
	models_township && mv "$RENKE_DB" jia.db &&
	example_township && mv "$RENKE_DB" yi.db &&
	report-gen -d jia.db -d yi.db scorecard -f csv --today $TODAY >county &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		{ print \$1 \",\" \$at[\"village\"] \",\" \$at[\"models\"] \",\" \$at[\"boards_posted\"] }" county >actual &&
	grep -q "^\*,\*,6,4$" actual &&
	grep -q "^jia,\*,6,4$" actual &&
	grep -q "^yi,\*,0,0$" actual &&
	zh_locale &&
	RENKE_DB=$PWD/jia.db report-gen scorecard -f csv --excel --today $TODAY >zh.csv &&
	tr -d "\r" <zh.csv | head -n 1 | grep -q ",8 先进典型,上光荣榜曝光台,"
'

test_done
