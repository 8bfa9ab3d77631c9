/* input_json.c -- JSON records: an array, values spread over lines, or JSON Lines (flat lines cut in place) */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "input.h"
#include "input_parts.h"

/* ---- JSON ---- */

static char *
json_scalar_text(json_t *v, const char **problem)
{
	char tmp[64];

	switch (json_typeof(v)) {
	case JSON_STRING:
		if (strlen(json_string_value(v)) != json_string_length(v)) {
			*problem = N_("a NUL byte in the text");
			return NULL;
		}
		return strdup(json_string_value(v));
	case JSON_INTEGER:
		snprintf(tmp, sizeof(tmp), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return strdup(tmp);
	case JSON_REAL:
		snprintf(tmp, sizeof(tmp), "%.15g", json_real_value(v));
		return strdup(tmp);
	case JSON_TRUE:
		return strdup("true");
	case JSON_FALSE:
		return strdup("false");
	default:
		*problem = N_("a nested object or array where a value was expected");
		return NULL;
	}
}

/* Turn one parsed JSON value into a queued record. */
static int
json_to_record(struct reader *r, json_t *root, long line)
{
	struct pending p = { 0 };
	const char *key;
	json_t *value;

	p.line = line;
	if (!json_is_object(root)) {
		p.problem = (char *)N_("each record must be a JSON object");
		return input_queue_push(r, &p);
	}
	/* names go first, values after: values[count/2 + i] */
	json_object_foreach(root, key, value) {
		char *name = strdup(key), *text = NULL;
		const char *problem = NULL;

		if (name == NULL || input_pending_push(&p, name) != 0) {
			free(name);
			goto nomem;
		}
		if (json_is_null(value))
			text = NULL;
		else if (json_is_array(value)) {
			struct buf joined = { 0 };
			size_t i;
			json_t *item;

			json_array_foreach(value, i, item) {
				char *t = json_scalar_text(item, &problem);

				if (t == NULL)
					break;
				if (i > 0)
					buf_puts(&joined, ";");
				buf_puts(&joined, t);
				free(t);
			}
			if (problem == NULL && joined.data == NULL)
				buf_puts(&joined, "");
			text = joined.data;
			if (problem != NULL) {
				free(text);
				text = NULL;
			}
		} else
			text = json_scalar_text(value, &problem);
		if (problem != NULL && p.problem == NULL) {
			p.problem = (char *)problem;
			p.problem_field = name;
		}
		if (input_pending_push(&p, text) != 0) {
			free(text);
			goto nomem;
		}
	}
	return input_queue_push(r, &p);
nomem:
	input_pending_free(&p);
	return -1;
}

/* at, moved back over the JSON white space that s[0..at) ends with. */
static size_t
json_space_before(const char *s, size_t at)
{
	while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '\t' ||
	    s[at - 1] == '\r' || s[at - 1] == '\n'))
		at--;
	return at;
}

/*
 * The key that s[0..at) ends with, where jansson stopped: just after the
 * key (skip_value 0) or after the key's number (1).  Returns the key,
 * decoded (the caller frees), or NULL when there is none there.
 */
static char *
json_key_before(const char *s, size_t at, int skip_value)
{
	size_t open;
	json_t *key;
	char *name = NULL;

	while (skip_value && at > 0 && s[at - 1] != '\0' &&
	    strchr("0123456789+-.eE", s[at - 1]) != NULL)
		at--;
	at = json_space_before(s, at);
	if (skip_value && (at == 0 || s[--at] != ':'))
		return NULL;
	at = json_space_before(s, at);
	if (at < 2 || s[at - 1] != '"')
		return NULL;
	/* the opening quote: the first before it not escaped by a backslash */
	for (open = at - 1; open-- > 0;) {
		size_t slashes = 0;

		while (open - slashes > 0 && s[open - slashes - 1] == '\\')
			slashes++;
		if (s[open] == '"' && slashes % 2 == 0)
			break;
	}
	if (open == (size_t)-1 || (key = json_loadb(s + open, at - open,
	    JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL)) == NULL)
		return NULL;
	if (json_is_string(key))
		name = strdup(json_string_value(key));
	json_decref(key);
	return name;
}

/*
 * Queue the JSON value r->json_text that jansson refused: a key given
 * twice and a number out of range are named with their key, anything
 * else is not valid JSON.  0, or -1 when memory runs out.
 */
static int
json_refused(struct reader *r, const json_error_t *jerr)
{
	struct pending p = { 0 };
	enum json_error_code code = json_error_code(jerr);
	char *key = NULL;

	p.line = r->json_line + jerr->line - 1 > r->json_line ?
	    r->json_line + jerr->line - 1 : r->json_line;
	p.nul_field = -1;
	p.problem = (char *)N_("not valid JSON");
	if (code == json_error_duplicate_key) {
		p.problem = (char *)N_("the key appears twice in the object");
		key = json_key_before(r->json_text.data, (size_t)jerr->position, 0);
	} else if (code == json_error_numeric_overflow) {
		p.problem = (char *)N_("a number out of range");
		key = json_key_before(r->json_text.data, (size_t)jerr->position, 1);
	}
	/* the key lives with the record: its first value, never handed out */
	if (key != NULL && input_pending_push(&p, key) != 0) {
		free(key);
		return -1;
	}
	p.problem_field = key;
	if ((p.raw = strdup(r->json_text.data)) == NULL) {
		input_pending_free(&p);
		return -1;
	}
	return input_queue_push(r, &p);
}

static int
json_element_done(struct reader *r, struct error *err)
{
	json_error_t jerr;
	json_t *root = json_loadb(r->json_text.data, r->json_text.len,
	    JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY | JSON_ALLOW_NUL |
	    JSON_REJECT_DUPLICATES, &jerr);
	int rc;

	r->json_in_element = 0;
	if (root == NULL) {
		rc = json_refused(r, &jerr);
	} else {
		rc = json_to_record(r, root, r->json_line);
		json_decref(root);
	}
	buf_reset(&r->json_text);
	if (rc != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	return 0;
}

/*
 * Cut the current line into top-level JSON values.  (Longer than most:
 * one pass over the bytes whose states, string, escape and depth, every
 * step would share if it were cut up.)
 */
int
input_json_feed(struct reader *r, struct error *err)
{
	const char *s = r->line.data;
	size_t n = r->line.len, start = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!r->json_in_element) {
			if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
				continue;
			if (!r->json_started) {
				r->json_started = 1;
				r->json_lines = r->format == INPUT_JSONL ? 1 : -1;
				if (c == '[') {
					r->json_array = 1;
					r->json_lines = 0;
					continue;
				}
			}
			if (r->json_closed)
				return error_set(err, EXIT_DATAERR,
				    _("%s:%ld: text after the end of the JSON array"),
				    r->file, r->line_number);
			if (r->json_array && c == ',')
				continue;
			if (r->json_array && c == ']') {
				r->json_closed = 1;
				continue;
			}
			r->json_in_element = 1;
			r->json_depth = 0;
			r->json_in_string = r->json_escape = 0;
			r->json_line = r->line_number;
			start = i;
		}
		if (r->json_in_string) {
			if (r->json_escape)
				r->json_escape = 0;
			else if (c == '\\')
				r->json_escape = 1;
			else if (c == '"') {
				r->json_in_string = 0;
				if (r->json_depth == 0)
					goto element_end;
			}
			continue;
		}
		if (c == '"')
			r->json_in_string = 1;
		else if (c == '{' || c == '[')
			r->json_depth++;
		else if ((c == '}' || c == ']') && r->json_depth > 0) {
			if (--r->json_depth == 0)
				goto element_end;
		} else if (r->json_depth == 0 && (c == ',' || c == ' ' ||
		    c == '\n' || c == '\r' || c == '\t' || c == ']' || c == '}')) {
			/* a bare scalar ends before this character */
			if (i == start)	/* a stray separator */
				goto element_end;
			if (buf_append(&r->json_text, s + start, i - start) != 0 ||
			    json_element_done(r, err) != 0)
				return -1;
			if (c == ',' && !r->json_array)
				continue;
			i--;
			continue;
		}
		continue;
element_end:
		if (r->json_lines < 0)
			r->json_lines = r->json_line == r->line_number;
		if (buf_append(&r->json_text, s + start, i + 1 - start) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		if (json_element_done(r, err) != 0)
			return -1;
	}
	if (r->json_in_element &&
	    buf_append(&r->json_text, s + start, n - start) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if (r->json_in_element && r->json_lines < 0)
		r->json_lines = 0;	/* objects spread over lines, as jq prints them */
	if (r->json_in_element && r->json_lines == 1) {
		/* JSON Lines: a line that does not close its value is one bad record */
		char *raw = r->json_text.data;
		size_t len = r->json_text.len;

		while (len > 0 && (raw[len - 1] == '\n' || raw[len - 1] == '\r'))
			raw[--len] = '\0';
		r->json_in_element = 0;
		if (input_queue_problem(r, r->json_line, N_("not valid JSON"), raw) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		buf_reset(&r->json_text);
	}
	return 0;
}

int
input_json_finish(struct reader *r, struct error *err)
{
	if (r->json_in_element) {
		if (r->json_depth == 0 && !r->json_in_string)
			return json_element_done(r, err);
		return error_set(err, EXIT_DATAERR,
		    _("%s:%ld: a JSON value is not closed by the end of the input"),
		    r->file, r->json_line);
	}
	if (r->json_array && !r->json_closed)
		return error_set(err, EXIT_DATAERR,
		    _("%s:%ld: the JSON array is not closed by the end of the input"),
		    r->file, r->line_number);
	return 0;
}

/*
 * A line of JSON Lines that is one flat object, as sheets exported to
 * JSON are: names and values that are strings without escapes or
 * control characters, whole numbers of up to 18 digits, true, false or
 * null.  Such a line is cut where it lies in r->line, as the CSV lines
 * are; jansson, costlier by far, parses any other.
 */

/* Pairs of a flat object taken without jansson; an object with more goes to it. */
#define JSON_FLAT_PAIRS 64

static size_t
json_space(const char *s, size_t i)
{
	while (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
		i++;
	return i;
}

/*
 * The string starting at s[*i] (a quote): its text s[*at..*stop) and
 * *i past it.  0 when it has an escape or a control character, or is
 * not closed: jansson's business.
 */
static int
json_flat_string(const char *s, size_t *i, size_t *at, size_t *stop)
{
	size_t j = *i + 1;

	while (s[j] != '"') {
		if (s[j] == '\\' || (unsigned char)s[j] < 0x20)
			return 0;	/* the NUL that ends the line is one */
		j++;
	}
	*at = *i + 1;
	*stop = j;
	*i = j + 1;
	return 1;
}

/* A value other than a string at s[*i]: true, false, null (*stop = 0) or a whole number. */
static int
json_flat_scalar(const char *s, size_t *i, size_t *at, size_t *stop)
{
	static const char *const words[] = { "true", "false", "null" };
	size_t j = *i, digits = 0;

	for (size_t w = 0; w < 3; w++) {
		size_t n = strlen(words[w]);

		if (strncmp(s + j, words[w], n) == 0) {
			*at = j;
			*stop = w == 2 ? 0 : j + n;
			*i = j + n;
			return 1;
		}
	}
	if (s[j] == '-')
		j++;
	while (s[j + digits] >= '0' && s[j + digits] <= '9')
		digits++;
	/* no -0, no leading zero, no fraction or exponent, no overflow */
	if (digits == 0 || digits > 18 || (s[j] == '0' && (digits > 1 ||
	    j > *i)) || s[j + digits] == '.' || s[j + digits] == 'e' ||
	    s[j + digits] == 'E')
		return 0;
	*at = *i;
	*stop = j + digits;
	*i = j + digits;
	return 1;
}

/*
 * Take the current line as one flat object into p, its names and values
 * in r->line: 1, or 0 when the line is for jansson (untouched then), or
 * -1 when memory runs out.
 */
int
input_json_flat_line(struct reader *r, struct pending *p)
{
	char *s = r->line.data;
	size_t at[2 * JSON_FLAT_PAIRS], stop[2 * JSON_FLAT_PAIRS], k = 0, i;

	i = json_space(s, 0);
	if (s[i++] != '{' || s[i = json_space(s, i)] == '}')
		return 0;
	for (;;) {
		if (k == 2 * JSON_FLAT_PAIRS || s[i] != '"' ||
		    !json_flat_string(s, &i, &at[k], &stop[k]))
			return 0;
		k++;
		if (s[i = json_space(s, i)] != ':')
			return 0;
		i = json_space(s, i + 1);
		if (!(s[i] == '"' ? json_flat_string(s, &i, &at[k], &stop[k]) :
		    json_flat_scalar(s, &i, &at[k], &stop[k])))
			return 0;
		k++;
		i = json_space(s, i);
		if (s[i] == '}')
			break;
		if (s[i++] != ',')
			return 0;
		i = json_space(s, i);
	}
	if (json_space(s, i + 1) != r->line.len)
		return 0;	/* more after the object */
	/* a name given twice is jansson's to settle */
	for (size_t a = 2; a < k; a += 2)
		for (size_t b = 0; b < a; b += 2)
			if (stop[a] - at[a] == stop[b] - at[b] &&
			    memcmp(s + at[a], s + at[b], stop[a] - at[a]) == 0)
				return 0;
	if (input_plain_reserve(r, k + 1) != 0)
		return -1;
	for (size_t j = 0; j < k; j++) {
		r->plain_values[j] = stop[j] == 0 ? NULL : s + at[j];
		if (stop[j] != 0)
			s[stop[j]] = '\0';
	}
	input_pending_borrow(r, p, k);
	return 1;
}
