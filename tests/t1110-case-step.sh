#!/bin/sh
#
# case-step: the steps of a monitoring case in the order of the
# procedure, the county's decision and its effect on the household;
# every refused step with its message, exit status and an unchanged store

. "$(dirname "$0")/lib.sh"

CASE_HEADER=case_id,household_id,village,case_type,monitor_type,clue,clue_on,step,step_on,state,next_step,due_date
NOTHING="case-step: 1 bad record; nothing was written"

# seed: the example households and case 1, HY0101001's application of
# 2022-11-01; the store's dump in ./before
seed() {
	example_households &&
	case-open -q --today 2022-11-01 --household HY0101001 --clue application \
		--clue-on 2022-11-01 >/dev/null &&
	store_dump >before
}

STEP="case-step -q --today 2022-11-30 --case 1"

# the steps, each done on its day of November 2022
home() { $STEP --step home_check --date 2022-11-02 --housing 砖混结构无危房 \
	--food 粮食够吃 --labour 一个劳动力 --income 年收入1.2万元 \
	--expenses 住院自付3万元 --judgement 因病返贫风险 --consent 是 "$@"; }
cross() { $STEP --step data_check --date 2022-11-03 --answers 医保:自付3万元 "$@"; }
village() { $STEP --step village_review --date 2022-11-04 "$@"; }
posting() { $STEP --step posting --date 2022-11-05 --objections 无 "$@"; }
township() { $STEP --step township_review --date 2022-11-07 "$@"; }
decision() { $STEP --step decision --date 2022-11-10 "$@"; }

# bring STEP: case 1 through STEP (an inclusion, sudden hardship, illness)
bring() {
	for s in home cross village posting township; do
		if [ $s = home ]; then
			home --monitor-type 突发严重困难户 --risks 因病 || return 1
		else
			$s || return 1
		fi
		[ $s = "$1" ] && break
	done >/dev/null &&
	store_dump >before
}

household_is() {
	echo "$2" >expect.h &&
	sqlite3 "$RENKE_DB" "select categories, coalesce(monitor_type, ${SQ}-${SQ}), coalesce(risk_status, ${SQ}-${SQ}) from household where household_id = ${SQ}$1${SQ}" >actual.h &&
	test_cmp expect.h actual.h
}

test_case 'an inclusion through every step: the household becomes monitored' '
	seed &&
	bring township &&
	case-step --today 2022-11-30 --case 1 --step decision --date 2022-11-10 \
		--result 审定同意 --who 县乡村振兴局 >out 2>err &&
	{
		echo "$CASE_HEADER" &&
		echo "1,HY0101001,后叶村,inclusion,sudden_hardship,application,2022-11-01,decision,2022-11-10,approved,,"
	} >expect &&
	test_cmp expect out &&
	err_is err "case-step: 1 steps read: added 0, updated 1, unchanged 0, differ 0, bad 0" &&
	household_is HY0101001 "monitored|sudden_hardship|at_risk" &&
	sqlite3 "$RENKE_DB" "select step, done_on, who, result from monitor_case_step order by id" >actual &&
	{
		echo "home_check|2022-11-02|tester|passed" &&
		echo "data_check|2022-11-03|tester|passed" &&
		echo "village_review|2022-11-04|tester|passed" &&
		echo "posting|2022-11-05|tester|passed" &&
		echo "township_review|2022-11-07|tester|passed" &&
		echo "decision|2022-11-10|县乡村振兴局|approved"
	} >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select posting_until, decided_on from monitor_case" >actual &&
	echo "2022-11-09|2022-11-10" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select field, coalesce(old, ${SQ}${SQ}), new from audit where entity = ${SQ}household${SQ} and command = ${SQ}case-step${SQ} order by seq" >actual &&
	{
		echo "categories|ordinary|monitored" &&
		echo "monitor_type||sudden_hardship" &&
		echo "risk_status||at_risk" &&
		echo "case||case 1 inclusion 2022-11-10"
	} >expect &&
	test_cmp expect actual
'

test_case 'the same step again is unchanged; steps by household number' '
	seed &&
	home --monitor-type unstable --risks illness >/dev/null &&
	store_dump >before &&
	home --monitor-type unstable --risks illness >out 2>err &&
	test_must_be_empty out &&
	case-step --today 2022-11-30 --household HY0101001 --step data_check \
		--date 2022-11-03 --answers 无异常 -f csv >out &&
	grep -q "^1,HY0101001,.*,data_check,2022-11-03,open,village_review," out
'

test_case 'steps from a CSV file with Chinese headers' '
	seed &&
	cat >steps.csv <<-\EOC &&
	户编号,步骤,日期,经办人,看房,看粮,看劳动力,问收入,问支出,一判断,承诺授权,监测类型,风险类型,比对结果
	HY0101001,入户核实,2022-11-02,王干部,砖房,够吃,1人,1万,医疗3万,因病,是,突发严重困难户,因病,
	HY0101001,信息比对,2022-11-03,李会计,,,,,,,,,,无异常
	HY0101001,村级民主评议,2022-11-04,村委会,,,,,,,,,,
	EOC
	case-step --today 2022-11-30 -f csv steps.csv >out 2>err &&
	err_is err "case-step: 3 steps read: added 0, updated 3, unchanged 0, differ 0, bad 0" &&
	echo "village_review|村委会" >expect.v &&
	sqlite3 "$RENKE_DB" "select step, who from monitor_case_step where step = ${SQ}village_review${SQ}" >actual &&
	test_cmp expect.v actual
'

test_case 'refused: a step out of order' '
	seed &&
	expect_status 65 cross >out 2>err &&
	test_must_be_empty out &&
	err_is err "case-step: command line: --step: case 1 is at the clue (2022-11-01); its next step is home check, not the data cross-check" "$NOTHING" &&
	store_unchanged &&
	expect_status 65 env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 $STEP --step data_check \
		--date 2022-11-03 --answers 医保:自付3万元 2>err &&
	grep_message "^case-step: 命令行: 环节: 案件 1 办到线索（2022-11-01）；下一步是入户核实，不是信息比对$" err &&
	store_unchanged &&
	bring village &&
	expect_status 65 township 2>err &&
	err_is err "case-step: command line: --step: case 1 is at the village review (2022-11-04); its next step is public posting, not the township review" "$NOTHING" &&
	store_unchanged
'

test_case 'refused: a step recorded twice with another date' '
	seed &&
	bring home &&
	expect_status 65 $STEP --step home_check --date 2022-11-03 --housing a --food b \
		--labour c --income d --expenses e --judgement f --consent yes 2>err &&
	err_is err "case-step: command line: --step: case 1: the home check was recorded already, on 2022-11-02 by tester; a step is recorded once" "$NOTHING" &&
	store_unchanged
'

test_case 'refused: a home check without the signed consent, or without its findings' '
	seed &&
	expect_status 65 home --consent 否 --monitor-type unstable --risks 因病 2>err &&
	err_is err "case-step: command line: --consent: the home check needs the household${SQ}s signed consent to the data checks" "$NOTHING" &&
	store_unchanged &&
	expect_status 65 $STEP --step home_check --date 2022-11-02 --consent 是 \
		--housing 砖房 --monitor-type unstable --risks 因病 2>err &&
	grep_message "food: missing; the home check records what its three looks and two questions found and its judgement" err &&
	grep_message "judgement: missing; the home check records" err &&
	! grep -q "[三两]" err &&
	store_unchanged &&
	(zh_locale &&
	expect_status 65 $STEP --step home_check --date 2022-11-02 --consent 是 \
		--housing 砖房 --monitor-type unstable --risks 因病 2>err &&
	grep_message "^case-step: 命令行: 吃穿情况: 缺失；入户核实须记录“三看两问一判断”：看房、看粮" err) &&
	expect_status 65 home 2>err &&
	err_is err "case-step: command line: --monitor-type: missing; an inclusion${SQ}s home check names the monitor type" \
		"case-step: command line: --risks: missing; an inclusion${SQ}s home check names the risks found" "$NOTHING" &&
	store_unchanged
'

test_case 'a household refusing consent ends the case as not eligible, with the reason' '
	seed &&
	expect_status 65 $STEP --step home_check --date 2022-11-02 --result not_eligible 2>err &&
	err_is err "case-step: command line: --reason: missing; say why the case ends not eligible" "$NOTHING" &&
	store_unchanged &&
	$STEP --step home_check --date 2022-11-02 --result 不符合条件 --reason 户主拒绝签字授权 --consent 否 >/dev/null &&
	sqlite3 "$RENKE_DB" "select step, state, decided_on, reason from monitor_case" >actual &&
	echo "home_check|not_eligible|2022-11-02|户主拒绝签字授权" >expect &&
	test_cmp expect actual &&
	household_is HY0101001 "ordinary|-|-" &&
	store_dump >before &&
	expect_status 65 cross 2>err &&
	err_is err "case-step: command line: --step: case 1 is closed (not eligible, at the home check of 2022-11-02); it takes no more steps" "$NOTHING" &&
	store_unchanged
'

test_case 'refused: a cross-check without the departments'"'"' answers; a field of another step' '
	seed &&
	bring home &&
	expect_status 65 $STEP --step data_check --date 2022-11-03 2>err &&
	err_is err "case-step: command line: --answers: missing; the cross-check records the departments${SQ} answers" "$NOTHING" &&
	expect_status 65 cross --days 5 2>err &&
	err_is err "case-step: command line: --days: belongs to the public posting, not the data cross-check" "$NOTHING" &&
	expect_status 65 env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 $STEP --step data_check \
		--date 2022-11-03 --answers 医保:自付3万元 --days 5 2>err &&
	grep_message "^case-step: 命令行: 公示天数: 属于公示环节，不属于信息比对环节$" err &&
	store_unchanged
'

test_case 'refused: a step dated before the last one, or after today' '
	seed &&
	bring home &&
	expect_status 65 cross --date 2022-11-01 2>err &&
	err_is err "case-step: command line: --date: 2022-11-01 is before the home check of case 1 (2022-11-02)" "$NOTHING" &&
	expect_status 65 cross --date 2022-12-01 2>err &&
	err_is err "case-step: command line: --date: 2022-12-01 is after today (2022-11-30)" "$NOTHING" &&
	store_unchanged
'

test_case 'rejected at the village review: the case ends, the household unchanged' '
	seed &&
	bring cross &&
	village --result not_eligible --reason 家庭收入高于监测范围 >/dev/null &&
	sqlite3 "$RENKE_DB" "select step, state, reason from monitor_case" >actual &&
	echo "village_review|not_eligible|家庭收入高于监测范围" >expect &&
	test_cmp expect actual &&
	household_is HY0101001 "ordinary|-|-"
'

test_case 'refused: a posting shorter than the minimum, or without its objections' '
	seed &&
	bring village &&
	expect_status 65 posting --days 4 2>err &&
	err_is err "case-step: command line: --days: a posting of 4 days is shorter than the county${SQ}s minimum of 5" "$NOTHING" &&
	expect_status 65 $STEP --step posting --date 2022-11-05 2>err &&
	err_is err "case-step: command line: --objections: missing; record the objections raised during the posting, or that there were none" "$NOTHING" &&
	store_unchanged &&
	case-open -q --reason "县文件" --limit posting_days=3 &&
	posting --days 4 >/dev/null &&
	sqlite3 "$RENKE_DB" "select posting_until from monitor_case" >actual &&
	echo 2022-11-08 >expect &&
	test_cmp expect actual
'

test_case 'refused: the decision before the posting ends; the posting'"'"'s last day is not enough' '
	seed &&
	bring township &&
	expect_status 65 decision --date 2022-11-09 --result approved 2>err &&
	err_is err "case-step: command line: --date: the posting of case 1 runs until 2022-11-09; the county decides from 2022-11-10" "$NOTHING" &&
	store_unchanged &&
	decision --result approved >/dev/null &&
	household_is HY0101001 "monitored|sudden_hardship|at_risk"
'

test_case 'refused: a decision without its result, a rejection without its reason, a step that approves' '
	seed &&
	bring township &&
	expect_status 65 decision 2>err &&
	err_is err "case-step: command line: --result: missing; the county${SQ}s decision is approved or rejected" "$NOTHING" &&
	expect_status 65 decision --result rejected 2>err &&
	err_is err "case-step: command line: --reason: missing; say why the case ends rejected" "$NOTHING" &&
	expect_status 65 decision --result passed 2>err &&
	err_is err "case-step: command line: --result: the county${SQ}s decision is approved or rejected, not passed" "$NOTHING" &&
	store_unchanged &&
	decision --result rejected --reason 家庭收入超过监测标准 >/dev/null &&
	household_is HY0101001 "ordinary|-|-" &&
	sqlite3 "$RENKE_DB" "select state, reason from monitor_case" >actual &&
	echo "rejected|家庭收入超过监测标准" >expect &&
	test_cmp expect actual
'

test_case 'refused: no case, an unknown case, a household without one, the wrong household' '
	seed &&
	expect_status 64 case-step --step home_check 2>err &&
	grep_message "which case? give --case or --household" err &&
	expect_status 65 case-step --case 9 --step home_check 2>err &&
	grep_message "--case: no case 9" err &&
	expect_status 65 case-step --household HY0101002 --step home_check 2>err &&
	grep_message "--household: household HY0101002 has no case; open one with case-open" err &&
	expect_status 65 case-step --case 1 --household HY0101002 --step home_check 2>err &&
	grep_message "--household: case 1 is household HY0101001${SQ}s, not HY0101002${SQ}s" err &&
	expect_status 65 case-step --case 1 --step 线索 2>err &&
	grep_message "step: a clue opens a case: case-open" err &&
	store_unchanged
'

# ---- risk elimination ----

# elim: HY0103003 (monitored, at risk) with visits on $1 and $2, each
# with the checks given in $3 and $4 (income food education medical housing);
# its elimination case 2 opened and brought through the township review
elim() {
	printf "%s\n" "household_id,visit_date,visitor,round,income_stable,food_clothing,education,medical,housing" \
		"HY0103003,$1,张干部,r,$3" "HY0103003,$2,李书记,r,$4" >visits.csv &&
	visit-log -q --today 2022-11-30 visits.csv >/dev/null &&
	case-open -q --today 2022-11-30 --household HY0103003 --type elimination \
		--clue cadre --clue-on 2022-11-01 >/dev/null &&
	for s in home_check data_check village_review posting township_review; do
		case $s in
		home_check) a="--housing 好 --food 好 --labour 2人 --income 3万 --expenses 少 --judgement 稳定 --consent yes" ;;
		data_check) a="--answers 无异常" ;;
		posting) a="--objections 无" ;;
		*) a= ;;
		esac
		case-step -q --today 2022-11-30 --case 2 --step $s --date 2022-11-02 $a >/dev/null || return 1
	done &&
	store_dump >before
}

ELIM="case-step --today 2022-11-30 --case 2 --step decision --date 2022-11-10 --result approved"

test_case 'an elimination with two stable visits six months apart ends the risk' '
	seed &&
	elim 2022-05-02 2022-11-02 yes,yes,na,yes,yes yes,yes,yes,yes,yes &&
	$ELIM >/dev/null 2>err &&
	household_is HY0103003 "monitored|sudden_hardship|risk_eliminated"
'

test_case 'refused: an elimination without a stable second visit six months earlier' '
	seed &&
	elim 2022-05-03 2022-11-02 yes,yes,yes,yes,yes yes,yes,yes,yes,yes &&
	expect_status 65 $ELIM 2>err &&
	err_is err "case-step: command line: --result: case 2: the risk cannot be eliminated: the last two visits of household HY0103003, 2022-05-03 and 2022-11-02, are less than 6 months apart: no stable second visit" "$NOTHING" &&
	store_unchanged &&
	household_is HY0103003 "monitored|sudden_hardship|at_risk"
'

test_case 'refused: an elimination whose visits do not find the household stable' '
	seed &&
	elim 2022-04-02 2022-11-02 no,yes,yes,,yes yes,yes,yes,no,yes &&
	expect_status 65 $ELIM 2>err &&
	err_is err "case-step: command line: --result: case 2: the risk cannot be eliminated: the last two visits of household HY0103003 do not find it stable: 2022-04-02: not yes: income_stable, medical; 2022-11-02: not yes: medical" "$NOTHING" &&
	store_unchanged
'

test_case 'refused: an elimination with one visit' '
	seed &&
	elim 2022-11-02 2022-11-02 yes,yes,yes,yes,yes yes,yes,yes,yes,yes &&
	expect_status 65 $ELIM 2>err &&
	grep_message "household HY0103003 has 1 visit days on record by 2022-11-10; it needs two visits at least 6 months apart" err &&
	store_unchanged
'

test_case 'the messages in Chinese' '
	seed &&
	expect_status 65 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 $STEP --step data_check --date 2022-11-03 --answers x 2>err &&
	grep_message "下一步是入户核实" err &&
	store_unchanged
'

test_done
