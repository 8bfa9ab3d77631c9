/* issue-add.c -- put issues in the ledger: grievances, disputes, suggestions */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: issue-add [-q] [-d db] [--by name] [--today date] [-f format]\n"
"                 [--dry-run] [--skip-bad --rejects file] [--input-format fmt]\n"
"                 [--encoding enc] [--rule [category:]urgency=days ...]\n"
"                 [--field options as defaults] [file ...]\n"
"       issue-add [-q] [-d db] [--by name] [--today date] [-f format]\n"
"                 --title text --owner name [--kind kind] [--category category]\n"
"                 [--urgency urgency] [--detail text] [--village name]\n"
"                 [--group name] [--household id] [--reporter name]\n"
"                 [--source source] [--source-ref text] [--owner-unit unit]\n"
"                 [--due-date date] [--standard text] [--measures text]\n"
"                 [--resolved-on-spot --resolution text] [--dispute-type type]\n"
"                 [--parties text] [--mediator name] [--opened-on date]\n";

enum { OPT_FIELD = 3000, OPT_RULE = 3100, OPT_RESOLVED = 3101 };

/* one option per field, in the order of issue_fields */
static const char *const option_names[ISSUE_NFIELDS] = {
	"kind", "category", "title", "detail", "urgency", "village", "group",
	"household", "reporter", "source", "source-ref", "owner", "owner-unit",
	"due-date", "standard", "measures", "resolved-on-spot", "resolution",
	"dispute-type", "parties", "mediator", "opened-on"
};

struct rule {
	const char *category, *urgency;
	long days;
};

struct opts {
	struct issue_settings settings;
	struct rule rules[64];
	size_t nrules;
	char rule_text[64][128];
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
	if (number_parse(eq + 1, 0, 3650, &r->days) != 0)
		cli_usage_error(cli, _("--rule: days must be a number from 0 to 3650: %s"),
		    eq + 1);
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
	if (opt == OPT_RESOLVED) {
		o->settings.defaults[ISSUE_RESOLVED_ON_SPOT] = "yes";
		return 0;
	}
	if (opt < OPT_FIELD || opt >= OPT_FIELD + ISSUE_NFIELDS)
		return -1;
	opt -= OPT_FIELD;
	if (domains[opt] != NULL && vocab_code(domains[opt], arg) == NULL) {
		char expected[1024];

		cli_usage_error(cli, _("--%s: unknown value \"%s\"; expected one of: %s"),
		    option_names[opt], arg, vocab_describe(domains[opt], expected,
		    sizeof(expected)));
	}
	o->settings.defaults[opt] = arg;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct opts o;
	struct option options[ISSUE_NFIELDS + 2];
	struct store *store = NULL;
	struct reader **readers = NULL;
	struct writer *w = NULL;
	struct import_stats stats;
	struct error err = { 0 };
	size_t nreaders = 0, n = 0;
	int status = EXIT_OK, first;

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
	options[n] = (struct option){ NULL, 0, NULL, 0 };

	cli_start(&cli, "issue-add", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", option, &o);
	argc -= first;
	argv += first;

	if ((store = cli_store(&cli, STORE_WRITE, &status)) == NULL)
		goto out;
	for (size_t i = 0; i < o.nrules; i++)
		if (issue_set_deadline_rule(store, o.rules[i].category,
		    o.rules[i].urgency, o.rules[i].days, &err) != 0) {
			status = cli_error(&cli, &err);
			goto out;
		}
	if (o.settings.defaults[ISSUE_TITLE] != NULL && argc == 0) {
		/* one issue from the options: no input is read */
		if ((readers = cli_option_record(&cli, issue_fields, o.settings.defaults,
		    ISSUE_NFIELDS, &status)) == NULL)
			goto out;
		nreaders = 1;
	} else if (o.nrules > 0 && argc == 0) {
		goto out;	/* only rules were set */
	} else if ((readers = cli_readers(&cli, argc, argv, &nreaders,
	    &status)) == NULL)
		goto out;

	o.settings.today = cli.today;
	cli.import.settings = &o.settings;
	if (import_run(store, readers, nreaders, &issue_import_kind, &cli.import,
	    cli_problem, &cli, cli_progress, &cli, &stats, &err) != 0) {
		status = cli_error(&cli, &err);
		goto out;
	}
	/* the new issues, once they are in the ledger for good */
	if (!cli.import.dry_run && o.settings.added.len > 0) {
		if ((w = cli_writer(&cli, issue_out_columns, ISSUE_OUT_NCOLUMNS)) == NULL) {
			status = EXIT_SOFTWARE;
			goto out;
		}
		for (size_t i = 0; i < o.settings.added.len && status == EXIT_OK; i++)
			if (issue_write(store, o.settings.added.ids[i], w,
			    cli_labels(&cli), &err) != 0)
				status = cli_error(&cli, &err);
		if (writer_close(w, &err) != 0 && status == EXIT_OK)
			status = cli_error(&cli, &err);
	}
	if (status == EXIT_OK && !cli.quiet)
		cli_warn(&cli, cli.import.dry_run ?
		    _("dry run, nothing written: records %ld, would add %ld, "
		    "already in the ledger %ld, bad %ld") :
		    _("records %ld: added %ld, already in the ledger %ld, bad %ld"),
		    stats.records, stats.added, stats.unchanged, stats.bad);
out:
	issue_ids_free(&o.settings.added);
	store_close(store);
	cli_readers_close(readers);
	return cli_finish(&cli, status);
}
