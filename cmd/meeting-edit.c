/* meeting-edit.c -- correct a meeting's kind, date, place, host, attendees or minutes, or remove the meeting */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: meeting-edit [-q] [-d db] [--by name] [--dry-run] --reason text\n"
"                    --kind kind --village name [--group name] --date date\n"
"                    kind kind | date date | village name [group] |\n"
"                    group name | host name | attendees text |\n"
"                    minutes text | remove\n";

enum { OPT_KIND = 2000, OPT_VILLAGE, OPT_GROUP, OPT_DATE };

static const struct option options[] = {
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "date", required_argument, NULL, OPT_DATE },
	{ NULL, 0, NULL, 0 }
};

static const struct cli_action actions[] = {
	{ "kind", MEETING_SET_KIND, 1, N_("kind takes one kind of meeting") },
	{ "date", MEETING_SET_DATE, 1, N_("date takes one date: the day it was held") },
	{ "village", MEETING_SET_PLACE, 1, N_("village takes a village, and the "
	    "group of it for a group's meeting"), 1 },
	{ "group", MEETING_SET_PLACE, 1, N_("group takes one name: a group of "
	    "the meeting's village") },
	{ "host", MEETING_SET_HOST, 1, N_("host takes one name: who held it") },
	{ "attendees", MEETING_SET_ATTENDEES, 1,
	    N_("attendees takes one text: who attended") },
	{ "minutes", MEETING_SET_MINUTES, 1, N_("minutes takes one text: the minutes") },
	{ "remove", MEETING_REMOVE, 0, N_("remove takes nothing more") },
};

/* The meeting's date as given, and as parsed; the action's word and what it is now. */
struct request {
	struct meeting_edit e;
	char date[11], to[11];
	const char *word;
	char now[256];
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct request *rq = context;

	switch (opt) {
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

static void
chosen(struct cli *cli, const struct cli_action *action, char **argv,
    void *context)
{
	struct request *rq = context;
	struct meeting_edit *e = &rq->e;

	if (e->kind == NULL || e->village == NULL || e->date == NULL)
		cli_usage_error(cli, _("which meeting? --kind, --village (and "
		    "--group) and --date say"));
	e->reason = cli->import.reason;
	e->dry_run = cli->import.dry_run;
	e->action = action->action;
	e->to = action->operands > 0 ? argv[1] : NULL;
	rq->word = argv[0];
	if (e->action == MEETING_SET_DATE) {
		if (date_parse(e->to, rq->to) != 0)
			cli_usage_error(cli, _("date: not a date: \"%s\""), e->to);
		e->to = rq->to;
	} else if (e->action == MEETING_SET_PLACE && strcmp(rq->word, "group") == 0) {
		e->to = e->village;
		e->to_group = argv[1];
	} else if (e->action == MEETING_SET_PLACE)
		e->to_group = argv[2];	/* (argv ends with NULL) */
	if (e->action == MEETING_SET_PLACE && e->to_group != NULL)
		snprintf(rq->now, sizeof(rq->now), "%s%s%s", e->to == e->village ?
		    "" : e->to, e->to == e->village ? "" : " ", e->to_group);
	else
		snprintf(rq->now, sizeof(rq->now), "%s", e->to != NULL ? e->to : "");
}

static int
edit(struct store *s, void *context, struct error *err)
{
	return meeting_edit(s, &((struct request *)context)->e, err);
}

/* What was done, on standard error. */
static void
say_done(const struct cli *cli, void *context)
{
	const struct request *rq = context;
	const struct meeting_edit *e = &rq->e;

	if (e->action == MEETING_REMOVE)
		cli_say_done(cli, e->dry_run, _("removed the meeting of %s on %s"),
		    e->village, e->date);
	else
		cli_say_done(cli, e->dry_run, _("the meeting of %s on %s: %s is now "
		    "%s"), e->village, e->date, rq->word, rq->now);
}

static const struct cli_edit command = {
	"meeting-edit", usage, options, option, actions,
	sizeof(actions) / sizeof(actions[0]),
	N_("kind, date, village, group, host, attendees, minutes or remove"),
	chosen, edit,
	say_done,
};

int
main(int argc, char **argv)
{
	struct request rq = { 0 };

	return cli_edit(argc, argv, &command, &rq);
}
