#!/bin/sh
# t1210-ledger-metrics.sh -- the ledger's own metrics: on-time closure by the
# original deadline, the household's rating at the callback (不满意 reopens),
# callback satisfaction, dispute resolution; each counted again here from
# the store's rows

. "$(dirname "$0")/lib.sh"

TODAY=2022-11-30
export TODAY

# lines LINE...: each LINE on a line of its own
lines() {
	printf '%s\n' "$@"
}

# add TITLE DUE [issue-add options]: a grievance of 石门村 opened 2022-11-01; its id
add() {
	title=$1 due=$2 && shift 2 &&
	issue-add -q --today 2022-11-01 --title "$title" --owner 王强 \
		--household HY0501004 --category 基础设施 --due-date "$due" "$@" -f csv |
		awk -F, 'NR == 2 { print $1 }'
}

# update ID DATE OPTIONS...: issue-update of ID on DATE
update() {
	id=$1 on=$2 && shift 2 &&
	issue-update -q --today "$on" --id "$id" "$@" -f csv >/dev/null
}

# fed_back ID: resolved on 11-05 and the household told on 11-06
fed_back() {
	update "$1" 2022-11-05 --status resolved --resolution 已修复 &&
	update "$1" 2022-11-06 --status feedback_given --feedback 已入户告知
}

# summary_of VILLAGE COLUMN... [-- report-gen options]: the columns of VILLAGE's row
summary_of() {
	village=$1 && shift &&
	cols=$(printf "%s," "$@" | sed "s/,$//") &&
	report-gen summary -f csv --today $TODAY $SUMMARY_OPTIONS |
	awk -F, -v village="$village" -v cols="$cols" '
		NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		$1 == village { n = split(cols, c, ","); line = ""
			for (i = 1; i <= n; i++) line = line (i > 1 ? "," : "") $at[c[i]]
			print line }'
}
SUMMARY_OPTIONS=
export SUMMARY_OPTIONS

# the original deadline of each issue as the audit log tells it (the first
# due_date an extension replaced, else the one it holds), with its
# resolution and status: id|original|resolved_on|status
ORIGINAL_SQL="SELECT i.id, coalesce((SELECT a.old FROM audit a WHERE a.entity = 'issue' AND a.entity_id = CAST(i.id AS TEXT) AND a.field = 'due_date' AND a.old IS NOT NULL ORDER BY a.seq LIMIT 1), i.due_date), coalesce(i.resolved_on, ''), i.status FROM issue i"
# on_time [SINCE UNTIL]: "due,on_time,rate" counted from the rows
on_time() {
	sqlite3 "$RENKE_DB" "$ORIGINAL_SQL" |
	awk -F"|" -v since="${1:-0000}" -v until="${2:-$TODAY}" -v today=$TODAY '
		BEGIN { if (until > today) until = today }
		$2 >= since && $2 <= until { due++
			if ($3 != "" && $3 <= $2 && $4 != "open" && $4 != "in_progress" && $4 != "reopened") ok++ }
		END { printf "%d,%d,", due, ok; if (due) printf "%.4f", ok / due; print "" }'
}

test_case 'an issue keeps its original deadline: extended, then resolved after it, it is late' '
	example_households &&
	a=$(add 修路甲 2022-11-10) && b=$(add 修路乙 2022-11-10) &&
	c=$(add 修路丙 2022-11-10) && d=$(add 修路丁 2022-12-20) &&
	e=$(add 修路戊 2022-11-20) &&
	update $a 2022-11-05 --status resolved --resolution 已修复 &&
	update $b 2022-11-08 --due-date 2022-11-20 --reason 雨天停工 &&
	update $b 2022-11-15 --status resolved --resolution 已修复 &&
	: resolved on the day of its deadline is on time &&
	update $c 2022-11-10 --status resolved --resolution 已修复 &&
	update $d 2022-11-12 --status resolved --resolution 已修复 &&
	sqlite3 "$RENKE_DB" "SELECT due_date, scorecard_original_due FROM issue WHERE id = $b" >actual &&
	echo "2022-11-20|2022-11-10" >expect &&
	test_cmp expect actual &&
	summary_of 石门村 issues_due issues_on_time on_time_rate >actual &&
	on_time >expect &&
	test_cmp expect actual &&
	echo "4,2,0.5000" >expect &&
	test_cmp expect actual &&
	summary_of "*" issues_due issues_on_time on_time_rate >actual &&
	test_cmp expect actual &&
	: the period is that of the original deadlines &&
	SUMMARY_OPTIONS="--since 2022-11-15" summary_of 石门村 issues_due issues_on_time on_time_rate >actual &&
	on_time 2022-11-15 >expect &&
	test_cmp expect actual &&
	echo "1,0,0.0000" >expect &&
	test_cmp expect actual &&
	: a village with no deadline fallen has no rate, not 0 or 100 &&
	summary_of 后叶村 issues_due issues_on_time on_time_rate >actual &&
	echo "0,0," >expect &&
	test_cmp expect actual
'

test_case 'the original deadline is never changed, by an extension or by hand' '
	example_households &&
	a=$(add 修路 2022-11-10) &&
	update $a 2022-11-08 --due-date 2022-11-30 --reason 雨天停工 &&
	update $a 2022-11-09 --due-date 2022-11-05 --reason 提前 &&
	sqlite3 "$RENKE_DB" "SELECT due_date, scorecard_original_due FROM issue" >actual &&
	echo "2022-11-05|2022-11-10" >expect &&
	test_cmp expect actual &&
	store_dump >before &&
	! sqlite3 "$RENKE_DB" "UPDATE issue SET scorecard_original_due = ${SQ}2022-12-31${SQ}" 2>err &&
	grep "an issue keeps its original deadline" err &&
	store_dump >after &&
	test_cmp before after
'

# callbacks: "reached,satisfied,rate" from the latest callback of each issue
callbacks() {
	sqlite3 "$RENKE_DB" "SELECT issue_id, called_on, id, rating FROM scorecard_callback ORDER BY issue_id, called_on, id" |
	awk -F"|" '{ last[$1] = $4 }
		END { for (i in last) if (last[i] != "unreachable") { n++
			if (last[i] == "satisfied" || last[i] == "basically_satisfied") y++ }
			printf "%d,%d,", n, y; if (n) printf "%.4f", y / n; print "" }'
}

test_case 'the household rates the feedback; 不满意 reopens the issue; satisfaction of those reached' '
	example_households &&
	f=$(add 修路一 2022-11-30) && g=$(add 修路二 2022-11-30) &&
	h=$(add 修路三 2022-11-30) && i=$(add 修路四 2022-11-30) &&
	j=$(add 修路五 2022-11-30) &&
	for x in $f $g $h $i $j; do fed_back $x || return 1; done &&
	update $f 2022-11-07 --rating 满意 &&
	update $g 2022-11-07 --rating 基本满意 &&
	update $h 2022-11-07 --rating 不满意 &&
	update $i 2022-11-07 --rating 未联系上 &&
	update $j 2022-11-07 --rating dissatisfied &&
	sqlite3 "$RENKE_DB" "SELECT status FROM issue WHERE id IN ($h, $j)" >actual &&
	lines reopened reopened >expect &&
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT field, new FROM audit WHERE entity = $SQ""issue$SQ AND entity_id = $SQ$h$SQ AND (field = $SQ""reason$SQ OR field = $SQ""rating$SQ) ORDER BY seq" >actual &&
	lines "rating|dissatisfied" "reason|the household was dissatisfied at the callback" >expect &&
	test_cmp expect actual &&
	: j worked again, told again, and satisfied this time: its latest callback counts &&
	update $j 2022-11-10 --status resolved --resolution 返工修复 &&
	update $j 2022-11-11 --status feedback_given --feedback 再次告知 --rating 满意 &&
	summary_of 石门村 callbacks_reached callbacks_satisfied callback_rate >actual &&
	callbacks >expect &&
	test_cmp expect actual &&
	echo "4,3,0.7500" >expect &&
	test_cmp expect actual &&
	: the same rating the same day again changes nothing &&
	issue-update --today 2022-11-07 --id $f --rating 满意 -f csv >/dev/null 2>err &&
	grep "unchanged 1" err &&
	: a reopened issue was not resolved on time &&
	SUMMARY_OPTIONS="--today 2022-12-01" summary_of 石门村 issues_due issues_on_time >actual &&
	echo "5,4" >expect &&
	test_cmp expect actual
'

test_case 'a rating is refused before the feedback, unknown, or with another status: 65, store unchanged' '
	example_households &&
	a=$(add 修路 2022-11-30) && b=$(add 修桥 2022-11-30) &&
	update $a 2022-11-05 --status resolved --resolution 已修复 &&
	fed_back $b &&
	store_dump >before &&
	expect_status 65 issue-update --today 2022-11-07 --id $a --rating 满意 -f csv >out 2>err &&
	grep_message "rating: a rating is the household.s answer to the feedback: the issue is resolved, give the feedback first" err &&
	expect_status 65 issue-update --today 2022-11-07 --id $b --rating 很好 -f csv >out 2>err &&
	grep_message "rating: .*很好" err &&
	expect_status 65 issue-update --today 2022-11-07 --id $b --rating 不满意 --status closed -f csv >out 2>err &&
	grep_message "status: a dissatisfied rating reopens the issue by itself; give no other status" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 issue-update --today 2022-11-07 \
		--id $a --rating 满意 -f csv >out 2>err &&
	grep_message "请先反馈" err &&
	store_dump >after &&
	test_cmp before after
'

# disputes: "registered,settled,rate": mediated successfully, the latest revisit stable, not open
disputes() {
	sqlite3 "$RENKE_DB" "SELECT i.id, coalesce(i.mediation_outcome, $SQ-$SQ), i.status, coalesce((SELECT r.finding FROM revisit r WHERE r.issue_id = i.id ORDER BY r.visited_on DESC, r.id DESC LIMIT 1), $SQ-$SQ) FROM issue i WHERE i.kind = $SQ""dispute$SQ" |
	awk -F"|" '{ n++; if ($2 == "success" && $4 == "stable" && $3 != "open" && $3 != "in_progress" && $3 != "reopened") y++ }
		END { printf "%d,%d,", n, y; if (n) printf "%.4f", y / n; print "" }'
}

test_case 'disputes resolved: mediated and found stable at the revisit, over those registered' '
	example_households &&
	for t in 界址 宅基地 用水 赡养; do
		add "$t纠纷" 2022-11-30 --kind 矛盾纠纷 --dispute-type 邻里 --parties "甲；乙" \
			--mediator 村调委会 >>ids || return 1
	done &&
	set -- $(cat ids) &&
	for x in $1 $2 $3; do
		update $x 2022-11-03 --outcome 调解成功 &&
		update $x 2022-11-03 --status resolved --resolution 签订协议 || return 1
	done &&
	update $4 2022-11-03 --outcome failed &&
	update $1 2022-11-25 --finding 稳定 --visitor 村调委会 &&
	update $2 2022-11-25 --finding 反弹 --visitor 村调委会 &&
	summary_of 石门村 disputes disputes_settled settled_rate >actual &&
	disputes >expect &&
	test_cmp expect actual &&
	echo "4,1,0.2500" >expect &&
	test_cmp expect actual
'

test_case 'the metrics of a county are its townships'"'"' counts added up; rates from the sums' '
	household-add -q -d a.db "$EXAMPLES/households.csv" &&
	household-add -q -d b.db "$EXAMPLES/households.csv" &&
	x=$(RENKE_DB=$PWD/a.db add 修路 2022-11-10) &&
	RENKE_DB=$PWD/a.db update $x 2022-11-05 --status resolved --resolution 已修复 &&
	for t in 一 二 三; do RENKE_DB=$PWD/b.db add "修桥$t" 2022-11-10 >/dev/null || return 1; done &&
	report-gen -d a.db -d b.db summary -f csv --today $TODAY >out &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$2 == \"*\" { print \$1 \",\" \$at[\"issues_due\"] \",\" \$at[\"issues_on_time\"] \",\" \$at[\"on_time_rate\"] }" out >actual &&
	lines "a,1,1,1.0000" "b,3,0,0.0000" "*,4,1,0.2500" >expect &&
	test_cmp expect actual
'

test_done
