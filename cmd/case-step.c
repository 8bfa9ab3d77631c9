/* case-step.c -- record the steps of monitoring cases, in the order of the procedure, and the county's decision */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: case-step [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                 [--dry-run] [--skip-bad --rejects file] [--input-format fmt]\n"
"                 [--encoding enc] [--sheet name] [--header-row n]\n"
"                 [--list-sheets] [file ...]\n"
"       case-step [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                 [--dry-run] --case n | --household id --step step\n"
"                 [--date date] [--who name] [--result result]\n"
"                 [--reason text] [--housing text] [--food text]\n"
"                 [--labour text] [--income text] [--expenses text]\n"
"                 [--judgement text] [--consent yes|no]\n"
"                 [--monitor-type type] [--risks risks] [--answers text]\n"
"                 [--days n] [--objections text] [--notes text]\n";

enum { OPT_FIELD = 3000 };

/* the options of the fields, in the order of enum case_step_field */
static const char *const option_names[STEP_NFIELDS] = {
	"case", "household", "step", "date", "who", "result", "reason",
	"housing", "food", "labour", "income", "expenses", "judgement",
	"consent", "monitor-type", "risks", "answers", "days", "objections",
	"notes"
};

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *value[STEP_NFIELDS] = { 0 };
	struct cli_record_options o = { value, STEP_NFIELDS, OPT_FIELD, 0 };
	struct case_settings settings = { 0 };
	struct option options[STEP_NFIELDS + 1];
	struct cli_import import = { .kind = &case_step_kind,
		.noun = NC_("import noun", "steps"), .mode = STORE_READ,
		.corrected_by = N_("a step recorded is kept as it is; the next step follows it"),
		.fields = case_step_fields, .nfields = STEP_NFIELDS,
		.done = cli_write_cases, .context = &settings.touched };
	int first, status;

	cli_field_options(options, option_names, STEP_NFIELDS, OPT_FIELD);

	cli_start(&cli, "case-step", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", cli_record_option,
	    &o);
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one step by options or steps in files, "
		    "not both"));
	if (o.given && value[STEP_CASE] == NULL && value[STEP_HOUSEHOLD] == NULL)
		cli_usage_error(&cli, _("which case? give --case or --household"));
	if (o.given)
		import.values = value;
	settings.today = cli.today;
	settings.who = cli.by;
	cli.import.settings = &settings;
	status = cli_import(&cli, argc - first, argv + first, &import);
	issue_ids_free(&settings.touched);
	return status;
}
