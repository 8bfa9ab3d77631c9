/* history.h -- what the store says happened: a household's history, the changes of the audit log */
#ifndef RENKE_HISTORY_H
#define RENKE_HISTORY_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/*
 * One thing that happened to a record.  date is the ISO day it happened
 * (the day a record gives, such as a visit's date, or the local day of
 * at); at the ISO UTC time the store wrote it, or NULL for a record that
 * keeps a day only.  kind and event are codes (history_label() words
 * them); field a field name (history_field_label()).
 */
struct history_row {
	char *date, *at;
	char *kind;		/* "household", "visit", "issue", "survey", ... */
	char *record;		/* which one: a household number, an issue's id, ... */
	const char *event;	/* "registered", "changed", "visited", ... */
	char *field, *old, *new_value, *who, *command;
	char *why;		/* the reason the same change gave, or NULL */
	size_t order;		/* the order added: ties keep it */
	int opens;		/* history_sort() puts it first, whatever its date */
	size_t group;		/* history_group(): its record's first row */
};

/* Rows as they are gathered; { 0 } is empty. */
struct history {
	struct history_row *rows;
	size_t n, size;
	int labels;		/* codes as the user's words (set by the caller) */
};

/*
 * Add a row, copying every string (each may be NULL but date).  Returns
 * 0, or -1 with err set when memory runs out.
 */
int history_add(struct history *h, const char *date, const char *at,
    const char *kind, const char *record, const char *event,
    const char *field, const char *old_value, const char *new_value,
    const char *who, const char *command, struct error *err);

/*
 * Add the audit log's rows of entity (entity_id, or every one when NULL)
 * written from since to until (ISO days, local, inclusive; NULL: no
 * bound) by who (NULL: anyone), as events "changed" of kind (of the
 * entity when kind is NULL), or "created" for a record made in bulk.  A
 * row whose field is a reason (reason, extension_reason) becomes the why
 * of the rows of the same change it explains instead.  Returns 0, or -1
 * with err set.
 */
int history_add_audit(struct store *s, struct history *h, const char *kind,
    const char *entity, const char *entity_id, const char *since,
    const char *until, const char *who, struct error *err);

/*
 * Mark the row added last as the one that opens the history (a
 * household's registration: what is recorded of it presupposes it,
 * even a visit dated years before the record was entered).
 */
void history_opens(struct history *h);

/* Sort h's rows: the opening rows first, then by date, time written, order added. */
void history_sort(struct history *h);

/*
 * Sort h's rows by record, records in the order of their first row,
 * each record's rows in the order added.
 */
void history_group(struct history *h);

/* Free h's rows; h is empty again. */
void history_free(struct history *h);

/*
 * The local date and time ("2022-11-01 09:30") of an ISO UTC time
 * ("2022-11-01T01:30:00Z") into out (20 bytes), or its local day only
 * (11 bytes) when day_only; a text of another shape is copied as it is.
 * Returns out.
 */
char *history_local_time(const char *utc, int day_only, char *out, size_t size);

/* A kind's or an event's code in the user's words. */
const char *history_label(const char *code);

/*
 * The label of field of entity in the user's words (the field itself
 * when it has none), and the vocabulary its values are codes of in
 * *domain (NULL: none): a step of a procedure as the step's label,
 * else field_heading_of()'s.
 */
const char *history_field_label(const char *entity, const char *field,
    const char **domain);

struct buf;

/*
 * A value of the audit log for people: each word of value that is a
 * code (of the vocabularies of the record's kind entity) as its label,
 * a vote's counts by their headings, when value is made of words: a
 * step's "day who result", a household's "case 1 inclusion day", what a
 * record was made with (field NULL) or the record's key (field "").
 * Into b (the caller frees it); value itself when it has no such words.
 */
const char *history_words(const char *entity, const char *field,
    const char *value, struct buf *b);

#endif
