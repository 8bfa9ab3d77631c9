#!/bin/sh
# t0304-survey-ballot.sh -- village-rule ballots (村规民约): valid when at least
# two thirds of the representatives are present, adopted when more than half
# of those present vote yes; lib/vote.c decides, as for meeting-log
. "$(dirname "$0")/lib.sh"

HEADER=representatives,present,yes,no,abstain,valid,adopted

# ballot YES NO ABSTAIN: a sheet of that many votes, one per representative
ballot() {
	echo "姓名,表决"
	i=0
	for v in "$1:同意" "$2:不同意" "$3:弃权"; do
		n=${v%%:*}; word=${v#*:}; k=0
		while [ $k -lt "$n" ]; do
			i=$((i + 1)); k=$((k + 1))
			echo "代表$i,$word"
		done
	done
}

# decide REPRESENTATIVES YES NO ABSTAIN: the row, worked out here
decide() {
	present=$(($2 + $3 + $4))
	valid=false; adopted=false
	[ $((present * 3)) -ge $(($1 * 2)) ] && valid=true
	[ $valid = true ] && [ $(($2 * 2)) -gt $present ] && adopted=true
	echo "$1,$present,$2,$3,$4,$valid,$adopted"
}

test_case 'exactly two thirds present: valid' '
	ballot 11 8 1 >b.csv &&
	survey-tally --ballot --representatives 30 b.csv >out &&
	{ echo "$HEADER"; decide 30 11 8 1; } >expect &&
	test_cmp expect out &&
	echo "30,20,11,8,1,true,true" >row && tail -n 1 out | cmp - row
'

test_case 'one short of two thirds: not valid, so not adopted' '
	ballot 19 0 0 >b.csv &&
	survey-tally --ballot --representatives 30 b.csv >out &&
	{ echo "$HEADER"; echo "30,19,19,0,0,false,false"; } >expect &&
	test_cmp expect out
'

test_case 'a tie is not adopted; one vote more is' '
	ballot 10 10 0 >b.csv &&
	survey-tally --ballot --representatives 30 b.csv | tail -n 1 >out &&
	echo "30,20,10,10,0,true,false" >expect && test_cmp expect out &&
	ballot 11 9 1 >b.csv &&
	survey-tally --ballot --representatives 31 b.csv | tail -n 1 >out &&
	decide 31 11 9 1 >expect && test_cmp expect out &&
	echo "31,21,11,9,1,true,true" >row && test_cmp row out &&
	ballot 10 9 2 >b.csv &&
	survey-tally --ballot --representatives 31 b.csv | tail -n 1 >out &&
	echo "31,21,10,9,2,true,false" >expect && test_cmp expect out
'

test_case 'the example ballot, in every format' '
	survey-tally --ballot --representatives 31 "$EXAMPLES/ballot.csv" >out &&
	{ echo "$HEADER"; echo "31,23,17,4,2,true,true"; } >expect &&
	test_cmp expect out &&
	survey-tally --ballot --representatives 31 -f json "$EXAMPLES/ballot.csv" >out &&
	printf "%s\n" "[" "{\"representatives\":31,\"present\":23,\"yes\":17,\"no\":4,\"abstain\":2,\"valid\":true,\"adopted\":true}" "]" >expect &&
	test_cmp expect out &&
	survey-tally --ballot --representatives 31 -f table "$EXAMPLES/ballot.csv" >out &&
	grep -q "^ *31 *23 *17 *4 *2  yes *yes$" out
'

test_case 'ASCII votes and headers; JSON Lines' '
	printf "%s\n" "{\"name\":\"甲\",\"vote\":\"yes\"}" "{\"name\":\"乙\",\"vote\":\"赞成\"}" \
		"{\"name\":\"丙\",\"vote\":\"反对\"}" "{\"name\":\"丁\",\"vote\":\"abstain\"}" >b.jsonl &&
	survey-tally --ballot --representatives 5 b.jsonl | tail -n 1 >out &&
	echo "5,4,2,1,1,true,false" >expect &&
	test_cmp expect out
'

test_case 'more present than representatives in office: exit 65, nothing written' '
	ballot 10 2 0 >b.csv &&
	expect_status 65 survey-tally --ballot --representatives 11 b.csv >out 2>err &&
	test ! -s out &&
	grep_message "^survey-tally: 12 present, but only 11 representatives in office$" err
'

test_case 'a name that votes twice, a vote not in the vocabulary, a blank vote' '
	printf "%s\n" "姓名,表决" "张三,同意" "李四,同意" "张三,不同意" "王五,支持" "赵六," >b.csv &&
	expect_status 65 survey-tally --ballot --representatives 9 b.csv >out 2>err &&
	test ! -s out &&
	grep_message "^survey-tally: b.csv:4: 姓名: 张三 already voted on line 2$" err &&
	grep_message "^survey-tally: b.csv:5: 表决: unknown vote \"支持\"; expected one of: yes (yes), no (no), abstain (abstain)$" err &&
	grep_message "^survey-tally: b.csv:6: 表决: missing; expected one of: yes (yes), no (no), abstain (abstain) (a representative present who does not vote abstains)$" err &&
	grep_message "^survey-tally: 3 bad records; nothing was written$" err
'

test_case 'usage: --ballot needs --representatives, a whole number' '
	ballot 3 0 0 >b.csv &&
	expect_status 64 survey-tally --ballot b.csv 2>err &&
	grep_message "needs --representatives" err &&
	expect_status 64 survey-tally --ballot --representatives 0 b.csv 2>err &&
	expect_status 64 survey-tally --ballot --representatives x b.csv 2>err &&
	expect_status 64 survey-tally --representatives 5 b.csv 2>err &&
	expect_status 64 survey-tally --ballot --representatives 5 --min-n 2 b.csv 2>err &&
	expect_status 64 survey-tally --ballot --representatives 5 --by village b.csv 2>err
'

test_done
