/* deadline.c -- what is overdue or falls due soon, and whose it is */
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "coverage.h"
#include "calendar.h"
#include "county.h"
#include "deadline.h"
#include "issue.h"
#include "monitor_case.h"
#include "report.h"
#include "returnee.h"
#include "text.h"
#include "vocab.h"

/*
 * Each kind: its code (a value of the vocabulary deadline_kind, which
 * gives its labels), and what its id and title columns hold (msgids).
 */
static const struct {
	unsigned kind;
	const char *code;
	const char *id, *title;
} kind_codes[] = {
	{ DEADLINE_ISSUE_OVERDUE, "issue_overdue", N_("id"), N_("title") },
	{ DEADLINE_FEEDBACK_OVERDUE, "feedback_overdue", N_("id"), N_("title") },
	{ DEADLINE_REVISIT_DUE, "revisit_due", N_("id"), N_("title") },
	{ DEADLINE_PROMISE_OVERDUE, "promise_overdue", N_("id"), N_("title") },
	{ DEADLINE_VISIT_MISSING, "visit_missing", N_("milestone"), N_("head") },
	{ DEADLINE_MEETING_MISSING, "meeting_missing", N_("milestone"),
	  N_("milestone title") },
	{ DEADLINE_CASE_OVERDUE, "monitoring_case_overdue", N_("case"),
	  N_("what is due") },
	{ DEADLINE_CASE_UNFOLLOWED, "monitoring_unfollowed", N_("visit"),
	  N_("what is due") },
	{ DEADLINE_LOAN_UNSENT, "loan_unsent", N_("loan"), N_("what is due") },
	{ DEADLINE_LOAN_UNANSWERED, "loan_unanswered", N_("loan"),
	  N_("what is due") },
	{ DEADLINE_RETURNEE_UNCONTACTED, "returnee_uncontacted", N_("returnee"),
	  N_("what is due") },
	{ DEADLINE_CARE_MISSING, "care_missing", N_("milestone"), N_("person") },
};

/* The index of kind in kind_codes, or its length when it is none. */
static size_t
kind_index(unsigned kind)
{
	size_t i;

	for (i = 0; i < sizeof(kind_codes) / sizeof(kind_codes[0]); i++)
		if (kind_codes[i].kind == kind)
			break;
	return i;
}

void
deadline_kind_columns(unsigned kind, int summary,
    struct column out[DEADLINE_NCOLUMNS])
{
	size_t i = kind_index(kind);

	memcpy(out, summary ? deadline_summary_columns : deadline_columns,
	    DEADLINE_NCOLUMNS * sizeof(*out));
	if (i < sizeof(kind_codes) / sizeof(kind_codes[0])) {
		out[1].label = kind_codes[i].id;
		out[2].label = kind_codes[i].title;
	}
	/* a village's row of a milestone, not a household's */
	if (summary && (kind == DEADLINE_VISIT_MISSING ||
	    kind == DEADLINE_CARE_MISSING))
		out[2].label = N_("milestone title");
}

const char *
deadline_kind_label(unsigned kind)
{
	size_t i = kind_index(kind);

	return i < sizeof(kind_codes) / sizeof(kind_codes[0]) ?
	    vocab_label("deadline_kind", kind_codes[i].code) : "";
}

const struct column deadline_columns[DEADLINE_NCOLUMNS] = {
	{ "kind", N_("kind"), COLUMN_TEXT },
	{ "id", N_("id"), COLUMN_TEXT },
	{ "title", N_("title"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "owner", N_("owner"), COLUMN_TEXT },
	{ "due_date", N_("due"), COLUMN_TEXT },
	{ "days_overdue", N_("days overdue"), COLUMN_INTEGER },
	{ "urgency", N_("urgency"), COLUMN_TEXT },
};

/* --summary: the household column holds how many are missing */
const struct column deadline_summary_columns[DEADLINE_NCOLUMNS] = {
	{ "kind", N_("kind"), COLUMN_TEXT },
	{ "id", N_("id"), COLUMN_TEXT },
	{ "title", N_("title"), COLUMN_TEXT },
	{ "missing", N_("missing"), COLUMN_INTEGER },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "owner", N_("owner"), COLUMN_TEXT },
	{ "due_date", N_("due"), COLUMN_TEXT },
	{ "days_overdue", N_("days overdue"), COLUMN_INTEGER },
	{ "urgency", N_("urgency"), COLUMN_TEXT },
};

const char *
deadline_kind_code(enum deadline_kind kind)
{
	for (size_t i = 0; i < sizeof(kind_codes) / sizeof(kind_codes[0]); i++)
		if (kind_codes[i].kind == (unsigned)kind)
			return kind_codes[i].code;
	return "";
}

unsigned
deadline_kind_parse(const char *text)
{
	const char *code = vocab_code("deadline_kind", text);

	for (size_t i = 0; code != NULL &&
	    i < sizeof(kind_codes) / sizeof(kind_codes[0]); i++)
		if (strcmp(kind_codes[i].code, code) == 0)
			return kind_codes[i].kind;
	return 0;
}

static char *
copy(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

int
deadline_list_add(struct deadline_list *list, unsigned kind, const char *id,
    const char *title, const char *household_id, const char *village,
    const char *village_group, const char *owner, const char *due_date,
    long days_overdue, const char *urgency, long count)
{
	struct deadline_item *it;

	if (list->len == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 64;
		struct deadline_item *p = realloc(list->items, cap * sizeof(*p));

		if (p == NULL)
			return -1;
		list->items = p;
		list->cap = cap;
	}
	it = &list->items[list->len++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->id = copy(id);
	it->title = copy(title);
	it->household_id = copy(household_id);
	it->village = copy(village);
	it->village_group = copy(village_group);
	it->owner = copy(owner);
	snprintf(it->due_date, sizeof(it->due_date), "%s", due_date ? due_date : "");
	it->days_overdue = days_overdue;
	it->urgency = copy(urgency);
	it->count = count;
	return 0;
}

void
deadline_list_free(struct deadline_list *list)
{
	for (size_t i = 0; i < list->len; i++) {
		struct deadline_item *it = &list->items[i];

		free(it->id);
		free(it->title);
		free(it->household_id);
		free(it->village);
		free(it->village_group);
		free(it->owner);
		free(it->urgency);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
}

/*
 * One query per kind of issue item.  ?1 the last date that is listed
 * (plus one day: the query says "<"), ?2 owner, ?3 village, ?4 the
 * days added to the date column to get the due date.  The WHERE clauses
 * repeat the partial indexes' conditions so that SQLite reads the index.
 */
static const struct {
	unsigned kind;
	int inclusive;		/* due today is already listed */
	const char *date_column;
	const char *sql;
} issue_queries[] = {
	{ DEADLINE_ISSUE_OVERDUE, 0, "due_date", ISSUE_OVERDUE_SQL("i.", "?1") },
	{ DEADLINE_FEEDBACK_OVERDUE, 0, "resolved_on",
	  "i.status = 'resolved' AND i.resolved_on < date(?1, '-' || ?4 || ' days') "
	  "AND i.kind <> 'misconduct'" },
	{ DEADLINE_REVISIT_DUE, 1, "revisit_due",
	  "i.revisit_due IS NOT NULL AND i.revisit_due < ?1" },
	{ DEADLINE_PROMISE_OVERDUE, 0, "promised_date",
	  "i.status = 'closed_unresolved' AND i.promised_date < ?1" },
};

static int
issue_items(struct store *s, const struct deadline_options *o, size_t q,
    struct deadline_list *list, struct error *err)
{
	char sql[1024], limit[11];
	sqlite3_stmt *st;
	struct calendar *calendar = NULL;
	long today = date_to_days(o->today), plus = 0;
	int rc, working = 0, missing;

	/* items due before limit are listed */
	date_from_days(today + (o->within >= 0 ? o->within + 1 : 0) +
	    (issue_queries[q].inclusive && o->within < 0 ? 1 : 0), limit);
	if (issue_queries[q].kind == DEADLINE_FEEDBACK_OVERDUE) {
		plus = o->feedback_within;
		working = o->feedback_working;
	}
	/* n working days are at least n calendar days: the query keeps all
	 * that may be due, the calendar then says which are */
	if (working && (calendar = calendar_load(s, err)) == NULL)
		return -1;
	snprintf(sql, sizeof(sql), "SELECT i.id, i.title, h.household_id, v.name, "
	    "g.name, i.owner, i.%s, i.urgency FROM issue i "
	    "LEFT JOIN household h ON h.id = i.household_ref "
	    "LEFT JOIN village v ON v.id = i.village_id "
	    "LEFT JOIN village_group g ON g.id = i.group_id "
	    "WHERE %s AND (?2 IS NULL OR i.owner = ?2) AND (?3 IS NULL OR v.name = ?3)",
	    issue_queries[q].date_column, issue_queries[q].sql);
	if ((st = store_prepare(s, sql, err)) == NULL) {
		calendar_free(calendar);
		return -1;
	}
	sqlite3_bind_text(st, 1, limit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->owner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, o->village, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_int64(st, 4, plus);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char due[11];
		const char *date = (const char *)sqlite3_column_text(st, 6);

		if (date == NULL || date_parse(date, due) != 0)
			continue;
		date_from_days(calendar_add(calendar, date_to_days(due), plus,
		    working, &missing), due);
		if (working && strcmp(due, limit) >= 0)
			continue;
		if (deadline_list_add(list, issue_queries[q].kind,
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 4),
		    (const char *)sqlite3_column_text(st, 5), due,
		    today - date_to_days(due),
		    (const char *)sqlite3_column_text(st, 7), 0) != 0) {
			sqlite3_finalize(st);
			calendar_free(calendar);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	calendar_free(calendar);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * Meeting milestones: every village (scope village) or villager group
 * (scope group) must have held a meeting of the kind on or before the
 * due date.  A milestone is listed from the day after its due date, or
 * within days before it.
 */
static int
meeting_items(struct store *s, const struct deadline_options *o,
    struct deadline_list *list, struct error *err)
{
	char limit[11];
	long today = date_to_days(o->today);
	sqlite3_stmt *st;
	int rc;

	date_from_days(today + (o->within >= 0 ? o->within + 1 : 0), limit);
	st = store_prepare(s,
	    "SELECT m.milestone_id, m.title, v.name, g.name, m.due_date, "
	    "count(*) OVER (PARTITION BY m.id, v.id) "
	    "FROM milestone m JOIN village v "
	    "LEFT JOIN village_group g ON m.scope = 'group' AND g.village_id = v.id "
	    "WHERE m.kind = 'meeting_coverage' AND m.due_date < ?1 "
	    "AND (?2 IS NULL OR v.name = ?2) "
	    "AND (m.scope = 'village' OR g.id IS NOT NULL) "
	    "AND NOT EXISTS (SELECT 1 FROM meeting x WHERE x.kind = m.meeting_kind "
	    "AND x.village_id = v.id AND x.held_on <= m.due_date "
	    "AND (m.scope = 'village' OR x.group_id = g.id)) "
	    "ORDER BY m.due_date, m.milestone_id, v.id, g.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, limit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->village, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *due = (const char *)sqlite3_column_text(st, 4);
		const char *group = (const char *)sqlite3_column_text(st, 3);
		int add;

		if (o->owner != NULL)
			continue;	/* a missing meeting has no owner of its own */
		if (o->summary) {
			/* one row per milestone and village: skip the others */
			if (list->len > 0 && list->items[list->len - 1].kind ==
			    DEADLINE_MEETING_MISSING &&
			    strcmp(list->items[list->len - 1].id,
			    (const char *)sqlite3_column_text(st, 0)) == 0 &&
			    strcmp(list->items[list->len - 1].village,
			    (const char *)sqlite3_column_text(st, 2)) == 0)
				continue;
			group = NULL;
		}
		add = deadline_list_add(list, DEADLINE_MEETING_MISSING,
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), NULL,
		    (const char *)sqlite3_column_text(st, 2), group, NULL, due,
		    today - date_to_days(due), NULL,
		    o->summary ? sqlite3_column_int64(st, 5) : 0);
		if (add != 0) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

static int
urgency_rank(const char *u)
{
	static const char *const order[] = { "urgent", "important", "normal", "minor" };

	if (u == NULL)
		return 2;
	for (int i = 0; i < 4; i++)
		if (strcmp(u, order[i]) == 0)
			return i;
	return 4;
}

static int
compare_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);	/* NULL last */
	return strcmp(a, b);
}

static int by_owner, by_kind;

static int
compare_items(const void *pa, const void *pb)
{
	const struct deadline_item *a = pa, *b = pb;
	int c;

	if (by_owner && (c = compare_text(a->owner, b->owner)) != 0)
		return c;
	if (by_kind && a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((c = urgency_rank(a->urgency) - urgency_rank(b->urgency)) != 0)
		return c;
	if (a->days_overdue != b->days_overdue)
		return a->days_overdue > b->days_overdue ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((c = compare_text(a->id, b->id)) != 0) {
		/* numeric ids in number order */
		long x = strtol(a->id, NULL, 10), y = strtol(b->id, NULL, 10);

		if (x != y && x > 0 && y > 0)
			return x < y ? -1 : 1;
		return c;
	}
	if ((c = compare_text(a->village, b->village)) != 0)
		return c;
	if ((c = compare_text(a->village_group, b->village_group)) != 0)
		return c;
	if ((c = compare_text(a->household_id, b->household_id)) != 0)
		return c;
	/* the people of one household missing a care visit */
	return compare_text(a->title, b->title);
}

/*
 * Visit and care milestones: the households, or the people tagged,
 * coverage.c finds missing (the one definition of who is covered).
 */
struct visit_context {
	const struct deadline_options *o;
	struct deadline_list *list;
	char limit[11];
	long today;
	unsigned kind;		/* DEADLINE_VISIT_MISSING or DEADLINE_CARE_MISSING */
	sqlite3_stmt *owner;	/* who answers for household ?1 (lib/assign.h) */
	struct store *s;
};

/*
 * A missed visit's title: the head of the household, or for a care
 * milestone the person, by name and masked ID number.  Into out, or
 * row's head.
 */
static const char *
missing_title(const struct coverage_household *row, char *out, size_t size)
{
	char id[32];

	if (row->person_id == NULL)
		return row->head_name;
	mask_id_number(row->person_id, id, sizeof(id));
	snprintf(out, size, locale_is_chinese() ? "%s（%s）" : "%s (%s)",
	    row->person != NULL ? row->person : "", id);
	return out;
}

static int
visit_household(void *context, const struct coverage_household *row,
    struct error *err)
{
	struct visit_context *vc = context;
	const char *owner;
	char title[512];
	int rc;

	if (strcmp(row->due_date, vc->limit) >= 0 || (vc->o->village != NULL &&
	    strcmp(row->village, vc->o->village) != 0))
		return 0;
	/* the household's cadre owns its missing visit (of the role asked for) */
	sqlite3_bind_text(vc->owner, sqlite3_bind_parameter_index(vc->owner,
	    ":household"), row->household_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(vc->owner, sqlite3_bind_parameter_index(vc->owner,
	    ":role"), row->role, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(vc->owner)) != SQLITE_ROW) {
		sqlite3_reset(vc->owner);
		return store_error(vc->s, rc, err);
	}
	owner = (const char *)sqlite3_column_text(vc->owner, 0);
	rc = 0;
	if ((vc->o->owner == NULL || (owner != NULL &&
	    strcmp(owner, vc->o->owner) == 0)) &&
	    deadline_list_add(vc->list, vc->kind, row->milestone_id,
	    missing_title(row, title, sizeof(title)), row->household_id,
	    row->village, row->village_group, owner, row->due_date,
	    vc->today - date_to_days(row->due_date), NULL, 0) != 0)
		rc = error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	sqlite3_reset(vc->owner);
	return rc;
}

static int
visit_village(void *context, const struct coverage *row, struct error *err)
{
	struct visit_context *vc = context;

	if (row->missing == 0 || strcmp(row->due_date, vc->limit) >= 0 ||
	    (vc->o->village != NULL && strcmp(row->village, vc->o->village) != 0))
		return 0;
	if (deadline_list_add(vc->list, vc->kind, row->milestone_id,
	    row->title, NULL, row->village, NULL, NULL, row->due_date,
	    vc->today - date_to_days(row->due_date), NULL, row->missing) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

/*
 * A visit milestone (kind DEADLINE_VISIT_MISSING) or a care milestone
 * (DEADLINE_CARE_MISSING) is missed from the day after its due date (or
 * listed within days before it): one item per household, or person,
 * not covered, or with summary one per village with the number missing.
 */
static int
deadline_visit_items(struct store *s, const struct deadline_options *o,
    unsigned kind, struct deadline_list *list, struct error *err)
{
	struct visit_context vc = { o, list, "", date_to_days(o->today), kind,
	    NULL, s };
	unsigned coverage = kind == DEADLINE_CARE_MISSING ? COVERAGE_CARE :
	    COVERAGE_VISITS;
	long rows;

	date_from_days(vc.today + (o->within >= 0 ? o->within + 1 : 0), vc.limit);
	if (o->summary)
		/* a village's count has no owner of its own */
		return o->owner != NULL ? 0 :
		    coverage_by_village_of(s, NULL, coverage, o->today,
		    visit_village, &vc, err) < 0 ? -1 : 0;
	if ((vc.owner = store_prepare(s, "SELECT " ASSIGN_OWNER("h")
	    " FROM household h WHERE h.household_id = :household", err)) == NULL)
		return -1;
	sqlite3_bind_text(vc.owner, sqlite3_bind_parameter_index(vc.owner,
	    ":today"), o->today, -1, SQLITE_STATIC);
	rows = coverage_missing_of(s, NULL, coverage, o->today, visit_household,
	    &vc, err);
	sqlite3_finalize(vc.owner);
	return rows < 0 ? -1 : 0;
}

/*
 * Monitoring cases, once the store has one: a case open past the
 * county's decision_days, and the earliest visit of a household that
 * suggested monitoring and has no case after unfollowed_days (漏评).
 * Columns: id, title, household, village, group, owner (the household's
 * cadre on the day, else the case's recorder or the visitor), due date.
 * :limit the last date listed plus one, :village the village or NULL.
 */
#define CASE_PLACE(t) "JOIN household h ON h.household_id = " t ".household_id " \
	"JOIN village v ON v.id = h.village_id " \
	"LEFT JOIN village_group g ON g.id = h.group_id "
/*
 * A query of items of one kind: id, a name, household, village, group,
 * owner, due date, then what title() words, with the name, into the
 * item's title in the user's language.
 */
struct item_query {
	unsigned kind;
	const char *sql;
	void (*title)(sqlite3_stmt *st, char *out, size_t size);
};

/* Column i of st as text, "" for NULL. */
static const char *
column_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

/* A case past its limit: the head, what the case is for, the step it waits for. */
static void
case_overdue_title(sqlite3_stmt *st, char *out, size_t size)
{
	snprintf(out, size, _("%s: %s awaiting %s"), column_text(st, 1),
	    vocab_label("case_type", column_text(st, 7)),
	    vocab_label("case_step", case_next_step(column_text(st, 8))));
}

static void
case_unfollowed_title(sqlite3_stmt *st, char *out, size_t size)
{
	snprintf(out, size, _("%s: a visit suggested monitoring and no case was "
	    "opened"),
	    column_text(st, 1));
}

static void
loan_unsent_title(sqlite3_stmt *st, char *out, size_t size)
{
	snprintf(out, size, _("%s: wishes for a microloan; papers not sent to "
	    "the bank"), column_text(st, 1));
}

static void
loan_unanswered_title(sqlite3_stmt *st, char *out, size_t size)
{
	snprintf(out, size, _("%s: microloan papers sent; the bank has not "
	    "answered"), column_text(st, 1));
}

/* A returnee: the name, talent or village worthy, the day last contacted. */
static void
returnee_title(sqlite3_stmt *st, char *out, size_t size)
{
	snprintf(out, size, _("%s: %s not contacted since %s"),
	    column_text(st, 1), vocab_label("returnee_kind", column_text(st, 7)),
	    column_text(st, 8));
}

static const struct item_query case_queries[] = {
	{ DEADLINE_CASE_OVERDUE, "SELECT c.id, h.head_name, c.household_id, "
	  "v.name, g.name, coalesce(" ASSIGN_OWNER("h") ", c.recorder), "
	  CASE_DUE_SQL("c.") ", c.case_type, c.step FROM monitor_case c "
	  CASE_PLACE("c") "WHERE " CASE_OVERDUE_SQL("c.", ":limit")
	  " AND (:village IS NULL OR v.name = :village)", case_overdue_title },
	{ DEADLINE_CASE_UNFOLLOWED, "SELECT 'visit:' || x.household_id || ':' || "
	  "min(x.visit_date) || ':' || x.visitor, h.head_name, x.household_id, "
	  "v.name, g.name, coalesce(" ASSIGN_OWNER("h") ", x.visitor), "
	  "date(min(x.visit_date), '+' || " COUNTY_SETTING_SQL("unfollowed_days")
	  " || ' days') FROM visit x " CASE_PLACE("x") "WHERE "
	  CASE_UNFOLLOWED_SQL("x.", ":limit") " AND (:village IS NULL OR v.name = :village) "
	  "GROUP BY x.household_id", case_unfollowed_title },
};

/*
 * Loans (lib/support.h) waiting too long on the day: a wish whose papers
 * have not gone to the bank the county's loan_unsent_days after it was
 * recorded, and papers the bank has not answered loan_unanswered_days
 * after they went (county.h).  What a loan was on the day is told by its
 * days: a wish from start_date until sent_on or decided_on, sent from
 * sent_on until decided_on; a loan that has moved on without the day it
 * did (decided before the store kept decided_on) is taken as it is now.
 * The id is the loan's natural key as the audit log names it (loan:ID
 * number:day of the wish; deadline_write() masks the number); the owner
 * is the loan's, else the household's cadre on the day.
 */
#define LOAN_PLACE "JOIN member m ON m.id_number = l.id_number " CASE_PLACE("m")
#define LOAN_UNDECIDED "(l.decided_on IS NULL OR l.decided_on > :today) "
static const struct item_query loan_queries[] = {
	{ DEADLINE_LOAN_UNSENT, "SELECT 'loan:' || l.id_number || ':' || "
	  "l.start_date, m.name, m.household_id, v.name, g.name, "
	  "coalesce(l.owner, " ASSIGN_OWNER("h") "), date(l.start_date, '+' || "
	  COUNTY_SETTING_SQL("loan_unsent_days") " || ' days') AS due FROM support l "
	  LOAN_PLACE "WHERE l.kind = 'loan' AND l.start_date <= :today AND "
	  "(l.sent_on IS NULL OR l.sent_on > :today) AND " LOAN_UNDECIDED
	  "AND (l.status = 'wish' OR l.sent_on > :today OR l.decided_on > :today) "
	  "AND due < :limit AND (:village IS NULL OR v.name = :village)",
	  loan_unsent_title },
	{ DEADLINE_LOAN_UNANSWERED, "SELECT 'loan:' || l.id_number || ':' || "
	  "l.start_date, m.name, m.household_id, v.name, g.name, "
	  "coalesce(l.owner, " ASSIGN_OWNER("h") "), date(l.sent_on, '+' || "
	  COUNTY_SETTING_SQL("loan_unanswered_days") " || ' days') AS due FROM support l "
	  LOAN_PLACE "WHERE l.kind = 'loan' AND l.sent_on <= :today AND "
	  LOAN_UNDECIDED "AND (l.status = 'sent' OR l.decided_on > :today) "
	  "AND due < :limit AND (:village IS NULL OR v.name = :village)",
	  loan_unanswered_title },
};

/*
 * Returnees (lib/returnee.h) whose latest contact on or before the day
 * (RETURNEE_LATEST_SQL) is more than the county's
 * returnee_uncontacted_days old and who are not yet working or in
 * business at home.  The id is "returnee:ID number" (masked by deadline_write()),
 * the household the member's if they are one, the owner their cadre.
 */
static const struct item_query returnee_queries[] = {
	{ DEADLINE_RETURNEE_UNCONTACTED, "SELECT 'returnee:' || r.id_number, "
	  "r.name, m.household_id, v.name, g.name, r.cadre, date(r.contacted_on, "
	  "'+' || " COUNTY_SETTING_SQL("returnee_uncontacted_days") " || ' days') "
	  "AS due, r.kind, r.contacted_on FROM returnee_contact "
	  "r JOIN village v ON v.id = r.village_id LEFT JOIN member m ON "
	  "m.id_number = r.id_number LEFT JOIN household h ON h.household_id = "
	  "m.household_id LEFT JOIN village_group g ON g.id = h.group_id WHERE "
	  RETURNEE_LATEST_SQL("r") " AND r.status <> 'settled' AND "
	  "due < :limit AND (:village IS NULL OR v.name = :village)",
	  returnee_title },
};

/* The items of the kinds asked for that queries[0..n) find. */
static int
query_items(struct store *s, const struct deadline_options *o, unsigned kinds,
    const struct item_query *queries, size_t n, struct deadline_list *list,
    struct error *err)
{
	long today = date_to_days(o->today);
	char limit[11];

	date_from_days(today + (o->within >= 0 ? o->within + 1 : 0), limit);
	for (size_t q = 0; q < n; q++) {
		sqlite3_stmt *st;
		int rc;

		if ((kinds & queries[q].kind) == 0)
			continue;
		if ((st = store_prepare(s, queries[q].sql, err)) == NULL)
			return -1;
		/* by name: ASSIGN_OWNER's :today comes first in the text */
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":limit"),
		    limit, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":village"),
		    o->village, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":today"),
		    o->today, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *owner = (const char *)sqlite3_column_text(st, 5);
			const char *due = (const char *)sqlite3_column_text(st, 6);
			char title[1024];

			if (o->owner != NULL && (owner == NULL ||
			    strcmp(owner, o->owner) != 0))
				continue;
			queries[q].title(st, title, sizeof(title));
			if (deadline_list_add(list, queries[q].kind,
			    (const char *)sqlite3_column_text(st, 0), title,
			    (const char *)sqlite3_column_text(st, 2),
			    (const char *)sqlite3_column_text(st, 3),
			    (const char *)sqlite3_column_text(st, 4), owner, due,
			    today - date_to_days(due), NULL, 0) != 0) {
				sqlite3_finalize(st);
				return error_set(err, EXIT_SOFTWARE, "%s",
				    _("out of memory"));
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	return 0;
}

void
deadline_list_sort(struct deadline_list *list, const struct deadline_options *o)
{
	by_owner = o->by_owner;
	by_kind = o->by_kind;
	if (list->len > 1)
		qsort(list->items, list->len, sizeof(list->items[0]), compare_items);
}

int
deadline_check(struct store *s, const struct deadline_options *o,
    struct deadline_list *list, struct error *err)
{
	unsigned kinds = o->kinds != 0 ? o->kinds : DEADLINE_ALL;

	memset(list, 0, sizeof(*list));
	for (size_t q = 0; q < sizeof(issue_queries) / sizeof(issue_queries[0]); q++)
		if ((kinds & issue_queries[q].kind) &&
		    issue_items(s, o, q, list, err) != 0)
			goto fail;
	if ((kinds & DEADLINE_VISIT_MISSING) && deadline_visit_items(s, o,
	    DEADLINE_VISIT_MISSING, list, err) != 0)
		goto fail;
	if ((kinds & DEADLINE_MEETING_MISSING) && meeting_items(s, o, list, err) != 0)
		goto fail;
	if ((kinds & (DEADLINE_CASE_OVERDUE | DEADLINE_CASE_UNFOLLOWED)) &&
	    !o->summary && monitor_cases_in_use(s) && query_items(s, o, kinds,
	    case_queries, sizeof(case_queries) / sizeof(case_queries[0]), list,
	    err) != 0)
		goto fail;
	if ((kinds & (DEADLINE_LOAN_UNSENT | DEADLINE_LOAN_UNANSWERED)) &&
	    !o->summary && query_items(s, o, kinds, loan_queries,
	    sizeof(loan_queries) / sizeof(loan_queries[0]), list, err) != 0)
		goto fail;
	if ((kinds & DEADLINE_RETURNEE_UNCONTACTED) && !o->summary &&
	    query_items(s, o, kinds, returnee_queries, 1, list, err) != 0)
		goto fail;
	if ((kinds & DEADLINE_CARE_MISSING) && deadline_visit_items(s, o,
	    DEADLINE_CARE_MISSING, list, err) != 0)
		goto fail;
	deadline_list_sort(list, o);
	return 0;
fail:
	deadline_list_free(list);
	return -1;
}

/*
 * The id of it as people read it: a loan's key names its kind in their
 * words (小额信贷:ID number:day of the wish), and so does a visit's
 * (走访:household:day:visitor); a returnee's is the ID number (the kind
 * of item says what it is); any other id as it is.  Into out, or it->id.
 */
static const char *
id_for_people(const struct deadline_item *it, char *out, size_t size)
{
	if ((it->kind & (DEADLINE_LOAN_UNSENT | DEADLINE_LOAN_UNANSWERED)) &&
	    strncmp(it->id, "loan:", 5) == 0) {
		snprintf(out, size, "%s:%s", vocab_label("support_kind", "loan"),
		    it->id + 5);
		return out;
	}
	if (it->kind == DEADLINE_RETURNEE_UNCONTACTED &&
	    strncmp(it->id, "returnee:", 9) == 0)
		return it->id + 9;
	if (it->kind == DEADLINE_CASE_UNFOLLOWED &&
	    strncmp(it->id, "visit:", 6) == 0) {
		snprintf(out, size, "%s:%s", vocab_label("issue_source", "visit"),
		    it->id + 6);
		return out;
	}
	return it->id;
}

int
deadline_write(const struct deadline_item *it, struct writer *w, int labels,
    int summary, struct error *err)
{
	char days[24], count[24], id[512], worded[512];
	const char *v[DEADLINE_NCOLUMNS];

	snprintf(days, sizeof(days), "%ld", it->days_overdue);
	snprintf(count, sizeof(count), "%ld", it->count);
	v[0] = labels ? deadline_kind_label(it->kind) : deadline_kind_code(it->kind);
	/* a loan's id and a returnee's hold an ID number */
	v[1] = it->id != NULL ? text_mask_personal(labels ? id_for_people(it,
	    worded, sizeof(worded)) : it->id, id, sizeof(id)) : NULL;
	v[2] = it->title;
	v[3] = !summary ? it->household_id : it->count > 0 ? count : NULL;
	v[4] = it->village;
	v[5] = it->village_group;
	v[6] = it->owner;
	v[7] = it->due_date;
	v[8] = days;
	v[9] = labels && it->urgency ? vocab_label("urgency", it->urgency) : it->urgency;
	return writer_row(w, v, err);
}

struct report_heading *
deadline_heading(struct store *s, const struct deadline_options *o,
    struct error *err)
{
	struct buf words = { 0 }, codes = { 0 }, labels = { 0 };
	struct report_heading *rh = NULL;
	char days[64];
	int bad = 0;

	for (size_t i = 0; o->kinds != 0 &&
	    i < sizeof(kind_codes) / sizeof(kind_codes[0]); i++)
		if (o->kinds & kind_codes[i].kind)
			bad |= (codes.len > 0 && buf_puts(&codes, ";") != 0) ||
			    buf_puts(&codes, kind_codes[i].code) != 0;
	if (o->within >= 0)
		snprintf(days, sizeof(days), dngettext("renke", "within %ld day",
		    "within %ld days", (unsigned long)o->within), o->within);
	bad |= report_filter_words(&words, N_("owner"), o->owner) != 0 ||
	    report_filter_words(&words, N_("kind"), codes.len == 0 ? NULL :
	    vocab_labels("deadline_kind", codes.data, &labels)) != 0 ||
	    report_filter_words(&words, N_("falling due"),
	    o->within >= 0 ? days : NULL) != 0;
	if (bad)
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	else
		rh = report_heading_listing(s, _("Due and overdue"), o->village,
		    NULL, words.data, o->today, N_("%ld item in all"),
		    N_("%ld items in all"), err);
	buf_free(&words);
	buf_free(&codes);
	buf_free(&labels);
	return rh;
}
