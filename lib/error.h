/* error.h -- errors that lib/ returns and commands report */
#ifndef RENKE_ERROR_H
#define RENKE_ERROR_H

#include <libintl.h>
#include <stddef.h>

#define _(s) dgettext("renke", s)
#define N_(s) (s)
/* s marked for the catalog with its context (msgctxt); translated by text_in_context(). */
#define NC_(context, s) (s)

/*
 * s in the user's language as the catalog gives it in context (a
 * msgctxt), or s itself when it has no translation.  The result is the
 * catalog's or s: never to be freed.
 */
const char *text_in_context(const char *context, const char *s);

/* Exit statuses, after sysexits.h. */
enum {
	EXIT_OK = 0,
	EXIT_FOUND = 1,		/* "yes, something to report", like grep */
	EXIT_USAGE = 64,
	EXIT_DATAERR = 65,
	EXIT_NOINPUT = 66,
	EXIT_SOFTWARE = 70,
	EXIT_CANTCREAT = 73,
	EXIT_IOERR = 74,
	EXIT_TEMPFAIL = 75
};

/*
 * A failure that stops the work.  status is one of the exit statuses
 * above; text is the whole message, without the command's name.
 */
struct error {
	int status;
	char text[1024];
};

/* Set err to status and a printf-formatted message; returns -1. */
int error_set(struct error *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * A problem with one input record: it names the file, the line and the
 * field (field may be NULL).  Bulk operations report every problem
 * through a problem_fn and go on checking the other records.
 */
struct record;

struct problem {
	const char *file;
	long line;
	const char *field;
	const char *message;
	const struct record *record;	/* the record itself, for a rejects file */
};

typedef void problem_fn(void *context, const struct problem *problem);

#endif
