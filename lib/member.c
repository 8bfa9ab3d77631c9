/* member.c -- the people of households: checked, imported, merged when given again */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "batch.h"
#include "buf.h"
#include "household.h"
#include "household_check.h"
#include "idset.h"
#include "member.h"
#include "member_bulk.h"
#include "merge.h"
#include "text.h"
#include "vocab.h"

const struct field_spec member_fields[MEMBER_NSPECS] = {
	{ "id_number", "身份证号|身份证号码|证件号码|公民身份号码|成员身份证号" },
	HOUSEHOLD_SPEC_ROSTER_ID,
	{ "name", "姓名|成员姓名" },
	{ "relation", "与户主关系|家庭关系|关系" },
	{ "labour", "劳动技能|劳动能力|劳动力状况" },
	{ "schooling", "在校生状况|在校情况|就学状况|在校" },
	{ "health", "健康状况|健康" },
	{ "away_place", "务工地点|外出务工地点|务工所在地|外出地点" },
	{ "away_since", "外出时间|外出务工时间|务工时间" },
	{ "tags", "人员标签|标签|特殊人群|人员类别" },
	{ "phone", "本人电话|个人电话|联系电话|电话|手机|手机号码" },
	{ "cadre_relative", "村干部亲属|是否村干部亲属" },
	/* a roster's household columns, read past */
	HOUSEHOLD_SPEC_HEAD_NAME, HOUSEHOLD_SPEC_HEAD_ID_NUMBER,
	HOUSEHOLD_SPEC_VILLAGE, HOUSEHOLD_SPEC_GROUP, HOUSEHOLD_SPEC_CATEGORIES,
	HOUSEHOLD_SPEC_MEMBERS, HOUSEHOLD_SPEC_MONITOR_TYPE,
	HOUSEHOLD_SPEC_RISK_STATUS, HOUSEHOLD_SPEC_HEAD_PHONE,
};

/* The store's column of each field; NULL for the ID number, which is the person. */
static const char *const member_column[MEMBER_NFIELDS] = {
	NULL, "household_id", "name", "relation", "labour", "schooling", "health",
	"away_place", "away_since", "tags", "phone", "cadre_relative"
};

/* The vocabulary of each field, or NULL for free text. */
static const char *const member_domain[MEMBER_NFIELDS] = {
	NULL, NULL, NULL, "relation", "labour", "schooling", "health", NULL, NULL,
	NULL, NULL, "yes_no"
};

/* A person as checked: every value normalised (codes, ISO dates); NULL when not given. */
struct member {
	const char *value[MEMBER_NFIELDS];
	const char *sex;	/* "male" or "female", from the ID number */
	char birth[11];		/* ISO, from the ID number */
	char id_number[64];	/* room for 18 full-width characters, made ASCII */
	char phone[64];
	char away_since[11];
	char tags[96];
	/*
	 * Held without the record's values, only where it is (line, file):
	 * on the bulk path no message quotes a record once it is held
	 */
	int place_only;
};

/*
 * Members are held by the batch engine (lib/batch.h), as visits are: a
 * member's household is known to be in the store before it is held;
 * after a person stored already (a file imported again), members are
 * held to be looked up rather than written.
 */
struct member_import {
	sqlite3_stmt *find, *same;
	struct merge merge;	/* a person given again */
	struct batch_engine batch;	/* members held, written by the worker */
	struct idset households;	/* household_numbers_load() */
	struct household_checker codes;	/* its vocabulary memo */
	int expect_stored;	/* the previous record was stored already */
	int of_roster;		/* a roster's people, each after its household (import_is_child()) */
	long long first_audit;	/* the seq the import's first audit row gets */
	struct import *im;
	/* with a roster: the households' numbers, NUL-ended, and their runs */
	struct buf roster_names, roster_runs;
	struct member_bulk bulk;	/* a store with no people yet */
	/*
	 * On the bulk path, where every person held is written: each
	 * household's member count, and how many people of the input it
	 * has (past 65,535 stays there), at its place in the set of
	 * households; the place of the household of the record before
	 */
	unsigned char *members;
	unsigned short *people;
	long last_index;
	/* the household of the record before, found in the store ("" none) */
	char last_household[65];
};

static const struct merge_rule member_merge_rule;
static const struct batch_kind member_batch_kind;
static int roster_count(struct member_import *mi, const char *household,
    int bad, struct error *err);

const char *
member_sex(const char *id_number)
{
	return (id_number[16] - '0') % 2 == 1 ? "male" : "female";
}

void
member_birth_date(const char *id_number, char birth[11])
{
	memcpy(birth, id_number + 6, 4);
	birth[4] = '-';
	memcpy(birth + 5, id_number + 10, 2);
	birth[7] = '-';
	memcpy(birth + 8, id_number + 12, 2);
	birth[10] = '\0';
}

/*
 * The year, month and day of ISO date iso (YYYY-MM-DD, digits where
 * digits go) into *y, *m, *d: 0, or -1 when it is no such date.  Asked
 * once a person a report lists: no sscanf.
 */
static int
iso_date_parts(const char *iso, int *y, int *m, int *d)
{
	static const char shape[] = "dddd-dd-dd";

	for (size_t i = 0; i < sizeof(shape) - 1; i++)
		if (shape[i] == 'd' ? iso[i] < '0' || iso[i] > '9' : iso[i] != '-')
			return -1;	/* (a NUL ends the loop here too) */
	*y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 +
	    (iso[3] - '0');
	*m = (iso[5] - '0') * 10 + (iso[6] - '0');
	*d = (iso[8] - '0') * 10 + (iso[9] - '0');
	return 0;
}

int
member_age_on(const char *birth, const char *day)
{
	int by, bm, bd, y, m, d;

	if (birth == NULL || day == NULL ||
	    iso_date_parts(birth, &by, &bm, &bd) != 0 ||
	    iso_date_parts(day, &y, &m, &d) != 0)
		return -1;
	/* one fewer before this year's birthday */
	return y - by - (m < bm || (m == bm && d < bd));
}

static int
prepare(struct member_import *mi, struct import *im, struct error *err)
{
	struct store *s = import_store(im);
	sqlite3_stmt *st;

	if (mi->find != NULL)
		return 0;
	mi->im = im;
	/* before the statements are made: it drops the indexes */
	if (member_bulk_start(&mi->bulk, im, err) != 0)
		return -1;
	/* the columns in the order of the fields, then the member's origin */
	mi->find = store_prepare(s, "SELECT id, household_id, name, relation, "
	    "labour, schooling, health, away_place, away_since, tags, phone, "
	    "CASE cadre_relative WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END, "
	    "source_id, line FROM member WHERE id_number = ?", err);
	/* the person stored the same: ?2 the first id of this import, ?(k + 2) field k */
	mi->same = merge_same_prepare(s, "SELECT id FROM member WHERE "
	    "id_number = ?1 AND id < ?2", member_column, MEMBER_HOUSEHOLD,
	    MEMBER_NFIELDS, 2, err);
	if (mi->find == NULL || mi->same == NULL)
		return -1;
	/* a roster's person is of the household its row has just given */
	if ((mi->of_roster = import_is_child(im)) == 0 &&
	    household_numbers_load(&mi->households, mi->bulk.on ? &mi->members :
	    NULL, s, err) != 0)
		return -1;
	if (mi->members != NULL && (mi->people = calloc(mi->households.n + 1,
	    sizeof(*mi->people))) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	/* the bulk path's rows are written in order, which needs few pages */
	if (mi->bulk.on && store_exec(s, "PRAGMA cache_size = -6144", err) != 0)
		return -1;
	/*
	 * 12 MiB of pages rather than the store's 16: with the households'
	 * numbers (7 MB a million) and the write-ahead log's index, an
	 * import of millions of people stays under 32 MiB, for some 5% more
	 * time reading pages back (the bulk path keeps less)
	 */
	if (!mi->bulk.on && store_exec(s, "PRAGMA cache_size = -12288", err) != 0)
		return -1;
	/* nothing of this import is audited yet */
	if ((st = store_prepare(s, "SELECT coalesce(max(seq), 0) + 1 FROM audit",
	    err)) == NULL || (mi->first_audit = store_step_id(s, st, err)) < 0)
		return -1;
	if (merge_start(&mi->merge, s, &member_merge_rule, err) != 0 ||
	    batch_start(&mi->batch, &member_batch_kind, mi, im, mi->find,
	    mi->merge.first_new_id - 1, err) != 0)
		return -1;
	sqlite3_bind_int64(mi->same, 2, mi->merge.first_new_id);
	return 0;
}

/* The record whose tags are checked, for unknown_tag(). */
struct tag_check {
	struct import *im;
	const struct record *rec;
};

static void
unknown_tag(void *context, const char *word)
{
	const struct tag_check *tc = context;
	char expected[512];

	import_problem(tc->im, tc->rec, MEMBER_TAGS, _("unknown tag \"%s\"; "
	    "expected one of: %s"), word, vocab_describe("member_tag", expected,
	    sizeof(expected)));
}

/* Check the ID number of m: the person, their sex and birth date. */
static int
check_id_number(struct import *im, const struct record *rec, struct member *m)
{
	enum id_number_problem problem;
	const char *text = m->value[MEMBER_ID_NUMBER];

	if (text == NULL) {
		import_problem(im, rec, MEMBER_ID_NUMBER, _("missing; a person is "
		    "known by their ID number"));
		return 1;
	}
	if (strlen(text) >= sizeof(m->id_number)) {
		import_problem(im, rec, MEMBER_ID_NUMBER, "%s",
		    id_number_problem_text(ID_NUMBER_LENGTH));
		return 1;
	}
	memcpy(m->id_number, text, strlen(text) + 1);
	if ((problem = id_number_check(m->id_number)) != ID_NUMBER_OK) {
		import_problem(im, rec, MEMBER_ID_NUMBER, "%s",
		    id_number_problem_text(problem));
		return 1;
	}
	m->value[MEMBER_ID_NUMBER] = m->id_number;
	m->sex = member_sex(m->id_number);
	member_birth_date(m->id_number, m->birth);
	return 0;
}

/* Check the text fields of m: household, name, working away, phone. */
static int
check_texts(struct member_import *mi, struct import *im,
    const struct record *rec, struct member *m)
{
	const char *text;
	long at = -1;
	int bad = 0;

	if ((text = m->value[MEMBER_HOUSEHOLD]) == NULL) {
		import_problem(im, rec, MEMBER_HOUSEHOLD, _("missing; every person "
		    "belongs to a household"));
		bad++;
	} else if (!mi->of_roster && (mi->last_household[0] == '\0' ||
	    strcmp(text, mi->last_household) != 0)) {
		/* a household's people mostly come one after the other */
		if (strlen(text) >= sizeof(mi->last_household) ||
		    (at = household_numbers_index(&mi->households, text)) < 0) {
			import_problem(im, rec, MEMBER_HOUSEHOLD, _("no household \"%s\" "
			    "in the store; household-add registers households"), text);
			bad++;
		} else {
			memcpy(mi->last_household, text, strlen(text) + 1);
			mi->last_index = at;
		}
	}
	if ((text = m->value[MEMBER_NAME]) == NULL) {
		import_problem(im, rec, MEMBER_NAME, _("missing; every person has a "
		    "name"));
		bad++;
	} else if (strlen(text) > 64) {
		import_problem(im, rec, MEMBER_NAME, _("longer than 64 bytes"));
		bad++;
	}
	if ((text = m->value[MEMBER_AWAY_PLACE]) != NULL && strlen(text) > 128) {
		import_problem(im, rec, MEMBER_AWAY_PLACE, _("longer than 128 bytes"));
		bad++;
	}
	if ((text = m->value[MEMBER_AWAY_SINCE]) != NULL) {
		if (date_parse(text, m->away_since) != 0) {
			import_problem(im, rec, MEMBER_AWAY_SINCE, _("not a date: \"%s\"; "
			    "write it as 2022-11-01"), text);
			bad++;
		} else
			m->value[MEMBER_AWAY_SINCE] = m->away_since;
	}
	if ((text = m->value[MEMBER_PHONE]) != NULL) {
		if (phone_copy_normalise(text, m->phone, sizeof(m->phone)) != 0) {
			import_problem(im, rec, MEMBER_PHONE, _("not an 11-digit mobile "
			    "number nor a landline number with its area code"));
			bad++;
		} else
			m->value[MEMBER_PHONE] = m->phone;
	}
	return bad;
}

/* Check every field of rec into m; returns the number of problems. */
static int
member_check(struct member_import *mi, struct import *im,
    const struct record *rec, struct member *m)
{
	int bad;

	for (size_t k = 0; k < MEMBER_NFIELDS; k++)
		m->value[k] = import_value(im, rec, k);
	bad = check_id_number(im, rec, m) + check_texts(mi, im, rec, m);
	for (size_t k = MEMBER_RELATION; k < MEMBER_NFIELDS; k++) {
		const char *code, *text = m->value[k];
		char expected[512];

		if (member_domain[k] == NULL || text == NULL)
			continue;
		if ((code = household_checker_code(&mi->codes, member_domain[k],
		    text)) != NULL) {
			m->value[k] = code;
			continue;
		}
		import_problem(im, rec, (int)k, _("unknown value \"%s\"; expected "
		    "one of: %s"), text, vocab_describe(member_domain[k], expected,
		    sizeof(expected)));
		bad++;
	}
	if (m->value[MEMBER_TAGS] != NULL) {
		struct tag_check tc = { im, rec };

		bad += household_checker_list(&mi->codes, "member_tag",
		    m->value[MEMBER_TAGS], m->tags, sizeof(m->tags), unknown_tag, &tc);
		m->value[MEMBER_TAGS] = m->tags[0] != '\0' ? m->tags : NULL;
	}
	return bad;
}

/* cadre_relative is stored as 1 or 0. */
static void
member_bind(sqlite3_stmt *st, int p, size_t k, const char *value)
{
	if (k == MEMBER_CADRE_RELATIVE && value != NULL)
		sqlite3_bind_int(st, p, strcmp(value, "yes") == 0);
	else
		sqlite3_bind_text(st, p, value, -1, SQLITE_STATIC);
}

/*
 * The id of the person m stored before this import with every value m
 * gives the same; 0 when there is none; -1 with err set.
 */
static long long
member_same(struct member_import *mi, const struct member *m, struct error *err)
{
	sqlite3_stmt *st = mi->same;
	long long id = 0;
	int rc;

	sqlite3_bind_text(st, 1, m->value[MEMBER_ID_NUMBER], -1, SQLITE_STATIC);
	for (size_t k = MEMBER_HOUSEHOLD; k < MEMBER_NFIELDS; k++)
		member_bind(st, (int)k + 2, k, m->value[k]);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(import_store(mi->im), rc, err);
	return id;
}

/* Bind held member slot's row of the INSERT. */
static void
member_bind_row(const struct batch_slot *slot, struct insert_row *r)
{
	const struct member *m = slot->record;
	const char *value;

	insert_row_text(r, 0, m->value[MEMBER_ID_NUMBER], -1);
	insert_row_text(r, 1, m->value[MEMBER_HOUSEHOLD], -1);
	insert_row_text(r, 2, m->value[MEMBER_NAME], -1);
	insert_row_code(r, 3, m->sex);
	insert_row_text(r, 4, m->birth, 10);
	for (size_t k = MEMBER_RELATION; k < MEMBER_NFIELDS; k++) {
		value = m->value[k];
		/* a code is the vocabulary's own string (member_hold()) */
		if (k == MEMBER_CADRE_RELATIVE && value != NULL)
			insert_row_number(r, (int)k + 2, strcmp(value, "yes") == 0);
		else if (k == MEMBER_TAGS && value == NULL)
			insert_row_code(r, (int)k + 2, "");
		else if (member_domain[k] != NULL)
			insert_row_code(r, (int)k + 2, value);
		else
			insert_row_text(r, (int)k + 2, value, -1);
	}
	insert_row_number(r, MEMBER_NFIELDS + 2, slot->source_id);
	insert_row_number(r, MEMBER_NFIELDS + 3, slot->held.rec.line);
}

int
member_again_say(struct import *im, const struct record *rec,
    const char *label, long long source, long line, long long this_source,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (source == this_source) {
		import_problem_labelled(im, rec, label, _("the same person as "
		    "line %ld"), line);
		return 1;
	}
	if ((st = store_prepare(import_store(im), "SELECT file FROM member_source "
	    "WHERE id = ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, source);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		import_problem_labelled(im, rec, label, _("the same person as "
		    "%s:%ld"), sqlite3_column_text(st, 0), line);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : store_error(import_store(im), rc, err);
}

/* The same person twice in the input: name where they were first. */
static int
member_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	struct member_import *mi = context;

	return member_again_say(im, rec, import_field_label(im, rec,
	    MEMBER_ID_NUMBER), sqlite3_column_int64(row, MEMBER_NFIELDS),
	    (long)sqlite3_column_int64(row, MEMBER_NFIELDS + 1),
	    mi->batch.source.id, err);
}

/* A person given again: all but their ID number may be updated, a move to another household too. */
static const struct merge_rule member_merge_rule = {
	.entity = "member", .table = "member", .specs = member_fields,
	.first = MEMBER_HOUSEHOLD, .nfields = MEMBER_NFIELDS,
	.column = member_column, .stamped = 1, .again = member_again,
	.bind = member_bind,
};

/* Merge m with the stored person (mi->find stepped to it), known in the audit log by the ID number. */
static int
member_merge(struct member_import *mi, const struct record *rec,
    const struct member *m, struct error *err)
{
	return merge_record(&mi->merge, mi->im, rec, mi->find, m->value,
	    m->value[MEMBER_ID_NUMBER], mi, err);
}

static void
member_bind_key(const struct batch_slot *slot, sqlite3_stmt *find)
{
	const struct member *m = slot->record;

	sqlite3_bind_text(find, 1, m->value[MEMBER_ID_NUMBER], -1, SQLITE_STATIC);
}

static int
member_same_key(const struct batch_slot *a, const struct batch_slot *b)
{
	const struct member *x = a->record, *y = b->record;

	return strcmp(x->value[MEMBER_ID_NUMBER], y->value[MEMBER_ID_NUMBER]) == 0;
}

/* On the worker's thread: the id of the person stored as slot's is, or 0. */
static long long
member_same_slot(void *context, const struct batch_slot *slot, struct error *err)
{
	return member_same(context, slot->record, err);
}

/* A person left out by their INSERT: stored already, to merge. */
static int
member_left_out(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct member_import *mi = context;

	if (!found)
		return error_set(err, EXIT_SOFTWARE, _("%s: a member neither new "
		    "nor stored"), import_store(mi->im)->path);
	mi->expect_stored = 1;
	return member_merge(mi, &slot->held.rec, slot->record, err);
}

/* A person looked up and not stored the same: merged with the one stored, or written alone. */
static int
member_looked_up(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct member_import *mi = context;

	if (found)
		return member_merge(mi, &slot->held.rec, slot->record, err);
	mi->expect_stored = 0;
	return batch_write_one(&mi->batch, slot, err);
}

/* Hold m, checked from rec, in slot: a copy of all it points to. */
static int
member_hold(struct batch_slot *slot, const void *checked,
    const struct record *rec)
{
	const struct member *m = checked;
	struct member *to = slot->record;
	const char *text[MEMBER_NFIELDS], *copy[MEMBER_NFIELDS];
	struct record place;

	if (m->place_only) {
		place = *rec;
		place.count = 0;
		place.columns = NULL;
		place.ncolumns = 0;
		place.cells = NULL;
		rec = &place;
	}
	/* a code is the vocabulary's own string: no copy needed */
	for (size_t k = 0; k < MEMBER_NFIELDS; k++)
		text[k] = member_domain[k] != NULL ? NULL : m->value[k];
	if (held_record_set(&slot->held, rec, text, MEMBER_NFIELDS, copy) != 0)
		return -1;
	for (size_t k = 0; k < MEMBER_NFIELDS; k++)
		to->value[k] = member_domain[k] != NULL ? m->value[k] : copy[k];
	to->sex = m->sex;
	memcpy(to->birth, m->birth, sizeof(to->birth));
	return 0;
}

static const struct batch_kind member_batch_kind = {
	.entity = "member", .source_table = "member_source",
	.record_size = sizeof(struct member),
	/* OR FAIL: no constraint aborts it (see lib/visit.c) */
	.insert_head = "INSERT OR FAIL INTO member (id_number, household_id, "
	    "name, sex, birth_date, relation, labour, schooling, health, "
	    "away_place, away_since, tags, phone, cadre_relative, source_id, "
	    "line) VALUES ",
	.insert_columns = MEMBER_NFIELDS + 4,
	.insert_tail = " ON CONFLICT DO NOTHING",
	.hold = member_hold, .bind = member_bind_row, .bind_key = member_bind_key,
	.same_key = member_same_key, .same = member_same_slot,
	.left_out = member_left_out, .looked_up = member_looked_up,
};

static int
member_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct member_import *mi = context;
	const struct member_settings *settings = import_options(im)->settings;
	struct member m;

	if (prepare(mi, im, err) != 0)
		return -1;
	if (member_check(mi, im, rec, &m) != 0) {
		/* its household's count is kept: the roster is not whole */
		if (settings != NULL && settings->roster &&
		    m.value[MEMBER_HOUSEHOLD] != NULL &&
		    roster_count(mi, m.value[MEMBER_HOUSEHOLD], 1, err) != 0)
			return -1;
		return 1;
	}
	if (settings != NULL && settings->roster &&
	    roster_count(mi, m.value[MEMBER_HOUSEHOLD], 0, err) != 0)
		return -1;
	if (import_source_id(&mi->batch.source, im, rec, err) == 0 ||
	    member_bulk_read(&mi->bulk, im, &mi->batch, rec,
	    m.value[MEMBER_HOUSEHOLD], mi->batch.source.id, err) != 0)
		return -1;
	m.place_only = mi->bulk.on;
	if (batch_hold(&mi->batch, mi->expect_stored, &m, rec, mi->batch.source.id,
	    err) != 0)
		return -1;
	if (mi->people != NULL && mi->people[mi->last_index] < USHRT_MAX)
		mi->people[mi->last_index]++;
	return 0;
}

/* A household of a roster and how many people the input names for it. */
struct roster_run {
	size_t at;		/* its number's offset in roster_names */
	const char *household;	/* set once every record is read */
	int people;
	int bad;		/* a record of it was refused */
};

/*
 * A roster record of household's, counted (bad: refused, the count
 * kept): in the run of the record before, or a new run.
 */
static int
roster_count(struct member_import *mi, const char *household, int bad,
    struct error *err)
{
	struct roster_run *last = mi->roster_runs.len == 0 ? NULL :
	    (struct roster_run *)(mi->roster_runs.data + mi->roster_runs.len) - 1;
	struct roster_run run = { mi->roster_names.len, NULL, !bad, bad };

	if (last != NULL && strcmp(mi->roster_names.data + last->at,
	    household) == 0) {
		last->people += !bad;
		last->bad |= bad;
		return 0;
	}
	if (buf_append(&mi->roster_names, household, strlen(household) + 1) != 0 ||
	    buf_append(&mi->roster_runs, &run, sizeof(run)) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

static int
roster_run_order(const void *a, const void *b)
{
	const struct roster_run *x = a, *y = b;

	return strcmp(x->household, y->household);
}

/*
 * Note household's count (members as stored, people the other number)
 * in counts, which names the households whose numbers sort first, in
 * that order, however they come.
 */
static void
counts_note(struct member_counts *counts, const char *household, int members,
    int people)
{
	size_t named = counts->n < MEMBER_COUNTS_NAMED ? (size_t)counts->n :
	    MEMBER_COUNTS_NAMED, at = named;
	struct member_count *c;

	counts->n++;
	while (at > 0 && strcmp(counts->first[at - 1].household_id, household) > 0)
		at--;
	if (at == MEMBER_COUNTS_NAMED)
		return;
	c = &counts->first[at];
	memmove(c + 1, c, ((named < MEMBER_COUNTS_NAMED ? named :
	    MEMBER_COUNTS_NAMED - 1) - at) * sizeof(*c));
	snprintf(c->household_id, sizeof(c->household_id), "%s", household);
	c->members = members;
	c->people = people;
}

/*
 * Run st (an UPDATE, its parameters bound) and reset it: 0, or -1 with
 * err set.
 */
static int
step_done(struct store *s, sqlite3_stmt *st, struct error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The input is the whole roster of each household it names: each such
 * household has as many members as the input names for it, each count
 * that changes audited (a count past 99, the most the store keeps, is
 * left to the note of counts that differ).
 */
static int
roster_set(struct member_import *mi, struct member_settings *settings,
    struct error *err)
{
	struct store *s = import_store(mi->im);
	struct roster_run *run = (struct roster_run *)mi->roster_runs.data;
	size_t n = mi->roster_runs.len / sizeof(*run);
	sqlite3_stmt *get, *set;
	int status = 0;

	for (size_t i = 0; i < n; i++)
		run[i].household = mi->roster_names.data + run[i].at;
	if (n > 1)
		qsort(run, n, sizeof(*run), roster_run_order);
	get = store_prepare(s, "SELECT coalesce(members, 0) FROM household "
	    "WHERE household_id = ?", err);
	set = store_prepare(s, "UPDATE household SET members = ?2, "
	    "updated_at = ?3 WHERE household_id = ?1", err);
	for (size_t i = 0; i < n && get != NULL && set != NULL && status == 0; ) {
		const char *household = run[i].household;
		int people = 0, members, rc, bad = 0;
		char old[16], now[16];

		/* the runs of one household, wherever they were in the input */
		for (; i < n && strcmp(run[i].household, household) == 0; i++) {
			people += run[i].people;
			bad |= run[i].bad;
		}
		sqlite3_bind_text(get, 1, household, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(get)) == SQLITE_DONE) {
			sqlite3_reset(get);
			continue;	/* not stored: its records were refused */
		}
		if (rc != SQLITE_ROW) {
			sqlite3_reset(get);
			status = store_error(s, rc, err);
			break;
		}
		members = sqlite3_column_int(get, 0);
		sqlite3_reset(get);
		if (bad)
			counts_note(&settings->kept, household, members, people);
		if (bad || members == people || people > 99)
			continue;
		snprintf(old, sizeof(old), "%d", members);
		snprintf(now, sizeof(now), "%d", people);
		if (audit_add(s, "household", household, "members",
		    members > 0 ? old : NULL, now, err) != 0) {
			status = -1;
			break;
		}
		sqlite3_bind_text(set, 1, household, -1, SQLITE_STATIC);
		sqlite3_bind_int(set, 2, people);
		sqlite3_bind_text(set, 3, s->now, -1, SQLITE_STATIC);
		if ((status = step_done(s, set, err)) == 0)
			counts_note(&settings->set, household, members, people);
	}
	if ((get == NULL || set == NULL) && status == 0)
		status = -1;
	sqlite3_finalize(get);
	sqlite3_finalize(set);
	return status;
}

/*
 * The households this import added people to, moved people from or
 * to, or set the count of, that now have another number of people
 * registered than their member count: into settings->differ.  They are
 * found from the people added when those are few beside the store's
 * households, else by one pass over the households, which needs no
 * temporary table of the households the people name (as large as they
 * are many: 30 MiB for a million).
 */
#define TOUCHED_BY_AUDIT "SELECT old FROM audit WHERE seq >= ?2 AND " \
	    "entity = 'member' AND field = 'household_id' UNION SELECT new FROM " \
	    "audit WHERE seq >= ?2 AND entity = 'member' AND " \
	    "field = 'household_id' UNION SELECT entity_id FROM audit WHERE " \
	    "seq >= ?2 AND entity = 'household' AND field = 'members'"
#define COUNTS_OF_H "SELECT h.household_id, coalesce(h.members, 0), " \
	    "(SELECT count(*) FROM member m WHERE m.household_id = " \
	    "h.household_id) AS n FROM household h WHERE "
#define COUNTS_DIFFER " AND n IS NOT h.members ORDER BY h.household_id"
static int
counts_differ(struct member_import *mi, struct member_settings *settings,
    struct error *err)
{
	struct store *s = import_store(mi->im);
	sqlite3_stmt *st;
	long long households;
	int rc;

	if ((st = store_prepare(s, "SELECT coalesce(max(id), 0) FROM "
	    "household", err)) == NULL ||
	    (households = store_step_id(s, st, err)) < 0)
		return -1;
	st = store_prepare(s, import_stats(mi->im)->added * 4 < households ?
		    COUNTS_OF_H "h.household_id IN (SELECT household_id FROM member "
		    "WHERE id >= ?1 UNION " TOUCHED_BY_AUDIT ")" COUNTS_DIFFER :
		    COUNTS_OF_H "(EXISTS (SELECT 1 FROM member m WHERE "
		    "m.household_id = h.household_id AND m.id >= ?1) OR "
		    "h.household_id IN (" TOUCHED_BY_AUDIT "))" COUNTS_DIFFER, err);
	if (st == NULL)
		return -1;
	/* ?1 the first member and ?2 the first audit row of this import */
	sqlite3_bind_int64(st, 1, mi->merge.first_new_id);
	sqlite3_bind_int64(st, 2, mi->first_audit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		counts_note(&settings->differ, (const char *)sqlite3_column_text(st,
		    0), sqlite3_column_int(st, 1), sqlite3_column_int(st, 2));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}
#undef TOUCHED_BY_AUDIT
#undef COUNTS_OF_H
#undef COUNTS_DIFFER

/*
 * A household read by bulk_counts_differ(), whose place in the set is
 * looked up some rows later, once fetched into the cache meanwhile: the
 * lookups are as many as the households, each in a place of its own.
 */
#define COUNTS_AHEAD 32
struct counts_ahead {
	char household[65];
	int members;
};

static void
bulk_count(struct member_import *mi, struct member_counts *differ,
    const struct counts_ahead *h)
{
	long at = household_numbers_index(&mi->households, h->household);

	if (at >= 0 && mi->people[at] > 0 && mi->people[at] != h->members)
		counts_note(differ, h->household, h->members, mi->people[at]);
}

/*
 * counts_differ() on the bulk path, before the indexes are made: every
 * person stored is of this import and was counted as it was held, beside
 * each household's member count as the import began (the people's index
 * is not read, nor each household looked up in the store).  Only when
 * some differ are the households read, to name them (a roster's counts
 * are set by then, but only where they differed).  A person given
 * twice is counted twice here, but then the import is refused and no
 * note is made.
 */
static int
bulk_counts_differ(struct member_import *mi, struct member_settings *settings,
    struct error *err)
{
	struct store *s = import_store(mi->im);
	sqlite3_stmt *st;
	struct counts_ahead ahead[COUNTS_AHEAD];
	size_t n = 0, differ = 0;
	int rc;

	for (size_t i = 0; i < mi->households.n; i++)
		differ += mi->people[i] > 0 && mi->people[i] != mi->members[i];
	if (differ == 0)
		return 0;
	if ((st = store_prepare(s, "SELECT household_id, coalesce(members, 0) "
	    "FROM household", err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *household = (const char *)sqlite3_column_text(st, 0);
		size_t len = (size_t)sqlite3_column_bytes(st, 0);
		struct counts_ahead *h = &ahead[n % COUNTS_AHEAD];

		if (len >= sizeof(h->household))
			continue;	/* too long for a person's (check_texts()) */
		if (n++ >= COUNTS_AHEAD)
			bulk_count(mi, &settings->differ, h);
		memcpy(h->household, household, len + 1);
		h->members = sqlite3_column_int(st, 1);
		household_numbers_prefetch(&mi->households, h->household);
	}
	sqlite3_finalize(st);
	for (size_t i = n > COUNTS_AHEAD ? n - COUNTS_AHEAD : 0; i < n; i++)
		bulk_count(mi, &settings->differ, &ahead[i % COUNTS_AHEAD]);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* A roster's counts set; the counts that differ noted, on a dry run too. */
static int
note_counts(struct member_import *mi, struct member_settings *settings,
    struct error *err)
{
	if (settings == NULL || mi->find == NULL)
		return 0;
	if (settings->roster && roster_set(mi, settings, err) != 0)
		return -1;
	return mi->bulk.on ? bulk_counts_differ(mi, settings, err) :
	    counts_differ(mi, settings, err);
}

/* The records written, and the counts noted. */
static int
member_finish(struct import *im, void *context, struct error *err)
{
	struct member_import *mi = context;
	struct member_settings *settings = import_options(im)->settings;

	if (batch_finish(&mi->batch, err) != 0 || note_counts(mi, settings, err) != 0)
		return -1;
	if (!mi->bulk.on)
		return 0;
	/*
	 * The counts are taken before the indexes are made, from the
	 * households alone; should a person given twice stop the unique
	 * index, the import is refused and all of it rolled back.  Every
	 * household is checked: less to hold while the indexes sort.
	 */
	idset_free(&mi->households);
	free(mi->members);
	free(mi->people);
	mi->members = NULL;
	mi->people = NULL;
	return member_bulk_finish(&mi->bulk, im, err);
}

static void
member_cleanup(void *context)
{
	struct member_import *mi = context;

	batch_free(&mi->batch);
	member_bulk_free(&mi->bulk);
	buf_free(&mi->roster_names);
	buf_free(&mi->roster_runs);
	sqlite3_finalize(mi->find);
	sqlite3_finalize(mi->same);
	merge_free(&mi->merge);
	idset_free(&mi->households);
	free(mi->members);
	free(mi->people);
	household_checker_free(&mi->codes);
	memset(mi, 0, sizeof(*mi));
}

/* A roster's row its household refused: the household's count is kept. */
static void
member_refused(struct import *im, const struct record *rec, void *context)
{
	struct member_import *mi = context;
	const struct member_settings *settings = import_options(im)->settings;
	const char *household = import_value(im, rec, MEMBER_HOUSEHOLD);
	struct error ignored;

	/* (memory run out: the count follows the rows read, as without --skip-bad) */
	if (settings != NULL && settings->roster && household != NULL)
		roster_count(mi, household, 1, &ignored);
}

const struct import_kind member_import_kind = {
	member_fields, MEMBER_NSPECS, member_row, member_finish, member_cleanup,
	sizeof(struct member_import), .refused = member_refused,
	.appends = member_bulk_appends, .entity = "member",
};
