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

/* 1 when s is nothing but white space. */
static int
blank(const char *s)
{
	return text_trim_span(&s, strlen(s)) == 0;
}

/* What was done, on standard error: "renamed ...", "merged ...", "removed ...". */
static void
say_done(const struct cli *cli, const struct place_edit *e,
    const struct place_moved *moved)
{
	char place[512], what[512], done[1200];

	snprintf(place, sizeof(place), "%s%s%s", e->village != NULL ? e->village :
	    "", e->village != NULL ? " " : "", e->name);
	if (e->action == PLACE_RENAME)
		snprintf(done, sizeof(done), _("renamed %s to %s"), place, e->to);
	else if (e->action == PLACE_REMOVE)
		snprintf(done, sizeof(done), _("removed %s"), place);
	else if (reference_describe(moved->records, PLACE_KINDS, what,
	    sizeof(what)) > 0)
		snprintf(done, sizeof(done), _("merged %s into %s, moving %s"), place,
		    e->to, what);
	else
		snprintf(done, sizeof(done), _("merged %s into %s; nothing was in it"),
		    place, e->to);
	if (e->dry_run)
		cli_warn(cli, _("dry run, nothing written: %s"), done);
	else
		cli_warn(cli, "%s", done);
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *word;
		enum place_action action;
		int operands;
	} actions[] = {
		{ "rename", PLACE_RENAME, 3 }, { "merge", PLACE_MERGE, 3 },
		{ "remove", PLACE_REMOVE, 2 },
	};
	struct cli cli;
	struct place_edit e = { 0 };
	struct place_moved moved;
	struct store *store = NULL;
	struct error err = { 0 };
	size_t i;
	int first, status = EXIT_OK;

	cli_start(&cli, "place-edit", usage, 0);
	first = cli_parse(&cli, argc, argv, options, "", option, &e);
	argc -= first;
	argv += first;
	if (argc < 1)
		cli_usage_error(&cli, _("what to do? rename, merge or remove"));
	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (strcmp(argv[0], actions[i].word) == 0)
			break;
	if (i == sizeof(actions) / sizeof(actions[0]))
		cli_usage_error(&cli, _("unknown action \"%s\"; expected rename, merge "
		    "or remove"), argv[0]);
	if (argc != actions[i].operands)
		cli_usage_error(&cli, actions[i].operands == 3 ?
		    _("%s takes two names: the place and the other name") :
		    _("%s takes one name: the place"), argv[0]);
	if (e.reason == NULL || blank(e.reason))
		cli_usage_error(&cli, _("--reason: say why; it is kept in the "
		    "audit log"));
	e.action = actions[i].action;
	e.name = text_trim(argv[1]);
	e.to = argc > 2 ? text_trim(argv[2]) : NULL;
	if (e.to != NULL && e.to[0] == '\0')
		cli_usage_error(&cli, _("a place needs a name"));
	if ((store = cli_store(&cli, STORE_READ, &status)) == NULL)
		goto out;
	if (place_edit(store, &e, &moved, &err) != 0)
		status = cli_error(&cli, &err);
	else if (!cli.quiet)
		say_done(&cli, &e, &moved);
out:
	store_close(store);
	return cli_finish(&cli, status);
}
