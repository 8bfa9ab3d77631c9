/* test-output.c -- records out: CSV quoting, the Excel guard, JSON, the table */
#include <stdlib.h>

#include "renke.h"
#include "tap.h"

static const struct column columns[] = {
	{ "name", N_("name"), COLUMN_TEXT },
	{ "n", N_("n"), COLUMN_INTEGER },
	{ "ok", N_("ok"), COLUMN_BOOLEAN },
};

static char *text;
static size_t text_len;

/* Write rows (3 values each, nrows of them) in format with flags; the output. */
static const char *
render(enum output_format format, unsigned flags, const char *const *rows,
    size_t nrows)
{
	struct error err = { 0 };
	FILE *fp;
	struct writer *w;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &text_len);
	w = writer_open(fp, format, columns, 3, flags, &err);
	for (size_t i = 0; i < nrows; i++)
		writer_row(w, rows + 3 * i, &err);
	writer_close(w, &err);
	fclose(fp);
	return text;
}

int
main(void)
{
	static const char *const plain[] = { "张三", "3", "1", "a,b", "-2", "0" };
	static const char *const tricky[] = { "say \"hi\"\nbye", NULL, NULL };
	static const char *const formula[] = { "=1+1", "-5", "true", "@x", "12", "false" };
	static const char *const wide[] = { "户主姓名", "10", "1", "ab", "7", "0" };

	setenv("LANG", "C", 1);
	is_str(render(FORMAT_CSV, 0, plain, 2), "name,n,ok\n张三,3,1\n\"a,b\",-2,0\n",
	    "CSV quotes a comma");
	is_str(render(FORMAT_CSV, 0, tricky, 1), "name,n,ok\n\"say \"\"hi\"\"\nbye\",,\n",
	    "CSV doubles quotes and keeps newlines; NULL is empty");
	is_str(render(FORMAT_CSV, OUTPUT_BOM, plain, 1), "\xef\xbb\xbfname,n,ok\n张三,3,1\n",
	    "--bom");
	is_str(render(FORMAT_CSV, OUTPUT_EXCEL | OUTPUT_BOM, formula, 2),
	    "\xef\xbb\xbfname,n,ok\r\n'=1+1,-5,true\r\n'@x,12,false\r\n",
	    "--excel: BOM, CRLF, formulas guarded, negative numbers left alone");
	is_str(render(FORMAT_CSV, OUTPUT_NO_HEADER, plain, 1), "张三,3,1\n", "no header");
	is_str(render(FORMAT_CSV, 0, plain, 0), "name,n,ok\n", "no rows: the header");
	is_str(render(FORMAT_JSONL, 0, plain, 2),
	    "{\"name\":\"张三\",\"n\":3,\"ok\":true}\n{\"name\":\"a,b\",\"n\":-2,\"ok\":false}\n",
	    "JSON Lines with types");
	is_str(render(FORMAT_JSONL, 0, tricky, 1),
	    "{\"name\":\"say \\\"hi\\\"\\nbye\",\"n\":null,\"ok\":null}\n",
	    "JSON escapes; NULL is null");
	is_str(render(FORMAT_JSON, 0, plain, 1),
	    "[\n{\"name\":\"张三\",\"n\":3,\"ok\":true}\n]\n", "a JSON array");
	is_str(render(FORMAT_JSON, 0, plain, 0), "[]\n", "an empty JSON array");
	is_str(render(FORMAT_TABLE, 0, wide, 2),
	    "name       n  ok\n--------  --  --\n户主姓名  10  1\nab         7  0\n",
	    "a table aligned by display width, numbers to the right");
	is_str(render(FORMAT_TABLE, 0, wide, 0), "", "an empty table prints nothing");
	free(text);
	return done_testing();
}
