#!/bin/sh
# t0748-listing-headings.sh -- every workbook and printed page that lists
# something is headed as the ledgers are (t0745): the township and what
# it lists, the village, the filters in words, the date and, for a list
# of records, their count, in title rows merged above the frozen header.
# visit-log's coverage, missing households, flagged visits and clues, and
# report-gen's cases, returnees, care, assistance, survey, board, history
# and changes; in both languages.  Read with openpyxl.

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# heading.py FILE: the sheet's frozen pane, print titles and merged
# ranges, the title rows, the header's first heading, and the number of
# records (rows under the header up to the first empty one)
cat >"$TRASH/heading.py" <<\EOF
import sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
header = int(ws.freeze_panes[1:]) - 1
print("freeze", ws.freeze_panes, "titles", ws.print_title_rows, "merged",
      " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
for r in range(1, header):
    print(ws.cell(row=r, column=1).value)
print("header", ws.cell(row=header, column=1).value)
n = 0
while header + 1 + n <= ws.max_row and any(
        c.value is not None for c in ws[header + 1 + n]):
    n += 1
print("records", n)
EOF

# the households, people, loans, returnees and case of deadline_township,
# with the example township's milestones and visits
township() {
	store_cache listings '
		deadline_township &&
		milestone-add -q "$EXAMPLES/milestones.csv" &&
		visit-log -q "$EXAMPLES/visits.csv"' &&
	store_dump >before
}

# records CMD...: the CSV rows CMD writes, its header left out
records() {
	"$@" -f csv >records.csv &&
	echo $(($(wc -l <records.csv) - 1))
}

test_case 'zh_CN: visit-log --flagged and --as cases: township, title, since, date, count' '
	township && zh_locale &&
	visit-log --today 2022-12-20 --flagged --since 2022-11-01 -f xlsx -o flagged.xlsx &&
	n=$(records visit-log --today 2022-12-20 --flagged --since 2022-11-01) &&
	test "$n" -gt 0 &&
	"$PY" "$TRASH/heading.py" flagged.xlsx >got &&
	cat >expect <<-EOF &&
	freeze A7 titles \$6:\$6 merged A1:L1 A2:L2 A3:L3 A4:L4 A5:L5
	石门镇 走访发现的问题
	村（社区）：全部
	筛选条件：日期起：2022-11-01
	日期：2022年12月20日
	共${n}条
	header 类型
	records $n
	EOF
	test_cmp expect got &&
	visit-log --today 2022-12-20 --flagged --as cases --since 2022-11-01 -f xlsx -o clues.xlsx &&
	n=$(records visit-log --today 2022-12-20 --flagged --as cases --since 2022-11-01) &&
	"$PY" "$TRASH/heading.py" clues.xlsx | sed -n "2p;6p;8p" >got &&
	printf "%s\n" "石门镇 走访发现的监测线索" "共${n}条" "records $n" >expect &&
	test_cmp expect got &&
	store_unchanged
'

test_case 'zh_CN: visit-log --coverage has no count; --missing counts what is missing; --milestone in words' '
	township && zh_locale &&
	visit-log --today 2022-12-20 --coverage --milestone 2022-11-01 -f xlsx -o cov.xlsx &&
	"$PY" "$TRASH/heading.py" cov.xlsx >got &&
	cat >expect <<-\EOF &&
	freeze A6 titles $5:$5 merged A1:G1 A2:G2 A3:G3 A4:G4
	石门镇 走访覆盖率
	村（社区）：全部
	筛选条件：时间节点：2022-11-01
	日期：2022年12月20日
	header 时间节点
	EOF
	sed "\$d" got >heading &&
	test_cmp expect heading &&
	visit-log --today 2022-12-20 --coverage --missing -f xlsx -o missing.xlsx &&
	n=$(records visit-log --today 2022-12-20 --coverage --missing) &&
	test "$n" -gt 0 &&
	"$PY" "$TRASH/heading.py" missing.xlsx | sed -n "2p;5p;7p" >got &&
	printf "%s\n" "石门镇 未按时走访名单" "共${n}条" "records $n" >expect &&
	test_cmp expect got
'

test_case 'C: visit-log --coverage -f html: the page says the same in English' '
	township &&
	visit-log --today 2022-12-20 --coverage -f html >page.html &&
	grep "^<h1>\|class=\"heading\"" page.html >heading &&
	cat >expect <<-\EOF &&
	<h1>石门镇 Visit coverage</h1>
	<p class="heading">Village: all</p>
	<p class="heading">Date: 2022-12-20</p>
	EOF
	test_cmp expect heading &&
	test "$(grep -c "<html" page.html)" -eq 1
'

test_case 'zh_CN: report-gen lists count their records; per-village reports do not' '
	township && zh_locale &&
	for r in cases returnees care board history changes assistance survey
	do
		case $r in history) a=HY0101001 ;; *) a= ;; esac &&
		report-gen --today 2022-12-20 $r $a -f xlsx -o $r.xlsx &&
		"$PY" "$TRASH/heading.py" $r.xlsx | sed 1d >$r.got || return 1
	done &&
	n=$(records report-gen --today 2022-12-20 care) && test "$n" -gt 0 &&
	cat >expect <<-EOF &&
	石门镇 关爱对象名单
	村（社区）：全部
	日期：2022年12月20日
	共${n}人
	EOF
	sed -n 1,4p care.got >got && test_cmp expect got &&
	grep -qx "records $n" care.got &&
	n=$(records report-gen --today 2022-12-20 cases) &&
	sed -n "1p;4p" cases.got >got &&
	printf "%s\n" "石门镇 监测对象识别" "共${n}件" >expect &&
	test_cmp expect got &&
	n=$(records report-gen --today 2022-12-20 returnees) &&
	grep -qx "共${n}人" returnees.got &&
	n=$(records report-gen --today 2022-12-20 history HY0101001) &&
	test "$n" -gt 0 && grep -qx "共${n}条" history.got &&
	grep -qx "共0条" changes.got &&
	grep -qx "共0条" board.got &&
	for r in assistance survey
	do
		sed -n 3p $r.got | grep -qx "日期：2022年12月20日" &&
		! grep -q "^共" $r.got || return 1
	done &&
	sed -n 1p survey.got | grep -qx "石门镇 群众认可度" &&
	store_unchanged
'

test_case 'C: report-gen care --kind and --village: the filters in words, the tag and the count in English' '
	township &&
	report-gen --today 2022-12-20 care --village 后叶村 --kind 孤寡老人 -f xlsx -o care.xlsx &&
	n=$(records report-gen --today 2022-12-20 care --village 后叶村 --kind 孤寡老人) &&
	test "$n" -gt 0 &&
	"$PY" "$TRASH/heading.py" care.xlsx | sed -n 2,6p >got &&
	if [ "$n" -eq 1 ]; then people=person; else people=people; fi &&
	cat >expect <<-EOF &&
	石门镇 People in need of care
	Village: 后叶村
	Filters: kind: elderly living alone
	Date: 2022-12-20
	$n $people in all
	EOF
	test_cmp expect got &&
	report-gen --today 2022-12-20 returnees -f html >page.html &&
	n=$(records report-gen --today 2022-12-20 returnees) &&
	grep -q "<h1>石门镇 Returnees</h1>" page.html &&
	grep -q "<p class=\"heading\">$n people in all</p>" page.html
'

test_case 'refused: a village not in the store, no workbook, the store unchanged' '
	township &&
	expect_status 65 report-gen --today 2022-12-20 care --village 无此村 -f xlsx -o bad.xlsx 2>err &&
	test_path_is_missing bad.xlsx &&
	grep -q "无此村" err &&
	expect_status 64 visit-log --coverage --since 2022-11-01 -f xlsx -o bad.xlsx 2>err &&
	test_path_is_missing bad.xlsx &&
	store_unchanged
'

test_done
