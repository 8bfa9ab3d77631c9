/* care.c -- care visits (人文关怀) to people tagged for care: checked, imported, merged */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "care.h"
#include "merge.h"
#include "text.h"
#include "vocab.h"

const struct field_spec care_fields[CARE_NFIELDS] = {
	{ "id_number", "身份证号|身份证号码|证件号码|公民身份号码" },
	{ "visit_date", "走访日期|慰问日期|日期|时间" },
	{ "visitor", "走访人|慰问人|走访干部|慰问干部" },
	{ "role", "职务|走访人职务|慰问人职务" },
	{ "done", "慰问内容|关怀内容|帮扶内容|内容|做了什么" },
};

/* The store's column of each field merged; NULL for the key. */
static const char *const care_column[CARE_NFIELDS] = {
	NULL, NULL, NULL, "visitor_role", "done"
};

/* The vocabulary of each field (NULL: free text). */
static const char *const care_domain[CARE_NFIELDS] = {
	[CARE_ROLE] = "visitor_role",
};

/* A visit as checked, every value normalised; NULL when not given. */
struct care {
	const char *value[CARE_NFIELDS];
	char id_number[IMPORT_ID_NUMBER_SIZE];
	char visit_date[11];
};

/* Per-import state: statements prepared once. */
struct care_import {
	sqlite3_stmt *insert, *find, *member;
	struct merge merge;
};

static int
care_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	(void)context;
	(void)err;
	import_problem(im, rec, -1, _("the same care visit (person, day and "
	    "visitor) is already on %s"), sqlite3_column_text(row, CARE_NFIELDS));
	return 1;
}

/* A visit given again: its role and what was done may be updated. */
static const struct merge_rule care_merge = {
	.entity = "care", .table = "care_visit", .specs = care_fields,
	.first = CARE_ROLE, .nfields = CARE_NFIELDS, .column = care_column,
	.stamped = 1, .again = care_again,
};

static int
prepare(struct care_import *ci, struct store *s, struct error *err)
{
	if (ci->insert != NULL)
		return 0;
	ci->insert = store_prepare(s, "INSERT INTO care_visit (id_number, "
	    "visit_date, visitor, visitor_role, done, created_at, updated_at, "
	    "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	/* column k the stored value of field k, then where it was read */
	ci->find = store_prepare(s, "SELECT id, NULL, NULL, visitor_role, done, "
	    "source FROM care_visit WHERE id_number = ? AND visit_date = ? AND "
	    "visitor = ?", err);
	ci->member = store_prepare(s, "SELECT 1 FROM member WHERE id_number = ?",
	    err);
	if (ci->insert == NULL || ci->find == NULL || ci->member == NULL)
		return -1;
	return merge_start(&ci->merge, s, &care_merge, err);
}

/* Check every field of rec into c, alone; the number of problems. */
static int
care_check(struct import *im, const struct record *rec, struct care *c)
{
	static const size_t longest[][2] = {
		{ CARE_VISITOR, 64 }, { CARE_DONE, 2000 },
	};
	const char *today = import_options(im)->settings;
	int bad = 0;

	memset(c, 0, sizeof(*c));
	for (size_t k = 0; k < CARE_NFIELDS; k++)
		c->value[k] = import_value(im, rec, k);
	if (c->value[CARE_ID_NUMBER] == NULL) {
		import_problem(im, rec, CARE_ID_NUMBER, _("missing; a person is "
		    "known by their ID number"));
		bad++;
	} else
		bad += import_id_number(im, rec, CARE_ID_NUMBER,
		    &c->value[CARE_ID_NUMBER], c->id_number);
	if (c->value[CARE_VISIT_DATE] == NULL) {
		import_problem(im, rec, CARE_VISIT_DATE, _("missing; the day of "
		    "the visit"));
		bad++;
	} else if (import_date(im, rec, CARE_VISIT_DATE,
	    &c->value[CARE_VISIT_DATE], c->visit_date) != 0)
		bad++;
	else if (today != NULL && strcmp(c->visit_date, today) > 0) {
		import_problem(im, rec, CARE_VISIT_DATE, _("%s is after today (%s)"),
		    c->visit_date, today);
		bad++;
	}
	if (c->value[CARE_VISITOR] == NULL) {
		import_problem(im, rec, CARE_VISITOR, _("missing; who visited"));
		bad++;
	}
	if (c->value[CARE_DONE] == NULL) {
		import_problem(im, rec, CARE_DONE, _("missing; what was done for "
		    "the person (money given, the house cleaned, ...)"));
		bad++;
	}
	bad += import_code(im, rec, CARE_ROLE, care_domain[CARE_ROLE],
	    &c->value[CARE_ROLE]);
	bad += import_lengths(im, rec, c->value, longest,
	    sizeof(longest) / sizeof(longest[0]));
	return bad;
}

/* The person of c is a member in the store: 0, 1 when not (reported), -1 with err set. */
static int
care_member(struct care_import *ci, struct import *im, const struct record *rec,
    const struct care *c, struct error *err)
{
	int rc;

	sqlite3_bind_text(ci->member, 1, c->value[CARE_ID_NUMBER], -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(ci->member);
	sqlite3_reset(ci->member);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_error(import_store(im), rc, err);
	import_problem(im, rec, CARE_ID_NUMBER, _("no such person in the store; "
	    "member-add registers people"));
	return 1;
}

/* Write new visit c, checked from rec: 0, or -1 with err set. */
static int
care_add(struct care_import *ci, struct import *im, const struct record *rec,
    const struct care *c, const char *key, struct error *err)
{
	struct store *s = import_store(im);
	sqlite3_stmt *st = ci->insert;
	char where[512];
	int rc;

	snprintf(where, sizeof(where), "%s:%ld", rec->file, rec->line);
	for (int k = 0; k < CARE_NFIELDS; k++)
		sqlite3_bind_text(st, k + 1, c->value[k], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, CARE_NFIELDS + 1, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, CARE_NFIELDS + 2, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, CARE_NFIELDS + 3, where, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	import_stats(im)->added++;
	return audit_add(s, "care", key, "created", NULL, c->value[CARE_DONE],
	    err);
}

static int
care_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct care_import *ci = context;
	struct store *s = import_store(im);
	struct care c;
	char key[256];
	int rc;

	if (prepare(ci, s, err) != 0)
		return -1;
	if (care_check(im, rec, &c) != 0)
		return 1;
	if ((rc = care_member(ci, im, rec, &c, err)) != 0)
		return rc;
	snprintf(key, sizeof(key), "%s:%s:%s", c.value[CARE_ID_NUMBER],
	    c.value[CARE_VISIT_DATE], c.value[CARE_VISITOR]);
	for (int k = 0; k < 3; k++)
		sqlite3_bind_text(ci->find, k + 1, c.value[k], -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(ci->find)) == SQLITE_ROW)
		return merge_record(&ci->merge, im, rec, ci->find, c.value, key,
		    ci, err);
	sqlite3_reset(ci->find);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return care_add(ci, im, rec, &c, key, err);
}

static void
care_cleanup(void *context)
{
	struct care_import *ci = context;

	sqlite3_finalize(ci->insert);
	sqlite3_finalize(ci->find);
	sqlite3_finalize(ci->member);
	merge_free(&ci->merge);
	memset(ci, 0, sizeof(*ci));
}

const struct import_kind care_import_kind = {
	care_fields, CARE_NFIELDS, care_row, NULL, care_cleanup,
	sizeof(struct care_import), care_domain,
	.entity = "care",
};
