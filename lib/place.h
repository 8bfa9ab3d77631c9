/* place.h -- villages (村/社区) and villager groups (村民小组) */
#ifndef RENKE_PLACE_H
#define RENKE_PLACE_H

#include "buf.h"
#include "error.h"
#include "store.h"

/*
 * Look up village, and group within it when group is not NULL.  create
 * is 0 (a name given on the command line: only a place of that name), or
 * for records read, PLACE_MERGED (a name merged away by place-edit merge
 * finds the place kept) or PLACE_CREATE (that, and a missing village or
 * group is created inside the caller's transaction; *created tells
 * whether anything was).
 * Returns 0 with *village_id and *group_id (0 when group is NULL);
 * 1 when create is 0 and the village (or group) does not exist; -1 with
 * err set.  Lookups are cached per store connection.
 */
enum { PLACE_CREATE = 1, PLACE_MERGED = 2 };
int place_resolve(struct store *s, const char *village, const char *group,
    int create, long long *village_id, long long *group_id, int *created,
    struct error *err);

/*
 * 1 with *village_id and *group_id when the cache knows village and
 * group (as place_resolve() would say them); 0 when only the store can
 * tell.  Never touches the store.
 */
int place_cached(const struct store *s, const char *village, const char *group,
    long long *village_id, long long *group_id);

/*
 * The known names nearest to name, by edit distance in characters
 * (text_distance()): of the villages when village is NULL, else of the
 * groups of village.  A name is near when the distance is at most a
 * third of the longer name's characters (at least 1).  At most three,
 * nearest first, joined by sep into out (size bytes, cut short if need
 * be); "" when none is near.  Returns 0, or -1 with err set.
 */
int place_nearest(struct store *s, const char *village, const char *name,
    const char *sep, char *out, size_t size, struct error *err);

/*
 * The clause that follows a message saying name is not known:
 * "; did you mean A, B?" of place_nearest(), or "" when none is near,
 * into out (size bytes).  Returns 0, or -1 with err set.
 */
int place_suggestion(struct store *s, const char *village, const char *name,
    char *out, size_t size, struct error *err);

/*
 * The names village, and group of it (may be NULL), have now: a name a
 * place was renamed from or merged away (place-edit: merged_village,
 * merged_group) is the place's name now, any other name itself.  Into
 * village_now and group_now (size bytes each; group_now untouched when
 * group is NULL).  Returns 0, or -1 with err set.
 */
int place_current(struct store *s, const char *village, const char *group,
    char *village_now, char *group_now, size_t size, struct error *err);

/* place_check() flags: the village, the group may be new; say how to make one. */
#define PLACE_NEW_VILLAGE	0x1
#define PLACE_NEW_GROUP		0x2
#define PLACE_CAN_CREATE	0x4

/*
 * Whether village, and group within it when group is not NULL, are
 * known, as a name given on the command line must be: 0 when they are,
 * or when flags say the one not known may be new (a new village's
 * groups are all new), unless it is a name a place had before it was
 * renamed or merged (then refused naming the place's name now).  Otherwise -1 with err set to EXIT_DATAERR,
 * naming the place not known and the nearest known names
 * (place_nearest()), and with PLACE_CAN_CREATE the option that says
 * it is new; -1 with err set for a failure of the store.
 */
int place_check(struct store *s, const char *village, const char *group,
    unsigned flags, struct error *err);

/*
 * Whether village, or group of it (may be NULL), is a name a place had
 * before it was renamed or merged away (place-edit), as a name given on
 * the command line may not be: -1 with err set to EXIT_DATAERR naming
 * the place's name now, 0 otherwise (a name not known at all too); -1
 * with err set for a failure of the store.
 */
int place_check_old(struct store *s, const char *village, const char *group,
    struct error *err);

/*
 * The places made by place_resolve() since the last call that exist
 * now (a place undone with its savepoint does not): the villages'
 * names and the groups' ("village group"), the first most of each
 * joined by sep and followed by " and N more" if there were more, into
 * villages and groups (appended).  The list starts again.  Returns the
 * number of places, or -1 with err set.
 */
long place_news(struct store *s, const char *sep, long most,
    struct buf *villages, struct buf *groups, struct error *err);

/* Forget the cache (after a rollback). */
void place_forget(void);

#endif
