/* input.c -- records in: CSV (plain lines cut in place, the rest by libcsv), JSON, GB18030, workbooks */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <unistd.h>

#include "buf.h"
#include "hashtab.h"
#include "input.h"
#include "output.h"
#include "text.h"
#include "workbook.h"

enum decoding { DECODE_UNDECIDED, DECODE_UTF8, DECODE_GB18030 };

/* A record being built or queued: owned strings. */
struct pending {
	long line;
	size_t count, cap;
	char **values;
	char *problem;		/* static message or NULL */
	const char *problem_field;
	char *raw;
	long nul_field;		/* CSV: index of the field with a NUL byte, or -1 */
	char *block;		/* when set, every value lives in it (csv_split_plain) */
	size_t block_cap;
	int borrowed;		/* values and their array are the reader's (csv_next_plain) */
};

/* Bytes read at a time; the raw buffer keeps SCAN_SLACK more readable after its NUL. */
#define READ_BLOCK	(1 << 20)
#define SCAN_SLACK	16

struct reader {
	FILE *fp;
	int own_fp;
	char *file;
	enum input_format format;
	enum encoding encoding;
	enum decoding decoding;
	iconv_t cd;
	int at_start;		/* no byte read yet: look for a BOM */
	int eof;

	struct buf raw;		/* bytes read, not yet cut into lines */
	size_t raw_pos;
	size_t block;		/* bytes to read at a time */
	char **plain_values;	/* the fields of a plain CSV line, in raw */
	size_t plain_cap;

	/* a reading split in two (reader_split()) */
	char *path;		/* to open the file again; NULL for standard input */
	long long split_end;	/* the first part: read no further (0: no limit) */
	int split_reached;	/* it stopped there, between two records */
	long long split_start;	/* the second part: after the header, go here */
	int split_jumped;	/* it went there */
	enum decoding decoding_at_jump;
	struct buf line;	/* the current line, decoded to UTF-8 */
	long line_number;	/* of the current line */
	long long bytes_done, bytes_total;

	/* CSV */
	struct csv_parser csv;
	int csv_ready;
	int record_open;	/* content fed since the last record ended */
	long record_line;
	struct pending building;
	struct buf building_raw;
	int building_nul;
	long building_nul_field;
	char **header;
	char column_name[32];	/* "column C": a cell the header names not */
	size_t header_count;
	size_t header_named;	/* columns with a name */
	size_t *header_map;	/* position of each named column */

	/* JSON */
	int json_started, json_array, json_closed;
	int json_depth, json_in_string, json_escape, json_in_element;
	int json_lines;		/* one value per line: 1 yes, 0 no, -1 not known yet */
	long json_line;
	struct buf json_text;

	/* completed records, oldest first */
	struct pending *queue;
	size_t queue_len, queue_cap, queue_head;

	/* what reader_next() handed out last */
	struct pending current;
	struct pending spare;	/* memory of a plain CSV record, for the next one */
	struct record record;
	char **names_out;
	size_t names_cap;
	int plain_out;		/* r->record is a good CSV record of r->plain_values */
	int names_ready;	/* names_out holds the CSV header's names */
	int single;		/* reader_open_record(): names owned */
	char **single_names;
	int single_done;

	struct workbook *workbook;	/* a workbook's sheet, read by lib/workbook.c */
	char *spool;		/* the temporary copy of a workbook on standard input */
};

static void
pending_free(struct pending *p)
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

static int
pending_push(struct pending *p, char *value)
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

static int
queue_push(struct reader *r, struct pending *p)
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
static int
queue_problem(struct reader *r, long line, const char *problem, const char *raw)
{
	struct pending p = { 0 };

	p.line = line;
	p.nul_field = -1;
	p.problem = (char *)problem;
	if (raw != NULL && (p.raw = strdup(raw)) == NULL)
		return -1;
	return queue_push(r, &p);
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
		    pending_push(&r->current, v) != 0) {
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

/*
 * Read more raw bytes.  Returns bytes read (0 at end of file), -1 on
 * an I/O error.
 */
static long
fill_raw(struct reader *r, struct error *err)
{
	size_t n, want = r->block;

	if (r->eof)
		return 0;
	if (r->raw_pos > 0) {
		memmove(r->raw.data, r->raw.data + r->raw_pos, r->raw.len - r->raw_pos);
		r->raw.len -= r->raw_pos;
		r->raw_pos = 0;
	}
	if (buf_reserve(&r->raw, r->block + SCAN_SLACK) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if (r->split_end > 0 && (long long)want > r->split_end - r->bytes_done)
		want = (size_t)(r->split_end - r->bytes_done);
	n = want > 0 ? fread(r->raw.data + r->raw.len, 1, want, r->fp) : 0;
	if (n == 0) {
		if (ferror(r->fp))
			return error_set(err, EXIT_IOERR, "%s: %s", r->file,
			    strerror(errno));
		r->eof = 1;
	}
	r->raw.len += n;
	/* a NUL, then bytes a vector scan may read past it and ignore */
	memset(r->raw.data + r->raw.len, 0, SCAN_SLACK + 1);
	r->bytes_done += (long long)n;
	return (long)n;
}

/* Look at the first bytes for a byte-order mark. */
static int
check_bom(struct reader *r, struct error *err)
{
	const unsigned char *p = (const unsigned char *)r->raw.data;
	size_t n = r->raw.len;

	r->at_start = 0;
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		r->raw_pos = 3;
		r->decoding = DECODE_UTF8;
	} else if (n >= 4 && p[0] == 0x84 && p[1] == 0x31 && p[2] == 0x95 &&
	    p[3] == 0x33) {
		r->raw_pos = 4;
		r->decoding = DECODE_GB18030;
	} else if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff)))
		return error_set(err, EXIT_DATAERR, _("%s:1: UTF-16 text is not "
		    "supported; save the sheet as CSV (UTF-8 or comma delimited)"),
		    r->file);
	return 0;
}

/*
 * Decide between UTF-8 and GB18030 on the first line that is not plain
 * ASCII: Chinese text in GB18030 is practically never valid UTF-8.
 */
static void
decide_encoding(struct reader *r, const char *s, size_t n)
{
	r->decoding = utf8_valid(s, n) ? DECODE_UTF8 : DECODE_GB18030;
}

/* Offset of the first byte of s[0..n) that is not ASCII, or n; a word at a time. */
static size_t
ascii_prefix(const char *s, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/*
 * 1 when s[0..n) is valid UTF-8, as utf8_valid() says, but faster on
 * what sheets hold: ASCII a word at a time and three-byte characters
 * (CJK) inline; any other character goes through utf8_valid_prefix().
 */
static int
utf8_valid_fast(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len;

		if (c < 0x80) {
			i += ascii_prefix(str + i, n - i);
			continue;
		}
		/* E1-EC and EE-EF lead three bytes with no further limits */
		if (c >= 0xe1 && c <= 0xef && c != 0xed) {
			if (n - i < 3 || (s[i + 1] & 0xc0) != 0x80 ||
			    (s[i + 2] & 0xc0) != 0x80)
				return 0;
			i += 3;
			continue;
		}
		len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		if (len > n - i || utf8_valid_prefix(str + i, len) != len)
			return 0;
		i += len;
	}
	return 1;
}

#if defined(__SSE2__)
/*
 * utf8_valid_fast() sixteen bytes at a time: each byte is classed by
 * signed comparisons (continuation, lead of 2, 3 or 4, never valid),
 * and the continuations the leads call for must be exactly those
 * there.  The leads with further limits on their next byte (E0, ED,
 * F0, F4) are left to utf8_valid_fast().
 */
static int
utf8_valid_line(const char *s, size_t n)
{
	uint32_t carry = 0;

	for (size_t i = 0; i < n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		uint32_t in = n - i >= 16 ? 0xffffu : (1u << (n - i)) - 1;
		uint32_t high = (uint32_t)_mm_movemask_epi8(v) & in;
		uint32_t cont, ge_c2, ge_e0, ge_f0, ge_f5, limited, need;

		if (high == 0) {
			if (carry != 0)
				return 0;
			continue;
		}
		limited = (uint32_t)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe0)),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xed))),
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xf0)),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xf4))))) & in;
		if (limited != 0)
			return utf8_valid_fast(s, n);
		cont = (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(v,
		    _mm_set1_epi8(-64))) & in;
		ge_c2 = (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi8(v,
		    _mm_set1_epi8(-63))) & high;
		ge_e0 = (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi8(v,
		    _mm_set1_epi8(-33))) & high;
		ge_f0 = (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi8(v,
		    _mm_set1_epi8(-17))) & high;
		ge_f5 = (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi8(v,
		    _mm_set1_epi8(-12))) & high;
		/* C0 and C1 (neither continuation nor lead), F5 to FF */
		if ((high & ~cont & ~ge_c2) != 0 || ge_f5 != 0)
			return 0;
		need = carry | ((ge_c2 & ~ge_e0) << 1) |
		    ((ge_e0 & ~ge_f0) * 6) | (ge_f0 * 14);
		if ((need & 0xffffu) != cont)
			return 0;	/* also a character cut by the end of s */
		carry = need >> 16;
	}
	return carry == 0;
}
#else
#define utf8_valid_line utf8_valid_fast
#endif

/* The column of field i as a spreadsheet letters it ("column AB"), into r. */
static const char *
column_label(struct reader *r, size_t i)
{
	char letters[16];
	size_t n = 0, k = i + 1;

	while (k > 0 && n < sizeof(letters) - 1) {
		letters[n++] = (char)('A' + (k - 1) % 26);
		k = (k - 1) / 26;
	}
	snprintf(r->column_name, sizeof(r->column_name), "%s ", _("column"));
	for (size_t at = strlen(r->column_name); n > 0 &&
	    at + 1 < sizeof(r->column_name); at++)
		r->column_name[at] = letters[--n], r->column_name[at + 1] = '\0';
	return r->column_name;
}

/*
 * The column of a CSV line s holding byte at, as a message names it:
 * the header's name for it, else its letter; NULL when s is no CSV
 * line or continues a record begun on a line before (its column is not
 * known from its own bytes).  The commas and quotes before at are those
 * of the line in any encoding it may have: in GB18030 no byte of a
 * character is an ASCII comma or quote.
 */
static const char *
line_column(struct reader *r, const char *s, size_t at)
{
	size_t field = 0, i = 0;
	int quoted = 0;

	if (r->format == INPUT_AUTO) {	/* the first line: JSON, or CSV */
		while (i < at && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (s[i] == '[' || s[i] == '{')
			return NULL;
	} else if (r->format != INPUT_CSV || r->record_open)
		return NULL;
	for (i = 0; i < at; i++)
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == ',' && !quoted)
			field++;
	if (r->header != NULL && field < r->header_count &&
	    *r->header[field] != '\0')
		return r->header[field];
	return column_label(r, field);
}

/*
 * Bytes of line number line, s, that the encoding cannot read, from
 * byte at: EXIT_DATAERR into err, the message what naming the file, the
 * line and the column.  Returns -1.
 */
static int
undecodable(struct reader *r, const char *s, size_t at, long line,
    const char *what, struct error *err)
{
	const char *column = line_column(r, s, at);

	if (column == NULL)
		return error_set(err, EXIT_DATAERR, "%s:%ld: %s", r->file, line, what);
	return error_set(err, EXIT_DATAERR, "%s:%ld: %s: %s", r->file, line, column,
	    what);
}

/* What undecodable() says of bytes that are not UTF-8. */
static const char *
not_utf8(const struct reader *r)
{
	return r->encoding == ENCODING_UTF8 ? _("bytes that are not UTF-8") :
	    _("bytes that are not UTF-8, in a file that began as UTF-8");
}

/* Decode raw line bytes s[0..n) into r->line. */
static int
decode_line(struct reader *r, const char *s, size_t n, struct error *err)
{
	size_t ascii = ascii_prefix(s, n);

	buf_reset(&r->line);
	if (ascii == n)
		return buf_append(&r->line, s, n) == 0 ? 0 :
		    error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if (r->decoding == DECODE_UNDECIDED)
		decide_encoding(r, s, n);
	if (r->decoding == DECODE_UTF8) {
		/* the ASCII prefix is valid UTF-8 and ends on a character boundary */
		if (!utf8_valid_fast(s + ascii, n - ascii))
			return undecodable(r, s, utf8_valid_prefix(s, n),
			    r->line_number, not_utf8(r), err);
		return buf_append(&r->line, s, n) == 0 ? 0 :
		    error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	}
	if (r->cd == (iconv_t)-1 &&
	    (r->cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return error_set(err, EXIT_SOFTWARE, _("cannot convert from GB18030: %s"),
		    strerror(errno));
	iconv(r->cd, NULL, NULL, NULL, NULL);
	{
		char *in = (char *)s;
		size_t inleft = n;

		while (inleft > 0) {
			char *out;
			size_t outleft;

			if (buf_reserve(&r->line, inleft * 2 + 8) != 0)
				return error_set(err, EXIT_SOFTWARE, "%s",
				    strerror(ENOMEM));
			out = r->line.data + r->line.len;
			outleft = r->line.cap - r->line.len - 1;
			if (iconv(r->cd, &in, &inleft, &out, &outleft) == (size_t)-1 &&
			    errno != E2BIG) {
				return undecodable(r, s, (size_t)(in - s),
				    r->line_number, r->encoding == ENCODING_GB18030 ?
				    _("bytes that are not GB18030") : _("bytes that "
				    "are neither UTF-8 nor GB18030"), err);
			}
			r->line.len = (size_t)(out - r->line.data);
			r->line.data[r->line.len] = '\0';
		}
	}
	return 0;
}

/*
 * The next line, decoded, with its newline, into r->line.  Returns 1,
 * 0 at the end of input, -1 with err set.
 */
static int
next_line(struct reader *r, struct error *err)
{
	char *nl;
	size_t n;

	for (;;) {
		if (r->at_start) {
			while (r->raw.len < 4 && !r->eof)
				if (fill_raw(r, err) < 0)
					return -1;
			if (check_bom(r, err) != 0)
				return -1;
		}
		nl = memchr(r->raw.data + r->raw_pos, '\n', r->raw.len - r->raw_pos);
		if (nl != NULL || r->eof)
			break;
		if (fill_raw(r, err) < 0)
			return -1;
	}
	n = nl != NULL ? (size_t)(nl - (r->raw.data + r->raw_pos)) + 1 :
	    r->raw.len - r->raw_pos;
	if (n == 0)
		return 0;
	r->line_number++;
	if (decode_line(r, r->raw.data + r->raw_pos, n, err) != 0)
		return -1;
	r->raw_pos += n;
	return 1;
}

static int
is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* ---- CSV ---- */

static void
csv_field(void *data, size_t len, void *context)
{
	struct reader *r = context;
	char *v;

	if (data == NULL)
		len = 0;
	else if (memchr(data, '\0', len) != NULL) {
		if (!r->building_nul)
			r->building_nul_field = (long)r->building.count;
		r->building_nul = 1;
		len = strlen(data);
	}
	if ((v = malloc(len + 1)) == NULL || pending_push(&r->building, v) != 0) {
		free(v);
		r->building.problem = (char *)N_("out of memory");
		return;
	}
	if (len > 0)
		memcpy(v, data, len);
	v[len] = '\0';
}

static void
csv_row(int c, void *context)
{
	struct reader *r = context;
	struct pending *b = &r->building;
	int blank = 1;

	(void)c;
	b->line = r->record_line;
	r->record_open = 0;
	r->record_line = r->line_number;	/* a record after a lone CR starts here */
	for (size_t i = 0; i < b->count && blank; i++)
		blank = is_blank(b->values[i], strlen(b->values[i]));
	if (blank && !r->building_nul) {
		pending_free(b);
		return;
	}
	b->nul_field = -1;
	if (r->building_nul) {
		b->problem = (char *)N_("a NUL byte in the text");
		b->nul_field = r->building_nul_field;
	}
	r->building_nul = 0;
	if (queue_push(r, b) != 0)
		pending_free(b);
}

static int
csv_setup(struct reader *r, struct error *err)
{
	if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	r->csv_ready = 1;
	return 0;
}

/* Word-at-a-time byte search: nonzero when a byte of w is zero. */
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL
#define HAS_ZERO(w)	(((w) - ONES) & ~(w) & HIGHS)

/* 1 when s[0..n) holds a quote, a CR or a NUL. */
static int
has_special(const char *s, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (HAS_ZERO(w) | HAS_ZERO(w ^ ('"' * ONES)) |
		    HAS_ZERO(w ^ ('\r' * ONES)))
			break;
	}
	for (; i < n; i++)
		if (s[i] == '"' || s[i] == '\r' || s[i] == '\0')
			return 1;
	return 0;
}

/* The first comma of p[0..end), or end. */
static const char *
find_comma(const char *p, const char *end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (end - p >= 8) {
		uint64_t w, hit;

		memcpy(&w, p, 8);
		/* the lowest flagged byte is the first comma; flags above it may be false */
		if ((hit = HAS_ZERO(w ^ (',' * ONES))) != 0)
			return p + (__builtin_ctzll(hit) >> 3);
		p += 8;
	}
#endif
	while (p < end && *p != ',')
		p++;
	return p;
}

/*
 * A line that starts a record and holds no quote, no NUL and no CR but
 * in a final CR LF is split here exactly as libcsv splits it: fields
 * are cut at commas and trimmed of spaces and tabs.  libcsv costs a
 * function call per byte; most lines of a sheet need none of that.
 * Returns 1 when the line was taken, 0 when libcsv must parse it.
 */
static int
csv_split_plain(struct reader *r)
{
	const char *s = r->line.data, *end, *p;
	struct pending *b = &r->building;
	size_t n = r->line.len;
	char *out;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (has_special(s, n) || b->count > 0 || b->values != NULL)
		return 0;
	/*
	 * One block for every value, the last record's memory if it fits:
	 * the values and their NULs take at most n + 1 bytes, since each
	 * NUL but the last stands for a comma.
	 */
	*b = r->spare;
	memset(&r->spare, 0, sizeof(r->spare));
	if (b->block_cap < n + 1) {
		free(b->block);
		b->block_cap = 0;
		if ((b->block = malloc(n + 1)) == NULL)
			goto nomem;
		b->block_cap = n + 1;
	}
	out = b->block;
	end = s + n;
	for (p = s;; p++) {
		const char *stop = find_comma(p, end), *next = stop;
		size_t len;

		if (b->count == b->cap) {
			size_t cap = b->cap ? b->cap * 2 : 16;
			char **v = realloc(b->values, cap * sizeof(*v));

			if (v == NULL)
				goto nomem;
			b->values = v;
			b->cap = cap;
		}
		while (p < stop && (*p == ' ' || *p == '\t'))
			p++;
		while (stop > p && (stop[-1] == ' ' || stop[-1] == '\t'))
			stop--;
		len = (size_t)(stop - p);
		memcpy(out, p, len);
		out[len] = '\0';
		b->values[b->count++] = out;
		out += len + 1;
		if (next == end)
			break;
		p = next;
	}
	r->record_line = r->line_number;
	csv_row('\n', r);
	return 1;
nomem:
	pending_free(b);
	return 0;	/* libcsv's way reports it */
}

/*
 * Plain lines straight from the raw bytes.  Most lines of a sheet hold
 * no quote, no NUL and no CR but in a final CR LF; in UTF-8 (or ASCII in
 * any encoding) such a line is cut at its commas where it lies in the
 * raw buffer, each field trimmed and ended with a NUL written over the
 * comma or the newline after it.  One scan finds the end of the line and
 * anything that needs libcsv; another finds the commas; only the bytes
 * that are not ASCII are checked as UTF-8.
 */

#if !defined(__SSE2__)
/* High bit set in each byte of w that is zero, and only there. */
static uint64_t
zero_bytes(uint64_t w)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;

	return ~(((w & low7) + low7) | w | low7);
}
#endif

/*
 * The offset in s of the first newline, quote, CR or NUL.  s ends with
 * a NUL followed by SCAN_SLACK readable bytes.  *high is set to whether
 * a byte before that offset is not ASCII.
 */
static size_t
scan_line(const char *s, int *high)
{
	size_t i = 0;
#if defined(__SSE2__)
	const __m128i nl = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"'),
	    cr = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
	unsigned seen = 0;

	for (;; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl),
		    _mm_cmpeq_epi8(v, quote)), _mm_or_si128(_mm_cmpeq_epi8(v, cr),
		    _mm_cmpeq_epi8(v, zero)));
		unsigned m = (unsigned)_mm_movemask_epi8(hit),
		    h = (unsigned)_mm_movemask_epi8(v);

		if (m != 0) {
			unsigned at = (unsigned)__builtin_ctz(m);

			*high = seen != 0 || (h & ((1u << at) - 1)) != 0;
			return i + at;
		}
		seen |= h;
	}
#else
	uint64_t seen = 0;

	for (;; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (zero_bytes(w ^ ('\n' * ONES)) | zero_bytes(w ^ ('"' * ONES)) |
		    zero_bytes(w ^ ('\r' * ONES)) | zero_bytes(w))
			break;
		seen |= w & HIGHS;
	}
	while (s[i] != '\n' && s[i] != '"' && s[i] != '\r' && s[i] != '\0') {
		seen |= (unsigned char)s[i] & 0x80;
		i++;
	}
	*high = seen != 0;
	return i;
#endif
}

/* p is the record of the current line: the first count of r->plain_values. */
static void
pending_borrow(struct reader *r, struct pending *p, size_t count)
{
	memset(p, 0, sizeof(*p));
	p->line = r->line_number;
	p->count = p->cap = count;
	p->values = r->plain_values;
	p->nul_field = -1;
	p->borrowed = 1;
}

/* Room for n fields in r->plain_values; 0, or -1 when memory runs out. */
static int
plain_reserve(struct reader *r, size_t n)
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

/* End the field s[start..stop) in place, trimmed of spaces and tabs; it is fields[k]. */
static void
plain_field(char *s, size_t start, size_t stop, char **fields, size_t k)
{
	while (start < stop && (s[start] == ' ' || s[start] == '\t'))
		start++;
	while (stop > start && (s[stop - 1] == ' ' || s[stop - 1] == '\t'))
		stop--;
	s[stop] = '\0';
	fields[k] = s + start;
}

/*
 * Cut s[0..n), which holds no quote, CR or NUL, at its commas into
 * r->plain_values, in place (s[n] is overwritten).  Returns the number
 * of fields, or 0 when memory runs out.
 */
static size_t
plain_split(struct reader *r, char *s, size_t n)
{
	size_t k = 0, start = 0, i = 0;
#if defined(__SSE2__)
	const __m128i comma = _mm_set1_epi8(',');

	for (; i < n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma));

		if (n - i < 16)
			m &= (1u << (n - i)) - 1;
		for (; m != 0; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			if (k + 2 > r->plain_cap && plain_reserve(r, k + 2) != 0)
				return 0;
			plain_field(s, start, at, r->plain_values, k++);
			start = at + 1;
		}
	}
#else
	for (; i < n; i++)
		if (s[i] == ',') {
			if (k + 2 > r->plain_cap && plain_reserve(r, k + 2) != 0)
				return 0;
			plain_field(s, start, i, r->plain_values, k++);
			start = i + 1;
		}
#endif
	if (k + 1 > r->plain_cap && plain_reserve(r, k + 1) != 0)
		return 0;
	plain_field(s, start, n, r->plain_values, k++);
	return k;
}

/*
 * Find the next line in the raw bytes, reading more as needed: its
 * length without the line end into *n, with it into *used.  Returns 1,
 * 0 when the line is not plain (a quote, a NUL, a lone CR) or there is
 * none, -1 with err set.
 */
static int
plain_line(struct reader *r, size_t *n, size_t *used, int *high,
    struct error *err)
{
	for (;;) {
		const char *s = r->raw.data + r->raw_pos;
		size_t left = r->raw.len - r->raw_pos, at;

		if (r->raw.data == NULL)
			return 0;
		at = scan_line(s, high);
		*n = at;
		if (at < left && s[at] == '\n') {
			*used = at + 1;
			return 1;
		}
		if (at + 1 < left && s[at] == '\r' && s[at + 1] == '\n') {
			*used = at + 2;
			return 1;
		}
		if (at < left && s[at] == '\r' && at + 1 == left && r->eof) {
			*used = at + 1;	/* a CR ends the input */
			return 1;
		}
		if (at == left && r->eof) {
			*used = at;
			return at > 0;
		}
		if ((at < left && s[at] != '\r') || (at + 1 < left))
			return 0;	/* a quote, a NUL or a lone CR */
		/* the line goes on past the bytes read */
		if (fill_raw(r, err) < 0)
			return -1;
	}
}

/*
 * The next record, if it is a plain line, into p: its values are the
 * reader's, in the raw bytes.  Returns 1 with a record, 2 when the line
 * was blank (skipped), 0 when the line is for the general path (not
 * plain, in GB18030, or no line left), -1 with err set.
 */
static int
csv_next_plain(struct reader *r, struct pending *p, struct error *err)
{
	size_t n, used, count;
	char *s;
	int high, got, blank = 1;

	if ((got = plain_line(r, &n, &used, &high, err)) <= 0)
		return got;
	s = r->raw.data + r->raw_pos;
	if (high) {
		if (r->decoding == DECODE_UNDECIDED)
			decide_encoding(r, s, used);
		if (r->decoding != DECODE_UTF8)
			return 0;
		if (!utf8_valid_line(s, used))
			return undecodable(r, s, utf8_valid_prefix(s, used),
			    r->line_number + 1, not_utf8(r), err);
	}
	if ((count = plain_split(r, s, n)) == 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	r->line_number++;
	r->raw_pos += used;
	for (size_t i = 0; i < count && blank; i++)
		blank = *r->plain_values[i] == '\0';
	if (blank)
		return 2;
	pending_borrow(r, p, count);
	return 1;
}

/* Feed the current line to libcsv; a quoting error becomes a bad record. */
static int
csv_feed(struct reader *r, struct error *err)
{
	size_t done;

	if (!r->record_open) {
		if (is_blank(r->line.data, r->line.len))
			return 0;
		if (csv_split_plain(r))
			return 0;
		r->record_open = 1;
		r->record_line = r->line_number;
		buf_reset(&r->building_raw);
	}
	buf_append(&r->building_raw, r->line.data, r->line.len);
	done = csv_parse(&r->csv, r->line.data, r->line.len, csv_field, csv_row, r);
	/* a row that ended at a lone CR may be followed by an open quoted field */
	r->record_open = r->csv.quoted;
	if (done == r->line.len)
		return 0;
	/* bad quoting: the record so far is unreadable; start afresh */
	pending_free(&r->building);
	r->building_nul = 0;
	r->record_open = 0;
	csv_free(&r->csv);
	if (csv_setup(r, err) != 0)
		return -1;
	{
		char *raw = r->building_raw.data;
		size_t n = r->building_raw.len;

		while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r'))
			raw[--n] = '\0';
		if (queue_problem(r, r->record_line,
		    N_("a quote (\") inside a field that is not quoted, or "
		    "text after a closing quote"), raw) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	}
	return 0;
}

static int
csv_finish(struct reader *r, struct error *err)
{
	if (!r->csv_ready)
		return 0;
	if (csv_fini(&r->csv, csv_field, csv_row, r) != 0) {
		pending_free(&r->building);
		return error_set(err, EXIT_DATAERR,
		    _("%s:%ld: a quoted field is not closed by the end of the input"),
		    r->file, r->record_line);
	}
	return 0;
}

/*
 * Trim the header's names and index the named columns in r->header_map,
 * refusing a name given twice: a hash set of the names, so that a header
 * of many columns costs no more than its length.
 */
static int
csv_name_columns(struct reader *r, long line, struct error *err)
{
	struct hashtab seen = { 0 };
	int rc = 0;

	if ((r->header_map = calloc(r->header_count + 1, sizeof(size_t))) == NULL ||
	    hashtab_reserve(&seen, r->header_count) != 0)
		rc = error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	for (size_t i = 0; rc == 0 && i < r->header_count; i++) {
		char *name = text_trim(r->header[i]);
		size_t len = strlen(name), pos, k;
		uint64_t h = text_hash(TEXT_HASH, name, len);

		memmove(r->header[i], name, len + 1);
		if (len == 0)
			continue;
		pos = hashtab_start(&seen, h);
		while ((k = hashtab_next(&seen, h, &pos)) != HASHTAB_END)
			if (strcmp(r->header[r->header_map[k]], r->header[i]) == 0)
				break;
		if (k != HASHTAB_END)
			rc = error_set(err, EXIT_DATAERR,
			    _("%s:%ld: %s: the column appears twice in the header"),
			    r->file, line, r->header[i]);
		else if (hashtab_add(&seen, h, r->header_named) != 0)
			rc = error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		else
			r->header_map[r->header_named++] = i;
	}
	hashtab_free(&seen);
	return rc;
}

/* Take the first CSV record as the header. */
static int
csv_take_header(struct reader *r, struct pending *p, struct error *err)
{
	if (p->problem != NULL)
		return error_set(err, EXIT_DATAERR, "%s:%ld: %s", r->file, p->line,
		    _(p->problem));
	if (p->count > HEADER_MAX_COLUMNS)
		return error_set(err, EXIT_DATAERR, _("%s:%ld: the header has %zu "
		    "columns; at most %d are read"), r->file, p->line, p->count,
		    HEADER_MAX_COLUMNS);
	if (p->borrowed || p->block != NULL) {
		/* the header outlives the record's memory: its own copies */
		char **copies = calloc(p->count + 1, sizeof(*copies));
		size_t i;

		for (i = 0; copies != NULL && i < p->count; i++)
			if ((copies[i] = strdup(p->values[i])) == NULL)
				break;
		if (copies == NULL || i < p->count) {
			while (copies != NULL && i-- > 0)
				free(copies[i]);
			free(copies);
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		}
		if (!p->borrowed) {
			free(p->block);
			free(p->values);
		}
		p->values = copies;
		p->block = NULL;
		p->block_cap = 0;
		p->borrowed = 0;
	}
	r->header = p->values;
	r->header_count = p->count;
	p->values = NULL;
	p->count = p->cap = 0;
	return csv_name_columns(r, p->line, err);
}

static void csv_shape_fields(struct reader *r, struct pending *p);

/* Check a CSV data record against the header and name its fields. */
/* The fields of p as one line of CSV, for a record that cannot be used (caller frees). */
static char *
csv_join(const struct pending *p)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	if (fp == NULL)
		return NULL;
	for (size_t i = 0; i < p->count; i++) {
		if (i > 0)
			putc(',', fp);
		csv_write_field(fp, p->values[i], 0);
	}
	if (fclose(fp) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

static void
csv_shape(struct reader *r, struct pending *p)
{
	csv_shape_fields(r, p);
	if (p->problem != NULL && p->raw == NULL)
		p->raw = csv_join(p);
	if (p->problem != NULL && p->nul_field >= 0 &&
	    (size_t)p->nul_field < r->header_count && *r->header[p->nul_field])
		p->problem_field = r->header[p->nul_field];
}

static void
csv_shape_fields(struct reader *r, struct pending *p)
{
	if (p->problem != NULL)
		return;
	/* the usual sheet: every column named, as many fields: all in place */
	if (p->count == r->header_count && r->header_named == r->header_count)
		return;
	/* the field a problem is in: the first cell past the header, the first missing */
	for (size_t i = r->header_count; i < p->count; i++)
		if (*p->values[i] != '\0') {
			p->problem = (char *)N_("more fields than the header has columns");
			p->problem_field = column_label(r, i);
			return;
		}
	if (p->count < r->header_count) {
		p->problem = (char *)N_("fewer fields than the header has columns");
		p->problem_field = *r->header[p->count] != '\0' ?
		    r->header[p->count] : column_label(r, p->count);
		return;
	}
	for (size_t i = 0; i < r->header_count; i++)
		if (*r->header[i] == '\0' && *p->values[i] != '\0') {
			p->problem = (char *)N_("a value in a column that has no name in the header");
			p->problem_field = column_label(r, i);
			return;
		}
	/* keep only the named columns, in header order */
	{
		size_t k = 0;

		for (size_t i = 0; i < p->count; i++) {
			if (k < r->header_named && r->header_map[k] == i)
				p->values[k++] = p->values[i];
			else if (p->block == NULL && !p->borrowed)
				free(p->values[i]);
		}
		p->count = k;
	}
}

/* ---- JSON ---- */

static char *
json_scalar_text(json_t *v, const char **problem)
{
	char tmp[64];

	switch (json_typeof(v)) {
	case JSON_STRING:
		if (strlen(json_string_value(v)) != json_string_length(v)) {
			*problem = N_("a NUL byte in the text");
			return NULL;
		}
		return strdup(json_string_value(v));
	case JSON_INTEGER:
		snprintf(tmp, sizeof(tmp), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return strdup(tmp);
	case JSON_REAL:
		snprintf(tmp, sizeof(tmp), "%.15g", json_real_value(v));
		return strdup(tmp);
	case JSON_TRUE:
		return strdup("true");
	case JSON_FALSE:
		return strdup("false");
	default:
		*problem = N_("a nested object or array where a value was expected");
		return NULL;
	}
}

/* Turn one parsed JSON value into a queued record. */
static int
json_to_record(struct reader *r, json_t *root, long line)
{
	struct pending p = { 0 };
	const char *key;
	json_t *value;

	p.line = line;
	if (!json_is_object(root)) {
		p.problem = (char *)N_("each record must be a JSON object");
		return queue_push(r, &p);
	}
	/* names go first, values after: values[count/2 + i] */
	json_object_foreach(root, key, value) {
		char *name = strdup(key), *text = NULL;
		const char *problem = NULL;

		if (name == NULL || pending_push(&p, name) != 0) {
			free(name);
			goto nomem;
		}
		if (json_is_null(value))
			text = NULL;
		else if (json_is_array(value)) {
			struct buf joined = { 0 };
			size_t i;
			json_t *item;

			json_array_foreach(value, i, item) {
				char *t = json_scalar_text(item, &problem);

				if (t == NULL)
					break;
				if (i > 0)
					buf_puts(&joined, ";");
				buf_puts(&joined, t);
				free(t);
			}
			if (problem == NULL && joined.data == NULL)
				buf_puts(&joined, "");
			text = joined.data;
			if (problem != NULL) {
				free(text);
				text = NULL;
			}
		} else
			text = json_scalar_text(value, &problem);
		if (problem != NULL && p.problem == NULL) {
			p.problem = (char *)problem;
			p.problem_field = name;
		}
		if (pending_push(&p, text) != 0) {
			free(text);
			goto nomem;
		}
	}
	return queue_push(r, &p);
nomem:
	pending_free(&p);
	return -1;
}

/* at, moved back over the JSON white space that s[0..at) ends with. */
static size_t
json_space_before(const char *s, size_t at)
{
	while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '\t' ||
	    s[at - 1] == '\r' || s[at - 1] == '\n'))
		at--;
	return at;
}

/*
 * The key that s[0..at) ends with, where jansson stopped: just after the
 * key (skip_value 0) or after the key's number (1).  Returns the key,
 * decoded (the caller frees), or NULL when there is none there.
 */
static char *
json_key_before(const char *s, size_t at, int skip_value)
{
	size_t open;
	json_t *key;
	char *name = NULL;

	while (skip_value && at > 0 && s[at - 1] != '\0' &&
	    strchr("0123456789+-.eE", s[at - 1]) != NULL)
		at--;
	at = json_space_before(s, at);
	if (skip_value && (at == 0 || s[--at] != ':'))
		return NULL;
	at = json_space_before(s, at);
	if (at < 2 || s[at - 1] != '"')
		return NULL;
	/* the opening quote: the first before it not escaped by a backslash */
	for (open = at - 1; open-- > 0;) {
		size_t slashes = 0;

		while (open - slashes > 0 && s[open - slashes - 1] == '\\')
			slashes++;
		if (s[open] == '"' && slashes % 2 == 0)
			break;
	}
	if (open == (size_t)-1 || (key = json_loadb(s + open, at - open,
	    JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL)) == NULL)
		return NULL;
	if (json_is_string(key))
		name = strdup(json_string_value(key));
	json_decref(key);
	return name;
}

/*
 * Queue the JSON value r->json_text that jansson refused: a key given
 * twice and a number out of range are named with their key, anything
 * else is not valid JSON.  0, or -1 when memory runs out.
 */
static int
json_refused(struct reader *r, const json_error_t *jerr)
{
	struct pending p = { 0 };
	enum json_error_code code = json_error_code(jerr);
	char *key = NULL;

	p.line = r->json_line + jerr->line - 1 > r->json_line ?
	    r->json_line + jerr->line - 1 : r->json_line;
	p.nul_field = -1;
	p.problem = (char *)N_("not valid JSON");
	if (code == json_error_duplicate_key) {
		p.problem = (char *)N_("the key appears twice in the object");
		key = json_key_before(r->json_text.data, (size_t)jerr->position, 0);
	} else if (code == json_error_numeric_overflow) {
		p.problem = (char *)N_("a number out of range");
		key = json_key_before(r->json_text.data, (size_t)jerr->position, 1);
	}
	/* the key lives with the record: its first value, never handed out */
	if (key != NULL && pending_push(&p, key) != 0) {
		free(key);
		return -1;
	}
	p.problem_field = key;
	if ((p.raw = strdup(r->json_text.data)) == NULL) {
		pending_free(&p);
		return -1;
	}
	return queue_push(r, &p);
}

static int
json_element_done(struct reader *r, struct error *err)
{
	json_error_t jerr;
	json_t *root = json_loadb(r->json_text.data, r->json_text.len,
	    JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY | JSON_ALLOW_NUL |
	    JSON_REJECT_DUPLICATES, &jerr);
	int rc;

	r->json_in_element = 0;
	if (root == NULL) {
		rc = json_refused(r, &jerr);
	} else {
		rc = json_to_record(r, root, r->json_line);
		json_decref(root);
	}
	buf_reset(&r->json_text);
	if (rc != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	return 0;
}

/*
 * Cut the current line into top-level JSON values.  (Longer than most:
 * one pass over the bytes whose states, string, escape and depth, every
 * step would share if it were cut up.)
 */
static int
json_feed(struct reader *r, struct error *err)
{
	const char *s = r->line.data;
	size_t n = r->line.len, start = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!r->json_in_element) {
			if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
				continue;
			if (!r->json_started) {
				r->json_started = 1;
				r->json_lines = r->format == INPUT_JSONL ? 1 : -1;
				if (c == '[') {
					r->json_array = 1;
					r->json_lines = 0;
					continue;
				}
			}
			if (r->json_closed)
				return error_set(err, EXIT_DATAERR,
				    _("%s:%ld: text after the end of the JSON array"),
				    r->file, r->line_number);
			if (r->json_array && c == ',')
				continue;
			if (r->json_array && c == ']') {
				r->json_closed = 1;
				continue;
			}
			r->json_in_element = 1;
			r->json_depth = 0;
			r->json_in_string = r->json_escape = 0;
			r->json_line = r->line_number;
			start = i;
		}
		if (r->json_in_string) {
			if (r->json_escape)
				r->json_escape = 0;
			else if (c == '\\')
				r->json_escape = 1;
			else if (c == '"') {
				r->json_in_string = 0;
				if (r->json_depth == 0)
					goto element_end;
			}
			continue;
		}
		if (c == '"')
			r->json_in_string = 1;
		else if (c == '{' || c == '[')
			r->json_depth++;
		else if ((c == '}' || c == ']') && r->json_depth > 0) {
			if (--r->json_depth == 0)
				goto element_end;
		} else if (r->json_depth == 0 && (c == ',' || c == ' ' ||
		    c == '\n' || c == '\r' || c == '\t' || c == ']' || c == '}')) {
			/* a bare scalar ends before this character */
			if (i == start)	/* a stray separator */
				goto element_end;
			if (buf_append(&r->json_text, s + start, i - start) != 0 ||
			    json_element_done(r, err) != 0)
				return -1;
			if (c == ',' && !r->json_array)
				continue;
			i--;
			continue;
		}
		continue;
element_end:
		if (r->json_lines < 0)
			r->json_lines = r->json_line == r->line_number;
		if (buf_append(&r->json_text, s + start, i + 1 - start) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		if (json_element_done(r, err) != 0)
			return -1;
	}
	if (r->json_in_element &&
	    buf_append(&r->json_text, s + start, n - start) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if (r->json_in_element && r->json_lines < 0)
		r->json_lines = 0;	/* objects spread over lines, as jq prints them */
	if (r->json_in_element && r->json_lines == 1) {
		/* JSON Lines: a line that does not close its value is one bad record */
		char *raw = r->json_text.data;
		size_t len = r->json_text.len;

		while (len > 0 && (raw[len - 1] == '\n' || raw[len - 1] == '\r'))
			raw[--len] = '\0';
		r->json_in_element = 0;
		if (queue_problem(r, r->json_line, N_("not valid JSON"), raw) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		buf_reset(&r->json_text);
	}
	return 0;
}

static int
json_finish(struct reader *r, struct error *err)
{
	if (r->json_in_element) {
		if (r->json_depth == 0 && !r->json_in_string)
			return json_element_done(r, err);
		return error_set(err, EXIT_DATAERR,
		    _("%s:%ld: a JSON value is not closed by the end of the input"),
		    r->file, r->json_line);
	}
	if (r->json_array && !r->json_closed)
		return error_set(err, EXIT_DATAERR,
		    _("%s:%ld: the JSON array is not closed by the end of the input"),
		    r->file, r->line_number);
	return 0;
}

/*
 * A line of JSON Lines that is one flat object, as sheets exported to
 * JSON are: names and values that are strings without escapes or
 * control characters, whole numbers of up to 18 digits, true, false or
 * null.  Such a line is cut where it lies in r->line, as the CSV lines
 * are; jansson, costlier by far, parses any other.
 */

/* Pairs of a flat object taken without jansson; an object with more goes to it. */
#define JSON_FLAT_PAIRS 64

static size_t
json_space(const char *s, size_t i)
{
	while (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
		i++;
	return i;
}

/*
 * The string starting at s[*i] (a quote): its text s[*at..*stop) and
 * *i past it.  0 when it has an escape or a control character, or is
 * not closed: jansson's business.
 */
static int
json_flat_string(const char *s, size_t *i, size_t *at, size_t *stop)
{
	size_t j = *i + 1;

	while (s[j] != '"') {
		if (s[j] == '\\' || (unsigned char)s[j] < 0x20)
			return 0;	/* the NUL that ends the line is one */
		j++;
	}
	*at = *i + 1;
	*stop = j;
	*i = j + 1;
	return 1;
}

/* A value other than a string at s[*i]: true, false, null (*stop = 0) or a whole number. */
static int
json_flat_scalar(const char *s, size_t *i, size_t *at, size_t *stop)
{
	static const char *const words[] = { "true", "false", "null" };
	size_t j = *i, digits = 0;

	for (size_t w = 0; w < 3; w++) {
		size_t n = strlen(words[w]);

		if (strncmp(s + j, words[w], n) == 0) {
			*at = j;
			*stop = w == 2 ? 0 : j + n;
			*i = j + n;
			return 1;
		}
	}
	if (s[j] == '-')
		j++;
	while (s[j + digits] >= '0' && s[j + digits] <= '9')
		digits++;
	/* no -0, no leading zero, no fraction or exponent, no overflow */
	if (digits == 0 || digits > 18 || (s[j] == '0' && (digits > 1 ||
	    j > *i)) || s[j + digits] == '.' || s[j + digits] == 'e' ||
	    s[j + digits] == 'E')
		return 0;
	*at = *i;
	*stop = j + digits;
	*i = j + digits;
	return 1;
}

/*
 * Take the current line as one flat object into p, its names and values
 * in r->line: 1, or 0 when the line is for jansson (untouched then), or
 * -1 when memory runs out.
 */
static int
json_flat_line(struct reader *r, struct pending *p)
{
	char *s = r->line.data;
	size_t at[2 * JSON_FLAT_PAIRS], stop[2 * JSON_FLAT_PAIRS], k = 0, i;

	i = json_space(s, 0);
	if (s[i++] != '{' || s[i = json_space(s, i)] == '}')
		return 0;
	for (;;) {
		if (k == 2 * JSON_FLAT_PAIRS || s[i] != '"' ||
		    !json_flat_string(s, &i, &at[k], &stop[k]))
			return 0;
		k++;
		if (s[i = json_space(s, i)] != ':')
			return 0;
		i = json_space(s, i + 1);
		if (!(s[i] == '"' ? json_flat_string(s, &i, &at[k], &stop[k]) :
		    json_flat_scalar(s, &i, &at[k], &stop[k])))
			return 0;
		k++;
		i = json_space(s, i);
		if (s[i] == '}')
			break;
		if (s[i++] != ',')
			return 0;
		i = json_space(s, i);
	}
	if (json_space(s, i + 1) != r->line.len)
		return 0;	/* more after the object */
	/* a name given twice is jansson's to settle */
	for (size_t a = 2; a < k; a += 2)
		for (size_t b = 0; b < a; b += 2)
			if (stop[a] - at[a] == stop[b] - at[b] &&
			    memcmp(s + at[a], s + at[b], stop[a] - at[a]) == 0)
				return 0;
	if (plain_reserve(r, k + 1) != 0)
		return -1;
	for (size_t j = 0; j < k; j++) {
		r->plain_values[j] = stop[j] == 0 ? NULL : s + at[j];
		if (stop[j] != 0)
			s[stop[j]] = '\0';
	}
	pending_borrow(r, p, k);
	return 1;
}

/* ---- records out of the reader ---- */

static int
guess_format(struct reader *r)
{
	const char *s = r->line.data;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (*s == '\0')
		return 0;
	r->format = *s == '[' || *s == '{' ? INPUT_JSON : INPUT_CSV;
	return 1;
}

/* Free p, but keep the memory of a plain CSV record for the next one. */
static void
pending_recycle(struct reader *r, struct pending *p)
{
	if (p->block == NULL || r->spare.block != NULL) {
		pending_free(p);
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

/* Start libcsv afresh, between two records. */
static int
csv_restart(struct reader *r, struct error *err)
{
	pending_free(&r->building);
	r->building_nul = 0;
	r->record_open = 0;
	if (r->csv_ready)
		csv_free(&r->csv);
	r->csv_ready = 0;
	return csv_setup(r, err);
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
		pending_free(&r->queue[r->queue_head++]);
	if (csv_restart(r, err) != 0)
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
			if (fill_raw(r, err) < 0)
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
		int bad = csv_take_header(r, p, err);

		pending_free(p);
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
		*out = &r->record;
		return 1;
	}
	if (r->format == INPUT_CSV)
		csv_shape(r, p);
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
		if (csv_finish(r, err) != 0)
			return -1;
		csv_free(&r->csv);
		r->csv_ready = 0;
		return 1;
	}
	if (r->format == INPUT_JSON || r->format == INPUT_JSONL) {
		if (json_finish(r, err) != 0)
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

			if ((rc = csv_next_plain(r, &p, err)) < 0)
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
		if ((rc = next_line(r, err)) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (r->format == INPUT_AUTO && !guess_format(r))
			continue;
		if (r->format == INPUT_CSV) {
			if (!r->csv_ready && csv_setup(r, err) != 0)
				return -1;
			if (csv_feed(r, err) != 0)
				return -1;
			continue;
		}
		if (r->json_lines == 1 && !r->json_in_element && !r->json_array) {
			struct pending p;

			if ((rc = json_flat_line(r, &p)) < 0)
				return error_set(err, EXIT_SOFTWARE, "%s",
				    strerror(ENOMEM));
			if (rc == 1)
				return take(r, &p, out, err);
		}
		if (json_feed(r, err) != 0)
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
	pending_free(&r->building);
	pending_free(&r->current);
	pending_free(&r->spare);
	while (r->queue_head < r->queue_len)
		pending_free(&r->queue[r->queue_head++]);
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
	} while (fill_raw(r, err) > 0);
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
	/* as fill_raw() leaves it: a NUL, then bytes a vector scan may read */
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
