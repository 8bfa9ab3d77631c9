/* test-import.c -- import_run(): all or nothing, --skip-bad, dry runs, problems in order; the ring, merges, batches */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "renke.h"
#include "tap.h"

static char dir[64], db[96];

/* Write text to dir/name; its path in a static buffer. */
static const char *
write_input(const char *name, const char *text)
{
	static char path[128];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL || fputs(text, fp) == EOF ||
	    fclose(fp) != 0) {
		perror(path);
		exit(2);
	}
	return path;
}

/* The problems reported, "line:field:message;" each ("-" for no field). */
static char problems[1024];

static void
collect(void *context, const struct problem *p)
{
	size_t len = strlen(problems);

	(void)context;
	snprintf(problems + len, sizeof(problems) - len, "%ld:%s:%s;", p->line,
	    p->field != NULL ? p->field : "-", p->message);
}

static const struct field_spec pair_fields[] = { { "k", NULL }, { "v", NULL } };

/*
 * The plain kind: each record written as it is checked.  A record
 * without k is bad; one whose k is stored already is unchanged; v "fail"
 * fails the table's CHECK: a write that fails.
 */
struct plain {
	sqlite3_stmt *insert;
};

static int
plain_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct plain *p = context;
	struct store *s = import_store(im);
	const char *k = import_value(im, rec, 0), *v = import_value(im, rec, 1);
	int rc;

	if (k == NULL) {
		import_problem(im, rec, 0, "missing");
		return 1;
	}
	if (p->insert == NULL && (p->insert = store_prepare(s, "INSERT INTO pair "
	    "(k, v) VALUES (?, ?) ON CONFLICT DO NOTHING", err)) == NULL)
		return -1;
	sqlite3_bind_text(p->insert, 1, k, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(p->insert, 2, v, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(p->insert);
	sqlite3_reset(p->insert);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (sqlite3_changes(s->db) > 0)
		import_stats(im)->added++;
	else
		import_stats(im)->unchanged++;
	return 0;
}

static void
plain_cleanup(void *context)
{
	sqlite3_finalize(((struct plain *)context)->insert);
}

static const struct import_kind plain_kind = {
	pair_fields, 2, plain_row, NULL, plain_cleanup, sizeof(struct plain)
};

/*
 * The held kind: good records are held in batches of 2, written by the
 * worker, and settled in order; one whose k is stored already is found
 * bad only when settled.
 */
struct held_pair {
	struct held_record held;
	const char *k, *v;
	int written;
};

struct pair_batch {
	struct held_pair x[2];
	size_t n;
};

struct held_kind {
	struct pair_batch batch[3];
	struct ring ring;
	sqlite3_stmt *insert;
	struct import *im;
};

static size_t
pair_held(const void *batch)
{
	return ((const struct pair_batch *)batch)->n;
}

static int
pair_write(void *context, void *batch, struct error *err)
{
	struct held_kind *hk = context;
	struct pair_batch *b = batch;
	struct store *s = import_store(hk->im);

	for (size_t i = 0; i < b->n; i++) {
		int rc;

		sqlite3_bind_text(hk->insert, 1, b->x[i].k, -1, SQLITE_STATIC);
		sqlite3_bind_text(hk->insert, 2, b->x[i].v, -1, SQLITE_STATIC);
		rc = sqlite3_step(hk->insert);
		sqlite3_reset(hk->insert);
		if (rc != SQLITE_DONE)
			return store_error(s, rc, err);
		b->x[i].written = sqlite3_changes(s->db) > 0;
	}
	return 0;
}

static int
pair_settle(void *context, void *batch, struct error *err)
{
	struct held_kind *hk = context;
	struct pair_batch *b = batch;

	(void)err;
	for (size_t i = 0; i < b->n; i++)
		if (b->x[i].written)
			import_stats(hk->im)->added++;
		else {
			import_problem(hk->im, &b->x[i].held.rec, 0, "already there");
			import_stats(hk->im)->bad++;
		}
	b->n = 0;
	return 0;
}

static int
held_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct held_kind *hk = context;
	const char *value[2], *copy[2];
	struct pair_batch *b;

	if (hk->insert == NULL) {
		if ((hk->insert = store_prepare(import_store(im), "INSERT INTO pair "
		    "(k, v) VALUES (?, ?) ON CONFLICT DO NOTHING", err)) == NULL)
			return -1;
		hk->im = im;
		ring_start(&hk->ring, hk->batch, 3, sizeof(hk->batch[0]), pair_held,
		    pair_write, pair_settle, hk);
		import_hold(im, &hk->ring);
	}
	value[0] = import_value(im, rec, 0);
	value[1] = import_value(im, rec, 1);
	if (value[0] == NULL) {
		/* import_problem() reports it after what the records held find */
		import_problem(im, rec, 0, "missing");
		return 1;
	}
	if ((b = ring_hold(&hk->ring, 0, err)) == NULL)
		return -1;
	if (held_record_set(&b->x[b->n].held, rec, value, 2, copy) != 0)
		return error_set(err, EXIT_SOFTWARE, "out of memory");
	b->x[b->n].k = copy[0];
	b->x[b->n].v = copy[1];
	b->n++;
	return b->n == 2 ? ring_queue(&hk->ring, err) : 0;
}

static int
held_finish(struct import *im, void *context, struct error *err)
{
	(void)im;
	return ring_flush(&((struct held_kind *)context)->ring, err);
}

static void
held_cleanup(void *context)
{
	struct held_kind *hk = context;

	ring_stop(&hk->ring);
	for (size_t b = 0; b < 3; b++)
		for (size_t i = 0; i < 2; i++)
			held_record_free(&hk->batch[b].x[i].held);
	sqlite3_finalize(hk->insert);
}

static const struct import_kind held_kind = {
	pair_fields, 2, held_row, held_finish, held_cleanup, sizeof(struct held_kind)
};

/*
 * The merging kind: a record whose k is stored already is merged with
 * its row by merge_record(): v and w may be updated, an empty field
 * keeps what is stored, k given twice in one import is bad.
 */
static const struct field_spec kvw_fields[] = {
	{ "k", NULL }, { "v", NULL }, { "w", NULL }
};
static const char *const kvw_column[] = { "k", "v", "w" };

static int
kvw_again(void *context, struct import *im, const struct record *rec,
    sqlite3_stmt *row, struct error *err)
{
	(void)context;
	(void)row;
	(void)err;
	import_problem(im, rec, 0, "given twice");
	return 1;
}

static const struct merge_rule kvw_rule = {
	.entity = "kvw", .table = "kvw", .specs = kvw_fields, .first = 1,
	.nfields = 3, .column = kvw_column, .stamped = 1, .again = kvw_again,
};

struct merging {
	sqlite3_stmt *insert, *find;
	struct merge merge;
};

static int
merging_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct merging *m = context;
	struct store *s = import_store(im);
	const char *value[3];
	int rc;

	for (size_t k = 0; k < 3; k++)
		value[k] = import_value(im, rec, k);
	if (m->insert == NULL &&
	    ((m->insert = store_prepare(s, "INSERT INTO kvw (k, v, w) "
	    "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", err)) == NULL ||
	    (m->find = store_prepare(s, "SELECT id, v, w FROM kvw WHERE k = ?",
	    err)) == NULL || merge_start(&m->merge, s, &kvw_rule, err) != 0))
		return -1;
	for (int k = 0; k < 3; k++)
		sqlite3_bind_text(m->insert, k + 1, value[k], -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(m->insert);
	sqlite3_reset(m->insert);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	if (sqlite3_changes(s->db) > 0) {
		import_stats(im)->added++;
		return 0;
	}
	sqlite3_bind_text(m->find, 1, value[0], -1, SQLITE_TRANSIENT);
	if (sqlite3_step(m->find) != SQLITE_ROW)
		return error_set(err, EXIT_SOFTWARE, "not found");
	return merge_record(&m->merge, im, rec, m->find, value, value[0], m, err);
}

static void
merging_cleanup(void *context)
{
	struct merging *m = context;

	sqlite3_finalize(m->insert);
	sqlite3_finalize(m->find);
	merge_free(&m->merge);
}

static const struct import_kind merging_kind = {
	kvw_fields, 3, merging_row, NULL, merging_cleanup, sizeof(struct merging)
};

/*
 * A kind on the batch engine: table bk, records k and v held to be
 * written, or (settings: struct bk_mode) looked up, or written alone in
 * a savepoint after a row of table made is made for them.
 */
struct bk_mode {
	int look, savepoint;
};

struct bk_record {
	const char *k, *v;
};

struct bk {
	struct batch_engine batch;
	sqlite3_stmt *find, *same, *make;
	struct import *im;
	int counted, undone;
};

static int
bk_hold(struct batch_slot *slot, const void *checked, const struct record *rec)
{
	const struct bk_record *from = checked;
	struct bk_record *to = slot->record;
	const char *value[2] = { from->k, from->v }, *copy[2];

	if (held_record_set(&slot->held, rec, value, 2, copy) != 0)
		return -1;
	to->k = copy[0];
	to->v = copy[1];
	return 0;
}

static void
bk_bind(const struct batch_slot *slot, struct insert_row *r)
{
	const struct bk_record *x = slot->record;

	insert_row_text(r, 0, x->k, -1);
	insert_row_text(r, 1, x->v, -1);
}

static void
bk_bind_key(const struct batch_slot *slot, sqlite3_stmt *find)
{
	sqlite3_bind_text(find, 1, ((const struct bk_record *)slot->record)->k, -1,
	    SQLITE_STATIC);
}

static int
bk_same_key(const struct batch_slot *a, const struct batch_slot *b)
{
	return strcmp(((const struct bk_record *)a->record)->k,
	    ((const struct bk_record *)b->record)->k) == 0;
}

static long long
bk_same(void *context, const struct batch_slot *slot, struct error *err)
{
	struct bk *bk = context;
	long long id = 0;

	sqlite3_bind_text(bk->same, 1, ((const struct bk_record *)slot->record)->k,
	    -1, SQLITE_STATIC);
	sqlite3_bind_text(bk->same, 2, ((const struct bk_record *)slot->record)->v,
	    -1, SQLITE_STATIC);
	if (sqlite3_step(bk->same) == SQLITE_ROW)
		id = sqlite3_column_int64(bk->same, 0);
	sqlite3_reset(bk->same);
	(void)err;
	return id;
}

static int
bk_left_out(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct bk *bk = context;

	sqlite3_reset(bk->find);
	(void)err;
	import_problem(bk->im, &slot->held.rec, 0, found ? "stored already" :
	    "left out, not stored");
	return 1;
}

static int
bk_looked_up(void *context, struct batch_slot *slot, int found,
    struct error *err)
{
	struct bk *bk = context;

	if (!found)
		return batch_write_one(&bk->batch, slot, err);
	sqlite3_reset(bk->find);
	import_problem(bk->im, &slot->held.rec, 1, "differs");
	return 1;
}

static int
bk_counted(void *context, struct batch_slot *slot, struct error *err)
{
	(void)slot;
	(void)err;
	((struct bk *)context)->counted++;
	return 0;
}

static void
bk_undone(void *context)
{
	((struct bk *)context)->undone++;
}

static const struct batch_kind bk_batch_kind = {
	.entity = "bk", .source_table = "household_source",
	.record_size = sizeof(struct bk_record),
	.insert_head = "INSERT OR FAIL INTO bk (k, v) VALUES ", .insert_columns = 2,
	.insert_tail = " ON CONFLICT DO NOTHING", .hold = bk_hold, .bind = bk_bind,
	.bind_key = bk_bind_key, .same_key = bk_same_key, .same = bk_same,
	.left_out = bk_left_out, .looked_up = bk_looked_up, .counted = bk_counted,
	.undone = bk_undone,
};

static int
bk_row(struct import *im, const struct record *rec, void *context,
    struct error *err)
{
	struct bk *bk = context;
	const struct bk_mode *mode = import_options(im)->settings;
	struct store *s = import_store(im);
	struct bk_record x = { import_value(im, rec, 0), import_value(im, rec, 1) };
	sqlite3_stmt *st;
	long long last = 0;

	if (bk->find == NULL) {
		bk->im = im;
		if ((bk->find = store_prepare(s, "SELECT id FROM bk WHERE k = ?",
		    err)) == NULL || (bk->same = store_prepare(s, "SELECT id FROM bk "
		    "WHERE k = ? AND v = ?", err)) == NULL || (bk->make =
		    store_prepare(s, "INSERT INTO made VALUES (?)", err)) == NULL ||
		    (st = store_prepare(s, "SELECT coalesce(max(id), 0) FROM bk",
		    err)) == NULL)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW)
			last = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (batch_start(&bk->batch, &bk_batch_kind, bk, im, bk->find, last,
		    err) != 0)
			return -1;
	}
	if (x.k == NULL) {
		import_problem(im, rec, 0, "missing");
		return 1;
	}
	if (mode->savepoint) {
		if (batch_savepoint(&bk->batch, err) != 0)
			return -1;
		sqlite3_bind_text(bk->make, 1, x.k, -1, SQLITE_STATIC);
		sqlite3_step(bk->make);
		sqlite3_reset(bk->make);
	}
	return batch_hold(&bk->batch, mode->look, &x, rec, 0, err);
}

static int
bk_finish(struct import *im, void *context, struct error *err)
{
	(void)im;
	return batch_finish(&((struct bk *)context)->batch, err);
}

static void
bk_cleanup(void *context)
{
	struct bk *bk = context;

	batch_free(&bk->batch);
	sqlite3_finalize(bk->find);
	sqlite3_finalize(bk->same);
	sqlite3_finalize(bk->make);
}

static const struct import_kind bk_kind = {
	pair_fields, 2, bk_row, bk_finish, bk_cleanup, sizeof(struct bk)
};

/* The stored pairs, "k=v;" in order of k. */
static const char *
stored(struct store *s)
{
	static char out[512];
	sqlite3_stmt *st;
	size_t len = 0;

	out[0] = '\0';
	if (sqlite3_prepare_v2(s->db, "SELECT k, v FROM pair ORDER BY k", -1, &st,
	    NULL) != SQLITE_OK)
		return "(no statement)";
	while (sqlite3_step(st) == SQLITE_ROW)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s=%s;",
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return out;
}

/* Import text (a CSV file) with kind and options into a fresh table; import_run()'s return. */
static int
run(struct store *s, const struct import_kind *kind, const char *text,
    const struct import_options *options, struct import_stats *stats,
    struct error *err)
{
	struct reader *r;
	struct error ignored;
	int rc;

	problems[0] = '\0';
	memset(err, 0, sizeof(*err));
	store_exec(s, "DELETE FROM pair", &ignored);
	if ((r = reader_open(write_input("in.csv", text), INPUT_CSV, ENCODING_UTF8,
	    err)) == NULL)
		return -2;
	rc = import_run(s, &r, 1, kind, options, collect, NULL, NULL, NULL, stats,
	    err);
	reader_close(r);
	return rc;
}

#define STATS(st) (st).records, (st).added, (st).unchanged, (st).bad

static void
test_kind(struct store *s, const struct import_kind *kind, const char *name)
{
	struct import_options all = { 0 }, skip = { .skip_bad = 1 }, dry = { .dry_run = 1 };
	struct import_stats st;
	struct error err;
	char got[64];

	is_int(run(s, kind, "k,v\na,1\nb,2\nc,3\n", &all, &st, &err), 0,
	    "%s: good records are committed", name);
	is_str(stored(s), "a=1;b=2;c=3;", "%s: all of them", name);
	snprintf(got, sizeof(got), "%ld %ld %ld %ld", STATS(st));
	is_str(got, "3 3 0 0", "%s: records, added, unchanged, bad", name);
	is_str(problems, "", "%s: no problem", name);

	is_int(run(s, kind, "k,v\na,1\n,2\nc,3\n", &all, &st, &err), -1,
	    "%s: a bad record fails the import", name);
	is_int(err.status, EXIT_DATAERR, "%s: as bad data", name);
	is_str(err.text, "1 bad record; nothing was written", "%s: saying so", name);
	is_str(stored(s), "", "%s: nothing written", name);
	is_str(problems, "3:k:missing;", "%s: the problem named", name);
	snprintf(got, sizeof(got), "%ld %ld %ld %ld", STATS(st));
	is_str(got, "3 2 0 1", "%s: stats filled all the same", name);

	is_int(run(s, kind, "k,v\na,1\n,2\nc,3\n", &skip, &st, &err), 0,
	    "%s: --skip-bad commits", name);
	is_str(stored(s), "a=1;c=3;", "%s: the good records", name);
	is_str(problems, "3:k:missing;", "%s: and reports the bad", name);

	is_int(run(s, kind, "k,v\na,1\nb,2\n", &dry, &st, &err), 0,
	    "%s: a clean dry run succeeds", name);
	is_int(st.added, 2, "%s: counting what it would add", name);
	is_str(stored(s), "", "%s: writing nothing", name);

	is_int(run(s, kind, "k,v\na,1\nb,fail\nc,3\nd,4\ne,5\n", &skip, &st, &err),
	    -1, "%s: a failing write fails the import, even with --skip-bad", name);
	is_int(err.status, EXIT_DATAERR, "%s: with the store's status", name);
	ok(strstr(err.text, "CHECK constraint failed") != NULL,
	    "%s: and its message (%s)", name, err.text);
	is_str(stored(s), "", "%s: nothing is written", name);

	is_int(run(s, kind, "k,v\n", &all, &st, &err), 0, "%s: no records", name);
	is_int(st.records, 0, "%s: none counted", name);
	is_int(run(s, kind, "k,v,w\n", &all, &st, &err), -1,
	    "%s: an unknown column with no record below stops the import", name);
	ok(strstr(err.text, "in.csv:1: w: unknown column") != NULL, "%s: naming it "
	    "(%s)", name, err.text);
	is_int(run(s, kind, "k,x\na,1\n", &all, &st, &err), -1,
	    "%s: an unknown column stops the import", name);
	is_int(err.status, EXIT_DATAERR, "%s: as bad data", name);
	ok(strstr(err.text, "in.csv:1: x: unknown column") != NULL, "%s: naming it "
	    "(%s)", name, err.text);
}

static void
test_order(struct store *s)
{
	struct import_options skip = { .skip_bad = 1 };
	struct import_stats st;
	struct error err;
	char got[64];

	/*
	 * line 3 is found bad only when its batch is settled, after line 4
	 * is read; line 5 cannot be read; line 7 is bad when settled, after
	 * the end of the input
	 */
	is_int(run(s, &held_kind, "k,v\na,1\na,2\n,3\nx,y,z\nb,4\nb,5\n", &skip,
	    &st, &err), 0, "held: --skip-bad commits");
	is_str(problems, "3:k:already there;4:k:missing;"
	    "5:column C:more fields than the header has columns;7:k:already there;",
	    "held: problems come in the order of the input");
	is_str(stored(s), "a=1;b=4;", "held: the good records are written");
	snprintf(got, sizeof(got), "%ld %ld %ld %ld", STATS(st));
	is_str(got, "6 2 0 4", "held: records, added, unchanged, bad");

	is_int(run(s, &held_kind, "k,v\na,1\na,2\n,3\n", &(struct import_options){ 0 },
	    &st, &err), -1, "held: bad records found when settled fail the import");
	is_str(err.text, "2 bad records; nothing was written", "held: counted");
	is_str(stored(s), "", "held: nothing written");
}

/* The rows of sql, "a|b|c;" each. */
static const char *
rows(struct store *s, const char *sql)
{
	static char out[512];
	sqlite3_stmt *st;
	size_t len = 0;

	out[0] = '\0';
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return "(no statement)";
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);

			len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s",
			    c > 0 ? "|" : "", v != NULL ? v : "-");
		}
		len += (size_t)snprintf(out + len, sizeof(out) - len, ";");
	}
	sqlite3_finalize(st);
	return out;
}

/*
 * Import text as the merging kind, --upsert with reason when upsert; the
 * stats as "records added unchanged differ updated bad", or the failure.
 */
static const char *
merge_run(struct store *s, const char *text, int upsert, const char *reason)
{
	static char got[1100];
	struct import_options options = { .upsert = upsert, .skip_bad = 1,
		.reason = reason };
	struct import_stats st;
	struct reader *r;
	struct error err = { 0 };

	problems[0] = '\0';
	if ((r = reader_open(write_input("in.csv", text), INPUT_CSV, ENCODING_UTF8,
	    &err)) == NULL)
		return "(no reader)";
	if (import_run(s, &r, 1, &merging_kind, &options, collect, NULL, NULL, NULL,
	    &st, &err) != 0)
		snprintf(got, sizeof(got), "failed %d: %s", err.status, err.text);
	else
		snprintf(got, sizeof(got), "%ld %ld %ld %ld %ld %ld", st.records,
		    st.added, st.unchanged, st.differ, st.updated, st.bad);
	reader_close(r);
	return got;
}

static void
test_merge(struct store *s)
{
	const char *audit = "SELECT entity, entity_id, field, old, new FROM audit "
	    "WHERE entity = 'kvw' ORDER BY seq";

	is_str(merge_run(s, "k,v,w\na,1,x\nb,2,y\n", 0, NULL), "2 2 0 0 0 0",
	    "merge: new records are added");
	is_str(merge_run(s, "k,v,w\na,1,x\nb,3,\n", 0, NULL), "2 0 1 1 0 0",
	    "merge: given again, the same is unchanged, another differs");
	is_str(rows(s, "SELECT k, v, w, updated_at IS NULL FROM kvw ORDER BY k"),
	    "a|1|x|1;b|2|y|1;", "merge: without --upsert the store is left alone");
	is_str(rows(s, audit), "", "merge: and nothing is audited");
	is_str(merge_run(s, "k,v,w\na,1,x\nb,3,\nc,1,\n", 1, NULL),
	    "failed 64: --upsert would change 1 stored record; --reason TEXT "
	    "must say why it is corrected; nothing was written",
	    "merge: --upsert without a reason changes nothing, adds nothing");
	is_str(rows(s, "SELECT k, v, w, updated_at IS NULL FROM kvw ORDER BY k"),
	    "a|1|x|1;b|2|y|1;", "merge: and the store is as it was");
	is_str(merge_run(s, "k,v,w\na,1,x\nb,3,\n", 1, "fix"), "2 0 1 0 1 0",
	    "merge: with --upsert the one that differs is updated");
	is_str(rows(s, "SELECT k, v, w, updated_at IS NULL FROM kvw ORDER BY k"),
	    "a|1|x|1;b|3|y|0;", "merge: the field given, not the one left empty, "
	    "and its time");
	is_str(rows(s, audit), "kvw|b|v|2|3;kvw|b|reason|-|fix;",
	    "merge: each field changed is audited, and why");
	is_str(merge_run(s, "k,v,w\nc,1,\nc,2,\n", 1, NULL), "2 1 0 0 0 1",
	    "merge: the same record twice in one import");
	is_str(problems, "3:k:given twice;", "merge: is reported by the kind's rule");
	is_str(rows(s, "SELECT k, v FROM kvw WHERE k = 'c'"), "c|1;",
	    "merge: and the first stands");
}

/* Import text as the batch kind in mode; "records added unchanged bad". */
static const char *
bk_run(struct store *s, const char *text, int look, int savepoint)
{
	static char got[1100];
	struct bk_mode mode = { look, savepoint };
	struct import_options options = { .skip_bad = 1, .settings = &mode };
	struct import_stats st;
	struct reader *r;
	struct error err = { 0 };

	problems[0] = '\0';
	if ((r = reader_open(write_input("in.csv", text), INPUT_CSV, ENCODING_UTF8,
	    &err)) == NULL)
		return "(no reader)";
	if (import_run(s, &r, 1, &bk_kind, &options, collect, NULL, NULL, NULL,
	    &st, &err) != 0)
		snprintf(got, sizeof(got), "failed: %s", err.text);
	else
		snprintf(got, sizeof(got), "%ld %ld %ld %ld", st.records, st.added,
		    st.unchanged, st.bad);
	reader_close(r);
	return got;
}

static void
test_batch(struct store *s)
{
	struct buf many = { 0 };
	char line[32];

	is_str(bk_run(s, "k,v\na,1\nb,2\nc,3\n", 0, 0), "3 3 0 0",
	    "batch: records written, counted as added");
	is_str(rows(s, "SELECT k, v FROM bk ORDER BY id"), "a|1;b|2;c|3;",
	    "batch: in the order of the input");
	is_str(rows(s, "SELECT field, new FROM audit WHERE entity = 'bk'"),
	    "created|3;", "batch: one audit row counts them");
	is_str(bk_run(s, "k,v\na,1\nb,2\nc,3\n", 1, 0), "3 0 3 0",
	    "batch: looked up and stored the same: unchanged");
	is_str(bk_run(s, "k,v\na,9\nd,4\n", 1, 0), "2 1 0 1",
	    "batch: looked up, not the same: the kind's, which writes one alone");
	is_str(problems, "2:v:differs;", "batch: and reports the other");
	is_str(bk_run(s, "k,v\nb,2\ne,5\nf,1\nf,2\n", 0, 0), "4 2 0 2",
	    "batch: left out by its INSERT: stored already, or twice in the batch");
	is_str(problems, "2:k:stored already;5:k:stored already;",
	    "batch: each reported in the order of the input");
	is_str(rows(s, "SELECT k, v FROM bk WHERE k IN ('e', 'f')"), "e|5;f|1;",
	    "batch: the first of two the same is written");
	is_str(bk_run(s, "k,v\ng,7\na,1\n", 0, 1), "2 1 0 1",
	    "batch: each alone in a savepoint");
	is_str(rows(s, "SELECT k FROM made ORDER BY k"), "g;",
	    "batch: what was made for one left out is undone with it");
	buf_puts(&many, "k,v\n");
	for (int i = 0; i < 3 * BATCH_MAX + 5; i++) {
		snprintf(line, sizeof(line), "n%d,%d\n", i, i);
		buf_puts(&many, line);
	}
	is_str(bk_run(s, many.data, 0, 0), "389 389 0 0",
	    "batch: more records than the batches hold");
	is_str(rows(s, "SELECT count(*), count(DISTINCT k) FROM bk WHERE k LIKE 'n%'"),
	    "389|389;", "batch: every one written once");
	buf_free(&many);
}

/* Rows for test_inserts(): column a as a code (or text when text is set), b text, c a number. */
struct ins_row {
	const char *a;
	int a_text;
	const char *b;
	int c_null;
	long long c;
};

static char ins_buf[5][8];	/* b's text, a buffer a row: changed between writes */

static void
ins_bind(void *context, struct insert_row *r, size_t row)
{
	const struct ins_row *x = (const struct ins_row *)context + row;

	if (x->a_text)
		insert_row_text(r, 0, x->a, -1);
	else
		insert_row_code(r, 0, x->a);
	snprintf(ins_buf[row], sizeof(ins_buf[row]), "%s", x->b);
	insert_row_text(r, 1, ins_buf[row], -1);
	if (x->c_null)
		insert_row_code(r, 2, NULL);
	else
		insert_row_number(r, 2, x->c);
}

static void
ins_wrote(void *context, size_t first, size_t size, int changes)
{
	(void)context, (void)first, (void)size, (void)changes;
}

/*
 * A parameter given the same code, NULL or number as before is not
 * bound again; anything else is: what is stored is what each row gave.
 */
static void
test_inserts(struct store *s)
{
	static const char code1[] = "one", code2[] = "two";
	static char changing[8] = "t1";
	struct ins_row first[] = {
		{ code1, 0, "b1", 0, 7 }, { code1, 0, "b2", 0, 7 },
		{ NULL, 0, "b3", 1, 0 }, { code2, 0, "b4", 0, 7 },
		{ changing, 1, "b5", 0, 8 },
	};
	struct ins_row again[] = {
		{ code2, 0, "b6", 1, 0 }, { changing, 1, "b7", 1, 0 },
		{ NULL, 0, "b8", 0, 7 }, { code2, 0, "b9", 0, 9 },
		{ code1, 0, "b10", 0, 8 },
	};
	struct ins_row third[] = {
		{ code2, 0, "b11", 0, 9 }, { code1, 0, "b12", 0, 9 },
		{ code1, 0, "b13", 0, 7 }, { code2, 0, "b14", 0, 9 },
		{ code1, 0, "b15", 1, 0 },
	};
	struct import_inserts ins;
	struct error err = { 0 };

	if (store_exec(s, "CREATE TABLE ins (a TEXT, b TEXT, c INTEGER)", &err) != 0 ||
	    import_inserts_prepare(&ins, s, "INSERT INTO ins (a, b, c) VALUES ",
	    3, "", &err) != 0) {
		printf("Bail out! %s\n", err.text);
		exit(2);
	}
	/* 5 rows: statements of 4 and 1, used again and again */
	ok(import_inserts_write(&ins, s, 5, ins_bind, ins_wrote, first, &err) == 0,
	    "inserts: written");
	changing[1] = '2';
	ok(import_inserts_write(&ins, s, 5, ins_bind, ins_wrote, again, &err) == 0,
	    "inserts: written again");
	changing[1] = '3';
	ok(import_inserts_write(&ins, s, 5, ins_bind, ins_wrote, third, &err) == 0,
	    "inserts: written a third time");
	is_str(rows(s, "SELECT quote(a), b, quote(c) FROM ins ORDER BY rowid"),
	    "'one'|b1|7;'one'|b2|7;NULL|b3|NULL;'two'|b4|7;'t1'|b5|8;"
	    "'two'|b6|NULL;'t2'|b7|NULL;NULL|b8|7;'two'|b9|9;'one'|b10|8;"
	    "'two'|b11|9;'one'|b12|9;'one'|b13|7;'two'|b14|9;'one'|b15|NULL;",
	    "inserts: each row as given, a lasting value bound again only "
	    "when it differs");
	import_inserts_free(&ins);
}

int
main(void)
{
	struct error err = { 0 };
	struct store *s;

	snprintf(dir, sizeof(dir), "/tmp/renke-import-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(db, sizeof(db), "%s/renke.db", dir);
	if ((s = store_open(db, STORE_WRITE, "test-import", "tester", &err)) == NULL ||
	    store_exec(s, "CREATE TABLE pair (k TEXT PRIMARY KEY, "
	    "v TEXT CHECK (v <> 'fail'))", &err) != 0 ||
	    store_exec(s, "CREATE TABLE kvw (id INTEGER PRIMARY KEY, k TEXT UNIQUE, "
	    "v TEXT, w TEXT, updated_at TEXT)", &err) != 0 ||
	    store_exec(s, "CREATE TABLE bk (id INTEGER PRIMARY KEY, k TEXT UNIQUE, "
	    "v TEXT); CREATE TABLE made (k TEXT)", &err) != 0) {
		printf("Bail out! %s\n", err.text);
		return 2;
	}
	test_kind(s, &plain_kind, "plain");
	test_kind(s, &held_kind, "held");
	test_order(s);
	test_merge(s);
	test_batch(s);
	test_inserts(s);
	store_close(s);
	snprintf(db, sizeof(db), "rm -rf '%s'", dir);
	if (system(db) != 0)
		return 2;
	return done_testing();
}
