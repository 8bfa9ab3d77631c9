/* monitor_step.c -- case-step: the steps of a monitoring case in their order, the decision and its effects */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "county.h"
#include "household_check.h"
#include "issue_parts.h"
#include "monitor_case.h"
#include "monitor_parts.h"
#include "text.h"
#include "vocab.h"

const struct field_spec case_step_fields[STEP_NFIELDS] = {
	{ "case_id", "案件编号|案件|case" },
	{ "household_id", "户编号|户号" },
	{ "step", "步骤|环节|程序" },
	{ "date", "日期|办理日期" },
	{ "who", "经办人|办理人|签字人" },
	{ "result", "结果|结论|审定结果" },
	{ "reason", "原因|理由" },
	{ "housing", "看房|看住房|住房情况" },
	{ "food", "看粮|看吃穿|吃穿情况" },
	{ "labour", "看劳动力|劳动力情况" },
	{ "income", "问收入|收入情况" },
	{ "expenses", "问支出|支出情况" },
	{ "judgement", "一判断|判断|综合判断" },
	{ "consent", "承诺授权|授权|签字授权" },
	{ "monitor_type", "监测类型" },
	{ "risks", "风险类型|返贫致贫风险|风险" },
	{ "answers", "比对结果|部门比对结果" },
	{ "days", "公示天数|天数" },
	{ "objections", "异议|异议情况" },
	{ "notes", "备注|说明" },
};

/* The step each field of a step record belongs to (NULL: any step). */
static const char *const field_step[STEP_NFIELDS] = {
	[STEP_HOUSING] = "home_check", [STEP_FOOD] = "home_check",
	[STEP_LABOUR] = "home_check", [STEP_INCOME] = "home_check",
	[STEP_EXPENSES] = "home_check", [STEP_JUDGEMENT] = "home_check",
	[STEP_CONSENT] = "home_check", [STEP_MONITOR_TYPE] = "home_check",
	[STEP_RISKS] = "home_check", [STEP_ANSWERS] = "data_check",
	[STEP_DAYS] = "posting", [STEP_OBJECTIONS] = "posting",
};

/* A step record as it is checked and applied. */
struct step {
	const char *v[STEP_NFIELDS];
	struct case_row c;
	const char *step, *result, *monitor_type, *consent;
	const char *who;
	char date[11], today[11], risks[256], posting_until[11];
	long days;
};

/* ---- checking ---- */

/*
 * The case the record names by its number, or by its household (the
 * household's open case, else its latest), into u->c.  0, 1 when there
 * is none (reported), -1 with err set.
 */
static int
find_case(struct import *im, const struct record *rec, struct store *s,
    struct step *u, struct error *err)
{
	const char *id = u->v[STEP_CASE], *household = u->v[STEP_HOUSEHOLD];
	int found;

	if (id == NULL && household == NULL) {
		import_problem(im, rec, STEP_CASE, _("missing; which case? give its "
		    "number or the household's"));
		return 1;
	}
	if (id != NULL)
		return case_by_number(im, rec, STEP_CASE, id, household,
		    STEP_HOUSEHOLD, &u->c, err);
	if ((found = case_load(s, CASE_ROW_SQL "household_id = ? ORDER BY "
	    "state = 'open' DESC, id DESC LIMIT 1", 0, household, &u->c,
	    err)) == 0)
		import_problem(im, rec, STEP_HOUSEHOLD, _("household %s has no "
		    "case; open one with case-open"), household);
	return found < 0 ? -1 : found == 0;
}

/* The step, result and codes into u; 1 when one is bad (reported). */
static int
check_codes(struct import *im, const struct record *rec, struct step *u)
{
	const char *const *v = u->v;
	int bad = 0;

	if (v[STEP_STEP] == NULL) {
		import_problem(im, rec, STEP_STEP, _("missing; which step?"));
		bad = 1;
	} else
		bad |= case_check_code(im, rec, STEP_STEP, "case_step", v[STEP_STEP],
		    &u->step);
	if (u->step != NULL && strcmp(u->step, "clue") == 0) {
		import_problem(im, rec, STEP_STEP, _("a clue opens a case: case-open"));
		bad = 1;
	}
	bad |= case_check_code(im, rec, STEP_RESULT, "case_result",
	    v[STEP_RESULT], &u->result);
	bad |= case_check_code(im, rec, STEP_MONITOR_TYPE, "monitor_type",
	    v[STEP_MONITOR_TYPE], &u->monitor_type);
	bad |= case_check_code(im, rec, STEP_CONSENT, "yes_no", v[STEP_CONSENT],
	    &u->consent);
	if (v[STEP_RISKS] != NULL)
		bad |= case_check_list(im, rec, STEP_RISKS, "monitor_risk",
		    v[STEP_RISKS], u->risks, sizeof(u->risks));
	bad |= case_check_day(im, rec, STEP_DATE, v[STEP_DATE], u->today,
	    u->date);
	if (v[STEP_DAYS] != NULL && number_parse(v[STEP_DAYS], 1, 365, &u->days)) {
		import_problem(im, rec, STEP_DAYS, _("not a number of days from 1 "
		    "to 365"));
		bad = 1;
	}
	return bad;
}

/*
 * The step recorded already: the same again is unchanged (2); another
 * is refused (1, reported).  0 when it is not recorded, -1 with err set.
 */
static int
check_recorded(struct import *im, const struct record *rec, struct store *s,
    const struct step *u, struct error *err)
{
	sqlite3_stmt *st;
	int rc, same = 0;
	char on[11] = "", who[128] = "";

	if ((st = store_prepare(s, "SELECT done_on, who, result FROM "
	    "monitor_case_step WHERE case_id = ? AND step = ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->c.id);
	sqlite3_bind_text(st, 2, u->step, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *result = (const char *)sqlite3_column_text(st, 2);

		snprintf(on, sizeof(on), "%s", sqlite3_column_text(st, 0));
		snprintf(who, sizeof(who), "%s", sqlite3_column_text(st, 1));
		same = strcmp(on, u->date) == 0 && (u->result == NULL ||
		    strcmp(result, u->result) == 0);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return store_error(s, rc, err);
	if (same)
		return 2;
	import_problem(im, rec, STEP_STEP, _("case %lld: the %s was recorded "
	    "already, on %s by %s; a step is recorded once"), u->c.id,
	    vocab_label("case_step", u->step), on, who);
	return 1;
}

/*
 * The case open, the step the next one, dated no earlier than the
 * last, the fields the step's own.  1 when not (reported).
 */
static int
check_order(struct import *im, const struct record *rec, const struct step *u)
{
	const struct case_row *c = &u->c;
	const struct lifecycle_step *step = lifecycle_find(&case_lifecycle,
	    u->step);
	char next[256];
	int bad = 0;

	if (strcmp(c->state, "open") != 0) {
		import_problem(im, rec, STEP_STEP, _("case %lld is closed (%s, at the "
		    "%s of %s); it takes no more steps"), c->id,
		    vocab_label("case_state", c->state),
		    vocab_label("case_step", c->step), c->step_on);
		return 1;
	}
	if (step == NULL || !lifecycle_may_follow(&case_lifecycle, step, NULL,
	    c->step)) {
		lifecycle_next(&case_lifecycle, NULL, c->step, next, sizeof(next));
		import_problem(im, rec, STEP_STEP, _("case %lld is at the %s (%s); "
		    "its next step is %s, not the %s"), c->id,
		    vocab_label("case_step", c->step), c->step_on, next,
		    vocab_label("case_step", u->step));
		return 1;
	}
	if (strcmp(u->date, c->step_on) < 0) {
		import_problem(im, rec, STEP_DATE, _("%s is before the %s of case "
		    "%lld (%s)"), u->date, vocab_label("case_step", c->step), c->id,
		    c->step_on);
		bad = 1;
	}
	bad |= lifecycle_check_fields(&case_lifecycle, im, rec, u->v, field_step,
	    STEP_NFIELDS, u->step);
	return bad;
}

/*
 * The result the step may have: the decision approves or rejects, the
 * other steps pass or find the household not eligible; a rejection or
 * a finding of not eligible says why.  1 when not (reported).
 */
static int
check_result(struct import *im, const struct record *rec, struct step *u)
{
	int decision = strcmp(u->step, "decision") == 0;

	if (u->result == NULL && decision) {
		import_problem(im, rec, STEP_RESULT, _("missing; the county's "
		    "decision is approved or rejected"));
		return 1;
	}
	if (u->result == NULL)
		u->result = "passed";
	if (decision != (strcmp(u->result, "approved") == 0 ||
	    strcmp(u->result, "rejected") == 0)) {
		import_problem(im, rec, STEP_RESULT, decision ? _("the county's "
		    "decision is approved or rejected, not %s") : _("only the "
		    "county's decision approves or rejects; the %s is passed or "
		    "not_eligible, not %s"), decision ? u->result :
		    vocab_label("case_step", u->step), u->result);
		return 1;
	}
	if ((strcmp(u->result, "rejected") == 0 ||
	    strcmp(u->result, "not_eligible") == 0) && u->v[STEP_REASON] == NULL) {
		import_problem(im, rec, STEP_REASON, _("missing; say why the case "
		    "ends %s"), vocab_label("case_result", u->result));
		return 1;
	}
	return 0;
}

/*
 * The home check passed: the household's signed consent, the findings
 * of 三看两问一判断, and for an inclusion the monitor type and the risks
 * (given here or at the clue).  1 when one is missing (reported).
 */
static int
check_home(struct import *im, const struct record *rec, const struct step *u)
{
	static const int findings[] = { STEP_HOUSING, STEP_FOOD, STEP_LABOUR,
	    STEP_INCOME, STEP_EXPENSES, STEP_JUDGEMENT };
	int bad = 0;

	if (u->consent == NULL || strcmp(u->consent, "yes") != 0) {
		import_problem(im, rec, STEP_CONSENT, _("the home check needs the "
		    "household's signed consent to the data checks"));
		bad = 1;
	}
	for (size_t i = 0; i < sizeof(findings) / sizeof(findings[0]); i++)
		if (u->v[findings[i]] == NULL) {
			import_problem(im, rec, findings[i], _("missing; the home check "
			    "records what its three looks and two questions found "
			    "and its judgement: housing, food, labour, income, expenses "
			    "and the judgement"));
			bad = 1;
		}
	if (strcmp(u->c.type, "inclusion") != 0)
		return bad;
	if (u->monitor_type == NULL && u->c.monitor_type[0] == '\0') {
		import_problem(im, rec, STEP_MONITOR_TYPE, _("missing; an "
		    "inclusion's home check names the monitor type"));
		bad = 1;
	}
	if (u->v[STEP_RISKS] == NULL && u->c.risks[0] == '\0') {
		import_problem(im, rec, STEP_RISKS, _("missing; an inclusion's "
		    "home check names the risks found"));
		bad = 1;
	}
	return bad;
}

/*
 * What the step itself needs: the home check its consent and findings,
 * the cross-check the departments' answers, the posting its days (no
 * fewer than the county's minimum) and objections, the decision a
 * posting that has ended, an approved elimination its condition.
 * 0, 1 when refused (reported), -1 with err set.
 */
static int
check_content(struct import *im, const struct record *rec, struct store *s,
    struct step *u, struct error *err)
{
	int passed = strcmp(u->result, "passed") == 0;
	char why[1024];
	long min;
	int ok;

	if (strcmp(u->step, "home_check") == 0 && passed)
		return check_home(im, rec, u);
	if (strcmp(u->step, "data_check") == 0 && passed &&
	    u->v[STEP_ANSWERS] == NULL) {
		import_problem(im, rec, STEP_ANSWERS, _("missing; the cross-check "
		    "records the departments' answers"));
		return 1;
	}
	if (strcmp(u->step, "posting") == 0) {
		if (county_get(s, "posting_days", &min, err) != 0)
			return -1;
		if (u->v[STEP_DAYS] == NULL)
			u->days = min;
		if (u->days < min) {
			import_problem(im, rec, STEP_DAYS, _("a posting of %ld days is "
			    "shorter than the county's minimum of %ld"), u->days, min);
			return 1;
		}
		if (u->v[STEP_OBJECTIONS] == NULL) {
			import_problem(im, rec, STEP_OBJECTIONS, _("missing; record the "
			    "objections raised during the posting, or that there were "
			    "none"));
			return 1;
		}
		date_from_days(date_to_days(u->date) + u->days - 1, u->posting_until);
	}
	if (strcmp(u->step, "decision") != 0)
		return 0;
	if (strcmp(u->date, u->c.posting_until) <= 0) {
		char from[11];

		date_from_days(date_to_days(u->c.posting_until) + 1, from);
		import_problem(im, rec, STEP_DATE, _("the posting of case %lld runs "
		    "until %s; the county decides from %s"), u->c.id,
		    u->c.posting_until, from);
		return 1;
	}
	if (strcmp(u->result, "approved") != 0 ||
	    strcmp(u->c.type, "elimination") != 0)
		return 0;
	if ((ok = monitor_elimination_check(s, u->c.household, u->date, why,
	    sizeof(why), err)) < 0)
		return -1;
	if (!ok)
		import_problem(im, rec, STEP_RESULT, _("case %lld: the risk cannot be "
		    "eliminated: %s"), u->c.id, why);
	return !ok;
}

/* ---- the condition of a risk elimination ---- */

/* The checks a stable visit answers yes (or not applicable). */
static const char *const stable_checks[] = {
	"income_stable", "food_clothing", "education", "medical", "housing"
};

/* Append to why what the visits of household on day fail; 1 if any does, -1 on error. */
static int
unstable_day(struct store *s, const char *household, const char *day,
    struct buf *why, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT income_stable, "
	    "food_clothing, education, medical, housing FROM visit WHERE "
	    "household_id = ? AND visit_date = ? ORDER BY id", err);
	int rc, failed = 0;
	unsigned missing = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, household, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < 5; i++) {
			const char *a = (const char *)sqlite3_column_text(st, i);

			if (a == NULL || strcmp(a, "no") == 0 ||
			    (i == 0 && strcmp(a, "yes") != 0))
				missing |= 1u << i;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	for (int i = 0; i < 5; i++) {
		if ((missing & (1u << i)) == 0)
			continue;
		if (!failed) {
			if (why->len > 0)
				buf_puts(why, "; ");
			buf_puts(why, day);
			buf_puts(why, _(": not yes: "));
		} else
			buf_puts(why, ", ");
		buf_puts(why, stable_checks[i]);
		failed = 1;
	}
	return failed;
}

int
monitor_elimination_check(struct store *s, const char *household,
    const char *day, char *why, size_t size, struct error *err)
{
	sqlite3_stmt *st;
	char days[2][11], apart[2][11];
	struct buf b = { 0 };
	long months;
	int n = 0, rc, ok = 0;

	if (county_get(s, "stable_months", &months, err) != 0)
		return -1;
	/* the last two days visited, each with the day months later */
	if ((st = store_prepare(s, "SELECT d, date(d, '+' || ?3 || ' months') "
	    "FROM (SELECT DISTINCT visit_date AS d FROM visit WHERE "
	    "household_id = ?1 AND visit_date <= ?2 ORDER BY d DESC LIMIT 2)",
	    err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, household, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, months);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(days[n], sizeof(days[0]), "%s", sqlite3_column_text(st, 0));
		snprintf(apart[n++], sizeof(apart[0]), "%s",
		    sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (n < 2) {
		snprintf(why, size, _("household %s has %d visit days on record by %s; "
		    "it needs two visits at least %ld months apart, with a stable "
		    "income and food, clothing, schooling, medical care, "
		    "housing and drinking water secured"), household, n, day, months);
		return 0;
	}
	/* the earlier day moved on by the months: no later than the latest */
	if (strcmp(apart[1], days[0]) > 0) {
		snprintf(why, size, _("the last two visits of household %s, %s and "
		    "%s, are less than %ld months apart: no stable second visit"),
		    household, days[1], days[0], months);
		return 0;
	}
	for (int i = 1; i >= 0; i--)
		if ((rc = unstable_day(s, household, days[i], &b, err)) < 0) {
			buf_free(&b);
			return -1;
		}
	if (b.len == 0)
		ok = 1;
	else
		snprintf(why, size, _("the last two visits of household %s do not "
		    "find it stable: %s"), household, b.data);
	buf_free(&b);
	return ok;
}

/* ---- applying ---- */

/* The categories codes with "monitored" added (and "ordinary" gone), in the vocabulary's order. */
static void
add_monitored(const char *categories, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		char word[64];
		int has = strcmp(e->code, "monitored") == 0;

		if (strcmp(e->domain, "category") != 0 ||
		    strcmp(e->code, "ordinary") == 0)
			continue;
		for (const char *p = categories; !has && *p != '\0';) {
			p = household_category_next(p, word, sizeof(word));
			has = strcmp(word, e->code) == 0;
		}
		if (has && len + strlen(e->code) + 2 <= size)
			len += (size_t)snprintf(out + len, size - len, "%s%s",
			    len > 0 ? ";" : "", e->code);
	}
}

/*
 * Set the household's fields cols[i] = vals[i] where they differ, each
 * audited under the household, with the case that changed them.  0, or
 * -1 with err set.
 */
static int
set_household(struct store *s, const struct step *u, const char *const *cols,
    const char *const *olds, const char *const *vals, size_t n,
    struct error *err)
{
	char why[128];

	for (size_t i = 0; i < n; i++) {
		char sql[128];
		sqlite3_stmt *st;
		int rc;

		if (olds[i] != NULL && strcmp(olds[i], vals[i]) == 0)
			continue;
		snprintf(sql, sizeof(sql), "UPDATE household SET %s = ?, "
		    "updated_at = ? WHERE household_id = ?", cols[i]);
		if ((st = store_prepare(s, sql, err)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, vals[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, s->now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, u->c.household, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		if (audit_add(s, "household", u->c.household, cols[i],
		    olds[i] != NULL && olds[i][0] != '\0' ? olds[i] : NULL, vals[i],
		    err) != 0)
			return -1;
	}
	snprintf(why, sizeof(why), "case %lld %s %s", u->c.id, u->c.type, u->date);
	return audit_add(s, "household", u->c.household, "case", NULL, why, err);
}

/*
 * An approved case's effect on its household from the decision's
 * date: an inclusion makes it monitored, of the case's monitor type,
 * at risk; an elimination ends its risk.  0, or -1 with err set.
 */
static int
apply_effect(struct store *s, const struct step *u, struct error *err)
{
	static const char *const include[] = { "categories", "monitor_type",
	    "risk_status" };
	static const char *const eliminate[] = { "risk_status" };
	struct case_household h;
	char categories[256];
	const char *olds[3], *vals[3];

	if (strcmp(u->result, "approved") != 0)
		return 0;
	if (case_household(s, u->c.household, &h, err) < 0)
		return -1;
	olds[0] = h.categories;
	olds[1] = h.monitor_type;
	olds[2] = h.risk_status;
	if (strcmp(u->c.type, "elimination") == 0) {
		vals[0] = "risk_eliminated";
		return set_household(s, u, eliminate, olds + 2, vals, 1, err);
	}
	add_monitored(h.categories, categories, sizeof(categories));
	vals[0] = categories;
	vals[1] = u->c.monitor_type;
	vals[2] = "at_risk";
	return set_household(s, u, include, olds, vals, 3, err);
}

/* Write the step's row. */
static int
insert_step(struct store *s, const struct step *u, struct error *err)
{
	static const int text[] = { STEP_REASON, STEP_HOUSING, STEP_FOOD,
	    STEP_LABOUR, STEP_INCOME, STEP_EXPENSES, STEP_JUDGEMENT,
	    STEP_ANSWERS, STEP_OBJECTIONS, STEP_NOTES };
	sqlite3_stmt *st;
	int rc, p = 6;

	if ((st = store_prepare(s, "INSERT INTO monitor_case_step (case_id, "
	    "step, done_on, who, result, consent, reason, housing, food, labour, "
	    "income, expenses, judgement, answers, objections, notes, "
	    "posting_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?)", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->c.id);
	sqlite3_bind_text(st, 2, u->step, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, u->result, -1, SQLITE_STATIC);
	if (u->consent != NULL)
		sqlite3_bind_int(st, p, strcmp(u->consent, "yes") == 0);
	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		sqlite3_bind_text(st, ++p, u->v[text[i]], -1, SQLITE_STATIC);
	if (strcmp(u->step, "posting") == 0)
		sqlite3_bind_int64(st, ++p, u->days);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* The case moved on: its step, state, posting, decision, monitor type and risks. */
static int
update_case(struct store *s, const struct step *u, struct error *err)
{
	const char *state = strcmp(u->result, "passed") == 0 ? "open" : u->result;
	int ends = strcmp(state, "open") != 0;
	sqlite3_stmt *st;
	char what[512];
	int rc;

	if ((st = store_prepare(s, "UPDATE monitor_case SET step = ?1, "
	    "step_on = ?2, state = ?3, posting_until = coalesce(?4, "
	    "posting_until), decided_on = ?5, reason = ?6, monitor_type = "
	    "coalesce(?7, monitor_type), risks = coalesce(?8, risks), "
	    "updated_at = ?9 WHERE id = ?10", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, u->step, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, state, -1, SQLITE_STATIC);
	if (u->posting_until[0] != '\0')
		sqlite3_bind_text(st, 4, u->posting_until, -1, SQLITE_STATIC);
	if (ends)
		sqlite3_bind_text(st, 5, u->date, -1, SQLITE_STATIC);
	if (ends)
		sqlite3_bind_text(st, 6, u->v[STEP_REASON], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, u->monitor_type, -1, SQLITE_STATIC);
	if (u->v[STEP_RISKS] != NULL)
		sqlite3_bind_text(st, 8, u->risks, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, u->c.id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(what, sizeof(what), "%s %s %s", u->date, u->who, u->result);
	if (case_audit(s, u->c.id, u->step, NULL, what, err) != 0 ||
	    (ends && case_audit(s, u->c.id, "state", "open", state, err) != 0) ||
	    (u->v[STEP_REASON] != NULL && case_audit(s, u->c.id, "reason", NULL,
	    u->v[STEP_REASON], err) != 0) ||
	    (u->monitor_type != NULL && strcmp(u->monitor_type,
	    u->c.monitor_type) != 0 && case_audit(s, u->c.id, "monitor_type",
	    u->c.monitor_type[0] ? u->c.monitor_type : NULL, u->monitor_type,
	    err) != 0) ||
	    (u->v[STEP_RISKS] != NULL && strcmp(u->risks, u->c.risks) != 0 &&
	    case_audit(s, u->c.id, "risks", u->c.risks[0] ? u->c.risks : NULL,
	    u->risks, err) != 0))
		return -1;
	return 0;
}

/*
 * One step record: the case found, everything checked first (every
 * problem reported), then the step written, the case moved on, and an
 * approved case's effect on its household, all audited.
 */
static int
step_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct store *s = import_store(im);
	struct step u = { 0 };
	int bad, rc;

	(void)context;
	u.who = lifecycle_record_start(im, rec, u.v, STEP_NFIELDS, STEP_WHO,
	    u.today);
	if ((rc = find_case(im, rec, s, &u, err)) != 0)
		return rc;
	if ((bad = check_codes(im, rec, &u)) != 0)
		return 1;
	if ((rc = check_recorded(im, rec, s, &u, err)) == 2) {
		import_stats(im)->unchanged++;
		return 0;
	}
	if (rc != 0)
		return rc;
	if (check_order(im, rec, &u) || check_result(im, rec, &u))
		return 1;
	if ((rc = check_content(im, rec, s, &u, err)) != 0)
		return rc;
	if (insert_step(s, &u, err) != 0 || update_case(s, &u, err) != 0 ||
	    (strcmp(u.step, "decision") == 0 && apply_effect(s, &u, err) != 0))
		return -1;
	import_stats(im)->updated++;
	return lifecycle_touched(im, u.c.id, err);
}

const struct import_kind case_step_kind = {
	case_step_fields, STEP_NFIELDS, step_row, NULL, NULL, 0,
	.entity = "case",
};
