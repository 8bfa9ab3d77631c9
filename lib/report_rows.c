/* report_rows.c -- the summary written as rows: table, csv, json, jsonl, markdown */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"

/* fixed columns of the summary, after township and village */
static const struct column summary_fixed[] = {
	{ "households", N_("households"), COLUMN_INTEGER },
	{ "members", N_("members"), COLUMN_INTEGER },
	{ "lifted", N_("lifted"), COLUMN_INTEGER },
	{ "monitored", N_("monitored"), COLUMN_INTEGER },
	{ "minimum_allowance", N_("minimum allowance"), COLUMN_INTEGER },
	{ "serious_illness", N_("serious illness"), COLUMN_INTEGER },
	{ "extreme_poverty", N_("extreme poverty"), COLUMN_INTEGER },
	{ "ordinary", N_("ordinary"), COLUMN_INTEGER },
};

static const struct column summary_tail[] = {
	{ "issues_opened", N_("issues"), COLUMN_INTEGER },
	{ "issues_repeated", N_("repeats"), COLUMN_INTEGER },
	{ "issues_resolved", N_("resolved"), COLUMN_INTEGER },
	{ "issues_fed_back", N_("fed back"), COLUMN_INTEGER },
	{ "issues_closed", N_("closed"), COLUMN_INTEGER },
	{ "issues_overdue", N_("overdue"), COLUMN_INTEGER },
	{ "median_days_to_resolve", N_("median days"), COLUMN_NUMBER },
	{ "extensions", N_("extensions"), COLUMN_INTEGER },
	{ "meetings_held", N_("meetings held"), COLUMN_INTEGER },
	{ "meetings_required", N_("meetings required"), COLUMN_INTEGER },
	{ "recognition_n", N_("answers"), COLUMN_INTEGER },
	{ "recognition_rate", N_("recognition"), COLUMN_NUMBER },
	{ "recognition_ci_low", N_("low"), COLUMN_NUMBER },
	{ "recognition_ci_high", N_("high"), COLUMN_NUMBER },
	{ "vote", N_("village rules"), COLUMN_TEXT },
};

#define NFIXED (sizeof(summary_fixed) / sizeof(summary_fixed[0]))
#define NTAIL (sizeof(summary_tail) / sizeof(summary_tail[0]))

/*
 * The summary's columns into cols: township, village, the fixed ones,
 * one coverage column per milestone (its name made in names[m]), the
 * tail.  0, or -1 with err set.
 */
static int
summary_columns(const struct report_summary *sum, struct column *cols,
    char **names, struct error *err)
{
	size_t c = 0;

	cols[c++] = (struct column){ "township", N_("township"), COLUMN_TEXT };
	cols[c++] = (struct column){ "village", N_("village"), COLUMN_TEXT };
	for (size_t i = 0; i < NFIXED; i++)
		cols[c++] = summary_fixed[i];
	for (size_t m = 0; m < sum->nmilestones; m++) {
		size_t n = strlen(sum->milestones[m].milestone_id) + 16;

		if ((names[m] = malloc(n)) == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		snprintf(names[m], n, "coverage_%s", sum->milestones[m].milestone_id);
		cols[c++] = (struct column){ names[m], NULL, COLUMN_NUMBER };
	}
	for (size_t i = 0; i < NTAIL; i++)
		cols[c++] = summary_tail[i];
	return 0;
}

/* The n counts as the values v[*c...], their text in num[*c...]. */
static void
put_counts(const long *counts, size_t n, const char **v, char (*num)[32],
    size_t *c)
{
	for (size_t i = 0; i < n; i++, (*c)++) {
		snprintf(num[*c], sizeof(num[*c]), "%ld", counts[i]);
		v[*c] = num[*c];
	}
}

/* The values of row in the summary's columns into v (their text in num). */
static void
summary_values(const struct report_summary *sum, const struct report_village *row,
    int labels, const char **v, char (*num)[32])
{
	long counts[NFIXED] = { row->households, row->members };
	long tail[] = { row->opened, row->repeated, row->resolved, row->fed_back,
	    row->closed, row->overdue };
	long more[] = { row->extensions, row->meetings_held,
	    row->meetings_required, row->survey_n };
	double rates[] = { row->rate, row->ci_low, row->ci_high };
	size_t c = 0;

	v[c++] = row->township;
	v[c++] = strcmp(row->village, "*") == 0 && labels ? _("total") : row->village;
	for (int k = 0; k < REPORT_NCATEGORIES; k++)
		counts[2 + k] = row->category[k];
	put_counts(counts, NFIXED, v, num, &c);
	for (size_t m = 0; m < sum->nmilestones; m++, c++) {
		const struct report_coverage *cv = &row->coverage[m];

		v[c] = NULL;
		if (cv->due == 0)
			continue;
		snprintf(num[c], sizeof(num[c]), labels ? "%.1f%%" : "%.1f",
		    100.0 * (double)cv->visited / (double)cv->due);
		v[c] = num[c];
	}
	put_counts(tail, 6, v, num, &c);
	v[c] = NULL;
	if (row->median_days >= 0) {
		snprintf(num[c], sizeof(num[c]), "%.1f", row->median_days);
		v[c] = num[c];
	}
	c++;
	put_counts(more, 4, v, num, &c);
	for (size_t i = 0; i < 3; i++, c++) {
		v[c] = NULL;
		if (row->survey_n <= 0)
			continue;
		snprintf(num[c], sizeof(num[c]), labels ? "%.1f%%" : "%.4f",
		    labels ? rates[i] * 100 : rates[i]);
		v[c] = num[c];
	}
	v[c++] = report_vote_text(row->vote, labels);
}

int
report_summary_write(const struct report_summary *sum,
    enum output_format format, unsigned flags, int labels, FILE *fp,
    struct error *err)
{
	size_t ncols = 2 + NFIXED + sum->nmilestones + NTAIL;
	struct column *cols = calloc(ncols, sizeof(*cols));
	char **names = calloc(sum->nmilestones + 1, sizeof(char *));
	const char **v = calloc(ncols, sizeof(char *));
	char (*num)[32] = calloc(ncols, sizeof(*num));
	struct writer *w = NULL;
	int rc = -1, skip = sum->county ? 0 : 1;

	if (cols == NULL || names == NULL || v == NULL || num == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	if (summary_columns(sum, cols, names, err) != 0)
		goto out;
	/* one store: no township column */
	if ((w = writer_open(fp, format, cols + skip, ncols - skip, flags, err)) == NULL)
		goto out;
	for (size_t r = 0; r < sum->nvillages; r++) {
		summary_values(sum, &sum->villages[r], labels, v, num);
		if (writer_row(w, v + skip, err) != 0) {
			writer_close(w, NULL);
			w = NULL;
			goto out;
		}
	}
	rc = writer_close(w, err);
	w = NULL;
out:
	if (names != NULL)
		for (size_t m = 0; m < sum->nmilestones; m++)
			free(names[m]);
	free(names);
	free(cols);
	free(v);
	free(num);
	return rc;
}
