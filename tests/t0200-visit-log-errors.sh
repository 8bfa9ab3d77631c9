#!/bin/sh
#
# visit-log: bad input.  Every problem is one line "visit-log: file:line:
# field: what", the exit status is exact, and the store is left as it was.

. "$(dirname "$0")/lib.sh"

SQ="'"
HEADER=household_id,visit_date,visitor,visitor_role,round,food_clothing,housing,risk_level,monitor_suggested

# seed: a store with two households and one visit, its dump in ./before
seed() {
	printf "household_id,village,categories\nA1,甲村,脱贫户\nA2,甲村,低保户\n" >households.csv &&
	printf "%s\nA1,2022-10-18,甲,帮扶干部,2022-r1,是,是,无,否\n" "$HEADER" >seed.csv &&
	store_cache seed '
		household-add -q households.csv &&
		visit-log -q --today 2022-11-01 seed.csv' &&
	store_dump >before
}

# store_unchanged: the store is as seed left it
store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

# visits LINE...: in.csv, the header and the lines
visits() {
	printf "%s\n" "$HEADER" "$@" >in.csv
}

test_case 'an unknown household' '
	seed &&
	visits "A1,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" \
		"Z9,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:3: household_id: no household \"Z9\" in the store; household-add registers households$" err &&
	grep_message "^visit-log: 1 bad record; nothing was written$" err &&
	test_line_count 2 err &&
	store_unchanged
'

test_case 'a visit dated after today' '
	seed &&
	visits "A1,2022-11-02,甲,帮扶干部,2022-r1,是,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:2: visit_date: 2022-11-02 is after today (2022-11-01)$" err &&
	store_unchanged &&
	visits "A1,2022年11月2日,甲,帮扶干部,2022-r1,是,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:2: visit_date: 2022-11-02 is after today (2022-11-01)$" err &&
	store_unchanged
'

test_case 'an unknown role' '
	seed &&
	visits "A1,2022-10-25,甲,村民,2022-r1,是,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:2: visitor_role: unknown value \"村民\"; expected one of: county_leader (county leader), town_secretary (town party secretary), village_secretary (village party secretary), first_secretary (first secretary), work_team (work team member), assistance_cadre (assistance cadre), village_cadre (village cadre)$" err &&
	store_unchanged
'

test_case 'an unknown answer in a check' '
	seed &&
	visits "A1,2022-10-25,甲,帮扶干部,2022-r1,可能,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:2: food_clothing: unknown value \"可能\"; expected one of: yes (yes), no (no), na (not applicable)$" err &&
	store_unchanged
'

test_case 'an unknown answer, in Chinese' '
	seed &&
	printf "户编号,走访日期,走访人,轮次,住房安全\nA1,2022-10-25,甲,2022-r1,还行\n" >in.csv &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:2: 住房安全: .*还行.*yes.是.*no.否.*na.无" err &&
	store_unchanged
'

test_case 'the same visit twice in one file' '
	seed &&
	visits "A2,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" \
		"A2,2022-10-26,甲,帮扶干部,2022-r1,是,是,无,否" \
		"A2,2022/10/25,甲,村干部,2022-r1,否,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:4: the same visit (household, date and visitor) as line 2$" err &&
	grep_message "^visit-log: 1 bad record; nothing was written$" err &&
	store_unchanged
'

test_case 'the same visit in two files of one import' '
	seed &&
	visits "A2,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" &&
	cp in.csv again.csv &&
	expect_status 65 visit-log --today 2022-11-01 in.csv again.csv 2>err &&
	grep_message "^visit-log: again.csv:2: the same visit (household, date and visitor) as in.csv:2$" err &&
	store_unchanged
'

test_case 'a visit already in the store is no duplicate' '
	seed &&
	cp seed.csv in.csv &&
	visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "1 visits read: added 0, updated 0, unchanged 1, differ 0, bad 0" err &&
	store_unchanged
'

test_case 'visits written many to a statement keep the order of the input in problems, rows and findings' '
	# 400 visits of A2, each by its own visitor: the same visit again in
	# the same statement (line 11) and two batches later (141), an
	# unknown household (51), a bad role (201), the visit seed stored
	# (301); every fiftieth a finding (housing no)
	seed &&
	awk "BEGIN { print \"$HEADER\"
		for (i = 1; i <= 400; i++) {
			h = \"A2\"; d = \"2022-10-25\"; who = \"甲\" i; role = \"帮扶干部\"
			house = (i % 50 == 7) ? \"否\" : \"是\"
			if (i == 10) who = \"甲9\"
			if (i == 140) who = \"甲3\"
			if (i == 50) h = \"Z9\"
			if (i == 200) role = \"乡长\"
			if (i == 300) { h = \"A1\"; d = \"2022-10-18\"; who = \"甲\" }
			printf \"%s,%s,%s,%s,2022-r1,是,%s,无,否\\n\", h, d, who, role, house
		} }" >in.csv &&
	visit-log --flagged --skip-bad --rejects rejects.csv --today 2022-11-01 in.csv >found.csv 2>err &&
	grep "^visit-log: in.csv:" err | cut -d: -f3 >lines &&
	printf "%s\n" 11 51 141 201 >expect &&
	test_cmp expect lines &&
	grep_message "^visit-log: in.csv:11: the same visit (household, date and visitor) as line 10$" err &&
	grep_message "^visit-log: in.csv:51: household_id: no household \"Z9\" in the store" err &&
	grep_message "^visit-log: in.csv:141: the same visit (household, date and visitor) as line 4$" err &&
	grep_message "^visit-log: 400 visits read: added 395, updated 0, unchanged 1, differ 0, bad 4$" err &&
	csv_column 2 rejects.csv | sed 1d >lines &&
	test_cmp expect lines &&
	sqlite3 "$RENKE_DB" "SELECT count(*), sum(line = substr(visitor, 2) + 1)
		FROM visit WHERE household_id = ${SQ}A2${SQ}" >actual &&
	echo "395|395" >expect &&
	test_cmp expect actual &&
	cut -d, -f12 found.csv | sed 1d >actual &&
	for i in 7 57 107 157 207 257 307 357; do echo "visit:A2:2022-10-25:甲$i"; done >expect &&
	test_cmp expect actual
'

test_case 'a file imported again, changed here and there: looked up in batches, settled in order' '
	# 1000 visits of A2, then the same file with a changed visit (700),
	# a new one (800) that comes again (850), a new one twice in a row
	# (600, 601): past the first batches they are looked up, not written
	seed &&
	awk "BEGIN { print \"$HEADER\"
		for (i = 1; i <= 1000; i++)
			printf \"A2,2022-10-25,甲%d,帮扶干部,2022-r1,是,%s,无,否\\n\", i, (i % 50 == 7) ? \"否\" : \"是\"
		}" >one.csv &&
	visit-log -q --today 2022-11-01 one.csv &&
	awk "BEGIN { print \"$HEADER\"
		for (i = 1; i <= 1000; i++) {
			who = \"甲\" i; house = (i % 50 == 7) ? \"否\" : \"是\"
			if (i == 700) house = \"否\"
			if (i == 800 || i == 850) who = \"乙800\"
			if (i == 600 || i == 601) who = \"丙600\"
			printf \"A2,2022-10-25,%s,帮扶干部,2022-r1,是,%s,无,否\\n\", who, house
		} }" >two.csv &&
	visit-log --upsert --reason 复核 --flagged --skip-bad --rejects rejects.csv --today 2022-11-01 two.csv >found.csv 2>err &&
	grep "^visit-log: two.csv:" err >problems &&
	cat >expect <<-\EOF &&
	visit-log: two.csv:602: the same visit (household, date and visitor) as line 601
	visit-log: two.csv:851: the same visit (household, date and visitor) as line 801
	EOF
	test_cmp expect problems &&
	grep_message "^visit-log: 1000 visits read: added 2, updated 1, unchanged 995, differ 0, bad 2$" err &&
	sqlite3 "$RENKE_DB" "SELECT visitor, line, s.file FROM visit v JOIN visit_source s
		ON s.id = v.source_id WHERE s.file = ${SQ}two.csv${SQ} ORDER BY v.id" >actual &&
	printf "%s\n" "丙600|601|two.csv" "乙800|801|two.csv" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT entity_id, field, old, new FROM audit
		WHERE entity = ${SQ}visit${SQ} AND field = ${SQ}housing${SQ}" >actual &&
	echo "A2:2022-10-25:甲700|housing|yes|no" >expect &&
	test_cmp expect actual &&
	cut -d, -f12 found.csv | sed 1d >actual &&
	test "$(wc -l <actual)" -eq 21 &&
	grep -c "^visit:A2:2022-10-25:甲[0-9]*7\$" actual >count &&
	echo 20 >expect &&
	test_cmp expect count &&
	grep -q "^visit:A2:2022-10-25:甲700\$" actual
'

test_case 'a visit changed, then changed back 100 lines later, amid visits looked up: both changes made' '
	# 3000 visits, then again with 甲1000 changed (line 1001) and given
	# as stored 100 lines later; a new visit (乙1500) and another given
	# twice 100 lines apart (丙): what a batch looked up before the change
	# found is looked up again, and nothing is written after a batch
	# looked up before it is settled
	seed &&
	awk "BEGIN { print \"$HEADER\"
		for (i = 1; i <= 3000; i++)
			printf \"A2,2022-10-25,甲%d,帮扶干部,2022-r1,是,是,无,否\\n\", i
		}" >one.csv &&
	visit-log -q --today 2022-11-01 one.csv &&
	awk "BEGIN { print \"$HEADER\"
		for (i = 1; i <= 3000; i++) {
			who = \"甲\" i; house = (i == 1000) ? \"否\" : \"是\"
			if (i == 1500) who = \"乙1500\"
			if (i == 1600 || i == 1700) who = \"丙\"
			printf \"A2,2022-10-25,%s,帮扶干部,2022-r1,是,%s,无,否\\n\", who, house
			if (i == 1100)
				printf \"A2,2022-10-25,甲1000,帮扶干部,2022-r1,是,是,无,否\\n\"
		} }" >two.csv &&
	visit-log --upsert --reason 复核 --skip-bad --rejects rejects.csv --today 2022-11-01 two.csv 2>err &&
	grep "^visit-log: two.csv:" err >problems &&
	echo "visit-log: two.csv:1702: the same visit (household, date and visitor) as line 1602" >expect &&
	test_cmp expect problems &&
	grep_message "^visit-log: 3001 visits read: added 2, updated 2, unchanged 2996, differ 0, bad 1$" err &&
	sqlite3 "$RENKE_DB" "SELECT entity_id, field, old, new FROM audit
		WHERE entity = ${SQ}visit${SQ} AND field = ${SQ}housing${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "A2:2022-10-25:甲1000|housing|yes|no" "A2:2022-10-25:甲1000|housing|no|yes" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT visitor, line FROM visit WHERE visitor IN
		(${SQ}乙1500${SQ}, ${SQ}丙${SQ}) ORDER BY id" >actual &&
	printf "%s\n" "乙1500|1502" "丙|1602" >expect &&
	test_cmp expect actual
'

test_case 'missing fields' '
	seed &&
	visits ",2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" \
		"A2,,甲,帮扶干部,2022-r1,是,是,无,否" \
		"A2,2022-10-25,,帮扶干部,2022-r1,是,是,无,否" \
		"A2,2022-10-25,甲,帮扶干部, ,是,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	cat >expect <<-\EOF &&
	visit-log: in.csv:2: household_id: missing; every visit is to a household
	visit-log: in.csv:3: visit_date: missing; every visit has a date
	visit-log: in.csv:4: visitor: missing; every visit names who visited
	visit-log: in.csv:5: round: missing; every visit belongs to a round, such as 2022-r1
	visit-log: 4 bad records; nothing was written
	EOF
	test_cmp expect err &&
	store_unchanged
'

test_case 'not a date, an unknown risk level, monitoring neither yes nor no' '
	seed &&
	visits "A2,2022-11-31,甲,帮扶干部,2022-r1,是,是,无,否" \
		"A2,2022-10-25,甲,帮扶干部,2022-r1,是,是,很高,否" \
		"A2,2022-10-26,甲,帮扶干部,2022-r1,是,是,无,也许" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:2: visit_date: not a date: \"2022-11-31\"; write it as 2022-11-01$" err &&
	grep_message "^visit-log: in.csv:3: risk_level: unknown value \"很高\"; expected one of: none (none), low (low), medium (medium), high (high)$" err &&
	grep_message "^visit-log: in.csv:4: monitor_suggested: unknown value \"也许\"; expected one of: yes (yes), no (no)$" err &&
	store_unchanged
'

test_case 'every problem of a record, the unknown household too' '
	seed &&
	visits "Z9,2099-01-01,甲,村民,2022-r1,可能,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "in.csv:2: visit_date: 2099-01-01 is after today" err &&
	grep_message "in.csv:2: visitor_role: unknown value \"村民\"" err &&
	grep_message "in.csv:2: food_clothing: unknown value \"可能\"" err &&
	grep_message "in.csv:2: household_id: no household \"Z9\" in the store" err &&
	test_line_count 5 err &&
	store_unchanged
'

test_case 'one bad record among good ones: nothing is written' '
	seed &&
	visits "A1,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" \
		"A2,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" \
		"A2,2022-10-26,甲,帮扶干部,2022-r1,是,是,无,maybe" \
		"A2,2022-10-27,甲,帮扶干部,2022-r1,是,是,无,否" &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	test_line_count 2 err &&
	store_unchanged
'

test_case '--skip-bad writes the good records and puts the bad in the rejects file' '
	seed &&
	visits "A1,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" \
		"Z9,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" \
		"A2,2022-10-25,甲,乡长,2022-r1,是,是,无,否" &&
	visit-log --skip-bad --rejects rejects.csv --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: 3 visits read: added 1, updated 0, unchanged 0, differ 0, bad 2$" err &&
	grep_message "^visit-log: bad records are in rejects.csv$" err &&
	test_line_count 3 rejects.csv &&
	head -n 1 rejects.csv | grep "^error,line,$HEADER" &&
	grep "^\"household_id: no household \"\"Z9\"\" in the store; household-add registers households\",3,Z9,2022-10-25,甲,帮扶干部,2022-r1,是,是,无,否" rejects.csv &&
	grep "^\"visitor_role: unknown value \"\"乡长\"\"; expected one of: .*\",4,A2,2022-10-25,甲,乡长,2022-r1,是,是,无,否" rejects.csv &&
	echo 2 >expect &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM visit" >actual &&
	test_cmp expect actual
'

test_case 'an unknown column stops the import' '
	seed &&
	printf "household_id,visit_date,visitor,round,走访评价\nA1,2022-10-25,甲,r1,好\n" >in.csv &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:1: 走访评价: unknown column$" err &&
	store_unchanged
'

test_case 'a record that cannot be read' '
	seed &&
	printf "household_id,visit_date,visitor,round\nA1,2022-10-25,甲,r1,extra\n" >in.csv &&
	expect_status 65 visit-log --today 2022-11-01 in.csv 2>err &&
	grep_message "^visit-log: in.csv:2: column E: more fields than the header has columns$" err &&
	store_unchanged
'

test_case 'an input file that cannot be opened' '
	seed &&
	expect_status 66 visit-log --today 2022-11-01 none.csv 2>err &&
	grep_message "^visit-log: none.csv: No such file or directory$" err &&
	store_unchanged
'

test_case 'a bad visit given by options' '
	seed &&
	expect_status 65 visit-log --today 2022-11-01 --household A1 --date 2022-10-25 \
		--visitor 甲 --round 2022-r1 --housing 不知道 2>err &&
	grep_message "^visit-log: command line: --housing: unknown value \"不知道\"" err &&
	store_unchanged
'

test_done
