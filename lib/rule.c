/* rule.c -- rule-step: the steps of a village's rule set (村规民约) in their order, each checked, recorded and audited */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "issue_parts.h"
#include "lifecycle.h"
#include "monitor_parts.h"
#include "place.h"
#include "rule.h"
#include "text.h"
#include "vocab.h"
#include "vote.h"

const struct field_spec rule_fields[RULE_NFIELDS] = {
	{ "village", "村|村(社区)|村名|行政村" },
	{ "village_group", "村民小组|小组|组|group" },
	{ "title", "名称|村规民约|村规民约名称|规约名称" },
	{ "step", "步骤|环节|程序" },
	{ "date", "日期|办理日期" },
	{ "who", "经办人|办理人|审查人|记录人" },
	{ "topics", "内容|主要内容|主题" },
	{ "groups", "征求范围|征求对象|征求意见范围" },
	{ "opinions", "收集意见|收集意见数|意见数" },
	{ "adopted", "采纳意见|采纳意见数|采纳数" },
	{ "representatives", "应到人数|应到|代表人数" },
	{ "present", "实到人数|实到|到会人数" },
	{ "yes", "同意|赞成" },
	{ "no", "不同意|反对" },
	{ "abstain", "弃权" },
	{ "result", "审查结果|结果|结论" },
	{ "place", "张贴地点|公布地点|地点" },
	{ "household_id", "户编号|户号" },
	{ "action", "奖惩|处理类别" },
	{ "body", "评议组织|监督组织|组织" },
	{ "notes", "备注|说明|理由|事由" },
};

const struct column rule_out_columns[RULE_OUT_NCOLUMNS] = {
	{ "rule_id", N_("rule set"), COLUMN_INTEGER },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "title", N_("title"), COLUMN_TEXT },
	{ "topics", N_("topics"), COLUMN_TEXT },
	{ "stage", N_("stage"), COLUMN_TEXT },
	{ "stage_on", N_("stage on"), COLUMN_TEXT },
	{ "rounds", N_("rounds"), COLUMN_INTEGER },
	{ "filed_on", N_("filed on"), COLUMN_TEXT },
	{ "in_force_on", N_("in force on"), COLUMN_TEXT },
	{ "delivered", N_("delivered"), COLUMN_INTEGER },
	{ "households", N_("households"), COLUMN_INTEGER },
	{ "next_step", N_("next step"), COLUMN_TEXT },
};

/* The step each field belongs to (NULL: any step). */
static const char *const field_step[RULE_NFIELDS] = {
	[RULE_TOPICS] = "draft", [RULE_GROUPS] = "consult",
	[RULE_OPINIONS] = "consult", [RULE_ADOPTED] = "consult",
	[RULE_REPRESENTATIVES] = "vote", [RULE_PRESENT] = "vote",
	[RULE_YES] = "vote", [RULE_NO] = "vote", [RULE_ABSTAIN] = "vote",
	[RULE_RESULT] = "review", [RULE_PLACE] = "post",
	[RULE_ACTION] = "enforce", [RULE_BODY] = "enforce",
};

/* The steps and the stages each may follow, in the order people are told them. */
static const struct lifecycle_step step_after[] = {
	{ "draft", " rejected refused " },
	{ "consult", " drafted consulted " },
	{ "vote", " consulted " },
	{ "review", " voted " },
	{ "post", " filed " },
	{ "deliver", " in_force " },
	{ "enforce", " in_force " },
};

static const struct lifecycle rule_lifecycle = {
	step_after, sizeof(step_after) / sizeof(step_after[0]),
	sizeof(step_after[0]), "rule_step", NULL
};

/* A rule set as stored; "" for what it lacks. */
struct rule_row {
	long long id;
	char stage[16], stage_on[11], title[256];
};

/* A step record as it is checked and applied. */
struct rule_rec {
	const char *v[RULE_NFIELDS];
	const char *step, *result, *action, *body, *who;
	long long village_id, group_id;
	char date[11], today[11], topics[256];
	long opinions, adopted;
	struct vote_result vote;
	struct rule_row r;	/* id 0: not stored yet */
};

/* ---- checking ---- */

/* A count field (NULL: none given) into *n; 1 when it is not one (reported). */
static int
check_count(struct import *im, const struct record *rec, int k,
    const char *text, long *n)
{
	if (text == NULL || number_parse(text, 0, 1000000, n) == 0)
		return 0;
	import_problem(im, rec, k, _("not a count from 0 to 1000000: \"%s\""),
	    text);
	return 1;
}

/* The step, date and codes into u, and whether the fields fit the step; 1 when one is bad (reported). */
static int
check_codes(struct import *im, const struct record *rec, struct rule_rec *u)
{
	const char *const *v = u->v;
	int bad = 0;

	if (v[RULE_TITLE] == NULL)
		bad |= import_missing(im, rec, RULE_TITLE, _("which rule set? "
		    "give its title"));
	if (v[RULE_VILLAGE] == NULL)
		bad |= import_missing(im, rec, RULE_VILLAGE, _("which "
		    "village's rule set?"));
	if (v[RULE_STEP] == NULL)
		bad |= import_missing(im, rec, RULE_STEP, _("which step?"));
	else
		bad |= case_check_code(im, rec, RULE_STEP, "rule_step", v[RULE_STEP],
		    &u->step);
	bad |= case_check_code(im, rec, RULE_RESULT, "rule_result",
	    v[RULE_RESULT], &u->result);
	bad |= case_check_code(im, rec, RULE_ACTION, "rule_action",
	    v[RULE_ACTION], &u->action);
	bad |= case_check_code(im, rec, RULE_BODY, "rule_body", v[RULE_BODY],
	    &u->body);
	if (v[RULE_TOPICS] != NULL)
		bad |= case_check_list(im, rec, RULE_TOPICS, "rule_topic",
		    v[RULE_TOPICS], u->topics, sizeof(u->topics));
	bad |= case_check_day(im, rec, RULE_DATE, v[RULE_DATE], u->today,
	    u->date);
	bad |= check_count(im, rec, RULE_OPINIONS, v[RULE_OPINIONS], &u->opinions);
	bad |= check_count(im, rec, RULE_ADOPTED, v[RULE_ADOPTED], &u->adopted);
	if (u->step == NULL)
		return 1;
	bad |= lifecycle_check_fields(&rule_lifecycle, im, rec, v, field_step,
	    RULE_NFIELDS, u->step);
	if (v[RULE_HOUSEHOLD] != NULL && strcmp(u->step, "deliver") != 0 &&
	    strcmp(u->step, "enforce") != 0) {
		import_problem(im, rec, RULE_HOUSEHOLD, _("a household goes with a "
		    "delivery or an enforcement"));
		bad = 1;
	}
	return bad;
}

/*
 * The vote's counts decided by vote_decide() into u->vote; 1 when one
 * is missing or they are impossible (reported).
 */
static int
check_vote(struct import *im, const struct record *rec, struct rule_rec *u)
{
	static const int k[] = { RULE_REPRESENTATIVES, RULE_PRESENT, RULE_YES,
	    RULE_NO, RULE_ABSTAIN };
	long n[5] = { 0 };
	struct error why = { 0 };
	int bad = 0;

	for (int i = 0; i < 5; i++) {
		if (u->v[k[i]] == NULL && i < 3)
			bad |= import_missing(im, rec, k[i], _("a vote records "
			    "the representatives in office, those present and "
			    "the yes votes (no and abstain when there were "
			    "any)"));
		else
			bad |= check_count(im, rec, k[i], u->v[k[i]], &n[i]);
	}
	if (bad)
		return 1;
	if (vote_decide(n[0], n[1], n[2], n[3], n[4], &u->vote, &why) != 0) {
		import_problem(im, rec, RULE_PRESENT, "%s", why.text);
		return 1;
	}
	return 0;
}

/* What the step itself needs; 1 when something is missing or wrong (reported). */
static int
check_content(struct import *im, const struct record *rec, struct rule_rec *u)
{
	const char *const *v = u->v;
	const char *s = u->step;
	int bad = 0;

	if (strcmp(s, "draft") == 0 && u->topics[0] == '\0' &&
	    v[RULE_TOPICS] == NULL)
		return import_missing(im, rec, RULE_TOPICS, _("a draft names "
		    "its topics (changing customs, neighbourly harmony, high "
		    "bride prices, lavish ceremonies ...)"));
	if (strcmp(s, "consult") == 0) {
		if (v[RULE_GROUPS] == NULL)
			bad |= import_missing(im, rec, RULE_GROUPS, _("a round "
			    "of consultation names whom it asked"));
		if (v[RULE_OPINIONS] == NULL || v[RULE_ADOPTED] == NULL)
			bad |= import_missing(im, rec,
			    v[RULE_OPINIONS] == NULL ? RULE_OPINIONS :
			    RULE_ADOPTED, _("a round of consultation counts "
			    "the opinions received and adopted"));
		if (!bad && u->adopted > u->opinions) {
			import_problem(im, rec, RULE_ADOPTED, _("%ld opinions adopted of "
			    "%ld received"), u->adopted, u->opinions);
			bad = 1;
		}
		return bad;
	}
	if (strcmp(s, "vote") == 0)
		return check_vote(im, rec, u);
	if (strcmp(s, "review") == 0) {
		if (u->result == NULL)
			return import_missing(im, rec, RULE_RESULT, _("the "
			    "review files the rule set or refuses it: passed "
			    "or refused"));
		if (strcmp(u->result, "passed") != 0 &&
		    strcmp(u->result, "refused") != 0) {
			import_problem(im, rec, RULE_RESULT, _("a review is passed or "
			    "refused, not %s"), vocab_label("rule_result", u->result));
			return 1;
		}
		if (strcmp(u->result, "refused") == 0 && v[RULE_NOTES] == NULL)
			return import_missing(im, rec, RULE_NOTES, _("a "
			    "refusal says why"));
		return 0;
	}
	if (strcmp(s, "post") == 0 && v[RULE_PLACE] == NULL)
		return import_missing(im, rec, RULE_PLACE, _("a posting says "
		    "where"));
	if (strcmp(s, "deliver") == 0 && v[RULE_HOUSEHOLD] == NULL)
		return import_missing(im, rec, RULE_HOUSEHOLD, _("a delivery "
		    "names the household"));
	if (strcmp(s, "enforce") == 0) {
		if (v[RULE_HOUSEHOLD] == NULL)
			bad |= import_missing(im, rec, RULE_HOUSEHOLD, _("an "
			    "enforcement names the household"));
		if (u->action == NULL && v[RULE_ACTION] == NULL)
			bad |= import_missing(im, rec, RULE_ACTION, _("an "
			    "enforcement is a violation handled or a reward"));
		if (u->body == NULL && v[RULE_BODY] == NULL)
			bad |= import_missing(im, rec, RULE_BODY, _("an "
			    "enforcement names the body that decided it: "
			    "red_white_council, moral_council, elders_hall or "
			    "village_committee"));
		if (v[RULE_NOTES] == NULL)
			bad |= import_missing(im, rec, RULE_NOTES, _("an "
			    "enforcement says what was done"));
	}
	return bad;
}

/* The rule set of u's place and title into u->r: 1, 0 when none, -1 with err set. */
static int
load_rule(struct store *s, struct rule_rec *u, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id, stage, stage_on, title "
	    "FROM rule_set WHERE village_id = ? AND coalesce(group_id, 0) = ? "
	    "AND title = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	memset(&u->r, 0, sizeof(u->r));
	sqlite3_bind_int64(st, 1, u->village_id);
	sqlite3_bind_int64(st, 2, u->group_id);
	sqlite3_bind_text(st, 3, u->v[RULE_TITLE], -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		u->r.id = sqlite3_column_int64(st, 0);
		snprintf(u->r.stage, sizeof(u->r.stage), "%s",
		    sqlite3_column_text(st, 1));
		snprintf(u->r.stage_on, sizeof(u->r.stage_on), "%s",
		    sqlite3_column_text(st, 2));
		snprintf(u->r.title, sizeof(u->r.title), "%s",
		    sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The step may follow where the rule set is (a draft may start one),
 * dated no earlier than its last step.  1 when not (reported).
 */
static int
check_order(struct import *im, const struct record *rec,
    const struct rule_rec *u)
{
	char next[256];

	if (u->r.id == 0) {
		if (strcmp(u->step, "draft") == 0)
			return 0;
		import_problem(im, rec, RULE_STEP, _("no rule set \"%s\" of %s; a "
		    "draft starts one"), u->v[RULE_TITLE], u->v[RULE_VILLAGE]);
		return 1;
	}
	if (!lifecycle_may_follow(&rule_lifecycle, lifecycle_find(&rule_lifecycle,
	    u->step), NULL, u->r.stage)) {
		lifecycle_next(&rule_lifecycle, NULL, u->r.stage, next, sizeof(next));
		import_problem(im, rec, RULE_STEP, _("rule set \"%s\" is %s (%s); "
		    "its next step is %s, not the %s"), u->r.title,
		    vocab_label("rule_stage", u->r.stage), u->r.stage_on, next,
		    vocab_label("rule_step", u->step));
		return 1;
	}
	if (strcmp(u->date, u->r.stage_on) < 0) {
		import_problem(im, rec, RULE_DATE, _("%s is before the last step of "
		    "rule set \"%s\" (%s, %s)"), u->date, u->r.title,
		    vocab_label("rule_stage", u->r.stage), u->r.stage_on);
		return 1;
	}
	return 0;
}

/*
 * The household of a delivery or an enforcement: registered, in the
 * rule set's village (and group, for a group's rules).  0, 1 when not
 * (reported), -1 with err set.
 */
static int
check_household(struct import *im, const struct record *rec, struct store *s,
    const struct rule_rec *u, struct error *err)
{
	const char *id = u->v[RULE_HOUSEHOLD];
	sqlite3_stmt *st;
	long long vid = 0, gid = 0;
	int rc;

	if (id == NULL)
		return 0;
	if ((st = store_prepare(s, "SELECT village_id, coalesce(group_id, 0) "
	    "FROM household WHERE household_id = ?", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		vid = sqlite3_column_int64(st, 0);
		gid = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (rc == SQLITE_DONE) {
		import_problem(im, rec, RULE_HOUSEHOLD, _("no household %s"), id);
		return 1;
	}
	if (vid != u->village_id || (u->group_id != 0 && gid != u->group_id)) {
		import_problem(im, rec, RULE_HOUSEHOLD, _("household %s is not of %s%s, "
		    "whose rules these are"), id, u->v[RULE_VILLAGE],
		    u->v[RULE_GROUP] != NULL ? u->v[RULE_GROUP] : "");
		return 1;
	}
	return 0;
}

/* ---- recording ---- */

/* The values of a step's row, in the order of step_columns. */
enum { NSTEP = 18 };
static const char step_columns[] = "who, topics, groups_consulted, "
    "opinions, opinions_adopted, representatives, present, yes, no, "
    "abstain, result, place, household_id, action, body, notes, rule_id, "
    "step";

/* Bind u's step row to st from parameter first on (NSTEP of them). */
static void
bind_step(sqlite3_stmt *st, int first, const struct rule_rec *u)
{
	const char *const *v = u->v;
	const char *result = u->result;
	int vote = strcmp(u->step, "vote") == 0;
	int p = first;

	if (vote)
		result = !u->vote.valid ? "no_quorum" : u->vote.adopted ?
		    "adopted" : "not_adopted";
	sqlite3_bind_text(st, p++, u->who, -1, SQLITE_STATIC);
	if (u->topics[0] != '\0')
		sqlite3_bind_text(st, p, u->topics, -1, SQLITE_STATIC);
	p++;
	sqlite3_bind_text(st, p++, v[RULE_GROUPS], -1, SQLITE_STATIC);
	if (strcmp(u->step, "consult") == 0) {
		sqlite3_bind_int64(st, p, u->opinions);
		sqlite3_bind_int64(st, p + 1, u->adopted);
	}
	p += 2;
	if (vote) {
		sqlite3_bind_int64(st, p, u->vote.representatives);
		sqlite3_bind_int64(st, p + 1, u->vote.present);
		sqlite3_bind_int64(st, p + 2, u->vote.yes);
		sqlite3_bind_int64(st, p + 3, u->vote.no);
		sqlite3_bind_int64(st, p + 4, u->vote.abstain);
	}
	p += 5;
	sqlite3_bind_text(st, p++, result, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p++, v[RULE_PLACE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p++, v[RULE_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p++, u->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p++, u->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, p++, v[RULE_NOTES], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, p++, u->r.id);
	sqlite3_bind_text(st, p, u->step, -1, SQLITE_STATIC);
}

/*
 * The step recorded already on its day (a delivery: to its household
 * on any day): the same again is unchanged (2); another is refused (1,
 * reported).  0 when it is not recorded, -1 with err set.
 */
static int
check_recorded(struct import *im, const struct record *rec, struct store *s,
    const struct rule_rec *u, struct error *err)
{
	char sql[512], on[11] = "", who[128] = "";
	sqlite3_stmt *st;
	int rc, same = 0;

	if (u->r.id == 0)
		return 0;
	/* every column the same, as bound: IS compares NULLs too */
	snprintf(sql, sizeof(sql), "SELECT done_on, who, (who, topics, "
	    "groups_consulted, opinions, opinions_adopted, representatives, "
	    "present, yes, no, abstain, result, place, household_id, action, "
	    "body, notes, rule_id, step, done_on) IS (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) FROM "
	    "rule_step WHERE rule_id = ?17 AND step = ?18 AND (done_on = ?19 OR "
	    "step = 'deliver') AND coalesce(household_id, '') = coalesce(?13, '')");
	if ((st = store_prepare(s, sql, err)) == NULL)
		return -1;
	bind_step(st, 1, u);
	sqlite3_bind_text(st, NSTEP + 1, u->date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(on, sizeof(on), "%s", sqlite3_column_text(st, 0));
		snprintf(who, sizeof(who), "%s", sqlite3_column_text(st, 1));
		same = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return store_error(s, rc, err);
	if (same)
		return 2;
	import_problem(im, rec, RULE_STEP, _("rule set \"%s\": the %s of %s was "
	    "recorded already by %s, differently; a step is recorded once"),
	    u->r.title, vocab_label("rule_step", u->step), on, who);
	return 1;
}

/* The stage a step leaves its rule set at ("": where it was). */
static const char *
stage_after(const struct rule_rec *u)
{
	const char *s = u->step;

	if (strcmp(s, "draft") == 0)
		return "drafted";
	if (strcmp(s, "consult") == 0)
		return "consulted";
	if (strcmp(s, "vote") == 0)
		return !u->vote.valid ? "consulted" : u->vote.adopted ? "voted" :
		    "rejected";
	if (strcmp(s, "review") == 0)
		return strcmp(u->result, "passed") == 0 ? "filed" : "refused";
	if (strcmp(s, "post") == 0)
		return "in_force";
	return "";
}

/* A new rule set at its draft; its id into u->r.id, 0, or -1 with err set. */
static int
insert_rule(struct store *s, struct rule_rec *u, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = store_prepare(s, "INSERT INTO rule_set (village_id, group_id, "
	    "title, topics, stage, stage_on, created_at, updated_at) VALUES (?1, "
	    "?2, ?3, ?4, 'drafted', ?5, ?6, ?6)", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->village_id);
	if (u->group_id != 0)
		sqlite3_bind_int64(st, 2, u->group_id);
	sqlite3_bind_text(st, 3, u->v[RULE_TITLE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->topics, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, u->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	u->r.id = sqlite3_last_insert_rowid(s->db);
	snprintf(u->r.title, sizeof(u->r.title), "%s", u->v[RULE_TITLE]);
	return 0;
}

/* Write the step's row and move its rule set on, all audited; 0, or -1 with err set. */
static int
record_step(struct store *s, struct rule_rec *u, struct error *err)
{
	const char *stage = stage_after(u);
	char sql[512], id[24], what[512];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "INSERT INTO rule_step (%s, done_on, "
	    "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)", step_columns);
	if ((st = store_prepare(s, sql, err)) == NULL)
		return -1;
	bind_step(st, 1, u);
	sqlite3_bind_text(st, NSTEP + 1, u->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, NSTEP + 2, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(id, sizeof(id), "%lld", u->r.id);
	snprintf(what, sizeof(what), "%s %s%s%s%s%s", u->date, u->who,
	    u->v[RULE_HOUSEHOLD] != NULL ? " " : "",
	    u->v[RULE_HOUSEHOLD] != NULL ? u->v[RULE_HOUSEHOLD] : "",
	    u->result != NULL || strcmp(u->step, "vote") == 0 ? " " : "",
	    strcmp(u->step, "vote") == 0 ? (!u->vote.valid ? "no_quorum" :
	    u->vote.adopted ? "adopted" : "not_adopted") : u->result != NULL ?
	    u->result : "");
	if (audit_add(s, "rule", id, u->step, NULL, what, err) != 0)
		return -1;
	if (stage[0] == '\0')
		return 0;
	if ((st = store_prepare(s, "UPDATE rule_set SET stage = ?1, stage_on = "
	    "?2, topics = coalesce(?3, topics), filed_on = CASE WHEN ?1 = "
	    "'filed' THEN ?2 ELSE filed_on END, in_force_on = CASE WHEN ?1 = "
	    "'in_force' THEN ?2 ELSE in_force_on END, updated_at = ?4 WHERE "
	    "id = ?5", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, stage, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->date, -1, SQLITE_STATIC);
	if (u->topics[0] != '\0')
		sqlite3_bind_text(st, 3, u->topics, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, u->r.id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (strcmp(stage, u->r.stage) == 0)
		return 0;
	return audit_add(s, "rule", id, "stage", u->r.stage[0] != '\0' ?
	    u->r.stage : NULL, stage, err);
}

/*
 * One step record: its rule set found by place and title, everything
 * checked first (every problem reported), then the step written and
 * the rule set moved on, audited.
 */
static int
step_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct store *s = import_store(im);
	struct rule_rec u = { 0 };
	int bad, rc;

	(void)context;
	u.who = lifecycle_record_start(im, rec, u.v, RULE_NFIELDS, RULE_WHO,
	    u.today);
	bad = check_codes(im, rec, &u);
	if (u.v[RULE_VILLAGE] != NULL && (rc = issue_find_place(im, rec, s,
	    RULE_VILLAGE, u.v[RULE_VILLAGE], u.v[RULE_GROUP], &u.village_id,
	    &u.group_id, err)) != 0) {
		if (rc < 0)
			return -1;
		bad = 1;
	}
	if (bad || check_content(im, rec, &u))
		return 1;
	if (load_rule(s, &u, err) < 0)
		return -1;
	if ((rc = check_recorded(im, rec, s, &u, err)) == 2) {
		import_stats(im)->unchanged++;
		return 0;
	}
	if (rc != 0)
		return rc;
	if (check_order(im, rec, &u))
		return 1;
	if ((rc = check_household(im, rec, s, &u, err)) != 0)
		return rc;
	if (u.r.id == 0) {
		if (insert_rule(s, &u, err) != 0)
			return -1;
		import_stats(im)->added++;
	} else
		import_stats(im)->updated++;
	if (record_step(s, &u, err) != 0)
		return -1;
	return lifecycle_touched(im, u.r.id, err);
}

const struct import_kind rule_step_kind = {
	rule_fields, RULE_NFIELDS, step_row, NULL, NULL, 0,
	.entity = "rule",
};

/* ---- writing a rule set out ---- */

int
rule_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err)
{
	static const char *const domains[RULE_OUT_NCOLUMNS] = {
		[5] = "rule_stage", [12] = "rule_step"
	};
	sqlite3_stmt *st = store_prepare(s, "SELECT r.id, v.name, g.name, "
	    "r.title, r.topics, r.stage, r.stage_on, (SELECT count(*) FROM "
	    "rule_step x WHERE x.rule_id = r.id AND x.step = 'consult'), "
	    "r.filed_on, r.in_force_on, (SELECT count(*) FROM rule_step x WHERE "
	    "x.rule_id = r.id AND x.step = 'deliver'), (SELECT count(*) FROM "
	    "household h WHERE h.village_id = r.village_id AND (r.group_id IS "
	    "NULL OR h.group_id = r.group_id)), CASE r.stage WHEN 'drafted' "
	    "THEN 'consult' WHEN 'consulted' THEN 'vote' WHEN 'voted' THEN "
	    "'review' WHEN 'filed' THEN 'post' WHEN 'in_force' THEN 'deliver' "
	    "ELSE 'draft' END FROM rule_set r JOIN village v ON v.id = "
	    "r.village_id LEFT JOIN village_group g ON g.id = r.group_id WHERE "
	    "r.id = ?", err);
	const char *v[RULE_OUT_NCOLUMNS];
	struct buf topics = { 0 };
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int k = 0; k < RULE_OUT_NCOLUMNS; k++) {
			v[k] = (const char *)sqlite3_column_text(st, k);
			if (labels && domains[k] != NULL)
				v[k] = vocab_label(domains[k], v[k]);
		}
		if (labels)
			v[4] = vocab_labels("rule_topic", v[4], &topics);
		rc = writer_row(w, v, err) == 0 ? SQLITE_DONE : -1;
	}
	sqlite3_finalize(st);
	buf_free(&topics);
	if (rc == -1)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}
