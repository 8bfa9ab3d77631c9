#!/bin/sh
#
# household-add once monitoring cases are in use: a household comes under
# monitoring, and its risk ends, by a case; --without-case REASON, audited

. "$(dirname "$0")/lib.sh"

REFUSED="a household comes under monitoring, or has its risk eliminated, by a monitoring case (case-open, case-step), not here; --without-case REASON sets it anyway"

# seed: the example households and one case (HY0101001's application);
# the store's dump in ./before
seed() {
	example_households &&
	case-open -q --today 2022-11-01 --household HY0101001 --clue application \
		--clue-on 2022-11-01 >/dev/null &&
	store_dump >before
}

test_case 'before any case, household-add sets the monitor type as ever' '
	example_households &&
	household-add -q --upsert --reason 入户核实 --id HY0101002 --village 后叶村 --monitor-type 边缘易致贫户 \
		--risk-status 未消除风险 &&
	sqlite3 "$RENKE_DB" "select monitor_type, risk_status from household where household_id = ${SQ}HY0101002${SQ}" >actual &&
	echo "marginal|at_risk" >expect &&
	test_cmp expect actual
'

test_case 'refused: a new household with a monitor type, a risk status or the category monitored' '
	seed &&
	expect_status 65 household-add --id HY0909001 --village 后叶村 --monitor-type 边缘易致贫户 2>err &&
	err_is err "household-add: command line: --monitor-type: $REFUSED" \
		"household-add: 1 bad record; nothing was written" &&
	expect_status 65 household-add --id HY0909001 --village 后叶村 --risk-status at_risk 2>err &&
	grep_message "--risk-status: $REFUSED" err &&
	expect_status 65 household-add --id HY0909001 --village 后叶村 --category 监测户 2>err &&
	grep_message "--category: $REFUSED" err &&
	store_unchanged
'

test_case 'refused: --upsert changing a household'"'"'s monitoring; without --upsert it differs and is left' '
	seed &&
	expect_status 65 household-add --upsert --id HY0103003 --village 后叶村 --risk-status 已消除风险 2>err &&
	err_is err "household-add: command line: --risk-status: $REFUSED" \
		"household-add: 1 bad record; nothing was written" &&
	store_unchanged &&
	household-add --id HY0103003 --village 后叶村 --risk-status 已消除风险 2>err &&
	grep_message "differ 1" err &&
	store_unchanged
'

test_case 'the same sheet again changes nothing and is not refused' '
	seed &&
	household-add --upsert "$EXAMPLES/households.csv" 2>err &&
	grep_message "unchanged 350" err &&
	store_unchanged
'

test_case '--without-case sets it, the reason audited with the household' '
	seed &&
	household-add -q --upsert --reason 历史数据更正 --without-case "县里批复的历史数据更正" --id HY0103003 \
		--village 后叶村 --risk-status 已消除风险 &&
	sqlite3 "$RENKE_DB" "select field, coalesce(old, ${SQ}${SQ}), new, who from audit where entity = ${SQ}household${SQ} and entity_id = ${SQ}HY0103003${SQ} order by seq" >actual &&
	{
		echo "without_case||县里批复的历史数据更正|tester" &&
		echo "risk_status|at_risk|risk_eliminated|tester" &&
		echo "reason||历史数据更正|tester"
	} >expect &&
	test_cmp expect actual &&
	expect_status 64 household-add --without-case "" --id HY0909001 --village 后叶村 2>err &&
	grep_message "without-case: say why" err
'

test_case 'the refusal in Chinese' '
	seed &&
	expect_status 65 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 household-add --id HY0909001 \
		--village 后叶村 --monitor-type 边缘易致贫户 2>err &&
	grep_message "须通过监测案件办理" err &&
	store_unchanged
'

test_done
