/* test-ledger.c -- the ledger's rules written once: which issue is open, which overdue */
#include <stdlib.h>
#include <string.h>

#include "renke.h"
#include "tap.h"

/* The one integer that sql gives with ?1 bound to text. */
static long long
ask(struct store *s, const char *sql, const char *text)
{
	struct error err;
	sqlite3_stmt *st = store_prepare(s, sql, &err);
	long long v = -1;

	if (st == NULL) {
		printf("# %s\n", err.text);
		return -1;
	}
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* 1 when the plan of sql names index. */
static int
plan_uses(struct store *s, const char *sql, const char *index)
{
	struct error err;
	sqlite3_stmt *st = store_prepare(s, sql, &err);
	int found = 0;

	if (st == NULL)
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 3);

		if (detail != NULL && strstr(detail, index) != NULL)
			found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

int
main(void)
{
	static const char *const open[] = { "open", "in_progress", "reopened" };
	struct error err = { 0 };
	struct store *s;
	char dir[64], path[96];
	int statuses = 0;

	snprintf(dir, sizeof(dir), "/tmp/renke-ledger-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/renke.db", dir);
	if ((s = store_open(path, STORE_WRITE, "test-ledger", "tester", &err)) == NULL) {
		printf("Bail out! %s\n", err.text);
		return 2;
	}

	/* every status of the vocabulary: open or not, as the rule says */
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		int want = 0;

		if (strcmp(e->domain, "status") != 0)
			continue;
		statuses++;
		for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++)
			if (strcmp(e->code, open[i]) == 0)
				want = 1;
		is_int(ask(s, "SELECT " ISSUE_OPEN_SQL("i.") " FROM (SELECT ?1 AS status) i",
		    e->code), want, "%s is %s", e->code, want ? "open" : "not open");
		is_int(ask(s, "SELECT " ISSUE_OVERDUE_SQL("", "'2024-03-10'") " FROM "
		    "(SELECT ?1 AS status, '2024-03-09' AS due_date)", e->code), want,
		    "%s, due the day before: %s", e->code, want ? "overdue" : "not overdue");
	}
	is_int(statuses, 8, "the vocabulary has the schema's eight statuses");

	/* the edges of "overdue" */
	is_int(ask(s, "SELECT " ISSUE_OVERDUE_SQL("", "?1") " FROM (SELECT 'open' AS "
	    "status, '2024-03-10' AS due_date)", "2024-03-10"), 0,
	    "due today is not overdue");
	is_int(ask(s, "SELECT " ISSUE_OVERDUE_SQL("", "?1") " FROM (SELECT 'open' AS "
	    "status, '2024-03-10' AS due_date)", "2024-03-11"), 1,
	    "due yesterday is overdue");
	is_int(ask(s, "SELECT " ISSUE_OVERDUE_SQL("", "?1") " FROM (SELECT 'open' AS "
	    "status, '2024-03-10' AS due_date)", NULL), 0,
	    "with no day given nothing is overdue");

	/* written as the partial index is, so that SQLite reads it */
	ok(plan_uses(s, "EXPLAIN QUERY PLAN SELECT i.id FROM issue i WHERE "
	    ISSUE_OVERDUE_SQL("i.", "?1"), "issue_open_due"),
	    "the overdue issues are found through the index issue_open_due");
	ok(plan_uses(s, "EXPLAIN QUERY PLAN SELECT id FROM issue WHERE "
	    ISSUE_OVERDUE_SQL("", "?1"), "issue_open_due"),
	    "also without an alias");

	store_close(s);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	if (system(path) != 0)
		return 2;
	return done_testing();
}
