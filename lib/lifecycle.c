/* lifecycle.c -- the order of a record's steps: which step may follow which stage, and the messages that say so */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "issue_parts.h"
#include "lifecycle.h"
#include "vocab.h"

const struct lifecycle_step *
lifecycle_nth(const struct lifecycle *lc, size_t i)
{
	return (const struct lifecycle_step *)((const char *)lc->steps +
	    i * lc->size);
}

const struct lifecycle_step *
lifecycle_find(const struct lifecycle *lc, const char *code)
{
	for (size_t i = 0; i < lc->nsteps; i++)
		if (strcmp(lifecycle_nth(lc, i)->step, code) == 0)
			return lifecycle_nth(lc, i);
	return NULL;
}

int
lifecycle_may_follow(const struct lifecycle *lc,
    const struct lifecycle_step *step, const char *variant, const char *stage)
{
	char key[40];

	snprintf(key, sizeof(key), " %s ", stage);
	if (strstr(step->after, key) == NULL)
		return 0;
	return lc->allowed == NULL || lc->allowed(variant, stage, step);
}

void
lifecycle_next(const struct lifecycle *lc, const char *variant,
    const char *stage, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < lc->nsteps && len < size; i++)
		if (lifecycle_may_follow(lc, lifecycle_nth(lc, i), variant, stage))
			len += (size_t)snprintf(out + len, size - len, "%s%s",
			    len > 0 ? _(", ") : "",
			    vocab_label(lc->domain, lifecycle_nth(lc, i)->step));
	if (out[0] == '\0')
		snprintf(out, size, "%s", _("none"));
}

int
lifecycle_check_fields(const struct lifecycle *lc, struct import *im,
    const struct record *rec, const char *const *v,
    const char *const *field_step, int n, const char *step)
{
	int bad = 0;

	for (int k = 0; k < n; k++)
		if (v[k] != NULL && field_step[k] != NULL &&
		    strcmp(field_step[k], step) != 0) {
			import_problem(im, rec, k, _("belongs to the %s, not the %s"),
			    vocab_label(lc->domain, field_step[k]),
			    vocab_label(lc->domain, step));
			bad = 1;
		}
	return bad;
}

const char *
lifecycle_record_start(struct import *im, const struct record *rec,
    const char **v, size_t n, int who_k, char today[11])
{
	const struct step_settings *set = import_options(im)->settings;
	struct store *s = import_store(im);

	snprintf(today, 11, "%.10s", set != NULL && set->today != NULL ?
	    set->today : s->now);
	for (size_t k = 0; k < n; k++)
		v[k] = import_value(im, rec, k);
	return v[who_k] != NULL ? v[who_k] : set != NULL && set->who != NULL ?
	    set->who : s->who;
}

int
lifecycle_touched(struct import *im, long long id, struct error *err)
{
	struct step_settings *set = import_options(im)->settings;

	if (set != NULL && issue_ids_add(&set->touched, id) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

int
lifecycle_record(struct import *im, const struct record *rec,
    const struct lifecycle_row *row, void *u, struct error *err)
{
	struct store *s = import_store(im);
	int rc, stored;

	if ((rc = row->check(im, rec, s, u, err)) != 0)
		return rc;
	if ((stored = row->load(s, u, err)) < 0)
		return -1;
	if ((rc = row->recorded(im, rec, s, u, err)) == 2) {
		import_stats(im)->unchanged++;
		return 0;
	}
	if (rc != 0)
		return rc;
	if (row->order(im, rec, u))
		return 1;
	if (!stored) {
		if ((rc = row->start(im, rec, s, u, err)) != 0)
			return rc;
		import_stats(im)->added++;
		return 0;
	}
	import_stats(im)->updated++;
	return row->step(s, u, err);
}
