/* xml_scan.c -- a streaming XML scanner for the sheets of workbooks: well-formedness checked, entities decoded */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "xml_scan.h"

/* bytes read at a time, and the most one token (a tag, a text) may take */
#define READ_SIZE 65536
#define TOKEN_MAX (16 << 20)

/* what a step returns when the token is not all in hand yet */
#define NEED_MORE (-2)

void
xml_scan_init(struct xml_scan *s, xml_read_fn read, void *source,
    xml_start_fn start, xml_end_fn end, xml_text_fn text, void *context)
{
	memset(s, 0, sizeof(*s));
	s->read = read;
	s->source = source;
	s->start = start;
	s->end = end;
	s->text = text;
	s->context = context;
}

void
xml_scan_free(struct xml_scan *s)
{
	free(s->b);
	free(s->stack);
	free(s->stack_at);
	free(s->local_at);
	buf_free(&s->decoded);
	buf_free(&s->values);
	memset(s, 0, sizeof(*s));
}

long
xml_memory_read(void *source, char *b, size_t n)
{
	struct xml_memory *m = source;
	size_t k = m->n - m->at;

	if (k > n)
		k = n;
	if (m->chunk > 0 && k > m->chunk)
		k = m->chunk;
	memcpy(b, m->data + m->at, k);
	m->at += k;
	return (long)k;
}

void
xml_scan_pause(struct xml_scan *s)
{
	s->paused = 1;
}

const char *
xml_scan_reason(const struct xml_scan *s)
{
	return s->reason != NULL ? s->reason : "";
}

unsigned long
xml_scan_line(const struct xml_scan *s)
{
	unsigned long line = s->lines + 1;
	size_t at = s->failed ? s->failed_at : s->pos;
	const char *p = s->b, *end = s->b + (at < s->len ? at : s->len);

	while (p != NULL && p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p++;
	}
	return line;
}

/* Refuse the document for reason at byte at of b: -1. */
static int
fail(struct xml_scan *s, size_t at, const char *reason)
{
	if (!s->failed) {
		s->failed = 1;
		s->failed_at = at;
		s->reason = reason;
	}
	return -1;
}

static int
fail_memory(struct xml_scan *s)
{
	return fail(s, s->pos, strerror(ENOMEM));
}

/* What a byte can be: classes of the table below. */
enum {
	NAME_START = 1,		/* a letter, _, :, or a byte of a non-ASCII character */
	NAME_CHAR = 2,		/* those, digits, - and . */
	SPACE = 4,		/* XML's white space */
	VALUE_SPECIAL = 8,	/* what an attribute value needs decoded or refused for: < & tab LF CR */
	TEXT_SPECIAL = 16,	/* what ends a text or needs it decoded: < & CR */
	QUOTE = 32,		/* " and ', which may end an attribute value */
	END = 64,		/* NUL: only after the bytes read (b[len]), where loops stop */
};

/*
 * The bytes read are followed by a NUL (b[len]), and the bytes checked
 * hold none, so the loops over names, spaces, values and texts look for
 * the bytes that end them or END, and only then whether they passed the
 * bytes checked (end): one test a byte instead of two.
 */
static const unsigned char byte_class[256] = {
	64, 0, 0, 0, 0, 0, 0, 0, 0, 12, 12, 0, 0, 28, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	4, 0, 32, 0, 0, 0, 24, 32, 0, 0, 0, 0, 0, 2, 2, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 0, 24, 0, 0, 0,
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3,
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

#define IS(c, class) (byte_class[(unsigned char)(c)] & (class))

/* ---- the bytes: UTF-8, characters XML allows ---- */

/*
 * Check b[checked..len): UTF-8, no control characters but tab and line
 * ends, no U+FFFE or U+FFFF.  A sequence cut short at the end waits for
 * the next read.  0, or -1.
 */
static int
check_bytes(struct xml_scan *s)
{
	const unsigned char *p = (const unsigned char *)s->b + s->checked,
	    *end = (const unsigned char *)s->b + s->len;

	while (p < end) {
		unsigned char c = *p;
		size_t n;

		if (end - p >= 8) {
			uint64_t w;

			/* eight bytes of printable ASCII at once: the most of a sheet */
			memcpy(&w, p, 8);
			if (((w | (w - 0x2020202020202020ULL)) & 0x8080808080808080ULL) == 0) {
				p += 8;
				continue;
			}
		}
		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				return fail(s, (size_t)((const char *)p - s->b),
				    _("a control character, which XML does not allow"));
			p++;
			continue;
		}
		n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
		if (n == 0 || c > 0xf4)
			goto bad;
		if ((size_t)(end - p) < n) {
			if (s->final)
				goto bad;
			break;
		}
		for (size_t k = 1; k < n; k++)
			if ((p[k] & 0xc0) != 0x80)
				goto bad;
		if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0) ||
		    (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90) ||
		    (c == 0xef && p[1] == 0xbf && p[2] >= 0xbe))
			goto bad;
		p += n;
	}
	s->checked = (size_t)((const char *)p - s->b);
	return 0;
bad:
	return fail(s, (size_t)((const char *)p - s->b), _("bytes that are not UTF-8"));
}

/* Drop what is done, read more.  0, or -1. */
static int
refill(struct xml_scan *s)
{
	long n;

	if (s->pos > 0) {
		const char *p = s->b, *end = s->b + s->pos;

		while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
			s->lines++;
			p++;
		}
		memmove(s->b, s->b + s->pos, s->len - s->pos);
		s->len -= s->pos;
		s->checked -= s->pos;
		s->pos = 0;
	}
	if (s->cap - s->len < READ_SIZE) {
		size_t cap = s->cap ? s->cap * 2 : 2 * READ_SIZE;
		char *b;

		if (s->len >= TOKEN_MAX)
			return fail(s, 0, _("one tag or text of more than 16 MiB"));
		if ((b = realloc(s->b, cap + 1)) == NULL)
			return fail_memory(s);
		s->b = b;
		s->cap = cap;
	}
	if ((n = s->read(s->source, s->b + s->len, s->cap - s->len)) < 0) {
		s->read_failed = 1;
		s->failed = 1;
		s->failed_at = s->pos;
		return -1;
	}
	s->len += (size_t)n;
	s->b[s->len] = '\0';
	if (n == 0)
		s->final = 1;
	return check_bytes(s);
}

/* ---- texts: entities, character references, line ends ---- */

/*
 * The entity or character reference at p[0] == '&' (p[0..n) in hand)
 * onto out; its length, or 0 when it is none XML knows.
 */
static size_t
put_entity(struct buf *out, const char *p, size_t n, int *nomem)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {
		{ "lt;", '<' }, { "gt;", '>' }, { "amp;", '&' }, { "quot;", '"' },
		{ "apos;", '\'' },
	};
	const char *semi = memchr(p, ';', n < 12 ? n : 12);
	unsigned long cp = 0;
	size_t len;

	if (semi == NULL)
		return 0;
	len = (size_t)(semi - p) + 1;
	if (p[1] != '#') {
		for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
			if (len - 1 == strlen(named[i].name) &&
			    memcmp(p + 1, named[i].name, len - 1) == 0) {
				*nomem |= buf_append(out, &named[i].c, 1) != 0;
				return len;
			}
		return 0;
	}
	if (p[2] == 'x') {
		if (len < 5)
			return 0;
		for (const char *d = p + 3; d < semi; d++) {
			int v = *d >= '0' && *d <= '9' ? *d - '0' : (*d | 32) >= 'a' &&
			    (*d | 32) <= 'f' ? (*d | 32) - 'a' + 10 : -1;

			if (v < 0)
				return 0;
			cp = cp * 16 + (unsigned long)v;
		}
	} else {
		if (len < 4)
			return 0;
		for (const char *d = p + 2; d < semi; d++) {
			if (*d < '0' || *d > '9')
				return 0;
			cp = cp * 10 + (unsigned long)(*d - '0');
		}
	}
	/* the characters XML allows */
	if (!(cp == 0x9 || cp == 0xa || cp == 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
	    (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)))
		return 0;
	*nomem |= buf_put_utf8(out, cp) != 0;
	return len;
}

/*
 * Decode p[0..n) into s->decoded: references (unless raw, for CDATA),
 * CR LF and CR as LF, and in attribute values tab and line ends as
 * spaces.  0, or -1 naming the byte at.
 */
static int
decode(struct xml_scan *s, const char *p, size_t n, int raw, int attribute,
    size_t at)
{
	struct buf *out = &s->decoded;
	size_t i = 0, run = 0;
	int nomem = 0;

	buf_reset(out);
	while (i < n) {
		char c = p[i];
		size_t k;

		if (!(c == '&' && !raw) && c != '\r' && !(attribute && (c == '\t' || c == '\n'))) {
			i++;
			continue;
		}
		nomem |= buf_append(out, p + run, i - run) != 0;
		if (c == '&') {
			if ((k = put_entity(out, p + i, n - i, &nomem)) == 0)
				return fail(s, at + i, _("an entity or character "
				    "reference that XML does not know"));
			i += k;
		} else {
			nomem |= buf_append(out, attribute ? " " : "\n", 1) != 0;
			i += c == '\r' && i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
		}
		run = i;
	}
	nomem |= buf_append(out, p + run, n - run) != 0;
	return nomem ? fail_memory(s) : 0;
}

/* Hand on the text p[0..n) of an element, decoded when special (it has & or CR). */
static int
put_text(struct xml_scan *s, const char *p, size_t n, int raw, int special)
{
	if (n == 0)
		return 0;
	if (s->depth == 0) {
		for (size_t i = 0; i < n; i++)
			if (!IS(p[i], SPACE))
				return fail(s, (size_t)(p - s->b) + i,
				    _("text outside the root element"));
		return 0;
	}
	if (special) {
		if (decode(s, p, n, raw, 0, (size_t)(p - s->b)) != 0)
			return -1;
		p = s->decoded.data != NULL ? s->decoded.data : "";
		n = s->decoded.len;
	}
	if (s->text != NULL)
		s->text(s->context, p, n);
	return 0;
}

/* ---- tokens ---- */

static int
scan_text(struct xml_scan *s)
{
	const char *p = s->b + s->pos, *end = s->b + s->checked, *lt = p;
	int special = 0;

	/* a cell's text is short: one look at each byte for < & CR and the end */
	for (;;) {
		while (!IS(*lt, TEXT_SPECIAL | END))
			lt++;
		if (lt >= end || *lt == '<')
			break;
		special = 1;
		lt++;
	}
	if (lt >= end) {
		if (!s->final)
			return NEED_MORE;
		lt = end;
	}
	if (put_text(s, p, (size_t)(lt - p), 0, special) != 0)
		return -1;
	s->pos = (size_t)(lt - s->b);
	return 0;
}

/* Skip the name at *pp (end: where the bytes in hand end); its local part into *local. */
static inline int
scan_name(const char **pp, const char *end, const char **local)
{
	const char *p = *pp;

	if (p >= end)
		return NEED_MORE;
	if (!IS(*p, NAME_START))
		return -1;
	*local = p;
	for (; IS(*p, NAME_CHAR); p++)
		if (*p == ':')
			*local = p + 1;
	*pp = p;
	return p >= end ? NEED_MORE : 0;
}

/* Open the element name[0..n), its local name local_at bytes in. */
static int
push_name(struct xml_scan *s, const char *name, size_t n, size_t local_at)
{
	if (s->depth == s->depth_cap) {
		size_t cap = s->depth_cap ? 2 * s->depth_cap : 16;
		size_t *at = realloc(s->stack_at, cap * sizeof(*at));

		if (at == NULL)
			return fail_memory(s);
		s->stack_at = at;
		if ((at = realloc(s->local_at, cap * sizeof(*at))) == NULL)
			return fail_memory(s);
		s->local_at = at;
		s->depth_cap = cap;
	}
	if (s->stack_cap - s->stack_len < n) {
		size_t cap = (s->stack_cap ? 2 * s->stack_cap : 256) + n;
		char *stack = realloc(s->stack, cap);

		if (stack == NULL)
			return fail_memory(s);
		s->stack = stack;
		s->stack_cap = cap;
	}
	s->local_at[s->depth] = local_at;
	s->stack_at[s->depth++] = s->stack_len;
	/* a sheet's names are a letter or three: no call for them */
	for (size_t i = 0; i < n; i++)
		s->stack[s->stack_len + i] = name[i];
	s->stack_len += n;
	return 0;
}

/*
 * The attribute values of a tag that need decoding go to s->values;
 * their pointers are set once the tag is done (values may move).
 */
static int
start_tag(struct xml_scan *s)
{
	const char *tag = s->b + s->pos, *p = tag + 1, *end = s->b + s->checked;
	const char *local, *name_end;
	char *ends[2 * XML_SCAN_ATTS + 1];	/* where each name and value ends */
	size_t names[XML_SCAN_ATTS + 1][2];	/* each attribute's full name: offset, length */
	size_t decoded_at[XML_SCAN_ATTS];	/* in s->values, or SIZE_MAX */
	size_t natts = 0, nall = 0;
	int empty, rc;

	if ((rc = scan_name(&p, end, &local)) != 0)
		return rc == NEED_MORE ? rc : fail(s, s->pos, _("a tag that is not well formed"));
	name_end = p;
	if (s->values.len > 0)
		buf_reset(&s->values);
	for (;;) {
		const char *aname, *alocal, *aname_end, *q;
		int spaced = 0, special = 0;

		for (; IS(*p, SPACE); p++)
			spaced = 1;
		if (p >= end)
			return NEED_MORE;
		if (*p == '>' || *p == '/') {
			if (*p == '/' && p + 1 >= end)
				return NEED_MORE;
			if (*p == '/' && p[1] != '>')
				return fail(s, (size_t)(p - s->b), _("a tag that is not well formed"));
			empty = *p == '/';
			p += empty ? 2 : 1;
			break;
		}
		aname = p;
		if (!spaced || (rc = scan_name(&p, end, &alocal)) == -1)
			return fail(s, (size_t)(p - s->b), _("a tag that is not well formed"));
		if (rc == NEED_MORE)
			return rc;
		aname_end = p;
		for (; IS(*p, SPACE); p++)
			;
		if (p >= end)
			return NEED_MORE;
		if (*p != '=')
			return fail(s, (size_t)(p - s->b), _("a tag that is not well formed"));
		for (p++; IS(*p, SPACE); p++)
			;
		if (p >= end)
			return NEED_MORE;
		if (*p != '"' && *p != '\'')
			return fail(s, (size_t)(p - s->b), _("a tag that is not well formed"));
		for (q = p + 1;; q++) {
			while (!IS(*q, VALUE_SPECIAL | QUOTE | END))
				q++;
			if (q >= end || *q == *p)
				break;
			special |= IS(*q, VALUE_SPECIAL);
		}
		if (q >= end)
			return NEED_MORE;
		if (special && memchr(p + 1, '<', (size_t)(q - p - 1)) != NULL)
			return fail(s, (size_t)(p - s->b), _("a tag that is not well formed"));
		/* no attribute twice: the first letters tell most apart */
		for (size_t i = 0; i < nall && i < XML_SCAN_ATTS; i++)
			if (names[i][1] == (size_t)(aname_end - aname) &&
			    s->b[names[i][0]] == *aname &&
			    memcmp(s->b + names[i][0], aname, names[i][1]) == 0)
				return fail(s, (size_t)(aname - s->b), _("an attribute given twice"));
		if (nall < XML_SCAN_ATTS) {
			names[nall][0] = (size_t)(aname - s->b);
			names[nall][1] = (size_t)(aname_end - aname);
		}
		nall++;
		if (natts < XML_SCAN_ATTS)
			decoded_at[natts] = SIZE_MAX;
		if (special) {
			if (decode(s, p + 1, (size_t)(q - p - 1), 0, 1,
			    (size_t)(p + 1 - s->b)) != 0)
				return -1;
			if (natts < XML_SCAN_ATTS) {
				decoded_at[natts] = s->values.len;
				if (buf_append(&s->values, s->decoded.data,
				    s->decoded.len + 1) != 0)
					return fail_memory(s);
			}
		}
		if (natts < XML_SCAN_ATTS) {
			s->atts[2 * natts] = alocal;
			s->atts[2 * natts + 1] = p + 1;
			ends[2 * natts] = (char *)aname_end;
			ends[2 * natts + 1] = (char *)q;
			natts++;
		}
		p = q + 1;
	}
	/* the whole tag is in hand: nothing below asks for more */
	if (s->depth == 0) {
		if (s->root_seen)
			return fail(s, s->pos, _("a second root element"));
		s->root_seen = 1;
	}
	if (!empty && push_name(s, tag + 1, (size_t)(name_end - tag - 1),
	    (size_t)(local - tag - 1)) != 0)
		return -1;
	*(char *)name_end = '\0';
	for (size_t i = 0; i < natts; i++) {
		*ends[2 * i] = '\0';
		*ends[2 * i + 1] = '\0';
		if (decoded_at[i] != SIZE_MAX)
			s->atts[2 * i + 1] = s->values.data + decoded_at[i];
	}
	s->atts[2 * natts] = NULL;
	s->atts[2 * natts + 1] = NULL;
	s->pos = (size_t)(p - s->b);
	if (s->start != NULL)
		s->start(s->context, local, s->atts);
	if (empty && s->end != NULL)
		s->end(s->context, local);
	return 0;
}

static int
end_tag(struct xml_scan *s)
{
	const char *tag = s->b + s->pos, *p = tag + 2, *end = s->b + s->checked;
	const char *local, *name_end;
	size_t n, top;
	int rc;

	/* the usual case first: </name> as the open element's name, no spaces */
	if (s->depth > 0) {
		size_t same = 0;

		top = s->stack_at[s->depth - 1];
		n = s->stack_len - top;
		if ((size_t)(end - tag) > n + 2 && tag[2 + n] == '>')
			while (same < n && tag[2 + same] == s->stack[top + same])
				same++;
		if (same == n && (size_t)(end - tag) > n + 2 && tag[2 + n] == '>') {
			name_end = p = tag + 2 + n;
			local = tag + 2 + s->local_at[s->depth - 1];
			goto matched;
		}
	}
	if ((rc = scan_name(&p, end, &local)) != 0)
		return rc == NEED_MORE ? rc : fail(s, s->pos, _("a tag that is not well formed"));
	name_end = p;
	for (; p < end && IS(*p, SPACE); p++)
		;
	if (p == end)
		return NEED_MORE;
	if (*p != '>')
		return fail(s, (size_t)(p - s->b), _("a tag that is not well formed"));
	n = (size_t)(name_end - tag - 2);
	if (s->depth == 0)
		return fail(s, s->pos, _("an end tag that matches no start tag"));
	top = s->stack_at[s->depth - 1];
	if (s->stack_len - top != n || memcmp(s->stack + top, tag + 2, n) != 0)
		return fail(s, s->pos, _("an end tag that matches no start tag"));
matched:
	s->depth--;
	s->stack_len = top;
	*(char *)name_end = '\0';
	s->pos = (size_t)(p + 1 - s->b);
	if (s->end != NULL)
		s->end(s->context, local);
	return 0;
}

/* The XML declaration's encoding, if it says one: UTF-8 or ASCII only. */
static int
check_declaration(struct xml_scan *s, const char *p, const char *end)
{
	const char *e = p;

	while ((e = memmem(e, (size_t)(end - e), "encoding", 8)) != NULL) {
		const char *v = e + 8, *q;

		if (e == p || !IS(e[-1], SPACE)) {
			e = v;
			continue;
		}
		for (; v < end && (IS(*v, SPACE) || *v == '='); v++)
			;
		if (v >= end || (*v != '"' && *v != '\'') ||
		    (q = memchr(v + 1, *v, (size_t)(end - v - 1))) == NULL)
			break;
		v++;
		if (!((q - v == 5 && strncasecmp(v, "utf-8", 5) == 0) ||
		    (q - v == 4 && strncasecmp(v, "utf8", 4) == 0) ||
		    (q - v == 8 && strncasecmp(v, "us-ascii", 8) == 0)))
			return fail(s, s->pos, _("an encoding other than UTF-8"));
		return 0;
	}
	return 0;
}

/* <? ... ?>, <!-- ... -->, <![CDATA[ ... ]]> and the <!DOCTYPE refused. */
static int
markup_declaration(struct xml_scan *s)
{
	const char *p = s->b + s->pos, *end = s->b + s->checked, *close;
	size_t have = (size_t)(end - p);

	if (p[1] == '?') {
		const char *target = p + 2, *local;
		int rc = scan_name(&target, end, &local);

		if (rc == -1)
			return fail(s, s->pos, _("a tag that is not well formed"));
		if ((close = memmem(p + 2, have - 2, "?>", 2)) == NULL)
			return NEED_MORE;
		if (target - p == 5 && memcmp(p + 2, "xml", 3) == 0) {
			if (s->started != 1)
				return fail(s, s->pos, _("an XML declaration that is not "
				    "at the start"));
			if (check_declaration(s, target, close) != 0)
				return -1;
		}
		s->pos = (size_t)(close + 2 - s->b);
		return 0;
	}
	if (have < 4)
		return NEED_MORE;
	if (memcmp(p, "<!--", 4) == 0) {
		if ((close = memmem(p + 4, have - 4, "-->", 3)) == NULL)
			return NEED_MORE;
		s->pos = (size_t)(close + 3 - s->b);
		return 0;
	}
	if (have < 9)
		return NEED_MORE;
	if (memcmp(p, "<![CDATA[", 9) == 0) {
		if (s->depth == 0)
			return fail(s, s->pos, _("text outside the root element"));
		if ((close = memmem(p + 9, have - 9, "]]>", 3)) == NULL)
			return NEED_MORE;
		if (put_text(s, p + 9, (size_t)(close - p - 9), 1,
		    memchr(p + 9, '\r', (size_t)(close - p - 9)) != NULL) != 0)
			return -1;
		s->pos = (size_t)(close + 3 - s->b);
		return 0;
	}
	if (memcmp(p, "<!DOCTYPE", 9) == 0)
		return fail(s, s->pos, _("a document type declaration, which no "
		    "workbook has"));
	return fail(s, s->pos, _("a tag that is not well formed"));
}

static int
scan_markup(struct xml_scan *s)
{
	const char *p = s->b + s->pos;

	if (s->checked - s->pos < 2)
		return NEED_MORE;
	if (p[1] == '/')
		return end_tag(s);
	if (p[1] == '?' || p[1] == '!')
		return markup_declaration(s);
	return start_tag(s);
}

/* At the end: one root element, closed.  0, or -1. */
static int
finish(struct xml_scan *s)
{
	if (s->pos < s->len)
		return fail(s, s->pos, _("the XML ends inside a tag"));
	if (s->depth > 0)
		return fail(s, s->pos, _("the XML ends before its elements are closed"));
	if (!s->root_seen)
		return fail(s, s->pos, _("no element"));
	return 0;
}

int
xml_scan_run(struct xml_scan *s)
{
	if (s->failed)
		return -1;
	s->paused = 0;
	for (;;) {
		int rc;

		if (s->pos == s->checked) {
			if (s->final)
				return finish(s);
			if (refill(s) != 0)
				return -1;
			continue;
		}
		if (s->started == 0) {
			/* a byte order mark is dropped */
			if (s->checked - s->pos < 3 && !s->final) {
				if (refill(s) != 0)
					return -1;
				continue;
			}
			if (s->checked - s->pos >= 3 && memcmp(s->b + s->pos,
			    "\xef\xbb\xbf", 3) == 0)
				s->pos += 3;
			s->started = 1;
		}
		rc = s->b[s->pos] == '<' ? scan_markup(s) : scan_text(s);
		if (rc != NEED_MORE)
			s->started = 2;
		if (rc == NEED_MORE) {
			if (s->final)
				return finish(s);
			if (refill(s) != 0)
				return -1;
			continue;
		}
		if (rc != 0)
			return -1;
		if (s->failed)
			return -1;
		if (s->paused)
			return 1;
	}
}
