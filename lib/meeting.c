/* meeting.c -- meetings: representatives' meetings, courtyard meetings, briefings, assemblies and their votes */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "headings.h"
#include "issue.h"
#include "meeting.h"
#include "place.h"
#include "text.h"
#include "vocab.h"

const struct column meeting_columns[MEETING_NCOLUMNS] = {
	{ "id", N_("id"), COLUMN_INTEGER },
	{ "kind", N_("kind"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "date", N_("date"), COLUMN_TEXT },
	{ "host", N_("host"), COLUMN_TEXT },
	{ "attendees", N_("attendees"), COLUMN_TEXT },
	{ "suggestions", N_("suggestions"), COLUMN_INTEGER },
	{ "representatives", N_("representatives"), COLUMN_INTEGER },
	{ "present", N_("present"), COLUMN_INTEGER },
	{ "yes", N_("yes"), COLUMN_INTEGER },
	{ "no", N_("no"), COLUMN_INTEGER },
	{ "abstain", N_("abstain"), COLUMN_INTEGER },
	{ "valid", N_("valid"), COLUMN_BOOLEAN },
	{ "adopted", N_("adopted"), COLUMN_BOOLEAN },
};

const char *
meeting_issue_source(const char *kind)
{
	if (strcmp(kind, "representatives") == 0 || strcmp(kind, "courtyard") == 0 ||
	    strcmp(kind, "briefing") == 0)
		return kind;
	return "other";
}

/*
 * How a message names field of the meeting: under zh_CN by its heading
 * (会议类型), which the clerk reads; else by the option of meeting-log
 * that gives it (--kind), as the clerk typed it.  A static string.
 */
static const char *
named(const char *field)
{
	static const struct {
		const char *field, *option;
	} options[] = {
		{ "kind", "--kind" }, { "village", "--village" },
		{ "village_group", "--group" }, { "date", "--date" },
		{ "representatives", "--representatives" }, { "present", "--present" },
		{ "yes", "--yes" }, { "no", "--no" }, { "abstain", "--abstain" },
		{ "filed_on", "--filed-on" },
	};
	const char *domain;

	if (locale_is_chinese())
		return field_heading_of("meeting", field, &domain);
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		if (strcmp(options[i].field, field) == 0)
			return options[i].option;
	return field;
}

static int
count_field(const char *text, const char *file, const char *field, long *out,
    struct error *err)
{
	if (text == NULL)
		return error_set(err, EXIT_DATAERR, _("%s: %s: missing; a vote needs "
		    "representatives, present, yes, no and abstain"), file,
		    named(field));
	if (number_parse(text, 0, 1000000, out) != 0)
		return error_set(err, EXIT_DATAERR, _("%s: %s: not a count: \"%s\""),
		    file, named(field), text);
	return 0;
}

/* ?1 the meeting of out, ?2 to ?6 its vote's counts. */
static void
bind_vote(sqlite3_stmt *st, const struct meeting_result *out)
{
	sqlite3_bind_int64(st, 1, out->id);
	sqlite3_bind_int64(st, 2, out->vote.representatives);
	sqlite3_bind_int64(st, 3, out->vote.present);
	sqlite3_bind_int64(st, 4, out->vote.yes);
	sqlite3_bind_int64(st, 5, out->vote.no);
	sqlite3_bind_int64(st, 6, out->vote.abstain);
}

/* 1 when meeting out->id already holds this very vote. */
static int
vote_unchanged(struct store *s, const struct meeting_result *out,
    const char *filed)
{
	struct error ignored;
	sqlite3_stmt *st = store_prepare(s, "SELECT 1 FROM vote WHERE "
	    "meeting_id = ? AND representatives = ? AND present = ? AND yes = ? "
	    "AND no = ? AND abstain = ? AND (?7 = '' OR filed_on IS ?7)", &ignored);
	int same = 0;

	if (st == NULL)
		return 0;
	bind_vote(st, out);
	sqlite3_bind_text(st, 7, filed, -1, SQLITE_STATIC);
	same = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return same;
}

/*
 * The kind (its code into out), village, group and dates of m: the
 * meeting's date into out, the date of the filing into filed.  0, or
 * -1 with err set.
 */
static int
check_meeting(const struct meeting *m, const char *file,
    struct meeting_result *out, char filed[11], struct error *err)
{
	const char *kind;

	if (m->kind == NULL)
		return error_set(err, EXIT_DATAERR, _("%s: %s: missing"), file,
		    named("kind"));
	if ((kind = vocab_code("meeting_kind", m->kind)) == NULL) {
		char expected[512];

		return error_set(err, EXIT_DATAERR, _("%s: %s: no kind of meeting "
		    "\"%s\"; expected one of: %s"), file, named("kind"), m->kind,
		    vocab_describe("meeting_kind", expected, sizeof(expected)));
	}
	snprintf(out->kind, sizeof(out->kind), "%s", kind);
	if (m->village == NULL)
		return error_set(err, EXIT_DATAERR, _("%s: %s: missing"), file,
		    named("village"));
	if (strcmp(kind, "courtyard") == 0 && m->group == NULL)
		return error_set(err, EXIT_DATAERR, _("%s: %s: missing; a courtyard "
		    "meeting is held in a villager group"), file, named("village_group"));
	if (m->date == NULL)
		return error_set(err, EXIT_DATAERR, _("%s: %s: missing"), file,
		    named("date"));
	if (date_parse(m->date, out->date) != 0)
		return error_set(err, EXIT_DATAERR, _("%s: %s: \"%s\" is not a date"),
		    file, named("date"), m->date);
	if (m->filed_on != NULL && date_parse(m->filed_on, filed) != 0)
		return error_set(err, EXIT_DATAERR, _("%s: %s: \"%s\" is not a date"),
		    file, named("filed_on"), m->filed_on);
	return 0;
}

/* The ids of m's village and group (0: none); 0, or -1 with err set. */
static int
meeting_place(struct store *s, const struct meeting *m, const char *file,
    long long *village_id, long long *group_id, struct error *err)
{
	int rc = place_resolve(s, m->village, NULL, 0, village_id, group_id, NULL,
	    err);
	char near[600];

	if (rc == 0 && m->group != NULL) {
		rc = place_resolve(s, m->village, m->group, 0, village_id, group_id,
		    NULL, err);
		if (rc == 1)
			rc = 2;
	}
	if (rc < 0 || (rc > 0 && place_suggestion(s, rc == 1 ? NULL : m->village,
	    rc == 1 ? m->village : m->group, near, sizeof(near), err) != 0))
		return -1;
	if (rc == 1)
		return error_set(err, EXIT_DATAERR, _("%s: %s: no such village: %s%s"),
		    file, named("village"), m->village, near);
	if (rc == 2)
		return error_set(err, EXIT_DATAERR, _("%s: %s: no such villager group "
		    "in %s: %s%s"), file, named("village_group"), m->village, m->group,
		    near);
	return 0;
}

/* m's vote, if it has one: only at an assembly, decided into out.  0, or -1. */
static int
check_vote(const struct meeting *m, const char *file, struct meeting_result *out,
    struct error *err)
{
	long n[5];
	const char *text[5] = { m->representatives, m->present, m->yes, m->no,
	    m->abstain };
	static const char *const names[5] = { "representatives", "present",
	    "yes", "no", "abstain" };

	if (!(m->representatives || m->present || m->yes || m->no || m->abstain ||
	    m->filed_on))
		return 0;
	if (strcmp(out->kind, "assembly") != 0)
		return error_set(err, EXIT_DATAERR, _("%s: %s: the village rules are "
		    "voted at an assembly (%s %s)"), file, named("representatives"),
		    named("kind"), vocab_word("meeting_kind", "assembly"));
	for (int i = 0; i < 5; i++)
		if (count_field(text[i], file, names[i], &n[i], err) != 0)
			return -1;
	if (vote_decide(n[0], n[1], n[2], n[3], n[4], &out->vote, err) != 0) {
		char why[sizeof(err->text)];

		snprintf(why, sizeof(why), "%s", err->text);
		return error_set(err, EXIT_DATAERR, "%s: %s", file, why);
	}
	out->has_vote = 1;
	return 0;
}

/*
 * The meeting of out's kind and date at the place: the one stored
 * (out->existed), else a new one, audited.  Its id into out.  0, or -1
 * with err set.
 */
static int
find_or_add_meeting(struct store *s, const struct meeting *m,
    long long village_id, long long group_id, struct meeting_result *out,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM meeting WHERE kind = ? "
	    "AND village_id = ? AND coalesce(group_id, 0) = ? AND held_on = ?", err);
	char idtext[24];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, out->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, village_id);
	sqlite3_bind_int64(st, 3, group_id);
	sqlite3_bind_text(st, 4, out->date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->existed = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (out->existed)
		return 0;
	st = store_prepare(s, "INSERT INTO meeting (kind, village_id, group_id, "
	    "held_on, host, attendees, minutes, created_at) VALUES (?, ?, ?, ?, "
	    "?, ?, ?, ?) RETURNING id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, out->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, village_id);
	if (group_id > 0)
		sqlite3_bind_int64(st, 3, group_id);
	sqlite3_bind_text(st, 4, out->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->host, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, m->attendees, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->minutes, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, s->now, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(idtext, sizeof(idtext), "%lld", out->id);
	return audit_add(s, "meeting", idtext, "created", NULL, out->kind, err);
}

/* out's vote, with the date it was filed (""), written and audited; 0 or -1. */
static int
write_vote(struct store *s, const struct meeting_result *out, const char *filed,
    struct error *err)
{
	char idtext[24], what[160];
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO vote (meeting_id, "
	    "representatives, present, yes, no, abstain, valid, adopted, filed_on) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE "
	    "SET representatives = excluded.representatives, present = "
	    "excluded.present, yes = excluded.yes, no = excluded.no, abstain = "
	    "excluded.abstain, valid = excluded.valid, adopted = "
	    "excluded.adopted, filed_on = coalesce(excluded.filed_on, filed_on)",
	    err);
	int rc;

	if (st == NULL)
		return -1;
	bind_vote(st, out);
	sqlite3_bind_int(st, 7, out->vote.valid);
	sqlite3_bind_int(st, 8, out->vote.adopted);
	sqlite3_bind_text(st, 9, filed[0] ? filed : NULL, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	snprintf(idtext, sizeof(idtext), "%lld", out->id);
	snprintf(what, sizeof(what), "representatives %ld, present %ld, yes %ld, "
	    "no %ld, abstain %ld: %s", out->vote.representatives,
	    out->vote.present, out->vote.yes, out->vote.no, out->vote.abstain,
	    !out->vote.valid ? "not valid" : out->vote.adopted ? "adopted" :
	    "not adopted");
	if (audit_add(s, "vote", idtext, "result", NULL, what, err) != 0 ||
	    (filed[0] && audit_add(s, "vote", idtext, "filed_on", NULL, filed,
	    err) != 0))
		return -1;
	return 0;
}

int
meeting_record(struct store *s, const struct meeting *m, const char *file,
    struct meeting_result *out, struct error *err)
{
	long long village_id, group_id;
	char filed[11] = "";

	memset(out, 0, sizeof(*out));
	if (check_meeting(m, file, out, filed, err) != 0 ||
	    meeting_place(s, m, file, &village_id, &group_id, err) != 0 ||
	    check_vote(m, file, out, err) != 0 ||
	    find_or_add_meeting(s, m, village_id, group_id, out, err) != 0)
		return -1;
	/* the same vote again: nothing to write */
	if (out->has_vote && !vote_unchanged(s, out, filed))
		return write_vote(s, out, filed, err);
	return 0;
}

int
meeting_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err)
{
	static const char *const domains[MEETING_NCOLUMNS] = {
		[1] = "meeting_kind"
	};

	return writer_store_row(w, s, "SELECT m.id, m.kind, v.name, g.name, "
	    "m.held_on, m.host, m.attendees, (SELECT count(*) FROM issue i WHERE "
	    "i.meeting_id = m.id AND " ISSUE_COUNTED_SQL("i.") "), t.representatives, t.present, t.yes, t.no, "
	    "t.abstain, CASE t.valid WHEN 1 THEN 'true' WHEN 0 THEN 'false' END, "
	    "CASE t.adopted WHEN 1 THEN 'true' WHEN 0 THEN 'false' END "
	    "FROM meeting m JOIN village v ON v.id = "
	    "m.village_id LEFT JOIN village_group g ON g.id = m.group_id "
	    "LEFT JOIN vote t ON t.meeting_id = m.id WHERE m.id = ?", id, domains,
	    labels, err);
}
