/* text.c -- UTF-8, display width, dates, ID and phone numbers */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

uint64_t
text_hash(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * UINT64_C(1099511628211);
	return h;
}

size_t
utf8_valid_prefix(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else
			return i;
		if (i + n >= len)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += n + 1;
	}
	return i;
}

int
utf8_valid(const char *s, size_t len)
{
	return utf8_valid_prefix(s, len) == len;
}

/* Decode one UTF-8 character; returns its length, or 1 for a bad byte. */
static size_t
utf8_decode(const unsigned char *s, uint32_t *cp)
{
	size_t n = utf8_valid_prefix((const char *)s,
	    s[0] < 0x80 ? 1 : s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4);

	if (n == 0 || s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xe0)
		*cp = ((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
	else if (s[0] < 0xf0)
		*cp = ((uint32_t)(s[0] & 0x0f) << 12) |
		    ((uint32_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
	else
		*cp = ((uint32_t)(s[0] & 0x07) << 18) |
		    ((uint32_t)(s[1] & 0x3f) << 12) |
		    ((uint32_t)(s[2] & 0x3f) << 6) | (s[3] & 0x3f);
	return n;
}

static int
codepoint_width(uint32_t c)
{
	if (c == 0)
		return 0;
	if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0xfe00 && c <= 0xfe0f) || c == 0xfeff)
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

size_t
text_width(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t width = 0;

	while (*s) {
		uint32_t cp;
		size_t n;

		if (*s < 0x80) {
			width++;
			s++;
			continue;
		}
		n = utf8_decode(s, &cp);
		width += codepoint_width(cp);
		s += n;
	}
	return width;
}

/* 1 when a line may not begin with c: what closes a Chinese clause. */
static int
closes_clause(uint32_t c)
{
	return c == 0x3001 || c == 0x3002 || c == 0x300d || c == 0x300f ||
	    c == 0x201d || c == 0xff01 || c == 0xff09 || c == 0xff0c ||
	    c == 0xff1a || c == 0xff1b || c == 0xff1f;
}

size_t
text_wrap(const char *str, size_t width)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t at = 0, brk = 0, col = 0;
	int wide_before = 0;

	while (s[at] != '\0') {
		uint32_t cp;
		size_t n = utf8_decode(s + at, &cp);
		int w = codepoint_width(cp);

		if (cp == ' ')
			brk = at;
		else if (at > 0 && (w == 2 || wide_before) && !closes_clause(cp) &&
		    s[at - 1] != ' ')
			brk = at;
		if (col + (size_t)w > width && at > 0)
			return brk > 0 ? brk : at;
		col += (size_t)w;
		wide_before = w == 2;
		at += n;
	}
	return at;
}

size_t
utf8_length(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = 0;
	uint32_t cp;

	while (*s) {
		s += *s < 0x80 ? 1 : utf8_decode(s, &cp);
		n++;
	}
	return n;
}

/* Names are short: past this many characters only equal ones are near. */
#define DISTANCE_MAX 64

/* The code points of s, at most DISTANCE_MAX + 1 of them, into cp. */
static size_t
code_points(const char *str, uint32_t cp[DISTANCE_MAX + 1])
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = 0;

	while (*s && n <= DISTANCE_MAX)
		s += utf8_decode(s, &cp[n++]);
	return n;
}

size_t
text_distance(const char *a, const char *b, size_t limit)
{
	uint32_t x[DISTANCE_MAX + 1], y[DISTANCE_MAX + 1];
	size_t row[DISTANCE_MAX + 2], n = code_points(a, x), m = code_points(b, y);

	if (n > DISTANCE_MAX || m > DISTANCE_MAX)
		return strcmp(a, b) == 0 ? 0 : limit + 1;
	/* one row of the table at a time: row[j] is the distance of x[0..i), y[0..j) */
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diagonal = row[0], least;

		row[0] = least = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j], d = diagonal + (x[i - 1] != y[j - 1]);

			if (up + 1 < d)
				d = up + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			diagonal = up;
			row[j] = d;
			if (d < least)
				least = d;
		}
		if (least > limit)
			return limit + 1;
	}
	return row[m] > limit ? limit + 1 : row[m];
}

size_t
text_space_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u < 0x80)
		return *u == ' ' || (*u >= '\t' && *u <= '\r');
	if (u[0] == 0xc2 && u[1] == 0xa0)			/* no-break space */
		return 2;
	if (u[0] == 0xe1 && ((u[1] == 0x9a && u[2] == 0x80) ||	/* ogham space */
	    (u[1] == 0xa0 && u[2] == 0x8e)))			/* Mongolian vowel separator */
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x80 && ((u[2] >= 0x80 && u[2] <= 0x8d) ||
	    u[2] == 0xa8 || u[2] == 0xa9 || u[2] == 0xaf))	/* U+2000-200D, 2028, 2029, 202F */
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x81 && (u[2] == 0x9f || u[2] == 0xa0))
		return 3;					/* U+205F, U+2060 */
	if (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)	/* full-width space */
		return 3;
	if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)	/* zero-width no-break space */
		return 3;
	return 0;
}

size_t
text_space_before(const char *s, size_t n)
{
	/* every space above is one byte, or two or three ending in 0x80-0xbf */
	if (n > 0 && (unsigned char)s[n - 1] < 0x80)
		return text_space_at(s + n - 1);	/* as most values end */
	/* and the byte before the last of each is one of these */
	if (n >= 2 && (unsigned char)s[n - 2] != 0xc2 &&
	    (unsigned char)s[n - 2] != 0x80 && (unsigned char)s[n - 2] != 0x81 &&
	    (unsigned char)s[n - 2] != 0x9a && (unsigned char)s[n - 2] != 0xa0 &&
	    (unsigned char)s[n - 2] != 0xbb)
		return 0;		/* as a Chinese value ends */
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		size_t m = text_space_at(s + n - k);

		if (m == k)
			return k;
	}
	return 0;
}

size_t
text_trim_span(const char **s, size_t n)
{
	size_t k;

	while (n > 0 && (k = text_space_at(*s)) > 0 && k <= n) {
		*s += k;
		n -= k;
	}
	while (n > 0 && (k = text_space_before(*s, n)) > 0)
		n -= k;
	return n;
}

char *
text_trim(char *s)
{
	const char *p = s;
	size_t n = text_trim_span(&p, strlen(s));

	((char *)p)[n] = '\0';
	return (char *)p;
}

size_t
text_ascii_digits(char *s)
{
	/* U+FF0D-FF0F and U+FF10-FF19 are - . / and 0-9; U+FF38 and U+FF58 are X and x */
	char *out = s;
	const unsigned char *in = (const unsigned char *)s;

	while (*in) {
		if (in[0] == 0xef && in[1] == 0xbc && in[2] >= 0x8d && in[2] <= 0x99) {
			*out++ = (char)('-' + (in[2] - 0x8d));
			in += 3;
		} else if (in[0] == 0xef && in[1] == 0xbc && in[2] == 0xb8) {
			*out++ = 'X';
			in += 3;
		} else if (in[0] == 0xef && in[1] == 0xbd && in[2] == 0x98) {
			*out++ = 'x';
			in += 3;
		} else
			*out++ = (char)*in++;
	}
	*out = '\0';
	return (size_t)(out - s);
}

static int
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(long y, long m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Read 1..max digits at *p into *out; advances *p.  Returns digits read. */
static int
read_digits(const char **p, int max, long *out)
{
	int n = 0;

	*out = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		*out = *out * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

/* Skip a separator: one of the ASCII ones or the UTF-8 text sep. */
static int
skip_separator(const char **p, const char *ascii, const char *word)
{
	size_t len;

	if (**p != '\0' && strchr(ascii, **p) != NULL) {
		(*p)++;
		return 1;
	}
	len = strlen(word);
	if (len > 0 && strncmp(*p, word, len) == 0) {
		*p += len;
		return 1;
	}
	return 0;
}

/* y-m-d as ISO text into out (11 bytes); y in 0..9999. */
static void
iso_date(long y, long m, long d, char out[11])
{
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* The number n ASCII digits at s write, or -1 when they are not all digits. */
static long
digits_at(const char *s, size_t n)
{
	long v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * The two shapes of a date nearly every file gives, 2022-11-01 and
 * 20221101, read as they are: 1 with *y, *m and *d set, or 0 when s is
 * of neither shape (date_general() then reads it).  Asked for every
 * date and every ID number an import reads.
 */
static int
date_plain(const char *s, long *y, long *m, long *d)
{
	size_t n = strlen(s), sep;

	if (n == 10 && s[4] == '-' && s[7] == '-')
		sep = 1;
	else if (n == 8)
		sep = 0;
	else
		return 0;
	*y = digits_at(s, 4);
	*m = digits_at(s + 4 + sep, 2);
	*d = digits_at(s + 6 + 2 * sep, 2);
	return *y >= 0 && *m >= 0 && *d >= 0;
}

/* Any other shape date_parse() takes: 0 with *y, *m and *d set, or -1. */
static int
date_general(const char *s, long *y, long *m, long *d)
{
	char ascii[64];
	const char *p = ascii;
	size_t n;

	/* full-width digits are digits; white space of any kind is no part of it */
	if ((n = strlen(s)) >= sizeof(ascii))
		return -1;
	memcpy(ascii, s, n + 1);
	text_ascii_digits(ascii);
	p = text_trim(ascii);
	if (strlen(p) >= 8 && isdigit((unsigned char)p[4]) &&
	    isdigit((unsigned char)p[0])) {
		/* 20221101 */
		if (read_digits(&p, 4, y) != 4 || read_digits(&p, 2, m) != 2 ||
		    read_digits(&p, 2, d) != 2)
			return -1;
	} else {
		if (read_digits(&p, 4, y) != 4)
			return -1;
		if (!skip_separator(&p, "-/.", "年"))
			return -1;
		if (read_digits(&p, 2, m) < 1)
			return -1;
		if (!skip_separator(&p, "-/.", "月"))
			return -1;
		if (read_digits(&p, 2, d) < 1)
			return -1;
		if (strncmp(p, "日", strlen("日")) == 0)
			p += strlen("日");
	}
	while (*p == ' ')
		p++;
	return *p == '\0' ? 0 : -1;
}

int
date_parse(const char *s, char out[11])
{
	long y, m, d;

	if (!date_plain(s, &y, &m, &d) && date_general(s, &y, &m, &d) != 0)
		return -1;
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	iso_date(y, m, d, out);
	return 0;
}

void
date_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

long
date_to_days(const char *iso)
{
	long y = strtol(iso, NULL, 10), m = strtol(iso + 5, NULL, 10),
	    d = strtol(iso + 8, NULL, 10);
	long era, yoe, doy, doe;

	/* days_from_civil, after H. Hinnant */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_civil(long z, long *year, long *month, long *day)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	*year = y;
	*month = m;
	*day = d;
}

void
date_from_days(long z, char out[11])
{
	long y, m, d;

	date_civil(z, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	iso_date(y, m, d, out);
}

char *
date_for_print(const char *iso, char *out, size_t size)
{
	char checked[11];

	if (locale_is_chinese() && iso != NULL && strlen(iso) == 10 &&
	    date_parse(iso, checked) == 0 && strcmp(checked, iso) == 0)
		/* checked: digits where strtol reads them */
		snprintf(out, size, "%ld年%ld月%ld日", strtol(iso, NULL, 10),
		    strtol(iso + 5, NULL, 10), strtol(iso + 8, NULL, 10));
	else
		snprintf(out, size, "%s", iso != NULL ? iso : "");
	return out;
}

int
number_parse(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	while (*s == ' ')
		s++;
	if (*s == '\0' || (!isdigit((unsigned char)*s) && *s != '-' && *s != '+'))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
decimal_parse(const char *s, double *out)
{
	char *end;
	double v;

	if (!isdigit((unsigned char)*s) && *s != '.' && *s != '-' && *s != '+')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno != 0 || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

char
id_number_check_digit(const char *s)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char digit[] = "10X98765432";
	int sum = 0;

	for (int i = 0; i < 17; i++)
		sum += (s[i] - '0') * weight[i];
	return digit[sum % 11];
}

enum id_number_problem
id_number_check(char *s)
{
	char date[11], ymd[9];

	text_ascii_digits(s);
	if (strlen(s) != 18)
		return ID_NUMBER_LENGTH;
	if (s[17] == 'x')
		s[17] = 'X';
	for (int i = 0; i < 17; i++)
		if (!isdigit((unsigned char)s[i]))
			return ID_NUMBER_CHARACTERS;
	if (!isdigit((unsigned char)s[17]) && s[17] != 'X')
		return ID_NUMBER_CHARACTERS;
	memcpy(ymd, s + 6, 8);
	ymd[8] = '\0';
	if (date_parse(ymd, date) != 0)
		return ID_NUMBER_BIRTH_DATE;
	if (id_number_check_digit(s) != s[17])
		return ID_NUMBER_CHECK_DIGIT;
	return ID_NUMBER_OK;
}

int
phone_copy_normalise(const char *text, char *out, size_t size)
{
	size_t n = strlen(text);

	if (n >= size)
		return -1;
	memcpy(out, text, n + 1);
	return phone_normalise(out, size);
}

int
phone_normalise(char *s, size_t size)
{
	char digits[32];
	size_t n = 0;
	const char *p = s;
	int dash_at = -1;

	text_ascii_digits(s);
	if (strncmp(p, "+86", 3) == 0)
		p += 3;
	for (; *p; p++) {
		if (*p == ' ' || *p == '-') {
			if (*p == '-' && dash_at < 0)
				dash_at = (int)n;
			continue;
		}
		if (!isdigit((unsigned char)*p) || n + 1 >= sizeof(digits))
			return -1;
		digits[n++] = *p;
	}
	digits[n] = '\0';
	if (n == 13 && strncmp(digits, "86", 2) == 0 && digits[2] == '1') {
		memmove(digits, digits + 2, 12);
		n = 11;
	}
	if (n == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9') {
		if (size < 12)
			return -1;
		memcpy(s, digits, 12);
		return 0;
	}
	/* landline: area code 0xx or 0xxx, then 7 or 8 digits */
	if (digits[0] == '0' && n >= 10 && n <= 12) {
		size_t area = dash_at == 3 || dash_at == 4 ? (size_t)dash_at :
		    (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
		size_t local = n - area;

		if (local < 7 || local > 8 || size < n + 2)
			return -1;
		memcpy(s, digits, area);
		s[area] = '-';
		memcpy(s + area + 1, digits + area, local + 1);
		return 0;
	}
	return -1;
}

/* Copy s to out keeping the first keep_head and last keep_tail bytes. */
static char *
mask_middle(const char *s, size_t keep_head, size_t keep_tail, char *out,
    size_t size)
{
	size_t len = strlen(s), i;

	if (size == 0)
		return out;
	if (len < keep_head + keep_tail + 1) {
		keep_head = 0;
		keep_tail = len > 2 ? 2 : 0;
	}
	for (i = 0; i < len && i + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];

		if (i < keep_head || i >= len - keep_tail)
			out[i] = (char)c;
		else
			out[i] = c == '-' ? '-' : '*';
	}
	out[i] = '\0';
	return out;
}

char *
mask_id_number(const char *s, char *out, size_t size)
{
	return mask_middle(s, 6, 4, out, size);
}

char *
mask_phone(const char *s, char *out, size_t size)
{
	const char *dash = strchr(s, '-');

	if (dash != NULL)
		return mask_middle(s, (size_t)(dash - s) + 1, 4, out, size);
	return mask_middle(s, 3, 4, out, size);
}

/* 1 when s[i..i+len) follows "0NN-" or "0NNN-": the number of a landline. */
static int
after_area_code(const char *s, size_t i)
{
	size_t k = 0;

	if (i < 4 || s[i - 1] != '-')
		return 0;
	while (k < i - 1 && k < 5 && isdigit((unsigned char)s[i - 2 - k]))
		k++;
	return (k == 3 || k == 4) && s[i - 1 - k] == '0' &&
	    (i - 1 - k == 0 || !isdigit((unsigned char)s[i - 2 - k]));
}

char *
text_mask_personal(const char *s, char *out, size_t size)
{
	size_t o = 0, n = strlen(s);

	if (size == 0)
		return out;
	for (size_t i = 0; i < n && o + 1 < size;) {
		size_t j = i, len, keep = 0, masked = 0;

		if (!isdigit((unsigned char)s[i]) ||
		    (i > 0 && isdigit((unsigned char)s[i - 1]))) {
			out[o++] = s[i++];
			continue;
		}
		while (j < n && isdigit((unsigned char)s[j]))
			j++;
		if (j - i == 17 && (s[j] == 'X' || s[j] == 'x'))
			j++;	/* an ID number's check character */
		len = j - i;
		if (len >= 11) {
			/* ID numbers keep their region and last four; phones, bank cards their ends */
			keep = len == 15 || len == 18 ? 6 : 3;
			masked = len - keep - 4;
		} else if (len >= 7 && len <= 8 && after_area_code(s, i))
			masked = len - 4;
		for (size_t k = 0; k < len && o + 1 < size; k++)
			out[o++] = k >= keep && k < keep + masked ? '*' : s[i + k];
		i = j;
	}
	out[o] = '\0';
	return out;
}

/* The answer of locale_is_chinese(), found once: the environment does not change under a command. */
static int
locale_find_chinese(void)
{
	static const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return strncmp(v, "zh", 2) == 0;
	}
	return 0;
}

static pthread_once_t locale_once = PTHREAD_ONCE_INIT;
static int locale_chinese;

static void
locale_settle(void)
{
	locale_chinese = locale_find_chinese();
}

int
locale_is_chinese(void)
{
	/* every vocabulary label of a listing asks: getenv was 3% of a ledger */
	pthread_once(&locale_once, locale_settle);
	return locale_chinese;
}
