/* report_html.c -- the summary as one self-contained HTML page for A4 print: its head and tables */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "output.h"
#include "report.h"
#include "report_page.h"
#include "report_parts.h"
#include "text.h"
#include "vocab.h"

static const char page_style[] =
	"@page { size: A4; margin: 15mm }\n"
	"html { background: #fff }\n"
	"body { margin: 0 auto; max-width: 180mm; color: #111;\n"
	"  font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\",\n"
	"    \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif;\n"
	"  font-size: 10pt; line-height: 1.35;\n"
	"  -webkit-print-color-adjust: exact; print-color-adjust: exact }\n"
	"@media screen { body { padding: 8mm 4mm } }\n"
	"h1 { font-size: 16pt; margin: 0 0 2mm }\n"
	"h2 { font-size: 12pt; margin: 0 0 1.5mm; border-bottom: 0.5pt solid #888 }\n"
	"p.facts { margin: 0 0 5mm; color: #333 }\n"
	"p.facts span { margin-right: 6mm }\n"
	"p.counts { margin: -3mm 0 5mm; color: #333 }\n"
	"p.caption { margin: 0 0 1mm; font-size: 8.5pt; color: #444 }\n"
	"section { page-break-inside: avoid; break-inside: avoid; margin: 0 0 6mm }\n"
	"table { border-collapse: collapse; width: 100%; font-size: 7.5pt }\n"
	"thead { display: table-header-group }\n"
	"tr { page-break-inside: avoid; break-inside: avoid }\n"
	"th, td { border: 0.4pt solid #999; padding: 1pt 2.5pt; vertical-align: top }\n"
	"th { background: #eee; font-weight: bold; text-align: center }\n"
	"th.word { word-break: keep-all }\n"
	"td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap }\n"
	"td .of, th .due { display: block; color: #555; font-weight: normal; font-size: 6.5pt }\n"
	"tr.total td { font-weight: bold; background: #f4f4f4 }\n"
	"td.empty { text-align: center; color: #666; font-style: italic }\n"
	"svg { display: block; width: 100%; max-width: 180mm; height: auto }\n"
	"svg text { font-size: 11px; fill: #222 }\n"
	"svg text.small { font-size: 9.5px }\n"
	"svg text.total { font-weight: bold }\n"
	"svg text.inside { font-size: 9px }\n"
	"svg text.note { font-size: 13px; fill: #666; font-style: italic }\n"
	"svg .grid { stroke: #d0d0d0; stroke-width: 0.6 }\n"
	"svg .axis { stroke: #444; stroke-width: 1 }\n"
	"svg .bar { stroke: #333; stroke-width: 0.5 }\n"
	"svg .seg { stroke: #fff; stroke-width: 0.8 }\n"
	"svg .whisker { stroke: #31688e; stroke-width: 2 }\n";

/* ---- text ---- */

/* Write the (translated) format fmt with its one %s replaced by text, all escaped. */
static void
put_format(FILE *fp, const char *fmt, const char *text)
{
	const char *at = strstr(fmt, "%s");

	if (at == NULL) {
		html_write_text(fp, fmt);
		return;
	}
	html_write_span(fp, fmt, (size_t)(at - fmt));
	html_write_text(fp, text);
	html_write_text(fp, at + 2);
}

/* ---- shared with the charts (report_page.h) ---- */

const char *
page_number(struct page *p, char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size) {
		p->too_long = 1;
		snprintf(out, size, "?");
	}
	return out;
}

int
page_row_is_total(const struct report_summary *s, size_t i)
{
	const char *v = s->villages[i].village;

	return (v != NULL && strcmp(v, "*") == 0) ||
	    (s->county && i + 1 == s->nvillages);
}

double
page_unit(double v)
{
	if (!isfinite(v) || v < 0)
		return 0;
	return v > 1 ? 1 : v;
}

double
page_percent(long part, long whole)
{
	if (whole <= 0)
		return -1;
	if (part <= 0)
		return 0;
	if (part >= whole)
		return 100;
	return 100.0 * (double)part / (double)whole;
}

/* ---- the head and the tables ---- */

static void
page_head(struct page *p)
{
	const struct report_summary *s = p->summary;
	const char *township = s->title_township != NULL ? s->title_township : "";
	char today[sizeof(s->today)], counts[1024];

	memcpy(today, s->today, sizeof(today));
	today[sizeof(today) - 1] = '\0';
	fprintf(p->fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>", locale_is_chinese() ? "zh-CN" : "en");
	put_format(p->fp, _("Summary of %s"), township);
	fputs(" ", p->fp);
	html_write_text(p->fp, today);
	fprintf(p->fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<header>\n<h1>", page_style);
	put_format(p->fp, _("Summary of %s"), township);
	fputs("</h1>\n<p class=\"facts\"><span>", p->fp);
	put_format(p->fp, _("Date: %s"), today);
	fputs("</span><span>", p->fp);
	put_format(p->fp, _("Survey round: %s"), s->survey_round != NULL ?
	    s->survey_round : _("none saved"));
	fputs("</span></p>\n<p class=\"counts\">", p->fp);
	html_write_text(p->fp, report_counts_sentence(s, counts, sizeof(counts)));
	fputs("</p>\n</header>\n", p->fp);
}

/* <tr> of row i, and its township and village cells. */
static void
row_start(struct page *p, size_t i)
{
	const struct report_summary *s = p->summary;
	const struct report_village *v = &s->villages[i];

	fputs(page_row_is_total(s, i) ? "<tr class=\"total\">" : "<tr>", p->fp);
	if (s->county) {
		fputs("<td>", p->fp);
		if (i + 1 == s->nvillages)
			html_write_text(p->fp, _("county total"));
		else
			html_write_text(p->fp, v->township);
		fputs("</td>", p->fp);
	}
	fputs("<td>", p->fp);
	if (v->village != NULL && strcmp(v->village, "*") == 0)
		html_write_text(p->fp, _("all villages"));
	else
		html_write_text(p->fp, v->village);
	fputs("</td>", p->fp);
}

/* A table's section, its heading title, and the start of its head row. */
static void
head_start(struct page *p, const char *id, const char *title)
{
	fprintf(p->fp, "<section id=\"%s\">\n<h2>", id);
	html_write_text(p->fp, title);
	fputs("</h2>\n<table>\n<thead><tr>", p->fp);
	if (p->summary->county) {
		fputs("<th>", p->fp);
		html_write_text(p->fp, _("township"));
		fputs("</th>", p->fp);
	}
	fputs("<th>", p->fp);
	html_write_text(p->fp, _("village"));
	fputs("</th>", p->fp);
}

static void
head_cell(struct page *p, const char *text)
{
	fputs("<th>", p->fp);
	html_write_text(p->fp, text);
	fputs("</th>", p->fp);
}

/* The one row of a table with no villages: a note across columns columns. */
static void
empty_row(struct page *p, size_t columns)
{
	if (p->summary->nvillages > 0)
		return;
	fprintf(p->fp, "<tr><td class=\"empty\" colspan=\"%zu\">",
	    columns + (p->summary->county ? 2 : 1));
	html_write_text(p->fp, _("no data"));
	fputs("</td></tr>\n", p->fp);
}

static void
count_cell(struct page *p, long n)
{
	fprintf(p->fp, "<td class=\"num\">%ld</td>", n);
}

/* Households, their categories, and coverage against each milestone. */
static void
table_households(struct page *p)
{
	const struct report_summary *s = p->summary;
	char text[64];

	head_start(p, "table-households", _("Households and visit coverage"));
	head_cell(p, _("households"));
	for (size_t c = 0; c < REPORT_NCATEGORIES; c++) {
		fputs("<th class=\"word\">", p->fp);
		html_write_text(p->fp, report_vocab_nth_label("category", c));
		fputs("</th>", p->fp);
	}
	for (size_t m = 0; m < s->nmilestones; m++) {
		const struct report_milestone *ms = &s->milestones[m];

		fputs("<th>", p->fp);
		if (s->county && ms->township != NULL) {
			html_write_text(p->fp, ms->township);
			fputs(" ", p->fp);
		}
		html_write_text(p->fp, ms->title != NULL ? ms->title : ms->milestone_id);
		fputs("<span class=\"due\">", p->fp);
		put_format(p->fp, _("by %s"), ms->due_date);
		fputs("</span></th>", p->fp);
	}
	fputs("</tr></thead>\n<tbody>\n", p->fp);
	for (size_t i = 0; i < s->nvillages; i++) {
		const struct report_village *v = &s->villages[i];

		row_start(p, i);
		count_cell(p, v->households);
		for (size_t c = 0; c < REPORT_NCATEGORIES; c++)
			count_cell(p, v->category[c]);
		for (size_t m = 0; m < s->nmilestones; m++) {
			const struct report_coverage *cv = v->coverage != NULL ?
			    &v->coverage[m] : NULL;
			double pc = cv != NULL ?
			    page_percent(cv->visited, cv->due) : -1;

			if (pc < 0) {
				fputs("<td class=\"num\">—</td>", p->fp);
				continue;
			}
			fprintf(p->fp, "<td class=\"num\">%s",
			    page_number(p, text, sizeof(text), "%.1f%%", pc));
			fprintf(p->fp, "<span class=\"of\">%s</span></td>",
			    page_number(p, text, sizeof(text), "%ld/%ld",
			    cv->visited, cv->due));
		}
		fputs("</tr>\n", p->fp);
	}
	empty_row(p, 1 + REPORT_NCATEGORIES + s->nmilestones);
	fputs("</tbody>\n</table>\n</section>\n", p->fp);
}

/* The vote on the village rules for people. */
static const char *
vote_label(const char *vote)
{
	if (vote == NULL)
		return "—";
	if (strcmp(vote, "adopted") == 0)
		return _("adopted");
	if (strcmp(vote, "not_adopted") == 0)
		return _("not adopted");
	if (strcmp(vote, "not_valid") == 0)
		return _("not valid");
	return vote;
}

/* The headings of table_issues() after the village's, in its order. */
static const char *const issue_columns[] = {
	N_("opened"), N_("repeats"), N_("resolved"), N_("fed back"), N_("closed"),
	N_("overdue"), N_("median days to resolution"), N_("extensions"),
	N_("meetings held / required"),
	/* xgettext:no-c-format */
	N_("recognition (95% interval)"),
	N_("answers"), N_("village rules vote")
};
#define NISSUE_COLUMNS (sizeof(issue_columns) / sizeof(issue_columns[0]))

/* The issue ledger, meetings, recognition and the vote. */
static void
table_issues(struct page *p)
{
	const struct report_summary *s = p->summary;
	char text[96];

	head_start(p, "table-issues", _("Issues, meetings and recognition"));
	for (size_t c = 0; c < NISSUE_COLUMNS; c++)
		head_cell(p, _(issue_columns[c]));
	fputs("</tr></thead>\n<tbody>\n", p->fp);
	for (size_t i = 0; i < s->nvillages; i++) {
		const struct report_village *v = &s->villages[i];

		row_start(p, i);
		count_cell(p, v->opened);
		count_cell(p, v->repeated);
		count_cell(p, v->resolved);
		count_cell(p, v->fed_back);
		count_cell(p, v->closed);
		count_cell(p, v->overdue);
		if (v->median_days >= 0 && isfinite(v->median_days))
			fprintf(p->fp, "<td class=\"num\">%s</td>",
			    page_number(p, text, sizeof(text), "%.1f",
			    v->median_days));
		else
			fputs("<td class=\"num\">—</td>", p->fp);
		count_cell(p, v->extensions);
		fprintf(p->fp, "<td class=\"num\">%s</td>",
		    page_number(p, text, sizeof(text), "%ld / %ld",
		    v->meetings_held, v->meetings_required));
		if (v->survey_n > 0) {
			double low = page_unit(v->ci_low);
			double high = page_unit(v->ci_high);

			fprintf(p->fp, "<td class=\"num\">%s",
			    page_number(p, text, sizeof(text), "%.1f%%",
			    100 * page_unit(v->rate)));
			fprintf(p->fp, "<span class=\"of\">%s</span></td>",
			    page_number(p, text, sizeof(text), "%.1f–%.1f%%",
			    100 * fmin(low, high), 100 * fmax(low, high)));
		} else {
			fputs("<td>", p->fp);
			html_write_text(p->fp, _("no survey"));
			fputs("</td>", p->fp);
		}
		count_cell(p, v->survey_n > 0 ? v->survey_n : 0);
		fputs("<td>", p->fp);
		html_write_text(p->fp, vote_label(v->vote));
		fputs("</td></tr>\n", p->fp);
	}
	empty_row(p, NISSUE_COLUMNS);
	fputs("</tbody>\n</table>\n</section>\n", p->fp);
}

/*
 * Write summary to fp as one HTML page that needs nothing else: its
 * style and charts inline, no script, nothing fetched; every text of
 * the store escaped, labels in the user's language.  Returns 0; or -1
 * with err set: EXIT_IOERR when a write fails, EXIT_OK with an empty
 * text when the reader closed the pipe (as writer_close), EXIT_SOFTWARE
 * when summary is none.  fp stays open and the caller's.
 */
int
report_summary_html(const struct report_summary *summary, FILE *fp,
    struct error *err)
{
	struct page page = { fp, summary, 0 };
	void (*const parts[])(struct page *) = {
		page_chart_coverage, page_chart_issues, page_chart_recognition,
		page_chart_age, page_chart_funnel, table_households, table_issues
	};

	if (summary == NULL || (summary->nvillages > 0 &&
	    summary->villages == NULL) || (summary->nmilestones > 0 &&
	    summary->milestones == NULL))
		return error_set(err, EXIT_SOFTWARE, "%s",
		    _("no summary to write"));
	errno = 0;
	page_head(&page);
	/* stop at the first part that could not be written */
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]) && !ferror(fp);
	    i++)
		parts[i](&page);
	fputs("</body>\n</html>\n", fp);
	if (fflush(fp) != 0 || ferror(fp)) {
		/* the reader went away (| head): not an error, just the end */
		if (errno == EPIPE)
			return error_set(err, EXIT_OK, "%s", "");
		return error_set(err, EXIT_IOERR, _("write error: %s"),
		    strerror(errno != 0 ? errno : EIO));
	}
	if (page.too_long)
		return error_set(err, EXIT_SOFTWARE, "%s",
		    _("a number of the summary is too long to print"));
	return 0;
}
