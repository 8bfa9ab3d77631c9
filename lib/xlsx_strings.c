/* xlsx_strings.c -- a workbook's shared strings, kept compact in memory and looked up by number */
#include <stdlib.h>
#include <string.h>

#include "xlsx_strings.h"

/*
 * A string's header byte h:
 *   h < 0x80         its h bytes follow;
 *   h == 0xff        a 4-byte length (little-endian), then its bytes;
 *   0x80 < h < 0xff  h - 0x80 half-bytes follow, two to a byte, high one
 *                    first: 0-9 the digits, 10-14 the characters of
 *                    PACKED_SIGNS, 15 a byte of its own in the next two.
 */
#define RAW_LONG 0xff
#define PACKED 0x80
#define BLOCK 8

static const char half_chars[] = "0123456789X-./ ";	/* half-bytes 0 to 14 */
#define ESCAPE 15

/* One more than the half-byte of each character that has one, 0 for the others. */
static const unsigned char half_plus_one[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7,
	['7'] = 8, ['8'] = 9, ['9'] = 10, ['X'] = 11, ['-'] = 12, ['.'] = 13,
	['/'] = 14, [' '] = 15,
};

/* The half-byte of c, or ESCAPE: one look in a table, as it runs for every character. */
static unsigned
half_of(unsigned char c)
{
	return (half_plus_one[c] - 1u) & 15;
}

/* How many half-bytes s[0..n) packs into. */
static size_t
halves(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += half_plus_one[(unsigned char)s[i]] ? 1 : 3;
	return k;
}

/* The bytes entry p takes, its header with it. */
static size_t
entry_size(const unsigned char *p)
{
	uint32_t n;

	if (p[0] < PACKED)
		return 1 + (size_t)p[0];
	if (p[0] == RAW_LONG) {
		memcpy(&n, p + 1, 4);
		return 5 + (size_t)n;
	}
	return 1 + ((size_t)(p[0] - PACKED) + 1) / 2;
}

int
xlsx_strings_add(struct xlsx_strings *t, const char *s, size_t n)
{
	size_t k = n <= XLSX_STRINGS_PACKED_MAX ? halves(s, n) : SIZE_MAX;
	size_t raw = n < PACKED ? 1 + n : 5 + n;
	size_t size = k <= XLSX_STRINGS_PACKED_MAX && 1 + (k + 1) / 2 < raw ?
	    1 + (k + 1) / 2 : raw;
	unsigned char *p;

	if (t->data.len > UINT32_MAX - size)
		return -1;	/* 4 GiB of shared strings: no sheet a county sends */
	if (t->n % BLOCK == 0) {
		if (t->n / BLOCK == t->blocks_cap) {
			size_t cap = t->blocks_cap ? 2 * t->blocks_cap : 1024;
			uint32_t *at = realloc(t->block_at, cap * sizeof(*at));

			if (at == NULL)
				return -1;
			t->block_at = at;
			t->blocks_cap = cap;
		}
		t->block_at[t->n / BLOCK] = (uint32_t)t->data.len;
	}
	if (buf_reserve(&t->data, size) != 0)
		return -1;
	p = (unsigned char *)t->data.data + t->data.len;
	if (size != raw && k == n) {
		/* no character of its own byte (an ID or phone number): two at a time */
		p[0] = (unsigned char)(PACKED + k);
		for (size_t i = 0; i + 1 < n; i += 2)
			p[1 + i / 2] = (unsigned char)(half_of((unsigned char)s[i]) << 4 |
			    half_of((unsigned char)s[i + 1]));
		if (n % 2)
			p[1 + n / 2] = (unsigned char)(half_of((unsigned char)s[n - 1]) << 4);
	} else if (size != raw) {
		size_t h = 0;

		memset(p + 1, 0, size - 1);
		p[0] = (unsigned char)(PACKED + k);
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			unsigned v = half_of(c), put[3] = { v, c >> 4, c & 15 };

			for (size_t j = 0; j < (v == ESCAPE ? 3u : 1u); j++, h++)
				p[1 + h / 2] |= (unsigned char)(h % 2 ? put[j] : put[j] << 4);
		}
	} else if (n < PACKED) {
		p[0] = (unsigned char)n;
		memcpy(p + 1, s, n);
	} else {
		uint32_t len = (uint32_t)n;

		p[0] = RAW_LONG;
		memcpy(p + 1, &len, 4);
		memcpy(p + 5, s, n);
	}
	t->data.len += size;
	t->data.data[t->data.len] = '\0';
	t->n++;
	return 0;
}

const char *
xlsx_strings_get(const struct xlsx_strings *t, size_t i,
    char tmp[XLSX_STRINGS_PACKED_MAX], size_t *n)
{
	const unsigned char *p = (const unsigned char *)t->data.data + t->block_at[i / BLOCK];
	size_t k, o = 0;

	for (size_t skip = i % BLOCK; skip > 0; skip--)
		p += entry_size(p);
	if (p[0] < PACKED) {
		*n = p[0];
		return (const char *)p + 1;
	}
	if (p[0] == RAW_LONG) {
		uint32_t len;

		memcpy(&len, p + 1, 4);
		*n = len;
		return (const char *)p + 5;
	}
	k = (size_t)(p[0] - PACKED);
	p++;
	for (size_t h = 0; h < k; h++) {
		unsigned v;

		/* two characters of a byte at once: the most of an ID number */
		if (h % 2 == 0 && h + 1 < k && (p[h / 2] >> 4) != ESCAPE &&
		    (p[h / 2] & 15) != ESCAPE) {
			tmp[o++] = half_chars[p[h / 2] >> 4];
			tmp[o++] = half_chars[p[h / 2] & 15];
			h++;
			continue;
		}
		v = h % 2 ? p[h / 2] & 15 : p[h / 2] >> 4;
		if (v == ESCAPE) {
			h++;
			v = (unsigned)((h % 2 ? p[h / 2] & 15 : p[h / 2] >> 4) << 4);
			h++;
			v |= h % 2 ? p[h / 2] & 15 : p[h / 2] >> 4;
			tmp[o++] = (char)v;
		} else
			tmp[o++] = half_chars[v];
	}
	*n = o;
	return tmp;
}

void
xlsx_strings_prefetch(const struct xlsx_strings *t, size_t i)
{
	/* a roster's unique strings (ID and phone numbers) are far apart */
	__builtin_prefetch(t->data.data + t->block_at[i / BLOCK]);
}

void
xlsx_strings_free(struct xlsx_strings *t)
{
	buf_free(&t->data);
	free(t->block_at);
	memset(t, 0, sizeof(*t));
}
