/* member-add.c -- register the people of households */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: member-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                  [--roster | --skip-bad --rejects file] [--input-format fmt]\n"
"                  [--encoding enc] [--set field=value ...]\n"
"                  [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       member-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                  [--roster] --id-number number --household id --name name\n"
"                  [--relation relation] [--labour capacity]\n"
"                  [--schooling level] [--health health]\n"
"                  [--away-place place] [--away-since date] [--tag tag ...]\n"
"                  [--phone number] [--cadre-relative yes|no]\n";

/* in the order of the fields (lib/member.h) */
enum { OPT_ID_NUMBER = 2000, OPT_HOUSEHOLD, OPT_NAME, OPT_RELATION,
	OPT_LABOUR, OPT_SCHOOLING, OPT_HEALTH, OPT_AWAY_PLACE, OPT_AWAY_SINCE,
	OPT_TAG, OPT_PHONE, OPT_CADRE_RELATIVE, OPT_ROSTER };

static const struct option options[] = {
	{ "id-number", required_argument, NULL, OPT_ID_NUMBER },
	{ "household", required_argument, NULL, OPT_HOUSEHOLD },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "relation", required_argument, NULL, OPT_RELATION },
	{ "labour", required_argument, NULL, OPT_LABOUR },
	{ "schooling", required_argument, NULL, OPT_SCHOOLING },
	{ "health", required_argument, NULL, OPT_HEALTH },
	{ "away-place", required_argument, NULL, OPT_AWAY_PLACE },
	{ "away-since", required_argument, NULL, OPT_AWAY_SINCE },
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "cadre-relative", required_argument, NULL, OPT_CADRE_RELATIVE },
	{ "roster", no_argument, NULL, OPT_ROSTER },
	{ NULL, 0, NULL, 0 }
};

/* The one person given by options, field by field. */
struct one {
	const char *value[MEMBER_NFIELDS];
	struct buf tags;
	int given;
	struct member_settings settings;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct one *one = context;

	(void)cli;
	if (opt == OPT_ROSTER) {
		one->settings.roster = 1;
		return 0;
	}
	one->given = 1;
	if (opt == OPT_TAG) {
		if (one->tags.len > 0)
			buf_puts(&one->tags, ";");
		buf_puts(&one->tags, arg);
		one->value[MEMBER_TAGS] = one->tags.data;
		return 0;
	}
	if (opt < OPT_ID_NUMBER || opt > OPT_CADRE_RELATIVE)
		return -1;
	one->value[opt - OPT_ID_NUMBER] = arg;
	return 0;
}

/* cli_import() notes(): the member counts the roster set, and those that differ. */
static void
say_counts(struct cli *cli, void *context)
{
	cli_member_counts(cli, &((const struct one *)context)->settings);
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct one one = { 0 };
	struct cli_import import = { .kind = &member_import_kind,
		.noun = NC_("import noun", "members"), .mode = STORE_WRITE,
		.fields = member_fields, .nfields = MEMBER_NFIELDS };
	int first, status;

	cli_start(&cli, "member-add", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", option, &one);
	if (one.given && argc > first)
		cli_usage_error(&cli, _("give one person by options or records "
		    "in files, not both"));
	if (one.settings.roster && cli.import.skip_bad)
		cli_usage_error(&cli, _("--roster and --skip-bad do not go together: "
		    "a roster with records left out is not whole"));
	if (one.given)
		import.values = one.value;
	import.notes = say_counts;
	import.context = &one;
	cli.import.settings = &one.settings;
	status = cli_import(&cli, argc - first, argv + first, &import);
	buf_free(&one.tags);
	return status;
}
