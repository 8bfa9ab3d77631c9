/* milestone.c -- coverage milestones (时间节点): what must be done by a date */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "household_check.h"
#include "merge.h"
#include "milestone.h"
#include "text.h"
#include "vocab.h"

const struct field_spec milestone_fields[MILESTONE_NFIELDS] = {
	{ "milestone_id", "节点编号|节点|时间节点|编号" },
	{ "title", "名称|标题|节点名称|工作任务|任务" },
	{ "kind", "类型|节点类型" },
	{ "categories", "户类型|覆盖户类型|走访对象|对象" },
	{ "round", "轮次|走访轮次" },
	{ "due_date", "截止日期|完成时限|时限|截止时间" },
	{ "meeting_kind", "会议类型" },
	{ "scope", "范围|覆盖范围" },
	{ "roles", "走访人职务|遍访职务|职务" },
	{ "monitor_cases", "需监测案件齐全|监测案件齐全|案件齐全" },
	{ "tags", "关怀对象|人员标签|标签" },
	{ "from_date", "开始日期|起始日期|起始时间" },
};

/* The store's columns in the order of the fields. */
static const char *const milestone_column[MILESTONE_NFIELDS] = {
	"milestone_id", "title", "kind", "categories", "round", "due_date",
	"meeting_kind", "scope", "roles", "monitor_cases", "care_tags", "care_from"
};

/* Words that mean every household. */
static const char *const every_household[] = {
	"all", "every", "*", "全部", "所有", "全体", "全部农户", "所有农户", "全部户",
	"所有户",
};

/* A milestone as checked, every value normalised; NULL when not given. */
struct milestone {
	const char *value[MILESTONE_NFIELDS];
	char categories[256];
	char roles[160];
	char tags[160];
	char due_date[11];
	char from_date[11];
};

/* Per-import state: statements prepared once. */
struct milestone_import {
	sqlite3_stmt *insert, *find;
	struct merge merge;
};

int
milestone_categories_parse(const char *text, char *out, size_t size,
    const char **bad)
{
	static char word[128];
	const char *codes[16];
	size_t ncodes = 0, used = 0;
	const char *p = text;

	*bad = NULL;
	if (size == 0)
		return -1;
	out[0] = '\0';
	while (*p != '\0') {
		const char *code;
		char *w;
		int all = 0;

		p = household_category_next(p, word, sizeof(word));
		w = text_trim(word);
		if (*w == '\0')
			continue;
		for (size_t i = 0; i < sizeof(every_household) /
		    sizeof(every_household[0]); i++)
			if (strcasecmp(w, every_household[i]) == 0)
				all = 1;
		if (all)
			continue;
		if ((code = vocab_code("category", w)) == NULL) {
			*bad = w;
			return -1;
		}
		if (ncodes < sizeof(codes) / sizeof(codes[0]))
			codes[ncodes++] = code;
	}
	/* in the order of the vocabulary, each once */
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		if (strcmp(e->domain, "category") != 0)
			continue;
		for (size_t i = 0; i < ncodes; i++) {
			size_t len = strlen(e->code);

			if (codes[i] != e->code)
				continue;
			if (used + len + 2 > size)
				return -1;
			if (used > 0)
				out[used++] = ';';
			memcpy(out + used, e->code, len + 1);
			used += len;
			break;
		}
	}
	return 0;
}

/*
 * A meeting-coverage milestone: every village (scope village) or every
 * villager group (scope group) holds a meeting of meeting_kind by the
 * due date.  The scope defaults to group for courtyard meetings (院坝会,
 * one per group) and to village for the others.
 */
static int
meeting_check(struct import *im, const struct record *rec, struct milestone *m)
{
	const char *kind = m->value[MILESTONE_MEETING_KIND], *scope;
	char expected[512];
	int bad = 0;

	if (kind == NULL) {
		import_problem(im, rec, MILESTONE_MEETING_KIND, _("missing; a "
		    "meeting-coverage milestone names the kind of meeting"));
		return 1;
	}
	if ((m->value[MILESTONE_MEETING_KIND] = vocab_code("meeting_kind", kind)) ==
	    NULL) {
		import_problem(im, rec, MILESTONE_MEETING_KIND, _("unknown value "
		    "\"%s\"; expected one of: %s"), kind, vocab_describe("meeting_kind",
		    expected, sizeof(expected)));
		return 1;
	}
	scope = m->value[MILESTONE_SCOPE];
	if (scope == NULL)
		scope = strcmp(m->value[MILESTONE_MEETING_KIND], "courtyard") == 0 ?
		    "group" : "village";
	else if (strcasecmp(scope, "village") == 0 || strcmp(scope, "村") == 0 ||
	    strcmp(scope, "每村") == 0)
		scope = "village";
	else if (strcasecmp(scope, "group") == 0 || strcmp(scope, "组") == 0 ||
	    strcmp(scope, "社") == 0 || strcmp(scope, "村民小组") == 0 ||
	    strcmp(scope, "每组") == 0)
		scope = "group";
	else {
		import_problem(im, rec, MILESTONE_SCOPE, _("unknown value \"%s\"; "
		    "expected village or group"), scope);
		bad++;
	}
	m->value[MILESTONE_SCOPE] = scope;
	if (m->value[MILESTONE_ROUND] != NULL) {
		import_problem(im, rec, MILESTONE_ROUND, _("only a visit-coverage "
		    "milestone has one"));
		bad++;
	}
	for (size_t k = MILESTONE_CATEGORIES; k <= MILESTONE_ROLES;
	    k += MILESTONE_ROLES - MILESTONE_CATEGORIES)
		if (m->value[k] != NULL) {
			import_problem(im, rec, (int)k, _("only a visit-coverage "
			    "milestone has one"));
			bad++;
		}
	return bad;
}

/*
 * A rule-delivery milestone: each village's own rule set in force and
 * delivered to every household by the due date.  It has nothing but
 * its id, title and due date.
 */
static int
rule_delivery_check(struct import *im, const struct record *rec,
    const struct milestone *m)
{
	static const int visit_only[] = { MILESTONE_ROUND, MILESTONE_CATEGORIES,
	    MILESTONE_ROLES };
	int bad = 0;

	for (size_t i = 0; i < sizeof(visit_only) / sizeof(visit_only[0]); i++)
		if (m->value[visit_only[i]] != NULL) {
			import_problem(im, rec, visit_only[i], _("only a "
			    "visit-coverage milestone has one"));
			bad++;
		}
	for (int k = MILESTONE_MEETING_KIND; k <= MILESTONE_SCOPE; k++)
		if (m->value[k] != NULL) {
			import_problem(im, rec, k, _("only a meeting-coverage "
			    "milestone has one"));
			bad++;
		}
	return bad;
}

/*
 * A care-coverage milestone: every person carrying one of its tags has a
 * care visit from its from_date (when given) to its due date.  It names
 * the tags and may name roles; it has no round, categories, meeting
 * kind, scope or monitoring cases.
 */
static int
care_check(struct import *im, const struct record *rec, struct milestone *m)
{
	static const int not_care[] = { MILESTONE_ROUND, MILESTONE_CATEGORIES,
	    MILESTONE_MEETING_KIND, MILESTONE_SCOPE };
	int bad = 0;

	for (size_t i = 0; i < sizeof(not_care) / sizeof(not_care[0]); i++)
		if (m->value[not_care[i]] != NULL) {
			import_problem(im, rec, not_care[i], _("a care-coverage "
			    "milestone has none; it counts the care visits of the "
			    "people of its tags"));
			bad++;
		}
	if (m->value[MILESTONE_TAGS] == NULL) {
		import_problem(im, rec, MILESTONE_TAGS, _("missing; a care-coverage "
		    "milestone names the people it counts by their tags, such as "
		    "lonely_elderly"));
		bad++;
	}
	return bad;
}

/* The record whose roles are checked, for unknown_role(). */
struct role_check {
	struct import *im;
	const struct record *rec;
};

static void
unknown_role(void *context, const char *word)
{
	const struct role_check *rc = context;
	char expected[512];

	import_problem(rc->im, rc->rec, MILESTONE_ROLES, _("unknown value \"%s\"; "
	    "expected one of: %s"), word, vocab_describe("visitor_role", expected,
	    sizeof(expected)));
}

static void
unknown_tag(void *context, const char *word)
{
	const struct role_check *rc = context;
	char expected[512];

	import_problem(rc->im, rc->rec, MILESTONE_TAGS, _("unknown value \"%s\"; "
	    "expected one of: %s"), word, vocab_describe("member_tag", expected,
	    sizeof(expected)));
}

/*
 * The tags and from_date of m, a milestone of kind: a care-coverage
 * milestone's only.  The number of problems reported.
 */
static int
tags_check(struct import *im, const struct record *rec, struct milestone *m,
    const char *kind)
{
	const char *text;
	int bad = 0;

	if ((text = m->value[MILESTONE_TAGS]) != NULL) {
		struct role_check rc = { im, rec };

		if (strcmp(kind, "care_coverage") != 0) {
			import_problem(im, rec, MILESTONE_TAGS, _("only a "
			    "care-coverage milestone has one"));
			bad++;
		} else
			bad += vocab_list_codes("member_tag", text, m->tags,
			    sizeof(m->tags), unknown_tag, &rc);
		m->value[MILESTONE_TAGS] = m->tags[0] != '\0' ? m->tags : NULL;
	}
	if ((text = m->value[MILESTONE_FROM]) != NULL) {
		if (strcmp(kind, "care_coverage") != 0) {
			import_problem(im, rec, MILESTONE_FROM, _("only a "
			    "care-coverage milestone has one"));
			bad++;
		} else
			bad += import_date(im, rec, MILESTONE_FROM,
			    &m->value[MILESTONE_FROM], m->from_date);
	}
	return bad;
}

static int
milestone_check(struct import *im, const struct record *rec, struct milestone *m)
{
	const char *text, *bad_word, *kind;
	char expected[512];
	int bad = 0;

	memset(m, 0, sizeof(*m));
	for (size_t k = 0; k < MILESTONE_NFIELDS; k++)
		m->value[k] = import_value(im, rec, k);
	if ((text = m->value[MILESTONE_ID]) == NULL) {
		import_problem(im, rec, MILESTONE_ID, _("missing; every milestone "
		    "needs one, such as 2022-11-01"));
		bad++;
	} else if (strlen(text) > 64) {
		import_problem(im, rec, MILESTONE_ID, _("longer than 64 bytes"));
		bad++;
	}
	if (m->value[MILESTONE_TITLE] == NULL) {
		import_problem(im, rec, MILESTONE_TITLE, _("missing; every "
		    "milestone says what is due"));
		bad++;
	}
	if ((text = m->value[MILESTONE_KIND]) == NULL)
		m->value[MILESTONE_KIND] = "visit_coverage";
	else if ((m->value[MILESTONE_KIND] = vocab_code("milestone_kind", text)) ==
	    NULL) {
		import_problem(im, rec, MILESTONE_KIND, _("unknown value \"%s\"; "
		    "expected one of: %s"), text, vocab_describe("milestone_kind",
		    expected, sizeof(expected)));
		bad++;
	} else if (strcmp(m->value[MILESTONE_KIND], "meeting_coverage") == 0)
		bad += meeting_check(im, rec, m);
	else if (strcmp(m->value[MILESTONE_KIND], "rule_delivery") == 0)
		bad += rule_delivery_check(im, rec, m);
	else if (strcmp(m->value[MILESTONE_KIND], "care_coverage") == 0)
		bad += care_check(im, rec, m);
	if (m->value[MILESTONE_KIND] != NULL &&
	    strcmp(m->value[MILESTONE_KIND], "visit_coverage") == 0) {
		if (m->value[MILESTONE_ROUND] == NULL) {
			import_problem(im, rec, MILESTONE_ROUND, _("missing; a "
			    "visit-coverage milestone counts the visits of one "
			    "round, such as 2022-r1"));
			bad++;
		}
		for (size_t k = MILESTONE_MEETING_KIND; k <= MILESTONE_SCOPE; k++)
			if (m->value[k] != NULL) {
				import_problem(im, rec, (int)k, _("only a "
				    "meeting-coverage milestone has one"));
				bad++;
			}
	}
	if ((text = m->value[MILESTONE_CASES]) != NULL) {
		const char *yes = vocab_code("yes_no", text);

		if (yes == NULL) {
			import_problem(im, rec, MILESTONE_CASES, _("unknown value "
			    "\"%s\"; expected one of: %s"), text, vocab_describe(
			    "yes_no", expected, sizeof(expected)));
			bad++;
		} else if (strcmp(yes, "yes") == 0 && strcmp(m->value[MILESTONE_KIND] !=
		    NULL ? m->value[MILESTONE_KIND] : "", "visit_coverage") != 0) {
			import_problem(im, rec, MILESTONE_CASES, _("only a "
			    "visit-coverage milestone counts monitoring cases"));
			bad++;
		} else
			m->value[MILESTONE_CASES] = strcmp(yes, "yes") == 0 ? "1" : "0";
	}
	if (m->value[MILESTONE_ROUND] != NULL &&
	    strlen(m->value[MILESTONE_ROUND]) > 32) {
		import_problem(im, rec, MILESTONE_ROUND, _("longer than 32 bytes"));
		bad++;
	}
	if ((text = m->value[MILESTONE_CATEGORIES]) != NULL) {
		if (milestone_categories_parse(text, m->categories,
		    sizeof(m->categories), &bad_word) != 0) {
			import_problem(im, rec, MILESTONE_CATEGORIES, _("unknown "
			    "category \"%s\"; expected all, or some of: %s"),
			    bad_word != NULL ? bad_word : text, vocab_describe(
			    "category", expected, sizeof(expected)));
			bad++;
		}
		m->value[MILESTONE_CATEGORIES] = m->categories;
	}
	kind = m->value[MILESTONE_KIND] != NULL ? m->value[MILESTONE_KIND] : "";
	if ((text = m->value[MILESTONE_ROLES]) != NULL && (strcmp(kind,
	    "visit_coverage") == 0 || strcmp(kind, "care_coverage") == 0)) {
		struct role_check rc = { im, rec };

		bad += vocab_list_codes("visitor_role", text, m->roles,
		    sizeof(m->roles), unknown_role, &rc);
		m->value[MILESTONE_ROLES] = m->roles[0] != '\0' ? m->roles : NULL;
	}
	bad += tags_check(im, rec, m, kind);
	if ((text = m->value[MILESTONE_DUE_DATE]) == NULL) {
		import_problem(im, rec, MILESTONE_DUE_DATE, _("missing; every "
		    "milestone has a due date"));
		bad++;
	} else if (date_parse(text, m->due_date) != 0) {
		import_problem(im, rec, MILESTONE_DUE_DATE, _("not a date: \"%s\"; "
		    "write it as 2022-11-01"), text);
		bad++;
	} else {
		m->value[MILESTONE_DUE_DATE] = m->due_date;
		if (m->value[MILESTONE_FROM] == m->from_date &&
		    strcmp(m->from_date, m->due_date) > 0) {
			import_problem(im, rec, MILESTONE_FROM, _("%s is after the "
			    "due date %s"), m->from_date, m->due_date);
			bad++;
		}
	}
	return bad;
}

/* The same milestone twice in the input: name where it was first. */
static int
milestone_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	import_problem(im, rec, MILESTONE_ID, _("the same milestone is already on %s"),
	    sqlite3_column_text(row, MILESTONE_NFIELDS));
	return 1;
}

/* A milestone given again: every field but its id may be updated. */
static const struct merge_rule milestone_merge = {
	.entity = "milestone", .table = "milestone", .specs = milestone_fields,
	.first = 1, .nfields = MILESTONE_NFIELDS, .column = milestone_column,
	.stamped = 1, .again = milestone_again,
};

static int
prepare(struct milestone_import *mi, struct store *s, struct error *err)
{
	if (mi->insert != NULL)
		return 0;
	mi->insert = store_prepare(s, "INSERT INTO milestone (milestone_id, title, "
	    "kind, categories, round, due_date, meeting_kind, scope, roles, "
	    "monitor_cases, care_tags, care_from, created_at, updated_at, source) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	    "ON CONFLICT DO NOTHING", err);
	mi->find = store_prepare(s, "SELECT id, title, kind, categories, round, "
	    "due_date, meeting_kind, scope, roles, monitor_cases, care_tags, "
	    "care_from, source FROM milestone WHERE milestone_id = ?", err);
	if (mi->insert == NULL || mi->find == NULL)
		return -1;
	return merge_start(&mi->merge, s, &milestone_merge, err);
}

static int
milestone_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct milestone_import *mi = context;
	struct store *s = import_store(im);
	struct milestone m;
	sqlite3_stmt *st;
	char where[512];
	int rc;

	if (prepare(mi, s, err) != 0)
		return -1;
	if (milestone_check(im, rec, &m) > 0)
		return 1;
	snprintf(where, sizeof(where), "%s:%ld", rec->file, rec->line);
	st = mi->insert;
	for (int k = 0; k < MILESTONE_NFIELDS; k++)
		sqlite3_bind_text(st, k + 1, m.value[k], -1, SQLITE_STATIC);
	/* no categories: every household */
	if (m.value[MILESTONE_CATEGORIES] == NULL)
		sqlite3_bind_text(st, MILESTONE_CATEGORIES + 1, "", 0, SQLITE_STATIC);
	/* no roles: any visitor */
	if (m.value[MILESTONE_ROLES] == NULL)
		sqlite3_bind_text(st, MILESTONE_ROLES + 1, "", 0, SQLITE_STATIC);
	/* monitoring cases not asked for */
	if (m.value[MILESTONE_CASES] == NULL)
		sqlite3_bind_int(st, MILESTONE_CASES + 1, 0);
	/* no tags: not a care-coverage milestone */
	if (m.value[MILESTONE_TAGS] == NULL)
		sqlite3_bind_text(st, MILESTONE_TAGS + 1, "", 0, SQLITE_STATIC);
	sqlite3_bind_text(st, MILESTONE_NFIELDS + 1, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, MILESTONE_NFIELDS + 2, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, MILESTONE_NFIELDS + 3, where, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (sqlite3_changes(s->db) > 0) {
		import_stats(im)->added++;
		return audit_add(s, "milestone", m.value[MILESTONE_ID], "created",
		    NULL, m.value[MILESTONE_TITLE], err);
	}
	sqlite3_bind_text(mi->find, 1, m.value[MILESTONE_ID], -1, SQLITE_STATIC);
	rc = sqlite3_step(mi->find);
	if (rc == SQLITE_ROW)
		return merge_record(&mi->merge, im, rec, mi->find, m.value,
		    m.value[MILESTONE_ID], mi, err);
	sqlite3_reset(mi->find);
	return store_error(s, rc == SQLITE_DONE ? SQLITE_CONSTRAINT : rc, err);
}

static void
milestone_cleanup(void *context)
{
	struct milestone_import *mi = context;

	sqlite3_finalize(mi->insert);
	sqlite3_finalize(mi->find);
	merge_free(&mi->merge);
	memset(mi, 0, sizeof(*mi));
}

const struct import_kind milestone_import_kind = {
	milestone_fields, MILESTONE_NFIELDS, milestone_row, NULL,
	milestone_cleanup, sizeof(struct milestone_import),
	.entity = "milestone",
};
