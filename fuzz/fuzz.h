/* fuzz.h -- shared by the fuzz targets: the entry point, properties, C strings */
#ifndef RENKE_FUZZ_H
#define RENKE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What libFuzzer (or fuzz/run-one.c) calls with each input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Die loudly when a property does not hold: libFuzzer keeps the input. */
#define FUZZ_CHECK(cond)	do { if (!(cond)) { fprintf(stderr, \
	"%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
	abort(); } } while (0)

/* A copy of data[0..size) with a NUL after it and extra spare bytes. */
static inline char *
fuzz_cstring(const uint8_t *data, size_t size, size_t extra)
{
	char *s = malloc(size + 1 + extra);

	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Read every byte of s, so that no read is optimised out; NULL is a no-op. */
static inline void
fuzz_touch(const char *s)
{
	static volatile size_t sink;

	if (s != NULL)
		sink += strlen(s);
}

#endif
