#!/bin/sh
# t0817-po-complete.sh -- every message lib/ and cmd/ can print has its
# zh_CN translation: the messages xgettext finds (as make pot finds them),
# merged with po/zh_CN.po without guessing, leave none untranslated, so
# that a clerk under zh_CN never meets an English sentence.  A plural
# written as two N_() strings is translated by the catalog's plural entry.

. "$(dirname "$0")/lib.sh"

# untranslated PO SOURCE...: the msgid lines of the messages of SOURCE
# that PO does not translate (nothing when there are none)
untranslated() {
	po=$1
	shift
	xgettext --from-code=UTF-8 -k_ -kN_ -kNC_:1c,2 -kdngettext:2,3 \
		-o messages.pot "$@" &&
	msgmerge -q --no-fuzzy-matching "$po" messages.pot -o merged.po &&
	sed -n "s/^msgid_plural /msgid /p" "$po" >plurals &&
	msgattrib --untranslated --no-obsolete --no-wrap merged.po >left &&
	grep "^msgid " left | grep -v -x "msgid \"\"" | grep -v -x -F -f plurals
	return 0
}

test_case 'every message of lib/ and cmd/ has a zh_CN translation' '
	set -- "$TOP"/lib/*.c "$TOP"/cmd/*.c &&
	test $# -gt 100 &&
	untranslated "$TOP/po/zh_CN.po" "$@" >found &&
	test -s messages.pot &&
	test_must_be_empty found
'

# han POT: the msgids of POT that hold a Han character, one a line
han() {
	python3 -c '
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for entry in text.split("\n\n"):
    for value in re.findall(r"^msgid(?:_plural)? ((?:\".*\"\n?)+)", entry, re.M):
        msgid = "".join(re.findall(r"\"(.*)\"", value))
        if re.search("[\u3400-\u9fff\uf900-\ufaff]", msgid):
            print(msgid)
' "$1"
}

test_case 'no message of lib/ and cmd/ holds Chinese: under C it is English, the catalog keeps the terms' '
	xgettext --from-code=UTF-8 -k_ -kN_ -kNC_:1c,2 -kdngettext:2,3 \
		-o messages.pot "$TOP"/lib/*.c "$TOP"/cmd/*.c &&
	han messages.pot >found &&
	test_must_be_empty found &&
	printf "%s\n" "msgid \"a 片 of villages\"" "msgstr \"\"" "" \
		"msgid \"plain words\"" "msgstr \"\"" >small.pot &&
	han small.pot >found &&
	echo "a 片 of villages" >expect &&
	test_cmp expect found
'

test_case 'a message without its translation is found; one with it, or a plural, is not' '
	sed -n "1,/^\$/p" "$TOP/po/zh_CN.po" >small.po &&
	printf "%s\n" "" "msgid \"old words\"" "msgstr \"旧话\"" "" \
		"msgid \"%ld word\"" "msgid_plural \"%ld words\"" "msgstr[0] \"%ld个词\"" >>small.po &&
	printf "%s\n" "#include \"error.h\"" "const char *a = N_(\"old words\");" \
		"const char *b = N_(\"new words\");" \
		"const char *c[] = { N_(\"%ld word\"), N_(\"%ld words\") };" >x.c &&
	untranslated small.po x.c >found &&
	test_line_count 1 found &&
	grep -x "msgid \"new words\"" found
'

test_done
