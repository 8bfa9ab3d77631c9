/* cli.c -- what every command shares with its user: starting, messages, the store, output, exit status (options: cli-options.c) */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include "cli.h"
#include "headings.h"
#include "outfile.h"
#include "tempfiles.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* standard output's reader closed the pipe (| head): stop quietly */
static int reader_gone;

/*
 * What a command writes, as the title of a workbook's sheet (a report
 * sets its own): in the user's language, else the command's name.
 */
static const char *
command_title(const char *command)
{
	static const struct {
		const char *command, *title;
	} titles[] = {
		{ "household-list", N_("Households") },
		{ "visit-log", N_("Visits") },
		{ "deadline-check", N_("Due and overdue") },
		{ "issue-add", N_("Issue ledger") },
		{ "issue-update", N_("Issue ledger") },
		{ "meeting-log", N_("Meetings") },
		{ "survey-tally", N_("Survey tally") },
		{ "case-open", N_("Monitoring cases") },
		{ "case-step", N_("Monitoring cases") },
		{ "report-gen", N_("Report") },
	};

	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (strcmp(command, titles[i].command) == 0)
			return _(titles[i].title);
	return command;
}

/* A signal that ends the command: its files half made go first, then it ends as the signal would. */
static void
end_on_signal(int sig)
{
	tempfiles_remove_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT remove the files the command has
 * half made; a signal ignored when the command started (nohup, a
 * background job) stays ignored.
 */
static void
remove_files_on_signals(void)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = end_on_signal;
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(signals[i], &sa, NULL);
}

/*
 * The message catalogs of the command as installed: LOCALEDIR_FROM_BIN
 * from the directory the running program is in, so that a tree installed
 * under another PREFIX than the one built for (or moved, or unpacked
 * under DESTDIR) finds its own; LOCALEDIR when there is none there.
 */
static const char *
installed_catalogs(char *out, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	struct stat st;

	if (n <= 0)
		return LOCALEDIR;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return LOCALEDIR;
	*slash = '\0';
	if ((size_t)snprintf(out, size, "%s/%s", exe, LOCALEDIR_FROM_BIN) >= size ||
	    stat(out, &st) != 0 || !S_ISDIR(st.st_mode))
		return LOCALEDIR;
	return out;
}

void
cli_start(struct cli *cli, const char *command, const char *usage,
    unsigned takes)
{
	const char *dir = getenv("RENKE_LOCALEDIR");
	static char catalogs[PATH_MAX];

	memset(cli, 0, sizeof(*cli));
	cli->command = command;
	cli->usage = usage;
	cli->takes = takes;
	setlocale(LC_ALL, "");
	/* a reader that stops early (| head) ends the output, not the command */
	signal(SIGPIPE, SIG_IGN);
	/* a file-size limit is a write error to report, not a reason to die */
	signal(SIGXFSZ, SIG_IGN);
	remove_files_on_signals();
	bindtextdomain("renke", dir != NULL && *dir != '\0' ? dir :
	    installed_catalogs(catalogs, sizeof(catalogs)));
	bind_textdomain_codeset("renke", "UTF-8");
	output_title(command_title(command));
}

void
cli_fields(struct cli *cli, const char *entity,
    const struct field_spec *fields, size_t n)
{
	cli->workbook.entity = entity;
	cli->workbook.fields = fields;
	cli->workbook.nfields = n;
}

/* "command: message" on standard error, any ID or phone number in it masked. */
static void
say(const struct cli *cli, const char *fmt, va_list ap)
{
	char text[8192], masked[8192];

	vsnprintf(text, sizeof(text), fmt, ap);
	fprintf(stderr, "%s: %s\n", cli->command,
	    text_mask_personal(text, masked, sizeof(masked)));
}

void
cli_warn(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(cli, fmt, ap);
	va_end(ap);
}

void
cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(cli, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Try '%s -h' for more information.\n"), cli->command);
	exit(EXIT_USAGE);
}

size_t
cli_terminal_width(const struct cli *cli)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");
	long n;

	if (cli->output != NULL || !isatty(STDOUT_FILENO))
		return 0;
	if (columns != NULL && number_parse(columns, 1, 100000, &n) == 0)
		return (size_t)n;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

const char *
cli_vocabulary(const struct cli *cli, const char *option, const char *domain,
    const char *arg)
{
	return cli_vocabulary_except(cli, option, domain, NULL, arg);
}

const char *
cli_vocabulary_except(const struct cli *cli, const char *option,
    const char *domain, const char *except, const char *arg)
{
	const char *code = vocab_code(domain, arg);
	char expected[2048];

	if (code == NULL)
		cli_usage_error(cli, _("--%s: unknown value \"%s\"; expected one of: %s"),
		    option, arg, vocab_describe_except(domain, except, expected,
		    sizeof(expected)));
	return code;
}

int
cli_error(const struct cli *cli, const struct error *err)
{
	if (err->status == EXIT_OK && err->text[0] == '\0') {
		reader_gone = 1;	/* the reader closed the pipe: done */
		return EXIT_OK;
	}
	cli_warn(cli, "%s", err->text);
	return err->status != 0 ? err->status : EXIT_SOFTWARE;
}

const char *
cli_login_name(void)
{
	const char *u = getenv("RENKE_USER");
	struct passwd *pw;

	if (u != NULL && *u != '\0')
		return u;
	if ((pw = getpwuid(getuid())) != NULL)
		return pw->pw_name;
	u = getenv("LOGNAME");
	return u != NULL ? u : "unknown";
}

/* -o: standard output goes to a file beside its target until cli_finish() */
static struct outfile *output_file;

/* Remove the output file if it was not put in place (at exit too). */
static void
output_discard(void)
{
	outfile_discard(output_file);
	output_file = NULL;
}

void
cli_output_open(struct cli *cli, int argc, char **argv)
{
	struct error err = { 0 };
	int inputs = cli->takes & CLI_INPUT ? argc : 0;

	for (size_t i = 0; i <= cli->ndbs; i++) {
		const char *store = i < cli->ndbs ? cli->dbs[i] : cli->db;

		switch (outfile_clash(cli->output, store, argv, (size_t)inputs)) {
		case OUTFILE_DIRECTORY:
			cli_usage_error(cli, _("-o: %s is a directory"), cli->output);
		case OUTFILE_STORE:
			cli_usage_error(cli, _("-o: %s is the store; name a new "
			    "file for the output"), cli->output);
		case OUTFILE_INPUT:
			cli_usage_error(cli, _("-o: %s is an input; name a new "
			    "file for the output"), cli->output);
		case OUTFILE_FREE:
			break;
		}
	}
	if ((output_file = outfile_create(cli->output, &err)) == NULL)
		exit(cli_error(cli, &err));
	atexit(output_discard);
	if (fflush(stdout) != 0 ||
	    dup2(fileno(outfile_fp(output_file)), STDOUT_FILENO) < 0) {
		cli_warn(cli, "%s: %s", cli->output, strerror(errno));
		exit(EXIT_CANTCREAT);
	}
}

struct store *
cli_store_at(struct cli *cli, const char *path, enum store_mode mode,
    int *status)
{
	struct error err = { 0 };
	struct store *s = store_open(path, mode, cli->command, cli->by, &err);

	if (s == NULL)
		*status = cli_error(cli, &err);
	return s;
}

struct store *
cli_store(struct cli *cli, enum store_mode mode, int *status)
{
	return cli_store_at(cli, cli->db, mode, status);
}

int
cli_check_place(struct cli *cli, struct store *const *stores, size_t n,
    const char *village, const char *group, unsigned flags)
{
	struct error err = { 0 }, first = { 0 };

	if (village == NULL)
		return EXIT_OK;
	/* known in one of the stores is known */
	for (size_t i = 0; i < n; i++) {
		if (place_check(stores[i], village, group, flags, &err) == 0)
			return EXIT_OK;
		if (err.status != EXIT_DATAERR)
			return cli_error(cli, &err);
		if (i == 0)
			first = err;
	}
	return cli_error(cli, &first);
}

struct writer *
cli_writer(struct cli *cli, const struct column *columns, size_t ncolumns)
{
	struct error err = { 0 };
	struct writer *w = writer_open(stdout, cli->format, columns, ncolumns,
	    cli->output_flags, &err);

	if (w == NULL)
		cli_error(cli, &err);
	return w;
}

int
cli_writer_close(const struct cli *cli, struct writer *w, int status)
{
	struct error err = { 0 };

	if (status != EXIT_OK && status != EXIT_FOUND) {
		writer_close(w, NULL);
		return status;
	}
	if (writer_close(w, &err) != 0) {
		int st = cli_error(cli, &err);

		/* the reader closed the pipe: the status stands */
		if (st != EXIT_OK)
			return st;
	}
	return status;
}

int
cli_copy_out(struct cli *cli, FILE *fp)
{
	char chunk[65536];
	size_t n;

	rewind(fp);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (fwrite(chunk, 1, n, stdout) != n) {
			struct error gone = { EXIT_OK, "" };

			/* the reader closed the pipe (| head): done, as cli_error() knows */
			if (errno == EPIPE)
				return cli_error(cli, &gone);
			cli_warn(cli, _("write error: %s"), strerror(errno));
			return EXIT_IOERR;
		}
	if (ferror(fp)) {
		cli_warn(cli, _("temporary file: %s"), strerror(errno));
		return EXIT_IOERR;
	}
	return EXIT_OK;
}

int
cli_labels(const struct cli *cli)
{
	return (cli->output_flags & OUTPUT_LABELS) != 0;
}

void
cli_say_none(const struct cli *cli, long rows, const char *message)
{
	/* as ls -l says "total 0": the answer, for the person reading it */
	if (rows == 0 && (cli->format == FORMAT_TABLE ||
	    cli->format == FORMAT_MARKDOWN) && isatty(STDOUT_FILENO))
		printf("%s\n", message);
}

int
cli_finish(struct cli *cli, int status)
{
	int failed, saved, gone;

	if (cli->progress_records > 0)
		fputs("\r\033[K", stderr);
	rejects_discard(cli->rejects_file);
	cli->rejects_file = NULL;
	free(cli->dbs);
	cli->dbs = NULL;
	cli->ndbs = 0;
	errno = 0;
	failed = fflush(stdout) != 0 || ferror(stdout);
	saved = errno;
	/* a reader that closed the pipe (| head) is the end of output, not an error */
	gone = saved == EPIPE || reader_gone || output_reader_gone() ||
	    output_pipe_closed(stdout);
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	/* a write error already reported leaves status at 74 */
	if (failed && !gone && status != EXIT_IOERR) {
		cli_warn(cli, _("write error: %s"), strerror(saved != 0 ? saved : EIO));
		if (status == EXIT_OK || status == EXIT_FOUND)
			status = EXIT_IOERR;
	}
	/* -o: put in place once the work is done and written, else removed */
	if (output_file != NULL && (status == EXIT_OK || status == EXIT_FOUND)) {
		if (outfile_sync(output_file) != 0 || outfile_commit(output_file) != 0) {
			if (outfile_temp(output_file) != NULL)
				cli_warn(cli, _("%s: %s; the output is in %s"),
				    cli->output, strerror(errno),
				    outfile_temp(output_file));
			else
				cli_warn(cli, "%s: %s", cli->output, strerror(errno));
			status = EXIT_IOERR;
		}
	}
	output_discard();
	return status;
}

void
cli_field_options(struct option *options, const char *const *names, size_t n,
    int first)
{
	for (size_t k = 0; k < n; k++)
		options[k] = (struct option){ names[k], required_argument, NULL,
		    first + (int)k };
	options[n] = (struct option){ NULL, 0, NULL, 0 };
}

int
cli_record_option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct cli_record_options *o = context;

	(void)cli;
	if (opt < o->first || opt >= o->first + (int)o->n)
		return -1;
	o->value[opt - o->first] = arg;
	o->given = 1;
	return 0;
}

void
cli_county_reason(struct cli *cli)
{
	if (cli->import.reason == NULL ||
	    (cli->import.reason = text_trim((char *)cli->import.reason))[0] == '\0')
		cli_usage_error(cli, _("--reason: say why the county changed it "
		    "(its document); it is kept in the audit log"));
}

int
cli_action(struct cli *cli, int argc, char **argv,
    const struct cli_action *actions, size_t n, const char *expected,
    const char *reason)
{
	const char *r = reason;

	if (argc < 1)
		cli_usage_error(cli, _("what to do? %s"), expected);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(argv[0], actions[i].word) != 0)
			continue;
		if (argc < actions[i].operands + 1 ||
		    argc > actions[i].operands + actions[i].optional + 1)
			cli_usage_error(cli, "%s", _(actions[i].operands_wrong));
		if (r == NULL || text_trim_span(&r, strlen(r)) == 0)
			cli_usage_error(cli, _("--reason: say why; it is kept in the "
			    "audit log"));
		for (int k = 1; k < argc; k++)
			if ((argv[k] = text_trim(argv[k]))[0] == '\0')
				cli_usage_error(cli, "%s", _("a name or number may not be "
				    "blank"));
		return (int)i;
	}
	cli_usage_error(cli, _("unknown action \"%s\"; expected %s"), argv[0],
	    expected);
}

int
cli_edit(int argc, char **argv, const struct cli_edit *ce, void *context)
{
	struct cli cli;
	struct store *store = NULL;
	struct error err = { 0 };
	int first, status = EXIT_OK, i;

	cli_start(&cli, ce->command, ce->usage, CLI_EDIT);
	first = cli_parse(&cli, argc, argv, ce->options, "", ce->option, context);
	i = cli_action(&cli, argc - first, argv + first, ce->actions,
	    ce->nactions, _(ce->expected), cli.import.reason);
	ce->chosen(&cli, &ce->actions[i], argv + first, context);
	if ((store = cli_store(&cli, STORE_READ, &status)) != NULL) {
		if (ce->edit(store, context, &err) != 0)
			status = cli_error(&cli, &err);
		else
			ce->done(&cli, context);
	}
	store_close(store);
	return cli_finish(&cli, status);
}

void
cli_say_done(const struct cli *cli, int dry_run, const char *fmt, ...)
{
	char done[1200];
	va_list ap;

	if (cli->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(done, sizeof(done), fmt, ap);
	va_end(ap);
	if (dry_run)
		cli_warn(cli, _("dry run, nothing written: %s"), done);
	else
		cli_warn(cli, "%s", done);
}
