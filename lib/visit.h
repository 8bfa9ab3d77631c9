/* visit.h -- household visits (大走访): import and checks; findings in visit_findings.h */
#ifndef RENKE_VISIT_H
#define RENKE_VISIT_H

#include "import.h"
#include "output.h"
#include "store.h"

/* The fields of a visit record, in the order of visit_fields. */
enum visit_field {
	VISIT_HOUSEHOLD, VISIT_DATE, VISIT_VISITOR, VISIT_ROLE, VISIT_ROUND,
	VISIT_FOOD_CLOTHING, VISIT_EDUCATION, VISIT_MEDICAL, VISIT_HOUSING,
	VISIT_DRINKING_WATER, VISIT_INCOME_STABLE, VISIT_INDUSTRY_LINK,
	VISIT_RISK_LEVEL, VISIT_MONITOR_SUGGESTED, VISIT_NOTES,
	VISIT_NFIELDS
};

/* The checks are the fields VISIT_FIRST_CHECK .. VISIT_LAST_CHECK. */
#define VISIT_FIRST_CHECK VISIT_FOOD_CLOTHING
#define VISIT_LAST_CHECK VISIT_INDUSTRY_LINK

extern const struct field_spec visit_fields[VISIT_NFIELDS];

/* What visit_import() needs besides the records. */
struct visit_import_options {
	const char *today;	/* ISO date: no visit may be dated after it */
	/*
	 * When not NULL: every flagged visit of the input is written to it
	 * as an issue record (visit_finding_columns), once every record is
	 * checked and the import is going to be committed (or is a clean
	 * dry run).  Nothing is written when the import fails.
	 */
	struct writer *flagged;
	/* write them as clues of monitoring cases (monitor_case.h) instead */
	int as_cases;
};

/*
 * Check and write the visit records of readers[0..nreaders) as
 * import_run() does (all or nothing, --skip-bad, --upsert, --dry-run),
 * each problem reported through report.  A visit is known by its
 * household, date and visitor: one already stored counts as unchanged
 * or differ (updated with options->upsert); the same visit twice in the
 * input is a bad record.  Returns 0, or -1 with err set; stats is filled
 * either way.
 */
/* Visits as import_run() takes them; its settings are a struct visit_import_options. */
extern const struct import_kind visit_import_kind;

int visit_import(struct store *s, struct reader **readers, size_t nreaders,
    const struct visit_import_options *vo, const struct import_options *options,
    problem_fn *report, void *report_context, progress_fn *progress,
    void *progress_context, struct import_stats *stats, struct error *err);

#endif
