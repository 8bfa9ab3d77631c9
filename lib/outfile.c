/* outfile.c -- a file written beside its target and renamed into place once the work is done */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "tempfiles.h"

struct outfile {
	char *target;
	char *temp;		/* the new file beside target, until renamed */
	int direct;		/* target is no regular file (a pipe, a device): written as is */
	int kept;		/* the rename failed: temp holds what was written */
	int slot;		/* temp's in tempfiles, removed on a signal; -1 */
	FILE *fp;
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

enum outfile_clash
outfile_clash(const char *path, const char *store, char *const *inputs,
    size_t n)
{
	static const char *const store_files[] = { "", "-wal", "-shm", "-journal" };
	struct stat st, in;
	int exists = stat(path, &st) == 0;

	if (exists && S_ISDIR(st.st_mode))
		return OUTFILE_DIRECTORY;
	for (size_t i = 0; store != NULL && i < 4; i++) {
		char name[PATH_MAX];

		if ((size_t)snprintf(name, sizeof(name), "%s%s", store,
		    store_files[i]) >= sizeof(name))
			continue;
		if (same_file(path, exists ? &st : NULL, name))
			return OUTFILE_STORE;
	}
	for (size_t i = 0; i < n; i++) {
		int stdin_same = strcmp(inputs[i], "-") == 0 && exists &&
		    fstat(STDIN_FILENO, &in) == 0 && S_ISREG(in.st_mode) &&
		    in.st_dev == st.st_dev && in.st_ino == st.st_ino;

		if (stdin_same || (strcmp(inputs[i], "-") != 0 &&
		    same_file(path, exists ? &st : NULL, inputs[i])))
			return OUTFILE_INPUT;
	}
	return OUTFILE_FREE;
}

/* ---- the file ---- */

struct outfile *
outfile_create(const char *target, struct error *err)
{
	struct outfile *o = calloc(1, sizeof(*o));
	char *dir_copy = strdup(target), *base_copy = strdup(target);
	struct stat st;
	size_t temp_size = 0;
	int fd = -1;

	if (o != NULL)
		o->slot = -1;
	if (o == NULL || dir_copy == NULL || base_copy == NULL ||
	    (o->target = strdup(target)) == NULL ||
	    (o->temp = malloc(temp_size = strlen(target) + 16)) == NULL) {
		error_set(err, EXIT_SOFTWARE, _("out of memory"));
		goto fail;
	}
	/*
	 * A pipe, a device or a descriptor of the process (/dev/stdout)
	 * cannot be replaced: it takes what is written as it comes.
	 */
	if (strncmp(target, "/dev/", 5) == 0 || strncmp(target, "/proc/", 6) == 0 ||
	    (stat(target, &st) == 0 && !S_ISREG(st.st_mode))) {
		free(o->temp);
		o->temp = NULL;
		o->direct = 1;
		if ((o->fp = fopen(target, "we")) == NULL) {
			error_set(err, EXIT_CANTCREAT, "%s: %s", target, strerror(errno));
			goto fail;
		}
		goto out;
	}
	/* beside the target, hidden, so that the rename stays on one file system */
	if ((size_t)snprintf(o->temp, temp_size, "%s/.%s.XXXXXX", dirname(dir_copy),
	    basename(base_copy)) >= temp_size) {
		error_set(err, EXIT_CANTCREAT, "%s: %s", target, strerror(ENAMETOOLONG));
		free(o->temp);
		o->temp = NULL;
		goto fail;
	}
	if ((fd = tempfiles_make(o->temp, O_CLOEXEC, &o->slot)) < 0) {
		error_set(err, EXIT_CANTCREAT, "%s: %s", target, strerror(errno));
		free(o->temp);
		o->temp = NULL;
		goto fail;
	}
	/* mkostemp makes it 0600 whatever the umask: ID numbers may be in it */
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		error_set(err, EXIT_CANTCREAT, "%s: %s", target, strerror(errno));
		close(fd);
		goto fail;
	}
out:
	free(dir_copy);
	free(base_copy);
	return o;
fail:
	free(dir_copy);
	free(base_copy);
	outfile_discard(o);
	return NULL;
}

FILE *
outfile_fp(const struct outfile *o)
{
	return o->fp;
}

const char *
outfile_target(const struct outfile *o)
{
	return o->target;
}

const char *
outfile_temp(const struct outfile *o)
{
	return o->temp;
}

int
outfile_sync(struct outfile *o)
{
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp) ||
	    (fsync(fileno(o->fp)) != 0 && !(o->direct && errno == EINVAL))) {
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

int
outfile_commit(struct outfile *o)
{
	char *copy;
	int dirfd, failed;

	errno = 0;
	failed = fclose(o->fp) != 0;
	o->fp = NULL;
	if (o->direct)
		return failed ? -1 : 0;
	if (failed || rename(o->temp, o->target) != 0) {
		if (errno == 0)
			errno = EIO;
		o->kept = 1;	/* what was written is there */
		tempfiles_forget(o->slot);
		o->slot = -1;
		return -1;
	}
	tempfiles_forget(o->slot);
	o->slot = -1;
	free(o->temp);
	o->temp = NULL;
	/* the rename itself must outlive a crash */
	if ((copy = strdup(o->target)) != NULL && (dirfd = open(dirname(copy),
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(dirfd);
		close(dirfd);
	}
	free(copy);
	return 0;
}

void
outfile_discard(struct outfile *o)
{
	if (o == NULL)
		return;
	if (o->fp != NULL)
		fclose(o->fp);
	if (o->temp != NULL && !o->kept)
		unlink(o->temp);
	tempfiles_forget(o->slot);
	free(o->temp);
	free(o->target);
	free(o);
}
