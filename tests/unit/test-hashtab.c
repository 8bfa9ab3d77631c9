/* test-hashtab.c -- the one hash table of lib/, and the one hash it uses */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "text.h"
#include "tap.h"

#define N 20000

static char names[N][16];

/* The index of name among names[0..n) through t, or HASHTAB_END. */
static size_t
find(const struct hashtab *t, const char *name)
{
	uint64_t h = text_hash(TEXT_HASH, name, strlen(name));
	size_t pos = hashtab_start(t, h), k;

	while ((k = hashtab_next(t, h, &pos)) != HASHTAB_END)
		if (strcmp(names[k], name) == 0)
			return k;
	return HASHTAB_END;
}

int
main(void)
{
	struct hashtab t = { 0 }, same = { 0 };
	int all = 1, none = 1, fits;
	size_t pos, k, n;

	/* the hash */
	is_int(text_hash(TEXT_HASH, "", 0), TEXT_HASH, "the hash of nothing is the offset basis");
	ok(text_hash(TEXT_HASH, "a", 1) == UINT64_C(0xaf63dc4c8601ec8c),
	    "FNV-1a of \"a\" is the published value");
	ok(text_hash(text_hash(TEXT_HASH, "ab", 2), "cd", 2) ==
	    text_hash(TEXT_HASH, "abcd", 4), "a hash goes on from where it stopped");

	/* an empty table */
	is_int(find(&t, "x"), HASHTAB_END, "an empty table finds nothing");
	is_int(t.nslots, 0, "and holds no memory");

	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof(names[i]), "5002%06zu", i * 7);
		if (hashtab_add(&t, text_hash(TEXT_HASH, names[i], strlen(names[i])),
		    i) != 0)
			all = 0;
	}
	ok(all, "%d items go in", N);
	is_int(t.n, N, "the table counts them");
	ok(t.nslots >= 2 * N && (t.nslots & (t.nslots - 1)) == 0,
	    "it grew to a power of two, at most half full (%zu slots)", t.nslots);
	all = 1;
	for (size_t i = 0; i < N; i++)
		if (find(&t, names[i]) != i)
			all = 0;
	ok(all, "every item is found again after the table grew");
	for (size_t i = 0; i < 1000; i++) {
		char other[16];

		snprintf(other, sizeof(other), "5002%06zu", i * 7 + 3);
		if (find(&t, other) != HASHTAB_END)
			none = 0;
	}
	ok(none, "keys never added are not found");

	/* items sharing a hash are all offered, in the order they went in */
	for (size_t i = 0; i < 3; i++)
		hashtab_add(&same, 42, i);
	pos = hashtab_start(&same, 42);
	n = 0;
	while ((k = hashtab_next(&same, 42, &pos)) != HASHTAB_END)
		if (k == n)
			n++;
	is_int(n, 3, "three items under one hash: each is offered, in turn");
	pos = hashtab_start(&same, 43);
	is_int(hashtab_next(&same, 43, &pos), HASHTAB_END, "another hash finds none of them");

	/* reserving first: no growing afterwards */
	hashtab_free(&same);
	fits = hashtab_reserve(&same, 1000) == 0;
	n = same.nslots;
	for (size_t i = 0; i < 1000; i++)
		hashtab_add(&same, text_hash(TEXT_HASH, names[i], strlen(names[i])), i);
	ok(fits && same.nslots == n && n >= 2000, "hashtab_reserve(1000) holds 1000 items");
	is_int(hashtab_add(&same, 1, (size_t)UINT32_MAX), -1, "an index too large is refused");
	is_int(same.n, 1000, "and leaves the table as it was");

	hashtab_free(&t);
	hashtab_free(&same);
	is_int(t.nslots + t.n + (t.slot != NULL), 0, "hashtab_free() empties the table");
	is_int(find(&t, names[0]), HASHTAB_END, "a freed table finds nothing");
	return done_testing();
}
