/* honour.h -- selections (评选) of model people, households and villages (先进典型) */
#ifndef RENKE_HONOUR_H
#define RENKE_HONOUR_H

#include "import.h"
#include "store.h"

/*
 * The fields of a selection, in the order of honour_fields: those up to
 * HONOUR_ID_NUMBER are what the selection is (the honour, its level and
 * year, and who was chosen); those from HONOUR_NOMINATED_BY on a record
 * given again may change.
 */
enum honour_field {
	HONOUR_KIND, HONOUR_TITLE, HONOUR_LEVEL, HONOUR_YEAR, HONOUR_VILLAGE,
	HONOUR_HOUSEHOLD, HONOUR_ID_NUMBER, HONOUR_NOMINATED_BY, HONOUR_BASIS,
	HONOUR_BASIS_ON, HONOUR_YES, HONOUR_VOTERS, HONOUR_SCORE,
	HONOUR_EVALUATORS, HONOUR_SELECTED_ON, HONOUR_NOTES,
	HONOUR_NFIELDS
};

extern const struct field_spec honour_fields[HONOUR_NFIELDS];

/*
 * How selections are checked and written, for import_run().  A selection
 * is known by its kind (honour_kind) and its own title ("" for none; the
 * county's own honours are kind other and need one), its level
 * (honour_level), its year and who was chosen: a person (道德模范,
 * 身边好人, ... : an ID number of a member in the store, of the household
 * given if one is), a household (文明家庭, 清洁户, ...: its number) or the
 * village itself (文明村镇: chosen by the town or the county, never at
 * village level).  The village, when given with a household or person,
 * must be theirs.  A selection rests on a vote (yes votes more than half
 * of the voters), on the neighbour evaluation (its mean score, 0 to 100,
 * and the number of evaluators) or on the moral council's review; the
 * day of that basis is no later than the day the selection was made,
 * which is in its year or the next.  Given again, a selection is
 * unchanged, or differs (updated with --upsert, each field audited).
 */
extern const struct import_kind honour_import_kind;

#endif
