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

/* 1 when output in format is read by people: a table a section (owner or kind). */
static int
grouped(enum output_format format)
{
	return format == FORMAT_TABLE || format == FORMAT_MARKDOWN ||
	    format == FORMAT_HTML || format == FORMAT_XLSX;
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

/*
 * The writer of the section item it opens, of its owner or its kind
 * (n items), into sections; NULL with a message printed and *status
 * set.
 */
static struct writer *
section(struct cli *cli, struct output_sections *sections,
    const struct deadline_options *o, const struct deadline_item *it,
    size_t n, struct column columns[DEADLINE_NCOLUMNS], int *status)
{
	struct error err = { 0 };
	const char *name = it->owner != NULL ? it->owner : _("(no owner)");
	char title[512];
	struct writer *w;

	snprintf(title, sizeof(title), "%s", name);
	memcpy(columns, o->summary ? deadline_summary_columns : deadline_columns,
	    DEADLINE_NCOLUMNS * sizeof(*columns));
	if (o->by_kind) {
		/* its own headings: what its id and title hold */
		deadline_kind_columns(it->kind, o->summary, columns);
		/* a sheet is named by the kind, and counts its rows itself */
		name = locale_is_chinese() ? deadline_kind_label(it->kind) :
		    deadline_kind_code(it->kind);
		if (cli->format == FORMAT_XLSX)
			snprintf(title, sizeof(title), "%s",
			    deadline_kind_label(it->kind));
		else
			snprintf(title, sizeof(title), _("%s: %zu"),
			    deadline_kind_label(it->kind), n);
	}
	if ((w = output_section(sections, name, title, columns,
	    DEADLINE_NCOLUMNS, &err)) == NULL) {
		int st = cli_error(cli, &err);

		*status = st == EXIT_OK ? EXIT_FOUND : st;
	}
	return w;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct deadline_options o = { 0 };
	struct deadline_list list = { 0 };
	struct store *store = NULL;
	struct report_heading *heading = NULL;
	struct output_sections *sections = NULL;
	struct writer *w = NULL;
	struct error err = { 0 };
	int status = EXIT_OK;
	struct column kind_columns[DEADLINE_NCOLUMNS];
	/* each section's columns, read until the whole is written */
	struct column (*section_columns)[DEADLINE_NCOLUMNS] = NULL;
	size_t nsections = 0;

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
	/* kinds mixed under one set of headings mean nothing to a reader */
	if (!o.by_owner && !o.by_kind && grouped(cli.format) &&
	    count_kind(&list, 0) < list.len) {
		o.by_kind = 1;
		deadline_list_sort(&list, &o);
	}
	/* a page for print, a workbook or Markdown says what it lists */
	if ((cli.format == FORMAT_MARKDOWN || cli.format == FORMAT_HTML ||
	    cli.format == FORMAT_XLSX) &&
	    (heading = deadline_heading(store, &o, &err)) == NULL) {
		status = cli_error(&cli, &err);
		goto out;
	}
	if (o.by_kind && cli.format == FORMAT_TABLE && (status =
	    say_title(&cli, store)) != EXIT_FOUND)
		goto out;
	/* a section an owner or a kind: the list each person must get */
	if (grouped(cli.format) && (o.by_owner || o.by_kind)) {
		if ((section_columns = calloc(list.len,
		    sizeof(*section_columns))) == NULL) {
			cli_warn(&cli, "%s", _("out of memory"));
			status = EXIT_SOFTWARE;
			goto out;
		}
		if ((sections = output_sections_open(stdout, cli.format,
		    cli.output_flags, &err)) == NULL) {
			status = cli_error(&cli, &err);
			goto out;
		}
	} else {
		/* one kind: headings that say what its id and title hold */
		if (count_kind(&list, 0) == list.len)
			deadline_kind_columns(list.items[0].kind, o.summary,
			    kind_columns);
		else
			memcpy(kind_columns, o.summary ? deadline_summary_columns :
			    deadline_columns, sizeof(kind_columns));
		if ((w = cli_writer(&cli, kind_columns, DEADLINE_NCOLUMNS)) == NULL) {
			status = EXIT_SOFTWARE;
			goto out;
		}
	}
	for (size_t i = 0; i < list.len; i++) {
		const struct deadline_item *it = &list.items[i];

		if (sections != NULL && (i == 0 || (o.by_owner &&
		    !same_owner(it->owner, list.items[i - 1].owner)) ||
		    (o.by_kind && it->kind != list.items[i - 1].kind)) &&
		    (w = section(&cli, sections, &o, it, count_kind(&list, i),
		    section_columns[nsections++], &status)) == NULL)
			break;
		if (deadline_write(it, w, cli_labels(&cli), o.summary, &err) != 0) {
			int st = cli_error(&cli, &err);

			status = st == EXIT_OK ? EXIT_FOUND : st;
			break;
		}
	}
out:
	/* a list that failed is given up, writing nothing more */
	if (sections != NULL) {
		if (output_sections_close(sections, status == EXIT_FOUND ?
		    &err : NULL) != 0 && err.status != EXIT_OK)
			status = cli_error(&cli, &err);
	} else
		status = cli_writer_close(&cli, w, status);
	free(section_columns);
	report_heading_end(heading);
	deadline_list_free(&list);
	store_close(store);
	return cli_finish(&cli, status);
}
