/* calendar.c -- working days by the official holiday calendar a store keeps */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "audit.h"
#include "calendar.h"
#include "fields.h"
#include "input.h"
#include "text.h"
#include "vocab.h"

/* One day the calendar names: a holiday, or a weekend day worked. */
struct calendar_entry {
	long day;		/* date_to_days() */
	int working;
};

struct calendar {
	struct calendar_entry *days;	/* sorted by day */
	size_t n;
	int *years;			/* the years kept, sorted */
	size_t nyears;
};

/* 1970-01-01 was a Thursday: 0 is Monday ... 6 Sunday. */
static int
weekday(long day)
{
	return (int)(((day % 7) + 7 + 3) % 7);
}

static int
year_of(long day)
{
	long year, month, mday;

	date_civil(day, &year, &month, &mday);
	return (int)year;
}

static int
add_year(struct calendar *c, int year)
{
	int *more;

	if (c->nyears > 0 && c->years[c->nyears - 1] == year)
		return 0;
	if ((more = realloc(c->years, (c->nyears + 1) * sizeof(*more))) == NULL)
		return -1;
	c->years = more;
	c->years[c->nyears++] = year;
	return 0;
}

struct calendar *
calendar_load(struct store *s, struct error *err)
{
	struct calendar *c;
	sqlite3_stmt *st;
	size_t size = 0;
	int rc;

	if ((c = calloc(1, sizeof(*c))) == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		return NULL;
	}
	if ((st = store_prepare(s, "SELECT day, kind = 'workday' FROM calendar_day "
	    "ORDER BY day", err)) == NULL) {
		calendar_free(c);
		return NULL;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *iso = (const char *)sqlite3_column_text(st, 0);
		long day = date_to_days(iso);

		if (c->n == size) {
			struct calendar_entry *more;

			size = size ? size * 2 : 64;
			if ((more = realloc(c->days, size * sizeof(*more))) == NULL)
				goto oom;
			c->days = more;
		}
		c->days[c->n].day = day;
		c->days[c->n++].working = sqlite3_column_int(st, 1);
		if (add_year(c, year_of(day)) != 0)
			goto oom;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, rc, err);
		calendar_free(c);
		return NULL;
	}
	return c;
oom:
	sqlite3_finalize(st);
	calendar_free(c);
	error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return NULL;
}

void
calendar_free(struct calendar *c)
{
	if (c == NULL)
		return;
	free(c->days);
	free(c->years);
	free(c);
}

int
calendar_working(const struct calendar *c, long day)
{
	size_t lo = 0, hi = c != NULL ? c->n : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->days[mid].day == day)
			return c->days[mid].working;
		if (c->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return weekday(day) < 5;
}

int
calendar_has_year(const struct calendar *c, int year)
{
	for (size_t i = 0; c != NULL && i < c->nyears; i++)
		if (c->years[i] == year)
			return 1;
	return 0;
}

long
calendar_add(const struct calendar *c, long from, long n, int working,
    int *missing_year)
{
	long day = from;
	int year = 0;

	*missing_year = 0;
	if (!working)
		return from + n;
	while (n > 0) {
		day++;
		if (*missing_year == 0 && year_of(day) != year) {
			year = year_of(day);
			if (!calendar_has_year(c, year))
				*missing_year = year;
		}
		if (calendar_working(c, day))
			n--;
	}
	return day;
}

int
days_parse(const char *text, long min, long max, long *days, int *working)
{
	char number[32];
	size_t len = strlen(text), unit = 0;

	*working = 0;
	if (len >= 2 && strcmp(text + len - 2, "wd") == 0)
		unit = 2, *working = 1;
	else if (len >= 1 && text[len - 1] == 'd')
		unit = 1;
	if (len - unit >= sizeof(number))
		return -1;
	memcpy(number, text, len - unit);
	number[len - unit] = '\0';
	return number_parse(number, min, max, days);
}

/* A day of a calendar file. */
struct file_day {
	char day[11];
	const char *kind;	/* a vocabulary code */
	char *name;		/* or NULL */
};

static const struct field_spec calendar_fields[] = {
	{ "date", "日期|date" },
	{ "kind", "类型|安排|放假或上班" },
	{ "name", "名称|节日|假日名称" },
};

static int
compare_days(const void *a, const void *b)
{
	return strcmp(((const struct file_day *)a)->day,
	    ((const struct file_day *)b)->day);
}

static void
file_days_free(struct file_day *days, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(days[i].name);
	free(days);
}

/*
 * Check one record of a calendar file into *out: 0, or -1 with err set
 * (EXIT_DATAERR) naming where it is.
 */
static int
check_record(struct field_map *map, const struct record *rec,
    struct file_day *out, struct error *err)
{
	const char *bad, *date, *kind, *name;
	char where[512];
	long day;
	int mapped;

	if (rec->problem != NULL)
		return error_set(err, EXIT_DATAERR, "%s: %s",
		    record_where(rec, NULL, where, sizeof(where)), rec->problem);
	if ((mapped = field_map_record(map, rec, &bad)) != 0)
		return error_set(err, EXIT_DATAERR, mapped == -1 ?
		    _("%s: %s: unknown column") :
		    _("%s: %s: a second column for the same field"),
		    record_header_where(rec, bad, where, sizeof(where)), bad);
	date = field_value(map, rec, 0);
	kind = field_value(map, rec, 1);
	name = field_value(map, rec, 2);
	if (date == NULL || date_parse(date, out->day) != 0)
		return error_set(err, EXIT_DATAERR, _("%s: %s: not a date: \"%s\""),
		    record_where(rec, field_label(map, rec, 0), where, sizeof(where)),
		    field_label(map, rec, 0), date != NULL ? date : "");
	if (kind == NULL || (out->kind = vocab_code("calendar_day", kind)) == NULL) {
		char expected[256];

		return error_set(err, EXIT_DATAERR,
		    _("%s: %s: unknown value \"%s\"; expected one of: %s"),
		    record_where(rec, field_label(map, rec, 1), where, sizeof(where)),
		    field_label(map, rec, 1), kind != NULL ? kind : "",
		    vocab_describe("calendar_day", expected, sizeof(expected)));
	}
	day = date_to_days(out->day);
	if (strcmp(out->kind, "workday") == 0 && weekday(day) < 5)
		return error_set(err, EXIT_DATAERR,
		    _("%s: %s: %s is a weekday, a working day already; only a "
		    "Saturday or Sunday is worked in place of a holiday"),
		    record_where(rec, field_label(map, rec, 1), where, sizeof(where)),
		    field_label(map, rec, 1), out->day);
	out->name = NULL;
	if (name != NULL && name[0] != '\0' && (out->name = strdup(name)) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	return 0;
}

/* Every day of the file at path into *days (*n of them), sorted; 0 or -1. */
static int
read_days(const char *path, struct file_day **days, size_t *n,
    struct error *err)
{
	struct reader *r;
	struct record *rec;
	struct field_map map;
	size_t size = 0;
	int rc;

	*days = NULL;
	*n = 0;
	if ((r = reader_open(path, INPUT_AUTO, ENCODING_AUTO, err)) == NULL)
		return -1;
	if (field_map_init(&map, "calendar_day", calendar_fields, 3) != 0) {
		reader_close(r);
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	}
	while ((rc = reader_next(r, &rec, err)) == 1) {
		if (*n == size) {
			struct file_day *more;

			size = size ? size * 2 : 32;
			if ((more = realloc(*days, size * sizeof(*more))) == NULL) {
				rc = error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
				break;
			}
			*days = more;
		}
		if ((rc = check_record(&map, rec, &(*days)[*n], err)) != 0)
			break;
		(*n)++;
		for (size_t i = 0; i + 1 < *n; i++)
			if (strcmp((*days)[i].day, (*days)[*n - 1].day) == 0) {
				char where[512];

				rc = error_set(err, EXIT_DATAERR,
				    _("%s: %s: %s is listed twice"), record_where(rec,
				    field_label(&map, rec, 0), where, sizeof(where)),
				    field_label(&map, rec, 0), (*days)[i].day);
				break;
			}
		if (rc != 0)
			break;
	}
	field_map_free(&map);
	reader_close(r);
	if (rc != 0) {
		file_days_free(*days, *n);
		*days = NULL;
		*n = 0;
		return -1;
	}
	qsort(*days, *n, sizeof(**days), compare_days);
	return 0;
}

static int
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/*
 * Make day what now says (NULL: take it out), kept being what s had
 * (NULL: nothing), and audit what changed; 0 or -1.
 */
static int
put_day(struct store *s, const char *day, const struct file_day *kept,
    const struct file_day *now, long *changed, struct error *err)
{
	const char *old_kind = kept != NULL ? kept->kind : NULL;
	const char *old_name = kept != NULL ? kept->name : NULL;
	const char *new_name = now != NULL ? now->name : NULL;
	sqlite3_stmt *st;
	int rc;

	if (now != NULL && kept != NULL && strcmp(old_kind, now->kind) == 0 &&
	    same_text(old_name, new_name))
		return 0;
	if ((st = store_prepare(s, now != NULL ? "INSERT INTO calendar_day "
	    "VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET kind = excluded.kind, "
	    "name = excluded.name" : "DELETE FROM calendar_day WHERE day = ?1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	if (now != NULL) {
		sqlite3_bind_text(st, 2, now->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, now->name, -1, SQLITE_STATIC);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	(*changed)++;
	if (!same_text(old_kind, now != NULL ? now->kind : NULL) &&
	    audit_add(s, "calendar_day", day, "kind", old_kind,
	    now != NULL ? now->kind : NULL, err) != 0)
		return -1;
	if (now != NULL && !same_text(old_name, new_name) && audit_add(s, "calendar_day", day,
	    "name", old_name, new_name, err) != 0)
		return -1;
	return 0;
}

/* The days s keeps from first to last into *kept (*n), sorted; 0 or -1. */
static int
kept_days(struct store *s, const char *first, const char *last,
    struct file_day **kept, size_t *n, struct error *err)
{
	sqlite3_stmt *st;
	size_t size = 0;
	int rc;

	*kept = NULL;
	*n = 0;
	if ((st = store_prepare(s, "SELECT day, kind, name FROM calendar_day "
	    "WHERE day BETWEEN ?1 AND ?2 ORDER BY day", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, last, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 2);
		struct file_day *d;

		if (*n == size) {
			struct file_day *more;

			size = size ? size * 2 : 32;
			if ((more = realloc(*kept, size * sizeof(*more))) == NULL)
				goto oom;
			*kept = more;
		}
		d = &(*kept)[*n];
		snprintf(d->day, sizeof(d->day), "%s", sqlite3_column_text(st, 0));
		d->kind = vocab_code("calendar_day",
		    (const char *)sqlite3_column_text(st, 1));
		d->name = NULL;
		if (name != NULL && (d->name = strdup(name)) == NULL)
			goto oom;
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	file_days_free(*kept, *n);
	*kept = NULL;
	return store_error(s, rc, err);
oom:
	sqlite3_finalize(st);
	file_days_free(*kept, *n);
	*kept = NULL;
	return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
}

/*
 * The file's days (n of them, sorted) replace what s keeps from the
 * first to the last: walk both lists side by side.  0, or -1 with err
 * set.
 */
static int
replace_span(struct store *s, const struct file_day *days, size_t n,
    long *changed, struct error *err)
{
	struct file_day *kept;
	size_t nkept, i = 0, k = 0;
	int rc = 0;

	if (n == 0)
		return 0;
	if (kept_days(s, days[0].day, days[n - 1].day, &kept, &nkept, err) != 0)
		return -1;
	while (rc == 0 && (i < n || k < nkept)) {
		int cmp = i == n ? 1 : k == nkept ? -1 :
		    strcmp(days[i].day, kept[k].day);

		if (cmp < 0)
			rc = put_day(s, days[i].day, NULL, &days[i], changed, err), i++;
		else if (cmp > 0)
			rc = put_day(s, kept[k].day, &kept[k], NULL, changed, err), k++;
		else
			rc = put_day(s, days[i].day, &kept[k], &days[i], changed, err),
			    i++, k++;
	}
	file_days_free(kept, nkept);
	return rc;
}

int
calendar_read_file(struct store *s, const char *path, long *changed,
    struct error *err)
{
	struct file_day *days;
	size_t n;
	int rc;

	*changed = 0;
	if (read_days(path, &days, &n, err) != 0)
		return -1;
	rc = replace_span(s, days, n, changed, err);
	file_days_free(days, n);
	return rc;
}
