/* history.c -- rows of what happened to records, gathered, sorted and worded for people */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "headings.h"
#include "history.h"
#include "issue_parts.h"
#include "text.h"
#include "vocab.h"

/* Kinds of record and events, as codes and the user's words. */
static const struct {
	const char *code, *label;
} words[] = {
	{ "household", N_("household record") },
	{ "member", N_("member record") },
	{ "visit", N_("visit record") },
	{ "case", N_("monitoring case record") },
	{ "support", N_("assistance record") },
	{ "care", N_("care visit record") },
	{ "county_setting", N_("county setting") },
	{ "issue", N_("issue record") },
	{ "survey", N_("survey record") },
	{ "meeting", N_("meeting record") },
	{ "vote", N_("vote record") },
	{ "village", N_("village record") },
	{ "milestone", N_("milestone record") },
	{ "survey_round", N_("survey round record") },
	{ "deadline_rule", N_("deadline rule record") },
	{ "village_group", N_("villager group record") },
	{ "assignment", N_("assignment record") },
	{ "returnee", N_("returnee contact record") },
	{ "rule", N_("village rules record") },
	{ "honour", N_("selection record") },
	{ "board", N_("board entry record") },
	{ "calendar_day", N_("calendar day record") },
	{ "monitor_limit", N_("time limit record") },
	{ "survey_response", N_("survey response record") },
	{ "registered", N_("registered") },
	{ "changed", N_("changed") },
	{ "created", N_("created") },
	{ "visited", N_("visited") },
	{ "opened", N_("opened") },
	{ "suggested", N_("suggested at a meeting") },
	{ "answered", N_("answered") },
	{ "delivered", N_("rules delivered") },
	{ "contacted", N_("contacted") },
	{ "selected", N_("selected") },
	{ "proposed", N_("proposed for a board") },
	{ "enforced", N_("rules enforced") },
};

const char *
history_label(const char *code)
{
	if (code == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i].code, code) == 0)
			return _(words[i].label);
	return code;
}

/*
 * The records whose audit values are made of words: a step's "day who
 * result", a record's key ("honour:HY0101001:2022-12-10"), what a
 * record was made with, a household's "case 1 inclusion day", a vote's
 * counts.  The vocabulary of their steps (a field of that name is a
 * step), the vocabularies whose codes the words may be, and whether a
 * word may be a field's name ("present 38").
 */
static const struct {
	const char *entity, *steps, *domains[4];
	int fields;
} worded[] = {
	{ "case", "case_step", { "case_type", "case_clue", "case_result", "case_state" }, 0 },
	{ "household", NULL, { "case_type", NULL }, 0 },
	{ "board", "board_step", { "board", "board_result", "board_source", NULL }, 0 },
	{ "rule", "rule_step", { "rule_result", "rule_body", "rule_action", NULL }, 0 },
	{ "honour", NULL, { "honour_kind", "honour_level", "honour_basis", NULL }, 0 },
	{ "meeting", NULL, { "meeting_kind", NULL }, 0 },
	{ "support", NULL, { "support_kind", NULL }, 0 },
	{ "returnee", NULL, { "returnee_status", NULL }, 0 },
	{ "assignment", NULL, { "visitor_role", NULL }, 0 },
	{ "issue", "misconduct_step", { "revisit_finding", "misconduct_body", NULL }, 0 },
	{ "vote", NULL, { NULL }, 1 },
};

/* The fields whose values are made of words, beside the steps. */
static const struct {
	const char *entity, *field;
} composed[] = {
	{ "case", "opened" }, { "household", "case" }, { "vote", "result" },
	{ "issue", "revisit" },
};

/* Words of more than one word, and words that are no code (a vote's result). */
static const struct {
	const char *text, *label;
} phrases[] = {
	{ "not valid", N_("not valid") }, { "not adopted", N_("not adopted") },
	{ "adopted", N_("adopted") }, { "case", N_("case") },
};

/* The worded[] entry of entity, or -1. */
static int
worded_of(const char *entity)
{
	for (size_t i = 0; entity != NULL && i < sizeof(worded) / sizeof(worded[0]); i++)
		if (strcmp(worded[i].entity, entity) == 0)
			return (int)i;
	return -1;
}

/* 1 when field of a record of worded[w] is one of its steps (the code itself). */
static int
is_step(int w, const char *field)
{
	const char *code = worded[w].steps != NULL && field != NULL ?
	    vocab_code(worded[w].steps, field) : NULL;

	return code != NULL && strcmp(code, field) == 0;
}

const char *
history_field_label(const char *entity, const char *field, const char **domain)
{
	int w = worded_of(entity);

	*domain = NULL;
	if (field == NULL)
		return NULL;
	/* a step is worded as the procedure words it */
	if (w >= 0 && is_step(w, field))
		return vocab_label(worded[w].steps, field);
	return field_heading_of(entity, field, domain);
}

/*
 * The label of the word at p (n bytes, ASCII) in a value of a record of
 * worded[w], or NULL; *used the bytes the label stands for (a phrase
 * may take the word after).
 */
static const char *
word_label(int w, const char *p, size_t n, size_t *used)
{
	char word[64];

	if (n < sizeof(word)) {
		memcpy(word, p, n);
		word[n] = '\0';
		*used = n;
		for (size_t i = 0; i < 4 && worded[w].domains[i] != NULL; i++) {
			const char *code = vocab_code(worded[w].domains[i], word);

			if (code != NULL && strcmp(code, word) == 0)
				return vocab_label(worded[w].domains[i], code);
		}
		if (worded[w].fields) {
			const char *domain;
			const char *label = field_heading_of(worded[w].entity, word, &domain);

			if (label != word)
				return label;
		}
	}
	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++) {
		size_t len = strlen(phrases[i].text);

		if (len >= n && strncmp(p, phrases[i].text, len) == 0 &&
		    !isalnum((unsigned char)p[len]) && p[len] != '_') {
			*used = len;
			return _(phrases[i].label);
		}
	}
	return NULL;
}

/* The words of value, a value of a record of worded[w], for people, into b. */
static const char *
words_of(int w, const char *value, struct buf *b)
{
	buf_reset(b);
	for (const char *p = value; *p != '\0'; ) {
		size_t n = 0, used = 0;
		const char *label = NULL;

		if (isalpha((unsigned char)*p) && (p == value ||
		    !isalnum((unsigned char)p[-1]))) {
			while (isalnum((unsigned char)p[n]) || p[n] == '_')
				n++;
			label = word_label(w, p, n, &used);
		}
		if (label != NULL) {
			buf_puts(b, label);
			p += used;
		} else {
			n = n > 0 ? n : 1;
			buf_append(b, p, n);
			p += n;
		}
	}
	return b->data != NULL ? b->data : value;
}

const char *
history_words(const char *entity, const char *field, const char *value,
    struct buf *b)
{
	int w = worded_of(entity), made_of_words = field == NULL || field[0] == '\0';

	if (w < 0 || value == NULL)
		return value;
	for (size_t i = 0; !made_of_words && i < sizeof(composed) /
	    sizeof(composed[0]); i++)
		made_of_words = strcmp(composed[i].entity, entity) == 0 &&
		    strcmp(composed[i].field, field) == 0;
	if (!made_of_words)
		made_of_words = is_step(w, field);
	return made_of_words ? words_of(w, value, b) : value;
}

char *
history_local_time(const char *utc, int day_only, char *out, size_t size)
{
	long hour, minute, second;
	char day[11];
	struct tm tm;
	time_t t;

	/* 2022-11-01T01:30:00Z */
	if (utc == NULL || strlen(utc) != 20 || utc[10] != 'T' || utc[19] != 'Z' ||
	    date_parse((snprintf(day, sizeof(day), "%.10s", utc), day), day) != 0 ||
	    sscanf(utc + 11, "%2ld:%2ld:%2ld", &hour, &minute, &second) != 3) {
		snprintf(out, size, "%s", utc != NULL ? utc : "");
		return out;
	}
	t = (time_t)date_to_days(day) * 86400 + hour * 3600 + minute * 60 + second;
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, size, day_only ? "%Y-%m-%d" : "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, size, "%s", utc);
	return out;
}

/* A copy of s (NULL stays NULL); *failed set when memory runs out. */
static char *
copy(const char *s, int *failed)
{
	char *c;

	if (s == NULL)
		return NULL;
	if ((c = strdup(s)) == NULL)
		*failed = 1;
	return c;
}

int
history_add(struct history *h, const char *date, const char *at,
    const char *kind, const char *record, const char *event,
    const char *field, const char *old_value, const char *new_value,
    const char *who, const char *command, struct error *err)
{
	struct history_row *r;
	int failed = 0;

	if (h->n == h->size) {
		size_t size = h->size ? h->size * 2 : 64;
		struct history_row *rows = realloc(h->rows, size * sizeof(*rows));

		if (rows == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		h->rows = rows;
		h->size = size;
	}
	r = &h->rows[h->n];
	*r = (struct history_row){ .event = event, .order = h->n };
	r->kind = copy(kind, &failed);
	r->date = copy(date, &failed);
	r->at = copy(at, &failed);
	r->record = copy(record, &failed);
	r->field = copy(field, &failed);
	r->old = copy(old_value, &failed);
	r->new_value = copy(new_value, &failed);
	r->who = copy(who, &failed);
	r->command = copy(command, &failed);
	h->n++;
	if (failed)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

/*
 * The fields of the audit log that give the reason of a change, and the
 * fields of an issue's change each explains: a correction's reason is
 * the why of each field it changed.  Two changes of one record by one
 * command in the same second cannot be told apart, so an issue's reason
 * explains only what issue-update writes one for: a new status, a
 * deadline brought forward, and the corrections (issue_corrections[],
 * the household), not an owner or a note.
 */
static const struct {
	const char *field;
	const char *explains[10];	/* of an issue */
	int corrections;	/* and issue_corrections[]'s columns */
} reasons[] = {
	{ "reason", { "status", "due_date", "household_id", "opened_on",
	    "scorecard_original_due", "village", "village_group", "case_id",
	    NULL }, 1 },
	{ "extension_reason", { "due_date", "extensions", NULL }, 0 },
};

/* The reasons[] entry of field, or -1 when it gives no reason. */
static int
reason_of(const char *field)
{
	for (size_t i = 0; field != NULL && i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (strcmp(reasons[i].field, field) == 0)
			return (int)i;
	return -1;
}

/*
 * 1 when the reason reasons[k] explains field of a record of entity: of
 * an issue, the fields it is written for; of any other record, every
 * field but a reason, its "reason" being the why of the whole change.
 */
static int
explains(int k, const char *entity, const char *field)
{
	if (field == NULL || reason_of(field) >= 0)
		return 0;
	if (entity == NULL || strcmp(entity, "issue") != 0)
		return strcmp(reasons[k].field, "reason") == 0;
	for (size_t i = 0; reasons[k].explains[i] != NULL; i++)
		if (strcmp(reasons[k].explains[i], field) == 0)
			return 1;
	for (size_t i = 0; reasons[k].corrections && i < ISSUE_NCORRECTIONS; i++)
		if (strcmp(issue_corrections[i].column, field) == 0)
			return 1;
	return 0;
}

/* 1 when the why being made (b) says text already. */
static int
said(const struct buf *b, const char *text)
{
	size_t n = strlen(text);

	for (const char *at = b->data; at != NULL && (at = strstr(at, text)) != NULL;
	    at += n)
		if ((at == b->data || at[-1] == ' ') && (at[n] == '\0' || at[n] == ';'))
			return 1;
	return 0;
}

/* Free what r holds. */
static void
row_free(struct history_row *r)
{
	free(r->kind);
	free(r->date);
	free(r->at);
	free(r->record);
	free(r->field);
	free(r->old);
	free(r->new_value);
	free(r->who);
	free(r->command);
	free(r->why);
}

/*
 * The why of the rows of one change, h->rows[first..h->n) written at
 * the same time by the same command for one record: its reason rows,
 * given as their why to the rows they explain and taken out (kept when
 * they explain none).  0, or -1 with err set.
 */
static int
fold_reasons(struct history *h, size_t first, struct error *err)
{
	size_t n = h->n - first, kept = first;
	struct history_row *rows = h->rows + first;
	char **why = calloc(n + 1, sizeof(char *));
	static char given_away[] = "";	/* the why of a reason another row took */
	int failed = why == NULL;

	/* first what each row's why is, or whether a reason row is used */
	for (size_t i = 0; i < n && !failed; i++) {
		int k = reason_of(rows[i].field);
		struct buf b = { 0 };

		for (size_t j = 0; j < n; j++) {
			int kj = reason_of(rows[j].field);

			if (k >= 0 && explains(k, rows[j].kind, rows[j].field))
				why[i] = given_away;
			else if (k < 0 && kj >= 0 && explains(kj, rows[i].kind,
			    rows[i].field) && rows[j].new_value != NULL &&
			    !said(&b, rows[j].new_value)) {
				buf_puts(&b, b.len ? "; " : "");
				buf_puts(&b, rows[j].new_value);
			}
		}
		if (b.len > 0 && (why[i] = copy(b.data, &failed)) == NULL)
			failed = 1;
		buf_free(&b);
	}
	/* then the reasons given away taken out, the rest given their why */
	for (size_t i = 0; i < n && !failed; i++) {
		struct history_row r = rows[i];

		if (reason_of(r.field) >= 0 && why[i] != NULL) {
			row_free(&r);
			continue;
		}
		r.why = why[i];
		why[i] = NULL;
		h->rows[kept++] = r;
	}
	if (!failed)
		h->n = kept;
	for (size_t i = 0; why != NULL && i < n; i++)
		if (why[i] != given_away)
			free(why[i]);
	free(why);
	return failed ? error_set(err, EXIT_SOFTWARE, "%s", _("out of memory")) : 0;
}

/*
 * The UTC time (ISO, as the audit log writes it) at which local day
 * begins, or ends when end, into out (21 bytes).
 */
static void
utc_bound(const char *day, int end, char out[21])
{
	struct tm tm = { 0 }, utc;
	long days = date_to_days(day);
	char iso[11];
	time_t t;

	date_from_days(days, iso);
	tm.tm_year = (int)strtol(iso, NULL, 10) - 1900;
	tm.tm_mon = (int)strtol(iso + 5, NULL, 10) - 1;
	tm.tm_mday = (int)strtol(iso + 8, NULL, 10);
	tm.tm_hour = end ? 23 : 0;
	tm.tm_min = end ? 59 : 0;
	tm.tm_sec = end ? 59 : 0;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	gmtime_r(&t, &utc);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &utc);
}

/* A text column of st, or NULL. */
static const char *
column(sqlite3_stmt *st, int k)
{
	return (const char *)sqlite3_column_text(st, k);
}

/* 1 when the audit row of st is of another change than the one before (key). */
static int
another_change(sqlite3_stmt *st, struct buf *key)
{
	struct buf now = { 0 };
	int differs;

	for (int k = 0; k < 5; k++) {
		buf_puts(&now, column(st, k) ? column(st, k) : "");
		buf_append(&now, "\x1f", 1);
	}
	differs = key->len != now.len || memcmp(key->data, now.data, now.len) != 0;
	buf_free(key);
	*key = now;
	return differs;
}

/*
 * 1 when one of h->rows[first..) changed field already (a reason may be
 * written twice in one change: issue-update's correction and status).
 */
static int
field_again(const struct history *h, size_t first, const char *field)
{
	for (size_t i = first; field != NULL && reason_of(field) < 0 && i < h->n; i++)
		if (h->rows[i].field != NULL && strcmp(h->rows[i].field, field) == 0)
			return 1;
	return 0;
}

int
history_add_audit(struct store *s, struct history *h, const char *kind,
    const char *entity, const char *entity_id, const char *since,
    const char *until, const char *who, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT entity, entity_id, at, who, "
	    "command, field, old, new FROM audit "
	    "WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2) "
	    "AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at <= ?4) "
	    "AND (?5 IS NULL OR who = ?5) AND entity <> 'reveal' ORDER BY seq", err);
	char from[21], to[21], day[32];
	struct buf key = { 0 };
	size_t first = h->n;
	int rc = 0, step;

	if (st == NULL)
		return -1;
	if (since != NULL)
		utc_bound(since, 0, from);
	if (until != NULL)
		utc_bound(until, 1, to);
	sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, entity_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, since ? from : NULL, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, until ? to : NULL, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, who, -1, SQLITE_STATIC);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		/* a field written again is another change of the same second */
		if (another_change(st, &key) || field_again(h, first, column(st, 5))) {
			rc = fold_reasons(h, first, err);
			first = h->n;
		}
		if (rc == 0)
			rc = history_add(h, history_local_time(column(st, 2), 1, day,
			    sizeof(day)), column(st, 2), kind != NULL ? kind :
			    column(st, 0), column(st, 1), column(st, 5) != NULL &&
			    strcmp(column(st, 5), "created") == 0 ? "created" : "changed",
			    column(st, 5) != NULL && strcmp(column(st, 5), "created") == 0 ?
			    NULL : column(st, 5),
			    column(st, 6), column(st, 7), column(st, 3), column(st, 4), err);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_error(s, step, err);
	if (rc == 0)
		rc = fold_reasons(h, first, err);
	sqlite3_finalize(st);
	buf_free(&key);
	return rc;
}

/* qsort: the opening rows, then by date, the time written (a day only first), the order added. */
static int
row_compare(const void *a, const void *b)
{
	const struct history_row *x = a, *y = b;
	int c = y->opens - x->opens;

	if (c == 0)
		c = strcmp(x->date, y->date);
	if (c == 0)
		c = strcmp(x->at ? x->at : "", y->at ? y->at : "");
	if (c == 0)
		c = x->order < y->order ? -1 : x->order > y->order;
	return c;
}

void
history_opens(struct history *h)
{
	if (h->n > 0)
		h->rows[h->n - 1].opens = 1;
}

void
history_sort(struct history *h)
{
	if (h->n > 1)
		qsort(h->rows, h->n, sizeof(h->rows[0]), row_compare);
}

/* qsort: by kind and record, then the order added. */
static int
record_compare(const void *a, const void *b)
{
	const struct history_row *x = a, *y = b;
	int c = strcmp(x->kind ? x->kind : "", y->kind ? y->kind : "");

	if (c == 0)
		c = strcmp(x->record ? x->record : "", y->record ? y->record : "");
	if (c == 0)
		c = x->order < y->order ? -1 : x->order > y->order;
	return c;
}

/* qsort: by the record's first row, then the order added. */
static int
group_compare(const void *a, const void *b)
{
	const struct history_row *x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void
history_group(struct history *h)
{
	if (h->n < 2)
		return;
	qsort(h->rows, h->n, sizeof(h->rows[0]), record_compare);
	for (size_t i = 0; i < h->n; i++)
		h->rows[i].group = i > 0 && record_compare(&(struct history_row){
		    .kind = h->rows[i].kind, .record = h->rows[i].record },
		    &(struct history_row){ .kind = h->rows[i - 1].kind,
		    .record = h->rows[i - 1].record }) == 0 ?
		    h->rows[i - 1].group : h->rows[i].order;
	qsort(h->rows, h->n, sizeof(h->rows[0]), group_compare);
}

void
history_free(struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		row_free(&h->rows[i]);
	free(h->rows);
	*h = (struct history){ 0 };
}
