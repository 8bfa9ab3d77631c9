/* worker.h -- one thread beside the caller that runs jobs in the order given */
#ifndef RENKE_WORKER_H
#define RENKE_WORKER_H

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
 * again.  Batch i is the caller's i-th; the ring only keeps the order.
 */
#define RING_MAX 4

struct ring {
	struct worker *worker;	/* NULL: each batch is written when queued */
	size_t n;		/* batches, at most RING_MAX */
	size_t current;		/* the one being filled */
	size_t queued;		/* queued and not settled: those before current */
	unsigned long job[RING_MAX];
};

/* Start r's worker for n batches (n <= RING_MAX). */
void ring_start(struct ring *r, size_t n);

/*
 * Queue batch r->current, to be written by job(arg), and make the next
 * one current.  Returns the index of a batch the caller must settle
 * before it fills the current one (the oldest, written by now), or
 * RING_NONE.
 */
#define RING_NONE ((size_t)-1)
size_t ring_queue(struct ring *r, worker_job *job, void *arg);

/* The oldest batch queued, once written, for the caller to settle; or RING_NONE. */
size_t ring_oldest(struct ring *r);

/* Wait for the worker, end it. */
void ring_stop(struct ring *r);

#endif
