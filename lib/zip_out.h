/* zip_out.h -- a zip written member by member as its data comes: headers, central directory, its end; never zip64 */
#ifndef RENKE_ZIP_OUT_H
#define RENKE_ZIP_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "error.h"

/*
 * The zip of a workbook renke writes: every member deflated, dated
 * 1980-01-01 00:00 as libxlsxwriter's (the same data, the same bytes),
 * and no zip64, which WPS cannot open: sizes and offsets stay below
 * 4 GiB, and a member that would pass it is an error, not a corrupt
 * file.  Writes go to a stdio stream; the caller checks ferror() at the
 * end (every write is counted whether it succeeded or not).
 */

/* A member of the zip, as its local header and the central directory list it. */
struct zip_member {
	const char *name;
	unsigned long crc;		/* of its bytes before deflating */
	unsigned long long packed, raw;	/* its sizes deflated and not */
	unsigned long long offset;	/* of its local header: zip_out_header() sets it */
};

struct zip_out {
	FILE *fp;
	unsigned long long at;		/* bytes written */
};

/*
 * The most bytes a member may hold, deflated or not, and a zip may
 * take: just under 4 GiB, and somewhat less than that for the member
 * that leaves the rest of the zip to come (room is what it needs).
 */
unsigned long long zip_out_limit(unsigned long long room);

/*
 * Deflate data[0..n) on its own into out (reset first) at level, ended
 * as flush says (Z_SYNC_FLUSH: byte-aligned, more to follow; Z_FINISH:
 * the last).  0, or -1 with err set.
 */
int zip_out_pack(const char *data, size_t n, int level, int flush, struct buf *out,
    struct error *err);

/* Write m's local header and name (m's crc and sizes set), noting its offset. */
void zip_out_header(struct zip_out *z, struct zip_member *m);

/* Write n bytes of a member's deflated data. */
void zip_out_data(struct zip_out *z, const void *data, size_t n);

/* Write a small member m holding data[0..n), deflated here: 0, or -1 with err set. */
int zip_out_part(struct zip_out *z, struct zip_member *m, const char *data, size_t n,
    struct error *err);

/* Write the central directory of members[0..n) and its end. */
void zip_out_directory(struct zip_out *z, const struct zip_member *members, size_t n);

#endif
