/* bulk.h -- a table's indexes set aside while an import writes its rows, built again by sorting */
#ifndef RENKE_BULK_H
#define RENKE_BULK_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/*
 * An index written a row at a time in no order (an ID number's) costs
 * a page of it touched, and soon written out again, for nearly every
 * row once it outgrows the page cache; made after the rows, it is one
 * sort.  A table's indexes, as the schema had them, while they are set
 * aside.
 */
struct bulk_index {
	long long rowid;	/* its row of sqlite_schema */
	char *name;
	char *sql;		/* the CREATE INDEX statement */
};

struct bulk_indexes {
	struct bulk_index *index;
	size_t n;
};

/*
 * Inside the caller's transaction, drop every index of table but those
 * named in leave (NULL-ended; NULL: none), keeping in b what makes them
 * again (b starts zeroed; a later call adds those it drops then).
 * Their sorts will spill to temporary files past the page cache's size
 * (temp_store FILE, in $TMPDIR, unlinked as they are opened), rather
 * than sort in memory.  Returns 1 when they are dropped; 0 when they
 * cannot be (the table has an index of a constraint, which no
 * statement drops, or a temporary table is open, so that SQLite keeps
 * temp_store as it is) or there is none to drop, nothing changed; -1
 * with err set.
 */
int bulk_indexes_drop(struct bulk_indexes *b, struct store *s,
    const char *table, const char *const *leave, struct error *err);

/*
 * Make the indexes b dropped again, in their order and at their rows of
 * the schema (a dump lists them where it did): each one sort of the
 * table, on a thread besides the caller's, each holding as many bytes
 * as the page cache before it writes them out.  A unique index that two
 * rows break is not made: *broken is set to 1, else 0 (the caller finds
 * the rows and rolls back).  0, or -1 with err set.
 */
int bulk_indexes_make(struct bulk_indexes *b, struct store *s, int *broken,
    struct error *err);

void bulk_indexes_free(struct bulk_indexes *b);

#endif
