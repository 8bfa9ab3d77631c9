/* cfb.h -- a stream of a compound file (OLE2, the container of .xls and .et) read whole */
#ifndef RENKE_CFB_H
#define RENKE_CFB_H

#include <stddef.h>

/*
 * Where a stream lies in its file: byte k of the stream is byte
 * at[k / unit] + k % unit of the file.
 */
struct cfb_places {
	size_t *at;		/* one for every unit bytes of the stream; the caller frees it */
	size_t unit;		/* bytes of a sector, or 64 for a stream in the mini stream */
};

/*
 * The stream of the compound file data[0..n) that libfreexl 1.0 would
 * read for names[] (a NULL-ended list of ASCII names): the first entry
 * of the directory, in its order, named one of them exactly (case and
 * all), read whole into a new buffer *out of *len bytes (the caller
 * frees it).  Every sector followed is checked to lie in the file and no
 * chain may loop; an entry before it (or it) with a name longer than its
 * field, or a first match that is the root entry or no stream, is
 * damage.  Where the stream lies in data goes to *places unless places
 * is NULL (places->at is NULL unless 0 is returned).  Returns 0; 1 when
 * the file has none of those streams; -1 when it is no compound file or
 * a damaged one; -2 when memory ran out (*out is then NULL).
 */
int cfb_stream(const unsigned char *data, size_t n, const char *const *names,
    unsigned char **out, size_t *len, struct cfb_places *places);

#endif
