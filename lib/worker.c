/* worker.c -- one thread beside the caller that runs jobs in the order given */
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "worker.h"

#define QUEUE 8			/* jobs waiting at most */

struct worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t queued;	/* a job was queued, or stop was set */
	pthread_cond_t ran;	/* a job has run */
	struct {
		worker_job *job;
		void *arg;
	} queue[QUEUE];
	unsigned long submitted;	/* jobs queued so far */
	unsigned long done;		/* jobs run so far, in order */
	int stop;
};

static void *
work(void *arg)
{
	struct worker *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (w->done == w->submitted && !w->stop)
			pthread_cond_wait(&w->queued, &w->lock);
		if (w->done == w->submitted)
			break;
		{
			size_t at = w->done % QUEUE;
			worker_job *job = w->queue[at].job;
			void *job_arg = w->queue[at].arg;

			pthread_mutex_unlock(&w->lock);
			job(job_arg);
			pthread_mutex_lock(&w->lock);
		}
		w->done++;
		pthread_cond_broadcast(&w->ran);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct worker *
worker_start(void)
{
	struct worker *w = calloc(1, sizeof(*w));

	if (w == NULL)
		return NULL;
	if (pthread_mutex_init(&w->lock, NULL) != 0)
		goto no_lock;
	if (pthread_cond_init(&w->queued, NULL) != 0)
		goto no_queued;
	if (pthread_cond_init(&w->ran, NULL) != 0)
		goto no_ran;
	if (pthread_create(&w->thread, NULL, work, w) != 0)
		goto no_thread;
	return w;
no_thread:
	pthread_cond_destroy(&w->ran);
no_ran:
	pthread_cond_destroy(&w->queued);
no_queued:
	pthread_mutex_destroy(&w->lock);
no_lock:
	free(w);
	return NULL;
}

unsigned long
worker_run(struct worker *w, worker_job *job, void *arg)
{
	unsigned long n;

	if (w == NULL) {
		job(arg);
		return 0;
	}
	pthread_mutex_lock(&w->lock);
	while (w->submitted - w->done == QUEUE)
		pthread_cond_wait(&w->ran, &w->lock);
	w->queue[w->submitted % QUEUE].job = job;
	w->queue[w->submitted % QUEUE].arg = arg;
	n = ++w->submitted;
	pthread_cond_signal(&w->queued);
	pthread_mutex_unlock(&w->lock);
	return n;
}

void
worker_wait(struct worker *w, unsigned long n)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	while (w->done < n)
		pthread_cond_wait(&w->ran, &w->lock);
	pthread_mutex_unlock(&w->lock);
}

void
worker_drain(struct worker *w)
{
	unsigned long n;

	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	n = w->submitted;
	pthread_mutex_unlock(&w->lock);
	worker_wait(w, n);
}

void
worker_stop(struct worker *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = 1;
	pthread_cond_signal(&w->queued);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->ran);
	pthread_cond_destroy(&w->queued);
	pthread_mutex_destroy(&w->lock);
	free(w);
}

void
ring_start(struct ring *r, void *batches, size_t n, size_t size,
    size_t (*held)(const void *batch),
    int (*write)(void *context, void *batch, struct error *err),
    int (*settle)(void *context, void *batch, struct error *err),
    void *context)
{
	r->batches = batches;
	r->n = n;
	r->size = size;
	r->held = held;
	r->write = write;
	r->settle = settle;
	r->context = context;
	r->current = 0;
	r->queued = 0;
	r->write_failed = 0;
	r->looking = 0;
	r->changes = 0;
	for (size_t i = 0; i < n; i++) {
		r->slot[i].ring = r;
		r->slot[i].i = i;
		r->look[i] = 0;
	}
	/*
	 * A ring's batches are written through the caller's SQLite
	 * connection, handed from thread to thread: a library built
	 * without threads gets them written in the caller's thread.
	 */
	r->worker = sqlite3_threadsafe() ? worker_start() : NULL;
}

/*
 * The worker's job: write one batch, keeping whether it failed.  After a
 * failed write nothing more is written: SQLite may have rolled the whole
 * transaction back (a full disk, an I/O error), and what was queued
 * after would be written outside it, each row committed on its own.
 */
static void
write_slot(void *arg)
{
	struct ring_slot *slot = arg;
	struct ring *r = slot->ring;

	if (r->write_failed) {
		slot->failed = 1;
		slot->error = r->write_error;
		return;
	}
	r->seen[slot->i] = r->changes;
	slot->failed = r->write(r->context, (char *)r->batches + slot->i * r->size,
	    &slot->error) != 0;
	if (slot->failed) {
		r->write_failed = 1;
		r->write_error = slot->error;
	}
}

void
ring_serial(struct ring *r)
{
	worker_stop(r->worker);
	r->worker = NULL;
}

void *
ring_current(const struct ring *r)
{
	return (char *)r->batches + r->current * r->size;
}

/* Settle the oldest batch queued, once written. */
static int
settle_oldest(struct ring *r, struct error *err)
{
	size_t i = (r->current + r->n - r->queued) % r->n;
	int rc;

	worker_wait(r->worker, r->job[i]);
	r->queued--;
	if (r->slot[i].failed) {
		*err = r->slot[i].error;
		goto failed;
	}
	r->settling = 1;
	rc = r->settle(r->context, (char *)r->batches + i * r->size, err);
	r->settling = 0;
	if (rc != 0)
		goto failed;
	return 0;
failed:
	/* whatever else is queued is written, never settled: the caller stops */
	worker_drain(r->worker);
	return -1;
}

int
ring_queue(struct ring *r, struct error *err)
{
	void *b = ring_current(r);

	if (r->held(b) == 0)
		return 0;
	r->job[r->current] = worker_run(r->worker, write_slot,
	    &r->slot[r->current]);
	r->current = (r->current + 1) % r->n;
	r->queued++;
	/* the next one is free once what the worker made of it is settled */
	return r->queued == r->n ? settle_oldest(r, err) : 0;
}

int
ring_flush(struct ring *r, struct error *err)
{
	if (r->n == 0)
		return 0;	/* never started */
	if (ring_queue(r, err) != 0)
		return -1;
	while (r->queued > 0)
		if (settle_oldest(r, err) != 0)
			return -1;
	r->looking = 0;
	return 0;
}

/* The index of batch in r. */
static size_t
batch_index(const struct ring *r, const void *batch)
{
	return (size_t)((const char *)batch - (const char *)r->batches) / r->size;
}

void *
ring_hold(struct ring *r, int look, struct error *err)
{
	if (!look && r->looking) {
		if (ring_flush(r, err) != 0)
			return NULL;
	} else if (r->held(ring_current(r)) > 0 && r->look[r->current] != look &&
	    ring_queue(r, err) != 0)
		return NULL;
	r->look[r->current] = look;
	r->looking |= look;
	return ring_current(r);
}

int
ring_looked_up(const struct ring *r, const void *batch)
{
	return r->look[batch_index(r, batch)];
}

void
ring_changed(struct ring *r)
{
	r->changes++;
}

int
ring_stale(const struct ring *r, const void *batch)
{
	size_t i = batch_index(r, batch);

	return r->look[i] && r->seen[i] != r->changes;
}

void
ring_stop(struct ring *r)
{
	worker_stop(r->worker);
	r->worker = NULL;
	r->queued = 0;
}
