/* honour-add.c -- record selections of models (评选): people, households and villages chosen for an honour */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: honour-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                  [--skip-bad --rejects file] [--input-format fmt]\n"
"                  [--encoding enc] [--set field=value ...]\n"
"                  [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       honour-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                  --kind kind [--title text] --level level --year year\n"
"                  [--village name] [--household id] [--id-number number]\n"
"                  --nominated-by name --basis basis --basis-on date\n"
"                  [--yes n --voters n] [--score n --evaluators n]\n"
"                  --selected-on date [--notes text]\n";

enum { OPT_FIELD = 3000 };

/* the options of the fields, in the order of enum honour_field */
static const char *const option_names[HONOUR_NFIELDS] = {
	"kind", "title", "level", "year", "village", "household", "id-number",
	"nominated-by", "basis", "basis-on", "yes", "voters", "score",
	"evaluators", "selected-on", "notes"
};

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *value[HONOUR_NFIELDS] = { 0 };
	struct cli_record_options o = { value, HONOUR_NFIELDS, OPT_FIELD, 0 };
	struct option options[HONOUR_NFIELDS + 1];
	struct cli_import import = { .kind = &honour_import_kind,
		.noun = NC_("import noun", "selections"),
		.mode = STORE_WRITE, .fields = honour_fields,
		.nfields = HONOUR_NFIELDS };
	int first;

	cli_field_options(options, option_names, HONOUR_NFIELDS, OPT_FIELD);
	cli_start(&cli, "honour-add", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", cli_record_option, &o);
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one record by options or records in "
		    "files, not both"));
	if (o.given)
		import.values = value;
	return cli_import(&cli, argc - first, argv + first, &import);
}
