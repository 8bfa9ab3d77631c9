/* household-list.c -- list the households of the store */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: household-list [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                      [--bom] [--excel]\n"
"                      [--reveal] [--village name] [--group name]\n"
"                      [--category category] [--id id] [--name name]\n"
"                      [--id-number number] [--phone digits]\n"
"                      [--cadre name]\n";

enum { OPT_VILLAGE = 2000, OPT_GROUP, OPT_CATEGORY, OPT_ID, OPT_NAME,
	OPT_ID_NUMBER, OPT_PHONE, OPT_CADRE };

/* What a search by number keeps: the key it compares with the store. */
struct search {
	struct household_filter filter;
	char id_number[19];
	char phone[64];
};

static const struct option options[] = {
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "id", required_argument, NULL, OPT_ID },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "id-number", required_argument, NULL, OPT_ID_NUMBER },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "cadre", required_argument, NULL, OPT_CADRE },
	{ NULL, 0, NULL, 0 }
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct search *search = context;
	struct household_filter *filter = &search->filter;

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
	case OPT_CADRE:
		filter->cadre = arg;
		filter->today = cli->today;
		return 0;
	case OPT_NAME:
		if ((filter->name = text_trim((char *)arg))[0] == '\0')
			cli_usage_error(cli, "%s", _("--name: empty name"));
		return 0;
	case OPT_ID_NUMBER:
		/* the number is never said back: it is personal */
		switch (household_id_number_key(arg, search->id_number)) {
		case HOUSEHOLD_KEY_OK:
			filter->id_number = search->id_number;
			return 0;
		case HOUSEHOLD_KEY_PARTIAL:
			cli_usage_error(cli, "%s", _("--id-number: give the whole "
			    "18-character ID number; part of one finds nothing"));
		default:
			cli_usage_error(cli, "%s", _("--id-number: not an ID number"));
		}
	case OPT_PHONE:
		switch (household_phone_key(arg, search->phone,
		    sizeof(search->phone))) {
		case HOUSEHOLD_KEY_OK:
			filter->phone = search->phone;
			return 0;
		case HOUSEHOLD_KEY_SHORT:
			cli_usage_error(cli, _("--phone: give the whole number or at "
			    "least its last %d digits"), HOUSEHOLD_PHONE_DIGITS);
		default:
			cli_usage_error(cli, "%s", _("--phone: not a phone number"));
		}
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct search search = { .filter = { 0 } };
	struct store *store = NULL;
	struct writer *w = NULL;
	struct report_heading *heading = NULL;
	struct error err = { 0 };
	int status = EXIT_OK;
	long rows = 0;

	cli_start(&cli, "household-list", usage, CLI_OUTPUT);
	if (cli_parse(&cli, argc, argv, options, "", option, &search) != argc)
		cli_usage_error(&cli, _("no operands expected"));
	if ((store = cli_store(&cli, STORE_QUERY, &status)) == NULL ||
	    (status = cli_check_place(&cli, &store, 1, search.filter.village,
	    search.filter.group, 0)) != EXIT_OK)
		goto out;
	/* a page for print, or a workbook, says what it lists */
	if ((cli.format == FORMAT_HTML || cli.format == FORMAT_XLSX) &&
	    (heading = report_heading_households(store, &search.filter,
	    cli.today, cli.reveal, &err)) == NULL) {
		status = cli_error(&cli, &err);
		goto out;
	}
	if ((w = cli_writer(&cli, household_columns, HOUSEHOLD_NFIELDS)) == NULL) {
		status = EXIT_SOFTWARE;
		goto out;
	}
	if ((rows = household_list(store, &search.filter, cli.reveal,
	    cli_labels(&cli), w, &err)) < 0)
		status = cli_error(&cli, &err);
	status = cli_writer_close(&cli, w, status);
	if (status == EXIT_OK)
		cli_say_none(&cli, rows, _("no matching households"));
out:
	report_heading_end(heading);
	store_close(store);
	return cli_finish(&cli, status);
}
