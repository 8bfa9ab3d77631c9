/* hashtab.c -- an open-addressed hash index over the caller's own items */
#include <stdlib.h>

#include "hashtab.h"

#define MAX_ITEMS ((size_t)1 << 31)

/* Put (hash, item + 1) into the first free slot of its run. */
static void
place(struct hashtab_slot *slot, size_t nslots, uint32_t hash, uint32_t item)
{
	size_t i = hash & (nslots - 1);

	while (slot[i].item != 0)
		i = (i + 1) & (nslots - 1);
	slot[i].hash = hash;
	slot[i].item = item;
}

int
hashtab_reserve(struct hashtab *t, size_t n)
{
	size_t nslots = t->nslots > 0 ? t->nslots : 64;
	struct hashtab_slot *slot;

	if (n > MAX_ITEMS)
		return -1;
	while (nslots < 2 * n)
		nslots *= 2;
	if (nslots == t->nslots)
		return 0;
	if ((slot = calloc(nslots, sizeof(*slot))) == NULL)
		return -1;
	for (size_t i = 0; i < t->nslots; i++)
		if (t->slot[i].item != 0)
			place(slot, nslots, t->slot[i].hash, t->slot[i].item);
	free(t->slot);
	t->slot = slot;
	t->nslots = nslots;
	return 0;
}

int
hashtab_add(struct hashtab *t, uint64_t h, size_t item)
{
	if (item >= UINT32_MAX - 1 || hashtab_reserve(t, t->n + 1) != 0)
		return -1;
	place(t->slot, t->nslots, (uint32_t)h, (uint32_t)item + 1);
	t->n++;
	return 0;
}

void
hashtab_free(struct hashtab *t)
{
	free(t->slot);
	t->slot = NULL;
	t->nslots = t->n = 0;
}
