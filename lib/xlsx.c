/* xlsx.c -- .xlsx workbooks: the package, its sheets, shared strings and date styles */
#include <errno.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "xlsx_private.h"

/* ---- XML helpers ---- */

const char *
xml_local_name(const char *name)
{
	const char *c = strrchr(name, ':');

	return c != NULL ? c + 1 : name;
}

const char *
xml_attribute(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i] != NULL; i += 2)
		if (strcmp(xml_local_name(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

void
xlsx_decode_escapes(struct buf *b)
{
	char *s = b->data, *out = b->data;
	size_t n = b->len;

	if (s == NULL || memchr(s, '_', n) == NULL)
		return;
	for (size_t i = 0; i < n;) {
		unsigned cp = 0;
		int hex = i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_';

		for (size_t k = 2; hex && k < 6; k++) {
			char c = s[i + k];
			int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ?
			    c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

			if (d < 0)
				hex = 0;
			cp = cp * 16 + (unsigned)(d < 0 ? 0 : d);
		}
		if (!hex || (cp >= 0xd800 && cp < 0xe000) || cp == 0) {
			*out++ = s[i++];
			continue;
		}
		if (cp < 0x80)
			*out++ = (char)cp;
		else if (cp < 0x800) {
			*out++ = (char)(0xc0 | cp >> 6);
			*out++ = (char)(0x80 | (cp & 0x3f));
		} else {
			*out++ = (char)(0xe0 | cp >> 12);
			*out++ = (char)(0x80 | ((cp >> 6) & 0x3f));
			*out++ = (char)(0x80 | (cp & 0x3f));
		}
		i += 7;
	}
	b->len = (size_t)(out - b->data);
	b->data[b->len] = '\0';
}

/*
 * Parse the zip entry part with handlers on context.  A part that is
 * missing is an error unless optional (then 1 is returned).  0, 1, or
 * -1 with err set.
 */
static int
parse_part(struct xlsx *x, const char *part, int optional,
    XML_StartElementHandler start, XML_EndElementHandler end,
    XML_CharacterDataHandler text, void *context, struct error *err)
{
	zip_file_t *zf = zip_fopen(x->zip, part, ZIP_FL_NOCASE);
	XML_Parser p;
	int rc = 0;

	if (zf == NULL) {
		if (optional)
			return 1;
		return error_set(err, EXIT_DATAERR, _("%s: not a workbook that can be "
		    "read: it has no %s"), x->file, part);
	}
	if ((p = XML_ParserCreate(NULL)) == NULL) {
		zip_fclose(zf);
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	}
	XML_SetUserData(p, context);
	XML_SetElementHandler(p, start, end);
	if (text != NULL)
		XML_SetCharacterDataHandler(p, text);
	for (;;) {
		void *b = XML_GetBuffer(p, CHUNK);
		zip_int64_t n;

		if (b == NULL) {
			rc = error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
			break;
		}
		if ((n = zip_fread(zf, b, CHUNK)) < 0) {
			rc = error_set(err, EXIT_DATAERR, _("%s: %s: %s"), x->file, part,
			    zip_file_strerror(zf));
			break;
		}
		if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
			rc = error_set(err, EXIT_DATAERR, _("%s: %s, line %lu: %s"),
			    x->file, part, (unsigned long)XML_GetCurrentLineNumber(p),
			    XML_ErrorString(XML_GetErrorCode(p)));
			break;
		}
		if (n == 0)
			break;
	}
	XML_ParserFree(p);
	zip_fclose(zf);
	return rc;
}

/* The path in the zip of target, relative to the part in directory base. */
static char *
resolve_target(const char *base, const char *target)
{
	struct buf b = { 0 };

	if (*target == '/')
		buf_puts(&b, target + 1);
	else {
		buf_puts(&b, base);
		while (strncmp(target, "../", 3) == 0) {
			/* drop the last directory of what is there */
			char *slash;

			target += 3;
			if (b.len > 0)
				b.data[--b.len] = '\0';
			slash = strrchr(b.data, '/');
			b.len = slash != NULL ? (size_t)(slash - b.data) + 1 : 0;
			b.data[b.len] = '\0';
		}
		buf_puts(&b, target);
	}
	return b.data;
}

/* ---- package and workbook parts ---- */

struct rels {
	struct xlsx *x;
	const char *base;
	char **ids, **targets, **types;
	size_t n, cap;
	int nomem;
};

static void XMLCALL
rels_start(void *context, const char *name, const char **atts)
{
	struct rels *r = context;
	const char *id = xml_attribute(atts, "Id"), *target = xml_attribute(atts, "Target"),
	    *type = xml_attribute(atts, "Type");

	if (strcmp(xml_local_name(name), "Relationship") != 0 || id == NULL ||
	    target == NULL)
		return;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 8;
		char **a = realloc(r->ids, cap * sizeof(char *)),
		    **b = a != NULL ? realloc(r->targets, cap * sizeof(char *)) : NULL,
		    **c = b != NULL ? realloc(r->types, cap * sizeof(char *)) : NULL;

		if (a != NULL)
			r->ids = a;
		if (b != NULL)
			r->targets = b;
		if (c == NULL) {
			r->nomem = 1;
			return;
		}
		r->types = c;
		r->cap = cap;
	}
	r->ids[r->n] = strdup(id);
	r->targets[r->n] = resolve_target(r->base, target);
	r->types[r->n] = strdup(type != NULL ? type : "");
	if (r->ids[r->n] == NULL || r->targets[r->n] == NULL || r->types[r->n] == NULL)
		r->nomem = 1;
	r->n++;
}

static void XMLCALL
ignore_end(void *context, const char *name)
{
	(void)context;
	(void)name;
}

static void
rels_free(struct rels *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->ids[i]);
		free(r->targets[i]);
		free(r->types[i]);
	}
	free(r->ids);
	free(r->targets);
	free(r->types);
}

/* The target of the first relationship whose type ends in kind, or NULL. */
static const char *
rels_find_type(const struct rels *r, const char *kind)
{
	size_t k = strlen(kind);

	for (size_t i = 0; i < r->n; i++) {
		size_t t = strlen(r->types[i]);

		if (t >= k && strcmp(r->types[i] + t - k, kind) == 0)
			return r->targets[i];
	}
	return NULL;
}

static int
read_rels(struct xlsx *x, const char *part, const char *base, struct rels *r,
    struct error *err)
{
	int rc;

	memset(r, 0, sizeof(*r));
	r->x = x;
	r->base = base;
	rc = parse_part(x, part, 1, rels_start, ignore_end, NULL, r, err);
	if (rc >= 0 && r->nomem)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	return rc < 0 ? -1 : 0;
}

struct book_parse {
	struct xlsx *x;
	char **rids;
	int nomem;
};

static void XMLCALL
book_start(void *context, const char *name, const char **atts)
{
	struct book_parse *b = context;
	struct xlsx *x = b->x;
	const char *local = xml_local_name(name);

	if (strcmp(local, "workbookPr") == 0) {
		const char *d = xml_attribute(atts, "date1904");

		x->date1904 = d != NULL && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
	} else if (strcmp(local, "sheet") == 0) {
		const char *sheet = xml_attribute(atts, "name"), *state = xml_attribute(atts, "state"),
		    *rid = xml_attribute(atts, "id");
		struct sheet_info *s = realloc(x->sheets, (x->nsheets + 1) * sizeof(*s));
		char **r = s != NULL ? realloc(b->rids, (x->nsheets + 1) * sizeof(*r)) : NULL;

		if (s != NULL)
			x->sheets = s;
		if (r == NULL) {
			b->nomem = 1;
			return;
		}
		b->rids = r;
		s = &x->sheets[x->nsheets];
		s->name = strdup(sheet != NULL ? sheet : "");
		s->hidden = state != NULL && strcmp(state, "visible") != 0;
		s->chart = 0;
		s->rows = -1;
		r[x->nsheets] = strdup(rid != NULL ? rid : "");
		x->nsheets++;
		if (s->name == NULL || r[x->nsheets - 1] == NULL)
			b->nomem = 1;
	}
}

/*
 * A zip that is some other spreadsheet than an .xlsx, told by its
 * package (nrels: the relationships of _rels/.rels; book_part: the
 * workbook they name): an OpenDocument spreadsheet (LibreOffice's own,
 * .ods), whose mimetype entry says so, or an Excel binary workbook
 * (.xlsb), whose workbook is xl/workbook.bin.  0, or -1 with err set
 * saying what to save it as.
 */
static int
foreign_package(struct xlsx *x, size_t nrels, const char *book_part,
    struct error *err)
{
	static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";
	size_t n = strlen(book_part);

	if (nrels == 0) {
		zip_file_t *zf = zip_fopen(x->zip, "mimetype", 0);
		char type[sizeof(ods)];
		zip_int64_t got = zf != NULL ? zip_fread(zf, type, sizeof(ods) - 1) : -1;

		if (zf != NULL)
			zip_fclose(zf);
		if (got == (zip_int64_t)sizeof(ods) - 1 && memcmp(type, ods, sizeof(ods) - 1) == 0)
			return error_set(err, EXIT_DATAERR, _("%s: an OpenDocument "
			    "spreadsheet (.ods) cannot be read: open it in WPS, "
			    "LibreOffice or Excel and save it as .xlsx"), x->file);
	}
	if (n >= 4 && strcasecmp(book_part + n - 4, ".bin") == 0)
		return error_set(err, EXIT_DATAERR, _("%s: an Excel binary workbook "
		    "(.xlsb) cannot be read: open it in Excel or WPS and save it as "
		    ".xlsx"), x->file);
	return 0;
}

/* Sheets, their parts, and where the strings and styles are. */
static int
read_workbook(struct xlsx *x, struct error *err)
{
	struct rels top, book;
	struct book_parse b = { x, NULL, 0 };
	const char *book_part = "xl/workbook.xml", *found;
	char *base = NULL;
	int rc = -1;

	memset(&book, 0, sizeof(book));
	if (read_rels(x, "_rels/.rels", "", &top, err) != 0)
		return -1;
	if ((found = rels_find_type(&top, "/officeDocument")) != NULL)
		book_part = found;
	if (foreign_package(x, top.n, book_part, err) != 0) {
		rels_free(&top);
		return -1;
	}
	{
		const char *slash = strrchr(book_part, '/');
		size_t n = slash != NULL ? (size_t)(slash - book_part) + 1 : 0;

		if ((base = strndup(book_part, n)) == NULL)
			goto nomem;
	}
	if (parse_part(x, book_part, 0, book_start, ignore_end, NULL, &b, err) != 0)
		goto out;
	if (b.nomem)
		goto nomem;
	if (x->nsheets == 0) {
		error_set(err, EXIT_DATAERR, _("%s: the workbook has no sheets"), x->file);
		goto out;
	}
	{
		struct buf rels_part = { 0 };
		const char *slash = strrchr(book_part, '/');

		buf_puts(&rels_part, base);
		buf_puts(&rels_part, "_rels/");
		buf_puts(&rels_part, slash != NULL ? slash + 1 : book_part);
		buf_puts(&rels_part, ".rels");
		rc = rels_part.data != NULL ?
		    read_rels(x, rels_part.data, base, &book, err) : -1;
		buf_free(&rels_part);
		if (rc != 0)
			goto out;
		rc = -1;
	}
	if ((x->sheet_parts = calloc(x->nsheets, sizeof(char *))) == NULL)
		goto nomem;
	for (size_t i = 0; i < x->nsheets; i++) {
		for (size_t k = 0; k < book.n && x->sheet_parts[i] == NULL; k++) {
			size_t t = strlen(book.types[k]);

			if (strcmp(book.ids[k], b.rids[i]) != 0)
				continue;
			if ((x->sheet_parts[i] = strdup(book.targets[k])) == NULL)
				goto nomem;
			x->sheets[i].chart = t >= 11 &&
			    strcmp(book.types[k] + t - 11, "/chartsheet") == 0;
		}
		if (x->sheet_parts[i] == NULL) {
			/* no relationship: the usual name */
			char name[64];

			snprintf(name, sizeof(name), "%sworksheets/sheet%zu.xml", "xl/", i + 1);
			if ((x->sheet_parts[i] = strdup(name)) == NULL)
				goto nomem;
		}
	}
	found = rels_find_type(&book, "/sharedStrings");
	x->strings_part = strdup(found != NULL ? found : "xl/sharedStrings.xml");
	found = rels_find_type(&book, "/styles");
	x->styles_part = strdup(found != NULL ? found : "xl/styles.xml");
	if (x->strings_part == NULL || x->styles_part == NULL)
		goto nomem;
	rc = 0;
	goto out;
nomem:
	error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	rc = -1;
out:
	if (b.rids != NULL)
		for (size_t i = 0; i < x->nsheets; i++)
			free(b.rids[i]);
	free(b.rids);
	free(base);
	rels_free(&top);
	rels_free(&book);
	return rc;
}

/* ---- shared strings ---- */

/*
 * Read through xml_scan, as the sheets are: a million rows as Excel saves
 * them hold three million shared strings.
 */
struct sst_parse {
	struct xlsx *x;
	int in_t, phonetic, nomem;
	struct buf text;
};

/* The elements of the shared strings read: <si>, <t> and <rPh>; every other is SST_OTHER. */
enum sst_element { SST_OTHER, SST_SI, SST_T, SST_PHONETIC };

/* Which one local is: a look at its letters, as it runs for every tag of millions. */
static enum sst_element
sst_element(const char *local)
{
	if (local[0] == 't' && local[1] == '\0')
		return SST_T;
	if (local[0] == 's' && local[1] == 'i' && local[2] == '\0')
		return SST_SI;
	if (local[0] == 'r' && strcmp(local, "rPh") == 0)
		return SST_PHONETIC;
	return SST_OTHER;
}

static void
sst_start(void *context, const char *local, const char **atts)
{
	struct sst_parse *p = context;
	enum sst_element e = sst_element(local);

	(void)atts;
	if (e == SST_SI)
		buf_reset(&p->text);
	else if (e == SST_PHONETIC)
		p->phonetic++;
	else if (e == SST_T && p->phonetic == 0)
		p->in_t = 1;
}

static void
sst_end(void *context, const char *local)
{
	struct sst_parse *p = context;
	enum sst_element e = sst_element(local);

	if (e == SST_T)
		p->in_t = 0;
	else if (e == SST_PHONETIC)
		p->phonetic--;
	else if (e == SST_SI) {
		xlsx_decode_escapes(&p->text);
		if (xlsx_strings_add(&p->x->strings, p->text.data != NULL ? p->text.data : "",
		    p->text.len) != 0) {
			p->nomem = 1;
			xml_scan_pause(&p->x->scan);
		}
	}
}

static void
sst_text(void *context, const char *s, size_t n)
{
	struct sst_parse *p = context;

	if (p->in_t && buf_append(&p->text, s, n) != 0) {
		p->nomem = 1;
		xml_scan_pause(&p->x->scan);
	}
}

/* The shared strings, if the workbook has them.  0, or -1 with err set. */
static int
read_strings(struct xlsx *x, struct error *err)
{
	struct sst_parse sp = { x, 0, 0, 0, { 0 } };
	int rc;

	if (x->strings_part == NULL)
		return 0;
	if ((x->part = part_open(x->zip, x->strings_part)) == NULL)
		return errno == ENOMEM ? error_set(err, EXIT_SOFTWARE, "%s",
		    strerror(ENOMEM)) : 0;
	xml_scan_init(&x->scan, part_read, x->part, sst_start, sst_end, sst_text, &sp);
	while ((rc = xml_scan_run(&x->scan)) == 1 && !sp.nomem)
		;
	if (sp.nomem)
		rc = error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	else if (rc < 0 && x->scan.read_failed)
		rc = error_set(err, EXIT_DATAERR, _("%s: %s: %s"), x->file,
		    x->strings_part, part_strerror(x->part));
	else if (rc < 0)
		rc = error_set(err, EXIT_DATAERR, _("%s: %s, line %lu: %s"), x->file,
		    x->strings_part, xml_scan_line(&x->scan), xml_scan_reason(&x->scan));
	buf_free(&sp.text);
	xml_scan_free(&x->scan);
	part_close(x->part);
	x->part = NULL;
	return rc < 0 ? -1 : 0;
}

/* ---- styles: which cell styles show dates ---- */

struct styles_parse {
	struct xlsx *x;
	long *fmt_ids;		/* custom formats: id, and date or not */
	unsigned char *fmt_date;
	size_t nfmt;
	int in_xfs, nomem;
};

static void XMLCALL
styles_start(void *context, const char *name, const char **atts)
{
	struct styles_parse *p = context;
	struct xlsx *x = p->x;
	const char *local = xml_local_name(name), *id;

	if (strcmp(local, "numFmt") == 0 && (id = xml_attribute(atts, "numFmtId")) != NULL) {
		const char *code = xml_attribute(atts, "formatCode");
		long *ids = realloc(p->fmt_ids, (p->nfmt + 1) * sizeof(*ids));
		unsigned char *dates = ids != NULL ?
		    realloc(p->fmt_date, p->nfmt + 1) : NULL;

		if (ids != NULL)
			p->fmt_ids = ids;
		if (dates == NULL) {
			p->nomem = 1;
			return;
		}
		p->fmt_date = dates;
		p->fmt_ids[p->nfmt] = strtol(id, NULL, 10);
		p->fmt_date[p->nfmt++] = code != NULL && workbook_format_is_date(code);
	} else if (strcmp(local, "cellXfs") == 0)
		p->in_xfs = 1;
	else if (p->in_xfs && strcmp(local, "xf") == 0) {
		long fmt = (id = xml_attribute(atts, "numFmtId")) != NULL ?
		    strtol(id, NULL, 10) : 0;
		unsigned char *dates = realloc(x->xf_date, x->nxf + 1);
		int date = workbook_builtin_is_date(fmt);

		if (dates == NULL) {
			p->nomem = 1;
			return;
		}
		x->xf_date = dates;
		/* a custom format may redefine a built-in number */
		for (size_t i = 0; i < p->nfmt; i++)
			if (p->fmt_ids[i] == fmt)
				date = p->fmt_date[i];
		x->xf_date[x->nxf++] = (unsigned char)date;
	}
}

static void XMLCALL
styles_end(void *context, const char *name)
{
	struct styles_parse *p = context;

	if (strcmp(xml_local_name(name), "cellXfs") == 0)
		p->in_xfs = 0;
}

int
xlsx_read_strings(struct xlsx *x, struct error *err)
{
	struct styles_parse st = { x, NULL, NULL, 0, 0, 0 };
	int rc;

	if (x->strings_read)
		return 0;
	if (read_strings(x, err) != 0)
		return -1;
	rc = parse_part(x, x->styles_part, 1, styles_start, styles_end, NULL, &st, err);
	free(st.fmt_ids);
	free(st.fmt_date);
	if (rc >= 0 && st.nomem)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	x->strings_read = rc == 0;
	return rc < 0 ? -1 : 0;
}

zip_t *
xlsx_zip_open(const char *path, const char *file, struct error *err)
{
	int zerr = 0;
	zip_t *zip = zip_open(path, ZIP_RDONLY, &zerr);
	zip_error_t ze;

	if (zip != NULL)
		return zip;
	zip_error_init_with_code(&ze, zerr);
	error_set(err, EXIT_DATAERR, _("%s: not a workbook that can be read: %s"), file,
	    zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return NULL;
}

struct xlsx *
xlsx_open(const char *path, const char *file, struct error *err)
{
	struct xlsx *x = calloc(1, sizeof(*x));

	if (x == NULL || (x->file = strdup(file)) == NULL ||
	    (x->path = strdup(path)) == NULL) {
		if (x != NULL)
			free(x->file);
		free(x);
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	if ((x->zip = xlsx_zip_open(path, file, err)) == NULL) {
		xlsx_close(x);
		return NULL;
	}
	if (read_workbook(x, err) != 0) {
		xlsx_close(x);
		return NULL;
	}
	return x;
}

struct sheet_info *
xlsx_sheets(struct xlsx *x, size_t *n)
{
	*n = x->nsheets;
	return x->sheets;
}

