/* worker.h -- one thread beside the caller that runs jobs in the order given */
#ifndef RENKE_WORKER_H
#define RENKE_WORKER_H

#include <stddef.h>

#include "error.h"

/*
 * A bulk import spends about as long checking its records as SQLite
 * spends writing them: with a worker, one core checks the next records
 * while the other writes the last.  The caller owns what a job uses
 * until worker_wait() says the job has run; a job that shares a
 * connection with the caller has it alone while it runs, so the caller
 * must not touch that connection before worker_wait().
 */
struct worker;

typedef void worker_job(void *arg);

/*
 * A worker with a thread of its own, or NULL when no thread can be
 * started: then worker_run() runs each job at once, in the caller.
 */
struct worker *worker_start(void);

/* Queue job(arg); returns its number, to wait for.  Blocks while the queue is full. */
unsigned long worker_run(struct worker *w, worker_job *job, void *arg);

/* Return once job number n (from worker_run) and those before it have run. */
void worker_wait(struct worker *w, unsigned long n);

/* Return once every job queued has run. */
void worker_drain(struct worker *w);

/* Drain w, end its thread and free it; w may be NULL. */
void worker_stop(struct worker *w);

/*
 * Batches of records in a ring: the caller fills one while the worker
 * writes those queued before it, and settles each (takes in what the
 * worker made of it) in the order they were queued, before filling it
 * again.
 */
#define RING_MAX 4

struct ring;

/* What the worker's job knows: a ring, and which batch of it to write. */
struct ring_slot {
	struct ring *ring;
	size_t i;
	int failed;		/* write() failed, */
	struct error error;	/* saying this */
};

struct ring {
	struct worker *worker;	/* NULL: each batch is written when queued */
	size_t n;		/* batches, at most RING_MAX */
	size_t current;		/* the one being filled */
	size_t queued;		/* queued and not settled: those before current */
	unsigned long job[RING_MAX];
	struct ring_slot slot[RING_MAX];
	int write_failed;	/* the worker's own: a write failed, write no more */
	int settling;		/* settle() is running: the ring is not to be flushed */
	/* batches looked up rather than written: ring_hold() */
	int look[RING_MAX];
	int looking;		/* one is queued or being filled, not settled */
	unsigned long changes;	/* ring_changed() calls */
	unsigned long seen[RING_MAX];	/* changes, when the worker ran each */
	struct error write_error;	/* the first failure */
	/* the caller's: n batches of size bytes each, and what to do with them */
	void *batches;
	size_t size;
	size_t (*held)(const void *batch);
	int (*write)(void *context, void *batch, struct error *err);
	int (*settle)(void *context, void *batch, struct error *err);
	void *context;
};

/*
 * Start r for n batches (n <= RING_MAX) of size bytes each at batches:
 * held(batch) tells how many records one holds; write(context, batch,
 * err) writes one, on the worker's thread; settle(context, batch, err)
 * takes in what writing it made, on the caller's.  write and settle
 * return 0, or -1 with err set.  A failed write is not settled: the
 * flush or queue that would have settled it fails with its error, once
 * the worker is idle, and the caller is to stop; no batch queued after
 * it is written (the transaction it was written in may be gone).
 * Batch 0 is current.  A ring never started is empty: flushing it does
 * nothing.
 */
void ring_start(struct ring *r, void *batches, size_t n, size_t size,
    size_t (*held)(const void *batch),
    int (*write)(void *context, void *batch, struct error *err),
    int (*settle)(void *context, void *batch, struct error *err),
    void *context);

/*
 * Write r's batches in the caller's thread from now on, each when it is
 * queued (call before anything is queued): for a ring that shares its
 * connection with another ring of the same run.
 */
void ring_serial(struct ring *r);

/* The batch being filled. */
void *ring_current(const struct ring *r);

/*
 * Queue the current batch if it holds anything, and make the next one
 * current, settling it first if it was queued.  0, or what settle()
 * returned.
 */
int ring_queue(struct ring *r, struct error *err);

/*
 * Queue the current batch and settle every batch queued: afterwards the
 * worker is idle.  0, or what settle() returned.
 */
int ring_flush(struct ring *r, struct error *err);

/*
 * Records of a kind that the worker can look up in the store rather
 * than write (importing a file again: most are there already) are held
 * in batches of their own, and settled as if each record had been taken
 * alone, in the order of the input, when two rules hold:
 *  - nothing is written after a batch looked up before that batch is
 *    settled: settling finds the store as the records before it left it;
 *  - a batch looked up before the caller changed what it looks at (told
 *    by ring_changed()) is looked up again (ring_stale()) when settled.
 */

/*
 * The batch to hold a record in: one to write (look 0) or to look up
 * (look 1).  A new batch when the current one holds records of the
 * other kind; every batch settled first when this one is to be written
 * after batches looked up.  NULL, with err set, when settling failed.
 */
void *ring_hold(struct ring *r, int look, struct error *err);

/* 1 when batch is one to look up, not to write. */
int ring_looked_up(const struct ring *r, const void *batch);

/*
 * The caller changed what its batches look up (while the worker is
 * idle: after a flush, or in settle() after worker_drain()).
 */
void ring_changed(struct ring *r);

/* 1 when batch was looked up before the last ring_changed(). */
int ring_stale(const struct ring *r, const void *batch);

/* Wait for the worker, end it. */
void ring_stop(struct ring *r);

#endif
