/* report_summary.c -- the summary (总结) of report-gen: per village and overall, read from the stores */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "audit.h"
#include "coverage.h"
#include "household.h"
#include "issue.h"
#include "report.h"
#include "survey.h"
#include "text.h"
#include "vocab.h"

/* The codes of a vocabulary domain in table order; returns how many. */
static size_t
domain_codes(const char *domain, const char **codes, size_t max)
{
	size_t n = 0;

	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
		if (strcmp(e->domain, domain) == 0 && n < max)
			codes[n++] = e->code;
	return n;
}

static size_t
code_index(const char *domain, const char *code)
{
	const char *codes[16];
	size_t n = domain_codes(domain, codes, 16);

	for (size_t i = 0; code != NULL && i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return (size_t)-1;
}

/* days from opening to resolution, to take a median of */
struct days {
	double *v;
	size_t len, cap;
};

static int
days_add(struct days *d, double x)
{
	if (d->len == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		double *p = realloc(d->v, cap * sizeof(*p));

		if (p == NULL)
			return -1;
		d->v = p;
		d->cap = cap;
	}
	d->v[d->len++] = x;
	return 0;
}

static int
compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
days_median(struct days *d)
{
	if (d->len == 0)
		return -1;
	qsort(d->v, d->len, sizeof(double), compare_double);
	return d->len % 2 ? d->v[d->len / 2] :
	    (d->v[d->len / 2 - 1] + d->v[d->len / 2]) / 2;
}

struct summary_build {
	struct report_summary *sum;
	size_t first;		/* the current store's first village row */
	size_t nvillages;	/* of the current store */
	long long *village_ids;
	struct days *days;	/* one per row */
	const struct report_filter *filter;
	struct store *s;
	char categories[256];	/* the last household's, */
	unsigned char in_category[REPORT_NCATEGORIES];	/* and what they hold */
	long today;		/* filter->today as a day number, */
	int today_dated;	/* if it is a date */
};

static struct report_village *
add_row(struct report_summary *sum, const char *township, const char *village)
{
	struct report_village *p = realloc(sum->villages,
	    (sum->nvillages + 1) * sizeof(*p));

	if (p == NULL)
		return NULL;
	sum->villages = p;
	p = &sum->villages[sum->nvillages++];
	memset(p, 0, sizeof(*p));
	p->township = strdup(township);
	p->village = strdup(village);
	p->median_days = -1;
	p->coverage = calloc(sum->nmilestones + 1, sizeof(struct report_coverage));
	if (p->township == NULL || p->village == NULL || p->coverage == NULL)
		return NULL;
	return p;
}

/* The row of village in the current store, or NULL. */
static struct report_village *
row_of(struct summary_build *b, const char *village)
{
	for (size_t i = 0; i < b->nvillages; i++)
		if (strcmp(b->sum->villages[b->first + i].village, village) == 0)
			return &b->sum->villages[b->first + i];
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
	return 0;
}

/* Run sql with ?1 = village id (and ?2 since, ?3 until, ?4 today); call per row. */
typedef int row_fn(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st);

static int
per_village(struct summary_build *b, const char *sql, row_fn *fn,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(b->s, sql, err);
	int rc = SQLITE_DONE;

	if (st == NULL)
		return -1;
	for (size_t i = 0; i < b->nvillages && rc == SQLITE_DONE; i++) {
		struct report_village *v = &b->sum->villages[b->first + i];

		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, b->village_ids[i]);
		if (sqlite3_bind_parameter_count(st) >= 2)
			sqlite3_bind_text(st, 2, b->filter->since, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(st) >= 3)
			sqlite3_bind_text(st, 3, b->filter->until, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(st) >= 4)
			sqlite3_bind_text(st, 4, b->filter->today, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (fn(b, v, st) != 0) {
				sqlite3_finalize(st);
				return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
			}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(b->s, rc, err);
}

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
		long long id = sqlite3_column_int64(st, last);

		for (size_t i = 0; i < b->nvillages; i++)
			if (b->village_ids[i] == id) {
				if (fn(b, &b->sum->villages[b->first + i], st) != 0) {
					sqlite3_finalize(st);
					return error_set(err, EXIT_SOFTWARE, "%s",
					    _("out of memory"));
				}
				break;
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
	size_t c, k;
	int open, dated, resolved_dated;
	long opened, resolved;

	if (category == NULL || status == NULL)
		return 0;	/* (a damaged store) */
	c = code_index("issue_category", category);
	k = code_index("status", status);
	open = sqlite3_column_int(st, 5) != 0;
	opened = day_of((const char *)sqlite3_column_text(st, 3), &dated);
	resolved = day_of((const char *)sqlite3_column_text(st, 2), &resolved_dated);
	v->opened++;
	v->repeated += sqlite3_column_int(st, 8);
	if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
		v->resolved++;
		if (dated && resolved_dated && days_add(&b->days[v - b->sum->villages],
		    (double)(resolved - opened)) != 0)
			return -1;
	}
	if (sqlite3_column_type(st, 4) != SQLITE_NULL)
		v->fed_back++;
	if (strcmp(status, "closed") == 0)
		v->closed++;
	if (sqlite3_column_int(st, 7))
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

static int
meetings_row(struct summary_build *b, struct report_village *v,
    sqlite3_stmt *st)
{
	(void)b;
	v->meetings_required += sqlite3_column_int64(st, 0);
	v->meetings_held += sqlite3_column_int64(st, 1);
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
	return 0;
}

/* The rate of v's survey answers, with its Wilson interval. */
static void
finish_rate(struct report_village *v)
{
	if (v->survey_n <= 0 || survey_wilson(v->survey_yes, v->survey_n,
	    &v->ci_low, &v->ci_high) != 0) {
		v->survey_n = v->survey_yes = 0;
		v->rate = v->ci_low = v->ci_high = 0;
		return;
	}
	v->rate = (double)v->survey_yes / (double)v->survey_n;
}

/* Add row from into total (every count; the rate as counts). */
static void
add_into(struct report_village *total, const struct report_village *from,
    size_t nmilestones)
{
	total->households += from->households;
	total->members += from->members;
	for (int k = 0; k < REPORT_NCATEGORIES; k++)
		total->category[k] += from->category[k];
	for (size_t m = 0; m < nmilestones; m++) {
		total->coverage[m].due += from->coverage[m].due;
		total->coverage[m].visited += from->coverage[m].visited;
	}
	total->opened += from->opened;
	total->repeated += from->repeated;
	total->resolved += from->resolved;
	total->fed_back += from->fed_back;
	total->closed += from->closed;
	total->overdue += from->overdue;
	total->extensions += from->extensions;
	total->meetings_held += from->meetings_held;
	total->meetings_required += from->meetings_required;
	total->survey_n += from->survey_n;
	total->survey_yes += from->survey_yes;
	for (int c = 0; c < REPORT_NISSUE_CATEGORIES; c++)
		for (int k = 0; k < REPORT_NSTATUSES; k++)
			total->by_category_status[c][k] += from->by_category_status[c][k];
	for (int a = 0; a < REPORT_NAGES; a++)
		total->open_by_age[a] += from->open_by_age[a];
}

/* The milestones of every store, by due date; the same id once. */
static int
read_milestones(struct store **stores, size_t nstores, struct report_summary *sum,
    struct error *err)
{
	for (size_t i = 0; i < nstores; i++) {
		sqlite3_stmt *st = store_prepare(stores[i], "SELECT milestone_id, title, "
		    "due_date FROM milestone WHERE kind = 'visit_coverage' "
		    "ORDER BY due_date, milestone_id", err);
		int rc;

		if (st == NULL)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *id = (const char *)sqlite3_column_text(st, 0);
			struct report_milestone *p;

			if (milestone_index(sum, id) >= 0)
				continue;
			p = realloc(sum->milestones, (sum->nmilestones + 1) * sizeof(*p));
			if (p == NULL)
				break;
			sum->milestones = p;
			p = &sum->milestones[sum->nmilestones++];
			memset(p, 0, sizeof(*p));
			p->milestone_id = strdup(id);
			p->title = strdup((const char *)sqlite3_column_text(st, 1));
			p->due_date = strdup((const char *)sqlite3_column_text(st, 2));
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return rc == SQLITE_ROW ? error_set(err, EXIT_SOFTWARE, "%s",
			    _("out of memory")) : store_error(stores[i], rc, err);
	}
	return 0;
}

/*
 * The store's villages (as the filter says) as new rows of the summary,
 * their ids in b->village_ids, room for their days.  0, or -1 with err
 * set.
 */
static int
read_villages(struct summary_build *b, const char *township, struct error *err)
{
	struct report_summary *sum = b->sum;
	sqlite3_stmt *st;
	struct days *d;
	int rc;

	b->first = sum->nvillages;
	b->nvillages = 0;
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
		if (ids == NULL || add_row(sum, township,
		    (const char *)sqlite3_column_text(st, 1)) == NULL) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
		b->village_ids[b->nvillages++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(b->s, rc, err);
	if ((d = realloc(b->days, (sum->nvillages + 2) * sizeof(*d))) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	b->days = d;
	for (size_t i = b->first; i < sum->nvillages + 2; i++)
		memset(&b->days[i], 0, sizeof(b->days[i]));
	return 0;
}

/*
 * Count into the villages' rows: households, issues, meetings, the vote,
 * the latest survey round's recognition, visit coverage.  0, or -1 with
 * err set.
 */
static int
count_villages(struct summary_build *b, struct error *err)
{
	sqlite3_stmt *st;

	/* counted here rather than by GROUP BY, which sorts every household */
	b->categories[0] = '\0';
	memset(b->in_category, 0, sizeof(b->in_category));
	if (per_store(b, "SELECT coalesce(members, 0), categories, village_id "
	    "FROM household", households_row, err) != 0)
		return -1;
	if (per_store(b, "SELECT category, status, resolved_on, opened_on, "
	    "feedback_on, " ISSUE_OPEN_SQL("") ", extensions, "
	    ISSUE_OVERDUE_SQL("", "?4") ", repeat_of IS NOT NULL, village_id "
	    "FROM issue "
	    "WHERE village_id IS NOT NULL AND " ISSUE_COUNTED_SQL("") " "
	    "AND (?2 IS NULL OR opened_on >= ?2) "
	    "AND (?3 IS NULL OR opened_on <= ?3)", issues_row, err) != 0)
		return -1;
	if (per_village(b, "SELECT CASE m.scope WHEN 'village' THEN 1 ELSE "
	    "(SELECT count(*) FROM village_group g WHERE g.village_id = ?1) END, "
	    "CASE m.scope WHEN 'village' THEN EXISTS (SELECT 1 FROM meeting x "
	    "WHERE x.kind = m.meeting_kind AND x.village_id = ?1 AND "
	    "x.held_on <= m.due_date) ELSE (SELECT count(*) FROM village_group g "
	    "WHERE g.village_id = ?1 AND EXISTS (SELECT 1 FROM meeting x WHERE "
	    "x.kind = m.meeting_kind AND x.group_id = g.id AND "
	    "x.held_on <= m.due_date)) END FROM milestone m "
	    "WHERE m.kind = 'meeting_coverage'", meetings_row, err) != 0)
		return -1;
	if (per_village(b, "SELECT t.valid, t.adopted FROM vote t JOIN meeting m "
	    "ON m.id = t.meeting_id WHERE m.village_id = ?1 ORDER BY m.held_on, "
	    "m.id", vote_row, err) != 0)
		return -1;
	/* the latest saved survey round */
	st = store_prepare(b->s, "SELECT name FROM survey_round ORDER BY saved_on "
	    "DESC, id DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW && b->sum->survey_round == NULL)
		b->sum->survey_round = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (per_village(b, "SELECT count(*) FILTER (WHERE a.answer = 'satisfied' OR "
	    "a.answer = 'basically_satisfied'), count(*) FILTER (WHERE "
	    "a.answer = 'satisfied' OR a.answer = 'basically_satisfied' OR "
	    "a.answer = 'dissatisfied') FROM survey_answer a JOIN survey_response r "
	    "ON r.id = a.response_id JOIN village v ON v.name = r.village "
	    "WHERE v.id = ?1 AND r.round_id = (SELECT id FROM survey_round "
	    "ORDER BY saved_on DESC, id DESC LIMIT 1)", survey_row, err) != 0)
		return -1;
	return coverage_by_village(b->s, NULL, coverage_row, b, err) < 0 ? -1 : 0;
}

/*
 * The township's total row, after its villages: their sums, medians and
 * rates; their days kept for the county's median.  0, or -1 with err set.
 */
static int
township_total(struct summary_build *b, const char *township, struct error *err)
{
	struct report_summary *sum = b->sum;
	size_t ntotal = sum->nvillages;
	struct report_village *total = add_row(sum, township, "*");
	struct days all = { 0 };

	if (total == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	for (size_t i = b->first; i < ntotal; i++) {
		struct report_village *v = &sum->villages[i];

		for (size_t k = 0; k < b->days[i].len; k++)
			days_add(&all, b->days[i].v[k]);
		v->median_days = days_median(&b->days[i]);
		add_into(total, v, sum->nmilestones);
		finish_rate(v);
		free(b->days[i].v);
		memset(&b->days[i], 0, sizeof(b->days[i]));
	}
	total->median_days = days_median(&all);
	/* the county's median needs every township's days: keep them */
	b->days[ntotal] = all;
	finish_rate(total);
	return 0;
}

/* The rows of one store's villages and its total; 0, or -1 with err set. */
static int
summary_store(struct summary_build *b, const char *township, struct error *err)
{
	if (read_villages(b, township, err) != 0 || count_villages(b, err) != 0 ||
	    township_total(b, township, err) != 0)
		return -1;
	return 0;
}

int
report_summary_read(struct store **stores, size_t nstores,
    const struct report_filter *filter, struct report_summary *out,
    struct error *err)
{
	struct summary_build b = { 0 };
	struct days county = { 0 };
	struct buf names = { 0 };
	int rc = -1;

	memset(out, 0, sizeof(*out));
	snprintf(out->today, sizeof(out->today), "%s", filter->today);
	out->county = nstores > 1;
	b.sum = out;
	b.filter = filter;
	b.today = day_of(filter->today, &b.today_dated);
	if (read_milestones(stores, nstores, out, err) != 0)
		goto done;
	for (size_t i = 0; i < nstores; i++) {
		char *township = report_township(stores[i]);

		if (township == NULL) {
			error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
			goto done;
		}
		if (names.len > 0)
			buf_puts(&names, _(", "));
		buf_puts(&names, township);
		b.s = stores[i];
		rc = summary_store(&b, township, err);
		free(township);
		if (rc != 0)
			goto done;
		rc = -1;
		{
			struct days *d = &b.days[out->nvillages - 1];

			for (size_t k = 0; k < d->len; k++)
				days_add(&county, d->v[k]);
			free(d->v);
			memset(d, 0, sizeof(*d));
		}
	}
	if (out->county) {
		struct report_village *total = add_row(out, "*", "*");

		if (total == NULL) {
			error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
			goto done;
		}
		for (size_t i = 0; i + 1 < out->nvillages; i++) {
			struct report_village *v = &out->villages[i];

			if (strcmp(v->village, "*") == 0)
				add_into(total, v, out->nmilestones);
		}
		total->median_days = days_median(&county);
		finish_rate(total);
	}
	out->title_township = names.data != NULL ? names.data : strdup("");
	names.data = NULL;
	rc = 0;
done:
	free(county.v);
	free(b.village_ids);
	free(b.days);
	buf_free(&names);
	if (rc != 0)
		report_summary_free(out);
	return rc;
}

void
report_summary_free(struct report_summary *sum)
{
	for (size_t i = 0; i < sum->nvillages; i++) {
		free(sum->villages[i].township);
		free(sum->villages[i].village);
		free(sum->villages[i].coverage);
		free(sum->villages[i].vote);
	}
	free(sum->villages);
	for (size_t i = 0; i < sum->nmilestones; i++) {
		free(sum->milestones[i].township);
		free(sum->milestones[i].milestone_id);
		free(sum->milestones[i].title);
		free(sum->milestones[i].due_date);
	}
	free(sum->milestones);
	free(sum->title_township);
	free(sum->survey_round);
	memset(sum, 0, sizeof(*sum));
}
