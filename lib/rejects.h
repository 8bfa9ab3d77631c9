/* rejects.h -- the rejects file: every record an import did not write, with why */
#ifndef RENKE_REJECTS_H
#define RENKE_REJECTS_H

#include <stddef.h>

#include "error.h"
#include "input.h"

/*
 * With --skip-bad, every record ends up either in the store or in the
 * rejects file.  The file is written to a new file beside its target
 * (mode 0600) while the import runs, made safe on disk before the import
 * commits, and renamed into place only once it has: a failed or
 * refused import leaves the target as it was.
 *
 * For CSV input and workbooks it is a sheet for the clerk to mend and
 * read again: a CSV file "error,line,<the input's columns>,raw" (raw:
 * the text of a record that could not be split into columns), the
 * input's columns headed as in the input, the others in the user's
 * language (错误原因,行号,…,原文 under zh_CN), the reasons in it too.  It
 * is written in the input's encoding (GB18030 in, GB18030 out), with a
 * BOM when the input had one; a workbook's rows, and ASCII input with
 * reasons that are not, get UTF-8 with a BOM, which Excel and WPS read.
 * For JSON input it is JSON Lines {"line":...,"error":...,"record":{...}}
 * or "raw".  A record's reasons are gathered until the next record comes.
 */
struct rejects;

/*
 * 1 when names[i] of a header of count names is a column that a rejects
 * file adds to the input's (the reason, the line, the raw text), headed
 * in English or in the user's language: the header is a rejects file's,
 * beginning with the reason and the line and ending with the raw text.
 * Such a file, mended, is read again without them.
 */
int rejects_own_column(const char *const *names, size_t count, size_t i);

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
 * What the input turned out to be written in, for a file whose records
 * so far could not tell (only ASCII had been read when they came).
 * Call before rejects_sync(); a file already settled keeps its encoding.
 */
void rejects_settle(struct rejects *r, enum encoding encoding, int bom);

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
