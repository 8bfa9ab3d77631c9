/* issue-update.c -- move issues along their lifecycle: status, owner, deadline, notes, mediation */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: issue-update [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                    --id id [--status status] [--resolution text]\n"
"                    [--feedback text] [--reason text] [--promised-date date]\n"
"                    [--owner name] [--owner-unit unit] [--due-date date]\n"
"                    [--note text] [--outcome outcome] [--revisit-in days]\n"
"                    [--finding finding --visitor name [--revisit-date date]]\n"
"                    [--title text] [--category category] [--detail text]\n"
"                    [--urgency urgency] [--household id] [--reporter name]\n"
"                    [--standard text] [--measures text]\n"
"                    [--rating rating] [--case n | --case none]\n"
"       issue-update [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                    [--dry-run] [--skip-bad --rejects file]\n"
"                    [--input-format fmt] [--encoding enc]\n"
"                    [--set field=value ...]\n"
"                    [--sheet name] [--header-row n] [--list-sheets]\n"
"                    [--revisit-in days]\n"
"                    [file ...]\n";

enum { OPT_FIELD = 3000 };

static const char *const option_names[UPDATE_NFIELDS] = {
	"id", "status", "note", "owner", "owner-unit", "due-date", "reason",
	"resolution", "feedback", "promised-date", "outcome", "revisit-in",
	"revisit-date", "visitor", "finding", "title", "category", "detail",
	"urgency", "household", "reporter", "standard", "measures",
	"rating", "case"
};

struct opts {
	const char *value[UPDATE_NFIELDS];
	int given;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct opts *o = context;

	(void)cli;
	if (opt < OPT_FIELD || opt >= OPT_FIELD + UPDATE_NFIELDS)
		return -1;
	o->value[opt - OPT_FIELD] = arg;
	if (opt - OPT_FIELD != UPDATE_REVISIT_IN)
		o->given = 1;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct opts o = { 0 };
	struct issue_update_settings settings = { 0 };
	struct option options[UPDATE_NFIELDS + 1];
	struct cli_import import = { .kind = &issue_update_kind,
		.noun = NC_("import noun", "changes"), .mode = STORE_READ,
		.corrected_by = N_("it changes the issue each record names by its id"),
		.fields = issue_update_fields, .nfields = UPDATE_NFIELDS,
		.done = cli_write_issues, .context = &settings.changed };
	int first, status;

	cli_field_options(options, option_names, UPDATE_NFIELDS, OPT_FIELD);

	cli_start(&cli, "issue-update", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", option, &o);
	if (o.given && o.value[UPDATE_ID] == NULL)
		cli_usage_error(&cli, _("which issue? give --id"));
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one change by options or changes in "
		    "files, not both"));
	if (o.value[UPDATE_REVISIT_IN] != NULL &&
	    number_parse(o.value[UPDATE_REVISIT_IN], 1, 3650, &settings.revisit_in) != 0)
		cli_usage_error(&cli, _("--revisit-in: not a number of days from 1 to 3650"));
	if (o.given)
		import.values = o.value;
	settings.today = cli.today;
	settings.who = cli.by;
	cli.import.settings = &settings;
	status = cli_import(&cli, argc - first, argv + first, &import);
	issue_ids_free(&settings.changed);
	return status;
}
