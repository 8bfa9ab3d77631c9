/* place.h -- villages (村/社区) and villager groups (村民小组) */
#ifndef RENKE_PLACE_H
#define RENKE_PLACE_H

#include "error.h"
#include "store.h"

/*
 * Look up village, and group within it when group is not NULL.  With
 * create set, a missing village or group is created (inside the
 * caller's transaction) and *created tells whether anything was.
 * Returns 0 with *village_id and *group_id (0 when group is NULL);
 * 1 when create is 0 and the village (or group) does not exist; -1 with
 * err set.  Lookups are cached per store connection.
 */
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

/* Forget the cache (after a rollback). */
void place_forget(void);

#endif
