/* test-visit.c -- visit vocabularies, milestone categories, the definition of covered */
#include <stdlib.h>
#include <unistd.h>

#include "renke.h"
#include "tap.h"

static void
test_vocabularies(void)
{
	static const struct {
		const char *domain, *in, *want;	/* want NULL: refused */
	} cases[] = {
		{ "check", "是", "yes" }, { "check", "否", "no" }, { "check", "无", "na" },
		{ "check", "√", "yes" }, { "check", "×", "no" }, { "check", "1", "yes" },
		{ "check", "0", "no" }, { "check", "y", "yes" }, { "check", "N", "no" },
		{ "check", "yes", "yes" }, { "check", "na", "na" }, { "check", "不适用", "na" },
		{ "check", " 是 ", "yes" }, { "check", "可能", NULL }, { "check", "2", NULL },
		{ "risk_level", "无", "none" }, { "risk_level", "低", "low" },
		{ "risk_level", "中", "medium" }, { "risk_level", "高风险", "high" },
		{ "risk_level", "很高", NULL },
		{ "visitor_role", "帮扶干部", "assistance_cadre" },
		{ "visitor_role", "驻村第一书记", "first_secretary" },
		{ "visitor_role", "第一书记", "first_secretary" },
		{ "visitor_role", "村党组织书记", "village_secretary" },
		{ "visitor_role", "村支书", "village_secretary" },
		{ "visitor_role", "镇党委书记", "town_secretary" },
		{ "visitor_role", "县级领导", "county_leader" },
		{ "visitor_role", "驻村工作队员", "work_team" },
		{ "visitor_role", "村干部", "village_cadre" },
		{ "visitor_role", "Village_Cadre", "village_cadre" },
		{ "visitor_role", "村民", NULL },
		{ "milestone_kind", "visit-coverage", "visit_coverage" },
		{ "milestone_kind", "走访覆盖", "visit_coverage" },
		{ "milestone_kind", "meeting-coverage", "meeting_coverage" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(vocab_code(cases[i].domain, cases[i].in), cases[i].want,
		    "%s: \"%s\"", cases[i].domain, cases[i].in);
}

static void
test_categories(void)
{
	static const struct {
		const char *in, *want, *bad;	/* want NULL: refused, bad the word */
	} cases[] = {
		{ "", "", NULL },
		{ "all", "", NULL },
		{ "全部", "", NULL },
		{ "所有农户", "", NULL },
		{ "脱贫户", "lifted", NULL },
		{ "监测户、脱贫户", "lifted;monitored", NULL },
		{ "脱贫户、监测户、低保户、大病户、特困户",
		    "lifted;monitored;minimum_allowance;serious_illness;extreme_poverty",
		    NULL },
		{ "monitored;lifted;monitored", "lifted;monitored", NULL },
		{ " 低保户 ，特困户 ", "minimum_allowance;extreme_poverty", NULL },
		{ "一般农户", "ordinary", NULL },
		{ "脱贫户、贫困户", NULL, "贫困户" },
		{ "everybody", NULL, "everybody" },
	};
	char out[256];
	const char *bad;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = milestone_categories_parse(cases[i].in, out, sizeof(out), &bad);

		if (cases[i].want == NULL) {
			ok(rc == -1, "categories \"%s\" refused", cases[i].in);
			is_str(bad, cases[i].bad, "categories \"%s\": the word named",
			    cases[i].in);
		} else {
			ok(rc == 0, "categories \"%s\" accepted", cases[i].in);
			is_str(rc == 0 ? out : NULL, cases[i].want, "categories \"%s\"",
			    cases[i].in);
		}
	}
	ok(milestone_categories_parse("lifted;monitored", out, 8, &bad) == -1,
	    "categories: too small a buffer is refused");
}

struct seen {
	char text[1024];
};

static int
collect(void *context, const struct coverage *row, struct error *err)
{
	struct seen *seen = context;
	size_t n = strlen(seen->text);

	(void)err;
	snprintf(seen->text + n, sizeof(seen->text) - n, "%s %s %ld/%ld/%ld/%ld %.1f\n",
	    row->milestone_id, row->village, row->due, row->visited, row->missing,
	    row->late, row->percent);
	return 0;
}

static int
collect_missing(void *context, const struct coverage_household *row,
    struct error *err)
{
	struct seen *seen = context;
	size_t n = strlen(seen->text);

	(void)err;
	snprintf(seen->text + n, sizeof(seen->text) - n, "%s %s %s\n",
	    row->milestone_id, row->household_id,
	    row->last_visit != NULL ? row->last_visit : "-");
	return 0;
}

/*
 * The definition on a small store: a visit on the due date counts, one
 * the day after does not, nor one of another round; a household counts
 * once however many visits it had; categories match any of the
 * milestone's.
 */
static void
test_coverage(void)
{
	char path[] = "/tmp/renke-test-visit.XXXXXX";
	struct error err = { 0 };
	struct store *s;
	struct seen seen = { "" };
	int fd = mkstemp(path);
	long n;

	if (fd < 0) {
		ok(0, "mkstemp");
		return;
	}
	close(fd);
	unlink(path);
	s = store_open(path, STORE_WRITE, "test-visit", "tester", &err);
	ok(s != NULL, "store opens: %s", err.text);
	if (s == NULL)
		return;
	ok(store_exec(s,
	    "INSERT INTO village (id, name) VALUES (1, '甲村'), (2, '乙村');"
	    "INSERT INTO household_source (id, file, at) VALUES (1, 'h', 'now');"
	    "INSERT INTO household (household_id, village_id, categories, source_id, line) VALUES"
	    " ('A1', 1, 'lifted', 1, 2),"
	    " ('A2', 1, 'lifted;minimum_allowance', 1, 3),"
	    " ('A3', 1, 'monitored', 1, 4),"
	    " ('A4', 1, 'ordinary', 1, 5),"
	    " ('B1', 2, 'minimum_allowance', 1, 6),"
	    " ('B2', 2, 'lifted', 1, 7);"
	    "INSERT INTO visit_source (id, file, at, who, command) VALUES (1, 'v', 'now', 't', 't');"
	    "INSERT INTO visit (household_id, visit_date, visitor, round, source_id, line) VALUES"
	    " ('A1', '2022-11-01', '甲', 'r1', 1, 1),"	/* on the due date */
	    " ('A1', '2022-10-25', '乙', 'r1', 1, 2),"	/* and earlier */
	    " ('A2', '2022-11-02', '甲', 'r1', 1, 3),"	/* the day after */
	    " ('A3', '2022-10-25', '甲', 'r0', 1, 4),"	/* another round */
	    " ('A4', '2022-10-25', '甲', 'r1', 1, 5),"	/* not due */
	    " ('B1', '2022-10-18', '丙', 'r1', 1, 6);"
	    "INSERT INTO milestone (milestone_id, title, kind, categories, round, due_date, created_at, updated_at) VALUES"
	    " ('m1', 't', 'visit_coverage', 'lifted;minimum_allowance', 'r1', '2022-11-01', 'now', 'now'),"
	    " ('m2', 't', 'visit_coverage', '', 'r1', '2022-12-01', 'now', 'now'),"
	    " ('m3', 't', 'meeting_coverage', '', NULL, '2022-12-01', 'now', 'now');",
	    &err) == 0, "store filled: %s", err.text);

	n = coverage_by_village(s, "m1", NULL, collect, &seen, &err);
	is_int(n, 2, "m1: two villages");
	is_str(seen.text, "m1 甲村 2/1/1/1 50.0\nm1 乙村 2/1/1/0 50.0\n", "m1 by village");

	seen.text[0] = '\0';
	n = coverage_by_village(s, NULL, NULL, collect, &seen, &err);
	is_int(n, 4, "every visit-coverage milestone, by due date");
	is_str(seen.text, "m1 甲村 2/1/1/1 50.0\nm1 乙村 2/1/1/0 50.0\n"
	    "m2 甲村 4/3/1/0 75.0\nm2 乙村 2/1/1/0 50.0\n", "m1 and m2 by village");

	/* as of the due date, the visit of the day after is not made yet */
	seen.text[0] = '\0';
	n = coverage_by_village(s, NULL, "2022-11-01", collect, &seen, &err);
	is_str(seen.text, "m1 甲村 2/1/1/0 50.0\nm1 乙村 2/1/1/0 50.0\n"
	    "m2 甲村 4/2/2/0 50.0\nm2 乙村 2/1/1/0 50.0\n",
	    "as of a day: a visit after it counts neither on time nor late");
	seen.text[0] = '\0';
	n = coverage_by_village(s, "m1", "2022-11-02", collect, &seen, &err);
	is_str(seen.text, "m1 甲村 2/1/1/1 50.0\nm1 乙村 2/1/1/0 50.0\n",
	    "as of the day after: that visit is late");
	seen.text[0] = '\0';
	n = coverage_missing(s, "m1", "2022-11-01", collect_missing, &seen, &err);
	is_str(seen.text, "m1 A2 -\nm1 B2 -\n",
	    "as of a day: no last visit after it");

	seen.text[0] = '\0';
	n = coverage_missing(s, "m1", NULL, collect_missing, &seen, &err);
	is_int(n, 2, "m1: two households missing");
	is_str(seen.text, "m1 A2 2022-11-02\nm1 B2 -\n", "m1: the missing, with their last visit");

	seen.text[0] = '\0';
	n = coverage_missing(s, "m2", NULL, collect_missing, &seen, &err);
	is_str(seen.text, "m2 A3 -\nm2 B2 -\n", "m2: a visit of another round does not count");

	is_int(coverage_by_village(s, "m9", NULL, collect, &seen, &err), -1, "unknown milestone");
	is_int(err.status, EXIT_DATAERR, "unknown milestone: data error");
	is_int(coverage_by_village(s, "m3", NULL, collect, &seen, &err), -1,
	    "a meeting-coverage milestone has no visit coverage");
	store_close(s);
	unlink(path);
	{
		char wal[64];

		snprintf(wal, sizeof(wal), "%s-wal", path);
		unlink(wal);
		snprintf(wal, sizeof(wal), "%s-shm", path);
		unlink(wal);
	}
}

int
main(void)
{
	test_vocabularies();
	test_categories();
	test_coverage();
	return done_testing();
}
