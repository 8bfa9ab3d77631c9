/* xlsx_stream.c -- a workbook of one plain sheet written by renke itself: rows deflated as they come, constant memory */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "tempfiles.h"
#include "text.h"
#include "worker.h"
#include "xlsx_xml.h"
#include "xlsx_out_parts.h"
#include "zip_out.h"

/*
 * The sheet's XML is the head (widths and the used range, known only at
 * the end), the rows and the tail.  The rows are deflated as they come
 * into an unnamed temporary file, ended by a sync flush; the head is
 * deflated at the end the same way and the tail finishes the stream, so
 * that the three make one deflate stream in the zip (as pigz joins its
 * pieces), with the CRCs joined by crc32_combine().  A low level: the
 * XML of a sheet repeats itself and packs ten times at level 1 too.
 */
#define LEVEL 1
#define FLUSH_AT 65536		/* bytes of XML deflated at a time */
#define ZIP_ROOM 65536		/* what the parts after the sheet's rows take at most */

/*
 * cell styles, as styles.xml below lists them; then a cell marked done,
 * late, missing or not yet due (enum output_mark) in green, amber, red
 * or light blue, a number and a percentage
 */
enum { STYLE_NONE, STYLE_TITLE, STYLE_HEADER, STYLE_TEXT, STYLE_DATE,
	STYLE_TIME, STYLE_PERCENT, STYLE_MARKED, STYLE_MARKED_PERCENT =
	STYLE_MARKED + 4 };

struct xlsx_stream {
	FILE *fp;
	const struct column *columns;
	size_t ncolumns;
	unsigned flags;
	char *title;
	/*
	 * the heading (output.h) whose lines come under the title, then its
	 * count, each in a row of its own: header is the header row's index
	 * (0-based), XLSX_HEADER_ROW without a heading
	 */
	const struct output_heading *heading;
	size_t nlines;		/* of heading, as they were at the start */
	long header, counted;
	int count_given;
	char name[XLSX_MAX_NAME * 4 + 1];	/* the sheet's */
	char (*letters)[4];	/* each column's, "A" to "XFD" */
	size_t *width;		/* of each column, in display columns */
	unsigned char *as_text;	/* ID and phone columns: text, never numbers */
	long rows;		/* records written */
	long notes;		/* rows written after them (xlsx_stream_note()) */
	const unsigned char *marks;	/* the row's cells' (enum output_mark), or NULL */
	size_t next;		/* the column after the row's last cell */
	int failed;
	struct buf xml;		/* rows not yet handed to the worker */
	struct buf spare;	/* rows the worker deflates */
	struct worker *worker;	/* NULL: each job runs at once */
	unsigned long job;	/* the last handed over */
	int job_failed;		/* and then job_error says why */
	struct error job_error;
	FILE *packed;		/* the deflated rows */
	char *packed_path;	/* in $TMPDIR, removed even on a signal */
	int packed_slot;
	z_stream z;
	int z_open;
	/* the worker's, read once it is done */
	uLong crc;		/* of the rows' XML */
	unsigned long long size;	/* bytes of the deflated rows */
	unsigned long long raw;	/* bytes of the rows' XML handed over */
};

static int
no_memory(struct error *err)
{
	return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
}

static int
too_big(struct xlsx_stream *s, struct error *err)
{
	s->failed = 1;
	return error_set(err, EXIT_DATAERR, _("the sheet would pass 4 GiB, which "
	    "needs zip64 (WPS cannot open it); write CSV instead"));
}

/* Spreadsheet column letters of column i (0-based) into out. */
static void
column_letters(size_t i, char out[4])
{
	char rev[4];
	size_t n = 0;

	i++;
	while (i > 0 && n < 3) {
		rev[n++] = (char)('A' + (i - 1) % 26);
		i = (i - 1) / 26;
	}
	for (size_t k = 0; k < n; k++)
		out[k] = rev[n - 1 - k];
	out[n] = '\0';
}

/*
 * Excel's serial number of the day iso begins with and the time of day
 * in w (1900 system): days since 1899-12-31, with
 * its 29 February 1900 counted, and the time as a fraction of a day.
 */
static double
excel_serial(const char *iso, const struct xlsx_when *w)
{
	long days = date_to_days(iso) + 25569;

	if (days < 61)	/* before 1900-03-01: no false leap day yet */
		days--;
	return (double)days + (w->hour * 3600 + w->min * 60 + w->sec) / 86400.0;
}

/* Append the start of a cell to b: <c r="A3" s="n" t="...">, or <c .../> when close. */
static void
put_cell_start(struct buf *b, const char *letters, const char *rowtext,
    size_t rowlen, int style, const char *type, int close)
{
	if (letters == NULL)
		XML_PUT(b, "<c");
	else {
		XML_PUT(b, "<c r=\"");
		xml_put(b, letters, strlen(letters));
		xml_put(b, rowtext, rowlen);
		b->data[b->len++] = '"';
	}
	if (style != STYLE_NONE) {
		XML_PUT(b, " s=\"");
		xml_put_unsigned(b, (unsigned long long)style);
		b->data[b->len++] = '"';
	}
	if (type != NULL) {
		XML_PUT(b, " t=\"");
		xml_put(b, type, strlen(type));
		b->data[b->len++] = '"';
	}
	if (close)
		XML_PUT(b, "/>");
	else
		b->data[b->len++] = '>';
}

/* Append a string cell of the n bytes of v (reserved: 7n + 128) to b. */
static void
put_string_cell(struct buf *b, const char *letters, const char *rowtext,
    size_t rowlen, int style, const char *v, size_t n)
{
	static const char space[] = " \t\n\r";
	int keep = n > 0 && (strchr(space, v[0]) != NULL ||
	    strchr(space, v[n - 1]) != NULL);

	if (n == 0) {
		put_cell_start(b, letters, rowtext, rowlen, style, NULL, 1);
		return;
	}
	put_cell_start(b, letters, rowtext, rowlen, style, "inlineStr", 0);
	if (keep)
		XML_PUT(b, "<is><t xml:space=\"preserve\">");
	else
		XML_PUT(b, "<is><t>");
	xml_put_text(b, v, n);
	XML_PUT(b, "</t></is></c>");
}

/* ---- deflating the rows ---- */

/*
 * Deflate xml to the temporary file, flushed as zlib's deflate() says,
 * noting its CRC and the bytes written.  The worker's, but for the
 * last.  0, or -1 with err set.
 */
static int
deflate_xml(struct xlsx_stream *s, const struct buf *xml, int flush,
    struct error *err)
{
	unsigned char out[65536];

	if (xml->len > 0)
		s->crc = crc32(s->crc, (const Bytef *)xml->data, (uInt)xml->len);
	s->z.next_in = (Bytef *)xml->data;
	s->z.avail_in = (uInt)xml->len;
	do {
		size_t n;

		s->z.next_out = out;
		s->z.avail_out = sizeof(out);
		if (deflate(&s->z, flush) == Z_STREAM_ERROR)
			return error_set(err, EXIT_SOFTWARE, "zlib: %s",
			    s->z.msg != NULL ? s->z.msg : "deflate");
		n = sizeof(out) - s->z.avail_out;
		if (n > 0 && fwrite(out, 1, n, s->packed) != n)
			return error_set(err, EXIT_IOERR, _("a temporary file for "
			    "the workbook: %s"), strerror(errno ? errno : EIO));
		s->size += n;
	} while (s->z.avail_out == 0 || s->z.avail_in > 0);
	return 0;
}

/* The worker's job: deflate the XML handed over (s->spare). */
static void
deflate_job(void *arg)
{
	struct xlsx_stream *s = arg;

	if (!s->job_failed && deflate_xml(s, &s->spare, Z_NO_FLUSH,
	    &s->job_error) != 0)
		s->job_failed = 1;
}

/* Wait until the worker has deflated what it was handed.  0, or -1 with err set. */
static int
wait_job(struct xlsx_stream *s, struct error *err)
{
	worker_wait(s->worker, s->job);
	if (!s->job_failed)
		return 0;
	s->failed = 1;
	return error_set(err, s->job_error.status, "%s", s->job_error.text);
}

/*
 * Hand the XML held to the worker, which deflates it while the caller
 * makes the next rows (one core each: zlib takes about as long as the
 * rest).  0, or -1 with err set.
 */
static int
flush_rows(struct xlsx_stream *s, struct error *err)
{
	struct buf full = s->xml;

	if (wait_job(s, err) != 0)
		return -1;
	if ((s->raw += s->xml.len) >= zip_out_limit(0))
		return too_big(s, err);
	s->xml = s->spare;
	s->spare = full;
	buf_reset(&s->xml);
	s->job = worker_run(s->worker, deflate_job, s);
	return 0;
}

/* ---- opening and rows ---- */

/*
 * The text of title row r (0-based) of s: its title, a line of its
 * heading, the heading's count (into count).  NULL past the last.
 */
static const char *
title_text(const struct xlsx_stream *s, long r, char *count, size_t size)
{
	const struct output_heading *h = s->heading;
	long n = s->count_given ? s->counted : s->rows;

	if (r == XLSX_TITLE_ROW)
		return h != NULL && h->title != NULL ? h->title : s->title;
	if (h == NULL || r >= s->header)
		return NULL;
	if ((size_t)r <= s->nlines)
		return (size_t)r <= h->nlines ? h->lines[r - 1] : "";
	snprintf(count, size, dngettext("renke", h->count_one, h->count_many,
	    (unsigned long)n), n);
	return count;
}

/* Refuse a title row over a cell's limit.  0, or -1 with err set. */
static int
check_title(struct xlsx_stream *s, struct error *err)
{
	char count[256];
	const char *text;

	for (long r = 0; (text = title_text(s, r, count, sizeof(count))) != NULL; r++)
		if (utf8_length(text) > XLSX_MAX_CELL) {
			s->failed = 1;
			return xlsx_cell_too_long(err, "title", r, utf8_length(text));
		}
	return 0;
}

/*
 * Append the title rows to b: the title, big, then the heading's lines
 * and count, each merged across the sheet (sheet_tail()).  0 or -1.
 */
static int
title_rows(const struct xlsx_stream *s, struct buf *b)
{
	char count[256], rowtext[24];
	const char *text;

	for (long r = 0; (text = title_text(s, r, count, sizeof(count))) != NULL; r++) {
		struct buf row = { rowtext, 0, sizeof(rowtext) };
		size_t n = strlen(text);

		xml_put_unsigned(&row, (unsigned long long)r + 1);
		if (buf_reserve(b, 7 * n + 128 + 32 * s->ncolumns) != 0)
			return -1;
		XML_PUT(b, "<row r=\"");
		xml_put(b, rowtext, row.len);
		if (r == XLSX_TITLE_ROW)
			XML_PUT(b, "\" ht=\"24\" customHeight=\"1\">");
		else
			XML_PUT(b, "\">");
		put_string_cell(b, "A", rowtext, row.len, r == XLSX_TITLE_ROW ?
		    STYLE_TITLE : STYLE_NONE, text, n);
		for (size_t i = 1; r == XLSX_TITLE_ROW && i < s->ncolumns; i++)
			put_cell_start(b, s->letters[i], rowtext, row.len,
			    STYLE_TITLE, NULL, 1);
		XML_PUT(b, "</row>");
		b->data[b->len] = '\0';
	}
	return 0;
}

/* Append the header row to s's XML: the rows, which the title rows come before at the end. */
static int
first_rows(struct xlsx_stream *s, struct error *err)
{
	struct buf *b = &s->xml;
	char rowtext[24];
	struct buf row = { rowtext, 0, sizeof(rowtext) };
	size_t n;

	xml_put_unsigned(&row, (unsigned long long)s->header + 1);
	if (buf_reserve(b, 128 + 32 * s->ncolumns) != 0)
		return no_memory(err);
	XML_PUT(b, "<row r=\"");
	xml_put(b, rowtext, row.len);
	XML_PUT(b, "\">");
	for (size_t i = 0; i < s->ncolumns; i++) {
		const char *heading = column_heading(&s->columns[i], s->flags);

		n = strlen(heading);
		s->as_text[i] = (unsigned char)xlsx_identifies_person(s->columns[i].name);
		s->width[i] = text_width(heading);
		if (buf_reserve(b, 7 * n + 128 + 16) != 0)
			return no_memory(err);
		put_string_cell(b, s->letters[i], rowtext, row.len, STYLE_HEADER,
		    heading, n);
	}
	XML_PUT(b, "</row>");
	b->data[b->len] = '\0';
	return 0;
}

static void
stream_free(struct xlsx_stream *s)
{
	worker_stop(s->worker);
	if (s->z_open)
		deflateEnd(&s->z);
	if (s->packed != NULL)
		fclose(s->packed);
	if (s->packed_path != NULL)
		unlink(s->packed_path);
	tempfiles_forget(s->packed_slot);
	free(s->packed_path);
	buf_free(&s->xml);
	buf_free(&s->spare);
	free(s->title);
	free(s->letters);
	free(s->width);
	free(s->as_text);
	free(s);
}

/* A temporary file in $TMPDIR for the deflated rows.  0 or -1. */
static int
open_packed(struct xlsx_stream *s, struct error *err)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = { 0 };
	int fd;

	buf_puts(&path, dir != NULL && *dir != '\0' ? dir : "/tmp");
	buf_puts(&path, "/renke-out-XXXXXX");
	if (path.data != NULL && (fd = tempfiles_make(path.data, 0,
	    &s->packed_slot)) >= 0) {
		s->packed_path = path.data;
		if ((s->packed = fdopen(fd, "w+b")) == NULL)
			close(fd);
	}
	if (s->packed == NULL) {
		error_set(err, EXIT_CANTCREAT, _("a temporary file for the workbook: %s"),
		    strerror(errno ? errno : ENOMEM));
		if (s->packed_path == NULL)
			buf_free(&path);
		return -1;
	}
	return 0;
}

struct xlsx_stream *
xlsx_stream_open(FILE *fp, const struct column *columns, size_t ncolumns,
    unsigned flags, const char *title, const struct output_heading *heading,
    struct error *err)
{
	struct xlsx_stream *s = calloc(1, sizeof(*s));

	if (s == NULL) {
		no_memory(err);
		return NULL;
	}
	s->packed_slot = -1;
	if ((s->title = strdup(title != NULL ? title : "")) == NULL ||
	    (s->letters = calloc(ncolumns + 1, sizeof(*s->letters))) == NULL ||
	    (s->width = calloc(ncolumns + 1, sizeof(size_t))) == NULL ||
	    (s->as_text = calloc(ncolumns + 1, 1)) == NULL) {
		stream_free(s);
		no_memory(err);
		return NULL;
	}
	s->fp = fp;
	s->columns = columns;
	s->ncolumns = ncolumns;
	s->flags = flags;
	s->heading = heading;
	s->header = XLSX_HEADER_ROW;
	if (heading != NULL) {
		s->nlines = heading->nlines;
		s->header += (long)s->nlines + (heading->count_one != NULL);
	}
	s->crc = crc32(0, NULL, 0);
	for (size_t i = 0; i < ncolumns; i++)
		column_letters(i, s->letters[i]);
	xlsx_sheet_base_name(s->title, s->name, sizeof(s->name));
	if (deflateInit2(&s->z, LEVEL, Z_DEFLATED, -15, 9,
	    Z_DEFAULT_STRATEGY) != Z_OK) {
		stream_free(s);
		no_memory(err);
		return NULL;
	}
	s->z_open = 1;
	s->worker = worker_start();
	if (check_title(s, err) != 0 || open_packed(s, err) != 0 ||
	    first_rows(s, err) != 0) {
		stream_free(s);
		return NULL;
	}
	return s;
}

/* Append cell i of the row (rowtext) holding v to s's XML.  0 or -1. */
static int
add_cell(struct xlsx_stream *s, size_t i, const char *rowtext, size_t rowlen,
    const char *v, struct error *err)
{
	struct buf *b = &s->xml;
	struct xlsx_when when;
	double d = 0;
	enum xlsx_cell kind = xlsx_cell_kind(s->columns[i].type, s->as_text[i],
	    v, &d, &when);
	int mark = s->marks != NULL && s->marks[i] > OUTPUT_MARK_NONE &&
	    s->marks[i] <= OUTPUT_MARK_PENDING ? s->marks[i] : OUTPUT_MARK_NONE;
	int plain = mark ? STYLE_MARKED + mark - 1 : STYLE_NONE;
	const char *ref;
	size_t n;

	if (kind == XLSX_CELL_NONE && !mark)
		return 0;
	/* a cell right after the one before needs no reference */
	ref = i == s->next ? NULL : s->letters[i];
	s->next = i + 1;
	if (kind == XLSX_CELL_NONE) {	/* empty, but coloured */
		if (buf_reserve(b, 64) != 0)
			return no_memory(err);
		put_cell_start(b, ref, rowtext, rowlen, plain, NULL, 1);
		return 0;
	}
	n = strlen(v);
	/* a cell is never wider than its bytes: most need no measuring; a note's are not measured */
	if (s->notes == 0 && n > s->width[i] && s->width[i] < XLSX_MAX_WIDTH) {
		size_t w = text_width(v);

		if (w > s->width[i])
			s->width[i] = w;
	}
	if (buf_reserve(b, 7 * n + 128) != 0)
		return no_memory(err);
	switch (kind) {
	case XLSX_CELL_NUMBER:
	case XLSX_CELL_PERCENT:
		put_cell_start(b, ref, rowtext, rowlen, kind == XLSX_CELL_PERCENT ?
		    (mark ? STYLE_MARKED_PERCENT + mark - 1 : STYLE_PERCENT) : plain,
		    NULL, 0);
		XML_PUT(b, "<v>");
		if (kind == XLSX_CELL_NUMBER)
			xml_put_number_text(b, v, d);
		else
			xml_put_number(b, d);
		XML_PUT(b, "</v></c>");
		break;
	case XLSX_CELL_BOOLEAN:
		put_cell_start(b, ref, rowtext, rowlen, plain, "b", 0);
		XML_PUT(b, "<v>");
		b->data[b->len++] = d != 0 ? '1' : '0';
		XML_PUT(b, "</v></c>");
		break;
	case XLSX_CELL_DATE:
	case XLSX_CELL_TIME:
		put_cell_start(b, ref, rowtext, rowlen,
		    kind == XLSX_CELL_DATE ? STYLE_DATE : STYLE_TIME, NULL, 0);
		XML_PUT(b, "<v>");
		if (kind == XLSX_CELL_DATE)	/* a whole day: digits */
			xml_put_unsigned(b, (unsigned long long)excel_serial(v, &when));
		else
			xml_put_number(b, excel_serial(v, &when));
		XML_PUT(b, "</v></c>");
		break;
	default:
		if (n > XLSX_MAX_CELL && utf8_length(v) > XLSX_MAX_CELL) {
			s->failed = 1;
			return xlsx_cell_too_long(err, s->columns[i].name,
			    s->header + 1 + s->rows, utf8_length(v));
		}
		put_string_cell(b, ref, rowtext, rowlen,
		    kind == XLSX_CELL_TEXT ? STYLE_TEXT : plain, v, n);
	}
	return 0;
}

/* Row number (1-based) of values, its cells marked as s->marks says, to s's XML.  0 or -1. */
static int
add_row(struct xlsx_stream *s, long number, const char *const *values,
    struct error *err)
{
	struct buf *b = &s->xml;
	char rowtext[24];
	size_t rowlen;
	struct buf row = { rowtext, 0, sizeof(rowtext) };

	if (s->failed)
		return error_set(err, EXIT_SOFTWARE, _("the workbook cannot be made"));
	if (number > XLSX_MAX_ROWS) {
		s->failed = 1;
		return xlsx_too_many_rows(err);
	}
	xml_put_unsigned(&row, (unsigned long long)number);
	rowlen = row.len;
	if (buf_reserve(b, 64) != 0)
		return no_memory(err);
	XML_PUT(b, "<row r=\"");
	xml_put(b, rowtext, rowlen);
	XML_PUT(b, "\">");
	s->next = 0;
	for (size_t i = 0; i < s->ncolumns; i++)
		if (add_cell(s, i, rowtext, rowlen, values[i], err) != 0)
			return -1;
	if (buf_reserve(b, 8) != 0)
		return no_memory(err);
	XML_PUT(b, "</row>");
	b->data[b->len] = '\0';
	if (b->len >= FLUSH_AT && flush_rows(s, err) != 0)
		return -1;
	return 0;
}

int
xlsx_stream_row(struct xlsx_stream *s, const char *const *values,
    struct error *err)
{
	return xlsx_stream_row_marked(s, values, NULL, err);
}

int
xlsx_stream_row_marked(struct xlsx_stream *s, const char *const *values,
    const unsigned char *marks, struct error *err)
{
	int rc;

	if (s->notes > 0) {
		s->failed = 1;
		return error_set(err, EXIT_SOFTWARE, "%s",
		    _("the workbook cannot be made"));
	}
	s->marks = marks;
	rc = add_row(s, s->header + 1 + s->rows + 1, values, err);
	s->marks = NULL;
	if (rc == 0)
		s->rows++;
	return rc;
}

int
xlsx_stream_note(struct xlsx_stream *s, const char *const *values,
    const unsigned char *marks, struct error *err)
{
	int rc;

	/* after the records and a blank row, outside the filter */
	s->marks = marks;
	s->notes++;
	rc = add_row(s, s->header + 1 + s->rows + 1 + s->notes, values, err);
	s->marks = NULL;
	return rc;
}

/* ---- the workbook ---- */

/* The parts of the package but the sheet, constant but the sheet's name. */
static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "</Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

static const char workbook_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

/* the cell styles of the enum above, in its order */
static const char styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"@\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"yyyy-mm-dd hh:mm\"/>"
    "<numFmt numFmtId=\"167\" formatCode=\"0.0%\"/></numFmts>"
    "<fonts count=\"3\">"
    "<font><sz val=\"11\"/><color auto=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    "<font><b/><sz val=\"14\"/><color auto=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    "<font><b/><sz val=\"11\"/><color auto=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    "</fonts>"
    "<fills count=\"7\"><fill><patternFill patternType=\"none\"/></fill>"
    "<fill><patternFill patternType=\"gray125\"/></fill>"
    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill>"
    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF92D050\"/><bgColor indexed=\"64\"/></patternFill></fill>"
    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFC000\"/><bgColor indexed=\"64\"/></patternFill></fill>"
    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFF5050\"/><bgColor indexed=\"64\"/></patternFill></fill>"
    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFBDD7EE\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
    "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
    "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
    "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"15\">"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
    "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>"
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"167\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"4\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"5\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"6\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\"/>"
    "<xf numFmtId=\"167\" fontId=\"0\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
    "<xf numFmtId=\"167\" fontId=\"0\" fillId=\"4\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
    "<xf numFmtId=\"167\" fontId=\"0\" fillId=\"5\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
    "<xf numFmtId=\"167\" fontId=\"0\" fillId=\"6\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
    "</cellXfs>"
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>"
    "</styleSheet>";

/* Append the reference of column c, row r (1-based) to b, $A$2 when absolute (room reserved). */
static void
put_ref(const struct xlsx_stream *s, struct buf *b, size_t c, long r, int absolute)
{
	if (absolute)
		b->data[b->len++] = '$';
	xml_put(b, s->letters[c], strlen(s->letters[c]));
	if (absolute)
		b->data[b->len++] = '$';
	xml_put_unsigned(b, (unsigned long long)r);
}

/* Append the cell range "A1:J352" of columns c1..c2, rows r1..r2 (1-based) to b. */
static int
add_range(const struct xlsx_stream *s, struct buf *b, size_t c1, long r1,
    size_t c2, long r2, int absolute)
{
	if (buf_reserve(b, 64) != 0)
		return -1;
	put_ref(s, b, c1, r1, absolute);
	b->data[b->len++] = ':';
	put_ref(s, b, c2, r2, absolute);
	b->data[b->len] = '\0';
	return 0;
}

/* Append the sheet's name quoted for a formula, 'name'!, to b. */
static int
add_quoted_name(const struct xlsx_stream *s, struct buf *b)
{
	if (buf_puts(b, "'") != 0)
		return -1;
	for (const char *p = s->name; *p; p++) {
		char one[2] = { *p, '\0' };

		/* a quote in the name is doubled */
		if ((*p == '\'' && xml_add_text(b, "'") != 0) || xml_add_text(b, one) != 0)
			return -1;
	}
	return buf_puts(b, "'!");
}

/* xl/workbook.xml into b: the sheet, its filter and print titles. */
static int
workbook_xml(const struct xlsx_stream *s, struct buf *b)
{
	long last = s->header + 1 + s->rows;
	char header[24];
	struct buf row = { header, 0, sizeof(header) };
	int bad = 0;

	xml_put_unsigned(&row, (unsigned long long)s->header + 1);
	header[row.len] = '\0';
	bad |= buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	    "<workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet name=\"");
	bad |= xml_add_text(b, s->name);
	bad |= buf_puts(b, "\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>");
	if (s->ncolumns > 0) {
		bad |= buf_puts(b, "<definedName name=\"_xlnm._FilterDatabase\" "
		    "localSheetId=\"0\" hidden=\"1\">");
		bad |= add_quoted_name(s, b);
		bad |= add_range(s, b, 0, s->header + 1,
		    s->ncolumns - 1, last, 1);
		bad |= buf_puts(b, "</definedName>");
	}
	bad |= buf_puts(b, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">");
	bad |= add_quoted_name(s, b);
	bad |= buf_puts(b, "$") | buf_puts(b, header) | buf_puts(b, ":$") |
	    buf_puts(b, header);
	bad |= buf_puts(b, "</definedName></definedNames>"
	    "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>");
	return bad ? -1 : 0;
}

/* The sheet's XML before its rows into b: used range, frozen pane, widths. */
static int
sheet_head(struct xlsx_stream *s, struct buf *b)
{
	int bad = 0;

	bad |= buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	    "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"");
	if (s->ncolumns > 0)
		bad |= add_range(s, b, 0, 1, s->ncolumns - 1,
		    s->header + 1 + s->rows + (s->notes > 0 ? s->notes + 1 : 0),
		    0);
	else
		bad |= buf_puts(b, "A1");
	/* frozen under the header */
	bad |= buf_puts(b, "\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
	    "<pane ySplit=\"");
	if (!bad && (bad = buf_reserve(b, 64)) == 0) {
		xml_put_unsigned(b, (unsigned long long)s->header + 1);
		XML_PUT(b, "\" topLeftCell=\"A");
		xml_put_unsigned(b, (unsigned long long)s->header + 2);
		b->data[b->len] = '\0';
	}
	bad |= buf_puts(b, "\" activePane=\"bottomLeft\" state=\"frozen\"/>"
	    "<selection pane=\"bottomLeft\"/></sheetView></sheetViews>"
	    "<sheetFormatPr defaultRowHeight=\"15\"/>");
	if (s->ncolumns > 0)
		bad |= buf_puts(b, "<cols>");
	for (size_t i = 0; i < s->ncolumns && !bad; i++) {
		size_t w = (s->width[i] > XLSX_MAX_WIDTH ? XLSX_MAX_WIDTH :
		    s->width[i]) + 2;
		/* Excel's width for w characters of Calibri 11: 7 pixels each and 5 */
		double width = (double)(long)((w * 7 + 5) / 7.0 * 256) / 256;

		if ((bad = buf_reserve(b, 128)) != 0)
			break;
		XML_PUT(b, "<col min=\"");
		xml_put_unsigned(b, i + 1);
		XML_PUT(b, "\" max=\"");
		xml_put_unsigned(b, i + 1);
		XML_PUT(b, "\" width=\"");
		xml_put_number(b, width);
		if (s->as_text[i])
			XML_PUT(b, "\" style=\"3");
		XML_PUT(b, "\" customWidth=\"1\"/>");
		b->data[b->len] = '\0';
	}
	if (s->ncolumns > 0)
		bad |= buf_puts(b, "</cols>");
	bad |= buf_puts(b, "<sheetData>");
	bad |= title_rows(s, b);
	return bad ? -1 : 0;
}

/* The sheet's XML after its rows into b: filter, merged title, print setup. */
static int
sheet_tail(struct xlsx_stream *s, struct buf *b)
{
	long last = s->header + 1 + s->rows;
	size_t end = s->ncolumns > 0 ? s->ncolumns - 1 : 0;
	int bad = 0;

	bad |= buf_puts(b, "</sheetData>");
	if (s->ncolumns > 0) {
		bad |= buf_puts(b, "<autoFilter ref=\"");
		bad |= add_range(s, b, 0, s->header + 1, end, last, 0);
		bad |= buf_puts(b, "\"/>");
	}
	if (s->ncolumns > 1) {
		/* each title row across the sheet */
		bad |= buf_puts(b, "<mergeCells count=\"");
		if (!bad && (bad = buf_reserve(b, 32)) == 0) {
			xml_put_unsigned(b, (unsigned long long)s->header);
			b->data[b->len] = '\0';
		}
		bad |= buf_puts(b, "\">");
		for (long r = 1; r <= s->header; r++) {
			bad |= buf_puts(b, "<mergeCell ref=\"");
			bad |= add_range(s, b, 0, r, end, r, 0);
			bad |= buf_puts(b, "\"/>");
		}
		bad |= buf_puts(b, "</mergeCells>");
	}
	bad |= buf_puts(b, "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" "
	    "bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
	    "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"
	    "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>");
	if (s->ncolumns > 0 && s->rows > 0) {
		/* every string that looks like a number is one on purpose */
		bad |= buf_puts(b, "<ignoredErrors><ignoredError sqref=\"");
		bad |= add_range(s, b, 0, s->header + 2, end, last, 0);
		bad |= buf_puts(b, "\" numberStoredAsText=\"1\"/></ignoredErrors>");
	}
	bad |= buf_puts(b, "</worksheet>");
	return bad ? -1 : 0;
}

/* ---- the zip ---- */

/* Copy the deflated rows to z.  0 or -1 (errno set). */
static int
emit_rows(struct xlsx_stream *s, struct zip_out *z)
{
	char chunk[65536];
	size_t n;

	if (fflush(s->packed) != 0 || fseek(s->packed, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), s->packed)) > 0)
		zip_out_data(z, chunk, n);
	return ferror(s->packed) ? -1 : 0;
}

/*
 * The whole workbook to s->fp: the parts, then the sheet as its head,
 * the rows and its tail in one deflate stream.  0, or -1 with err set.
 */
static int
write_book(struct xlsx_stream *s, struct error *err)
{
	struct zip_member m[6] = {
		{ "[Content_Types].xml" }, { "_rels/.rels" }, { "xl/workbook.xml" },
		{ "xl/_rels/workbook.xml.rels" }, { "xl/styles.xml" },
		{ "xl/worksheets/sheet1.xml" }
	};
	struct zip_member *sheet = &m[5];
	struct buf head = { 0 }, tail = { 0 }, head_z = { 0 }, tail_z = { 0 }, book = { 0 };
	struct zip_out z = { s->fp, 0 };
	int rc = -1;

	/* the rows end on a byte, with no final block: the tail's is */
	if (flush_rows(s, err) != 0 || wait_job(s, err) != 0 ||
	    deflate_xml(s, &s->xml, Z_SYNC_FLUSH, err) != 0)
		goto out;
	if (check_title(s, err) != 0)
		goto out;
	if (sheet_head(s, &head) != 0 || sheet_tail(s, &tail) != 0 ||
	    workbook_xml(s, &book) != 0) {
		no_memory(err);
		goto out;
	}
	if (zip_out_pack(head.data, head.len, LEVEL, Z_SYNC_FLUSH, &head_z, err) != 0 ||
	    zip_out_pack(tail.data, tail.len, LEVEL, Z_FINISH, &tail_z, err) != 0)
		goto out;
	sheet->raw = head.len + s->raw + tail.len;
	sheet->packed = head_z.len + s->size + tail_z.len;
	/* the other parts and the directory take a few kilobytes */
	if (sheet->raw >= zip_out_limit(0) || sheet->packed >= zip_out_limit(ZIP_ROOM)) {
		too_big(s, err);
		goto out;
	}
	sheet->crc = crc32(crc32(0, NULL, 0), (const Bytef *)head.data, (uInt)head.len);
	sheet->crc = crc32_combine(sheet->crc, s->crc, (z_off_t)s->raw);
	sheet->crc = crc32_combine(sheet->crc, crc32(crc32(0, NULL, 0),
	    (const Bytef *)tail.data, (uInt)tail.len), (z_off_t)tail.len);
	errno = 0;
	if (zip_out_part(&z, &m[0], content_types, sizeof(content_types) - 1, err) ||
	    zip_out_part(&z, &m[1], package_rels, sizeof(package_rels) - 1, err) ||
	    zip_out_part(&z, &m[2], book.data, book.len, err) ||
	    zip_out_part(&z, &m[3], workbook_rels, sizeof(workbook_rels) - 1, err) ||
	    zip_out_part(&z, &m[4], styles, sizeof(styles) - 1, err))
		goto out;
	zip_out_header(&z, sheet);
	zip_out_data(&z, head_z.data, head_z.len);
	if (emit_rows(s, &z) != 0) {
		error_set(err, EXIT_IOERR, _("a temporary file for the workbook: %s"),
		    strerror(errno ? errno : EIO));
		goto out;
	}
	zip_out_data(&z, tail_z.data, tail_z.len);
	zip_out_directory(&z, m, 6);
	rc = ferror(s->fp) ? xlsx_write_failed(s->fp, errno, err) : 0;
out:
	buf_free(&head);
	buf_free(&tail);
	buf_free(&head_z);
	buf_free(&tail_z);
	buf_free(&book);
	return rc;
}

void
xlsx_stream_count(struct xlsx_stream *s, long n)
{
	s->counted = n;
	s->count_given = 1;
}

int
xlsx_stream_close(struct xlsx_stream *s, struct error *err)
{
	int rc = 0;

	if (s == NULL)
		return 0;
	if (err != NULL && !s->failed)
		rc = write_book(s, err);
	stream_free(s);
	return rc;
}
