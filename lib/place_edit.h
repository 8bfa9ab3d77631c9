/* place_edit.h -- villages and villager groups renamed, merged into another, removed */
#ifndef RENKE_PLACE_EDIT_H
#define RENKE_PLACE_EDIT_H

#include "error.h"
#include "store.h"

/* A count of the records that refer to something, and their noun. */
struct reference_count {
	long n;
	const char *one, *many;	/* "%ld household", "%ld households" (msgids) */
};

/*
 * What a merge moved to the place kept: households, meetings, issues,
 * assignments, selections, board entries, rule sets, returnee contacts.
 */
#define PLACE_KINDS 8
struct place_moved {
	struct reference_count records[PLACE_KINDS];
};

enum place_action { PLACE_RENAME, PLACE_MERGE, PLACE_REMOVE, PLACE_TOWNSHIP };

/* What to do to which place, and why (for the audit log). */
struct place_edit {
	enum place_action action;
	const char *village;	/* the village whose group is meant; NULL: a village */
	const char *name;	/* the place acted on; the township's name
				   (PLACE_TOWNSHIP) */
	const char *to;		/* the new name (rename), the place kept (merge) */
	const char *reason;	/* required */
	int dry_run;		/* check and do it all, then roll back */
	char *was;		/* PLACE_TOWNSHIP: the township's name before
				   (NULL: none), the caller's to free */
};


/*
 * Do e in one transaction, audited with its reason: a rename gives the
 * place a name no other place of its kind has; a merge moves every
 * household, meeting and issue of the place (a village's groups too,
 * into the kept village's group of the same name) to the place kept and
 * removes it; a remove takes a place nothing refers to (a village with
 * its groups).  The place must exist (a name not known is answered with
 * the nearest known, as place_check() does).  Returns 0 with *moved
 * filled (a merge), or -1 with err set: EXIT_DATAERR when the store
 * refuses it (naming what refers to a place, or a meeting both places
 * held), and nothing written.
 * PLACE_TOWNSHIP names the township of the store instead (the name
 * every report and the nightly mail give it; e->village must be NULL):
 * a line of text, not "*"; e->was gets the name it had.  The same name
 * again writes nothing.
 */
int place_edit(struct store *s, struct place_edit *e,
    struct place_moved *moved, struct error *err);

/*
 * The start of a query for assignment_twins_merge(): the one to go
 * (f), its twin (t), their start and end dates and phones; the twin of
 * the same cadre, role and 片.  The caller adds the rest of the join's
 * condition, the WHERE and LIMIT 1.
 */
#define ASSIGNMENT_TWINS_SQL "SELECT f.id, t.id, f.start_date, " \
	"t.start_date, f.end_date, t.end_date, f.phone, t.phone FROM " \
	"assignment f JOIN assignment t ON t.id <> f.id AND " \
	"t.cadre = f.cadre AND t.role = f.role AND " \
	"coalesce(t.area, '') = coalesce(f.area, '') AND "

/*
 * Inside the caller's transaction, the assignments that are one once a
 * merge makes two places or households one, as sql (ASSIGNMENT_TWINS_SQL
 * completed, ?1 and ?2 bound to a and b) finds them a pair at a time:
 * the twin covers both spans (the earlier start, the later end, open
 * when either is) and keeps its phone, else the other's; the other is
 * removed; both audited, the one removed with reason (may be NULL).
 * 0, or -1 with err set.
 */
int assignment_twins_merge(struct store *s, const char *sql, long long a,
    long long b, const char *reason, struct error *err);

/*
 * The counts of refs[0..n) that are not 0 in words, "3 households, 1
 * meeting and 2 issues" in the user's language, into out (size bytes).
 * Returns the number of kinds that refer (0: nothing refers).
 */
size_t reference_describe(const struct reference_count *refs, size_t n,
    char *out, size_t size);

#endif
