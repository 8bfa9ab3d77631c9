/* batch.h -- records held in batches, written many to an INSERT on the worker's thread */
#ifndef RENKE_BATCH_H
#define RENKE_BATCH_H

#include <sqlite3.h>

#include "buf.h"
#include "error.h"
#include "import.h"
#include "input.h"
#include "store.h"
#include "worker.h"

/*
 * A record kept after the reader has moved on, with some strings of
 * the caller's: all in one allocation, reused.
 */
struct held_record {
	struct record rec;
	struct buf text;	/* the strings rec and the caller's point to */
	char **ptrs;		/* rec's names, values and columns */
	size_t nptrs;
};

/*
 * Copy rec into x (names shared by every record of a CSV file stay
 * shared), and extra[0..n) too, pointing copy[i] at the copy of
 * extra[i] (NULL stays NULL).  0, or -1 when memory runs out.
 */
int held_record_set(struct held_record *x, const struct record *rec,
    const char *const *extra, size_t n, const char **copy);

void held_record_free(struct held_record *x);

/*
 * Rows written many to an INSERT (a statement a row costs more than the
 * row): the statements of 1, 2, 4, ... IMPORT_INSERT_MAX rows.
 */
#define IMPORT_INSERT_SIZES 6
#define IMPORT_INSERT_MAX (1 << (IMPORT_INSERT_SIZES - 1))

/* What a parameter of an import_inserts statement was last given, when it lasts (struct insert_row). */
struct insert_held {
	const char *code;
	long long number;
	unsigned char what;	/* 0: unknown, 1: code (NULL for SQL NULL), 2: number */
};

struct import_inserts {
	sqlite3_stmt *st[IMPORT_INSERT_SIZES];
	struct insert_held *held[IMPORT_INSERT_SIZES];	/* one for each parameter */
	int columns;		/* parameters a row */
};

/*
 * A row of an import_inserts statement being bound, column k its
 * parameter p + k.  A statement's parameters keep what they are given
 * from one use to the next (sqlite3_reset() leaves them), so a value
 * that lasts as long as the statement does -- a vocabulary's code, a
 * string constant, NULL, a number -- is bound again only when its
 * parameter holds another: the rows of a file mostly repeat their
 * codes, and binding is a good third of what the writer's thread does.
 */
struct insert_row {
	sqlite3_stmt *st;
	int p;
	struct insert_held *held;	/* column 0's */
};

/* Bind text of len bytes (-1: up to its NUL), which may change once bound, or NULL, to column k of r. */
void insert_row_text(struct insert_row *r, int k, const char *text, int len);

/* Bind code, a string that lasts as long as the statement, or NULL, to column k of r. */
void insert_row_code(struct insert_row *r, int k, const char *code);

/* Bind number to column k of r. */
void insert_row_number(struct insert_row *r, int k, long long number);

/*
 * Prepare ins: head (up to VALUES), a row of columns parameters for
 * each row, then tail.  0, or -1 with err set.
 */
int import_inserts_prepare(struct import_inserts *ins, struct store *s,
    const char *head, int columns, const char *tail, struct error *err);

/*
 * Write the caller's rows [0, n) in as few statements as it takes.
 * bind(context, r, row) binds row's columns (struct insert_row); after
 * each statement, wrote(context, first, size, changes) is told that it
 * wrote changes of rows [first, first + size).  0, or -1 with err set.
 */
int import_inserts_write(struct import_inserts *ins, struct store *s,
    size_t n, void (*bind)(void *context, struct insert_row *r, size_t row),
    void (*wrote)(void *context, size_t first, size_t size, int changes),
    void *context, struct error *err);

/* The row of ins's statement of one row, to bind it outside import_inserts_write(). */
struct insert_row import_inserts_one(struct import_inserts *ins);

void import_inserts_free(struct import_inserts *ins);

/*
 * The batch engine.  A kind of record checks each record on the
 * caller's thread and holds it (batch_hold()); held records are written
 * BATCH_MAX to a batch, IMPORT_INSERT_MAX to an INSERT, by the worker's
 * thread while the caller checks the next ones, and settled in the
 * order of the input: counted as added, or, when the INSERT left one
 * out (its row is stored already, or was given twice), found in the
 * store and handed back to the kind (left_out()) to merge or report.
 * Records of a kind that are most likely stored the same (a file
 * imported again) are held to be looked up rather than written
 * (ring_hold()): counted as unchanged when the worker finds them stored
 * the same, handed back to the kind (looked_up()) when not.  The
 * import's problems keep the order of the input (import_problem()
 * settles what is held first).
 */
#define BATCH_MAX 128		/* records a batch holds */
#define BATCHES 3		/* one filled while the others are written */

/* One record held: the input record, and what writing it found. */
struct batch_slot {
	struct held_record held;	/* the record, and the strings the kind's copy points to */
	long long source_id;	/* its file's row of the kind's source table */
	int written;		/* by the worker: added, as row id */
	long long id;		/* or, looked up: the row stored the same, 0 for none */
	void *record;		/* the kind's copy of what it checked (record_size bytes) */
};

/* What a kind of record supplies to the batch engine. */
struct batch_kind {
	const char *entity;	/* in the audit log: one "created" row an import */
	const char *source_table;	/* where its records' files are kept */
	size_t record_size;	/* of what the kind checks a record into */
	/* the INSERT of held records: up to VALUES, a row's parameters, after */
	const char *insert_head;
	int insert_columns;
	const char *insert_tail;
	/*
	 * Copy checked, the kind's check of rec, into slot->record, and rec
	 * into slot->held (held_record_set()): a copy of everything they
	 * point to.  0, or -1 when memory runs out.
	 */
	int (*hold)(struct batch_slot *slot, const void *checked,
	    const struct record *rec);
	/* Bind slot's row of the INSERT, in the order of insert_head's columns. */
	void (*bind)(const struct batch_slot *slot, struct insert_row *r);
	/* Bind slot's identity to the kind's find statement (batch_start()). */
	void (*bind_key)(const struct batch_slot *slot, sqlite3_stmt *find);
	/* 1 when a and b are the same record (the identity bind_key() binds) */
	int (*same_key)(const struct batch_slot *a, const struct batch_slot *b);
	/*
	 * On the worker's thread: the id of the row stored with every value
	 * slot gives the same (1 when the kind has no use for the id), 0
	 * when there is none, -1 with err set.
	 */
	long long (*same)(void *context, const struct batch_slot *slot,
	    struct error *err);
	/*
	 * Settle a record written alone (batch_savepoint()) or in a batch and
	 * left out by its INSERT: found is 1 when the find statement is
	 * stepped to its stored row, 0 when there is none.  Merge it,
	 * report it, or write it (batch_write_one()).  0, 1 when the record
	 * is bad (reported), -1 with err set.
	 */
	int (*left_out)(void *context, struct batch_slot *slot, int found,
	    struct error *err);
	/* The same, of a record looked up and not stored the same. */
	int (*looked_up)(void *context, struct batch_slot *slot, int found,
	    struct error *err);
	/* May be NULL: a record settled as added or as stored the same. */
	int (*counted)(void *context, struct batch_slot *slot, struct error *err);
	/* May be NULL: what the kind made for a record undone with its savepoint. */
	void (*undone)(void *context);
};

struct batch;

/* A kind's batches during one import. */
struct batch_engine {
	const struct batch_kind *kind;
	void *context;		/* the kind's, handed to its functions */
	struct import *im;
	struct store *store;
	sqlite3_stmt *find;	/* the kind's: bind_key() binds it, column 0 the id */
	struct import_inserts insert;
	struct import_source source;	/* the source row of the file being read */
	struct ring ring;
	struct batch *batch;	/* BATCHES of them */
	unsigned char *slots;	/* BATCHES * BATCH_MAX slots of slot_size bytes */
	size_t slot_size;
	long long last_id;	/* the highest id of the kind's table so far */
	int trusting;		/* store_trust_checks() on */
	int savepoint;		/* the record held last is alone in a savepoint */
	int started;
};

/*
 * Start e for kind in import im, whose table's highest id is last_id:
 * the store trusted with the checks (every value is checked before it
 * is held, as the table's would), the INSERTs and the source table's
 * statements prepared, the ring started and handed to import_hold().
 * find is the kind's statement of a record's stored row, column 0 its
 * id.  0, or -1 with err set.
 */
int batch_start(struct batch_engine *e, const struct batch_kind *kind,
    void *context, struct import *im, sqlite3_stmt *find, long long last_id,
    struct error *err);

/*
 * Hold checked, the kind's check of rec, to be written (look 0) or
 * looked up (look 1), from the file of source row source_id.  0, or -1
 * with err set (settling what was held before failed).
 */
int batch_hold(struct batch_engine *e, int look, const void *checked,
    const struct record *rec, long long source_id, struct error *err);

/*
 * The next record held is to be written alone in a savepoint, undone
 * (and the kind told: undone()) when its INSERT leaves it out, so that
 * what the kind makes for it between this call and batch_hold() goes
 * with it.  Settles everything held first.  0, or -1 with err set.
 */
int batch_savepoint(struct batch_engine *e, struct error *err);

/* Write held record slot by itself, now (the worker idle): 0, or -1 with err set. */
int batch_write_one(struct batch_engine *e, struct batch_slot *slot,
    struct error *err);

/* Settle everything held: 0, or -1 with err set. */
int batch_flush(struct batch_engine *e, struct error *err);

/*
 * The end of the input: everything held settled, the last file's source
 * row dropped if nothing came from it, and one audit row counting what
 * was added.  0, or -1 with err set.
 */
int batch_finish(struct batch_engine *e, struct error *err);

/* Stop the worker, free what e holds, give the checks back to the store. */
void batch_free(struct batch_engine *e);

#endif
