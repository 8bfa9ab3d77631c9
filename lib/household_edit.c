/* household_edit.c -- a household renumbered, merged into the one it repeats, removed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "household_edit.h"
#include "issue.h"

/*
 * The tables whose rows belong to a household: the column that says
 * which, and whether it holds the household's number (else its row id);
 * the name its audit rows go by, as the kind's own commands write them,
 * and the key of a record there (an SQL expression of its row, ?2 the
 * household's number).
 */
static const struct referrer {
	const char *table, *column;
	int by_number;
	const char *entity, *key;
	const char *one, *many;
} referrers[] = {
	{ "visit", "household_id", 1, "visit", "id", N_("%ld visit"),
	    N_("%ld visits") },
	{ "issue", "household_ref", 0, "issue", "id", N_("%ld issue"),
	    N_("%ld issues") },
	{ "member", "household_id", 1, "member", "id_number", N_("%ld member"),
	    N_("%ld members") },
	{ "survey_response", "household_id", 1, "survey_response", "id",
	    N_("%ld survey response"), N_("%ld survey responses") },
	{ "assignment", "household_id", 1, "assignment", "id",
	    N_("%ld assignment"), N_("%ld assignments") },
	{ "honour", "household_id", 1, "honour", "kind || ':' || title || ':' || "
	    "level || ':' || year || ':' || coalesce(id_number, ?2)",
	    N_("%ld selection"), N_("%ld selections") },
	{ "board_entry", "household_id", 1, "board", "board || ':' || ?2 || ':' "
	    "|| period_from", N_("%ld board entry"), N_("%ld board entries") },
	{ "rule_step", "household_id", 1, "rule", "rule_id",
	    N_("%ld village-rules step"), N_("%ld village-rules steps") },
	{ "monitor_case", "household_id", 1, "case", "id",
	    N_("%ld monitoring case"), N_("%ld monitoring cases") },
};
_Static_assert(sizeof(referrers) / sizeof(referrers[0]) == HOUSEHOLD_REFERRERS,
    "a count of each kind of record of a household");

/* The referrer of table. */
static const struct referrer *
referrer_of(const char *table)
{
	for (size_t i = 0; i < HOUSEHOLD_REFERRERS; i++)
		if (strcmp(referrers[i].table, table) == 0)
			return &referrers[i];
	return NULL;
}

/*
 * Prepare sql with its ?2, when it has one, bound to household number:
 * the statement, or NULL with err set.
 */
static sqlite3_stmt *
prepare_keyed(struct store *s, const char *sql, const char *number,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);

	if (st != NULL && sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_text(st, 2, number, -1, SQLITE_STATIC);
	return st;
}

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
	char sql[512];

	for (size_t i = 0; i < HOUSEHOLD_REFERRERS; i++) {
		const struct referrer *r = &referrers[i];
		sqlite3_stmt *st;
		int rc;

		snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE %s = ?1 "
		    "ORDER BY id", r->key, r->table, r->column);
		if ((st = prepare_keyed(s, sql, to, err)) == NULL)
			return -1;
		bind_household(st, r, from, from_row);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (audit_add(s, r->entity,
			    (const char *)sqlite3_column_text(st, 0), "household_id",
			    from, to, err) != 0 || audit_add(s, r->entity,
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

/*
 * What two households cannot both have when one is merged into the
 * other (?1 the merged household's number, ?2 the kept one's): each
 * query's first row gives the last two words of its message, after the
 * two numbers.
 */
static const struct clash {
	const char *sql, *message;
} clashes[] = {
	{ "SELECT a.visit_date, a.visitor FROM visit a JOIN visit b ON "
	    "b.household_id = ?2 AND b.visit_date = a.visit_date AND "
	    "b.visitor = a.visitor WHERE a.household_id = ?1 ORDER BY a.id",
	    N_("households %s and %s both have the visit of %s by %s: the same "
	    "visit twice") },
	{ "SELECT a.id, b.id FROM monitor_case a JOIN monitor_case b ON "
	    "b.household_id = ?2 AND b.state = 'open' WHERE a.household_id = ?1 "
	    "AND a.state = 'open' ORDER BY a.id",
	    N_("households %s and %s both have an open monitoring case (cases "
	    "%s and %s): a household has one open case at a time; decide one "
	    "first") },
	{ "SELECT a.id, b.id FROM monitor_case a JOIN monitor_case b ON "
	    "b.household_id = ?2 AND b.case_type = a.case_type AND "
	    "b.clue_on = a.clue_on WHERE a.household_id = ?1 ORDER BY a.id",
	    N_("households %s and %s both have a monitoring case of one type "
	    "from a clue of one day (cases %s and %s): the same case twice") },
	{ "SELECT a.issue_id, b.issue_id FROM misconduct a JOIN misconduct b ON "
	    "b.party = ?2 AND b.kind = a.kind AND b.referred_on = a.referred_on "
	    "WHERE a.party = ?1 ORDER BY a.issue_id",
	    N_("households %s and %s are each the first party of a misconduct "
	    "matter of one kind referred the same day (issues %s and %s): the "
	    "same matter twice") },
};

/* A record of clashes[] both households have: refused, named (EXIT_DATAERR). */
static int
both_have(struct store *s, const char *from, const char *to, struct error *err)
{
	for (size_t i = 0; i < sizeof(clashes) / sizeof(clashes[0]); i++) {
		sqlite3_stmt *st = store_prepare(s, clashes[i].sql, err);
		int rc, status = 0;

		if (st == NULL)
			return -1;
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			status = error_set(err, EXIT_DATAERR, _(clashes[i].message),
			    from, to, (const char *)sqlite3_column_text(st, 0),
			    (const char *)sqlite3_column_text(st, 1));
		else if (rc != SQLITE_DONE)
			status = store_error(s, rc, err);
		sqlite3_finalize(st);
		if (status != 0)
			return status;
	}
	return 0;
}

/* The misconduct matters whose parties name household ?1. */
#define PARTY_OF_SQL "instr(';' || parties || ';', ';' || ?1 || ';') > 0"

/*
 * The parties, once each, of a matter naming ?1 when ?1 is known as ?2
 * (a household renumbered, or merged into ?2).
 */
#define PARTIES_RENAMED_SQL "trim(replace(';' || parties || ';', " \
	"';' || ?1 || ';', CASE WHEN instr(';' || parties || ';', " \
	"';' || ?2 || ';') > 0 THEN ';' ELSE ';' || ?2 || ';' END), ';')"

/*
 * The misconduct matters naming household from among their parties
 * name to instead, once (the first party too): each audited under its
 * issue, as misconduct-step audits it (field parties, from the old list
 * to the new), with the reason.  0, or -1 with err set.
 */
static int
parties_renamed(struct store *s, const char *from, const char *to,
    const char *reason, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT issue_id, parties, "
	    PARTIES_RENAMED_SQL " FROM misconduct WHERE " PARTY_OF_SQL
	    " ORDER BY issue_id", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);

		if (audit_add(s, "issue", id, "parties",
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2), err) != 0 ||
		    audit_add(s, "issue", id, "reason", NULL, reason, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if ((st = store_prepare(s, "UPDATE misconduct SET party = CASE party "
	    "WHEN ?1 THEN ?2 ELSE party END, parties = " PARTIES_RENAMED_SQL
	    ", updated_at = ?3 WHERE " PARTY_OF_SQL, err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* A misconduct matter naming household number among its parties: refused, named (EXIT_DATAERR). */
static int
party_of_matter(struct store *s, const char *number, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT issue_id FROM misconduct "
	    "WHERE " PARTY_OF_SQL " ORDER BY issue_id", err);
	int rc, status = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		status = error_set(err, EXIT_DATAERR, _("household %s is a party of "
		    "the misconduct matter of issue %lld; merge it into the "
		    "household it repeats instead"), number,
		    (long long)sqlite3_column_int64(st, 0));
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
 * entry by board and period, a selection by honour, level, year and
 * person (its village is the kept household's), a village-rules step by its rule set and step
 * (a delivery once a household, another step once a day).
 */
static const struct {
	const char *table, *match;
} twins[] = {
	{ "board_entry", "b.board = a.board AND b.period_from = a.period_from" },
	{ "honour", "b.kind = a.kind AND b.title = a.title AND b.level = a.level "
	    "AND b.year = a.year AND "
	    "coalesce(b.id_number, '') = coalesce(a.id_number, '')" },
	{ "rule_step", "b.rule_id = a.rule_id AND b.step = a.step AND "
	    "(a.step = 'deliver' OR b.done_on = a.done_on)" },
};

/* The key of record id of referrer r, household number's, into out: 0, or -1 with err set. */
static int
record_key(struct store *s, const struct referrer *r, const char *id,
    const char *number, char *out, size_t size, struct error *err)
{
	char sql[512];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE id = ?1", r->key,
	    r->table);
	if ((st = prepare_keyed(s, sql, number, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, strtoll(id, NULL, 10));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_error(s, rc == SQLITE_DONE ?
	    SQLITE_NOTFOUND : rc, err);
}

/*
 * The records household from has and household to has too (twins[]):
 * to's stands, from's is removed, audited under its own key as merged
 * into to's, with the reason (a board entry of from's selection then
 * points to to's).  0, or -1 with err set.
 */
static int
merge_twins(struct store *s, const char *from, const char *to,
    const char *reason, struct error *err)
{
	char sql[512], key[512];

	for (size_t i = 0; i < sizeof(twins) / sizeof(twins[0]); i++) {
		const struct referrer *r = referrer_of(twins[i].table);
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

			snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?1",
			    twins[i].table);
			if (record_key(s, r, gone, from, key, sizeof(key), err) != 0 ||
			    audit_add(s, r->entity, key, "merged_into", from, to,
			    err) != 0 || audit_add(s, r->entity, key, "reason", NULL,
			    reason, err) != 0 || (strcmp(twins[i].table, "honour") == 0 &&
			    run_ids(s, "UPDATE board_entry SET honour_id = ?2, "
			    "updated_at = ?3 WHERE honour_id = ?1", gone, kept,
			    err) != 0) || run_ids(s, sql, gone, NULL, err) != 0) {
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
 * The selections and board entries of household number are in its
 * village: each one in another moves there, audited under its key
 * (field village, from the old name to the new) with the reason.  0, or
 * -1 with err set.
 */
static int
records_placed(struct store *s, const char *number, const char *reason,
    struct error *err)
{
	static const char *const tables[] = { "honour", "board_entry" };
	char sql[768];

	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const struct referrer *r = referrer_of(tables[i]);
		sqlite3_stmt *st;
		int rc;

		snprintf(sql, sizeof(sql), "SELECT %s, (SELECT name FROM village "
		    "WHERE id = %s.village_id), (SELECT v.name FROM household h "
		    "JOIN village v ON v.id = h.village_id WHERE h.household_id = ?2) "
		    "FROM %s WHERE household_id = ?2 AND village_id <> (SELECT "
		    "village_id FROM household WHERE household_id = ?2) ORDER BY id",
		    r->key, r->table, r->table);
		if ((st = prepare_keyed(s, sql, number, err)) == NULL)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *key = (const char *)sqlite3_column_text(st, 0);

			if (audit_add(s, r->entity, key, "village",
			    (const char *)sqlite3_column_text(st, 1),
			    (const char *)sqlite3_column_text(st, 2), err) != 0 ||
			    audit_add(s, r->entity, key, "reason", NULL, reason,
			    err) != 0) {
				sqlite3_finalize(st);
				return -1;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		snprintf(sql, sizeof(sql), "UPDATE %s SET village_id = (SELECT "
		    "village_id FROM household WHERE household_id = ?2), "
		    "updated_at = ?3 WHERE household_id = ?2 AND village_id <> "
		    "(SELECT village_id FROM household WHERE household_id = ?2)",
		    r->table);
		if ((st = prepare_keyed(s, sql, number, err)) == NULL)
			return -1;
		sqlite3_bind_text(st, 3, s->now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
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
		if (move_records(s, e->id, row, e->to, row, e->reason, err) != 0 ||
		    parties_renamed(s, e->id, e->to, e->reason, err) != 0)
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
		if (both_have(s, e->id, e->to, err) != 0 ||
		    merge_twins(s, e->id, e->to, e->reason, err) != 0 ||
		    assignment_twins_merge(s, ASSIGNMENT_TWINS_SQL
		    "t.household_id = (SELECT household_id FROM household WHERE "
		    "id = ?2) WHERE f.household_id = (SELECT household_id FROM "
		    "household WHERE id = ?1) ORDER BY f.id LIMIT 1", row, to,
		    e->reason, err) != 0 ||
		    move_records(s, e->id, row, e->to, to, e->reason, err) != 0 ||
		    parties_renamed(s, e->id, e->to, e->reason, err) != 0 ||
		    issues_placed(s, to, err) != 0 ||
		    records_placed(s, e->to, e->reason, err) != 0 ||
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
		if (party_of_matter(s, e->id, err) != 0 ||
		    merged_alias(s, e->id, row, 0, err) != 0 ||
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
