/* xlsx_part.c -- a part of a workbook's zip inflated a block ahead, on a thread of its own */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "worker.h"
#include "xlsx_private.h"

/* bytes inflated at a time: one block is parsed while the next is inflated */
#define PART_BLOCK (256 * 1024)

struct part_block {
	struct part_reader *r;
	char *data;
	zip_int64_t got;	/* what inflating gave: bytes, 0 at the end, -1 on an error */
	unsigned long job;	/* the worker's number for it */
};

struct part_reader {
	zip_file_t *zf;
	struct worker *worker;	/* NULL: each block is inflated when it is asked for */
	struct part_block block[2];
	int cur;		/* the block being handed out */
	size_t at;		/* how much of it has been */
	int started;
	long long done;		/* bytes handed out */
};

/* The worker's job (or the caller's, without a worker): the next bytes of the part. */
static void
inflate_block(void *arg)
{
	struct part_block *b = arg;

	b->got = zip_fread(b->r->zf, b->data, PART_BLOCK);
}

static void
queue_block(struct part_reader *r, int i)
{
	r->block[i].job = worker_run(r->worker, inflate_block, &r->block[i]);
}

struct part_reader *
part_open(zip_t *zip, const char *part)
{
	struct part_reader *r = calloc(1, sizeof(*r));

	if (r == NULL || (r->block[0].data = malloc(PART_BLOCK)) == NULL ||
	    (r->block[1].data = malloc(PART_BLOCK)) == NULL) {
		errno = ENOMEM;
		goto fail;
	}
	if ((r->zf = zip_fopen(zip, part, ZIP_FL_NOCASE)) == NULL) {
		errno = ENOENT;
		goto fail;
	}
	r->block[0].r = r->block[1].r = r;
	/* no thread: the blocks are inflated in turn by the caller */
	r->worker = worker_start();
	return r;
fail:
	if (r != NULL) {
		free(r->block[0].data);
		free(r->block[1].data);
	}
	free(r);
	return NULL;
}

long
part_read(void *source, char *b, size_t n)
{
	struct part_reader *r = source;

	if (!r->started) {
		queue_block(r, 0);
		queue_block(r, 1);
		r->started = 1;
	}
	for (;;) {
		struct part_block *cur = &r->block[r->cur];

		worker_wait(r->worker, cur->job);
		if (cur->got <= 0)
			return (long)cur->got;
		if (r->at < (size_t)cur->got) {
			size_t k = (size_t)cur->got - r->at;

			if (k > n)
				k = n;
			memcpy(b, cur->data + r->at, k);
			r->at += k;
			r->done += (long long)k;
			return (long)k;
		}
		/* this block is done with: inflate the one after the next into it */
		queue_block(r, r->cur);
		r->cur ^= 1;
		r->at = 0;
	}
}

long long
part_done(const struct part_reader *r)
{
	return r->done;
}

const char *
part_strerror(struct part_reader *r)
{
	worker_drain(r->worker);
	return zip_file_strerror(r->zf);
}

void
part_close(struct part_reader *r)
{
	if (r == NULL)
		return;
	worker_stop(r->worker);
	zip_fclose(r->zf);
	free(r->block[0].data);
	free(r->block[1].data);
	free(r);
}
