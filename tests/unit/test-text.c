/* test-text.c -- dates, ID numbers, phones, masking, UTF-8 and display width */
#include <stdlib.h>
#include <string.h>

#include "renke.h"
#include "tap.h"

static void
test_dates(void)
{
	static const struct {
		const char *in, *want;	/* want NULL: refused */
	} cases[] = {
		{ "2022-11-01", "2022-11-01" },
		{ "2022/11/1", "2022-11-01" },
		{ "2022.11.1", "2022-11-01" },
		{ "20221101", "2022-11-01" },
		{ "2022年11月1日", "2022-11-01" },
		{ "2022年11月1", "2022-11-01" },
		{ " 2022-1-5 ", "2022-01-05" },
		{ "2024-02-29", "2024-02-29" },
		{ "2000-02-29", "2000-02-29" },
		{ "2023-02-29", NULL },
		{ "1900-02-29", NULL },
		{ "2022-13-01", NULL },
		{ "2022-00-10", NULL },
		{ "2022-11-31", NULL },
		{ "2022-11-00", NULL },
		{ "2022-11", NULL },
		{ "22-11-01", NULL },
		{ "2022-11-01x", NULL },
		{ "2022-11-01 08:00", NULL },
		{ "", NULL },
		{ "yesterday", NULL },
		{ "202211011", NULL },
		{ "2022/11/1/", NULL },
		{ "2022-11-1 ", "2022-11-01" },
		{ "2022-11-0x", NULL },
		{ "20221131", NULL },
		{ "1899-12-31", NULL },
		{ "2022x11-01", NULL },
	};
	char out[11];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = date_parse(cases[i].in, out);

		if (cases[i].want == NULL)
			ok(rc != 0, "date \"%s\" is refused", cases[i].in);
		else {
			ok(rc == 0, "date \"%s\" is accepted", cases[i].in);
			is_str(rc == 0 ? out : NULL, cases[i].want, "date \"%s\" is %s",
			    cases[i].in, cases[i].want);
		}
	}
	is_int(date_to_days("1970-01-01"), 0, "day 0 is 1970-01-01");
	is_int(date_to_days("2022-11-08") - date_to_days("2022-11-01"), 7,
	    "a week between two Tuesdays");
	is_int(date_to_days("2024-03-01") - date_to_days("2024-02-28"), 2,
	    "leap day counted");
	date_from_days(date_to_days("2024-02-28") + 1, out);
	is_str(out, "2024-02-29", "day after 2024-02-28");
	date_from_days(date_to_days("2022-12-31") + 1, out);
	is_str(out, "2023-01-01", "day after new year's eve");
}

static void
test_id_numbers(void)
{
	static const struct {
		const char *in;
		enum id_number_problem want;
	} cases[] = {
		{ "11010519491231002X", ID_NUMBER_OK },
		{ "11010519491231002x", ID_NUMBER_OK },
		{ "500235197604216381", ID_NUMBER_OK },
		{ "500235197604216382", ID_NUMBER_CHECK_DIGIT },
		{ "110105194912310021", ID_NUMBER_CHECK_DIGIT },
		{ "11010519491231002", ID_NUMBER_LENGTH },
		{ "11010519491231002XX", ID_NUMBER_LENGTH },
		{ "", ID_NUMBER_LENGTH },
		{ "1101051949123100A2", ID_NUMBER_CHARACTERS },
		{ "X10105194912310021", ID_NUMBER_CHARACTERS },
		{ "110105194913310028", ID_NUMBER_BIRTH_DATE },
		{ "110105194902300021", ID_NUMBER_BIRTH_DATE },
	};
	char buf[32];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(buf, sizeof(buf), "%s", cases[i].in);
		is_int(id_number_check(buf), cases[i].want, "ID number %s", cases[i].in);
	}
	snprintf(buf, sizeof(buf), "11010519491231002x");
	id_number_check(buf);
	is_str(buf, "11010519491231002X", "a lower-case x is made upper case");
	is_int(id_number_check_digit("11010519491231002"), 'X', "check digit X");
	is_int(id_number_check_digit("50023519760421638"), '1', "check digit 1");
}

static void
test_phones(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "13812345678", "13812345678" },
		{ "138 1234 5678", "13812345678" },
		{ "138-1234-5678", "13812345678" },
		{ "+8613812345678", "13812345678" },
		{ "8613812345678", "13812345678" },
		{ "023-55123456", "023-55123456" },
		{ "02355123456", "023-55123456" },
		{ "0851-8123456", "0851-8123456" },
		{ "12812345678", NULL },
		{ "1381234567", NULL },
		{ "138123456789", NULL },
		{ "5512345", NULL },
		{ "138abc45678", NULL },
	};
	char buf[64];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc;

		snprintf(buf, sizeof(buf), "%s", cases[i].in);
		rc = phone_normalise(buf, sizeof(buf));
		if (cases[i].want == NULL)
			ok(rc != 0, "phone \"%s\" is refused", cases[i].in);
		else
			is_str(rc == 0 ? buf : NULL, cases[i].want, "phone \"%s\"",
			    cases[i].in);
	}
	/* a landline given its dash needs a byte more than it came with */
	snprintf(buf, sizeof(buf), "02355123456");
	ok(phone_normalise(buf, 12) != 0, "a landline with no room for its dash is refused");
	is_str(buf, "02355123456", "and left as it was");
	ok(phone_normalise(buf, 13) == 0 && strcmp(buf, "023-55123456") == 0,
	    "with the room, it gets its dash");
	snprintf(buf, sizeof(buf), "138 1234 5678");
	ok(phone_normalise(buf, 12) == 0 && strcmp(buf, "13812345678") == 0,
	    "a mobile number fits in 12 bytes");
}

static void
test_masking(void)
{
	char out[64];

	is_str(mask_id_number("50023519760421638X", out, sizeof(out)),
	    "500235********638X", "ID number keeps 6 and 4");
	is_str(mask_phone("13812345678", out, sizeof(out)), "138****5678",
	    "mobile keeps 3 and 4");
	is_str(mask_phone("023-55123456", out, sizeof(out)), "023-****3456",
	    "landline keeps its area code and 4");
	is_str(mask_id_number("12345", out, sizeof(out)), "***45",
	    "a short text is masked but for 2");
	is_str(mask_id_number("12", out, sizeof(out)), "**", "two characters: all masked");
}

static void
test_utf8(void)
{
	ok(utf8_valid("abc", 3), "ASCII is UTF-8");
	ok(utf8_valid("户主", strlen("户主")), "Chinese is UTF-8");
	ok(!utf8_valid("\xbb\xa7", 2), "GB18030 bytes are not UTF-8");
	ok(!utf8_valid("\xc0\x80", 2), "an overlong NUL is not UTF-8");
	ok(!utf8_valid("\xed\xa0\x80", 3), "a surrogate is not UTF-8");
	ok(!utf8_valid("\xe6\x88", 2), "a cut sequence is not UTF-8");
	is_int(utf8_valid_prefix("ab\xe6\x88", 4), 2, "valid prefix stops before a cut sequence");
	is_int(text_width("abc"), 3, "ASCII width");
	is_int(text_width("户主姓名"), 8, "Chinese is two columns each");
	is_int(text_width("1社"), 3, "mixed width");
	is_int(text_distance("后页村", "后叶村", 5), 1, "distance: one character, not three bytes");
	is_int(text_distance("后叶", "后叶村", 5), 1, "distance: one left out");
	is_int(text_distance("", "后叶村", 5), 3, "distance from nothing: the length");
	is_int(text_distance("kitten", "sitting", 5), 3, "distance: substitutions and an insertion");
	is_int(text_distance("双河村", "后叶村", 1), 2, "distance past the limit: limit + 1");
	is_int(text_distance("后叶村", "后叶村", 0), 0, "distance of the same: 0");
	is_int(utf8_length("后叶村1社"), 5, "length in characters");
	is_int(text_width("（社区）"), 8, "fullwidth parentheses are wide");
	is_int(text_width(""), 0, "empty width");
}

static void
test_numbers(void)
{
	long v = 0;

	ok(number_parse("42", 0, 100, &v) == 0 && v == 42, "42");
	ok(number_parse(" 7 ", 0, 100, &v) == 0 && v == 7, "blanks around");
	ok(number_parse("101", 0, 100, &v) != 0, "above max");
	ok(number_parse("-1", 0, 100, &v) != 0, "below min");
	ok(number_parse("4.5", 0, 100, &v) != 0, "not whole");
	ok(number_parse("", 0, 100, &v) != 0, "empty");
	ok(number_parse("五", 0, 100, &v) != 0, "not digits");
	ok(number_parse("99999999999999999999", 0, 100, &v) != 0, "overflow");
}

static void
test_decimal_parse(void)
{
	double d;

	ok(decimal_parse("2.5", &d) == 0 && d == 2.5, "2.5");
	ok(decimal_parse(".5", &d) == 0 && d == 0.5, ".5");
	ok(decimal_parse("-1", &d) == 0 && d == -1, "-1");
	ok(decimal_parse("2.5亩", &d) != 0, "a unit after it");
	ok(decimal_parse("inf", &d) != 0 && decimal_parse("nan", &d) != 0,
	    "not finite");
	ok(decimal_parse("1e999", &d) != 0, "out of range");
	ok(decimal_parse("", &d) != 0 && decimal_parse(" 1", &d) != 0,
	    "empty, or not a digit first");
}

static void
test_vocab(void)
{
	char out[512];

	is_str(vocab_code("category", "脱贫户"), "lifted", "Chinese label");
	is_str(vocab_code("category", "lifted"), "lifted", "code");
	is_str(vocab_code("category", "LIFTED"), "lifted", "code, case ignored");
	is_str(vocab_code("category", " 低保户 "), "minimum_allowance", "blanks ignored");
	is_str(vocab_code("category", "低保"), "minimum_allowance", "alias");
	is_str(vocab_code("category", "富裕户"), NULL, "unknown");
	is_str(vocab_code("category", ""), NULL, "empty");
	is_str(vocab_code("monitor_type", "脱贫户"), NULL, "another domain's label");
	vocab_describe("risk_status", out, sizeof(out));
	ok(strstr(out, "at_risk") != NULL && strstr(out, "risk_eliminated") != NULL,
	    "describe lists every code: %s", out);
}

static void
test_white_space(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "石门村\xe3\x80\x80", "石门村" },			/* U+3000 */
		{ "\xe3\x80\x80\xe3\x80\x80石门村", "石门村" },
		{ "\xc2\xa0石门村\xc2\xa0", "石门村" },		/* no-break space */
		{ "\xe2\x80\x8b石门村\xe2\x80\x8d", "石门村" },	/* zero-width */
		{ "\xef\xbb\xbf石门村", "石门村" },			/* U+FEFF */
		{ "\xe2\x81\xa0 \t石门村\r\n", "石门村" },
		{ "石门\xe3\x80\x80村", "石门\xe3\x80\x80村" },	/* inside: kept */
		{ "\xe3\x80\x80", "" },
		{ "", "" },
		{ "村\xe2\x80", "村\xe2\x80" },			/* a cut character is no space */
		{ "\x80\x80", "\x80\x80" },
		/* each space at the end of a Chinese value */
		{ "石门村\xe1\x9a\x80", "石门村" },		/* U+1680 */
		{ "石门村\xe1\xa0\x8e", "石门村" },		/* U+180E */
		{ "石门村\xe2\x80\x8a", "石门村" },		/* U+200A */
		{ "石门村\xe2\x80\xa9", "石门村" },		/* U+2029 */
		{ "石门村\xe2\x80\xaf", "石门村" },		/* U+202F */
		{ "石门村\xe2\x81\x9f", "石门村" },		/* U+205F */
		{ "石门村\xe2\x81\xa0", "石门村" },		/* U+2060 */
		{ "石门村\xef\xbb\xbf", "石门村" },		/* U+FEFF */
		{ "石门村\xc2\xa0\xe3\x80\x80", "石门村" },
		{ "石门村\xe2\x80\xb0", "石门村\xe2\x80\xb0" },	/* U+2030 is no space */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char buf[64];

		snprintf(buf, sizeof(buf), "%s", cases[i].in);
		is_str(text_trim(buf), cases[i].want, "trim case %zu", i);
	}
}

static void
test_full_width(void)
{
	char s[64], out[11];

	snprintf(s, sizeof(s), "%s", "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92"
	    "\xef\xbc\x92\xef\xbc\x8d\xef\xbc\x91\xef\xbc\x91\xef\xbc\x8d"
	    "\xef\xbc\x90\xef\xbc\x91");	/* ２０２２－１１－０１ */
	is_int(text_ascii_digits(s), 10, "ten full-width characters become ten bytes");
	is_str(s, "2022-11-01", "full-width date as ASCII");
	ok(date_parse("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x92"
	    "\xe5\xb9\xb4\xef\xbc\x91\xef\xbc\x91\xe6\x9c\x88\xef\xbc\x91"
	    "\xe6\x97\xa5", out) == 0 && strcmp(out, "2022-11-01") == 0,
	    "２０２２年１１月１日 is a date: %s", out);
	ok(date_parse("\xe3\x80\x80" "2022-11-01\xc2\xa0", out) == 0 &&
	    strcmp(out, "2022-11-01") == 0, "a date in Unicode spaces is a date");
	snprintf(s, sizeof(s), "%s", "11010519491231002\xef\xbc\xb8");
	is_int(id_number_check(s), ID_NUMBER_OK, "an ID number ending in full-width X");
	is_str(s, "11010519491231002X", "and it is kept with an ASCII X");
	snprintf(s, sizeof(s), "%s", "\xef\xbc\x91\xef\xbc\x93\xef\xbc\x98"
	    "00138000");
	ok(phone_normalise(s, sizeof(s)) == 0 && strcmp(s, "13800138000") == 0,
	    "a phone number with full-width digits: %s", s);
}

static void
test_mask_personal(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "unknown category \"50023519910903001X\"",
		  "unknown category \"500235********001X\"" },
		{ "not a date: \"15083665872\"", "not a date: \"150****5872\"" },
		{ "a.csv:12: id 110105194912310", "a.csv:12: id 110105*****2310" },
		{ "phone 023-68123456 and 0831-1234567", "phone 023-****3456 and 0831-***4567" },
		{ "card 6222021234567890123", "card 622************0123" },
		{ "2022-11-01, 20221101, HY0101001, 1000000 records",
		  "2022-11-01, 20221101, HY0101001, 1000000 records" },
		{ "a-1234567", "a-1234567" },
		{ "", "" },
	};
	char out[128], small[8];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(text_mask_personal(cases[i].in, out, sizeof(out)), cases[i].want,
		    "mask case %zu", i);
	is_str(text_mask_personal("13800138000", small, sizeof(small)), "138****",
	    "cut to fit, still masked");
}

static void
test_wrap(void)
{
	static const struct {
		const char *in;
		size_t width;
		const char *first;	/* the first line */
	} cases[] = {
		{ "The store.", 20, "The store." },
		{ "Who is acting, as written to the audit log.", 20, "Who is acting, as" },
		{ "Who is acting, as written", 17, "Who is acting, as" },
		{ "Who is acting, as written", 16, "Who is acting," },
		{ "unbreakable-word-longer", 10, "unbreakabl" },
		{ "库文件。", 8, "库文件。" },
		{ "即使有错误记录，也写入正确的记录。", 10, "即使有错误" },
		/* never before the comma that closes a clause */
		{ "即使有错误记录，也写入", 14, "即使有错误记" },
		{ "即使有错误记录，也写入", 16, "即使有错误记录，" },
		{ "与 --skip-bad 同用", 13, "与 --skip-bad" },
		{ "与 --skip-bad 同用", 12, "与" },
		{ "x", 0, "x" },
		{ "", 10, "" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = text_wrap(cases[i].in, cases[i].width);

		ok(n == strlen(cases[i].first) &&
		    strncmp(cases[i].in, cases[i].first, n) == 0,
		    "text_wrap(\"%s\", %zu): \"%.*s\"", cases[i].in,
		    cases[i].width, (int)n, cases[i].in);
	}
}

int
main(void)
{
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "C", 1);
	test_dates();
	test_id_numbers();
	test_phones();
	test_masking();
	test_utf8();
	test_numbers();
	test_decimal_parse();
	test_vocab();
	test_white_space();
	test_full_width();
	test_mask_personal();
	test_wrap();
	return done_testing();
}
