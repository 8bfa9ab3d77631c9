/* xls.c -- .xls and WPS .et workbooks through libfreexl; hidden sheets and merged cells from the BIFF records */
#include <errno.h>
#include <fcntl.h>
#include <freexl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "biff.h"
#include "buf.h"
#include "cfb.h"
#include "tempfiles.h"
#include "xls.h"

/* BIFF records libfreexl reads past */
#define BIFF_BOF 0x0809
#define BIFF_EOF 0x000A
#define BIFF_BOUNDSHEET 0x0085
#define BIFF_DIMENSION 0x0200
#define BIFF_LABEL 0x0204
#define BIFF_FORMAT 0x041E
#define BIFF_MERGEDCELLS 0x00E5
#define BIFF_SST 0x00FC
#define BIFF_CONTINUE 0x003C
/* a record type no version of BIFF defines: what no reader acts on */
#define BIFF_NEUTRAL 0x7FFF

struct xls {
	const void *handle;
	char *file;
	struct sheet_info *sheets;
	size_t nsheets;
	unsigned rows, next;
	unsigned short columns;
	/* the Workbook stream, and where each sheet's records begin in it */
	unsigned char *stream;
	size_t nstream;
	uint32_t *sheet_at;
	/* a copy of the file for libfreexl, the substreams embedded in sheets
	   made neutral (neutral_copy()); removed once libfreexl has read it */
	char *copy;
	int copy_slot;
	/* what libfreexl 1.0 does not read: the saved results of formulas */
	struct biff_book book;
	struct biff_formulas formulas;	/* the selected sheet's */
};

/*
 * 1 when the compound file at path holds an encrypted package: an
 * .xlsx saved with a password.  Its directory names the stream in
 * UTF-16, "EncryptedPackage".
 */
static int
is_encrypted_package(const char *path)
{
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
	FILE *fp = fopen(path, "rb");
	char *b = malloc(65536 + sizeof(name));
	size_t have = 0, n;
	int found = 0;

	while (fp != NULL && b != NULL && !found &&
	    (n = fread(b + have, 1, 65536, fp)) > 0) {
		have += n;
		found = memmem(b, have, name, sizeof(name) - 1) != NULL;
		if (have >= sizeof(name)) {
			memmove(b, b + have - (sizeof(name) - 1), sizeof(name) - 1);
			have = sizeof(name) - 1;
		}
	}
	free(b);
	if (fp != NULL)
		fclose(fp);
	return found;
}

/* ---- what libfreexl does not tell: hidden sheets, merged cells ---- */

static int
damaged(const struct xls *x, struct error *err)
{
	return error_set(err, EXIT_DATAERR, _("%s: a damaged .xls file: its "
	    "sheets or merged cells cannot be read; open it in Excel or WPS and "
	    "save it as .xlsx"), x->file);
}

/*
 * The record at *at of the stream: its type into *type, its data's
 * length into *len, *at moved past it.  1, 0 at the stream's end (or
 * the zeros a writer pads it with), -1 when the record runs past it.
 */
static int
next_record(const struct xls *x, size_t *at, unsigned *type,
    const unsigned char **data, size_t *len)
{
	return biff_next(x->stream, x->nstream, at, type, data, len);
}

/* ---- the shared strings (SST), checked before libfreexl reads them ---- */

/* The SST record and the CONTINUE records after it, walked as one run of bytes. */
struct sst_walk {
	const struct xls *x;
	size_t next;			/* the record after the one in hand */
	const unsigned char *data;	/* the record in hand */
	size_t len, pos;
};

/* On to the CONTINUE record after the one in hand: 1, or 0 when none follows. */
static int
sst_continue(struct sst_walk *w)
{
	size_t at = w->next, len;
	const unsigned char *data;
	unsigned type;

	if (next_record(w->x, &at, &type, &data, &len) != 1 || type != BIFF_CONTINUE)
		return 0;
	w->next = at;
	w->data = data;
	w->len = len;
	w->pos = 0;
	return 1;
}

/* n bytes (a string's header, its runs, its extra data) into out if not NULL: 0, or -1 past the records. */
static int
sst_bytes(struct sst_walk *w, unsigned char *out, size_t n)
{
	while (n > 0) {
		size_t k;

		if (w->pos == w->len && !sst_continue(w))
			return -1;
		k = w->len - w->pos < n ? w->len - w->pos : n;
		if (out != NULL) {
			memcpy(out, w->data + w->pos, k);
			out += k;
		}
		w->pos += k;
		n -= k;
	}
	return 0;
}

/*
 * The n characters of a string, 2 bytes each when wide: a CONTINUE
 * record they run on into starts with a byte saying how wide the rest
 * are.  0, or -1 past the records or with a character cut in two.
 */
static int
sst_characters(struct sst_walk *w, size_t n, int wide)
{
	while (n > 0) {
		size_t k;

		if (w->pos == w->len) {
			if (!sst_continue(w) || w->len == 0)
				return -1;
			wide = w->data[0] & 1;
			w->pos = 1;
		}
		k = (w->len - w->pos) / (wide ? 2 : 1);
		if (k == 0)
			return -1;
		if (k > n)
			k = n;
		w->pos += k * (wide ? 2 : 1);
		n -= k;
	}
	return 0;
}

static int
damaged_strings(const struct xls *x, struct error *err)
{
	return error_set(err, EXIT_DATAERR, _("%s: a damaged .xls file: its "
	    "shared strings run past their records; open it in Excel or WPS and "
	    "save it as .xlsx"), x->file);
}

/*
 * Each SST record of the stream with its CONTINUE records holds every
 * string it counts, each within them: its characters, rich-text runs
 * and extra data (libfreexl 1.0 reads past them when they do not, and
 * may crash).  0, or -1 with err set.
 */
static int
check_strings(const struct xls *x, struct error *err)
{
	size_t at = 0, len;
	const unsigned char *data;
	unsigned type;
	int rc;

	while ((rc = next_record(x, &at, &type, &data, &len)) == 1) {
		struct sst_walk w = { x, at, data, len, 8 };
		uint32_t unique;

		if (type != BIFF_SST)
			continue;
		if (len < 8)
			return damaged_strings(x, err);
		unique = biff_u32(data + 4);
		for (uint32_t i = 0; i < unique; i++) {
			unsigned char h[3], n[4];
			size_t runs = 0, extra = 0;

			if (sst_bytes(&w, h, 3) != 0)
				return damaged_strings(x, err);
			if ((h[2] & 8) != 0) {
				if (sst_bytes(&w, n, 2) != 0)
					return damaged_strings(x, err);
				runs = biff_u16(n);
			}
			if ((h[2] & 4) != 0) {
				if (sst_bytes(&w, n, 4) != 0)
					return damaged_strings(x, err);
				extra = biff_u32(n);
			}
			if (sst_characters(&w, biff_u16(h), h[2] & 1) != 0 ||
			    sst_bytes(&w, NULL, 4 * runs) != 0 ||
			    sst_bytes(&w, NULL, extra) != 0)
				return damaged_strings(x, err);
		}
		at = w.next;
	}
	return 0;
}

/* ---- each sheet where the list says, sized once, checked before libfreexl ---- */

/*
 * Where the records of the stream stand, one after another: in the
 * workbook's substream or a sheet's (each BOF to its EOF), or in a
 * substream embedded in a sheet's, such as a chart drawn on a
 * worksheet, with its own BOF, EOF, size and cells.
 */
struct substreams {
	int state;		/* -1 before the first BOF, 1 inside a substream, 0 after its EOF */
	size_t depth;		/* embedded substreams open */
};

/* The kinds of record substream_step() tells apart. */
enum substream_record { RECORD_OWN, RECORD_SHEET_BEGINS, RECORD_EMBEDDED,
	RECORD_EMBEDDED_BEGINS };

/* What the next record, of type, is, s moved past it. */
static enum substream_record
substream_step(struct substreams *s, unsigned type)
{
	if (s->depth > 0) {
		if (type == BIFF_BOF)
			s->depth++;
		else if (type == BIFF_EOF)
			s->depth--;
		return RECORD_EMBEDDED;
	}
	if (type == BIFF_BOF && s->state == 1) {
		s->depth = 1;
		return RECORD_EMBEDDED_BEGINS;
	}
	if (type == BIFF_BOF) {
		int after_eof = s->state == 0;

		s->state = 1;
		return after_eof ? RECORD_SHEET_BEGINS : RECORD_OWN;
	}
	if (type == BIFF_EOF)
		s->state = 0;
	return RECORD_OWN;
}

/* A sheet as libfreexl 1.0 lists it: one for each BOUNDSHEET record. */
struct sheet_check {
	uint32_t at;		/* where its BOF record is, as its BOUNDSHEET says */
	int begun;		/* a BOF record was found there */
	size_t dimensions;	/* DIMENSION records between that BOF and its EOF */
};

/* Sheet (numbered from 1) not begun where listed, or sized that many times. */
static int
damaged_sheet(const struct xls *x, size_t sheet, int begun, size_t dimensions,
    struct error *err)
{
	if (!begun)
		return error_set(err, EXIT_DATAERR, _("%s: a damaged .xls file: "
		    "sheet %zu does not begin where the workbook's list of sheets "
		    "says; open it in Excel or WPS and save it as .xlsx"),
		    x->file, sheet);
	return error_set(err, EXIT_DATAERR, _("%s: a damaged .xls file: sheet "
	    "%zu gives its size (a DIMENSION record) %zu times, not once; open "
	    "it in Excel or WPS and save it as .xlsx"), x->file, sheet,
	    dimensions);
}

/*
 * The stream read as libfreexl 1.0 reads it: each BOUNDSHEET record adds
 * a sheet; a BOF record after an EOF starts the substream of the first
 * sheet listed at its offset (or of none), and every DIMENSION record up
 * to the next EOF sizes that sheet's cells anew, losing those it sized
 * before.  Once the stream is read, a sheet still without a size is
 * sized by making the cells of the sheet selected last again: the cells
 * sized before are lost, and that sheet then reads empty.  So every
 * sheet must begin with a BOF record where it is listed and give its
 * size once, as the format requires of worksheets and charts alike (a
 * chart's size is that of its series data); only a workbook of one
 * sheet may leave it out, and libfreexl then sizes it from its cells.
 * The substreams embedded in sheets libfreexl does not see (it is given
 * neutral_copy()), so they are left out here; their count goes to
 * *embedded.  0, or -1 with err set.
 */
static int
check_sheets(const struct xls *x, size_t *embedded, struct error *err)
{
	struct buf listed = { 0 };
	struct sheet_check *list = NULL;
	struct substreams sub = { -1, 0 };
	size_t n = 0, at = 0, here = 0, len, selected = SIZE_MAX;
	const unsigned char *data;
	unsigned type;
	int rc;

	*embedded = 0;
	while ((rc = next_record(x, &at, &type, &data, &len)) == 1) {
		enum substream_record kind = substream_step(&sub, type);

		if (kind == RECORD_EMBEDDED_BEGINS)
			++*embedded;
		if (kind == RECORD_EMBEDDED || kind == RECORD_EMBEDDED_BEGINS) {
			here = at;
			continue;
		}
		if (type == BIFF_BOUNDSHEET) {
			struct sheet_check s = { 0, 0, 0 };

			if (len < 6) {
				buf_free(&listed);
				return damaged(x, err);
			}
			s.at = biff_u32(data);
			if (buf_append(&listed, &s, sizeof(s)) != 0) {
				buf_free(&listed);
				return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
			}
			list = (struct sheet_check *)(void *)listed.data;
			n++;
		} else if (kind == RECORD_SHEET_BEGINS) {
			/* the first sheet listed here, or none (even if one is listed later) */
			for (selected = 0; selected < n && list[selected].at != here; selected++)
				;
			if (selected < n)
				list[selected].begun = 1;
			else
				selected = SIZE_MAX;
		} else if (type == BIFF_DIMENSION && sub.state == 1 && selected < n)
			list[selected].dimensions++;
		here = at;
	}
	rc = 0;
	for (size_t k = 0; k < n && rc == 0; k++)
		if (!list[k].begun || list[k].dimensions > 1 ||
		    (list[k].dimensions == 0 && n > 1))
			rc = damaged_sheet(x, k + 1, list[k].begun,
			    list[k].dimensions, err);
	buf_free(&listed);
	return rc;
}

/* ---- the strings of text cells and number formats, checked before libfreexl ---- */

/*
 * 1 when a string of n characters at data[at] lies within its record of
 * len bytes: in BIFF8 a byte of flags, a count of rich-text runs when
 * flags & 8, a size of extra data when flags & 4, then the characters,
 * two bytes each when flags & 1; in BIFF5 n bytes.
 */
static int
string_fits(const unsigned char *data, size_t len, size_t at, size_t n,
    int biff8)
{
	size_t need = at + n;

	if (biff8 && n > 0) {
		if (at >= len)
			return 0;
		need = at + 1 + ((data[at] & 8) ? 2 : 0) + ((data[at] & 4) ? 4 : 0) +
		    n * ((data[at] & 1) ? 2 : 1);
	}
	return need <= len;
}

static int
damaged_text(const struct xls *x, struct error *err)
{
	return error_set(err, EXIT_DATAERR, _("%s: a damaged .xls file: the text "
	    "of a cell or a number format runs past its record; open it in Excel "
	    "or WPS and save it as .xlsx"), x->file);
}

/*
 * Each LABEL record (a text cell: row, column, format, the count of its
 * characters and they) and, in BIFF8, each FORMAT record (its number,
 * the count and the characters) holds the characters it counts:
 * libfreexl 1.0 copies as many as the count says, from its buffer of one
 * record, and reads past it.  The workbook's first BOF record says which
 * BIFF it is.  0, or -1 with err set.
 */
static int
check_texts(const struct xls *x, struct error *err)
{
	size_t at = 0, len;
	const unsigned char *data;
	unsigned type;
	int biff8 = -1;

	while (next_record(x, &at, &type, &data, &len) == 1) {
		if (biff8 < 0)
			biff8 = type == BIFF_BOF && len >= 2 && biff_u16(data) == 0x0600;
		if (type == BIFF_LABEL && (len < 8 ||
		    !string_fits(data, len, 8, biff_u16(data + 6), biff8)))
			return damaged_text(x, err);
		if (type == BIFF_FORMAT && biff8 && (len < 4 ||
		    !string_fits(data, len, 4, biff_u16(data + 2), 1)))
			return damaged_text(x, err);
	}
	return 0;
}

/* The bytes of the file at path into b.  0, or -1 with errno set. */
static int
read_whole(const char *path, struct buf *b)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int failed;

	if (fp == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (buf_append(b, chunk, n) != 0) {
			fclose(fp);
			errno = ENOMEM;
			return -1;
		}
	failed = ferror(fp);
	fclose(fp);
	return failed ? -1 : 0;
}

/* Remove x's copy for libfreexl, if it made one. */
static void
remove_copy(struct xls *x)
{
	if (x->copy == NULL)
		return;
	unlink(x->copy);
	tempfiles_forget(x->copy_slot);
	free(x->copy);
	x->copy = NULL;
}

/*
 * A copy of the file (its bytes in file) for libfreexl, at x->copy,
 * where every record of a substream embedded in a sheet, its BOF and
 * EOF with it, is of a type no reader acts on: libfreexl 1.0 takes such
 * a BOF for nothing and the EOF for its sheet's end, so that it fails
 * at the sheet's next record, and would take an embedded chart's size
 * and the cells of its series for the sheet's.  Each record keeps its
 * length, so every offset in the stream holds.  places says where the
 * stream lies in the file.  0, or -1 with err set.
 */
static int
neutral_copy(struct xls *x, struct buf *file, const struct cfb_places *places,
    struct error *err)
{
	const char *dir = getenv("TMPDIR");
	struct substreams sub = { -1, 0 };
	struct buf path = { 0 };
	size_t at = 0, len;
	const unsigned char *data;
	unsigned type;
	FILE *out;
	int fd;

	while (next_record(x, &at, &type, &data, &len) == 1) {
		enum substream_record kind = substream_step(&sub, type);
		size_t record = (size_t)(data - x->stream) - 4;

		if (kind != RECORD_EMBEDDED && kind != RECORD_EMBEDDED_BEGINS)
			continue;
		/* the type's two bytes, each where the stream puts it in the file */
		for (size_t k = 0; k < 2; k++) {
			size_t i = record + k;

			file->data[places->at[i / places->unit] + i % places->unit] =
			    (char)(k == 0 ? BIFF_NEUTRAL & 0xFF : BIFF_NEUTRAL >> 8);
		}
	}
	buf_puts(&path, dir != NULL && *dir != '\0' ? dir : "/tmp");
	buf_puts(&path, "/renke-xls-XXXXXX");
	if (path.data == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if ((fd = tempfiles_make(path.data, O_CLOEXEC, &x->copy_slot)) < 0) {
		error_set(err, EXIT_CANTCREAT, _("%s: a temporary copy of the "
		    "workbook: %s"), x->file, strerror(errno));
		buf_free(&path);
		return -1;
	}
	x->copy = path.data;
	if ((out = fdopen(fd, "wb")) == NULL) {
		close(fd);
		return error_set(err, EXIT_IOERR, "%s: %s", x->copy, strerror(errno));
	}
	if (fwrite(file->data, 1, file->len, out) != file->len) {
		fclose(out);
		return error_set(err, EXIT_IOERR, "%s: %s", x->copy, strerror(errno));
	}
	if (fclose(out) != 0)
		return error_set(err, EXIT_IOERR, "%s: %s", x->copy, strerror(errno));
	return 0;
}

/*
 * The Workbook stream of the file at path, through cfb.c, every record
 * of it checked to lie within it: a file whose sectors or records do
 * not hold together is refused here, before libfreexl reads it (some
 * such files crash libfreexl 1.0).  When a sheet embeds a substream (a
 * chart), libfreexl is to read the copy at x->copy.  0, or -1 with err
 * set.
 */
static int
read_stream(struct xls *x, const char *path, struct error *err)
{
	static const char *const names[] = { "Workbook", "Book", NULL };
	struct buf file = { 0 };
	struct cfb_places places = { NULL, 0 };
	size_t at = 0, len, embedded = 0;
	const unsigned char *data;
	unsigned type;
	int rc;

	if (read_whole(path, &file) != 0) {
		buf_free(&file);
		return error_set(err, errno == ENOMEM ? EXIT_SOFTWARE : EXIT_IOERR,
		    "%s: %s", x->file, strerror(errno));
	}
	rc = cfb_stream((const unsigned char *)file.data, file.len, names,
	    &x->stream, &x->nstream, &places);
	if (rc == -2)
		rc = error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	else if (rc != 0)
		rc = damaged(x, err);
	else {
		while ((rc = next_record(x, &at, &type, &data, &len)) == 1)
			;
		if (rc < 0)
			rc = damaged_strings(x, err);
		else if (check_strings(x, err) != 0 || check_texts(x, err) != 0 ||
		    check_sheets(x, &embedded, err) != 0)
			rc = -1;
		else if (embedded > 0)
			rc = neutral_copy(x, &file, &places, err);
	}
	free(places.at);
	buf_free(&file);
	return rc;
}

/*
 * 1 when the sheet whose records begin at at holds a chart and no cell:
 * a chart sheet saved as a worksheet with its chart drawn on it, as
 * LibreOffice saves one in an .xls.
 */
static int
chart_alone(const struct xls *x, size_t at)
{
	size_t len, depth = 0;
	const unsigned char *data;
	unsigned type;
	int chart = 0;

	while (next_record(x, &at, &type, &data, &len) == 1) {
		if (type == BIFF_BOF && ++depth == 2)
			chart = 1;
		else if (type == BIFF_EOF && (depth == 0 || --depth == 0))
			break;
		else if (depth == 1 && (type == 0x00FD || type == BIFF_LABEL ||
		    type == 0x0203 || type == 0x027E || type == 0x00BD ||
		    type == 0x0006 || type == 0x0205 || type == 0x00D6))
			return 0;	/* LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA, BOOLERR, RSTRING */
	}
	return chart;
}

/*
 * The BOUNDSHEET records of the stream: each sheet's hidden state and
 * where its records begin.  libfreexl numbers the worksheets among them
 * (charts and macros left out).  0, or -1 with err set.
 */
static int
read_sheet_list(struct xls *x, struct error *err)
{
	size_t at, len, nall = 0, nworksheets = 0;
	const unsigned char *data;
	unsigned type;
	int rc, pass;

	/* count first, then note: worksheets alone when libfreexl's count is theirs */
	for (pass = 0; pass < 2; pass++) {
		size_t k = 0;
		int all = pass == 1 && nworksheets != x->nsheets;

		if (pass == 1 && nworksheets != x->nsheets && nall != x->nsheets)
			return damaged(x, err);
		at = 0;
		while ((rc = next_record(x, &at, &type, &data, &len)) == 1 &&
		    type != BIFF_EOF) {
			if (type != BIFF_BOUNDSHEET || len < 6)
				continue;
			if (pass == 0) {
				nall++;
				nworksheets += data[5] == 0;
			} else if (all || data[5] == 0) {
				x->sheet_at[k] = biff_u32(data);
				x->sheets[k].chart = data[5] == 2 ||
				    chart_alone(x, biff_u32(data));
				x->sheets[k++].hidden = (data[4] & 3) != 0;
			}
		}
		if (rc < 0)
			return damaged(x, err);
	}
	return 0;
}

/*
 * The MERGEDCELLS records of sheet i, as regions numbered as Excel
 * numbers rows (from 1) and columns from 0, sorted by first row.  0, or
 * -1 with err set.
 */
static int
read_merges(struct xls *x, size_t i, struct merged_region **merges,
    size_t *nmerges, struct error *err)
{
	struct merged_region *list = NULL;
	size_t n = 0, cap = 0, at = x->sheet_at[i], len;
	const unsigned char *data;
	unsigned type;
	int rc, depth = 0;

	*merges = NULL;
	*nmerges = 0;
	/* the sheet's records, from its BOF to its EOF; a chart inside has its own */
	while ((rc = next_record(x, &at, &type, &data, &len)) == 1) {
		if (type == BIFF_BOF)
			depth++;
		else if (depth == 0)
			break;
		else if (type == BIFF_EOF && --depth == 0)
			break;
		else if (type == BIFF_MERGEDCELLS && depth == 1 && len >= 2) {
			size_t count = biff_u16(data);

			if (len < 2 + 8 * count)
				break;
			for (size_t k = 0; k < count; k++) {
				const unsigned char *r = data + 2 + 8 * k;
				struct merged_region m = { (long)biff_u16(r) + 1,
				    (long)biff_u16(r + 2) + 1, biff_u16(r + 4), biff_u16(r + 6) };

				if (m.r2 < m.r1 || m.c2 < m.c1 ||
				    (m.r1 == m.r2 && m.c1 == m.c2))
					continue;
				if (n == cap) {
					struct merged_region *more;

					cap = cap ? cap * 2 : 16;
					if ((more = realloc(list, cap * sizeof(*more))) == NULL) {
						free(list);
						return error_set(err, EXIT_SOFTWARE, "%s",
						    strerror(ENOMEM));
					}
					list = more;
				}
				list[n++] = m;
			}
		}
	}
	if (rc != 1 || depth != 0 || type != BIFF_EOF) {
		free(list);
		return damaged(x, err);
	}
	workbook_sort_merges(list, n);
	*merges = list;
	*nmerges = n;
	return 0;
}

struct xls *
xls_open(const char *path, const char *file, struct error *err)
{
	struct xls *x = calloc(1, sizeof(*x));
	unsigned count = 0, password = 0;
	int rc;

	if (x == NULL || (x->file = strdup(file)) == NULL) {
		free(x);
		error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
		return NULL;
	}
	if (is_encrypted_package(path)) {
		error_set(err, EXIT_DATAERR, _("%s: the workbook is encrypted and "
		    "cannot be read: open it in Excel or WPS, remove the password and "
		    "save it as .xlsx"), file);
		goto fail;
	}
	if (read_stream(x, path, err) != 0)
		goto fail;
	rc = freexl_open(x->copy != NULL ? x->copy : path, &x->handle);
	/* libfreexl has read it all */
	remove_copy(x);
	/* libfreexl 1.0 gives no handle and no error for some records it cannot read */
	if (rc != FREEXL_OK || x->handle == NULL) {
		x->handle = NULL;
		error_set(err, EXIT_DATAERR, _("%s: not an .xls or .et workbook that "
		    "can be read (libfreexl error %d): open it in Excel or WPS and "
		    "save it as .xlsx"), file, rc);
		goto fail;
	}
	if (freexl_get_info(x->handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
	    password == FREEXL_BIFF_OBFUSCATED) {
		error_set(err, EXIT_DATAERR, _("%s: the workbook is encrypted and "
		    "cannot be read: open it in Excel or WPS, remove the password and "
		    "save it as .xlsx"), file);
		goto fail;
	}
	if (freexl_get_info(x->handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK ||
	    count == 0) {
		error_set(err, EXIT_DATAERR, _("%s: the workbook has no sheets"), file);
		goto fail;
	}
	if ((x->sheets = calloc(count, sizeof(*x->sheets))) == NULL ||
	    (x->sheet_at = calloc(count, sizeof(*x->sheet_at))) == NULL)
		goto nomem;
	for (unsigned i = 0; i < count; i++) {
		const char *name = NULL;

		if (freexl_get_worksheet_name(x->handle, (unsigned short)i, &name) !=
		    FREEXL_OK || name == NULL)
			name = "";
		x->sheets[i].rows = -1;
		if ((x->sheets[i].name = strdup(name)) == NULL)
			goto nomem;
		x->nsheets++;
	}
	if (read_sheet_list(x, err) != 0)
		goto fail;
	if (biff_book_read(x->stream, x->nstream, &x->book) != 0)
		goto nomem;
	return x;
nomem:
	error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
fail:
	xls_close(x);
	return NULL;
}

struct sheet_info *
xls_sheets(struct xls *x, size_t *n)
{
	*n = x->nsheets;
	return x->sheets;
}

int
xls_select(struct xls *x, size_t i, struct merged_region **merges,
    size_t *nmerges, struct error *err)
{
	if (freexl_select_active_worksheet(x->handle, (unsigned short)i) != FREEXL_OK ||
	    freexl_worksheet_dimensions(x->handle, &x->rows, &x->columns) != FREEXL_OK)
		return error_set(err, EXIT_DATAERR, _("%s:%s: the sheet cannot be read"),
		    x->file, x->sheets[i].name);
	x->next = 0;
	if (biff_formulas_read(x->stream, x->nstream, x->sheet_at[i], &x->book,
	    &x->formulas) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if (merges != NULL && read_merges(x, i, merges, nmerges, err) != 0)
		return -1;
	return 0;
}

/*
 * Cell (r, c) of the active sheet into row, a formula's saved result
 * where libfreexl has none: 0, or -1 when memory runs out.
 */
static int
take_cell(struct xls *x, struct sheet_row *row, unsigned r, unsigned short c)
{
	const struct biff_formula *f;
	FreeXL_CellValue v;
	char tmp[32];

	if (freexl_get_cell_value(x->handle, r, c, &v) != FREEXL_OK)
		v.type = FREEXL_CELL_NULL;
	if (v.type == FREEXL_CELL_NULL &&
	    (f = biff_formula_at(&x->formulas, r, c)) != NULL)
		return sheet_row_set(row, c, f->kind, f->len > 0 ?
		    x->formulas.text.data + f->at : "", f->len);
	switch (v.type) {
	case FREEXL_CELL_INT:
		snprintf(tmp, sizeof(tmp), "%d", v.value.int_value);
		return sheet_row_set(row, c, CELL_NUMBER, tmp, strlen(tmp));
	case FREEXL_CELL_DOUBLE:
		workbook_number_text(v.value.double_value, tmp);
		return sheet_row_set(row, c, CELL_NUMBER, tmp, strlen(tmp));
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_TIME:
		return sheet_row_set(row, c, CELL_TEXT, v.value.text_value,
		    strlen(v.value.text_value));
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
		return sheet_row_set(row, c, CELL_DATE, v.value.text_value,
		    strnlen(v.value.text_value, 10));
	default:
		return 0;
	}
}

int
xls_next_row(struct xls *x, struct sheet_row *row, struct error *err)
{
	if (x->next >= x->rows)
		return 0;
	sheet_row_reset(row, (long)x->next + 1);
	for (unsigned short c = 0; c < x->columns; c++)
		if (take_cell(x, row, x->next, c) != 0)
			return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	x->next++;
	return 1;
}

void
xls_progress(const struct xls *x, long long *done, long long *total)
{
	*done = x->next;
	*total = x->rows;
}

void
xls_close(struct xls *x)
{
	if (x == NULL)
		return;
	if (x->handle != NULL)
		freexl_close(x->handle);
	for (size_t i = 0; i < x->nsheets; i++)
		free(x->sheets[i].name);
	free(x->sheets);
	free(x->sheet_at);
	remove_copy(x);
	biff_book_free(&x->book);
	biff_formulas_free(&x->formulas);
	free(x->stream);
	free(x->file);
	free(x);
}
