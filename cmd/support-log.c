/* support-log.c -- record assistance to a person: posts, park jobs, land transfers, small loans */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: support-log [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                   [--upsert [--reason text]]\n"
"                   [--skip-bad --rejects file] [--input-format fmt]\n"
"                   [--encoding enc] [--set field=value ...]\n"
"                   [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       support-log [-q] [-d db] [--by name] [--today date] [--dry-run]\n"
"                   [--upsert [--reason text]]\n"
"                   --kind post|job|land|loan --id-number number\n"
"                   --start date [--title text] [--provider name]\n"
"                   [--end date] [--amount yuan] [--term months]\n"
"                   [--status status] [--sent-on date]\n"
"                   [--decided-on date] [--area mu]\n"
"                   [--owner name] [--case n]\n"
"                   [--override reason]\n";

enum { OPT_FIELD = 3000 };

/* the options of the fields, in the order of enum support_field */
static const char *const option_names[SUPPORT_NFIELDS] = {
	"kind", "id-number", "start", "title", "provider", "end", "amount",
	"term", "status", "sent-on", "decided-on", "area", "owner", "case", "override"
};

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *value[SUPPORT_NFIELDS] = { 0 };
	struct cli_record_options o = { value, SUPPORT_NFIELDS, OPT_FIELD, 0 };
	struct option options[SUPPORT_NFIELDS + 1];
	struct cli_import import = { .kind = &support_import_kind,
		.noun = NC_("import noun", "assistance records"),
		.mode = STORE_WRITE, .fields = support_fields,
		.nfields = SUPPORT_NFIELDS };
	int first;

	cli_field_options(options, option_names, SUPPORT_NFIELDS, OPT_FIELD);
	cli_start(&cli, "support-log", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", cli_record_option, &o);
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one record by options or records in "
		    "files, not both"));
	if (value[SUPPORT_OVERRIDE] != NULL &&
	    text_trim((char *)value[SUPPORT_OVERRIDE])[0] == '\0')
		cli_usage_error(&cli, _("--override needs its reason: why the rule "
		    "is broken"));
	if (o.given)
		import.values = value;
	cli.import.settings = cli.today;
	return cli_import(&cli, argc - first, argv + first, &import);
}
