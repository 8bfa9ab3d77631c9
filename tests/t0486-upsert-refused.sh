#!/bin/sh
#
# --upsert where an import never updates a stored record (issue-add,
# meeting-log, case-open, case-step, rule-step, issue-update) is a usage
# error naming what corrects the record instead, and the store is left
# as it was; case-open's closing line for differing cases says the same,
# never suggesting --upsert

. "$(dirname "$0")/lib.sh"

TRY() {
	echo "Try ${SQ}$1 -h${SQ} for more information."
}

# seed: the households, one issue and one case.  Built once.
make_seed() {
	household-add -q "$EXAMPLES/households.csv" &&
	issue-add -q --today 2022-11-02 --title 危房 --owner 村委会 \
		--household HY0101001 >/dev/null &&
	case-open -q --today 2022-11-01 --household HY0101001 --clue application \
		--clue-on 2022-11-01 >/dev/null
}

seed() {
	store_cache seed make_seed && store_dump >before
}

test_case '--upsert refused (64) by the six commands, each naming what corrects instead; nothing written' '
	seed &&
	expect_status 64 issue-add --upsert --title 危房 --owner 王 --household HY0101001 2>err &&
	err_is err "issue-add: --upsert: not an option here; issue-update corrects an issue" "$(TRY issue-add)" &&
	expect_status 64 meeting-log --upsert --kind briefing --village 后叶村 --date 2022-11-03 2>err &&
	err_is err "meeting-log: --upsert: not an option here; meeting-edit corrects a meeting, issue-update a suggestion" \
		"$(TRY meeting-log)" &&
	expect_status 64 case-open --upsert --today 2022-11-01 --household HY0101001 --clue application \
		--clue-on 2022-11-01 2>err &&
	err_is err "case-open: --upsert: not an option here; a case changes by its steps (case-step)" "$(TRY case-open)" &&
	expect_status 64 case-step --upsert --case 1 --step application 2>err &&
	err_is err "case-step: --upsert: not an option here; a step recorded is kept as it is; the next step follows it" \
		"$(TRY case-step)" &&
	expect_status 64 rule-step --upsert --village 后叶村 2>err &&
	err_is err "rule-step: --upsert: not an option here; a step recorded is kept as it is; the next step follows it" \
		"$(TRY rule-step)" &&
	expect_status 64 issue-update --upsert --id 1 --owner 王 2>err &&
	err_is err "issue-update: --upsert: not an option here; it changes the issue each record names by its id" \
		"$(TRY issue-update)" &&
	printf "title,owner\n危房,王\n" >i.csv &&
	expect_status 64 issue-add --upsert --dry-run i.csv 2>err &&
	grep_message "issue-update corrects an issue" err &&
	expect_status 64 env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 issue-add --upsert i.csv 2>err &&
	grep_message "^issue-add: --upsert：本命令没有这个选项；更正问题请用issue-update$" err &&
	store_unchanged
'

test_case 'case-open: a clue read again with other risks differs, and the closing line says how a case changes' '
	seed &&
	case-open --today 2022-11-01 --household HY0101001 --clue application --clue-on 2022-11-01 \
		--risks 因病 >/dev/null 2>err &&
	err_is err "case-open: 1 clues read: added 0, updated 0, unchanged 0, differ 1, bad 0" \
		"case-open: 1 clues differ from the store and were left as they are; a case changes by its steps (case-step)" &&
	! grep -q upsert err &&
	store_unchanged &&
	env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 case-open --today 2022-11-01 --household HY0101001 \
		--clue application --clue-on 2022-11-01 --risks 因病 >/dev/null 2>err &&
	grep_message "已保持原样；案件按办理环节变化（case-step）" err
'

test_done
