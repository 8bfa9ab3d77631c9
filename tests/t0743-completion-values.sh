#!/bin/sh
# t0743 -- completion offers the values of every option of every command
# whose value is a vocabulary, as the command itself lists them
#
# The options are read from each command's -h synopsis.  An option whose
# argument is not free text (a name, a date, a number, a file, ...) must
# complete to values, never to file names; where the command's own
# message for a bad value lists the values it takes, completion offers
# exactly those codes, and under zh_CN exactly those Chinese labels.
. "$(dirname "$0")/lib.sh"

# what an option's argument is named in a synopsis when it is free text
FREE='name|text|date|n|file|id|number|path|db|days|reason|yuan|mu|months|year|digits|unit|field|keys|list|names|low|what|way|capacity|round|place|options|none|title|days\[wd\]'

# options: "COMMAND OPTION ARGUMENT" for every option of every command
# (Makefile COMMANDS) that takes an argument that is not free text
sed -n 's/^COMMANDS_[A-Z]* = //p' "$TOP/Makefile" | tr ' ' '\n' |
while read -r c; do
	[ -n "$c" ] || continue
	"$c" -h | sed '/^$/q' |
	grep -o -- '\(^\|[[ ]\)-\{1,2\}[a-zA-Z][a-z-]* [a-z][a-z|_]*' |
	sed -e 's/^[[ ]//' -e "s/^/$c /"
done | sort -u | awk -v free="^($FREE)$" '
	# free text when every word of n|none is
	{ n = split($3, w, "|"); f = 0; for (i = 1; i <= n; i++) f += w[i] ~ free }
	f == n { next }
	# the options every command shares (cli.c): checked once
	$3 ~ /^(fmt|enc|format)$/ && seen[$2]++ { next }
	{ print }' >"$TRASH/options"

# complete: for each line "COMMAND OPTION ..." of standard input, the line
# and then what completing "COMMAND OPTION <TAB>" offers, on one line
cat >"$TRASH/complete.bash" <<EOF
. "$TOP/scripts/renke-completion.bash"
while read -r c o rest; do
	COMP_WORDS=("\$c" "\$o" ""); COMP_CWORD=2; _renke
	printf "%s %s %s:" "\$c" "\$o" "\$rest"
	[ \${#COMPREPLY[@]} -eq 0 ] || printf " %s" "\${COMPREPLY[@]}"
	echo
done
EOF

test_case 'the synopses give options with vocabularies to check' '
	test "$(wc -l <"$TRASH/options")" -gt 60 &&
	grep -qx "deadline-check --kind kind" "$TRASH/options" &&
	grep -qx "issue-update --status status" "$TRASH/options" &&
	grep -qx "support-log --kind post|job|land|loan" "$TRASH/options"
'

test_case 'every such option completes to values, never to file names' '
	: a file that completing file names would offer &&
	touch "a file" zz &&
	bash "$TRASH/complete.bash" <"$TRASH/options" >offered &&
	awk -F ": " "NF < 2 || \$2 == \"\" { print \"nothing for \" \$1 }
		/ (zz|a\\\\ file)( |$)/ { print \"file names for \" \$1 }" offered >bad &&
	test_must_be_empty bad &&
	: a synopsis that lists the values, as --scope village\|group: each offered &&
	awk -F ": " "{ split(\$1, w, \" \"); n = split(w[3], v, \"|\")
		if (n < 2) next
		for (i = 1; i <= n; i++)
			if (index(\" \" \$2 \" \", \" \" v[i] \" \") == 0)
				print w[1], w[2], \"does not offer\", v[i] }" offered >bad &&
	test_must_be_empty bad
'

# listed LOCALE: for each option (of the lines "COMMAND OPTION ..." on
# standard input) whose bad value the command refuses with a message
# listing the values it takes, "COMMAND OPTION: VALUES" with the codes
# (C) or the Chinese labels (zh_CN) of that list, sorted
listed() {
	while read -r c o rest; do
		LANG=$1 LC_ALL=$1 "$c" "$o" "@@" </dev/null >/dev/null 2>err
		line=$(head -n 1 err)
		case $line in
		"$c: $o"*expected*|"$c: command line: $o"*expected*) ;;
		"$c: $o"*应为*|"$c: command line: $o"*应为*) ;;
		*) continue ;;
		esac
		printf "%s %s:" "$c" "$o"
		if [ "$1" = C.UTF-8 ]; then
			printf "%s\n" "$line" | sed -e "s/.*expected \\(one of: \\)\\{0,1\\}//" \
				-e "s/ ([^)]*)//g" -e "s/,\\{0,1\\} or /, /" | tr -d , |
				tr " " "\\n"
		else
			printf "%s\n" "$line" | grep -o "（[^）]*）" |
				sed -e "s/^（//" -e "s/）$//"
		fi | grep . | sort | tr "\\n" " "
		echo
	done
}

# offered ASCII|CJK: the same lines from what completion offers, the
# ASCII values or the others
offered() {
	sed "s/:.*//" listed | bash "$TRASH/complete.bash" >all &&
	while IFS=: read -r head values; do
		printf "%s:" "${head% }"
		printf "%s\n" $values | if [ "$1" = ASCII ]; then
			LC_ALL=C grep -v "[^ -~]"
		else
			LC_ALL=C grep "[^ -~]"
		fi | sort | tr "\\n" " "
		echo
	done <all
}

test_case 'C: each option offers exactly the codes its command lists' '
	listed C.UTF-8 <"$TRASH/options" >listed &&
	cp listed "$TRASH/listed" &&
	test "$(wc -l <listed)" -ge 12 &&
	grep -q "^deadline-check --kind:care_missing feedback_overdue issue_overdue " listed &&
	grep -q "^issue-add --urgency:important minor normal urgent $" listed &&
	offered ASCII >got &&
	test_cmp listed got
'

test_case 'zh_CN: each option offers exactly the Chinese labels its command lists' '
	zh_locale &&
	test -s "$TRASH/listed" &&
	sed "s/:.*//" "$TRASH/listed" | listed zh_CN.UTF-8 | grep -v ": $" >listed &&
	test "$(wc -l <listed)" -ge 8 &&
	grep -q "^deadline-check --kind:.*问题办理逾期" listed &&
	offered CJK >got &&
	test_cmp listed got
'
test_done
