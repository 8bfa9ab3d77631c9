/* workbook.c -- workbooks in: a sheet chosen, merged cells filled, the header found, rows as records */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fields.h"
#include "text.h"
#include "workbook.h"
#include "xls.h"
#include "xlsx.h"

/* rows looked at for the header when it is not given */
#define HEADER_SEARCH_ROWS 50

/* ---- rows and cells ---- */

void
sheet_row_reset(struct sheet_row *row, long number)
{
	row->number = number;
	row->ncells = 0;
	buf_reset(&row->text);
}

int
sheet_row_set(struct sheet_row *row, size_t col, enum cell_kind kind,
    const char *s, size_t n)
{
	size_t at = row->text.len;

	if (col >= row->cap) {
		size_t cap = row->cap ? row->cap : 16;
		struct cell *c;

		while (cap <= col)
			cap *= 2;
		if ((c = realloc(row->cells, cap * sizeof(*c))) == NULL)
			return -1;
		row->cells = c;
		row->cap = cap;
	}
	for (; row->ncells <= col; row->ncells++)
		row->cells[row->ncells] = (struct cell){ CELL_EMPTY, 0, 0 };
	/* the text and its NUL with one look at the room: this runs for every cell */
	if (buf_reserve(&row->text, n + 1) != 0)
		return -1;
	if (n > 0)
		memcpy(row->text.data + at, s, n);
	row->text.data[at + n] = '\0';
	row->text.len = at + n + 1;
	row->text.data[row->text.len] = '\0';
	row->cells[col].kind = kind;
	row->cells[col].at = at;
	row->cells[col].covered = 0;
	return 0;
}

const char *
sheet_row_text(const struct sheet_row *row, size_t col)
{
	if (col >= row->ncells || row->cells[col].kind == CELL_EMPTY)
		return "";
	return row->text.data + row->cells[col].at;
}

void
sheet_row_free(struct sheet_row *row)
{
	free(row->cells);
	buf_free(&row->text);
	memset(row, 0, sizeof(*row));
}

void
cell_name(size_t col, long row, char out[24])
{
	char letters[8];
	size_t n = 0, k = 0;

	col++;
	while (col > 0 && n < sizeof(letters)) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	while (n > 0)
		out[k++] = letters[--n];
	snprintf(out + k, 24 - k, "%ld", row);
}

int
workbook_serial_date(double serial, int date1904, char out[11])
{
	long day;

	/* 2958465 is 9999-12-31 */
	if (!(serial >= 1) || serial >= 2958466)
		return -1;
	day = (long)floor(serial);
	if (date1904)
		day -= 24107;		/* 1904-01-01 is day 0 */
	else if (day == 60)
		return -1;		/* 1900-02-29, which Excel believes in */
	else
		day -= day < 60 ? 25568 : 25569;
	date_from_days(day, out);
	return 0;
}

/*
 * 1 when a number format shows a date: it has a year or day, or months
 * without hours or seconds, outside quoted text, escapes and [...], the
 * word General (LibreOffice names format 0 so: its e is no year) and an
 * exponent (0.00e+00).
 */
int
workbook_format_is_date(const char *code)
{
	int y = 0, d = 0, m = 0, h = 0, s = 0;

	for (const char *p = code; *p != '\0' && *p != ';'; p++) {
		if (strncasecmp(p, "general", 7) == 0) {
			p += 6;
			continue;
		}
		if (*p == 'e' && (p[1] == '+' || p[1] == '-')) {
			p++;
			continue;
		}
		switch (*p) {
		case '"':
			while (p[1] != '\0' && p[1] != '"')
				p++;
			if (p[1] == '"')
				p++;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			while (p[1] != '\0' && p[1] != ']')
				p++;
			break;
		case 'y': case 'Y': case 'e':
			y = 1;
			break;
		case 'd': case 'D':
			d = 1;
			break;
		case 'm': case 'M':
			m = 1;
			break;
		case 'h': case 'H':
			h = 1;
			break;
		case 's': case 'S':
			s = 1;
			break;
		}
	}
	return y || d || (m && !h && !s);
}

/* Built-in formats that show dates, the Chinese ones (27-36, 50-58) included. */
int
workbook_builtin_is_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58);
}

void
workbook_number_text(double x, char out[32])
{
	if (fabs(x) < 1e15 && x == floor(x)) {
		snprintf(out, 32, "%lld", (long long)x);
		return;
	}
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(out, 32, "%.*g", digits, x);
		if (strtod(out, NULL) == x)
			return;
	}
}

enum workbook_magic
workbook_magic(const unsigned char *p, size_t n)
{
	if (n >= 4 && p[0] == 'P' && p[1] == 'K' && p[2] == 3 && p[3] == 4)
		return MAGIC_ZIP;
	if (n >= 4 && p[0] == 0xd0 && p[1] == 0xcf && p[2] == 0x11 && p[3] == 0xe0)
		return MAGIC_OLE;
	return MAGIC_NONE;
}

/* ---- the two back ends behind one face ---- */

struct workbook {
	struct xlsx *xlsx;
	struct xls *xls;
	char *file;
	const char *sheet;
	struct workbook_options options;

	/* merged regions, by first row; those covering the row are active */
	struct merged_region *merges;
	size_t nmerges, next_merge;
	struct active_merge {
		struct merged_region m;
		enum cell_kind kind;
		char *text;
	} *active;
	size_t nactive;

	struct sheet_row row, ahead;
	int row_own_empty, ahead_own_empty, have_ahead;

	/* the header: the name of every column up to the last named one */
	long header_row;
	char **header;
	size_t header_count;
	size_t *named;		/* the column of each named one */
	char **names;		/* the name of each named one (in header) */
	unsigned char *text_only;	/* of each named one: an ID or phone */
	size_t nnamed;

	struct record rec;
	char **values;
};

static int
backend_open(struct workbook *wb, const char *path, enum workbook_magic magic,
    struct error *err)
{
	if (magic == MAGIC_ZIP)
		wb->xlsx = xlsx_open(path, wb->file, err);
	else
		wb->xls = xls_open(path, wb->file, err);
	return wb->xlsx != NULL || wb->xls != NULL ? 0 : -1;
}

static struct sheet_info *
backend_sheets(struct workbook *wb, size_t *n)
{
	return wb->xlsx != NULL ? xlsx_sheets(wb->xlsx, n) : xls_sheets(wb->xls, n);
}

/* Start reading sheet i, its merged regions into wb unless merges is 0. */
static int
backend_select(struct workbook *wb, size_t i, int merges, struct error *err)
{
	if (wb->xlsx != NULL)
		return xlsx_select(wb->xlsx, i, merges ? &wb->merges : NULL,
		    &wb->nmerges, err);
	return xls_select(wb->xls, i, merges ? &wb->merges : NULL, &wb->nmerges,
	    err);
}

static int
backend_next_row(struct workbook *wb, struct sheet_row *row, struct error *err)
{
	return wb->xlsx != NULL ? xlsx_next_row(wb->xlsx, row, err) :
	    xls_next_row(wb->xls, row, err);
}

static void
backend_close(struct workbook *wb)
{
	xlsx_close(wb->xlsx);
	xls_close(wb->xls);
	wb->xlsx = NULL;
	wb->xls = NULL;
}

/* ---- which sheet ---- */

/* "name, name (hidden), ..." of every sheet, for a message. */
static void
sheet_list(struct sheet_info *sheets, size_t n, struct buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, ", ");
		buf_puts(b, sheets[i].name);
		if (sheets[i].hidden)
			buf_puts(b, _(" (hidden)"));
	}
}

/* The index of the sheet that name (a name, else a number from 1) says. */
static int
choose_sheet(struct workbook *wb, size_t *index, struct error *err)
{
	size_t n;
	struct sheet_info *sheets = backend_sheets(wb, &n);
	const char *want = wb->options.sheet;
	long number;
	struct buf list = { 0 };

	if (want == NULL) {
		/* the first visible sheet of cells; a chart sheet before it holds none */
		for (int charts = 0; charts < 2; charts++)
			for (size_t i = 0; i < n; i++)
				if (!sheets[i].hidden && (charts || !sheets[i].chart)) {
					*index = i;
					return 0;
				}
		return error_set(err, EXIT_DATAERR, _("%s: every sheet is hidden; "
		    "name one with --sheet"), wb->file);
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(sheets[i].name, want) == 0) {
			*index = i;
			return 0;
		}
	if (number_parse(want, 1, (long)n, &number) == 0) {
		*index = (size_t)number - 1;
		return 0;
	}
	sheet_list(sheets, n, &list);
	error_set(err, EXIT_USAGE, _("%s: no sheet \"%s\"; the sheets are: %s"),
	    wb->file, want, list.data != NULL ? list.data : "");
	buf_free(&list);
	return -1;
}

/* ---- merged regions ---- */

static int
merge_order(const void *a, const void *b)
{
	const struct merged_region *x = a, *y = b;

	return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

void
workbook_sort_merges(struct merged_region *m, size_t n)
{
	if (n > 1)
		qsort(m, n, sizeof(*m), merge_order);
}

/*
 * Give each merged region covering row the value of its first cell:
 * regions starting on this row take it from here.
 */
static int
fill_merges(struct workbook *wb, struct sheet_row *row)
{
	long r = row->number;
	size_t k = 0;

	for (size_t i = 0; i < wb->nactive; i++)
		if (wb->active[i].m.r2 >= r)
			wb->active[k++] = wb->active[i];
		else
			free(wb->active[i].text);
	wb->nactive = k;
	while (wb->next_merge < wb->nmerges && wb->merges[wb->next_merge].r1 <= r) {
		struct merged_region *m = &wb->merges[wb->next_merge++];
		struct active_merge *a;

		if (m->r2 < r)
			continue;
		if ((a = realloc(wb->active, (wb->nactive + 1) * sizeof(*a))) == NULL)
			return -1;
		wb->active = a;
		a = &wb->active[wb->nactive];
		a->m = *m;
		a->kind = m->r1 == r && m->c1 < row->ncells ?
		    row->cells[m->c1].kind : CELL_EMPTY;
		if ((a->text = strdup(a->kind == CELL_EMPTY ? "" :
		    sheet_row_text(row, m->c1))) == NULL)
			return -1;
		wb->nactive++;
	}
	for (size_t i = 0; i < wb->nactive; i++) {
		struct active_merge *a = &wb->active[i];

		if (a->kind == CELL_EMPTY)
			continue;
		/* a region as wide as the whole sheet fills what the header needs */
		for (size_t c = a->m.c1; c <= a->m.c2 && c < 16384; c++) {
			if (c == a->m.c1 && r == a->m.r1)
				continue;
			if (sheet_row_set(row, c, a->kind, a->text, strlen(a->text)) != 0)
				return -1;
			row->cells[c].covered = c != a->m.c1;
		}
	}
	return 0;
}

/* 1 when cell col of row holds nothing, or white space. */
static int
cell_is_blank(const struct sheet_row *row, size_t col)
{
	const char *s = sheet_row_text(row, col);

	if (col >= row->ncells || row->cells[col].kind == CELL_EMPTY)
		return 1;
	if (row->cells[col].kind != CELL_TEXT)
		return 0;
	return s[strspn(s, " \t\r\n")] == '\0';
}

static int
row_is_empty(const struct sheet_row *row)
{
	for (size_t c = 0; c < row->ncells; c++)
		if (!cell_is_blank(row, c))
			return 0;
	return 1;
}

/* The next row, merged regions filled: 1, 0 at the end, -1 with err set. */
static int
fetch_row(struct workbook *wb, struct sheet_row *row, int *own_empty,
    struct error *err)
{
	int rc = backend_next_row(wb, row, err);

	if (rc != 1)
		return rc;
	*own_empty = row_is_empty(row);
	if (wb->nmerges > 0 && fill_merges(wb, row) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	return 1;
}

/* The next row into wb->row, the one looked ahead at first. */
static int
next_row(struct workbook *wb, struct error *err)
{
	if (wb->have_ahead) {
		struct sheet_row t = wb->row;

		wb->row = wb->ahead;
		wb->ahead = t;
		wb->row_own_empty = wb->ahead_own_empty;
		wb->have_ahead = 0;
		return 1;
	}
	return fetch_row(wb, &wb->row, &wb->row_own_empty, err);
}

/* ---- the header ---- */

/* How many of the known fields the cells of row name. */
static size_t
header_score(const struct workbook *wb, const struct sheet_row *row)
{
	size_t score = 0;
	unsigned char seen[256] = { 0 };

	for (size_t c = 0; c < row->ncells; c++) {
		char name[256];
		int k;

		if (row->cells[c].kind != CELL_TEXT)
			continue;
		snprintf(name, sizeof(name), "%s", sheet_row_text(row, c));
		k = field_lookup(wb->options.entity, wb->options.fields,
		    wb->options.nfields, text_trim(name));
		if (k >= 0 && k < 256 && !seen[k]) {
			seen[k] = 1;
			score++;
		}
	}
	return score;
}

/* 1 when the column called name with field spec k holds ID or phone numbers. */
static int
identifies_person(const char *name, int k, const struct workbook_options *o)
{
	if (k >= 0 && (strcmp(o->fields[k].name, "id_number") == 0 ||
	    strcmp(o->fields[k].name, "phone") == 0))
		return 1;
	return strstr(name, "身份证") != NULL || strstr(name, "电话") != NULL ||
	    strstr(name, "手机") != NULL;
}

/* Take wb->row as the header. */
static int
take_header(struct workbook *wb, struct error *err)
{
	const struct sheet_row *row = &wb->row;
	size_t width = row->ncells;
	char where[24];

	/* the heading's columns up to its last named one */
	while (width > 0) {
		const char *name = sheet_row_text(row, width - 1);

		if (!row->cells[width - 1].covered &&
		    text_trim_span(&name, strlen(name)) > 0)
			break;
		width--;
	}
	if (width > HEADER_MAX_COLUMNS) {
		cell_name(0, row->number, where);
		return error_set(err, EXIT_DATAERR, _("%s:%s!%s: the header has %zu "
		    "columns; at most %d are read"), wb->file, wb->sheet, where,
		    width, HEADER_MAX_COLUMNS);
	}
	wb->header_row = row->number;
	wb->header_count = row->ncells;
	if ((wb->header = calloc(row->ncells + 1, sizeof(char *))) == NULL ||
	    (wb->named = calloc(row->ncells + 1, sizeof(size_t))) == NULL ||
	    (wb->names = calloc(row->ncells + 1, sizeof(char *))) == NULL ||
	    (wb->text_only = calloc(row->ncells + 1, 1)) == NULL ||
	    (wb->values = calloc(row->ncells + 1, sizeof(char *))) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	for (size_t c = 0; c < row->ncells; c++) {
		char *name = strdup(sheet_row_text(row, c));

		if (name == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		wb->header[c] = name;
		memmove(name, text_trim(name), strlen(text_trim(name)) + 1);
		if (row->cells[c].covered)
			*name = '\0';	/* a heading over several columns names the first */
		if (*name == '\0')
			continue;
		for (size_t k = 0; k < wb->nnamed; k++)
			if (strcmp(wb->header[wb->named[k]], name) == 0) {
				cell_name(c, row->number, where);
				return error_set(err, EXIT_DATAERR, _("%s:%s!%s: %s: the "
				    "column appears twice in the header"), wb->file,
				    wb->sheet, where, name);
			}
		wb->text_only[wb->nnamed] = (unsigned char)identifies_person(name,
		    field_lookup(wb->options.entity, wb->options.fields,
		    wb->options.nfields, name),
		    &wb->options);
		wb->names[wb->nnamed] = name;
		wb->named[wb->nnamed++] = c;
	}
	if (wb->nnamed == 0) {
		cell_name(0, row->number, where);
		return error_set(err, EXIT_DATAERR, _("%s:%s!%s: the header row "
		    "names no column"), wb->file, wb->sheet, where);
	}
	return 0;
}

/*
 * Find the header: the row options name, else the first row naming at
 * least two known fields (one, when the command knows one), or the row
 * under it when that names more (a two-row header); with no fields
 * known, the first row that is not empty.
 */
static int
find_header(struct workbook *wb, struct error *err)
{
	long want = wb->options.header_row;
	size_t need = wb->options.nfields == 0 ? 0 : wb->options.nfields < 2 ? 1 : 2;
	int rc;

	while ((rc = next_row(wb, err)) == 1) {
		size_t score;

		if (want > 0) {
			if (wb->row.number < want)
				continue;
			if (wb->row.number > want || row_is_empty(&wb->row))
				break;
			return take_header(wb, err);
		}
		if (wb->row.number > HEADER_SEARCH_ROWS)
			break;
		if (row_is_empty(&wb->row))
			continue;
		if ((score = need > 0 ? header_score(wb, &wb->row) : 1) < (need > 0 ? need : 1))
			continue;
		if ((rc = fetch_row(wb, &wb->ahead, &wb->ahead_own_empty, err)) < 0)
			return -1;
		if (rc == 1 && need > 0 && header_score(wb, &wb->ahead) > score) {
			struct sheet_row t = wb->row;

			wb->row = wb->ahead;
			wb->ahead = t;
		} else
			wb->have_ahead = rc == 1;
		return take_header(wb, err);
	}
	if (rc < 0)
		return -1;
	if (want > 0)
		return error_set(err, EXIT_USAGE, _("%s:%s: row %ld is empty or "
		    "beyond the end of the sheet"), wb->file, wb->sheet, want);
	return error_set(err, EXIT_DATAERR, _("%s:%s: none of the first %d rows "
	    "names the columns this command reads; give the header's row with "
	    "--header-row N"), wb->file, wb->sheet, HEADER_SEARCH_ROWS);
}

/* ---- open, records, close ---- */

struct workbook *
workbook_in_open(const char *path, const char *file, enum workbook_magic magic,
    const struct workbook_options *options, struct error *err)
{
	static const struct workbook_options none = { 0 };
	struct workbook *wb = calloc(1, sizeof(*wb));
	size_t index = 0, n;

	if (wb == NULL || (wb->file = strdup(file)) == NULL) {
		free(wb);
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	wb->options = options != NULL ? *options : none;
	if (backend_open(wb, path, magic, err) != 0 ||
	    choose_sheet(wb, &index, err) != 0)
		goto fail;
	wb->sheet = backend_sheets(wb, &n)[index].name;
	if (backend_select(wb, index, 1, err) != 0)
		goto fail;
	if (find_header(wb, err) != 0)
		goto fail;
	return wb;
fail:
	workbook_in_close(wb);
	return NULL;
}

int
workbook_in_sheets(const char *path, const char *file, enum workbook_magic magic,
    struct sheet_info **info, size_t *n, struct error *err)
{
	struct workbook wb;
	struct sheet_info *sheets, *copy = NULL;
	size_t count = 0;
	int rc = -1;

	memset(&wb, 0, sizeof(wb));
	if ((wb.file = strdup(file)) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if (backend_open(&wb, path, magic, err) != 0)
		goto out;
	sheets = backend_sheets(&wb, &count);
	for (size_t i = 0; i < count; i++) {
		struct sheet_row row = { 0 };
		int got;

		if (backend_select(&wb, i, 0, err) != 0)
			goto out;
		sheets[i].rows = 0;
		while ((got = backend_next_row(&wb, &row, err)) == 1)
			sheets[i].rows += !row_is_empty(&row);
		sheet_row_free(&row);
		if (got < 0)
			goto out;
	}
	if ((copy = calloc(count + 1, sizeof(*copy))) == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		goto out;
	}
	for (size_t i = 0; i < count; i++) {
		copy[i] = sheets[i];
		if ((copy[i].name = strdup(sheets[i].name)) == NULL) {
			workbook_in_sheets_free(copy, i);
			copy = NULL;
			error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
			goto out;
		}
	}
	*info = copy;
	*n = count;
	rc = 0;
out:
	backend_close(&wb);
	free(wb.file);
	return rc;
}

void
workbook_in_sheets_free(struct sheet_info *info, size_t n)
{
	if (info == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(info[i].name);
	free(info);
}

const char *
workbook_in_sheet(const struct workbook *wb, long *header_row)
{
	*header_row = wb->header_row;
	return wb->sheet;
}

/* Why the value of a named column cannot be taken, or NULL. */
static const char *
cell_problem(const struct workbook *wb, size_t k, const struct cell *cell)
{
	switch (cell->kind) {
	case CELL_NO_RESULT:
		return _("a formula saved without its result: open the workbook "
		    "in Excel or WPS, let it calculate and save it again");
	case CELL_ERROR:
		return _("the cell holds an error value");
	case CELL_NUMBER:
		if (wb->text_only[k])
			return _("an ID or phone number stored as a number has lost "
			    "digits: store the column as text and type it again");
		return NULL;
	default:
		return NULL;
	}
}

/* Make wb->rec of wb->row. */
static void
make_record(struct workbook *wb)
{
	struct record *rec = &wb->rec;
	const struct sheet_row *row = &wb->row;
	size_t k = 0;

	memset(rec, 0, sizeof(*rec));
	rec->file = wb->file;
	rec->line = row->number;
	rec->sheet = wb->sheet;
	rec->header_line = wb->header_row;
	rec->cells = wb->named;
	for (size_t c = 0; c < row->ncells; c++) {
		const struct cell *cell = &row->cells[c];
		const char *problem;

		if (k < wb->nnamed && wb->named[k] == c) {
			wb->values[k] = (char *)sheet_row_text(row, c);
			if (rec->problem == NULL &&
			    (problem = cell_problem(wb, k, cell)) != NULL) {
				rec->problem = problem;
				rec->problem_field = wb->header[c];
				rec->problem_cell = c + 1;
			}
			k++;
		} else if (rec->problem == NULL && !cell_is_blank(row, c) &&
		    !cell->covered) {
			rec->problem = c < wb->header_count ?
			    _("a value in a column that has no name in the header") :
			    _("a value beyond the last column of the header");
			rec->problem_cell = c + 1;
		}
	}
	for (; k < wb->nnamed; k++)
		wb->values[k] = (char *)"";
	/* a bad record keeps its values, for the rejects file */
	rec->count = wb->nnamed;
	rec->names = wb->names;
	rec->values = wb->values;
	rec->columns = wb->names;
	rec->ncolumns = wb->nnamed;
	rec->shared_names = 1;
}

int
workbook_in_next(struct workbook *wb, struct record **out, struct error *err)
{
	int rc;

	while ((rc = next_row(wb, err)) == 1) {
		if (wb->row_own_empty)
			continue;
		make_record(wb);
		*out = &wb->rec;
		return 1;
	}
	return rc;
}

const struct record *
workbook_in_header_record(struct workbook *wb)
{
	struct record *rec = &wb->rec;

	memset(rec, 0, sizeof(*rec));
	for (size_t k = 0; k < wb->nnamed; k++)
		wb->values[k] = NULL;
	rec->file = wb->file;
	rec->line = rec->header_line = wb->header_row;
	rec->sheet = wb->sheet;
	rec->cells = wb->named;
	rec->count = rec->ncolumns = wb->nnamed;
	rec->names = rec->columns = wb->names;
	rec->values = wb->values;
	rec->shared_names = 1;
	return rec;
}

char **
workbook_in_header(const struct workbook *wb, size_t *count)
{
	*count = wb->header_count;
	return wb->header;
}

void
workbook_in_progress(const struct workbook *wb, long long *done, long long *total)
{
	if (wb->xlsx != NULL)
		xlsx_progress(wb->xlsx, done, total);
	else
		xls_progress(wb->xls, done, total);
}

void
workbook_in_close(struct workbook *wb)
{
	if (wb == NULL)
		return;
	backend_close(wb);
	for (size_t i = 0; i < wb->nactive; i++)
		free(wb->active[i].text);
	free(wb->active);
	free(wb->merges);
	sheet_row_free(&wb->row);
	sheet_row_free(&wb->ahead);
	for (size_t c = 0; wb->header != NULL && c < wb->header_count; c++)
		free(wb->header[c]);
	free(wb->header);
	free(wb->names);
	free(wb->named);
	free(wb->text_only);
	free(wb->values);
	free(wb->file);
	free(wb);
}
