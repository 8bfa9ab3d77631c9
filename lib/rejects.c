/* rejects.c -- the rejects file: every record an import did not write, with why */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
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
	/* the file's text, in the input's encoding */
	int settled;		/* the encoding is known, and the BOM written */
	int lost;		/* memory ran out: a record may be missing */
	iconv_t to_gb18030;	/* (iconv_t)-1: the text goes out as UTF-8 */
	struct buf held;	/* UTF-8 text made before the encoding was known */
};

/*
 * The columns the rejects file adds to the input's, written in the
 * user's language; read back under any, so also known by their Chinese
 * headings (as the catalog gives them) when the file comes back.
 */
struct heading {
	const char *code, *chinese;
};
static const struct heading heading_why = { NC_("rejects heading", "error"), "错误原因" };
static const struct heading heading_line = { NC_("rejects heading", "line"), "行号" };
static const struct heading heading_raw = { NC_("rejects heading", "raw"), "原文" };

/* The heading h in the user's language. */
static const char *
heading_text(const struct heading *h)
{
	return text_in_context("rejects heading", h->code);
}

/* 1 when name is the heading h in English, Chinese or the user's language. */
static int
is_heading(const char *name, const struct heading *h)
{
	return strcmp(name, h->code) == 0 || strcmp(name, h->chinese) == 0 ||
	    strcmp(name, heading_text(h)) == 0;
}

int
rejects_own_column(const char *const *names, size_t count, size_t i)
{
	if (count < 3 || !is_heading(names[0], &heading_why) ||
	    !is_heading(names[1], &heading_line) ||
	    !is_heading(names[count - 1], &heading_raw))
		return 0;
	return i < 2 || i == count - 1;
}

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
	r->to_gb18030 = (iconv_t)-1;
	return r;
}

/* Write s[0..n), UTF-8, to the file in its encoding. */
static void
write_text(struct rejects *r, const char *s, size_t n)
{
	char out[4096];
	char *in = (char *)s;
	size_t left = n;

	if (r->to_gb18030 == (iconv_t)-1) {
		fwrite(s, 1, n, r->fp);
		return;
	}
	while (left > 0) {
		char *o = out;
		size_t room = sizeof(out);

		if (iconv(r->to_gb18030, &in, &left, &o, &room) == (size_t)-1 &&
		    errno != E2BIG) {
			/* not UTF-8 (GB18030 has every character): kept as it is */
			*o++ = *in++;
			left--;
			room--;
		}
		fwrite(out, 1, (size_t)(o - out), r->fp);
	}
}

/* Text for the file: written, or held until the encoding is known. */
static void
put_text(struct rejects *r, const char *s, size_t n)
{
	if (r->settled)
		write_text(r, s, n);
	else if (buf_append(&r->held, s, n) != 0)
		r->lost = 1;
}

/*
 * From now on write in encoding (UTF-8 when it is ENCODING_AUTO), after
 * a BOM when bom says so, and the text held so far.
 */
static void
settle(struct rejects *r, enum encoding encoding, int bom)
{
	if (r->settled)
		return;
	r->settled = 1;
	if (encoding == ENCODING_GB18030 &&
	    (r->to_gb18030 = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
		r->lost = 1;
	if (bom)
		write_text(r, "\xef\xbb\xbf", 3);	/* U+FEFF in either */
	if (r->held.len > 0)
		write_text(r, r->held.data, r->held.len);
	buf_free(&r->held);
}

/* Write the record gathered so far, with its reasons. */
static void
flush_record(struct rejects *r)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem;

	if (r->fp == NULL || r->why.len == 0)
		return;
	if ((mem = open_memstream(&text, &len)) == NULL) {
		r->lost = 1;
		return;
	}
	if (r->json) {
		fprintf(mem, "{\"line\":%ld,\"error\":", r->last_line);
		json_write_string(mem, r->why.data);
		fprintf(mem, ",%s}\n", r->values.data != NULL ?
		    r->values.data : "\"record\":null");
	} else {
		csv_write_field(mem, r->why.data, 0);
		fprintf(mem, ",%ld", r->last_line);
		fputs(r->values.data != NULL ? r->values.data : "", mem);
		putc('\n', mem);
	}
	if (fclose(mem) != 0)
		r->lost = 1;
	else
		put_text(r, text, len);
	free(text);
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

	if (mem == NULL) {
		r->lost = 1;
		return;
	}
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
	if (fclose(mem) != 0 || buf_puts(&r->values, text) != 0)
		r->lost = 1;
	free(text);
}

/*
 * The first record decides: CSV keeps CSV, JSON gets JSON Lines.  The
 * CSV header is the reason's and the line's, then the input's own.
 */
static void
start_file(struct rejects *r, const struct record *rec)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem;

	r->json = rec->columns == NULL && rec->count > 0 && !rec->shared_names;
	if (rec->columns == NULL && rec->line > 0 && rec->count == 0)
		r->json = 1;
	r->header_done = 1;
	if (r->json)
		return;
	if ((mem = open_memstream(&text, &len)) == NULL) {
		r->lost = 1;
		return;
	}
	csv_write_field(mem, heading_text(&heading_why), 0);
	putc(',', mem);
	csv_write_field(mem, heading_text(&heading_line), 0);
	r->ncolumns = rec->columns != NULL ? rec->ncolumns : rec->count;
	for (size_t i = 0; i < r->ncolumns; i++) {
		putc(',', mem);
		csv_write_field(mem, rec->columns != NULL ? rec->columns[i] :
		    rec->names[i], 0);
	}
	putc(',', mem);
	csv_write_field(mem, heading_text(&heading_raw), 0);
	putc('\n', mem);
	if (fclose(mem) != 0)
		r->lost = 1;
	else
		put_text(r, text, len);
	free(text);
}

/*
 * The encoding the file is written in, once a record tells it: JSON
 * Lines and a workbook's rows in UTF-8 (with a BOM for a workbook's, so
 * that Excel and WPS read it), a CSV file's in its own, with a BOM
 * when it had one.
 */
static void
settle_for(struct rejects *r, const struct record *rec)
{
	if (r->json)
		settle(r, ENCODING_UTF8, 0);
	else if (rec->sheet != NULL)
		settle(r, ENCODING_UTF8, 1);
	else if (rec->encoding != ENCODING_AUTO)
		settle(r, rec->encoding, rec->bom);
}

/* s to the reasons of the record being gathered. */
static void
add_why(struct rejects *r, const char *s)
{
	if (buf_puts(&r->why, s) != 0)
		r->lost = 1;
}

void
rejects_add(struct rejects *r, const struct problem *p)
{
	const struct record *rec = p->record;

	if (r == NULL || r->fp == NULL || rec == NULL)
		return;
	if (r->why.len > 0 && r->last_file == rec->file &&
	    r->last_line == rec->line) {
		add_why(r, "; ");
	} else {
		flush_record(r);
		if (!r->header_done)
			start_file(r, rec);
		if (!r->settled)
			settle_for(r, rec);
		r->last_file = rec->file;
		r->last_line = rec->line;
		r->count++;
		keep_values(r, rec);
	}
	if (p->field != NULL) {
		add_why(r, p->field);
		add_why(r, ": ");
	}
	add_why(r, p->message);
}

long
rejects_count(const struct rejects *r)
{
	return r != NULL ? r->count : 0;
}

void
rejects_settle(struct rejects *r, enum encoding encoding, int bom)
{
	if (r->settled || r->held.len == 0)
		return;
	if (encoding == ENCODING_AUTO) {
		/* ASCII in: a BOM for Excel and WPS when there is more than ASCII */
		for (size_t i = 0; i < r->held.len && !bom; i++)
			bom = (unsigned char)r->held.data[i] >= 0x80;
		encoding = ENCODING_UTF8;
	}
	settle(r, encoding, bom);
}

int
rejects_sync(struct rejects *r, struct error *err)
{
	flush_record(r);
	rejects_settle(r, ENCODING_AUTO, 0);
	if (r->lost)
		return error_set(err, EXIT_SOFTWARE, _("%s: out of memory; nothing "
		    "was written to the store"), outfile_target(r->out));
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
	if (r->to_gb18030 != (iconv_t)-1)
		iconv_close(r->to_gb18030);
	buf_free(&r->held);
	buf_free(&r->why);
	buf_free(&r->values);
	free(r);
}
