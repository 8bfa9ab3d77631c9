/* xlsx.h -- the .xlsx back end of workbook.c: libzip for the file, expat and xml_scan for its XML */
#ifndef RENKE_XLSX_H
#define RENKE_XLSX_H

#include "workbook.h"

struct xlsx;

/*
 * Open the .xlsx at path (file: its name in messages; a file that may be
 * opened again while it is read): its sheets are read here, its shared
 * strings and date styles when a sheet is first selected.  NULL with err
 * set (EXIT_DATAERR) when it is no readable workbook.
 */
struct xlsx *xlsx_open(const char *path, const char *file, struct error *err);

/* The sheets, in the workbook's order (rows not counted yet). */
struct sheet_info *xlsx_sheets(struct xlsx *x, size_t *n);

/*
 * Start reading sheet i, the shared strings and styles read first if
 * they are not yet.  Its merged regions go to *merges (*nmerges of
 * them, sorted by first row; the caller frees the array) unless merges
 * is NULL: they are found meanwhile, on a thread of their own.  0, or
 * -1 with err set (a broken shared-string table is named before a
 * broken sheet).
 */
int xlsx_select(struct xlsx *x, size_t i, struct merged_region **merges,
    size_t *nmerges, struct error *err);

/*
 * The next row of the selected sheet into row (empty rows included as
 * the sheet has them).  1, 0 at the end, -1 with err set.
 */
int xlsx_next_row(struct xlsx *x, struct sheet_row *row, struct error *err);

/* Bytes of the sheet's XML read so far and in all. */
void xlsx_progress(const struct xlsx *x, long long *done, long long *total);

void xlsx_close(struct xlsx *x);

/*
 * Parse the sheet XML data[0..n) as a sheet of a workbook without
 * shared strings or styles, handed to the scanner chunk bytes at a time
 * (0: as much as it asks), every row handed to fn until fn returns
 * nonzero: for the fuzz target and the tests.  0, or -1 with err set.
 */
int xlsx_parse_sheet_xml(const char *data, size_t n, size_t chunk,
    int (*fn)(void *context, const struct sheet_row *row), void *context,
    struct error *err);

#endif
