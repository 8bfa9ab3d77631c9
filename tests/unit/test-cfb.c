/* test-cfb.c -- streams of compound files: in sectors, in the mini stream, and damaged files refused */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "cfb.h"

#define SECTOR 512
#define NSECTORS 14		/* after the header */
#define END 0xFFFFFFFEu
#define FREE 0xFFFFFFFFu

static unsigned char file[SECTOR * (NSECTORS + 1)];

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static unsigned char *
sector(uint32_t s)
{
	return file + (s + 1) * SECTOR;
}

static void
fat(uint32_t s, uint32_t next)
{
	put32(sector(0) + 4 * s, next);
}

/* A directory entry i named name (ASCII) of type, from start, size bytes. */
static void
entry(int i, const char *name, int type, uint32_t start, uint32_t size)
{
	unsigned char *e = sector(1) + 128 * i;
	size_t n = strlen(name);

	memset(e, 0, 0x40);
	for (size_t k = 0; k < n; k++)
		e[2 * k] = (unsigned char)name[k];
	e[0x40] = (unsigned char)(2 * (n + 1));
	e[0x42] = (unsigned char)type;
	put32(e + 0x74, start);
	put32(e + 0x78, size);
}

/*
 * A compound file of 512-byte sectors: 0 the FAT, 1 the directory, 2
 * the mini FAT, 3-4 the mini stream, 5-13 "Workbook" (4,500 bytes); in
 * the mini stream "Book" (100 bytes, mini sectors 0-1).  Byte k of each
 * stream is k % 251, shifted by 1 in "Book".
 */
static void
make(void)
{
	static const unsigned char magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

	memset(file, 0, sizeof(file));
	memcpy(file, magic, 8);
	file[0x1A] = 3;
	file[0x1C] = 0xFE;
	file[0x1D] = 0xFF;
	file[0x1E] = 9;
	file[0x20] = 6;
	put32(file + 0x2C, 1);		/* FAT sectors */
	put32(file + 0x30, 1);		/* the directory */
	put32(file + 0x38, 4096);	/* smaller streams are in the mini stream */
	put32(file + 0x3C, 2);		/* the mini FAT */
	put32(file + 0x40, 1);
	put32(file + 0x44, END);
	memset(file + 0x4C, 0xFF, 109 * 4);
	put32(file + 0x4C, 0);
	memset(sector(0), 0xFF, SECTOR);
	fat(0, 0xFFFFFFFDu);
	fat(1, END);
	fat(2, END);
	fat(3, 4);
	fat(4, END);
	for (uint32_t s = 5; s < 13; s++)
		fat(s, s + 1);
	fat(13, END);
	memset(sector(2), 0xFF, SECTOR);
	put32(sector(2), 1);
	put32(sector(2) + 4, END);
	entry(0, "Root Entry", 5, 3, 1024);
	entry(1, "Book", 2, 0, 100);
	entry(2, "Workbook", 2, 5, 4500);
	for (size_t k = 0; k < 4500; k++)
		sector(5)[k] = (unsigned char)(k % 251);
	for (size_t k = 0; k < 100; k++)
		sector(3)[k] = (unsigned char)(k % 251 + 1);
}

/* 1 when b[0..n) is byte k % 251 + shift throughout. */
static int
pattern(const unsigned char *b, size_t n, int shift)
{
	for (size_t k = 0; k < n; k++)
		if (b[k] != (unsigned char)(k % 251 + (size_t)shift))
			return 0;
	return 1;
}

/* 1 when places say where each of the len bytes of out lies in the file. */
static int
placed(const unsigned char *out, size_t len, const struct cfb_places *places)
{
	for (size_t k = 0; k < len; k++) {
		size_t at = places->at[k / places->unit] + k % places->unit;

		if (at >= sizeof(file) || file[at] != out[k])
			return 0;
	}
	return 1;
}

/* cfb_stream() of the file as it is now, named name: its return. */
static int
read_as(const char *name, size_t n, unsigned char **out, size_t *len)
{
	const char *names[] = { name, NULL };

	return cfb_stream(file, n, names, out, len, NULL);
}

int
main(void)
{
	const char *either[] = { "nothing", "Workbook", "Book", NULL };
	unsigned char *out;
	size_t len;

	make();
	is_int(read_as("Workbook", sizeof(file), &out, &len), 0, "a stream in sectors");
	ok(len == 4500 && pattern(out, len, 0), "read whole, in order");
	free(out);
	is_int(read_as("Book", sizeof(file), &out, &len), 0, "a stream in the mini stream");
	ok(len == 100 && pattern(out, len, 1), "read whole, in order");
	free(out);
	is_int(cfb_stream(file, sizeof(file), either, &out, &len, NULL), 0,
	    "the first entry named one of the names, in the directory's order");
	ok(len == 100 && pattern(out, len, 1), "Book, the entry before Workbook, as libfreexl takes it");
	free(out);

	/* where each byte of a stream lies in the file */
	{
		const char *book[] = { "Book", NULL }, *workbook[] = { "Workbook", NULL };
		struct cfb_places places;

		fat(7, 13);
		fat(13, 8);
		fat(12, END);
		is_int(cfb_stream(file, sizeof(file), workbook, &out, &len, &places), 0,
		    "a stream in sectors out of order, and its places");
		ok(places.unit == SECTOR && placed(out, len, &places) &&
		    places.at[3] == 14 * SECTOR, "each sector's place in the file");
		free(out);
		free(places.at);
		/* the mini stream in sectors 4 then 3, Book in its mini sectors 7 and 8 */
		make();
		put32(sector(1) + 0x74, 4);
		fat(4, 3);
		fat(3, END);
		memset(sector(2), 0xFF, SECTOR);
		put32(sector(2) + 4 * 7, 8);
		put32(sector(2) + 4 * 8, END);
		entry(1, "Book", 2, 7, 100);
		is_int(cfb_stream(file, sizeof(file), book, &out, &len, &places), 0,
		    "a stream in the mini stream, and its places");
		ok(places.unit == 64 && places.at[0] == 5 * SECTOR + 7 * 64 &&
		    places.at[1] == 4 * SECTOR && placed(out, len, &places),
		    "each mini sector's place, across the mini stream's sectors");
		free(out);
		free(places.at);
		file[0] = 0;
		is_int(cfb_stream(file, sizeof(file), book, &out, &len, &places), -1,
		    "no compound file");
		ok(places.at == NULL, "no places");
		make();
	}
	is_int(read_as("Sheet", sizeof(file), &out, &len), 1, "no such stream");
	ok(out == NULL, "nothing read");
	is_int(read_as("WORKBOOK", sizeof(file), &out, &len), 1,
	    "names are compared exactly, as libfreexl compares them");
	sector(1)[128 * 2 + 0x40] = 64;
	is_int(read_as("Workbook", sizeof(file), &out, &len), 0,
	    "a name ends at its first NUL, whatever its length says");
	free(out);

	/* the directory as libfreexl 1.0 reads it, entry by entry up to the stream */
	make();
	sector(1)[128 + 0x40] = 66;
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1,
	    "an entry before the stream with a name longer than its field");
	ok(out == NULL, "nothing read");
	make();
	sector(1)[0x40] = 0xFE;
	sector(1)[0x41] = 0xFF;
	is_int(read_as("Book", sizeof(file), &out, &len), -1,
	    "the root entry's name longer than its field");
	make();
	entry(3, "Extra", 2, 0, 10);
	sector(1)[128 * 3 + 0x40] = 200;
	is_int(read_as("Workbook", sizeof(file), &out, &len), 0,
	    "an entry after the stream is not read");
	free(out);
	make();
	entry(0, "Workbook", 5, 3, 1024);
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1,
	    "the root entry named as the stream");
	make();
	entry(1, "Workbook", 1, 0, 100);
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1,
	    "a storage named as the stream, before it");

	is_int(read_as("Workbook", 6 * SECTOR, &out, &len), -1, "a file cut short");
	ok(out == NULL, "nothing read");
	is_int(read_as("Workbook", 100, &out, &len), -1, "shorter than its header");
	file[0] = 0;
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1, "no compound file");
	make();
	fat(9, 6);
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1, "a chain that loops");
	make();
	fat(9, 5000);
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1, "a chain past the file");
	make();
	put32(sector(2), 0);
	is_int(read_as("Book", sizeof(file), &out, &len), -1, "a mini chain that loops");
	make();
	put32(sector(1) + 128 * 2 + 0x78, 0x7FFFFFF0u);
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1,
	    "a size no chain holds is damage, not a lack of memory");
	make();
	put32(sector(1) + 0x78, 64);
	is_int(read_as("Book", sizeof(file), &out, &len), -1,
	    "a mini stream too short for its streams");
	make();
	put32(file + 0x2C, 100000);
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1,
	    "more FAT sectors than the file holds");
	make();
	file[0x1E] = 10;
	is_int(read_as("Workbook", sizeof(file), &out, &len), -1,
	    "a sector size neither 512 nor 4096");
	return done_testing();
}
