/* hashtab.h -- an open-addressed hash index over the caller's own items */
#ifndef RENKE_HASHTAB_H
#define RENKE_HASHTAB_H

#include <stddef.h>
#include <stdint.h>

/*
 * The one hash table of lib/.  It holds no keys: the caller keeps its
 * items in an array of its own and the table maps a key's hash (from
 * text_hash()) to the items' indexes.  Looking up compares the caller's
 * keys, since two keys may share a hash:
 *
 *	size_t pos = hashtab_start(&t, h), k;
 *
 *	while ((k = hashtab_next(&t, h, &pos)) != HASHTAB_END)
 *		if (strcmp(items[k].name, name) == 0)
 *			return k;
 *
 * Linear probing, at most half full, 8 bytes a slot.  Items are never
 * taken out.  A zeroed struct hashtab is an empty table.
 */
struct hashtab_slot {
	uint32_t hash;		/* the low 32 bits of the item's hash */
	uint32_t item;		/* the item's index + 1; 0 for an empty slot */
};

struct hashtab {
	struct hashtab_slot *slot;
	size_t nslots;		/* 0, or a power of two */
	size_t n;		/* items in the table */
};

#define HASHTAB_END ((size_t)-1)

/* Where a search for hash h starts: pass it to hashtab_next(). */
static inline size_t
hashtab_start(const struct hashtab *t, uint64_t h)
{
	return t->nslots > 0 ? (size_t)(uint32_t)h & (t->nslots - 1) : 0;
}

/*
 * The next item that may have hash h, searching from *pos (which moves
 * on past it), or HASHTAB_END when there is none left.  The caller
 * compares the item's key with its own.
 */
static inline size_t
hashtab_next(const struct hashtab *t, uint64_t h, size_t *pos)
{
	if (t->nslots == 0)
		return HASHTAB_END;
	for (;;) {
		const struct hashtab_slot *s = &t->slot[*pos];

		*pos = (*pos + 1) & (t->nslots - 1);
		if (s->item == 0)
			return HASHTAB_END;
		if (s->hash == (uint32_t)h)
			return (size_t)s->item - 1;
	}
}

/*
 * Index item (below UINT32_MAX - 1) under hash h, without looking for
 * it first (the caller has).  The table grows as it fills.  Returns 0,
 * or -1 when memory runs out or the table holds 2^31 items (then it is
 * unchanged).
 */
int hashtab_add(struct hashtab *t, uint64_t h, size_t item);

/* Make room for n items in all, so that adding them does not grow the table; 0 or -1. */
int hashtab_reserve(struct hashtab *t, size_t n);

/* Free t's memory and make it empty again. */
void hashtab_free(struct hashtab *t);

#endif
