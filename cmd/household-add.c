/* household-add.c -- register villages, villager groups and households */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: household-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                     [--without-case reason] [--skip-bad --rejects file] [--input-format fmt]\n"
"                     [--encoding enc] [--set field=value ...]\n"
"                     [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       household-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                     [--without-case reason] --id id --village name [--group name] [--head name]\n"
"                     [--id-number number] [--phone number]\n"
"                     [--category category ...] [--members n]\n"
"                     [--monitor-type type] [--risk-status status]\n"
"                     [--new-village] [--new-group]\n";

enum { OPT_ID = 2000, OPT_HEAD, OPT_ID_NUMBER, OPT_PHONE, OPT_VILLAGE,
	OPT_GROUP, OPT_CATEGORY, OPT_MEMBERS, OPT_MONITOR_TYPE, OPT_RISK_STATUS,
	OPT_NEW_VILLAGE, OPT_NEW_GROUP, OPT_WITHOUT_CASE = 3000 };

static const struct option options[] = {
	{ "id", required_argument, NULL, OPT_ID },
	{ "head", required_argument, NULL, OPT_HEAD },
	{ "id-number", required_argument, NULL, OPT_ID_NUMBER },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "members", required_argument, NULL, OPT_MEMBERS },
	{ "monitor-type", required_argument, NULL, OPT_MONITOR_TYPE },
	{ "risk-status", required_argument, NULL, OPT_RISK_STATUS },
	{ "without-case", required_argument, NULL, OPT_WITHOUT_CASE },
	{ "new-village", no_argument, NULL, OPT_NEW_VILLAGE },
	{ "new-group", no_argument, NULL, OPT_NEW_GROUP },
	{ NULL, 0, NULL, 0 }
};

/* The one household given by options, field by field. */
struct one {
	const char *value[HOUSEHOLD_NFIELDS];
	struct buf categories;
	int given;
	struct household_settings settings;
	struct member_settings people;	/* of a roster: the count follows them */
	unsigned new_place;	/* PLACE_NEW_VILLAGE, PLACE_NEW_GROUP */
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct one *one = context;

	if (opt == OPT_WITHOUT_CASE) {
		if (*arg == '\0')
			cli_usage_error(cli, _("--without-case: say why"));
		one->settings.without_case = arg;
		return 0;
	}
	if (opt == OPT_NEW_VILLAGE || opt == OPT_NEW_GROUP) {
		one->new_place |= opt == OPT_NEW_VILLAGE ? PLACE_NEW_VILLAGE :
		    PLACE_NEW_GROUP;
		return 0;
	}
	one->given = 1;
	if (opt == OPT_CATEGORY) {
		if (one->categories.len > 0)
			buf_puts(&one->categories, ";");
		buf_puts(&one->categories, arg);
		one->value[HOUSEHOLD_CATEGORIES] = one->categories.data;
		return 0;
	}
	if (opt < OPT_ID || opt > OPT_RISK_STATUS)
		return -1;
	one->value[opt - OPT_ID] = arg;
	return 0;
}

/*
 * cli_import() prepare(): a place named on the command line, by options
 * or --set, is known, or said to be new.
 */
static int
known_place(struct cli *cli, struct store *s, void *context)
{
	const struct one *one = context;
	const char *const *set = cli->import.set;
	const char *place[2];

	for (int i = 0; i < 2; i++) {
		int k = i == 0 ? HOUSEHOLD_VILLAGE : HOUSEHOLD_GROUP;

		place[i] = set != NULL && set[k] != NULL ? set[k] :
		    one->given ? one->value[k] : NULL;
	}
	/* a group of --set alone is in each record's own village */
	if (!one->given && (set == NULL || set[HOUSEHOLD_VILLAGE] == NULL))
		return EXIT_OK;
	return cli_check_place(cli, &s, 1, place[0], place[1],
	    one->new_place | PLACE_CAN_CREATE);
}

/* cli_import() notes(): the member counts a roster set or kept, and those that differ. */
static void
say_counts(struct cli *cli, void *context)
{
	cli_member_counts(cli, &((const struct one *)context)->people);
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct one one = { 0 };
	struct cli_import import = { .kind = &household_import_kind,
		.noun = NC_("import noun", "households"), .mode = STORE_WRITE,
		.fields = household_fields, .nfields = HOUSEHOLD_NFIELDS,
		.child_noun = NC_("import noun", "members") };
	int first, status;

	cli_start(&cli, "household-add", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", option, &one);
	if (one.given && argc > first)
		cli_usage_error(&cli, _("give one household by options or records "
		    "in files, not both"));
	if (one.new_place && !one.given && cli.nsets == 0)
		cli_usage_error(&cli, _("--new-village and --new-group are for a "
		    "household given by options, or a village given by --set"));
	if (one.given)
		import.values = one.value;
	/* the reason given with --without-case says why the upsert corrects too */
	if (cli.import.upsert && cli.import.reason == NULL)
		cli.import.reason = one.settings.without_case;
	import.prepare = known_place;
	import.notes = say_counts;
	import.context = &one;
	/* a roster gives each household's people whole */
	one.people.roster = 1;
	import.child_settings = &one.people;
	cli.import.settings = &one.settings;
	status = cli_import(&cli, argc - first, argv + first, &import);
	buf_free(&one.categories);
	return status;
}
