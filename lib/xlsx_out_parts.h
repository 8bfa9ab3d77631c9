/* xlsx_out_parts.h -- what the two .xlsx writers share: limits, cell kinds, messages; the streaming writer */
#ifndef RENKE_XLSX_OUT_PARTS_H
#define RENKE_XLSX_OUT_PARTS_H

#include <stdio.h>

#include "error.h"
#include "output.h"

#define XLSX_MAX_ROWS 1048576	/* of a sheet, title and header included */
#define XLSX_MAX_CELL 32767	/* characters of a cell */
#define XLSX_MAX_NAME 31	/* characters of a sheet's name */
#define XLSX_TITLE_ROW 0
#define XLSX_HEADER_ROW 1
#define XLSX_FIRST_ROW 2	/* the first row of records */
#define XLSX_MAX_WIDTH 60	/* a column no wider than this, in characters */

/* What a value becomes in a cell (xlsx_cell_kind()). */
enum xlsx_cell {
	XLSX_CELL_NONE,		/* empty: no cell */
	XLSX_CELL_TEXT,		/* an ID or phone number: a string formatted @ */
	XLSX_CELL_NUMBER,
	XLSX_CELL_PERCENT,	/* a number shown as 0.0% */
	XLSX_CELL_BOOLEAN,
	XLSX_CELL_DATE,		/* yyyy-mm-dd */
	XLSX_CELL_TIME,		/* yyyy-mm-dd hh:mm */
	XLSX_CELL_STRING	/* anything else, never a formula */
};

/* A date and time of day as a cell holds it. */
struct xlsx_when {
	int year, month, day, hour, min, sec;
};

/* 1 when the column named name holds ID or phone numbers, which stay text. */
int xlsx_identifies_person(const char *name);

/*
 * The kind of cell the value v of a column of type makes (as_text: the
 * column holds ID or phone numbers): a number, percent or boolean's
 * value into *number (a boolean 1 or 0), a date or time into *when.
 */
enum xlsx_cell xlsx_cell_kind(enum column_type type, int as_text, const char *v,
    double *number, struct xlsx_when *when);

/*
 * The name a sheet titled title takes before it is made unique: at most
 * XLSX_MAX_NAME characters, []:*?/\ as "_", no ' at either end, "Sheet"
 * for none.  out holds XLSX_MAX_NAME * 4 + 1 bytes.
 */
void xlsx_sheet_base_name(const char *title, char *out, size_t size);

/* The refusal of a value of n characters in row (0-based) of the field what: -1. */
int xlsx_cell_too_long(struct error *err, const char *what, long row, size_t n);

/* The refusal of a row past a sheet's last: -1. */
int xlsx_too_many_rows(struct error *err);

/*
 * After writing a workbook to fp failed with errno saved: 0 when the
 * reader stopped early (| head), the end of output as for csv; else -1
 * with err set.
 */
int xlsx_write_failed(FILE *fp, int saved, struct error *err);

/*
 * The writer of a workbook of one plain sheet (no charts), renke's own:
 * the rows' XML is made as they come and deflated at a low level into a
 * temporary file, and the workbook is put together and written to fp
 * when it is closed, as xlsx_out.h describes it.
 */
struct xlsx_stream;

/*
 * A new one-sheet workbook for fp, as xlsx_out_open(); with heading
 * (NULL: none; it must outlive s), as xlsx_out_open_headed().  NULL with
 * err set.
 */
struct xlsx_stream *xlsx_stream_open(FILE *fp, const struct column *columns,
    size_t ncolumns, unsigned flags, const char *title,
    const struct output_heading *heading, struct error *err);

/* The number the heading of s counts, when it is not the rows written. */
void xlsx_stream_count(struct xlsx_stream *s, long n);

/* One row, as xlsx_out_row().  0, or -1 with err set. */
int xlsx_stream_row(struct xlsx_stream *s, const char *const *values,
    struct error *err);

/* One row with its cells coloured, as xlsx_out_row_marked().  0, or -1 with err set. */
int xlsx_stream_row_marked(struct xlsx_stream *s, const char *const *values,
    const unsigned char *marks, struct error *err);

/* A row after the records, as xlsx_out_note().  0, or -1 with err set. */
int xlsx_stream_note(struct xlsx_stream *s, const char *const *values,
    const unsigned char *marks, struct error *err);

/*
 * Write the workbook to its fp and free s (NULL: nothing).  With err
 * NULL, or after a row was refused, nothing is written.  0, or -1 with
 * err set.
 */
int xlsx_stream_close(struct xlsx_stream *s, struct error *err);

#endif
