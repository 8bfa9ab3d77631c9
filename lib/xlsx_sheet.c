/* xlsx_sheet.c -- an .xlsx sheet streamed row by row through xml_scan; its merged regions */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "worker.h"
#include "xlsx_private.h"

/* ---- a sheet, row by row ---- */

/* Column (from 0) of a cell reference such as "AB12"; -1 if none. */
static inline long
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

/*
 * The number at s as strtol() reads it (0 when there is none), for the
 * small numbers of every row and cell (a row's number, a cell's style):
 * one past 10^9 stays there.
 */
static inline long
attribute_number(const char *s)
{
	long v = 0;
	int minus = 0;

	while (*s == ' ')
		s++;
	if (*s == '-' || *s == '+')
		minus = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++)
		if (v < 1000000000)
			v = v * 10 + (*s - '0');
	return minus ? -v : v;
}

static void
sheet_fail(struct sheet_parse *sp, int status, const char *message)
{
	char cell[24];

	if (sp->failed)
		return;
	sp->failed = 1;
	xml_scan_pause(sp->scan);
	cell_name(sp->col, sp->row->number, cell);
	error_set(sp->err, status, "%s:%s!%s: %s", sp->file, sp->sheet, cell, message);
}

/* The type a cell's t attribute gives (n, and what Excel does not write, a number). */
static inline enum cell_type
cell_type(const char *t)
{
	switch (t[0]) {
	case 's':
		return t[1] == '\0' ? CELL_TYPE_SHARED : strcmp(t, "str") == 0 ?
		    CELL_TYPE_FORMULA_TEXT : CELL_TYPE_NUMBER;
	case 'i':
		return strcmp(t, "inlineStr") == 0 ? CELL_TYPE_INLINE : CELL_TYPE_NUMBER;
	case 'b':
		return t[1] == '\0' ? CELL_TYPE_BOOL : CELL_TYPE_NUMBER;
	case 'e':
		return t[1] == '\0' ? CELL_TYPE_ERROR : CELL_TYPE_NUMBER;
	case 'd':
		return t[1] == '\0' ? CELL_TYPE_DATE : CELL_TYPE_NUMBER;
	default:
		return CELL_TYPE_NUMBER;
	}
}

/* The elements of a sheet the parse looks at; every other is ELEMENT_OTHER. */
enum element { ELEMENT_OTHER, ELEMENT_SHEET_DATA, ELEMENT_ROW, ELEMENT_C, ELEMENT_V,
	ELEMENT_F, ELEMENT_T, ELEMENT_PHONETIC };

/* Which element the local name is: one look at its first letters, as it runs for every tag. */
static inline enum element
element(const char *local)
{
	switch (local[0]) {
	case 'c':
		return local[1] == '\0' ? ELEMENT_C : ELEMENT_OTHER;
	case 'v':
		return local[1] == '\0' ? ELEMENT_V : ELEMENT_OTHER;
	case 'f':
		return local[1] == '\0' ? ELEMENT_F : ELEMENT_OTHER;
	case 't':
		return local[1] == '\0' ? ELEMENT_T : ELEMENT_OTHER;
	case 'r':
		return local[1] == 'o' && strcmp(local, "row") == 0 ? ELEMENT_ROW :
		    local[1] == 'P' && strcmp(local, "rPh") == 0 ? ELEMENT_PHONETIC :
		    ELEMENT_OTHER;
	case 's':
		return strcmp(local, "sheetData") == 0 ? ELEMENT_SHEET_DATA : ELEMENT_OTHER;
	default:
		return ELEMENT_OTHER;
	}
}

/* The row's shared-string cells into it: 0, or -1 when memory runs out. */
static int
shared_cells_done(struct sheet_parse *sp)
{
	char unpacked[XLSX_STRINGS_PACKED_MAX];

	for (size_t k = 0; k < sp->nshared; k++) {
		size_t n;
		const char *s = xlsx_strings_get(&sp->x->strings, sp->shared[k].i,
		    unpacked, &n);

		if (sheet_row_set(sp->row, sp->shared[k].col, CELL_TEXT, s, n) != 0)
			return -1;
	}
	sp->nshared = 0;
	return 0;
}

/* Shared string i for the cell sp->col, set when the row ends: 0, or -1 when memory runs out. */
static int
shared_cell(struct sheet_parse *sp, size_t i)
{
	if (sp->nshared == sp->shared_cap) {
		size_t cap = sp->shared_cap ? 2 * sp->shared_cap : 32;
		struct shared_cell *c = realloc(sp->shared, cap * sizeof(*c));

		if (c == NULL)
			return -1;
		sp->shared = c;
		sp->shared_cap = cap;
	}
	xlsx_strings_prefetch(&sp->x->strings, i);
	sp->shared[sp->nshared].col = sp->col;
	sp->shared[sp->nshared++].i = (uint32_t)i;
	return 0;
}

/* 1 when the cell's style shows a date. */
static int
cell_shows_date(const struct sheet_parse *sp)
{
	return sp->x != NULL && sp->style >= 0 && (size_t)sp->style < sp->x->nxf &&
	    sp->x->xf_date[sp->style];
}

/*
 * The text of a whole number v[0..n) of up to 15 digits (a count, a
 * year) into out as workbook_number_text() writes it, without strtod()
 * and snprintf(): 1, or 0 when v is not one.
 */
static int
integer_text(const char *v, size_t n, char out[32])
{
	size_t k = v[0] == '-', o = 0;

	if (n <= k || n - k > 15)
		return 0;
	for (size_t i = k; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	while (k < n - 1 && v[k] == '0')
		k++;
	if (v[0] == '-' && v[k] != '0')
		out[o++] = '-';
	memcpy(out + o, v + k, n - k);
	out[o + n - k] = '\0';
	return 1;
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
		size_t i = 0, k = 0, digits;

		if (n == 0)
			return;
		/* its number's digits, white space around them: no strtoul for every cell */
		while (k < n && (v[k] == ' ' || v[k] == '\t' || v[k] == '\n'))
			k++;
		for (digits = 0; k < n && digits < 10 && v[k] >= '0' && v[k] <= '9'; k++, digits++)
			i = i * 10 + (size_t)(v[k] - '0');
		while (k < n && (v[k] == ' ' || v[k] == '\t' || v[k] == '\n'))
			k++;
		if (sp->x == NULL || digits == 0 || k < n || i >= sp->x->strings.n) {
			sheet_fail(sp, EXIT_DATAERR, _("a shared string that the workbook lacks"));
			return;
		}
		if (shared_cell(sp, i) != 0)
			sheet_fail(sp, EXIT_SOFTWARE, strerror(ENOMEM));
		return;
	} else if (sp->type == CELL_TYPE_INLINE) {
		/* its text in <is>; some exporters put it in <v> instead */
		struct buf *t = sp->text.len == 0 && sp->v.len > 0 ? &sp->v : &sp->text;

		xlsx_decode_escapes(t);
		s = t->data != NULL ? t->data : "";
		n = t->len;
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
	} else if (!cell_shows_date(sp) && integer_text(v, n, tmp)) {
		kind = CELL_NUMBER;
		s = tmp;
		n = strlen(tmp);
	} else {
		char *end;
		double x;

		errno = 0;
		x = strtod(v, &end);
		if (*end != '\0' || end == v) {
			sheet_fail(sp, EXIT_DATAERR, _("a number cell that holds no number"));
			return;
		}
		if (cell_shows_date(sp)) {
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
	/* a cell of a column before a shared string's (no sheet Excel saves)
	   is set after it, as it comes */
	if (sp->nshared > 0 && sp->shared[sp->nshared - 1].col >= sp->col &&
	    shared_cells_done(sp) != 0) {
		sheet_fail(sp, EXIT_SOFTWARE, strerror(ENOMEM));
		return;
	}
	if (sheet_row_set(sp->row, sp->col, kind, s, n) != 0)
		sheet_fail(sp, EXIT_SOFTWARE, strerror(ENOMEM));
}

/* The handlers take names without their prefixes, as xml_scan gives them. */
static void
sheet_start(void *context, const char *local, const char **atts)
{
	struct sheet_parse *sp = context;
	enum element e = element(local);
	const char *a;

	if (!sp->in_data) {
		if (e == ELEMENT_SHEET_DATA)
			sp->in_data = 1;
		return;
	}
	if (e == ELEMENT_ROW) {
		long number = (a = xml_attribute(atts, "r")) != NULL ?
		    attribute_number(a) : sp->last_row + 1;

		if (sp->in_row) {
			sheet_fail(sp, EXIT_DATAERR, _("a row inside a row"));
			return;
		}
		sp->in_row = 1;
		if (number <= sp->last_row || number > 1048576)
			number = sp->last_row + 1;
		sp->last_row = number;
		sheet_row_reset(sp->row, number);
		sp->nshared = 0;
		sp->next_col = 0;
	} else if (e == ELEMENT_C && sp->in_row) {
		long col = -1;

		/* r, t and s in one pass: this runs for every cell */
		sp->type = CELL_TYPE_NUMBER;
		sp->style = 0;
		for (size_t i = 0; atts[i] != NULL; i += 2) {
			const char *an = atts[i];

			if (an[1] != '\0')
				continue;
			if (an[0] == 'r')
				col = reference_column(atts[i + 1]);
			else if (an[0] == 't')
				sp->type = cell_type(atts[i + 1]);
			else if (an[0] == 's')
				sp->style = attribute_number(atts[i + 1]);
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
	else if (e == ELEMENT_V)
		sp->in_v = sp->has_v = 1;
	else if (e == ELEMENT_F)
		sp->has_f = 1;
	else if (e == ELEMENT_PHONETIC)
		sp->phonetic++;
	else if (e == ELEMENT_T && sp->phonetic == 0)
		sp->in_t = 1;
}

static void
sheet_end(void *context, const char *local)
{
	struct sheet_parse *sp = context;

	if (!sp->in_data)
		return;
	switch (element(local)) {
	case ELEMENT_V:
		sp->in_v = 0;
		break;
	case ELEMENT_T:
		sp->in_t = 0;
		break;
	case ELEMENT_C:
		if (sp->in_cell && !sp->failed)
			cell_done(sp);
		sp->in_cell = 0;
		break;
	case ELEMENT_ROW:
		if (!sp->in_row)
			break;
		sp->in_row = 0;
		if (shared_cells_done(sp) != 0) {
			sheet_fail(sp, EXIT_SOFTWARE, strerror(ENOMEM));
			break;
		}
		sp->row_done = 1;
		xml_scan_pause(sp->scan);
		break;
	case ELEMENT_PHONETIC:
		sp->phonetic--;
		break;
	case ELEMENT_SHEET_DATA:
		sp->in_data = 0;
		break;
	default:
		break;
	}
}

static void
sheet_text(void *context, const char *s, size_t n)
{
	struct sheet_parse *sp = context;

	if (sp->in_v && buf_append(&sp->v, s, n) != 0)
		sheet_fail(sp, EXIT_SOFTWARE, strerror(ENOMEM));
	else if (sp->in_t && buf_append(&sp->text, s, n) != 0)
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

/* The lacking or unreadable part of file: -1 with err set as errno (from part_open) says. */
static int
part_missing(const char *file, const char *part, struct error *err)
{
	if (errno == ENOMEM)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	return error_set(err, EXIT_DATAERR, _("%s: the workbook lacks the sheet's "
	    "part %s"), file, part);
}

/*
 * Excel writes a sheet's merged regions after its rows, so they are
 * found by a pass over the whole sheet before its first row is read: on
 * a thread of its own, through a zip of its own, while the shared
 * strings are read.
 */
struct merge_job {
	const char *path, *file, *part;
	struct merge_scan ms;
	int failed;
	struct error err;
};

/*
 * The merged regions in b[0..*have) once more bytes came into it; what
 * may begin a tag is kept at the start of b, *have of it, at most CHUNK
 * bytes (b holds 2 * CHUNK).  0, or -1 when memory runs out.
 */
static int
scan_merges_more(struct merge_scan *ms, char *b, size_t *have)
{
	long done = scan_merges(ms, b, *have);

	if (done < 0)
		return -1;
	/* a tag longer than a chunk is no tag of ours */
	if (*have > CHUNK && (size_t)done < *have - CHUNK)
		done = (long)(*have - CHUNK);
	memmove(b, b + done, *have - (size_t)done);
	*have -= (size_t)done;
	return 0;
}

/*
 * The merged regions of the deflated part zf opened as it is stored
 * (ZIP_FL_COMPRESSED), inflated here without the CRC that libzip would
 * compute: the rows' pass reads the same bytes through libzip, which
 * checks it, so a damaged sheet is still refused.  0, or -1 on any
 * failure, which the caller takes as a reason to read the part through
 * libzip instead, to say what is wrong with it.
 */
static int
merges_inflated(struct merge_scan *ms, zip_file_t *zf, char *b)
{
	z_stream z;
	char *in = malloc(CHUNK);
	size_t have = 0;
	int zrc = Z_OK, rc = -1;

	memset(&z, 0, sizeof(z));
	if (in == NULL || inflateInit2(&z, -MAX_WBITS) != Z_OK) {
		free(in);
		return -1;
	}
	while (zrc != Z_STREAM_END) {
		if (z.avail_in == 0) {
			zip_int64_t n = zip_fread(zf, in, CHUNK);

			if (n <= 0)
				goto out;	/* an error, or the data ends before the stream */
			z.next_in = (Bytef *)in;
			z.avail_in = (uInt)n;
		}
		z.next_out = (Bytef *)b + have;
		z.avail_out = CHUNK;
		zrc = inflate(&z, Z_NO_FLUSH);
		if (zrc != Z_OK && zrc != Z_STREAM_END)
			goto out;
		have += CHUNK - z.avail_out;
		if (scan_merges_more(ms, b, &have) != 0)
			goto out;
	}
	rc = 0;
out:
	inflateEnd(&z);
	free(in);
	return rc;
}

/* 1 when part is deflated and not encrypted, so that merges_inflated() can read it. */
static int
part_deflated(zip_t *zip, const char *part)
{
	zip_stat_t st;

	zip_stat_init(&st);
	return zip_stat(zip, part, ZIP_FL_NOCASE, &st) == 0 &&
	    (st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method == ZIP_CM_DEFLATE &&
	    (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method == ZIP_EM_NONE;
}

/* The worker's job: the merged regions of j->part into j->ms, or j->failed and j->err. */
static void
merge_job_run(void *arg)
{
	struct merge_job *j = arg;
	zip_t *zip = xlsx_zip_open(j->path, j->file, &j->err);
	zip_file_t *zf = NULL;
	char *b = NULL;
	size_t have = 0;

	if (zip == NULL)
		goto fail;
	if ((b = malloc(2 * CHUNK)) == NULL) {
		error_set(&j->err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		goto fail;
	}
	if (part_deflated(zip, j->part) &&
	    (zf = zip_fopen(zip, j->part, ZIP_FL_NOCASE | ZIP_FL_COMPRESSED)) != NULL) {
		int rc = merges_inflated(&j->ms, zf, b);

		zip_fclose(zf);
		zf = NULL;
		if (rc == 0)
			goto out;
		j->ms.n = 0;	/* read again below, where what is wrong is said */
	}
	if ((zf = zip_fopen(zip, j->part, ZIP_FL_NOCASE)) == NULL) {
		errno = ENOENT;
		part_missing(j->file, j->part, &j->err);
		goto fail;
	}
	for (;;) {
		zip_int64_t n = zip_fread(zf, b + have, CHUNK);

		if (n < 0) {
			error_set(&j->err, EXIT_DATAERR, "%s: %s: %s", j->file, j->part,
			    zip_file_strerror(zf));
			goto fail;
		}
		if (n == 0)
			break;
		have += (size_t)n;
		if (scan_merges_more(&j->ms, b, &have) != 0) {
			error_set(&j->err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
			goto fail;
		}
	}
	goto out;
fail:
	j->failed = 1;
out:
	free(b);
	if (zf != NULL)
		zip_fclose(zf);
	if (zip != NULL)
		zip_discard(zip);
}

static void
sheet_parse_init(struct sheet_parse *sp, const struct xlsx *x, struct xml_scan *scan,
    const char *file, const char *sheet, struct error *err)
{
	buf_free(&sp->v);
	buf_free(&sp->text);
	free(sp->shared);
	memset(sp, 0, sizeof(*sp));
	sp->x = x;
	sp->scan = scan;
	sp->file = file;
	sp->sheet = sheet;
	sp->err = err;
}

/* The error of a sheet's XML that the scanner refused. */
static int
sheet_xml_error(struct sheet_parse *sp, const struct xml_scan *scan,
    struct part_reader *part)
{
	if (sp->failed)
		return -1;
	if (scan->read_failed)
		return error_set(sp->err, EXIT_DATAERR, "%s:%s: %s", sp->file, sp->sheet,
		    part != NULL ? part_strerror(part) : strerror(EIO));
	return error_set(sp->err, EXIT_DATAERR, _("%s:%s: the sheet's XML is "
	    "broken at line %lu: %s"), sp->file, sp->sheet, xml_scan_line(scan),
	    xml_scan_reason(scan));
}

/* ---- rows parsed a batch ahead, on a thread of their own ---- */

/*
 * The sheet's XML is parsed on one core while the rows parsed before
 * it are imported on the other: in batches of BATCH_ROWS rows, one
 * handed out while the next is parsed.  A batch ends early once its
 * rows hold BATCH_BYTES of cells and text, and a row that held more
 * than ROW_KEEP is freed before it is parsed into again, so that rows
 * reaching column XFD keep memory as small as narrow ones do.
 */
#define BATCH_ROWS 256
#define BATCH_BYTES (1 << 20)
#define ROW_KEEP (16 << 10)

struct row_batch {
	struct xlsx *x;
	struct sheet_row rows[BATCH_ROWS];
	size_t n, next;		/* rows parsed into it; rows handed out */
	int rc;			/* after its rows: 1 more to come, 0 the end, -1 err */
	struct error err;
	long long done;		/* bytes of the sheet read when it was parsed */
	unsigned long job;	/* the parser's number for it */
};

/* The next row of the sheet into row: 1, 0 at the end, -1 with err set. */
static int
parse_row(struct xlsx *x, struct sheet_row *row, struct error *err)
{
	struct sheet_parse *sp = &x->sp;
	int rc;

	sp->row = row;
	sp->err = err;
	sp->row_done = 0;
	if (!x->scanning)
		return 0;
	rc = xml_scan_run(&x->scan);
	if (rc < 0 || sp->failed) {
		x->scanning = 0;
		return sheet_xml_error(sp, &x->scan, x->part);
	}
	if (rc == 0) {
		x->scanning = 0;
		return 0;
	}
	return 1;
}

/* What the cells and text of row take. */
static size_t
row_bytes(const struct sheet_row *row)
{
	return row->cap * sizeof(struct cell) + row->text.cap;
}

/* The parser's job: the next rows of the sheet into the batch arg. */
static void
parse_batch(void *arg)
{
	struct row_batch *b = arg;
	size_t bytes = 0;

	b->n = b->next = 0;
	b->rc = 1;
	while (b->n < BATCH_ROWS && bytes < BATCH_BYTES) {
		struct sheet_row *row = &b->rows[b->n];

		if (row_bytes(row) > ROW_KEEP)
			sheet_row_free(row);
		if ((b->rc = parse_row(b->x, row, &b->err)) != 1)
			break;
		bytes += row_bytes(row);
		b->n++;
	}
	b->done = part_done(b->x->part);
}

static void
stop_sheet(struct xlsx *x)
{
	/* the batches queued are parsed first */
	worker_stop(x->parser);
	x->parser = NULL;
	for (size_t k = 0; x->batch != NULL && k < 2; k++)
		for (size_t i = 0; i < BATCH_ROWS; i++)
			sheet_row_free(&x->batch[k].rows[i]);
	free(x->batch);
	x->batch = NULL;
	xml_scan_free(&x->scan);
	if (x->part != NULL)
		x->done = part_done(x->part);
	part_close(x->part);
	x->part = NULL;
	x->scanning = 0;
}

int
xlsx_select(struct xlsx *x, size_t i, struct merged_region **merges, size_t *nmerges,
    struct error *err)
{
	struct merge_job job = { x->path, x->file, x->sheet_parts[i], { NULL, 0, 0 }, 0,
	    { 0, "" } };
	struct worker *w = NULL;
	zip_stat_t st;
	int rc;

	stop_sheet(x);
	if (merges != NULL) {
		/* without a thread, the job runs here and now */
		w = worker_start();
		worker_run(w, merge_job_run, &job);
	}
	rc = xlsx_read_strings(x, err);
	if (merges != NULL) {
		worker_stop(w);
		if (rc == 0 && job.failed) {
			*err = job.err;
			rc = -1;
		}
		if (rc != 0)
			free(job.ms.list);
		else {
			workbook_sort_merges(job.ms.list, job.ms.n);
			*merges = job.ms.list;
			*nmerges = job.ms.n;
		}
	}
	if (rc != 0)
		return -1;
	zip_stat_init(&st);
	if (zip_stat(x->zip, x->sheet_parts[i], ZIP_FL_NOCASE, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE))
		x->total = (long long)st.size;
	x->done = 0;
	if ((x->part = part_open(x->zip, x->sheet_parts[i])) == NULL)
		return part_missing(x->file, x->sheet_parts[i], err);
	sheet_parse_init(&x->sp, x, &x->scan, x->file, x->sheets[i].name, err);
	xml_scan_init(&x->scan, part_read, x->part, sheet_start, sheet_end, sheet_text,
	    &x->sp);
	x->scanning = 1;
	if ((x->batch = calloc(2, sizeof(*x->batch))) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	x->batch[0].x = x->batch[1].x = x;
	x->cur = 0;
	/* without a thread, each batch is parsed when it is queued */
	x->parser = worker_start();
	x->batch[0].job = worker_run(x->parser, parse_batch, &x->batch[0]);
	x->batch[1].job = worker_run(x->parser, parse_batch, &x->batch[1]);
	return 0;
}

int
xlsx_next_row(struct xlsx *x, struct sheet_row *row, struct error *err)
{
	if (x->batch == NULL)
		return 0;
	for (;;) {
		struct row_batch *b = &x->batch[x->cur];

		worker_wait(x->parser, b->job);
		x->done = b->done;
		if (b->next < b->n) {
			/* the row changes places with the caller's, whose memory the batch keeps */
			struct sheet_row t = *row;

			*row = b->rows[b->next];
			b->rows[b->next++] = t;
			return 1;
		}
		if (b->rc != 1) {
			if (b->rc < 0)
				*err = b->err;
			return b->rc;
		}
		/* this batch is done with: parse the one after the next into it */
		b->job = worker_run(x->parser, parse_batch, b);
		x->cur ^= 1;
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
	free(x->sp.shared);
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
	xlsx_strings_free(&x->strings);
	free(x->xf_date);
	free(x->file);
	free(x->path);
	free(x);
}

int
xlsx_parse_sheet_xml(const char *data, size_t n, size_t chunk,
    int (*fn)(void *context, const struct sheet_row *row), void *context,
    struct error *err)
{
	struct xml_memory m = { data, n, 0, chunk };
	struct sheet_parse sp;
	struct sheet_row row;
	struct xml_scan scan;
	int rc, stopped = 0;

	memset(&sp, 0, sizeof(sp));
	memset(&row, 0, sizeof(row));
	sheet_parse_init(&sp, NULL, &scan, "fuzz", "sheet", err);
	sp.row = &row;
	xml_scan_init(&scan, xml_memory_read, &m, sheet_start, sheet_end, sheet_text, &sp);
	while ((rc = xml_scan_run(&scan)) == 1 && !sp.failed) {
		if (sp.row_done && !stopped && fn(context, &row) != 0)
			stopped = 1;
		sp.row_done = 0;
	}
	rc = rc < 0 || sp.failed ? sheet_xml_error(&sp, &scan, NULL) : 0;
	xml_scan_free(&scan);
	buf_free(&sp.v);
	buf_free(&sp.text);
	free(sp.shared);
	sheet_row_free(&row);
	return rc;
}
