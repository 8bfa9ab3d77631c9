/* issue.c -- the ledger (台账) that adding and updating share: ids, an issue written out, its moves, the deadline rules */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "issue.h"
#include "issue_parts.h"
#include "text.h"
#include "vocab.h"

const struct column issue_out_columns[ISSUE_OUT_NCOLUMNS] = {
	{ "id", N_("id"), COLUMN_INTEGER },
	{ "kind", N_("kind"), COLUMN_TEXT },
	{ "category", N_("category"), COLUMN_TEXT },
	{ "title", N_("title"), COLUMN_TEXT },
	{ "urgency", N_("urgency"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "owner", N_("owner"), COLUMN_TEXT },
	{ "due_date", N_("due"), COLUMN_TEXT },
	{ "status", N_("status"), COLUMN_TEXT },
	{ "extensions", N_("extensions"), COLUMN_INTEGER },
};

int
issue_status_open(const char *status)
{
	return status != NULL && (strcmp(status, "open") == 0 ||
	    strcmp(status, "in_progress") == 0 || strcmp(status, "reopened") == 0);
}

int
issue_ids_add(struct issue_ids *ids, long long id)
{
	if (ids->len > 0 && ids->ids[ids->len - 1] == id)
		return 0;
	if (ids->len == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 64;
		long long *p = realloc(ids->ids, cap * sizeof(*p));

		if (p == NULL)
			return -1;
		ids->ids = p;
		ids->cap = cap;
	}
	ids->ids[ids->len++] = id;
	return 0;
}

void
issue_ids_free(struct issue_ids *ids)
{
	free(ids->ids);
	memset(ids, 0, sizeof(*ids));
}

void
issue_unknown_value(struct import *im, const struct record *rec, int k,
    const char *domain, const char *except, const char *value)
{
	char expected[1024];

	import_problem(im, rec, k, _("unknown value \"%s\"; expected one of: %s"),
	    value, vocab_describe_except(domain, except, expected,
	    sizeof(expected)));
}

int
issue_check_date(struct import *im, const struct record *rec, int k,
    const char *text, char out[11])
{
	if (date_parse(text, out) == 0)
		return 0;
	import_problem(im, rec, k, _("not a date: \"%s\" (write 2022-11-01)"), text);
	return 1;
}

int
issue_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err)
{
	static const char *const domains[ISSUE_OUT_NCOLUMNS] = {
		NULL, "issue_kind", "issue_category", NULL, "urgency", NULL, NULL,
		NULL, NULL, NULL, "status", NULL
	};

	return writer_store_row(w, s, "SELECT i.id, i.kind, i.category, "
	    "i.title, i.urgency, v.name, g.name, h.household_id, i.owner, "
	    "i.due_date, i.status, i.extensions FROM issue i "
	    "LEFT JOIN village v ON v.id = i.village_id "
	    "LEFT JOIN village_group g ON g.id = i.group_id "
	    "LEFT JOIN household h ON h.id = i.household_ref WHERE i.id = ?",
	    id, domains, labels, err);
}

char *
issue_moves_from(struct store *s, const char *status, char *out, size_t size)
{
	struct error ignored;
	sqlite3_stmt *st;
	size_t used = 0;

	out[0] = '\0';
	if ((st = store_prepare(s, "SELECT to_status FROM status_move WHERE "
	    "from_status = ? ORDER BY rowid", &ignored)) == NULL)
		return out;
	sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && used + 1 < size) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		int n = snprintf(out + used, size - used, "%s",
		    used > 0 ? _(", ") : "");

		if (n >= 0 && (size_t)n < size - used)
			used += (size_t)n;
		n = snprintf(out + used, size - used, _("%s (%s)"), code,
		    vocab_label("status", code));
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	sqlite3_finalize(st);
	if (used == 0)
		snprintf(out, size, "%s", _("none"));
	return out;
}

int
issue_set_deadline_rule(struct store *s, const char *category,
    const char *urgency, long days, int working, struct error *err)
{
	sqlite3_stmt *st;
	char key[128], value[24], old[24] = "";
	int rc;

	snprintf(key, sizeof(key), "%s:%s", category, urgency);
	snprintf(value, sizeof(value), "%ld%s", days, working ? "wd" : "");
	if ((st = store_prepare(s, "SELECT days, working_days FROM deadline_rule "
	    "WHERE category = ? AND urgency = ?", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, urgency, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(old, sizeof(old), "%d%s", sqlite3_column_int(st, 0),
		    sqlite3_column_int(st, 1) ? "wd" : "");
	sqlite3_finalize(st);
	if (strcmp(old, value) == 0)
		return 0;
	if ((st = store_prepare(s, "INSERT INTO deadline_rule VALUES (?, ?, ?, ?) "
	    "ON CONFLICT DO UPDATE SET days = excluded.days, "
	    "working_days = excluded.working_days", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, urgency, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, days);
	sqlite3_bind_int(st, 4, working);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, rc, err);
		return -1;
	}
	return audit_add(s, "deadline_rule", key, "days", old[0] ? old : NULL,
	    value, err);
}

/*
 * key with its place's ids (the three fields before the reporter, the
 * last field but a repeat's date) as vid, gid, href, into out.  0, or
 * -1 when key is not so made.
 */
static int
rekeyed(const char *key, long long vid, long long gid, long long href,
    struct buf *out)
{
	const char *sep[4] = { 0 }, *end = strchr(key, '\x1e');
	char ids[96];
	int found = 0;

	if (end == NULL)
		end = key + strlen(key);
	for (const char *p = end; p > key && found < 4; )
		if (*--p == '\x1f')
			sep[found++] = p;	/* sep[3]: before the village's id */
	if (found < 4 || strncmp(key, "rec\x1f", 4) != 0 || sep[3] < key + 4)
		return -1;
	snprintf(ids, sizeof(ids), "\x1f%lld\x1f%lld\x1f%lld", vid, gid, href);
	buf_reset(out);
	buf_append(out, key, (size_t)(sep[3] - key));
	buf_puts(out, ids);
	buf_puts(out, sep[0]);
	return out->data != NULL ? 0 : -1;
}

int
issue_rekey(struct store *s, const char *column, long long value,
    struct error *err)
{
	char sql[256];
	sqlite3_stmt *st, *up;
	struct buf key = { 0 };
	int rc;

	snprintf(sql, sizeof(sql), "SELECT id, natural_key, coalesce(village_id, "
	    "0), coalesce(group_id, 0), coalesce(household_ref, 0) FROM issue "
	    "WHERE %s = ? AND substr(natural_key, 1, 4) = 'rec' || char(31)",
	    column);
	if ((st = store_prepare(s, sql, err)) == NULL)
		return -1;
	if ((up = store_prepare(s, "UPDATE OR IGNORE issue SET natural_key = ?2 "
	    "WHERE id = ?1", err)) == NULL) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, value);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (rekeyed((const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
		    sqlite3_column_int64(st, 4), &key) != 0)
			continue;
		sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0));
		sqlite3_bind_text(up, 2, key.data, (int)key.len, SQLITE_STATIC);
		rc = sqlite3_step(up);
		sqlite3_reset(up);
		if (rc != SQLITE_DONE)
			break;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	buf_free(&key);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}
