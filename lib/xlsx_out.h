/* xlsx_out.h -- records out as an .xlsx workbook, through libxlsxwriter */
#ifndef RENKE_XLSX_OUT_H
#define RENKE_XLSX_OUT_H

#include <stdio.h>

#include "output.h"

struct xlsx_out;

/*
 * A workbook of one sheet with a frozen header row of the columns'
 * headings (column_heading() under flags), written in constant memory to a temporary file and copied to
 * fp by xlsx_out_close().  NULL with err set when it cannot be made.
 */
struct xlsx_out *xlsx_out_open(FILE *fp, const struct column *columns,
    size_t ncolumns, unsigned flags, struct error *err);

/*
 * One row: numbers of INTEGER and NUMBER columns and ISO dates as
 * numbers and dates, ID and phone numbers as text, everything else as
 * text (a value that looks like a formula too).  0, or -1 with err set
 * (a cell over 32,767 characters, a row past 1,048,576).
 */
int xlsx_out_row(struct xlsx_out *x, const char *const *values,
    struct error *err);

/*
 * Finish the workbook, copy it to fp, remove the temporary file and
 * free x (NULL: nothing).  0, or -1 with err set.
 */
int xlsx_out_close(struct xlsx_out *x, struct error *err);

#endif
