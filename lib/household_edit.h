/* household_edit.h -- a household renumbered, merged into the one it repeats, removed */
#ifndef RENKE_HOUSEHOLD_EDIT_H
#define RENKE_HOUSEHOLD_EDIT_H

#include "error.h"
#include "place_edit.h"
#include "store.h"

enum household_action { HOUSEHOLD_RENUMBER, HOUSEHOLD_MERGE, HOUSEHOLD_REMOVE };

/* What to do to which household, and why (for the audit log). */
struct household_edit {
	enum household_action action;
	const char *id;		/* the household's number */
	const char *to;		/* its new number (renumber), the one kept (merge) */
	const char *reason;	/* required */
	int dry_run;		/* check and do it all, then roll back */
};

/*
 * The kinds of record that belong to a household: visits, issues,
 * members, survey responses, the cadres assigned to it, selections,
 * board entries, village-rules steps (deliveries, rewards, violations),
 * monitoring cases.
 */
#define HOUSEHOLD_REFERRERS 9

/* What refers to a household, or what a merge moved. */
struct household_records {
	struct reference_count records[HOUSEHOLD_REFERRERS];
};

/*
 * Do e in one transaction, audited with its reason: a renumber gives
 * the household a number no other has, and its records follow (the
 * misconduct matters naming it among their parties too); a merge moves
 * every record of the household to the one kept, then removes it (a
 * selection, board entry or village-rules delivery both households have
 * is the kept one's, the other's removed, audited; selections and board
 * entries move to the kept household's village; a cadre assigned to
 * both in one role keeps one assignment covering both spans); a remove
 * takes a household nothing refers to, its values kept in the audit
 * log.  Each
 * record moved is audited under the name and key its own commands give
 * it.  Returns 0 with *records filled (what a merge moved), or -1 with
 * err set: EXIT_DATAERR when the store refuses it (a household not
 * known, a number taken, a household with records or named by a
 * misconduct matter removed, a visit both households have, both with an
 * open monitoring case or one case twice, each the first party of one
 * matter), and nothing written.
 */
int household_edit(struct store *s, const struct household_edit *e,
    struct household_records *records, struct error *err);

#endif
