/* county.c -- the county's settings: stored, read by the rules, changed with an audit trail */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "county.h"
#include "error.h"
#include "text.h"

static const struct county_setting settings[] = {
	{ "post_min_age", "公益性岗位最低年龄", 16, 14, 60,
	  NC_("unit", "years"),
	  N_("a public-welfare post: the youngest age on its first day") },
	{ "job_min_age", "产业园务工最低年龄", 16, 14, 60,
	  NC_("unit", "years"),
	  N_("an industry-park job: the youngest age on its first day") },
	{ "loan_min_age", "贷款最低年龄", 18, 16, 100,
	  NC_("unit", "years"),
	  N_("a small loan: the youngest age on the day of the wish") },
	{ "loan_max_age", "贷款最高年龄", 65, 16, 100,
	  NC_("unit", "years"),
	  N_("a small loan: the oldest age on the day of the wish") },
	{ "loan_max_amount", "贷款最高金额", 50000, 1, 10000000,
	  NC_("unit", "yuan"),
	  N_("a small loan: the largest amount") },
	{ "loan_max_months", "贷款最长期限", 36, 1, 600,
	  NC_("unit", "months"),
	  N_("a small loan: the longest term") },
	{ "loan_unsent_days", "贷款材料报送时限", 7, 1, 3650,
	  NC_("unit", "days"),
	  N_("a loan's papers go to the bank within these days of the wish") },
	{ "loan_unanswered_days", "银行答复时限", 30, 1, 3650,
	  NC_("unit", "days"),
	  N_("the bank answers within these days of the papers") },
	{ "returnee_uncontacted_days", "回引人才联系间隔", 30, 1, 3650,
	  NC_("unit", "days"),
	  N_("a returnee is contacted again within these days") },
	{ "decision_days", "监测审定时限", 15, 0, 3650,
	  NC_("unit", "days"),
	  N_("a monitoring case: from its clue to the county's decision") },
	{ "posting_days", "监测公示天数", 5, 0, 3650,
	  NC_("unit", "days"),
	  N_("a monitoring case: the shortest public posting") },
	{ "unfollowed_days", "监测建议跟进时限", 3, 0, 3650,
	  NC_("unit", "days"),
	  N_("a visit that suggests monitoring gets its case within these days") },
	{ "stable_months", "风险消除稳定月数", 6, 0, 3650,
	  NC_("unit", "months"),
	  N_("an elimination: the months between its two stable visits") },
};
#define NSETTINGS (sizeof(settings) / sizeof(settings[0]))

const struct column county_columns[COUNTY_NCOLUMNS] = {
	{ "name", N_("setting"), COLUMN_TEXT, NULL },
	{ "value", N_("value"), COLUMN_INTEGER, NULL },
	{ "default", N_("default"), COLUMN_INTEGER, NULL },
	{ "min", N_("lowest"), COLUMN_INTEGER, NULL },
	{ "max", N_("highest"), COLUMN_INTEGER, NULL },
	{ "unit", N_("unit"), COLUMN_TEXT, NULL },
	{ "what", N_("what it limits"), COLUMN_TEXT, NULL },
};

const struct county_setting *
county_settings(size_t *n)
{
	*n = NSETTINGS;
	return settings;
}

const char *
county_unit(const struct county_setting *c)
{
	return text_in_context("unit", c->unit);
}

const struct county_setting *
county_setting_find(const char *name)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, name) == 0 ||
		    strcmp(settings[i].label_zh, name) == 0)
			return &settings[i];
	return NULL;
}

int
county_get(struct store *s, const char *name, long *value, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT value FROM county_setting "
	    "WHERE name = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*value = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return error_set(err, EXIT_SOFTWARE, "no county setting %s", name);
	return store_error(s, rc, err);
}

int
county_value_parse(const struct county_setting *c, const char *text,
    long *value)
{
	if (strcmp(text, "default") == 0) {
		*value = c->value_default;
		return 0;
	}
	return number_parse(text, c->min, c->max, value);
}

int
county_set(struct store *s, const char *name, long value, const char *reason,
    long *was_out, struct error *err)
{
	const struct county_setting *c = county_setting_find(name);
	sqlite3_stmt *st;
	char old[24], new[24];
	long was;
	int rc;

	if (c == NULL)
		return error_set(err, EXIT_DATAERR, _("no county setting called "
		    "%s; county-set with no operand lists them"), name);
	if (value < c->min || value > c->max)
		return error_set(err, EXIT_DATAERR, _("%s: %ld is out of range; "
		    "from %ld to %ld %s"), name, value, c->min, c->max,
		    county_unit(c));
	name = c->name;
	if (county_get(s, name, &was, err) != 0)
		return -1;
	if (was_out != NULL)
		*was_out = was;
	if (was == value)
		return 0;
	if ((st = store_prepare(s, "UPDATE county_setting SET value = ? WHERE "
	    "name = ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, value);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(old, sizeof(old), "%ld", was);
	snprintf(new, sizeof(new), "%ld", value);
	if (audit_add(s, "county_setting", name, "value", old, new, err) != 0)
		return -1;
	return reason == NULL ? 0 : audit_add(s, "county_setting", name,
	    "reason", NULL, reason, err);
}

long
county_list(struct store *s, struct writer *w, int labels, struct error *err)
{
	for (size_t i = 0; i < NSETTINGS; i++) {
		const struct county_setting *c = &settings[i];
		char value[24], def[24], min[24], max[24];
		const char *v[COUNTY_NCOLUMNS] = { labels && locale_is_chinese() ?
		    c->label_zh : c->name, value, def, min, max,
		    labels ? county_unit(c) : c->unit, labels ? _(c->what) : c->what };
		long now;

		if (county_get(s, c->name, &now, err) != 0)
			return -1;
		snprintf(value, sizeof(value), "%ld", now);
		snprintf(def, sizeof(def), "%ld", c->value_default);
		snprintf(min, sizeof(min), "%ld", c->min);
		snprintf(max, sizeof(max), "%ld", c->max);
		if (writer_row(w, v, err) != 0)
			return -1;
	}
	return (long)NSETTINGS;
}
