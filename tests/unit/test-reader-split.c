/* test-reader-split.c -- a reading split in two parts gives the records of one reading */
#include <stdlib.h>
#include <unistd.h>

#include "renke.h"
#include "buf.h"
#include "tap.h"

/*
 * reader_split() cuts a file at a line near its middle for two threads;
 * reader_split_held() says afterwards whether the two parts are what
 * one reader would have read.  These tests read each file whole, then
 * in two parts (second part after the first, or the first read on when
 * the split did not hold), and want the same records, line numbers,
 * problems and errors; and they check which way each split went.
 */

static char path[64];

static void
write_file(const char *bytes, size_t len)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/renke-split-XXXXXX");
	if ((fd = mkstemp(path)) < 0 || write(fd, bytes, len) != (ssize_t)len) {
		perror("test file");
		exit(2);
	}
	close(fd);
}

/* Every record r gives, "line:f1|f2;" or "line:!problem;", then "ERROR" if it stops. */
static int
transcript(struct reader *r, struct buf *out)
{
	struct error err = { 0 };
	struct record *rec;
	char line[32];
	int rc;

	while ((rc = reader_next(r, &rec, &err)) == 1) {
		snprintf(line, sizeof(line), "%ld:", rec->line);
		buf_puts(out, line);
		if (rec->problem != NULL) {
			buf_puts(out, "!");
			buf_puts(out, rec->problem);
		}
		for (size_t i = 0; i < rec->count; i++) {
			if (i > 0)
				buf_puts(out, "|");
			buf_puts(out, rec->values[i]);
		}
		buf_puts(out, ";\n");
	}
	if (rc < 0) {
		buf_puts(out, "ERROR ");
		buf_puts(out, err.text);
	}
	return rc;
}

/*
 * Read text whole and in two parts (blocks of block bytes); 1 when both
 * give the same, with *held saying whether the split held (-1: no split).
 */
static int
same_in_two(const char *text, size_t len, enum encoding encoding, size_t block,
    int *held)
{
	struct error err = { 0 };
	struct buf whole = { 0 }, parts = { 0 };
	struct reader *r, *second = NULL;
	int same;

	write_file(text, len);
	r = reader_open(path, INPUT_AUTO, encoding, &err);
	transcript(r, &whole);
	reader_close(r);
	r = reader_open(path, INPUT_AUTO, encoding, &err);
	reader_set_block(r, block);
	*held = -1;
	if (reader_split(r, &second, &err) != 0)
		abort();
	if (transcript(r, &parts) >= 0 && second != NULL) {
		struct buf rest = { 0 };

		transcript(second, &rest);
		*held = reader_split_held(r, second);
		if (*held)
			buf_puts(&parts, rest.data != NULL ? rest.data : "");
		else
			transcript(r, &parts);
		buf_free(&rest);
	}
	buf_puts(&whole, "");
	buf_puts(&parts, "");
	same = strcmp(whole.data, parts.data) == 0;
	if (!same)
		printf("# whole:\n%s\n# in two parts:\n%s\n", whole.data, parts.data);
	reader_close(second);
	reader_close(r);
	unlink(path);
	buf_free(&whole);
	buf_free(&parts);
	return same;
}

/* A sheet of n rows; row k of each kind given gets that kind's text. */
static void
sheet(struct buf *b, int n, int quoted_at, int bad_at)
{
	char row[128];

	buf_puts(b, "name,village,answer\n");
	for (int i = 1; i <= n; i++) {
		snprintf(row, sizeof(row), "R%d,青山村,满意\n", i);
		if (i == quoted_at) {
			/* a quoted field of many lines without quotes */
			buf_puts(b, "R0,\"from here");
			for (int k = 0; k < 40; k++)
				buf_puts(b, "\nno quote, a line");
			buf_puts(b, "\",x\n");
		}
		if (i == bad_at)
			snprintf(row, sizeof(row), "R%d,a\"b,满意\n", i);
		buf_puts(b, row);
	}
}

static void
test_splits(void)
{
	struct buf b = { 0 };
	int held;

	sheet(&b, 400, 0, 100);
	ok(same_in_two(b.data, b.len, ENCODING_AUTO, 0, &held) && held == 1,
	    "a plain sheet: split, held, the same records");
	ok(same_in_two(b.data, b.len, ENCODING_AUTO, 7, &held) && held == 1,
	    "the same in blocks of 7 bytes");
	buf_reset(&b);
	sheet(&b, 400, 195, 350);
	ok(same_in_two(b.data, b.len, ENCODING_AUTO, 0, &held) && held == 0,
	    "a quoted field across the middle: not held; the first part reads on");
	buf_reset(&b);
	buf_puts(&b, "\xef\xbb\xbfname,answer\r\n");
	for (int i = 0; i < 300; i++)
		buf_puts(&b, i == 200 ? "\"two\r\nlines\",ok\r\n" : "a,b\r\n");
	ok(same_in_two(b.data, b.len, ENCODING_AUTO, 0, &held) && held == 1,
	    "a BOM, CRLF, a quoted CRLF after the middle: held");
	buf_reset(&b);
	/* ASCII, then 户主 in GB18030 after the middle, then in UTF-8 */
	buf_puts(&b, "name\n");
	for (int i = 0; i < 300; i++)
		buf_puts(&b, i < 150 ? "ab\n" : i == 250 ? "\xbb\xa7\xd6\xf7\n" : "cd\n");
	ok(same_in_two(b.data, b.len, ENCODING_AUTO, 0, &held) && held == 1,
	    "GB18030 first seen after the middle: held");
	buf_reset(&b);
	buf_puts(&b, "name\n");
	for (int i = 0; i < 300; i++)
		buf_puts(&b, i == 10 ? "户主\n" : i == 250 ? "\xbb\xa7\xd6\xf7\n" : "cd\n");
	ok(same_in_two(b.data, b.len, ENCODING_AUTO, 0, &held) && held == 0,
	    "UTF-8 before the middle, GB18030 after: not held, the same error");
	ok(same_in_two(b.data, b.len, ENCODING_GB18030, 0, &held) && held == 1,
	    "the same bytes read as GB18030, as asked: held");
	buf_reset(&b);
	for (int i = 0; i < 100; i++)
		buf_puts(&b, "{\"name\": \"a\"}\n");
	ok(same_in_two(b.data, b.len, ENCODING_AUTO, 0, &held) && held != 1,
	    "JSON Lines are read in one part");
	ok(same_in_two("a,b\n1,2\n", 8, ENCODING_AUTO, 0, &held) && held != 1,
	    "a file too short to split is read in one part");
	buf_free(&b);
}

int
main(void)
{
	test_splits();
	return done_testing();
}
