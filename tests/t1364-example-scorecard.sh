#!/bin/sh
#
# The example township's scorecard columns that make demo shows beyond
# the required items: the suggestions raised at 双河村's representatives'
# meeting (examples/representatives-suggestions.csv, one answered) and
# at 后叶村's courtyard meeting (examples/ledger-life.sh); the posts and
# loans of examples/support.csv and the jobs and land transfers of
# examples/jobs.csv and land.csv placed; the care milestone of the
# fourth quarter (examples/care-milestones.csv, care.csv), as demo.sh
# imports them, pending on the day demo shows (not yet due).

. "$(dirname "$0")/lib.sh"

# the example township with what demo.sh adds for these columns, built once
example() {
	store_cache example '
		example_township &&
		meeting-log -q --today 2022-11-22 --kind 恳谈会 --village 双河村 \
			--owner 李主任 "$EXAMPLES/representatives-suggestions.csv" >/dev/null &&
		lamp=$(sqlite3 "$RENKE_DB" "SELECT id FROM issue WHERE title LIKE ${SQ}村道至4社段路灯%${SQ}") &&
		issue-update -q --today 2022-11-25 --id "$lamp" --status resolved --resolution 路灯已更换 >/dev/null &&
		issue-update -q --today 2022-11-26 --id "$lamp" --status feedback_given --feedback 会上告知李祥 >/dev/null &&
		member-add -q "$EXAMPLES/people.csv" &&
		assign -q "$EXAMPLES/assignments.csv" &&
		support-log -q "$EXAMPLES/support.csv" &&
		support-log -q "$EXAMPLES/jobs.csv" "$EXAMPLES/land.csv" &&
		care-log -q "$EXAMPLES/care.csv" &&
		milestone-add -q "$EXAMPLES/care-milestones.csv"'
}

# columns NAME...: village and the columns named, of the scorecard on
# $DAY (2022-11-30, the day make demo shows)
columns() {
	report-gen --today "${DAY:-2022-11-30}" scorecard -f csv |
	awk -F, -v names="$*" 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; n = split(names, want, " "); next }
		{ line = $at["village"]; for (k = 1; k <= n; k++) line = line "," $at[want[k]]; print line }'
}

test_case 'the suggestions of the example meetings, raised and answered' '
	example &&
	columns representatives_suggestions representatives_answered courtyard_suggestions courtyard_answered |
		grep -e "^双河村," -e "^后叶村," -e "^\*," >actual &&
	cat >expect <<-\EOT &&
	后叶村,0,0,2,1
	双河村,3,1,0,0
	*,3,1,2,1
	EOT
	test_cmp expect actual
'

test_case 'the assistance placed in the example township: a job starting in December counts from then' '
	example &&
	columns posts_placed jobs_placed land_placed loans_approved >actual &&
	grep "^\*," actual >total &&
	echo "*,12,11,9,3" >expect &&
	test_cmp expect total &&
	DAY=2022-12-31 columns posts_placed jobs_placed land_placed loans_approved >actual &&
	grep "^\*," actual >total &&
	echo "*,12,12,9,3" >expect &&
	test_cmp expect total
'

test_case 'the care milestone of the quarter, as of its last day and before it' '
	example &&
	: on 30 November the milestone due on 31 December is not yet due: &&
	: pending in each of the nine villages, none required or missing &&
	columns care_required care_done care_late care_pending care_coverage >actual &&
	grep "^\*," actual >total &&
	echo "*,0,0,0,9,0.5182" >expect &&
	test_cmp expect total &&
	DAY=2022-12-31 columns care_required care_done care_late care_pending care_coverage >actual &&
	grep -e "^红狮村," -e "^\*," actual >total &&
	cat >expect <<-\EOT &&
	红狮村,1,0,0,0,0.9375
	*,9,0,0,0,0.7818
	EOT
	test_cmp expect total &&
	report-gen --today 2022-11-30 scorecard -f html >page.html &&
	grep -c "<td class=\"pending\" data-action=\"4\">9 not yet due<small>" page.html >n &&
	echo 1 >expect &&
	test_cmp expect n &&
	! grep -q "class=\"missing\" data-action=\"4\"" page.html
'

test_done
