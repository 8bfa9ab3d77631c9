/* report_rows.c -- the summary written as rows: table, csv, json, jsonl, markdown */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"
#include "text.h"

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

const struct column report_summary_tail[] = {
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
	{ "issues_due", N_("issues due"), COLUMN_INTEGER },
	{ "issues_on_time", N_("on time"), COLUMN_INTEGER },
	{ "on_time_rate", N_("on-time rate"), COLUMN_NUMBER },
	{ "callbacks_reached", N_("called back"), COLUMN_INTEGER },
	{ "callbacks_satisfied", N_("satisfied"), COLUMN_INTEGER },
	{ "callback_rate", N_("callback satisfaction"), COLUMN_NUMBER },
	{ "disputes", N_("disputes"), COLUMN_INTEGER },
	{ "disputes_settled", N_("settled"), COLUMN_INTEGER },
	{ "settled_rate", N_("settled rate"), COLUMN_NUMBER },
	/* the funnel of monitoring cases: clue, home check, posting, decision */
	{ "cases_opened", N_("case clues"), COLUMN_INTEGER },
	{ "cases_checked", N_("checked"), COLUMN_INTEGER },
	{ "cases_posted", N_("posted"), COLUMN_INTEGER },
	{ "cases_decided", N_("decided"), COLUMN_INTEGER },
	/* the village rules (rule-step) */
	{ "rules_in_force", N_("rules in force"), COLUMN_INTEGER },
	{ "rules_households", N_("their households"), COLUMN_INTEGER },
	{ "rules_delivered", N_("rules delivered"), COLUMN_INTEGER },
};

/*
 * Counts written only for machines (the parts a roll-up adds up): the
 * scorecard's, which the summary's own columns do not show.
 */
const struct report_part report_summary_parts[REPORT_NPARTS] = {
	{ "representatives_required", offsetof(struct report_village, kind_required[0]) },
	{ "representatives_held", offsetof(struct report_village, kind_held[0]) },
	{ "courtyard_required", offsetof(struct report_village, kind_required[1]) },
	{ "courtyard_held", offsetof(struct report_village, kind_held[1]) },
	{ "briefings_required", offsetof(struct report_village, kind_required[2]) },
	{ "briefings_held", offsetof(struct report_village, kind_held[2]) },
	{ "assemblies_required", offsetof(struct report_village, kind_required[3]) },
	{ "assemblies_held", offsetof(struct report_village, kind_held[3]) },
	{ "policy_n", offsetof(struct report_village, policy_n) },
	{ "policy_aware", offsetof(struct report_village, policy_aware) },
	{ "rules_required", offsetof(struct report_village, rules_required) },
	{ "rules_done", offsetof(struct report_village, rules_done) },
	{ "models", offsetof(struct report_village, honours) },
	{ "boards_posted", offsetof(struct report_village, boards_posted) },
	/* the required items done after their due date */
	{ "representatives_late", offsetof(struct report_village, kind_late[0]) },
	{ "courtyard_late", offsetof(struct report_village, kind_late[1]) },
	{ "briefings_late", offsetof(struct report_village, kind_late[2]) },
	{ "assemblies_late", offsetof(struct report_village, kind_late[3]) },
	{ "rules_late", offsetof(struct report_village, rules_late) },
	{ "misconduct_referred", offsetof(struct report_village, misconduct) },
	{ "misconduct_closed", offsetof(struct report_village, misconduct_closed) },
	/* the suggestions raised at representatives' and courtyard meetings, and answered */
	{ "representatives_suggestions", offsetof(struct report_village, kind_suggestions[0]) },
	{ "representatives_answered", offsetof(struct report_village, kind_answered[0]) },
	{ "courtyard_suggestions", offsetof(struct report_village, kind_suggestions[1]) },
	{ "courtyard_answered", offsetof(struct report_village, kind_answered[1]) },
	/* the assistance placed */
	{ "posts_placed", offsetof(struct report_village, posts_placed) },
	{ "jobs_placed", offsetof(struct report_village, jobs_placed) },
	{ "land_placed", offsetof(struct report_village, land_placed) },
	{ "loans_approved", offsetof(struct report_village, loans_approved) },
	/* care coverage: its items, and the people due and cared for */
	{ "care_required", offsetof(struct report_village, care_required) },
	{ "care_done", offsetof(struct report_village, care_done) },
	{ "care_late", offsetof(struct report_village, care_late) },
	{ "care_due", offsetof(struct report_village, care_due) },
	{ "care_visited", offsetof(struct report_village, care_visited) },
	/* care-coverage milestones not yet due */
	{ "care_pending", offsetof(struct report_village, care_pending) },
	/* the meetings and rule deliveries not yet due */
	{ "representatives_pending", offsetof(struct report_village, kind_pending[0]) },
	{ "courtyard_pending", offsetof(struct report_village, kind_pending[1]) },
	{ "briefings_pending", offsetof(struct report_village, kind_pending[2]) },
	{ "assemblies_pending", offsetof(struct report_village, kind_pending[3]) },
	{ "rules_pending", offsetof(struct report_village, rules_pending) },
};

#define NPARTS (sizeof(report_summary_parts) / sizeof(report_summary_parts[0]))
#define NFIXED (sizeof(summary_fixed) / sizeof(summary_fixed[0]))
#define NTAIL (sizeof(report_summary_tail) / sizeof(report_summary_tail[0]))

struct report_summary_out {
	struct writer *w;
	struct column *cols;
	char **names;		/* the per-milestone column names made */
	size_t nnames;
	const char **v;
	char (*num)[32];
	size_t ncols;
	int skip;		/* one store: no township column */
	int parts;		/* machine formats: the parts of the totals too */
	int labels;
	struct buf days;
	/* on a terminal (report_summary_out_terminal()) */
	const struct report_summary *sum;
	FILE *fp;
	size_t width;
	struct buf townships;	/* the townships of the rows, for the title */
};

/*
 * A column named prefix + the milestone's id, its name kept in o, and
 * for people (heading not NULL) its heading made from the format heading
 * (translated: _() gives it back as it is); 0 or -1.
 */
static int
milestone_column(struct report_summary_out *o, const char *prefix,
    const char *heading, const char *id, enum column_type type,
    struct error *err)
{
	size_t n = strlen(prefix) + strlen(id) + 1;
	size_t hn = heading != NULL ? strlen(heading) + strlen(id) + 1 : 0;
	char *name = malloc(n), *label = hn > 0 ? malloc(hn) : NULL;

	if (name == NULL || (hn > 0 && label == NULL)) {
		free(name);
		free(label);
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	}
	snprintf(name, n, "%s%s", prefix, id);
	o->names[o->nnames++] = name;
	if (label != NULL) {
		snprintf(label, hn, heading, id);
		o->names[o->nnames++] = label;
	}
	o->cols[o->ncols++] = (struct column){ name, label, type };
	return 0;
}

/*
 * The summary's columns into o: township, village, the fixed ones, one
 * coverage column per milestone, the tail; with parts, recognition_yes,
 * coverage_due_*, coverage_visited_*, coverage_late_* and
 * coverage_pending_* per milestone, days_to_resolve.
 * 0, or -1 with err set.
 */
static int
summary_columns(const struct report_summary *sum, struct report_summary_out *o,
    struct error *err)
{
	o->cols[o->ncols++] = (struct column){ "township", N_("township"), COLUMN_TEXT };
	o->cols[o->ncols++] = (struct column){ "village", N_("village"), COLUMN_TEXT };
	for (size_t i = 0; i < NFIXED; i++)
		o->cols[o->ncols++] = summary_fixed[i];
	for (size_t m = 0; m < sum->nmilestones; m++)
		if (milestone_column(o, "coverage_", _("coverage %s"),
		    sum->milestones[m].milestone_id, COLUMN_NUMBER, err) != 0)
			return -1;
	for (size_t i = 0; i < NTAIL; i++)
		o->cols[o->ncols++] = report_summary_tail[i];
	if (!o->parts)
		return 0;
	o->cols[o->ncols++] = (struct column){ "recognition_yes", NULL, COLUMN_INTEGER };
	for (size_t m = 0; m < sum->nmilestones; m++)
		if (milestone_column(o, "coverage_due_", NULL,
		    sum->milestones[m].milestone_id, COLUMN_INTEGER, err) != 0 ||
		    milestone_column(o, "coverage_visited_", NULL,
		    sum->milestones[m].milestone_id, COLUMN_INTEGER, err) != 0 ||
		    milestone_column(o, "coverage_late_", NULL,
		    sum->milestones[m].milestone_id, COLUMN_INTEGER, err) != 0 ||
		    milestone_column(o, "coverage_pending_", NULL,
		    sum->milestones[m].milestone_id, COLUMN_INTEGER, err) != 0)
			return -1;
	o->cols[o->ncols++] = (struct column){ "days_to_resolve", NULL, COLUMN_TEXT };
	for (size_t i = 0; i < NPARTS; i++)
		o->cols[o->ncols++] = (struct column){ report_summary_parts[i].name,
		    NULL, COLUMN_INTEGER };
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

/* The values of row in the summary's columns into o->v (their text in o->num). */
static void
summary_values(const struct report_summary *sum, const struct report_village *row,
    struct report_summary_out *o)
{
	long counts[NFIXED] = { row->households, row->members };
	long tail[] = { row->opened, row->repeated, row->resolved, row->fed_back,
	    row->closed, row->overdue };
	long more[] = { row->extensions, row->meetings_held,
	    row->meetings_required, row->survey_n };
	double rates[] = { row->rate, row->ci_low, row->ci_high };
	const char **v = o->v;
	char (*num)[32] = o->num;
	int labels = o->labels;
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
	for (size_t i = 0; i < 3; i++) {
		const long part[][2] = { { row->due, row->on_time },
		    { row->reached, row->pleased }, { row->disputes, row->settled } };

		put_counts(part[i], 2, v, num, &c);
		v[c] = NULL;
		if (part[i][0] > 0) {
			double rate = (double)part[i][1] / (double)part[i][0];

			snprintf(num[c], sizeof(num[c]), labels ? "%.1f%%" : "%.4f",
			    labels ? rate * 100 : rate);
			v[c] = num[c];
		}
		c++;
	}
	{
		long funnel[REPORT_NFUNNEL];

		report_funnel_counts(row, funnel);
		put_counts(funnel, REPORT_NFUNNEL, v, num, &c);
	}
	put_counts((const long[]){ row->rules_in_force, row->rules_households,
	    row->rules_delivered }, 3, v, num, &c);
	if (!o->parts)
		return;
	put_counts(&row->survey_yes, 1, v, num, &c);
	for (size_t m = 0; m < sum->nmilestones; m++) {
		long due_visited[4] = { row->coverage[m].due,
		    row->coverage[m].visited, row->coverage[m].late,
		    row->coverage[m].pending };

		put_counts(due_visited, 4, v, num, &c);
	}
	v[c++] = report_days_text(&row->days, &o->days) == 0 ? o->days.data : NULL;
	for (size_t i = 0; i < NPARTS; i++)
		put_counts((const long *)((const char *)row +
		    report_summary_parts[i].offset), 1, v, num, &c);
}

struct report_summary_out *
report_summary_out_open(const struct report_summary *sum,
    enum output_format format, unsigned flags, int labels, FILE *fp,
    struct error *err)
{
	size_t ncols = 2 + NFIXED + 5 * sum->nmilestones + NTAIL + 2 + NPARTS;
	struct report_summary_out *o = calloc(1, sizeof(*o));

	if (o == NULL || (o->cols = calloc(ncols, sizeof(*o->cols))) == NULL ||
	    (o->names = calloc(6 * sum->nmilestones + 1, sizeof(char *))) == NULL ||
	    (o->v = calloc(ncols, sizeof(char *))) == NULL ||
	    (o->num = calloc(ncols, sizeof(*o->num))) == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto fail;
	}
	o->sum = sum;
	o->fp = fp;
	o->skip = sum->county ? 0 : 1;
	o->labels = labels;
	o->parts = (format == FORMAT_CSV || format == FORMAT_JSON ||
	    format == FORMAT_JSONL) && !(flags & OUTPUT_LABELS);
	if (summary_columns(sum, o, err) != 0)
		goto fail;
	/* a page of markdown says first what its counts count */
	if (format == FORMAT_MARKDOWN) {
		char counts[1024];

		fprintf(fp, "%s\n\n", report_counts_sentence(sum, counts,
		    sizeof(counts)));
	}
	if ((o->w = writer_open(fp, format, o->cols + o->skip, o->ncols - o->skip,
	    flags, err)) == NULL)
		goto fail;
	return o;
fail:
	report_summary_out_close(o, NULL);
	return NULL;
}

void
report_summary_out_terminal(struct report_summary_out *o, size_t width)
{
	o->width = width;
	/* a row is named by its township (of several) and its village */
	writer_fit(o->w, width, o->skip ? 1 : 2);
}

int
report_summary_out_row(void *context, const struct report_summary *sum,
    const struct report_village *row, struct error *err)
{
	struct report_summary_out *o = context;

	summary_values(sum, row, o);
	if (o->width > 0 && report_township_add(&o->townships, row) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return writer_row(o->w, o->v + o->skip, err);
}

/* text on lines of at most width columns (text_wrap()) to fp. */
static void
put_wrapped(FILE *fp, const char *text, size_t width)
{
	while (*text != '\0') {
		size_t n = text_wrap(text, width);

		fprintf(fp, "%.*s\n", (int)n, text);
		text += n;
		while (*text == ' ')
			text++;
	}
}

char *
report_counts_sentence(const struct report_summary *sum, char *out,
    size_t size)
{
	char today[64], from[64], to[64];
	const char *until = sum->until;

	date_for_print(sum->today, today, sizeof(today));
	if (sum->since == NULL && sum->until == NULL) {
		snprintf(out, size, _("Counts are cumulative: from the start of "
		    "the campaign to %s."), today);
		return out;
	}
	if (sum->since != NULL)
		date_for_print(sum->since, from, sizeof(from));
	else
		snprintf(from, sizeof(from), "%s", _("the start of the campaign"));
	/* nothing is counted after the day (ISO dates compare as text) */
	if (until == NULL || strcmp(until, sum->today) > 0)
		until = sum->today;
	date_for_print(until, to, sizeof(to));
	snprintf(out, size, _("Issue counts are of the period from %s to %s: "
	    "the issues opened in it, and for on-time closure those due in it. "
	    "The other counts are cumulative, to %s."), from, to, today);
	return out;
}

/*
 * The title of the summary on a terminal, and what its counts count:
 * from the start of the campaign to the day, or the issues of a period.
 */
static void
terminal_heading(struct report_summary_out *o, FILE *fp)
{
	const struct report_summary *sum = o->sum;
	char today[64], title[512], line[1024];

	date_for_print(sum->today, today, sizeof(today));
	if (o->townships.len > 0)
		snprintf(line, sizeof(line), _("Summary of %s"), o->townships.data);
	else
		snprintf(line, sizeof(line), "%s", _("Summary"));
	snprintf(title, sizeof(title), _("%s (as of %s)"), line, today);
	put_wrapped(fp, title, o->width);
	put_wrapped(fp, report_counts_sentence(sum, line, sizeof(line)),
	    o->width);
	snprintf(line, sizeof(line), _("Survey round: %s"),
	    sum->survey_round != NULL ? sum->survey_round : _("none saved"));
	put_wrapped(fp, line, o->width);
	putc('\n', fp);
}

int
report_summary_out_close(struct report_summary_out *o, struct error *err)
{
	int rc = 0;

	if (o == NULL)
		return 0;
	if (o->w != NULL && o->width > 0 && writer_rows(o->w) > 0 && err != NULL)
		terminal_heading(o, o->fp);
	if (o->w != NULL)
		rc = writer_close(o->w, err);
	for (size_t k = 0; k < o->nnames; k++)
		free(o->names[k]);
	free(o->names);
	free(o->cols);
	free(o->v);
	free(o->num);
	buf_free(&o->days);
	buf_free(&o->townships);
	free(o);
	return rc;
}
