/* report_parts.h -- what the parts of report-gen's readings share; not for commands */
#ifndef RENKE_REPORT_PARTS_H
#define RENKE_REPORT_PARTS_H

#include <stddef.h>

#include "buf.h"
#include "output.h"
#include "issue.h"
#include "misconduct.h"
#include "report.h"
#include "rule.h"

/*
 * A copy of cols[0..n) with a township column in front, for a county's
 * report (a township's own report skips it).  Newly allocated (caller
 * frees), or NULL when memory runs out.
 */
struct column *report_with_township(const struct column *cols, size_t n);

/*
 * That what (the report and what it asked for) was shown with the
 * fields of record unmasked (--reveal), into s's audit log, in a
 * transaction of its own: 0, or -1 with err set.
 */
int report_audit_reveal(struct store *s, const char *record,
    const char *fields, const char *what, struct error *err);

/* The vote's outcome code in the user's words when labels, else as it is (NULL stays NULL). */
const char *report_vote_text(const char *vote, int labels);

/*
 * The last day a summary or scorecard counts (?3 until, ?4 today): the
 * period's end, and never after today, so that what was recorded for a
 * later day (an issue opened, a callback made) counts neither way, as
 * coverage judges visits (coverage.h).
 */
#define REPORT_UNTIL_SQL "min(coalesce(?3, ?4), ?4)"

/*
 * Per issue of a village (?2 since, ?3 until, ?4 today): whether its
 * original deadline fell in the period (up to today), whether it was
 * resolved by that deadline and is not open again, the rating of its
 * latest callback, whether it is a dispute registered in the period,
 * whether that dispute was mediated and found stable at its latest
 * revisit and is not open again; the village id last.  A withdrawn
 * issue counts nowhere, a misconduct matter (misconduct.h) not here.  An issue
 * extended and resolved after its first deadline is late; one reopened
 * by a dissatisfied household is not resolved.  An issue has one
 * callback a day (UNIQUE (issue_id, called_on)), so the latest is found
 * by that index alone, without a sort per issue; the revisits are
 * looked at (a CASE: AND evaluates both sides) only for a settled dispute.
 */
#define REPORT_DUE_SQL \
	"((?2 IS NULL OR i.scorecard_original_due >= ?2) AND " \
	"i.scorecard_original_due <= " REPORT_UNTIL_SQL ")"
#define REPORT_DISPUTE_SQL \
	"(i.kind = 'dispute' AND (?2 IS NULL OR i.opened_on >= ?2) AND " \
	"i.opened_on <= " REPORT_UNTIL_SQL ")"
#define REPORT_METRICS_SQL \
	"SELECT " REPORT_DUE_SQL ", " REPORT_DUE_SQL " AND i.resolved_on IS NOT " \
	"NULL AND i.resolved_on <= i.scorecard_original_due AND NOT " \
	ISSUE_OPEN_SQL("i.") ", (SELECT c.rating FROM scorecard_callback c " \
	"WHERE c.issue_id = i.id AND (?2 IS NULL OR c.called_on >= ?2) AND " \
	"c.called_on <= " REPORT_UNTIL_SQL " ORDER BY c.called_on DESC LIMIT 1), " \
	REPORT_DISPUTE_SQL ", CASE WHEN " REPORT_DISPUTE_SQL " AND " \
	"i.mediation_outcome = 'success' AND NOT " ISSUE_OPEN_SQL("i.") " THEN " \
	"(SELECT r.finding FROM revisit r WHERE r.issue_id = i.id ORDER BY " \
	"r.visited_on DESC, r.id DESC LIMIT 1) IS 'stable' ELSE 0 END, " \
	"i.village_id " \
	"FROM issue i WHERE i.village_id IS NOT NULL AND i.kind <> 'misconduct' " \
	"AND " ISSUE_COUNTED_SQL("i.")

/*
 * Per village, for each of them: whether its own rule set (not a
 * group's) was in force by today (?4), and the households of the village
 * it was delivered to by today (rule.h); the village id last.
 */
#define REPORT_RULES_SQL \
	"SELECT EXISTS (SELECT 1 FROM rule_set r WHERE r.village_id = v.id AND " \
	"r.group_id IS NULL AND " RULE_IN_FORCE_SQL("r.") " AND " \
	"r.in_force_on <= ?4), (SELECT count(DISTINCT d.household_id) FROM " \
	"rule_step d JOIN rule_set r ON r.id = d.rule_id JOIN household h ON " \
	"h.household_id = d.household_id AND h.village_id = v.id WHERE " \
	"r.village_id = v.id AND r.group_id IS NULL AND " \
	RULE_IN_FORCE_SQL("r.") " AND d.step = 'deliver' AND " \
	"d.done_on <= ?4), v.id FROM village v"

/*
 * Action 4's misconduct matters of a village (misconduct.h; ?2 since,
 * ?3 until, ?4 today): those referred from --since to --until and
 * today, and of them those closed (their result recorded) by then; the
 * village id last.  A withdrawn matter counts nowhere.
 */
#define REPORT_MISCONDUCT_SQL \
	"SELECT count(*), coalesce(sum(" \
	MISCONDUCT_CLOSED_SQL("m.", REPORT_UNTIL_SQL) "), 0), " \
	"i.village_id FROM misconduct m JOIN issue i ON i.id = m.issue_id " \
	"WHERE i.village_id IS NOT NULL AND " ISSUE_COUNTED_SQL("i.") " AND " \
	"(?2 IS NULL OR m.referred_on >= ?2) AND " \
	"m.referred_on <= " REPORT_UNTIL_SQL " GROUP BY i.village_id"

/*
 * Actions 2 and 6: the suggestions raised at a village's
 * representatives' and courtyard meetings (the issues naming the
 * meeting, withdrawn ones aside) held from --since (?2) to --until (?3)
 * and today (?4), and of them those answered by today: resolved or fed
 * back to whoever raised them on or before it, and not open again since
 * (reopened, or worked on again after a reopening).  Closed unresolved
 * with a promise is no answer.  The meeting's kind, the count, the
 * answered, the village id last.
 */
#define REPORT_SUGGESTION_ANSWERED_SQL(t) \
	"(NOT " ISSUE_OPEN_SQL(t) " AND (" t "resolved_on <= ?4 OR " \
	t "feedback_on <= ?4))"
#define REPORT_SUGGESTIONS_SQL \
	"SELECT x.kind, count(*), count(CASE WHEN " \
	REPORT_SUGGESTION_ANSWERED_SQL("i.") " THEN 1 END), x.village_id " \
	"FROM issue i JOIN meeting x ON x.id = i.meeting_id " \
	"WHERE (x.kind = 'representatives' OR x.kind = 'courtyard') AND " \
	ISSUE_COUNTED_SQL("i.") " AND (?2 IS NULL OR x.held_on >= ?2) " \
	"AND x.held_on <= min(coalesce(?3, ?4), ?4) GROUP BY x.village_id, x.kind"

/*
 * The assistance report-gen assistance and the scorecard's action 3
 * count: each assistance record s (support-log) of a person m, in the
 * village of the household h they belong to now.  A post, a park job
 * or a land transfer is in force on day from its first day to its last
 * (none: still).  A loan is dated by the day its wish was recorded; its
 * stage on day is the one it had reached by then: its decision
 * (approved, refused, withdrawn) from the day of it, before that sent
 * from the day its papers were sent, else a wish.  A decision recorded
 * before its day was kept (decided_on NULL) counts from the wish, as
 * it did then.
 */
#define REPORT_SUPPORT_FROM \
	"FROM support s JOIN member m ON m.id_number = s.id_number " \
	"JOIN household h ON h.household_id = m.household_id "
#define REPORT_SUPPORT_IN_FORCE_SQL(day) \
	"(s.start_date <= " day " AND (s.end_date IS NULL OR s.end_date >= " \
	day "))"
#define REPORT_LOAN_STAGE_SQL(day) \
	"(CASE WHEN s.status IN ('approved', 'refused', 'withdrawn') AND " \
	"s.decided_on > " day " THEN (CASE WHEN s.sent_on <= " day " THEN " \
	"'sent' ELSE 'wish' END) WHEN s.status = 'sent' AND s.sent_on > " \
	day " THEN 'wish' ELSE s.status END)"
/* the day a loan was approved (the wish's when it was not kept), NULL for one not approved */
#define REPORT_LOAN_APPROVED_ON_SQL \
	"(CASE WHEN s.kind = 'loan' AND s.status = 'approved' THEN " \
	"coalesce(s.decided_on, s.start_date) END)"

/*
 * Action 3's assistance placed in a village (?2 since, ?3 until, ?4
 * today): the posts, park jobs and land transfers whose first day, and
 * the loans whose approval (REPORT_LOAN_APPROVED_ON_SQL), fall from
 * --since to --until and today; a person starting two park jobs is one
 * person placed, as report-gen assistance counts the people in a job.
 * The village id last.
 */
#define REPORT_PLACED_DAY_SQL \
	"(CASE WHEN s.kind = 'loan' THEN " REPORT_LOAN_APPROVED_ON_SQL \
	" ELSE s.start_date END)"
#define REPORT_PLACED_SQL \
	"SELECT count(CASE WHEN s.kind = 'post' THEN 1 END), " \
	"count(DISTINCT CASE WHEN s.kind = 'job' THEN s.id_number END), " \
	"count(CASE WHEN s.kind = 'land' THEN 1 END), " \
	"count(CASE WHEN s.kind = 'loan' THEN 1 END), " \
	"h.village_id " REPORT_SUPPORT_FROM "WHERE (?2 IS NULL OR " \
	REPORT_PLACED_DAY_SQL " >= ?2) AND " REPORT_PLACED_DAY_SQL \
	" <= min(coalesce(?3, ?4), ?4) GROUP BY h.village_id"

/*
 * Action 8 of a village (?2 since, ?3 until, ?4 today): the selections
 * made (honour-add) and the board entries posted (board-step) from
 * --since, else in the year up to today, to --until and today.
 */
#define REPORT_MODELS_PERIOD_SQL(day) \
	"(" day " <= " REPORT_UNTIL_SQL " AND (CASE WHEN ?2 " \
	"IS NULL THEN " day " > date(?4, '-1 year') ELSE " day " >= ?2 END))"
#define REPORT_MODELS_SQL \
	"SELECT (SELECT count(*) FROM honour o WHERE o.village_id = v.id AND " \
	REPORT_MODELS_PERIOD_SQL("o.selected_on") "), (SELECT count(*) FROM " \
	"board_entry e WHERE e.village_id = v.id AND e.posted_on IS NOT NULL " \
	"AND " REPORT_MODELS_PERIOD_SQL("e.posted_on") "), v.id FROM village v"

/*
 * One coverage milestone's item in a village where due units (households
 * or people) were due, visited of them covered by the due date, late
 * more only after it and pending more not yet due (coverage_item()):
 * one more pending when the milestone is not yet due and not done, else
 * one more required, done when every one was covered in time, late when
 * the rest were covered after it.
 */
void report_coverage_item(long due, long visited, long late, long pending,
    long *required, long *done, long *late_items, long *pending_items);

/*
 * A count of a summary row that only machine formats write, after
 * days_to_resolve, by its name there: a roll-up reads them back.
 */
struct report_part {
	const char *name;
	size_t offset;		/* of a long in struct report_village */
};

enum { REPORT_NPARTS = 40 };
/* the index of the first of the parts of items done late (one a meeting kind, then rules) */
enum { REPORT_PART_LATE = 14 };
/* the index of the first of the parts of suggestions: raised and answered, representatives' then courtyard */
enum { REPORT_PART_SUGGESTIONS = 21 };
extern const struct report_part report_summary_parts[REPORT_NPARTS];

/*
 * Each village against each rule-delivery milestone: whether its own
 * rule set was in force by the due date and delivered by then to every
 * household the village has (a step after today, ?4, not yet taken);
 * whether it was so by today; whether the milestone falls due after
 * today (not met by then, it is pending, not required); then the
 * village id.
 */
#define REPORT_RULE_MET_SQL(day) \
	"EXISTS (SELECT 1 FROM rule_set r WHERE r.village_id = v.id AND " \
	"r.group_id IS NULL AND " RULE_IN_FORCE_SQL("r.") " AND " \
	"r.in_force_on <= " day " AND (SELECT count(DISTINCT d.household_id) " \
	"FROM rule_step d JOIN household h ON h.household_id = d.household_id " \
	"AND h.village_id = v.id WHERE d.rule_id = r.id AND d.step = 'deliver' " \
	"AND d.done_on <= " day ") >= (SELECT count(*) FROM household h " \
	"WHERE h.village_id = v.id))"
#define REPORT_RULE_MILESTONE_SQL \
	"SELECT " REPORT_RULE_MET_SQL("min(m.due_date, ?4)") ", " \
	REPORT_RULE_MET_SQL("?4") ", m.due_date > ?4, v.id FROM milestone m " \
	"CROSS JOIN village v " \
	"WHERE m.kind = 'rule_delivery'"

/*
 * A writer opened when the first row is due: a report of several
 * stores opens it with the first store that opens, so that nothing is
 * written when the only store cannot be read.
 */
struct report_late_writer {
	FILE *fp;
	enum output_format format;
	unsigned flags;
	const struct column *columns;
	size_t ncolumns;
	struct writer *w;	/* NULL until opened */
};

/* lw's writer, opened if it is not yet; 0, or -1 with err set. */
int report_late_open(struct report_late_writer *lw, struct error *err);

/*
 * The heading of a ledger's HTML page (output_heading()): the
 * townships and the ledger's title, the village and group, the other
 * filters in words, the date as printed (2022年11月30日), and the count.
 */
struct report_heading {
	struct output_heading h;
	const char *listing;	/* what is listed, in the user's language */
	const char *lines[3];
	char place[512], filters[2048], date[128];
	struct buf townships, title;
};

/* rh for ledger which under the filters f: 0, or -1 with err set. */
int report_heading_start(struct report_heading *rh, enum report_ledger which,
    const struct report_filter *f, struct error *err);

/* One more township in rh's title, as the stores come: 0, or -1 with err set. */
int report_heading_township(struct report_heading *rh, const char *township,
    struct error *err);

/* Free what rh holds (not rh). */
void report_heading_free(struct report_heading *rh);

/* One store of a roll-up, open, and its township: 0, or -1 with err set to stop. */
typedef int report_store_fn(void *context, struct store *s,
    const char *township, struct error *err);

/*
 * Hand fn each store of src in turn, open (closed again after), with
 * its township; a store that cannot be opened is left out (src->skip
 * is told).  0, or -1 with err set (fn's failure, or the only store not
 * opening).
 */
int report_each_store(struct report_source *src, report_store_fn *fn,
    void *context, struct error *err);

/*
 * A summary's row of township and village, every count 0, with room for
 * nmilestones coverages.  0, or -1 when memory runs out (free it with
 * report_row_free() either way).
 */
int report_row_init(struct report_village *v, const char *township,
    const char *village, size_t nmilestones);

/* Free what v holds (not v). */
void report_row_free(struct report_village *v);

/* Add row from into total: every count and sum, the survey's answers, the days; 0 or -1. */
int report_row_add(struct report_village *total, const struct report_village *from,
    size_t nmilestones);

/* Work out v's median days and recognition (with its interval) from its parts. */
void report_row_finish(struct report_village *v);

/*
 * When row is a township's total (village "*"), its township after the
 * list in b ("A, B" as titles name them); other rows add nothing.  0, or
 * -1 when memory runs out.
 */
int report_township_add(struct buf *b, const struct report_village *row);

/*
 * Monitoring cases in a summary's rows (report_cases.c).  REPORT_CASES_SQL
 * gives one row per case whose clue came in the period (?2 since, ?3
 * until, ?4 today), its village id last; report_cases_count() counts
 * such a row into c (0, or -1 when memory runs out).  REPORT_UNFOLLOWED_SQL
 * gives per village (id last) the households whose suggestion of
 * monitoring waits past the county's limit on ?4, once the store has
 * cases; report_cases_unfollowed() counts its row into c.
 */
extern const char REPORT_CASES_SQL[], REPORT_UNFOLLOWED_SQL[];
int report_cases_count(struct report_cases *c, sqlite3_stmt *st);
void report_cases_unfollowed(struct report_cases *c, sqlite3_stmt *st);

/* Add from into total: every count and the days; 0, or -1 when memory runs out. */
int report_cases_add(struct report_cases *total, const struct report_cases *from);

/* Free what c holds (not c). */
void report_cases_free(struct report_cases *c);

/*
 * The public posting list (公示名单) as one HTML page (inline CSS,
 * nothing fetched) of A4 sheets, one per village and posting (the cases
 * posted together, or those not yet posted): its title, the
 * notice, the households in a numbered table (group, head, type,
 * monitor type, risks), the days of the posting (blanks to fill in
 * when it has not begun), the villagers' committee and the day.
 * report_posting_open() writes the page's head to fp: the page, or NULL
 * with err set.  report_posting_row() takes a row of the posting view
 * with the township first (risks already in words), villages' rows
 * together: 0, or -1 with err set.  report_posting_close() writes the
 * rest when err is not NULL, and frees p: 0, or -1 with err set (status
 * 0 and no text when the reader closed the pipe).  NULL is a no-op.
 */
struct report_posting;

/*
 * End an HTML page written to fp and flush it: 0; or -1 with err set,
 * EXIT_OK with an empty text when the reader closed the pipe (the end
 * of output, not a failure), else EXIT_IOERR.
 */
int report_html_end(FILE *fp, struct error *err);

/* Bind name to text (NULL: SQL NULL) when the statement st has it. */
void report_bind_named(sqlite3_stmt *st, const char *name, const char *text);
struct report_posting *report_posting_open(FILE *fp, const char *today,
    struct error *err);
int report_posting_row(struct report_posting *p, const char *const *v,
    struct error *err);
int report_posting_close(struct report_posting *p, struct error *err);

/*
 * The summary's columns after its coverage ones (report_rows.c): the
 * issue counts, median days, extensions, meetings, recognition (answers,
 * rate, low, high), the vote, then the ledger's own figures and the
 * monitoring cases' funnel.
 */
extern const struct column report_summary_tail[];

/* ---- what the summary's charts count (report_figures.c) ---- */

/* The open issues' age buckets, in order (untranslated: N_). */
extern const char *const report_age_names[REPORT_NAGES];

/*
 * The funnel of a row's monitoring cases, as the summary's columns name
 * it: the cases whose clue came in the period, and of them those checked
 * at home, posted and decided by the county (the furthest step each
 * reached).
 */
enum { REPORT_NFUNNEL = 4 };
extern const struct column report_funnel_columns[REPORT_NFUNNEL];

/* The funnel of row v into count[], in report_funnel_columns' order. */
void report_funnel_counts(const struct report_village *v,
    long count[REPORT_NFUNNEL]);

/* The label for people of the nth value of domain in vocab.c order ("?" past the end). */
const char *report_vocab_nth_label(const char *domain, size_t nth);

/* a + b for counts: negatives count as 0, the sum stops at LONG_MAX. */
long report_count_add(long a, long b);

/*
 * The issues by category and status, and the open ones by age, that
 * the charts show: of the county's total when there is one, else of the
 * townships' totals, else of every village.
 */
void report_status_counts(const struct report_summary *s,
    long count[REPORT_NISSUE_CATEGORIES][REPORT_NSTATUSES]);
void report_age_counts(const struct report_summary *s, long count[REPORT_NAGES]);

#endif
