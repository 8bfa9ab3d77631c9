/* store.c -- the SQLite store: open, schema migrations, transactions */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store.h"

/* schema.sql, built into a C string by the Makefile */
extern const char renke_schema_sql[];

#define RENKE_APPLICATION_ID 0x52454e4b	/* "RENK" */
#define BUSY_TIMEOUT_MS 10000

const char *
store_default_path(void)
{
	const char *p = getenv("RENKE_DB");

	return p != NULL && *p != '\0' ? p : "renke.db";
}

/*
 * The first line at or after p (the start of a line of the schema) that
 * starts a section, "-- version N" and nothing else, with its N in
 * *version; NULL if none does.  The schema is read line by line, not
 * searched with strstr() from each section: a store's opening counts
 * its sections, and AddressSanitizer's strstr() measures the whole rest
 * of the 67 KB text at every call.
 */
static const char *
next_section(const char *p, long *version)
{
	static const char tag[] = "-- version ";
	const size_t taglen = sizeof(tag) - 1;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, tag, taglen) == 0) {
			char *end;
			long v;

			errno = 0;
			v = strtol(p + taglen, &end, 10);
			if (errno == 0 && end != p + taglen && *end == '\n') {
				*version = v;
				return p;
			}
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return NULL;
}

/* The schema's second line: no section starts on its first. */
static const char *
schema_second_line(void)
{
	const char *p = strchr(renke_schema_sql, '\n');

	return p != NULL ? p + 1 : NULL;
}

/* The text of section version of the schema; *len its length, NULL if none. */
static const char *
schema_section(int version, size_t *len)
{
	const char *p = schema_second_line(), *start = NULL;
	long v;

	while ((p = next_section(p, &v)) != NULL) {
		if (start != NULL) {
			*len = (size_t)(p - start);
			return start;
		}
		if (v == version)
			start = p;
		p++;
	}
	if (start != NULL)
		*len = strlen(start);
	return start;
}

int
store_schema_version(void)
{
	int v = 0, before;

	/* the sections 1 to v all there; in order, one pass finds them */
	do {
		const char *p = schema_second_line();
		long n;

		before = v;
		while ((p = next_section(p, &n)) != NULL) {
			if (n == v + 1)
				v++;
			p++;
		}
	} while (v != before);
	return v;
}

/*
 * 1 when no file can be made in path's directory, with the reason in
 * *why: tried with a probe file that is removed at once.  Only called
 * when opening has failed already.
 */
static int
dir_unwritable(const char *path, int *why)
{
	char probe[4096];
	const char *slash = strrchr(path, '/');
	int fd;

	if (slash == NULL)
		snprintf(probe, sizeof(probe), ".renke-probe-%ld", (long)getpid());
	else
		snprintf(probe, sizeof(probe), "%.*s/.renke-probe-%ld",
		    (int)(slash - path), path, (long)getpid());
	if ((fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
		*why = errno;
		return 1;
	}
	close(fd);
	unlink(probe);
	return 0;
}

/* 1 when this process may make files in path's directory (asked, not tried). */
static int
dir_writable(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return access(".", W_OK | X_OK) == 0;
	if (slash == path)
		return access("/", W_OK | X_OK) == 0;
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	return access(dir, W_OK | X_OK) == 0;
}

/* path as an SQLite URI that reads it as it is: "file:PATH?immutable=1"; the caller frees. */
static char *
immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char head[] = "file:", tail[] = "?immutable=1";
	size_t size = sizeof(head) + strlen(path) * 3 + sizeof(tail), o;
	char *uri = malloc(size);

	if (uri == NULL)
		return NULL;
	memcpy(uri, head, sizeof(head) - 1);
	o = sizeof(head) - 1;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21) {
			uri[o++] = '%';
			uri[o++] = hex[*p >> 4];
			uri[o++] = hex[*p & 15];
		} else
			uri[o++] = (char)*p;
	memcpy(uri + o, tail, sizeof(tail));	/* with its NUL: room was made for it */
	return uri;
}

int
store_error(struct store *s, int rc, struct error *err)
{
	int primary = rc & 0xff;
	const char *msg = s != NULL && s->db != NULL ? sqlite3_errmsg(s->db) :
	    sqlite3_errstr(rc);
	const char *path = s != NULL ? s->path : "";

	switch (primary) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return error_set(err, EXIT_TEMPFAIL, _("%s: the store is busy "
		    "(locked by another program); try again later"), path);
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
		/* the -wal and -shm files need a directory we may write in */
		if (primary == SQLITE_CANTOPEN && dir_unwritable(path, &rc))
			return error_set(err, EXIT_IOERR, _("%s: cannot create the "
			    "store's -wal and -shm files in its directory: %s"), path,
			    strerror(rc));
		/* say why, as the system said it: permission, no space, too large */
		if (s != NULL && s->db != NULL && sqlite3_system_errno(s->db) != 0)
			return error_set(err, EXIT_IOERR, "%s: %s: %s", path, msg,
			    strerror(sqlite3_system_errno(s->db)));
		return error_set(err, EXIT_IOERR, "%s: %s", path, msg);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return error_set(err, EXIT_NOINPUT, _("%s: not a renke store "
		    "(%s)"), path, msg);
	case SQLITE_CONSTRAINT:
		return error_set(err, EXIT_DATAERR, "%s: %s", path, msg);
	default:
		return error_set(err, EXIT_SOFTWARE, "%s: %s", path, msg);
	}
}

size_t
store_id_index(const long long *ids, size_t n, long long id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ids[lo] == id ? lo : n;
}

int
store_exec(struct store *s, const char *sql, struct error *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_error(s, rc, err);
}

sqlite3_stmt *
store_prepare(struct store *s, const char *sql, struct error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK) {
		store_error(s, rc, err);
		return NULL;
	}
	return st;
}

void
store_column_copy(sqlite3_stmt *st, int k, char *out, size_t size)
{
	snprintf(out, size, "%s", sqlite3_column_type(st, k) == SQLITE_NULL ?
	    "" : (const char *)sqlite3_column_text(st, k));
}

int
store_trust_checks(struct store *s, int on, struct error *err)
{
	return store_exec(s, on ? "PRAGMA ignore_check_constraints = ON" :
	    "PRAGMA ignore_check_constraints = OFF", err);
}

int
store_begin(struct store *s, struct error *err)
{
	if (s->copy && s->open)
		return error_set(err, EXIT_IOERR, _("%s: the store has an older "
		    "schema and is read-only here, so it was read from an "
		    "up-to-date copy, and what this command writes could not be "
		    "kept; a command that writes, where it may, brings it up to "
		    "date"), s->path);
	return store_exec(s, "BEGIN IMMEDIATE", err);
}

int
store_commit(struct store *s, struct error *err)
{
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);

	if (rc == SQLITE_OK) {
		s->committed |= s->open;
		return 0;
	}
	store_error(s, rc, err);
	store_rollback(s);
	return -1;
}

void
store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* PRAGMA journal_mode = mode: 1 when the journal is then mode, else 0. */
static int
journal_mode(struct store *s, const char *mode)
{
	char sql[40];
	sqlite3_stmt *st;
	int now = 0;

	snprintf(sql, sizeof(sql), "PRAGMA journal_mode = %s", mode);
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		now = strcmp((const char *)sqlite3_column_text(st, 0), mode) == 0;
	sqlite3_finalize(st);
	return now;
}

int
store_journal_rollback(struct store *s)
{
	if (s->rollback_journal || s->copy || !sqlite3_get_autocommit(s->db) ||
	    sqlite3_db_readonly(s->db, "main") != 0)
		return 0;
	if (!journal_mode(s, "delete")) {
		/* a connection that keeps the log open: the log it is */
		journal_mode(s, "wal");
		return 0;
	}
	s->rollback_journal = 1;
	if (sqlite3_exec(s->db, "PRAGMA synchronous = FULL", NULL, NULL,
	    NULL) != SQLITE_OK) {
		store_journal_wal(s);
		return 0;
	}
	return 1;
}

void
store_journal_wal(struct store *s)
{
	if (!s->rollback_journal || !sqlite3_get_autocommit(s->db))
		return;
	sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
	if (journal_mode(s, "wal"))
		s->rollback_journal = 0;
}

void
store_write_back(struct store *s)
{
#ifdef SYNC_FILE_RANGE_WRITE
	if (s->writeback_fd < 0)
		s->writeback_fd = open(s->path, O_RDONLY | O_CLOEXEC);
	if (s->writeback_fd >= 0)
		(void)sync_file_range(s->writeback_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
	(void)s;
#endif
}

/* An integer from a one-row, one-column query; -1 on failure. */
static long long
query_integer(struct store *s, const char *sql, int *rc)
{
	struct error ignored;
	sqlite3_stmt *st = store_prepare(s, sql, &ignored);
	long long v = -1;

	*rc = st != NULL ? SQLITE_OK : sqlite3_errcode(s->db);
	if (*rc == SQLITE_OK) {
		*rc = sqlite3_step(st);
		if (*rc == SQLITE_ROW) {
			v = sqlite3_column_int64(st, 0);
			*rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return v;
}

/*
 * In place of s's read-only connection, one to a copy of its store in
 * memory, which may be brought up to date while the file stays as it
 * was.  0, or -1 with err set (s unchanged).
 */
static int
store_copy_in_memory(struct store *s, struct error *err)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *backup;
	int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc == SQLITE_OK) {
		if ((backup = sqlite3_backup_init(mem, "main", s->db, "main")) == NULL)
			rc = sqlite3_errcode(mem);
		else {
			rc = sqlite3_backup_step(backup, -1);
			sqlite3_backup_finish(backup);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK) {
		sqlite3_close(mem);
		return store_error(s, rc, err);
	}
	sqlite3_close(s->db);
	s->db = mem;
	s->copy = 1;
	sqlite3_extended_result_codes(s->db, 1);
	return store_exec(s, "PRAGMA foreign_keys = ON", err);
}

/*
 * Bring the schema up to date in one transaction; a query reads a store
 * it may not write from a copy brought up to date.
 */
static int
store_migrate(struct store *s, enum store_mode mode, struct error *err)
{
	int rc, latest = store_schema_version();
	long long version, app, tables, broken;
	char sql[64];

	version = query_integer(s, "PRAGMA user_version", &rc);
	if (rc != SQLITE_OK)
		return store_error(s, rc, err);
	if (version > latest)
		return error_set(err, EXIT_NOINPUT, _("%s: the store was made by a "
		    "newer renke (schema %lld; this one knows up to %d)"),
		    s->path, version, latest);
	if (version == latest)
		return 0;
	if (sqlite3_db_readonly(s->db, "main") == 1 && mode != STORE_QUERY)
		return error_set(err, EXIT_NOINPUT, _("%s: the store has schema %lld "
		    "and is read-only here; a command that writes, where it may, "
		    "brings it up to date"), s->path, version);
	if (sqlite3_db_readonly(s->db, "main") == 1 &&
	    store_copy_in_memory(s, err) != 0)
		return -1;
	/*
	 * A section may rebuild a table others refer to (SQLite's way to
	 * change one): the keys are off while it runs, and checked after.
	 * The pragma does nothing inside a transaction.
	 */
	if (store_exec(s, "PRAGMA foreign_keys = OFF", err) != 0)
		return -1;
	if (store_begin(s, err) != 0)
		goto keys;
	/* another process may have migrated it meanwhile */
	version = query_integer(s, "PRAGMA user_version", &rc);
	app = query_integer(s, "PRAGMA application_id", &rc);
	tables = query_integer(s, "SELECT count(*) FROM sqlite_schema", &rc);
	if (rc != SQLITE_OK) {
		store_error(s, rc, err);
		goto fail;
	}
	if (app != RENKE_APPLICATION_ID && (version != 0 || tables != 0)) {
		error_set(err, EXIT_NOINPUT, _("%s: not a renke store (another "
		    "program's SQLite database)"), s->path);
		goto fail;
	}
	for (int v = (int)version + 1; v <= latest; v++) {
		size_t len = 0;
		const char *text = schema_section(v, &len);
		char *copy = strndup(text, len);

		if (copy == NULL) {
			error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
			goto fail;
		}
		rc = sqlite3_exec(s->db, copy, NULL, NULL, NULL);
		free(copy);
		if (rc != SQLITE_OK) {
			error_set(err, EXIT_SOFTWARE, _("%s: schema version %d: %s"),
			    s->path, v, sqlite3_errmsg(s->db));
			goto fail;
		}
	}
	if ((broken = query_integer(s, "SELECT count(*) FROM pragma_foreign_key_check",
	    &rc)) != 0 || rc != SQLITE_OK) {
		if (rc != SQLITE_OK)
			store_error(s, rc, err);
		else
			error_set(err, EXIT_DATAERR, _("%s: cannot bring the "
			    "store up to date: rows refer to rows that are not "
			    "there (%lld; PRAGMA foreign_key_check lists them); "
			    "it is left as it was"), s->path, broken);
		goto fail;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", latest);
	if (store_exec(s, sql, err) != 0)
		goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", RENKE_APPLICATION_ID);
	if (store_exec(s, sql, err) != 0)
		goto fail;
	if (store_commit(s, err) != 0)
		goto keys;
	return store_exec(s, "PRAGMA foreign_keys = ON", err);
fail:
	store_rollback(s);
keys:
	sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return -1;
}

/*
 * The file at s->path as mode wants it: made (0600) when missing and
 * mode writes, refused when missing otherwise or a directory.  Returns
 * the flags to open it with, or -1 with err set.
 */
static int
store_file(struct store *s, enum store_mode mode, struct error *err)
{
	const char *path = s->path;
	struct stat st;
	int fd, missing;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return error_set(err, EXIT_NOINPUT, "%s: %s", path,
			    strerror(EISDIR));
		if (access(path, W_OK) != 0) {
			if (mode == STORE_WRITE)
				return error_set(err, EXIT_IOERR, "%s: %s", path,
				    strerror(errno));
			return SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
		}
		if (st.st_size == 0 && mode != STORE_QUERY && (st.st_mode & 077))
			chmod(path, 0600);	/* an empty file becomes a store: a private one */
		return SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	}
	missing = errno == ENOENT || errno == ENOTDIR;
	if (!missing || mode != STORE_WRITE)
		return error_set(err, missing ? EXIT_NOINPUT : EXIT_IOERR,
		    missing ? _("%s: no such store (a command that writes creates "
		    "it)") : "%s: %s", path, strerror(errno));
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return error_set(err, EXIT_CANTCREAT, _("%s: cannot create the "
		    "store: %s"), path, strerror(errno));
	if (fd >= 0) {
		close(fd);
		s->created = 1;
	}
	return SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
}

/* Open the connection with flags; a query where nobody may write reads the file as it is. */
static int
store_connect(struct store *s, enum store_mode mode, int flags,
    struct error *err)
{
	char *uri = NULL;
	int rc;

	if (mode == STORE_QUERY && !dir_writable(s->path)) {
		/* nobody can make its -wal there, so nobody writes it */
		if ((uri = immutable_uri(s->path)) == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
	}
	rc = sqlite3_open_v2(uri != NULL ? uri : s->path, &s->db, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return store_error(s, rc, err);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return store_exec(s, "PRAGMA foreign_keys = ON", err);
}

/* The first read tells a store from any other file: touch nothing else. */
static int
store_is_ours(struct store *s, struct error *err)
{
	int rc;
	long long tables = query_integer(s, "SELECT count(*) FROM sqlite_schema",
	    &rc), app;

	if (rc != SQLITE_OK)
		return store_error(s, rc, err);
	app = query_integer(s, "PRAGMA application_id", &rc);
	if (rc == SQLITE_OK && tables > 0 && app != RENKE_APPLICATION_ID)
		return error_set(err, EXIT_NOINPUT, _("%s: not a renke store "
		    "(another program's SQLite database)"), s->path);
	return 0;
}

/*
 * A connection that may write: WAL, and a 16 MiB page cache that keeps a
 * million-row import in memory bounds.  The statement journal stays in
 * memory: an INSERT of many rows keeps there the few pages it changes,
 * which would otherwise go through a temporary file, a write per page.
 */
static int
store_tune(struct store *s, struct error *err)
{
	if (sqlite3_db_readonly(s->db, "main") == 1)
		return 0;
	if (store_exec(s, "PRAGMA journal_mode = WAL", err) != 0 ||
	    store_exec(s, "PRAGMA synchronous = NORMAL", err) != 0 ||
	    store_exec(s, "PRAGMA cache_size = -16384", err) != 0 ||
	    store_exec(s, "PRAGMA temp_store = MEMORY", err) != 0)
		return -1;
	return 0;
}

struct store *
store_open(const char *path, enum store_mode mode, const char *command,
    const char *who, struct error *err)
{
	struct store *s = calloc(1, sizeof(*s));
	time_t now = time(NULL);
	struct tm tm;
	int flags;

	/*
	 * A connection is used by one thread at a time (an import's writer
	 * thread takes it in turns with the reader: SQLITE_OPEN_NOMUTEX),
	 * but SQLite keeps its own mutexes, so that a sort may take helper
	 * threads (PRAGMA threads, lib/bulk.c); no memory statistics
	 */
	static int configured;

	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = 1;
	}
	if (s == NULL || (s->path = strdup(path)) == NULL) {
		free(s);
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	s->writeback_fd = -1;
	s->command = command;
	s->who = who;
	gmtime_r(&now, &tm);
	strftime(s->now, sizeof(s->now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if ((flags = store_file(s, mode, err)) < 0 ||
	    store_connect(s, mode, flags, err) != 0 ||
	    store_is_ours(s, err) != 0 || store_tune(s, err) != 0 ||
	    store_migrate(s, mode, err) != 0 || store_vocab_sync(s, err) != 0) {
		store_close(s);
		return NULL;
	}
	s->open = 1;
	return s;
}

void
store_close(struct store *s)
{
	int unused;

	if (s == NULL)
		return;
	/* a store made by this command but never written to is not left behind */
	unused = s->created && !s->committed;
	sqlite3_finalize(s->audit_insert);
	if (s->rollback_journal) {
		store_rollback(s);
		store_journal_wal(s);
	}
	/*
	 * Closing any descriptor of the file ends every lock the process
	 * holds on it (POSIX): the write-back's goes once the connection
	 * has gone, or not at all
	 */
	if (sqlite3_close(s->db) == SQLITE_OK && s->writeback_fd >= 0)
		close(s->writeback_fd);
	if (unused) {
		size_t n = strlen(s->path) + 8;
		char *side = malloc(n);

		unlink(s->path);
		if (side != NULL) {
			snprintf(side, n, "%s-wal", s->path);
			unlink(side);
			snprintf(side, n, "%s-shm", s->path);
			unlink(side);
			free(side);
		}
	}
	free(s->path);
	free(s);
}

long long
store_step_id(struct store *s, sqlite3_stmt *st, struct error *err)
{
	int rc = sqlite3_step(st);
	long long id = 0;

	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = store_error(s, rc, err);
	sqlite3_finalize(st);
	return id;
}

char *
store_meta_get(struct store *s, const char *key)
{
	struct error ignored;
	sqlite3_stmt *st = store_prepare(s, "SELECT value FROM meta WHERE key = ?",
	    &ignored);
	char *value = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		value = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return value;
}

int
store_run_id(struct store *s, const char *sql, long long id, const char *text,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}
