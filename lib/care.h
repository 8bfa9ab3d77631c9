/* care.h -- care visits (人文关怀) to people tagged for care, one record a visit */
#ifndef RENKE_CARE_H
#define RENKE_CARE_H

#include "import.h"

/*
 * The fields of a care visit, in the order of care_fields: the person's
 * ID number, the day and the visitor are what the visit is; the role
 * and what was done on a visit given again may change.
 */
enum care_field {
	CARE_ID_NUMBER, CARE_VISIT_DATE, CARE_VISITOR, CARE_ROLE, CARE_DONE,
	CARE_NFIELDS
};

extern const struct field_spec care_fields[CARE_NFIELDS];

/*
 * How care visits are checked and written, for import_run().  A visit
 * is known by the person's ID number (a member in the store), its day
 * and its visitor (care_visit); it says what was done (送慰问金, 帮助
 * 打扫卫生, ...) and may name the visitor's role (visitor_role), else
 * the role is that of the visitor's assignment when a milestone asks
 * for one.  A visit dated after --today is refused.  Each visit added
 * is audited (entity care, "ID number:day:visitor"); given again, it is
 * unchanged, or differs (updated with --upsert, each field audited).
 * The visit follows the person: a person who moves to another household
 * keeps their visits.
 */
extern const struct import_kind care_import_kind;

#endif
