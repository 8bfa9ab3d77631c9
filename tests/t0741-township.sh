#!/bin/sh
#
# place-edit township NAME names the township a store is kept for, the
# name reports give in their titles: audited with who and why, the same
# name again changes nothing, a name of more than one line is refused.
# A ledger printed for a notice board (report-gen issues, visits,
# households, meetings -f html) is headed by the township, the place, the
# other filters, the date as printed and the count of its rows.

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
	grep -q "<h1>Summary of 石门镇</h1>" page.html &&
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

# heading FILE: the heading of the HTML page FILE, its title and lines
heading() {
	sed -n -e "s|^<title>\(.*\)</title>\$|title \1|p" \
		-e "s|^<h1>\(.*\)</h1>\$|h1 \1|p" \
		-e "s|^<p class=\"heading\">\(.*\)</p>\$|p \1|p" "$1"
}

# rows FILE: the table rows of the HTML page FILE, its header left out
rows() {
	echo $(($(grep -o "<tr>" "$1" | wc -l) - 1))
}

test_case 'zh_CN: the household ledger of a village and group is headed for the notice board' '
	example_households &&
	place-edit -q --reason 建库 township 石门镇 &&
	zh_locale &&
	report-gen households -f html --today 2022-11-30 --village 石门村 --group 3社 \
		--category 脱贫户 >page.html &&
	heading page.html >actual &&
	test "$(rows page.html)" -eq 3 &&
	cat >expect <<-\EOF &&
	title 石门镇 农户台账
	h1 石门镇 农户台账
	p 村（社区）：石门村 3社
	p 筛选条件：类别：脱贫户
	p 日期：2022年11月30日
	p 共3户
	EOF
	test_cmp expect actual &&
	report-gen households -f csv --village 石门村 --group 3社 --category 脱贫户 >out.csv &&
	test_line_count 4 out.csv &&
	head -n 1 out.csv | grep -q "^household_id,"
'

test_case 'C: the issue ledger names its filters; an empty one counts none' '
	example_households &&
	place-edit -q --reason 建库 township 石门镇 &&
	issue-add -q --today 2022-11-20 --title 修路 --owner 村委会 --village 石门村 >/dev/null &&
	report-gen issues -f html --today 2022-11-30 --status open --owner 村委会 \
		--since 2022-11-01 --until 2022-11-30 >page.html &&
	heading page.html >actual &&
	test "$(rows page.html)" -eq 1 &&
	cat >expect <<-\EOF &&
	title 石门镇 Issue ledger
	h1 石门镇 Issue ledger
	p Village: all
	p Filters: status: open; owner: 村委会; dated from: 2022-11-01; dated to: 2022-11-30
	p Date: 2022-11-30
	p 1 issue in all
	EOF
	test_cmp expect actual &&
	report-gen meetings -f html --today 2022-11-30 >page.html &&
	heading page.html >actual &&
	printf "%s\n" "title 石门镇 Meeting ledger" "h1 石门镇 Meeting ledger" \
		"p Village: all" "p Date: 2022-11-30" "p 0 meetings in all" >expect &&
	test_cmp expect actual &&
	test "$(rows page.html)" -eq 0 &&
	tail -n 1 page.html | grep -q "^</html>$"
'

test_case 'a county roll-up: both townships in the title, the total row not counted' '
	example_households &&
	place-edit -q --reason 建库 township 石门镇 &&
	RENKE_DB=other.db household-add -q --id LD0101001 --village 龙洞村 --head 王成 --new-village &&
	RENKE_DB=other.db place-edit -q --reason 建库 township 龙洞乡 &&
	report-gen -d "$RENKE_DB" -d other.db households -f html --today 2022-11-30 >page.html &&
	heading page.html >actual &&
	printf "%s\n" "title 石门镇, 龙洞乡 Household ledger" "h1 石门镇, 龙洞乡 Household ledger" \
		"p Village: all" "p Date: 2022-11-30" "p 351 households in all" >expect &&
	test_cmp expect actual &&
	test "$(rows page.html)" -eq 352
'

test_done
