/* output.c -- records out: csv, jsonl, json, or an aligned table */
#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "output.h"
#include "store.h"
#include "text.h"
#include "vocab.h"
#include "xlsx_out.h"

struct writer {
	FILE *fp;
	struct xlsx_out *xlsx;	/* FORMAT_XLSX: lib/xlsx_out.c writes it */
	enum output_format format;
	const struct column *columns;
	size_t ncolumns;
	unsigned flags;
	long rows;
	const unsigned char *marks;	/* the row's (writer_row_marked()), or NULL */
	int failed;
	int started;		/* what comes before the rows is written (writer_start()) */
	int reader_gone;	/* EPIPE: the reader closed the pipe */
	/*
	 * HTML with a heading (output_heading()): the page goes to page,
	 * and fp is a temporary file holding the table until its rows are
	 * counted, for the heading to give the count before them
	 */
	FILE *page;
	const struct output_heading *heading;
	long counted;		/* what the heading counts (writer_count()) */
	int count_given;
	/* table: every cell kept until the end */
	char **cells;
	size_t ncells, cells_cap;
	size_t fit_width, fit_keys;	/* writer_fit() */
};

/* a writer saw EPIPE: the end of standard output is no error */
static int reader_gone;

/* the title of workbook sheets (output_title()) */
static const char *default_title;

/* the heading of HTML pages (output_heading()) */
static const struct output_heading *page_heading;

void
output_title(const char *title)
{
	default_title = title;
}

void
output_heading(const struct output_heading *heading)
{
	page_heading = heading;
}

const struct output_heading *
output_heading_given(void)
{
	return page_heading;
}

void
writer_count(struct writer *w, long n)
{
	w->counted = n;
	w->count_given = 1;
	if (w->xlsx != NULL)
		xlsx_out_count(w->xlsx, n);
}

int
output_reader_gone(void)
{
	return reader_gone;
}

int
output_pipe_closed(FILE *fp)
{
	struct pollfd p = { fileno(fp), POLLOUT, 0 };

	/*
	 * errno says EPIPE only right after the write that met it, and a
	 * buffered write can fail long before ferror() is looked at: ask the
	 * descriptor instead.  A pipe or socket with no reader left polls as
	 * an error.
	 */
	return p.fd >= 0 && poll(&p, 1, 0) == 1 && (p.revents & POLLERR) != 0;
}

int
output_format_parse(const char *name, enum output_format *out)
{
	static const struct {
		const char *name;
		enum output_format format;
	} names[] = {
		{ "table", FORMAT_TABLE }, { "csv", FORMAT_CSV },
		{ "json", FORMAT_JSON }, { "jsonl", FORMAT_JSONL },
		{ "ndjson", FORMAT_JSONL }, { "markdown", FORMAT_MARKDOWN },
		{ "md", FORMAT_MARKDOWN }, { "html", FORMAT_HTML },
		{ "xlsx", FORMAT_XLSX },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].format;
			return 0;
		}
	return -1;
}

static int
looks_numeric(const char *s)
{
	char *end;
	int saved = errno, numeric;

	if (*s == '\0')
		return 0;
	errno = 0;
	(void)strtod(s, &end);
	numeric = *end == '\0' && errno == 0 && !isspace((unsigned char)*s);
	errno = saved;	/* a write error before must still say what it was */
	return numeric;
}

void
csv_write_field(FILE *fp, const char *s, int guard)
{
	int quote;

	if (s == NULL)
		s = "";
	quote = strpbrk(s, ",\"\r\n") != NULL || *s == ' ' ||
	    (*s != '\0' && s[strlen(s) - 1] == ' ');
	if (quote)
		putc('"', fp);
	if (guard)
		putc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	if (quote)
		putc('"', fp);
}

static void
csv_cell(struct writer *w, const char *s, enum column_type type)
{
	if (s == NULL)
		return;
	csv_write_field(w->fp, s, (w->flags & OUTPUT_EXCEL) && *s != '\0' &&
	    strchr("=+-@\t\r", *s) != NULL &&
	    !((type == COLUMN_INTEGER || type == COLUMN_NUMBER) && looks_numeric(s)));
}

/* A CSV line of values, or of the columns' headings when values is NULL. */
static void
csv_line(struct writer *w, const char *const *values)
{
	for (size_t i = 0; i < w->ncolumns; i++) {
		if (i > 0)
			putc(',', w->fp);
		if (values == NULL)
			csv_cell(w, column_heading(&w->columns[i], w->flags),
			    COLUMN_TEXT);
		else
			csv_cell(w, values[i], w->columns[i].type);
	}
	fputs(w->flags & OUTPUT_EXCEL ? "\r\n" : "\n", w->fp);
}

void
json_write_string(FILE *fp, const char *s)
{
	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	putc('"', fp);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (c < 0x20)
				fprintf(fp, "\\u%04x", c);
			else
				putc(c, fp);
		}
	}
	putc('"', fp);
}

static void
json_object_out(struct writer *w, const char *const *values)
{
	putc('{', w->fp);
	for (size_t i = 0; i < w->ncolumns; i++) {
		const char *v = values[i];

		if (i > 0)
			putc(',', w->fp);
		json_write_string(w->fp, w->columns[i].name);
		putc(':', w->fp);
		if (v == NULL)
			fputs("null", w->fp);
		else if ((w->columns[i].type == COLUMN_INTEGER ||
		    w->columns[i].type == COLUMN_NUMBER) && looks_numeric(v) &&
		    strcasecmp(v, "nan") != 0 && strncasecmp(v, "inf", 3) != 0)
			fputs(v, w->fp);
		else if (w->columns[i].type == COLUMN_BOOLEAN)
			fputs(strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ?
			    "true" : "false", w->fp);
		else
			json_write_string(w->fp, v);
	}
	putc('}', w->fp);
}

void
html_write_span(FILE *fp, const char *s, size_t len)
{
	for (size_t i = 0; i < len && s[i] != '\0'; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		case '\t': case '\n': putc(c, fp); break;
		case '\r': putc(' ', fp); break;
		default:
			if (c == 0xc2 && i + 1 < len &&
			    (unsigned char)s[i + 1] >= 0x80 &&
			    (unsigned char)s[i + 1] <= 0x9f)
				i++;		/* a C1 control character */
			else if (c >= 0x20 && c != 0x7f)
				putc(c, fp);
		}
	}
}

void
html_write_text(FILE *fp, const char *s)
{
	if (s != NULL)
		html_write_span(fp, s, strlen(s));
}

/* The start of an HTML page titled title, up to its <body>. */
static void
html_prologue(FILE *fp, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"", fp);
	fputs(locale_is_chinese() ? "zh-CN" : "en", fp);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n<title>", fp);
	html_write_text(fp, title);
	fputs("</title>\n"
	    "<style>@page { size: A4; margin: 15mm } body { font-family: "
	    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Micro "
	    "Hei\", sans-serif; font-size: 10pt } h1 { font-size: 16pt; "
	    "text-align: center } p.heading { margin: 2px 0 } table { "
	    "border-collapse: collapse } th, td { border: 1px solid #999; "
	    "padding: 2px 4px } th { background: #eee } td.n { text-align: "
	    "right }</style>\n</head>\n<body>\n", fp);
}

/*
 * An HTML page holding one table: self-contained (inline style, no
 * script, nothing fetched), printable on A4.
 */
static void
html_row(struct writer *w, const char *const *values, int header)
{
	if (header) {
		/* with a heading, the page begins when the rows are counted */
		if (w->page == NULL && !(w->flags & OUTPUT_PART))
			html_prologue(w->fp, "renke");
		fputs("<table>\n<thead><tr>", w->fp);
		for (size_t i = 0; i < w->ncolumns; i++) {
			fputs("<th>", w->fp);
			html_write_text(w->fp, column_heading(&w->columns[i], w->flags));
			fputs("</th>", w->fp);
		}
		fputs("</tr></thead>\n<tbody>\n", w->fp);
		return;
	}
	fputs("<tr>", w->fp);
	for (size_t i = 0; i < w->ncolumns; i++) {
		fputs(w->columns[i].type == COLUMN_INTEGER ||
		    w->columns[i].type == COLUMN_NUMBER ? "<td class=\"n\">" : "<td>",
		    w->fp);
		html_write_text(w->fp, values[i]);
		fputs("</td>", w->fp);
	}
	fputs("</tr>\n", w->fp);
}

/*
 * The end of an HTML page with a heading: its start and the heading
 * with its count on the page, then the table held in w->fp, which is
 * closed; w->fp is the page from then on.  0, or -1 with err set when
 * the table cannot be read back.
 */
static int
html_page_out(struct writer *w, struct error *err)
{
	FILE *table = w->fp;
	char chunk[8192];
	size_t got;
	int failed;

	output_html_heading(w->page, w->heading,
	    w->count_given ? w->counted : w->rows);
	fputs("</tbody></table>\n</body>\n</html>\n", table);
	rewind(table);
	while ((got = fread(chunk, 1, sizeof(chunk), table)) > 0)
		fwrite(chunk, 1, got, w->page);
	failed = ferror(table);
	fclose(table);
	w->fp = w->page;
	w->page = NULL;
	if (failed)
		return error_set(err, EXIT_IOERR, _("temporary file: %s"),
		    strerror(EIO));
	return 0;
}

void
output_html_heading(FILE *fp, const struct output_heading *h, long n)
{
	html_prologue(fp, h->title);
	fputs("<h1>", fp);
	html_write_text(fp, h->title);
	fputs("</h1>\n", fp);
	for (size_t i = 0; i < h->nlines; i++) {
		fputs("<p class=\"heading\">", fp);
		html_write_text(fp, h->lines[i]);
		fputs("</p>\n", fp);
	}
	if (h->count_one != NULL) {
		fputs("<p class=\"heading\">", fp);
		fprintf(fp, dngettext("renke", h->count_one, h->count_many,
		    (unsigned long)n), n);
		fputs("</p>\n", fp);
	}
}

void
output_html_start(FILE *fp, const char *title)
{
	html_prologue(fp, title);
}

/*
 * A Markdown (GFM) table cell: | escaped, newlines as <br>, & < and > as
 * entities (a renderer would take "<script>" as HTML), other control
 * characters as "?".
 */
static void
markdown_cell(FILE *fp, const char *s)
{
	for (; s != NULL && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '|')
			fputs("\\|", fp);
		else if (c == '\n')
			fputs("<br>", fp);
		else if (c == '<')
			fputs("&lt;", fp);
		else if (c == '>')
			fputs("&gt;", fp);
		else if (c == '&')
			fputs("&amp;", fp);
		else if (c == '\r')
			continue;
		else if (c < 0x20 || c == 0x7f)
			putc('?', fp);
		else
			putc(c, fp);
	}
}

static void
markdown_row(struct writer *w, const char *const *values, int header)
{
	if (header) {
		for (size_t i = 0; i < w->ncolumns; i++) {
			fputs("| ", w->fp);
			markdown_cell(w->fp, column_heading(&w->columns[i], w->flags));
			putc(' ', w->fp);
		}
		fputs("|\n", w->fp);
		for (size_t i = 0; i < w->ncolumns; i++)
			fputs(w->columns[i].type == COLUMN_INTEGER ||
			    w->columns[i].type == COLUMN_NUMBER ? "| ---: " : "| --- ",
			    w->fp);
		fputs("|\n", w->fp);
		return;
	}
	for (size_t i = 0; i < w->ncolumns; i++) {
		fputs("| ", w->fp);
		markdown_cell(w->fp, values[i]);
		putc(' ', w->fp);
	}
	fputs("|\n", w->fp);
}

int
output_for_people(enum output_format format, unsigned flags)
{
	return format == FORMAT_TABLE || format == FORMAT_MARKDOWN ||
	    format == FORMAT_HTML || format == FORMAT_XLSX ||
	    (format == FORMAT_CSV && (flags & OUTPUT_EXCEL));
}

const char *
column_heading(const struct column *c, unsigned flags)
{
	return (flags & OUTPUT_LABELS) && c->label != NULL ? _(c->label) : c->name;
}

/* A new writer of columns to fp in format, nothing written yet; NULL with err set. */
static struct writer *
writer_new(FILE *fp, enum output_format format, const struct column *columns,
    size_t ncolumns, unsigned flags, struct error *err)
{
	struct writer *w = calloc(1, sizeof(*w));

	if (w == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	w->fp = fp;
	w->format = format;
	w->columns = columns;
	w->ncolumns = ncolumns;
	w->flags = flags;
	return w;
}

struct writer *
writer_open(FILE *fp, enum output_format format, const struct column *columns,
    size_t ncolumns, unsigned flags, struct error *err)
{
	struct writer *w = writer_new(fp, format, columns, ncolumns, flags, err);

	if (w == NULL)
		return NULL;
	if (format == FORMAT_XLSX && (w->xlsx = xlsx_out_open_headed(fp, columns,
	    ncolumns, flags, default_title != NULL ? default_title : "renke",
	    page_heading, err)) == NULL) {
		free(w);
		return NULL;
	}
	if (format == FORMAT_HTML && page_heading != NULL &&
	    !(flags & OUTPUT_PART)) {
		/* the table waits for its count, which the heading gives first */
		w->heading = page_heading;
		w->page = fp;
		if ((w->fp = tmpfile()) == NULL) {
			error_set(err, EXIT_IOERR, _("temporary file: %s"),
			    strerror(errno));
			free(w);
			return NULL;
		}
	}
	return w;
}

/*
 * What comes before the rows (a CSV BOM and header, a Markdown header,
 * an HTML page's start and the table's head), written with the first
 * row or at a close that finishes, never before: a command that fails
 * before its first row leaves its output empty.
 */
static void
writer_start(struct writer *w)
{
	if (w->started)
		return;
	w->started = 1;
	if (w->format == FORMAT_MARKDOWN && !(w->flags & OUTPUT_NO_HEADER))
		markdown_row(w, NULL, 1);
	if (w->format == FORMAT_HTML)
		html_row(w, NULL, 1);
	if (w->format == FORMAT_CSV) {
		if (w->flags & (OUTPUT_BOM | OUTPUT_EXCEL))
			fputs("\xef\xbb\xbf", w->fp);
		if (!(w->flags & OUTPUT_NO_HEADER))
			csv_line(w, NULL);
	}
}

struct writer *
writer_open_sheet(struct xlsx_book *book, const char *name, const char *title,
    const struct output_heading *heading,
    const struct column *columns, size_t ncolumns, unsigned flags,
    struct error *err)
{
	struct writer *w = writer_new(NULL, FORMAT_XLSX, columns, ncolumns, flags,
	    err);

	if (w == NULL)
		return NULL;
	if ((w->xlsx = xlsx_book_sheet_headed(book, name, title, heading,
	    columns, ncolumns, flags, err)) == NULL) {
		free(w);
		return NULL;
	}
	return w;
}

struct xlsx_out *
writer_sheet(const struct writer *w)
{
	return w->xlsx;
}

int
writer_row_marked(struct writer *w, const char *const *values,
    const unsigned char *marks, struct error *err)
{
	int rc;

	w->marks = marks;
	rc = writer_row(w, values, err);
	w->marks = NULL;
	return rc;
}

int
writer_note(struct writer *w, const char *const *values,
    const unsigned char *marks, struct error *err)
{
	if (w->format != FORMAT_XLSX)
		return 0;
	return xlsx_out_note(w->xlsx, values, marks, err);
}

static int
keep_cell(struct writer *w, const char *v)
{
	char *copy = NULL;

	if (w->ncells == w->cells_cap) {
		size_t cap = w->cells_cap ? w->cells_cap * 2 : 256;
		char **c = realloc(w->cells, cap * sizeof(*c));

		if (c == NULL)
			return -1;
		w->cells = c;
		w->cells_cap = cap;
	}
	if (v != NULL) {
		if ((copy = strdup(v)) == NULL)
			return -1;
		/*
		 * A table cell stays on one line, and no text reaches the
		 * terminal as a command: other C0 and C1 control characters
		 * (ESC, CSI U+009B, ...) are shown as "?".
		 */
		for (unsigned char *p = (unsigned char *)copy; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
			else if (*p < 0x20 || *p == 0x7f)
				*p = '?';
			else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
				p[0] = '?';
				p[1] = '?';
			}
	}
	w->cells[w->ncells++] = copy;
	return 0;
}

int
writer_row(struct writer *w, const char *const *values, struct error *err)
{
	const char *labelled[64];

	if ((w->flags & OUTPUT_LABELS) && w->ncolumns <= 64) {
		int any = 0;

		for (size_t i = 0; i < w->ncolumns; i++) {
			labelled[i] = values[i];
			if (w->columns[i].domain != NULL && values[i] != NULL) {
				labelled[i] = vocab_label(w->columns[i].domain, values[i]);
				any = 1;
			}
		}
		if (any)
			values = labelled;
	}
	/* a row that fails to be written leaves its own errno, not an older one */
	errno = 0;
	writer_start(w);
	switch (w->format) {
	case FORMAT_CSV:
		csv_line(w, values);
		break;
	case FORMAT_JSON:
		fputs(w->rows == 0 ? "[\n" : ",\n", w->fp);
		json_object_out(w, values);
		break;
	case FORMAT_JSONL:
		json_object_out(w, values);
		putc('\n', w->fp);
		break;
	case FORMAT_MARKDOWN:
		markdown_row(w, values, 0);
		break;
	case FORMAT_HTML:
		html_row(w, values, 0);
		break;
	case FORMAT_XLSX:
		if ((w->marks != NULL ? xlsx_out_row_marked(w->xlsx, values,
		    w->marks, err) : xlsx_out_row(w->xlsx, values, err)) != 0)
			return -1;
		break;
	case FORMAT_TABLE:
		for (size_t i = 0; i < w->ncolumns; i++)
			if (keep_cell(w, values[i]) != 0)
				return error_set(err, EXIT_SOFTWARE, "%s",
				    strerror(ENOMEM));
		break;
	}
	w->rows++;
	/* a sheet of a book writes to its book, which fp-less w leaves alone */
	if (w->fp != NULL && ferror(w->fp)) {
		w->failed = 1;
		/* the reader went away (| head): not an error, just the end */
		if (errno == EPIPE || output_pipe_closed(w->fp)) {
			w->reader_gone = reader_gone = 1;
			return error_set(err, EXIT_OK, "%s", "");
		}
		return error_set(err, EXIT_IOERR, _("write error: %s"),
		    strerror(errno));
	}
	return 0;
}

int
writer_store_row(struct writer *w, struct store *s, const char *sql,
    long long id, const char *const *domains, int labels, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	const char **v;
	int rc;

	if (st == NULL)
		return -1;
	if ((v = calloc(w->ncolumns + 1, sizeof(*v))) == NULL) {
		sqlite3_finalize(st);
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	}
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (size_t k = 0; k < w->ncolumns; k++) {
			v[k] = (const char *)sqlite3_column_text(st, (int)k);
			if (labels && domains != NULL && domains[k] != NULL)
				v[k] = vocab_label(domains[k], v[k]);
		}
		rc = writer_row(w, v, err) == 0 ? SQLITE_DONE : -1;
	}
	sqlite3_finalize(st);
	free(v);
	if (rc == -1)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

int
writer_labels(const struct writer *w)
{
	return (w->flags & OUTPUT_LABELS) != 0;
}

long
writer_rows(const struct writer *w)
{
	return w->rows;
}

void
writer_fit(struct writer *w, size_t width, size_t keys)
{
	w->fit_width = width;
	w->fit_keys = keys < w->ncolumns ? keys : 0;
}

/* What a table line ends with: no trailing blanks, a newline. */
static void
table_put(struct writer *w, struct buf *line)
{
	while (line->len > 0 && line->data[line->len - 1] == ' ')
		line->data[--line->len] = '\0';
	fputs(line->data != NULL ? line->data : "", w->fp);
	putc('\n', w->fp);
	buf_reset(line);
}

/* v after what line holds, padded to width, on the right for a number. */
static void
table_cell(struct buf *line, const char *v, size_t width, int right)
{
	size_t pad = width - text_width(v);

	for (size_t k = 0; right && k < pad; k++)
		buf_puts(line, " ");
	buf_puts(line, v);
	for (size_t k = 0; !right && k < pad; k++)
		buf_puts(line, " ");
}

static int
column_is_number(const struct writer *w, size_t i)
{
	return w->columns[i].type == COLUMN_INTEGER ||
	    w->columns[i].type == COLUMN_NUMBER;
}

/*
 * One table line of the columns cols[0..ncols) of cells (a row, or the
 * headings), each padded to its width.  dashes: the rule under the
 * headings instead.
 */
static void
table_line(struct writer *w, const char *const *cells, const size_t *cols,
    size_t ncols, const size_t *width, int dashes, struct buf *line)
{
	for (size_t c = 0; c < ncols; c++) {
		size_t i = cols[c];

		if (c > 0)
			buf_puts(line, "  ");
		if (dashes)
			for (size_t k = 0; k < width[i]; k++)
				buf_puts(line, "-");
		else
			table_cell(line, cells[i] != NULL ? cells[i] : "", width[i],
			    column_is_number(w, i));
	}
	table_put(w, line);
}

/* The headings, their rule and every row, in the columns cols[0..ncols). */
static void
table_block(struct writer *w, const char *const *labels, const size_t *cols,
    size_t ncols, const size_t *width, struct buf *line)
{
	if (!(w->flags & OUTPUT_NO_HEADER)) {
		table_line(w, labels, cols, ncols, width, 0, line);
		table_line(w, NULL, cols, ncols, width, 1, line);
	}
	for (size_t k = 0; k + w->ncolumns <= w->ncells; k += w->ncolumns)
		table_line(w, (const char *const *)&w->cells[k], cols, ncols,
		    width, 0, line);
}

/*
 * A table too wide for w->fit_width, one record after another: a line
 * naming it (its key columns), then a line for each other column, its
 * heading and its value, the values aligned.  A heading too long for
 * that goes on a line of its own, its value on the next.
 */
static void
table_records(struct writer *w, const char *const *labels, struct buf *line)
{
	size_t n = w->ncolumns, keys = w->fit_keys, hw = 0, vw = 0;

	for (size_t k = 0; k < w->ncells; k++)
		if (k % n >= keys && w->cells[k] != NULL &&
		    text_width(w->cells[k]) > vw)
			vw = text_width(w->cells[k]);
	/* the headings that fit beside the widest value set the alignment */
	for (size_t i = keys; i < n; i++) {
		size_t h = text_width(labels[i]);

		if (h > hw && 2 + h + 2 + vw <= w->fit_width)
			hw = h;
	}
	for (size_t k = 0; k + n <= w->ncells; k += n) {
		const char *const *row = (const char *const *)&w->cells[k];

		if (k > 0)
			table_put(w, line);
		for (size_t i = 0; i < keys; i++) {
			if (i > 0)
				buf_puts(line, " ");
			buf_puts(line, row[i] != NULL ? row[i] : "");
		}
		table_put(w, line);
		for (size_t i = keys; i < n; i++) {
			buf_puts(line, "  ");
			if (text_width(labels[i]) > hw) {
				buf_puts(line, labels[i]);
				table_put(w, line);
				buf_puts(line, "  ");
			}
			table_cell(line, text_width(labels[i]) > hw ? "" : labels[i],
			    hw, 0);
			buf_puts(line, "  ");
			table_cell(line, row[i] != NULL ? row[i] : "", vw,
			    column_is_number(w, i));
			table_put(w, line);
		}
	}
}

/* The columns the keys take, with the blanks between them. */
static size_t
table_keys_width(const struct writer *w, const size_t *width)
{
	size_t used = 0;

	for (size_t i = 0; i < w->fit_keys; i++)
		used += (i > 0 ? 2 : 0) + width[i];
	return used;
}

/*
 * The table laid out for w->fit_width columns: as one block when it
 * fits; else in blocks of as many columns as fit, each with the key
 * columns again in front, as wide data is printed on pages; else, when
 * some column does not fit beside the keys, record by record.
 */
static void
table_fit(struct writer *w, const char *const *labels, const size_t *width,
    size_t *cols, struct buf *line)
{
	size_t n = w->ncolumns, keys = w->fit_keys, total = 0, next = keys;
	size_t keys_width = table_keys_width(w, width);

	for (size_t i = 0; i < n; i++) {
		total += (i > 0 ? 2 : 0) + width[i];
		cols[i] = i;
	}
	if (w->fit_width == 0 || total <= w->fit_width) {
		table_block(w, labels, cols, n, width, line);
		return;
	}
	for (size_t i = keys; i < n; i++)
		if (keys_width + (keys > 0 ? 2 : 0) + width[i] > w->fit_width) {
			table_records(w, labels, line);
			return;
		}
	while (next < n) {
		size_t ncols = keys, used = keys_width;

		while (next < n &&
		    used + (ncols > 0 ? 2 : 0) + width[next] <= w->fit_width) {
			used += (ncols > 0 ? 2 : 0) + width[next];
			cols[ncols++] = next++;
		}
		table_block(w, labels, cols, ncols, width, line);
		if (next < n)
			table_put(w, line);
	}
}

static void
table_print(struct writer *w)
{
	size_t n = w->ncolumns, *width = calloc(n ? n : 1, sizeof(size_t));
	size_t *cols = calloc(n ? n : 1, sizeof(size_t));
	const char **labels = calloc(n ? n : 1, sizeof(char *));
	int header = !(w->flags & OUTPUT_NO_HEADER);
	struct buf line = { 0 };

	if (width == NULL || cols == NULL || labels == NULL || w->rows == 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		labels[i] = column_heading(&w->columns[i], w->flags);
		width[i] = header ? text_width(labels[i]) : 0;
	}
	for (size_t k = 0; k < w->ncells; k++)
		if (w->cells[k] != NULL && text_width(w->cells[k]) > width[k % n])
			width[k % n] = text_width(w->cells[k]);
	table_fit(w, labels, width, cols, &line);
out:
	buf_free(&line);
	free(labels);
	free(cols);
	free(width);
}

/* Free w and the cells it kept. */
static void
writer_free(struct writer *w)
{
	for (size_t k = 0; k < w->ncells; k++)
		free(w->cells[k]);
	free(w->cells);
	free(w);
}

int
writer_close(struct writer *w, struct error *err)
{
	int rc = 0;

	if (w == NULL)
		return 0;
	if (err == NULL) {
		/* given up: nothing more is written, not even an empty page */
		if (w->page != NULL)
			fclose(w->fp);
		xlsx_out_close(w->xlsx, NULL);
		writer_free(w);
		return 0;
	}
	writer_start(w);
	errno = 0;
	if (w->format == FORMAT_JSON)
		fputs(w->rows == 0 ? "[]\n" : "\n]\n", w->fp);
	else if (w->format == FORMAT_HTML && w->page != NULL)
		rc = html_page_out(w, err);
	else if (w->format == FORMAT_HTML && (w->flags & OUTPUT_PART))
		fputs("</tbody></table>\n", w->fp);
	else if (w->format == FORMAT_HTML)
		fputs("</tbody></table>\n</body>\n</html>\n", w->fp);
	else if (w->format == FORMAT_TABLE)
		table_print(w);
	else if (w->format == FORMAT_XLSX && xlsx_out_close(w->xlsx, err) != 0) {
		free(w);
		return -1;
	}
	if (w->fp != NULL && (fflush(w->fp) != 0 || ferror(w->fp) || w->failed)) {
		if (errno == EPIPE || w->reader_gone || reader_gone ||
		    output_pipe_closed(w->fp)) {
			reader_gone = 1;
			rc = error_set(err, EXIT_OK, "%s", "");
		} else
			rc = error_set(err, EXIT_IOERR, _("write error: %s"),
			    strerror(errno ? errno : EIO));
	}
	writer_free(w);
	return rc;
}
