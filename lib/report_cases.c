/* report_cases.c -- report-gen cases: the open monitoring cases, the figures per village, the public posting list */
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "buf.h"
#include "monitor_case.h"
#include "report.h"
#include "report_parts.h"
#include "text.h"
#include "vocab.h"

/* ---- counted into the summary's rows ---- */

const char REPORT_CASES_SQL[] =
    "SELECT c.case_type, c.monitor_type, c.risks, c.step, c.state, "
    "CASE WHEN c.state = 'approved' OR c.state = 'rejected' THEN "
    "CAST(julianday(c.decided_on) - julianday(c.clue_on) AS INTEGER) END, "
    CASE_OVERDUE_SQL("c.", "?4") ", h.village_id "
    "FROM monitor_case c JOIN household h ON h.household_id = c.household_id "
    "WHERE (?2 IS NULL OR c.clue_on >= ?2) AND c.clue_on <= " REPORT_UNTIL_SQL;

const char REPORT_UNFOLLOWED_SQL[] =
    "SELECT count(DISTINCT x.household_id), h.village_id FROM visit x "
    "JOIN household h ON h.household_id = x.household_id "
    "WHERE EXISTS (SELECT 1 FROM monitor_case) AND "
    CASE_UNFOLLOWED_SQL("x.", "?4") " GROUP BY h.village_id";

/* 1 when step comes at or after from in the procedure. */
static int
step_reached(const char *step, const char *from)
{
	for (const char *s = from; s[0] != '\0'; s = case_next_step(s))
		if (strcmp(s, step) == 0)
			return 1;
	return 0;
}

int
report_cases_count(struct report_cases *c, sqlite3_stmt *st)
{
	const char *type = (const char *)sqlite3_column_text(st, 0);
	const char *risks = (const char *)sqlite3_column_text(st, 2);
	const char *step = (const char *)sqlite3_column_text(st, 3);
	const char *state = (const char *)sqlite3_column_text(st, 4);
	const char *monitor = (const char *)sqlite3_column_text(st, 1);
	int k;

	if (type == NULL || step == NULL || state == NULL)
		return 0;	/* (a damaged store) */
	c->opened++;
	if (strcmp(type, "inclusion") == 0)
		c->inclusion++;
	else
		c->elimination++;
	if (monitor != NULL && (k = vocab_ordinal("monitor_type", monitor,
	    strlen(monitor))) >= 0 && k < REPORT_NMONITOR_TYPES)
		c->monitor_type[k]++;
	for (const char *r = risks; r != NULL && r[0] != '\0'; ) {
		size_t len = strcspn(r, ";");

		if ((k = vocab_ordinal("monitor_risk", r, len)) >= 0 &&
		    k < REPORT_NMONITOR_RISKS)
			c->risk[k]++;
		r += len + (r[len] == ';');
	}
	c->checked += step_reached(step, "home_check");
	c->posted += step_reached(step, "posting");
	if (strcmp(state, "approved") == 0 || strcmp(state, "rejected") == 0) {
		c->decided++;
		if (strcmp(state, "rejected") == 0)
			c->rejected++;
		else if (strcmp(type, "inclusion") == 0)
			c->included++;
		else
			c->eliminated++;
		if (sqlite3_column_type(st, 5) != SQLITE_NULL &&
		    report_days_add(&c->days, sqlite3_column_int(st, 5), 1) != 0)
			return -1;
	} else if (strcmp(state, "not_eligible") == 0) {
		c->not_eligible++;
	} else {
		c->open++;
		c->late += sqlite3_column_int(st, 6) != 0;
	}
	return 0;
}

void
report_cases_unfollowed(struct report_cases *c, sqlite3_stmt *st)
{
	c->unfollowed += sqlite3_column_int64(st, 0);
}

int
report_cases_add(struct report_cases *total, const struct report_cases *from)
{
	total->opened += from->opened;
	total->inclusion += from->inclusion;
	total->elimination += from->elimination;
	for (int k = 0; k < REPORT_NMONITOR_TYPES; k++)
		total->monitor_type[k] += from->monitor_type[k];
	for (int k = 0; k < REPORT_NMONITOR_RISKS; k++)
		total->risk[k] += from->risk[k];
	total->checked += from->checked;
	total->posted += from->posted;
	total->decided += from->decided;
	total->included += from->included;
	total->eliminated += from->eliminated;
	total->rejected += from->rejected;
	total->not_eligible += from->not_eligible;
	total->open += from->open;
	total->late += from->late;
	total->unfollowed += from->unfollowed;
	return report_days_merge(&total->days, &from->days);
}

void
report_cases_free(struct report_cases *c)
{
	report_days_free(&c->days);
}

/* ---- the open cases and the posting list: rows of each store ---- */

/* A view read case by case: its statement and columns. */
struct case_view {
	const char *sql;	/* :village :group :since :until :today */
	const struct column *columns;
	size_t ncolumns;
	int risks;		/* the column of the risks (codes, ';' joined) */
	int late;		/* the column of a yes/no, or -1 */
};

static const struct column open_columns[] = {
	{ "case_id", N_("case"), COLUMN_INTEGER },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "head_name", N_("head"), COLUMN_TEXT },
	{ "case_type", N_("type"), COLUMN_TEXT, "case_type" },
	{ "monitor_type", N_("monitor type"), COLUMN_TEXT, "monitor_type" },
	{ "risks", N_("risks"), COLUMN_TEXT },
	{ "clue", N_("clue"), COLUMN_TEXT, "case_clue" },
	{ "clue_on", N_("clue on"), COLUMN_TEXT },
	{ "step", N_("step reached"), COLUMN_TEXT, "case_step" },
	{ "step_on", N_("step on"), COLUMN_TEXT },
	{ "days_at_step", N_("days at step"), COLUMN_INTEGER },
	{ "days_open", N_("days since clue"), COLUMN_INTEGER },
	{ "next_step", N_("next step"), COLUMN_TEXT, "case_step" },
	{ "due_date", N_("due"), COLUMN_TEXT },
	{ "late", N_("late"), COLUMN_BOOLEAN },
	{ "cadre", N_("cadre"), COLUMN_TEXT },
	{ "issues", N_("issues of the case"), COLUMN_INTEGER },
	{ "measures", N_("measures of the case"), COLUMN_INTEGER },
};

static const struct column posting_columns[] = {
	{ "case_id", N_("case"), COLUMN_INTEGER },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "head_name", N_("head"), COLUMN_TEXT },
	{ "case_type", N_("type"), COLUMN_TEXT, "case_type" },
	{ "monitor_type", N_("monitor type"), COLUMN_TEXT, "monitor_type" },
	{ "risks", N_("risks"), COLUMN_TEXT },
	{ "posting_from", N_("posted from"), COLUMN_TEXT },
	{ "posting_until", N_("posted until"), COLUMN_TEXT },
};

#define CASE_PLACE_SQL "FROM monitor_case c " \
	"JOIN household h ON h.household_id = c.household_id " \
	"JOIN village v ON v.id = h.village_id " \
	"LEFT JOIN village_group g ON g.id = h.group_id " \
	"WHERE " CASE_OPEN_SQL("c.") " AND (:village IS NULL OR v.name = :village) " \
	"AND (:group IS NULL OR g.name = :group) "

static const struct case_view views[] = {
	[REPORT_CASES_OPEN] = {
	  "SELECT c.id, v.name, g.name, c.household_id, h.head_name, c.case_type, "
	  "c.monitor_type, c.risks, c.clue, c.clue_on, c.step, c.step_on, "
	  "CAST(julianday(:today) - julianday(c.step_on) AS INTEGER), "
	  "CAST(julianday(:today) - julianday(c.clue_on) AS INTEGER), "
	  CASE_NEXT_STEP_SQL("c.") ", " CASE_DUE_SQL("c.") ", "
	  CASE_OVERDUE_SQL("c.", ":today") ", coalesce(" ASSIGN_OWNER("h")
	  ", c.recorder), (SELECT count(*) FROM issue i WHERE "
	  "i.monitor_case_id = c.id AND " ISSUE_COUNTED_SQL("i.") "), "
	  "(SELECT count(*) FROM support m WHERE m.monitor_case_id = c.id) "
	  CASE_PLACE_SQL
	  "AND (:since IS NULL OR c.clue_on >= :since) "
	  "AND (:until IS NULL OR c.clue_on <= :until) "
	  "ORDER BY v.id, g.id, c.household_id, c.id",
	  open_columns, sizeof(open_columns) / sizeof(open_columns[0]), 7, 16 },
	[REPORT_CASES_POSTING] = {
	  "SELECT c.id, v.name, g.name, h.head_name, c.case_type, "
	  "c.monitor_type, c.risks, "
	  "CASE c.step WHEN 'posting' THEN c.step_on END, "
	  "CASE c.step WHEN 'posting' THEN c.posting_until END "
	  CASE_PLACE_SQL "AND (c.step = 'village_review' OR c.step = 'posting') "
	  "ORDER BY v.id, c.step <> 'posting', c.step_on, c.posting_until, g.id, "
	  "c.household_id, c.id",
	  posting_columns, sizeof(posting_columns) / sizeof(posting_columns[0]),
	  6, -1 },
};

/* What report_cases() carries from store to store. */
struct cases_run {
	const struct case_view *view;
	const struct report_filter *f;
	int labels, skip;
	struct report_late_writer out;	/* opened with the first store that opens */
	struct report_posting *page;	/* html posting list, else NULL */
	struct column *cols;
	const char **v;
	struct buf risks;
	long rows;
};

void
report_bind_named(sqlite3_stmt *st, const char *name, const char *text)
{
	int k = sqlite3_bind_parameter_index(st, name);

	if (k > 0)
		sqlite3_bind_text(st, k, text, -1, SQLITE_STATIC);
}

/* A report_store_fn: the store's rows of the view. */
static int
cases_store(void *context, struct store *s, const char *township,
    struct error *err)
{
	struct cases_run *r = context;
	const struct case_view *view = r->view;
	sqlite3_stmt *st;
	int rc, stopped = 0;

	if (r->page == NULL && report_late_open(&r->out, err) != 0)
		return -1;
	if ((st = store_prepare(s, view->sql, err)) == NULL)
		return -1;
	report_bind_named(st, ":village", r->f->village);
	report_bind_named(st, ":group", r->f->group);
	report_bind_named(st, ":since", r->f->since);
	report_bind_named(st, ":until", r->f->until);
	report_bind_named(st, ":today", r->f->today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->v[0] = township;
		for (size_t k = 0; k < view->ncolumns; k++)
			r->v[k + 1] = (const char *)sqlite3_column_text(st, (int)k);
		if (r->labels && r->v[view->risks + 1] != NULL)
			r->v[view->risks + 1] = vocab_labels("monitor_risk",
			    r->v[view->risks + 1], &r->risks);
		if (view->late >= 0)
			r->v[view->late + 1] = sqlite3_column_int(st, view->late) ?
			    (r->labels ? _("yes") : "true") :
			    (r->labels ? _("no") : "false");
		if (r->page != NULL ? report_posting_row(r->page, r->v, err) != 0 :
		    writer_row(r->out.w, r->v + r->skip, err) != 0) {
			stopped = 1;
			break;
		}
		r->rows++;
	}
	sqlite3_finalize(st);
	if (stopped)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* The open cases or the posting list of every store; rows, or -1 with err set. */
static long
cases_rows(struct report_source *src, enum report_cases_view which,
    const struct report_filter *f, int labels, enum output_format format,
    unsigned flags, FILE *fp, struct error *err)
{
	const struct case_view *view = &views[which];
	int county = src->n > 1;
	struct cases_run r = { view, f, labels, county ? 0 : 1,
	    { fp, format, flags, NULL, view->ncolumns + 1 - (county ? 0 : 1), NULL },
	    NULL, NULL, NULL, { 0 }, 0 };
	int rc = -1;

	r.cols = report_with_township(view->columns, view->ncolumns);
	r.v = calloc(view->ncolumns + 1, sizeof(char *));
	if (r.cols == NULL || r.v == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	r.out.columns = r.cols + r.skip;
	if (which == REPORT_CASES_POSTING && format == FORMAT_HTML &&
	    (r.page = report_posting_open(fp, f->today, err)) == NULL)
		goto out;
	if (report_each_store(src, cases_store, &r, err) != 0)
		goto out;
	if (r.page != NULL) {
		rc = report_posting_close(r.page, err);
		r.page = NULL;
	} else if ((rc = report_late_open(&r.out, err)) == 0) {
		rc = writer_close(r.out.w, err);
		r.out.w = NULL;
	}
out:
	report_posting_close(r.page, NULL);
	writer_close(r.out.w, NULL);
	buf_free(&r.risks);
	free(r.cols);
	free(r.v);
	if (rc == 0)
		return r.rows;
	/* the reader closing the pipe is the end of output, not a failure */
	return err->status == EXIT_OK && err->text[0] == '\0' ? r.rows : -1;
}

/* ---- the figures per village, from the summary's rows ---- */

enum { VILLAGE_NCOLUMNS = 2 + 3 + REPORT_NMONITOR_TYPES + REPORT_NMONITOR_RISKS + 12 };

/* What the villages' rows carry: the writer, its columns and a row's text. */
struct villages_out {
	struct writer *w;
	struct column cols[VILLAGE_NCOLUMNS];
	char names[REPORT_NMONITOR_TYPES + REPORT_NMONITOR_RISKS][48];
	size_t ncols;
	int skip;		/* one store: no township column */
	int labels;
	long rows;
};

static const struct column village_head[] = {
	{ "township", N_("township"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "cases_opened", N_("cases"), COLUMN_INTEGER },
	{ "inclusion", N_("inclusion"), COLUMN_INTEGER },
	{ "elimination", N_("elimination"), COLUMN_INTEGER },
};

static const struct column village_tail[] = {
	{ "checked", N_("checked"), COLUMN_INTEGER },
	{ "posted", N_("posted"), COLUMN_INTEGER },
	{ "decided", N_("decided"), COLUMN_INTEGER },
	{ "included", N_("included"), COLUMN_INTEGER },
	{ "eliminated", N_("risk eliminated"), COLUMN_INTEGER },
	{ "rejected", N_("rejected"), COLUMN_INTEGER },
	{ "not_eligible", N_("not eligible"), COLUMN_INTEGER },
	{ "open", N_("open"), COLUMN_INTEGER },
	{ "late", N_("late"), COLUMN_INTEGER },
	{ "median_days_to_decision", N_("median days to decision"), COLUMN_NUMBER },
	{ "unfollowed", N_("unfollowed suggestions"), COLUMN_INTEGER },
};

/* The columns of domain's codes, named prefix + code, headed by their labels. */
static void
code_columns(struct villages_out *o, size_t *named, const char *domain,
    const char *prefix, size_t max)
{
	size_t n = 0;

	for (const struct vocab_entry *e = vocab_table; e->domain != NULL &&
	    n < max; e++)
		if (strcmp(e->domain, domain) == 0) {
			snprintf(o->names[*named], sizeof(o->names[*named]), "%s%s",
			    prefix, e->code);
			o->cols[o->ncols++] = (struct column){ o->names[(*named)++],
			    vocab_label(domain, e->code), COLUMN_INTEGER };
			n++;
		}
}

/* A report_row_fn: one village's (or total's) figures. */
static int
villages_row(void *context, const struct report_summary *sum,
    const struct report_village *row, struct error *err)
{
	struct villages_out *o = context;
	const struct report_cases *c = &row->cases;
	long counts[VILLAGE_NCOLUMNS];
	char num[VILLAGE_NCOLUMNS][32];
	const char *v[VILLAGE_NCOLUMNS];
	size_t n = 0, k = 2;
	double median = report_days_median(&c->days);

	(void)sum;
	counts[n++] = c->opened;
	counts[n++] = c->inclusion;
	counts[n++] = c->elimination;
	for (int i = 0; i < REPORT_NMONITOR_TYPES; i++)
		counts[n++] = c->monitor_type[i];
	for (int i = 0; i < REPORT_NMONITOR_RISKS; i++)
		counts[n++] = c->risk[i];
	counts[n++] = c->checked;
	counts[n++] = c->posted;
	counts[n++] = c->decided;
	counts[n++] = c->included;
	counts[n++] = c->eliminated;
	counts[n++] = c->rejected;
	counts[n++] = c->not_eligible;
	counts[n++] = c->open;
	counts[n++] = c->late;
	v[0] = row->township;
	v[1] = strcmp(row->village, "*") == 0 && o->labels ? _("total") :
	    row->village;
	for (size_t i = 0; i < n; i++, k++) {
		snprintf(num[k], sizeof(num[k]), "%ld", counts[i]);
		v[k] = num[k];
	}
	v[k] = median < 0 ? (o->labels ? "—" : NULL) : num[k];
	snprintf(num[k], sizeof(num[k]), "%.1f", median);
	k++;
	snprintf(num[k], sizeof(num[k]), "%ld", c->unfollowed);
	v[k] = num[k];
	if (writer_row(o->w, v + o->skip, err) != 0)
		return -1;
	o->rows++;
	return 0;
}

static long
cases_villages(struct report_source *src, const struct report_filter *f,
    int labels, enum output_format format, unsigned flags, FILE *fp,
    struct error *err)
{
	struct report_summary sum;
	struct villages_out o = { .labels = labels };
	size_t named = 0;
	long rows = -1;

	if (report_summary_start(src, f, &sum, err) != 0)
		return -1;
	o.skip = sum.county ? 0 : 1;
	for (size_t i = 0; i < sizeof(village_head) / sizeof(village_head[0]); i++)
		o.cols[o.ncols++] = village_head[i];
	code_columns(&o, &named, "monitor_type", "type_", REPORT_NMONITOR_TYPES);
	code_columns(&o, &named, "monitor_risk", "risk_", REPORT_NMONITOR_RISKS);
	for (size_t i = 0; i < sizeof(village_tail) / sizeof(village_tail[0]); i++)
		o.cols[o.ncols++] = village_tail[i];
	if ((o.w = writer_open(fp, format, o.cols + o.skip, o.ncols - o.skip,
	    flags, err)) == NULL)
		goto out;
	if (report_summary_rows(src, f, &sum, villages_row, &o, err) != 0) {
		writer_close(o.w, NULL);
		/* the reader closing the pipe is the end of output */
		rows = err->status == EXIT_OK && err->text[0] == '\0' ? o.rows : -1;
		goto out;
	}
	rows = writer_close(o.w, err) == 0 ? o.rows : -1;
out:
	report_summary_free(&sum);
	return rows;
}

long
report_cases(struct report_source *src, enum report_cases_view view,
    const struct report_filter *f, int labels, enum output_format format,
    unsigned flags, FILE *fp, struct error *err)
{
	if (view == REPORT_CASES_VILLAGES)
		return cases_villages(src, f, labels, format, flags, fp, err);
	return cases_rows(src, view, f, labels, format, flags, fp, err);
}
