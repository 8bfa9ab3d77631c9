/* issue_parts.h -- what the issue files of lib/ share; not for commands */
#ifndef RENKE_ISSUE_PARTS_H
#define RENKE_ISSUE_PARTS_H

#include "import.h"
#include "issue.h"

/* Add id to ids unless it is the last one there; 0, or -1 when memory runs out. */
int issue_ids_add(struct issue_ids *ids, long long id);

/*
 * Report that value of rec's field k is not in domain, with the values
 * that are but except (NULL: none; vocab_describe_except()).
 */
void issue_unknown_value(struct import *im, const struct record *rec, int k,
    const char *domain, const char *except, const char *value);

/*
 * Parse rec's date field k (text) into out, ISO; report it when it is no
 * date.  Returns 0, or 1 when reported.
 */
int issue_check_date(struct import *im, const struct record *rec, int k,
    const char *text, char out[11]);

/* An issue's field that issue-update corrects: its column, its vocabulary (or NULL). */
struct issue_correction {
	int field;
	const char *column, *domain;
};

#define ISSUE_NCORRECTIONS 7

/* The corrections issue-update makes, in the order struct update keeps them. */
extern const struct issue_correction issue_corrections[ISSUE_NCORRECTIONS];

/* The issue as stored, for an update. */
struct current {
	char kind[16], status[24], owner[256], owner_unit[256], due[11];
	char mediation[16], revisit_due[11], opened[11];
	char last_step[16], last_on[11];	/* the latest lifecycle date: its column */
	char mediated[11], last_revisit[11];	/* "" when none */
	long extensions;
	int has_owner_unit, has_mediation;
};

/* An update record as it is checked and applied. */
struct update {
	const char *v[UPDATE_NFIELDS];
	long long id;
	struct current cur;
	long revisit_in;	/* days from a successful mediation to its revisit */
	char due[11], promised[11], revisit_date[11], today[11];
	const char *status;	/* the new status's code; NULL: unchanged */
	const char *outcome, *finding;	/* codes, or NULL */
	const char *rating;	/* the household's rating of the feedback, or NULL */
	int unmediated;	/* a failed mediation after a successful one reopens */
	int corrects;	/* a correction is given */
	const char *corrected[ISSUE_NCORRECTIONS];	/* the values, codes for a vocabulary */
	long long household_ref, village_id, group_id;	/* a household corrected */
	int case_given;		/* the case corrected: case_id, 0 for none */
	long long case_id;
	char case_household[64];	/* the case's household */
};

/* 1 when a move to status (a code, or NULL) needs a reason (and takes one), else 0. */
int issue_status_needs_reason(const char *status);

/*
 * The update record rec, its values read into u->v (and u->today,
 * u->revisit_in set): its issue found into u->id and u->cur, and every
 * check made, every problem reported, the codes and dates into u.
 * Returns 0 when it may be applied, 1 when not (reported), -1 with err set.
 */
int issue_update_check(struct import *im, const struct record *rec,
    struct store *s, struct update *u, struct error *err);

/*
 * The place of village, and group within it when group is not NULL,
 * into *village_id and *group_id: 0; 1 when either is not known,
 * reported against field k (the village) or k + 1 (the group) with the
 * nearest known names; -1 with err set.
 */
int issue_find_place(struct import *im, const struct record *rec,
    struct store *s, int k, const char *village, const char *group,
    long long *village_id, long long *group_id, struct error *err);

#endif
