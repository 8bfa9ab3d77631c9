/* xlsx_private.h -- what the two halves of the .xlsx reader share: the workbook, the sheet's parse */
#ifndef RENKE_XLSX_PRIVATE_H
#define RENKE_XLSX_PRIVATE_H

#include <expat.h>
#include <stdint.h>
#include <zip.h>

#include "buf.h"
#include "xlsx.h"
#include "xlsx_strings.h"
#include "xml_scan.h"

/* bytes read from the zip at a time */
#define CHUNK 65536

/* What a cell's t attribute says it holds. */
enum cell_type { CELL_TYPE_NUMBER, CELL_TYPE_SHARED, CELL_TYPE_INLINE,
	CELL_TYPE_FORMULA_TEXT, CELL_TYPE_BOOL, CELL_TYPE_ERROR, CELL_TYPE_DATE };

/* The part of a sheet's parse that lives between rows. */
struct sheet_parse {
	const struct xlsx *x;	/* shared strings and styles; NULL for bare XML */
	struct xml_scan *scan;	/* paused at the end of each row */
	const char *file, *sheet;
	struct sheet_row *row;	/* the row being filled */
	long last_row;
	size_t next_col, col;
	int in_data, in_row, in_cell, in_v, in_t, phonetic, has_f, has_v;
	enum cell_type type;
	long style;
	struct buf v, text;
	int row_done, failed;
	struct error *err;
	/* the row's shared-string cells, filled in at its end: each string is
	   fetched from memory while the rest of the row is parsed */
	struct shared_cell {
		size_t col;
		uint32_t i;
	} *shared;
	size_t nshared, shared_cap;
};

struct xlsx {
	zip_t *zip;
	char *file;
	char *path;		/* where it is: a sheet's merged regions are found through a zip of their own */
	struct sheet_info *sheets;
	char **sheet_parts;	/* the zip entry of each sheet */
	size_t nsheets;
	int date1904;
	char *strings_part, *styles_part;

	int strings_read;	/* the strings and styles below are read: xlsx_read_strings() */
	struct xlsx_strings strings;	/* shared strings */
	/* styles: xf_date[i] is 1 when cell style i shows a date */
	unsigned char *xf_date;
	size_t nxf;

	/* the part being read: shared strings, or a sheet */
	struct part_reader *part;
	struct xml_scan scan;
	struct sheet_parse sp;
	int scanning;
	/* the sheet's rows parsed a batch ahead on the parser's thread (lib/xlsx_sheet.c) */
	struct worker *parser;
	struct row_batch *batch;	/* two of them */
	int cur;		/* the one handed out */
	long long done, total;	/* bytes of the sheet read (done: by the rows handed out) */
};

/*
 * A part of the zip inflated a block ahead on a thread of its own (lib/
 * xlsx_part.c): the sheet's XML is parsed on one core while zlib
 * inflates the next block on the other.  While a part is open nothing
 * else may use its zip.
 */
struct part_reader;

/* Open part of zip: NULL with errno ENOENT when it is not there, ENOMEM when memory runs out. */
struct part_reader *part_open(zip_t *zip, const char *part);

/* The xml_read_fn of a part: up to n bytes into b, how many, 0 at its end, -1 on an error. */
long part_read(void *reader, char *b, size_t n);

/* The bytes part_read() has handed out. */
long long part_done(const struct part_reader *r);

/* Why part_read() failed. */
const char *part_strerror(struct part_reader *r);

/* End r's thread, close the part, free r; r may be NULL. */
void part_close(struct part_reader *r);

/* The zip at path (file: its name in messages), or NULL with err set (EXIT_DATAERR). */
zip_t *xlsx_zip_open(const char *path, const char *file, struct error *err);

/*
 * Read the shared strings and the styles of x, if they are not read
 * yet: when the first sheet is selected, so that the merged regions of
 * that sheet are looked for on another core meanwhile.  0, or -1 with
 * err set.
 */
int xlsx_read_strings(struct xlsx *x, struct error *err);

/* The name without its namespace prefix. */
const char *xml_local_name(const char *name);

/* The value of attribute name (local name, any prefix) in atts, or NULL. */
const char *xml_attribute(const char **atts, const char *name);

/* Decode Excel's _xHHHH_ escapes in b, in place. */
void xlsx_decode_escapes(struct buf *b);

#endif
