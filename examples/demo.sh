#!/bin/sh
# demo.sh -- the main job on the example township: import its households into
# the default store (./renke.db, made afresh) from the workbook an office
# receives, and print them, ID numbers masked; then its visits, ledger,
# survey, deadlines and monitoring cases, its people and the help they get,
# ending with the HTML summary and its workbook and the posting list
# (examples/*.xlsx are made from examples/*.csv by scripts/gen-workbook --office)
set -eu
cd "$(dirname "$0")/.."
PATH=$PWD/bin:$PATH
RENKE_LOCALEDIR=$PWD/build/locale
export PATH RENKE_LOCALEDIR
unset RENKE_DB

rm -f renke.db renke.db-wal renke.db-shm
echo "== household-add examples/households.xlsx   (the roster as the county's system exports it: a hidden"
echo "   first sheet, a merged title, a two-row header, one merged cell per village)"
household-add examples/households.xlsx
echo "== household-add examples/households.csv   (the same roster as CSV, GB18030 and CRLF: nothing changes)"
household-add examples/households.csv
echo "== household-list -f table"
household-list -f table
echo "== household-add --id HY0101100 --village 后页村 ...   (a village typed wrong is refused, with the name meant)"
household-add --id HY0101100 --village 后页村 --group 2社 --head 杨德碧 || true
echo "== household-edit merge HY0101100 HY0101003   (杨德碧 registered a second time: merged into the household kept, audited)"
household-add -q --id HY0101100 --village 后叶村 --group 2社 --head 杨德碧
visit-log -q --household HY0101100 --date 2022-11-08 --visitor 王琼清 --round 2022-r1
household-edit --by 李霞 --reason 重复登记 merge HY0101100 HY0101003
echo "== milestone-add examples/milestones.csv   (the four visit milestones of the work plan; that of 2022-11-08"
echo "   counts a household only when its monitoring cases are complete)"
milestone-add examples/milestones.csv
echo "== visit-log --flagged examples/visits.xlsx | issue-add   (log the visits, dates in four forms; their findings go to the ledger)"
visit-log --flagged examples/visits.xlsx | issue-add --today 2022-11-05 >/dev/null
echo "== visit-log --coverage -f table   (per milestone and village: households due, visited, missing, late)"
visit-log --coverage -f table
echo "== visit-log --coverage --missing --milestone 2022-11-01 -f table   (who is still to be visited)"
visit-log --coverage --missing --milestone 2022-11-01 -f table
echo "== milestone-add examples/meeting-milestones.csv   (a courtyard meeting in every group, two meetings in every village)"
milestone-add examples/meeting-milestones.csv
echo "== examples/ledger-life.sh   (a courtyard meeting, its suggestions worked through, a dispute, a village-rule vote)"
RENKE_USER=李主任 sh examples/ledger-life.sh >/dev/null
echo "== meeting-log --kind 恳谈会 --village 双河村 examples/representatives-suggestions.csv   (a representatives'"
echo "   meeting raises three suggestions; the street lamp is mended and the proposer told: answered)"
meeting-log -q --today 2022-11-22 --kind 恳谈会 --village 双河村 --host 吴书记 --attendees 21 \
	--owner 李主任 examples/representatives-suggestions.csv >/dev/null
lamp=$(report-gen issues -f csv --village 双河村 --kind suggestion |
	awk -F, '$4 ~ /^村道至4社段路灯/ { print $1; exit }')
issue-update -q --today 2022-11-25 --id "$lamp" --status resolved --resolution 路灯已更换 >/dev/null
issue-update -q --today 2022-11-26 --id "$lamp" --status feedback_given --feedback 会上告知李祥 >/dev/null
echo "== issue-update --id 1 --urgency 紧急 --reason ...   (a correction: the old value kept in the audit log, with who and why)"
issue-update -q --by 李霞 --today 2022-11-20 --id 1 --urgency 紧急 --reason 核实后为紧急 >/dev/null
echo "== issue-add ...; issue-update --status 已撤销   (an issue entered twice is withdrawn: counted nowhere but in the audit log)"
dup=$(issue-add -q --today 2022-11-20 --title 2社便民桥桥面破损 --village 后叶村 --group 2社 \
	--owner 李主任 -f csv | awk -F, 'NR == 2 { print $1 }')
issue-update -q --by 李霞 --today 2022-11-20 --id "$dup" --status 已撤销 --reason 重复录入 >/dev/null
echo "== meeting-edit ... host 张明   (the courtyard meeting's host typed wrong, corrected)"
meeting-edit --by 李霞 --reason 主持人录错 --kind 院坝会 --village 后叶村 --group 2社 --date 2022-11-15 host 张明
echo "== report-gen changes --who 李霞 -f table   (the corrections and the withdrawal, with their reasons)"
report-gen changes --who 李霞 -f table
echo "== survey-tally --save 2022-11 examples/survey.csv -f table   (the phone survey: recognition per village, worst first)"
survey-tally --save 2022-11 --today 2022-11-30 -f table examples/survey.csv | head -12
echo "== deadline-check --today 2022-12-01 --summary -f table   (what the cron job would mail on 1 December)"
deadline-check --today 2022-12-01 --summary -f table || true
echo "== case-open examples/cases.csv   (clues of monitoring, 防返贫监测: visits that found a risk, an application,"
echo "   a department's warning, cadres' findings; one a risk elimination)"
case-open -q --today 2022-12-01 examples/cases.csv >/dev/null
echo "== case-step examples/case-steps.csv   (their steps in order: home check with signed consent, data cross-check,"
echo "   village review, posting, township review, county decision; one found not eligible at the village review)"
case-step -q --today 2022-12-01 examples/case-steps.csv >/dev/null
echo "== case-step --household HY0105004 --step 县级审定 --result 审定同意   (ending a risk without a stable second visit is refused)"
case-step --today 2022-12-01 --household HY0105004 --step 县级审定 --date 2022-11-24 --result 审定同意 || true
case-step -q --today 2022-12-01 --household HY0105004 --step 县级审定 --date 2022-11-24 \
	--result 审定不同意 --reason 缺少相隔六个月以上的第二次稳定走访 >/dev/null
echo "== report-gen --today 2022-12-01 cases -f table   (the open cases: the step each has reached, two past the county's 15 days)"
report-gen --today 2022-12-01 cases -f table
echo "== report-gen --today 2022-12-01 cases villages -f table   (per village: opened, checked, posted, decided, how they ended)"
report-gen --today 2022-12-01 cases villages -f table
echo "== deadline-check --today 2022-12-01 --kind monitoring_case_overdue -f table   (the late ones, for their cadres)"
deadline-check --today 2022-12-01 --kind monitoring_case_overdue -f table || true
echo "== rule-step examples/rules.csv -f table   (后叶村's village rules: drafted, consulted twice, voted, filed, posted, delivered, enforced)"
rule-step -q --today 2023-06-30 -f table examples/rules.csv
echo "== honour-add examples/honours.csv   (the year's selections (评选): civilised families, a clean household,"
echo "   support of elders by the representatives' vote, a courtyard, a civilised village chosen by the county)"
honour-add examples/honours.csv
echo "== board-step examples/board-steps.csv   (光荣榜 from the selections; 曝光台 from the black list and a council,"
echo "   each household told why and given a week to object; one objection upheld, that entry withdrawn)"
board-step -q --today 2022-12-31 examples/board-steps.csv
echo "== report-gen --today 2022-12-31 board -f table   (what the villages' boards show on the last day of the year)"
report-gen --today 2022-12-31 board -f table
echo "== member-add examples/people.csv   (every household's people: ID numbers with their check digit, relation,"
echo "   labour, schooling, health, working away, and the tags of care: 孤寡老人, 留守儿童, 贫困学生, 残疾人)"
member-add examples/people.csv
echo "== assign examples/assignments.csv   (包村: each village's party secretary and first secretary; 包户: each"
echo "   household's assistance cadre, as the visits show them)"
assign examples/assignments.csv
echo "== support-log examples/support.csv   (a dozen public-welfare posts, weak and half labour first; small loans"
echo "   at every stage: a wish, papers at the bank, approved, refused, withdrawn)"
support-log examples/support.csv
echo "== support-log examples/jobs.csv examples/land.csv   (industry-park jobs (产业园务工) and land transfers"
echo "   (土地流转) to the cooperatives: one job ended in October, one starts in December, two people with a second job)"
support-log examples/jobs.csv examples/land.csv
echo "== returnee-log examples/returnees.csv   (people working away, each contacted one to one by their cadre)"
returnee-log examples/returnees.csv
echo "== care-log examples/care.csv   (人文关怀: care visits to the people tagged for care, the fourth quarter of 2022)"
care-log examples/care.csv
echo "== milestone-add examples/care-milestones.csv   (every 孤寡老人, 留守儿童 and 贫困学生 visited in the quarter)"
milestone-add examples/care-milestones.csv
echo "== visit-log --coverage --milestone 2022-q4-care -f table   (people due, visited and missing per village)"
visit-log --coverage --milestone 2022-q4-care -f table
echo "== deadline-check --today 2023-01-05 --kind care_missing --summary -f table   (after the quarter: people still"
echo "   without a care visit, per village; without --summary each person, masked, with the household's cadre)"
deadline-check --today 2023-01-05 --kind care_missing --summary -f table || true
echo "== report-gen --today 2022-12-01 assistance -f table   (per village: posts held by the labour of their"
echo "   holders, people in park jobs and their income, land transferred in mu, loans by stage and the yuan"
echo "   approved, returnees by status, people by tag)"
report-gen --today 2022-12-01 assistance -f table
echo "== report-gen --today 2022-12-01 returnees -f table   (the returnee list, those not yet home first)"
report-gen --today 2022-12-01 returnees -f table
echo "== report-gen --today 2022-12-01 care --kind 孤寡老人 -f table   (the care list of the elderly living alone)"
report-gen --today 2022-12-01 care --kind 孤寡老人 -f table
echo "== deadline-check --today 2022-12-01 --kind loan_unsent --kind loan_unanswered --kind returnee_uncontacted -f table"
echo "   (loans whose papers wait, loans the bank has not answered, returnees not contacted for 30 days)"
deadline-check --today 2022-12-01 --kind loan_unsent --kind loan_unanswered \
	--kind returnee_uncontacted -f table || true
echo "== misconduct-step examples/misconduct-steps.csv   (matters referred to the legal system (查处违法乱纪): refusing to support"
echo "   parents, domestic violence, persistent petitions, an illegal building; each an issue of its own kind in the ledger)"
misconduct-step -q --today 2022-11-30 examples/misconduct-steps.csv
echo "== deadline-check --today 2022-11-30 --kind issue_overdue -f table | grep 缠访闹访   (the petition referred for reconsideration is late)"
deadline-check --today 2022-11-30 --kind issue_overdue -f table | grep 缠访闹访 || true
echo "== report-gen history HY0101004 -f csv | grep -e refer -e accept -e result -e revisit   (the referral, acceptance, result and revisit)"
report-gen history HY0101004 -f csv | grep -e ,refer, -e ,accept, -e ,result, -e ,revisit, || true
echo "== household-list --name 军元 -f table   (a resident at the counter gives part of a name)"
household-list --name 军元 -f table
echo "== report-gen history HY0102001 -f table   (one household whole: its suggestion, visits, registration, the moves of its issue)"
report-gen history HY0102001 -f table
echo "== report-gen changes --who 李主任 -f table | head -n 16   (what 李主任 changed today, and why)"
report-gen changes --who 李主任 -f table | head -n 16
mkdir -p build
report-gen --today 2022-11-30 summary -f html >build/summary.html
report-gen --today 2022-11-30 summary -f xlsx -o build/summary.xlsx
echo "== report-gen summary -f html: the November summary (总结) with its charts is in $PWD/build/summary.html"
echo "   and as a workbook for the county (a sheet per table, its charts editable) in $PWD/build/summary.xlsx"
report-gen --today 2022-12-01 cases posting -f html >build/posting.html
echo "   the public posting list (公示名单) of the cases under posting, to print on A4, is in $PWD/build/posting.html"
report-gen --today 2022-12-31 board -f html >build/board.html
echo "   each village's honour and exposure boards (光荣榜, 曝光台), an A4 sheet each, are in $PWD/build/board.html"
echo "== report-gen scorecard -f table   (八个一推进情况: each village's required items done, its completion and rank)"
report-gen --today 2022-11-30 scorecard -f table
report-gen --today 2022-11-30 scorecard -f html >build/scorecard.html
echo "   the scorecard as a printable A4 landscape heat-map (green done, amber late, red missing, light blue not yet due) is in $PWD/build/scorecard.html"
echo "== the store is ./renke.db; try: household-list --village 双河村 --category 监测户"
