/* returnee.c -- returnees and village worthies: each contact checked, imported, merged */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "merge.h"
#include "place.h"
#include "returnee.h"
#include "text.h"
#include "vocab.h"

const struct field_spec returnee_fields[RETURNEE_NFIELDS] = {
	{ "id_number", "身份证号|身份证号码|证件号码|公民身份号码" },
	{ "contacted_on", "联系日期|联系时间|日期" },
	{ "name", "姓名|人才姓名" },
	{ "village", "村|村(社区)|村（社区）|村社区|行政村|所在村" },
	{ "kind", "类型|人才类型|类别" },
	{ "away_place", "外出地点|务工地点|工作地点|现居住地|所在地" },
	{ "skills", "技能|技能特长|专业特长|特长" },
	{ "intention", "意向|返乡意向|回引意向" },
	{ "cadre", "联系干部|联系人|结对干部|责任人" },
	{ "way", "联系方式|方式" },
	{ "said", "联系内容|沟通内容|内容|情况" },
	{ "status", "状态|回引状态|进展" },
};

/* The store's column of each field merged; NULL for the key, and for the village (written by returnee_changing). */
static const char *const returnee_column[RETURNEE_NFIELDS] = {
	NULL, NULL, "name", NULL, "kind", "away_place", "skills", "intention",
	"cadre", "way", "said", "status"
};

/* The vocabulary of each field (NULL: free text). */
static const char *const returnee_domain[RETURNEE_NFIELDS] = {
	[RETURNEE_KIND] = "returnee_kind",
	[RETURNEE_INTENTION] = "returnee_intention",
	[RETURNEE_STATUS] = "returnee_status",
};

/* A contact as checked, every value normalised; NULL when not given. */
struct returnee {
	const char *value[RETURNEE_NFIELDS];
	char id_number[64];	/* room for 18 full-width characters, made ASCII */
	char contacted_on[11];
	long long village_id;	/* 0 until known */
};

/* Per-import state: statements prepared once, and the contact being merged. */
struct returnee_import {
	sqlite3_stmt *insert, *find, *before, *member, *village;
	struct merge merge;
	long long village_id;	/* of the contact merge_record() is given */
	char carried[RETURNEE_NFIELDS][256];
};

static int
returnee_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	(void)context;
	(void)err;
	import_problem(im, rec, -1, _("the same contact (person and day) is "
	    "already on %s"), sqlite3_column_text(row, RETURNEE_NFIELDS));
	return 1;
}

/* A contact's village changes under --upsert: write the village resolved by the check. */
static int
returnee_changing(void *context, struct import *im, const struct record *rec,
    long long id, size_t k, const char *const *values, const char *old,
    struct error *err)
{
	struct returnee_import *ri = context;
	int rc;

	(void)rec;
	(void)values;
	(void)old;
	if (k != RETURNEE_VILLAGE)
		return 0;
	sqlite3_bind_int64(ri->village, 1, ri->village_id);
	sqlite3_bind_int64(ri->village, 2, id);
	rc = sqlite3_step(ri->village);
	sqlite3_reset(ri->village);
	return rc == SQLITE_DONE ? 0 : store_error(import_store(im), rc, err);
}

/* A contact given again: what it says of the person and the talk may be updated. */
static const struct merge_rule returnee_merge = {
	.entity = "returnee", .table = "returnee_contact",
	.specs = returnee_fields, .first = RETURNEE_NAME,
	.nfields = RETURNEE_NFIELDS, .column = returnee_column, .stamped = 1,
	.again = returnee_again, .changing = returnee_changing,
};

static int
prepare(struct returnee_import *ri, struct store *s, struct error *err)
{
	if (ri->insert != NULL)
		return 0;
	ri->insert = store_prepare(s, "INSERT INTO returnee_contact (id_number, "
	    "contacted_on, name, village_id, kind, away_place, skills, intention, "
	    "cadre, way, said, status, created_at, updated_at, source) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	/* column k the stored value of field k, then where it was read */
	ri->find = store_prepare(s, "SELECT r.id, NULL, r.name, v.name, r.kind, "
	    "r.away_place, r.skills, r.intention, r.cadre, r.way, r.said, "
	    "r.status, r.source FROM returnee_contact r JOIN village v ON v.id = "
	    "r.village_id WHERE r.id_number = ? AND r.contacted_on = ?", err);
	/* the person's other contact nearest before the day, else after it */
	ri->before = store_prepare(s, "SELECT NULL, NULL, r.name, v.name, "
	    "r.kind, r.away_place, r.skills, r.intention, r.cadre, NULL, NULL, "
	    "r.status FROM returnee_contact r JOIN village v ON v.id = "
	    "r.village_id WHERE r.id_number = ?1 ORDER BY r.contacted_on > ?2, "
	    "CASE WHEN r.contacted_on <= ?2 THEN r.contacted_on END DESC, "
	    "r.contacted_on LIMIT 1", err);
	ri->member = store_prepare(s, "SELECT NULL, NULL, m.name, v.name FROM "
	    "member m JOIN household h ON h.household_id = m.household_id JOIN "
	    "village v ON v.id = h.village_id WHERE m.id_number = ?", err);
	ri->village = store_prepare(s, "UPDATE returnee_contact SET village_id = "
	    "? WHERE id = ?", err);
	if (ri->insert == NULL || ri->find == NULL || ri->before == NULL ||
	    ri->member == NULL || ri->village == NULL)
		return -1;
	return merge_start(&ri->merge, s, &returnee_merge, err);
}

/* Check every field of rec into r, alone; the number of problems. */
static int
returnee_check(struct import *im, const struct record *rec, struct returnee *r)
{
	static const size_t longest[][2] = {
		{ RETURNEE_NAME, 64 }, { RETURNEE_VILLAGE, 128 },
		{ RETURNEE_AWAY_PLACE, 128 }, { RETURNEE_SKILLS, 256 },
		{ RETURNEE_CADRE, 64 }, { RETURNEE_WAY, 64 }, { RETURNEE_SAID, 2000 },
	};
	int bad = 0;

	memset(r, 0, sizeof(*r));
	for (size_t k = 0; k < RETURNEE_NFIELDS; k++)
		r->value[k] = import_value(im, rec, k);
	if (r->value[RETURNEE_ID_NUMBER] == NULL) {
		import_problem(im, rec, RETURNEE_ID_NUMBER, _("missing; a person is "
		    "known by their ID number"));
		bad++;
	} else
		bad += import_id_number(im, rec, RETURNEE_ID_NUMBER,
		    &r->value[RETURNEE_ID_NUMBER], r->id_number);
	if (r->value[RETURNEE_CONTACTED_ON] == NULL) {
		import_problem(im, rec, RETURNEE_CONTACTED_ON, _("missing; the day "
		    "of the contact"));
		bad++;
	} else
		bad += import_date(im, rec, RETURNEE_CONTACTED_ON,
		    &r->value[RETURNEE_CONTACTED_ON], r->contacted_on);
	for (size_t k = 0; k < RETURNEE_NFIELDS; k++)
		if (returnee_domain[k] != NULL)
			bad += import_code(im, rec, k, returnee_domain[k],
			    &r->value[k]);
	bad += import_lengths(im, rec, r->value, longest,
	    sizeof(longest) / sizeof(longest[0]));
	return bad;
}

/*
 * Fill the fields of r it leaves out, from field 2 on, with the columns
 * of st (bound to the person, stepped here; columns past its own count
 * are none), kept in ri->carried.  0, or -1 with err set.
 */
static int
carry(struct returnee_import *ri, struct import *im, sqlite3_stmt *st,
    struct returnee *r, struct error *err)
{
	int rc = sqlite3_step(st), n = sqlite3_column_count(st);

	if (rc == SQLITE_ROW)
		for (int k = RETURNEE_NAME; k < n && k < RETURNEE_NFIELDS; k++) {
			const char *v = (const char *)sqlite3_column_text(st, k);

			if (r->value[k] != NULL || v == NULL)
				continue;
			snprintf(ri->carried[k], sizeof(ri->carried[k]), "%s", v);
			r->value[k] = ri->carried[k];
		}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    store_error(import_store(im), rc, err);
}

/*
 * What a new contact r leaves out, from the person's other contacts or,
 * for a first contact, the member; then what a first contact must name.
 * 0, 1 when it lacks something (reported), -1 with err set.
 */
static int
complete(struct returnee_import *ri, struct import *im,
    const struct record *rec, struct returnee *r, struct error *err)
{
	int bad = 0;

	sqlite3_bind_text(ri->before, 1, r->value[RETURNEE_ID_NUMBER], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(ri->before, 2, r->value[RETURNEE_CONTACTED_ON], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(ri->member, 1, r->value[RETURNEE_ID_NUMBER], -1,
	    SQLITE_STATIC);
	if (carry(ri, im, ri->before, r, err) != 0 ||
	    carry(ri, im, ri->member, r, err) != 0)
		return -1;
	if (r->value[RETURNEE_NAME] == NULL) {
		import_problem(im, rec, RETURNEE_NAME, _("missing; the first contact "
		    "of a person who is no member in the store names them"));
		bad++;
	}
	if (r->value[RETURNEE_VILLAGE] == NULL) {
		import_problem(im, rec, RETURNEE_VILLAGE, _("missing; the first "
		    "contact of a person who is no member in the store names their "
		    "village"));
		bad++;
	}
	if (r->value[RETURNEE_CADRE] == NULL) {
		import_problem(im, rec, RETURNEE_CADRE, _("missing; the first contact "
		    "names the cadre who contacts the person, one to one"));
		bad++;
	}
	if (r->value[RETURNEE_KIND] == NULL)
		r->value[RETURNEE_KIND] = "talent";
	if (r->value[RETURNEE_STATUS] == NULL)
		r->value[RETURNEE_STATUS] = "contacted";
	return bad > 0;
}

/* The village r names, into r->village_id: 0, 1 when unknown (reported), -1 with err set. */
static int
find_village(struct import *im, const struct record *rec, struct returnee *r,
    struct error *err)
{
	struct store *s = import_store(im);
	const char *village = r->value[RETURNEE_VILLAGE];
	long long gid;
	char near[600];
	int rc;

	if (village == NULL)
		return 0;
	if ((rc = place_resolve(s, village, NULL, PLACE_MERGED, &r->village_id,
	    &gid, NULL, err)) != 1)
		return rc;
	if (place_suggestion(s, NULL, village, near, sizeof(near), err) != 0)
		return -1;
	import_problem(im, rec, RETURNEE_VILLAGE, _("no village \"%s\" in the "
	    "store; household-add registers villages%s"), village, near);
	return 1;
}

/* Write new contact r, complete, checked from rec: 0, or -1 with err set. */
static int
returnee_add(struct returnee_import *ri, struct import *im,
    const struct record *rec, const struct returnee *r, struct error *err)
{
	struct store *s = import_store(im);
	sqlite3_stmt *st = ri->insert;
	char key[96], where[512];
	int rc;

	snprintf(where, sizeof(where), "%s:%ld", rec->file, rec->line);
	for (int k = 0; k < RETURNEE_NFIELDS; k++)
		if (k == RETURNEE_VILLAGE)
			sqlite3_bind_int64(st, k + 1, r->village_id);
		else
			sqlite3_bind_text(st, k + 1, r->value[k], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, RETURNEE_NFIELDS + 1, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, RETURNEE_NFIELDS + 2, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, RETURNEE_NFIELDS + 3, where, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	import_stats(im)->added++;
	snprintf(key, sizeof(key), "%s:%s", r->value[RETURNEE_ID_NUMBER],
	    r->value[RETURNEE_CONTACTED_ON]);
	return audit_add(s, "returnee", key, "created", NULL,
	    r->value[RETURNEE_STATUS], err);
}

static int
returnee_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct returnee_import *ri = context;
	struct store *s = import_store(im);
	struct returnee r;
	char key[96];
	int rc;

	if (prepare(ri, s, err) != 0)
		return -1;
	if (returnee_check(im, rec, &r) != 0)
		return 1;
	sqlite3_bind_text(ri->find, 1, r.value[RETURNEE_ID_NUMBER], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(ri->find, 2, r.value[RETURNEE_CONTACTED_ON], -1,
	    SQLITE_STATIC);
	if ((rc = sqlite3_step(ri->find)) == SQLITE_DONE) {
		sqlite3_reset(ri->find);
		if ((rc = complete(ri, im, rec, &r, err)) != 0 ||
		    (rc = find_village(im, rec, &r, err)) != 0)
			return rc;
		return returnee_add(ri, im, rec, &r, err);
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(ri->find);
		return store_error(s, rc, err);
	}
	if ((rc = find_village(im, rec, &r, err)) != 0) {
		sqlite3_reset(ri->find);
		return rc;
	}
	ri->village_id = r.village_id;
	snprintf(key, sizeof(key), "%s:%s", r.value[RETURNEE_ID_NUMBER],
	    r.value[RETURNEE_CONTACTED_ON]);
	return merge_record(&ri->merge, im, rec, ri->find, r.value, key, ri, err);
}

static void
returnee_cleanup(void *context)
{
	struct returnee_import *ri = context;

	sqlite3_finalize(ri->insert);
	sqlite3_finalize(ri->find);
	sqlite3_finalize(ri->before);
	sqlite3_finalize(ri->member);
	sqlite3_finalize(ri->village);
	merge_free(&ri->merge);
	memset(ri, 0, sizeof(*ri));
}

const struct import_kind returnee_import_kind = {
	returnee_fields, RETURNEE_NFIELDS, returnee_row, NULL, returnee_cleanup,
	sizeof(struct returnee_import), returnee_domain,
	.entity = "returnee",
};
