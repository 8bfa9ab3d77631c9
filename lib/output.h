/* output.h -- records out: csv, jsonl, json, an aligned table, or a workbook */
#ifndef RENKE_OUTPUT_H
#define RENKE_OUTPUT_H

#include <stdio.h>

#include "error.h"

enum output_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON, FORMAT_JSONL,
	FORMAT_MARKDOWN, FORMAT_HTML, FORMAT_XLSX };

enum column_type { COLUMN_TEXT, COLUMN_INTEGER, COLUMN_NUMBER, COLUMN_BOOLEAN };

/*
 * A column: its field name (csv header, JSON key), its heading for
 * people, its type, and the vocabulary its values are codes of.
 */
struct column {
	const char *name;
	const char *label;	/* untranslated (N_); shown as _(label) under
				   OUTPUT_LABELS, the name if NULL */
	enum column_type type;
	const char *domain;	/* a vocabulary (vocab.h): under OUTPUT_LABELS
				   a code is written as its label; or NULL */
};

#define OUTPUT_BOM	0x1	/* CSV: start with a UTF-8 byte-order mark */
#define OUTPUT_EXCEL	0x2	/* CSV: BOM, CRLF, and a ' before cells that look like formulas */
#define OUTPUT_NO_HEADER 0x4	/* CSV and table: no header line */
/*
 * Headings in the user's language (the column's label) rather than its
 * field name, in every format but JSON, whose keys stay field names.
 * Commands set it for people (table, markdown, html, xlsx, CSV with
 * --excel) and for --labels; see renke(7).
 */
#define OUTPUT_LABELS	0x8
/*
 * HTML: the table alone, no page around it and no heading: a part of a
 * page of several tables (output_sections_open()).
 */
#define OUTPUT_PART	0x10

/*
 * 1 when output in format under flags is read by people (table,
 * markdown, html, xlsx, CSV with OUTPUT_EXCEL), whose headings and
 * vocabulary values are then labels; 0 when programs read it.
 */
int output_for_people(enum output_format format, unsigned flags);

/* The heading of column c under flags: _(c->label), or c->name. */
const char *column_heading(const struct column *c, unsigned flags);

struct writer;

/*
 * A writer of rows of ncolumns values to fp (not closed by the writer).
 * columns must outlive the writer.  Nothing reaches fp before the first
 * row or writer_close(): a command that fails before then writes
 * nothing.  Returns NULL with err set when memory runs out.
 */
struct writer *writer_open(FILE *fp, enum output_format format,
    const struct column *columns, size_t ncolumns, unsigned flags,
    struct error *err);

/*
 * Write one row: values[i] for columns[i], NULL for no value; under
 * OUTPUT_LABELS a code of a column's domain as its label.  The
 * values are copied when they must be kept (table).  Returns 0, or -1
 * with err set on a write error (EXIT_IOERR), or with err->status 0 and
 * no text when the reader closed the pipe: stop writing, all is well.
 */
int writer_row(struct writer *w, const char *const *values, struct error *err);

/*
 * How a cell is marked, where a format can show it: the state of the
 * items it counts, coloured in a workbook (green, amber, red; light
 * blue for items not yet due) as the scorecard's HTML heat map colours
 * them.
 */
enum output_mark { OUTPUT_MARK_NONE, OUTPUT_MARK_DONE, OUTPUT_MARK_LATE,
	OUTPUT_MARK_MISSING, OUTPUT_MARK_PENDING };

/*
 * writer_row() with marks[i] (enum output_mark) for values[i]: an xlsx
 * writer colours the cells; the other formats have no colours and write
 * the row as writer_row() does.  0, or -1 with err set, as writer_row().
 */
int writer_row_marked(struct writer *w, const char *const *values,
    const unsigned char *marks, struct error *err);

/*
 * A note below the rows for the reader of a workbook (a legend), its
 * cells marked as writer_row_marked() marks them, outside the rows'
 * filter; after it no more rows.  The other formats leave it out (a
 * table or csv has no colours to explain).  0, or -1 with err set.
 */
int writer_note(struct writer *w, const char *const *values,
    const unsigned char *marks, struct error *err);

struct store;

/*
 * Write the one row that sql gives from s, ?1 bound to id, to w: the
 * statement's columns are w's, and column k is written as its label
 * when labels and domains[k] names a vocabulary (domains may be NULL).
 * Nothing is written when sql gives no row.  Returns 0, or -1 with err
 * set (as writer_row() when the reader closed the pipe).
 */
int writer_store_row(struct writer *w, struct store *s, const char *sql,
    long long id, const char *const *domains, int labels, struct error *err);

/*
 * The title of the workbook sheet of every writer opened after it (its
 * title row and its name): what the command or report writes, for
 * people.  title must outlive the writers.
 */
void output_title(const char *title);

/*
 * The heading of an HTML page printed for a notice board: its title
 * (also the page's <title>), a paragraph for each line, then one
 * counting the rows, ngettext(count_one, count_many, n) with n (a %ld;
 * NULL: no count).
 */
struct output_heading {
	const char *title;
	const char *const *lines;
	size_t nlines;
	const char *count_one, *count_many;	/* msgids */
};

/*
 * Give every HTML or workbook writer opened after it heading (NULL:
 * none), which must outlive them.  Such a writer holds its table in a
 * temporary file until writer_close(), so that the count comes before
 * the rows; the heading is read there, and may be filled in until then
 * (a workbook takes the number of its lines when it is opened).
 */
void output_heading(const struct output_heading *heading);

/* The heading output_heading() gave last, or NULL. */
const struct output_heading *output_heading_given(void);

/*
 * Lay w's table (FORMAT_TABLE; other formats ignore it) out for a
 * terminal width columns wide (text_width()): when it is wider, its
 * columns go in blocks that fit, one under the other, the first keys
 * columns (what names a row: its village) in front of each; when a
 * column does not fit beside the keys, each row is written as a line
 * of its keys and a line for each other column, heading and value.
 * 0, the default, is as wide as the table takes (a pipe or a file).
 */
void writer_fit(struct writer *w, size_t width, size_t keys);

/*
 * The number the heading of w counts, when it is not the rows written
 * (a roll-up's total row is no record).
 */
void writer_count(struct writer *w, long n);

struct xlsx_book;
struct xlsx_out;

/*
 * A writer of rows into a new sheet of book (lib/xlsx_out.h) named name
 * (NULL: after its title) and titled title, with the lines and count of
 * heading under it (NULL: none; as xlsx_book_sheet_headed()): the rows
 * of any report become one sheet of a workbook of several.
 * writer_close() finishes the sheet; the book is closed by its owner.
 * NULL with err set.
 */
struct writer *writer_open_sheet(struct xlsx_book *book, const char *name,
    const char *title, const struct output_heading *heading,
    const struct column *columns, size_t ncolumns, unsigned flags,
    struct error *err);

/*
 * The start of an HTML page headed by h for print, to fp: up to its
 * <body>, then the title, a paragraph for each line and one counting n
 * (as struct output_heading says).  output_html_start() is the start
 * alone, titled title.
 */
void output_html_heading(FILE *fp, const struct output_heading *h, long n);
void output_html_start(FILE *fp, const char *title);

struct output_sections;

/*
 * A list in sections, a table a section, each under a title of its own
 * (deadline-check's kinds), written to fp in format under flags:
 *  - table: "== title ==" over each table, a blank line between; the
 *    caller says the heading in its own first line (a mail's subject);
 *  - Markdown: the heading's title, lines and count (of all the rows), then
 *    "## title" over each table;
 *  - HTML: one page headed by the heading (output_html_heading()), an <h2>
 *    over each table;
 *  - xlsx: a workbook of a sheet a section, named as output_section()
 *    says, each headed by the heading's title, the section's title,
 *    the heading's lines and the count of its own rows;
 *  - CSV and JSON: one stream of the rows of every section under the
 *    first one's header: the sections' columns must have the same names.
 * The heading is the one output_heading() gave (NULL: none), which
 * must outlive it.  NULL with err set.
 */
struct output_sections *output_sections_open(FILE *fp,
    enum output_format format, unsigned flags, struct error *err);

/*
 * The writer of the next section of s, titled title, its sheet named
 * name (NULL: the title), of columns[0..ncolumns), which must outlive s;
 * the section before is finished.  The writer is s's: write rows with
 * it, never close it.  NULL with err set (as writer_close() when the
 * reader closed the pipe).
 */
struct writer *output_section(struct output_sections *s, const char *name,
    const char *title, const struct column *columns, size_t ncolumns,
    struct error *err);

/*
 * Finish the last section and the whole, written to fp, and free s
 * (NULL: nothing).  0, or -1 with err set as writer_close() sets it.
 * With err NULL, for a command that failed: free s, writing nothing
 * more, as writer_close() does.
 */
int output_sections_close(struct output_sections *s, struct error *err);

/* The workbook sheet w writes (for its charts), or NULL when w writes no workbook. */
struct xlsx_out *writer_sheet(const struct writer *w);

/* 1 when w writes for people (OUTPUT_LABELS): labels, and 78.9% for a rate. */
int writer_labels(const struct writer *w);

/* Rows written so far. */
long writer_rows(const struct writer *w);

/*
 * Finish (the header of no rows written, the table laid out and
 * printed here, the JSON array closed), flush, and free w.  Returns 0,
 * or -1 with err set when any write failed.  NULL is a no-op returning
 * 0.  With err NULL, for a command that failed: free w, writing
 * nothing more (a writer that wrote no row leaves fp as it found it).
 */
int writer_close(struct writer *w, struct error *err);

/* 1 once any writer found that its reader closed the pipe (EPIPE). */
int output_reader_gone(void);

/* 1 when fp writes to a pipe or socket whose reader has closed it (| head). */
int output_pipe_closed(FILE *fp);

/*
 * The one quoter of each format: every writer of CSV, JSON or HTML in
 * lib/ and cmd/ goes through these.  They write to fp and leave its
 * errors for the caller to find (ferror).
 */

/*
 * Write s as one CSV field (RFC 4180): in double quotes, its quotes
 * doubled, when it holds a comma, a quote, a CR or a LF or when it
 * starts or ends with a space (a reader that trims must not lose it);
 * as it is otherwise.  NULL is an empty field.  With guard, a ' comes
 * first (inside the quotes), so that a spreadsheet never runs it as a
 * formula: whether to is the caller's choice (OUTPUT_EXCEL).
 */
void csv_write_field(FILE *fp, const char *s, int guard);

/*
 * Write s as a JSON string, in double quotes: " and \ escaped, \n \r
 * and \t as such, the other control characters as \u00XX; other
 * bytes as they are (s is UTF-8).  NULL is written as null.
 */
void json_write_string(FILE *fp, const char *s);

/*
 * Write s[0..len), or up to its NUL if that comes first, as HTML text:
 * & < > " ' as entities; tab and LF as they are, CR as a space; every
 * other control character (C0, DEL and C1, which HTML forbids) left
 * out.  Safe in an element and in a quoted attribute value.
 */
void html_write_span(FILE *fp, const char *s, size_t len);

/* html_write_span() of the whole of s; NULL writes nothing. */
void html_write_text(FILE *fp, const char *s);

/* Parse a format name; returns 0, or -1 when name is none of them. */
int output_format_parse(const char *name, enum output_format *out);

#endif
