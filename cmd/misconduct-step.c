/* misconduct-step.c -- record misconduct the village refers to the legal system (查处违法乱纪): referral, acceptance, result, revisits */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: misconduct-step [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                       [--skip-bad --rejects file] [--input-format fmt]\n"
"                       [--encoding enc] [--sheet name] [--header-row n]\n"
"                       [--list-sheets] [file ...]\n"
"       misconduct-step [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                       --kind kind --parties list [--referred-on date]\n"
"                       --step step [--date date] [--who name]\n"
"                       [--referred-to body] [--village name] [--title text]\n"
"                       [--owner name] [--due-date date] [--result text]\n"
"                       [--finding finding] [--notes text]\n";

enum { OPT_FIELD = 3000 };

/* the options of the fields, in the order of enum misconduct_field */
static const char *const option_names[MISCONDUCT_NFIELDS] = {
	"kind", "parties", "referred-on", "step", "date", "who", "referred-to",
	"village", "title", "owner", "due-date", "result", "finding", "notes"
};

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *value[MISCONDUCT_NFIELDS] = { 0 };
	struct cli_record_options o = { value, MISCONDUCT_NFIELDS, OPT_FIELD, 0 };
	struct misconduct_settings settings = { 0 };
	struct option options[MISCONDUCT_NFIELDS + 1];
	struct cli_import import = { .kind = &misconduct_step_kind,
		.noun = NC_("import noun", "steps"), .mode = STORE_READ,
		.fields = misconduct_fields, .nfields = MISCONDUCT_NFIELDS };
	int first;

	cli_field_options(options, option_names, MISCONDUCT_NFIELDS, OPT_FIELD);
	cli_start(&cli, "misconduct-step", usage, CLI_INPUT | CLI_IMPORT);
	first = cli_parse(&cli, argc, argv, options, "", cli_record_option, &o);
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one step by options or steps in files, "
		    "not both"));
	if (o.given)
		import.values = value;
	settings.today = cli.today;
	settings.who = cli.by;
	cli.import.settings = &settings;
	return cli_import(&cli, argc - first, argv + first, &import);
}
