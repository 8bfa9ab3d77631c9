/* report_assistance.c -- report-gen assistance, returnees and care: the people helped, per village and by name */
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "buf.h"
#include "member.h"
#include "report.h"
#include "report_parts.h"
#include "returnee.h"
#include "text.h"
#include "vocab.h"

/* ---- the figures per village, township and county ---- */

/* The codes counted, in vocab.c's order, and the columns they give. */
enum {
	N_LABOUR = 5,		/* labour: of the people holding a post */
	N_LOAN = 5,		/* loan_status */
	N_RETURNEE = 4,		/* returnee_status */
	N_TAG = 4,		/* member_tag */
	C_POSTS = 0,
	C_POST_LABOUR = 1,
	C_POST_PAY = C_POST_LABOUR + N_LABOUR,
	C_JOBS = C_POST_PAY + 1,	/* people in an industry-park job */
	C_JOB_INCOME = C_JOBS + 1,	/* their monthly income, yuan */
	C_LAND = C_JOB_INCOME + 1,	/* parcels transferred */
	C_LAND_MU = C_LAND + 1,		/* their area, in hundredths of a mu */
	C_LOANS = C_LAND_MU + 1,
	C_LOAN_STATUS = C_LOANS + 1,
	C_LOAN_AMOUNT = C_LOAN_STATUS + N_LOAN,
	C_RETURNEES = C_LOAN_AMOUNT + 1,
	C_RETURNEE_STATUS = C_RETURNEES + 1,
	C_TAGGED = C_RETURNEE_STATUS + N_RETURNEE,
	C_TAG = C_TAGGED + 1,
	NCOUNTS = C_TAG + N_TAG
};

/*
 * Per store, each row's village id last (:today bound): the posts held
 * on the day with the labour of their holder and their monthly pay; the
 * people in an industry-park job on the day, one row a person with the
 * monthly income of their jobs; the land transfers in force on the day,
 * one row a parcel with its area in hundredths of a mu (so that the
 * sums are exact); the loans whose wish was recorded by the day, with
 * the stage they had reached by it (REPORT_LOAN_STAGE_SQL) and their
 * amount; each returnee's latest contact by the day, with its status;
 * the tags of each person tagged.
 */
static const struct count_query {
	const char *sql;
	const char *domain;	/* of column 0 (NULL: column 0 is NULL) */
	int all, first;		/* the counts of every row, and of column 0's codes */
	int sum;		/* the count that sums column 1, or -1 */
	const char *sum_when;	/* ... when column 0 is this code (NULL: always) */
} count_queries[] = {
	{ "SELECT m.labour, s.amount, h.village_id " REPORT_SUPPORT_FROM
	  "WHERE s.kind = 'post' AND " REPORT_SUPPORT_IN_FORCE_SQL(":today"),
	  "labour", C_POSTS, C_POST_LABOUR, C_POST_PAY, NULL },
	{ "SELECT NULL, sum(s.amount), h.village_id " REPORT_SUPPORT_FROM
	  "WHERE s.kind = 'job' AND " REPORT_SUPPORT_IN_FORCE_SQL(":today")
	  " GROUP BY s.id_number",
	  NULL, C_JOBS, C_JOBS, C_JOB_INCOME, NULL },
	{ "SELECT NULL, CAST(round(s.area_mu * 100) AS INTEGER), h.village_id "
	  REPORT_SUPPORT_FROM "WHERE s.kind = 'land' AND "
	  REPORT_SUPPORT_IN_FORCE_SQL(":today"),
	  NULL, C_LAND, C_LAND, C_LAND_MU, NULL },
	{ "SELECT " REPORT_LOAN_STAGE_SQL(":today") ", s.amount, h.village_id "
	  REPORT_SUPPORT_FROM "WHERE s.kind = 'loan' AND s.start_date <= :today",
	  "loan_status", C_LOANS, C_LOAN_STATUS, C_LOAN_AMOUNT, "approved" },
	{ "SELECT r.status, NULL, r.village_id FROM returnee_contact r "
	  "WHERE " RETURNEE_LATEST_SQL("r"),
	  "returnee_status", C_RETURNEES, C_RETURNEE_STATUS, -1, NULL },
	{ "SELECT m.tags, NULL, h.village_id FROM member m "
	  "JOIN household h ON h.household_id = m.household_id "
	  "WHERE m.tags <> ''",
	  "member_tag", C_TAGGED, C_TAG, -1, NULL },
};

/* A village's counts (a township's total: village "*"; the county's: township "*" too). */
struct assist_row {
	char *village;
	long long id;
	long count[NCOUNTS];
};

struct assist_run {
	const struct report_filter *f;
	int labels, skip;
	struct report_late_writer out;
	struct column cols[2 + NCOUNTS];
	char names[NCOUNTS][48], heads[NCOUNTS][96];
	struct assist_row *rows;	/* the current store's villages */
	size_t n;
	long long *ids;
	long county[NCOUNTS];
	long written;
};

/* The column of a count: its field name and heading (label NULL: of the code). */
static void
count_column(struct assist_run *r, int k, const char *name, const char *label,
    const char *domain, const char *code, const char *format)
{
	snprintf(r->names[k], sizeof(r->names[k]), "%s", name);
	if (label == NULL)
		snprintf(r->heads[k], sizeof(r->heads[k]), format,
		    vocab_label(domain, code));
	else
		snprintf(r->heads[k], sizeof(r->heads[k]), "%s", _(label));
	r->cols[2 + k] = (struct column){ r->names[k], r->heads[k],
	    COLUMN_INTEGER, NULL };
}

/* The columns of domain's codes from column first on, named prefix + code. */
static void
code_columns(struct assist_run *r, int first, const char *domain,
    const char *prefix, const char *format)
{
	int k = first;

	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
		if (strcmp(e->domain, domain) == 0) {
			char name[48];

			snprintf(name, sizeof(name), "%s%s", prefix, e->code);
			count_column(r, k++, name, NULL, domain, e->code, format);
		}
}

static void
assist_columns(struct assist_run *r)
{
	r->cols[0] = (struct column){ "township", N_("township"), COLUMN_TEXT, NULL };
	r->cols[1] = (struct column){ "village", N_("village"), COLUMN_TEXT, NULL };
	count_column(r, C_POSTS, "posts_held", N_("posts held"), NULL, NULL, NULL);
	code_columns(r, C_POST_LABOUR, "labour", "posts_", _("posts: %s"));
	count_column(r, C_POST_PAY, "post_pay", N_("monthly pay of posts (yuan)"),
	    NULL, NULL, NULL);
	count_column(r, C_JOBS, "jobs_held", N_("people in park jobs"), NULL,
	    NULL, NULL);
	count_column(r, C_JOB_INCOME, "job_income",
	    N_("monthly income of park jobs (yuan)"), NULL, NULL, NULL);
	count_column(r, C_LAND, "land_parcels", N_("parcels transferred"), NULL,
	    NULL, NULL);
	count_column(r, C_LAND_MU, "land_mu", N_("land transferred (mu)"), NULL,
	    NULL, NULL);
	r->cols[2 + C_LAND_MU].type = COLUMN_NUMBER;
	count_column(r, C_LOANS, "loans", N_("loans referred"), NULL, NULL, NULL);
	code_columns(r, C_LOAN_STATUS, "loan_status", "loans_", _("loans: %s"));
	count_column(r, C_LOAN_AMOUNT, "loan_amount",
	    N_("loans approved (yuan)"), NULL, NULL, NULL);
	count_column(r, C_RETURNEES, "returnees", N_("returnees"), NULL, NULL,
	    NULL);
	code_columns(r, C_RETURNEE_STATUS, "returnee_status", "returnees_",
	    _("returnees: %s"));
	count_column(r, C_TAGGED, "people_tagged", N_("people tagged"), NULL,
	    NULL, NULL);
	code_columns(r, C_TAG, "member_tag", "people_", "%s");
}

/* Count query q's row st into row c. */
static void
count_row(const struct count_query *q, sqlite3_stmt *st, long *c)
{
	const char *codes = (const char *)sqlite3_column_text(st, 0);

	c[q->all]++;
	/* tags are ';'-joined codes; the other columns hold one */
	for (const char *p = codes; p != NULL && p[0] != '\0'; ) {
		size_t len = strcspn(p, ";");
		int k = vocab_ordinal(q->domain, p, len);

		if (k >= 0)
			c[q->first + k]++;
		p += len + (p[len] == ';');
	}
	if (q->sum >= 0 && (q->sum_when == NULL || (codes != NULL &&
	    strcmp(codes, q->sum_when) == 0)))
		c[q->sum] += (long)sqlite3_column_int64(st, 1);
}

/* Write a row of counts c for township and village; 0, or -1 with err set. */
static int
assist_write(struct assist_run *r, const char *township, const char *village,
    const long *c, struct error *err)
{
	char num[NCOUNTS][24];
	const char *v[2 + NCOUNTS];

	v[0] = strcmp(township, "*") == 0 && r->labels ? _("total") : township;
	v[1] = strcmp(village, "*") == 0 && r->labels ? _("total") : village;
	for (int k = 0; k < NCOUNTS; k++) {
		if (k == C_LAND_MU)	/* hundredths of a mu */
			snprintf(num[k], sizeof(num[k]), "%ld.%02ld", c[k] / 100,
			    c[k] % 100);
		else
			snprintf(num[k], sizeof(num[k]), "%ld", c[k]);
		v[2 + k] = num[k];
	}
	if (report_late_open(&r->out, err) != 0 ||
	    writer_row(r->out.w, v + r->skip, err) != 0)
		return -1;
	r->written++;
	return 0;
}

static void
drop_rows(struct assist_run *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->rows[i].village);
	free(r->rows);
	free(r->ids);
	r->rows = NULL;
	r->ids = NULL;
	r->n = 0;
}

/* The store's villages (as the filter says), by id; 0, or -1 with err set. */
static int
read_villages(struct assist_run *r, struct store *s, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id, name FROM village "
	    "WHERE ?1 IS NULL OR name = ?1 ORDER BY id", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, r->f->village, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct assist_row *rows = realloc(r->rows, (r->n + 1) * sizeof(*rows));
		long long *ids = rows != NULL ? realloc(r->ids,
		    (r->n + 1) * sizeof(*ids)) : NULL;

		if (rows != NULL)
			r->rows = rows;
		if (ids != NULL)
			r->ids = ids;
		if (ids == NULL) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
		memset(&rows[r->n], 0, sizeof(rows[r->n]));
		rows[r->n].id = ids[r->n] = sqlite3_column_int64(st, 0);
		if ((rows[r->n].village = strdup((const char *)
		    sqlite3_column_text(st, 1))) == NULL) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
		r->n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* Every count query of store s into its villages' rows; 0, or -1 with err set. */
static int
count_store(struct assist_run *r, struct store *s, struct error *err)
{
	for (size_t q = 0; q < sizeof(count_queries) / sizeof(count_queries[0]);
	    q++) {
		sqlite3_stmt *st = store_prepare(s, count_queries[q].sql, err);
		int rc;

		if (st == NULL)
			return -1;
		report_bind_named(st, ":today", r->f->today);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			size_t i = store_id_index(r->ids, r->n,
			    sqlite3_column_int64(st, 2));

			if (i < r->n)
				count_row(&count_queries[q], st, r->rows[i].count);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	return 0;
}

/* A report_store_fn: the store's villages, then its total. */
static int
assist_store(void *context, struct store *s, const char *township,
    struct error *err)
{
	struct assist_run *r = context;
	long total[NCOUNTS] = { 0 };
	int rc = -1;

	if (read_villages(r, s, err) != 0 || count_store(r, s, err) != 0)
		goto out;
	for (size_t i = 0; i < r->n; i++) {
		for (int k = 0; k < NCOUNTS; k++)
			total[k] += r->rows[i].count[k];
		if (assist_write(r, township, r->rows[i].village,
		    r->rows[i].count, err) != 0)
			goto out;
	}
	if (assist_write(r, township, "*", total, err) != 0)
		goto out;
	for (int k = 0; k < NCOUNTS; k++)
		r->county[k] += total[k];
	rc = 0;
out:
	drop_rows(r);
	return rc;
}

/* The figures of every store; rows written, or -1 with err set. */
static long
assist_villages(struct report_source *src, const struct report_filter *f,
    int labels, enum output_format format, unsigned flags, FILE *fp,
    struct error *err)
{
	int county = src->n > 1;
	struct assist_run r = { .f = f, .labels = labels, .skip = county ? 0 : 1 };
	int rc = -1;

	assist_columns(&r);
	r.out = (struct report_late_writer){ fp, format, flags, r.cols + r.skip,
	    2 + NCOUNTS - (size_t)r.skip, NULL };
	if (report_each_store(src, assist_store, &r, err) != 0)
		goto out;
	if (county && r.out.w != NULL && assist_write(&r, "*", "*", r.county,
	    err) != 0)
		goto out;
	if ((rc = report_late_open(&r.out, err)) == 0) {
		rc = writer_close(r.out.w, err);
		r.out.w = NULL;
	}
out:
	drop_rows(&r);
	writer_close(r.out.w, NULL);
	if (rc == 0)
		return r.written;
	/* the reader closing the pipe is the end of output, not a failure */
	return err->status == EXIT_OK && err->text[0] == '\0' ? r.written : -1;
}

/* ---- the lists of people: returnees, and those tagged for care ---- */

static const struct column returnee_columns[] = {
	{ "village", N_("village"), COLUMN_TEXT },
	{ "name", N_("name"), COLUMN_TEXT },
	{ "id_number", N_("ID number"), COLUMN_TEXT },
	{ "kind", N_("kind"), COLUMN_TEXT, "returnee_kind" },
	{ "away_place", N_("working at"), COLUMN_TEXT },
	{ "skills", N_("skills"), COLUMN_TEXT },
	{ "intention", N_("intention"), COLUMN_TEXT, "returnee_intention" },
	{ "status", N_("status"), COLUMN_TEXT, "returnee_status" },
	{ "cadre", N_("cadre"), COLUMN_TEXT },
	{ "contacts", N_("contacts so far"), COLUMN_INTEGER },
	{ "last_contacted", N_("last contacted"), COLUMN_TEXT },
	{ "way", N_("way"), COLUMN_TEXT },
	{ "said", N_("what was said"), COLUMN_TEXT },
	{ "days_since", N_("days since"), COLUMN_INTEGER },
};

static const struct column care_columns[] = {
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "head_name", N_("head"), COLUMN_TEXT },
	{ "name", N_("name"), COLUMN_TEXT },
	{ "id_number", N_("ID number"), COLUMN_TEXT },
	{ "sex", N_("sex"), COLUMN_TEXT },
	{ "age", N_("age"), COLUMN_INTEGER },
	{ "tags", N_("tags"), COLUMN_TEXT },
	{ "labour", N_("labour"), COLUMN_TEXT, "labour" },
	{ "schooling", N_("schooling"), COLUMN_TEXT, "schooling" },
	{ "health", N_("health"), COLUMN_TEXT, "health" },
	{ "phone", N_("phone"), COLUMN_TEXT },
	{ "cadre", N_("cadre"), COLUMN_TEXT },
	{ "last_care_visit", N_("last care visit"), COLUMN_TEXT },
	{ "care_visitor", N_("visited by"), COLUMN_TEXT },
};

/* A list: its statement (:village :group :kind :today) and columns. */
struct list_view {
	const char *sql;
	const struct column *columns;
	size_t ncolumns;
	int id, phone, tags, sex;	/* those columns, or -1 */
	int birth;		/* the column of the birth date, made the age, or -1 */
	const char *what;	/* the audit log's words for a reveal */
};

static const struct list_view lists[] = {
	[REPORT_RETURNEES] = {
	  "SELECT v.name, r.name, r.id_number, r.kind, r.away_place, r.skills, "
	  "r.intention, r.status, r.cadre, (SELECT count(*) FROM "
	  "returnee_contact x WHERE x.id_number = r.id_number AND "
	  "x.contacted_on <= :today), r.contacted_on, r.way, r.said, "
	  "CAST(julianday(:today) - julianday(r.contacted_on) AS INTEGER) "
	  "FROM returnee_contact r JOIN village v ON v.id = r.village_id "
	  "WHERE " RETURNEE_LATEST_SQL("r") " AND "
	  "(:village IS NULL OR v.name = :village) "
	  "ORDER BY v.id, r.status = 'settled', r.contacted_on, r.id_number",
	  returnee_columns, sizeof(returnee_columns) / sizeof(returnee_columns[0]),
	  2, -1, -1, -1, -1, "report-gen returnees" },
	[REPORT_CARE] = {
	  "SELECT v.name, g.name, m.household_id, h.head_name, m.name, "
	  "m.id_number, m.sex, m.birth_date, m.tags, m.labour, m.schooling, "
	  "m.health, m.phone, coalesce(" ASSIGN_OWNER("h") ", ''), "
	  "c.visit_date, c.visitor "
	  "FROM member m JOIN household h ON h.household_id = m.household_id "
	  "LEFT JOIN care_visit c ON c.id = (SELECT x.id FROM care_visit x "
	  "WHERE x.id_number = m.id_number AND x.visit_date <= :today "
	  "ORDER BY x.visit_date DESC, x.id DESC LIMIT 1) "
	  "JOIN village v ON v.id = h.village_id "
	  "LEFT JOIN village_group g ON g.id = h.group_id "
	  "WHERE m.tags <> '' AND (:kind IS NULL OR instr(';' || m.tags || ';', "
	  "';' || :kind || ';') > 0) AND (:village IS NULL OR v.name = :village) "
	  "AND (:group IS NULL OR g.name = :group) "
	  "ORDER BY v.id, g.id, m.household_id, m.birth_date, m.id_number",
	  care_columns, sizeof(care_columns) / sizeof(care_columns[0]),
	  5, 12, 8, 6, 7, "report-gen care" },
};

struct list_run {
	const struct list_view *view;
	const struct report_filter *f;
	int labels, skip;
	struct report_late_writer out;
	const char **v;
	struct buf tags;
	long rows;
};

/* Row values of st into r->v (township first), masked and in words as asked. */
static void
list_values(struct list_run *r, sqlite3_stmt *st, const char *township,
    char id[32], char phone[32], char age[16])
{
	const struct list_view *view = r->view;

	r->v[0] = township;
	for (size_t k = 0; k < view->ncolumns; k++)
		r->v[k + 1] = (const char *)sqlite3_column_text(st, (int)k);
	if (!r->f->reveal && r->v[view->id + 1] != NULL)
		r->v[view->id + 1] = mask_id_number(r->v[view->id + 1], id, 32);
	if (view->phone >= 0 && !r->f->reveal && r->v[view->phone + 1] != NULL)
		r->v[view->phone + 1] = mask_phone(r->v[view->phone + 1], phone, 32);
	if (view->birth >= 0 && r->v[view->birth + 1] != NULL) {
		int years = member_age_on(r->v[view->birth + 1], r->f->today);

		snprintf(age, 16, "%d", years);
		r->v[view->birth + 1] = years >= 0 ? age : NULL;
	}
	if (view->sex >= 0 && r->labels && r->v[view->sex + 1] != NULL)
		r->v[view->sex + 1] = strcmp(r->v[view->sex + 1], "female") == 0 ?
		    _("female") : _("male");
	if (view->tags >= 0 && r->labels && r->v[view->tags + 1] != NULL)
		r->v[view->tags + 1] = vocab_labels("member_tag",
		    r->v[view->tags + 1], &r->tags);
}

/* A report_store_fn: the store's people of the list. */
static int
list_store(void *context, struct store *s, const char *township,
    struct error *err)
{
	struct list_run *r = context;
	sqlite3_stmt *st;
	char id[32], phone[32], age[16];
	int rc, stopped = 0;

	/* a reveal is logged before anything is shown */
	if (r->f->reveal && report_audit_reveal(s, "member", "id_number,phone",
	    r->view->what, err) != 0)
		return -1;
	if (report_late_open(&r->out, err) != 0 ||
	    (st = store_prepare(s, r->view->sql, err)) == NULL)
		return -1;
	report_bind_named(st, ":village", r->f->village);
	report_bind_named(st, ":group", r->f->group);
	report_bind_named(st, ":kind", r->f->kind);
	report_bind_named(st, ":today", r->f->today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		list_values(r, st, township, id, phone, age);
		if (writer_row(r->out.w, r->v + r->skip, err) != 0) {
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

static long
list_people(struct report_source *src, const struct list_view *view,
    const struct report_filter *f, int labels, enum output_format format,
    unsigned flags, FILE *fp, struct error *err)
{
	int county = src->n > 1;
	struct list_run r = { view, f, labels, county ? 0 : 1,
	    { fp, format, flags, NULL, view->ncolumns + 1 - (county ? 0 : 1),
	    NULL }, NULL, { 0 }, 0 };
	struct column *cols = report_with_township(view->columns, view->ncolumns);
	int rc = -1;

	r.v = calloc(view->ncolumns + 1, sizeof(char *));
	if (cols == NULL || r.v == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	r.out.columns = cols + r.skip;
	if (report_each_store(src, list_store, &r, err) != 0)
		goto out;
	if ((rc = report_late_open(&r.out, err)) == 0) {
		rc = writer_close(r.out.w, err);
		r.out.w = NULL;
	}
out:
	writer_close(r.out.w, NULL);
	buf_free(&r.tags);
	free(cols);
	free(r.v);
	if (rc == 0)
		return r.rows;
	/* the reader closing the pipe is the end of output, not a failure */
	return err->status == EXIT_OK && err->text[0] == '\0' ? r.rows : -1;
}

long
report_assistance(struct report_source *src, enum report_assistance_view view,
    const struct report_filter *f, int labels, enum output_format format,
    unsigned flags, FILE *fp, struct error *err)
{
	if (view == REPORT_ASSISTANCE)
		return assist_villages(src, f, labels, format, flags, fp, err);
	return list_people(src, &lists[view], f, labels, format, flags, fp, err);
}
