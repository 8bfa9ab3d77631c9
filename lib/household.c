/* household.c -- households: their fields, and the listing of household-list */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "audit.h"
#include "buf.h"
#include "household.h"
#include "household_check.h"
#include "idset.h"
#include "text.h"
#include "vocab.h"

const struct field_spec household_fields[HOUSEHOLD_NFIELDS] = {
	{ "household_id", "户编号|户号|户码|家庭编号|编号" },
	{ "head_name", "户主姓名|户主|姓名" },
	{ "id_number", "身份证号|身份证号码|户主身份证号|证件号码" },
	{ "phone", "联系电话|电话|手机|手机号|手机号码|联系方式" },
	HOUSEHOLD_SPEC_VILLAGE, HOUSEHOLD_SPEC_GROUP, HOUSEHOLD_SPEC_CATEGORIES,
	HOUSEHOLD_SPEC_MEMBERS, HOUSEHOLD_SPEC_MONITOR_TYPE,
	HOUSEHOLD_SPEC_RISK_STATUS,
};

const struct field_spec household_roster_fields[HOUSEHOLD_NFIELDS] = {
	HOUSEHOLD_SPEC_ROSTER_ID, HOUSEHOLD_SPEC_HEAD_NAME,
	HOUSEHOLD_SPEC_HEAD_ID_NUMBER, HOUSEHOLD_SPEC_HEAD_PHONE,
	HOUSEHOLD_SPEC_VILLAGE, HOUSEHOLD_SPEC_GROUP, HOUSEHOLD_SPEC_CATEGORIES,
	HOUSEHOLD_SPEC_MEMBERS, HOUSEHOLD_SPEC_MONITOR_TYPE,
	HOUSEHOLD_SPEC_RISK_STATUS,
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

/* Audit a reveal of what filter matches, in a transaction of its own: 0, or -1 with err set. */
static int
audit_reveal(struct store *s, const struct household_filter *filter,
    struct error *err)
{
	char what[768], id[64], phone[64];

	/* the numbers searched by are personal too: the log keeps them masked */
	snprintf(what, sizeof(what), "village=%s group=%s category=%s id=%s",
	    filter->village ? filter->village : "*",
	    filter->group ? filter->group : "*",
	    filter->category ? filter->category : "*",
	    filter->household_id ? filter->household_id : "*");
	if (filter->name != NULL)
		snprintf(what + strlen(what), sizeof(what) - strlen(what),
		    " name=%s", filter->name);
	if (filter->id_number != NULL)
		snprintf(what + strlen(what), sizeof(what) - strlen(what),
		    " id_number=%s", mask_id_number(filter->id_number, id, sizeof(id)));
	if (filter->phone != NULL)
		snprintf(what + strlen(what), sizeof(what) - strlen(what),
		    " phone=%s", text_mask_personal(filter->phone, phone, sizeof(phone)));
	if (filter->cadre != NULL)
		snprintf(what + strlen(what), sizeof(what) - strlen(what),
		    " cadre=%s", filter->cadre);
	if (store_begin(s, err) != 0 ||
	    audit_add(s, "reveal", "household", "id_number,phone", NULL, what,
	    err) != 0 || store_commit(s, err) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

enum household_key_problem
household_id_number_key(const char *s, char out[19])
{
	char copy[128], *p;
	size_t n;

	if (strlen(s) >= sizeof(copy))
		return HOUSEHOLD_KEY_INVALID;
	memcpy(copy, s, strlen(s) + 1);
	p = text_trim(copy);
	n = text_ascii_digits(p);	/* full-width digits as an IME types them */
	if (n != 18)
		return n > 0 && n < 18 && strspn(p, "0123456789") == n ?
		    HOUSEHOLD_KEY_PARTIAL : HOUSEHOLD_KEY_INVALID;
	if (id_number_check(p) != ID_NUMBER_OK)
		return HOUSEHOLD_KEY_INVALID;
	memcpy(out, p, 19);
	return HOUSEHOLD_KEY_OK;
}

enum household_key_problem
household_phone_key(const char *s, char *out, size_t size)
{
	char whole[64], *p;
	size_t n = 0;

	if (strlen(s) >= sizeof(whole))
		return HOUSEHOLD_KEY_INVALID;
	memcpy(whole, s, strlen(s) + 1);
	p = text_trim(whole);
	text_ascii_digits(p);
	/* a whole number loses its +86 and the like; a part stays as given */
	(void)phone_normalise(p, sizeof(whole) - (size_t)(p - whole));
	s = p;
	for (const char *c = s; *c != '\0'; c++) {
		if (*c == ' ' || *c == '-')
			continue;
		if (*c < '0' || *c > '9' || n + 1 >= size)
			return HOUSEHOLD_KEY_INVALID;
		out[n++] = *c;
	}
	out[n] = '\0';
	return n >= HOUSEHOLD_PHONE_DIGITS ? HOUSEHOLD_KEY_OK :
	    n == 0 ? HOUSEHOLD_KEY_INVALID : HOUSEHOLD_KEY_SHORT;
}

/*
 * What finds a household by a person's name, ID number or phone: each
 * an SQL condition on the household h, the value given as ?N.  The
 * household's own fields first, then its members' (a household is
 * found by any of its people); a kind that keeps more people of a
 * household adds its conditions here.  A member's condition reads the
 * member table once (IN), not once a household.
 */
static const struct {
	int parameter;		/* 5 name, 6 ID number, 7 phone */
	const char *condition;
} household_person_matches[] = {
	{ 5, "instr(h.head_name, ?5) > 0" },
	{ 5, "h.household_id IN (SELECT household_id FROM member "
	    "WHERE instr(name, ?5) > 0)" },
	{ 6, "h.id_number = ?6" },
	{ 6, "h.household_id IN (SELECT household_id FROM member "
	    "WHERE id_number = ?6)" },
	{ 7, "substr(replace(h.phone, '-', ''), -length(?7)) = ?7" },
	{ 7, "h.household_id IN (SELECT household_id FROM member "
	    "WHERE substr(replace(phone, '-', ''), -length(?7)) = ?7)" },
};

/*
 * The listing's statement on s, with a condition for each filter given
 * only (one left out costs nothing, and --id finds its row by the key),
 * its values bound; NULL with err set.
 */
static sqlite3_stmt *
household_list_query(struct store *s, const struct household_filter *f,
    struct error *err)
{
	const struct {
		const char *value;
		const char *condition;	/* on ?N, N its place here from 1 */
	} conditions[] = {
		{ f->village, "v.name = ?1" },
		{ f->group, "g.name = ?2" },
		{ f->category, "instr(';' || h.categories || ';', ';' || ?3 || ';') > 0" },
		{ f->household_id, "h.household_id = ?4" },
		/* (a person's: household_person_matches) */
		{ f->name, NULL }, { f->id_number, NULL }, { f->phone, NULL },
		{ f->cadre, "EXISTS (SELECT 1 FROM assignment a WHERE a.cadre = ?8 "
		    "AND " ASSIGN_OF_HOUSEHOLD("a", "h") ")" },
	};
	struct buf sql = { 0 };
	sqlite3_stmt *st = NULL;

	buf_puts(&sql, "SELECT h.household_id, h.head_name, h.id_number, "
	    "h.phone, v.name, g.name, h.categories, h.members, h.monitor_type, "
	    "h.risk_status FROM household h JOIN village v ON v.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id WHERE 1");
	for (size_t i = 0; i < sizeof(conditions) / sizeof(conditions[0]); i++) {
		if (conditions[i].value == NULL)
			continue;
		buf_puts(&sql, " AND (");
		if (conditions[i].condition != NULL)
			buf_puts(&sql, conditions[i].condition);
		for (size_t k = 0, n = 0; conditions[i].condition == NULL && k <
		    sizeof(household_person_matches) /
		    sizeof(household_person_matches[0]); k++) {
			if (household_person_matches[k].parameter != (int)i + 1)
				continue;
			buf_puts(&sql, n++ > 0 ? " OR " : "");
			buf_puts(&sql, household_person_matches[k].condition);
		}
		buf_puts(&sql, ")");
	}
	if (buf_puts(&sql, " ORDER BY v.id, g.id, h.household_id") != 0)
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	else if ((st = store_prepare(s, sql.data, err)) != NULL)
		for (size_t i = 0; i < sizeof(conditions) / sizeof(conditions[0]); i++)
			if (conditions[i].value != NULL)
				sqlite3_bind_text(st, (int)i + 1, conditions[i].value,
				    -1, SQLITE_STATIC);
	if (st != NULL && f->cadre != NULL)
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":today"),
		    f->today, -1, SQLITE_STATIC);
	buf_free(&sql);
	return st;
}

/* The labels of the codes of categories, joined as staff write them, into joined. */
static const char *
category_labels(const char *categories, struct buf *joined)
{
	const char *p = categories;
	char code[64];

	while (*p != '\0') {
		p = household_category_next(p, code, sizeof(code));
		if (code[0] == '\0')
			continue;
		if (joined->len > 0)
			buf_puts(joined, locale_is_chinese() ? "、" : ";");
		buf_puts(joined, vocab_label("category", code));
	}
	return joined->data != NULL ? joined->data : "";
}

long
household_list(struct store *s, const struct household_filter *filter,
    int reveal, int labels, struct writer *w, struct error *err)
{
	sqlite3_stmt *st;
	long n = 0;
	int rc;

	if ((st = household_list_query(s, filter, err)) == NULL)
		return -1;
	/* a reveal is logged before anything is shown */
	if (reveal && audit_reveal(s, filter, err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
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
		if (labels && v[HOUSEHOLD_CATEGORIES] != NULL)
			v[HOUSEHOLD_CATEGORIES] = category_labels(v[HOUSEHOLD_CATEGORIES],
			    &joined);
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

/*
 * The word of a household number in a set of numbers: 57 bits of its
 * FNV-1a hash.  Two numbers share one with a chance of one in 10^17: a
 * record of an unknown household whose number shares the word of one in
 * the store would be taken as that household's, with a chance of about
 * one in 10^12 in a store of 300,000 households.
 */
static uint64_t
number_word(const char *number)
{
	uint64_t w = idset_word(text_hash(TEXT_HASH, number, strlen(number)));

	return w != 0 ? w : 4;
}

int
household_numbers_has(const struct idset *set, const char *number)
{
	return idset_has(set, number_word(number));
}

long
household_numbers_index(const struct idset *set, const char *number)
{
	return idset_index(set, number_word(number));
}

void
household_numbers_prefetch(const struct idset *set, const char *number)
{
	idset_prefetch(set, number_word(number));
}

/* Sort v[0..n) in ascending order (by 16 bits at a time): 0, or -1 when memory runs out. */
static int
sort_words(uint64_t *v, size_t n)
{
	uint64_t *tmp = malloc((n + 1) * sizeof(*tmp)), *from = v, *to = tmp, *t;
	size_t *at = malloc(((size_t)1 << 16) * sizeof(*at));

	if (tmp == NULL || at == NULL) {
		free(tmp);
		free(at);
		return -1;
	}
	/* four passes: the last puts them back in v */
	for (int shift = 0; shift < 64; shift += 16) {
		size_t sum = 0;

		memset(at, 0, ((size_t)1 << 16) * sizeof(*at));
		for (size_t i = 0; i < n; i++)
			at[from[i] >> shift & 0xffff]++;
		for (size_t d = 0; d < (size_t)1 << 16; d++) {
			size_t c = at[d];

			at[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			to[at[from[i] >> shift & 0xffff]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	free(tmp);
	free(at);
	return 0;
}

/*
 * household_numbers_load() with members: each household's word and
 * member count in one number (the 57 bits of its key, then 7 bits of
 * count, up to 99), sorted, are the set's words in order and the counts
 * at their places.
 */
static int
load_with_counts(struct idset *set, unsigned char **members,
    struct store *s, struct error *err)
{
	sqlite3_stmt *st;
	struct buf pairs = { 0 };
	uint64_t *v;
	long long most;
	size_t n;
	int rc;

	*members = NULL;
	/* room at once, for as many as the ids say if they have no gaps (a guess) */
	if ((st = store_prepare(s, "SELECT coalesce(max(id), 0) FROM household",
	    err)) == NULL || (most = store_step_id(s, st, err)) < 0)
		return -1;
	if (most > 0 && most < (1LL << 26))
		(void)buf_reserve(&pairs, (size_t)most * sizeof(uint64_t));
	if ((st = store_prepare(s, "SELECT household_id, coalesce(members, 0) "
	    "FROM household", err)) == NULL) {
		buf_free(&pairs);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t w = number_word((const char *)sqlite3_column_text(st, 0)),
		    pair = (w >> 2) << 7 | (sqlite3_column_int(st, 1) & 0x7f);

		if (buf_append(&pairs, &pair, sizeof(pair)) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		buf_free(&pairs);
		return store_error(s, rc, err);
	}
	v = (uint64_t *)pairs.data;
	n = pairs.len / sizeof(*v);
	if (rc == SQLITE_DONE && sort_words(v, n) == 0 &&
	    (*members = malloc(n + 1)) != NULL) {
		for (size_t i = 0; i < n; i++) {
			(*members)[i] = (unsigned char)(v[i] & 0x7f);
			v[i] = v[i] >> 7 << 2;
		}
		rc = idset_fill(set, v, n) == 0 ? SQLITE_OK : SQLITE_NOMEM;
	} else
		rc = SQLITE_NOMEM;
	buf_free(&pairs);
	if (rc == SQLITE_OK)
		return 0;
	free(*members);
	*members = NULL;
	return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
}

int
household_numbers_load(struct idset *set, unsigned char **members,
    struct store *s, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (members != NULL)
		return load_with_counts(set, members, s, err);
	if ((st = store_prepare(s, "SELECT household_id FROM household",
	    err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (idset_put(set,
		    number_word((const char *)sqlite3_column_text(st, 0))) != 0) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return idset_settle(set) == 0 ? 0 : error_set(err, EXIT_SOFTWARE, "%s",
	    _("out of memory"));
}
