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
	MEMBER_NSPECS = MEMBER_NFIELDS + 8
};

extern const struct field_spec member_fields[MEMBER_NSPECS];

/*
 * How member records are checked and written, for import_run().  A
 * person is known by their ID number: one given again is unchanged, or
 * differs (updated with --upsert, each field audited: a move to another
 * household is such an update).  The household must be in the store.
 * Once the records are in, every household with members has as many
 * as it has members in the store (each count changed audited).
 */
extern const struct import_kind member_import_kind;

/*
 * Sex ("male" or "female") and birth date (ISO, into birth[11]) of a
 * checked 18-character ID number.
 */
const char *member_sex(const char *id_number);
void member_birth_date(const char *id_number, char birth[11]);

#endif
