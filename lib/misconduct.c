/* misconduct.c -- misconduct-step: matters referred to the legal system, their steps in order, each checked, recorded in the ledger and audited */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "household.h"
#include "issue_parts.h"
#include "lifecycle.h"
#include "misconduct.h"
#include "monitor_parts.h"
#include "text.h"
#include "vocab.h"

const struct field_spec misconduct_fields[MISCONDUCT_NFIELDS] = {
	{ "kind", "类别|违法乱纪类别|事项类别" },
	{ "parties", "当事人|当事户|当事人身份证号" },
	{ "referred_on", "移交日期|移送日期" },
	{ "step", "步骤|环节|程序" },
	{ "date", "日期|办理日期" },
	{ "who", "经办人|办理人|记录人" },
	{ "referred_to", "移交机关|移交至|移送机关|处理途径" },
	{ "village", "村|村(社区)|村名|行政村" },
	{ "title", "事由|标题|事项" },
	{ "owner", "责任人|包案人" },
	{ "due_date", "办结时限|时限|期限" },
	{ "result", "办理结果|处理结果|结果" },
	{ "finding", "回访情况|回访结果" },
	{ "notes", "备注|说明" },
};

/* The steps, the stages each may follow ("": a new matter) and the stage each leaves. */
static const struct step {
	struct lifecycle_step move;
	const char *stage;
} steps[] = {
	{ { "refer", "" }, "referred" },
	{ { "accept", " referred " }, "accepted" },
	{ { "result", " accepted " }, "decided" },
	{ { "revisit", " decided revisited " }, "revisited" },
};

static const struct lifecycle misconduct_lifecycle = {
	steps, sizeof(steps) / sizeof(steps[0]), sizeof(steps[0]),
	"misconduct_step", NULL
};

/* The step each field belongs to (NULL: any step). */
static const char *const field_step[MISCONDUCT_NFIELDS] = {
	[MISCONDUCT_TO] = "refer", [MISCONDUCT_VILLAGE] = "refer",
	[MISCONDUCT_TITLE] = "refer", [MISCONDUCT_OWNER] = "refer",
	[MISCONDUCT_DUE] = "refer", [MISCONDUCT_RESULT] = "result",
	[MISCONDUCT_FINDING] = "revisit",
};

/* The most parties a matter names. */
enum { MAX_PARTIES = 16 };

/* A matter as stored; "" for what it lacks. */
struct matter {
	long long id;		/* its issue; 0: not stored yet */
	char stage[16], stage_on[11], status[24], parties[1024];
	char referred_to[24], accepted_on[11], result_on[11], result[512];
};

/* A step record as it is checked and applied. */
struct misconduct_rec {
	const char *v[MISCONDUCT_NFIELDS];
	const struct step *step;
	const char *kind, *to, *finding, *who;
	char date[11], today[11], referred[11], due[11];
	char party[MAX_PARTIES][256];
	size_t nparties;
	char parties[1024];	/* ';'-joined, as stored */
	long long village_id, group_id, household_ref;
	struct matter m;
};

/* ---- checking ---- */

/* 1 when text has the shape of an ID number: 17 digits and a digit or X, or full width ones. */
static int
looks_like_id_number(const char *text)
{
	size_t digits = 0;

	for (const char *p = text; *p != '\0'; p++)
		if ((*p >= '0' && *p <= '9') || *p == 'x' || *p == 'X')
			digits++;
		else if ((unsigned char)*p < 0x80)
			return 0;
	return digits == 18 || strlen(text) == 18 * 3;
}

/*
 * The parties of u (separated by ';', ',', '、' or their full-width
 * forms) into u->party, an ID number made as the store keeps it; 1 when
 * one is bad (reported, never the number).
 */
static int
check_parties(struct import *im, const struct record *rec,
    struct misconduct_rec *u)
{
	static const char *const seps[] = { ";", ",", "；", "，", "、" };
	const char *p = u->v[MISCONDUCT_PARTIES];
	size_t len = 0;

	while (*p != '\0') {
		size_t n = strlen(p), cut = n, skip = 0;
		char one[256];

		for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
			const char *at = strstr(p, seps[i]);

			if (at != NULL && (size_t)(at - p) < cut) {
				cut = (size_t)(at - p);
				skip = strlen(seps[i]);
			}
		}
		snprintf(one, sizeof(one), "%.*s", (int)(cut < 255 ? cut : 255), p);
		p += cut + skip;
		if (text_trim(one)[0] == '\0')
			continue;
		if (u->nparties == MAX_PARTIES) {
			import_problem(im, rec, MISCONDUCT_PARTIES, _("more than %d "
			    "parties"), MAX_PARTIES);
			return 1;
		}
		if (looks_like_id_number(one)) {
			char key[19];

			if (household_id_number_key(one, key) != HOUSEHOLD_KEY_OK) {
				import_problem(im, rec, MISCONDUCT_PARTIES, _("party %zu: not "
				    "a household number nor a valid ID number"),
				    u->nparties + 1);
				return 1;
			}
			snprintf(one, sizeof(one), "%s", key);
		}
		snprintf(u->party[u->nparties++], sizeof(u->party[0]), "%s", one);
		len += (size_t)snprintf(u->parties + len, sizeof(u->parties) - len,
		    "%s%s", len > 0 ? ";" : "", one);
		if (len > 1000) {
			import_problem(im, rec, MISCONDUCT_PARTIES, "%s", _("the parties "
			    "together are longer than 1000 bytes"));
			return 1;
		}
	}
	if (u->nparties == 0)
		return import_missing(im, rec, MISCONDUCT_PARTIES, _("the "
		    "households (by household number) and persons (by ID "
		    "number) concerned"));
	return 0;
}

/* The step, the matter's key, the dates and codes into u; 1 when one is bad (reported). */
static int
check_fields(struct import *im, const struct record *rec,
    struct misconduct_rec *u)
{
	const char *const *v = u->v;
	const char *step = NULL;
	int bad = 0;

	if (v[MISCONDUCT_KIND] == NULL)
		bad |= import_missing(im, rec, MISCONDUCT_KIND, _("which kind "
		    "of matter? petition, support_refusal, domestic_violence "
		    "or other"));
	else
		bad |= case_check_code(im, rec, MISCONDUCT_KIND, "misconduct_kind",
		    v[MISCONDUCT_KIND], &u->kind);
	if (v[MISCONDUCT_PARTIES] == NULL)
		bad |= import_missing(im, rec, MISCONDUCT_PARTIES, _("the "
		    "households (by household number) and persons (by ID "
		    "number) concerned"));
	else
		bad |= check_parties(im, rec, u);
	if (v[MISCONDUCT_STEP] == NULL)
		bad |= import_missing(im, rec, MISCONDUCT_STEP,
		    _("which step?"));
	else
		bad |= case_check_code(im, rec, MISCONDUCT_STEP, "misconduct_step",
		    v[MISCONDUCT_STEP], &step);
	bad |= case_check_code(im, rec, MISCONDUCT_TO, "misconduct_body",
	    v[MISCONDUCT_TO], &u->to);
	bad |= case_check_code(im, rec, MISCONDUCT_FINDING, "revisit_finding",
	    v[MISCONDUCT_FINDING], &u->finding);
	bad |= case_check_day(im, rec, MISCONDUCT_DATE, v[MISCONDUCT_DATE],
	    u->today, u->date);
	if (v[MISCONDUCT_DUE] != NULL)
		bad |= issue_check_date(im, rec, MISCONDUCT_DUE, v[MISCONDUCT_DUE],
		    u->due);
	if (v[MISCONDUCT_REFERRED_ON] != NULL)
		bad |= issue_check_date(im, rec, MISCONDUCT_REFERRED_ON,
		    v[MISCONDUCT_REFERRED_ON], u->referred);
	if (step == NULL)
		return 1;
	u->step = (const struct step *)lifecycle_find(&misconduct_lifecycle, step);
	bad |= lifecycle_check_fields(&misconduct_lifecycle, im, rec, v,
	    field_step, MISCONDUCT_NFIELDS, step);
	if (bad)
		return 1;
	if (strcmp(step, "refer") == 0 && v[MISCONDUCT_REFERRED_ON] == NULL)
		snprintf(u->referred, sizeof(u->referred), "%s", u->date);
	else if (v[MISCONDUCT_REFERRED_ON] == NULL)
		return import_missing(im, rec, MISCONDUCT_REFERRED_ON, _("the "
		    "day the matter was referred, which with its kind and "
		    "first party names it"));
	if (strcmp(step, "refer") == 0 && strcmp(u->referred, u->date) != 0) {
		import_problem(im, rec, MISCONDUCT_DATE, _("a referral is dated the "
		    "day the matter was referred (%s)"), u->referred);
		return 1;
	}
	return 0;
}

/* What the step itself needs; 1 when something is missing or wrong (reported). */
static int
check_content(struct import *im, const struct record *rec,
    struct misconduct_rec *u)
{
	const char *s = u->step->move.step;
	int bad = 0;

	if (strcmp(s, "refer") == 0) {
		if (u->to == NULL)
			bad |= import_missing(im, rec, MISCONDUCT_TO, _("where "
			    "the matter goes: mediation, arbitration, ruling, "
			    "reconsideration, court or police"));
		if (u->v[MISCONDUCT_DUE] != NULL && strcmp(u->due, u->date) < 0) {
			import_problem(im, rec, MISCONDUCT_DUE, _("%s is before the "
			    "referral (%s)"), u->due, u->date);
			bad = 1;
		}
		return bad;
	}
	if (strcmp(s, "result") == 0 && u->v[MISCONDUCT_RESULT] == NULL)
		return import_missing(im, rec, MISCONDUCT_RESULT, _("what the "
		    "body decided or agreed"));
	if (strcmp(s, "revisit") == 0 && u->finding == NULL)
		return import_missing(im, rec, MISCONDUCT_FINDING, _("what the "
		    "revisit found: stable or relapsed"));
	return 0;
}

/* ---- the store ---- */

/* The matter of u's key into u->m: 1, 0 when none, -1 with err set. */
static int
load_matter(struct store *s, struct misconduct_rec *u, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT m.issue_id, m.stage, "
	    "m.stage_on, i.status, m.parties, m.referred_to, m.accepted_on, "
	    "m.result_on, m.result FROM misconduct m JOIN issue i ON i.id = "
	    "m.issue_id WHERE m.kind = ? AND m.party = ? AND m.referred_on = ?",
	    err);
	struct matter *m = &u->m;
	int rc;

	memset(m, 0, sizeof(*m));
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, u->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->party[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->referred, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m->id = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, m->stage, sizeof(m->stage));
		store_column_copy(st, 2, m->stage_on, sizeof(m->stage_on));
		store_column_copy(st, 3, m->status, sizeof(m->status));
		store_column_copy(st, 4, m->parties, sizeof(m->parties));
		store_column_copy(st, 5, m->referred_to,
		    sizeof(m->referred_to));
		store_column_copy(st, 6, m->accepted_on,
		    sizeof(m->accepted_on));
		store_column_copy(st, 7, m->result_on, sizeof(m->result_on));
		store_column_copy(st, 8, m->result, sizeof(m->result));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The household party (its own number, or the ID number of its head or
 * of one of its people) into id, village and group; 1, 0 when the party
 * is none of them, -1 with err set.
 */
static int
party_household(struct store *s, const char *party, long long *id,
    long long *village, long long *group, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT h.id, h.village_id, "
	    "coalesce(h.group_id, 0) FROM household h WHERE h.household_id = ?1 "
	    "OR h.id_number = ?1 UNION ALL SELECT h.id, h.village_id, "
	    "coalesce(h.group_id, 0) FROM member m JOIN household h ON "
	    "h.household_id = m.household_id WHERE m.id_number = ?1 LIMIT 1", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, party, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*village = sqlite3_column_int64(st, 1);
		*group = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The parties of a referral: every household number known; the matter's
 * household, the first party that is or belongs to a household, and its
 * village into u, else the village given.  0, 1 when not (reported), -1
 * with err set.
 */
static int
find_place(struct import *im, const struct record *rec, struct store *s,
    struct misconduct_rec *u, struct error *err)
{
	long long id = 0, village = 0, group = 0, given = 0, given_group = 0;
	int rc;

	for (size_t i = 0; i < u->nparties; i++) {
		if ((rc = party_household(s, u->party[i], &id, &village, &group,
		    err)) < 0)
			return -1;
		if (rc == 0 && !looks_like_id_number(u->party[i])) {
			import_problem(im, rec, MISCONDUCT_PARTIES, _("no household %s"),
			    u->party[i]);
			return 1;
		}
		if (rc == 1 && u->household_ref == 0) {
			u->household_ref = id;
			u->village_id = village;
			u->group_id = group;
		}
	}
	if (u->v[MISCONDUCT_VILLAGE] == NULL) {
		if (u->household_ref != 0)
			return 0;
		return import_missing(im, rec, MISCONDUCT_VILLAGE, _("no party "
		    "is of a registered household: which village referred the "
		    "matter?"));
	}
	if ((rc = issue_find_place(im, rec, s, MISCONDUCT_VILLAGE,
	    u->v[MISCONDUCT_VILLAGE], NULL, &given, &given_group, err)) != 0)
		return rc;
	if (u->household_ref != 0 && given != u->village_id) {
		import_problem(im, rec, MISCONDUCT_VILLAGE, _("the parties' household "
		    "is not of %s"), u->v[MISCONDUCT_VILLAGE]);
		return 1;
	}
	u->village_id = given;
	return 0;
}

/*
 * The step recorded already on the matter: the same again is unchanged
 * (2); another is refused (1, reported).  0 when it is not recorded, -1
 * with err set.
 */
static int
check_recorded(struct import *im, const struct record *rec, struct store *s,
    const void *v, struct error *err)
{
	const struct misconduct_rec *u = v;
	const struct matter *m = &u->m;
	const char *step = u->step->move.step, *on = NULL;
	sqlite3_stmt *st;
	int same = 0, rc;

	if (m->id == 0)
		return 0;
	if (strcmp(step, "refer") == 0) {
		on = u->referred;
		same = strcmp(m->referred_to, u->to) == 0 &&
		    strcmp(m->parties, u->parties) == 0;
	} else if (strcmp(step, "accept") == 0 && m->accepted_on[0] != '\0') {
		on = m->accepted_on;
		same = strcmp(on, u->date) == 0;
	} else if (strcmp(step, "result") == 0 && m->result_on[0] != '\0') {
		on = m->result_on;
		same = strcmp(on, u->date) == 0 &&
		    strcmp(m->result, u->v[MISCONDUCT_RESULT]) == 0;
	} else if (strcmp(step, "revisit") == 0) {
		if ((st = store_prepare(s, "SELECT finding = ?3 FROM revisit WHERE "
		    "issue_id = ?1 AND visited_on = ?2", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_text(st, 2, u->date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, u->finding, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			on = u->date;
			same = sqlite3_column_int(st, 0);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	if (on == NULL)
		return 0;
	if (same)
		return 2;
	import_problem(im, rec, MISCONDUCT_STEP, _("issue %lld: the %s of %s was "
	    "recorded already, differently; a step is recorded once"), m->id,
	    vocab_label("misconduct_step", step), on);
	return 1;
}

/*
 * The step may follow where the matter is (a referral starts one), dated
 * no earlier than its last step; a withdrawn matter takes no more steps.
 * 1 when not (reported).
 */
static int
check_order(struct import *im, const struct record *rec, const void *v)
{
	const struct misconduct_rec *u = v;
	const struct matter *m = &u->m;
	const char *s = u->step->move.step;
	char next[256];

	if (m->id == 0) {
		if (strcmp(s, "refer") == 0)
			return 0;
		import_problem(im, rec, MISCONDUCT_STEP, _("no %s matter of this "
		    "party referred on %s; a referral starts one"),
		    vocab_label("misconduct_kind", u->kind), u->referred);
		return 1;
	}
	if (strcmp(m->status, "withdrawn") == 0) {
		import_problem(im, rec, MISCONDUCT_STEP, _("issue %lld was "
		    "withdrawn: it takes notes only"), m->id);
		return 1;
	}
	if (!lifecycle_may_follow(&misconduct_lifecycle, &u->step->move, NULL,
	    m->stage)) {
		lifecycle_next(&misconduct_lifecycle, NULL, m->stage, next,
		    sizeof(next));
		import_problem(im, rec, MISCONDUCT_STEP, _("issue %lld is %s (%s); "
		    "its next step is %s, not the %s"), m->id,
		    vocab_label("misconduct_stage", m->stage), m->stage_on, next,
		    vocab_label("misconduct_step", s));
		return 1;
	}
	if (strcmp(u->date, m->stage_on) < 0) {
		import_problem(im, rec, MISCONDUCT_DATE, _("%s is before the "
		    "matter's last step (%s, %s)"), u->date,
		    vocab_label("misconduct_stage", m->stage), m->stage_on);
		return 1;
	}
	return 0;
}

/* ---- recording ---- */

/* Audit field of issue id, from old to new: 0, or -1 with err set. */
static int
audit_issue(struct store *s, long long id, const char *field, const char *old,
    const char *new, struct error *err)
{
	char key[24];

	snprintf(key, sizeof(key), "%lld", id);
	return audit_add(s, "issue", key, field, old, new, err);
}

/* Run st (finalized) to its end: 0, or -1 with err set. */
static int
run(struct store *s, sqlite3_stmt *st, struct error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The matter's title: the one given, else its kind's Chinese name and
 * its household's head (never an ID number), into out, the same in
 * every locale.  0, or -1 with err set.
 */
static int
matter_title(struct store *s, const struct misconduct_rec *u, struct buf *out,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (u->v[MISCONDUCT_TITLE] != NULL) {
		buf_puts(out, u->v[MISCONDUCT_TITLE]);
		return 0;
	}
	if ((st = store_prepare(s, "SELECT (SELECT label_zh FROM vocab WHERE "
	    "domain = 'misconduct_kind' AND code = ?1) || coalesce('：' || "
	    "(SELECT head_name FROM household WHERE id = ?2), '')", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, u->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, u->household_ref);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_puts(out, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_error(s, rc, err);
}

/* A new matter at its referral: its issue and row, audited; 0, or -1 with err set. */
static int
insert_matter(struct store *s, struct misconduct_rec *u, struct error *err)
{
	const char *owner = u->v[MISCONDUCT_OWNER] != NULL ?
	    u->v[MISCONDUCT_OWNER] : u->who;
	struct buf title = { 0 }, key = { 0 };
	sqlite3_stmt *st;
	char what[512];
	int rc;

	if (u->v[MISCONDUCT_DUE] == NULL)
		date_from_days(date_to_days(u->date) + MISCONDUCT_DUE_DAYS, u->due);
	if (matter_title(s, u, &title, err) != 0) {
		buf_free(&title);
		return -1;
	}
	buf_puts(&key, "misconduct\x1f");
	buf_puts(&key, u->kind);
	buf_puts(&key, "\x1f");
	buf_puts(&key, u->party[0]);
	buf_puts(&key, "\x1f");
	buf_puts(&key, u->referred);
	if (title.data == NULL || key.data == NULL) {
		buf_free(&title);
		buf_free(&key);
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	}
	st = store_prepare(s, "INSERT INTO issue (kind, category, title, detail, "
	    "urgency, village_id, group_id, household_ref, source, owner, "
	    "opened_on, due_date, status, natural_key, created_at, updated_at) "
	    "VALUES ('misconduct', 'other', ?1, ?2, 'important', ?3, ?4, ?5, "
	    "'other', ?6, ?7, ?8, 'open', ?9, ?10, ?10)", err);
	if (st != NULL) {
		sqlite3_bind_text(st, 1, title.data, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, u->v[MISCONDUCT_NOTES], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, u->village_id);
		if (u->group_id != 0)
			sqlite3_bind_int64(st, 4, u->group_id);
		if (u->household_ref != 0)
			sqlite3_bind_int64(st, 5, u->household_ref);
		sqlite3_bind_text(st, 6, owner, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, u->date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, u->due, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, key.data, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 10, s->now, -1, SQLITE_STATIC);
	}
	rc = st != NULL ? run(s, st, err) : -1;
	buf_free(&title);
	buf_free(&key);
	if (rc != 0)
		return -1;
	u->m.id = sqlite3_last_insert_rowid(s->db);
	if ((st = store_prepare(s, "INSERT INTO misconduct (issue_id, kind, "
	    "party, parties, referred_to, referred_on, stage, stage_on, "
	    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'referred', "
	    "?6, ?7, ?7)", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->m.id);
	sqlite3_bind_text(st, 2, u->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->party[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->parties, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, u->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, u->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, s->now, -1, SQLITE_STATIC);
	if (run(s, st, err) != 0)
		return -1;
	snprintf(what, sizeof(what), "%s %s %s", u->date, u->who, u->to);
	return audit_issue(s, u->m.id, "status", NULL, "open", err) != 0 ||
	    audit_issue(s, u->m.id, "owner", NULL, owner, err) != 0 ||
	    audit_issue(s, u->m.id, "due_date", NULL, u->due, err) != 0 ||
	    audit_issue(s, u->m.id, "refer", NULL, what, err) != 0 ? -1 : 0;
}

/*
 * A later step: the matter moved on and its issue with it (accepted: in
 * progress; a result: resolved, its revisit due; a revisit: in the
 * ledger's revisits, nothing more due), audited; 0, or -1 with err set.
 */
static int
record_step(struct store *s, void *v, struct error *err)
{
	struct misconduct_rec *u = v;
	const char *step = u->step->move.step;
	const char *status = strcmp(step, "accept") == 0 ? "in_progress" :
	    strcmp(step, "result") == 0 ? "resolved" : NULL;
	char revisit_due[11], what[768];
	sqlite3_stmt *st;

	date_from_days(date_to_days(u->date) + MISCONDUCT_REVISIT_DAYS,
	    revisit_due);
	if ((st = store_prepare(s, "UPDATE misconduct SET stage = ?1, stage_on = "
	    "?2, accepted_on = CASE WHEN ?1 = 'accepted' THEN ?2 ELSE "
	    "accepted_on END, result_on = CASE WHEN ?1 = 'decided' THEN ?2 ELSE "
	    "result_on END, result = coalesce(?3, result), updated_at = ?4 WHERE "
	    "issue_id = ?5", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, u->step->stage, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->v[MISCONDUCT_RESULT], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, u->m.id);
	if (run(s, st, err) != 0)
		return -1;
	if (strcmp(step, "revisit") == 0) {
		if ((st = store_prepare(s, "INSERT INTO revisit (issue_id, "
		    "visited_on, visitor, finding, notes) VALUES (?, ?, ?, ?, ?)",
		    err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, u->m.id);
		sqlite3_bind_text(st, 2, u->date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, u->who, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, u->finding, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, u->v[MISCONDUCT_NOTES], -1, SQLITE_STATIC);
		if (run(s, st, err) != 0)
			return -1;
	}
	if ((st = store_prepare(s, "UPDATE issue SET status = coalesce(?1, "
	    "status), resolution = coalesce(?2, resolution), resolved_on = CASE "
	    "WHEN ?1 = 'resolved' THEN ?3 ELSE resolved_on END, revisit_due = "
	    "CASE WHEN ?1 = 'resolved' THEN ?4 WHEN ?1 IS NULL THEN NULL ELSE "
	    "revisit_due END, updated_at = ?5 WHERE id = ?6", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->v[MISCONDUCT_RESULT], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, revisit_due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, u->m.id);
	if (run(s, st, err) != 0)
		return -1;
	snprintf(what, sizeof(what), "%s %s %s", u->date, u->who,
	    strcmp(step, "result") == 0 ? u->v[MISCONDUCT_RESULT] :
	    strcmp(step, "revisit") == 0 ? u->finding : "");
	text_trim(what);
	if (audit_issue(s, u->m.id, step, NULL, what, err) != 0)
		return -1;
	return status == NULL ? 0 : audit_issue(s, u->m.id, "status",
	    u->m.status, status, err);
}

/* ---- one step record ---- */

static int
row_check(struct import *im, const struct record *rec, struct store *s,
    void *u, struct error *err)
{
	(void)s;
	(void)err;
	return check_fields(im, rec, u) || check_content(im, rec, u);
}

/*
 * The parties of u known by a household number merged into another
 * (household-edit merge) as the kept household's number, each party
 * once, as the merge left the matters: 0, or -1 with err set.
 */
static int
parties_current(struct store *s, struct misconduct_rec *u, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT h.household_id FROM "
	    "merged_household m JOIN household h ON h.id = m.household_ref "
	    "WHERE m.household_id = ?", err);
	size_t n = 0, len = 0;
	int rc = SQLITE_DONE;

	if (st == NULL)
		return -1;
	for (size_t i = 0; i < u->nparties; i++) {
		int again = 0;

		sqlite3_bind_text(st, 1, u->party[i], -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			snprintf(u->party[i], sizeof(u->party[i]), "%s",
			    (const char *)sqlite3_column_text(st, 0));
		else if (rc != SQLITE_DONE)
			break;
		sqlite3_reset(st);
		for (size_t k = 0; k < n; k++)
			again |= strcmp(u->party[k], u->party[i]) == 0;
		if (again)
			continue;
		if (n != i)
			memcpy(u->party[n], u->party[i], sizeof(u->party[n]));
		len += (size_t)snprintf(u->parties + len, sizeof(u->parties) - len,
		    "%s%s", n > 0 ? ";" : "", u->party[n]);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	u->nparties = n;
	return 0;
}

static int
row_load(struct store *s, void *u, struct error *err)
{
	if (parties_current(s, u, err) != 0)
		return -1;
	return load_matter(s, u, err);
}

/* A referral: its parties' place found, the matter and its issue written, audited. */
static int
row_start(struct import *im, const struct record *rec, struct store *s,
    void *u, struct error *err)
{
	int rc;

	if ((rc = find_place(im, rec, s, u, err)) != 0)
		return rc;
	return insert_matter(s, u, err);
}

static const struct lifecycle_row misconduct_row = {
	row_check, row_load, check_recorded, check_order, row_start,
	record_step
};

/*
 * One step record: its matter found by kind, first party and day
 * referred, everything checked first (every problem reported), then the
 * step written to the matter and its issue, audited.
 */
static int
step_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct misconduct_rec u = { 0 };

	(void)context;
	u.who = lifecycle_record_start(im, rec, u.v, MISCONDUCT_NFIELDS,
	    MISCONDUCT_WHO, u.today);
	return lifecycle_record(im, rec, &misconduct_row, &u, err);
}

const struct import_kind misconduct_step_kind = {
	misconduct_fields, MISCONDUCT_NFIELDS, step_row, NULL, NULL, 0,
	.entity = "misconduct",
};
