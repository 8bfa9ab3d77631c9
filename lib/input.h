/* input.h -- records in: CSV, a JSON array or JSON Lines, UTF-8 or GB18030, workbooks */
#ifndef RENKE_INPUT_H
#define RENKE_INPUT_H

#include <stddef.h>

#include "error.h"

enum input_format { INPUT_AUTO, INPUT_CSV, INPUT_JSON, INPUT_JSONL,
	INPUT_XLSX, INPUT_XLS };
enum encoding { ENCODING_AUTO, ENCODING_UTF8, ENCODING_GB18030 };

/*
 * One input record: names[i] = values[i] for i < count.  A value is
 * NULL when the input gave none (JSON null).  problem is NULL for a good
 * record; otherwise it says why the record could not be read (a ragged
 * row, bad quoting, a NUL byte, bad JSON) and problem_field may name
 * the field.  Everything is owned by the reader and valid until the
 * next reader_next() or reader_close().
 */
struct record {
	const char *file;	/* as given in messages: the path, or "stdin" */
	long line;		/* where the record starts, from 1 */
	size_t count;
	char **names;
	char **values;
	const char *problem;
	const char *problem_field;
	const char *raw;	/* the raw text of an unreadable record, or NULL */
	int shared_names;	/* names are the same strings for every record (CSV) */
	char **columns;		/* CSV: the header's named columns, even for a bad record */
	size_t ncolumns;
	const char *sheet;	/* a workbook's sheet (line is its row), or NULL */
	const size_t *cells;	/* a workbook: the column (0 is A) of each value */
	long header_line;	/* a workbook: the row of its header */
	size_t problem_cell;	/* a workbook: 1 + the column of the problem, or 0 */
	enum encoding encoding;	/* a text file's, as far as it is known: AUTO while only ASCII was read */
	int bom;		/* a text file that began with a byte-order mark */
};

struct field_spec;

/*
 * Columns a header may have, in a CSV file or a workbook (renke(7)): a
 * wider one is no sheet of a campaign, and is refused before its names
 * are read.
 */
#define HEADER_MAX_COLUMNS	4096

/* What a reader of a workbook is told besides the file. */
struct workbook_options {
	const char *sheet;	/* a sheet's name, else its number from 1; NULL: the first visible */
	long header_row;	/* as Excel numbers rows; 0: found from fields */
	const struct field_spec *fields;	/* the columns the command knows */
	size_t nfields;
	const char *entity;	/* the kind of their record (field_lookup()) */
};

struct reader;

/*
 * Open path ("-" or NULL: standard input) for reading records in the
 * given format and encoding (AUTO: guess).  Returns the reader, or NULL
 * with err set (EXIT_NOINPUT when the file cannot be opened).
 */
struct reader *reader_open(const char *path, enum input_format format,
    enum encoding encoding, struct error *err);

/*
 * reader_open() for input that may be a workbook (.xlsx, or .xls and
 * WPS .et), known from its first bytes or from format: its sheet and
 * header are found as workbook says (NULL: the defaults), and a
 * workbook on standard input is first copied to a temporary file.
 * Errors as reader_open(); EXIT_DATAERR for a workbook that cannot be
 * read, EXIT_USAGE for a sheet or header row it does not have.
 */
struct reader *reader_open_options(const char *path, enum input_format format,
    enum encoding encoding, const struct workbook_options *workbook,
    struct error *err);

struct sheet_info;

/*
 * The sheets of the workbook at path ("-": standard input), their rows
 * counted: *sheets gets an array of *n that workbook_in_sheets_free()
 * frees.  0, or -1 with err set (EXIT_DATAERR when it is no workbook).
 */
int reader_list_sheets(const char *path, struct sheet_info **sheets, size_t *n,
    struct error *err);

/* A workbook reader's sheet, and its header's row into *header_row; NULL for other input. */
const char *reader_sheet(const struct reader *r, long *header_row);

/*
 * Where rec's field (NULL: the record) is, for a message, into out:
 * "file:line", or for a workbook "file:sheet!C39".  Returns out.
 */
const char *record_where(const struct record *rec, const char *field,
    char *out, size_t size);

/*
 * Where rec's header names the column name, into out: "file:1" for CSV
 * (the record's own line for JSON), "file:sheet!C4" for a workbook.
 */
const char *record_header_where(const struct record *rec, const char *name,
    char *out, size_t size);

/*
 * A reader that yields one record made of copies of names and values
 * (a value may be NULL), said to come from file at line 0.  Returns
 * NULL with err set when memory runs out.
 */
struct reader *reader_open_record(const char *file, const char *const *names,
    const char *const *values, size_t count, struct error *err);

/*
 * The next record into *out.  Returns 1 with a record (check its
 * problem), 0 at the end of input, -1 with err set when reading cannot
 * go on (an I/O error, bytes in no known encoding, an unclosed quote or
 * JSON value at the end).
 */
int reader_next(struct reader *r, struct record **out, struct error *err);

/*
 * Read at most bytes at a time from now on (0: the default, a
 * mebibyte).  For tests, which put the ends of blocks inside quoted
 * fields and multi-byte characters.
 */
void reader_set_block(struct reader *r, size_t bytes);

/*
 * Share the reading of r's file between two threads.  Call before
 * reading r.  When r is a CSV file (or may be one) that can be split,
 * *second is set to a new reader that reads the header and then the
 * records from a line near the middle of the file on, and r stops
 * before that line; else *second is NULL and r reads all.  Returns 0,
 * or -1 with err set.  r and *second may then be read in two threads;
 * whether the two parts are what r alone would have read is known only
 * afterwards, from reader_split_held().
 */
int reader_split(struct reader *r, struct reader **second, struct error *err);

/*
 * After r (split) and second have returned their last record: 1 when
 * r's records and then second's are exactly those r alone would have
 * given, line numbers included: r stopped between two records where
 * second began, and second decoded the bytes as r would have.  Else 0:
 * second's records are to be left aside, and r, read further, goes on
 * from where it stopped.
 */
int reader_split_held(struct reader *r, const struct reader *second);

/* Report a problem with rec's field (NULL: the record) to report, if not NULL. */
void reader_problem(problem_fn *report, void *context, const struct record *rec,
    const char *field, const char *message);

/*
 * Checks one readable record: 0 when taken, 1 when bad (reported through
 * report), -1 with err set to stop.
 */
typedef int record_fn(void *self, const struct record *rec, problem_fn *report,
    void *context, struct error *err);

/*
 * Hand every record of r to fn(self, ...); unreadable ones are reported
 * instead.  Returns the number of bad records, or -1 with err set.
 */
long reader_each(struct reader *r, record_fn *fn, void *self,
    problem_fn *report, void *context, struct error *err);

/* The CSV header (names, count) once read; NULL for JSON input. */
char **reader_header(const struct reader *r, size_t *count);

/*
 * The header of r (a CSV file or a workbook's sheet), which gave no
 * record, as a record of its named columns and no values, so that its
 * columns are checked all the same; valid until the next reader_next().
 * NULL for other input, or when memory runs out.
 */
const struct record *reader_header_record(struct reader *r);

/*
 * What the text read by r is written in, as far as it is known: UTF-8,
 * GB18030, or ENCODING_AUTO while only ASCII was read (and for a
 * workbook); *bom is 1 when it began with a byte-order mark.
 */
enum encoding reader_encoding(const struct reader *r, int *bom);

/* The format the reader settled on (INPUT_AUTO until the first record). */
enum input_format reader_format(const struct reader *r);

/* Bytes consumed so far and the file's size (0 when unknown), for progress. */
void reader_progress(const struct reader *r, long long *done, long long *total);

/* Close the reader and free everything it owns; NULL is a no-op. */
void reader_close(struct reader *r);

#endif
