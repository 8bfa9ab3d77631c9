/* merge.h -- a record given again: compare it with its stored row, update and audit what changed */
#ifndef RENKE_MERGE_H
#define RENKE_MERGE_H

#include <sqlite3.h>

#include "error.h"
#include "fields.h"
#include "import.h"

/*
 * What a kind of record says about merging a record with the row it
 * matches.  The kind steps a statement of its own to the stored row:
 * column 0 the row's id, column k (first <= k < nfields) the stored
 * value of field k as the record gives it.  A field the record leaves
 * empty keeps what is stored.
 */
struct merge_rule {
	const char *entity;	/* in the audit log: "household" */
	const char *table;	/* whose rows are updated by id */
	const struct field_spec *specs;	/* the fields' names, for the audit log */
	size_t first, nfields;	/* the fields compared: [first, nfields) */
	/* field k's column, or NULL where changing() writes the field itself */
	const char *const *column;
	int stamped;		/* the table has updated_at, set by each update */
	/*
	 * The stored row was written by this very import (its id is at or
	 * above first_new_id): report the record as given twice, and return
	 * 1, or -1 with err set.  The row is still the statement's.
	 */
	int (*again)(void *context, struct import *im, const struct record *rec,
	    sqlite3_stmt *row, struct error *err);
	/*
	 * May be NULL.  Fields that change with those that differ (nchanged
	 * of them in changed[], their stored values in old[]): append them,
	 * with their old values (the caller frees), and return the new
	 * count, or -1 when memory runs out.  The row is still the
	 * statement's.
	 */
	long (*also)(void *context, sqlite3_stmt *row, const char *const *values,
	    char **old, size_t *changed, size_t nchanged);
	/*
	 * May be NULL.  Field k of the row id is about to change from old to
	 * values[k] (under --upsert): check what goes with it, and write it
	 * when column[k] is NULL.  0 to go on, 1 when the record is bad
	 * (reported through import_problem()), -1 with err set.
	 */
	int (*changing)(void *context, struct import *im, const struct record *rec,
	    long long id, size_t k, const char *const *values, const char *old,
	    struct error *err);
	/* May be NULL (text): bind field k's value at parameter p of st. */
	void (*bind)(sqlite3_stmt *st, int p, size_t k, const char *value);
};

/* A kind's merges during one import: its rule and its statements. */
struct merge {
	const struct merge_rule *rule;
	long long first_new_id;	/* rows with an id from this on came from this import */
	sqlite3_stmt **update;	/* field k's UPDATE, prepared when first needed */
};

/*
 * Start m for rule in s, inside the import's transaction: the first id
 * of rule->table this import will write.  0, or -1 with err set.
 */
int merge_start(struct merge *m, struct store *s, const struct merge_rule *rule,
    struct error *err);

/*
 * Merge rec, checked into values[0..rule->nfields), with the stored row
 * that row is stepped to, known in the audit log as key.  Counts the
 * record in the import's stats as unchanged, differ (left alone without
 * --upsert) or updated (each field changed written and audited, and
 * ring_changed() told of it when the import holds records in a ring).
 * Resets row.  Returns 0, 1 when the record is bad (reported), -1 with
 * err set.
 */
int merge_record(struct merge *m, struct import *im, const struct record *rec,
    sqlite3_stmt *row, const char *const *values, const char *key,
    void *context, struct error *err);

/*
 * The statement of a record stored with every value it gives the same
 * (a file imported again): head, a SELECT of the row's id up to its
 * WHERE terms, then " AND (?p IS NULL OR column[k] = ?p)" for each
 * field k in [first, n), p = k + offset.  NULL with err set on failure.
 */
sqlite3_stmt *merge_same_prepare(struct store *s, const char *head,
    const char *const *column, size_t first, size_t n, int offset,
    struct error *err);

/* Finalize m's statements; m may be zeroed or never started. */
void merge_free(struct merge *m);

#endif
