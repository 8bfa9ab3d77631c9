/* visit_findings.c -- flagged visits as findings: the issue records visit-log --flagged writes */
#include <string.h>

#include "buf.h"
#include "visit_findings.h"
#include "vocab.h"

/*
 * What a check answered "no" means, in the words of the ledger (its
 * titles are Chinese whatever the locale: they are data, not messages),
 * and the category of issue it makes.
 */
static const struct {
	const char *finding;
	const char *category;
} check_finding[VISIT_LAST_CHECK - VISIT_FIRST_CHECK + 1] = {
	{ "不愁吃穿未保障", "other" },
	{ "义务教育未保障", "schooling" },
	{ "基本医疗未保障", "medical" },
	{ "住房安全未保障", "housing" },
	{ "饮水安全未保障", "water" },
	{ "收入不稳定", "jobs" },
	{ "未建立产业利益联结", "jobs" },
};

const struct column visit_finding_columns[FINDING_NCOLUMNS] = {
	{ "kind", N_("kind"), COLUMN_TEXT, "issue_kind" },
	{ "category", N_("category"), COLUMN_TEXT, "issue_category" },
	{ "title", N_("title"), COLUMN_TEXT },
	{ "detail", N_("detail"), COLUMN_TEXT },
	{ "urgency", N_("urgency"), COLUMN_TEXT, "urgency" },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "reporter", N_("reporter"), COLUMN_TEXT },
	{ "owner", N_("owner"), COLUMN_TEXT },
	{ "source", N_("source"), COLUMN_TEXT, "issue_source" },
	{ "source_ref", N_("source ref"), COLUMN_TEXT },
};

/* The Chinese label of code in domain (for ledger text), or code itself. */
static const char *
label_zh(const char *domain, const char *code)
{
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
		if (strcmp(e->domain, domain) == 0 && strcmp(e->code, code) == 0)
			return e->label_zh;
	return code;
}

int
visit_flagged(const char *const *value)
{
	const char *risk = value[VISIT_RISK_LEVEL];
	const char *monitor = value[VISIT_MONITOR_SUGGESTED];

	for (size_t k = VISIT_FIRST_CHECK; k <= VISIT_LAST_CHECK; k++)
		if (value[k] != NULL && strcmp(value[k], "no") == 0)
			return 1;
	return (risk != NULL && (strcmp(risk, "medium") == 0 ||
	    strcmp(risk, "high") == 0)) ||
	    (monitor != NULL && strcmp(monitor, "yes") == 0);
}

/*
 * Append one string to b: the first with no separator, the others
 * after sep.
 */
static void
join(struct buf *b, const char *sep, const char *s)
{
	if (b->len > 0)
		buf_puts(b, sep);
	buf_puts(b, s);
}

/*
 * Columns of the statements whose rows become findings: the visit with
 * its household and places.
 */
#define FINDING_SELECT "SELECT h.household_id, h.head_name, vl.name, g.name, " \
	"v.visit_date, v.visitor, v.visitor_role, v.round, v.food_clothing, " \
	"v.education, v.medical, v.housing, v.drinking_water, v.income_stable, " \
	"v.industry_link, v.risk_level, v.monitor_suggested, v.notes " \
	"FROM visit v JOIN household h ON h.household_id = v.household_id " \
	"JOIN village vl ON vl.id = h.village_id " \
	"LEFT JOIN village_group g ON g.id = h.group_id "
enum { F_HOUSEHOLD, F_HEAD, F_VILLAGE, F_GROUP, F_DATE, F_VISITOR, F_ROLE,
	F_ROUND, F_FIRST_CHECK, F_RISK = F_FIRST_CHECK + VISIT_LAST_CHECK -
	VISIT_FIRST_CHECK + 1, F_MONITOR, F_NOTES };

#define COLUMN_TEXT_AT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/*
 * The detail of the finding of the visit at st's current row, what was
 * found being found: "2022-10-25，帮扶干部谭明华走访何玉勇户（HY0101001，
 * 轮次2022-r1）发现：...。备注：..." into detail.
 */
static void
finding_detail(sqlite3_stmt *st, const char *found, struct buf *detail)
{
	const char *role = COLUMN_TEXT_AT(st, F_ROLE);
	const char *head = COLUMN_TEXT_AT(st, F_HEAD);
	const char *notes = COLUMN_TEXT_AT(st, F_NOTES);

	buf_puts(detail, COLUMN_TEXT_AT(st, F_DATE));
	buf_puts(detail, "，");
	if (role != NULL)
		buf_puts(detail, label_zh("visitor_role", role));
	buf_puts(detail, COLUMN_TEXT_AT(st, F_VISITOR));
	buf_puts(detail, "走访");
	if (head != NULL)
		buf_puts(detail, head);
	buf_puts(detail, "户（");
	buf_puts(detail, COLUMN_TEXT_AT(st, F_HOUSEHOLD));
	buf_puts(detail, "，轮次");
	buf_puts(detail, COLUMN_TEXT_AT(st, F_ROUND));
	buf_puts(detail, "）发现：");
	buf_puts(detail, found);
	buf_puts(detail, "。");
	if (notes != NULL && *notes != '\0') {
		buf_puts(detail, "备注：");
		buf_puts(detail, notes);
	}
}

/*
 * Write the visit at st's current row as a finding to w.  Returns 1
 * when written, 0 when the visit is not flagged, -1 with err set.
 */
static int
finding_write(sqlite3_stmt *st, struct writer *w, struct error *err)
{
	const char *value[FINDING_NCOLUMNS] = { 0 };
	const char *risk = COLUMN_TEXT_AT(st, F_RISK);
	const char *category = NULL;
	struct buf found = { 0 }, title = { 0 }, detail = { 0 }, ref = { 0 };
	int rc = 0;

	for (int i = 0; i <= VISIT_LAST_CHECK - VISIT_FIRST_CHECK; i++) {
		const char *answer = COLUMN_TEXT_AT(st, F_FIRST_CHECK + i);

		if (answer == NULL || strcmp(answer, "no") != 0)
			continue;
		join(&found, "；", check_finding[i].finding);
		if (category == NULL)
			category = check_finding[i].category;
	}
	if (risk != NULL && strcmp(risk, "high") == 0)
		join(&found, "；", "有返贫风险（高）");
	else if (risk != NULL && strcmp(risk, "medium") == 0)
		join(&found, "；", "有返贫风险（中）");
	if (sqlite3_column_int(st, F_MONITOR) == 1)
		join(&found, "；", "建议纳入监测");
	if (found.len == 0)
		goto out;
	buf_puts(&title, "走访发现：");
	buf_puts(&title, found.data);
	finding_detail(st, found.data, &detail);
	buf_puts(&ref, "visit:");
	buf_puts(&ref, COLUMN_TEXT_AT(st, F_HOUSEHOLD));
	buf_puts(&ref, ":");
	buf_puts(&ref, COLUMN_TEXT_AT(st, F_DATE));
	buf_puts(&ref, ":");
	buf_puts(&ref, COLUMN_TEXT_AT(st, F_VISITOR));
	if (title.data == NULL || detail.data == NULL || ref.data == NULL) {
		rc = error_set(err, EXIT_SOFTWARE, _("out of memory"));
		goto out;
	}
	value[FINDING_KIND] = "problem";
	value[FINDING_CATEGORY] = category != NULL ? category : "other";
	value[FINDING_TITLE] = title.data;
	value[FINDING_DETAIL] = detail.data;
	value[FINDING_URGENCY] = risk != NULL && strcmp(risk, "high") == 0 ?
	    "urgent" : risk != NULL && strcmp(risk, "medium") == 0 ?
	    "important" : "normal";
	value[FINDING_VILLAGE] = COLUMN_TEXT_AT(st, F_VILLAGE);
	value[FINDING_GROUP] = COLUMN_TEXT_AT(st, F_GROUP);
	value[FINDING_HOUSEHOLD] = COLUMN_TEXT_AT(st, F_HOUSEHOLD);
	value[FINDING_REPORTER] = COLUMN_TEXT_AT(st, F_VISITOR);
	value[FINDING_OWNER] = COLUMN_TEXT_AT(st, F_VISITOR);
	value[FINDING_SOURCE] = "visit";
	value[FINDING_SOURCE_REF] = ref.data;
	rc = writer_row(w, value, err) == 0 ? 1 : -1;
out:
	buf_free(&found);
	buf_free(&title);
	buf_free(&detail);
	buf_free(&ref);
	return rc;
}

int
visit_findings_write(struct store *s, const long long *ids, size_t n,
    struct writer *w, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, FINDING_SELECT "WHERE v.id = ?", err);
	int rc = 0;

	if (st == NULL)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			rc = finding_write(st, w, err) < 0 ? -1 : 0;
		else
			rc = rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

long
visit_flagged_since(struct store *s, const char *since, struct writer *w,
    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, FINDING_SELECT
	    "WHERE v.visit_date >= ? AND (v.food_clothing = 'no' OR "
	    "v.education = 'no' OR v.medical = 'no' OR v.housing = 'no' OR "
	    "v.drinking_water = 'no' OR v.income_stable = 'no' OR "
	    "v.industry_link = 'no' OR v.risk_level = 'medium' OR "
	    "v.risk_level = 'high' OR v.monitor_suggested = 1) "
	    "ORDER BY v.visit_date, h.household_id, v.visitor", err);
	long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int written = finding_write(st, w, err);

		if (written < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		n += written;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return n;
}

