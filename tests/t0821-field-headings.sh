#!/bin/sh
# t0821-field-headings.sh -- under zh_CN a message names a field of the
# command line by its Chinese heading (部门比对结果 for --answers,
# 异议情况 for --objections, 责任人 for a suggestion's owner), under C by
# the option typed; the record is refused (65) and the store unchanged.
# Every field of the step and support records has a heading: the unit
# test test-field-headings.

. "$(dirname "$0")/lib.sh"

crosscheck() {
	case-step --today 2022-12-01 --case 6 --step 信息比对 --date 2022-11-30 "$@"
}

test_case 'zh_CN: a cross-check without answers names them 部门比对结果' '
	example_cases && store_dump >before && zh_locale &&
	expect_status 65 crosscheck >out 2>err &&
	test_must_be_empty out &&
	err_is err "case-step: 命令行: 部门比对结果: 缺失；信息比对须记录各部门的比对结果" \
		"case-step: 1条记录有误；未写入任何数据" &&
	store_unchanged
'

test_case 'C: a cross-check without answers names the option' '
	example_cases && store_dump >before &&
	expect_status 65 crosscheck >out 2>err &&
	grep_message "^case-step: command line: --answers: missing" err &&
	store_unchanged
'

test_case 'zh_CN: objections on a cross-check are named 异议情况, under C --objections' '
	example_cases && store_dump >before &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 \
		crosscheck --answers 医保:自付3万元 --objections 无 >out 2>err &&
	err_is err "case-step: 命令行: 异议情况: 属于公示环节，不属于信息比对环节" \
		"case-step: 1条记录有误；未写入任何数据" &&
	expect_status 65 crosscheck --answers 医保:自付3万元 --objections 无 2>err &&
	err_is err "case-step: command line: --objections: belongs to the public posting, not the data cross-check" \
		"case-step: 1 bad record; nothing was written" &&
	store_unchanged
'

test_case 'zh_CN: a suggestion with no owner names 责任人, under C owner' '
	example_cases && store_dump >before &&
	courtyard() {
		meeting-log --today 2022-11-30 --kind 院坝会 --village 后叶村 --group 2社 \
			--date 2022-11-30 --suggestion 修路
	} &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 courtyard >out 2>err &&
	err_is err "meeting-log: --suggestion 修路: 责任人: 未填写；每个问题都必须有责任人(可用 --owner 指定默认责任人)" \
		"meeting-log: 1条记录有误；未写入任何数据" &&
	! grep -q "owner:" err &&
	expect_status 65 courtyard 2>err &&
	grep_message "^meeting-log: --suggestion 修路: owner: missing" err &&
	store_unchanged
'

test_case 'zh_CN: a step file missing the answers column names it by heading' '
	example_cases && store_dump >before && zh_locale &&
	printf "%s\n" "案件编号,步骤,日期,经办人" "6,信息比对,2022-11-30,王强" >steps.csv &&
	expect_status 65 case-step --today 2022-12-01 steps.csv 2>err &&
	grep_message "部门比对结果: 缺失" err &&
	! LC_ALL=C grep -q "answers" err &&
	store_unchanged
'

test_done
