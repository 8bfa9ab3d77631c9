/* xml_scan.h -- a streaming XML scanner for the sheets of workbooks, in place of expat where rows are many */
#ifndef RENKE_XML_SCAN_H
#define RENKE_XML_SCAN_H

#include <stddef.h>

#include "buf.h"

/*
 * The scanner reads UTF-8 XML 1.0 without a document type declaration
 * (a workbook's parts never have one) and checks what expat would: the
 * bytes are UTF-8 and characters XML allows, tags are well formed and
 * nested, attributes quoted either way and not repeated, entities and
 * character references known, one root element.  Names are handed on
 * without their namespace prefix, texts with entities decoded, CDATA
 * as text and line ends as LF.  Comments and processing instructions
 * are skipped.
 */

/* Up to n bytes of the document into b: how many, 0 at its end, -1 on an error. */
typedef long (*xml_read_fn)(void *source, char *b, size_t n);

/* A document in memory as a source, handed out chunk bytes at a time (0: as asked). */
struct xml_memory {
	const char *data;
	size_t n, at, chunk;
};

/* The xml_read_fn of a struct xml_memory. */
long xml_memory_read(void *source, char *b, size_t n);

/* A start tag: local name, and attributes as NULL-ended pairs of local name and value. */
typedef void (*xml_start_fn)(void *context, const char *name, const char **atts);
/* An end tag (an empty element <x/> gives a start and an end). */
typedef void (*xml_end_fn)(void *context, const char *name);
/* Text inside an element; one text may come in several pieces. */
typedef void (*xml_text_fn)(void *context, const char *s, size_t n);

/* attribute pairs handed on of one tag; those past it are checked, not handed on */
#define XML_SCAN_ATTS 16

struct xml_scan {
	xml_read_fn read;
	void *source;
	xml_start_fn start;
	xml_end_fn end;
	xml_text_fn text;
	void *context;

	char *b;		/* the bytes in hand: b[pos..checked) checked, to len read */
	size_t pos, checked, len, cap;
	unsigned long lines;	/* line ends before b */
	int started, final, paused, failed, read_failed;
	size_t failed_at;
	const char *reason;

	char *stack;		/* the names of the open elements, end to end */
	size_t *stack_at, depth, stack_len, stack_cap, depth_cap;
	size_t *local_at;	/* where each one's local name begins in it */
	int root_seen;

	struct buf decoded, values;
	const char *atts[2 * XML_SCAN_ATTS + 2];
};

/* Ready s to read from source, calling the handlers with context. */
void xml_scan_init(struct xml_scan *s, xml_read_fn read, void *source,
    xml_start_fn start, xml_end_fn end, xml_text_fn text, void *context);

/*
 * Scan until a handler calls xml_scan_pause or the document ends.  1 when
 * paused (call again to go on), 0 at the end of a well-formed document,
 * -1 when it is not one or cannot be read (xml_scan_reason and
 * xml_scan_line say what and where; read_failed is set when the read
 * function failed, and reason is then NULL).
 */
int xml_scan_run(struct xml_scan *s);

/* From a handler: make xml_scan_run return 1 after this handler. */
void xml_scan_pause(struct xml_scan *s);

/* Why the document was refused, in the user's language. */
const char *xml_scan_reason(const struct xml_scan *s);

/* The line (from 1) where the scan stopped or failed. */
unsigned long xml_scan_line(const struct xml_scan *s);

/* Free what s holds (not the source); s may be initialised again. */
void xml_scan_free(struct xml_scan *s);

#endif
