/* xls.c -- .xls and WPS .et workbooks through libfreexl */
#include <errno.h>
#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xls.h"

struct xls {
	const void *handle;
	char *file;
	struct sheet_info *sheets;
	size_t nsheets;
	unsigned rows, next;
	unsigned short columns;
};

/*
 * 1 when the compound file at path holds an encrypted package: an
 * .xlsx saved with a password.  Its directory names the stream in
 * UTF-16, "EncryptedPackage".
 */
static int
is_encrypted_package(const char *path)
{
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
	FILE *fp = fopen(path, "rb");
	char *b = malloc(65536 + sizeof(name));
	size_t have = 0, n;
	int found = 0;

	while (fp != NULL && b != NULL && !found &&
	    (n = fread(b + have, 1, 65536, fp)) > 0) {
		have += n;
		found = memmem(b, have, name, sizeof(name) - 1) != NULL;
		if (have >= sizeof(name)) {
			memmove(b, b + have - (sizeof(name) - 1), sizeof(name) - 1);
			have = sizeof(name) - 1;
		}
	}
	free(b);
	if (fp != NULL)
		fclose(fp);
	return found;
}

struct xls *
xls_open(const char *path, const char *file, struct error *err)
{
	struct xls *x = calloc(1, sizeof(*x));
	unsigned count = 0, password = 0;
	int rc;

	if (x == NULL || (x->file = strdup(file)) == NULL) {
		free(x);
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	if (is_encrypted_package(path)) {
		error_set(err, EXIT_DATAERR, _("%s: the workbook is encrypted and "
		    "cannot be read: open it in Excel or WPS, remove the password and "
		    "save it as .xlsx"), file);
		goto fail;
	}
	if ((rc = freexl_open(path, &x->handle)) != FREEXL_OK) {
		x->handle = NULL;
		error_set(err, EXIT_DATAERR, _("%s: not an .xls or .et workbook that "
		    "can be read (libfreexl error %d): open it in Excel or WPS and "
		    "save it as .xlsx"), file, rc);
		goto fail;
	}
	if (freexl_get_info(x->handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
	    password == FREEXL_BIFF_OBFUSCATED) {
		error_set(err, EXIT_DATAERR, _("%s: the workbook is encrypted and "
		    "cannot be read: open it in Excel or WPS, remove the password and "
		    "save it as .xlsx"), file);
		goto fail;
	}
	if (freexl_get_info(x->handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK ||
	    count == 0) {
		error_set(err, EXIT_DATAERR, _("%s: the workbook has no sheets"), file);
		goto fail;
	}
	if ((x->sheets = calloc(count, sizeof(*x->sheets))) == NULL)
		goto nomem;
	for (unsigned i = 0; i < count; i++) {
		const char *name = NULL;

		if (freexl_get_worksheet_name(x->handle, (unsigned short)i, &name) !=
		    FREEXL_OK || name == NULL)
			name = "";
		x->sheets[i].rows = -1;
		if ((x->sheets[i].name = strdup(name)) == NULL)
			goto nomem;
		x->nsheets++;
	}
	return x;
nomem:
	error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
fail:
	xls_close(x);
	return NULL;
}

struct sheet_info *
xls_sheets(struct xls *x, size_t *n)
{
	*n = x->nsheets;
	return x->sheets;
}

int
xls_select(struct xls *x, size_t i, struct error *err)
{
	if (freexl_select_active_worksheet(x->handle, (unsigned short)i) != FREEXL_OK ||
	    freexl_worksheet_dimensions(x->handle, &x->rows, &x->columns) != FREEXL_OK)
		return error_set(err, EXIT_DATAERR, _("%s:%s: the sheet cannot be read"),
		    x->file, x->sheets[i].name);
	x->next = 0;
	return 0;
}

/* Cell (r, c) of the active sheet into row: 0, or -1 when memory runs out. */
static int
take_cell(struct xls *x, struct sheet_row *row, unsigned r, unsigned short c)
{
	FreeXL_CellValue v;
	char tmp[32];

	if (freexl_get_cell_value(x->handle, r, c, &v) != FREEXL_OK)
		return 0;
	switch (v.type) {
	case FREEXL_CELL_INT:
		snprintf(tmp, sizeof(tmp), "%d", v.value.int_value);
		return sheet_row_set(row, c, CELL_NUMBER, tmp, strlen(tmp));
	case FREEXL_CELL_DOUBLE:
		workbook_number_text(v.value.double_value, tmp);
		return sheet_row_set(row, c, CELL_NUMBER, tmp, strlen(tmp));
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_TIME:
		return sheet_row_set(row, c, CELL_TEXT, v.value.text_value,
		    strlen(v.value.text_value));
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
		return sheet_row_set(row, c, CELL_DATE, v.value.text_value,
		    strnlen(v.value.text_value, 10));
	default:
		return 0;
	}
}

int
xls_next_row(struct xls *x, struct sheet_row *row, struct error *err)
{
	if (x->next >= x->rows)
		return 0;
	sheet_row_reset(row, (long)x->next + 1);
	for (unsigned short c = 0; c < x->columns; c++)
		if (take_cell(x, row, x->next, c) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	x->next++;
	return 1;
}

void
xls_progress(const struct xls *x, long long *done, long long *total)
{
	*done = x->next;
	*total = x->rows;
}

void
xls_close(struct xls *x)
{
	if (x == NULL)
		return;
	if (x->handle != NULL)
		freexl_close(x->handle);
	for (size_t i = 0; i < x->nsheets; i++)
		free(x->sheets[i].name);
	free(x->sheets);
	free(x->file);
	free(x);
}
