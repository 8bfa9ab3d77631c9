/* milestone-add.c -- add coverage milestones: who must be visited, or which places must meet, by when */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: milestone-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                     [--skip-bad --rejects file] [--input-format fmt]\n"
"                     [--encoding enc] [--set field=value ...]\n"
"                     [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       milestone-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                     --id id --title text [--kind kind]\n"
"                     [--category category ...] --round round --due date\n"
"                     [--role role ...] [--cases]\n"
"       milestone-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                     --id id --title text --kind meeting-coverage\n"
"                     --meeting-kind kind [--scope village|group] --due date\n"
"       milestone-add [-q] [-d db] [--by name] [--dry-run] [--upsert [--reason text]]\n"
"                     --id id --title text --kind care-coverage --tag tag ...\n"
"                     [--from date] --due date [--role role ...]\n";

enum { OPT_ID = 2000, OPT_TITLE, OPT_KIND, OPT_CATEGORY, OPT_ROUND, OPT_DUE,
	OPT_MEETING_KIND, OPT_SCOPE, OPT_ROLE, OPT_CASES, OPT_TAG, OPT_FROM };

static const struct option options[] = {
	{ "id", required_argument, NULL, OPT_ID },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "round", required_argument, NULL, OPT_ROUND },
	{ "due", required_argument, NULL, OPT_DUE },
	{ "meeting-kind", required_argument, NULL, OPT_MEETING_KIND },
	{ "scope", required_argument, NULL, OPT_SCOPE },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "cases", no_argument, NULL, OPT_CASES },
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "from", required_argument, NULL, OPT_FROM },
	{ NULL, 0, NULL, 0 }
};

/* The one milestone given by options, field by field. */
struct one {
	const char *value[MILESTONE_NFIELDS];
	struct buf categories, roles, tags;
	int given;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct one *one = context;
	static const int field[] = {
		MILESTONE_ID, MILESTONE_TITLE, MILESTONE_KIND,
		MILESTONE_CATEGORIES, MILESTONE_ROUND, MILESTONE_DUE_DATE,
		MILESTONE_MEETING_KIND, MILESTONE_SCOPE, MILESTONE_ROLES,
		MILESTONE_CASES, MILESTONE_TAGS, MILESTONE_FROM
	};

	(void)cli;
	if (opt < OPT_ID || opt > OPT_FROM)
		return -1;
	one->given = 1;
	if (opt == OPT_CASES) {
		one->value[MILESTONE_CASES] = "yes";
		return 0;
	}
	if (opt == OPT_CATEGORY || opt == OPT_ROLE || opt == OPT_TAG) {
		struct buf *list = opt == OPT_ROLE ? &one->roles : opt == OPT_TAG ?
		    &one->tags : &one->categories;

		if (list->len > 0)
			buf_puts(list, ";");
		buf_puts(list, arg);
		one->value[field[opt - OPT_ID]] = list->data;
		return 0;
	}
	one->value[field[opt - OPT_ID]] = arg;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct one one = { 0 };
	struct cli_import import = { .kind = &milestone_import_kind,
		.noun = NC_("import noun", "milestones"), .mode = STORE_WRITE,
		.fields = milestone_fields, .nfields = MILESTONE_NFIELDS };
	int first, status;

	cli_start(&cli, "milestone-add", usage, CLI_INPUT | CLI_IMPORT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, options, "", option, &one);
	if (one.given && argc > first)
		cli_usage_error(&cli, _("give one milestone by options or records "
		    "in files, not both"));
	if (one.given)
		import.values = one.value;
	status = cli_import(&cli, argc - first, argv + first, &import);
	buf_free(&one.categories);
	buf_free(&one.roles);
	buf_free(&one.tags);
	return status;
}
