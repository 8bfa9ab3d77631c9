/* audit.h -- the append-only audit log */
#ifndef RENKE_AUDIT_H
#define RENKE_AUDIT_H

#include "error.h"
#include "store.h"

/*
 * Append one row to the audit log, inside the caller's transaction:
 * the store's command and who, now, and entity ("household", "issue",
 * "reveal", ...), entity_id, field, old and new value (each may be
 * NULL).  Returns 0, or -1 with err set.
 */
int audit_add(struct store *s, const char *entity, const char *entity_id,
    const char *field, const char *old_value, const char *new_value,
    struct error *err);

#endif
