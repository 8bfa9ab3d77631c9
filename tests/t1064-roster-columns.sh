#!/bin/sh
#
# A roster's later row must give its household's columns as the first
# row did.  household-add keeps hashes of the first row, not its text:
# each household column changed by one character on a later row is
# named, alone (the store unchanged, status 65); a column written with
# blanks the reader trims is the same; the first row in one file and a
# later one in another names that file and line.

. "$(dirname "$0")/lib.sh"

P1=$(id_number 50023519700101001)
P2=$(id_number 50023519720202002)
P3=$(id_number 50023520050303003)

HEAD='户编号,户主姓名,户主身份证号,户主联系电话,村(社区),村民小组,户类型,家庭人口,监测类型,风险状态,成员姓名,身份证号,与户主关系'
cat >roster.csv <<EOF
$HEAD
H1,张一,$P1,13800001111,甲村,1社,脱贫户,3,,,张一,$P1,户主
H1,张一,$P1,13800001111,甲村,1社,脱贫户,3,,,李二,$P2,配偶
H1,张一,$P1,13800001111,甲村,1社,脱贫户,3,,,张三,$P3,子女
EOF

# change K VALUE: the roster with column K of its third line (H1's
# second person) made VALUE, into bad.csv
change() {
	awk -F, -v OFS=, -v k="$1" -v v="$2" 'NR == 3 { $k = v } { print }' \
		"$TRASH/roster.csv" >bad.csv
}

test_case 'each household column changed by one character is named, and only it' '
	store_dump >before &&
	P1X=$(printf "%s" "$P1" | sed "s/1\\(.\\)\$/2\\1/") &&
	for kv in "2 张二" "3 $P1X" "4 13800001112" "5 乙村" "6 2社" "7 监测户" \
		"8 4" "9 边缘易致贫户" "10 未消除风险"; do
		k=${kv%% *} v=${kv#* } &&
		change "$k" "$v" &&
		heading=$(sed -n 1p bad.csv | cut -d, -f"$k") &&
		expect_status 65 household-add bad.csv 2>err &&
		err_is err "household-add: bad.csv:3: $heading: not as on line 2, the household${SQ}s first row: a household${SQ}s columns are the same on each of its rows" \
			"household-add: 1 bad record; nothing was written" &&
		store_unchanged || return 1
	done
'

test_case 'blanks the reader trims, at either end, leave a column the same' '
	change 5 "　甲村 " &&
	household-add -q bad.csv &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM member WHERE household_id = ${SQ}H1${SQ}" >actual &&
	echo 3 >expect &&
	test_cmp expect actual
'

test_case 'the first row in one file, a later one in the next: that file and line are named' '
	sed -n 1,3p "$TRASH/roster.csv" >a.csv &&
	{ sed -n 1p "$TRASH/roster.csv" && sed -n 4p "$TRASH/roster.csv" | sed "s/,1社,/,2社,/"; } >b.csv &&
	store_dump >before &&
	expect_status 65 household-add a.csv b.csv 2>err &&
	err_is err "household-add: b.csv:2: 村民小组: not as on a.csv:2, the household${SQ}s first row: a household${SQ}s columns are the same on each of its rows" \
		"household-add: 1 bad record; nothing was written" &&
	store_unchanged &&
	{ sed -n 1p "$TRASH/roster.csv" && sed -n 4p "$TRASH/roster.csv"; } >b.csv &&
	household-add -q a.csv b.csv &&
	sqlite3 "$RENKE_DB" "SELECT members FROM household WHERE household_id = ${SQ}H1${SQ}" >actual &&
	echo 3 >expect &&
	test_cmp expect actual
'

test_done
