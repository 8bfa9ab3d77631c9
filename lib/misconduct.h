/* misconduct.h -- misconduct the village refers to the legal system (查处违法乱纪): a ledger entry of its own kind, step by step */
#ifndef RENKE_MISCONDUCT_H
#define RENKE_MISCONDUCT_H

#include "import.h"
#include "store.h"

/*
 * A misconduct matter (persistent unreasonable petitions 缠访闹访,
 * refusing to support parents 拒不赡养, domestic violence 家庭暴力, or
 * another) is known by its kind, its first party and the day it was
 * referred.  Its parties are households (by household number) and
 * persons (by ID number).  Its steps come in this order, each dated no
 * earlier than the one before and not after today (misconduct-step,
 * misconduct.c):
 *
 *   refer -> accept -> result -> revisit (one or more)
 *
 * The referral names where it goes (judicial mediation, arbitration,
 * administrative ruling, reconsideration, court, police) and opens an
 * issue of kind misconduct in the ledger: its village (the first
 * household party's, else the one given), owner, deadline (the one
 * given, else MISCONDUCT_DUE_DAYS after the referral) and notes are the
 * ledger's, so that issue-update, report-gen and deadline-check serve
 * it.  The acceptance moves the issue in progress; the result resolves
 * it and makes its revisit due MISCONDUCT_REVISIT_DAYS later; a revisit
 * records its finding in the ledger's revisits.  A matter is closed once
 * its result is recorded.  A matter is kept out of the ledger's on-time
 * closure, callback satisfaction and dispute figures (report_parts.h),
 * and issue-update refuses to move it (issue_update_check.c).  Every
 * step is audited under the issue.
 */

/* Days from a referral to the matter's deadline when none is given, and from its result to its revisit. */
#define MISCONDUCT_DUE_DAYS 30
#define MISCONDUCT_REVISIT_DAYS 30

/* A matter closed by day d (prefix t of misconduct): its result recorded. */
#define MISCONDUCT_CLOSED_SQL(t, d) "(" t "result_on IS NOT NULL AND " t \
	"result_on <= " d ")"

/* The fields of a step, as misconduct-step reads them. */
enum misconduct_field {
	MISCONDUCT_KIND, MISCONDUCT_PARTIES, MISCONDUCT_REFERRED_ON,
	MISCONDUCT_STEP, MISCONDUCT_DATE, MISCONDUCT_WHO, MISCONDUCT_TO,
	MISCONDUCT_VILLAGE, MISCONDUCT_TITLE, MISCONDUCT_OWNER, MISCONDUCT_DUE,
	MISCONDUCT_RESULT, MISCONDUCT_FINDING, MISCONDUCT_NOTES,
	MISCONDUCT_NFIELDS
};

extern const struct field_spec misconduct_fields[MISCONDUCT_NFIELDS];

/*
 * How the steps of misconduct matters are checked and recorded, for
 * import_run(), given a struct step_settings (lifecycle.h).
 */
extern const struct import_kind misconduct_step_kind;

#endif
