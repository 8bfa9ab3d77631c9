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

static const struct cli_action actions[] = {
	{ "renumber", HOUSEHOLD_RENUMBER, 2,
	    N_("renumber takes two numbers: the household's and its new one") },
	{ "merge", HOUSEHOLD_MERGE, 2,
	    N_("merge takes two numbers: the household's and the one it repeats") },
	{ "remove", HOUSEHOLD_REMOVE, 1,
	    N_("remove takes one number: the household's") },
};

/* The household to change, and what its records moved to (merge). */
struct request {
	struct household_edit e;
	struct household_records moved;
};

static void
chosen(struct cli *cli, const struct cli_action *action, char **argv,
    void *context)
{
	struct household_edit *e = &((struct request *)context)->e;

	e->reason = cli->import.reason;
	e->dry_run = cli->import.dry_run;
	e->action = action->action;
	e->id = argv[1];
	e->to = action->operands > 1 ? argv[2] : NULL;
}

static int
edit(struct store *s, void *context, struct error *err)
{
	struct request *rq = context;

	return household_edit(s, &rq->e, &rq->moved, err);
}

/* What was done, on standard error: "renumbered ...", "merged ...", "removed ...". */
static void
say_done(const struct cli *cli, void *context)
{
	const struct request *rq = context;
	const struct household_edit *e = &rq->e;
	char what[512];

	if (e->action == HOUSEHOLD_RENUMBER)
		cli_say_done(cli, e->dry_run, _("renumbered household %s as %s"),
		    e->id, e->to);
	else if (e->action == HOUSEHOLD_REMOVE)
		cli_say_done(cli, e->dry_run, _("removed household %s"), e->id);
	else if (reference_describe(rq->moved.records, HOUSEHOLD_REFERRERS, what,
	    sizeof(what)) > 0)
		cli_say_done(cli, e->dry_run, _("merged household %s into %s, "
		    "moving %s"), e->id, e->to, what);
	else
		cli_say_done(cli, e->dry_run, _("merged household %s into %s; it "
		    "had no records"), e->id, e->to);
}

static const struct cli_edit command = {
	"household-edit", usage, NULL, NULL, actions,
	sizeof(actions) / sizeof(actions[0]), N_("renumber, merge or remove"),
	chosen, edit, say_done,
};

int
main(int argc, char **argv)
{
	struct request rq = { 0 };

	return cli_edit(argc, argv, &command, &rq);
}
