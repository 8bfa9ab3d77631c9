/* household.c -- households: their fields, and the listing of household-list */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "household.h"
#include "household_check.h"
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

/* Audit a reveal of what filter matches, in a transaction of its own: 0, or -1 with err set. */
static int
audit_reveal(struct store *s, const struct household_filter *filter,
    struct error *err)
{
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
		return -1;
	}
	return 0;
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
	if (reveal && audit_reveal(s, filter, err) != 0) {
		sqlite3_finalize(st);
		return -1;
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
