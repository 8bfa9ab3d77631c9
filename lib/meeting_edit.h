/* meeting_edit.h -- a meeting's kind, date, host, attendees or minutes corrected, or the meeting removed */
#ifndef RENKE_MEETING_EDIT_H
#define RENKE_MEETING_EDIT_H

#include "error.h"
#include "store.h"

enum meeting_action { MEETING_SET_KIND, MEETING_SET_DATE, MEETING_SET_HOST,
	MEETING_SET_ATTENDEES, MEETING_SET_MINUTES, MEETING_REMOVE };

/* Which meeting (what identifies it), what to do, and why (for the audit log). */
struct meeting_edit {
	enum meeting_action action;
	const char *kind;	/* a code or a label */
	const char *village, *group;	/* group NULL: the village's own meeting */
	const char *date;	/* ISO */
	const char *to;		/* the corrected kind, date (ISO) or text */
	const char *reason;	/* required */
	int dry_run;		/* check and do it all, then roll back */
};

/*
 * Do e in one transaction, audited with its reason (the meeting's
 * audit rows go by its id).  A correction of what identifies the
 * meeting (its kind or date) is refused when another meeting is so
 * identified already, and a courtyard meeting is a group's; the
 * suggestions raised at it and its vote stay with it.  A meeting that
 * suggestions or a vote refer to is not removed.  Returns 0, or -1 with
 * err set: EXIT_DATAERR when the store refuses it (a meeting or place
 * not known, a kind not known, the meeting there already, a meeting
 * referred to removed), and nothing written.
 */
int meeting_edit(struct store *s, const struct meeting_edit *e,
    struct error *err);

#endif
