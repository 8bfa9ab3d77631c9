/* report_board.c -- report-gen board: what each village's honour and exposure boards show on a day, and its printable A4 page */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "report.h"
#include "report_parts.h"
#include "text.h"
#include "vocab.h"

static const struct column board_columns[] = {
	{ "village", N_("village"), COLUMN_TEXT },
	{ "board", N_("board"), COLUMN_TEXT, "board" },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "name", N_("name"), COLUMN_TEXT },
	{ "headline", N_("posted for"), COLUMN_TEXT },
	{ "honour_kind", N_("honour"), COLUMN_TEXT, "honour_kind" },
	{ "reason", N_("reason"), COLUMN_TEXT },
	{ "period_from", N_("from"), COLUMN_TEXT },
	{ "period_to", N_("until"), COLUMN_TEXT },
};
#define NCOLUMNS (sizeof(board_columns) / sizeof(board_columns[0]))

/* Never an ID number, a phone or a household's number: the board is public. */
static const char board_sql[] =
	"SELECT v.name, e.board, g.name, coalesce(m.name, h.head_name), "
	"coalesce(e.headline, nullif(o.title, '')), o.kind, e.reason, "
	"e.period_from, e.period_to FROM board_entry e "
	"JOIN household h ON h.household_id = e.household_id "
	"JOIN village v ON v.id = e.village_id "
	"LEFT JOIN village_group g ON g.id = h.group_id "
	"LEFT JOIN honour o ON o.id = e.honour_id "
	"LEFT JOIN member m ON m.id_number = o.id_number "
	"WHERE " BOARD_ON_SQL("e.", ":today") " "
	"AND (:village IS NULL OR v.name = :village) "
	"AND (:group IS NULL OR g.name = :group) "
	"ORDER BY v.id, e.board = 'exposure', g.id, e.period_from, e.household_id";

/* ---- the printable page: one A4 sheet a village ---- */

/* A row kept until its village's sheet is written: group, name, posted for, reason, period. */
struct posted {
	int exposure;
	char *text[5];
};

struct page {
	FILE *fp;
	const char *today;
	int county;		/* several townships: a sheet names its township */
	char *township;		/* the township of the village gathered */
	char *village;		/* the village gathered, NULL before the first */
	struct posted *rows;
	size_t n, cap;
	long sheets;
};

static const char page_style[] =
	"@page { size: A4; margin: 18mm }\n"
	"body { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", "
	"\"SimSun\", \"Noto Sans CJK SC\", serif; font-size: 12pt; color: #000 }\n"
	"section { break-after: page; page-break-after: always }\n"
	"section:last-of-type { break-after: auto; page-break-after: auto }\n"
	"h1 { text-align: center; font-size: 20pt; margin: 0 0 0.5em }\n"
	"h2 { text-align: center; font-size: 16pt; margin: 1em 0 0.3em; "
	"padding: 2px; color: #fff }\n"
	"h2.honour { background: #c00000 }\nh2.exposure { background: #333 }\n"
	"table { width: 100%; border-collapse: collapse; margin: 0.5em 0 }\n"
	"th, td { border: 1px solid #000; padding: 4px 6px; text-align: center }\n"
	"tr { break-inside: avoid; page-break-inside: avoid }\n"
	"p { margin: 0.5em 0 }\n"
	"p.sign { text-align: right; margin-top: 2em }\n";

static void
cell(FILE *fp, const char *tag, const char *text)
{
	fprintf(fp, "<%s>", tag);
	html_write_text(fp, text);
	fprintf(fp, "</%s>", tag);
}

/* One board's table of the village's sheet: its rows, or a line saying none. */
static void
board_table(struct page *p, int exposure)
{
	static const char *const heads[] = { N_("No."), N_("group"),
	    N_("name"), N_("posted for"), N_("reason"), N_("period") };
	FILE *fp = p->fp;
	long k = 0;

	fprintf(fp, "<h2 class=\"%s\">", exposure ? "exposure" : "honour");
	html_write_text(fp, vocab_label("board", exposure ? "exposure" : "honour"));
	fputs("</h2>\n", fp);
	for (size_t i = 0; i < p->n; i++)
		k += p->rows[i].exposure == exposure;
	if (k == 0) {
		fputs("<p>", fp);
		html_write_text(fp, _("Nobody is posted."));
		fputs("</p>\n", fp);
		return;
	}
	fputs("<table>\n<thead><tr>", fp);
	for (size_t i = 0; i < 6; i++)
		if (i != 4 || exposure)
			cell(fp, "th", _(heads[i]));
	fputs("</tr></thead>\n<tbody>\n", fp);
	k = 0;
	for (size_t i = 0; i < p->n; i++) {
		struct posted *r = &p->rows[i];

		if (r->exposure != exposure)
			continue;
		fprintf(fp, "<tr><td>%ld</td>", ++k);
		for (size_t t = 0; t < 5; t++)
			if (t != 3 || exposure)
				cell(fp, "td", r->text[t]);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void
posted_free(struct posted *r)
{
	for (size_t t = 0; t < 5; t++)
		free(r->text[t]);
}

/* Write the gathered village's sheet and forget its rows. */
static void
sheet_write(struct page *p)
{
	char line[512];

	if (p->village == NULL)
		return;
	fputs("<section>\n<h1>", p->fp);
	if (p->county)
		snprintf(line, sizeof(line), locale_is_chinese() ? "%s%s" : "%s %s",
		    p->township, p->village);
	else
		snprintf(line, sizeof(line), "%s", p->village);
	{
		char place[sizeof(line)];

		memcpy(place, line, sizeof(place));
		snprintf(line, sizeof(line), _("%s: honour and exposure boards"),
		    place);
	}
	html_write_text(p->fp, line);
	fputs("</h1>\n", p->fp);
	board_table(p, 0);
	board_table(p, 1);
	fputs("<p class=\"sign\">", p->fp);
	snprintf(line, sizeof(line), _("%s villagers' committee"), p->village);
	html_write_text(p->fp, line);
	fputs("<br>", p->fp);
	html_write_text(p->fp, p->today);
	fputs("</p>\n</section>\n", p->fp);
	for (size_t i = 0; i < p->n; i++)
		posted_free(&p->rows[i]);
	free(p->village);
	free(p->township);
	p->village = p->township = NULL;
	p->n = 0;
	p->sheets++;
}

/* Keep row v (township first) for its village's sheet; 0, or -1 with err set. */
static int
page_row(struct page *p, const char *const *v, struct error *err)
{
	const char *headline = v[5] != NULL ? v[5] :
	    vocab_label("honour_kind", v[6]);
	struct posted *r;
	char period[32];

	/* a village of one name in two townships is two sheets */
	if (p->village != NULL && (strcmp(p->village, v[1]) != 0 ||
	    strcmp(p->township, v[0]) != 0))
		sheet_write(p);
	if (p->village == NULL && ((p->village = strdup(v[1])) == NULL ||
	    (p->township = strdup(v[0])) == NULL))
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		struct posted *rows = realloc(p->rows, cap * sizeof(*rows));

		if (rows == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		p->rows = rows;
		p->cap = cap;
	}
	r = &p->rows[p->n];
	snprintf(period, sizeof(period), "%s—%s", v[8], v[9]);
	r->exposure = strcmp(v[2], "exposure") == 0;
	r->text[0] = strdup(v[3] != NULL ? v[3] : "");
	r->text[1] = strdup(v[4] != NULL ? v[4] : "");
	r->text[2] = strdup(headline != NULL ? headline : "");
	r->text[3] = strdup(v[7] != NULL ? v[7] : "");
	r->text[4] = strdup(period);
	for (size_t t = 0; t < 5; t++)
		if (r->text[t] == NULL) {
			posted_free(r);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
	p->n++;
	return 0;
}

/* End the page (err NULL: it failed already, free it only); 0, or -1 with err set. */
static int
page_close(struct page *p, struct error *err)
{
	int rc = 0;

	if (err != NULL) {
		sheet_write(p);
		if (p->sheets == 0) {
			fputs("<p>", p->fp);
			html_write_text(p->fp, _("Nobody is posted."));
			fputs("</p>\n", p->fp);
		}
		rc = report_html_end(p->fp, err);
	}
	for (size_t i = 0; i < p->n; i++)
		posted_free(&p->rows[i]);
	free(p->rows);
	free(p->village);
	free(p->township);
	return rc;
}

/* ---- the rows of every store ---- */

struct board_run {
	const struct report_filter *f;
	int skip;
	struct report_late_writer out;
	struct page *page;	/* html, else NULL */
	const char *v[NCOLUMNS + 1];
	long rows;
};

/* A report_store_fn: the store's entries on the boards. */
static int
board_store(void *context, struct store *s, const char *township,
    struct error *err)
{
	struct board_run *r = context;
	sqlite3_stmt *st;
	int rc, stopped = 0;

	if (r->page == NULL && report_late_open(&r->out, err) != 0)
		return -1;
	if ((st = store_prepare(s, board_sql, err)) == NULL)
		return -1;
	report_bind_named(st, ":village", r->f->village);
	report_bind_named(st, ":group", r->f->group);
	report_bind_named(st, ":today", r->f->today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->v[0] = township;
		for (size_t k = 0; k < NCOLUMNS; k++)
			r->v[k + 1] = (const char *)sqlite3_column_text(st, (int)k);
		if (r->page != NULL ? page_row(r->page, r->v, err) != 0 :
		    writer_row(r->out.w, r->v + r->skip, err) != 0) {
			stopped = 1;
			break;
		}
		r->rows++;
	}
	sqlite3_finalize(st);
	if (stopped)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

long
report_board(struct report_source *src, const struct report_filter *f,
    int labels, enum output_format format, unsigned flags, FILE *fp,
    struct error *err)
{
	int county = src->n > 1;
	struct page page = { fp, f->today, county, NULL, NULL, NULL, 0, 0, 0 };
	struct board_run r = { f, county ? 0 : 1,
	    { fp, format, flags, NULL, NCOLUMNS + 1 - (county ? 0 : 1), NULL },
	    NULL, { 0 }, 0 };
	struct column *cols = report_with_township(board_columns, NCOLUMNS);
	int rc = -1;

	(void)labels;
	if (cols == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		return -1;
	}
	r.out.columns = cols + r.skip;
	if (format == FORMAT_HTML) {
		r.page = &page;
		fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n<title>", locale_is_chinese() ?
		    "zh-CN" : "en");
		html_write_text(fp, _("honour and exposure boards"));
		fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		    page_style);
	}
	if (report_each_store(src, board_store, &r, err) != 0)
		goto out;
	if (r.page != NULL) {
		rc = page_close(r.page, err);
		r.page = NULL;
	} else if ((rc = report_late_open(&r.out, err)) == 0) {
		rc = writer_close(r.out.w, err);
		r.out.w = NULL;
	}
out:
	if (r.page != NULL)
		page_close(r.page, NULL);
	writer_close(r.out.w, NULL);
	free(cols);
	if (rc == 0)
		return r.rows;
	/* the reader closing the pipe is the end of output, not a failure */
	return err->status == EXIT_OK && err->text[0] == '\0' ? r.rows : -1;
}
