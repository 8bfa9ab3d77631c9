/* household.c -- households: import, check, list */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "household.h"
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
};

/* Per-import state: statements prepared once. */
struct household_import {
	sqlite3_stmt *insert, *find, *holder;
	long long first_new_id;	/* households with id >= this came from this import */
};

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
check_categories(struct import *im, const struct record *rec, const char *text,
    struct household *h)
{
	const char *codes[16];
	size_t ncodes = 0;
	char word[128];
	const char *p = text;
	int bad = 0;

	while (*p != '\0') {
		const char *code;
		char *w;

		p = next_category(p, word, sizeof(word));
		w = text_trim(word);
		if (*w == '\0')
			continue;
		if ((code = vocab_code("category", w)) == NULL) {
			char expected[512];

			import_problem(im, rec, HOUSEHOLD_CATEGORIES,
			    _("unknown category \"%s\"; expected one of: %s"), w,
			    vocab_describe("category", expected, sizeof(expected)));
			bad = 1;
			continue;
		}
		if (ncodes < 16)
			codes[ncodes++] = code;
	}
	h->categories[0] = '\0';
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		if (strcmp(e->domain, "category") != 0)
			continue;
		for (size_t i = 0; i < ncodes; i++)
			if (codes[i] == e->code) {
				if (h->categories[0] != '\0')
					strcat(h->categories, ";");
				strcat(h->categories, e->code);
				break;
			}
	}
	if (!bad && ncodes > 1 && strstr(h->categories, "ordinary") != NULL) {
		import_problem(im, rec, HOUSEHOLD_CATEGORIES,
		    _("\"ordinary\" (一般农户) cannot be combined with another category"));
		bad = 1;
	}
	h->value[HOUSEHOLD_CATEGORIES] = h->categories[0] != '\0' ? h->categories : NULL;
	return bad;
}

static int
check_vocab(struct import *im, const struct record *rec, size_t k,
    const char *domain, struct household *h)
{
	const char *text = h->value[k], *code;
	char expected[512];

	if (text == NULL)
		return 0;
	if ((code = vocab_code(domain, text)) != NULL) {
		h->value[k] = code;
		return 0;
	}
	import_problem(im, rec, (int)k, _("unknown value \"%s\"; expected one of: %s"),
	    text, vocab_describe(domain, expected, sizeof(expected)));
	return 1;
}

/* Check every field of rec into h; returns the number of problems reported. */
static int
household_check(struct import *im, const struct record *rec, struct household *h)
{
	int bad = 0;

	memset(h, 0, sizeof(*h));
	for (size_t k = 0; k < HOUSEHOLD_NFIELDS; k++)
		h->value[k] = import_value(im, rec, k);
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
		snprintf(h->id_number, sizeof(h->id_number), "%s",
		    h->value[HOUSEHOLD_ID_NUMBER]);
		switch (id_number_check(h->id_number)) {
		case ID_NUMBER_OK:
			h->value[HOUSEHOLD_ID_NUMBER] = h->id_number;
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
		snprintf(h->phone, sizeof(h->phone), "%s", h->value[HOUSEHOLD_PHONE]);
		if (strlen(h->value[HOUSEHOLD_PHONE]) >= sizeof(h->phone) ||
		    phone_normalise(h->phone) != 0) {
			import_problem(im, rec, HOUSEHOLD_PHONE, _("not an 11-digit "
			    "mobile number nor a landline number with its area code"));
			bad++;
		} else
			h->value[HOUSEHOLD_PHONE] = h->phone;
	}
	if (h->value[HOUSEHOLD_CATEGORIES] != NULL)
		bad += check_categories(im, rec, h->value[HOUSEHOLD_CATEGORIES], h);
	if (h->value[HOUSEHOLD_MEMBERS] != NULL &&
	    number_parse(h->value[HOUSEHOLD_MEMBERS], 1, 99, &h->members) != 0) {
		import_problem(im, rec, HOUSEHOLD_MEMBERS,
		    _("not a whole number from 1 to 99"));
		bad++;
	}
	bad += check_vocab(im, rec, HOUSEHOLD_MONITOR_TYPE, "monitor_type", h);
	bad += check_vocab(im, rec, HOUSEHOLD_RISK_STATUS, "risk_status", h);
	return bad;
}

static int
prepare(struct household_import *hi, struct store *s, struct error *err)
{
	if (hi->insert != NULL)
		return 0;
	hi->insert = store_prepare(s, "INSERT INTO household (household_id, "
	    "head_name, id_number, phone, village_id, group_id, categories, "
	    "members, monitor_type, risk_status, created_at, updated_at, source) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	    "ON CONFLICT DO NOTHING", err);
	hi->find = store_prepare(s, "SELECT h.id, h.head_name, h.id_number, "
	    "h.phone, v.name, g.name, h.categories, h.members, h.monitor_type, "
	    "h.risk_status, h.source FROM household h JOIN village v ON v.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id "
	    "WHERE h.household_id = ?", err);
	hi->holder = store_prepare(s, "SELECT id, household_id, source "
	    "FROM household WHERE id_number = ?", err);
	if (hi->insert == NULL || hi->find == NULL || hi->holder == NULL)
		return -1;
	{
		sqlite3_stmt *st = store_prepare(s, "SELECT coalesce(max(id), 0) + 1 "
		    "FROM household", err);

		if (st == NULL)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW)
			hi->first_new_id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return 0;
}

/* Columns of household in the order of the fields, for updates. */
static const char *const household_column_sql[HOUSEHOLD_NFIELDS] = {
	"household_id", "head_name", "id_number", "phone", NULL, NULL,
	"categories", "members", "monitor_type", "risk_status"
};

/* 1 when the merge below moves the household to another village. */
static int
changed_village(const struct household *h, char *const *old)
{
	return h->value[HOUSEHOLD_VILLAGE] != NULL && old[HOUSEHOLD_VILLAGE] != NULL;
}

/* Compare h with the stored household (hi->find stepped to it); update if asked. */
static int
household_merge(struct import *im, const struct record *rec,
    struct household_import *hi, struct household *h, struct error *err)
{
	struct store *s = import_store(im);
	sqlite3_stmt *st = hi->find;
	long long id = sqlite3_column_int64(st, 0);
	char *old[HOUSEHOLD_NFIELDS] = { 0 };
	size_t changed[HOUSEHOLD_NFIELDS], nchanged = 0;
	char members[16];
	int rc = 0;

	if (h->value[HOUSEHOLD_MEMBERS] != NULL) {
		snprintf(members, sizeof(members), "%ld", h->members);
		h->value[HOUSEHOLD_MEMBERS] = members;
	}
	for (size_t k = 1; k < HOUSEHOLD_NFIELDS; k++) {
		const char *was = (const char *)sqlite3_column_text(st, (int)k);

		if (h->value[k] == NULL)
			continue;	/* not given: keep what is stored */
		if (was != NULL && strcmp(was, h->value[k]) == 0)
			continue;
		old[k] = was != NULL ? strdup(was) : NULL;
		changed[nchanged++] = k;
	}
	if (id >= hi->first_new_id) {
		import_problem(im, rec, HOUSEHOLD_ID, _("the same household is "
		    "already on %s"), sqlite3_column_text(st, HOUSEHOLD_NFIELDS));
		rc = 1;
		goto out;
	}
	if (nchanged == 0) {
		import_stats(im)->unchanged++;
		goto out;
	}
	if (!import_options(im)->upsert) {
		import_stats(im)->differ++;
		goto out;
	}
	/* a move to another village leaves the old village's group behind */
	if (old[HOUSEHOLD_VILLAGE] != NULL || h->value[HOUSEHOLD_VILLAGE] != NULL) {
		const char *group = (const char *)sqlite3_column_text(st, HOUSEHOLD_GROUP);

		if (changed_village(h, old) && h->value[HOUSEHOLD_GROUP] == NULL &&
		    group != NULL) {
			old[HOUSEHOLD_GROUP] = strdup(group);
			changed[nchanged++] = HOUSEHOLD_GROUP;
		}
	}
	sqlite3_reset(st);
	for (size_t i = 0; i < nchanged; i++) {
		size_t k = changed[i];
		sqlite3_stmt *up;
		char sql[128];

		if (k == HOUSEHOLD_VILLAGE || k == HOUSEHOLD_GROUP) {
			long long vid, gid;

			if (place_resolve(s, h->value[HOUSEHOLD_VILLAGE] != NULL ?
			    h->value[HOUSEHOLD_VILLAGE] : old[HOUSEHOLD_VILLAGE],
			    h->value[HOUSEHOLD_GROUP], 1, &vid, &gid, NULL, err) != 0) {
				rc = -1;
				goto out;
			}
			snprintf(sql, sizeof(sql), "UPDATE household SET village_id = ?, "
			    "group_id = ?, updated_at = ? WHERE id = ?");
			if ((up = store_prepare(s, sql, err)) == NULL) {
				rc = -1;
				goto out;
			}
			sqlite3_bind_int64(up, 1, vid);
			if (gid > 0)
				sqlite3_bind_int64(up, 2, gid);
		} else {
			snprintf(sql, sizeof(sql), "UPDATE household SET %s = ?, "
			    "updated_at = ? WHERE id = ?", household_column_sql[k]);
			if ((up = store_prepare(s, sql, err)) == NULL) {
				rc = -1;
				goto out;
			}
			sqlite3_bind_text(up, 1, h->value[k], -1, SQLITE_STATIC);
		}
		sqlite3_bind_text(up, sqlite3_bind_parameter_count(up) - 1, s->now,
		    -1, SQLITE_STATIC);
		sqlite3_bind_int64(up, sqlite3_bind_parameter_count(up), id);
		rc = sqlite3_step(up);
		sqlite3_finalize(up);
		if (rc == SQLITE_CONSTRAINT_UNIQUE && k == HOUSEHOLD_ID_NUMBER) {
			import_problem(im, rec, HOUSEHOLD_ID_NUMBER,
			    _("the same number belongs to another household"));
			rc = 1;
			goto out;
		}
		if (rc != SQLITE_DONE) {
			rc = store_error(s, rc, err);
			goto out;
		}
		rc = 0;
		if (audit_add(s, "household", h->value[HOUSEHOLD_ID],
		    household_fields[k].name, old[k], h->value[k], err) != 0) {
			rc = -1;
			goto out;
		}
	}
	import_stats(im)->updated++;
out:
	sqlite3_reset(st);
	for (size_t k = 0; k < HOUSEHOLD_NFIELDS; k++)
		free(old[k]);
	return rc;
}

/* An ID number already taken: name the household and, if new, its line. */
static int
household_id_number_taken(struct import *im, const struct record *rec,
    struct household_import *hi, const struct household *h)
{
	sqlite3_stmt *st = hi->holder;

	sqlite3_bind_text(st, 1, h->value[HOUSEHOLD_ID_NUMBER], -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *other = (const char *)sqlite3_column_text(st, 1);

		if (sqlite3_column_int64(st, 0) >= hi->first_new_id) {
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

/* "file:line" into out, without the cost of printf on every record. */
static void
source_text(const struct record *rec, char *out, size_t size)
{
	size_t n = strlen(rec->file);
	char digits[24];
	int k = 0;
	long line = rec->line;

	if (n + 24 > size)
		n = size - 24;
	memcpy(out, rec->file, n);
	out[n++] = ':';
	do
		digits[k++] = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	while (k > 0)
		out[n++] = digits[--k];
	out[n] = '\0';
}

static int
household_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct household_import *hi = context;
	struct store *s = import_store(im);
	struct household h;
	long long vid, gid;
	int rc, known;
	sqlite3_stmt *st;
	char where[512];

	if (prepare(hi, s, err) != 0)
		return -1;
	if (household_check(im, rec, &h) > 0)
		return 1;
	/* its village and group, created if need be */
	known = place_resolve(s, h.value[HOUSEHOLD_VILLAGE], h.value[HOUSEHOLD_GROUP],
	    0, &vid, &gid, NULL, err);
	if (known < 0)
		return -1;
	if (known == 1) {
		if (store_exec(s, "SAVEPOINT household_row", err) != 0 ||
		    place_resolve(s, h.value[HOUSEHOLD_VILLAGE],
		    h.value[HOUSEHOLD_GROUP], 1, &vid, &gid, NULL, err) != 0)
			return -1;
	}
	source_text(rec, where, sizeof(where));
	st = hi->insert;
	sqlite3_bind_text(st, 1, h.value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, h.value[HOUSEHOLD_HEAD_NAME], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, h.value[HOUSEHOLD_ID_NUMBER], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, h.value[HOUSEHOLD_PHONE], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, vid);
	if (gid > 0)
		sqlite3_bind_int64(st, 6, gid);
	else
		sqlite3_bind_null(st, 6);
	sqlite3_bind_text(st, 7, h.value[HOUSEHOLD_CATEGORIES] != NULL ?
	    h.value[HOUSEHOLD_CATEGORIES] : "", -1, SQLITE_STATIC);
	if (h.value[HOUSEHOLD_MEMBERS] != NULL)
		sqlite3_bind_int64(st, 8, h.members);
	else
		sqlite3_bind_null(st, 8);
	sqlite3_bind_text(st, 9, h.value[HOUSEHOLD_MONITOR_TYPE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, h.value[HOUSEHOLD_RISK_STATUS], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, where, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (sqlite3_changes(s->db) > 0) {
		if (known == 1 && store_exec(s, "RELEASE household_row", err) != 0)
			return -1;
		import_stats(im)->added++;
		return 0;
	}
	/* not new: the household is known, or its ID number is taken */
	if (known == 1) {
		store_exec(s, "ROLLBACK TO household_row; RELEASE household_row", NULL);
		place_forget();
	}
	sqlite3_bind_text(hi->find, 1, h.value[HOUSEHOLD_ID], -1, SQLITE_STATIC);
	rc = sqlite3_step(hi->find);
	if (rc == SQLITE_ROW)
		return household_merge(im, rec, hi, &h, err);
	sqlite3_reset(hi->find);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return household_id_number_taken(im, rec, hi, &h);
}

/* One audit row for the whole import: what came from where. */
static int
household_finish(struct import *im, void *context, struct error *err)
{
	struct import_stats *stats = import_stats(im);
	char what[64];

	(void)context;
	if (stats->added == 0)
		return 0;
	snprintf(what, sizeof(what), "%ld", stats->added);
	return audit_add(import_store(im), "household", NULL, "created", NULL,
	    what, err);
}

static void
household_cleanup(void *context)
{
	struct household_import *hi = context;

	sqlite3_finalize(hi->insert);
	sqlite3_finalize(hi->find);
	sqlite3_finalize(hi->holder);
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
