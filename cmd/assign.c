/* assign.c -- assign cadres to households (包户), villages (包村) and 片 (包片) */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: assign [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"              [--skip-bad --rejects file] [--input-format fmt]\n"
"              [--encoding enc] [--set field=value ...]\n"
"              [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       assign [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"              --cadre name --role role [--household id] [--village name]\n"
"              [--area name] [--from date] [--until date] [--phone number]\n";

/* in the order of the fields (lib/assign.h) */
enum { OPT_CADRE = 2000, OPT_ROLE, OPT_HOUSEHOLD, OPT_VILLAGE, OPT_AREA,
	OPT_FROM, OPT_UNTIL, OPT_PHONE };

static const struct option options[] = {
	{ "cadre", required_argument, NULL, OPT_CADRE },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "household", required_argument, NULL, OPT_HOUSEHOLD },
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "area", required_argument, NULL, OPT_AREA },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ NULL, 0, NULL, 0 }
};

/* The one assignment given by options, field by field. */
struct one {
	const char *value[ASSIGN_NFIELDS];
	int given;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct one *one = context;

	(void)cli;
	if (opt < OPT_CADRE || opt > OPT_PHONE)
		return -1;
	one->given = 1;
	one->value[opt - OPT_CADRE] = arg;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct one one = { 0 };
	struct cli_import import = { .kind = &assign_import_kind,
		.noun = NC_("import noun", "assignments"), .mode = STORE_WRITE,
		.fields = assign_fields, .nfields = ASSIGN_NFIELDS };
	int first;

	cli_start(&cli, "assign", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", option, &one);
	if (one.given && argc > first)
		cli_usage_error(&cli, _("give one assignment by options or records "
		    "in files, not both"));
	if (one.given)
		import.values = one.value;
	return cli_import(&cli, argc - first, argv + first, &import);
}
