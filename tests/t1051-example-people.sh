#!/bin/sh
#
# The example township's people and the help they get, as make demo
# imports them (examples/people.csv, assignments.csv, support.csv,
# returnees.csv, written by scripts/gen-township): every household's
# people as its member count says, about 3 a household; 包村 and 包户; a
# dozen posts; loans at every stage; returnees with their contacts; all
# four tags.  report-gen assistance and deadline-check on 1 December give
# what the files say, counted here again from the files with awk.

. "$(dirname "$0")/lib.sh"

TODAY=2022-12-01

(
	RENKE_DB=$TRASH/people.db && export RENKE_DB &&
	household-add -q "$EXAMPLES/households.csv" &&
	member-add "$EXAMPLES/people.csv" &&
	assign "$EXAMPLES/assignments.csv" &&
	support-log "$EXAMPLES/support.csv" &&
	returnee-log "$EXAMPLES/returnees.csv" &&
	sqlite3 "$RENKE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
) >"$TRASH/import.out" 2>&1 || { cat "$TRASH/import.out" >&2; exit 1; }

people() {
	cp "$TRASH/people.db" "$RENKE_DB"
}

test_case 'every file is read whole: nothing bad, nothing left out' '
	cat >expect <<-EOF &&
	member-add: $(example_rows people.csv) members read: added $(example_rows people.csv), updated 0, unchanged 0, differ 0, bad 0
	assign: $(example_rows assignments.csv) assignments read: added $(example_rows assignments.csv), updated 0, unchanged 0, differ 0, bad 0
	support-log: $(example_rows support.csv) assistance records read: added $(example_rows support.csv), updated 0, unchanged 0, differ 0, bad 0
	returnee-log: $(example_rows returnees.csv) contacts read: added $(example_rows returnees.csv), updated 0, unchanged 0, differ 0, bad 0
	EOF
	test_cmp expect "$TRASH/import.out"
'

test_case 'each household has the people its member count says, about 3 on average' '
	people &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM household h WHERE members <>
			(SELECT count(*) FROM member m WHERE m.household_id = h.household_id);
		SELECT count(*) BETWEEN 2.5 * (SELECT count(*) FROM household) AND
			4 * (SELECT count(*) FROM household) FROM member;
		SELECT count(*) FROM household h WHERE NOT EXISTS (SELECT 1 FROM member m
			WHERE m.household_id = h.household_id AND m.relation = ${SQ}head${SQ}
			AND m.name = h.head_name AND m.id_number = h.id_number)" >actual &&
	printf "%s\n" 0 1 0 >expect &&
	test_cmp expect actual
'

test_case 'every village its party secretary and first secretary; households their cadre' '
	people &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM village v WHERE NOT EXISTS
			(SELECT 1 FROM assignment a WHERE a.village_id = v.id AND
			a.household_id IS NULL AND a.role = ${SQ}village_secretary${SQ})
			OR NOT EXISTS (SELECT 1 FROM assignment a WHERE a.village_id = v.id
			AND a.household_id IS NULL AND a.role = ${SQ}first_secretary${SQ});
		SELECT count(*) > 300 FROM assignment WHERE role = ${SQ}assistance_cadre${SQ}" >actual &&
	printf "%s\n" 0 1 >expect &&
	test_cmp expect actual
'

test_case 'a dozen posts, loans at every stage, returnees, every tag' '
	people &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM support WHERE kind = ${SQ}post${SQ};
		SELECT count(DISTINCT status) FROM support WHERE kind = ${SQ}loan${SQ};
		SELECT count(DISTINCT id_number) >= 10 FROM returnee_contact;
		SELECT count(DISTINCT status) FROM returnee_contact;
		SELECT count(*) FROM vocab b WHERE b.domain = ${SQ}member_tag${SQ} AND NOT EXISTS
			(SELECT 1 FROM member m WHERE instr(${SQ};${SQ} || m.tags || ${SQ};${SQ},
			${SQ};${SQ} || b.code || ${SQ};${SQ}) > 0)" >actual &&
	printf "%s\n" 12 5 1 4 0 >expect &&
	test_cmp expect actual
'

test_case 'report-gen assistance on 1 December: the totals the files give' '
	people &&
	report-gen --today $TODAY assistance -f json >out.json &&
	python3 -c "
import json, sys
t = [r for r in json.load(open(\"out.json\")) if r[\"village\"] == \"*\"][0]
print(\",\".join(str(t[k]) for k in sys.argv[1:]))
" posts_held post_pay loans loans_wish loans_sent loans_approved loans_refused loans_withdrawn loan_amount returnees returnees_contacted returnees_intends returnees_returned returnees_settled people_tagged people_lonely_elderly people_left_behind_child people_poor_student people_disabled >actual &&
	awk -F, -v day=$TODAY "
		FILENAME ~ /support\.csv$/ && FNR > 1 && \$1 == \"公益性岗位\" &&
			\$3 <= day && (\$6 == \"\" || \$6 >= day) { posts++; pay += \$7 }
		FILENAME ~ /support\.csv$/ && FNR > 1 && \$1 == \"富民贷\" && \$3 <= day {
			loans++; st[\$9]++; if (\$9 == \"已放贷\") amount += \$7 }
		FILENAME ~ /returnees\.csv$/ && FNR > 1 && \$2 <= day &&
			\$2 >= last[\$1] { last[\$1] = \$2; status[\$1] = \$9 }
		FILENAME ~ /people\.csv$/ && FNR > 1 && \$10 != \"\" {
			tagged++; n = split(\$10, t, \";\"); for (i = 1; i <= n; i++) tag[t[i]]++ }
		END {
			for (p in status) { ret++; rs[status[p]]++ }
			print posts + 0, pay + 0, loans + 0, st[\"有贷款意愿\"] + 0,
				st[\"已提交银行\"] + 0, st[\"已放贷\"] + 0, st[\"未获批\"] + 0,
				st[\"已撤回\"] + 0, amount + 0, ret + 0, rs[\"已联系\"] + 0,
				rs[\"有意返乡\"] + 0, rs[\"已返乡\"] + 0, rs[\"已就业创业\"] + 0,
				tagged + 0, tag[\"孤寡老人\"] + 0, tag[\"留守儿童\"] + 0,
				tag[\"贫困学生\"] + 0, tag[\"残疾人\"] + 0
		}" OFS=, "$EXAMPLES/support.csv" "$EXAMPLES/returnees.csv" \
		"$EXAMPLES/people.csv" >expect &&
	test_cmp expect actual &&
	cut -d , -f 1 actual | grep -qx "1[0-2]"
'

test_case 'deadline-check on 1 December: the loans and returnees the files say are late' '
	people &&
	expect_status 1 deadline-check --today $TODAY --kind loan_unsent \
		--kind loan_unanswered --kind returnee_uncontacted -f csv >out &&
	cut -d , -f 1 out | sort | uniq -c | awk "{ print \$2, \$1 }" >actual &&
	awk -F, -v d7=$(date -d "$TODAY -7 days" +%F) -v d30=$(date -d "$TODAY -30 days" +%F) "
		FILENAME ~ /support\.csv$/ && \$1 == \"富民贷\" && \$9 == \"有贷款意愿\" && \$3 < d7 { unsent++ }
		FILENAME ~ /support\.csv$/ && \$1 == \"富民贷\" && \$9 == \"已提交银行\" && \$10 < d30 { unanswered++ }
		FILENAME ~ /returnees\.csv$/ && FNR > 1 && \$2 >= last[\$1] { last[\$1] = \$2; status[\$1] = \$9 }
		END {
			for (p in last) if (status[p] != \"已就业创业\" && last[p] < d30) uncontacted++
			print \"kind\", 1
			if (unanswered) print \"loan_unanswered\", unanswered
			if (unsent) print \"loan_unsent\", unsent
			if (uncontacted) print \"returnee_uncontacted\", uncontacted
		}" "$EXAMPLES/support.csv" "$EXAMPLES/returnees.csv" >expect &&
	test_cmp expect actual &&
	test_line_count 4 actual
'

test_done
