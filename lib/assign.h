/* assign.h -- the cadres assigned to households, villages and 片 (包片+包村+包户) */
#ifndef RENKE_ASSIGN_H
#define RENKE_ASSIGN_H

#include <sqlite3.h>

#include "import.h"
#include "store.h"

/* The fields of an assignment record, in the order of assign_fields. */
enum assign_field {
	ASSIGN_CADRE, ASSIGN_ROLE, ASSIGN_HOUSEHOLD, ASSIGN_VILLAGE,
	ASSIGN_AREA, ASSIGN_START, ASSIGN_END, ASSIGN_PHONE, ASSIGN_NFIELDS
};

extern const struct field_spec assign_fields[ASSIGN_NFIELDS];

/*
 * How assignment records are checked and written, for import_run().
 * An assignment is a cadre with a role (a visitor_role code) over one
 * household (包户; its village is the household's, and a village given
 * must be it), over a village (包村), or over a village as one of a 片
 * (包片: a set of villages, named, one record a village); it is known by
 * cadre, role, village, household and 片.  Given again, its dates and phone may change
 * (--upsert), each change audited; each one added is audited.
 */
extern const struct import_kind assign_import_kind;

/*
 * The SQL condition of an assignment a of household h (a row of
 * household) in force on day ?today (the caller binds it by that
 * name): a's household is h, or a is h's village's (包村, or 包片 of a
 * 片 that holds the village).
 */
#define ASSIGN_OF_HOUSEHOLD(a, h) \
	"(" a ".household_id = " h ".household_id OR (" a ".household_id IS NULL " \
	"AND " a ".village_id = " h ".village_id)) AND (" a ".start_date IS NULL " \
	"OR " a ".start_date <= :today) AND (" a ".end_date IS NULL OR " a \
	".end_date >= :today)"

/*
 * Who answers for household h (a row of household) on :today, in role
 * :role (NULL: any): the cadre of its own assignment first (an
 * assistance cadre before other roles), else its village's (包村), else
 * its 片's (包片); NULL when none.  An SQL expression.
 */
#define ASSIGN_OWNER(h) \
	"(SELECT a.cadre FROM assignment a WHERE " ASSIGN_OF_HOUSEHOLD("a", h) \
	" AND (:role IS NULL OR a.role = :role) ORDER BY a.household_id IS " \
	"NULL, a.area IS NOT NULL, a.role <> 'assistance_cadre', a.id LIMIT 1)"

#endif
