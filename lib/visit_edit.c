/* visit_edit.c -- a visit's household, date or visitor corrected, or the visit removed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "issue.h"
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

/* A finding noted on an issue (issue-add: "title (source_ref)"), as it moves. */
struct noted {
	long long note, issue;	/* the note's row id, its issue's */
	char noted_on[11], who[256], title[1024];
	char kind[16], category[32], urgency[16], owner[256], owner_unit[256];
};

/* The issue-add natural key of finding n of visit ref, into key. */
static int
finding_key(struct buf *key, const struct noted *n, const char *ref)
{
	buf_reset(key);
	return buf_puts(key, "ref\x1fvisit\x1f") != 0 || buf_puts(key, ref) != 0 ||
	    buf_puts(key, "\x1f") != 0 || buf_puts(key, n->title) != 0 ||
	    buf_puts(key, "\x1f") != 0 || buf_puts(key, n->who) != 0 ||
	    buf_puts(key, "\x1f") != 0 ? -1 : 0;
}

/*
 * Open an issue of household (row id) for finding n of visit ref, as
 * issue-add would have: its kind, category, urgency and owner those of
 * the issue it was noted on, opened the day it was noted, due by the
 * deadline rules (issue_deadline_due()).  Its id, or -1 with err set.
 */
static long long
open_for(struct store *s, struct issue_deadline *d, const struct noted *n,
    long long household, const char *ref, struct error *err)
{
	struct buf key = { 0 };
	char due[11], idtext[24];
	sqlite3_stmt *st;
	long long id;
	int missing = 0, rc;

	if (issue_deadline_due(s, d, n->category, n->urgency, n->noted_on, due,
	    &missing, err) != 0)
		return -1;
	if (finding_key(&key, n, ref) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	if ((st = store_prepare(s, "INSERT INTO issue (kind, category, title, "
	    "urgency, village_id, group_id, household_ref, reporter, source, "
	    "source_ref, owner, owner_unit, opened_on, due_date, status, "
	    "natural_key, created_at, updated_at) SELECT ?1, ?2, ?3, ?4, "
	    "village_id, group_id, id, ?5, 'visit', ?6, ?7, nullif(?8, ''), ?9, "
	    "?10, 'open', ?11, ?12, ?12 FROM household WHERE id = ?13", err)) == NULL) {
		buf_free(&key);
		return -1;
	}
	{
		const char *text[] = { n->kind, n->category, n->title, n->urgency,
		    n->who, ref, n->owner, n->owner_unit, n->noted_on, due, key.data,
		    s->now };

		for (int k = 0; k < 12; k++)
			sqlite3_bind_text(st, k + 1, text[k], -1, SQLITE_STATIC);
	}
	sqlite3_bind_int64(st, 13, household);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	buf_free(&key);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	id = sqlite3_last_insert_rowid(s->db);
	snprintf(idtext, sizeof(idtext), "%lld", id);
	return audit_add(s, "issue", idtext, "status", NULL, "open", err) != 0 ||
	    audit_add(s, "issue", idtext, "owner", NULL, n->owner, err) != 0 ||
	    audit_add(s, "issue", idtext, "due_date", NULL, due, err) != 0 ? -1 : id;
}

/*
 * Finding n goes to household (row id), noted as the finding of visit
 * ref: on the household's issue from visits of its category still
 * open, or on one opened for it (open_for()).  Its note leaves the issue
 * it was on.  Each change audited, with reason.  0, or -1 with err set.
 */
static int
rehome(struct store *s, struct issue_deadline *d, const struct noted *n,
    long long household, const char *ref, const char *reason,
    struct error *err)
{
	sqlite3_stmt *st;
	struct buf note = { 0 };
	char from[24], to[24], *old = NULL;
	long long target;
	int rc = -1;

	snprintf(from, sizeof(from), "%lld", n->issue);
	if ((st = store_prepare(s, "DELETE FROM issue_note WHERE id = ?1 "
	    "RETURNING note", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, n->note);
	if (sqlite3_step(st) == SQLITE_ROW)
		old = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (old == NULL)
		return store_error(s, SQLITE_NOMEM, err);
	if (audit_add(s, "issue", from, "note", old, NULL, err) != 0 ||
	    audit_add(s, "issue", from, "reason", NULL, reason, err) != 0)
		goto out;
	if ((st = store_prepare(s, "SELECT id FROM issue i WHERE i.category = ?1 "
	    "AND i.household_ref = ?2 AND i.source = 'visit' AND "
	    ISSUE_OPEN_SQL("i.") " ORDER BY i.id LIMIT 1", err)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, n->category, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, household);
	if ((target = store_step_id(s, st, err)) < 0)
		goto out;
	if (target > 0) {
		buf_puts(&note, n->title);
		buf_puts(&note, " (");
		buf_puts(&note, ref);
		buf_puts(&note, ")");
		if (note.data == NULL) {
			error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
			goto out;
		}
		if ((st = store_prepare(s, "INSERT INTO issue_note (issue_id, noted_on, "
		    "who, note) VALUES (?1, ?2, ?3, ?4)", err)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, target);
		sqlite3_bind_text(st, 2, n->noted_on, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, n->who, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, note.data, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			rc = store_error(s, rc, err);
			goto out;
		}
		snprintf(to, sizeof(to), "%lld", target);
		rc = audit_add(s, "issue", to, "note", NULL, note.data, err);
	} else if ((target = open_for(s, d, n, household, ref, err)) > 0) {
		snprintf(to, sizeof(to), "%lld", target);
		rc = 0;
	}
	if (rc == 0)
		rc = audit_add(s, "issue", to, "reason", NULL, reason, err);
out:
	free(old);
	buf_free(&note);
	return rc;
}

/*
 * The findings of visit from noted on issues of household from_row
 * (issue-add noted them on its issue from visits of their category)
 * go to household to_row as the findings of visit to (rehome()).
 * 0, or -1 with err set.
 */
static int
rehome_notes(struct store *s, const char *from, long long from_row,
    const char *to, long long to_row, const char *reason, struct error *err)
{
	struct issue_deadline d = { 0 };
	sqlite3_stmt *next = store_prepare(s, "SELECT n.id, n.issue_id, "
	    "n.noted_on, n.who, substr(n.note, 1, length(n.note) - length(?1) - 3), "
	    "i.kind, i.category, i.urgency, i.owner, coalesce(i.owner_unit, '') "
	    "FROM issue_note n JOIN issue i ON i.id = n.issue_id WHERE "
	    "i.household_ref = ?2 AND substr(n.note, -(length(?1) + 3)) = "
	    "' (' || ?1 || ')' AND n.id > ?3 ORDER BY n.id LIMIT 1", err);
	struct noted n = { 0 };
	int rc = -1;

	if (next == NULL)
		return -1;
	for (;;) {
		char *const out[] = { n.noted_on, n.who, n.title, n.kind, n.category,
		    n.urgency, n.owner, n.owner_unit };
		const size_t size[] = { sizeof(n.noted_on), sizeof(n.who),
		    sizeof(n.title), sizeof(n.kind), sizeof(n.category),
		    sizeof(n.urgency), sizeof(n.owner), sizeof(n.owner_unit) };
		int step;

		sqlite3_bind_text(next, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_int64(next, 2, from_row);
		sqlite3_bind_int64(next, 3, n.note);
		if ((step = sqlite3_step(next)) != SQLITE_ROW) {
			rc = step == SQLITE_DONE ? 0 : store_error(s, step, err);
			break;
		}
		n.note = sqlite3_column_int64(next, 0);
		n.issue = sqlite3_column_int64(next, 1);
		for (int k = 0; k < 8; k++) {
			const char *t = (const char *)sqlite3_column_text(next, k + 2);

			snprintf(out[k], size[k], "%s", t != NULL ? t : "");
		}
		sqlite3_reset(next);
		if (rehome(s, &d, &n, to_row, to, reason, err) != 0)
			break;
	}
	sqlite3_finalize(next);
	issue_deadline_free(&d);
	return rc;
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

/* A household number the store knows: its row id, or -1 with err set (EXIT_DATAERR when not). */
static long long
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
	return id > 0 ? id : error_set(err, EXIT_DATAERR, _("no household %s"),
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
		long long rows[2] = { 0, 0 };	/* the households, from and to */

		v[e->action] = e->to;
		if (e->action == VISIT_SET_HOUSEHOLD &&
		    ((rows[0] = known_household(s, e->household, err)) < 0 ||
		    (rows[1] = known_household(s, e->to, err)) < 0))
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
			    err) != 0 || (rows[1] > 0 && rehome_notes(s, from->data,
			    rows[0], to->data, rows[1], e->reason, err) != 0) ||
			    follow(s, from->data, to->data,
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
