/* honour.c -- honour-add: selections of model people, households and villages, checked, imported, merged */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "honour.h"
#include "household_check.h"
#include "issue_parts.h"
#include "merge.h"
#include "text.h"
#include "vocab.h"

const struct field_spec honour_fields[HONOUR_NFIELDS] = {
	{ "kind", "评选类型|类型|荣誉类型|典型类型" },
	{ "title", "荣誉名称|称号|名称" },
	{ "level", "级别|评选级别|层级" },
	{ "year", "年度|评选年度|年份" },
	{ "village", "村|村(社区)|村名|行政村" },
	{ "household_id", "户编号|户号" },
	{ "id_number", "身份证号|身份证号码|证件号码|公民身份号码" },
	{ "nominated_by", "推荐人|推荐单位|提名|推荐" },
	{ "basis", "评选依据|依据|评选方式" },
	{ "basis_on", "评议日期|表决日期|互评日期|依据日期" },
	{ "yes", "赞成票|同意票|得票|得票数" },
	{ "voters", "投票人数|参加投票人数|参评人数" },
	{ "score", "互评得分|平均分|得分" },
	{ "evaluators", "评分人数|互评人数" },
	{ "selected_on", "评选日期|公布日期|命名日期" },
	{ "notes", "备注|事迹|主要事迹|说明" },
};

/* The store's column of each field; NULL for what the selection is. */
static const char *const honour_column[HONOUR_NFIELDS] = {
	[HONOUR_NOMINATED_BY] = "nominated_by", [HONOUR_BASIS] = "basis",
	[HONOUR_BASIS_ON] = "basis_on", [HONOUR_YES] = "yes",
	[HONOUR_VOTERS] = "voters", [HONOUR_SCORE] = "score",
	[HONOUR_EVALUATORS] = "evaluators", [HONOUR_SELECTED_ON] = "selected_on",
	[HONOUR_NOTES] = "notes",
};

/* Who each kind chooses: a person, a household, the village, or any of them. */
enum subject { SUBJECT_PERSON, SUBJECT_HOUSEHOLD, SUBJECT_VILLAGE, SUBJECT_ANY };

static const struct {
	const char *kind;
	enum subject subject;
} kind_subject[] = {
	{ "moral_model", SUBJECT_PERSON }, { "moving_figure", SUBJECT_PERSON },
	{ "good_person", SUBJECT_PERSON }, { "finest_person", SUBJECT_PERSON },
	{ "good_youth", SUBJECT_PERSON },
	{ "civilised_village", SUBJECT_VILLAGE },
	{ "civilised_family", SUBJECT_HOUSEHOLD },
	{ "clean_household", SUBJECT_HOUSEHOLD },
	{ "tidy_courtyard", SUBJECT_HOUSEHOLD },
	{ "elder_care", SUBJECT_HOUSEHOLD }, { "neighbourly", SUBJECT_HOUSEHOLD },
	{ "other", SUBJECT_ANY },
};

static enum subject
subject_of(const char *kind)
{
	for (size_t i = 0; i < sizeof(kind_subject) / sizeof(kind_subject[0]); i++)
		if (strcmp(kind_subject[i].kind, kind) == 0)
			return kind_subject[i].subject;
	return SUBJECT_ANY;
}

/* A selection as checked, every value normalised; NULL when not given. */
struct honour {
	const char *value[HONOUR_NFIELDS];
	char id_number[IMPORT_ID_NUMBER_SIZE];
	char household[128];	/* the household chosen, or the person's */
	char basis_on[11], selected_on[11], score[32];
	long year;
	long long village_id;
};

/* Per-import state: statements prepared once. */
struct honour_import {
	sqlite3_stmt *insert, *find, *person, *household;
	struct merge merge;
};

/* The counts are stored as integers, the score as a number. */
static void
honour_bind(sqlite3_stmt *st, int p, size_t k, const char *value)
{
	if (value == NULL)
		sqlite3_bind_null(st, p);
	else if (k == HONOUR_YES || k == HONOUR_VOTERS || k == HONOUR_EVALUATORS ||
	    k == HONOUR_YEAR)
		sqlite3_bind_int64(st, p, strtoll(value, NULL, 10));
	else if (k == HONOUR_SCORE)
		sqlite3_bind_double(st, p, strtod(value, NULL));
	else
		sqlite3_bind_text(st, p, value, -1, SQLITE_STATIC);
}

static int
honour_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	(void)context;
	(void)err;
	import_problem(im, rec, -1, _("the same selection (honour, level, year "
	    "and who was chosen) is already on %s"), sqlite3_column_text(row,
	    HONOUR_NFIELDS));
	return 1;
}

/* A selection given again: who nominated it and what it rests on may be updated. */
static const struct merge_rule honour_merge = {
	.entity = "honour", .table = "honour", .specs = honour_fields,
	.first = HONOUR_NOMINATED_BY, .nfields = HONOUR_NFIELDS,
	.column = honour_column, .stamped = 1, .again = honour_again,
	.bind = honour_bind,
};

static int
prepare(struct honour_import *hi, struct store *s, struct error *err)
{
	if (hi->insert != NULL)
		return 0;
	hi->insert = store_prepare(s, "INSERT INTO honour (kind, title, level, "
	    "year, village_id, household_id, id_number, nominated_by, basis, "
	    "basis_on, yes, voters, score, evaluators, selected_on, notes, "
	    "created_at, updated_at, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, ?18)", err);
	/* column k the stored value of field k, then where it was read */
	hi->find = store_prepare(s, "SELECT id, NULL, NULL, NULL, NULL, NULL, "
	    "NULL, nominated_by, basis, basis_on, CAST(yes AS TEXT), "
	    "CAST(voters AS TEXT), printf('%.2f', score), CAST(evaluators AS "
	    "TEXT), selected_on, notes, source FROM honour WHERE kind = ?1 AND "
	    "title = ?2 AND level = ?3 AND year = ?4 AND village_id = ?5 AND "
	    "household_id IS ?6 AND id_number IS ?7", err);
	hi->person = store_prepare(s, "SELECT m.household_id, h.village_id FROM "
	    "member m JOIN household h ON h.household_id = m.household_id WHERE "
	    "m.id_number = ?", err);
	hi->household = store_prepare(s, "SELECT village_id FROM household WHERE "
	    "household_id = ?", err);
	if (hi->insert == NULL || hi->find == NULL || hi->person == NULL ||
	    hi->household == NULL)
		return -1;
	return merge_start(&hi->merge, s, &honour_merge, err);
}

/* Check a vocabulary field k of domain, required or not; 0, or 1 (reported). */
static int
check_code(struct import *im, const struct record *rec, struct honour *h,
    size_t k, const char *domain, int required)
{
	const char *code;
	char expected[1024];

	if (h->value[k] == NULL && !required)
		return 0;
	if (h->value[k] != NULL && (code = vocab_code(domain, h->value[k])) !=
	    NULL) {
		h->value[k] = code;
		return 0;
	}
	vocab_describe(domain, expected, sizeof(expected));
	if (h->value[k] == NULL)
		import_problem(im, rec, (int)k, _("missing; expected one of: %s"),
		    expected);
	else
		import_problem(im, rec, (int)k, _("unknown value \"%s\"; expected "
		    "one of: %s"), h->value[k], expected);
	return 1;
}

/* The score, a number from 0 to 100, kept to two decimals; 0, or 1 (reported). */
static int
check_score(struct import *im, const struct record *rec, struct honour *h)
{
	const char *text = h->value[HONOUR_SCORE];
	double score;

	if (text == NULL)
		return 0;
	if (decimal_parse(text, &score) != 0 || score < 0 || score > 100) {
		import_problem(im, rec, HONOUR_SCORE, _("not a score from 0 to 100: "
		    "\"%s\""), text);
		return 1;
	}
	snprintf(h->score, sizeof(h->score), "%.2f", score);
	h->value[HONOUR_SCORE] = h->score;
	return 0;
}

/*
 * What the basis needs: a vote its yes votes, more than half of the
 * voters; an evaluation its score and evaluators; each only its own.
 * 0, or the number of problems (reported).
 */
static int
check_basis(struct import *im, const struct record *rec, struct honour *h)
{
	static const struct {
		size_t k;
		const char *basis;
	} own[] = {
		{ HONOUR_YES, "vote" }, { HONOUR_VOTERS, "vote" },
		{ HONOUR_SCORE, "evaluation" }, { HONOUR_EVALUATORS, "evaluation" },
	};
	const char *basis = h->value[HONOUR_BASIS];
	long yes = 0, voters = 0, evaluators = 0;
	int bad = 0;

	bad += import_number(im, rec, HONOUR_YES, h->value[HONOUR_YES], 0,
	    1000000, &yes);
	bad += import_number(im, rec, HONOUR_VOTERS, h->value[HONOUR_VOTERS], 1,
	    1000000, &voters);
	bad += import_number(im, rec, HONOUR_EVALUATORS,
	    h->value[HONOUR_EVALUATORS], 1, 1000000, &evaluators);
	bad += check_score(im, rec, h);
	if (basis == NULL || bad)
		return bad + (basis == NULL);
	for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++) {
		if (h->value[own[i].k] != NULL && strcmp(own[i].basis, basis) != 0) {
			import_problem(im, rec, (int)own[i].k, _("belongs to a selection "
			    "by %s, not by %s"), vocab_label("honour_basis",
			    own[i].basis), vocab_label("honour_basis", basis));
			bad++;
		} else if (h->value[own[i].k] == NULL &&
		    strcmp(own[i].basis, basis) == 0) {
			import_problem(im, rec, (int)own[i].k, strcmp(basis, "vote") == 0 ?
			    _("missing; a selection by vote gives its yes votes and "
			    "the number who voted") : _("missing; a selection by the "
			    "neighbour evaluation gives the mean score and the number "
			    "of evaluators"));
			bad++;
		}
	}
	if (bad == 0 && strcmp(basis, "vote") == 0 && yes > voters) {
		import_problem(im, rec, HONOUR_YES, _("%ld yes votes, but only %ld "
		    "voted"), yes, voters);
		bad++;
	} else if (bad == 0 && strcmp(basis, "vote") == 0 && yes * 2 <= voters) {
		import_problem(im, rec, HONOUR_YES, _("%ld yes votes of %ld is not "
		    "more than half: not selected"), yes, voters);
		bad++;
	}
	return bad;
}

/* Check the dates: the basis no later than the selection, made in its year or the next. */
static int
check_dates(struct import *im, const struct record *rec, struct honour *h)
{
	int bad = 0;
	long on_year;

	if (h->value[HONOUR_BASIS_ON] == NULL) {
		import_problem(im, rec, HONOUR_BASIS_ON, _("missing; the day of the "
		    "vote, the evaluation or the council's review"));
		bad++;
	}
	if (h->value[HONOUR_SELECTED_ON] == NULL) {
		import_problem(im, rec, HONOUR_SELECTED_ON, _("missing; the day the "
		    "selection was made"));
		bad++;
	}
	bad += import_date(im, rec, HONOUR_BASIS_ON, &h->value[HONOUR_BASIS_ON],
	    h->basis_on);
	bad += import_date(im, rec, HONOUR_SELECTED_ON,
	    &h->value[HONOUR_SELECTED_ON], h->selected_on);
	if (bad || h->year == 0)
		return bad;
	if (strcmp(h->basis_on, h->selected_on) > 0) {
		import_problem(im, rec, HONOUR_BASIS_ON, _("%s is after the day of "
		    "the selection %s"), h->basis_on, h->selected_on);
		bad++;
	}
	/* import_date() has read selected_on as YYYY-MM-DD: its year leads */
	on_year = strtol(h->selected_on, NULL, 10);
	if (on_year != h->year && on_year != h->year + 1) {
		import_problem(im, rec, HONOUR_SELECTED_ON, _("%s is not in the year "
		    "%ld of the selection or the next"), h->selected_on, h->year);
		bad++;
	}
	return bad;
}

/* Check the text fields of h: length, and an other kind's title. */
static int
check_texts(struct import *im, const struct record *rec, struct honour *h)
{
	static const size_t longest[][2] = {
		{ HONOUR_TITLE, 128 }, { HONOUR_NOMINATED_BY, 128 },
		{ HONOUR_NOTES, 1024 },
	};
	int bad = 0;

	for (size_t i = 0; i < sizeof(longest) / sizeof(longest[0]); i++) {
		const char *text = h->value[longest[i][0]];

		if (text != NULL && strlen(text) > longest[i][1]) {
			import_problem(im, rec, (int)longest[i][0], _("longer than %zu "
			    "bytes"), longest[i][1]);
			bad++;
		}
	}
	if (h->value[HONOUR_NOMINATED_BY] == NULL) {
		import_problem(im, rec, HONOUR_NOMINATED_BY, _("missing; who "
		    "nominated the selection"));
		bad++;
	}
	if (h->value[HONOUR_KIND] != NULL &&
	    strcmp(h->value[HONOUR_KIND], "other") == 0 &&
	    h->value[HONOUR_TITLE] == NULL) {
		import_problem(im, rec, HONOUR_TITLE, _("missing; an honour of the "
		    "county's own (other) is known by its title"));
		bad++;
	}
	return bad;
}

/* Who the kind chooses, given as it must be; 0, or 1 (reported). */
static int
check_subject(struct import *im, const struct record *rec, struct honour *h)
{
	const char *kind = h->value[HONOUR_KIND];
	const char *label = vocab_label("honour_kind", kind);

	switch (subject_of(kind)) {
	case SUBJECT_PERSON:
		if (h->value[HONOUR_ID_NUMBER] != NULL)
			return 0;
		import_problem(im, rec, HONOUR_ID_NUMBER, _("missing; a %s is a "
		    "person, known by their ID number"), label);
		return 1;
	case SUBJECT_HOUSEHOLD:
		if (h->value[HONOUR_ID_NUMBER] != NULL) {
			import_problem(im, rec, HONOUR_ID_NUMBER, _("a %s is a household, "
			    "not a person"), label);
			return 1;
		}
		if (h->value[HONOUR_HOUSEHOLD] != NULL)
			return 0;
		import_problem(im, rec, HONOUR_HOUSEHOLD, _("missing; a %s is a "
		    "household, known by its number"), label);
		return 1;
	case SUBJECT_VILLAGE:
		if (h->value[HONOUR_ID_NUMBER] != NULL ||
		    h->value[HONOUR_HOUSEHOLD] != NULL) {
			import_problem(im, rec, h->value[HONOUR_ID_NUMBER] != NULL ?
			    HONOUR_ID_NUMBER : HONOUR_HOUSEHOLD, _("a %s is a village, "
			    "not a household or a person"), label);
			return 1;
		}
		if (h->value[HONOUR_LEVEL] != NULL &&
		    strcmp(h->value[HONOUR_LEVEL], "village") == 0) {
			import_problem(im, rec, HONOUR_LEVEL, _("a village is selected "
			    "by the town or the county, not at village level"));
			return 1;
		}
		return 0;
	case SUBJECT_ANY:
		break;
	}
	return 0;
}

/* Check every field of rec into h; the number of problems. */
static int
honour_check(struct import *im, const struct record *rec, struct honour *h)
{
	int bad = 0, bad_kind, bad_basis;

	for (size_t k = 0; k < HONOUR_NFIELDS; k++)
		h->value[k] = import_value(im, rec, k);
	bad += bad_kind = check_code(im, rec, h, HONOUR_KIND, "honour_kind", 1);
	bad += check_code(im, rec, h, HONOUR_LEVEL, "honour_level", 1);
	bad += bad_basis = check_code(im, rec, h, HONOUR_BASIS, "honour_basis",
	    1);
	if (h->value[HONOUR_YEAR] == NULL) {
		import_problem(im, rec, HONOUR_YEAR, _("missing; the year the "
		    "selection is for"));
		bad++;
	} else
		bad += import_number(im, rec, HONOUR_YEAR, h->value[HONOUR_YEAR],
		    2000, 2100, &h->year);
	bad += import_id_number(im, rec, HONOUR_ID_NUMBER,
	    &h->value[HONOUR_ID_NUMBER], h->id_number);
	if (!bad_kind)
		bad += check_subject(im, rec, h);
	if (bad_basis)
		h->value[HONOUR_BASIS] = NULL;
	bad += check_basis(im, rec, h);
	bad += check_dates(im, rec, h);
	return bad + check_texts(im, rec, h);
}

/* Step st, bound to text, to its row: 1, 0 when none, -1 with err set. */
static int
step_one(struct store *s, sqlite3_stmt *st, const char *text, struct error *err)
{
	int rc;

	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		return 1;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The household and village of who was chosen into h: the person's, the
 * household's, or the village given, each as the others given say.  0,
 * 1 when they do not agree or are not known (reported), -1 with err set.
 */
static int
find_subject(struct honour_import *hi, struct import *im,
    const struct record *rec, struct honour *h, struct error *err)
{
	struct store *s = import_store(im);
	const char *household = h->value[HONOUR_HOUSEHOLD];
	long long village_id = 0, group_id = 0;
	int rc;

	if (h->value[HONOUR_VILLAGE] != NULL && (rc = issue_find_place(im, rec, s,
	    HONOUR_VILLAGE, h->value[HONOUR_VILLAGE], NULL, &village_id,
	    &group_id, err)) != 0)
		return rc;
	if (h->value[HONOUR_ID_NUMBER] != NULL) {
		if ((rc = step_one(s, hi->person, h->id_number, err)) <= 0) {
			if (rc == 0)
				import_problem(im, rec, HONOUR_ID_NUMBER, _("no such "
				    "person in the store; member-add registers people"));
			return rc < 0 ? -1 : 1;
		}
		snprintf(h->household, sizeof(h->household), "%s",
		    (const char *)sqlite3_column_text(hi->person, 0));
		h->village_id = sqlite3_column_int64(hi->person, 1);
		sqlite3_reset(hi->person);
		if (household != NULL && strcmp(household, h->household) != 0) {
			import_problem(im, rec, HONOUR_HOUSEHOLD, _("the person chosen "
			    "is of household %s, not %s"), h->household, household);
			return 1;
		}
	} else if (household != NULL) {
		if ((rc = step_one(s, hi->household, household, err)) <= 0) {
			if (rc == 0)
				import_problem(im, rec, HONOUR_HOUSEHOLD, _("no household "
				    "%s"), household);
			return rc < 0 ? -1 : 1;
		}
		snprintf(h->household, sizeof(h->household), "%s", household);
		h->village_id = sqlite3_column_int64(hi->household, 0);
		sqlite3_reset(hi->household);
	} else if (village_id == 0) {
		import_problem(im, rec, HONOUR_VILLAGE, _("missing; which village, "
		    "or which household or person, was chosen?"));
		return 1;
	} else
		h->village_id = village_id;
	if (village_id != 0 && village_id != h->village_id) {
		import_problem(im, rec, HONOUR_VILLAGE, _("household %s is not of "
		    "%s"), h->household, h->value[HONOUR_VILLAGE]);
		return 1;
	}
	return 0;
}

/* Bind the natural key of h to st's parameters 1 to 7. */
static void
bind_key(sqlite3_stmt *st, const struct honour *h)
{
	const char *title = h->value[HONOUR_TITLE];

	sqlite3_bind_text(st, 1, h->value[HONOUR_KIND], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, title != NULL ? title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, h->value[HONOUR_LEVEL], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, h->year);
	sqlite3_bind_int64(st, 5, h->village_id);
	if (h->household[0] != '\0')
		sqlite3_bind_text(st, 6, h->household, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 6);
	honour_bind(st, 7, HONOUR_ID_NUMBER, h->value[HONOUR_ID_NUMBER]);
}

/* The selection's name in the audit log: "kind:title:level:year:who". */
static void
honour_key(const struct honour *h, char *key, size_t size)
{
	const char *title = h->value[HONOUR_TITLE];
	const char *who = h->value[HONOUR_ID_NUMBER] != NULL ? h->id_number :
	    h->household[0] != '\0' ? h->household : h->value[HONOUR_VILLAGE];

	snprintf(key, size, "%s:%s:%s:%ld:%s", h->value[HONOUR_KIND],
	    title != NULL ? title : "", h->value[HONOUR_LEVEL], h->year,
	    who != NULL ? who : "");
}

/* Write new selection h, read from rec: 0, or -1 with err set. */
static int
honour_add(struct honour_import *hi, struct import *im,
    const struct record *rec, const struct honour *h, struct error *err)
{
	struct store *s = import_store(im);
	char key[512], where[512];
	int rc;

	snprintf(where, sizeof(where), "%s:%ld", rec->file, rec->line);
	bind_key(hi->insert, h);
	for (int k = HONOUR_NOMINATED_BY; k < HONOUR_NFIELDS; k++)
		honour_bind(hi->insert, k + 1, (size_t)k, h->value[k]);
	sqlite3_bind_text(hi->insert, HONOUR_NFIELDS + 1, s->now, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(hi->insert, HONOUR_NFIELDS + 2, where, -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(hi->insert);
	sqlite3_reset(hi->insert);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	import_stats(im)->added++;
	honour_key(h, key, sizeof(key));
	return audit_add(s, "honour", key, "created", NULL, h->value[HONOUR_BASIS],
	    err);
}

static int
honour_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct honour_import *hi = context;
	struct store *s = import_store(im);
	struct honour h = { 0 };
	char key[512];
	int rc;

	if (prepare(hi, s, err) != 0)
		return -1;
	if (honour_check(im, rec, &h) != 0)
		return 1;
	if ((rc = find_subject(hi, im, rec, &h, err)) != 0)
		return rc;
	bind_key(hi->find, &h);
	if ((rc = sqlite3_step(hi->find)) == SQLITE_DONE) {
		sqlite3_reset(hi->find);
		return honour_add(hi, im, rec, &h, err);
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(hi->find);
		return store_error(s, rc, err);
	}
	honour_key(&h, key, sizeof(key));
	return merge_record(&hi->merge, im, rec, hi->find, h.value, key, hi, err);
}

static void
honour_cleanup(void *context)
{
	struct honour_import *hi = context;

	sqlite3_finalize(hi->insert);
	sqlite3_finalize(hi->find);
	sqlite3_finalize(hi->person);
	sqlite3_finalize(hi->household);
	merge_free(&hi->merge);
	memset(hi, 0, sizeof(*hi));
}

const struct import_kind honour_import_kind = {
	honour_fields, HONOUR_NFIELDS, honour_row, NULL, honour_cleanup,
	sizeof(struct honour_import),
	.entity = "honour",
};
