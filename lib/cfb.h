/* cfb.h -- a stream of a compound file (OLE2, the container of .xls and .et) read whole */
#ifndef RENKE_CFB_H
#define RENKE_CFB_H

#include <stddef.h>

/*
 * The stream named one of names[] (a NULL-ended list of ASCII names,
 * compared without case; the first found wins) of the compound file
 * data[0..n), read whole into a new buffer *out of *len bytes (the
 * caller frees it).  Every sector followed is checked to lie in the
 * file and no chain may loop.  Returns 0; 1 when the file has none of
 * those streams; -1 when it is no compound file or a damaged one; -2
 * when memory ran out (*out is then NULL).
 */
int cfb_stream(const unsigned char *data, size_t n, const char *const *names,
    unsigned char **out, size_t *len);

#endif
