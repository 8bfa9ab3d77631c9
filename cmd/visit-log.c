/* visit-log.c -- log household visits; write their findings; show coverage */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: visit-log [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                 [--upsert] [--skip-bad --rejects file] [--input-format fmt]\n"
"                 [--encoding enc] [--flagged [-f format]] [file ...]\n"
"       visit-log [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                 [--upsert] [--flagged [-f format]] --household id\n"
"                 --date date --visitor name --round round [--role role]\n"
"                 [--food-clothing answer] [--education answer]\n"
"                 [--medical answer] [--housing answer]\n"
"                 [--drinking-water answer] [--income-stable answer]\n"
"                 [--industry-link answer] [--risk level] [--monitor yes|no]\n"
"                 [--notes text]\n"
"       visit-log [-d db] [-f format] [--bom] [--excel] --flagged\n"
"                 --since date\n"
"       visit-log [-d db] [-f format] [--bom] [--excel] --coverage\n"
"                 [--milestone id] [--missing]\n";

enum {
	/* the fields of one visit, in the order of enum visit_field */
	OPT_HOUSEHOLD = 2000, OPT_DATE, OPT_VISITOR, OPT_ROLE, OPT_ROUND,
	OPT_FOOD_CLOTHING, OPT_EDUCATION, OPT_MEDICAL, OPT_HOUSING,
	OPT_DRINKING_WATER, OPT_INCOME_STABLE, OPT_INDUSTRY_LINK, OPT_RISK,
	OPT_MONITOR, OPT_NOTES,
	/* what to do */
	OPT_FLAGGED = 3000, OPT_SINCE, OPT_COVERAGE, OPT_MILESTONE, OPT_MISSING
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
	{ NULL, 0, NULL, 0 }
};

struct request {
	const char *value[VISIT_NFIELDS];	/* one visit given by options */
	int given;
	int flagged, coverage, missing;
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
	if (rq->since[0] != '\0' && !rq->flagged)
		cli_usage_error(cli, _("--since goes with --flagged"));
	if (rq->since[0] != '\0' && (rq->given || operands > 0))
		cli_usage_error(cli, _("--flagged --since reads the store, not "
		    "visits"));
}

/* Copy what was held back to standard output. */
static int
copy_out(const struct cli *cli, FILE *held)
{
	char buf[65536];
	size_t n;

	rewind(held);
	while ((n = fread(buf, 1, sizeof(buf), held)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			break;
	if (ferror(held)) {
		cli_warn(cli, "%s", strerror(errno));
		return EXIT_IOERR;
	}
	return EXIT_OK;
}

/* Log visits; with --flagged, write the findings once the visits are in. */
static int
log_visits(struct cli *cli, struct request *rq, int argc, char **argv)
{
	struct visit_import_options vo = { cli->today, NULL };
	struct store *store = NULL;
	struct reader **readers = NULL;
	struct import_stats stats;
	struct error err = { 0 };
	FILE *held = NULL;
	size_t nreaders = 0;
	int status = EXIT_OK;

	if (rq->given) {
		if ((readers = cli_option_record(cli, visit_fields, rq->value,
		    VISIT_NFIELDS, &status)) == NULL)
			goto out;
		nreaders = 1;
	} else if ((readers = cli_readers(cli, argc, argv, &nreaders,
	    &status)) == NULL)
		goto out;
	if ((store = cli_store(cli, STORE_WRITE, &status)) == NULL)
		goto out;
	/* the findings wait until the visits are safely in the store */
	if (rq->flagged) {
		if ((held = tmpfile()) == NULL) {
			cli_warn(cli, "%s", strerror(errno));
			status = EXIT_CANTCREAT;
			goto out;
		}
		if ((vo.flagged = writer_open(held, cli->format, visit_finding_columns,
		    FINDING_NCOLUMNS, cli->output_flags, &err)) == NULL) {
			status = cli_error(cli, &err);
			goto out;
		}
	}
	if (visit_import(store, readers, nreaders, &vo, &cli->import, cli_problem,
	    cli, cli_progress, cli, &stats, &err) != 0) {
		status = cli_error(cli, &err);
		goto out;
	}
	if (vo.flagged != NULL) {
		struct writer *w = vo.flagged;

		vo.flagged = NULL;
		if (writer_close(w, &err) != 0) {
			status = cli_error(cli, &err);
			goto out;
		}
		status = copy_out(cli, held);
	}
	if (!cli->quiet) {
		cli_warn(cli, cli->import.dry_run ?
		    _("dry run: %ld records would add %ld visits, update %ld; "
		    "%ld unchanged, %ld differ, %ld bad") :
		    _("%ld records: %ld visits added, %ld updated; "
		    "%ld unchanged, %ld differ, %ld bad"),
		    stats.records, stats.added, stats.updated, stats.unchanged,
		    stats.differ, stats.bad);
		if (stats.differ > 0 && !cli->import.upsert)
			cli_warn(cli, _("%ld visits differ from the store and were "
			    "left as they are; --upsert updates them"), stats.differ);
		if (stats.bad > 0)
			cli_warn(cli, _("bad records are in %s"), cli->rejects);
	}
out:
	if (vo.flagged != NULL) {
		struct error ignored;

		writer_close(vo.flagged, &ignored);
	}
	if (held != NULL)
		fclose(held);
	store_close(store);
	cli_readers_close(readers);
	return status;
}

/* Read the store: the flagged visits since a date, or coverage. */
static int
report(struct cli *cli, struct request *rq)
{
	struct store *store = NULL;
	struct writer *w = NULL;
	struct error err = { 0 };
	int status = EXIT_OK;
	long n;

	if ((store = cli_store(cli, STORE_READ, &status)) == NULL)
		return status;
	if (rq->flagged)
		w = cli_writer(cli, visit_finding_columns, FINDING_NCOLUMNS);
	else if (rq->missing)
		w = cli_writer(cli, coverage_missing_columns,
		    COVERAGE_MISSING_NCOLUMNS);
	else
		w = cli_writer(cli, coverage_columns, COVERAGE_NCOLUMNS);
	if (w == NULL) {
		store_close(store);
		return EXIT_SOFTWARE;
	}
	if (rq->flagged)
		n = visit_flagged_since(store, rq->since, w, &err);
	else if (rq->missing)
		n = coverage_write_missing(store, rq->milestone, cli_labels(cli), w,
		    &err);
	else
		n = coverage_write(store, rq->milestone, w, &err);
	if (n < 0)
		status = cli_error(cli, &err);
	if (writer_close(w, &err) != 0 && status == EXIT_OK)
		status = cli_error(cli, &err);
	store_close(store);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct request rq = { 0 };
	int status, first;

	cli_start(&cli, "visit-log", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", option, &rq);
	argc -= first;
	argv += first;
	check_request(&cli, &rq, argc);

	if (rq.coverage || rq.since[0] != '\0')
		status = report(&cli, &rq);
	else
		status = log_visits(&cli, &rq, argc, argv);
	return cli_finish(&cli, status);
}
