/* evaluation.h -- neighbour evaluations (邻里互评) and village-rule ballots (村规民约表决) */
#ifndef RENKE_EVALUATION_H
#define RENKE_EVALUATION_H

#include <stddef.h>

#include "error.h"
#include "input.h"
#include "output.h"
#include "vote.h"

/*
 * Two more readings of rows that survey-tally makes: the mean score of
 * each household from its neighbours' evaluations, ranked by village,
 * and the vote of the villagers' representatives on the village rules.
 * Each reads records as survey_read() does (survey.h) and writes rows.
 */

/* ---- neighbour evaluations (邻里互评) ---- */

struct evaluation_options {
	long scale_low, scale_high;	/* a score is a whole number in it */
	long min_n;		/* fewer evaluators: not ranked, on no list */
	long red, black;	/* each village's top and bottom N (0: none) */
};

struct evaluation;

/* A new, empty evaluation; NULL with err set when memory runs out. */
struct evaluation *evaluation_new(const struct evaluation_options *options,
    struct error *err);

/* Free ev (NULL is a no-op). */
void evaluation_free(struct evaluation *ev);

/*
 * Read every evaluation row of r into ev; each bad row is reported
 * through report(context, ...) and left out.  Returns the number of bad
 * rows, or -1 with err set when reading cannot go on.
 */
long evaluation_read(struct evaluation *ev, struct reader *r,
    problem_fn *report, void *context, struct error *err);

#define EVALUATION_NCOLUMNS 15
extern const struct column evaluation_columns[EVALUATION_NCOLUMNS];

/*
 * Write every household (or, with red or black, only those on a list)
 * by village, then rank.  Returns the number of rows, or -1 with err set.
 */
long evaluation_write(struct evaluation *ev, struct writer *w, int labels,
    struct error *err);

/* ---- village-rule ballots (村规民约表决) ---- */

struct ballot;

/* A new ballot of representatives in office; NULL with err set. */
struct ballot *ballot_new(long representatives, struct error *err);

/* Free b (NULL is a no-op). */
void ballot_free(struct ballot *b);

/* As evaluation_read(), for one row per representative present: name, vote. */
long ballot_read(struct ballot *b, struct reader *r, problem_fn *report,
    void *context, struct error *err);

#define BALLOT_NCOLUMNS 7
extern const struct column ballot_columns[BALLOT_NCOLUMNS];

/*
 * Decide the vote of the representatives read so far (vote_decide()).
 * Returns 0, or -1 with err set (EXIT_DATAERR: more present than
 * representatives in office).
 */
int ballot_result(const struct ballot *b, struct vote_result *out,
    struct error *err);

/* Write result as one row.  Returns 1, or -1 with err set. */
long ballot_write(const struct vote_result *result, struct writer *w,
    int labels, struct error *err);

#endif
