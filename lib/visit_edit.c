/* visit_edit.c -- a visit's household, date or visitor corrected, or the visit removed */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "place_edit.h"
#include "visit_edit.h"

/* The fields a correction changes, by action (the column and the audit's name). */
static const char *const columns[] = {
	[VISIT_SET_HOUSEHOLD] = "household_id", [VISIT_SET_DATE] = "visit_date",
	[VISIT_SET_VISITOR] = "visitor",
};

/* "visit:household:date:visitor", what an issue opened by the visit's findings names. */
static int
source_ref(struct buf *b, const char *household, const char *date,
    const char *visitor)
{
	buf_reset(b);
	return buf_puts(b, "visit:") != 0 || buf_puts(b, household) != 0 ||
	    buf_puts(b, ":") != 0 || buf_puts(b, date) != 0 ||
	    buf_puts(b, ":") != 0 || buf_puts(b, visitor) != 0 ? -1 : 0;
}

/* The id of the visit of household on date by visitor: 0 when none, -1 with err set. */
static long long
find(struct store *s, const char *household, const char *date,
    const char *visitor, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM visit WHERE "
	    "household_id = ? AND visit_date = ? AND visitor = ?", err);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, household, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, visitor, -1, SQLITE_STATIC);
	return store_step_id(s, st, err);
}

/*
 * Issue id of the visit whose source_ref was from: its source_ref and
 * the natural key made of it become to; when household is given, the
 * issue moves to that household (its place too).  Each change audited.
 * 0, or -1 with err set.
 */
static int
follow_one(struct store *s, long long id, const char *old_household,
    const char *from, const char *to, const char *household, struct error *err)
{
	char key[32];

	snprintf(key, sizeof(key), "%lld", id);
	if (audit_add(s, "issue", key, "source_ref", from, to, err) != 0 ||
	    store_run_id(s, "UPDATE issue SET natural_key = 'ref' || char(31) || source "
	    "|| char(31) || ?2 || substr(natural_key, length('ref' || char(31) "
	    "|| source || char(31) || source_ref) + 1), source_ref = ?2, "
	    "updated_at = ?3 WHERE id = ?1", id, to, err) != 0)
		return -1;
	if (household == NULL)
		return 0;
	if (audit_add(s, "issue", key, "household_id", old_household, household,
	    err) != 0)
		return -1;
	return store_run_id(s, "UPDATE issue SET (household_ref, village_id, group_id) = "
	    "(SELECT id, village_id, group_id FROM household WHERE household_id = "
	    "?2), updated_at = ?3 WHERE id = ?1", id, household, err);
}

/*
 * The notes that findings of the visit made on an issue open for them
 * (issue-add: "title (source_ref)") name the visit as to, each audited
 * on its issue.  0, or -1 with err set.
 */
static int
follow_notes(struct store *s, const char *from, const char *to,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "UPDATE issue_note SET note = "
	    "replace(note, '(' || ?1 || ')', '(' || ?2 || ')') WHERE "
	    "instr(note, '(' || ?1 || ')') > 0 RETURNING issue_id, replace(note, "
	    "'(' || ?2 || ')', '(' || ?1 || ')'), note", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (audit_add(s, "issue", (const char *)sqlite3_column_text(st, 0),
		    "note", (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2), err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The issues whose source_ref is from: to (follow_one), and to household
 * when it is given.  How many, or -1.
 */
static long
follow(struct store *s, const char *from, const char *to,
    const char *household, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT i.id, h.household_id FROM "
	    "issue i LEFT JOIN household h ON h.id = i.household_ref WHERE "
	    "i.source = 'visit' AND i.source_ref = ? ORDER BY i.id", err);
	long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (to != NULL && follow_one(s, sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1), from, to, household,
		    err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return to != NULL && follow_notes(s, from, to, err) != 0 ? -1 : n;
}

/* A household number the store knows: 0, or -1 with err set (EXIT_DATAERR when not). */
static int
known_household(struct store *s, const char *household, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM household "
	    "WHERE household_id = ?", err);
	long long id;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, household, -1, SQLITE_STATIC);
	if ((id = store_step_id(s, st, err)) < 0)
		return -1;
	return id > 0 ? 0 : error_set(err, EXIT_DATAERR, _("no household %s"),
	    household);
}

/* The change itself, inside the transaction: what e says, audited. */
static int
edit(struct store *s, const struct visit_edit *e, struct buf *from,
    struct buf *to, struct error *err)
{
	const char *v[3] = { e->household, e->date, e->visitor };
	char key[32];
	long long id = find(s, e->household, e->date, e->visitor, err);
	long n;

	if (id < 0)
		return -1;
	if (id == 0)
		return error_set(err, EXIT_DATAERR, _("no visit of %s on %s by %s"),
		    e->household, e->date, e->visitor);
	snprintf(key, sizeof(key), "%lld", id);
	if (source_ref(from, e->household, e->date, e->visitor) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	if (e->action == VISIT_REMOVE) {
		struct reference_count refs[] = { { 0, N_("%ld issue"), N_("%ld issues") } };
		char described[128];

		if ((n = follow(s, from->data, NULL, NULL, err)) < 0)
			return -1;
		refs[0].n = n;
		if (reference_describe(refs, 1, described, sizeof(described)) > 0)
			return error_set(err, EXIT_DATAERR, _("the visit of %s on %s by "
			    "%s opened %s; it is kept for them"), e->household, e->date,
			    e->visitor, described);
		if (store_run_id(s, "DELETE FROM visit WHERE id = ?1", id, NULL, err) != 0 ||
		    audit_add(s, "visit", key, "removed", from->data, NULL, err) != 0)
			return -1;
	} else {
		v[e->action] = e->to;
		if (e->action == VISIT_SET_HOUSEHOLD &&
		    known_household(s, e->to, err) != 0)
			return -1;
		if ((n = (long)find(s, v[0], v[1], v[2], err)) < 0)
			return -1;
		if (n > 0)
			return error_set(err, EXIT_DATAERR, _("a visit of %s on %s by %s "
			    "is there already"), v[0], v[1], v[2]);
		if (source_ref(to, v[0], v[1], v[2]) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		{
			char sql[128];
			const char *old = e->action == VISIT_SET_HOUSEHOLD ? e->household :
			    e->action == VISIT_SET_DATE ? e->date : e->visitor;

			snprintf(sql, sizeof(sql), "UPDATE visit SET %s = ?2 WHERE id = ?1",
			    columns[e->action]);
			if (store_run_id(s, sql, id, e->to, err) != 0 ||
			    audit_add(s, "visit", key, columns[e->action], old, e->to,
			    err) != 0 || follow(s, from->data, to->data,
			    e->action == VISIT_SET_HOUSEHOLD ? e->to : NULL, err) < 0)
				return -1;
		}
	}
	return audit_add(s, "visit", key, "reason", NULL, e->reason, err);
}

int
visit_edit(struct store *s, const struct visit_edit *e, struct error *err)
{
	struct buf from = { 0 }, to = { 0 };
	int status;

	if (e->reason == NULL || e->reason[0] == '\0')
		return error_set(err, EXIT_USAGE, _("a change to a visit needs its "
		    "reason (--reason)"));
	if (store_begin(s, err) != 0)
		return -1;
	status = edit(s, e, &from, &to, err);
	if (status != 0 || e->dry_run)
		store_rollback(s);
	else
		status = store_commit(s, err);
	buf_free(&from);
	buf_free(&to);
	return status;
}
