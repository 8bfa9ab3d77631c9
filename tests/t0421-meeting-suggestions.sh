#!/bin/sh
#
# meeting-log: who raised a suggestion and what they said are part of
# what it is; the same file twice still adds nothing

. "$(dirname "$0")/lib.sh"

# roads FILE: two suggestions of one title from two people
roads() {
	printf "%s\n" "标题,反映人,具体情况" "修路,张三,东头的路" "修路,李四,西头的路" >"$1"
}

log_roads() {
	meeting-log --today 2022-11-20 --kind 院坝会 --village 石门村 --group 3社 \
		--host 王明 --attendees 32 --owner 村委会 --category infrastructure "$@"
}

test_case 'one title from two people at one meeting is two suggestions' '
	example_households &&
	roads in.csv &&
	log_roads in.csv >out 2>err &&
	echo "meeting-log: 2 suggestions read: added 2, updated 0, unchanged 0, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	sqlite3 "$RENKE_DB" "select title, reporter, detail from issue order by id" >actual &&
	printf "%s\n" "修路|张三|东头的路" "修路|李四|西头的路" >expect &&
	test_cmp expect actual
'

test_case 'the same suggestions again add nothing' '
	example_households &&
	roads in.csv &&
	log_roads in.csv >/dev/null 2>&1 &&
	store_dump >before &&
	log_roads in.csv >out 2>err &&
	printf "%s\n" "meeting-log: meeting 1 was already in the store" \
		"meeting-log: 2 suggestions read: added 0, updated 0, unchanged 2, differ 0, bad 0" >expect &&
	test_cmp expect err &&
	store_dump >after &&
	test_cmp before after
'

test_done
