#!/bin/sh
# t1055 -- member-add into a store with no people yet: indexes made after the rows, the same store as a row at a time
. "$(dirname "$0")/lib.sh"

# one store of 600 households, and their 1,800 people, for every case
gen-households 600 7 | awk -F, -v OFS=, 'NR > 1 { $8 = 3 } { print }' >"$TRASH/households.csv"
gen-members "$TRASH/households.csv" >"$TRASH/people.csv"
households() {
	store_cache households 'household-add -q "$TRASH/households.csv"'
}

# the store, its times blanked (two runs are seconds apart)
dump_timeless() {
	store_dump "$1" | sed "s/20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z/T/g"
}

# import_both NAME ARGS...: member-add ARGS into a copy of the households'
# store at NAME.db by the bulk path (its standard error in NAME.err, status
# in NAME.rc), and a row at a time at NAME.rows.db (.err, .rc)
import_both() {
	name=$1
	shift
	households &&
	cp "$RENKE_DB" "$name.db" &&
	cp "$RENKE_DB" "$name.rows.db" &&
	{ member-add -d "$name.db" "$@" 2>"$name.err"; echo $? >"$name.rc"; } &&
	{ RENKE_TEST_MEMBER_BULK=no member-add -d "$name.rows.db" "$@" \
		2>"$name.rows.err"; echo $? >"$name.rows.rc"; }
}

# same_store NAME: both imports gave the same store and status
same_store() {
	dump_timeless "$1.db" >"$1.dump" &&
	dump_timeless "$1.rows.db" >"$1.rows.dump" &&
	test_cmp "$1.rows.dump" "$1.dump" &&
	test_cmp "$1.rows.rc" "$1.rc"
}

test_case 'a first import of 1,800 people gives the store a row at a time gives, then a second finds them unchanged' '
	import_both a "$TRASH/people.csv" &&
	echo 0 >expect && test_cmp expect a.rc &&
	same_store a && test_cmp a.rows.err a.err &&
	err_is a.err "member-add: 1800 members read: added 1800, updated 0, unchanged 0, differ 0, bad 0" &&
	test "$(sqlite3 a.db "SELECT count(*) FROM member")" -eq 1800 &&
	sqlite3 a.db "PRAGMA integrity_check; SELECT name FROM sqlite_schema WHERE tbl_name = ${SQ}member${SQ} ORDER BY rowid" >actual &&
	printf "ok\nmember\nmember_id_number\nmember_household\nmember_tagged\n" >expect &&
	test_cmp expect actual &&
	store_dump a.db >before &&
	member-add -d a.db "$TRASH/people.csv" 2>err &&
	grep_message "^member-add: 1800 members read: added 0, updated 0, unchanged 1800, differ 0, bad 0$" err &&
	store_dump a.db >after &&
	test_cmp before after
'

test_case 'bad rows and people given twice: refused alike by both paths, nothing written, the repeats named after the rest' '
	{
		head -n 4 "$TRASH/people.csv" &&
		sed -n 2p "$TRASH/people.csv" &&
		sed -n 5,6p "$TRASH/people.csv" | sed "s/,[^,]*,/,H9999999,/" &&
		sed -n 3p "$TRASH/people.csv" &&
		sed -n 3p "$TRASH/people.csv" &&
		sed -n 7,9p "$TRASH/people.csv"
	} >bad.csv &&
	households && store_dump >before &&
	import_both b bad.csv &&
	echo 65 >expect && test_cmp expect b.rc &&
	same_store b &&
	store_dump b.db >after && test_cmp before after &&
	cat >expect <<-\EOF &&
	member-add: bad.csv:5: id_number: the same person as line 2
	member-add: bad.csv:6: household_id: no household "H9999999" in the store; household-add registers households
	member-add: bad.csv:7: household_id: no household "H9999999" in the store; household-add registers households
	member-add: bad.csv:8: id_number: the same person as line 3
	member-add: bad.csv:9: id_number: the same person as line 3
	member-add: 5 bad records; nothing was written
	EOF
	test_cmp expect b.rows.err &&
	sed -n "2,3p" expect >bulk.expect &&
	sed -n "1p;4,5p" expect >>bulk.expect &&
	sed -n 6p expect >>bulk.expect &&
	test_cmp bulk.expect b.err
'

test_case 'a person in two files is named by the other file, in Chinese too' '
	head -n 3 "$TRASH/people.csv" >one.csv &&
	{ head -n 1 "$TRASH/people.csv" && sed -n "3,4p" "$TRASH/people.csv"; } >two.csv &&
	import_both c one.csv two.csv &&
	same_store c &&
	err_is c.err "member-add: two.csv:2: id_number: the same person as one.csv:3" \
		"member-add: 1 bad record; nothing was written" &&
	test_cmp c.err c.rows.err &&
	zh_locale &&
	households &&
	expect_status 65 member-add one.csv two.csv 2>err &&
	grep_message "^member-add: two.csv:2: id_number: 与 one.csv:3 是同一个人$" err
'

test_case 'people in the order of their households then out of it give the same store as a row at a time' '
	{ head -n 901 "$TRASH/people.csv" && tail -n +902 "$TRASH/people.csv" | sort -r; } >mixed.csv &&
	import_both d mixed.csv &&
	echo 0 >expect && test_cmp expect d.rc &&
	same_store d &&
	sqlite3 d.db "PRAGMA integrity_check; SELECT name FROM sqlite_schema WHERE tbl_name = ${SQ}member${SQ} ORDER BY rowid" >actual &&
	printf "ok\nmember\nmember_id_number\nmember_household\nmember_tagged\n" >expect &&
	test_cmp expect actual &&
	test "$(sqlite3 d.db "SELECT count(*) FROM member WHERE household_id = ${SQ}H0000600${SQ} AND tags <> ${SQ}${SQ}")" -eq \
		"$(sqlite3 d.db "SELECT count(*) FROM member INDEXED BY member_tagged WHERE household_id = ${SQ}H0000600${SQ} AND tags <> ${SQ}${SQ}")"
'

test_case 'a dry run takes the bulk path and writes nothing; --skip-bad keeps to a row at a time' '
	{ head -n 3 "$TRASH/people.csv" && sed -n 2p "$TRASH/people.csv"; } >twice.csv &&
	households && store_dump >before &&
	member-add --dry-run "$TRASH/people.csv" 2>err &&
	grep_message "would add 1800, would update 0, unchanged 0, differ 0, bad 0$" err &&
	store_unchanged &&
	member-add -q --skip-bad --rejects rejects.csv twice.csv 2>err &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM member")" -eq 2 &&
	grep -c "the same person as line 2" rejects.csv >actual &&
	echo 1 >expect && test_cmp expect actual
'

test_case 'with a rollback journal for the while: refused, a dry run or committed, the store is left whole and in WAL mode' '
	{ head -n 3 "$TRASH/people.csv" && sed -n 2p "$TRASH/people.csv"; } >twice.csv &&
	echo wal >wal &&
	households && store_dump >before &&
	expect_status 65 member-add twice.csv 2>err &&
	err_is err "member-add: twice.csv:4: id_number: the same person as line 2" \
		"member-add: 1 bad record; nothing was written" &&
	store_unchanged &&
	sqlite3 "$RENKE_DB" "PRAGMA journal_mode" >actual && test_cmp wal actual &&
	test ! -e "$RENKE_DB-journal" &&
	member-add -q --dry-run "$TRASH/people.csv" &&
	store_unchanged &&
	sqlite3 "$RENKE_DB" "PRAGMA journal_mode" >actual && test_cmp wal actual &&
	member-add -q "$TRASH/people.csv" &&
	sqlite3 "$RENKE_DB" "PRAGMA journal_mode; PRAGMA integrity_check; SELECT count(*) FROM member" >actual &&
	printf "wal\nok\n1800\n" >expect && test_cmp expect actual &&
	test ! -e "$RENKE_DB-journal"
'

test_case 'the households whose people differ from their count are noted alike by both paths, in household order or not, with --roster too' '
	# every 7th person left out: 257 households of 3 have 2
	awk "NR == 1 || NR % 7 != 0" "$TRASH/people.csv" >fewer.csv &&
	{ head -n 601 fewer.csv && tail -n +602 fewer.csv | sort -r; } >shuffled.csv &&
	import_both e fewer.csv &&
	same_store e && test_cmp e.rows.err e.err &&
	grep_message "^member-add: 257 households have another number of people registered than their member count: H0000002 3 (2 registered), H0000005 3 (2 registered), " e.err &&
	import_both f shuffled.csv &&
	same_store f && test_cmp f.rows.err f.err &&
	grep -v "members read" e.err >expect && grep -v "members read" f.err >actual &&
	test_cmp expect actual &&
	import_both g --roster shuffled.csv &&
	same_store g && test_cmp g.rows.err g.err &&
	grep_message "^member-add: member counts set from the roster: 257 households: " g.err &&
	! grep "another number" g.err &&
	test "$(sqlite3 g.db "SELECT count(*) FROM household WHERE members = 2")" -eq 257
'

test_done
