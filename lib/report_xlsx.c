/* report_xlsx.c -- the summary as a workbook: a sheet per table and chart of the page, its charts native */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"
#include "xlsx_out.h"

/*
 * The issues sheet's columns after township and village: the summary's
 * own, issues to the vote (report_summary_tail[]); the interval chart
 * reads low, rate and high.
 */
#define NISSUE_COLUMNS 15
enum { RATE = 11, LOW = 12, HIGH = 13 };

/* A workbook being made: its book, one sheet's columns and values. */
struct book {
	struct xlsx_book *book;
	const struct report_summary *s;
	unsigned flags;
	int labels;
	size_t skip;		/* 1: one township, no township column */
	struct column *cols;
	size_t ncols;
	char (*text)[96];	/* headings and numbers made here */
	size_t ntext;
	const char **v;
};

/* Room for n columns and their values: 0, or -1 with err set. */
static int
columns_room(struct book *b, size_t n, struct error *err)
{
	free(b->cols);
	free(b->text);
	free(b->v);
	b->ncols = b->ntext = 0;
	b->cols = calloc(n, sizeof(*b->cols));
	b->text = calloc(2 * n, sizeof(*b->text));
	b->v = calloc(n, sizeof(*b->v));
	if (b->cols == NULL || b->text == NULL || b->v == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

/* Text kept with the book's columns (printf of fmt). */
static const char *
keep(struct book *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *
keep(struct book *b, const char *fmt, ...)
{
	char *out = b->text[b->ntext++];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, sizeof(b->text[0]), fmt, ap);
	va_end(ap);
	return out;
}

/* Add a column. */
static void
column(struct book *b, const char *name, const char *label, enum column_type type)
{
	b->cols[b->ncols++] = (struct column){ name, label, type, NULL };
}

/* The township and village columns of the rows' sheets. */
static void
place_columns(struct book *b)
{
	column(b, "township", N_("township"), COLUMN_TEXT);
	column(b, "village", N_("village"), COLUMN_TEXT);
}

/* Row i's township and village into v[0..1]. */
static void
place_values(struct book *b, size_t i)
{
	const struct report_village *row = &b->s->villages[i];

	b->v[0] = row->township;
	b->v[1] = row->village;
	if (b->s->county && i + 1 == b->s->nvillages) {
		b->v[0] = NULL;
		b->v[1] = _("county total");
	} else if (row->village != NULL && strcmp(row->village, "*") == 0)
		b->v[1] = b->labels ? _("total") : row->village;
}

/* A count's text into its value, kept in num. */
static void
count_value(struct book *b, size_t c, long n, char (*num)[32])
{
	snprintf(num[c], sizeof(num[c]), "%ld", n);
	b->v[c] = num[c];
}

/* A rate (0..1) as "78.9%", a number shown as a percentage; < 0 or not finite: none. */
static void
rate_value(struct book *b, size_t c, double rate, char (*num)[32])
{
	b->v[c] = NULL;
	if (rate < 0 || !isfinite(rate))
		return;
	snprintf(num[c], sizeof(num[c]), "%.1f%%", 100 * rate);
	b->v[c] = num[c];
}

/*
 * A sheet of the book named name and titled "township name (as of
 * today)" and what its counts count (report_counts_sentence()), of b's
 * columns: its writer, or NULL with err set.
 */
static struct writer *
sheet(struct book *b, const char *name, struct error *err)
{
	const char *town = b->s->title_township;
	char named[512], counts[1024], title[2048];

	snprintf(named, sizeof(named), "%s%s%s", town != NULL ? town : "",
	    town != NULL ? " " : "", name);
	snprintf(title, sizeof(title), _("%s (as of %s)"), named, b->s->today);
	snprintf(title + strlen(title), sizeof(title) - strlen(title), " %s",
	    report_counts_sentence(b->s, counts, sizeof(counts)));
	return writer_open_sheet(b->book, name, title, NULL, b->cols + b->skip,
	    b->ncols - b->skip, b->flags, err);
}

/* Write v (from its township column) as a row of w: 0 or -1. */
static int
row(struct book *b, struct writer *w, struct error *err)
{
	return writer_row(w, b->v + b->skip, err);
}

/*
 * After a sheet's rows (rc: 0 when they all went in): its chart of
 * kind, titled title, of categories first to last and series[0..n),
 * then the sheet closed.  0, or -1 with err set.
 */
static int
sheet_end(struct writer *w, int rc, enum xlsx_chart kind, const char *title,
    size_t first, size_t last, const size_t *series, size_t n,
    struct error *err)
{
	if (rc == 0)
		rc = xlsx_out_chart(writer_sheet(w), kind, title, first, last,
		    series, n, err);
	if (writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}

/*
 * The category column of a rows' sheet's charts: the village's (with
 * the township beside it in a county's; libxlsxwriter cannot cache the
 * two columns as one axis of two levels).
 */
static void
categories(const struct book *b, size_t *first, size_t *last)
{
	*first = *last = b->skip ? 0 : 1;
}

/* Households and visit coverage, with its chart: 0 or -1. */
static int
sheet_households(struct book *b, struct error *err)
{
	const struct report_summary *s = b->s;
	size_t n = 3 + REPORT_NCATEGORIES + s->nmilestones, first, last;
	size_t *series = calloc(s->nmilestones + 1, sizeof(size_t));
	char (*num)[32] = calloc(n, sizeof(*num));
	struct writer *w = NULL;
	int rc = -1;

	if (series == NULL || num == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	if (columns_room(b, n, err) != 0)
		goto out;
	place_columns(b);
	column(b, "households", N_("households"), COLUMN_INTEGER);
	for (size_t c = 0; c < REPORT_NCATEGORIES; c++)
		column(b, "category", report_vocab_nth_label("category", c),
		    COLUMN_INTEGER);
	for (size_t m = 0; m < s->nmilestones; m++) {
		const struct report_milestone *ms = &s->milestones[m];
		char by[64];

		snprintf(by, sizeof(by), _("by %s"), ms->due_date);
		series[m] = b->ncols - b->skip;
		column(b, "coverage", keep(b, "%s%s%s %s", s->county &&
		    ms->township != NULL ? ms->township : "", s->county &&
		    ms->township != NULL ? " " : "", ms->title != NULL ? ms->title :
		    ms->milestone_id, by), COLUMN_NUMBER);
	}
	if ((w = sheet(b, _("Households and visit coverage"), err)) == NULL)
		goto out;
	rc = 0;
	for (size_t i = 0; i < s->nvillages && rc == 0; i++) {
		const struct report_village *v = &s->villages[i];
		size_t c = 2;

		place_values(b, i);
		count_value(b, c++, v->households, num);
		for (size_t k = 0; k < REPORT_NCATEGORIES; k++)
			count_value(b, c++, v->category[k], num);
		for (size_t m = 0; m < s->nmilestones; m++, c++)
			rate_value(b, c, v->coverage != NULL && v->coverage[m].due > 0 ?
			    (double)v->coverage[m].visited / (double)v->coverage[m].due :
			    -1, num);
		rc = row(b, w, err);
	}
	categories(b, &first, &last);
	rc = sheet_end(w, rc, XLSX_CHART_BARS,
	    _("Visit coverage per village and milestone"), first, last, series,
	    s->nmilestones, err);
	w = NULL;
out:
	writer_close(w, NULL);
	free(series);
	free(num);
	return rc;
}

/* Issues, meetings and recognition, with the recognition chart: 0 or -1. */
static int
sheet_issues(struct book *b, struct error *err)
{
	const struct report_summary *s = b->s;
	size_t n = 2 + NISSUE_COLUMNS, first, last, series[3];
	char num[2 + NISSUE_COLUMNS][32];
	struct writer *w = NULL;
	int rc = 0;

	if (columns_room(b, n, err) != 0)
		return -1;
	place_columns(b);
	for (size_t c = 0; c < NISSUE_COLUMNS; c++)
		b->cols[b->ncols++] = report_summary_tail[c];
	if ((w = sheet(b, _("Issues, meetings and recognition"), err)) == NULL)
		return -1;
	for (size_t i = 0; i < s->nvillages && rc == 0; i++) {
		const struct report_village *v = &s->villages[i];
		long counts[] = { v->opened, v->repeated, v->resolved, v->fed_back,
		    v->closed, v->overdue };
		double rates[] = { v->rate, v->ci_low, v->ci_high };
		size_t c = 2;

		place_values(b, i);
		for (size_t k = 0; k < 6; k++)
			count_value(b, c++, counts[k], num);
		b->v[c] = NULL;
		if (v->median_days >= 0 && isfinite(v->median_days)) {
			snprintf(num[c], sizeof(num[c]), "%.1f", v->median_days);
			b->v[c] = num[c];
		}
		c++;
		count_value(b, c++, v->extensions, num);
		count_value(b, c++, v->meetings_held, num);
		count_value(b, c++, v->meetings_required, num);
		count_value(b, c++, v->survey_n > 0 ? v->survey_n : 0, num);
		for (size_t k = 0; k < 3; k++, c++)
			rate_value(b, c, v->survey_n > 0 ? rates[k] : -1, num);
		b->v[c++] = report_vote_text(v->vote, b->labels);
		rc = row(b, w, err);
	}
	categories(b, &first, &last);
	series[0] = 2 + LOW - b->skip;
	series[1] = 2 + RATE - b->skip;
	series[2] = 2 + HIGH - b->skip;
	return sheet_end(w, rc, XLSX_CHART_INTERVAL,
	    _("Recognition per village with its interval"), first, last, series, 3,
	    err);
}

/* Issues by status per category, stacked: 0 or -1. */
static int
sheet_status(struct book *b, struct error *err)
{
	long count[REPORT_NISSUE_CATEGORIES][REPORT_NSTATUSES];
	char num[REPORT_NSTATUSES + 2][32];
	size_t series[REPORT_NSTATUSES];
	struct writer *w = NULL;
	int rc = 0;

	report_status_counts(b->s, count);
	if (columns_room(b, REPORT_NSTATUSES + 2, err) != 0)
		return -1;
	column(b, "category", N_("category"), COLUMN_TEXT);
	for (size_t t = 0; t < REPORT_NSTATUSES; t++) {
		column(b, "status", report_vocab_nth_label("status", t), COLUMN_INTEGER);
		series[t] = t + 1;
	}
	column(b, "total", N_("total"), COLUMN_INTEGER);
	b->skip = 0;
	if ((w = sheet(b, _("Issues by status"), err)) == NULL)
		return -1;
	for (size_t c = 0; c < REPORT_NISSUE_CATEGORIES && rc == 0; c++) {
		long total = 0;

		b->v[0] = report_vocab_nth_label("issue_category", c);
		for (size_t t = 0; t < REPORT_NSTATUSES; t++) {
			count_value(b, t + 1, count[c][t], num);
			total = report_count_add(total, count[c][t]);
		}
		count_value(b, REPORT_NSTATUSES + 1, total, num);
		rc = row(b, w, err);
	}
	return sheet_end(w, rc, XLSX_CHART_STACKED,
	    _("Issues by status per category"), 0, 0, series, REPORT_NSTATUSES,
	    err);
}

/* Open issues by age: 0 or -1. */
static int
sheet_age(struct book *b, struct error *err)
{
	long count[REPORT_NAGES];
	char num[2][32];
	const size_t series[] = { 1 };
	struct writer *w = NULL;
	int rc = 0;

	report_age_counts(b->s, count);
	if (columns_room(b, 2, err) != 0)
		return -1;
	column(b, "age", N_("days since the issue was opened"), COLUMN_TEXT);
	column(b, "open_issues", N_("open issues"), COLUMN_INTEGER);
	b->skip = 0;
	if ((w = sheet(b, _("Open issues by age"), err)) == NULL)
		return -1;
	for (size_t a = 0; a < REPORT_NAGES && rc == 0; a++) {
		b->v[0] = _(report_age_names[a]);
		count_value(b, 1, count[a], num);
		rc = row(b, w, err);
	}
	return sheet_end(w, rc, XLSX_CHART_COLUMNS, _("Open issues by age"), 0, 0,
	    series, 1, err);
}

/* The monitoring cases per village, clue to decision, with its bars: 0 or -1. */
static int
sheet_cases(struct book *b, struct error *err)
{
	const struct report_summary *s = b->s;
	size_t series[REPORT_NFUNNEL], first, last;
	char num[2 + REPORT_NFUNNEL][32];
	struct writer *w;
	int rc = 0;

	if (columns_room(b, 2 + REPORT_NFUNNEL, err) != 0)
		return -1;
	place_columns(b);
	for (size_t k = 0; k < REPORT_NFUNNEL; k++) {
		series[k] = b->ncols - b->skip;
		b->cols[b->ncols++] = report_funnel_columns[k];
	}
	if ((w = sheet(b, _("Monitoring cases"), err)) == NULL)
		return -1;
	for (size_t i = 0; i < s->nvillages && rc == 0; i++) {
		long n[REPORT_NFUNNEL];

		report_funnel_counts(&s->villages[i], n);
		place_values(b, i);
		for (size_t k = 0; k < REPORT_NFUNNEL; k++)
			count_value(b, 2 + k, n[k], num);
		rc = row(b, w, err);
	}
	categories(b, &first, &last);
	return sheet_end(w, rc, XLSX_CHART_BARS,
	    _("Monitoring cases per village, clue to decision"), first, last,
	    series, REPORT_NFUNNEL, err);
}

int
report_summary_xlsx(const struct report_summary *summary, unsigned flags,
    FILE *fp, struct error *err)
{
	struct book b = { .s = summary, .flags = flags,
	    .labels = (flags & OUTPUT_LABELS) != 0 };
	int (*const sheets[])(struct book *, struct error *) = {
		sheet_households, sheet_issues, sheet_status, sheet_age,
		sheet_cases
	};
	int rc = 0;

	/* a few rows per village: the charts' cells are cached, not streamed */
	if ((b.book = xlsx_book_open(fp, 0, err)) == NULL)
		return -1;
	for (size_t i = 0; i < sizeof(sheets) / sizeof(sheets[0]) && rc == 0; i++) {
		b.skip = summary->county ? 0 : 1;
		rc = sheets[i](&b, err);
	}
	if (xlsx_book_close(b.book, rc == 0 ? err : NULL) != 0)
		rc = -1;
	free(b.cols);
	free(b.text);
	free(b.v);
	return rc;
}
