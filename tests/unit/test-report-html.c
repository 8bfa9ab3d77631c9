/* test-report-html.c -- the HTML summary: self-contained, escaped, five charts, sane with no data */
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "renke.h"
#include "report.h"
#include "tap.h"

/* Texts of the sample store; the second village's name must come out escaped. */
static char township[] = "青山镇";
static char village_a[] = "青山村";
static char village_b[] = "<b>&\"x'";
static char village_all[] = "*";
static char round_name[] = "2022-11 'phone'";
static char milestone_a[] = "M1";
static char milestone_b[] = "M2";
static char title_a[] = "脱贫户、监测户全覆盖";
static char title_b[] = "All households & <groups>";
static char due_a[] = "2022-11-01";
static char due_b[] = "2023-02-18";
static char adopted[] = "adopted";
static char not_valid[] = "not_valid";

static struct report_milestone milestones[2] = {
	{ township, milestone_a, title_a, due_a },
	{ township, milestone_b, title_b, due_b },
};
static struct report_coverage coverage[3][2] = {
	{ { 20, 17 }, { 120, 45 } },
	{ { 8, 8 }, { 0, 0 } },
	{ { 28, 25 }, { 120, 45 } },
};
static struct report_village villages[3];

/* Two villages and the township's "*" row. */
static void
sample(struct report_summary *s)
{
	struct report_village *a = &villages[0], *b = &villages[1],
	    *all = &villages[2];

	memset(villages, 0, sizeof(villages));
	a->township = township;
	a->village = village_a;
	a->households = 120;
	a->members = 410;
	a->category[0] = 15;
	a->category[1] = 5;
	a->category[2] = 9;
	a->category[5] = 91;
	a->coverage = coverage[0];
	a->opened = 12;
	a->resolved = 7;
	a->fed_back = 5;
	a->closed = 3;
	a->overdue = 2;
	a->extensions = 1;
	a->median_days = 6.5;
	a->meetings_held = 3;
	a->meetings_required = 4;
	a->survey_n = 40;
	a->rate = 0.875;
	a->ci_low = 0.7398;
	a->ci_high = 0.9454;
	a->vote = adopted;
	a->by_category_status[0][0] = 2;	/* infrastructure, open */
	a->by_category_status[0][2] = 3;	/* resolved */
	a->by_category_status[0][3] = 2;	/* feedback given */
	a->by_category_status[3][1] = 2;	/* housing, in progress */
	a->by_category_status[4][4] = 3;	/* medical, closed */
	a->open_by_age[0] = 1;
	a->open_by_age[2] = 2;
	a->open_by_age[4] = 1;
	a->cases.opened = 5;
	a->cases.checked = 4;
	a->cases.posted = 2;
	a->cases.decided = 1;

	b->township = township;
	b->village = village_b;
	b->households = 8;
	b->members = 20;
	b->category[3] = 2;
	b->category[4] = 1;
	b->category[5] = 5;
	b->coverage = coverage[1];
	b->opened = 4;
	b->resolved = 1;
	b->median_days = -1;
	b->meetings_required = 4;
	b->survey_n = 0;
	b->vote = not_valid;
	b->by_category_status[1][0] = 3;	/* environment, open */
	b->by_category_status[9][5] = 1;	/* other, reopened */
	b->open_by_age[1] = 2;
	b->open_by_age[3] = 1;
	b->cases.opened = 1;
	b->cases.checked = 1;

	*all = *a;
	all->village = village_all;
	all->households = 128;
	all->members = 430;
	for (size_t c = 0; c < REPORT_NCATEGORIES; c++)
		all->category[c] = a->category[c] + b->category[c];
	all->coverage = coverage[2];
	all->opened = 16;
	all->resolved = 8;
	all->meetings_held = 3;
	all->meetings_required = 8;
	all->vote = NULL;
	for (size_t c = 0; c < REPORT_NISSUE_CATEGORIES; c++)
		for (size_t t = 0; t < REPORT_NSTATUSES; t++)
			all->by_category_status[c][t] =
			    a->by_category_status[c][t] + b->by_category_status[c][t];
	for (size_t k = 0; k < REPORT_NAGES; k++)
		all->open_by_age[k] = a->open_by_age[k] + b->open_by_age[k];
	all->cases.opened = 6;
	all->cases.checked = 5;
	all->cases.posted = 2;
	all->cases.decided = 1;

	memset(s, 0, sizeof(*s));
	s->title_township = township;
	s->survey_round = round_name;
	memcpy(s->today, "2022-11-30", 11);
	s->milestones = milestones;
	s->nmilestones = 2;
	s->villages = villages;
	s->nvillages = 3;
}

/* Render s into a string the caller frees; NULL (with a TAP failure) if that fails. */
static char *
render(const struct report_summary *s, const char *what)
{
	struct error err = { 0 };
	char *page = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&page, &size);
	int rc;

	if (fp == NULL) {
		ok(0, "%s: open_memstream: %s", what, strerror(errno));
		return NULL;
	}
	rc = report_summary_html(s, fp, &err);
	if (fclose(fp) != 0)
		rc = -1;
	ok(rc == 0, "%s: renders", what);
	if (rc != 0) {
		printf("#   %d %s\n", err.status, err.text);
		free(page);
		return NULL;
	}
	return page;
}

/* Occurrences of needle in page. */
static int
count(const char *page, const char *needle)
{
	int n = 0;

	for (const char *at = page; (at = strstr(at, needle)) != NULL;
	    at += strlen(needle))
		n++;
	return n;
}

/* 1 when page holds needle in any case. */
static int
holds_any_case(const char *page, const char *needle)
{
	size_t n = strlen(needle);

	for (const char *at = page; *at != '\0'; at++)
		if (strncasecmp(at, needle, n) == 0)
			return 1;
	return 0;
}

/* 1 when page holds word in any case, not inside a longer word ("inf", not "infrastructure"). */
static int
holds_word(const char *page, const char *word)
{
	size_t n = strlen(word);

	for (const char *at = page; *at != '\0'; at++)
		if (strncasecmp(at, word, n) == 0 &&
		    (at == page || !isalpha((unsigned char)at[-1])) &&
		    !isalpha((unsigned char)at[n]))
			return 1;
	return 0;
}

/* What every page must be: self-contained, five charts, finite numbers, A4. */
static void
check_page(const char *page, const char *what)
{
	static const char *const charts[] = {
		"chart-coverage", "chart-issues", "chart-recognition", "chart-age",
		"chart-funnel"
	};
	static const char *const outside[] = {
		"<script", "http", "url(", "@import", "src=", "href=", "<link",
		"<img", "<iframe", "<object"
	};

	ok(strncmp(page, "<!DOCTYPE html>\n", 16) == 0, "%s: an HTML5 document", what);
	ok(strstr(page, "<meta charset=\"utf-8\">") != NULL, "%s: says it is UTF-8", what);
	ok(strstr(page, "@page { size: A4; margin: 15mm }") != NULL,
	    "%s: prints on A4", what);
	ok(strstr(page, "page-break-inside: avoid") != NULL,
	    "%s: sections are not split across pages", what);
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++)
		ok(!holds_any_case(page, outside[i]), "%s: no \"%s\"", what,
		    outside[i]);
	ok(strstr(page, "//") == NULL, "%s: no \"//\"", what);
	ok(!holds_word(page, "nan"), "%s: no NaN", what);
	ok(!holds_word(page, "inf") && !holds_word(page, "infinity"),
	    "%s: no inf", what);
	for (size_t i = 0; i < sizeof(charts) / sizeof(charts[0]); i++) {
		char id[64];
		const char *start, *end, *svg;

		snprintf(id, sizeof(id), "<section id=\"%s\"", charts[i]);
		start = strstr(page, id);
		ok(start != NULL, "%s: has %s", what, charts[i]);
		end = start != NULL ? strstr(start, "</section>") : NULL;
		svg = start != NULL ? strstr(start, "<svg") : NULL;
		ok(end != NULL && svg != NULL && svg < end &&
		    strstr(start, "<h2>") < svg,
		    "%s: %s holds a heading and an <svg>", what, charts[i]);
	}
	is_int(count(page, "<svg"), 5, "%s: five charts", what);
	is_int(count(page, "</svg>"), 5, "%s: every <svg> closed", what);
	is_int(count(page, "<section"), count(page, "</section>"),
	    "%s: every <section> closed", what);
	is_int(count(page, "<h2>"), 7, "%s: every section has a heading", what);
	ok(strstr(page, "</html>\n") != NULL, "%s: the whole page", what);
}

/* The populated sample: every text of the data, escaped. */
static void
test_sample(void)
{
	struct report_summary s;
	char *page;

	sample(&s);
	page = render(&s, "sample");
	if (page == NULL)
		return;
	check_page(page, "sample");
	ok(strstr(page, "&lt;b&gt;&amp;&quot;x&#39;") != NULL,
	    "the village <b>&\"x' is there, escaped");
	ok(strstr(page, "<b>") == NULL && strstr(page, "&\"x") == NULL,
	    "the village is never there unescaped");
	ok(count(page, township) >= 2, "the township is in the title and the heading");
	ok(count(page, village_a) >= 3, "青山村 is in the tables and charts");
	ok(strstr(page, "2022-11 &#39;phone&#39;") != NULL, "the survey round, escaped");
	ok(strstr(page, "2022-11-30") != NULL, "the date");
	ok(strstr(page, title_a) != NULL, "the first milestone's title");
	ok(strstr(page, "All households &amp; &lt;groups&gt;") != NULL,
	    "the second milestone's title, escaped");
	ok(strstr(page, due_a) != NULL && strstr(page, due_b) != NULL,
	    "the milestones' due dates");
	ok(strstr(page, "85.0%") != NULL, "coverage 17 of 20 is 85.0%%");
	ok(strstr(page, "37.5%") != NULL, "coverage 45 of 120 is 37.5%%");
	ok(strstr(page, "87.5%") != NULL, "the recognition rate");
	ok(strstr(page, "74.0–94.5%") != NULL, "the recognition interval");
	ok(strstr(page, "no survey") != NULL, "a village without a survey says so");
	ok(strstr(page, "all villages") != NULL, "the \"*\" row is named");
	ok(strstr(page, ">adopted<") != NULL && strstr(page, ">not valid<") != NULL,
	    "the votes");
	ok(strstr(page, "lifted") != NULL && strstr(page, "ordinary") != NULL,
	    "household category labels");
	ok(strstr(page, "infrastructure") != NULL && strstr(page, "other") != NULL,
	    "issue category labels");
	ok(strstr(page, "in progress") != NULL && strstr(page, "closed, promised") != NULL,
	    "status labels");
	ok(strstr(page, "over 60 days") != NULL, "the age buckets");
	ok(strstr(page, "<title>checked: 4</title>") != NULL &&
	    strstr(page, "<title>case clues: 6</title>") != NULL,
	    "the funnel: a village's checked cases, the township's clues");
	ok(strstr(page, "no data") == NULL, "no chart says \"no data\"");
	free(page);
}

/* An empty store: axes and a note, nothing divided by zero. */
static void
test_empty(void)
{
	struct report_summary s;
	char *page;

	memset(&s, 0, sizeof(s));
	s.title_township = township;
	memcpy(s.today, "2022-11-30", 11);
	page = render(&s, "empty");
	if (page == NULL)
		return;
	check_page(page, "empty");
	is_int(count(page, "no data"), 7, "empty: each chart and table says \"no data\"");
	ok(strstr(page, "none saved") != NULL, "empty: no survey round saved");
	ok(strstr(page, "class=\"axis\"") != NULL, "empty: the axes are drawn");
	free(page);

	/* a village with nothing in it, and a store with no milestones */
	s.villages = villages;
	s.nvillages = 1;
	memset(villages, 0, sizeof(villages));
	villages[0].township = township;
	villages[0].village = village_all;
	villages[0].median_days = -1;
	page = render(&s, "one empty row");
	if (page == NULL)
		return;
	check_page(page, "one empty row");
	ok(count(page, "no data") >= 3, "one empty row: charts without data say so");
	free(page);
}

/* Numbers that are not numbers never reach the page. */
static void
test_not_numbers(void)
{
	struct report_summary s;
	char *page;

	sample(&s);
	villages[0].rate = NAN;
	villages[0].ci_low = -INFINITY;
	villages[0].ci_high = INFINITY;
	villages[0].median_days = NAN;
	villages[1].survey_n = 3;
	villages[1].rate = 1.5;
	villages[1].ci_low = 0.9;
	villages[1].ci_high = 0.2;
	villages[2].coverage[0].visited = 40;	/* more than due */
	villages[2].by_category_status[2][2] = -5;
	page = render(&s, "odd numbers");
	coverage[2][0].visited = 25;
	if (page == NULL)
		return;
	check_page(page, "odd numbers");
	ok(strstr(page, "100.0%") != NULL, "a rate above 1 is shown as 100%%");
	free(page);
}

/* A write that fails is an I/O error, and nothing is printed. */
static void
test_write_error(void)
{
	struct report_summary s;
	struct error err = { 0 };
	FILE *fp = fopen("/dev/full", "w");
	int rc;

	if (fp == NULL) {
		ok(1, "# skip no /dev/full");
		return;
	}
	sample(&s);
	rc = report_summary_html(&s, fp, &err);
	fclose(fp);
	is_int(rc, -1, "a full disk: -1");
	is_int(err.status, EXIT_IOERR, "a full disk: EXIT_IOERR");
	ok(strstr(err.text, "write error") != NULL, "a full disk: says so (%s)",
	    err.text);
}

/* --write FILE: the populated sample page for a person (or a browser) to look at. */
static int
write_sample(const char *path)
{
	struct report_summary s;
	struct error err = { 0 };
	const char *dir = getenv("RENKE_LOCALEDIR");
	FILE *fp;

	setlocale(LC_ALL, "");
	bindtextdomain("renke", dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
	bind_textdomain_codeset("renke", "UTF-8");
	fp = fopen(path, "w");
	if (fp == NULL) {
		fprintf(stderr, "test-report-html: %s: %s\n", path, strerror(errno));
		return 1;
	}
	sample(&s);
	if (report_summary_html(&s, fp, &err) != 0) {
		fprintf(stderr, "test-report-html: %s: %s\n", path, err.text);
		fclose(fp);
		return 1;
	}
	if (fclose(fp) != 0) {
		fprintf(stderr, "test-report-html: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--write") == 0)
		return write_sample(argv[2]);
	if (argc != 1) {
		fprintf(stderr, "usage: test-report-html [--write file]\n");
		return 64;
	}
	test_sample();
	test_empty();
	test_not_numbers();
	test_write_error();
	return done_testing();
}
