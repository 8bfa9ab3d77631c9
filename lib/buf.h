/* buf.h -- a growable byte buffer */
#ifndef RENKE_BUF_H
#define RENKE_BUF_H

#include <stddef.h>

/* Bytes data[0..len), always followed by a NUL; zero-initialised is empty. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

/* Append n bytes; returns 0, or -1 when memory runs out (buf unchanged). */
int buf_append(struct buf *b, const void *p, size_t n);

/* Append a NUL-terminated string; as buf_append. */
int buf_puts(struct buf *b, const char *s);

/* Append code point cp (up to U+10FFFF) as UTF-8; as buf_append. */
int buf_put_utf8(struct buf *b, unsigned long cp);

/* Make room for n more bytes; as buf_append. */
int buf_reserve(struct buf *b, size_t n);

/* Empty b, keeping its memory. */
void buf_reset(struct buf *b);

/* Free b's memory and empty it. */
void buf_free(struct buf *b);

#endif
