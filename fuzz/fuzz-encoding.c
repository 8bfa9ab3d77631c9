/*
 * fuzz-encoding.c -- the encoding decision and GB18030 decoding: any
 * bytes read as UTF-8, as GB18030 and with the encoding guessed, as
 * CSV and with the format guessed.  Whatever comes out must be UTF-8,
 * and the same whether read a few bytes or a mebibyte at a time.
 * The UTF-8 check itself is held to its word: the prefix it calls
 * valid is, and no longer prefix is; the display width of any bytes
 * is at most two columns a byte.
 */
#include "fuzz-reader.h"

static void
check_utf8(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t valid = utf8_valid_prefix(s, size);
	char *copy;

	FUZZ_CHECK(valid <= size);
	FUZZ_CHECK(utf8_valid(s, valid));
	for (size_t q = valid + 1; q <= size && q <= valid + 4; q++)
		FUZZ_CHECK(!utf8_valid(s, q));
	copy = fuzz_cstring(data, size, 0);
	FUZZ_CHECK(text_width(copy) <= 2 * strlen(copy));
	fuzz_touch(text_trim(copy));
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum encoding encodings[] = {
		ENCODING_AUTO, ENCODING_UTF8, ENCODING_GB18030
	};
	const char *path = fuzz_file(data, size);

	check_utf8(data, size);
	for (size_t i = 0; i < sizeof(encodings) / sizeof(encodings[0]); i++) {
		fuzz_read(path, INPUT_CSV, encodings[i], 1);
		fuzz_read(path, INPUT_AUTO, encodings[i], 1);
		fuzz_blocks_agree(path, INPUT_CSV, encodings[i]);
	}
	return 0;
}
