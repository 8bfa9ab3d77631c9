#!/bin/sh
#
# case-open: clues open monitoring cases; every refused clue with its
# message, exit status and an unchanged store

. "$(dirname "$0")/lib.sh"

CASE_HEADER=case_id,household_id,village,case_type,monitor_type,clue,clue_on,step,step_on,state,next_step,due_date

# seed: the example households (HY0103003 monitored at risk, HY0105001
# monitored with its risk eliminated); the store's dump in ./before
seed() {
	example_households &&
	store_dump >before
}

test_case 'a household'"'"'s application opens an inclusion case, due in 15 days' '
	seed &&
	case-open --today 2022-11-10 --household HY0101001 --clue 农户自主申报 \
		--clue-on 2022/11/1 >out 2>err &&
	{
		echo "$CASE_HEADER" &&
		echo "1,HY0101001,后叶村,inclusion,,application,2022-11-01,clue,2022-11-01,open,home_check,2022-11-16"
	} >expect &&
	test_cmp expect out &&
	err_is err "case-open: 1 clues read: added 1, updated 0, unchanged 0, differ 0, bad 0" &&
	sqlite3 "$RENKE_DB" "select entity, entity_id, field, new, who from audit where entity = ${SQ}case${SQ}" >actual &&
	echo "case|1|opened|HY0101001 inclusion application 2022-11-01 tester|tester" >expect &&
	test_cmp expect actual
'

test_case 'clues from a file, Chinese headers and labels; the same file again adds nothing' '
	seed &&
	cat >clues.csv <<-\EOC &&
	户编号,事项,线索来源,线索日期,登记人,监测类型,风险类型,情况说明
	HY0101001,纳入监测,部门预警,2022-11-02,王会计,突发严重困难户,因病;因意外,医保部门:住院自付3万元
	HY0101002,纳入监测,干部排查,2022-11-03,李书记,边缘易致贫户,因务工就业不稳,
	HY0103003,风险消除,走访,2022-11-04,张干部,,,
	EOC
	case-open --today 2022-11-10 -f csv clues.csv >out 2>err &&
	{
		echo "$CASE_HEADER" &&
		echo "1,HY0101001,后叶村,inclusion,sudden_hardship,department,2022-11-02,clue,2022-11-02,open,home_check,2022-11-17" &&
		echo "2,HY0101002,后叶村,inclusion,marginal,cadre,2022-11-03,clue,2022-11-03,open,home_check,2022-11-18" &&
		echo "3,HY0103003,后叶村,elimination,,visit,2022-11-04,clue,2022-11-04,open,home_check,2022-11-19"
	} >expect &&
	test_cmp expect out &&
	sqlite3 "$RENKE_DB" "select risks, recorder, detail from monitor_case where id = 1" >actual &&
	echo "illness;accident|王会计|医保部门:住院自付3万元" >expect &&
	test_cmp expect actual &&
	store_dump >before &&
	case-open --today 2022-11-10 clues.csv >out 2>err &&
	test_must_be_empty out &&
	err_is err "case-open: 3 clues read: added 0, updated 0, unchanged 3, differ 0, bad 0" &&
	store_unchanged
'

test_case 'table output speaks Chinese under zh_CN' '
	seed &&
	LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 case-open --today 2022-11-10 -f table \
		--household HY0101001 --clue application --clue-on 2022-11-01 >out 2>err &&
	grep -q "纳入监测" out && grep -q "农户自主申报" out && grep -q "入户核实" out &&
	grep -q "办理中" out
'

test_case 'refused: a household already monitored at risk cannot be included again' '
	seed &&
	expect_status 65 case-open --today 2022-11-10 --household HY0103003 \
		--clue cadre --clue-on 2022-11-01 >out 2>err &&
	test_must_be_empty out &&
	err_is err "case-open: command line: --household: household HY0103003 is monitored already, its risk not eliminated; open a risk elimination instead" \
		"case-open: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'refused: an elimination for a household not at risk' '
	seed &&
	expect_status 65 case-open --today 2022-11-10 --household HY0105001 \
		--type elimination --clue cadre --clue-on 2022-11-01 >out 2>err &&
	err_is err "case-open: command line: --household: household HY0105001 is not a monitored household at risk; there is no risk to eliminate" \
		"case-open: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'refused: a second open case for a household' '
	seed &&
	case-open -q --today 2022-11-10 --household HY0101001 --clue cadre --clue-on 2022-11-01 >/dev/null &&
	store_dump >before &&
	expect_status 65 case-open --today 2022-11-10 --household HY0101001 \
		--clue application --clue-on 2022-11-05 >out 2>err &&
	err_is err "case-open: command line: --household: household HY0101001 has case 1 open already (inclusion, opened 2022-11-01); a household has one open case at a time" \
		"case-open: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'refused: no household, an unknown one, no clue, no date, a date to come, a bad risk' '
	seed &&
	expect_status 65 case-open --today 2022-11-10 --clue cadre --clue-on 2022-11-01 2>err &&
	grep_message "--household: missing; which household?" err &&
	expect_status 65 case-open --today 2022-11-10 --household HY9999999 --clue cadre --clue-on 2022-11-01 2>err &&
	grep_message "--household: no household HY9999999" err &&
	expect_status 65 case-open --today 2022-11-10 --household HY0101001 --clue-on 2022-11-01 2>err &&
	grep_message "clue: missing; say where the clue came from: visit (visit), application (household${SQ}s application), cadre (cadre${SQ}s finding), department (department${SQ}s warning)$" err &&
	expect_status 65 case-open --today 2022-11-10 --household HY0101001 --clue 来信 --clue-on 2022-11-01 2>err &&
	grep_message "clue: unknown value \"来信\"; expected one of: visit (visit)" err &&
	expect_status 65 case-open --today 2022-11-10 --household HY0101001 --clue cadre 2>err &&
	grep_message "--clue-on: missing; when did the clue come?" err &&
	expect_status 65 case-open --today 2022-11-10 --household HY0101001 --clue cadre --clue-on 2022-11-11 2>err &&
	grep_message "--clue-on: 2022-11-11 is after today (2022-11-10)" err &&
	expect_status 65 case-open --today 2022-11-10 --household HY0101001 --clue cadre --clue-on 2022-11-01 --risks 因病,因穷 2>err &&
	grep_message "risks: unknown value \"因穷\"; expected one of: illness (illness)" err &&
	expect_status 65 case-open --today 2022-11-10 --household HY0103003 --type 风险消除 --clue cadre --clue-on 2022-11-01 --risks 因病 2>err &&
	grep_message "risks: a monitor type and risks go with an inclusion, not a risk elimination" err &&
	store_unchanged
'

test_case 'all or nothing: one bad clue in a file writes none' '
	seed &&
	printf "household_id,clue,clue_on\nHY0101001,cadre,2022-11-01\nHY0101002,cadre,2022-13-01\n" >clues.csv &&
	expect_status 65 case-open --today 2022-11-10 clues.csv >out 2>err &&
	err_is err "case-open: clues.csv:3: clue_on: not a date: \"2022-13-01\" (write 2022-11-01)" \
		"case-open: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'the messages in Chinese' '
	seed &&
	expect_status 65 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 case-open --today 2022-11-10 \
		--household HY0103003 --clue cadre --clue-on 2022-11-01 2>err &&
	grep_message "HY0103003 已是监测户" err &&
	store_unchanged
'

test_case '--limit sets the county'"'"'s limits, audited with --reason; a bad one or none is a usage error' '
	seed &&
	store_dump >before &&
	expect_status 64 case-open --limit decision_days=20 2>err &&
	grep_message "^case-open: --reason: say why the county changed it (its document); it is kept in the audit log$" err &&
	expect_status 64 case-open --limit decision_days=20 --reason " 　" 2>err &&
	grep_message "say why the county changed it" err &&
	expect_status 64 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 case-open --limit decision_days=20 2>err &&
	grep_message "^case-open: --reason：写明县里修改的依据（文件文号）；记入审计日志$" err &&
	expect_status 64 case-open --reason 县文件 --household HY0101001 --clue cadre --clue-on 2022-11-01 2>err &&
	grep_message "^case-open: --reason goes with --limit: a clue is corrected by its case${SQ}s steps (case-step)$" err &&
	expect_status 64 env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 case-open --reason 县文件 --household HY0101001 --clue cadre --clue-on 2022-11-01 2>err &&
	grep_message "^case-open: --reason 与 --limit 一起用" err &&
	store_unchanged &&
	case-open --limit decision_days=20 --limit posting_days=7 --reason " 县防返贫监测办〔2022〕3号 " --by 县监测办 2>err &&
	sqlite3 "$RENKE_DB" "select name, value from county_setting where name in (${SQ}decision_days${SQ}, ${SQ}posting_days${SQ}, ${SQ}stable_months${SQ}, ${SQ}unfollowed_days${SQ}) order by name" >actual &&
	printf "decision_days|20\nposting_days|7\nstable_months|6\nunfollowed_days|3\n" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "select who, entity_id, field, old, new from audit where entity = ${SQ}county_setting${SQ} order by seq" >actual &&
	cat >expect <<-\EOT &&
	县监测办|decision_days|value|15|20
	县监测办|decision_days|reason||县防返贫监测办〔2022〕3号
	县监测办|posting_days|value|5|7
	县监测办|posting_days|reason||县防返贫监测办〔2022〕3号
	EOT
	test_cmp expect actual &&
	store_dump >before &&
	expect_status 64 case-open --reason r --limit posting_days 2>err &&
	grep_message "limit: not name=number (0 to 3650): \"posting_days\"" err &&
	expect_status 65 case-open --reason r --limit posting=3 2>err &&
	grep_message "no limit called posting; the limits are decision_days, posting_days, unfollowed_days, stable_months" err &&
	expect_status 64 case-open --reason r --limit posting_days=3 --household HY0101001 2>err &&
	grep_message "give no clue with it" err &&
	store_unchanged
'

# ---- visit-log --flagged --as cases ----

CLUE_HEADER=household_id,case_type,clue,clue_on,recorder,detail

test_case 'visit-log --flagged --as cases: one clue a household, the earliest; piped into case-open' '
	seed &&
	cat >visits.csv <<-\EOC &&
	household_id,visit_date,visitor,round,risk_level,monitor_suggested,medical
	HY0101001,2022-11-01,张干部,r,medium,yes,yes
	HY0101001,2022-11-02,李书记,r,high,no,yes
	HY0101002,2022-11-03,张干部,r,low,no,no
	HY0101003,2022-11-04,张干部,r,none,yes,yes
	HY0103003,2022-11-04,张干部,r,high,yes,yes
	EOC
	visit-log -q --today 2022-11-10 --flagged --as cases visits.csv >clues &&
	{
		echo "$CLUE_HEADER" &&
		echo "HY0101001,inclusion,visit,2022-11-01,张干部,走访发现：有返贫风险（中）；建议纳入监测" &&
		echo "HY0101003,inclusion,visit,2022-11-04,张干部,走访发现：建议纳入监测"
	} >expect &&
	test_cmp expect clues &&
	case-open -q --today 2022-11-10 -f csv <clues >out &&
	test_line_count 3 out &&
	visit-log --flagged --as cases --since 2022-01-01 >again &&
	echo "$CLUE_HEADER" >expect &&
	test_cmp expect again &&
	visit-log -q --today 2022-11-10 --flagged visits.csv >issues &&
	head -n 1 issues >actual &&
	echo "kind,category,title,detail,urgency,village,village_group,household_id,reporter,owner,source,source_ref" >expect &&
	test_cmp expect actual
'

test_case 'visit-log --as: a bad value and --as without --flagged are usage errors' '
	seed &&
	expect_status 64 visit-log --flagged --as tasks --since 2022-01-01 2>err &&
	grep_message "as: issues or cases, not \"tasks\"" err &&
	expect_status 64 visit-log --as cases --since 2022-01-01 2>err &&
	grep_message "as goes with --flagged" err &&
	store_unchanged
'

test_done
