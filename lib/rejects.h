/* rejects.h -- the rejects file: every record an import did not write, with why */
#ifndef RENKE_REJECTS_H
#define RENKE_REJECTS_H

#include <stddef.h>

#include "error.h"

/*
 * With --skip-bad, every record ends up either in the store or in the
 * rejects file.  The file is written to a new file beside its target
 * (mode 0600) while the import runs, made safe on disk before the import
 * commits, and renamed into place only once it has: a failed or
 * refused import leaves the target as it was.
 *
 * For CSV input it is a CSV file "line,error,<the input's columns>,raw"
 * (raw: the text of a record that could not be split into columns); for
 * JSON input, JSON Lines {"line":...,"error":...,"record":{...}} or
 * "raw".  A record's reasons are gathered until the next record comes.
 */
struct rejects;

/*
 * 0 when path may be the rejects file of an import that writes the store
 * at store (whose -wal and -shm files go with it) and reads inputs[0..n)
 * ("-" is standard input); -1 with err set (EXIT_USAGE) when it is one of
 * them, or a directory.
 */
int rejects_check_path(const char *path, const char *store,
    char *const *inputs, size_t n, struct error *err);

/*
 * A new, empty rejects file for target, beside it.  NULL with err set
 * (EXIT_CANTCREAT) when it cannot be made.
 */
struct rejects *rejects_create(const char *target, struct error *err);

/* Keep the record of problem p (it says why; NULL record: nothing kept). */
void rejects_add(struct rejects *r, const struct problem *p);

/* Records kept so far. */
long rejects_count(const struct rejects *r);

/*
 * Make everything kept safe on disk, before the import commits.  0, or
 * -1 with err set (EXIT_IOERR): then the import must not commit.
 */
int rejects_sync(struct rejects *r, struct error *err);

/*
 * Rename the file into place, once the import has committed.  0, or -1
 * with err set (EXIT_IOERR), saying where the records are instead.
 */
int rejects_commit(struct rejects *r, struct error *err);

/* Remove the file if it was not put in place, and free r; NULL is a no-op. */
void rejects_discard(struct rejects *r);

#endif
