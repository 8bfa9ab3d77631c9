/* report_posting.c -- the public posting list (公示名单) of monitoring cases as printable A4 pages, one per village */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"
#include "text.h"
#include "vocab.h"

/* A row of the list kept until its page is written. */
struct posted {
	char *group, *head, *type, *monitor_type, *risks;
};

struct report_posting {
	FILE *fp;
	const char *today;
	char *township, *village;	/* the page being gathered: a village's */
	char from[11], until[11];	/* posting of those days ("": not begun) */
	struct posted *rows;
	size_t n, cap;
	long pages;
};

static const char page_style[] =
	"@page { size: A4; margin: 20mm }\n"
	"body { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", "
	"\"SimSun\", \"Noto Sans CJK SC\", serif; font-size: 12pt; color: #000 }\n"
	"section { break-after: page; page-break-after: always }\n"
	"section:last-of-type { break-after: auto; page-break-after: auto }\n"
	"h1 { text-align: center; font-size: 18pt; margin: 0 0 1em }\n"
	"table { width: 100%; border-collapse: collapse; margin: 1em 0 }\n"
	"th, td { border: 1px solid #000; padding: 4px 6px; text-align: center }\n"
	"thead { display: table-header-group }\n"
	"tr { break-inside: avoid; page-break-inside: avoid }\n"
	"p { line-height: 1.8; text-indent: 2em; margin: 0.5em 0 }\n"
	"p.sign { text-align: right; text-indent: 0; margin-top: 3em }\n";

struct report_posting *
report_posting_open(FILE *fp, const char *today, struct error *err)
{
	struct report_posting *p = calloc(1, sizeof(*p));

	if (p == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		return NULL;
	}
	p->fp = fp;
	p->today = today;
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", locale_is_chinese() ? "zh-CN" : "en");
	html_write_text(fp, _("public posting list of monitoring cases"));
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", page_style);
	return p;
}

static void
posted_free(struct posted *r)
{
	free(r->group);
	free(r->head);
	free(r->type);
	free(r->monitor_type);
	free(r->risks);
}

/* A cell of the page's table. */
static void
cell(FILE *fp, const char *text)
{
	fputs("<td>", fp);
	html_write_text(fp, text);
	fputs("</td>", fp);
}

/* Write the gathered village's page and forget its rows. */
static void
page_write(struct report_posting *p)
{
	FILE *fp = p->fp;
	char line[512];

	if (p->village == NULL)
		return;
	fputs("<section>\n<h1>", fp);
	snprintf(line, sizeof(line), _("%s: households proposed for monitoring "
	    "or for ending their risk, posted for objections"), p->village);
	html_write_text(fp, line);
	fputs("</h1>\n<p>", fp);
	html_write_text(fp, _("These households passed the home check, the data "
	    "cross-check and the village review. Anyone who objects may tell the "
	    "villagers' committee or the township government during the posting."));
	fputs("</p>\n<table>\n<thead><tr>", fp);
	{
		const char *heads[] = { _("No."), _("group"), _("head"),
		    _("proposed"),
		    _("monitor type"), _("risks") };

		for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
			fputs("<th>", fp);
			html_write_text(fp, heads[i]);
			fputs("</th>", fp);
		}
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < p->n; i++) {
		struct posted *r = &p->rows[i];

		fprintf(fp, "<tr><td>%zu</td>", i + 1);
		cell(fp, r->group);
		cell(fp, r->head);
		cell(fp, r->type);
		cell(fp, r->monitor_type);
		cell(fp, r->risks);
		fputs("</tr>\n", fp);
		posted_free(r);
	}
	fputs("</tbody>\n</table>\n<p>", fp);
	/* a posting not yet begun leaves its days to be written in by hand */
	if (p->from[0] != '\0')
		snprintf(line, sizeof(line), _("Posted from %s to %s."), p->from,
		    p->until);
	else
		snprintf(line, sizeof(line), _("Posted from %s to %s."),
		    "__________", "__________");
	html_write_text(fp, line);
	fputs("</p>\n<p class=\"sign\">", fp);
	snprintf(line, sizeof(line), _("%s villagers' committee"), p->village);
	html_write_text(fp, line);
	fputs("<br>", fp);
	html_write_text(fp, p->today);
	fputs("</p>\n</section>\n", fp);
	free(p->township);
	free(p->village);
	p->township = p->village = NULL;
	p->from[0] = p->until[0] = '\0';
	p->n = 0;
	p->pages++;
}

/* A copy of s ("" for NULL), or NULL when memory runs out. */
static char *
copy(const char *s)
{
	return strdup(s != NULL ? s : "");
}

int
report_posting_row(struct report_posting *p, const char *const *v,
    struct error *err)
{
	struct posted *r;

	const char *from = v[8] != NULL && strlen(v[8]) == 10 ? v[8] : "";
	const char *until = v[9] != NULL && strlen(v[9]) == 10 ? v[9] : "";

	/* a page per village and posting: those posted together, or not yet */
	if (p->village != NULL && (strcmp(p->township, v[0]) != 0 ||
	    strcmp(p->village, v[2]) != 0 || strcmp(p->from, from) != 0 ||
	    strcmp(p->until, until) != 0))
		page_write(p);
	if (p->village == NULL) {
		if ((p->township = copy(v[0])) == NULL ||
		    (p->village = copy(v[2])) == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		memcpy(p->from, from, strlen(from) + 1);
		memcpy(p->until, until, strlen(until) + 1);
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		struct posted *rows = realloc(p->rows, cap * sizeof(*rows));

		if (rows == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		p->rows = rows;
		p->cap = cap;
	}
	r = &p->rows[p->n];
	r->group = copy(v[3]);
	r->head = copy(v[4]);
	r->type = copy(v[5] != NULL ? vocab_label("case_type", v[5]) : NULL);
	r->monitor_type = copy(v[6] != NULL ? vocab_label("monitor_type", v[6]) :
	    NULL);
	r->risks = copy(v[7]);
	if (r->group == NULL || r->head == NULL || r->type == NULL ||
	    r->monitor_type == NULL || r->risks == NULL) {
		posted_free(r);
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	}
	p->n++;
	return 0;
}

int
report_html_end(FILE *fp, struct error *err)
{
	fputs("</body>\n</html>\n", fp);
	if (fflush(fp) == 0 && !ferror(fp))
		return 0;
	return output_pipe_closed(fp) ? error_set(err, EXIT_OK, "%s", "") :
	    error_set(err, EXIT_IOERR, _("write error: %s"),
	    strerror(errno ? errno : EIO));
}

int
report_posting_close(struct report_posting *p, struct error *err)
{
	int rc = 0;

	if (p == NULL)
		return 0;
	if (err != NULL) {
		page_write(p);
		if (p->pages == 0) {
			fputs("<p>", p->fp);
			html_write_text(p->fp, _("No case is to be posted."));
			fputs("</p>\n", p->fp);
		}
		rc = report_html_end(p->fp, err);
	}
	for (size_t i = 0; i < p->n; i++)
		posted_free(&p->rows[i]);
	free(p->rows);
	free(p->township);
	free(p->village);
	free(p);
	return rc;
}
