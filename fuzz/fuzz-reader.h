/* fuzz-reader.h -- for the targets that read records: a scratch file, a reading loop */
#ifndef RENKE_FUZZ_READER_H
#define RENKE_FUZZ_READER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "renke.h"
#include "fuzz.h"

static char fuzz_path[4096];
static int fuzz_fd = -1;

static void
fuzz_unlink(void)
{
	unlink(fuzz_path);
}

/*
 * The path of this process's scratch file, rewritten to hold data[0..size).
 * It is made once: on Linux an anonymous file in memory (memfd_create)
 * reached through /proc/self/fd, so that it is fast to rewrite and
 * nothing is left behind even when the process dies on a crash;
 * elsewhere a temporary file in $TMPDIR, removed at exit.
 */
static const char *
fuzz_file(const uint8_t *data, size_t size)
{
	if (fuzz_fd < 0) {
#ifdef __linux__
		if ((fuzz_fd = memfd_create("renke-fuzz", 0)) >= 0) {
			snprintf(fuzz_path, sizeof(fuzz_path), "/proc/self/fd/%d",
			    fuzz_fd);
			if (access(fuzz_path, R_OK) != 0) {
				close(fuzz_fd);
				fuzz_fd = -1;
			}
		}
#endif
	}
	if (fuzz_fd < 0) {
		const char *dir = getenv("TMPDIR");

		if (dir == NULL || *dir == '\0')
			dir = "/tmp";
		snprintf(fuzz_path, sizeof(fuzz_path), "%s/renke-fuzz-XXXXXX", dir);
		if ((fuzz_fd = mkstemp(fuzz_path)) < 0) {
			perror(fuzz_path);
			abort();
		}
		atexit(fuzz_unlink);
	}
	if (ftruncate(fuzz_fd, 0) != 0 ||
	    (size > 0 && pwrite(fuzz_fd, data, size, 0) != (ssize_t)size)) {
		perror("fuzz scratch file");
		abort();
	}
	return fuzz_path;
}

/* Touch s; when utf8 is set, it must be valid UTF-8. */
static void
fuzz_text(const char *s, int utf8)
{
	fuzz_touch(s);
	if (s != NULL && utf8)
		FUZZ_CHECK(utf8_valid(s, strlen(s)));
}

/*
 * Read every record of path as format and encoding, touching every
 * name, value, column, header name, raw text and problem.  With utf8
 * set, each of them must be valid UTF-8: whatever the input bytes, the
 * reader hands out UTF-8 or stops with an error.
 */
static void
fuzz_read(const char *path, enum input_format format, enum encoding encoding,
    int utf8)
{
	struct error err = { 0 };
	struct reader *r = reader_open(path, format, encoding, &err);
	struct record *rec;
	char **header;
	size_t n;
	long long done, total;
	int rc;

	FUZZ_CHECK(r != NULL);
	while ((rc = reader_next(r, &rec, &err)) == 1) {
		FUZZ_CHECK(rec->file != NULL && rec->line >= 1);
		fuzz_text(rec->problem, utf8);
		fuzz_text(rec->problem_field, utf8);
		fuzz_text(rec->raw, utf8);
		if (rec->problem != NULL)
			FUZZ_CHECK(rec->count == 0);
		else
			FUZZ_CHECK(rec->raw == NULL);
		FUZZ_CHECK(rec->count == 0 || rec->names != NULL);
		for (size_t i = 0; i < rec->count; i++) {
			FUZZ_CHECK(rec->names[i] != NULL);
			fuzz_text(rec->names[i], utf8);
			/* only JSON has null values */
			FUZZ_CHECK(rec->values[i] != NULL ||
			    reader_format(r) != INPUT_CSV);
			fuzz_text(rec->values[i], utf8);
		}
		for (size_t i = 0; i < rec->ncolumns; i++)
			fuzz_text(rec->columns[i], utf8);
	}
	if (rc < 0)
		FUZZ_CHECK(err.status != 0 && err.text[0] != '\0');
	else
		FUZZ_CHECK(rc == 0);
	header = reader_header(r, &n);
	for (size_t i = 0; i < n; i++)
		fuzz_text(header[i], utf8);
	reader_progress(r, &done, &total);
	FUZZ_CHECK(done >= 0 && done <= total);
	reader_close(r);
}

/* Append s and a separator byte (a NUL stands for NULL) to *out. */
static void
fuzz_put(char **out, size_t *len, const char *s, char separator)
{
	size_t n = s != NULL ? strlen(s) : 0;
	char *p = realloc(*out, *len + n + 3);

	if (p == NULL)
		abort();
	*out = p;
	if (s == NULL)
		p[(*len)++] = '\0';
	memcpy(p + *len, s != NULL ? s : "", n);
	*len += n;
	p[(*len)++] = separator;
	p[*len] = '\0';
}

/*
 * All that reading path with blocks of block bytes (0: the reader's
 * own) hands out, as one text: each record's line, problem and fields,
 * the header, and the error that stopped it.  Free it.
 */
static char *
fuzz_transcript(const char *path, enum input_format format,
    enum encoding encoding, size_t block, size_t *len)
{
	struct error err = { 0 };
	struct reader *r = reader_open(path, format, encoding, &err);
	struct record *rec;
	char number[32], *out = NULL, **header;
	size_t n;
	int rc;

	*len = 0;
	FUZZ_CHECK(r != NULL);
	reader_set_block(r, block);
	while ((rc = reader_next(r, &rec, &err)) == 1) {
		snprintf(number, sizeof(number), "%ld", rec->line);
		fuzz_put(&out, len, number, ':');
		fuzz_put(&out, len, rec->problem, '!');
		fuzz_put(&out, len, rec->raw, '!');
		for (size_t i = 0; i < rec->count; i++) {
			fuzz_put(&out, len, rec->names[i], '=');
			fuzz_put(&out, len, rec->values[i], '|');
		}
		fuzz_put(&out, len, "", '\n');
	}
	header = reader_header(r, &n);
	for (size_t i = 0; i < n; i++)
		fuzz_put(&out, len, header[i], ',');
	fuzz_put(&out, len, rc < 0 ? err.text : "end", '\n');
	reader_close(r);
	return out;
}

/*
 * Reading path in blocks of a few bytes hands out exactly what reading
 * it in the reader's own blocks does: the ends of blocks may fall in a
 * quoted field, a line end or a character.
 */
static void
fuzz_blocks_agree(const char *path, enum input_format format,
    enum encoding encoding)
{
	static const size_t blocks[] = { 1, 2, 3, 7, 16 };
	size_t len, n;
	char *want = fuzz_transcript(path, format, encoding, 0, &len);

	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		char *got = fuzz_transcript(path, format, encoding, blocks[i], &n);

		FUZZ_CHECK(n == len && memcmp(got, want, len) == 0);
		free(got);
	}
	free(want);
}

#endif
