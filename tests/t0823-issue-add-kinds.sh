#!/bin/sh
# t0823-issue-add-kinds.sh -- issue-add's message for a bad kind lists the
# kinds issue-add opens, not misconduct (a matter misconduct-step refers),
# from the command line (64) and from a file (65), in both languages;
# misconduct itself is refused naming misconduct-step; completion offers
# the kinds of the message, each of which issue-add takes.  The store is
# unchanged by every refusal.

. "$(dirname "$0")/lib.sh"

add() {
	issue-add --category water --title 水管 --village 后叶村 --owner 村委 \
		--urgency normal --today 2022-11-01 "$@"
}

test_case 'C: a bad --kind lists problem, dispute and suggestion (64)' '
	example_households && store_dump >before &&
	expect_status 64 add --kind theft >out 2>err &&
	test_must_be_empty out &&
	grep_message "^issue-add: --kind: unknown value \"theft\"; expected one of: problem (problem), dispute (dispute), suggestion (suggestion)$" err &&
	! grep -q misconduct err &&
	store_unchanged
'

test_case 'zh_CN: the same list in Chinese, without 违法乱纪' '
	example_households && store_dump >before && zh_locale &&
	expect_status 64 add --kind 偷盗 >out 2>err &&
	grep_message "^issue-add: --kind: 未知取值“偷盗”；应为下列之一：problem（急难愁盼）、dispute（矛盾纠纷）、suggestion（意见建议）$" err &&
	! grep -q "违法乱纪\|misconduct" err &&
	store_unchanged
'

test_case 'a bad kind in a file lists the same kinds (65)' '
	example_households && store_dump >before &&
	printf "%s\n" "kind,category,title,village,owner" \
		"theft,water,水管,后叶村,村委" >issues.csv &&
	expect_status 65 issue-add --today 2022-11-01 issues.csv 2>err &&
	grep_message "^issue-add: issues.csv:2: kind: unknown value \"theft\"; expected one of: problem (problem), dispute (dispute), suggestion (suggestion)$" err &&
	store_unchanged
'

test_case 'misconduct is refused naming misconduct-step, in both languages (65)' '
	example_households && store_dump >before &&
	expect_status 65 add --kind misconduct 2>err &&
	grep_message "^issue-add: command line: --kind: a misconduct matter is referred with misconduct-step" err &&
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 expect_status 65 add --kind 违法乱纪 2>err &&
	grep_message "misconduct-step" err &&
	store_unchanged
'

test_case 'completion offers the kinds of the message; issue-add takes each' '
	cat >complete.bash <<-EOF &&
	. "$TOP/scripts/renke-completion.bash"
	ask() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1)); _renke; printf "%s\n" "\${COMPREPLY[@]}"; }
	ask issue-add --kind "" >issue-add
	ask report-gen --kind "" >report-gen
	ask misconduct-step --kind "" >misconduct-step
	EOF
	bash complete.bash &&
	printf "%s\n" problem dispute suggestion 急难愁盼 矛盾纠纷 意见建议 >expect &&
	test_cmp expect issue-add &&
	grep -qx misconduct report-gen && grep -qx 违法乱纪 report-gen &&
	grep -qx domestic_violence misconduct-step &&
	example_households &&
	for k in $(cat issue-add); do
		add -q --kind $k --title "水管$k" >/dev/null || exit 1
	done &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM issue")" = 6
'

test_done
