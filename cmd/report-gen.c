/* report-gen.c -- read the store for people, for print and for pipelines */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: report-gen [-q] [-d db ...] [--by name] [--today date] [-f format]\n"
"                  [--bom] [--excel] [--reveal] [--village name] [--group name]\n"
"                  [--since date] [--until date] [--owner name]\n"
"                  [--status status] [--category category] [--kind kind]\n"
"                  [--who name]\n"
"                  summary | issues | visits | households | meetings |\n"
"                  history id | survey | changes\n";

enum { OPT_VILLAGE = 3000, OPT_GROUP, OPT_SINCE, OPT_UNTIL, OPT_OWNER,
	OPT_STATUS, OPT_CATEGORY, OPT_KIND, OPT_WHO };

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
	{ NULL, 0, NULL, 0 }
};

struct opts {
	struct report_filter filter;
	char since[11], until[11];
	const char *who;	/* changes: by whom */
};

/* A vocabulary option: its code, or a usage error listing the values. */
static const char *
vocabulary(struct cli *cli, const char *option, const char *domain,
    const char *arg)
{
	const char *code = vocab_code(domain, arg);
	char expected[1024];

	if (code == NULL)
		cli_usage_error(cli, _("--%s: unknown value \"%s\"; expected one of: %s"),
		    option, arg, vocab_describe(domain, expected, sizeof(expected)));
	return code;
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
	case OPT_SINCE:
		if (date_parse(arg, o->since) != 0)
			cli_usage_error(cli, _("--since: not a date: \"%s\""), arg);
		f->since = o->since;
		return 0;
	case OPT_UNTIL:
		if (date_parse(arg, o->until) != 0)
			cli_usage_error(cli, _("--until: not a date: \"%s\""), arg);
		f->until = o->until;
		return 0;
	case OPT_STATUS: f->status = vocabulary(cli, "status", "status", arg); return 0;
	case OPT_KIND: f->kind = arg; return 0;
	case OPT_CATEGORY: f->category = arg; return 0;
	case OPT_WHO:
		if ((o->who = text_trim((char *)arg))[0] == '\0')
			cli_usage_error(cli, "%s", _("--who: empty name"));
		return 0;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int ledger;	/* a report_ledger, or -1 */
	} reports[] = {
		{ "summary", -1 }, { "issues", REPORT_ISSUES }, { "visits", REPORT_VISITS },
		{ "households", REPORT_HOUSEHOLDS }, { "meetings", REPORT_MEETINGS },
		{ "history", -2 }, { "survey", -3 }, { "changes", -4 },
	};
	/* what an empty answer says to a person, per report */
	static const char *const none[] = {
		[REPORT_ISSUES] = N_("no matching issues"),
		[REPORT_VISITS] = N_("no matching visits"),
		[REPORT_HOUSEHOLDS] = N_("no matching households"),
		[REPORT_MEETINGS] = N_("no matching meetings"),
	};
	struct cli cli;
	struct opts o;
	struct store *stores[64] = { 0 };
	char *townships[64] = { 0 };
	struct error err = { 0 };
	size_t report, nstores = 0;
	int status = EXIT_OK, first, county;
	long rows = -1;

	memset(&o, 0, sizeof(o));
	cli_start(&cli, "report-gen", usage, CLI_OUTPUT | CLI_MANY_STORES);
	first = cli_parse(&cli, argc, argv, options, "", option, &o);
	argc -= first;
	argv += first;
	if (argc < 1)
		cli_usage_error(&cli, _("which report? summary, issues, visits, "
		    "households, meetings, history, survey or changes"));
	for (report = 0; report < sizeof(reports) / sizeof(reports[0]); report++)
		if (strcmp(argv[0], reports[report].name) == 0)
			break;
	if (report == sizeof(reports) / sizeof(reports[0]))
		cli_usage_error(&cli, _("unknown report \"%s\"; expected summary, issues, "
		    "visits, households, meetings, history, survey or changes"), argv[0]);
	if (reports[report].ledger == -2 ? argc != 2 : argc != 1)
		cli_usage_error(&cli, reports[report].ledger == -2 ?
		    _("history needs a household's number or an issue's id, and "
		    "nothing more") :
		    _("too many operands"));
	if (reports[report].ledger == -2 && cli.ndbs > 1)
		cli_usage_error(&cli, _("history reads one store"));
	if (reports[report].ledger == -4 && cli.ndbs > 1)
		cli_usage_error(&cli, _("changes reads one store"));
	/* a filter a report cannot apply is a usage error, not an empty report */
	{
		static const struct {
			int ledger;
			const char *allowed;	/* the filters it takes */
		} takes[] = {
			{ -1, "village since until" },
			{ REPORT_ISSUES, "village group since until owner status category kind" },
			{ REPORT_VISITS, "village group since until owner" },
			{ REPORT_HOUSEHOLDS, "village group category" },
			{ REPORT_MEETINGS, "village group since until owner kind" },
			{ -2, "" },
			{ -3, "village" },
			{ -4, "since until who" },
		};
		const struct {
			const char *name;
			const void *given;
		} filters[] = {
			{ "village", o.filter.village }, { "group", o.filter.group },
			{ "since", o.filter.since }, { "until", o.filter.until },
			{ "owner", o.filter.owner }, { "status", o.filter.status },
			{ "category", o.filter.category }, { "kind", o.filter.kind },
			{ "who", o.who },
		};
		const char *allowed = "";

		for (size_t i = 0; i < sizeof(takes) / sizeof(takes[0]); i++)
			if (takes[i].ledger == reports[report].ledger)
				allowed = takes[i].allowed;
		for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
			char word[32];

			snprintf(word, sizeof(word), " %s ", filters[i].name);
			if (filters[i].given != NULL) {
				char list[128];

				snprintf(list, sizeof(list), " %s ", allowed);
				if (strstr(list, word) == NULL)
					cli_usage_error(&cli, _("--%s: the %s report does "
					    "not take it"), filters[i].name, argv[0]);
			}
		}
	}
	/* vocabulary filters mean different things per report */
	if (o.filter.kind != NULL)
		o.filter.kind = vocabulary(&cli, "kind", reports[report].ledger ==
		    REPORT_MEETINGS ? "meeting_kind" : "issue_kind", o.filter.kind);
	if (o.filter.category != NULL)
		o.filter.category = vocabulary(&cli, "category", reports[report].ledger ==
		    REPORT_HOUSEHOLDS ? "category" : "issue_category", o.filter.category);
	o.filter.today = cli.today;
	o.filter.reveal = cli.reveal;

	for (size_t i = 0; i < cli.ndbs; i++) {
		if ((stores[i] = cli_store_at(&cli, cli.dbs[i], STORE_QUERY,
		    &status)) == NULL)
			goto out;
		nstores++;
		if ((townships[i] = report_township(stores[i])) == NULL) {
			cli_warn(&cli, "%s", _("out of memory"));
			status = EXIT_SOFTWARE;
			goto out;
		}
	}
	county = nstores > 1;
	if (cli.format == FORMAT_HTML && reports[report].ledger == -1) {
		struct report_summary sum;

		if (report_summary_read(stores, nstores, &o.filter, &sum, &err) != 0 ||
		    report_summary_html(&sum, stdout, &err) != 0)
			status = cli_error(&cli, &err);
		report_summary_free(&sum);
	} else if (reports[report].ledger == -1) {
		struct report_summary sum;

		if (report_summary_read(stores, nstores, &o.filter, &sum, &err) != 0 ||
		    report_summary_write(&sum, cli.format, cli.output_flags,
		    cli_labels(&cli), stdout, &err) != 0)
			status = cli_error(&cli, &err);
		report_summary_free(&sum);
	} else if (reports[report].ledger == -2) {
		/* a household's number, else an issue's id */
		if ((rows = report_household_history(stores[0], argv[1],
		    cli_labels(&cli), cli.reveal, cli.format, cli.output_flags, stdout,
		    &err)) == 0)
			rows = report_history(stores[0], argv[1], cli_labels(&cli),
			    cli.format, cli.output_flags, stdout, &err);
		if (rows < 0)
			status = cli_error(&cli, &err);
	} else if (reports[report].ledger == -4) {
		if ((rows = report_changes(stores[0], &o.filter, o.who,
		    cli_labels(&cli), cli.format, cli.output_flags, stdout, &err)) < 0)
			status = cli_error(&cli, &err);
		else
			cli_say_none(&cli, rows, _("no changes"));
	} else if (reports[report].ledger == -3) {
		if (report_survey(stores, (const char *const *)townships, nstores,
		    &o.filter, cli_labels(&cli), county, cli.format, cli.output_flags,
		    stdout, &err) < 0)
			status = cli_error(&cli, &err);
	} else if ((rows = report_ledger(stores, (const char *const *)townships,
	    nstores, (enum report_ledger)reports[report].ledger, &o.filter,
	    cli_labels(&cli), county, cli.format, cli.output_flags, stdout,
	    &err)) < 0)
		status = cli_error(&cli, &err);
	else
		cli_say_none(&cli, rows, _(none[reports[report].ledger]));
out:
	for (size_t i = 0; i < nstores; i++) {
		store_close(stores[i]);
		free(townships[i]);
	}
	return cli_finish(&cli, status);
}
