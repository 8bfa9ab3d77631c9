#!/bin/sh
# t0305-survey-threads.sh -- a tally read by two threads is the tally read by
# one: the same output, the same messages in the same order, the same status
#
# RENKE_THREADS=2 makes survey-tally read a file in two parts, split at a
# line near its middle, whatever the file's size; RENKE_THREADS=1 reads it
# in one.  The files here hold what could make the two differ: quoted
# fields with line breaks around the middle and across it, a BOM, CRLF line
# ends, GB18030 text, a bad answer and a bad date in each half, and bytes
# that stop the reading.
. "$(dirname "$0")/lib.sh"

# responses N [CROSS]: N responses as UTF-8 CSV with LF line ends.  Every
# 97th has a note quoted over three lines; rows 300 and N*3/4 have an
# answer that is none, row 310 a date that is none.  With CROSS, one
# quoted note runs from a little before the middle to after it, over
# lines that hold no quote.
responses() {
	awk -v n="$1" -v cross="${2:-}" 'BEGIN {
		split("青山村 长岭村 红岩村 石门村 ABC village", village, " ")
		split("满意 基本满意 不满意 不了解 satisfied", answer, " ")
		print "respondent,village,village_group,q_cadre,q_policy,survey_date,note"
		for (i = 1; i <= n; i++) {
			a = answer[i % 5 + 1]
			b = answer[(i * 7) % 5 + 1]
			if (i == 300 || i == int(n * 3 / 4))
				a = "还行"
			d = sprintf("2022-11-%02d", i % 28 + 1)
			if (i == 310)
				d = "2022-13-45"
			note = ""
			if (i % 97 == 0)
				note = "\"说 \"\"好\"\"\n第二行,\n第三行\""
			if (cross != "" && i == int(n / 2) - 20) {
				note = "\"跨过中间"
				for (k = 0; k < 60; k++)
					note = note "\n一行, 没有引号 " k
				note = note "\""
			}
			printf "R%05d,%s,%d社,%s,%s,%s,%s\n", i, village[i % 5 + 1],
			    i % 8 + 1, a, b, d, note
		}
	}'
}

# compare FILE [OPTIONS...]: the tally of FILE with one thread and with two
compare() {
	f=$1
	shift
	RENKE_THREADS=1 survey-tally -f csv "$@" "$f" >one.out 2>one.err
	echo $? >one.status
	RENKE_THREADS=2 survey-tally -f csv "$@" "$f" >two.out 2>two.err
	echo $? >two.status
	test_cmp one.status two.status &&
	test_cmp one.out two.out &&
	test_cmp one.err two.err
}

test_case 'plain UTF-8: two bad answers and a bad date, one in each half' '
	responses 2000 >plain.csv &&
	compare plain.csv &&
	test "$(cat one.status)" = 65 &&
	test_line_count 4 one.err &&
	grep_message "plain.csv:307: q_cadre: unknown answer" one.err &&
	grep_message "plain.csv:317: survey_date: not a date" one.err &&
	grep_message "plain.csv:1531: q_cadre: unknown answer" one.err
'

test_case 'good rows only: the same tally, by village and by group' '
	responses 2000 | grep -v "还行\|2022-13-45" >good.csv &&
	compare good.csv &&
	test "$(cat one.status)" = 0 &&
	test_line_count 13 one.out &&
	compare good.csv --by village,village_group --questions q_policy &&
	compare good.csv --by none
'

test_case 'a quoted field with line breaks across the middle of the file' '
	responses 2000 cross | grep -v "还行\|2022-13-45" >cross.csv &&
	compare cross.csv &&
	test "$(cat one.status)" = 0 &&
	responses 2000 cross >cross-bad.csv &&
	compare cross-bad.csv &&
	grep_message "cross-bad.csv:1591: q_cadre: unknown answer" one.err
'

test_case 'a BOM and CRLF line ends' '
	printf "\357\273\277" >bom.csv &&
	responses 2000 | sed "s/\$/\r/" >>bom.csv &&
	compare bom.csv &&
	test "$(cat one.status)" = 65 &&
	grep_message "bom.csv:1531: q_cadre: unknown answer" one.err
'

test_case 'GB18030, with and without --encoding' '
	responses 2000 | iconv -f UTF-8 -t GB18030 >gb.csv &&
	compare gb.csv &&
	test "$(cat one.status)" = 65 &&
	grep_message "gb.csv:1531: q_cadre: unknown answer" one.err &&
	compare gb.csv --encoding gb18030 &&
	responses 2000 | grep -v "还行\|2022-13-45" >good.csv &&
	iconv -f UTF-8 -t GB18030 good.csv >gb-good.csv &&
	compare gb-good.csv &&
	RENKE_THREADS=1 survey-tally -f csv good.csv >utf8.out &&
	test_cmp utf8.out two.out
'

test_case 'ASCII first, the encoding decided after the middle' '
	{
		echo "respondent,village,q_cadre" &&
		awk "BEGIN { for (i = 1; i <= 1500; i++) print \"R\" i \",ABC,satisfied\" }" &&
		awk "BEGIN { for (i = 1; i <= 1500; i++) print \"S\" i \",DEF,不满意\" }"
	} >late.csv &&
	iconv -f UTF-8 -t GB18030 late.csv >late-gb.csv &&
	compare late.csv &&
	test "$(cat one.status)" = 0 &&
	compare late-gb.csv &&
	test "$(cat one.status)" = 0
'

test_case 'UTF-8, then GB18030 bytes after the middle: the same error' '
	{
		responses 1000 | grep -v "还行\|2022-13-45" &&
		responses 1000 | sed 1d | grep -v "还行\|2022-13-45" |
		iconv -f UTF-8 -t GB18030
	} >mixed.csv &&
	compare mixed.csv &&
	test "$(cat one.status)" = 65 &&
	grep_message "bytes that are not UTF-8, in a file that began as UTF-8" one.err
'

test_case 'an unclosed quote at the end, and a ragged row in each half' '
	{
		responses 1000 | grep -v "还行\|2022-13-45" | sed "200s/,[^,]*\$//;900s/\$/,extra/" &&
		echo "R9,ABC,1社,满意,满意,2022-11-01,\"open"
	} >open.csv &&
	compare open.csv &&
	test "$(cat one.status)" = 65 &&
	grep_message "fewer fields than the header" one.err &&
	grep_message "more fields than the header" one.err &&
	grep_message "not closed by the end of the input" one.err
'

test_case 'RENKE_THREADS must be a number' '
	responses 10 >small.csv &&
	RENKE_THREADS=two expect_status 64 survey-tally small.csv 2>err &&
	grep_message "RENKE_THREADS" err
'

test_done
