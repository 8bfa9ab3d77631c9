/* household-list.c -- list the households of the store */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: household-list [-q] [-d db] [--by name] [-f format] [--bom] [--excel]\n"
"                      [--reveal] [--village name] [--group name]\n"
"                      [--category category] [--id id]\n";

enum { OPT_VILLAGE = 2000, OPT_GROUP, OPT_CATEGORY, OPT_ID };

static const struct option options[] = {
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "id", required_argument, NULL, OPT_ID },
	{ NULL, 0, NULL, 0 }
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct household_filter *filter = context;

	switch (opt) {
	case OPT_VILLAGE:
		filter->village = arg;
		return 0;
	case OPT_GROUP:
		filter->group = arg;
		return 0;
	case OPT_CATEGORY:
		if ((filter->category = vocab_code("category", arg)) == NULL) {
			char expected[512];

			cli_usage_error(cli, _("--category: unknown category \"%s\"; "
			    "expected one of: %s"), arg,
			    vocab_describe("category", expected, sizeof(expected)));
		}
		return 0;
	case OPT_ID:
		filter->household_id = arg;
		return 0;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct household_filter filter = { 0 };
	struct store *store = NULL;
	struct writer *w = NULL;
	struct error err = { 0 };
	int status = EXIT_OK;

	cli_start(&cli, "household-list", usage, CLI_OUTPUT);
	if (cli_parse(&cli, argc, argv, options, "", option, &filter) != argc)
		cli_usage_error(&cli, _("no operands expected"));
	if ((store = cli_store(&cli, STORE_QUERY, &status)) == NULL)
		goto out;
	if ((w = cli_writer(&cli, household_columns, HOUSEHOLD_NFIELDS)) == NULL) {
		status = EXIT_SOFTWARE;
		goto out;
	}
	if (household_list(store, &filter, cli.reveal, cli_labels(&cli), w, &err) < 0)
		status = cli_error(&cli, &err);
	if (writer_close(w, &err) != 0 && status == EXIT_OK)
		status = cli_error(&cli, &err);
out:
	store_close(store);
	return cli_finish(&cli, status);
}
