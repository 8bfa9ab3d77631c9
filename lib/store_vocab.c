/* store_vocab.c -- the store's vocab table, kept equal to vocab.c's table */
#include <inttypes.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "vocab.h"

/* FNV-1a over every code and label of vocab_table, in order, as hex into out. */
static void
vocab_fingerprint(char out[17])
{
	uint64_t h = 0xcbf29ce484222325u;

	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		const char *part[4] = { e->domain, e->code, e->label_en, e->label_zh };

		for (int i = 0; i < 4; i++)
			for (const char *p = part[i]; ; p++) {
				h = (h ^ (unsigned char)*p) * 0x100000001b3u;
				if (*p == '\0')
					break;
			}
	}
	snprintf(out, 17, "%016" PRIx64, h);
}

/* Fill the vocab table from vocab_table and record its fingerprint, in the open transaction. */
static int
vocab_fill(struct store *s, const char *fingerprint, struct error *err)
{
	sqlite3_stmt *st;
	int position = 0, rc = SQLITE_DONE;

	if (store_exec(s, "DELETE FROM vocab", err) != 0 ||
	    (st = store_prepare(s, "INSERT INTO vocab (domain, code, label_en, "
	    "label_zh, position) VALUES (?, ?, ?, ?, ?)", err)) == NULL)
		return -1;
	for (const struct vocab_entry *e = vocab_table;
	    e->domain != NULL && rc == SQLITE_DONE; e++) {
		sqlite3_bind_text(st, 1, e->domain, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, e->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, e->label_en, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, e->label_zh, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, ++position);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error_set(err, EXIT_SOFTWARE, "%s: vocab: %s", s->path,
		    sqlite3_errmsg(s->db));
	if ((st = store_prepare(s, "INSERT OR REPLACE INTO meta (key, value) "
	    "VALUES ('vocab_fingerprint', ?)", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, fingerprint, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error_set(err, EXIT_SOFTWARE, "%s: vocab: %s", s->path,
		    sqlite3_errmsg(s->db));
	return 0;
}

int
store_vocab_sync(struct store *s, struct error *err)
{
	char fingerprint[17];
	char *stored;
	int same;

	if (sqlite3_db_readonly(s->db, "main") != 0)
		return 0;
	vocab_fingerprint(fingerprint);
	stored = store_meta_get(s, "vocab_fingerprint");
	same = stored != NULL && strcmp(stored, fingerprint) == 0;
	free(stored);
	if (same)
		return 0;
	if (store_begin(s, err) != 0)
		return -1;
	if (vocab_fill(s, fingerprint, err) != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}
