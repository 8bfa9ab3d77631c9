/* store.h -- the SQLite store: open, schema migrations, transactions */
#ifndef RENKE_STORE_H
#define RENKE_STORE_H

#include <sqlite3.h>

#include "error.h"

/* Reading commands never create a store; writing commands create it (mode 0600). */
/*
 * STORE_READ: the store must exist (a command may still write to it);
 * STORE_WRITE: made if missing; STORE_QUERY: only read, never written,
 * so that it opens even where its directory may not be written in.
 */
enum store_mode { STORE_READ, STORE_WRITE, STORE_QUERY };

struct store {
	sqlite3 *db;
	char *path;
	const char *command;	/* who acts, for the audit log */
	const char *who;
	char now[21];		/* when this command started, UTC, ISO 8601 */
	sqlite3_stmt *audit_insert;
	int created;		/* this command made the file */
	int open;		/* store_open() has finished */
	int committed;		/* a transaction was committed since */
	int copy;		/* read from an up-to-date copy in memory: writes are refused */
	int rollback_journal;	/* store_journal_rollback() switched the journal */
	int writeback_fd;	/* the file, opened by store_write_back(); -1: not */
};

/*
 * Start writing out to the disk what has been written into the store's
 * file, without waiting for it (Linux; elsewhere nothing), so that the
 * commit has less to wait for: the rows of a large import, while its
 * indexes are made.  On a descriptor of its own, which store_close()
 * closes after the connection.
 */
void store_write_back(struct store *s);

/* The schema version this build knows (the last "-- version N" of schema.sql). */
int store_schema_version(void);

/* The store's path when none is given: $RENKE_DB, else "renke.db". */
const char *store_default_path(void);

/*
 * Open the store at path.  STORE_WRITE creates a missing file with mode
 * 0600 (removed again by store_close() when nothing was written to it);
 * STORE_READ refuses it (EXIT_NOINPUT), and so does STORE_QUERY, which
 * opens the store read-only when its directory cannot be written in (no
 * -wal and -shm files can be made there: then nobody writes to it and it
 * is read as it is).  An empty file taken as a new store is made 0600.
 * Either way the schema is
 * brought up to date in one transaction; a store of an older schema that
 * STORE_QUERY may not write is copied into memory and the copy brought up
 * to date, the file left as it was (store_begin() then refuses to write,
 * for nothing written there would be kept).  Foreign keys are on, the
 * journal is WAL and the busy timeout is 10 s.  command and who are kept
 * (not copied) for the audit log.  Returns the store, or NULL with err
 * set: EXIT_CANTCREAT when the file cannot be created, EXIT_NOINPUT when
 * it is not a renke store, EXIT_TEMPFAIL when it stayed locked.
 */
struct store *store_open(const char *path, enum store_mode mode,
    const char *command, const char *who, struct error *err);

/* Close the store (NULL is a no-op). */
void store_close(struct store *s);

/*
 * BEGIN IMMEDIATE: 0, or -1 with err set (EXIT_TEMPFAIL if still locked;
 * EXIT_IOERR on a store read from a copy in memory).
 */
int store_begin(struct store *s, struct error *err);

/* COMMIT: 0, or -1 with err set (the transaction is then rolled back). */
int store_commit(struct store *s, struct error *err);

/* ROLLBACK, if a transaction is open. */
void store_rollback(struct store *s);

/*
 * Outside a transaction, have the next one run with a rollback journal
 * instead of the write-ahead log: the pages it adds past the end of the
 * file are written once, into the file, where the log writes them twice
 * (into it, then into the file).  It needs the store to itself: when
 * another connection has it open, or the switch fails, the journal
 * stays the write-ahead log.  Every page written is synced (synchronous
 * FULL), so that the transaction is as safe as in the log.  Returns 1
 * when switched, else 0 (nothing changed).
 */
int store_journal_rollback(struct store *s);

/*
 * After the transaction (committed or rolled back), the write-ahead log
 * again, as every command expects to find it, when
 * store_journal_rollback() switched; store_close() tries too.  A
 * command that finds the store otherwise (the switch back failed, or a
 * signal ended the command before it) makes it so on opening it.
 */
void store_journal_wal(struct store *s);

/* The index of row id among ids[0..n) (ascending, as ORDER BY id reads them), or n. */
size_t store_id_index(const long long *ids, size_t n, long long id);

/* Run SQL without results: 0, or -1 with err set from the store's error. */
int store_exec(struct store *s, const char *sql, struct error *err);

/* Prepare a statement: it, or NULL with err set.  The caller finalizes it. */
sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct error *err);

/*
 * Copy column k of st's current row into out (size bytes, cut short
 * when it is longer): "" for NULL.
 */
void store_column_copy(sqlite3_stmt *st, int k, char *out, size_t size);

/*
 * Step st (prepared and bound by the caller) for the integer in the
 * first column of its first row, and finalize it.  Returns that
 * integer, 0 when there is no row, or -1 with err set: for the id a
 * look-up finds (ids are positive).
 */
long long store_step_id(struct store *s, sqlite3_stmt *st, struct error *err);

/*
 * Run sql, one statement that returns no rows, its ?1 bound to id, ?2 to
 * text (may be NULL) and ?3 to the store's time now (parameters it does
 * not have are left alone).  Returns 0, or -1 with err set.
 */
int store_run_id(struct store *s, const char *sql, long long id,
    const char *text, struct error *err);

/*
 * While on (1), statements prepared, or prepared again, leave out the
 * tables' CHECK constraints: for an import that checks every value it
 * writes as they would, to which they cost a tenth of its time.  Turning
 * it off has SQLite prepare every statement again, with them.  0, or -1
 * with err set.
 */
int store_trust_checks(struct store *s, int on, struct error *err);

/*
 * Fill err from the store's last error, rc being the failing result
 * code: EXIT_TEMPFAIL for a lock that outlasted the busy timeout,
 * EXIT_IOERR for a full disk or an I/O error, EXIT_DATAERR for a
 * constraint, EXIT_SOFTWARE otherwise.  Returns -1.
 */
int store_error(struct store *s, int rc, struct error *err);

/* A value of the meta table, newly allocated (caller frees), or NULL. */
char *store_meta_get(struct store *s, const char *key);

/*
 * Make the store's vocab table what vocab.c's vocab_table says, every
 * code with its labels in both languages, when it differs (a fingerprint
 * of the table is kept in meta); store_open() calls it.  A store opened
 * read-only keeps the table it has.  0, or -1 with err set.
 */
int store_vocab_sync(struct store *s, struct error *err);

#endif
