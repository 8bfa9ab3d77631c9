#!/bin/sh
# t1200-report-many-stores.sh -- report-gen over any number of stores: -d
# repeated, a directory, --stores; stores left out by name; totals that
# combine exactly (medians from histograms); roll-ups read back

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30

# the example township, made once: each case copies it under new names
BASE=$TRASH/base.db
(
	mkdir -p "$TRASH/base" && cd "$TRASH/base" &&
	RENKE_DB=$BASE && export RENKE_DB &&
	household-add -q "$EXAMPLES/households.csv" &&
	milestone-add -q "$EXAMPLES/milestones.csv" &&
	visit-log -q "$EXAMPLES/visits.csv" &&
	survey-tally -q --save 2022-11 --today 2022-11-28 "$EXAMPLES/survey.csv" >/dev/null
) || { echo "Bail out! the example township"; exit 1; }
export BASE TODAY

# stores DIR N: N copies of the example township in DIR, t001.db ...
stores() {
	mkdir -p "$1" &&
	i=1 &&
	while [ $i -le "$2" ]; do
		cp "$BASE" "$1/$(printf t%03d $i).db" || return 1
		i=$((i + 1))
	done
}

# resolve DB DAYS...: one issue per DAYS, opened 2022-11-01 and resolved DAYS later
resolve() {
	db=$1 && shift && n=0 &&
	for days in "$@"; do
		n=$((n + 1)) &&
		on=$(date -u -d "2022-11-01 + $days days" +%Y-%m-%d) &&
		id=$(issue-add -q -d "$db" --today 2022-11-01 --title "修路$n" --owner 王强 \
			--household HY0501004 --category 基础设施 -f csv | sed 1d | cut -d , -f 1) &&
		issue-update -q -d "$db" --today "$on" --id "$id" --status resolved \
			--resolution 已修复 -f csv >/dev/null || return 1
	done
}

# lines LINE...: each LINE on a line of its own
lines() {
	printf '%s\n' "$@"
}

# column NAME FILE: the values of csv column NAME, one a line
column() {
	awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
		{ print $c }' "$2"
}

test_case 'seventy stores in a directory: every township, the county total, no limit of 64' '
	stores county 70 &&
	report-gen -d county summary -f csv --today $TODAY >out &&
	grep -c "^t0[0-9][0-9],\*," out >actual &&
	echo 70 >expect &&
	test_cmp expect actual &&
	tail -n 1 out | cut -d , -f 1-4 >actual &&
	echo "*,*,$((70 * 350)),$((70 * 1243))" >expect &&
	test_cmp expect actual &&
	: the ledgers and the survey read them all too &&
	report-gen -d county households -f csv | tail -n 1 | cut -d , -f 1,2 >actual &&
	echo "*,$((70 * 350))" >expect &&
	test_cmp expect actual &&
	report-gen -d county survey -f csv | cut -d , -f 1 | sort -u | wc -l >actual &&
	echo 72 >expect &&
	test_cmp expect actual
'

test_case 'a directory, --stores and -d repeated name the same stores, in the same order' '
	stores county 3 &&
	report-gen -d county/t001.db -d county/t002.db -d county/t003.db summary \
		-f csv --today $TODAY >by-d &&
	report-gen -d county summary -f csv --today $TODAY >by-dir &&
	test_cmp by-d by-dir &&
	printf "# the county\n\n  county/t001.db  \ncounty/t002.db\r\ncounty/t003.db\n" >list &&
	report-gen --stores list summary -f csv --today $TODAY >by-list &&
	test_cmp by-d by-list &&
	report-gen --stores - summary -f csv --today $TODAY <list >by-stdin &&
	test_cmp by-d by-stdin &&
	: a list may name a directory, and be given with -d &&
	echo county >dirs &&
	report-gen -d county/t001.db --stores dirs summary -f csv --today $TODAY >mixed &&
	grep -c "^t001,\*," mixed >actual &&
	echo 2 >expect &&
	test_cmp expect actual
'

test_case 'a store that cannot be read is named, left out of the totals, exit 65 at the end' '
	stores county 3 &&
	echo "not a store" >county/t002.db &&
	for db in county/*.db; do store_dump "$db"; done >before &&
	expect_status 65 report-gen -d county -d nowhere.db summary -f csv --today $TODAY \
		>out 2>err &&
	grep_message "t002.db: not a renke store.*left out of the report" err &&
	grep_message "nowhere.db: no such store.*left out of the report" err &&
	test_line_count 2 err &&
	cut -d , -f 1,2,3 out | grep "\*," >actual &&
	lines "t001,*,350" "t003,*,350" "*,*,700" >expect &&
	test_cmp expect actual &&
	test_path_is_missing nowhere.db &&
	for db in county/*.db; do store_dump "$db"; done >after &&
	test_cmp before after &&
	: the ledgers say the same &&
	expect_status 65 report-gen -d county issues -f csv >out 2>err &&
	grep_message "t002.db: .*left out of the report" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 report-gen -d county \
		visits -f csv >out 2>err &&
	grep_message "t002.db.*未计入报表" err
'

test_case 'a list or a directory that names no store is exit 66, said' '
	mkdir empty &&
	expect_status 66 report-gen -d empty summary -f csv >out 2>err &&
	grep_message "empty: no store (\*.db) in the directory" err &&
	test_must_be_empty out &&
	printf "# nothing\n\n" >list &&
	expect_status 66 report-gen --stores list summary -f csv >out 2>err &&
	grep_message "list: no store named in the list" err &&
	expect_status 66 report-gen --stores nolist summary -f csv >out 2>err &&
	grep_message "^report-gen: --stores: nolist: " err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 66 report-gen -d empty \
		summary -f csv >out 2>err &&
	grep_message "目录中没有" err
'

test_case 'the county median is the median of every issue, not of the townships'"'"' medians' '
	stores county 2 &&
	resolve county/t001.db 1 1 1 &&
	resolve county/t002.db 10 10 &&
	report-gen -d county summary -f csv --today $TODAY >out &&
	{ head -n 1 out && grep "\*," out; } >totals &&
	column median_days_to_resolve totals >actual &&
	: each issue counted from its own rows &&
	for db in county/*.db; do
		sqlite3 "$db" "SELECT CAST(julianday(resolved_on) - julianday(opened_on) AS INTEGER) FROM issue WHERE resolved_on IS NOT NULL"
	done | sort -n >days &&
	for db in county/*.db; do
		sqlite3 "$db" "SELECT CAST(julianday(resolved_on) - julianday(opened_on) AS INTEGER) FROM issue WHERE resolved_on IS NOT NULL" |
			sort -n | awk "{ v[NR] = \$1 } END { printf \"%.1f\\n\", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }"
	done >expect &&
	sort -n days | awk "{ v[NR] = \$1 } END { printf \"%.1f\\n\", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }" >>expect &&
	test_cmp expect actual &&
	lines 1.0 10.0 1.0 >expect &&
	test_cmp expect actual &&
	column days_to_resolve totals >actual &&
	lines "1:3" "10:2" "1:3 10:2" >expect &&
	test_cmp expect actual
'

test_case 'county roll-ups read back with --from-rollup give the numbers of their stores' '
	stores a 3 && stores b 2 &&
	for i in 1 2; do mv b/t00$i.db b/u00$i.db; done &&
	resolve a/t002.db 3 8 &&
	resolve b/u001.db 5 &&
	report-gen -d a summary -f json --today $TODAY >a.json &&
	report-gen -d b summary -f json --today $TODAY >b.json &&
	report-gen -d a -d b summary -f csv --today $TODAY >expect &&
	report-gen --from-rollup summary a.json b.json -f csv >actual &&
	test_cmp expect actual &&
	report-gen -d a -d b summary -f table --today $TODAY >expect &&
	report-gen --from-rollup summary a.json b.json -f table >actual &&
	test_cmp expect actual &&
	: a roll-up of roll-ups is read back the same way &&
	report-gen --from-rollup summary a.json b.json -f json >city.json &&
	report-gen --from-rollup summary city.json -f csv >again &&
	report-gen -d a -d b summary -f csv --today $TODAY >expect &&
	test_cmp expect again
'

test_case '--from-rollup: a file that is no roll-up is exit 65 or 66, named; usage errors 64' '
	stores a 2 &&
	report-gen -d a summary -f json --today $TODAY >a.json &&
	expect_status 66 report-gen --from-rollup summary a.json none.json -f csv >out 2>err &&
	grep_message "none.json: cannot open the roll-up" err &&
	test_must_be_empty out &&
	echo "[{" >bad.json &&
	expect_status 65 report-gen --from-rollup summary bad.json -f csv >out 2>err &&
	grep_message "bad.json: line 2: not a roll-up" err &&
	test_must_be_empty out &&
	echo "{}" >object.json &&
	expect_status 65 report-gen --from-rollup summary object.json -f csv >out 2>err &&
	grep_message "object.json: not a roll-up: not a JSON array" err &&
	report-gen -d a/t001.db summary -f json --today $TODAY >one.json &&
	expect_status 65 report-gen --from-rollup summary one.json -f csv >out 2>err &&
	grep_message "one.json: row 1: not a roll-up: no township and village" err &&
	sed "s/\"households\":350/\"households\":-1/" a.json >negative.json &&
	! cmp -s a.json negative.json &&
	expect_status 65 report-gen --from-rollup summary a.json negative.json -f csv >out 2>err &&
	grep_message "negative.json: row [0-9]*: households: not a count of the roll-up" err &&
	test_must_be_empty out &&
	sed "s/\"days_to_resolve\":\"\"/\"days_to_resolve\":\"x:1\"/" a.json >days.json &&
	! cmp -s a.json days.json &&
	expect_status 65 report-gen --from-rollup summary days.json -f csv >out 2>err &&
	grep_message "days.json: row 1: days_to_resolve: not a count" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 report-gen --from-rollup \
		summary object.json -f csv >out 2>err &&
	grep_message "object.json：不是汇总" err &&
	while IFS="|" read -r args; do
		eval "set -- $args" &&
		expect_status 64 report-gen "$@" >out 2>err &&
		grep_message "^report-gen: .*--from-rollup" err &&
		test_must_be_empty out || { echo "for: $args" >&2; return 1; }
	done <<-\EOF
	--from-rollup summary
	--from-rollup issues a.json
	--from-rollup -d a summary a.json
	--from-rollup summary - 
	--from-rollup summary a.json -f html
	--from-rollup --village 石门村 summary a.json
	EOF
'

test_case 'memory does not grow with the number of stores' '
	stores few 5 && stores many 100 &&
	: under AddressSanitizer freed memory is held in quarantine: not here &&
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0 &&
	export ASAN_OPTIONS &&
	/usr/bin/time -f %M -o few.kb report-gen -d few summary -f csv --today $TODAY >/dev/null &&
	/usr/bin/time -f %M -o many.kb report-gen -d many summary -f csv --today $TODAY >/dev/null &&
	few=$(tail -n 1 few.kb) many=$(tail -n 1 many.kb) &&
	echo "peak: 5 stores $few KiB, 100 stores $many KiB" &&
	test "$many" -lt $((few + 2048))
'

test_done
