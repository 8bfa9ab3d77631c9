/* place-edit.c -- rename a village or villager group, merge it into another, remove it */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: place-edit [-q] [-d db] [--by name] [--dry-run] [--village name]\n"
"                  --reason text rename name new-name\n"
"       place-edit [-q] [-d db] [--by name] [--dry-run] [--village name]\n"
"                  --reason text merge name kept-name\n"
"       place-edit [-q] [-d db] [--by name] [--dry-run] [--village name]\n"
"                  --reason text remove name\n";

enum { OPT_VILLAGE = 2000, OPT_REASON, OPT_DRY_RUN };

static const struct option options[] = {
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ NULL, 0, NULL, 0 }
};

static const struct cli_action actions[] = {
	{ "rename", PLACE_RENAME, 2,
	    N_("rename takes two names: the place and the other name") },
	{ "merge", PLACE_MERGE, 2,
	    N_("merge takes two names: the place and the other name") },
	{ "remove", PLACE_REMOVE, 1, N_("remove takes one name: the place") },
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct place_edit *e = context;

	(void)cli;
	switch (opt) {
	case OPT_VILLAGE: e->village = arg; return 0;
	case OPT_REASON: e->reason = arg; return 0;
	case OPT_DRY_RUN: e->dry_run = 1; return 0;
	}
	return -1;
}

/* What was done, on standard error: "renamed ...", "merged ...", "removed ...". */
static void
say_done(const struct cli *cli, const struct place_edit *e,
    const struct place_moved *moved)
{
	char place[512], what[512];

	snprintf(place, sizeof(place), "%s%s%s", e->village != NULL ? e->village :
	    "", e->village != NULL ? " " : "", e->name);
	if (e->action == PLACE_RENAME)
		cli_say_done(cli, e->dry_run, _("renamed %s to %s"), place, e->to);
	else if (e->action == PLACE_REMOVE)
		cli_say_done(cli, e->dry_run, _("removed %s"), place);
	else if (reference_describe(moved->records, PLACE_KINDS, what,
	    sizeof(what)) > 0)
		cli_say_done(cli, e->dry_run, _("merged %s into %s, moving %s"), place,
		    e->to, what);
	else
		cli_say_done(cli, e->dry_run, _("merged %s into %s; nothing was in "
		    "it"), place, e->to);
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct place_edit e = { 0 };
	struct place_moved moved;
	struct store *store = NULL;
	struct error err = { 0 };
	int first, status = EXIT_OK, i;

	cli_start(&cli, "place-edit", usage, 0);
	first = cli_parse(&cli, argc, argv, options, "", option, &e);
	i = cli_action(&cli, argc - first, argv + first, actions,
	    sizeof(actions) / sizeof(actions[0]), _("rename, merge or remove"),
	    e.reason);
	e.action = actions[i].action;
	e.name = argv[first + 1];
	e.to = actions[i].operands > 1 ? argv[first + 2] : NULL;
	if ((store = cli_store(&cli, STORE_READ, &status)) == NULL)
		goto out;
	if (place_edit(store, &e, &moved, &err) != 0)
		status = cli_error(&cli, &err);
	else
		say_done(&cli, &e, &moved);
out:
	store_close(store);
	return cli_finish(&cli, status);
}
