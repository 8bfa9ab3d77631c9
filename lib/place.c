/* place.c -- villages (村/社区) and villager groups (村民小组) */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "hashtab.h"
#include "place.h"
#include "text.h"

/*
 * A cache of places by name: a township has tens of villages and a few
 * hundred groups, so an array of them, indexed by a hash table.
 */
struct place {
	char *village;
	char *group;		/* NULL for the village itself */
	long long village_id, group_id;
};

#define CACHE_MAX 2047		/* well above the places of a county */

static struct place cache[CACHE_MAX];
static size_t cache_used;
static struct hashtab cache_index;
static const struct store *cache_store;

void
place_forget(void)
{
	for (size_t i = 0; i < cache_used; i++) {
		free(cache[i].village);
		free(cache[i].group);
		cache[i].village = cache[i].group = NULL;
	}
	cache_used = 0;
	hashtab_free(&cache_index);
	cache_store = NULL;
}

static uint64_t
place_hash(const char *village, const char *group)
{
	uint64_t h = text_hash(TEXT_HASH, village, strlen(village));

	h = text_hash(h, "\xff", 1);	/* no byte of UTF-8 */
	if (group != NULL)
		h = text_hash(h, group, strlen(group));
	return h;
}

/* The cached place (village, group), or NULL. */
static struct place *
cache_find(const char *village, const char *group)
{
	uint64_t h = place_hash(village, group);
	size_t pos = hashtab_start(&cache_index, h), k;

	while ((k = hashtab_next(&cache_index, h, &pos)) != HASHTAB_END) {
		struct place *p = &cache[k];

		if (strcmp(p->village, village) == 0 &&
		    (group == NULL ? p->group == NULL :
		    p->group != NULL && strcmp(p->group, group) == 0))
			return p;
	}
	return NULL;
}

static void
cache_add(const char *village, const char *group, long long vid, long long gid)
{
	struct place *p;

	if (cache_used == CACHE_MAX || cache_find(village, group) != NULL)
		return;		/* full: look the rest up in the store */
	p = &cache[cache_used];
	p->village = strdup(village);
	p->group = group != NULL ? strdup(group) : NULL;
	if (p->village == NULL || (group != NULL && p->group == NULL) ||
	    hashtab_add(&cache_index, place_hash(village, group), cache_used) != 0) {
		free(p->village);
		free(p->group);
		p->village = p->group = NULL;
		return;
	}
	p->village_id = vid;
	p->group_id = gid;
	cache_used++;
}

/* id of the row named by a lookup; 0 if none, -1 on error. */
static long long
lookup(struct store *s, const char *sql, long long parent, const char *name,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	int i = 1;

	if (st == NULL)
		return -1;
	if (parent > 0)
		sqlite3_bind_int64(st, i++, parent);
	sqlite3_bind_text(st, i, name, -1, SQLITE_STATIC);
	return store_step_id(s, st, err);
}

int
place_cached(const struct store *s, const char *village, const char *group,
    long long *village_id, long long *group_id)
{
	struct place *p;

	if (cache_store != s || (p = cache_find(village, group)) == NULL)
		return 0;
	*village_id = p->village_id;
	*group_id = p->group_id;
	return 1;
}

int
place_resolve(struct store *s, const char *village, const char *group,
    int create, long long *village_id, long long *group_id, int *created,
    struct error *err)
{
	struct place *p;
	long long vid, gid = 0;

	if (created != NULL)
		*created = 0;
	if (cache_store != s)
		place_forget();
	cache_store = s;
	if ((p = cache_find(village, group)) != NULL) {
		*village_id = p->village_id;
		*group_id = p->group_id;
		return 0;
	}
	if ((p = cache_find(village, NULL)) != NULL)
		vid = p->village_id;
	else {
		vid = lookup(s, "SELECT id FROM village WHERE name = ?", 0, village, err);
		if (vid < 0)
			return -1;
		if (vid == 0) {
			if (!create)
				return 1;
			vid = lookup(s, "INSERT INTO village (name) VALUES (?) "
			    "RETURNING id", 0, village, err);
			if (vid <= 0 || audit_add(s, "village", village, "created",
			    NULL, NULL, err) != 0)
				return -1;
			if (created != NULL)
				*created = 1;
		}
		cache_add(village, NULL, vid, 0);
	}
	if (group != NULL) {
		gid = lookup(s, "SELECT id FROM village_group WHERE village_id = ? "
		    "AND name = ?", vid, group, err);
		if (gid < 0)
			return -1;
		if (gid == 0) {
			if (!create)
				return 1;
			gid = lookup(s, "INSERT INTO village_group (village_id, name) "
			    "VALUES (?, ?) RETURNING id", vid, group, err);
			if (gid <= 0)
				return -1;
			if (created != NULL)
				*created = 1;
		}
		cache_add(village, group, vid, gid);
	}
	*village_id = vid;
	*group_id = gid;
	return 0;
}
