/* returnee.h -- returnees (回引人才) and village worthies (乡贤), each contact one to one */
#ifndef RENKE_RETURNEE_H
#define RENKE_RETURNEE_H

#include "import.h"
#include "store.h"

/*
 * The fields of a contact, in the order of returnee_fields: the person's
 * ID number and the day are what the contact is; those from
 * RETURNEE_NAME on a contact given again may change.
 */
enum returnee_field {
	RETURNEE_ID_NUMBER, RETURNEE_CONTACTED_ON, RETURNEE_NAME,
	RETURNEE_VILLAGE, RETURNEE_KIND, RETURNEE_AWAY_PLACE, RETURNEE_SKILLS,
	RETURNEE_INTENTION, RETURNEE_CADRE, RETURNEE_WAY, RETURNEE_SAID,
	RETURNEE_STATUS, RETURNEE_NFIELDS
};

extern const struct field_spec returnee_fields[RETURNEE_NFIELDS];

/*
 * How contacts are checked and written, for import_run().  A contact is
 * known by the person's ID number and its day (returnee_contact).  The
 * first contact of a person names the cadre who contacts them, and their
 * name and village unless they are a member in the store (then the
 * member's name and household's village are taken); the kind is
 * returnee_kind (default talent), the status returnee_status (default
 * contacted).  A later contact takes what it leaves out from the
 * person's contact nearest before it (else after it).  Each contact
 * added is audited (entity returnee, "ID number:day"); given again, a
 * contact is unchanged, or differs (updated with --upsert, each field
 * audited).
 */
extern const struct import_kind returnee_import_kind;

/*
 * SQL: the contact r (of returnee_contact) is its person's latest on or
 * before :today, the one day every report and deadline-check judge a
 * returnee by; a contact recorded for a later day does not count yet.
 */
#define RETURNEE_LATEST_SQL(r) \
	r ".contacted_on = (SELECT max(x.contacted_on) FROM returnee_contact x " \
	"WHERE x.id_number = " r ".id_number AND x.contacted_on <= :today)"

#endif
