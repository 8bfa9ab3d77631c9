#!/bin/sh
# t0822-field-kinds.sh -- a field name two kinds of record share is named
# by each kind's own heading: a visit's housing is 住房安全 (is housing
# safe), a monitoring case's home check 住房情况 (the housing seen), in
# messages and in the changes report; under C both are the option typed.
# Every shared field of every kind: the unit test test-field-headings.

. "$(dirname "$0")/lib.sh"

visit() {
	visit-log --today 2022-12-01 --household HY0101001 --date 2022-11-30 \
		--visitor 王强 --round 1 "$@"
}

crosscheck() {
	case-step --today 2022-12-01 --case 6 --step 信息比对 --date 2022-11-30 \
		--answers 医保:无 "$@"
}

test_case 'zh_CN: housing is 住房安全 in visit-log, 住房情况 in case-step' '
	example_cases && store_dump >before && zh_locale &&
	expect_status 65 visit --housing maybe >out 2>err &&
	test_must_be_empty out &&
	err_is err "visit-log: 命令行: 住房安全: 未知取值“maybe”；应为下列之一：yes（是）、no（否）、na（无）" \
		"visit-log: 1条记录有误；未写入任何数据" &&
	expect_status 65 crosscheck --housing 砖房 >out 2>err &&
	test_must_be_empty out &&
	err_is err "case-step: 命令行: 住房情况: 属于入户核实环节，不属于信息比对环节" \
		"case-step: 1条记录有误；未写入任何数据" &&
	store_unchanged
'

test_case 'C: both name the option typed, --housing' '
	example_cases && store_dump >before &&
	expect_status 65 visit --housing maybe >out 2>err &&
	err_is err "visit-log: command line: --housing: unknown value \"maybe\"; expected one of: yes (yes), no (no), na (not applicable)" \
		"visit-log: 1 bad record; nothing was written" &&
	expect_status 65 crosscheck --housing 砖房 >out 2>err &&
	err_is err "case-step: command line: --housing: belongs to the home check, not the data cross-check" \
		"case-step: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'zh_CN: labour is 劳动力情况 in case-step, 劳动技能 in member-add' '
	example_cases && store_dump >before && zh_locale &&
	expect_status 65 crosscheck --labour 两人务工 2>err &&
	grep_message "^case-step: 命令行: 劳动力情况: 属于入户核实环节" err &&
	expect_status 65 member-add --household HY0101001 --name 何小勇 \
		--id-number "$(id_number 50024219900101001)" --labour strong 2>err &&
	grep_message "^member-add: 命令行: 劳动技能: 未知取值“strong”" err &&
	store_unchanged
'

test_case 'zh_CN: a visit corrected reads 住房安全 是 → 否 in the changes report' '
	example_cases && visit -q --housing yes && zh_locale &&
	visit -q --housing no --upsert --reason 复核 &&
	report-gen changes --since 2022-01-01 -f table >out &&
	grep "HY0101001:2022-11-30:王强" out >row &&
	grep -q "走访 .* 修改 *住房安全 *是 *否 .* 复核" row &&
	! grep -q "housing\|住房情况" row &&
	report-gen changes --since 2022-01-01 -f csv >out.csv &&
	grep -q ",visit,HY0101001:2022-11-30:王强,changed,housing,yes,no," out.csv
'

test_case 'a heading reads back as a field of its own kind only: 住房情况 is no visit'"'"'s column' '
	example_households && store_dump >before &&
	printf "%s\n" 户编号,走访日期,走访人,走访轮次,住房情况 \
		HY0101001,2022-11-30,王强,1,否 >v.csv &&
	expect_status 65 visit-log v.csv >out 2>err &&
	test_must_be_empty out &&
	err_is err "visit-log: v.csv:1: 住房情况: unknown column" &&
	sed "1s/住房情况/housing seen/" v.csv >v-en.csv &&
	expect_status 65 visit-log v-en.csv 2>err &&
	err_is err "visit-log: v-en.csv:1: housing seen: unknown column" &&
	printf "%s\n" 户编号,身份证号,姓名,劳动力情况 \
		"HY0101001,$(id_number 50024219900101001),何小勇,普通劳动力" >m.csv &&
	expect_status 65 member-add m.csv 2>err &&
	err_is err "member-add: m.csv:1: 劳动力情况: unknown column" &&
	(zh_locale &&
	expect_status 65 visit-log v.csv >out 2>err &&
	test_must_be_empty out &&
	err_is err "visit-log: v.csv:1: 住房情况: 无法识别的列") &&
	store_unchanged &&
	sed "1s/住房情况/住房安全/" v.csv >own.csv &&
	visit-log -q own.csv &&
	test "$(sqlite3 "$RENKE_DB" "SELECT housing FROM visit")" = no
'

test_done
