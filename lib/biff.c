/* biff.c -- the records of an .xls Workbook stream that renke reads itself: walking them, the styles that show dates, the saved results of formulas */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "biff.h"

#define BIFF_BOF 0x0809
#define BIFF_EOF 0x000A
#define BIFF_CONTINUE 0x003C
#define BIFF_DATEMODE 0x0022
#define BIFF_CODEPAGE 0x0042
#define BIFF_FORMAT 0x041E
#define BIFF_XF 0x00E0
#define BIFF_FORMULA 0x0006
#define BIFF_STRING 0x0207
/* records that may stand between a FORMULA and its STRING */
#define BIFF_SHRFMLA 0x04BC
#define BIFF_ARRAY 0x0221
#define BIFF_TABLE 0x0236

int
biff_next(const unsigned char *stream, size_t n, size_t *at, unsigned *type,
    const unsigned char **data, size_t *len)
{
	if (*at >= n)
		return 0;
	if (n - *at < 4 || biff_u16(stream + *at) == 0) {
		for (size_t k = *at; k < n; k++)
			if (stream[k] != 0)
				return -1;
		return 0;
	}
	*type = biff_u16(stream + *at);
	*len = biff_u16(stream + *at + 2);
	if (n - *at - 4 < *len)
		return -1;
	*data = stream + *at + 4;
	*at += 4 + *len;
	return 1;
}

/* ---- the book: BIFF version, date system, code page, styles that show dates ---- */

/*
 * The format code of a FORMAT record's data into code (up to size - 1
 * bytes): its ASCII characters, each other one a '?', which is all that
 * tells a date format (the letters, quotes, escapes and brackets are
 * ASCII).
 */
static void
format_code(const unsigned char *data, size_t len, int biff8, char *code,
    size_t size)
{
	size_t n, at, k = 0, width = 1;

	if (biff8) {
		if (len < 5)
			goto out;
		n = biff_u16(data + 2);
		width = (data[4] & 1) ? 2 : 1;
		at = 5;
	} else {
		if (len < 3)
			goto out;
		n = data[2];
		at = 3;
	}
	for (size_t i = 0; i < n && at + width <= len && k + 1 < size; i++, at += width) {
		unsigned c = width == 2 ? biff_u16(data + at) : data[at];

		code[k++] = c > 0 && c < 0x80 ? (char)c : '?';
	}
out:
	code[k] = '\0';
}

int
biff_book_read(const unsigned char *stream, size_t n, struct biff_book *b)
{
	struct buf formats = { 0 };	/* pairs of a FORMAT's number and whether it shows a date */
	size_t at = 0, len;
	const unsigned char *data;
	unsigned type;
	int first = 1, rc = 0;

	memset(b, 0, sizeof(*b));
	while (biff_next(stream, n, &at, &type, &data, &len) == 1 && type != BIFF_EOF) {
		if (first) {
			b->biff8 = type == BIFF_BOF && len >= 2 && biff_u16(data) == 0x0600;
			first = 0;
		} else if (type == BIFF_DATEMODE && len >= 2)
			b->date1904 = biff_u16(data) != 0;
		else if (type == BIFF_CODEPAGE && len >= 2)
			b->codepage = biff_u16(data);
		else if (type == BIFF_FORMAT && len >= 2) {
			char code[256];
			long pair[2];

			format_code(data, len, b->biff8, code, sizeof(code));
			pair[0] = (long)biff_u16(data);
			pair[1] = workbook_format_is_date(code);
			if (buf_append(&formats, pair, sizeof(pair)) != 0)
				goto nomem;
		} else if (type == BIFF_XF && len >= 4) {
			unsigned char *more = realloc(b->xf_date, b->nxf + 1);
			long fmt = (long)biff_u16(data + 2);
			const long *pairs = (const long *)(void *)formats.data;
			int date = workbook_builtin_is_date(fmt);

			if (more == NULL)
				goto nomem;
			b->xf_date = more;
			/* a FORMAT record may give a built-in number a code of its own */
			for (size_t i = 0; i < formats.len / sizeof(long[2]); i++)
				if (pairs[2 * i] == fmt)
					date = (int)pairs[2 * i + 1];
			b->xf_date[b->nxf++] = (unsigned char)date;
		}
	}
	goto out;
nomem:
	biff_book_free(b);
	rc = -1;
out:
	buf_free(&formats);
	return rc;
}

void
biff_book_free(struct biff_book *b)
{
	free(b->xf_date);
	b->xf_date = NULL;
	b->nxf = 0;
}

/* ---- formulas ---- */

/*
 * The characters of a BIFF8 STRING record (data, len: the count, a byte
 * of flags, the characters, two bytes each when flags & 1) as UTF-8 onto
 * out, going on into the CONTINUE records from *at, each of which begins
 * with a byte saying how wide the rest are.  A lone surrogate becomes
 * U+FFFD.  1, 0 when the characters run past the records, -1 when memory
 * runs out.
 */
static int
string_utf8(const unsigned char *stream, size_t n, size_t at,
    const unsigned char *data, size_t len, struct buf *out)
{
	size_t count, pos = 3;
	unsigned long high = 0;
	int wide;

	if (len < 3)
		return 0;
	count = biff_u16(data);
	wide = data[2] & 1;
	for (size_t i = 0; i < count; i++) {
		unsigned long c;

		if (pos + (wide ? 2 : 1) > len) {
			unsigned type;

			if (pos != len || biff_next(stream, n, &at, &type, &data, &len) != 1 ||
			    type != BIFF_CONTINUE || len < 2)
				return 0;
			wide = data[0] & 1;
			pos = 1;
			if (pos + (wide ? 2 : 1) > len)
				return 0;
		}
		c = wide ? biff_u16(data + pos) : data[pos];
		pos += wide ? 2 : 1;
		if (high != 0 && c >= 0xDC00 && c < 0xE000) {
			if (buf_put_utf8(out, 0x10000 + ((high - 0xD800) << 10) + (c - 0xDC00)) != 0)
				return -1;
			high = 0;
			continue;
		}
		if (high != 0 && buf_put_utf8(out, 0xFFFD) != 0)
			return -1;
		high = 0;
		if (c >= 0xD800 && c < 0xDC00) {
			high = c;
			continue;
		}
		if (c >= 0xDC00 && c < 0xE000)
			c = 0xFFFD;
		if (buf_put_utf8(out, c) != 0)
			return -1;
	}
	if (high != 0 && buf_put_utf8(out, 0xFFFD) != 0)
		return -1;
	return 1;
}

/*
 * The text of a BIFF5 STRING record (the count, then its bytes in the
 * workbook's code page) as UTF-8 onto out.  1, 0 when it cannot be read
 * (past its record, or not in the code page), -1 when memory runs out.
 */
static int
string_codepage(const unsigned char *data, size_t len, unsigned codepage,
    struct buf *out)
{
	size_t count, left, room;
	char name[16], *in, *to;
	iconv_t cd;
	int rc = 1;

	if (len < 2 || (count = biff_u16(data)) > len - 2)
		return 0;
	snprintf(name, sizeof(name), "CP%u", codepage != 0 ? codepage : 1252);
	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
		return 0;
	/* a byte gives at most three bytes of UTF-8 (the code pages' characters are in the BMP) */
	if (buf_reserve(out, 4 * count + 1) != 0) {
		iconv_close(cd);
		return -1;
	}
	in = (char *)(uintptr_t)(data + 2);
	left = count;
	to = out->data + out->len;
	room = 4 * count;
	if (iconv(cd, &in, &left, &to, &room) == (size_t)-1)
		rc = 0;
	else {
		out->len = (size_t)(to - out->data);
		out->data[out->len] = '\0';
	}
	iconv_close(cd);
	return rc;
}

/* The text of an error code, as Excel shows it. */
static const char *
error_text(unsigned code)
{
	switch (code) {
	case 0x00: return "#NULL!";
	case 0x07: return "#DIV/0!";
	case 0x0F: return "#VALUE!";
	case 0x17: return "#REF!";
	case 0x1D: return "#NAME?";
	case 0x24: return "#NUM!";
	case 0x2A: return "#N/A";
	default: return "#ERROR!";
	}
}

/*
 * The result of the FORMULA record data[0..len) onto f, its text into
 * f->text; a text result is read from the STRING record after it, from
 * *at on.  0, or -1 when memory runs out.
 */
static int
take_formula(const unsigned char *stream, size_t n, size_t at,
    const unsigned char *data, size_t len, const struct biff_book *b,
    struct biff_formulas *f)
{
	struct biff_formula r;
	const unsigned char *v = data + 6;
	char tmp[32];
	const char *s = tmp;
	int rc = 1;

	if (len < 14)
		return 0;
	r.row = biff_u16(data);
	r.col = (uint16_t)biff_u16(data + 2);
	r.at = f->text.len;
	if (v[6] != 0xFF || v[7] != 0xFF) {
		double x;
		unsigned xf = biff_u16(data + 4);
		uint64_t bits = 0;

		for (int k = 7; k >= 0; k--)
			bits = bits << 8 | v[k];
		memcpy(&x, &bits, sizeof(x));
		r.kind = CELL_NUMBER;
		if (xf < b->nxf && b->xf_date[xf] &&
		    workbook_serial_date(x, b->date1904, tmp) == 0)
			r.kind = CELL_DATE;
		else
			workbook_number_text(x, tmp);
	} else if (v[0] == 1) {
		r.kind = CELL_BOOL;
		s = v[2] ? "true" : "false";
	} else if (v[0] == 2) {
		r.kind = CELL_ERROR;
		s = error_text(v[2]);
	} else if (v[0] == 3) {
		r.kind = CELL_TEXT;
		s = "";
	} else {
		const unsigned char *d;
		size_t dlen;
		unsigned type = 0;

		/* the STRING record, after those that may come between */
		r.kind = CELL_TEXT;
		s = NULL;
		while (biff_next(stream, n, &at, &type, &d, &dlen) == 1 &&
		    (type == BIFF_SHRFMLA || type == BIFF_ARRAY || type == BIFF_TABLE))
			;
		if (type != BIFF_STRING)
			rc = 0;
		else if (b->biff8)
			rc = string_utf8(stream, n, at, d, dlen, &f->text);
		else
			rc = string_codepage(d, dlen, b->codepage, &f->text);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			/* a text result that cannot be read is as good as none */
			f->text.len = r.at;
			r.kind = CELL_NO_RESULT;
		}
	}
	if (s != NULL && buf_append(&f->text, s, strlen(s)) != 0)
		return -1;
	r.len = f->text.len - r.at;
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 64;
		struct biff_formula *more = realloc(f->list, cap * sizeof(*more));

		if (more == NULL)
			return -1;
		f->list = more;
		f->cap = cap;
	}
	f->list[f->n++] = r;
	return 0;
}

static int
by_cell(const void *a, const void *b)
{
	const struct biff_formula *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

int
biff_formulas_read(const unsigned char *stream, size_t n, size_t sheet_at,
    const struct biff_book *b, struct biff_formulas *f)
{
	size_t at = sheet_at, len, depth = 0;
	const unsigned char *data;
	unsigned type;

	f->n = f->next = 0;
	buf_reset(&f->text);
	/* the sheet's records, from its BOF to its EOF; a chart inside has its own */
	while (biff_next(stream, n, &at, &type, &data, &len) == 1) {
		if (type == BIFF_BOF)
			depth++;
		else if (depth == 0 || (type == BIFF_EOF && --depth == 0))
			break;
		else if (type == BIFF_FORMULA && depth == 1 &&
		    take_formula(stream, n, at, data, len, b, f) != 0)
			return -1;
	}
	if (f->n > 1)
		qsort(f->list, f->n, sizeof(*f->list), by_cell);
	return 0;
}

const struct biff_formula *
biff_formula_at(struct biff_formulas *f, uint32_t row, uint16_t col)
{
	while (f->next < f->n && (f->list[f->next].row < row ||
	    (f->list[f->next].row == row && f->list[f->next].col < col)))
		f->next++;
	if (f->next < f->n && f->list[f->next].row == row && f->list[f->next].col == col)
		return &f->list[f->next];
	return NULL;
}

void
biff_formulas_free(struct biff_formulas *f)
{
	free(f->list);
	buf_free(&f->text);
	memset(f, 0, sizeof(*f));
}
