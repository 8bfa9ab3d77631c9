/* issue_update_check.c -- issue-update: an update record checked against the issue as stored */
#include <stdio.h>
#include <string.h>

#include "headings.h"
#include "issue.h"
#include "issue_parts.h"
#include "monitor_case.h"
#include "text.h"
#include "vocab.h"

/* The corrections: each field's column, and its vocabulary (or NULL). */
const struct issue_correction issue_corrections[ISSUE_NCORRECTIONS] = {
	{ UPDATE_TITLE, "title", NULL },
	{ UPDATE_CATEGORY, "category", "issue_category" },
	{ UPDATE_DETAIL, "detail", NULL },
	{ UPDATE_URGENCY, "urgency", "urgency" },
	{ UPDATE_REPORTER, "reporter", NULL },
	{ UPDATE_STANDARD, "standard", NULL },
	{ UPDATE_MEASURES, "measures", NULL },
};

/* A text column of st as a string: "" for NULL. */
static const char *
column_or_empty(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	return t != NULL ? t : "";
}

/*
 * The latest date of the lifecycle so far, and the column that holds it
 * (opened_on, resolved_on, feedback_on or closed_on: columns 8 to 11 of
 * load_issue's row); the mediation's date and the last revisit's.
 */
static void
last_step(sqlite3_stmt *st, struct current *c)
{
	static const char *const steps[] = { "opened_on", "resolved_on",
	    "feedback_on", "closed_on" };

	c->last_step[0] = c->last_on[0] = '\0';
	for (int i = 0; i < 4; i++) {
		const char *on = column_or_empty(st, 8 + i);

		if (on[0] != '\0' && strcmp(on, c->last_on) >= 0) {
			snprintf(c->last_step, sizeof(c->last_step), "%s", steps[i]);
			snprintf(c->last_on, sizeof(c->last_on), "%.10s", on);
		}
	}
	snprintf(c->mediated, sizeof(c->mediated), "%.10s", column_or_empty(st, 12));
	snprintf(c->last_revisit, sizeof(c->last_revisit), "%.10s",
	    column_or_empty(st, 13));
}

static int
load_issue(struct store *s, long long id, struct current *c, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT kind, status, owner, "
	    "owner_unit, due_date, extensions, mediation_outcome, revisit_due, "
	    "opened_on, resolved_on, feedback_on, closed_on, mediated_on, "
	    "(SELECT max(visited_on) FROM revisit WHERE issue_id = issue.id) "
	    "FROM issue WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *unit = (const char *)sqlite3_column_text(st, 3);
		const char *med = (const char *)sqlite3_column_text(st, 6);

		snprintf(c->kind, sizeof(c->kind), "%s", sqlite3_column_text(st, 0));
		snprintf(c->status, sizeof(c->status), "%s", sqlite3_column_text(st, 1));
		snprintf(c->owner, sizeof(c->owner), "%s", sqlite3_column_text(st, 2));
		snprintf(c->owner_unit, sizeof(c->owner_unit), "%s", unit ? unit : "");
		c->has_owner_unit = unit != NULL;
		snprintf(c->due, sizeof(c->due), "%s", sqlite3_column_text(st, 4));
		c->extensions = sqlite3_column_int(st, 5);
		snprintf(c->mediation, sizeof(c->mediation), "%s", med ? med : "");
		snprintf(c->opened, sizeof(c->opened), "%s",
		    sqlite3_column_text(st, 8));
		snprintf(c->revisit_due, sizeof(c->revisit_due), "%s",
		    sqlite3_column_text(st, 7) ? (const char *)sqlite3_column_text(st, 7) :
		    "");
		c->has_mediation = med != NULL;
		last_step(st, c);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The issue the record names, as stored, into u.  0, 1 when there is
 * none (reported), -1 with err set.
 */
static int
find_issue(struct import *im, const struct record *rec, struct store *s,
    struct update *u, struct error *err)
{
	long n;
	int found;

	if (u->v[UPDATE_ID] == NULL) {
		import_problem(im, rec, UPDATE_ID, _("missing; which issue?"));
		return 1;
	}
	if (number_parse(u->v[UPDATE_ID], 1, 2147483647L, &n) != 0) {
		import_problem(im, rec, UPDATE_ID, _("not an issue number: \"%s\""),
		    u->v[UPDATE_ID]);
		return 1;
	}
	u->id = n;
	if ((found = load_issue(s, u->id, &u->cur, err)) < 0)
		return -1;
	if (found == 0) {
		import_problem(im, rec, UPDATE_ID, _("no issue %lld"), u->id);
		return 1;
	}
	return 0;
}

/* The status, outcome and finding as codes into u; 1 when one is unknown (reported). */
static int
check_codes(struct import *im, const struct record *rec, struct update *u)
{
	const char *const *v = u->v;
	int bad = 0;

	if (v[UPDATE_STATUS] != NULL &&
	    (u->status = vocab_code("status", v[UPDATE_STATUS])) == NULL) {
		issue_unknown_value(im, rec, UPDATE_STATUS, "status", NULL,
		    v[UPDATE_STATUS]);
		bad = 1;
	}
	if (v[UPDATE_OUTCOME] != NULL &&
	    (u->outcome = vocab_code("mediation_outcome", v[UPDATE_OUTCOME])) == NULL) {
		issue_unknown_value(im, rec, UPDATE_OUTCOME, "mediation_outcome",
		    NULL, v[UPDATE_OUTCOME]);
		bad = 1;
	}
	if (v[UPDATE_FINDING] != NULL &&
	    (u->finding = vocab_code("revisit_finding", v[UPDATE_FINDING])) == NULL) {
		issue_unknown_value(im, rec, UPDATE_FINDING, "revisit_finding",
		    NULL, v[UPDATE_FINDING]);
		bad = 1;
	}
	if (v[UPDATE_RATING] != NULL &&
	    (u->rating = vocab_code("callback_rating", v[UPDATE_RATING])) == NULL) {
		issue_unknown_value(im, rec, UPDATE_RATING, "callback_rating",
		    NULL, v[UPDATE_RATING]);
		bad = 1;
	}
	return bad;
}

/*
 * A rating answers the feedback: the household has been told (status
 * feedback_given or closed, or feedback given in the same change), and
 * a dissatisfied one reopens the issue, so no other status comes with
 * it.  1 when it is bad (reported).
 */
static int
check_rating(struct import *im, const struct record *rec, const struct update *u)
{
	const char *now = u->status != NULL ? u->status : u->cur.status;

	if (u->rating == NULL)
		return 0;
	if (strcmp(now, "feedback_given") != 0 && strcmp(now, "closed") != 0) {
		import_problem(im, rec, UPDATE_RATING, _("a rating is the household's "
		    "answer to the feedback: the issue is %s, give the feedback first"),
		    vocab_label("status", now));
		return 1;
	}
	if (strcmp(u->rating, "dissatisfied") == 0 && u->status != NULL &&
	    strcmp(u->status, "feedback_given") != 0) {
		import_problem(im, rec, UPDATE_STATUS, "%s", _("a dissatisfied rating "
		    "reopens the issue by itself; give no other status"));
		return 1;
	}
	return 0;
}

/*
 * A new due date (not before the opening, with its reason), the date
 * promised, the days to a revisit, into u.  1 when one is bad (reported).
 */
static int
check_dates(struct import *im, const struct record *rec, struct update *u)
{
	const char *const *v = u->v;
	int bad = 0;

	if (v[UPDATE_DUE_DATE] != NULL) {
		if (issue_check_date(im, rec, UPDATE_DUE_DATE, v[UPDATE_DUE_DATE], u->due))
			bad = 1;
		else if (strcmp(u->due, u->cur.opened) < 0) {
			import_problem(im, rec, UPDATE_DUE_DATE, _("%s is before the "
			    "issue was opened (%s)"), u->due, u->cur.opened);
			bad = 1;
		} else if (v[UPDATE_REASON] == NULL) {
			import_problem(im, rec, UPDATE_DUE_DATE, _("a new deadline needs a "
			    "reason (--reason)"));
			bad = 1;
		}
	}
	if (v[UPDATE_PROMISED_DATE] != NULL && issue_check_date(im, rec,
	    UPDATE_PROMISED_DATE, v[UPDATE_PROMISED_DATE], u->promised))
		bad = 1;
	if (v[UPDATE_REVISIT_IN] != NULL &&
	    number_parse(v[UPDATE_REVISIT_IN], 1, 3650, &u->revisit_in) != 0) {
		import_problem(im, rec, UPDATE_REVISIT_IN, _("not a number of days "
		    "from 1 to 3650"));
		bad = 1;
	}
	return bad;
}

/*
 * A new status: a move the lifecycle allows, with what it needs (a
 * resolution, a reason, a promise, the feedback).  The status the
 * issue has already is no change (u->status becomes NULL).  0, 1 when
 * the move is refused (reported), -1 with err set.
 */
/* 1 when the lifecycle (status_move) allows from -> to, 0 when not, -1 with err set. */
static int
move_allowed(struct store *s, const char *from, const char *to,
    struct error *err)
{
	sqlite3_stmt *st;
	int allowed;

	if ((st = store_prepare(s, "SELECT 1 FROM status_move WHERE "
	    "from_status = ? AND to_status = ?", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	allowed = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return allowed;
}

static int
check_status_move(struct import *im, const struct record *rec, struct store *s,
    struct update *u, struct error *err)
{
	const char *const *v = u->v, *status = u->status, *from = u->cur.status;
	char moves[512];
	int allowed;

	if (status == NULL || strcmp(status, from) == 0) {
		u->status = NULL;	/* already so: the same file again changes nothing */
		return 0;
	}
	if ((allowed = move_allowed(s, from, status, err)) < 0)
		return -1;
	if (!allowed)
		import_problem(im, rec, UPDATE_STATUS, _("issue %lld cannot go from "
		    "%s to %s; from %s it may go to: %s"), u->id,
		    vocab_word("status", from), vocab_word("status", status),
		    vocab_word("status", from),
		    issue_moves_from(s, from, moves, sizeof(moves)));
	else if (strcmp(status, "resolved") == 0 && v[UPDATE_RESOLUTION] == NULL)
		import_problem(im, rec, UPDATE_RESOLUTION, _("missing; say how the "
		    "issue was resolved"));
	else if (strcmp(status, "reopened") == 0 && v[UPDATE_REASON] == NULL)
		import_problem(im, rec, UPDATE_REASON, _("missing; say why the issue "
		    "is reopened"));
	else if (strcmp(status, "withdrawn") == 0 && v[UPDATE_REASON] == NULL)
		import_problem(im, rec, UPDATE_REASON, _("missing; say why the issue "
		    "is withdrawn (entered by mistake, given twice...)"));
	else if (strcmp(status, "closed_unresolved") == 0 &&
	    (v[UPDATE_REASON] == NULL || v[UPDATE_PROMISED_DATE] == NULL))
		import_problem(im, rec, v[UPDATE_REASON] == NULL ? UPDATE_REASON :
		    UPDATE_PROMISED_DATE, _("closing an issue unresolved needs a "
		    "reason and the date promised instead"));
	else if (strcmp(status, "feedback_given") == 0 && v[UPDATE_FEEDBACK] == NULL)
		import_problem(im, rec, UPDATE_FEEDBACK, _("missing; say how the "
		    "household was told"));
	else
		return 0;
	return 1;
}

/*
 * A resolution only with the status resolved, a promise only with
 * closed_unresolved, a reason only with what needs one.  1 when one is
 * out of place (reported).
 */
static int
check_companions(struct import *im, const struct record *rec,
    const struct update *u)
{
	const char *const *v = u->v, *status = u->status;
	const char *given = v[UPDATE_STATUS] != NULL ?
	    vocab_code("status", v[UPDATE_STATUS]) : NULL;
	int bad = 0;

	if (v[UPDATE_RESOLUTION] != NULL && (v[UPDATE_STATUS] == NULL ||
	    (given != NULL && strcmp(given, "resolved") != 0))) {
		import_problem(im, rec, UPDATE_RESOLUTION, _("only with status resolved"));
		bad = 1;
	}
	if (v[UPDATE_PROMISED_DATE] != NULL && (status == NULL ||
	    strcmp(status, "closed_unresolved") != 0)) {
		import_problem(im, rec, UPDATE_PROMISED_DATE, _("only when the status "
		    "becomes closed_unresolved"));
		bad = 1;
	}
	return bad;
}

/*
 * A mediation outcome and a revisit: a dispute's only; a revisit with
 * its finding and visitor (its date, else today, into u); a relapse
 * only of a dispute resolved, fed back or closed, and with no status of
 * its own.  1 when one is bad (reported).
 */
static int
check_revisit(struct import *im, const struct record *rec, struct update *u)
{
	const char *const *v = u->v, *finding = u->finding, *now = u->cur.status;
	int bad = 0;

	if ((u->outcome != NULL || finding != NULL || v[UPDATE_REVISIT_DATE] != NULL) &&
	    strcmp(u->cur.kind, "dispute") != 0) {
		import_problem(im, rec, u->outcome != NULL ? UPDATE_OUTCOME :
		    UPDATE_FINDING, _("issue %lld is not a dispute"), u->id);
		bad = 1;
	}
	if (finding == NULL && v[UPDATE_REVISIT_DATE] == NULL && v[UPDATE_VISITOR] == NULL)
		return bad;
	if (finding == NULL || v[UPDATE_VISITOR] == NULL) {
		import_problem(im, rec, finding == NULL ? UPDATE_FINDING :
		    UPDATE_VISITOR, _("a revisit needs its finding and visitor"));
		bad = 1;
	}
	if (v[UPDATE_REVISIT_DATE] != NULL && issue_check_date(im, rec,
	    UPDATE_REVISIT_DATE, v[UPDATE_REVISIT_DATE], u->revisit_date))
		bad = 1;
	else if (v[UPDATE_REVISIT_DATE] == NULL)
		snprintf(u->revisit_date, sizeof(u->revisit_date), "%s", u->today);
	if (finding != NULL && strcmp(finding, "relapsed") == 0 && u->status != NULL) {
		import_problem(im, rec, UPDATE_STATUS, _("a relapsed revisit "
		    "reopens the dispute by itself; give no status"));
		bad = 1;
	}
	if (finding != NULL && strcmp(finding, "relapsed") == 0 &&
	    strcmp(now, "resolved") != 0 && strcmp(now, "feedback_given") != 0 &&
	    strcmp(now, "closed") != 0) {
		import_problem(im, rec, UPDATE_FINDING, _("issue %lld is %s; only "
		    "a resolved, fed back or closed dispute can relapse"), u->id, now);
		bad = 1;
	}
	return bad;
}

/* How a message names a date's column or status: field_word(), else vocab_word(). */
static const char *
step_word(const char *name)
{
	const char *word = field_word("issue", name);

	return word != name ? word : vocab_word("status", name);
}

/*
 * Report that the date on, of what (a column or a status), given in
 * field k, is before step's date step_on ("" when there is none).
 * Returns 1 when reported, else 0.
 */
static int
check_before(struct import *im, const struct record *rec, int k,
    const char *what, const char *on, const char *step, const char *step_on)
{
	if (step_on[0] == '\0' || on[0] == '\0' || strcmp(on, step_on) >= 0)
		return 0;
	import_problem(im, rec, k, _("%s %s is before %s %s"), step_word(what),
	    on, step_word(step), step_on);
	return 1;
}

/*
 * No event before the one it follows: a new status not before the
 * latest date of the lifecycle so far (opened, resolved, fed back,
 * closed), a promise not before it nor before its closing, a mediation
 * not before the opening nor an earlier mediation, a revisit not before
 * the opening, the mediation nor an earlier revisit.  1 when one is
 * (reported).
 */
static int
check_sequence(struct import *im, const struct record *rec,
    const struct update *u)
{
	static const char *const dated[][2] = {
		{ "resolved", "resolved_on" }, { "feedback_given", "feedback_on" },
		{ "closed", "closed_on" }, { "closed_unresolved", "closed_on" },
	};
	const struct current *c = &u->cur;
	const char *what = u->status;
	int bad = 0;

	for (size_t i = 0; what != NULL && i < sizeof(dated) / sizeof(dated[0]); i++)
		if (strcmp(u->status, dated[i][0]) == 0)
			what = dated[i][1];
	if (what != NULL)
		bad |= check_before(im, rec, UPDATE_STATUS, what, u->today,
		    c->last_step, c->last_on);
	if (u->v[UPDATE_PROMISED_DATE] != NULL && u->status != NULL)
		bad |= check_before(im, rec, UPDATE_PROMISED_DATE, "promised_date",
		    u->promised, c->last_step, c->last_on) ||
		    check_before(im, rec, UPDATE_PROMISED_DATE, "promised_date",
		    u->promised, "closed_on", u->today);
	if (u->outcome != NULL)
		bad |= check_before(im, rec, UPDATE_OUTCOME, "mediated_on", u->today,
		    "opened_on", c->opened) ||
		    check_before(im, rec, UPDATE_OUTCOME, "mediated_on", u->today,
		    "mediated_on", c->mediated);
	if (u->finding != NULL)
		bad |= check_before(im, rec, UPDATE_REVISIT_DATE, "revisit_date",
		    u->revisit_date, "opened_on", c->opened) ||
		    check_before(im, rec, UPDATE_REVISIT_DATE, "revisit_date",
		    u->revisit_date, "mediated_on", c->mediated) ||
		    check_before(im, rec, UPDATE_REVISIT_DATE, "revisit_date",
		    u->revisit_date, "revisit_date", c->last_revisit);
	return bad;
}

/*
 * A mediation that fails (or is referred to court) after a successful
 * one: a dispute resolved, fed back or closed on the strength of it is
 * reopened, as the lifecycle allows, by itself (the record gives no
 * status); one still open only records it; from a status the lifecycle
 * does not reopen, the contradiction is refused.  0, 1 when refused
 * (reported), -1 with err set.
 */
static int
check_unmediated(struct import *im, const struct record *rec, struct store *s,
    struct update *u, struct error *err)
{
	const char *now = u->cur.status;
	int allowed;

	if (u->outcome == NULL || strcmp(u->outcome, "success") == 0 ||
	    strcmp(u->cur.mediation, "success") != 0 ||
	    strcmp(now, "open") == 0 || strcmp(now, "in_progress") == 0 ||
	    strcmp(now, "reopened") == 0)
		return 0;
	if ((allowed = move_allowed(s, now, "reopened", err)) < 0)
		return -1;
	if (!allowed) {
		import_problem(im, rec, UPDATE_OUTCOME, _("issue %lld is %s after a "
		    "successful mediation, and cannot be reopened; record the "
		    "outcome once the issue moves on"), u->id, now);
		return 1;
	}
	if (u->status != NULL) {
		import_problem(im, rec, UPDATE_STATUS, _("a mediation that fails "
		    "after a successful one reopens the dispute by itself; give no "
		    "status"));
		return 1;
	}
	u->unmediated = 1;
	return 0;
}

/* The moves that need a reason (and take one). */
int
issue_status_needs_reason(const char *status)
{
	return status != NULL && (strcmp(status, "reopened") == 0 ||
	    strcmp(status, "closed_unresolved") == 0 ||
	    strcmp(status, "withdrawn") == 0);
}

/* A reason goes with a new due date or a move that needs one; 1 if not. */
static int
check_reason(struct import *im, const struct record *rec, const struct update *u)
{
	const char *given = u->v[UPDATE_STATUS] != NULL ?
	    vocab_code("status", u->v[UPDATE_STATUS]) : NULL;

	/* (the status given: the same file again, the issue so already) */
	if (u->v[UPDATE_REASON] == NULL || u->v[UPDATE_DUE_DATE] != NULL ||
	    issue_status_needs_reason(given) || u->corrects)
		return 0;
	import_problem(im, rec, UPDATE_REASON, _("a reason goes with a new due "
	    "date, a reopening, a closing unresolved or a withdrawal"));
	return 1;
}

/*
 * A withdrawn issue takes notes only (and its withdrawal again, which
 * changes nothing): 1 when the record asks more (reported).
 */
static int
check_withdrawn(struct import *im, const struct record *rec,
    const struct update *u)
{
	const char *given = u->v[UPDATE_STATUS] != NULL ?
	    vocab_code("status", u->v[UPDATE_STATUS]) : NULL;
	int again = given != NULL && strcmp(given, "withdrawn") == 0;

	if (strcmp(u->cur.status, "withdrawn") != 0)
		return 0;
	for (int k = 0; k < UPDATE_NFIELDS; k++) {
		if (k == UPDATE_ID || k == UPDATE_NOTE || u->v[k] == NULL ||
		    (again && (k == UPDATE_STATUS || k == UPDATE_REASON)))
			continue;
		import_problem(im, rec, k, _("issue %lld was withdrawn: it takes "
		    "notes only"), u->id);
		return 1;
	}
	return 0;
}

/*
 * A misconduct matter moves with misconduct-step (lib/misconduct.h):
 * issue-update gives it notes, an owner, a deadline, corrections of its
 * words and a withdrawal, never a status, a result or a revisit of its
 * own.  1 when the record asks one (reported).
 */
static int
check_misconduct(struct import *im, const struct record *rec,
    const struct update *u)
{
	static const int steps_only[] = { UPDATE_STATUS, UPDATE_RESOLUTION,
	    UPDATE_FEEDBACK, UPDATE_PROMISED_DATE, UPDATE_OUTCOME,
	    UPDATE_REVISIT_IN, UPDATE_REVISIT_DATE, UPDATE_VISITOR,
	    UPDATE_FINDING, UPDATE_RATING, UPDATE_HOUSEHOLD };
	const char *given = u->v[UPDATE_STATUS] != NULL ?
	    vocab_code("status", u->v[UPDATE_STATUS]) : NULL;

	if (strcmp(u->cur.kind, "misconduct") != 0)
		return 0;
	for (size_t i = 0; i < sizeof(steps_only) / sizeof(steps_only[0]); i++) {
		int k = steps_only[i];

		if (u->v[k] == NULL || (k == UPDATE_STATUS && given != NULL &&
		    strcmp(given, "withdrawn") == 0))
			continue;
		import_problem(im, rec, k, _("issue %lld is a misconduct matter: "
		    "misconduct-step records its acceptance, result and revisits"),
		    u->id);
		return 1;
	}
	return 0;
}

/*
 * The monitoring case corrected (u->v[UPDATE_CASE]): "none", or the
 * number of a case of the issue's household (of the household given
 * with it), as issue-add takes it; an issue of no household takes the
 * case's, as a corrected household (into u->v[UPDATE_HOUSEHOLD]).  0, 1
 * when it is bad (reported), -1 with err set.
 */
static int
check_case(struct import *im, const struct record *rec, struct store *s,
    struct update *u, struct error *err)
{
	const char *text = u->v[UPDATE_CASE], *household = u->v[UPDATE_HOUSEHOLD];
	char stored[64] = "";
	sqlite3_stmt *st;
	int rc;

	u->case_given = 1;
	if (strcmp(text, "none") == 0 || strcmp(text, _("none")) == 0)
		return 0;
	if (household == NULL) {
		if ((st = store_prepare(s, "SELECT h.household_id FROM issue i JOIN "
		    "household h ON h.id = i.household_ref WHERE i.id = ?", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, u->id);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			snprintf(stored, sizeof(stored), "%s",
			    (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_error(s, rc, err);
		household = stored[0] != '\0' ? stored : NULL;
	}
	if ((rc = case_for_record(im, rec, UPDATE_CASE, text, household,
	    &u->case_id, u->case_household, sizeof(u->case_household), err)) != 0)
		return rc;
	if (household == NULL)
		u->v[UPDATE_HOUSEHOLD] = u->case_household;
	return 0;
}

/*
 * A household corrected with no word of the case: the case the issue
 * came of, if any, must be the new household's.  0, 1 when not
 * (reported), -1 with err set.
 */
static int
case_kept(struct import *im, const struct record *rec, struct store *s,
    const struct update *u, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT c.id, c.household_id FROM "
	    "issue i JOIN monitor_case c ON c.id = i.monitor_case_id WHERE "
	    "i.id = ?1 AND c.household_id <> ?2", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->id);
	sqlite3_bind_text(st, 2, u->v[UPDATE_HOUSEHOLD], -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		import_problem(im, rec, UPDATE_HOUSEHOLD, _("the issue came of case "
		    "%lld, household %s's; correct its case with it (--case)"),
		    sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The corrections of what the issue was given, checked as issue-add
 * checks them: a vocabulary value known (as its code into u), the
 * monitoring case (check_case()), the household in the store (its
 * place into u), and a reason for them.
 * 0, 1 when one is bad (reported), -1 with err set.
 */
static int
check_corrections(struct import *im, const struct record *rec,
    struct store *s, struct update *u, struct error *err)
{
	const char *const *v = u->v;
	sqlite3_stmt *st;
	int bad = 0, rc;

	for (size_t i = 0; i < ISSUE_NCORRECTIONS; i++) {
		const char *value = v[issue_corrections[i].field];

		if (value == NULL)
			continue;
		u->corrects = 1;
		if (issue_corrections[i].domain != NULL &&
		    (value = vocab_code(issue_corrections[i].domain, value)) == NULL) {
			issue_unknown_value(im, rec, issue_corrections[i].field,
			    issue_corrections[i].domain, NULL,
			    v[issue_corrections[i].field]);
			bad = 1;
		}
		u->corrected[i] = value;
	}
	if (v[UPDATE_CASE] != NULL) {
		u->corrects = 1;
		if ((rc = check_case(im, rec, s, u, err)) < 0)
			return -1;
		bad |= rc;
	}
	if (v[UPDATE_HOUSEHOLD] != NULL) {
		u->corrects = 1;
		if ((st = store_prepare(s, "SELECT id, village_id, group_id FROM "
		    "household WHERE household_id = ?", err)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, v[UPDATE_HOUSEHOLD], -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			u->household_ref = sqlite3_column_int64(st, 0);
			u->village_id = sqlite3_column_int64(st, 1);
			u->group_id = sqlite3_column_int64(st, 2);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_error(s, rc, err);
		if (rc == SQLITE_DONE) {
			import_problem(im, rec, UPDATE_HOUSEHOLD, _("no such household"));
			bad = 1;
		} else if (!u->case_given && (rc = case_kept(im, rec, s, u,
		    err)) != 0) {
			if (rc < 0)
				return -1;
			bad = 1;
		}
	}
	if (u->corrects && v[UPDATE_REASON] == NULL) {
		import_problem(im, rec, UPDATE_REASON, _("missing; a correction "
		    "says why (--reason), for the audit log"));
		bad = 1;
	}
	return bad;
}

/*
 * The update record rec as read into u->v: its issue found and every
 * check made (every problem reported).  0 when it may be applied, 1
 * when not (reported), -1 with err set.
 */
int
issue_update_check(struct import *im, const struct record *rec,
    struct store *s, struct update *u, struct error *err)
{
	int bad, rc;

	if ((rc = find_issue(im, rec, s, u, err)) != 0)
		return rc;
	if (check_withdrawn(im, rec, u) || check_misconduct(im, rec, u))
		return 1;
	if ((rc = check_corrections(im, rec, s, u, err)) < 0)
		return -1;
	bad = rc;
	bad |= check_codes(im, rec, u);
	bad |= check_dates(im, rec, u);
	if ((rc = check_status_move(im, rec, s, u, err)) < 0)
		return -1;
	bad |= rc;
	bad |= check_companions(im, rec, u);
	bad |= check_revisit(im, rec, u);
	bad |= check_reason(im, rec, u);
	bad |= check_rating(im, rec, u);
	if (!bad)
		bad |= check_sequence(im, rec, u);
	if (!bad && (rc = check_unmediated(im, rec, s, u, err)) < 0)
		return -1;
	else if (!bad)
		bad |= rc;
	return bad;
}
