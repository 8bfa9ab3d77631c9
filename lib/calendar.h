/* calendar.h -- working days by the official holiday calendar a store keeps */
#ifndef RENKE_CALENDAR_H
#define RENKE_CALENDAR_H

#include "error.h"
#include "store.h"

/*
 * The State Council's calendar of a year lists its public holidays
 * (放假) and the weekend days worked in their place (调休上班).  A store
 * keeps the calendars its office was given (table calendar_day); a day
 * is a working day when the calendar says so, else when it falls from
 * Monday to Friday.  A year whose calendar the store lacks counts
 * Monday to Friday only.
 */
struct calendar;

/*
 * The calendar kept in s, read once: free it with calendar_free().
 * Returns NULL with err set when the store cannot be read or memory
 * runs out.
 */
struct calendar *calendar_load(struct store *s, struct error *err);

/* Free c; NULL is a no-op. */
void calendar_free(struct calendar *c);

/* 1 when day (date_to_days()) is a working day by c, else 0. */
int calendar_working(const struct calendar *c, long day);

/* 1 when c holds the calendar of year, else 0. */
int calendar_has_year(const struct calendar *c, int year);

/*
 * The day n days after from (day numbers, date_to_days()): calendar
 * days, or with working set the nth working day after from (from itself
 * not counted; n = 0 is from).  *missing_year gets the first year the
 * count passed through whose calendar c lacks, or 0.
 */
long calendar_add(const struct calendar *c, long from, long n, int working,
    int *missing_year);

/*
 * Parse a span of days as deadline rules and options write it: "5" or
 * "5d" calendar days, "5wd" working days, the number in [min, max].
 * Sets *days and *working; 0, or -1 when text is no such span.
 */
int days_parse(const char *text, long min, long max, long *days, int *working);

/*
 * Read the calendar file at path (CSV, JSON or a workbook, columns
 * date/日期, kind/类型 as holiday or workday, 休 or 班, and name/名称,
 * optional) into s, in the caller's transaction: its days replace what
 * s kept from its first day to its last (a corrected notice read again
 * takes out a day it no longer lists).  Each day added,
 * changed or taken out is audited (entity calendar_day).  *changed gets
 * how many.  Returns 0, or -1 with err set: EXIT_NOINPUT when path
 * cannot be opened, EXIT_DATAERR naming file, line and field for a bad
 * record (nothing is kept from a file with one).
 */
int calendar_read_file(struct store *s, const char *path, long *changed,
    struct error *err);

#endif
