/* member_bulk.h -- people written to a store that has none yet without their indexes, sorted in after */
#ifndef RENKE_MEMBER_BULK_H
#define RENKE_MEMBER_BULK_H

#include "batch.h"
#include "bulk.h"
#include "import.h"

/* The first record read from each input file: a later line of it is named as it would be. */
struct member_bulk_source {
	long long id;		/* its row of member_source */
	struct held_record first;
	size_t *cells;		/* a workbook's: the column of each value */
	const char *label;	/* the heading of the ID number */
};

/*
 * A member import that takes the bulk path: when it starts, the store
 * has no people, so that every person it reads is new or given twice
 * in the input.  The member table's indexes are dropped, the people
 * written in the order of the input, and the indexes made again after
 * the last one, each by a sort; those that lead with the household
 * (member_household, member_tagged) are kept up instead as long as the
 * people come in the order of their households' numbers, as a roster
 * sorted by household lists them.  A person given twice is found then,
 * when the unique index of ID numbers cannot be made, and refused as
 * the import a row at a time would refuse them.  Without --skip-bad
 * only (a refused row goes whole to the rejects file, and is not kept
 * to the end), and not for a roster's people, whose households are
 * written in the same transaction.
 */
struct member_bulk {
	int on;
	/*
	 * The people written so far came in the order of their households'
	 * numbers: the indexes that lead with the household are kept up,
	 * each row added at their ends, until one comes out of that order
	 */
	int in_order;
	char household[65];	/* of the person written last ("" none) */
	struct bulk_indexes indexes;	/* those dropped */
	struct member_bulk_source *sources;
	size_t nsources;
};

/*
 * Take the bulk path if im may (see above; RENKE_TEST_MEMBER_BULK=no
 * keeps the tests' imports on the other): called before the import's
 * statements are prepared.  0 (b->on says which path), or -1 with err
 * set.
 */
int member_bulk_start(struct member_bulk *b, struct import *im,
    struct error *err);

/*
 * Note that rec, of household, was read from the file of source row
 * source_id (the first record of each file is kept), before it is held
 * in batch; when it leaves the order of the households' numbers, what
 * batch holds is written and the indexes kept up till then are dropped
 * too.  0, or -1 with err set.
 */
int member_bulk_read(struct member_bulk *b, struct import *im,
    struct batch_engine *batch, const struct record *rec,
    const char *household, long long source_id, struct error *err);

/*
 * Every person written: the indexes made again; each person given
 * again after their first line refused (import_problem(), counted bad
 * instead of added).  0, or -1 with err set.
 */
int member_bulk_finish(struct member_bulk *b, struct import *im,
    struct error *err);

void member_bulk_free(struct member_bulk *b);

/*
 * Before the transaction: 1 when the import looks to take the bulk path
 * (the store has no people yet), whose pages are nearly all added past
 * the end of the file, for import_kind.appends; else 0.  The path is
 * settled again inside the transaction (member_bulk_start()).
 */
int member_bulk_appends(struct import *im);

/*
 * Refuse rec (ID number headed label) as the same person as line of
 * source row source, the row of rec's file being this_source: "the
 * same person as line N", or as FILE:N of another file.  1, or -1 with
 * err set.  (lib/member.c; the path a row at a time says it too.)
 */
int member_again_say(struct import *im, const struct record *rec,
    const char *label, long long source, long line, long long this_source,
    struct error *err);

#endif
