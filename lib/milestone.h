/* milestone.h -- coverage milestones (时间节点): what must be done by a date */
#ifndef RENKE_MILESTONE_H
#define RENKE_MILESTONE_H

#include <stddef.h>

#include "import.h"

/* The fields of a milestone record, in the order of milestone_fields. */
enum milestone_field {
	MILESTONE_ID, MILESTONE_TITLE, MILESTONE_KIND, MILESTONE_CATEGORIES,
	MILESTONE_ROUND, MILESTONE_DUE_DATE, MILESTONE_MEETING_KIND,
	MILESTONE_SCOPE, MILESTONE_ROLES, MILESTONE_CASES, MILESTONE_TAGS,
	MILESTONE_FROM, MILESTONE_NFIELDS
};

extern const struct field_spec milestone_fields[MILESTONE_NFIELDS];

/*
 * How milestone records are checked and written, for import_run().  A
 * milestone is known by its milestone_id; kind defaults to
 * visit_coverage, which needs a round and takes no meeting_kind or
 * scope; monitor_cases (yes or no, default no) says whether it also
 * needs the monitoring cases of its households complete (coverage.h).
 * The kind care_coverage asks every person carrying one of its tags
 * (member_tag codes, at least one) for a care visit from its from_date
 * (optional) to its due date; it takes roles, and no round, categories,
 * meeting_kind, scope or monitor_cases.
 * The kind meeting_coverage is refused until the meeting ledger
 * counts meetings.  Each milestone added is written to the audit log.
 */
extern const struct import_kind milestone_import_kind;

/*
 * Parse a list of household categories (labels or codes separated by
 * ; , / | ； ， or 、) into their codes, in vocabulary order and ';'
 * joined, into out (size bytes).  Empty text, or a word meaning every
 * household (all, 全部, 所有农户, ...), gives "".  Returns 0, or -1 with
 * *bad pointing at the first unknown word (in a static buffer).
 */
int milestone_categories_parse(const char *text, char *out, size_t size,
    const char **bad);

#endif
