#!/bin/sh
# t0001-unit.sh -- the unit tests of lib/, each a program that speaks TAP
. "$(dirname "$0")/lib.sh"

for t in text input output idset worker import quote hashtab ledger; do
	test_case "unit: $t" '
		"$RENKE_BUILD/tests/test-'$t'" >out 2>&1;
		status=$?;
		cat out;
		! grep -q "^not ok" out && test $status -eq 0 &&
		grep -q "^1\.\." out
	'
done
test_case "unit: the completion script knows every vocabulary value" '
	"$RENKE_BUILD/tests/test-completion" "$TOP/scripts/renke-completion.bash" >out 2>&1;
	status=$?;
	cat out;
	! grep -q "^not ok" out && test $status -eq 0 && grep -q "^1\.\." out
'
test_done
