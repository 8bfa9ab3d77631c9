/* issue-update.c -- move issues along their lifecycle: status, owner, deadline, notes, mediation */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: issue-update [-q] [-d db] [--by name] [--today date] [-f format]\n"
"                    --id id [--status status] [--resolution text]\n"
"                    [--feedback text] [--reason text] [--promised-date date]\n"
"                    [--owner name] [--owner-unit unit] [--due-date date]\n"
"                    [--note text] [--outcome outcome] [--revisit-in days]\n"
"                    [--finding finding --visitor name [--revisit-date date]]\n"
"       issue-update [-q] [-d db] [--by name] [--today date] [-f format]\n"
"                    [--dry-run] [--skip-bad --rejects file]\n"
"                    [--input-format fmt] [--encoding enc] [--revisit-in days]\n"
"                    [file ...]\n";

enum { OPT_FIELD = 3000 };

static const char *const option_names[UPDATE_NFIELDS] = {
	"id", "status", "note", "owner", "owner-unit", "due-date", "reason",
	"resolution", "feedback", "promised-date", "outcome", "revisit-in",
	"revisit-date", "visitor", "finding"
};

struct opts {
	const char *value[UPDATE_NFIELDS];
	int given;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct opts *o = context;

	(void)cli;
	if (opt < OPT_FIELD || opt >= OPT_FIELD + UPDATE_NFIELDS)
		return -1;
	o->value[opt - OPT_FIELD] = arg;
	if (opt - OPT_FIELD != UPDATE_REVISIT_IN)
		o->given = 1;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct opts o = { 0 };
	struct issue_update_settings settings = { 0 };
	struct option options[UPDATE_NFIELDS + 1];
	struct store *store = NULL;
	struct reader **readers = NULL;
	struct writer *w = NULL;
	struct import_stats stats;
	struct error err = { 0 };
	size_t nreaders = 0;
	int status = EXIT_OK, first;

	for (int k = 0; k < UPDATE_NFIELDS; k++)
		options[k] = (struct option){ option_names[k], required_argument, NULL,
		    OPT_FIELD + k };
	options[UPDATE_NFIELDS] = (struct option){ NULL, 0, NULL, 0 };

	cli_start(&cli, "issue-update", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", option, &o);
	argc -= first;
	argv += first;
	if (o.given && o.value[UPDATE_ID] == NULL)
		cli_usage_error(&cli, _("which issue? give --id"));
	if (o.given && argc > 0)
		cli_usage_error(&cli, _("give one change by options or changes in "
		    "files, not both"));
	if (o.value[UPDATE_REVISIT_IN] != NULL &&
	    number_parse(o.value[UPDATE_REVISIT_IN], 1, 3650, &settings.revisit_in) != 0)
		cli_usage_error(&cli, _("--revisit-in: not a number of days from 1 to 3650"));

	if (o.given) {
		if ((readers = cli_option_record(&cli, issue_update_fields, o.value,
		    UPDATE_NFIELDS, &status)) == NULL)
			goto out;
		nreaders = 1;
	} else if ((readers = cli_readers(&cli, argc, argv, &nreaders,
	    &status)) == NULL)
		goto out;
	if ((store = cli_store(&cli, STORE_READ, &status)) == NULL)
		goto out;
	settings.today = cli.today;
	settings.who = cli.by;
	cli.import.settings = &settings;
	if (import_run(store, readers, nreaders, &issue_update_kind, &cli.import,
	    cli_problem, &cli, cli_progress, &cli, &stats, &err) != 0) {
		status = cli_error(&cli, &err);
		goto out;
	}
	/* the changed issues as they now are, once the changes are kept */
	if (!cli.import.dry_run && settings.changed.len > 0) {
		if ((w = cli_writer(&cli, issue_out_columns, ISSUE_OUT_NCOLUMNS)) == NULL) {
			status = EXIT_SOFTWARE;
			goto out;
		}
		for (size_t i = 0; i < settings.changed.len && status == EXIT_OK; i++)
			if (issue_write(store, settings.changed.ids[i], w,
			    cli_labels(&cli), &err) != 0)
				status = cli_error(&cli, &err);
		if (writer_close(w, &err) != 0 && status == EXIT_OK)
			status = cli_error(&cli, &err);
	}
	if (status == EXIT_OK && !cli.quiet && !o.given)
		cli_warn(&cli, cli.import.dry_run ?
		    _("dry run, nothing written: records %ld, would change %ld, "
		    "unchanged %ld, bad %ld") :
		    _("records %ld: changed %ld, unchanged %ld, bad %ld"),
		    stats.records, stats.updated, stats.unchanged, stats.bad);
out:
	issue_ids_free(&settings.changed);
	store_close(store);
	cli_readers_close(readers);
	return cli_finish(&cli, status);
}
