/* biff.h -- the records of an .xls Workbook stream that renke reads itself: walking them, the styles that show dates, the saved results of formulas */
#ifndef RENKE_BIFF_H
#define RENKE_BIFF_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "workbook.h"

static inline unsigned
biff_u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static inline uint32_t
biff_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/*
 * The record at *at of stream[0..n): its type into *type, its data and
 * their length into *data and *len, *at moved past it.  1; 0 at the
 * stream's end (or the zeros a writer pads it with); -1 when the record
 * runs past the stream or stray bytes follow the padding.
 */
int biff_next(const unsigned char *stream, size_t n, size_t *at, unsigned *type,
    const unsigned char **data, size_t *len);

/* What the workbook's own records (before its first EOF) say of its cells. */
struct biff_book {
	int biff8;		/* BIFF8 (Excel 97 and later, WPS); else BIFF5 */
	int date1904;		/* days counted from 1904 */
	unsigned codepage;	/* of BIFF5 text; 0 when not given */
	unsigned char *xf_date;	/* xf_date[i]: cell style i shows a date */
	size_t nxf;
};

/* The book's records of stream[0..n) into b.  0, or -1 when memory runs out. */
int biff_book_read(const unsigned char *stream, size_t n, struct biff_book *b);

void biff_book_free(struct biff_book *b);

/* The result a formula was saved with: its cell, kind and text. */
struct biff_formula {
	uint32_t row;		/* from 0 */
	uint16_t col;
	enum cell_kind kind;
	size_t at, len;		/* its text in the list's text */
};

/* The formulas of a sheet, sorted by row and column, and where reading them is. */
struct biff_formulas {
	struct biff_formula *list;
	size_t n, cap, next;
	struct buf text;
};

/*
 * The saved results of the formulas (FORMULA records, and the STRING
 * record after one whose result is text) of the sheet whose substream
 * begins at sheet_at, outside the substreams embedded in it, into f
 * (emptied first), as the cells would show them: a number as its
 * shortest text, or a date under a date style; text; true or false; an
 * error such as #N/A.  0, or -1 when memory runs out.
 */
int biff_formulas_read(const unsigned char *stream, size_t n, size_t sheet_at,
    const struct biff_book *b, struct biff_formulas *f);

/*
 * The saved result of the formula at (row, col), NULL when none: for
 * cells asked for in order, row by row and column by column.
 */
const struct biff_formula *biff_formula_at(struct biff_formulas *f, uint32_t row,
    uint16_t col);

void biff_formulas_free(struct biff_formulas *f);

#endif
