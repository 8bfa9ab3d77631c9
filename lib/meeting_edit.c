/* meeting_edit.c -- a meeting's kind, date, host, attendees or minutes corrected, or the meeting removed */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "issue.h"
#include "meeting_edit.h"
#include "place.h"
#include "place_edit.h"
#include "vocab.h"

/* The column each correction changes (its name in the audit log too). */
static const char *const columns[] = {
	[MEETING_SET_KIND] = "kind", [MEETING_SET_DATE] = "held_on",
	[MEETING_SET_HOST] = "host", [MEETING_SET_ATTENDEES] = "attendees",
	[MEETING_SET_MINUTES] = "minutes",
};

/* A meeting as found: its id, place, how messages name it and how the audit log does. */
struct found {
	long long id, village_id, group_id;
	char name[512], key[512];
};

/*
 * The meeting of kind (a code) in village_id (group_id, 0: the
 * village's own) held on date: its id, 0 when none, -1 with err set.
 */
static long long
find(struct store *s, const char *kind, long long village_id,
    long long group_id, const char *date, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM meeting WHERE "
	    "kind = ?1 AND village_id = ?2 AND coalesce(group_id, 0) = ?3 "
	    "AND held_on = ?4", err);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, village_id);
	sqlite3_bind_int64(st, 3, group_id);
	sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
	return store_step_id(s, st, err);	/* (finalizes st) */
}

/* The meeting e names, into f: it must exist. */
static int
find_meeting(struct store *s, const struct meeting_edit *e, const char *kind,
    struct found *f, struct error *err)
{
	if (place_check(s, e->village, e->group, 0, err) != 0 ||
	    place_resolve(s, e->village, e->group, 0, &f->village_id,
	    &f->group_id, NULL, err) != 0)
		return -1;
	snprintf(f->name, sizeof(f->name), _("the %s of %s%s%s on %s"),
	    vocab_label("meeting_kind", kind), e->village, e->group ? " " : "",
	    e->group ? e->group : "", e->date);
	snprintf(f->key, sizeof(f->key), "%s %s%s%s %s", kind, e->village,
	    e->group ? " " : "", e->group ? e->group : "", e->date);
	if ((f->id = find(s, kind, f->village_id, f->group_id, e->date, err)) < 0)
		return -1;
	return f->id > 0 ? 0 : error_set(err, EXIT_DATAERR, _("no meeting: %s"),
	    f->name);
}

/* How many rows of table refer to meeting id by meeting_id: the count, or -1. */
static long
referring(struct store *s, const char *table, long long id, struct error *err)
{
	char sql[128];
	sqlite3_stmt *st;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE meeting_id = ?",
	    table);
	if ((st = store_prepare(s, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return (long)store_step_id(s, st, err);
}

/* The text of column of meeting id, a copy into out ("" for NULL). */
static int
stored(struct store *s, long long id, const char *column, char *out,
    size_t size, int *null, struct error *err)
{
	char sql[128];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT %s FROM meeting WHERE id = ?", column);
	if ((st = store_prepare(s, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		*null = t == NULL;
		snprintf(out, size, "%s", t != NULL ? t : "");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_error(s, rc, err);
}

/* A meeting nothing refers to removed; one suggestions or a vote refer to refused. */
static int
remove_meeting(struct store *s, const struct found *f, const char *key,
    struct error *err)
{
	struct reference_count refs[] = {
		{ 0, N_("%ld suggestion"), N_("%ld suggestions") },
		{ 0, N_("%ld vote"), N_("%ld votes") },
	};
	char described[256];

	if ((refs[0].n = referring(s, "issue", f->id, err)) < 0 ||
	    (refs[1].n = referring(s, "vote", f->id, err)) < 0)
		return -1;
	if (reference_describe(refs, 2, described, sizeof(described)) > 0)
		return error_set(err, EXIT_DATAERR, _("%s has %s; it is kept for "
		    "them"), f->name, described);
	return store_run_id(s, "DELETE FROM meeting WHERE id = ?1", f->id, NULL, err) != 0 ||
	    audit_add(s, "meeting", key, "removed", f->key, NULL, err) != 0 ? -1 : 0;
}

/*
 * Refuse a change that would make the meeting one of kind in village
 * (and group) on date, when another meeting, not id, is that already.
 */
static int
not_there_already(struct store *s, long long id, const char *kind,
    long long village_id, long long group_id, const char *village,
    const char *group, const char *date, struct error *err)
{
	long long other = find(s, kind, village_id, group_id, date, err);

	if (other < 0)
		return -1;
	return other > 0 && other != id ? error_set(err, EXIT_DATAERR,
	    _("a %s of %s%s%s on %s is there already"), vocab_label("meeting_kind",
	    kind), village, group ? " " : "", group ? group : "", date) : 0;
}

/*
 * The kind or date corrected: not to a meeting there already, a
 * courtyard meeting a group's.  The new value (a code, ISO) into to.
 */
static int
check_identity(struct store *s, const struct meeting_edit *e,
    const char *kind, const struct found *f, const char **to,
    struct error *err)
{
	const char *date = e->date;

	if (e->action == MEETING_SET_KIND) {
		if ((kind = vocab_code("meeting_kind", e->to)) == NULL) {
			char expected[256];

			return error_set(err, EXIT_DATAERR, _("kind: \"%s\" is not one "
			    "of: %s"), e->to, vocab_describe("meeting_kind", expected,
			    sizeof(expected)));
		}
		if (strcmp(kind, "courtyard") == 0 && f->group_id == 0)
			return error_set(err, EXIT_DATAERR, _("a courtyard meeting is "
			    "a villager group's; %s is the village's own"), f->name);
		*to = kind;
	} else
		*to = date = e->to;
	return not_there_already(s, f->id, kind, f->village_id, f->group_id,
	    e->village, e->group, date, err);
}

/* A suggestion whose date moves: as stored, and its deadlines as they become. */
struct moved {
	long long id;
	char category[32], urgency[32], title[256];
	char due[11], original[11], settled[11];	/* settled: "9" when not */
	char new_due[11], new_original[11];
};

/*
 * m's new deadlines when it is opened on to, not from: one the rules
 * set from the old day (the original deadline equal to theirs) is
 * counted again from the new one; the deadline follows the original
 * unless it was changed by hand since.
 */
static int
moved_deadlines(struct store *s, struct issue_deadline *d, struct moved *m,
    const char *from, const char *to, struct error *err)
{
	char by_rule[11];
	int missing = 0;

	snprintf(m->new_original, sizeof(m->new_original), "%s", m->original);
	if (issue_deadline_due(s, d, m->category, m->urgency, from, by_rule,
	    &missing, err) != 0)
		return -1;
	if (strcmp(by_rule, m->original) == 0 && issue_deadline_due(s, d,
	    m->category, m->urgency, to, m->new_original, &missing, err) != 0)
		return -1;
	snprintf(m->new_due, sizeof(m->new_due), "%s",
	    strcmp(m->due, m->original) == 0 ? m->new_original : m->due);
	return 0;
}

/* m opened on to instead of from, its deadlines as moved_deadlines() says, audited. */
static int
move_one(struct store *s, const struct moved *m, const char *from,
    const char *to, const char *reason, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "UPDATE issue SET opened_on = ?2, "
	    "due_date = ?3, scorecard_original_due = ?4, updated_at = ?5 "
	    "WHERE id = ?1", err);
	char key[24];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->new_due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->new_original, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(key, sizeof(key), "%lld", m->id);
	if (audit_add(s, "issue", key, "opened_on", from, to, err) != 0 ||
	    (strcmp(m->due, m->new_due) != 0 && audit_add(s, "issue", key,
	    "due_date", m->due, m->new_due, err) != 0) ||
	    (strcmp(m->original, m->new_original) != 0 && audit_add(s, "issue",
	    key, "scorecard_original_due", m->original, m->new_original,
	    err) != 0))
		return -1;
	return audit_add(s, "issue", key, "reason", NULL, reason, err);
}

/*
 * The suggestions raised at meeting f and opened on its old day from,
 * moved to its corrected day to (meeting_edit() says how); refused when
 * one was resolved, fed back or closed before to.
 */
static int
move_suggestions(struct store *s, const struct found *f, const char *from,
    const char *to, const char *reason, struct error *err)
{
	struct issue_deadline d = { 0 };
	sqlite3_stmt *next = store_prepare(s, "SELECT id, category, urgency, "
	    "title, due_date, coalesce(scorecard_original_due, due_date), "
	    "min(coalesce(resolved_on, '9'), coalesce(feedback_on, '9'), "
	    "coalesce(closed_on, '9')) FROM issue WHERE meeting_id = ?1 AND "
	    "opened_on = ?2 AND id > ?3 ORDER BY id LIMIT 1", err);
	struct moved m = { 0 };
	int rc = -1;

	if (next == NULL)
		return -1;
	for (;;) {
		char *const out[] = { m.category, m.urgency, m.title, m.due,
		    m.original, m.settled };
		const size_t size[] = { sizeof(m.category), sizeof(m.urgency),
		    sizeof(m.title), sizeof(m.due), sizeof(m.original),
		    sizeof(m.settled) };
		int step;

		sqlite3_bind_int64(next, 1, f->id);
		sqlite3_bind_text(next, 2, from, -1, SQLITE_STATIC);
		sqlite3_bind_int64(next, 3, m.id);
		if ((step = sqlite3_step(next)) != SQLITE_ROW) {
			rc = step == SQLITE_DONE ? 0 : store_error(s, step, err);
			break;
		}
		m.id = sqlite3_column_int64(next, 0);
		for (int k = 0; k < 6; k++) {
			const char *t = (const char *)sqlite3_column_text(next, k + 1);

			snprintf(out[k], size[k], "%s", t != NULL ? t : "");
		}
		sqlite3_reset(next);
		if (strcmp(m.settled, to) < 0) {
			error_set(err, EXIT_DATAERR, _("the suggestion \"%s\" raised at "
			    "%s was settled on %s, before %s"), m.title, f->name,
			    m.settled, to);
			break;
		}
		if (moved_deadlines(s, &d, &m, from, to, err) != 0 ||
		    move_one(s, &m, from, to, reason, err) != 0)
			break;
	}
	sqlite3_finalize(next);
	issue_deadline_free(&d);
	return rc;
}

/* The suggestions of meeting ?1 that stand at its place, village ?2 and group ?3 (0: none). */
#define AT_THE_MEETING "meeting_id = ?1 AND household_ref IS NULL AND " \
	"village_id = ?2 AND coalesce(group_id, 0) = ?3"

/*
 * Audit rows of field (village or village_group) from old to new (NULL:
 * none) for meeting f (key) and each suggestion at its place, when the
 * name changes.
 */
static int
audit_place(struct store *s, const struct found *f, const char *key,
    const char *field, const char *old, const char *new, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((old == NULL && new == NULL) || (old != NULL && new != NULL &&
	    strcmp(old, new) == 0))
		return 0;
	if (audit_add(s, "meeting", key, field, old, new, err) != 0 ||
	    (st = store_prepare(s, "SELECT id FROM issue WHERE " AT_THE_MEETING
	    " ORDER BY id", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	sqlite3_bind_int64(st, 2, f->village_id);
	sqlite3_bind_int64(st, 3, f->group_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (audit_add(s, "issue", (const char *)sqlite3_column_text(st, 0),
		    field, old, new, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * Refuse to move meeting f to village_id and group_id (0: any) while a
 * suggestion raised at it names a household that lives elsewhere: a
 * household's suggestion stands where the household does, as
 * meeting-log and issue-add hold it.
 */
static int
households_there(struct store *s, const struct meeting_edit *e,
    const struct found *f, long long village_id, long long group_id,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT i.title, h.household_id "
	    "FROM issue i JOIN household h ON h.id = i.household_ref WHERE "
	    "i.meeting_id = ?1 AND (h.village_id <> ?2 OR (?3 <> 0 AND "
	    "coalesce(h.group_id, 0) <> ?3)) ORDER BY i.id LIMIT 1", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	sqlite3_bind_int64(st, 2, village_id);
	sqlite3_bind_int64(st, 3, group_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		error_set(err, EXIT_DATAERR, _("the suggestion \"%s\" raised at %s "
		    "is household %s's, which is not in %s%s%s; correct its "
		    "household first (issue-update --household)"),
		    (const char *)sqlite3_column_text(st, 0), f->name,
		    (const char *)sqlite3_column_text(st, 1), e->to,
		    e->to_group != NULL ? " " : "", e->to_group != NULL ?
		    e->to_group : "");
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? -1 : rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * Meeting f of kind (a code) moved to the village e->to, group
 * e->to_group of it (NULL: the village's own), with the suggestions that
 * stood at its place, audited.  1 when it is there already, 0 when
 * moved, -1 with err set.
 */
static int
move_place(struct store *s, const struct meeting_edit *e, const char *kind,
    const struct found *f, const char *key, struct error *err)
{
	static const char *const moves[] = {
		"UPDATE issue SET village_id = ?4, group_id = nullif(?5, 0), "
		    "updated_at = ?6 WHERE " AT_THE_MEETING,
		"UPDATE meeting SET village_id = ?4, group_id = nullif(?5, 0) "
		    "WHERE id = ?1",
	};
	long long village_id, group_id;

	if (place_check_old(s, e->to, e->to_group, err) != 0 ||
	    place_check(s, e->to, e->to_group, 0, err) != 0 ||
	    place_resolve(s, e->to, e->to_group, 0, &village_id, &group_id,
	    NULL, err) != 0)
		return -1;
	if (village_id == f->village_id && group_id == f->group_id)
		return 1;
	if (strcmp(kind, "courtyard") == 0 && group_id == 0)
		return error_set(err, EXIT_DATAERR, _("a courtyard meeting is a "
		    "villager group's; say which group of %s %s moves to"), e->to,
		    f->name);
	if (not_there_already(s, f->id, kind, village_id, group_id, e->to,
	    e->to_group, e->date, err) != 0 ||
	    households_there(s, e, f, village_id, group_id, err) != 0 ||
	    audit_place(s, f, key, "village", e->village, e->to, err) != 0 ||
	    audit_place(s, f, key, "village_group", e->group, e->to_group,
	    err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
		sqlite3_stmt *st = store_prepare(s, moves[i], err);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, f->id);
		sqlite3_bind_int64(st, 2, f->village_id);
		sqlite3_bind_int64(st, 3, f->group_id);
		sqlite3_bind_int64(st, 4, village_id);
		sqlite3_bind_int64(st, 5, group_id);
		sqlite3_bind_text(st, 6, s->now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	return 0;
}

/* The change itself, inside the transaction: what e says, audited. */
static int
edit(struct store *s, const struct meeting_edit *e, struct error *err)
{
	const char *kind = vocab_code("meeting_kind", e->kind), *to = e->to;
	struct found f;
	char key[32], old[4096], sql[128];
	int null = 1;

	if (kind == NULL) {
		char expected[256];

		return error_set(err, EXIT_DATAERR, _("--kind: \"%s\" is not one of: "
		    "%s"), e->kind, vocab_describe("meeting_kind", expected,
		    sizeof(expected)));
	}
	if (find_meeting(s, e, kind, &f, err) != 0)
		return -1;
	snprintf(key, sizeof(key), "%lld", f.id);
	if (e->action == MEETING_REMOVE) {
		if (remove_meeting(s, &f, key, err) != 0)
			return -1;
	} else if (e->action == MEETING_SET_PLACE) {
		int rc = move_place(s, e, kind, &f, key, err);

		if (rc != 0)
			return rc < 0 ? -1 : 0;	/* 1: there already */
	} else {
		if ((e->action == MEETING_SET_KIND || e->action == MEETING_SET_DATE) &&
		    check_identity(s, e, kind, &f, &to, err) != 0)
			return -1;
		if (stored(s, f.id, columns[e->action], old, sizeof(old), &null,
		    err) != 0)
			return -1;
		if (!null && strcmp(old, to) == 0)
			return 0;	/* so already: the same correction again */
		snprintf(sql, sizeof(sql), "UPDATE meeting SET %s = ?2 WHERE id = ?1",
		    columns[e->action]);
		if (store_run_id(s, sql, f.id, to, err) != 0 || audit_add(s, "meeting", key,
		    columns[e->action], null ? NULL : old, to, err) != 0)
			return -1;
		if (e->action == MEETING_SET_DATE &&
		    move_suggestions(s, &f, old, to, e->reason, err) != 0)
			return -1;
	}
	return audit_add(s, "meeting", key, "reason", NULL, e->reason, err);
}

int
meeting_edit(struct store *s, const struct meeting_edit *e, struct error *err)
{
	int status;

	if (e->reason == NULL || e->reason[0] == '\0')
		return error_set(err, EXIT_USAGE, _("a change to a meeting needs its "
		    "reason (--reason)"));
	if (store_begin(s, err) != 0)
		return -1;
	status = edit(s, e, err);
	if (status != 0 || e->dry_run)
		store_rollback(s);
	else
		status = store_commit(s, err);
	return status;
}
