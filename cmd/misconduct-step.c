/* misconduct-step.c -- record misconduct the village refers to the legal system (查处违法乱纪): referral, acceptance, result, revisits */

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

/* the options of the fields, in the order of enum misconduct_field */
static const char *const option_names[MISCONDUCT_NFIELDS] = {
	"kind", "parties", "referred-on", "step", "date", "who", "referred-to",
	"village", "title", "owner", "due-date", "result", "finding", "notes"
};

int
main(int argc, char **argv)
{
	struct cli_import import = { .kind = &misconduct_step_kind,
		.noun = NC_("import noun", "steps"), .mode = STORE_READ,
		.fields = misconduct_fields, .nfields = MISCONDUCT_NFIELDS };

	return cli_import_steps(argc, argv, "misconduct-step", usage,
	    CLI_INPUT | CLI_IMPORT, option_names, &import, NULL);
}
