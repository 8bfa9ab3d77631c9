/* rejects.c -- the rejects file: every record an import did not write, with why */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "input.h"
#include "outfile.h"
#include "output.h"
#include "rejects.h"

struct rejects {
	struct outfile *out;	/* beside the target until the import commits */
	FILE *fp;		/* out's */
	long count;
	/* the record being gathered */
	struct buf why, values;
	const char *last_file;
	long last_line;
	int header_done;
	int json;		/* JSON Lines (the input was JSON) */
	size_t ncolumns;
};

int
rejects_check_path(const char *path, const char *store, char *const *inputs,
    size_t n, struct error *err)
{
	switch (outfile_clash(path, store, inputs, n)) {
	case OUTFILE_DIRECTORY:
		return error_set(err, EXIT_USAGE, _("--rejects: %s is a directory"),
		    path);
	case OUTFILE_STORE:
		return error_set(err, EXIT_USAGE, _("--rejects: %s is the "
		    "store; name a new file for the rejected records"), path);
	case OUTFILE_INPUT:
		return error_set(err, EXIT_USAGE, _("--rejects: %s is an "
		    "input; name a new file for the rejected records"), path);
	case OUTFILE_FREE:
		break;
	}
	return 0;
}

struct rejects *
rejects_create(const char *target, struct error *err)
{
	struct rejects *r = calloc(1, sizeof(*r));

	if (r == NULL) {
		error_set(err, EXIT_SOFTWARE, _("out of memory"));
		return NULL;
	}
	if ((r->out = outfile_create(target, err)) == NULL) {
		free(r);
		return NULL;
	}
	r->fp = outfile_fp(r->out);
	return r;
}

/* Write the record gathered so far, with its reasons. */
static void
flush_record(struct rejects *r)
{
	FILE *fp = r->fp;

	if (fp == NULL || r->why.len == 0)
		return;
	if (r->json) {
		fprintf(fp, "{\"line\":%ld,\"error\":", r->last_line);
		json_write_string(fp, r->why.data);
		fprintf(fp, ",%s}\n", r->values.data != NULL ?
		    r->values.data : "\"record\":null");
	} else {
		fprintf(fp, "%ld,", r->last_line);
		csv_write_field(fp, r->why.data, 0);
		fputs(r->values.data != NULL ? r->values.data : "", fp);
		putc('\n', fp);
	}
	buf_reset(&r->why);
	buf_reset(&r->values);
}

/* The record's own text, into r->values. */
static void
keep_values(struct rejects *r, const struct record *rec)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	if (mem == NULL)
		return;
	if (r->json) {
		if (rec->count == 0 && rec->raw != NULL) {
			fputs("\"raw\":", mem);
			json_write_string(mem, rec->raw);
		} else {
			fputs("\"record\":{", mem);
			for (size_t i = 0; i < rec->count; i++) {
				if (i > 0)
					putc(',', mem);
				json_write_string(mem, rec->names[i]);
				putc(':', mem);
				if (rec->values[i] == NULL)
					fputs("null", mem);
				else
					json_write_string(mem, rec->values[i]);
			}
			putc('}', mem);
		}
	} else {
		for (size_t i = 0; i < r->ncolumns; i++) {
			putc(',', mem);
			if (i < rec->count)
				csv_write_field(mem, rec->values[i], 0);
		}
		putc(',', mem);
		csv_write_field(mem, rec->count == 0 ? rec->raw : NULL, 0);
	}
	fclose(mem);
	buf_puts(&r->values, text);
	free(text);
}

/* The first record decides: CSV keeps CSV, JSON gets JSON Lines. */
static void
start_file(struct rejects *r, const struct record *rec)
{
	r->json = rec->columns == NULL && rec->count > 0 && !rec->shared_names;
	if (rec->columns == NULL && rec->line > 0 && rec->count == 0)
		r->json = 1;
	if (!r->json) {
		fputs("line,error", r->fp);
		r->ncolumns = rec->columns != NULL ? rec->ncolumns : rec->count;
		for (size_t i = 0; i < r->ncolumns; i++) {
			putc(',', r->fp);
			csv_write_field(r->fp, rec->columns != NULL ?
			    rec->columns[i] : rec->names[i], 0);
		}
		fputs(",raw\n", r->fp);
	}
	r->header_done = 1;
}

void
rejects_add(struct rejects *r, const struct problem *p)
{
	const struct record *rec = p->record;

	if (r == NULL || r->fp == NULL || rec == NULL)
		return;
	if (r->why.len > 0 && r->last_file == rec->file &&
	    r->last_line == rec->line) {
		buf_puts(&r->why, "; ");
	} else {
		flush_record(r);
		if (!r->header_done)
			start_file(r, rec);
		r->last_file = rec->file;
		r->last_line = rec->line;
		r->count++;
		keep_values(r, rec);
	}
	if (p->field != NULL) {
		buf_puts(&r->why, p->field);
		buf_puts(&r->why, ": ");
	}
	buf_puts(&r->why, p->message);
}

long
rejects_count(const struct rejects *r)
{
	return r != NULL ? r->count : 0;
}

int
rejects_sync(struct rejects *r, struct error *err)
{
	flush_record(r);
	if (outfile_sync(r->out) != 0)
		return error_set(err, EXIT_IOERR, _("%s: %s; nothing was written "
		    "to the store"), outfile_target(r->out), strerror(errno));
	return 0;
}

int
rejects_commit(struct rejects *r, struct error *err)
{
	r->fp = NULL;
	if (outfile_commit(r->out) == 0)
		return 0;
	if (outfile_temp(r->out) == NULL)
		return error_set(err, EXIT_IOERR, "%s: %s", outfile_target(r->out),
		    strerror(errno));
	return error_set(err, EXIT_IOERR, _("%s: %s; the rejected records are in %s"),
	    outfile_target(r->out), strerror(errno), outfile_temp(r->out));
}

void
rejects_discard(struct rejects *r)
{
	if (r == NULL)
		return;
	outfile_discard(r->out);
	buf_free(&r->why);
	buf_free(&r->values);
	free(r);
}
