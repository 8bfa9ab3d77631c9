#!/bin/sh
#
# Action 7 in the summary and the scorecard: a village's own rule set in
# force by --today and the share of its households it was delivered to,
# counted again here from the store's rows; a group's rules and rules not
# yet in force count nowhere; townships add up into a county, and a
# county's roll-up gives the same figures as its stores

. "$(dirname "$0")/lib.sh"

TODAY=2023-06-30

# rules_of FILE: village,rules_in_force,rules_households,rules_delivered of a summary
rules_of() {
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ print $at["village"] "," $at["rules_in_force"] "," $at["rules_households"] "," $at["rules_delivered"] }' "$1"
}

# the example township with 后叶村's rules (examples/rules.csv), in force
# from 2023-03-06 and delivered to three households; a group's rules of
# 双河村 2社 in force too, and 红狮村's rules drafted only
rules_township() {
	example_township &&
	rule-step -q --today $TODAY "$EXAMPLES/rules.csv" >/dev/null &&
	G="rule-step -q --today $TODAY --village 双河村 --group 2社 --title 2社公约" &&
	$G --step draft --date 2023-01-01 --topics 人居环境 >/dev/null &&
	$G --step consult --date 2023-01-02 --groups 2社 --opinions 1 --adopted 1 >/dev/null &&
	$G --step vote --date 2023-01-03 --representatives 9 --present 9 --yes 9 >/dev/null &&
	$G --step review --date 2023-01-04 --result passed >/dev/null &&
	$G --step post --date 2023-01-05 --place 院坝 >/dev/null &&
	$G --step deliver --date 2023-01-06 --household HY0202001 >/dev/null &&
	rule-step -q --today $TODAY --village 红狮村 --title 红狮村村规民约 \
		--step draft --date 2023-01-01 --topics 移风易俗 >/dev/null
}

# expected NAME: village,rules_in_force,households,delivered per village
# from the store's rows, then the total
expected() {
	r="SELECT v.id, v.name, EXISTS (SELECT 1 FROM rule_set s
		WHERE s.village_id = v.id AND s.group_id IS NULL AND
		s.stage = ${SQ}in_force${SQ} AND s.in_force_on <= ${SQ}$1${SQ}) AS f,
		(SELECT count(*) FROM household h WHERE h.village_id = v.id) AS n,
		(SELECT count(DISTINCT d.household_id) FROM rule_step d JOIN rule_set s
		ON s.id = d.rule_id JOIN household h ON h.household_id = d.household_id
		WHERE s.village_id = v.id AND s.group_id IS NULL AND
		s.stage = ${SQ}in_force${SQ} AND d.step = ${SQ}deliver${SQ} AND
		h.village_id = v.id AND d.done_on <= ${SQ}$1${SQ}) AS d FROM village v"
	sqlite3 -separator , "$RENKE_DB" "
	SELECT name, f, f * n, f * d FROM ($r) ORDER BY id;
	SELECT ${SQ}*${SQ}, sum(f), sum(f * n), sum(f * d) FROM ($r)"
}

test_case 'summary: rules in force, their households and those delivered, per village and in total' '
	rules_township &&
	report-gen summary -f csv --today $TODAY >out &&
	rules_of out >actual &&
	expected $TODAY >expect &&
	test_cmp expect actual &&
	grep -q "^后叶村,1,45,3$" actual &&
	grep -q "^双河村,0,0,0$" actual &&
	grep -q "^红狮村,0,0,0$" actual
'

test_case 'summary: before the rules were posted, they count nowhere' '
	rules_township &&
	report-gen summary -f csv --today 2023-03-05 >out &&
	rules_of out >actual &&
	expected 2023-03-05 >expect &&
	test_cmp expect actual &&
	grep -q "^\*,0,0,0$" actual
'

test_case 'scorecard: the rules in force and the share delivered; "—" where none is in force' '
	rules_township &&
	report-gen scorecard -f csv --today $TODAY >out &&
	field rules_in_force out >actual &&
	expected $TODAY | cut -d , -f 1,2 >expect &&
	test_cmp expect actual &&
	field rules_delivery_rate out >actual &&
	expected $TODAY | awk -F, "{ print \$1 \",\" (\$3 > 0 ? sprintf(\"%.4f\", \$4 / \$3) : \"\") }" >expect &&
	test_cmp expect actual &&
	grep -q "^后叶村,0.0667$" actual &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 report-gen scorecard -f csv --excel --today $TODAY >zh.csv &&
	tr -d "\r" <zh.csv >zh &&
	head -n 1 zh | grep -q "村规民约已生效,分发到户率" &&
	grep "^后叶村," zh | grep -q ",是,6.7%," &&
	grep "^双河村," zh | grep -q ",否,—,"
'

test_case 'county: townships add up, and a roll-up read back gives the same counts' '
	rules_township && mv "$RENKE_DB" jia.db &&
	example_township && mv "$RENKE_DB" yi.db &&
	report-gen -d jia.db -d yi.db scorecard -f csv --today $TODAY >county &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$1 == \"*\" { print \$at[\"rules_in_force\"] \",\" \$at[\"rules_delivery_rate\"] }" county >actual &&
	echo "1,0.0667" >expect &&
	test_cmp expect actual &&
	report-gen -d jia.db -d yi.db summary -f json --today $TODAY >rollup.json &&
	report-gen -d jia.db -d yi.db summary -f csv --today $TODAY >stores.csv &&
	report-gen --from-rollup summary -f csv rollup.json >again.csv &&
	rules_of stores.csv >expect &&
	rules_of again.csv >actual &&
	test_cmp expect actual &&
	grep -q "^后叶村,1,45,3$" actual &&
	grep -q "^\*,1,45,3$" actual
'

test_done
