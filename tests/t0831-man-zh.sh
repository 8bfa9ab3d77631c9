#!/bin/sh
#
# The Chinese man pages (man/zh_CN): one for every English page, with the
# same SYNOPSIS, every option and exit status the English page documents
# and no other, installed where man finds them under zh_CN.UTF-8.  Their
# EXAMPLES are run by t0832 and they are linted by make lint-man.

. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-man.sh"

# pages_under DIR: the pages under DIR, as man1/x.1 and the like
pages_under() {
	(cd "$1" && for f in man1/*.1 man5/*.5 man7/*.7; do
		if [ -f "$f" ]; then echo "$f"; fi
	done)
}

# english_pages: every English page
english_pages() {
	pages_under "$MAN_DIR"
}

# lagging PAGE: PAGE is listed in man/zh_CN/LAGGING, an English page whose
# Chinese page has not caught up yet (its cases are skipped, and say so)
lagging() {
	grep -qx "$1" "$MAN_DIR/zh_CN/LAGGING" 2>/dev/null
}

# options PAGE: the options the page names (.Fl), one a line, sorted
options() {
	awk '/^\./ {
		for (i = 1; i < NF; i++)
			if ($i == "Fl" && $(i + 1) !~ /^(Ar|Cm|Ns|No|Pq|Op|Oo|Oc|Ic)$/)
				print $(i + 1)
	}' "$1" | sed 's/[,.;:)]*$//; s/\\-/-/g; s/\\&//g' | sort -u
}

# statuses PAGE: the exit statuses its EXIT STATUS section lists
statuses() {
	awk '/^\.Sh / { on = ($0 == ".Sh EXIT STATUS" || $0 == ".Sh 退出状态"); next }
	on && /^\.It [0-9]/ { print $2 }' "$1"
}

test_case 'every English page has a Chinese page (or is lagging), and no Chinese page is alone' '
	english_pages | while read -r p; do
		if ! lagging "$p" || [ -f "$MAN_DIR/zh_CN/$p" ]; then echo "$p"; fi
	done >english &&
	pages_under "$MAN_DIR/zh_CN" >chinese &&
	test_cmp english chinese
'

for p in $(english_pages); do
	en=$MAN_DIR/$p
	zh=$MAN_DIR/zh_CN/$p
	[ -f "$zh" ] || continue
	if lagging "$p"; then
		test_count=$((test_count + 1))
		echo "ok $test_count - zh_CN/$p # SKIP its translation lags (man/zh_CN/LAGGING)"
		continue
	fi

	test_case "zh_CN/$p: every option of the English page, and no other" '
		options "$en" >en.options &&
		options "$zh" >zh.options &&
		test_cmp en.options zh.options
	'

	test_case "zh_CN/$p: the same exit statuses, NAME and SYNOPSIS" '
		statuses "$en" >en.statuses &&
		statuses "$zh" >zh.statuses &&
		test_cmp en.statuses zh.statuses &&
		synopsis_of "$en" >en.synopsis &&
		synopsis_of "$zh" >zh.synopsis &&
		test_cmp en.synopsis zh.synopsis &&
		grep "^\.Nm " "$en" | head -n 1 >en.name &&
		grep "^\.Nm " "$zh" | head -n 1 >zh.name &&
		test_cmp en.name zh.name &&
		grep "^\.Dt " "$en" >en.dt && grep "^\.Dt " "$zh" >zh.dt &&
		test_cmp en.dt zh.dt
	'

	test_case "zh_CN/$p: written in Chinese, every section and subsection the English page has" '
		grep -c "^\.S[hs] " "$en" >en.sections &&
		grep -c "^\.S[hs] " "$zh" >zh.sections &&
		test_cmp en.sections zh.sections &&
		! grep -E "^\.Sh (DESCRIPTION|ENVIRONMENT|FILES|EXIT STATUS|EXAMPLES|SEE ALSO)$" "$zh" &&
		grep "^\.Nd " "$zh" | LC_ALL=C grep -q "[^ -~]"
	'
done

test_case 'lint-man-zh: Chinese punctuation after a .Pq is refused, outside it is not' '
	sed -n "1,/^\.Sh DESCRIPTION/p" "$MAN_DIR/zh_CN/man1/household-list.1" >head.1 &&
	{ cat head.1 &&
	  printf "%s\n" "见" ".Pq Xr board-step 1 ；" "后" ".Pq Cm selection , No 评选 ：" \
		".Po Fl \\-notes Pc Ns 。" ".Pq Cm inclusion ， No 纳入监测" ".Pq 默认为 30" "。"
	} >bad.1 &&
	expect_status 1 sh "$TOP/scripts/lint-man-zh" bad.1 >out 2>err &&
	test_must_be_empty out &&
	n=$(wc -l <head.1) &&
	err_is err "bad.1:$((n + 2)): Chinese punctuation inside .Pq; write .Po ... Pc Ns ；: .Pq Xr board-step 1 ；" \
		"bad.1:$((n + 4)): Chinese punctuation inside .Pq; write .Po ... Pc Ns ：: .Pq Cm selection , No 评选 ：" &&
	mandoc -Tutf8 bad.1 | grep -q "(board-step(1) ；)" &&
	sed "/^\.Pq .*[；：]\$/d" bad.1 >good.1 &&
	sh "$TOP/scripts/lint-man-zh" good.1 "$MAN_DIR/zh_CN/man1/household-list.1" &&
	expect_status 64 sh "$TOP/scripts/lint-man-zh" 2>err &&
	expect_status 66 sh "$TOP/scripts/lint-man-zh" good.1 missing.1 2>err &&
	grep -q "missing.1: cannot read" err
'

test_case 'make install puts the Chinese pages where man finds them under zh_CN' '
	make -s -C "$TOP" install DESTDIR="$PWD/root" PREFIX=/usr \
		B="$RENKE_BUILD" BIN="$RENKE_BIN" >install.log 2>&1 &&
	pages_under "$MAN_DIR/zh_CN" >pages &&
	test -s pages &&
	while read -r p; do
		cmp "$MAN_DIR/zh_CN/$p" "root/usr/share/man/zh_CN/$p" || exit 1
	done <pages &&
	# (man -M looks in no language'"'"'s directory; MANPATH, or the PATH a
	# command is found by, does)
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 MANPAGER=cat MANWIDTH=100 \
		MANPATH=$PWD/root/usr/share/man man household-list >zh.page 2>err &&
	grep -q "列出库中的户" zh.page &&
	LC_ALL=C.UTF-8 LANG=C.UTF-8 MANPAGER=cat MANWIDTH=100 \
		MANPATH=$PWD/root/usr/share/man man household-list >en.page 2>err &&
	grep -q "list the households of the store" en.page &&
	! grep -q "列出库中的户" en.page
'

test_done
