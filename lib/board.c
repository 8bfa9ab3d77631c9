/* board.c -- board-step: entries of a village's honour and exposure boards, step by step, checked, recorded and audited */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "board.h"
#include "issue_parts.h"
#include "lifecycle.h"
#include "monitor_parts.h"
#include "text.h"
#include "vocab.h"

const struct field_spec board_fields[BOARD_NFIELDS] = {
	{ "board", "榜|榜单|光荣榜曝光台" },
	{ "village", "村|村(社区)|村名|行政村" },
	{ "household_id", "户编号|户号" },
	{ "period_from", "上榜日期|公布期起|开始日期|起始日期" },
	{ "period_to", "撤榜日期|公布期止|结束日期|截止日期" },
	{ "step", "步骤|环节|程序" },
	{ "date", "日期|办理日期" },
	{ "who", "经办人|办理人|记录人" },
	{ "headline", "上榜内容|内容|事由|事迹" },
	{ "source", "来源|依据" },
	{ "reason", "曝光理由|理由|原因" },
	{ "object_by", "异议期限|异议截止日期" },
	{ "result", "处理结果|复核结果|结果" },
	{ "notes", "备注|说明|异议内容|处理意见" },
};

/*
 * The steps: the stages each may follow (' '-separated; "": a new
 * entry), the stage it leaves (NULL: decided by the result), the column
 * of its day and those of the fields it records.
 */
static const struct step {
	struct lifecycle_step move;
	const char *stage, *on;
	const char *column[4];
	int field[4];
} steps[] = {
	{ { "propose", "" }, "proposed", "proposed_on",
	  { "period_to", "source", "headline", "reason" },
	  { BOARD_TO, BOARD_SOURCE, BOARD_HEADLINE, BOARD_REASON } },
	{ { "notify", " proposed " }, "notified", "notified_on",
	  { "object_by" }, { BOARD_OBJECT_BY } },
	{ { "object", " notified " }, "objected", "objected_on",
	  { "objection" }, { BOARD_NOTES } },
	{ { "decide", " objected " }, NULL, "decided_on",
	  { "result", "decision" }, { BOARD_RESULT, BOARD_NOTES } },
	{ { "post", " proposed notified answered " }, "posted", "posted_on",
	  { NULL }, { 0 } },
	{ { "remove", " posted " }, "removed", "removed_on",
	  { "removed_why" }, { BOARD_NOTES } },
};

static int step_allowed(const char *board, const char *stage,
    const struct lifecycle_step *step);

static const struct lifecycle board_lifecycle = {
	steps, sizeof(steps) / sizeof(steps[0]), sizeof(steps[0]),
	"board_step", step_allowed
};

/* The step each field belongs to (NULL: any step). */
static const char *const field_step[BOARD_NFIELDS] = {
	[BOARD_TO] = "propose", [BOARD_HEADLINE] = "propose",
	[BOARD_SOURCE] = "propose", [BOARD_REASON] = "propose",
	[BOARD_OBJECT_BY] = "notify", [BOARD_RESULT] = "decide",
};

/* An entry as stored; "" for what it lacks. */
struct entry {
	long long id;
	char board[16], stage[16], stage_on[11], period_to[11], object_by[11];
};

/* A step record as it is checked and applied. */
struct board_rec {
	const char *v[BOARD_NFIELDS];
	const struct step *step;
	const char *board, *source, *result, *who;
	long long village_id, household_village, honour_id;
	char date[11], today[11], from[11], to[11], object_by[11];
	struct entry e;		/* id 0: not stored yet */
};

/* ---- checking ---- */

/* The step, the entry's key, the dates and codes into u; 1 when one is bad (reported). */
static int
check_fields(struct import *im, const struct record *rec, struct board_rec *u)
{
	const char *const *v = u->v;
	const char *step = NULL;
	int bad = 0;

	if (v[BOARD_BOARD] == NULL)
		bad |= import_missing(im, rec, BOARD_BOARD, _("which board? "
		    "honour or exposure"));
	else
		bad |= case_check_code(im, rec, BOARD_BOARD, "board", v[BOARD_BOARD],
		    &u->board);
	if (v[BOARD_HOUSEHOLD] == NULL)
		bad |= import_missing(im, rec, BOARD_HOUSEHOLD, _("which "
		    "household is posted?"));
	if (v[BOARD_FROM] == NULL)
		bad |= import_missing(im, rec, BOARD_FROM, _("the first day of "
		    "the period the entry is posted for"));
	else
		bad |= issue_check_date(im, rec, BOARD_FROM, v[BOARD_FROM], u->from);
	if (v[BOARD_TO] != NULL)
		bad |= issue_check_date(im, rec, BOARD_TO, v[BOARD_TO], u->to);
	if (v[BOARD_OBJECT_BY] != NULL)
		bad |= issue_check_date(im, rec, BOARD_OBJECT_BY, v[BOARD_OBJECT_BY],
		    u->object_by);
	if (v[BOARD_STEP] == NULL)
		bad |= import_missing(im, rec, BOARD_STEP, _("which step?"));
	else
		bad |= case_check_code(im, rec, BOARD_STEP, "board_step",
		    v[BOARD_STEP], &step);
	bad |= case_check_code(im, rec, BOARD_SOURCE, "board_source",
	    v[BOARD_SOURCE], &u->source);
	bad |= case_check_code(im, rec, BOARD_RESULT, "board_result",
	    v[BOARD_RESULT], &u->result);
	bad |= case_check_day(im, rec, BOARD_DATE, v[BOARD_DATE], u->today,
	    u->date);
	if (step == NULL)
		return 1;
	u->step = (const struct step *)lifecycle_find(&board_lifecycle, step);
	return bad | lifecycle_check_fields(&board_lifecycle, im, rec, v,
	    field_step, BOARD_NFIELDS, step);
}

/* What a proposal needs: its period, a source that fits the board, an exposure's reason. */
static int
check_proposal(struct import *im, const struct record *rec,
    struct board_rec *u)
{
	int exposure = strcmp(u->board, "exposure") == 0, bad = 0;

	if (u->v[BOARD_TO] == NULL)
		bad |= import_missing(im, rec, BOARD_TO, _("the last day of "
		    "the period the entry is posted for"));
	else if (strcmp(u->to, u->from) < 0) {
		import_problem(im, rec, BOARD_TO, _("%s is before the first day of "
		    "the period %s"), u->to, u->from);
		bad = 1;
	}
	if (u->source == NULL)
		bad |= import_missing(im, rec, BOARD_SOURCE, exposure ?
		    _("where the entry comes from: the evaluation's black list "
		    "or a council's finding") : _("where the entry comes from: "
		    "a selection or the evaluation's red list"));
	else if (exposure != (strcmp(u->source, "black_list") == 0 ||
	    strcmp(u->source, "council") == 0)) {
		import_problem(im, rec, BOARD_SOURCE, _("the %s does not take "
		    "entries from %s"), vocab_label("board", u->board),
		    vocab_label("board_source", u->source));
		bad = 1;
	}
	if (exposure && u->v[BOARD_REASON] == NULL)
		bad |= import_missing(im, rec, BOARD_REASON, _("an entry on "
		    "the exposure board says why; it is refused without its "
		    "reason"));
	if (!exposure && u->v[BOARD_REASON] != NULL) {
		import_problem(im, rec, BOARD_REASON, _("an entry on the honour "
		    "board has no reason for exposure"));
		bad = 1;
	}
	if (u->v[BOARD_HEADLINE] == NULL && (u->source == NULL ||
	    strcmp(u->source, "selection") != 0))
		bad |= import_missing(im, rec, BOARD_HEADLINE, _("what is "
		    "posted"));
	return bad;
}

/* What the step itself needs; 1 when something is missing or wrong (reported). */
static int
check_content(struct import *im, const struct record *rec,
    struct board_rec *u)
{
	const char *s = u->step->move.step;
	int bad = 0;

	if (strcmp(s, "propose") == 0)
		return check_proposal(im, rec, u);
	if (strcmp(s, "notify") == 0 && u->v[BOARD_OBJECT_BY] == NULL)
		return import_missing(im, rec, BOARD_OBJECT_BY, _("the "
		    "household is told the reason and the last day it may "
		    "object"));
	if (strcmp(s, "notify") == 0 && strcmp(u->object_by, u->date) < 0) {
		import_problem(im, rec, BOARD_OBJECT_BY, _("%s is before the notice "
		    "itself (%s)"), u->object_by, u->date);
		return 1;
	}
	if (strcmp(s, "decide") == 0 && u->result == NULL)
		bad |= import_missing(im, rec, BOARD_RESULT, _("the objection "
		    "is upheld or dismissed"));
	if ((strcmp(s, "object") == 0 || strcmp(s, "decide") == 0 ||
	    strcmp(s, "remove") == 0) && u->v[BOARD_NOTES] == NULL)
		bad |= import_missing(im, rec, BOARD_NOTES,
		    strcmp(s, "object") == 0 ? _("what the household objects "
		    "to") : strcmp(s, "decide") == 0 ? _("why the objection is "
		    "decided so") : _("why the entry comes down before the end "
		    "of its period"));
	return bad;
}

/* ---- the store ---- */

/* Run st to its one row; 1, 0 when none, -1 with err set (st finalized). */
static int
one_row(struct store *s, sqlite3_stmt *st, struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The household of u, in the village given if one is, into
 * u->household_village; 0, 1 when not (reported), -1 with err set.
 */
static int
find_household(struct import *im, const struct record *rec, struct store *s,
    struct board_rec *u, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT village_id FROM household "
	    "WHERE household_id = ?", err);
	long long group_id = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, u->v[BOARD_HOUSEHOLD], -1, SQLITE_STATIC);
	if ((rc = one_row(s, st, err)) <= 0) {
		if (rc == 0)
			import_problem(im, rec, BOARD_HOUSEHOLD, _("no household %s"),
			    u->v[BOARD_HOUSEHOLD]);
		return rc < 0 ? -1 : 1;
	}
	u->household_village = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (u->v[BOARD_VILLAGE] == NULL)
		return 0;
	if ((rc = issue_find_place(im, rec, s, BOARD_VILLAGE, u->v[BOARD_VILLAGE],
	    NULL, &u->village_id, &group_id, err)) != 0)
		return rc;
	if (u->village_id != u->household_village) {
		import_problem(im, rec, BOARD_VILLAGE, _("household %s is not of "
		    "%s"), u->v[BOARD_HOUSEHOLD], u->v[BOARD_VILLAGE]);
		return 1;
	}
	return 0;
}

/* The entry of u's key into u->e: 1, 0 when none, -1 with err set. */
static int
load_entry(struct store *s, void *v, struct error *err)
{
	struct board_rec *u = v;
	sqlite3_stmt *st = store_prepare(s, "SELECT id, board, stage, stage_on, "
	    "period_to, object_by FROM board_entry WHERE board = ? AND "
	    "household_id = ? AND period_from = ?", err);
	int rc;

	memset(&u->e, 0, sizeof(u->e));
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, u->board, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->v[BOARD_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->from, -1, SQLITE_STATIC);
	if ((rc = one_row(s, st, err)) <= 0)
		return rc;
	u->e.id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, u->e.board, sizeof(u->e.board));
	store_column_copy(st, 2, u->e.stage, sizeof(u->e.stage));
	store_column_copy(st, 3, u->e.stage_on, sizeof(u->e.stage_on));
	store_column_copy(st, 4, u->e.period_to, sizeof(u->e.period_to));
	store_column_copy(st, 5, u->e.object_by, sizeof(u->e.object_by));
	sqlite3_finalize(st);
	return 1;
}

/* The value u gives column i of its step, normalised (NULL: none). */
static const char *
step_value(const struct board_rec *u, int i)
{
	switch (u->step->field[i]) {
	case BOARD_TO:
		return u->v[BOARD_TO] != NULL ? u->to : NULL;
	case BOARD_SOURCE:
		return u->source;
	case BOARD_OBJECT_BY:
		return u->v[BOARD_OBJECT_BY] != NULL ? u->object_by : NULL;
	case BOARD_RESULT:
		return u->result;
	default:
		return u->v[u->step->field[i]];
	}
}

/*
 * The statement head "(day, columns...) op (?1, ?2...)" tail of u's
 * step, its day bound to ?1, its columns' values to ?2 on and the
 * entry's id to ?6: NULL with err set on failure.
 */
static sqlite3_stmt *
step_statement(struct store *s, const struct board_rec *u, const char *head,
    const char *op, const char *tail, struct error *err)
{
	char columns[160] = "", params[32] = "", sql[640];
	sqlite3_stmt *st;
	size_t len = 0;
	int n = 0;

	for (; n < 4 && u->step->column[n] != NULL; n++) {
		len += (size_t)snprintf(columns + len, sizeof(columns) - len, ", %s",
		    u->step->column[n]);
		snprintf(params + 4 * n, sizeof(params) - 4 * (size_t)n, ", ?%d",
		    n + 2);
	}
	snprintf(sql, sizeof(sql), "%s(%s%s) %s (?1%s)%s", head, u->step->on,
	    columns, op, params, tail);
	if ((st = store_prepare(s, sql, err)) == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, u->date, -1, SQLITE_STATIC);
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 2, step_value(u, i), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, u->e.id);
	return st;
}

/*
 * The step recorded already on the entry: the same again is unchanged
 * (2); another is refused (1, reported).  0 when it is not recorded,
 * -1 with err set.
 */
static int
check_recorded(struct import *im, const struct record *rec, struct store *s,
    const void *v, struct error *err)
{
	const struct board_rec *u = v;
	char head[64], tail[128], on[11];
	sqlite3_stmt *st;
	int rc, same;

	if (u->e.id == 0)
		return 0;
	snprintf(head, sizeof(head), "SELECT %s, ", u->step->on);
	snprintf(tail, sizeof(tail), " FROM board_entry WHERE id = ?6 AND %s IS "
	    "NOT NULL", u->step->on);
	if ((st = step_statement(s, u, head, "IS", tail, err)) == NULL)
		return -1;
	if ((rc = one_row(s, st, err)) <= 0)
		return rc;
	store_column_copy(st, 0, on, sizeof(on));
	same = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	if (same)
		return 2;
	import_problem(im, rec, BOARD_STEP, _("the %s of this entry was "
	    "recorded already on %s, differently; a step is recorded once"),
	    vocab_label("board_step", u->step->move.step), on);
	return 1;
}

/*
 * Whether step may follow stage on board beyond what steps[] says: an
 * honour entry has no notice, objection or decision, and an exposure
 * is not posted straight from its proposal.
 */
static int
step_allowed(const char *board, const char *stage,
    const struct lifecycle_step *step)
{
	if (strcmp(board, "honour") == 0)
		return strcmp(step->step, "notify") != 0 &&
		    strcmp(step->step, "object") != 0 &&
		    strcmp(step->step, "decide") != 0;
	return strcmp(step->step, "post") != 0 ||
	    strcmp(stage, "proposed") != 0;
}

/*
 * The step may follow where the entry is (a proposal starts one), dated
 * no earlier than its last step and no later than its period's end; an
 * exposure is posted only once the household's time to object is past.
 * 1 when not (reported).
 */
static int
check_order(struct import *im, const struct record *rec, const void *v)
{
	const struct board_rec *u = v;
	const struct entry *e = &u->e;
	const char *s = u->step->move.step;
	char next[256];

	if (e->id == 0) {
		if (strcmp(s, "propose") == 0)
			return 0;
		import_problem(im, rec, BOARD_STEP, _("no entry of household %s on "
		    "the %s from %s; a proposal starts one"), u->v[BOARD_HOUSEHOLD],
		    vocab_label("board", u->board), u->from);
		return 1;
	}
	if (!lifecycle_may_follow(&board_lifecycle, &u->step->move, e->board,
	    e->stage)) {
		lifecycle_next(&board_lifecycle, e->board, e->stage, next,
		    sizeof(next));
		import_problem(im, rec, BOARD_STEP, _("the entry is %s (%s); its "
		    "next step is %s, not the %s"), vocab_label("board_stage",
		    e->stage), e->stage_on, next, vocab_label("board_step", s));
		return 1;
	}
	if (strcmp(u->date, e->stage_on) < 0) {
		import_problem(im, rec, BOARD_DATE, _("%s is before the entry's "
		    "last step (%s, %s)"), u->date, vocab_label("board_stage",
		    e->stage), e->stage_on);
		return 1;
	}
	if (strcmp(u->date, e->period_to) > 0) {
		import_problem(im, rec, BOARD_DATE, _("%s is after the period, "
		    "which ended on %s: the entry came down by itself"), u->date,
		    e->period_to);
		return 1;
	}
	if (strcmp(s, "object") == 0 && strcmp(u->date, e->object_by) > 0) {
		import_problem(im, rec, BOARD_DATE, _("%s is after %s, the last day "
		    "the household could object"), u->date, e->object_by);
		return 1;
	}
	if (strcmp(s, "post") == 0 && strcmp(e->stage, "notified") == 0 &&
	    strcmp(u->date, e->object_by) <= 0) {
		import_problem(im, rec, BOARD_DATE, _("the household may object until "
		    "%s; the entry is posted after that"), e->object_by);
		return 1;
	}
	return 0;
}

/*
 * An honour entry from a selection: the household's latest (its own, or
 * one of its people's) made by the day of the proposal, into
 * u->honour_id; 0, 1 when there is none (reported), -1 with err set.
 */
static int
find_selection(struct import *im, const struct record *rec, struct store *s,
    struct board_rec *u, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (u->source == NULL || strcmp(u->source, "selection") != 0)
		return 0;
	if ((st = store_prepare(s, "SELECT id FROM honour WHERE household_id = ? "
	    "AND selected_on <= ? ORDER BY selected_on DESC, id DESC LIMIT 1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, u->v[BOARD_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->date, -1, SQLITE_STATIC);
	if ((rc = one_row(s, st, err)) <= 0) {
		if (rc == 0)
			import_problem(im, rec, BOARD_SOURCE, _("household %s has no "
			    "selection made by %s; honour-add records it"),
			    u->v[BOARD_HOUSEHOLD], u->date);
		return rc < 0 ? -1 : 1;
	}
	u->honour_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* ---- recording ---- */

/* A new entry at its proposal; its id into u->e.id, 0, or -1 with err set. */
static int
insert_entry(struct store *s, struct board_rec *u, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO board_entry (board, "
	    "village_id, household_id, period_from, period_to, source, "
	    "headline, reason, honour_id, stage, stage_on, proposed_on, "
	    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "'proposed', ?10, ?10, ?11, ?11)", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, u->board, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, u->household_village);
	sqlite3_bind_text(st, 3, u->v[BOARD_HOUSEHOLD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, u->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, u->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, u->v[BOARD_HEADLINE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, u->v[BOARD_REASON], -1, SQLITE_STATIC);
	if (u->honour_id != 0)
		sqlite3_bind_int64(st, 9, u->honour_id);
	sqlite3_bind_text(st, 10, u->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	u->e.id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* The entry's name in the audit log: "board:household:first day". */
static void
entry_key(const struct board_rec *u, char *key, size_t size)
{
	snprintf(key, size, "%s:%s:%s", u->board, u->v[BOARD_HOUSEHOLD],
	    u->from);
}

/* The proposal of a new entry in the audit log: 0, or -1 with err set. */
static int
audit_proposal(struct store *s, const struct board_rec *u, struct error *err)
{
	char key[256], what[512];

	entry_key(u, key, sizeof(key));
	snprintf(what, sizeof(what), "%s %s", u->date, u->who);
	return audit_add(s, "board", key, "propose", NULL, what, err) != 0 ||
	    audit_add(s, "board", key, "stage", NULL, "proposed", err) != 0 ? -1 :
	    0;
}

/* Record a later step on the entry and move it on, audited; 0, or -1 with err set. */
static int
record_step(struct store *s, void *v, struct error *err)
{
	struct board_rec *u = v;
	const char *stage = u->step->stage;
	char key[256], what[512];
	sqlite3_stmt *st;
	int rc;

	if (stage == NULL)
		stage = strcmp(u->result, "upheld") == 0 ? "withdrawn" : "answered";
	if ((st = step_statement(s, u, "UPDATE board_entry SET stage = ?7, "
	    "stage_on = ?1, updated_at = ?8, ", "=", " WHERE id = ?6", err)) ==
	    NULL)
		return -1;
	sqlite3_bind_text(st, 7, stage, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, s->now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	entry_key(u, key, sizeof(key));
	snprintf(what, sizeof(what), "%s %s%s%s", u->date, u->who,
	    u->result != NULL ? " " : "", u->result != NULL ? u->result : "");
	if (audit_add(s, "board", key, u->step->move.step, NULL, what, err) != 0)
		return -1;
	return audit_add(s, "board", key, "stage", u->e.stage[0] != '\0' ?
	    u->e.stage : NULL, stage, err);
}

/* ---- one step record ---- */

/* The step's fields and content checked, its household found. */
static int
row_check(struct import *im, const struct record *rec, struct store *s,
    void *u, struct error *err)
{
	if (check_fields(im, rec, u) || check_content(im, rec, u))
		return 1;
	return find_household(im, rec, s, u, err);
}

/* A proposal: from its selection, within its period; the entry written, audited. */
static int
row_start(struct import *im, const struct record *rec, struct store *s,
    void *v, struct error *err)
{
	struct board_rec *u = v;
	int rc;

	if ((rc = find_selection(im, rec, s, u, err)) != 0)
		return rc;
	if (strcmp(u->date, u->to) > 0) {
		import_problem(im, rec, BOARD_DATE, _("%s is after the period, "
		    "which ends on %s"), u->date, u->to);
		return 1;
	}
	if (insert_entry(s, u, err) != 0)
		return -1;
	return audit_proposal(s, u, err);
}

static const struct lifecycle_row board_row = {
	row_check, load_entry, check_recorded, check_order, row_start,
	record_step
};

/*
 * One step record: its entry found by board, household and first day,
 * everything checked first (every problem reported), then the step
 * written and the entry moved on, audited.
 */
static int
step_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct board_rec u = { 0 };

	(void)context;
	u.who = lifecycle_record_start(im, rec, u.v, BOARD_NFIELDS, BOARD_WHO,
	    u.today);
	return lifecycle_record(im, rec, &board_row, &u, err);
}

const struct import_kind board_step_kind = {
	board_fields, BOARD_NFIELDS, step_row, NULL, NULL, 0,
	.entity = "board",
};
