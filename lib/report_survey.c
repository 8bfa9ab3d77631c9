/* report_survey.c -- recognition by village and question across every saved survey round */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"
#include "survey.h"
#include "vocab.h"

static const struct column survey_report_columns[] = {
	{ "round", N_("round"), COLUMN_TEXT },
	{ "saved_on", N_("saved"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "question", N_("question"), COLUMN_TEXT },
	{ "n", N_("n"), COLUMN_INTEGER },
	{ "satisfied", N_("satisfied"), COLUMN_INTEGER },
	{ "basically_satisfied", N_("basically"), COLUMN_INTEGER },
	{ "dissatisfied", N_("dissatisfied"), COLUMN_INTEGER },
	{ "dont_know", N_("don't know"), COLUMN_INTEGER },
	{ "rate", N_("rate"), COLUMN_NUMBER },
	{ "ci_low", N_("low"), COLUMN_NUMBER },
	{ "ci_high", N_("high"), COLUMN_NUMBER },
};

/* The text of a row's counts and rate. */
struct counts_text {
	char num[5][32], rate[3][32];
};

/*
 * Counts c (answers in the rate, satisfied, basically satisfied,
 * dissatisfied, don't know) and the rate with its 95% interval as
 * v[5..13), their text in t; no rate (NULL) when no answer counts.
 */
static void
counts_values(const long *c, int labels, const char **v, struct counts_text *t)
{
	long yes = c[1] + c[2], in_rate = c[1] + c[2] + c[3];
	double lo, hi;

	for (int k = 0; k < 5; k++) {
		snprintf(t->num[k], sizeof(t->num[k]), "%ld", c[k]);
		v[5 + k] = t->num[k];
	}
	if (survey_wilson(yes, in_rate, &lo, &hi) != 0) {
		v[10] = v[11] = v[12] = NULL;
		return;
	}
	{
		double r3[3] = { (double)yes / (double)in_rate, lo, hi };

		for (int k = 0; k < 3; k++) {
			snprintf(t->rate[k], sizeof(t->rate[k]), labels ? "%.1f%%" :
			    "%.4f", labels ? r3[k] * 100 : r3[k]);
			v[10 + k] = t->rate[k];
		}
	}
}

/*
 * Write the rows of store s (of township) to w, adding them to *rows
 * and their counts to total.  0, or -1 with err set (status 0 when the
 * reader closed the pipe).
 */
static int
store_survey(struct store *s, const char *township,
    const struct report_filter *f, int labels, struct writer *w, int skip,
    long *total, long *rows, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT o.name, o.saved_on, "
	    "coalesce(r.village, '*'), a.question, "
	    "count(*) FILTER (WHERE a.answer = 'satisfied' OR "
	    "a.answer = 'basically_satisfied' OR a.answer = 'dissatisfied'), "
	    "count(*) FILTER (WHERE a.answer = 'satisfied'), "
	    "count(*) FILTER (WHERE a.answer = 'basically_satisfied'), "
	    "count(*) FILTER (WHERE a.answer = 'dissatisfied'), "
	    "count(*) FILTER (WHERE a.answer = 'dont_know') "
	    "FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
	    "JOIN survey_round o ON o.id = r.round_id "
	    "WHERE (?1 IS NULL OR r.village = ?1) "
	    "GROUP BY o.id, r.village, a.question "
	    "ORDER BY r.village, a.question, o.saved_on, o.id", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, f->village, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[13];
		struct counts_text t;
		long c[5];

		v[0] = township;
		for (int k = 0; k < 4; k++)
			v[k + 1] = (const char *)sqlite3_column_text(st, k);
		if (labels && vocab_code("survey_question", v[4]) != NULL)
			v[4] = vocab_label("survey_question", v[4]);
		for (int k = 0; k < 5; k++) {
			c[k] = sqlite3_column_int64(st, 4 + k);
			total[k] += c[k];
		}
		counts_values(c, labels, v, &t);
		if (writer_row(w, v + skip, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		(*rows)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* What report_survey() carries from store to store. */
struct survey_run {
	const struct report_filter *f;
	int labels, skip;
	struct report_late_writer out;	/* opened with the first store that opens */
	struct column *cols;
	long rows, total[5];
};

/* A report_store_fn: the store's rounds. */
static int
survey_store(void *context, struct store *s, const char *township,
    struct error *err)
{
	struct survey_run *r = context;

	if (report_late_open(&r->out, err) != 0 || store_survey(s, township, r->f,
	    r->labels, r->out.w, r->skip, r->total, &r->rows, err) != 0)
		return -1;
	return 0;
}

long
report_survey(struct report_source *src, const struct report_filter *f,
    int labels, int county, enum output_format format, unsigned flags,
    FILE *fp, struct error *err)
{
	size_t n = sizeof(survey_report_columns) / sizeof(survey_report_columns[0]);
	struct survey_run r = { f, labels, county ? 0 : 1,
	    { fp, format, flags, NULL, n + 1 - (county ? 0 : 1), NULL },
	    NULL, 0, { 0 } };

	if ((r.cols = report_with_township(survey_report_columns, n)) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	r.out.columns = r.cols + r.skip;
	if (report_each_store(src, survey_store, &r, err) != 0 ||
	    report_late_open(&r.out, err) != 0)
		goto fail;
	if (county) {
		/* the total row: every answer of every township pooled */
		const char *v[13] = { "*", "*", NULL, "*", "*" };
		struct counts_text t;

		counts_values(r.total, labels, v, &t);
		if (writer_row(r.out.w, v, err) != 0)
			goto fail;
	}
	r.rows = writer_close(r.out.w, err) == 0 ? r.rows : -1;
	free(r.cols);
	return r.rows;
fail:
	writer_close(r.out.w, NULL);
	free(r.cols);
	return err->status == EXIT_OK && err->text[0] == '\0' ? r.rows : -1;
}
