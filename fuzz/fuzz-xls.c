/*
 * fuzz-xls.c -- an .xls as the reader opens it: the compound file and
 * its Workbook stream checked by lib/xls.c (records, sheets, merged
 * cells, shared strings), then every row of every sheet through
 * libfreexl.  A file is refused with a message or read; libfreexl never
 * sees one that makes it read past its records.
 */
#include "xls.h"
#include "fuzz-reader.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);
	struct error err = { 0 };
	struct xls *x = xls_open(path, "fuzz.xls", &err);
	struct sheet_row row = { 0 };
	struct sheet_info *sheets;
	size_t n;

	if (x == NULL) {
		FUZZ_CHECK(err.status != 0 && err.text[0] != '\0');
		return 0;
	}
	sheets = xls_sheets(x, &n);
	FUZZ_CHECK(n == 0 || sheets != NULL);
	for (size_t i = 0; i < n; i++) {
		struct merged_region *merges = NULL;
		size_t nmerges = 0;
		int rc;

		if (xls_select(x, i, &merges, &nmerges, &err) != 0) {
			FUZZ_CHECK(err.text[0] != '\0');
			continue;
		}
		for (size_t k = 0; k < nmerges; k++)
			FUZZ_CHECK(merges[k].r1 <= merges[k].r2 && merges[k].c1 <= merges[k].c2);
		free(merges);
		while ((rc = xls_next_row(x, &row, &err)) == 1)
			for (size_t c = 0; c < row.ncells; c++)
				if (row.cells[c].kind != CELL_EMPTY)
					FUZZ_CHECK(row.cells[c].at < row.text.len);
		FUZZ_CHECK(rc == 0 || err.text[0] != '\0');
	}
	sheet_row_free(&row);
	xls_close(x);
	return 0;
}
