/* coverage.c -- who a visit-coverage milestone covers: one definition for every command */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "coverage.h"
#include "text.h"
#include "vocab.h"

const struct column coverage_columns[COVERAGE_NCOLUMNS] = {
	{ "milestone", N_("milestone"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "due", N_("due"), COLUMN_INTEGER },
	{ "visited", N_("visited"), COLUMN_INTEGER },
	{ "missing", N_("missing"), COLUMN_INTEGER },
	{ "percent", N_("percent"), COLUMN_NUMBER },
};

const struct column coverage_missing_columns[COVERAGE_MISSING_NCOLUMNS] = {
	{ "milestone", N_("milestone"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "head_name", N_("head"), COLUMN_TEXT },
	{ "categories", N_("categories"), COLUMN_TEXT },
	{ "last_visit", N_("last visit"), COLUMN_TEXT },
};

/*
 * The two halves of the definition, shared by both queries: ?1 the
 * round, ?2 the due date, ?3 the milestone's categories.  The visits of
 * the round are read once into a temporary index: one pass over the
 * visits and one over the households, whatever their number.
 */
#define DUE "renke_due(h.categories, ?3)"
#define COVERED "h.household_id IN (SELECT household_id FROM visit " \
	"WHERE round = ?1 AND visit_date <= ?2)"

/* 1 when the ';' separated list [p, end) holds the word w[0..n). */
static int
list_has(const char *p, const char *end, const char *w, size_t n)
{
	while (p < end) {
		const char *sep = memchr(p, ';', (size_t)(end - p));
		const char *stop = sep != NULL ? sep : end;

		if ((size_t)(stop - p) == n && memcmp(p, w, n) == 0)
			return 1;
		p = stop + 1;
	}
	return 0;
}

/*
 * SQL renke_due(household categories, milestone categories): 1 when
 * the milestone names none, or the household is in one of them.  Both
 * are codes, ';' joined.  (In C: three concatenations per category and
 * household cost more than the rest of the query.)
 */
static void
sql_due(sqlite3_context *context, int argc, sqlite3_value **argv)
{
	const char *has = (const char *)sqlite3_value_text(argv[0]);
	const char *wants = (const char *)sqlite3_value_text(argv[1]);
	const char *p, *end;
	int due = 0;

	(void)argc;
	if (wants == NULL || *wants == '\0') {
		sqlite3_result_int(context, 1);
		return;
	}
	if (has == NULL) {
		sqlite3_result_int(context, 0);
		return;
	}
	end = has + strlen(has);
	for (p = wants; !due && *p != '\0';) {
		size_t n = strcspn(p, ";");

		due = n > 0 && list_has(has, end, p, n);
		p += n + (p[n] == ';');
	}
	sqlite3_result_int(context, due);
}

/* The milestones asked for: one, or every visit-coverage milestone. */
static sqlite3_stmt *
milestones(struct store *s, const char *milestone_id, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_create_function_v2(s->db, "renke_due", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, sql_due, NULL, NULL,
	    NULL) != SQLITE_OK) {
		store_error(s, sqlite3_errcode(s->db), err);
		return NULL;
	}
	if (milestone_id != NULL) {
		if ((st = store_prepare(s, "SELECT kind FROM milestone "
		    "WHERE milestone_id = ?", err)) == NULL)
			return NULL;
		sqlite3_bind_text(st, 1, milestone_id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st,
		    0), "visit_coverage") != 0) {
			error_set(err, EXIT_DATAERR, _("milestone %s is not a "
			    "visit-coverage milestone"), milestone_id);
			sqlite3_finalize(st);
			return NULL;
		}
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE) {
			error_set(err, EXIT_DATAERR, _("no milestone %s in the store; "
			    "milestone-add adds milestones"), milestone_id);
			return NULL;
		}
		if (rc != SQLITE_ROW) {
			store_error(s, rc, err);
			return NULL;
		}
	}
	st = store_prepare(s, "SELECT milestone_id, title, round, due_date, "
	    "categories FROM milestone WHERE kind = 'visit_coverage' AND "
	    "(?1 IS NULL OR milestone_id = ?1) ORDER BY due_date, milestone_id",
	    err);
	if (st != NULL)
		sqlite3_bind_text(st, 1, milestone_id, -1, SQLITE_STATIC);
	return st;
}

/* Bind the milestone at m's current row to st's ?1 .. ?3. */
static void
bind_milestone(sqlite3_stmt *st, sqlite3_stmt *m)
{
	for (int i = 1; i <= 3; i++)
		sqlite3_bind_text(st, i, (const char *)sqlite3_column_text(m, i + 1),
		    -1, SQLITE_STATIC);
}

/* The villages of the store by id: names and counters, for one milestone at a time. */
struct villages {
	long long *id;
	char **name;
	long *due, *visited;
	size_t n;
};

static void
villages_free(struct villages *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->name[i]);
	free(v->id);
	free(v->name);
	free(v->due);
	free(v->visited);
	memset(v, 0, sizeof(*v));
}

static int
villages_load(struct store *s, struct villages *v, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id, name FROM village "
	    "ORDER BY id", err);
	size_t cap = 0;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (v->n == cap) {
			size_t more = cap ? cap * 2 : 64;
			long long *id = realloc(v->id, more * sizeof(*id));
			char **name = id != NULL ? realloc(v->name, more * sizeof(*name)) :
			    NULL;

			if (id != NULL)
				v->id = id;
			if (name == NULL)
				goto nomem;
			v->name = name;
			cap = more;
		}
		v->id[v->n] = sqlite3_column_int64(st, 0);
		if ((v->name[v->n] = strdup((const char *)sqlite3_column_text(st,
		    1))) == NULL)
			goto nomem;
		v->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	v->due = calloc(v->n + 1, sizeof(long));
	v->visited = calloc(v->n + 1, sizeof(long));
	if (v->due == NULL || v->visited == NULL)
		return error_set(err, EXIT_SOFTWARE, _("out of memory"));
	return 0;
nomem:
	sqlite3_finalize(st);
	return error_set(err, EXIT_SOFTWARE, _("out of memory"));
}

/* Index of village id in v (ids ascend), or v->n. */
static size_t
village_at(const struct villages *v, long long id)
{
	size_t lo = 0, hi = v->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < v->n && v->id[lo] == id ? lo : v->n;
}

long
coverage_by_village(struct store *s, const char *milestone_id,
    coverage_fn *fn, void *context, struct error *err)
{
	sqlite3_stmt *m, *st = NULL;
	struct villages v = { 0 };
	long rows = 0;
	int rc;

	if ((m = milestones(s, milestone_id, err)) == NULL)
		return -1;
	if (villages_load(s, &v, err) != 0)
		goto fail;
	/* counted here rather than by GROUP BY, which sorts every household */
	st = store_prepare(s, "SELECT h.village_id, " COVERED " FROM household h "
	    "WHERE " DUE, err);
	if (st == NULL)
		goto fail;
	while ((rc = sqlite3_step(m)) == SQLITE_ROW) {
		struct coverage row;

		bind_milestone(st, m);
		memset(v.due, 0, v.n * sizeof(long));
		memset(v.visited, 0, v.n * sizeof(long));
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			size_t i = village_at(&v, sqlite3_column_int64(st, 0));

			v.due[i]++;
			v.visited[i] += sqlite3_column_int(st, 1);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			store_error(s, rc, err);
			goto fail;
		}
		row.milestone_id = (const char *)sqlite3_column_text(m, 0);
		row.title = (const char *)sqlite3_column_text(m, 1);
		row.round = (const char *)sqlite3_column_text(m, 2);
		row.due_date = (const char *)sqlite3_column_text(m, 3);
		for (size_t i = 0; i < v.n; i++) {
			if (v.due[i] == 0)
				continue;
			row.village = v.name[i];
			row.due = v.due[i];
			row.visited = v.visited[i];
			row.missing = row.due - row.visited;
			row.percent = row.visited * 100.0 / row.due;
			if (fn(context, &row, err) != 0)
				goto fail;
			rows++;
		}
	}
	if (rc != SQLITE_DONE) {
		store_error(s, rc, err);
		goto fail;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(m);
	villages_free(&v);
	return rows;
fail:
	sqlite3_finalize(st);
	sqlite3_finalize(m);
	villages_free(&v);
	return -1;
}

long
coverage_missing(struct store *s, const char *milestone_id,
    coverage_household_fn *fn, void *context, struct error *err)
{
	sqlite3_stmt *m, *st = NULL;
	long rows = 0;
	int rc;

	if ((m = milestones(s, milestone_id, err)) == NULL)
		return -1;
	st = store_prepare(s, "SELECT vl.name, g.name, h.household_id, "
	    "h.head_name, h.categories, (SELECT max(x.visit_date) FROM visit x "
	    "WHERE x.household_id = h.household_id AND x.round = ?1) "
	    "FROM household h JOIN village vl ON vl.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id "
	    "WHERE " DUE " AND NOT " COVERED " "
	    "ORDER BY h.village_id, h.group_id, h.household_id", err);
	if (st == NULL)
		goto fail;
	while ((rc = sqlite3_step(m)) == SQLITE_ROW) {
		struct coverage_household row;

		bind_milestone(st, m);
		row.milestone_id = (const char *)sqlite3_column_text(m, 0);
		row.due_date = (const char *)sqlite3_column_text(m, 3);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			row.village = (const char *)sqlite3_column_text(st, 0);
			row.village_group = (const char *)sqlite3_column_text(st, 1);
			row.household_id = (const char *)sqlite3_column_text(st, 2);
			row.head_name = (const char *)sqlite3_column_text(st, 3);
			row.categories = (const char *)sqlite3_column_text(st, 4);
			row.last_visit = (const char *)sqlite3_column_text(st, 5);
			if (fn(context, &row, err) != 0) {
				sqlite3_reset(st);
				goto fail;
			}
			rows++;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			store_error(s, rc, err);
			goto fail;
		}
	}
	if (rc != SQLITE_DONE) {
		store_error(s, rc, err);
		goto fail;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(m);
	return rows;
fail:
	sqlite3_finalize(st);
	sqlite3_finalize(m);
	return -1;
}

static int
write_village(void *context, const struct coverage *row, struct error *err)
{
	char due[24], visited[24], missing[24], percent[24];
	const char *v[COVERAGE_NCOLUMNS];

	snprintf(due, sizeof(due), "%ld", row->due);
	snprintf(visited, sizeof(visited), "%ld", row->visited);
	snprintf(missing, sizeof(missing), "%ld", row->missing);
	snprintf(percent, sizeof(percent), "%.1f", row->percent);
	v[0] = row->milestone_id;
	v[1] = row->village;
	v[2] = due;
	v[3] = visited;
	v[4] = missing;
	v[5] = percent;
	return writer_row(context, v, err);
}

long
coverage_write(struct store *s, const char *milestone_id, struct writer *w,
    struct error *err)
{
	return coverage_by_village(s, milestone_id, write_village, w, err);
}

struct missing_writer {
	struct writer *w;
	int labels;
};

static int
write_household(void *context, const struct coverage_household *row,
    struct error *err)
{
	struct missing_writer *mw = context;
	const char *v[COVERAGE_MISSING_NCOLUMNS];
	struct buf joined = { 0 };
	int rc;

	v[0] = row->milestone_id;
	v[1] = row->village;
	v[2] = row->village_group;
	v[3] = row->household_id;
	v[4] = row->head_name;
	v[5] = row->categories;
	v[6] = row->last_visit;
	if (mw->labels && row->categories != NULL) {
		const char *p = row->categories;
		char code[64];

		while (*p != '\0') {
			size_t n = strcspn(p, ";");

			if (n > 0 && n < sizeof(code)) {
				memcpy(code, p, n);
				code[n] = '\0';
				if (joined.len > 0)
					buf_puts(&joined, locale_is_chinese() ? "、" : ";");
				buf_puts(&joined, vocab_label("category", code));
			}
			p += n + (p[n] == ';');
		}
		v[5] = joined.data != NULL ? joined.data : "";
	}
	rc = writer_row(mw->w, v, err);
	buf_free(&joined);
	return rc;
}

long
coverage_write_missing(struct store *s, const char *milestone_id, int labels,
    struct writer *w, struct error *err)
{
	struct missing_writer mw = { w, labels };

	return coverage_missing(s, milestone_id, write_household, &mw, err);
}
