/* test-survey-reader.c -- the CSV reader's fast paths agree with libcsv and utf8_valid() */
#include <csv.h>
#include <iconv.h>
#include <stdlib.h>
#include <unistd.h>

#include "renke.h"
#include "buf.h"
#include "tap.h"

/*
 * survey-tally reads a million rows a second because lib/input.c splits
 * a line without quotes itself and checks UTF-8 a word at a time.  These
 * tests hold those shortcuts to what they replace: libcsv parsing the
 * same text, and utf8_valid() judging the same bytes; and the same
 * sheet read a few bytes at a time, after a BOM or in GB18030 must give
 * the same records.
 */

static unsigned long seed = 20221121;

static unsigned
rnd(unsigned k)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(seed >> 33) % k;
}

static char path[64];

static void
write_file(const char *bytes, size_t len)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/renke-reader-XXXXXX");
	if ((fd = mkstemp(path)) < 0 || write(fd, bytes, len) != (ssize_t)len) {
		perror("test file");
		exit(2);
	}
	close(fd);
}

/* What libcsv makes of the text: each record as "f1|f2|...;" into out. */
struct oracle {
	struct buf out, record;
	size_t fields;
};

static void
oracle_field(void *data, size_t len, void *context)
{
	struct oracle *o = context;

	if (o->fields++ > 0)
		buf_append(&o->record, "|", 1);
	if (data != NULL)
		buf_append(&o->record, data, len);
}

static void
oracle_row(int c, void *context)
{
	struct oracle *o = context;
	int blank = 1;

	(void)c;
	/* the reader leaves out records whose fields are all blank */
	for (size_t i = 0; i < o->record.len && blank; i++)
		blank = strchr(" \t\r\n|", o->record.data[i]) != NULL;
	if (!blank || o->record.len == 0) {
		if (o->fields > 1 || o->record.len > 0) {
			buf_append(&o->out, "{", 1);
			buf_append(&o->out, o->record.data != NULL ? o->record.data : "",
			    o->record.len);
			buf_append(&o->out, "}", 1);
		}
	}
	buf_reset(&o->record);
	o->fields = 0;
}

/* libcsv's records of text, header included, or NULL when it refuses it. */
static char *
oracle_parse(const char *text, size_t len)
{
	struct oracle o = { { 0 }, { 0 }, 0 };
	struct csv_parser p;
	int bad;

	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	bad = csv_parse(&p, text, len, oracle_field, oracle_row, &o) != len ||
	    csv_fini(&p, oracle_field, oracle_row, &o) != 0;
	csv_free(&p);
	buf_free(&o.record);
	if (bad) {
		buf_free(&o.out);
		return NULL;
	}
	buf_puts(&o.out, "");
	return o.out.data;
}

/* The header of r as a record, "{h0|h1}", into out. */
static void
put_header(struct buf *out, struct reader *r)
{
	size_t count;
	char **header = reader_header(r, &count);

	if (header == NULL)
		return;
	buf_append(out, "{", 1);
	for (size_t i = 0; i < count; i++) {
		if (i > 0)
			buf_append(out, "|", 1);
		buf_puts(out, header[i]);
	}
	buf_append(out, "}", 1);
}

/*
 * The reader's records in the same form; a ragged one as "{!}", an
 * error as "{ERROR}".  Read in blocks of block bytes (0: its own).
 */
static char *
reader_parse_as(const char *text, size_t len, enum encoding encoding,
    size_t block)
{
	struct error err = { 0 };
	struct buf out = { 0 };
	struct reader *r;
	struct record *rec;
	int rc = 0;

	write_file(text, len);
	r = reader_open(path, INPUT_CSV, encoding, &err);
	if (r != NULL)
		reader_set_block(r, block);
	while (r != NULL && (rc = reader_next(r, &rec, &err)) == 1) {
		if (out.len == 0)
			put_header(&out, r);
		if (rec->problem != NULL) {
			buf_puts(&out, "{!}");
			continue;
		}
		buf_append(&out, "{", 1);
		for (size_t i = 0; i < rec->count; i++) {
			if (i > 0)
				buf_append(&out, "|", 1);
			buf_puts(&out, rec->values[i]);
		}
		buf_append(&out, "}", 1);
	}
	if (out.len == 0 && r != NULL)
		put_header(&out, r);	/* a sheet with no records */
	if (rc < 0)
		buf_puts(&out, "{ERROR}");
	reader_close(r);
	unlink(path);
	buf_puts(&out, "");
	return out.data;
}

static char *
reader_parse(const char *text, size_t len)
{
	return reader_parse_as(text, len, ENCODING_UTF8, 0);
}

/* A TAP comment line showing s with its line breaks and tabs escaped. */
static void
diag(const char *what, const char *s)
{
	printf("# %s: [", what);
	for (; *s != '\0'; s++)
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\r')
			fputs("\\r", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else
			putchar(*s);
	printf("]\n");
}

/* text (UTF-8) in GB18030, into out; 0, or -1 when iconv cannot. */
static int
to_gb18030(const char *text, size_t len, struct buf *out)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char *in = (char *)text, *o;
	size_t inleft = len, outleft;
	int rc = 0;

	if (cd == (iconv_t)-1)
		return -1;
	buf_reset(out);
	if (buf_reserve(out, len * 2 + 8) != 0) {
		iconv_close(cd);
		return -1;
	}
	o = out->data;
	outleft = out->cap - 1;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1)
		rc = -1;
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
	iconv_close(cd);
	return rc;
}

/*
 * The same sheet read in blocks of a few bytes, with a BOM before it,
 * and written in GB18030: the same records as read plainly (got).
 * Returns the number of readings that differ; shows the first.
 */
static int
variants_differ(const struct buf *text, const char *got, int show)
{
	static const size_t blocks[] = { 1, 3, 7, 64 };
	struct buf other = { 0 };
	int differ = 0;

	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		char *v = reader_parse_as(text->data, text->len, ENCODING_UTF8,
		    blocks[i]);

		if (strcmp(v, got) != 0 && differ++ == 0 && show) {
			printf("# in blocks of %zu bytes\n", blocks[i]);
			diag("text", text->data);
			diag("whole", got);
			diag("blocks", v);
		}
		free(v);
	}
	buf_puts(&other, "\xef\xbb\xbf");
	buf_append(&other, text->data, text->len);
	for (size_t i = 0; i < 2; i++) {
		char *v = reader_parse_as(other.data, other.len, ENCODING_AUTO,
		    i == 0 ? 0 : 5);

		if (strcmp(v, got) != 0 && differ++ == 0 && show)
			diag("after a BOM", v);
		free(v);
	}
	if (to_gb18030(text->data, text->len, &other) == 0)
		for (size_t i = 0; i < 2; i++) {
			char *v = reader_parse_as(other.data, other.len,
			    ENCODING_GB18030, i == 0 ? 0 : 2);

			if (strcmp(v, got) != 0 && differ++ == 0 && show)
				diag("in GB18030", v);
			free(v);
		}
	buf_free(&other);
	return differ;
}

/* A field: plain (spaces and tabs around it, CJK in it) or quoted (commas, quotes, newlines). */
static void
random_field(struct buf *b)
{
	static const char *const plain[] = { "a", "b", "中", "满意", " ", "\t", "1" };
	static const char *const quoted[] = { "a", "中", ",", "\"\"", "\n", " ", "\r\n" };
	unsigned n = rnd(5);

	if (rnd(6) == 0) {
		buf_puts(b, rnd(2) ? " \"" : "\"");
		while (n-- > 0)
			buf_puts(b, quoted[rnd(7)]);
		buf_puts(b, rnd(2) ? "\" " : "\"");
		return;
	}
	while (n-- > 0)
		buf_puts(b, plain[rnd(7)]);
	if (rnd(40) == 0)
		buf_puts(b, "\r");	/* a lone CR ends a record for libcsv */
}

/*
 * libcsv's records as the reader hands them out: after the header, a
 * record with fewer fields than the header has columns, or with more
 * that are not empty, is a problem ("{!}"); extra empty fields are
 * dropped.  (No field of these tests holds a '|'.)
 */
static char *
shaped(const char *records, unsigned columns)
{
	struct buf out = { 0 };
	const char *p = records;
	int header = 1;

	while (*p == '{') {
		const char *end = strchr(p, '}'), *field = p + 1, *cut = end;
		unsigned n = 1, nonempty_extra = 0;

		for (const char *q = p + 1; q < end; q++)
			if (*q == '|') {
				if (n == columns)
					cut = q;	/* where the header's columns end */
				n++;
				field = q + 1;
				if (n > columns && field < end && *field != '|')
					nonempty_extra = 1;
			}
		if (header || n == columns)
			buf_append(&out, p, (size_t)(end - p) + 1);
		else if (n < columns || nonempty_extra)
			buf_puts(&out, "{!}");
		else {
			buf_append(&out, p, (size_t)(cut - p));
			buf_puts(&out, "}");
		}
		header = 0;
		p = end + 1;
	}
	buf_puts(&out, "");
	return out.data;
}

static void
test_csv_agrees_with_libcsv(void)
{
	int same = 0, cases = 400, shown = 0, steady = 0;

	for (int c = 0; c < cases; c++) {
		struct buf text = { 0 };
		unsigned columns = 1 + rnd(6), lines = 1 + rnd(12);
		char *want, *got;

		for (unsigned i = 0; i < columns; i++) {
			if (i > 0)
				buf_puts(&text, ",");
			buf_append(&text, "h", 1);
			buf_append(&text, &"0123456789"[i], 1);
		}
		buf_puts(&text, "\n");
		for (unsigned l = 0; l < lines; l++) {
			unsigned fields = rnd(8) == 0 ? 1 + rnd(7) : columns;

			for (unsigned i = 0; i < fields; i++) {
				if (i > 0)
					buf_puts(&text, ",");
				random_field(&text);
			}
			if (rnd(10) > 0 || l + 1 < lines)
				buf_puts(&text, rnd(3) == 0 ? "\r\n" : "\n");
		}
		want = oracle_parse(text.data, text.len);
		got = reader_parse(text.data, text.len);
		if (variants_differ(&text, got, steady == c) == 0)
			steady++;
		if (want == NULL) {
			same++;	/* libcsv refuses it (a lone CR in the header...): skip */
		} else {
			char *expected = shaped(want, columns);

			if (strcmp(expected, got) == 0)
				same++;
			else if (shown++ < 3) {
				printf("# case %d\n", c);
				diag("text", text.data);
				diag("libcsv", expected);
				diag("reader", got);
			}
			free(expected);
		}
		free(want);
		free(got);
		buf_free(&text);
	}
	is_int(same, cases, "the reader's records are libcsv's, in %d random sheets", cases);
	is_int(steady, cases, "the same in blocks of 1 to 64 bytes, after a BOM and "
	    "in GB18030, in %d random sheets", cases);
}

static void
test_utf8_agrees(void)
{
	/* overlong and surrogate leads, the last leads, continuation limits */
	static const unsigned char edges[] = { 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xc0,
	    0xc1, 0xc2, 0xdf, 0xef, 0x80, 0x9f, 0xa0, 0xbf, 0x8f, 0x90 };
	int same = 0, cases = 20000;

	for (int c = 0; c < cases; c++) {
		unsigned char line[48];
		size_t n = 1 + rnd(40);
		struct error err = { 0 };
		struct reader *r;
		struct record *rec;
		struct buf text = { 0 };
		int rc, valid;

		for (size_t i = 0; i < n; i++) {
			unsigned k = rnd(10);

			/* mostly CJK and ASCII, some bytes at the edges of UTF-8 */
			if (k < 4)
				line[i] = (unsigned char)('a' + rnd(26));
			else if (k < 7)
				line[i] = (unsigned char)(i % 3 == 0 ? 0xe4 + rnd(6) : 0x80 + rnd(64));
			else if (k < 9)
				line[i] = edges[rnd(sizeof(edges))];
			else
				line[i] = (unsigned char)(0x80 + rnd(128));
			if (line[i] == '\n' || line[i] == '\r' || line[i] == '"')
				line[i] = 'x';
		}
		valid = utf8_valid((const char *)line, n);
		buf_puts(&text, "h\n");
		buf_append(&text, line, n);
		buf_puts(&text, "\n");
		write_file(text.data, text.len);
		r = reader_open(path, INPUT_CSV, ENCODING_UTF8, &err);
		while ((rc = reader_next(r, &rec, &err)) == 1)
			;
		reader_close(r);
		unlink(path);
		buf_free(&text);
		if ((rc == 0) == (valid != 0))
			same++;
	}
	is_int(same, cases, "the reader refuses the lines utf8_valid() refuses, in %d "
	    "random lines", cases);
}

int
main(void)
{
	test_csv_agrees_with_libcsv();
	test_utf8_agrees();
	return done_testing();
}
