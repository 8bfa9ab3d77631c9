/* household_import.c -- households imported: held for the worker, merged when given again */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "batch.h"
#include "hashtab.h"
#include "household.h"
#include "household_check.h"
#include "idset.h"
#include "member.h"
#include "merge.h"
#include "monitor_case.h"
#include "place.h"
#include "text.h"

/*
 * A household checked, and the ids of its place: what the batch engine
 * (lib/batch.h) holds.  A record whose number is taken (a file imported
 * again, most likely) is held to be looked up rather than written; one
 * that needs a new place is written alone, in a savepoint that undoes
 * the place when the household is not written.
 */
struct held_household {
	struct household h;
	long long village_id, group_id;
};

/* Per-import state: statements prepared once, held records, the ID numbers. */
struct household_import {
	int prepared;
	sqlite3_stmt *find, *same, *same_at, *holder;
	sqlite3_stmt *move;	/* a household to another place */
	struct merge merge;	/* a household given again */
	struct batch_engine batch;	/* households held, written by the worker */
	long long next_same;	/* where household_same() looks first, 0 for nowhere */
	struct held_household checked;	/* the record being checked */
	struct household_checker checker;
	sqlite3_stmt *monitored;	/* its monitoring as stored, once cases are in use */
	int cases;		/* 1 once the store has monitoring cases, -1 if not */
	struct idset numbers;
	struct import *im;
	/* a roster's households, by number (lib/hashtab.h), and the files they came from */
	struct roster_household **roster;	/* nblocks blocks of ROSTER_BLOCK */
	size_t nroster, nblocks;
	struct hashtab roster_index;
	const char **roster_files;
	size_t nroster_files;
};

static const struct merge_rule household_merge_rule;
static const struct batch_kind household_batch_kind;

/* Hold rec, checked into household checked, in slot: a copy of everything they point to. */
static int
household_hold(struct batch_slot *slot, const void *checked,
    const struct record *rec)
{
	static const int copied[] = { HOUSEHOLD_ID, HOUSEHOLD_HEAD_NAME,
	    HOUSEHOLD_VILLAGE, HOUSEHOLD_GROUP, HOUSEHOLD_MEMBERS };
	enum { NCOPIED = sizeof(copied) / sizeof(copied[0]) };
	const struct held_household *from = checked;
	const struct household *h = &from->h;
	struct held_household *to = slot->record;
	const char *extra[NCOPIED], *copy[NCOPIED];

	for (size_t i = 0; i < NCOPIED; i++)
		extra[i] = h->value[copied[i]];
	if (held_record_set(&slot->held, rec, extra, NCOPIED, copy) != 0)
		return -1;
	to->village_id = from->village_id;
	to->group_id = from->group_id;
	/* h: its values point into itself, into the loop's buffers, or are static */
	memcpy(to->h.value, h->value, sizeof(h->value));
	to->h.members = h->members;
	to->h.word = h->word;
	/* the arrays are the same size in both: copy them whole */
	memcpy(to->h.id_number, h->id_number, sizeof(to->h.id_number));
	memcpy(to->h.phone, h->phone, sizeof(to->h.phone));
	memcpy(to->h.categories, h->categories, sizeof(to->h.categories));
	if (h->value[HOUSEHOLD_ID_NUMBER] == h->id_number)
		to->h.value[HOUSEHOLD_ID_NUMBER] = to->h.id_number;
	if (h->value[HOUSEHOLD_PHONE] == h->phone)
		to->h.value[HOUSEHOLD_PHONE] = to->h.phone;
	if (h->value[HOUSEHOLD_CATEGORIES] == h->categories)
		to->h.value[HOUSEHOLD_CATEGORIES] = to->h.categories;
	for (size_t i = 0; i < NCOPIED; i++)
		to->h.value[copied[i]] = copy[i];
	return 0;
}

/* Where a household was read, "file:line", of household h joined to its source s. */
#define READ_AT "coalesce(s.file, '') || ':' || h.line"

static int
prepare(struct household_import *hi, struct import *im, struct error *err)
{
	struct store *s = import_store(im);
	sqlite3_stmt *st;
	int rc;

	hi->im = im;
	hi->checker.numbers = &hi->numbers;
	hi->find = store_prepare(s, "SELECT h.id, h.head_name, h.id_number, "
	    "h.phone, v.name, g.name, h.categories, h.members, h.monitor_type, "
	    "h.risk_status, " READ_AT " FROM household h "
	    "JOIN village v ON v.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id "
	    "LEFT JOIN household_source s ON s.id = h.source_id "
	    "WHERE h.household_id = ?", err);
	/* the household as stored already (a file imported again): by household_id, or at id ?12 */
#define SAME_SQL "SELECT id FROM household WHERE household_id = ?1 " \
	    "AND id < ?2 AND (?3 IS NULL OR head_name = ?3) " \
	    "AND (?4 IS NULL OR id_number = ?4) AND (?5 IS NULL OR phone = ?5) " \
	    "AND village_id = ?6 AND (?7 IS NULL OR group_id = ?7) " \
	    "AND (?8 IS NULL OR categories = ?8) AND (?9 IS NULL OR members = ?9) " \
	    "AND (?10 IS NULL OR monitor_type = ?10) " \
	    "AND (?11 IS NULL OR risk_status = ?11)"
	hi->same = store_prepare(s, SAME_SQL, err);
	hi->same_at = store_prepare(s, SAME_SQL " AND id = ?12", err);
#undef SAME_SQL
	/* no index on id_number: look where the set says the holder is */
	hi->holder = store_prepare(s, "SELECT h.id, h.household_id, " READ_AT
	    " FROM household h LEFT JOIN household_source s ON s.id = h.source_id "
	    "WHERE h.id BETWEEN ?1 AND ?2 AND h.id_number = ?3", err);
	if (hi->find == NULL || hi->same == NULL || hi->same_at == NULL ||
	    hi->holder == NULL)
		return -1;
	if (merge_start(&hi->merge, s, &household_merge_rule, err) != 0 ||
	    batch_start(&hi->batch, &household_batch_kind, hi, im, hi->find,
	    hi->merge.first_new_id - 1, err) != 0)
		return -1;
	sqlite3_bind_int64(hi->same, 2, hi->merge.first_new_id);
	sqlite3_bind_int64(hi->same_at, 2, hi->merge.first_new_id);
	/* every ID number on file */
	if ((st = store_prepare(s, "SELECT id_number FROM household "
	    "WHERE id_number IS NOT NULL", err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t w = id_number_word((const char *)sqlite3_column_text(st, 0));

		if (w != 0 && idset_put(&hi->numbers, w) != 0) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	hi->cases = monitor_cases_in_use(s) ? 1 : -1;
	hi->prepared = 1;
	return 0;
}

/* Bind held household slot's row of the INSERT. */
static void
household_bind(const struct batch_slot *slot, struct insert_row *r)
{
	const struct held_household *x = slot->record;
	const struct household *h = &x->h;

	insert_row_text(r, 0, h->value[HOUSEHOLD_ID], -1);
	insert_row_text(r, 1, h->value[HOUSEHOLD_HEAD_NAME], -1);
	insert_row_text(r, 2, h->value[HOUSEHOLD_ID_NUMBER], -1);
	insert_row_text(r, 3, h->value[HOUSEHOLD_PHONE], -1);
	insert_row_number(r, 4, x->village_id);
	if (x->group_id > 0)
		insert_row_number(r, 5, x->group_id);
	else
		insert_row_code(r, 5, NULL);
	if (h->value[HOUSEHOLD_CATEGORIES] != NULL)
		insert_row_text(r, 6, h->value[HOUSEHOLD_CATEGORIES], -1);
	else
		insert_row_code(r, 6, "");
	if (h->value[HOUSEHOLD_MEMBERS] != NULL)
		insert_row_number(r, 7, h->members);
	else
		insert_row_code(r, 7, NULL);
	insert_row_text(r, 8, h->value[HOUSEHOLD_MONITOR_TYPE], -1);
	insert_row_text(r, 9, h->value[HOUSEHOLD_RISK_STATUS], -1);
	insert_row_number(r, 10, slot->source_id);
	insert_row_number(r, 11, slot->held.rec.line);
}

/* Columns of household in the order of the fields, for updates; the place is changing()'s. */
static const char *const household_column_sql[HOUSEHOLD_NFIELDS] = {
	"household_id", "head_name", "id_number", "phone", NULL, NULL,
	"categories", "members", "monitor_type", "risk_status"
};

/* The same household twice in the input: name where it was first. */
static int
household_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	import_problem(im, rec, HOUSEHOLD_ID, _("the same household is already on %s"),
	    sqlite3_column_text(row, HOUSEHOLD_NFIELDS));
	return 1;
}

/* A move to another village leaves the old village's group behind. */
static long
household_also(void *context, sqlite3_stmt *row, const char *const *values,
    char **old, size_t *changed, size_t nchanged)
{
	const char *group = (const char *)sqlite3_column_text(row, HOUSEHOLD_GROUP);

	if (values[HOUSEHOLD_VILLAGE] != NULL && old[HOUSEHOLD_VILLAGE] != NULL &&
	    values[HOUSEHOLD_GROUP] == NULL && group != NULL) {
		if ((old[HOUSEHOLD_GROUP] = strdup(group)) == NULL)
			return -1;
		changed[nchanged++] = HOUSEHOLD_GROUP;
	}
	return (long)nchanged;
}

/*
 * Field k of household id changes: its place is written here, made if
 * need be; its ID number must be no other household's, and the set of
 * numbers follows it.
 */
static int
household_changing(void *context, struct import *im, const struct record *rec,
    long long id, size_t k, const char *const *values, const char *old,
    struct error *err)
{
	struct household_import *hi = context;
	struct store *s = import_store(im);
	long long vid, gid;
	int rc;

	if (k == HOUSEHOLD_ID_NUMBER) {
		uint64_t word = id_number_word(values[k]), was = id_number_word(old);

		if (word != 0 && idset_has(&hi->numbers, word)) {
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("the same number belongs to another household"));
			return 1;
		}
		if (was != 0)
			idset_remove(&hi->numbers, was);
		if (word != 0 && idset_add(&hi->numbers, word) != 0)
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		return 0;
	}
	if (k != HOUSEHOLD_VILLAGE && k != HOUSEHOLD_GROUP)
		return 0;
	if (place_resolve(s, values[HOUSEHOLD_VILLAGE], values[HOUSEHOLD_GROUP], 1,
	    &vid, &gid, NULL, err) != 0)
		return -1;
	if (hi->move == NULL && (hi->move = store_prepare(s, "UPDATE household "
	    "SET village_id = ?, group_id = ?, updated_at = ? WHERE id = ?",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(hi->move, 1, vid);
	if (gid > 0)
		sqlite3_bind_int64(hi->move, 2, gid);
	else
		sqlite3_bind_null(hi->move, 2);
	sqlite3_bind_text(hi->move, 3, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(hi->move, 4, id);
	rc = sqlite3_step(hi->move);
	sqlite3_reset(hi->move);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* A household given again: every field but its number may be updated, its place moved. */
static const struct merge_rule household_merge_rule = {
	.entity = "household", .table = "household", .specs = household_fields,
	.first = 1, .nfields = HOUSEHOLD_NFIELDS, .column = household_column_sql,
	.stamped = 1, .again = household_again, .also = household_also,
	.changing = household_changing,
};

/* Merge h with the stored household (hi->find stepped to it): merge_record(). */
static int
household_merge(struct import *im, const struct record *rec,
    struct household_import *hi, struct household *h, struct error *err)
{
	const char *values[HOUSEHOLD_NFIELDS];
	char members[16], village[256], group[256];

	memcpy(values, h->value, sizeof(values));
	/* as the store has it: "07" is 7, an old name of the place its name now */
	if (values[HOUSEHOLD_MEMBERS] != NULL) {
		snprintf(members, sizeof(members), "%ld", h->members);
		values[HOUSEHOLD_MEMBERS] = members;
	}
	if (values[HOUSEHOLD_VILLAGE] != NULL) {
		if (place_current(import_store(im), values[HOUSEHOLD_VILLAGE],
		    values[HOUSEHOLD_GROUP], village, group, sizeof(village),
		    err) != 0)
			return -1;
		values[HOUSEHOLD_VILLAGE] = village;
		if (values[HOUSEHOLD_GROUP] != NULL)
			values[HOUSEHOLD_GROUP] = group;
	}
	return merge_record(&hi->merge, im, rec, hi->find, values,
	    values[HOUSEHOLD_ID], hi, err);
}

/* An ID number already taken: name the household and, if new, its line. */
static int
household_id_number_taken(struct import *im, const struct record *rec,
    struct household_import *hi, const struct household *h)
{
	sqlite3_stmt *st = hi->holder;
	int flags = idset_flags(&hi->numbers,
	    id_number_word(h->value[HOUSEHOLD_ID_NUMBER]));
	int fresh = flags >= 0 && (flags & WORD_NEW);

	sqlite3_bind_int64(st, 1, fresh ? hi->merge.first_new_id : INT64_MIN);
	sqlite3_bind_int64(st, 2, fresh ? INT64_MAX : hi->merge.first_new_id - 1);
	sqlite3_bind_text(st, 3, h->value[HOUSEHOLD_ID_NUMBER], -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *other = (const char *)sqlite3_column_text(st, 1);

		if (sqlite3_column_int64(st, 0) >= hi->merge.first_new_id) {
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("the same number as household %s on %s"), other,
			    sqlite3_column_text(st, 2));
		} else
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("the same number is registered to household %s"), other);
	} else
		import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
		    _("the same number belongs to another household"));
	sqlite3_reset(st);
	return 1;
}

/*
 * 1 when h, of village vid and group gid, is stored as it is, every
 * value given the same (what the merge below would find unchanged, at a
 * fraction of its cost); 0 when that takes the merge to tell; -1 with
 * err set.  A file imported again
 * has its households in the order they were written: the one after the
 * last found is looked at first, by its id.
 */
static int
household_same_at(struct household_import *hi, struct store *s,
    const struct household *h, long long vid, long long gid, struct error *err)
{
	int rc;

	for (int by_id = hi->next_same > 0; by_id >= 0; by_id--) {
		sqlite3_stmt *st = by_id ? hi->same_at : hi->same;

		sqlite3_bind_text(st, 1, h->value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, h->value[HOUSEHOLD_HEAD_NAME], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, h->value[HOUSEHOLD_ID_NUMBER], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, h->value[HOUSEHOLD_PHONE], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, vid);
		if (h->value[HOUSEHOLD_GROUP] != NULL)
			sqlite3_bind_int64(st, 7, gid);
		else
			sqlite3_bind_null(st, 7);
		sqlite3_bind_text(st, 8, h->value[HOUSEHOLD_CATEGORIES], -1, SQLITE_STATIC);
		if (h->value[HOUSEHOLD_MEMBERS] != NULL)
			sqlite3_bind_int64(st, 9, h->members);
		else
			sqlite3_bind_null(st, 9);
		sqlite3_bind_text(st, 10, h->value[HOUSEHOLD_MONITOR_TYPE], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 11, h->value[HOUSEHOLD_RISK_STATUS], -1,
		    SQLITE_STATIC);
		if (by_id)
			sqlite3_bind_int64(st, 12, hi->next_same);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			hi->next_same = sqlite3_column_int64(st, 0) + 1;
			sqlite3_reset(st);
			return 1;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		hi->next_same = 0;
	}
	return 0;
}

/* household_same_at() of h's place, if it exists; counted as unchanged. */
static int
household_same(struct import *im, struct household_import *hi,
    const struct household *h, struct error *err)
{
	struct store *s = import_store(im);
	long long vid, gid;
	int rc;

	rc = place_resolve(s, h->value[HOUSEHOLD_VILLAGE], h->value[HOUSEHOLD_GROUP],
	    0, &vid, &gid, NULL, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if ((rc = household_same_at(hi, s, h, vid, gid, err)) == 1)
		import_stats(im)->unchanged++;
	return rc;
}

/* A household whose ID number is taken: the same one, to merge, or another. */
static int
household_known(struct import *im, const struct record *rec,
    struct household_import *hi, struct household *h, struct error *err)
{
	int rc;

	sqlite3_reset(hi->find);
	sqlite3_bind_text(hi->find, 1, h->value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
	rc = sqlite3_step(hi->find);
	if (rc == SQLITE_ROW)
		return household_merge(im, rec, hi, h, err);
	sqlite3_reset(hi->find);
	if (rc != SQLITE_DONE)
		return store_error(import_store(im), rc, err);
	return household_id_number_taken(im, rec, hi, h);
}

/* The household's number: what finds it in the store. */
static void
household_bind_key(const struct batch_slot *slot, sqlite3_stmt *find)
{
	const struct held_household *x = slot->record;

	sqlite3_bind_text(find, 1, x->h.value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
}

static int
household_same_key(const struct batch_slot *a, const struct batch_slot *b)
{
	const struct held_household *x = a->record, *y = b->record;

	return strcmp(x->h.value[HOUSEHOLD_ID], y->h.value[HOUSEHOLD_ID]) == 0;
}

/* On the worker's thread: 1 when slot's household is stored as it is. */
static long long
household_same_slot(void *context, const struct batch_slot *slot,
    struct error *err)
{
	struct household_import *hi = context;
	const struct held_household *x = slot->record;

	return household_same_at(hi, import_store(hi->im), &x->h, x->village_id,
	    x->group_id, err);
}

/*
 * A household whose number is taken, or whose INSERT left it out: the
 * household of the row found (found 1), to merge, or the number is
 * another's.
 */
static int
household_looked_up(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct household_import *hi = context;
	struct held_household *x = slot->record;

	if (found)
		return household_merge(hi->im, &slot->held.rec, hi, &x->h, err);
	return household_id_number_taken(hi->im, &slot->held.rec, hi, &x->h);
}

/* A household left out by its INSERT: not new after all, its number given back. */
static int
household_left_out(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct household_import *hi = context;
	struct held_household *x = slot->record;

	if (x->h.word != 0)
		idset_remove(&hi->numbers, x->h.word);
	return household_looked_up(context, slot, found, err);
}

/* The place made for a household not written is undone: forget it. */
static void
household_undone(void *context)
{
	place_forget();
}

static const struct batch_kind household_batch_kind = {
	.entity = "household", .source_table = "household_source",
	.record_size = sizeof(struct held_household),
	/*
	 * OR FAIL: no constraint aborts it, so SQLite keeps no statement
	 * journal for it (the schema's checks call no function and its keys
	 * are deferred, for the same reason).
	 */
	.insert_head = "INSERT OR FAIL INTO household (household_id, head_name, "
	    "id_number, phone, village_id, group_id, categories, members, "
	    "monitor_type, risk_status, source_id, line) VALUES ",
	.insert_columns = 12, .insert_tail = " ON CONFLICT DO NOTHING",
	.hold = household_hold, .bind = household_bind,
	.bind_key = household_bind_key, .same_key = household_same_key,
	.same = household_same_slot, .left_out = household_left_out,
	.looked_up = household_looked_up, .undone = household_undone,
};

/* 1 when the categories codes (';' joined) hold "monitored". */
static int
has_monitored(const char *categories)
{
	char word[64];

	for (const char *p = categories; p != NULL && *p != '\0';) {
		p = household_category_next(p, word, sizeof(word));
		if (strcmp(word, "monitored") == 0)
			return 1;
	}
	return 0;
}

/*
 * Once cases are in use: a record that would bring h under monitoring
 * or set its risk (struct household_settings) is refused, unless
 * --without-case gives the reason, audited.  A household stored with
 * the same is no change; one that differs is left alone without
 * --upsert.  0, 1 when refused (reported), -1 with err set.
 */
static int
household_guard(struct import *im, const struct record *rec,
    struct household_import *hi, const struct household *h, struct error *err)
{
	const struct household_settings *set = import_options(im)->settings;
	const char *type = h->value[HOUSEHOLD_MONITOR_TYPE];
	const char *risk = h->value[HOUSEHOLD_RISK_STATUS];
	int monitored = has_monitored(h->value[HOUSEHOLD_CATEGORIES]);
	struct store *s = import_store(im);
	int rc, changes = 1;

	if (hi->cases < 0 || (type == NULL && risk == NULL && !monitored))
		return 0;
	/* the store is asked: the worker leaves it first */
	if (batch_flush(&hi->batch, err) != 0)
		return -1;
	if (hi->monitored == NULL && (hi->monitored = store_prepare(s, "SELECT "
	    "coalesce(monitor_type, ''), coalesce(risk_status, ''), categories "
	    "FROM household WHERE household_id = ?", err)) == NULL)
		return -1;
	sqlite3_bind_text(hi->monitored, 1, h->value[HOUSEHOLD_ID], -1,
	    SQLITE_STATIC);
	if ((rc = sqlite3_step(hi->monitored)) == SQLITE_ROW)
		changes = (type != NULL && strcmp(type, (const char *)
		    sqlite3_column_text(hi->monitored, 0)) != 0) ||
		    (risk != NULL && strcmp(risk, (const char *)
		    sqlite3_column_text(hi->monitored, 1)) != 0) ||
		    (monitored && !has_monitored((const char *)
		    sqlite3_column_text(hi->monitored, 2)));
	sqlite3_reset(hi->monitored);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (!changes || (rc == SQLITE_ROW && !import_options(im)->upsert))
		return 0;
	if (set != NULL && set->without_case != NULL)
		return audit_add(s, "household", h->value[HOUSEHOLD_ID],
		    "without_case", NULL, set->without_case, err);
	import_problem(im, rec, type != NULL ? HOUSEHOLD_MONITOR_TYPE : risk != NULL ?
	    HOUSEHOLD_RISK_STATUS : HOUSEHOLD_CATEGORIES, _("a household comes "
	    "under monitoring, or has its risk eliminated, by a monitoring case "
	    "(case-open, case-step), not here; --without-case REASON sets it "
	    "anyway"));
	return 1;
}

static int
household_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct household_import *hi = context;
	struct store *s = import_store(im);
	struct held_household *x = &hi->checked;
	struct household *h = &x->h;
	long long source_id;
	int known, bad;

	if (!hi->prepared && prepare(hi, im, err) != 0)
		return -1;
	if (household_check(&hi->checker, im, rec, h) > 0)
		return 1;
	if ((bad = household_guard(im, rec, hi, h, err)) != 0)
		return bad;
	/*
	 * its village and group, if they exist (looked up while the set's
	 * memory comes); a place not seen before is asked of the store, which
	 * the worker must leave first
	 */
	if (!place_cached(s, h->value[HOUSEHOLD_VILLAGE], h->value[HOUSEHOLD_GROUP],
	    &x->village_id, &x->group_id)) {
		if (batch_flush(&hi->batch, err) != 0)
			return -1;
		known = place_resolve(s, h->value[HOUSEHOLD_VILLAGE],
		    h->value[HOUSEHOLD_GROUP], 0, &x->village_id, &x->group_id, NULL,
		    err);
		if (known < 0)
			return -1;
	} else
		known = 0;
	/* its ID number, claimed for it: given back if it is not new after all */
	if (h->word != 0 && (bad = idset_claim(&hi->numbers, h->word | WORD_NEW)) != 0) {
		if (bad < 0)
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		/*
		 * its number is taken: by this very household, or by another.
		 * Of a place that exists, looked up on the worker's thread
		 * (most likely a file imported again), and settled in order.
		 */
		if (known == 0)
			return batch_hold(&hi->batch, 1, x, rec, 0, err);
		if (batch_flush(&hi->batch, err) != 0 ||
		    (bad = household_same(im, hi, h, err)) < 0)
			return -1;
		return bad ? 0 : household_known(im, rec, hi, h, err);
	}
	/* (made outside the savepoint below, which may be undone) */
	if ((source_id = import_source_id(&hi->batch.source, im, rec, err)) == 0)
		return -1;
	if (known == 1) {
		/* alone, in a savepoint: a place made for a household not written is undone */
		if (batch_savepoint(&hi->batch, err) != 0 ||
		    place_resolve(s, h->value[HOUSEHOLD_VILLAGE],
		    h->value[HOUSEHOLD_GROUP], 1, &x->village_id, &x->group_id, NULL,
		    err) != 0)
			return -1;
	}
	return batch_hold(&hi->batch, 0, x, rec, source_id, err);
}

/* One audit row for the whole import: what came from where. */
static int
household_finish(struct import *im, void *context, struct error *err)
{
	return batch_finish(&((struct household_import *)context)->batch, err);
}

/*
 * A household of a roster as its first row gave it: what its other rows
 * must give the same, kept as hashes (text_hash()) rather than texts.
 * Its number's 64-bit hash is its key; a 64-bit hash of all its columns
 * says whether a later row gives the same values (two rows that differ
 * yet share it are not looked for: one chance in 10^19 a row); each
 * column's 16-bit fingerprint says which columns differ, for the
 * message.  A differing column whose fingerprint happens to be the same
 * (one chance in 65,536) is not named; when no column is, the household
 * number is, so that the row is refused all the same.  48 bytes a
 * household, where its texts took about 110 and room to grow.
 */
struct roster_household {
	uint64_t key;		/* its number's hash */
	uint64_t row;		/* of every column's hash, in order */
	uint16_t column[HOUSEHOLD_NFIELDS];	/* each column's hash's top 16 bits */
	uint32_t line;		/* its first row's (UINT32_MAX: that or later) */
	uint32_t file;		/* its first row's, in roster_files */
	uint8_t bad;		/* that row was refused */
};

/* A roster row's household columns, hashed as struct roster_household keeps them. */
struct roster_hashes {
	uint64_t key, row;
	uint16_t column[HOUSEHOLD_NFIELDS];
};

/* Households a block: kept in blocks, never moved, no room doubled */
enum { ROSTER_BLOCK = 4096 };

static struct roster_household *
roster_at(const struct household_import *hi, size_t i)
{
	return &hi->roster[i / ROSTER_BLOCK][i % ROSTER_BLOCK];
}

/* The roster household whose number hashes to hash, or NULL. */
static struct roster_household *
roster_find(struct household_import *hi, uint64_t hash)
{
	size_t pos = hashtab_start(&hi->roster_index, hash), i;

	while ((i = hashtab_next(&hi->roster_index, hash, &pos)) != HASHTAB_END)
		if (roster_at(hi, i)->key == hash)
			return roster_at(hi, i);
	return NULL;
}

/* The index of file (a record's, NULL for the command line) in roster_files, or -1 when memory runs out. */
static long
roster_file(struct household_import *hi, const char *file)
{
	const char **p;
	size_t n = hi->nroster_files;

	/* rows come file after file: the last one is the one, mostly */
	for (size_t i = n; i-- > 0; )
		if (hi->roster_files[i] == file)
			return (long)i;
	if ((p = realloc(hi->roster_files, (n + 1) * sizeof(*p))) == NULL)
		return -1;
	p[n] = file;
	hi->roster_files = p;
	hi->nroster_files = n + 1;
	return (long)n;
}

/* Note rec's household, of hashes h, as first given: it, or NULL when memory runs out. */
static struct roster_household *
roster_note(struct household_import *hi, const struct record *rec,
    const struct roster_hashes *h)
{
	struct roster_household *x;
	size_t n = hi->nroster;
	long file = roster_file(hi, rec->file);

	if (file < 0)
		return NULL;
	if (n == hi->nblocks * ROSTER_BLOCK) {
		struct roster_household **p = realloc(hi->roster,
		    (hi->nblocks + 1) * sizeof(*p));

		if (p == NULL)
			return NULL;
		hi->roster = p;
		if ((p[hi->nblocks] = malloc(ROSTER_BLOCK * sizeof(**p))) == NULL)
			return NULL;
		hi->nblocks++;
	}
	if (hashtab_add(&hi->roster_index, h->key, n) != 0)
		return NULL;
	hi->nroster++;
	x = roster_at(hi, n);
	x->key = h->key;
	x->row = h->row;
	memcpy(x->column, h->column, sizeof(x->column));
	x->line = rec->line >= 0 && rec->line < UINT32_MAX ? (uint32_t)rec->line :
	    UINT32_MAX;
	x->file = (uint32_t)file;
	x->bad = 0;
	return x;
}

/*
 * Another row of household x, of hashes h: refused when x's first row
 * was, or when it gives another value than that row, naming each column
 * that does.  0, or 1 when refused (reported).
 */
static int
roster_again(struct household_import *hi, struct import *im,
    const struct record *rec, const struct roster_household *x,
    const struct roster_hashes *h)
{
	static const char *const differs = N_("not as on %s, the household's "
	    "first row: a household's columns are the same on each of its rows");
	const char *file = hi->roster_files[x->file];
	char at[512];
	int named = 0;

	if (!x->bad && h->row == x->row)
		return 0;
	if (rec->file != NULL && file != NULL && strcmp(rec->file, file) != 0)
		snprintf(at, sizeof(at), "%s:%ld", file, (long)x->line);
	else
		snprintf(at, sizeof(at), _("line %ld"), (long)x->line);
	if (x->bad) {
		import_problem(im, rec, HOUSEHOLD_ID, _("the household's first "
		    "row, on %s, is bad"), at);
		return 1;
	}
	for (size_t k = 0; k < HOUSEHOLD_NFIELDS; k++)
		if (h->column[k] != x->column[k]) {
			import_problem(im, rec, (int)k, _(differs), at);
			named = 1;
		}
	/* a difference no fingerprint shows: the household's number is named */
	if (!named)
		import_problem(im, rec, HOUSEHOLD_ID, _(differs), at);
	return 1;
}

/*
 * A row of a roster, for its household: the first row of a household
 * is a household record, settled before its person is; the others
 * must repeat it.
 */
static int
household_roster_row(struct import *im, const struct record *rec,
    void *context, struct error *err)
{
	struct household_import *hi = context;
	struct import_stats *stats = import_stats(im);
	struct roster_hashes h = { 0, TEXT_HASH, { 0 } };
	struct roster_household *x;
	long bad;
	int rc, numbered = 0;

	/* import_value()'s buffers are reused: each hashed as it comes */
	for (size_t k = 0; k < HOUSEHOLD_NFIELDS; k++) {
		const char *v = import_value(im, rec, k);
		uint64_t column = text_hash(TEXT_HASH, v != NULL ? v : "",
		    v != NULL ? strlen(v) : 0);

		if (k == HOUSEHOLD_ID) {
			numbered = v != NULL;
			h.key = column;
		}
		h.row = text_hash(h.row, (const char *)&column, sizeof(column));
		/* FNV's top bits hardly change with one character: mix them first */
		column ^= column >> 33;
		column *= UINT64_C(0xff51afd7ed558ccd);
		column ^= column >> 33;
		h.column[k] = (uint16_t)(column >> 48);
	}
	if (!numbered)
		return household_row(im, rec, context, err);
	if ((x = roster_find(hi, h.key)) != NULL)
		return roster_again(hi, im, rec, x, &h);
	if ((x = roster_note(hi, rec, &h)) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	/* settled now: a household refused as it is written takes its rows with it */
	bad = stats->bad;
	if ((rc = household_row(im, rec, context, err)) == 0 &&
	    (rc = batch_flush(&hi->batch, err)) == 0 && stats->bad > bad)
		x->bad = 1;
	if (rc == 1)
		x->bad = 1;
	return rc;
}

/* Free the roster's households. */
static void
roster_free(struct household_import *hi)
{
	for (size_t b = 0; b < hi->nblocks; b++)
		free(hi->roster[b]);
	free(hi->roster);
	free(hi->roster_files);
	hashtab_free(&hi->roster_index);
}

static void
household_cleanup(void *context)
{
	struct household_import *hi = context;

	batch_free(&hi->batch);
	sqlite3_finalize(hi->find);
	sqlite3_finalize(hi->same);
	sqlite3_finalize(hi->same_at);
	sqlite3_finalize(hi->holder);
	sqlite3_finalize(hi->monitored);
	sqlite3_finalize(hi->move);
	merge_free(&hi->merge);
	idset_free(&hi->numbers);
	household_checker_free(&hi->checker);
	roster_free(hi);
	memset(hi, 0, sizeof(*hi));
	place_forget();
}

const struct import_kind household_roster_kind = {
	household_roster_fields, HOUSEHOLD_NFIELDS, household_roster_row,
	household_finish, household_cleanup, sizeof(struct household_import),
	.child = &member_import_kind,
	.entity = "household",
};

const struct import_kind household_import_kind = {
	household_fields, HOUSEHOLD_NFIELDS, household_row, household_finish,
	household_cleanup, sizeof(struct household_import),
	.instead = &household_roster_kind,
	.entity = "household",
};
