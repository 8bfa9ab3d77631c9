/* report_scorecard.c -- the scorecard (八个一推进情况): per village, each action's required items done, a completion rate and a rank */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"
#include "text.h"

static const struct column scorecard_columns[] = {
	{ "township", N_("township"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "visits_required", N_("1 visits due"), COLUMN_INTEGER },
	{ "visits_done", N_("visits done"), COLUMN_INTEGER },
	{ "visits_late", N_("late"), COLUMN_INTEGER },
	{ "visits_pending", N_("not yet due"), COLUMN_INTEGER },
	{ "visit_coverage", N_("coverage"), COLUMN_NUMBER },
	{ "representatives_required", N_("2 meetings due"), COLUMN_INTEGER },
	{ "representatives_held", N_("held"), COLUMN_INTEGER },
	{ "representatives_late", N_("late"), COLUMN_INTEGER },
	{ "representatives_pending", N_("not yet due"), COLUMN_INTEGER },
	{ "representatives_suggestions", N_("suggestions"), COLUMN_INTEGER },
	{ "representatives_answered", N_("suggestions answered"), COLUMN_INTEGER },
	{ "representatives_answered_rate", N_("answered rate"), COLUMN_NUMBER },
	{ "on_time_rate", N_("3 on-time rate"), COLUMN_NUMBER },
	{ "callback_rate", N_("callback satisfaction"), COLUMN_NUMBER },
	{ "posts_placed", N_("posts placed"), COLUMN_INTEGER },
	{ "jobs_placed", N_("people placed in park jobs"), COLUMN_INTEGER },
	{ "land_placed", N_("land transfers made"), COLUMN_INTEGER },
	{ "loans_approved", N_("loans approved"), COLUMN_INTEGER },
	{ "settled_rate", N_("4 settled rate"), COLUMN_NUMBER },
	{ "misconduct_referred", N_("misconduct referred"), COLUMN_INTEGER },
	{ "misconduct_closed", N_("misconduct closed"), COLUMN_INTEGER },
	{ "misconduct_closed_rate", N_("closed rate"), COLUMN_NUMBER },
	{ "care_required", N_("care milestones due"), COLUMN_INTEGER },
	{ "care_done", N_("care milestones done"), COLUMN_INTEGER },
	{ "care_late", N_("late"), COLUMN_INTEGER },
	{ "care_pending", N_("not yet due"), COLUMN_INTEGER },
	{ "care_coverage", N_("care coverage"), COLUMN_NUMBER },
	{ "briefings_required", N_("5 briefings due"), COLUMN_INTEGER },
	{ "briefings_held", N_("held"), COLUMN_INTEGER },
	{ "briefings_late", N_("late"), COLUMN_INTEGER },
	{ "briefings_pending", N_("not yet due"), COLUMN_INTEGER },
	{ "policy_awareness", N_("policy awareness"), COLUMN_NUMBER },
	{ "courtyard_required", N_("6 groups due"), COLUMN_INTEGER },
	{ "courtyard_held", N_("held"), COLUMN_INTEGER },
	{ "courtyard_late", N_("late"), COLUMN_INTEGER },
	{ "courtyard_pending", N_("not yet due"), COLUMN_INTEGER },
	{ "courtyard_suggestions", N_("suggestions"), COLUMN_INTEGER },
	{ "courtyard_answered", N_("suggestions answered"), COLUMN_INTEGER },
	{ "courtyard_answered_rate", N_("answered rate"), COLUMN_NUMBER },
	{ "vote", N_("7 village rules"), COLUMN_TEXT },
	{ "rules_in_force", N_("rules in force"), COLUMN_INTEGER },
	{ "rules_delivery_rate", N_("delivered to households"), COLUMN_NUMBER },
	{ "rules_delivery_required", N_("delivery due"), COLUMN_INTEGER },
	{ "rules_delivery_done", N_("delivered in time"), COLUMN_INTEGER },
	{ "rules_delivery_late", N_("late"), COLUMN_INTEGER },
	{ "rules_delivery_pending", N_("not yet due"), COLUMN_INTEGER },
	{ "models", N_("8 models"), COLUMN_INTEGER },
	{ "boards_posted", N_("boards posted"), COLUMN_INTEGER },
	{ "recognition_n", N_("answers"), COLUMN_INTEGER },
	{ "recognition_rate", N_("recognition"), COLUMN_NUMBER },
	{ "recognition_ci_low", N_("low"), COLUMN_NUMBER },
	{ "recognition_ci_high", N_("high"), COLUMN_NUMBER },
	{ "required", N_("required"), COLUMN_INTEGER },
	{ "done", N_("done"), COLUMN_INTEGER },
	{ "late", N_("late"), COLUMN_INTEGER },
	{ "pending", N_("not yet due"), COLUMN_INTEGER },
	{ "completion_rate", N_("completion"), COLUMN_NUMBER },
	{ "rank", N_("rank"), COLUMN_INTEGER },
	{ "few_answers", N_("few answers"), COLUMN_BOOLEAN },
};

#define NCOLUMNS (sizeof(scorecard_columns) / sizeof(scorecard_columns[0]))

/* meeting kinds, vocab.c order */
enum { KIND_REPRESENTATIVES, KIND_COURTYARD, KIND_BRIEFING };

/*
 * A row's required items: every visit milestone due in it, every meeting
 * a milestone asks for, every rule-delivery milestone, every
 * care-coverage milestone with people due in it; those done by their
 * due date, and those done only after it (late; the rest are missing).
 * A milestone that falls due after today and is not done yet is
 * pending, not required (a visit or care milestone by
 * report_coverage_item(), a meeting or rule delivery as the summary
 * counts it).
 */
struct card {
	const struct report_village *row;
	long visits_required, visits_done, visits_late, visits_pending;
	long required, done, late, pending;
	long rank;		/* villages only; 0 for totals */
	int few;		/* fewer survey answers than min_n */
};

static void
card_count(struct card *c, const struct report_summary *sum, long min_n)
{
	const struct report_village *v = c->row;

	const struct report_coverage *cv = v->coverage;

	for (size_t m = 0; m < sum->nmilestones; m++)
		report_coverage_item(cv[m].due, cv[m].visited, cv[m].late,
		    cv[m].pending, &c->visits_required, &c->visits_done,
		    &c->visits_late, &c->visits_pending);
	c->required = c->visits_required + v->meetings_required +
	    v->rules_required + v->care_required;
	c->done = c->visits_done + v->meetings_held + v->rules_done +
	    v->care_done;
	c->late = c->visits_late + v->rules_late + v->care_late;
	c->pending = c->visits_pending + v->care_pending + v->rules_pending;
	for (int k = 0; k < REPORT_NMEETING_KINDS; k++)
		c->pending += v->kind_pending[k];
	for (int k = 0; k < REPORT_NMEETING_KINDS; k++)
		c->late += v->kind_late[k];
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
	unsigned char mark[NCOLUMNS];	/* enum output_mark: a workbook's colours */
	size_t c;
	int labels;
};

/*
 * The state of items required, done by their due date, done late and
 * not yet due (pending, not among the required): the heat-map's colour.
 * Items not yet due colour a cell only where none is required.
 */
static enum output_mark
items_mark(long required, long done, long late, long pending)
{
	if (required <= 0)
		return pending > 0 ? OUTPUT_MARK_PENDING : OUTPUT_MARK_NONE;
	if (done >= required)
		return OUTPUT_MARK_DONE;
	return done + late >= required ? OUTPUT_MARK_LATE : OUTPUT_MARK_MISSING;
}

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

/*
 * Items required, done (held) and late and those not yet due, the four
 * marked with their state; "—" four times when there are none of
 * either, and none required when only some are pending.
 */
static void
put_items(struct cells *t, long required, long done, long late,
    long pending)
{
	if (required == 0 && pending == 0) {
		for (int k = 0; k < 4; k++)
			t->v[t->c++] = t->labels ? "—" : NULL;
		return;
	}
	memset(t->mark + t->c, items_mark(required, done, late, pending), 4);
	put_count(t, required);
	put_count(t, done);
	put_count(t, late);
	put_count(t, pending);
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

/*
 * Actions 2 and 6 after their items: the suggestions raised at the
 * meetings of kind, those answered and their share ("—" when none was
 * raised): counts, not required items.
 */
static void
put_suggestions(struct cells *t, const struct report_village *v, int kind)
{
	put_count(t, v->kind_suggestions[kind]);
	put_count(t, v->kind_answered[kind]);
	put_rate(t, v->kind_answered[kind], v->kind_suggestions[kind]);
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
	memset(t->mark, OUTPUT_MARK_NONE, sizeof(t->mark));
	t->v[t->c++] = v->township;
	t->v[t->c++] = strcmp(v->village, "*") == 0 && t->labels ? _("total") :
	    v->village;
	put_items(t, card->visits_required, card->visits_done,
	    card->visits_late, card->visits_pending);
	put_rate(t, visited, due);
	put_items(t, v->kind_required[KIND_REPRESENTATIVES],
	    v->kind_held[KIND_REPRESENTATIVES], v->kind_late[KIND_REPRESENTATIVES],
	    v->kind_pending[KIND_REPRESENTATIVES]);
	put_suggestions(t, v, KIND_REPRESENTATIVES);
	put_rate(t, v->on_time, v->due);
	put_rate(t, v->pleased, v->reached);
	put_count(t, v->posts_placed);
	put_count(t, v->jobs_placed);
	put_count(t, v->land_placed);
	put_count(t, v->loans_approved);
	put_rate(t, v->settled, v->disputes);
	put_count(t, v->misconduct);
	put_count(t, v->misconduct_closed);
	put_rate(t, v->misconduct_closed, v->misconduct);
	put_items(t, v->care_required, v->care_done, v->care_late,
	    v->care_pending);
	put_rate(t, v->care_visited, v->care_due);
	put_items(t, v->kind_required[KIND_BRIEFING], v->kind_held[KIND_BRIEFING],
	    v->kind_late[KIND_BRIEFING], v->kind_pending[KIND_BRIEFING]);
	put_rate(t, v->policy_aware, v->policy_n);
	put_items(t, v->kind_required[KIND_COURTYARD], v->kind_held[KIND_COURTYARD],
	    v->kind_late[KIND_COURTYARD], v->kind_pending[KIND_COURTYARD]);
	put_suggestions(t, v, KIND_COURTYARD);
	t->v[t->c] = report_vote_text(v->vote, t->labels);
	if (t->v[t->c] == NULL && t->labels)
		t->v[t->c] = "—";
	t->c++;
	put_rules(t, v);
	put_items(t, v->rules_required, v->rules_done, v->rules_late,
	    v->rules_pending);
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
	put_count(t, card->late);
	put_count(t, card->pending);
	put_rate(t, card->done, card->required);
	if (card->rank > 0)
		put_count(t, card->rank);
	else
		t->v[t->c++] = NULL;
	t->v[t->c++] = strcmp(v->village, "*") == 0 ? NULL : card->few ?
	    (t->labels ? _("yes") : "true") : (t->labels ? _("no") : "false");
}

/* ---- the printable page: one A4 landscape sheet, a heat-map of the required items ---- */

static const char page_style[] =
	"@page { size: A4 landscape; margin: 10mm }\n"
	"body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", "
	"\"Microsoft YaHei\", sans-serif; font-size: 9pt; color: #000; "
	"-webkit-print-color-adjust: exact; print-color-adjust: exact }\n"
	"h1 { text-align: center; font-size: 16pt; margin: 0 0 0.2em }\n"
	"p { margin: 0.3em 0 }\n"
	"p.date { text-align: center }\n"
	"table { width: 100%; border-collapse: collapse }\n"
	"th, td { border: 1px solid #000; padding: 3px 4px; text-align: center }\n"
	"thead { display: table-header-group }\n"
	"tr { break-inside: avoid; page-break-inside: avoid }\n"
	"tr.total td { font-weight: bold }\n"
	".done { background: #92d050 }\n"
	".late { background: #ffc000 }\n"
	".missing { background: #ff5050 }\n"
	".pending { background: #bdd7ee }\n"
	".none { color: #666 }\n"
	"span.key { display: inline-block; padding: 1px 8px; margin-right: 6px; "
	"border: 1px solid #000 }\n"
	"small { display: block; font-size: 8pt }\n";

/* items_mark() as the page's class of a cell. */
static const char *
items_state(long required, long done, long late, long pending)
{
	static const char *const class[] = { "none", "done", "late", "missing",
	    "pending" };

	return class[items_mark(required, done, late, pending)];
}

/*
 * Under a workbook's rows, the key to its colours, as the page has it:
 * done, done late, missing, not yet due.  0, or -1 with err set.
 */
static int
scorecard_key(struct writer *w, size_t ncolumns, struct error *err)
{
	const char *v[NCOLUMNS] = { NULL };
	unsigned char mark[NCOLUMNS] = { OUTPUT_MARK_NONE };

	if (ncolumns < 4)
		return 0;
	v[0] = _("done");
	v[1] = _("done late");
	v[2] = _("missing");
	v[3] = _("not yet due");
	mark[0] = OUTPUT_MARK_DONE;
	mark[1] = OUTPUT_MARK_LATE;
	mark[2] = OUTPUT_MARK_MISSING;
	mark[3] = OUTPUT_MARK_PENDING;
	return writer_note(w, v, mark, err);
}

/*
 * One cell of the heat-map for action n: done/required coloured by
 * state, those not yet due (pending) after them, and more below.
 */
static void
heat_cell(FILE *fp, int n, long required, long done, long late, long pending,
    const char *more)
{
	const char *state = items_state(required, done, late, pending);
	char text[128];
	size_t len;

	fprintf(fp, "<td class=\"%s\" data-action=\"%d\">", state, n);
	if (required <= 0 && pending > 0)
		snprintf(text, sizeof(text), _("%ld not yet due"), pending);
	else if (required <= 0)
		snprintf(text, sizeof(text), "—");
	else if (late > 0)
		snprintf(text, sizeof(text), _("%ld/%ld, %ld late"), done, required,
		    late);
	else
		snprintf(text, sizeof(text), "%ld/%ld", done, required);
	len = strlen(text);
	if (required > 0 && pending > 0 && len < sizeof(text))
		snprintf(text + len, sizeof(text) - len, _(", %ld not yet due"),
		    pending);
	html_write_text(fp, text);
	if (more != NULL && more[0] != '\0') {
		fputs("<small>", fp);
		html_write_text(fp, more);
		fputs("</small>", fp);
	}
	fputs("</td>", fp);
}

/* A cell of figures that nobody is required to reach: no colour. */
static void
plain_cell(FILE *fp, int n, const char *text)
{
	fprintf(fp, "<td class=\"none\" data-action=\"%d\">", n);
	html_write_text(fp, text);
	fputs("</td>", fp);
}

/* part of whole as "12.5%", or "—" when whole is 0, into out. */
static const char *
percent(char *out, size_t size, long part, long whole)
{
	if (whole <= 0)
		snprintf(out, size, "—");
	else
		snprintf(out, size, "%.1f%%", 100.0 * (double)part / (double)whole);
	return out;
}

/* Under a meeting cell, the suggestions answered of those raised ("" when none was), into out. */
static const char *
answered_text(char *out, size_t size, const struct report_village *v, int kind)
{
	out[0] = '\0';
	if (v->kind_suggestions[kind] > 0)
		snprintf(out, size, _("suggestions answered %ld/%ld"),
		    v->kind_answered[kind], v->kind_suggestions[kind]);
	return out;
}

/* The page's row of card c. */
static void
page_row(FILE *fp, const struct card *c, int county)
{
	const struct report_village *v = c->row;
	int total = strcmp(v->village, "*") == 0;
	const char *vote = report_vote_text(v->vote, 1);
	char a[32], b[32], text[256];

	fprintf(fp, "<tr%s>", total ? " class=\"total\"" : "");
	if (county) {
		fputs("<td>", fp);
		html_write_text(fp, strcmp(v->township, "*") == 0 ? _("total") :
		    v->township);
		fputs("</td>", fp);
	}
	fputs("<td>", fp);
	html_write_text(fp, total ? _("total") : v->village);
	fputs("</td>", fp);
	heat_cell(fp, 1, c->visits_required, c->visits_done, c->visits_late,
	    c->visits_pending, NULL);
	heat_cell(fp, 2, v->kind_required[KIND_REPRESENTATIVES],
	    v->kind_held[KIND_REPRESENTATIVES], v->kind_late[KIND_REPRESENTATIVES],
	    v->kind_pending[KIND_REPRESENTATIVES], answered_text(text, sizeof(text), v, KIND_REPRESENTATIVES));
	snprintf(text, sizeof(text), "%s / %s", percent(a, sizeof(a), v->on_time,
	    v->due), percent(b, sizeof(b), v->pleased, v->reached));
	if (v->posts_placed + v->jobs_placed + v->land_placed +
	    v->loans_approved > 0) {
		size_t n = strlen(text);

		snprintf(text + n, sizeof(text) - n, _("; placed: %ld posts, %ld "
		    "in park jobs, %ld land transfers, %ld loans"), v->posts_placed,
		    v->jobs_placed, v->land_placed, v->loans_approved);
	}
	plain_cell(fp, 3, text);
	percent(a, sizeof(a), v->settled, v->disputes);
	if (v->misconduct > 0)
		snprintf(text, sizeof(text), _("%s; misconduct closed %ld/%ld"),
		    a, v->misconduct_closed, v->misconduct);
	else
		snprintf(text, sizeof(text), "%s", a);
	if (v->care_required > 0 || v->care_pending > 0) {
		char more[256];

		snprintf(more, sizeof(more), _("care coverage %s; settled %s"),
		    percent(b, sizeof(b), v->care_visited, v->care_due), text);
		heat_cell(fp, 4, v->care_required, v->care_done, v->care_late,
		    v->care_pending, more);
	} else {
		plain_cell(fp, 4, text);
	}
	snprintf(text, sizeof(text), _("aware %s"), percent(a, sizeof(a),
	    v->policy_aware, v->policy_n));
	heat_cell(fp, 5, v->kind_required[KIND_BRIEFING],
	    v->kind_held[KIND_BRIEFING], v->kind_late[KIND_BRIEFING],
	    v->kind_pending[KIND_BRIEFING], text);
	heat_cell(fp, 6, v->kind_required[KIND_COURTYARD],
	    v->kind_held[KIND_COURTYARD], v->kind_late[KIND_COURTYARD],
	    v->kind_pending[KIND_COURTYARD], answered_text(text, sizeof(text), v, KIND_COURTYARD));
	if (v->rules_required > 0 || v->rules_pending > 0)
		heat_cell(fp, 7, v->rules_required, v->rules_done, v->rules_late,
		    v->rules_pending, vote);
	else
		plain_cell(fp, 7, vote != NULL ? vote : "—");
	snprintf(text, sizeof(text), _("%ld selected, %ld posted"), v->honours,
	    v->boards_posted);
	plain_cell(fp, 8, text);
	snprintf(text, sizeof(text), "%s%s", percent(a, sizeof(a), v->survey_yes,
	    v->survey_n), !total && c->few ? " *" : "");
	plain_cell(fp, 9, text);
	fprintf(fp, "<td class=\"%s\" data-action=\"all\">", items_state(c->required,
	    c->done, c->late, c->pending));
	html_write_text(fp, percent(a, sizeof(a), c->done, c->required));
	fputs("</td><td>", fp);
	if (c->rank > 0)
		fprintf(fp, "%ld", c->rank);
	fputs("</td></tr>\n", fp);
}

/*
 * What the scorecard's counts count, into out (size bytes): the
 * summary's sentence (report_counts_sentence()), and the models and
 * boards of action 8, which count the year up to the day when no
 * period is given.  Returns out.
 */
static char *
scorecard_counts(const struct report_summary *sum, char *out, size_t size)
{
	char today[64];
	size_t n;

	report_counts_sentence(sum, out, size);
	n = strlen(out);
	date_for_print(sum->today, today, sizeof(today));
	if (sum->since == NULL && n + 1 < size)
		snprintf(out + n, size - n, _(" Models and boards: those of the "
		    "year up to %s."), today);
	return out;
}

/*
 * The scorecard as one HTML page (inline CSS, nothing fetched) to print
 * on A4 landscape: a row per village and total, a cell per action, those
 * with required items green when all were done by their due dates,
 * amber when the rest were done after them, red when any is missing.
 * 0, or -1 with err set.
 */
static int
scorecard_page(const struct card *cards, const struct report_summary *sum,
    long min_n, FILE *fp, struct error *err)
{
	static const char *const heads[] = { N_("village"), N_("1 visits"),
	    N_("2 representatives' meetings"), N_("3 on time / callbacks"),
	    N_("4 disputes, misconduct and care"), N_("5 policy briefings"),
	    N_("6 courtyard meetings"), N_("7 village rules"),
	    N_("8 models and boards"), N_("recognition"), N_("completion"),
	    N_("rank") };
	char line[1024];

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", locale_is_chinese() ? "zh-CN" :
	    "en");
	html_write_text(fp, _("Scorecard of the eight actions"));
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
	    page_style);
	if (sum->title_township != NULL && sum->title_township[0] != '\0') {
		snprintf(line, sizeof(line), _("%s: scorecard of the eight actions"),
		    sum->title_township);
		html_write_text(fp, line);
	} else {
		html_write_text(fp, _("Scorecard of the eight actions"));
	}
	fputs("</h1>\n", fp);
	if (sum->today[0] != '\0') {
		fputs("<p class=\"date\">", fp);
		snprintf(line, sizeof(line), _("Date: %s"), sum->today);
		html_write_text(fp, line);
		fputs("</p>\n<p class=\"date\">", fp);
		html_write_text(fp, scorecard_counts(sum, line, sizeof(line)));
		fputs("</p>\n", fp);
	}
	fputs("<p><span class=\"key done\">", fp);
	html_write_text(fp, _("done"));
	fputs("</span><span class=\"key late\">", fp);
	html_write_text(fp, _("done late"));
	fputs("</span><span class=\"key missing\">", fp);
	html_write_text(fp, _("missing"));
	fputs("</span><span class=\"key pending\">", fp);
	html_write_text(fp, _("not yet due"));
	fputs("</span>", fp);
	snprintf(line, sizeof(line), _("— nothing required; * fewer than %ld "
	    "answers, ranked after the others"), min_n);
	html_write_text(fp, line);
	fputs("</p>\n<table>\n<thead><tr>", fp);
	if (sum->county) {
		fputs("<th>", fp);
		html_write_text(fp, _("township"));
		fputs("</th>", fp);
	}
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		fputs("<th>", fp);
		html_write_text(fp, _(heads[i]));
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < sum->nvillages; i++)
		page_row(fp, &cards[i], sum->county);
	fputs("</tbody>\n</table>\n", fp);
	return report_html_end(fp, err);
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
	char counts[1024], title[2048];
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
		long town[8] = { 0 }, all[8] = { 0 };

		for (size_t i = 0; i < sum.nvillages; i++) {
			struct card *c = &cards[i];
			long *item[8] = { &c->visits_required, &c->visits_done,
			    &c->visits_late, &c->visits_pending, &c->required,
			    &c->done, &c->late, &c->pending };
			long *add = NULL;

			c->row = &sum.villages[i];
			card_count(c, &sum, min_n);
			if (strcmp(c->row->township, "*") == 0)
				add = all;
			else if (strcmp(c->row->village, "*") == 0)
				add = town;
			for (int k = 0; k < 8; k++) {
				if (add == NULL) {
					town[k] += *item[k];
					continue;
				}
				*item[k] = add[k];
				if (add == town) {
					all[k] += town[k];
					town[k] = 0;
				}
			}
		}
	}
	if (rank_cards(cards, sum.nvillages) != 0) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	if (format == FORMAT_HTML) {
		if (scorecard_page(cards, &sum, min_n, fp, err) == 0)
			rows = (long)sum.nvillages;
		else if (err->status == EXIT_OK && err->text[0] == '\0')
			rows = 0;	/* the reader closed the pipe */
		goto out;
	}
	/* markdown opens with what the counts count; a workbook's title ends with it */
	scorecard_counts(&sum, counts, sizeof(counts));
	if (format == FORMAT_MARKDOWN)
		fprintf(fp, "%s\n\n", counts);
	if (format == FORMAT_XLSX) {
		snprintf(title, sizeof(title), _("%s (as of %s)"),
		    _("Scorecard of the eight actions"), sum.today);
		snprintf(title + strlen(title), sizeof(title) - strlen(title),
		    " %s", counts);
		output_title(title);
	}
	if ((w = writer_open(fp, format, scorecard_columns + (county ? 0 : 1),
	    NCOLUMNS - (county ? 0 : 1), flags, err)) == NULL)
		goto out;
	t.labels = labels;
	for (size_t i = 0; i < sum.nvillages; i++) {
		card_values(&cards[i], &sum, &t);
		if (writer_row_marked(w, t.v + (county ? 0 : 1),
		    t.mark + (county ? 0 : 1), err) != 0) {
			writer_close(w, NULL);
			w = NULL;
			rows = err->status == EXIT_OK && err->text[0] == '\0' ? 0 : -1;
			goto out;
		}
	}
	if (scorecard_key(w, NCOLUMNS - (county ? 0 : 1), err) != 0) {
		writer_close(w, NULL);
		w = NULL;
		goto out;
	}
	rows = writer_close(w, err) == 0 ? (long)sum.nvillages : -1;
	w = NULL;
out:
	writer_close(w, NULL);
	if (format == FORMAT_XLSX)
		output_title(NULL);	/* title was this function's */
	free(cards);
	report_summary_free(&sum);
	return rows;
}
