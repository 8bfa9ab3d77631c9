/* place.c -- villages (村/社区) and villager groups (村民小组) */
#include <stdio.h>
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
/* the ids of the places place_resolve() made, for place_news(): group ids negative */
static long long *made;
static size_t nmade, made_size;
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

/* Keep id (a group's negative) for place_news(): 0, or -1 when memory runs out. */
static int
remember_made(long long id)
{
	if (nmade == made_size) {
		size_t size = made_size > 0 ? 2 * made_size : 16;
		long long *more = realloc(made, size * sizeof(*made));

		if (more == NULL)
			return -1;
		made = more;
		made_size = size;
	}
	made[nmade++] = id;
	return 0;
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
	int merged = 0;

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
		/* read from records, a village merged away is the one kept */
		if (vid == 0 && create != 0 && (vid = lookup(s, "SELECT village_id "
		    "FROM merged_village WHERE name = ?", 0, village, err)) > 0)
			merged = 1;
		if (vid < 0)
			return -1;
		if (vid == 0) {
			if (!(create & PLACE_CREATE))
				return 1;
			vid = lookup(s, "INSERT INTO village (name) VALUES (?) "
			    "RETURNING id", 0, village, err);
			if (vid <= 0 || audit_add(s, "village", village, "created",
			    NULL, NULL, err) != 0)
				return -1;
			if (created != NULL)
				*created = 1;
			if (remember_made(vid) != 0)
				return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		}
		if (!merged)	/* (a lookup of the name alone stays strict) */
			cache_add(village, NULL, vid, 0);
	}
	if (group != NULL) {
		gid = lookup(s, "SELECT id FROM village_group WHERE village_id = ? "
		    "AND name = ?", vid, group, err);
		if (gid == 0 && create != 0 && (gid = lookup(s, "SELECT group_id "
		    "FROM merged_group WHERE village_id = ? AND name = ?", vid, group,
		    err)) > 0)
			merged = 1;
		if (gid < 0)
			return -1;
		if (gid == 0) {
			if (!(create & PLACE_CREATE))
				return 1;
			gid = lookup(s, "INSERT INTO village_group (village_id, name) "
			    "VALUES (?, ?) RETURNING id", vid, group, err);
			if (gid <= 0)
				return -1;
			if (created != NULL)
				*created = 1;
			if (remember_made(-gid) != 0)
				return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		}
		if (!merged)
			cache_add(village, group, vid, gid);
	}
	*village_id = vid;
	*group_id = gid;
	return 0;
}

/* " and N more" after the names named of a kind, when more were made. */
static int
say_more(struct buf *to, long more)
{
	char text[128];

	if (more <= 0)
		return 0;
	snprintf(text, sizeof(text), dngettext("renke", " and %ld more",
	    " and %ld more", (unsigned long)more), more);
	return buf_puts(to, text);
}

long
place_news(struct store *s, const char *sep, long most, struct buf *villages,
    struct buf *groups, struct error *err)
{
	sqlite3_stmt *village = NULL, *group = NULL;
	long n = 0, named[2] = { 0, 0 };
	int rc = SQLITE_DONE;

	if (nmade > 0 && ((village = store_prepare(s, "SELECT name FROM village "
	    "WHERE id = ?", err)) == NULL || (group = store_prepare(s,
	    "SELECT v.name || ' ' || g.name FROM village_group g "
	    "JOIN village v ON v.id = g.village_id WHERE g.id = ?", err)) == NULL)) {
		n = -1;
		goto out;
	}
	for (size_t i = 0; i < nmade; i++) {
		sqlite3_stmt *st = made[i] > 0 ? village : group;
		struct buf *to = made[i] > 0 ? villages : groups;
		size_t j;

		/* an id undone with its savepoint and made again is said once */
		for (j = 0; j < i && made[j] != made[i]; j++)
			;
		if (j < i)
			continue;

		sqlite3_bind_int64(st, 1, made[i] > 0 ? made[i] : -made[i]);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (named[made[i] < 0]++ < most &&
			    ((to->len > 0 && buf_puts(to, sep) != 0) ||
			    buf_puts(to, (const char *)sqlite3_column_text(st, 0)) != 0)) {
				n = error_set(err, EXIT_SOFTWARE, _("out of memory"));
				goto out;
			}
			n++;
		} else if (rc != SQLITE_DONE) {
			n = store_error(s, rc, err);
			goto out;
		}
		sqlite3_reset(st);
	}
	if (say_more(villages, named[0] - most) != 0 ||
	    say_more(groups, named[1] - most) != 0)
		n = error_set(err, EXIT_SOFTWARE, _("out of memory"));
out:
	sqlite3_finalize(village);
	sqlite3_finalize(group);
	free(made);
	made = NULL;
	nmade = made_size = 0;
	return n;
}

/* A known name near the name asked for, and how near. */
struct near {
	char name[256];
	size_t distance;
};

int
place_nearest(struct store *s, const char *village, const char *name,
    const char *sep, char *out, size_t size, struct error *err)
{
	struct near best[3];
	size_t nbest = 0, len = utf8_length(name), used = 0;
	sqlite3_stmt *st = store_prepare(s, village == NULL ?
	    "SELECT name FROM village ORDER BY name" :
	    "SELECT g.name FROM village_group g JOIN village v "
	    "ON v.id = g.village_id WHERE v.name = ? ORDER BY g.name", err);
	int rc;

	if (size > 0)
		out[0] = '\0';
	if (st == NULL)
		return -1;
	if (village != NULL)
		sqlite3_bind_text(st, 1, village, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *known = (const char *)sqlite3_column_text(st, 0);
		size_t known_len = utf8_length(known), known_size = strlen(known) + 1;
		size_t limit = (len > known_len ? len : known_len) / 3, d, at;

		if (limit < 1)
			limit = 1;
		if ((d = text_distance(name, known, limit)) > limit ||
		    known_size > sizeof(best[0].name))
			continue;
		/* kept nearest first, the first of equals (by name) ahead */
		for (at = nbest; at > 0 && best[at - 1].distance > d; at--)
			;
		if (at == 3)
			continue;
		if (nbest < 3)
			nbest++;
		memmove(&best[at + 1], &best[at], (nbest - 1 - at) * sizeof(best[0]));
		memcpy(best[at].name, known, known_size);
		best[at].distance = d;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	for (size_t i = 0; i < nbest && size > 0; i++) {
		int n = snprintf(out + used, size - used, "%s%s", i > 0 ? sep : "",
		    best[i].name);

		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	return 0;
}

int
place_suggestion(struct store *s, const char *village, const char *name,
    char *out, size_t size, struct error *err)
{
	char near[512];

	if (size > 0)
		out[0] = '\0';
	if (place_nearest(s, village, name, _(", "), near, sizeof(near), err) != 0)
		return -1;
	if (near[0] != '\0')
		snprintf(out, size, _("; did you mean %s?"), near);
	return 0;
}

/*
 * The name of the place that village (group NULL), or group of village,
 * was renamed or merged into (merged_village, merged_group), into out
 * (size bytes): 1, 0 when it was neither, -1 with err set.
 */
static int
place_now(struct store *s, const char *village, const char *group, char *out,
    size_t size, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, group == NULL ?
	    "SELECT v.name FROM merged_village m JOIN village v ON v.id = "
	    "m.village_id WHERE m.name = ?1" : "SELECT g.name FROM merged_group m "
	    "JOIN village v ON v.id = m.village_id JOIN village_group g ON g.id = "
	    "m.group_id WHERE v.name = ?1 AND m.name = ?2", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, village, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, group, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return rc == SQLITE_ROW;
}

int
place_current(struct store *s, const char *village, const char *group,
    char *village_now, char *group_now, size_t size, struct error *err)
{
	long long vid, gid;
	int rc;

	snprintf(village_now, size, "%s", village);
	if (group != NULL)
		snprintf(group_now, size, "%s", group);
	if ((rc = place_resolve(s, village, NULL, 0, &vid, &gid, NULL, err)) < 0 ||
	    (rc == 1 && place_now(s, village, NULL, village_now, size, err) < 0))
		return -1;
	if (group == NULL)
		return 0;
	if ((rc = place_resolve(s, village_now, group, 0, &vid, &gid, NULL,
	    err)) < 0 || (rc == 1 && place_now(s, village_now, group, group_now,
	    size, err) < 0))
		return -1;
	return 0;
}

/*
 * err set to "no such place": the place it was renamed or merged into,
 * or the nearest known and how to make it new.
 */
static int
place_unknown(struct store *s, const char *village, const char *group,
    unsigned flags, struct error *err)
{
	char near[512], hint[128];
	const char *name = group != NULL ? group : village;
	int now;

	if ((now = place_now(s, village, group, near, sizeof(near), err)) != 0)
		return now < 0 ? -1 : group != NULL ?
		    error_set(err, EXIT_DATAERR, _("no villager group \"%s\" in %s: "
		    "it is %s now, renamed or merged"), group, village, near) :
		    error_set(err, EXIT_DATAERR, _("no village \"%s\": it is %s now, "
		    "renamed or merged"), village, near);
	if (place_nearest(s, group != NULL ? village : NULL, name, _(", "), near,
	    sizeof(near), err) != 0)
		return -1;
	hint[0] = '\0';
	if (flags & PLACE_CAN_CREATE)
		snprintf(hint, sizeof(hint), group != NULL ?
		    _(" (--new-group if it is new)") :
		    _(" (--new-village if it is new)"));
	if (group != NULL)
		return near[0] != '\0' ?
		    error_set(err, EXIT_DATAERR, _("no villager group \"%s\" in "
		    "%s; did you mean %s?%s"), group, village, near, hint) :
		    error_set(err, EXIT_DATAERR, _("no villager group \"%s\" in "
		    "%s%s"), group, village, hint);
	return near[0] != '\0' ?
	    error_set(err, EXIT_DATAERR, _("no village \"%s\"; did you mean "
	    "%s?%s"), village, near, hint) :
	    error_set(err, EXIT_DATAERR, _("no village \"%s\"%s"), village, hint);
}

int
place_check_old(struct store *s, const char *village, const char *group,
    struct error *err)
{
	char now[512];
	long long vid, gid;
	int rc;

	if (village == NULL)
		return 0;
	if ((rc = place_resolve(s, village, NULL, 0, &vid, &gid, NULL, err)) == 1)
		rc = place_now(s, village, NULL, now, sizeof(now), err);
	else if (rc == 0 && group != NULL && (rc = place_resolve(s, village, group,
	    0, &vid, &gid, NULL, err)) == 1)
		rc = place_now(s, village, group, now, sizeof(now), err);
	else
		return rc < 0 ? -1 : 0;
	if (rc <= 0)
		return rc;
	return place_unknown(s, village, group != NULL && place_resolve(s,
	    village, NULL, 0, &vid, &gid, NULL, err) == 0 ? group : NULL, 0, err);
}

int
place_check(struct store *s, const char *village, const char *group,
    unsigned flags, struct error *err)
{
	long long vid, gid;
	char now[512];
	int rc = place_resolve(s, village, NULL, 0, &vid, &gid, NULL, err);

	if (rc < 0)
		return -1;
	/* a name a place had before is not new: it is the place's now */
	if (rc == 1 && (flags & PLACE_NEW_VILLAGE) &&
	    (rc = place_now(s, village, NULL, now, sizeof(now), err)) <= 0)
		return rc;
	if (rc == 1)
		return place_unknown(s, village, NULL, flags, err);
	if (group == NULL)
		return 0;
	if ((rc = place_resolve(s, village, group, 0, &vid, &gid, NULL, err)) < 0)
		return -1;
	if (rc == 1 && (flags & PLACE_NEW_GROUP) &&
	    (rc = place_now(s, village, group, now, sizeof(now), err)) <= 0)
		return rc;
	if (rc == 1)
		return place_unknown(s, village, group, flags, err);
	return 0;
}
