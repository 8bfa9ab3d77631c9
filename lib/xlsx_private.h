/* xlsx_private.h -- what the two halves of the .xlsx reader share: the workbook, the sheet's parse */
#ifndef RENKE_XLSX_PRIVATE_H
#define RENKE_XLSX_PRIVATE_H

#include <expat.h>
#include <stdint.h>
#include <zip.h>

#include "buf.h"
#include "xlsx.h"
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
};

struct xlsx {
	zip_t *zip;
	char *file;
	struct sheet_info *sheets;
	char **sheet_parts;	/* the zip entry of each sheet */
	size_t nsheets;
	int date1904;
	char *strings_part, *styles_part;

	/* shared strings: string i is sst.data + sst_at[i] (4 bytes an offset:
	   a million rows of Excel's keep three million strings) */
	struct buf sst;
	uint32_t *sst_at;
	size_t nsst, sst_cap;
	/* styles: xf_date[i] is 1 when cell style i shows a date */
	unsigned char *xf_date;
	size_t nxf;

	/* the sheet being read */
	zip_file_t *zf;
	struct xml_scan scan;
	struct sheet_parse sp;
	int scanning;
	long long done, total;
};

/* The name without its namespace prefix. */
const char *xml_local_name(const char *name);

/* The value of attribute name (local name, any prefix) in atts, or NULL. */
const char *xml_attribute(const char **atts, const char *name);

/* Decode Excel's _xHHHH_ escapes in b, in place. */
void xlsx_decode_escapes(struct buf *b);

#endif
