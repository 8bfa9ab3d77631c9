/*
 * fuzz-xlsx.c -- the sheet XML of an .xlsx, streamed as the reader
 * streams it, through xml_scan.  Every row handed out has its cells' texts inside its text
 * buffer, NUL-terminated, and its row numbers only grow.
 */
#include "renke.h"
#include "xlsx.h"
#include "fuzz.h"

struct seen {
	long last_row;
};

static int
check_row(void *context, const struct sheet_row *row)
{
	struct seen *seen = context;

	FUZZ_CHECK(row->number > seen->last_row && row->number <= 1048576);
	seen->last_row = row->number;
	FUZZ_CHECK(row->ncells <= 16384);
	for (size_t c = 0; c < row->ncells; c++) {
		const struct cell *cell = &row->cells[c];

		if (cell->kind == CELL_EMPTY)
			continue;
		FUZZ_CHECK(cell->at < row->text.len);
		FUZZ_CHECK(strlen(row->text.data + cell->at) <= row->text.len - cell->at);
		if (cell->kind == CELL_DATE)
			FUZZ_CHECK(strlen(sheet_row_text(row, c)) <= 10);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen seen = { 0 };
	struct error err = { 0 };

	/* the chunks the scanner is handed vary with the input, so that
	   tokens are cut at every place */
	if (xlsx_parse_sheet_xml((const char *)data, size, 1 + size % 97, check_row,
	    &seen, &err) != 0)
		FUZZ_CHECK(err.status != 0 && err.text[0] != '\0');
	return 0;
}
