/* zip_out.c -- a zip written member by member as its data comes: headers, central directory, its end; never zip64 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "zip_out.h"

#define ZIP32_MAX 0xFFFFFFFFull	/* past this a zip needs zip64 */

/*
 * The tests cannot write 4 GiB: RENKE_TEST_ZIP_LIMIT (bytes), which
 * only they set, lowers the limit so that they see it kept.
 */
unsigned long long
zip_out_limit(unsigned long long room)
{
	const char *test = getenv("RENKE_TEST_ZIP_LIMIT");
	unsigned long long limit = ZIP32_MAX;

	if (test != NULL && *test != '\0') {
		char *end;
		unsigned long long v;

		errno = 0;
		v = strtoull(test, &end, 10);
		if (errno == 0 && *end == '\0' && v < ZIP32_MAX)
			limit = v;
	}
	return limit > room ? limit - room : 0;
}

static void
le16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xFF);
	p[1] = (unsigned char)(v >> 8 & 0xFF);
}

static void
le32(unsigned char *p, unsigned long long v)
{
	le16(p, (unsigned)(v & 0xFFFF));
	le16(p + 2, (unsigned)(v >> 16 & 0xFFFF));
}

/*
 * The fixed fields of m's local header (central: its central directory
 * entry) into h; returns their length, the name to follow.
 */
static size_t
member_header(const struct zip_member *m, int central, unsigned char *h)
{
	unsigned char *p = h;
	size_t n = strlen(m->name);

	le32(p, central ? 0x02014b50 : 0x04034b50);
	p += 4;
	if (central) {
		le16(p, 20);		/* made by: version 2.0 */
		p += 2;
	}
	le16(p, 20);			/* needed: version 2.0 */
	le16(p + 2, 0);			/* flags */
	le16(p + 4, 8);			/* deflated */
	le16(p + 6, 0);			/* time */
	le16(p + 8, 0x21);		/* date: 1980-01-01 */
	le32(p + 10, m->crc);
	le32(p + 14, m->packed);
	le32(p + 18, m->raw);
	le16(p + 22, (unsigned)n);
	le16(p + 24, 0);		/* extra */
	p += 26;
	if (central) {
		memset(p, 0, 10);	/* comment, disk, attributes */
		le32(p + 10, m->offset);
		p += 14;
	}
	return (size_t)(p - h);
}

void
zip_out_data(struct zip_out *z, const void *data, size_t n)
{
	fwrite(data, 1, n, z->fp);
	z->at += n;
}

void
zip_out_header(struct zip_out *z, struct zip_member *m)
{
	unsigned char h[64];

	m->offset = z->at;
	zip_out_data(z, h, member_header(m, 0, h));
	zip_out_data(z, m->name, strlen(m->name));
}

int
zip_out_pack(const char *data, size_t n, int level, int flush, struct buf *out,
    struct error *err)
{
	z_stream s = { 0 };
	int rc;

	buf_reset(out);
	if (deflateInit2(&s, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	if (buf_reserve(out, deflateBound(&s, n) + 16) != 0) {
		deflateEnd(&s);
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	}
	s.next_in = (Bytef *)data;
	s.avail_in = (uInt)n;
	s.next_out = (Bytef *)out->data;
	s.avail_out = (uInt)(out->cap - 1);
	rc = deflate(&s, flush);
	out->len = out->cap - 1 - s.avail_out;
	deflateEnd(&s);
	if (s.avail_in != 0 || (flush == Z_FINISH ? rc != Z_STREAM_END : rc != Z_OK))
		return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
	return 0;
}

int
zip_out_part(struct zip_out *z, struct zip_member *m, const char *data, size_t n,
    struct error *err)
{
	struct buf packed = { 0 };

	if (zip_out_pack(data, n, Z_DEFAULT_COMPRESSION, Z_FINISH, &packed, err) != 0) {
		buf_free(&packed);
		return -1;
	}
	m->crc = crc32(crc32(0, NULL, 0), (const Bytef *)data, (uInt)n);
	m->raw = n;
	m->packed = packed.len;
	zip_out_header(z, m);
	zip_out_data(z, packed.data, packed.len);
	buf_free(&packed);
	return 0;
}

void
zip_out_directory(struct zip_out *z, const struct zip_member *members, size_t n)
{
	unsigned long long start = z->at;
	unsigned char h[64];

	for (size_t i = 0; i < n; i++) {
		zip_out_data(z, h, member_header(&members[i], 1, h));
		zip_out_data(z, members[i].name, strlen(members[i].name));
	}
	le32(h, 0x06054b50);
	le16(h + 4, 0);
	le16(h + 6, 0);
	le16(h + 8, (unsigned)n);
	le16(h + 10, (unsigned)n);
	le32(h + 12, z->at - start);
	le32(h + 16, start);
	le16(h + 20, 0);
	zip_out_data(z, h, 22);
}
