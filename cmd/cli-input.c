/* cli-input.c -- what every importing command shares: its readers, the record of its options, problems and progress on stderr */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "headings.h"

/*
 * How a message names field of the record of the options: under zh_CN
 * by its heading (身份证号), which the clerk reads; else by the option
 * that gave its value (--id-number), else the command's option of the
 * field's name, else the field's name.  Into out, or a static string.
 */
static const char *
option_of_field(const struct cli *cli, const char *field, char *out,
    size_t size)
{
	int k = field_index(cli->option_fields, cli->noption_fields, field);
	const char *value = k >= 0 ? cli->option_values[k] : NULL;
	const char *word = field_word(cli->option_entity, field);
	char dashed[128];

	if (word != field)
		return word;
	for (size_t i = 0; value != NULL && i < cli->ngiven; i++)
		if (cli->given[i].arg == value) {
			snprintf(out, size, "--%s", cli->given[i].name);
			return out;
		}
	/* household_id by --household, categories by --category */
	for (int form = 0; form < 3; form++) {
		size_t len;

		snprintf(dashed, sizeof(dashed), "%s", field);
		for (char *p = dashed; *p; p++)
			if (*p == '_')
				*p = '-';
		len = strlen(dashed);
		if (form == 1 && len > 3 && strcmp(dashed + len - 3, "-id") == 0)
			dashed[len - 3] = '\0';
		else if (form == 2 && len > 3 && strcmp(dashed + len - 3, "ies") == 0) {
			dashed[len - 3] = 'y';
			dashed[len - 2] = '\0';
		}
		else if (form > 0)
			continue;
		for (size_t i = 0; cli->own_options != NULL &&
		    cli->own_options[i].name != NULL; i++)
			if (strcmp(cli->own_options[i].name, dashed) == 0) {
				snprintf(out, size, "--%s", dashed);
				return out;
			}
	}
	return field;
}

void
cli_problem(void *context, const struct problem *given)
{
	struct cli *cli = context;
	struct problem named = *given;
	const struct problem *p = &named;
	char option[160];

	if (cli->progress_records > 0) {
		fputs("\r\033[K", stderr);
		cli->progress_records = 0;
	}
	/* a record given by options has no line: "command line: --option: ..." */
	if (cli->option_fields != NULL && p->line == 0 && p->field != NULL)
		named.field = option_of_field(cli, p->field, option, sizeof(option));
	if (p->record != NULL && p->record->sheet != NULL) {
		char where[512];

		record_where(p->record, p->field, where, sizeof(where));
		if (p->field != NULL)
			cli_warn(cli, "%s: %s: %s", where, p->field, p->message);
		else
			cli_warn(cli, "%s: %s", where, p->message);
	} else if (p->line > 0 && p->field != NULL)
		cli_warn(cli, "%s:%ld: %s: %s", p->file, p->line, p->field, p->message);
	else if (p->line > 0)
		cli_warn(cli, "%s:%ld: %s", p->file, p->line, p->message);
	else if (p->field != NULL)
		cli_warn(cli, "%s: %s: %s", p->file, p->field, p->message);
	else
		cli_warn(cli, "%s: %s", p->file, p->message);
	rejects_add(cli->rejects_file, p);
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void
cli_progress(void *context, const struct reader *r, long records)
{
	struct cli *cli = context;
	static double started;
	double now;
	long long done, total;

	if (cli->quiet || !isatty(STDERR_FILENO))
		return;
	now = now_seconds();
	if (started == 0)
		started = now;
	if (now - cli->progress_last < 0.5)
		return;
	cli->progress_last = now;
	cli->progress_records = records;
	reader_progress(r, &done, &total);
	putc('\r', stderr);
	if (total > 0)
		fprintf(stderr, _("%s: %ld records, %.0f/s, %lld%%"), cli->command,
		    records, records / (now - started + 1e-9), done * 100 / total);
	else
		fprintf(stderr, _("%s: %ld records, %.0f/s"), cli->command, records,
		    records / (now - started + 1e-9));
	fputs("\033[K", stderr);
}

/* --list-sheets: each workbook's sheets, one a line: name, visible or hidden, rows. */
static _Noreturn void
list_sheets(struct cli *cli, int argc, char **argv)
{
	int status = EXIT_OK;

	for (int i = 0; i < (argc > 0 ? argc : 1); i++) {
		const char *path = argc > 0 ? argv[i] : "-";
		struct sheet_info *sheets = NULL;
		size_t n = 0;
		struct error err = { 0 };

		if (reader_list_sheets(path, &sheets, &n, &err) != 0) {
			status = cli_error(cli, &err);
			continue;
		}
		for (size_t k = 0; k < n; k++) {
			if (argc > 1)
				printf("%s:", path);
			printf("%s\t%s\t%ld\n", sheets[k].name,
			    sheets[k].hidden ? "hidden" : "visible", sheets[k].rows);
		}
		workbook_in_sheets_free(sheets, n);
	}
	exit(cli_finish(cli, status));
}

struct reader **
cli_readers(struct cli *cli, int argc, char **argv, size_t *n, int *status)
{
	size_t count = argc > 0 ? (size_t)argc : 1;
	struct reader **readers;
	struct error err = { 0 };

	if (cli->list_sheets)
		list_sheets(cli, argc, argv);
	readers = calloc(count + 1, sizeof(*readers));

	*n = 0;
	if (readers == NULL) {
		cli_warn(cli, "%s", strerror(ENOMEM));
		*status = EXIT_SOFTWARE;
		return NULL;
	}
	for (size_t i = 0; i < count; i++) {
		const char *path = argc > 0 ? argv[i] : "-", *sheet;
		long header_row;

		/* someone at a terminal, maybe not knowing records are awaited */
		if (strcmp(path, "-") == 0 && !cli->quiet && isatty(STDIN_FILENO))
			cli_warn(cli, "%s", _("reading records from standard input: "
			    "type them, then Ctrl-D on a line of its own to end"));
		if ((readers[i] = reader_open_options(path, cli->input_format,
		    cli->encoding, &cli->workbook, &err)) == NULL) {
			*status = cli_error(cli, &err);
			cli_readers_close(readers);
			return NULL;
		}
		if ((sheet = reader_sheet(readers[i], &header_row)) != NULL && !cli->quiet)
			cli_warn(cli, _("%s:%s: the header is row %ld"),
			    strcmp(path, "-") == 0 ? "stdin" : path, sheet, header_row);
		(*n)++;
	}
	return readers;
}

struct reader **
cli_option_record(struct cli *cli, const char *entity,
    const struct field_spec *fields,
    const char *const *values, size_t n, int *status)
{
	struct reader **readers = calloc(2, sizeof(*readers));
	const char **names = calloc(n + 1, sizeof(*names));
	struct error err = { 0 };

	for (size_t k = 0; names != NULL && k < n; k++)
		names[k] = fields[k].name;
	if (readers == NULL || names == NULL ||
	    (readers[0] = reader_open_record(_("command line"), names, values, n,
	    &err)) == NULL) {
		free(names);
		free(readers);
		if (err.status == 0)
			error_set(&err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		*status = cli_error(cli, &err);
		return NULL;
	}
	free(names);
	cli->option_entity = entity;
	cli->option_fields = fields;
	cli->option_values = values;
	cli->noption_fields = n;
	return readers;
}

void
cli_readers_close(struct reader **readers)
{
	if (readers == NULL)
		return;
	for (size_t i = 0; readers[i] != NULL; i++)
		reader_close(readers[i]);
	free(readers);
}
