/* monitor_case.h -- monitoring cases: a clue, the steps of the county's procedure, its decision */
#ifndef RENKE_MONITOR_CASE_H
#define RENKE_MONITOR_CASE_H

#include "county.h"
#include "import.h"
#include "issue.h"
#include "output.h"
#include "store.h"

/*
 * A case (防返贫监测) brings a household under monitoring (inclusion,
 * 纳入监测) or ends its risk (elimination, 风险消除).  A clue opens it
 * (case-open, monitor_case.c); the steps follow in this order and no
 * other, each dated and signed (case-step, monitor_step.c):
 *
 *   clue -> home_check -> data_check -> village_review -> posting ->
 *   township_review -> decision
 *
 * Any step but the decision may end the case as not eligible, with the
 * reason; the decision approves or rejects it (with the reason).  An
 * approved inclusion makes the household monitored; an approved
 * elimination, which needs the condition of monitor_elimination_check(),
 * ends its risk.
 *
 * A case is open while its state is 'open'; it is overdue on a day
 * when it is open and more than the county's decision_days have passed
 * since its clue (due on clue_on + decision_days is not yet overdue).
 * day is an SQL expression holding an ISO date; t the table's prefix.
 */
#define CASE_OPEN_SQL(t) "(" t "state = 'open')"
#define CASE_DUE_SQL(t) \
	"date(" t "clue_on, '+' || " COUNTY_SETTING_SQL("decision_days") \
	" || ' days')"
#define CASE_OVERDUE_SQL(t, day) \
	"(" CASE_OPEN_SQL(t) " AND " CASE_DUE_SQL(t) " < " day ")"

/* The step after an open case's step (t the prefix); NULL when it is not open. */
#define CASE_NEXT_STEP_SQL(t) \
	"CASE WHEN " t "state = 'open' THEN CASE " t "step " \
	"WHEN 'clue' THEN 'home_check' WHEN 'home_check' THEN 'data_check' " \
	"WHEN 'data_check' THEN 'village_review' " \
	"WHEN 'village_review' THEN 'posting' " \
	"WHEN 'posting' THEN 'township_review' ELSE 'decision' END END"

/*
 * A visit suggesting monitoring (monitor_suggested = 1, under the
 * prefix v) is followed when its household has a case opened on or
 * after the visit, or one still open, or decided on or after it, on
 * the visit's day, or is a monitored household at risk.  Unfollowed on
 * day when more than unfollowed_days have passed since the visit.
 */
#define CASE_FOLLOWED_SQL(v) \
	"(EXISTS (SELECT 1 FROM monitor_case c WHERE c.household_id = " \
	v "household_id AND (c.clue_on >= " v "visit_date OR c.state = 'open' " \
	"OR c.decided_on >= " v "visit_date)) OR EXISTS (SELECT 1 FROM " \
	"household h WHERE h.household_id = " v "household_id AND " \
	"h.risk_status = 'at_risk'))"
#define CASE_UNFOLLOWED_SQL(v, day) \
	"(" v "monitor_suggested = 1 AND date(" v "visit_date, '+' || " \
	COUNTY_SETTING_SQL("unfollowed_days") " || ' days') < " \
	day " AND NOT " CASE_FOLLOWED_SQL(v) ")"

/* The fields of a clue, as case-open reads them. */
enum case_field {
	CASE_HOUSEHOLD, CASE_TYPE, CASE_CLUE, CASE_CLUE_ON, CASE_RECORDER,
	CASE_MONITOR_TYPE, CASE_RISKS, CASE_DETAIL,
	CASE_NFIELDS
};

extern const struct field_spec case_fields[CASE_NFIELDS];

/* The fields of a step, as case-step reads them. */
enum case_step_field {
	STEP_CASE, STEP_HOUSEHOLD, STEP_STEP, STEP_DATE, STEP_WHO, STEP_RESULT,
	STEP_REASON, STEP_HOUSING, STEP_FOOD, STEP_LABOUR, STEP_INCOME,
	STEP_EXPENSES, STEP_JUDGEMENT, STEP_CONSENT, STEP_MONITOR_TYPE,
	STEP_RISKS, STEP_ANSWERS, STEP_DAYS, STEP_OBJECTIONS, STEP_NOTES,
	STEP_NFIELDS
};

extern const struct field_spec case_step_fields[STEP_NFIELDS];

/*
 * How clues are checked and cases opened, for import_run(), given a
 * struct step_settings (lifecycle.h): the cases opened go to its
 * touched.
 */
extern const struct import_kind case_open_kind;

/*
 * How steps are checked and recorded, for import_run(), given a struct
 * step_settings: the cases moved go to its touched.
 */
extern const struct import_kind case_step_kind;

/* The columns a case is written in. */
enum { CASE_OUT_NCOLUMNS = 12 };
extern const struct column case_out_columns[CASE_OUT_NCOLUMNS];

/* Write case id to w in case_out_columns (labels: vocabulary labels); 0, or -1 with err set. */
int case_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err);

/*
 * Set the county's limit name (decision_days, posting_days,
 * unfollowed_days, stable_months: settings of county.h) to value, in
 * the caller's transaction, audited with reason (county_set()).  0, or
 * -1 with err set (EXIT_DATAERR for another name or a value out of its
 * range).
 */
int monitor_set_limit(struct store *s, const char *name, long value,
    const char *reason, struct error *err);

/* 1 when the store has any case: households then change by cases only. */
int monitor_cases_in_use(struct store *s);

/*
 * Whether household (its own number) may have its risk eliminated on
 * day: its last two visits up to day at least stable_months apart,
 * each with a stable income and food and clothing, schooling, medical
 * care and housing secured (yes, or not applicable).  Returns 1 when
 * it may, 0 when not (what is missing, in the user's language, into
 * why, size bytes), -1 with err set.
 */
int monitor_elimination_check(struct store *s, const char *household,
    const char *day, char *why, size_t size, struct error *err);

/* The columns of a clue a visit gives: fields of case-open. */
enum { CASE_CLUE_NCOLUMNS = 6 };
extern const struct column case_clue_columns[CASE_CLUE_NCOLUMNS];

/*
 * Write, as clues for case-open, the visits of the store dated on or
 * after since (ISO) that suggested monitoring or found a medium or high
 * risk, and whose household has no case that follows them (nor is
 * monitored at risk): the earliest of each household, by date and
 * household.  Returns their number, or -1 with err set.
 */
long case_clues_since(struct store *s, const char *since, struct writer *w,
    struct error *err);

/*
 * The same for the visits ids[0..n) (visit row ids), inside the
 * caller's transaction.  0, or -1 with err set.
 */
int case_clues_write(struct store *s, const long long *ids, size_t n,
    struct writer *w, struct error *err);

/*
 * The case that led to a record of another kind (an issue, an
 * assistance measure), named by its number text in field k of rec:
 * its id into *id and its household's number into household_out (size
 * bytes).  It must be a case of household (its own number; NULL: any
 * household).  No number, no such case, or a case of another household
 * is reported against field k.  Returns 0, 1 when reported, -1 with
 * err set.
 */
int case_for_record(struct import *im, const struct record *rec, int k,
    const char *text, const char *household, long long *id,
    char *household_out, size_t size, struct error *err);

/* The step after step in the procedure ("" after the decision). */
const char *case_next_step(const char *step);

#endif
