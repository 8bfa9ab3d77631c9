#!/bin/sh
#
# --upsert changes a stored record only with --reason saying why: without
# it every importing command that updates (household-add, member-add,
# milestone-add, visit-log, assign, support-log) refuses the whole input,
# exit 64, the store unchanged, on a dry run too; an --upsert that only
# adds, or changes nothing, needs no reason.

. "$(dirname "$0")/lib.sh"

ZH="env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8"
REFUSED1="--upsert would change 1 stored record; --reason TEXT must say why it is corrected; nothing was written"
P1=$(id_number 50023519800101001)
P2=$(id_number 50023519800101002)

# one store for every case: two households with a person each, a
# milestone, a visit, an assignment and a loan
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	printf "%s\n" "household_id,head_name,village,village_group,categories,members,phone" \
		"H1,王大,甲村,1组,脱贫户,3,13800000001" "H2,王二,甲村,1组,,2," >households.csv &&
	household-add -q households.csv &&
	printf "%s\n" "id_number,household_id,name" "$P1,H1,王大" "$P2,H2,王二" >members.csv &&
	member-add -q members.csv &&
	milestone-add -q --id m1 --title 遍访 --category 脱贫户 --round r1 --due 2022-11-30 &&
	visit-log -q --today 2022-11-02 --household H1 --date 2022-11-01 \
		--visitor 邓丽福 --round r1 --housing yes &&
	assign -q --cadre 王平 --role 帮扶干部 --household H1 --from 2022-10-01 &&
	support-log -q --kind 富民贷 --id-number "$P1" --start 2022-11-01 \
		--provider 农商行 --amount 30000 --term 24
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

# the command line of each kind that changes one stored record, reason
# options first ("$@"), and whose audit entity it is
change() {
	kind=$1
	shift
	case $kind in
	household) household-add "$@" --id H1 --village 甲村 --group 1组 --members 4 ;;
	member) member-add "$@" --id-number "$P1" --household H1 --name 王大 --health 大病 ;;
	milestone) milestone-add "$@" --id m1 --title 遍访 --category 脱贫户 --round r1 --due 2022-12-15 ;;
	visit) visit-log --today 2022-11-02 "$@" --household H1 --date 2022-11-01 \
		--visitor 邓丽福 --round r1 --housing no ;;
	assignment) assign "$@" --cadre 王平 --role 帮扶干部 --household H1 --until 2023-06-30 ;;
	support) support-log "$@" --kind 富民贷 --id-number "$P1" --start 2022-11-01 --term 36 ;;
	esac
}

test_case 'every kind: a change by --upsert without --reason is exit 64, nothing written; with it, audited' '
	seed &&
	for kind in household member milestone visit assignment support; do
		expect_status 64 change $kind --upsert >out 2>err &&
		grep_message ": $REFUSED1\$" err &&
		test_line_count 1 err &&
		store_unchanged || { echo "kind $kind" >&2; return 1; }
	done &&
	for kind in household member milestone visit assignment support; do
		change $kind -q --upsert --by 李霞 --reason "更正$kind" >/dev/null || return 1
		sqlite3 "$RENKE_DB" "SELECT who, new FROM audit WHERE entity = ${SQ}$kind${SQ}
			AND field = ${SQ}reason${SQ}" >actual &&
		echo "李霞|更正$kind" >expect &&
		test_cmp expect actual || return 1
	done &&
	sqlite3 "$RENKE_DB" "SELECT h.members, m.health, s.due_date, v.housing, a.end_date,
		l.term_months FROM household h, member m, milestone s, visit v,
		assignment a, support l WHERE h.household_id = ${SQ}H1${SQ} AND
		m.id_number = ${SQ}$P1${SQ}" >actual &&
	echo "4|serious_illness|2022-12-15|no|2023-06-30|36" >expect &&
	test_cmp expect actual
'

test_case 'the refusal in Chinese' '
	seed &&
	expect_status 64 $ZH household-add --upsert --id H1 --village 甲村 --members 4 2>err &&
	err_is err "household-add: --upsert将修改数据库中已有的1条记录，须用--reason说明更正原因；未写入任何数据" &&
	store_unchanged
'

test_case '--dry-run: the same refusal; with --reason it counts the update and writes nothing' '
	seed &&
	expect_status 64 household-add --dry-run --upsert --id H1 --village 甲村 --members 4 2>err &&
	err_is err "household-add: $REFUSED1" &&
	store_unchanged &&
	household-add --dry-run --upsert --reason 人口核实 --id H1 --village 甲村 --members 4 2>err &&
	grep_message "would update 1, unchanged 0" err &&
	store_unchanged
'

test_case 'an --upsert that only adds, or changes nothing, needs no reason' '
	seed &&
	household-add --upsert "$TRASH/households.csv" 2>err &&
	grep_message "added 0, updated 0, unchanged 2, differ 0, bad 0$" err &&
	store_unchanged &&
	printf "%s\n" "household_id,village" "H3,甲村" >new.csv &&
	household-add --upsert new.csv 2>err &&
	grep_message "added 1, updated 0, unchanged 0, differ 0, bad 0$" err &&
	test "$(sqlite3 "$RENKE_DB" "SELECT count(*) FROM audit WHERE field = ${SQ}reason${SQ}")" = 0
'

test_case 'a file that adds and changes: all or nothing; the count is of the changes' '
	seed &&
	printf "%s\n" "household_id,village,village_group,members,phone" \
		"H1,甲村,1组,5,13800000009" "H2,甲村,1组,3," "H4,甲村,1组,1," >in.csv &&
	expect_status 64 household-add --upsert in.csv 2>err &&
	err_is err "household-add: --upsert would change 2 stored records; --reason TEXT must say why they are corrected; nothing was written" &&
	store_unchanged &&
	! grep -q 13800000009 err &&
	household-add --upsert --reason 年度核实 in.csv 2>err &&
	grep_message "added 1, updated 2, unchanged 0" err &&
	sqlite3 "$RENKE_DB" "SELECT entity_id, new FROM audit WHERE field = ${SQ}reason${SQ} ORDER BY seq" >actual &&
	printf "%s\n" "H1|年度核实" "H2|年度核实" >expect &&
	test_cmp expect actual
'

test_case 'bad records are named first (exit 65); --skip-bad does not pass a change without reason' '
	seed &&
	printf "%s\n" "household_id,village,members" "H1,甲村,4" "H5,甲村,many" >in.csv &&
	expect_status 65 household-add --upsert in.csv 2>err &&
	grep_message "in.csv:3: members: " err &&
	! grep_message "reason" err &&
	store_unchanged &&
	expect_status 64 household-add --upsert --skip-bad --rejects rejects.csv in.csv 2>err &&
	grep_message ": $REFUSED1\$" err &&
	test_path_is_missing rejects.csv &&
	store_unchanged
'

test_case 'a blank --reason, or --reason without --upsert, is a usage error' '
	seed &&
	expect_status 64 household-add --reason 核实 --id H1 --village 甲村 --members 4 2>err &&
	grep_message "^household-add: --reason goes with --upsert: it says why records are corrected$" err &&
	store_unchanged &&
	expect_status 64 household-add --upsert --reason " " --id H1 --village 甲村 --members 4 2>err &&
	grep_message "^household-add: --reason: say why; it is kept in the audit log$" err &&
	store_unchanged
'

test_done
