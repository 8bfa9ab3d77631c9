/* batch.c -- records held in batches, written many to an INSERT on the worker's thread */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "batch.h"

/* Held records, written together by the worker while the caller checks the next ones. */
struct batch {
	struct batch_engine *e;
	unsigned char *slots;	/* BATCH_MAX of them */
	size_t n;
	/* what the worker says */
	long long before;	/* the highest id before it */
	long long last_id;	/* and after its rows so far */
};

/* The extra strings whose sizes held_record_set() keeps rather than measures twice. */
#define HELD_EXTRA_SIZES 32

int
held_record_set(struct held_record *x, const struct record *rec,
    const char *const *extra, size_t n, const char **copy)
{
	size_t nptrs = rec->count * 2 + rec->ncolumns, need = 0, span = 0;
	const char *block = NULL;	/* where the record's values lie end to end, if they do */
	size_t size[HELD_EXTRA_SIZES];	/* of the first extra strings, NUL included */
	char *at;

	if (nptrs > x->nptrs) {
		char **p = realloc(x->ptrs, nptrs * sizeof(*p));

		if (p == NULL)
			return -1;
		x->ptrs = p;
		x->nptrs = nptrs;
	}
	/* first the size of it all: one allocation, that nothing moves in */
	for (size_t i = 0; i < n; i++) {
		size_t len = extra[i] != NULL ? strlen(extra[i]) + 1 : 0;

		if (i < HELD_EXTRA_SIZES)
			size[i] = len;
		need += len;
	}
	if (rec->shared_names && rec->count > 0 && rec->values[0] != NULL)
		block = rec->values[0];
	for (size_t i = 0; i < rec->count; i++) {
		const char *v = rec->values[i];
		size_t len = v != NULL ? strlen(v) + 1 : 0;

		if (block != NULL && v != block + span)
			block = NULL;
		span += len;
		if (!rec->shared_names)
			need += strlen(rec->names[i]) + 1;
	}
	need += span;
	buf_reset(&x->text);
	if (buf_reserve(&x->text, need) != 0)
		return -1;
	at = x->text.data;
	for (size_t i = 0; i < n; i++) {
		copy[i] = NULL;
		if (extra[i] != NULL) {
			size_t len = i < HELD_EXTRA_SIZES ? size[i] :
			    strlen(extra[i]) + 1;

			copy[i] = memcpy(at, extra[i], len);
			at += len;
		}
	}
	x->rec = *rec;
	x->rec.names = x->ptrs;
	x->rec.values = x->ptrs + rec->count;
	x->rec.columns = rec->columns != NULL ? x->ptrs + 2 * rec->count : NULL;
	if (rec->columns != NULL)
		memcpy(x->rec.columns, rec->columns, rec->ncolumns * sizeof(char *));
	if (block != NULL) {
		memcpy(at, block, span);
		for (size_t i = 0; i < rec->count; i++)
			x->rec.values[i] = at + (rec->values[i] - block);
		memcpy(x->rec.names, rec->names, rec->count * sizeof(char *));
		return 0;
	}
	for (size_t i = 0; i < rec->count; i++) {
		const char *v = rec->values[i];

		x->rec.names[i] = rec->names[i];
		if (!rec->shared_names) {
			size_t len = strlen(rec->names[i]) + 1;

			x->rec.names[i] = memcpy(at, rec->names[i], len);
			at += len;
		}
		x->rec.values[i] = NULL;
		if (v != NULL) {
			size_t len = strlen(v) + 1;

			x->rec.values[i] = memcpy(at, v, len);
			at += len;
		}
	}
	return 0;
}

void
held_record_free(struct held_record *x)
{
	buf_free(&x->text);
	free(x->ptrs);
	x->ptrs = NULL;
	x->nptrs = 0;
}

int
import_inserts_prepare(struct import_inserts *ins, struct store *s,
    const char *head, int columns, const char *tail, struct error *err)
{
	struct buf sql = { 0 };
	char param[16];

	memset(ins, 0, sizeof(*ins));
	ins->columns = columns;
	for (int i = 0; i < IMPORT_INSERT_SIZES; i++) {
		/* what the statement's parameters hold is not known yet */
		if ((ins->held[i] = calloc((size_t)columns << i,
		    sizeof(*ins->held[i]))) == NULL) {
			buf_free(&sql);
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		}
		buf_reset(&sql);
		buf_puts(&sql, head);
		for (int r = 0; r < 1 << i; r++) {
			buf_puts(&sql, r > 0 ? ", (" : "(");
			for (int c = 0; c < columns; c++) {
				snprintf(param, sizeof(param), "%s?%d",
				    c > 0 ? ", " : "", 1 + r * columns + c);
				buf_puts(&sql, param);
			}
			buf_puts(&sql, ")");
		}
		if (buf_puts(&sql, tail) != 0) {
			buf_free(&sql);
			return error_set(err, EXIT_SOFTWARE, _("out of memory"));
		}
		if ((ins->st[i] = store_prepare(s, sql.data, err)) == NULL) {
			buf_free(&sql);
			return -1;
		}
	}
	buf_free(&sql);
	return 0;
}

void
insert_row_text(struct insert_row *r, int k, const char *text, int len)
{
	if (text == NULL) {
		insert_row_code(r, k, NULL);
		return;
	}
	r->held[k].what = 0;
	sqlite3_bind_text(r->st, r->p + k, text, len, SQLITE_STATIC);
}

void
insert_row_code(struct insert_row *r, int k, const char *code)
{
	struct insert_held *h = &r->held[k];

	if (h->what == 1 && h->code == code)
		return;
	h->what = 1;
	h->code = code;
	if (code == NULL)
		sqlite3_bind_null(r->st, r->p + k);
	else
		sqlite3_bind_text(r->st, r->p + k, code, -1, SQLITE_STATIC);
}

void
insert_row_number(struct insert_row *r, int k, long long number)
{
	struct insert_held *h = &r->held[k];

	if (h->what == 2 && h->number == number)
		return;
	h->what = 2;
	h->number = number;
	sqlite3_bind_int64(r->st, r->p + k, number);
}

struct insert_row
import_inserts_one(struct import_inserts *ins)
{
	struct insert_row r = { ins->st[0], 1, ins->held[0] };

	return r;
}

int
import_inserts_write(struct import_inserts *ins, struct store *s, size_t n,
    void (*bind)(void *context, struct insert_row *r, size_t row),
    void (*wrote)(void *context, size_t first, size_t size, int changes),
    void *context, struct error *err)
{
	size_t done = 0;

	while (done < n) {
		int i = IMPORT_INSERT_SIZES - 1, rc;
		size_t size = IMPORT_INSERT_MAX;
		sqlite3_stmt *st;

		while (size > n - done) {
			size /= 2;
			i--;
		}
		st = ins->st[i];
		for (size_t r = 0; r < size; r++) {
			struct insert_row row = { st, 1 + (int)r * ins->columns,
			    ins->held[i] + r * (size_t)ins->columns };

			bind(context, &row, done + r);
		}
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		wrote(context, done, size, sqlite3_changes(s->db));
		done += size;
	}
	return 0;
}

void
import_inserts_free(struct import_inserts *ins)
{
	for (int i = 0; i < IMPORT_INSERT_SIZES; i++) {
		sqlite3_finalize(ins->st[i]);
		free(ins->held[i]);
	}
	memset(ins, 0, sizeof(*ins));
}

/* Slot i of batch b. */
static struct batch_slot *
slot_at(const struct batch *b, size_t i)
{
	return (struct batch_slot *)(b->slots + i * b->e->slot_size);
}

/* How many records a batch holds. */
static size_t
batch_held(const void *batch)
{
	return ((const struct batch *)batch)->n;
}

static void
bind_row(void *batch, struct insert_row *r, size_t row)
{
	const struct batch *b = batch;

	b->e->kind->bind(slot_at(b, row), r);
}

/* Rows [first, first + size) of batch b, changes of them written: note which, with their ids. */
static void
wrote_rows(void *batch, size_t first, size_t size, int changes)
{
	struct batch *b = batch;

	b->last_id += changes;	/* a new row's id is one past the highest */
	/* which rows were left out is asked only when some were */
	for (size_t r = 0; r < size; r++) {
		struct batch_slot *x = slot_at(b, first + r);

		x->written = (size_t)changes == size;
		x->id = b->last_id - (long long)(size - 1 - r);
	}
}

/*
 * On the worker's thread: write batch b's records, many to a statement,
 * and note which were written; or, of a batch looked up, which are
 * stored the same.
 */
static int
write_batch(void *context, void *batch, struct error *err)
{
	struct batch_engine *e = context;
	struct batch *b = batch;

	if (ring_looked_up(&e->ring, b)) {
		for (size_t i = 0; i < b->n; i++) {
			struct batch_slot *x = slot_at(b, i);

			if ((x->id = e->kind->same(e->context, x, err)) < 0)
				return -1;
		}
		return 0;
	}
	b->before = b->last_id = e->last_id;
	if (import_inserts_write(&e->insert, e->store, b->n, bind_row, wrote_rows,
	    b, err) != 0)
		return -1;
	e->last_id = b->last_id;
	return 0;
}

/*
 * Step the kind's find statement to x's stored row: 1 there, 0 when
 * there is none, -1 with err set.
 */
static int
find(struct batch_engine *e, const struct batch_slot *x, struct error *err)
{
	int rc;

	sqlite3_reset(e->find);
	e->kind->bind_key(x, e->find);
	rc = sqlite3_step(e->find);
	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_reset(e->find);
	return rc == SQLITE_DONE ? 0 : store_error(e->store, rc, err);
}

/* A record settled as added, or as stored the same. */
static int
counted(struct batch_engine *e, long *count, struct batch_slot *x,
    struct error *err)
{
	(*count)++;
	return e->kind->counted != NULL ? e->kind->counted(e->context, x, err) : 0;
}

/*
 * Record i of batch b was left out by its INSERT: find what became of
 * it, as if it had been written alone.  It was written when the row
 * stored is of this batch and no record before it in the batch is the
 * same; else the kind settles it.  The worker must be idle.
 */
static int
settle_left_out(struct batch_engine *e, struct batch *b, size_t i,
    struct error *err)
{
	struct batch_slot *x = slot_at(b, i);
	int found, first = 1;

	if (e->savepoint) {
		/* what the kind made for it goes with it */
		e->savepoint = 0;
		if (store_exec(e->store, "ROLLBACK TO batch_row; RELEASE batch_row",
		    err) != 0)
			return -1;
		if (e->kind->undone != NULL)
			e->kind->undone(e->context);
		if ((found = find(e, x, err)) < 0)
			return -1;
		return e->kind->left_out(e->context, x, found, err);
	}
	if ((found = find(e, x, err)) < 0)
		return -1;
	for (size_t q = 0; q < i && first; q++)
		first = !e->kind->same_key(slot_at(b, q), x);
	if (found && first && sqlite3_column_int64(e->find, 0) > b->before) {
		x->written = 1;
		x->id = sqlite3_column_int64(e->find, 0);
		sqlite3_reset(e->find);
		return 0;
	}
	return e->kind->left_out(e->context, x, found, err);
}

/* Record x of a batch looked up: stored the same (again, if stale), or the kind's. */
static int
settle_looked_up(struct batch_engine *e, struct batch *b, struct batch_slot *x,
    struct error *err)
{
	int found;

	if (x->id > 0 && ring_stale(&e->ring, b)) {
		worker_drain(e->ring.worker);
		if ((x->id = e->kind->same(e->context, x, err)) < 0)
			return -1;
	}
	if (x->id > 0)
		return 0;
	worker_drain(e->ring.worker);
	if ((found = find(e, x, err)) < 0)
		return -1;
	return e->kind->looked_up(e->context, x, found, err);
}

/*
 * Take in what the worker made of batch b, record by record in the
 * order of the input, as if each had been written alone: count the
 * added and those stored the same, hand the others to the kind.
 */
static int
settle(void *context, void *batch, struct error *err)
{
	struct batch_engine *e = context;
	struct batch *b = batch;
	struct import_stats *stats = import_stats(e->im);
	size_t n = b->n;
	int look = ring_looked_up(&e->ring, b);

	b->n = 0;
	for (size_t i = 0; i < n; i++) {
		struct batch_slot *x = slot_at(b, i);
		int rc;

		if (look) {
			if ((rc = settle_looked_up(e, b, x, err)) == 0 && x->id > 0 &&
			    !x->written) {
				if (counted(e, &stats->unchanged, x, err) != 0)
					return -1;
				continue;
			}
		} else if (!x->written) {
			worker_drain(e->ring.worker);
			rc = settle_left_out(e, b, i, err);
		} else
			rc = 0;
		if (rc < 0)
			return -1;
		if (rc == 1)
			stats->bad++;
		else if (x->written && counted(e, &stats->added, x, err) != 0)
			return -1;
	}
	if (e->savepoint) {
		e->savepoint = 0;
		if (store_exec(e->store, "RELEASE batch_row", err) != 0)
			return -1;
	}
	return 0;
}

int
batch_start(struct batch_engine *e, const struct batch_kind *kind,
    void *context, struct import *im, sqlite3_stmt *find_statement,
    long long last_id, struct error *err)
{
	struct store *s = import_store(im);
	size_t align = sizeof(long long);

	e->kind = kind;
	e->context = context;
	e->im = im;
	e->store = s;
	e->find = find_statement;
	e->last_id = last_id;
	if (store_trust_checks(s, 1, err) != 0)
		return -1;
	e->trusting = 1;
	e->slot_size = (sizeof(struct batch_slot) + kind->record_size + align - 1) /
	    align * align;
	e->batch = calloc(BATCHES, sizeof(*e->batch));
	e->slots = calloc(BATCHES * BATCH_MAX, e->slot_size);
	if (e->batch == NULL || e->slots == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	for (size_t b = 0; b < BATCHES; b++) {
		e->batch[b].e = e;
		e->batch[b].slots = e->slots + b * BATCH_MAX * e->slot_size;
		for (size_t i = 0; i < BATCH_MAX; i++)
			slot_at(&e->batch[b], i)->record = (unsigned char *)
			    slot_at(&e->batch[b], i) + sizeof(struct batch_slot);
	}
	/*
	 * Every INSERT now: the worker's thread only steps them.  OR FAIL
	 * in the kind's head: no constraint aborts one, so SQLite keeps no
	 * statement journal for it.  A record on file already is left out,
	 * and settled after.
	 */
	if (import_inserts_prepare(&e->insert, s, kind->insert_head,
	    kind->insert_columns, kind->insert_tail, err) != 0 ||
	    import_source_prepare(&e->source, im, kind->source_table, err) != 0)
		return -1;
	ring_start(&e->ring, e->batch, BATCHES, sizeof(e->batch[0]), batch_held,
	    write_batch, settle, e);
	if (import_serial(im))
		ring_serial(&e->ring);
	import_hold(im, &e->ring);
	e->started = 1;
	return 0;
}

int
batch_hold(struct batch_engine *e, int look, const void *checked,
    const struct record *rec, long long source_id, struct error *err)
{
	struct batch *b = ring_hold(&e->ring, look, err);
	struct batch_slot *x;

	if (b == NULL)
		return -1;
	x = slot_at(b, b->n);
	x->source_id = source_id;
	x->written = 0;
	x->id = 0;
	if (e->kind->hold(x, checked, rec) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	b->n++;
	if (e->savepoint)
		return ring_flush(&e->ring, err) != 0 ? -1 : 0;
	if (b->n == BATCH_MAX)
		return ring_queue(&e->ring, err) != 0 ? -1 : 0;
	return 0;
}

int
batch_savepoint(struct batch_engine *e, struct error *err)
{
	if (ring_flush(&e->ring, err) != 0 ||
	    store_exec(e->store, "SAVEPOINT batch_row", err) != 0)
		return -1;
	e->savepoint = 1;
	return 0;
}

int
batch_write_one(struct batch_engine *e, struct batch_slot *x, struct error *err)
{
	struct insert_row r = import_inserts_one(&e->insert);
	sqlite3_stmt *st = r.st;
	int rc;

	e->kind->bind(x, &r);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(e->store, rc, err);
	x->written = 1;
	x->id = e->last_id = sqlite3_last_insert_rowid(e->store->db);
	return 0;
}

int
batch_flush(struct batch_engine *e, struct error *err)
{
	return ring_flush(&e->ring, err);
}

int
batch_finish(struct batch_engine *e, struct error *err)
{
	struct import_stats *stats;
	char what[64];

	if (!e->started)
		return 0;
	stats = import_stats(e->im);
	if (ring_flush(&e->ring, err) != 0 ||
	    import_source_close(&e->source, e->im, err) != 0)
		return -1;
	if (stats->added == 0)
		return 0;
	snprintf(what, sizeof(what), "%ld", stats->added);
	return audit_add(e->store, e->kind->entity, NULL, "created", NULL, what, err);
}

void
batch_free(struct batch_engine *e)
{
	ring_stop(&e->ring);
	if (e->slots != NULL)
		for (size_t i = 0; i < BATCHES * BATCH_MAX; i++)
			held_record_free(&((struct batch_slot *)(e->slots +
			    i * e->slot_size))->held);
	import_inserts_free(&e->insert);
	import_source_free(&e->source);
	if (e->trusting) {
		struct error ignored;

		store_trust_checks(e->store, 0, &ignored);
	}
	free(e->slots);
	free(e->batch);
	memset(e, 0, sizeof(*e));
}
