#!/bin/sh
# t0600-fuzz-regressions.sh -- every fuzz target over its seed corpus and
# every input that once crashed it (fuzz/corpus/TARGET/, fuzz/crashes/TARGET/)
#
# The targets are built here with a plain main() (fuzz/run-one.c) against
# the library of the tree under test, with the sanitizers when that tree
# is the sanitizer build, so that make check replays them without clang.
. "$(dirname "$0")/lib.sh"

FUZZ_CC=${CC:-cc}
case $RENKE_BUILD in
*/san)
	FUZZ_SAN='-O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer'
	;;
*)
	FUZZ_SAN=
	;;
esac
export FUZZ_CC FUZZ_SAN

# fuzz_inputs TARGET: the seed corpus and the kept crash inputs, one a line
fuzz_inputs() {
	for f in "$TOP/fuzz/corpus/$1"/* "$TOP/fuzz/crashes/$1"/*; do
		if [ -f "$f" ]; then
			echo "$f"
		fi
	done
}

for t in fuzz-csv fuzz-json fuzz-date fuzz-id fuzz-encoding fuzz-xlsx fuzz-cfb fuzz-xls; do
	test_case "$t: seed corpus and kept crash inputs run clean" '
		$FUZZ_CC -std=c11 -D_GNU_SOURCE -g $FUZZ_SAN -I"$TOP/lib" \
			-o ./'$t' "$TOP/fuzz/'$t'.c" "$TOP/fuzz/run-one.c" \
			"$RENKE_BUILD/librenke.a" -lsqlite3 -ljansson -lcsv -lzip -lexpat \
			-lfreexl -lxlsxwriter -lz -lm &&
		fuzz_inputs '$t' >inputs &&
		test -s inputs &&
		status=0 &&
		while read -r f; do
			./'$t' "$f" 2>err;
			rc=$?;
			if [ $rc -ne 0 ] || grep -q -e "runtime error" -e "Sanitizer" err; then
				echo "$f: exit status $rc";
				cat err;
				status=1;
			fi;
		done <inputs &&
		test $status -eq 0
	'
done
test_done
