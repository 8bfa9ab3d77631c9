/* report_village.c -- a row of the summary as a value: made, added, finished, copied, freed */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "report_parts.h"
#include "survey.h"
#include "text.h"

/* A row of township and village, empty, with room for nmilestones; 0 or -1. */
int
report_row_init(struct report_village *p, const char *township, const char *village,
    size_t nmilestones)
{
	memset(p, 0, sizeof(*p));
	p->township = strdup(township);
	p->village = strdup(village);
	p->median_days = -1;
	p->coverage = calloc(nmilestones + 1, sizeof(struct report_coverage));
	return p->township == NULL || p->village == NULL || p->coverage == NULL ?
	    -1 : 0;
}

void
report_row_free(struct report_village *v)
{
	free(v->township);
	free(v->village);
	free(v->coverage);
	free(v->vote);
	report_days_free(&v->days);
	report_cases_free(&v->cases);
}

/* The rate of v's survey answers, with its Wilson interval. */
static void
finish_rate(struct report_village *v)
{
	if (v->survey_n <= 0 || survey_wilson(v->survey_yes, v->survey_n,
	    &v->ci_low, &v->ci_high) != 0) {
		v->survey_n = v->survey_yes = 0;
		v->rate = v->ci_low = v->ci_high = 0;
		return;
	}
	v->rate = (double)v->survey_yes / (double)v->survey_n;
}

/* Add row from into total (every count; the rate as counts; the days); 0 or -1. */
int
report_row_add(struct report_village *total, const struct report_village *from,
    size_t nmilestones)
{
	total->households += from->households;
	total->members += from->members;
	for (int k = 0; k < REPORT_NCATEGORIES; k++)
		total->category[k] += from->category[k];
	for (size_t m = 0; m < nmilestones; m++) {
		total->coverage[m].due += from->coverage[m].due;
		total->coverage[m].visited += from->coverage[m].visited;
		total->coverage[m].late += from->coverage[m].late;
		total->coverage[m].pending += from->coverage[m].pending;
	}
	total->opened += from->opened;
	total->repeated += from->repeated;
	total->resolved += from->resolved;
	total->fed_back += from->fed_back;
	total->closed += from->closed;
	total->overdue += from->overdue;
	total->extensions += from->extensions;
	total->meetings_held += from->meetings_held;
	for (int k = 0; k < REPORT_NMEETING_KINDS; k++) {
		total->kind_required[k] += from->kind_required[k];
		total->kind_held[k] += from->kind_held[k];
		total->kind_late[k] += from->kind_late[k];
		total->kind_pending[k] += from->kind_pending[k];
		total->kind_suggestions[k] += from->kind_suggestions[k];
		total->kind_answered[k] += from->kind_answered[k];
	}
	total->due += from->due;
	total->on_time += from->on_time;
	total->reached += from->reached;
	total->pleased += from->pleased;
	total->disputes += from->disputes;
	total->settled += from->settled;
	total->misconduct += from->misconduct;
	total->misconduct_closed += from->misconduct_closed;
	total->posts_placed += from->posts_placed;
	total->jobs_placed += from->jobs_placed;
	total->land_placed += from->land_placed;
	total->loans_approved += from->loans_approved;
	total->care_required += from->care_required;
	total->care_done += from->care_done;
	total->care_late += from->care_late;
	total->care_pending += from->care_pending;
	total->care_due += from->care_due;
	total->care_visited += from->care_visited;
	total->rules_in_force += from->rules_in_force;
	total->rules_households += from->rules_households;
	total->rules_delivered += from->rules_delivered;
	total->honours += from->honours;
	total->boards_posted += from->boards_posted;
	total->meetings_required += from->meetings_required;
	total->survey_n += from->survey_n;
	total->survey_yes += from->survey_yes;
	total->policy_n += from->policy_n;
	total->policy_aware += from->policy_aware;
	total->rules_required += from->rules_required;
	total->rules_done += from->rules_done;
	total->rules_late += from->rules_late;
	total->rules_pending += from->rules_pending;
	for (int c = 0; c < REPORT_NISSUE_CATEGORIES; c++)
		for (int k = 0; k < REPORT_NSTATUSES; k++)
			total->by_category_status[c][k] += from->by_category_status[c][k];
	for (int a = 0; a < REPORT_NAGES; a++)
		total->open_by_age[a] += from->open_by_age[a];
	if (report_cases_add(&total->cases, &from->cases) != 0)
		return -1;
	return report_days_merge(&total->days, &from->days);
}

/* The medians and rates of v, from its parts. */
void
report_row_finish(struct report_village *v)
{
	v->median_days = report_days_median(&v->days);
	finish_rate(v);
}

/* A copy of row from (every field; its own strings and days) into to; 0 or -1. */
static int
row_copy(struct report_village *to, const struct report_village *from,
    size_t nmilestones)
{
	*to = *from;
	to->township = strdup(from->township);
	to->village = strdup(from->village);
	to->vote = from->vote != NULL ? strdup(from->vote) : NULL;
	to->coverage = calloc(nmilestones + 1, sizeof(struct report_coverage));
	memset(&to->days, 0, sizeof(to->days));
	memset(&to->cases.days, 0, sizeof(to->cases.days));
	if (to->coverage != NULL)
		memcpy(to->coverage, from->coverage, nmilestones * sizeof(*to->coverage));
	if (to->township == NULL || to->village == NULL || to->coverage == NULL ||
	    (from->vote != NULL && to->vote == NULL) ||
	    report_days_merge(&to->days, &from->days) != 0 ||
	    report_days_merge(&to->cases.days, &from->cases.days) != 0) {
		report_row_free(to);
		return -1;
	}
	return 0;
}

int
report_summary_keep(void *context, const struct report_summary *from,
    const struct report_village *row, struct error *err)
{
	struct report_summary *sum = context;
	struct report_village *p = realloc(sum->villages,
	    (sum->nvillages + 1) * sizeof(*p));
	struct buf names = { 0 };

	(void)from;
	if (p == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	sum->villages = p;
	if (row_copy(&p[sum->nvillages], row, sum->nmilestones) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	sum->nvillages++;
	/* the page's title: the townships, as their totals come */
	if (strcmp(row->village, "*") != 0 || strcmp(row->township, "*") == 0)
		return 0;
	if ((sum->title_township != NULL &&
	    buf_puts(&names, sum->title_township) != 0) ||
	    report_township_add(&names, row) != 0) {
		buf_free(&names);
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	}
	free(sum->title_township);
	sum->title_township = names.data;
	return 0;
}

int
report_township_add(struct buf *b, const struct report_village *row)
{
	if (strcmp(row->village, "*") != 0 || strcmp(row->township, "*") == 0)
		return 0;
	if (b->len > 0 && buf_puts(b, _(", ")) != 0)
		return -1;
	return buf_puts(b, row->township);
}

void
report_summary_free(struct report_summary *sum)
{
	for (size_t i = 0; i < sum->nvillages; i++)
		report_row_free(&sum->villages[i]);
	free(sum->villages);
	for (size_t i = 0; i < sum->nmilestones; i++) {
		free(sum->milestones[i].township);
		free(sum->milestones[i].milestone_id);
		free(sum->milestones[i].title);
		free(sum->milestones[i].due_date);
	}
	free(sum->milestones);
	free(sum->title_township);
	free(sum->survey_round);
	memset(sum, 0, sizeof(*sum));
}
