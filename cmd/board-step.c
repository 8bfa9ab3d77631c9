/* board-step.c -- record the entries of a village's honour and exposure boards (光荣榜 / 曝光台) step by step */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: board-step [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                  [--skip-bad --rejects file] [--input-format fmt]\n"
"                  [--encoding enc] [--sheet name] [--header-row n]\n"
"                  [--list-sheets] [file ...]\n"
"       board-step [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                  --board board [--village name] --household id\n"
"                  --from date --step step [--date date] [--who name]\n"
"                  [--to date] [--headline text] [--source source]\n"
"                  [--reason text] [--object-by date] [--result result]\n"
"                  [--notes text]\n";

enum { OPT_FIELD = 3000 };

/* the options of the fields, in the order of enum board_field */
static const char *const option_names[BOARD_NFIELDS] = {
	"board", "village", "household", "from", "to", "step", "date", "who",
	"headline", "source", "reason", "object-by", "result", "notes"
};

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *value[BOARD_NFIELDS] = { 0 };
	struct cli_record_options o = { value, BOARD_NFIELDS, OPT_FIELD, 0 };
	struct board_settings settings = { 0 };
	struct option options[BOARD_NFIELDS + 1];
	struct cli_import import = { .kind = &board_step_kind,
		.noun = NC_("import noun", "steps"), .mode = STORE_READ,
		.fields = board_fields, .nfields = BOARD_NFIELDS };
	int first;

	cli_field_options(options, option_names, BOARD_NFIELDS, OPT_FIELD);
	cli_start(&cli, "board-step", usage, CLI_INPUT | CLI_IMPORT);
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
