#!/bin/sh
#
# member-add: the people of households, known by their ID numbers; sex
# and birth date come from the number; a household's member count
# follows its members only when the input is its whole roster (--roster),
# and the closing notes name the counts that differ; a move is an
# update, audited; bad records leave the store as it was.

. "$(dirname "$0")/lib.sh"

P1=$(id_number 50023519410919001)	# born 1941-09-19, a man
P2=$(id_number 11010519491231002)	# born 1949-12-31, a woman
P3=$(id_number 50023520100305003)	# born 2010-03-05, a boy
P4=$(id_number 50023519800101004)
P5=$(id_number 50023519800101005)
P6=$(id_number 50023519800101006)
P7=$(id_number 50023519800101007)

# seed: two households (H1 of 4, H2 of 3), the store's dump in ./before
seed() {
	printf 'household_id,head_name,village,members\nH1,张一,甲村,4\nH2,李二,甲村,3\n' \
		>households.csv &&
	store_cache seed 'household-add -q households.csv' &&
	store_dump >before
}

store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

members() {
	printf '身份证号,户编号,姓名,与户主关系,劳动技能,在校生状况,健康状况,务工地点,外出时间,人员标签,村干部亲属\n'
	printf '%s,H1,张一,户主,弱劳动力,不在校,长期慢性病,,,孤寡老人,否\n' "$P1"
	printf '%s,H1,王二,配偶,普通劳动力,不在校,健康,广东东莞,2021/3/1,,\n' "$P2"
	printf '%s,H1,张三,之子,无劳动力,小学,健康,,,留守儿童；贫困学生,\n' "$P3"
}

test_case 'a members sheet: codes, sex and birth date from the ID number' '
	seed &&
	members >m.csv &&
	member-add m.csv 2>err &&
	grep_message "^member-add: 3 members read: added 3, updated 0, unchanged 0, differ 0, bad 0$" err &&
	sqlite3 -separator "|" "$RENKE_DB" "SELECT household_id, name, sex, birth_date,
		relation, labour, schooling, health, coalesce(away_place, \"\"),
		coalesce(away_since, \"\"), tags, coalesce(cadre_relative, \"\")
		FROM member ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	H1|张一|male|1941-09-19|head|weak|not_in_school|chronic|||lonely_elderly|0
	H1|王二|female|1949-12-31|spouse|ordinary|not_in_school|healthy|广东东莞|2021-03-01||
	H1|张三|male|2010-03-05|child|none|primary|healthy|||left_behind_child;poor_student|
	EOT
	test_cmp expect actual
'

count_audit() {
	sqlite3 "$RENKE_DB" "SELECT household_id, members FROM household ORDER BY 1;
		SELECT who, entity_id, old, new FROM audit
		WHERE entity = ${SQ}household${SQ} AND field = ${SQ}members${SQ} ORDER BY seq"
}

test_case 'one person of a household of four leaves its count at four, and says so' '
	seed &&
	member-add --id-number "$P1" --household H1 --name 张一 2>err &&
	grep_message "^member-add: 1 households have another number of people registered than their member count: H1 4 (1 registered)$" err &&
	grep_message "^member-add: their counts are left as they are; --roster sets each household${SQ}s count when the input is its whole roster$" err &&
	count_audit >actual &&
	printf "H1|4\nH2|3\n" >expect &&
	test_cmp expect actual &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 member-add --id-number "$P2" --household H1 --name 王二 2>err.zh &&
	grep_message "1户登记的人数与家庭人口数不同：H1 4（已登记2人）" err.zh &&
	grep_message "家庭人口数保持不变；输入为该户完整的花名册时，--roster按花名册设定家庭人口数" err.zh
'

test_case 'a whole roster (--roster) sets each count it names, audited; a household of as many is left' '
	seed &&
	{
		members &&
		printf "%s,H2,李四,户主,,,,,,,\n" "$P4" &&
		printf "%s,H2,李五,配偶,,,,,,,\n" "$P5" &&
		printf "%s,H2,李六,之子,,,,,,,\n" "$P6"
	} >m.csv &&
	member-add --roster --by 文书 m.csv 2>err &&
	grep_message "^member-add: member counts set from the roster: 1 households: H1 4 → 3$" err &&
	! grep_message "another number" err &&
	count_audit >actual &&
	printf "H1|3\nH2|3\n文书|H1|4|3\n" >expect &&
	test_cmp expect actual &&
	member-add --roster m.csv 2>err &&
	test_line_count 1 err
'

test_case 'a roster dry run says the counts it would set and writes nothing' '
	seed &&
	members >m.csv &&
	member-add --roster --dry-run m.csv 2>err &&
	grep_message "^member-add: member counts the roster would set: 1 households: H1 4 → 3$" err &&
	store_unchanged
'

test_case 'a roster counts a household wherever its rows are, and names no more than five' '
	printf "household_id,head_name,village,members\n" >households.csv &&
	for h in 1 2 3 4 5 6 7; do printf "H%s,户%s,甲村,5\n" $h $h; done >>households.csv &&
	household-add -q households.csv &&
	{
		echo "id_number,household_id,name" &&
		printf "%s,H1,甲\n%s,H2,乙\n%s,H1,丙\n" "$P1" "$P2" "$P3" &&
		printf "%s,H3,丁\n%s,H4,戊\n%s,H5,己\n%s,H6,庚\n" "$P4" "$P5" "$P6" "$P7"
	} >m.csv &&
	member-add --roster m.csv 2>err &&
	grep_message "^member-add: member counts set from the roster: 6 households: H1 5 → 2, H2 5 → 1, H3 5 → 1, H4 5 → 1, H5 5 → 1, …$" err &&
	sqlite3 "$RENKE_DB" "SELECT group_concat(household_id || ${SQ}=${SQ} || members, ${SQ} ${SQ}) FROM household" >actual &&
	echo "H1=2 H2=1 H3=1 H4=1 H5=1 H6=1 H7=5" >expect &&
	test_cmp expect actual
'

test_case 'a roster naming fewer people than are registered: the count follows the roster, the difference is named' '
	seed &&
	members >m.csv &&
	member-add -q m.csv &&
	printf "id_number,household_id,name\n%s,H1,张一\n%s,H1,王二\n" "$P1" "$P2" >roster.csv &&
	member-add --roster roster.csv 2>err &&
	grep_message "member counts set from the roster: 1 households: H1 4 → 2$" err &&
	grep_message "^member-add: 1 households have another number of people registered than their member count: H1 2 (3 registered)$" err &&
	! grep_message "are left as they are" err
'

test_case '--roster with --skip-bad: a usage error, nothing written' '
	seed &&
	members >m.csv &&
	expect_status 64 member-add --roster --skip-bad --rejects r.csv m.csv 2>err &&
	grep_message "^member-add: --roster and --skip-bad do not go together: a roster with records left out is not whole$" err &&
	test_path_is_missing r.csv &&
	store_unchanged
'

test_case 'a roster with a bad record writes nothing, no count either' '
	seed &&
	printf "id_number,household_id,name\n%s,H1,甲\n%s,H1,\n" "$P1" "$P2" >bad.csv &&
	expect_status 65 member-add --roster bad.csv 2>err &&
	grep_message "bad.csv:3: name: missing" err &&
	! grep_message "member counts" err &&
	store_unchanged
'

test_case 'the same sheet again adds nothing and changes nothing' '
	seed &&
	members >m.csv &&
	member-add -q m.csv &&
	store_dump >once &&
	member-add m.csv 2>err &&
	grep_message "added 0, updated 0, unchanged 3, differ 0, bad 0$" err &&
	store_dump >twice &&
	test_cmp once twice
'

test_case 'a move to another household is an update, audited, with --upsert' '
	seed &&
	members >m.csv &&
	member-add -q m.csv &&
	store_dump >before &&
	member-add --id-number "$P2" --household H2 --name 王二 2>err &&
	grep_message "differ 1, bad 0$" err &&
	grep_message "1 members differ from the store and were left as they are; --upsert --reason WHY updates them" err &&
	store_unchanged &&
	member-add --upsert --by 文书 --reason 分户 --id-number "$P2" --household H2 --name 王二 2>err &&
	grep_message "updated 1," err &&
	grep_message "2 households have another number of people registered than their member count: H1 4 (2 registered), H2 3 (1 registered)$" err &&
	sqlite3 "$RENKE_DB" "SELECT household_id FROM member WHERE name = ${SQ}王二${SQ};
		SELECT household_id, members FROM household ORDER BY 1;
		SELECT who, entity, field, old, new FROM audit WHERE seq >
		(SELECT max(seq) - 2 FROM audit) ORDER BY seq" >actual &&
	cat >expect <<-EOT &&
	H2
	H1|4
	H2|3
	文书|member|household_id|H1|H2
	文书|member|reason||分户
	EOT
	test_cmp expect actual
'

test_case 'a roster: the household columns on every row are read past' '
	seed &&
	{
		printf "户编号,户主姓名,村(社区),户类型,家庭人口,姓名,身份证号,与户主关系\n" &&
		printf "H2,李二,甲村,脱贫户,3,李二,%s,户主\n" "$P1" &&
		printf "H2,李二,甲村,脱贫户,3,赵五,%s,配偶\n" "$P2"
	} >roster.csv &&
	member-add -q roster.csv &&
	sqlite3 "$RENKE_DB" "SELECT household_id, name, relation FROM member ORDER BY id" >actual &&
	printf "H2|李二|head\nH2|赵五|spouse\n" >expect &&
	test_cmp expect actual
'

test_case 'a wrong check digit: named, masked, nothing written' '
	seed &&
	bad=${P2%?}0 &&
	printf "id_number,household_id,name\n%s,H1,甲\n%s,H1,乙\n" "$P1" "$bad" >bad.csv &&
	expect_status 65 member-add bad.csv 2>err &&
	grep_message "^member-add: bad.csv:3: id_number: wrong check digit" err &&
	! grep -F "$bad" err &&
	store_unchanged
'

test_case 'no ID number: in Chinese too' '
	seed &&
	printf "id_number,household_id,name\n,H1,甲\n" >bad.csv &&
	expect_status 65 member-add bad.csv 2>err &&
	grep_message "^member-add: bad.csv:2: id_number: missing; a person is known by their ID number" err &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 expect_status 65 member-add bad.csv 2>err.zh &&
	grep_message "缺少；每个人以身份证号识别" err.zh &&
	store_unchanged
'

test_case 'a household not in the store, a person with no name' '
	seed &&
	printf "id_number,household_id,name\n%s,H9,甲\n%s,H1,\n" "$P1" "$P2" >bad.csv &&
	expect_status 65 member-add bad.csv 2>err &&
	grep_message "^member-add: bad.csv:2: household_id: no household \"H9\" in the store; household-add registers households$" err &&
	grep_message "^member-add: bad.csv:3: name: missing; every person has a name$" err &&
	store_unchanged
'

test_case 'unknown labour capacity, schooling, health, relation and tag' '
	seed &&
	printf "id_number,household_id,name,labour,schooling,health,relation,tags,away_since\n%s,H1,甲,强,博士,很好,邻居,富人,昨天\n" "$P1" >bad.csv &&
	expect_status 65 member-add bad.csv 2>err &&
	grep_message "bad.csv:2: labour: unknown value \"强\"; expected one of: ordinary (ordinary labour), weak (weak labour)" err &&
	grep_message "bad.csv:2: schooling: unknown value \"博士\"" err &&
	grep_message "bad.csv:2: health: unknown value \"很好\"" err &&
	grep_message "bad.csv:2: relation: unknown value \"邻居\"" err &&
	grep_message "bad.csv:2: tags: unknown tag \"富人\"; expected one of: lonely_elderly (elderly living alone)" err &&
	grep_message "bad.csv:2: away_since: not a date: \"昨天\"" err &&
	store_unchanged
'

test_case 'the same person twice in one sheet' '
	seed &&
	printf "id_number,household_id,name\n%s,H1,甲\n%s,H2,甲\n" "$P1" "$P1" >bad.csv &&
	expect_status 65 member-add bad.csv 2>err &&
	grep_message "^member-add: bad.csv:3: id_number: the same person as line 2$" err &&
	store_unchanged
'

test_case 'one person by options, or records in files, not both' '
	seed &&
	member-add -q --id-number "$P3" --household H2 --name 李小 --tag 留守儿童 --tag 贫困学生 \
		--labour 无劳动力 --schooling 小学 &&
	sqlite3 "$RENKE_DB" "SELECT name, tags, schooling FROM member" >actual &&
	echo "李小|left_behind_child;poor_student|primary" >expect &&
	test_cmp expect actual &&
	store_dump >before &&
	expect_status 64 member-add --name x m.csv 2>err &&
	grep_message "give one person by options or records in files, not both" err &&
	store_unchanged
'

test_done
