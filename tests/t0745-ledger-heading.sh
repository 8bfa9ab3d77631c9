#!/bin/sh
# t0745-ledger-heading.sh -- household-list -f html is headed as the
# other ledgers are: township and ledger, village/group, the filters in
# words (ID and phone numbers masked), the date and the count; and every
# ledger's workbook carries the same in its title rows, one a row, above
# the frozen header.  Read back with python3-openpyxl.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# rows.py FILE: the frozen pane, print titles, merged ranges, then the
# title rows (above the header) and the number of rows under the header
cat >"$TRASH/rows.py" <<\EOF
import sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
header = int(ws.freeze_panes[1:]) - 1
print("freeze", ws.freeze_panes, "titles", ws.print_title_rows,
      "filter", ws.auto_filter.ref)
print("merged", " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
for r in range(1, header):
    print(ws.cell(row=r, column=1).value)
print("header", ws.cell(row=header, column=1).value)
print("records", ws.max_row - header)
EOF

township() {
	store_cache town '
		household-add -q "$EXAMPLES/households.csv" &&
		sh "$EXAMPLES/ledger-life.sh" >/dev/null 2>&1 &&
		place-edit -q --reason 设置乡镇名称 township 石门镇'
}

# rows FILE: the records of an HTML page
rows() {
	grep -c "^<tr><td" "$1"
}

test_case 'zh_CN: household-list -f html says township, place, filters, date and count' '
	township && zh_locale &&
	household-list --today 2022-11-30 --village 后叶村 --group 2社 --category 脱贫户 \
		-f html >page.html &&
	grep "^<h1>\|class=\"heading\"" page.html >heading &&
	n=$(rows page.html) && test "$n" -gt 0 &&
	cat >expect <<-EOF &&
	<h1>石门镇 农户台账</h1>
	<p class="heading">村（社区）：后叶村 2社</p>
	<p class="heading">筛选条件：类别：脱贫户</p>
	<p class="heading">日期：2022年11月30日</p>
	<p class="heading">共${n}户</p>
	EOF
	test_cmp expect heading &&
	grep -q "<title>石门镇 农户台账</title>" page.html
'

test_case 'zh_CN: a person sought by name, ID number and phone: the numbers masked' '
	township && zh_locale &&
	household-list --today 2022-11-30 --name 何玉勇 --id-number 500235194109190010 \
		--phone 15478480480 -f html >page.html &&
	grep -F "<p class=\"heading\">筛选条件：姓名：何玉勇；身份证号：500235********0010；联系电话：154****0480</p>" page.html &&
	grep -q "<p class=\"heading\">共1户</p>" page.html &&
	! grep -q "500235194109190010\|15478480480" page.html
'

test_case 'C: the heading in English, no filter line without filters; a count of none' '
	township &&
	household-list --today 2022-11-30 -f html >page.html &&
	grep "^<h1>\|class=\"heading\"" page.html >heading &&
	cat >expect <<-\EOF &&
	<h1>石门镇 Household ledger</h1>
	<p class="heading">Village: all</p>
	<p class="heading">Date: 2022-11-30</p>
	<p class="heading">350 households in all</p>
	EOF
	test_cmp expect heading &&
	household-list --today 2022-11-30 --id 无此户 -f html >none.html 2>err &&
	grep -q "<p class=\"heading\">0 households in all</p>" none.html
'

test_case 'zh_CN: household-list -f xlsx: the same in title rows, one a row, above the frozen header' '
	township && zh_locale &&
	household-list --today 2022-11-30 --village 后叶村 --category 脱贫户 -f xlsx -o list.xlsx &&
	household-list --today 2022-11-30 --village 后叶村 --category 脱贫户 -f csv >list.csv &&
	n=$(($(wc -l <list.csv) - 1)) &&
	"$PY" "$TRASH/rows.py" list.xlsx >got &&
	cat >expect <<-EOF &&
	freeze A7 titles \$6:\$6 filter A6:J$((6 + n))
	merged A1:J1 A2:J2 A3:J3 A4:J4 A5:J5
	石门镇 农户台账
	村（社区）：后叶村
	筛选条件：类别：脱贫户
	日期：2022年11月30日
	共${n}户
	header 户编号
	records $n
	EOF
	test_cmp expect got
'

test_case 'report-gen issues -f xlsx: its filters and count in the title rows' '
	township && zh_locale &&
	report-gen --today 2022-11-30 issues --kind 意见建议 -f xlsx -o issues.xlsx &&
	report-gen --today 2022-11-30 issues --kind 意见建议 -f csv >issues.csv &&
	n=$(($(wc -l <issues.csv) - 1)) && test "$n" -gt 0 &&
	"$PY" "$TRASH/rows.py" issues.xlsx | sed -n "3,8p" >got &&
	cat >expect <<-EOF &&
	石门镇 问题台账
	村（社区）：全部
	筛选条件：类型：意见建议
	日期：2022年11月30日
	共${n}个问题
	header 编号
	EOF
	test_cmp expect got
'

test_case 'a workbook of no ledger is headed too, without a count when its rows are no records (t0748)' '
	township &&
	visit-log --today 2022-11-30 --coverage -f xlsx -o coverage.xlsx &&
	"$PY" "$TRASH/rows.py" coverage.xlsx | sed -n "1p;3,5p" >got &&
	sed -n 1p got | grep -q "^freeze A5 titles \$4:\$4 " &&
	sed 1d got >heading &&
	printf "%s\n" "石门镇 Visit coverage" "Village: all" "Date: 2022-11-30" >expect &&
	test_cmp expect heading
'

test_case 'a village not in the store: refused, no page, no workbook, the store unchanged' '
	township && store_dump >before &&
	expect_status 65 household-list --village 无此村 -f html >page.html 2>err &&
	test_must_be_empty page.html &&
	expect_status 65 household-list --village 无此村 -f xlsx -o none.xlsx 2>err &&
	test_path_is_missing none.xlsx &&
	store_unchanged
'

test_done
