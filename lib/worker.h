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

#endif
