/* xlsx_xml.h -- the XML of a sheet appended to a buffer: text escaped as Excel reads it back, numbers as Excel writes them */
#ifndef RENKE_XLSX_XML_H
#define RENKE_XLSX_XML_H

#include "buf.h"

/*
 * "room reserved": these append without growing b, into room the caller
 * made with buf_reserve() (xml_add_text alone grows b).
 */

/* Append the decimal digits of v to b (room reserved). */
void xml_put_unsigned(struct buf *b, unsigned long long v);

/* Append the n bytes of s to b (room reserved). */
void xml_put(struct buf *b, const char *s, size_t n);

/* Append the string literal lit to b (room reserved). */
#define XML_PUT(b, lit) xml_put((b), (lit), sizeof(lit) - 1)

/*
 * Append the n bytes of s as XML text to b (7n bytes reserved): & < >
 * as entities, control characters XML cannot hold as _xHHHH_, and a
 * _xHHHH_ of the text itself as _x005F_xHHHH_, so that it reads back as
 * it was.
 */
void xml_put_text(struct buf *b, const char *s, size_t n);

/* Append s as XML text or an attribute's value to b.  0 or -1. */
int xml_add_text(struct buf *b, const char *s);

/* Append a number as Excel writes it (%.16G, a point for the decimal) to b. */
void xml_put_number(struct buf *b, double d);

/*
 * Append v as a number cell's value to b: digits as they are when
 * %.16G would write them so, else through it.
 */
void xml_put_number_text(struct buf *b, const char *v, double d);

#endif
