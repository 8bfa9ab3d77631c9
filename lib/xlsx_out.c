/* xlsx_out.c -- records out as .xlsx workbooks, through libxlsxwriter */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "output.h"
#include "text.h"
#include "xlsx_out.h"
#include "xlsx_out_parts.h"
#include "tempfiles.h"


struct xlsx_book {
	FILE *fp;
	char *path;		/* the temporary file */
	int slot;		/* path's in tempfiles, removed on a signal */
	lxw_workbook *book;
	lxw_format *title, *header, *date, *time, *text, *percent;
	struct xlsx_out **sheets;
	size_t nsheets;
	int failed;
};

struct xlsx_out {
	struct xlsx_book *book;
	struct xlsx_stream *stream;	/* a plain sheet of its own: renke's writer */
	int own;		/* the book is this sheet's alone */
	lxw_worksheet *sheet;	/* NULL until started */
	char name[XLSX_MAX_NAME * 4 + 16];
	char *title;
	char *given_name;	/* the name asked for, else the title's */
	const struct column *columns;
	size_t ncolumns;
	unsigned flags;
	size_t *width;		/* of each column, in display columns */
	unsigned char *as_text;	/* ID and phone columns: text, never numbers */
	long rows;		/* records written */
	size_t charts;		/* charts beside the rows */
	int finished;
	/*
	 * the heading (output.h) whose lines, then its count, come each in a
	 * row of its own under the title (NULL: none); header is the header
	 * row's index, XLSX_HEADER_ROW without a heading
	 */
	const struct output_heading *heading;
	lxw_row_t header;
	long counted;
	int count_given;
};

int
xlsx_identifies_person(const char *name)
{
	size_t n = strlen(name);

	return strcmp(name, "id_number") == 0 ||
	    (n >= 5 && strcmp(name + n - 5, "phone") == 0);
}

static int
fail(struct xlsx_book *b, struct error *err, lxw_error e)
{
	b->failed = 1;
	return error_set(err, EXIT_SOFTWARE, _("the workbook cannot be written: %s"),
	    lxw_strerror(e));
}

static int
no_memory(struct error *err)
{
	return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
}

struct xlsx_book *
xlsx_book_open(FILE *fp, int streaming, struct error *err)
{
	struct xlsx_book *b = calloc(1, sizeof(*b));
	const char *dir = getenv("TMPDIR");
	struct buf path = { 0 };
	lxw_workbook_options options = { 0 };
	int fd;

	if (b == NULL) {
		no_memory(err);
		return NULL;
	}
	b->fp = fp;
	b->slot = -1;
	buf_puts(&path, dir != NULL && *dir != '\0' ? dir : "/tmp");
	buf_puts(&path, "/renke-out-XXXXXX");
	if (path.data == NULL || (fd = tempfiles_make(path.data, 0, &b->slot)) < 0) {
		error_set(err, EXIT_CANTCREAT, _("a temporary file for the workbook: %s"),
		    strerror(errno ? errno : ENOMEM));
		buf_free(&path);
		free(b);
		return NULL;
	}
	close(fd);
	b->path = path.data;
	/* rows go to files in tmpdir as they come: memory stays flat */
	options.constant_memory = streaming ? LXW_TRUE : LXW_FALSE;
	options.use_zip64 = LXW_FALSE;	/* WPS cannot open zip64 */
	options.tmpdir = dir != NULL && *dir != '\0' ? (char *)dir : NULL;
	if ((b->book = workbook_new_opt(b->path, &options)) == NULL) {
		error_set(err, EXIT_SOFTWARE, _("the workbook cannot be made"));
		xlsx_book_close(b, NULL);
		return NULL;
	}
	b->title = workbook_add_format(b->book);
	format_set_bold(b->title);
	format_set_font_size(b->title, 14);
	format_set_align(b->title, LXW_ALIGN_CENTER);
	format_set_align(b->title, LXW_ALIGN_VERTICAL_CENTER);
	b->header = workbook_add_format(b->book);
	format_set_bold(b->header);
	format_set_bg_color(b->header, 0xE7E6E6);
	format_set_border(b->header, LXW_BORDER_THIN);
	format_set_align(b->header, LXW_ALIGN_CENTER);
	b->date = workbook_add_format(b->book);
	format_set_num_format(b->date, "yyyy-mm-dd");
	b->time = workbook_add_format(b->book);
	format_set_num_format(b->time, "yyyy-mm-dd hh:mm");
	b->text = workbook_add_format(b->book);
	format_set_num_format(b->text, "@");
	b->percent = workbook_add_format(b->book);
	format_set_num_format(b->percent, "0.0%");
	return b;
}

/* ---- sheets and their names ---- */

/* 1 when Excel takes a and b for the same sheet name (ASCII case ignored). */
static int
same_name(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

void
xlsx_sheet_base_name(const char *title, char *base, size_t size)
{
	size_t len = 0, chars = 0;
	const char *s = title != NULL ? title : "";

	while (*s == '\'')
		s++;
	while (*s && chars < XLSX_MAX_NAME && len + 4 < size) {
		size_t n = 1;

		while ((s[n] & 0xC0) == 0x80)
			n++;
		if (n == 1 && strchr("[]:*?/\\", *s) != NULL)
			base[len++] = '_';
		else if (n == 1 && (unsigned char)*s < 0x20)
			base[len++] = ' ';
		else {
			memcpy(base + len, s, n);
			len += n;
		}
		s += n;
		chars++;
	}
	while (len > 0 && (base[len - 1] == '\'' || base[len - 1] == ' '))
		len--;
	base[len] = '\0';
	if (len == 0)
		snprintf(base, size, "%s", "Sheet");
}

/*
 * A valid name for a sheet of b titled title, into out
 * (xlsx_sheet_base_name(), cut at a character); "History" (Excel's own)
 * and names taken get " (2)", " (3)"...
 */
static void
sheet_name(const struct xlsx_book *b, const char *title, char *out, size_t size)
{
	char base[XLSX_MAX_NAME * 4 + 1];

	xlsx_sheet_base_name(title, base, sizeof(base));
	for (int k = 1; ; k++) {
		int taken = 0;

		if (k == 1)
			snprintf(out, size, "%s", base);
		else {
			char suffix[16];
			size_t room, cut = 0, c = 0;

			snprintf(suffix, sizeof(suffix), " (%d)", k);
			room = XLSX_MAX_NAME - strlen(suffix);
			/* keep room characters of base */
			while (base[cut] && c < room) {
				cut++;
				while ((base[cut] & 0xC0) == 0x80)
					cut++;
				c++;
			}
			snprintf(out, size, "%.*s%s", (int)cut, base, suffix);
		}
		taken = same_name(out, "History");
		for (size_t i = 0; i < b->nsheets && !taken; i++)
			taken = b->sheets[i]->sheet != NULL &&
			    same_name(b->sheets[i]->name, out);
		if (!taken)
			return;
	}
}

/* The characters a cell holds of s (Excel's count, as libxlsxwriter's). */
static size_t
cell_length(const char *s)
{
	return utf8_length(s);
}

int
xlsx_cell_too_long(struct error *err, const char *what, long row, size_t n)
{
	return error_set(err, EXIT_DATAERR, _("%s: row %ld: a value of %zu "
	    "characters; a workbook cell holds at most 32,767 characters"),
	    what, row + 1, n);
}

int
xlsx_too_many_rows(struct error *err)
{
	return error_set(err, EXIT_DATAERR, _("a workbook sheet holds at most "
	    "1,048,576 rows; write CSV instead"));
}

/*
 * A string cell of the field named what, its length checked first: 0,
 * or -1 with err set; a refused cell spoils the workbook (nothing of it
 * is copied out).
 */
static int
put_string(struct xlsx_out *x, lxw_row_t row, size_t col, const char *what,
    const char *v, lxw_format *format, struct error *err)
{
	size_t n = cell_length(v);
	lxw_error e;

	if (n > XLSX_MAX_CELL) {
		x->book->failed = 1;
		return xlsx_cell_too_long(err, what, (long)row, n);
	}
	if ((e = worksheet_write_string(x->sheet, row, (lxw_col_t)col, v,
	    format)) != LXW_NO_ERROR)
		return fail(x->book, err, e);
	return 0;
}

/* A line of the heading in row r of x, merged across the sheet.  0, or -1 with err set. */
static int
title_line(struct xlsx_out *x, lxw_row_t r, const char *text,
    struct error *err)
{
	lxw_error e;

	if (x->ncolumns > 1 && (e = worksheet_merge_range(x->sheet, r, 0, r,
	    (lxw_col_t)(x->ncolumns - 1), "", NULL)) != LXW_NO_ERROR)
		return fail(x->book, err, e);
	return put_string(x, r, 0, "title", text, NULL, err);
}

/* Make x's sheet: its name, title row, header and print setup.  0 or -1. */
static int
start(struct xlsx_out *x, struct error *err)
{
	struct xlsx_book *b = x->book;
	struct xlsx_out **more;
	const char *title = x->title != NULL ? x->title : "";
	lxw_error e;

	if (x->sheet != NULL)
		return 0;
	/* a sheet of its own book is the book's once it exists */
	if (x->own) {
		if ((more = realloc(b->sheets, (b->nsheets + 1) *
		    sizeof(*more))) == NULL)
			return no_memory(err);
		b->sheets = more;
	}
	sheet_name(b, x->given_name != NULL ? x->given_name : title, x->name,
	    sizeof(x->name));
	if ((x->sheet = workbook_add_worksheet(b->book, x->name)) == NULL) {
		b->failed = 1;
		return error_set(err, EXIT_SOFTWARE, _("the workbook cannot be made"));
	}
	if (x->own)
		b->sheets[b->nsheets++] = x;
	worksheet_set_row(x->sheet, XLSX_TITLE_ROW, 24, NULL);
	if (x->ncolumns > 1)
		e = worksheet_merge_range(x->sheet, XLSX_TITLE_ROW, 0, XLSX_TITLE_ROW,
		    (lxw_col_t)(x->ncolumns - 1), "", b->title);
	else
		e = LXW_NO_ERROR;
	if (e != LXW_NO_ERROR)
		return fail(b, err, e);
	/* the title is a string like any other: "=x" stays text */
	if (put_string(x, XLSX_TITLE_ROW, 0, "title", title, b->title, err) != 0)
		return -1;
	/* the heading's lines, each across the sheet; its count at the end */
	for (size_t k = 0; x->heading != NULL && k < x->heading->nlines; k++)
		if (title_line(x, (lxw_row_t)(XLSX_TITLE_ROW + 1 + k),
		    x->heading->lines[k], err) != 0)
			return -1;
	for (size_t i = 0; i < x->ncolumns; i++) {
		const char *heading = column_heading(&x->columns[i], x->flags);

		x->as_text[i] = (unsigned char)xlsx_identifies_person(x->columns[i].name);
		x->width[i] = text_width(heading);
		if (put_string(x, x->header, i, x->columns[i].name, heading,
		    b->header, err) != 0)
			return -1;
	}
	worksheet_freeze_panes(x->sheet, x->header + 1, 0);
	worksheet_set_landscape(x->sheet);
	worksheet_set_paper(x->sheet, 9);		/* A4 */
	worksheet_fit_to_pages(x->sheet, 1, 0);		/* the width of one page */
	worksheet_repeat_rows(x->sheet, x->header, x->header);
	worksheet_set_footer(x->sheet, "&C&P / &N");
	return 0;
}

static struct xlsx_out *
sheet_new(struct xlsx_book *b, const char *title, const struct column *columns,
    size_t n, unsigned flags, struct error *err)
{
	struct xlsx_out *x = calloc(1, sizeof(*x));

	if (x == NULL || (x->width = calloc(n + 1, sizeof(size_t))) == NULL ||
	    (x->as_text = calloc(n + 1, 1)) == NULL ||
	    (title != NULL && (x->title = strdup(title)) == NULL)) {
		if (x != NULL) {
			free(x->width);
			free(x->as_text);
		}
		free(x);
		no_memory(err);
		return NULL;
	}
	x->book = b;
	x->columns = columns;
	x->ncolumns = n;
	x->flags = flags;
	x->header = XLSX_HEADER_ROW;
	return x;
}

static void
sheet_free(struct xlsx_out *x)
{
	free(x->title);
	free(x->given_name);
	free(x->width);
	free(x->as_text);
	free(x);
}

struct xlsx_out *
xlsx_book_sheet(struct xlsx_book *b, const char *name, const char *title,
    const struct column *columns, size_t n, unsigned flags, struct error *err)
{
	return xlsx_book_sheet_headed(b, name, title, NULL, columns, n, flags,
	    err);
}

struct xlsx_out *
xlsx_book_sheet_headed(struct xlsx_book *b, const char *name,
    const char *title, const struct output_heading *heading,
    const struct column *columns, size_t n, unsigned flags, struct error *err)
{
	struct xlsx_out **more = realloc(b->sheets, (b->nsheets + 1) * sizeof(*more));
	struct xlsx_out *x;

	if (more == NULL) {
		no_memory(err);
		return NULL;
	}
	b->sheets = more;
	if ((x = sheet_new(b, title, columns, n, flags, err)) == NULL)
		return NULL;
	if (name != NULL && (x->given_name = strdup(name)) == NULL) {
		sheet_free(x);
		no_memory(err);
		return NULL;
	}
	if ((x->heading = heading) != NULL)
		x->header += (lxw_row_t)heading->nlines +
		    (heading->count_one != NULL);
	if (start(x, err) != 0) {
		sheet_free(x);
		return NULL;
	}
	b->sheets[b->nsheets++] = x;
	return x;
}

/*
 * A plain sheet of its own is written by renke's streaming writer
 * (xlsx_stream.c), some ten times faster than libxlsxwriter at its fixed
 * compression level; books of several sheets and charts by libxlsxwriter.
 */
/* A one-sheet workbook of xlsx_stream.c, titled title, with heading (NULL: none). */
static struct xlsx_out *
stream_open(FILE *fp, const struct column *columns, size_t ncolumns,
    unsigned flags, const char *title, const struct output_heading *heading,
    struct error *err)
{
	struct xlsx_out *x = calloc(1, sizeof(*x));

	if (x == NULL) {
		no_memory(err);
		return NULL;
	}
	x->own = 1;
	if ((x->stream = xlsx_stream_open(fp, columns, ncolumns, flags, title,
	    heading, err)) == NULL) {
		free(x);
		return NULL;
	}
	return x;
}

struct xlsx_out *
xlsx_out_open(FILE *fp, const struct column *columns, size_t ncolumns,
    unsigned flags, const char *title, struct error *err)
{
	return stream_open(fp, columns, ncolumns, flags, title, NULL, err);
}

struct xlsx_out *
xlsx_out_open_headed(FILE *fp, const struct column *columns, size_t ncolumns,
    unsigned flags, const char *name, const struct output_heading *heading,
    struct error *err)
{
	return stream_open(fp, columns, ncolumns, flags, name, heading, err);
}

void
xlsx_out_count(struct xlsx_out *x, long n)
{
	if (x == NULL)
		return;
	if (x->stream != NULL)
		xlsx_stream_count(x->stream, n);
	x->counted = n;
	x->count_given = 1;
}

/* ---- cells ---- */

/* The value s as a number into *out: 1 when it is one. */
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

/* A rate for people, "78.9%", as the fraction 0.789 into *out: 1 when it is one. */
static int
as_percent(const char *s, double *out)
{
	size_t n = strlen(s);
	char number[64];

	if (n < 2 || n >= sizeof(number) || s[n - 1] != '%')
		return 0;
	memcpy(number, s, n - 1);
	number[n - 1] = '\0';
	if (!as_number(number, out))
		return 0;
	*out /= 100;
	return 1;
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

/* 1 when the n bytes at s are digits. */
static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/*
 * An ISO date "YYYY-MM-DD", or a local time "YYYY-MM-DD HH:MM[:SS]", as
 * a date and time into *out: 1 for a date, 2 for a time, 0 for neither.
 */
static int
as_date(const char *s, struct xlsx_when *out)
{
	size_t n = strlen(s);
	char day[11], iso[11];

	if (n < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse(day, iso) != 0 || strcmp(iso, day) != 0)
		return 0;
	memset(out, 0, sizeof(*out));
	out->year = digits_value(s, 4);
	out->month = digits_value(s + 5, 2);
	out->day = digits_value(s + 8, 2);
	if (out->year < 1900)	/* before Excel's first day: text */
		return 0;
	if (n == 10)
		return 1;
	if ((n != 16 && n != 19) || s[10] != ' ' || s[13] != ':' ||
	    !all_digits(s + 11, 2) || !all_digits(s + 14, 2) ||
	    (n == 19 && (s[16] != ':' || !all_digits(s + 17, 2))))
		return 0;
	out->hour = digits_value(s + 11, 2);
	out->min = digits_value(s + 14, 2);
	out->sec = n == 19 ? digits_value(s + 17, 2) : 0;
	if (out->hour > 23 || out->min > 59 || out->sec > 59)
		return 0;
	return 2;
}

enum xlsx_cell
xlsx_cell_kind(enum column_type type, int as_text, const char *v,
    double *number, struct xlsx_when *when)
{
	int numeric = type == COLUMN_INTEGER || type == COLUMN_NUMBER;
	int kind;

	if (v == NULL || *v == '\0')
		return XLSX_CELL_NONE;
	if (as_text)
		return XLSX_CELL_TEXT;
	if (numeric && as_number(v, number))
		return XLSX_CELL_NUMBER;
	if (numeric && as_percent(v, number))
		return XLSX_CELL_PERCENT;
	if (type == COLUMN_BOOLEAN && (strcmp(v, "true") == 0 ||
	    strcmp(v, "false") == 0)) {
		*number = *v == 't';
		return XLSX_CELL_BOOLEAN;
	}
	if (type == COLUMN_TEXT && (kind = as_date(v, when)) != 0)
		return kind == 1 ? XLSX_CELL_DATE : XLSX_CELL_TIME;
	/* a string, always: "=SUM(A1)" is text, never a formula */
	return XLSX_CELL_STRING;
}

/* The streaming writer of x, a sheet of its own; NULL with err set for a sheet of a book. */
static struct xlsx_stream *
one_sheet(struct xlsx_out *x, struct error *err)
{
	if (x->stream == NULL)
		error_set(err, EXIT_SOFTWARE, "%s", _("coloured cells need a "
		    "workbook of one sheet"));
	return x->stream;
}

int
xlsx_out_row_marked(struct xlsx_out *x, const char *const *values,
    const unsigned char *marks, struct error *err)
{
	struct xlsx_stream *s = one_sheet(x, err);

	return s == NULL ? -1 : xlsx_stream_row_marked(s, values, marks, err);
}

int
xlsx_out_note(struct xlsx_out *x, const char *const *values,
    const unsigned char *marks, struct error *err)
{
	struct xlsx_stream *s = one_sheet(x, err);

	return s == NULL ? -1 : xlsx_stream_note(s, values, marks, err);
}

int
xlsx_out_row(struct xlsx_out *x, const char *const *values, struct error *err)
{
	struct xlsx_book *b;
	lxw_row_t row = (lxw_row_t)(x->header + 1 + x->rows);

	if (x->stream != NULL)
		return xlsx_stream_row(x->stream, values, err);
	b = x->book;
	if (start(x, err) != 0)
		return -1;
	if (x->header + 1 + x->rows >= XLSX_MAX_ROWS) {
		b->failed = 1;
		return xlsx_too_many_rows(err);
	}
	for (size_t i = 0; i < x->ncolumns; i++) {
		const char *v = values[i];
		lxw_col_t col = (lxw_col_t)i;
		lxw_error e = LXW_NO_ERROR;
		struct xlsx_when w;
		lxw_datetime dt;
		double d;
		enum xlsx_cell kind = xlsx_cell_kind(x->columns[i].type,
		    x->as_text[i], v, &d, &w);

		if (kind == XLSX_CELL_NONE)
			continue;
		if (text_width(v) > x->width[i])
			x->width[i] = text_width(v);
		switch (kind) {
		case XLSX_CELL_NUMBER:
			e = worksheet_write_number(x->sheet, row, col, d, NULL);
			break;
		case XLSX_CELL_PERCENT:
			e = worksheet_write_number(x->sheet, row, col, d, b->percent);
			break;
		case XLSX_CELL_BOOLEAN:
			e = worksheet_write_boolean(x->sheet, row, col, d != 0, NULL);
			break;
		case XLSX_CELL_DATE:
		case XLSX_CELL_TIME:
			dt = (lxw_datetime){ w.year, w.month, w.day, w.hour,
			    w.min, w.sec };
			e = worksheet_write_datetime(x->sheet, row, col, &dt,
			    kind == XLSX_CELL_DATE ? b->date : b->time);
			break;
		default:
			if (put_string(x, row, i, x->columns[i].name, v,
			    kind == XLSX_CELL_TEXT ? b->text : NULL, err) != 0)
				return -1;
		}
		if (e != LXW_NO_ERROR)
			return fail(b, err, e);
	}
	x->rows++;
	return 0;
}

/* ---- charts ---- */

int
xlsx_out_chart(struct xlsx_out *x, enum xlsx_chart kind, const char *title,
    size_t first, size_t last_column, const size_t *series, size_t n,
    struct error *err)
{
	static const uint8_t types[] = {
		[XLSX_CHART_BARS] = LXW_CHART_BAR,
		[XLSX_CHART_STACKED] = LXW_CHART_BAR_STACKED,
		[XLSX_CHART_COLUMNS] = LXW_CHART_COLUMN,
		[XLSX_CHART_INTERVAL] = LXW_CHART_LINE,
	};
	lxw_row_t last = (lxw_row_t)(x->header + x->rows);
	lxw_chart_options place = { 0 };
	lxw_chart *chart;
	lxw_error e;

	if (x->stream != NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("the workbook cannot be made"));
	if (start(x, err) != 0)
		return -1;
	if (x->rows == 0 || n == 0)
		return 0;
	if ((chart = workbook_add_chart(x->book->book, types[kind])) == NULL) {
		x->book->failed = 1;
		return error_set(err, EXIT_SOFTWARE, _("the workbook cannot be made"));
	}
	for (size_t k = 0; k < n; k++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);

		if (s == NULL)
			return fail(x->book, err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		chart_series_set_categories(s, x->name, x->header + 1,
		    (lxw_col_t)first, last, (lxw_col_t)last_column);
		chart_series_set_values(s, x->name, x->header + 1, (lxw_col_t)series[k],
		    last, (lxw_col_t)series[k]);
		chart_series_set_name_range(s, x->name, x->header,
		    (lxw_col_t)series[k]);
		if (kind == XLSX_CHART_INTERVAL) {
			lxw_chart_line none = { .none = LXW_TRUE };

			/*
			 * the high-low line is the interval, the dot the value
			 * (libxlsxwriter 1.1's dash markers are not valid OOXML)
			 */
			chart_series_set_line(s, &none);
			chart_series_set_marker_type(s, k == 1 ?
			    LXW_CHART_MARKER_CIRCLE : LXW_CHART_MARKER_NONE);
			if (k == 1)
				chart_series_set_marker_size(s, 7);
		}
	}
	if (kind == XLSX_CHART_INTERVAL)
		chart_set_high_low_lines(chart, NULL);
	chart_title_set_name(chart, title);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	/* beside the table, each chart under the one before; taller for more rows */
	place.x_scale = 1.5;
	place.y_scale = x->rows > 12 ? (double)x->rows / 12 : 1;
	e = worksheet_insert_chart_opt(x->sheet, (lxw_row_t)(x->header + 1 + 17 *
	    x->charts), (lxw_col_t)(x->ncolumns + 1), chart, &place);
	if (e != LXW_NO_ERROR)
		return fail(x->book, err, e);
	x->charts++;
	return 0;
}

/* ---- the end ---- */

/* Column widths, the filter and the marks turned off, once the rows are in. */
static void
finish(struct xlsx_out *x)
{
	char range[64];

	if (x->finished || x->sheet == NULL)
		return;
	x->finished = 1;
	/* the count, now that the rows are in (a book not streamed takes it) */
	if (x->heading != NULL && x->heading->count_one != NULL) {
		long n = x->count_given ? x->counted : x->rows;
		char count[256];

		snprintf(count, sizeof(count), dngettext("renke",
		    x->heading->count_one, x->heading->count_many,
		    (unsigned long)n), n);
		if (title_line(x, x->header - 1, count, NULL) != 0)
			x->book->failed = 1;
	}
	/* columns sized for their text (a CJK character is two wide) */
	for (size_t i = 0; i < x->ncolumns; i++)
		worksheet_set_column(x->sheet, (lxw_col_t)i, (lxw_col_t)i,
		    (double)(x->width[i] > XLSX_MAX_WIDTH ? XLSX_MAX_WIDTH : x->width[i]) + 2,
		    x->as_text[i] ? x->book->text : NULL);
	if (x->ncolumns == 0)
		return;
	worksheet_autofilter(x->sheet, x->header, 0,
	    (lxw_row_t)(x->header + x->rows), (lxw_col_t)(x->ncolumns - 1));
	if (x->rows > 0) {
		/* every string that looks like a number is one on purpose */
		lxw_rowcol_to_range(range, x->header + 1, 0,
		    (lxw_row_t)(x->header + x->rows), (lxw_col_t)(x->ncolumns - 1));
		worksheet_ignore_errors(x->sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT,
		    range);
	}
}

/* Copy the finished workbook at b->path to b->fp. */
static int
copy_out(struct xlsx_book *b, struct error *err)
{
	FILE *in = fopen(b->path, "rb");
	char chunk[65536];
	size_t n;
	int failed, saved;

	if (in == NULL)
		return error_set(err, EXIT_IOERR, "%s: %s", b->path, strerror(errno));
	errno = 0;
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		if (fwrite(chunk, 1, n, b->fp) != n)
			break;
	failed = ferror(b->fp);
	saved = errno;
	fclose(in);
	return failed ? xlsx_write_failed(b->fp, saved, err) : 0;
}

int
xlsx_write_failed(FILE *fp, int saved, struct error *err)
{
	/* a reader that stopped early (| head): the end of output, as for csv */
	if (saved == EPIPE || output_pipe_closed(fp))
		return 0;
	return error_set(err, EXIT_IOERR, _("write error: %s"),
	    strerror(saved != 0 ? saved : EIO));
}

int
xlsx_book_close(struct xlsx_book *b, struct error *err)
{
	int rc = 0;

	if (b == NULL)
		return 0;
	if (b->book != NULL) {
		lxw_error e;

		/* a workbook must have a sheet: the one of no rows gets its header */
		for (size_t i = 0; i < b->nsheets; i++)
			finish(b->sheets[i]);
		e = workbook_close(b->book);
		if (err != NULL && !b->failed) {
			if (e != LXW_NO_ERROR)
				rc = fail(b, err, e);
			else
				rc = copy_out(b, err);
		}
	}
	for (size_t i = 0; i < b->nsheets; i++)
		sheet_free(b->sheets[i]);
	free(b->sheets);
	if (b->path != NULL)
		unlink(b->path);
	tempfiles_forget(b->slot);
	free(b->path);
	free(b);
	return rc;
}

int
xlsx_out_close(struct xlsx_out *x, struct error *err)
{
	struct xlsx_book *b;
	int failed = 0;

	if (x == NULL)
		return 0;
	if (x->stream != NULL) {
		int rc = xlsx_stream_close(x->stream, err);

		free(x);
		return rc;
	}
	if (!x->own) {
		finish(x);
		return 0;
	}
	b = x->book;
	/* a sheet of no rows still has its title and header */
	if (err != NULL && !b->failed && start(x, err) != 0)
		failed = 1;
	/* never started, x is not the book's */
	if (x->sheet == NULL)
		sheet_free(x);
	if (failed) {
		xlsx_book_close(b, NULL);
		return -1;
	}
	return xlsx_book_close(b, err);
}
