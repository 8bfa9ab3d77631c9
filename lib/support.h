/* support.h -- assistance to a person (帮扶措施): posts, park jobs, land transfers and small loans */
#ifndef RENKE_SUPPORT_H
#define RENKE_SUPPORT_H

#include "import.h"
#include "store.h"

/*
 * The fields of an assistance record, in the order of support_fields:
 * the kind, the person and the first day are what the record is; those
 * from SUPPORT_TITLE to SUPPORT_CASE a record given again may change
 * (the case: the monitoring case of the person's household that led to
 * it);
 * the override is the written reason for breaking a rule on purpose.
 */
enum support_field {
	SUPPORT_KIND, SUPPORT_ID_NUMBER, SUPPORT_START, SUPPORT_TITLE,
	SUPPORT_PROVIDER, SUPPORT_END, SUPPORT_AMOUNT, SUPPORT_TERM,
	SUPPORT_STATUS, SUPPORT_SENT_ON, SUPPORT_DECIDED_ON, SUPPORT_AREA,
	SUPPORT_OWNER,
	SUPPORT_CASE, SUPPORT_OVERRIDE,
	SUPPORT_NFIELDS
};

extern const struct field_spec support_fields[SUPPORT_NFIELDS];

/*
 * How assistance records are checked and written, for import_run().  A
 * record is known by kind (support_kind), the person's ID number (a
 * member in the store) and its first day (a post's or a job's first
 * day, a land transfer's, the day a wish for a loan was recorded).  A
 * land transfer names its parcel, area in mu and to whom; one parcel of
 * a person is transferred once over any day (a problem, not a rule).
 * A loan's steps are dated: the papers sent (sent_on) and its decision
 * (decided_on: approved, refused or withdrawn, the status saying which),
 * on or after the wish and the papers and not after today (the import's
 * settings, an ISO date; NULL: no bound); a decision given without its
 * day is taken as made today.
 * A new record must keep the rules of its kind (a post for a person 16
 * or older of a 脱贫户 or a 监测户 whose risk is not eliminated, one post
 * at a time, none for a village cadre's relative; a job at an industry
 * park for a person 16 or older; a loan for a person 18 to 65 of a
 * 脱贫户 or 边缘易致贫户, within 50,000 yuan and 36 months: the ages,
 * amount and term the county's settings, county.h); a breach is
 * a problem naming the rule, unless the record gives an override
 * reason: then it is written, and each rule it breaks kept with the
 * reason in support_override and the audit log.  Given again, a record
 * is unchanged, or differs (updated with --upsert, each field audited).
 */
extern const struct import_kind support_import_kind;

/* Room for a record's name in the audit log. */
#define SUPPORT_KEY_SIZE 256

/*
 * A record's name in the audit log into key[size]: "kind:ID number:first
 * day", and ":parcel" (title) for a land transfer, since one person may
 * transfer two parcels on one day.
 */
void support_key(const char *kind, const char *id_number, const char *start,
    const char *title, char *key, size_t size);

#endif
