/* report_history.c -- report-gen history (one issue, or one household whole) and changes */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "history.h"
#include "report.h"
#include "report_parts.h"
#include "support.h"
#include "text.h"
#include "vocab.h"

/*
 * One household whose history is gathered; or, when case_id is not 0,
 * one monitoring case: then a kind adds the rows of its records that
 * point to the case, not the household's.
 */
struct household_ref {
	struct store *store;	/* where it is kept */
	long long row;		/* household.id */
	const char *number;	/* household.household_id */
	int labels;
	long long case_id;	/* monitor_case.id, or 0 */
};

/*
 * What a kind of record adds to a household's history: its rows, by
 * history_add() and history_add_audit().  0, or -1 with err set.  A
 * new kind of record (members, assistance measures, monitoring cases)
 * adds one function to household_kinds[] below.
 */
typedef int history_kind_fn(struct store *s, const struct household_ref *hh,
    struct history *h, struct error *err);

/* A text column of st, or NULL. */
static const char *
text(sqlite3_stmt *st, int k)
{
	return (const char *)sqlite3_column_text(st, k);
}

/* Step st to its end, handing each row to add; 0, or -1 with err set. */
static int
each_row(struct store *s, sqlite3_stmt *st,
    int (*add)(sqlite3_stmt *st, const struct household_ref *hh,
    struct history *h, struct error *err),
    const struct household_ref *hh, struct history *h, struct error *err)
{
	int rc = 0, step = SQLITE_DONE;

	if (st == NULL)
		return -1;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = add(st, hh, h, err);
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_error(s, step, err);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The rows sql gives for the household, its number bound to ?1, each
 * handed to add; 0, or -1 with err set.
 */
static int
household_each(struct store *s, const char *sql,
    int (*add)(sqlite3_stmt *st, const struct household_ref *hh,
    struct history *h, struct error *err),
    const struct household_ref *hh, struct history *h, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);

	if (st != NULL)
		sqlite3_bind_text(st, 1, hh->number, -1, SQLITE_STATIC);
	return each_row(s, st, add, hh, h, err);
}

/* The registration row of the household of st: it opens the history. */
static int
registration_row(sqlite3_stmt *st, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	char day[32], what[512];

	snprintf(what, sizeof(what), "%s %s%s%s", text(st, 3) ? text(st, 3) : "",
	    text(st, 4), text(st, 5) ? " " : "", text(st, 5) ? text(st, 5) : "");
	if (history_add(h, history_local_time(text(st, 0), 1, day, sizeof(day)),
	    text(st, 0), "household", hh->number, "registered", NULL, NULL, what,
	    text(st, 1), text(st, 2), err) != 0)
		return -1;
	history_opens(h);
	return 0;
}

/* The household's registration, then its changes in the audit log. */
static int
household_rows(struct store *s, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT o.at, o.who, o.command, "
	    "h.head_name, v.name, g.name FROM household h "
	    "JOIN household_source o ON o.id = h.source_id "
	    "JOIN village v ON v.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id WHERE h.id = ?", err);

	if (st != NULL)
		sqlite3_bind_int64(st, 1, hh->row);
	if (each_row(s, st, registration_row, hh, h, err) != 0)
		return -1;
	return history_add_audit(s, h, "household", "household", hh->number, NULL,
	    NULL, NULL, err);
}

/* The checks of a visit, columns 4.. of visit_rows()'s statement. */
static const struct {
	const char *label;
} visit_checks[] = {
	{ N_("food") }, { N_("school") }, { N_("medical") }, { N_("housing") },
	{ N_("water") }, { N_("income") }, { N_("industry") },
};

/* Add "what: value" (value NULL: what alone) to the findings in b, in the user's words when labels. */
static void
finding(struct buf *b, int labels, const char *what, const char *value)
{
	char one[512];

	if (b->len > 0)
		buf_puts(b, labels ? _("; ") : "; ");
	if (value != NULL)
		snprintf(one, sizeof(one), labels ? _("%s: %s") : "%s: %s", what, value);
	else
		snprintf(one, sizeof(one), "%s", what);
	buf_puts(b, one);
}

/* A visit of st, its findings worded: the checks that say no, risk, monitoring, notes. */
static int
visit_row(sqlite3_stmt *st, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	const size_t nchecks = sizeof(visit_checks) / sizeof(visit_checks[0]);
	const char *risk = text(st, 4 + nchecks), *role = text(st, 2);
	struct buf found = { 0 }, who = { 0 };
	int rc;

	for (size_t k = 0; k < nchecks; k++)
		if (text(st, 4 + (int)k) && strcmp(text(st, 4 + (int)k), "no") == 0)
			finding(&found, hh->labels, _(visit_checks[k].label),
			    hh->labels ? _("no") : "no");
	if (risk != NULL && (strcmp(risk, "medium") == 0 || strcmp(risk, "high") == 0))
		finding(&found, hh->labels, _("risk"), hh->labels ?
		    vocab_label("risk_level", risk) : risk);
	if (sqlite3_column_int(st, 5 + (int)nchecks))
		finding(&found, hh->labels, _("monitoring suggested"), NULL);
	if (text(st, 6 + (int)nchecks))
		finding(&found, hh->labels, text(st, 6 + (int)nchecks), NULL);
	buf_puts(&who, text(st, 1));
	if (role != NULL) {
		buf_puts(&who, " (");
		buf_puts(&who, hh->labels ? vocab_label("visitor_role", role) : role);
		buf_puts(&who, ")");
	}
	/* the round in the field column, what was found as the new value */
	rc = history_add(h, text(st, 0), NULL, "visit", hh->number, "visited",
	    text(st, 3), NULL, found.len ? found.data : NULL, who.data, NULL, err);
	buf_free(&found);
	buf_free(&who);
	return rc;
}

/* The household's visits, with what each found. */
static int
visit_rows(struct store *s, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	return household_each(s, "SELECT visit_date, visitor, "
	    "visitor_role, round, food_clothing, education, medical, housing, "
	    "drinking_water, income_stable, industry_link, risk_level, "
	    "monitor_suggested, notes FROM visit WHERE household_id = ? "
	    "ORDER BY visit_date, visitor", visit_row, hh, h, err);
}

/* The columns issue_row() reads; append the condition. */
#define ISSUE_ROWS_SQL "SELECT i.id, i.title, i.category, i.opened_on, " \
	"i.reporter, m.kind, m.held_on FROM issue i " \
	"LEFT JOIN meeting m ON m.id = i.meeting_id WHERE "

/* An issue of st opened (or suggested at a meeting), then its moves. */
static int
issue_row(sqlite3_stmt *st, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	const char *category = text(st, 2), *meeting = text(st, 5);
	char what[1024], where[128] = "";

	if (meeting != NULL)
		snprintf(where, sizeof(where), "%s %s", hh->labels ?
		    vocab_label("meeting_kind", meeting) : meeting, text(st, 6));
	snprintf(what, sizeof(what), "%s (%s)", text(st, 1), hh->labels ?
	    vocab_label("issue_category", category) : category);
	if (history_add(h, text(st, 3), NULL, "issue", text(st, 0), meeting ?
	    "suggested" : "opened", meeting ? where : NULL, NULL, what,
	    text(st, 4), NULL, err) != 0)
		return -1;
	return 0;
}

/*
 * The household's issues (or the case's), the suggestions of its
 * meetings among them, and their moves.
 */
static int
issue_rows(struct store *s, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, hh->case_id > 0 ?
	    ISSUE_ROWS_SQL "i.monitor_case_id = ? ORDER BY i.id" :
	    ISSUE_ROWS_SQL "i.household_ref = ? ORDER BY i.id", err);
	size_t first = h->n;

	if (st != NULL)
		sqlite3_bind_int64(st, 1, hh->case_id > 0 ? hh->case_id : hh->row);
	if (each_row(s, st, issue_row, hh, h, err) != 0)
		return -1;
	/* their moves: the audit log of each issue opened above */
	for (size_t i = first, end = h->n; i < end; i++) {
		char *id = strdup(h->rows[i].record);
		int rc;

		if (id == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		rc = history_add_audit(s, h, "issue", "issue", id, NULL, NULL, NULL,
		    err);
		free(id);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* One answer of a survey response of st. */
static int
answer_row(sqlite3_stmt *st, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	const char *question = text(st, 3), *answer = text(st, 4);

	(void)hh;
	if (hh->labels) {
		question = vocab_label("survey_question", question);
		answer = answer ? vocab_label("answer", answer) : text(st, 5);
	} else if (answer == NULL)
		answer = text(st, 5);
	return history_add(h, text(st, 1), NULL, "survey", text(st, 0), "answered",
	    question, NULL, answer, text(st, 2), NULL, err);
}

/* The answers the household gave in the saved survey rounds that name it. */
static int
survey_rows(struct store *s, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	return household_each(s, "SELECT r.name, "
	    "coalesce(p.survey_date, r.saved_on), p.respondent, a.question, "
	    "a.answer, a.text FROM survey_response p "
	    "JOIN survey_round r ON r.id = p.round_id "
	    "JOIN survey_answer a ON a.response_id = p.id "
	    "WHERE p.household_id = ? AND (a.answer IS NOT NULL OR a.text IS NOT NULL) "
	    "ORDER BY r.id, p.id, a.position", answer_row, hh, h, err);
}

/* Rows h->rows[first..) known by the person's name, not their ID number. */
static int
known_by_name(struct history *h, size_t first, const char *name,
    struct error *err)
{
	for (size_t i = first; i < h->n; i++) {
		char *copy = strdup(name != NULL ? name : "");

		if (copy == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		free(h->rows[i].record);
		h->rows[i].record = copy;
	}
	return 0;
}

/* A member of st registered: the name and relation; then the changes to them. */
static int
member_row(sqlite3_stmt *st, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	const char *relation = text(st, 1);
	char day[32], what[512];
	size_t first;

	snprintf(what, sizeof(what), "%s%s%s%s", text(st, 0), relation ? " (" : "",
	    relation == NULL ? "" : hh->labels ? vocab_label("relation", relation) :
	    relation, relation ? ")" : "");
	if (history_add(h, history_local_time(text(st, 3), 1, day, sizeof(day)),
	    text(st, 3), "member", text(st, 0), "registered", NULL, NULL, what,
	    text(st, 4), text(st, 5), err) != 0)
		return -1;
	first = h->n;
	if (history_add_audit(hh->store, h, "member", "member", text(st, 2), NULL,
	    NULL, NULL, err) != 0)
		return -1;
	/* known by name here: the audit log knows a person by the ID number */
	return known_by_name(h, first, text(st, 0), err);
}

/* The household's members (member-add): each registered, then changed. */
static int
member_rows(struct store *s, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	return household_each(s, "SELECT m.name, m.relation, "
	    "m.id_number, o.at, o.who, o.command FROM member m "
	    "JOIN member_source o ON o.id = m.source_id "
	    "WHERE m.household_id = ? ORDER BY m.id", member_row, hh, h, err);
}

/* The columns support_row() reads; append the condition. */
#define SUPPORT_ROWS_SQL "SELECT s.kind, s.id_number, s.title, " \
	"s.start_date, m.name, s.owner FROM support s " \
	"LEFT JOIN member m ON m.id_number = s.id_number WHERE "

/* A monitoring case of st opened, from its clue; then its steps and decision. */
static int
case_row(sqlite3_stmt *st, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	char what[256];

	snprintf(what, sizeof(what), "%s (%s)", hh->labels ?
	    vocab_label("case_type", text(st, 1)) : text(st, 1), hh->labels ?
	    vocab_label("case_clue", text(st, 2)) : text(st, 2));
	if (history_add(h, text(st, 3), NULL, "case", text(st, 0), "opened", NULL,
	    NULL, what, text(st, 4), NULL, err) != 0)
		return -1;
	return history_add_audit(hh->store, h, "case", "case", text(st, 0), NULL,
	    NULL, NULL, err);
}

/* The household's monitoring cases (case-open, case-step). */
static int
case_rows(struct store *s, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	return household_each(s, "SELECT id, case_type, clue, clue_on, "
	    "recorder FROM monitor_case WHERE household_id = ? ORDER BY id",
	    case_row, hh, h, err);
}

/*
 * An assistance measure of st (support-log): the post or loan, on its
 * first day, by the cadre who answers for it; then its changes, known
 * by the person's name.
 */
static int
support_row(sqlite3_stmt *st, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	const char *kind = text(st, 0), *title = text(st, 2);
	char what[512], key[SUPPORT_KEY_SIZE];
	size_t first = h->n;

	snprintf(what, sizeof(what), "%s%s%s%s", hh->labels ?
	    vocab_label("support_kind", kind) : kind, title ? " (" : "",
	    title ? title : "", title ? ")" : "");
	support_key(kind, text(st, 1), text(st, 3), title, key, sizeof(key));
	if (history_add(h, text(st, 3), NULL, "support", key, "opened", NULL,
	    NULL, what, text(st, 5), NULL, err) != 0 ||
	    history_add_audit(hh->store, h, "support", "support", key, NULL, NULL,
	    NULL, err) != 0)
		return -1;
	return known_by_name(h, first, text(st, 4), err);
}

/* The assistance measures of the household's people, or of the case. */
static int
support_rows(struct store *s, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, hh->case_id > 0 ?
	    SUPPORT_ROWS_SQL "s.monitor_case_id = ? ORDER BY s.id" :
	    SUPPORT_ROWS_SQL "m.household_id = ? ORDER BY s.id", err);

	if (st != NULL && hh->case_id > 0)
		sqlite3_bind_int64(st, 1, hh->case_id);
	else if (st != NULL)
		sqlite3_bind_text(st, 1, hh->number, -1, SQLITE_STATIC);
	return each_row(s, st, support_row, hh, h, err);
}

/*
 * The case's own trail in the audit log, each row on the day of the
 * step it records or came with: its opening on the day of its clue
 * (and first, whatever its date), a step on the day it was done.
 */
static int
case_trail_rows(struct store *s, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT 'opened', clue_on FROM "
	    "monitor_case WHERE id = ?1 UNION ALL SELECT step, done_on FROM "
	    "monitor_case_step WHERE case_id = ?1", err);
	char id[24], days[8][2][24], day[24] = "";
	size_t first = h->n, ndays = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, hh->case_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && ndays < 8) {
		snprintf(days[ndays][0], sizeof(days[0][0]), "%s", text(st, 0));
		snprintf(days[ndays++][1], sizeof(days[0][1]), "%s", text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_error(s, rc, err);
	snprintf(id, sizeof(id), "%lld", hh->case_id);
	if (history_add_audit(s, h, "case", "case", id, NULL, NULL, NULL,
	    err) != 0)
		return -1;
	for (size_t i = first; i < h->n; i++) {
		struct history_row *r = &h->rows[i];

		for (size_t k = 0; r->field != NULL && k < ndays; k++)
			if (strcmp(r->field, days[k][0]) == 0)
				snprintf(day, sizeof(day), "%s", days[k][1]);
		if (r->field != NULL && strcmp(r->field, "opened") == 0)
			r->opens = 1;
		if (day[0] != '\0' && strcmp(r->date, day) != 0) {
			char *copy = strdup(day);

			if (copy == NULL)
				return error_set(err, EXIT_SOFTWARE, "%s",
				    _("out of memory"));
			free(r->date);
			r->date = copy;
		}
	}
	return 0;
}

/*
 * A step of a rule set that names the household (rule-step): its rules
 * delivered to it, or a violation or reward of them, on the day done;
 * the rule set by its title, what was done in words of the procedure.
 */
static int
rule_row(sqlite3_stmt *st, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	const char *step = text(st, 1), *action = text(st, 3), *body = text(st, 4);
	const char *notes = text(st, 5);
	char what[1024];

	(void)hh;
	snprintf(what, sizeof(what), "%s%s%s%s%s", action ? action : "",
	    action && body ? " " : "", body ? body : "",
	    notes && (action || body) ? ": " : "", notes ? notes : "");
	return history_add(h, text(st, 0), NULL, "rule", text(st, 2),
	    strcmp(step, "deliver") == 0 ? "delivered" : "enforced", NULL, NULL,
	    what[0] != '\0' ? what : NULL, text(st, 6), NULL, err);
}

/* The steps of the village rules that name the household: deliveries, violations, rewards. */
static int
rule_rows(struct store *s, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	return household_each(s, "SELECT d.done_on, d.step, r.title, "
	    "d.action, d.body, d.notes, d.who FROM rule_step d JOIN rule_set r "
	    "ON r.id = d.rule_id WHERE d.household_id = ? AND (d.step = 'deliver' "
	    "OR d.step = 'enforce') ORDER BY d.done_on, d.id",
	    rule_row, hh, h, err);
}

/*
 * A care visit of st to one of the household's people (care-log): on
 * its day, what was done, by the visitor; then its changes, known by
 * the person's name.
 */
static int
care_row(sqlite3_stmt *st, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	const char *role = text(st, 3);
	char key[256];
	struct buf who = { 0 };
	size_t first = h->n;
	int rc;

	buf_puts(&who, text(st, 2));
	if (role != NULL) {
		buf_puts(&who, " (");
		buf_puts(&who, hh->labels ? vocab_label("visitor_role", role) : role);
		buf_puts(&who, ")");
	}
	snprintf(key, sizeof(key), "%s:%s:%s", text(st, 0), text(st, 1),
	    text(st, 2));
	rc = history_add(h, text(st, 1), NULL, "care", key, "visited", NULL,
	    NULL, text(st, 4), who.data, NULL, err) != 0 ||
	    history_add_audit(hh->store, h, "care", "care", key, NULL, NULL, NULL,
	    err) != 0 ? -1 : known_by_name(h, first, text(st, 5), err);
	buf_free(&who);
	return rc;
}

/* The care visits to the household's people. */
static int
care_rows(struct store *s, const struct household_ref *hh, struct history *h,
    struct error *err)
{
	return household_each(s, "SELECT c.id_number, c.visit_date, "
	    "c.visitor, c.visitor_role, c.done, m.name FROM care_visit c "
	    "JOIN member m ON m.id_number = c.id_number "
	    "WHERE m.household_id = ? ORDER BY c.visit_date, c.id",
	    care_row, hh, h, err);
}

/*
 * A contact with one of the household's people as a returnee or village
 * worthy (returnee-log): on its day, the status it left and what was
 * said, by the cadre; then its changes, known by the person's name.
 */
static int
returnee_row(sqlite3_stmt *st, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	const char *status = text(st, 2), *said = text(st, 3);
	char key[256], what[1024];
	size_t first = h->n;

	snprintf(key, sizeof(key), "%s:%s", text(st, 0), text(st, 1));
	snprintf(what, sizeof(what), "%s%s%s", hh->labels ?
	    vocab_label("returnee_status", status) : status, said ?
	    (hh->labels ? _(": ") : ": ") : "", said ? said : "");
	if (history_add(h, text(st, 1), NULL, "returnee", key, "contacted",
	    NULL, NULL, what, text(st, 4), NULL, err) != 0 ||
	    history_add_audit(hh->store, h, "returnee", "returnee", key, NULL,
	    NULL, NULL, err) != 0)
		return -1;
	return known_by_name(h, first, text(st, 5), err);
}

/* The contacts with the household's people as returnees or village worthies. */
static int
returnee_rows(struct store *s, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	return household_each(s, "SELECT r.id_number, r.contacted_on, "
	    "r.status, r.said, r.cadre, m.name FROM returnee_contact r "
	    "JOIN member m ON m.id_number = r.id_number "
	    "WHERE m.household_id = ? ORDER BY r.contacted_on, r.id",
	    returnee_row, hh, h, err);
}

/*
 * A selection of st (honour-add) of the household or one of its people:
 * on the day selected, the honour, its level and year, nominated by
 * whom; then its changes.
 */
static int
honour_row(sqlite3_stmt *st, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	const char *kind = text(st, 1), *title = text(st, 2), *level = text(st, 3);
	const char *person = text(st, 8);
	char what[1024];
	size_t first = h->n;

	snprintf(what, sizeof(what), "%s%s%s%s %s %s", hh->labels ?
	    vocab_label("honour_kind", kind) : kind, *title ? " (" : "", title,
	    *title ? ")" : "", hh->labels ? vocab_label("honour_level", level) :
	    level, text(st, 4));
	if (history_add(h, text(st, 5), NULL, "honour", text(st, 0), "selected",
	    NULL, NULL, what, text(st, 6), NULL, err) != 0 ||
	    history_add_audit(hh->store, h, "honour", "honour", text(st, 0), NULL,
	    NULL, NULL, err) != 0)
		return -1;
	/* a person's selection known by the name, the household's by its number */
	return known_by_name(h, first, person != NULL ? person : hh->number,
	    err);
}

/* The selections of the household or of its people. */
static int
honour_rows(struct store *s, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	/* the key is the audit log's (lib/honour.c) */
	return household_each(s, "SELECT o.kind || ':' || o.title || "
	    "':' || o.level || ':' || o.year || ':' || coalesce(o.id_number, "
	    "o.household_id), o.kind, o.title, o.level, o.year, o.selected_on, "
	    "o.nominated_by, o.id, m.name FROM honour o "
	    "LEFT JOIN member m ON m.id_number = o.id_number "
	    "WHERE o.household_id = ?1 OR m.household_id = ?1 "
	    "ORDER BY o.selected_on, o.id", honour_row, hh, h, err);
}

/*
 * An entry of st for the household on the honour or exposure board
 * (board-step): proposed on its day, for its period; then each step,
 * as the audit log has it.
 */
static int
board_row(sqlite3_stmt *st, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	const char *board = text(st, 1), *headline = text(st, 4);
	char what[1024];

	snprintf(what, sizeof(what), "%s %s %s%s%s", hh->labels ?
	    vocab_label("board", board) : board, text(st, 2), text(st, 3),
	    headline ? " " : "", headline ? headline : "");
	if (history_add(h, text(st, 5), NULL, "board", text(st, 0), "proposed",
	    NULL, NULL, what, NULL, NULL, err) != 0)
		return -1;
	return history_add_audit(hh->store, h, "board", "board", text(st, 0),
	    NULL, NULL, NULL, err);
}

/* The household's entries on the boards. */
static int
board_rows(struct store *s, const struct household_ref *hh,
    struct history *h, struct error *err)
{
	/* the key is the audit log's (lib/board.c) */
	return household_each(s, "SELECT board || ':' || household_id "
	    "|| ':' || period_from, board, period_from, period_to, "
	    "coalesce(headline, reason), proposed_on FROM board_entry "
	    "WHERE household_id = ? ORDER BY proposed_on, id",
	    board_row, hh, h, err);
}

/* Every kind of record a household's history shows, each adding its rows. */
static history_kind_fn *const household_kinds[] = {
	household_rows, member_rows, visit_rows, issue_rows, survey_rows,
	case_rows, support_rows, care_rows, returnee_rows, honour_rows,
	board_rows, rule_rows,
};

/* Every kind of record a case's history shows: its own trail, then what points to it. */
static history_kind_fn *const case_kinds[] = {
	case_trail_rows, issue_rows, support_rows,
};

static const struct column history_columns[] = {
	{ "date", N_("date"), COLUMN_TEXT }, { "at", N_("time"), COLUMN_TEXT },
	{ "kind", N_("kind"), COLUMN_TEXT }, { "record", N_("record"), COLUMN_TEXT },
	{ "event", N_("event"), COLUMN_TEXT }, { "field", N_("field"), COLUMN_TEXT },
	{ "old", N_("old"), COLUMN_TEXT }, { "new", N_("new"), COLUMN_TEXT },
	{ "who", N_("who"), COLUMN_TEXT }, { "why", N_("why"), COLUMN_TEXT },
};
enum { HISTORY_NCOLUMNS = sizeof(history_columns) / sizeof(history_columns[0]) };

/* Room for one row's words. */
struct row_words {
	char at[32], old[1024], new_value[1024], why[1024], record[256];
	struct buf old_labels, new_labels, record_words;
};

/* A value as it may be shown: personal numbers masked unless reveal. */
static const char *
shown(const char *value, int reveal, char *out, size_t size)
{
	if (value == NULL || reveal)
		return value;
	return text_mask_personal(value, out, size);
}

/*
 * The row r in the history columns into v: ISO times for machines;
 * local times, labels and the user's words for people (labels).
 */
static void
row_values(const struct history_row *r, int labels, int reveal,
    const char **v, struct row_words *t)
{
	const char *domain = NULL, *field = r->field;
	const char *old_value = r->old, *new_value = r->new_value;

	const char *record = r->record;

	if (labels && strcmp(r->event, "changed") == 0) {
		field = history_field_label(r->kind, r->field, &domain);
		if (domain != NULL && old_value != NULL)
			old_value = vocab_labels(domain, old_value, &t->old_labels);
		if (domain != NULL && new_value != NULL)
			new_value = vocab_labels(domain, new_value, &t->new_labels);
		else if (domain == NULL)
			new_value = history_words(r->kind, r->field, new_value,
			    &t->new_labels);
	} else if (labels && (strcmp(r->event, "created") == 0 ||
	    strcmp(r->event, "enforced") == 0))
		new_value = history_words(r->kind, NULL, new_value, &t->new_labels);
	if (labels)
		record = history_words(r->kind, "", record, &t->record_words);
	v[0] = r->date;
	v[1] = r->at == NULL ? NULL : labels ? history_local_time(r->at, 0, t->at,
	    sizeof(t->at)) + 11 : r->at;
	v[2] = labels ? history_label(r->kind) : r->kind;
	v[3] = shown(record, reveal, t->record, sizeof(t->record));
	v[4] = labels ? history_label(r->event) : r->event;
	v[5] = field;
	v[6] = shown(old_value, reveal, t->old, sizeof(t->old));
	v[7] = shown(new_value, reveal, t->new_value, sizeof(t->new_value));
	v[8] = r->who;
	v[9] = shown(r->why, reveal, t->why, sizeof(t->why));
}

/*
 * Write h's rows to fp in the history columns.  Returns the rows
 * written, or -1 with err set (a reader that closed the pipe is not an
 * error).
 */
static long
history_write(const struct history *h, int labels, int reveal,
    enum output_format format, unsigned flags, FILE *fp, struct error *err)
{
	struct row_words t = { .old_labels = { 0 } };
	struct writer *w = writer_open(fp, format, history_columns,
	    HISTORY_NCOLUMNS, flags, err);
	long rows = 0;

	if (w == NULL)
		return -1;
	for (size_t i = 0; i < h->n; i++, rows++) {
		const char *v[HISTORY_NCOLUMNS];

		row_values(&h->rows[i], labels, reveal, v, &t);
		if (writer_row(w, v, err) != 0) {
			writer_close(w, NULL);
			buf_free(&t.old_labels);
			buf_free(&t.new_labels);
			buf_free(&t.record_words);
			return err->status == EXIT_OK ? rows : -1;
		}
	}
	buf_free(&t.old_labels);
	buf_free(&t.new_labels);
	buf_free(&t.record_words);
	return writer_close(w, err) == 0 ? rows : -1;
}

/*
 * Row v of an issue's trail for people: the field's heading, its old
 * and new values as labels; a revisit ("date visitor finding") with its
 * finding's label, in b.
 */
static void
history_labels(const char **v, struct buf *b)
{
	const char *domain;
	const char *field = history_field_label("issue", v[3], &domain);

	if (domain != NULL) {
		v[4] = v[4] != NULL ? vocab_label(domain, v[4]) : NULL;
		v[5] = v[5] != NULL ? vocab_label(domain, v[5]) : NULL;
	} else
		v[5] = history_words("issue", v[3], v[5], b);
	v[3] = field;
}

static const struct column issue_history_columns[] = {
	{ "at", N_("when"), COLUMN_TEXT }, { "who", N_("who"), COLUMN_TEXT },
	{ "command", N_("command"), COLUMN_TEXT }, { "field", N_("field"), COLUMN_TEXT },
	{ "old", N_("old"), COLUMN_TEXT }, { "new", N_("new"), COLUMN_TEXT },
};

long
report_history(struct store *s, const char *id, int labels,
    enum output_format format, unsigned flags, FILE *fp, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT at, who, command, field, old, "
	    "new FROM audit WHERE entity = 'issue' AND entity_id = ? ORDER BY seq",
	    err);
	struct writer *w;
	struct buf words = { 0 };
	long rows = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		return error_set(err, EXIT_DATAERR, _("no issue %s in the audit log"), id);
	}
	sqlite3_reset(st);
	if ((w = writer_open(fp, format, issue_history_columns, 6, flags, err)) == NULL) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[6];
		char local[32];

		for (int k = 0; k < 6; k++)
			v[k] = (const char *)sqlite3_column_text(st, k);
		if (labels) {	/* for people, local time, headings and labels */
			v[0] = history_local_time(v[0], 0, local, sizeof(local));
			if (v[3] != NULL)
				history_labels(v, &words);
		}
		if (writer_row(w, v, err) != 0)
			break;
		rows++;
	}
	sqlite3_finalize(st);
	buf_free(&words);
	if (rc == SQLITE_ROW) {
		writer_close(w, NULL);
		return err->status == EXIT_OK ? rows : -1;
	}
	if (rc != SQLITE_DONE) {
		writer_close(w, NULL);
		return store_error(s, rc, err);
	}
	if (rows == 0) {
		writer_close(w, NULL);
		return error_set(err, EXIT_DATAERR, _("no issue %s in the audit log"), id);
	}
	return writer_close(w, err) == 0 ? rows : -1;
}

/* The household numbered number: its row id, 0 for none, -1 with err set. */
static long long
household_row(struct store *s, const char *number, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM household "
	    "WHERE household_id = ?", err);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	return store_step_id(s, st, err);	/* (finalizes st) */
}

/*
 * The history hh's kinds[0..n) gather, sorted, written to fp; reveal is
 * audited as what.  Returns the rows written, or -1 with err set.
 */
static long
history_of(struct store *s, const struct household_ref *hh,
    history_kind_fn *const *kinds, size_t n, const char *what, int reveal,
    enum output_format format, unsigned flags, FILE *fp, struct error *err)
{
	struct history h = { .labels = hh->labels };
	long rows = -1;

	for (size_t k = 0; k < n; k++)
		if (kinds[k](s, hh, &h, err) != 0)
			goto out;
	history_sort(&h);
	if (reveal && report_audit_reveal(s, "audit", "old,new", what, err) != 0)
		goto out;
	rows = history_write(&h, hh->labels, reveal, format, flags, fp, err);
out:
	history_free(&h);
	return rows;
}

long
report_household_history(struct store *s, const char *number, int labels,
    int reveal, enum output_format format, unsigned flags, FILE *fp,
    struct error *err)
{
	struct household_ref hh = { .store = s, .number = number,
	    .labels = labels };
	char what[256];

	if ((hh.row = household_row(s, number, err)) <= 0)
		return hh.row < 0 ? -1 : 0;
	snprintf(what, sizeof(what), "report-gen history %s", number);
	return history_of(s, &hh, household_kinds, sizeof(household_kinds) /
	    sizeof(household_kinds[0]), what, reveal, format, flags, fp, err);
}

long
report_case_history(struct store *s, long long id, int labels, int reveal,
    enum output_format format, unsigned flags, FILE *fp, struct error *err)
{
	struct household_ref hh = { .store = s, .labels = labels, .case_id = id };
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM monitor_case "
	    "WHERE id = ?", err);
	long long found;
	char what[256];

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((found = store_step_id(s, st, err)) <= 0)	/* (finalizes st) */
		return found < 0 ? -1 : error_set(err, EXIT_DATAERR,
		    _("no case %ld"), (long)id);
	snprintf(what, sizeof(what), "report-gen history --case %lld", id);
	return history_of(s, &hh, case_kinds, sizeof(case_kinds) /
	    sizeof(case_kinds[0]), what, reveal, format, flags, fp, err);
}

long
report_changes(struct store *s, const struct report_filter *f, const char *who,
    int labels, enum output_format format, unsigned flags, FILE *fp,
    struct error *err)
{
	struct history h = { .labels = labels };
	const char *since = f->since ? f->since : f->today;
	const char *until = f->until ? f->until : f->since ? NULL : f->today;
	long rows = -1;

	if (history_add_audit(s, &h, NULL, NULL, NULL, since, until, who, err) != 0)
		goto out;
	history_group(&h);
	if (f->reveal) {
		char what[256];

		snprintf(what, sizeof(what), "report-gen changes since=%s until=%s",
		    since, until ? until : "*");
		if (report_audit_reveal(s, "audit", "old,new", what, err) != 0)
			goto out;
	}
	rows = history_write(&h, labels, f->reveal, format, flags, fp, err);
out:
	history_free(&h);
	return rows;
}
