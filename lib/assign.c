/* assign.c -- the cadres assigned to households, villages and 片: checked, imported, merged */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "audit.h"
#include "buf.h"
#include "merge.h"
#include "place.h"
#include "text.h"
#include "vocab.h"

const struct field_spec assign_fields[ASSIGN_NFIELDS] = {
	{ "cadre", "干部|干部姓名|帮扶干部|帮扶责任人|责任人|包保干部|包保责任人" },
	{ "role", "职务|角色|身份|包保类型" },
	{ "household_id", "户编号|户号|户码|家庭编号" },
	{ "village", "村(社区)|村|社区|村名|所属村|包保村" },
	{ "area", "片区|包片|片|所属片区" },
	{ "start_date", "开始日期|起始日期|包保开始日期|开始时间" },
	{ "end_date", "结束日期|终止日期|包保结束日期|结束时间" },
	{ "phone", "联系电话|电话|手机|手机号码" },
};

/* The store's columns in the order of the fields; the first five are the assignment. */
static const char *const assign_column[ASSIGN_NFIELDS] = {
	"cadre", "role", "household_id", NULL, "area", "start_date", "end_date",
	"phone"
};

/* An assignment as checked, every value normalised; NULL when not given. */
struct assignment {
	const char *value[ASSIGN_NFIELDS];
	long long village_id;
	char start[11], end[11];
	char phone[64];
};

/* Per-import state: statements prepared once. */
struct assign_import {
	sqlite3_stmt *insert, *find, *household, *dates;
	struct merge merge;
};

/* The household's village: 0 with *village_id, 1 when there is no such household. */
static int
household_village(struct assign_import *ai, struct store *s, const char *id,
    long long *village_id, struct error *err)
{
	int rc;

	sqlite3_bind_text(ai->household, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(ai->household);
	if (rc == SQLITE_ROW)
		*village_id = sqlite3_column_int64(ai->household, 0);
	sqlite3_reset(ai->household);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return rc == SQLITE_ROW ? 0 : 1;
}

/* Check where the assignment is: a household, or a village. */
static int
check_place(struct assign_import *ai, struct import *im,
    const struct record *rec, struct assignment *a, struct error *err)
{
	struct store *s = import_store(im);
	const char *household = a->value[ASSIGN_HOUSEHOLD];
	const char *village = a->value[ASSIGN_VILLAGE];
	long long vid, gid;
	int rc;

	if (household == NULL && village == NULL) {
		import_problem(im, rec, a->value[ASSIGN_AREA] != NULL ? ASSIGN_VILLAGE :
		    ASSIGN_HOUSEHOLD, a->value[ASSIGN_AREA] != NULL ? _("missing; "
		    "an area is its villages, one record a village") :
		    _("missing; an assignment is to a household or, with village "
		    "alone, a village"));
		return 1;
	}
	if (household != NULL && a->value[ASSIGN_AREA] != NULL) {
		import_problem(im, rec, ASSIGN_AREA, _("an area is a set of "
		    "villages, not a household's: give it with village alone"));
		return 1;
	}
	if (village != NULL) {
		if ((rc = place_resolve(s, village, NULL, 0, &vid, &gid, NULL,
		    err)) < 0)
			return -1;
		if (rc == 1) {
			char near[600];

			if (place_suggestion(s, NULL, village, near, sizeof(near),
			    err) != 0)
				return -1;
			import_problem(im, rec, ASSIGN_VILLAGE, _("no village \"%s\" in "
			    "the store; household-add registers villages%s"), village,
			    near);
			return 1;
		}
		a->village_id = vid;
	}
	if (household == NULL)
		return 0;
	if ((rc = household_village(ai, s, household, &vid, err)) < 0)
		return -1;
	if (rc == 1 || strlen(household) > 64) {
		import_problem(im, rec, ASSIGN_HOUSEHOLD, _("no household \"%s\" in "
		    "the store; household-add registers households"), household);
		return 1;
	}
	if (village != NULL && vid != a->village_id) {
		import_problem(im, rec, ASSIGN_VILLAGE, _("household %s is not in "
		    "%s"), household, village);
		return 1;
	}
	a->village_id = vid;
	return 0;
}

/* Check every field of rec into a; the number of problems, or -1 with err set. */
static int
assign_check(struct assign_import *ai, struct import *im,
    const struct record *rec, struct assignment *a, struct error *err)
{
	const char *text, *code;
	char expected[512];
	int bad = 0, rc;

	for (size_t k = 0; k < ASSIGN_NFIELDS; k++)
		a->value[k] = import_value(im, rec, k);
	if ((text = a->value[ASSIGN_CADRE]) == NULL) {
		import_problem(im, rec, ASSIGN_CADRE, _("missing; every assignment "
		    "names its cadre"));
		bad++;
	} else if (strlen(text) > 64) {
		import_problem(im, rec, ASSIGN_CADRE, _("longer than 64 bytes"));
		bad++;
	}
	if ((text = a->value[ASSIGN_AREA]) != NULL && strlen(text) > 64) {
		import_problem(im, rec, ASSIGN_AREA, _("longer than 64 bytes"));
		bad++;
	}
	if ((text = a->value[ASSIGN_ROLE]) == NULL) {
		import_problem(im, rec, ASSIGN_ROLE, _("missing; expected one of: %s"),
		    vocab_describe("visitor_role", expected, sizeof(expected)));
		bad++;
	} else if ((code = vocab_code("visitor_role", text)) == NULL) {
		import_problem(im, rec, ASSIGN_ROLE, _("unknown value \"%s\"; "
		    "expected one of: %s"), text, vocab_describe("visitor_role",
		    expected, sizeof(expected)));
		bad++;
	} else
		a->value[ASSIGN_ROLE] = code;
	if ((rc = check_place(ai, im, rec, a, err)) < 0)
		return -1;
	bad += rc;
	bad += import_date(im, rec, ASSIGN_START, &a->value[ASSIGN_START],
	    a->start);
	bad += import_date(im, rec, ASSIGN_END, &a->value[ASSIGN_END],
	    a->end);
	if (a->value[ASSIGN_START] != NULL && a->value[ASSIGN_END] != NULL &&
	    strcmp(a->value[ASSIGN_END], a->value[ASSIGN_START]) < 0) {
		import_problem(im, rec, ASSIGN_END, _("%s is before the start date "
		    "%s"), a->value[ASSIGN_END], a->value[ASSIGN_START]);
		bad++;
	}
	if ((text = a->value[ASSIGN_PHONE]) != NULL) {
		if (phone_copy_normalise(text, a->phone, sizeof(a->phone)) != 0) {
			import_problem(im, rec, ASSIGN_PHONE, _("not an 11-digit mobile "
			    "number nor a landline number with its area code"));
			bad++;
		} else
			a->value[ASSIGN_PHONE] = a->phone;
	}
	return bad;
}

static int
assign_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	(void)context;
	(void)err;
	import_problem(im, rec, -1, _("the same assignment (cadre, role and "
	    "household, village or area) is already on %s"),
	    sqlite3_column_text(row, ASSIGN_NFIELDS));
	return 1;
}

/* A date of assignment id changes: the end may not come before the start. */
static int
assign_changing(void *context, struct import *im, const struct record *rec,
    long long id, size_t k, const char *const *values, const char *old,
    struct error *err)
{
	struct assign_import *ai = context;
	const char *start, *end;
	int rc, bad = 0;

	(void)old;
	if (k != ASSIGN_START && k != ASSIGN_END)
		return 0;
	sqlite3_bind_int64(ai->dates, 1, id);
	if ((rc = sqlite3_step(ai->dates)) != SQLITE_ROW) {
		sqlite3_reset(ai->dates);
		return store_error(import_store(im), rc, err);
	}
	start = values[ASSIGN_START] != NULL ? values[ASSIGN_START] :
	    (const char *)sqlite3_column_text(ai->dates, 0);
	end = values[ASSIGN_END] != NULL ? values[ASSIGN_END] :
	    (const char *)sqlite3_column_text(ai->dates, 1);
	if (start != NULL && end != NULL && strcmp(end, start) < 0) {
		import_problem(im, rec, ASSIGN_END, _("%s is before the start date "
		    "%s"), end, start);
		bad = 1;
	}
	sqlite3_reset(ai->dates);
	return bad;
}

/* An assignment given again: its dates and phone may be updated. */
static const struct merge_rule assign_merge = {
	.entity = "assignment", .table = "assignment", .specs = assign_fields,
	.first = ASSIGN_START, .nfields = ASSIGN_NFIELDS, .column = assign_column,
	.stamped = 1, .again = assign_again, .changing = assign_changing,
};

static int
prepare(struct assign_import *ai, struct store *s, struct error *err)
{
	if (ai->insert != NULL)
		return 0;
	ai->insert = store_prepare(s, "INSERT INTO assignment (cadre, role, "
	    "household_id, village_id, area, start_date, end_date, phone, "
	    "created_at, updated_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?) ON CONFLICT DO NOTHING", err);
	ai->find = store_prepare(s, "SELECT id, NULL, NULL, NULL, NULL, "
	    "start_date, end_date, phone, source FROM assignment WHERE cadre = ?1 "
	    "AND role = ?2 AND coalesce(household_id, '') = coalesce(?3, '') "
	    "AND village_id = ?4 AND coalesce(area, '') = coalesce(?5, '')",
	    err);
	ai->household = store_prepare(s, "SELECT village_id FROM household "
	    "WHERE household_id = ?", err);
	ai->dates = store_prepare(s, "SELECT start_date, end_date FROM assignment "
	    "WHERE id = ?", err);
	if (ai->insert == NULL || ai->find == NULL || ai->household == NULL ||
	    ai->dates == NULL)
		return -1;
	return merge_start(&ai->merge, s, &assign_merge, err);
}

/*
 * The assignment's name in the audit log: "cadre:role:household",
 * "cadre:role:village", or "cadre:role:片:village".
 */
static void
assign_key(const struct assignment *a, struct buf *key)
{
	buf_puts(key, a->value[ASSIGN_CADRE]);
	buf_puts(key, ":");
	buf_puts(key, a->value[ASSIGN_ROLE]);
	buf_puts(key, ":");
	if (a->value[ASSIGN_AREA] != NULL) {
		buf_puts(key, a->value[ASSIGN_AREA]);
		buf_puts(key, ":");
	}
	buf_puts(key, a->value[ASSIGN_HOUSEHOLD] != NULL ?
	    a->value[ASSIGN_HOUSEHOLD] : a->value[ASSIGN_VILLAGE]);
}

static int
assign_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct assign_import *ai = context;
	struct store *s = import_store(im);
	struct assignment a;
	struct buf key = { 0 };
	sqlite3_stmt *st;
	char where[512];
	int rc;

	if (prepare(ai, s, err) != 0)
		return -1;
	if ((rc = assign_check(ai, im, rec, &a, err)) != 0)
		return rc < 0 ? -1 : 1;
	snprintf(where, sizeof(where), "%s:%ld", rec->file, rec->line);
	st = ai->insert;
	for (int k = 0; k < ASSIGN_NFIELDS; k++)
		if (k == ASSIGN_VILLAGE)
			sqlite3_bind_int64(st, k + 1, a.village_id);
		else
			sqlite3_bind_text(st, k + 1, a.value[k], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, ASSIGN_NFIELDS + 1, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, ASSIGN_NFIELDS + 2, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, ASSIGN_NFIELDS + 3, where, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	assign_key(&a, &key);
	if (key.data == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	if (sqlite3_changes(s->db) > 0) {
		import_stats(im)->added++;
		rc = audit_add(s, "assignment", key.data, "created", NULL,
		    a.value[ASSIGN_START], err);
		buf_free(&key);
		return rc;
	}
	sqlite3_bind_text(ai->find, 1, a.value[ASSIGN_CADRE], -1, SQLITE_STATIC);
	sqlite3_bind_text(ai->find, 2, a.value[ASSIGN_ROLE], -1, SQLITE_STATIC);
	sqlite3_bind_text(ai->find, 3, a.value[ASSIGN_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_int64(ai->find, 4, a.village_id);
	sqlite3_bind_text(ai->find, 5, a.value[ASSIGN_AREA], -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(ai->find)) == SQLITE_ROW)
		rc = merge_record(&ai->merge, im, rec, ai->find, a.value, key.data,
		    ai, err);
	else {
		sqlite3_reset(ai->find);
		rc = store_error(s, rc == SQLITE_DONE ? SQLITE_CONSTRAINT : rc, err);
	}
	buf_free(&key);
	return rc;
}

static void
assign_cleanup(void *context)
{
	struct assign_import *ai = context;

	sqlite3_finalize(ai->insert);
	sqlite3_finalize(ai->find);
	sqlite3_finalize(ai->household);
	sqlite3_finalize(ai->dates);
	merge_free(&ai->merge);
	memset(ai, 0, sizeof(*ai));
}

const struct import_kind assign_import_kind = {
	assign_fields, ASSIGN_NFIELDS, assign_row, NULL, assign_cleanup,
	sizeof(struct assign_import),
	.entity = "assignment",
};
