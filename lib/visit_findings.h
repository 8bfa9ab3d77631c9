/* visit_findings.h -- flagged visits as findings: the issue records visit-log --flagged writes */
#ifndef RENKE_VISIT_FINDINGS_H
#define RENKE_VISIT_FINDINGS_H

#include <stddef.h>

#include "output.h"
#include "store.h"
#include "visit.h"

/* The columns of a finding: exactly the input fields of issue-add. */
enum finding_column {
	FINDING_KIND, FINDING_CATEGORY, FINDING_TITLE, FINDING_DETAIL,
	FINDING_URGENCY, FINDING_VILLAGE, FINDING_GROUP, FINDING_HOUSEHOLD,
	FINDING_REPORTER, FINDING_OWNER, FINDING_SOURCE, FINDING_SOURCE_REF,
	FINDING_NCOLUMNS
};

extern const struct column visit_finding_columns[FINDING_NCOLUMNS];

/*
 * Write every flagged visit of the store dated on or after since (ISO)
 * to w as a finding, by date, household and visitor.  A visit is
 * flagged when a check says no, its risk level is medium or high, or
 * monitoring is suggested.  Returns the number of findings, or -1 with
 * err set.
 */
long visit_flagged_since(struct store *s, const char *since, struct writer *w,
    struct error *err);

/*
 * 1 when a visit checked into value[0..VISIT_NFIELDS) (codes) is
 * flagged: a check says no, its risk level is medium or high, or
 * monitoring is suggested.
 */
int visit_flagged(const char *const *value);

/*
 * Write the findings of the flagged visits ids[0..n) (visit row ids) to
 * w, in that order; a visit not flagged, or not stored, is passed over.
 * 0, or -1 with err set.
 */
int visit_findings_write(struct store *s, const long long *ids, size_t n,
    struct writer *w, struct error *err);

#endif
