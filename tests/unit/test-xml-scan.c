/* test-xml-scan.c -- the sheet XML scanner against expat, cut at every place; the rows it makes */
#include <expat.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "renke.h"
#include "xlsx.h"
#include "xml_scan.h"

/* ---- a trace of what a parser saw: <name a=v>text</name> ---- */

static const char *
local_name(const char *name)
{
	const char *c = strrchr(name, ':');

	return c != NULL ? c + 1 : name;
}

static void
trace_start(void *context, const char *name, const char **atts)
{
	struct buf *t = context;

	buf_puts(t, "<");
	buf_puts(t, local_name(name));
	for (size_t i = 0; atts[i] != NULL; i += 2) {
		buf_puts(t, " ");
		buf_puts(t, local_name(atts[i]));
		buf_puts(t, "=");
		buf_puts(t, atts[i + 1]);
	}
	buf_puts(t, ">");
}

static void
trace_end(void *context, const char *name)
{
	buf_puts(context, "</");
	buf_puts(context, local_name(name));
	buf_puts(context, ">");
}

static void
trace_text(void *context, const char *s, size_t n)
{
	buf_append(context, s, n);
}

static void XMLCALL
expat_text(void *context, const char *s, int n)
{
	trace_text(context, s, (size_t)n);
}

/* expat's trace of doc, or NULL when expat refuses it (caller frees). */
static char *
expat_trace(const char *doc, size_t n)
{
	struct buf t = { 0 };
	XML_Parser p = XML_ParserCreate(NULL);
	int ok_;

	XML_SetUserData(p, &t);
	XML_SetElementHandler(p, trace_start, trace_end);
	XML_SetCharacterDataHandler(p, expat_text);
	ok_ = XML_Parse(p, doc, (int)n, 1) == XML_STATUS_OK;
	XML_ParserFree(p);
	buf_puts(&t, "");
	if (!ok_) {
		buf_free(&t);
		return NULL;
	}
	return t.data;
}

/*
 * The scanner's trace of doc handed over chunk bytes at a time, or NULL
 * when it refuses it (its reason and line then into *reason, *line).
 */
static char *
scan_trace(const char *doc, size_t n, size_t chunk, const char **reason,
    unsigned long *line)
{
	struct buf t = { 0 };
	struct xml_memory src = { doc, n, 0, chunk };
	struct xml_scan s;
	int rc;

	xml_scan_init(&s, xml_memory_read, &src, trace_start, trace_end, trace_text, &t);
	while ((rc = xml_scan_run(&s)) == 1)
		;
	*reason = xml_scan_reason(&s);
	*line = xml_scan_line(&s);
	xml_scan_free(&s);
	buf_puts(&t, "");
	if (rc != 0) {
		buf_free(&t);
		return NULL;
	}
	return t.data;
}

/* ---- documents: well formed ones give expat's trace, at any cut ---- */

static const char *const good[] = {
	"<a/>",
	"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<a b='1' c=\"2\">x</a>",
	"<?xml version='1.0' encoding='utf-8'?><x:ws xmlns:x=\"urn:x\"><x:row x:r=\"3\"><x:c r=\"B3\" t=\"s\"><x:v>7</x:v></x:c></x:row></x:ws>",
	"<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x4e2d;&#x1F600;</a>",
	"<a>\xe5\x90\x8e\xe5\x8f\xb6\xe9\x95\x87 and \xf0\x9f\x98\x80</a>",
	"<a><![CDATA[<not a tag> & ]]><!-- a comment <b> --><?pi data?>x&#13;y\r\nz\rw</a>",
	"<a v=\"a&amp;b&#x9;c\td\ne\r\nf &lt; '\" w='\"'>  </a>",
	"<a  b = \"1\"\t\nc='2' ></a >",
	"<a><b><c/><c></c></b>text<b/></a>\n<!-- after -->\n<?after?>\n",
	"<_a.b-c d:e='1'/>",
	"<a>]]&gt;</a>",
	"<a>\x7f\xef\xbf\xbd</a>",
	"<a b='>'>c>d</a>",
};

/* Refused by both, or by the scanner alone (expat takes a DTD and other encodings). */
static const struct {
	const char *doc;
	const char *reason;
	unsigned long line;
	int expat_takes;
} bad[] = {
	{ "", "no element", 1, 0 },
	{ "   \n", "no element", 2, 0 },
	{ "<a>", "the XML ends before its elements are closed", 1, 0 },
	{ "<a></b>", "an end tag that matches no start tag", 1, 0 },
	{ "<a></a></a>", "an end tag that matches no start tag", 1, 0 },
	{ "<a/><b/>", "a second root element", 1, 0 },
	{ "<a/>x", "text outside the root element", 1, 0 },
	{ "x<a/>", "text outside the root element", 1, 0 },
	{ "<a b=1/>", "a tag that is not well formed", 1, 0 },
	{ "<a b='1'c='2'/>", "a tag that is not well formed", 1, 0 },
	{ "<a b='1' b='2'/>", "an attribute given twice", 1, 0 },
	{ "<a b='<'/>", "a tag that is not well formed", 1, 0 },
	{ "<a b='1/>", "the XML ends inside a tag", 1, 0 },
	{ "<1a/>", "a tag that is not well formed", 1, 0 },
	{ "<a>&nbsp;</a>", "an entity or character reference that XML does not know", 1, 0 },
	{ "<a>&amp</a>", "an entity or character reference that XML does not know", 1, 0 },
	{ "<a>&#0;</a>", "an entity or character reference that XML does not know", 1, 0 },
	{ "<a>&#xd800;</a>", "an entity or character reference that XML does not know", 1, 0 },
	{ "<a>&#x110000;</a>", "an entity or character reference that XML does not know", 1, 0 },
	{ "<a b='&bogus;'/>", "an entity or character reference that XML does not know", 1, 0 },
	{ "<a>\n\n\xff</a>", "bytes that are not UTF-8", 3, 0 },
	{ "<a>\xc0\x80</a>", "bytes that are not UTF-8", 1, 0 },
	{ "<a>\xed\xa0\x80</a>", "bytes that are not UTF-8", 1, 0 },
	{ "<a>\xe5\x90</a>", "bytes that are not UTF-8", 1, 0 },
	{ "<a>\xef\xbf\xbe</a>", "bytes that are not UTF-8", 1, 0 },
	{ "<a>\n\x01</a>", "a control character, which XML does not allow", 2, 0 },
	{ "<a><!-- open </a>", "the XML ends inside a tag", 1, 0 },
	{ "<a><![CDATA[ open </a>", "the XML ends inside a tag", 1, 0 },
	{ "<a><!bogus></a>", "a tag that is not well formed", 1, 0 },
	{ " <?xml version='1.0'?><a/>", "an XML declaration that is not at the start", 1, 0 },
	{ "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>",
	  "a document type declaration, which no workbook has", 1, 1 },
	{ "<?xml version='1.0' encoding='ISO-8859-1'?><a/>",
	  "an encoding other than UTF-8", 1, 1 },
};

static const size_t chunks[] = { 1, 2, 3, 5, 7, 11, 64, 65536 };

static void
test_good(void)
{
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char *want = expat_trace(good[i], strlen(good[i]));
		int same = want != NULL;

		for (size_t k = 0; k < sizeof(chunks) / sizeof(chunks[0]) && same; k++) {
			const char *reason;
			unsigned long line;
			char *got = scan_trace(good[i], strlen(good[i]), chunks[k],
			    &reason, &line);

			same = got != NULL && strcmp(got, want) == 0;
			if (!same)
				printf("# chunk %zu: got %s (%s), want %s\n", chunks[k],
				    got != NULL ? got : "a refusal", reason, want);
			free(got);
		}
		ok(same, "well formed %zu: the scanner sees what expat sees, cut anywhere", i);
		free(want);
	}
}

static void
test_bad(void)
{
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *want = expat_trace(bad[i].doc, strlen(bad[i].doc));
		int same = (want != NULL) == bad[i].expat_takes;

		if (!same)
			printf("# expat %s it\n", want != NULL ? "takes" : "refuses");
		for (size_t k = 0; k < sizeof(chunks) / sizeof(chunks[0]) && same; k++) {
			const char *reason;
			unsigned long line;
			char *got = scan_trace(bad[i].doc, strlen(bad[i].doc), chunks[k],
			    &reason, &line);

			same = got == NULL && strcmp(reason, bad[i].reason) == 0 &&
			    line == bad[i].line;
			if (!same)
				printf("# chunk %zu: got %s, \"%s\" at line %lu\n", chunks[k],
				    got != NULL ? got : "a refusal", reason, line);
			free(got);
		}
		ok(same, "refused %zu: %s, line %lu", i, bad[i].reason, bad[i].line);
		free(want);
	}
}

/* ---- rows from a sheet's XML ---- */

struct rows {
	struct buf text;
	int stop_after;
};

static int
row_trace(void *context, const struct sheet_row *row)
{
	struct rows *r = context;
	char line[64];

	snprintf(line, sizeof(line), "%ld:", row->number);
	buf_puts(&r->text, line);
	for (size_t c = 0; c < row->ncells; c++) {
		buf_puts(&r->text, c > 0 ? "|" : "");
		if (row->cells[c].kind != CELL_EMPTY)
			buf_puts(&r->text, sheet_row_text(row, c));
	}
	buf_puts(&r->text, "\n");
	return --r->stop_after == 0;
}

static void
test_rows(void)
{
	static const char sheet[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	    "<x:sheetData>"
	    "<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>a &amp; b</x:t></x:is></x:c>"
	    "<x:c r='C2' t='inlineStr'><x:is><x:r><x:t>\xe7\x86\x8a</x:t></x:r><x:r><x:t>\xe5\x85\x88\xe5\xbb\xba</x:t></x:r>"
	    "<x:rPh sb=\"0\" eb=\"1\"><x:t>xiong</x:t></x:rPh></x:is></x:c></x:row>"
	    "<x:row><x:c><x:v>5.0</x:v></x:c><x:c t=\"b\"><x:v>1</x:v></x:c>"
	    "<x:c t=\"str\"><x:f>A1</x:f><x:v>a_x000D_b</x:v></x:c>"
	    "<x:c t=\"inlineStr\"><x:is><x:t><![CDATA[<1>]]></x:t></x:is></x:c></x:row>"
	    "<x:row r=\"9\"/>"
	    "</x:sheetData></x:worksheet>";
	static const char want[] =
	    "2:a & b||\xe7\x86\x8a\xe5\x85\x88\xe5\xbb\xba\n"
	    "3:5|true|a\rb|<1>\n"
	    "9:\n";
	struct error err = { 0 };
	int same = 1;

	for (size_t k = 0; k < sizeof(chunks) / sizeof(chunks[0]); k++) {
		struct rows r = { { 0 }, -1 };

		if (xlsx_parse_sheet_xml(sheet, sizeof(sheet) - 1, chunks[k], row_trace,
		    &r, &err) != 0 || strcmp(r.text.data, want) != 0) {
			printf("# chunk %zu: %s / %s\n", chunks[k], err.text,
			    r.text.data != NULL ? r.text.data : "");
			same = 0;
		}
		buf_free(&r.text);
	}
	ok(same, "rows: prefixes, both quotes, entities, rich text without its phonetic run, "
	    "CDATA, escapes, booleans, numbers");
	{
		struct rows r = { { 0 }, 1 };
		int rc = xlsx_parse_sheet_xml(sheet, sizeof(sheet) - 1, 0, row_trace, &r, &err);

		ok(rc == 0 && strcmp(r.text.data, "2:a & b||\xe7\x86\x8a\xe5\x85\x88\xe5\xbb\xba\n") == 0,
		    "no row handed on after the reader says stop");
		buf_free(&r.text);
	}
	{
		static const char broken[] = "<worksheet><sheetData>\n<row r=\"1\">"
		    "<c t=\"inlineStr\"><is><t>a</t></is></c></row>\n<row r=\"2\"><c>"
		    "</row></sheetData></worksheet>";
		struct rows r = { { 0 }, -1 };
		int rc = xlsx_parse_sheet_xml(broken, sizeof(broken) - 1, 5, row_trace, &r, &err);

		ok(rc == -1 && err.status == EXIT_DATAERR && strcmp(err.text,
		    "fuzz:sheet: the sheet's XML is broken at line 3: an end tag "
		    "that matches no start tag") == 0 && strcmp(r.text.data, "1:a\n") == 0,
		    "broken XML after a good row: that row, then the line and why (%s)", err.text);
		buf_free(&r.text);
	}
	{
		static const char bad_cell[] = "<worksheet><sheetData><row r=\"4\">"
		    "<c r=\"B4\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
		struct rows r = { { 0 }, -1 };
		int rc = xlsx_parse_sheet_xml(bad_cell, sizeof(bad_cell) - 1, 0, row_trace,
		    &r, &err);

		is_str(rc == -1 ? err.text : "(taken)",
		    "fuzz:sheet!B4: a shared string that the workbook lacks",
		    "a cell the sheet cannot give is named by its reference");
		buf_free(&r.text);
	}
}

int
main(void)
{
	test_good();
	test_bad();
	test_rows();
	return done_testing();
}
