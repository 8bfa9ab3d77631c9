/* xlsx_sheet.c -- an .xlsx sheet streamed row by row through expat; its merged regions */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx_private.h"

/* ---- a sheet, row by row ---- */

/* Column (from 0) of a cell reference such as "AB12"; -1 if none. */
static long
reference_column(const char *ref)
{
	long col = 0;
	int letters = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++, letters++) {
		col = col * 26 + (*ref - 'A' + 1);
		if (col > 16384)
			return -1;
	}
	return letters > 0 ? col - 1 : -1;
}

static void
sheet_fail(struct sheet_parse *sp, int status, const char *message)
{
	char cell[24];

	if (sp->failed)
		return;
	sp->failed = 1;
	cell_name(sp->col, sp->row->number, cell);
	error_set(sp->err, status, "%s:%s!%s: %s", sp->file, sp->sheet, cell, message);
}

/* The type a cell's t attribute gives. */
static enum cell_type
cell_type(const char *t)
{
	static const struct {
		const char *name;
		enum cell_type type;
	} types[] = {
		{ "s", CELL_TYPE_SHARED }, { "inlineStr", CELL_TYPE_INLINE },
		{ "str", CELL_TYPE_FORMULA_TEXT }, { "b", CELL_TYPE_BOOL },
		{ "e", CELL_TYPE_ERROR }, { "d", CELL_TYPE_DATE },
	};

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(t, types[i].name) == 0)
			return types[i].type;
	return CELL_TYPE_NUMBER;
}

/* The finished cell <c> into the row. */
static void
cell_done(struct sheet_parse *sp)
{
	const char *v = sp->v.data != NULL ? sp->v.data : "";
	enum cell_kind kind = CELL_TEXT;
	char tmp[32];
	const char *s = v;
	size_t n = sp->v.len;

	if (sp->type == CELL_TYPE_SHARED) {
		char *end;
		unsigned long i;

		if (n == 0)
			return;
		errno = 0;
		i = strtoul(v, &end, 10);
		if (sp->x == NULL || *end != '\0' || errno != 0 || i >= sp->x->nsst) {
			sheet_fail(sp, EXIT_DATAERR, _("a shared string that the workbook lacks"));
			return;
		}
		s = sp->x->sst.data + sp->x->sst_at[i];
		n = strlen(s);
	} else if (sp->type == CELL_TYPE_INLINE) {
		xlsx_decode_escapes(&sp->text);
		s = sp->text.data != NULL ? sp->text.data : "";
		n = sp->text.len;
	} else if (sp->type == CELL_TYPE_FORMULA_TEXT) {
		if (sp->has_f && !sp->has_v)
			kind = CELL_NO_RESULT;
		xlsx_decode_escapes(&sp->v);
		s = sp->v.data != NULL ? sp->v.data : "";
		n = sp->v.len;
	} else if (sp->type == CELL_TYPE_BOOL) {
		if (n == 0)
			kind = sp->has_f ? CELL_NO_RESULT : CELL_EMPTY;
		else {
			kind = CELL_BOOL;
			s = strcmp(v, "0") == 0 ? "false" : "true";
			n = strlen(s);
		}
	} else if (sp->type == CELL_TYPE_ERROR)
		kind = CELL_ERROR;
	else if (sp->type == CELL_TYPE_DATE) {
		kind = CELL_DATE;
		if (n < 10) {
			sheet_fail(sp, EXIT_DATAERR, _("a date cell that holds no date"));
			return;
		}
		n = 10;
	} else if (n == 0) {
		if (!sp->has_f)
			return;
		kind = CELL_NO_RESULT;
	} else {
		char *end;
		double x;

		errno = 0;
		x = strtod(v, &end);
		if (*end != '\0' || end == v) {
			sheet_fail(sp, EXIT_DATAERR, _("a number cell that holds no number"));
			return;
		}
		if (sp->x != NULL && sp->style >= 0 && (size_t)sp->style < sp->x->nxf &&
		    sp->x->xf_date[sp->style]) {
			if (workbook_serial_date(x, sp->x->date1904, tmp) == 0) {
				kind = CELL_DATE;
				s = tmp;
				n = 10;
			} else {
				kind = CELL_NUMBER;
				s = v;
			}
		} else {
			kind = CELL_NUMBER;
			workbook_number_text(x, tmp);
			s = tmp;
			n = strlen(tmp);
		}
	}
	if (sheet_row_set(sp->row, sp->col, kind, s, n) != 0)
		sheet_fail(sp, EXIT_SOFTWARE, strerror(ENOMEM));
}

static void XMLCALL
sheet_start(void *context, const char *name, const char **atts)
{
	struct sheet_parse *sp = context;
	const char *local = xml_local_name(name), *a;

	if (!sp->in_data) {
		if (strcmp(local, "sheetData") == 0)
			sp->in_data = 1;
		return;
	}
	if (local[0] == 'r' && strcmp(local, "row") == 0) {
		long number = (a = xml_attribute(atts, "r")) != NULL ?
		    strtol(a, NULL, 10) : sp->last_row + 1;

		if (sp->in_row) {
			sheet_fail(sp, EXIT_DATAERR, _("a row inside a row"));
			return;
		}
		sp->in_row = 1;
		if (number <= sp->last_row || number > 1048576)
			number = sp->last_row + 1;
		sp->last_row = number;
		sheet_row_reset(sp->row, number);
		sp->next_col = 0;
	} else if (local[0] == 'c' && local[1] == '\0' && sp->in_row) {
		long col = -1;

		/* r, t and s in one pass: this runs for every cell */
		sp->type = CELL_TYPE_NUMBER;
		sp->style = 0;
		for (size_t i = 0; atts[i] != NULL; i += 2) {
			const char *an = xml_local_name(atts[i]);

			if (an[1] != '\0')
				continue;
			if (an[0] == 'r')
				col = reference_column(atts[i + 1]);
			else if (an[0] == 't')
				sp->type = cell_type(atts[i + 1]);
			else if (an[0] == 's')
				sp->style = strtol(atts[i + 1], NULL, 10);
		}
		sp->col = col >= 0 ? (size_t)col : sp->next_col;
		if (sp->col > 16383) {
			sheet_fail(sp, EXIT_DATAERR, _("a cell beyond column XFD"));
			return;
		}
		sp->next_col = sp->col + 1;
		sp->in_cell = 1;
		sp->has_f = sp->has_v = 0;
		buf_reset(&sp->v);
		buf_reset(&sp->text);
	} else if (!sp->in_cell)
		return;
	else if (local[0] == 'v' && local[1] == '\0')
		sp->in_v = sp->has_v = 1;
	else if (local[0] == 'f' && local[1] == '\0')
		sp->has_f = 1;
	else if (strcmp(local, "rPh") == 0)
		sp->phonetic++;
	else if (strcmp(local, "t") == 0 && sp->phonetic == 0)
		sp->in_t = 1;
}

static void XMLCALL
sheet_end(void *context, const char *name)
{
	struct sheet_parse *sp = context;
	const char *local = xml_local_name(name);

	if (!sp->in_data)
		return;
	/* the most frequent first: every cell ends a v or a t, then a c */
	if (local[1] == '\0' && local[0] == 'v')
		sp->in_v = 0;
	else if (local[1] == '\0' && local[0] == 't')
		sp->in_t = 0;
	else if (local[1] == '\0' && local[0] == 'c') {
		if (sp->in_cell && !sp->failed)
			cell_done(sp);
		sp->in_cell = 0;
	} else if (strcmp(local, "row") == 0 && sp->in_row) {
		sp->in_row = 0;
		sp->row_done = 1;
		if (sp->x != NULL)
			XML_StopParser(sp->x->parser, XML_TRUE);
	} else if (strcmp(local, "rPh") == 0)
		sp->phonetic--;
	else if (strcmp(local, "sheetData") == 0)
		sp->in_data = 0;
}

static void XMLCALL
sheet_text(void *context, const char *s, int n)
{
	struct sheet_parse *sp = context;

	if (sp->in_v && buf_append(&sp->v, s, (size_t)n) != 0)
		sheet_fail(sp, EXIT_SOFTWARE, strerror(ENOMEM));
	else if (sp->in_t && buf_append(&sp->text, s, (size_t)n) != 0)
		sheet_fail(sp, EXIT_SOFTWARE, strerror(ENOMEM));
}

/* ---- merged regions: a first pass over the sheet's bytes ---- */

/* Parse "A1:C3" into m; 0, or -1 when it is no region of two cells or more. */
static int
parse_region(const char *ref, size_t n, struct merged_region *m)
{
	char a[32], b[32];
	const char *colon = memchr(ref, ':', n);
	long c1, c2;

	if (colon == NULL || (size_t)(colon - ref) >= sizeof(a) ||
	    n - (size_t)(colon - ref) - 1 >= sizeof(b))
		return -1;
	memcpy(a, ref, (size_t)(colon - ref));
	a[colon - ref] = '\0';
	memcpy(b, colon + 1, n - (size_t)(colon - ref) - 1);
	b[n - (size_t)(colon - ref) - 1] = '\0';
	c1 = reference_column(a);
	c2 = reference_column(b);
	m->r1 = strtol(a + strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), NULL, 10);
	m->r2 = strtol(b + strspn(b, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), NULL, 10);
	if (c1 < 0 || c2 < c1 || m->r1 < 1 || m->r2 < m->r1 ||
	    (c1 == c2 && m->r1 == m->r2))
		return -1;
	m->c1 = (size_t)c1;
	m->c2 = (size_t)c2;
	return 0;
}

static int
merge_order(const void *a, const void *b)
{
	const struct merged_region *x = a, *y = b;

	return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

struct merge_scan {
	struct merged_region *list;
	size_t n, cap;
};

/*
 * Find the <mergeCell ref="..."> tags in s[0..n).  Returns how many
 * bytes are done with (the rest may hold a tag cut short), or -1 when
 * memory runs out.
 */
static long
scan_merges(struct merge_scan *ms, const char *s, size_t n)
{
	static const char tag[] = "mergeCell";
	size_t done = n > 16 ? n - 16 : 0;
	const char *p = s, *end = s + n;

	while ((p = memmem(p, (size_t)(end - p), tag, sizeof(tag) - 1)) != NULL) {
		const char *after = p + sizeof(tag) - 1, *close, *ref;
		struct merged_region m;

		if (after >= end)
			break;
		if (p == s || (p[-1] != '<' && p[-1] != ':') ||
		    (*after != ' ' && *after != '\t' && *after != '\n' && *after != '\r')) {
			p = after;
			continue;
		}
		if ((close = memchr(after, '>', (size_t)(end - after))) == NULL)
			return p - 1 - s > 0 ? p - 1 - s : 0;
		ref = memmem(after, (size_t)(close - after), "ref=", 4);
		if (ref != NULL && ref + 5 < close) {
			char quote = ref[4];
			const char *v = ref + 5, *q = memchr(v, quote, (size_t)(close - v));

			if (q != NULL && parse_region(v, (size_t)(q - v), &m) == 0) {
				if (ms->n == ms->cap) {
					size_t cap = ms->cap ? ms->cap * 2 : 64;
					struct merged_region *l = realloc(ms->list, cap * sizeof(*l));

					if (l == NULL)
						return -1;
					ms->list = l;
					ms->cap = cap;
				}
				ms->list[ms->n++] = m;
			}
		}
		p = close;
		if ((size_t)(close + 1 - s) > done)
			done = (size_t)(close + 1 - s);
	}
	return (long)done;
}

static int
read_merges(struct xlsx *x, const char *part, struct merged_region **merges,
    size_t *nmerges, struct error *err)
{
	zip_file_t *zf = zip_fopen(x->zip, part, ZIP_FL_NOCASE);
	struct merge_scan ms = { NULL, 0, 0 };
	char *b = malloc(2 * CHUNK);
	size_t have = 0;
	int rc = 0;

	if (zf == NULL || b == NULL) {
		free(b);
		if (zf != NULL)
			zip_fclose(zf);
		return zf == NULL ? error_set(err, EXIT_DATAERR, _("%s: the workbook "
		    "lacks the sheet's part %s"), x->file, part) :
		    error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	}
	for (;;) {
		zip_int64_t n = zip_fread(zf, b + have, CHUNK);
		long done;

		if (n < 0) {
			rc = error_set(err, EXIT_DATAERR, "%s: %s: %s", x->file, part,
			    zip_file_strerror(zf));
			break;
		}
		if (n == 0)
			break;
		have += (size_t)n;
		if ((done = scan_merges(&ms, b, have)) < 0) {
			rc = error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
			break;
		}
		/* a tag longer than a chunk is no tag of ours */
		if (have > CHUNK && (size_t)done < have - CHUNK)
			done = (long)(have - CHUNK);
		memmove(b, b + done, have - (size_t)done);
		have -= (size_t)done;
	}
	free(b);
	zip_fclose(zf);
	if (rc != 0) {
		free(ms.list);
		return -1;
	}
	if (ms.n > 1)
		qsort(ms.list, ms.n, sizeof(*ms.list), merge_order);
	*merges = ms.list;
	*nmerges = ms.n;
	return 0;
}

static void
sheet_parse_init(struct sheet_parse *sp, const struct xlsx *x, const char *file,
    const char *sheet, struct error *err)
{
	buf_free(&sp->v);
	buf_free(&sp->text);
	memset(sp, 0, sizeof(*sp));
	sp->x = x;
	sp->file = file;
	sp->sheet = sheet;
	sp->err = err;
}

static void
stop_sheet(struct xlsx *x)
{
	if (x->parser != NULL)
		XML_ParserFree(x->parser);
	if (x->zf != NULL)
		zip_fclose(x->zf);
	x->parser = NULL;
	x->zf = NULL;
	x->suspended = x->final = 0;
}

int
xlsx_select(struct xlsx *x, size_t i, struct merged_region **merges, size_t *nmerges,
    struct error *err)
{
	zip_stat_t st;

	stop_sheet(x);
	if (merges != NULL && read_merges(x, x->sheet_parts[i], merges, nmerges,
	    err) != 0)
		return -1;
	zip_stat_init(&st);
	if (zip_stat(x->zip, x->sheet_parts[i], ZIP_FL_NOCASE, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE))
		x->total = (long long)st.size;
	x->done = 0;
	if ((x->zf = zip_fopen(x->zip, x->sheet_parts[i], ZIP_FL_NOCASE)) == NULL)
		return error_set(err, EXIT_DATAERR, _("%s: the workbook lacks the "
		    "sheet's part %s"), x->file, x->sheet_parts[i]);
	if ((x->parser = XML_ParserCreate(NULL)) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	sheet_parse_init(&x->sp, x, x->file, x->sheets[i].name, err);
	XML_SetUserData(x->parser, &x->sp);
	XML_SetElementHandler(x->parser, sheet_start, sheet_end);
	XML_SetCharacterDataHandler(x->parser, sheet_text);
	return 0;
}

/* The error of a sheet's XML that expat refused. */
static int
sheet_xml_error(struct sheet_parse *sp, XML_Parser p)
{
	if (sp->failed)
		return -1;
	return error_set(sp->err, EXIT_DATAERR, _("%s:%s: the sheet's XML is "
	    "broken at line %lu: %s"), sp->file, sp->sheet,
	    (unsigned long)XML_GetCurrentLineNumber(p),
	    XML_ErrorString(XML_GetErrorCode(p)));
}

int
xlsx_next_row(struct xlsx *x, struct sheet_row *row, struct error *err)
{
	struct sheet_parse *sp = &x->sp;

	sp->row = row;
	sp->err = err;
	sp->row_done = 0;
	if (x->parser == NULL)
		return 0;
	for (;;) {
		enum XML_Status status;

		if (x->suspended) {
			x->suspended = 0;
			status = XML_ResumeParser(x->parser);
		} else if (x->final) {
			return 0;
		} else {
			void *b = XML_GetBuffer(x->parser, CHUNK);
			zip_int64_t n;

			if (b == NULL)
				return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
			if ((n = zip_fread(x->zf, b, CHUNK)) < 0)
				return error_set(err, EXIT_DATAERR, "%s:%s: %s", x->file,
				    sp->sheet, zip_file_strerror(x->zf));
			x->done += n;
			x->final = n == 0;
			status = XML_ParseBuffer(x->parser, (int)n, x->final);
		}
		if (status == XML_STATUS_ERROR || sp->failed)
			return sheet_xml_error(sp, x->parser);
		if (status == XML_STATUS_SUSPENDED) {
			x->suspended = 1;
			return 1;
		}
		if (sp->row_done)
			return 1;
	}
}

void
xlsx_progress(const struct xlsx *x, long long *done, long long *total)
{
	*done = x->done;
	*total = x->total;
}

void
xlsx_close(struct xlsx *x)
{
	if (x == NULL)
		return;
	stop_sheet(x);
	buf_free(&x->sp.v);
	buf_free(&x->sp.text);
	if (x->zip != NULL)
		zip_discard(x->zip);
	for (size_t i = 0; i < x->nsheets; i++) {
		free(x->sheets[i].name);
		if (x->sheet_parts != NULL)
			free(x->sheet_parts[i]);
	}
	free(x->sheets);
	free(x->sheet_parts);
	free(x->strings_part);
	free(x->styles_part);
	buf_free(&x->sst);
	free(x->sst_at);
	free(x->xf_date);
	free(x->file);
	free(x);
}

/* For the fuzz target: rows handed on as the parser ends them. */
struct bare_parse {
	struct sheet_parse sp;
	struct sheet_row row;
	int (*fn)(void *context, const struct sheet_row *row);
	void *context;
	int stopped;
};

static void XMLCALL
bare_end(void *context, const char *name)
{
	struct bare_parse *b = context;

	sheet_end(&b->sp, name);
	if (b->sp.row_done) {
		b->sp.row_done = 0;
		if (!b->stopped && b->fn(b->context, &b->row) != 0)
			b->stopped = 1;
	}
}

static void XMLCALL
bare_start(void *context, const char *name, const char **atts)
{
	sheet_start(&((struct bare_parse *)context)->sp, name, atts);
}

static void XMLCALL
bare_text(void *context, const char *s, int n)
{
	sheet_text(&((struct bare_parse *)context)->sp, s, n);
}

int
xlsx_parse_sheet_xml(const char *data, size_t n,
    int (*fn)(void *context, const struct sheet_row *row), void *context,
    struct error *err)
{
	struct bare_parse b;
	XML_Parser p = XML_ParserCreate(NULL);
	int rc = 0;

	if (p == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	memset(&b, 0, sizeof(b));
	sheet_parse_init(&b.sp, NULL, "fuzz", "sheet", err);
	b.sp.row = &b.row;
	b.fn = fn;
	b.context = context;
	XML_SetUserData(p, &b);
	XML_SetElementHandler(p, bare_start, bare_end);
	XML_SetCharacterDataHandler(p, bare_text);
	if (XML_Parse(p, data, (int)(n > 0x7fffffff ? 0x7fffffff : n), 1) !=
	    XML_STATUS_OK || b.sp.failed)
		rc = sheet_xml_error(&b.sp, p);
	XML_ParserFree(p);
	buf_free(&b.sp.v);
	buf_free(&b.sp.text);
	sheet_row_free(&b.row);
	return rc;
}
