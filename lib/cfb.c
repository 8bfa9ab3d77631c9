/* cfb.c -- a stream of a compound file (OLE2, the container of .xls and .et) read whole */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cfb.h"

#define ENDOFCHAIN 0xFFFFFFFEu
#define HEADER 512
#define ENTRY 128		/* bytes of a directory entry */
#define NAME 64			/* bytes of an entry's name field */
#define STREAM 2		/* the type of an entry that is a stream */
#define MINI 64			/* bytes of a mini sector */
#define DIFAT_IN_HEADER 109

struct cfb {
	const unsigned char *d;
	size_t n;
	size_t sector;		/* bytes of a sector: 512 or 4096 */
	uint32_t *fat;		/* next sector of each sector */
	size_t nfat;
};

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static unsigned
u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* Sector s of the file, whole, or NULL when it is not in the file. */
static const unsigned char *
sector_at(const struct cfb *c, uint32_t s)
{
	size_t at = ((size_t)s + 1) * c->sector;

	if (s >= 0xFFFFFFFAu || at / c->sector != (size_t)s + 1 ||
	    at > c->n || c->n - at < c->sector)
		return NULL;
	return c->d + at;
}

/*
 * Follow the chain from start through next[0..nnext), want bytes of
 * unit-byte pieces each got by piece(): into a new buffer *out, and,
 * when at is not NULL, where each piece lies (bytes from base) into a
 * new array *at.  0, -1 when the chain leaves the table, loops or ends
 * short, -2 for memory.
 */
static int
follow(uint32_t start, const uint32_t *next, size_t nnext, size_t unit,
    const unsigned char *(*piece)(const void *, uint32_t), const void *ctx,
    size_t want, unsigned char **out, const unsigned char *base, size_t **at)
{
	size_t have = 0, *where = NULL;
	uint32_t s = start;
	unsigned char *b, *seen = NULL;

	/* a size no chain of the table can hold: a damaged entry */
	if (want / unit > nnext)
		return -1;
	if ((b = malloc(want + 1)) == NULL ||
	    (seen = calloc(nnext / 8 + 1, 1)) == NULL ||
	    (at != NULL && (where = malloc((want / unit + 1) * sizeof(*where))) == NULL)) {
		free(b);
		free(seen);
		return -2;
	}
	while (have < want) {
		const unsigned char *p;
		size_t k = want - have < unit ? want - have : unit;

		/* no sector twice: a chain that loops is damage */
		if (s >= nnext || (seen[s / 8] & 1u << s % 8) ||
		    (p = piece(ctx, s)) == NULL) {
			free(b);
			free(seen);
			free(where);
			return -1;
		}
		seen[s / 8] |= (unsigned char)(1u << s % 8);
		memcpy(b + have, p, k);
		if (where != NULL)
			where[have / unit] = (size_t)(p - base);
		have += k;
		s = next[s];
	}
	free(seen);
	*out = b;
	if (at != NULL)
		*at = where;
	return 0;
}

static const unsigned char *
big_piece(const void *ctx, uint32_t s)
{
	return sector_at(ctx, s);
}

/* The mini stream and its length, for mini_piece(). */
struct mini {
	const unsigned char *d;
	size_t n;
};

static const unsigned char *
mini_piece(const void *ctx, uint32_t s)
{
	const struct mini *m = ctx;

	if ((size_t)s >= m->n / MINI)
		return NULL;
	return m->d + (size_t)s * MINI;
}

/* The whole chain from start of the FAT: its length in sectors, or 0 when it breaks. */
static size_t
chain_length(const struct cfb *c, uint32_t start)
{
	size_t k = 0;

	for (uint32_t s = start; s != ENDOFCHAIN; s = c->fat[s])
		if (s >= c->nfat || ++k > c->nfat)
			return 0;
	return k;
}

/* Read the FAT through the header's DIFAT and its own sectors.  0, -1 or -2. */
static int
read_fat(struct cfb *c)
{
	size_t nsect = u32(c->d + 0x2C), per = c->sector / 4, i, hops = 0;
	uint32_t difat = u32(c->d + 0x44), *where;

	if (nsect == 0 || nsect > c->n / c->sector + 1)
		return -1;
	if ((where = calloc(nsect, sizeof(*where))) == NULL ||
	    (c->fat = calloc(nsect * per, sizeof(uint32_t))) == NULL) {
		free(where);
		return -2;
	}
	c->nfat = nsect * per;
	/* where the FAT's sectors are: 109 in the header, then the DIFAT's sectors */
	for (i = 0; i < nsect && i < DIFAT_IN_HEADER; i++)
		where[i] = u32(c->d + 0x4C + 4 * i);
	while (i < nsect) {
		const unsigned char *dp = sector_at(c, difat);

		if (dp == NULL || ++hops > c->n / c->sector) {
			free(where);
			return -1;
		}
		for (size_t j = 0; j + 1 < per && i < nsect; j++)
			where[i++] = u32(dp + 4 * j);
		difat = u32(dp + 4 * (per - 1));
	}
	for (i = 0; i < nsect; i++) {
		const unsigned char *p = sector_at(c, where[i]);

		if (p == NULL) {
			free(where);
			return -1;
		}
		for (size_t j = 0; j < per; j++)
			c->fat[i * per + j] = u32(p + 4 * j);
	}
	free(where);
	return 0;
}

/*
 * 1 when the directory entry e is named name, compared as libfreexl 1.0
 * compares it: the name's UTF-16 units up to its first NUL (or its
 * length), exactly, case and all.
 */
static int
entry_named(const unsigned char *e, const char *name)
{
	size_t units = u16(e + 0x40) / 2, n = strlen(name);

	if (n > units || (n < units && u16(e + 2 * n) != 0))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (u16(e + 2 * i) != (unsigned char)name[i])
			return 0;
	return 1;
}

/*
 * The stream of entry e read whole, and where it lies in the file into
 * places if not NULL.  0, -1 or -2.
 */
static int
read_stream(const struct cfb *c, const unsigned char *dir,
    const unsigned char *e, unsigned char **out, size_t *len,
    struct cfb_places *places)
{
	uint32_t start = u32(e + 0x74);
	size_t size = u32(e + 0x78), cutoff = u32(c->d + 0x38);
	uint32_t *minifat = NULL;
	unsigned char *ministream = NULL, *raw = NULL;
	size_t nmini = u32(c->d + 0x40), root = u32(dir + 0x78);
	size_t *mini_at = NULL;
	struct mini m;
	int rc;

	*len = size;
	if (size >= cutoff) {
		if (places != NULL)
			places->unit = c->sector;
		return follow(start, c->fat, c->nfat, c->sector, big_piece, c,
		    size, out, c->d, places != NULL ? &places->at : NULL);
	}
	/* a small stream lies in the mini stream, the root entry's */
	if (nmini == 0 || nmini > c->nfat ||
	    (rc = follow(u32(c->d + 0x3C), c->fat, c->nfat, c->sector,
	    big_piece, c, nmini * c->sector, &raw, NULL, NULL)) == -1)
		return -1;
	if (rc == -2)
		return -2;
	if ((minifat = malloc(nmini * c->sector)) == NULL) {
		free(raw);
		return -2;
	}
	for (size_t i = 0; i < nmini * c->sector / 4; i++)
		minifat[i] = u32(raw + 4 * i);
	free(raw);
	rc = follow(u32(dir + 0x74), c->fat, c->nfat, c->sector, big_piece, c,
	    root, &ministream, c->d, places != NULL ? &mini_at : NULL);
	if (rc == 0) {
		m.d = ministream;
		m.n = root;
		rc = follow(start, minifat, nmini * c->sector / 4, MINI,
		    mini_piece, &m, size, out, ministream,
		    places != NULL ? &places->at : NULL);
	}
	if (rc == 0 && places != NULL) {
		/* each piece's place in the mini stream to its place in the file:
		   a piece of 64 bytes lies within one sector */
		places->unit = MINI;
		for (size_t k = 0; k * MINI < size; k++) {
			size_t in = places->at[k];

			places->at[k] = mini_at[in / c->sector] + in % c->sector;
		}
	}
	free(mini_at);
	free(minifat);
	free(ministream);
	return rc;
}

/*
 * The entry of the directory dir[0..ndir) holding the stream: the first,
 * in the directory's order from the root entry on, named one of names,
 * into *found.  That is the entry libfreexl 1.0 reads, so the stream
 * checked here is the one it reads: an entry on the way whose name is
 * longer than the 64 bytes of its field (libfreexl converts that many
 * bytes from the directory sector and reads past it), or a first match
 * that is the root entry or no stream, is damage.  0, 1 when no entry is
 * so named, -1 for damage.
 */
static int
find_entry(const unsigned char *dir, size_t ndir, const char *const *names,
    size_t *found)
{
	for (size_t i = 0; i < ndir; i++) {
		const unsigned char *e = dir + i * ENTRY;

		if (u16(e + 0x40) > NAME)
			return -1;
		for (size_t k = 0; names[k] != NULL; k++)
			if (entry_named(e, names[k])) {
				if (i == 0 || e[0x42] != STREAM)
					return -1;
				*found = i;
				return 0;
			}
	}
	return 1;
}

int
cfb_stream(const unsigned char *data, size_t n, const char *const *names,
    unsigned char **out, size_t *len, struct cfb_places *places)
{
	static const unsigned char magic[8] = {
		0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
	};
	struct cfb c = { data, n, 0, NULL, 0 };
	unsigned char *dir = NULL;
	size_t ndir, found = 0;
	unsigned shift;
	int rc;

	*out = NULL;
	*len = 0;
	if (places != NULL) {
		places->at = NULL;
		places->unit = 0;
	}
	if (n < HEADER || memcmp(data, magic, sizeof(magic)) != 0)
		return -1;
	shift = u16(data + 0x1E);
	if (shift != 9 && shift != 12)
		return -1;
	c.sector = (size_t)1 << shift;
	if ((rc = read_fat(&c)) != 0)
		goto out;
	rc = -1;
	ndir = chain_length(&c, u32(data + 0x30));
	if (ndir == 0 || follow(u32(data + 0x30), c.fat, c.nfat, c.sector,
	    big_piece, &c, ndir * c.sector, &dir, NULL, NULL) != 0)
		goto out;
	ndir = ndir * c.sector / ENTRY;
	rc = find_entry(dir, ndir, names, &found);
	if (rc == 0)
		rc = read_stream(&c, dir, dir + found * ENTRY, out, len, places);
out:
	free(dir);
	free(c.fat);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*len = 0;
	}
	if (rc != 0 && places != NULL) {
		free(places->at);
		places->at = NULL;
	}
	return rc;
}
