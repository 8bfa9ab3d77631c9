/* test-field-headings.c -- every field of every record kind has a heading, Chinese under zh_CN */
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
	const char *command;
	const struct field_spec *specs;
	size_t n;
} tables[] = {
	{ "case-step", case_step_fields, STEP_NFIELDS },
	{ "misconduct-step", misconduct_fields, MISCONDUCT_NFIELDS },
	{ "board-step", board_fields, BOARD_NFIELDS },
	{ "rule-step", rule_fields, RULE_NFIELDS },
	{ "support-log", support_fields, SUPPORT_NFIELDS },
	{ "returnee-log", returnee_fields, RETURNEE_NFIELDS },
	{ "honour-add", honour_fields, HONOUR_NFIELDS },
	{ "assign", assign_fields, ASSIGN_NFIELDS },
	{ "care-log", care_fields, CARE_NFIELDS },
	{ "household-add", household_fields, HOUSEHOLD_NFIELDS },
	{ "issue-add", issue_fields, ISSUE_NFIELDS },
	{ "issue-update", issue_update_fields, UPDATE_NFIELDS },
	{ "member-add", member_fields, MEMBER_NSPECS },
	{ "milestone-add", milestone_fields, MILESTONE_NFIELDS },
	{ "case-open", case_fields, CASE_NFIELDS },
	{ "visit-log", visit_fields, VISIT_NFIELDS },
};

static int
has_chinese(const char *s)
{
	/* a CJK ideograph is three bytes in UTF-8, the first 0xe3-0xe9 */
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0xe3 && (unsigned char)*s <= 0xe9)
			return 1;
	return 0;
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
	is_str(field_word("answers"), "部门比对结果", "zh_CN: answers");
	is_str(field_word("objections"), "异议情况", "zh_CN: objections");
	is_str(field_word("who"), "经办人", "zh_CN: who");
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		int named = 1;

		for (size_t k = 0; k < tables[t].n; k++) {
			const char *name = tables[t].specs[k].name;
			const char *word = field_word(name);

			if (!has_chinese(word)) {
				printf("# %s: %s is named %s\n",
				    tables[t].command, name, word);
				named = 0;
			}
		}
		ok(named, "zh_CN: every field of %s has a Chinese heading",
		    tables[t].command);
	}
	return done_testing();
}
