/* household-edit.c -- renumber a household, merge it into the one it repeats, remove it */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: household-edit [-q] [-d db] [--by name] [--dry-run] --reason text\n"
"                      renumber id new-id\n"
"       household-edit [-q] [-d db] [--by name] [--dry-run] --reason text\n"
"                      merge id kept-id\n"
"       household-edit [-q] [-d db] [--by name] [--dry-run] --reason text\n"
"                      remove id\n";

enum { OPT_REASON = 2000, OPT_DRY_RUN };

static const struct option options[] = {
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ NULL, 0, NULL, 0 }
};

static const struct cli_action actions[] = {
	{ "renumber", HOUSEHOLD_RENUMBER, 2,
	    N_("renumber takes two numbers: the household's and its new one") },
	{ "merge", HOUSEHOLD_MERGE, 2,
	    N_("merge takes two numbers: the household's and the one it repeats") },
	{ "remove", HOUSEHOLD_REMOVE, 1,
	    N_("remove takes one number: the household's") },
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct household_edit *e = context;

	(void)cli;
	switch (opt) {
	case OPT_REASON: e->reason = arg; return 0;
	case OPT_DRY_RUN: e->dry_run = 1; return 0;
	}
	return -1;
}

/* What was done, on standard error: "renumbered ...", "merged ...", "removed ...". */
static void
say_done(const struct cli *cli, const struct household_edit *e,
    const struct household_records *moved)
{
	char what[512];

	if (e->action == HOUSEHOLD_RENUMBER)
		cli_say_done(cli, e->dry_run, _("renumbered household %s as %s"),
		    e->id, e->to);
	else if (e->action == HOUSEHOLD_REMOVE)
		cli_say_done(cli, e->dry_run, _("removed household %s"), e->id);
	else if (reference_describe(moved->records, HOUSEHOLD_REFERRERS, what,
	    sizeof(what)) > 0)
		cli_say_done(cli, e->dry_run, _("merged household %s into %s, "
		    "moving %s"), e->id, e->to, what);
	else
		cli_say_done(cli, e->dry_run, _("merged household %s into %s; it "
		    "had no records"), e->id, e->to);
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct household_edit e = { 0 };
	struct household_records moved;
	struct store *store = NULL;
	struct error err = { 0 };
	int first, status = EXIT_OK, i;

	cli_start(&cli, "household-edit", usage, 0);
	first = cli_parse(&cli, argc, argv, options, "", option, &e);
	i = cli_action(&cli, argc - first, argv + first, actions,
	    sizeof(actions) / sizeof(actions[0]), _("renumber, merge or remove"),
	    e.reason);
	e.action = actions[i].action;
	e.id = argv[first + 1];
	e.to = actions[i].operands > 1 ? argv[first + 2] : NULL;
	if ((store = cli_store(&cli, STORE_READ, &status)) == NULL)
		goto out;
	if (household_edit(store, &e, &moved, &err) != 0)
		status = cli_error(&cli, &err);
	else
		say_done(&cli, &e, &moved);
out:
	store_close(store);
	return cli_finish(&cli, status);
}
