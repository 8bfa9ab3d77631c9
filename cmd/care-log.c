/* care-log.c -- record care visits (人文关怀) to the elderly living alone, left-behind children, poor students, the disabled */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: care-log [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                [--upsert [--reason text]] [--skip-bad --rejects file]\n"
"                [--input-format fmt] [--encoding enc] [--set field=value ...]\n"
"                [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       care-log [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                [--upsert [--reason text]] --id-number number --date date\n"
"                --visitor name [--role role] --done text\n";

enum { OPT_FIELD = 3000 };

/* the options of the fields, in the order of enum care_field */
static const char *const option_names[CARE_NFIELDS] = {
	"id-number", "date", "visitor", "role", "done"
};

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *value[CARE_NFIELDS] = { 0 };
	struct cli_record_options o = { value, CARE_NFIELDS, OPT_FIELD, 0 };
	struct option options[CARE_NFIELDS + 1];
	struct cli_import import = { .kind = &care_import_kind,
		.noun = NC_("import noun", "care visits"),
		.mode = STORE_WRITE, .fields = care_fields,
		.nfields = CARE_NFIELDS };
	int first;

	cli_field_options(options, option_names, CARE_NFIELDS, OPT_FIELD);
	cli_start(&cli, "care-log", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", cli_record_option, &o);
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one record by options or records in "
		    "files, not both"));
	if (o.given)
		import.values = value;
	cli.import.settings = cli.today;
	return cli_import(&cli, argc - first, argv + first, &import);
}
