/* survey_round.c -- rounds of the phone survey kept in the store, and read back */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "survey_model.h"

/* ---- saving a round ---- */

void
survey_round_finalize(struct survey *sv)
{
	sqlite3_finalize(sv->insert_response);
	sqlite3_finalize(sv->insert_answer);
	sqlite3_finalize(sv->find_response);
	sqlite3_finalize(sv->find_answers);
	sv->insert_response = sv->insert_answer = NULL;
	sv->find_response = sv->find_answers = NULL;
}

static void
bind_span(sqlite3_stmt *st, int i, struct span s)
{
	if (s.n == 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s.p, (int)s.n, SQLITE_STATIC);
}

/* 1 when the stored text (or NULL) is the span. */
static int
same_text(const unsigned char *stored, struct span s)
{
	if (stored == NULL)
		return s.n == 0;
	return strlen((const char *)stored) == s.n &&
	    memcmp(stored, s.p, s.n) == 0;
}

/* The response already stored at r's source (find_response stepped to it) is r? */
static int
stored_same(struct survey *sv, const struct response *r, struct error *err)
{
	sqlite3_stmt *st = sv->find_response, *a = sv->find_answers;
	static const enum survey_key columns[] = { SURVEY_RESPONDENT,
	    SURVEY_VILLAGE, SURVEY_GROUP, SURVEY_HOUSEHOLD, SURVEY_DATE };
	size_t i = 0;
	int same = 1, rc = SQLITE_DONE;

	for (size_t k = 0; k < 5 && same; k++)
		same = same_text(sqlite3_column_text(st, (int)k + 1), r->key[columns[k]]);
	if (!same)
		return 0;
	sqlite3_bind_int64(a, 1, sqlite3_column_int64(st, 0));
	while (same && (rc = sqlite3_step(a)) == SQLITE_ROW) {
		const char *question = (const char *)sqlite3_column_text(a, 0);
		const unsigned char *answer = sqlite3_column_text(a, 1);

		same = i < r->nanswers &&
		    strcmp(question, sv->questions[r->question[i]].name) == 0 &&
		    (answer == NULL ? r->answer[i] == ANSWER_NONE :
		    r->answer[i] != ANSWER_NONE &&
		    strcmp((const char *)answer, survey_answer_codes[r->answer[i]]) == 0) &&
		    same_text(sqlite3_column_text(a, 2), r->text[i]);
		i++;
	}
	if (same && rc != SQLITE_DONE) {
		sqlite3_reset(a);
		return store_error(sv->store, rc, err);
	}
	sqlite3_reset(a);
	return same && i == r->nanswers;
}

int
survey_round_keep(struct survey *sv, const struct response *r, struct error *err)
{
	sqlite3_stmt *st = sv->insert_response;
	struct buf *source = &sv->identity;	/* survey_add() made it */
	long long id;
	int rc;

	sqlite3_bind_int64(st, 1, sv->round_id);
	sqlite3_bind_text(st, 2, source->data, (int)source->len, SQLITE_STATIC);
	bind_span(st, 3, r->key[SURVEY_RESPONDENT]);
	bind_span(st, 4, r->key[SURVEY_VILLAGE]);
	bind_span(st, 5, r->key[SURVEY_GROUP]);
	bind_span(st, 6, r->key[SURVEY_HOUSEHOLD]);
	bind_span(st, 7, r->key[SURVEY_DATE]);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(sv->store, rc, err);
	if (sqlite3_changes(sv->store->db) == 0) {
		/* known by what it is: the same, or different (the round is refused) */
		int same;

		st = sv->find_response;
		sqlite3_bind_int64(st, 1, sv->round_id);
		sqlite3_bind_text(st, 2, source->data, (int)source->len, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			sqlite3_reset(st);
			return store_error(sv->store, rc, err);
		}
		same = stored_same(sv, r, err);
		sqlite3_reset(st);
		if (same < 0)
			return -1;
		if (same)
			sv->stats.unchanged++;
		else
			sv->stats.differ++;
		return 0;
	}
	id = sqlite3_last_insert_rowid(sv->store->db);
	st = sv->insert_answer;
	for (size_t i = 0; i < r->nanswers; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (long long)i + 1);
		sqlite3_bind_text(st, 3, sv->questions[r->question[i]].name, -1,
		    SQLITE_STATIC);
		if (r->answer[i] == ANSWER_NONE)
			sqlite3_bind_null(st, 4);
		else
			sqlite3_bind_text(st, 4, survey_answer_codes[r->answer[i]], -1,
			    SQLITE_STATIC);
		bind_span(st, 5, r->text[i]);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_error(sv->store, rc, err);
	}
	sv->stats.added++;
	return 0;
}

/* The id of round in s, or 0 when there is none; -1 with err set. */
static long long
round_id(struct store *s, const char *round, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM survey_round "
	    "WHERE name = ?", err);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, round, -1, SQLITE_STATIC);
	return store_step_id(s, st, err);
}

/* How many responses round id holds; -1 with err set. */
static long
round_size(struct store *s, long long id, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT count(*) FROM survey_response "
	    "WHERE round_id = ?", err);
	long n = -1;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		store_error(s, rc, err);
	sqlite3_finalize(st);
	return n;
}

/* Take every response of round id out, to save the round anew; 0 or -1. */
static int
round_clear(struct store *s, long long id, struct error *err)
{
	static const char *const sql[] = {
		"DELETE FROM survey_answer WHERE response_id IN "
		"(SELECT id FROM survey_response WHERE round_id = ?)",
		"DELETE FROM survey_response WHERE round_id = ?",
	};

	for (size_t i = 0; i < 2; i++) {
		sqlite3_stmt *st = store_prepare(s, sql[i], err);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
	}
	return 0;
}

int
survey_save_begin(struct survey *sv, struct store *s, const char *round,
    int replace, const char *today, struct error *err)
{
	long long id;

	if (*round == '\0' || strlen(round) > 64)
		return error_set(err, EXIT_USAGE, _("a round is named by 1 to 64 bytes"));
	free(sv->round);
	if ((sv->round = strdup(round)) == NULL)
		return survey_nomem(err);
	if (store_begin(s, err) != 0)
		return -1;
	sv->store = s;
	memset(&sv->stats, 0, sizeof(sv->stats));
	if ((id = round_id(s, round, err)) < 0)
		goto fail;
	if (id == 0) {
		sqlite3_stmt *st = store_prepare(s, "INSERT INTO survey_round "
		    "(name, saved_on, created_at, created_by) VALUES (?, ?, ?, ?)",
		    err);
		int rc;

		if (st == NULL)
			goto fail;
		sqlite3_bind_text(st, 1, round, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, s->now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, s->who, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			store_error(s, rc, err);
			goto fail;
		}
		id = sqlite3_last_insert_rowid(s->db);
		if (audit_add(s, "survey_round", round, "created", NULL, today,
		    err) != 0)
			goto fail;
	}
	sv->round_id = id;
	sv->replace = replace;
	if ((sv->round_had = id == 0 ? 0 : round_size(s, id, err)) < 0)
		goto fail;
	if (replace && sv->round_had > 0) {
		char had[32];

		snprintf(had, sizeof(had), "%ld", sv->round_had);
		if (round_clear(s, id, err) != 0 || audit_add(s, "survey_round",
		    round, "responses replaced", had, NULL, err) != 0)
			goto fail;
	}
	sv->insert_response = store_prepare(s, "INSERT INTO survey_response "
	    "(round_id, source, respondent, village, village_group, "
	    "household_id, survey_date) VALUES (?, ?, ?, ?, ?, ?, ?) "
	    "ON CONFLICT (round_id, source) DO NOTHING", err);
	sv->insert_answer = store_prepare(s, "INSERT INTO survey_answer "
	    "(response_id, position, question, answer, text) "
	    "VALUES (?, ?, ?, ?, ?)", err);
	sv->find_response = store_prepare(s, "SELECT id, respondent, village, "
	    "village_group, household_id, survey_date FROM survey_response "
	    "WHERE round_id = ? AND source = ?", err);
	sv->find_answers = store_prepare(s, "SELECT question, answer, text "
	    "FROM survey_answer WHERE response_id = ? ORDER BY position", err);
	if (sv->insert_response == NULL || sv->insert_answer == NULL ||
	    sv->find_response == NULL || sv->find_answers == NULL)
		goto fail;
	return 0;
fail:
	survey_round_finalize(sv);
	store_rollback(s);
	sv->store = NULL;
	return -1;
}

int
survey_save_end(struct survey *sv, int commit, struct survey_save_stats *stats,
    struct error *err)
{
	struct store *s = sv->store;
	int rc = 0;

	if (s == NULL)
		return 0;
	survey_round_finalize(sv);
	sv->store = NULL;
	*stats = sv->stats;
	if (!commit) {
		store_rollback(s);
		return 0;
	}
	if (sv->stats.added + sv->stats.unchanged + sv->stats.differ == 0) {
		store_rollback(s);
		return error_set(err, EXIT_DATAERR, _("round %s: no responses read: "
		    "nothing to save"), sv->round);
	}
	/* a round is kept whole: the same again, or replaced, never mixed */
	if (sv->round_had > 0 && !sv->replace && (sv->stats.added > 0 ||
	    sv->stats.differ > 0 || sv->stats.unchanged < sv->round_had)) {
		store_rollback(s);
		return error_set(err, EXIT_DATAERR, _("round %s holds %ld responses "
		    "already; these add %ld, change %ld and leave out %ld: save them "
		    "as a new round, or give --replace to replace the round"),
		    sv->round, sv->round_had, sv->stats.added, sv->stats.differ,
		    sv->round_had - sv->stats.unchanged - sv->stats.differ);
	}
	if (sv->stats.added > 0) {
		char what[32];

		snprintf(what, sizeof(what), "%ld", sv->stats.added);
		if (audit_add(s, "survey_round", sv->round, "responses added", NULL,
		    what, err) != 0) {
			store_rollback(s);
			return -1;
		}
	}
	rc = store_commit(s, err);
	return rc;
}

/* ---- a saved round ---- */

/* Saved rounds, for a message: "a, b, c" (at most a few), or "none". */
static void
round_names(struct store *s, char *out, size_t size)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT name FROM survey_round "
	    "ORDER BY id", NULL);
	size_t used = 0;

	snprintf(out, size, "%s", _("none"));
	if (st == NULL)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int n = snprintf(out + used, size - used, "%s%s", used > 0 ? ", " : "",
		    sqlite3_column_text(st, 0));

		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	sqlite3_finalize(st);
}

/* Offsets of the strings of a response loaded from the store, in one buffer. */
struct loaded {
	struct buf text;
	size_t *at;
	size_t n, cap;
};

/* Append s (NULL: empty) as a NUL-terminated string; 0, or -1 when memory runs out. */
static int
loaded_push(struct loaded *l, const char *s)
{
	if (l->n == l->cap) {
		size_t cap = l->cap * 2 + 16;
		size_t *at = realloc(l->at, cap * sizeof(*at));

		if (at == NULL)
			return -1;
		l->at = at;
		l->cap = cap;
	}
	l->at[l->n++] = l->text.len;
	return buf_puts(&l->text, s != NULL ? s : "") == 0 &&
	    buf_append(&l->text, "", 1) == 0 ? 0 : -1;
}

/* Add the response gathered in l to sv: its source, keys and answer texts. */
static int
loaded_add(struct survey *sv, struct loaded *l, struct error *err)
{
	struct response *r = &sv->response;
	size_t k = 0;

	/* the buffer may have moved while it grew: pointers only now */
	r->source = l->text.data + l->at[k++];
	for (size_t i = 0; i < SURVEY_NGROUPING; i++, k++)
		r->key[i].p = l->text.data + l->at[k];
	for (size_t i = 0; i < r->nanswers; i++, k++)
		r->text[i].p = l->text.data + l->at[k];
	return survey_add(sv, r, err);
}

/* Add one stored answer (code or NULL, text as written or NULL) to the response in l. */
static int
loaded_answer(struct survey *sv, struct loaded *l, const char *question,
    const char *answer, const char *written)
{
	struct response *r = &sv->response;
	long q;
	int a = ANSWER_NONE;

	if ((q = survey_question_find(sv, question)) < 0) {
		if (sv->opt.nquestions > 0)
			return 0;	/* not a listed question */
		if ((q = survey_question_add(sv, question)) < 0)
			return -1;
	}
	for (int k = 0; answer != NULL && k < ANSWER_NONE; k++)
		if (strcmp(answer, survey_answer_codes[k]) == 0)
			a = k;
	if (survey_response_reserve(r, r->nanswers + 1) != 0 ||
	    loaded_push(l, written) != 0)
		return -1;
	r->question[r->nanswers] = (size_t)q;
	r->answer[r->nanswers] = (unsigned char)a;
	r->text[r->nanswers].n = written != NULL ? strlen(written) : 0;
	r->nanswers++;
	return 0;
}

int
survey_load(struct survey *sv, struct store *s, const char *round,
    struct error *err)
{
	sqlite3_stmt *st = NULL;
	struct response *r = &sv->response;
	struct loaded l = { 0 };
	long long id, current = -1;
	int rc = -1, step;

	if ((id = round_id(s, round, err)) < 0)
		return -1;
	if (id == 0) {
		char names[512];

		round_names(s, names, sizeof(names));
		return error_set(err, EXIT_NOINPUT, _("%s: no survey round \"%s\"; "
		    "saved rounds: %s"), s->path, round, names);
	}
	free(sv->round);
	if ((sv->round = strdup(round)) == NULL)
		return survey_nomem(err);
	st = store_prepare(s, "SELECT r.id, r.source, r.respondent, r.village, "
	    "r.village_group, r.household_id, r.survey_date, a.question, "
	    "a.answer, a.text FROM survey_response r LEFT JOIN survey_answer a "
	    "ON a.response_id = r.id WHERE r.round_id = ? "
	    "ORDER BY r.id, a.position", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	memset(r->key, 0, sizeof(r->key));
	r->file = round;
	r->line = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		long long rid = sqlite3_column_int64(st, 0);
		const char *question = (const char *)sqlite3_column_text(st, 7);

		if (rid != current) {
			if (current >= 0 && loaded_add(sv, &l, err) != 0)
				goto out;
			current = rid;
			buf_reset(&l.text);
			l.n = 0;
			r->nanswers = 0;
			/* source, then respondent ... survey_date: the grouping keys */
			for (int c = 1; c <= 1 + SURVEY_NGROUPING; c++) {
				const char *v = (const char *)sqlite3_column_text(st, c);

				if (c > 1)
					r->key[c - 2].n = v != NULL ? strlen(v) : 0;
				if (loaded_push(&l, v) != 0)
					goto nomem;
			}
		}
		if (question != NULL &&	/* else a response without answers */
		    loaded_answer(sv, &l, question, (const char *)
		    sqlite3_column_text(st, 8), (const char *)
		    sqlite3_column_text(st, 9)) != 0)
			goto nomem;
	}
	if (step != SQLITE_DONE) {
		store_error(s, step, err);
		goto out;
	}
	if (current >= 0 && loaded_add(sv, &l, err) != 0)
		goto out;
	rc = 0;
	goto out;
nomem:
	survey_nomem(err);
out:
	sqlite3_finalize(st);
	buf_free(&l.text);
	free(l.at);
	return rc;
}

