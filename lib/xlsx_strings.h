/* xlsx_strings.h -- a workbook's shared strings, kept compact in memory and looked up by number */
#ifndef RENKE_XLSX_STRINGS_H
#define RENKE_XLSX_STRINGS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * A million rows as Excel saves them hold three million shared strings,
 * most of them ID numbers, phone numbers and household numbers.  Each
 * string is kept as a header byte and its bytes or, when shorter, its
 * characters packed two to a byte (digits, X, - . / and space; any
 * other byte in three halves), and the place of only every 8th string
 * is kept: an 18-character ID number takes 10 bytes, not 23.
 */
struct xlsx_strings {
	struct buf data;	/* the strings, one after another */
	uint32_t *block_at;	/* where strings 8 k, 8 k + 1, ... begin in data */
	size_t n, blocks_cap;
};

/* The longest string kept packed: xlsx_strings_get() unpacks into this many bytes. */
#define XLSX_STRINGS_PACKED_MAX 126

/*
 * Add s[0..n) as string t->n.  0, or -1 when memory runs out or the
 * table would pass 4 GiB (t unchanged but for memory reserved).
 */
int xlsx_strings_add(struct xlsx_strings *t, const char *s, size_t n);

/*
 * String i (below t->n): its bytes, *n of them and not NUL-terminated,
 * inside t (valid until t is freed) or, for a packed string, unpacked
 * into tmp.
 */
const char *xlsx_strings_get(const struct xlsx_strings *t, size_t i,
    char tmp[XLSX_STRINGS_PACKED_MAX], size_t *n);

/* Start fetching string i (below t->n) into the cache, to get it soon after. */
void xlsx_strings_prefetch(const struct xlsx_strings *t, size_t i);

/* Free what t holds; t is then empty and may be used again. */
void xlsx_strings_free(struct xlsx_strings *t);

#endif
