#!/bin/sh
# t0820-man-zh-punct.sh -- Chinese punctuation closing a macro line of a
# Chinese man page is written after Ns (".Fl \-today Ns ："), and outside
# an enclosure (".So X Sc Ns ，"); scripts/lint-man-zh refuses the rest,
# and no page of man/zh_CN has any left.

. "$(dirname "$0")/lib.sh"

MAN_DIR=$TOP/man
sed -n "1,/^\.Sh DESCRIPTION/p" "$MAN_DIR/zh_CN/man1/household-list.1" >"$TRASH/head.1"
n=$(wc -l <"$TRASH/head.1")

test_case 'a flag, a name, a command word and a page followed by Chinese punctuation are refused' '
	{ cat "$TRASH/head.1" &&
	  printf "%s\n" "默认为" ".Fl \\-today ：" "见" ".Nm 。" ".Cm table ，" ".Xr renke 7 、" \
		".Op Fl \\-reveal ；" ".It Fl \\-by Ar name ）"
	} >bad.1 &&
	expect_status 1 sh "$TOP/scripts/lint-man-zh" bad.1 >out 2>err &&
	test_must_be_empty out &&
	err_is err "bad.1:$((n + 2)): Chinese punctuation as an argument of .Fl; write ... Ns ：: .Fl \\-today ：" \
		"bad.1:$((n + 4)): Chinese punctuation as an argument of .Nm; write ... Ns 。: .Nm 。" \
		"bad.1:$((n + 5)): Chinese punctuation as an argument of .Cm; write ... Ns ，: .Cm table ，" \
		"bad.1:$((n + 6)): Chinese punctuation as an argument of .Xr; write ... Ns 、: .Xr renke 7 、" \
		"bad.1:$((n + 7)): Chinese punctuation inside .Op; write .Oo ... Oc Ns ；: .Op Fl \\-reveal ；" \
		"bad.1:$((n + 8)): Chinese punctuation as an argument of .It; write ... Ns ）: .It Fl \\-by Ar name ）" &&
	# what the lint prevents: the dash mandoc adds, the name lost
	mandoc -Tutf8 bad.1 | col -b >page &&
	grep -q -- "--today -：" page &&
	! grep -q "household-list 。" page
'

test_case 'punctuation inside a quote or a literal is refused, the quoted punctuation itself is not' '
	{ cat "$TRASH/head.1" &&
	  printf "%s\n" "计为" ".Dq 不一致 ，" ".Sq Li visit: Ar date Ns ，" ".Ql 2022-11-01 。" \
		"以" ".Sq 、" "或" ".Sq \\&; Ns 、" "分隔"
	} >bad.1 &&
	expect_status 1 sh "$TOP/scripts/lint-man-zh" bad.1 >out 2>err &&
	err_is err "bad.1:$((n + 2)): Chinese punctuation inside .Dq; write .Do ... Dc Ns ，: .Dq 不一致 ，" \
		"bad.1:$((n + 3)): Chinese punctuation inside .Sq; write .So ... Sc Ns ，: .Sq Li visit: Ar date Ns ，" \
		"bad.1:$((n + 4)): Chinese punctuation inside .Ql; write .So Li ... Sc Ns 。: .Ql 2022-11-01 。" \
		"bad.1:$((n + 8)): Chinese punctuation inside .Sq; write .So ... Sc Ns 、: .Sq \\&; Ns 、"
'

test_case 'written after Ns and outside the enclosure, it renders where Chinese puts it' '
	{ cat "$TRASH/head.1" &&
	  printf "%s\n" "默认为" ".Fl \\-today Ns ：" "见" ".Nm Ns 。" ".Cm table Ns ，" \
		".Xr renke 7 Ns 、" ".Oo Fl \\-reveal Oc Ns ；" "计为" ".Do 不一致 Dc Ns ，" \
		".So Li 2022-11-01 Sc Ns 。" "以" ".Sq 、" "或" ".So \\&; Sc Ns 、" "分隔"
	} >good.1 &&
	sh "$TOP/scripts/lint-man-zh" good.1 2>err &&
	test_must_be_empty err &&
	mandoc -Tutf8 good.1 | col -b | tr -s " \n" "  " >page &&
	grep -q -- "默认为 --today： 见 household-list。 table， renke(7)、 \[--reveal\]； 计为 “不一致”， ‘2022-11-01’。 以 ‘、’ 或 ‘;’、 分隔" page
'

test_case 'no Chinese page has Chinese punctuation as a macro argument' '
	sh "$TOP/scripts/lint-man-zh" "$MAN_DIR"/zh_CN/man*/*.[0-9] &&
	! grep -rn "^\.Fl [^ ]* [：，。；、]\$" "$MAN_DIR/zh_CN"
'

test_done
