/*
 * fuzz-csv.c -- the CSV reader: any bytes, as a sheet in whatever
 * encoding.  Every name and value is touched and must be UTF-8.
 *
 * A property as well: the reader splits most lines itself, without
 * libcsv, for speed, and must split them exactly as libcsv does.  When
 * the input is UTF-8 that libcsv parses whole (no BOM, no NUL) and the
 * reader finds every record good and every column named, its header
 * and records are the rows libcsv gives, but for blank rows.  Read a
 * few bytes at a time, it must hand out what it hands out reading a
 * mebibyte at a time.
 */
#include <csv.h>

#include "fuzz-reader.h"

struct rows {
	char ***row;		/* each row's fields, NULL-terminated */
	size_t count, cap;
	char **building;
	size_t fields;
};

static void *
must(void *p)
{
	if (p == NULL)
		abort();
	return p;
}

static void
rows_field(void *data, size_t len, void *context)
{
	struct rows *rs = context;
	char *v = must(malloc(len + 1));

	if (len > 0)
		memcpy(v, data, len);
	v[len] = '\0';
	rs->building = must(realloc(rs->building,
	    (rs->fields + 2) * sizeof(char *)));
	rs->building[rs->fields++] = v;
	rs->building[rs->fields] = NULL;
}

static int
blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

static void
rows_end(int c, void *context)
{
	struct rows *rs = context;
	int all_blank = 1;

	(void)c;
	for (size_t i = 0; i < rs->fields; i++)
		all_blank = all_blank && blank(rs->building[i]);
	if (all_blank) {
		for (size_t i = 0; i < rs->fields; i++)
			free(rs->building[i]);
		free(rs->building);
	} else {
		if (rs->count == rs->cap) {
			rs->cap = rs->cap ? rs->cap * 2 : 16;
			rs->row = must(realloc(rs->row, rs->cap * sizeof(char **)));
		}
		rs->row[rs->count++] = rs->building;
	}
	rs->building = NULL;
	rs->fields = 0;
}

static void
rows_free(struct rows *rs)
{
	for (size_t i = 0; i < rs->count; i++) {
		for (size_t k = 0; rs->row[i][k] != NULL; k++)
			free(rs->row[i][k]);
		free(rs->row[i]);
	}
	free(rs->row);
	memset(rs, 0, sizeof(*rs));
}

/* libcsv's rows of data[0..size), as the reader sets libcsv up; 0, or -1. */
static int
libcsv_rows(const uint8_t *data, size_t size, struct rows *rs)
{
	struct csv_parser p;
	int rc = 0;

	memset(rs, 0, sizeof(*rs));
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	if (csv_parse(&p, data, size, rows_field, rows_end, rs) != size ||
	    csv_fini(&p, rows_field, rows_end, rs) != 0)
		rc = -1;
	csv_free(&p);
	if (rs->building != NULL) {
		for (size_t i = 0; i < rs->fields; i++)
			free(rs->building[i]);
		free(rs->building);
		rs->building = NULL;
	}
	if (rc != 0)
		rows_free(rs);
	return rc;
}

/* Row i of rs holds exactly values[0..n), or more fields that are empty. */
static int
row_is(const struct rows *rs, size_t i, char **values, size_t n, int trim)
{
	char **row = rs->row[i];
	size_t k;

	for (k = 0; k < n; k++) {
		char *copy;
		int same;

		if (row[k] == NULL)
			return 0;
		copy = must(strdup(row[k]));
		same = strcmp(trim ? text_trim(copy) : copy, values[k]) == 0;
		free(copy);
		if (!same)
			return 0;
	}
	for (; row[k] != NULL; k++)
		if (*row[k] != '\0')
			return 0;
	return 1;
}

static void
compare_with_libcsv(const char *path, const uint8_t *data, size_t size)
{
	struct error err = { 0 };
	struct reader *r;
	struct record *rec;
	struct rows rs;
	char **header;
	size_t n, next = 1;
	int rc, comparable = 1;

	if (size == 0 || memchr(data, '\0', size) != NULL ||
	    !utf8_valid((const char *)data, size) ||
	    (size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) ||
	    libcsv_rows(data, size, &rs) != 0)
		return;
	r = reader_open(path, INPUT_CSV, ENCODING_AUTO, &err);
	FUZZ_CHECK(r != NULL);
	while ((rc = reader_next(r, &rec, &err)) == 1 && comparable) {
		header = reader_header(r, &n);
		if (rec->problem != NULL || rec->ncolumns != n ||
		    rec->count != n) {
			comparable = 0;
			break;
		}
		FUZZ_CHECK(next < rs.count);
		FUZZ_CHECK(row_is(&rs, next, rec->values, n, 0));
		next++;
	}
	header = reader_header(r, &n);
	if (rc == 0 && comparable && header != NULL) {
		int named = 1;

		for (size_t i = 0; i < n; i++)
			named = named && *header[i] != '\0';
		if (named) {
			FUZZ_CHECK(rs.count >= 1 && row_is(&rs, 0, header, n, 1));
			FUZZ_CHECK(next == rs.count);
		}
	}
	reader_close(r);
	rows_free(&rs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);

	fuzz_read(path, INPUT_CSV, ENCODING_AUTO, 1);
	fuzz_blocks_agree(path, INPUT_CSV, ENCODING_AUTO);
	compare_with_libcsv(path, data, size);
	return 0;
}
