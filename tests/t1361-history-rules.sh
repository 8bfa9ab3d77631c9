#!/bin/sh
#
# report-gen history HOUSEHOLD shows the village rules' steps that name
# the household (rule-step): the delivery of its village's rules, and
# a violation handled or a reward given under them, each on the day it
# was done, in order with the household's other records; in Chinese
# words under zh_CN, codes for machines.  The rows are counted again
# here from the store.

. "$(dirname "$0")/lib.sh"

# the example households with the ledger's life and 后叶村's rules from
# draft to enforcement; built once, copied for each case
township() {
	store_cache rules '
		household-add -q "$EXAMPLES/households.csv" &&
		visit-log -q "$EXAMPLES/visits.csv" &&
		rule-step -q --today 2023-06-30 "$EXAMPLES/rules.csv" >/dev/null'
}

history() {
	report-gen --today 2023-06-30 history "$@"
}

test_case 'a delivery and a violation, from the rule steps that name the household' '
	township &&
	history HY0102001 -f csv >out &&
	grep ",rule," out >actual &&
	sqlite3 -separator , "$RENKE_DB" "SELECT d.done_on, ${SQ}${SQ}, ${SQ}rule${SQ},
		r.title, CASE d.step WHEN ${SQ}deliver${SQ} THEN ${SQ}delivered${SQ}
		ELSE ${SQ}enforced${SQ} END, ${SQ}${SQ}, ${SQ}${SQ},
		CASE WHEN d.action IS NULL THEN ${SQ}${SQ} ELSE d.action || ${SQ} ${SQ} ||
		d.body || ${SQ}: ${SQ} || d.notes END, d.who, ${SQ}${SQ}
		FROM rule_step d JOIN rule_set r ON r.id = d.rule_id
		WHERE d.household_id = ${SQ}HY0102001${SQ} ORDER BY d.done_on, d.id" >expect &&
	test_line_count 2 expect &&
	test_cmp expect actual &&
	grep -q "^2023-05-20,,rule,后叶村村规民约（2023年修订）,enforced,,,violation red_white_council: 婚宴超出约定标准，劝导后缩减规模,红白理事会,$" out
'

test_case 'in order with the rest: after the visits before it, dated as done' '
	township &&
	: the registration opens it, the rest by day &&
	history HY0101002 -f csv | sed 1,2d | cut -d , -f 1 >days &&
	sort -s days >sorted &&
	test_cmp sorted days &&
	history HY0101002 -f csv | grep ",rule," | cut -d , -f 1,5 >actual &&
	printf "%s\n" 2023-03-10,delivered 2023-06-01,enforced >expect &&
	test_cmp expect actual &&
	: a household its rules never named has none &&
	history HY0103001 -f csv >none &&
	! grep -q ",rule," none
'

test_case 'zh_CN: the rules, the step and what was done in Chinese' '
	township &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 history HY0102001 -f csv --labels >out &&
	grep -q "^2023-03-11,,村规民约,后叶村村规民约（2023年修订）,已分发到户,,,,2社网格员,$" out &&
	grep -q "^2023-05-20,,村规民约,后叶村村规民约（2023年修订）,执行奖惩,,,违约处理 红白理事会: 婚宴超出约定标准，劝导后缩减规模,红白理事会,$" out &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 history HY0101002 -f table >table &&
	grep -q "执行奖惩 .*表彰奖励 道德评议会: 赡养老人被评为孝老爱亲示范户" table
'

test_case 'the history reads the store without writing it' '
	township &&
	store_dump >before &&
	history HY0102001 >/dev/null &&
	store_unchanged
'

test_done
