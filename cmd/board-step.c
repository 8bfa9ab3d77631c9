/* board-step.c -- record the entries of a village's honour and exposure boards (光荣榜 / 曝光台) step by step */

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

/* the options of the fields, in the order of enum board_field */
static const char *const option_names[BOARD_NFIELDS] = {
	"board", "village", "household", "from", "to", "step", "date", "who",
	"headline", "source", "reason", "object-by", "result", "notes"
};

int
main(int argc, char **argv)
{
	struct cli_import import = { .kind = &board_step_kind,
		.noun = NC_("import noun", "steps"), .mode = STORE_READ,
		.fields = board_fields, .nfields = BOARD_NFIELDS };

	return cli_import_steps(argc, argv, "board-step", usage,
	    CLI_INPUT | CLI_IMPORT, option_names, &import, NULL);
}
