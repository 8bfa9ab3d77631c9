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

/* The households of counts, the first few, each with its count and the other number. */
static const char *
households(struct buf *b, const struct member_counts *counts, int set)
{
	char item[160];

	buf_reset(b);
	for (long i = 0; i < counts->n && i < MEMBER_COUNTS_NAMED; i++) {
		const struct member_count *c = &counts->first[i];

		if (set && c->members == 0)
			snprintf(item, sizeof(item), _("%s none → %d"),
			    c->household_id, c->people);
		else
			snprintf(item, sizeof(item), set ? _("%s %d → %d") :
			    _("%s %d (%d registered)"), c->household_id, c->members,
			    c->people);
		if (i > 0)
			buf_puts(b, _(", "));
		buf_puts(b, item);
	}
	if (counts->n > MEMBER_COUNTS_NAMED)
		buf_puts(b, _(", …"));
	return b->len > 0 ? b->data : "";
}

/* cli_import() notes(): the member counts the roster set, and those that differ. */
static void
say_counts(struct cli *cli, void *context)
{
	const struct one *one = context;
	const struct member_settings *st = &one->settings;
	struct buf b = { 0 };

	if (st->set.n > 0)
		cli_warn(cli, cli->import.dry_run ? _("member counts the roster "
		    "would set: %ld households: %s") : _("member counts set from "
		    "the roster: %ld households: %s"), st->set.n,
		    households(&b, &st->set, 1));
	if (st->differ.n > 0)
		cli_warn(cli, _("%ld households have another number of people "
		    "registered than their member count: %s"), st->differ.n,
		    households(&b, &st->differ, 0));
	if (st->differ.n > 0 && !st->roster)
		cli_warn(cli, "%s", _("their counts are left as they are; --roster "
		    "sets each household's count when the input is its whole "
		    "roster"));
	buf_free(&b);
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
