/* cli-options.c -- the options every command takes: the table of a command's options, parsing argv, what they say together */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

enum {
	OPT_INPUT_FORMAT = 1000, OPT_ENCODING, OPT_SHEET, OPT_HEADER_ROW,
	OPT_LIST_SHEETS, OPT_TODAY, OPT_BY, OPT_BOM,
	OPT_EXCEL, OPT_REVEAL, OPT_LABELS, OPT_CODES, OPT_SKIP_BAD, OPT_REJECTS,
	OPT_DRY_RUN, OPT_UPSERT, OPT_SET, OPT_REASON
};

/* One more -d: any number of them, as many as there are townships. */
static void
cli_add_db(struct cli *cli, const char *path)
{
	const char **dbs = realloc(cli->dbs, (cli->ndbs + 1) * sizeof(*dbs));

	if (dbs == NULL) {
		cli_warn(cli, "%s", _("out of memory"));
		exit(EXIT_SOFTWARE);
	}
	cli->dbs = dbs;
	cli->dbs[cli->ndbs++] = path;
}

/* Keep the command's own option c (all[at], or found by c) and its argument. */
static void
given_option(struct cli *cli, const struct option *all, int at, int c,
    const char *arg)
{
	const char *name = NULL;

	if (at >= 0)
		name = all[at].name;
	for (size_t i = 0; name == NULL && all[i].name != NULL; i++)
		if (all[i].val == c)
			name = all[i].name;
	if (name == NULL || arg == NULL ||
	    cli->ngiven == sizeof(cli->given) / sizeof(cli->given[0]))
		return;
	cli->given[cli->ngiven].name = name;
	cli->given[cli->ngiven++].arg = arg;
}

/* The options every command takes, and those of each CLI_* group. */
static const struct option options_common[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "by", required_argument, NULL, OPT_BY },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};
static const struct option options_input[] = {
	{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "sheet", required_argument, NULL, OPT_SHEET },
	{ "header-row", required_argument, NULL, OPT_HEADER_ROW },
	{ "list-sheets", no_argument, NULL, OPT_LIST_SHEETS },
	{ NULL, 0, NULL, 0 }
};
static const struct option options_import[] = {
	{ "skip-bad", no_argument, NULL, OPT_SKIP_BAD },
	{ "rejects", required_argument, NULL, OPT_REJECTS },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "upsert", no_argument, NULL, OPT_UPSERT },
	{ "set", required_argument, NULL, OPT_SET },
	{ NULL, 0, NULL, 0 }
};
static const struct option options_reason[] = {
	{ "reason", required_argument, NULL, OPT_REASON },
	{ NULL, 0, NULL, 0 }
};
static const struct option options_dry_run[] = {
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ NULL, 0, NULL, 0 }
};
static const struct option options_output[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "excel", no_argument, NULL, OPT_EXCEL },
	{ "reveal", no_argument, NULL, OPT_REVEAL },
	{ "labels", no_argument, NULL, OPT_LABELS },
	{ "codes", no_argument, NULL, OPT_CODES },
	{ "output", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 }
};

#define CLI_NOPTIONS 96

/* Append table (ended by a NULL name) to all[*n..CLI_NOPTIONS - 1). */
static void
add_options(struct option *all, size_t *n, const struct option *table)
{
	for (size_t i = 0; table[i].name != NULL && *n + 1 < CLI_NOPTIONS; i++)
		all[(*n)++] = table[i];
}

/*
 * The options cli takes, in all (room for CLI_NOPTIONS, ended by a NULL
 * name): the common ones, those of its CLI_* groups, then its own
 * options; their letters in shorts.
 */
static void
option_table(const struct cli *cli, const struct option *options,
    const char *shortopts, struct option *all, char *shorts, size_t size)
{
	size_t n = 0;

	add_options(all, &n, options_common);
	if (cli->takes & CLI_INPUT)
		add_options(all, &n, options_input);
	if (cli->takes & CLI_IMPORT)
		add_options(all, &n, options_import);
	if (cli->takes & CLI_OUTPUT)
		add_options(all, &n, options_output);
	if (cli->takes & (CLI_REASON | CLI_EDIT))
		add_options(all, &n, options_reason);
	if (cli->takes & CLI_EDIT)
		add_options(all, &n, options_dry_run);
	if (options != NULL)
		add_options(all, &n, options);
	memset(&all[n], 0, sizeof(all[n]));
	snprintf(shorts, size, "d:qhV%s%s", cli->takes & CLI_OUTPUT ? "f:o:" :
	    "", shortopts != NULL ? shortopts : "");
}

/* What the output options said, settled once all are read. */
struct output_given {
	int format_set;		/* -f given */
	int labels;		/* --labels 1, --codes 0, neither -1 */
};

/*
 * Option c, one every command takes (all: the table, for -h): 1 when it
 * is one (a usage error exits, as -h and -V do), 0 when not.
 */
static int
common_option(struct cli *cli, int c, const char *arg,
    const struct option *all)
{
	switch (c) {
	case 'd':
		if (cli->ndbs > 0 && !(cli->takes & CLI_MANY_STORES))
			cli_usage_error(cli, _("-d: one store only"));
		cli_add_db(cli, arg);
		cli->db = arg;
		return 1;
	case 'q':
		cli->quiet = 1;
		return 1;
	case 'h':
		cli_help(cli, all);
		exit(cli_finish(cli, EXIT_OK));
	case 'V':
		printf("%s (renke) %s\n", cli->command, RENKE_VERSION);
		exit(cli_finish(cli, EXIT_OK));
	case OPT_TODAY:
		if (date_parse(arg, cli->today) != 0)
			cli_usage_error(cli, _("--today: not a date: \"%s\""),
			    arg);
		return 1;
	case OPT_BY:
		if (*arg == '\0')
			cli_usage_error(cli, _("--by: empty name"));
		cli->by = arg;
		return 1;
	}
	return 0;
}

/* Option c, one of reading records (CLI_INPUT): 1 when it is one, else 0. */
static int
input_option(struct cli *cli, int c, const char *arg)
{
	switch (c) {
	case OPT_INPUT_FORMAT:
		if (strcmp(arg, "csv") == 0)
			cli->input_format = INPUT_CSV;
		else if (strcmp(arg, "json") == 0)
			cli->input_format = INPUT_JSON;
		else if (strcmp(arg, "jsonl") == 0)
			cli->input_format = INPUT_JSONL;
		else if (strcmp(arg, "xlsx") == 0)
			cli->input_format = INPUT_XLSX;
		else if (strcmp(arg, "xls") == 0 || strcmp(arg, "et") == 0)
			cli->input_format = INPUT_XLS;
		else
			cli_usage_error(cli, _("--input-format: unknown format "
			    "\"%s\"; expected csv, json, jsonl, xlsx or xls"),
			    arg);
		return 1;
	case OPT_SHEET:
		if (*arg == '\0')
			cli_usage_error(cli, _("--sheet: empty name"));
		cli->workbook.sheet = arg;
		return 1;
	case OPT_HEADER_ROW:
		if (number_parse(arg, 1, 1048576,
		    &cli->workbook.header_row) != 0)
			cli_usage_error(cli, _("--header-row: not a row number "
			    "(1 to 1048576): \"%s\""), arg);
		return 1;
	case OPT_LIST_SHEETS:
		cli->list_sheets = 1;
		return 1;
	case OPT_ENCODING:
		if (strcmp(arg, "auto") == 0)
			cli->encoding = ENCODING_AUTO;
		else if (strcasecmp(arg, "utf-8") == 0 ||
		    strcasecmp(arg, "utf8") == 0)
			cli->encoding = ENCODING_UTF8;
		else if (strcasecmp(arg, "gb18030") == 0 ||
		    strcasecmp(arg, "gbk") == 0 ||
		    strcasecmp(arg, "gb2312") == 0)
			cli->encoding = ENCODING_GB18030;
		else
			cli_usage_error(cli, _("--encoding: unknown encoding "
			    "\"%s\"; expected auto, utf-8 or gb18030"), arg);
		return 1;
	}
	return 0;
}

/* Option c, one of writing records (CLI_OUTPUT): 1 when it is one, else 0. */
static int
output_option(struct cli *cli, int c, const char *arg, struct output_given *og)
{
	switch (c) {
	case 'f':
		if (output_format_parse(arg, &cli->format) != 0)
			cli_usage_error(cli, _("-f: unknown format \"%s\"; "
			    "expected table, csv, json, jsonl, markdown, "
			    "html or xlsx"), arg);
		og->format_set = 1;
		return 1;
	case OPT_BOM:
		cli->output_flags |= OUTPUT_BOM;
		return 1;
	case OPT_EXCEL:
		cli->output_flags |= OUTPUT_EXCEL | OUTPUT_BOM;
		return 1;
	case OPT_REVEAL:
		cli->reveal = 1;
		return 1;
	case 'o':
		if (*arg == '\0')
			cli_usage_error(cli, _("-o: empty file name"));
		cli->output = arg;
		return 1;
	case OPT_LABELS:
	case OPT_CODES:
		if (og->labels == (c == OPT_CODES))
			cli_usage_error(cli, _("--labels and --codes "
			    "exclude each other"));
		og->labels = c == OPT_LABELS;
		return 1;
	}
	return 0;
}

/*
 * Option c, one of writing or correcting records (CLI_IMPORT,
 * CLI_REASON, CLI_EDIT): 1 when it is one, 0 when not.
 */
static int
import_option(struct cli *cli, int c, const char *arg)
{
	switch (c) {
	case OPT_SKIP_BAD:
		cli->import.skip_bad = 1;
		return 1;
	case OPT_REJECTS:
		cli->rejects = arg;
		return 1;
	case OPT_DRY_RUN:
		cli->import.dry_run = 1;
		return 1;
	case OPT_UPSERT:
		cli->import.upsert = 1;
		return 1;
	case OPT_REASON:
		cli->import.reason = arg;
		return 1;
	case OPT_SET:
		if (strchr(arg, '=') == NULL || arg[0] == '=')
			cli_usage_error(cli, _("--set: expected field=value, "
			    "got \"%s\""), arg);
		if (cli->nsets == sizeof(cli->sets) / sizeof(cli->sets[0]))
			cli_usage_error(cli, _("--set: too many"));
		cli->sets[cli->nsets++] = arg;
		return 1;
	}
	return 0;
}

/*
 * The options read, what they say together: the store when none was
 * named, the format and labels, --skip-bad with --rejects, and -o put
 * in place for the operands argv[0..argc).  A usage error exits.
 */
static void
settle_options(struct cli *cli, const struct output_given *og, int argc,
    char **argv)
{
	int labels = og->labels;

	/* a command reading many stores may take them from elsewhere */
	if (cli->ndbs == 0 && !(cli->takes & CLI_MANY_STORES))
		cli_add_db(cli, cli->db);
	if (cli->format == FORMAT_XLSX && cli->output == NULL &&
	    isatty(STDOUT_FILENO))
		cli_usage_error(cli, _("-f xlsx: a workbook is no text for a "
		    "terminal; redirect standard output to a file"));
	if (!og->format_set && cli->format == FORMAT_TABLE &&
	    (cli->output_flags & (OUTPUT_BOM | OUTPUT_EXCEL)))
		cli->format = FORMAT_CSV;
	if (labels == -1)
		labels = output_for_people(cli->format, cli->output_flags);
	if (labels)
		cli->output_flags |= OUTPUT_LABELS;
	if (cli->rejects != NULL && !cli->import.skip_bad)
		cli_usage_error(cli, _("--rejects needs --skip-bad"));
	if (cli->import.skip_bad && cli->rejects == NULL)
		cli_usage_error(cli, _("--skip-bad needs --rejects FILE, so "
		    "that no record is lost"));
	if (cli->output != NULL)
		cli_output_open(cli, argc, argv);
}

int
cli_parse(struct cli *cli, int argc, char **argv, const struct option *options,
    const char *shortopts, cli_option_fn *handle, void *context)
{
	struct option all[CLI_NOPTIONS];
	char shorts[64];
	struct output_given og = { 0, -1 };
	int c, at;

	option_table(cli, options, shortopts, all, shorts, sizeof(shorts));
	cli->db = store_default_path();
	cli->by = cli_login_name();
	date_today(cli->today);
	cli->format = isatty(STDOUT_FILENO) ? FORMAT_TABLE : FORMAT_CSV;
	opterr = 0;
	cli->own_options = options;
	while (at = -1, (c = getopt_long(argc, argv, shorts, all, &at)) != -1) {
		if (common_option(cli, c, optarg, all) ||
		    input_option(cli, c, optarg) ||
		    output_option(cli, c, optarg, &og) ||
		    import_option(cli, c, optarg))
			continue;
		switch (c) {
		case '?':
			if (optopt != 0 && optopt < 256)
				cli_usage_error(cli, _("unknown option -%c"), optopt);
			cli_usage_error(cli, _("unknown option or missing argument: %s"),
			    argv[optind - 1]);
		case ':':
			cli_usage_error(cli, _("missing argument: %s"), argv[optind - 1]);
		default:
			given_option(cli, all, at, c, optarg);
			if (handle == NULL || handle(cli, c, optarg, context) != 0)
				cli_usage_error(cli, _("bad option: %s"), argv[optind - 1]);
		}
	}
	settle_options(cli, &og, argc - optind, argv + optind);
	return optind;
}
