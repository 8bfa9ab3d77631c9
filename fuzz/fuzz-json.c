/*
 * fuzz-json.c -- the JSON readers: a JSON array, JSON Lines, and the
 * guess between them and CSV.  Every name and value is touched and
 * must be UTF-8.
 *
 * A property as well: the reader cuts the input into top-level values
 * itself, before jansson parses each.  When jansson parses the whole
 * input as one array (or one object), the reader's records are its
 * elements: as many, with the same names in the same order, the same
 * strings and nulls, and a problem exactly for an element that is no
 * object or holds a nested value or a NUL.  And when each line is one
 * object for jansson, reading JSON Lines gives those objects, line by
 * line, whether the reader or jansson cut them.
 */
#include <jansson.h>

#include "fuzz-reader.h"

/* 1 when the reader should refuse element v of the array. */
static int
bad_element(json_t *v)
{
	const char *key;
	json_t *value, *item;
	size_t i;

	if (!json_is_object(v))
		return 1;
	json_object_foreach(v, key, value) {
		if (json_is_object(value))
			return 1;
		if (json_is_string(value) &&
		    strlen(json_string_value(value)) != json_string_length(value))
			return 1;
		if (json_is_array(value))
			json_array_foreach(value, i, item)
				if (json_is_object(item) || json_is_array(item) ||
				    json_is_null(item) || (json_is_string(item) &&
				    strlen(json_string_value(item)) !=
				    json_string_length(item)))
					return 1;
	}
	return 0;
}

static void
check_record(const struct record *rec, json_t *v)
{
	const char *key;
	json_t *value;
	size_t i = 0;

	if (bad_element(v)) {
		FUZZ_CHECK(rec->problem != NULL);
		return;
	}
	FUZZ_CHECK(rec->problem == NULL);
	FUZZ_CHECK(rec->count == json_object_size(v));
	json_object_foreach(v, key, value) {
		FUZZ_CHECK(strcmp(rec->names[i], key) == 0);
		if (json_is_null(value))
			FUZZ_CHECK(rec->values[i] == NULL);
		else
			FUZZ_CHECK(rec->values[i] != NULL);
		if (json_is_string(value))
			FUZZ_CHECK(strcmp(rec->values[i], json_string_value(value)) == 0);
		if (json_is_integer(value)) {
			char text[32];

			snprintf(text, sizeof(text), "%" JSON_INTEGER_FORMAT,
			    json_integer_value(value));
			FUZZ_CHECK(strcmp(rec->values[i], text) == 0);
		}
		if (json_is_boolean(value))
			FUZZ_CHECK(strcmp(rec->values[i], json_is_true(value) ?
			    "true" : "false") == 0);
		i++;
	}
}

static void
compare_with_jansson(const char *path, const uint8_t *data, size_t size)
{
	json_error_t jerr;
	json_t *root = json_loadb((const char *)data, size, JSON_ALLOW_NUL, &jerr);
	struct error err = { 0 };
	struct reader *r;
	struct record *rec;
	size_t n = 0, want;
	int rc;

	if (root == NULL)
		return;
	want = json_is_array(root) ? json_array_size(root) : 1;
	r = reader_open(path, INPUT_JSON, ENCODING_AUTO, &err);
	FUZZ_CHECK(r != NULL);
	while ((rc = reader_next(r, &rec, &err)) == 1) {
		FUZZ_CHECK(n < want);
		check_record(rec, json_is_array(root) ? json_array_get(root, n) : root);
		n++;
	}
	FUZZ_CHECK(rc == 0 && n == want);
	reader_close(r);
	json_decref(root);
}

/*
 * As JSON Lines: when each line that is not blank is one JSON object
 * for jansson, the reader's records are those objects, one a line (the
 * reader takes flat lines without jansson).
 */
static void
compare_lines_with_jansson(const char *path, const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *end = s + size;
	json_t *lines = json_array();
	struct error err = { 0 };
	struct reader *r;
	struct record *rec;
	size_t n = 0;
	int rc;

	if (lines == NULL)
		abort();
	if (!utf8_valid(s, size) || (size >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0))
		goto out;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl != NULL ? (size_t)(nl - s) : (size_t)(end - s);
		json_error_t jerr;
		json_t *v;
		size_t blank = 0;

		while (blank < len && (s[blank] == ' ' || s[blank] == '\t' ||
		    s[blank] == '\r'))
			blank++;
		if (blank < len) {
			v = json_loadb(s, len, JSON_ALLOW_NUL, &jerr);
			if (v == NULL || !json_is_object(v)) {
				json_decref(v);
				goto out;
			}
			json_array_append_new(lines, v);
		}
		s += len + (nl != NULL);
	}
	r = reader_open(path, INPUT_JSONL, ENCODING_AUTO, &err);
	FUZZ_CHECK(r != NULL);
	while ((rc = reader_next(r, &rec, &err)) == 1) {
		FUZZ_CHECK(n < json_array_size(lines));
		check_record(rec, json_array_get(lines, n));
		n++;
	}
	FUZZ_CHECK(rc == 0 && n == json_array_size(lines));
	reader_close(r);
out:
	json_decref(lines);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);

	fuzz_read(path, INPUT_JSON, ENCODING_AUTO, 1);
	fuzz_read(path, INPUT_JSONL, ENCODING_AUTO, 1);
	fuzz_read(path, INPUT_AUTO, ENCODING_AUTO, 1);
	fuzz_blocks_agree(path, INPUT_JSONL, ENCODING_AUTO);
	fuzz_blocks_agree(path, INPUT_AUTO, ENCODING_AUTO);
	compare_with_jansson(path, data, size);
	compare_lines_with_jansson(path, data, size);
	return 0;
}
