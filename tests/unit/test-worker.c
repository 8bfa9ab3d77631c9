/* test-worker.c -- the worker and its ring of batches: order, holds, staleness, failures */
#include <stdio.h>
#include <string.h>

#include "worker.h"
#include "tap.h"

#define SIZE 4			/* records a batch holds */

struct batch {
	int n;
	int record[SIZE];
};

/* What the ring did, in the order it did it. */
struct log {
	struct batch batch[3];
	struct ring ring;
	char written[256];	/* "1,2;3;" a batch at a time, on the worker */
	char settled[256];	/* the same, on the caller's thread */
	char looked[64];	/* l (looked up) or w (written) a batch settled */
	char stale[64];		/* 1 or 0 a batch settled: ring_stale() */
	int fail_on;		/* write() fails on a batch holding this record */
	int writes;
};

static void
put_batch(char *out, size_t size, const struct batch *b)
{
	size_t len = strlen(out);

	for (int i = 0; i < b->n; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%d", i > 0 ? "," : "",
		    b->record[i]);
	snprintf(out + len, size - len, ";");
}

static size_t
held(const void *batch)
{
	return (size_t)((const struct batch *)batch)->n;
}

static int
write_batch(void *context, void *batch, struct error *err)
{
	struct log *log = context;
	struct batch *b = batch;

	log->writes++;
	for (int i = 0; i < b->n; i++)
		if (b->record[i] == log->fail_on)
			return error_set(err, EXIT_IOERR, "disk full at %d", log->fail_on);
	put_batch(log->written, sizeof(log->written), b);
	return 0;
}

static int
settle(void *context, void *batch, struct error *err)
{
	struct log *log = context;
	struct batch *b = batch;
	size_t len = strlen(log->looked);

	put_batch(log->settled, sizeof(log->settled), b);
	log->looked[len] = ring_looked_up(&log->ring, b) ? 'l' : 'w';
	log->looked[len + 1] = '\0';
	len = strlen(log->stale);
	log->stale[len] = ring_stale(&log->ring, b) ? '1' : '0';
	log->stale[len + 1] = '\0';
	b->n = 0;
	return 0;
}

static void
start(struct log *log, int with_worker)
{
	memset(log, 0, sizeof(*log));
	ring_start(&log->ring, log->batch, 3, sizeof(log->batch[0]), held, write_batch,
	    settle, log);
	if (!with_worker) {
		worker_stop(log->ring.worker);
		log->ring.worker = NULL;
	}
}

/* Hold record in the batch ring_hold() gives; -1 when that failed. */
static int
hold(struct log *log, int look, int record, struct error *err)
{
	struct batch *b = ring_hold(&log->ring, look, err);

	if (b == NULL)
		return -1;
	b->record[b->n++] = record;
	return b->n == SIZE ? ring_queue(&log->ring, err) : 0;
}

static void
test_order(int with_worker)
{
	const char *how = with_worker ? "worker" : "no worker";
	struct error err = { 0 };
	struct log log;
	int rc = 0;

	start(&log, with_worker);
	is_int(ring_flush(&log.ring, &err), 0, "%s: flushing an empty ring", how);
	is_str(log.written, "", "%s: writes nothing", how);
	is_int(ring_queue(&log.ring, &err), 0, "%s: queueing an empty batch", how);
	is_int(log.writes, 0, "%s: writes nothing either", how);
	for (int r = 1; r <= 10 && rc == 0; r++)
		rc = hold(&log, 0, r, &err);
	is_int(rc, 0, "%s: ten records held", how);
	is_str(log.settled, "", "%s: two batches queued, none settled", how);
	for (int r = 11; r <= 13 && rc == 0; r++)
		rc = hold(&log, 0, r, &err);
	is_str(log.settled, "1,2,3,4;", "%s: the oldest is settled when every "
	    "batch is queued", how);
	is_int(ring_flush(&log.ring, &err), 0, "%s: flush", how);
	is_str(log.written, "1,2,3,4;5,6,7,8;9,10,11,12;13;",
	    "%s: batches written in order", how);
	is_str(log.settled, "1,2,3,4;5,6,7,8;9,10,11,12;13;",
	    "%s: and settled in order", how);
	is_int(log.ring.queued, 0, "%s: nothing queued after a flush", how);
	is_int(held(ring_current(&log.ring)), 0, "%s: the current batch is empty", how);
	ring_stop(&log.ring);
	ok(log.ring.worker == NULL, "%s: stopped", how);
}

static void
test_holds(int with_worker)
{
	const char *how = with_worker ? "worker" : "no worker";
	struct error err = { 0 };
	struct log log;
	struct batch *first, *b;

	start(&log, with_worker);
	first = ring_hold(&log.ring, 0, &err);
	ok(first == ring_current(&log.ring), "%s: a record to write goes in the current batch", how);
	first->record[first->n++] = 1;
	b = ring_hold(&log.ring, 1, &err);
	ok(b != first, "%s: one to look up starts a batch of its own", how);
	ok(ring_looked_up(&log.ring, b), "%s: which is looked up", how);
	ok(!ring_looked_up(&log.ring, first), "%s: the first is not", how);
	worker_drain(log.ring.worker);
	is_str(log.written, "1;", "%s: the batch to write was queued", how);
	b->record[b->n++] = 2;
	is_int(log.settled[0], '\0', "%s: nothing settled yet", how);
	ok(ring_hold(&log.ring, 1, &err) == b, "%s: another to look up joins it", how);
	b->record[b->n++] = 3;
	b = ring_hold(&log.ring, 0, &err);
	ok(b != NULL, "%s: a record to write after looked up ones", how);
	is_str(log.settled, "1;2,3;", "%s: has every batch before it settled first", how);
	is_str(log.looked, "wl", "%s: one written, one looked up", how);
	ok(!ring_looked_up(&log.ring, b), "%s: and goes in a batch to write", how);
	b->record[b->n++] = 4;
	is_int(ring_flush(&log.ring, &err), 0, "%s: flush", how);
	is_str(log.settled, "1;2,3;4;", "%s: all settled in the order held", how);
	ring_stop(&log.ring);
}

static void
test_stale(int with_worker)
{
	const char *how = with_worker ? "worker" : "no worker";
	struct error err = { 0 };
	struct log log;

	start(&log, with_worker);
	hold(&log, 1, 1, &err);
	ring_queue(&log.ring, &err);	/* looked up before the change */
	worker_drain(log.ring.worker);
	ring_changed(&log.ring);
	hold(&log, 1, 2, &err);
	ring_queue(&log.ring, &err);	/* after it */
	hold(&log, 0, 3, &err);		/* settles both */
	ring_flush(&log.ring, &err);
	is_str(log.settled, "1;2;3;", "%s: three batches settled", how);
	is_str(log.looked, "llw", "%s: two looked up, one written", how);
	is_str(log.stale, "100", "%s: only the one looked up before the change is stale", how);
	ring_stop(&log.ring);
}

static void
test_failure(int with_worker)
{
	const char *how = with_worker ? "worker" : "no worker";
	struct error err = { 0 };
	struct log log;
	int rc = 0, r;

	start(&log, with_worker);
	log.fail_on = 6;
	for (r = 1; r <= 12 && rc == 0; r++)
		rc = hold(&log, 0, r, &err);
	if (rc == 0)
		rc = ring_flush(&log.ring, &err);
	is_int(rc, -1, "%s: a failed write fails the queue or flush that settles it", how);
	is_int(err.status, EXIT_IOERR, "%s: with the write's status", how);
	is_str(err.text, "disk full at 6", "%s: and its message", how);
	is_str(log.written, "1,2,3,4;", "%s: nothing after the failed batch is written", how);
	is_str(log.settled, "1,2,3,4;", "%s: the failed batch is not settled", how);
	is_int(log.writes, 2, "%s: write() is not called again after it fails", how);
	ring_stop(&log.ring);
}

static int ran[4];

static void
job(void *arg)
{
	int *slot = arg;

	*slot = 1 + (int)(slot - ran);
}

static void
test_worker_null(void)
{
	unsigned long n;

	memset(ran, 0, sizeof(ran));
	n = worker_run(NULL, job, &ran[2]);
	is_int(ran[2], 3, "no worker: a job runs at once, in the caller");
	is_int(n, 0, "and has no number to wait for");
	worker_wait(NULL, 5);
	worker_drain(NULL);
	worker_stop(NULL);
	ok(1, "waiting for, draining and stopping no worker do nothing");
}

static void
test_worker_order(void)
{
	struct worker *w = worker_start();
	unsigned long n = 0;

	ok(w != NULL, "a worker starts");
	memset(ran, 0, sizeof(ran));
	for (int i = 0; i < 4; i++)
		n = worker_run(w, job, &ran[i]);
	is_int(n, 4, "jobs are numbered from 1");
	worker_wait(w, n);
	is_int(ran[0] + ran[1] + ran[2] + ran[3], 10, "every job has run when the last has");
	worker_stop(w);
}

int
main(void)
{
	test_worker_null();
	test_worker_order();
	for (int with_worker = 1; with_worker >= 0; with_worker--) {
		test_order(with_worker);
		test_holds(with_worker);
		test_stale(with_worker);
		test_failure(with_worker);
	}
	return done_testing();
}
