/* household-add.c -- register villages, villager groups and households */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: household-add [-q] [-d db] [--by name] [--dry-run] [--upsert]\n"
"                     [--skip-bad --rejects file] [--input-format fmt]\n"
"                     [--encoding enc] [file ...]\n"
"       household-add [-q] [-d db] [--by name] [--dry-run] [--upsert]\n"
"                     --id id --village name [--group name] [--head name]\n"
"                     [--id-number number] [--phone number]\n"
"                     [--category category ...] [--members n]\n"
"                     [--monitor-type type] [--risk-status status]\n";

enum { OPT_ID = 2000, OPT_HEAD, OPT_ID_NUMBER, OPT_PHONE, OPT_VILLAGE,
	OPT_GROUP, OPT_CATEGORY, OPT_MEMBERS, OPT_MONITOR_TYPE, OPT_RISK_STATUS };

static const struct option options[] = {
	{ "id", required_argument, NULL, OPT_ID },
	{ "head", required_argument, NULL, OPT_HEAD },
	{ "id-number", required_argument, NULL, OPT_ID_NUMBER },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "members", required_argument, NULL, OPT_MEMBERS },
	{ "monitor-type", required_argument, NULL, OPT_MONITOR_TYPE },
	{ "risk-status", required_argument, NULL, OPT_RISK_STATUS },
	{ NULL, 0, NULL, 0 }
};

/* The one household given by options, field by field. */
struct one {
	const char *value[HOUSEHOLD_NFIELDS];
	struct buf categories;
	int given;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct one *one = context;

	(void)cli;
	one->given = 1;
	if (opt == OPT_CATEGORY) {
		if (one->categories.len > 0)
			buf_puts(&one->categories, ";");
		buf_puts(&one->categories, arg);
		one->value[HOUSEHOLD_CATEGORIES] = one->categories.data;
		return 0;
	}
	if (opt < OPT_ID || opt > OPT_RISK_STATUS)
		return -1;
	one->value[opt - OPT_ID] = arg;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct one one = { 0 };
	struct store *store = NULL;
	struct reader **readers = NULL;
	struct import_stats stats;
	struct error err = { 0 };
	size_t nreaders = 0;
	int status = EXIT_OK, first;

	cli_start(&cli, "household-add", usage, CLI_INPUT | CLI_IMPORT);
	first = cli_parse(&cli, argc, argv, options, "", option, &one);
	argc -= first;
	argv += first;
	if (one.given && argc > 0)
		cli_usage_error(&cli, _("give one household by options or records "
		    "in files, not both"));

	if (one.given) {
		if ((readers = cli_option_record(&cli, household_fields, one.value,
		    HOUSEHOLD_NFIELDS, &status)) == NULL)
			goto out;
		nreaders = 1;
	} else if ((readers = cli_readers(&cli, argc, argv, &nreaders,
	    &status)) == NULL)
		goto out;
	if ((store = cli_store(&cli, STORE_WRITE, &status)) == NULL)
		goto out;

	if (import_run(store, readers, nreaders, &household_import_kind, &cli.import,
	    cli_problem, &cli, cli_progress, &cli, &stats, &err) != 0) {
		status = cli_error(&cli, &err);
		goto out;
	}
	if (!cli.quiet) {
		cli_warn(&cli, cli.import.dry_run ?
		    _("dry run, nothing written: records %ld, would add %ld, "
		    "would update %ld, unchanged %ld, differ %ld, bad %ld") :
		    _("records %ld: added %ld, updated %ld, unchanged %ld, "
		    "differ %ld, bad %ld"),
		    stats.records, stats.added, stats.updated, stats.unchanged,
		    stats.differ, stats.bad);
		if (stats.differ > 0 && !cli.import.upsert)
			cli_warn(&cli, _("households that differ from the store were "
			    "left as they are: %ld (--upsert updates them)"), stats.differ);
		if (stats.bad > 0)
			cli_warn(&cli, _("bad records are in %s"), cli.rejects);
	}
out:
	store_close(store);
	cli_readers_close(readers);
	buf_free(&one.categories);
	return cli_finish(&cli, status);
}
