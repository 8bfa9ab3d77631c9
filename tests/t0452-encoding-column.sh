#!/bin/sh
#
# Bytes a file's encoding cannot read are named by line and column, as a
# ragged row is: the header's name for the column, else its letter, so
# that a clerk finds the cell in Excel or WPS; nothing is written

. "$(dirname "$0")/lib.sh"

seed() {
	example_households &&
	store_dump >before
}

store_unchanged() {
	store_dump >after &&
	test_cmp before after
}

test_case 'UTF-8 file, a bad byte in a named column: the column named' '
	seed &&
	printf "household_id,head_name,village\nA1,张三,石门村\nA2,李\377四,石门村\n" >in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	echo "household-add: in.csv:3: head_name: bytes that are not UTF-8, in a file that began as UTF-8" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_case 'a quoted comma before the bad byte is no column' '
	seed &&
	printf "household_id,head_name,village,members\nA1,\"张,三\",石\377,2\n" >in.csv &&
	expect_status 65 household-add --encoding utf-8 in.csv 2>err &&
	echo "household-add: in.csv:2: village: bytes that are not UTF-8" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_case 'GB18030 file: the column of the bytes that are not GB18030' '
	seed &&
	printf "household_id,head_name,village\nA1,张三,石门村\n" | iconv -f UTF-8 -t GB18030 >in.csv &&
	printf "A2,\"W,V\",\377\377\n" >>in.csv &&
	expect_status 65 household-add in.csv 2>err &&
	echo "household-add: in.csv:3: village: bytes that are neither UTF-8 nor GB18030" >expect &&
	test_cmp expect err &&
	expect_status 65 household-add --encoding gb18030 in.csv 2>err &&
	echo "household-add: in.csv:3: village: bytes that are not GB18030" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_case 'in the header, or in a column the header leaves unnamed: its letter' '
	seed &&
	printf "household_id,\377\n" >in.csv &&
	expect_status 65 household-add --encoding utf-8 in.csv 2>err &&
	echo "household-add: in.csv:1: column B: bytes that are not UTF-8" >expect &&
	test_cmp expect err &&
	printf "household_id,village,,head_name\nA1,石门村,x\377,王\n" >in.csv &&
	expect_status 65 household-add --encoding utf-8 in.csv 2>err &&
	echo "household-add: in.csv:2: column C: bytes that are not UTF-8" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_case 'a line inside a quoted value that spans lines: the line alone' '
	seed &&
	printf "household_id,head_name,village\nA1,\"张\n三\377\",石门村\n" >in.csv &&
	expect_status 65 household-add --encoding utf-8 in.csv 2>err &&
	echo "household-add: in.csv:3: bytes that are not UTF-8" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_case 'every importer names it: visit-log, issue-add' '
	seed &&
	printf "household_id,visit_date,visitor,round\nHY0101001,2022-11-01,王\377,r1\n" >v.csv &&
	expect_status 65 visit-log --encoding utf-8 v.csv 2>err &&
	echo "visit-log: v.csv:2: visitor: bytes that are not UTF-8" >expect &&
	test_cmp expect err &&
	printf "标题,责任人\n路灯,王\377\n" >i.csv &&
	expect_status 65 issue-add i.csv 2>err &&
	echo "issue-add: i.csv:2: 责任人: bytes that are not UTF-8, in a file that began as UTF-8" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_case 'zh_CN: the message in Chinese, with its column' '
	if ! locale -a 2>/dev/null | grep -qi "^zh_CN\.utf-\{0,1\}8$"; then
		echo "zh_CN.UTF-8 is not installed; as root run scripts/install-deps.sh" >&2
		exit 1
	fi &&
	seed &&
	printf "household_id,\377\n" >in.csv &&
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 expect_status 65 household-add \
		--encoding utf-8 in.csv 2>err &&
	echo "household-add: in.csv:1: 列 B: 含有不符合UTF-8编码的字节" >expect &&
	test_cmp expect err &&
	store_unchanged
'

test_done
