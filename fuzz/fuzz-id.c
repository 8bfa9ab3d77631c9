/*
 * fuzz-id.c -- ID numbers, phone numbers and their masks on any text.
 * An accepted ID number is 17 digits and the check digit
 * id_number_check_digit() gives; an accepted phone number is a mobile
 * or a landline in the one normal form; a mask is never longer than
 * its buffer and shows no more than it should.
 */
#include <ctype.h>

#include "renke.h"
#include "fuzz.h"

/* The number of bytes in s that are not '*' or '-'. */
static size_t
shown(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s != '*' && *s != '-';
	return n;
}

static void
check_id(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size, 0);
	enum id_number_problem problem = id_number_check(s);
	char out[64];

	FUZZ_CHECK(problem >= ID_NUMBER_OK && problem <= ID_NUMBER_CHECK_DIGIT);
	FUZZ_CHECK(strlen(s) == strnlen((const char *)data, size));
	if (problem == ID_NUMBER_OK) {
		char ymd[9], date[11];

		FUZZ_CHECK(strlen(s) == 18);
		for (int i = 0; i < 17; i++)
			FUZZ_CHECK(isdigit((unsigned char)s[i]) != 0);
		FUZZ_CHECK(s[17] == id_number_check_digit(s));
		memcpy(ymd, s + 6, 8);
		ymd[8] = '\0';
		FUZZ_CHECK(date_parse(ymd, date) == 0);
		/* the mask keeps 6 and 4 characters and hides the birth date */
		mask_id_number(s, out, sizeof(out));
		FUZZ_CHECK(strlen(out) == 18 && shown(out) == 10);
		FUZZ_CHECK(memcmp(out, s, 6) == 0 && memcmp(out + 14, s + 14, 4) == 0);
	}
	free(s);
}

static void
check_phone(const uint8_t *data, size_t size)
{
	/*
	 * phone_normalise() writes a landline written without a dash back
	 * with one: the number needs one byte more than its text.
	 */
	char *s = fuzz_cstring(data, size, 1);
	char out[64];

	if (phone_normalise(s, size + 2) == 0) {
		size_t len = strlen(s), dash = strcspn(s, "-");

		if (dash == len) {
			/* a mobile number: 1, 3 to 9, nine digits more */
			FUZZ_CHECK(len == 11 && s[0] == '1' && s[1] >= '3' &&
			    s[1] <= '9');
			for (size_t i = 0; i < len; i++)
				FUZZ_CHECK(isdigit((unsigned char)s[i]) != 0);
			mask_phone(s, out, sizeof(out));
			FUZZ_CHECK(strlen(out) == 11 && shown(out) == 7);
		} else {
			/* a landline: 0 and an area code, a dash, 7 or 8 digits */
			FUZZ_CHECK(s[0] == '0' && (dash == 3 || dash == 4));
			FUZZ_CHECK(len - dash - 1 >= 7 && len - dash - 1 <= 8);
			for (size_t i = 0; i < len; i++)
				FUZZ_CHECK(i == dash || isdigit((unsigned char)s[i]));
			FUZZ_CHECK(phone_normalise(s, len + 1) == 0 && strlen(s) == len);
			mask_phone(s, out, sizeof(out));
			FUZZ_CHECK(strlen(out) == len && shown(out) == dash + 4);
		}
	}
	free(s);
}

/* The masks of any text into a buffer of any size, the first byte's worth. */
static void
check_masks(const uint8_t *data, size_t size)
{
	size_t cap = size > 0 ? data[0] % 40 : 0;
	char *s = fuzz_cstring(data, size, 0);
	char *out = malloc(cap > 0 ? cap : 1);

	if (out == NULL)
		abort();
	FUZZ_CHECK(mask_id_number(s, out, cap) == out);
	if (cap > 0)
		FUZZ_CHECK(strlen(out) < cap && strlen(out) <= strlen(s));
	FUZZ_CHECK(mask_phone(s, out, cap) == out);
	if (cap > 0)
		FUZZ_CHECK(strlen(out) < cap && strlen(out) <= strlen(s));
	free(out);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_id(data, size);
	check_phone(data, size);
	check_masks(data, size);
	return 0;
}
