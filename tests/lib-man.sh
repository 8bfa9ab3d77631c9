# lib-man.sh -- sourced by the tests that run man pages' EXAMPLES (after lib.sh)
#
# In a page's EXAMPLES section every ".Bd -literal" block is a script:
# a line "$ COMMAND" is run by sh, and the lines after it, up to the next
# "$ " line or the end of the block, are its standard output exactly.  A
# command with no lines after it may print anything.  The commands of one
# page run in order in one scratch directory holding a copy of examples/
# and a fresh store, so a page can import first and list afterwards.  A
# command must exit 0; one that starts with the page's own command may
# also exit 1 when the page's EXIT STATUS section lists 1.  A Chinese
# page (man/zh_CN) names those sections 示例 and 退出状态.
#
# Most pages begin by importing the example township.  A page whose first
# command is word for word the first command of an earlier page of the
# same test file, under the same locale, starts from a copy of the
# directory that command left there, and that command's output and exit
# status are checked against the page as if it had run again: the same
# command on the same files gives the same store and output, so it is
# run once per test file instead of once per page.

MAN_DIR=$TOP/man
BS=$(printf '\b')

# synopsis_of PAGE: the SYNOPSIS section of PAGE as mandoc renders it (a
# section ends at the next heading, in either language)
synopsis_of() {
	mandoc -Tascii "$1" | sed "s/.$BS//g" |
	awk '/^[^ ]/ { on = ($0 == "SYNOPSIS"); next } on'
}

# extract_examples PAGE DIR COMMAND: DIR/cmd.N and DIR/out.N for every
# command of PAGE's EXAMPLES, in order, and DIR/index with a line for each,
# "N<tab>OWN<tab>TITLE": OWN is yes when the command starts with COMMAND,
# the page's own, and TITLE the command on one line without what TAP or
# echo would interpret; prints the number of commands
extract_examples() {
	awk -v dir="$2" -v own="$3" '
	# mdoc escapes back to plain text
	function plain(s,    out, c, i) {
		out = ""
		while ((i = index(s, "\\")) > 0) {
			out = out substr(s, 1, i - 1)
			c = substr(s, i + 1, 1)
			if (c == "e") {
				out = out "\\"
				s = substr(s, i + 2)
			} else if (c == "&") {
				s = substr(s, i + 2)
			} else if (c == "-") {
				out = out "-"
				s = substr(s, i + 2)
			} else if (substr(s, i + 1, 3) == "(aq") {
				out = out "\047"
				s = substr(s, i + 4)
			} else if (substr(s, i + 1, 3) == "(dq") {
				out = out "\""
				s = substr(s, i + 4)
			} else {
				out = out "\\"
				s = substr(s, i + 1)
			}
		}
		return out s
	}
	function finish(    title) {
		if (n > 0) {
			close(dir "/cmd." n)
			close(dir "/out." n)
			title = text
			gsub(/#/, "_", title)
			gsub(/\\/, "⧵", title)
			sub(/ +$/, "", title)
			mine = (index(text, own " ") == 1 || text == own " ")
			printf "%d\t%s\t%s\n", n, mine ? "yes" : "no", title \
			    > (dir "/index")
		}
	}
	/^\.Sh / {
		examples = ($0 == ".Sh EXAMPLES" || $0 == ".Sh 示例")
		block = 0
		next
	}
	!examples { next }
	/^\.Bd -literal/ { block = 1; output = 0; continued = 0; next }
	/^\.Ed/ { block = 0; output = 0; next }
	!block { next }
	/^\.\\"/ { next }
	/^\./ { next }
	{
		line = plain($0)
		if (continued) {
			# a command continued by a trailing backslash
			print line > (dir "/cmd." n)
			text = text line " "
			continued = line ~ /\\$/
			next
		}
		if (substr(line, 1, 2) == "$ ") {
			finish()
			n++
			print substr(line, 3) > (dir "/cmd." n)
			text = substr(line, 3) " "
			printf "" > (dir "/out." n)
			continued = line ~ /\\$/
			output = 1
			next
		}
		if (output)
			print line > (dir "/out." n)
	}
	END {
		finish()
		close(dir "/index")
		print n + 0
	}' "$1"
}

# allows_status_1 PAGE: the EXIT STATUS section of PAGE lists status 1
allows_status_1() {
	awk '/^\.Sh / { section = $0; next }
	(section == ".Sh EXIT STATUS" || section == ".Sh 退出状态") &&
	    /^\.It 1$/ { found = 1 }
	END { exit !found }' "$1"
}

# run_example CMD EXPECTED MAY_EXIT_1: run the command file CMD with sh in
# the current directory; its standard output must be EXPECTED's when that
# is not empty, its status 0 (or 1 when MAY_EXIT_1 is yes)
run_example() {
	sh "$1" >"$1.actual" 2>"$1.stderr" </dev/null
	echo $? >"$1.status"
	check_example "$@"
}

# check_example CMD EXPECTED MAY_EXIT_1: what run_example checks, of the
# output, standard error and status CMD left in CMD.actual, CMD.stderr
# and CMD.status
check_example() {
	read -r status <"$1.status" || return 1
	if [ "$status" -ne 0 ] &&
	    ! { [ "$status" -eq 1 ] && [ "$3" = yes ]; }; then
		echo "exit status $status from:" >&2
		sed 's/^/	/' "$1" >&2
		echo "standard error:" >&2
		cat "$1.stderr" >&2
		return 1
	fi
	if [ -s "$2" ] && ! test_cmp "$2" "$1.actual"; then
		echo "the example's output (---) differs from the command's (+++):" >&2
		echo "standard error:" >&2
		cat "$1.stderr" >&2
		return 1
	fi
	return 0
}

# run_page PAGE LOCALE: a test of every example of PAGE, run under LOCALE
run_page() {
	page=$1
	page_locale=$2
	page_name=$(basename "$page")
	command_name=${page_name%.*}
	case $page in
	"$MAN_DIR"/zh_CN/*) page_name=zh_CN/$page_name ;;
	esac
	page_dir=$TRASH/examples.$(echo "$page_name" | tr / .)
	mkdir -p "$page_dir/cases" || exit 1
	may_exit_1=no
	if allows_status_1 "$page"; then
		may_exit_1=yes
	fi
	count=$(extract_examples "$page" "$page_dir/cases" "$command_name") ||
		exit 1

	# the directory and output the first command left on an earlier
	# page, when it is this page's first command too (see above)
	first_done=
	if [ "$count" -gt 0 ]; then
		first_cmd=$page_dir/cases/cmd.1
		memo=$TRASH/memo/$page_locale.$(cksum <"$first_cmd" | tr ' ' .)
		if cmp -s "$memo/cmd" "$first_cmd"; then
			cp -R "$memo/run" "$page_dir/run" &&
			for f in actual stderr status; do
				cp "$memo/cmd.$f" "$first_cmd.$f" || exit 1
			done || exit 1
			first_done=yes
		fi
	fi
	if [ -z "$first_done" ]; then
		mkdir -p "$page_dir/run" &&
		cp -R "$EXAMPLES"/. "$page_dir/run"/ || exit 1
	fi

	test_case "$page_name: EXAMPLES has commands to run" '
		if [ "$count" -eq 0 ]; then
			echo "no \"\$ command\" line in a .Bd -literal block of EXAMPLES" >&2
			false
		fi
	'
	[ "$count" -gt 0 ] || return 0
	while IFS='	' read -r i own title <&3; do
		example_cmd=$page_dir/cases/cmd.$i
		example_out=$page_dir/cases/out.$i
		example_may_exit_1=no
		if [ "$own" = yes ]; then
			example_may_exit_1=$may_exit_1
		fi
		if [ "$i" -eq 1 ] && [ -n "$first_done" ]; then
			test_case "$page_name: $title" '
				check_example "$example_cmd" "$example_out" \
				    "$example_may_exit_1"
			'
			continue
		fi
		test_case "$page_name: $title" '
			cd "$page_dir/run" &&
			RENKE_DB=$page_dir/run/renke.db && export RENKE_DB &&
			LC_ALL=$page_locale && LANG=$page_locale && export LC_ALL LANG &&
			run_example "$example_cmd" "$example_out" "$example_may_exit_1" 3<&-
		'
		if [ "$i" -eq 1 ] && [ -f "$first_cmd.status" ] &&
		    [ ! -d "$memo" ]; then
			mkdir -p "$memo" &&
			cp -R "$page_dir/run" "$memo/run" &&
			for f in actual stderr status; do
				cp "$first_cmd.$f" "$memo/cmd.$f" || exit 1
			done &&
			cp "$first_cmd" "$memo/cmd" || exit 1
		fi
	done 3<"$page_dir/cases/index"
}
