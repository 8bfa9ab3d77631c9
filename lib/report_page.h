/* report_page.h -- what the summary's HTML page and its SVG charts share; not for commands */
#ifndef RENKE_REPORT_PAGE_H
#define RENKE_REPORT_PAGE_H

#include <stddef.h>
#include <stdio.h>

#include "report.h"

/* The page being written. */
struct page {
	FILE *fp;
	const struct report_summary *summary;
	int too_long;		/* a number did not fit its buffer */
};

/*
 * snprintf into out (size bytes), checked: on truncation out becomes
 * "?" and p->too_long is set, so that the page fails.  Returns out.
 */
const char *page_number(struct page *p, char *out, size_t size,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* 1 when row i of s is a total: a township's "*" row, or the county's. */
int page_row_is_total(const struct report_summary *s, size_t i);

/* v within [0, 1]; not a number counts as 0. */
double page_unit(double v);

/* part of whole in percent within [0, 100], or -1 when whole is none. */
double page_percent(long part, long whole);

/*
 * The charts of the page (report_chart.c), each a <section> with its
 * heading, caption and inline SVG, written to p->fp: coverage per
 * village and milestone, issues by status per category, recognition
 * with its interval, open issues by age.  Write errors are left on
 * p->fp for the caller to see.
 */
void page_chart_coverage(struct page *p);
void page_chart_issues(struct page *p);
void page_chart_recognition(struct page *p);
void page_chart_age(struct page *p);

/*
 * The monitoring cases per village from clue to decision
 * (report_funnel_counts()): a bar per step reached, as page_chart_age().
 */
void page_chart_funnel(struct page *p);

#endif
