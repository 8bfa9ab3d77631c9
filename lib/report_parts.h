/* report_parts.h -- what the parts of report-gen's readings share; not for commands */
#ifndef RENKE_REPORT_PARTS_H
#define RENKE_REPORT_PARTS_H

#include <stddef.h>

#include "output.h"

/*
 * A copy of cols[0..n) with a township column in front, for a county's
 * report (a township's own report skips it).  Newly allocated (caller
 * frees), or NULL when memory runs out.
 */
struct column *report_with_township(const struct column *cols, size_t n);

/* The vote's outcome code in the user's words when labels, else as it is (NULL stays NULL). */
const char *report_vote_text(const char *vote, int labels);

#endif
