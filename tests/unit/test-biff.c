/* test-biff.c -- the saved results of an .xls sheet's formulas, read from BIFF records made here */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "biff.h"

static unsigned char stream[4096];
static size_t len;

/* A record of type with data[0..n) at the stream's end; where it begins. */
static size_t
record(unsigned type, const void *data, size_t n)
{
	size_t at = len;

	stream[len++] = (unsigned char)type;
	stream[len++] = (unsigned char)(type >> 8);
	stream[len++] = (unsigned char)n;
	stream[len++] = (unsigned char)(n >> 8);
	if (n > 0)
		memcpy(stream + len, data, n);
	len += n;
	return at;
}

/* A BOF of BIFF version (0x0600: 8, 0x0500: 5) and substream kind. */
static size_t
bof(unsigned version, unsigned kind)
{
	unsigned char d[16] = { (unsigned char)version, (unsigned char)(version >> 8),
		(unsigned char)kind, (unsigned char)(kind >> 8) };

	return record(0x0809, d, sizeof(d));
}

static void
xf(unsigned format)
{
	unsigned char d[20] = { 0, 0, (unsigned char)format, (unsigned char)(format >> 8) };

	record(0x00E0, d, sizeof(d));
}

/* A FORMULA at (row, col) of style xf whose 8 bytes of result are v. */
static void
formula(unsigned row, unsigned col, unsigned style, const unsigned char v[8])
{
	unsigned char d[22] = { (unsigned char)row, (unsigned char)(row >> 8),
		(unsigned char)col, (unsigned char)(col >> 8), (unsigned char)style, 0 };

	memcpy(d + 6, v, 8);
	record(0x0006, d, sizeof(d));
}

static void
number(unsigned row, unsigned col, unsigned style, double x)
{
	unsigned char v[8];
	uint64_t bits;

	memcpy(&bits, &x, sizeof(bits));
	for (int k = 0; k < 8; k++)
		v[k] = (unsigned char)(bits >> (8 * k));
	formula(row, col, style, v);
}

/* A formula of a result of kind 0 (text: a STRING follows), 1 (bool), 2 (error) or 3 (""). */
static void
special(unsigned row, unsigned col, unsigned kind, unsigned value)
{
	unsigned char v[8] = { (unsigned char)kind, 0, (unsigned char)value, 0, 0, 0, 0xFF, 0xFF };

	formula(row, col, 0, v);
}

static void
eof(void)
{
	record(0x000A, NULL, 0);
}

/* The result at (row, col) as "kind:text", or "none". */
static const char *
result(struct biff_formulas *f, unsigned row, unsigned col)
{
	static char out[128];
	const struct biff_formula *r = biff_formula_at(f, row, (uint16_t)col);

	if (r == NULL)
		return "none";
	snprintf(out, sizeof(out), "%d:%.*s", (int)r->kind, (int)r->len,
	    f->text.data + r->at);
	return out;
}

static char *
expect(enum cell_kind kind, const char *text)
{
	static char out[128];

	snprintf(out, sizeof(out), "%d:%s", (int)kind, text);
	return out;
}

int
main(void)
{
	struct biff_book book;
	struct biff_formulas f = { 0 };
	size_t sheet;

	/* BIFF8: a custom date format, a built-in one, a percentage */
	len = 0;
	bof(0x0600, 0x0005);
	record(0x0022, "\0\0", 2);
	record(0x041E, "\xA4\0\x0B\0\0yyyy\\-mm-dd", 16);
	xf(0);
	xf(164);
	xf(14);
	xf(10);
	eof();
	sheet = bof(0x0600, 0x0010);
	number(0, 0, 0, 3.5);
	number(0, 1, 1, 44866);
	number(0, 2, 2, 44866.75);
	number(0, 3, 3, 0.25);
	special(1, 0, 1, 1);
	special(1, 1, 2, 0x2A);
	special(1, 2, 3, 0);
	/* 后, then on in a CONTINUE record: 叶 and U+20000 as two surrogates */
	special(2, 0, 0, 0);
	record(0x04BC, "\0\0\0\0\0\0", 6);
	record(0x0207, "\x04\0\x01\x0e\x54", 5);
	record(0x003C, "\x01\xf6\x53\x40\xd8\x00\xdc", 7);
	special(2, 1, 0, 0);
	record(0x0207, "\x03\0\0abc", 6);
	/* a text result whose STRING is not there */
	special(2, 3, 0, 0);
	number(2, 4, 0, 9);
	/* a chart drawn on the sheet, its own formula not the sheet's */
	bof(0x0600, 0x0020);
	number(3, 1, 0, 99);
	eof();
	number(3, 0, 0, 7);
	number(2, 2, 0, 1);	/* out of order */
	eof();

	ok(biff_book_read(stream, len, &book) == 0 && book.biff8 && book.nxf == 4,
	    "the book: BIFF8, four styles");
	ok(!book.xf_date[0] && book.xf_date[1] && book.xf_date[2] && !book.xf_date[3],
	    "a custom date format and a built-in one show dates, a percentage none");
	ok(biff_formulas_read(stream, len, sheet, &book, &f) == 0 && f.n == 13,
	    "the sheet's formulas, none of the chart's");
	is_str(result(&f, 0, 0), expect(CELL_NUMBER, "3.5"), "a number");
	is_str(result(&f, 0, 1), expect(CELL_DATE, "2022-11-01"), "a date under a custom date style");
	is_str(result(&f, 0, 2), expect(CELL_DATE, "2022-11-01"), "a date and time under a built-in date style: the day");
	is_str(result(&f, 0, 3), expect(CELL_NUMBER, "0.25"), "a percentage is a number");
	is_str(result(&f, 1, 0), expect(CELL_BOOL, "true"), "true");
	is_str(result(&f, 1, 1), expect(CELL_ERROR, "#N/A"), "an error");
	is_str(result(&f, 1, 2), expect(CELL_TEXT, ""), "an empty text");
	is_str(result(&f, 2, 0), expect(CELL_TEXT, "后叶\xf0\xa0\x80\x80"),
	    "text in UTF-16 run on into a CONTINUE record, past a SHRFMLA");
	is_str(result(&f, 2, 1), expect(CELL_TEXT, "abc"), "text of one byte a character");
	is_str(result(&f, 2, 2), expect(CELL_NUMBER, "1"), "a formula written out of order");
	is_str(result(&f, 2, 3), expect(CELL_NO_RESULT, ""), "a text result without its STRING");
	is_str(result(&f, 2, 4), expect(CELL_NUMBER, "9"), "the formula after it");
	is_str(result(&f, 3, 0), expect(CELL_NUMBER, "7"), "after the chart");
	is_str(result(&f, 3, 1), "none", "the chart's formula is none of the sheet's");
	is_str(result(&f, 4, 0), "none", "past the last");
	biff_book_free(&book);

	/* BIFF5: text in the code page the workbook gives (936: GBK) */
	len = 0;
	bof(0x0500, 0x0005);
	record(0x0042, "\xa8\x03", 2);
	record(0x041E, "\xA4\0\x0ayyyy-mm-dd", 13);
	xf(164);
	eof();
	sheet = bof(0x0500, 0x0010);
	special(0, 0, 0, 0);
	record(0x0207, "\x04\0\xba\xf3\xd2\xb6", 6);
	number(0, 1, 0, 44866);
	special(0, 2, 0, 0);
	record(0x0207, "\x09\0\xba", 3);	/* counts more than it holds */
	eof();
	ok(biff_book_read(stream, len, &book) == 0 && !book.biff8 &&
	    book.codepage == 936 && book.nxf == 1 && book.xf_date[0],
	    "the book: BIFF5, code page 936, a date style");
	ok(biff_formulas_read(stream, len, sheet, &book, &f) == 0 && f.n == 3,
	    "the formulas read again into the same list");
	is_str(result(&f, 0, 0), expect(CELL_TEXT, "后叶"), "GBK text as UTF-8");
	is_str(result(&f, 0, 1), expect(CELL_DATE, "2022-11-01"), "a date in BIFF5");
	is_str(result(&f, 0, 2), expect(CELL_NO_RESULT, ""), "text past its record: no result");
	biff_book_free(&book);
	biff_formulas_free(&f);
	return done_testing();
}
