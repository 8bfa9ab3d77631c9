/* test-xlsx-out.c -- workbooks out: sheet names made valid and unique, limits refused */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "tap.h"
#include "renke.h"
#include "xlsx_out.h"

static const struct column one[] = { { "title", NULL, COLUMN_TEXT, NULL } };

/* The part name of the workbook at path into a new string (caller frees), or NULL. */
static char *
part(const char *path, const char *name)
{
	zip_t *z = zip_open(path, ZIP_RDONLY, NULL);
	zip_stat_t st;
	zip_file_t *f;
	char *text = NULL;

	if (z == NULL)
		return NULL;
	if (zip_stat(z, name, 0, &st) == 0 && (f = zip_fopen(z, name, 0)) != NULL) {
		if ((text = calloc(1, st.size + 1)) != NULL &&
		    zip_fread(f, text, st.size) != (zip_int64_t)st.size) {
			free(text);
			text = NULL;
		}
		zip_fclose(f);
	}
	zip_close(z);
	return text;
}

/* A string of n copies of the UTF-8 character c. */
static char *
repeat(const char *c, size_t n)
{
	size_t len = strlen(c);
	char *s = malloc(n * len + 1);

	for (size_t i = 0; s != NULL && i < n; i++)
		memcpy(s + i * len, c, len);
	if (s != NULL)
		s[n * len] = '\0';
	return s;
}

static void
sheet_names(void)
{
	char path[] = "/tmp/test-xlsx-out-XXXXXX";
	static const char *const titles[] = {
		"a/b[c]:d*e?f\\g", "Visits", "visits", "Visits",
		"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三",
		"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四",
		"History", "'quoted'", "",
	};
	static const char *const names[] = {
		"name=\"a_b_c__d_e_f_g\"", "name=\"Visits\"", "name=\"visits (2)\"",
		"name=\"Visits (3)\"",
		"name=\"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一\"",
		"name=\"一二三四五六七八九十一二三四五六七八九十一二三四五六七 (2)\"",
		"name=\"History (2)\"", "name=\"quoted\"", "name=\"Sheet\"",
	};
	struct error err = { 0 };
	struct xlsx_book *b;
	FILE *fp;
	char *xml;
	int fd = mkstemp(path);

	fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	ok(fp != NULL, "a file for the workbook");
	if (fp == NULL)
		return;
	b = xlsx_book_open(fp, 1, &err);
	ok(b != NULL, "a workbook");
	for (size_t i = 0; b != NULL && i < sizeof(titles) / sizeof(titles[0]); i++)
		ok(xlsx_book_sheet(b, NULL, titles[i], one, 1, 0, &err) != NULL,
		    "a sheet titled \"%s\"", titles[i]);
	is_int(xlsx_book_close(b, &err), 0, "the workbook is written");
	fclose(fp);
	xml = part(path, "xl/workbook.xml");
	ok(xml != NULL, "it reads back");
	for (size_t i = 0; xml != NULL && i < sizeof(names) / sizeof(names[0]); i++) {
		ok(strstr(xml, names[i]) != NULL, "sheet %zu is %s", i + 1, names[i]);
		if (strstr(xml, names[i]) == NULL)
			printf("#   %s\n", xml);
	}
	free(xml);
	unlink(path);
}

static void
limits(void)
{
	char path[] = "/tmp/test-xlsx-out-XXXXXX";
	struct error err = { 0 };
	struct xlsx_out *x;
	const char *none[1] = { NULL };
	char *wide = repeat("户", 32767), *long_ascii = repeat("x", 32768);
	const char *v[1];
	long rows = 0;
	int fd = mkstemp(path), rc = 0;
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;

	ok(fp != NULL && wide != NULL && long_ascii != NULL, "set up");
	if (fp == NULL || wide == NULL || long_ascii == NULL)
		goto out;
	x = xlsx_out_open(fp, one, 1, 0, "limits", &err);
	ok(x != NULL, "a workbook of one sheet");
	v[0] = wide;
	is_int(xlsx_out_row(x, v, &err), 0,
	    "32,767 CJK characters (98,301 bytes) fit a cell");
	v[0] = long_ascii;
	is_int(xlsx_out_row(x, v, &err), -1, "32,768 characters do not");
	is_int(err.status, EXIT_DATAERR, "a data error");
	is_str(err.text, "title: row 4: a value of 32768 characters; a workbook "
	    "cell holds at most 32,767 characters", "the message names field and row");
	is_int(xlsx_out_close(x, &err), 0, "closing a refused workbook");
	fflush(fp);
	is_int(ftell(fp), 0, "nothing of it is written out");

	/* empty rows take no time: the sheet's last row, and one more */
	rewind(fp);
	x = xlsx_out_open(fp, one, 1, 0, "rows", &err);
	while (x != NULL && (rc = xlsx_out_row(x, none, &err)) == 0)
		rows++;
	is_int(rows, 1048576 - 2, "title, header and 1,048,574 rows fill a sheet");
	is_int(rc, -1, "the next row is refused");
	is_int(err.status, EXIT_DATAERR, "as a data error");
	is_str(err.text, "a workbook sheet holds at most 1,048,576 rows; write CSV "
	    "instead", "saying what to do");
	xlsx_out_close(x, NULL);
	fclose(fp);
	fp = NULL;
out:
	if (fp != NULL)
		fclose(fp);
	unlink(path);
	free(wide);
	free(long_ascii);
}

int
main(void)
{
	sheet_names();
	limits();
	return done_testing();
}
