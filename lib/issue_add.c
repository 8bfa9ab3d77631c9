/* issue_add.c -- issue-add: new issues checked, placed, given their due date and written */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "calendar.h"
#include "issue.h"
#include "issue_parts.h"
#include "monitor_case.h"
#include "place.h"
#include "text.h"
#include "vocab.h"

const struct field_spec issue_fields[ISSUE_NFIELDS] = {
	{ "kind", "类型|事项类型|问题类型" },
	{ "category", "类别|问题类别|分类" },
	{ "title", "标题|事项|问题|问题描述|反映问题" },
	{ "detail", "详情|具体情况|问题详情" },
	{ "urgency", "轻重缓急|紧急程度" },
	{ "village", "村(社区)|村|社区|村名|所属村" },
	{ "village_group", "村民小组|社|组|小组" },
	{ "household_id", "户编号|户号" },
	{ "reporter", "反映人|提出人|群众姓名" },
	{ "source", "来源|问题来源" },
	{ "source_ref", "来源编号|来源记录" },
	{ "owner", "责任人" },
	{ "owner_unit", "责任单位" },
	{ "due_date", "完成时限|办结时限|时限" },
	{ "standard", "整改标准" },
	{ "measures", "工作措施|整改措施" },
	{ "resolved_on_spot", "立即解决|当场解决" },
	{ "resolution", "解决情况|办理结果" },
	{ "dispute_type", "纠纷类型" },
	{ "parties", "当事人" },
	{ "mediator", "调解人" },
	{ "opened_on", "登记日期|提出日期|反映日期" },
	{ "case_id", "监测案件|案件编号|案件" },
};

/* The vocabulary of each field that has one. */
static const char *const issue_domain[ISSUE_NFIELDS] = {
	[ISSUE_KIND] = "issue_kind", [ISSUE_CATEGORY] = "issue_category",
	[ISSUE_URGENCY] = "urgency", [ISSUE_SOURCE] = "issue_source",
	[ISSUE_RESOLVED_ON_SPOT] = "yes_no", [ISSUE_DISPUTE_TYPE] = "dispute_type",
};

struct issue_import {
	sqlite3_stmt *insert, *household, *chain;
	sqlite3_stmt *known, *same_visit, *noted, *open_finding, *note;
	struct issue_deadline deadline;	/* the rules, and the calendar read once */
};

/* An issue record as it is checked and written. */
struct new_issue {
	const char *v[ISSUE_NFIELDS];	/* defaults filled in, vocabulary as codes */
	char opened[11], due[11];
	long long village_id, group_id, household_ref;	/* 0: none */
	long long repeat_of;		/* the closed issue it repeats; 0: none */
	long long case_id;		/* the monitoring case it came of; 0: none */
	char case_household[64];	/* that case's household */
	int resolved;			/* resolved on the spot */
};

int
issue_deadline_due(struct store *s, struct issue_deadline *d,
    const char *category, const char *urgency, const char *opened,
    char out[11], int *missing_year, struct error *err)
{
	int rc, working = 0, missing;
	long days = -1;

	if (d->rule == NULL && (d->rule = store_prepare(s,
	    "SELECT days, working_days FROM deadline_rule WHERE urgency = ?2 AND "
	    "(category = ?1 OR category = '*') ORDER BY category = '*' LIMIT 1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_text(d->rule, 1, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->rule, 2, urgency, -1, SQLITE_STATIC);
	rc = sqlite3_step(d->rule);
	if (rc == SQLITE_ROW) {
		days = sqlite3_column_int(d->rule, 0);
		working = sqlite3_column_int(d->rule, 1);
	}
	sqlite3_reset(d->rule);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (days < 0)
		days = 30;
	if (working && d->calendar == NULL &&
	    (d->calendar = calendar_load(s, err)) == NULL)
		return -1;
	date_from_days(calendar_add(d->calendar, date_to_days(opened), days,
	    working, &missing), out);
	if (missing != 0 && *missing_year == 0)
		*missing_year = missing;
	return 0;
}

void
issue_deadline_free(struct issue_deadline *d)
{
	sqlite3_finalize(d->rule);
	calendar_free(d->calendar);
	d->rule = NULL;
	d->calendar = NULL;
}

/*
 * The key that makes two records the same issue.  A record of a source
 * (a meeting, a visit, a survey) is its title there, and who raised it
 * and what they said when the record gives them: two people's
 * suggestions of one title at one meeting are two issues.
 */
static void
natural_key(struct buf *key, const char *const *v, long long village_id,
    long long group_id, long long household_ref)
{
	char ids[80];

	buf_reset(key);
	if (v[ISSUE_SOURCE_REF] != NULL) {
		buf_puts(key, "ref\x1f");
		buf_puts(key, v[ISSUE_SOURCE]);
		buf_puts(key, "\x1f");
		buf_puts(key, v[ISSUE_SOURCE_REF]);
		buf_puts(key, "\x1f");
		buf_puts(key, v[ISSUE_TITLE]);
		if (v[ISSUE_REPORTER] == NULL && v[ISSUE_DETAIL] == NULL)
			return;	/* the key such a record always had */
		buf_puts(key, "\x1f");
		buf_puts(key, v[ISSUE_REPORTER] != NULL ? v[ISSUE_REPORTER] : "");
		buf_puts(key, "\x1f");
		buf_puts(key, v[ISSUE_DETAIL] != NULL ? v[ISSUE_DETAIL] : "");
		return;
	}
	snprintf(ids, sizeof(ids), "\x1f%lld\x1f%lld\x1f%lld\x1f", village_id,
	    group_id, household_ref);
	buf_puts(key, "rec\x1f");
	buf_puts(key, v[ISSUE_KIND]);
	buf_puts(key, "\x1f");
	buf_puts(key, v[ISSUE_TITLE]);
	buf_puts(key, ids);
	buf_puts(key, v[ISSUE_REPORTER] != NULL ? v[ISSUE_REPORTER] : "");
}

/*
 * The record's values into n->v: the settings' defaults for what it
 * leaves empty, then the kind, category, urgency and source a record
 * without them gets, then each vocabulary value as its code.  Returns
 * 1 when a value is in no vocabulary (reported), else 0.
 */
static int
read_values(struct import *im, const struct record *rec,
    const struct issue_settings *set, struct new_issue *n)
{
	const char **v = n->v;
	int bad = 0;

	for (int k = 0; k < ISSUE_NFIELDS; k++) {
		v[k] = import_value(im, rec, (size_t)k);
		if (v[k] == NULL && set != NULL)
			v[k] = set->defaults[k];
	}
	if (v[ISSUE_KIND] == NULL)
		v[ISSUE_KIND] = "problem";
	if (v[ISSUE_CATEGORY] == NULL)
		v[ISSUE_CATEGORY] = "other";
	if (v[ISSUE_URGENCY] == NULL)
		v[ISSUE_URGENCY] = "normal";
	if (v[ISSUE_SOURCE] == NULL)
		v[ISSUE_SOURCE] = "other";
	for (int k = 0; k < ISSUE_NFIELDS; k++) {
		const char *code;

		if (issue_domain[k] == NULL || v[k] == NULL)
			continue;
		if ((code = vocab_code(issue_domain[k], v[k])) == NULL) {
			issue_unknown_value(im, rec, k, issue_domain[k],
			    k == ISSUE_KIND ? ISSUE_KIND_NOT_ADDED : NULL, v[k]);
			bad = 1;
		} else
			v[k] = code;
	}
	return bad;
}

/* A title and an owner, which every issue has; 1 when one is missing (reported). */
static int
check_required(struct import *im, const struct record *rec,
    const struct new_issue *n)
{
	int bad = 0;

	if (n->v[ISSUE_TITLE] == NULL) {
		import_problem(im, rec, ISSUE_TITLE, _("missing; say what the issue is"));
		bad = 1;
	}
	if (n->v[ISSUE_OWNER] == NULL) {
		import_problem(im, rec, ISSUE_OWNER, _("missing; every issue needs "
		    "someone responsible (--owner gives a default)"));
		bad = 1;
	}
	return bad;
}

/*
 * The day the issue was opened (given, else today) into n->opened, the
 * due date given into n->due, not before it.  1 when a date is bad
 * (reported), else 0.
 */
static int
check_dates(struct import *im, const struct record *rec,
    const struct issue_settings *set, const struct store *s, struct new_issue *n)
{
	const char **v = n->v;
	int bad = 0;

	n->opened[0] = '\0';
	if (v[ISSUE_OPENED_ON] != NULL) {
		if (issue_check_date(im, rec, ISSUE_OPENED_ON, v[ISSUE_OPENED_ON],
		    n->opened))
			bad = 1;
	} else
		snprintf(n->opened, sizeof(n->opened), "%.10s", set != NULL &&
		    set->today ? set->today : s->now);
	if (v[ISSUE_DUE_DATE] != NULL) {
		if (issue_check_date(im, rec, ISSUE_DUE_DATE, v[ISSUE_DUE_DATE], n->due))
			bad = 1;
		else if (n->opened[0] != '\0' && strcmp(n->due, n->opened) < 0) {
			import_problem(im, rec, ISSUE_DUE_DATE, _("%s is before the "
			    "issue was opened (%s); for an older issue give the date "
			    "it was opened (column opened_on, option --opened-on)"),
			    n->due, n->opened);
			bad = 1;
		}
	}
	return bad;
}

/*
 * The fields only a dispute has, and a resolution only with "resolved
 * on the spot" (then n->resolved).  1 when one is out of place or
 * missing (reported), else 0.
 */
static int
check_kind_fields(struct import *im, const struct record *rec,
    struct new_issue *n)
{
	const char **v = n->v;
	int bad = 0;

	if (v[ISSUE_KIND] != NULL && strcmp(v[ISSUE_KIND], ISSUE_KIND_NOT_ADDED) == 0) {
		import_problem(im, rec, ISSUE_KIND, _("a misconduct matter is "
		    "referred with misconduct-step, which records its parties and "
		    "where it goes"));
		bad = 1;
	}
	if (v[ISSUE_KIND] != NULL && strcmp(v[ISSUE_KIND], "dispute") != 0) {
		static const int dispute_only[] = { ISSUE_DISPUTE_TYPE, ISSUE_PARTIES,
		    ISSUE_MEDIATOR };

		for (size_t i = 0; i < 3; i++)
			if (v[dispute_only[i]] != NULL) {
				import_problem(im, rec, dispute_only[i],
				    _("only a dispute has this"));
				bad = 1;
			}
	}
	if (v[ISSUE_RESOLVED_ON_SPOT] != NULL &&
	    strcmp(v[ISSUE_RESOLVED_ON_SPOT], "yes") == 0) {
		n->resolved = 1;
		if (v[ISSUE_RESOLUTION] == NULL) {
			import_problem(im, rec, ISSUE_RESOLUTION, _("missing; an issue "
			    "resolved on the spot says how"));
			bad = 1;
		}
	} else if (import_value(im, rec, ISSUE_RESOLUTION) != NULL) {
		import_problem(im, rec, ISSUE_RESOLUTION, _("only for an issue "
		    "resolved on the spot; issue-update records a later resolution"));
		bad = 1;
	}
	return bad;
}

/*
 * 1 when village (group NULL) was merged into village_id, or group of
 * village_id into group_id (place-edit merge): a file from before the
 * merge names the place so.  0 when not, or when the store cannot say.
 */
static int
merged_into(struct store *s, const char *village, long long village_id,
    const char *group, long long group_id)
{
	struct error ignored;
	sqlite3_stmt *st = store_prepare(s, group == NULL ?
	    "SELECT 1 FROM merged_village WHERE name = ?1 AND village_id = ?2" :
	    "SELECT 1 FROM merged_group WHERE name = ?1 AND village_id = ?2 "
	    "AND group_id = ?3", &ignored);
	int found = 0;

	if (st != NULL) {
		sqlite3_bind_text(st, 1, group != NULL ? group : village, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, village_id);
		sqlite3_bind_int64(st, 3, group_id);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

/*
 * The household's place: its village and group into n, which a village
 * or group given must match (or have been merged into).  0, 1 when the household is unknown or
 * elsewhere (reported), -1 with err set.
 */
static int
household_place(struct issue_import *ii, struct import *im,
    const struct record *rec, struct store *s, struct new_issue *n,
    struct error *err)
{
	const char **v = n->v;
	int rc, bad = 0;

	if (ii->household == NULL && (ii->household = store_prepare(s,
	    "SELECT h.id, h.village_id, coalesce(h.group_id, 0), v.name, g.name "
	    "FROM household h JOIN village v ON v.id = h.village_id "
	    "LEFT JOIN village_group g ON g.id = h.group_id "
	    "WHERE h.id = coalesce((SELECT id FROM household WHERE household_id "
	    "= ?1), (SELECT household_ref FROM merged_household WHERE "
	    "household_id = ?1))", err)) == NULL)
		return -1;
	sqlite3_bind_text(ii->household, 1, v[ISSUE_HOUSEHOLD], -1, SQLITE_STATIC);
	rc = sqlite3_step(ii->household);
	if (rc == SQLITE_ROW) {
		const char *hv = (const char *)sqlite3_column_text(ii->household, 3);
		const char *hg = (const char *)sqlite3_column_text(ii->household, 4);

		n->household_ref = sqlite3_column_int64(ii->household, 0);
		n->village_id = sqlite3_column_int64(ii->household, 1);
		n->group_id = sqlite3_column_int64(ii->household, 2);
		if (v[ISSUE_VILLAGE] != NULL && strcmp(v[ISSUE_VILLAGE], hv) != 0 &&
		    !merged_into(s, v[ISSUE_VILLAGE], n->village_id, NULL, 0)) {
			import_problem(im, rec, ISSUE_VILLAGE, _("household %s "
			    "is in %s"), v[ISSUE_HOUSEHOLD], hv);
			bad = 1;
		}
		if (v[ISSUE_GROUP] != NULL && (hg == NULL ||
		    strcmp(v[ISSUE_GROUP], hg) != 0) &&
		    !merged_into(s, NULL, n->village_id, v[ISSUE_GROUP], n->group_id)) {
			import_problem(im, rec, ISSUE_GROUP, _("household %s "
			    "is in %s"), v[ISSUE_HOUSEHOLD], hg ? hg : "-");
			bad = 1;
		}
	} else if (rc == SQLITE_DONE) {
		import_problem(im, rec, ISSUE_HOUSEHOLD, _("no such household"));
		bad = 1;
	}
	sqlite3_reset(ii->household);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return bad;
}

int
issue_find_place(struct import *im, const struct record *rec, struct store *s,
    int k, const char *village, const char *group, long long *village_id,
    long long *group_id, struct error *err)
{
	char near[600];
	int rc;

	if ((rc = place_resolve(s, village, group, PLACE_MERGED, village_id,
	    group_id, NULL, err)) != 1)
		return rc;
	if ((rc = place_resolve(s, village, NULL, 0, village_id, group_id, NULL,
	    err)) < 0 || place_suggestion(s, rc == 1 ? NULL : village,
	    rc == 1 ? village : group, near, sizeof(near), err) != 0)
		return -1;
	if (rc == 1)
		import_problem(im, rec, k, _("no such village%s"), near);
	else
		import_problem(im, rec, k + 1, _("no such villager group in %s%s"),
		    village, near);
	return 1;
}

/*
 * Where the issue is: the household's place, or the village and group
 * named, or nowhere.  0, 1 when the place is unknown (reported), -1
 * with err set.
 */
static int
find_place(struct issue_import *ii, struct import *im, const struct record *rec,
    struct store *s, struct new_issue *n, struct error *err)
{
	const char **v = n->v;
	int rc;

	if (v[ISSUE_HOUSEHOLD] != NULL)
		return household_place(ii, im, rec, s, n, err);
	if (v[ISSUE_VILLAGE] != NULL) {
		if ((rc = issue_find_place(im, rec, s, ISSUE_VILLAGE, v[ISSUE_VILLAGE],
		    v[ISSUE_GROUP], &n->village_id, &n->group_id, err)) != 0)
			return rc;
	} else if (v[ISSUE_GROUP] != NULL) {
		import_problem(im, rec, ISSUE_GROUP, _("a villager group needs its village"));
		return 1;
	}
	return 0;
}

/*
 * Whether the record, keyed key (natural_key()), is a report in the
 * ledger already or a new one.  The issues of one grievance are a
 * chain: the first keyed key, each repeat keyed key, a record separator
 * and the day it was reported.  A record that gives the day it was
 * reported (opened_on) is the issue of the chain opened that day; else,
 * when the latest of the chain was closed (closed or closed_unresolved)
 * before that day, it repeats it (重复反映): a new issue, its key into
 * key and the latest's id into n->repeat_of.  Any other record is the
 * latest issue of the chain: in the ledger already, whatever its date.
 * An issue withdrawn (entered by mistake) is no latest: a record of a
 * chain of withdrawn issues alone, dated another day, is a new issue
 * that repeats none.
 * Returns 1 when in the ledger already, 0 when new, -1 with err set.
 */
static int
earlier_report(struct issue_import *ii, struct store *s, struct new_issue *n,
    int dated, struct buf *key, struct error *err)
{
	struct buf low = { 0 }, high = { 0 };
	char latest_status[24] = "", latest_closed[11] = "";
	long long latest = 0;
	int rc, same = 0, any = 0;

	if (ii->chain == NULL && (ii->chain = store_prepare(s,
	    "SELECT id, opened_on, status, closed_on FROM issue "
	    "WHERE natural_key = ?1 OR (natural_key > ?2 AND natural_key < ?3) "
	    "ORDER BY opened_on DESC, id DESC", err)) == NULL)
		return -1;
	buf_append(&low, key->data, key->len);
	buf_puts(&low, "\x1e");
	buf_append(&high, key->data, key->len);
	buf_puts(&high, "\x1f");
	sqlite3_bind_text(ii->chain, 1, key->data, -1, SQLITE_STATIC);
	sqlite3_bind_text(ii->chain, 2, low.data, -1, SQLITE_STATIC);
	sqlite3_bind_text(ii->chain, 3, high.data, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(ii->chain)) == SQLITE_ROW) {
		const char *opened = (const char *)sqlite3_column_text(ii->chain, 1);
		const char *closed = (const char *)sqlite3_column_text(ii->chain, 3);

		const char *status = (const char *)sqlite3_column_text(ii->chain, 2);

		any = 1;
		if (latest == 0 && strcmp(status, "withdrawn") != 0) {
			latest = sqlite3_column_int64(ii->chain, 0);
			snprintf(latest_status, sizeof(latest_status), "%s", status);
			snprintf(latest_closed, sizeof(latest_closed), "%s",
			    closed != NULL ? closed : "");
		}
		if (dated && opened != NULL && strcmp(opened, n->opened) == 0)
			same = 1;
	}
	sqlite3_reset(ii->chain);
	buf_free(&low);
	buf_free(&high);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (!any)
		return 0;
	if (same || !dated)
		return 1;
	if (latest != 0) {	/* else only withdrawn issues before it */
		if ((strcmp(latest_status, "closed") != 0 &&
		    strcmp(latest_status, "closed_unresolved") != 0) ||
		    strcmp(n->opened, latest_closed) <= 0)
			return 1;
		n->repeat_of = latest;
	}
	buf_puts(key, "\x1e");
	buf_puts(key, n->opened);
	return 0;
}

/* The first row's integer of st, run with text a and id b (0: none); 0 for no row, -1 with err set. */
static long long
lookup(struct store *s, sqlite3_stmt **st, const char *sql, const char *a,
    long long b, const char *c, struct error *err)
{
	long long found = 0;
	int rc;

	if (*st == NULL && (*st = store_prepare(s, sql, err)) == NULL)
		return -1;
	sqlite3_bind_text(*st, 1, a, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(*st) >= 2)
		sqlite3_bind_int64(*st, 2, b);
	if (sqlite3_bind_parameter_count(*st) >= 3)
		sqlite3_bind_text(*st, 3, c, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(*st)) == SQLITE_ROW)
		found = sqlite3_column_int64(*st, 0);
	sqlite3_reset(*st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return found;
}

/*
 * A finding of a visit (source visit, a source_ref, a household): when
 * it is not in the ledger yet and its household has an issue from
 * visits of its category still open, it is noted on that issue
 * (工作进展: the finding and the visit it was made on, by the visitor, on
 * the day it was opened), audited, instead of opening the issue again;
 * a finding noted before (the same file again) is left alone.  Returns
 * 1 when noted now, 2 when noted before, 0 when it is an issue of its
 * own, -1 with err set.
 */
static int
note_finding(struct issue_import *ii, struct store *s, const struct new_issue *n,
    const char *key, struct error *err)
{
	const char *const *v = n->v;
	struct buf note = { 0 };
	long long issue;
	char idtext[24];
	int rc = 0;

	if (v[ISSUE_SOURCE_REF] == NULL || n->household_ref == 0 ||
	    strcmp(v[ISSUE_SOURCE], "visit") != 0)
		return 0;
	if ((issue = lookup(s, &ii->known, "SELECT id FROM issue WHERE "
	    "natural_key = ?1", key, 0, NULL, err)) != 0)
		return issue < 0 ? -1 : 0;
	/* its visit corrected since (visit-edit): the key's words are the old visit's */
	if ((issue = lookup(s, &ii->same_visit, "SELECT id FROM issue WHERE "
	    "source_ref = ?1 AND household_ref = ?2 AND title = ?3 AND "
	    "source = 'visit'", v[ISSUE_SOURCE_REF], n->household_ref,
	    v[ISSUE_TITLE], err)) != 0)
		return issue < 0 ? -1 : 2;
	buf_puts(&note, v[ISSUE_TITLE]);
	buf_puts(&note, " (");
	buf_puts(&note, v[ISSUE_SOURCE_REF]);
	buf_puts(&note, ")");
	if (note.data == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	if ((issue = lookup(s, &ii->noted, "SELECT n.id FROM issue i JOIN "
	    "issue_note n ON n.issue_id = i.id WHERE n.note = ?1 AND "
	    "i.household_ref = ?2", note.data, n->household_ref, NULL,
	    err)) != 0) {
		rc = issue < 0 ? -1 : 2;
		goto out;
	}
	if ((issue = lookup(s, &ii->open_finding, "SELECT id FROM issue i WHERE "
	    "i.category = ?1 AND i.household_ref = ?2 AND i.source = 'visit' AND "
	    ISSUE_OPEN_SQL("i.") " ORDER BY i.id LIMIT 1", v[ISSUE_CATEGORY],
	    n->household_ref, NULL, err)) <= 0) {
		rc = issue < 0 ? -1 : 0;
		goto out;
	}
	if (ii->note == NULL && (ii->note = store_prepare(s, "INSERT INTO "
	    "issue_note (issue_id, noted_on, who, note) VALUES (?, ?, ?, ?)",
	    err)) == NULL) {
		rc = -1;
		goto out;
	}
	sqlite3_bind_int64(ii->note, 1, issue);
	sqlite3_bind_text(ii->note, 2, n->opened, -1, SQLITE_STATIC);
	sqlite3_bind_text(ii->note, 3, v[ISSUE_REPORTER] != NULL ?
	    v[ISSUE_REPORTER] : s->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(ii->note, 4, note.data, -1, SQLITE_STATIC);
	rc = sqlite3_step(ii->note);
	sqlite3_reset(ii->note);
	sqlite3_clear_bindings(ii->note);
	if (rc != SQLITE_DONE) {
		rc = store_error(s, rc, err);
		goto out;
	}
	snprintf(idtext, sizeof(idtext), "%lld", issue);
	rc = audit_add(s, "issue", idtext, "note", NULL, note.data, err) != 0 ?
	    -1 : 1;
out:
	buf_free(&note);
	return rc;
}

/*
 * Insert the issue keyed key unless one with that key is stored: its id
 * into *id, 0 when it was there already.  0, or -1 with err set.
 */
static int
insert_issue(struct issue_import *ii, struct store *s,
    const struct issue_settings *set, const struct new_issue *n,
    const char *key, long long *id, struct error *err)
{
	const char *const *v = n->v;
	sqlite3_stmt *st;
	int rc;

	if (ii->insert == NULL && (ii->insert = store_prepare(s,
	    "INSERT INTO issue (kind, category, title, detail, urgency, village_id, "
	    "group_id, household_ref, reporter, source, source_ref, meeting_id, owner, "
	    "owner_unit, opened_on, due_date, standard, measures, status, resolution, "
	    "resolved_on, dispute_type, parties, mediator, natural_key, created_at, "
	    "updated_at, repeat_of, monitor_case_id) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
	    "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?26, ?27, ?28) "
	    "ON CONFLICT (natural_key) DO NOTHING RETURNING id",
	    err)) == NULL)
		return -1;
	st = ii->insert;
	for (int k = 0; k < 5; k++)	/* kind, category, title, detail, urgency */
		sqlite3_bind_text(st, k + 1, v[k], -1, SQLITE_STATIC);
	if (n->village_id > 0)
		sqlite3_bind_int64(st, 6, n->village_id);
	if (n->group_id > 0)
		sqlite3_bind_int64(st, 7, n->group_id);
	if (n->household_ref > 0)
		sqlite3_bind_int64(st, 8, n->household_ref);
	sqlite3_bind_text(st, 9, v[ISSUE_REPORTER], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, v[ISSUE_SOURCE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, v[ISSUE_SOURCE_REF], -1, SQLITE_STATIC);
	if (set != NULL && set->meeting_id > 0)
		sqlite3_bind_int64(st, 12, set->meeting_id);
	sqlite3_bind_text(st, 13, v[ISSUE_OWNER], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, v[ISSUE_OWNER_UNIT], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, n->opened, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, n->due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, v[ISSUE_STANDARD], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, v[ISSUE_MEASURES], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, n->resolved ? "resolved" : "open", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, n->resolved ? v[ISSUE_RESOLUTION] : NULL, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 21, n->resolved ? n->opened : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 22, v[ISSUE_DISPUTE_TYPE], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 23, v[ISSUE_PARTIES], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 24, v[ISSUE_MEDIATOR], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 25, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 26, s->now, -1, SQLITE_STATIC);
	if (n->repeat_of > 0)
		sqlite3_bind_int64(st, 27, n->repeat_of);
	if (n->case_id > 0)
		sqlite3_bind_int64(st, 28, n->case_id);
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/* The new issue's status, owner, due date and case into the audit log; 0 or -1. */
static int
audit_new_issue(struct store *s, long long id, const struct new_issue *n,
    struct error *err)
{
	/* the issue it repeats, the case it came of: ids, when there are */
	const struct {
		const char *field;
		long long id;
	} links[] = { { "repeat_of", n->repeat_of }, { "case_id", n->case_id } };
	char idtext[24];

	snprintf(idtext, sizeof(idtext), "%lld", id);
	if (audit_add(s, "issue", idtext, "status", NULL,
	    n->resolved ? "resolved" : "open", err) != 0)
		return -1;
	if (audit_add(s, "issue", idtext, "owner", NULL, n->v[ISSUE_OWNER],
	    err) != 0 || audit_add(s, "issue", idtext, "due_date", NULL,
	    n->due, err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		char text[24];

		snprintf(text, sizeof(text), "%lld", links[i].id);
		if (links[i].id > 0 && audit_add(s, "issue", idtext,
		    links[i].field, NULL, text, err) != 0)
			return -1;
	}
	return 0;
}

/* One issue record: checked whole (every problem reported), then written once. */
static int
issue_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct issue_import *ii = context;
	struct issue_settings *set = import_options(im)->settings;
	struct store *s = import_store(im);
	struct new_issue n = { 0 };
	struct buf key = { 0 };
	long long id;
	int bad, rc, missing = 0;

	bad = read_values(im, rec, set, &n);
	bad |= check_required(im, rec, &n);
	bad |= check_dates(im, rec, set, s, &n);
	bad |= check_kind_fields(im, rec, &n);
	/* the case that led to it: of the household, or naming it */
	if (n.v[ISSUE_CASE] != NULL) {
		if ((rc = case_for_record(im, rec, ISSUE_CASE, n.v[ISSUE_CASE],
		    n.v[ISSUE_HOUSEHOLD], &n.case_id, n.case_household,
		    sizeof(n.case_household), err)) < 0)
			return -1;
		if (rc == 1)
			return 1;
		n.v[ISSUE_HOUSEHOLD] = n.case_household;
	}
	if ((rc = find_place(ii, im, rec, s, &n, err)) < 0)
		return -1;
	if (bad || rc == 1)
		return 1;
	if (n.v[ISSUE_DUE_DATE] == NULL && issue_deadline_due(s, &ii->deadline,
	    n.v[ISSUE_CATEGORY], n.v[ISSUE_URGENCY], n.opened, n.due, set != NULL ?
	    &set->calendar_missing : &missing, err) != 0)
		return -1;
	natural_key(&key, n.v, n.village_id, n.group_id, n.household_ref);
	if (key.data == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	/* a record of a source (a meeting, a visit, a survey) is said once */
	rc = n.v[ISSUE_SOURCE_REF] != NULL ? note_finding(ii, s, &n, key.data,
	    err) : earlier_report(ii, s, &n, n.v[ISSUE_OPENED_ON] != NULL, &key,
	    err);
	if (rc == 0)
		rc = insert_issue(ii, s, set, &n, key.data, &id, err);
	else
		id = 0;
	buf_free(&key);
	if (rc < 0)
		return -1;
	if (rc == 1 && n.v[ISSUE_SOURCE_REF] != NULL) {
		import_stats(im)->noted++;
		return 0;
	}
	if (id == 0) {
		import_stats(im)->unchanged++;
		return 0;
	}
	if (audit_new_issue(s, id, &n, err) != 0)
		return -1;
	import_stats(im)->added++;
	if (n.repeat_of > 0)
		import_stats(im)->repeats++;
	if (set != NULL && issue_ids_add(&set->added, id) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

static void
issue_cleanup(void *context)
{
	struct issue_import *ii = context;

	sqlite3_finalize(ii->insert);
	sqlite3_finalize(ii->household);
	sqlite3_finalize(ii->chain);
	sqlite3_finalize(ii->known);
	sqlite3_finalize(ii->same_visit);
	sqlite3_finalize(ii->noted);
	sqlite3_finalize(ii->open_finding);
	sqlite3_finalize(ii->note);
	issue_deadline_free(&ii->deadline);
}

const struct import_kind issue_import_kind = {
	issue_fields, ISSUE_NFIELDS, issue_row, NULL, issue_cleanup,
	sizeof(struct issue_import), issue_domain,
	.entity = "issue",
};
