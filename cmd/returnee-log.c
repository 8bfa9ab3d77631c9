/* returnee-log.c -- record each contact with a returnee (回引人才) or village worthy (乡贤) */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: returnee-log [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                    [--skip-bad --rejects file] [--input-format fmt]\n"
"                    [--encoding enc] [--set field=value ...]\n"
"                    [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       returnee-log [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                    --id-number number --date date [--name name]\n"
"                    [--village name] [--kind kind] [--away-place place]\n"
"                    [--skills text] [--intention intention] [--cadre name]\n"
"                    [--way way] [--said text] [--status status]\n";

enum { OPT_FIELD = 3000 };

/* the options of the fields, in the order of enum returnee_field */
static const char *const option_names[RETURNEE_NFIELDS] = {
	"id-number", "date", "name", "village", "kind", "away-place", "skills",
	"intention", "cadre", "way", "said", "status"
};

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *value[RETURNEE_NFIELDS] = { 0 };
	struct cli_record_options o = { value, RETURNEE_NFIELDS, OPT_FIELD, 0 };
	struct option options[RETURNEE_NFIELDS + 1];
	struct cli_import import = { .kind = &returnee_import_kind,
		.noun = NC_("import noun", "contacts"),
		.mode = STORE_WRITE, .fields = returnee_fields,
		.nfields = RETURNEE_NFIELDS };
	int first;

	cli_field_options(options, option_names, RETURNEE_NFIELDS, OPT_FIELD);
	cli_start(&cli, "returnee-log", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", cli_record_option, &o);
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one record by options or records in "
		    "files, not both"));
	if (o.given)
		import.values = value;
	return cli_import(&cli, argc - first, argv + first, &import);
}
