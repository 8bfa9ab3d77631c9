/* issue_parts.h -- what issue_add.c and issue_update.c share; not for commands */
#ifndef RENKE_ISSUE_PARTS_H
#define RENKE_ISSUE_PARTS_H

#include "import.h"
#include "issue.h"

/* Add id to ids unless it is the last one there; 0, or -1 when memory runs out. */
int issue_ids_add(struct issue_ids *ids, long long id);

/* Report that value of rec's field k is not in domain, with the values that are. */
void issue_unknown_value(struct import *im, const struct record *rec, int k,
    const char *domain, const char *value);

/*
 * Parse rec's date field k (text) into out, ISO; report it when it is no
 * date.  Returns 0, or 1 when reported.
 */
int issue_check_date(struct import *im, const struct record *rec, int k,
    const char *text, char out[11]);

#endif
