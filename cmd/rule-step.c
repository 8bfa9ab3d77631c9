/* rule-step.c -- record the steps of village rules (村规民约): draft, consultation, vote, review, posting, delivery, enforcement */
#include <stdlib.h>

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

enum { OPT_FIELD = 3000 };

/* the options of the fields, in the order of enum rule_field */
static const char *const option_names[RULE_NFIELDS] = {
	"village", "group", "title", "step", "date", "who", "topics", "groups",
	"opinions", "adopted", "representatives", "present", "yes", "no",
	"abstain", "result", "place", "household", "action", "body", "notes"
};

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *value[RULE_NFIELDS] = { 0 };
	struct cli_record_options o = { value, RULE_NFIELDS, OPT_FIELD, 0 };
	struct rule_settings settings = { 0 };
	struct option options[RULE_NFIELDS + 1];
	struct cli_import import = { .kind = &rule_step_kind,
		.noun = NC_("import noun", "steps"), .mode = STORE_READ,
		.corrected_by = N_("a step recorded is kept as it is; the next step follows it"),
		.fields = rule_fields, .nfields = RULE_NFIELDS,
		.done = cli_write_rules, .context = &settings.touched };
	int first, status;

	cli_field_options(options, option_names, RULE_NFIELDS, OPT_FIELD);

	cli_start(&cli, "rule-step", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", cli_record_option,
	    &o);
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one step by options or steps in files, "
		    "not both"));
	if (o.given)
		import.values = value;
	settings.today = cli.today;
	settings.who = cli.by;
	cli.import.settings = &settings;
	status = cli_import(&cli, argc - first, argv + first, &import);
	issue_ids_free(&settings.touched);
	return status;
}
