/* xlsx_out.h -- records out as .xlsx workbooks: a sheet by renke's own writer, books with charts through libxlsxwriter */
#ifndef RENKE_XLSX_OUT_H
#define RENKE_XLSX_OUT_H

#include <stdio.h>

#include "output.h"

/*
 * A workbook is made as an office makes one by hand.  Each sheet has a
 * title row (merged across the columns), the header under it, frozen,
 * with an autofilter; columns as wide as their text (a CJK character
 * counts two); printed landscape on A4, fitted to the page's width, the
 * header repeated on every page.  Counts are numbers, a rate "78.9%"
 * a number shown as a percentage, ISO dates and times real dates, ID
 * and phone numbers text (format @), and every other value a string,
 * never a formula; Excel's "number stored as text" marks are turned off.
 * Limits are errors, never a damaged file: a cell over 32,767
 * characters, a sheet over 1,048,576 rows.  Sheet names are made valid
 * (at most 31 characters, none of []:*?/\) and unique.  The workbook is
 * written in constant memory to a temporary file (in $TMPDIR), never as
 * zip64 (WPS cannot open it), and copied out only when it is whole.
 */
struct xlsx_book;
struct xlsx_out;

/*
 * A new workbook to be copied to fp when closed.  With streaming, rows
 * go to temporary files as they come and memory stays flat (the charts'
 * cells are then not cached in the file: a workbook with charts is
 * small, made without it).  NULL with err set.
 */
struct xlsx_book *xlsx_book_open(FILE *fp, int streaming, struct error *err);

/*
 * A new sheet at the end of b, named name (NULL: after title), its
 * title row title and its header the headings of columns[0..n) under
 * flags (column_heading()); columns must outlive it.  It belongs to b
 * (closed with it).  NULL with err set.
 */
struct xlsx_out *xlsx_book_sheet(struct xlsx_book *b, const char *name,
    const char *title, const struct column *columns, size_t n,
    unsigned flags, struct error *err);

/*
 * As xlsx_book_sheet(), with the lines of heading (output.h; NULL: none)
 * each in a row of its own under the title, merged across the sheet,
 * then its count (of the rows written, or as xlsx_out_count() says; in
 * a book that is not streaming, as it is written when the sheet is
 * finished), then the header.  heading must outlive the sheet.
 */
struct xlsx_out *xlsx_book_sheet_headed(struct xlsx_book *b, const char *name,
    const char *title, const struct output_heading *heading,
    const struct column *columns, size_t n, unsigned flags, struct error *err);

/*
 * Finish every sheet of b, copy the workbook to its fp, remove the
 * temporary file and free b (NULL: nothing).  With err NULL, or after a
 * sheet failed, nothing is copied.  0, or -1 with err set.
 */
int xlsx_book_close(struct xlsx_book *b, struct error *err);

/*
 * A workbook of one sheet of columns titled and named title (as
 * xlsx_book_sheet()), written to fp by xlsx_out_close().  It is made by
 * renke's streaming writer (xlsx_out_parts.h), which takes no charts.
 * NULL with err set.
 */
struct xlsx_out *xlsx_out_open(FILE *fp, const struct column *columns,
    size_t ncolumns, unsigned flags, const char *title, struct error *err);

/*
 * As xlsx_out_open(), the sheet named after name and titled by heading
 * (output.h; NULL: titled name), whose lines come each in a row of their
 * own under the title, then its count (of the rows written, or as xlsx_out_count()
 * says), then the header: what a page for print says above its table.
 * heading must outlive x; its title and lines are read when x is
 * closed, their number now.  NULL with err set.
 */
struct xlsx_out *xlsx_out_open_headed(FILE *fp, const struct column *columns,
    size_t ncolumns, unsigned flags, const char *name,
    const struct output_heading *heading, struct error *err);

/* The number the heading of x counts, when it is not the rows written. */
void xlsx_out_count(struct xlsx_out *x, long n);

/*
 * One row of values[0..n) as the workbook's rules say (above).  0, or
 * -1 with err set (EXIT_DATAERR: a cell over 32,767 characters, a row
 * past 1,048,576).
 */
int xlsx_out_row(struct xlsx_out *x, const char *const *values,
    struct error *err);

/*
 * One row as xlsx_out_row(), cell i filled as marks[i] (enum
 * output_mark) says: green done, amber late, red missing, an empty cell
 * too; a thin border round each.  A sheet of xlsx_out_open() only: a
 * sheet of a book refuses (EXIT_SOFTWARE).  0, or -1 with err set.
 */
int xlsx_out_row_marked(struct xlsx_out *x, const char *const *values,
    const unsigned char *marks, struct error *err);

/*
 * A row below the records after a blank row, outside the filter, its
 * cells marked as xlsx_out_row_marked() and not measured for the
 * columns' widths: a legend.  After a note, no more records.  A sheet
 * of xlsx_out_open() only, as xlsx_out_row_marked().  0, or -1 with err
 * set.
 */
int xlsx_out_note(struct xlsx_out *x, const char *const *values,
    const unsigned char *marks, struct error *err);

enum xlsx_chart {
	XLSX_CHART_BARS,	/* horizontal bars, one per series, grouped */
	XLSX_CHART_STACKED,	/* horizontal bars, the series stacked */
	XLSX_CHART_COLUMNS,	/* vertical bars */
	XLSX_CHART_INTERVAL	/* three series low, value, high: a dot and its interval */
};

/*
 * A native chart of the rows x holds so far, beside them: the
 * categories from columns first to last, one series per column of series[0..n)
 * (named by its heading), titled title; it reads the cells, so it stays
 * editable.  No rows: no chart.  0, or -1 with err set.
 */
int xlsx_out_chart(struct xlsx_out *x, enum xlsx_chart kind, const char *title,
    size_t first, size_t last, const size_t *series, size_t n,
    struct error *err);

/*
 * Finish the sheet.  A sheet of xlsx_out_open() closes its workbook
 * (xlsx_book_close()) and frees x; a sheet of a book is left to the book.
 * 0, or -1 with err set.
 */
int xlsx_out_close(struct xlsx_out *x, struct error *err);

#endif
