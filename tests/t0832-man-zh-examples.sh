#!/bin/sh
# t0832-man-zh-examples.sh -- the EXAMPLES of every Chinese man page, run
# under zh_CN.UTF-8 as tests/lib-man.sh says: what a clerk reading the
# Chinese page sees when typing them

. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-man.sh"

for page in "$MAN_DIR"/zh_CN/man1/*.1 "$MAN_DIR"/zh_CN/man5/*.5 \
    "$MAN_DIR"/zh_CN/man7/*.7; do
	[ -f "$page" ] && run_page "$page" zh_CN.UTF-8
done

test_done
