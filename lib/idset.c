/* idset.c -- a compact set of 57-bit keys (see idset.h) */
#include <stdlib.h>
#include <string.h>

#include "idset.h"

#define WORD_KEY(w) ((w) >> 2)
#define WORD_BITS 59
#define KEY_MASK ((UINT64_C(1) << 57) - 1)	/* 10^17 < 2^57 */
#define BUCKET_BITS 14		/* a directory small enough to stay in cache */
#define BUCKETS ((size_t)1 << BUCKET_BITS)
#define LOW_BITS (WORD_BITS - BUCKET_BITS)	/* kept in the array: 45 of 48 */
#define LOW_MASK ((UINT64_C(1) << LOW_BITS) - 1)

#define CHUNK_BITS 16
#define CHUNK ((size_t)1 << CHUNK_BITS)	/* words */
#define RECENT_BITS 16
#define RECENT_SLOTS ((size_t)1 << RECENT_BITS)
#define RECENT_MAX (RECENT_SLOTS / 2)	/* then merged */
#define FILTER_BITS 19		/* a bit for each hash table word, 64 KB */
#define SORT_BITS 12

uint64_t
idset_word(uint64_t key)
{
	uint64_t x = key & KEY_MASK;

	x ^= x >> 31;
	x = (x * UINT64_C(0x7fb5d329728ea185)) & KEY_MASK;
	x ^= x >> 27;
	x = (x * UINT64_C(0x81dadef4bc2dd44d)) & KEY_MASK;
	x ^= x >> 33;
	return x << 2;
}

/* Where a key is in the set. */
enum { NOWHERE, IN_RECENT, IN_ARRAY };

static unsigned char *
idset_at(const struct idset *set, size_t i)
{
	return set->chunk[i >> CHUNK_BITS] + 6 * (i & (CHUNK - 1));
}

/* The low bits of word i of the array, flags included. */
static uint64_t
idset_get(const struct idset *set, size_t i)
{
	const unsigned char *p = idset_at(set, i);

	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40;
}

static void
idset_put_at(struct idset *set, size_t i, uint64_t w)
{
	unsigned char *p = idset_at(set, i);

	w &= LOW_MASK;
	for (int k = 0; k < 6; k++, w >>= 8)
		p[k] = (unsigned char)w;
}

static size_t
recent_home(uint64_t w)
{
	return (size_t)(w >> (WORD_BITS - RECENT_BITS));
}

/* The filter's bit of w: other bits than those of its home. */
static size_t
filter_bit(uint64_t w)
{
	return (size_t)(WORD_KEY(w) & (((size_t)1 << FILTER_BITS) - 1));
}

/* 0 when w's key is not in the hash table: most searches end here, in cache. */
static int
recent_may_have(const struct idset *set, uint64_t w)
{
	size_t bit = filter_bit(w);

	return set->nrecent > 0 && (set->filter[bit >> 3] >> (bit & 7) & 1);
}

/*
 * The first word of bucket b, before index limit, whose low bits are not
 * below low's: where a search starts, guessed from low itself, for the
 * words of a bucket spread evenly.
 */
static size_t
idset_lower(const struct idset *set, size_t b, size_t limit, uint64_t low)
{
	size_t lo = set->dir[b], hi = set->dir[b + 1], i;

	if (hi > limit)
		hi = limit;
	if (lo >= hi)
		return lo;
	i = lo + (size_t)(((low >> (LOW_BITS - 20)) * (hi - lo)) >> 20);
	while (i > lo && idset_get(set, i - 1) >= low)
		i--;
	while (i < hi && idset_get(set, i) < low)
		i++;
	return i;
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/*
 * A search of the set waits on memory more than it computes: where it
 * will look (the hash table's slot, where a new key goes too, and the
 * array's words its bucket guesses) is asked for early, while the rest
 * of the record is checked.  The directory is small enough to be in
 * cache already.
 */
void
idset_prefetch(const struct idset *set, uint64_t w)
{
	size_t b = (size_t)(w >> LOW_BITS), lo, hi;

	if (set->recent != NULL)
		PREFETCH(&set->recent[recent_home(w)]);
	if (set->n == 0 || (lo = set->dir[b]) >= (hi = set->dir[b + 1]))
		return;
	PREFETCH(idset_at(set, lo + (size_t)((((w & LOW_MASK) >>
	    (LOW_BITS - 20)) * (hi - lo)) >> 20)));
}

/* Where w's key is (removed or not), its slot or index into *at. */
static int
idset_where(const struct idset *set, uint64_t w, size_t *at)
{
	uint64_t key = WORD_KEY(w);

	if (recent_may_have(set, w))
		for (size_t i = recent_home(w);; i = (i + 1) & (RECENT_SLOTS - 1)) {
			uint64_t v = set->recent[i];

			if (v == 0)
				break;
			if (WORD_KEY(v) == key) {
				*at = i;
				return IN_RECENT;
			}
		}
	if (set->n > 0) {
		size_t b = (size_t)(w >> LOW_BITS), end = set->dir[b + 1];
		uint64_t low = w & LOW_MASK & ~(uint64_t)3, v;
		size_t i = idset_lower(set, b, end, low);

		if (i == end || WORD_KEY(v = idset_get(set, i)) != WORD_KEY(low))
			return NOWHERE;
		/* a key put in twice: the live one, if any */
		*at = i;
		while ((v & WORD_DEAD) && ++i < end &&
		    WORD_KEY(v = idset_get(set, i)) == WORD_KEY(low))
			if (!(v & WORD_DEAD))
				*at = i;
		return IN_ARRAY;
	}
	return NOWHERE;
}

int
idset_flags(const struct idset *set, uint64_t w)
{
	size_t at;
	uint64_t v;

	switch (idset_where(set, w, &at)) {
	case IN_RECENT:
		return (int)(set->recent[at] & 3);
	case IN_ARRAY:
		v = idset_get(set, at);
		return v & WORD_DEAD ? -1 : (int)(v & 3);
	default:
		return -1;
	}
}

int
idset_has(const struct idset *set, uint64_t w)
{
	return idset_flags(set, w) >= 0;
}

/* Move count words of the array from index from up to index to, last first. */
static void
idset_move_up(struct idset *set, size_t to, size_t from, size_t count)
{
	while (count > 0) {
		size_t s = from + count, d = to + count, n = count;

		/* no further than the start of either end's chunk */
		if (n > ((s - 1) & (CHUNK - 1)) + 1)
			n = ((s - 1) & (CHUNK - 1)) + 1;
		if (n > ((d - 1) & (CHUNK - 1)) + 1)
			n = ((d - 1) & (CHUNK - 1)) + 1;
		memmove(idset_at(set, d - n), idset_at(set, s - n), 6 * n);
		count -= n;
	}
}

/* Room in the array for need words, and the directory: 0, or -1 when memory runs out. */
static int
idset_room(struct idset *set, size_t need)
{
	while ((set->nchunks << CHUNK_BITS) < need) {
		unsigned char **chunk = realloc(set->chunk, (set->nchunks + 1) *
		    sizeof(*chunk));

		if (chunk == NULL)
			return -1;
		set->chunk = chunk;
		if ((chunk[set->nchunks] = malloc(6 * CHUNK)) == NULL)
			return -1;
		set->nchunks++;
	}
	if (set->dir == NULL &&
	    (set->dir = calloc(BUCKETS + 1, sizeof(*set->dir))) == NULL)
		return -1;
	return 0;
}

/*
 * Move the hash table's words into the array.  (One function: its steps
 * share the array's indexes and the scratch half of the hash table.)
 */
static int
idset_merge(struct idset *set)
{
	uint64_t *r = set->recent, *sorted = set->recent + RECENT_MAX;
	uint32_t count[((size_t)1 << SORT_BITS) + 1];
	size_t nr = 0, need, i, j, k, b;

	/* room first: a failure leaves the set as it was */
	need = set->n + set->nrecent;
	if (idset_room(set, need) != 0)
		return -1;
	/* the hash table's words to its first half, then sorted into its second */
	for (i = 0; i < RECENT_SLOTS; i++)
		if (r[i] != 0) {
			uint64_t v = r[i];

			r[i] = 0;
			r[nr++] = v;
		}
	memset(count, 0, sizeof(count));
	for (i = 0; i < nr; i++)
		count[(r[i] >> (WORD_BITS - SORT_BITS)) + 1]++;
	for (i = 0; i < ((size_t)1 << SORT_BITS); i++)
		count[i + 1] += count[i];
	for (i = 0; i < nr; i++)
		sorted[count[r[i] >> (WORD_BITS - SORT_BITS)]++] = r[i];
	for (i = 1; i < nr; i++) {
		uint64_t v = sorted[i];

		for (j = i; j > 0 && sorted[j - 1] > v; j--)
			sorted[j] = sorted[j - 1];
		sorted[j] = v;
	}
	memset(r, 0, nr * sizeof(*r));
	/* removed words go, bucket by bucket, when there are enough of them */
	if (set->ndead > 0 && set->ndead >= set->n / 8) {
		for (b = k = 0; b < BUCKETS; b++) {
			size_t from = set->dir[b], to = set->dir[b + 1];

			set->dir[b] = (uint32_t)k;
			for (i = from; i < to; i++) {
				uint64_t v = idset_get(set, i);

				if (!(v & WORD_DEAD))
					idset_put_at(set, k++, v);
			}
		}
		set->dir[BUCKETS] = (uint32_t)k;
		set->n = k;
		set->ndead = 0;
	}
	/* merged from the end: each new word, then the old ones above it, moved up at once */
	i = set->n;
	for (j = nr; j > 0; j--) {
		uint64_t v = sorted[j - 1];
		size_t at = idset_lower(set, (size_t)(v >> LOW_BITS), i, v & LOW_MASK);

		idset_move_up(set, at + j, at, i - at);
		idset_put_at(set, at + j - 1, v);
		i = at;
	}
	/* each bucket starts later by the new words of the buckets before it */
	for (b = j = 0; b <= BUCKETS; b++) {
		while (j < nr && (sorted[j] >> LOW_BITS) < b)
			j++;
		set->dir[b] += (uint32_t)j;
	}
	memset(sorted, 0, nr * sizeof(*sorted));
	memset(set->filter, 0, ((size_t)1 << FILTER_BITS) / 8);
	set->n += nr;
	set->nrecent = 0;
	return 0;
}

int
idset_put(struct idset *set, uint64_t w)
{
	size_t bit = filter_bit(w);

	if (set->recent == NULL &&
	    (set->recent = calloc(RECENT_SLOTS, sizeof(uint64_t))) == NULL)
		return -1;
	if (set->filter == NULL &&
	    (set->filter = calloc(((size_t)1 << FILTER_BITS) / 8, 1)) == NULL)
		return -1;
	if (set->nrecent >= RECENT_MAX && idset_merge(set) != 0)
		return -1;
	set->filter[bit >> 3] |= (unsigned char)(1 << (bit & 7));
	for (size_t i = recent_home(w);; i = (i + 1) & (RECENT_SLOTS - 1))
		if (set->recent[i] == 0) {
			set->recent[i] = w;
			set->nrecent++;
			return 0;
		}
}

int
idset_add(struct idset *set, uint64_t w)
{
	size_t at;

	switch (idset_where(set, w, &at)) {
	case IN_RECENT:
		set->recent[at] = w;
		return 0;
	case IN_ARRAY:
		if (idset_get(set, at) & WORD_DEAD)
			set->ndead--;
		idset_put_at(set, at, w);
		return 0;
	default:
		return idset_put(set, w);
	}
}

int
idset_claim(struct idset *set, uint64_t w)
{
	size_t at;
	uint64_t v;

	switch (idset_where(set, w, &at)) {
	case IN_RECENT:
		return 1;
	case IN_ARRAY:
		if (!((v = idset_get(set, at)) & WORD_DEAD))
			return 1;
		set->ndead--;
		idset_put_at(set, at, w);
		return 0;
	default:
		return idset_put(set, w);
	}
}

void
idset_remove(struct idset *set, uint64_t w)
{
	size_t i, j;
	uint64_t v;

	switch (idset_where(set, w, &i)) {
	case IN_ARRAY:
		if (!((v = idset_get(set, i)) & WORD_DEAD)) {
			idset_put_at(set, i, v | WORD_DEAD);
			set->ndead++;
		}
		return;
	case IN_RECENT:
		break;
	default:
		return;
	}
	/* out of the hash table, moving back the words that probed past it */
	for (j = i;;) {
		size_t home;

		j = (j + 1) & (RECENT_SLOTS - 1);
		if ((v = set->recent[j]) == 0)
			break;
		home = recent_home(v);
		if (i < j ? home <= i || home > j : home <= i && home > j) {
			set->recent[i] = v;
			i = j;
		}
	}
	set->recent[i] = 0;
	set->nrecent--;
}

int
idset_fill(struct idset *set, const uint64_t *w, size_t n)
{
	size_t b = 0;

	if (set->n > 0 || set->nrecent > 0 || idset_room(set, n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		/* the buckets up to this word's start with it, if not before */
		for (size_t wb = (size_t)(w[i] >> LOW_BITS); b <= wb; b++)
			set->dir[b] = (uint32_t)i;
		idset_put_at(set, i, w[i]);
	}
	for (; b <= BUCKETS; b++)
		set->dir[b] = (uint32_t)n;
	set->n = n;
	return 0;
}

int
idset_settle(struct idset *set)
{
	return set->nrecent > 0 ? idset_merge(set) : 0;
}

long
idset_index(const struct idset *set, uint64_t w)
{
	size_t at;

	if (set->nrecent > 0 || idset_where(set, w, &at) != IN_ARRAY ||
	    (idset_get(set, at) & WORD_DEAD))
		return -1;
	return (long)at;
}

void
idset_free(struct idset *set)
{
	for (size_t i = 0; i < set->nchunks; i++)
		free(set->chunk[i]);
	free(set->chunk);
	free(set->dir);
	free(set->recent);
	free(set->filter);
	memset(set, 0, sizeof(*set));
}

