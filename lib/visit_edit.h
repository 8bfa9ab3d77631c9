/* visit_edit.h -- a visit's household, date or visitor corrected, or the visit removed */
#ifndef RENKE_VISIT_EDIT_H
#define RENKE_VISIT_EDIT_H

#include "error.h"
#include "store.h"

enum visit_action { VISIT_SET_HOUSEHOLD, VISIT_SET_DATE, VISIT_SET_VISITOR,
	VISIT_REMOVE };

/* Which visit (what identifies it), what to do, and why (for the audit log). */
struct visit_edit {
	enum visit_action action;
	const char *household, *date, *visitor;	/* the visit; date ISO */
	const char *to;		/* the corrected household, date (ISO) or visitor */
	const char *reason;	/* required */
	int dry_run;		/* check and do it all, then roll back */
};

/*
 * Do e in one transaction, audited with its reason: a correction of
 * what identifies the visit (its household, date or visitor; its other
 * fields are corrected by visit-log --upsert) is refused when another
 * visit is so identified already, and the issues its findings opened
 * follow it (their source_ref and the natural key made of it; to the
 * household corrected, with its place; each audited).  With the
 * household corrected, the notes its findings made on the old
 * household's issues go to the new household's issue from visits of
 * their category still open, or to one opened for them (due by
 * issue_deadline_due() from the day noted), each audited with the
 * reason.  A visit whose findings opened issues is not removed.  Returns 0, or -1 with err set: EXIT_DATAERR
 * when the store refuses it (a visit or household not known, the visit
 * there already, issues of a visit removed), and nothing written.
 */
int visit_edit(struct store *s, const struct visit_edit *e, struct error *err);

#endif
