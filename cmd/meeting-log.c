/* meeting-log.c -- record a meeting, its vote, and the suggestions raised at it as issues */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"usage: meeting-log [-q] [-d db] [--by name] [--today date] [-f format] [-o file]\n"
"                   [--dry-run] [--input-format fmt] [--encoding enc]\n"
"                   [--set field=value ...]\n"
"                   [--sheet name] [--header-row n] [--list-sheets]\n"
"                   --kind kind --village name [--group name] [--date date]\n"
"                   [--host name] [--attendees text]\n"
"                   [--minutes text | --minutes-file file]\n"
"                   [--representatives n --present n --yes n --no n\n"
"                   --abstain n [--filed-on date]]\n"
"                   [--owner name] [--category category] [--urgency urgency]\n"
"                   [--suggestion text ...] [suggestions ...]\n";

enum {
	OPT_KIND = 3000, OPT_VILLAGE, OPT_GROUP, OPT_DATE, OPT_HOST, OPT_ATTENDEES,
	OPT_MINUTES, OPT_MINUTES_FILE, OPT_REPRESENTATIVES, OPT_PRESENT, OPT_YES,
	OPT_NO, OPT_ABSTAIN, OPT_FILED_ON, OPT_OWNER, OPT_CATEGORY, OPT_URGENCY,
	OPT_SUGGESTION
};

static const struct option options[] = {
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "village", required_argument, NULL, OPT_VILLAGE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "host", required_argument, NULL, OPT_HOST },
	{ "attendees", required_argument, NULL, OPT_ATTENDEES },
	{ "minutes", required_argument, NULL, OPT_MINUTES },
	{ "minutes-file", required_argument, NULL, OPT_MINUTES_FILE },
	{ "representatives", required_argument, NULL, OPT_REPRESENTATIVES },
	{ "present", required_argument, NULL, OPT_PRESENT },
	{ "yes", required_argument, NULL, OPT_YES },
	{ "no", required_argument, NULL, OPT_NO },
	{ "abstain", required_argument, NULL, OPT_ABSTAIN },
	{ "filed-on", required_argument, NULL, OPT_FILED_ON },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "urgency", required_argument, NULL, OPT_URGENCY },
	{ "suggestion", required_argument, NULL, OPT_SUGGESTION },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	struct meeting meeting;
	const char *minutes_file;
	struct issue_settings issues;	/* for the suggestions */
	struct meeting_result result;
	const char **suggestions;	/* each --suggestion, as given */
	size_t nsuggestions;
};

/* One more --suggestion TEXT: a usage error when it says nothing. */
static void
add_suggestion(struct cli *cli, struct opts *o, const char *text)
{
	const char *start = text, **more;

	if (text_trim_span(&start, strlen(text)) == 0)
		cli_usage_error(cli, "%s", _("--suggestion: say what was "
		    "suggested; it is the title of an issue"));
	if ((more = realloc(o->suggestions, (o->nsuggestions + 1) *
	    sizeof(*more))) == NULL) {
		cli_warn(cli, "%s", _("out of memory"));
		exit(cli_finish(cli, EXIT_SOFTWARE));
	}
	o->suggestions = more;
	more[o->nsuggestions++] = text;
}

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct opts *o = context;
	struct meeting *m = &o->meeting;

	switch (opt) {
	case OPT_KIND: m->kind = arg; break;
	case OPT_VILLAGE: m->village = arg; break;
	case OPT_GROUP: m->group = arg; break;
	case OPT_DATE: m->date = arg; break;
	case OPT_HOST: m->host = arg; break;
	case OPT_ATTENDEES: m->attendees = arg; break;
	case OPT_MINUTES: m->minutes = arg; break;
	case OPT_MINUTES_FILE: o->minutes_file = arg; break;
	case OPT_REPRESENTATIVES: m->representatives = arg; break;
	case OPT_PRESENT: m->present = arg; break;
	case OPT_YES: m->yes = arg; break;
	case OPT_NO: m->no = arg; break;
	case OPT_ABSTAIN: m->abstain = arg; break;
	case OPT_FILED_ON: m->filed_on = arg; break;
	case OPT_OWNER: o->issues.defaults[ISSUE_OWNER] = arg; break;
	case OPT_CATEGORY:
		if (vocab_code("issue_category", arg) == NULL)
			cli_usage_error(cli, _("--category: unknown category \"%s\""), arg);
		o->issues.defaults[ISSUE_CATEGORY] = arg;
		break;
	case OPT_URGENCY:
		if (vocab_code("urgency", arg) == NULL)
			cli_usage_error(cli, _("--urgency: unknown urgency \"%s\""), arg);
		o->issues.defaults[ISSUE_URGENCY] = arg;
		break;
	case OPT_SUGGESTION:
		add_suggestion(cli, o, arg);
		break;
	default:
		return -1;
	}
	return 0;
}

/* Inside the transaction, before the suggestions: the meeting itself. */
static int
begin(struct store *s, void *settings, struct error *err)
{
	struct opts *o = (struct opts *)((char *)settings -
	    offsetof(struct opts, issues));
	static char source_ref[64];

	if (meeting_record(s, &o->meeting, _("command line"), &o->result, err) != 0)
		return -1;
	snprintf(source_ref, sizeof(source_ref), "meeting:%lld", o->result.id);
	o->issues.meeting_id = o->result.id;
	o->issues.defaults[ISSUE_SOURCE] = meeting_issue_source(o->result.kind);
	o->issues.defaults[ISSUE_SOURCE_REF] = source_ref;
	o->issues.defaults[ISSUE_OPENED_ON] = o->result.date;
	if (o->issues.defaults[ISSUE_KIND] == NULL)
		o->issues.defaults[ISSUE_KIND] = "suggestion";
	o->issues.defaults[ISSUE_VILLAGE] = o->meeting.village;
	o->issues.defaults[ISSUE_GROUP] = o->meeting.group;
	return 0;
}

/* The whole text of a file, or NULL with errno set. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;

	if (fp == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_append(&b, chunk, n);
	if (ferror(fp) || b.data == NULL) {
		int e = ferror(fp) ? errno : 0;

		fclose(fp);
		free(b.data);
		errno = e;
		if (e == 0)
			return strdup("");
		return NULL;
	}
	fclose(fp);
	return b.data;
}

/* The meeting as it now is, and what was made of it. */
static int
done(struct cli *cli, struct store *s, const struct import_stats *stats,
    void *context)
{
	const struct opts *o = context;
	struct writer *w;
	struct error err = { 0 };
	int status = EXIT_OK;

	if (!cli->import.dry_run) {
		if ((w = cli_writer(cli, meeting_columns, MEETING_NCOLUMNS)) == NULL)
			return EXIT_SOFTWARE;
		if (meeting_write(s, o->result.id, w, cli_labels(cli), &err) != 0)
			status = cli_error(cli, &err);
		status = cli_writer_close(cli, w, status);
	}
	if (status != EXIT_OK || cli->quiet)
		return status;
	if (o->result.existed)
		cli_warn(cli, _("meeting %lld was already in the store"), o->result.id);
	if (o->result.has_vote)
		cli_warn(cli, !o->result.vote.valid ? _("vote not valid: fewer "
		    "than two thirds of the representatives were present") :
		    o->result.vote.adopted ? _("vote valid; the village rules "
		    "are adopted") : _("vote valid; the village rules are not "
		    "adopted: yes is not more than half of those present"));
	return status;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct opts o;
	struct cli_import import = { .kind = &issue_import_kind,
		.noun = NC_("import noun", "suggestions"), .mode = STORE_WRITE, .no_stdin = 1,
		.corrected_by = N_("meeting-edit corrects a meeting, issue-update a suggestion"),
		.done = done, .context = &o };
	char *minutes = NULL;
	const char *given[ISSUE_NFIELDS] = { 0 };	/* the defaults of options */
	int status, first;

	memset(&o, 0, sizeof(o));
	cli_start(&cli, "meeting-log", usage, CLI_INPUT | CLI_IMPORT | CLI_OUTPUT);
	first = cli_parse(&cli, argc, argv, options, "", option, &o);
	if (o.meeting.minutes != NULL && o.minutes_file != NULL)
		cli_usage_error(&cli, _("give --minutes or --minutes-file, not both"));
	if (cli.import.skip_bad)
		cli_usage_error(&cli, _("--skip-bad: a meeting and its suggestions are "
		    "written all together or not at all"));
	if (o.minutes_file != NULL) {
		if ((minutes = slurp(o.minutes_file)) == NULL) {
			cli_warn(&cli, "%s: %s", o.minutes_file, strerror(errno));
			return cli_finish(&cli, EXIT_NOINPUT);
		}
		o.meeting.minutes = minutes;
	}
	if (o.meeting.date == NULL)
		o.meeting.date = cli.today;
	/* suggestions only from --suggestion and files named: a meeting alone reads no input */
	o.issues.today = cli.today;
	cli.import.settings = &o.issues;
	cli.import.begin = begin;
	given[ISSUE_OWNER] = o.issues.defaults[ISSUE_OWNER];
	given[ISSUE_CATEGORY] = o.issues.defaults[ISSUE_CATEGORY];
	given[ISSUE_URGENCY] = o.issues.defaults[ISSUE_URGENCY];
	import.defaults = given;
	import.text_option = "suggestion";
	import.text_field = issue_fields[ISSUE_TITLE].name;
	import.texts = o.suggestions;
	import.ntexts = o.nsuggestions;
	status = cli_import(&cli, argc - first, argv + first, &import);
	issue_ids_free(&o.issues.added);
	free(o.suggestions);
	free(minutes);
	return status;
}
