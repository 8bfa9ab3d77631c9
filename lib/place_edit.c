/* place_edit.c -- villages and villager groups renamed, merged into another, removed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "issue.h"
#include "place.h"
#include "place_edit.h"
#include "vocab.h"

/*
 * The tables whose rows are in a village (and a group, when grouped),
 * what names a row in the audit log (the name and key its own commands
 * give it), and whether a row keeps the time it last changed.
 */
static const struct placed {
	const char *table, *entity, *key;
	int stamped, grouped;
	const char *one, *many;	/* how many refer, for a message */
} placed[] = {
	{ "household", "household", "household_id", 1, 1,
	    N_("%ld household"), N_("%ld households") },
	{ "meeting", "meeting", "id", 0, 1, N_("%ld meeting"), N_("%ld meetings") },
	{ "issue", "issue", "id", 1, 1, N_("%ld issue"), N_("%ld issues") },
	{ "assignment", "assignment", "id", 1, 0, N_("%ld assignment"),
	    N_("%ld assignments") },
	{ "honour", "honour", "kind || ':' || title || ':' || level || ':' || "
	    "year || ':' || coalesce(id_number, household_id, (SELECT name FROM "
	    "village WHERE id = honour.village_id))", 1, 0, N_("%ld selection"),
	    N_("%ld selections") },
	{ "board_entry", "board", "board || ':' || household_id || ':' || "
	    "period_from", 1, 0, N_("%ld board entry"),
	    N_("%ld board entries") },
	{ "rule_set", "rule", "id", 1, 1, N_("%ld rule set"),
	    N_("%ld rule sets") },
	{ "returnee_contact", "returnee", "id_number || ':' || contacted_on", 1,
	    0, N_("%ld returnee contact"), N_("%ld returnee contacts") },
};
enum { NPLACED = PLACE_KINDS };
_Static_assert(sizeof(placed) / sizeof(placed[0]) == PLACE_KINDS,
    "a count of each kind of record a place holds");

/* A place found: its ids, and the name its audit rows go by. */
struct found {
	long long village_id, group_id;	/* group_id 0: the village itself */
	char entity_id[512];
};

size_t
reference_describe(const struct reference_count *refs, size_t n, char *out,
    size_t size)
{
	size_t kinds = 0, said = 0, used = 0;

	for (size_t i = 0; i < n; i++)
		kinds += refs[i].n != 0;
	if (size > 0)
		out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char one[128];
		int len;

		if (refs[i].n == 0)
			continue;
		snprintf(one, sizeof(one), dngettext("renke", refs[i].one,
		    refs[i].many, (unsigned long)refs[i].n), refs[i].n);
		len = snprintf(out + used, size - used, "%s%s",
		    said == 0 ? "" : said + 1 == kinds ? _(" and ") : _(", "), one);
		if (len < 0 || (size_t)len >= size - used)
			break;
		used += (size_t)len;
		said++;
	}
	return kinds;
}

/* Run sql, its ?1, ?2, ?3 bound to a, b, c (0: NULL): 0, or -1 with err set. */
static int
run(struct store *s, const char *sql, long long a, long long b, long long c,
    const char *text, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	const long long v[] = { a, b, c };
	int rc;

	if (st == NULL)
		return -1;
	for (int i = 0; i < 3; i++)
		if (v[i] != 0)
			sqlite3_bind_int64(st, i + 1, v[i]);
	sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : store_error(s, rc, err);
}

/* The place e names (e->name, or e->to when to is set): it must exist. */
static int
find(struct store *s, const struct place_edit *e, int to, struct found *f,
    struct error *err)
{
	const char *name = to ? e->to : e->name;
	const char *village = e->village != NULL ? e->village : name;
	const char *group = e->village != NULL ? name : NULL;

	if (place_check(s, village, group, 0, err) != 0 ||
	    place_resolve(s, village, group, 0, &f->village_id, &f->group_id, NULL,
	    err) != 0)
		return -1;
	snprintf(f->entity_id, sizeof(f->entity_id), "%s%s%s", village,
	    group != NULL ? " " : "", group != NULL ? group : "");
	return 0;
}

/* How many rows of each placed table are in place f, into refs. */
static int
count_placed(struct store *s, const struct found *f,
    struct reference_count refs[NPLACED], struct error *err)
{
	char sql[256];

	for (size_t i = 0; i < NPLACED; i++) {
		sqlite3_stmt *st;
		long long n;

		refs[i].one = placed[i].one;
		refs[i].many = placed[i].many;
		refs[i].n = 0;
		if (f->group_id > 0 && !placed[i].grouped)
			continue;
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE %s = ?",
		    placed[i].table, f->group_id > 0 ? "group_id" : "village_id");
		if ((st = store_prepare(s, sql, err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, f->group_id > 0 ? f->group_id : f->village_id);
		if ((n = store_step_id(s, st, err)) < 0)
			return -1;
		refs[i].n = (long)n;
	}
	return 0;
}

/*
 * The audit rows of the records of place f that move: field (village
 * or village_group) from old to new, one a record.
 */
static int
audit_moves(struct store *s, const struct found *f, const char *field,
    const char *old, const char *new, struct error *err)
{
	char sql[512];
	int rc = SQLITE_DONE;

	for (size_t i = 0; i < NPLACED && rc == SQLITE_DONE; i++) {
		sqlite3_stmt *st;

		if (f->group_id > 0 && !placed[i].grouped)
			continue;
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE %s = ? ORDER BY id",
		    placed[i].key, placed[i].table,
		    f->group_id > 0 ? "group_id" : "village_id");
		if ((st = store_prepare(s, sql, err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, f->group_id > 0 ? f->group_id : f->village_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (audit_add(s, placed[i].entity,
			    (const char *)sqlite3_column_text(st, 0), field, old, new,
			    err) != 0) {
				sqlite3_finalize(st);
				return -1;
			}
		sqlite3_finalize(st);
	}
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The rows of placed tables in group `from` (village `from` and no group
 * when from_group is 0) go to village_id and group_id.
 */
static int
move_rows(struct store *s, long long from_village, long long from_group,
    long long village_id, long long group_id, struct error *err)
{
	char sql[256];

	for (size_t i = 0; i < NPLACED; i++) {
		if (from_group > 0 && !placed[i].grouped)
			continue;
		snprintf(sql, sizeof(sql), "UPDATE %s SET village_id = ?1%s%s "
		    "WHERE %s", placed[i].table,
		    placed[i].grouped ? ", group_id = ?2" : "",
		    placed[i].stamped ? ", updated_at = ?4" : "",
		    from_group > 0 ? "group_id = ?3" : placed[i].grouped ?
		    "village_id = ?3 AND group_id IS NULL" : "village_id = ?3");
		if (run(s, sql, village_id, group_id,
		    from_group > 0 ? from_group : from_village, s->now, err) != 0)
			return -1;
	}
	return 0;
}

/*
 * A record of table in place from whose twin (match: a condition on a,
 * from's row, and b, to's) is in place to, once they are one place;
 * the groups of two villages are one when their names are.  Returns 1
 * with *st on the twin's row (columns shown; the caller finalizes it),
 * 0 when there is none, or -1 with err set.
 */
static int
twin(struct store *s, const struct found *from, const struct found *to,
    const char *table, const char *match, const char *shown,
    sqlite3_stmt **st, struct error *err)
{
	char sql[768];
	int rc;

	if (from->group_id > 0)
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s a JOIN %s b ON "
		    "b.group_id = ?2 AND %s WHERE a.group_id = ?1 LIMIT 1", shown,
		    table, table, match);
	else
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s a LEFT JOIN "
		    "village_group ga ON ga.id = a.group_id JOIN %s b ON "
		    "b.village_id = ?2 AND %s LEFT JOIN village_group gb ON gb.id = "
		    "b.group_id WHERE a.village_id = ?1 AND coalesce(ga.name, '') = "
		    "coalesce(gb.name, '') LIMIT 1", shown, table, table, match);
	if ((*st = store_prepare(s, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(*st, 1, from->group_id > 0 ? from->group_id :
	    from->village_id);
	sqlite3_bind_int64(*st, 2, to->group_id > 0 ? to->group_id :
	    to->village_id);
	if ((rc = sqlite3_step(*st)) == SQLITE_ROW)
		return 1;
	sqlite3_finalize(*st);
	*st = NULL;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * A meeting held in both places that become one, or rules of one title
 * in both (a village's own, or a group's of one name): refused, named.
 */
static int
same_record(struct store *s, const struct found *from, const struct found *to,
    struct error *err)
{
	sqlite3_stmt *st;
	int found;

	if ((found = twin(s, from, to, "meeting", "b.kind = a.kind AND "
	    "b.held_on = a.held_on", "a.kind, a.held_on", &st, err)) > 0) {
		error_set(err, EXIT_DATAERR, _("%s and %s both hold a %s on %s: the "
		    "same meeting twice; remove one of them first"), from->entity_id,
		    to->entity_id, vocab_label("meeting_kind",
		    (const char *)sqlite3_column_text(st, 0)),
		    sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
	}
	if (found != 0)
		return -1;
	if ((found = twin(s, from, to, "rule_set", "b.title = a.title",
	    "a.title", &st, err)) > 0) {
		error_set(err, EXIT_DATAERR, _("%s and %s both have village rules "
		    "titled %s: a place keeps one rule set of a title"),
		    from->entity_id, to->entity_id, sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return found != 0 ? -1 : 0;
}

/*
 * The village text of the saved survey responses that name place from
 * (column village, or village_group within village), as it becomes new:
 * each response audited.  0, or -1 with err set.
 */
static int
rename_responses(struct store *s, const char *village, const char *column,
    const char *old, const char *new, struct error *err)
{
	char sql[256];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT id FROM survey_response WHERE %s = ?1%s "
	    "ORDER BY id", column, village != NULL ? " AND village = ?2" : "");
	if ((st = store_prepare(s, sql, err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, old, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, village, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (audit_add(s, "survey_response",
		    (const char *)sqlite3_column_text(st, 0), column, old, new,
		    err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(sql, sizeof(sql), "UPDATE survey_response SET %s = ?3 WHERE "
	    "%s = ?1%s", column, column, village != NULL ? " AND village = ?2" : "");
	if ((st = store_prepare(s, sql, err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, old, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, village, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, new, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* The wider of two dates of an assignment: NULL (open) wins; else the earlier (earlier set) or the later. */
static const char *
wider(const char *a, const char *b, int earlier)
{
	if (a == NULL || b == NULL)
		return NULL;
	return (strcmp(a, b) < 0) == earlier ? a : b;
}

/*
 * One pair of st's row (an assignment merged away, its twin kept, their
 * dates and phones): the twin covers both spans (the earlier start, the
 * later end, open when either is) and keeps its phone, else the
 * other's; the other is removed; both audited, the one removed with
 * reason when it is not NULL.  0, or -1 with err set.
 */
static int
merge_assignment(struct store *s, sqlite3_stmt *st, const char *reason,
    struct error *err)
{
	static const char *const columns[] = { "start_date", "end_date", "phone" };
	const char *v[6], *now[3];
	char gone[24], kept[24];
	sqlite3_stmt *up;
	int rc;

	for (int k = 0; k < 6; k++)
		v[k] = (const char *)sqlite3_column_text(st, 2 + k);
	snprintf(gone, sizeof(gone), "%lld", sqlite3_column_int64(st, 0));
	snprintf(kept, sizeof(kept), "%lld", sqlite3_column_int64(st, 1));
	now[0] = wider(v[0], v[1], 1);
	now[1] = wider(v[2], v[3], 0);
	now[2] = v[5] != NULL ? v[5] : v[4];
	for (int k = 0; k < 3; k++) {
		const char *old = v[2 * k + 1];

		if ((old == NULL && now[k] == NULL) || (old != NULL &&
		    now[k] != NULL && strcmp(old, now[k]) == 0))
			continue;
		if (audit_add(s, "assignment", kept, columns[k], old, now[k], err) != 0)
			return -1;
	}
	if ((up = store_prepare(s, "UPDATE assignment SET start_date = ?1, "
	    "end_date = ?2, phone = ?3, updated_at = ?4 WHERE id = ?5", err)) == NULL)
		return -1;
	for (int k = 0; k < 3; k++)
		sqlite3_bind_text(up, k + 1, now[k], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(up, 4, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(up, 5, sqlite3_column_int64(st, 1));
	rc = sqlite3_step(up);
	sqlite3_finalize(up);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (audit_add(s, "assignment", gone, "merged_into", gone, kept, err) != 0 ||
	    (reason != NULL && audit_add(s, "assignment", gone, "reason", NULL,
	    reason, err) != 0))
		return -1;
	return run(s, "DELETE FROM assignment WHERE id = ?1",
	    sqlite3_column_int64(st, 0), 0, 0, NULL, err);
}

int
assignment_twins_merge(struct store *s, const char *sql, long long a,
    long long b, const char *reason, struct error *err)
{
	for (;;) {
		sqlite3_stmt *st = store_prepare(s, sql, err);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			rc = merge_assignment(s, st, reason, err) != 0 ? -1 :
			    SQLITE_ROW;
		else if (rc != SQLITE_DONE)
			rc = store_error(s, rc, err);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return rc == SQLITE_DONE ? 0 : -1;
	}
}

/*
 * A cadre assigned to village from and to village `to` alike, in the
 * same role (and household, and 片): one assignment once the villages
 * are one.  0, or -1 with err set.
 */
static int
merge_assignments(struct store *s, const struct found *from,
    const struct found *to, const char *reason, struct error *err)
{
	return assignment_twins_merge(s, ASSIGNMENT_TWINS_SQL
	    "t.village_id = ?2 AND coalesce(t.household_id, '') = "
	    "coalesce(f.household_id, '') WHERE f.village_id = ?1 "
	    "ORDER BY f.id LIMIT 1", from->village_id, to->village_id, reason,
	    err);
}

/*
 * The name of place from, merged into to, still finds it (merged_village,
 * merged_group), and so do the names merged into from before.  0, or -1
 * with err set.
 */
static int
leave_alias(struct store *s, const struct place_edit *e,
    const struct found *from, const struct found *to, struct error *err)
{
	if (e->village != NULL)
		return run(s, "INSERT INTO merged_group (village_id, name, group_id) "
		    "VALUES (?1, ?4, ?3) ON CONFLICT DO UPDATE SET group_id = ?3",
		    from->village_id, 0, to->group_id, e->name, err) != 0 ||
		    run(s, "UPDATE merged_group SET group_id = ?3 WHERE group_id = ?2",
		    0, from->group_id, to->group_id, NULL, err) != 0 ? -1 : 0;
	return run(s, "INSERT INTO merged_village (name, village_id) VALUES "
	    "(?4, ?2) ON CONFLICT DO UPDATE SET village_id = ?2", 0,
	    to->village_id, 0, e->name, err) != 0 ||
	    run(s, "UPDATE merged_village SET village_id = ?2 WHERE village_id = ?1",
	    from->village_id, to->village_id, 0, NULL, err) != 0 ||
	    run(s, "UPDATE OR IGNORE merged_group SET village_id = ?2 WHERE "
	    "village_id = ?1", from->village_id, to->village_id, 0, NULL, err) != 0 ||
	    run(s, "DELETE FROM merged_group WHERE village_id = ?1",
	    from->village_id, 0, 0, NULL, err) != 0 ? -1 : 0;
}

/*
 * A place renamed keeps its old name as an alias (merged_village,
 * merged_group), so that a file naming it so still finds it; the new
 * name is no alias of it any more.  A name that another place was merged
 * into, or renamed from, is refused: it finds that place.  0, or -1 with
 * err set.
 */
static int
rename_alias(struct store *s, const struct place_edit *e,
    const struct found *from, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, e->village != NULL ?
	    "SELECT g.name FROM merged_group m JOIN village_group g ON g.id = "
	    "m.group_id WHERE m.village_id = ?1 AND m.name = ?3 AND "
	    "m.group_id <> ?2" : "SELECT v.name FROM merged_village m JOIN "
	    "village v ON v.id = m.village_id WHERE m.name = ?3 AND "
	    "m.village_id <> ?1", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from->village_id);
	sqlite3_bind_int64(st, 2, from->group_id);
	sqlite3_bind_text(st, 3, e->to, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		error_set(err, EXIT_DATAERR, _("%s is an old name of %s, and still "
		    "finds it in files; choose another name"), e->to,
		    (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (e->village != NULL)
		return run(s, "DELETE FROM merged_group WHERE village_id = ?1 AND "
		    "name = ?4", from->village_id, 0, 0, e->to, err) != 0 ||
		    run(s, "INSERT INTO merged_group (village_id, name, group_id) "
		    "VALUES (?1, ?4, ?2)", from->village_id, from->group_id, 0,
		    e->name, err) != 0 ? -1 : 0;
	return run(s, "DELETE FROM merged_village WHERE name = ?4", 0, 0, 0,
	    e->to, err) != 0 || run(s, "INSERT INTO merged_village (name, "
	    "village_id) VALUES (?4, ?1)", from->village_id, 0, 0, e->name,
	    err) != 0 ? -1 : 0;
}

/* Village from merged into village to: its groups into to's of the same name. */
static int
merge_village(struct store *s, const struct place_edit *e,
    const struct found *from, const struct found *to, struct error *err)
{
	sqlite3_stmt *st;
	long long *groups = NULL;
	size_t n = 0;
	int rc, status = -1;

	/* the groups first, as a list: the table grows as they are placed */
	if ((st = store_prepare(s, "SELECT id FROM village_group "
	    "WHERE village_id = ? ORDER BY id", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from->village_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long *more = realloc(groups, (n + 1) * sizeof(*groups));

		if (more == NULL) {
			error_set(err, EXIT_SOFTWARE, _("out of memory"));
			goto out;
		}
		groups = more;
		groups[n++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE) {
		store_error(s, rc, err);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *name = store_prepare(s, "SELECT name FROM village_group "
		    "WHERE id = ?", err);
		long long vid, gid;
		char *group;

		if (name == NULL)
			goto out;
		sqlite3_bind_int64(name, 1, groups[i]);
		group = sqlite3_step(name) == SQLITE_ROW ?
		    strdup((const char *)sqlite3_column_text(name, 0)) : NULL;
		sqlite3_finalize(name);
		if (group == NULL) {
			error_set(err, EXIT_SOFTWARE, _("out of memory"));
			goto out;
		}
		rc = place_resolve(s, e->to, group, 1, &vid, &gid, NULL, err);
		free(group);
		/* and the group's old names (leave_alias() moved them) with it */
		if (rc != 0 || move_rows(s, from->village_id, groups[i], vid, gid,
		    err) != 0 || run(s, "UPDATE merged_group SET group_id = ?2 "
		    "WHERE group_id = ?1", groups[i], gid, 0, NULL, err) != 0)
			goto out;
	}
	if (merge_assignments(s, from, to, e->reason, err) != 0 ||
	    move_rows(s, from->village_id, 0, to->village_id, 0, err) != 0 ||
	    run(s, "DELETE FROM village_group WHERE village_id = ?1",
	    from->village_id, 0, 0, NULL, err) != 0)
		goto out;
	status = 0;
out:
	sqlite3_finalize(st);
	free(groups);
	return status;
}

/* The change itself, inside the transaction: what e says, audited. */
/* The township's name (meta "township") made e->name, audited; e->was the old one. */
static int
name_township(struct store *s, struct place_edit *e, struct error *err)
{
	for (const unsigned char *c = (const unsigned char *)e->name; *c != '\0'; c++)
		if (*c < 0x20 || *c == 0x7f)
			return error_set(err, EXIT_DATAERR, "%s", _("the township's name "
			    "is one line of text, without control characters"));
	if (strcmp(e->name, "*") == 0)
		return error_set(err, EXIT_DATAERR, _("\"*\" is the name of the "
		    "total row in reports; give the place its own name"));
	e->was = store_meta_get(s, "township");
	if (e->was != NULL && strcmp(e->was, e->name) == 0)
		return 0;
	if (store_run_id(s, "INSERT OR REPLACE INTO meta (key, value) "
	    "VALUES ('township', ?2)", 0, e->name, err) != 0)
		return -1;
	return audit_add(s, "township", e->name, "name", e->was, e->name, err) != 0 ||
	    audit_add(s, "township", e->name, "reason", NULL, e->reason, err) != 0 ?
	    -1 : 0;
}

static int
edit(struct store *s, const struct place_edit *e, struct place_moved *moved,
    struct error *err)
{
	const char *entity = e->village != NULL ? "village_group" : "village";
	struct reference_count refs[NPLACED];
	struct found from, to;
	char described[512];

	if (find(s, e, 0, &from, err) != 0)
		return -1;
	switch (e->action) {
	case PLACE_RENAME:
		switch (place_resolve(s, e->village != NULL ? e->village : e->to,
		    e->village != NULL ? e->to : NULL, 0, &to.village_id,
		    &to.group_id, NULL, err)) {
		case 0:
			return e->village != NULL ? error_set(err, EXIT_DATAERR,
			    _("%s has a villager group %s already; merge joins two "
			    "groups"), e->village, e->to) : error_set(err, EXIT_DATAERR,
			    _("village %s exists already; merge joins two villages"),
			    e->to);
		case 1:
			break;
		default:
			return -1;
		}
		if (rename_alias(s, e, &from, err) != 0)
			return -1;
		if (run(s, e->village != NULL ?
		    "UPDATE village_group SET name = ?4 WHERE id = ?2" :
		    "UPDATE village SET name = ?4 WHERE id = ?1", from.village_id,
		    from.group_id, 0, e->to, err) != 0 ||
		    audit_add(s, entity, from.entity_id, "name", e->name, e->to,
		    err) != 0 || rename_responses(s, e->village, e->village != NULL ?
		    "village_group" : "village", e->name, e->to, err) != 0)
			return -1;
		break;
	case PLACE_MERGE:
		if (find(s, e, 1, &to, err) != 0)
			return -1;
		if (to.village_id == from.village_id && to.group_id == from.group_id)
			return error_set(err, EXIT_DATAERR, _("%s cannot be merged into "
			    "itself"), from.entity_id);
		if (count_placed(s, &from, refs, err) != 0 ||
		    same_record(s, &from, &to, err) != 0 ||
		    audit_moves(s, &from, entity, e->name, e->to, err) != 0)
			return -1;
		if (leave_alias(s, e, &from, &to, err) != 0)
			return -1;
		if (e->village != NULL) {
			if (move_rows(s, from.village_id, from.group_id, to.village_id,
			    to.group_id, err) != 0 || run(s, "DELETE FROM village_group "
			    "WHERE id = ?1", from.group_id, 0, 0, NULL, err) != 0)
				return -1;
		} else if (merge_village(s, e, &from, &to, err) != 0 ||
		    run(s, "DELETE FROM village WHERE id = ?1", from.village_id, 0, 0,
		    NULL, err) != 0)
			return -1;
		if (rename_responses(s, e->village, e->village != NULL ?
		    "village_group" : "village", e->name, e->to, err) != 0 ||
		    issue_rekey(s, "village_id", to.village_id, err) != 0)
			return -1;
		memcpy(moved->records, refs, sizeof(refs));
		if (audit_add(s, entity, from.entity_id, "merged_into", e->name, e->to,
		    err) != 0)
			return -1;
		break;
	case PLACE_REMOVE:
		if (count_placed(s, &from, refs, err) != 0)
			return -1;
		if (reference_describe(refs, NPLACED, described, sizeof(described)) > 0)
			return error_set(err, EXIT_DATAERR, _("%s has %s; merge it into "
			    "another place, or move them, first"), from.entity_id,
			    described);
		if (run(s, e->village != NULL ?
		    "DELETE FROM merged_group WHERE group_id = ?2" :
		    "DELETE FROM merged_group WHERE village_id = ?1", from.village_id,
		    from.group_id, 0, NULL, err) != 0 || (e->village == NULL &&
		    run(s, "DELETE FROM merged_village WHERE village_id = ?1",
		    from.village_id, 0, 0, NULL, err) != 0) ||
		    run(s, e->village != NULL ?
		    "DELETE FROM village_group WHERE id = ?2" :
		    "DELETE FROM village_group WHERE village_id = ?1", from.village_id,
		    from.group_id, 0, NULL, err) != 0 || (e->village == NULL &&
		    run(s, "DELETE FROM village WHERE id = ?1", from.village_id, 0, 0,
		    NULL, err) != 0) ||
		    audit_add(s, entity, from.entity_id, "removed", e->name, NULL,
		    err) != 0)
			return -1;
		break;
	case PLACE_TOWNSHIP:	/* not a place: name_township() */
		break;
	}
	return audit_add(s, entity, from.entity_id, "reason", NULL, e->reason, err);
}

int
place_edit(struct store *s, struct place_edit *e,
    struct place_moved *moved, struct error *err)
{
	int status;

	memset(moved, 0, sizeof(*moved));
	for (size_t i = 0; i < NPLACED; i++) {
		moved->records[i].one = placed[i].one;
		moved->records[i].many = placed[i].many;
	}
	if (e->reason == NULL || e->reason[0] == '\0')
		return error_set(err, EXIT_USAGE, _("a change to a place needs its "
		    "reason (--reason)"));
	if (e->action == PLACE_RENAME && strcmp(e->to, "*") == 0)
		return error_set(err, EXIT_DATAERR, _("\"*\" is the name of the "
		    "total row in reports; give the place its own name"));
	if (store_begin(s, err) != 0)
		return -1;
	place_forget();
	status = e->action == PLACE_TOWNSHIP ? name_township(s, e, err) :
	    edit(s, e, moved, err);
	/* the cache knows the names as they were */
	place_forget();
	if (status != 0 || e->dry_run) {
		store_rollback(s);
		return status;
	}
	return store_commit(s, err);
}
