#!/bin/sh
# t0303-survey-evaluation.sh -- neighbour evaluations (邻里互评): means, totals,
# ranks within the village, ties, the red and black lists (红黑榜)
. "$(dirname "$0")/lib.sh"

HEADER=village,village_group,household_id,head_name,evaluators,love_collective,family_harmony,filial_care,hygiene,diligence_kindness,total,rank,tied,low_n,list

# a village of five households: H3 and H4 tie, H5 has one evaluator only
small_csv() {
	printf "%s\n" \
		"household_id,village,evaluator,热爱集体,家庭和睦,孝顺父母,讲究卫生,勤劳友善" \
		"H1,甲村,张,5,5,5,5,5" "H1,甲村,李,4,5,5,5,4" "H1,甲村,王,5,5,4,5,5" \
		"H2,甲村,张,3,3,3,3,3" "H2,甲村,李,2,3,3,3,2" "H2,甲村,王,3,2,3,3,3" \
		"H3,甲村,张,4,4,4,4,4" "H3,甲村,李,4,4,4,4,4" "H3,甲村,王,4,4,4,4,4" \
		"H4,甲村,张,4,4,4,4,4" "H4,甲村,李,5,3,4,4,4" "H4,甲村,王,3,5,4,4,4" \
		"H5,甲村,张,1,1,1,1,1" \
		"H9,乙村,张,3,3,3,3,3" "H9,乙村,李,3,3,3,3," "H9,乙村,王,3,3,3,3,3" >eval.csv
}

# awk_means FILE: per household, the mean of each dimension and the total,
# worked out by awk (household_id in field 1, scores in fields 4 to 8)
awk_means() {
	awk -F, 'NR > 1 {
		h = $1; n[h]++; village[h] = $2
		for (d = 4; d <= 8; d++) if ($d != "") { sum[h, d] += $d; cnt[h, d]++ }
	} END {
		for (h in n) {
			line = village[h] ",," h ",," n[h]; total = 0
			for (d = 4; d <= 8; d++) {
				m = sum[h, d] / cnt[h, d]; total += m
				line = line "," sprintf("%.2f", m)
			}
			print line "," sprintf("%.2f", total)
		}
	}' "$1"
}

test_case 'means and totals as awk works them out; ranks; ties marked' '
	small_csv &&
	survey-tally --evaluation eval.csv >out &&
	head -n 1 out >header && echo "$HEADER" >expect && test_cmp expect header &&
	awk_means eval.csv | sort >expect &&
	sed 1d out | cut -d, -f1-11 | sort >got &&
	test_cmp expect got &&
	sed 1d out | cut -d, -f1,3,12-15 >ranks &&
	printf "%s\n" "乙村,H9,1,false,false," "甲村,H1,1,false,false," "甲村,H3,2,true,false," \
		"甲村,H4,3,true,false," "甲村,H2,4,false,false," "甲村,H5,,false,true," >expect &&
	test_cmp expect ranks
'

test_case '--red and --black: each village'"'"'s top and bottom; too few evaluators on neither' '
	small_csv &&
	survey-tally --evaluation --red 1 --black 1 eval.csv | cut -d, -f1,3,12,15 >out &&
	printf "%s\n" "village,household_id,rank,list" "乙村,H9,1,red" "甲村,H1,1,red" \
		"甲村,H2,4,black" >expect &&
	test_cmp expect out &&
	survey-tally --evaluation --red 2 --black 2 eval.csv | cut -d, -f3,13,15 >out &&
	printf "%s\n" "household_id,tied,list" "H9,false,red" "H1,false,red" "H3,true,red" \
		"H4,true,black" "H2,false,black" >expect &&
	test_cmp expect out &&
	survey-tally --evaluation --min-n 1 --black 1 eval.csv | cut -d, -f3,12,15 >out &&
	printf "%s\n" "household_id,rank,list" "H9,1,black" "H5,5,black" >expect &&
	test_cmp expect out
'

test_case 'the red and black lists never share a household; a small village gives what it has' '
	small_csv &&
	survey-tally --evaluation --red 3 --black 3 eval.csv | cut -d, -f3,15 >out &&
	printf "%s\n" "household_id,list" "H9,red" "H1,red" "H3,red" "H4,red" "H2,black" >expect &&
	test_cmp expect out
'

test_case '--scale: a score outside it is a bad record, named' '
	small_csv &&
	printf "%s\n" "H6,甲村,赵,6,5,5,5,5" "H7,甲村,赵,4,4.5,4,4,4" >>eval.csv &&
	expect_status 65 survey-tally --evaluation eval.csv >out 2>err &&
	test ! -s out &&
	grep_message "^survey-tally: eval.csv:18: 热爱集体: \"6\" is not a whole number from 1 to 5 (--scale)$" err &&
	grep_message "^survey-tally: eval.csv:19: 家庭和睦: \"4.5\" is not a whole number from 1 to 5 (--scale)$" err &&
	grep_message "^survey-tally: 2 bad records; nothing was written$" err &&
	sed "\$d" eval.csv >ten.csv &&
	survey-tally --evaluation --scale 0-10 ten.csv | grep -c "^甲村,,H6," >n &&
	echo 1 >expect && test_cmp expect n
'

test_case 'an evaluator who scores a household twice; no household; unknown column' '
	small_csv &&
	echo "H1,甲村,张,1,1,1,1,1" >>eval.csv &&
	echo ",甲村,钱,1,1,1,1,1" >>eval.csv &&
	expect_status 65 survey-tally --evaluation eval.csv 2>err &&
	grep_message "^survey-tally: eval.csv:18: evaluator: 张 already scored household H1 on line 2$" err &&
	grep_message "^survey-tally: eval.csv:19: household_id: missing; every evaluation is of a household$" err &&
	printf "%s\n" "household_id,人品,热爱集体" "H1,5,5" >odd.csv &&
	expect_status 65 survey-tally --evaluation odd.csv 2>err &&
	grep_message "^survey-tally: odd.csv:1: 人品: unknown column$" err
'

test_case 'the example evaluation, in a table, in Chinese headings and ASCII names' '
	survey-tally --evaluation -f table "$EXAMPLES/evaluation.csv" >out &&
	grep -q "^village  group  household  head" out &&
	survey-tally --evaluation "$EXAMPLES/evaluation.csv" >a &&
	sed "1s/.*/household_id,head_name,village,village_group,evaluator,love_collective,family_harmony,filial_care,hygiene,diligence_kindness/" \
		"$EXAMPLES/evaluation.csv" >ascii.csv &&
	survey-tally --evaluation ascii.csv >b &&
	test_cmp a b
'

test_case 'usage: --red, --black and --scale need --evaluation and good numbers' '
	small_csv &&
	expect_status 64 survey-tally --red 1 eval.csv 2>err &&
	expect_status 64 survey-tally --evaluation --red 0 eval.csv 2>err &&
	expect_status 64 survey-tally --evaluation --scale 5-1 eval.csv 2>err &&
	expect_status 64 survey-tally --evaluation --scale five eval.csv 2>err &&
	expect_status 64 survey-tally --evaluation --save r eval.csv 2>err &&
	# the options are checked before any file is opened
	expect_status 64 survey-tally --evaluation --scale 5-1 no-such.csv 2>err &&
	grep -q "low end must be below the high" err &&
	expect_status 64 survey-tally --evaluation --red 0 no-such.csv 2>err &&
	expect_status 64 survey-tally --ballot --representatives 0 no-such.csv 2>err &&
	expect_status 64 survey-tally --questions q1,q1 no-such.csv 2>err &&
	grep -q "q1 given twice" err
'

test_done
