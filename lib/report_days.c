/* report_days.c -- days from opening to resolution as an exact histogram, whose medians combine */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Make room for days in d; 0, or -1 when memory runs out. */
static int
days_room(struct report_days *d, long days)
{
	size_t lead = 0, n;
	long first;
	long *count;

	if (d->n > 0 && days >= d->first && (size_t)(days - d->first) < d->n)
		return 0;
	if (d->n == 0) {
		first = days;
		n = 1;
	} else if (days < d->first) {
		lead = (size_t)(d->first - days);
		first = days;
		n = d->n + lead;
	} else {
		first = d->first;
		n = (size_t)(days - d->first) + 1;
	}
	if ((count = calloc(n, sizeof(*count))) == NULL)
		return -1;
	if (d->n > 0)
		memcpy(count + lead, d->count, d->n * sizeof(*count));
	free(d->count);
	d->count = count;
	d->first = first;
	d->n = n;
	return 0;
}

int
report_days_add(struct report_days *d, long days, long number)
{
	if (number <= 0)
		return 0;
	if (days_room(d, days) != 0)
		return -1;
	d->count[days - d->first] += number;
	d->total += number;
	return 0;
}

int
report_days_merge(struct report_days *into, const struct report_days *from)
{
	if (from->n == 0)
		return 0;
	/* both ends first: the room is made at most twice */
	if (days_room(into, from->first) != 0 ||
	    days_room(into, from->first + (long)from->n - 1) != 0)
		return -1;
	for (size_t k = 0; k < from->n; k++)
		into->count[from->first + (long)k - into->first] += from->count[k];
	into->total += from->total;
	return 0;
}

/* The days of the issue at rank r (0-based) in order of days. */
static long
days_at(const struct report_days *d, long r)
{
	long seen = 0;

	for (size_t k = 0; k < d->n; k++) {
		seen += d->count[k];
		if (seen > r)
			return d->first + (long)k;
	}
	return d->first + (long)d->n - 1;
}

double
report_days_median(const struct report_days *d)
{
	if (d->total <= 0)
		return -1;
	if (d->total % 2)
		return (double)days_at(d, d->total / 2);
	return ((double)days_at(d, d->total / 2 - 1) +
	    (double)days_at(d, d->total / 2)) / 2;
}

int
report_days_text(const struct report_days *d, struct buf *out)
{
	char item[64];

	buf_reset(out);
	if (buf_puts(out, "") != 0)
		return -1;
	for (size_t k = 0; k < d->n; k++) {
		if (d->count[k] == 0)
			continue;
		snprintf(item, sizeof(item), "%s%ld:%ld", out->len > 0 ? " " : "",
		    d->first + (long)k, d->count[k]);
		if (buf_puts(out, item) != 0)
			return -1;
	}
	return 0;
}

/* A whole decimal number at *p, moving *p past it; 0, or -1. */
static int
whole_number(const char **p, long *out)
{
	char *end;

	errno = 0;
	if (!(**p == '-' || (**p >= '0' && **p <= '9')))
		return -1;
	*out = strtol(*p, &end, 10);
	if (errno != 0 || end == *p)
		return -1;
	*p = end;
	return 0;
}

int
report_days_parse(struct report_days *d, const char *text)
{
	const char *p = text != NULL ? text : "";

	report_days_free(d);
	while (*p == ' ')
		p++;
	while (*p != '\0') {
		long days, number;

		/* a span of more than a century is no issue's: refuse it before allocating */
		if (whole_number(&p, &days) != 0 || *p++ != ':' ||
		    whole_number(&p, &number) != 0 || number < 0 || number > 1000000000L ||
		    days < -36500 || days > 36500 || (*p != ' ' && *p != '\0') ||
		    report_days_add(d, days, number) != 0) {
			report_days_free(d);
			return -1;
		}
		while (*p == ' ')
			p++;
	}
	return 0;
}

void
report_days_free(struct report_days *d)
{
	free(d->count);
	memset(d, 0, sizeof(*d));
}
