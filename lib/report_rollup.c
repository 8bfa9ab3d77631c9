/* report_rollup.c -- counties' summaries read back from their JSON and combined into a city's, exactly */
#include <errno.h>
#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_parts.h"
#include "vocab.h"

/* The counts of a row, by their JSON keys (report_rows.c writes them). */
static const struct {
	const char *key;
	size_t offset;
} rollup_counts[] = {
	{ "households", offsetof(struct report_village, households) },
	{ "members", offsetof(struct report_village, members) },
	{ "issues_opened", offsetof(struct report_village, opened) },
	{ "issues_repeated", offsetof(struct report_village, repeated) },
	{ "issues_resolved", offsetof(struct report_village, resolved) },
	{ "issues_fed_back", offsetof(struct report_village, fed_back) },
	{ "issues_closed", offsetof(struct report_village, closed) },
	{ "issues_overdue", offsetof(struct report_village, overdue) },
	{ "extensions", offsetof(struct report_village, extensions) },
	{ "meetings_held", offsetof(struct report_village, meetings_held) },
	{ "meetings_required", offsetof(struct report_village, meetings_required) },
	{ "recognition_n", offsetof(struct report_village, survey_n) },
	{ "recognition_yes", offsetof(struct report_village, survey_yes) },
	{ "issues_due", offsetof(struct report_village, due) },
	{ "issues_on_time", offsetof(struct report_village, on_time) },
	{ "callbacks_reached", offsetof(struct report_village, reached) },
	{ "callbacks_satisfied", offsetof(struct report_village, pleased) },
	{ "disputes", offsetof(struct report_village, disputes) },
	{ "disputes_settled", offsetof(struct report_village, settled) },
	{ "cases_opened", offsetof(struct report_village, cases.opened) },
	{ "cases_checked", offsetof(struct report_village, cases.checked) },
	{ "cases_posted", offsetof(struct report_village, cases.posted) },
	{ "cases_decided", offsetof(struct report_village, cases.decided) },
	{ "rules_in_force", offsetof(struct report_village, rules_in_force) },
	{ "rules_households", offsetof(struct report_village, rules_households) },
	{ "rules_delivered", offsetof(struct report_village, rules_delivered) },
};

#define COVERAGE_DUE "coverage_due_"

/* File path as an array of row objects; NULL with err set. */
static json_t *
rollup_load(const char *path, struct error *err)
{
	json_error_t why;
	FILE *fp = fopen(path, "r");
	json_t *rows;

	if (fp == NULL)
		return error_set(err, EXIT_NOINPUT, _("%s: cannot open the roll-up: %s"),
		    path, strerror(errno)), NULL;
	rows = json_loadf(fp, JSON_REJECT_DUPLICATES, &why);
	fclose(fp);
	if (rows == NULL)
		return error_set(err, EXIT_DATAERR, _("%s: line %d: not a roll-up: %s"),
		    path, why.line, why.text), NULL;
	if (!json_is_array(rows)) {
		json_decref(rows);
		return error_set(err, EXIT_DATAERR, _("%s: not a roll-up: not a JSON "
		    "array of a summary's rows (report-gen summary -f json)"), path), NULL;
	}
	return rows;
}

/* The text of key in row, or NULL when it is missing, null or not text. */
static const char *
text_of(json_t *row, const char *key)
{
	return json_string_value(json_object_get(row, key));
}

/* The count of key in row into *out (missing or null: 0); 0, or -1 when it is no count. */
static int
count_of(json_t *row, const char *key, long *out)
{
	json_t *v = json_object_get(row, key);

	*out = 0;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
	    json_integer_value(v) > 1000000000000LL)
		return -1;
	*out = (long)json_integer_value(v);
	return 0;
}

/* Row k of path as a summary row in v; 0, or -1 with err set (EXIT_DATAERR). */
static int
rollup_row(const char *path, size_t k, json_t *row,
    const struct report_summary *sum, struct report_village *v,
    struct error *err)
{
	const char *township = text_of(row, "township"), *village = text_of(row, "village");
	const char *codes[REPORT_NCATEGORIES], *vote, *bad = NULL;
	char key[256];
	size_t ncodes = 0;

	if (!json_is_object(row) || township == NULL || village == NULL)
		return error_set(err, EXIT_DATAERR, _("%s: row %zu: not a roll-up: no "
		    "township and village (a county's report-gen summary -f json)"),
		    path, k + 1);
	if (report_row_init(v, township, village, sum->nmilestones) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	for (size_t i = 0; i < sizeof(rollup_counts) / sizeof(rollup_counts[0]); i++)
		if (count_of(row, rollup_counts[i].key, (long *)((char *)v +
		    rollup_counts[i].offset)) != 0)
			bad = rollup_counts[i].key;
	for (size_t i = 0; i < REPORT_NPARTS; i++)
		if (count_of(row, report_summary_parts[i].name, (long *)((char *)v +
		    report_summary_parts[i].offset)) != 0)
			bad = report_summary_parts[i].name;
	for (int i = 0; i < REPORT_NMEETING_KINDS; i++)
		if (v->kind_held[i] > v->kind_required[i])
			bad = report_summary_parts[2 * i + 1].name;
		else if (v->kind_held[i] + v->kind_late[i] > v->kind_required[i])
			bad = report_summary_parts[REPORT_PART_LATE + i].name;
	for (int i = 0; i < 2; i++)	/* representatives', courtyard */
		if (v->kind_answered[i] > v->kind_suggestions[i])
			bad = report_summary_parts[REPORT_PART_SUGGESTIONS + 2 * i +
			    1].name;
	if (v->policy_aware > v->policy_n)
		bad = "policy_aware";
	if (v->rules_done > v->rules_required)
		bad = "rules_done";
	else if (v->rules_done + v->rules_late > v->rules_required)
		bad = "rules_late";
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
		if (strcmp(e->domain, "category") == 0 && ncodes < REPORT_NCATEGORIES)
			codes[ncodes++] = e->code;
	for (size_t c = 0; c < ncodes; c++)
		if (count_of(row, codes[c], &v->category[c]) != 0)
			bad = codes[c];
	for (size_t m = 0; m < sum->nmilestones; m++) {
		snprintf(key, sizeof(key), COVERAGE_DUE "%s", sum->milestones[m].milestone_id);
		if (count_of(row, key, &v->coverage[m].due) != 0)
			bad = COVERAGE_DUE;
		snprintf(key, sizeof(key), "coverage_visited_%s",
		    sum->milestones[m].milestone_id);
		if (count_of(row, key, &v->coverage[m].visited) != 0 ||
		    v->coverage[m].visited > v->coverage[m].due)
			bad = "coverage_visited_";
		snprintf(key, sizeof(key), "coverage_late_%s",
		    sum->milestones[m].milestone_id);
		if (count_of(row, key, &v->coverage[m].late) != 0 ||
		    v->coverage[m].visited + v->coverage[m].late > v->coverage[m].due)
			bad = "coverage_late_";
		snprintf(key, sizeof(key), "coverage_pending_%s",
		    sum->milestones[m].milestone_id);
		if (count_of(row, key, &v->coverage[m].pending) != 0 ||
		    (v->coverage[m].pending > 0 && (v->coverage[m].late > 0 ||
		    v->coverage[m].visited + v->coverage[m].pending !=
		    v->coverage[m].due)))
			bad = "coverage_pending_";
	}
	if (v->survey_yes > v->survey_n)
		bad = "recognition_yes";
	if (v->on_time > v->due)
		bad = "issues_on_time";
	if (v->pleased > v->reached)
		bad = "callbacks_satisfied";
	if (v->settled > v->disputes)
		bad = "disputes_settled";
	if (v->rules_delivered > v->rules_households)
		bad = "rules_delivered";
	if (v->misconduct_closed > v->misconduct)
		bad = "misconduct_closed";
	if (v->care_done > v->care_required)
		bad = "care_done";
	else if (v->care_done + v->care_late > v->care_required)
		bad = "care_late";
	if (v->care_pending > 0 && v->care_due == 0)
		bad = "care_pending";
	if (v->care_visited > v->care_due)
		bad = "care_visited";
	if (report_days_parse(&v->days, text_of(row, "days_to_resolve")) != 0 ||
	    (json_object_get(row, "days_to_resolve") != NULL &&
	    !json_is_string(json_object_get(row, "days_to_resolve")) &&
	    !json_is_null(json_object_get(row, "days_to_resolve"))))
		bad = "days_to_resolve";
	if ((vote = text_of(row, "vote")) != NULL && (v->vote = strdup(vote)) == NULL)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	if (bad != NULL)
		return error_set(err, EXIT_DATAERR, _("%s: row %zu: %s: not a count "
		    "of the roll-up"), path, k + 1, bad);
	report_row_finish(v);
	return 0;
}

/* Add the milestone named by key (after COVERAGE_DUE) to sum unless it is there; 0 or -1. */
static int
rollup_milestone(struct report_summary *sum, const char *id)
{
	struct report_milestone *p;

	for (size_t m = 0; m < sum->nmilestones; m++)
		if (strcmp(sum->milestones[m].milestone_id, id) == 0)
			return 0;
	if ((p = realloc(sum->milestones, (sum->nmilestones + 1) * sizeof(*p))) == NULL)
		return -1;
	sum->milestones = p;
	p = &p[sum->nmilestones++];
	memset(p, 0, sizeof(*p));
	p->milestone_id = strdup(id);
	p->title = strdup(id);
	p->due_date = strdup("");
	return p->milestone_id == NULL || p->title == NULL || p->due_date == NULL ?
	    -1 : 0;
}

/*
 * The rows of one roll-up file to fn, its townships' totals added into
 * city; with no fn, only checked.  0, or -1 with err set.
 */
static int
rollup_file(const char *path, struct report_summary *sum,
    struct report_village *city, report_row_fn *fn, void *context,
    struct error *err)
{
	json_t *rows = rollup_load(path, err), *row;
	size_t k;
	int rc = 0;

	if (rows == NULL)
		return -1;
	json_array_foreach(rows, k, row) {
		struct report_village v;

		memset(&v, 0, sizeof(v));
		if (rollup_row(path, k, row, sum, &v, err) != 0) {
			rc = -1;
		} else if (strcmp(v.township, "*") == 0) {
			/* the file's own total: made again from its townships */
		} else if (fn == NULL) {
			/* checked only */
		} else if ((strcmp(v.village, "*") == 0 &&
		    report_row_add(city, &v, sum->nmilestones) != 0)) {
			rc = error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		} else {
			rc = fn(context, sum, &v, err);
		}
		report_row_free(&v);
		if (rc != 0)
			break;
	}
	json_decref(rows);
	return rc;
}

int
report_rollup_start(const char *const *files, size_t n,
    struct report_summary *out, struct error *err)
{
	memset(out, 0, sizeof(*out));
	out->county = 1;
	for (size_t i = 0; i < n; i++) {
		json_t *rows = rollup_load(files[i], err), *row;
		size_t k;

		if (rows == NULL)
			goto fail;
		json_array_foreach(rows, k, row) {
			const char *key;
			json_t *value;

			json_object_foreach(row, key, value)
				if (strncmp(key, COVERAGE_DUE, strlen(COVERAGE_DUE)) == 0 &&
				    rollup_milestone(out, key + strlen(COVERAGE_DUE)) != 0) {
					json_decref(rows);
					error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
					goto fail;
				}
		}
		json_decref(rows);
	}
	/* every row checked before the first is written */
	for (size_t i = 0; i < n; i++)
		if (rollup_file(files[i], out, NULL, NULL, NULL, err) != 0)
			goto fail;
	return 0;
fail:
	report_summary_free(out);
	return -1;
}

int
report_rollup_rows(const char *const *files, size_t n,
    struct report_summary *sum, report_row_fn *fn, void *context,
    struct error *err)
{
	struct report_village city;
	int rc = -1;

	if (report_row_init(&city, "*", "*", sum->nmilestones) != 0) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (rollup_file(files[i], sum, &city, fn, context, err) != 0)
			goto out;
	report_row_finish(&city);
	rc = fn(context, sum, &city, err);
out:
	report_row_free(&city);
	return rc;
}
