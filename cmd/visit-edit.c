/* visit-edit.c -- correct a visit's household, date or visitor, or remove the visit */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: visit-edit [-q] [-d db] [--by name] [--dry-run] --reason text\n"
"                  --household id --date date --visitor name\n"
"                  household id | date date | visitor name | remove\n";

enum { OPT_REASON = 2000, OPT_DRY_RUN, OPT_HOUSEHOLD, OPT_DATE, OPT_VISITOR };

static const struct option options[] = {
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
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

/* The visit's date as given, and as parsed. */
struct request {
	struct visit_edit e;
	char date[11], to[11];
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct request *rq = context;

	switch (opt) {
	case OPT_REASON: rq->e.reason = arg; return 0;
	case OPT_DRY_RUN: rq->e.dry_run = 1; return 0;
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

int
main(int argc, char **argv)
{
	struct cli cli;
	struct request rq = { 0 };
	struct visit_edit *e = &rq.e;
	struct store *store = NULL;
	struct error err = { 0 };
	int first, status = EXIT_OK, i;

	cli_start(&cli, "visit-edit", usage, 0);
	first = cli_parse(&cli, argc, argv, options, "", option, &rq);
	i = cli_action(&cli, argc - first, argv + first, actions,
	    sizeof(actions) / sizeof(actions[0]),
	    _("household, date, visitor or remove"), e->reason);
	if (e->household == NULL || e->date == NULL || e->visitor == NULL)
		cli_usage_error(&cli, _("which visit? --household, --date and "
		    "--visitor say"));
	e->action = actions[i].action;
	e->to = actions[i].operands > 0 ? argv[first + 1] : NULL;
	if (e->action == VISIT_SET_DATE) {
		if (date_parse(e->to, rq.to) != 0)
			cli_usage_error(&cli, _("date: not a date: \"%s\""), e->to);
		e->to = rq.to;
	}
	if ((store = cli_store(&cli, STORE_READ, &status)) == NULL)
		goto out;
	if (visit_edit(store, e, &err) != 0)
		status = cli_error(&cli, &err);
	else if (e->action == VISIT_REMOVE)
		cli_say_done(&cli, e->dry_run, _("removed the visit of %s on %s by %s"),
		    e->household, e->date, e->visitor);
	else
		cli_say_done(&cli, e->dry_run, _("the visit of %s on %s by %s: %s "
		    "is now %s"), e->household, e->date, e->visitor, argv[first],
		    e->to);
out:
	store_close(store);
	return cli_finish(&cli, status);
}
