/* survey_read.c -- records into survey responses: columns, answers, dates */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#include "headings.h"
#include "survey_model.h"
#include "text.h"
#include "vocab.h"

/* Files from this size up are read by two threads when there are two cores. */
#define SURVEY_SPLIT_BYTES (4LL << 20)

void
survey_layout_clear(struct layout *l)
{
	if (l->copies != NULL)
		for (size_t i = 0; i < l->count; i++)
			free(l->copies[i]);
	free(l->copies);
	free(l->names);
	free(l->question_of);
	memset(l, 0, sizeof(*l));
}

/* rec has the columns the layout was made for. */
static int
layout_fits(const struct layout *l, const struct record *rec)
{
	if (l->names == NULL || l->count != rec->count)
		return 0;
	/* survey_read() starts afresh with each reader: a CSV header stays */
	if (l->shared && rec->shared_names)
		return 1;
	/* a JSON record's names are its own: a pointer seen before proves nothing */
	for (size_t i = 0; i < rec->count; i++)
		if (!(rec->shared_names && rec->names[i] == l->names[i]) &&
		    strcmp(rec->names[i], l->copies[i]) != 0)
			return 0;
	return 1;
}

/* Map rec's columns onto keys and questions; -1 with err set when they cannot be. */
static int
layout_build(struct survey *sv, const struct record *rec, struct error *err)
{
	struct layout *l = &sv->layout;
	long line = rec->shared_names ? 1 : rec->line;

	survey_layout_clear(l);
	l->names = calloc(rec->count + 1, sizeof(char *));
	l->copies = calloc(rec->count + 1, sizeof(char *));
	l->question_of = calloc(rec->count + 1, sizeof(long));
	if (l->names == NULL || l->copies == NULL || l->question_of == NULL)
		return survey_nomem(err);
	l->count = rec->count;
	l->shared = rec->shared_names;
	for (size_t k = 0; k < SURVEY_NKEYS; k++)
		l->key_at[k] = -1;
	for (size_t i = 0; i < rec->count; i++) {
		const char *name = rec->names[i];
		int k = survey_key_of_name(name);
		long q;

		l->names[i] = rec->names[i];
		if ((l->copies[i] = strdup(name)) == NULL || k == -2)
			return survey_nomem(err);
		l->question_of[i] = -1;
		if (k >= 0) {
			if (l->key_at[k] >= 0)
				return error_set(err, EXIT_DATAERR, _("%s:%ld: %s: a "
				    "second column for the same field"), rec->file,
				    line, name);
			l->key_at[k] = (int)i;
			continue;
		}
		q = survey_question_find(sv, survey_question_identity(name));
		if (q < 0 && sv->opt.nquestions > 0)
			continue;	/* not a listed question: left alone */
		if (q < 0 && (q = survey_question_add(sv, survey_question_identity(name))) < 0)
			return survey_nomem(err);
		for (size_t j = 0; j < i; j++)
			if (l->question_of[j] == q)
				return error_set(err, EXIT_DATAERR, _("%s:%ld: %s: a "
				    "second column for the same question"), rec->file,
				    line, name);
		l->question_of[i] = q;
	}
	/* a tally reads its keys and checks dates; the rest is for the ledger and the store */
	for (size_t k = 0; k < SURVEY_NKEYS; k++) {
		int need = k == SURVEY_DATE || (k < SURVEY_NGROUPING &&
		    (sv->issues != NULL || sv->store != NULL));

		for (size_t i = 0; i < sv->opt.nby; i++)
			need |= sv->opt.by[i] == (enum survey_key)k;
		sv->response.key[k] = survey_trimmed(NULL);
		if (need && l->key_at[k] >= 0)
			l->read[l->nread++] = (enum survey_key)k;
	}
	/* a sheet lacking a listed question or a key to group by is no survey of it */
	if (rec->shared_names) {
		for (size_t q = 0; q < sv->opt.nquestions; q++) {
			size_t i;

			for (i = 0; i < rec->count && l->question_of[i] != (long)q; i++)
				;
			if (i == rec->count)
				return error_set(err, EXIT_DATAERR, _("%s:1: no column "
				    "for the question %s (--questions)"), rec->file,
				    sv->listed[q]);
		}
		for (size_t i = 0; i < sv->opt.nby; i++)
			if (l->key_at[sv->opt.by[i]] < 0)
				return error_set(err, EXIT_DATAERR, _("%s:1: no column "
				    "%s to group by (--by)"), rec->file,
				    field_word("survey_response", survey_key_fields[sv->opt.by[i]].name));
	}
	return survey_response_reserve(&sv->response, rec->count) == 0 ? 0 : survey_nomem(err);
}

/* 1 when the NUL-terminated strings a and b are equal; stops at the first difference. */
static int
same_string(const char *a, const char *b)
{
	while (*a == *b) {
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
	return 0;
}

/*
 * The meaning of an answer to question q as read (raw, untrimmed;
 * NULL is blank): an enum survey_answer, or -1 when it has none.  The
 * first answers of each column are remembered, so that a column of a
 * million answers costs a few word comparisons each.
 */
static int
answer_of(struct question *q, const char *raw)
{
	uint64_t words[MEMO_WORDS] = { 0 };
	size_t len;
	char text[256];
	struct span s;
	const char *code;
	int a = -1;

	if (raw == NULL)
		return ANSWER_NONE;
	if ((len = strlen(raw)) < sizeof(words)) {
		memcpy(words, raw, len);
		for (size_t i = 0; i < q->nmemo; i++)
			if (q->memo[i].text[0] == words[0] &&
			    q->memo[i].text[1] == words[1] &&
			    q->memo[i].text[2] == words[2])
				return q->memo[i].answer;
	}
	s = survey_trimmed(raw);
	if (s.n == 0)
		a = ANSWER_NONE;
	else if (s.n < sizeof(text)) {
		memcpy(text, s.p, s.n);
		text[s.n] = '\0';
		if ((code = vocab_code("answer", text)) != NULL)
			for (int k = 0; k < ANSWER_NONE; k++)
				if (strcmp(code, survey_answer_codes[k]) == 0)
					a = k;
	}
	if (a >= 0 && q->nmemo < MEMO_SIZE && len < sizeof(words)) {
		memcpy(q->memo[q->nmemo].text, words, sizeof(words));
		q->memo[q->nmemo].answer = (unsigned char)a;
		q->nmemo++;
	}
	return a;
}

/* d as YYYY-MM-DD, a day of the calendar, into iso: 0, or -1 if not so written. */
static int
iso_date(struct span d, char iso[11])
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	const char *p = d.p;
	int y, m, day;

	if (d.n != 10 || p[4] != '-' || p[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (p[i] < '0' || p[i] > '9'))
			return -1;
	y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	m = (p[5] - '0') * 10 + (p[6] - '0');
	day = (p[8] - '0') * 10 + (p[9] - '0');
	if (y < 1 || m < 1 || m > 12 || day < 1)
		return -1;
	if (day > days[m - 1] + (m == 2 && y % 4 == 0 &&
	    (y % 100 != 0 || y % 400 == 0)))
		return -1;
	memcpy(iso, p, 10);
	iso[10] = '\0';
	return 0;
}

/*
 * The ISO form of the date written raw (trimmed into d) into iso;
 * 0, or -1 when it is no date.  Remembers the last few.
 */
static int
date_of(struct survey *sv, const char *raw, struct span d, char iso[11])
{
	char text[sizeof(sv->dates[0].text)];
	struct date_memo *m;

	if (iso_date(d, iso) == 0)
		return 0;
	for (size_t i = 0; i < sv->ndates; i++)
		if (same_string(sv->dates[i].text, raw)) {
			memcpy(iso, sv->dates[i].iso, 11);
			return 0;
		}
	if (d.n >= sizeof(text))
		return -1;
	memcpy(text, d.p, d.n);
	text[d.n] = '\0';
	if (date_parse(text, iso) != 0)
		return -1;
	if (strlen(raw) < sizeof(text)) {
		m = &sv->dates[sv->next_date];
		sv->next_date = (sv->next_date + 1) % DATES_SIZE;
		if (sv->ndates < DATES_SIZE)
			sv->ndates++;
		snprintf(m->text, sizeof(m->text), "%s", raw);
		memcpy(m->iso, iso, 11);
	}
	return 0;
}

/* The ASCII digits in s. */
static size_t
digits(struct span s)
{
	size_t n = 0;

	for (size_t i = 0; i < s.n; i++)
		n += s.p[i] >= '0' && s.p[i] <= '9';
	return n;
}

/* Check and add one record: 0, 1 when it is bad (reported), -1 with err set. */
static int
survey_record(void *self, const struct record *rec, problem_fn *report,
    void *context, struct error *err)
{
	struct survey *sv = self;
	struct layout *l = &sv->layout;
	struct response *r = &sv->response;
	char message[1024];
	int bad = 0;

	if (!layout_fits(l, rec) && layout_build(sv, rec, err) != 0)
		return -1;
	r->file = rec->file;
	r->line = rec->line;
	r->source = NULL;
	for (size_t i = 0; i < l->nread; i++)
		r->key[l->read[i]] = survey_trimmed(rec->values[l->key_at[l->read[i]]]);
	if (r->key[SURVEY_DATE].n > 0) {
		if (date_of(sv, rec->values[l->key_at[SURVEY_DATE]],
		    r->key[SURVEY_DATE], r->date) != 0) {
			reader_problem(report, context, rec,
			    rec->names[l->key_at[SURVEY_DATE]],
			    _("not a date; write it as 2022-11-21"));
			bad = 1;
		}
		r->key[SURVEY_DATE].p = r->date;
		r->key[SURVEY_DATE].n = 10;
	}
	r->nanswers = 0;
	for (size_t i = 0; i < rec->count; i++) {
		long q = l->question_of[i];
		int a;

		if (q < 0)
			continue;
		if ((a = answer_of(&sv->questions[q], rec->values[i])) < 0) {
			struct span s = survey_trimmed(rec->values[i]);
			char expected[512], shown[256];

			/* an ID or phone number in a column taken for a question stays unshown */
			if (digits(s) >= 7)
				snprintf(shown, sizeof(shown), "%s", _("(a number, not shown)"));
			else
				snprintf(shown, sizeof(shown), "\"%.*s\"",
				    (int)utf8_valid_prefix(s.p, s.n > 200 ? 200 : s.n), s.p);
			snprintf(message, sizeof(message), sv->questions[q].code != NULL ||
			    sv->opt.nquestions > 0 ? _("unknown answer %s; "
			    "expected one of: %s") : _("unknown answer %s; "
			    "expected one of: %s (if this column is no question, "
			    "name the questions with --questions)"), shown,
			    vocab_describe("answer", expected, sizeof(expected)));
			reader_problem(report, context, rec, rec->names[i], message);
			bad = 1;
			continue;
		}
		r->question[r->nanswers] = (size_t)q;
		r->answer[r->nanswers] = (unsigned char)a;
		r->raw[r->nanswers] = rec->values[i];
		r->nanswers++;
	}
	if (bad)
		return 1;
	/* the answers as written, for the ledger and the store */
	if (sv->issues != NULL || sv->store != NULL)
		for (size_t i = 0; i < r->nanswers; i++)
			r->text[i] = survey_trimmed(r->raw[i]);
	return survey_add(sv, r, err) == 0 ? 0 : -1;
}

/* ---- reading in two threads ---- */

/* Problems of the second part, kept to be reported after the first part's. */
struct kept {
	struct problem *problem;
	size_t n, cap;
	int nomem;
};

/* A problem_fn: keep a copy of p (without its record, gone by then). */
static void
keep_problem(void *context, const struct problem *p)
{
	struct kept *k = context;
	struct problem copy = { NULL, p->line, NULL, NULL, NULL };

	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 16;
		struct problem *more = realloc(k->problem, cap * sizeof(*more));

		if (more == NULL) {
			k->nomem = 1;
			return;
		}
		k->problem = more;
		k->cap = cap;
	}
	copy.file = strdup(p->file);
	copy.field = p->field != NULL ? strdup(p->field) : NULL;
	copy.message = strdup(p->message);
	if (copy.file == NULL || copy.message == NULL ||
	    (p->field != NULL && copy.field == NULL)) {
		free((char *)copy.file);
		free((char *)copy.field);
		free((char *)copy.message);
		k->nomem = 1;
		return;
	}
	k->problem[k->n++] = copy;
}

static void
kept_free(struct kept *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free((char *)k->problem[i].file);
		free((char *)k->problem[i].field);
		free((char *)k->problem[i].message);
	}
	free(k->problem);
}

/* The second part of a reading, on its own thread. */
struct part {
	struct survey *sv;
	struct reader *r;
	struct kept kept;
	long bad;
	struct error err;
};

static void *
read_part(void *arg)
{
	struct part *part = arg;

	part->bad = reader_each(part->r, survey_record, part->sv, keep_problem,
	    &part->kept, &part->err);
	return NULL;
}

/*
 * Read r's first part here and second's on another thread into a twin
 * of sv, then report second's problems and add its tally to sv.  When
 * the split did not hold, r reads on here instead and second's work is
 * left aside.  Returns the number of bad records, or -1 with err set.
 */
static long
read_in_two(struct survey *sv, struct reader *r, struct reader *second,
    problem_fn *report, void *context, struct error *err)
{
	struct part part = { NULL, second, { NULL, 0, 0, 0 }, 0, { 0, "" } };
	pthread_t thread;
	long bad = -1, more;

	if ((part.sv = survey_twin(sv, err)) == NULL)
		return -1;
	if (pthread_create(&thread, NULL, read_part, &part) != 0) {
		survey_free(part.sv);
		return reader_each(r, survey_record, sv, report, context, err);
	}
	more = reader_each(r, survey_record, sv, report, context, err);
	pthread_join(thread, NULL);
	if (more < 0)
		goto out;
	if (!reader_split_held(r, second)) {
		long rest = reader_each(r, survey_record, sv, report, context, err);

		bad = rest < 0 ? -1 : more + rest;
		goto out;
	}
	for (size_t i = 0; i < part.kept.n; i++)
		report(context, &part.kept.problem[i]);
	if (part.kept.nomem)
		survey_nomem(err);
	else if (part.bad < 0)
		*err = part.err;
	else if (survey_merge(sv, part.sv, err) == 0)
		bad = more + part.bad;
out:
	kept_free(&part.kept);
	survey_free(part.sv);
	return bad;
}

/* Two threads for this reading?  Only a tally; as options.threads says. */
static int
two_threads(const struct survey *sv, const struct reader *r)
{
	long long done, total;

	if (sv->issues != NULL || sv->store != NULL || sv->opt.threads == 1)
		return 0;
	if (sv->opt.threads >= 2)
		return 1;
	reader_progress(r, &done, &total);
	return total >= SURVEY_SPLIT_BYTES && sysconf(_SC_NPROCESSORS_ONLN) >= 2;
}

long
survey_read(struct survey *sv, struct reader *r, problem_fn *report,
    void *context, struct error *err)
{
	struct reader *second = NULL;
	long bad;

	survey_layout_clear(&sv->layout);	/* names of another reader are not this one's */
	if (two_threads(sv, r) && reader_split(r, &second, err) != 0)
		return -1;
	if (second == NULL)
		return reader_each(r, survey_record, sv, report, context, err);
	bad = read_in_two(sv, r, second, report, context, err);
	reader_close(second);
	return bad;
}

