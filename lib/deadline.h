/* deadline.h -- what is overdue or falls due soon, and whose it is */
#ifndef RENKE_DEADLINE_H
#define RENKE_DEADLINE_H

#include "error.h"
#include "output.h"
#include "store.h"

/* The kinds of item deadline_check() finds; a mask of them selects. */
enum deadline_kind {
	DEADLINE_ISSUE_OVERDUE = 0x01,	/* past its due date, not resolved */
	DEADLINE_FEEDBACK_OVERDUE = 0x02, /* resolved, household not told in time (not misconduct) */
	DEADLINE_REVISIT_DUE = 0x04,	/* a mediated dispute's revisit */
	DEADLINE_PROMISE_OVERDUE = 0x08, /* closed unresolved, promise broken */
	DEADLINE_VISIT_MISSING = 0x10,	/* a household not visited by a milestone */
	DEADLINE_MEETING_MISSING = 0x20, /* a village or group without its meeting */
	DEADLINE_CASE_OVERDUE = 0x40,	/* a monitoring case past the county's limit */
	DEADLINE_CASE_UNFOLLOWED = 0x80, /* a suggestion of monitoring with no case */
	DEADLINE_LOAN_UNSENT = 0x100,	/* a wish for a loan, papers not sent */
	DEADLINE_LOAN_UNANSWERED = 0x200, /* papers sent, the bank silent */
	DEADLINE_RETURNEE_UNCONTACTED = 0x400, /* a returnee nobody has contacted lately */
	DEADLINE_CARE_MISSING = 0x800,	/* a tagged person without a care visit by a milestone */
	DEADLINE_ALL = 0xfff
};

/*
 * The code of a kind ("issue_overdue", ...); its bit from a code or a
 * label of the vocabulary deadline_kind ("问题办理逾期"), 0 if none.
 */
const char *deadline_kind_code(enum deadline_kind kind);
unsigned deadline_kind_parse(const char *text);

struct deadline_options {
	const char *today;	/* ISO: the day it is */
	long within;		/* also what falls due within this many days */
	long feedback_within;	/* days a household may wait to be told */
	int feedback_working;	/* ... counted in working days (lib/calendar.h) */
	unsigned kinds;		/* DEADLINE_* mask; 0 is all */
	const char *owner;	/* only this owner's items (NULL: all) */
	const char *village;	/* only this village's (NULL: all) */
	int summary;		/* visits and meetings missing: one row per village */
	int by_owner;		/* order by owner first (one section each) */
	int by_kind;		/* order by kind first (one section each) */
};

/* One item, as written: days_overdue is negative for days left. */
struct deadline_item {
	unsigned kind;
	char *id, *title, *household_id, *village, *village_group, *owner;
	char due_date[11];
	long days_overdue;
	char *urgency;		/* NULL for visits and meetings */
	long count;		/* summary rows: how many */
};

struct deadline_list {
	struct deadline_item *items;
	size_t len, cap;
};

/*
 * Find every item due as options say, ordered most urgent first, then
 * most days overdue (owner first with by_owner, kind first with
 * by_kind).  Reads only: nothing
 * is written.  Returns 0 with list filled (the caller frees it with
 * deadline_list_free), or -1 with err set.
 */
int deadline_check(struct store *s, const struct deadline_options *options,
    struct deadline_list *list, struct error *err);

/*
 * Order list as deadline_check() does under o: by owner first with
 * by_owner, by kind first with by_kind, then most urgent, most days
 * overdue.
 */
void deadline_list_sort(struct deadline_list *list,
    const struct deadline_options *o);

void deadline_list_free(struct deadline_list *list);

enum { DEADLINE_NCOLUMNS = 10 };
extern const struct column deadline_columns[DEADLINE_NCOLUMNS];
extern const struct column deadline_summary_columns[DEADLINE_NCOLUMNS];

/* The label of kind (one DEADLINE_* bit) in the user's language; "" if none. */
const char *deadline_kind_label(unsigned kind);

/*
 * The columns of a table of kind's items alone, into out: those of
 * deadline_write() (summary or not), the id and title headed by what
 * they hold for that kind (a missed visit's milestone and head, a
 * loan and what is due, ...), not an issue's id and title.
 */
void deadline_kind_columns(unsigned kind, int summary,
    struct column out[DEADLINE_NCOLUMNS]);

/*
 * Write item to w in deadline_columns, or deadline_summary_columns when
 * summary (labels: words for people).
 */
int deadline_write(const struct deadline_item *item, struct writer *w,
    int labels, int summary, struct error *err);

struct report_heading;

/*
 * The heading of a page, workbook or Markdown list of the items o
 * selects from s (report_heading_listing()): the township and "due and
 * overdue", the village, the owner, the kinds and the days ahead in
 * words, the date and the count, given to the writers opened after it.
 * report_heading_end() ends and frees it.  NULL with err set.
 */
struct report_heading *deadline_heading(struct store *s,
    const struct deadline_options *o, struct error *err);

/*
 * Append an item to list (strings copied; NULL stays NULL).  For the
 * modules that find items of their own (visit coverage).  Returns 0, or
 * -1 when memory runs out.
 */
int deadline_list_add(struct deadline_list *list, unsigned kind,
    const char *id, const char *title, const char *household_id,
    const char *village, const char *village_group, const char *owner,
    const char *due_date, long days_overdue, const char *urgency, long count);

#endif
