/* xlsx_xml.c -- the XML of a sheet appended to a buffer: text escaped as Excel reads it back, numbers as Excel writes them */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "xlsx_xml.h"

/* Append the decimal digits of v to b (room reserved). */
void
xml_put_unsigned(struct buf *b, unsigned long long v)
{
	char digits[24];
	size_t n = 0;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (n > 0)
		b->data[b->len++] = digits[--n];
}

/* Append the n bytes of s to b (room reserved). */
void
xml_put(struct buf *b, const char *s, size_t n)
{
	memcpy(b->data + b->len, s, n);
	b->len += n;
}

/* 1 when s[0..] is Excel's escape _xHHHH_, which a reader would decode. */
static int
xml_looks_escaped(const char *s)
{
	static const char hex[] = "0123456789ABCDEFabcdef";

	if (s[0] != '_' || s[1] != 'x')
		return 0;
	for (int k = 2; k < 6; k++)
		if (s[k] == '\0' || strchr(hex, s[k]) == NULL)
			return 0;
	return s[6] == '_';
}

/*
 * Append the n bytes of s as XML text to b (7n bytes reserved): & < >
 * as entities, control characters XML cannot hold as _xHHHH_, and a
 * _xHHHH_ of the text itself as _x005F_xHHHH_, so that it reads back as
 * it was.
 */
void
xml_put_text(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t from = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c > '>' && c != '_')
			continue;
		if (c >= ' ' && c != '&' && c != '<' && c != '>' && c != '_')
			continue;
		if (c == '\t' || c == '\n' || (c == '_' && !xml_looks_escaped(s + i)))
			continue;
		xml_put(b, s + from, i - from);
		from = i + 1;
		if (c == '&')
			XML_PUT(b, "&amp;");
		else if (c == '<')
			XML_PUT(b, "&lt;");
		else if (c == '>')
			XML_PUT(b, "&gt;");
		else if (c == '_')
			XML_PUT(b, "_x005F_");
		else {
			XML_PUT(b, "_x00");
			b->data[b->len++] = hex[c >> 4];
			b->data[b->len++] = hex[c & 15];
			b->data[b->len++] = '_';
		}
	}
	xml_put(b, s + from, n - from);
}

/* Append s as XML text or an attribute's value to b.  0 or -1. */
int
xml_add_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" :
		    *s == '>' ? "&gt;" : *s == '"' ? "&quot;" : *s == '\'' ?
		    "&apos;" : NULL;

		if (e != NULL ? buf_puts(b, e) != 0 : buf_append(b, s, 1) != 0)
			return -1;
	}
	return 0;
}

/* Append a number as Excel writes it (%.16G, a point for the decimal) to b. */
void
xml_put_number(struct buf *b, double d)
{
	char n[40];
	int len = snprintf(n, sizeof(n), "%.16G", d);

	for (int i = 0; i < len; i++)
		if (n[i] == ',')
			n[i] = '.';
	xml_put(b, n, (size_t)len);
}

/*
 * Append v as a number cell's value to b: digits as they are when
 * %.16G would write them so, else through it.
 */
void
xml_put_number_text(struct buf *b, const char *v, double d)
{
	const char *p = v + (*v == '-');
	size_t n = strlen(p);
	size_t k = 0;

	while (k < n && p[k] >= '0' && p[k] <= '9')
		k++;
	if (k == n && n > 0 && n <= 15 && (p[0] != '0' || n == 1) &&
	    !(v[0] == '-' && p[0] == '0'))
		xml_put(b, v, (size_t)(p - v) + n);
	else
		xml_put_number(b, d);
}
