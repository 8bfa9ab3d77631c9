/* household_check.h -- a household record checked: its number, ID number, phone, categories, vocabularies */
#ifndef RENKE_HOUSEHOLD_CHECK_H
#define RENKE_HOUSEHOLD_CHECK_H

#include <stdint.h>

#include "hashtab.h"
#include "household.h"
#include "idset.h"
#include "import.h"
#include "text.h"

/* A household as checked, every value normalised; NULL when not given. */
struct household {
	const char *value[HOUSEHOLD_NFIELDS];
	char categories[256];
	char id_number[64];	/* room for 18 full-width characters, made ASCII */
	char phone[64];
	long members;
	uint64_t word;		/* of the ID number, 0 if none */
};

/* A remembered vocabulary lookup: files repeat a few texts a million times. */
#define MEMO_MAX 64
#define MEMO_TEXT 48

struct household_memo {
	const char *domain;
	const char *code;
	char text[MEMO_TEXT];
};

/*
 * A categories text seen before and its codes (or a list of another
 * domain's values, household_checker_list()): a few combinations make
 * a county.
 */
#define SEEN_MAX 64

struct household_seen {
	const char *domain;	/* NULL for a household's categories */
	char text[64];
	char codes[96];
};

/* What checking households keeps from one record to the next. */
struct household_checker {
	const struct idset *numbers;	/* the store's ID numbers, fetched early (or NULL) */
	struct household_memo memo[MEMO_MAX];	/* the first texts looked up, */
	size_t nmemo;
	struct hashtab memo_index;	/* by their hashes and domains */
	const char *category_code[16];	/* the category codes in the order of vocab_table */
	size_t ncategories;
	struct household_seen seen[SEEN_MAX];	/* the first categories texts, */
	size_t nseen;
	struct hashtab seen_index;	/* by their hashes */
};

/*
 * Check every field of rec into h, each value normalised (vocabulary
 * codes, categories in the vocabulary's order, the phone number as the
 * store keeps it) and h->word set from the ID number; each problem
 * reported through import_problem().  Returns the number of problems.
 * What h points to lives until the next record.
 */
int household_check(struct household_checker *c, struct import *im,
    const struct record *rec, struct household *h);

/*
 * vocab_code(domain, text), remembered in c: a file repeats a few texts
 * a million times (domain is told by its pointer).  A static string, or
 * NULL when text names no value of domain.
 */
const char *household_checker_code(struct household_checker *c,
    const char *domain, const char *text);

/*
 * vocab_list_codes(domain, text, out, size, unknown, context),
 * remembered in c as household_checker_code() remembers one value
 * (domain told by its pointer): a file repeats a few lists a million
 * times.  A text with a word that is no value of domain is not
 * remembered: its words go to unknown() each time.  Returns how many
 * did.
 */
int household_checker_list(struct household_checker *c, const char *domain,
    const char *text, char *out, size_t size,
    void (*unknown)(void *context, const char *word), void *context);

/* Why id_number_check() refused a number, for a message; "" for none. */
const char *id_number_problem_text(enum id_number_problem problem);

/* Free what c keeps; c is then an empty checker. */
void household_checker_free(struct household_checker *c);

/*
 * The word (lib/idset.h) of an ID number with a right check digit, made
 * of its first 17 digits (the 18th follows from them); 0 for any other
 * text, NULL included.
 */
uint64_t id_number_word(const char *s);

/*
 * Copy the next category word of p (words are separated by ; ；、 , ，
 * / or |) into out (size bytes, cut short); returns where the rest
 * starts.
 */
const char *household_category_next(const char *p, char *out, size_t size);

/*
 * The words of text (separated as household_category_next() separates
 * them) as codes of domain, in the vocabulary's order, ';' joined, into
 * out (size bytes; a code that does not fit is left out).  Each word
 * that is no value of domain goes to unknown(context, word).  Returns
 * how many did.
 */
int vocab_list_codes(const char *domain, const char *text, char *out,
    size_t size, void (*unknown)(void *context, const char *word),
    void *context);

#endif
