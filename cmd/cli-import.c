/* cli-import.c -- the one front end of every command that imports records */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "headings.h"

/* The rejects file and the inputs whose encoding it takes. */
struct rejects_inputs {
	struct rejects *rejects;
	struct reader **readers;
	size_t n;
};

/* import_options.before_commit: the rejected records on disk first */
static int
sync_rejects(void *context, struct error *err)
{
	struct rejects_inputs *ri = context;

	for (size_t i = 0; i < ri->n; i++) {
		int bom;
		enum encoding encoding = reader_encoding(ri->readers[i], &bom);

		if (encoding != ENCODING_AUTO || bom) {
			rejects_settle(ri->rejects, encoding, bom);
			break;
		}
	}
	return rejects_sync(ri->rejects, err);
}

/* The places an import made, named in its closing line. */
struct new_places {
	struct buf villages, groups;
	long n;
};

/* import_options.ending: the places the import made, while they are there to read */
static int
read_new_places(struct store *s, void *context, struct error *err)
{
	struct new_places *np = context;

	return (np->n = place_news(s, _(", "), 10, &np->villages, &np->groups,
	    err)) < 0 ? -1 : 0;
}

/* The closing line's second line: the villages and groups made. */
static void
say_new_places(const struct cli *cli, const struct new_places *np)
{
	if (np->villages.len > 0 && np->groups.len > 0)
		cli_warn(cli, _("new villages: %s; new villager groups: %s"),
		    np->villages.data, np->groups.data);
	else if (np->villages.len > 0)
		cli_warn(cli, _("new villages: %s"), np->villages.data);
	else if (np->groups.len > 0)
		cli_warn(cli, _("new villager groups: %s"), np->groups.data);
}

/*
 * The field of the kind's specs each --set FIELD=VALUE gives, into
 * field[i]; a field not of the kind, or set twice, is a usage error
 * naming the fields (before anything is allocated).
 */
static void
resolve_sets(struct cli *cli, const struct import_kind *kind, int *field)
{
	for (size_t i = 0; i < cli->nsets; i++) {
		const char *eq = strchr(cli->sets[i], '=');
		char name[128];
		int k;

		snprintf(name, sizeof(name), "%.*s", (int)(eq - cli->sets[i]),
		    cli->sets[i]);
		if ((k = field_lookup(kind->entity, kind->specs, kind->nspecs,
		    name)) < 0) {
			char names[2048];
			size_t used = 0;

			names[0] = '\0';
			for (size_t j = 0; j < kind->nspecs && used < sizeof(names); j++)
				used += (size_t)snprintf(names + used, sizeof(names) - used,
				    "%s%s", j > 0 ? ", " : "", kind->specs[j].name);
			cli_usage_error(cli, _("--set: no field \"%s\"; the fields are: "
			    "%s"), name, names);
		}
		for (size_t j = 0; j < i; j++)
			if (field[j] == k)
				cli_usage_error(cli, _("--set: %s is set twice"),
				    kind->specs[k].name);
		field[i] = k;
	}
}

/* After the closing line: each default of the options that records overrode. */
static void
say_overridden(const struct cli *cli, const struct import_kind *kind,
    const char *const *defaults, const long *overridden, long records)
{
	for (size_t k = 0; k < kind->nspecs; k++)
		if (overridden[k] > 0)
			cli_warn(cli, _("%s from the records in %ld of %ld; --set %s=%s "
			    "to override"), field_word(kind->entity, kind->specs[k].name),
			    overridden[k], records,
			    kind->specs[k].name, defaults[k]);
}

/*
 * Put before the n readers of *readers one reader for each text of ci
 * (cli_import.texts), each a record of the one field ci->text_field.
 * Returns 0, or -1 with a message printed and *status set.
 */
static int
add_text_readers(struct cli *cli, const struct cli_import *ci,
    struct reader ***readers, size_t *n, int *status)
{
	struct reader **all = calloc(*n + ci->ntexts + 1, sizeof(*all));
	struct error err = { 0 };

	if (all == NULL) {
		cli_warn(cli, "%s", _("out of memory"));
		*status = EXIT_SOFTWARE;
		return -1;
	}
	memcpy(all + ci->ntexts, *readers, *n * sizeof(*all));
	free(*readers);
	*readers = all;
	*n += ci->ntexts;
	for (size_t i = 0; i < ci->ntexts; i++) {
		char masked[1024], file[1200];

		text_mask_personal(ci->texts[i], masked, sizeof(masked));
		snprintf(file, sizeof(file), "--%s %s", ci->text_option, masked);
		if ((all[i] = reader_open_record(file, &ci->text_field,
		    &ci->texts[i], 1, &err)) == NULL) {
			/* the readers not opened are NULL: close those after them */
			for (size_t j = i + 1; j < *n; j++)
				reader_close(all[j]);
			all[i] = NULL;
			*status = cli_error(cli, &err);
			return -1;
		}
	}
	return 0;
}

/* The readers of the operands, or of the record the options give. */
static struct reader **
open_readers(struct cli *cli, int argc, char **argv,
    const struct cli_import *ci, size_t *n, int *status)
{
	struct reader **readers;

	*n = 0;
	if (ci->values != NULL) {
		*n = 1;
		return cli_option_record(cli, ci->kind->entity, ci->fields,
		    ci->values, ci->nfields, status);
	}
	if (argc == 0 && (ci->no_stdin || ci->ntexts > 0)) {
		if ((readers = calloc(1, sizeof(*readers))) == NULL) {
			cli_warn(cli, _("out of memory"));
			*status = EXIT_SOFTWARE;
		}
	} else {
		/* a workbook's header is found by the columns the kind reads */
		cli_fields(cli, ci->kind->entity, ci->kind->specs,
		    ci->kind->nspecs);
		readers = cli_readers(cli, argc, argv, n, status);
	}
	if (readers != NULL && ci->ntexts > 0 &&
	    add_text_readers(cli, ci, &readers, n, status) != 0) {
		cli_readers_close(readers);
		return NULL;
	}
	return readers;
}

/* The noun of the closing line in the user's language (NC_("import noun", ...)). */
static const char *
noun_text(const char *noun)
{
	return text_in_context("import noun", noun);
}

/* After a closing line: differ records of noun left as they are, and what corrects them. */
static void
say_differ(const struct cli *cli, const char *noun, long differ)
{
	if (differ > 0 && cli->corrected_by != NULL)
		cli_warn(cli, _("%ld %s differ from the store and were left as they "
		    "are; %s"), differ, noun, _(cli->corrected_by));
	else if (differ > 0 && !cli->import.upsert)
		cli_warn(cli, _("%ld %s differ from the store and were left as they "
		    "are; --upsert --reason WHY updates them"), differ, noun);
}

/* After a closing line: where the bad records went. */
static void
say_rejects(const struct cli *cli, long bad)
{
	if (bad > 0 && cli->rejects != NULL && !cli->import.dry_run)
		cli_warn(cli, _("bad records are in %s"), cli->rejects);
}

void
cli_closing_line(const struct cli *cli, const char *noun_code,
    const struct import_stats *st)
{
	const char *noun = noun_text(noun_code);

	if (st->noted > 0)	/* findings noted on the issues open for them */
		cli_warn(cli, cli->import.dry_run ?
		    _("dry run, nothing written: %ld %s read: would add %ld, would "
		    "update %ld, unchanged %ld, differ %ld, bad %ld, would note %ld") :
		    _("%ld %s read: added %ld, updated %ld, unchanged %ld, differ %ld, "
		    "bad %ld, noted %ld"),
		    st->records, noun, st->added, st->updated, st->unchanged,
		    st->differ, st->bad, st->noted);
	else
		cli_warn(cli, cli->import.dry_run ?
		    _("dry run, nothing written: %ld %s read: would add %ld, would "
		    "update %ld, unchanged %ld, differ %ld, bad %ld") :
		    _("%ld %s read: added %ld, updated %ld, unchanged %ld, differ %ld, "
		    "bad %ld"),
		    st->records, noun, st->added, st->updated, st->unchanged,
		    st->differ, st->bad);
	if (st->repeats > 0)
		cli_warn(cli, cli->import.dry_run ? _("of them, %ld would repeat an "
		    "issue closed before") : _("of them, %ld repeat an "
		    "issue closed before"), st->repeats);
	say_differ(cli, noun, st->differ);
	say_rejects(cli, st->bad);
}

void
cli_closing_line_rows(const struct cli *cli, const char *noun_code,
    const struct import_stats *st, const char *child_noun_code,
    const struct import_stats *child)
{
	const char *noun = noun_text(noun_code), *child_noun =
	    noun_text(child_noun_code);
	long bad = st->bad + child->bad;

	cli_warn(cli, cli->import.dry_run ?
	    _("dry run, nothing written: %ld rows read: %s would add %ld, would "
	    "update %ld, unchanged %ld, differ %ld; %s would add %ld, would "
	    "update %ld, unchanged %ld, differ %ld; bad %ld") :
	    _("%ld rows read: %s added %ld, updated %ld, unchanged %ld, differ "
	    "%ld; %s added %ld, updated %ld, unchanged %ld, differ %ld; bad %ld"),
	    st->records, noun, st->added, st->updated, st->unchanged, st->differ,
	    child_noun, child->added, child->updated, child->unchanged,
	    child->differ, bad);
	say_differ(cli, noun, st->differ);
	say_differ(cli, child_noun, child->differ);
	say_rejects(cli, bad);
}

/*
 * The households of counts, the first few, each with its count and the
 * other number (set 1: as set; 0: people registered; 2: the count alone).
 */
static const char *
count_households(struct buf *b, const struct member_counts *counts, int set)
{
	char item[160];

	buf_reset(b);
	for (long i = 0; i < counts->n && i < MEMBER_COUNTS_NAMED; i++) {
		const struct member_count *c = &counts->first[i];

		if (set == 2)
			snprintf(item, sizeof(item), "%s %d", c->household_id,
			    c->members);
		else if (set && c->members == 0)
			snprintf(item, sizeof(item), _("%s none → %d"),
			    c->household_id, c->people);
		else
			snprintf(item, sizeof(item), set ? _("%s %d → %d") :
			    _("%s %d (%d registered)"), c->household_id, c->members,
			    c->people);
		if (i > 0)
			buf_puts(b, _(", "));
		buf_puts(b, item);
	}
	if (counts->n > MEMBER_COUNTS_NAMED)
		buf_puts(b, _(", …"));
	return b->len > 0 ? b->data : "";
}

void
cli_member_counts(const struct cli *cli, const struct member_settings *st)
{
	struct buf b = { 0 };

	if (st->set.n > 0)
		cli_warn(cli, cli->import.dry_run ? _("member counts the roster "
		    "would set: %ld households: %s") : _("member counts set from "
		    "the roster: %ld households: %s"), st->set.n,
		    count_households(&b, &st->set, 1));
	if (st->kept.n > 0)
		cli_warn(cli, _("member counts kept, a row of theirs being bad: "
		    "%ld households: %s"), st->kept.n,
		    count_households(&b, &st->kept, 2));
	if (st->differ.n > 0)
		cli_warn(cli, _("%ld households have another number of people "
		    "registered than their member count: %s"), st->differ.n,
		    count_households(&b, &st->differ, 0));
	if (st->differ.n > 0 && !st->roster)
		cli_warn(cli, "%s", _("their counts are left as they are; --roster "
		    "sets each household's count when the input is its whole "
		    "roster"));
	buf_free(&b);
}

/*
 * The records of ids as they now are, each written by write_one in
 * columns, on standard output; nothing on a dry run.  Returns a status.
 */
static int
write_ids(struct cli *cli, struct store *s, const struct issue_ids *ids,
    const struct column *columns, size_t ncolumns,
    int (*write_one)(struct store *, long long, struct writer *, int,
    struct error *))
{
	struct writer *w;
	struct error err = { 0 };
	int status = EXIT_OK;

	/* only once they are in the store for good */
	if (cli->import.dry_run || ids->len == 0)
		return EXIT_OK;
	if ((w = cli_writer(cli, columns, ncolumns)) == NULL)
		return EXIT_SOFTWARE;
	for (size_t i = 0; i < ids->len && status == EXIT_OK; i++)
		if (write_one(s, ids->ids[i], w, cli_labels(cli), &err) != 0)
			status = cli_error(cli, &err);
	status = cli_writer_close(cli, w, status);
	return status;
}

int
cli_write_issues(struct cli *cli, struct store *s,
    const struct import_stats *stats, void *context)
{
	return write_ids(cli, s, context, issue_out_columns, ISSUE_OUT_NCOLUMNS,
	    issue_write);
}

int
cli_write_cases(struct cli *cli, struct store *s,
    const struct import_stats *stats, void *context)
{
	return write_ids(cli, s, context, case_out_columns, CASE_OUT_NCOLUMNS,
	    case_write);
}

int
cli_write_rules(struct cli *cli, struct store *s,
    const struct import_stats *stats, void *context)
{
	return write_ids(cli, s, context, rule_out_columns, RULE_OUT_NCOLUMNS,
	    rule_write);
}

int
cli_import_steps(int argc, char **argv, const char *command,
    const char *usage, unsigned takes, const char *const *names,
    struct cli_import *ci, const char *(*check)(const char *const *value))
{
	enum { OPT_FIELD = 3000 };
	struct cli cli;
	const char *value[CLI_STEP_FIELDS] = { 0 }, *missing;
	struct cli_record_options o = { value, ci->nfields, OPT_FIELD, 0 };
	struct step_settings settings = { 0 };
	struct option options[CLI_STEP_FIELDS + 1];
	int first, status;

	/* more fields than the arrays hold is a mistake in the command */
	if (ci->nfields > CLI_STEP_FIELDS)
		abort();
	cli_field_options(options, names, ci->nfields, OPT_FIELD);
	cli_start(&cli, command, usage, takes);
	first = cli_parse(&cli, argc, argv, options, "", cli_record_option, &o);
	if (o.given && argc > first)
		cli_usage_error(&cli, _("give one step by options or steps in files, "
		    "not both"));
	if (o.given && check != NULL && (missing = check(value)) != NULL)
		cli_usage_error(&cli, "%s", _(missing));
	if (o.given)
		ci->values = value;
	if (ci->done != NULL)
		ci->context = &settings.touched;
	settings.today = cli.today;
	settings.who = cli.by;
	cli.import.settings = &settings;
	status = cli_import(&cli, argc - first, argv + first, ci);
	issue_ids_free(&settings.touched);
	return status;
}

int
cli_import(struct cli *cli, int argc, char **argv, const struct cli_import *ci)
{
	static char dash[] = "-";
	char *standard_input[] = { dash };
	struct store *store = NULL;
	struct reader **readers = NULL;
	struct import_stats stats, child_stats;
	struct new_places places = { 0 };
	struct rejects_inputs rejects_inputs = { 0 };
	const char **set = NULL, *reason;
	long *overridden = NULL;
	int field[sizeof(cli->sets) / sizeof(cli->sets[0])];
	struct error err = { 0 };
	size_t nreaders = 0;
	int status = EXIT_OK;

	if ((cli->corrected_by = ci->corrected_by) != NULL && cli->import.upsert)
		cli_usage_error(cli, _("--upsert: not an option here; %s"),
		    _(ci->corrected_by));
	if (cli->import.reason != NULL && !cli->import.upsert)
		cli_usage_error(cli, _("--reason goes with --upsert: it says why "
		    "records are corrected"));
	if ((reason = cli->import.reason) != NULL &&
	    text_trim_span(&reason, strlen(reason)) == 0)
		cli_usage_error(cli, _("--reason: say why; it is kept in the "
		    "audit log"));
	/* nothing is touched before the rejects file's name is known to be safe */
	if (cli->rejects != NULL && rejects_check_path(cli->rejects, cli->db,
	    argc > 0 ? argv : standard_input, ci->values != NULL ? 0 :
	    argc > 0 ? (size_t)argc : 1, &err) != 0)
		cli_usage_error(cli, "%s", err.text);
	resolve_sets(cli, ci->kind, field);
	/* (--list-sheets lists and exits here) */
	if ((readers = open_readers(cli, argc, argv, ci, &nreaders,
	    &status)) == NULL)
		goto out;
	if ((set = calloc(ci->kind->nspecs, sizeof(*set))) == NULL ||
	    (overridden = calloc(ci->kind->nspecs, sizeof(*overridden))) == NULL) {
		cli_warn(cli, "%s", _("out of memory"));
		status = EXIT_SOFTWARE;
		goto out;
	}
	for (size_t i = 0; i < cli->nsets; i++)
		set[field[i]] = strchr(cli->sets[i], '=') + 1;
	if (cli->nsets > 0)
		cli->import.set = set;
	if (ci->defaults != NULL && ci->values == NULL) {
		cli->import.defaults = ci->defaults;
		cli->import.overridden = overridden;
	}
	if ((store = cli_store(cli, ci->mode, &status)) == NULL)
		goto out;
	if (ci->prepare != NULL &&
	    (status = ci->prepare(cli, store, ci->context)) != EXIT_OK)
		goto out;
	if (cli->rejects != NULL && !cli->import.dry_run) {
		if ((cli->rejects_file = rejects_create(cli->rejects, &err)) == NULL) {
			status = cli_error(cli, &err);
			goto out;
		}
		rejects_inputs.rejects = cli->rejects_file;
		rejects_inputs.readers = readers;
		rejects_inputs.n = nreaders;
		cli->import.before_commit = sync_rejects;
		cli->import.commit_context = &rejects_inputs;
	}
	cli->import.ending = read_new_places;
	cli->import.ending_context = &places;
	if (ci->child_noun != NULL) {
		cli->import.child_settings = ci->child_settings;
		cli->import.child_stats = &child_stats;
	}
	if (import_run(store, readers, nreaders, ci->kind, &cli->import,
	    cli_problem, cli, cli_progress, cli, &stats, &err) != 0) {
		status = cli_error(cli, &err);
		goto out;
	}
	if (cli->rejects_file != NULL &&
	    rejects_commit(cli->rejects_file, &err) != 0)
		status = cli_error(cli, &err);
	if (ci->done != NULL && status == EXIT_OK)
		status = ci->done(cli, store, &stats, ci->context);
	/* committed: say what is in the store now, whatever failed after */
	if (!cli->quiet && (nreaders > 0 || ci->values != NULL)) {
		if (stats.with_child)
			cli_closing_line_rows(cli, ci->noun, &stats, ci->child_noun,
			    &child_stats);
		else
			cli_closing_line(cli, ci->noun, &stats);
		say_new_places(cli, &places);
		if (cli->import.defaults != NULL)
			say_overridden(cli, ci->kind, ci->defaults, overridden,
			    stats.records);
		if (ci->notes != NULL && status == EXIT_OK)
			ci->notes(cli, ci->context);
	}
out:
	free(set);
	free(overridden);
	buf_free(&places.villages);
	buf_free(&places.groups);
	store_close(store);
	cli_readers_close(readers);
	return cli_finish(cli, status);
}
