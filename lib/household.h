/* household.h -- households: import, check, list */
#ifndef RENKE_HOUSEHOLD_H
#define RENKE_HOUSEHOLD_H

#include "import.h"
#include "output.h"
#include "store.h"

/* The fields of a household record, in the order of household_fields. */
enum household_field {
	HOUSEHOLD_ID, HOUSEHOLD_HEAD_NAME, HOUSEHOLD_ID_NUMBER, HOUSEHOLD_PHONE,
	HOUSEHOLD_VILLAGE, HOUSEHOLD_GROUP, HOUSEHOLD_CATEGORIES,
	HOUSEHOLD_MEMBERS, HOUSEHOLD_MONITOR_TYPE, HOUSEHOLD_RISK_STATUS,
	HOUSEHOLD_NFIELDS
};

extern const struct field_spec household_fields[HOUSEHOLD_NFIELDS];

/* How household records are checked and written, for import_run(). */
extern const struct import_kind household_import_kind;

/* Which households household_list() writes; NULL members match all. */
struct household_filter {
	const char *village;
	const char *group;
	const char *category;	/* a code */
	const char *household_id;
};

/*
 * Write the households matching filter to w, one row per household in
 * the columns of household_columns, ordered by village, group and id.
 * ID and phone numbers are masked unless reveal, and a reveal is
 * audited.  Vocabulary values are codes, or labels for people when
 * labels is set.  Returns the number of rows, or -1 with err set.
 */
long household_list(struct store *s, const struct household_filter *filter,
    int reveal, int labels, struct writer *w, struct error *err);

extern const struct column household_columns[HOUSEHOLD_NFIELDS];

#endif
