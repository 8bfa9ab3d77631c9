/* report.c -- what report-gen's readings share: the township, its column, the vote's words */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"

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
