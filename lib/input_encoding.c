/* input_encoding.c -- bytes in: blocks read, a byte-order mark, UTF-8 or GB18030 decided and decoded into lines */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "buf.h"
#include "input.h"
#include "input_parts.h"
#include "text.h"

/*
 * Read more raw bytes.  Returns bytes read (0 at end of file), -1 on
 * an I/O error.
 */
long
input_fill_raw(struct reader *r, struct error *err)
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
		r->bom = 1;
	} else if (n >= 4 && p[0] == 0x84 && p[1] == 0x31 && p[2] == 0x95 &&
	    p[3] == 0x33) {
		r->raw_pos = 4;
		r->decoding = DECODE_GB18030;
		r->bom = 1;
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
void
input_decide_encoding(struct reader *r, const char *s, size_t n)
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
int
input_utf8_valid_line(const char *s, size_t n)
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
int
input_utf8_valid_line(const char *s, size_t n)
{
	return utf8_valid_fast(s, n);
}
#endif

/*
 * Bytes of line number line, s, that the encoding cannot read, from
 * byte at: EXIT_DATAERR into err, the message what naming the file, the
 * line and the column.  Returns -1.
 */
int
input_undecodable(struct reader *r, const char *s, size_t at, long line,
    const char *what, struct error *err)
{
	const char *column = input_line_column(r, s, at);

	if (column == NULL)
		return error_set(err, EXIT_DATAERR, "%s:%ld: %s", r->file, line, what);
	return error_set(err, EXIT_DATAERR, "%s:%ld: %s: %s", r->file, line, column,
	    what);
}

/* What input_undecodable() says of bytes that are not UTF-8. */
const char *
input_not_utf8(const struct reader *r)
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
		input_decide_encoding(r, s, n);
	if (r->decoding == DECODE_UTF8) {
		/* the ASCII prefix is valid UTF-8 and ends on a character boundary */
		if (!utf8_valid_fast(s + ascii, n - ascii))
			return input_undecodable(r, s, utf8_valid_prefix(s, n),
			    r->line_number, input_not_utf8(r), err);
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
				return input_undecodable(r, s, (size_t)(in - s),
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
int
input_next_line(struct reader *r, struct error *err)
{
	char *nl;
	size_t n;

	for (;;) {
		if (r->at_start) {
			while (r->raw.len < 4 && !r->eof)
				if (input_fill_raw(r, err) < 0)
					return -1;
			if (check_bom(r, err) != 0)
				return -1;
		}
		nl = memchr(r->raw.data + r->raw_pos, '\n', r->raw.len - r->raw_pos);
		if (nl != NULL || r->eof)
			break;
		if (input_fill_raw(r, err) < 0)
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
