/* survey.c -- the phone survey's tally model: options, intervals, questions, groups */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey_model.h"
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

const char *const survey_answer_codes[ANSWER_NONE] = {
	"satisfied", "basically_satisfied", "dissatisfied", "dont_know"
};

/* ---- small helpers ---- */

struct span
survey_trimmed(const char *s)
{
	struct span sp = { s != NULL ? s : "", 0 };

	if (s == NULL)
		return sp;
	sp.n = text_trim_span(&sp.p, strlen(sp.p));
	return sp;
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

int
survey_nomem(struct error *err)
{
	return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
}

/* Field spec k matches name?  Through a field map, as household-add matches headers. */
int
survey_key_of_name(const char *name)
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
	if (field_map_init(&map, "survey_response", survey_key_fields, SURVEY_NKEYS) != 0)
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
		k = survey_key_of_name(w);
		if (k == -2)
			return survey_nomem(err);
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
const char *
survey_question_identity(const char *name)
{
	const char *code = vocab_code("survey_question", name);

	return code != NULL ? code : name;
}

long
survey_question_find(const struct survey *sv, const char *identity)
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
long
survey_question_add(struct survey *sv, const char *identity)
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
long *
survey_counts_of(const struct survey *sv, size_t g, size_t q)
{
	return &sv->counts[(g * sv->qcap + q) * ANSWER_KINDS];
}

/* The group of key[0..len), hashed h, or -1 when there is none. */
static long
group_lookup(const struct survey *sv, const char *key, size_t len, uint64_t h)
{
	size_t pos = hashtab_start(&sv->index, h), k;

	while ((k = hashtab_next(&sv->index, h, &pos)) != HASHTAB_END) {
		const struct group *g = &sv->groups[k];

		if (g->len == len && memcmp(sv->keys.data + g->key, key, len) == 0)
			return (long)k;
	}
	return -1;
}

long
survey_group_lookup(const struct survey *sv, const char *key, size_t len)
{
	return group_lookup(sv, key, len, text_hash(TEXT_HASH, key, len));
}

/* The group of key[0..len), made if new; its index, or -1 when memory runs out. */
long
survey_group_get(struct survey *sv, const char *key, size_t len)
{
	long found;
	uint64_t h;
	struct group *g;

	if (sv->last > 0) {
		g = &sv->groups[sv->last - 1];
		if (g->len == len && memcmp(sv->keys.data + g->key, key, len) == 0)
			return (long)(sv->last - 1);
	}
	h = text_hash(TEXT_HASH, key, len);
	if ((found = group_lookup(sv, key, len, h)) >= 0) {
		sv->last = (size_t)found + 1;
		return found;
	}
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
	g = &sv->groups[sv->ngroups];
	g->key = sv->keys.len;
	g->len = len;
	if (buf_append(&sv->keys, key, len) != 0 ||
	    hashtab_add(&sv->index, h, sv->ngroups) != 0)
		return -1;
	sv->ngroups++;
	sv->last = sv->ngroups;
	return (long)(sv->ngroups - 1);
}

/* ---- a survey ---- */

struct survey *
survey_new(const struct survey_options *options, struct error *err)
{
	struct survey *sv = calloc(1, sizeof(*sv));

	if (sv == NULL) {
		survey_nomem(err);
		return NULL;
	}
	sv->opt = *options;
	sv->opt.questions = NULL;
	survey_columns_init(sv);
	if (options->nquestions > 0) {
		sv->listed = calloc(options->nquestions, sizeof(*sv->listed));
		if (sv->listed == NULL)
			goto fail;
		for (size_t i = 0; i < options->nquestions; i++) {
			const char *id = survey_question_identity(options->questions[i]);

			if (survey_question_find(sv, id) >= 0) {
				error_set(err, EXIT_USAGE, _("--questions: %s given twice"),
				    options->questions[i]);
				survey_free(sv);
				return NULL;
			}
			if (survey_question_add(sv, id) < 0)
				goto fail;
			sv->listed[i] = sv->questions[i].name;
		}
		sv->opt.nquestions = options->nquestions;
	}
	if (sv->opt.nby == 0 && survey_group_get(sv, "", 0) < 0)
		goto fail;
	return sv;
fail:
	survey_nomem(err);
	survey_free(sv);
	return NULL;
}

void
survey_free(struct survey *sv)
{
	if (sv == NULL)
		return;
	if (sv->store != NULL) {
		survey_round_finalize(sv);
		store_rollback(sv->store);
	}
	for (size_t q = 0; q < sv->nquestions; q++)
		free(sv->questions[q].name);
	free(sv->questions);
	free(sv->listed);
	free(sv->groups);
	free(sv->counts);
	hashtab_free(&sv->index);
	buf_free(&sv->keys);
	buf_free(&sv->key);
	survey_layout_clear(&sv->layout);
	free(sv->response.question);
	free(sv->response.answer);
	free(sv->response.text);
	free(sv->response.raw);
	for (size_t i = 0; i < sizeof(sv->scratch) / sizeof(sv->scratch[0]); i++)
		buf_free(&sv->scratch[i]);
	free(sv->round);
	buf_free(&sv->identity);
	free(sv->seen);
	hashtab_free(&sv->seen_index);
	free(sv);
}

struct survey *
survey_twin(const struct survey *sv, struct error *err)
{
	struct survey_options o = sv->opt;

	o.questions = sv->listed;
	return survey_new(&o, err);
}

int
survey_merge(struct survey *sv, const struct survey *from, struct error *err)
{
	size_t *question = calloc(from->nquestions + 1, sizeof(*question));

	if (question == NULL)
		return survey_nomem(err);
	for (size_t q = 0; q < from->nquestions; q++) {
		long k = survey_question_find(sv, from->questions[q].name);

		if (k < 0 && (k = survey_question_add(sv, from->questions[q].name)) < 0)
			goto nomem;
		question[q] = (size_t)k;
	}
	for (size_t g = 0; g < from->ngroups; g++) {
		long to = survey_group_get(sv, from->keys.data != NULL ?
		    from->keys.data + from->groups[g].key : "", from->groups[g].len);

		if (to < 0)
			goto nomem;
		for (size_t q = 0; q < from->nquestions; q++) {
			long *count = survey_counts_of(sv, (size_t)to, question[q]);
			const long *more = survey_counts_of(from, g, q);

			for (int a = 0; a < ANSWER_KINDS; a++)
				count[a] += more[a];
		}
	}
	free(question);
	return 0;
nomem:
	free(question);
	return survey_nomem(err);
}

void
survey_set_issue_writer(struct survey *sv, struct writer *w, int labels)
{
	sv->issues = w;
	sv->issue_labels = labels;
}

int
survey_response_reserve(struct response *r, size_t n)
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

/* Append h as 16 hexadecimal digits. */
static void
put_hash(struct buf *b, uint64_t h)
{
	char hex[17];

	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)h);
	buf_append(b, hex, 16);
}

/* How many anonymous responses with content hash h were met, this one counted. */
static long
seen_count(struct survey *sv, uint64_t h)
{
	size_t pos = hashtab_start(&sv->seen_index, h), k;

	while ((k = hashtab_next(&sv->seen_index, h, &pos)) != HASHTAB_END)
		if (sv->seen[k].hash == h)
			return ++sv->seen[k].count;
	if (sv->nseen == sv->seen_cap) {
		size_t cap = sv->seen_cap > 0 ? sv->seen_cap * 2 : 64;
		struct seen_response *p = realloc(sv->seen, cap * sizeof(*p));

		if (p == NULL)
			return -1;
		sv->seen = p;
		sv->seen_cap = cap;
	}
	if (hashtab_add(&sv->seen_index, h, sv->nseen) != 0)
		return -1;
	sv->seen[sv->nseen].hash = h;
	sv->seen[sv->nseen].count = 1;
	return sv->seen[sv->nseen++].count;
}

int
survey_identity(struct survey *sv, const struct response *r)
{
	struct buf *b = &sv->identity;
	struct span who = r->key[SURVEY_RESPONDENT], home = r->key[SURVEY_HOUSEHOLD];
	long n;

	buf_reset(b);
	if (r->source != NULL)
		return buf_puts(b, r->source);
	if (r->key[SURVEY_DATE].n > 0)
		buf_append(b, r->key[SURVEY_DATE].p, r->key[SURVEY_DATE].n);
	else
		buf_puts(b, sv->round != NULL ? sv->round : "-");
	buf_append(b, ":", 1);
	if (who.n > 0) {
		/* a respondent is often a phone number, and names repeat: a hash of both */
		uint64_t h = text_hash(TEXT_HASH, who.p, who.n);

		buf_append(b, "r", 1);
		put_hash(b, text_hash(text_hash(h, "", 1), home.p, home.n));
	} else if (home.n > 0) {
		buf_append(b, "h", 1);
		buf_append(b, home.p, home.n);
	} else {
		uint64_t h = TEXT_HASH;

		/* nobody named: what was answered, where */
		for (int k = SURVEY_VILLAGE; k <= SURVEY_GROUP; k++) {
			h = text_hash(h, r->key[k].p, r->key[k].n);
			h = text_hash(h, "", 1);
		}
		for (size_t i = 0; i < r->nanswers; i++) {
			const char *q = sv->questions[r->question[i]].name;

			h = text_hash(h, q, strlen(q) + 1);
			h = text_hash(h, (const char *)&r->answer[i], 1);
		}
		buf_append(b, "a", 1);
		put_hash(b, h);
	}
	/* the Nth response of the input that is all this: the same input, the same N */
	if (b->data == NULL ||
	    (n = seen_count(sv, text_hash(TEXT_HASH, b->data, b->len))) < 0)
		return -1;
	buf_append(b, ".", 1);
	put_number(b, n);
	return b->data == NULL ? -1 : 0;
}

/* ---- adding a response ---- */

int
survey_add(struct survey *sv, const struct response *r, struct error *err)
{
	struct buf *key = &sv->key;
	long g;

	if ((sv->store != NULL || sv->issues != NULL) && survey_identity(sv, r) != 0)
		return survey_nomem(err);
	if (sv->store != NULL && survey_round_keep(sv, r, err) != 0)
		return -1;
	if (sv->issues != NULL)
		return survey_issues_write(sv, r, err);
	buf_reset(key);
	for (size_t i = 0; i < sv->opt.nby; i++) {
		struct span s = r->key[sv->opt.by[i]];

		if (buf_reserve(key, s.n + 1) != 0)
			return survey_nomem(err);
		memcpy(key->data + key->len, s.p, s.n);
		key->len += s.n;
		key->data[key->len++] = '\0';
	}
	if ((g = survey_group_get(sv, key->data != NULL ? key->data : "", key->len)) < 0)
		return survey_nomem(err);
	for (size_t i = 0; i < r->nanswers; i++)
		survey_counts_of(sv, (size_t)g, r->question[i])[r->answer[i]]++;
	return 0;
}

