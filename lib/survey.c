/* survey.c -- the phone survey: recognition rates, dissatisfied answers, saved rounds */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "survey.h"
#include "text.h"
#include "vocab.h"

const struct field_spec survey_key_fields[SURVEY_NKEYS] = {
	{ "respondent", "受访人|受访者|被访人|被访者|受访人姓名|访问对象|姓名" },
	{ "village", "村(社区)|村|社区|村名|所属村|村社区" },
	{ "village_group", "村民小组|社|组|小组|村民组" },
	{ "household_id", "户编号|户号|户码|家庭编号" },
	{ "survey_date", "调查日期|访问日期|回访日期|日期" },
	{ "phone", "联系电话|电话|电话号码|手机|手机号|手机号码|联系方式" },
	{ "id_number", "身份证号|身份证号码|户主身份证号|证件号码" },
	{ "note", "备注|说明|notes|remarks" },
	{ "serial", "序号|no" },
};

/* Table headings of the grouping keys. */
static const char *const key_labels[SURVEY_NGROUPING] = {
	N_("respondent"), N_("village"), N_("group"), N_("household"), N_("date"),
};

const struct column survey_issue_columns[SURVEY_ISSUE_NCOLUMNS] = {
	{ "kind", N_("kind"), COLUMN_TEXT },
	{ "category", N_("category"), COLUMN_TEXT },
	{ "title", N_("title"), COLUMN_TEXT },
	{ "detail", N_("detail"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "reporter", N_("reporter"), COLUMN_TEXT },
	{ "source", N_("source"), COLUMN_TEXT },
	{ "source_ref", N_("source reference"), COLUMN_TEXT },
};

/* The tally's columns after the keys. */
enum {
	TALLY_QUESTION, TALLY_N, TALLY_SATISFIED, TALLY_BASICALLY,
	TALLY_DISSATISFIED, TALLY_DONT_KNOW, TALLY_NO_ANSWER, TALLY_RATE,
	TALLY_CI_LOW, TALLY_CI_HIGH, TALLY_LOW_N, TALLY_NCOLUMNS
};

static const struct column tally_columns[TALLY_NCOLUMNS] = {
	{ "question", N_("question"), COLUMN_TEXT },
	{ "n", N_("n"), COLUMN_INTEGER },
	{ "satisfied", N_("satisfied"), COLUMN_INTEGER },
	{ "basically_satisfied", N_("basically satisfied"), COLUMN_INTEGER },
	{ "dissatisfied", N_("dissatisfied"), COLUMN_INTEGER },
	{ "dont_know", N_("don't know"), COLUMN_INTEGER },
	{ "no_answer", N_("no answer"), COLUMN_INTEGER },
	{ "rate", N_("rate"), COLUMN_NUMBER },
	/* xgettext:no-c-format */
	{ "ci_low", N_("95% low"), COLUMN_NUMBER },
	/* xgettext:no-c-format */
	{ "ci_high", N_("95% high"), COLUMN_NUMBER },
	{ "low_n", N_("low n"), COLUMN_BOOLEAN },
};

/* A comparison's columns after the keys. */
enum {
	COMPARE_QUESTION, COMPARE_EARLIER_N, COMPARE_EARLIER_RATE, COMPARE_N,
	COMPARE_RATE, COMPARE_CHANGE, COMPARE_CHANGE_LOW, COMPARE_CHANGE_HIGH,
	COMPARE_SIGNIFICANT, COMPARE_NCOLUMNS
};

static const struct column compare_columns[COMPARE_NCOLUMNS] = {
	{ "question", N_("question"), COLUMN_TEXT },
	{ "earlier_n", N_("earlier n"), COLUMN_INTEGER },
	{ "earlier_rate", N_("earlier rate"), COLUMN_NUMBER },
	{ "n", N_("n"), COLUMN_INTEGER },
	{ "rate", N_("rate"), COLUMN_NUMBER },
	{ "change", N_("change"), COLUMN_NUMBER },
	/* xgettext:no-c-format */
	{ "change_low", N_("95% low"), COLUMN_NUMBER },
	/* xgettext:no-c-format */
	{ "change_high", N_("95% high"), COLUMN_NUMBER },
	{ "significant", N_("significant"), COLUMN_BOOLEAN },
};

/* The answer codes the store keeps, in enum survey_answer order. */
static const char *const answer_codes[ANSWER_NONE] = {
	"satisfied", "basically_satisfied", "dissatisfied", "dont_know"
};

/* Bytes s[0..n) of a value, not NUL-terminated. */
struct span {
	const char *p;
	size_t n;
};

/* Answer texts as read, remembered with their meaning, to skip the vocabulary. */
#define MEMO_SIZE 8
#define MEMO_WORDS 3
struct memo {
	uint64_t text[MEMO_WORDS];	/* the bytes, untrimmed, zero-padded */
	unsigned char answer;
};

/* A question area: a column of answers. */
struct question {
	char *name;		/* the vocabulary code (q_cadre), else the column's name */
	const char *code;	/* the vocabulary code, or NULL for a question it does not know */
	struct memo memo[MEMO_SIZE];	/* the answers of its column seen first */
	size_t nmemo;
};

/* A group of responses sharing their key values. */
struct group {
	uint64_t hash;
	size_t key;		/* offset in survey.keys: nby values, each NUL-terminated */
	size_t len;
};

/* How the columns of the records being read map onto keys and questions. */
struct layout {
	size_t count;
	char **names;		/* the names it was made from (borrowed), */
	char **copies;		/* and copies, for records that do not share them */
	int key_at[SURVEY_NKEYS];	/* column of each key, or -1 */
	long *question_of;	/* question of each column, or -1 */
	int shared;		/* made from a CSV header: fits all its records */
	enum survey_key read[SURVEY_NKEYS];	/* the keys to read, ... */
	size_t nread;		/* ... those the work at hand needs and the input has */
};

/* One response, as read from a file or from the store. */
struct response {
	const char *file;	/* where it was read */
	long line;
	const char *source;	/* "file:line", when read from the store */
	struct span key[SURVEY_NKEYS];
	size_t nanswers;
	size_t *question;	/* question index of each answer */
	unsigned char *answer;	/* enum survey_answer */
	struct span *text;	/* the answer as written (issues and the store only) */
	const char **raw;	/* the answer as read */
	size_t cap;
	char date[11];		/* survey_date in ISO form */
};

/* Dates as read, remembered with their ISO form: a survey spans a few days. */
#define DATES_SIZE 16
struct date_memo {
	char text[24];
	char iso[11];
};

struct survey {
	struct survey_options opt;
	const char **listed;	/* --questions, copied */
	struct column columns[SURVEY_NGROUPING + TALLY_NCOLUMNS];
	struct column compare[SURVEY_NGROUPING + COMPARE_NCOLUMNS];

	struct question *questions;
	size_t nquestions, qcap;	/* qcap: questions room in each group's counts */

	struct group *groups;
	size_t ngroups, gcap;
	long *counts;		/* [group][qcap][ANSWER_KINDS] */
	size_t *slots;		/* open addressing: group index + 1, or 0 */
	size_t nslots;
	struct buf keys;	/* the groups' keys */
	size_t last;		/* the group of the last response + 1, or 0 */

	struct layout layout;
	struct response response;
	struct buf key;		/* the key of the response being added */
	struct date_memo dates[DATES_SIZE];
	size_t ndates, next_date;

	struct writer *issues;	/* dissatisfied answers go here, if set */
	int issue_labels;
	struct buf scratch[8];	/* text of the issue row being written */

	/* saving a round */
	struct store *store;
	char *round;
	long long round_id;
	sqlite3_stmt *insert_response, *insert_answer, *find_response,
	    *find_answers;
	struct survey_save_stats stats;
};

/* ---- small helpers ---- */

static struct span
trimmed(const char *s)
{
	struct span sp = { s != NULL ? s : "", 0 };

	if (s == NULL)
		return sp;
	while (*sp.p == ' ' || *sp.p == '\t' || *sp.p == '\r' || *sp.p == '\n')
		sp.p++;
	sp.n = strlen(sp.p);
	while (sp.n > 0 && (sp.p[sp.n - 1] == ' ' || sp.p[sp.n - 1] == '\t' ||
	    sp.p[sp.n - 1] == '\r' || sp.p[sp.n - 1] == '\n'))
		sp.n--;
	return sp;
}

/* A hash of s[0..n), eight bytes at a time (FNV-1a's constants, a final mix). */
static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL ^ n;

	for (; n >= 8; s += 8, n -= 8) {
		uint64_t w;

		memcpy(&w, s, 8);
		h = (h ^ w) * 1099511628211ULL;
	}
	if (n > 0) {
		uint64_t w = 0;

		memcpy(&w, s, n);
		h = (h ^ w) * 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

/* "text:number" into b, without printf. */
static void
put_number(struct buf *b, long v)
{
	char digits[24];
	int k = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		digits[k++] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		buf_append(b, "-", 1);
	while (k > 0)
		buf_append(b, &digits[--k], 1);
}

static int
nomem(struct error *err)
{
	return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
}

/* Field spec k matches name?  Through a field map, as household-add matches headers. */
static int
key_of_name(const char *name)
{
	struct field_map map;
	struct record rec = { 0 };
	char *names[1];
	const char *bad = NULL;
	int k = -1;

	names[0] = (char *)name;
	rec.count = 1;
	rec.names = names;
	rec.values = names;
	if (field_map_init(&map, survey_key_fields, SURVEY_NKEYS) != 0)
		return -2;
	if (field_map_record(&map, &rec, &bad) == 0)
		for (size_t i = 0; i < SURVEY_NKEYS; i++)
			if (map.at[i] == 0)
				k = (int)i;
	field_map_free(&map);
	return k;
}

/* ---- options ---- */

int
survey_parse_by(const char *text, struct survey_options *o, struct error *err)
{
	char word[256];
	const char *p = text;

	o->nby = 0;
	if (strcmp(text, "none") == 0)
		return 0;
	while (*p != '\0') {
		size_t n = strcspn(p, ",");
		char *w;
		int k;

		if (n >= sizeof(word))
			return error_set(err, EXIT_USAGE, _("--by: no such key: %.*s"),
			    (int)n, p);
		memcpy(word, p, n);
		word[n] = '\0';
		p += n;
		if (*p == ',')
			p++;
		w = text_trim(word);
		if (*w == '\0')
			continue;
		k = key_of_name(w);
		if (k == -2)
			return nomem(err);
		if (k < 0 || k >= SURVEY_NGROUPING)
			return error_set(err, EXIT_USAGE, _("--by: no such key: %s; "
			    "expected respondent, village, village_group, "
			    "household_id, survey_date or none"), w);
		for (size_t i = 0; i < o->nby; i++)
			if (o->by[i] == (enum survey_key)k)
				return error_set(err, EXIT_USAGE,
				    _("--by: %s given twice"), w);
		o->by[o->nby++] = (enum survey_key)k;
	}
	if (o->nby == 0)
		return error_set(err, EXIT_USAGE, _("--by: no key given; "
		    "\"none\" tallies all responses together"));
	return 0;
}

/* ---- intervals ---- */

int
survey_wilson(long x, long n, double *low, double *high)
{
	double z = SURVEY_Z, z2 = z * z, p, denominator, centre, half;

	if (n <= 0)
		return -1;
	p = (double)x / (double)n;
	denominator = 1 + z2 / n;
	centre = (p + z2 / (2.0 * n)) / denominator;
	half = z / denominator * sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
	*low = centre - half;
	*high = centre + half;
	/* exact at the ends, where the formula leaves rounding dust */
	if (x <= 0 || !(*low > 0))
		*low = 0;
	if (x >= n || *high > 1)
		*high = 1;
	return 0;
}

void
survey_newcombe(double p1, double l1, double u1, double p2, double l2,
    double u2, double *low, double *high)
{
	double d = p1 - p2;

	*low = d - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
	*high = d + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
}

/* ---- questions ---- */

/* The question a column name stands for: its vocabulary code, else the name. */
static const char *
question_identity(const char *name)
{
	const char *code = vocab_code("survey_question", name);

	return code != NULL ? code : name;
}

static long
question_find(const struct survey *sv, const char *identity)
{
	for (size_t q = 0; q < sv->nquestions; q++)
		if (strcmp(sv->questions[q].name, identity) == 0)
			return (long)q;
	return -1;
}

/* Make every group's counts room for qcap questions. */
static int
counts_restride(struct survey *sv, size_t qcap)
{
	long *counts;

	if (qcap <= sv->qcap)
		return 0;
	if (sv->gcap > 0) {
		counts = calloc(sv->gcap * qcap * ANSWER_KINDS, sizeof(long));
		if (counts == NULL)
			return -1;
		for (size_t g = 0; g < sv->ngroups; g++)
			memcpy(&counts[g * qcap * ANSWER_KINDS],
			    &sv->counts[g * sv->qcap * ANSWER_KINDS],
			    sv->qcap * ANSWER_KINDS * sizeof(long));
		free(sv->counts);
		sv->counts = counts;
	}
	sv->qcap = qcap;
	return 0;
}

/* Add the question named name (a code or a column name); its index, or -1. */
static long
question_add(struct survey *sv, const char *identity)
{
	struct question *q;
	char *name;

	if (sv->nquestions == sv->qcap &&
	    counts_restride(sv, sv->qcap ? sv->qcap * 2 : 4) != 0)
		return -1;
	q = realloc(sv->questions, (sv->nquestions + 1) * sizeof(*q));
	if (q == NULL)
		return -1;
	sv->questions = q;
	if ((name = strdup(identity)) == NULL)
		return -1;
	memset(&q[sv->nquestions], 0, sizeof(q[sv->nquestions]));
	q[sv->nquestions].name = name;
	q[sv->nquestions].code = vocab_code("survey_question", identity);
	return (long)sv->nquestions++;
}

/* ---- groups ---- */

/* The answer counts of group g for question q. */
static long *
counts_of(const struct survey *sv, size_t g, size_t q)
{
	return &sv->counts[(g * sv->qcap + q) * ANSWER_KINDS];
}

/* The group of key[0..len), or -1 when there is none. */
static long
group_lookup(const struct survey *sv, const char *key, size_t len)
{
	uint64_t h;
	size_t mask, i;

	if (sv->nslots == 0)
		return -1;
	h = hash_bytes(key, len);
	mask = sv->nslots - 1;
	for (i = (size_t)h & mask; sv->slots[i] != 0; i = (i + 1) & mask) {
		const struct group *g = &sv->groups[sv->slots[i] - 1];

		if (g->hash == h && g->len == len &&
		    memcmp(sv->keys.data + g->key, key, len) == 0)
			return (long)(sv->slots[i] - 1);
	}
	return -1;
}

static int
slots_grow(struct survey *sv)
{
	size_t n = sv->nslots ? sv->nslots * 2 : 64, mask = n - 1;
	size_t *slots = calloc(n, sizeof(*slots));

	if (slots == NULL)
		return -1;
	for (size_t g = 0; g < sv->ngroups; g++) {
		size_t i = (size_t)sv->groups[g].hash & mask;

		while (slots[i] != 0)
			i = (i + 1) & mask;
		slots[i] = g + 1;
	}
	free(sv->slots);
	sv->slots = slots;
	sv->nslots = n;
	return 0;
}

/* The group of key[0..len), made if new; its index, or -1 when memory runs out. */
static long
group_get(struct survey *sv, const char *key, size_t len)
{
	long found;
	size_t mask, i;
	uint64_t h;
	struct group *g;

	if (sv->last > 0) {
		g = &sv->groups[sv->last - 1];
		if (g->len == len && memcmp(sv->keys.data + g->key, key, len) == 0)
			return (long)(sv->last - 1);
	}
	if ((found = group_lookup(sv, key, len)) >= 0) {
		sv->last = (size_t)found + 1;
		return found;
	}
	if ((sv->ngroups + 1) * 2 > sv->nslots && slots_grow(sv) != 0)
		return -1;
	if (sv->ngroups == sv->gcap) {
		size_t cap = sv->gcap ? sv->gcap * 2 : 16;
		struct group *groups = realloc(sv->groups, cap * sizeof(*groups));
		long *counts;

		if (groups == NULL)
			return -1;
		sv->groups = groups;
		if (sv->qcap == 0 && counts_restride(sv, sv->nquestions > 4 ?
		    sv->nquestions : 4) != 0)
			return -1;
		counts = realloc(sv->counts, cap * sv->qcap * ANSWER_KINDS *
		    sizeof(long));
		if (counts == NULL)
			return -1;
		memset(&counts[sv->gcap * sv->qcap * ANSWER_KINDS], 0,
		    (cap - sv->gcap) * sv->qcap * ANSWER_KINDS * sizeof(long));
		sv->counts = counts;
		sv->gcap = cap;
	}
	h = hash_bytes(key, len);
	g = &sv->groups[sv->ngroups];
	g->hash = h;
	g->key = sv->keys.len;
	g->len = len;
	if (buf_append(&sv->keys, key, len) != 0)
		return -1;
	mask = sv->nslots - 1;
	for (i = (size_t)h & mask; sv->slots[i] != 0; i = (i + 1) & mask)
		;
	sv->slots[i] = ++sv->ngroups;
	sv->last = sv->ngroups;
	return (long)(sv->ngroups - 1);
}

/* ---- a survey ---- */

struct survey *
survey_new(const struct survey_options *options, struct error *err)
{
	struct survey *sv = calloc(1, sizeof(*sv));
	size_t n = 0;

	if (sv == NULL) {
		nomem(err);
		return NULL;
	}
	sv->opt = *options;
	sv->opt.questions = NULL;
	for (size_t i = 0; i < options->nby; i++) {
		enum survey_key k = options->by[i];

		sv->columns[n].name = sv->compare[n].name = survey_key_fields[k].name;
		sv->columns[n].label = sv->compare[n].label = key_labels[k];
		sv->columns[n].type = sv->compare[n].type = COLUMN_TEXT;
		n++;
	}
	memcpy(&sv->columns[n], tally_columns, sizeof(tally_columns));
	memcpy(&sv->compare[n], compare_columns, sizeof(compare_columns));
	if (options->nquestions > 0) {
		sv->listed = calloc(options->nquestions, sizeof(*sv->listed));
		if (sv->listed == NULL)
			goto fail;
		for (size_t i = 0; i < options->nquestions; i++) {
			const char *id = question_identity(options->questions[i]);

			if (question_find(sv, id) >= 0) {
				error_set(err, EXIT_USAGE, _("--questions: %s given twice"),
				    options->questions[i]);
				survey_free(sv);
				return NULL;
			}
			if (question_add(sv, id) < 0)
				goto fail;
			sv->listed[i] = sv->questions[i].name;
		}
		sv->opt.nquestions = options->nquestions;
	}
	if (sv->opt.nby == 0 && group_get(sv, "", 0) < 0)
		goto fail;
	return sv;
fail:
	nomem(err);
	survey_free(sv);
	return NULL;
}

static void
save_finalize(struct survey *sv)
{
	sqlite3_finalize(sv->insert_response);
	sqlite3_finalize(sv->insert_answer);
	sqlite3_finalize(sv->find_response);
	sqlite3_finalize(sv->find_answers);
	sv->insert_response = sv->insert_answer = NULL;
	sv->find_response = sv->find_answers = NULL;
}

void
survey_free(struct survey *sv)
{
	if (sv == NULL)
		return;
	if (sv->store != NULL) {
		save_finalize(sv);
		store_rollback(sv->store);
	}
	for (size_t q = 0; q < sv->nquestions; q++)
		free(sv->questions[q].name);
	free(sv->questions);
	free(sv->listed);
	free(sv->groups);
	free(sv->counts);
	free(sv->slots);
	buf_free(&sv->keys);
	buf_free(&sv->key);
	free(sv->layout.names);
	if (sv->layout.copies != NULL)
		for (size_t i = 0; i < sv->layout.count; i++)
			free(sv->layout.copies[i]);
	free(sv->layout.copies);
	free(sv->layout.question_of);
	free(sv->response.question);
	free(sv->response.answer);
	free(sv->response.text);
	free(sv->response.raw);
	for (size_t i = 0; i < sizeof(sv->scratch) / sizeof(sv->scratch[0]); i++)
		buf_free(&sv->scratch[i]);
	free(sv->round);
	free(sv);
}

void
survey_set_issue_writer(struct survey *sv, struct writer *w, int labels)
{
	sv->issues = w;
	sv->issue_labels = labels;
}

static int
response_reserve(struct response *r, size_t n)
{
	size_t *q;
	unsigned char *a;
	struct span *t;
	const char **raw;

	if (n <= r->cap)
		return 0;
	if ((raw = realloc(r->raw, n * sizeof(*raw))) == NULL)
		return -1;
	r->raw = raw;
	if ((q = realloc(r->question, n * sizeof(*q))) == NULL)
		return -1;
	r->question = q;
	if ((a = realloc(r->answer, n)) == NULL)
		return -1;
	r->answer = a;
	if ((t = realloc(r->text, n * sizeof(*t))) == NULL)
		return -1;
	r->text = t;
	r->cap = n;
	return 0;
}

/* ---- dissatisfied answers as issue-add records ---- */

/* The issue category that follows up a question area. */
static const char *
issue_category(const struct question *q)
{
	if (q->code == NULL)
		return "other";
	if (strcmp(q->code, "q_cadre") == 0)
		return "conduct";
	if (strcmp(q->code, "q_infrastructure") == 0)
		return "infrastructure";
	return "other";		/* policy awareness, guarantees */
}

/* The question's Chinese name: the ledger is kept in Chinese. */
static const char *
question_chinese(const struct question *q)
{
	if (q->code != NULL)
		for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
			if (strcmp(e->domain, "survey_question") == 0 &&
			    strcmp(e->code, q->code) == 0)
				return e->label_zh;
	return q->name;
}

/* "file:line" of r into b. */
static void
put_source(struct buf *b, const struct response *r)
{
	if (r->source != NULL) {
		buf_puts(b, r->source);
		return;
	}
	buf_puts(b, r->file);
	buf_append(b, ":", 1);
	put_number(b, r->line);
}

/* A span as a NUL-terminated string in b, or NULL when empty. */
static const char *
span_text(struct buf *b, struct span s)
{
	if (s.n == 0)
		return NULL;
	buf_reset(b);
	if (buf_append(b, s.p, s.n) != 0)
		return NULL;
	return b->data;
}

/* One issue-add record for each dissatisfied answer of r. */
static int
write_issues(struct survey *sv, const struct response *r, int labels,
    struct error *err)
{
	struct buf *title = &sv->scratch[0], *detail = &sv->scratch[1],
	    *ref = &sv->scratch[2];

	for (size_t i = 0; i < r->nanswers; i++) {
		const struct question *q;
		const char *v[SURVEY_ISSUE_NCOLUMNS];

		if (r->answer[i] != ANSWER_DISSATISFIED)
			continue;
		q = &sv->questions[r->question[i]];
		buf_reset(title);
		buf_puts(title, "电话调查不满意：");
		buf_puts(title, question_chinese(q));
		buf_reset(detail);
		buf_puts(detail, "问题：");
		buf_puts(detail, question_chinese(q));
		buf_puts(detail, "；回答：");
		buf_append(detail, r->text[i].p, r->text[i].n);
		if (r->key[SURVEY_RESPONDENT].n > 0) {
			buf_puts(detail, "；受访人：");
			buf_append(detail, r->key[SURVEY_RESPONDENT].p,
			    r->key[SURVEY_RESPONDENT].n);
		}
		if (r->key[SURVEY_DATE].n > 0) {
			buf_puts(detail, "；调查日期：");
			buf_append(detail, r->key[SURVEY_DATE].p, r->key[SURVEY_DATE].n);
		}
		buf_reset(ref);
		buf_puts(ref, "survey:");
		if (sv->round != NULL) {
			buf_puts(ref, sv->round);
			buf_append(ref, ":", 1);
		}
		put_source(ref, r);
		buf_append(ref, ":", 1);
		buf_puts(ref, q->name);
		if (title->data == NULL || detail->data == NULL || ref->data == NULL)
			return nomem(err);
		v[0] = labels ? vocab_label("issue_kind", "problem") : "problem";
		v[1] = labels ? vocab_label("issue_category", issue_category(q)) :
		    issue_category(q);
		v[2] = title->data;
		v[3] = detail->data;
		v[4] = span_text(&sv->scratch[3], r->key[SURVEY_VILLAGE]);
		v[5] = span_text(&sv->scratch[4], r->key[SURVEY_GROUP]);
		v[6] = span_text(&sv->scratch[5], r->key[SURVEY_HOUSEHOLD]);
		v[7] = span_text(&sv->scratch[6], r->key[SURVEY_RESPONDENT]);
		v[8] = labels ? vocab_label("issue_source", "survey") : "survey";
		v[9] = ref->data;
		if (writer_row(sv->issues, v, err) != 0)
			return -1;
	}
	return 0;
}

/* ---- saving a round ---- */

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
		    strcmp((const char *)answer, answer_codes[r->answer[i]]) == 0) &&
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

static int
save_response(struct survey *sv, const struct response *r, struct error *err)
{
	sqlite3_stmt *st = sv->insert_response;
	struct buf *source = &sv->scratch[7];
	long long id;
	int rc;

	buf_reset(source);
	put_source(source, r);
	if (source->data == NULL)
		return nomem(err);
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
		/* known by its source: the same, or left alone */
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
			sqlite3_bind_text(st, 4, answer_codes[r->answer[i]], -1,
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
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, round, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = store_error(s, rc, err);
	sqlite3_finalize(st);
	return id;
}

int
survey_save_begin(struct survey *sv, struct store *s, const char *round,
    const char *today, struct error *err)
{
	long long id;

	if (*round == '\0' || strlen(round) > 64)
		return error_set(err, EXIT_USAGE, _("a round is named by 1 to 64 bytes"));
	free(sv->round);
	if ((sv->round = strdup(round)) == NULL)
		return nomem(err);
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
	save_finalize(sv);
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
	save_finalize(sv);
	sv->store = NULL;
	*stats = sv->stats;
	if (!commit) {
		store_rollback(s);
		return 0;
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

/* ---- adding a response ---- */

static int
survey_add(struct survey *sv, const struct response *r, struct error *err)
{
	struct buf *key = &sv->key;
	long g;

	if (sv->store != NULL && save_response(sv, r, err) != 0)
		return -1;
	if (sv->issues != NULL)
		return write_issues(sv, r, sv->issue_labels, err);
	buf_reset(key);
	for (size_t i = 0; i < sv->opt.nby; i++) {
		struct span s = r->key[sv->opt.by[i]];

		if (buf_reserve(key, s.n + 1) != 0)
			return nomem(err);
		memcpy(key->data + key->len, s.p, s.n);
		key->len += s.n;
		key->data[key->len++] = '\0';
	}
	if ((g = group_get(sv, key->data != NULL ? key->data : "", key->len)) < 0)
		return nomem(err);
	for (size_t i = 0; i < r->nanswers; i++)
		counts_of(sv, (size_t)g, r->question[i])[r->answer[i]]++;
	return 0;
}

/* ---- reading records ---- */

static void
layout_clear(struct layout *l)
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

	layout_clear(l);
	l->names = calloc(rec->count + 1, sizeof(char *));
	l->copies = calloc(rec->count + 1, sizeof(char *));
	l->question_of = calloc(rec->count + 1, sizeof(long));
	if (l->names == NULL || l->copies == NULL || l->question_of == NULL)
		return nomem(err);
	l->count = rec->count;
	l->shared = rec->shared_names;
	for (size_t k = 0; k < SURVEY_NKEYS; k++)
		l->key_at[k] = -1;
	for (size_t i = 0; i < rec->count; i++) {
		const char *name = rec->names[i];
		int k = key_of_name(name);
		long q;

		l->names[i] = rec->names[i];
		if ((l->copies[i] = strdup(name)) == NULL || k == -2)
			return nomem(err);
		l->question_of[i] = -1;
		if (k >= 0) {
			if (l->key_at[k] >= 0)
				return error_set(err, EXIT_DATAERR, _("%s:%ld: %s: a "
				    "second column for the same field"), rec->file,
				    line, name);
			l->key_at[k] = (int)i;
			continue;
		}
		q = question_find(sv, question_identity(name));
		if (q < 0 && sv->opt.nquestions > 0)
			continue;	/* not a listed question: left alone */
		if (q < 0 && (q = question_add(sv, question_identity(name))) < 0)
			return nomem(err);
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
		sv->response.key[k] = trimmed(NULL);
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
				    survey_key_fields[sv->opt.by[i]].name);
	}
	return response_reserve(&sv->response, rec->count) == 0 ? 0 : nomem(err);
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
	s = trimmed(raw);
	if (s.n == 0)
		a = ANSWER_NONE;
	else if (s.n < sizeof(text)) {
		memcpy(text, s.p, s.n);
		text[s.n] = '\0';
		if ((code = vocab_code("answer", text)) != NULL)
			for (int k = 0; k < ANSWER_NONE; k++)
				if (strcmp(code, answer_codes[k]) == 0)
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
		r->key[l->read[i]] = trimmed(rec->values[l->key_at[l->read[i]]]);
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
			struct span s = trimmed(rec->values[i]);
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
			r->text[i] = trimmed(r->raw[i]);
	return survey_add(sv, r, err) == 0 ? 0 : -1;
}

long
survey_read(struct survey *sv, struct reader *r, problem_fn *report,
    void *context, struct error *err)
{
	layout_clear(&sv->layout);	/* names of another reader are not this one's */
	return reader_each(r, survey_record, sv, report, context, err);
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
		return nomem(err);
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
		const char *answer, *written;
		long q;
		int a = ANSWER_NONE;

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
		if (question == NULL)
			continue;	/* a response without answers */
		if ((q = question_find(sv, question)) < 0) {
			if (sv->opt.nquestions > 0)
				continue;	/* not a listed question */
			if ((q = question_add(sv, question)) < 0)
				goto nomem;
		}
		answer = (const char *)sqlite3_column_text(st, 8);
		written = (const char *)sqlite3_column_text(st, 9);
		for (int k = 0; answer != NULL && k < ANSWER_NONE; k++)
			if (strcmp(answer, answer_codes[k]) == 0)
				a = k;
		if (response_reserve(r, r->nanswers + 1) != 0 ||
		    loaded_push(&l, written) != 0)
			goto nomem;
		r->question[r->nanswers] = (size_t)q;
		r->answer[r->nanswers] = (unsigned char)a;
		r->text[r->nanswers].n = written != NULL ? strlen(written) : 0;
		r->nanswers++;
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
	nomem(err);
out:
	sqlite3_finalize(st);
	buf_free(&l.text);
	free(l.at);
	return rc;
}

/* ---- writing the tally ---- */

#define OVERALL UINT32_MAX	/* the group of an overall row */

/* One output row: a group (or, overall, none) and a question; 32 bytes. */
struct tally_row {
	const char *key;	/* the group's key, or NULL for the overall row */
	uint32_t key_len;
	uint32_t group;		/* index, or OVERALL */
	uint32_t question;
	long success, n;	/* the rate is success / n */
};

/* A row of a comparison: the rate now, and the rate before. */
struct change_row {
	struct tally_row row;
	long earlier_success, earlier_n;
	int both;		/* both rounds have a rate */
	double change;
};

const struct column *
survey_tally_columns(const struct survey *sv, size_t *n)
{
	*n = sv->opt.nby + TALLY_NCOLUMNS;
	return sv->columns;
}

const struct column *
survey_compare_columns(const struct survey *sv, size_t *n)
{
	*n = sv->opt.nby + COMPARE_NCOLUMNS;
	return sv->compare;
}

static void
rate_of(const struct survey *sv, const long *count, long *success, long *n)
{
	*success = count[ANSWER_SATISFIED] + count[ANSWER_BASICALLY];
	*n = *success + count[ANSWER_DISSATISFIED];
	if (sv->opt.dont_know_counts_against)
		*n += count[ANSWER_DONT_KNOW];
}

/* Order of keys (bytes, key by key: they are NUL-separated), then question; overall last. */
static int
compare_keys(const struct tally_row *a, const struct tally_row *b)
{
	int c;

	if ((a->key == NULL) != (b->key == NULL))
		return a->key == NULL ? 1 : -1;
	if (a->key != NULL) {
		c = memcmp(a->key, b->key, a->key_len < b->key_len ? a->key_len :
		    b->key_len);
		if (c != 0)
			return c;
		if (a->key_len != b->key_len)
			return a->key_len < b->key_len ? -1 : 1;
	}
	return a->question < b->question ? -1 : a->question > b->question;
}

/* Worst rate first, exactly (cross products), no rate last; overall rows after all. */
static int
compare_tally_rows(const void *pa, const void *pb)
{
	const struct tally_row *a = pa, *b = pb;

	if ((a->key == NULL) != (b->key == NULL))
		return a->key == NULL ? 1 : -1;
	if ((a->n > 0) != (b->n > 0))
		return a->n > 0 ? -1 : 1;
	if (a->n > 0) {
		long double x = (long double)a->success * b->n,
		    y = (long double)b->success * a->n;

		if (x != y)
			return x < y ? -1 : 1;
	}
	return compare_keys(a, b);
}

/* Largest fall first, no change last; overall rows after all. */
static int
compare_change_rows(const void *pa, const void *pb)
{
	const struct change_row *a = pa, *b = pb;

	if ((a->row.key == NULL) != (b->row.key == NULL))
		return a->row.key == NULL ? 1 : -1;
	if (a->both != b->both)
		return a->both ? -1 : 1;
	if (a->both && a->change != b->change)
		return a->change < b->change ? -1 : 1;
	return compare_keys(&a->row, &b->row);
}

/* A fraction to 4 decimals for programs, a percentage for people. */
static const char *
fraction(double v, int labels, char *out, size_t size)
{
	if (labels)
		snprintf(out, size, "%.1f%%", v * 100);
	else
		snprintf(out, size, "%.*f", SURVEY_DECIMALS, v);
	/* no "-0.0000" */
	if (out[0] == '-' && strspn(out, "-0.%") == strlen(out))
		memmove(out, out + 1, strlen(out));
	return out;
}

/* The key values of row into v[0..nby): split at NULs, "*" for overall. */
static void
key_values(const struct survey *sv, const struct tally_row *row, int labels,
    const char **v)
{
	const char *p = row->key;

	for (size_t i = 0; i < sv->opt.nby; i++) {
		if (p == NULL) {
			v[i] = labels ? _("(all)") : "*";
			continue;
		}
		v[i] = *p != '\0' ? p : NULL;
		p += strlen(p) + 1;
	}
}

static const char *
question_label(const struct question *q, int labels)
{
	if (labels && q->code != NULL)
		return vocab_label("survey_question", q->code);
	return q->name;
}

/* Add the counts of every group for question q into count. */
static void
overall_counts(const struct survey *sv, size_t q, long *count)
{
	memset(count, 0, ANSWER_KINDS * sizeof(long));
	for (size_t g = 0; g < sv->ngroups; g++)
		for (int a = 0; a < ANSWER_KINDS; a++)
			count[a] += counts_of(sv, g, q)[a];
}

/* The counts of row's group (or of all) for its question, into count. */
static void
row_counts(const struct survey *sv, const struct tally_row *row, long *count)
{
	if (row->group == OVERALL)
		overall_counts(sv, row->question, count);
	else
		memcpy(count, counts_of(sv, row->group, row->question),
		    ANSWER_KINDS * sizeof(long));
}

/* 1 when count holds any response at all (blank answers too). */
static int
any_response(const long *count)
{
	for (int a = 0; a < ANSWER_KINDS; a++)
		if (count[a] > 0)
			return 1;
	return 0;
}

/* Row g (OVERALL: all of them) and question q of sv into row. */
static void
row_of(const struct survey *sv, size_t g, size_t q, struct tally_row *row,
    long *count)
{
	row->group = g == sv->ngroups ? OVERALL : (uint32_t)g;
	row->question = (uint32_t)q;
	row->key = NULL;
	row->key_len = 0;
	if (row->group != OVERALL) {
		row->key = sv->keys.data != NULL ? sv->keys.data + sv->groups[g].key : "";
		row->key_len = (uint32_t)sv->groups[g].len;
	}
	row_counts(sv, row, count);
	rate_of(sv, count, &row->success, &row->n);
}

/*
 * The rows of a tally: every group and question that had the question's
 * column, then (when there are keys) the overall row of each question.
 */
static struct tally_row *
tally_rows(struct survey *sv, size_t *nrows)
{
	size_t n = 0, groups = sv->ngroups + (sv->opt.nby > 0);
	struct tally_row *rows = calloc(groups * sv->nquestions + 1, sizeof(*rows));
	long count[ANSWER_KINDS];

	if (rows == NULL)
		return NULL;
	for (size_t g = 0; g < groups; g++)
		for (size_t q = 0; q < sv->nquestions; q++) {
			row_of(sv, g, q, &rows[n], count);
			if (any_response(count))
				n++;
		}
	*nrows = n;
	return rows;
}

long
survey_write_tally(struct survey *sv, struct writer *w, int labels,
    struct error *err)
{
	size_t nrows;
	struct tally_row *rows;
	char numbers[TALLY_NCOLUMNS][32];
	const char *v[SURVEY_NGROUPING + TALLY_NCOLUMNS];
	long written = 0, count[ANSWER_KINDS];

	if (sv->ngroups >= OVERALL || (rows = tally_rows(sv, &nrows)) == NULL)
		return nomem(err);
	qsort(rows, nrows, sizeof(*rows), compare_tally_rows);
	for (size_t i = 0; i < nrows; i++) {
		const struct tally_row *row = &rows[i];
		const char **t = v + sv->opt.nby;
		double low, high;

		key_values(sv, row, labels, v);
		row_counts(sv, row, count);
		t[TALLY_QUESTION] = question_label(&sv->questions[row->question], labels);
		snprintf(numbers[TALLY_N], 32, "%ld", row->n);
		t[TALLY_N] = numbers[TALLY_N];
		for (int a = 0; a < ANSWER_KINDS; a++) {
			snprintf(numbers[TALLY_SATISFIED + a], 32, "%ld", count[a]);
			t[TALLY_SATISFIED + a] = numbers[TALLY_SATISFIED + a];
		}
		t[TALLY_RATE] = t[TALLY_CI_LOW] = t[TALLY_CI_HIGH] = NULL;
		if (survey_wilson(row->success, row->n, &low, &high) == 0) {
			t[TALLY_RATE] = fraction((double)row->success / row->n, labels,
			    numbers[TALLY_RATE], 32);
			t[TALLY_CI_LOW] = fraction(low, labels, numbers[TALLY_CI_LOW], 32);
			t[TALLY_CI_HIGH] = fraction(high, labels, numbers[TALLY_CI_HIGH],
			    32);
		}
		t[TALLY_LOW_N] = row->n < sv->opt.min_n ?
		    (labels ? _("yes") : "true") : (labels ? "" : "false");
		if (writer_row(w, v, err) != 0) {
			free(rows);
			return -1;
		}
		written++;
	}
	free(rows);
	return written;
}

/* The counts of before's group with the key of row (NULL: overall) for question. */
static void
earlier_counts(const struct survey *before, const struct tally_row *row,
    const char *question, long *count)
{
	long q = question_find(before, question), g;

	memset(count, 0, ANSWER_KINDS * sizeof(long));
	if (q < 0)
		return;
	if (row->key == NULL)
		overall_counts(before, (size_t)q, count);
	else if ((g = group_lookup(before, row->key, row->key_len)) >= 0)
		memcpy(count, counts_of(before, (size_t)g, (size_t)q),
		    ANSWER_KINDS * sizeof(long));
}

/* The rows of a comparison: tally_rows() of now, with before's side. */
static struct change_row *
compare_rows(struct survey *now, struct survey *before, size_t *nrows)
{
	struct change_row *rows;
	size_t n = 0, groups;
	long count[ANSWER_KINDS], earlier[ANSWER_KINDS];

	/* the groups and questions only before had become now's, with no answers */
	for (size_t q = 0; q < before->nquestions; q++)
		if (question_find(now, before->questions[q].name) < 0 &&
		    question_add(now, before->questions[q].name) < 0)
			return NULL;
	for (size_t g = 0; g < before->ngroups; g++)
		if (group_get(now, before->keys.data != NULL ?
		    before->keys.data + before->groups[g].key : "",
		    before->groups[g].len) < 0)
			return NULL;
	if (now->ngroups >= OVERALL)
		return NULL;
	groups = now->ngroups + (now->opt.nby > 0);
	if ((rows = calloc(groups * now->nquestions + 1, sizeof(*rows))) == NULL)
		return NULL;
	for (size_t g = 0; g < groups; g++)
		for (size_t q = 0; q < now->nquestions; q++) {
			struct change_row *c = &rows[n];

			row_of(now, g, q, &c->row, count);
			earlier_counts(before, &c->row, now->questions[q].name, earlier);
			if (!any_response(count) && !any_response(earlier))
				continue;
			rate_of(now, earlier, &c->earlier_success, &c->earlier_n);
			c->both = c->row.n > 0 && c->earlier_n > 0;
			c->change = 0;
			if (c->both)
				c->change = (double)c->row.success / c->row.n -
				    (double)c->earlier_success / c->earlier_n;
			n++;
		}
	*nrows = n;
	return rows;
}

long
survey_write_compare(struct survey *now, struct survey *before,
    struct writer *w, int labels, struct error *err)
{
	size_t nrows;
	struct change_row *rows = compare_rows(now, before, &nrows);
	char numbers[COMPARE_NCOLUMNS][32];
	const char *v[SURVEY_NGROUPING + COMPARE_NCOLUMNS];
	long written = 0;

	if (rows == NULL)
		return nomem(err);
	qsort(rows, nrows, sizeof(*rows), compare_change_rows);
	for (size_t i = 0; i < nrows; i++) {
		const struct change_row *c = &rows[i];
		const struct tally_row *row = &c->row;
		const char **t = v + now->opt.nby;
		double l1, u1, l2, u2;

		key_values(now, row, labels, v);
		t[COMPARE_QUESTION] = question_label(&now->questions[row->question],
		    labels);
		snprintf(numbers[COMPARE_EARLIER_N], 32, "%ld", c->earlier_n);
		snprintf(numbers[COMPARE_N], 32, "%ld", row->n);
		t[COMPARE_EARLIER_N] = numbers[COMPARE_EARLIER_N];
		t[COMPARE_N] = numbers[COMPARE_N];
		t[COMPARE_EARLIER_RATE] = t[COMPARE_RATE] = NULL;
		t[COMPARE_CHANGE] = t[COMPARE_CHANGE_LOW] = t[COMPARE_CHANGE_HIGH] = NULL;
		t[COMPARE_SIGNIFICANT] = NULL;
		if (c->earlier_n > 0)
			t[COMPARE_EARLIER_RATE] = fraction((double)c->earlier_success /
			    c->earlier_n, labels, numbers[COMPARE_EARLIER_RATE], 32);
		if (row->n > 0)
			t[COMPARE_RATE] = fraction((double)row->success / row->n, labels,
			    numbers[COMPARE_RATE], 32);
		if (c->both && survey_wilson(row->success, row->n, &l1, &u1) == 0 &&
		    survey_wilson(c->earlier_success, c->earlier_n, &l2, &u2) == 0) {
			double low, high;

			survey_newcombe((double)row->success / row->n, l1, u1,
			    (double)c->earlier_success / c->earlier_n, l2, u2,
			    &low, &high);
			t[COMPARE_CHANGE] = fraction(c->change, labels,
			    numbers[COMPARE_CHANGE], 32);
			t[COMPARE_CHANGE_LOW] = fraction(low, labels,
			    numbers[COMPARE_CHANGE_LOW], 32);
			t[COMPARE_CHANGE_HIGH] = fraction(high, labels,
			    numbers[COMPARE_CHANGE_HIGH], 32);
			t[COMPARE_SIGNIFICANT] = low > 0 || high < 0 ?
			    (labels ? _("yes") : "true") : (labels ? "" : "false");
		}
		if (writer_row(w, v, err) != 0) {
			free(rows);
			return -1;
		}
		written++;
	}
	free(rows);
	return written;
}
