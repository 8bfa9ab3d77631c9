/* audit.c -- the append-only audit log */
#include "audit.h"

int
audit_add(struct store *s, const char *entity, const char *entity_id,
    const char *field, const char *old_value, const char *new_value,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (s->audit_insert == NULL && (s->audit_insert = store_prepare(s,
	    "INSERT INTO audit (at, who, command, entity, entity_id, field, old, new) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err)) == NULL)
		return -1;
	st = s->audit_insert;
	sqlite3_bind_text(st, 1, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->who != NULL ? s->who : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->command != NULL ? s->command : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, entity, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, entity_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, old_value, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, new_value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}
