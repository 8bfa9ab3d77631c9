/* report_scorecard.c -- the scorecard (八个一推进情况): per village, each action's required items done, a completion rate and a rank */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"

static const struct column scorecard_columns[] = {
	{ "township", N_("township"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "visits_required", N_("1 visits due"), COLUMN_INTEGER },
	{ "visits_done", N_("visits done"), COLUMN_INTEGER },
	{ "visit_coverage", N_("coverage"), COLUMN_NUMBER },
	{ "representatives_required", N_("2 meetings due"), COLUMN_INTEGER },
	{ "representatives_held", N_("held"), COLUMN_INTEGER },
	{ "on_time_rate", N_("3 on-time rate"), COLUMN_NUMBER },
	{ "callback_rate", N_("callback satisfaction"), COLUMN_NUMBER },
	{ "settled_rate", N_("4 settled rate"), COLUMN_NUMBER },
	{ "briefings_required", N_("5 briefings due"), COLUMN_INTEGER },
	{ "briefings_held", N_("held"), COLUMN_INTEGER },
	{ "policy_awareness", N_("policy awareness"), COLUMN_NUMBER },
	{ "courtyard_required", N_("6 groups due"), COLUMN_INTEGER },
	{ "courtyard_held", N_("held"), COLUMN_INTEGER },
	{ "vote", N_("7 village rules"), COLUMN_TEXT },
	{ "rules_in_force", N_("rules in force"), COLUMN_INTEGER },
	{ "rules_delivery_rate", N_("delivered to households"), COLUMN_NUMBER },
	{ "rules_delivery_required", N_("delivery due"), COLUMN_INTEGER },
	{ "rules_delivery_done", N_("delivered in time"), COLUMN_INTEGER },
	{ "models", N_("8 models"), COLUMN_INTEGER },
	{ "boards_posted", N_("boards posted"), COLUMN_INTEGER },
	{ "recognition_n", N_("answers"), COLUMN_INTEGER },
	{ "recognition_rate", N_("recognition"), COLUMN_NUMBER },
	{ "recognition_ci_low", N_("low"), COLUMN_NUMBER },
	{ "recognition_ci_high", N_("high"), COLUMN_NUMBER },
	{ "required", N_("required"), COLUMN_INTEGER },
	{ "done", N_("done"), COLUMN_INTEGER },
	{ "completion_rate", N_("completion"), COLUMN_NUMBER },
	{ "rank", N_("rank"), COLUMN_INTEGER },
	{ "few_answers", N_("few answers"), COLUMN_BOOLEAN },
};

#define NCOLUMNS (sizeof(scorecard_columns) / sizeof(scorecard_columns[0]))

/* meeting kinds, vocab.c order */
enum { KIND_REPRESENTATIVES, KIND_COURTYARD, KIND_BRIEFING };

/* A row's required items: every visit milestone due in it, every meeting a milestone asks for. */
struct card {
	const struct report_village *row;
	long visits_required, visits_done;
	long required, done;
	long rank;		/* villages only; 0 for totals */
	int few;		/* fewer survey answers than min_n */
};

static void
card_count(struct card *c, const struct report_summary *sum, long min_n)
{
	const struct report_village *v = c->row;

	for (size_t m = 0; m < sum->nmilestones; m++)
		if (v->coverage[m].due > 0) {
			c->visits_required++;
			c->visits_done += v->coverage[m].visited >= v->coverage[m].due;
		}
	c->required = c->visits_required + v->meetings_required +
	    v->rules_required;
	c->done = c->visits_done + v->meetings_held + v->rules_done;
	c->few = v->survey_n < min_n;
}

static double
completion(const struct card *c)
{
	return c->required > 0 ? (double)c->done / (double)c->required : -1;
}

/* Villages first by enough answers, then completion, then recognition, then name. */
static int
card_order(const void *a, const void *b)
{
	const struct card *x = *(const struct card *const *)a;
	const struct card *y = *(const struct card *const *)b;
	double cx = completion(x), cy = completion(y);
	int c;

	if (x->few != y->few)
		return x->few - y->few;
	if (cx != cy)
		return cx > cy ? -1 : 1;
	if (x->row->rate != y->row->rate)
		return x->row->rate > y->row->rate ? -1 : 1;
	if ((c = strcmp(x->row->township, y->row->township)) != 0)
		return c;
	return strcmp(x->row->village, y->row->village);
}

/* Rank the villages among themselves (totals are not ranked); 0, or -1. */
static int
rank_cards(struct card *cards, size_t n)
{
	struct card **order = calloc(n + 1, sizeof(*order));
	size_t k = 0;

	if (order == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(cards[i].row->village, "*") != 0)
			order[k++] = &cards[i];
	qsort(order, k, sizeof(*order), card_order);
	for (size_t i = 0; i < k; i++)
		order[i]->rank = (long)i + 1;
	free(order);
	return 0;
}

/* Text of a count, or of nothing to count ("—" for people, none for machines). */
struct cells {
	char num[NCOLUMNS][32];
	const char *v[NCOLUMNS];
	size_t c;
	int labels;
};

static void
put_count(struct cells *t, long n)
{
	snprintf(t->num[t->c], sizeof(t->num[t->c]), "%ld", n);
	t->v[t->c] = t->num[t->c];
	t->c++;
}

/* A rate of part in whole; nothing required (whole 0) is "—", not 100%. */
static void
put_rate(struct cells *t, long part, long whole)
{
	t->v[t->c] = t->labels ? "—" : NULL;
	if (whole > 0) {
		double r = (double)part / (double)whole;

		snprintf(t->num[t->c], sizeof(t->num[t->c]), t->labels ? "%.1f%%" :
		    "%.4f", t->labels ? r * 100 : r);
		t->v[t->c] = t->num[t->c];
	}
	t->c++;
}

/* A pair held/required: both, or "—" twice when nothing is required. */
static void
put_pair(struct cells *t, long required, long held)
{
	if (required == 0) {
		t->v[t->c++] = t->labels ? "—" : NULL;
		t->v[t->c++] = t->labels ? "—" : NULL;
		return;
	}
	put_count(t, required);
	put_count(t, held);
}

/*
 * Action 7 after the vote: whether the village's own rules are in force
 * (for a total, in how many villages) and the share of the households
 * of those villages they were delivered to; "—" when none is in force.
 */
static void
put_rules(struct cells *t, const struct report_village *v)
{
	if (t->labels && strcmp(v->village, "*") != 0)
		t->v[t->c++] = v->rules_in_force ? _("yes") : _("no");
	else
		put_count(t, v->rules_in_force);
	put_rate(t, v->rules_delivered, v->rules_households);
}

static void
card_values(const struct card *card, const struct report_summary *sum,
    struct cells *t)
{
	const struct report_village *v = card->row;
	long visited = 0, due = 0;

	for (size_t m = 0; m < sum->nmilestones; m++) {
		due += v->coverage[m].due;
		visited += v->coverage[m].visited;
	}
	t->c = 0;
	t->v[t->c++] = v->township;
	t->v[t->c++] = strcmp(v->village, "*") == 0 && t->labels ? _("total") :
	    v->village;
	put_pair(t, card->visits_required, card->visits_done);
	put_rate(t, visited, due);
	put_pair(t, v->kind_required[KIND_REPRESENTATIVES],
	    v->kind_held[KIND_REPRESENTATIVES]);
	put_rate(t, v->on_time, v->due);
	put_rate(t, v->pleased, v->reached);
	put_rate(t, v->settled, v->disputes);
	put_pair(t, v->kind_required[KIND_BRIEFING], v->kind_held[KIND_BRIEFING]);
	put_rate(t, v->policy_aware, v->policy_n);
	put_pair(t, v->kind_required[KIND_COURTYARD], v->kind_held[KIND_COURTYARD]);
	t->v[t->c] = report_vote_text(v->vote, t->labels);
	if (t->v[t->c] == NULL && t->labels)
		t->v[t->c] = "—";
	t->c++;
	put_rules(t, v);
	put_pair(t, v->rules_required, v->rules_done);
	put_count(t, v->honours);
	put_count(t, v->boards_posted);
	put_count(t, v->survey_n);
	if (v->survey_n > 0) {
		put_rate(t, v->survey_yes, v->survey_n);
		t->v[t->c] = t->num[t->c];
		snprintf(t->num[t->c++], 32, t->labels ? "%.1f%%" : "%.4f",
		    t->labels ? v->ci_low * 100 : v->ci_low);
		t->v[t->c] = t->num[t->c];
		snprintf(t->num[t->c++], 32, t->labels ? "%.1f%%" : "%.4f",
		    t->labels ? v->ci_high * 100 : v->ci_high);
	} else {
		for (int k = 0; k < 3; k++)
			t->v[t->c++] = t->labels ? "—" : NULL;
	}
	put_count(t, card->required);
	put_count(t, card->done);
	put_rate(t, card->done, card->required);
	if (card->rank > 0)
		put_count(t, card->rank);
	else
		t->v[t->c++] = NULL;
	t->v[t->c++] = strcmp(v->village, "*") == 0 ? NULL : card->few ?
	    (t->labels ? _("yes") : "true") : (t->labels ? _("no") : "false");
}

long
report_scorecard(struct report_source *src, const char *const *files,
    size_t nfiles, const struct report_filter *f, long min_n, int labels,
    enum output_format format, unsigned flags, FILE *fp, struct error *err)
{
	struct report_summary sum;
	struct card *cards = NULL;
	struct writer *w = NULL;
	struct cells t;
	int county;
	long rows = -1;

	if ((src != NULL ? report_summary_start(src, f, &sum, err) :
	    report_rollup_start(files, nfiles, &sum, err)) != 0)
		return -1;
	county = sum.county;
	if ((src != NULL ? report_summary_rows(src, f, &sum, report_summary_keep,
	    &sum, err) : report_rollup_rows(files, nfiles, &sum,
	    report_summary_keep, &sum, err)) != 0)
		goto out;
	if ((cards = calloc(sum.nvillages + 1, sizeof(*cards))) == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	{
		/* a total's items are its villages' (rows come villages first) */
		long town[4] = { 0 }, all[4] = { 0 };

		for (size_t i = 0; i < sum.nvillages; i++) {
			struct card *c = &cards[i];
			long *add = NULL;

			c->row = &sum.villages[i];
			card_count(c, &sum, min_n);
			if (strcmp(c->row->township, "*") == 0)
				add = all;
			else if (strcmp(c->row->village, "*") == 0)
				add = town;
			if (add != NULL) {
				c->visits_required = add[0];
				c->visits_done = add[1];
				c->required = add[2];
				c->done = add[3];
				if (add == town)
					for (int k = 0; k < 4; k++) {
						all[k] += town[k];
						town[k] = 0;
					}
				continue;
			}
			town[0] += c->visits_required;
			town[1] += c->visits_done;
			town[2] += c->required;
			town[3] += c->done;
		}
	}
	if (rank_cards(cards, sum.nvillages) != 0) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	if ((w = writer_open(fp, format, scorecard_columns + (county ? 0 : 1),
	    NCOLUMNS - (county ? 0 : 1), flags, err)) == NULL)
		goto out;
	t.labels = labels;
	for (size_t i = 0; i < sum.nvillages; i++) {
		card_values(&cards[i], &sum, &t);
		if (writer_row(w, t.v + (county ? 0 : 1), err) != 0) {
			writer_close(w, NULL);
			w = NULL;
			rows = err->status == EXIT_OK && err->text[0] == '\0' ? 0 : -1;
			goto out;
		}
	}
	rows = writer_close(w, err) == 0 ? (long)sum.nvillages : -1;
	w = NULL;
out:
	writer_close(w, NULL);
	free(cards);
	report_summary_free(&sum);
	return rows;
}
