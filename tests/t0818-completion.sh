#!/bin/sh
# t0818 -- bash completion: names from the store, values after "=", quoting
#
# The completion function is driven as bash drives it: COMP_WORDS and
# COMP_CWORD set, _renke called, COMPREPLY read back.
. "$(dirname "$0")/lib.sh"

# the store: two villages whose names a shell would take apart, a third
# plain one, their groups, an issue's owner and an assigned cadre
places() {
	store_cache places '
		printf "%s\n" 户编号,户主姓名,村,组,户类型 \
			"A1,张三,石门 新村,1社,一般农户" \
			"A2,李四,O${SQ}Hara村,2 组,一般农户" \
			"A3,王五,后叶村,1社,一般农户" \
			"A4,赵六,后叶村,3社,一般农户" >h.csv &&
		household-add -q --today 2022-11-01 h.csv &&
		issue-add -q --today 2022-11-01 --title 修路 --owner "王 书记" \
			--village 后叶村 >/dev/null &&
		assign -q --cadre 陈主任 --role assistance_cadre --household A3 \
			--from 2022-11-01'
}

# ask WORD...: the completion of the last WORD of the command line WORD...,
# one reply a line, into ./reply (run in bash: the script is bash's)
cat >"$TRASH/ask.bash" <<EOF
. "$TOP/scripts/renke-completion.bash"
ask() {
	COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1)); _renke
	[ \${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "\${COMPREPLY[@]}"
}
EOF
ask() {
	bash -c '. "$0" && ask "$@"' "$TRASH/ask.bash" "$@" >reply 2>reply.err &&
	test_must_be_empty reply.err
}

# replies LINE...: ./reply holds exactly these lines
replies() {
	printf "%s\n" "$@" >expect && test_cmp expect reply
}

test_case 'village, group and owner names come from the store, in its order' '
	places &&
	ask issue-add --village "" &&
	replies "石门\\ 新村" "O\\${SQ}Hara村" 后叶村 &&
	ask issue-add --village 后 && replies 后叶村 &&
	ask issue-add --village 后叶村 --group "" && replies 1社 3社 &&
	ask issue-add --group "" && replies 1社 "2\\ 组" 3社 &&
	ask deadline-check --owner "" && replies "王\\ 书记" 陈主任 &&
	ask household-list --cadre 陈 && replies 陈主任 &&
	ask visit-log --visitor 王 && replies "王\\ 书记"
'

test_case 'a value after "=", whether "=" breaks words (the default) or not' '
	places &&
	: bash splits --village=后 into --village, = and 后 by default &&
	ask issue-add --village = 后 && replies 后叶村 &&
	ask issue-add --village = && replies "石门\\ 新村" "O\\${SQ}Hara村" 后叶村 &&
	ask deadline-check --kind = 问 && replies 问题办理逾期 &&
	ask issue-add --village = 后叶村 --group = 3 && replies 3社 &&
	: where it does not, the option stays in the word completed &&
	ask issue-add --village=后 && replies --village=后叶村 &&
	ask deadline-check --kind=未 && replies --kind=未走访 &&
	ask issue-add --village=后叶村 --group= && replies --group=1社 --group=3社 &&
	ask issue-add --urgency=紧 && replies --urgency=紧急
'

test_case 'a name with blanks or quotes completes quoted; Chinese stays as it is' '
	places &&
	ask issue-add --village 石 &&
	replies "石门\\ 新村" &&
	: the reply read back as the shell reads the command line is the name &&
	eval "set -- $(cat reply)" && test "$1" = "石门 新村" && test $# -eq 1 &&
	ask issue-add --village O && eval "set -- $(cat reply)" &&
	test "$1" = "O${SQ}Hara村" &&
	: already typed with a backslash, the word still matches &&
	ask issue-add --village "石门\\ 新" && replies "石门\\ 新村" &&
	: a word that opened a quotation gets the name as it is, for readline to close &&
	ask issue-add --village "${SQ}石门" && replies "石门 新村" &&
	ask issue-add --village "\"石门 " && replies "石门 新村" &&
	ask issue-add --group "${SQ}2 " && replies "2 组" &&
	: under C too, no \$"\\347..." escapes &&
	LC_ALL=C ask issue-add --village 石 && replies "石门\\ 新村"
'

test_case 'the store is the one the line names: -d, --db, else RENKE_DB, else ./renke.db' '
	places &&
	mkdir other && household-add -q -d other/s.db --new-village --new-group \
		--id B1 --head 钱七 --village 红狮村 --group 4社 \
		--category 一般农户 --today 2022-11-01 &&
	ask issue-add -d other/s.db --village "" && replies 红狮村 &&
	ask issue-add --db=other/s.db --village "" && replies 红狮村 &&
	ask issue-add --db = other/s.db --village "" && replies 红狮村 &&
	ask issue-add -d "${SQ}other/s.db${SQ}" --group "" && replies 4社 &&
	: report-gen reads every store named &&
	ask report-gen -d other/s.db -d "$RENKE_DB" summary --village "" &&
	replies 红狮村 "石门\\ 新村" "O\\${SQ}Hara村" 后叶村 &&
	: RENKE_DB unset, renke.db in the current directory &&
	(unset RENKE_DB && cd other && cp s.db renke.db &&
	 ask issue-add --village 红 && replies 红狮村)
'

test_case 'no store, or one that is no store: nothing offered, nothing said, nothing made' '
	ask issue-add --village "" && test_must_be_empty reply &&
	test_path_is_missing "$RENKE_DB" &&
	ask issue-add -d nowhere/s.db --owner "" && test_must_be_empty reply &&
	test_path_is_missing nowhere &&
	echo "not a store" >junk.db &&
	ask issue-add -d junk.db --group "" && test_must_be_empty reply &&
	echo "not a store" >expect && test_cmp expect junk.db &&
	: no sqlite3 on PATH: nothing either &&
	mkdir tools && for t in bash sed awk cat; do
		ln -s "$(command -v $t)" tools/$t || return 1
	done &&
	places &&
	(PATH=$PWD/tools && ask issue-add --village "") && test_must_be_empty reply
'

test_case 'completing reads the store and writes nothing: no byte, no -wal or -shm beside it' '
	places &&
	chmod 400 "$RENKE_DB" &&
	ls -l --time-style=+%s.%N "$RENKE_DB"* >before.ls &&
	store_dump >before &&
	ask issue-add --village "" && test_line_count 3 reply &&
	ask issue-add --group "" && test_line_count 3 reply &&
	ask issue-add --owner "" && test_line_count 2 reply &&
	ls -l --time-style=+%s.%N "$RENKE_DB"* >after.ls &&
	test_cmp before.ls after.ls &&
	store_unchanged
'

test_case 'deadline-check --kind: codes and Chinese labels, and each is taken' '
	places &&
	ask deadline-check --kind "" &&
	grep -qx issue_overdue reply && grep -qx 问题办理逾期 reply &&
	grep -qx returnee_uncontacted reply && grep -qx 回引人才逾期未联系 reply &&
	test_line_count 24 reply &&
	grep -qx care_missing reply && grep -qx 人文关怀未走访 reply &&
	while read -r k; do
		expect_status 0 deadline-check --today 2022-11-02 --kind "$k" >out 2>err ||
		return 1
	done <reply
'

test_case 'report-gen: --kind and --category follow the report named' '
	ask report-gen meetings --kind 院 && replies 院坝会 &&
	ask report-gen care --kind 留 && replies 留守儿童 &&
	ask report-gen issues --kind 矛 && replies 矛盾纠纷 &&
	ask report-gen households --category 脱 && replies 脱贫户 &&
	ask report-gen issues --category 基 && replies 基础设施 &&
	ask milestone-add --meeting-kind 院 && replies 院坝会 &&
	ask milestone-add --scope "" && replies village group 村 村民小组
'
test_done
