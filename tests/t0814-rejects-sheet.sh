#!/bin/sh
#
# The rejects file is a sheet for the clerk to mend in Excel or WPS and
# read again: the reason first, in the user's language, then the line,
# then the input's own columns headed as in the input; written in the
# input's encoding (GB18030 in, GB18030 out), with a BOM when the input
# had one.  Read again once mended, its own three columns are left out.

. "$(dirname "$0")/lib.sh"

# gb18030 FILE: FILE (UTF-8 text on standard input) in GB18030
gb18030() {
	iconv -f UTF-8 -t GB18030 >"$1"
}

# is_gb18030 FILE: FILE holds Chinese in GB18030, not UTF-8
is_gb18030() {
	! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 &&
	iconv -f GB18030 -t UTF-8 "$1" >/dev/null
}

# first_bytes N FILE: the first N bytes of FILE in hex
first_bytes() {
	head -c "$1" "$2" | od -An -tx1 | tr -d " \n"
}

BOM=efbbbf

bad_households() {
	printf "%s\n" "户号,村,人口" "G1,甲村,1" "G2,甲村,x" "G3,,2" "G4,乙村,3"
}

test_case 'zh_CN, GB18030 in: a GB18030 sheet headed as the input, the reason first and in Chinese' '
	zh_locale &&
	bad_households | gb18030 in.csv &&
	household-add -q --skip-bad --rejects rej.csv in.csv 2>err &&
	is_gb18030 rej.csv &&
	test "$(first_bytes 3 rej.csv)" != "$BOM" &&
	iconv -f GB18030 -t UTF-8 rej.csv >actual &&
	cat >expect <<-\EOF &&
	错误原因,行号,户号,村,人口,原文
	人口: 不是1到99之间的整数,3,G2,甲村,x,
	村: 未填写；每户都必须属于一个村(社区),4,G3,,2,
	EOF
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT household_id FROM household ORDER BY 1" >actual &&
	printf "%s\n" G1 G4 >expect &&
	test_cmp expect actual
'

test_case 'C, GB18030 in: English headings and reasons, the input still in GB18030' '
	bad_households | gb18030 in.csv &&
	household-add -q --skip-bad --rejects rej.csv in.csv 2>err &&
	is_gb18030 rej.csv &&
	iconv -f GB18030 -t UTF-8 rej.csv >actual &&
	cat >expect <<-\EOF &&
	error,line,户号,村,人口,raw
	人口: not a whole number from 1 to 99,3,G2,甲村,x,
	村: missing; every household belongs to a village,4,G3,,2,
	EOF
	test_cmp expect actual
'

test_case 'a GB18030 file with its byte-order mark gets one back' '
	zh_locale &&
	{ printf "\357\273\277" && bad_households; } | gb18030 in.csv &&
	test "$(first_bytes 4 in.csv)" = 84319533 &&
	household-add -q --skip-bad --rejects rej.csv in.csv &&
	test "$(first_bytes 4 rej.csv)" = 84319533 &&
	iconv -f GB18030 -t UTF-8 rej.csv | sed -n "2p" >actual &&
	echo "人口: 不是1到99之间的整数,3,G2,甲村,x," >expect &&
	test_cmp expect actual
'

test_case 'UTF-8 with a BOM in: UTF-8 with a BOM out; without one, none' '
	zh_locale &&
	{ printf "\357\273\277" && bad_households; } >bom.csv &&
	household-add -q --skip-bad --rejects rej.csv bom.csv &&
	test "$(first_bytes 3 rej.csv)" = "$BOM" &&
	iconv -f UTF-8 -t UTF-8 rej.csv >/dev/null &&
	csv_column 1 rej.csv >actual &&
	printf "%s\n" 错误原因 "人口: 不是1到99之间的整数" "村: 未填写；每户都必须属于一个村(社区)" >expect &&
	test_cmp expect actual &&
	bad_households | sed "s/G/H/" >plain.csv &&
	household-add -q --skip-bad --rejects rej2.csv plain.csv &&
	test "$(first_bytes 3 rej2.csv)" = "$(printf 错 | od -An -tx1 | tr -d " \n")"
'

test_case 'the encoding is the file'"'"'s, even when its bad records came before its first Chinese' '
	zh_locale &&
	printf "%s\n" household_id,village,members A1,V1,x A2,V1,y A3,甲村,1 | gb18030 late.csv &&
	household-add -q --skip-bad --rejects rej.csv late.csv &&
	is_gb18030 rej.csv &&
	test "$(first_bytes 3 rej.csv)" != "$BOM" &&
	iconv -f GB18030 -t UTF-8 rej.csv >actual &&
	cat >expect <<-\EOF &&
	错误原因,行号,household_id,village,members,原文
	members: 不是1到99之间的整数,2,A1,V1,x,
	members: 不是1到99之间的整数,3,A2,V1,y,
	EOF
	test_cmp expect actual
'

test_case 'ASCII in: ASCII out under C; under zh_CN UTF-8 with a BOM, which Excel reads' '
	printf "%s\n" household_id,village,members A1,V1,x A2,V1,1 >ascii.csv &&
	household-add -q --skip-bad --rejects rej.csv ascii.csv &&
	cat >expect <<-\EOF &&
	error,line,household_id,village,members,raw
	members: not a whole number from 1 to 99,2,A1,V1,x,
	EOF
	test_cmp expect rej.csv &&
	zh_locale &&
	household-add -q --skip-bad --rejects rej2.csv ascii.csv &&
	test "$(first_bytes 3 rej2.csv)" = "$BOM" &&
	csv_column 1 rej2.csv >actual &&
	printf "%s\n" 错误原因 "members: 不是1到99之间的整数" >expect &&
	test_cmp expect actual
'

test_case 'a workbook'"'"'s bad rows: UTF-8 with a BOM, headed as the sheet' '
	zh_locale &&
	bad_households >in.csv &&
	gen-workbook in.csv in.xlsx &&
	household-add -q --skip-bad --rejects rej.csv in.xlsx &&
	test "$(first_bytes 3 rej.csv)" = "$BOM" &&
	sed -n "1p" rej.csv | sed "s/^\xef\xbb\xbf//" >actual &&
	echo "错误原因,行号,户号,村,人口,原文" >expect &&
	test_cmp expect actual &&
	csv_column 2 rej.csv >actual &&
	printf "%s\n" 行号 3 4 >expect &&
	test_cmp expect actual
'

test_case 'the sheet, mended, is read again as it is, its own columns left out' '
	zh_locale &&
	bad_households | gb18030 in.csv &&
	household-add -q --skip-bad --rejects rej.csv in.csv &&
	iconv -f GB18030 -t UTF-8 rej.csv | sed "s/,x,$/,3,/; s/,G3,,2,/,G3,甲村,2,/" | gb18030 mended.csv &&
	household-add mended.csv 2>err &&
	grep_message "^household-add: 读入户信息2条：新增2，更新0，无变化0，不一致0，有误0$" err &&
	sqlite3 "$RENKE_DB" "SELECT household_id, members FROM household ORDER BY 1" >actual &&
	printf "%s\n" "G1|1" "G2|3" "G3|2" "G4|3" >expect &&
	test_cmp expect actual &&
	LANG=C.UTF-8 LC_ALL=C.UTF-8 household-add --upsert mended.csv 2>err &&
	grep_message "^household-add: 2 households read: added 0, updated 0, unchanged 2" err
'

test_case 'only a rejects file'"'"'s own columns are left out: a stray one is still refused' '
	household-add -q --id S1 --village 甲村 --new-village &&
	store_dump >before &&
	printf "%s\n" line,household_id,village,raw 2,A1,甲村, >stray.csv &&
	expect_status 65 household-add stray.csv 2>err &&
	grep_message "^household-add: stray.csv:1: line: unknown column$" err &&
	printf "%s\n" error,line,household_id,village 2,3,A1,甲村 >noraw.csv &&
	expect_status 65 household-add noraw.csv 2>err &&
	grep_message "^household-add: noraw.csv:1: error: unknown column$" err &&
	zh_locale &&
	expect_status 65 household-add stray.csv 2>err &&
	grep_message "^household-add: stray.csv:1: line: 无法识别的列$" err &&
	store_unchanged
'

test_done
