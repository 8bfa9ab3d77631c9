/* survey_model.h -- inside the phone survey: a survey's state, shared by lib/survey*.c only */
#ifndef RENKE_SURVEY_MODEL_H
#define RENKE_SURVEY_MODEL_H

#include <stdint.h>

#include <sqlite3.h>

#include "buf.h"
#include "hashtab.h"
#include "survey.h"

/*
 * The survey is five files around one struct: survey.c the tally model
 * (options, questions, groups, adding a response), survey_read.c
 * records into responses, survey_issues.c dissatisfied answers as
 * issue-add records, survey_round.c rounds kept in the store, and
 * survey_write.c the tally and the comparison out.  Commands see only
 * survey.h; this header is what the five files share.
 */

/* The tally's columns after the keys. */
enum {
	TALLY_QUESTION, TALLY_N, TALLY_SATISFIED, TALLY_BASICALLY,
	TALLY_DISSATISFIED, TALLY_DONT_KNOW, TALLY_NO_ANSWER, TALLY_RATE,
	TALLY_CI_LOW, TALLY_CI_HIGH, TALLY_LOW_N, TALLY_NCOLUMNS
};

/* A comparison's columns after the keys. */
enum {
	COMPARE_QUESTION, COMPARE_EARLIER_N, COMPARE_EARLIER_RATE, COMPARE_N,
	COMPARE_RATE, COMPARE_CHANGE, COMPARE_CHANGE_LOW, COMPARE_CHANGE_HIGH,
	COMPARE_SIGNIFICANT, COMPARE_NCOLUMNS
};

/* The answer codes the store keeps, in enum survey_answer order. */
extern const char *const survey_answer_codes[ANSWER_NONE];

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
	struct hashtab index;	/* the groups by their keys' hashes */
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

	/* what identifies the response being added: survey_identity() */
	struct buf identity;
	struct seen_response *seen;	/* identities met so far, by hash, */
	size_t nseen, seen_cap;		/* to tell the same ones apart */
	struct hashtab seen_index;

	/* saving a round */
	struct store *store;
	char *round;
	long long round_id;
	long round_had;		/* responses the round held before */
	int replace;		/* the round is replaced as a whole */
	sqlite3_stmt *insert_response, *insert_answer, *find_response,
	    *find_answers;
	struct survey_save_stats stats;
};

/* ---- survey.c: the tally model ---- */

/* The trimmed span of s (spaces, tabs, CR, LF); s NULL gives an empty span. */
struct span survey_trimmed(const char *s);

/* Set err to "out of memory"; returns -1. */
int survey_nomem(struct error *err);

/* The key a column name stands for, or -1 when none; -2 when memory runs out. */
int survey_key_of_name(const char *name);

/* The question a column name stands for: its vocabulary code, else the name. */
const char *survey_question_identity(const char *name);

/* The index of the question of that identity, or -1. */
long survey_question_find(const struct survey *sv, const char *identity);

/* Add the question of that identity; its index, or -1 when memory runs out. */
long survey_question_add(struct survey *sv, const char *identity);

/* The answer counts (ANSWER_KINDS of them) of group g for question q. */
long *survey_counts_of(const struct survey *sv, size_t g, size_t q);

/* The group of key[0..len), or -1 when there is none. */
long survey_group_lookup(const struct survey *sv, const char *key, size_t len);

/* The group of key[0..len), made if new; its index, or -1 when memory runs out. */
long survey_group_get(struct survey *sv, const char *key, size_t len);

/* Room for n answers in r; 0, or -1 when memory runs out. */
int survey_response_reserve(struct response *r, size_t n);

/*
 * Take one checked response: keep it in the round being saved, write
 * its dissatisfied answers when an issue writer is set, else count it.
 * Returns 0, or -1 with err set.
 */
int survey_add(struct survey *sv, const struct response *r, struct error *err);

/* A new, empty survey with the options of sv; NULL with err set. */
struct survey *survey_twin(const struct survey *sv, struct error *err);

/*
 * Add every count of from to sv, question by name and group by key, as
 * if sv had read from's responses after its own.  Returns 0, or -1 with
 * err set when memory runs out.
 */
int survey_merge(struct survey *sv, const struct survey *from,
    struct error *err);


/* The hash of a response's identity, and how often the input gave it. */
struct seen_response {
	uint64_t hash;
	long count;
};

/*
 * What identifies r, into sv->identity: never the file or the line it
 * came from.  "DAY:WHO", DAY the survey date (else the round being
 * saved, else "-"), WHO "r" and a hash of the respondent and the
 * household, else "h" and the household, else "a" and a hash of the
 * village, group and answers; then ".N" for the Nth response of the
 * input that is all these (the same input gives the same N).  A
 * response read from the store keeps the identity it was saved with.  Call once per
 * response, in input order.  0, or -1 when memory runs out.
 */
int survey_identity(struct survey *sv, const struct response *r);

/* ---- survey_read.c ---- */

/* Forget the layout of the records read before; l stays usable. */
void survey_layout_clear(struct layout *l);

/* ---- survey_issues.c ---- */

/* One issue-add record to sv->issues for each dissatisfied answer of r; 0, or -1 with err set. */
int survey_issues_write(struct survey *sv, const struct response *r,
    struct error *err);

/* ---- survey_round.c ---- */

/* Keep r in the round being saved (or count it as there already); 0, or -1 with err set. */
int survey_round_keep(struct survey *sv, const struct response *r,
    struct error *err);

/* Finalize the statements of a save; the transaction is the caller's. */
void survey_round_finalize(struct survey *sv);

/* ---- survey_write.c ---- */

/* Fill sv->columns and sv->compare from sv->opt.by. */
void survey_columns_init(struct survey *sv);

#endif
