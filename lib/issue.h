/* issue.h -- the ledger (台账): issues, their lifecycle, notes, mediation and revisits */
#ifndef RENKE_ISSUE_H
#define RENKE_ISSUE_H

#include "import.h"
#include "output.h"
#include "store.h"

/*
 * The ledger's two rules that every command applies, written once, in
 * SQL, for the issue table under the prefix t ("i." for an alias i, ""
 * for none):
 *
 * An issue is open while it waits for work: open, in progress or
 * reopened.  Resolved (even with the household not yet told), fed
 * back, closed and closed unresolved are not open.  The words are those
 * of the partial index issue_open_due, so that SQLite reads it.
 *
 * An issue is overdue on a day when it is open and its due date is
 * before that day: due today is not yet overdue, and an extension (a
 * new due date) counts from the new date.  day is an SQL expression,
 * usually a bound parameter holding an ISO date.
 *
 * deadline-check lists the issues overdue (deadline.c), report-gen
 * counts them and ages the open ones (report.c).
 */
#define ISSUE_OPEN_SQL(t) \
	"(" t "status = 'open' OR " t "status = 'in_progress' OR " \
	t "status = 'reopened')"
#define ISSUE_OVERDUE_SQL(t, day) \
	"(" ISSUE_OPEN_SQL(t) " AND " t "due_date < " day ")"

/*
 * ISSUE_OPEN_SQL for a status already read (a code, or NULL: not open),
 * where the status is an expression SQLite would otherwise compute once
 * for each of its words (ISSUE_STATUS_ON_SQL): 1 when open, else 0.
 */
int issue_status_open(const char *status);

/*
 * An issue's status on a day (day as above), from the days its steps
 * were taken: closed (or closed unresolved) from closed_on, fed back
 * from feedback_on, resolved from resolved_on, and before the first of
 * them open; a step with no day kept is taken as done by then.  The
 * ledger keeps no day for in_progress and reopened (the audit log's
 * times are when a change was recorded, not the day it was made on):
 * an issue in either now is open on any day, one reopened after the day
 * among them.
 */
#define ISSUE_STATUS_ON_SQL(t, day) \
	"(CASE WHEN " t "status IN ('closed', 'closed_unresolved') AND (" \
	t "closed_on IS NULL OR " t "closed_on <= " day ") THEN " t "status " \
	"WHEN " t "status IN ('feedback_given', 'closed') AND (" t "feedback_on " \
	"IS NULL OR " t "feedback_on <= " day ") THEN 'feedback_given' " \
	"WHEN " t "status IN ('resolved', 'feedback_given', 'closed') AND (" \
	t "resolved_on IS NULL OR " t "resolved_on <= " day ") THEN 'resolved' " \
	"WHEN " t "status IN ('resolved', 'feedback_given', 'closed', " \
	"'closed_unresolved') THEN 'open' ELSE " t "status END)"

/*
 * An issue counts unless it was withdrawn (entered by mistake): a
 * withdrawn issue is in no count, ledger or list of report-gen,
 * deadline-check or meeting-log, only in the audit log and its history
 * (and in report-gen's ledger when --status asks for it).
 */
#define ISSUE_COUNTED_SQL(t) "(" t "status <> 'withdrawn')"

/*
 * The kind of issue issue-add does not open: misconduct-step refers a
 * misconduct matter, with its parties and where it goes.  Left out of
 * the kinds issue-add's messages (and completion) offer.
 */
#define ISSUE_KIND_NOT_ADDED "misconduct"

/* The fields of an issue record, as issue-add reads them. */
enum issue_field {
	ISSUE_KIND, ISSUE_CATEGORY, ISSUE_TITLE, ISSUE_DETAIL, ISSUE_URGENCY,
	ISSUE_VILLAGE, ISSUE_GROUP, ISSUE_HOUSEHOLD, ISSUE_REPORTER,
	ISSUE_SOURCE, ISSUE_SOURCE_REF, ISSUE_OWNER, ISSUE_OWNER_UNIT,
	ISSUE_DUE_DATE, ISSUE_STANDARD, ISSUE_MEASURES, ISSUE_RESOLVED_ON_SPOT,
	ISSUE_RESOLUTION, ISSUE_DISPUTE_TYPE, ISSUE_PARTIES, ISSUE_MEDIATOR,
	ISSUE_OPENED_ON, ISSUE_CASE,
	ISSUE_NFIELDS
};

extern const struct field_spec issue_fields[ISSUE_NFIELDS];

/*
 * The ids of the issues an import touched, in order, so that they are
 * written out once it is committed (issue_write), never before.
 */
struct issue_ids {
	long long *ids;
	size_t len, cap;
};

/* Free what ids holds. */
void issue_ids_free(struct issue_ids *ids);

/*
 * What issue-add needs besides the records: defaults for fields a
 * record leaves empty (option values; NULL: none), the meeting the
 * issues were raised at (0: none), the date it is.  The new issues'
 * ids are added to added.  Given to import_run() through
 * import_options.settings.
 */
struct issue_settings {
	const char *defaults[ISSUE_NFIELDS];
	long long meeting_id;
	const char *today;
	struct issue_ids added;
	int calendar_missing;	/* set: a year a working-day rule counted without its calendar */
};

/* How issue records are checked and written, for import_run(). */
extern const struct import_kind issue_import_kind;

/* The columns issue-add writes for each new issue. */
enum { ISSUE_OUT_NCOLUMNS = 12 };
extern const struct column issue_out_columns[ISSUE_OUT_NCOLUMNS];

/* The fields of an update record, as issue-update reads them. */
enum issue_update_field {
	UPDATE_ID, UPDATE_STATUS, UPDATE_NOTE, UPDATE_OWNER, UPDATE_OWNER_UNIT,
	UPDATE_DUE_DATE, UPDATE_REASON, UPDATE_RESOLUTION, UPDATE_FEEDBACK,
	UPDATE_PROMISED_DATE, UPDATE_OUTCOME, UPDATE_REVISIT_IN,
	UPDATE_REVISIT_DATE, UPDATE_VISITOR, UPDATE_FINDING,
	/* corrections of what issue-add was given, each with a reason */
	UPDATE_TITLE, UPDATE_CATEGORY, UPDATE_DETAIL, UPDATE_URGENCY,
	UPDATE_HOUSEHOLD, UPDATE_REPORTER, UPDATE_STANDARD, UPDATE_MEASURES,
	UPDATE_RATING, UPDATE_CASE,
	UPDATE_NFIELDS
};

extern const struct field_spec issue_update_fields[UPDATE_NFIELDS];

/* What issue-update needs besides the records; the changed ids go to changed. */
struct issue_update_settings {
	const char *today;
	const char *who;	/* who acts: the author of notes */
	long revisit_in;	/* days from a successful mediation to its revisit */
	struct issue_ids changed;
};

/* How update records are checked and applied, for import_run(). */
extern const struct import_kind issue_update_kind;

/*
 * Set the deadline rule for (category, urgency): an issue of that
 * category and urgency that names no due date is due days after it is
 * opened, calendar days or, with working set, working days by the
 * store's holiday calendar (lib/calendar.h).  category "*" is every category without a rule of its own.
 * Written in the caller's transaction (an import's, so that a dry run
 * or a refused import leaves the rules as they were) and audited.
 * Returns 0, or -1 with err set.
 */
int issue_set_deadline_rule(struct store *s, const char *category,
    const char *urgency, long days, int working, struct error *err);

/*
 * The deadline rules as issue-add applies them to an issue that names
 * no due date.  Start with one zeroed; it keeps its statement and the
 * calendar (read once, on the first working-day rule) until
 * issue_deadline_free().
 */
struct calendar;
struct issue_deadline {
	sqlite3_stmt *rule;
	struct calendar *calendar;
};

/*
 * The due date of an issue of category and urgency (codes) opened on
 * opened (ISO), into out: opened plus the days of the rule for that
 * category (else category "*") and urgency, 30 when there is none, in
 * calendar days or working days (lib/calendar.h).  The first year the
 * working days passed through without its calendar goes to
 * *missing_year unless one is there already.  Returns 0, or -1 with
 * err set.
 */
int issue_deadline_due(struct store *s, struct issue_deadline *d,
    const char *category, const char *urgency, const char *opened,
    char out[11], int *missing_year, struct error *err);

/* Free what d holds (it may be used again, empty); a zeroed d is a no-op. */
void issue_deadline_free(struct issue_deadline *d);

/*
 * The statuses an issue may move to from status, "a, b" in the user's
 * language, into out (size bytes); "none" when there are none.
 */
char *issue_moves_from(struct store *s, const char *status, char *out,
    size_t size);

/* Write issue id to w in the issue_out_columns; 0, or -1 with err set. */
int issue_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err);

/*
 * After a merge moved issues (place-edit, household-edit): the natural
 * key of each issue whose column (village_id or household_ref) is value,
 * and that is keyed by its place ("rec" keys), names its place and
 * household as they now are; its kind, title and reporter as keyed
 * before (a corrected title keeps its key).  A key another issue has
 * already is left as it was.  0, or -1 with err set.
 */
int issue_rekey(struct store *s, const char *column, long long value,
    struct error *err);

#endif
