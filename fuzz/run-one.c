/*
 * run-one.c -- run a fuzz target on the files given as arguments, for
 * builds without libFuzzer: make check replays every seed and every
 * kept crash input this way, under the sanitizers.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		unsigned char *data = NULL;
		size_t size = 0, cap = 0, n;

		if (fp == NULL) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 2;
		}
		do {
			if (size == cap) {
				unsigned char *p;

				cap = cap ? cap * 2 : 4096;
				if ((p = realloc(data, cap)) == NULL) {
					fprintf(stderr, "%s: %s\n", argv[i],
					    strerror(ENOMEM));
					return 2;
				}
				data = p;
			}
			n = fread(data + size, 1, cap - size, fp);
			size += n;
		} while (n > 0);
		if (ferror(fp)) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 2;
		}
		fclose(fp);
		fprintf(stderr, "running %s (%zu bytes)\n", argv[i], size);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	return 0;
}
