/* import.h -- the bulk import loop every writing command shares */
#ifndef RENKE_IMPORT_H
#define RENKE_IMPORT_H

#include "buf.h"
#include "error.h"
#include "fields.h"
#include "input.h"
#include "store.h"
#include "worker.h"

struct import_options {
	int skip_bad;		/* write the good records, report the bad */
	int dry_run;		/* check everything, write nothing */
	int upsert;		/* update existing records that differ */
	void *settings;		/* what the kind of record needs besides (see its header) */
	/*
	 * Called once inside the transaction before the first record (may be
	 * NULL): what must be written with the records, all or nothing.
	 * Returns 0, or -1 with err set to stop the import.
	 */
	int (*begin)(struct store *s, void *settings, struct error *err);
	/*
	 * Called after the last record is checked, when the import is about
	 * to commit (not on a dry run), with commit_context (may be NULL):
	 * what must be safe before the records are (the rejects file).
	 * Returns 0, or -1 with err set: then nothing is committed.
	 */
	int (*before_commit)(void *commit_context, struct error *err);
	void *commit_context;
	/*
	 * Called inside the transaction once every record is written, before
	 * it commits or (a dry run) is rolled back, with ending_context (may
	 * be NULL): what the import made, read while it is there to read.
	 * Returns 0, or -1 with err set: then nothing is committed.
	 */
	int (*ending)(struct store *s, void *ending_context, struct error *err);
	void *ending_context;
	/*
	 * set[k] (may be NULL): field k of the kind's specs in every record,
	 * whatever the record says (--set FIELD=VALUE).  defaults[k] (may be
	 * NULL): what an option gave field k for records that lack it; a
	 * record whose own value differs is counted in overridden[k] (the
	 * caller's array, one a spec, zeroed).
	 */
	const char *const *set;
	const char *const *defaults;
	long *overridden;
	/*
	 * Why records are corrected: audited with each record updated.  An
	 * --upsert that would change a stored record is refused without it
	 * (EXIT_USAGE, nothing written); one that only adds, or changes
	 * nothing, needs none.
	 */
	const char *reason;
	/*
	 * A run whose kind feeds a second kind (import_kind.child): the
	 * settings of the child kind (as settings above) and where its
	 * records are counted (may be NULL; zeroed by import_run()).
	 */
	void *child_settings;
	struct import_stats *child_stats;
};

struct import_stats {
	long records;		/* records read */
	long added;
	long updated;		/* existing, changed (--upsert) */
	long unchanged;		/* existing, identical */
	long differ;		/* existing, different, left alone */
	long bad;		/* refused */
	long repeats;		/* of those added, issues raised again after
				   the issue they repeat was closed */
	long noted;		/* issues not added but noted on an issue open
				   for the same finding */
	long corrected;		/* of those updated, stored records --upsert
				   changed (merge_record()) */
	int with_child;		/* the records fed a child kind too
				   (import_kind.child): they are rows of both */
};

struct import;

/*
 * What one kind of record needs from the loop: its fields and a
 * function that checks and writes one record.  row() returns 0 when the
 * record was handled (it counts itself in stats via import_count), 1
 * when it reported at least one problem through import_problem(), -1
 * with err set when the whole import must stop.
 */
struct import_kind {
	const struct field_spec *specs;
	size_t nspecs;
	int (*row)(struct import *im, const struct record *rec, void *context,
	    struct error *err);
	/* called once after the last record, inside the transaction; may be NULL */
	int (*finish)(struct import *im, void *context, struct error *err);
	/* frees what context holds (not context itself); may be NULL */
	void (*cleanup)(void *context);
	size_t context_size;	/* import_run() gives row() a zeroed context this big */
	/*
	 * The vocabulary of each spec (NULL: free text), or NULL for none:
	 * a record's value and an option's default that name the same code
	 * (紧急 and urgent) are the same, not an override.
	 */
	const char *const *domains;
	/*
	 * May be NULL: a second kind each record also is (a roster's row is
	 * a household and one of its people).  Once row() has handled a
	 * record without a problem and what it held is settled, the child's
	 * row() is handed the same record, with fields, context, settings
	 * and counts of its own (import_options.child_settings and
	 * child_stats); a record that either kind refuses is bad, counted
	 * in the child's stats when the child refuses it.  The child's
	 * specs are every column a record may have: this kind reads the
	 * columns it knows, the child refuses one neither knows.  Both
	 * kinds write in the caller's thread (import_serial()).  finish()
	 * runs before the child's.
	 */
	const struct import_kind *child;
	/*
	 * Of a child kind, may be NULL: called with a record its parent
	 * refused, which row() is not given, its fields mapped.
	 */
	void (*refused)(struct import *im, const struct record *rec,
	    void *context);
	/*
	 * May be NULL: the kind that reads the run instead when the columns
	 * of its first record are not all this kind's and are all those of
	 * instead's child.  Its specs are this kind's fields in the same
	 * order (--set names them alike) under other headings.
	 */
	const struct import_kind *instead;
	/*
	 * May be NULL: called before the transaction begins, outside it.
	 * 1 when what the import writes is mostly pages the store does not
	 * have yet (people into a store with none): the transaction then
	 * runs with a rollback journal when it can (store_journal_rollback()),
	 * the write-ahead log again after it, whatever its end.  0 otherwise,
	 * or when it cannot tell.
	 */
	int (*appends)(struct import *im);
	/*
	 * The kind of record as the audit log names it ("visit", "case"):
	 * messages name its fields by its own headings (field_word()).
	 */
	const char *entity;
};

/* Reports rows read so far; called every few thousand records. */
typedef void progress_fn(void *context, const struct reader *r, long records);

/*
 * Read every record of readers[0..nreaders) and hand each to kind->row
 * inside one BEGIN IMMEDIATE transaction.  Unreadable records and
 * problems go to report(report_context, ...).  At the end: commit when
 * no record was bad, or when options->skip_bad; roll back otherwise and
 * on a dry run.  Returns 0 when committed (or a clean dry run); -1 with
 * err set: EXIT_DATAERR when records were bad (nothing written),
 * EXIT_USAGE when --upsert changed a stored record and options->reason
 * is NULL (nothing written, a dry run alike), or the status of whatever
 * else stopped it.  stats is filled either way.
 */
int import_run(struct store *s, struct reader **readers, size_t nreaders,
    const struct import_kind *kind, const struct import_options *options, problem_fn *report,
    void *report_context, progress_fn *progress, void *progress_context,
    struct import_stats *stats, struct error *err);

/*
 * Report a problem with rec's field k of the kind's specs (k < 0: the
 * record), after settling the records held in the ring of import_hold()
 * (unless they are being settled), so that problems keep the order of
 * the input.  When settling them fails, import_run() stops once row()
 * returns, with that error.
 */
void import_problem(struct import *im, const struct record *rec, int k,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Report rec's field k missing, saying what it is for (why, a message
 * already translated): "missing; why".  Returns 1, for a check's count
 * of bad fields.
 */
int import_missing(struct import *im, const struct record *rec, int k,
    const char *why);

/*
 * The heading under which rec's input gives field k of the kind's specs
 * (the field's name when it gives none): a string of rec's or of the
 * specs, as import_problem() names the field.
 */
const char *import_field_label(struct import *im, const struct record *rec,
    size_t k);

/*
 * As import_problem(), naming the field as label says (NULL: the
 * record): for a record kept since its input was read, whose headings
 * may map otherwise than the input being read (import_field_label()).
 */
void import_problem_labelled(struct import *im, const struct record *rec,
    const char *label, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * Check the date *value of rec's field k (NULL: not given, fine): made
 * ISO into out, *value pointed at it, 0; or reported as no date, 1.
 */
int import_date(struct import *im, const struct record *rec, size_t k,
    const char **value, char out[11]);

/*
 * Check the whole number text of rec's field k (NULL: not given, fine)
 * is in [min, max], into *n (may be NULL): 0; or reported, 1.
 */
int import_number(struct import *im, const struct record *rec, size_t k,
    const char *text, long min, long max, long *n);

/*
 * Check the ID number *value of rec's field k (NULL: not given, fine):
 * made ASCII into out (IMPORT_ID_NUMBER_SIZE bytes), *value pointed at
 * it, 0; or reported (its problem, never the number), 1.
 */
#define IMPORT_ID_NUMBER_SIZE 64	/* 18 full-width characters, made ASCII */
int import_id_number(struct import *im, const struct record *rec, size_t k,
    const char **value, char out[IMPORT_ID_NUMBER_SIZE]);

/*
 * Check *value of rec's field k against vocabulary domain (NULL: not
 * given, fine): *value pointed at its code, 0; or reported as unknown
 * with the values expected, 1.
 */
int import_code(struct import *im, const struct record *rec, size_t k,
    const char *domain, const char **value);

/*
 * Check the text fields of value[] (rec's, in field order) against their
 * longest lengths in bytes, longest[i] = { field, bytes }, i < n: the
 * number of problems reported.
 */
int import_lengths(struct import *im, const struct record *rec,
    const char *const *value, const size_t (*longest)[2], size_t n);

/* The value of field k (NULL if absent or blank), trimmed, in a buffer the loop owns. */
const char *import_value(struct import *im, const struct record *rec, size_t k);

/*
 * For a kind whose row() holds records back in the batches of ring, to
 * be written by its worker.  From this call on, import_run() flushes
 * the ring (ring_flush(): every batch written and settled) before it
 * reports an unreadable record, before a record whose fields may map
 * differently from the one before (the first of each input, every JSON
 * record), when reading fails, and before finish(): so problems keep the
 * order of the input, and name fields as the held records' input did;
 * and it waits for the worker before the transaction ends, however it
 * ends.  A held record must be a copy (the reader reuses its own),
 * counted in stats when settled.
 */
void import_hold(struct import *im, struct ring *ring);

/*
 * Where an import's records were read: a row (file, at, who, command)
 * of a source table for each input file that added records, so that a
 * record keeps only that row's id and its line.
 */
struct import_source {
	sqlite3_stmt *add, *drop;
	const char *file;	/* the record's file the row is for; NULL: none */
	long long id;		/* the row's */
	long added;		/* the import's stats->added when it was made */
};

/* Prepare src for table, a source table of the schema: 0, or -1 with err set. */
int import_source_prepare(struct import_source *src, struct import *im,
    const char *table, struct error *err);

/*
 * The id of the row of rec's file, made with the first record of the
 * file that asks, when the row of the file before goes if nothing was
 * added from it (the ring of import_hold() is flushed first: every
 * record of that file counted).  0 with err set when writing fails.
 */
long long import_source_id(struct import_source *src, struct import *im,
    const struct record *rec, struct error *err);

/* Done: the last file's row goes if nothing was added from it. */
int import_source_close(struct import_source *src, struct import *im,
    struct error *err);

void import_source_free(struct import_source *src);

/*
 * 1 when im is the run of a child kind (import_kind.child): its
 * records were handled first by the kind they are also, without a
 * problem; 0 when not.
 */
int import_is_child(struct import *im);

/*
 * 1 when the records im holds must be written in the caller's thread
 * (ring_serial()): two kinds of one run share the store's connection,
 * and each kind's held records are settled while the other's wait.
 */
int import_serial(struct import *im);

/* The store, options and stats of the running import, and the ring of import_hold() (or NULL). */
struct store *import_store(struct import *im);
struct ring *import_ring(struct import *im);
const struct import_options *import_options(struct import *im);
struct import_stats *import_stats(struct import *im);

#endif
