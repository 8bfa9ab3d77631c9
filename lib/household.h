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
 * A roster is one row a person with the household's columns repeated on
 * each, as the national system exports it.  Its household columns, of
 * which the head's name, ID number and phone are told from the
 * person's by their headings, are household_roster_fields (the fields
 * of household_fields, in their order); member_fields (lib/member.h)
 * has them too, read past.  One spec each, shared by the three tables:
 */
#define HOUSEHOLD_SPEC_ROSTER_ID { "household_id", "户编号|户号|户码|家庭编号" }
#define HOUSEHOLD_SPEC_HEAD_NAME { "head_name", "户主姓名|户主" }
#define HOUSEHOLD_SPEC_HEAD_ID_NUMBER \
	{ "head_id_number", "户主身份证号|户主证件号码|户主身份证号码" }
#define HOUSEHOLD_SPEC_HEAD_PHONE \
	{ "head_phone", "户主联系电话|户主电话|家庭联系电话" }
#define HOUSEHOLD_SPEC_VILLAGE { "village", "村(社区)|村|社区|村名|所属村|村社区" }
#define HOUSEHOLD_SPEC_GROUP { "village_group", "村民小组|社|组|小组|村民组" }
#define HOUSEHOLD_SPEC_CATEGORIES { "categories", "户类型|类别|户别|户属性|category" }
#define HOUSEHOLD_SPEC_MEMBERS { "members", "家庭人口|家庭人口数|人口数|人口" }
#define HOUSEHOLD_SPEC_MONITOR_TYPE { "monitor_type", "监测类型|监测对象类型" }
#define HOUSEHOLD_SPEC_RISK_STATUS { "risk_status", "风险状态|风险消除情况" }

extern const struct field_spec household_roster_fields[HOUSEHOLD_NFIELDS];

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

/*
 * How household records are checked and written, for import_run().  A
 * run whose first record has columns household_fields lacks and
 * member_fields has reads a roster instead (household_roster_kind).
 */
extern const struct import_kind household_import_kind;

/*
 * How a roster is read: each row a household (household_roster_fields)
 * and one of its people (member_import_kind, the child, with the
 * settings of import_options.child_settings).  A household's first row
 * is checked and written as a household record is; its other rows must
 * give its columns the same, or they are refused naming the column and
 * that first row (and refused, all of them, when that row is bad).
 */
extern const struct import_kind household_roster_kind;

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
 * records that name their household (visits, members), the set settled
 * (idset_settle()).  With members not NULL, *members is then an array
 * of the set's n places, each the member count of its household (0 for
 * none), for the caller to free.  0, or -1 with err set.
 */
int household_numbers_load(struct idset *set, unsigned char **members,
    struct store *s, struct error *err);

/* 1 when set, from household_numbers_load(), holds the household number. */
int household_numbers_has(const struct idset *set, const char *number);

/* The place of the household number in set, from household_numbers_load(), or -1 when it is not there. */
long household_numbers_index(const struct idset *set, const char *number);

/* Start fetching what household_numbers_index() will read. */
void household_numbers_prefetch(const struct idset *set, const char *number);

#endif
