/* support.c -- assistance to a person: checked against the county's rules, imported, merged */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "county.h"
#include "household_check.h"
#include "member.h"
#include "merge.h"
#include "monitor_case.h"
#include "support.h"
#include "text.h"
#include "vocab.h"

const struct field_spec support_fields[SUPPORT_NFIELDS] = {
	{ "kind", "类型|帮扶类型|措施类型|帮扶措施" },
	{ "id_number", "身份证号|身份证号码|证件号码|公民身份号码" },
	{ "start_date", "开始日期|上岗日期|上岗时间|意愿日期|意愿登记日期|登记日期" },
	{ "title", "岗位|岗位名称|公益性岗位|用途|贷款用途|工种|地块|地块名称" },
	{ "provider", "用工单位|聘用单位|单位|银行|贷款银行|放贷银行|"
	    "产业园|流转给|流入方|受让方" },
	{ "end_date", "结束日期|离岗日期|到期日期" },
	{ "amount", "月工资|月薪|工资|月收入|金额|贷款金额|年租金|流转费" },
	{ "term_months", "期限|贷款期限|期限(月)" },
	{ "status", "状态|贷款状态|进度" },
	{ "sent_on", "提交银行日期|报送日期|提交日期" },
	{ "decided_on", "审批日期|放贷日期|办结日期|撤回日期" },
	{ "area_mu", "面积|流转面积|面积(亩)|亩数" },
	{ "owner", "责任人|帮扶干部|负责人" },
	{ "case_id", "监测案件|案件编号|案件" },
	{ "override", "例外理由|特殊情况说明" },
};

/* The store's column of each field; NULL for those that are not merged. */
static const char *const support_column[SUPPORT_NFIELDS] = {
	NULL, NULL, NULL, "title", "provider", "end_date", "amount",
	"term_months", "status", "sent_on", "decided_on", "area_mu", "owner",
	"monitor_case_id", NULL
};

/* The county's settings the rules read (county.h), in this order. */
enum support_limit {
	POST_MIN_AGE, JOB_MIN_AGE, LOAN_MIN_AGE, LOAN_MAX_AGE, LOAN_MAX_AMOUNT,
	LOAN_MAX_MONTHS, SUPPORT_NLIMITS
};
static const char *const limit_name[SUPPORT_NLIMITS] = {
	"post_min_age", "job_min_age", "loan_min_age", "loan_max_age",
	"loan_max_amount", "loan_max_months"
};

/*
 * The rules a record may break on purpose, with a written reason: code,
 * what it says, and the settings its text gives (-1: none).
 */
static const struct {
	const char *code, *text;
	int a, b;
} support_rules[] = {
	{ "post_household", N_("the household is lifted, or monitored with its "
	    "risk not eliminated"), -1, -1 },
	{ "post_age", N_("%ld or older on the first day"), POST_MIN_AGE, -1 },
	{ "post_one", N_("one post per person at a time"), -1, -1 },
	{ "post_cadre_relative", N_("no relative of a village cadre"), -1, -1 },
	{ "job_age", N_("%ld or older on the first day"), JOB_MIN_AGE, -1 },
	{ "loan_age", N_("%ld to %ld on the day the wish was recorded"),
	  LOAN_MIN_AGE, LOAN_MAX_AGE },
	{ "loan_household", N_("the household is lifted or marginal"), -1, -1 },
	{ "loan_amount", N_("at most %ld yuan"), LOAN_MAX_AMOUNT, -1 },
	{ "loan_term", N_("at most %ld months"), LOAN_MAX_MONTHS, -1 },
};

/* What the rule code says with the county's limit[], in the user's language, into out[size]. */
static const char *
rule_text(const char *code, const long *limit, char *out, size_t size)
{
	for (size_t i = 0; i < sizeof(support_rules) / sizeof(support_rules[0]); i++) {
		int a = support_rules[i].a, b = support_rules[i].b;

		if (strcmp(support_rules[i].code, code) != 0)
			continue;
		if (a < 0)
			return _(support_rules[i].text);
		snprintf(out, size, _(support_rules[i].text), limit[a],
		    b >= 0 ? limit[b] : 0L);
		return out;
	}
	return code;
}

/* A record as checked, every value normalised; NULL when not given. */
struct support {
	const char *value[SUPPORT_NFIELDS];
	char id_number[IMPORT_ID_NUMBER_SIZE];
	char start[11], end[11], sent_on[11], decided_on[11];
	char area[32];		/* mu, to two decimals */
	char case_id[24];	/* the case's number, as stored */
};

/* The person of a record, as the store knows them. */
struct person {
	char birth[11];
	int cadre_relative;
	int lifted, monitored, marginal, risk_eliminated;
};

/* Per-import state: statements prepared once. */
struct support_import {
	sqlite3_stmt *insert, *find, *person, *posts, *override, *household;
	struct merge merge;
	long limit[SUPPORT_NLIMITS];	/* the county's settings, read once */
};

/* amount, term_months and the case are stored as integers, the area as a number. */
static void
support_bind(sqlite3_stmt *st, int p, size_t k, const char *value)
{
	if ((k == SUPPORT_AMOUNT || k == SUPPORT_TERM || k == SUPPORT_CASE) &&
	    value != NULL)
		sqlite3_bind_int64(st, p, strtoll(value, NULL, 10));
	else if (k == SUPPORT_AREA && value != NULL)
		sqlite3_bind_double(st, p, strtod(value, NULL));
	else
		sqlite3_bind_text(st, p, value, -1, SQLITE_STATIC);
}

static int
support_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	(void)context;
	(void)err;
	import_problem(im, rec, -1, _("the same assistance (kind, person and "
	    "first day) is already on %s"), sqlite3_column_text(row,
	    SUPPORT_NFIELDS));
	return 1;
}

/* A record given again: what it says of the post or loan may be updated. */
static const struct merge_rule support_merge = {
	.entity = "support", .table = "support", .specs = support_fields,
	.first = SUPPORT_TITLE, .nfields = SUPPORT_OVERRIDE,
	.column = support_column, .stamped = 1, .again = support_again,
	.bind = support_bind,
};

static int
prepare(struct support_import *si, struct store *s, struct error *err)
{
	if (si->insert != NULL)
		return 0;
	si->insert = store_prepare(s, "INSERT INTO support (kind, id_number, "
	    "start_date, title, provider, end_date, amount, term_months, status, "
	    "sent_on, decided_on, area_mu, owner, monitor_case_id, created_at, "
	    "updated_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?)",
	    err);
	/* column k the stored value of field k, then where it was read */
	si->find = store_prepare(s, "SELECT id, NULL, NULL, title, provider, "
	    "end_date, CAST(amount AS TEXT), CAST(term_months AS TEXT), status, "
	    "sent_on, decided_on, printf('%.2f', area_mu), owner, "
	    "CAST(monitor_case_id AS TEXT), NULL, source FROM support WHERE kind = ?1 AND "
	    "id_number = ?2 AND start_date = ?3 AND (kind <> 'land' OR "
	    "title = ?4)", err);
	si->person = store_prepare(s, "SELECT m.birth_date, "
	    "coalesce(m.cadre_relative, 0), instr(';' || h.categories || ';', "
	    "';lifted;') > 0, instr(';' || h.categories || ';', ';monitored;') "
	    "> 0, h.monitor_type IS 'marginal', h.risk_status IS "
	    "'risk_eliminated' FROM member m JOIN household h ON h.household_id "
	    "= m.household_id WHERE m.id_number = ?", err);
	/*
	 * another record of kind ?5 of the person over any day of [?2, ?3
	 * or ever), not ?4; of the title ?6 when it is not NULL
	 */
	si->posts = store_prepare(s, "SELECT start_date FROM support WHERE "
	    "kind = ?5 AND id_number = ?1 AND (?6 IS NULL OR title = ?6) AND "
	    "(?3 IS NULL OR start_date <= ?3) AND (end_date IS NULL OR "
	    "end_date >= ?2) AND id IS NOT ?4 ORDER BY start_date LIMIT 1", err);
	si->override = store_prepare(s, "INSERT INTO support_override "
	    "(support_id, rule, reason, who, at) VALUES (?, ?, ?, ?, ?)", err);
	si->household = store_prepare(s, "SELECT household_id FROM member "
	    "WHERE id_number = ?", err);
	if (si->insert == NULL || si->find == NULL || si->person == NULL ||
	    si->posts == NULL || si->override == NULL || si->household == NULL)
		return -1;
	for (int i = 0; i < SUPPORT_NLIMITS; i++)
		if (county_get(s, limit_name[i], &si->limit[i], err) != 0)
			return -1;
	return merge_start(&si->merge, s, &support_merge, err);
}

/*
 * Check the fields of r that go with its kind: those of one kind only,
 * and those a land transfer must give (the parcel, to whom, the area).
 */
static int
check_kind_fields(struct import *im, const struct record *rec,
    const struct support *r)
{
	static const struct {
		size_t k;
		const char *kind;
	} only[] = {
		{ SUPPORT_TERM, "loan" }, { SUPPORT_STATUS, "loan" },
		{ SUPPORT_SENT_ON, "loan" }, { SUPPORT_DECIDED_ON, "loan" },
		{ SUPPORT_AREA, "land" },
	};
	static const struct {
		size_t k;
		const char *what;
	} land[] = {
		{ SUPPORT_TITLE, N_("missing; a land transfer names its parcel") },
		{ SUPPORT_PROVIDER, N_("missing; to whom the land is transferred") },
		{ SUPPORT_AREA, N_("missing; the area transferred, in mu") },
	};
	const char *kind = r->value[SUPPORT_KIND];
	int bad = 0;

	if (kind == NULL)
		return 0;
	for (size_t i = 0; i < sizeof(only) / sizeof(only[0]); i++)
		if (r->value[only[i].k] != NULL && strcmp(kind, only[i].kind) != 0) {
			import_problem(im, rec, (int)only[i].k, _("only %s has it, "
			    "not %s"), vocab_label("support_kind", only[i].kind),
			    vocab_label("support_kind", kind));
			bad++;
		}
	for (size_t i = 0; strcmp(kind, "land") == 0 &&
	    i < sizeof(land) / sizeof(land[0]); i++)
		if (r->value[land[i].k] == NULL) {
			import_problem(im, rec, (int)land[i].k, "%s", _(land[i].what));
			bad++;
		}
	return bad;
}

/*
 * Check the area of r in mu (NULL: not given, fine): more than 0 and at
 * most 100,000, a trailing 亩 allowed; kept to two decimals.  0, or 1
 * (reported).
 */
static int
check_area(struct import *im, const struct record *rec, struct support *r)
{
	const char *text = r->value[SUPPORT_AREA];
	static const char mu[] = "亩";
	char number[32];
	size_t len;
	double area;

	if (text == NULL)
		return 0;
	len = strlen(text);
	if (len > sizeof(mu) - 1 && strcmp(text + len - (sizeof(mu) - 1), mu) == 0)
		len -= sizeof(mu) - 1;
	if (len < sizeof(number)) {
		memcpy(number, text, len);
		number[len] = '\0';
	}
	if (len >= sizeof(number) || decimal_parse(number, &area) != 0 ||
	    area <= 0 || area > 100000) {
		import_problem(im, rec, SUPPORT_AREA, _("not an area in mu, more "
		    "than 0 and at most 100000: \"%s\""), text);
		return 1;
	}
	snprintf(r->area, sizeof(r->area), "%.2f", area);
	r->value[SUPPORT_AREA] = r->area;
	return 0;
}

/* Check the text fields of r: length, and what goes with the kind. */
static int
check_texts(struct import *im, const struct record *rec, struct support *r)
{
	static const size_t longest[][2] = {
		{ SUPPORT_TITLE, 128 }, { SUPPORT_PROVIDER, 128 },
		{ SUPPORT_OWNER, 64 }, { SUPPORT_OVERRIDE, 512 },
	};

	return import_lengths(im, rec, r->value, longest,
	    sizeof(longest) / sizeof(longest[0])) +
	    check_kind_fields(im, rec, r) + check_area(im, rec, r);
}

/* Check every field of rec into r; the number of problems. */
static int
support_check(struct import *im, const struct record *rec, struct support *r)
{
	char expected[512];
	const char *text;
	int bad = 0;

	for (size_t k = 0; k < SUPPORT_NFIELDS; k++)
		r->value[k] = import_value(im, rec, k);
	if (r->value[SUPPORT_KIND] == NULL) {
		import_problem(im, rec, SUPPORT_KIND, _("missing; expected one of: "
		    "%s"), vocab_describe("support_kind", expected, sizeof(expected)));
		bad++;
	} else
		bad += import_code(im, rec, SUPPORT_KIND, "support_kind",
		    &r->value[SUPPORT_KIND]);
	if ((text = r->value[SUPPORT_ID_NUMBER]) == NULL) {
		import_problem(im, rec, SUPPORT_ID_NUMBER, _("missing; a person is "
		    "known by their ID number"));
		bad++;
	} else
		bad += import_id_number(im, rec, SUPPORT_ID_NUMBER,
		    &r->value[SUPPORT_ID_NUMBER], r->id_number);
	if (r->value[SUPPORT_START] == NULL) {
		import_problem(im, rec, SUPPORT_START, _("missing; a post's first "
		    "day, or the day a wish for a loan was recorded"));
		bad++;
	}
	bad += import_date(im, rec, SUPPORT_START, &r->value[SUPPORT_START],
	    r->start);
	bad += import_date(im, rec, SUPPORT_END, &r->value[SUPPORT_END],
	    r->end);
	bad += import_date(im, rec, SUPPORT_SENT_ON, &r->value[SUPPORT_SENT_ON],
	    r->sent_on);
	bad += import_date(im, rec, SUPPORT_DECIDED_ON,
	    &r->value[SUPPORT_DECIDED_ON], r->decided_on);
	if (r->value[SUPPORT_START] != NULL && r->value[SUPPORT_END] != NULL &&
	    strcmp(r->value[SUPPORT_END], r->value[SUPPORT_START]) < 0) {
		import_problem(im, rec, SUPPORT_END, _("%s is before the start date "
		    "%s"), r->value[SUPPORT_END], r->value[SUPPORT_START]);
		bad++;
	}
	bad += import_number(im, rec, SUPPORT_AMOUNT,
	    r->value[SUPPORT_AMOUNT], 0, 100000000, NULL);
	bad += import_number(im, rec, SUPPORT_TERM, r->value[SUPPORT_TERM],
	    1, 600, NULL);
	bad += import_code(im, rec, SUPPORT_STATUS, "loan_status",
	    &r->value[SUPPORT_STATUS]);
	return bad + check_texts(im, rec, r);
}

/*
 * The person of r as the store knows them into p: 0, 1 when there is
 * no such person (reported), -1 with err set.
 */
static int
find_person(struct support_import *si, struct import *im,
    const struct record *rec, const struct support *r, struct person *p,
    struct error *err)
{
	sqlite3_stmt *st = si->person;
	int rc;

	sqlite3_bind_text(st, 1, r->value[SUPPORT_ID_NUMBER], -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(p->birth, sizeof(p->birth), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		p->cadre_relative = sqlite3_column_int(st, 1);
		p->lifted = sqlite3_column_int(st, 2);
		p->monitored = sqlite3_column_int(st, 3);
		p->marginal = sqlite3_column_int(st, 4);
		p->risk_eliminated = sqlite3_column_int(st, 5);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		import_problem(im, rec, SUPPORT_ID_NUMBER, _("no such person in the "
		    "store; member-add registers people"));
		return 1;
	}
	return rc == SQLITE_ROW ? 0 : store_error(import_store(im), rc, err);
}

/*
 * The county's limits of a loan that r breaks, among the amount and term
 * it gives that are not those of the stored row (NULL: none stored):
 * their rule codes into broken[], fields into field[]; their number.
 */
static int
loan_limits(const struct support_import *si, const struct support *r,
    sqlite3_stmt *row, const char **broken, int *field)
{
	const struct {
		size_t k;
		long min, max;
		const char *rule;
	} limit[] = {
		{ SUPPORT_AMOUNT, 0, si->limit[LOAN_MAX_AMOUNT], "loan_amount" },
		{ SUPPORT_TERM, 1, si->limit[LOAN_MAX_MONTHS], "loan_term" },
	};
	int n = 0;

	for (size_t i = 0; i < sizeof(limit) / sizeof(limit[0]); i++) {
		const char *value = r->value[limit[i].k], *stored;
		long number;

		if (value == NULL || number_parse(value, limit[i].min,
		    limit[i].max, &number) == 0)
			continue;
		stored = row != NULL ? (const char *)sqlite3_column_text(row,
		    (int)limit[i].k) : NULL;
		if (stored != NULL && strtol(value, NULL, 10) == strtol(stored,
		    NULL, 10))
			continue;
		field[n] = (int)limit[i].k;
		broken[n++] = limit[i].rule;
	}
	return n;
}

/*
 * Whether the person of r has another record of r's kind than the one
 * of id (0: none) over any day from r's start to end (NULL: onwards):
 * any post, the same parcel's transfer, none of other kinds.  1 with
 * the first day of the first such record into other, 0, or -1 with err
 * set.
 */
static int
another_record(struct support_import *si, struct import *im,
    const struct support *r, const char *end, long long id, char other[11],
    struct error *err)
{
	const char *kind = r->value[SUPPORT_KIND];
	int land = strcmp(kind, "land") == 0, rc;

	if (strcmp(kind, "post") != 0 && !land)
		return 0;
	sqlite3_bind_text(si->posts, 1, r->value[SUPPORT_ID_NUMBER], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(si->posts, 2, r->value[SUPPORT_START], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(si->posts, 3, end, -1, SQLITE_STATIC);
	if (id != 0)
		sqlite3_bind_int64(si->posts, 4, id);
	else
		sqlite3_bind_null(si->posts, 4);
	sqlite3_bind_text(si->posts, 5, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(si->posts, 6, land ? r->value[SUPPORT_TITLE] : NULL,
	    -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(si->posts)) == SQLITE_ROW)
		snprintf(other, 11, "%s", (const char *)sqlite3_column_text(si->posts,
		    0));
	sqlite3_reset(si->posts);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	return store_error(import_store(im), rc, err);
}

/*
 * Whether land transfer r, ending on end (NULL: not given), meets
 * another transfer of its parcel, id's left out (0: none): 1 when it
 * does (reported at field k), 0, -1 with err set.
 */
static int
parcel_taken(struct support_import *si, struct import *im,
    const struct record *rec, const struct support *r, const char *end,
    long long id, int k, struct error *err)
{
	char other[11];
	int rc;

	if (strcmp(r->value[SUPPORT_KIND], "land") != 0 ||
	    (rc = another_record(si, im, r, end, id, other, err)) == 0)
		return 0;
	if (rc < 0)
		return -1;
	import_problem(im, rec, k, _("the parcel is transferred over these "
	    "days already, from %s: a parcel goes to one party at a time"),
	    other);
	return 1;
}

/*
 * Whether loan r would be approved without its amount or term, those it
 * leaves out taken from the stored row (NULL: none): 1 (reported), or 0.
 */
static int
approved_incomplete(struct import *im, const struct record *rec,
    const struct support *r, sqlite3_stmt *row)
{
	const char *v[SUPPORT_NFIELDS];
	static const size_t k[] = { SUPPORT_AMOUNT, SUPPORT_TERM, SUPPORT_STATUS };

	if (strcmp(r->value[SUPPORT_KIND], "loan") != 0)
		return 0;
	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		v[k[i]] = r->value[k[i]] != NULL || row == NULL ? r->value[k[i]] :
		    (const char *)sqlite3_column_text(row, (int)k[i]);
	if (v[SUPPORT_STATUS] == NULL || strcmp(v[SUPPORT_STATUS],
	    "approved") != 0 || (v[SUPPORT_AMOUNT] != NULL &&
	    v[SUPPORT_TERM] != NULL))
		return 0;
	import_problem(im, rec, SUPPORT_STATUS, _("an approved loan has its "
	    "amount and term"));
	return 1;
}

/* 1 when a loan's status is a decision: approved, refused or withdrawn. */
static int
decided(const char *status)
{
	return status != NULL && (strcmp(status, "approved") == 0 ||
	    strcmp(status, "refused") == 0 || strcmp(status, "withdrawn") == 0);
}

/*
 * Day, field k of rec, of a loan whose wish was recorded on start: not
 * before it, nor before sent (when not NULL), nor after today (when not
 * NULL).  0, or the number of problems (reported).
 */
static int
loan_day_check(struct import *im, const struct record *rec, int k,
    const char *day, const char *start, const char *sent, const char *today)
{
	int bad = 0;

	if (strcmp(day, start) < 0) {
		import_problem(im, rec, k, _("%s is before the wish was recorded "
		    "(%s)"), day, start);
		bad++;
	} else if (sent != NULL && strcmp(day, sent) < 0) {
		import_problem(im, rec, k, _("%s is before the papers were sent to "
		    "the bank (%s)"), day, sent);
		bad++;
	}
	if (today != NULL && strcmp(day, today) > 0) {
		import_problem(im, rec, k, _("%s is after today (%s)"), day, today);
		bad++;
	}
	return bad;
}

/*
 * The days of loan r, the stored row's fields standing in for those r
 * leaves out (row NULL: a new record).  The papers are sent not before
 * the wish, nor after today (the import's settings); only a loan decided
 * has the day of its decision, not before the wish or the papers sent,
 * nor after today.  Papers sent or a decision given now (a status other
 * than the stored one) without its day are taken as of today, into r,
 * so that deadline-check counts from them.  0, or the number of problems
 * (reported).
 */
static int
check_loan_days(struct import *im, const struct record *rec, struct support *r,
    sqlite3_stmt *row)
{
	const char *today = import_options(im)->settings;
	const char *status, *stored_status = NULL, *sent;
	int bad = 0, changed;

	if (strcmp(r->value[SUPPORT_KIND], "loan") != 0)
		return 0;
	if (row != NULL)
		stored_status = (const char *)sqlite3_column_text(row,
		    SUPPORT_STATUS);
	status = r->value[SUPPORT_STATUS] != NULL ? r->value[SUPPORT_STATUS] :
	    stored_status;
	changed = r->value[SUPPORT_STATUS] != NULL && today != NULL &&
	    (stored_status == NULL || strcmp(status, stored_status) != 0);
	sent = r->value[SUPPORT_SENT_ON];
	if (sent == NULL && row != NULL)
		sent = (const char *)sqlite3_column_text(row, SUPPORT_SENT_ON);
	/* sent now (a new status given) without the day: today */
	if (sent == NULL && changed && strcmp(status, "sent") == 0) {
		snprintf(r->sent_on, sizeof(r->sent_on), "%s", today);
		sent = r->value[SUPPORT_SENT_ON] = r->sent_on;
	}
	if (r->value[SUPPORT_SENT_ON] != NULL)
		bad += loan_day_check(im, rec, SUPPORT_SENT_ON, sent,
		    r->value[SUPPORT_START], NULL, today);
	/* decided now without its day: today */
	if (r->value[SUPPORT_DECIDED_ON] == NULL && decided(status) && changed) {
		snprintf(r->decided_on, sizeof(r->decided_on), "%s", today);
		r->value[SUPPORT_DECIDED_ON] = r->decided_on;
	}
	if (r->value[SUPPORT_DECIDED_ON] == NULL)
		return bad;
	if (!decided(status)) {
		import_problem(im, rec, SUPPORT_DECIDED_ON, _("only a loan approved, "
		    "refused or withdrawn has the day of its decision"));
		bad++;
	}
	return bad + loan_day_check(im, rec, SUPPORT_DECIDED_ON,
	    r->value[SUPPORT_DECIDED_ON], r->value[SUPPORT_START], sent, today);
}

/* The rules a new record breaks (support_rule codes) into broken[]: their number, or -1 with err set. */
static int
broken_rules(struct support_import *si, struct import *im,
    const struct support *r, const struct person *p, const char **broken,
    int *field, struct error *err)
{
	const char *start = r->value[SUPPORT_START];
	char other[11];
	int age = member_age_on(p->birth, start), n = 0, rc;

	if (strcmp(r->value[SUPPORT_KIND], "job") == 0) {
		if (age < si->limit[JOB_MIN_AGE])
			field[n] = SUPPORT_ID_NUMBER, broken[n++] = "job_age";
		return n;
	}
	if (strcmp(r->value[SUPPORT_KIND], "land") == 0)
		return 0;
	if (strcmp(r->value[SUPPORT_KIND], "loan") == 0) {
		if (age < si->limit[LOAN_MIN_AGE] || age > si->limit[LOAN_MAX_AGE])
			field[n] = SUPPORT_ID_NUMBER, broken[n++] = "loan_age";
		if (!p->lifted && !p->marginal)
			field[n] = SUPPORT_ID_NUMBER, broken[n++] = "loan_household";
		return n + loan_limits(si, r, NULL, broken + n, field + n);
	}
	if (!p->lifted && !(p->monitored && !p->risk_eliminated))
		field[n] = SUPPORT_ID_NUMBER, broken[n++] = "post_household";
	if (age < si->limit[POST_MIN_AGE])
		field[n] = SUPPORT_ID_NUMBER, broken[n++] = "post_age";
	if (p->cadre_relative)
		field[n] = SUPPORT_ID_NUMBER, broken[n++] = "post_cadre_relative";
	if ((rc = another_record(si, im, r, r->value[SUPPORT_END], 0, other,
	    err)) < 0)
		return -1;
	if (rc == 1)
		field[n] = SUPPORT_START, broken[n++] = "post_one";
	return n;
}

/* Report each rule of broken[0..n) that rec breaks, at its field[]: 1. */
static int
refuse(const struct support_import *si, struct import *im,
    const struct record *rec, const char *const *broken, const int *field,
    int n)
{
	char text[256];

	for (int i = 0; i < n; i++)
		import_problem(im, rec, field[i], _("breaks the rule \"%s\" (%s); "
		    "with --override REASON it is recorded anyway, the reason "
		    "audited"), rule_text(broken[i], si->limit, text, sizeof(text)),
		    broken[i]);
	return 1;
}

void
support_key(const char *kind, const char *id_number, const char *start,
    const char *title, char *key, size_t size)
{
	int land = strcmp(kind, "land") == 0 && title != NULL;

	snprintf(key, size, "%s:%s:%s%s%s", kind, id_number, start,
	    land ? ":" : "", land ? title : "");
}

/* The name in the audit log of record r. */
static void
record_key(const struct support *r, char *key, size_t size)
{
	support_key(r->value[SUPPORT_KIND], r->value[SUPPORT_ID_NUMBER],
	    r->value[SUPPORT_START], r->value[SUPPORT_TITLE], key, size);
}

/* Keep each rule of broken[0..n) that new record id breaks, with the reason, also in the audit log. */
static int
keep_overrides(struct support_import *si, struct store *s, long long id,
    const char *key, const char *reason, const char *const *broken, int n,
    struct error *err)
{
	for (int i = 0; i < n; i++) {
		int rc;

		sqlite3_bind_int64(si->override, 1, id);
		sqlite3_bind_text(si->override, 2, broken[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(si->override, 3, reason, -1, SQLITE_STATIC);
		sqlite3_bind_text(si->override, 4, s->who, -1, SQLITE_STATIC);
		sqlite3_bind_text(si->override, 5, s->now, -1, SQLITE_STATIC);
		rc = sqlite3_step(si->override);
		sqlite3_reset(si->override);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		if (audit_add(s, "support", key, broken[i], NULL, reason, err) != 0)
			return -1;
	}
	return 0;
}

/*
 * Write new record r, checked from rec, when it keeps its kind's rules
 * or gives the reason it does not: 0, 1 when it is refused (reported),
 * -1 with err set.
 */
static int
support_add(struct support_import *si, struct import *im,
    const struct record *rec, struct support *r, struct error *err)
{
	struct store *s = import_store(im);
	const char *broken[8], *reason = r->value[SUPPORT_OVERRIDE];
	struct person p;
	char key[SUPPORT_KEY_SIZE], where[512];
	int field[8], n, rc;
	long long id;

	if (approved_incomplete(im, rec, r, NULL) ||
	    check_loan_days(im, rec, r, NULL) != 0)
		return 1;
	if ((rc = find_person(si, im, rec, r, &p, err)) != 0 ||
	    (rc = parcel_taken(si, im, rec, r, r->value[SUPPORT_END], 0,
	    SUPPORT_START, err)) != 0)
		return rc;
	if ((n = broken_rules(si, im, r, &p, broken, field, err)) < 0)
		return -1;
	if (n > 0 && reason == NULL)
		return refuse(si, im, rec, broken, field, n);
	snprintf(where, sizeof(where), "%s:%ld", rec->file, rec->line);
	for (int k = 0; k < SUPPORT_OVERRIDE; k++)
		support_bind(si->insert, k + 1, (size_t)k, r->value[k]);
	/* a loan is first a wish */
	if (r->value[SUPPORT_STATUS] == NULL &&
	    strcmp(r->value[SUPPORT_KIND], "loan") == 0)
		sqlite3_bind_text(si->insert, SUPPORT_STATUS + 1, "wish", -1,
		    SQLITE_STATIC);
	sqlite3_bind_text(si->insert, SUPPORT_OVERRIDE + 1, s->now, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(si->insert, SUPPORT_OVERRIDE + 2, s->now, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(si->insert, SUPPORT_OVERRIDE + 3, where, -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(si->insert);
	sqlite3_reset(si->insert);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	import_stats(im)->added++;
	id = sqlite3_last_insert_rowid(s->db);
	record_key(r, key, sizeof(key));
	if (audit_add(s, "support", key, "created", NULL, r->value[SUPPORT_KIND],
	    err) != 0 || (r->value[SUPPORT_CASE] != NULL && audit_add(s,
	    "support", key, "case_id", NULL, r->value[SUPPORT_CASE], err) != 0))
		return -1;
	return keep_overrides(si, s, id, key, reason, broken, n, err);
}

/*
 * The rules an update (--upsert) of r breaks, the stored record the row
 * si->find is stepped to: a loan's amount or term past the county's
 * limits, a post's new end that meets another post of the person.  Their
 * codes into broken[], fields into field[]; their number.  A loan to be
 * approved without amount or term, or a land transfer's new end that
 * meets another transfer of the parcel, is reported: 1 with broken[0]
 * NULL.
 * -1 with err set.
 */
static int
upsert_rules(struct support_import *si, struct import *im,
    const struct record *rec, const struct support *r, const char **broken,
    int *field, struct error *err)
{
	const char *end = r->value[SUPPORT_END], *stored;
	char other[11];
	int rc;

	if (approved_incomplete(im, rec, r, si->find)) {
		broken[0] = NULL;
		return 1;
	}
	if (strcmp(r->value[SUPPORT_KIND], "loan") == 0)
		return loan_limits(si, r, si->find, broken, field);
	stored = (const char *)sqlite3_column_text(si->find, SUPPORT_END);
	if (end == NULL || (stored != NULL && strcmp(end, stored) == 0))
		return 0;
	if ((rc = parcel_taken(si, im, rec, r, end, sqlite3_column_int64(si->find,
	    0), SUPPORT_END, err)) != 0) {
		broken[0] = NULL;
		return rc;
	}
	if ((rc = another_record(si, im, r, end, sqlite3_column_int64(si->find,
	    0), other, err)) <= 0)
		return rc;
	field[0] = SUPPORT_END;
	broken[0] = "post_one";
	return 1;
}

/*
 * Merge r, checked from rec, with the stored record si->find is stepped
 * to.  An update (--upsert) that breaks a rule (upsert_rules()) is
 * refused as a new record is, or kept with the override's reason.  0, 1 when refused (reported), -1 with err set.
 */
static int
support_update(struct support_import *si, struct import *im,
    const struct record *rec, struct support *r, struct error *err)
{
	const char *broken[2], *reason = r->value[SUPPORT_OVERRIDE];
	long long id = sqlite3_column_int64(si->find, 0);
	char key[SUPPORT_KEY_SIZE];
	int field[2], n = 0, rc;

	if (check_loan_days(im, rec, r, si->find) != 0) {
		sqlite3_reset(si->find);
		return 1;
	}
	if (import_options(im)->upsert &&
	    (n = upsert_rules(si, im, rec, r, broken, field, err)) != 0 &&
	    (n < 0 || broken[0] == NULL)) {
		sqlite3_reset(si->find);
		return n < 0 ? -1 : 1;
	}
	if (n > 0 && reason == NULL) {
		sqlite3_reset(si->find);
		return refuse(si, im, rec, broken, field, n);
	}
	record_key(r, key, sizeof(key));
	if ((rc = merge_record(&si->merge, im, rec, si->find, r->value, key, si,
	    err)) != 0 || n == 0)
		return rc;
	return keep_overrides(si, import_store(im), id, key, reason, broken, n,
	    err);
}

/*
 * The monitoring case r names: a case of the person's household (any
 * case when the person is unknown: that is reported of the person), its
 * number as stored into r.  0, 1 when it is not (reported), -1 with err
 * set.
 */
static int
support_case(struct support_import *si, struct import *im,
    const struct record *rec, struct support *r, struct error *err)
{
	char household[64] = "", of_case[64];
	long long id;
	int rc;

	sqlite3_bind_text(si->household, 1, r->value[SUPPORT_ID_NUMBER], -1,
	    SQLITE_STATIC);
	if ((rc = sqlite3_step(si->household)) == SQLITE_ROW)
		snprintf(household, sizeof(household), "%s",
		    (const char *)sqlite3_column_text(si->household, 0));
	sqlite3_reset(si->household);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(import_store(im), rc, err);
	if ((rc = case_for_record(im, rec, SUPPORT_CASE, r->value[SUPPORT_CASE],
	    household[0] != '\0' ? household : NULL, &id, of_case,
	    sizeof(of_case), err)) != 0)
		return rc;
	snprintf(r->case_id, sizeof(r->case_id), "%lld", id);
	r->value[SUPPORT_CASE] = r->case_id;
	return 0;
}

static int
support_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct support_import *si = context;
	struct store *s = import_store(im);
	struct support r;
	int rc;

	if (prepare(si, s, err) != 0)
		return -1;
	if (support_check(im, rec, &r) != 0)
		return 1;
	if (r.value[SUPPORT_CASE] != NULL && (rc = support_case(si, im, rec, &r,
	    err)) != 0)
		return rc;
	sqlite3_bind_text(si->find, 1, r.value[SUPPORT_KIND], -1, SQLITE_STATIC);
	sqlite3_bind_text(si->find, 2, r.value[SUPPORT_ID_NUMBER], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(si->find, 3, r.value[SUPPORT_START], -1, SQLITE_STATIC);
	sqlite3_bind_text(si->find, 4, r.value[SUPPORT_TITLE], -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(si->find)) == SQLITE_DONE) {
		sqlite3_reset(si->find);
		return support_add(si, im, rec, &r, err);
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(si->find);
		return store_error(s, rc, err);
	}
	return support_update(si, im, rec, &r, err);
}

static void
support_cleanup(void *context)
{
	struct support_import *si = context;

	sqlite3_finalize(si->insert);
	sqlite3_finalize(si->find);
	sqlite3_finalize(si->person);
	sqlite3_finalize(si->posts);
	sqlite3_finalize(si->override);
	sqlite3_finalize(si->household);
	merge_free(&si->merge);
	memset(si, 0, sizeof(*si));
}

const struct import_kind support_import_kind = {
	support_fields, SUPPORT_NFIELDS, support_row, NULL, support_cleanup,
	sizeof(struct support_import),
	.entity = "support",
};
