#!/bin/sh
#
# The example township's scorecard columns that make demo shows beyond
# the required items: the suggestions raised at 双河村's representatives'
# meeting (examples/representatives-suggestions.csv, one answered) and
# at 后叶村's courtyard meeting (examples/ledger-life.sh), as demo.sh
# imports them.

. "$(dirname "$0")/lib.sh"

# the example township with what demo.sh adds for these columns, built once
example() {
	store_cache example '
		example_township &&
		meeting-log -q --today 2022-11-22 --kind 恳谈会 --village 双河村 \
			--owner 李主任 "$EXAMPLES/representatives-suggestions.csv" >/dev/null &&
		lamp=$(sqlite3 "$RENKE_DB" "SELECT id FROM issue WHERE title LIKE ${SQ}村道至4社段路灯%${SQ}") &&
		issue-update -q --today 2022-11-25 --id "$lamp" --status resolved --resolution 路灯已更换 >/dev/null &&
		issue-update -q --today 2022-11-26 --id "$lamp" --status feedback_given --feedback 会上告知李祥 >/dev/null'
}

# columns NAME...: village and the columns named, of the scorecard on 2022-11-30
columns() {
	report-gen --today 2022-11-30 scorecard -f csv |
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

test_done
