/* test-idset.c -- the set of 57-bit keys: words, flags, claims, removals, merges */
#include <stdint.h>
#include <stdlib.h>

#include "idset.h"
#include "tap.h"

/* More keys than the hash table holds before it is merged into the array. */
#define MANY 200000

static int
compare_words(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
test_words(void)
{
	uint64_t *w = malloc(MANY * sizeof(*w));
	int distinct = 1, flagless = 1, nonzero = 1;

	is_int(idset_word(0), 0, "the word of 0 is 0");
	ok(idset_word(UINT64_C(1) << 57) == 0, "only the low 57 bits of a key count");
	ok(idset_word(12345 | UINT64_C(1) << 60) == idset_word(12345),
	    "a key and the same key with high bits set share a word");
	for (size_t i = 0; i < MANY; i++) {
		w[i] = idset_word(i + 1);
		flagless &= (w[i] & 3) == 0;
		nonzero &= w[i] != 0;
		distinct &= w[i] < UINT64_C(1) << 59;
	}
	ok(flagless, "a word leaves its 2 low bits to the flags");
	ok(nonzero, "no key but 0 has the word 0");
	ok(distinct, "every word fits in 59 bits");
	qsort(w, MANY, sizeof(*w), compare_words);
	distinct = 1;
	for (size_t i = 1; i < MANY; i++)
		distinct &= w[i] != w[i - 1];
	ok(distinct, "%d keys have %d words", MANY, MANY);
	free(w);
}

static void
test_empty(void)
{
	struct idset set = { 0 };

	is_int(idset_has(&set, idset_word(7)), 0, "an empty set has nothing");
	is_int(idset_flags(&set, idset_word(7)), -1, "nor flags for anything");
	idset_prefetch(&set, idset_word(7));
	idset_remove(&set, idset_word(7));
	is_int(idset_has(&set, idset_word(7)), 0, "removing from it changes nothing");
	idset_free(&set);
	is_int(set.n + set.nrecent, 0, "freeing it leaves it empty");
}

/* Count the keys [from, to) that the set has. */
static size_t
count_has(const struct idset *set, uint64_t from, uint64_t to)
{
	size_t n = 0;

	for (uint64_t k = from; k < to; k++)
		n += idset_has(set, idset_word(k)) == 1;
	return n;
}

static void
test_flags_and_claims(void)
{
	struct idset set = { 0 };
	uint64_t a = idset_word(101), b = idset_word(202);

	is_int(idset_claim(&set, a | WORD_NEW), 0, "claiming a key not there adds it");
	is_int(idset_flags(&set, a), WORD_NEW, "with the flags of the claim");
	is_int(idset_claim(&set, a), 1, "claiming it again says it is there");
	is_int(idset_flags(&set, a), WORD_NEW, "and leaves its flags alone");
	is_int(idset_add(&set, a), 0, "adding a key there already");
	is_int(idset_flags(&set, a), 0, "sets its flags to the word's");
	is_int(idset_put(&set, b | WORD_NEW), 0, "put");
	is_int(idset_has(&set, b), 1, "a key put in is there");
	is_int(idset_has(&set, b | WORD_NEW), 1, "whatever flags the question has");
	idset_remove(&set, a);
	is_int(idset_has(&set, a), 0, "a key removed from the hash table is gone");
	is_int(idset_has(&set, b), 1, "the others stay");
	idset_free(&set);
}

static void
test_many(void)
{
	struct idset set = { 0 };
	int failed = 0;

	for (uint64_t k = 1; k <= MANY; k++)
		failed |= idset_put(&set, idset_word(k) | (k % 2 ? WORD_NEW : 0)) != 0;
	ok(!failed, "%d keys put in", MANY);
	ok(set.n > 0, "some have been merged into the array (%zu)", set.n);
	is_int(count_has(&set, 1, MANY + 1), MANY, "every key put in is there");
	is_int(count_has(&set, MANY + 1, 2 * MANY + 1), 0, "no other key is");
	is_int(idset_flags(&set, idset_word(1)), WORD_NEW, "key 1 has its flag");
	is_int(idset_flags(&set, idset_word(2)), 0, "key 2 has none");
	is_int(idset_flags(&set, idset_word(MANY - 1)), WORD_NEW,
	    "the last odd key, in the hash table or not, has its flag");

	/* removed in the array: dead, claimed back, compacted away by a merge */
	for (uint64_t k = 1; k <= MANY; k += 2)
		idset_remove(&set, idset_word(k));
	is_int(count_has(&set, 1, MANY + 1), MANY / 2, "the odd keys are removed");
	is_int(idset_flags(&set, idset_word(3)), -1, "a removed key has no flags");
	is_int(idset_claim(&set, idset_word(3) | WORD_NEW), 0,
	    "claiming a removed key takes it back");
	is_int(idset_flags(&set, idset_word(3)), WORD_NEW, "with the claim's flags");
	idset_remove(&set, idset_word(3));
	failed = 0;
	for (uint64_t k = 2 * MANY + 1; k <= 2 * MANY + 100000; k++)
		failed |= idset_add(&set, idset_word(k)) != 0;
	ok(!failed, "100000 more keys added, merging again");
	is_int(count_has(&set, 1, MANY + 1), MANY / 2,
	    "after the merge, the even keys are there");
	is_int(count_has(&set, 2 * MANY + 1, 2 * MANY + 100001), 100000,
	    "and the new ones");
	is_int(count_has(&set, MANY + 1, 2 * MANY + 1), 0, "and nothing else");
	ok(set.ndead < (size_t)MANY / 2, "removed words were dropped (%zu left)",
	    set.ndead);
	idset_free(&set);
}

/* Removing from the hash table keeps the keys that probed past the one removed. */
static void
test_recent_removals(void)
{
	struct idset set = { 0 };
	size_t left = 0, wrong = 0;

	for (uint64_t k = 1; k <= 30000; k++)
		idset_put(&set, idset_word(k));
	is_int(set.n, 0, "30000 keys stay in the hash table");
	for (uint64_t k = 1; k <= 30000; k += 3)
		idset_remove(&set, idset_word(k));
	for (uint64_t k = 1; k <= 30000; k++) {
		int has = idset_has(&set, idset_word(k));

		left += has;
		wrong += has == ((k - 1) % 3 == 0);
	}
	is_int(left, 20000, "a third removed, two thirds left");
	is_int(wrong, 0, "exactly the ones removed are gone");
	idset_free(&set);
}

/* A key may go in twice: each removal takes one hold away. */
static void
test_twice(void)
{
	struct idset set = { 0 };
	uint64_t w = idset_word(900000);

	idset_put(&set, w);
	idset_put(&set, w);
	idset_remove(&set, w);
	is_int(idset_has(&set, w), 1, "put twice, removed once: still there (hash table)");
	idset_remove(&set, w);
	is_int(idset_has(&set, w), 0, "removed twice: gone (hash table)");

	idset_put(&set, w);
	idset_put(&set, w);
	for (uint64_t k = 1; k <= 40000; k++)	/* the two go into the array */
		idset_put(&set, idset_word(k));
	idset_remove(&set, w);
	is_int(idset_has(&set, w), 1, "put twice, removed once: still there (array)");
	idset_remove(&set, w);
	is_int(idset_has(&set, w), 0, "removed twice: gone (array)");
	is_int(count_has(&set, 1, 40001), 40000, "the other keys are all there");
	idset_free(&set);
}

/* A settled set: every key has its own place, 0 to n - 1, until the next is put in. */
static void
test_settled(void)
{
	struct idset set = { 0 };
	unsigned char *seen;
	int own = 1, absent = 1;

	is_int(idset_settle(&set), 0, "an empty set settles");
	is_int(idset_index(&set, idset_word(5)), -1, "and has no place for anything");
	for (uint64_t k = 1; k <= 70000; k++)	/* the array, and the hash table */
		idset_put(&set, idset_word(k));
	is_int(idset_index(&set, idset_word(1)), -1,
	    "no place is told while words wait in the hash table");
	is_int(idset_settle(&set), 0, "settled");
	is_int(set.nrecent, 0, "every word is in the array");
	is_int(set.n, 70000, "all 70000 of them");
	seen = calloc(set.n, 1);
	for (uint64_t k = 1; k <= 70000; k++) {
		long at = idset_index(&set, idset_word(k));

		if (at < 0 || (size_t)at >= set.n || seen[at])
			own = 0;
		else
			seen[at] = 1;
	}
	ok(own, "each key has a place of its own within 0 to n - 1");
	for (uint64_t k = 70001; k <= 80000; k++)
		absent &= idset_index(&set, idset_word(k)) == -1;
	ok(absent, "a key not in the set has none");
	idset_remove(&set, idset_word(7));
	is_int(idset_index(&set, idset_word(7)), -1, "nor one removed");
	is_int(idset_settle(&set), 0, "settling a settled set changes nothing");
	ok(idset_index(&set, idset_word(8)) >= 0, "the others keep theirs");
	free(seen);
	idset_free(&set);
}

/* A set filled from words in order: each at its place, and a set like any other after. */
static void
test_filled(void)
{
	struct idset set = { 0 }, other = { 0 };
	uint64_t *w = malloc(MANY * sizeof(*w));
	int placed = 1, absent = 1;

	for (size_t i = 0; i < MANY; i++)
		w[i] = idset_word(i + 1);
	qsort(w, MANY, sizeof(*w), compare_words);
	is_int(idset_fill(&set, w, MANY), 0, "%d words in order fill an empty set", MANY);
	for (size_t i = 0; i < MANY; i++)
		placed &= idset_index(&set, w[i]) == (long)i;
	ok(placed, "each word is at its place in the order given");
	for (uint64_t k = MANY + 1; k <= MANY + 10000; k++)
		absent &= !idset_has(&set, idset_word(k));
	ok(absent, "a key not given is not there");
	is_int(idset_fill(&set, w, 1), -1, "a set not empty is not filled");
	is_int(idset_put(&set, idset_word(MANY + 1)), 0, "a word put in after");
	is_int(idset_has(&set, idset_word(MANY + 1)), 1, "is there");
	idset_remove(&set, w[5]);
	is_int(idset_has(&set, w[5]), 0, "and one removed is gone");
	is_int(count_has(&set, 1, MANY + 2), MANY, "the others are all there");
	is_int(idset_fill(&other, w, 0), 0, "no words fill a set too");
	is_int(idset_index(&other, w[0]), -1, "which has nothing");
	idset_free(&other);
	idset_free(&set);
	free(w);
}

int
main(void)
{
	test_words();
	test_empty();
	test_flags_and_claims();
	test_many();
	test_recent_removals();
	test_twice();
	test_settled();
	test_filled();
	return done_testing();
}
