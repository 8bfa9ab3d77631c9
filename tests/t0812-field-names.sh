#!/bin/sh
#
# Messages about a record given by options name its fields as the user
# knows them: under zh_CN by the Chinese heading (身份证号), a status by
# its label (待办); under C by the option typed (--id-number) and the
# status code.  Every refusal exits 65 and leaves the store as it was.

. "$(dirname "$0")/lib.sh"

NOTHING_ZH="1条记录有误；未写入任何数据"

# one store for every case: the example households and issue 1, open
RENKE_DB=$TRASH/base.db household-add -q "$EXAMPLES/households.csv" &&
RENKE_DB=$TRASH/base.db issue-add -q --today 2022-11-01 --title 路灯不亮 \
	--owner 王强 --household HY0101001 >/dev/null || exit 1

seed() {
	cp "$TRASH/base.db" "$RENKE_DB" &&
	store_dump >before
}

# refused CMD...: exit 65, nothing on standard output, the store unchanged
refused() {
	expect_status 65 "$@" >out 2>err &&
	test_must_be_empty out &&
	store_unchanged
}

test_case 'C: a field given by an option is named by that option' '
	seed &&
	refused household-add --id X9 --village 石门村 --id-number 500235199001011234 &&
	err_is err "household-add: command line: --id-number: wrong check digit (the last character)" \
		"household-add: 1 bad record; nothing was written" &&
	refused household-add --id X9 --village 石门村 --members 0 &&
	grep_message "^household-add: command line: --members: " err
'

test_case 'zh_CN: a field given by an option is named by its Chinese heading' '
	seed &&
	zh_locale &&
	refused household-add --id X9 --village 石门村 --id-number 500235199001011234 &&
	err_is err "household-add: 命令行: 身份证号: 校验码(最后一位)不正确" "household-add: $NOTHING_ZH" &&
	! grep -q "id_number\|--id-number" err
'

test_case 'C: a field not given is named by the option that gives it' '
	seed &&
	refused issue-add --today 2022-11-01 --title 路灯 --household HY0101001 &&
	grep_message "^issue-add: command line: --owner: missing; " err &&
	refused case-open --today 2022-11-10 --clue 因病 --clue-on 2022-11-01 &&
	grep_message "^case-open: command line: --household: missing; which household?$" err
'

test_case 'zh_CN: a field not given is named by its Chinese heading' '
	seed &&
	zh_locale &&
	refused issue-add --today 2022-11-01 --title 路灯 --household HY0101001 &&
	err_is err "issue-add: 命令行: 责任人: 未填写；每个问题都必须有责任人(可用 --owner 指定默认责任人)" \
		"issue-add: $NOTHING_ZH"
'

test_case 'C: a move the lifecycle refuses names the statuses by code' '
	seed &&
	refused issue-update --today 2022-11-02 --id 1 --status closed &&
	grep_message "^issue-update: command line: --status: issue 1 cannot go from open to closed; from open it may go to: in_progress (in progress), resolved (resolved)," err
'

test_case 'zh_CN: a move the lifecycle refuses names the statuses by label' '
	seed &&
	zh_locale &&
	refused issue-update --today 2022-11-02 --id 1 --status closed &&
	err_is err "issue-update: 命令行: 状态: 问题1不能从“待办”变为“已销号”；“待办”只能变为：in_progress（办理中）、resolved（已解决）、closed_unresolved（承诺限期解决）、withdrawn（已撤销）" \
		"issue-update: $NOTHING_ZH" &&
	refused issue-update --today 2022-11-03 --id 1 --status in_progress --promised-date 2022-12-01 &&
	err_is err "issue-update: 命令行: 承诺时限: 仅在状态改为“承诺限期解决”时填写" "issue-update: $NOTHING_ZH"
'

test_case 'zh_CN: dates out of order and the opening date asked for in Chinese' '
	seed &&
	zh_locale &&
	refused issue-update --today 2022-10-01 --id 1 --status resolved --resolution 已修 &&
	err_is err "issue-update: 命令行: 状态: 解决日期2022-10-01早于登记日期2022-11-01" "issue-update: $NOTHING_ZH" &&
	refused issue-add --today 2022-11-10 --title 路灯 --owner 王强 --due-date 2022-11-01 &&
	err_is err "issue-add: 命令行: 完成时限: 2022-11-01早于问题登记日期(2022-11-10)；较早的问题请填写登记日期(“登记日期”列或 --opened-on 选项)" \
		"issue-add: $NOTHING_ZH"
'

test_case 'C: dates out of order name the columns; the opening date by column and option' '
	seed &&
	refused issue-update --today 2022-10-01 --id 1 --status resolved --resolution 已修 &&
	grep_message "^issue-update: command line: --status: resolved_on 2022-10-01 is before opened_on 2022-11-01$" err &&
	refused issue-add --today 2022-11-10 --title 路灯 --owner 王强 --due-date 2022-11-01 &&
	grep_message "give the date it was opened (column opened_on, option --opened-on)$" err
'

test_case 'zh_CN: a field a file lacks is named by its heading, one it has as the file heads it' '
	seed &&
	zh_locale &&
	printf "户编号,走访日期\nHY0101001,2022-11-01\n" >v.csv &&
	refused visit-log v.csv &&
	err_is err "visit-log: v.csv:2: 走访人: 未填写；每次走访都必须写明走访人" \
		"visit-log: v.csv:2: 轮次: 未填写；每次走访都必须属于一个轮次，如2022-r1" \
		"visit-log: $NOTHING_ZH" &&
	printf "household_id,visit_date,visitor,round\nHY0101001,2022-13-01,王,2022-r1\n" >w.csv &&
	refused visit-log w.csv &&
	err_is err "visit-log: w.csv:2: visit_date: 不是日期：“2022-13-01”；请写成2022-11-01" \
		"visit-log: $NOTHING_ZH"
'

test_case 'C: a field a file lacks is named by its field name' '
	seed &&
	printf "户编号,走访日期\nHY0101001,2022-11-01\n" >v.csv &&
	refused visit-log v.csv &&
	err_is err "visit-log: v.csv:2: visitor: missing; every visit names who visited" \
		"visit-log: v.csv:2: round: missing; every visit belongs to a round, such as 2022-r1" \
		"visit-log: 1 bad record; nothing was written"
'

test_case 'zh_CN: meeting-log names the fields of a meeting and its vote in Chinese' '
	seed &&
	zh_locale &&
	refused meeting-log --today 2022-11-01 --kind 院坝会 --village 石门村 </dev/null &&
	err_is err "meeting-log: 命令行: 村民小组: 未填写；院坝会须在村民小组召开" &&
	refused meeting-log --today 2022-11-01 --kind 村民会议 --village 石门村 --date 2022-11-01 \
		--representatives 3 </dev/null &&
	err_is err "meeting-log: 命令行: 到会人数: 未填写；表决须有代表人数、到会人数、赞成票数、反对票数和弃权票数" &&
	refused meeting-log --today 2022-11-01 --kind 院坝会 --village 石门村 --group 1社 \
		--date 2022-11-01 --representatives 3 </dev/null &&
	err_is err "meeting-log: 命令行: 代表人数: 村规民约须在村民会议上表决(会议类型为“村民会议”)" &&
	refused meeting-log --today 2022-11-01 --kind 村民会议 --village 石门村 --date 2022-11-01 \
		--representatives 3 --present 2 --yes 下 --no 0 --abstain 0 </dev/null &&
	err_is err "meeting-log: 命令行: 赞成票数: 不是有效的数量：“下”"
'

test_case 'C: meeting-log names them by the option typed' '
	seed &&
	refused meeting-log --today 2022-11-01 --kind 村民会议 --village 石门村 --date 2022-11-01 \
		--representatives 3 --present 2 --yes 下 --no 0 --abstain 0 </dev/null &&
	err_is err "meeting-log: command line: --yes: not a count: \"下\"" &&
	refused meeting-log --today 2022-11-01 --village 石门村 </dev/null &&
	err_is err "meeting-log: command line: --kind: missing" &&
	refused meeting-log --today 2022-11-01 --kind 院坝会 --village 石门村 </dev/null &&
	err_is err "meeting-log: command line: --group: missing; a courtyard meeting is held in a villager group" &&
	refused meeting-log --today 2022-11-01 --kind 院坝会 --village 石门村 --group 1社 \
		--date 2022-11-01 --representatives 3 </dev/null &&
	err_is err "meeting-log: command line: --representatives: the village rules are voted at an assembly (--kind assembly)" &&
	refused meeting-log --today 2022-11-01 --kind 村民会议 --village 石门村 --date 2022-11-01 \
		--representatives 3 --present 2 --yes 2 --no 0 --abstain 0 --filed-on 下月 </dev/null &&
	err_is err "meeting-log: command line: --filed-on: \"下月\" is not a date"
'

test_case 'zh_CN: meeting-log names a missing kind and a wrong filing date in Chinese' '
	seed &&
	zh_locale &&
	refused meeting-log --today 2022-11-01 --village 石门村 </dev/null &&
	err_is err "meeting-log: 命令行: 会议类型: 未填写" &&
	refused meeting-log --today 2022-11-01 --kind 座谈会 --village 石门村 </dev/null &&
	grep_message "^meeting-log: 命令行: 会议类型: 未知取值“座谈会”；应为下列之一：representatives（村民代表恳谈会）" err &&
	refused meeting-log --today 2022-11-01 --kind 村民会议 --village 石门村 --date 2022-11-01 \
		--representatives 3 --present 2 --yes 2 --no 0 --abstain 0 --filed-on 下月 </dev/null &&
	err_is err "meeting-log: 命令行: 备案日期: 不是日期：“下月”"
'

test_done
