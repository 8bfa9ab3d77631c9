/* member_bulk.c -- people written to a store that has none yet without their indexes, sorted in after */
#include <stdlib.h>
#include <string.h>

#include "member.h"
#include "member_bulk.h"

/* A store with no people yet, and an import that may take the path (member_bulk.h). */
static int
wanted(struct import *im, struct error *err)
{
	const char *test = getenv("RENKE_TEST_MEMBER_BULK");
	struct store *s = import_store(im);
	sqlite3_stmt *st;
	long long people;

	if (import_is_child(im) || import_options(im)->skip_bad ||
	    (test != NULL && strcmp(test, "no") == 0))
		return 0;
	if ((st = store_prepare(s, "SELECT EXISTS (SELECT 1 FROM member)",
	    err)) == NULL || (people = store_step_id(s, st, err)) < 0)
		return -1;
	return people == 0;
}

int
member_bulk_appends(struct import *im)
{
	struct error ignored;

	return wanted(im, &ignored) == 1;
}

/*
 * The member indexes that lead with the household: a person of the
 * household of the one before, or of one whose number sorts after it,
 * is added at their ends, which costs less than sorting them after
 */
static const char *const household_led[] = {
	"member_household", "member_tagged", NULL
};

int
member_bulk_start(struct member_bulk *b, struct import *im, struct error *err)
{
	struct store *s = import_store(im);
	int rc;

	memset(b, 0, sizeof(*b));
	if ((rc = wanted(im, err)) <= 0)
		return rc;
	if ((rc = bulk_indexes_drop(&b->indexes, s, "member", household_led,
	    err)) <= 0)
		return rc;
	b->on = 1;
	b->in_order = 1;
	/*
	 * The households are read first, once, in the order they are
	 * stored, while the words of their numbers are held (8 bytes each,
	 * lib/household.h): few pages
	 */
	return store_exec(s, "PRAGMA cache_size = -1024", err);
}

/*
 * Note household, of the next person written: out of the order of the
 * households' numbers, the indexes kept up are dropped, once what
 * batch holds is written.  0, or -1 with err set.
 */
static int
follow_order(struct member_bulk *b, struct import *im,
    struct batch_engine *batch, const char *household, struct error *err)
{
	int order = strcmp(household, b->household);
	size_t len = strlen(household);

	if (order == 0)
		return 0;
	if (order < 0 || len >= sizeof(b->household)) {
		b->in_order = 0;
		return batch_flush(batch, err) != 0 || bulk_indexes_drop(&b->indexes,
		    import_store(im), "member", NULL, err) < 0 ? -1 : 0;
	}
	memcpy(b->household, household, len + 1);
	return 0;
}

int
member_bulk_read(struct member_bulk *b, struct import *im,
    struct batch_engine *batch, const struct record *rec,
    const char *household, long long source_id, struct error *err)
{
	struct member_bulk_source *x;
	const char *label;

	if (!b->on)
		return 0;
	if (b->in_order && follow_order(b, im, batch, household, err) != 0)
		return -1;
	if (b->nsources > 0 && b->sources[b->nsources - 1].id == source_id)
		return 0;
	if ((x = realloc(b->sources, (b->nsources + 1) * sizeof(*x))) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	b->sources = x;
	x += b->nsources++;
	memset(x, 0, sizeof(*x));
	x->id = source_id;
	label = import_field_label(im, rec, MEMBER_ID_NUMBER);
	if (held_record_set(&x->first, rec, &label, 1,
	    &x->label) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	/* the reader's own is the next record's */
	if (rec->cells != NULL) {
		if ((x->cells = malloc(rec->count * sizeof(*x->cells))) == NULL)
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		memcpy(x->cells, rec->cells, rec->count * sizeof(*x->cells));
		x->first.rec.cells = x->cells;
	}
	return 0;
}

/* The first record of source row id's file. */
static const struct member_bulk_source *
source_of(const struct member_bulk *b, long long id)
{
	for (size_t i = 0; i < b->nsources; i++)
		if (b->sources[i].id == id)
			return &b->sources[i];
	return NULL;
}

/*
 * Each person given again after their first line, in the order of the
 * input: refused as the same person as that line, counted bad instead
 * of added.
 */
static int
refuse_again(struct member_bulk *b, struct import *im, struct error *err)
{
	struct store *s = import_store(im);
	struct import_stats *stats = import_stats(im);
	sqlite3_stmt *st;
	int rc;

	st = store_prepare(s, "SELECT source_id, line, first_source, first_line "
	    "FROM (SELECT id, source_id, line, first_value(source_id) OVER w "
	    "AS first_source, first_value(line) OVER w AS first_line, "
	    "row_number() OVER w AS n FROM member "
	    "WINDOW w AS (PARTITION BY id_number ORDER BY id)) "
	    "WHERE n > 1 ORDER BY id", err);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long source = sqlite3_column_int64(st, 0);
		const struct member_bulk_source *x = source_of(b, source);
		struct record rec;

		if (x == NULL) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_SOFTWARE, _("%s: a member of no "
			    "file read"), s->path);
		}
		rec = x->first.rec;
		rec.line = (long)sqlite3_column_int64(st, 1);
		if (member_again_say(im, &rec, x->label, sqlite3_column_int64(st, 2),
		    (long)sqlite3_column_int64(st, 3), source, err) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		stats->added--;
		stats->bad++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

int
member_bulk_finish(struct member_bulk *b, struct import *im, struct error *err)
{
	int broken;

	if (!b->on)
		return 0;
	/*
	 * Each of a sort's two threads holds as many bytes as the page cache
	 * (lib/bulk.h): 2 x 4 MiB keeps the import's peak where the rows put
	 * it (25 MiB for 3,000,000 people); 2 x 6 MiB sorts no faster
	 */
	if (store_exec(import_store(im), "PRAGMA cache_size = -4096", err) != 0 ||
	    bulk_indexes_make(&b->indexes, import_store(im), &broken, err) != 0)
		return -1;
	return broken ? refuse_again(b, im, err) : 0;
}

void
member_bulk_free(struct member_bulk *b)
{
	for (size_t i = 0; i < b->nsources; i++) {
		held_record_free(&b->sources[i].first);
		free(b->sources[i].cells);
	}
	free(b->sources);
	bulk_indexes_free(&b->indexes);
	memset(b, 0, sizeof(*b));
}
