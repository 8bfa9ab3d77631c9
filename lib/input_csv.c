/* input_csv.c -- CSV records: plain lines cut in place, the rest fed to libcsv */
#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "buf.h"
#include "input.h"
#include "input_parts.h"
#include "text.h"

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
	if ((v = malloc(len + 1)) == NULL || input_pending_push(&r->building, v) != 0) {
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
		input_pending_free(b);
		return;
	}
	b->nul_field = -1;
	if (r->building_nul) {
		b->problem = (char *)N_("a NUL byte in the text");
		b->nul_field = r->building_nul_field;
	}
	r->building_nul = 0;
	if (input_queue_push(r, b) != 0)
		input_pending_free(b);
}

int
input_csv_setup(struct reader *r, struct error *err)
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
	input_pending_free(b);
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

			if (k + 2 > r->plain_cap && input_plain_reserve(r, k + 2) != 0)
				return 0;
			plain_field(s, start, at, r->plain_values, k++);
			start = at + 1;
		}
	}
#else
	for (; i < n; i++)
		if (s[i] == ',') {
			if (k + 2 > r->plain_cap && input_plain_reserve(r, k + 2) != 0)
				return 0;
			plain_field(s, start, i, r->plain_values, k++);
			start = i + 1;
		}
#endif
	if (k + 1 > r->plain_cap && input_plain_reserve(r, k + 1) != 0)
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
		if (input_fill_raw(r, err) < 0)
			return -1;
	}
}

/*
 * The next record, if it is a plain line, into p: its values are the
 * reader's, in the raw bytes.  Returns 1 with a record, 2 when the line
 * was blank (skipped), 0 when the line is for the general path (not
 * plain, in GB18030, or no line left), -1 with err set.
 */
int
input_csv_next_plain(struct reader *r, struct pending *p, struct error *err)
{
	size_t n, used, count;
	char *s;
	int high, got, blank = 1;

	if ((got = plain_line(r, &n, &used, &high, err)) <= 0)
		return got;
	s = r->raw.data + r->raw_pos;
	if (high) {
		if (r->decoding == DECODE_UNDECIDED)
			input_decide_encoding(r, s, used);
		if (r->decoding != DECODE_UTF8)
			return 0;
		if (!input_utf8_valid_line(s, used))
			return input_undecodable(r, s, utf8_valid_prefix(s, used),
			    r->line_number + 1, input_not_utf8(r), err);
	}
	if ((count = plain_split(r, s, n)) == 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	r->line_number++;
	r->raw_pos += used;
	for (size_t i = 0; i < count && blank; i++)
		blank = *r->plain_values[i] == '\0';
	if (blank)
		return 2;
	input_pending_borrow(r, p, count);
	return 1;
}

/* Feed the current line to libcsv; a quoting error becomes a bad record. */
int
input_csv_feed(struct reader *r, struct error *err)
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
	input_pending_free(&r->building);
	r->building_nul = 0;
	r->record_open = 0;
	csv_free(&r->csv);
	if (input_csv_setup(r, err) != 0)
		return -1;
	{
		char *raw = r->building_raw.data;
		size_t n = r->building_raw.len;

		while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r'))
			raw[--n] = '\0';
		if (input_queue_problem(r, r->record_line,
		    N_("a quote (\") inside a field that is not quoted, or "
		    "text after a closing quote"), raw) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	}
	return 0;
}

int
input_csv_finish(struct reader *r, struct error *err)
{
	if (!r->csv_ready)
		return 0;
	if (csv_fini(&r->csv, csv_field, csv_row, r) != 0) {
		input_pending_free(&r->building);
		return error_set(err, EXIT_DATAERR,
		    _("%s:%ld: a quoted field is not closed by the end of the input"),
		    r->file, r->record_line);
	}
	return 0;
}

/* Start libcsv afresh, between two records. */
int
input_csv_restart(struct reader *r, struct error *err)
{
	input_pending_free(&r->building);
	r->building_nul = 0;
	r->record_open = 0;
	if (r->csv_ready)
		csv_free(&r->csv);
	r->csv_ready = 0;
	return input_csv_setup(r, err);
}
