/* test-xlsx-out.c -- workbooks out: sheet names made valid and unique, limits refused, values read back */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "tap.h"
#include "renke.h"
#include "xlsx.h"
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

/*
 * Values that XML and Excel treat specially, written by the streaming
 * writer and read back by renke's reader: each cell as it went in (a
 * number in its shortest form, a date as a date); the serial numbers
 * about Excel's false 29 February 1900.
 */
static void
round_trip(void)
{
	static const struct column cols[] = {
		{ "title", NULL, COLUMN_TEXT, NULL },
		{ "count", NULL, COLUMN_INTEGER, NULL },
		{ "id_number", NULL, COLUMN_TEXT, NULL },
		{ "done", NULL, COLUMN_BOOLEAN, NULL },
	};
	static const char *const rows[][4] = {
		{ "a & b <c> \"d\" 'e'", "007", "500235199001010010", "true" },
		{ "  spaces at both ends  ", "-3", "0123", "false" },
		{ "tab\there\nnew line", "2.50", NULL, NULL },
		{ "control \x01 and \x1f and \r", "1e3", "", "maybe" },
		{ "_x0041_ is no escape here, _x004", "78.9%", "=1+1", NULL },
		{ "=SUM(A1)", "", "后叶镇", NULL },
		{ "1900-02-28", "12", NULL, NULL },
		{ "1900-03-01", NULL, NULL, NULL },
		{ "1899-12-31", "0", NULL, NULL },
		{ "2022-11-01", "-0", NULL, NULL },
	};
	static const char *const back[][4] = {
		{ "a & b <c> \"d\" 'e'", "7", "500235199001010010", "true" },
		{ "  spaces at both ends  ", "-3", "0123", "false" },
		{ "tab\there\nnew line", "2.5", "", "" },
		{ "control \x01 and \x1f and \r", "1000", "", "maybe" },
		{ "_x0041_ is no escape here, _x004", "0.789", "=1+1", "" },
		{ "=SUM(A1)", "", "后叶镇", "" },
		{ "1900-02-28", "12", "", "" },
		{ "1900-03-01", "", "", "" },
		{ "1899-12-31", "0", "", "" },
		{ "2022-11-01", "0", "", "" },
	};
	size_t nrows = sizeof(rows) / sizeof(rows[0]);
	char path[] = "/tmp/test-xlsx-out-XXXXXX";
	struct error err = { 0 };
	struct sheet_row row = { 0 };
	struct xlsx_out *x;
	struct xlsx *in = NULL;
	int fd = mkstemp(path), got;
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	char *xml;
	size_t k = 0;

	ok(fp != NULL, "a file for the workbook");
	if (fp == NULL)
		return;
	x = xlsx_out_open(fp, cols, 4, 0, "values", &err);
	for (size_t i = 0; x != NULL && i < nrows; i++)
		if (xlsx_out_row(x, rows[i], &err) != 0)
			printf("# %s\n", err.text);
	is_int(xlsx_out_close(x, &err), 0, "a workbook of awkward values");
	fclose(fp);
	xml = part(path, "xl/worksheets/sheet1.xml");
	ok(xml != NULL && strstr(xml, "<c s=\"4\"><v>59</v></c>") != NULL,
	    "1900-02-28 is day 59");
	ok(xml != NULL && strstr(xml, "<c s=\"4\"><v>61</v></c>") != NULL,
	    "1900-03-01 is day 61, after Excel's 29 February");
	ok(xml != NULL && strstr(xml, "<c r=\"D6\" t=\"inlineStr\"><is><t>maybe</t>") != NULL,
	    "a cell after an empty one says where it is");
	free(xml);
	in = xlsx_open(path, "values.xlsx", &err);
	ok(in != NULL && xlsx_select(in, 0, NULL, NULL, &err) == 0,
	    "renke reads it back");
	while (in != NULL && (got = xlsx_next_row(in, &row, &err)) == 1) {
		if (row.number < 3)
			continue;
		for (size_t c = 0; c < 4 && k < nrows; c++)
			is_str(sheet_row_text(&row, c), back[k][c], "row %zu column %zu",
			    k + 3, c + 1);
		k++;
	}
	is_int((long)k, (long)nrows, "every row");
	sheet_row_free(&row);
	xlsx_close(in);
	unlink(path);
}

int
main(void)
{
	sheet_names();
	limits();
	round_trip();
	return done_testing();
}
