#!/bin/sh
#
# issue-add: a finding of a visit for a household that has an issue from
# visits of the same category still open is noted on that issue, not
# opened again; the same findings read again add nothing

. "$(dirname "$0")/lib.sh"

# visits.csv: four visits to HY0101001 finding its drinking water unsafe
four_visits() {
	household-add -q "$EXAMPLES/households.csv" &&
	cat >visits.csv <<-\EOF
	household_id,visit_date,visitor,round,drinking_water
	HY0101001,2022-11-01,王干部,r1,否
	HY0101001,2022-11-08,王干部,r1,否
	HY0101001,2022-11-15,李干部,r1,否
	HY0101001,2022-11-22,王干部,r1,否
	EOF
}

test_case 'four flagged visits: one issue with three notes, counted as noted' '
	four_visits &&
	visit-log -q --flagged visits.csv >findings.csv &&
	issue-add --today 2022-11-23 findings.csv >out 2>err &&
	echo "issue-add: 4 issues read: added 1, updated 0, unchanged 0, differ 0, bad 0, noted 3" >expect &&
	test_cmp expect err &&
	test_line_count 2 out &&
	sqlite3 "$RENKE_DB" "SELECT id, category, status FROM issue" >actual &&
	echo "1|water|open" >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT issue_id, who, note FROM issue_note ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	1|王干部|走访发现：饮水安全未保障 (visit:HY0101001:2022-11-08:王干部)
	1|李干部|走访发现：饮水安全未保障 (visit:HY0101001:2022-11-15:李干部)
	1|王干部|走访发现：饮水安全未保障 (visit:HY0101001:2022-11-22:王干部)
	EOF
	test_cmp expect actual &&
	: each note is in the history of the issue &&
	test "$(report-gen history 1 -f csv | grep -c ",note,")" = 3
'

test_case 'the same findings again add nothing, noted or not; a dry run writes nothing' '
	four_visits &&
	visit-log -q --flagged visits.csv >findings.csv &&
	issue-add -q --today 2022-11-23 findings.csv >/dev/null &&
	store_dump >before &&
	issue-add --today 2022-11-30 findings.csv >out 2>err &&
	echo "issue-add: 4 issues read: added 0, updated 0, unchanged 4, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after &&
	: a dry run of new findings says what it would note &&
	printf "household_id,visit_date,visitor,round,drinking_water\nHY0101001,2022-11-29,王干部,r1,否\n" >more.csv &&
	visit-log -q more.csv &&
	visit-log -q --flagged --since 2022-11-29 >more.findings &&
	store_dump >before &&
	issue-add --dry-run --today 2022-11-30 more.findings >out 2>err &&
	echo "issue-add: dry run, nothing written: 1 issues read: would add 0, would update 0, unchanged 0, differ 0, bad 0, would note 1" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after
'

test_case 'another category, another household, or the issue no longer open: an issue of its own' '
	four_visits &&
	sed -n 1,2p visits.csv >first.csv &&
	{ sed -n 1p visits.csv && sed -n 4,5p visits.csv; } >later.csv &&
	visit-log -q --flagged first.csv >first.findings &&
	issue-add -q --today 2022-11-02 first.findings >/dev/null &&
	printf "%s\n" "household_id,visit_date,visitor,round,housing,drinking_water" \
		"HY0101001,2022-11-09,王干部,r1,否," "HY0101002,2022-11-09,王干部,r1,,否" >other.csv &&
	visit-log -q --flagged other.csv >other.findings &&
	issue-add --today 2022-11-10 other.findings >out 2>err &&
	echo "issue-add: 2 issues read: added 2, updated 0, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	issue-update -q --today 2022-11-12 --id 1 --status resolved --resolution 已改水 >/dev/null &&
	visit-log -q --flagged later.csv >later.findings &&
	issue-add --today 2022-11-23 later.findings >out 2>err &&
	echo "issue-add: 2 issues read: added 1, updated 0, unchanged 0, differ 0, bad 0, noted 1" >expect &&
	test_cmp expect err &&
	sqlite3 "$RENKE_DB" "SELECT issue_id FROM issue_note" >actual &&
	echo 4 >expect && test_cmp expect actual
'

test_case 'a grievance entered by hand is never noted: the rule is for findings of visits' '
	four_visits &&
	issue-add -q --today 2022-11-02 --title 饮水问题 --category water --source visit \
		--household HY0101001 --owner 王强 >/dev/null &&
	issue-add --today 2022-11-03 --title 饮水管道 --category water --source visit \
		--household HY0101001 --owner 王强 >out 2>err &&
	echo "issue-add: 1 issues read: added 1, updated 0, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect err
'

test_case 'zh_CN: the closing line counts the notes in Chinese' '
	if ! locale -a 2>/dev/null | grep -qi "^zh_CN\.utf-\{0,1\}8$"; then
		echo "zh_CN.UTF-8 is not installed; as root run scripts/install-deps.sh" >&2
		exit 1
	fi &&
	four_visits &&
	visit-log -q --flagged visits.csv >findings.csv &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 issue-add --today 2022-11-23 findings.csv >out 2>err &&
	grep_message "记入已有问题进展3" err
'

test_done
