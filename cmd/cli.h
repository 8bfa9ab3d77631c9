/* cli.h -- what every command shares with its user: options, messages, exit status */
#ifndef RENKE_CLI_H
#define RENKE_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "renke.h"
#include "buf.h"
#include "rejects.h"

/* Which of the common options a command takes, besides -d, --today, --by, -q, -h, -V. */
#define CLI_INPUT	0x1	/* --input-format, --encoding, --sheet, --header-row,
				   --list-sheets: reads records */
#define CLI_IMPORT	0x2	/* --skip-bad, --rejects, --dry-run, --upsert,
				   --set: writes them */
#define CLI_OUTPUT	0x4	/* -f, -o, --bom, --excel, --reveal, --labels, --codes:
				   writes records out */
#define CLI_MANY_STORES	0x8	/* -d may be given again: one store per township */
#define CLI_REASON	0x10	/* --reason: why records are corrected (audited) */
#define CLI_EDIT	0x20	/* --reason and --dry-run: an editing command
				   (cli_edit()), into import.reason, dry_run */

struct cli {
	const char *command;
	const char *usage;	/* the SYNOPSIS lines, printed by -h */
	unsigned takes;		/* CLI_* */

	const char *db;		/* the store (the last -d) */
	const char **dbs;	/* every -d, in order, or db when none (none with
				   CLI_MANY_STORES); freed by cli_finish() */
	size_t ndbs;
	enum output_format format;
	unsigned output_flags;	/* OUTPUT_BOM, OUTPUT_EXCEL */
	enum input_format input_format;
	enum encoding encoding;
	struct workbook_options workbook;	/* --sheet, --header-row; fields: the command's */
	int list_sheets;
	char today[11];
	const char *by;
	int quiet;
	int reveal;
	const char *output;	/* -o: standard output goes to this file, put in
				   place by cli_finish() when all went well */
	struct import_options import;
	const char *corrected_by;	/* cli_import's ci->corrected_by */
	const char *rejects;
	const char *sets[64];	/* every --set FIELD=VALUE, as given */
	size_t nsets;

	struct rejects *rejects_file;	/* written as problems come (cli_import) */

	/* the command's own options given, and their arguments */
	const struct option *own_options;
	struct { const char *name, *arg; } given[64];
	size_t ngiven;
	/* the record of the options (cli_option_record): its kind, its fields */
	const char *option_entity;
	const struct field_spec *option_fields;
	const char *const *option_values;
	size_t noption_fields;
	double progress_last;
	long progress_records;
};

/*
 * Fill options[0..n) with the long options names[k], each taking an
 * argument and returning first + k, and end the table after them:
 * options has room for n + 1.  For a command whose options are the
 * fields of one record.
 */
void cli_field_options(struct option *options, const char *const *names,
    size_t n, int first);

/* The one record that a command's field options give. */
struct cli_record_options {
	const char **value;	/* value[k] of field k (n of them); NULL: not given */
	size_t n;
	int first;		/* the option value of field 0 (cli_field_options()) */
	int given;		/* 1 once any field is given */
};

/* A cli_option_fn for field options: context is a struct cli_record_options. */
int cli_record_option(struct cli *cli, int opt, const char *arg,
    void *context);

/* Handles one of the command's own options; returns 0, or -1 for a usage error. */
typedef int cli_option_fn(struct cli *cli, int option, const char *arg,
    void *context);

/* Who acts when --by is not given: $RENKE_USER, else the login name. */
const char *cli_login_name(void);

/* Set up locale and message catalog and name the command; call first. */
void cli_start(struct cli *cli, const char *command, const char *usage,
    unsigned takes);

/*
 * The fields the command reads, of a record of entity (import_kind's):
 * a workbook's header row is found by them.
 */
void cli_fields(struct cli *cli, const char *entity,
    const struct field_spec *fields, size_t n);

/*
 * Parse argv: the common options here, the command's own (options,
 * shortopts) through handle.  Returns the index of the first operand.
 * Exits 64 with a message on a usage error, 0 after -h or -V.
 */
int cli_parse(struct cli *cli, int argc, char **argv,
    const struct option *options, const char *shortopts,
    cli_option_fn *handle, void *context);

/*
 * -o: send standard output to a new file beside cli->output, put in
 * place by cli_finish() when all went well, after checking that it is
 * none of the stores and none of the inputs argv[0..argc).  A usage
 * error or exit 73 when it cannot be.  Called by cli_parse().
 */
void cli_output_open(struct cli *cli, int argc, char **argv);

/*
 * -h: the synopsis, then a line for each of options (getopt's table of
 * the options the command takes, ended by a NULL name) in the user's
 * language, each said as the command's man page, else renke(7), says it.
 */
void cli_help(const struct cli *cli, const struct option *options);

/* "command: message" on standard error (unless the message is empty). */
void cli_warn(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A usage error: the message, a hint to -h, exit 64. */
_Noreturn void cli_usage_error(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * The width in columns of the terminal standard output is, for a table
 * to fit: $COLUMNS, else what the terminal says, else 80.  0 when
 * standard output is no terminal (a pipe, a file, -o), where a table is
 * as wide as it takes.
 */
size_t cli_terminal_width(const struct cli *cli);

/*
 * The code of arg, given to --option as a value of the vocabulary domain
 * (its code, a label or an alias: vocab_code()); a usage error listing
 * the values of domain when it is none of them.
 */
const char *cli_vocabulary(const struct cli *cli, const char *option,
    const char *domain, const char *arg);

/*
 * As cli_vocabulary(), the list leaving out the code except, a value the
 * command refuses later with its own reason (vocab_describe_except()).
 */
const char *cli_vocabulary_except(const struct cli *cli, const char *option,
    const char *domain, const char *except, const char *arg);

/* Print err and return its status. */
int cli_error(const struct cli *cli, const struct error *err);

/* A problem_fn: prints "command: file:line: field: message", keeps rejects. */
void cli_problem(void *cli, const struct problem *problem);

/* A progress_fn: rows and rate on standard error when it is a terminal. */
void cli_progress(void *cli, const struct reader *r, long records);

/* Open the store as the options say; NULL with a message printed and *status set. */
struct store *cli_store(struct cli *cli, enum store_mode mode, int *status);

/* Open the store at path (one of cli->dbs), as cli_store() does. */
struct store *cli_store_at(struct cli *cli, const char *path,
    enum store_mode mode, int *status);

/*
 * A village (and group, when not NULL) given on the command line must be
 * known in one of stores[0..n), or flags (PLACE_*) must say it may be
 * new: EXIT_OK, or the status of the message printed (EXIT_DATAERR
 * naming the nearest known names).  A NULL village is no place given.
 */
int cli_check_place(struct cli *cli, struct store *const *stores, size_t n,
    const char *village, const char *group, unsigned flags);

/*
 * Open every operand (none, or "-": standard input) as a reader; a
 * workbook's header is found from cli->workbook.fields, which the
 * command sets first, and said on standard error.  With --list-sheets,
 * list each workbook's sheets instead and exit.
 * Returns the array (NULL-terminated, *n readers), or NULL with a
 * message printed and *status set.
 */
struct reader **cli_readers(struct cli *cli, int argc, char **argv, size_t *n,
    int *status);

/*
 * A reader array holding the one record given by options, of a record
 * of entity (import_kind.entity): field fields[i].name = values[i]
 * (NULL: not given).  NULL with a message printed and *status set when
 * memory runs out.
 */
struct reader **cli_option_record(struct cli *cli, const char *entity,
    const struct field_spec *fields, const char *const *values, size_t n,
    int *status);

/* Close what cli_readers() or cli_option_record() opened. */
void cli_readers_close(struct reader **readers);

/* A writer on standard output in the chosen format; NULL with a message printed. */
struct writer *cli_writer(struct cli *cli, const struct column *columns,
    size_t ncolumns);

/*
 * Close w, a writer of cli_writer(), once the listing it wrote ended
 * with status: finished when status is EXIT_OK or EXIT_FOUND, given up
 * otherwise (writer_close() with no error: nothing more written, so a
 * command that failed before its first row writes nothing).  Returns
 * the status to go on with: status, or that of a failed write.
 */
int cli_writer_close(const struct cli *cli, struct writer *w, int status);

/*
 * Copy fp, a temporary file of output held back until the work was
 * done, from its start to standard output.  A reader that closed the
 * pipe ends it quietly.  Returns the status to go on with.
 */
int cli_copy_out(struct cli *cli, FILE *fp);

/*
 * After a listing that wrote rows rows: when it wrote none and a person
 * reads it (standard output a terminal, the format table or markdown),
 * say so on standard output in message ("no matching households"), so
 * that an empty answer is not mistaken for no answer.  CSV and JSON,
 * and anything not on a terminal, stay empty for scripts.
 */
void cli_say_none(const struct cli *cli, long rows, const char *message);

/*
 * 1 when headings and vocabulary values are shown in the user's
 * language: for people (table, markdown, html, xlsx, CSV with --excel)
 * or with --labels; 0 for programs (csv, json, jsonl) or with --codes.
 */
int cli_labels(const struct cli *cli);

/*
 * What an importing command gives cli_import(): the kind of its
 * records, the noun its closing line counts them by, and what it does
 * around the import.
 */
struct cli_import {
	const struct import_kind *kind;
	const char *noun;	/* plural, marked NC_("import noun", ...) */
	enum store_mode mode;	/* STORE_WRITE; STORE_READ: changes what exists */
	/* one record given by options: values[k] of fields[k], NULL: read files */
	const struct field_spec *fields;
	const char *const *values;
	size_t nfields;
	/*
	 * the values options gave fields of the kind (its specs), as
	 * defaults for records that lack them; NULL: none.  A record that
	 * overrides one is counted, and said after the closing line.
	 */
	const char *const *defaults;
	int no_stdin;		/* no operand reads nothing (rather than stdin) */
	/*
	 * records given one by one by a repeatable option (meeting-log
	 * --suggestion TEXT): each of texts[0..ntexts) is a record whose
	 * field text_field is that text, read before the operands' records
	 * and said to come from "--text_option TEXT"
	 */
	const char *text_option, *text_field;
	const char *const *texts;
	size_t ntexts;
	/*
	 * a kind whose stored records an import never updates: what
	 * corrects them instead (a msgid: N_()), said when --upsert is
	 * given (a usage error) and when records differ; NULL: --upsert
	 * updates them
	 */
	const char *corrected_by;
	/*
	 * Called with the store open, before the first record is read (may
	 * be NULL): returns EXIT_OK, or a status to stop with, its message
	 * printed.
	 */
	int (*prepare)(struct cli *cli, struct store *s, void *context);
	/*
	 * Called once the import has committed (or checked clean on a dry
	 * run), before the closing line (may be NULL): writes what the
	 * import made and notes of its own; returns a status as prepare().
	 */
	int (*done)(struct cli *cli, struct store *s,
	    const struct import_stats *stats, void *context);
	/*
	 * Called after the closing line, unless -q (may be NULL): the
	 * import's notes of its own on standard error.
	 */
	void (*notes)(struct cli *cli, void *context);
	void *context;		/* for prepare(), done() and notes() */
	/*
	 * a kind that may feed a child kind (import_kind.child, instead):
	 * the child's records, plural, marked NC_("import noun", ...), and
	 * its settings (import_options.child_settings); NULL: none
	 */
	const char *child_noun;
	void *child_settings;
};

/*
 * Run an importing command on its operands argv[0..argc): check the
 * rejects file's name, open the readers (or the record of the options)
 * and the store, import every record, keep the rejects safe before the
 * import commits and put them in place after, and say what was done in
 * the closing line every importing command shares.  Returns the status
 * to exit with (through cli_finish()).
 */
int cli_import(struct cli *cli, int argc, char **argv,
    const struct cli_import *ci);

/*
 * The whole of a command that imports steps (board-step, case-step,
 * misconduct-step, rule-step): one step given by options, the option
 * names[k] for field k of ci->fields (at most CLI_STEP_FIELDS), or steps
 * in the files argv names; the date it is and who acts given to the
 * import as a struct step_settings, whose touched (the ids the import
 * moved) is ci->context when ci->done writes them.  check, when not
 * NULL, says what is missing from the options given, a msgid (N_()), or
 * NULL.  Returns the status to exit with.
 */
#define CLI_STEP_FIELDS 32
int cli_import_steps(int argc, char **argv, const char *command,
    const char *usage, unsigned takes, const char *const *names,
    struct cli_import *ci, const char *(*check)(const char *const *value));

/*
 * The line every import ends with (and the notes that go with it): how
 * many records of noun (marked NC_("import noun", ...)) were read, and
 * what was done with them; where the bad ones went.
 */
void cli_closing_line(const struct cli *cli, const char *noun,
    const struct import_stats *stats);

/*
 * The closing line of an import whose records fed a child kind too
 * (stats->with_child): the rows read, what was done with the records of
 * each kind, the rows refused by either; and the notes that go with it.
 */
void cli_closing_line_rows(const struct cli *cli, const char *noun,
    const struct import_stats *stats, const char *child_noun,
    const struct import_stats *child);

/*
 * After the closing line of an import of people: the member counts
 * set from a roster, and the households whose people registered are
 * not their count (struct member_settings, filled by the import).
 */
void cli_member_counts(const struct cli *cli, const struct member_settings *st);

/*
 * A done() for cli_import(): the issues of context (a struct issue_ids
 * the import filled) as they now are, on standard output; nothing on a
 * dry run.  Returns a status.
 */
int cli_write_issues(struct cli *cli, struct store *s,
    const struct import_stats *stats, void *context);

/* An action of an editing command: its word, its code, how many operands it takes. */
struct cli_action {
	const char *word;
	int action;
	int operands;
	const char *operands_wrong;	/* the message (msgid) when they are not so many */
	int optional;	/* operands it may take besides */
};

/*
 * A change to the county's settings (county-set, case-open --limit)
 * needs a --reason that is not blank (trimmed in place): a usage error
 * saying so otherwise.
 */
void cli_county_reason(struct cli *cli);

/*
 * The action argv[0] names among actions[0..n), with as many operands
 * as it takes (and up to optional more), none blank (each trimmed in place), and a --reason that
 * is not blank: its index.  Otherwise a usage error; expected lists the
 * actions in the user's language.
 */
int cli_action(struct cli *cli, int argc, char **argv,
    const struct cli_action *actions, size_t n, const char *expected,
    const char *reason);

/*
 * An editing command (household-edit, place-edit, visit-edit,
 * meeting-edit): its own options besides --reason and --dry-run, the
 * actions it takes, and what it does with the one chosen.
 */
struct cli_edit {
	const char *command;
	const char *usage;	/* the SYNOPSIS lines, printed by -h */
	const struct option *options;	/* its own, or NULL */
	cli_option_fn *option;	/* handles them (may be NULL with none) */
	const struct cli_action *actions;
	size_t nactions;
	const char *expected;	/* the actions, listed (a msgid: N_()) */
	/*
	 * The action chosen, with its operands (argv[0] is its word),
	 * --reason and --dry-run in cli->import: check them and fill the
	 * request, context.  A usage error exits.
	 */
	void (*chosen)(struct cli *cli, const struct cli_action *action,
	    char **argv, void *context);
	/* The change in s: 0, or -1 with err set. */
	int (*edit)(struct store *s, void *context, struct error *err);
	/* What was done, on standard error (through cli_say_done()). */
	void (*done)(const struct cli *cli, void *context);
};

/*
 * Run the editing command ce on argv with its request context: parse
 * the options, choose the action (cli_action()), open the store, make
 * the change and say what was done.  Returns the status to exit with
 * (through cli_finish()).
 */
int cli_edit(int argc, char **argv, const struct cli_edit *ce, void *context);

/*
 * What an editing command did, a sentence printf'd from fmt, on standard
 * error unless -q; "dry run, nothing written: " before it on a dry run.
 */
void cli_say_done(const struct cli *cli, int dry_run, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * A done() for cli_import(): the cases of context (a struct issue_ids
 * of case ids the import filled) as they now are, on standard output;
 * nothing on a dry run.  Returns a status.
 */
int cli_write_cases(struct cli *cli, struct store *s,
    const struct import_stats *stats, void *context);

/* The same for the rule sets of context (rule set ids). */
int cli_write_rules(struct cli *cli, struct store *s,
    const struct import_stats *stats, void *context);

/*
 * End the command: flush the rejects file and standard output; a
 * failed write turns status into 74.  Returns the status to exit with.
 */
int cli_finish(struct cli *cli, int status);

#endif
