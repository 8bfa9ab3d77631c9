/* test-field-headings.c -- every field of every record kind has a heading of its own kind, Chinese under zh_CN */
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "assign.h"
#include "board.h"
#include "care.h"
#include "fields.h"
#include "headings.h"
#include "honour.h"
#include "household.h"
#include "issue.h"
#include "member.h"
#include "milestone.h"
#include "misconduct.h"
#include "monitor_case.h"
#include "returnee.h"
#include "rule.h"
#include "support.h"
#include "visit.h"


static const struct {
	const char *command, *entity;
	const struct field_spec *specs;
	size_t n;
} tables[] = {
	{ "case-step", "case", case_step_fields, STEP_NFIELDS },
	{ "misconduct-step", "misconduct", misconduct_fields, MISCONDUCT_NFIELDS },
	{ "board-step", "board", board_fields, BOARD_NFIELDS },
	{ "rule-step", "rule", rule_fields, RULE_NFIELDS },
	{ "support-log", "support", support_fields, SUPPORT_NFIELDS },
	{ "returnee-log", "returnee", returnee_fields, RETURNEE_NFIELDS },
	{ "honour-add", "honour", honour_fields, HONOUR_NFIELDS },
	{ "assign", "assignment", assign_fields, ASSIGN_NFIELDS },
	{ "care-log", "care", care_fields, CARE_NFIELDS },
	{ "household-add", "household", household_fields, HOUSEHOLD_NFIELDS },
	{ "issue-add", "issue", issue_fields, ISSUE_NFIELDS },
	{ "issue-update", "issue", issue_update_fields, UPDATE_NFIELDS },
	{ "member-add", "member", member_fields, MEMBER_NSPECS },
	{ "milestone-add", "milestone", milestone_fields, MILESTONE_NFIELDS },
	{ "case-open", "case", case_fields, CASE_NFIELDS },
	{ "visit-log", "visit", visit_fields, VISIT_NFIELDS },
};

#define NTABLES (sizeof(tables) / sizeof(tables[0]))

static int
has_chinese(const char *s)
{
	/* a CJK ideograph is three bytes in UTF-8, the first 0xe3-0xe9 */
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0xe3 && (unsigned char)*s <= 0xe9)
			return 1;
	return 0;
}

/*
 * 1 when word is one of the headings spec's files take ("户编号|户号"),
 * or the heading any record's field of that name has.
 */
static int
own_heading(const struct field_spec *spec, const char *word)
{
	const char *any = field_word(NULL, spec->name);
	size_t len = strlen(word);

	if (any != spec->name && strcmp(any, word) == 0)
		return 1;
	for (const char *p = spec->aliases; p != NULL && *p != '\0'; ) {
		const char *bar = strchr(p, '|');
		size_t n = bar != NULL ? (size_t)(bar - p) : strlen(p);

		if (n == len && strncmp(p, word, n) == 0)
			return 1;
		p = bar != NULL ? bar + 1 : p + n;
	}
	return 0;
}

/*
 * A field of tables[t] that a record of another kind has too is named
 * under each kind by that kind's own heading: one its files take, or
 * the one every record's field of that name has.
 */
static void
shared_field(size_t t, size_t k)
{
	const struct field_spec *spec = &tables[t].specs[k];

	for (size_t u = 0; u < NTABLES; u++) {
		int j = field_index(tables[u].specs, tables[u].n, spec->name);
		const char *word = field_word(tables[t].entity, spec->name);

		if (j < 0 || strcmp(tables[u].entity, tables[t].entity) == 0)
			continue;
		ok(own_heading(spec, word), "zh_CN: %s of %s (%s too) is named %s",
		    spec->name, tables[t].command, tables[u].command, word);
		return;
	}
}

int
main(int argc, char **argv)
{
	const char *dir = getenv("RENKE_LOCALEDIR");
	char beside[4096];

	/* without RENKE_LOCALEDIR, the catalog of the build this test is in */
	if ((dir == NULL || *dir == '\0') && argc > 0) {
		const char *slash = strrchr(argv[0], '/');
		int n = slash != NULL ? (int)(slash - argv[0]) : 1;

		snprintf(beside, sizeof(beside), "%.*s/../locale", n,
		    slash != NULL ? argv[0] : ".");
		dir = beside;
	}

	/*
	 * the locale is read once (locale_is_chinese()): under C a field is
	 * named as files spell it, which t0821 shows
	 */
	setenv("LC_ALL", "zh_CN.UTF-8", 1);
	setenv("LANG", "zh_CN.UTF-8", 1);
	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain("renke", dir);
	bind_textdomain_codeset("renke", "UTF-8");
	is_str(field_word("case", "answers"), "部门比对结果", "zh_CN: answers");
	is_str(field_word("case", "objections"), "异议情况", "zh_CN: objections");
	is_str(field_word("board", "who"), "经办人", "zh_CN: who");
	/* a heading reads back as a field of its own kind, or of any */
	is_str(field_of_heading("case", "住房情况"), "housing",
	    "zh_CN: 住房情况 is a case's housing");
	ok(field_of_heading("visit", "住房情况") == NULL,
	    "zh_CN: 住房情况 is no visit's field");
	is_str(field_of_heading("visit", "住房安全"), "housing",
	    "zh_CN: 住房安全 is a visit's housing");
	ok(field_of_heading("member", "labour seen") == NULL,
	    "labour seen is no member's field");
	is_str(field_of_heading("member", "户编号"), "household_id",
	    "zh_CN: any kind's heading reads under each");
	is_str(field_of_heading(NULL, "住房情况"), "housing",
	    "zh_CN: of no kind given, any kind's heading reads");
	for (size_t t = 0; t < NTABLES; t++) {
		int named = 1;

		for (size_t k = 0; k < tables[t].n; k++) {
			const char *name = tables[t].specs[k].name;
			const char *word = field_word(tables[t].entity, name);

			if (!has_chinese(word)) {
				printf("# %s: %s is named %s\n",
				    tables[t].command, name, word);
				named = 0;
			}
		}
		ok(named, "zh_CN: every field of %s has a Chinese heading",
		    tables[t].command);
	}
	for (size_t t = 0; t < NTABLES; t++)
		for (size_t k = 0; k < tables[t].n; k++)
			shared_field(t, k);
	return done_testing();
	return done_testing();
}
