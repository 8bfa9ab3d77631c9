/* deadline-check.c -- list what is overdue or falls due soon; silent when nothing is */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: deadline-check [-q] [-d db] [--today date] [-f format] [-o file] [--bom]\n"
"                      [--excel] [--within days] [--feedback-within days[wd]]\n"
"                      [--owner name] [--cadre name] [--village name]\n"
"                      [--kind kind ...]\n"
"                      [--summary] [--group-by owner | kind]\n";

enum { OPT_WITHIN = 3000, OPT_FEEDBACK, OPT_OWNER, OPT_VILLAGE, OPT_KIND,
	OPT_SUMMARY, OPT_GROUP_BY };

static const struct option options[] = {
	{ "within", required_argument, NULL, OPT_WITHIN },
	{ "feedback-within", required_argument, NULL, OPT_FEEDBACK },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "cadre", required_argument, NULL, OPT_OWNER },	/* who owns them */
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "group-by", required_argument, NULL, OPT_GROUP_BY },
	{ NULL, 0, NULL, 0 }
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct deadline_options *o = context;
	unsigned kind;

	switch (opt) {
	case OPT_WITHIN:
		if (number_parse(arg, 0, 3650, &o->within) != 0)
			cli_usage_error(cli, _("--within: not a number of days from 0 "
			    "to 3650: %s"), arg);
		return 0;
	case OPT_FEEDBACK:
		if (days_parse(arg, 0, 3650, &o->feedback_within,
		    &o->feedback_working) != 0)
			cli_usage_error(cli, _("--feedback-within: not a number of days "
			    "from 0 to 3650, with wd for working days: %s"), arg);
		return 0;
	case OPT_OWNER:
		o->owner = arg;
		return 0;
	case OPT_VILLAGE:
		o->village = arg;
		return 0;
	case OPT_KIND:
		kind = deadline_kind_parse(cli_vocabulary(cli, "kind",
		    "deadline_kind", arg));
		o->kinds |= kind;
		return 0;
	case OPT_SUMMARY:
		o->summary = 1;
		return 0;
	case OPT_GROUP_BY:
		if (strcmp(arg, "owner") != 0 && strcmp(arg, "kind") != 0)
			cli_usage_error(cli, _("--group-by: owner or kind, not "
			    "\"%s\""), arg);
		o->by_owner = strcmp(arg, "owner") == 0;
		o->by_kind = !o->by_owner;
		return 0;
	}
	return -1;
}

/* Same owner (both NULL counts as the same). */
static int
same_owner(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* 1 when output in format is a table per owner or kind (text for a terminal or mail). */
static int
grouped(enum output_format format)
{
	return format == FORMAT_TABLE;
}

/* How many items of list from the i-th on are of its kind (they come together). */
static size_t
count_kind(const struct deadline_list *list, size_t i)
{
	size_t n = 0;

	while (i + n < list->len && list->items[i + n].kind == list->items[i].kind)
		n++;
	return n;
}

/*
 * The first line of a list a section a kind, the subject of the nightly
 * mail: the township (place-edit township), what it is, the day as
 * printed.  Returns EXIT_FOUND, or a status with a message printed.
 */
static int
say_title(struct cli *cli, struct store *s)
{
	char *township = report_township(s), day[64];

	if (township == NULL) {
		cli_warn(cli, "%s", _("out of memory"));
		return EXIT_SOFTWARE;
	}
	printf(_("%s: due and overdue, %s\n"), township,
	    date_for_print(cli->today, day, sizeof(day)));
	putchar('\n');
	free(township);
	return EXIT_FOUND;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct deadline_options o = { 0 };
	struct deadline_list list = { 0 };
	struct store *store = NULL;
	struct writer *w = NULL;
	struct error err = { 0 };
	int status = EXIT_OK;
	const struct column *columns;
	struct column kind_columns[DEADLINE_NCOLUMNS];

	o.within = -1;
	o.feedback_within = 3;
	cli_start(&cli, "deadline-check", usage, CLI_OUTPUT);
	if (cli_parse(&cli, argc, argv, options, "", option, &o) != argc)
		cli_usage_error(&cli, _("no operands expected"));
	o.today = cli.today;
	if ((store = cli_store(&cli, STORE_QUERY, &status)) == NULL ||
	    (status = cli_check_place(&cli, &store, 1, o.village, NULL,
	    0)) != EXIT_OK)
		goto out;
	if (deadline_check(store, &o, &list, &err) != 0) {
		status = cli_error(&cli, &err);
		goto out;
	}
	if (list.len == 0)
		goto out;	/* nothing due: no output at all, status 0 */
	status = EXIT_FOUND;
	columns = o.summary ? deadline_summary_columns : deadline_columns;
	/* one kind: headings that say what its id and title hold */
	if (count_kind(&list, 0) == list.len) {
		deadline_kind_columns(list.items[0].kind, o.summary, kind_columns);
		columns = kind_columns;
	}
	/* kinds mixed under one set of headings mean nothing to a reader */
	if (!o.by_owner && !o.by_kind && grouped(cli.format) &&
	    count_kind(&list, 0) < list.len) {
		o.by_kind = 1;
		deadline_list_sort(&list, &o);
	}
	if (o.by_kind && grouped(cli.format) && (status =
	    say_title(&cli, store)) != EXIT_FOUND)
		goto out;
	for (size_t i = 0; i < list.len; i++) {
		const struct deadline_item *it = &list.items[i];

		/* a table per owner: the list each person must get */
		if (i > 0 && grouped(cli.format) && ((o.by_owner &&
		    !same_owner(it->owner, list.items[i - 1].owner)) ||
		    (o.by_kind && it->kind != list.items[i - 1].kind))) {
			if (writer_close(w, &err) != 0) {
				status = cli_error(&cli, &err);
				goto out;
			}
			w = NULL;
			putchar('\n');
		}
		if (w == NULL) {
			if (o.by_owner && grouped(cli.format))
				printf("== %s ==\n", it->owner != NULL ? it->owner :
				    _("(no owner)"));
			if (o.by_kind && grouped(cli.format)) {
				/* its own headings: what its id and title hold */
				printf(_("== %s: %zu ==\n"),
				    deadline_kind_label(it->kind),
				    count_kind(&list, i));
				deadline_kind_columns(it->kind, o.summary, kind_columns);
				columns = kind_columns;
			}
			if ((w = cli_writer(&cli, columns, DEADLINE_NCOLUMNS)) == NULL) {
				status = EXIT_SOFTWARE;
				goto out;
			}
		}
		if (deadline_write(it, w, cli_labels(&cli), o.summary, &err) != 0) {
			int st = cli_error(&cli, &err);

			status = st == EXIT_OK ? EXIT_FOUND : st;
			break;
		}
	}
out:
	if (writer_close(w, &err) != 0 && err.status != EXIT_OK)
		status = cli_error(&cli, &err);
	deadline_list_free(&list);
	store_close(store);
	return cli_finish(&cli, status);
}
