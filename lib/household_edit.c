/* household_edit.c -- a household renumbered, merged into the one it repeats, removed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "household_edit.h"
#include "issue.h"

/*
 * The tables whose rows belong to a household: the column that says
 * which, and whether it holds the household's number (else its row id).
 */
static const struct referrer {
	const char *table, *column;
	int by_number;
	const char *one, *many;
} referrers[] = {
	{ "visit", "household_id", 1, N_("%ld visit"), N_("%ld visits") },
	{ "issue", "household_ref", 0, N_("%ld issue"), N_("%ld issues") },
	{ "member", "household_id", 1, N_("%ld member"), N_("%ld members") },
	{ "survey_response", "household_id", 1, N_("%ld survey response"),
	    N_("%ld survey responses") },
	{ "assignment", "household_id", 1, N_("%ld assignment"),
	    N_("%ld assignments") },
	{ "honour", "household_id", 1, N_("%ld selection"),
	    N_("%ld selections") },
	{ "board_entry", "household_id", 1, N_("%ld board entry"),
	    N_("%ld board entries") },
	{ "rule_step", "household_id", 1, N_("%ld village-rules step"),
	    N_("%ld village-rules steps") },
};
_Static_assert(sizeof(referrers) / sizeof(referrers[0]) == HOUSEHOLD_REFERRERS,
    "a count of each kind of record of a household");

/* The household's values kept in the audit log when it goes. */
static const char *const kept_columns[] = {
	"head_name", "id_number", "phone", "village", "village_group",
	"categories", "members", "monitor_type", "risk_status",
};

/* The row id of household number id: 0 with err set (EXIT_DATAERR) when there is none. */
static long long
find(struct store *s, const char *id, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM household "
	    "WHERE household_id = ?", err);
	long long row;

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((row = store_step_id(s, st, err)) == 0)
		error_set(err, EXIT_DATAERR, _("no household %s"), id);
	return row > 0 ? row : 0;
}

/* Bind the household to st's ?1: its number or its row id, as r keys it. */
static void
bind_household(sqlite3_stmt *st, const struct referrer *r, const char *number,
    long long row)
{
	if (r->by_number)
		sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, row);
}

/* How many rows of each referrer belong to the household. */
static int
count_records(struct store *s, const char *number, long long row,
    struct household_records *out, struct error *err)
{
	char sql[256];

	for (size_t i = 0; i < HOUSEHOLD_REFERRERS; i++) {
		const struct referrer *r = &referrers[i];
		sqlite3_stmt *st;
		long long n;

		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE %s = ?1",
		    r->table, r->column);
		if ((st = store_prepare(s, sql, err)) == NULL)
			return -1;
		bind_household(st, r, number, row);
		if ((n = store_step_id(s, st, err)) < 0)
			return -1;
		out->records[i] = (struct reference_count){ (long)n, r->one, r->many };
	}
	return 0;
}

/*
 * Every record of household from goes to household to (number and row
 * id), each audited: field household_id, from old to new number, and
 * the reason.
 */
static int
move_records(struct store *s, const char *from, long long from_row,
    const char *to, long long to_row, const char *reason, struct error *err)
{
	char sql[256];

	for (size_t i = 0; i < HOUSEHOLD_REFERRERS; i++) {
		const struct referrer *r = &referrers[i];
		sqlite3_stmt *st;
		int rc;

		snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE %s = ?1 "
		    "ORDER BY id", r->table, r->column);
		if ((st = store_prepare(s, sql, err)) == NULL)
			return -1;
		bind_household(st, r, from, from_row);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (audit_add(s, r->table,
			    (const char *)sqlite3_column_text(st, 0), "household_id",
			    from, to, err) != 0 || audit_add(s, r->table,
			    (const char *)sqlite3_column_text(st, 0), "reason", NULL,
			    reason, err) != 0) {
				sqlite3_finalize(st);
				return -1;
			}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ?2 WHERE %s = ?1",
		    r->table, r->column, r->column);
		if ((st = store_prepare(s, sql, err)) == NULL)
			return -1;
		bind_household(st, r, from, from_row);
		if (r->by_number)
			sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(st, 2, to_row);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	return 0;
}

/* The issues and assignments of household row are in its village (and group). */
static int
issues_placed(struct store *s, long long row, struct error *err)
{
	static const char *const sql[] = {
		"UPDATE issue SET "
		"village_id = (SELECT village_id FROM household WHERE id = ?1), "
		"group_id = (SELECT group_id FROM household WHERE id = ?1), "
		"updated_at = ?2 WHERE household_ref = ?1",
		"UPDATE assignment SET "
		"village_id = (SELECT village_id FROM household WHERE id = ?1), "
		"updated_at = ?2 WHERE household_id = "
		"(SELECT household_id FROM household WHERE id = ?1)",
	};

	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *st = store_prepare(s, sql[i], err);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, row);
		sqlite3_bind_text(st, 2, s->now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	return 0;
}

/* A visit both households have (same day, same visitor): refused, named. */
static int
same_visit(struct store *s, const char *from, const char *to, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT a.visit_date, a.visitor "
	    "FROM visit a JOIN visit b ON b.household_id = ?2 "
	    "AND b.visit_date = a.visit_date AND b.visitor = a.visitor "
	    "WHERE a.household_id = ?1 ORDER BY a.id LIMIT 1", err);
	int rc, status = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		status = error_set(err, EXIT_DATAERR, _("households %s and %s both "
		    "have the visit of %s by %s: the same visit twice"), from, to,
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
	else if (rc != SQLITE_DONE)
		status = store_error(s, rc, err);
	sqlite3_finalize(st);
	return status;
}

/* Run sql with ?1 and ?2 the ids a and b (NULL: unbound), ?3 now: 0, or -1 with err set. */
static int
run_ids(struct store *s, const char *sql, const char *a, const char *b,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	int rc;

	if (st == NULL)
		return -1;
	if (a != NULL)
		sqlite3_bind_int64(st, 1, strtoll(a, NULL, 10));
	if (b != NULL)
		sqlite3_bind_int64(st, 2, strtoll(b, NULL, 10));
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The records a household keeps once of a kind, by what makes two of
 * them one (a, the merged household's row; b, the kept one's): a board
 * entry by board and period, a selection by honour, level, year,
 * village and person, a village-rules step by its rule set and step
 * (a delivery once a household, another step once a day).
 */
static const struct {
	const char *table, *match;
} twins[] = {
	{ "board_entry", "b.board = a.board AND b.period_from = a.period_from" },
	{ "honour", "b.kind = a.kind AND b.title = a.title AND b.level = a.level "
	    "AND b.year = a.year AND b.village_id = a.village_id AND "
	    "coalesce(b.id_number, '') = coalesce(a.id_number, '')" },
	{ "rule_step", "b.rule_id = a.rule_id AND b.step = a.step AND "
	    "(a.step = 'deliver' OR b.done_on = a.done_on)" },
};

/*
 * The records household from has and household to has too (twins[]):
 * to's stands, from's is removed, audited as merged into it (a board
 * entry of from's selection then points to to's).  0, or -1 with err
 * set.
 */
static int
merge_twins(struct store *s, const char *from, const char *to,
    struct error *err)
{
	char sql[512];

	for (size_t i = 0; i < sizeof(twins) / sizeof(twins[0]); i++) {
		sqlite3_stmt *st;
		int rc;

		snprintf(sql, sizeof(sql), "SELECT a.id, b.id FROM %s a JOIN %s b "
		    "ON b.household_id = ?2 AND %s WHERE a.household_id = ?1 "
		    "ORDER BY a.id", twins[i].table, twins[i].table, twins[i].match);
		if ((st = store_prepare(s, sql, err)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *gone = (const char *)sqlite3_column_text(st, 0);
			const char *kept = (const char *)sqlite3_column_text(st, 1);

			if (audit_add(s, twins[i].table, gone, "merged_into", gone, kept,
			    err) != 0 || (strcmp(twins[i].table, "honour") == 0 &&
			    run_ids(s, "UPDATE board_entry SET honour_id = ?2, "
			    "updated_at = ?3 WHERE honour_id = ?1", gone, kept,
			    err) != 0)) {
				sqlite3_finalize(st);
				return -1;
			}
			snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?1",
			    twins[i].table);
			if (run_ids(s, sql, gone, NULL, err) != 0) {
				sqlite3_finalize(st);
				return -1;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	return 0;
}

/*
 * Household number (row), merged into row to, still finds it
 * (merged_household), and so do the numbers merged into it before; to
 * 0: it is removed, and they with it.  0, or -1 with err set.
 */
static int
merged_alias(struct store *s, const char *number, long long row, long long to,
    struct error *err)
{
	static const char *const sql[] = {
		"INSERT INTO merged_household (household_id, household_ref) "
		"VALUES (?3, ?2) ON CONFLICT DO UPDATE SET household_ref = ?2",
		"UPDATE merged_household SET household_ref = ?2 WHERE household_ref = ?1",
		"DELETE FROM merged_household WHERE household_ref = ?1",
	};

	for (size_t i = to > 0 ? 0 : 2; i < (to > 0 ? 2u : 3u); i++) {
		sqlite3_stmt *st = store_prepare(s, sql[i], err);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, row);
		sqlite3_bind_int64(st, 2, to);
		sqlite3_bind_text(st, 3, number, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	return 0;
}

/* Remove household row, its values kept in the audit log as it goes. */
static int
remove_household(struct store *s, const char *number, long long row,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT h.head_name, h.id_number, "
	    "h.phone, v.name, g.name, h.categories, h.members, h.monitor_type, "
	    "h.risk_status FROM household h JOIN village v ON v.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id WHERE h.id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, row);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_error(s, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, err);
	}
	for (int k = 0; k < (int)(sizeof(kept_columns) / sizeof(kept_columns[0])); k++) {
		const char *old = (const char *)sqlite3_column_text(st, k);

		if (old != NULL && old[0] != '\0' && audit_add(s, "household",
		    number, kept_columns[k], old, NULL, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if ((st = store_prepare(s, "DELETE FROM household WHERE id = ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, row);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* The change itself, inside the transaction: what e says, audited. */
static int
edit(struct store *s, const struct household_edit *e,
    struct household_records *records, struct error *err)
{
	long long row = find(s, e->id, err), to = 0;
	char described[512];

	if (row == 0 || count_records(s, e->id, row, records, err) != 0)
		return -1;
	switch (e->action) {
	case HOUSEHOLD_RENUMBER:
		if (find(s, e->to, err) != 0)
			return error_set(err, EXIT_DATAERR, _("household %s exists "
			    "already; merge joins two households"), e->to);
		if (err->status != EXIT_DATAERR)
			return -1;
		if (move_records(s, e->id, row, e->to, row, e->reason, err) != 0)
			return -1;
		{
			sqlite3_stmt *st = store_prepare(s, "UPDATE household SET "
			    "household_id = ?2, updated_at = ?3 WHERE id = ?1", err);
			int rc;

			if (st == NULL)
				return -1;
			sqlite3_bind_int64(st, 1, row);
			sqlite3_bind_text(st, 2, e->to, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, s->now, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				return store_error(s, rc, err);
		}
		if (audit_add(s, "household", e->id, "household_id", e->id, e->to,
		    err) != 0)
			return -1;
		break;
	case HOUSEHOLD_MERGE:
		if ((to = find(s, e->to, err)) == 0)
			return -1;
		if (to == row)
			return error_set(err, EXIT_DATAERR, _("household %s cannot be "
			    "merged into itself"), e->id);
		if (same_visit(s, e->id, e->to, err) != 0 ||
		    merge_twins(s, e->id, e->to, err) != 0 ||
		    move_records(s, e->id, row, e->to, to, e->reason, err) != 0 ||
		    issues_placed(s, to, err) != 0 ||
		    issue_rekey(s, "household_ref", to, err) != 0 ||
		    merged_alias(s, e->id, row, to, err) != 0 ||
		    remove_household(s, e->id, row, err) != 0 ||
		    audit_add(s, "household", e->id, "merged_into", e->id, e->to,
		    err) != 0)
			return -1;
		break;
	case HOUSEHOLD_REMOVE:
		if (reference_describe(records->records, HOUSEHOLD_REFERRERS,
		    described, sizeof(described)) > 0)
			return error_set(err, EXIT_DATAERR, _("household %s has %s; "
			    "merge it into the household it repeats, or remove them, "
			    "first"), e->id, described);
		if (merged_alias(s, e->id, row, 0, err) != 0 ||
		    remove_household(s, e->id, row, err) != 0 ||
		    audit_add(s, "household", e->id, "removed", e->id, NULL,
		    err) != 0)
			return -1;
		break;
	}
	return audit_add(s, "household", e->id, "reason", NULL, e->reason, err);
}

int
household_edit(struct store *s, const struct household_edit *e,
    struct household_records *records, struct error *err)
{
	int status;

	memset(records, 0, sizeof(*records));
	if (e->reason == NULL || e->reason[0] == '\0')
		return error_set(err, EXIT_USAGE, _("a change to a household needs "
		    "its reason (--reason)"));
	if (store_begin(s, err) != 0)
		return -1;
	status = edit(s, e, records, err);
	if (status != 0 || e->dry_run) {
		store_rollback(s);
		return status;
	}
	return store_commit(s, err);
}
