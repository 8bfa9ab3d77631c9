/* household_check.c -- a household record checked: its number, ID number, phone, categories, vocabularies */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "household_check.h"
#include "text.h"
#include "vocab.h"

/*
 * The ID numbers of the store, for the rule of one household a number,
 * in a set of words (lib/idset.h).  The store keeps no index on
 * id_number: keeping one up to date costs an import more than anything
 * else it does.  An import holds the write lock from before its first
 * record to its end, so a set loaded at its start stays true as long as
 * the import adds what it writes.  A number's word is made of its first
 * 17 digits (the 18th follows from them).
 */
uint64_t
id_number_word(const char *s)
{
	static const unsigned char weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7,
	    9, 10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	uint64_t digits = 0;
	unsigned sum = 0;

	if (s == NULL)
		return 0;
	for (int i = 0; i < 17; i++) {
		unsigned d = (unsigned char)s[i] - '0';

		if (d > 9)
			return 0;
		digits = digits * 10 + d;
		sum += d * weight[i];
	}
	if (s[17] != check[sum % 11] || s[18] != '\0')
		return 0;
	return idset_word(digits);
}

const char *
id_number_problem_text(enum id_number_problem problem)
{
	switch (problem) {
	case ID_NUMBER_OK:
		break;
	case ID_NUMBER_LENGTH:
		return _("not 18 characters long");
	case ID_NUMBER_CHARACTERS:
		return _("must be 17 digits followed by a digit or X");
	case ID_NUMBER_BIRTH_DATE:
		return _("the birth date in it is not a valid date");
	case ID_NUMBER_CHECK_DIGIT:
		return _("wrong check digit (the last character)");
	}
	return "";
}

const char *
household_checker_code(struct household_checker *c, const char *domain,
    const char *text)
{
	size_t len = strlen(text), pos, k;
	uint64_t h;
	const char *code;

	if (len >= MEMO_TEXT)
		return vocab_code(domain, text);
	h = text_hash(TEXT_HASH, text, len) ^ (uintptr_t)domain >> 3;
	pos = hashtab_start(&c->memo_index, h);
	while ((k = hashtab_next(&c->memo_index, h, &pos)) != HASHTAB_END)
		if (c->memo[k].domain == domain && strcmp(c->memo[k].text, text) == 0)
			return c->memo[k].code;
	if ((code = vocab_code(domain, text)) == NULL)
		return NULL;
	if (c->nmemo < MEMO_MAX &&
	    hashtab_add(&c->memo_index, h, c->nmemo) == 0) {
		struct household_memo *m = &c->memo[c->nmemo++];

		m->domain = domain;
		m->code = code;
		memcpy(m->text, text, len + 1);
	}
	return code;
}

/* The text of domain's list (NULL: categories) seen before, or NULL; its hash into *h. */
static const struct household_seen *
seen_find(const struct household_checker *c, const char *domain,
    const char *text, size_t len, uint64_t *h)
{
	size_t pos, k;

	*h = text_hash(TEXT_HASH, text, len) ^ (uintptr_t)domain >> 3;
	pos = hashtab_start(&c->seen_index, *h);
	while ((k = hashtab_next(&c->seen_index, *h, &pos)) != HASHTAB_END)
		if (c->seen[k].domain == domain && strcmp(c->seen[k].text, text) == 0)
			return &c->seen[k];
	return NULL;
}

/* Remember the codes of domain's text (hashed h), if there is room. */
static void
seen_add(struct household_checker *c, const char *domain, const char *text,
    size_t len, uint64_t h, const char *codes, size_t ncodes)
{
	struct household_seen *seen = &c->seen[c->nseen];

	if (c->nseen == SEEN_MAX || len >= sizeof(seen->text) ||
	    ncodes >= sizeof(seen->codes) ||
	    hashtab_add(&c->seen_index, h, c->nseen) != 0)
		return;
	seen->domain = domain;
	memcpy(seen->text, text, len + 1);
	memcpy(seen->codes, codes, ncodes + 1);
	c->nseen++;
}

/* Length of the category separator at p (; ；、 , ， / |), or 0. */
static size_t
separator_at(const char *p)
{
	unsigned char c = (unsigned char)*p;

	if (c == ';' || c == ',' || c == '/' || c == '|')
		return 1;
	if (c == 0xef && (strncmp(p, "；", 3) == 0 || strncmp(p, "，", 3) == 0))
		return 3;
	if (c == 0xe3 && strncmp(p, "、", 3) == 0)
		return 3;
	return 0;
}

const char *
household_category_next(const char *p, char *out, size_t size)
{
	size_t n = 0, sep;

	while ((sep = separator_at(p)) > 0)
		p += sep;
	while (*p != '\0' && (sep = separator_at(p)) == 0) {
		if (n + 1 < size)
			out[n++] = *p;
		p++;
	}
	out[n] = '\0';
	return p;
}

/* Check categories; the codes, in table order, ';' joined, into h->categories. */
static int
check_categories(struct household_checker *c, struct import *im,
    const struct record *rec, const char *text, struct household *h)
{
	unsigned given = 0;	/* bit i: c->category_code[i] */
	size_t ncodes = 0, len = 0, tlen = strlen(text);
	const struct household_seen *seen;
	uint64_t hash;
	char word[128];
	const char *p = text;
	int bad = 0;

	if ((seen = seen_find(c, NULL, text, tlen, &hash)) != NULL) {
		/* (codes is the smaller array, and always terminated) */
		memcpy(h->categories, seen->codes, sizeof(seen->codes));
		h->value[HOUSEHOLD_CATEGORIES] = h->categories[0] != '\0' ?
		    h->categories : NULL;
		return 0;
	}

	if (c->ncategories == 0)
		for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
			if (strcmp(e->domain, "category") == 0 && c->ncategories < 16)
				c->category_code[c->ncategories++] = e->code;
	while (*p != '\0') {
		const char *code;
		char *w;

		p = household_category_next(p, word, sizeof(word));
		w = text_trim(word);
		if (*w == '\0')
			continue;
		if ((code = household_checker_code(c, "category", w)) == NULL) {
			char expected[512];

			import_problem(im, rec, HOUSEHOLD_CATEGORIES,
			    _("unknown category \"%s\"; expected one of: %s"), w,
			    vocab_describe("category", expected, sizeof(expected)));
			bad = 1;
			continue;
		}
		if (ncodes < 16) {
			ncodes++;
			for (size_t i = 0; i < c->ncategories; i++)
				if (c->category_code[i] == code)
					given |= 1u << i;
		}
	}
	h->categories[0] = '\0';
	for (size_t i = 0; i < c->ncategories; i++) {
		size_t n;

		if (!(given & (1u << i)))
			continue;
		n = strlen(c->category_code[i]);
		if (len + n + 2 > sizeof(h->categories))
			break;
		if (len > 0)
			h->categories[len++] = ';';
		memcpy(h->categories + len, c->category_code[i], n + 1);
		len += n;
	}
	if (!bad && ncodes > 1 && strstr(h->categories, "ordinary") != NULL) {
		import_problem(im, rec, HOUSEHOLD_CATEGORIES,
		    _("\"ordinary\" cannot be combined with another category"));
		bad = 1;
	}
	h->value[HOUSEHOLD_CATEGORIES] = h->categories[0] != '\0' ? h->categories : NULL;
	if (!bad)
		seen_add(c, NULL, text, tlen, hash, h->categories, len);
	return bad;
}

int
household_checker_list(struct household_checker *c, const char *domain,
    const char *text, char *out, size_t size,
    void (*unknown)(void *context, const char *word), void *context)
{
	size_t len = strlen(text), n;
	const struct household_seen *seen;
	uint64_t hash;
	int bad;

	if ((seen = seen_find(c, domain, text, len, &hash)) != NULL &&
	    (n = strlen(seen->codes)) < size) {
		memcpy(out, seen->codes, n + 1);
		return 0;
	}
	bad = vocab_list_codes(domain, text, out, size, unknown, context);
	if (bad == 0 && seen == NULL && size > 0)
		seen_add(c, domain, text, len, hash, out, strlen(out));
	return bad;
}

static int
check_vocab(struct household_checker *c, struct import *im,
    const struct record *rec, size_t k, const char *domain, struct household *h)
{
	const char *text = h->value[k], *code;
	char expected[512];

	if (text == NULL)
		return 0;
	if ((code = household_checker_code(c, domain, text)) != NULL) {
		h->value[k] = code;
		return 0;
	}
	import_problem(im, rec, (int)k, _("unknown value \"%s\"; expected one of: %s"),
	    text, vocab_describe(domain, expected, sizeof(expected)));
	return 1;
}

/* Copy value into out (size bytes), cut short as snprintf would; its length. */
static size_t
copy_value(char *out, size_t size, const char *value)
{
	size_t n = strlen(value);

	if (n >= size) {
		memcpy(out, value, size - 1);
		out[size - 1] = '\0';
	} else
		memcpy(out, value, n + 1);
	return n;
}

int
household_check(struct household_checker *c, struct import *im,
    const struct record *rec, struct household *h)
{
	enum id_number_problem problem;
	int bad = 0;

	for (size_t k = 0; k < HOUSEHOLD_NFIELDS; k++)
		h->value[k] = import_value(im, rec, k);
	h->members = 0;
	h->word = 0;
	if (h->value[HOUSEHOLD_ID] == NULL) {
		import_problem(im, rec, HOUSEHOLD_ID, _("missing; every household needs one"));
		bad++;
	} else if (strlen(h->value[HOUSEHOLD_ID]) > 64) {
		import_problem(im, rec, HOUSEHOLD_ID, _("longer than 64 bytes"));
		bad++;
	}
	if (h->value[HOUSEHOLD_VILLAGE] == NULL) {
		import_problem(im, rec, HOUSEHOLD_VILLAGE, _("missing; every household "
		    "belongs to a village"));
		bad++;
	}
	/* "*" names the township's total row in every report */
	for (size_t k = HOUSEHOLD_VILLAGE; k <= HOUSEHOLD_GROUP; k++)
		if (h->value[k] != NULL && strcmp(h->value[k], "*") == 0) {
			import_problem(im, rec, (int)k, _("\"*\" is the name of the "
			    "total row in reports; give the place its own name"));
			bad++;
		}
	if (h->value[HOUSEHOLD_ID_NUMBER] != NULL) {
		copy_value(h->id_number, sizeof(h->id_number),
		    h->value[HOUSEHOLD_ID_NUMBER]);
		if ((problem = id_number_check(h->id_number)) == ID_NUMBER_OK) {
			h->value[HOUSEHOLD_ID_NUMBER] = h->id_number;
			if ((h->word = id_number_word(h->id_number)) != 0 &&
			    c->numbers != NULL)
				idset_prefetch(c->numbers, h->word);
		} else {
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER, "%s",
			    id_number_problem_text(problem));
			bad++;
		}
	}
	if (h->value[HOUSEHOLD_PHONE] != NULL) {
		if (phone_copy_normalise(h->value[HOUSEHOLD_PHONE], h->phone,
		    sizeof(h->phone)) != 0) {
			import_problem(im, rec, HOUSEHOLD_PHONE, _("not an 11-digit "
			    "mobile number nor a landline number with its area code"));
			bad++;
		} else
			h->value[HOUSEHOLD_PHONE] = h->phone;
	}
	if (h->value[HOUSEHOLD_CATEGORIES] != NULL)
		bad += check_categories(c, im, rec, h->value[HOUSEHOLD_CATEGORIES], h);
	if (h->value[HOUSEHOLD_MEMBERS] != NULL &&
	    number_parse(h->value[HOUSEHOLD_MEMBERS], 1, 99, &h->members) != 0) {
		import_problem(im, rec, HOUSEHOLD_MEMBERS,
		    _("not a whole number from 1 to 99"));
		bad++;
	}
	bad += check_vocab(c, im, rec, HOUSEHOLD_MONITOR_TYPE, "monitor_type", h);
	bad += check_vocab(c, im, rec, HOUSEHOLD_RISK_STATUS, "risk_status", h);
	return bad;
}

void
household_checker_free(struct household_checker *c)
{
	hashtab_free(&c->memo_index);
	hashtab_free(&c->seen_index);
	memset(c, 0, sizeof(*c));
}

int
vocab_list_codes(const char *domain, const char *text, char *out, size_t size,
    void (*unknown)(void *context, const char *word), void *context)
{
	const char *given[16];
	size_t ngiven = 0, len = 0;
	char word[128];
	int bad = 0;

	while (*text != '\0') {
		const char *code;
		char *w;

		text = household_category_next(text, word, sizeof(word));
		if (*(w = text_trim(word)) == '\0')
			continue;
		if ((code = vocab_code(domain, w)) == NULL) {
			unknown(context, w);
			bad++;
		} else if (ngiven < sizeof(given) / sizeof(given[0]))
			given[ngiven++] = code;
	}
	if (size > 0)
		out[0] = '\0';
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		size_t n;

		if (strcmp(e->domain, domain) != 0)
			continue;
		for (size_t i = 0; i < ngiven; i++)
			if (given[i] == e->code && len + (n = strlen(e->code)) + 2 <
			    size) {
				if (len > 0)
					out[len++] = ';';
				memcpy(out + len, e->code, n + 1);
				len += n;
				break;
			}
	}
	return bad;
}
