/* place-edit.c -- rename a village or villager group, merge it into another, remove it; name the township */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: place-edit [-q] [-d db] [--by name] [--dry-run] [--village name]\n"
"                  --reason text rename name new-name\n"
"       place-edit [-q] [-d db] [--by name] [--dry-run] [--village name]\n"
"                  --reason text merge name kept-name\n"
"       place-edit [-q] [-d db] [--by name] [--dry-run] [--village name]\n"
"                  --reason text remove name\n"
"       place-edit [-q] [-d db] [--by name] [--dry-run]\n"
"                  --reason text township name\n";

enum { OPT_VILLAGE = 2000 };

static const struct option options[] = {
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ NULL, 0, NULL, 0 }
};

static const struct cli_action actions[] = {
	{ "rename", PLACE_RENAME, 2,
	    N_("rename takes two names: the place and the other name") },
	{ "merge", PLACE_MERGE, 2,
	    N_("merge takes two names: the place and the other name") },
	{ "remove", PLACE_REMOVE, 1, N_("remove takes one name: the place") },
	{ "township", PLACE_TOWNSHIP, 1,
	    N_("township takes one name: the township's") },
};

/* The place to change, and what moved with it (merge). */
struct request {
	struct place_edit e;
	struct place_moved moved;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct request *rq = context;

	(void)cli;
	if (opt != OPT_VILLAGE)
		return -1;
	rq->e.village = arg;
	return 0;
}

static void
chosen(struct cli *cli, const struct cli_action *action, char **argv,
    void *context)
{
	struct place_edit *e = &((struct request *)context)->e;

	e->reason = cli->import.reason;
	e->dry_run = cli->import.dry_run;
	e->action = action->action;
	e->name = argv[1];
	e->to = action->operands > 1 ? argv[2] : NULL;
	if (e->action == PLACE_TOWNSHIP && e->village != NULL)
		cli_usage_error(cli, "%s", _("--village goes with a villager group, "
		    "not with the township"));
}

static int
edit(struct store *s, void *context, struct error *err)
{
	struct request *rq = context;

	return place_edit(s, &rq->e, &rq->moved, err);
}

/* What was done, on standard error: "renamed ...", "merged ...", "removed ...". */
static void
say_done(const struct cli *cli, void *context)
{
	const struct request *rq = context;
	const struct place_edit *e = &rq->e;
	char place[512], what[512];

	snprintf(place, sizeof(place), "%s%s%s", e->village != NULL ? e->village :
	    "", e->village != NULL ? " " : "", e->name);
	if (e->action == PLACE_TOWNSHIP && e->was == NULL)
		cli_say_done(cli, e->dry_run, _("named the township %s"), e->name);
	else if (e->action == PLACE_TOWNSHIP && strcmp(e->was, e->name) == 0)
		cli_say_done(cli, e->dry_run, _("the township is named %s already; "
		    "nothing changed"), e->name);
	else if (e->action == PLACE_TOWNSHIP)
		cli_say_done(cli, e->dry_run, _("renamed the township %s to %s"),
		    e->was, e->name);
	else if (e->action == PLACE_RENAME)
		cli_say_done(cli, e->dry_run, _("renamed %s to %s"), place, e->to);
	else if (e->action == PLACE_REMOVE)
		cli_say_done(cli, e->dry_run, _("removed %s"), place);
	else if (reference_describe(rq->moved.records, PLACE_KINDS, what,
	    sizeof(what)) > 0)
		cli_say_done(cli, e->dry_run, _("merged %s into %s, moving %s"), place,
		    e->to, what);
	else
		cli_say_done(cli, e->dry_run, _("merged %s into %s; nothing was in "
		    "it"), place, e->to);
}

static const struct cli_edit command = {
	"place-edit", usage, options, option, actions,
	sizeof(actions) / sizeof(actions[0]), N_("rename, merge, remove or township"),
	chosen, edit, say_done,
};

int
main(int argc, char **argv)
{
	struct request rq = { 0 };
	int status = cli_edit(argc, argv, &command, &rq);

	free(rq.e.was);
	return status;
}
