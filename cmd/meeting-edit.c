/* meeting-edit.c -- correct a meeting's kind, date, host, attendees or minutes, or remove the meeting */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
"usage: meeting-edit [-q] [-d db] [--by name] [--dry-run] --reason text\n"
"                    --kind kind --village name [--group name] --date date\n"
"                    kind kind | date date | host name | attendees text |\n"
"                    minutes text | remove\n";

enum { OPT_REASON = 2000, OPT_DRY_RUN, OPT_KIND, OPT_VILLAGE, OPT_GROUP,
	OPT_DATE };

static const struct option options[] = {
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "date", required_argument, NULL, OPT_DATE },
	{ NULL, 0, NULL, 0 }
};

static const struct cli_action actions[] = {
	{ "kind", MEETING_SET_KIND, 1, N_("kind takes one kind of meeting") },
	{ "date", MEETING_SET_DATE, 1, N_("date takes one date: the day it was held") },
	{ "host", MEETING_SET_HOST, 1, N_("host takes one name: who held it") },
	{ "attendees", MEETING_SET_ATTENDEES, 1,
	    N_("attendees takes one text: who attended") },
	{ "minutes", MEETING_SET_MINUTES, 1, N_("minutes takes one text: the minutes") },
	{ "remove", MEETING_REMOVE, 0, N_("remove takes nothing more") },
};

/* The meeting's date as given, and as parsed. */
struct request {
	struct meeting_edit e;
	char date[11], to[11];
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct request *rq = context;

	switch (opt) {
	case OPT_REASON: rq->e.reason = arg; return 0;
	case OPT_DRY_RUN: rq->e.dry_run = 1; return 0;
	case OPT_KIND: rq->e.kind = arg; return 0;
	case OPT_VILLAGE: rq->e.village = arg; return 0;
	case OPT_GROUP: rq->e.group = arg; return 0;
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
	struct meeting_edit *e = &rq.e;
	struct store *store = NULL;
	struct error err = { 0 };
	int first, status = EXIT_OK, i;

	cli_start(&cli, "meeting-edit", usage, 0);
	first = cli_parse(&cli, argc, argv, options, "", option, &rq);
	i = cli_action(&cli, argc - first, argv + first, actions,
	    sizeof(actions) / sizeof(actions[0]),
	    _("kind, date, host, attendees, minutes or remove"), e->reason);
	if (e->kind == NULL || e->village == NULL || e->date == NULL)
		cli_usage_error(&cli, _("which meeting? --kind, --village (and "
		    "--group) and --date say"));
	e->action = actions[i].action;
	e->to = actions[i].operands > 0 ? argv[first + 1] : NULL;
	if (e->action == MEETING_SET_DATE) {
		if (date_parse(e->to, rq.to) != 0)
			cli_usage_error(&cli, _("date: not a date: \"%s\""), e->to);
		e->to = rq.to;
	}
	if ((store = cli_store(&cli, STORE_READ, &status)) == NULL)
		goto out;
	if (meeting_edit(store, e, &err) != 0)
		status = cli_error(&cli, &err);
	else if (e->action == MEETING_REMOVE)
		cli_say_done(&cli, e->dry_run, _("removed the meeting of %s on %s"),
		    e->village, e->date);
	else
		cli_say_done(&cli, e->dry_run, _("the meeting of %s on %s: %s is now "
		    "%s"), e->village, e->date, argv[first], e->to);
out:
	store_close(store);
	return cli_finish(&cli, status);
}
