/* meeting_edit.h -- a meeting's kind, date, host, attendees or minutes corrected, or the meeting removed */
#ifndef RENKE_MEETING_EDIT_H
#define RENKE_MEETING_EDIT_H

#include "error.h"
#include "store.h"

enum meeting_action { MEETING_SET_KIND, MEETING_SET_DATE, MEETING_SET_HOST,
	MEETING_SET_ATTENDEES, MEETING_SET_MINUTES, MEETING_SET_PLACE,
	MEETING_REMOVE };

/* Which meeting (what identifies it), what to do, and why (for the audit log). */
struct meeting_edit {
	enum meeting_action action;
	const char *kind;	/* a code or a label */
	const char *village, *group;	/* group NULL: the village's own meeting */
	const char *date;	/* ISO */
	const char *to;		/* the corrected kind, date (ISO), village or text */
	const char *to_group;	/* MEETING_SET_PLACE: the group; NULL: the village's own */
	const char *reason;	/* required */
	int dry_run;		/* check and do it all, then roll back */
};

/*
 * Do e in one transaction, audited with its reason (the meeting's
 * audit rows go by its id).  A correction of what identifies the
 * meeting (its kind or date) is refused when another meeting is so
 * identified already, and a courtyard meeting is a group's; the
 * suggestions raised at it and its vote stay with it.
 *
 * A corrected date moves the suggestions opened on the old day (each
 * audited with the reason) to the new one, and their deadlines with it:
 * a deadline the rules set (issue_deadline_due()) is counted again from
 * the new day, and is their original deadline too; a deadline given by
 * hand or changed since (an extension) is kept.  Refused when a
 * suggestion was resolved, fed back or closed before the new day.
 *
 * A meeting moved to another place (MEETING_SET_PLACE) takes with it
 * the suggestions that stood at its place (one placed by its household
 * stays where the household is), each audited.
 *
 * A meeting that suggestions or a vote refer to is not removed.
 * Returns 0, or -1 with err set: EXIT_DATAERR when the store refuses it
 * (a meeting or place not known, a group not of its village, a kind not
 * known, the meeting there already, a suggestion settled before the new
 * day or of a household not in the new place, a meeting referred to
 * removed), and nothing written.
 */
int meeting_edit(struct store *s, const struct meeting_edit *e,
    struct error *err);

#endif
