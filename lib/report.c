/* report.c -- what report-gen's readings share: the township, its column, the vote's words, vocabulary order */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "report.h"
#include "report_parts.h"
#include "vocab.h"

int
report_audit_reveal(struct store *s, const char *record, const char *fields,
    const char *what, struct error *err)
{
	if (store_begin(s, err) != 0 || audit_add(s, "reveal", record, fields,
	    NULL, what, err) != 0 || store_commit(s, err) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
report_late_open(struct report_late_writer *lw, struct error *err)
{
	if (lw->w == NULL && (lw->w = writer_open(lw->fp, lw->format, lw->columns,
	    lw->ncolumns, lw->flags, err)) == NULL)
		return -1;
	return 0;
}

int
report_each_store(struct report_source *src, report_store_fn *fn,
    void *context, struct error *err)
{
	for (size_t i = 0; i < src->n; i++) {
		struct store *s = report_source_open(src, i, err);
		char *township;
		int rc;

		if (s == NULL) {
			if (err->status != EXIT_OK)
				return -1;
			continue;
		}
		if ((township = report_township(s)) == NULL) {
			store_close(s);
			return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		}
		rc = fn(context, s, township, err);
		free(township);
		store_close(s);
		if (rc != 0)
			return -1;
	}
	return 0;
}

char *
report_township(struct store *s)
{
	char *name = store_meta_get(s, "township"), *base, *dot;
	const char *slash;

	if (name != NULL)
		return name;
	slash = strrchr(s->path, '/');
	base = strdup(slash != NULL ? slash + 1 : s->path);
	if (base != NULL && (dot = strrchr(base, '.')) != NULL && dot != base)
		*dot = '\0';
	return base;
}

struct column *
report_with_township(const struct column *cols, size_t n)
{
	struct column *all = calloc(n + 1, sizeof(*all));

	if (all == NULL)
		return NULL;
	all[0] = (struct column){ "township", N_("township"), COLUMN_TEXT };
	memcpy(all + 1, cols, n * sizeof(*cols));
	return all;
}

const char *
report_vote_text(const char *vote, int labels)
{
	if (vote == NULL || !labels)
		return vote;
	return strcmp(vote, "adopted") == 0 ? _("adopted") :
	    strcmp(vote, "not_adopted") == 0 ? _("not adopted") : _("not valid");
}

