/* coverage.h -- who a visit- or care-coverage milestone covers: one definition for every command */
#ifndef RENKE_COVERAGE_H
#define RENKE_COVERAGE_H

#include "error.h"
#include "output.h"
#include "store.h"

/*
 * The definition.  A household is due for a visit-coverage milestone
 * when the milestone names no categories, or the household is in one of
 * them.  It is covered when it has a visit of the milestone's round
 * dated on or before the milestone's due date, whoever the visitor.
 * It is missing when it is due and not covered: a visit after the due
 * date, or of another round, does not count.  A milestone that names
 * visitor roles is one milestone a role, "id:role", covered only by the
 * visits of that role: the visit's own role, else that of the visitor's
 * assignment (lib/assign.h) to the household or its village.  A
 * milestone that needs the monitoring cases complete (monitor_cases,
 * milestone-add --cases) does not cover a household with a case whose
 * clue came on or before its due date and that had not ended by then
 * (open, or decided or found not eligible after it), whatever its visits.
 * A household missing is late when it has a visit that would have
 * covered it but for its date (after the due date): the milestone was
 * done, late, for it.  Coverage is taken as of a day, today: a visit,
 * or a monitoring case's clue or end, dated after it has not happened
 * yet and counts for nothing, neither on time nor late (the scorecard
 * judges meetings and village rules the same way).  A milestone that
 * falls due after today has not failed yet: its households missing are
 * pending, not missing (coverage_item()).
 *
 * A care-coverage milestone (人文关怀) counts people, not households: a
 * member is due when they carry one of the milestone's tags (孤寡老人,
 * 留守儿童, ...), and counted in the village of the household they
 * belong to; they are covered by a care visit (lib/care.h) dated from
 * the milestone's first day (when it has one) to its due date, of the
 * role asked for as above, the visitor's assignment being to the
 * person's household or its village.  A visit goes with the person: one
 * made before they moved to another household still counts.  A person
 * tagged after the period began is due like every other, and a visit
 * in the period before the tag was recorded counts.  Late and as of
 * today, as above.
 */

/* The sorts of milestone a call asks about. */
#define COVERAGE_VISITS	0x1	/* visit_coverage: households visited */
#define COVERAGE_CARE	0x2	/* care_coverage: people tagged, cared for */

/* One village's coverage of one milestone. */
struct coverage {
	const char *milestone_id;
	const char *title;
	const char *round;
	const char *due_date;
	const char *village;
	long due;		/* households (care: people) due, at least 1 */
	long visited;		/* of them covered */
	long missing;		/* due - visited */
	long late;		/* of the missing, those visited after the due date, by today */
	long pending;		/* of the missing, all when the milestone falls due after today, else 0 */
	double percent;		/* visited * 100 / due */
};

/*
 * The visitor roles a milestone's roles (';'-joined codes) names, at
 * most max, in vocabulary order, into role (static strings): a
 * milestone counts each one's visits separately, as "id:role".
 * Returns how many; 0 for any visitor.
 */
size_t coverage_roles(const char *roles, const char **role, size_t max);

/*
 * What one milestone is in one village, as the scorecard counts its
 * required items: due units (households, or people for care) due,
 * visited of them covered by the due date, late of the rest covered
 * only after it, pending of the rest not yet due (struct coverage).
 * Nothing when none is due; done when every one was covered in time,
 * even before the due date; pending when the rest are not yet due
 * (the milestone has not failed: it is no required item yet); late
 * when the rest were covered after the due date; else missing.
 */
enum coverage_item { COVERAGE_ITEM_NONE, COVERAGE_ITEM_DONE,
	COVERAGE_ITEM_LATE, COVERAGE_ITEM_MISSING, COVERAGE_ITEM_PENDING };
enum coverage_item coverage_item(long due, long visited, long late,
    long pending);

/* Called with each row; returns 0 to go on, or -1 with err set to stop. */
typedef int coverage_fn(void *context, const struct coverage *row,
    struct error *err);

/*
 * Call fn for every village that has households due for the
 * visit-coverage milestone milestone_id, or for every visit-coverage
 * milestone when it is NULL (by due date, then id); villages in the
 * order they were registered; as of today (ISO; NULL: whatever the
 * dates).  The strings of row live until fn returns.  Returns the
 * number of rows, or -1 with err set (EXIT_DATAERR when milestone_id
 * names no visit-coverage milestone).
 */
long coverage_by_village(struct store *s, const char *milestone_id,
    const char *today, coverage_fn *fn, void *context, struct error *err);

/*
 * As coverage_by_village(), for the milestones of kinds (COVERAGE_*):
 * milestone_id may name one of any of them.
 */
long coverage_by_village_of(struct store *s, const char *milestone_id,
    unsigned kinds, const char *today, coverage_fn *fn, void *context,
    struct error *err);

/* A household due and not covered. */
struct coverage_household {
	const char *milestone_id;
	const char *due_date;
	const char *village;
	const char *village_group;	/* NULL if none */
	const char *household_id;
	const char *head_name;		/* NULL if unknown */
	const char *categories;		/* codes, ';' joined */
	const char *last_visit;		/* its latest visit of the round by today (after the due date), or NULL */
	const char *role;		/* the visitor role the milestone asks for, or NULL */
	const char *person;		/* care: the person's name; NULL for a household */
	const char *person_id;		/* care: their ID number (unmasked); NULL for a household */
};

typedef int coverage_household_fn(void *context,
    const struct coverage_household *row, struct error *err);

/*
 * Call fn for every household missing from milestone_id (every
 * visit-coverage milestone when NULL) as of today, by milestone,
 * village, group and household number.  Returns the number of
 * households, or -1 with err set, as coverage_by_village().
 */
long coverage_missing(struct store *s, const char *milestone_id,
    const char *today, coverage_household_fn *fn, void *context,
    struct error *err);

/*
 * As coverage_missing(), for the milestones of kinds (COVERAGE_*): a
 * care milestone's rows are its people missing, by household, each with
 * their household and their latest care visit by today.
 */
long coverage_missing_of(struct store *s, const char *milestone_id,
    unsigned kinds, const char *today, coverage_household_fn *fn,
    void *context, struct error *err);

/*
 * The sorts of milestone (COVERAGE_VISITS, COVERAGE_CARE) that
 * milestone_id is, or that the store has when it is NULL: a mask, 0
 * when none (milestone_id names no such milestone); -1 with err set.
 */
int coverage_kinds(struct store *s, const char *milestone_id,
    struct error *err);

/* visit-log --coverage: milestone, village, due, visited, missing, late, percent. */
#define COVERAGE_NCOLUMNS 7
extern const struct column coverage_columns[COVERAGE_NCOLUMNS];

/*
 * Into out, the columns of coverage_write() over the same milestones:
 * coverage_columns, the due column headed by what those milestones
 * count (households due, people due for care, both when there are both
 * sorts).  0, or -1 with err set.
 */
int coverage_columns_for(struct store *s, const char *milestone_id,
    struct column out[COVERAGE_NCOLUMNS], struct error *err);

/*
 * Write the rows of every visit- and care-coverage milestone (or of
 * milestone_id) as of today to w; returns their number, or -1 with err
 * set.
 */
long coverage_write(struct store *s, const char *milestone_id,
    const char *today, struct writer *w, struct error *err);

/*
 * visit-log --coverage --missing: the households, with their last visit;
 * care: the person, the last column, left out where only households are
 * counted (coverage_kinds() without COVERAGE_CARE).
 */
#define COVERAGE_MISSING_NCOLUMNS 8
extern const struct column coverage_missing_columns[COVERAGE_MISSING_NCOLUMNS];

/*
 * Write the households (care: people) missing from every visit- and
 * care-coverage milestone (or from milestone_id) as of today to w,
 * categories as labels for people when labels is set; returns their
 * number, or -1 with err set.
 */
long coverage_write_missing(struct store *s, const char *milestone_id,
    const char *today, int labels, struct writer *w, struct error *err);

#endif
