/* input.c -- records in: the reader, its queue, a reading in two parts, workbooks, where a record is */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "buf.h"
#include "input.h"
#include "input_parts.h"
#include "text.h"
#include "workbook.h"

void
input_pending_free(struct pending *p)
{
	if (!p->borrowed) {
		if (p->block == NULL)
			for (size_t i = 0; i < p->count; i++)
				free(p->values[i]);
		free(p->block);
		free(p->values);
	}
	free(p->raw);
	memset(p, 0, sizeof(*p));
}

int
input_pending_push(struct pending *p, char *value)
{
	if (p->count == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		char **v = realloc(p->values, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		p->values = v;
		p->cap = cap;
	}
	p->values[p->count++] = value;
	return 0;
}

int
input_queue_push(struct reader *r, struct pending *p)
{
	if (r->queue_head > 0 && r->queue_head == r->queue_len)
		r->queue_head = r->queue_len = 0;
	if (r->queue_len == r->queue_cap) {
		size_t cap = r->queue_cap ? r->queue_cap * 2 : 4;
		struct pending *q = realloc(r->queue, cap * sizeof(*q));

		if (q == NULL)
			return -1;
		r->queue = q;
		r->queue_cap = cap;
	}
	r->queue[r->queue_len++] = *p;
	memset(p, 0, sizeof(*p));
	return 0;
}

/* Queue a record that could not be read. */
int
input_queue_problem(struct reader *r, long line, const char *problem, const char *raw)
{
	struct pending p = { 0 };

	p.line = line;
	p.nul_field = -1;
	p.problem = (char *)problem;
	if (raw != NULL && (p.raw = strdup(raw)) == NULL)
		return -1;
	return input_queue_push(r, &p);
}

static struct reader *
reader_new(const char *file, struct error *err)
{
	struct reader *r = calloc(1, sizeof(*r));

	if (r == NULL || (r->file = strdup(file)) == NULL) {
		free(r);
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	r->cd = (iconv_t)-1;
	r->at_start = 1;
	r->block = READ_BLOCK;
	return r;
}

static int workbook_attach(struct reader *r, const char *path,
    const struct workbook_options *workbook, struct error *err);

struct reader *
reader_open(const char *path, enum input_format format, enum encoding encoding,
    struct error *err)
{
	return reader_open_options(path, format, encoding, NULL, err);
}

struct reader *
reader_open_options(const char *path, enum input_format format,
    enum encoding encoding, const struct workbook_options *workbook,
    struct error *err)
{
	struct reader *r;
	int use_stdin = path == NULL || strcmp(path, "-") == 0;
	struct stat st;

	if ((r = reader_new(use_stdin ? "stdin" : path, err)) == NULL)
		return NULL;
	if (!use_stdin && (r->path = strdup(path)) == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		reader_close(r);
		return NULL;
	}
	if (use_stdin)
		r->fp = stdin;
	else if ((r->fp = fopen(path, "rb")) == NULL) {
		error_set(err, EXIT_NOINPUT, "%s: %s", path, strerror(errno));
		reader_close(r);
		return NULL;
	} else
		r->own_fp = 1;
	if (fstat(fileno(r->fp), &st) == 0 && S_ISREG(st.st_mode))
		r->bytes_total = st.st_size;
	if (fstat(fileno(r->fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		error_set(err, EXIT_NOINPUT, "%s: %s", r->file, strerror(EISDIR));
		reader_close(r);
		return NULL;
	}
	r->format = format;
	r->encoding = encoding;
	r->decoding = encoding == ENCODING_UTF8 ? DECODE_UTF8 :
	    encoding == ENCODING_GB18030 ? DECODE_GB18030 : DECODE_UNDECIDED;
	if (workbook_attach(r, use_stdin ? NULL : path, workbook, err) != 0) {
		reader_close(r);
		return NULL;
	}
	return r;
}

struct reader *
reader_open_record(const char *file, const char *const *names,
    const char *const *values, size_t count, struct error *err)
{
	struct reader *r = reader_new(file, err);

	if (r == NULL)
		return NULL;
	r->single = 1;
	r->format = INPUT_JSON;
	if ((r->single_names = calloc(count + 1, sizeof(char *))) == NULL)
		goto nomem;
	for (size_t i = 0; i < count; i++) {
		char *v = values[i] != NULL ? strdup(values[i]) : NULL;

		if ((values[i] != NULL && v == NULL) ||
		    (r->single_names[i] = strdup(names[i])) == NULL ||
		    input_pending_push(&r->current, v) != 0) {
			free(v);
			goto nomem;
		}
	}
	return r;
nomem:
	error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	reader_close(r);
	return NULL;
}

/* p is the record of the current line: the first count of r->plain_values. */
void
input_pending_borrow(struct reader *r, struct pending *p, size_t count)
{
	memset(p, 0, sizeof(*p));
	p->line = r->line_number;
	p->count = p->cap = count;
	p->values = r->plain_values;
	p->nul_field = -1;
	p->borrowed = 1;
}

/* Room for n fields in r->plain_values; 0, or -1 when memory runs out. */
int
input_plain_reserve(struct reader *r, size_t n)
{
	size_t cap = r->plain_cap ? r->plain_cap : 16;
	char **v;

	if (n <= r->plain_cap)
		return 0;
	while (cap < n)
		cap *= 2;
	if ((v = realloc(r->plain_values, cap * sizeof(*v))) == NULL)
		return -1;
	r->plain_values = v;
	r->plain_cap = cap;
	return 0;
}

/* ---- records out of the reader ---- */

/*
 * 1 when the text at s begins as a web page does: what systems that
 * export "Excel" as an HTML table under a workbook's name write first.
 */
static int
is_web_page(const char *s)
{
	static const char *const tags[] = { "<html", "<!doctype html", "<head",
		"<meta", "<body", "<table", "<style", "<!--", NULL };

	for (size_t i = 0; tags[i] != NULL; i++)
		if (strncasecmp(s, tags[i], strlen(tags[i])) == 0)
			return 1;
	return 0;
}

/*
 * The format of r's input from its first line that is not blank: JSON
 * or CSV.  1; 0 on a blank line; -1 with err set for a web page or an
 * XML file (Excel 2003's XML spreadsheet), which are neither and
 * which a clerk can save again as a workbook.
 */
static int
guess_format(struct reader *r, struct error *err)
{
	const char *s = r->line.data;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (*s == '\0')
		return 0;
	if (strncmp(s, "<?xml", 5) == 0)
		return error_set(err, EXIT_DATAERR, _("%s: an XML file (such as "
		    "Excel 2003's XML spreadsheet) cannot be read: open it in Excel "
		    "or WPS and save it as .xlsx"), r->file);
	if (is_web_page(s))
		return error_set(err, EXIT_DATAERR, _("%s: a web page (HTML) named "
		    "as a workbook, as some systems export one, cannot be read: open "
		    "it in Excel or WPS and save it as .xlsx"), r->file);
	r->format = *s == '[' || *s == '{' ? INPUT_JSON : INPUT_CSV;
	return 1;
}

enum encoding
reader_encoding(const struct reader *r, int *bom)
{
	*bom = r->bom;
	if (r->decoding == DECODE_UTF8)
		return ENCODING_UTF8;
	if (r->decoding == DECODE_GB18030)
		return ENCODING_GB18030;
	return r->encoding;
}

/* What rec's file is known to be written in, so far. */
static void
record_encoding(const struct reader *r, struct record *rec)
{
	rec->encoding = reader_encoding(r, &rec->bom);
}

/* Free p, but keep the memory of a plain CSV record for the next one. */
static void
pending_recycle(struct reader *r, struct pending *p)
{
	if (p->block == NULL || r->spare.block != NULL) {
		input_pending_free(p);
		return;
	}
	free(p->raw);
	r->spare.block = p->block;
	r->spare.block_cap = p->block_cap;
	r->spare.values = p->values;
	r->spare.cap = p->cap;
	memset(p, 0, sizeof(*p));
}

static int
hand_out(struct reader *r, struct pending *p, struct record **out)
{
	struct record *rec = &r->record;

	r->plain_out = 0;
	pending_recycle(r, &r->current);
	r->current = *p;
	memset(p, 0, sizeof(*p));
	memset(rec, 0, sizeof(*rec));
	rec->file = r->file;
	rec->line = r->current.line;
	rec->problem = r->current.problem != NULL ? _(r->current.problem) : NULL;
	rec->problem_field = r->current.problem_field;
	rec->raw = r->current.raw;
	record_encoding(r, rec);
	if (r->format == INPUT_CSV) {
		/* the same names for every record, unless the array moved */
		if (!r->names_ready)
			for (size_t i = 0; i < r->header_named; i++)
				r->names_out[i] = r->header[r->header_map[i]];
		r->names_ready = 1;
		rec->columns = r->names_out;
		rec->ncolumns = r->header_named;
	}
	if (r->current.problem != NULL) {
		rec->count = 0;
	} else if (r->format == INPUT_CSV) {
		rec->count = r->current.count;
		rec->names = r->names_out;
		rec->values = r->current.values;
		rec->shared_names = 1;
		r->plain_out = r->current.borrowed;
	} else {
		/* JSON: names and values alternate */
		size_t pairs = r->current.count / 2;

		rec->count = pairs;
		rec->names = r->names_out;
		r->names_ready = 0;
		for (size_t i = 0; i < pairs; i++)
			r->names_out[i] = r->current.values[2 * i];
		/* values: a second array after the names */
		rec->values = r->names_out + pairs;
		for (size_t i = 0; i < pairs; i++)
			rec->values[i] = r->current.values[2 * i + 1];
	}
	*out = rec;
	return 1;
}

static int
ensure_names(struct reader *r, size_t n)
{
	if (n <= r->names_cap)
		return 0;
	free(r->names_out);
	r->names_ready = 0;
	if ((r->names_out = calloc(n, sizeof(char *))) == NULL) {
		r->names_cap = 0;
		return -1;
	}
	r->names_cap = n;
	return 0;
}

/* ---- a reading in two parts ---- */

/* The newlines in s[0..n). */
static size_t
count_newlines(const char *s, size_t n)
{
	size_t count = 0, i = 0;
#if defined(__SSE2__)
	const __m128i nl = _mm_set1_epi8('\n');

	for (; i + 16 <= n; i += 16)
		count += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)
		    (s + i)), nl)));
#endif
	for (; i < n; i++)
		count += s[i] == '\n';
	return count;
}


/* 1 when r, the first part, came to its end between two CSV records. */
static int
split_between_records(struct reader *r)
{
	r->split_reached = r->format == INPUT_CSV && r->header != NULL &&
	    !r->record_open && r->building.count == 0 &&
	    r->queue_head == r->queue_len;
	return r->split_reached;
}

/*
 * r, the second part, has its header: leave what follows it and go to
 * where the first part ends, counting the lines on the way.  When that
 * is inside the header, r ends at once.  Returns 0, or -1 with err set.
 */
static int
split_jump(struct reader *r, struct error *err)
{
	long long at = r->bytes_done - (long long)(r->raw.len - r->raw_pos),
	    to = r->split_start;

	r->split_start = 0;
	while (r->queue_head < r->queue_len)
		input_pending_free(&r->queue[r->queue_head++]);
	if (input_csv_restart(r, err) != 0)
		return -1;
	if (at > to) {
		r->raw_pos = r->raw.len;
		r->eof = 1;
		return 0;
	}
	if (to <= r->bytes_done) {
		size_t skip = (size_t)(to - at);

		r->line_number += (long)count_newlines(r->raw.data + r->raw_pos, skip);
		r->raw_pos += skip;
	} else {
		r->split_end = to;
		for (;;) {
			r->line_number += (long)count_newlines(r->raw.data +
			    r->raw_pos, r->raw.len - r->raw_pos);
			r->raw_pos = r->raw.len;
			if (r->bytes_done >= to || r->eof)
				break;
			if (input_fill_raw(r, err) < 0)
				return -1;
		}
		r->split_end = 0;
		r->eof = 0;
	}
	r->split_jumped = 1;
	r->decoding_at_jump = r->decoding;
	return 0;
}

/* Bytes after the middle of a file looked at for a place to split it. */
#define SPLIT_WINDOW 65536

/*
 * The offset, at or after from in r's file, of a line that starts
 * after a newline, where neither that line nor the one before holds a
 * quote: a place no quoted field is likely to cross.  0 when there is
 * none nearby.
 */
static long long
split_point(struct reader *r, long long from)
{
	char *window = malloc(SPLIT_WINDOW);
	ssize_t n;
	long long found = 0;
	long line_start = -1;
	int quote = 0, before_quote = 1;

	if (window == NULL)
		return 0;
	n = pread(fileno(r->fp), window, SPLIT_WINDOW, (off_t)from);
	for (ssize_t i = 0; i < n && found == 0; i++) {
		if (window[i] == '"')
			quote = 1;
		if (window[i] != '\n')
			continue;
		/* a whole line [line_start, i] when line_start >= 0 */
		if (line_start >= 0 && !before_quote && !quote)
			found = from + line_start;
		before_quote = line_start < 0 || quote;
		line_start = (long)i + 1;
		quote = 0;
	}
	free(window);
	return found;
}

int
reader_split(struct reader *r, struct reader **second, struct error *err)
{
	long long at;

	*second = NULL;
	/* a file not read yet (but for the first bytes, that tell a workbook) */
	if (r->path == NULL || r->single || r->workbook != NULL ||
	    r->line_number > 0 || r->raw_pos > 0 || r->bytes_total < 2 ||
	    (r->format != INPUT_AUTO && r->format != INPUT_CSV))
		return 0;
	if ((at = split_point(r, r->bytes_total / 2)) <= 0 || at >= r->bytes_total)
		return 0;
	if ((*second = reader_open(r->path, r->format, r->encoding, err)) == NULL)
		return -1;
	(*second)->block = r->block;
	(*second)->split_start = at;
	r->split_end = at;
	return 0;
}

int
reader_split_held(struct reader *r, const struct reader *second)
{
	/* second decided the encoding as r would have, if it decided at all */
	int same_decoding = second->decoding_at_jump != DECODE_UNDECIDED ||
	    second->decoding == DECODE_UNDECIDED ||
	    r->decoding == DECODE_UNDECIDED || second->decoding == r->decoding;

	if (r->split_reached && second->split_jumped && same_decoding)
		return 1;
	if (r->split_end > 0) {
		r->split_end = 0;	/* r reads on */
		r->eof = 0;
	}
	r->split_reached = 0;
	return 0;
}

/*
 * Hand out record p (a CSV header is taken instead).  Returns 1 with
 * *out set, 0 when p was the header, -1 with err set.
 */
static int
take(struct reader *r, struct pending *p, struct record **out,
    struct error *err)
{
	if (r->format == INPUT_CSV && r->header == NULL) {
		int bad = input_csv_take_header(r, p, err);

		input_pending_free(p);
		if (bad == 0 && r->split_start > 0 && split_jump(r, err) != 0)
			return -1;
		return bad != 0 ? -1 : 0;
	}
	if (p->borrowed && r->plain_out && p->count == r->header_count &&
	    r->header_named == r->header_count) {
		/* as the last record: only the line and the values change */
		r->current.line = r->record.line = p->line;
		r->current.count = r->record.count = p->count;
		r->current.values = r->record.values = p->values;
		record_encoding(r, &r->record);
		*out = &r->record;
		return 1;
	}
	if (r->format == INPUT_CSV)
		input_csv_shape(r, p);
	if (ensure_names(r, (p->count > r->header_named ? p->count :
	    r->header_named) + 1) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	return hand_out(r, p, out);
}

/* The one record of reader_open_record(), the first time: 1, then 0. */
static int
single_next(struct reader *r, struct record **out)
{
	struct record *rec = &r->record;

	if (r->single_done)
		return 0;
	r->single_done = 1;
	memset(rec, 0, sizeof(*rec));
	rec->file = r->file;
	rec->line = 0;
	rec->count = r->current.count;
	rec->names = r->single_names;
	rec->values = r->current.values;
	*out = rec;
	return 1;
}

/*
 * Every byte is read: end the parsers, or the first part of a split
 * reading.  Returns 1 when records may follow (queued, or reading goes
 * on), 0 at the end, -1 with err set.
 */
static int
input_end(struct reader *r, struct error *err)
{
	if (r->split_end > 0) {
		if (split_between_records(r))
			return 0;	/* the first part ends here */
		r->split_end = 0;	/* a record goes on: read on */
		r->eof = 0;
		return 1;
	}
	if (r->format == INPUT_CSV && r->csv_ready) {
		if (input_csv_finish(r, err) != 0)
			return -1;
		csv_free(&r->csv);
		r->csv_ready = 0;
		return 1;
	}
	if (r->format == INPUT_JSON || r->format == INPUT_JSONL) {
		if (input_json_finish(r, err) != 0)
			return -1;
		r->json_in_element = 0;
		r->json_array = 0;
		return r->queue_head < r->queue_len;
	}
	return 0;
}

int
reader_next(struct reader *r, struct record **out, struct error *err)
{
	if (r->single)
		return single_next(r, out);
	if (r->workbook != NULL)
		return workbook_in_next(r->workbook, out, err);
	/* the second part of a split reading is for CSV only */
	if (r->split_start > 0 && r->format != INPUT_AUTO && r->format != INPUT_CSV)
		return 0;
	for (;;) {
		int rc;

		while (r->queue_head < r->queue_len)
			if ((rc = take(r, &r->queue[r->queue_head++], out, err)) != 0)
				return rc;
		if (r->format == INPUT_CSV && r->csv_ready && !r->at_start &&
		    !r->record_open && r->building.count == 0) {
			struct pending p;

			if ((rc = input_csv_next_plain(r, &p, err)) < 0)
				return -1;
			if (rc == 2)
				continue;	/* a blank line */
			if (rc == 1) {
				if ((rc = take(r, &p, out, err)) != 0)
					return rc;	/* a record, or an error */
				continue;	/* it was the header */
			}
		}
		if (r->eof && r->raw_pos >= r->raw.len) {
			if ((rc = input_end(r, err)) <= 0)
				return rc;
			continue;
		}
		if ((rc = input_next_line(r, err)) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (r->format == INPUT_AUTO && (rc = guess_format(r, err)) <= 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		if (r->format == INPUT_CSV) {
			if (!r->csv_ready && input_csv_setup(r, err) != 0)
				return -1;
			if (input_csv_feed(r, err) != 0)
				return -1;
			continue;
		}
		if (r->json_lines == 1 && !r->json_in_element && !r->json_array) {
			struct pending p;

			if ((rc = input_json_flat_line(r, &p)) < 0)
				return error_set(err, EXIT_SOFTWARE, "%s",
				    strerror(ENOMEM));
			if (rc == 1)
				return take(r, &p, out, err);
		}
		if (input_json_feed(r, err) != 0)
			return -1;
	}
}

char **
reader_header(const struct reader *r, size_t *count)
{
	if (r->workbook != NULL)
		return workbook_in_header(r->workbook, count);
	if (r->format != INPUT_CSV || r->header == NULL) {
		*count = 0;
		return NULL;
	}
	*count = r->header_count;
	return r->header;
}

const struct record *
reader_header_record(struct reader *r)
{
	struct record *rec = &r->record;

	if (r->workbook != NULL)
		return workbook_in_header_record(r->workbook);
	if (r->format != INPUT_CSV || r->header == NULL ||
	    ensure_names(r, 2 * r->header_named + 1) != 0)
		return NULL;
	memset(rec, 0, sizeof(*rec));
	rec->file = r->file;
	rec->line = 1;
	rec->count = rec->ncolumns = r->header_named;
	rec->names = rec->columns = r->names_out;
	rec->values = r->names_out + r->header_named;
	for (size_t i = 0; i < r->header_named; i++) {
		rec->names[i] = r->header[r->header_map[i]];
		rec->values[i] = NULL;
	}
	r->names_ready = 0;
	return rec;
}

void
reader_set_block(struct reader *r, size_t bytes)
{
	r->block = bytes > 0 ? bytes : READ_BLOCK;
}

enum input_format
reader_format(const struct reader *r)
{
	return r->format;
}

void
reader_progress(const struct reader *r, long long *done, long long *total)
{
	*done = r->bytes_done;
	*total = r->bytes_total;
	if (r->workbook != NULL)
		workbook_in_progress(r->workbook, done, total);
}

void
reader_close(struct reader *r)
{
	if (r == NULL)
		return;
	workbook_in_close(r->workbook);
	if (r->spool != NULL)
		unlink(r->spool);
	free(r->spool);
	if (r->own_fp && r->fp != NULL)
		fclose(r->fp);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->csv_ready)
		csv_free(&r->csv);
	input_pending_free(&r->building);
	input_pending_free(&r->current);
	input_pending_free(&r->spare);
	while (r->queue_head < r->queue_len)
		input_pending_free(&r->queue[r->queue_head++]);
	free(r->queue);
	if (r->header != NULL) {
		for (size_t i = 0; i < r->header_count; i++)
			free(r->header[i]);
		free(r->header);
	}
	free(r->header_map);
	if (r->single_names != NULL) {
		for (size_t i = 0; r->single_names[i] != NULL; i++)
			free(r->single_names[i]);
		free(r->single_names);
	}
	free(r->names_out);
	free(r->plain_values);
	free(r->path);
	buf_free(&r->raw);
	buf_free(&r->line);
	buf_free(&r->building_raw);
	buf_free(&r->json_text);
	free(r->file);
	free(r);
}

/* ---- workbooks: the first bytes say, lib/workbook.c reads ---- */

/* Copy what r has read and the rest of its input to a temporary file, r->spool. */
static int
spool_input(struct reader *r, struct error *err)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = { 0 };
	FILE *out;
	int fd;

	buf_puts(&path, dir != NULL && *dir != '\0' ? dir : "/tmp");
	buf_puts(&path, "/renke-workbook-XXXXXX");
	if (path.data == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if ((fd = mkstemp(path.data)) < 0 || (out = fdopen(fd, "wb")) == NULL) {
		error_set(err, EXIT_CANTCREAT, _("%s: a temporary copy of the workbook: %s"),
		    r->file, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path.data);
		}
		buf_free(&path);
		return -1;
	}
	r->spool = path.data;
	do {
		if (fwrite(r->raw.data + r->raw_pos, 1, r->raw.len - r->raw_pos, out) !=
		    r->raw.len - r->raw_pos) {
			fclose(out);
			return error_set(err, EXIT_IOERR, "%s: %s", r->spool,
			    strerror(errno));
		}
		r->raw_pos = r->raw.len;
	} while (input_fill_raw(r, err) > 0);
	if (fclose(out) != 0)
		return error_set(err, EXIT_IOERR, "%s: %s", r->spool, strerror(errno));
	return r->eof ? 0 : -1;
}

/*
 * The kind of workbook r's input is (MAGIC_NONE: none) into *magic,
 * and a path it can be opened at into *where (path, or a copy of
 * standard input: path is NULL for it).  0, or -1 with err set.
 */
static int
workbook_locate(struct reader *r, const char *path, enum workbook_magic *magic,
    const char **where, struct error *err)
{
	struct stat st;

	/* the first bytes only: a pipe that stalls after them is no reason to wait */
	if (buf_reserve(&r->raw, 8 + SCAN_SLACK) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	while (r->raw.len < 8 && !r->eof) {
		ssize_t n = read(fileno(r->fp), r->raw.data + r->raw.len, 8 - r->raw.len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return error_set(err, EXIT_IOERR, "%s: %s", r->file, strerror(errno));
		r->eof = n == 0;
		r->raw.len += (size_t)n;
		r->bytes_done += n;
	}
	/* as input_fill_raw() leaves it: a NUL, then bytes a vector scan may read */
	memset(r->raw.data + r->raw.len, 0, SCAN_SLACK + 1);
	*magic = workbook_magic((const unsigned char *)r->raw.data, r->raw.len);
	*where = path;
	if (*magic == MAGIC_NONE)
		return 0;
	if (path == NULL || fstat(fileno(r->fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		if (spool_input(r, err) != 0)
			return -1;
		*where = r->spool;
	}
	return 0;
}

/*
 * When r's input is a workbook (its first bytes say, or r->format),
 * open it through lib/workbook.c; path is NULL for standard input.
 */
static int
workbook_attach(struct reader *r, const char *path,
    const struct workbook_options *workbook, struct error *err)
{
	enum workbook_magic magic;

	if (r->format != INPUT_AUTO && r->format != INPUT_XLSX && r->format != INPUT_XLS)
		return 0;
	if (workbook_locate(r, path, &magic, &path, err) != 0)
		return -1;
	if (magic == MAGIC_NONE && r->format != INPUT_AUTO)
		return error_set(err, EXIT_DATAERR, _("%s: not a workbook (.xlsx, .xls "
		    "or .et)"), r->file);
	if (magic == MAGIC_NONE)
		return 0;
	if ((r->workbook = workbook_in_open(path, r->file, magic, workbook, err)) == NULL)
		return -1;
	r->format = magic == MAGIC_ZIP ? INPUT_XLSX : INPUT_XLS;
	return 0;
}

int
reader_list_sheets(const char *path, struct sheet_info **sheets, size_t *n,
    struct error *err)
{
	struct reader *r = reader_open_options(path, INPUT_CSV, ENCODING_AUTO, NULL, err);
	enum workbook_magic magic;
	const char *where;
	int rc = -1;

	if (r == NULL)
		return -1;
	if (workbook_locate(r, r->own_fp ? path : NULL, &magic, &where, err) != 0)
		goto out;
	if (magic == MAGIC_NONE) {
		error_set(err, EXIT_DATAERR, _("%s: not a workbook (.xlsx, .xls or .et)"),
		    r->file);
		goto out;
	}
	rc = workbook_in_sheets(where, r->file, magic, sheets, n, err);
out:
	reader_close(r);
	return rc;
}

const char *
reader_sheet(const struct reader *r, long *header_row)
{
	*header_row = 0;
	return r->workbook != NULL ? workbook_in_sheet(r->workbook, header_row) : NULL;
}

/* "file:sheet!C39": the cell of rec's row (row) in the column of field. */
static const char *
workbook_where(const struct record *rec, const char *field, long row, char *out,
    size_t size)
{
	size_t col = 0;
	char cell[24];

	if (rec->problem_cell > 0 && row == rec->line)
		col = rec->problem_cell - 1;
	else
		for (size_t i = 0; field != NULL && rec->cells != NULL && i < rec->count; i++)
			if (rec->names[i] == field || strcmp(rec->names[i], field) == 0) {
				col = rec->cells[i];
				break;
			}
	cell_name(col, row, cell);
	snprintf(out, size, "%s:%s!%s", rec->file, rec->sheet, cell);
	return out;
}

const char *
record_where(const struct record *rec, const char *field, char *out, size_t size)
{
	if (rec->sheet != NULL)
		return workbook_where(rec, field, rec->line, out, size);
	snprintf(out, size, "%s:%ld", rec->file, rec->line);
	return out;
}

const char *
record_header_where(const struct record *rec, const char *name, char *out,
    size_t size)
{
	if (rec->sheet != NULL)
		return workbook_where(rec, name, rec->header_line, out, size);
	snprintf(out, size, "%s:%ld", rec->file, rec->shared_names ? 1L : rec->line);
	return out;
}

void
reader_problem(problem_fn *report, void *context, const struct record *rec,
    const char *field, const char *message)
{
	struct problem p = { rec->file, rec->line, field, message, rec };

	if (report != NULL)
		report(context, &p);
}

long
reader_each(struct reader *r, record_fn *fn, void *self, problem_fn *report,
    void *context, struct error *err)
{
	struct record *rec;
	long bad = 0;
	int got;

	while ((got = reader_next(r, &rec, err)) == 1) {
		if (rec->problem != NULL) {
			reader_problem(report, context, rec, rec->problem_field,
			    rec->problem);
			bad++;
			continue;
		}
		switch (fn(self, rec, report, context, err)) {
		case 0:
			break;
		case 1:
			bad++;
			break;
		default:
			return -1;
		}
	}
	return got < 0 ? -1 : bad;
}
