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

/*
 * What a household import needs besides the records (import_options
 * settings; NULL: none).  Once the store has monitoring cases, a
 * household comes under monitoring, and its risk ends, by a case
 * (monitor_case.h): a record that would set its monitor type, its risk
 * status or the category monitored, on a new household or on one
 * changed with --upsert, is refused, unless without_case gives the
 * reason, which is audited.
 */
struct household_settings {
	const char *without_case;
};

/* How household records are checked and written, for import_run(). */
extern const struct import_kind household_import_kind;

/* Which households household_list() writes; NULL members match all. */
struct household_filter {
	const char *village;
	const char *group;
	const char *category;	/* a code */
	const char *household_id;
	/* a person of the household, its head or a member: */
	const char *name;	/* part of their name */
	const char *id_number;	/* their whole ID number, as household_id_number_key() */
	const char *phone;	/* their phone's digits, or its last ones: household_phone_key() */
	const char *cadre;	/* assigned to it, or to its village (lib/assign.h) */
	const char *today;	/* ISO: the day cadre's assignment is in force */
};

/* Why household_id_number_key() or household_phone_key() refuses a value. */
enum household_key_problem {
	HOUSEHOLD_KEY_OK = 0,
	HOUSEHOLD_KEY_PARTIAL,	/* not the whole of an ID number */
	HOUSEHOLD_KEY_INVALID,	/* no ID number or phone number could be this */
	HOUSEHOLD_KEY_SHORT	/* fewer digits of a phone than a search needs */
};

/* The fewest last digits of a phone number that find households by it. */
enum { HOUSEHOLD_PHONE_DIGITS = 4 };

/*
 * The ID number s as the store keeps it, into out (19 bytes): trimmed,
 * x made X, its check digit right.  Only a whole number finds a
 * household.  Returns a household_key_problem.
 */
enum household_key_problem household_id_number_key(const char *s, char out[19]);

/*
 * The digits a phone search compares with the end of each household's
 * phone number (dashes left out), into out (size bytes): a whole number
 * as phone_normalise() makes it, or the last HOUSEHOLD_PHONE_DIGITS or
 * more digits of one (spaces and dashes dropped).  Returns a
 * household_key_problem.
 */
enum household_key_problem household_phone_key(const char *s, char *out,
    size_t size);

/*
 * Write the households matching filter (every one of its members given)
 * to w, one row per household in
 * the columns of household_columns, ordered by village, group and id.
 * ID and phone numbers are masked unless reveal, and a reveal is
 * audited.  Vocabulary values are codes, or labels for people when
 * labels is set.  Returns the number of rows, or -1 with err set.
 */
long household_list(struct store *s, const struct household_filter *filter,
    int reveal, int labels, struct writer *w, struct error *err);

extern const struct column household_columns[HOUSEHOLD_NFIELDS];

struct idset;

/*
 * Every household number of the store into set (lib/idset.h), for
 * records that name their household (visits, members): 0, or -1 with
 * err set.
 */
int household_numbers_load(struct idset *set, struct store *s, struct error *err);

/* 1 when set, from household_numbers_load(), holds the household number. */
int household_numbers_has(const struct idset *set, const char *number);

#endif
