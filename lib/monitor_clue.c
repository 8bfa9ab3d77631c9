/* monitor_clue.c -- visits that call for a monitoring case, as the clues case-open reads */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "monitor_case.h"

const struct column case_clue_columns[CASE_CLUE_NCOLUMNS] = {
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "case_type", N_("type"), COLUMN_TEXT },
	{ "clue", N_("clue"), COLUMN_TEXT },
	{ "clue_on", N_("clue on"), COLUMN_TEXT },
	{ "recorder", N_("recorder"), COLUMN_TEXT },
	{ "detail", N_("detail"), COLUMN_TEXT },
};

/*
 * The earliest visit of each household that calls for a case and has
 * none (a condition on v, the visit, is appended, then the grouping):
 * household, date, visitor, risk level, monitoring suggested.
 */
#define CLUE_SELECT "SELECT v.household_id, min(v.visit_date), v.visitor, " \
	"v.risk_level, v.monitor_suggested FROM visit v WHERE " \
	"(v.monitor_suggested = 1 OR v.risk_level = 'medium' OR " \
	"v.risk_level = 'high') AND NOT " CASE_FOLLOWED_SQL("v.") " AND "
#define CLUE_GROUP " GROUP BY v.household_id ORDER BY 2, 1"

/* Write the clues st steps to, to w: their number, or -1 with err set. */
static long
write_clues(struct store *s, sqlite3_stmt *st, struct writer *w,
    struct error *err)
{
	long n = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *risk = (const char *)sqlite3_column_text(st, 3);
		struct buf detail = { 0 };
		const char *value[CASE_CLUE_NCOLUMNS];

		/* the words of the ledger, Chinese whatever the locale: data */
		buf_puts(&detail, "走访发现：");
		if (risk != NULL && strcmp(risk, "high") == 0)
			buf_puts(&detail, "有返贫风险（高）");
		else if (risk != NULL && strcmp(risk, "medium") == 0)
			buf_puts(&detail, "有返贫风险（中）");
		if (sqlite3_column_int(st, 4) == 1)
			buf_puts(&detail, risk != NULL && (strcmp(risk, "high") == 0 ||
			    strcmp(risk, "medium") == 0) ? "；建议纳入监测" :
			    "建议纳入监测");
		value[0] = (const char *)sqlite3_column_text(st, 0);
		value[1] = "inclusion";
		value[2] = "visit";
		value[3] = (const char *)sqlite3_column_text(st, 1);
		value[4] = (const char *)sqlite3_column_text(st, 2);
		value[5] = detail.data;
		rc = detail.data == NULL ? error_set(err, EXIT_SOFTWARE, "%s",
		    _("out of memory")) : writer_row(w, value, err);
		buf_free(&detail);
		if (rc != 0)
			return -1;
		n++;
	}
	return rc == SQLITE_DONE ? n : store_error(s, rc, err);
}

long
case_clues_since(struct store *s, const char *since, struct writer *w,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, CLUE_SELECT "v.visit_date >= ?"
	    CLUE_GROUP, err);
	long n;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	n = write_clues(s, st, w, err);
	sqlite3_finalize(st);
	return n;
}

int
case_clues_write(struct store *s, const long long *ids, size_t nids,
    struct writer *w, struct error *err)
{
	sqlite3_stmt *st = NULL, *add = NULL;
	long n = -1;

	/* the visits, in a table of the connection's own */
	if (store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS case_clue_visit "
	    "(id INTEGER PRIMARY KEY); DELETE FROM temp.case_clue_visit", err) != 0)
		return -1;
	if ((add = store_prepare(s, "INSERT OR IGNORE INTO temp.case_clue_visit "
	    "VALUES (?)", err)) == NULL)
		goto out;
	for (size_t i = 0; i < nids; i++) {
		int rc;

		sqlite3_bind_int64(add, 1, ids[i]);
		rc = sqlite3_step(add);
		sqlite3_reset(add);
		if (rc != SQLITE_DONE) {
			store_error(s, rc, err);
			goto out;
		}
	}
	if ((st = store_prepare(s, CLUE_SELECT "v.id IN (SELECT id FROM "
	    "temp.case_clue_visit)" CLUE_GROUP, err)) != NULL)
		n = write_clues(s, st, w, err);
out:
	sqlite3_finalize(add);
	sqlite3_finalize(st);
	if (store_exec(s, "DELETE FROM temp.case_clue_visit", err) != 0)
		n = -1;
	return n < 0 ? -1 : 0;
}
