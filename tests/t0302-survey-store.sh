#!/bin/sh
# t0302-survey-store.sh -- survey rounds kept in the store: --save, --from-store, --compare
#
# The change between two rounds is checked against Newcombe's interval
# (method 10) worked out here by awk from the two Wilson intervals:
#   d = p1 - p2, low = d - sqrt((p1-l1)^2 + (u2-p2)^2),
#   high = d + sqrt((u1-p1)^2 + (p2-l2)^2); significant when 0 is outside.
. "$(dirname "$0")/lib.sh"

COMPARE_HEADER=village,question,earlier_n,earlier_rate,n,rate,change,change_low,change_high,significant

# expected_compare KEY QUESTION X_BEFORE N_BEFORE X_NOW N_NOW
expected_compare() {
	awk -v key="$1" -v q="$2" -v x2="$3" -v n2="$4" -v x1="$5" -v n1="$6" '
	function wilson(x, n,    p, den, c, h) {
		p = x / n
		den = 1 + z * z / n
		c = (p + z * z / (2 * n)) / den
		h = z / den * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
		lo = c - h; hi = c + h
		if (lo < 0) lo = 0
		if (hi > 1) hi = 1
	}
	function f(v) { v = sprintf("%.4f", v); return v == "-0.0000" ? "0.0000" : v }
	BEGIN {
		z = 1.959963984540054
		line = key "," q "," n2 "," (n2 > 0 ? f(x2 / n2) : "") "," n1 "," (n1 > 0 ? f(x1 / n1) : "")
		if (n1 == 0 || n2 == 0) {
			print line ",,,,"
			exit
		}
		wilson(x1, n1); p1 = x1 / n1; l1 = lo; u1 = hi
		wilson(x2, n2); p2 = x2 / n2; l2 = lo; u2 = hi
		d = p1 - p2
		low = d - sqrt((p1 - l1) ^ 2 + (u2 - p2) ^ 2)
		high = d + sqrt((u1 - p1) ^ 2 + (p2 - l2) ^ 2)
		print line "," f(d) "," f(low) "," f(high) "," (low > 0 || high < 0 ? "true" : "false")
	}'
}

# answers VILLAGE SATISFIED DISSATISFIED: that many rows of each
answers() {
	i=0; while [ $i -lt "$2" ]; do echo "$1,满意"; i=$((i + 1)); done
	i=0; while [ $i -lt "$3" ]; do echo "$1,不满意"; i=$((i + 1)); done
}

rounds() {
	{ echo "village,q_cadre"; answers 甲村 8 2; answers 乙村 5 5; answers 丙村 4 0; } >october.csv &&
	{ echo "village,q_cadre"; answers 甲村 3 7; answers 乙村 6 4; answers 丁村 2 2; } >november.csv
}

test_case '--save keeps the responses and tallies them as usual' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally survey.csv >want &&
	test_path_is_missing "$RENKE_DB" &&
	survey-tally --save 2022-11 --today 2022-11-28 survey.csv >got 2>err &&
	test_cmp want got &&
	echo "survey-tally: 300 responses read: added 300, updated 0, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	sqlite3 "$RENKE_DB" "SELECT name, saved_on, created_by FROM survey_round" >got &&
	echo "2022-11|2022-11-28|tester" >expect &&
	test_cmp expect got &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM survey_response; SELECT count(*) FROM survey_answer" >got &&
	printf "300\n1200\n" >expect &&
	test_cmp expect got &&
	sqlite3 "$RENKE_DB" "SELECT source, respondent, village, village_group, household_id, survey_date FROM survey_response ORDER BY id LIMIT 1" >got &&
	echo "2022-11-25:rbf9128bbd67dc5d2.1|何玉勇|后叶村|1社|HY0101001|2022-11-25" >expect &&
	test_cmp expect got &&
	sqlite3 "$RENKE_DB" "SELECT position, question, answer, text FROM survey_answer WHERE response_id = 1" >got &&
	printf "%s\n" "1|q_cadre|satisfied|满意" "2|q_infrastructure|satisfied|满意" \
		"3|q_policy|satisfied|知晓" "4|q_guarantee|satisfied|是" >expect &&
	test_cmp expect got
'

test_case 'saving the same file again adds nothing; a changed one is refused as a whole' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally -q --save r1 survey.csv >/dev/null &&
	store_dump | grep -v "INSERT INTO audit" >before &&
	survey-tally --save r1 survey.csv >/dev/null 2>err &&
	echo "survey-tally: 300 responses read: added 0, updated 0, unchanged 300, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump | grep -v "INSERT INTO audit" >after &&
	test_cmp before after &&
	sed "2s/满意,满意,知晓,是/不满意,满意,知晓,是/" survey.csv >changed.csv &&
	cp changed.csv survey.csv &&
	expect_status 65 survey-tally --save r1 survey.csv >out 2>err &&
	echo "survey-tally: round r1 holds 300 responses already; these add 0, change 1 and leave out 0: save them as a new round, or give --replace to replace the round" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	store_dump | grep -v "INSERT INTO audit" >after &&
	test_cmp before after
'

test_case 'the same survey from a copy, another path or standard input is the same round' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally -q --save r1 survey.csv >/dev/null &&
	store_dump | grep -v "INSERT INTO audit" >before &&
	mkdir elsewhere && cp survey.csv elsewhere/copy.csv &&
	survey-tally --save r1 elsewhere/copy.csv >/dev/null 2>err &&
	grep_message "read: added 0, updated 0, unchanged 300, differ 0, bad 0$" err &&
	survey-tally --save r1 "$PWD/survey.csv" >/dev/null 2>err &&
	grep_message "unchanged 300, differ 0" err &&
	survey-tally --save r1 - <survey.csv >/dev/null 2>err &&
	grep_message "unchanged 300, differ 0" err &&
	store_dump | grep -v "INSERT INTO audit" >after &&
	test_cmp before after
'

test_case 'a re-sent survey with a row more is refused, or replaces the round with --replace' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally -q --save r1 survey.csv >/dev/null &&
	store_dump >before &&
	{ sed -n 1p survey.csv && sed -n 2p survey.csv | sed "s/^[^,]*,/新增受访户,/" && sed 1d survey.csv; } >resent.csv &&
	expect_status 65 survey-tally --save r1 resent.csv >/dev/null 2>err &&
	grep_message "round r1 holds 300 responses already; these add 1, change 0 and leave out 0" err &&
	store_dump >after && test_cmp before after &&
	survey-tally --save r1 --replace resent.csv >/dev/null 2>err &&
	grep_message "301 responses read: added 301, updated 0, unchanged 0, differ 0, bad 0$" err &&
	test "$(sqlite3 "$RENKE_DB" "select count(*) from survey_response")" -eq 301 &&
	sqlite3 "$RENKE_DB" "select field, old from audit where field = ${SQ}responses replaced${SQ}" >got &&
	echo "responses replaced|300" >expect && test_cmp expect got
'

test_case 'an empty or answerless file saves nothing; --compare with a missing round saves nothing' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally -q --save r1 survey.csv >/dev/null &&
	store_dump >before &&
	sed -n 1p survey.csv >header-only.csv &&
	expect_status 65 survey-tally --save r1 header-only.csv >out 2>err &&
	grep_message "^survey-tally: round r1: no responses read: nothing to save$" err &&
	: >empty.csv &&
	expect_status 65 survey-tally --save r2 empty.csv >out 2>err &&
	grep_message "^survey-tally: round r2: no responses read: nothing to save$" err &&
	expect_status 66 survey-tally --save r3 --compare missing survey.csv >out 2>err &&
	store_dump >after && test_cmp before after &&
	expect_status 64 survey-tally --replace survey.csv 2>err &&
	grep_message "^survey-tally: --replace goes with --save$" err
'

test_case 'the audit log says who saved which round and how many responses' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally -q --save r1 --today 2022-11-28 survey.csv >/dev/null &&
	sqlite3 "$RENKE_DB" "SELECT who, command, entity, entity_id, field, new FROM audit ORDER BY seq" >got &&
	printf "%s\n" "tester|survey-tally|survey_round|r1|created|2022-11-28" \
		"tester|survey-tally|survey_round|r1|responses added|300" >expect &&
	test_cmp expect got
'

test_case '--by names the keys; who acts still comes from RENKE_USER' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	RENKE_USER=张会计 survey-tally -q --by village_group --save r1 survey.csv >out &&
	head -n 1 out | cut -d, -f1 >got &&
	echo village_group >expect &&
	test_cmp expect got &&
	sqlite3 "$RENKE_DB" "SELECT DISTINCT who FROM audit" >got &&
	echo 张会计 >expect &&
	test_cmp expect got
'

test_case '--from-store tallies a saved round as the file, whatever the keys' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally -q --save 2022-11 survey.csv >/dev/null &&
	for by in village village_group,village none survey_date household_id; do
		survey-tally --by $by survey.csv >want &&
		survey-tally --by $by --from-store 2022-11 >got &&
		test_cmp want got || return 1
	done &&
	survey-tally --questions 政策知晓 --from-store 2022-11 >got &&
	survey-tally --questions 政策知晓 survey.csv >want &&
	test_cmp want got
'

test_case '--from-store --dissatisfied: the rows --save --dissatisfied wrote, round named' '
	cp "$EXAMPLES/survey.csv" survey.csv &&
	survey-tally -q --save 2022-11 --dissatisfied survey.csv >want &&
	survey-tally --from-store 2022-11 --dissatisfied >got &&
	test_cmp want got &&
	sed -n 2p got | cut -d, -f10 >ref &&
	echo "survey:2022-11-22:r540b0fd8c7375a12.1:q_cadre" >expect &&
	test_cmp expect ref
'

test_case 'a saved round with a blank column and blank keys comes back the same' '
	printf "%s\n" "village,village_group,q_cadre,q_policy" "甲村,,满意," ",1社,," >s.csv &&
	survey-tally -q --save r --by village,village_group s.csv >want &&
	survey-tally --from-store r --by village,village_group >got &&
	test_cmp want got
'

test_case '--compare: each change and whether the intervals allow it' '
	rounds &&
	survey-tally -q --save 2022-10 october.csv >/dev/null &&
	survey-tally --compare 2022-10 --min-n 1 november.csv >out &&
	{
		echo "$COMPARE_HEADER" &&
		expected_compare 甲村 q_cadre 8 10 3 10 &&
		expected_compare 乙村 q_cadre 5 10 6 10 &&
		expected_compare 丁村 q_cadre 0 0 2 4 &&
		expected_compare 丙村 q_cadre 4 4 0 0 &&
		expected_compare "*" q_cadre 17 24 11 24
	} >expect &&
	test_cmp expect out &&
	grep -q "^甲村,q_cadre,10,0.8000,10,0.3000,-0.5000,.*,true$" out &&
	grep -q "^乙村,q_cadre,10,0.5000,10,0.6000,0.1000,.*,false$" out
'

test_case '--from-store and --compare: two saved rounds' '
	rounds &&
	survey-tally -q --save 2022-10 october.csv >/dev/null &&
	survey-tally -q --save 2022-11 november.csv >/dev/null &&
	survey-tally --compare 2022-10 november.csv >want &&
	survey-tally --from-store 2022-11 --compare 2022-10 >got &&
	test_cmp want got &&
	survey-tally --from-store 2022-11 --compare 2022-10 -f table >table &&
	grep -q "^甲村 .* 80.0% .* 30.0% *-50.0% .* yes$" table
'

test_case 'a round that is not there: exit 66, the saved ones named' '
	rounds &&
	expect_status 66 survey-tally --from-store 2022-10 2>err &&
	grep_message "no such store" err &&
	survey-tally -q --save 2022-10 october.csv >/dev/null &&
	expect_status 66 survey-tally --from-store 2022-09 >out 2>err &&
	test ! -s out &&
	grep_message "^survey-tally: .*renke.db: no survey round \"2022-09\"; saved rounds: 2022-10$" err &&
	expect_status 66 survey-tally --compare 2022-09 november.csv >out 2>err &&
	test ! -s out
'

test_case 'bad input with --save: exit 65, nothing saved, no store made' '
	printf "%s\n" "village,q_cadre" "甲村,满意" "甲村,非常满意" >bad.csv &&
	expect_status 65 survey-tally --save r1 bad.csv >out 2>err &&
	test ! -s out &&
	test_path_is_missing "$RENKE_DB" &&
	rounds &&
	survey-tally -q --save r0 october.csv >/dev/null &&
	store_dump >before &&
	expect_status 65 survey-tally --save r1 bad.csv 2>err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'options that do not go together: exit 64' '
	rounds &&
	expect_status 64 survey-tally --save a --from-store b 2>err &&
	expect_status 64 survey-tally --from-store a october.csv 2>err &&
	grep_message "reads the store, not files" err &&
	expect_status 64 survey-tally --save "" october.csv 2>err &&
	test_path_is_missing "$RENKE_DB"
'

test_done
