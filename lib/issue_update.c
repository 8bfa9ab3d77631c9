/* issue_update.c -- issue-update: an issue moved along its lifecycle, each change audited */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "issue.h"
#include "issue_parts.h"
#include "text.h"
#include "vocab.h"

const struct field_spec issue_update_fields[UPDATE_NFIELDS] = {
	{ "id", "编号|问题编号|issue_id" },
	{ "status", "状态|办理状态" },
	{ "note", "进展|工作进展|备注" },
	{ "owner", "责任人" },
	{ "owner_unit", "责任单位" },
	{ "due_date", "完成时限|办结时限|时限" },
	{ "reason", "原因|理由" },
	{ "resolution", "解决情况|办理结果" },
	{ "feedback", "反馈情况|反馈" },
	{ "promised_date", "承诺时限|承诺解决时间" },
	{ "outcome", "调解结果" },
	{ "revisit_in", "回访间隔" },
	{ "revisit_date", "回访日期" },
	{ "visitor", "回访人" },
	{ "finding", "回访结果|回访情况" },
	{ "title", "标题|事项|问题|问题描述|反映问题" },
	{ "category", "类别|问题类别|分类" },
	{ "detail", "详情|具体情况|问题详情" },
	{ "urgency", "轻重缓急|紧急程度" },
	{ "household_id", "户编号|户号" },
	{ "reporter", "反映人|提出人|群众姓名" },
	{ "standard", "整改标准" },
	{ "measures", "工作措施|整改措施" },
	{ "rating", "回访评价|回访满意度|满意度|群众评价" },
	{ "case_id", "监测案件|案件编号|案件" },
};

struct issue_update {
	int unused;
};

/*
 * Run one UPDATE of issue id setting cols[i] = vals[i] (NULL: SQL NULL)
 * and audit each column with its old and new value.  Returns 0, or -1
 * with err set.
 */
static int
update_columns(struct store *s, long long id, const char *const *cols,
    const char *const *vals, size_t n, struct error *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	char idtext[24], *old[8] = { 0 };
	int rc = -1;

	if (n > 8)
		return error_set(err, EXIT_SOFTWARE, "update_columns: %zu columns", n);
	/* the old values first, for the audit log */
	buf_puts(&sql, "SELECT NULL");
	for (size_t i = 0; i < n; i++) {
		buf_puts(&sql, ", ");
		buf_puts(&sql, cols[i]);
	}
	buf_puts(&sql, " FROM issue WHERE id = ?");
	if ((st = store_prepare(s, sql.data, err)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (size_t i = 0; i < n; i++) {
			const char *t = (const char *)sqlite3_column_text(st, (int)i + 1);

			old[i] = t != NULL ? strdup(t) : NULL;
		}
	sqlite3_finalize(st);

	buf_reset(&sql);
	buf_puts(&sql, "UPDATE issue SET updated_at = ?1");
	for (size_t i = 0; i < n; i++) {
		char piece[96];

		snprintf(piece, sizeof(piece), ", %s = ?%zu", cols[i], i + 3);
		buf_puts(&sql, piece);
	}
	buf_puts(&sql, " WHERE id = ?2");
	if ((st = store_prepare(s, sql.data, err)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	for (size_t i = 0; i < n; i++)
		sqlite3_bind_text(st, (int)i + 3, vals[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = store_error(s, rc, err);
		goto out;
	}
	rc = 0;
	snprintf(idtext, sizeof(idtext), "%lld", id);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = audit_add(s, "issue", idtext, cols[i], old[i], vals[i], err);
out:
	for (size_t i = 0; i < n; i++)
		free(old[i]);
	buf_free(&sql);
	return rc;
}

/* Audit a fact about issue id that has no column of its own (a reason, a note). */
static int
audit_fact(struct store *s, long long id, const char *field, const char *text,
    struct error *err)
{
	char idtext[24];

	snprintf(idtext, sizeof(idtext), "%lld", id);
	return audit_add(s, "issue", idtext, field, NULL, text, err);
}

/* 1 when the same note was made on the same day: a file run twice. */
static int
note_exists(struct store *s, long long id, const char *day, const char *note)
{
	struct error ignored;
	sqlite3_stmt *st = store_prepare(s, "SELECT 1 FROM issue_note WHERE "
	    "issue_id = ? AND noted_on = ? AND note = ?", &ignored);
	int found = 0;

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

/* ---- applying an update, each change audited: 1 changed, 0 not, -1 error ---- */

/* The text of column of issue id as stored, a copy (NULL for NULL); *rc an SQLite code. */
static char *
stored_text(struct store *s, long long id, const char *sql, int *rc)
{
	struct error ignored;
	sqlite3_stmt *st = store_prepare(s, sql, &ignored);
	char *text = NULL;

	*rc = SQLITE_NOMEM;
	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		text = t != NULL ? strdup(t) : NULL;
		*rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return text;
}

/* The monitoring case corrected, audited as issue-add audits it (case_id): 1 changed, 0 not, -1. */
static int
apply_case(struct store *s, const struct update *u, struct error *err)
{
	char old[24] = "", now[24] = "", idtext[24];
	sqlite3_stmt *st;
	int rc;

	if (!u->case_given)
		return 0;
	if ((st = store_prepare(s, "SELECT monitor_case_id FROM issue WHERE id = ?",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(old, sizeof(old), "%lld", sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_error(s, rc, err);
	if (u->case_id > 0)
		snprintf(now, sizeof(now), "%lld", u->case_id);
	if (strcmp(old, now) == 0)
		return 0;
	if ((st = store_prepare(s, "UPDATE issue SET monitor_case_id = nullif(?2, 0), "
	    "updated_at = ?3 WHERE id = ?1", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->id);
	sqlite3_bind_int64(st, 2, u->case_id);
	sqlite3_bind_text(st, 3, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(idtext, sizeof(idtext), "%lld", u->id);
	return audit_add(s, "issue", idtext, "case_id", old[0] != '\0' ? old : NULL,
	    now[0] != '\0' ? now : NULL, err) != 0 ? -1 : 1;
}

/*
 * The corrections that change what is stored, each audited with its old
 * value, then the reason once.  The issue keeps its natural key: the
 * record it was read from, read again, is still the same issue.
 */
static int
apply_corrections(struct store *s, const struct update *u, struct error *err)
{
	int changed = 0, rc;

	for (size_t i = 0; i < ISSUE_NCORRECTIONS; i++) {
		char sql[96], *old;
		int same;

		if (u->corrected[i] == NULL)
			continue;
		snprintf(sql, sizeof(sql), "SELECT %s FROM issue WHERE id = ?",
		    issue_corrections[i].column);
		old = stored_text(s, u->id, sql, &rc);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		same = old != NULL && strcmp(old, u->corrected[i]) == 0;
		free(old);
		if (same)
			continue;
		if (update_columns(s, u->id, &issue_corrections[i].column,
		    &u->corrected[i], 1, err) != 0)
			return -1;
		changed = 1;
	}
	if (u->household_ref > 0) {
		char *old = stored_text(s, u->id, "SELECT h.household_id FROM issue i "
		    "JOIN household h ON h.id = i.household_ref WHERE i.id = ?", &rc);
		int same = old != NULL && strcmp(old, u->v[UPDATE_HOUSEHOLD]) == 0;

		if (!same && rc == SQLITE_DONE) {
			sqlite3_stmt *st = store_prepare(s, "UPDATE issue SET "
			    "household_ref = ?2, village_id = ?3, group_id = ?4, "
			    "updated_at = ?5 WHERE id = ?1", err);
			char idtext[24];

			if (st == NULL) {
				free(old);
				return -1;
			}
			sqlite3_bind_int64(st, 1, u->id);
			sqlite3_bind_int64(st, 2, u->household_ref);
			sqlite3_bind_int64(st, 3, u->village_id);
			if (u->group_id > 0)
				sqlite3_bind_int64(st, 4, u->group_id);
			sqlite3_bind_text(st, 5, s->now, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			snprintf(idtext, sizeof(idtext), "%lld", u->id);
			if (rc != SQLITE_DONE || audit_add(s, "issue", idtext,
			    "household_id", old, u->v[UPDATE_HOUSEHOLD], err) != 0) {
				free(old);
				return rc != SQLITE_DONE ? store_error(s, rc, err) : -1;
			}
			changed = 1;
		}
		free(old);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	if ((rc = apply_case(s, u, err)) < 0)
		return -1;
	changed |= rc;
	if (changed && audit_fact(s, u->id, "reason", u->v[UPDATE_REASON],
	    err) != 0)
		return -1;
	return changed;
}

/* A new owner, a new owner unit. */
static int
apply_owner(struct store *s, const struct update *u, struct error *err)
{
	static const char *const cols[] = { "owner", "owner_unit" };
	const char *now[] = { u->cur.owner, u->cur.owner_unit };
	const char *given[] = { u->v[UPDATE_OWNER], u->v[UPDATE_OWNER_UNIT] };
	int changed = 0;

	for (size_t i = 0; i < 2; i++) {
		if (given[i] == NULL || strcmp(given[i], now[i]) == 0)
			continue;
		if (update_columns(s, u->id, &cols[i], &given[i], 1, err) != 0)
			return -1;
		changed = 1;
	}
	return changed;
}

/*
 * A new due date, and its reason: a later one is one more extension; an
 * earlier one (the deadline brought forward) is a change, not counted.
 */
static int
apply_due_date(struct store *s, const struct update *u, struct error *err)
{
	const char *cols[] = { "due_date", "extensions" };
	char count[24];
	const char *vals[] = { u->due, count };
	int later;

	if (u->v[UPDATE_DUE_DATE] == NULL || strcmp(u->due, u->cur.due) == 0)
		return 0;
	later = strcmp(u->due, u->cur.due) > 0;
	snprintf(count, sizeof(count), "%ld", u->cur.extensions + 1);
	if (update_columns(s, u->id, cols, vals, later ? 2 : 1, err) != 0 ||
	    audit_fact(s, u->id, later ? "extension_reason" : "reason",
	    u->v[UPDATE_REASON], err) != 0)
		return -1;
	return 1;
}

/* A new status, with the columns it fills and its reason. */
static int
apply_status(struct store *s, const struct update *u, struct error *err)
{
	const char *status = u->status, *cols[4], *vals[4];
	size_t n = 0;

	if (status == NULL)
		return 0;
	cols[n] = "status";
	vals[n++] = status;
	if (strcmp(status, "resolved") == 0) {
		cols[n] = "resolution";
		vals[n++] = u->v[UPDATE_RESOLUTION];
		cols[n] = "resolved_on";
		vals[n++] = u->today;
	} else if (strcmp(status, "feedback_given") == 0) {
		cols[n] = "feedback";
		vals[n++] = u->v[UPDATE_FEEDBACK];
		cols[n] = "feedback_on";
		vals[n++] = u->today;
	} else if (strcmp(status, "closed") == 0) {
		cols[n] = "closed_on";
		vals[n++] = u->today;
	} else if (strcmp(status, "closed_unresolved") == 0) {
		cols[n] = "promised_date";
		vals[n++] = u->promised;
		cols[n] = "closed_on";
		vals[n++] = u->today;
	} else if (strcmp(status, "withdrawn") == 0 &&
	    u->cur.revisit_due[0] != '\0') {
		cols[n] = "revisit_due";	/* nothing more is due */
		vals[n++] = NULL;
	}
	if (update_columns(s, u->id, cols, vals, n, err) != 0)
		return -1;
	if (issue_status_needs_reason(status) &&
	    audit_fact(s, u->id, "reason", u->v[UPDATE_REASON], err) != 0)
		return -1;
	return 1;
}

/* Feedback told again, without a change of status: a note. */
static int
apply_feedback(struct store *s, const struct update *u, struct error *err)
{
	if (u->v[UPDATE_FEEDBACK] == NULL || (u->status != NULL &&
	    strcmp(u->status, "feedback_given") == 0))
		return 0;
	return audit_fact(s, u->id, "feedback", u->v[UPDATE_FEEDBACK], err) != 0 ?
	    -1 : 1;
}

/*
 * The household's rating at the callback: its row (one a day; the same
 * again changes nothing), audited; a dissatisfied one reopens the issue
 * (the 12345 hotline's rule).
 */
static int
apply_rating(struct store *s, const struct update *u, const char *who,
    struct error *err)
{
	sqlite3_stmt *st;
	const char *col = "status", *val = "reopened";
	int rc;

	if (u->rating == NULL)
		return 0;
	if ((st = store_prepare(s, "INSERT INTO scorecard_callback (issue_id, "
	    "called_on, rating, who) VALUES (?1, ?2, ?3, ?4) ON CONFLICT "
	    "(issue_id, called_on) DO UPDATE SET rating = ?3, who = ?4 "
	    "WHERE rating <> ?3", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->id);
	sqlite3_bind_text(st, 2, u->today, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->rating, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, who, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (sqlite3_changes(s->db) == 0)
		return 0;
	if (audit_fact(s, u->id, "rating", u->rating, err) != 0)
		return -1;
	if (strcmp(u->rating, "dissatisfied") == 0 &&
	    (update_columns(s, u->id, &col, &val, 1, err) != 0 ||
	    audit_fact(s, u->id, "reason", _("the household was dissatisfied "
	    "at the callback"), err) != 0))
		return -1;
	return 1;
}

/* A mediation's outcome; a successful one is revisited revisit_in days later. */
static int
apply_outcome(struct store *s, const struct update *u, struct error *err)
{
	const char *cols[] = { "mediation_outcome", "mediated_on", "revisit_due" };
	char revisit_due[11];
	const char *vals[] = { u->outcome, u->today, NULL };

	const char *col = "status", *val = "reopened";

	if (u->outcome == NULL)
		return 0;
	if (strcmp(u->outcome, "success") == 0) {
		date_from_days(date_to_days(u->today) + u->revisit_in, revisit_due);
		vals[2] = revisit_due;
	}
	if (update_columns(s, u->id, cols, vals, 3, err) != 0)
		return -1;
	if (u->unmediated && (update_columns(s, u->id, &col, &val, 1, err) != 0 ||
	    audit_fact(s, u->id, "reason", _("the mediation failed after it had "
	    "succeeded"), err) != 0))
		return -1;
	return 1;
}

/* A revisit made: its row, nothing more due, and a relapse reopens the dispute. */
static int
apply_revisit(struct store *s, const struct update *u, struct error *err)
{
	sqlite3_stmt *st;
	const char *col = "revisit_due", *val = NULL;
	char what[512];
	int rc;

	if (u->finding == NULL)
		return 0;
	if ((st = store_prepare(s, "INSERT INTO revisit (issue_id, visited_on, "
	    "visitor, finding, notes) VALUES (?, ?, ?, ?, ?)", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->id);
	sqlite3_bind_text(st, 2, u->revisit_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->v[UPDATE_VISITOR], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->finding, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, u->v[UPDATE_NOTE], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(what, sizeof(what), "%s %s %s", u->revisit_date,
	    u->v[UPDATE_VISITOR], u->finding);
	if (audit_fact(s, u->id, "revisit", what, err) != 0)
		return -1;
	/* the revisit is done: nothing more is due */
	if (u->cur.revisit_due[0] != '\0' &&
	    update_columns(s, u->id, &col, &val, 1, err) != 0)
		return -1;
	if (strcmp(u->finding, "relapsed") == 0) {
		col = "status";
		val = "reopened";
		if (update_columns(s, u->id, &col, &val, 1, err) != 0 ||
		    audit_fact(s, u->id, "reason", _("relapsed at the revisit"), err) != 0)
			return -1;
	}
	return 1;
}

/* A note (a revisit's note goes with the revisit), once a day. */
static int
apply_note(struct store *s, const struct update *u, const char *who,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (u->v[UPDATE_NOTE] == NULL || u->finding != NULL ||
	    note_exists(s, u->id, u->today, u->v[UPDATE_NOTE]))
		return 0;
	if ((st = store_prepare(s, "INSERT INTO issue_note (issue_id, noted_on, "
	    "who, note) VALUES (?, ?, ?, ?)", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->id);
	sqlite3_bind_text(st, 2, u->today, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->v[UPDATE_NOTE], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return audit_fact(s, u->id, "note", u->v[UPDATE_NOTE], err) != 0 ? -1 : 1;
}

/*
 * One update record: the issue found, everything checked first (every
 * problem reported), then each change applied in turn, audited.
 */
static int
update_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct issue_update_settings *set = import_options(im)->settings;
	struct store *s = import_store(im);
	struct update u = { 0 };
	int (*const apply[])(struct store *, const struct update *, struct error *) = {
		apply_corrections, apply_owner, apply_due_date, apply_status,
		apply_feedback, apply_outcome, apply_revisit,
	};
	int rc, changed = 0;

	(void)context;
	u.revisit_in = set != NULL && set->revisit_in > 0 ? set->revisit_in : 30;
	snprintf(u.today, sizeof(u.today), "%.10s", set != NULL && set->today ?
	    set->today : s->now);
	for (int k = 0; k < UPDATE_NFIELDS; k++)
		u.v[k] = import_value(im, rec, (size_t)k);
	if ((rc = issue_update_check(im, rec, s, &u, err)) != 0)
		return rc;
	for (size_t i = 0; i < sizeof(apply) / sizeof(apply[0]); i++) {
		if ((rc = apply[i](s, &u, err)) < 0)
			return -1;
		changed |= rc;
	}
	if ((rc = apply_rating(s, &u, set != NULL && set->who ? set->who : s->who,
	    err)) < 0)
		return -1;
	changed |= rc;
	if ((rc = apply_note(s, &u, set != NULL && set->who ? set->who : s->who,
	    err)) < 0)
		return -1;
	if (!(changed | rc)) {
		import_stats(im)->unchanged++;
		return 0;
	}
	import_stats(im)->updated++;
	if (set != NULL && issue_ids_add(&set->changed, u.id) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

const struct import_kind issue_update_kind = {
	issue_update_fields, UPDATE_NFIELDS, update_row, NULL, NULL,
	sizeof(struct issue_update),
	.entity = "issue",
};
