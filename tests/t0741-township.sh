#!/bin/sh
#
# place-edit township NAME names the township a store is kept for, the
# name reports give in their titles: audited with who and why, the same
# name again changes nothing, a name of more than one line is refused.

. "$(dirname "$0")/lib.sh"

test_case 'the township is named, audited with who and why; reports take the name' '
	example_households &&
	place-edit --by 李霞 --reason 建库 township "  石门镇 " 2>err &&
	err_is err "place-edit: named the township 石门镇" &&
	sqlite3 "$RENKE_DB" "SELECT value FROM meta WHERE key = ${SQ}township${SQ}" >actual &&
	echo 石门镇 >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT who, entity, entity_id, field, old, new FROM audit WHERE entity = ${SQ}township${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "李霞|township|石门镇|name||石门镇" "李霞|township|石门镇|reason||建库" >expect &&
	test_cmp expect actual &&
	report-gen summary --today 2022-11-30 -f html >page.html &&
	grep -q "<h1>石门镇 summary</h1>" page.html &&
	cp "$RENKE_DB" other.db &&
	report-gen -d "$RENKE_DB" -d other.db summary --today 2022-11-30 >sum.csv &&
	grep -c "^石门镇," sum.csv >actual &&
	echo 20 >expect &&
	test_cmp expect actual
'

test_case 'the same name again changes nothing; another renames it, old and new audited' '
	example_households &&
	place-edit -q --reason 建库 township 石门镇 &&
	store_dump >before &&
	place-edit --reason 再次 township 石门镇 2>err &&
	err_is err "place-edit: the township is named 石门镇 already; nothing changed" &&
	store_unchanged &&
	place-edit --dry-run --reason 撤乡建镇 township 石门乡 2>err &&
	err_is err "place-edit: dry run, nothing written: renamed the township 石门镇 to 石门乡" &&
	store_unchanged &&
	zh_locale &&
	place-edit --by 王明 --reason 撤乡建镇 township 石门乡 2>err &&
	err_is err "place-edit: 乡镇名称由石门镇改为石门乡" &&
	sqlite3 "$RENKE_DB" "SELECT who, field, old, new FROM audit WHERE entity = ${SQ}township${SQ} AND entity_id = ${SQ}石门乡${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "王明|name|石门镇|石门乡" "王明|reason||撤乡建镇" >expect &&
	test_cmp expect actual
'

test_case 'a name of more than one line, or "*", is refused: exit 65, C and zh_CN, store unchanged' '
	example_households &&
	place-edit -q --reason 建库 township 石门镇 &&
	store_dump >before &&
	expect_status 65 place-edit --reason 改 township "$(printf "石门镇\nSubject: x")" 2>err &&
	err_is err "place-edit: the township${SQ}s name is one line of text, without control characters" &&
	expect_status 65 place-edit --reason 改 township "*" 2>err &&
	err_is err "place-edit: \"*\" is the name of the total row in reports; give the place its own name" &&
	zh_locale &&
	expect_status 65 place-edit --reason 改 township "$(printf "石门\t镇")" 2>err &&
	err_is err "place-edit: 乡镇名称须为一行文字，不得含控制字符" &&
	store_unchanged
'

test_case 'usage errors: --village, no reason, no name or two: exit 64, store unchanged' '
	example_households &&
	store_dump >before &&
	TRY="Try ${SQ}place-edit -h${SQ} for more information." &&
	expect_status 64 place-edit --reason 建库 --village 石门村 township 石门镇 2>err &&
	err_is err "place-edit: --village goes with a villager group, not with the township" "$TRY" &&
	expect_status 64 place-edit township 石门镇 2>err &&
	err_is err "place-edit: --reason: say why; it is kept in the audit log" "$TRY" &&
	expect_status 64 place-edit --reason 建库 township 石门镇 龙洞乡 2>err &&
	err_is err "place-edit: township takes one name: the township${SQ}s" "$TRY" &&
	zh_locale &&
	expect_status 64 place-edit --reason 建库 township 2>err &&
	err_is err "place-edit: township 只带一个名称：乡镇的名称" "运行“place-edit -h”查看详细说明。" &&
	expect_status 64 place-edit --reason 建库 --village 石门村 township 石门镇 2>err &&
	err_is err "place-edit: --village 用于村民小组，不能与乡镇名称同用" "运行“place-edit -h”查看详细说明。" &&
	store_unchanged
'

test_done
