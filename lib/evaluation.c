/* evaluation.c -- neighbour evaluations (邻里互评) and village-rule ballots */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "evaluation.h"
#include "hashtab.h"
#include "fields.h"
#include "text.h"
#include "vocab.h"
#include "vote.h"

/* ---- shared ---- */

static int
nomem(struct error *err)
{
	return error_set(err, EXIT_SOFTWARE, "%s", strerror(ENOMEM));
}

/* Trimmed copy of s into out (size bytes): out, "" for NULL; NULL when too long. */
static char *
trimmed_copy(const char *s, char *out, size_t size)
{
	size_t n;

	if (s == NULL)
		s = "";
	if ((n = strlen(s)) >= size)
		return NULL;
	memcpy(out, s, n + 1);
	return text_trim(out);
}

/*
 * Map rec's columns onto specs into at[] (-1: absent).  Returns 0; -1
 * with err set for a column no spec takes or a second column for one.
 */
static int
map_columns(struct field_map *map, const struct record *rec, int *at,
    size_t nspecs, struct error *err)
{
	const char *bad = NULL;
	int rc = field_map_record(map, rec, &bad);

	if (rc != 0)
		return error_set(err, EXIT_DATAERR, rc == -1 ?
		    _("%s:%ld: %s: unknown column") :
		    _("%s:%ld: %s: a second column for the same field"),
		    rec->file, rec->shared_names ? 1L : rec->line, bad);
	for (size_t k = 0; k < nspecs; k++)
		at[k] = map->at[k];
	return 0;
}

/* A set of strings: which names were seen, and on which line. */
struct seen {
	char **names;
	long *lines;
	size_t n, cap;
	struct hashtab index;
};

/* The index of name in the set, or -1 if absent. */
static long
seen_find(const struct seen *set, const char *name)
{
	uint64_t h = text_hash(TEXT_HASH, name, strlen(name));
	size_t pos = hashtab_start(&set->index, h), k;

	while ((k = hashtab_next(&set->index, h, &pos)) != HASHTAB_END)
		if (strcmp(set->names[k], name) == 0)
			return (long)k;
	return -1;
}

/* Add name (not yet in set) seen on line; its index, or -1 when memory runs out. */
static long
seen_add(struct seen *set, const char *name, long line)
{
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 32;
		char **names = realloc(set->names, cap * sizeof(*names));
		long *lines;

		if (names == NULL)
			return -1;
		set->names = names;
		if ((lines = realloc(set->lines, cap * sizeof(*lines))) == NULL)
			return -1;
		set->lines = lines;
		set->cap = cap;
	}
	if ((set->names[set->n] = strdup(name)) == NULL)
		return -1;
	if (hashtab_add(&set->index, text_hash(TEXT_HASH, name, strlen(name)),
	    set->n) != 0) {
		free(set->names[set->n]);
		return -1;
	}
	set->lines[set->n] = line;
	return (long)set->n++;
}

static void
seen_free(struct seen *set)
{
	for (size_t k = 0; k < set->n; k++)
		free(set->names[k]);
	free(set->names);
	free(set->lines);
	hashtab_free(&set->index);
	memset(set, 0, sizeof(*set));
}

/* ---- neighbour evaluations ---- */

enum evaluation_field {
	EVAL_HOUSEHOLD, EVAL_EVALUATOR, EVAL_VILLAGE, EVAL_GROUP, EVAL_HEAD,
	EVAL_COLLECTIVE, EVAL_HARMONY, EVAL_FILIAL, EVAL_HYGIENE, EVAL_DILIGENCE,
	EVAL_NFIELDS
};

#define EVAL_DIMENSIONS 5	/* the scores, from EVAL_COLLECTIVE on */

static const struct field_spec evaluation_fields[EVAL_NFIELDS] = {
	{ "household_id", "户编号|户号|户码|家庭编号|被评户" },
	{ "evaluator", "评议人|评价人|评议人姓名|评分人" },
	{ "village", "村(社区)|村|社区|村名|所属村|村社区" },
	{ "village_group", "村民小组|社|组|小组|村民组" },
	{ "head_name", "户主姓名|户主|姓名" },
	{ "love_collective", "热爱集体" },
	{ "family_harmony", "家庭和睦" },
	{ "filial_care", "孝顺父母" },
	{ "hygiene", "讲究卫生" },
	{ "diligence_kindness", "勤劳友善" },
};

const struct column evaluation_columns[EVALUATION_NCOLUMNS] = {
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "head_name", N_("head"), COLUMN_TEXT },
	{ "evaluators", N_("evaluators"), COLUMN_INTEGER },
	{ "love_collective", N_("love of the collective"), COLUMN_NUMBER },
	{ "family_harmony", N_("family harmony"), COLUMN_NUMBER },
	{ "filial_care", N_("filial care"), COLUMN_NUMBER },
	{ "hygiene", N_("hygiene"), COLUMN_NUMBER },
	{ "diligence_kindness", N_("diligence and kindness"), COLUMN_NUMBER },
	{ "total", N_("total"), COLUMN_NUMBER },
	{ "rank", N_("rank"), COLUMN_INTEGER },
	{ "tied", N_("tied"), COLUMN_BOOLEAN },
	{ "low_n", N_("low n"), COLUMN_BOOLEAN },
	{ "list", N_("list"), COLUMN_TEXT },
};

/* What is known of one household evaluated. */
struct household_score {
	char *village, *group, *head;	/* as first given; NULL if never */
	long evaluators;
	long sum[EVAL_DIMENSIONS], count[EVAL_DIMENSIONS];
	double total;
	int has_total;
	long rank;		/* within its village, from 1; 0: not ranked */
	int tied;
	int list;		/* 0, 'r' or 'b' */
};

struct evaluation {
	struct evaluation_options opt;
	struct seen households;	/* by household_id */
	struct household_score *scores;	/* parallel to households.names */
	size_t cap;
	struct seen pairs;	/* "household\x1fevaluator": who scored whom */
	struct field_map map;
	struct buf pair;
};

struct evaluation *
evaluation_new(const struct evaluation_options *options, struct error *err)
{
	struct evaluation *ev = calloc(1, sizeof(*ev));

	if (ev == NULL || field_map_init(&ev->map, "evaluation", evaluation_fields,
	    EVAL_NFIELDS) != 0) {
		free(ev);
		nomem(err);
		return NULL;
	}
	ev->opt = *options;
	return ev;
}

void
evaluation_free(struct evaluation *ev)
{
	if (ev == NULL)
		return;
	for (size_t i = 0; i < ev->households.n; i++) {
		free(ev->scores[i].village);
		free(ev->scores[i].group);
		free(ev->scores[i].head);
	}
	free(ev->scores);
	seen_free(&ev->households);
	seen_free(&ev->pairs);
	field_map_free(&ev->map);
	buf_free(&ev->pair);
	free(ev);
}

/* Keep a copy of value in *where when nothing is there yet. */
static int
keep_first(char **where, const char *value)
{
	if (*where != NULL || value == NULL || *value == '\0')
		return 0;
	return (*where = strdup(value)) != NULL ? 0 : -1;
}

/* The scores of household (first seen on line), made if new; NULL when memory runs out. */
static struct household_score *
household_of(struct evaluation *ev, const char *household, long line)
{
	long index = seen_find(&ev->households, household);

	if (index >= 0)
		return &ev->scores[index];
	if (ev->households.n == ev->cap) {
		size_t cap = ev->cap ? ev->cap * 2 : 32;
		struct household_score *s = realloc(ev->scores, cap * sizeof(*s));

		if (s == NULL)
			return NULL;
		ev->scores = s;
		ev->cap = cap;
	}
	if ((index = seen_add(&ev->households, household, line)) < 0)
		return NULL;
	memset(&ev->scores[index], 0, sizeof(ev->scores[index]));
	return &ev->scores[index];
}

/* Check and add one evaluation record: 0, 1 when bad (reported), -1 with err set. */
static int
evaluation_record(void *self, const struct record *rec, problem_fn *report,
    void *context, struct error *err)
{
	struct evaluation *ev = self;
	char v[EVAL_NFIELDS][256], message[512];
	const char *value[EVAL_NFIELDS];
	long score[EVAL_DIMENSIONS];
	int at[EVAL_NFIELDS] = { 0 }, bad = 0;
	struct household_score *h;

	if (map_columns(&ev->map, rec, at, EVAL_NFIELDS, err) != 0)
		return -1;
	for (size_t k = 0; k < EVAL_NFIELDS; k++) {
		const char *raw = at[k] >= 0 ? rec->values[at[k]] : NULL;

		if ((value[k] = trimmed_copy(raw, v[k], sizeof(v[k]))) == NULL) {
			reader_problem(report, context, rec, rec->names[at[k]],
			    _("longer than 255 bytes"));
			return 1;
		}
	}
	if (*value[EVAL_HOUSEHOLD] == '\0') {
		reader_problem(report, context, rec, at[EVAL_HOUSEHOLD] >= 0 ?
		    rec->names[at[EVAL_HOUSEHOLD]] : "household_id",
		    _("missing; every evaluation is of a household"));
		bad = 1;
	}
	for (size_t d = 0; d < EVAL_DIMENSIONS; d++) {
		const char *text = value[EVAL_COLLECTIVE + d];

		score[d] = -1;
		if (*text == '\0')
			continue;	/* not scored on this */
		if (number_parse(text, ev->opt.scale_low, ev->opt.scale_high,
		    &score[d]) != 0) {
			snprintf(message, sizeof(message), _("\"%s\" is not a whole "
			    "number from %ld to %ld (--scale)"), text,
			    ev->opt.scale_low, ev->opt.scale_high);
			reader_problem(report, context, rec,
			    rec->names[at[EVAL_COLLECTIVE + d]], message);
			bad = 1;
		}
	}
	if (bad)
		return 1;
	/* an evaluator scores a household once */
	if (*value[EVAL_EVALUATOR] != '\0') {
		long seen;

		buf_reset(&ev->pair);
		if (buf_puts(&ev->pair, value[EVAL_HOUSEHOLD]) != 0 ||
		    buf_append(&ev->pair, "\x1f", 1) != 0 ||
		    buf_puts(&ev->pair, value[EVAL_EVALUATOR]) != 0)
			return nomem(err);
		if ((seen = seen_find(&ev->pairs, ev->pair.data)) >= 0) {
			snprintf(message, sizeof(message), _("%s already scored "
			    "household %s on line %ld"), value[EVAL_EVALUATOR],
			    value[EVAL_HOUSEHOLD], ev->pairs.lines[seen]);
			reader_problem(report, context, rec,
			    rec->names[at[EVAL_EVALUATOR]], message);
			return 1;
		}
		if (seen_add(&ev->pairs, ev->pair.data, rec->line) < 0)
			return nomem(err);
	}
	if ((h = household_of(ev, value[EVAL_HOUSEHOLD], rec->line)) == NULL)
		return nomem(err);
	if (keep_first(&h->village, value[EVAL_VILLAGE]) != 0 ||
	    keep_first(&h->group, value[EVAL_GROUP]) != 0 ||
	    keep_first(&h->head, value[EVAL_HEAD]) != 0)
		return nomem(err);
	h->evaluators++;
	for (size_t d = 0; d < EVAL_DIMENSIONS; d++)
		if (score[d] >= 0) {
			h->sum[d] += score[d];
			h->count[d]++;
		}
	return 0;
}

long
evaluation_read(struct evaluation *ev, struct reader *r, problem_fn *report,
    void *context, struct error *err)
{
	return reader_each(r, evaluation_record, ev, report, context, err);
}

/* Totals that differ by less than this are equal (sums of a few means). */
#define TIE_EPSILON 1e-9

/* For sorting: households by village, then best total, then household_id. */
struct ranked {
	const char *village;
	const char *id;
	struct household_score *h;
	int eligible;		/* enough evaluators and a total */
};

static int
compare_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int c = strcmp(a->village, b->village);

	if (c != 0)
		return c;
	if (a->eligible != b->eligible)
		return a->eligible ? -1 : 1;
	if (a->eligible && a->h->total - b->h->total > TIE_EPSILON)
		return -1;
	if (a->eligible && b->h->total - a->h->total > TIE_EPSILON)
		return 1;
	return strcmp(a->id, b->id);
}

static const char *
format_number(double v, char *out, size_t size)
{
	snprintf(out, size, "%.2f", v);
	return out;
}

/* Ranks, ties and each village's lists, over order[0..n) sorted by village then total. */
static void
rank_villages(const struct evaluation *ev, struct ranked *order, size_t n)
{
	for (size_t start = 0, end; start < n; start = end) {
		size_t eligible = 0;

		for (end = start; end < n &&
		    strcmp(order[end].village, order[start].village) == 0; end++)
			if (order[end].eligible)
				order[end].h->rank = (long)++eligible;
		for (size_t i = start; i < start + eligible; i++) {
			struct household_score *h = order[i].h;
			double t = h->total;

			h->tied = (i > start && order[i - 1].h->total - t <= TIE_EPSILON) ||
			    (i + 1 < start + eligible &&
			    t - order[i + 1].h->total <= TIE_EPSILON);
			if ((size_t)h->rank <= (size_t)ev->opt.red && ev->opt.red > 0)
				h->list = 'r';
			else if (ev->opt.black > 0 &&
			    eligible - (size_t)h->rank < (size_t)ev->opt.black)
				h->list = 'b';
		}
	}
}

long
evaluation_write(struct evaluation *ev, struct writer *w, int labels,
    struct error *err)
{
	size_t n = ev->households.n;
	struct ranked *order = calloc(n + 1, sizeof(*order));
	long written = 0;

	if (order == NULL)
		return nomem(err);
	for (size_t i = 0; i < n; i++) {
		struct household_score *h = &ev->scores[i];

		h->has_total = 1;
		h->total = 0;
		for (size_t d = 0; d < EVAL_DIMENSIONS; d++) {
			if (h->count[d] == 0)
				h->has_total = 0;
			else
				h->total += (double)h->sum[d] / h->count[d];
		}
		order[i].village = h->village != NULL ? h->village : "";
		order[i].id = ev->households.names[i];
		order[i].h = h;
		order[i].eligible = h->has_total && h->evaluators >= ev->opt.min_n;
	}
	qsort(order, n, sizeof(*order), compare_ranked);
	rank_villages(ev, order, n);
	for (size_t i = 0; i < n; i++) {
		struct household_score *h = order[i].h;
		char numbers[EVALUATION_NCOLUMNS][32];
		const char *v[EVALUATION_NCOLUMNS];

		if ((ev->opt.red > 0 || ev->opt.black > 0) && h->list == 0)
			continue;
		v[0] = h->village;
		v[1] = h->group;
		v[2] = order[i].id;
		v[3] = h->head;
		snprintf(numbers[4], 32, "%ld", h->evaluators);
		v[4] = numbers[4];
		for (size_t d = 0; d < EVAL_DIMENSIONS; d++)
			v[5 + d] = h->count[d] > 0 ? format_number((double)h->sum[d] /
			    h->count[d], numbers[5 + d], 32) : NULL;
		v[10] = h->has_total ? format_number(h->total, numbers[10], 32) : NULL;
		v[11] = NULL;
		if (h->rank > 0) {
			snprintf(numbers[11], 32, "%ld", h->rank);
			v[11] = numbers[11];
		}
		v[12] = h->tied ? (labels ? _("yes") : "true") :
		    (labels ? "" : "false");
		v[13] = h->evaluators < ev->opt.min_n ? (labels ? _("yes") : "true") :
		    (labels ? "" : "false");
		v[14] = h->list == 'r' ? "red" : h->list == 'b' ? "black" : NULL;
		if (labels && v[14] != NULL)
			v[14] = vocab_label("honour_list", v[14]);
		if (writer_row(w, v, err) != 0) {
			free(order);
			return -1;
		}
		written++;
	}
	free(order);
	return written;
}

/* ---- village-rule ballots ---- */

enum ballot_field { BALLOT_NAME, BALLOT_VOTE, BALLOT_NFIELDS };

static const struct field_spec ballot_fields[BALLOT_NFIELDS] = {
	{ "name", "姓名|代表|代表姓名|representative" },
	{ "vote", "表决|表决意见|意见|投票" },
};

const struct column ballot_columns[BALLOT_NCOLUMNS] = {
	{ "representatives", N_("representatives"), COLUMN_INTEGER },
	{ "present", N_("present"), COLUMN_INTEGER },
	{ "yes", N_("yes"), COLUMN_INTEGER },
	{ "no", N_("no"), COLUMN_INTEGER },
	{ "abstain", N_("abstain"), COLUMN_INTEGER },
	{ "valid", N_("valid"), COLUMN_BOOLEAN },
	{ "adopted", N_("adopted"), COLUMN_BOOLEAN },
};

struct ballot {
	long representatives;
	long yes, no, abstain;
	struct seen names;
	struct field_map map;
};

struct ballot *
ballot_new(long representatives, struct error *err)
{
	struct ballot *b = calloc(1, sizeof(*b));

	if (b == NULL || field_map_init(&b->map, "vote", ballot_fields,
	    BALLOT_NFIELDS) != 0) {
		free(b);
		nomem(err);
		return NULL;
	}
	b->representatives = representatives;
	return b;
}

void
ballot_free(struct ballot *b)
{
	if (b == NULL)
		return;
	seen_free(&b->names);
	field_map_free(&b->map);
	free(b);
}

static int
ballot_record(void *self, const struct record *rec, problem_fn *report,
    void *context, struct error *err)
{
	struct ballot *b = self;
	char name[256], vote[256], message[512];
	const char *who, *how, *code;
	int at[BALLOT_NFIELDS] = { -1, -1 };
	long seen;

	if (map_columns(&b->map, rec, at, BALLOT_NFIELDS, err) != 0)
		return -1;
	who = trimmed_copy(at[BALLOT_NAME] >= 0 ? rec->values[at[BALLOT_NAME]] :
	    NULL, name, sizeof(name));
	how = trimmed_copy(at[BALLOT_VOTE] >= 0 ? rec->values[at[BALLOT_VOTE]] :
	    NULL, vote, sizeof(vote));
	if (who == NULL || *who == '\0') {
		reader_problem(report, context, rec, at[BALLOT_NAME] >= 0 ?
		    rec->names[at[BALLOT_NAME]] : "name", who == NULL ?
		    _("longer than 255 bytes") : _("missing; every vote is a "
		    "representative's"));
		return 1;
	}
	if (how == NULL || (code = vocab_code("vote", how)) == NULL) {
		char expected[256];

		snprintf(message, sizeof(message), how == NULL || *how != '\0' ?
		    _("unknown vote \"%s\"; expected one of: %s") :
		    _("missing%s; expected one of: %s (a representative present "
		    "who does not vote abstains)"), how != NULL ? how : "",
		    vocab_describe("vote", expected, sizeof(expected)));
		reader_problem(report, context, rec, at[BALLOT_VOTE] >= 0 ?
		    rec->names[at[BALLOT_VOTE]] : "vote", message);
		return 1;
	}
	if ((seen = seen_find(&b->names, who)) >= 0) {
		snprintf(message, sizeof(message), _("%s already voted on line %ld"),
		    who, b->names.lines[seen]);
		reader_problem(report, context, rec, rec->names[at[BALLOT_NAME]],
		    message);
		return 1;
	}
	if (seen_add(&b->names, who, rec->line) < 0)
		return nomem(err);
	if (strcmp(code, "yes") == 0)
		b->yes++;
	else if (strcmp(code, "no") == 0)
		b->no++;
	else
		b->abstain++;
	return 0;
}

long
ballot_read(struct ballot *b, struct reader *r, problem_fn *report,
    void *context, struct error *err)
{
	return reader_each(r, ballot_record, b, report, context, err);
}

int
ballot_result(const struct ballot *b, struct vote_result *out, struct error *err)
{
	return vote_decide(b->representatives, (long)b->names.n, b->yes, b->no,
	    b->abstain, out, err);
}

long
ballot_write(const struct vote_result *result, struct writer *w, int labels,
    struct error *err)
{
	char numbers[5][32];
	const char *v[BALLOT_NCOLUMNS];

	snprintf(numbers[0], 32, "%ld", result->representatives);
	snprintf(numbers[1], 32, "%ld", result->present);
	snprintf(numbers[2], 32, "%ld", result->yes);
	snprintf(numbers[3], 32, "%ld", result->no);
	snprintf(numbers[4], 32, "%ld", result->abstain);
	for (int i = 0; i < 5; i++)
		v[i] = numbers[i];
	v[5] = result->valid ? (labels ? _("yes") : "true") :
	    (labels ? _("no") : "false");
	v[6] = result->adopted ? (labels ? _("yes") : "true") :
	    (labels ? _("no") : "false");
	if (writer_row(w, v, err) != 0)
		return -1;
	return 1;
}
