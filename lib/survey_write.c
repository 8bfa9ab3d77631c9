/* survey_write.c -- the tally and the comparison of rounds, as rows out */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey_model.h"
#include "vocab.h"

/* Table headings of the grouping keys. */
static const char *const key_labels[SURVEY_NGROUPING] = {
	N_("respondent"), N_("village"), N_("group"), N_("household"), N_("date"),
};

static const struct column tally_columns[TALLY_NCOLUMNS] = {
	{ "question", N_("question"), COLUMN_TEXT },
	{ "n", N_("n"), COLUMN_INTEGER },
	{ "satisfied", N_("satisfied"), COLUMN_INTEGER },
	{ "basically_satisfied", N_("basically satisfied"), COLUMN_INTEGER },
	{ "dissatisfied", N_("dissatisfied"), COLUMN_INTEGER },
	{ "dont_know", N_("don't know"), COLUMN_INTEGER },
	{ "no_answer", N_("no answer"), COLUMN_INTEGER },
	{ "rate", N_("rate"), COLUMN_NUMBER },
	/* xgettext:no-c-format */
	{ "ci_low", N_("95% low"), COLUMN_NUMBER },
	/* xgettext:no-c-format */
	{ "ci_high", N_("95% high"), COLUMN_NUMBER },
	{ "low_n", N_("low n"), COLUMN_BOOLEAN },
};

static const struct column compare_columns[COMPARE_NCOLUMNS] = {
	{ "question", N_("question"), COLUMN_TEXT },
	{ "earlier_n", N_("earlier n"), COLUMN_INTEGER },
	{ "earlier_rate", N_("earlier rate"), COLUMN_NUMBER },
	{ "n", N_("n"), COLUMN_INTEGER },
	{ "rate", N_("rate"), COLUMN_NUMBER },
	{ "change", N_("change"), COLUMN_NUMBER },
	/* xgettext:no-c-format */
	{ "change_low", N_("95% low"), COLUMN_NUMBER },
	/* xgettext:no-c-format */
	{ "change_high", N_("95% high"), COLUMN_NUMBER },
	{ "significant", N_("significant"), COLUMN_BOOLEAN },
};

void
survey_columns_init(struct survey *sv)
{
	size_t n = 0;

	for (size_t i = 0; i < sv->opt.nby; i++) {
		enum survey_key k = sv->opt.by[i];

		sv->columns[n].name = sv->compare[n].name = survey_key_fields[k].name;
		sv->columns[n].label = sv->compare[n].label = key_labels[k];
		sv->columns[n].type = sv->compare[n].type = COLUMN_TEXT;
		n++;
	}
	memcpy(&sv->columns[n], tally_columns, sizeof(tally_columns));
	memcpy(&sv->compare[n], compare_columns, sizeof(compare_columns));
}

#define OVERALL UINT32_MAX	/* the group of an overall row */

/* One output row: a group (or, overall, none) and a question; 32 bytes. */
struct tally_row {
	const char *key;	/* the group's key, or NULL for the overall row */
	uint32_t key_len;
	uint32_t group;		/* index, or OVERALL */
	uint32_t question;
	long success, n;	/* the rate is success / n */
};

/* A row of a comparison: the rate now, and the rate before. */
struct change_row {
	struct tally_row row;
	long earlier_success, earlier_n;
	int both;		/* both rounds have a rate */
	double change;
};

const struct column *
survey_tally_columns(const struct survey *sv, size_t *n)
{
	*n = sv->opt.nby + TALLY_NCOLUMNS;
	return sv->columns;
}

const struct column *
survey_compare_columns(const struct survey *sv, size_t *n)
{
	*n = sv->opt.nby + COMPARE_NCOLUMNS;
	return sv->compare;
}

static void
rate_of(const struct survey *sv, const long *count, long *success, long *n)
{
	*success = count[ANSWER_SATISFIED] + count[ANSWER_BASICALLY];
	*n = *success + count[ANSWER_DISSATISFIED];
	if (sv->opt.dont_know_counts_against)
		*n += count[ANSWER_DONT_KNOW];
}

/* Order of keys (bytes, key by key: they are NUL-separated), then question; overall last. */
static int
compare_keys(const struct tally_row *a, const struct tally_row *b)
{
	int c;

	if ((a->key == NULL) != (b->key == NULL))
		return a->key == NULL ? 1 : -1;
	if (a->key != NULL) {
		c = memcmp(a->key, b->key, a->key_len < b->key_len ? a->key_len :
		    b->key_len);
		if (c != 0)
			return c;
		if (a->key_len != b->key_len)
			return a->key_len < b->key_len ? -1 : 1;
	}
	return a->question < b->question ? -1 : a->question > b->question;
}

/* Worst rate first, exactly (cross products), no rate last; overall rows after all. */
static int
compare_tally_rows(const void *pa, const void *pb)
{
	const struct tally_row *a = pa, *b = pb;

	if ((a->key == NULL) != (b->key == NULL))
		return a->key == NULL ? 1 : -1;
	if ((a->n > 0) != (b->n > 0))
		return a->n > 0 ? -1 : 1;
	if (a->n > 0) {
		long double x = (long double)a->success * b->n,
		    y = (long double)b->success * a->n;

		if (x != y)
			return x < y ? -1 : 1;
	}
	return compare_keys(a, b);
}

/* Largest fall first, no change last; overall rows after all. */
static int
compare_change_rows(const void *pa, const void *pb)
{
	const struct change_row *a = pa, *b = pb;

	if ((a->row.key == NULL) != (b->row.key == NULL))
		return a->row.key == NULL ? 1 : -1;
	if (a->both != b->both)
		return a->both ? -1 : 1;
	if (a->both && a->change != b->change)
		return a->change < b->change ? -1 : 1;
	return compare_keys(&a->row, &b->row);
}

/* A fraction to 4 decimals for programs, a percentage for people. */
static const char *
fraction(double v, int labels, char *out, size_t size)
{
	if (labels)
		snprintf(out, size, "%.1f%%", v * 100);
	else
		snprintf(out, size, "%.*f", SURVEY_DECIMALS, v);
	/* no "-0.0000" */
	if (out[0] == '-' && strspn(out, "-0.%") == strlen(out))
		memmove(out, out + 1, strlen(out));
	return out;
}

/* A boolean cell: "true"/"false" for programs, "yes"/blank for people. */
static const char *
truth(int yes, int labels)
{
	if (labels)
		return yes ? _("yes") : "";
	return yes ? "true" : "false";
}

/* The key values of row into v[0..nby): split at NULs, "*" for overall. */
static void
key_values(const struct survey *sv, const struct tally_row *row, int labels,
    const char **v)
{
	const char *p = row->key;

	for (size_t i = 0; i < sv->opt.nby; i++) {
		if (p == NULL) {
			v[i] = labels ? _("(all)") : "*";
			continue;
		}
		v[i] = *p != '\0' ? p : NULL;
		p += strlen(p) + 1;
	}
}

static const char *
question_label(const struct question *q, int labels)
{
	if (labels && q->code != NULL)
		return vocab_label("survey_question", q->code);
	return q->name;
}

/* Add the counts of every group for question q into count. */
static void
overall_counts(const struct survey *sv, size_t q, long *count)
{
	memset(count, 0, ANSWER_KINDS * sizeof(long));
	for (size_t g = 0; g < sv->ngroups; g++)
		for (int a = 0; a < ANSWER_KINDS; a++)
			count[a] += survey_counts_of(sv, g, q)[a];
}

/* The counts of row's group (or of all) for its question, into count. */
static void
row_counts(const struct survey *sv, const struct tally_row *row, long *count)
{
	if (row->group == OVERALL)
		overall_counts(sv, row->question, count);
	else
		memcpy(count, survey_counts_of(sv, row->group, row->question),
		    ANSWER_KINDS * sizeof(long));
}

/* 1 when count holds any response at all (blank answers too). */
static int
any_response(const long *count)
{
	for (int a = 0; a < ANSWER_KINDS; a++)
		if (count[a] > 0)
			return 1;
	return 0;
}

/* Row g (OVERALL: all of them) and question q of sv into row. */
static void
row_of(const struct survey *sv, size_t g, size_t q, struct tally_row *row,
    long *count)
{
	row->group = g == sv->ngroups ? OVERALL : (uint32_t)g;
	row->question = (uint32_t)q;
	row->key = NULL;
	row->key_len = 0;
	if (row->group != OVERALL) {
		row->key = sv->keys.data != NULL ? sv->keys.data + sv->groups[g].key : "";
		row->key_len = (uint32_t)sv->groups[g].len;
	}
	row_counts(sv, row, count);
	rate_of(sv, count, &row->success, &row->n);
}

/*
 * The rows of a tally: every group and question that had the question's
 * column, then (when there are keys) the overall row of each question.
 */
static struct tally_row *
tally_rows(struct survey *sv, size_t *nrows)
{
	size_t n = 0, groups = sv->ngroups + (sv->opt.nby > 0);
	struct tally_row *rows = calloc(groups * sv->nquestions + 1, sizeof(*rows));
	long count[ANSWER_KINDS];

	if (rows == NULL)
		return NULL;
	for (size_t g = 0; g < groups; g++)
		for (size_t q = 0; q < sv->nquestions; q++) {
			row_of(sv, g, q, &rows[n], count);
			if (any_response(count))
				n++;
		}
	*nrows = n;
	return rows;
}

long
survey_write_tally(struct survey *sv, struct writer *w, int labels,
    struct error *err)
{
	size_t nrows;
	struct tally_row *rows;
	char numbers[TALLY_NCOLUMNS][32];
	const char *v[SURVEY_NGROUPING + TALLY_NCOLUMNS];
	long written = 0, count[ANSWER_KINDS];

	if (sv->ngroups >= OVERALL || (rows = tally_rows(sv, &nrows)) == NULL)
		return survey_nomem(err);
	qsort(rows, nrows, sizeof(*rows), compare_tally_rows);
	for (size_t i = 0; i < nrows; i++) {
		const struct tally_row *row = &rows[i];
		const char **t = v + sv->opt.nby;
		double low, high;

		key_values(sv, row, labels, v);
		row_counts(sv, row, count);
		t[TALLY_QUESTION] = question_label(&sv->questions[row->question], labels);
		snprintf(numbers[TALLY_N], 32, "%ld", row->n);
		t[TALLY_N] = numbers[TALLY_N];
		for (int a = 0; a < ANSWER_KINDS; a++) {
			snprintf(numbers[TALLY_SATISFIED + a], 32, "%ld", count[a]);
			t[TALLY_SATISFIED + a] = numbers[TALLY_SATISFIED + a];
		}
		t[TALLY_RATE] = t[TALLY_CI_LOW] = t[TALLY_CI_HIGH] = NULL;
		if (survey_wilson(row->success, row->n, &low, &high) == 0) {
			t[TALLY_RATE] = fraction((double)row->success / row->n, labels,
			    numbers[TALLY_RATE], 32);
			t[TALLY_CI_LOW] = fraction(low, labels, numbers[TALLY_CI_LOW], 32);
			t[TALLY_CI_HIGH] = fraction(high, labels, numbers[TALLY_CI_HIGH],
			    32);
		}
		t[TALLY_LOW_N] = truth(row->n < sv->opt.min_n, labels);
		if (writer_row(w, v, err) != 0) {
			free(rows);
			return -1;
		}
		written++;
	}
	free(rows);
	return written;
}

/* The counts of before's group with the key of row (NULL: overall) for question. */
static void
earlier_counts(const struct survey *before, const struct tally_row *row,
    const char *question, long *count)
{
	long q = survey_question_find(before, question), g;

	memset(count, 0, ANSWER_KINDS * sizeof(long));
	if (q < 0)
		return;
	if (row->key == NULL)
		overall_counts(before, (size_t)q, count);
	else if ((g = survey_group_lookup(before, row->key, row->key_len)) >= 0)
		memcpy(count, survey_counts_of(before, (size_t)g, (size_t)q),
		    ANSWER_KINDS * sizeof(long));
}

/* The rows of a comparison: tally_rows() of now, with before's side. */
static struct change_row *
compare_rows(struct survey *now, struct survey *before, size_t *nrows)
{
	struct change_row *rows;
	size_t n = 0, groups;
	long count[ANSWER_KINDS], earlier[ANSWER_KINDS];

	/* the groups and questions only before had become now's, with no answers */
	for (size_t q = 0; q < before->nquestions; q++)
		if (survey_question_find(now, before->questions[q].name) < 0 &&
		    survey_question_add(now, before->questions[q].name) < 0)
			return NULL;
	for (size_t g = 0; g < before->ngroups; g++)
		if (survey_group_get(now, before->keys.data != NULL ?
		    before->keys.data + before->groups[g].key : "",
		    before->groups[g].len) < 0)
			return NULL;
	if (now->ngroups >= OVERALL)
		return NULL;
	groups = now->ngroups + (now->opt.nby > 0);
	if ((rows = calloc(groups * now->nquestions + 1, sizeof(*rows))) == NULL)
		return NULL;
	for (size_t g = 0; g < groups; g++)
		for (size_t q = 0; q < now->nquestions; q++) {
			struct change_row *c = &rows[n];

			row_of(now, g, q, &c->row, count);
			earlier_counts(before, &c->row, now->questions[q].name, earlier);
			if (!any_response(count) && !any_response(earlier))
				continue;
			rate_of(now, earlier, &c->earlier_success, &c->earlier_n);
			c->both = c->row.n > 0 && c->earlier_n > 0;
			c->change = 0;
			if (c->both)
				c->change = (double)c->row.success / c->row.n -
				    (double)c->earlier_success / c->earlier_n;
			n++;
		}
	*nrows = n;
	return rows;
}

long
survey_write_compare(struct survey *now, struct survey *before,
    struct writer *w, int labels, struct error *err)
{
	size_t nrows;
	struct change_row *rows = compare_rows(now, before, &nrows);
	char numbers[COMPARE_NCOLUMNS][32];
	const char *v[SURVEY_NGROUPING + COMPARE_NCOLUMNS];
	long written = 0;

	if (rows == NULL)
		return survey_nomem(err);
	qsort(rows, nrows, sizeof(*rows), compare_change_rows);
	for (size_t i = 0; i < nrows; i++) {
		const struct change_row *c = &rows[i];
		const struct tally_row *row = &c->row;
		const char **t = v + now->opt.nby;
		double l1, u1, l2, u2;

		key_values(now, row, labels, v);
		t[COMPARE_QUESTION] = question_label(&now->questions[row->question],
		    labels);
		snprintf(numbers[COMPARE_EARLIER_N], 32, "%ld", c->earlier_n);
		snprintf(numbers[COMPARE_N], 32, "%ld", row->n);
		t[COMPARE_EARLIER_N] = numbers[COMPARE_EARLIER_N];
		t[COMPARE_N] = numbers[COMPARE_N];
		t[COMPARE_EARLIER_RATE] = t[COMPARE_RATE] = NULL;
		t[COMPARE_CHANGE] = t[COMPARE_CHANGE_LOW] = t[COMPARE_CHANGE_HIGH] = NULL;
		t[COMPARE_SIGNIFICANT] = NULL;
		if (c->earlier_n > 0)
			t[COMPARE_EARLIER_RATE] = fraction((double)c->earlier_success /
			    c->earlier_n, labels, numbers[COMPARE_EARLIER_RATE], 32);
		if (row->n > 0)
			t[COMPARE_RATE] = fraction((double)row->success / row->n, labels,
			    numbers[COMPARE_RATE], 32);
		if (c->both && survey_wilson(row->success, row->n, &l1, &u1) == 0 &&
		    survey_wilson(c->earlier_success, c->earlier_n, &l2, &u2) == 0) {
			double low, high;

			survey_newcombe((double)row->success / row->n, l1, u1,
			    (double)c->earlier_success / c->earlier_n, l2, u2,
			    &low, &high);
			t[COMPARE_CHANGE] = fraction(c->change, labels,
			    numbers[COMPARE_CHANGE], 32);
			t[COMPARE_CHANGE_LOW] = fraction(low, labels,
			    numbers[COMPARE_CHANGE_LOW], 32);
			t[COMPARE_CHANGE_HIGH] = fraction(high, labels,
			    numbers[COMPARE_CHANGE_HIGH], 32);
			t[COMPARE_SIGNIFICANT] = truth(low > 0 || high < 0, labels);
		}
		if (writer_row(w, v, err) != 0) {
			free(rows);
			return -1;
		}
		written++;
	}
	free(rows);
	return written;
}

