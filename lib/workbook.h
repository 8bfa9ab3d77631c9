/* workbook.h -- workbooks in: the sheet of an .xlsx, .xls or .et file read as records */
#ifndef RENKE_WORKBOOK_H
#define RENKE_WORKBOOK_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "input.h"

/*
 * How a sheet is read.  A back end (lib/xlsx.c, lib/xls.c) gives rows
 * of cells as text; lib/workbook.c chooses the sheet, gives each merged
 * region's value to every cell it covers, finds the header row and makes
 * records of the rows under it.
 */

enum cell_kind {
	CELL_EMPTY,
	CELL_TEXT,
	CELL_NUMBER,		/* text: the number's shortest exact form */
	CELL_DATE,		/* text: YYYY-MM-DD */
	CELL_BOOL,		/* text: true or false */
	CELL_ERROR,		/* text: the error, e.g. #N/A */
	CELL_NO_RESULT		/* a formula saved without its result */
};

struct cell {
	enum cell_kind kind;
	size_t at;		/* offset of the NUL-terminated text in the row's text */
	int covered;		/* filled from a merged region's first cell to its left */
};

/* One row of a sheet: cells[c] is column c (0 is A). */
struct sheet_row {
	long number;		/* as Excel numbers rows, from 1 */
	size_t ncells, cap;
	struct cell *cells;
	struct buf text;
};

/* Empty row for row number, keeping its memory. */
void sheet_row_reset(struct sheet_row *row, long number);

/*
 * Set column col of row to kind and the text s[0..n).  Returns 0, or -1
 * when memory runs out.
 */
int sheet_row_set(struct sheet_row *row, size_t col, enum cell_kind kind,
    const char *s, size_t n);

/* The text of cell col of row ("" when it has none). */
const char *sheet_row_text(const struct sheet_row *row, size_t col);

void sheet_row_free(struct sheet_row *row);

/* A merged region, rows r1..r2 and columns c1..c2 (from 0) inclusive. */
struct merged_region {
	long r1, r2;
	size_t c1, c2;
};

/* Sort regions m[0..n) by their first row, as fill_merges() takes them. */
void workbook_sort_merges(struct merged_region *m, size_t n);

/* A sheet of a workbook as listed by --list-sheets. */
struct sheet_info {
	char *name;
	int hidden;		/* hidden or very hidden */
	int chart;		/* a chart sheet: a chart alone, no cells */
	long rows;		/* rows the sheet holds, -1 until counted */
};

/* Column letters of col (0: "A") and row into out: "C39". */
void cell_name(size_t col, long row, char out[24]);

/*
 * The ISO date of an Excel serial day number (date1904: the workbook
 * counts from 1904) into out.  Returns 0, or -1 when serial is no day
 * (negative, 60 in the 1900 system, or past the year 9999).
 */
int workbook_serial_date(double serial, int date1904, char out[11]);

/* Shortest text that reads back as x exactly into out (32 bytes). */
void workbook_number_text(double x, char out[32]);

/*
 * 1 when the number format code (Excel's, as an .xlsx or an .xls gives
 * it) shows a date: a year or day, or months without hours or seconds,
 * outside quoted text, escapes, [...], the word General and exponents.
 */
int workbook_format_is_date(const char *code);

/* 1 when Excel's built-in number format id shows a date (the Chinese ones, 27-36 and 50-58, among them). */
int workbook_builtin_is_date(long id);

/* What a workbook's file starts with. */
enum workbook_magic { MAGIC_NONE, MAGIC_ZIP, MAGIC_OLE };

/* The kind of file whose first n bytes are p. */
enum workbook_magic workbook_magic(const unsigned char *p, size_t n);

struct workbook;

/*
 * Open the workbook at path (a file that may be read more than once;
 * its name in messages is file) of the given magic, choose its sheet
 * and find its header as options say.  Returns the workbook, or NULL
 * with err set: EXIT_DATAERR when it cannot be read (an encrypted file
 * says so), EXIT_USAGE for a sheet or header row it does not have.
 */
struct workbook *workbook_in_open(const char *path, const char *file,
    enum workbook_magic magic, const struct workbook_options *options,
    struct error *err);

/*
 * The sheets of the workbook at path, counted: *info gets an array of
 * *n (the caller frees it with workbook_in_sheets_free).  0, or -1 with
 * err set.
 */
int workbook_in_sheets(const char *path, const char *file,
    enum workbook_magic magic, struct sheet_info **info, size_t *n,
    struct error *err);

void workbook_in_sheets_free(struct sheet_info *info, size_t n);

/* The sheet being read and its header row. */
const char *workbook_in_sheet(const struct workbook *wb, long *header_row);

/*
 * The next record into *out, as reader_next() says: 1, 0 at the end,
 * -1 with err set.  The record belongs to wb until the next call.
 */
int workbook_in_next(struct workbook *wb, struct record **out, struct error *err);

/*
 * The header as a record of its named columns and no values (for a
 * sheet with no row below its header), valid until the next
 * workbook_in_next().
 */
const struct record *workbook_in_header_record(struct workbook *wb);

/* The header's names (count of them). */
char **workbook_in_header(const struct workbook *wb, size_t *count);

/* Bytes of the sheet read so far and in all, for progress. */
void workbook_in_progress(const struct workbook *wb, long long *done,
    long long *total);

void workbook_in_close(struct workbook *wb);

#endif
