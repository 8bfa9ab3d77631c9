/* xls.h -- the .xls and WPS .et back end of workbook.c, through libfreexl */
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

/* The sheets (libfreexl tells no hidden state: every sheet is visible). */
struct sheet_info *xls_sheets(struct xls *x, size_t *n);

/* Start reading sheet i (libfreexl tells no merged regions).  0, or -1. */
int xls_select(struct xls *x, size_t i, struct error *err);

/* The next row of the selected sheet: 1, 0 at the end, -1 with err set. */
int xls_next_row(struct xls *x, struct sheet_row *row, struct error *err);

void xls_progress(const struct xls *x, long long *done, long long *total);

void xls_close(struct xls *x);

#endif
