/* household.c -- households: import, check, list */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "batch.h"
#include "buf.h"
#include "hashtab.h"
#include "household.h"
#include "idset.h"
#include "merge.h"
#include "place.h"
#include "text.h"
#include "vocab.h"

const struct field_spec household_fields[HOUSEHOLD_NFIELDS] = {
	{ "household_id", "户编号|户号|户码|家庭编号|编号" },
	{ "head_name", "户主姓名|户主|姓名" },
	{ "id_number", "身份证号|身份证号码|户主身份证号|证件号码" },
	{ "phone", "联系电话|电话|手机|手机号|手机号码|联系方式" },
	{ "village", "村(社区)|村|社区|村名|所属村|村社区" },
	{ "village_group", "村民小组|社|组|小组|村民组" },
	{ "categories", "户类型|类别|户别|户属性|category" },
	{ "members", "家庭人口|家庭人口数|人口数|人口" },
	{ "monitor_type", "监测类型|监测对象类型" },
	{ "risk_status", "风险状态|风险消除情况" },
};

const struct column household_columns[HOUSEHOLD_NFIELDS] = {
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "head_name", N_("head"), COLUMN_TEXT },
	{ "id_number", N_("ID number"), COLUMN_TEXT },
	{ "phone", N_("phone"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "categories", N_("categories"), COLUMN_TEXT },
	{ "members", N_("members"), COLUMN_INTEGER },
	{ "monitor_type", N_("monitor type"), COLUMN_TEXT },
	{ "risk_status", N_("risk status"), COLUMN_TEXT },
};

/* A household as checked, every value normalised; NULL when not given. */
struct household {
	const char *value[HOUSEHOLD_NFIELDS];
	char categories[256];
	char id_number[32];
	char phone[32];
	long members;
	uint64_t word;		/* of the ID number, 0 if none */
};

/*
 * The ID numbers of the store, for the rule of one household a number,
 * in a set of words (lib/idset.h).  The store keeps no index on
 * id_number: keeping one up to date costs an import more than anything
 * else it does.  An import holds the write lock from before its first
 * record to its end, so a set loaded at its start stays true as long as
 * the import adds what it writes.  A number's word is made of its first
 * 17 digits (the 18th follows from them).
 */
/* The word of an ID number with a right check digit, or 0 for any other text. */
static uint64_t
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

/*
 * A household checked, and the ids of its place: what the batch engine
 * (lib/batch.h) holds.  A record whose number is taken (a file imported
 * again, most likely) is held to be looked up rather than written; one
 * that needs a new place is written alone, in a savepoint that undoes
 * the place when the household is not written.
 */
struct held_household {
	struct household h;
	long long village_id, group_id;
};

/* A remembered vocabulary lookup: files repeat a few texts a million times. */
#define MEMO_MAX 64
#define MEMO_TEXT 48

struct memo {
	const char *domain;
	const char *code;
	char text[MEMO_TEXT];
};

/* A categories text seen before and its codes: a few combinations make a county. */
#define SEEN_MAX 64

struct seen {
	char text[64];
	char codes[96];
};

/* Per-import state: statements prepared once, held records, the ID numbers. */
struct household_import {
	int prepared;
	sqlite3_stmt *find, *same, *same_at, *holder;
	sqlite3_stmt *move;	/* a household to another place */
	struct merge merge;	/* a household given again */
	struct batch_engine batch;	/* households held, written by the worker */
	long long next_same;	/* where household_same() looks first, 0 for nowhere */
	struct held_household checked;	/* the record being checked */
	struct idset numbers;
	struct import *im;
	struct memo memo[MEMO_MAX];	/* the first texts looked up, */
	size_t nmemo;
	struct hashtab memo_index;	/* by their hashes and domains */
	const char *category_code[16];	/* the category codes in the order of vocab_table */
	size_t ncategories;
	struct seen seen[SEEN_MAX];	/* the first categories texts, */
	size_t nseen;
	struct hashtab seen_index;	/* by their hashes */
};

static const struct merge_rule household_merge_rule;
static const struct batch_kind household_batch_kind;

/* vocab_code(domain, text), remembered (domain is told by its pointer). */
static const char *
vocab_cached(struct household_import *hi, const char *domain, const char *text)
{
	size_t len = strlen(text), pos, k;
	uint64_t h;
	const char *code;

	if (len >= MEMO_TEXT)
		return vocab_code(domain, text);
	h = text_hash(TEXT_HASH, text, len) ^ (uintptr_t)domain >> 3;
	pos = hashtab_start(&hi->memo_index, h);
	while ((k = hashtab_next(&hi->memo_index, h, &pos)) != HASHTAB_END)
		if (hi->memo[k].domain == domain && strcmp(hi->memo[k].text, text) == 0)
			return hi->memo[k].code;
	if ((code = vocab_code(domain, text)) == NULL)
		return NULL;
	if (hi->nmemo < MEMO_MAX &&
	    hashtab_add(&hi->memo_index, h, hi->nmemo) == 0) {
		struct memo *m = &hi->memo[hi->nmemo++];

		m->domain = domain;
		m->code = code;
		memcpy(m->text, text, len + 1);
	}
	return code;
}

/* The categories text seen before, or NULL; its hash into *h. */
static const struct seen *
seen_find(const struct household_import *hi, const char *text, size_t len,
    uint64_t *h)
{
	size_t pos, k;

	*h = text_hash(TEXT_HASH, text, len);
	pos = hashtab_start(&hi->seen_index, *h);
	while ((k = hashtab_next(&hi->seen_index, *h, &pos)) != HASHTAB_END)
		if (strcmp(hi->seen[k].text, text) == 0)
			return &hi->seen[k];
	return NULL;
}

/* Remember the codes of categories text (hashed h), if there is room. */
static void
seen_add(struct household_import *hi, const char *text, size_t len, uint64_t h,
    const char *codes, size_t ncodes)
{
	struct seen *seen = &hi->seen[hi->nseen];

	if (hi->nseen == SEEN_MAX || len >= sizeof(seen->text) ||
	    ncodes >= sizeof(seen->codes) ||
	    hashtab_add(&hi->seen_index, h, hi->nseen) != 0)
		return;
	memcpy(seen->text, text, len + 1);
	memcpy(seen->codes, codes, ncodes + 1);
	hi->nseen++;
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

/* Copy the next category word of p into out; returns where the rest starts. */
static const char *
next_category(const char *p, char *out, size_t size)
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
check_categories(struct household_import *hi, struct import *im,
    const struct record *rec, const char *text, struct household *h)
{
	unsigned given = 0;	/* bit i: hi->category_code[i] */
	size_t ncodes = 0, len = 0, tlen = strlen(text);
	const struct seen *seen;
	uint64_t hash;
	char word[128];
	const char *p = text;
	int bad = 0;

	if ((seen = seen_find(hi, text, tlen, &hash)) != NULL) {
		/* (codes is the smaller array, and always terminated) */
		memcpy(h->categories, seen->codes, sizeof(seen->codes));
		h->value[HOUSEHOLD_CATEGORIES] = h->categories[0] != '\0' ?
		    h->categories : NULL;
		return 0;
	}

	if (hi->ncategories == 0)
		for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
			if (strcmp(e->domain, "category") == 0 && hi->ncategories < 16)
				hi->category_code[hi->ncategories++] = e->code;
	while (*p != '\0') {
		const char *code;
		char *w;

		p = next_category(p, word, sizeof(word));
		w = text_trim(word);
		if (*w == '\0')
			continue;
		if ((code = vocab_cached(hi, "category", w)) == NULL) {
			char expected[512];

			import_problem(im, rec, HOUSEHOLD_CATEGORIES,
			    _("unknown category \"%s\"; expected one of: %s"), w,
			    vocab_describe("category", expected, sizeof(expected)));
			bad = 1;
			continue;
		}
		if (ncodes < 16) {
			ncodes++;
			for (size_t i = 0; i < hi->ncategories; i++)
				if (hi->category_code[i] == code)
					given |= 1u << i;
		}
	}
	h->categories[0] = '\0';
	for (size_t i = 0; i < hi->ncategories; i++) {
		size_t n;

		if (!(given & (1u << i)))
			continue;
		n = strlen(hi->category_code[i]);
		if (len + n + 2 > sizeof(h->categories))
			break;
		if (len > 0)
			h->categories[len++] = ';';
		memcpy(h->categories + len, hi->category_code[i], n + 1);
		len += n;
	}
	if (!bad && ncodes > 1 && strstr(h->categories, "ordinary") != NULL) {
		import_problem(im, rec, HOUSEHOLD_CATEGORIES,
		    _("\"ordinary\" (一般农户) cannot be combined with another category"));
		bad = 1;
	}
	h->value[HOUSEHOLD_CATEGORIES] = h->categories[0] != '\0' ? h->categories : NULL;
	if (!bad)
		seen_add(hi, text, tlen, hash, h->categories, len);
	return bad;
}

static int
check_vocab(struct household_import *hi, struct import *im,
    const struct record *rec, size_t k, const char *domain, struct household *h)
{
	const char *text = h->value[k], *code;
	char expected[512];

	if (text == NULL)
		return 0;
	if ((code = vocab_cached(hi, domain, text)) != NULL) {
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

/* Check every field of rec into h; returns the number of problems reported. */
static int
household_check(struct household_import *hi, struct import *im,
    const struct record *rec, struct household *h)
{
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
	if (h->value[HOUSEHOLD_ID_NUMBER] != NULL) {
		copy_value(h->id_number, sizeof(h->id_number),
		    h->value[HOUSEHOLD_ID_NUMBER]);
		switch (id_number_check(h->id_number)) {
		case ID_NUMBER_OK:
			h->value[HOUSEHOLD_ID_NUMBER] = h->id_number;
			if ((h->word = id_number_word(h->id_number)) != 0)
				idset_prefetch(&hi->numbers, h->word);
			break;
		case ID_NUMBER_LENGTH:
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("not 18 characters long"));
			bad++;
			break;
		case ID_NUMBER_CHARACTERS:
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("must be 17 digits followed by a digit or X"));
			bad++;
			break;
		case ID_NUMBER_BIRTH_DATE:
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("the birth date in it is not a valid date"));
			bad++;
			break;
		case ID_NUMBER_CHECK_DIGIT:
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("wrong check digit (the last character)"));
			bad++;
			break;
		}
	}
	if (h->value[HOUSEHOLD_PHONE] != NULL) {
		if (copy_value(h->phone, sizeof(h->phone), h->value[HOUSEHOLD_PHONE]) >=
		    sizeof(h->phone) || phone_normalise(h->phone, sizeof(h->phone)) != 0) {
			import_problem(im, rec, HOUSEHOLD_PHONE, _("not an 11-digit "
			    "mobile number nor a landline number with its area code"));
			bad++;
		} else
			h->value[HOUSEHOLD_PHONE] = h->phone;
	}
	if (h->value[HOUSEHOLD_CATEGORIES] != NULL)
		bad += check_categories(hi, im, rec, h->value[HOUSEHOLD_CATEGORIES], h);
	if (h->value[HOUSEHOLD_MEMBERS] != NULL &&
	    number_parse(h->value[HOUSEHOLD_MEMBERS], 1, 99, &h->members) != 0) {
		import_problem(im, rec, HOUSEHOLD_MEMBERS,
		    _("not a whole number from 1 to 99"));
		bad++;
	}
	bad += check_vocab(hi, im, rec, HOUSEHOLD_MONITOR_TYPE, "monitor_type", h);
	bad += check_vocab(hi, im, rec, HOUSEHOLD_RISK_STATUS, "risk_status", h);
	return bad;
}

/* Hold rec, checked into household checked, in slot: a copy of everything they point to. */
static int
household_hold(struct batch_slot *slot, const void *checked,
    const struct record *rec)
{
	static const int copied[] = { HOUSEHOLD_ID, HOUSEHOLD_HEAD_NAME,
	    HOUSEHOLD_VILLAGE, HOUSEHOLD_GROUP, HOUSEHOLD_MEMBERS };
	enum { NCOPIED = sizeof(copied) / sizeof(copied[0]) };
	const struct held_household *from = checked;
	const struct household *h = &from->h;
	struct held_household *to = slot->record;
	const char *extra[NCOPIED], *copy[NCOPIED];

	for (size_t i = 0; i < NCOPIED; i++)
		extra[i] = h->value[copied[i]];
	if (held_record_set(&slot->held, rec, extra, NCOPIED, copy) != 0)
		return -1;
	to->village_id = from->village_id;
	to->group_id = from->group_id;
	/* h: its values point into itself, into the loop's buffers, or are static */
	memcpy(to->h.value, h->value, sizeof(h->value));
	to->h.members = h->members;
	to->h.word = h->word;
	/* the arrays are the same size in both: copy them whole */
	memcpy(to->h.id_number, h->id_number, sizeof(to->h.id_number));
	memcpy(to->h.phone, h->phone, sizeof(to->h.phone));
	memcpy(to->h.categories, h->categories, sizeof(to->h.categories));
	if (h->value[HOUSEHOLD_ID_NUMBER] == h->id_number)
		to->h.value[HOUSEHOLD_ID_NUMBER] = to->h.id_number;
	if (h->value[HOUSEHOLD_PHONE] == h->phone)
		to->h.value[HOUSEHOLD_PHONE] = to->h.phone;
	if (h->value[HOUSEHOLD_CATEGORIES] == h->categories)
		to->h.value[HOUSEHOLD_CATEGORIES] = to->h.categories;
	for (size_t i = 0; i < NCOPIED; i++)
		to->h.value[copied[i]] = copy[i];
	return 0;
}

/* Where a household was read, "file:line", of household h joined to its source s. */
#define READ_AT "coalesce(s.file, '') || ':' || h.line"

static int
prepare(struct household_import *hi, struct import *im, struct error *err)
{
	struct store *s = import_store(im);
	sqlite3_stmt *st;
	int rc;

	hi->im = im;
	hi->find = store_prepare(s, "SELECT h.id, h.head_name, h.id_number, "
	    "h.phone, v.name, g.name, h.categories, h.members, h.monitor_type, "
	    "h.risk_status, " READ_AT " FROM household h "
	    "JOIN village v ON v.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id "
	    "LEFT JOIN household_source s ON s.id = h.source_id "
	    "WHERE h.household_id = ?", err);
	/* the household as stored already (a file imported again): by household_id, or at id ?12 */
#define SAME_SQL "SELECT id FROM household WHERE household_id = ?1 " \
	    "AND id < ?2 AND (?3 IS NULL OR head_name = ?3) " \
	    "AND (?4 IS NULL OR id_number = ?4) AND (?5 IS NULL OR phone = ?5) " \
	    "AND village_id = ?6 AND (?7 IS NULL OR group_id = ?7) " \
	    "AND (?8 IS NULL OR categories = ?8) AND (?9 IS NULL OR members = ?9) " \
	    "AND (?10 IS NULL OR monitor_type = ?10) " \
	    "AND (?11 IS NULL OR risk_status = ?11)"
	hi->same = store_prepare(s, SAME_SQL, err);
	hi->same_at = store_prepare(s, SAME_SQL " AND id = ?12", err);
#undef SAME_SQL
	/* no index on id_number: look where the set says the holder is */
	hi->holder = store_prepare(s, "SELECT h.id, h.household_id, " READ_AT
	    " FROM household h LEFT JOIN household_source s ON s.id = h.source_id "
	    "WHERE h.id BETWEEN ?1 AND ?2 AND h.id_number = ?3", err);
	if (hi->find == NULL || hi->same == NULL || hi->same_at == NULL ||
	    hi->holder == NULL)
		return -1;
	if (merge_start(&hi->merge, s, &household_merge_rule, err) != 0 ||
	    batch_start(&hi->batch, &household_batch_kind, hi, im, hi->find,
	    hi->merge.first_new_id - 1, err) != 0)
		return -1;
	sqlite3_bind_int64(hi->same, 2, hi->merge.first_new_id);
	sqlite3_bind_int64(hi->same_at, 2, hi->merge.first_new_id);
	/* every ID number on file */
	if ((st = store_prepare(s, "SELECT id_number FROM household "
	    "WHERE id_number IS NOT NULL", err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t w = id_number_word((const char *)sqlite3_column_text(st, 0));

		if (w != 0 && idset_put(&hi->numbers, w) != 0) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	hi->prepared = 1;
	return 0;
}

/* Bind held household slot's row of the INSERT from parameter p of st on. */
static void
household_bind(const struct batch_slot *slot, sqlite3_stmt *st, int p)
{
	const struct held_household *x = slot->record;
	const struct household *h = &x->h;

	sqlite3_bind_text(st, p, h->value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p + 1, h->value[HOUSEHOLD_HEAD_NAME], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p + 2, h->value[HOUSEHOLD_ID_NUMBER], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p + 3, h->value[HOUSEHOLD_PHONE], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, p + 4, x->village_id);
	if (x->group_id > 0)
		sqlite3_bind_int64(st, p + 5, x->group_id);
	else
		sqlite3_bind_null(st, p + 5);
	sqlite3_bind_text(st, p + 6, h->value[HOUSEHOLD_CATEGORIES] != NULL ?
	    h->value[HOUSEHOLD_CATEGORIES] : "", -1, SQLITE_STATIC);
	if (h->value[HOUSEHOLD_MEMBERS] != NULL)
		sqlite3_bind_int64(st, p + 7, h->members);
	else
		sqlite3_bind_null(st, p + 7);
	sqlite3_bind_text(st, p + 8, h->value[HOUSEHOLD_MONITOR_TYPE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p + 9, h->value[HOUSEHOLD_RISK_STATUS], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, p + 10, slot->source_id);
	sqlite3_bind_int64(st, p + 11, slot->held.rec.line);
}

/* Columns of household in the order of the fields, for updates; the place is changing()'s. */
static const char *const household_column_sql[HOUSEHOLD_NFIELDS] = {
	"household_id", "head_name", "id_number", "phone", NULL, NULL,
	"categories", "members", "monitor_type", "risk_status"
};

/* The same household twice in the input: name where it was first. */
static int
household_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	import_problem(im, rec, HOUSEHOLD_ID, _("the same household is already on %s"),
	    sqlite3_column_text(row, HOUSEHOLD_NFIELDS));
	return 1;
}

/* A move to another village leaves the old village's group behind. */
static long
household_also(void *context, sqlite3_stmt *row, const char *const *values,
    char **old, size_t *changed, size_t nchanged)
{
	const char *group = (const char *)sqlite3_column_text(row, HOUSEHOLD_GROUP);

	if (values[HOUSEHOLD_VILLAGE] != NULL && old[HOUSEHOLD_VILLAGE] != NULL &&
	    values[HOUSEHOLD_GROUP] == NULL && group != NULL) {
		if ((old[HOUSEHOLD_GROUP] = strdup(group)) == NULL)
			return -1;
		changed[nchanged++] = HOUSEHOLD_GROUP;
	}
	return (long)nchanged;
}

/*
 * Field k of household id changes: its place is written here, made if
 * need be; its ID number must be no other household's, and the set of
 * numbers follows it.
 */
static int
household_changing(void *context, struct import *im, const struct record *rec,
    long long id, size_t k, const char *const *values, const char *old,
    struct error *err)
{
	struct household_import *hi = context;
	struct store *s = import_store(im);
	long long vid, gid;
	int rc;

	if (k == HOUSEHOLD_ID_NUMBER) {
		uint64_t word = id_number_word(values[k]), was = id_number_word(old);

		if (word != 0 && idset_has(&hi->numbers, word)) {
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("the same number belongs to another household"));
			return 1;
		}
		if (was != 0)
			idset_remove(&hi->numbers, was);
		if (word != 0 && idset_add(&hi->numbers, word) != 0)
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		return 0;
	}
	if (k != HOUSEHOLD_VILLAGE && k != HOUSEHOLD_GROUP)
		return 0;
	if (place_resolve(s, values[HOUSEHOLD_VILLAGE], values[HOUSEHOLD_GROUP], 1,
	    &vid, &gid, NULL, err) != 0)
		return -1;
	if (hi->move == NULL && (hi->move = store_prepare(s, "UPDATE household "
	    "SET village_id = ?, group_id = ?, updated_at = ? WHERE id = ?",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(hi->move, 1, vid);
	if (gid > 0)
		sqlite3_bind_int64(hi->move, 2, gid);
	else
		sqlite3_bind_null(hi->move, 2);
	sqlite3_bind_text(hi->move, 3, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(hi->move, 4, id);
	rc = sqlite3_step(hi->move);
	sqlite3_reset(hi->move);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* A household given again: every field but its number may be updated, its place moved. */
static const struct merge_rule household_merge_rule = {
	.entity = "household", .table = "household", .specs = household_fields,
	.first = 1, .nfields = HOUSEHOLD_NFIELDS, .column = household_column_sql,
	.stamped = 1, .again = household_again, .also = household_also,
	.changing = household_changing,
};

/* Merge h with the stored household (hi->find stepped to it): merge_record(). */
static int
household_merge(struct import *im, const struct record *rec,
    struct household_import *hi, struct household *h, struct error *err)
{
	const char *values[HOUSEHOLD_NFIELDS];
	char members[16];

	memcpy(values, h->value, sizeof(values));
	/* as the store has it: "07" is 7 */
	if (values[HOUSEHOLD_MEMBERS] != NULL) {
		snprintf(members, sizeof(members), "%ld", h->members);
		values[HOUSEHOLD_MEMBERS] = members;
	}
	return merge_record(&hi->merge, im, rec, hi->find, values,
	    values[HOUSEHOLD_ID], hi, err);
}

/* An ID number already taken: name the household and, if new, its line. */
static int
household_id_number_taken(struct import *im, const struct record *rec,
    struct household_import *hi, const struct household *h)
{
	sqlite3_stmt *st = hi->holder;
	int flags = idset_flags(&hi->numbers,
	    id_number_word(h->value[HOUSEHOLD_ID_NUMBER]));
	int fresh = flags >= 0 && (flags & WORD_NEW);

	sqlite3_bind_int64(st, 1, fresh ? hi->merge.first_new_id : INT64_MIN);
	sqlite3_bind_int64(st, 2, fresh ? INT64_MAX : hi->merge.first_new_id - 1);
	sqlite3_bind_text(st, 3, h->value[HOUSEHOLD_ID_NUMBER], -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *other = (const char *)sqlite3_column_text(st, 1);

		if (sqlite3_column_int64(st, 0) >= hi->merge.first_new_id) {
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("the same number as household %s on %s"), other,
			    sqlite3_column_text(st, 2));
		} else
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("the same number is registered to household %s"), other);
	} else
		import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
		    _("the same number belongs to another household"));
	sqlite3_reset(st);
	return 1;
}

/*
 * 1 when h, of village vid and group gid, is stored as it is, every
 * value given the same (what the merge below would find unchanged, at a
 * fraction of its cost); 0 when that takes the merge to tell; -1 with
 * err set.  A file imported again
 * has its households in the order they were written: the one after the
 * last found is looked at first, by its id.
 */
static int
household_same_at(struct household_import *hi, struct store *s,
    const struct household *h, long long vid, long long gid, struct error *err)
{
	int rc;

	for (int by_id = hi->next_same > 0; by_id >= 0; by_id--) {
		sqlite3_stmt *st = by_id ? hi->same_at : hi->same;

		sqlite3_bind_text(st, 1, h->value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, h->value[HOUSEHOLD_HEAD_NAME], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, h->value[HOUSEHOLD_ID_NUMBER], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, h->value[HOUSEHOLD_PHONE], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, vid);
		if (h->value[HOUSEHOLD_GROUP] != NULL)
			sqlite3_bind_int64(st, 7, gid);
		else
			sqlite3_bind_null(st, 7);
		sqlite3_bind_text(st, 8, h->value[HOUSEHOLD_CATEGORIES], -1, SQLITE_STATIC);
		if (h->value[HOUSEHOLD_MEMBERS] != NULL)
			sqlite3_bind_int64(st, 9, h->members);
		else
			sqlite3_bind_null(st, 9);
		sqlite3_bind_text(st, 10, h->value[HOUSEHOLD_MONITOR_TYPE], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 11, h->value[HOUSEHOLD_RISK_STATUS], -1,
		    SQLITE_STATIC);
		if (by_id)
			sqlite3_bind_int64(st, 12, hi->next_same);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			hi->next_same = sqlite3_column_int64(st, 0) + 1;
			sqlite3_reset(st);
			return 1;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		hi->next_same = 0;
	}
	return 0;
}

/* household_same_at() of h's place, if it exists; counted as unchanged. */
static int
household_same(struct import *im, struct household_import *hi,
    const struct household *h, struct error *err)
{
	struct store *s = import_store(im);
	long long vid, gid;
	int rc;

	rc = place_resolve(s, h->value[HOUSEHOLD_VILLAGE], h->value[HOUSEHOLD_GROUP],
	    0, &vid, &gid, NULL, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if ((rc = household_same_at(hi, s, h, vid, gid, err)) == 1)
		import_stats(im)->unchanged++;
	return rc;
}

/* A household whose ID number is taken: the same one, to merge, or another. */
static int
household_known(struct import *im, const struct record *rec,
    struct household_import *hi, struct household *h, struct error *err)
{
	int rc;

	sqlite3_reset(hi->find);
	sqlite3_bind_text(hi->find, 1, h->value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
	rc = sqlite3_step(hi->find);
	if (rc == SQLITE_ROW)
		return household_merge(im, rec, hi, h, err);
	sqlite3_reset(hi->find);
	if (rc != SQLITE_DONE)
		return store_error(import_store(im), rc, err);
	return household_id_number_taken(im, rec, hi, h);
}

/* The household's number: what finds it in the store. */
static void
household_bind_key(const struct batch_slot *slot, sqlite3_stmt *find)
{
	const struct held_household *x = slot->record;

	sqlite3_bind_text(find, 1, x->h.value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
}

static int
household_same_key(const struct batch_slot *a, const struct batch_slot *b)
{
	const struct held_household *x = a->record, *y = b->record;

	return strcmp(x->h.value[HOUSEHOLD_ID], y->h.value[HOUSEHOLD_ID]) == 0;
}

/* On the worker's thread: 1 when slot's household is stored as it is. */
static long long
household_same_slot(void *context, const struct batch_slot *slot,
    struct error *err)
{
	struct household_import *hi = context;
	const struct held_household *x = slot->record;

	return household_same_at(hi, import_store(hi->im), &x->h, x->village_id,
	    x->group_id, err);
}

/*
 * A household whose number is taken, or whose INSERT left it out: the
 * household of the row found (found 1), to merge, or the number is
 * another's.
 */
static int
household_looked_up(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct household_import *hi = context;
	struct held_household *x = slot->record;

	if (found)
		return household_merge(hi->im, &slot->held.rec, hi, &x->h, err);
	return household_id_number_taken(hi->im, &slot->held.rec, hi, &x->h);
}

/* A household left out by its INSERT: not new after all, its number given back. */
static int
household_left_out(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct household_import *hi = context;
	struct held_household *x = slot->record;

	if (x->h.word != 0)
		idset_remove(&hi->numbers, x->h.word);
	return household_looked_up(context, slot, found, err);
}

/* The place made for a household not written is undone: forget it. */
static void
household_undone(void *context)
{
	place_forget();
}

static const struct batch_kind household_batch_kind = {
	.entity = "household", .source_table = "household_source",
	.record_size = sizeof(struct held_household),
	/*
	 * OR FAIL: no constraint aborts it, so SQLite keeps no statement
	 * journal for it (the schema's checks call no function and its keys
	 * are deferred, for the same reason).
	 */
	.insert_head = "INSERT OR FAIL INTO household (household_id, head_name, "
	    "id_number, phone, village_id, group_id, categories, members, "
	    "monitor_type, risk_status, source_id, line) VALUES ",
	.insert_columns = 12, .insert_tail = " ON CONFLICT DO NOTHING",
	.hold = household_hold, .bind = household_bind,
	.bind_key = household_bind_key, .same_key = household_same_key,
	.same = household_same_slot, .left_out = household_left_out,
	.looked_up = household_looked_up, .undone = household_undone,
};

static int
household_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct household_import *hi = context;
	struct store *s = import_store(im);
	struct held_household *x = &hi->checked;
	struct household *h = &x->h;
	long long source_id;
	int known, bad;

	if (!hi->prepared && prepare(hi, im, err) != 0)
		return -1;
	if (household_check(hi, im, rec, h) > 0)
		return 1;
	/*
	 * its village and group, if they exist (looked up while the set's
	 * memory comes); a place not seen before is asked of the store, which
	 * the worker must leave first
	 */
	if (!place_cached(s, h->value[HOUSEHOLD_VILLAGE], h->value[HOUSEHOLD_GROUP],
	    &x->village_id, &x->group_id)) {
		if (batch_flush(&hi->batch, err) != 0)
			return -1;
		known = place_resolve(s, h->value[HOUSEHOLD_VILLAGE],
		    h->value[HOUSEHOLD_GROUP], 0, &x->village_id, &x->group_id, NULL,
		    err);
		if (known < 0)
			return -1;
	} else
		known = 0;
	/* its ID number, claimed for it: given back if it is not new after all */
	if (h->word != 0 && (bad = idset_claim(&hi->numbers, h->word | WORD_NEW)) != 0) {
		if (bad < 0)
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		/*
		 * its number is taken: by this very household, or by another.
		 * Of a place that exists, looked up on the worker's thread
		 * (most likely a file imported again), and settled in order.
		 */
		if (known == 0)
			return batch_hold(&hi->batch, 1, x, rec, 0, err);
		if (batch_flush(&hi->batch, err) != 0 ||
		    (bad = household_same(im, hi, h, err)) < 0)
			return -1;
		return bad ? 0 : household_known(im, rec, hi, h, err);
	}
	/* (made outside the savepoint below, which may be undone) */
	if ((source_id = import_source_id(&hi->batch.source, im, rec, err)) == 0)
		return -1;
	if (known == 1) {
		/* alone, in a savepoint: a place made for a household not written is undone */
		if (batch_savepoint(&hi->batch, err) != 0 ||
		    place_resolve(s, h->value[HOUSEHOLD_VILLAGE],
		    h->value[HOUSEHOLD_GROUP], 1, &x->village_id, &x->group_id, NULL,
		    err) != 0)
			return -1;
	}
	return batch_hold(&hi->batch, 0, x, rec, source_id, err);
}

/* One audit row for the whole import: what came from where. */
static int
household_finish(struct import *im, void *context, struct error *err)
{
	return batch_finish(&((struct household_import *)context)->batch, err);
}

static void
household_cleanup(void *context)
{
	struct household_import *hi = context;

	batch_free(&hi->batch);
	sqlite3_finalize(hi->find);
	sqlite3_finalize(hi->same);
	sqlite3_finalize(hi->same_at);
	sqlite3_finalize(hi->holder);
	sqlite3_finalize(hi->move);
	merge_free(&hi->merge);
	idset_free(&hi->numbers);
	hashtab_free(&hi->memo_index);
	hashtab_free(&hi->seen_index);
	memset(hi, 0, sizeof(*hi));
	place_forget();
}

const struct import_kind household_import_kind = {
	household_fields, HOUSEHOLD_NFIELDS, household_row, household_finish,
	household_cleanup, sizeof(struct household_import)
};

long
household_list(struct store *s, const struct household_filter *filter,
    int reveal, int labels, struct writer *w, struct error *err)
{
	sqlite3_stmt *st;
	long n = 0;
	int rc;

	st = store_prepare(s, "SELECT h.household_id, h.head_name, h.id_number, "
	    "h.phone, v.name, g.name, h.categories, h.members, h.monitor_type, "
	    "h.risk_status FROM household h JOIN village v ON v.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id "
	    "WHERE (?1 IS NULL OR v.name = ?1) AND (?2 IS NULL OR g.name = ?2) "
	    "AND (?3 IS NULL OR instr(';' || h.categories || ';', ';' || ?3 || ';') > 0) "
	    "AND (?4 IS NULL OR h.household_id = ?4) "
	    "ORDER BY v.id, g.id, h.household_id", err);
	if (st == NULL)
		return -1;
	/* a reveal is logged before anything is shown */
	if (reveal) {
		char what[512];

		snprintf(what, sizeof(what), "village=%s group=%s category=%s id=%s",
		    filter->village ? filter->village : "*",
		    filter->group ? filter->group : "*",
		    filter->category ? filter->category : "*",
		    filter->household_id ? filter->household_id : "*");
		if (store_begin(s, err) != 0 ||
		    audit_add(s, "reveal", "household", "id_number,phone", NULL, what,
		    err) != 0 || store_commit(s, err) != 0) {
			store_rollback(s);
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_bind_text(st, 1, filter->village, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, filter->group, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, filter->category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, filter->household_id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[HOUSEHOLD_NFIELDS];
		char id[64], phone[64];
		struct buf joined = { 0 };

		for (int k = 0; k < HOUSEHOLD_NFIELDS; k++)
			v[k] = (const char *)sqlite3_column_text(st, k);
		if (!reveal && v[HOUSEHOLD_ID_NUMBER] != NULL)
			v[HOUSEHOLD_ID_NUMBER] = mask_id_number(v[HOUSEHOLD_ID_NUMBER],
			    id, sizeof(id));
		if (!reveal && v[HOUSEHOLD_PHONE] != NULL)
			v[HOUSEHOLD_PHONE] = mask_phone(v[HOUSEHOLD_PHONE], phone,
			    sizeof(phone));
		if (labels) {
			v[HOUSEHOLD_MONITOR_TYPE] = vocab_label("monitor_type",
			    v[HOUSEHOLD_MONITOR_TYPE]);
			v[HOUSEHOLD_RISK_STATUS] = vocab_label("risk_status",
			    v[HOUSEHOLD_RISK_STATUS]);
		}
		/* categories: labels, joined as staff write them */
		if (labels && v[HOUSEHOLD_CATEGORIES] != NULL) {
			const char *p = v[HOUSEHOLD_CATEGORIES];
			char code[64];

			while (*p != '\0') {
				p = next_category(p, code, sizeof(code));
				if (code[0] == '\0')
					continue;
				if (joined.len > 0)
					buf_puts(&joined, locale_is_chinese() ? "、" : ";");
				buf_puts(&joined, vocab_label("category", code));
			}
			v[HOUSEHOLD_CATEGORIES] = joined.data != NULL ? joined.data : "";
		}
		rc = writer_row(w, v, err);
		buf_free(&joined);
		if (rc != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return n;
}
