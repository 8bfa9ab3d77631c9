/* issue-add.c -- put issues in the ledger: grievances, disputes, suggestions */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: issue-add [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                 [--dry-run] [--skip-bad --rejects file] [--input-format fmt]\n"
"                 [--encoding enc] [--set field=value ...]\n"
"                 [--sheet name] [--header-row n] [--list-sheets]\n"
"                 [--rule [category:]urgency=days[wd] ...] [--calendar file ...]\n"
"                 [--field options as defaults] [file ...]\n"
"       issue-add [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                 --title text --owner name [--kind kind] [--category category]\n"
"                 [--urgency urgency] [--detail text] [--village name]\n"
"                 [--group name] [--household id] [--reporter name]\n"
"                 [--source source] [--source-ref text] [--owner-unit unit]\n"
"                 [--due-date date] [--standard text] [--measures text]\n"
"                 [--resolved-on-spot --resolution text] [--dispute-type type]\n"
"                 [--parties text] [--mediator name] [--opened-on date]\n"
"                 [--case n]\n";

enum { OPT_FIELD = 3000, OPT_RULE = 3100, OPT_RESOLVED = 3101, OPT_CALENDAR = 3102 };

/* one option per field, in the order of issue_fields */
static const char *const option_names[ISSUE_NFIELDS] = {
	"kind", "category", "title", "detail", "urgency", "village", "group",
	"household", "reporter", "source", "source-ref", "owner", "owner-unit",
	"due-date", "standard", "measures", "resolved-on-spot", "resolution",
	"dispute-type", "parties", "mediator", "opened-on", "case"
};

struct rule {
	const char *category, *urgency;
	long days;
	int working;		/* days are working days ("5wd") */
};

struct opts {
	struct issue_settings settings;	/* first: begin() is handed it */
	struct rule rules[64];
	size_t nrules;
	char rule_text[64][128];
	const char *calendars[16];	/* holiday calendar files, read in order */
	size_t ncalendars;
};

static int
parse_rule(struct cli *cli, const char *arg, struct opts *o)
{
	char *text = o->rule_text[o->nrules], *eq, *colon;
	struct rule *r = &o->rules[o->nrules];

	if (o->nrules >= 64 || strlen(arg) >= sizeof(o->rule_text[0]))
		cli_usage_error(cli, _("--rule: too many rules or too long: %s"), arg);
	snprintf(text, sizeof(o->rule_text[0]), "%s", arg);
	if ((eq = strchr(text, '=')) == NULL)
		cli_usage_error(cli, _("--rule: expected [category:]urgency=days, got %s"),
		    arg);
	*eq = '\0';
	if ((colon = strchr(text, ':')) != NULL) {
		*colon = '\0';
		if (strcmp(text, "*") == 0)
			r->category = "*";
		else if ((r->category = vocab_code("issue_category", text)) == NULL)
			cli_usage_error(cli, _("--rule: unknown category \"%s\""), text);
		text = colon + 1;
	} else
		r->category = "*";
	if ((r->urgency = vocab_code("urgency", text)) == NULL)
		cli_usage_error(cli, _("--rule: unknown urgency \"%s\""), text);
	if (days_parse(eq + 1, 0, 3650, &r->days, &r->working) != 0)
		cli_usage_error(cli, _("--rule: days must be a number from 0 to 3650, "
		    "with wd for working days: %s"), arg);
	o->nrules++;
	return 0;
}

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct opts *o = context;
	static const char *const domains[ISSUE_NFIELDS] = {
		[ISSUE_KIND] = "issue_kind", [ISSUE_CATEGORY] = "issue_category",
		[ISSUE_URGENCY] = "urgency", [ISSUE_SOURCE] = "issue_source",
		[ISSUE_DISPUTE_TYPE] = "dispute_type",
	};

	if (opt == OPT_RULE)
		return parse_rule(cli, arg, o);
	if (opt == OPT_CALENDAR) {
		if (o->ncalendars >= sizeof(o->calendars) / sizeof(o->calendars[0]))
			cli_usage_error(cli, _("--calendar: too many files: %s"), arg);
		o->calendars[o->ncalendars++] = arg;
		return 0;
	}
	if (opt == OPT_RESOLVED) {
		o->settings.defaults[ISSUE_RESOLVED_ON_SPOT] = "yes";
		return 0;
	}
	if (opt < OPT_FIELD || opt >= OPT_FIELD + ISSUE_NFIELDS)
		return -1;
	opt -= OPT_FIELD;
	if (domains[opt] != NULL)
		(void)cli_vocabulary_except(cli, option_names[opt], domains[opt],
		    opt == ISSUE_KIND ? ISSUE_KIND_NOT_ADDED : NULL, arg);
	o->settings.defaults[opt] = arg;
	return 0;
}

/*
 * The holiday calendars and the rules are written with the issues: all
 * or nothing, never on a dry run.
 */
static int
begin(struct store *s, void *settings, struct error *err)
{
	const struct opts *o = settings;
	long changed;

	for (size_t i = 0; i < o->ncalendars; i++)
		if (calendar_read_file(s, o->calendars[i], &changed, err) != 0)
			return -1;
	for (size_t i = 0; i < o->nrules; i++)
		if (issue_set_deadline_rule(s, o->rules[i].category,
		    o->rules[i].urgency, o->rules[i].days, o->rules[i].working,
		    err) != 0)
			return -1;
	return 0;
}

/*
 * cli_import() prepare(): a village or group typed on the command line
 * by an old name (place-edit rename, merge) is refused with its name now.
 */
static int
no_old_place(struct cli *cli, struct store *s, void *context)
{
	const char *const *v = cli->option_values != NULL ? cli->option_values :
	    cli->import.defaults;
	struct error err = { 0 };

	(void)context;
	return v != NULL && place_check_old(s, v[ISSUE_VILLAGE], v[ISSUE_GROUP],
	    &err) != 0 ? cli_error(cli, &err) : EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct opts o;
	struct option options[ISSUE_NFIELDS + 3];
	struct cli_import import = { .kind = &issue_import_kind,
		.noun = NC_("import noun", "issues"), .mode = STORE_WRITE,
		.corrected_by = N_("issue-update corrects an issue"), .fields = issue_fields,
		.nfields = ISSUE_NFIELDS, .done = cli_write_issues };
	size_t n = 0;
	int first, status;

	memset(&o, 0, sizeof(o));
	for (int k = 0; k < ISSUE_NFIELDS; k++) {
		if (k == ISSUE_RESOLVED_ON_SPOT)
			continue;
		options[n++] = (struct option){ option_names[k], required_argument,
		    NULL, OPT_FIELD + k };
	}
	options[n++] = (struct option){ "resolved-on-spot", no_argument, NULL,
	    OPT_RESOLVED };
	options[n++] = (struct option){ "rule", required_argument, NULL, OPT_RULE };
	options[n++] = (struct option){ "calendar", required_argument, NULL,
	    OPT_CALENDAR };
	options[n] = (struct option){ NULL, 0, NULL, 0 };

	cli_start(&cli, "issue-add", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", option, &o);
	/* one issue from the options reads no input; rules alone read none */
	if (o.settings.defaults[ISSUE_TITLE] != NULL && argc == first)
		import.values = o.settings.defaults;
	import.no_stdin = o.nrules > 0 || o.ncalendars > 0;
	import.defaults = o.settings.defaults;
	import.context = &o.settings.added;
	import.prepare = no_old_place;
	o.settings.today = cli.today;
	cli.import.settings = &o;
	cli.import.begin = begin;
	status = cli_import(&cli, argc - first, argv + first, &import);
	if (o.settings.calendar_missing != 0 && (status == 0 || status == 1))
		cli_warn(&cli, _("no holiday calendar for %d in the store: its working "
		    "days were counted Monday to Friday; --calendar FILE to add it"),
		    o.settings.calendar_missing);
	issue_ids_free(&o.settings.added);
	return status;
}
