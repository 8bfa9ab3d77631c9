/* input_parts.h -- what the files of the record reader share (input*.c); not for commands */
#ifndef RENKE_INPUT_PARTS_H
#define RENKE_INPUT_PARTS_H

#include <csv.h>
#include <iconv.h>
#include <stdio.h>

#include "buf.h"
#include "input.h"

enum decoding { DECODE_UNDECIDED, DECODE_UTF8, DECODE_GB18030 };

/* A record being built or queued: owned strings. */
struct pending {
	long line;
	size_t count, cap;
	char **values;
	char *problem;		/* static message or NULL */
	const char *problem_field;
	char *raw;
	long nul_field;		/* CSV: index of the field with a NUL byte, or -1 */
	char *block;		/* when set, every value lives in it (csv_split_plain) */
	size_t block_cap;
	int borrowed;		/* values and their array are the reader's (csv_next_plain) */
};

/* Bytes read at a time; the raw buffer keeps SCAN_SLACK more readable after its NUL. */
#define READ_BLOCK	(1 << 20)
#define SCAN_SLACK	16

struct reader {
	FILE *fp;
	int own_fp;
	char *file;
	enum input_format format;
	enum encoding encoding;
	enum decoding decoding;
	iconv_t cd;
	int at_start;		/* no byte read yet: look for a BOM */
	int bom;		/* there was one */
	int eof;

	struct buf raw;		/* bytes read, not yet cut into lines */
	size_t raw_pos;
	size_t block;		/* bytes to read at a time */
	char **plain_values;	/* the fields of a plain CSV line, in raw */
	size_t plain_cap;

	/* a reading split in two (reader_split()) */
	char *path;		/* to open the file again; NULL for standard input */
	long long split_end;	/* the first part: read no further (0: no limit) */
	int split_reached;	/* it stopped there, between two records */
	long long split_start;	/* the second part: after the header, go here */
	int split_jumped;	/* it went there */
	enum decoding decoding_at_jump;
	struct buf line;	/* the current line, decoded to UTF-8 */
	long line_number;	/* of the current line */
	long long bytes_done, bytes_total;

	/* CSV */
	struct csv_parser csv;
	int csv_ready;
	int record_open;	/* content fed since the last record ended */
	long record_line;
	struct pending building;
	struct buf building_raw;
	int building_nul;
	long building_nul_field;
	char **header;
	char column_name[32];	/* "column C": a cell the header names not */
	size_t header_count;
	size_t header_named;	/* columns with a name */
	size_t *header_map;	/* position of each named column */

	/* JSON */
	int json_started, json_array, json_closed;
	int json_depth, json_in_string, json_escape, json_in_element;
	int json_lines;		/* one value per line: 1 yes, 0 no, -1 not known yet */
	long json_line;
	struct buf json_text;

	/* completed records, oldest first */
	struct pending *queue;
	size_t queue_len, queue_cap, queue_head;

	/* what reader_next() handed out last */
	struct pending current;
	struct pending spare;	/* memory of a plain CSV record, for the next one */
	struct record record;
	char **names_out;
	size_t names_cap;
	int plain_out;		/* r->record is a good CSV record of r->plain_values */
	int names_ready;	/* names_out holds the CSV header's names */
	int single;		/* reader_open_record(): names owned */
	char **single_names;
	int single_done;

	struct workbook *workbook;	/* a workbook's sheet, read by lib/workbook.c */
	char *spool;		/* the temporary copy of a workbook on standard input */
};

/* ---- the reader's records (input.c) ---- */

/* Free what p owns (not what it borrows) and clear it. */
void input_pending_free(struct pending *p);

/* Append value (owned) to p's values; 0, or -1 when memory runs out. */
int input_pending_push(struct pending *p, char *value);

/* Queue p's record (p is cleared); 0, or -1 when memory runs out (p kept). */
int input_queue_push(struct reader *r, struct pending *p);

/* Queue a record that could not be read; raw is copied.  0, or -1 when memory runs out. */
int input_queue_problem(struct reader *r, long line, const char *problem,
    const char *raw);

/* p is the record of the current line: the first count of r->plain_values. */
void input_pending_borrow(struct reader *r, struct pending *p, size_t count);

/* Room for n fields in r->plain_values; 0, or -1 when memory runs out. */
int input_plain_reserve(struct reader *r, size_t n);

/* ---- bytes and encodings (input_encoding.c) ---- */

/*
 * Read more raw bytes.  Returns bytes read (0 at end of file), -1 on
 * an I/O error.
 */
long input_fill_raw(struct reader *r, struct error *err);

/*
 * Decide between UTF-8 and GB18030 on the first line that is not plain
 * ASCII: Chinese text in GB18030 is practically never valid UTF-8.
 */
void input_decide_encoding(struct reader *r, const char *s, size_t n);

/* 1 when s[0..n) is valid UTF-8; reads up to 15 bytes past s + n (SCAN_SLACK). */
int input_utf8_valid_line(const char *s, size_t n);

/*
 * Bytes of line number line, s, that the encoding cannot read, from
 * byte at: EXIT_DATAERR into err, the message what naming the file, the
 * line and the column.  Returns -1.
 */
int input_undecodable(struct reader *r, const char *s, size_t at, long line,
    const char *what, struct error *err);

/* What input_undecodable() says of bytes that are not UTF-8. */
const char *input_not_utf8(const struct reader *r);

/*
 * The next line, decoded, with its newline, into r->line.  Returns 1,
 * 0 at the end of input, -1 with err set.
 */
int input_next_line(struct reader *r, struct error *err);

/* ---- the CSV header (input_header.c) ---- */

/*
 * The column of a CSV line s holding byte at, as a message names it;
 * NULL when it is not known from the line's own bytes.  The text lives
 * in r or its header.
 */
const char *input_line_column(struct reader *r, const char *s, size_t at);

/* Take the first CSV record p as the header: 0, or -1 with err set. */
int input_csv_take_header(struct reader *r, struct pending *p,
    struct error *err);

/* Check a CSV data record against the header and name its fields (or its problem). */
void input_csv_shape(struct reader *r, struct pending *p);

/* ---- CSV (input_csv.c) ---- */

/* Start libcsv on r: 0, or -1 with err set. */
int input_csv_setup(struct reader *r, struct error *err);

/*
 * The next record, if it is a plain line, into p: its values are the
 * reader's, in the raw bytes.  Returns 1 with a record, 2 when the line
 * was blank (skipped), 0 when the line is for the general path (not
 * plain, in GB18030, or no line left), -1 with err set.
 */
int input_csv_next_plain(struct reader *r, struct pending *p,
    struct error *err);

/* Feed the current line to libcsv; a quoting error becomes a bad record.  0, or -1 with err set. */
int input_csv_feed(struct reader *r, struct error *err);

/* End libcsv's record at the end of input: 0, or -1 with err set (an open quote). */
int input_csv_finish(struct reader *r, struct error *err);

/* Start libcsv afresh, between two records: 0, or -1 with err set. */
int input_csv_restart(struct reader *r, struct error *err);

/* ---- JSON (input_json.c) ---- */

/* Cut the current line into top-level JSON values, queued: 0, or -1 with err set. */
int input_json_feed(struct reader *r, struct error *err);

/* At the end of input: 0, or -1 with err set for a value or array not closed. */
int input_json_finish(struct reader *r, struct error *err);

/*
 * Take the current line as one flat object into p, its names and values
 * in r->line: 1, or 0 when the line is for jansson (untouched then), or
 * -1 when memory runs out.
 */
int input_json_flat_line(struct reader *r, struct pending *p);

#endif
