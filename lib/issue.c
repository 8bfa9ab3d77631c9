/* issue.c -- the ledger (台账): issues, their lifecycle, notes, mediation and revisits */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "issue.h"
#include "place.h"
#include "text.h"
#include "vocab.h"

const struct field_spec issue_fields[ISSUE_NFIELDS] = {
	{ "kind", "类型|事项类型|问题类型" },
	{ "category", "类别|问题类别|分类" },
	{ "title", "标题|事项|问题|问题描述|反映问题" },
	{ "detail", "详情|具体情况|问题详情" },
	{ "urgency", "轻重缓急|紧急程度" },
	{ "village", "村(社区)|村|社区|村名|所属村" },
	{ "village_group", "村民小组|社|组|小组" },
	{ "household_id", "户编号|户号" },
	{ "reporter", "反映人|提出人|群众姓名" },
	{ "source", "来源|问题来源" },
	{ "source_ref", "来源编号|来源记录" },
	{ "owner", "责任人" },
	{ "owner_unit", "责任单位" },
	{ "due_date", "完成时限|办结时限|时限" },
	{ "standard", "整改标准" },
	{ "measures", "工作措施|整改措施" },
	{ "resolved_on_spot", "立即解决|当场解决" },
	{ "resolution", "解决情况|办理结果" },
	{ "dispute_type", "纠纷类型" },
	{ "parties", "当事人" },
	{ "mediator", "调解人" },
	{ "opened_on", "登记日期|提出日期|反映日期" },
};

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

/* The vocabulary of each field that has one. */
static const char *const issue_domain[ISSUE_NFIELDS] = {
	[ISSUE_KIND] = "issue_kind", [ISSUE_CATEGORY] = "issue_category",
	[ISSUE_URGENCY] = "urgency", [ISSUE_SOURCE] = "issue_source",
	[ISSUE_RESOLVED_ON_SPOT] = "yes_no", [ISSUE_DISPUTE_TYPE] = "dispute_type",
};

struct issue_import {
	sqlite3_stmt *insert, *household, *rule;
};

static int
ids_add(struct issue_ids *ids, long long id)
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

/* Report that value is not in domain. */
static void
unknown_value(struct import *im, const struct record *rec, int k,
    const char *domain, const char *value)
{
	char expected[1024];

	import_problem(im, rec, k, _("unknown value \"%s\"; expected one of: %s"),
	    value, vocab_describe(domain, expected, sizeof(expected)));
}

/* Parse a date field into out; a problem if it is none.  Returns 0 or 1. */
static int
check_date(struct import *im, const struct record *rec, int k, const char *text,
    char out[11])
{
	if (date_parse(text, out) == 0)
		return 0;
	import_problem(im, rec, k, _("not a date: \"%s\" (write 2022-11-01)"), text);
	return 1;
}

/* The due date from the deadline rules: opened + days(category, urgency). */
static int
rule_due_date(struct store *s, struct issue_import *ii, const char *category,
    const char *urgency, const char *opened, char out[11], struct error *err)
{
	int rc;
	long days = -1;

	if (ii->rule == NULL && (ii->rule = store_prepare(s,
	    "SELECT days FROM deadline_rule WHERE urgency = ?2 AND "
	    "(category = ?1 OR category = '*') ORDER BY category = '*' LIMIT 1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_text(ii->rule, 1, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(ii->rule, 2, urgency, -1, SQLITE_STATIC);
	rc = sqlite3_step(ii->rule);
	if (rc == SQLITE_ROW)
		days = sqlite3_column_int(ii->rule, 0);
	sqlite3_reset(ii->rule);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (days < 0)
		days = 30;
	date_from_days(date_to_days(opened) + days, out);
	return 0;
}

/* The key that makes two records the same issue. */
static void
natural_key(struct buf *key, const char *const *v, long long village_id,
    long long group_id, long long household_ref)
{
	char ids[80];

	buf_reset(key);
	if (v[ISSUE_SOURCE_REF] != NULL) {
		buf_puts(key, "ref\x1f");
		buf_puts(key, v[ISSUE_SOURCE]);
		buf_puts(key, "\x1f");
		buf_puts(key, v[ISSUE_SOURCE_REF]);
		buf_puts(key, "\x1f");
		buf_puts(key, v[ISSUE_TITLE]);
		return;
	}
	snprintf(ids, sizeof(ids), "\x1f%lld\x1f%lld\x1f%lld\x1f", village_id,
	    group_id, household_ref);
	buf_puts(key, "rec\x1f");
	buf_puts(key, v[ISSUE_KIND]);
	buf_puts(key, "\x1f");
	buf_puts(key, v[ISSUE_TITLE]);
	buf_puts(key, ids);
	buf_puts(key, v[ISSUE_REPORTER] != NULL ? v[ISSUE_REPORTER] : "");
}

static int
issue_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct issue_import *ii = context;
	struct issue_settings *set = import_options(im)->settings;
	struct store *s = import_store(im);
	const char *v[ISSUE_NFIELDS];
	char opened[11], due[11];
	long long village_id = 0, group_id = 0, household_ref = 0, id;
	struct buf key = { 0 };
	int bad = 0, rc, resolved = 0;
	sqlite3_stmt *st;

	for (int k = 0; k < ISSUE_NFIELDS; k++) {
		v[k] = import_value(im, rec, (size_t)k);
		if (v[k] == NULL && set != NULL)
			v[k] = set->defaults[k];
	}
	if (v[ISSUE_KIND] == NULL)
		v[ISSUE_KIND] = "problem";
	if (v[ISSUE_CATEGORY] == NULL)
		v[ISSUE_CATEGORY] = "other";
	if (v[ISSUE_URGENCY] == NULL)
		v[ISSUE_URGENCY] = "normal";
	if (v[ISSUE_SOURCE] == NULL)
		v[ISSUE_SOURCE] = "other";
	for (int k = 0; k < ISSUE_NFIELDS; k++) {
		const char *code;

		if (issue_domain[k] == NULL || v[k] == NULL)
			continue;
		if ((code = vocab_code(issue_domain[k], v[k])) == NULL) {
			unknown_value(im, rec, k, issue_domain[k], v[k]);
			bad = 1;
		} else
			v[k] = code;
	}
	if (v[ISSUE_TITLE] == NULL) {
		import_problem(im, rec, ISSUE_TITLE, _("missing; say what the issue is"));
		bad = 1;
	}
	if (v[ISSUE_OWNER] == NULL) {
		import_problem(im, rec, ISSUE_OWNER, _("missing; every issue needs "
		    "someone responsible (--owner gives a default)"));
		bad = 1;
	}
	opened[0] = '\0';
	if (v[ISSUE_OPENED_ON] != NULL) {
		if (check_date(im, rec, ISSUE_OPENED_ON, v[ISSUE_OPENED_ON], opened))
			bad = 1;
	} else
		snprintf(opened, sizeof(opened), "%.10s", set != NULL && set->today ?
		    set->today : s->now);
	if (v[ISSUE_DUE_DATE] != NULL) {
		if (check_date(im, rec, ISSUE_DUE_DATE, v[ISSUE_DUE_DATE], due))
			bad = 1;
		else if (opened[0] != '\0' && strcmp(due, opened) < 0) {
			import_problem(im, rec, ISSUE_DUE_DATE, _("%s is before the "
			    "issue was opened (%s); give opened_on for an older issue"),
			    due, opened);
			bad = 1;
		}
	}
	if (v[ISSUE_KIND] != NULL && strcmp(v[ISSUE_KIND], "dispute") != 0) {
		static const int dispute_only[] = { ISSUE_DISPUTE_TYPE, ISSUE_PARTIES,
		    ISSUE_MEDIATOR };

		for (size_t i = 0; i < 3; i++)
			if (v[dispute_only[i]] != NULL) {
				import_problem(im, rec, dispute_only[i],
				    _("only a dispute has this"));
				bad = 1;
			}
	}
	if (v[ISSUE_RESOLVED_ON_SPOT] != NULL &&
	    strcmp(v[ISSUE_RESOLVED_ON_SPOT], "yes") == 0) {
		resolved = 1;
		if (v[ISSUE_RESOLUTION] == NULL) {
			import_problem(im, rec, ISSUE_RESOLUTION, _("missing; an issue "
			    "resolved on the spot says how"));
			bad = 1;
		}
	} else if (import_value(im, rec, ISSUE_RESOLUTION) != NULL) {
		import_problem(im, rec, ISSUE_RESOLUTION, _("only for an issue "
		    "resolved on the spot; issue-update records a later resolution"));
		bad = 1;
	}
	/* the place: the household's, or the village and group named */
	if (v[ISSUE_HOUSEHOLD] != NULL) {
		if (ii->household == NULL && (ii->household = store_prepare(s,
		    "SELECT h.id, h.village_id, coalesce(h.group_id, 0), v.name, g.name "
		    "FROM household h JOIN village v ON v.id = h.village_id "
		    "LEFT JOIN village_group g ON g.id = h.group_id "
		    "WHERE h.household_id = ?", err)) == NULL)
			return -1;
		sqlite3_bind_text(ii->household, 1, v[ISSUE_HOUSEHOLD], -1, SQLITE_STATIC);
		rc = sqlite3_step(ii->household);
		if (rc == SQLITE_ROW) {
			const char *hv = (const char *)sqlite3_column_text(ii->household, 3);
			const char *hg = (const char *)sqlite3_column_text(ii->household, 4);

			household_ref = sqlite3_column_int64(ii->household, 0);
			village_id = sqlite3_column_int64(ii->household, 1);
			group_id = sqlite3_column_int64(ii->household, 2);
			if (v[ISSUE_VILLAGE] != NULL && strcmp(v[ISSUE_VILLAGE], hv) != 0) {
				import_problem(im, rec, ISSUE_VILLAGE, _("household %s "
				    "is in %s"), v[ISSUE_HOUSEHOLD], hv);
				bad = 1;
			}
			if (v[ISSUE_GROUP] != NULL && (hg == NULL ||
			    strcmp(v[ISSUE_GROUP], hg) != 0)) {
				import_problem(im, rec, ISSUE_GROUP, _("household %s "
				    "is in %s"), v[ISSUE_HOUSEHOLD], hg ? hg : "-");
				bad = 1;
			}
		} else if (rc == SQLITE_DONE) {
			import_problem(im, rec, ISSUE_HOUSEHOLD, _("no such household"));
			bad = 1;
		}
		sqlite3_reset(ii->household);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_error(s, rc, err);
	} else if (v[ISSUE_VILLAGE] != NULL) {
		rc = place_resolve(s, v[ISSUE_VILLAGE], v[ISSUE_GROUP], 0, &village_id,
		    &group_id, NULL, err);
		if (rc < 0)
			return -1;
		if (rc == 1) {
			if (place_resolve(s, v[ISSUE_VILLAGE], NULL, 0, &village_id,
			    &group_id, NULL, err) == 1)
				import_problem(im, rec, ISSUE_VILLAGE, _("no such village"));
			else
				import_problem(im, rec, ISSUE_GROUP, _("no such villager "
				    "group in %s"), v[ISSUE_VILLAGE]);
			bad = 1;
		}
	} else if (v[ISSUE_GROUP] != NULL) {
		import_problem(im, rec, ISSUE_GROUP, _("a villager group needs its village"));
		bad = 1;
	}
	if (bad)
		return 1;
	if (v[ISSUE_DUE_DATE] == NULL &&
	    rule_due_date(s, ii, v[ISSUE_CATEGORY], v[ISSUE_URGENCY], opened, due,
	    err) != 0)
		return -1;

	natural_key(&key, v, village_id, group_id, household_ref);
	if (ii->insert == NULL && (ii->insert = store_prepare(s,
	    "INSERT INTO issue (kind, category, title, detail, urgency, village_id, "
	    "group_id, household_ref, reporter, source, source_ref, meeting_id, owner, "
	    "owner_unit, opened_on, due_date, standard, measures, status, resolution, "
	    "resolved_on, dispute_type, parties, mediator, natural_key, created_at, "
	    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
	    "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
	    "?26) ON CONFLICT (natural_key) DO NOTHING RETURNING id", err)) == NULL) {
		buf_free(&key);
		return -1;
	}
	st = ii->insert;
	sqlite3_bind_text(st, 1, v[ISSUE_KIND], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, v[ISSUE_CATEGORY], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, v[ISSUE_TITLE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, v[ISSUE_DETAIL], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, v[ISSUE_URGENCY], -1, SQLITE_STATIC);
	if (village_id > 0)
		sqlite3_bind_int64(st, 6, village_id);
	if (group_id > 0)
		sqlite3_bind_int64(st, 7, group_id);
	if (household_ref > 0)
		sqlite3_bind_int64(st, 8, household_ref);
	sqlite3_bind_text(st, 9, v[ISSUE_REPORTER], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, v[ISSUE_SOURCE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, v[ISSUE_SOURCE_REF], -1, SQLITE_STATIC);
	if (set != NULL && set->meeting_id > 0)
		sqlite3_bind_int64(st, 12, set->meeting_id);
	sqlite3_bind_text(st, 13, v[ISSUE_OWNER], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, v[ISSUE_OWNER_UNIT], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, opened, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, v[ISSUE_STANDARD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, v[ISSUE_MEASURES], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, resolved ? "resolved" : "open", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, resolved ? v[ISSUE_RESOLUTION] : NULL, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 21, resolved ? opened : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 22, v[ISSUE_DISPUTE_TYPE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 23, v[ISSUE_PARTIES], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 24, v[ISSUE_MEDIATOR], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 25, key.data, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 26, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	buf_free(&key);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (id == 0) {
		import_stats(im)->unchanged++;
		return 0;
	}
	{
		char idtext[24];

		snprintf(idtext, sizeof(idtext), "%lld", id);
		if (audit_add(s, "issue", idtext, "status", NULL,
		    resolved ? "resolved" : "open", err) != 0)
			return -1;
		if (audit_add(s, "issue", idtext, "owner", NULL, v[ISSUE_OWNER],
		    err) != 0 || audit_add(s, "issue", idtext, "due_date", NULL,
		    due, err) != 0)
			return -1;
	}
	import_stats(im)->added++;
	if (set != NULL && ids_add(&set->added, id) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

static void
issue_cleanup(void *context)
{
	struct issue_import *ii = context;

	sqlite3_finalize(ii->insert);
	sqlite3_finalize(ii->household);
	sqlite3_finalize(ii->rule);
}

const struct import_kind issue_import_kind = {
	issue_fields, ISSUE_NFIELDS, issue_row, NULL, issue_cleanup,
	sizeof(struct issue_import)
};

int
issue_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT i.id, i.kind, i.category, "
	    "i.title, i.urgency, v.name, g.name, h.household_id, i.owner, "
	    "i.due_date, i.status, i.extensions FROM issue i "
	    "LEFT JOIN village v ON v.id = i.village_id "
	    "LEFT JOIN village_group g ON g.id = i.group_id "
	    "LEFT JOIN household h ON h.id = i.household_ref WHERE i.id = ?", err);
	static const char *const domains[ISSUE_OUT_NCOLUMNS] = {
		NULL, "issue_kind", "issue_category", NULL, "urgency", NULL, NULL,
		NULL, NULL, NULL, "status", NULL
	};
	const char *v[ISSUE_OUT_NCOLUMNS];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (int k = 0; k < ISSUE_OUT_NCOLUMNS; k++) {
			v[k] = (const char *)sqlite3_column_text(st, k);
			if (labels && domains[k] != NULL)
				v[k] = vocab_label(domains[k], v[k]);
		}
		rc = writer_row(w, v, err) == 0 ? SQLITE_DONE : -1;
	}
	sqlite3_finalize(st);
	if (rc == -1)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
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
		int n = snprintf(out + used, size - used, "%s%s (%s)",
		    used > 0 ? ", " : "", code, vocab_label("status", code));

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
    const char *urgency, long days, struct error *err)
{
	sqlite3_stmt *st;
	char key[128], value[24], old[24] = "";
	int rc;

	snprintf(key, sizeof(key), "%s:%s", category, urgency);
	snprintf(value, sizeof(value), "%ld", days);
	if ((st = store_prepare(s, "SELECT days FROM deadline_rule WHERE "
	    "category = ? AND urgency = ?", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, urgency, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(old, sizeof(old), "%d", sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	if ((st = store_prepare(s, "INSERT INTO deadline_rule VALUES (?, ?, ?) "
	    "ON CONFLICT DO UPDATE SET days = excluded.days", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, urgency, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, days);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, rc, err);
		return -1;
	}
	return audit_add(s, "deadline_rule", key, "days", old[0] ? old : NULL,
	    value, err);
}

/* ---- issue-update ---- */

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
};

struct issue_update {
	int unused;
};

/* The issue as stored, for an update. */
struct current {
	char kind[16], status[24], owner[256], owner_unit[256], due[11];
	char mediation[16], revisit_due[11], opened[11];
	long extensions;
	int has_owner_unit, has_mediation;
};

static int
load_issue(struct store *s, long long id, struct current *c, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT kind, status, owner, "
	    "owner_unit, due_date, extensions, mediation_outcome, revisit_due, "
	    "opened_on FROM issue "
	    "WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *unit = (const char *)sqlite3_column_text(st, 3);
		const char *med = (const char *)sqlite3_column_text(st, 6);

		snprintf(c->kind, sizeof(c->kind), "%s", sqlite3_column_text(st, 0));
		snprintf(c->status, sizeof(c->status), "%s", sqlite3_column_text(st, 1));
		snprintf(c->owner, sizeof(c->owner), "%s", sqlite3_column_text(st, 2));
		snprintf(c->owner_unit, sizeof(c->owner_unit), "%s", unit ? unit : "");
		c->has_owner_unit = unit != NULL;
		snprintf(c->due, sizeof(c->due), "%s", sqlite3_column_text(st, 4));
		c->extensions = sqlite3_column_int(st, 5);
		snprintf(c->mediation, sizeof(c->mediation), "%s", med ? med : "");
		snprintf(c->opened, sizeof(c->opened), "%s",
		    sqlite3_column_text(st, 8));
		snprintf(c->revisit_due, sizeof(c->revisit_due), "%s",
		    sqlite3_column_text(st, 7) ? (const char *)sqlite3_column_text(st, 7) :
		    "");
		c->has_mediation = med != NULL;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

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

static int
update_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct issue_update_settings *set = import_options(im)->settings;
	struct store *s = import_store(im);
	const char *v[UPDATE_NFIELDS];
	struct current cur;
	long long id = 0;
	long revisit_in = set != NULL && set->revisit_in > 0 ? set->revisit_in : 30;
	char due[11], promised[11], revisit_date[11], moves[512], today[11];
	const char *status = NULL, *outcome = NULL, *finding = NULL;
	int bad = 0, found, changed = 0;

	(void)context;
	snprintf(today, sizeof(today), "%.10s", set != NULL && set->today ? set->today :
	    s->now);
	for (int k = 0; k < UPDATE_NFIELDS; k++)
		v[k] = import_value(im, rec, (size_t)k);
	if (v[UPDATE_ID] == NULL) {
		import_problem(im, rec, UPDATE_ID, _("missing; which issue?"));
		return 1;
	}
	{
		long n;

		if (number_parse(v[UPDATE_ID], 1, 2147483647L, &n) != 0) {
			import_problem(im, rec, UPDATE_ID, _("not an issue number: \"%s\""),
			    v[UPDATE_ID]);
			return 1;
		}
		id = n;
	}
	if ((found = load_issue(s, id, &cur, err)) < 0)
		return -1;
	if (found == 0) {
		import_problem(im, rec, UPDATE_ID, _("no issue %lld"), id);
		return 1;
	}
	/* check everything first */
	if (v[UPDATE_STATUS] != NULL &&
	    (status = vocab_code("status", v[UPDATE_STATUS])) == NULL) {
		unknown_value(im, rec, UPDATE_STATUS, "status", v[UPDATE_STATUS]);
		bad = 1;
	}
	if (v[UPDATE_OUTCOME] != NULL &&
	    (outcome = vocab_code("mediation_outcome", v[UPDATE_OUTCOME])) == NULL) {
		unknown_value(im, rec, UPDATE_OUTCOME, "mediation_outcome", v[UPDATE_OUTCOME]);
		bad = 1;
	}
	if (v[UPDATE_FINDING] != NULL &&
	    (finding = vocab_code("revisit_finding", v[UPDATE_FINDING])) == NULL) {
		unknown_value(im, rec, UPDATE_FINDING, "revisit_finding", v[UPDATE_FINDING]);
		bad = 1;
	}
	if (v[UPDATE_DUE_DATE] != NULL) {
		if (check_date(im, rec, UPDATE_DUE_DATE, v[UPDATE_DUE_DATE], due))
			bad = 1;
		else if (strcmp(due, cur.opened) < 0) {
			import_problem(im, rec, UPDATE_DUE_DATE, _("%s is before the "
			    "issue was opened (%s)"), due, cur.opened);
			bad = 1;
		} else if (v[UPDATE_REASON] == NULL) {
			import_problem(im, rec, UPDATE_DUE_DATE, _("a new deadline needs a "
			    "reason (--reason)"));
			bad = 1;
		}
	}
	if (v[UPDATE_PROMISED_DATE] != NULL &&
	    check_date(im, rec, UPDATE_PROMISED_DATE, v[UPDATE_PROMISED_DATE], promised))
		bad = 1;
	if (v[UPDATE_REVISIT_IN] != NULL) {
		if (number_parse(v[UPDATE_REVISIT_IN], 1, 3650, &revisit_in) != 0) {
			import_problem(im, rec, UPDATE_REVISIT_IN, _("not a number of days "
			    "from 1 to 3650"));
			bad = 1;
		}
	}
	if (status != NULL && strcmp(status, cur.status) != 0) {
		sqlite3_stmt *st = store_prepare(s, "SELECT 1 FROM status_move WHERE "
		    "from_status = ? AND to_status = ?", err);
		int allowed;

		if (st == NULL)
			return -1;
		sqlite3_bind_text(st, 1, cur.status, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
		allowed = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!allowed) {
			import_problem(im, rec, UPDATE_STATUS, _("issue %lld cannot go from "
			    "%s to %s; from %s it may go to: %s"), id, cur.status, status,
			    cur.status, issue_moves_from(s, cur.status, moves, sizeof(moves)));
			bad = 1;
		} else if (strcmp(status, "resolved") == 0 && v[UPDATE_RESOLUTION] == NULL) {
			import_problem(im, rec, UPDATE_RESOLUTION, _("missing; say how the "
			    "issue was resolved"));
			bad = 1;
		} else if (strcmp(status, "reopened") == 0 && v[UPDATE_REASON] == NULL) {
			import_problem(im, rec, UPDATE_REASON, _("missing; say why the issue "
			    "is reopened"));
			bad = 1;
		} else if (strcmp(status, "closed_unresolved") == 0 &&
		    (v[UPDATE_REASON] == NULL || v[UPDATE_PROMISED_DATE] == NULL)) {
			import_problem(im, rec, v[UPDATE_REASON] == NULL ? UPDATE_REASON :
			    UPDATE_PROMISED_DATE, _("closing an issue unresolved needs a "
			    "reason and the date promised instead"));
			bad = 1;
		} else if (strcmp(status, "feedback_given") == 0 &&
		    v[UPDATE_FEEDBACK] == NULL) {
			import_problem(im, rec, UPDATE_FEEDBACK, _("missing; say how the "
			    "household was told"));
			bad = 1;
		}
	} else if (status != NULL)
		status = NULL;	/* already so: the same file again changes nothing */
	if (v[UPDATE_RESOLUTION] != NULL && v[UPDATE_STATUS] != NULL &&
	    vocab_code("status", v[UPDATE_STATUS]) != NULL &&
	    strcmp(vocab_code("status", v[UPDATE_STATUS]), "resolved") != 0) {
		import_problem(im, rec, UPDATE_RESOLUTION, _("only with status resolved"));
		bad = 1;
	} else if (v[UPDATE_RESOLUTION] != NULL && v[UPDATE_STATUS] == NULL) {
		import_problem(im, rec, UPDATE_RESOLUTION, _("only with status resolved"));
		bad = 1;
	}
	if (v[UPDATE_PROMISED_DATE] != NULL && (status == NULL ||
	    strcmp(status, "closed_unresolved") != 0)) {
		import_problem(im, rec, UPDATE_PROMISED_DATE, _("only when the status "
		    "becomes closed_unresolved"));
		bad = 1;
	}
	if ((outcome != NULL || finding != NULL || v[UPDATE_REVISIT_DATE] != NULL) &&
	    strcmp(cur.kind, "dispute") != 0) {
		import_problem(im, rec, outcome != NULL ? UPDATE_OUTCOME : UPDATE_FINDING,
		    _("issue %lld is not a dispute"), id);
		bad = 1;
	}
	if (finding != NULL || v[UPDATE_REVISIT_DATE] != NULL || v[UPDATE_VISITOR] != NULL) {
		if (finding == NULL || v[UPDATE_VISITOR] == NULL) {
			import_problem(im, rec, finding == NULL ? UPDATE_FINDING :
			    UPDATE_VISITOR, _("a revisit needs its finding and visitor"));
			bad = 1;
		}
		if (v[UPDATE_REVISIT_DATE] != NULL &&
		    check_date(im, rec, UPDATE_REVISIT_DATE, v[UPDATE_REVISIT_DATE],
		    revisit_date))
			bad = 1;
		else if (v[UPDATE_REVISIT_DATE] == NULL)
			snprintf(revisit_date, sizeof(revisit_date), "%s", today);
		if (finding != NULL && strcmp(finding, "relapsed") == 0 && status != NULL) {
			import_problem(im, rec, UPDATE_STATUS, _("a relapsed revisit "
			    "reopens the dispute by itself; give no status"));
			bad = 1;
		}
		if (finding != NULL && strcmp(finding, "relapsed") == 0 &&
		    strcmp(cur.status, "resolved") != 0 &&
		    strcmp(cur.status, "feedback_given") != 0 &&
		    strcmp(cur.status, "closed") != 0) {
			import_problem(im, rec, UPDATE_FINDING, _("issue %lld is %s; only "
			    "a resolved, fed back or closed dispute can relapse"), id,
			    cur.status);
			bad = 1;
		}
	}
	if (v[UPDATE_REASON] != NULL && v[UPDATE_DUE_DATE] == NULL &&
	    (status == NULL || (strcmp(status, "reopened") != 0 &&
	    strcmp(status, "closed_unresolved") != 0))) {
		import_problem(im, rec, UPDATE_REASON, _("a reason goes with a new due "
		    "date, a reopening or a closing unresolved"));
		bad = 1;
	}
	if (bad)
		return 1;

	/* then apply, each change audited */
	if (v[UPDATE_OWNER] != NULL && strcmp(v[UPDATE_OWNER], cur.owner) != 0) {
		const char *col = "owner", *val = v[UPDATE_OWNER];

		if (update_columns(s, id, &col, &val, 1, err) != 0)
			return -1;
		changed = 1;
	}
	if (v[UPDATE_OWNER_UNIT] != NULL &&
	    strcmp(v[UPDATE_OWNER_UNIT], cur.owner_unit) != 0) {
		const char *col = "owner_unit", *val = v[UPDATE_OWNER_UNIT];

		if (update_columns(s, id, &col, &val, 1, err) != 0)
			return -1;
		changed = 1;
	}
	if (v[UPDATE_DUE_DATE] != NULL && strcmp(due, cur.due) != 0) {
		char count[24];
		const char *cols[] = { "due_date", "extensions" };
		const char *vals[] = { due, count };

		snprintf(count, sizeof(count), "%ld", cur.extensions + 1);
		if (update_columns(s, id, cols, vals, 2, err) != 0 ||
		    audit_fact(s, id, "extension_reason", v[UPDATE_REASON], err) != 0)
			return -1;
		changed = 1;
	}
	if (status != NULL) {
		const char *cols[4], *vals[4];
		size_t n = 0;

		cols[n] = "status";
		vals[n++] = status;
		if (strcmp(status, "resolved") == 0) {
			cols[n] = "resolution";
			vals[n++] = v[UPDATE_RESOLUTION];
			cols[n] = "resolved_on";
			vals[n++] = today;
		} else if (strcmp(status, "feedback_given") == 0) {
			cols[n] = "feedback";
			vals[n++] = v[UPDATE_FEEDBACK];
			cols[n] = "feedback_on";
			vals[n++] = today;
		} else if (strcmp(status, "closed") == 0) {
			cols[n] = "closed_on";
			vals[n++] = today;
		} else if (strcmp(status, "closed_unresolved") == 0) {
			cols[n] = "promised_date";
			vals[n++] = promised;
			cols[n] = "closed_on";
			vals[n++] = today;
		}
		if (update_columns(s, id, cols, vals, n, err) != 0)
			return -1;
		if ((strcmp(status, "reopened") == 0 ||
		    strcmp(status, "closed_unresolved") == 0) &&
		    audit_fact(s, id, "reason", v[UPDATE_REASON], err) != 0)
			return -1;
		changed = 1;
	}
	if (v[UPDATE_FEEDBACK] != NULL && (status == NULL ||
	    strcmp(status, "feedback_given") != 0)) {
		/* feedback told again, without a change of status: a note */
		if (audit_fact(s, id, "feedback", v[UPDATE_FEEDBACK], err) != 0)
			return -1;
		changed = 1;
	}
	if (outcome != NULL) {
		const char *cols[] = { "mediation_outcome", "mediated_on", "revisit_due" };
		char revisit_due[11];
		const char *vals[] = { outcome, today, NULL };

		if (strcmp(outcome, "success") == 0) {
			date_from_days(date_to_days(today) + revisit_in, revisit_due);
			vals[2] = revisit_due;
		}
		if (update_columns(s, id, cols, vals, 3, err) != 0)
			return -1;
		changed = 1;
	}
	if (finding != NULL) {
		sqlite3_stmt *st = store_prepare(s, "INSERT INTO revisit (issue_id, "
		    "visited_on, visitor, finding, notes) VALUES (?, ?, ?, ?, ?)", err);
		int rc;
		char what[512];

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, revisit_date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, v[UPDATE_VISITOR], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, finding, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, v[UPDATE_NOTE], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		snprintf(what, sizeof(what), "%s %s %s", revisit_date, v[UPDATE_VISITOR],
		    finding);
		if (audit_fact(s, id, "revisit", what, err) != 0)
			return -1;
		{
			/* the revisit is done: nothing more is due */
			const char *col = "revisit_due", *val = NULL;

			if (cur.revisit_due[0] != '\0' &&
			    update_columns(s, id, &col, &val, 1, err) != 0)
				return -1;
		}
		if (strcmp(finding, "relapsed") == 0) {
			const char *col = "status", *val = "reopened";

			if (update_columns(s, id, &col, &val, 1, err) != 0 ||
			    audit_fact(s, id, "reason", _("relapsed at the revisit"), err) != 0)
				return -1;
		}
		changed = 1;
	}
	if (v[UPDATE_NOTE] != NULL && finding == NULL &&
	    !note_exists(s, id, today, v[UPDATE_NOTE])) {
		sqlite3_stmt *st = store_prepare(s, "INSERT INTO issue_note (issue_id, "
		    "noted_on, who, note) VALUES (?, ?, ?, ?)", err);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, set != NULL && set->who ? set->who : s->who, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 4, v[UPDATE_NOTE], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		if (audit_fact(s, id, "note", v[UPDATE_NOTE], err) != 0)
			return -1;
		changed = 1;
	}
	if (!changed) {
		import_stats(im)->unchanged++;
		return 0;
	}
	import_stats(im)->updated++;
	if (set != NULL && ids_add(&set->changed, id) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

const struct import_kind issue_update_kind = {
	issue_update_fields, UPDATE_NFIELDS, update_row, NULL, NULL,
	sizeof(struct issue_update)
};
