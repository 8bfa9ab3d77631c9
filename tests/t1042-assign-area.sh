#!/bin/sh
#
# assign --area: a cadre over a 片 (包片), a named set of villages, one
# record a village; a household's missing visit is owned by its own
# cadre (包户), else its village's (包村), else its 片's; the cadre of a
# 片 finds every household of its villages; a 片 given with a household
# or without a village is refused, the store unchanged.

. "$(dirname "$0")/lib.sh"

# one store for every case: three villages, a household of each with
# no cadre, one with its own, one of a village with its own; a milestone
(
	RENKE_DB=$TRASH/seed.db && export RENKE_DB &&
	{
		echo "household_id,head_name,village,categories"
		echo "A1,张一,甲村,脱贫户"
		echo "A2,张二,甲村,脱贫户"
		echo "B1,李一,乙村,脱贫户"
		echo "B2,李二,乙村,脱贫户"
		echo "C1,陈一,丙村,脱贫户"
	} >households.csv &&
	household-add -q households.csv &&
	printf "milestone_id,title,categories,round,due_date\nm1,遍访,脱贫户,r1,2022-11-01\n" >milestones.csv &&
	milestone-add -q milestones.csv &&
	assign -q --cadre 王平 --role 帮扶干部 --household A1 &&
	assign -q --cadre 李书记 --role 村支书 --village 乙村
) || exit 1

seed() {
	sqlite3 "$TRASH/seed.db" ".backup $RENKE_DB" &&
	store_dump >before
}

test_case 'a 片 from a sheet: one record a village, audited, known apart from 包村' '
	seed &&
	{
		echo "干部,职务,片区,村,开始日期"
		echo "赵镇长,驻村工作队员,东片,甲村,2022-10-01"
		echo "赵镇长,驻村工作队员,东片,乙村,2022-10-01"
		echo "赵镇长,驻村工作队员,,乙村,2022-10-01"
	} >area.csv &&
	assign area.csv 2>err &&
	grep_message "^assign: 3 assignments read: added 3, updated 0, unchanged 0, differ 0, bad 0$" err &&
	assign area.csv 2>err &&
	grep_message "added 0, updated 0, unchanged 3, differ 0, bad 0$" err &&
	sqlite3 "$RENKE_DB" "SELECT cadre, coalesce(area, ${SQ}-${SQ}), village FROM assignment_view WHERE cadre = ${SQ}赵镇长${SQ} ORDER BY assignment_id;
		SELECT entity_id, field FROM audit WHERE entity = ${SQ}assignment${SQ} AND entity_id LIKE ${SQ}赵镇长%${SQ} ORDER BY seq" >actual &&
	cat >expect <<-\EOT &&
	赵镇长|东片|甲村
	赵镇长|东片|乙村
	赵镇长|-|乙村
	赵镇长:work_team:东片:甲村|created
	赵镇长:work_team:东片:乙村|created
	赵镇长:work_team:乙村|created
	EOT
	test_cmp expect actual
'

test_case 'a missing visit is owned by the household'"'"'s cadre, else its village'"'"'s, else its 片'"'"'s' '
	seed &&
	assign -q --cadre 赵镇长 --role 驻村工作队员 --area 东片 --village 甲村 &&
	assign -q --cadre 赵镇长 --role 驻村工作队员 --area 东片 --village 乙村 &&
	expect_status 1 deadline-check --today 2022-11-05 --kind visit_missing -f csv >out &&
	cut -d, -f4,7 out | sort >actual &&
	printf "A1,王平\nA2,赵镇长\nB1,李书记\nB2,李书记\nC1,\nhousehold_id,owner\n" >expect &&
	test_cmp expect actual &&
	expect_status 1 deadline-check --today 2022-11-05 --kind visit_missing --owner 赵镇长 -f csv >out &&
	cut -d, -f4 out | sort >actual &&
	printf "A2\nhousehold_id\n" >expect &&
	test_cmp expect actual &&
	household-list --today 2022-11-05 --cadre 赵镇长 | cut -d, -f1 >actual &&
	printf "household_id\nA1\nA2\nB1\nB2\n" >expect &&
	test_cmp expect actual
'

test_case 'the owner of a missing visit is the cadre assigned on the day: not one who starts later or has left' '
	seed &&
	assign -q --cadre 孙干部 --role 帮扶干部 --household A2 --from 2022-12-01 &&
	assign -q --cadre 周干部 --role 帮扶干部 --household B1 --from 2022-10-01 --until 2022-10-31 &&
	expect_status 1 deadline-check --today 2022-11-05 --kind visit_missing -f csv >out &&
	cut -d, -f4,7 out | sort >actual &&
	printf "A1,王平\nA2,\nB1,李书记\nB2,李书记\nC1,\nhousehold_id,owner\n" >expect &&
	test_cmp expect actual &&
	expect_status 1 deadline-check --today 2022-12-05 --kind visit_missing -f csv >out &&
	cut -d, -f4,7 out | sort >actual &&
	printf "A1,王平\nA2,孙干部\nB1,李书记\nB2,李书记\nC1,\nhousehold_id,owner\n" >expect &&
	test_cmp expect actual
'

test_case 'a 片 with a household, or without its village, is refused; in Chinese too' '
	seed &&
	expect_status 65 assign --cadre 赵镇长 --role 驻村工作队员 --area 东片 --household A2 2>err &&
	grep_message "^assign: command line: --area: an area is a set of villages, not a household${SQ}s: give it with village alone$" err &&
	expect_status 65 assign --cadre 赵镇长 --role 驻村工作队员 --area 东片 2>err &&
	grep_message "^assign: command line: --village: missing; an area is its villages, one record a village$" err &&
	zh_locale &&
	expect_status 65 assign --cadre 赵镇长 --role 驻村工作队员 --area 东片 2>err &&
	grep_message "^assign: 命令行: 村(社区): 缺少；片区按村登记，每村一条$" err &&
	store_unchanged
'

test_done
