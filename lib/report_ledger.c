/* report_ledger.c -- report-gen's ledgers (台账) of issues, visits, households and meetings */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "headings.h"
#include "household.h"
#include "issue.h"
#include "report.h"
#include "report_parts.h"
#include "text.h"
#include "vocab.h"

struct ledger {
	const char *sql;	/* ?1 village ?2 group ?3 since ?4 until ?5 owner
				 * ?6 status ?7 category ?8 kind ?9 household
				 * ?10 reporter ?11 due since ?12 due until */
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
	{ "repeat_of", N_("repeats"), COLUMN_INTEGER },
};
static const char *const issue_domains[] = { NULL, "issue_kind",
	"issue_category", NULL, "urgency", NULL, NULL, NULL, "issue_source", NULL,
	NULL, NULL, "status", NULL, NULL, NULL, NULL, NULL };

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
	  "i.resolved_on, i.feedback_on, i.closed_on, i.extensions, i.repeat_of "
	  "FROM issue i "
	  "LEFT JOIN village v ON v.id = i.village_id "
	  "LEFT JOIN village_group g ON g.id = i.group_id "
	  "LEFT JOIN household h ON h.id = i.household_ref "
	  "WHERE (?1 IS NULL OR v.name = ?1) AND (?2 IS NULL OR g.name = ?2) "
	  "AND (?3 IS NULL OR i.opened_on >= ?3) AND (?4 IS NULL OR i.opened_on <= ?4) "
	  "AND (?5 IS NULL OR i.owner = ?5) "
	  "AND (?6 IS NULL AND " ISSUE_COUNTED_SQL("i.") " OR i.status = ?6) "
	  "AND (?7 IS NULL OR i.category = ?7) AND (?8 IS NULL OR i.kind = ?8) "
	  "AND (?9 IS NULL OR h.household_id = ?9) AND (?10 IS NULL OR i.reporter = ?10) "
	  "AND (?11 IS NULL OR i.due_date >= ?11) AND (?12 IS NULL OR i.due_date <= ?12) "
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
	  "AND ?8 IS NULL AND (?9 IS NULL OR x.household_id = ?9) AND ?10 IS NULL "
	  "AND ?11 IS NULL AND ?12 IS NULL "
	  "ORDER BY x.visit_date, x.household_id, x.visitor",
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
	  "AND ?8 IS NULL AND (?9 IS NULL OR h.household_id = ?9) AND ?10 IS NULL "
	  "AND ?11 IS NULL AND ?12 IS NULL ORDER BY v.id, g.id, h.household_id",
	  household_columns, HOUSEHOLD_NFIELDS, household_domains, 2, 3 },
	[REPORT_MEETINGS] = {
	  "SELECT m.id, m.kind, v.name, g.name, m.held_on, m.host, m.attendees, "
	  "(SELECT count(*) FROM issue i WHERE i.meeting_id = m.id AND "
	  ISSUE_COUNTED_SQL("i.") "), "
	  "CASE WHEN t.id IS NULL THEN NULL WHEN NOT t.valid THEN 'not_valid' "
	  "WHEN t.adopted THEN 'adopted' ELSE 'not_adopted' END "
	  "FROM meeting m JOIN village v ON v.id = m.village_id "
	  "LEFT JOIN village_group g ON g.id = m.group_id "
	  "LEFT JOIN vote t ON t.meeting_id = m.id "
	  "WHERE (?1 IS NULL OR v.name = ?1) AND (?2 IS NULL OR g.name = ?2) "
	  "AND (?3 IS NULL OR m.held_on >= ?3) AND (?4 IS NULL OR m.held_on <= ?4) "
	  "AND (?5 IS NULL OR m.host = ?5) AND ?6 IS NULL AND ?7 IS NULL "
	  "AND (?8 IS NULL OR m.kind = ?8) AND ?9 IS NULL AND ?10 IS NULL "
	  "AND ?11 IS NULL AND ?12 IS NULL ORDER BY m.held_on, m.id",
	  meeting_ledger_columns, sizeof(meeting_ledger_columns) /
	  sizeof(meeting_ledger_columns[0]), meeting_domains, -1, -1 },
};

/* Check-field words for people: yes/no/na as labels. */
static const char *
check_label(const char *code)
{
	if (code == NULL)
		return NULL;
	return strcmp(code, "yes") == 0 ? _("yes") : strcmp(code, "no") == 0 ?
	    _("no") : strcmp(code, "na") == 0 ? _("n/a") : code;
}

/* What a row's text needs beyond the statement's: masked numbers, category labels. */
struct row_text {
	char id[64], phone[64];
	struct buf cats;
};

/*
 * The row of st into v[1..]: codes as labels when labels, ID and phone
 * numbers masked unless f->reveal (t holds the text).
 */
static void
ledger_values(const struct ledger *l, enum report_ledger which,
    const struct report_filter *f, int labels, sqlite3_stmt *st,
    const char **v, struct row_text *t)
{
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
			v[k + 1] = report_vote_text(v[k + 1], 1);
	}
	if ((int)l->masked_id >= 0 && !f->reveal && v[l->masked_id + 1])
		v[l->masked_id + 1] = mask_id_number(v[l->masked_id + 1], t->id,
		    sizeof(t->id));
	if ((int)l->masked_phone >= 0 && !f->reveal && v[l->masked_phone + 1])
		v[l->masked_phone + 1] = mask_phone(v[l->masked_phone + 1], t->phone,
		    sizeof(t->phone));
	if (which == REPORT_HOUSEHOLDS && labels && v[7] != NULL)
		v[7] = vocab_labels("category", v[7], &t->cats);
}

/* That households' numbers are shown, into s's audit log: 0, or -1 with err set. */
static int
audit_reveal(struct store *s, const struct report_filter *f, struct error *err)
{
	char what[256];

	snprintf(what, sizeof(what), "report-gen households village=%s",
	    f->village ? f->village : "*");
	if (store_begin(s, err) != 0 || audit_add(s, "reveal", "household",
	    "id_number,phone", NULL, what, err) != 0 || store_commit(s, err) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* The query of ledger which on s, the filters bound; NULL with err set. */
static sqlite3_stmt *
ledger_query(struct store *s, enum report_ledger which,
    const struct report_filter *f, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, ledgers[which].sql, err);
	const char *category = f->category;

	if (st == NULL)
		return NULL;
	if (which == REPORT_HOUSEHOLDS && category != NULL)
		category = vocab_code("category", category) ? vocab_code("category",
		    category) : category;
	sqlite3_bind_text(st, 1, f->village, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->group, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, f->until, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, f->owner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, f->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, f->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, f->household, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, f->reporter, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, f->due_since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, f->due_until, -1, SQLITE_STATIC);
	return st;
}

/*
 * Write ledger which of store s (of township) to w, v its row's room,
 * adding the rows written to *rows.  0; 1 when the writer stopped (err
 * says why: status 0 when the reader closed the pipe); -1 with err set.
 */
static int
store_ledger(struct store *s, const char *township, enum report_ledger which,
    const struct report_filter *f, int labels, struct writer *w, int skip,
    const char **v, long *rows, struct error *err)
{
	struct row_text t = { .cats = { 0 } };
	sqlite3_stmt *st;
	int rc, stopped = 0;

	if (f->reveal && which == REPORT_HOUSEHOLDS && audit_reveal(s, f, err) != 0)
		return -1;
	if ((st = ledger_query(s, which, f, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v[0] = township;
		ledger_values(&ledgers[which], which, f, labels, st, v, &t);
		if (writer_row(w, v + skip, err) != 0) {
			stopped = 1;
			break;
		}
		(*rows)++;
	}
	sqlite3_finalize(st);
	buf_free(&t.cats);
	if (stopped)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* What report_ledger() carries from store to store. */
struct ledger_run {
	enum report_ledger which;
	const struct report_filter *f;
	int labels, skip;
	struct report_late_writer out;	/* opened with the first store that opens */
	struct column *cols;
	const char **v;
	long rows;
	struct report_heading *heading;	/* of an HTML page, or NULL */
};

/* A report_store_fn: the store's rows of the ledger. */
static int
ledger_store(void *context, struct store *s, const char *township,
    struct error *err)
{
	struct ledger_run *r = context;

	if (r->heading != NULL &&
	    report_heading_township(r->heading, township, err) != 0)
		return -1;
	/* stopped by the writer (1): err says why, no text when the pipe closed */
	if (report_late_open(&r->out, err) != 0 || store_ledger(s, township,
	    r->which, r->f, r->labels, r->out.w, r->skip, r->v, &r->rows, err) != 0)
		return -1;
	return 0;
}

/* The heading h of a page no longer given to writers, and freed (NULL: none). */
static void
ledger_heading_end(struct report_heading *h)
{
	if (h == NULL)
		return;
	output_heading(NULL);
	report_heading_free(h);
}

long
report_ledger(struct report_source *src, enum report_ledger which,
    const struct report_filter *f, int labels, int county,
    enum output_format format, unsigned flags, FILE *fp, struct error *err)
{
	const struct ledger *l = &ledgers[which];
	struct ledger_run r = { which, f, labels, county ? 0 : 1,
	    { fp, format, flags, NULL, l->ncolumns + 1 - (county ? 0 : 1), NULL },
	    NULL, NULL, 0, NULL };
	struct report_heading heading;
	int rc;

	/* a page for print, or a workbook, says what it lists */
	if (format == FORMAT_HTML || format == FORMAT_XLSX) {
		if (report_heading_start(&heading, which, f, err) != 0)
			return -1;
		r.heading = &heading;
		output_heading(&heading.h);
	}
	r.cols = report_with_township(l->columns, l->ncolumns);
	r.v = calloc(l->ncolumns + 1, sizeof(char *));
	if (r.cols == NULL || r.v == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto fail;
	}
	r.out.columns = r.cols + r.skip;
	if (report_each_store(src, ledger_store, &r, err) != 0 ||
	    report_late_open(&r.out, err) != 0)
		goto fail;
	if (county) {
		/* the total row: township "*", the number of rows in the first column */
		char count[32];

		snprintf(count, sizeof(count), "%ld", r.rows);
		memset(r.v, 0, (l->ncolumns + 1) * sizeof(char *));
		r.v[0] = "*";
		r.v[1] = count;
		if (writer_row(r.out.w, r.v, err) != 0)
			goto fail;
	}
	writer_count(r.out.w, r.rows);
	rc = writer_close(r.out.w, err);
	r.out.w = NULL;
	if (rc != 0)
		goto fail;
	free(r.cols);
	free(r.v);
	ledger_heading_end(r.heading);
	return r.rows;
fail:
	writer_close(r.out.w, NULL);
	free(r.cols);
	free(r.v);
	ledger_heading_end(r.heading);
	return err->status == EXIT_OK && err->text[0] == '\0' ? r.rows : -1;
}
