/* idset.h -- a compact set of 57-bit keys, for numbers met a million times */
#ifndef RENKE_IDSET_H
#define RENKE_IDSET_H

#include <stddef.h>
#include <stdint.h>

/*
 * A key is kept as a 59-bit word: the key, mixed so that words spread
 * evenly over 57 bits (idset_word()), then 2 bits of flags.  Most words
 * are in one sorted array, 6 bytes each, cut into chunks: the top 14
 * bits of a word are those of its bucket in a directory, and within a
 * bucket its place is guessed from its value.  The newest words are in
 * a small hash table, with a bit filter in front, merged into the array
 * whenever it fills.  So the set takes about 6 bytes a key (7 MB for a
 * million).  A zeroed struct idset is an empty set.
 */
#define WORD_DEAD 1			/* removed (in the array) */
#define WORD_NEW 2			/* its household came from this import */

struct idset {
	unsigned char **chunk;	/* word i: 6 bytes at chunk[i / CHUNK] + 6 * (i % CHUNK) */
	size_t nchunks;
	size_t n;		/* words in the array, removed ones too */
	size_t ndead;
	uint32_t *dir;		/* dir[b]: the first word of bucket b or later; BUCKETS + 1 */
	uint64_t *recent;	/* open addressing, 0 for an empty slot */
	size_t nrecent;
	unsigned char *filter;	/* bit set: a word like it may be in the hash table */
};

/* The word of key (its low 57 bits), no flags: a bijection, 0 for 0 alone. */
uint64_t idset_word(uint64_t key);

/* Start fetching what looking w up will read. */
void idset_prefetch(const struct idset *set, uint64_t w);

/* The flags of w's key in the set, or -1 when it is not there. */
int idset_flags(const struct idset *set, uint64_t w);

/* 1 when w's key is in the set. */
int idset_has(const struct idset *set, uint64_t w);

/* Put w in (no search: a key may go in twice); 0, or -1 when memory runs out. */
int idset_put(struct idset *set, uint64_t w);

/* Add w's key, with w's flags; 0, or -1 when memory runs out. */
int idset_add(struct idset *set, uint64_t w);

/*
 * Claim w's key: 1 when it is in the set already (nothing changes), 0
 * when added with w's flags, -1 when memory runs out.  One search where
 * idset_has() and idset_add() take two.
 */
int idset_claim(struct idset *set, uint64_t w);

/* Take one hold on w's key away. */
void idset_remove(struct idset *set, uint64_t w);

/*
 * Move every word into the array: 0, or -1 when memory runs out (the
 * set as it was).  Until the next word is put in, each key has a place
 * there, 0 to n - 1, that idset_index() tells: an array of n beside the
 * set gives its keys values.
 */
int idset_settle(struct idset *set);

/*
 * Fill an empty set with the n words of w, in ascending order (keys may
 * repeat), at places 0 to n - 1 in that order: settled, as n puts and
 * idset_settle() leave it, without their searches.  0, or -1 when
 * memory runs out or the set is not empty.
 */
int idset_fill(struct idset *set, const uint64_t *w, size_t n);

/* The place of w's key in a settled set, or -1 when it is not there (or the set is not settled). */
long idset_index(const struct idset *set, uint64_t w);

void idset_free(struct idset *set);

#endif
