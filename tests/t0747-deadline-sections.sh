#!/bin/sh
# t0747-deadline-sections.sh -- deadline-check in Markdown, HTML and a
# workbook gives each kind of item a section of its own, under that
# kind's headings: Markdown a "##" heading a kind, HTML one page with an
# <h2> a kind, a workbook a sheet a kind (named by its label under zh_CN,
# its code under C), each headed as the ledgers are (township, place,
# filters, date, count).  CSV and JSON stay one stream with a kind column.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# sheets.py FILE: for each sheet its name, frozen pane, print titles,
# filter and merged title rows, the title rows, the header's first three
# headings, then each record's kind (its first cell)
cat >"$TRASH/sheets.py" <<\EOF
import sys
import openpyxl
for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:
    header = int(ws.freeze_panes[1:]) - 1
    print("sheet", ws.title, ws.freeze_panes, ws.print_title_rows,
          ws.auto_filter.ref, len(ws.merged_cells.ranges))
    for r in range(1, header):
        print(" ", ws.cell(row=r, column=1).value)
    print("  header", " ".join(str(ws.cell(row=header, column=c).value)
                               for c in range(1, 4)))
    for r in range(header + 1, ws.max_row + 1):
        print("  row", ws.cell(row=r, column=1).value)
EOF

# every kind with a worded title, in 石门镇 (deadline_township)
township() {
	deadline_township &&
	store_dump >before
}

# kinds: "label count" for each kind, in deadline-check's order, from its CSV
kinds() {
	expect_status 1 deadline-check --today 2022-12-20 -f csv "$@" >all.csv &&
	sed 1d all.csv | cut -d, -f1 | sort | uniq -c | awk "{ print \$2, \$1 }" >kinds.txt
}

test_case 'zh_CN Markdown: the heading, then a section a kind, each with its own headings and only its rows' '
	township && zh_locale &&
	expect_status 1 deadline-check --today 2022-12-20 -f markdown >out.md &&
	n=$(expect_status 1 deadline-check --today 2022-12-20 -f csv | sed 1d | wc -l) &&
	sed -n 1,7p out.md >heading &&
	cat >expect <<-EOF &&
	# 石门镇 到期与逾期事项

	村（社区）：全部  
	日期：2022年12月20日  
	共${n}项

	## 监测案件超时（1条）
	EOF
	test_cmp expect heading &&
	grep "^## " out.md >sections &&
	printf "%s\n" "## 监测案件超时（1条）" "## 监测建议未跟进（1条）" \
		"## 贷款材料未报送银行（2条）" "## 银行逾期未答复（2条）" \
		"## 回引人才逾期未联系（10条）" >expect &&
	test_cmp expect sections &&
	sed -n "/^## 贷款材料未报送银行/,/^## /p" out.md | grep "^| " >loans &&
	sed -n 1p loans | grep -q "^| 类型 | 贷款 | 待办事项 | 户编号 |" &&
	test "$(sed 1,2d loans | grep -c "^| 贷款材料未报送银行 | 小额信贷:")" -eq 2 &&
	test "$(sed 1,2d loans | wc -l)" -eq 2 &&
	sed -n "/^## 回引人才逾期未联系/,\$p" out.md | sed -n 3p | grep -q "^| 类型 | 返乡人员 | 待办事项 |" &&
	test "$(grep -c "^| 类型 " out.md)" -eq 5 &&
	store_unchanged
'

test_case 'C Markdown: the same in English, the filters in words' '
	township &&
	expect_status 1 deadline-check --today 2022-12-20 --owner 李开丽 --within 3 \
		-f markdown >out.md &&
	sed -n 1,6p out.md >heading &&
	cat >expect <<-\EOF &&
	# 石门镇 Due and overdue

	Village: all  
	Filters: owner: 李开丽; falling due: within 3 days  
	Date: 2022-12-20  
	3 items in all
	EOF
	test_cmp expect heading &&
	grep "^## " out.md >sections &&
	printf "%s\n" "## loan papers not sent: 1" "## returnee uncontacted: 2" >expect &&
	test_cmp expect sections &&
	grep "^| kind " out.md | sed -n 1p | grep -q "^| kind | loan | what is due | household |"
'

test_case 'zh_CN HTML: one page, the heading and an <h2> and a table a kind' '
	township && zh_locale &&
	expect_status 1 deadline-check --today 2022-12-20 -f html >page.html &&
	test "$(grep -c "<html" page.html)" -eq 1 &&
	test "$(grep -c "</html>" page.html)" -eq 1 &&
	grep "^<h1>\|class=\"heading\"" page.html >heading &&
	cat >expect <<-EOF &&
	<h1>石门镇 到期与逾期事项</h1>
	<p class="heading">村（社区）：全部</p>
	<p class="heading">日期：2022年12月20日</p>
	<p class="heading">共16项</p>
	EOF
	test_cmp expect heading &&
	grep "^<h2>" page.html >sections &&
	printf "%s\n" "<h2>监测案件超时（1条）</h2>" "<h2>监测建议未跟进（1条）</h2>" \
		"<h2>贷款材料未报送银行（2条）</h2>" "<h2>银行逾期未答复（2条）</h2>" \
		"<h2>回引人才逾期未联系（10条）</h2>" >expect &&
	test_cmp expect sections &&
	test "$(grep -c "^<table>" page.html)" -eq 5 &&
	sed -n "/^<h2>银行逾期未答复/,/^<h2>/p" page.html >loans &&
	grep -q "<th>类型</th><th>贷款</th><th>待办事项</th>" loans &&
	test "$(grep -c "^<tr><td>银行逾期未答复</td>" loans)" -eq 2 &&
	test "$(grep -c "^<tr><td>" loans)" -eq 2 &&
	grep -q "<title>石门镇 到期与逾期事项</title>" page.html
'

test_case 'zh_CN workbook: a sheet a kind, named by its label, headed as a ledger is' '
	township && zh_locale &&
	expect_status 1 deadline-check --today 2022-12-20 -f xlsx -o due.xlsx &&
	"$PY" "$TRASH/sheets.py" due.xlsx >got &&
	grep "^sheet" got >names &&
	cat >expect <<-\EOF &&
	sheet 监测案件超时 A7 $6:$6 A6:J7 5
	sheet 监测建议未跟进 A7 $6:$6 A6:J7 5
	sheet 贷款材料未报送银行 A7 $6:$6 A6:J8 5
	sheet 银行逾期未答复 A7 $6:$6 A6:J8 5
	sheet 回引人才逾期未联系 A7 $6:$6 A6:J16 5
	EOF
	test_cmp expect names &&
	sed -n "/^sheet 贷款材料未报送银行/,/^sheet/p" got | sed "1d;\$d" >loans &&
	cat >expect <<-\EOF &&
	  石门镇 到期与逾期事项
	  贷款材料未报送银行
	  村（社区）：全部
	  日期：2022年12月20日
	  共2项
	  header 类型 贷款 待办事项
	  row 贷款材料未报送银行
	  row 贷款材料未报送银行
	EOF
	test_cmp expect loans &&
	test "$(grep -c "^  row 回引人才逾期未联系$" got)" -eq 10 &&
	test "$(grep -c "^  row " got)" -eq 16
'

test_case 'C workbook: the sheets named by the kinds'"'"' codes, the headings in English' '
	township &&
	expect_status 1 deadline-check --today 2022-12-20 --kind loan_unsent \
		--kind returnee_uncontacted -f xlsx -o due.xlsx &&
	"$PY" "$TRASH/sheets.py" due.xlsx >got &&
	grep "^sheet" got | cut -d" " -f2 >names &&
	printf "%s\n" loan_unsent returnee_uncontacted >expect &&
	test_cmp expect names &&
	sed -n "/^sheet loan_unsent/,/^sheet/p" got | sed -n "2,7p" >heading &&
	cat >expect <<-\EOF &&
	  石门镇 Due and overdue
	  loan papers not sent
	  Village: all
	  Filters: kind: loan papers not sent;returnee uncontacted
	  Date: 2022-12-20
	  2 items in all
	EOF
	test_cmp expect heading
'

test_case 'one kind: one sheet, headed with the kind among the filters; --group-by owner: a sheet an owner' '
	township && zh_locale &&
	expect_status 1 deadline-check --today 2022-12-20 --kind 银行逾期未答复 -f xlsx -o one.xlsx &&
	"$PY" "$TRASH/sheets.py" one.xlsx >got &&
	test "$(grep -c "^sheet" got)" -eq 1 &&
	sed -n "2,7p" got >heading &&
	cat >expect <<-\EOF &&
	  石门镇 到期与逾期事项
	  村（社区）：全部
	  筛选条件：类型：银行逾期未答复
	  日期：2022年12月20日
	  共2项
	  header 类型 贷款 待办事项
	EOF
	test_cmp expect heading &&
	expect_status 1 deadline-check --today 2022-12-20 --group-by owner -f xlsx -o owners.xlsx &&
	"$PY" "$TRASH/sheets.py" owners.xlsx >got &&
	expect_status 1 deadline-check --today 2022-12-20 -f csv >all.csv &&
	sed 1d all.csv | cut -d, -f7 | sort -u >expect &&
	grep "^sheet" got | cut -d" " -f2 | sort >names &&
	test_cmp expect names
'

test_case 'CSV and JSON stay one stream with a kind column, whatever the grouping' '
	township && zh_locale &&
	expect_status 1 deadline-check --today 2022-12-20 --group-by kind -f csv >out.csv &&
	test "$(grep -c "^kind,id,title," out.csv)" -eq 1 &&
	test "$(sed 1d out.csv | wc -l)" -eq 16 &&
	! grep -q "^==\|^#" out.csv &&
	expect_status 1 deadline-check --today 2022-12-20 --group-by kind -f json >out.json &&
	"$PY" -c "import json, sys; d = json.load(open(sys.argv[1])); assert len(d) == 16 and d[0][\"kind\"] == \"monitoring_case_overdue\"" out.json
'

test_case 'bad input in a page or workbook format: refused, nothing written, the store unchanged' '
	township &&
	expect_status 64 deadline-check --today 2022-12-20 --kind 无此类 -f xlsx -o bad.xlsx 2>err &&
	grep -q "^deadline-check: --kind: " err &&
	test_path_is_missing bad.xlsx &&
	expect_status 65 deadline-check --today 2022-12-20 --village 无此村 -f html >bad.html 2>err &&
	test_must_be_empty bad.html &&
	grep -q "无此村" err &&
	(zh_locale && expect_status 65 deadline-check --today 2022-12-20 --village 无此村 \
		-f markdown) >bad.md 2>err &&
	test_must_be_empty bad.md &&
	grep -q "无此村" err &&
	store_unchanged
'

test_done
