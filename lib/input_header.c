/* input_header.c -- the CSV header: its names, the columns a message names, records checked against it */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "input.h"
#include "input_parts.h"
#include "output.h"
#include "text.h"

/* The column of field i as a spreadsheet letters it ("column AB"), into r. */
static const char *
column_label(struct reader *r, size_t i)
{
	char letters[16];
	size_t n = 0, k = i + 1;

	while (k > 0 && n < sizeof(letters) - 1) {
		letters[n++] = (char)('A' + (k - 1) % 26);
		k = (k - 1) / 26;
	}
	snprintf(r->column_name, sizeof(r->column_name), "%s ", _("column"));
	for (size_t at = strlen(r->column_name); n > 0 &&
	    at + 1 < sizeof(r->column_name); at++)
		r->column_name[at] = letters[--n], r->column_name[at + 1] = '\0';
	return r->column_name;
}

/*
 * The column of a CSV line s holding byte at, as a message names it:
 * the header's name for it, else its letter; NULL when s is no CSV
 * line or continues a record begun on a line before (its column is not
 * known from its own bytes).  The commas and quotes before at are those
 * of the line in any encoding it may have: in GB18030 no byte of a
 * character is an ASCII comma or quote.
 */
const char *
input_line_column(struct reader *r, const char *s, size_t at)
{
	size_t field = 0, i = 0;
	int quoted = 0;

	if (r->format == INPUT_AUTO) {	/* the first line: JSON, or CSV */
		while (i < at && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (s[i] == '[' || s[i] == '{')
			return NULL;
	} else if (r->format != INPUT_CSV || r->record_open)
		return NULL;
	for (i = 0; i < at; i++)
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == ',' && !quoted)
			field++;
	if (r->header != NULL && field < r->header_count &&
	    *r->header[field] != '\0')
		return r->header[field];
	return column_label(r, field);
}

/*
 * Trim the header's names and index the named columns in r->header_map,
 * refusing a name given twice: a hash set of the names, so that a header
 * of many columns costs no more than its length.
 */
static int
csv_name_columns(struct reader *r, long line, struct error *err)
{
	struct hashtab seen = { 0 };
	int rc = 0;

	if ((r->header_map = calloc(r->header_count + 1, sizeof(size_t))) == NULL ||
	    hashtab_reserve(&seen, r->header_count) != 0)
		rc = error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	for (size_t i = 0; rc == 0 && i < r->header_count; i++) {
		char *name = text_trim(r->header[i]);
		size_t len = strlen(name), pos, k;
		uint64_t h = text_hash(TEXT_HASH, name, len);

		memmove(r->header[i], name, len + 1);
		if (len == 0)
			continue;
		pos = hashtab_start(&seen, h);
		while ((k = hashtab_next(&seen, h, &pos)) != HASHTAB_END)
			if (strcmp(r->header[r->header_map[k]], r->header[i]) == 0)
				break;
		if (k != HASHTAB_END)
			rc = error_set(err, EXIT_DATAERR,
			    _("%s:%ld: %s: the column appears twice in the header"),
			    r->file, line, r->header[i]);
		else if (hashtab_add(&seen, h, r->header_named) != 0)
			rc = error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		else
			r->header_map[r->header_named++] = i;
	}
	hashtab_free(&seen);
	return rc;
}

/* Take the first CSV record as the header. */
int
input_csv_take_header(struct reader *r, struct pending *p, struct error *err)
{
	if (p->problem != NULL)
		return error_set(err, EXIT_DATAERR, "%s:%ld: %s", r->file, p->line,
		    _(p->problem));
	if (p->count > HEADER_MAX_COLUMNS)
		return error_set(err, EXIT_DATAERR, _("%s:%ld: the header has %zu "
		    "columns; at most %d are read"), r->file, p->line, p->count,
		    HEADER_MAX_COLUMNS);
	if (p->borrowed || p->block != NULL) {
		/* the header outlives the record's memory: its own copies */
		char **copies = calloc(p->count + 1, sizeof(*copies));
		size_t i;

		for (i = 0; copies != NULL && i < p->count; i++)
			if ((copies[i] = strdup(p->values[i])) == NULL)
				break;
		if (copies == NULL || i < p->count) {
			while (copies != NULL && i-- > 0)
				free(copies[i]);
			free(copies);
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		}
		if (!p->borrowed) {
			free(p->block);
			free(p->values);
		}
		p->values = copies;
		p->block = NULL;
		p->block_cap = 0;
		p->borrowed = 0;
	}
	r->header = p->values;
	r->header_count = p->count;
	p->values = NULL;
	p->count = p->cap = 0;
	return csv_name_columns(r, p->line, err);
}

static void csv_shape_fields(struct reader *r, struct pending *p);

/* The fields of p as one line of CSV, for a record that cannot be used (caller frees). */
static char *
csv_join(const struct pending *p)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	if (fp == NULL)
		return NULL;
	for (size_t i = 0; i < p->count; i++) {
		if (i > 0)
			putc(',', fp);
		csv_write_field(fp, p->values[i], 0);
	}
	if (fclose(fp) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* Check a CSV data record against the header and name its fields. */
void
input_csv_shape(struct reader *r, struct pending *p)
{
	csv_shape_fields(r, p);
	if (p->problem != NULL && p->raw == NULL)
		p->raw = csv_join(p);
	if (p->problem != NULL && p->nul_field >= 0 &&
	    (size_t)p->nul_field < r->header_count && *r->header[p->nul_field])
		p->problem_field = r->header[p->nul_field];
}

static void
csv_shape_fields(struct reader *r, struct pending *p)
{
	if (p->problem != NULL)
		return;
	/* the usual sheet: every column named, as many fields: all in place */
	if (p->count == r->header_count && r->header_named == r->header_count)
		return;
	/* the field a problem is in: the first cell past the header, the first missing */
	for (size_t i = r->header_count; i < p->count; i++)
		if (*p->values[i] != '\0') {
			p->problem = (char *)N_("more fields than the header has columns");
			p->problem_field = column_label(r, i);
			return;
		}
	if (p->count < r->header_count) {
		p->problem = (char *)N_("fewer fields than the header has columns");
		p->problem_field = *r->header[p->count] != '\0' ?
		    r->header[p->count] : column_label(r, p->count);
		return;
	}
	for (size_t i = 0; i < r->header_count; i++)
		if (*r->header[i] == '\0' && *p->values[i] != '\0') {
			p->problem = (char *)N_("a value in a column that has no name in the header");
			p->problem_field = column_label(r, i);
			return;
		}
	/* keep only the named columns, in header order */
	{
		size_t k = 0;

		for (size_t i = 0; i < p->count; i++) {
			if (k < r->header_named && r->header_map[k] == i)
				p->values[k++] = p->values[i];
			else if (p->block == NULL && !p->borrowed)
				free(p->values[i]);
		}
		p->count = k;
	}
}
