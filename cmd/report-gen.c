/* report-gen.c -- read the store for people, for print and for pipelines */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: report-gen [-q] [-d db ...] [--stores file] [--by name] [--today date]\n"
"                  [-f format] [-o file]\n"
"                  [--bom] [--excel] [--reveal] [--village name] [--group name]\n"
"                  [--since date] [--until date] [--owner name]\n"
"                  [--status status] [--category category] [--kind kind]\n"
"                  [--household id] [--reporter name] [--due-since date]\n"
"                  [--due-until date] [--who name] [--min-n n] [--case n]\n"
"                  summary | issues | visits | households | meetings |\n"
"                  history id | history --case n | survey | changes | scorecard |\n"
"                  cases | cases villages | cases posting | board |\n"
"                  assistance | returnees | care\n"
"       report-gen --from-rollup [-q] [-f format] [-o file] [--min-n n]\n"
"                  summary | scorecard file ...\n";

enum { OPT_VILLAGE = 3000, OPT_GROUP, OPT_SINCE, OPT_UNTIL, OPT_OWNER,
	OPT_STATUS, OPT_CATEGORY, OPT_KIND, OPT_WHO, OPT_STORES, OPT_FROM_ROLLUP,
	OPT_HOUSEHOLD, OPT_REPORTER, OPT_DUE_SINCE, OPT_DUE_UNTIL,
	OPT_MIN_N, OPT_CASE };

static const struct option options[] = {
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "who", required_argument, NULL, OPT_WHO },
	{ "stores", required_argument, NULL, OPT_STORES },
	{ "from-rollup", no_argument, NULL, OPT_FROM_ROLLUP },
	{ "household", required_argument, NULL, OPT_HOUSEHOLD },
	{ "reporter", required_argument, NULL, OPT_REPORTER },
	{ "due-since", required_argument, NULL, OPT_DUE_SINCE },
	{ "due-until", required_argument, NULL, OPT_DUE_UNTIL },
	{ "min-n", required_argument, NULL, OPT_MIN_N },
	{ "case", required_argument, NULL, OPT_CASE },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	struct report_filter filter;
	char since[11], until[11], due_since[11], due_until[11];
	const char *who;	/* changes: by whom */
	const char *stores[16];	/* --stores: the lists of stores */
	size_t nlists;
	int from_rollup;
	long min_n;		/* scorecard: fewer answers are ranked last */
	int min_n_given;
	long case_id;		/* history: of this case; 0 when not given */
};

/* A date option's day, ISO, in out; a usage error when arg is no date. */
static const char *
date_option(struct cli *cli, const char *option, const char *arg, char out[11])
{
	if (date_parse(arg, out) != 0)
		cli_usage_error(cli, _("--%s: not a date: \"%s\""), option, arg);
	return out;
}

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct opts *o = context;
	struct report_filter *f = &o->filter;

	switch (opt) {
	case OPT_VILLAGE: f->village = arg; return 0;
	case OPT_GROUP: f->group = arg; return 0;
	case OPT_OWNER: f->owner = arg; return 0;
	case OPT_SINCE: f->since = date_option(cli, "since", arg, o->since); return 0;
	case OPT_UNTIL: f->until = date_option(cli, "until", arg, o->until); return 0;
	case OPT_HOUSEHOLD: f->household = arg; return 0;
	case OPT_REPORTER: f->reporter = arg; return 0;
	case OPT_DUE_SINCE:
		f->due_since = date_option(cli, "due-since", arg, o->due_since);
		return 0;
	case OPT_DUE_UNTIL:
		f->due_until = date_option(cli, "due-until", arg, o->due_until);
		return 0;
	case OPT_STATUS:
		f->status = cli_vocabulary(cli, "status", "status", arg);
		return 0;
	case OPT_KIND: f->kind = arg; return 0;
	case OPT_CATEGORY: f->category = arg; return 0;
	case OPT_WHO:
		if ((o->who = text_trim((char *)arg))[0] == '\0')
			cli_usage_error(cli, "%s", _("--who: empty name"));
		return 0;
	case OPT_FROM_ROLLUP: o->from_rollup = 1; return 0;
	case OPT_MIN_N:
		if (number_parse(arg, 0, 1000000, &o->min_n) != 0)
			cli_usage_error(cli, _("--min-n: not a number of answers: \"%s\""),
			    arg);
		o->min_n_given = 1;
		return 0;
	case OPT_CASE:
		if (number_parse(arg, 1, 2147483647L, &o->case_id) != 0)
			cli_usage_error(cli, _("--case: not a case number: \"%s\""),
			    arg);
		return 0;
	case OPT_STORES:
		if (o->nlists == sizeof(o->stores) / sizeof(o->stores[0]))
			cli_usage_error(cli, "%s", _("--stores: too many lists; "
			    "put their stores in one"));
		o->stores[o->nlists++] = arg;
		return 0;
	}
	return -1;
}

/* A store left out of the roll-up: named, and the exit status at the end is 65. */
static void
skipped(void *context, const char *path, const struct error *why)
{
	(void)path;
	cli_warn(context, _("%s; left out of the report"), why->text);
}

/* The stores of -d, --stores and the default, in src; a status. */
static int
collect_stores(struct cli *cli, const struct opts *o, struct report_source *src)
{
	struct error err = { 0 };

	for (size_t i = 0; i < cli->ndbs; i++)
		if (report_source_add(src, cli->dbs[i], &err) != 0)
			return cli_error(cli, &err);
	for (size_t i = 0; i < o->nlists; i++) {
		int stdin_list = strcmp(o->stores[i], "-") == 0;
		FILE *fp = stdin_list ? stdin : fopen(o->stores[i], "r");
		int rc;

		if (fp == NULL) {
			cli_warn(cli, _("--stores: %s: %s"), o->stores[i], strerror(errno));
			return EXIT_NOINPUT;
		}
		rc = report_source_list(src, fp, stdin_list ? _("standard input") :
		    o->stores[i], &err);
		if (!stdin_list)
			fclose(fp);
		if (rc != 0)
			return cli_error(cli, &err);
	}
	if (cli->ndbs == 0 && o->nlists == 0 &&
	    report_source_add(src, cli->db, &err) != 0)
		return cli_error(cli, &err);
	return EXIT_OK;
}

/* The summary: rows as they come, or the page. */
static int
summary(struct cli *cli, struct report_source *src, const char *const *files,
    size_t nfiles, const struct report_filter *filter)
{
	struct report_summary sum;
	struct report_summary_out *out = NULL;
	struct error err = { 0 };
	int rc;

	rc = src != NULL ? report_summary_start(src, filter, &sum, &err) :
	    report_rollup_start(files, nfiles, &sum, &err);
	if (rc != 0)
		return cli_error(cli, &err);
	if (cli->format == FORMAT_HTML || cli->format == FORMAT_XLSX) {
		rc = src != NULL ? report_summary_rows(src, filter, &sum,
		    report_summary_keep, &sum, &err) : report_rollup_rows(files,
		    nfiles, &sum, report_summary_keep, &sum, &err);
		if (rc == 0)
			rc = cli->format == FORMAT_HTML ?
			    report_summary_html(&sum, stdout, &err) :
			    report_summary_xlsx(&sum, cli->output_flags, stdout, &err);
	} else if ((out = report_summary_out_open(&sum, cli->format,
	    cli->output_flags, cli_labels(cli), stdout, &err)) == NULL) {
		rc = -1;
	} else {
		if (cli->format == FORMAT_TABLE)
			report_summary_out_terminal(out, cli_terminal_width(cli));
		rc = src != NULL ? report_summary_rows(src, filter, &sum,
		    report_summary_out_row, out, &err) : report_rollup_rows(files,
		    nfiles, &sum, report_summary_out_row, out, &err);
		if (report_summary_out_close(out, rc == 0 ? &err : NULL) != 0)
			rc = -1;
	}
	report_summary_free(&sum);
	/* the reader closing the pipe is the end of output, not a failure */
	return rc == 0 || (err.status == EXIT_OK && err.text[0] == '\0') ?
	    EXIT_OK : cli_error(cli, &err);
}

static int
from_rollup(struct cli *cli, struct opts *o, int argc, char **argv)
{
	struct error err = { 0 };

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			cli_usage_error(cli, "%s", _("--from-rollup reads files, each "
			    "twice: not standard input"));
	if (strcmp(argv[0], "scorecard") != 0)
		return summary(cli, NULL, (const char *const *)argv + 1,
		    (size_t)argc - 1, &o->filter);
	if (report_scorecard(NULL, (const char *const *)argv + 1,
	    (size_t)argc - 1, &o->filter, o->min_n, cli_labels(cli), cli->format,
	    cli->output_flags, stdout, &err) < 0)
		return cli_error(cli, &err);
	return EXIT_OK;
}

/*
 * A village (and group) of the filters must be known in one of the
 * stores: EXIT_OK, or the status of the message printed (the first
 * store's, naming the nearest known names).
 */
static int
known_place(struct cli *cli, struct report_source *src,
    const struct report_filter *f)
{
	struct error err = { 0 }, first = { 0 };

	if (f->village == NULL)
		return EXIT_OK;
	for (size_t i = 0; i < src->n; i++) {
		struct store *s = report_source_open(src, i, &err);
		int rc;

		if (s == NULL) {
			if (err.status != EXIT_OK)
				return cli_error(cli, &err);
			continue;
		}
		rc = place_check(s, f->village, f->group, 0, &err);
		store_close(s);
		if (rc == 0)
			return EXIT_OK;
		if (err.status != EXIT_DATAERR)
			return cli_error(cli, &err);
		if (first.status == EXIT_OK)
			first = err;
	}
	return first.status == EXIT_OK ? EXIT_OK : cli_error(cli, &first);
}

/* What report-gen can write: its name, its ledger (or a number < 0), its title and count. */
struct report_kind {
	const char *name;
	int ledger;		/* a report_ledger, or -1 and below */
	const char *title;	/* of its workbook and page (msgid) */
	const char *count_one, *count_many;	/* its records (NULL: none) */
};

/*
 * A page for print or a workbook of a report that is no ledger (the
 * ledgers head their own) says what it lists, as a ledger's does: its
 * heading, or NULL when it takes none (another format, the summary, a
 * village count of cases), or NULL with a message printed and *status
 * set.
 */
static struct report_heading *
page_heading(struct cli *cli, struct report_source *src,
    const struct report_kind *r, const struct opts *o, int argc,
    char *const *argv, int *status)
{
	/* the villages' counts of cases are no list of cases */
	int villages = r->ledger == -6 && argc == 2 &&
	    strcmp(argv[1], "villages") == 0;
	struct report_heading *rh;
	struct error err = { 0 };

	/* the summary and the scorecard say what their counts count in their own title */
	if ((cli->format != FORMAT_HTML && cli->format != FORMAT_XLSX) ||
	    r->ledger >= 0 || r->ledger == -1 || r->ledger == -5)
		return NULL;
	if ((rh = report_heading_report(src, _(r->title), &o->filter,
	    r->ledger == -10 ? "member_tag" : NULL, villages ? NULL :
	    r->count_one, villages ? NULL : r->count_many, &err)) == NULL)
		*status = cli_error(cli, &err);
	return rh;
}

static int
from_stores(struct cli *cli, struct opts *o, const struct report_kind *r,
    int argc, char **argv)
{
	int which = r->ledger;
	struct report_heading *heading = NULL;
	/* what an empty answer says to a person, per report */
	static const char *const none[] = {
		[REPORT_ISSUES] = N_("no matching issues"),
		[REPORT_VISITS] = N_("no matching visits"),
		[REPORT_HOUSEHOLDS] = N_("no matching households"),
		[REPORT_MEETINGS] = N_("no matching meetings"),
	};
	struct report_source src = { .command = cli->command, .who = cli->by,
	    .skip = skipped, .context = cli };
	struct error err = { 0 };
	struct store *s = NULL;
	enum report_cases_view case_view = REPORT_CASES_OPEN;
	int status, county;
	long rows;

	if (which == -6 && argc == 2)
		case_view = strcmp(argv[1], "villages") == 0 ? REPORT_CASES_VILLAGES :
		    strcmp(argv[1], "posting") == 0 ? REPORT_CASES_POSTING :
		    REPORT_CASES_OPEN;
	if ((status = collect_stores(cli, o, &src)) != EXIT_OK ||
	    (status = known_place(cli, &src, &o->filter)) != EXIT_OK)
		goto out;
	status = EXIT_OK;
	if ((heading = page_heading(cli, &src, r, o, argc, argv,
	    &status)) == NULL && status != EXIT_OK)
		goto out;
	county = src.n > 1;
	if (which == -1) {
		status = summary(cli, &src, NULL, 0, &o->filter);
	} else if (which == -2 || which == -4) {
		if ((s = cli_store_at(cli, src.paths[0], STORE_QUERY, &status)) == NULL)
			goto out;
		if (which == -4) {
			if ((rows = report_changes(s, &o->filter, o->who,
			    cli_labels(cli), cli->format, cli->output_flags, stdout,
			    &err)) < 0)
				status = cli_error(cli, &err);
			else
				cli_say_none(cli, rows, _("no changes"));
		} else if (o->case_id > 0) {
			if (report_case_history(s, o->case_id, cli_labels(cli),
			    cli->reveal, cli->format, cli->output_flags, stdout,
			    &err) < 0)
				status = cli_error(cli, &err);
		/* a household's number, else an issue's id */
		} else if ((rows = report_household_history(s, argv[1],
		    cli_labels(cli), cli->reveal, cli->format, cli->output_flags,
		    stdout, &err)) < 0 || (rows == 0 && report_history(s, argv[1],
		    cli_labels(cli), cli->format, cli->output_flags, stdout,
		    &err) < 0)) {
			status = cli_error(cli, &err);
		}
	} else if (which == -5) {
		if (report_scorecard(&src, NULL, 0, &o->filter, o->min_n,
		    cli_labels(cli), cli->format, cli->output_flags, stdout,
		    &err) < 0)
			status = cli_error(cli, &err);
	} else if (which == -7) {
		if ((rows = report_board(&src, &o->filter, cli_labels(cli),
		    cli->format, cli->output_flags, stdout, &err)) < 0)
			status = cli_error(cli, &err);
		else
			cli_say_none(cli, rows, _("no one is on the boards"));
	} else if (which <= -8 && which >= -10) {
		if ((rows = report_assistance(&src, which == -8 ? REPORT_ASSISTANCE :
		    which == -9 ? REPORT_RETURNEES : REPORT_CARE, &o->filter,
		    cli_labels(cli), cli->format, cli->output_flags, stdout,
		    &err)) < 0)
			status = cli_error(cli, &err);
		else if (which != -8)
			cli_say_none(cli, rows, which == -9 ? _("no returnees") :
			    _("no one is tagged for care"));
	} else if (which == -6) {
		if ((rows = report_cases(&src, case_view, &o->filter,
		    cli_labels(cli), cli->format, cli->output_flags, stdout,
		    &err)) < 0)
			status = cli_error(cli, &err);
		else if (case_view != REPORT_CASES_VILLAGES)
			cli_say_none(cli, rows, case_view == REPORT_CASES_OPEN ?
			    _("no open cases") : _("no case is to be posted"));
	} else if (which == -3) {
		if (report_survey(&src, &o->filter, cli_labels(cli), county,
		    cli->format, cli->output_flags, stdout, &err) < 0)
			status = cli_error(cli, &err);
	} else if ((rows = report_ledger(&src, (enum report_ledger)which,
	    &o->filter, cli_labels(cli), county, cli->format, cli->output_flags,
	    stdout, &err)) < 0) {
		status = cli_error(cli, &err);
	} else {
		cli_say_none(cli, rows, _(none[which]));
	}
	if (status == EXIT_OK && src.nskipped > 0)
		status = EXIT_DATAERR;
out:
	report_heading_end(heading);
	store_close(s);
	report_source_free(&src);
	return status;
}

int
main(int argc, char **argv)
{
	static const struct report_kind reports[] = {
		{ "summary", -1, N_("Summary"), NULL, NULL },
		{ "issues", REPORT_ISSUES, N_("Issue ledger"), NULL, NULL },
		{ "visits", REPORT_VISITS, N_("Visit ledger"), NULL, NULL },
		{ "households", REPORT_HOUSEHOLDS, N_("Household ledger"), NULL,
		  NULL },
		{ "meetings", REPORT_MEETINGS, N_("Meeting ledger"), NULL, NULL },
		{ "history", -2, N_("Household history"), N_("%ld entry in all"),
		  N_("%ld entries in all") },
		/* a row a village, and the township's: no count */
		{ "survey", -3, N_("Recognition"), NULL, NULL },
		{ "changes", -4, N_("Changes"), N_("%ld entry in all"),
		  N_("%ld entries in all") },
		{ "scorecard", -5, N_("Scorecard of the eight actions"), NULL, NULL },
		{ "cases", -6, N_("Monitoring cases"), N_("%ld case in all"),
		  N_("%ld cases in all") },
		{ "board", -7, N_("Honour and exposure boards"),
		  N_("%ld entry in all"), N_("%ld entries in all") },
		{ "assistance", -8, N_("Assistance"), NULL, NULL },
		{ "returnees", -9, N_("Returnees"), N_("%ld person in all"),
		  N_("%ld people in all") },
		{ "care", -10, N_("People in need of care"),
		  N_("%ld person in all"), N_("%ld people in all") },
	};
	char title[256];
	struct cli cli;
	struct opts o;
	size_t report;
	int status, first;

	memset(&o, 0, sizeof(o));
	cli_start(&cli, "report-gen", usage, CLI_OUTPUT | CLI_MANY_STORES);
	first = cli_parse(&cli, argc, argv, options, "", option, &o);
	argc -= first;
	argv += first;
	if (argc < 1)
		cli_usage_error(&cli, _("which report? summary, issues, visits, "
		    "households, meetings, history, survey, changes, scorecard, cases, "
		    "board, assistance, returnees or care"));
	for (report = 0; report < sizeof(reports) / sizeof(reports[0]); report++)
		if (strcmp(argv[0], reports[report].name) == 0)
			break;
	if (report == sizeof(reports) / sizeof(reports[0]))
		cli_usage_error(&cli, _("unknown report \"%s\"; expected summary, issues, "
		    "visits, households, meetings, history, survey, changes, scorecard, "
		    "cases, board, assistance, returnees or care"), argv[0]);
	if (o.from_rollup) {
		if (reports[report].ledger != -1 && reports[report].ledger != -5)
			cli_usage_error(&cli, "%s", _("--from-rollup reads summaries: "
			    "report-gen --from-rollup summary | scorecard file ..."));
		if (argc < 2)
			cli_usage_error(&cli, "%s", _("--from-rollup: which roll-ups? "
			    "name their files after summary"));
		if (cli.ndbs > 0 || o.nlists > 0)
			cli_usage_error(&cli, "%s", _("--from-rollup reads roll-ups, "
			    "not stores: no -d or --stores with it"));
		if (cli.format == FORMAT_HTML && reports[report].ledger == -1)
			cli_usage_error(&cli, "%s", _("--from-rollup: the page's charts "
			    "need the stores; -f table, csv, json, jsonl, markdown or xlsx"));
		if (o.filter.village != NULL || o.filter.since != NULL ||
		    o.filter.until != NULL)
			cli_usage_error(&cli, "%s", _("--from-rollup: the roll-ups are "
			    "counted already; --village, --since and --until apply to stores"));
	} else if (reports[report].ledger == -6) {
		if (argc > 2)
			cli_usage_error(&cli, _("too many operands"));
		if (argc == 2 && strcmp(argv[1], "open") != 0 &&
		    strcmp(argv[1], "villages") != 0 && strcmp(argv[1], "posting") != 0)
			cli_usage_error(&cli, _("cases: unknown view \"%s\"; expected "
			    "open, villages or posting"), argv[1]);
		if (argc == 2 && strcmp(argv[1], "villages") == 0 &&
		    o.filter.group != NULL)
			cli_usage_error(&cli, "%s", _("--group: the villages of cases "
			    "are counted by village"));
		if (argc == 2 && strcmp(argv[1], "posting") == 0 &&
		    (o.filter.since != NULL || o.filter.until != NULL))
			cli_usage_error(&cli, "%s", _("--since, --until: the posting "
			    "list is of the cases now between the village review and "
			    "the township review"));
	} else if (reports[report].ledger == -2 && o.case_id > 0) {
		if (argc != 1)
			cli_usage_error(&cli, "%s", _("history --case: the case is "
			    "the one to show; no household's number or issue's id "
			    "with it"));
	} else if (reports[report].ledger == -2 ? argc != 2 : argc != 1)
		cli_usage_error(&cli, reports[report].ledger == -2 ?
		    _("history needs a household's number or an issue's id, and "
		    "nothing more") :
		    _("too many operands"));
	if (reports[report].ledger == -2 && (cli.ndbs > 1 || o.nlists > 0))
		cli_usage_error(&cli, _("history reads one store"));
	if (reports[report].ledger == -4 && (cli.ndbs > 1 || o.nlists > 0))
		cli_usage_error(&cli, _("changes reads one store"));
	/* a filter a report cannot apply is a usage error, not an empty report */
	{
		static const struct {
			int ledger;
			const char *allowed;	/* the filters it takes */
		} takes[] = {
			{ -1, "village since until" },
			{ REPORT_ISSUES, "village group since until owner status category "
			    "kind household reporter due-since due-until" },
			{ REPORT_VISITS, "village group since until owner household" },
			{ REPORT_HOUSEHOLDS, "village group category household" },
			{ REPORT_MEETINGS, "village group since until owner kind" },
			{ -2, "case" },
			{ -3, "village" },
			{ -4, "since until who" },
			{ -5, "village since until min-n" },
			{ -6, "village group since until" },
			{ -7, "village group" },
			{ -8, "village" },
			{ -9, "village" },
			{ -10, "village group kind" },
		};
		const struct {
			const char *name;
			const void *given;
		} filters[] = {
			{ "village", o.filter.village }, { "group", o.filter.group },
			{ "since", o.filter.since }, { "until", o.filter.until },
			{ "owner", o.filter.owner }, { "status", o.filter.status },
			{ "category", o.filter.category }, { "kind", o.filter.kind },
			{ "who", o.who }, { "household", o.filter.household },
			{ "reporter", o.filter.reporter },
			{ "due-since", o.filter.due_since },
			{ "due-until", o.filter.due_until },
			{ "min-n", o.min_n_given ? "" : NULL },
			{ "case", o.case_id > 0 ? "" : NULL },
		};
		const char *allowed = "";

		for (size_t i = 0; i < sizeof(takes) / sizeof(takes[0]); i++)
			if (takes[i].ledger == reports[report].ledger)
				allowed = takes[i].allowed;
		for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
			char word[32];

			snprintf(word, sizeof(word), " %s ", filters[i].name);
			if (filters[i].given != NULL) {
				char list[256];

				snprintf(list, sizeof(list), " %s ", allowed);
				if (strstr(list, word) == NULL)
					cli_usage_error(&cli, _("--%s: the %s report does "
					    "not take it"), filters[i].name, argv[0]);
			}
		}
	}
	/* vocabulary filters mean different things per report */
	if (o.filter.kind != NULL)
		o.filter.kind = cli_vocabulary(&cli, "kind", reports[report].ledger ==
		    REPORT_MEETINGS ? "meeting_kind" : reports[report].ledger == -10 ?
		    "member_tag" : "issue_kind", o.filter.kind);
	if (o.filter.category != NULL)
		o.filter.category = cli_vocabulary(&cli, "category",
		    reports[report].ledger == REPORT_HOUSEHOLDS ? "category" :
		    "issue_category", o.filter.category);
	if (!o.min_n_given)
		o.min_n = 30;
	o.filter.today = cli.today;
	o.filter.reveal = cli.reveal;
	snprintf(title, sizeof(title), _("%s (as of %s)"),
	    _(reports[report].title), cli.today);
	output_title(title);

	if (o.from_rollup)
		status = from_rollup(&cli, &o, argc, argv);
	else
		status = from_stores(&cli, &o, &reports[report], argc, argv);
	return cli_finish(&cli, status);
}
