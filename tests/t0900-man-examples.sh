#!/bin/sh
# t0900-man-examples.sh -- the EXAMPLES of every man page, run as tests
#
# Every page's EXAMPLES are run as tests/lib-man.sh says, under C.UTF-8
# (the Chinese pages under zh_CN.UTF-8: t0832).
#
# Then, for every command page, the synopsis that the command's -h prints
# is the page's SYNOPSIS, word for word (its option lines: t0815).

. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-man.sh"

# help_of COMMAND: the synopsis COMMAND -h prints before its option lines
# (t0815); it must exit 0
help_of() {
	"$1" -h >help.all || {
		echo "$1 -h: exit status $?" >&2
		return 1
	}
	sed "/^$/,\$d" help.all
}

# option_words: the words of standard input that are options, sorted
option_words() {
	tr '[]|' '   ' | tr -s ' \t' '\n\n' | grep -- '^-.' | sort -u
}

# words: standard input as one word a line, the word "usage:" left out
words() {
	tr -s ' \t' '\n\n' | grep -v '^$' | grep -v '^usage:$'
}

for page in "$MAN_DIR"/man1/*.1 "$MAN_DIR"/man5/*.5 "$MAN_DIR"/man7/*.7; do
	[ -f "$page" ] && run_page "$page" C.UTF-8
done
for page in "$MAN_DIR"/man1/*.1; do
	[ -f "$page" ] || continue
	page_name=$(basename "$page")
	command_name=${page_name%.1}

	test_case "$page_name: every option of $command_name -h is in SYNOPSIS" '
		help_of "$command_name" >help &&
		synopsis_of "$page" >synopsis &&
		option_words <help >help.options &&
		option_words <synopsis >synopsis.options &&
		if [ ! -s help.options ]; then
			echo "no option in the output of $command_name -h" >&2
			false
		fi &&
		test_cmp help.options synopsis.options
	'

	test_case "$page_name: SYNOPSIS reads as $command_name -h, word for word" '
		help_of "$command_name" >help &&
		synopsis_of "$page" >synopsis &&
		words <help >help.words &&
		words <synopsis >synopsis.words &&
		test_cmp help.words synopsis.words
	'
done

test_done
