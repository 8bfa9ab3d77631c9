/* report.c -- report-gen's readings of the store: the summary and the ledgers */
#include <math.h>
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

char *
report_township(struct store *s)
{
	char *name = store_meta_get(s, "township"), *base, *dot;
	const char *slash;

	if (name != NULL)
		return name;
	slash = strrchr(s->path, '/');
	base = strdup(slash != NULL ? slash + 1 : s->path);
	if (base != NULL && (dot = strrchr(base, '.')) != NULL && dot != base)
		*dot = '\0';
	return base;
}

/* ---- the summary ---- */

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

static int
summary_store(struct summary_build *b, const char *township, struct error *err)
{
	struct store *s = b->s;
	struct report_summary *sum = b->sum;
	sqlite3_stmt *st;
	int rc;
	struct report_village *total;
	struct days all = { 0 };
	size_t ntotal;

	b->first = sum->nvillages;
	b->nvillages = 0;
	st = store_prepare(s, "SELECT id, name FROM village WHERE ?1 IS NULL OR "
	    "name = ?1 ORDER BY id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, b->filter->village, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long *ids = realloc(b->village_ids, (b->nvillages + 1) *
		    sizeof(*ids));

		if (ids == NULL || add_row(sum, township,
		    (const char *)sqlite3_column_text(st, 1)) == NULL) {
			free(ids == NULL ? NULL : NULL);
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
		b->village_ids = ids;
		b->village_ids[b->nvillages++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	{
		struct days *d = realloc(b->days, (sum->nvillages + 2) * sizeof(*d));

		if (d == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		b->days = d;
		for (size_t i = b->first; i < sum->nvillages + 2; i++)
			memset(&b->days[i], 0, sizeof(b->days[i]));
	}
	/* counted here rather than by GROUP BY, which sorts every household */
	b->categories[0] = '\0';
	memset(b->in_category, 0, sizeof(b->in_category));
	if (per_store(b, "SELECT coalesce(members, 0), categories, village_id "
	    "FROM household", households_row, err) != 0)
		return -1;
	if (per_store(b, "SELECT category, status, resolved_on, opened_on, "
	    "feedback_on, " ISSUE_OPEN_SQL("") ", extensions, "
	    ISSUE_OVERDUE_SQL("", "?4") ", village_id FROM issue "
	    "WHERE village_id IS NOT NULL "
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
	st = store_prepare(s, "SELECT name FROM survey_round ORDER BY saved_on DESC, "
	    "id DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW && sum->survey_round == NULL)
		sum->survey_round = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (per_village(b, "SELECT count(*) FILTER (WHERE a.answer = 'satisfied' OR "
	    "a.answer = 'basically_satisfied'), count(*) FILTER (WHERE "
	    "a.answer = 'satisfied' OR a.answer = 'basically_satisfied' OR "
	    "a.answer = 'dissatisfied') FROM survey_answer a JOIN survey_response r "
	    "ON r.id = a.response_id JOIN village v ON v.name = r.village "
	    "WHERE v.id = ?1 AND r.round_id = (SELECT id FROM survey_round "
	    "ORDER BY saved_on DESC, id DESC LIMIT 1)", survey_row, err) != 0)
		return -1;
	if (coverage_by_village(s, NULL, coverage_row, b, err) < 0)
		return -1;

	/* the township's total row */
	ntotal = sum->nvillages;
	if ((total = add_row(sum, township, "*")) == NULL)
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

/* ---- the summary as rows ---- */

/* fixed columns of the summary, after township and village */
static const struct column summary_fixed[] = {
	{ "households", N_("households"), COLUMN_INTEGER },
	{ "members", N_("members"), COLUMN_INTEGER },
	{ "lifted", N_("lifted"), COLUMN_INTEGER },
	{ "monitored", N_("monitored"), COLUMN_INTEGER },
	{ "minimum_allowance", N_("minimum allowance"), COLUMN_INTEGER },
	{ "serious_illness", N_("serious illness"), COLUMN_INTEGER },
	{ "extreme_poverty", N_("extreme poverty"), COLUMN_INTEGER },
	{ "ordinary", N_("ordinary"), COLUMN_INTEGER },
};

static const struct column summary_tail[] = {
	{ "issues_opened", N_("issues"), COLUMN_INTEGER },
	{ "issues_resolved", N_("resolved"), COLUMN_INTEGER },
	{ "issues_fed_back", N_("fed back"), COLUMN_INTEGER },
	{ "issues_closed", N_("closed"), COLUMN_INTEGER },
	{ "issues_overdue", N_("overdue"), COLUMN_INTEGER },
	{ "median_days_to_resolve", N_("median days"), COLUMN_NUMBER },
	{ "extensions", N_("extensions"), COLUMN_INTEGER },
	{ "meetings_held", N_("meetings held"), COLUMN_INTEGER },
	{ "meetings_required", N_("meetings required"), COLUMN_INTEGER },
	{ "recognition_n", N_("answers"), COLUMN_INTEGER },
	{ "recognition_rate", N_("recognition"), COLUMN_NUMBER },
	{ "recognition_ci_low", N_("low"), COLUMN_NUMBER },
	{ "recognition_ci_high", N_("high"), COLUMN_NUMBER },
	{ "vote", N_("village rules"), COLUMN_TEXT },
};

#define NFIXED (sizeof(summary_fixed) / sizeof(summary_fixed[0]))
#define NTAIL (sizeof(summary_tail) / sizeof(summary_tail[0]))

static const char *
vote_text(const char *vote, int labels)
{
	if (vote == NULL || !labels)
		return vote;
	return strcmp(vote, "adopted") == 0 ? _("adopted") :
	    strcmp(vote, "not_adopted") == 0 ? _("not adopted") : _("not valid");
}

int
report_summary_write(const struct report_summary *sum,
    enum output_format format, unsigned flags, int labels, FILE *fp,
    struct error *err)
{
	size_t ncols = 2 + NFIXED + sum->nmilestones + NTAIL, c;
	struct column *cols = calloc(ncols, sizeof(*cols));
	char **names = calloc(sum->nmilestones + 1, sizeof(char *));
	const char **v = calloc(ncols, sizeof(char *));
	char (*num)[32] = calloc(ncols, sizeof(*num));
	struct writer *w = NULL;
	int rc = -1, skip = sum->county ? 0 : 1;

	if (cols == NULL || names == NULL || v == NULL || num == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	c = 0;
	cols[c++] = (struct column){ "township", N_("township"), COLUMN_TEXT };
	cols[c++] = (struct column){ "village", N_("village"), COLUMN_TEXT };
	for (size_t i = 0; i < NFIXED; i++)
		cols[c++] = summary_fixed[i];
	for (size_t m = 0; m < sum->nmilestones; m++) {
		size_t n = strlen(sum->milestones[m].milestone_id) + 16;

		if ((names[m] = malloc(n)) == NULL) {
			error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
			goto out;
		}
		snprintf(names[m], n, "coverage_%s", sum->milestones[m].milestone_id);
		cols[c++] = (struct column){ names[m], NULL, COLUMN_NUMBER };
	}
	for (size_t i = 0; i < NTAIL; i++)
		cols[c++] = summary_tail[i];
	/* one store: no township column */
	if ((w = writer_open(fp, format, cols + skip, ncols - skip, flags, err)) == NULL)
		goto out;
	for (size_t r = 0; r < sum->nvillages; r++) {
		const struct report_village *row = &sum->villages[r];
		long counts[NFIXED];

		c = 0;
		v[c++] = row->township;
		v[c++] = strcmp(row->village, "*") == 0 && labels ? _("total") :
		    row->village;
		counts[0] = row->households;
		counts[1] = row->members;
		for (int k = 0; k < REPORT_NCATEGORIES; k++)
			counts[2 + k] = row->category[k];
		for (size_t i = 0; i < NFIXED; i++, c++) {
			snprintf(num[c], sizeof(num[c]), "%ld", counts[i]);
			v[c] = num[c];
		}
		for (size_t m = 0; m < sum->nmilestones; m++, c++) {
			const struct report_coverage *cv = &row->coverage[m];

			if (cv->due == 0) {
				v[c] = NULL;
				continue;
			}
			snprintf(num[c], sizeof(num[c]), labels ? "%.1f%%" : "%.1f",
			    100.0 * (double)cv->visited / (double)cv->due);
			v[c] = num[c];
		}
		{
			long tail[] = { row->opened, row->resolved, row->fed_back,
			    row->closed, row->overdue };

			for (size_t i = 0; i < 5; i++, c++) {
				snprintf(num[c], sizeof(num[c]), "%ld", tail[i]);
				v[c] = num[c];
			}
		}
		if (row->median_days >= 0) {
			snprintf(num[c], sizeof(num[c]), "%.1f", row->median_days);
			v[c] = num[c];
		} else
			v[c] = NULL;
		c++;
		{
			long more[] = { row->extensions, row->meetings_held,
			    row->meetings_required, row->survey_n };

			for (size_t i = 0; i < 4; i++, c++) {
				snprintf(num[c], sizeof(num[c]), "%ld", more[i]);
				v[c] = num[c];
			}
		}
		if (row->survey_n > 0) {
			double rates[] = { row->rate, row->ci_low, row->ci_high };

			for (size_t i = 0; i < 3; i++, c++) {
				snprintf(num[c], sizeof(num[c]), labels ? "%.1f%%" : "%.4f",
				    labels ? rates[i] * 100 : rates[i]);
				v[c] = num[c];
			}
		} else
			for (size_t i = 0; i < 3; i++)
				v[c++] = NULL;
		v[c++] = vote_text(row->vote, labels);
		if (writer_row(w, v + skip, err) != 0) {
			writer_close(w, NULL);
			w = NULL;
			goto out;
		}
	}
	rc = writer_close(w, err);
	w = NULL;
out:
	if (names != NULL)
		for (size_t m = 0; m < sum->nmilestones; m++)
			free(names[m]);
	free(names);
	free(cols);
	free(v);
	free(num);
	return rc;
}

/* ---- the ledgers ---- */

struct ledger {
	const char *sql;	/* ?1 village ?2 group ?3 since ?4 until ?5 owner
				 * ?6 status ?7 category ?8 kind */
	const struct column *columns;
	size_t ncolumns;
	const char *const *domains;	/* per column: vocabulary shown as labels */
	int masked_id, masked_phone;	/* columns to mask, or -1 */
};

static const struct column issue_columns[] = {
	{ "id", N_("id"), COLUMN_INTEGER }, { "kind", N_("kind"), COLUMN_TEXT },
	{ "category", N_("category"), COLUMN_TEXT }, { "title", N_("title"), COLUMN_TEXT },
	{ "urgency", N_("urgency"), COLUMN_TEXT }, { "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "source", N_("source"), COLUMN_TEXT }, { "owner", N_("owner"), COLUMN_TEXT },
	{ "opened_on", N_("opened"), COLUMN_TEXT }, { "due_date", N_("due"), COLUMN_TEXT },
	{ "status", N_("status"), COLUMN_TEXT },
	{ "resolved_on", N_("resolved"), COLUMN_TEXT },
	{ "feedback_on", N_("fed back"), COLUMN_TEXT },
	{ "closed_on", N_("closed"), COLUMN_TEXT },
	{ "extensions", N_("extensions"), COLUMN_INTEGER },
};
static const char *const issue_domains[] = { NULL, "issue_kind",
	"issue_category", NULL, "urgency", NULL, NULL, NULL, "issue_source", NULL,
	NULL, NULL, "status", NULL, NULL, NULL, NULL };

static const struct column visit_columns[] = {
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "visit_date", N_("date"), COLUMN_TEXT },
	{ "visitor", N_("visitor"), COLUMN_TEXT }, { "visitor_role", N_("role"), COLUMN_TEXT },
	{ "round", N_("round"), COLUMN_TEXT },
	{ "food_clothing", N_("food"), COLUMN_TEXT }, { "education", N_("school"), COLUMN_TEXT },
	{ "medical", N_("medical"), COLUMN_TEXT }, { "housing", N_("housing"), COLUMN_TEXT },
	{ "drinking_water", N_("water"), COLUMN_TEXT },
	{ "income_stable", N_("income"), COLUMN_TEXT },
	{ "industry_link", N_("industry"), COLUMN_TEXT },
	{ "risk_level", N_("risk"), COLUMN_TEXT },
	{ "monitor_suggested", N_("monitor"), COLUMN_BOOLEAN },
	{ "notes", N_("notes"), COLUMN_TEXT },
};

/* the household ledger's columns are household-list's (household_columns) */
static const char *const household_domains[] = { NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, "monitor_type", "risk_status" };

static const struct column meeting_ledger_columns[] = {
	{ "id", N_("id"), COLUMN_INTEGER }, { "kind", N_("kind"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "date", N_("date"), COLUMN_TEXT }, { "host", N_("host"), COLUMN_TEXT },
	{ "attendees", N_("attendees"), COLUMN_TEXT },
	{ "suggestions", N_("suggestions"), COLUMN_INTEGER },
	{ "vote", N_("village rules"), COLUMN_TEXT },
};
static const char *const meeting_domains[] = { NULL, "meeting_kind", NULL,
	NULL, NULL, NULL, NULL, NULL, NULL };

static const struct ledger ledgers[] = {
	[REPORT_ISSUES] = {
	  "SELECT i.id, i.kind, i.category, i.title, i.urgency, v.name, g.name, "
	  "h.household_id, i.source, i.owner, i.opened_on, i.due_date, i.status, "
	  "i.resolved_on, i.feedback_on, i.closed_on, i.extensions FROM issue i "
	  "LEFT JOIN village v ON v.id = i.village_id "
	  "LEFT JOIN village_group g ON g.id = i.group_id "
	  "LEFT JOIN household h ON h.id = i.household_ref "
	  "WHERE (?1 IS NULL OR v.name = ?1) AND (?2 IS NULL OR g.name = ?2) "
	  "AND (?3 IS NULL OR i.opened_on >= ?3) AND (?4 IS NULL OR i.opened_on <= ?4) "
	  "AND (?5 IS NULL OR i.owner = ?5) AND (?6 IS NULL OR i.status = ?6) "
	  "AND (?7 IS NULL OR i.category = ?7) AND (?8 IS NULL OR i.kind = ?8) "
	  "ORDER BY i.id",
	  issue_columns, sizeof(issue_columns) / sizeof(issue_columns[0]),
	  issue_domains, -1, -1 },
	[REPORT_VISITS] = {
	  "SELECT x.household_id, v.name, g.name, x.visit_date, x.visitor, "
	  "x.visitor_role, x.round, x.food_clothing, x.education, x.medical, "
	  "x.housing, x.drinking_water, x.income_stable, x.industry_link, "
	  "x.risk_level, x.monitor_suggested, x.notes FROM visit x "
	  "JOIN household h ON h.household_id = x.household_id "
	  "JOIN village v ON v.id = h.village_id "
	  "LEFT JOIN village_group g ON g.id = h.group_id "
	  "WHERE (?1 IS NULL OR v.name = ?1) AND (?2 IS NULL OR g.name = ?2) "
	  "AND (?3 IS NULL OR x.visit_date >= ?3) AND (?4 IS NULL OR x.visit_date <= ?4) "
	  "AND (?5 IS NULL OR x.visitor = ?5) AND ?6 IS NULL AND ?7 IS NULL "
	  "AND ?8 IS NULL ORDER BY x.visit_date, x.household_id, x.visitor",
	  visit_columns, sizeof(visit_columns) / sizeof(visit_columns[0]),
	  NULL, -1, -1 },
	[REPORT_HOUSEHOLDS] = {
	  "SELECT h.household_id, h.head_name, h.id_number, h.phone, v.name, "
	  "g.name, h.categories, h.members, h.monitor_type, h.risk_status "
	  "FROM household h JOIN village v ON v.id = h.village_id "
	  "LEFT JOIN village_group g ON g.id = h.group_id "
	  "WHERE (?1 IS NULL OR v.name = ?1) AND (?2 IS NULL OR g.name = ?2) "
	  "AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL AND ?6 IS NULL "
	  "AND (?7 IS NULL OR instr(';' || h.categories || ';', ';' || ?7 || ';')) "
	  "AND ?8 IS NULL ORDER BY v.id, g.id, h.household_id",
	  household_columns, HOUSEHOLD_NFIELDS, household_domains, 2, 3 },
	[REPORT_MEETINGS] = {
	  "SELECT m.id, m.kind, v.name, g.name, m.held_on, m.host, m.attendees, "
	  "(SELECT count(*) FROM issue i WHERE i.meeting_id = m.id), "
	  "CASE WHEN t.id IS NULL THEN NULL WHEN NOT t.valid THEN 'not_valid' "
	  "WHEN t.adopted THEN 'adopted' ELSE 'not_adopted' END "
	  "FROM meeting m JOIN village v ON v.id = m.village_id "
	  "LEFT JOIN village_group g ON g.id = m.group_id "
	  "LEFT JOIN vote t ON t.meeting_id = m.id "
	  "WHERE (?1 IS NULL OR v.name = ?1) AND (?2 IS NULL OR g.name = ?2) "
	  "AND (?3 IS NULL OR m.held_on >= ?3) AND (?4 IS NULL OR m.held_on <= ?4) "
	  "AND (?5 IS NULL OR m.host = ?5) AND ?6 IS NULL AND ?7 IS NULL "
	  "AND (?8 IS NULL OR m.kind = ?8) ORDER BY m.held_on, m.id",
	  meeting_ledger_columns, sizeof(meeting_ledger_columns) /
	  sizeof(meeting_ledger_columns[0]), meeting_domains, -1, -1 },
};

/* The columns of a report with a township column in front (county). */
static struct column *
with_township(const struct column *cols, size_t n, int county)
{
	struct column *all = calloc(n + 1, sizeof(*all));

	if (all == NULL)
		return NULL;
	all[0] = (struct column){ "township", N_("township"), COLUMN_TEXT };
	memcpy(all + 1, cols, n * sizeof(*cols));
	(void)county;
	return all;
}

/* Check-field words for people: yes/no/na as labels. */
static const char *
check_label(const char *code)
{
	if (code == NULL)
		return NULL;
	return strcmp(code, "yes") == 0 ? _("yes") : strcmp(code, "no") == 0 ?
	    _("no") : strcmp(code, "na") == 0 ? _("n/a") : code;
}

long
report_ledger(struct store **stores, const char *const *townships,
    size_t nstores, enum report_ledger which,
    const struct report_filter *f, int labels, int county,
    enum output_format format, unsigned flags, FILE *fp, struct error *err)
{
	const struct ledger *l = &ledgers[which];
	struct column *cols = with_township(l->columns, l->ncolumns, county);
	const char **v = calloc(l->ncolumns + 1, sizeof(char *));
	struct writer *w = NULL;
	long rows = 0;
	int skip = county ? 0 : 1, failed = 0;

	if (cols == NULL || v == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto fail;
	}
	if ((w = writer_open(fp, format, cols + skip, l->ncolumns + 1 - skip, flags,
	    err)) == NULL)
		goto fail;
	for (size_t i = 0; i < nstores && !failed; i++) {
		struct store *s = stores[i];
		sqlite3_stmt *st;
		const char *category = f->category;
		int rc;

		if (which == REPORT_HOUSEHOLDS && category != NULL)
			category = vocab_code("category", category) ? vocab_code("category",
			    category) : category;
		if (f->reveal && which == REPORT_HOUSEHOLDS) {
			char what[256];

			snprintf(what, sizeof(what), "report-gen households village=%s",
			    f->village ? f->village : "*");
			if (store_begin(s, err) != 0 || audit_add(s, "reveal", "household",
			    "id_number,phone", NULL, what, err) != 0 ||
			    store_commit(s, err) != 0) {
				store_rollback(s);
				goto fail;
			}
		}
		if ((st = store_prepare(s, l->sql, err)) == NULL)
			goto fail;
		sqlite3_bind_text(st, 1, f->village, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, f->group, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, f->since, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, f->until, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, f->owner, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, f->status, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, which == REPORT_HOUSEHOLDS ? category :
		    f->category, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, f->kind, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char id[64], phone[64];
			struct buf cats = { 0 };

			v[0] = townships[i];
			for (size_t k = 0; k < l->ncolumns; k++) {
				v[k + 1] = (const char *)sqlite3_column_text(st, (int)k);
				if (labels && l->domains != NULL && l->domains[k] != NULL)
					v[k + 1] = vocab_label(l->domains[k], v[k + 1]);
				if (labels && which == REPORT_VISITS && k >= 7 && k <= 13)
					v[k + 1] = check_label(v[k + 1]);
				if (labels && which == REPORT_VISITS && k == 14 && v[k + 1])
					v[k + 1] = vocab_label("risk_level", v[k + 1]);
				if (labels && which == REPORT_VISITS && k == 5 && v[k + 1])
					v[k + 1] = vocab_label("visitor_role", v[k + 1]);
				if (labels && which == REPORT_MEETINGS && k == 8)
					v[k + 1] = vote_text(v[k + 1], 1);
			}
			if ((int)l->masked_id >= 0 && !f->reveal && v[l->masked_id + 1])
				v[l->masked_id + 1] = mask_id_number(v[l->masked_id + 1], id,
				    sizeof(id));
			if ((int)l->masked_phone >= 0 && !f->reveal &&
			    v[l->masked_phone + 1])
				v[l->masked_phone + 1] = mask_phone(v[l->masked_phone + 1],
				    phone, sizeof(phone));
			if (which == REPORT_HOUSEHOLDS && labels && v[7] != NULL) {
				/* categories as labels, joined as staff write them */
				const char *p = v[7];

				while (*p != '\0') {
					const char *semi = strchr(p, ';');
					size_t n = semi ? (size_t)(semi - p) : strlen(p);
					char code[64];

					snprintf(code, sizeof(code), "%.*s", (int)n, p);
					if (cats.len > 0)
						buf_puts(&cats, locale_is_chinese() ? "、" : ";");
					buf_puts(&cats, vocab_label("category", code));
					p += n + (semi != NULL);
				}
				v[7] = cats.data != NULL ? cats.data : "";
			}
			rc = writer_row(w, v + skip, err);
			buf_free(&cats);
			if (rc != 0) {
				failed = 1;
				break;
			}
			rows++;
		}
		sqlite3_finalize(st);
		if (!failed && rc != SQLITE_DONE) {
			store_error(s, rc, err);
			goto fail;
		}
	}
	if (!failed && county) {
		/* the total row: township "*", the number of rows in the first column */
		char count[32];

		snprintf(count, sizeof(count), "%ld", rows);
		memset(v, 0, (l->ncolumns + 1) * sizeof(char *));
		v[0] = "*";
		v[1] = count;
		if (writer_row(w, v, err) != 0)
			failed = 1;
	}
	if (failed) {
		writer_close(w, NULL);
		w = NULL;
		goto fail;
	}
	if (writer_close(w, err) != 0) {
		w = NULL;
		goto fail;
	}
	free(cols);
	free(v);
	return rows;
fail:
	writer_close(w, NULL);
	free(cols);
	free(v);
	return err->status == EXIT_OK && err->text[0] == '\0' ? rows : -1;
}

static const struct column history_columns[] = {
	{ "at", N_("when"), COLUMN_TEXT }, { "who", N_("who"), COLUMN_TEXT },
	{ "command", N_("command"), COLUMN_TEXT }, { "field", N_("field"), COLUMN_TEXT },
	{ "old", N_("old"), COLUMN_TEXT }, { "new", N_("new"), COLUMN_TEXT },
};

long
report_history(struct store *s, const char *id, enum output_format format,
    unsigned flags, FILE *fp, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT at, who, command, field, old, "
	    "new FROM audit WHERE entity = 'issue' AND entity_id = ? ORDER BY seq",
	    err);
	struct writer *w;
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
	if ((w = writer_open(fp, format, history_columns, 6, flags, err)) == NULL) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[6];

		for (int k = 0; k < 6; k++)
			v[k] = (const char *)sqlite3_column_text(st, k);
		if (writer_row(w, v, err) != 0)
			break;
		rows++;
	}
	sqlite3_finalize(st);
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

static const struct column survey_report_columns[] = {
	{ "round", N_("round"), COLUMN_TEXT },
	{ "saved_on", N_("saved"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "question", N_("question"), COLUMN_TEXT },
	{ "n", N_("n"), COLUMN_INTEGER },
	{ "satisfied", N_("satisfied"), COLUMN_INTEGER },
	{ "basically_satisfied", N_("basically"), COLUMN_INTEGER },
	{ "dissatisfied", N_("dissatisfied"), COLUMN_INTEGER },
	{ "dont_know", N_("don't know"), COLUMN_INTEGER },
	{ "rate", N_("rate"), COLUMN_NUMBER },
	{ "ci_low", N_("low"), COLUMN_NUMBER },
	{ "ci_high", N_("high"), COLUMN_NUMBER },
};

long
report_survey(struct store **stores, const char *const *townships,
    size_t nstores, const struct report_filter *f, int labels, int county,
    enum output_format format, unsigned flags, FILE *fp, struct error *err)
{
	size_t n = sizeof(survey_report_columns) / sizeof(survey_report_columns[0]);
	struct column *cols = with_township(survey_report_columns, n, county);
	struct writer *w;
	long rows = 0, total[5] = { 0 };
	int skip = county ? 0 : 1;

	if (cols == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	if ((w = writer_open(fp, format, cols + skip, n + 1 - skip, flags, err)) == NULL) {
		free(cols);
		return -1;
	}
	for (size_t i = 0; i < nstores; i++) {
		sqlite3_stmt *st = store_prepare(stores[i], "SELECT o.name, o.saved_on, "
		    "coalesce(r.village, '*'), a.question, "
		    "count(*) FILTER (WHERE a.answer = 'satisfied' OR "
		    "a.answer = 'basically_satisfied' OR a.answer = 'dissatisfied'), "
		    "count(*) FILTER (WHERE a.answer = 'satisfied'), "
		    "count(*) FILTER (WHERE a.answer = 'basically_satisfied'), "
		    "count(*) FILTER (WHERE a.answer = 'dissatisfied'), "
		    "count(*) FILTER (WHERE a.answer = 'dont_know') "
		    "FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
		    "JOIN survey_round o ON o.id = r.round_id "
		    "WHERE (?1 IS NULL OR r.village = ?1) "
		    "GROUP BY o.id, r.village, a.question "
		    "ORDER BY r.village, a.question, o.saved_on, o.id", err);
		int rc;

		if (st == NULL)
			goto fail;
		sqlite3_bind_text(st, 1, f->village, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *v[13];
			char num[8][32], rate[3][32];
			long c[5];
			long yes, in_rate;
			double lo, hi;

			v[0] = townships[i];
			for (int k = 0; k < 4; k++)
				v[k + 1] = (const char *)sqlite3_column_text(st, k);
			if (labels && vocab_code("survey_question", v[4]) != NULL)
				v[4] = vocab_label("survey_question", v[4]);
			for (int k = 0; k < 5; k++) {
				c[k] = sqlite3_column_int64(st, 4 + k);
				total[k] += c[k];
				snprintf(num[k], sizeof(num[k]), "%ld", c[k]);
				v[5 + k] = num[k];
			}
			yes = c[1] + c[2];
			in_rate = c[1] + c[2] + c[3];
			if (survey_wilson(yes, in_rate, &lo, &hi) == 0) {
				double r3[3] = { (double)yes / (double)in_rate, lo, hi };

				for (int k = 0; k < 3; k++) {
					snprintf(rate[k], sizeof(rate[k]), labels ? "%.1f%%" :
					    "%.4f", labels ? r3[k] * 100 : r3[k]);
					v[10 + k] = rate[k];
				}
			} else
				v[10] = v[11] = v[12] = NULL;
			if (writer_row(w, v + skip, err) != 0) {
				sqlite3_finalize(st);
				goto fail;
			}
			rows++;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			store_error(stores[i], rc, err);
			goto fail;
		}
	}
	if (county) {
		/* the total row: every answer of every township pooled */
		const char *v[13] = { "*", "*", NULL, "*", "*" };
		char num[5][32], rate[3][32];
		long yes = total[1] + total[2], in_rate = total[1] + total[2] + total[3];
		double lo, hi;

		for (int k = 0; k < 5; k++) {
			snprintf(num[k], sizeof(num[k]), "%ld", total[k]);
			v[5 + k] = num[k];
		}
		if (survey_wilson(yes, in_rate, &lo, &hi) == 0) {
			double r3[3] = { (double)yes / (double)in_rate, lo, hi };

			for (int k = 0; k < 3; k++) {
				snprintf(rate[k], sizeof(rate[k]), labels ? "%.1f%%" : "%.4f",
				    labels ? r3[k] * 100 : r3[k]);
				v[10 + k] = rate[k];
			}
		}
		if (writer_row(w, v, err) != 0)
			goto fail;
	}
	rows = writer_close(w, err) == 0 ? rows : -1;
	free(cols);
	return rows;
fail:
	writer_close(w, NULL);
	free(cols);
	return err->status == EXIT_OK && err->text[0] == '\0' ? rows : -1;
}
