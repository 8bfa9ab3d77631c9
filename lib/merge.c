/* merge.c -- a record given again: compare it with its stored row, update and audit what changed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "merge.h"
#include "worker.h"

int
merge_start(struct merge *m, struct store *s, const struct merge_rule *rule,
    struct error *err)
{
	sqlite3_stmt *st;
	char sql[128];
	int rc;

	m->rule = rule;
	m->update = calloc(rule->nfields, sizeof(*m->update));
	if (m->update == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	snprintf(sql, sizeof(sql), "SELECT coalesce(max(id), 0) + 1 FROM %s",
	    rule->table);
	if ((st = store_prepare(s, sql, err)) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		m->first_new_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_error(s, rc, err);
}

void
merge_free(struct merge *m)
{
	if (m->update != NULL && m->rule != NULL)
		for (size_t k = 0; k < m->rule->nfields; k++)
			sqlite3_finalize(m->update[k]);
	free(m->update);
	memset(m, 0, sizeof(*m));
}

/*
 * Append to changed[] each field k in [first, n) that the record gives
 * (values[k] not NULL) and that differs from the stored value in column
 * k of row, which is copied to old[k] (NULL when it was NULL; the
 * caller frees).  Returns how many, or -1 with err set.
 */
static long
changed_fields(sqlite3_stmt *row, const char *const *values, size_t first,
    size_t n, char **old, size_t *changed, struct error *err)
{
	long nchanged = 0;

	for (size_t k = first; k < n; k++) {
		const char *was = (const char *)sqlite3_column_text(row, (int)k);

		if (values[k] == NULL)
			continue;	/* not given: keep what is stored */
		if (was != NULL && strcmp(was, values[k]) == 0)
			continue;
		if (was != NULL && (old[k] = strdup(was)) == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		changed[nchanged++] = k;
	}
	return nchanged;
}

/* Write value to field k of row id: 0, or -1 with err set. */
static int
update_field(struct merge *m, struct store *s, long long id, size_t k,
    const char *value, struct error *err)
{
	const struct merge_rule *rule = m->rule;
	sqlite3_stmt *st = m->update[k];
	int p = 1, rc;

	if (st == NULL) {
		char sql[160];

		snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ?%s WHERE id = ?",
		    rule->table, rule->column[k], rule->stamped ?
		    ", updated_at = ?" : "");
		if ((st = m->update[k] = store_prepare(s, sql, err)) == NULL)
			return -1;
	}
	if (rule->bind != NULL)
		rule->bind(st, p++, k, value);
	else
		sqlite3_bind_text(st, p++, value, -1, SQLITE_STATIC);
	if (rule->stamped)
		sqlite3_bind_text(st, p++, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, p, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

int
merge_record(struct merge *m, struct import *im, const struct record *rec,
    sqlite3_stmt *row, const char *const *values, const char *key,
    void *context, struct error *err)
{
	const struct merge_rule *rule = m->rule;
	struct store *s = import_store(im);
	struct ring *ring = import_ring(im);
	long long id = sqlite3_column_int64(row, 0);
	char **old = calloc(rule->nfields, sizeof(*old));
	size_t *changed = calloc(rule->nfields, sizeof(*changed));
	long n;
	int rc = 0;

	if (old == NULL || changed == NULL) {
		rc = error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	if ((n = changed_fields(row, values, rule->first, rule->nfields, old,
	    changed, err)) < 0) {
		rc = -1;
		goto out;
	}
	if (id >= m->first_new_id) {
		rc = rule->again(context, im, rec, row, err);
		goto out;
	}
	if (n == 0) {
		import_stats(im)->unchanged++;
		goto out;
	}
	if (!import_options(im)->upsert) {
		import_stats(im)->differ++;
		goto out;
	}
	if (rule->also != NULL &&
	    (n = rule->also(context, row, values, old, changed, (size_t)n)) < 0) {
		rc = error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	sqlite3_reset(row);
	for (long i = 0; i < n; i++) {
		size_t k = changed[i];

		if (rule->changing != NULL && (rc = rule->changing(context, im, rec,
		    id, k, values, old[k], err)) != 0)
			goto out;
		if (rule->column[k] != NULL &&
		    (rc = update_field(m, s, id, k, values[k], err)) != 0)
			goto out;
		if (ring != NULL)
			ring_changed(ring);
		if ((rc = audit_add(s, rule->entity, key, rule->specs[k].name, old[k],
		    values[k], err)) != 0)
			goto out;
	}
	if (import_options(im)->reason != NULL &&
	    (rc = audit_add(s, rule->entity, key, "reason", NULL,
	    import_options(im)->reason, err)) != 0)
		goto out;
	import_stats(im)->updated++;
	import_stats(im)->corrected++;
out:
	sqlite3_reset(row);
	if (old != NULL)
		for (size_t k = 0; k < rule->nfields; k++)
			free(old[k]);
	free(old);
	free(changed);
	return rc;
}

sqlite3_stmt *
merge_same_prepare(struct store *s, const char *head, const char *const *column,
    size_t first, size_t n, int offset, struct error *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	char term[96];

	buf_puts(&sql, head);
	for (size_t k = first; k < n; k++) {
		snprintf(term, sizeof(term), " AND (?%d IS NULL OR %s = ?%d)",
		    (int)k + offset, column[k], (int)k + offset);
		buf_puts(&sql, term);
	}
	if (sql.data == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		return NULL;
	}
	st = store_prepare(s, sql.data, err);
	buf_free(&sql);
	return st;
}
