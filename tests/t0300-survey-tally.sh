#!/bin/sh
# t0300-survey-tally.sh -- recognition rates of the phone survey: counts, rates,
# Wilson intervals, order, keys, questions, answers, errors, dissatisfied rows
#
# Rates and intervals are checked to 4 decimals against numbers worked out
# here, independently of the C code, by awk from the formula:
#   rate = x / n, x = satisfied + basically satisfied,
#   n = x + dissatisfied (+ don't know with --dont-know-counts-against)
#   Wilson 95%: z = 1.959963984540054,
#     centre = (p + z^2/2n) / (1 + z^2/n)
#     half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2)
#     [centre - half, centre + half] kept within [0, 1]
. "$(dirname "$0")/lib.sh"

HEADER=village,question,n,satisfied,basically_satisfied,dissatisfied,dont_know,no_answer,rate,ci_low,ci_high,low_n

# expected_row KEYS QUESTION SATISFIED BASICALLY DISSATISFIED DONT_KNOW NO_ANSWER [MIN_N [AGAINST]]
# the CSV row survey-tally should write for these counts (KEYS: "a,b" or "")
expected_row() {
	awk -v keys="$1" -v q="$2" -v s="$3" -v b="$4" -v d="$5" -v k="$6" \
	    -v a="$7" -v min="${8:-30}" -v against="${9:-0}" 'BEGIN {
		z = 1.959963984540054
		x = s + b
		n = x + d + (against ? k : 0)
		line = (keys != "" ? keys "," : "") q "," n "," s "," b "," d "," k "," a ","
		low = n < min ? "true" : "false"
		if (n == 0) {
			print line ",,," low
			exit
		}
		p = x / n
		den = 1 + z * z / n
		c = (p + z * z / (2 * n)) / den
		h = z / den * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
		lo = c - h
		hi = c + h
		if (lo < 0) lo = 0
		if (hi > 1) hi = 1
		printf "%s%.4f,%.4f,%.4f,%s\n", line, p, lo, hi, low
	}'
}

# the edge cases: a group with rates, a group of one, all don't know, no
# valid answer at all, and a question column left blank throughout
edge_csv() {
	{
		echo "village,q_cadre,q_policy"
		for a in 满意 满意 满意 满意 满意 满意 基本满意 基本满意 不满意 不满意 不了解 ""; do
			echo "甲村,$a,"
		done
		echo "乙村,不满意,"
		echo "丙村,说不清,"
		echo "丙村,说不清,"
		echo "丙村,说不清,"
		echo "丁村,,"
		echo "丁村,,"
	} >edge.csv
}

test_case 'edge cases: one group, all don'"'"'t know, no valid answer, a blank column' '
	edge_csv &&
	survey-tally edge.csv >out &&
	{
		echo "$HEADER" &&
		expected_row 乙村 q_cadre 0 0 1 0 0 &&
		expected_row 甲村 q_cadre 6 2 2 1 1 &&
		expected_row 丁村 q_cadre 0 0 0 0 2 &&
		expected_row 丁村 q_policy 0 0 0 0 2 &&
		expected_row 丙村 q_cadre 0 0 0 3 0 &&
		expected_row 丙村 q_policy 0 0 0 0 3 &&
		expected_row 乙村 q_policy 0 0 0 0 1 &&
		expected_row 甲村 q_policy 0 0 0 0 12 &&
		expected_row "*" q_cadre 6 2 3 4 3 &&
		expected_row "*" q_policy 0 0 0 0 18
	} >expect &&
	test_cmp expect out &&
	grep -q "^乙村,q_cadre,1,0,0,1,0,0,0.0000,0.0000,0.7935,true$" out &&
	grep -q "^甲村,q_cadre,10,6,2,2,1,1,0.8000,0.4902,0.9433,true$" out
'

test_case '--dont-know-counts-against and --min-n' '
	edge_csv &&
	survey-tally --dont-know-counts-against --min-n 3 edge.csv >out &&
	{
		echo "$HEADER" &&
		expected_row 丙村 q_cadre 0 0 0 3 0 3 1 &&
		expected_row 乙村 q_cadre 0 0 1 0 0 3 1 &&
		expected_row 甲村 q_cadre 6 2 2 1 1 3 1 &&
		expected_row 丁村 q_cadre 0 0 0 0 2 3 1 &&
		expected_row 丁村 q_policy 0 0 0 0 2 3 1 &&
		expected_row 丙村 q_policy 0 0 0 0 3 3 1 &&
		expected_row 乙村 q_policy 0 0 0 0 1 3 1 &&
		expected_row 甲村 q_policy 0 0 0 0 12 3 1 &&
		expected_row "*" q_cadre 6 2 3 4 3 3 1 &&
		expected_row "*" q_policy 0 0 0 0 18 3 1
	} >expect &&
	test_cmp expect out
'

# awk_tally FILE: per village and question, the counts and the row
# survey-tally should write, worked out by awk from the generated CSV
awk_tally() {
	awk -F, 'NR == 1 { for (i = 6; i <= NF; i++) q[i] = $i; nq = NF; next }
	{
		for (i = 6; i <= nq; i++) {
			k = $2 SUBSEP q[i]
			a = $i
			if (a == "满意" || a == "知晓" || a == "是") s[k]++
			else if (a == "基本满意" || a == "基本知晓") b[k]++
			else if (a == "不满意" || a == "不知晓" || a == "否") d[k]++
			else if (a == "") na[k]++
			else dk[k]++
			seen[k] = 1
		}
	}
	END {
		for (k in seen) {
			split(k, part, SUBSEP)
			print part[1], part[2], s[k] + 0, b[k] + 0, d[k] + 0, dk[k] + 0, na[k] + 0
		}
	}' "$1"
}

test_case 'a generated survey: every count, rate and interval as awk works them out' '
	gen-survey 3000 7 >survey.csv &&
	survey-tally survey.csv >out &&
	head -n 1 out >got.header &&
	echo "$HEADER" >want.header &&
	test_cmp want.header got.header &&
	awk_tally survey.csv | while read v q s b d k a; do
		expected_row "$v" "$q" "$s" "$b" "$d" "$k" "$a"
	done | sort >expect &&
	sed -e 1d out | grep -v "^\*," | sort >got &&
	test_cmp expect got &&
	test_line_count 48 got
'

# rates_never_fall: the rows of standard input (counts in fields 3 to 5)
# are in order of rate x/n, compared exactly as cross products
rates_never_fall() {
	awk -F, '{
		x = $4 + $5; n = $3
		if (NR > 1 && n > 0 && x * pn < px * n) { print "the rate falls at row " NR; bad = 1 }
		px = x; pn = n
	} END { exit bad }'
}

test_case 'worst rate first; the overall rows last, also worst first' '
	gen-survey 3000 7 >survey.csv &&
	survey-tally survey.csv >out &&
	sed -e 1d out | grep -v "^\*," | rates_never_fall &&
	tail -n 4 out | cut -d, -f1 >overall &&
	printf "*\n*\n*\n*\n" >want &&
	test_cmp want overall &&
	tail -n 4 out | rates_never_fall &&
	sed -n "2,5p" out | cut -d, -f1 | sort -u >worst &&
	echo 长岭村 >want &&
	test_cmp want worst
'

test_case 'ties: equal rates in the order of the keys, then of the questions' '
	printf "%s\n" "village,q_b,q_a" "乙,满意,满意" "甲,满意,满意" "甲,不满意,不满意" \
		"乙,不满意,不满意" >ties.csv &&
	survey-tally --min-n 1 ties.csv | cut -d, -f1-3,9 >out &&
	printf "%s\n" "village,question,n,rate" "乙,q_b,2,0.5000" "乙,q_a,2,0.5000" \
		"甲,q_b,2,0.5000" "甲,q_a,2,0.5000" "*,q_b,4,0.5000" "*,q_a,4,0.5000" >expect &&
	test_cmp expect out
'

test_case '--by several keys, --by none, --by with Chinese headings' '
	printf "%s\n" "村(社区),村民小组,干部作风,调查日期" "甲村,1社,满意,2022-11-21" \
		"甲村,2社,不满意,2022/11/21" "乙村,1社,满意,2022年11月22日" >s.csv &&
	survey-tally --by village,village_group s.csv >out &&
	printf "%s\n" "village,village_group,question,n,satisfied,basically_satisfied,dissatisfied,dont_know,no_answer,rate,ci_low,ci_high,low_n" >expect &&
	expected_row 甲村,2社 q_cadre 0 0 1 0 0 >>expect &&
	expected_row 乙村,1社 q_cadre 1 0 0 0 0 >>expect &&
	expected_row 甲村,1社 q_cadre 1 0 0 0 0 >>expect &&
	expected_row "*,*" q_cadre 2 0 1 0 0 >>expect &&
	test_cmp expect out &&
	survey-tally --by none s.csv >out &&
	{ echo "question,n,satisfied,basically_satisfied,dissatisfied,dont_know,no_answer,rate,ci_low,ci_high,low_n" &&
	  expected_row "" q_cadre 2 0 1 0 0; } >expect &&
	test_cmp expect out &&
	survey-tally --by 调查日期 s.csv | cut -d, -f1,2,3 >out &&
	printf "%s\n" survey_date,question,n 2022-11-21,q_cadre,2 2022-11-22,q_cadre,1 \
		"*,q_cadre,3" >expect &&
	test_cmp expect out
'

test_case 'json: numbers, booleans, null for no rate; jsonl alike' '
	edge_csv &&
	survey-tally -f json edge.csv >out &&
	sed -n 2p out >first &&
	echo "{\"village\":\"乙村\",\"question\":\"q_cadre\",\"n\":1,\"satisfied\":0,\"basically_satisfied\":0,\"dissatisfied\":1,\"dont_know\":0,\"no_answer\":0,\"rate\":0.0000,\"ci_low\":0.0000,\"ci_high\":0.7935,\"low_n\":true}," >expect &&
	test_cmp expect first &&
	grep -q "\"village\":\"丙村\",\"question\":\"q_cadre\",\"n\":0,.*\"rate\":null,\"ci_low\":null,\"ci_high\":null,\"low_n\":true" out &&
	survey-tally -f jsonl edge.csv >lines &&
	test_line_count 10 lines &&
	python3 -c "import json,sys; [json.loads(l) for l in open(\"lines\")]; json.load(open(\"out\"))"
'

test_case 'table: percentages and labels for people' '
	edge_csv &&
	survey-tally -f table edge.csv >out &&
	grep -q "^village  question *n  satisfied" out &&
	grep -q "^甲村 .*cadres. conduct .* 80.0% *49.0% *94.3%  yes$" out &&
	grep -q "^(all) .*cadres. conduct" out
'

test_case 'question columns: known names and Chinese headings become codes, others stay' '
	printf "%s\n" "村,干部作风,基础设施和公共服务,政策知晓,两不愁三保障,环境卫生" \
		"甲,满意,满意,知晓,是,满意" >s.csv &&
	survey-tally --by none s.csv | cut -d, -f1 >out &&
	printf "%s\n" question q_cadre q_infrastructure q_policy q_guarantee 环境卫生 >expect &&
	test_cmp expect out
'

test_case '--questions: only those, in that order; the rest of the sheet is left alone' '
	printf "%s\n" "村,访问员,干部作风,政策知晓,备注" "甲,王五,满意,不知晓,电话打了三次" >s.csv &&
	survey-tally --questions 政策知晓,q_cadre s.csv | cut -d, -f1-3 >out &&
	printf "%s\n" village,question,n 甲,q_policy,1 甲,q_cadre,1 "*,q_policy,1" "*,q_cadre,1" >expect &&
	test_cmp expect out &&
	expect_status 65 survey-tally --questions q_guarantee s.csv >out 2>err &&
	grep_message "^survey-tally: s.csv:1: no column for the question q_guarantee (--questions)$" err &&
	test ! -s out
'

test_case 'every answer of the vocabulary; blank is no answer' '
	{
		echo "village,q_cadre"
		for a in 满意 认可 知晓 是 基本满意 基本认可 基本知晓 不满意 不认可 不知晓 否 \
			不了解 说不清 不清楚 "" satisfied basically_satisfied dissatisfied dont_know \
			"\" 满意 \""; do
			echo "甲村,$a"
		done
	} >s.csv &&
	survey-tally --by none s.csv >out &&
	{ echo "question,n,satisfied,basically_satisfied,dissatisfied,dont_know,no_answer,rate,ci_low,ci_high,low_n" &&
	  expected_row "" q_cadre 6 4 5 4 1; } >expect &&
	test_cmp expect out
'

test_case 'an answer out of the vocabulary: file, line and column named, nothing written' '
	printf "%s\n" "village,q_cadre,q_policy" "甲村,满意,知晓" "甲村,很满意,知晓" \
		"甲村,满意,不太清楚" >s.csv &&
	expect_status 65 survey-tally s.csv >out 2>err &&
	test ! -s out &&
	grep_message "^survey-tally: s.csv:3: q_cadre: unknown answer \"很满意\"; expected one of: satisfied (satisfied), basically_satisfied (basically satisfied), dissatisfied (dissatisfied), dont_know (don.t know)$" err &&
	grep_message "^survey-tally: s.csv:4: q_policy: unknown answer \"不太清楚\"" err &&
	grep_message "^survey-tally: 2 bad records; nothing was written$" err &&
	test_line_count 3 err
'

test_case 'a column that is no question: the message says how to leave it out' '
	printf "%s\n" "village,访问员,q_cadre" "甲村,王五,满意" >s.csv &&
	expect_status 65 survey-tally s.csv 2>err &&
	grep_message "s.csv:2: 访问员: unknown answer \"王五\".*name the questions with --questions" err
'

test_case 'ID and phone numbers are never a question, nor shown in a message' '
	printf "%s\n" "村,身份证号,联系电话,干部作风,回访号码" \
		"甲村,500235194109190010,15478480480,满意,138 1234 5678" >s.csv &&
	expect_status 65 survey-tally s.csv >out 2>err &&
	grep_message "s.csv:2: 回访号码: unknown answer (a number, not shown); expected" err &&
	! grep -q "500235\|1547848\|1234" err &&
	printf "%s\n" "村,身份证号,联系电话,干部作风" "甲村,500235194109190010,15478480480,满意" >s.csv &&
	survey-tally --by none s.csv | cut -d, -f1 >out &&
	printf "%s\n" question q_cadre >expect &&
	test_cmp expect out
'

test_case 'bad dates, ragged rows, two columns for one key' '
	printf "%s\n" "village,survey_date,q_cadre" "甲村,2022-02-30,满意" "甲村,满意" >s.csv &&
	expect_status 65 survey-tally s.csv >out 2>err &&
	test ! -s out &&
	grep_message "^survey-tally: s.csv:2: survey_date: not a date; write it as 2022-11-21$" err &&
	grep_message "^survey-tally: s.csv:3: q_cadre: fewer fields than the header has columns$" err &&
	printf "%s\n" "village,村,q_cadre" "甲村,甲村,满意" >two.csv &&
	expect_status 65 survey-tally two.csv 2>err &&
	grep_message "^survey-tally: two.csv:1: 村: a second column for the same field$" err
'

test_case 'usage errors: exit 64' '
	edge_csv &&
	expect_status 64 survey-tally --by phone edge.csv 2>err &&
	grep_message "^survey-tally: --by: no such key: phone" err &&
	expect_status 64 survey-tally --by village,village edge.csv 2>err &&
	expect_status 64 survey-tally --min-n -1 edge.csv 2>err &&
	expect_status 64 survey-tally --min-n x edge.csv 2>err &&
	expect_status 64 survey-tally --scale 1-5 edge.csv 2>err &&
	grep_message "need --evaluation" err &&
	expect_status 64 survey-tally --dissatisfied --compare r1 edge.csv 2>err &&
	expect_status 64 survey-tally --evaluation --ballot edge.csv 2>err &&
	expect_status 64 survey-tally --evaluation --by village edge.csv 2>err &&
	expect_status 64 survey-tally --questions , edge.csv 2>err &&
	expect_status 64 survey-tally --questions q_cadre,干部作风 edge.csv 2>err &&
	expect_status 64 survey-tally --nonsense edge.csv 2>err
'

test_case 'a file that cannot be opened: exit 66; no column to group by: exit 65' '
	expect_status 66 survey-tally missing.csv 2>err &&
	grep_message "^survey-tally: missing.csv: No such file or directory$" err &&
	printf "%s\n" "village_group,q_cadre" "1社,满意" >s.csv &&
	expect_status 65 survey-tally s.csv 2>err &&
	grep_message "^survey-tally: s.csv:1: no column village to group by (--by)$" err
'

test_case 'standard input, "-", several files, and GB18030 with CRLF all read alike' '
	cp "$EXAMPLES/survey.csv" s.csv &&
	survey-tally s.csv >want &&
	survey-tally <s.csv >got1 &&
	survey-tally - <s.csv >got2 &&
	iconv -f UTF-8 -t GB18030 s.csv | sed "s/\$/\r/" >gb.csv &&
	survey-tally gb.csv >got3 &&
	test_cmp want got1 && test_cmp want got2 && test_cmp want got3 &&
	head -n 151 s.csv >a.csv && { head -n 1 s.csv; tail -n +152 s.csv; } >b.csv &&
	survey-tally a.csv b.csv >got4 &&
	test_cmp want got4
'

test_case 'JSON and JSON Lines input tally as the CSV does' '
	printf "%s\n" "village,q_cadre,q_policy" "甲村,满意,不知晓" "甲村,不满意," "乙村,基本满意,知晓" >s.csv &&
	printf "%s\n" "{\"village\":\"甲村\",\"q_cadre\":\"满意\",\"q_policy\":\"不知晓\"}" \
		"{\"q_policy\":null,\"village\":\"甲村\",\"q_cadre\":\"不满意\"}" \
		"{\"village\":\"乙村\",\"q_cadre\":\"基本满意\",\"q_policy\":\"知晓\"}" >s.jsonl &&
	survey-tally s.csv >want &&
	survey-tally s.jsonl >got &&
	test_cmp want got &&
	{ echo "["; sed "\$!s/\$/,/" s.jsonl; echo "]"; } >s.json &&
	survey-tally s.json >got &&
	test_cmp want got
'

test_case 'the example survey: one village clearly worse than the others' '
	survey-tally "$EXAMPLES/survey.csv" >out &&
	sed -n "2,5p" out | cut -d, -f1 | sort -u >worst &&
	echo 红狮村 >expect &&
	test_cmp expect worst &&
	grep -c "^红狮村," out >n &&
	echo 4 >expect &&
	test_cmp expect n
'

# the issue-add records of the dissatisfied answers, worked out by awk
DISSATISFIED_HEADER=kind,category,title,detail,village,village_group,household_id,reporter,source,source_ref

test_case '--dissatisfied: one issue-add record per dissatisfied answer' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally --dissatisfied survey.csv >out &&
	head -n 1 out >header &&
	echo "$DISSATISFIED_HEADER" >expect &&
	test_cmp expect header &&
	awk -F, "NR > 1 { for (i = 6; i <= 9; i++) if (\$i == \"不满意\" || \$i == \"不知晓\" || \$i == \"否\" || \$i == \"不认可\") n++ } END { print n }" survey.csv >want.count &&
	sed 1d out | wc -l | tr -d " " >got.count &&
	test_cmp want.count got.count &&
	awk -F, "NR > 1 && \$6 == \"不满意\" { print \"problem,conduct,电话调查不满意：干部作风,问题：干部作风；回答：不满意；受访人：\" \$1 \"；调查日期：\" \$5 \",\" \$2 \",\" \$3 \",\" \$4 \",\" \$1 \",survey,survey:\" \$5 \":q_cadre\" }" survey.csv >want.cadre &&
	grep ":q_cadre\$" out | sed "s/:r[0-9a-f]\{16\}\.1:q_cadre\$/:q_cadre/" >got.cadre &&
	test_cmp want.cadre got.cadre &&
	cut -d, -f2,3 out | sed 1d | sort -u >categories &&
	printf "%s\n" "conduct,电话调查不满意：干部作风" "infrastructure,电话调查不满意：基础设施和公共服务" \
		"other,电话调查不满意：两不愁三保障" "other,电话调查不满意：政策知晓" >expect &&
	test_cmp expect categories &&
	cut -d, -f1,9 out | sed 1d | sort -u >constant &&
	echo "problem,survey" >expect &&
	test_cmp expect constant
'

test_case '--dissatisfied: an answer is known by what it is, not by the file or line it came from' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally --dissatisfied survey.csv | cut -d, -f10 | sort >refs &&
	test "$(sort -u refs | wc -l)" -eq "$(wc -l <refs)" &&
	mkdir elsewhere && cp survey.csv elsewhere/copy.csv &&
	survey-tally --dissatisfied elsewhere/copy.csv | cut -d, -f10 | sort >refs.copy &&
	test_cmp refs refs.copy &&
	survey-tally --dissatisfied - <survey.csv | cut -d, -f10 | sort >refs.stdin &&
	test_cmp refs refs.stdin &&
	{ sed -n 1p survey.csv && echo "新来的,后叶村,1社,HY0101099,2022-11-26,满意,满意,知晓,是" && sed 1d survey.csv; } >resent.csv &&
	survey-tally --dissatisfied resent.csv | cut -d, -f10 | sort >refs.resent &&
	test_cmp refs refs.resent &&
	household-add -q "$EXAMPLES/households.csv" &&
	survey-tally --dissatisfied survey.csv | issue-add --today 2022-11-30 --owner 镇专项办 >/dev/null 2>err &&
	n=$(sqlite3 "$RENKE_DB" "select count(*) from issue") &&
	test "$n" -gt 0 &&
	survey-tally --dissatisfied resent.csv | issue-add --today 2022-11-30 --owner 镇专项办 >/dev/null 2>err &&
	grep_message "read: added 0, " err &&
	test "$(sqlite3 "$RENKE_DB" "select count(*) from issue")" -eq "$n"
'

test_case '--dissatisfied: json keys are issue-add fields; nothing at all from bad input' '
	printf "%s\n" "村,干部作风,服务态度" "甲村,不满意,否" "乙村,满意,很好" >s.csv &&
	expect_status 65 survey-tally --dissatisfied s.csv >out 2>err &&
	test ! -s out &&
	grep_message "s.csv:3: 服务态度: unknown answer" err &&
	printf "%s\n" "村,干部作风,服务态度" "甲村,不满意,否" >s.csv &&
	survey-tally --dissatisfied -f jsonl s.csv >out &&
	printf "%s\n" "{\"kind\":\"problem\",\"category\":\"conduct\",\"title\":\"电话调查不满意：干部作风\",\"detail\":\"问题：干部作风；回答：不满意\",\"village\":\"甲村\",\"village_group\":null,\"household_id\":null,\"reporter\":null,\"source\":\"survey\",\"source_ref\":\"survey:-:a0c83922d002068bc.1:q_cadre\"}" \
		"{\"kind\":\"problem\",\"category\":\"other\",\"title\":\"电话调查不满意：服务态度\",\"detail\":\"问题：服务态度；回答：否\",\"village\":\"甲村\",\"village_group\":null,\"household_id\":null,\"reporter\":null,\"source\":\"survey\",\"source_ref\":\"survey:-:a0c83922d002068bc.1:服务态度\"}" >expect &&
	test_cmp expect out
'

test_case 'the pipe into issue-add puts every dissatisfied answer in the ledger, once' '
	example_households &&
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally --dissatisfied survey.csv >issues.csv &&
	sed 1d issues.csv | wc -l | tr -d " " >want &&
	survey-tally --dissatisfied survey.csv | issue-add --owner 镇专项办 >added 2>err &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM issue WHERE source = '"'"'survey'"'"'" >got &&
	test_cmp want got &&
	survey-tally --dissatisfied survey.csv | issue-add --owner 镇专项办 >again 2>err &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM issue" >got &&
	test_cmp want got
'

test_case 'a reader that stops early is no error' '
	gen-survey 20000 3 >big.csv &&
	survey-tally --dissatisfied big.csv | head -n 2 >out &&
	test_line_count 2 out &&
	{ survey-tally --by respondent big.csv; echo $? >status; } | head -n 1 >/dev/null &&
	echo 0 >expect &&
	test_cmp expect status
'

# peak_kb FILE [OPTION...]: the peak memory (VmHWM, KB) of survey-tally while
# it reads FILE through a pipe, taken before the pipe closes, from /proc
peak_kb() {
	file=$1
	shift
	rm -f in.fifo
	mkfifo in.fifo || return 1
	survey-tally "$@" in.fifo >/dev/null &
	pid=$!
	exec 3>in.fifo
	cat "$file" >&3
	hwm=$(awk "/^VmHWM:/ { print \$2 }" /proc/$pid/status)
	exec 3>&-
	wait $pid && echo "$hwm"
}

test_case 'memory grows with the groups, not with the responses' '
	gen-survey 5000 1 >small.csv &&
	gen-survey 100000 1 >large.csv &&
	small=$(peak_kb small.csv) &&
	large=$(peak_kb large.csv) &&
	echo "peak: $small KB for 5000 responses, $large KB for 100000" &&
	# 20 times the responses, the same 12 villages: a few hundred KB more at most
	test "$large" -lt $((small + 2048)) &&
	groups=$(peak_kb large.csv --by respondent) &&
	echo "peak: $groups KB for 100000 groups of one" &&
	test "$groups" -gt $((large + 10240))
'

test_done
