/*
 * fuzz-date.c -- date_parse() on any text.  A date it accepts comes out
 * in ISO form, which date_parse() accepts again unchanged, and which
 * survives the round trip through a day number.
 */
#include <ctype.h>

#include "renke.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size, 0);
	char out[11], again[11], back[11];

	memset(out, 'Z', sizeof(out));
	if (date_parse(s, out) == 0) {
		FUZZ_CHECK(out[10] == '\0' && strlen(out) == 10);
		for (int i = 0; i < 10; i++)
			FUZZ_CHECK(i == 4 || i == 7 ? out[i] == '-' :
			    isdigit((unsigned char)out[i]) != 0);
		FUZZ_CHECK(strcmp(out, "1900-01-01") >= 0 &&
		    strcmp(out, "2999-12-31") <= 0);
		FUZZ_CHECK(date_parse(out, again) == 0);
		FUZZ_CHECK(strcmp(out, again) == 0);
		date_from_days(date_to_days(out), back);
		FUZZ_CHECK(strcmp(out, back) == 0);
	}
	free(s);
	return 0;
}
