/* report_figures.c -- what the summary's charts count, for the page and the workbook alike */
#include <limits.h>
#include <string.h>

#include "report_parts.h"
#include "vocab.h"

const char *const report_age_names[REPORT_NAGES] = {
	N_("0–7 days"), N_("8–15 days"), N_("16–30 days"), N_("31–60 days"),
	N_("over 60 days")
};

/* The code of the nth value of domain in vocab.c order, or NULL. */
static const char *
vocab_nth(const char *domain, size_t nth)
{
	for (size_t i = 0; vocab_table[i].domain != NULL; i++)
		if (strcmp(vocab_table[i].domain, domain) == 0 && nth-- == 0)
			return vocab_table[i].code;
	return NULL;
}

const char *
report_vocab_nth_label(const char *domain, size_t nth)
{
	const char *code = vocab_nth(domain, nth);

	return code != NULL ? vocab_label(domain, code) : "?";
}

long
report_count_add(long a, long b)
{
	if (a < 0)
		a = 0;
	if (b < 0)
		b = 0;
	return a > LONG_MAX - b ? LONG_MAX : a + b;
}

/*
 * The rows the ledger charts add up: the county's total when there is
 * one, else every "*" row, else every village.  first and end bound
 * them; only totals count when totals is set.
 */
static void
ledger_rows(const struct report_summary *s, size_t *first, size_t *end,
    int *totals)
{
	*first = 0;
	*end = s->nvillages;
	*totals = 0;
	if (s->county && s->nvillages > 0) {
		*first = s->nvillages - 1;
		return;
	}
	for (size_t i = 0; i < s->nvillages; i++)
		if (s->villages[i].village != NULL &&
		    strcmp(s->villages[i].village, "*") == 0)
			*totals = 1;
}

/* 1 when row i is among those ledger_rows() chose. */
static int
ledger_row_counts(const struct report_summary *s, size_t i, int totals)
{
	const char *v = s->villages[i].village;

	return !totals || (v != NULL && strcmp(v, "*") == 0);
}

void
report_status_counts(const struct report_summary *s,
    long count[REPORT_NISSUE_CATEGORIES][REPORT_NSTATUSES])
{
	size_t first, last;
	int totals;

	memset(count, 0, sizeof(long) * REPORT_NISSUE_CATEGORIES * REPORT_NSTATUSES);
	ledger_rows(s, &first, &last, &totals);
	for (size_t i = first; i < last; i++) {
		if (!ledger_row_counts(s, i, totals))
			continue;
		for (size_t c = 0; c < REPORT_NISSUE_CATEGORIES; c++)
			for (size_t t = 0; t < REPORT_NSTATUSES; t++)
				count[c][t] = report_count_add(count[c][t],
				    s->villages[i].by_category_status[c][t]);
	}
}

const struct column report_funnel_columns[REPORT_NFUNNEL] = {
	{ "cases_opened", N_("case clues"), COLUMN_INTEGER },
	{ "cases_checked", N_("checked"), COLUMN_INTEGER },
	{ "cases_posted", N_("posted"), COLUMN_INTEGER },
	{ "cases_decided", N_("decided"), COLUMN_INTEGER },
};

void
report_funnel_counts(const struct report_village *v, long count[REPORT_NFUNNEL])
{
	count[0] = v->cases.opened;
	count[1] = v->cases.checked;
	count[2] = v->cases.posted;
	count[3] = v->cases.decided;
}

void
report_age_counts(const struct report_summary *s, long count[REPORT_NAGES])
{
	size_t first, last;
	int totals;

	memset(count, 0, sizeof(long) * REPORT_NAGES);
	ledger_rows(s, &first, &last, &totals);
	for (size_t i = first; i < last; i++)
		if (ledger_row_counts(s, i, totals))
			for (size_t a = 0; a < REPORT_NAGES; a++)
				count[a] = report_count_add(count[a],
				    s->villages[i].open_by_age[a]);
}
