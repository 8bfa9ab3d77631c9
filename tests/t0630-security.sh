#!/bin/sh
#
# Security: SQL-injection strings in every text field are stored and printed
# verbatim; --excel output never hands a spreadsheet a formula; the store,
# its WAL files and a rejects file are 0600 whatever the umask; no output
# and no message shows an ID or phone number unless --reveal asks, and each
# reveal is audited.

. "$(dirname "$0")/lib.sh"


# the injection strings: each one is text, nothing more
INJ1="'); DROP TABLE household; --"
INJ2='" OR 1=1 --'
INJ3="x' OR '1'='1'; DELETE FROM audit; --"
INJ4='\"; DROP TABLE visit; DROP TABLE issue; -- %s%n%x'

# inj K: injection string K
inj() {
	eval "printf '%s' \"\$INJ$1\""
}

# cell TEXT: TEXT as a CSV cell, quoted only when it must be (RFC 4180)
cell() {
	case $1 in
	*[,\"]*) printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')" ;;
	*) printf '%s' "$1" ;;
	esac
}

# quoted TEXT: TEXT as a CSV cell, always quoted
quoted() {
	printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"
}

# q SQL: one query on the store
q() {
	sqlite3 "$RENKE_DB" "$1"
}

# tables: the store's tables, triggers and indexes
tables() {
	q "SELECT type, name FROM sqlite_schema ORDER BY type, name"
}

# lines TEXT...: one line each
lines() {
	printf '%s\n' "$@"
}

# seed: a store with the example households, its schema in ./schema.before
seed() {
	example_households &&
	tables >schema.before
}

# schema_intact: every table, trigger and index is still there
schema_intact() {
	tables >schema.after &&
	test_cmp schema.before schema.after &&
	echo ok >ok.expect &&
	q "PRAGMA integrity_check" >ok.actual &&
	test_cmp ok.expect ok.actual
}

# injection_households: households I1..I4, head_name, village and group
# each injection string K, as CSV
injection_households() {
	echo "household_id,head_name,village,village_group"
	for k in 1 2 3 4; do
		s=$(inj $k)
		echo "I$k,$(quoted "$s"),$(quoted "$s"),$(quoted "$s")"
	done
}

# ---- SQL injection: households ----

test_case 'an SQL-injection string in head_name, village and group: stored and printed verbatim' '
	seed &&
	injection_households >in.csv &&
	household-add -q in.csv &&
	schema_intact &&
	test "$(q "SELECT count(*) FROM household")" -eq 354 &&
	echo "--- in the store" &&
	for k in 1 2 3 4; do
		s=$(inj $k) &&
		lines "$s" "$s" "$s" >expect &&
		q "SELECT h.head_name, v.name, g.name FROM household h
			JOIN village v ON v.id = h.village_id
			JOIN village_group g ON g.id = h.group_id
			WHERE h.household_id = ${SQ}I$k${SQ}" | tr "|" "\n" >actual &&
		test_cmp expect actual || return 1
	done &&
	echo "--- in CSV" &&
	for k in 1 2 3 4; do
		s=$(cell "$(inj $k)") &&
		echo "I$k,$s,,,$s,$s,,,," || return 1
	done >expect &&
	household-list -f csv >out &&
	grep "^I[1-4]," out >actual &&
	test_cmp expect actual &&
	report-gen households -f csv >out &&
	grep "^I[1-4]," out >actual &&
	test_cmp expect actual &&
	echo "--- in JSON and JSON Lines" &&
	for k in 1 2 3 4; do
		s=$(inj $k) &&
		lines "$s" "$s" "$s" || return 1
	done >expect &&
	household-list -f json >out.json &&
	jq -r ".[] | select(.household_id | test(\"^I[1-4]$\")) | .head_name, .village, .village_group" out.json >actual &&
	test_cmp expect actual &&
	household-list -f jsonl >out.jsonl &&
	jq -r "select(.household_id | test(\"^I[1-4]$\")) | .head_name, .village, .village_group" out.jsonl >actual &&
	test_cmp expect actual &&
	report-gen households -f json >out.json &&
	jq -r ".[] | select(.household_id | test(\"^I[1-4]$\")) | .head_name, .village, .village_group" out.json >actual &&
	test_cmp expect actual
'

test_case 'households with injection strings survive a CSV and a JSON round trip' '
	seed &&
	injection_households >in.csv &&
	household-add -q in.csv &&
	household-list -f csv --reveal >list.csv &&
	household-list -f csv --reveal | household-add -q -d from-csv.db - &&
	household-list -f jsonl --reveal | household-add -q -d from-jsonl.db - &&
	household-list -d from-csv.db -f csv --reveal >again.csv &&
	test_cmp list.csv again.csv &&
	household-list -d from-jsonl.db -f csv --reveal >again.csv &&
	test_cmp list.csv again.csv
'

test_case 'an injection string as a filter matches that text and nothing else' '
	seed &&
	injection_households >in.csv &&
	household-add -q in.csv &&
	for k in 1 2 3 4; do
		s=$(inj $k) &&
		household-list -f csv --village "$s" >out &&
		sed 1d out | cut -d, -f1 >actual &&
		echo "I$k" >expect &&
		test_cmp expect actual &&
		household-list -f csv --village "$s" --group "$s" >out &&
		sed 1d out | cut -d, -f1 >actual &&
		test_cmp expect actual &&
		report-gen households -f csv --village "$s" >out &&
		sed 1d out | cut -d, -f1 >actual &&
		test_cmp expect actual || return 1
	done &&
	expect_status 65 household-list -f csv --village "$INJ2" --group 1社 \
		>out 2>err &&
	test_must_be_empty out &&
	schema_intact
'

# ---- SQL injection: issues ----

# issue_fields TITLE TEXT: the stored fields of an issue whose title is TITLE
# and whose other text fields all hold TEXT, as one JSON line
issue_fields() {
	jq -cn --arg t "$1" --arg s "$2" \
		"{title: \$t, detail: \$s, owner: \$s, reporter: \$s, standard: \$s, measures: \$s}"
}

test_case 'an SQL-injection string in every text field of an issue: stored and printed verbatim' '
	seed &&
	echo "--- from options" &&
	for k in 1 2 3 4; do
		s=$(inj $k) &&
		issue-add -q -f json --today 2024-03-01 --title "$s" --detail "$s" --owner "$s" \
			--reporter "$s" --standard "$s" --measures "$s" >out.json &&
		jq -r ".[0].title, .[0].owner" out.json >actual &&
		lines "$s" "$s" >expect &&
		test_cmp expect actual || return 1
	done &&
	echo "--- from CSV" &&
	{
		echo "title,detail,owner,reporter,standard,measures" &&
		for k in 1 2 3 4; do
			s=$(quoted "$(inj $k)") &&
			echo "$(quoted "表格 $(inj $k)"),$s,$s,$s,$s,$s" || return 1
		done
	} >in.csv &&
	issue-add -q -f csv --today 2024-03-01 in.csv >out.csv &&
	test_line_count 5 out.csv &&
	echo "--- from JSON Lines" &&
	for k in 1 2 3 4; do
		jq -cn --arg t "JSON $(inj $k)" --arg s "$(inj $k)" \
			"{title: \$t, detail: \$s, owner: \$s, reporter: \$s, standard: \$s, measures: \$s}" ||
			return 1
	done >in.jsonl &&
	issue-add -q -f jsonl --today 2024-03-01 in.jsonl >out.jsonl &&
	test_line_count 4 out.jsonl &&
	schema_intact &&
	echo "--- in the store" &&
	{
		for k in 1 2 3 4; do issue_fields "$(inj $k)" "$(inj $k)" || return 1; done &&
		for k in 1 2 3 4; do issue_fields "表格 $(inj $k)" "$(inj $k)" || return 1; done &&
		for k in 1 2 3 4; do issue_fields "JSON $(inj $k)" "$(inj $k)" || return 1; done
	} >expect &&
	sqlite3 -json "$RENKE_DB" "SELECT title, detail, owner, reporter, standard, measures
		FROM issue ORDER BY id" | jq -c ".[]" >actual &&
	test_cmp expect actual &&
	echo "--- report-gen issues in CSV" &&
	id=0 &&
	for prefix in "" "表格 " "JSON "; do
		for k in 1 2 3 4; do
			id=$((id + 1)) &&
			echo "$id,problem,other,$(cell "$prefix$(inj $k)"),normal,,,,other,$(cell "$(inj $k)"),2024-03-01,2024-03-31,open,,,,0," ||
				return 1
		done
	done >expect &&
	report-gen issues -f csv >out &&
	sed 1d out >actual &&
	test_cmp expect actual &&
	echo "--- report-gen issues and deadline-check in JSON" &&
	sqlite3 "$RENKE_DB" "SELECT title FROM issue ORDER BY id" >titles &&
	report-gen issues -f json >out.json &&
	jq -r ".[].title" out.json >actual &&
	test_cmp titles actual &&
	expect_status 1 deadline-check -f json --today 2024-06-01 >out.json &&
	jq -r "sort_by(.id | tonumber) | .[].title" out.json >actual &&
	test_cmp titles actual &&
	jq -r "sort_by(.id | tonumber) | .[].owner" out.json >actual &&
	sqlite3 "$RENKE_DB" "SELECT owner FROM issue ORDER BY id" >expect &&
	test_cmp expect actual &&
	echo "--- as a filter" &&
	for k in 1 2 3 4; do
		report-gen issues -f csv --owner "$(inj $k)" >out &&
		sed 1d out | cut -d, -f1 >actual &&
		lines $k $((k + 4)) $((k + 8)) >expect &&
		test_cmp expect actual &&
		expect_status 1 deadline-check -f jsonl --today 2024-06-01 --owner "$(inj $k)" >out &&
		jq -r .id out | sort -n >actual &&
		test_cmp expect actual || return 1
	done &&
	schema_intact
'

test_case 'an injection string in an issue update (owner, note, resolution) is stored verbatim' '
	seed &&
	issue-add -q --today 2024-03-01 --title 修路 --owner 王强 >/dev/null &&
	issue-update -q --today 2024-03-02 --id 1 --owner "$INJ1" --note "$INJ2" >/dev/null &&
	issue-update -q --today 2024-03-03 --id 1 --status resolved --resolution "$INJ3" >/dev/null &&
	issue-update -q --today 2024-03-04 --id 1 --status feedback_given --feedback "$INJ4" >/dev/null &&
	schema_intact &&
	lines "$INJ1" "$INJ3" "$INJ4" "$INJ2" >expect &&
	sqlite3 -json "$RENKE_DB" "SELECT owner, resolution, feedback,
		(SELECT note FROM issue_note WHERE issue_id = issue.id) AS note FROM issue" |
		jq -r ".[0].owner, .[0].resolution, .[0].feedback, .[0].note" >actual &&
	test_cmp expect actual &&
	report-gen history 1 -f json >out.json &&
	jq -r ".[] | select(.field == \"owner\") | .new" out.json >actual &&
	lines 王强 "$INJ1" >expect &&
	test_cmp expect actual
'

# ---- SQL injection: meetings and visits ----

test_case 'an SQL-injection string in a meeting'$SQ's host and minutes: stored and printed verbatim' '
	seed &&
	for k in 1 2 3 4; do
		s=$(inj $k) &&
		{ echo "title,owner"; echo "$(quoted "$s"),$(quoted "$s")"; } >suggestions.csv &&
		meeting-log -q -f json --today 2024-03-01 --kind representatives --village 后叶村 \
			--date 2024-02-0$k --host "$s" --minutes "$s" suggestions.csv >out.json &&
		jq -r ".[0].host" out.json >actual &&
		echo "$s" >expect &&
		test_cmp expect actual || return 1
	done &&
	schema_intact &&
	for k in 1 2 3 4; do
		s=$(inj $k) &&
		lines "$s" "$s" "$s" "$s" || return 1
	done >expect &&
	sqlite3 -json "$RENKE_DB" "SELECT m.host, m.minutes, i.title, i.owner FROM meeting m
		JOIN issue i ON i.meeting_id = m.id ORDER BY m.id" |
		jq -r ".[] | .host, .minutes, .title, .owner" >actual &&
	test_cmp expect actual &&
	for k in 1 2 3 4; do
		echo "$k,representatives,后叶村,,2024-02-0$k,$(cell "$(inj $k)"),,1," || return 1
	done >expect &&
	report-gen meetings -f csv >out &&
	sed 1d out >actual &&
	test_cmp expect actual &&
	report-gen meetings -f json >out.json &&
	jq -r ".[].host" out.json >actual &&
	lines "$INJ1" "$INJ2" "$INJ3" "$INJ4" >expect &&
	test_cmp expect actual
'

test_case 'an SQL-injection string in a visit'$SQ's visitor and notes: stored and printed verbatim' '
	seed &&
	visit-log -q --household HY0101001 --date 2023-01-01 --visitor "$INJ1" --round r1 --notes "$INJ1" &&
	visit-log -q --household HY0101001 --date 2023-01-02 --visitor "$INJ2" --round r1 --notes "$INJ2" &&
	{
		echo "household_id,visit_date,visitor,round,notes" &&
		echo "HY0101001,2023-01-03,$(quoted "$INJ3"),r1,$(quoted "$INJ3")" &&
		echo "HY0101001,2023-01-04,$(quoted "$INJ4"),r1,$(quoted "$INJ4")"
	} >in.csv &&
	visit-log -q in.csv &&
	schema_intact &&
	lines "$INJ1" "$INJ1" "$INJ2" "$INJ2" "$INJ3" "$INJ3" "$INJ4" "$INJ4" >expect &&
	sqlite3 -json "$RENKE_DB" "SELECT visitor, notes FROM visit ORDER BY visit_date" |
		jq -r ".[] | .visitor, .notes" >actual &&
	test_cmp expect actual &&
	report-gen visits -f json >out.json &&
	jq -r ".[] | .visitor, .notes" out.json >actual &&
	test_cmp expect actual &&
	for k in 1 2 3 4; do
		s=$(cell "$(inj $k)") &&
		echo "HY0101001,后叶村,1社,2023-01-0$k,$s,,r1,,,,,,,,,,$s" || return 1
	done >expect &&
	report-gen visits -f csv >out &&
	sed 1d out >actual &&
	test_cmp expect actual
'

# ---- --excel ----

# the formulas a spreadsheet would run
F1='=HYPERLINK("http://example.com/?q=1","点击")'
F2='+1'
F3='-1+2'
F4='@SUM(A1)'

# excel_rows FILE: FILE (--excel output) with its BOM and CRs taken off;
# it must have had both
excel_rows() {
	bom=$(head -c 3 "$1" | od -An -tx1 | tr -d " \n")
	if [ "$bom" != efbbbf ]; then
		echo "$1: no UTF-8 BOM at the start" >&2
		return 1
	fi
	if [ "$(tr -cd "\r" <"$1" | wc -c)" -ne "$(wc -l <"$1")" ]; then
		echo "$1: not every line ends with CRLF" >&2
		return 1
	fi
	tail -c +4 "$1" | tr -d "\r"
}

test_case '--excel puts a quote before =, +, - and @ in every cell that starts with one' '
	seed &&
	{
		echo "household_id,head_name,village" &&
		echo "F1,$(quoted "$F1"),后叶村" &&
		echo "F2,$F2,后叶村" &&
		echo "F3,$F3,后叶村" &&
		echo "F4,$F4,后叶村" &&
		echo "F5,a=1+2,后叶村"
	} >in.csv &&
	household-add -q in.csv &&
	for f in "$F1" "$F2" "$F3" "$F4"; do
		issue-add -q --today 2024-03-01 --title="$f" --owner="$f" --village 后叶村 >/dev/null ||
			return 1
	done &&
	lines "F1,$(cell "$SQ$F1"),,,后叶村,,,,," "F2,${SQ}+1,,,后叶村,,,,," \
		"F3,${SQ}-1+2,,,后叶村,,,,," "F4,${SQ}@SUM(A1),,,后叶村,,,,," \
		"F5,a=1+2,,,后叶村,,,,," >expect &&
	household-list --excel >out &&
	excel_rows out >rows &&
	grep "^F" rows >actual &&
	test_cmp expect actual &&
	report-gen households --excel >out &&
	excel_rows out >rows &&
	grep "^F" rows >actual &&
	test_cmp expect actual &&
	echo "--- without --excel the text is as it was" &&
	lines "F1,$(cell "$F1"),,,后叶村,,,,," "F2,+1,,,后叶村,,,,," \
		"F3,-1+2,,,后叶村,,,,," "F4,@SUM(A1),,,后叶村,,,,," "F5,a=1+2,,,后叶村,,,,," >expect &&
	household-list -f csv >out &&
	grep "^F" out >actual &&
	test_cmp expect actual &&
	echo "--- titles and owners of issues" &&
	id=0 &&
	for f in "$F1" "$F2" "$F3" "$F4"; do
		id=$((id + 1)) &&
		c=$(cell "$SQ$f") &&
		echo "$id,problem,other,$c,normal,后叶村,,,other,$c,2024-03-01,2024-03-31,open,,,,0," ||
			return 1
	done >expect &&
	report-gen issues --excel >out &&
	excel_rows out >rows &&
	sed 1d rows >actual &&
	test_cmp expect actual &&
	id=0 &&
	for f in "$F1" "$F2" "$F3" "$F4"; do
		id=$((id + 1)) &&
		c=$(cell "$SQ$f") &&
		echo "issue overdue,$id,$c,,后叶村,,$c,2024-03-31,92,normal" || return 1
	done >expect &&
	expect_status 1 deadline-check --excel --today 2024-07-01 >out &&
	excel_rows out >rows &&
	sed 1d rows | sort -t, -k2,2n >actual &&
	test_cmp expect actual &&
	echo "--- head names on the coverage list" &&
	milestone-add -q --id M1 --title 全覆盖走访 --round r1 --due 2022-11-01 &&
	visit-log --coverage --missing --excel >out &&
	excel_rows out >rows &&
	grep ",F[1-5]," rows | cut -d, -f4- >actual &&
	lines "F1,$(cell "$SQ$F1"),," "F2,${SQ}+1,," "F3,${SQ}-1+2,," "F4,${SQ}@SUM(A1),," \
		"F5,a=1+2,," >expect &&
	test_cmp expect actual
'

test_case '--excel neutralises formulas in visitors, notes and hosts too' '
	seed &&
	visit-log -q --household HY0101001 --date 2023-01-01 --visitor "$F2" --round r1 --notes "$F4" &&
	meeting-log -q --today 2024-03-01 --kind representatives --village 后叶村 --host "$F3" >/dev/null &&
	report-gen visits --excel >out &&
	excel_rows out >rows &&
	sed 1d rows >actual &&
	echo "HY0101001,后叶村,1社,2023-01-01,${SQ}+1,,r1,,,,,,,,,,${SQ}@SUM(A1)" >expect &&
	test_cmp expect actual &&
	report-gen meetings --excel >out &&
	excel_rows out >rows &&
	sed 1d rows >actual &&
	echo "1,representatives${SQ} meeting,后叶村,,2024-03-01,${SQ}-1+2,,0," >expect &&
	test_cmp expect actual
'

# ---- file modes ----

# mode FILE: its permission bits, as stat -c %a says them
mode() {
	stat -c %a "$1"
}

# modes_while_importing DB: while household-add is in the middle of an
# import into DB (its input stalls after one record), the modes of DB,
# DB-wal and DB-shm, one a line
modes_while_importing() {
	{
		printf "household_id,village\nA1,甲村\n"
		sleep 2
		printf "A2,甲村\n"
	} | household-add -q -d "$1" - &
	pid=$!
	tries=0
	until [ -e "$1-wal" ] && [ -e "$1-shm" ]; do
		tries=$((tries + 1))
		if [ $tries -gt 30 ]; then
			echo "no $1-wal and $1-shm after 3 s" >&2
			wait $pid
			return 1
		fi
		sleep 0.1
	done
	mode "$1" && mode "$1-wal" && mode "$1-shm"
	wait $pid
}

for mask in 022 000; do
	test_case "umask $mask: a new store and its -wal and -shm files are 0600" '
		umask '$mask' &&
		modes_while_importing new.db >actual &&
		lines 600 600 600 >expect &&
		test_cmp expect actual &&
		echo "--- an existing store, opened again" &&
		modes_while_importing new.db >actual &&
		test_cmp expect actual &&
		echo "--- stores created by other commands" &&
		issue-add -q -d issues.db --title 修路 --owner 王强 >/dev/null &&
		mode issues.db >actual &&
		milestone-add -q -d milestones.db "$EXAMPLES/milestones.csv" &&
		mode milestones.db >>actual &&
		household-add -q -d households.db "$EXAMPLES/households.csv" &&
		mode households.db >>actual &&
		lines 600 600 600 >expect &&
		test_cmp expect actual
	'

	test_case "umask $mask: every --rejects file is 0600" '
		umask '$mask' &&
		household-add -q "$EXAMPLES/households.csv" &&
		printf "household_id,village,phone\nB1,后叶村,12345\nB2,后叶村,\n" >households.csv &&
		household-add -q --skip-bad --rejects households.rejects households.csv 2>/dev/null &&
		printf "household_id,visit_date,visitor,round\nHY0101001,2023-01-01,王强,r1\nNOSUCH,2023-01-01,王强,r1\n" >visits.csv &&
		visit-log -q --skip-bad --rejects visits.rejects visits.csv 2>/dev/null &&
		printf "title,owner\n修路,王强\n,王强\n" >issues.csv &&
		issue-add -q --skip-bad --rejects issues.rejects issues.csv >/dev/null 2>&1 &&
		printf "milestone_id,title,round,due_date\nM1,走访,r1,2022-11-01\nM2,走访,r1,not-a-date\n" >milestones.csv &&
		milestone-add -q --skip-bad --rejects milestones.rejects milestones.csv 2>/dev/null &&
		for f in households visits issues milestones; do
			test -s $f.rejects &&
			echo "$f.rejects $(mode $f.rejects)" || return 1
		done >actual &&
		lines "households.rejects 600" "visits.rejects 600" "issues.rejects 600" \
			"milestones.rejects 600" >expect &&
		test_cmp expect actual &&
		mode "$RENKE_DB" >actual &&
		echo 600 >expect &&
		test_cmp expect actual
	'
done

# ---- ID and phone numbers ----

# the numbers the masking cases know: households generated with numbers,
# visits and a survey of them
masked_data() {
	gen-households 300 11 >households.csv &&
	household-add -q households.csv &&
	cut -d, -f3 households.csv | sed 1d | grep . >ids &&
	cut -d, -f4 households.csv | sed 1d | grep . >phones &&
	test "$(wc -l <ids)" -eq 300 &&
	test "$(wc -l <phones)" -gt 200 &&
	cat ids phones >numbers &&
	gen-visits -n 1200 -s 4 households.csv >visits.csv &&
	visit-log -q visits.csv &&
	milestone-add -q "$EXAMPLES/milestones.csv" &&
	issue-add -q --today 2022-11-01 --title 房屋漏雨 --owner 王强 --household H0000001 >/dev/null &&
	issue-add -q --today 2022-11-01 --title 饮水困难 --owner 李霞 --household H0000002 >/dev/null &&
	mkdir said
}

# run NAME COMMAND...: COMMAND, its standard output and error kept in said/
run() {
	name=$1
	shift
	"$@" >"said/$name.out" 2>"said/$name.err"
}

# nothing_shown: no file in said/ holds any of ./numbers
nothing_shown() {
	if grep -F -f numbers said/*; then
		echo "unmasked numbers shown (above)" >&2
		return 1
	fi
	test "$(ls said | wc -l)" -gt 0
}

# reveals: the audit rows of reveals
reveals() {
	q "SELECT count(*) FROM audit WHERE entity = ${SQ}reveal${SQ}"
}

test_case 'no output of any command shows an ID or phone number without --reveal' '
	masked_data &&
	for f in table csv json jsonl; do
		run household-list.$f household-list -f $f &&
		run household-list-village.$f household-list -f $f --village 长岭村 &&
		run household-list-id.$f household-list -f $f --id H0000001 || return 1
	done &&
	run household-list.excel household-list --excel &&
	for f in table csv json jsonl markdown html; do
		for r in households summary visits issues; do
			run report-gen-$r.$f report-gen -f $f $r || return 1
		done
	done &&
	run report-gen-excel report-gen --excel households &&
	run coverage visit-log --coverage &&
	run coverage-missing visit-log --coverage --missing &&
	run coverage-missing.json visit-log --coverage --missing -f json &&
	run coverage-milestone visit-log --coverage --missing --milestone 2023-02-18 &&
	run flagged visit-log --flagged --since 2000-01-01 &&
	for f in table csv json jsonl; do
		expect_status 1 run deadline-check.$f deadline-check -f $f --today 2030-01-01 || return 1
	done &&
	expect_status 1 run deadline-check-summary deadline-check --summary --today 2030-01-01 &&
	run issue-add issue-add --today 2022-11-01 --title 道路损毁 --owner 王强 --household H0000003 &&
	run issue-update issue-update --today 2022-11-02 --id 1 --status in_progress &&
	run household-add-again household-add households.csv &&
	run household-add-dry household-add --dry-run --upsert households.csv &&
	run visit-log-again visit-log visits.csv &&
	test -s said/household-list.csv.out &&
	nothing_shown &&
	test "$(reveals)" -eq 0
'

test_case 'no message of a bad household import shows the ID or phone number' '
	masked_data &&
	new=$(id_number 50023519880808123) &&
	bad=${new%?}$(( (${new#?????????????????} + 1) % 10 )) &&
	other=$(id_number 50023519770707456) &&
	another=$(id_number 50023519660606789) &&
	old=$(sed -n 2p households.csv | cut -d, -f3) &&
	oldphone=$(sed -n 2p households.csv | cut -d, -f4) &&
	lines "$new" "$bad" "$other" "$another" "${new%?}" 1381234567 138123456789 \
		12812345678 13912345678 13712345678 >>numbers &&
	echo "--- a wrong check digit, from a file and from options" &&
	printf "household_id,village,id_number\nN1,后叶村,%s\n" "$bad" >in.csv &&
	expect_status 65 run check-digit household-add in.csv &&
	grep_message "in.csv:2: id_number: wrong check digit" said/check-digit.err &&
	expect_status 65 run check-digit-option household-add --id N1 --village 后叶村 --id-number "$bad" &&
	grep_message "id_number\|id-number" said/check-digit-option.err &&
	echo "--- the wrong length" &&
	printf "household_id,village,id_number\nN1,后叶村,%s\n" "${new%?}" >in.csv &&
	expect_status 65 run length household-add in.csv &&
	echo "--- the same ID number twice in a file, and one already in the store" &&
	printf "household_id,village,id_number\nN1,后叶村,%s\nN2,后叶村,%s\nN3,后叶村,%s\n" \
		"$new" "$new" "$old" >in.csv &&
	expect_status 65 run duplicate household-add in.csv &&
	grep_message "in.csv:3: " said/duplicate.err &&
	grep_message "in.csv:4: " said/duplicate.err &&
	echo "--- bad phone numbers, from a file and from options" &&
	printf "household_id,village,phone\nN1,后叶村,1381234567\nN2,后叶村,138123456789\nN3,后叶村,12812345678\n" >in.csv &&
	expect_status 65 run phone household-add in.csv &&
	grep_message "in.csv:4: phone: " said/phone.err &&
	expect_status 65 run phone-option household-add --id N1 --village 后叶村 --phone 12812345678 &&
	echo "--- all at once, with --skip-bad (the rejects file is no message)" &&
	printf "household_id,village,id_number,phone\nN1,后叶村,%s,1381234567\nN2,后叶村,%s,\nN3,后叶村,%s,13912345678\n" \
		"$bad" "$old" "$other" >in.csv &&
	run skip-bad household-add --skip-bad --rejects rejects.csv in.csv &&
	echo "--- a household whose numbers differ from the store" &&
	sed -n "1p;2p" households.csv | sed "s/$old/$another/; s/,$oldphone,/,13712345678,/" >in.csv &&
	! cmp -s in.csv households.csv &&
	run differ household-add in.csv &&
	expect_status 64 run differ-no-reason household-add --upsert in.csv &&
	grep_message "reason" said/differ-no-reason.err &&
	run differ-dry household-add --dry-run --upsert --reason 换证 in.csv &&
	run differ-upsert household-add --upsert --reason 换证 in.csv &&
	nothing_shown &&
	test "$(reveals)" -eq 0
'

test_case 'survey-tally never writes out the ID and phone numbers it reads' '
	masked_data &&
	awk -F, "NR == 1 { print \"受访人,村(社区),村民小组,户编号,联系电话,身份证号,调查日期,干部作风,政策知晓,备注\"; next }
		{ split(\"满意 基本满意 不满意 不了解\", a, \" \");
		  print \$2 \",\" \$5 \",\" \$6 \",\" \$1 \",\" \$4 \",\" \$3 \",2022-11-25,\" a[NR % 4 + 1] \",\" a[(NR + 1) % 4 + 1] \",电话\" \$4 }" \
		households.csv >survey.csv &&
	test_line_count 301 survey.csv &&
	for f in table csv json jsonl; do
		run tally.$f survey-tally -f $f survey.csv &&
		run tally-household.$f survey-tally -f $f --by household_id survey.csv &&
		run tally-respondent.$f survey-tally -f $f --by respondent,village survey.csv &&
		run dissatisfied.$f survey-tally -f $f --dissatisfied survey.csv || return 1
	done &&
	run excel survey-tally --excel --dissatisfied survey.csv &&
	run save survey-tally --today 2022-12-01 --save r1 survey.csv &&
	run from-store survey-tally --from-store r1 --by household_id &&
	run from-store-dissatisfied survey-tally --from-store r1 --dissatisfied -f json &&
	run report-survey report-gen survey &&
	echo "--- an ID number where an answer should be" &&
	sed "2s/,满意,/,$(sed -n 1p ids),/; 2s/,不满意,/,$(sed -n 1p ids),/; 2s/,基本满意,/,$(sed -n 1p ids),/; 2s/,不了解,/,$(sed -n 1p ids),/" \
		survey.csv >bad-survey.csv &&
	! cmp -s survey.csv bad-survey.csv &&
	expect_status 65 run bad-answer survey-tally bad-survey.csv &&
	grep_message "bad-survey.csv:2: " said/bad-answer.err &&
	test -s said/dissatisfied.csv.out &&
	nothing_shown
'

test_case 'with --reveal the numbers are shown, and each reveal is audited' '
	masked_data &&
	test "$(reveals)" -eq 0 &&
	household-list -f csv --reveal >out &&
	grep -o -F -f ids out | sort -u >shown &&
	sort ids >expect &&
	test_cmp expect shown &&
	grep -o -F -f phones out | sort -u >shown &&
	sort -u phones >expect &&
	test_cmp expect shown &&
	test "$(reveals)" -eq 1 &&
	report-gen households -f json --reveal >out &&
	jq -r ".[].id_number" out | sort >shown &&
	sort ids >expect &&
	test_cmp expect shown &&
	test "$(reveals)" -eq 2 &&
	q "SELECT who, command, entity FROM audit WHERE entity = ${SQ}reveal${SQ} ORDER BY seq" >actual &&
	lines "tester|household-list|reveal" "tester|report-gen|reveal" >expect &&
	test_cmp expect actual &&
	echo "--- and only for what was asked" &&
	household-list -f csv --reveal --by 审计员 --id H0000001 >out &&
	test_line_count 2 out &&
	grep -q -F "$(sed -n 1p ids)" out &&
	test "$(reveals)" -eq 3 &&
	q "SELECT who FROM audit WHERE entity = ${SQ}reveal${SQ} ORDER BY seq DESC LIMIT 1" >actual &&
	echo 审计员 >expect &&
	test_cmp expect actual
'

test_done
