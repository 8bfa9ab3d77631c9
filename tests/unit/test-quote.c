/* test-quote.c -- the one quoter of CSV, of JSON strings and of HTML text */
#include <stdio.h>
#include <stdlib.h>

#include "renke.h"
#include "tap.h"

static char *text;
static size_t text_len;

enum how { CSV, CSV_GUARD, JSON, HTML, HTML_SPAN3 };

/* s quoted the way how says, as a string. */
static const char *
quoted(enum how how, const char *s)
{
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &text_len);
	switch (how) {
	case CSV: csv_write_field(fp, s, 0); break;
	case CSV_GUARD: csv_write_field(fp, s, 1); break;
	case JSON: json_write_string(fp, s); break;
	case HTML: html_write_text(fp, s); break;
	case HTML_SPAN3: html_write_span(fp, s, 3); break;
	}
	fclose(fp);
	return text;
}

int
main(void)
{
	static const struct {
		enum how how;
		const char *in, *want, *why;
	} cases[] = {
		{ CSV, "张三", "张三", "CSV: plain text as it is" },
		{ CSV, NULL, "", "CSV: NULL is an empty field" },
		{ CSV, "", "", "CSV: an empty string is an empty field" },
		{ CSV, "a,b", "\"a,b\"", "CSV: a comma is quoted" },
		{ CSV, "say \"hi\"", "\"say \"\"hi\"\"\"", "CSV: quotes are doubled" },
		{ CSV, "a\nb", "\"a\nb\"", "CSV: a LF is quoted" },
		{ CSV, "a\rb", "\"a\rb\"", "CSV: a CR is quoted" },
		{ CSV, " a", "\" a\"", "CSV: a leading space is quoted" },
		{ CSV, "a ", "\"a \"", "CSV: a trailing space is quoted" },
		{ CSV, "a b", "a b", "CSV: a space inside is not" },
		{ CSV_GUARD, "=1+1", "'=1+1", "CSV: the guard goes first" },
		{ CSV_GUARD, "=1,1", "\"'=1,1\"", "CSV: the guard goes inside the quotes" },
		{ JSON, "张三", "\"张三\"", "JSON: UTF-8 as it is" },
		{ JSON, NULL, "null", "JSON: NULL is null" },
		{ JSON, "a\"b\\c", "\"a\\\"b\\\\c\"", "JSON: quote and backslash escaped" },
		{ JSON, "a\nb\rc\td", "\"a\\nb\\rc\\td\"", "JSON: LF, CR and tab as \\n \\r \\t" },
		{ JSON, "\x01\x1f", "\"\\u0001\\u001f\"", "JSON: other controls as \\u00XX" },
		{ JSON, "/\x7f", "\"/\x7f\"", "JSON: / and DEL need no escape" },
		{ HTML, "<a href='x'>&\"</a>", "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;",
		  "HTML: & < > \" ' as entities" },
		{ HTML, NULL, "", "HTML: NULL writes nothing" },
		{ HTML, " 张三 ", " 张三 ", "HTML: spaces and UTF-8 as they are" },
		{ HTML, "a\tb\nc", "a\tb\nc", "HTML: tab and LF kept" },
		{ HTML, "a\r\nb", "a \nb", "HTML: a CR becomes a space" },
		{ HTML, "a\x01\x08\x0b\x1b[31mb\x7f", "a[31mb",
		  "HTML: other C0 controls and DEL left out" },
		{ HTML, "a\xc2\x85\xc2\x9f" "b\xc2\xa0", "ab\xc2\xa0",
		  "HTML: C1 controls left out, U+00A0 kept" },
		{ HTML_SPAN3, "a<bcd", "a&lt;b", "HTML: a span stops at its length" },
		{ HTML_SPAN3, "a", "a", "HTML: or at the NUL" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(quoted(cases[i].how, cases[i].in), cases[i].want, "%s",
		    cases[i].why);
	free(text);
	return done_testing();
}
