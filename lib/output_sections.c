/* output_sections.c -- a list in sections: a table a section, each under its own title, in one page, workbook or stream */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "text.h"
#include "xlsx_out.h"

/* A sheet's heading: the list's title, the section's, the list's lines. */
struct sheet_heading {
	struct output_heading h;
	const char **lines;
	char *title;
};

struct output_sections {
	FILE *fp;		/* where the whole goes */
	FILE *part;		/* Markdown, HTML: the sections, until counted */
	enum output_format format;
	unsigned flags;
	const struct output_heading *heading;
	struct xlsx_book *book;	/* xlsx: a sheet a section */
	struct sheet_heading *sheets;	/* each sheet's, until the book is closed */
	size_t n;		/* sections begun */
	struct writer *w;	/* the section's (CSV, JSON: the one stream's) */
	long rows;		/* of the sections finished */
};

/* 1 when every section of format is one stream of rows, for programs. */
static int
one_stream(enum output_format format)
{
	return format == FORMAT_CSV || format == FORMAT_JSON ||
	    format == FORMAT_JSONL;
}

struct output_sections *
output_sections_open(FILE *fp, enum output_format format, unsigned flags,
    struct error *err)
{
	struct output_sections *s = calloc(1, sizeof(*s));

	if (s == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	s->fp = fp;
	s->format = format;
	s->flags = flags;
	s->heading = output_heading_given();
	if ((format == FORMAT_MARKDOWN || format == FORMAT_HTML) &&
	    (s->part = tmpfile()) == NULL) {
		error_set(err, EXIT_IOERR, _("temporary file: %s"), strerror(errno));
		free(s);
		return NULL;
	}
	/* the sheets' headings count the rows: a book not streamed */
	if (format == FORMAT_XLSX && (s->book = xlsx_book_open(fp, 0, err)) == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

/* Finish the section being written: 0, or -1 with err set. */
static int
section_end(struct output_sections *s, struct error *err)
{
	int rc;

	if (s->w == NULL)
		return 0;
	s->rows += writer_rows(s->w);
	rc = writer_close(s->w, err);
	s->w = NULL;
	if (s->format == FORMAT_MARKDOWN)
		putc('\n', s->part);
	return rc;
}

/* The heading of the next sheet, titled title: NULL when memory runs out. */
static const struct output_heading *
sheet_heading(struct output_sections *s, const char *title)
{
	const struct output_heading *h = s->heading;
	size_t nlines = h != NULL ? h->nlines : 0;
	struct sheet_heading *more = realloc(s->sheets, (s->n + 1) * sizeof(*more));
	struct sheet_heading *sh;

	if (more == NULL)
		return NULL;
	s->sheets = more;
	sh = &s->sheets[s->n];
	memset(sh, 0, sizeof(*sh));
	if ((sh->title = strdup(title)) == NULL ||
	    (sh->lines = calloc(nlines + 1, sizeof(char *))) == NULL) {
		free(sh->title);
		return NULL;
	}
	sh->lines[0] = sh->title;
	for (size_t i = 0; i < nlines; i++)
		sh->lines[i + 1] = h->lines[i];
	sh->h.title = h != NULL ? h->title : title;
	sh->h.lines = sh->lines;
	sh->h.nlines = nlines + 1;
	if (h != NULL) {
		sh->h.count_one = h->count_one;
		sh->h.count_many = h->count_many;
	}
	return &sh->h;
}

struct writer *
output_section(struct output_sections *s, const char *name, const char *title,
    const struct column *columns, size_t ncolumns, struct error *err)
{
	const struct output_heading *h;

	if (one_stream(s->format)) {
		if (s->w == NULL)
			s->w = writer_open(s->fp, s->format, columns, ncolumns,
			    s->flags, err);
		return s->w;
	}
	if (section_end(s, err) != 0)
		return NULL;
	switch (s->format) {
	case FORMAT_XLSX:
		if ((h = sheet_heading(s, title)) == NULL) {
			error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
			return NULL;
		}
		s->n++;
		s->w = writer_open_sheet(s->book, name != NULL ? name : title,
		    h->title, h, columns, ncolumns, s->flags, err);
		return s->w;
	case FORMAT_HTML:
		fputs("<h2>", s->part);
		html_write_text(s->part, title);
		fputs("</h2>\n", s->part);
		break;
	case FORMAT_MARKDOWN:
		fprintf(s->part, "## %s\n\n", title);
		break;
	default:
		if (s->n > 0)
			putc('\n', s->fp);
		fprintf(s->fp, "== %s ==\n", title);
	}
	s->n++;
	s->w = writer_open(s->part != NULL ? s->part : s->fp, s->format, columns,
	    ncolumns, s->flags | OUTPUT_PART, err);
	return s->w;
}

/* The heading of a Markdown list, its count n, to fp. */
static void
markdown_heading(FILE *fp, const struct output_heading *h, long n)
{
	fprintf(fp, "# %s\n\n", h->title);
	for (size_t i = 0; i < h->nlines; i++)
		fprintf(fp, "%s  \n", h->lines[i]);
	if (h->count_one != NULL)
		fprintf(fp, dngettext("renke", h->count_one, h->count_many,
		    (unsigned long)n), n);
	fputs("\n\n", fp);
}

/* The page or text: the heading, then the sections held in s->part.  0 or -1. */
static int
part_out(struct output_sections *s, struct error *err)
{
	char chunk[8192];
	size_t got;
	int failed;

	if (s->format == FORMAT_HTML) {
		if (s->heading != NULL)
			output_html_heading(s->fp, s->heading, s->rows);
		else
			output_html_start(s->fp, "renke");
		fputs("</body>\n</html>\n", s->part);
	} else if (s->heading != NULL)
		markdown_heading(s->fp, s->heading, s->rows);
	rewind(s->part);
	while ((got = fread(chunk, 1, sizeof(chunk), s->part)) > 0)
		fwrite(chunk, 1, got, s->fp);
	failed = ferror(s->part);
	if (failed)
		return error_set(err, EXIT_IOERR, _("temporary file: %s"),
		    strerror(EIO));
	return 0;
}

int
output_sections_close(struct output_sections *s, struct error *err)
{
	int rc = 0;

	if (s == NULL)
		return 0;
	if (one_stream(s->format)) {
		rc = writer_close(s->w, err);
		s->w = NULL;
	} else if (section_end(s, err) != 0)
		rc = -1;
	if (s->part != NULL) {
		if (rc == 0 && err != NULL)
			rc = part_out(s, err);
		fclose(s->part);
	}
	if (s->book != NULL && xlsx_book_close(s->book, rc == 0 ? err : NULL) != 0)
		rc = -1;
	/* a page copied out is written as a writer's would be */
	errno = 0;
	if (rc == 0 && !one_stream(s->format) && s->format != FORMAT_XLSX &&
	    (fflush(s->fp) != 0 || ferror(s->fp))) {
		if (errno == EPIPE || output_pipe_closed(s->fp))
			rc = error_set(err, EXIT_OK, "%s", "");
		else
			rc = error_set(err, EXIT_IOERR, _("write error: %s"),
			    strerror(errno ? errno : EIO));
	}
	for (size_t i = 0; i < s->n && s->sheets != NULL; i++) {
		free(s->sheets[i].title);
		free(s->sheets[i].lines);
	}
	free(s->sheets);
	free(s);
	return rc;
}
