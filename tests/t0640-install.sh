#!/bin/sh
# t0640-install.sh -- make install into a scratch DESTDIR: the commands run,
# their completion completes, their man pages open with man -M
. "$(dirname "$0")/lib.sh"

# install_here [PREFIX]: install the tree under test (its build and bin),
# as it is, into root/ (with PREFIX, default /usr, unlike the build's)
install_here() {
	make -s -C "$TOP" install-built DESTDIR="$PWD/root" PREFIX=${1:-/usr} \
		B="$RENKE_BUILD" BIN="$RENKE_BIN" >install.log 2>&1 ||
		{ cat install.log; return 1; }
}

test_case 'make install puts commands, pages, catalog and completion in place' '
	install_here &&
	for c in household-add household-list visit-log milestone-add issue-add \
		issue-update meeting-log deadline-check report-gen survey-tally; do
		test -x root/usr/bin/$c &&
		test -f root/usr/share/man/man1/$c.1 &&
		test -L root/usr/share/bash-completion/completions/$c || return 1
	done &&
	test -x root/usr/bin/deadline-mail &&
	test -f root/usr/share/man/man7/renke.7 &&
	test -f root/usr/share/locale/zh_CN/LC_MESSAGES/renke.mo
'

test_case 'an installed command runs and finds its catalog' '
	install_here &&
	root/usr/bin/household-add -q "$EXAMPLES/households.csv" &&
	root/usr/bin/household-list -f csv >out &&
	test_line_count 351 out &&
	expect_status 64 env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 \
		RENKE_LOCALEDIR="$PWD/root/usr/share/locale" \
		root/usr/bin/household-list -x 2>err &&
	grep -q "未知选项" err
'

test_case 'an installed command finds its catalog beside it, with no RENKE_LOCALEDIR, under any PREFIX' '
	for prefix in /usr /opt/renke
	do
		install_here $prefix &&
		expect_status 64 env -u RENKE_LOCALEDIR LC_ALL=zh_CN.UTF-8 \
			LANG=zh_CN.UTF-8 root$prefix/bin/household-list -x 2>err &&
		grep_message "^household-list: 未知选项 -x" err &&
		env -u RENKE_LOCALEDIR LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 \
			root$prefix/bin/household-add -h >help &&
		grep -qx "选项：" help || return 1
	done
'

test_case 'installing builds nothing: the tree under test is installed as it is' '
	ls -l --time-style=+%s.%N "$RENKE_BIN" "$RENKE_BUILD/cmd" >before &&
	install_here &&
	ls -l --time-style=+%s.%N "$RENKE_BIN" "$RENKE_BUILD/cmd" >after &&
	test_cmp before after &&
	cmp "$RENKE_BIN/household-add" root/usr/bin/household-add
'

test_case 'the installed completion offers options and vocabulary values' '
	install_here &&
	cat >complete.bash <<-\EOF &&
	. root/usr/share/bash-completion/completions/household-add
	ask() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _renke; printf "%s\n" "${COMPREPLY[@]}"; }
	ask household-add --cat >opts
	ask household-add --category "" >values
	ask issue-add --category 基 >issue
	ask report-gen su >report
	EOF
	PATH=$PWD/root/usr/bin:$PATH bash complete.bash &&
	grep -qx -- --category opts &&
	grep -qx lifted values && grep -qx 脱贫户 values &&
	grep -qx 基础设施 issue &&
	printf "summary\nsurvey\n" >expect && test_cmp expect report
'

test_case 'the installed man pages open with man -M' '
	install_here &&
	MANPAGER=cat man -M root/usr/share/man household-add >page 2>err &&
	grep -q "household-add" page && grep -q "EXAMPLES" page &&
	MANPAGER=cat man -M root/usr/share/man 7 renke >page7 2>err &&
	grep -q "renke" page7
'
test_done
