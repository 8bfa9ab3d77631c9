#!/bin/sh
# t0060-text-rules.sh -- white space and full-width digits as a clerk types them; no
# personal number in a message; no control character reaching a terminal
#
# renke(7): every field is trimmed of every kind of Unicode white space
# and format character at both ends, and names are compared after that;
# full-width digits in ID numbers, phone numbers and dates are digits; a
# value quoted back in a message is masked when it looks like an ID or
# phone number; table output shows control characters as "?" and
# markdown output escapes HTML.

. "$(dirname "$0")/lib.sh"

FW=$(printf '\343\200\200')	# U+3000, the full-width space
NBSP=$(printf '\302\240')
ZWSP=$(printf '\342\200\213')

test_case 'a full-width, no-break or zero-width space makes no new village or household' '
	printf "%s\n" "household_id,village,village_group,categories" \
		"HY0101001,石门村,1社,脱贫户" \
		"HY0101002,石门村$FW,1社$NBSP,脱贫户" >in.csv &&
	household-add in.csv 2>err &&
	grep_message "2 households read: added 2, updated 0, unchanged 0, differ 0, bad 0" err &&
	printf "%s\n" "household_id,village,village_group,categories" \
		"${ZWSP}HY0101001,${FW}石门村,1社,脱贫户" >again.csv &&
	household-add again.csv 2>err &&
	grep_message "1 households read: added 0, updated 0, unchanged 1, differ 0, bad 0" err &&
	sqlite3 "$RENKE_DB" "select count(*) from village; select count(*) from village_group; select group_concat(household_id) from household" >actual &&
	printf "%s\n" 1 1 HY0101001,HY0101002 >expect &&
	test_cmp expect actual
'

test_case 'full-width digits in an ID number, a phone number and a date are digits' '
	printf "%s\n" "household_id,village,id_number,phone,categories" \
		"HY0101001,石门村,１１０１０５１９４９１２３１００２Ｘ,１３８００１３８０００,脱贫户" >in.csv &&
	household-add -q in.csv &&
	household-list --reveal -f csv >out &&
	grep -q "110105194912310 02X\|11010519491231002X" out &&
	grep -q "13800138000" out &&
	printf "%s\n" "household_id,visit_date,visitor,round" \
		"HY0101001,２０２２年１１月１日,张三,2022-r1" >visits.csv &&
	visit-log -q --today 2022-11-30 visits.csv &&
	test "$(sqlite3 "$RENKE_DB" "select visit_date from visit")" = 2022-11-01
'

test_case 'a shifted column quotes no ID or phone number back' '
	example_households &&
	store_dump >before &&
	printf "%s\n" "household_id,village,categories,members" \
		"HY0101001,后叶村,50023519910903001X,3" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	grep_message "500235\*\*\*\*\*\*\*\*001X" err &&
	! grep -q "50023519910903001X" err &&
	printf "%s\n" "household_id,visit_date,visitor,round" \
		"HY0101001,15083665872,张三,2022-r1" >visits.csv &&
	expect_status 65 visit-log --today 2022-11-30 visits.csv 2>err &&
	grep_message "150\*\*\*\*5872" err &&
	! grep -q 15083665872 err &&
	expect_status 64 visit-log --flagged --since 13800138000 2>err &&
	grep_message "138\*\*\*\*8000" err &&
	store_dump >after && test_cmp before after
'

test_case 'a control character in a title never reaches the terminal; markdown escapes HTML' '
	example_households &&
	issue-add -q --today 2022-11-01 --owner 村委会 --village 后叶村 \
		--title "$(printf "\033[2J\033]0;pwned\007路灯<script>alert(1)</script>")" >/dev/null &&
	report-gen issues -f table >out &&
	! grep -q "$(printf "\033")" out &&
	! grep -q "$(printf "\007")" out &&
	grep -q "?\[2J?\]0;pwned?路灯" out &&
	report-gen issues -f markdown >md &&
	grep -q "路灯&lt;script&gt;alert(1)&lt;/script&gt;" md &&
	! grep -q "<script>" md &&
	! grep -q "$(printf "\033")" md
'

test_done
