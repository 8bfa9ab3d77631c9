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
#include "output.h"
#include "rejects.h"

struct rejects {
	char *target;
	char *temp;		/* the new file beside target, until renamed */
	int direct;		/* target is no regular file (a pipe, a device): written as is */
	FILE *fp;
	long count;
	/* the record being gathered */
	struct buf why, values;
	const char *last_file;
	long last_line;
	int header_done;
	int json;		/* JSON Lines (the input was JSON) */
	size_t ncolumns;
};

/* ---- where it may be ---- */

/*
 * The absolute name path will have: its directory resolved, its last
 * part as given.  NULL when the directory does not exist (then nothing
 * can be there) or memory runs out; the caller frees.
 */
static char *
canonical_name(const char *path)
{
	char *copy_dir = strdup(path), *copy_base = strdup(path), *out = NULL;
	char dir[PATH_MAX];

	if (copy_dir != NULL && copy_base != NULL &&
	    realpath(dirname(copy_dir), dir) != NULL) {
		const char *base = basename(copy_base);
		size_t size = strlen(dir) + strlen(base) + 2;

		if ((out = malloc(size)) != NULL &&
		    (size_t)snprintf(out, size, "%s/%s", dir, base) >= size) {
			free(out);
			out = NULL;
		}
	}
	free(copy_dir);
	free(copy_base);
	return out;
}

/* 1 when a and b name the same file, existing or to be made. */
static int
same_file(const char *a, const struct stat *sa, const char *b)
{
	struct stat sb;
	char *ca, *cb;
	int same;

	if (sa != NULL && stat(b, &sb) == 0)
		return sa->st_dev == sb.st_dev && sa->st_ino == sb.st_ino;
	ca = canonical_name(a);
	cb = canonical_name(b);
	same = ca != NULL && cb != NULL && strcmp(ca, cb) == 0;
	free(ca);
	free(cb);
	return same;
}

int
rejects_check_path(const char *path, const char *store, char *const *inputs,
    size_t n, struct error *err)
{
	static const char *const store_files[] = { "", "-wal", "-shm", "-journal" };
	struct stat st, in;
	int exists = stat(path, &st) == 0;

	if (exists && S_ISDIR(st.st_mode))
		return error_set(err, EXIT_USAGE, _("--rejects: %s is a directory"),
		    path);
	for (size_t i = 0; store != NULL && i < 4; i++) {
		char name[PATH_MAX];

		if ((size_t)snprintf(name, sizeof(name), "%s%s", store,
		    store_files[i]) >= sizeof(name))
			continue;
		if (same_file(path, exists ? &st : NULL, name))
			return error_set(err, EXIT_USAGE, _("--rejects: %s is the "
			    "store; name a new file for the rejected records"), path);
	}
	for (size_t i = 0; i < n; i++) {
		int stdin_same = strcmp(inputs[i], "-") == 0 && exists &&
		    fstat(STDIN_FILENO, &in) == 0 && S_ISREG(in.st_mode) &&
		    in.st_dev == st.st_dev && in.st_ino == st.st_ino;

		if (stdin_same || (strcmp(inputs[i], "-") != 0 &&
		    same_file(path, exists ? &st : NULL, inputs[i])))
			return error_set(err, EXIT_USAGE, _("--rejects: %s is an "
			    "input; name a new file for the rejected records"), path);
	}
	return 0;
}

/* ---- the file ---- */

struct rejects *
rejects_create(const char *target, struct error *err)
{
	struct rejects *r = calloc(1, sizeof(*r));
	char *dir_copy = strdup(target), *base_copy = strdup(target);
	struct stat st;
	size_t temp_size = 0;
	int fd = -1;

	if (r == NULL || dir_copy == NULL || base_copy == NULL ||
	    (r->target = strdup(target)) == NULL ||
	    (r->temp = malloc(temp_size = strlen(target) + 16)) == NULL) {
		error_set(err, EXIT_SOFTWARE, _("out of memory"));
		goto fail;
	}
	/*
	 * A pipe, a device or a descriptor of the process (/dev/stdout)
	 * cannot be replaced: it takes the records as they come.
	 */
	if (strncmp(target, "/dev/", 5) == 0 || strncmp(target, "/proc/", 6) == 0 ||
	    (stat(target, &st) == 0 && !S_ISREG(st.st_mode))) {
		free(r->temp);
		r->temp = NULL;
		r->direct = 1;
		if ((r->fp = fopen(target, "we")) == NULL) {
			error_set(err, EXIT_CANTCREAT, "%s: %s", target, strerror(errno));
			goto fail;
		}
		free(dir_copy);
		free(base_copy);
		return r;
	}
	/* beside the target, hidden, so that the rename stays on one file system */
	if ((size_t)snprintf(r->temp, temp_size, "%s/.%s.XXXXXX", dirname(dir_copy),
	    basename(base_copy)) >= temp_size) {
		error_set(err, EXIT_CANTCREAT, "%s: %s", target, strerror(ENAMETOOLONG));
		free(r->temp);
		r->temp = NULL;
		goto fail;
	}
	if ((fd = mkostemp(r->temp, O_CLOEXEC)) < 0) {
		error_set(err, EXIT_CANTCREAT, "%s: %s", target, strerror(errno));
		free(r->temp);
		r->temp = NULL;
		goto fail;
	}
	/* mkostemp makes it 0600 whatever the umask: ID numbers are in it */
	if ((r->fp = fdopen(fd, "w")) == NULL) {
		error_set(err, EXIT_CANTCREAT, "%s: %s", target, strerror(errno));
		close(fd);
		goto fail;
	}
	free(dir_copy);
	free(base_copy);
	return r;
fail:
	free(dir_copy);
	free(base_copy);
	rejects_discard(r);
	return NULL;
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
	errno = 0;
	if (fflush(r->fp) != 0 || ferror(r->fp) ||
	    (fsync(fileno(r->fp)) != 0 && !(r->direct && errno == EINVAL)))
		return error_set(err, EXIT_IOERR, _("%s: %s; nothing was written "
		    "to the store"), r->target, strerror(errno ? errno : EIO));
	return 0;
}

int
rejects_commit(struct rejects *r, struct error *err)
{
	char *copy;
	int dirfd, failed;

	failed = fclose(r->fp) != 0;
	r->fp = NULL;
	if (r->direct)
		return failed ? error_set(err, EXIT_IOERR, "%s: %s", r->target,
		    strerror(errno)) : 0;
	copy = strdup(r->target);
	if (failed || rename(r->temp, r->target) != 0) {
		error_set(err, EXIT_IOERR, _("%s: %s; the rejected records are in %s"),
		    r->target, strerror(errno), r->temp);
		free(copy);
		free(r->temp);
		r->temp = NULL;		/* keep it: the records are there */
		return -1;
	}
	free(r->temp);
	r->temp = NULL;
	/* the rename itself must outlive a crash */
	if (copy != NULL && (dirfd = open(dirname(copy), O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) >= 0) {
		fsync(dirfd);
		close(dirfd);
	}
	free(copy);
	return 0;
}

void
rejects_discard(struct rejects *r)
{
	if (r == NULL)
		return;
	if (r->fp != NULL)
		fclose(r->fp);
	if (r->temp != NULL)
		unlink(r->temp);
	free(r->temp);
	free(r->target);
	buf_free(&r->why);
	buf_free(&r->values);
	free(r);
}
