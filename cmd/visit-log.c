/* visit-log.c -- log household visits; write their findings; show coverage */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: visit-log [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                 [--upsert [--reason text]] [--skip-bad --rejects file] [--input-format fmt]\n"
"                 [--encoding enc] [--set field=value ...]\n"
"                 [--sheet name] [--header-row n] [--list-sheets] [--flagged [--as what] [-f format] [-o file]]\n"
"                 [file ...]\n"
"       visit-log [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                 [--upsert [--reason text]] [--flagged [--as what] [-f format] [-o file]]\n"
"                 --household id\n"
"                 --date date --visitor name --round round [--role role]\n"
"                 [--food-clothing answer] [--education answer]\n"
"                 [--medical answer] [--housing answer]\n"
"                 [--drinking-water answer] [--income-stable answer]\n"
"                 [--industry-link answer] [--risk level] [--monitor yes|no]\n"
"                 [--notes text]\n"
"       visit-log [-d db] [-f format] [-o file] [--bom] [--excel] --flagged\n"
"                 [--as what] --since date\n"
"       visit-log [-d db] [-f format] [-o file] [--bom] [--excel] --coverage\n"
"                 [--milestone id] [--missing]\n";

enum {
	/* the fields of one visit, in the order of enum visit_field */
	OPT_HOUSEHOLD = 2000, OPT_DATE, OPT_VISITOR, OPT_ROLE, OPT_ROUND,
	OPT_FOOD_CLOTHING, OPT_EDUCATION, OPT_MEDICAL, OPT_HOUSING,
	OPT_DRINKING_WATER, OPT_INCOME_STABLE, OPT_INDUSTRY_LINK, OPT_RISK,
	OPT_MONITOR, OPT_NOTES,
	/* what to do */
	OPT_FLAGGED = 3000, OPT_SINCE, OPT_COVERAGE, OPT_MILESTONE, OPT_MISSING,
	OPT_AS
};

static const struct option options[] = {
	{ "household", required_argument, NULL, OPT_HOUSEHOLD },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "visitor", required_argument, NULL, OPT_VISITOR },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "round", required_argument, NULL, OPT_ROUND },
	{ "food-clothing", required_argument, NULL, OPT_FOOD_CLOTHING },
	{ "education", required_argument, NULL, OPT_EDUCATION },
	{ "medical", required_argument, NULL, OPT_MEDICAL },
	{ "housing", required_argument, NULL, OPT_HOUSING },
	{ "drinking-water", required_argument, NULL, OPT_DRINKING_WATER },
	{ "income-stable", required_argument, NULL, OPT_INCOME_STABLE },
	{ "industry-link", required_argument, NULL, OPT_INDUSTRY_LINK },
	{ "risk", required_argument, NULL, OPT_RISK },
	{ "monitor", required_argument, NULL, OPT_MONITOR },
	{ "notes", required_argument, NULL, OPT_NOTES },
	{ "flagged", no_argument, NULL, OPT_FLAGGED },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "coverage", no_argument, NULL, OPT_COVERAGE },
	{ "milestone", required_argument, NULL, OPT_MILESTONE },
	{ "missing", no_argument, NULL, OPT_MISSING },
	{ "as", required_argument, NULL, OPT_AS },
	{ NULL, 0, NULL, 0 }
};

struct request {
	const char *value[VISIT_NFIELDS];	/* one visit given by options */
	int given;
	int flagged, coverage, missing;
	int as_cases;		/* --as cases: flagged visits as clues of cases */
	int as_given;
	char since[11];
	const char *milestone;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct request *rq = context;

	switch (opt) {
	case OPT_FLAGGED:
		rq->flagged = 1;
		return 0;
	case OPT_SINCE:
		if (date_parse(arg, rq->since) != 0)
			cli_usage_error(cli, _("--since: not a date: \"%s\""), arg);
		return 0;
	case OPT_COVERAGE:
		rq->coverage = 1;
		return 0;
	case OPT_MILESTONE:
		rq->milestone = arg;
		return 0;
	case OPT_MISSING:
		rq->missing = 1;
		return 0;
	case OPT_AS:
		if (strcmp(arg, "cases") != 0 && strcmp(arg, "issues") != 0)
			cli_usage_error(cli, _("--as: issues or cases, not \"%s\""), arg);
		rq->as_cases = strcmp(arg, "cases") == 0;
		rq->as_given = 1;
		return 0;
	}
	if (opt < OPT_HOUSEHOLD || opt > OPT_NOTES)
		return -1;
	rq->value[opt - OPT_HOUSEHOLD] = arg;
	rq->given = 1;
	return 0;
}

/* The usage errors: what may not go with what. */
static void
check_request(const struct cli *cli, const struct request *rq, int operands)
{
	if (rq->given && operands > 0)
		cli_usage_error(cli, _("give one visit by options or records in "
		    "files, not both"));
	if (rq->coverage && (rq->given || operands > 0 || rq->flagged))
		cli_usage_error(cli, _("--coverage reads the store only: no "
		    "visit, no file, no --flagged"));
	if ((rq->milestone != NULL || rq->missing) && !rq->coverage)
		cli_usage_error(cli, _("--milestone and --missing go with --coverage"));
	if (rq->as_given && !rq->flagged)
		cli_usage_error(cli, _("--as goes with --flagged"));
	if (rq->since[0] != '\0' && !rq->flagged)
		cli_usage_error(cli, _("--since goes with --flagged"));
	if (rq->since[0] != '\0' && (rq->given || operands > 0))
		cli_usage_error(cli, _("--flagged --since reads the store, not "
		    "visits"));
}

/* What logging visits keeps beside the import: the findings held back. */
struct logging {
	struct visit_import_options vo;
	FILE *held;
};

/* With --flagged, the findings wait in a file until the visits are in. */
static int
prepare(struct cli *cli, struct store *s, void *context)
{
	struct logging *lg = context;
	struct error err = { 0 };

	lg->vo.today = cli->today;
	cli->import.settings = &lg->vo;
	if (lg->held == NULL)
		return EXIT_OK;
	if ((lg->vo.flagged = writer_open(lg->held, cli->format,
	    lg->vo.as_cases ? case_clue_columns : visit_finding_columns,
	    lg->vo.as_cases ? CASE_CLUE_NCOLUMNS : FINDING_NCOLUMNS,
	    cli->output_flags, &err)) == NULL)
		return cli_error(cli, &err);
	return EXIT_OK;
}

/* The visits are in: the findings out. */
static int
done(struct cli *cli, struct store *s, const struct import_stats *stats,
    void *context)
{
	struct logging *lg = context;
	struct writer *w = lg->vo.flagged;
	struct error err = { 0 };

	if (w == NULL)
		return EXIT_OK;
	lg->vo.flagged = NULL;
	if (writer_close(w, &err) != 0)
		return cli_error(cli, &err);
	return cli_copy_out(cli, lg->held);
}

/* Log visits; with --flagged, write the findings once the visits are in. */
static int
log_visits(struct cli *cli, struct request *rq, int argc, char **argv)
{
	struct logging lg = { { NULL, NULL, rq->as_cases }, NULL };
	struct cli_import import = { .kind = &visit_import_kind,
		.noun = NC_("import noun", "visits"), .mode = STORE_WRITE,
		.fields = visit_fields, .nfields = VISIT_NFIELDS,
		.values = rq->given ? rq->value : NULL,
		.prepare = prepare, .done = done, .context = &lg };
	int status;

	if (rq->flagged && (lg.held = tmpfile()) == NULL) {
		cli_warn(cli, "%s", strerror(errno));
		return cli_finish(cli, EXIT_CANTCREAT);
	}
	status = cli_import(cli, argc, argv, &import);
	if (lg.vo.flagged != NULL)
		writer_close(lg.vo.flagged, NULL);
	if (lg.held != NULL)
		fclose(lg.held);
	return status;
}

/*
 * What a page for print or a workbook of rq lists, as a ledger's says
 * it: its heading, NULL for another format, or NULL with a message
 * printed and *status set.
 */
static struct report_heading *
report_heading(struct cli *cli, struct store *s, const struct request *rq,
    int *status)
{
	struct report_heading *rh = NULL;
	struct error err = { 0 };
	struct buf filters = { 0 };
	const char *title = rq->flagged && rq->as_cases ?
	    _("Clues of monitoring from visits") : rq->flagged ?
	    _("Flagged visits") : rq->missing ? _("Not visited in time") :
	    _("Visit coverage");

	if (cli->format != FORMAT_HTML && cli->format != FORMAT_XLSX)
		return NULL;
	if (report_filter_words(&filters, N_("dated from"), rq->flagged ?
	    rq->since : NULL) != 0 || report_filter_words(&filters,
	    N_("milestone"), rq->milestone) != 0)
		error_set(&err, EXIT_SOFTWARE, "%s", _("out of memory"));
	else
		/* the coverage is a row a village and milestone: no count */
		rh = report_heading_listing(s, title, NULL, NULL, filters.data,
		    cli->today, rq->flagged || rq->missing ?
		    N_("%ld entry in all") : NULL, N_("%ld entries in all"), &err);
	buf_free(&filters);
	if (rh == NULL)
		*status = cli_error(cli, &err);
	return rh;
}

/* Read the store: the flagged visits since a date, or coverage. */
static int
report(struct cli *cli, struct request *rq)
{
	struct store *store = NULL;
	struct report_heading *heading = NULL;
	struct writer *w = NULL;
	struct column coverage[COVERAGE_NCOLUMNS];
	struct error err = { 0 };
	int status = EXIT_OK;
	long n;
	int kinds = 0;		/* of the milestones listed (COVERAGE_*) */

	if ((store = cli_store(cli, STORE_QUERY, &status)) == NULL)
		return status;
	if (!rq->flagged && !rq->missing &&
	    coverage_columns_for(store, rq->milestone, coverage, &err) != 0) {
		store_close(store);
		return cli_error(cli, &err);
	}
	/* the person column only where people are counted */
	if (rq->missing && !rq->flagged &&
	    (kinds = coverage_kinds(store, rq->milestone, &err)) < 0) {
		store_close(store);
		return cli_error(cli, &err);
	}
	if ((heading = report_heading(cli, store, rq, &status)) == NULL &&
	    status != EXIT_OK) {
		store_close(store);
		return status;
	}
	if (rq->flagged && rq->as_cases)
		w = cli_writer(cli, case_clue_columns, CASE_CLUE_NCOLUMNS);
	else if (rq->flagged)
		w = cli_writer(cli, visit_finding_columns, FINDING_NCOLUMNS);
	else if (rq->missing)
		w = cli_writer(cli, coverage_missing_columns,
		    COVERAGE_MISSING_NCOLUMNS - !(kinds & COVERAGE_CARE));
	else
		w = cli_writer(cli, coverage, COVERAGE_NCOLUMNS);
	if (w == NULL) {
		report_heading_end(heading);
		store_close(store);
		return EXIT_SOFTWARE;
	}
	if (rq->flagged && rq->as_cases)
		n = case_clues_since(store, rq->since, w, &err);
	else if (rq->flagged)
		n = visit_flagged_since(store, rq->since, w, &err);
	else if (rq->missing)
		n = coverage_write_missing(store, rq->milestone, cli->today,
		    cli_labels(cli), w, &err);
	else
		n = coverage_write(store, rq->milestone, cli->today, w, &err);
	if (n < 0)
		status = cli_error(cli, &err);
	status = cli_writer_close(cli, w, status);
	report_heading_end(heading);
	store_close(store);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct request rq = { 0 };
	int first;

	cli_start(&cli, "visit-log", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", option, &rq);
	argc -= first;
	argv += first;
	check_request(&cli, &rq, argc);

	if (rq.coverage || rq.since[0] != '\0')
		return cli_finish(&cli, report(&cli, &rq));
	return log_visits(&cli, &rq, argc, argv);
}
