/* outfile.h -- a file written beside its target and renamed into place once the work is done */
#ifndef RENKE_OUTFILE_H
#define RENKE_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

/*
 * What a file a command is to write would overwrite: nothing of its
 * own, a directory, the store at store (or its -wal, -shm or -journal
 * file), or one of inputs[0..n) ("-": standard input, when it is that
 * file).
 */
enum outfile_clash { OUTFILE_FREE, OUTFILE_DIRECTORY, OUTFILE_STORE,
	OUTFILE_INPUT };
enum outfile_clash outfile_clash(const char *path, const char *store,
    char *const *inputs, size_t n);

struct outfile;

/*
 * A new, empty file for target: a hidden file beside it (mode 0600
 * whatever the umask), renamed over target by outfile_commit(); a pipe
 * or device (/dev/stdout) is written as it is.  NULL with err set
 * (EXIT_CANTCREAT) when it cannot be made.
 */
struct outfile *outfile_create(const char *target, struct error *err);

/* The stream to write; it stays o's. */
FILE *outfile_fp(const struct outfile *o);

/* The target, and the file written until it is renamed (NULL for a pipe or device). */
const char *outfile_target(const struct outfile *o);
const char *outfile_temp(const struct outfile *o);

/* Flush what is written and make it safe on disk: 0, or -1 with errno set. */
int outfile_sync(struct outfile *o);

/*
 * Close the stream and rename the file into place (the rename made safe
 * too): 0, or -1 with errno set, the file then kept where
 * outfile_temp() says.
 */
int outfile_commit(struct outfile *o);

/* Remove the file if it was not put in place, and free o; NULL is a no-op. */
void outfile_discard(struct outfile *o);

#endif
