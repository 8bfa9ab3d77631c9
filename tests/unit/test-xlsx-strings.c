/* test-xlsx-strings.c -- the shared-string table: what goes in comes out, packed or not */
#include <stdlib.h>

#include "renke.h"
#include "xlsx_strings.h"
#include "tap.h"

/* The strings, each with the bytes it should take in the table (header included). */
static const struct {
	const char *s;
	size_t n, size;
} cases[] = {
	{ "", 0, 1 },
	{ "7", 1, 2 },
	{ "12", 2, 2 },
	{ "500235197604216381", 18, 10 },
	{ "50023519760421638X", 18, 10 },
	{ "15134403044", 11, 7 },
	{ "023-6543 2100", 13, 8 },
	{ "H0000001", 8, 6 },
	{ "HY0101001", 9, 8 },
	{ "\xe7\x86\x8a\xe5\x85\x88\xe5\xbb\xba", 9, 10 },
	{ "ab", 2, 3 },
	{ "a\0b", 3, 4 },
	{ "2022/11/1", 9, 6 },
};

int
main(void)
{
	struct xlsx_strings t = { 0 };
	char digits[300], tmp[XLSX_STRINGS_PACKED_MAX];
	const size_t ncases = sizeof(cases) / sizeof(cases[0]);
	size_t n, before;
	int same = 1;

	for (size_t i = 0; i < ncases; i++) {
		before = t.data.len;
		ok(xlsx_strings_add(&t, cases[i].s, cases[i].n) == 0 &&
		    t.data.len - before == cases[i].size, "\"%s\" takes %zu bytes (%zu)",
		    cases[i].s, cases[i].size, t.data.len - before);
	}
	/* at the edges of packing: 126 half-bytes packed, 127 not; 127 bytes
	   after a short header, 128 after a long one */
	memset(digits, '1', sizeof(digits));
	before = t.data.len;
	xlsx_strings_add(&t, digits, 126);
	is_int(t.data.len - before, 64, "126 digits: packed into 63 bytes");
	before = t.data.len;
	xlsx_strings_add(&t, digits, 127);
	is_int(t.data.len - before, 128, "127 digits: kept as they are");
	before = t.data.len;
	xlsx_strings_add(&t, digits, 128);
	is_int(t.data.len - before, 133, "128 bytes: a long header");
	before = t.data.len;
	xlsx_strings_add(&t, digits, 300);
	is_int(t.data.len - before, 305, "300 bytes: a long header");
	/* more than a block of 8, to look up past the first */
	for (size_t k = 0; k < 40; k++) {
		snprintf(digits, sizeof(digits), "%zu-%s", k, k % 3 ? "ab" : "");
		xlsx_strings_add(&t, digits, strlen(digits));
	}
	for (size_t i = 0; i < ncases; i++) {
		const char *s = xlsx_strings_get(&t, i, tmp, &n);

		if (n != cases[i].n || memcmp(s, cases[i].s, n) != 0) {
			printf("# string %zu: \"%.*s\"\n", i, (int)n, s);
			same = 0;
		}
	}
	ok(same, "each string comes back as it went in, packed or not");
	memset(digits, '1', sizeof(digits));
	same = 1;
	for (size_t i = ncases, len = 126; i < ncases + 4; i++) {
		const char *s = xlsx_strings_get(&t, i, tmp, &n);

		if (n != len || memcmp(s, digits, n) != 0)
			same = 0;
		len = len == 128 ? 300 : len + 1;
	}
	ok(same, "and the long ones");
	same = 1;
	for (size_t k = 0; k < 40; k++) {
		char want[32];
		const char *s = xlsx_strings_get(&t, ncases + 4 + k, tmp, &n);

		snprintf(want, sizeof(want), "%zu-%s", k, k % 3 ? "ab" : "");
		if (n != strlen(want) || memcmp(s, want, n) != 0) {
			printf("# string %zu: \"%.*s\", want \"%s\"\n", ncases + 4 + k, (int)n, s, want);
			same = 0;
		}
	}
	ok(same, "strings in later blocks of 16 are found");
	is_int(t.n, ncases + 44, "the table counts them");
	xlsx_strings_free(&t);
	ok(t.n == 0 && t.data.len == 0, "freed, it is empty");
	return done_testing();
}
