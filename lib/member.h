/* member.h -- the people of households: fields, import (member-add) */
#ifndef RENKE_MEMBER_H
#define RENKE_MEMBER_H

#include "import.h"
#include "store.h"

/*
 * The fields of a member record, in the order of member_fields: the ID
 * number first (what the person is known by), then those a record given
 * again may change.  The fields from MEMBER_NFIELDS on are a roster's
 * household columns (one row a person, the household's columns repeated
 * on each, as the national system exports it): read past, the household
 * is household-add's.
 */
enum member_field {
	MEMBER_ID_NUMBER, MEMBER_HOUSEHOLD, MEMBER_NAME, MEMBER_RELATION,
	MEMBER_LABOUR, MEMBER_SCHOOLING, MEMBER_HEALTH, MEMBER_AWAY_PLACE,
	MEMBER_AWAY_SINCE, MEMBER_TAGS, MEMBER_PHONE, MEMBER_CADRE_RELATIVE,
	MEMBER_NFIELDS,
	MEMBER_NSPECS = MEMBER_NFIELDS + 9
};

extern const struct field_spec member_fields[MEMBER_NSPECS];

/* Up to this many households are named in a note on member counts. */
#define MEMBER_COUNTS_NAMED 5

/* A household's member count: as stored before, and the other number. */
struct member_count {
	char household_id[65];
	int members;		/* the count stored before; 0: none */
	int people;		/* people the roster names, or registered */
};

/* Households in a note on member counts: how many, the first few named. */
struct member_counts {
	long n;
	struct member_count first[MEMBER_COUNTS_NAMED];
};

/*
 * The settings of a member import (import_options.settings; NULL is
 * all zero).  A household's member count changes only when the input
 * is given as its whole roster; what the import found is filled in,
 * also on a dry run (the counts as they would be).
 */
struct member_settings {
	int roster;		/* the input names every member of each
				   household it names (--roster) */
	/* filled in by the import */
	struct member_counts set;	/* counts set from the roster */
	struct member_counts kept;	/* roster households with a bad record
					   (--skip-bad): count kept */
	struct member_counts differ;	/* households the input names whose
					   registered people are not their
					   count, once it is in */
};

/*
 * How member records are checked and written, for import_run().  A
 * person is known by their ID number: one given again is unchanged, or
 * differs (updated with --upsert, each field audited: a move to another
 * household is such an update).  The household must be in the store.
 * A household's member count is left as it is, unless the settings say
 * the input is the whole roster: then each household it names has as
 * many members as the input names for it (each change audited), but
 * one with a bad record keeps its count.
 */
extern const struct import_kind member_import_kind;

/*
 * Sex ("male" or "female") and birth date (ISO, into birth[11]) of a
 * checked 18-character ID number.
 */
const char *member_sex(const char *id_number);
void member_birth_date(const char *id_number, char birth[11]);

/* Whole years from the ISO birth date to the ISO day; -1 if either is no date. */
int member_age_on(const char *birth, const char *day);

#endif
