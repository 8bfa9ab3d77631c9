/* report_source.c -- the stores of a roll-up: named one by one, in a list or a directory, opened one at a time */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report.h"

/* One more path, copied; 0, or -1 with err set. */
static int
source_push(struct report_source *src, const char *path, size_t len,
    struct error *err)
{
	char *copy;

	if (src->n == src->cap) {
		size_t cap = src->cap ? src->cap * 2 : 16;
		char **paths = realloc(src->paths, cap * sizeof(*paths));
		unsigned char *skipped = realloc(src->skipped, cap);

		if (paths != NULL)
			src->paths = paths;
		if (skipped != NULL)
			src->skipped = skipped;
		if (paths == NULL || skipped == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		src->cap = cap;
	}
	if ((copy = malloc(len + 1)) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	memcpy(copy, path, len);
	copy[len] = '\0';
	src->skipped[src->n] = 0;
	src->paths[src->n++] = copy;
	return 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The stores (*.db) of directory dir, by name; 0, or -1 with err set. */
static int
source_directory(struct report_source *src, const char *dir, struct error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t first = src->n, dirlen = strlen(dir);
	struct buf path = { 0 };
	int rc = 0;

	if (d == NULL)
		return error_set(err, EXIT_NOINPUT, _("%s: cannot read the directory: %s"),
		    dir, strerror(errno));
	while (rc == 0 && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		struct stat sb;

		if (e->d_name[0] == '.' || len < 4 || strcmp(e->d_name + len - 3, ".db") != 0)
			continue;
		buf_reset(&path);
		if (buf_append(&path, dir, dirlen) != 0 || (dirlen > 0 &&
		    dir[dirlen - 1] != '/' && buf_puts(&path, "/") != 0) ||
		    buf_puts(&path, e->d_name) != 0) {
			rc = error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
			break;
		}
		if (stat(path.data, &sb) == 0 && !S_ISREG(sb.st_mode))
			continue;
		rc = source_push(src, path.data, path.len, err);
	}
	closedir(d);
	buf_free(&path);
	if (rc == 0 && src->n == first)
		return error_set(err, EXIT_NOINPUT, _("%s: no store (*.db) in the directory"),
		    dir);
	if (rc == 0)
		qsort(src->paths + first, src->n - first, sizeof(char *), compare_names);
	return rc;
}

int
report_source_add(struct report_source *src, const char *path, struct error *err)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return source_directory(src, path, err);
	return source_push(src, path, strlen(path), err);
}

int
report_source_list(struct report_source *src, FILE *fp, const char *name,
    struct error *err)
{
	char *line = NULL;
	size_t cap = 0, before = src->n;
	ssize_t len;
	int rc = 0;

	while (rc == 0 && (len = getline(&line, &cap, fp)) >= 0) {
		char *p = line;

		while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == '\r' ||
		    p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		while (len > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		if (len == 0 || *p == '#')
			continue;
		p[len] = '\0';
		rc = report_source_add(src, p, err);
	}
	if (rc == 0 && ferror(fp))
		rc = error_set(err, EXIT_IOERR, _("%s: read error: %s"), name, strerror(errno));
	free(line);
	if (rc == 0 && src->n == before)
		rc = error_set(err, EXIT_NOINPUT, _("%s: no store named in the list"), name);
	return rc;
}

struct store *
report_source_open(struct report_source *src, size_t i, struct error *err)
{
	struct error why = { 0 };
	struct store *s;

	if (src->skipped[i])
		return NULL;
	if ((s = store_open(src->paths[i], STORE_QUERY, src->command, src->who,
	    &why)) != NULL)
		return s;
	if (src->n == 1 || why.status == EXIT_SOFTWARE) {
		*err = why;
		return NULL;
	}
	report_source_skip(src, i, &why);
	return NULL;
}

void
report_source_skip(struct report_source *src, size_t i, const struct error *why)
{
	if (src->skipped[i])
		return;
	src->skipped[i] = 1;
	src->nskipped++;
	if (src->skip != NULL)
		src->skip(src->context, src->paths[i], why);
}

void
report_source_free(struct report_source *src)
{
	for (size_t i = 0; i < src->n; i++)
		free(src->paths[i]);
	free(src->paths);
	free(src->skipped);
	src->paths = NULL;
	src->skipped = NULL;
	src->n = src->cap = 0;
}
