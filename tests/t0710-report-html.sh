#!/bin/sh
# t0710-report-html.sh -- the HTML summary's unit test: self-contained, escaped, five charts
. "$(dirname "$0")/lib.sh"

test_case 'the sample page is written to a file on request' '
	"$RENKE_BUILD/tests/test-report-html" --write summary.html &&
	test -s summary.html &&
	grep -q "id=\"chart-coverage\"" summary.html &&
	grep -q "</html>" summary.html
'

test_case 'a sample page that cannot be written is an error' '
	! "$RENKE_BUILD/tests/test-report-html" --write no-such-dir/summary.html 2>err &&
	grep_message "no-such-dir/summary.html" err
'
test_done
