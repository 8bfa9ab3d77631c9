/* county-set.c -- list the county's settings, or change them with the reason */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: county-set [-d db] [-f format] [-o file]\n"
"       county-set [-q] [-d db] [--by name] --reason text name=value ...\n";

/* Every name=value of argv[0..n) checked: a usage error for the first that is not one. */
static void
check_changes(struct cli *cli, char **argv, int n)
{
	for (int i = 0; i < n; i++) {
		char *eq = strchr(argv[i], '=');
		const struct county_setting *c;
		long value;

		if (eq == NULL)
			cli_usage_error(cli, _("not name=value: \"%s\""), argv[i]);
		*eq = '\0';
		if ((c = county_setting_find(argv[i])) == NULL)
			cli_usage_error(cli, _("no county setting called %s; "
			    "county-set with no operand lists them"), argv[i]);
		if (county_value_parse(c, eq + 1, &value) != 0)
			cli_usage_error(cli, _("%s: not a whole number from %ld to "
			    "%ld %s, or default: \"%s\""), c->name, c->min, c->max,
			    county_unit(c), eq + 1);
		*eq = '=';
	}
}

/* Set each name=value of argv[0..n) in one transaction, audited with the reason. */
static int
change(struct cli *cli, char **argv, int n)
{
	struct store *store;
	struct error err = { 0 };
	int status = EXIT_OK;

	if ((store = cli_store(cli, STORE_WRITE, &status)) == NULL)
		return status;
	if (store_begin(store, &err) != 0)
		goto out;
	for (int i = 0; i < n; i++) {
		char *eq = strchr(argv[i], '=');
		long value, was;

		*eq = '\0';
		county_value_parse(county_setting_find(argv[i]), eq + 1, &value);
		if (county_set(store, argv[i], value, cli->import.reason, &was,
		    &err) != 0) {
			store_rollback(store);
			goto out;
		}
		if (!cli->quiet)
			cli_say_done(cli, 0, was == value ? _("%s: %ld, unchanged") :
			    _("%s: %ld, was %ld"), argv[i], value, was);
	}
	store_commit(store, &err);
out:
	if (err.status != 0)
		status = cli_error(cli, &err);
	store_close(store);
	return status;
}

/* Write every setting on standard output. */
static int
list(struct cli *cli)
{
	struct store *store;
	struct writer *w;
	struct error err = { 0 };
	int status = EXIT_OK;

	if ((store = cli_store(cli, STORE_QUERY, &status)) == NULL)
		return status;
	if ((w = cli_writer(cli, county_columns, COUNTY_NCOLUMNS)) == NULL) {
		store_close(store);
		return EXIT_SOFTWARE;
	}
	if (county_list(store, w, cli_labels(cli), &err) < 0)
		status = cli_error(cli, &err);
	status = cli_writer_close(cli, w, status);
	store_close(store);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	const char *reason;
	int first, n;

	cli_start(&cli, "county-set", usage, CLI_OUTPUT | CLI_REASON);
	first = cli_parse(&cli, argc, argv, NULL, "", NULL, NULL);
	n = argc - first;
	reason = cli.import.reason;
	if (n == 0 && reason != NULL)
		cli_usage_error(&cli, _("--reason goes with a change: name=value"));
	if (n == 0)
		return cli_finish(&cli, list(&cli));
	cli_county_reason(&cli);
	check_changes(&cli, argv + first, n);
	return cli_finish(&cli, change(&cli, argv + first, n));
}
