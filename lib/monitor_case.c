/* monitor_case.c -- case-open: a clue opens a monitoring case; what cases share */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "county.h"
#include "household_check.h"
#include "issue_parts.h"
#include "lifecycle.h"
#include "monitor_case.h"
#include "monitor_parts.h"
#include "text.h"
#include "vocab.h"

const struct field_spec case_fields[CASE_NFIELDS] = {
	{ "household_id", "户编号|户号" },
	{ "case_type", "事项|类型|监测事项" },
	{ "clue", "线索来源|来源|线索" },
	{ "clue_on", "线索日期|发现日期|日期" },
	{ "recorder", "登记人|记录人" },
	{ "monitor_type", "监测类型|监测对象类型" },
	{ "risks", "风险类型|返贫致贫风险|致贫风险|风险" },
	{ "detail", "情况说明|说明|备注" },
};

const struct column case_out_columns[CASE_OUT_NCOLUMNS] = {
	{ "case_id", N_("case"), COLUMN_INTEGER },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "case_type", N_("type"), COLUMN_TEXT },
	{ "monitor_type", N_("monitor type"), COLUMN_TEXT },
	{ "clue", N_("clue"), COLUMN_TEXT },
	{ "clue_on", N_("clue on"), COLUMN_TEXT },
	{ "step", N_("step"), COLUMN_TEXT },
	{ "step_on", N_("step on"), COLUMN_TEXT },
	{ "state", N_("state"), COLUMN_TEXT },
	{ "next_step", N_("next step"), COLUMN_TEXT },
	{ "due_date", N_("due"), COLUMN_TEXT },
};

/*
 * The procedure: each step after the one before it, from the clue that
 * opens a case (case-open) to the county's decision.
 */
static const struct lifecycle_step case_steps[] = {
	{ "home_check", " clue " },
	{ "data_check", " home_check " },
	{ "village_review", " data_check " },
	{ "posting", " village_review " },
	{ "township_review", " posting " },
	{ "decision", " township_review " },
};

const struct lifecycle case_lifecycle = {
	case_steps, sizeof(case_steps) / sizeof(case_steps[0]),
	sizeof(case_steps[0]), "case_step", NULL
};

const char *
case_next_step(const char *step)
{
	for (size_t i = 0; i < case_lifecycle.nsteps; i++)
		if (lifecycle_may_follow(&case_lifecycle,
		    lifecycle_nth(&case_lifecycle, i), NULL, step))
			return lifecycle_nth(&case_lifecycle, i)->step;
	return "";
}

int
case_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err)
{
	static const char *const domains[CASE_OUT_NCOLUMNS] = {
		NULL, NULL, NULL, "case_type", "monitor_type", "case_clue", NULL,
		"case_step", NULL, "case_state", "case_step", NULL
	};

	return writer_store_row(w, s, "SELECT c.id, c.household_id, v.name, "
	    "c.case_type, c.monitor_type, c.clue, c.clue_on, c.step, c.step_on, "
	    "c.state, " CASE_NEXT_STEP_SQL("c.") ", "
	    "CASE WHEN c.state = 'open' THEN " CASE_DUE_SQL("c.") " END "
	    "FROM monitor_case c LEFT JOIN household h ON h.household_id = "
	    "c.household_id LEFT JOIN village v ON v.id = h.village_id "
	    "WHERE c.id = ?", id, domains, labels, err);
}

int
monitor_set_limit(struct store *s, const char *name, long value,
    const char *reason, struct error *err)
{
	static const char *const limits[] = {
		"decision_days", "posting_days", "unfollowed_days", "stable_months"
	};

	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++)
		if (strcmp(limits[i], name) == 0)
			return county_set(s, name, value, reason, NULL, err);
	return error_set(err, EXIT_DATAERR, _("no limit called %s; the limits "
	    "are decision_days, posting_days, unfollowed_days, stable_months"),
	    name);
}

int
monitor_cases_in_use(struct store *s)
{
	struct error ignored;
	sqlite3_stmt *st = store_prepare(s, "SELECT 1 FROM monitor_case LIMIT 1",
	    &ignored);

	return st != NULL && store_step_id(s, st, &ignored) > 0;
}

int
case_audit(struct store *s, long long id, const char *field, const char *old,
    const char *new, struct error *err)
{
	char idtext[24];

	snprintf(idtext, sizeof(idtext), "%lld", id);
	return audit_add(s, "case", idtext, field, old, new, err);
}

int
case_check_list(struct import *im, const struct record *rec, int k,
    const char *domain, const char *text, char *out, size_t size)
{
	const char *p = text, *found[16];
	size_t nfound = 0, len = 0;
	char word[128];
	int bad = 0;

	while (*p != '\0') {
		const char *code;

		p = household_category_next(p, word, sizeof(word));
		if (word[0] == '\0')
			continue;
		if ((code = vocab_code(domain, word)) == NULL) {
			issue_unknown_value(im, rec, k, domain, NULL, word);
			bad = 1;
		} else if (nfound < 16)
			found[nfound++] = code;
	}
	/* the codes in the vocabulary's order, each once */
	out[0] = '\0';
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		int given = 0;

		if (strcmp(e->domain, domain) != 0)
			continue;
		for (size_t i = 0; i < nfound; i++)
			given |= strcmp(found[i], e->code) == 0;
		if (given && len + strlen(e->code) + 2 <= size)
			len += (size_t)snprintf(out + len, size - len, "%s%s",
			    len > 0 ? ";" : "", e->code);
	}
	return bad;
}

int
case_check_code(struct import *im, const struct record *rec, int k,
    const char *domain, const char *text, const char **code)
{
	if (text == NULL)
		return 0;
	if ((*code = vocab_code(domain, text)) != NULL)
		return 0;
	issue_unknown_value(im, rec, k, domain, NULL, text);
	return 1;
}

int
case_check_day(struct import *im, const struct record *rec, int k,
    const char *text, const char *today, char out[11])
{
	if (text == NULL) {
		snprintf(out, 11, "%s", today);
		return 0;
	}
	if (issue_check_date(im, rec, k, text, out))
		return 1;
	if (strcmp(out, today) <= 0)
		return 0;
	import_problem(im, rec, k, _("%s is after today (%s)"), out, today);
	return 1;
}

int
case_household(struct store *s, const char *household, struct case_household *h,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT monitor_type, risk_status, "
	    "categories FROM household WHERE household_id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	memset(h, 0, sizeof(*h));
	sqlite3_bind_text(st, 1, household, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *r = (const char *)sqlite3_column_text(st, 1);

		snprintf(h->monitor_type, sizeof(h->monitor_type), "%s", t ? t : "");
		snprintf(h->risk_status, sizeof(h->risk_status), "%s", r ? r : "");
		snprintf(h->categories, sizeof(h->categories), "%s",
		    (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

int
case_load(struct store *s, const char *sql, long long id, const char *text,
    struct case_row *c, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	int rc;

	if (st == NULL)
		return -1;
	memset(c, 0, sizeof(*c));
	if (text != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char *const out[] = { c->household, c->type, c->clue_on, c->step,
		    c->step_on, c->state, c->posting_until, c->monitor_type,
		    c->risks, c->clue, c->recorder };
		const size_t size[] = { sizeof(c->household), sizeof(c->type),
		    sizeof(c->clue_on), sizeof(c->step), sizeof(c->step_on),
		    sizeof(c->state), sizeof(c->posting_until),
		    sizeof(c->monitor_type), sizeof(c->risks), sizeof(c->clue),
		    sizeof(c->recorder) };

		c->id = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < sizeof(out) / sizeof(out[0]); i++) {
			const char *t = (const char *)sqlite3_column_text(st, (int)i + 1);

			snprintf(out[i], size[i], "%s", t != NULL ? t : "");
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

int
case_by_number(struct import *im, const struct record *rec, int k,
    const char *text, const char *household, int household_k,
    struct case_row *c, struct error *err)
{
	long n;
	int found;

	if (number_parse(text, 1, 2147483647L, &n) != 0) {
		import_problem(im, rec, k, _("not a case number: \"%s\""), text);
		return 1;
	}
	if ((found = case_load(import_store(im), CASE_ROW_SQL "id = ?", n, NULL,
	    c, err)) < 0)
		return -1;
	if (found == 0) {
		import_problem(im, rec, k, _("no case %ld"), n);
		return 1;
	}
	if (household != NULL && strcmp(household, c->household) != 0) {
		import_problem(im, rec, household_k, _("case %lld is household "
		    "%s's, not %s's"), c->id, c->household, household);
		return 1;
	}
	return 0;
}

int
case_for_record(struct import *im, const struct record *rec, int k,
    const char *text, const char *household, long long *id,
    char *household_out, size_t size, struct error *err)
{
	struct case_row c;
	int rc;

	if ((rc = case_by_number(im, rec, k, text, household, k, &c, err)) != 0)
		return rc;
	*id = c.id;
	snprintf(household_out, size, "%s", c.household);
	return 0;
}

/* ---- opening a case ---- */

/* A clue as it is checked. */
struct clue {
	const char *v[CASE_NFIELDS];
	const char *type, *clue, *monitor_type;
	char clue_on[11], risks[256], today[11];
	struct case_household h;
};

/*
 * The household and what it may be opened for: an inclusion of a
 * household not at risk already, an elimination of one at risk.  0, 1
 * when refused (reported), -1 with err set.
 */
static int
check_household(struct import *im, const struct record *rec, struct store *s,
    struct clue *c, struct error *err)
{
	const char *id = c->v[CASE_HOUSEHOLD];
	int found;

	if (id == NULL) {
		import_problem(im, rec, CASE_HOUSEHOLD, _("missing; which household?"));
		return 1;
	}
	if ((found = case_household(s, id, &c->h, err)) < 0)
		return -1;
	if (found == 0) {
		import_problem(im, rec, CASE_HOUSEHOLD, _("no household %s"), id);
		return 1;
	}
	if (c->type == NULL)
		return 0;
	if (strcmp(c->type, "inclusion") == 0 &&
	    strcmp(c->h.risk_status, "at_risk") == 0) {
		import_problem(im, rec, CASE_HOUSEHOLD, _("household %s is monitored "
		    "already, its risk not eliminated; open a risk elimination "
		    "instead"), id);
		return 1;
	}
	if (strcmp(c->type, "elimination") == 0 &&
	    strcmp(c->h.risk_status, "at_risk") != 0) {
		import_problem(im, rec, CASE_HOUSEHOLD, _("household %s is not a "
		    "monitored household at risk; there is no risk to eliminate"), id);
		return 1;
	}
	return 0;
}

/* The codes and dates of the clue into c; 1 when one is bad (reported). */
static int
check_clue(struct import *im, const struct record *rec, struct clue *c)
{
	const char *const *v = c->v;
	int bad = 0;

	c->type = "inclusion";
	bad |= case_check_code(im, rec, CASE_TYPE, "case_type", v[CASE_TYPE],
	    &c->type);
	if (v[CASE_CLUE] == NULL) {
		char clues[512];

		import_problem(im, rec, CASE_CLUE, _("missing; say where the clue "
		    "came from: %s"), vocab_describe("case_clue", clues, sizeof(clues)));
		bad = 1;
	} else
		bad |= case_check_code(im, rec, CASE_CLUE, "case_clue", v[CASE_CLUE],
		    &c->clue);
	if (v[CASE_CLUE_ON] == NULL) {
		import_problem(im, rec, CASE_CLUE_ON, _("missing; when did the clue "
		    "come?"));
		bad = 1;
	} else
		bad |= case_check_day(im, rec, CASE_CLUE_ON, v[CASE_CLUE_ON],
		    c->today, c->clue_on);
	bad |= case_check_code(im, rec, CASE_MONITOR_TYPE, "monitor_type",
	    v[CASE_MONITOR_TYPE], &c->monitor_type);
	if (v[CASE_RISKS] != NULL)
		bad |= case_check_list(im, rec, CASE_RISKS, "monitor_risk",
		    v[CASE_RISKS], c->risks, sizeof(c->risks));
	if (bad)
		c->type = NULL;
	if (!bad && strcmp(c->type, "elimination") == 0 &&
	    (v[CASE_MONITOR_TYPE] != NULL || v[CASE_RISKS] != NULL)) {
		import_problem(im, rec, v[CASE_RISKS] != NULL ? CASE_RISKS :
		    CASE_MONITOR_TYPE, _("a monitor type and risks go with an "
		    "inclusion, not a risk elimination"));
		bad = 1;
	}
	return bad;
}

/*
 * The case the clue is already (the same household, type and date):
 * counted unchanged, or differ when it says otherwise (2); a
 * household's other open case refuses it (1, reported).  0 to open it,
 * -1 with err set.
 */
static int
check_existing(struct import *im, const struct record *rec, struct store *s,
    const struct clue *c, struct error *err)
{
	struct case_row row;
	sqlite3_stmt *st;
	int found;

	if ((st = store_prepare(s, "SELECT id FROM monitor_case WHERE "
	    "household_id = ? AND case_type = ? AND clue_on = ?", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, c->v[CASE_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->clue_on, -1, SQLITE_STATIC);
	long long id = store_step_id(s, st, err);

	if (id < 0)
		return -1;
	if (id > 0) {
		if ((found = case_load(s, CASE_ROW_SQL "id = ?", id, NULL, &row,
		    err)) < 0)
			return -1;
		if (strcmp(row.clue, c->clue) == 0 && (c->monitor_type == NULL ||
		    strcmp(row.monitor_type, c->monitor_type) == 0) &&
		    (c->v[CASE_RISKS] == NULL || strcmp(row.risks, c->risks) == 0))
			import_stats(im)->unchanged++;
		else
			import_stats(im)->differ++;
		return 2;
	}
	if ((found = case_load(s, CASE_ROW_SQL "household_id = ? AND "
	    "state = 'open'", 0, c->v[CASE_HOUSEHOLD], &row, err)) < 0)
		return -1;
	if (found) {
		import_problem(im, rec, CASE_HOUSEHOLD, _("household %s has case %lld "
		    "open already (%s, opened %s); a household has one open case "
		    "at a time"), c->v[CASE_HOUSEHOLD], row.id,
		    vocab_label("case_type", row.type), row.clue_on);
		return 1;
	}
	return 0;
}

/* Write the case and audit its opening; its id, or -1 with err set. */
static long long
open_case(struct store *s, const struct clue *c, const char *recorder,
    struct error *err)
{
	sqlite3_stmt *st;
	char what[512];
	long long id;
	int rc;

	if ((st = store_prepare(s, "INSERT INTO monitor_case (household_id, "
	    "case_type, clue, clue_on, detail, monitor_type, risks, recorder, "
	    "step_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?4, ?9, ?9)", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, c->v[CASE_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->clue, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->clue_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->v[CASE_DETAIL], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->monitor_type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, c->risks, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, recorder, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	id = sqlite3_last_insert_rowid(s->db);
	snprintf(what, sizeof(what), "%s %s %s %s %s", c->v[CASE_HOUSEHOLD],
	    c->type, c->clue, c->clue_on, recorder);
	if (case_audit(s, id, "opened", NULL, what, err) != 0)
		return -1;
	return id;
}

static int
open_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct store *s = import_store(im);
	struct clue c = { 0 };
	const char *recorder;
	long long id;
	int bad, rc;

	(void)context;
	recorder = lifecycle_record_start(im, rec, c.v, CASE_NFIELDS,
	    CASE_RECORDER, c.today);
	bad = check_clue(im, rec, &c);
	if ((rc = check_household(im, rec, s, &c, err)) < 0)
		return -1;
	if (bad || rc)
		return 1;
	if ((rc = check_existing(im, rec, s, &c, err)) != 0)
		return rc == 2 ? 0 : rc;
	if ((id = open_case(s, &c, recorder, err)) < 0)
		return -1;
	import_stats(im)->added++;
	return lifecycle_touched(im, id, err);
}

const struct import_kind case_open_kind = {
	case_fields, CASE_NFIELDS, open_row, NULL, NULL, 0,
	.entity = "case",
};
