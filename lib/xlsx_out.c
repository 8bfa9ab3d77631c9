/* xlsx_out.c -- records out as an .xlsx workbook, through libxlsxwriter */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "text.h"
#include "xlsx_out.h"

#define MAX_ROWS 1048576
#define MAX_CELL 32767

struct xlsx_out {
	FILE *fp;
	const struct column *columns;
	size_t ncolumns;
	char *path;		/* the temporary file */
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *header, *date, *text;
	size_t *width;		/* of each column, in display columns */
	unsigned char *as_text;	/* ID and phone columns: text, never numbers */
	long rows;		/* data rows written */
	int failed;
};

/* 1 when the column holds ID or phone numbers, which stay text. */
static int
identifies_person(const char *name)
{
	size_t n = strlen(name);

	return strcmp(name, "id_number") == 0 ||
	    (n >= 5 && strcmp(name + n - 5, "phone") == 0);
}

static int
fail(struct xlsx_out *x, struct error *err, lxw_error e)
{
	x->failed = 1;
	return error_set(err, EXIT_SOFTWARE, _("the workbook cannot be written: %s"),
	    lxw_strerror(e));
}

struct xlsx_out *
xlsx_out_open(FILE *fp, const struct column *columns, size_t ncolumns,
    unsigned flags, struct error *err)
{
	struct xlsx_out *x = calloc(1, sizeof(*x));
	const char *dir = getenv("TMPDIR");
	struct buf path = { 0 };
	lxw_workbook_options options = { 0 };
	int fd;

	if (x == NULL || (x->width = calloc(ncolumns + 1, sizeof(size_t))) == NULL ||
	    (x->as_text = calloc(ncolumns + 1, 1)) == NULL) {
		if (x != NULL)
			free(x->width);
		free(x);
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	x->fp = fp;
	x->columns = columns;
	x->ncolumns = ncolumns;
	buf_puts(&path, dir != NULL && *dir != '\0' ? dir : "/tmp");
	buf_puts(&path, "/renke-out-XXXXXX");
	if (path.data == NULL || (fd = mkstemp(path.data)) < 0) {
		error_set(err, EXIT_CANTCREAT, _("a temporary file for the workbook: %s"),
		    strerror(errno ? errno : ENOMEM));
		buf_free(&path);
		xlsx_out_close(x, NULL);
		return NULL;
	}
	close(fd);
	x->path = path.data;
	options.constant_memory = LXW_TRUE;
	options.use_zip64 = LXW_FALSE;	/* WPS cannot open zip64 */
	options.tmpdir = dir != NULL && *dir != '\0' ? (char *)dir : NULL;
	if ((x->book = workbook_new_opt(x->path, &options)) == NULL ||
	    (x->sheet = workbook_add_worksheet(x->book, NULL)) == NULL) {
		error_set(err, EXIT_SOFTWARE, _("the workbook cannot be made"));
		xlsx_out_close(x, NULL);
		return NULL;
	}
	x->header = workbook_add_format(x->book);
	format_set_bold(x->header);
	x->date = workbook_add_format(x->book);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->text = workbook_add_format(x->book);
	format_set_num_format(x->text, "@");
	/* the header, frozen above the rows */
	for (size_t i = 0; i < ncolumns; i++) {
		const char *heading = column_heading(&columns[i], flags);

		x->as_text[i] = (unsigned char)identifies_person(columns[i].name);
		x->width[i] = text_width(heading);
		if (worksheet_write_string(x->sheet, 0, (lxw_col_t)i, heading,
		    x->header) != LXW_NO_ERROR) {
			error_set(err, EXIT_SOFTWARE, _("the workbook cannot be made"));
			xlsx_out_close(x, NULL);
			return NULL;
		}
	}
	worksheet_freeze_panes(x->sheet, 1, 0);
	return x;
}

/* The value s as a number into *out: 1 when it is one, whole. */
static int
as_number(const char *s, double *out)
{
	char *end;

	if (*s == '\0' || strchr("+-0123456789.", *s) == NULL)
		return 0;
	errno = 0;
	*out = strtod(s, &end);
	return *end == '\0' && errno == 0;
}

/* The value of the n digits at s (checked digits: date_parse() said so). */
static int
digits_value(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* An ISO date s as Excel's date-time: 1 when it is one. */
static int
as_date(const char *s, lxw_datetime *out)
{
	char iso[11];

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || date_parse(s, iso) != 0 ||
	    strcmp(iso, s) != 0)
		return 0;
	memset(out, 0, sizeof(*out));
	out->year = digits_value(s, 4);
	out->month = digits_value(s + 5, 2);
	out->day = digits_value(s + 8, 2);
	return 1;
}

int
xlsx_out_row(struct xlsx_out *x, const char *const *values, struct error *err)
{
	lxw_row_t row = (lxw_row_t)(x->rows + 1);

	if (x->rows + 1 >= MAX_ROWS)
		return error_set(err, EXIT_DATAERR, _("a workbook sheet holds at most "
		    "1,048,576 rows; write CSV instead"));
	for (size_t i = 0; i < x->ncolumns; i++) {
		const char *v = values[i];
		enum column_type type = x->columns[i].type;
		lxw_col_t col = (lxw_col_t)i;
		lxw_error e;
		lxw_datetime dt;
		double d;

		if (v == NULL || *v == '\0')
			continue;
		if (strlen(v) > MAX_CELL)
			return error_set(err, EXIT_DATAERR, _("%s: a value of %zu bytes; "
			    "a workbook cell holds at most 32,767 characters"),
			    x->columns[i].name, strlen(v));
		if (text_width(v) > x->width[i])
			x->width[i] = text_width(v);
		if (x->as_text[i])
			e = worksheet_write_string(x->sheet, row, col, v, x->text);
		else if ((type == COLUMN_INTEGER || type == COLUMN_NUMBER) &&
		    as_number(v, &d))
			e = worksheet_write_number(x->sheet, row, col, d, NULL);
		else if (type == COLUMN_BOOLEAN && (strcmp(v, "true") == 0 ||
		    strcmp(v, "false") == 0))
			e = worksheet_write_boolean(x->sheet, row, col, *v == 't', NULL);
		else if (type == COLUMN_TEXT && as_date(v, &dt))
			e = worksheet_write_datetime(x->sheet, row, col, &dt, x->date);
		else	/* a string, always: "=SUM(A1)" is text, never a formula */
			e = worksheet_write_string(x->sheet, row, col, v, NULL);
		if (e != LXW_NO_ERROR)
			return fail(x, err, e);
	}
	x->rows++;
	return 0;
}

/* Copy the finished workbook at x->path to x->fp. */
static int
copy_out(struct xlsx_out *x, struct error *err)
{
	FILE *in = fopen(x->path, "rb");
	char chunk[65536];
	size_t n;

	if (in == NULL)
		return error_set(err, EXIT_IOERR, "%s: %s", x->path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		if (fwrite(chunk, 1, n, x->fp) != n)
			break;
	fclose(in);
	if (ferror(x->fp))
		return error_set(err, EXIT_IOERR, _("write error: %s"), strerror(errno));
	return 0;
}

int
xlsx_out_close(struct xlsx_out *x, struct error *err)
{
	int rc = 0;

	if (x == NULL)
		return 0;
	if (x->book != NULL) {
		lxw_error e;

		/* columns sized for their text (a CJK character is two wide), a filter */
		for (size_t i = 0; i < x->ncolumns; i++)
			worksheet_set_column(x->sheet, (lxw_col_t)i, (lxw_col_t)i,
			    (double)(x->width[i] > 60 ? 60 : x->width[i]) + 2,
			    x->as_text[i] ? x->text : NULL);
		if (x->ncolumns > 0)
			worksheet_autofilter(x->sheet, 0, 0, (lxw_row_t)x->rows,
			    (lxw_col_t)(x->ncolumns - 1));
		e = workbook_close(x->book);
		if (e != LXW_NO_ERROR && err != NULL && !x->failed)
			rc = fail(x, err, e);
		else if (err != NULL && !x->failed)
			rc = copy_out(x, err);
	}
	if (x->path != NULL)
		unlink(x->path);
	free(x->path);
	free(x->width);
	free(x->as_text);
	free(x);
	return rc;
}
