/* case-step.c -- record the steps of monitoring cases, in the order of the procedure, and the county's decision */

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

/* the options of the fields, in the order of enum case_step_field */
static const char *const option_names[STEP_NFIELDS] = {
	"case", "household", "step", "date", "who", "result", "reason",
	"housing", "food", "labour", "income", "expenses", "judgement",
	"consent", "monitor-type", "risks", "answers", "days", "objections",
	"notes"
};

/* One step given by options names its case. */
static const char *
check(const char *const *value)
{
	if (value[STEP_CASE] == NULL && value[STEP_HOUSEHOLD] == NULL)
		return N_("which case? give --case or --household");
	return NULL;
}

int
main(int argc, char **argv)
{
	struct cli_import import = { .kind = &case_step_kind,
		.noun = NC_("import noun", "steps"), .mode = STORE_READ,
		.corrected_by = N_("a step recorded is kept as it is; the next step follows it"),
		.fields = case_step_fields, .nfields = STEP_NFIELDS,
		.done = cli_write_cases };

	return cli_import_steps(argc, argv, "case-step", usage,
	    CLI_INPUT | CLI_IMPORT | CLI_OUTPUT, option_names, &import, check);
}
