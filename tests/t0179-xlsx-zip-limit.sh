#!/bin/sh
#
# A workbook renke writes never needs zip64 (WPS cannot open it): a sheet
# that would pass 4 GiB is refused (65) before anything is written.  The
# tests cannot write 4 GiB, so they lower the limit with
# RENKE_TEST_ZIP_LIMIT (bytes), which lib/zip_out.c reads for them alone,
# and look at both sides of it: the example households' sheet is 136,313
# bytes of XML (its title rows dated --today 2022-11-30).

. "$(dirname "$0")/lib.sh"

# sheet_size FILE: the bytes of XML of the workbook's sheet
sheet_size() {
	python3 -c '
import sys, zipfile
print(zipfile.ZipFile(sys.argv[1]).getinfo("xl/worksheets/sheet1.xml").file_size)
' "$1"
}

test_case 'the sheet at the limit is refused, and nothing is left behind' '
	example_households &&
	household-list --today 2022-11-30 -f xlsx -o whole.xlsx &&
	size=$(sheet_size whole.xlsx) &&
	test "$size" -eq 136313 &&
	store_dump >before &&
	mkdir tmp &&
	expect_status 65 env TMPDIR=$PWD/tmp RENKE_TEST_ZIP_LIMIT=$size \
		household-list --today 2022-11-30 -f xlsx -o out.xlsx 2>err &&
	err_is err "household-list: the sheet would pass 4 GiB, which needs zip64 (WPS cannot open it); write CSV instead" &&
	test_path_is_missing out.xlsx &&
	ls -A tmp >left && test_must_be_empty left &&
	store_unchanged before
'

test_case 'a byte under it, the sheet is written whole' '
	example_households &&
	RENKE_TEST_ZIP_LIMIT=136314 household-list --today 2022-11-30 -f xlsx -o out.xlsx &&
	household-list --today 2022-11-30 -f xlsx -o whole.xlsx &&
	cmp out.xlsx whole.xlsx
'

test_case 'rows past the limit are refused as they come, on standard output too' '
	example_households &&
	expect_status 65 env RENKE_TEST_ZIP_LIMIT=70000 household-list --today 2022-11-30 -f xlsx >out.xlsx 2>err &&
	err_is err "household-list: the sheet would pass 4 GiB, which needs zip64 (WPS cannot open it); write CSV instead" &&
	test_must_be_empty out.xlsx
'

test_case 'in Chinese' '
	example_households &&
	zh_locale &&
	expect_status 65 env RENKE_TEST_ZIP_LIMIT=1000 household-list --today 2022-11-30 -f xlsx -o out.xlsx 2>err &&
	err_is err "household-list: 工作表将超过4 GiB，需要zip64格式（WPS无法打开）；请改为输出CSV"
'

test_done
