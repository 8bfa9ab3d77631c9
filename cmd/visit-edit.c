/* visit-edit.c -- correct a visit's household, date or visitor, or remove the visit */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: visit-edit [-q] [-d db] [--by name] [--dry-run] --reason text\n"
"                  --household id --date date --visitor name\n"
"                  household id | date date | visitor name | remove\n";

enum { OPT_HOUSEHOLD = 2000, OPT_DATE, OPT_VISITOR };

static const struct option options[] = {
	{ "household", required_argument, NULL, OPT_HOUSEHOLD },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "visitor", required_argument, NULL, OPT_VISITOR },
	{ NULL, 0, NULL, 0 }
};

static const struct cli_action actions[] = {
	{ "household", VISIT_SET_HOUSEHOLD, 1,
	    N_("household takes one number: the household visited") },
	{ "date", VISIT_SET_DATE, 1, N_("date takes one date: the day of the visit") },
	{ "visitor", VISIT_SET_VISITOR, 1, N_("visitor takes one name: who visited") },
	{ "remove", VISIT_REMOVE, 0, N_("remove takes nothing more") },
};

/* The visit's date as given, and as parsed; the action's word. */
struct request {
	struct visit_edit e;
	char date[11], to[11];
	const char *word;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct request *rq = context;

	switch (opt) {
	case OPT_HOUSEHOLD: rq->e.household = arg; return 0;
	case OPT_VISITOR: rq->e.visitor = arg; return 0;
	case OPT_DATE:
		if (date_parse(arg, rq->date) != 0)
			cli_usage_error(cli, _("--date: not a date: \"%s\""), arg);
		rq->e.date = rq->date;
		return 0;
	}
	return -1;
}

static void
chosen(struct cli *cli, const struct cli_action *action, char **argv,
    void *context)
{
	struct request *rq = context;
	struct visit_edit *e = &rq->e;

	if (e->household == NULL || e->date == NULL || e->visitor == NULL)
		cli_usage_error(cli, _("which visit? --household, --date and "
		    "--visitor say"));
	e->reason = cli->import.reason;
	e->dry_run = cli->import.dry_run;
	e->action = action->action;
	e->to = action->operands > 0 ? argv[1] : NULL;
	rq->word = argv[0];
	if (e->action == VISIT_SET_DATE) {
		if (date_parse(e->to, rq->to) != 0)
			cli_usage_error(cli, _("date: not a date: \"%s\""), e->to);
		e->to = rq->to;
	}
}

static int
edit(struct store *s, void *context, struct error *err)
{
	return visit_edit(s, &((struct request *)context)->e, err);
}

/* What was done, on standard error. */
static void
say_done(const struct cli *cli, void *context)
{
	const struct request *rq = context;
	const struct visit_edit *e = &rq->e;

	if (e->action == VISIT_REMOVE)
		cli_say_done(cli, e->dry_run, _("removed the visit of %s on %s by %s"),
		    e->household, e->date, e->visitor);
	else
		cli_say_done(cli, e->dry_run, _("the visit of %s on %s by %s: %s "
		    "is now %s"), e->household, e->date, e->visitor, rq->word,
		    e->to);
}

static const struct cli_edit command = {
	"visit-edit", usage, options, option, actions,
	sizeof(actions) / sizeof(actions[0]),
	N_("household, date, visitor or remove"), chosen, edit, say_done,
};

int
main(int argc, char **argv)
{
	struct request rq = { 0 };

	return cli_edit(argc, argv, &command, &rq);
}
