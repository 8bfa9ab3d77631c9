/* xls.h -- the .xls and WPS .et back end of workbook.c: libfreexl for the cells, the BIFF records for hidden sheets and merged cells */
#ifndef RENKE_XLS_H
#define RENKE_XLS_H

#include "workbook.h"

struct xls;

/*
 * Open the .xls or .et at path (file: its name in messages).  NULL with
 * err set (EXIT_DATAERR) when it cannot be read; an encrypted file,
 * .xlsx or .xls, is said to be one.
 */
struct xls *xls_open(const char *path, const char *file, struct error *err);

/* The sheets, hidden or not, in the workbook's order (rows not counted yet). */
struct sheet_info *xls_sheets(struct xls *x, size_t *n);

/*
 * Start reading sheet i.  Its merged regions go to *merges (*nmerges of
 * them, sorted by first row; the caller frees the array) unless merges
 * is NULL.  0, or -1 with err set.
 */
int xls_select(struct xls *x, size_t i, struct merged_region **merges,
    size_t *nmerges, struct error *err);

/* The next row of the selected sheet: 1, 0 at the end, -1 with err set. */
int xls_next_row(struct xls *x, struct sheet_row *row, struct error *err);

void xls_progress(const struct xls *x, long long *done, long long *total);

void xls_close(struct xls *x);

#endif
