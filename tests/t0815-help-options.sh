#!/bin/sh
#
# Every command's -h prints its synopsis, then a line for each option it
# takes, in the user's language: the first sentence of the option's item
# in the command's man page (renke(7)'s for the options every command
# shares), from the Chinese page under zh_CN.  The lines come from the
# same table getopt reads, so no option the command takes goes without
# one; the synopsis stays as the man page has it (t0900).

. "$(dirname "$0")/lib.sh"

COMMANDS=$(sed -n "s/^COMMANDS_[A-Z]* = //p" "$TOP/Makefile")
# a byte that begins a CJK character in UTF-8 (U+4E00 to U+9FFF)
CJK=$(printf "[\344-\351]")

# options_of HELP: the long options of the option lines of HELP, sorted
options_of() {
	sed "1,/^$/d" "$1" | grep "^  -" | grep -o -- "--[a-z][a-z-]*" | sort -u
}

# entries_of HELP: each option line of HELP with its text, one a line:
# "TAG<TAB>TEXT" (the text may begin on the next line, and wrap)
entries_of() {
	sed "1,/^$/d" "$1" | awk '
	/^  -/ {
		if (tag != "") print tag "\t" text
		tag = substr($0, 3); text = ""
		if ((i = index(tag, "  ")) > 0) {
			text = substr(tag, i); tag = substr(tag, 1, i - 1)
		}
		sub(/^ +/, "", text)
		next
	}
	/^    [^ ]/ { t = $0; sub(/^ +/, "", t); tag = tag " " t; next }
	substr($0, 1, 26) ~ /^ *$/ && substr($0, 27, 1) ~ /[^ ]/ {
		t = $0; sub(/^ +/, "", t); text = text (text == "" ? "" : " ") t
	}
	END { if (tag != "") print tag "\t" text }
	'
}

test_case 'C: every command prints its synopsis, then every option with a line in English' '
	for c in $COMMANDS
	do
		"$c" -h >help || { echo "$c -h: exit $?"; return 1; }
		head -n 1 help | grep -q "^usage: $c " || { echo "$c: no synopsis"; return 1; }
		grep -qx "Options:" help || { echo "$c: no Options:"; return 1; }
		entries_of help >entries &&
		test -s entries || { echo "$c: no option lines"; return 1; }
		if awk -F "\t" "\$2 == \"\"" entries | grep .; then
			echo "$c: an option without its line"; return 1
		fi
		if awk -F "\t" "{ print \$2 }" entries | grep -v "[A-Za-z][a-z][a-z]"; then
			echo "$c: a line that is not English"; return 1
		fi
		for o in --db --by --today --quiet --help --version; do
			grep -q -- "^  .*$o\\b" help || { echo "$c: no $o"; return 1; }
		done
	done
'

test_case 'zh_CN: the same options, each with its line in Chinese; the synopsis unchanged' '
	for c in $COMMANDS
	do
		"$c" -h >help.C &&
		(zh_locale && "$c" -h) >help || { echo "$c -h: exit $?"; return 1; }
		sed "/^$/q" help.C >expect && sed "/^$/q" help >actual &&
		test_cmp expect actual &&
		grep -qx "选项：" help || { echo "$c: no 选项："; return 1; }
		options_of help.C >expect && options_of help >actual &&
		test_cmp expect actual &&
		entries_of help >entries &&
		if awk -F "\t" "{ print \$2 }" entries | LC_ALL=C grep -v "$CJK"; then
			echo "$c: a line that is not Chinese"; return 1
		fi
	done
'

test_case 'every option getopt takes has its line, and no other' '
	# what each kind of command takes besides its own, as cmd/cli.c has it
	household-add -h >help &&
	options_of help >actual &&
	for o in db today by quiet help version input-format encoding sheet \
		header-row list-sheets skip-bad rejects dry-run upsert set reason \
		id head id-number phone village group category members \
		monitor-type risk-status without-case new-village new-group
	do
		echo "--$o"
	done | sort >expect &&
	test_cmp expect actual &&
	household-list -h >help &&
	for o in --format --output --bom --excel --reveal --labels --codes; do
		grep -q -- "^  .*$o\\b" help || { echo "household-list: no $o"; return 1; }
	done &&
	! grep -q -- "--rejects\|--upsert" help
'

# wider HELP: the option lines of HELP wider than 80 columns (CJK counts two)
wider() {
	sed "1,/^$/d" "$1" | python3 -c '
import sys, unicodedata
for line in sys.stdin.read().split("\n"):
    if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) > 80:
        print(line)
'
}

test_case 'lines are as the man page says them, wrapped at 80 columns' '
	household-add -h >help &&
	grep -q "^  -q, --quiet  *Say nothing on success; problems are still reported\.$" help &&
	grep -q "^  --skip-bad  *Write the good records even when some are bad\.$" help &&
	grep -q "^  --reason text  *With --upsert: why the records are corrected, written$" help &&
	grep -q "^ \{26\}to the audit log beside the old and new value of each$" help &&
	wider help >out && test_must_be_empty out &&
	zh_locale &&
	household-add -h >help &&
	grep -q "^  --skip-bad  *即使有错误记录，也写入正确的记录。$" help &&
	wider help >out && test_must_be_empty out &&
	for c in $COMMANDS
	do
		"$c" -h >help && wider help >out && test_must_be_empty out || return 1
	done
'

test_case 'an option that gives a field is said as the field is, its argument named as in the synopsis' '
	case-open -h >help &&
	grep -q "^  --clue-on date  *" help &&
	rule-step -h >help &&
	grep -q "^  --adopted " help &&
	grep -q "^  --opinions " help &&
	issue-update -h >help &&
	grep -A1 "^  --status status" help | grep -qv "^ *status\.$"
'

test_done
