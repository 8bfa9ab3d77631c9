/* report_chart.c -- the SVG charts of the summary's HTML page: bars, stacks, intervals, axes */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "report.h"
#include "report_page.h"
#include "report_parts.h"
#include "text.h"

/*
 * Every chart is drawn in a box CHART_WIDTH units wide, shown at the
 * width of the page: 680 units are 180 mm, an A4 page within its 15 mm
 * margins, so one unit is about a CSS pixel in print.  Horizontal bar
 * charts keep their labels left of LABEL_RIGHT and draw from PLOT_LEFT.
 */
enum {
	CHART_WIDTH = 680,
	LABEL_RIGHT = 152,
	PLOT_LEFT = 160,
	LABEL_COLUMNS = 24	/* display columns of a label before it is cut */
};

/* A small fixed palette: colour-blind safe, and its shades stay apart in grey print. */
static const char *const milestone_fill[] = {
	"#443983", "#90d743", "#31688e", "#fde725", "#21918c", "#440154"
};
#define NMILESTONE_FILLS (sizeof(milestone_fill) / sizeof(milestone_fill[0]))

/* Statuses in vocab.c order, dark to light; the text written on each segment. */
static const char *const status_fill[REPORT_NSTATUSES] = {
	"#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743",
	"#fde725"
};
static const char *const status_ink[REPORT_NSTATUSES] = {
	"#fff", "#fff", "#fff", "#fff", "#111", "#111", "#111"
};

/* Bytes of the UTF-8 character at s (1 for a stray byte), never past a NUL. */
static size_t
char_length(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
	    (c & 0xf8) == 0xf0 ? 4 : 1;

	for (size_t k = 1; k < n; k++)
		if (s[k] == '\0')
			return k;
	return n;
}

/* s cut to at most cols display columns, an ellipsis marking the cut, into out. */
static const char *
label_cut(const char *s, size_t cols, char *out, size_t size)
{
	size_t width = 0, i = 0;

	if (s == NULL)
		s = "";
	if (text_width(s) <= cols && strlen(s) < size) {
		memcpy(out, s, strlen(s) + 1);
		return out;
	}
	while (s[i] != '\0') {
		char one[5];
		size_t n = char_length(s + i), w;

		memcpy(one, s + i, n);
		one[n] = '\0';
		w = text_width(one);
		if (width + w + 1 > cols || i + n + sizeof("…") > size)
			break;
		width += w;
		i += n;
	}
	memcpy(out, s, i);
	memcpy(out + i, "…", sizeof("…"));
	return out;
}

/*
 * How row i is named in a chart, cut to cols display columns (half
 * of them for the township, first in a county), into out.
 */
static const char *
row_label(const struct report_summary *s, size_t i, size_t cols, char *out,
    size_t size)
{
	const struct report_village *v = &s->villages[i];
	char town[128], village[256];
	const char *name = v->village != NULL ? v->village : "";
	int n;

	if (s->county && i + 1 == s->nvillages)
		return label_cut(_("county total"), cols, out, size);
	if (strcmp(name, "*") == 0)
		name = _("all villages");
	if (!s->county || v->township == NULL)
		return label_cut(name, cols, out, size);
	label_cut(v->township, cols / 2 - 1, town, sizeof(town));
	label_cut(name, cols - text_width(town) - 1, village, sizeof(village));
	n = snprintf(out, size, "%s %s", town, village);
	if (n < 0 || (size_t)n >= size)
		return label_cut(name, cols, out, size);
	return out;
}

/* ---- numbers ---- */

/* A coordinate: finite, bounded and rounded, so that no NaN or inf is ever written. */
static long
px(double v)
{
	if (!isfinite(v))
		return 0;
	if (v > 1e6)
		v = 1e6;
	if (v < -1e6)
		v = -1e6;
	return lround(v);
}

/* A round step for an axis of counts up to max: 1, 2, 5, 10, 20, ... with at most 5 steps. */
static long
axis_step(long max)
{
	static const long mantissa[] = { 1, 2, 5 };

	for (long base = 1;; base *= 10)
		for (size_t i = 0; i < 3; i++)
			if (max / (mantissa[i] * base) <= 5)
				return mantissa[i] * base;
}

/* The end of an axis of counts up to max: a whole number of steps, at least one. */
static long
axis_end(long max, long step)
{
	long end = max / step * step;

	if (end < max)
		end += step;
	return end > 0 ? end : step;
}

/* ---- pieces of SVG ---- */

static void
svg_open(struct page *p, long height, const char *label)
{
	fprintf(p->fp, "<svg viewBox=\"0 0 %d %ld\" width=\"%d\" height=\"%ld\" "
	    "role=\"img\" aria-label=\"", CHART_WIDTH, height, CHART_WIDTH, height);
	html_write_text(p->fp, label);
	fputs("\">\n", p->fp);
}

/* text at (x, y); anchor "start", "middle" or "end"; class may be NULL. */
static void
svg_text(struct page *p, double x, double y, const char *anchor,
    const char *class, const char *text)
{
	fprintf(p->fp, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"%s\"", px(x), px(y),
	    anchor);
	if (class != NULL)
		fprintf(p->fp, " class=\"%s\"", class);
	fputs(">", p->fp);
	html_write_text(p->fp, text);
	fputs("</text>\n", p->fp);
}

/* A label cut to fit, the whole of it in a tooltip. */
static void
svg_label(struct page *p, double x, double y, const char *class,
    const char *cut, const char *whole)
{
	fprintf(p->fp, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"end\"", px(x),
	    px(y));
	if (class != NULL)
		fprintf(p->fp, " class=\"%s\"", class);
	fputs("><title>", p->fp);
	html_write_text(p->fp, whole);
	fputs("</title>", p->fp);
	html_write_text(p->fp, cut);
	fputs("</text>\n", p->fp);
}

static void
svg_line(struct page *p, double x1, double y1, double x2, double y2,
    const char *class)
{
	fprintf(p->fp, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" "
	    "class=\"%s\"/>\n", px(x1), px(y1), px(x2), px(y2), class);
}

/* A rectangle; tip (may be NULL) becomes its tooltip. */
static void
svg_rect(struct page *p, double x, double y, double w, double h,
    const char *fill, const char *class, const char *tip)
{
	fprintf(p->fp, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" "
	    "fill=\"%s\" class=\"%s\"", px(x), px(y), px(w), px(h), fill, class);
	if (tip == NULL) {
		fputs("/>\n", p->fp);
		return;
	}
	fputs("><title>", p->fp);
	html_write_text(p->fp, tip);
	fputs("</title></rect>\n", p->fp);
}

/* A legend swatch and its label. */
static void
svg_key(struct page *p, double x, double y, const char *fill,
    const char *text)
{
	svg_rect(p, x, y - 9, 10, 10, fill, "bar", NULL);
	svg_text(p, x + 14, y, "start", "small", text);
}

/* The note of a chart with nothing to draw, centred in the plot. */
static void
svg_no_data(struct page *p, double x, double y)
{
	svg_text(p, x, y, "middle", "note", _("no data"));
}

/* Vertical grid lines and labels of a percent axis from top to bottom. */
static void
percent_axis(struct page *p, double left, double right, double top,
    double bottom)
{
	char text[16];

	for (int t = 0; t <= 100; t += 25) {
		double x = left + (right - left) * t / 100.0;

		svg_line(p, x, top, x, bottom, t == 0 ? "axis" : "grid");
		svg_text(p, x, bottom + 13, "middle", "small",
		    page_number(p, text, sizeof(text), "%d%%", t));
	}
	svg_line(p, left, bottom, right, bottom, "axis");
}

/* Vertical grid lines and labels of a count axis [0, end] from top to bottom. */
static void
count_axis(struct page *p, double left, double right, double top,
    double bottom, long end, long step)
{
	char text[32];

	for (long t = 0; t <= end; t += step) {
		double x = left + (right - left) * ((double)t / (double)end);

		svg_line(p, x, top, x, bottom, t == 0 ? "axis" : "grid");
		svg_text(p, x, bottom + 13, "middle", "small",
		    page_number(p, text, sizeof(text), "%ld", t));
		if (t > end - step)
			break;
	}
	svg_line(p, left, bottom, right, bottom, "axis");
}

/* ---- the charts ---- */

static void
chart_start(struct page *p, const char *id, const char *title,
    const char *caption)
{
	fprintf(p->fp, "<section id=\"%s\" class=\"chart\">\n<h2>", id);
	html_write_text(p->fp, title);
	fputs("</h2>\n<p class=\"caption\">", p->fp);
	html_write_text(p->fp, caption);
	fputs("</p>\n", p->fp);
}

static void
chart_end(struct page *p)
{
	fputs("</svg>\n</section>\n", p->fp);
}

/* (a) Coverage per village against each milestone: grouped horizontal bars. */
void
page_chart_coverage(struct page *p)
{
	const struct report_summary *s = p->summary;
	const double right = 610, bar = 11, gap = 2, group_gap = 9;
	size_t legend_rows = (s->nmilestones + 1) / 2;
	double legend = legend_rows > 0 ? 6 + 16.0 * (double)legend_rows : 0;
	double top = legend + 6, y, height;
	int empty = s->nvillages == 0 || s->nmilestones == 0;
	char label[192], whole[272], text[96];

	/* first the height: one bar per milestone with households due, per row */
	y = top;
	if (empty)
		y += 60;
	for (size_t i = 0; !empty && i < s->nvillages; i++) {
		size_t bars = 0;

		for (size_t m = 0; m < s->nmilestones; m++)
			if (s->villages[i].coverage != NULL &&
			    s->villages[i].coverage[m].due > 0)
				bars++;
		y += (double)(bars > 0 ? bars : 1) * (bar + gap) + group_gap;
	}
	height = y + 22;

	chart_start(p, "chart-coverage", _("Visit coverage"),
	    _("Households visited of those due, per village and milestone."));
	svg_open(p, px(height), _("Visit coverage per village and milestone"));
	for (size_t m = 0; m < s->nmilestones; m++) {
		const struct report_milestone *ms = &s->milestones[m];
		char title[192], due[64];

		label_cut(ms->title != NULL ? ms->title : ms->milestone_id, 40,
		    title, sizeof(title));
		label_cut(ms->due_date, 12, due, sizeof(due));
		page_number(p, whole, sizeof(whole), "%s (%s)", title, due);
		svg_key(p, 10 + 340.0 * (double)(m % 2), 18 + 16.0 * (double)(m / 2),
		    milestone_fill[m % NMILESTONE_FILLS], whole);
	}
	percent_axis(p, PLOT_LEFT, right, top - 4, y);
	if (empty) {
		svg_no_data(p, (PLOT_LEFT + right) / 2, top + 32);
		chart_end(p);
		return;
	}
	y = top;
	for (size_t i = 0; i < s->nvillages; i++) {
		const struct report_village *v = &s->villages[i];
		double start = y;
		size_t bars = 0;

		row_label(s, i, LABEL_COLUMNS, label, sizeof(label));
		row_label(s, i, 60, whole, sizeof(whole));
		for (size_t m = 0; m < s->nmilestones; m++) {
			const struct report_coverage *cv;
			double pc, w;

			if (v->coverage == NULL || v->coverage[m].due <= 0)
				continue;
			cv = &v->coverage[m];
			pc = page_percent(cv->visited, cv->due);
			w = (right - PLOT_LEFT) * pc / 100;
			page_number(p, text, sizeof(text), "%ld/%ld", cv->visited,
			    cv->due);
			svg_rect(p, PLOT_LEFT, y, w, bar,
			    milestone_fill[m % NMILESTONE_FILLS], "bar", text);
			svg_text(p, PLOT_LEFT + w + 3, y + bar - 1.5, "start", "small",
			    page_number(p, text, sizeof(text), "%.1f%%", pc));
			y += bar + gap;
			bars++;
		}
		if (bars == 0) {
			svg_text(p, PLOT_LEFT + 4, y + bar - 1.5, "start", "small",
			    _("no households due"));
			y += bar + gap;
		}
		svg_label(p, LABEL_RIGHT, (start + y - gap) / 2 + 4,
		    page_row_is_total(s, i) ? "total" : NULL, label, whole);
		y += group_gap;
	}
	chart_end(p);
}

/* (b) Issues by status per category: stacked horizontal bars. */
void
page_chart_issues(struct page *p)
{
	const struct report_summary *s = p->summary;
	long count[REPORT_NISSUE_CATEGORIES][REPORT_NSTATUSES];
	long total[REPORT_NISSUE_CATEGORIES] = { 0 }, max = 0, step, end;
	const double right = 620, bar = 12, row = 19;
	double top = 6 + 16 * 2 + 8, height, scale;
	char text[64], label[192];

	report_status_counts(s, count);
	for (size_t c = 0; c < REPORT_NISSUE_CATEGORIES; c++) {
		for (size_t t = 0; t < REPORT_NSTATUSES; t++)
			total[c] = report_count_add(total[c], count[c][t]);
		if (total[c] > max)
			max = total[c];
	}
	step = axis_step(max);
	end = axis_end(max, step);
	scale = (right - PLOT_LEFT) / (double)end;
	height = top + row * REPORT_NISSUE_CATEGORIES + 24;

	chart_start(p, "chart-issues", _("Issues by status"),
	    _("Issues in the ledger per category, by their status now."));
	svg_open(p, px(height), _("Issues by status per category"));
	for (size_t t = 0; t < REPORT_NSTATUSES; t++)
		svg_key(p, 10 + 168.0 * (double)(t % 4), 18 + 16.0 * (double)(t / 4),
		    status_fill[t], label_cut(report_vocab_nth_label("status", t), 28,
		    label, sizeof(label)));
	count_axis(p, PLOT_LEFT, right, top - 4, top + row * REPORT_NISSUE_CATEGORIES,
	    end, step);
	for (size_t c = 0; c < REPORT_NISSUE_CATEGORIES; c++) {
		const char *name = report_vocab_nth_label("issue_category", c);
		double y = top + row * (double)c + (row - bar) / 2, x = PLOT_LEFT;

		svg_label(p, LABEL_RIGHT, y + bar - 2, NULL,
		    label_cut(name, LABEL_COLUMNS, label, sizeof(label)), name);
		for (size_t t = 0; t < REPORT_NSTATUSES; t++) {
			double w = scale * (double)count[c][t];
			char tip[256];

			if (count[c][t] <= 0)
				continue;
			page_number(p, tip, sizeof(tip), "%s: %ld",
			    report_vocab_nth_label("status", t), count[c][t]);
			svg_rect(p, x, y, w, bar, status_fill[t], "seg", tip);
			if (w >= 16) {
				fprintf(p->fp, "<text x=\"%ld\" y=\"%ld\" "
				    "text-anchor=\"middle\" class=\"inside\" "
				    "style=\"fill: %s\">%s</text>\n", px(x + w / 2),
				    px(y + bar - 3), status_ink[t],
				    page_number(p, text, sizeof(text), "%ld",
				    count[c][t]));
			}
			x += w;
		}
		svg_text(p, x + 4, y + bar - 2, "start", "small",
		    page_number(p, text, sizeof(text), "%ld", total[c]));
	}
	if (max == 0)
		svg_no_data(p, (PLOT_LEFT + right) / 2, top + row * 5);
	chart_end(p);
}

/* (c) Recognition per village: the rate as a dot, its interval as a line. */
void
page_chart_recognition(struct page *p)
{
	const struct report_summary *s = p->summary;
	const double right = 500, row = 20;
	double top = 10, bottom, height;
	size_t rows = s->nvillages > 0 ? s->nvillages : 3;
	char text[96], label[192], whole[272];

	bottom = top + row * (double)rows;
	height = bottom + 22;
	chart_start(p, "chart-recognition", _("Recognition"),
	    /* xgettext:no-c-format */
	    _("Recognition rate of the latest survey round: the dot is the rate, "
	    "the line its 95% interval."));
	svg_open(p, px(height), _("Recognition per village with its interval"));
	percent_axis(p, PLOT_LEFT, right, top - 4, bottom);
	if (s->nvillages == 0)
		svg_no_data(p, (PLOT_LEFT + right) / 2, top + row * 1.7);
	for (size_t i = 0; i < s->nvillages; i++) {
		const struct report_village *v = &s->villages[i];
		double y = top + row * (double)i + row / 2, low, high, rate;

		row_label(s, i, LABEL_COLUMNS, label, sizeof(label));
		row_label(s, i, 60, whole, sizeof(whole));
		svg_label(p, LABEL_RIGHT, y + 4,
		    page_row_is_total(s, i) ? "total" : NULL, label, whole);
		if (v->survey_n <= 0) {
			svg_text(p, PLOT_LEFT + 6, y + 4, "start", "note small",
			    _("no survey"));
			continue;
		}
		rate = page_unit(v->rate);
		low = page_unit(isfinite(v->ci_low) ? v->ci_low : v->rate);
		high = page_unit(isfinite(v->ci_high) ? v->ci_high : v->rate);
		if (low > high) {
			double swap = low;

			low = high;
			high = swap;
		}
		svg_line(p, PLOT_LEFT + (right - PLOT_LEFT) * low, y,
		    PLOT_LEFT + (right - PLOT_LEFT) * high, y, "whisker");
		svg_line(p, PLOT_LEFT + (right - PLOT_LEFT) * low, y - 4,
		    PLOT_LEFT + (right - PLOT_LEFT) * low, y + 4, "whisker");
		svg_line(p, PLOT_LEFT + (right - PLOT_LEFT) * high, y - 4,
		    PLOT_LEFT + (right - PLOT_LEFT) * high, y + 4, "whisker");
		fprintf(p->fp, "<circle cx=\"%ld\" cy=\"%ld\" r=\"4.5\" "
		    "fill=\"#440154\" stroke=\"#fff\" stroke-width=\"1\"/>\n",
		    px(PLOT_LEFT + (right - PLOT_LEFT) * rate), px(y));
		svg_text(p, right + 8, y + 4, "start", "small",
		    page_number(p, text, sizeof(text),
		    "%.1f%% (%.1f–%.1f%%) n=%ld",
		    100 * rate, 100 * low, 100 * high, v->survey_n));
	}
	chart_end(p);
}

/* (d) Open issues by age: one vertical bar per age bucket. */
void
page_chart_age(struct page *p)
{
	const struct report_summary *s = p->summary;
	long count[REPORT_NAGES], max = 0, step, end;
	const double left = 70, right = 660, top = 20, bottom = 190;
	const double slot = (right - left) / REPORT_NAGES, bar = 64;
	char text[32];

	report_age_counts(s, count);
	for (size_t a = 0; a < REPORT_NAGES; a++)
		if (count[a] > max)
			max = count[a];
	step = axis_step(max);
	end = axis_end(max, step);

	chart_start(p, "chart-age", _("Open issues by age"),
	    _("Issues not yet resolved, by days since they were opened."));
	svg_open(p, px(bottom + 44), _("Open issues by age"));
	for (long t = 0; t <= end; t += step) {
		double y = bottom - (bottom - top) * ((double)t / (double)end);

		svg_line(p, left, y, right, y, t == 0 ? "axis" : "grid");
		svg_text(p, left - 6, y + 4, "end", "small",
		    page_number(p, text, sizeof(text), "%ld", t));
		if (t > end - step)
			break;
	}
	svg_line(p, left, top - 6, left, bottom, "axis");
	for (size_t a = 0; a < REPORT_NAGES; a++) {
		double x = left + slot * (double)a + (slot - bar) / 2;
		double h = (bottom - top) * ((double)count[a] / (double)end);

		if (count[a] > 0)
			svg_rect(p, x, bottom - h, bar, h, "#31688e", "bar", NULL);
		if (max > 0)
			svg_text(p, x + bar / 2, bottom - h - 4, "middle", "small",
			    page_number(p, text, sizeof(text), "%ld",
			    count[a]));
		svg_text(p, x + bar / 2, bottom + 15, "middle", NULL,
		    _(report_age_names[a]));
	}
	svg_text(p, (left + right) / 2, bottom + 36, "middle", "small",
	    _("days since the issue was opened"));
	if (max == 0)
		svg_no_data(p, (left + right) / 2, (top + bottom) / 2);
	chart_end(p);
}


/* The fill of each step of the funnel, dark to light. */
static const char *const funnel_fill[REPORT_NFUNNEL] = {
	"#440154", "#31688e", "#35b779", "#fde725"
};

/*
 * (e) The monitoring cases per village, clue to decision: a bar per
 * step the cases reached (clues, checked at home, posted, decided), each
 * no longer than the one before.
 */
void
page_chart_funnel(struct page *p)
{
	const struct report_summary *s = p->summary;
	const double right = 620, bar = 8, gap = 1, group_gap = 8, top = 30;
	double bottom, y = top, scale;
	long max = 0, step, end;
	char label[192], whole[272], text[96];

	for (size_t i = 0; i < s->nvillages; i++)
		if (s->villages[i].cases.opened > max)
			max = s->villages[i].cases.opened;
	step = axis_step(max);
	end = axis_end(max, step);
	scale = (right - PLOT_LEFT) / (double)end;
	bottom = top + (max > 0 ? (double)s->nvillages * (REPORT_NFUNNEL *
	    (bar + gap) + group_gap) : 60);

	chart_start(p, "chart-funnel", _("Monitoring cases, clue to decision"),
	    _("Cases per village by the furthest step reached: clues, checked "
	    "at home, posted, decided by the county."));
	svg_open(p, px(bottom + 22),
	    _("Monitoring cases per village, clue to decision"));
	for (size_t k = 0; k < REPORT_NFUNNEL; k++)
		svg_key(p, 10 + 168.0 * (double)k, 18, funnel_fill[k],
		    _(report_funnel_columns[k].label));
	count_axis(p, PLOT_LEFT, right, top - 4, bottom, end, step);
	if (max == 0)
		svg_no_data(p, (PLOT_LEFT + right) / 2, (top + bottom) / 2);
	for (size_t i = 0; i < s->nvillages && max > 0; i++) {
		long n[REPORT_NFUNNEL];
		double start = y;

		report_funnel_counts(&s->villages[i], n);
		row_label(s, i, LABEL_COLUMNS, label, sizeof(label));
		row_label(s, i, 60, whole, sizeof(whole));
		for (size_t k = 0; k < REPORT_NFUNNEL; k++) {
			double w = scale * (double)(n[k] > 0 ? n[k] : 0);

			if (n[k] > 0)
				svg_rect(p, PLOT_LEFT, y, w, bar, funnel_fill[k], "bar",
				    page_number(p, text, sizeof(text), "%s: %ld",
				    _(report_funnel_columns[k].label), n[k]));
			svg_text(p, PLOT_LEFT + w + 3, y + bar - 0.5, "start",
			    "small", page_number(p, text, sizeof(text), "%ld", n[k]));
			y += bar + gap;
		}
		svg_label(p, LABEL_RIGHT, (start + y - gap) / 2 + 4,
		    page_row_is_total(s, i) ? "total" : NULL, label, whole);
		y += group_gap;
	}
	chart_end(p);
}
