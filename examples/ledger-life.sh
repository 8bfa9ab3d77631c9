#!/bin/sh
# ledger-life.sh -- a whole life in the ledger, as the work plan asks for it:
# a courtyard meeting whose two suggestions become issues; one worked,
# resolved, fed back and closed; a dispute mediated, revisited, found
# relapsed and reopened; a village-rule vote adopted.
#
# Usage: examples/ledger-life.sh  (commands on PATH; the store is $RENKE_DB
# or ./renke.db, which must hold the example households)
set -eu
here=$(cd "$(dirname "$0")" && pwd)

echo "== a courtyard meeting (院坝会) in 后叶村 2社; its suggestions become issues"
meeting-log --today 2022-11-15 --kind 院坝会 --village 后叶村 --group 2社 \
	--host 张书记 --attendees 36 --owner 李主任 -f csv \
	"$here/suggestions.csv"

# the issues' numbers: the ledger may hold others already
id_of() {	# id_of TITLE: the number of the suggestion raised at that meeting
	report-gen issues -f csv --village 后叶村 --group 2社 --kind suggestion |
	    awk -F, -v title="$1" '$4 == title { print $1; exit }'
}
bridge=$(id_of "2社便民桥桥面破损，雨天无法通行")

echo "== the bridge (issue $bridge): worked on, resolved, the household told, closed"
issue-update --today 2022-11-16 --id "$bridge" --status in_progress --note "已联系施工队" -f csv
issue-update --today 2022-11-18 --id "$bridge" --due-date 2022-11-25 \
	--reason "雨天停工" -f csv
issue-update --today 2022-11-24 --id "$bridge" --status resolved \
	--resolution "桥面已修复" -f csv
issue-update --today 2022-11-25 --id "$bridge" --status feedback_given \
	--feedback "入户告知王德明" -f csv
issue-update --today 2022-11-26 --id "$bridge" --status closed -f csv

echo "== a neighbours' dispute (邻里纠纷): mediated, revisited, relapsed, reopened"
dispute=$(issue-add --today 2022-11-10 --kind 矛盾纠纷 --dispute-type 邻里 \
	--title "宅基地界址纠纷" --village 后叶村 --group 2社 \
	--parties "何玉勇；牟桂福" --mediator 村调委会 --owner 村调委会 -f csv |
	awk -F, 'NR == 2 { print $1 }')
issue-update --today 2022-11-12 --id "$dispute" --outcome 调解成功 -f csv
issue-update --today 2022-11-12 --id "$dispute" --status resolved \
	--resolution "双方签订调解协议" -f csv
issue-update --today 2022-12-12 --id "$dispute" --finding 反弹 --visitor 村调委会 \
	--note "一方拆除界桩" -f csv

echo "== a villagers' assembly adopts the village rules (村规民约)"
meeting-log --today 2022-11-28 --kind 村民会议 --village 后叶村 \
	--representatives 45 --present 38 --yes 33 --no 3 --abstain 2 \
	--filed-on 2022-11-30 -f csv
