/* monitor_parts.h -- what monitor_case.c and monitor_step.c share; not for commands */
#ifndef RENKE_MONITOR_PARTS_H
#define RENKE_MONITOR_PARTS_H

#include "import.h"
#include "lifecycle.h"
#include "monitor_case.h"

/* The order of a case's steps (lib/lifecycle.h), as case-step keeps it. */
extern const struct lifecycle case_lifecycle;

/* A case as stored; "" for what it lacks. */
struct case_row {
	long long id;
	char household[64], type[16], clue_on[11], step[24], step_on[11];
	char state[16], posting_until[11], monitor_type[24], risks[256];
	char clue[16], recorder[128];
};

/* The columns case_load() reads, in struct case_row's order; append the condition. */
#define CASE_ROW_SQL "SELECT id, household_id, case_type, clue_on, step, " \
	"step_on, state, posting_until, monitor_type, risks, clue, recorder " \
	"FROM monitor_case WHERE "

/*
 * The case CASE_ROW_SQL plus a condition with one parameter (text, or
 * id when text is NULL) finds, into c: 1, 0 when none, -1 with err set.
 */
int case_load(struct store *s, const char *sql, long long id, const char *text,
    struct case_row *c, struct error *err);

/*
 * The case text names by its number into c; no number, or no such
 * case, is reported against field k of rec, a case of another household
 * than household (its own number; NULL: any) against field household_k.
 * 0, 1 when reported, -1 with err set.
 */
int case_by_number(struct import *im, const struct record *rec, int k,
    const char *text, const char *household, int household_k,
    struct case_row *c, struct error *err);

/* A household as a case sees it; "" for what it lacks. */
struct case_household {
	char monitor_type[24], risk_status[24], categories[256];
};

/* The household of that number into h: 1, 0 when none, -1 with err set. */
int case_household(struct store *s, const char *household,
    struct case_household *h, struct error *err);

/* Audit field of case id, from old to new (either may be NULL): 0, or -1. */
int case_audit(struct store *s, long long id, const char *field,
    const char *old, const char *new, struct error *err);

/*
 * The values of text (labels or codes of domain, separated as a
 * household's categories are) as codes in the vocabulary's order, each
 * once, ';' joined, into out; an unknown one reported against field k.
 * Returns 1 when reported, else 0.
 */
int case_check_list(struct import *im, const struct record *rec, int k,
    const char *domain, const char *text, char *out, size_t size);

/* text (may be NULL: nothing) as a code of domain into *code; 1 when unknown (reported). */
int case_check_code(struct import *im, const struct record *rec, int k,
    const char *domain, const char *text, const char **code);

/* text as a date, not after today (NULL: today), into out; 1 when it is not (reported). */
int case_check_day(struct import *im, const struct record *rec, int k,
    const char *text, const char *today, char out[11]);

#endif
