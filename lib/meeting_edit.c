/* meeting_edit.c -- a meeting's kind, date, host, attendees or minutes corrected, or the meeting removed */
#include <stdio.h>
#include <string.h>

#include "audit.h"
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
 * The kind or date corrected: not to a meeting there already, a
 * courtyard meeting a group's.  The new value (a code, ISO) into to.
 */
static int
check_identity(struct store *s, const struct meeting_edit *e,
    const char *kind, const struct found *f, const char **to,
    struct error *err)
{
	const char *date = e->date;
	long long other;

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
	if ((other = find(s, kind, f->village_id, f->group_id, date, err)) < 0)
		return -1;
	return other > 0 && other != f->id ? error_set(err, EXIT_DATAERR,
	    _("a %s of %s%s%s on %s is there already"), vocab_label("meeting_kind",
	    kind), e->village, e->group ? " " : "", e->group ? e->group : "",
	    date) : 0;
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
