/* visit.c -- household visits (大走访): checked, imported, merged when given again */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "household.h"
#include "buf.h"
#include "idset.h"
#include "merge.h"
#include "text.h"
#include "monitor_case.h"
#include "visit.h"
#include "visit_findings.h"
#include "vocab.h"

const struct field_spec visit_fields[VISIT_NFIELDS] = {
	{ "household_id", "户编号|户号|户码|家庭编号|编号" },
	{ "visit_date", "走访日期|走访时间|日期" },
	{ "visitor", "走访人|走访人员|走访干部|走访责任人" },
	{ "visitor_role", "职务|走访人职务|身份|走访人身份" },
	{ "round", "轮次|走访轮次|批次" },
	{ "food_clothing", "不愁吃穿|吃穿不愁|两不愁" },
	{ "education", "义务教育|义务教育保障|教育" },
	{ "medical", "基本医疗|基本医疗保障|医疗" },
	{ "housing", "住房安全|住房安全保障|住房" },
	{ "drinking_water", "饮水安全|饮水安全保障|饮水" },
	{ "income_stable", "收入稳定|稳定收入|收入是否稳定" },
	{ "industry_link", "产业联结|利益联结|利益联结机制|产业带动" },
	{ "risk_level", "风险等级|返贫风险|风险程度" },
	{ "monitor_suggested", "建议纳入监测|是否建议纳入监测|拟纳入监测" },
	{ "notes", "备注|走访情况|情况说明" },
};

/* The store's column of each field; NULL for the three that make the visit's identity. */
static const char *const visit_column[VISIT_NFIELDS] = {
	NULL, NULL, NULL, "visitor_role", "round", "food_clothing", "education",
	"medical", "housing", "drinking_water", "income_stable", "industry_link",
	"risk_level", "monitor_suggested", "notes"
};

/* The vocabulary of each field, or NULL for free text. */
static const char *const visit_domain[VISIT_NFIELDS] = {
	NULL, NULL, NULL, "visitor_role", NULL, "check", "check", "check",
	"check", "check", "check", "check", "risk_level", "yes_no", NULL
};

/* The last few spellings of one vocabulary field and their codes. */
#define MEMO_SLOTS 8
struct memo {
	char text[MEMO_SLOTS][24];
	const char *code[MEMO_SLOTS];
	unsigned next;
};

/* A visit as checked: every value normalised (codes, ISO date); NULL when not given. */
struct visit {
	const char *value[VISIT_NFIELDS];
	char date[11];
};

/*
 * Visits are held by the batch engine (lib/batch.h).  A visit's
 * household is known to be in the store before it is held.  After a
 * visit that was stored already (importing a file again), the visits are
 * held to be looked up rather than written: most likely they are too.
 */

/* Per-import state: statements prepared once. */
struct visit_import {
	sqlite3_stmt *find, *same;
	struct merge merge;	/* a visit given again */
	struct batch_engine batch;	/* visits held, written by the worker */
	struct idset households;	/* the store's household numbers (household_numbers_load()) */
	/* the previous record was a visit already stored: look before inserting */
	int expect_stored;
	struct memo memo[VISIT_NFIELDS];
	/* flagged visits of the input, by id, for the findings */
	long long *flagged;
	size_t nflagged, flagged_cap;
	struct import *im;
};

static const struct merge_rule visit_merge_rule;
static const struct batch_kind visit_batch_kind;

/* What visit_import() was given, as import_run() hands it on. */
static const struct visit_import_options *
settings(struct import *im)
{
	return import_options(im)->settings;
}

static const char *
memo_code(struct memo *m, const char *domain, const char *text)
{
	const char *code;
	size_t len;

	for (unsigned i = 0; i < MEMO_SLOTS; i++)
		if (m->code[i] != NULL && strcmp(m->text[i], text) == 0)
			return m->code[i];
	if ((code = vocab_code(domain, text)) != NULL &&
	    (len = strlen(text)) < sizeof(m->text[0])) {
		unsigned i = m->next++ % MEMO_SLOTS;

		memcpy(m->text[i], text, len + 1);
		m->code[i] = code;
	}
	return code;
}

static int
prepare(struct visit_import *vi, struct import *im, struct error *err)
{
	struct store *s = import_store(im);

	if (vi->find != NULL)
		return 0;
	vi->im = im;
	/* the columns in the order of the fields, then the visit's origin */
	vi->find = store_prepare(s, "SELECT v.id, NULL, NULL, v.visitor_role, "
	    "v.round, v.food_clothing, v.education, v.medical, v.housing, "
	    "v.drinking_water, v.income_stable, v.industry_link, v.risk_level, "
	    "CASE v.monitor_suggested WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END, "
	    "v.notes, v.source_id, v.line FROM visit v "
	    "WHERE v.household_id = ? AND v.visit_date = ? AND v.visitor = ?", err);
	/* the visit stored the same: ?4 the first id of this import, ?(k + 2) field k */
	vi->same = merge_same_prepare(s, "SELECT id FROM visit WHERE "
	    "household_id = ?1 AND visit_date = ?2 AND visitor = ?3 AND id < ?4",
	    visit_column, VISIT_ROLE, VISIT_NFIELDS, 2, err);
	if (vi->find == NULL || vi->same == NULL ||
	    household_numbers_load(&vi->households, NULL, s, err) != 0)
		return -1;
	/* in order: a new visit's id is one past the highest */
	if (merge_start(&vi->merge, s, &visit_merge_rule, err) != 0 ||
	    batch_start(&vi->batch, &visit_batch_kind, vi, im, vi->find,
	    vi->merge.first_new_id - 1, err) != 0)
		return -1;
	sqlite3_bind_int64(vi->same, 4, vi->merge.first_new_id);
	return 0;
}

static void
report_no_household(struct visit_import *vi, struct import *im,
    const struct record *rec, const char *number)
{
	import_problem(im, rec, VISIT_HOUSEHOLD, _("no household \"%s\" in the "
	    "store; household-add registers households"), number);
}

static void
report_unknown(struct visit_import *vi, struct import *im,
    const struct record *rec, size_t k, const char *text)
{
	char expected[512];

	import_problem(im, rec, (int)k, _("unknown value \"%s\"; expected one of: %s"),
	    text, vocab_describe(visit_domain[k], expected, sizeof(expected)));
}

/* Check every field of rec into v; returns the number of problems, or -1 with err set. */
static int
visit_check(struct import *im, const struct record *rec, struct visit_import *vi,
    struct visit *v, struct error *err)
{
	const char *text;
	int bad = 0;

	for (size_t k = 0; k < VISIT_NFIELDS; k++)
		v->value[k] = import_value(im, rec, k);
	if ((text = v->value[VISIT_HOUSEHOLD]) == NULL) {
		import_problem(im, rec, VISIT_HOUSEHOLD,
		    _("missing; every visit is to a household"));
		bad++;
	} else if (strlen(text) > 64) {
		report_no_household(vi, im, rec, text);
		bad++;
	}
	if ((text = v->value[VISIT_DATE]) == NULL) {
		import_problem(im, rec, VISIT_DATE, _("missing; every visit has a date"));
		bad++;
	} else if (date_parse(text, v->date) != 0) {
		import_problem(im, rec, VISIT_DATE, _("not a date: \"%s\"; write "
		    "it as 2022-11-01"), text);
		bad++;
	} else if (strcmp(v->date, settings(im)->today) > 0) {
		import_problem(im, rec, VISIT_DATE, _("%s is after today (%s)"),
		    v->date, settings(im)->today);
		bad++;
	} else
		v->value[VISIT_DATE] = v->date;
	if ((text = v->value[VISIT_VISITOR]) == NULL) {
		import_problem(im, rec, VISIT_VISITOR,
		    _("missing; every visit names who visited"));
		bad++;
	} else if (strlen(text) > 64) {
		import_problem(im, rec, VISIT_VISITOR, _("longer than 64 bytes"));
		bad++;
	}
	if ((text = v->value[VISIT_ROUND]) == NULL) {
		import_problem(im, rec, VISIT_ROUND, _("missing; every visit "
		    "belongs to a round, such as 2022-r1"));
		bad++;
	} else if (strlen(text) > 32) {
		import_problem(im, rec, VISIT_ROUND, _("longer than 32 bytes"));
		bad++;
	}
	for (size_t k = VISIT_ROLE; k < VISIT_NFIELDS; k++) {
		const char *code;

		if (visit_domain[k] == NULL || (text = v->value[k]) == NULL)
			continue;
		if ((code = memo_code(&vi->memo[k], visit_domain[k], text)) == NULL) {
			report_unknown(vi, im, rec, k, text);
			bad++;
		} else
			v->value[k] = code;
	}
	if ((text = v->value[VISIT_HOUSEHOLD]) != NULL && strlen(text) <= 64 &&
	    !household_numbers_has(&vi->households, text)) {
		report_no_household(vi, im, rec, text);
		bad++;
	}
	return bad;
}

static int
keep_flagged(struct visit_import *vi, long long id, struct error *err)
{
	if (vi->nflagged == vi->flagged_cap) {
		size_t cap = vi->flagged_cap ? vi->flagged_cap * 2 : 256;
		long long *f = realloc(vi->flagged, cap * sizeof(*f));

		if (f == NULL)
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		vi->flagged = f;
		vi->flagged_cap = cap;
	}
	vi->flagged[vi->nflagged++] = id;
	return 0;
}

/*
 * The id of the visit v stored before this import with every value v
 * gives the same (what visit_merge() would find unchanged, at a fraction
 * of its cost); 0 when there is none; -1 with err set.
 */
static long long
visit_same(struct visit_import *vi, struct store *s, const struct visit *v,
    struct error *err)
{
	sqlite3_stmt *st = vi->same;
	long long id = 0;
	int rc;

	sqlite3_bind_text(st, 1, v->value[VISIT_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, v->value[VISIT_DATE], 10, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, v->value[VISIT_VISITOR], -1, SQLITE_STATIC);
	for (int k = VISIT_ROLE; k < VISIT_NFIELDS; k++)
		if (k == VISIT_MONITOR_SUGGESTED && v->value[k] != NULL)
			sqlite3_bind_int(st, k + 2, strcmp(v->value[k], "yes") == 0);
		else
			sqlite3_bind_text(st, k + 2, v->value[k], -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return id;
}

/* Bind held visit slot's row of the INSERT. */
static void
visit_bind_row(const struct batch_slot *slot, struct insert_row *r)
{
	const struct visit *v = slot->record;
	const char *monitor = v->value[VISIT_MONITOR_SUGGESTED];

	for (int k = VISIT_HOUSEHOLD; k < VISIT_NFIELDS; k++) {
		if (k != VISIT_MONITOR_SUGGESTED)
			insert_row_text(r, k, v->value[k], -1);
		else if (monitor != NULL)
			insert_row_number(r, k, strcmp(monitor, "yes") == 0);
		else
			insert_row_code(r, k, NULL);
	}
	insert_row_number(r, VISIT_NFIELDS, slot->source_id);
	insert_row_number(r, VISIT_NFIELDS + 1, slot->held.rec.line);
}

/* The visit's identity for the audit log and source_ref: "household:date:visitor". */
static void
visit_key(const char *household, const char *date, const char *visitor,
    struct buf *out)
{
	buf_reset(out);
	buf_puts(out, household);
	buf_puts(out, ":");
	buf_puts(out, date);
	buf_puts(out, ":");
	buf_puts(out, visitor);
}

/* Report a visit met earlier in another file of the same import. */
static int
duplicate_elsewhere(struct import *im, const struct record *rec,
    long long source, long line, struct error *err)
{
	struct store *s = import_store(im);
	sqlite3_stmt *st = store_prepare(s, "SELECT file FROM visit_source "
	    "WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, source);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		import_problem(im, rec, -1, _("the same visit (household, date "
		    "and visitor) as %s:%ld"), sqlite3_column_text(st, 0), line);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : store_error(s, rc, err);
}

/* The same visit twice in the input: name where it was first. */
static int
visit_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	struct visit_import *vi = context;
	long long source = sqlite3_column_int64(row, VISIT_NFIELDS);
	long line = (long)sqlite3_column_int64(row, VISIT_NFIELDS + 1);

	if (source != vi->batch.source.id)
		return duplicate_elsewhere(im, rec, source, line, err);
	import_problem(im, rec, -1, _("the same visit (household, date and "
	    "visitor) as line %ld"), line);
	return 1;
}

/* monitor_suggested is stored as 1 or 0. */
static void
visit_bind(sqlite3_stmt *st, int p, size_t k, const char *value)
{
	if (k == VISIT_MONITOR_SUGGESTED)
		sqlite3_bind_int(st, p, strcmp(value, "yes") == 0);
	else
		sqlite3_bind_text(st, p, value, -1, SQLITE_STATIC);
}

/* A visit given again: all but its identity (household, date, visitor) may be updated. */
static const struct merge_rule visit_merge_rule = {
	.entity = "visit", .table = "visit", .specs = visit_fields,
	.first = VISIT_ROLE, .nfields = VISIT_NFIELDS, .column = visit_column,
	.again = visit_again, .bind = visit_bind,
};

/* Merge v with the stored visit (vi->find stepped to it): merge_record(); keep it if flagged. */
static int
visit_merge(struct import *im, const struct record *rec, struct visit_import *vi,
    const struct visit *v, struct error *err)
{
	long long id = sqlite3_column_int64(vi->find, 0);
	struct buf key = { 0 };
	int rc;

	visit_key(v->value[VISIT_HOUSEHOLD], v->value[VISIT_DATE],
	    v->value[VISIT_VISITOR], &key);
	if (key.data == NULL) {
		sqlite3_reset(vi->find);
		return error_set(err, EXIT_SOFTWARE, _("out of memory"));
	}
	rc = merge_record(&vi->merge, im, rec, vi->find, v->value, key.data, vi, err);
	buf_free(&key);
	if (rc == 0 && settings(im)->flagged != NULL && visit_flagged(v->value))
		rc = keep_flagged(vi, id, err);
	return rc;
}

/* The visit's identity: what finds it in the store. */
static void
visit_bind_key(const struct batch_slot *slot, sqlite3_stmt *find)
{
	const struct visit *v = slot->record;

	sqlite3_bind_text(find, 1, v->value[VISIT_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_text(find, 2, v->value[VISIT_DATE], 10, SQLITE_STATIC);
	sqlite3_bind_text(find, 3, v->value[VISIT_VISITOR], -1, SQLITE_STATIC);
}

/* 1 when held visits a and b are the same visit (household, date, visitor). */
static int
same_visit(const struct batch_slot *a, const struct batch_slot *b)
{
	const struct visit *x = a->record, *y = b->record;

	return strcmp(x->value[VISIT_HOUSEHOLD], y->value[VISIT_HOUSEHOLD]) == 0 &&
	    strcmp(x->value[VISIT_DATE], y->value[VISIT_DATE]) == 0 &&
	    strcmp(x->value[VISIT_VISITOR], y->value[VISIT_VISITOR]) == 0;
}

/* On the worker's thread: the id of the visit stored as slot's is, or 0. */
static long long
visit_same_slot(void *context, const struct batch_slot *slot, struct error *err)
{
	struct visit_import *vi = context;

	return visit_same(vi, import_store(vi->im), slot->record, err);
}

/* A visit left out by its INSERT: stored already, to merge. */
static int
visit_left_out(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct visit_import *vi = context;

	if (!found)
		return error_set(err, EXIT_SOFTWARE, _("%s: a visit neither new "
		    "nor stored"), import_store(vi->im)->path);
	vi->expect_stored = 1;
	return visit_merge(vi->im, &slot->held.rec, vi, slot->record, err);
}

/* A visit looked up and not stored the same: merged with the one stored, or written alone. */
static int
visit_looked_up(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct visit_import *vi = context;

	if (found)
		return visit_merge(vi->im, &slot->held.rec, vi, slot->record, err);
	vi->expect_stored = 0;
	return batch_write_one(&vi->batch, slot, err);
}

/* A visit added or stored the same: kept for the findings if flagged. */
static int
visit_counted(void *context, struct batch_slot *slot, struct error *err)
{
	struct visit_import *vi = context;

	if (settings(vi->im)->flagged != NULL && visit_flagged(((const struct visit *)slot->record)->value))
		return keep_flagged(vi, slot->id, err);
	return 0;
}

/* Hold v, checked from rec, in slot: a copy of all they point to. */
static int
visit_hold(struct batch_slot *slot, const void *checked, const struct record *rec)
{
	const struct visit *v = checked;
	struct visit *to = slot->record;
	const char *copy[VISIT_NFIELDS];

	if (held_record_set(&slot->held, rec, v->value, VISIT_NFIELDS, copy) != 0)
		return -1;
	for (size_t k = 0; k < VISIT_NFIELDS; k++)
		/* a code is the vocabulary's own string: no copy needed */
		to->value[k] = visit_domain[k] != NULL ? v->value[k] : copy[k];
	return 0;
}

static const struct batch_kind visit_batch_kind = {
	.entity = "visit", .source_table = "visit_source",
	.record_size = sizeof(struct visit),
	/*
	 * OR FAIL: no constraint aborts it, so SQLite keeps no statement
	 * journal for it (the table's checks call no function and it
	 * declares no key, for the same reason).
	 */
	.insert_head = "INSERT OR FAIL INTO visit (household_id, visit_date, "
	    "visitor, visitor_role, round, food_clothing, education, medical, "
	    "housing, drinking_water, income_stable, industry_link, risk_level, "
	    "monitor_suggested, notes, source_id, line) VALUES ",
	.insert_columns = VISIT_NFIELDS + 2, .insert_tail = " ON CONFLICT DO NOTHING",
	.hold = visit_hold, .bind = visit_bind_row, .bind_key = visit_bind_key,
	.same_key = same_visit, .same = visit_same_slot, .left_out = visit_left_out,
	.looked_up = visit_looked_up, .counted = visit_counted,
};

static int
visit_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct visit_import *vi = context;
	struct visit v;
	int rc;

	if (prepare(vi, im, err) != 0)
		return -1;
	if ((rc = visit_check(im, rec, vi, &v, err)) != 0)
		return rc < 0 ? -1 : 1;
	if (import_source_id(&vi->batch.source, im, rec, err) == 0)
		return -1;
	return batch_hold(&vi->batch, vi->expect_stored, &v, rec,
	    vi->batch.source.id, err);
}

/* One audit row for the whole import; the findings when the import will stand. */
static int
visit_finish(struct import *im, void *context, struct error *err)
{
	struct visit_import *vi = context;
	struct import_stats *stats = import_stats(im);

	if (batch_finish(&vi->batch, err) != 0)
		return -1;
	if (settings(im)->flagged != NULL && vi->nflagged > 0 &&
	    (stats->bad == 0 || import_options(im)->skip_bad))
		return (settings(im)->as_cases ? case_clues_write :
		    visit_findings_write)(import_store(im), vi->flagged,
		    vi->nflagged, settings(im)->flagged, err);
	return 0;
}

static void
visit_cleanup(void *context)
{
	struct visit_import *vi = context;

	batch_free(&vi->batch);
	sqlite3_finalize(vi->find);
	sqlite3_finalize(vi->same);
	merge_free(&vi->merge);
	idset_free(&vi->households);
	free(vi->flagged);
	memset(vi, 0, sizeof(*vi));
}

const struct import_kind visit_import_kind = {
	visit_fields, VISIT_NFIELDS, visit_row, visit_finish, visit_cleanup,
	sizeof(struct visit_import), visit_domain,
	.entity = "visit",
};

int
visit_import(struct store *s, struct reader **readers, size_t nreaders,
    const struct visit_import_options *vo, const struct import_options *options,
    problem_fn *report, void *report_context, progress_fn *progress,
    void *progress_context, struct import_stats *stats, struct error *err)
{
	struct import_options with = *options;

	with.settings = (void *)vo;
	return import_run(s, readers, nreaders, &visit_import_kind, &with, report,
	    report_context, progress, progress_context, stats, err);
}
