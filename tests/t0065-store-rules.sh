#!/bin/sh
# t0065-store-rules.sh -- a store read where it cannot be written; an empty file made
# private; "*" kept for the total row
#
# renke(7): the commands that only read open the store read-only where
# its directory may not be written in; an empty file taken as a new
# store is made 0600 like a store renke creates; no village or group may
# be called "*", the name of a report's total row.

. "$(dirname "$0")/lib.sh"

# as_nobody COMMAND...: run COMMAND as the user nobody, with the commands copied where it may run them
as_nobody() {
	su nobody -s /bin/sh -c "PATH=$OUT/bin:/usr/bin:/bin; cd $OUT && $*"
}

test_case 'reading commands read a store in a directory they cannot write in' '
	needs_nobody &&
	OUT=$(mktemp -d /tmp/renke-ro.XXXXXX) && chmod 755 "$OUT" &&
	mkdir "$OUT/bin" "$OUT/ro" &&
	for c in household-list report-gen deadline-check household-add; do
		cp "$RENKE_BIN/$c" "$OUT/bin/" || return 1
	done &&
	household-add -q -d "$OUT/ro/renke.db" "$EXAMPLES/households.csv" &&
	household-list -d "$OUT/ro/renke.db" -f csv >want &&
	chmod 644 "$OUT/ro/renke.db" && chmod 555 "$OUT/ro" &&
	cp -p "$OUT/ro/renke.db" kept.db &&
	as_nobody household-list -d ro/renke.db -f csv >got 2>err &&
	test_cmp want got &&
	test_must_be_empty err &&
	as_nobody report-gen summary -d ro/renke.db -f csv >summary 2>err &&
	test -s summary && test_must_be_empty err &&
	{ as_nobody deadline-check -d ro/renke.db --today 2022-11-30 -f csv >/dev/null 2>err; test $? -le 1; } &&
	test_must_be_empty err &&
	{ as_nobody household-add -d ro/renke.db --id HY9 --village 后叶村 2>err; test $? -eq 74; } &&
	cmp "$OUT/ro/renke.db" kept.db &&
	chmod 755 "$OUT/ro" && rm -rf "$OUT"
'

test_case 'an older store that cannot be written here is read as the schema now is, and left as it was' '
	needs_nobody &&
	OUT=$(mktemp -d /tmp/renke-ro.XXXXXX) && chmod 755 "$OUT" &&
	mkdir "$OUT/bin" "$OUT/ro" &&
	for c in household-list report-gen; do
		cp "$RENKE_BIN/$c" "$OUT/bin/" || return 1
	done &&
	store_of_version 13 "$OUT/ro/renke.db" &&
	sqlite3 "$OUT/ro/renke.db" "INSERT INTO village (id, name) VALUES (1, ${SQ}甲村${SQ});
		INSERT INTO household_source (id, file, at) VALUES (1, ${SQ}a.csv${SQ},
		${SQ}2022-10-01T08:00:00Z${SQ});
		INSERT INTO household (id, household_id, head_name, phone, village_id,
		categories, source_id, line) VALUES (1, ${SQ}H1${SQ}, ${SQ}张三${SQ},
		${SQ}13900000001${SQ}, 1, ${SQ}lifted${SQ}, 1, 2);
		INSERT INTO issue (kind, category, title, urgency, source, owner, village_id,
		opened_on, due_date, status, natural_key, created_at, updated_at)
		VALUES (${SQ}problem${SQ}, ${SQ}housing${SQ}, ${SQ}房屋漏雨${SQ}, ${SQ}normal${SQ},
		${SQ}visit${SQ}, ${SQ}王干部${SQ}, 1, ${SQ}2022-10-30${SQ}, ${SQ}2022-11-20${SQ},
		${SQ}resolved${SQ}, ${SQ}k1${SQ}, ${SQ}2022-10-30T00:00:00Z${SQ},
		${SQ}2022-10-30T00:00:00Z${SQ});
		UPDATE issue SET resolved_on = ${SQ}2022-11-10${SQ}" &&
	chmod 644 "$OUT/ro/renke.db" && chmod 555 "$OUT/ro" &&
	cp -p "$OUT/ro/renke.db" kept.db &&
	as_nobody household-list -d ro/renke.db -f csv >got 2>err &&
	test_must_be_empty err &&
	grep "^H1,.*,139\*\*\*\*0001," got &&
	: the ledger metrics of schema 14 are there, from the copy &&
	as_nobody report-gen summary -d ro/renke.db -f csv --today 2022-11-30 >summary 2>err &&
	test_must_be_empty err &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		\$at[\"village\"] == \"甲村\" { print \$at[\"on_time_rate\"] }" summary >actual &&
	echo 1.0000 >expect && test_cmp expect actual &&
	: a reveal is logged before it is shown, and the copy cannot keep it &&
	{ as_nobody household-list -d ro/renke.db --reveal -f csv >out 2>err; test $? -eq 74; } &&
	! grep 13900000001 out &&
	grep_message "^household-list: ro/renke.db: the store has an older schema and is read-only here, so it was read from an up-to-date copy, and what this command writes could not be kept; a command that writes, where it may, brings it up to date$" err &&
	{ as_nobody LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 RENKE_LOCALEDIR=$RENKE_LOCALEDIR household-list -d ro/renke.db --reveal -f csv >out 2>err; test $? -eq 74; } &&
	grep_message "ro/renke.db：数据库的结构版本较旧，此处只能读取，因此读取的是升级后的副本" err &&
	cmp "$OUT/ro/renke.db" kept.db &&
	test "$(sqlite3 "$OUT/ro/renke.db" "PRAGMA user_version")" -eq 13 &&
	chmod 755 "$OUT/ro" && rm -rf "$OUT"
'

test_case 'an empty file taken as a new store is made 0600' '
	: >empty.db && chmod 644 empty.db &&
	household-add -q -d empty.db --id HY0101001 --new-village --village 后叶村 &&
	test "$(stat -c %a empty.db)" = 600 &&
	test "$(sqlite3 empty.db "select count(*) from household")" -eq 1
'

test_case 'no village or group may be called "*", the total row of every report' '
	example_households &&
	store_dump >before &&
	printf "%s\n" "household_id,village,village_group" "HY9,*,1社" "HY8,后叶村,*" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "^household-add: in.csv:2: village: \"\*\" is the name of the total row in reports; give the place its own name$" err &&
	grep_message "^household-add: in.csv:3: village_group: \"\*\" is the name" err &&
	store_dump >after && test_cmp before after
'

test_done
