/* report.h -- report-gen's readings of the store: the summary and the ledgers */
#ifndef RENKE_REPORT_H
#define RENKE_REPORT_H

#include <stdio.h>

#include "error.h"
#include "output.h"
#include "store.h"

/* Filters; NULL (or 0) lets everything through. */
struct report_filter {
	const char *village, *group, *owner, *status, *category, *kind;
	const char *since, *until;	/* ISO dates, inclusive */
	const char *today;		/* ISO: the day it is */
	int reveal;			/* show ID and phone numbers unmasked */
};

/* ---- the summary (总结): per village, and overall ---- */

enum { REPORT_NCATEGORIES = 6 };	/* household categories, vocab.c order */
enum { REPORT_NISSUE_CATEGORIES = 10 };	/* issue categories, vocab.c order */
enum { REPORT_NSTATUSES = 7 };		/* issue statuses, vocab.c order */
enum { REPORT_NAGES = 5 };		/* open issues: 0-7, 8-15, 16-30, 31-60, >60 days */

struct report_coverage {
	long due, visited;		/* households due, and covered */
};

struct report_village {
	char *township;			/* the store's township */
	char *village;			/* "*": every village of the township */
	long households, members;
	long category[REPORT_NCATEGORIES];
	struct report_coverage *coverage;	/* one per milestone (report_summary.milestones) */
	long opened, repeated, resolved, fed_back, closed, overdue, extensions;
	double median_days;		/* opening to resolution; < 0: none resolved */
	long meetings_held, meetings_required;
	long survey_n;			/* answers in the rate (0: no saved round) */
	long survey_yes;		/* of them satisfied or basically satisfied */
	double rate, ci_low, ci_high;
	char *vote;			/* "adopted", "not_adopted", "not_valid", or NULL */
	/* for the charts */
	long by_category_status[REPORT_NISSUE_CATEGORIES][REPORT_NSTATUSES];
	long open_by_age[REPORT_NAGES];
};

struct report_milestone {
	char *township, *milestone_id, *title, *due_date;
};

struct report_summary {
	char *title_township;		/* the township, or the county's list of them */
	char *survey_round;		/* the latest saved round, or NULL */
	char today[11];
	struct report_milestone *milestones;
	size_t nmilestones;
	struct report_village *villages;	/* each township's villages, then its "*" row */
	size_t nvillages;
	int county;			/* several stores: the last row is the county's total */
};

/*
 * Read the summary of stores[0..nstores) (one per township) as filter
 * says (village, since, until).  Returns 0 with *out filled (free it
 * with report_summary_free), or -1 with err set.
 */
int report_summary_read(struct store **stores, size_t nstores,
    const struct report_filter *filter, struct report_summary *out,
    struct error *err);

void report_summary_free(struct report_summary *summary);

/*
 * Write the summary as rows (table, csv, json, jsonl, markdown): one per
 * village and total, columns township (when county), village,
 * households, the categories, one coverage column per milestone, the
 * issue counts, median days, extensions, meetings, recognition, vote.
 */
int report_summary_write(const struct report_summary *summary,
    enum output_format format, unsigned flags, int labels, FILE *fp,
    struct error *err);

/*
 * Write the summary as one self-contained HTML page (inline CSS and
 * SVG, no script, nothing fetched), for A4 print, with the charts:
 * coverage per village against each milestone, issues by status per
 * category, recognition per village with its interval, open issues by
 * age.  Labels in the user's language.  Returns 0, or -1 with err set.
 */
int report_summary_html(const struct report_summary *summary, FILE *fp,
    struct error *err);

/* ---- the ledgers ---- */

enum report_ledger { REPORT_ISSUES, REPORT_VISITS, REPORT_HOUSEHOLDS,
	REPORT_MEETINGS };

/*
 * Write ledger of every store to w (a township column first when
 * county), filtered, with a total row (township "*") when county.
 * Returns the rows written, or -1 with err set.
 */
long report_ledger(struct store **stores, const char *const *townships,
    size_t nstores, enum report_ledger ledger,
    const struct report_filter *filter, int labels, int county,
    enum output_format format, unsigned flags, FILE *fp, struct error *err);

/*
 * The audit trail of issue id, oldest first, times local for people
 * (labels); rows written, or -1 with err set (exit 65 when the log has
 * nothing of it).
 */
long report_history(struct store *s, const char *id, int labels,
    enum output_format format, unsigned flags, FILE *fp, struct error *err);

/*
 * The history of the household numbered number, oldest first (by the day
 * each thing happened, then the time it was written): its registration
 * and changes, its visits with what they found, its issues (the
 * suggestions of meetings among them) and their moves, its survey
 * answers.  ISO times (UTC) for machines; local times, labels and the
 * user's words for people (labels).  Personal numbers masked unless
 * reveal (audited).  Returns the rows written, 0 when there is no such
 * household (nothing written), or -1 with err set.
 */
long report_household_history(struct store *s, const char *number, int labels,
    int reveal, enum output_format format, unsigned flags, FILE *fp,
    struct error *err);

/*
 * Every change of the audit log written on the local days f->since to
 * f->until (both default to f->today; since alone runs to now) by who
 * (NULL: anyone), grouped by record, records in the order of their
 * first change; a change's reason as its why.  Columns and masking as
 * report_household_history().  Returns the rows written, or -1 with err
 * set.
 */
long report_changes(struct store *s, const struct report_filter *f,
    const char *who, int labels, enum output_format format, unsigned flags,
    FILE *fp, struct error *err);

/*
 * Recognition by village and question across every saved survey round
 * of every store; rows written or -1.
 */
long report_survey(struct store **stores, const char *const *townships,
    size_t nstores, const struct report_filter *filter, int labels,
    int county, enum output_format format, unsigned flags, FILE *fp,
    struct error *err);

/* The store's township: meta "township", else its file name without .db (caller frees). */
char *report_township(struct store *s);

#endif
