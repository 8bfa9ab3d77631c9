#!/bin/sh
#
# The analyst's side of the store: the vocab table is vocab.c's, kept so
# by the commands; the views join names and labels, name every key the
# same way, and label every code they show.

. "$(dirname "$0")/lib.sh"

# the example township, loaded once as renke-store(5) loads it
township=$TRASH/township.db
(
	cd "$TRASH" && RENKE_DB=$township && export RENKE_DB &&
	household-add -q "$EXAMPLES/households.csv" &&
	member-add -q "$EXAMPLES/members.csv" &&
	assign -q --cadre 王平 --role 帮扶干部 --household HY0101001 --from 2022-10-01 &&
	assign -q --cadre 冉明 --role 村支书 --village 龙洞村 &&
	milestone-add -q "$EXAMPLES/milestones.csv" &&
	visit-log -q --flagged "$EXAMPLES/visits.csv" |
	    issue-add -q --today 2022-11-05 >/dev/null &&
	sh "$EXAMPLES/ledger-life.sh" >/dev/null 2>&1 &&
	survey-tally -q --save 2022-11 --today 2022-11-30 \
	    "$EXAMPLES/survey.csv" >/dev/null
) || {
	echo "Bail out! the example township does not load"
	exit 1
}

# views: the views of the store at $1, one a line
views() {
	sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = ${SQ}view${SQ} ORDER BY name"
}

test_case 'the store holds the views renke-store(5) describes, and no other' '
	views "$township" >actual &&
	sed -n "/^\.Ss Views/,/^\.Ss /s/^\.It Sy //p" "$TOP/man/man5/renke-store.5" |
	    sort >expect &&
	test_line_count 9 expect &&
	test_cmp expect actual
'

test_case 'every column a view names is in renke-store(5) under its view' '
	for v in $(views "$township"); do
		sqlite3 "$township" "SELECT name FROM pragma_table_info(${SQ}$v${SQ})" >cols &&
		awk -v v="$v" "/^\.It Sy / { on = (\$3 == v); next }
			/^\.(Ss|El)/ { on = 0 } on" "$TOP/man/man5/renke-store.5" |
		    tr " ," "\n\n" >page &&
		while read -r c; do
			grep -qx "$c" page || { echo "$v.$c: not in the page" >&2; exit 1; }
		done <cols || exit 1
	done
'

test_case 'a household, a village, a group: one name each in every view' '
	for v in $(views "$township"); do
		sqlite3 "$township" "SELECT name FROM pragma_table_info(${SQ}$v${SQ})"
	done >cols &&
	! grep -Ex "id|household_ref|name|village_name|group_name|household" cols &&
	for v in $(views "$township"); do
		sqlite3 "$township" "SELECT name FROM pragma_table_info(${SQ}$v${SQ})" >c &&
		for pair in "village_id village" "group_id village_group"; do
			set -- $pair &&
			if grep -qx "$1" c || grep -qx "$2" c; then
				grep -qx "$1" c && grep -qx "$2" c ||
				{ echo "$v: $1 without $2 or the other way" >&2; exit 1; }
			fi
		done || exit 1
	done
'

test_case 'every code a view shows has its Chinese label beside it' '
	for v in $(views "$township"); do
		for c in $(sqlite3 "$township" "SELECT name FROM pragma_table_info(${SQ}$v${SQ})
			WHERE name LIKE ${SQ}%\_zh${SQ} ESCAPE ${SQ}\\${SQ}"); do
			code=${c%_zh} &&
			# (a list of codes, categories or tags, is empty for none)
			n=$(sqlite3 "$township" "SELECT count(*) FROM $v
				WHERE coalesce($code, ${SQ}${SQ}) <> ${SQ}${SQ} AND $c IS NULL") &&
			all=$(sqlite3 "$township" "SELECT count($c) FROM $v") &&
			echo "$v.$c: $n unlabelled, $all labelled" &&
			test "$n" = 0 || exit 1
		done
	done >report &&
	grep -c "unlabelled" report >count &&
	test "$(cat count)" -ge 20 &&
	! grep " 0 labelled" report
'

test_case 'the views count what the tables hold' '
	for pair in "household household_view" "visit visit_view" "issue issue_view" \
	    "meeting meeting_view" "survey_answer survey_answer_view" \
	    "member member_view" "assignment assignment_view"; do
		set -- $pair &&
		test "$(sqlite3 "$township" "SELECT count(*) FROM $1")" = \
			"$(sqlite3 "$township" "SELECT count(*) FROM $2")" || exit 1
	done &&
	sqlite3 "$township" "SELECT count(*) FROM issue WHERE meeting_id IS NOT NULL;
		SELECT count(*) FROM suggestion_view;
		SELECT sum(visits) FROM household_view;
		SELECT count(*) FROM visit" >actual &&
	printf "2\n2\n1970\n1970\n" >expect &&
	test_cmp expect actual
'

test_case 'a household of several categories is a row of each, one of none is no row' '
	printf "household_id,village,village_group,categories\nP1,甲村,1社,脱贫户;低保户;大病户\nP2,甲村,,\n" >h.csv &&
	household-add -q h.csv &&
	sqlite3 "$RENKE_DB" "SELECT household_id, village_group, categories, categories_zh, visits,
		coalesce(last_visit_date, ${SQ}-${SQ}) FROM household_view ORDER BY 1;
		SELECT household_id, category, category_zh FROM household_category_view ORDER BY 1, 2" >actual &&
	cat >expect <<-\EOF &&
	P1|1社|lifted;minimum_allowance;serious_illness|脱贫户、低保户、大病户|0|-
	P2||||0|-
	P1|lifted|脱贫户
	P1|minimum_allowance|低保户
	P1|serious_illness|大病户
	EOF
	test_cmp expect actual
'

test_case 'an issue of a village has no household; one of a household has its number' '
	printf "household_id,village,village_group\nP1,甲村,1社\n" >h.csv &&
	household-add -q h.csv &&
	issue-add -q --today 2022-11-01 --kind problem --category 道路 --title 修路 \
		--village 甲村 --group 1社 --owner 王五 >/dev/null &&
	issue-add -q --today 2022-11-01 --kind problem --category 住房 --title 漏雨 \
		--household P1 --owner 王五 >/dev/null &&
	sqlite3 "$RENKE_DB" "SELECT title, village, village_group, coalesce(household_id, ${SQ}-${SQ}),
		category_zh, status_zh, urgency_zh FROM issue_view ORDER BY issue_id" >actual &&
	cat >expect <<-\EOF &&
	修路|甲村|1社|-|基础设施|待办|一般
	漏雨|甲村|1社|P1|住房|待办|一般
	EOF
	test_cmp expect actual
'

test_case 'a surveyed village that is not in the store has no village_id' '
	cp "$township" "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM survey_answer_view WHERE village_id IS NULL" >actual &&
	echo 0 >expect &&
	test_cmp expect actual &&
	printf "village,q_cadre\n外村,满意\n" >s.csv &&
	survey-tally -q --save other --today 2022-12-01 s.csv >/dev/null &&
	sqlite3 "$RENKE_DB" "SELECT survey_round, coalesce(village_id, ${SQ}-${SQ}), village,
		question_zh, answer_zh, text FROM survey_answer_view WHERE survey_round = ${SQ}other${SQ}" >actual &&
	echo "other|-|外村|干部作风|满意|满意" >expect &&
	test_cmp expect actual
'

test_case 'a vocab table out of date is made right by the next command, once' '
	cp "$township" "$RENKE_DB" &&
	sqlite3 "$RENKE_DB" "SELECT * FROM vocab ORDER BY position" >good &&
	sqlite3 "$RENKE_DB" "UPDATE vocab SET label_zh = ${SQ}旧${SQ} WHERE code = ${SQ}open${SQ};
		DELETE FROM vocab WHERE domain = ${SQ}answer${SQ};
		INSERT INTO vocab VALUES (${SQ}status${SQ}, ${SQ}gone${SQ}, ${SQ}gone${SQ}, ${SQ}去${SQ}, 999);
		UPDATE meta SET value = ${SQ}0${SQ} WHERE key = ${SQ}vocab_fingerprint${SQ}" &&
	household-list -q >/dev/null &&
	sqlite3 "$RENKE_DB" "SELECT * FROM vocab ORDER BY position" >actual &&
	test_cmp good actual &&
	store_dump >before &&
	household-list -q >/dev/null &&
	store_dump >after &&
	test_cmp before after
'

test_case 'a store that cannot be written here keeps its vocab table and is read' '
	needs_nobody &&
	OUT=$(mktemp -d /tmp/renke-ro.XXXXXX) && chmod 755 "$OUT" &&
	mkdir "$OUT/bin" "$OUT/ro" && cp "$RENKE_BIN/household-list" "$OUT/bin/" &&
	cp "$township" "$OUT/ro/renke.db" &&
	sqlite3 "$OUT/ro/renke.db" "PRAGMA journal_mode = DELETE;
		UPDATE meta SET value = ${SQ}0${SQ} WHERE key = ${SQ}vocab_fingerprint${SQ}" >/dev/null &&
	chmod 644 "$OUT/ro/renke.db" && chmod 555 "$OUT/ro" &&
	cp -p "$OUT/ro/renke.db" kept.db &&
	su nobody -s /bin/sh -c "PATH=$OUT/bin:/usr/bin:/bin; cd $OUT &&
		household-list -d ro/renke.db -f csv --village 双河村" >out 2>err &&
	test_line_count 33 out &&
	test_must_be_empty err &&
	cmp "$OUT/ro/renke.db" kept.db &&
	chmod 755 "$OUT/ro" && rm -rf "$OUT"
'

test_case 'a version-5 store gains the vocab table and the views' '
	awk "\$0 == \"-- version 6\" { exit } { print }" "$TOP/lib/schema.sql" >schema.sql &&
	{
		cat schema.sql &&
		echo "PRAGMA user_version = 5;" &&
		echo "PRAGMA application_id = 1380273739;"
	} | sqlite3 "$RENKE_DB" &&
	household-add -q "$EXAMPLES/households.csv" &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM vocab WHERE domain = ${SQ}category${SQ};
		SELECT count(*) FROM household_view WHERE categories_zh IS NOT NULL" >actual &&
	printf "6\n350\n" >expect &&
	test_cmp expect actual
'

test_case 'make install puts renke-store(5) where man finds it' '
	make -s -C "$TOP" install DESTDIR="$PWD/root" PREFIX=/usr \
		B="$RENKE_BUILD" BIN="$RENKE_BIN" >install.log 2>&1 &&
	MANPAGER=cat man -M root/usr/share/man 5 renke-store >page 2>err &&
	grep -q "household_view" page &&
	grep -q "survey_answer_view" page
'

test_done
