#!/bin/sh
# t0301-survey-unit.sh -- the unit tests of lib/survey.c, lib/vote.c and the
# reader's fast paths, each a program that speaks TAP
. "$(dirname "$0")/lib.sh"

for t in survey vote survey-reader; do
	test_case "unit: $t" '
		"$RENKE_BUILD/tests/test-'$t'" >out 2>&1;
		status=$?;
		cat out;
		! grep -q "^not ok" out && test $status -eq 0 &&
		grep -q "^1\.\." out
	'
done
test_done
