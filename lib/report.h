/* report.h -- report-gen's readings of the store: the summary and the ledgers */
#ifndef RENKE_REPORT_H
#define RENKE_REPORT_H

#include <stdio.h>

#include "buf.h"
#include "error.h"
#include "output.h"
#include "store.h"

/* Filters; NULL (or 0) lets everything through. */
struct report_filter {
	const char *village, *group, *owner, *status, *category, *kind;
	const char *household, *reporter;	/* a household's number; who reported */
	const char *since, *until;	/* ISO dates, inclusive */
	const char *due_since, *due_until;	/* issues due: ISO dates, inclusive */
	const char *today;		/* ISO: the day it is */
	int reveal;			/* show ID and phone numbers unmasked */
	/* household-list's: a person's name, ID number, phone; a cadre */
	const char *name, *id_number, *phone, *cadre;
};

/* ---- the stores of a roll-up ---- */

/* A store that could not be read, with why (err names it): the roll-up goes on without it. */
typedef void report_skip_fn(void *context, const char *path,
    const struct error *why);

/*
 * The stores a report reads, one per township, by path; each is opened
 * when its turn comes and closed before the next, so that memory does
 * not grow with their number (only their paths are kept).  A zeroed
 * struct with command and who set (kept, not copied) is an empty list.
 */
struct report_source {
	char **paths;
	size_t n, cap;
	unsigned char *skipped;	/* per path: could not be read, said once */
	size_t nskipped;
	const char *command, *who;	/* for store_open() */
	report_skip_fn *skip;	/* told of each store left out (may be NULL) */
	void *context;
};

/*
 * Add path: a store, or a directory whose stores (files named *.db, not
 * hidden) come in by name.  0, or -1 with err set (EXIT_NOINPUT for a
 * directory that cannot be read or holds no store).
 */
int report_source_add(struct report_source *src, const char *path,
    struct error *err);

/*
 * Add the stores fp names (name, for messages), one path (or directory)
 * a line; blank lines and lines starting with # are skipped, blanks
 * around a path dropped.  0, or -1 with err set (EXIT_NOINPUT when it
 * names none).
 */
int report_source_list(struct report_source *src, FILE *fp, const char *name,
    struct error *err);

/*
 * Open store i read-only.  Returns it (the caller closes it), or NULL:
 * with err set when the report cannot go on (the only store, or memory
 * ran out), else with err untouched when the store is left out: it is
 * then marked skipped and src->skip told, once.
 */
struct store *report_source_open(struct report_source *src, size_t i,
    struct error *err);

/* Leave store i out (why says why), telling src->skip unless it is out already. */
void report_source_skip(struct report_source *src, size_t i,
    const struct error *why);

void report_source_free(struct report_source *src);

/* ---- the summary (总结): per village, and overall ---- */

enum { REPORT_NCATEGORIES = 6 };	/* household categories, vocab.c order */
enum { REPORT_NISSUE_CATEGORIES = 10 };	/* issue categories, vocab.c order */
enum { REPORT_NSTATUSES = 7 };		/* issue statuses, vocab.c order */
enum { REPORT_NAGES = 5 };
enum { REPORT_NMEETING_KINDS = 4 };	/* meeting kinds, vocab.c order */		/* open issues: 0-7, 8-15, 16-30, 31-60, >60 days */

struct report_coverage {
	long due, visited;		/* households due, and covered */
	long late;			/* of the rest, visited after the due date */
	long pending;			/* of the rest, those of a milestone not yet due */
};

/*
 * How many issues took each number of days from opening to resolution:
 * the exact histogram, so that medians combine from the parts, never as
 * a mean of medians.  A zeroed struct is empty.
 */
struct report_days {
	long first;		/* the days of count[0] */
	long *count;		/* count[k]: issues resolved in first + k days */
	size_t n;
	long total;
};

/* Count number more issues resolved in days; 0, or -1 when memory runs out. */
int report_days_add(struct report_days *d, long days, long number);

/* Add every count of from into into; 0, or -1 when memory runs out. */
int report_days_merge(struct report_days *into, const struct report_days *from);

/* The median (the mean of the middle two when even), or -1 when empty. */
double report_days_median(const struct report_days *d);

/* The histogram as text "days:count ..." by days ("" when empty) into out; 0 or -1. */
int report_days_text(const struct report_days *d, struct buf *out);

/* Read report_days_text()'s form into d (emptied first); 0, or -1 when it is not. */
int report_days_parse(struct report_days *d, const char *text);

void report_days_free(struct report_days *d);

enum { REPORT_NMONITOR_TYPES = 3 };	/* monitor types, vocab.c order */
enum { REPORT_NMONITOR_RISKS = 8 };	/* monitor risks, vocab.c order */

/*
 * A village's monitoring cases (防返贫监测) whose clue came in the
 * period: by type, monitor type and risk; how far they went (the
 * funnel: clue -> checked at home -> posted -> decided); how they
 * ended; those open and late on the day; the days from clue to the
 * county's decision, exactly.  Unfollowed counts the households whose
 * suggestion of monitoring has waited past the county's limit on the
 * day (漏评), whatever the period.  A zeroed struct is empty.
 */
struct report_cases {
	long opened, inclusion, elimination;
	long monitor_type[REPORT_NMONITOR_TYPES];
	long risk[REPORT_NMONITOR_RISKS];
	long checked, posted, decided;
	long included, eliminated, rejected, not_eligible;
	long open, late, unfollowed;
	struct report_days days;	/* clue to decision, per case decided */
};

struct report_village {
	char *township;			/* the store's township */
	char *village;			/* "*": every village of the township */
	long households, members;
	long category[REPORT_NCATEGORIES];
	struct report_coverage *coverage;	/* one per milestone (report_summary.milestones) */
	long opened, repeated, resolved, fed_back, closed, overdue, extensions;
	struct report_days days;	/* opening to resolution, per issue resolved */
	double median_days;		/* their median; < 0: none resolved */
	long meetings_held, meetings_required;
	long kind_required[REPORT_NMEETING_KINDS];	/* the same per meeting kind */
	long kind_held[REPORT_NMEETING_KINDS];
	long kind_late[REPORT_NMEETING_KINDS];	/* not held by the due
					   date, but held after it */
	long kind_pending[REPORT_NMEETING_KINDS];	/* asked for by a milestone
					   not yet due and not held by today:
					   not among the required */
	long kind_suggestions[REPORT_NMEETING_KINDS];	/* issues raised at the
					   meetings of the kind held in the period */
	long kind_answered[REPORT_NMEETING_KINDS];	/* of them answered (resolved
					   or fed back, not open again) by today */
	/* the ledger's own metrics (the scorecard's): */
	long due, on_time;		/* issues whose original deadline fell in the
					   period (up to today), and of them resolved by it */
	long reached, pleased;		/* callbacks that reached the household (the
					   latest of each issue), and of them (basically) satisfied */
	long disputes, settled;		/* disputes registered, and of them mediated
					   and found stable at their revisit */
	long misconduct, misconduct_closed;	/* misconduct matters referred
					   (misconduct-step), and of them closed */
	/* assistance placed in the period (action 3, REPORT_PLACED_SQL): */
	long posts_placed, jobs_placed, land_placed, loans_approved;
	/* care coverage (action 4) as of today: the care-coverage milestones
	   with people due in the village, those done and done late, and
	   those not yet due (pending: no required item yet;
	   report_coverage_item()); the people due, and of them cared for */
	long care_required, care_done, care_late, care_due, care_visited;
	long care_pending;
	long survey_n;			/* answers in the rate (0: no saved round) */
	long survey_yes;		/* of them satisfied or basically satisfied */
	long policy_n, policy_aware;	/* the policy question's answers, and of
					   them aware (知晓, 基本知晓): action 5 */
	double rate, ci_low, ci_high;
	char *vote;			/* "adopted", "not_adopted", "not_valid", or NULL */
	/* village rules (村规民约, rule-step) by today: */
	long rules_in_force;		/* villages whose own rule set is in force */
	long rules_households;		/* the households of those villages */
	long rules_delivered;		/* of them, those it was delivered to */
	/* models (action 8) in the year up to today, or --since to --until: */
	long honours;			/* selections made (honour-add) */
	long boards_posted;		/* board entries posted (board-step) */
	long rules_required;		/* rule-delivery milestones due (one a village) */
	long rules_done;		/* of them met: in force and delivered to
					   every household by the due date */
	long rules_late;		/* of the rest, met by today */
	long rules_pending;		/* milestones not yet due and not met:
					   not among the required */
	struct report_cases cases;	/* monitoring cases */
	/* for the charts */
	long by_category_status[REPORT_NISSUE_CATEGORIES][REPORT_NSTATUSES];
	long open_by_age[REPORT_NAGES];
};

struct report_milestone {
	char *township, *milestone_id, *title, *due_date;
};

struct report_summary {
	char *title_township;		/* the township, or the county's list of them */
	char *survey_round;		/* the latest saved round, or NULL */
	char today[11];
	const char *since, *until;	/* the issues' period (the filter's; NULL:
					   open), borrowed: report_counts_sentence() */
	struct report_milestone *milestones;
	size_t nmilestones;
	struct report_village *villages;	/* each township's villages, then its "*" row */
	size_t nvillages;
	int county;			/* several stores: the last row is the county's total */
};

/* Each row of a summary as it comes: 0, or -1 with err set to stop. */
typedef int report_row_fn(void *context, const struct report_summary *sum,
    const struct report_village *row, struct error *err);

/*
 * Begin the summary of src's stores (one per township) as filter says
 * (village, since, until): out gets the milestones of every store (the
 * coverage columns), today and whether it is a county's.  Returns 0
 * (free out with report_summary_free), or -1 with err set.
 */
int report_summary_start(struct report_source *src,
    const struct report_filter *filter, struct report_summary *out,
    struct error *err);

/*
 * Hand fn each row of the summary begun by report_summary_start(): each
 * store's villages and then its total (village "*"), and at the end the
 * county's total (township "*") when there are several stores.  One
 * store is open at a time and its rows are freed once handed on; a
 * store that cannot be read is left out (src->skip is told).  The
 * county's total is its townships' added up: counts, sums, the days
 * histograms and the survey's answers, so that it is exact.  0, or -1
 * with err set.
 */
int report_summary_rows(struct report_source *src,
    const struct report_filter *filter, struct report_summary *sum,
    report_row_fn *fn, void *context, struct error *err);

/*
 * The same from roll-ups that report-gen wrote as JSON (-f json of a
 * summary with a township column): files[0..n), "-" standard input.
 * Each file's villages and townships' totals come as they are (their
 * rates and medians worked out again from their parts), its own total
 * is left out, and the last row is the total of every township.  The
 * milestones are those of the files' coverage_due_* keys, in the order
 * they first come.  0, or -1 with err set (EXIT_NOINPUT for a file that
 * cannot be opened, EXIT_DATAERR for one that is no roll-up, naming it).
 */
int report_rollup_start(const char *const *files, size_t n,
    struct report_summary *out, struct error *err);
int report_rollup_rows(const char *const *files, size_t n,
    struct report_summary *sum, report_row_fn *fn, void *context,
    struct error *err);

/* A report_row_fn keeping a copy of each row in sum->villages (context: sum), for the page. */
int report_summary_keep(void *context, const struct report_summary *from,
    const struct report_village *row, struct error *err);

void report_summary_free(struct report_summary *summary);

/*
 * Write the summary's rows as they come (table, csv, json, jsonl,
 * markdown, xlsx): one per village and total, columns township (when
 * county), village, households, the categories, one coverage column per
 * milestone, the issue counts, median days, extensions, meetings,
 * recognition, vote; in csv, json and jsonl then the parts the totals
 * are made of (recognition_yes, coverage_due_* and coverage_visited_*
 * per milestone, days_to_resolve), so that roll-ups combine exactly.
 * report_summary_out_row() is a report_row_fn (context: the writer).
 */
struct report_summary_out;
struct report_summary_out *report_summary_out_open(
    const struct report_summary *sum, enum output_format format,
    unsigned flags, int labels, FILE *fp, struct error *err);
int report_summary_out_row(void *context, const struct report_summary *sum,
    const struct report_village *row, struct error *err);
/*
 * For a terminal width columns wide (0: not a terminal, written as for
 * a file): o's table (the table format alone) is laid out to fit
 * (writer_fit(): its rows named by township and village), and starts
 * with the summary's title (townships and day), a line saying whether
 * its counts are cumulative to the day or, with since or until (NULL:
 * open), the issues of that period, and the survey round, each wrapped
 * to the width.  Call before the first row.
 */
void report_summary_out_terminal(struct report_summary_out *o, size_t width);

/*
 * What the counts of sum count, a sentence in the user's language for
 * every page and sheet of the summary: cumulative from the start of the
 * campaign to its day, or, with a period (sum->since, sum->until), the
 * issues opened in it (for on-time closure those due in it), up to the
 * day at the latest, and the other counts cumulative.  Into out (size
 * bytes); returns out.
 */
char *report_counts_sentence(const struct report_summary *sum, char *out,
    size_t size);
/* Finish and free o: 0, or -1 with err set (NULL is a no-op). */
int report_summary_out_close(struct report_summary_out *o, struct error *err);

/*
 * Write the summary as one self-contained HTML page (inline CSS and
 * SVG, no script, nothing fetched), for A4 print, with the charts:
 * coverage per village against each milestone, issues by status per
 * category, recognition per village with its interval, open issues by
 * age.  Labels in the user's language.  Returns 0, or -1 with err set.
 */
int report_summary_html(const struct report_summary *summary, FILE *fp,
    struct error *err);

/*
 * Write the summary as a workbook (lib/xlsx_out.h) of a sheet per table
 * of the page (households and visit coverage; issues, meetings and
 * recognition; issues by status per category; open issues by age),
 * each with its chart as a native chart reading the sheet's cells, so
 * that the county can edit it.  Headings and labels under flags
 * (OUTPUT_LABELS).  Returns 0, or -1 with err set.
 */
int report_summary_xlsx(const struct report_summary *summary, unsigned flags,
    FILE *fp, struct error *err);

/* ---- the scorecard (八个一推进情况) ---- */

/*
 * Write the scorecard of src's stores, or with src NULL of the roll-ups
 * files[0..nfiles) (report_rollup_start(): a city of counties, exactly
 * as from their stores): one row per village, then each
 * township's and (several stores) the county's, with a column group per
 * action: 1 visit milestones due and done, coverage; 2 representatives'
 * meetings due and held; 3 on-time closure and callback satisfaction;
 * 4 disputes settled; 5 briefings due and held; 6 courtyard meetings of
 * the groups due and held; 7 the vote on the village rules; 8 the
 * selections made and board entries posted (counts: the office sets no
 * required item for them); recognition with its interval; then the
 * required items (the milestones the office set), those done by their
 * due dates, those done only after them (late: a visit milestone whose
 * households due were all visited, some late; a meeting held after the
 * milestone's date; rules met by today), the completion rate and the
 * village's rank.  Nothing required is "—" (no value for machines),
 * never 100%.  A visit or care-coverage milestone due after today and
 * not done is pending (visits_pending, care_pending, pending), not
 * required.  Under FORMAT_HTML one A4 landscape page whose cells of
 * required items are a heat-map: green done, amber late, red missing,
 * light blue nothing required but some pending.  A village with fewer than min_n
 * survey answers is ranked after the others and marked few_answers.
 * Returns the rows written, or -1 with err set.
 */
long report_scorecard(struct report_source *src, const char *const *files,
    size_t nfiles, const struct report_filter *f, long min_n, int labels,
    enum output_format format, unsigned flags, FILE *fp, struct error *err);

/* ---- monitoring cases (防返贫监测) ---- */

enum report_cases_view {
	REPORT_CASES_OPEN,	/* the open cases */
	REPORT_CASES_VILLAGES,	/* per village, township and county */
	REPORT_CASES_POSTING,	/* the public posting list (公示名单) */
};

/*
 * Write view of the monitoring cases of src's stores (a township column
 * first when several), filtered by village, group (not for the
 * villages view), and the clue's day (since, until; not for the
 * posting), on f->today:
 *
 * open: each open case, by village, group and household: its type,
 * monitor type and risks, clue, the step reached and the days at it,
 * the days since the clue, the next step, the county's deadline and
 * whether it is late (past it), and the cadre who answers for it.
 *
 * villages: the counts of struct report_cases per village, then each
 * township's total and (several stores) the county's, with the median
 * days from clue to decision.
 *
 * posting: the cases the village review passed and the township has
 * not yet reviewed (to be posted, or posted), by village and group:
 * the head's name, group, type, monitor type and risks, and the days
 * of the posting when it has begun.  Never an ID number, phone, the
 * household's number or a case's free text (the rules of public
 * posting forbid personal, bank and health details).  Under
 * FORMAT_HTML printable A4 pages, one per village and posting.
 *
 * Returns the rows written, or -1 with err set.
 */
long report_cases(struct report_source *src, enum report_cases_view view,
    const struct report_filter *f, int labels, enum output_format format,
    unsigned flags, FILE *fp, struct error *err);

/* ---- the honour and exposure boards (光荣榜 / 曝光台) ---- */

/*
 * Write what the boards of src's villages show on f->today (board-step:
 * the entries posted whose period holds the day), by village, honour
 * board first, filtered by village and group (a township column first
 * when several stores): the board, the group, the name (the person
 * selected, else the head of the household), what is posted (an
 * honour's title, or the honour_kind of a selection), an exposure's
 * reason and the period.  Never an ID number, phone or household
 * number: the boards are public.  Under FORMAT_HTML one printable A4
 * sheet a village.  Returns the rows written, or -1 with err set.
 */
long report_board(struct report_source *src, const struct report_filter *f,
    int labels, enum output_format format, unsigned flags, FILE *fp,
    struct error *err);

/* ---- assistance to people (帮扶): per village, returnees, care ---- */

enum report_assistance_view {
	REPORT_ASSISTANCE,	/* the figures per village, township and county */
	REPORT_RETURNEES,	/* the returnees (回引人才, 乡贤), one a row */
	REPORT_CARE,		/* the people tagged for care (人文关怀) */
};

/*
 * Write view of src's stores (a township column first when several) on
 * f->today:
 *
 * assistance: per village (f->village alone, if given), then each
 * township's total (village "*") and, for several stores, the county's
 * (township "*" too), sums of the villages' counts: the public-welfare
 * posts held on the day, by the labour of their holders, and their
 * monthly pay; the loans whose wish was recorded by the day, by stage,
 * and the amount approved; the returnees by the status of their latest
 * contact by the day; the people tagged (a person once), by tag.
 *
 * returnees: each returnee as their latest contact by the day leaves
 * them, by village, those not yet settled first, the longest
 * uncontacted first: kind, where they work, skills, intention, status,
 * the one cadre, contacts so far, the latest's day, way and words, and
 * the days since (f->village).
 *
 * care: each person tagged (孤寡老人, 留守儿童, 贫困学生, 残疾人; f->kind,
 * a member_tag code, for one tag), by village, group and household:
 * sex, age on the day, tags, labour, schooling, health and the cadre
 * who answers for the household (f->village, f->group).
 *
 * ID numbers and phones are masked unless f->reveal, which each store's
 * audit log records before anything is shown.  Returns the rows
 * written, or -1 with err set.
 */
long report_assistance(struct report_source *src,
    enum report_assistance_view view, const struct report_filter *f,
    int labels, enum output_format format, unsigned flags, FILE *fp,
    struct error *err);

/* ---- the ledgers ---- */

enum report_ledger { REPORT_ISSUES, REPORT_VISITS, REPORT_HOUSEHOLDS,
	REPORT_MEETINGS };

/*
 * Write ledger of every store of src (one open at a time; one that
 * cannot be opened is left out) to fp (a township column first when
 * county), filtered, with a total row (township "*") when county.
 * Returns the rows written, or -1 with err set.
 */
long report_ledger(struct report_source *src, enum report_ledger ledger,
    const struct report_filter *filter, int labels, int county,
    enum output_format format, unsigned flags, FILE *fp, struct error *err);

/*
 * The audit trail of issue id, oldest first, times local for people
 * (labels); rows written, or -1 with err set (exit 65 when the log has
 * nothing of it).
 */
long report_history(struct store *s, const char *id, int labels,
    enum output_format format, unsigned flags, FILE *fp, struct error *err);

/*
 * The history of the household numbered number, oldest first (by the day
 * each thing happened, then the time it was written): its registration
 * and changes, its visits with what they found, its issues (the
 * suggestions of meetings among them) and their moves, its survey
 * answers.  ISO times (UTC) for machines; local times, labels and the
 * user's words for people (labels).  Personal numbers masked unless
 * reveal (audited).  Returns the rows written, 0 when there is no such
 * household (nothing written), or -1 with err set.
 */
long report_household_history(struct store *s, const char *number, int labels,
    int reveal, enum output_format format, unsigned flags, FILE *fp,
    struct error *err);

/*
 * The history of monitoring case id, from the audit log, oldest first:
 * its clue and every step, each on the day it was done with who
 * recorded it and when (the step's own signer and result in its
 * value), then the issues and the assistance measures that point to it
 * (issue-add --case, support-log --case) with their moves.  Columns,
 * times and masking as report_household_history().  Returns the rows
 * written, or -1 with err set (EXIT_DATAERR when there is no such
 * case).
 */
long report_case_history(struct store *s, long long id, int labels,
    int reveal, enum output_format format, unsigned flags, FILE *fp,
    struct error *err);

/*
 * Every change of the audit log written on the local days f->since to
 * f->until (both default to f->today; since alone runs to now) by who
 * (NULL: anyone), grouped by record, records in the order of their
 * first change; a change's reason as its why.  Columns and masking as
 * report_household_history().  Returns the rows written, or -1 with err
 * set.
 */
long report_changes(struct store *s, const struct report_filter *f,
    const char *who, int labels, enum output_format format, unsigned flags,
    FILE *fp, struct error *err);

/*
 * Recognition by village and question across every saved survey round
 * of every store; rows written or -1.
 */
long report_survey(struct report_source *src,
    const struct report_filter *filter, int labels,
    int county, enum output_format format, unsigned flags, FILE *fp,
    struct error *err);

/* The store's township: meta "township", else its file name without .db (caller frees). */
char *report_township(struct store *s);

struct household_filter;
struct report_heading;

/*
 * The heading of a page or workbook of the households of s under f
 * (household.h) on today, given to the writers opened after it
 * (output_heading()): the township, the household ledger, the place, the
 * other filters in words (ID and phone numbers masked unless reveal),
 * the date and the count.  NULL with err set; report_heading_end() ends
 * and frees it.
 */
struct report_heading *report_heading_households(struct store *s,
    const struct household_filter *f, const char *today, int reveal,
    struct error *err);

/*
 * The heading of a page or workbook listing title (in the user's
 * language: "到期与逾期事项") from s, given to the writers opened after it as
 * report_heading_households()'s: the township of s and title, the
 * village and group (NULL: all), filters in words (as
 * report_filter_words() joins them; NULL or "": none), the day today as
 * printed, and the count in count_one and count_many (msgids taking a
 * %ld; NULL: no count).  NULL with err set.
 */
struct report_heading *report_heading_listing(struct store *s,
    const char *title, const char *village, const char *group,
    const char *filters, const char *today, const char *count_one,
    const char *count_many, struct error *err);

/*
 * The heading of a page or workbook of report title (in the user's
 * language) over the stores of src under f, given to the writers opened
 * after it as report_heading_listing()'s: the townships of the stores
 * (one that cannot be read left out, as the report leaves it) and
 * title, the village and group, the other filters in words (f's kind a
 * code of kind_domain, NULL: issue_kind), the date f->today and the
 * count in count_one and count_many (NULL: none).  NULL with err set;
 * report_heading_end() ends and frees it.
 */
struct report_heading *report_heading_report(struct report_source *src,
    const char *title, const struct report_filter *f, const char *kind_domain,
    const char *count_one, const char *count_many, struct error *err);

/*
 * "label: value" after what b holds, "; " between them, the label a
 * msgid said in the user's language; nothing when value is NULL.  0, or
 * -1 when memory runs out.
 */
int report_filter_words(struct buf *b, const char *label, const char *value);

/* No writer opened after this takes rh's heading; rh freed (NULL: nothing). */
void report_heading_end(struct report_heading *rh);

#endif
