#!/bin/sh
#
# The example township's misconduct matters (examples/misconduct-steps.csv,
# as make demo imports them): one at every step, a household's history
# showing its matter, the late one in deadline-check, the scorecard's
# action 4 counting them.

. "$(dirname "$0")/lib.sh"

test_case 'the example matters: one at every step, as make demo imports them' '
	example_township &&
	misconduct-step -q --today 2022-11-30 "$EXAMPLES/misconduct-steps.csv" &&
	sqlite3 "$RENKE_DB" "SELECT m.stage, m.kind, m.party, i.status FROM misconduct m JOIN issue i ON i.id = m.issue_id ORDER BY m.referred_on" >actual &&
	cat >expect <<-\EOT &&
	revisited|support_refusal|HY0101004|resolved
	accepted|petition|HY0203002|in_progress
	decided|domestic_violence|HY0202003|resolved
	referred|other|HY0104001|open
	EOT
	test_cmp expect actual &&
	misconduct-step --today 2022-11-30 "$EXAMPLES/misconduct-steps.csv" 2>err &&
	grep_message "10 steps read: added 0, updated 0, unchanged 10" err
'

test_case 'deadline-check lists the late one; a household'"'"'s history shows its matter; the scorecard counts them' '
	example_township &&
	misconduct-step -q --today 2022-11-30 "$EXAMPLES/misconduct-steps.csv" &&
	expect_status 1 deadline-check --today 2022-11-30 --kind issue_overdue -f csv >out &&
	grep "缠访闹访" out >late &&
	test_line_count 1 late &&
	grep -q ",HY0203002,双河村,3社,李主任,2022-11-14,16,important$" late &&
	! grep -q "拒不赡养\|家庭暴力\|其他：" out &&
	expect_status 1 deadline-check --today 2022-12-10 --kind revisit_due -f csv >out &&
	grep -q "^revisit_due,[0-9]*,家庭暴力：刘兰先,HY0202003,双河村,2社,李主任,2022-12-10,0," out &&
	report-gen history HY0101004 -f csv >out &&
	grep -q ",issue,[0-9]*,changed,refer,,2022-10-08 后叶村调委会 mediation," out &&
	grep -q ",issue,[0-9]*,changed,revisit,,2022-11-20 陈书记 stable," out &&
	report-gen scorecard --today 2022-11-30 -f csv >out &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		{ print \$at[\"village\"], \$at[\"misconduct_referred\"], \$at[\"misconduct_closed\"] }" out | grep "^后叶村 \|^双河村 \|^\* " >actual &&
	cat >expect <<-\EOT &&
	后叶村 2 1
	双河村 2 1
	* 4 2
	EOT
	test_cmp expect actual
'

test_done
