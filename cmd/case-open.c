/* case-open.c -- open monitoring cases from clues: visits, applications, cadres, departments */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: case-open [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                 [--dry-run] [--skip-bad --rejects file] [--input-format fmt]\n"
"                 [--encoding enc] [--sheet name] [--header-row n]\n"
"                 [--list-sheets] [file ...]\n"
"       case-open [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                 [--dry-run] --household id --clue clue --clue-on date\n"
"                 [--type type] [--recorder name] [--monitor-type type]\n"
"                 [--risks risks] [--detail text]\n"
"       case-open [-q] [-d db] [--by name] --reason text --limit name=value ...\n";

enum { OPT_FIELD = 3000, OPT_LIMIT = 4000 };

/* the options of the fields, in the order of enum case_field */
static const char *const option_names[CASE_NFIELDS] = {
	"household", "type", "clue", "clue-on", "recorder", "monitor-type",
	"risks", "detail"
};

struct opts {
	const char *value[CASE_NFIELDS];
	struct cli_record_options record;
	const char *limits[8];
	size_t nlimits;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct opts *o = context;

	if (opt == OPT_LIMIT) {
		if (o->nlimits == sizeof(o->limits) / sizeof(o->limits[0]))
			cli_usage_error(cli, _("--limit: too many limits"));
		o->limits[o->nlimits++] = arg;
		return 0;
	}
	return cli_record_option(cli, opt, arg, &o->record);
}

/* --limit name=value ...: the county's limits, in one transaction, audited with the reason. */
static int
set_limits(struct cli *cli, const char *const *limits, size_t n)
{
	struct store *store;
	struct error err = { 0 };
	int status = EXIT_OK;

	/* every one checked before the store is opened */
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(limits[i], '=');
		long value;

		if (eq == NULL || eq == limits[i] || number_parse(eq + 1, 0, 3650,
		    &value) != 0)
			cli_usage_error(cli, _("--limit: not name=number (0 to 3650): "
			    "\"%s\""), limits[i]);
	}
	if ((store = cli_store(cli, STORE_WRITE, &status)) == NULL)
		return status;
	if (store_begin(store, &err) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(limits[i], '=');
		char name[64];
		long value;

		snprintf(name, sizeof(name), "%.*s", (int)(eq - limits[i]), limits[i]);
		number_parse(eq + 1, 0, 3650, &value);
		if (monitor_set_limit(store, name, value, cli->import.reason,
		    &err) != 0) {
			store_rollback(store);
			goto out;
		}
	}
	store_commit(store, &err);
out:
	if (err.status != 0)
		status = cli_error(cli, &err);
	store_close(store);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct opts o = { .record = { o.value, CASE_NFIELDS, OPT_FIELD, 0 } };
	struct step_settings settings = { 0 };
	struct option options[CASE_NFIELDS + 2];
	struct cli_import import = { .kind = &case_open_kind,
		.noun = NC_("import noun", "clues"), .mode = STORE_READ,
		.corrected_by = N_("a case changes by its steps (case-step)"),
		.fields = case_fields, .nfields = CASE_NFIELDS,
		.done = cli_write_cases, .context = &settings.touched };
	int first, status;

	cli_field_options(options + 1, option_names, CASE_NFIELDS, OPT_FIELD);
	options[0] = (struct option){ "limit", required_argument, NULL, OPT_LIMIT };

	cli_start(&cli, "case-open", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT |
	    CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", option, &o);
	if (o.nlimits > 0 && (o.record.given || argc > first))
		cli_usage_error(&cli, _("--limit sets the county's limits; give no "
		    "clue with it"));
	if (o.record.given && argc > first)
		cli_usage_error(&cli, _("give one clue by options or clues in files, "
		    "not both"));
	if (o.nlimits == 0 && cli.import.reason != NULL)
		cli_usage_error(&cli, _("--reason goes with --limit: a clue is "
		    "corrected by its case's steps (case-step)"));
	if (o.nlimits > 0) {
		cli_county_reason(&cli);
		return cli_finish(&cli, set_limits(&cli, o.limits, o.nlimits));
	}
	if (o.record.given)
		import.values = o.value;
	settings.today = cli.today;
	settings.who = cli.by;
	cli.import.settings = &settings;
	status = cli_import(&cli, argc - first, argv + first, &import);
	issue_ids_free(&settings.touched);
	return status;
}
