/* report_summary.c -- the summary (总结) of report-gen: per village and overall, read from the stores */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "coverage.h"
#include "household.h"
#include "issue.h"
#include "report.h"
#include "report_parts.h"
#include "text.h"
#include "vocab.h"

/* The index of code among domain's codes (vocab.c order), or (size_t)-1. */
static size_t
code_index(const char *domain, const char *code)
{
	int k = code != NULL ? vocab_ordinal(domain, code, strlen(code)) : -1;

	return k >= 0 ? (size_t)k : (size_t)-1;
}

struct summary_build {
	struct report_summary *sum;
	struct report_village *rows;	/* the current store's villages, then its total */
	size_t nvillages;	/* of the current store */
	long long *village_ids;
	const struct report_filter *filter;
	struct store *s;
	char categories[256];	/* the last household's, */
	unsigned char in_category[REPORT_NCATEGORIES];	/* and what they hold */
	long today;		/* filter->today as a day number, */
	int today_dated;	/* if it is a date */
};

/* One more row at the end of (*rows)[0..*n): it, or NULL when memory runs out. */
static struct report_village *
add_row(struct report_village **rows, size_t *n, const char *township,
    const char *village, size_t nmilestones)
{
	struct report_village *p = realloc(*rows, (*n + 1) * sizeof(*p));

	if (p == NULL)
		return NULL;
	*rows = p;
	p = &p[(*n)++];
	if (report_row_init(p, township, village, nmilestones) != 0)
		return NULL;
	return p;
}

/* The row of village in the current store, or NULL. */
static struct report_village *
row_of(struct summary_build *b, const char *village)
{
	for (size_t i = 0; i < b->nvillages; i++)
		if (strcmp(b->rows[i].village, village) == 0)
			return &b->rows[i];
	return NULL;
}

static int
milestone_index(const struct report_summary *sum, const char *id)
{
	for (size_t i = 0; i < sum->nmilestones; i++)
		if (strcmp(sum->milestones[i].milestone_id, id) == 0)
			return (int)i;
	return -1;
}

static int
coverage_row(void *context, const struct coverage *c, struct error *err)
{
	struct summary_build *b = context;
	struct report_village *v = row_of(b, c->village);
	int m = milestone_index(b->sum, c->milestone_id);

	(void)err;
	if (v == NULL || m < 0)
		return 0;
	v->coverage[m].due += c->due;
	v->coverage[m].visited += c->visited;
	v->coverage[m].late += c->late;
	v->coverage[m].pending += c->pending;
	return 0;
}

void
report_coverage_item(long due, long visited, long late, long pending,
    long *required, long *done, long *late_items, long *pending_items)
{
	enum coverage_item item = coverage_item(due, visited, late, pending);

	if (item == COVERAGE_ITEM_NONE)
		return;
	if (item == COVERAGE_ITEM_PENDING) {
		(*pending_items)++;
		return;
	}
	(*required)++;
	*done += item == COVERAGE_ITEM_DONE;
	*late_items += item == COVERAGE_ITEM_LATE;
}

/* A village's coverage of a care-coverage milestone: one item of action 4. */
static int
care_row(void *context, const struct coverage *c, struct error *err)
{
	struct summary_build *b = context;
	struct report_village *v = row_of(b, c->village);

	(void)err;
	if (v == NULL)
		return 0;
	report_coverage_item(c->due, c->visited, c->late, c->pending,
	    &v->care_required, &v->care_done, &v->care_late, &v->care_pending);
	v->care_due += c->due;
	v->care_visited += c->visited;
	return 0;
}

/* A row of a query over the whole store, counted into its village v. */
typedef int row_fn(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st);

/*
 * Run sql once for the whole store (?2 since, ?3 until, ?4 today), its
 * last column the village id, and hand each row to fn with its village:
 * one pass instead of one per village.
 */
static int
per_store(struct summary_build *b, const char *sql, row_fn *fn,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(b->s, sql, err);
	int rc, last;

	if (st == NULL)
		return -1;
	last = sqlite3_column_count(st) - 1;
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_text(st, 2, b->filter->since, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, b->filter->until, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_text(st, 4, b->filter->today, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i = store_id_index(b->village_ids, b->nvillages,
		    sqlite3_column_int64(st, last));

		if (i < b->nvillages && fn(b, &b->rows[i], st) != 0) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(b->s, rc, err);
}

/* One household: counted in its village by category (codes, ';' joined). */
static int
households_row(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st)
{
	const char *categories = (const char *)sqlite3_column_text(st, 1);

	v->households++;
	v->members += sqlite3_column_int64(st, 0);
	/* a township has a few combinations of categories: split each once */
	if (categories == NULL)
		categories = "";
	if (strcmp(categories, b->categories) != 0) {
		const char *p = categories;

		memset(b->in_category, 0, sizeof(b->in_category));
		while (*p != '\0') {
			size_t n = strcspn(p, ";");
			char code[64];

			if (n > 0 && n < sizeof(code)) {
				size_t k;

				memcpy(code, p, n);
				code[n] = '\0';
				k = code_index("category", code);
				if (k < REPORT_NCATEGORIES)
					b->in_category[k] = 1;
			}
			p += n + (p[n] == ';');
		}
		snprintf(b->categories, sizeof(b->categories), "%s", categories);
		if (strlen(categories) >= sizeof(b->categories))
			b->categories[0] = '\0';	/* too long to remember: split again */
	}
	for (int k = 0; k < REPORT_NCATEGORIES; k++)
		v->category[k] += b->in_category[k];
	return 0;
}

/* The day number of an ISO date; 0 with *ok cleared for anything else. */
static long
day_of(const char *iso, int *ok)
{
	if (iso == NULL || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-') {
		*ok = 0;
		return 0;
	}
	*ok = 1;
	return date_to_days(iso);
}

static int
issues_row(struct summary_build *b, struct report_village *v, sqlite3_stmt *st)
{
	const char *category = (const char *)sqlite3_column_text(st, 0);
	const char *status = (const char *)sqlite3_column_text(st, 1);
	const char *due_date;
	size_t c, k;
	int open, dated, resolved_dated;
	long opened, resolved;

	if (category == NULL || status == NULL)
		return 0;	/* (a damaged store) */
	c = code_index("issue_category", category);
	k = code_index("status", status);
	/* ISSUE_OPEN_SQL and ISSUE_OVERDUE_SQL of the status on the day */
	open = issue_status_open(status);
	due_date = (const char *)sqlite3_column_text(st, 5);
	opened = day_of((const char *)sqlite3_column_text(st, 3), &dated);
	resolved = day_of((const char *)sqlite3_column_text(st, 2), &resolved_dated);
	v->opened++;
	v->repeated += sqlite3_column_int(st, 8);
	if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
		v->resolved++;
		if (dated && resolved_dated && report_days_add(&v->days,
		    resolved - opened, 1) != 0)
			return -1;
	}
	if (sqlite3_column_type(st, 4) != SQLITE_NULL)
		v->fed_back++;
	if (strcmp(status, "closed") == 0)
		v->closed++;
	if (open && due_date != NULL && b->filter->today != NULL &&
	    strcmp(due_date, b->filter->today) < 0)
		v->overdue++;
	v->extensions += sqlite3_column_int64(st, 6);
	if (c < REPORT_NISSUE_CATEGORIES && k < REPORT_NSTATUSES)
		v->by_category_status[c][k]++;
	if (open) {
		long age = dated && b->today_dated ? b->today - opened : 0;

		v->open_by_age[age <= 7 ? 0 : age <= 15 ? 1 : age <= 30 ? 2 :
		    age <= 60 ? 3 : 4]++;
	}
	return 0;
}

/* One monitoring case of the village, counted. */
static int
cases_row(struct summary_build *b, struct report_village *v, sqlite3_stmt *st)
{
	(void)b;
	return report_cases_count(&v->cases, st);
}

/* REPORT_RULES_SQL's row of the village: its households counted first. */
static int
rules_row(struct summary_build *b, struct report_village *v, sqlite3_stmt *st)
{
	(void)b;
	v->rules_in_force = sqlite3_column_int(st, 0) != 0;
	v->rules_households = v->rules_in_force ? v->households : 0;
	v->rules_delivered = v->rules_in_force ? sqlite3_column_int64(st, 1) : 0;
	return 0;
}

/* REPORT_MODELS_SQL's row of the village. */
static int
models_row(struct summary_build *b, struct report_village *v, sqlite3_stmt *st)
{
	(void)b;
	v->honours = sqlite3_column_int64(st, 0);
	v->boards_posted = sqlite3_column_int64(st, 1);
	return 0;
}

/* REPORT_MISCONDUCT_SQL's row of the village. */
static int
misconduct_row(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st)
{
	(void)b;
	v->misconduct += sqlite3_column_int64(st, 0);
	v->misconduct_closed += sqlite3_column_int64(st, 1);
	return 0;
}

/* REPORT_PLACED_SQL's row of the village. */
static int
placed_row(struct summary_build *b, struct report_village *v, sqlite3_stmt *st)
{
	(void)b;
	v->posts_placed += sqlite3_column_int64(st, 0);
	v->jobs_placed += sqlite3_column_int64(st, 1);
	v->land_placed += sqlite3_column_int64(st, 2);
	v->loans_approved += sqlite3_column_int64(st, 3);
	return 0;
}

/* REPORT_SUGGESTIONS_SQL's row of a village and a kind of meeting. */
static int
suggestions_row(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st)
{
	size_t k = code_index("meeting_kind", (const char *)sqlite3_column_text(st, 0));

	(void)b;
	if (k < REPORT_NMEETING_KINDS) {
		v->kind_suggestions[k] += sqlite3_column_int64(st, 1);
		v->kind_answered[k] += sqlite3_column_int64(st, 2);
	}
	return 0;
}

/* A rule-delivery milestone against the village: one item, and whether it was met. */
static int
rule_milestone_row(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st)
{
	(void)b;
	if (sqlite3_column_int(st, 1) == 0 && sqlite3_column_int(st, 2) != 0) {
		v->rules_pending++;	/* not yet due, not met yet */
		return 0;
	}
	v->rules_required++;
	v->rules_done += sqlite3_column_int(st, 0) != 0;
	v->rules_late += sqlite3_column_int(st, 0) == 0 &&
	    sqlite3_column_int(st, 1) != 0;
	return 0;
}

/* The village's suggestions of monitoring left without a case. */
static int
unfollowed_row(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st)
{
	(void)b;
	report_cases_unfollowed(&v->cases, st);
	return 0;
}

/* One issue's part in the ledger's own metrics. */
static int
metrics_row(struct summary_build *b, struct report_village *v, sqlite3_stmt *st)
{
	const char *rating = (const char *)sqlite3_column_text(st, 2);

	(void)b;
	v->due += sqlite3_column_int(st, 0);
	v->on_time += sqlite3_column_int(st, 1);
	if (rating != NULL && strcmp(rating, "unreachable") != 0) {
		v->reached++;
		v->pleased += strcmp(rating, "satisfied") == 0 ||
		    strcmp(rating, "basically_satisfied") == 0;
	}
	v->disputes += sqlite3_column_int(st, 3);
	v->settled += sqlite3_column_int(st, 4);
	return 0;
}

static int
meetings_row(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st)
{
	size_t k = code_index("meeting_kind", (const char *)sqlite3_column_text(st, 4));
	long pending = sqlite3_column_int64(st, 3);
	long required = sqlite3_column_int64(st, 0) - pending;

	(void)b;
	v->meetings_required += required;
	v->meetings_held += sqlite3_column_int64(st, 1);
	if (k < REPORT_NMEETING_KINDS) {
		v->kind_required[k] += required;
		v->kind_held[k] += sqlite3_column_int64(st, 1);
		v->kind_late[k] += sqlite3_column_int64(st, 2);
		v->kind_pending[k] += pending;
	}
	return 0;
}

static int
vote_row(struct summary_build *b, struct report_village *v, sqlite3_stmt *st)
{
	(void)b;
	free(v->vote);
	v->vote = strdup(!sqlite3_column_int(st, 0) ? "not_valid" :
	    sqlite3_column_int(st, 1) ? "adopted" : "not_adopted");
	return v->vote == NULL ? -1 : 0;
}

static int
survey_row(struct summary_build *b, struct report_village *v, sqlite3_stmt *st)
{
	(void)b;
	v->survey_n += sqlite3_column_int64(st, 1);
	v->survey_yes += sqlite3_column_int64(st, 0);
	if (sqlite3_column_int(st, 2)) {
		v->policy_n += sqlite3_column_int64(st, 1);
		v->policy_aware += sqlite3_column_int64(st, 0);
	}
	return 0;
}

/*
 * Milestone id (title, due) into sum, in order of due date, then id,
 * unless sum has it already (whichever store named it first).  0, or -1
 * when memory runs out.
 */
static int
add_milestone(struct report_summary *sum, const char *id, const char *title,
    const char *due)
{
	struct report_milestone *p;
	size_t at = 0;

	if (milestone_index(sum, id) >= 0)
		return 0;
	p = realloc(sum->milestones, (sum->nmilestones + 1) * sizeof(*p));
	if (p == NULL)
		return -1;
	sum->milestones = p;
	while (at < sum->nmilestones && (strcmp(p[at].due_date, due) < 0 ||
	    (strcmp(p[at].due_date, due) == 0 &&
	    strcmp(p[at].milestone_id, id) < 0)))
		at++;
	memmove(p + at + 1, p + at, (sum->nmilestones - at) * sizeof(*p));
	sum->nmilestones++;
	p += at;
	memset(p, 0, sizeof(*p));
	p->milestone_id = strdup(id);
	p->title = strdup(title);
	p->due_date = strdup(due);
	return p->milestone_id == NULL || p->title == NULL || p->due_date == NULL ?
	    -1 : 0;
}

/*
 * A visit-coverage milestone that names visitor roles is one for each
 * role, "id:role" as lib/coverage.c counts it, titled with the role's
 * label; else the milestone itself.  0, or -1 when memory runs out.
 */
static int
add_milestone_roles(struct report_summary *sum, const char *id,
    const char *title, const char *due, const char *roles)
{
	const char *role[16];
	size_t n = coverage_roles(roles, role, 16);

	for (size_t r = 0; r < n; r++) {
		char role_id[256], role_title[512];

		snprintf(role_id, sizeof(role_id), "%s:%s", id, role[r]);
		snprintf(role_title, sizeof(role_title), "%s (%s)", title,
		    vocab_label("visitor_role", role[r]));
		if (add_milestone(sum, role_id, role_title, due) != 0)
			return -1;
	}
	return n > 0 ? 0 : add_milestone(sum, id, title, due);
}

/* The milestones of store s into sum, by due date (merged with those
 * already there: the same id once); and the latest survey round's name.
 * 0, or -1 with err set. */
static int
read_milestones(struct store *s, struct report_summary *sum, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT milestone_id, title, "
	    "due_date, roles FROM milestone WHERE kind = 'visit_coverage' "
	    "ORDER BY due_date, milestone_id", err);
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (add_milestone_roles(sum, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3)) != 0)
			break;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? error_set(err, EXIT_SOFTWARE, "%s",
		    _("out of memory")) : store_error(s, rc, err);
	if (sum->survey_round == NULL) {
		st = store_prepare(s, "SELECT name FROM survey_round ORDER BY "
		    "saved_on DESC, id DESC LIMIT 1", err);
		if (st == NULL)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW &&
		    (sum->survey_round = strdup((const char *)sqlite3_column_text(st,
		    0))) == NULL) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
		sqlite3_finalize(st);
	}
	return 0;
}

/* Free the current store's rows. */
static void
drop_rows(struct summary_build *b)
{
	for (size_t i = 0; i < b->nvillages; i++)
		report_row_free(&b->rows[i]);
	free(b->rows);
	b->rows = NULL;
	b->nvillages = 0;
}

/*
 * The store's villages (as the filter says) as its rows, their ids in
 * b->village_ids.  0, or -1 with err set.
 */
static int
read_villages(struct summary_build *b, const char *township, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	st = store_prepare(b->s, "SELECT id, name FROM village WHERE ?1 IS NULL OR "
	    "name = ?1 ORDER BY id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, b->filter->village, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long *ids = realloc(b->village_ids, (b->nvillages + 1) *
		    sizeof(*ids));

		if (ids != NULL)
			b->village_ids = ids;
		if (ids == NULL || add_row(&b->rows, &b->nvillages, township,
		    (const char *)sqlite3_column_text(st, 1),
		    b->sum->nmilestones) == NULL) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
		b->village_ids[b->nvillages - 1] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(b->s, rc, err);
}

/*
 * A meeting of the milestone m's kind at the place where says (x the
 * meeting), held on or before day: by the due date and today (ON_TIME),
 * or by today (?4) at all.
 */
#define HELD_BY(where, day) "EXISTS (SELECT 1 FROM meeting x WHERE " \
	"x.kind = m.meeting_kind AND " where " AND x.held_on <= " day ")"
#define VILLAGE "x.village_id = v.id"
#define GROUP "x.group_id = g.id"
#define ON_TIME "min(m.due_date, ?4)"

/*
 * Count into the villages' rows: households, issues, meetings, the vote,
 * the latest survey round's recognition, visit coverage.  0, or -1 with
 * err set.
 */
static int
count_villages(struct summary_build *b, struct error *err)
{
	/* counted here rather than by GROUP BY, which sorts every household */
	b->categories[0] = '\0';
	memset(b->in_category, 0, sizeof(b->in_category));
	if (per_store(b, "SELECT coalesce(members, 0), categories, village_id "
	    "FROM household", households_row, err) != 0)
		return -1;
	/*
	 * each issue as it stood on the day (ISSUE_STATUS_ON_SQL), not as
	 * it is now; whether it was open and overdue then is worked out
	 * from that status in issues_row(), so that it is computed once
	 */
	if (per_store(b, "SELECT category, " ISSUE_STATUS_ON_SQL("", "?4") ", "
	    "CASE WHEN resolved_on <= ?4 THEN resolved_on END, opened_on, "
	    "CASE WHEN feedback_on <= ?4 THEN feedback_on END, due_date, "
	    "extensions, NULL, repeat_of IS NOT NULL, village_id FROM issue "
	    "WHERE village_id IS NOT NULL AND " ISSUE_COUNTED_SQL("") " "
	    "AND (?2 IS NULL OR opened_on >= ?2) "
	    "AND opened_on <= " REPORT_UNTIL_SQL, issues_row, err) != 0)
		return -1;
	if (per_store(b, REPORT_METRICS_SQL, metrics_row, err) != 0 ||
	    per_store(b, REPORT_CASES_SQL, cases_row, err) != 0 ||
	    per_store(b, REPORT_UNFOLLOWED_SQL, unfollowed_row, err) != 0 ||
	    per_store(b, REPORT_RULES_SQL, rules_row, err) != 0 ||
	    per_store(b, REPORT_MODELS_SQL, models_row, err) != 0 ||
	    per_store(b, REPORT_MISCONDUCT_SQL, misconduct_row, err) != 0 ||
	    per_store(b, REPORT_SUGGESTIONS_SQL, suggestions_row, err) != 0 ||
	    per_store(b, REPORT_PLACED_SQL, placed_row, err) != 0)
		return -1;
	/*
	 * each village against each meeting milestone: the meetings asked
	 * for, those held by the due date, those held only after it, and of
	 * those asked for by a milestone due after today those not held by
	 * today (pending, not required); a meeting after today (?4) is not
	 * held yet
	 */
	if (per_store(b, "SELECT CASE m.scope WHEN 'village' THEN 1 ELSE "
	    "(SELECT count(*) FROM village_group g WHERE g.village_id = v.id) END, "
	    "CASE m.scope WHEN 'village' THEN " HELD_BY(VILLAGE, ON_TIME) " ELSE "
	    "(SELECT count(*) FROM village_group g WHERE g.village_id = v.id AND "
	    HELD_BY(GROUP, ON_TIME) ") END, "
	    "CASE m.scope WHEN 'village' THEN NOT " HELD_BY(VILLAGE, ON_TIME)
	    " AND " HELD_BY(VILLAGE, "?4") " ELSE (SELECT count(*) FROM "
	    "village_group g WHERE g.village_id = v.id AND NOT "
	    HELD_BY(GROUP, ON_TIME) " AND " HELD_BY(GROUP, "?4") ") END, "
	    "CASE WHEN m.due_date <= ?4 THEN 0 WHEN m.scope = 'village' THEN NOT "
	    HELD_BY(VILLAGE, "?4") " ELSE (SELECT count(*) FROM village_group g "
	    "WHERE g.village_id = v.id AND NOT " HELD_BY(GROUP, "?4") ") END, "
	    "m.meeting_kind, v.id FROM milestone m CROSS JOIN village v "
	    "WHERE m.kind = 'meeting_coverage'", meetings_row, err) != 0)
		return -1;
	/* each village against each rule-delivery milestone */
	if (per_store(b, REPORT_RULE_MILESTONE_SQL, rule_milestone_row, err) != 0)
		return -1;
	/*
	 * a village's latest vote is the last of its votes in this order:
	 * meeting-log's, and rule-step's on its own rule set (fewer than two
	 * thirds present is no valid vote); on one day rule-step's comes last
	 */
	if (per_store(b, "SELECT valid, adopted, village_id FROM ("
	    "SELECT t.valid AS valid, t.adopted AS adopted, m.village_id AS "
	    "village_id, m.held_on AS day, 0 AS source, m.id AS id FROM vote t "
	    "JOIN meeting m ON m.id = t.meeting_id UNION ALL "
	    "SELECT d.result <> 'no_quorum', d.result = 'adopted', r.village_id, "
	    "d.done_on, 1, d.id FROM rule_step d JOIN rule_set r ON "
	    "r.id = d.rule_id WHERE d.step = 'vote' AND r.group_id IS NULL) "
	    "ORDER BY day, source, id", vote_row, err) != 0)
		return -1;
	/* the latest saved survey round of this store, one answer a row;
	 * the policy question's answers also count as action 5's awareness */
	if (per_store(b, "SELECT a.answer = 'satisfied' OR a.answer = "
	    "'basically_satisfied', a.answer = 'satisfied' OR a.answer = "
	    "'basically_satisfied' OR a.answer = 'dissatisfied', "
	    "a.question = 'q_policy', v.id "
	    "FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
	    "JOIN village v ON v.name = r.village WHERE r.round_id = (SELECT id "
	    "FROM survey_round ORDER BY saved_on DESC, id DESC LIMIT 1)",
	    survey_row, err) != 0)
		return -1;
	if (coverage_by_village(b->s, NULL, b->filter->today, coverage_row, b,
	    err) < 0)
		return -1;
	return coverage_by_village_of(b->s, NULL, COVERAGE_CARE,
	    b->filter->today, care_row, b, err) < 0 ? -1 : 0;
}

/*
 * The store's rows (its villages, then their total) counted, handed to
 * fn, added into the county's total.  0, or -1 with err set.
 */
static int
summary_store(struct summary_build *b, const char *township,
    struct report_village *county, report_row_fn *fn, void *context,
    struct error *err)
{
	struct report_village total;
	size_t n;
	int rc = -1;

	if (report_row_init(&total, township, "*", b->sum->nmilestones) != 0) {
		report_row_free(&total);
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	}
	if (read_villages(b, township, err) != 0 || count_villages(b, err) != 0)
		goto out;
	n = b->nvillages;
	for (size_t i = 0; i < n; i++)
		if (report_row_add(&total, &b->rows[i], b->sum->nmilestones) != 0) {
			error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
			goto out;
		}
	for (size_t i = 0; i < n; i++) {
		report_row_finish(&b->rows[i]);
		if (fn(context, b->sum, &b->rows[i], err) != 0)
			goto out;
	}
	report_row_finish(&total);
	if (fn(context, b->sum, &total, err) != 0)
		goto out;
	if (report_row_add(county, &total, b->sum->nmilestones) != 0) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	rc = 0;
out:
	report_row_free(&total);
	drop_rows(b);
	return rc;
}

int
report_summary_start(struct report_source *src,
    const struct report_filter *filter, struct report_summary *out,
    struct error *err)
{
	memset(out, 0, sizeof(*out));
	snprintf(out->today, sizeof(out->today), "%s", filter->today);
	out->since = filter->since;
	out->until = filter->until;
	out->county = src->n > 1;
	for (size_t i = 0; i < src->n; i++) {
		struct store *s = report_source_open(src, i, err);
		struct error why = { 0 };

		if (s == NULL) {
			if (err->status != EXIT_OK)
				goto fail;
			continue;
		}
		if (read_milestones(s, out, &why) != 0) {
			if (src->n == 1 || why.status == EXIT_SOFTWARE) {
				*err = why;
				store_close(s);
				goto fail;
			}
			report_source_skip(src, i, &why);
		}
		store_close(s);
	}
	return 0;
fail:
	report_summary_free(out);
	return -1;
}

/* Whether a failure reading one store of several leaves it out (1) or stops the report (0). */
static int
left_out(struct report_source *src, size_t i, const struct error *why)
{
	if (src->n == 1 || why->status == EXIT_SOFTWARE ||
	    (why->status == EXIT_OK && why->text[0] == '\0') ||
	    why->status == EXIT_IOERR)
		return 0;
	report_source_skip(src, i, why);
	return 1;
}

/* The county's total row, last, when there are several townships; 0 or -1. */
static int
county_total(struct report_summary *sum, struct report_village *county,
    report_row_fn *fn, void *context, struct error *err)
{
	if (!sum->county)
		return 0;
	report_row_finish(county);
	return fn(context, sum, county, err);
}

int
report_summary_rows(struct report_source *src,
    const struct report_filter *filter, struct report_summary *sum,
    report_row_fn *fn, void *context, struct error *err)
{
	struct summary_build b = { 0 };
	struct report_village county;
	int rc = -1;

	if (report_row_init(&county, "*", "*", sum->nmilestones) != 0) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto done;
	}
	b.sum = sum;
	b.filter = filter;
	b.today = day_of(filter->today, &b.today_dated);
	for (size_t i = 0; i < src->n; i++) {
		struct store *s = report_source_open(src, i, err);
		char *township;
		struct error why = { 0 };

		if (s == NULL) {
			if (err->status != EXIT_OK)
				goto done;
			continue;
		}
		if ((township = report_township(s)) == NULL) {
			store_close(s);
			error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
			goto done;
		}
		b.s = s;
		rc = summary_store(&b, township, &county, fn, context, &why);
		free(township);
		store_close(s);
		b.s = NULL;
		if (rc != 0 && !left_out(src, i, &why)) {
			*err = why;
			goto done;
		}
		rc = -1;
	}
	rc = county_total(sum, &county, fn, context, err);
done:
	report_row_free(&county);
	free(b.village_ids);
	return rc;
}
