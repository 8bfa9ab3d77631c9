/* rule-step.c -- record the steps of village rules (村规民约): draft, consultation, vote, review, posting, delivery, enforcement */

#include "cli.h"

static const char usage[] =
"usage: rule-step [-q] [-d db] [--by name] [--today date] [-f format]\n"
"                 [--dry-run] [--skip-bad --rejects file] [--input-format fmt]\n"
"                 [--encoding enc] [--sheet name] [--header-row n]\n"
"                 [--list-sheets] [file ...]\n"
"       rule-step [-q] [-d db] [--by name] [--today date] [-f format]\n"
"                 [--dry-run] --village name [--group name] --title text\n"
"                 --step step [--date date] [--who name] [--topics topics]\n"
"                 [--groups text] [--opinions n] [--adopted n]\n"
"                 [--representatives n] [--present n] [--yes n] [--no n]\n"
"                 [--abstain n] [--result result] [--place text]\n"
"                 [--household id] [--action action] [--body body]\n"
"                 [--notes text]\n";

/* the options of the fields, in the order of enum rule_field */
static const char *const option_names[RULE_NFIELDS] = {
	"village", "group", "title", "step", "date", "who", "topics", "groups",
	"opinions", "adopted", "representatives", "present", "yes", "no",
	"abstain", "result", "place", "household", "action", "body", "notes"
};

int
main(int argc, char **argv)
{
	struct cli_import import = { .kind = &rule_step_kind,
		.noun = NC_("import noun", "steps"), .mode = STORE_READ,
		.corrected_by = N_("a step recorded is kept as it is; the next step follows it"),
		.fields = rule_fields, .nfields = RULE_NFIELDS,
		.done = cli_write_rules };

	return cli_import_steps(argc, argv, "rule-step", usage,
	    CLI_INPUT | CLI_IMPORT | CLI_OUTPUT, option_names, &import, NULL);
}
