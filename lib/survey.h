/* survey.h -- the phone survey: recognition rates, dissatisfied answers, saved rounds */
#ifndef RENKE_SURVEY_H
#define RENKE_SURVEY_H

#include <stddef.h>

#include "error.h"
#include "fields.h"
#include "input.h"
#include "output.h"
#include "store.h"

/*
 * The phone survey (群众认可度电话调查).  A response is one respondent:
 * key columns, then one column per question area, each answered
 * satisfied, basically satisfied, dissatisfied or don't know (blank: no
 * answer).  A survey tallies responses per group of key values and
 * question as they stream by: its memory grows with the groups, not
 * with the responses.  Instead of tallying it can write each
 * dissatisfied answer as an issue-add record, and it can keep the
 * responses in the store under a round, to tally or compare again.
 */

/* The key columns of a response; every other column is a question. */
enum survey_key {
	SURVEY_RESPONDENT, SURVEY_VILLAGE, SURVEY_GROUP, SURVEY_HOUSEHOLD,
	SURVEY_DATE,
	SURVEY_NGROUPING,	/* the keys above can group a tally (--by) */
	SURVEY_PHONE = SURVEY_NGROUPING, SURVEY_ID_NUMBER, SURVEY_NOTE,
	SURVEY_SERIAL,
	SURVEY_NKEYS		/* read and then left alone: never a question */
};

extern const struct field_spec survey_key_fields[SURVEY_NKEYS];

/* An answer as the tally counts it, in the order of the output columns. */
enum survey_answer {
	ANSWER_SATISFIED, ANSWER_BASICALLY, ANSWER_DISSATISFIED,
	ANSWER_DONT_KNOW, ANSWER_NONE, ANSWER_KINDS
};

/* The normal quantile of a two-sided 95% interval. */
#define SURVEY_Z 1.959963984540054

/* Decimals of rates and interval bounds in csv and json output. */
#define SURVEY_DECIMALS 4

struct survey_options {
	enum survey_key by[SURVEY_NGROUPING];	/* the group keys, in order */
	size_t nby;
	/* only these question columns, in this order; NULL: every other column */
	const char *const *questions;
	size_t nquestions;
	long min_n;		/* fewer answers in the rate: low_n */
	int dont_know_counts_against;	/* don't know in the rate's denominator */
	/*
	 * Threads that read a file for a tally: 1 or 2; 0 for two when the
	 * machine has two cores and the file is large.  A tally read by two
	 * threads is the one thread's, byte for byte, problems included.
	 */
	int threads;
};

/*
 * Parse a --by list, key names (or their Chinese headings) separated by
 * commas, or "none", into o->by and o->nby.  Returns 0, or -1 with err
 * set (EXIT_USAGE) naming the word that is no grouping key.
 */
int survey_parse_by(const char *text, struct survey_options *o,
    struct error *err);

/*
 * The Wilson score interval of x successes in n trials at z = SURVEY_Z,
 * bounds kept within [0, 1].  Returns 0, or -1 when n is 0 (no interval).
 */
int survey_wilson(long x, long n, double *low, double *high);

/*
 * Newcombe's interval (his method 10) for the difference p1 - p2 of two
 * rates from their Wilson intervals [l1, u1] and [l2, u2]:
 *   low  = (p1 - p2) - sqrt((p1 - l1)^2 + (u2 - p2)^2)
 *   high = (p1 - p2) + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 * The change is significant at 95% when the interval excludes 0.
 */
void survey_newcombe(double p1, double l1, double u1, double p2, double l2,
    double u2, double *low, double *high);

struct survey;

/* A new, empty survey; options are copied.  NULL with err set when memory runs out. */
struct survey *survey_new(const struct survey_options *options,
    struct error *err);

/* Free sv and everything it holds (NULL is a no-op); a save not ended is rolled back. */
void survey_free(struct survey *sv);

/*
 * From now on write each dissatisfied answer to w, in the columns of
 * survey_issue_columns, instead of tallying; with labels, vocabulary
 * values as labels for people.  w stays the caller's.
 */
void survey_set_issue_writer(struct survey *sv, struct writer *w, int labels);

#define SURVEY_ISSUE_NCOLUMNS 10
extern const struct column survey_issue_columns[SURVEY_ISSUE_NCOLUMNS];

/*
 * Read every record of r into sv.  Each bad record (unreadable, an
 * answer not in the vocabulary, a date that is no date) is reported
 * through report(context, ...), with its file, line and column, and
 * left out.  Returns the number of bad records, or -1 with err set when
 * reading cannot go on (a read error, a second column for the same key
 * or question, a --questions column missing from a CSV header).  A
 * tally (no issue writer, no round being saved) of a CSV file may be
 * read by two threads (options.threads); report is then called from
 * this thread only, in the order of the input.
 */
long survey_read(struct survey *sv, struct reader *r, problem_fn *report,
    void *context, struct error *err);

/* What survey_save_end() did. */
struct survey_save_stats {
	long added;		/* responses new to the round */
	long unchanged;		/* already there, the same */
	long differ;		/* already there (the same respondent), different */
};

/*
 * Keep every response read from now on in the store, in round (created
 * if new, dated today), inside one BEGIN IMMEDIATE transaction; with
 * replace, the round's responses are taken out first (audited).  A
 * response is known in its round by what it is (survey_identity():
 * the day, and the respondent, the household or its content), never by
 * the file or line it was read from.  Returns 0, or -1 with err set.
 */
int survey_save_begin(struct survey *sv, struct store *s, const char *round,
    int replace, const char *today, struct error *err);

/*
 * End the save: with commit, append an audit row and commit; else roll
 * back.  A round is kept whole: nothing read, or a round that held
 * responses and is given others (new, changed or left out) without
 * replace, is refused (EXIT_DATAERR) and rolled back.  Fills stats.
 * Returns 0, or -1 with err set (rolled back).
 */
int survey_save_end(struct survey *sv, int commit,
    struct survey_save_stats *stats, struct error *err);

/*
 * Read the responses of round from the store into sv, as survey_read()
 * reads a file.  Returns 0, or -1 with err set: EXIT_NOINPUT when the
 * store holds no such round.
 */
int survey_load(struct survey *sv, struct store *s, const char *round,
    struct error *err);

/* The columns of the tally (the --by keys, question, n, ...); owned by sv. */
const struct column *survey_tally_columns(const struct survey *sv, size_t *n);

/*
 * Write the tally to w: one row per group and question, worst rate
 * first (no rate last; ties by keys, then question), then the overall
 * row of each question (keys "*").  labels: for people (percentages,
 * vocabulary labels).  Returns the number of rows, or -1 with err set.
 */
long survey_write_tally(struct survey *sv, struct writer *w, int labels,
    struct error *err);

/* The columns of a comparison; owned by sv. */
const struct column *survey_compare_columns(const struct survey *sv,
    size_t *n);

/*
 * Write, for each group and question of now or before (tallied with the
 * same options), both rates, the change and its Newcombe interval, and
 * whether the change is significant; largest fall first, then the
 * overall rows.  Returns the number of rows, or -1 with err set.
 */
long survey_write_compare(struct survey *now, struct survey *before,
    struct writer *w, int labels, struct error *err);

#endif
