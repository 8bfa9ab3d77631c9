#!/bin/sh
#
# meeting-log --suggestion TEXT: the suggestions of a meeting typed on the
# command line, one option each, become its issues as the records of a
# suggestions file do; a word after the options is still a file name

. "$(dirname "$0")/lib.sh"

# courtyard ARGS...: a courtyard meeting of 石门村 3社 on 2022-11-20
courtyard() {
	meeting-log --today 2022-11-20 --kind 院坝会 --village 石门村 --group 3社 "$@"
}

test_case 'each --suggestion is an issue of the meeting, with the defaults of the options' '
	example_households &&
	courtyard --owner 村委会 --category 基础设施 --urgency 重要 \
		--suggestion 修通2社到3社的便道 --suggestion "  安装路灯 " >out 2>err &&
	err_is err "meeting-log: 2 suggestions read: added 2, updated 0, unchanged 0, differ 0, bad 0" &&
	csv_column 8 out >suggestions &&
	printf "%s\n" suggestions 2 >expect &&
	test_cmp expect suggestions &&
	sqlite3 "$RENKE_DB" "SELECT id, kind, title, category, urgency, owner, source, source_ref, opened_on FROM issue ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	1|suggestion|修通2社到3社的便道|infrastructure|important|村委会|courtyard|meeting:1|2022-11-20
	2|suggestion|安装路灯|infrastructure|important|村委会|courtyard|meeting:1|2022-11-20
	EOF
	test_cmp expect actual
'

test_case 'the same suggestions again, or one given twice, add nothing' '
	example_households &&
	courtyard -q --owner 村委会 --suggestion 安装路灯 >/dev/null &&
	store_dump >before &&
	courtyard --owner 村委会 --suggestion 安装路灯 --suggestion 安装路灯 >/dev/null 2>err &&
	err_is err "meeting-log: meeting 1 was already in the store" \
		"meeting-log: 2 suggestions read: added 0, updated 0, unchanged 2, differ 0, bad 0" &&
	store_unchanged
'

test_case '--suggestion with a suggestions file: the command line first, then the file' '
	example_households &&
	printf "%s\n" "标题,反映人,类别" "修路,张三,基础设施" >in.csv &&
	courtyard -q --owner 村委会 --category 人居环境 --suggestion 安装路灯 in.csv >/dev/null &&
	sqlite3 "$RENKE_DB" "SELECT id, title, reporter, category FROM issue ORDER BY id" >actual &&
	printf "%s\n" "1|安装路灯||environment" "2|修路|张三|infrastructure" >expect &&
	test_cmp expect actual
'

test_case 'a word after the options is still a file name, not a suggestion' '
	example_households &&
	store_dump >before &&
	expect_status 66 courtyard --owner 村委会 安装路灯 >out 2>err &&
	grep_message "^meeting-log: 安装路灯: No such file or directory" err &&
	test_must_be_empty out &&
	store_unchanged
'

test_case 'a bad --suggestion is named by its text, masked; nothing is written, not even the meeting' '
	example_households &&
	store_dump >before &&
	expect_status 65 courtyard --suggestion 安装路灯 --suggestion "联系13800001234" >out 2>err &&
	err_is err \
		"meeting-log: --suggestion 安装路灯: owner: missing; every issue needs someone responsible (--owner gives a default)" \
		"meeting-log: --suggestion 联系138****1234: owner: missing; every issue needs someone responsible (--owner gives a default)" \
		"meeting-log: 2 bad records; nothing was written" &&
	test_must_be_empty out &&
	store_unchanged
'

test_case 'a blank --suggestion is a usage error, in C and zh_CN; the store is unchanged' '
	example_households &&
	store_dump >before &&
	expect_status 64 courtyard --owner 村委会 --suggestion 安装路灯 --suggestion "　 " >out 2>err &&
	err_is err "meeting-log: --suggestion: say what was suggested; it is the title of an issue" \
		"Try ${SQ}meeting-log -h${SQ} for more information." &&
	zh_locale &&
	expect_status 64 courtyard --owner 村委会 --suggestion "" 2>err &&
	err_is err "meeting-log: --suggestion: 请写明提了什么建议；它就是问题的标题" \
		"运行“meeting-log -h”查看详细说明。" &&
	test_must_be_empty out &&
	store_unchanged
'

test_case '--dry-run checks the suggestions and writes nothing' '
	example_households &&
	store_dump >before &&
	courtyard --dry-run --owner 村委会 --suggestion 安装路灯 >out 2>err &&
	err_is err "meeting-log: dry run, nothing written: 1 suggestions read: would add 1, would update 0, unchanged 0, differ 0, bad 0" &&
	test_must_be_empty out &&
	store_unchanged
'

test_done
