/* test-vocab-schema.c -- every code list of the schema's CHECKs is its vocabulary in vocab.c;
   the schema's sections are counted as the store counts them */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "renke.h"
#include "tap.h"

/*
 * Which vocabulary each column holds.  Imports run with the CHECK
 * constraints off (store_trust_checks()) and check values against
 * vocab.c alone, so the two must name the same codes.  A column whose
 * CHECK lists codes but that has no vocabulary says so with NULL.
 */
static const struct {
	const char *table, *column, *domain;
} columns[] = {
	{ "household", "monitor_type", "monitor_type" },
	{ "household", "risk_status", "risk_status" },
	{ "meeting", "kind", "meeting_kind" },
	{ "issue", "kind", "issue_kind" },
	{ "issue", "category", "issue_category" },
	{ "issue", "urgency", "urgency" },
	{ "issue", "source", "issue_source" },
	{ "issue", "status", "status" },
	{ "issue", "dispute_type", "dispute_type" },
	{ "issue", "mediation_outcome", "mediation_outcome" },
	{ "revisit", "finding", "revisit_finding" },
	{ "visit", "visitor_role", "visitor_role" },
	{ "visit", "food_clothing", "check" },
	{ "visit", "education", "check" },
	{ "visit", "medical", "check" },
	{ "visit", "housing", "check" },
	{ "visit", "drinking_water", "check" },
	{ "visit", "income_stable", "check" },
	{ "visit", "industry_link", "check" },
	{ "visit", "risk_level", "risk_level" },
	{ "returnee_contact", "kind", "returnee_kind" },
	{ "returnee_contact", "intention", "returnee_intention" },
	{ "returnee_contact", "status", "returnee_status" },
	{ "milestone", "kind", "milestone_kind" },
	{ "milestone", "scope", NULL },		/* --scope village|group, no labels */
	{ "survey_answer", "answer", "answer" },
	{ "scorecard_callback", "rating", "callback_rating" },
	{ "member", "relation", "relation" },
	{ "member", "labour", "labour" },
	{ "member", "schooling", "schooling" },
	{ "member", "health", "health" },
	{ "member", "sex", NULL },		/* from the ID number */
	{ "assignment", "role", "visitor_role" },
	{ "monitor_case", "case_type", "case_type" },
	{ "monitor_case", "clue", "case_clue" },
	{ "monitor_case", "monitor_type", "monitor_type" },
	{ "monitor_case", "step", "case_step" },
	{ "monitor_case", "state", "case_state" },
	{ "monitor_case_step", "step", "case_step" },
	{ "monitor_case_step", "result", "case_result" },
	{ "support", "kind", "support_kind" },
	{ "support", "status", "loan_status" },
	{ "rule_set", "stage", "rule_stage" },
	{ "rule_step", "step", "rule_step" },
	{ "rule_step", "result", "rule_result" },
	{ "rule_step", "action", "rule_action" },
	{ "rule_step", "body", "rule_body" },
	{ "honour", "kind", "honour_kind" },
	{ "honour", "level", "honour_level" },
	{ "honour", "basis", "honour_basis" },
	{ "calendar_day", "kind", "calendar_day" },
	{ "board_entry", "board", "board" },
	{ "board_entry", "source", "board_source" },
	{ "board_entry", "stage", "board_stage" },
	{ "board_entry", "result", "board_result" },
	{ "misconduct", "kind", "misconduct_kind" },
	{ "misconduct", "referred_to", "misconduct_body" },
	{ "misconduct", "stage", "misconduct_stage" },
};
#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

/* A token of a CHECK expression. */
struct token {
	char kind;		/* 'w' word, 's' string, 'n' number, else the character */
	char text[64];
};

/* Split the CHECK expression at *p (after its opening parenthesis) into t; how many. */
static size_t
tokens(const char **p, struct token *t, size_t max)
{
	size_t n = 0;
	int depth = 1;

	while (**p != '\0' && depth > 0) {
		const char *s = *p;
		struct token tok = { 0 };
		size_t len = 0;

		if (isspace((unsigned char)*s)) {
			(*p)++;
			continue;
		}
		if (isalpha((unsigned char)*s) || *s == '_') {
			tok.kind = 'w';
			while (isalnum((unsigned char)s[len]) || s[len] == '_')
				len++;
			memcpy(tok.text, s, len < 63 ? len : 63);
		} else if (*s == '\'') {
			size_t k = 0;

			tok.kind = 's';
			for (len = 1; s[len] != '\0'; len++) {
				if (s[len] == '\'' && s[len + 1] == '\'')
					len++;
				else if (s[len] == '\'')
					break;
				if (k < 63)
					tok.text[k++] = s[len];
			}
			len++;
		} else if (isdigit((unsigned char)*s)) {
			tok.kind = 'n';
			while (isdigit((unsigned char)s[len]))
				len++;
		} else {
			tok.kind = *s;
			len = 1;
			depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
		}
		*p += len;
		if (depth > 0 && n < max)
			t[n++] = tok;
	}
	return n;
}

/* The index in columns of table.column, or NCOLUMNS. */
static size_t
column_of(const char *table, const char *column)
{
	for (size_t i = 0; i < NCOLUMNS; i++)
		if (strcmp(columns[i].table, table) == 0 &&
		    strcmp(columns[i].column, column) == 0)
			return i;
	return NCOLUMNS;
}

/* 1 when code is a code of domain. */
static int
in_vocabulary(const char *domain, const char *code)
{
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
		if (strcmp(e->domain, domain) == 0 && strcmp(e->code, code) == 0)
			return 1;
	return 0;
}

/* How many codes domain has. */
static size_t
vocabulary_size(const char *domain)
{
	size_t n = 0;

	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
		n += strcmp(e->domain, domain) == 0;
	return n;
}

static int found[NCOLUMNS];	/* how many code lists each column has */

/*
 * A CHECK that is a list of codes, "c = 'a' OR c = 'b' ..." or "c IN
 * ('a', 'b')": its column's vocabulary must have these codes and no
 * other.  Any other CHECK: each code it compares a known column with
 * must be of the column's vocabulary.
 */
static void
check_expression(const char *table, const struct token *t, size_t n)
{
	size_t list = 0, i = 0, c;
	int is_list = n >= 3 && t[0].kind == 'w';

	if (is_list && strcasecmp(t[1].text, "IN") == 0 && t[1].kind == 'w') {
		is_list = t[2].kind == '(' && t[n - 1].kind == ')';
		for (i = 3; is_list && i + 1 < n; i += 2)
			is_list = t[i].kind == 's' && (t[i + 1].kind == ',' ||
			    t[i + 1].kind == ')');
		list = is_list ? (n - 3) / 2 : 0;
	} else
		for (i = 0; is_list && i < n; i += 4, list++)
			is_list = i + 2 < n && t[i].kind == 'w' &&
			    strcmp(t[i].text, t[0].text) == 0 && t[i + 1].kind == '=' &&
			    t[i + 2].kind == 's' && (i + 3 == n ||
			    (t[i + 3].kind == 'w' && strcasecmp(t[i + 3].text, "OR") == 0));
	if (is_list) {
		int all = 1;
		const char *domain;

		c = column_of(table, t[0].text);
		ok(c < NCOLUMNS, "%s.%s: its CHECK lists codes; the test knows its "
		    "vocabulary", table, t[0].text);
		if (c == NCOLUMNS)
			return;
		found[c]++;
		if ((domain = columns[c].domain) == NULL)
			return;
		for (i = 0; i < n; i++)
			if (t[i].kind == 's' && !in_vocabulary(domain, t[i].text)) {
				printf("# '%s' is not a code of %s\n", t[i].text, domain);
				all = 0;
			}
		ok(all && list == vocabulary_size(domain), "%s.%s: CHECK and vocabulary "
		    "%s name the same %zu codes", table, t[0].text, domain, list);
		return;
	}
	for (i = 0; i + 2 < n; i++) {
		int compared = t[i + 1].kind == '=' || (t[i + 1].kind == '<' &&
		    t[i + 2].kind == '>');
		size_t v = t[i + 1].kind == '<' ? i + 3 : i + 2;

		if (t[i].kind != 'w' || !compared || v >= n || t[v].kind != 's' ||
		    (c = column_of(table, t[i].text)) == NCOLUMNS ||
		    columns[c].domain == NULL)
			continue;
		ok(in_vocabulary(columns[c].domain, t[v].text), "%s: the CHECK's "
		    "'%s' is a %s code", table, t[v].text, columns[c].domain);
	}
}

/* The store's vocab table is vocab_table, row for row, in its order. */
static void
check_vocab_table(struct store *s)
{
	struct error err = { 0 };
	sqlite3_stmt *st = store_prepare(s, "SELECT domain, code, label_en, "
	    "label_zh, position FROM vocab ORDER BY position", &err);
	const struct vocab_entry *e = vocab_table;
	int same = st != NULL, rows = 0;

	while (same && sqlite3_step(st) == SQLITE_ROW) {
		const char *got[4];
		const char *want[4] = { e->domain, e->code, e->label_en, e->label_zh };

		for (int i = 0; i < 4; i++)
			got[i] = (const char *)sqlite3_column_text(st, i);
		same = e->domain != NULL &&
		    sqlite3_column_int(st, 4) == (int)(e - vocab_table) + 1;
		for (int i = 0; same && i < 4; i++)
			same = strcmp(got[i], want[i]) == 0;
		if (!same)
			printf("# row %d: %s.%s differs from vocab.c\n", rows + 1,
			    got[0], got[1]);
		rows++;
		e++;
	}
	sqlite3_finalize(st);
	ok(same && e->domain == NULL, "the store's vocab table is vocab.c's, "
	    "%d rows in its order", rows);
}

extern const char renke_schema_sql[];

/*
 * The schema's sections, "-- version N" lines, are 1, 2, ... in order;
 * store_schema_version() counts them all, and a new store is at that
 * version.
 */
static void
check_schema_version(struct store *s)
{
	const char *line = renke_schema_sql;
	int sections = 0, in_order = 1;
	struct error err = { 0 };
	sqlite3_stmt *st;

	while ((line = strchr(line, '\n')) != NULL) {
		int n, used = 0;

		line++;
		if (sscanf(line, "-- version %d%n", &n, &used) == 1 &&
		    line[used] == '\n') {
			sections++;
			in_order &= n == sections;
		}
	}
	ok(sections > 30 && in_order, "the schema's %d sections are numbered "
	    "1 to %d in order", sections, sections);
	is_int(store_schema_version(), sections, "store_schema_version() "
	    "counts every section");
	st = store_prepare(s, "PRAGMA user_version", &err);
	is_int(st != NULL && sqlite3_step(st) == SQLITE_ROW ?
	    sqlite3_column_int(st, 0) : -1, sections,
	    "a new store is at the latest version");
	sqlite3_finalize(st);
}

int
main(void)
{
	struct error err = { 0 };
	struct store *s;
	sqlite3_stmt *st;
	char dir[64], path[96];
	int all = 1;

	snprintf(dir, sizeof(dir), "/tmp/renke-vocab-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/renke.db", dir);
	if ((s = store_open(path, STORE_WRITE, "test-vocab-schema", "tester",
	    &err)) == NULL || (st = store_prepare(s, "SELECT name, sql FROM "
	    "sqlite_schema WHERE type = 'table' AND sql IS NOT NULL ORDER BY name",
	    &err)) == NULL) {
		printf("Bail out! %s\n", err.text);
		return 2;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1), *p = sql;

		while ((p = strstr(p, "CHECK")) != NULL) {
			struct token t[256];
			size_t n;

			p += 5;
			while (isspace((unsigned char)*p))
				p++;
			if (*p++ != '(')
				continue;
			n = tokens(&p, t, 256);
			check_expression(table, t, n);
		}
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < NCOLUMNS; i++)
		if (found[i] != 1) {
			printf("# %s.%s: %d code lists\n", columns[i].table,
			    columns[i].column, found[i]);
			all = 0;
		}
	ok(all, "each of the %zu columns above has one CHECK that lists its codes",
	    NCOLUMNS);

	check_vocab_table(s);
	check_schema_version(s);
	store_close(s);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	if (system(path) != 0)
		return 2;
	return done_testing();
}
