/*
 * fuzz-cfb.c -- cfb_stream() on any bytes, as xls.c reads the Workbook
 * stream of an .xls.  It says found, not found, damaged or out of memory,
 * and a stream found lies whole in a buffer of its length.
 */
#include "cfb.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "Workbook", "Book", NULL };
	unsigned char *out = NULL;
	size_t len = 0;
	int rc = cfb_stream(data, size, names, &out, &len, NULL);

	FUZZ_CHECK(rc >= -2 && rc <= 1);
	FUZZ_CHECK((rc == 0) == (out != NULL));
	if (rc == 0) {
		static volatile unsigned sink;

		/* every byte of the stream is there to read */
		for (size_t i = 0; i < len; i++)
			sink += out[i];
	} else
		FUZZ_CHECK(len == 0);
	free(out);
	return 0;
}
