/* import.c -- the bulk import loop every writing command shares */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "household_check.h"
#include "import.h"
#include "text.h"
#include "vocab.h"

struct import {
	struct store *store;
	const struct import_kind *kind;
	const struct import_options *options;
	struct import_stats *stats;
	struct field_map map;
	problem_fn *report;
	void *report_context;
	int problems;		/* in the current record */
	struct buf *values;	/* trimmed copies, one per spec */
	struct ring *ring;	/* import_hold() */
	int failed;		/* settling the ring before a problem failed, */
	struct error error;	/* saying this */
	void *kind_context;	/* the kind's, for row() */
	int begun;		/* the transaction is */
	int rollback_journal;	/* and runs with a rollback journal */
	progress_fn *progress;
	void *progress_context;
	int kind_known;		/* kind is the one that reads the run (instead) */
	struct import *child;	/* the run of kind->child, or NULL */
	struct import *parent;	/* of a child's run: the run it is fed by */
	struct import_options child_options;	/* a child's run's options */
	struct import_stats child_stats;	/* when options->child_stats is NULL */
};

struct store *
import_store(struct import *im)
{
	return im->store;
}

struct ring *
import_ring(struct import *im)
{
	return im->ring;
}

const struct import_options *
import_options(struct import *im)
{
	return im->options;
}

struct import_stats *
import_stats(struct import *im)
{
	return im->stats;
}

int
import_is_child(struct import *im)
{
	return im->parent != NULL;
}

int
import_serial(struct import *im)
{
	return im->parent != NULL || im->child != NULL;
}

/*
 * Settle what the kinds of im's run hold, but a ring being settled:
 * the child's first (it holds the records before the parent's one), so
 * that problems keep the order of the input.  0, or -1 with err set.
 */
static int
flush_held(struct import *im, struct error *err)
{
	struct import *top = im->parent != NULL ? im->parent : im;
	struct ring *ring[2] = { top->child != NULL ? top->child->ring : NULL,
		top->ring };

	for (int i = 0; i < 2; i++)
		if (ring[i] != NULL && !ring[i]->settling &&
		    ring_flush(ring[i], err) != 0)
			return -1;
	return 0;
}

/* Report a problem with rec's field label (NULL: the record), as import_problem() says. */
static void
problem(struct import *im, const struct record *rec, const char *label,
    const char *fmt, va_list ap)
{
	char message[1024];

	/* what the records held back find comes first */
	if (!im->failed && flush_held(im, &im->error) != 0)
		im->failed = 1;
	vsnprintf(message, sizeof(message), fmt, ap);
	im->problems++;
	reader_problem(im->report, im->report_context, rec, label, message);
}

void
import_problem(struct import *im, const struct record *rec, int k,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem(im, rec, k >= 0 ? field_label(&im->map, rec, (size_t)k) : NULL,
	    fmt, ap);
	va_end(ap);
}

void
import_problem_labelled(struct import *im, const struct record *rec,
    const char *label, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem(im, rec, label, fmt, ap);
	va_end(ap);
}

int
import_missing(struct import *im, const struct record *rec, int k,
    const char *why)
{
	import_problem(im, rec, k, _("missing; %s"), why);
	return 1;
}

const char *
import_field_label(struct import *im, const struct record *rec, size_t k)
{
	return field_label(&im->map, rec, k);
}

void
import_hold(struct import *im, struct ring *ring)
{
	im->ring = ring;
}

/* Write and settle what the kind and its child hold back: 0, or -1 with err set. */
static int
flush(struct import *im, struct error *err)
{
	if (im->child != NULL && flush(im->child, err) != 0)
		return -1;
	return im->ring != NULL ? ring_flush(im->ring, err) : 0;
}

/* Wait until the kinds' workers leave the store: before the transaction ends. */
static void
idle(struct import *im)
{
	if (im->child != NULL)
		idle(im->child);
	if (im->ring != NULL)
		worker_drain(im->ring->worker);
}

const char *
import_value(struct import *im, const struct record *rec, size_t k)
{
	const char *v = field_value(&im->map, rec, k);
	struct buf *b = &im->values[k];
	size_t n;

	if (im->options->set != NULL && im->options->set[k] != NULL)
		return im->options->set[k];
	if (v == NULL)
		return NULL;
	/* trimmed as it is copied: this runs for every field of every record */
	n = text_trim_span(&v, strlen(v));
	if (n == 0)
		return NULL;
	if (n >= b->cap) {
		buf_reset(b);
		if (buf_reserve(b, n) != 0)
			return NULL;
	}
	memcpy(b->data, v, n);
	b->data[n] = '\0';
	b->len = n;
	return b->data;
}

/*
 * BEGIN IMMEDIATE, with a rollback journal when the kind appends and
 * the store may have one, then options->begin(): 1, or -1 with err set.
 */
static int
import_begin(struct import *im, struct error *err)
{
	struct store *s = im->store;
	const struct import_options *options = im->options;

	if (im->kind->appends != NULL && im->kind->appends(im) == 1)
		im->rollback_journal = store_journal_rollback(s);
	if (store_begin(s, err) != 0)
		return -1;
	if (options->begin != NULL && options->begin(s, options->settings, err) != 0)
		return -1;
	return 1;
}

/* 1 when every column of rec is one of kind's fields, once. */
static int
columns_of(const struct import_kind *kind, const struct record *rec)
{
	struct field_map map;
	const char *bad;
	int rc;

	if (field_map_init(&map, kind->entity, kind->specs, kind->nspecs) != 0)
		return 0;
	rc = field_map_record(&map, rec, &bad);
	field_map_free(&map);
	return rc == 0;
}

/* im's fields are kind's from now on: 0, or -1 when memory runs out. */
static int
use_kind(struct import *im, const struct import_kind *kind)
{
	for (size_t k = 0; k < im->kind->nspecs; k++)
		buf_free(&im->values[k]);
	free(im->values);
	field_map_free(&im->map);
	im->kind = kind;
	if ((im->values = calloc(kind->nspecs, sizeof(struct buf))) == NULL)
		return -1;
	return field_map_init(&im->map, kind->entity, kind->specs, kind->nspecs);
}

/* End the run of a child kind, c (may be NULL). */
static void
child_free(struct import *c)
{
	if (c == NULL)
		return;
	if (c->kind->cleanup != NULL && c->kind_context != NULL)
		c->kind->cleanup(c->kind_context);
	free(c->kind_context);
	field_map_free(&c->map);
	if (c->values != NULL)
		for (size_t k = 0; k < c->kind->nspecs; k++)
			buf_free(&c->values[k]);
	free(c->values);
	free(c);
}

/* Start the run of im's kind's child, which the same records feed: 0, or -1 with err set. */
static int
child_start(struct import *im, struct error *err)
{
	const struct import_options *o = im->options;
	const struct import_kind *kind = im->kind->child;
	struct import *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	im->child = c;
	im->stats->with_child = 1;
	c->store = im->store;
	c->kind = kind;
	c->kind_known = 1;
	c->parent = im;
	c->child_options.skip_bad = o->skip_bad;
	c->child_options.dry_run = o->dry_run;
	c->child_options.upsert = o->upsert;
	c->child_options.reason = o->reason;
	c->child_options.settings = o->child_settings;
	c->options = &c->child_options;
	c->stats = o->child_stats != NULL ? o->child_stats : &c->child_stats;
	memset(c->stats, 0, sizeof(*c->stats));
	c->report = im->report;
	c->report_context = im->report_context;
	/* the kind reads its columns; its child, every column, refuses the others */
	im->map.lenient = 1;
	if ((c->kind_context = calloc(1, kind->context_size + 1)) == NULL ||
	    field_map_init(&c->map, kind->entity, kind->specs, kind->nspecs) != 0 ||
	    (c->values = calloc(kind->nspecs, sizeof(struct buf))) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

/*
 * Settle which kind reads the run, by the columns of its first record
 * (or header): the kind's instead when rec's columns are not all the
 * kind's and are all those of instead's child; and start its child's
 * run.  0, or -1 with err set.
 */
static int
choose_kind(struct import *im, const struct record *rec, struct error *err)
{
	const struct import_kind *instead = im->kind->instead;

	im->kind_known = 1;
	if (instead != NULL && !columns_of(im->kind, rec) &&
	    columns_of(instead->child, rec) && use_kind(im, instead) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return im->kind->child != NULL ? child_start(im, err) : 0;
}

/*
 * Map rec's columns onto the kind's fields, and its child's: 0, or -1
 * with err set for a column no field takes.
 */
static int
import_columns(struct import *im, const struct record *rec, struct error *err)
{
	const char *bad = NULL;
	char where[512];
	int mapped;

	if (!im->kind_known && choose_kind(im, rec, err) != 0)
		return -1;
	if ((mapped = field_map_record(&im->map, rec, &bad)) == 0 &&
	    (im->child == NULL ||
	    (mapped = field_map_record(&im->child->map, rec, &bad)) == 0))
		return 0;
	/* a column nobody reads would be lost: stop */
	record_header_where(rec, bad, where, sizeof(where));
	return error_set(err, EXIT_DATAERR, mapped == -1 ?
	    _("%s: %s: unknown column") :
	    _("%s: %s: a second column for the same field"), where, bad);
}

/*
 * 1 when value (n bytes) and the option's text name the same code of
 * domain (NULL: free text, never), as 紧急 and urgent do.
 */
static int
same_code(const char *domain, const char *value, size_t n, const char *option)
{
	const char *code, *given;
	char text[128];

	if (domain == NULL || n >= sizeof(text))
		return 0;
	memcpy(text, value, n);
	text[n] = '\0';
	return (code = vocab_code(domain, text)) != NULL &&
	    (given = vocab_code(domain, option)) != NULL && strcmp(code, given) == 0;
}

/* The defaults of the options that rec gives a value of its own. */
static void
count_overridden(struct import *im, const struct record *rec)
{
	const struct import_options *o = im->options;
	const char *const *domains = im->kind->domains;

	for (size_t k = 0; k < im->kind->nspecs; k++) {
		const char *v;
		size_t n;

		if (o->defaults[k] == NULL || (o->set != NULL && o->set[k] != NULL) ||
		    (v = field_value(&im->map, rec, k)) == NULL)
			continue;
		n = text_trim_span(&v, strlen(v));
		if (n > 0 && (strlen(o->defaults[k]) != n ||
		    memcmp(v, o->defaults[k], n) != 0) &&
		    !same_code(domains != NULL ? domains[k] : NULL, v, n,
		    o->defaults[k]))
			o->overridden[k]++;
	}
}

/* rec, refused by im's kind, to its child's refused(). */
static void
child_refused(struct import *im, const struct record *rec)
{
	struct import *c = im->child;

	if (c != NULL && c->kind->refused != NULL)
		c->kind->refused(c, rec, c->kind_context);
}

/*
 * rec, handled by im's kind, to its child, once what the kind held of
 * it is settled without a problem: 0 to go on, -1 with err set to stop.
 */
static int
feed_child(struct import *im, const struct record *rec, struct error *err)
{
	struct import *c = im->child;

	if (im->ring != NULL && ring_flush(im->ring, err) != 0)
		return -1;
	if (im->failed) {
		*err = im->error;
		return -1;
	}
	if (im->problems > 0) {
		child_refused(im, rec);
		return 0;	/* refused as it was settled, and counted */
	}
	c->stats->records++;
	c->problems = 0;
	switch (c->kind->row(c, rec, c->kind_context, err)) {
	case 0:
		break;
	case 1:
		c->stats->bad++;
		break;
	default:
		return -1;
	}
	if (c->failed) {
		*err = c->error;
		return -1;
	}
	return 0;
}

/*
 * Hand rec, read by r, to the kind: in the transaction, begun with the
 * first record; after the records held, when rec is the first of its
 * input (first) or its fields may map differently.  0 to go on, -1 with
 * err set to stop.
 */
static int
import_record(struct import *im, struct reader *r, struct record *rec,
    int first, struct error *err)
{
	struct import_stats *stats = im->stats;
	if (!im->begun && (im->begun = import_begin(im, err)) < 0)
		return -1;
	stats->records++;
	if (im->progress != NULL && stats->records % 4096 == 0)
		im->progress(im->progress_context, r, stats->records);
	/* held records first: their problems come before this one's */
	if ((first || rec->problem != NULL || !rec->shared_names) &&
	    flush(im, err) != 0)
		return -1;
	if (rec->problem != NULL) {
		reader_problem(im->report, im->report_context, rec,
		    rec->problem_field, rec->problem);
		stats->bad++;
		return 0;
	}
	if (import_columns(im, rec, err) != 0)
		return -1;
	if (im->options->defaults != NULL)
		count_overridden(im, rec);
	im->problems = 0;
	switch (im->kind->row(im, rec, im->kind_context, err)) {
	case 0:
		break;
	case 1:
		stats->bad++;
		child_refused(im, rec);
		return im->failed ? (*err = im->error, -1) : 0;
	default:
		return -1;
	}
	if (im->failed) {
		*err = im->error;
		return -1;
	}
	return im->child != NULL ? feed_child(im, rec, err) : 0;
}

/*
 * Every record of readers[0..nreaders) to import_record().  The store
 * is locked for writing only once the first record is in: a command
 * reading a pipe from another that writes the same store (visit-log
 * --flagged | issue-add) must not hold the lock the other needs before
 * it can write a single line.  0, or -1 with err set.
 */
static int
import_records(struct import *im, struct reader **readers, size_t nreaders,
    struct error *err)
{
	for (size_t f = 0; f < nreaders; f++) {
		struct record *rec;
		const struct record *header;
		int got, first = 1;

		while ((got = reader_next(readers[f], &rec, err)) == 1) {
			if (import_record(im, readers[f], rec, first, err) != 0)
				return -1;
			first = 0;
		}
		/* a header with no record below is refused as it would be with one */
		if (got == 0 && first && (header = reader_header_record(readers[f])) != NULL &&
		    import_columns(im, header, err) != 0)
			return -1;
		if (got < 0) {
			struct error ignored;

			/* what was read before still says what was wrong with it */
			flush(im, &ignored);
			return -1;
		}
	}
	return 0;
}

/*
 * The end of the input: the kind's finish(), then a commit when no
 * record was bad (or with --skip-bad), no stored record was corrected
 * without a reason, and this is no dry run.  Returns
 * 0 when committed or a clean dry run (rolled back), -1 with err set
 * when the caller is to roll back.
 */
static int
import_end(struct import *im, struct error *err)
{
	const struct import_options *options = im->options;
	struct import_stats *stats = im->stats;
	struct import *c = im->child;
	long bad, corrected;

	if (!im->begun && (im->begun = import_begin(im, err)) < 0)
		return -1;
	if (flush(im, err) != 0)
		return -1;
	if (im->kind->finish != NULL &&
	    im->kind->finish(im, im->kind_context, err) != 0)
		return -1;
	if (c != NULL && c->kind->finish != NULL &&
	    c->kind->finish(c, c->kind_context, err) != 0)
		return -1;
	/* a record the child refused is counted in its stats alone */
	bad = stats->bad + (c != NULL ? c->stats->bad : 0);
	corrected = stats->corrected + (c != NULL ? c->stats->corrected : 0);
	if (bad > 0 && !options->skip_bad)
		return error_set(err, EXIT_DATAERR, dngettext("renke",
		    "%ld bad record; nothing was written",
		    "%ld bad records; nothing was written",
		    (unsigned long)bad), bad);
	if (corrected > 0 && options->reason == NULL)
		return error_set(err, EXIT_USAGE, dngettext("renke",
		    "--upsert would change %ld stored record; --reason TEXT "
		    "must say why it is corrected; nothing was written",
		    "--upsert would change %ld stored records; --reason TEXT "
		    "must say why they are corrected; nothing was written",
		    (unsigned long)corrected), corrected);
	idle(im);
	if (options->ending != NULL &&
	    options->ending(im->store, options->ending_context, err) != 0)
		return -1;
	if (options->dry_run) {
		store_rollback(im->store);
		return 0;
	}
	if (options->before_commit != NULL &&
	    options->before_commit(options->commit_context, err) != 0)
		return -1;
	return store_commit(im->store, err);
}

int
import_run(struct store *s, struct reader **readers, size_t nreaders,
    const struct import_kind *kind, const struct import_options *options, problem_fn *report,
    void *report_context, progress_fn *progress, void *progress_context,
    struct import_stats *stats, struct error *err)
{
	struct import im = { 0 };
	size_t context_size = kind->context_size;
	int rc = -1;

	memset(stats, 0, sizeof(*stats));
	if (options->child_stats != NULL)
		memset(options->child_stats, 0, sizeof(*options->child_stats));
	/* room for the context of the kind that may read the run instead */
	if (kind->instead != NULL && kind->instead->context_size > context_size)
		context_size = kind->instead->context_size;
	im.store = s;
	im.kind = kind;
	im.options = options;
	im.stats = stats;
	im.report = report;
	im.report_context = report_context;
	im.progress = progress;
	im.progress_context = progress_context;
	if ((im.kind_context = calloc(1, context_size + 1)) == NULL ||
	    field_map_init(&im.map, kind->entity, kind->specs, kind->nspecs) != 0 ||
	    (im.values = calloc(kind->nspecs, sizeof(struct buf))) == NULL) {
		error_set(err, EXIT_SOFTWARE, _("out of memory"));
		goto out;
	}
	if (import_records(&im, readers, nreaders, err) == 0 &&
	    (rc = import_end(&im, err)) == 0)
		goto out;
	rc = -1;
	idle(&im);
	store_rollback(s);
out:
	/* the child's first: its records' strings may be the kind's */
	child_free(im.child);
	if (im.kind->cleanup != NULL && im.kind_context != NULL)
		im.kind->cleanup(im.kind_context);
	free(im.kind_context);
	field_map_free(&im.map);
	if (im.values != NULL)
		for (size_t k = 0; k < im.kind->nspecs; k++)
			buf_free(&im.values[k]);
	free(im.values);
	/* committed or rolled back: the log again, as every command expects */
	if (im.rollback_journal)
		store_journal_wal(s);
	return rc;
}

int
import_source_prepare(struct import_source *src, struct import *im,
    const char *table, struct error *err)
{
	char sql[128];

	memset(src, 0, sizeof(*src));
	snprintf(sql, sizeof(sql), "INSERT INTO %s (file, at, who, command) "
	    "VALUES (?, ?, ?, ?)", table);
	if ((src->add = store_prepare(im->store, sql, err)) == NULL)
		return -1;
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?", table);
	if ((src->drop = store_prepare(im->store, sql, err)) == NULL)
		return -1;
	return 0;
}

int
import_source_close(struct import_source *src, struct import *im,
    struct error *err)
{
	int rc;

	if (src->id > 0 && im->stats->added == src->added) {
		sqlite3_bind_int64(src->drop, 1, src->id);
		rc = sqlite3_step(src->drop);
		sqlite3_reset(src->drop);
		if (rc != SQLITE_DONE)
			return store_error(im->store, rc, err);
	}
	src->id = 0;
	src->file = NULL;
	return 0;
}

long long
import_source_id(struct import_source *src, struct import *im,
    const struct record *rec, struct error *err)
{
	struct store *s = im->store;
	int rc;

	if (src->id > 0 && rec->file == src->file)
		return src->id;
	/* the records of the file before counted, and the connection free */
	if ((im->ring != NULL && ring_flush(im->ring, err) != 0) ||
	    import_source_close(src, im, err) != 0)
		return 0;
	sqlite3_bind_text(src->add, 1, rec->file, -1, SQLITE_STATIC);
	sqlite3_bind_text(src->add, 2, s->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(src->add, 3, s->who != NULL ? s->who : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(src->add, 4, s->command != NULL ? s->command : "", -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(src->add);
	sqlite3_reset(src->add);
	if (rc != SQLITE_DONE) {
		store_error(s, rc, err);
		return 0;
	}
	src->id = sqlite3_last_insert_rowid(s->db);
	src->file = rec->file;
	src->added = im->stats->added;
	return src->id;
}

void
import_source_free(struct import_source *src)
{
	sqlite3_finalize(src->add);
	sqlite3_finalize(src->drop);
	memset(src, 0, sizeof(*src));
}

int
import_code(struct import *im, const struct record *rec, size_t k,
    const char *domain, const char **value)
{
	const char *code;
	char expected[512];

	if (*value == NULL)
		return 0;
	if ((code = vocab_code(domain, *value)) != NULL) {
		*value = code;
		return 0;
	}
	import_problem(im, rec, (int)k, _("unknown value \"%s\"; expected one "
	    "of: %s"), *value, vocab_describe(domain, expected, sizeof(expected)));
	return 1;
}

int
import_lengths(struct import *im, const struct record *rec,
    const char *const *value, const size_t (*longest)[2], size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		const char *text = value[longest[i][0]];

		if (text != NULL && strlen(text) > longest[i][1]) {
			import_problem(im, rec, (int)longest[i][0], _("longer than %zu "
			    "bytes"), longest[i][1]);
			bad++;
		}
	}
	return bad;
}

int
import_date(struct import *im, const struct record *rec, size_t k,
    const char **value, char out[11])
{
	if (*value == NULL)
		return 0;
	if (date_parse(*value, out) != 0) {
		import_problem(im, rec, (int)k, _("not a date: \"%s\"; write it as "
		    "2022-11-01"), *value);
		return 1;
	}
	*value = out;
	return 0;
}

int
import_number(struct import *im, const struct record *rec, size_t k,
    const char *text, long min, long max, long *n)
{
	long number;

	if (text == NULL || number_parse(text, min, max, n != NULL ? n :
	    &number) == 0)
		return 0;
	import_problem(im, rec, (int)k, _("not a whole number from %ld to %ld: "
	    "\"%s\""), min, max, text);
	return 1;
}

int
import_id_number(struct import *im, const struct record *rec, size_t k,
    const char **value, char out[IMPORT_ID_NUMBER_SIZE])
{
	enum id_number_problem problem = ID_NUMBER_LENGTH;
	size_t len;

	if (*value == NULL)
		return 0;
	if ((len = strlen(*value)) < IMPORT_ID_NUMBER_SIZE) {
		memcpy(out, *value, len + 1);
		problem = id_number_check(out);
	}
	if (problem != ID_NUMBER_OK) {
		import_problem(im, rec, (int)k, "%s", id_number_problem_text(problem));
		return 1;
	}
	*value = out;
	return 0;
}
