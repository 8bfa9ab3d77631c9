/* headings.c -- the heading people read for a field name kept by scripts: one table for messages, histories and headings read back */
#include <string.h>
#include <strings.h>

#include "error.h"
#include "headings.h"
#include "text.h"

/*
 * Every field an audit log row or a message may name, with the kind of
 * record it is a field of ("*": any), its heading (untranslated, N_)
 * and its vocabulary.  Histories and changes label the audit log's
 * fields with it, messages name fields by it, and headings renke
 * writes read back through it.  Column headings of the records written
 * out are their columns' labels (output.h).
 */
static const struct heading {
	const char *entity, *name, *heading, *domain;
} headings[] = {
	{ "issue", "kind", N_("kind"), "issue_kind" },
	{ "issue", "category", N_("category"), "issue_category" },
	{ "*", "categories", N_("categories"), "category" },
	{ "*", "title", N_("title"), NULL },
	{ "*", "detail", N_("detail"), NULL },
	{ "issue", "urgency", N_("urgency"), "urgency" },
	{ "*", "village", N_("village"), NULL },
	{ "*", "village_group", N_("group"), NULL },
	{ "*", "household_id", N_("household"), NULL },
	{ "*", "head_name", N_("head"), NULL },
	{ "*", "id_number", N_("ID number"), NULL },
	{ "*", "phone", N_("phone"), NULL },
	{ "*", "head_id_number", N_("head's ID number"), NULL },
	{ "*", "head_phone", N_("head's phone"), NULL },
	{ "*", "members", N_("members"), NULL },
	{ "*", "monitor_type", N_("monitor type"), "monitor_type" },
	{ "*", "risk_status", N_("risk status"), "risk_status" },
	{ "*", "reporter", N_("reporter"), NULL },
	{ "*", "source", N_("source"), "issue_source" },
	{ "*", "source_ref", N_("source ref"), NULL },
	{ "*", "owner", N_("owner"), NULL },
	{ "*", "owner_unit", N_("owner unit"), NULL },
	{ "*", "opened_on", N_("opened on"), NULL },
	{ "*", "due_date", N_("due date"), NULL },
	{ "issue", "scorecard_original_due", N_("original due date"), NULL },
	{ "meeting", "held_on", N_("held on"), NULL },
	{ "*", "standard", N_("standard"), NULL },
	{ "*", "measures", N_("measures"), NULL },
	{ "support", "area_mu", N_("area (mu)"), NULL },
	{ "issue", "status", N_("status"), "status" },
	{ "*", "note", N_("progress note"), NULL },
	{ "*", "reason", N_("reason"), NULL },
	{ "*", "resolution", N_("resolution"), NULL },
	{ "*", "resolved_on", N_("resolved on"), NULL },
	{ "issue", "resolved_on_spot", N_("resolved on the spot"), "yes_no" },
	{ "*", "feedback", N_("feedback"), NULL },
	{ "*", "feedback_on", N_("fed back on"), NULL },
	{ "*", "closed_on", N_("closed on"), NULL },
	{ "*", "promised_date", N_("promised date"), NULL },
	{ "*", "extensions", N_("extensions"), NULL },
	{ "*", "extension_reason", N_("reason for the extension"), NULL },
	{ "*", "dispute_type", N_("dispute type"), "dispute_type" },
	{ "*", "parties", N_("parties"), NULL },
	{ "*", "mediator", N_("mediator"), NULL },
	{ "issue", "mediation_outcome", N_("mediation outcome"), "mediation_outcome" },
	{ "*", "mediated_on", N_("mediated on"), NULL },
	{ "*", "revisit", N_("revisit"), NULL },
	{ "*", "revisit_due", N_("revisit due"), NULL },
	{ "issue", "finding", N_("revisit finding"), "revisit_finding" },
	{ "*", "visitor", N_("visitor"), NULL },
	{ "*", "visitor_role", N_("visitor's post"), "visitor_role" },
	{ "*", "food_clothing", N_("food and clothing assured"), "check" },
	{ "*", "education", N_("compulsory education assured"), "check" },
	{ "*", "medical", N_("basic medical care assured"), "check" },
	{ "*", "drinking_water", N_("safe drinking water"), "check" },
	{ "*", "income_stable", N_("stable income"), "check" },
	{ "*", "industry_link", N_("industry link"), "check" },
	{ "*", "risk_level", N_("risk level"), "risk_level" },
	{ "*", "monitor_suggested", N_("monitoring suggested"), "yes_no" },
	{ "issue", "id", N_("issue number"), NULL },
	{ "issue", "outcome", N_("mediation result"), "mediation_outcome" },
	{ "issue", "revisit_in", N_("revisit interval"), NULL },
	{ "issue", "revisit_date", N_("revisit date"), NULL },
	{ "member", "cadre_relative", N_("relative of a village cadre"), "yes_no" },
	{ "milestone", "milestone_id", N_("milestone number"), NULL },
	{ "milestone", "meeting_kind", N_("meeting kind"), "meeting_kind" },
	{ "milestone", "scope", N_("scope"), NULL },
	{ "milestone", "roles", N_("visitors' posts"), NULL },
	{ "milestone", "monitor_cases", N_("monitoring cases complete"), "yes_no" },
	{ "case", "recorder", N_("recorder"), NULL },
	{ "*", "visit_date", N_("visit date"), NULL },
	{ "*", "round", N_("round"), NULL },
	{ "*", "created", N_("created"), NULL },
	{ "*", "result", N_("result"), NULL },
	{ "*", "filed_on", N_("filed on"), NULL },
	{ "*", "responses added", N_("responses added"), NULL },
	{ "*", "date", N_("date"), NULL },
	{ "*", "representatives", N_("representatives"), NULL },
	{ "*", "present", N_("present"), NULL },
	{ "*", "yes", N_("votes for"), NULL },
	{ "*", "no", N_("votes against"), NULL },
	{ "*", "abstain", N_("abstentions"), NULL },
	{ "*", "level", N_("level"), "honour_level" },
	{ "*", "year", N_("year"), NULL },
	{ "*", "nominated_by", N_("nominated by"), NULL },
	{ "*", "basis", N_("basis"), "honour_basis" },
	{ "*", "basis_on", N_("basis on"), NULL },
	{ "*", "voters", N_("voters"), NULL },
	{ "*", "score", N_("score"), NULL },
	{ "*", "evaluators", N_("evaluators"), NULL },
	{ "*", "selected_on", N_("selected on"), NULL },
	{ "*", "board", N_("board"), "board" },
	{ "*", "period_from", N_("from"), NULL },
	{ "*", "period_to", N_("until"), NULL },
	{ "*", "headline", N_("posted for"), NULL },
	{ "*", "object_by", N_("last day to object"), NULL },
	{ "member", "name", N_("name"), NULL },
	{ "member", "relation", N_("relation"), "relation" },
	{ "member", "labour", N_("labour capacity"), "labour" },
	{ "member", "schooling", N_("schooling"), "schooling" },
	{ "member", "health", N_("health"), "health" },
	{ "member", "away_place", N_("working away at"), NULL },
	{ "member", "away_since", N_("away since"), NULL },
	{ "member", "tags", N_("tags"), "member_tag" },
	{ "case", "opened", N_("opened"), NULL },
	{ "case", "risks", N_("risks"), "monitor_risk" },
	{ "case", "state", N_("state"), "case_state" },
	{ "*", "case_id", N_("monitoring case"), NULL },
	{ "household", "case", N_("monitoring case"), NULL },
	{ "meeting", "kind", N_("meeting kind"), "meeting_kind" },
	{ "case", "case_type", N_("case type"), "case_type" },
	{ "case", "clue", N_("clue"), "case_clue" },
	{ "case", "clue_on", N_("clue on"), NULL },
	{ "*", "step", N_("step"), NULL },
	{ "assignment", "role", N_("role"), "visitor_role" },
	{ "*", "start_date", N_("start date"), NULL },
	{ "*", "end_date", N_("end date"), NULL },
	{ "returnee", "contacted_on", N_("contacted on"), NULL },
	{ "care", "role", N_("role"), "visitor_role" },
	{ "care", "done", N_("what was done"), NULL },
	{ "milestone", "tags", N_("tags"), "member_tag" },
	{ "milestone", "from_date", N_("first day"), NULL },
	{ "*", "merged_into", N_("merged into"), NULL },
	{ "*", "removed", N_("removed"), NULL },
	{ "village", "name", N_("place name"), NULL },
	{ "village_group", "name", N_("place name"), NULL },
	{ "issue", "rating", N_("callback rating"), "callback_rating" },
	{ "board", "stage", N_("stage"), "board_stage" },
	{ "rule", "stage", N_("stage"), "rule_stage" },
	{ "calendar_day", "kind", N_("kind"), "calendar_day" },
	{ "deadline_rule", "days", N_("days"), NULL },
	{ "monitor_limit", "value", N_("value"), NULL },
	{ "county_setting", "value", N_("value"), NULL },
	{ "assignment", "area", N_("area"), NULL },
	{ "*", "who", N_("handled by"), NULL },
	{ "*", "notes", N_("notes"), NULL },
	{ "case", "housing", N_("housing seen"), NULL },
	{ "case", "food", N_("food and clothing seen"), NULL },
	{ "case", "income", N_("income asked"), NULL },
	{ "case", "expenses", N_("expenses asked"), NULL },
	{ "case", "judgement", N_("judgement"), NULL },
	{ "case", "consent", N_("consent"), NULL },
	{ "case", "answers", N_("departments' answers"), NULL },
	{ "case", "days", N_("days posted"), NULL },
	{ "case", "objections", N_("objections"), NULL },
	{ "misconduct", "referred_on", N_("referred on"), NULL },
	{ "misconduct", "referred_to", N_("referred to"), NULL },
	{ "support", "kind", N_("kind"), "support_kind" },
	{ "support", "status", N_("status"), "loan_status" },
	{ "support", "provider", N_("employer or bank"), NULL },
	{ "support", "amount", N_("amount (yuan)"), NULL },
	{ "support", "term_months", N_("term (months)"), NULL },
	{ "support", "sent_on", N_("sent to the bank on"), NULL },
	{ "support", "decided_on", N_("decided on"), NULL },
	{ "support", "override", N_("reason for the exception"), NULL },
	{ "returnee", "said", N_("what was said"), NULL },
	{ "returnee", "skills", N_("skills"), NULL },
	{ "returnee", "intention", N_("intention"), "returnee_intention" },
	{ "returnee", "way", N_("way"), NULL },
	{ "*", "cadre", N_("cadre"), NULL },
	{ "rule", "topics", N_("topics"), NULL },
	{ "rule", "groups", N_("consulted"), NULL },
	{ "rule", "opinions", N_("opinions collected"), NULL },
	{ "rule", "adopted", N_("opinions adopted"), NULL },
	{ "rule", "place", N_("posted at"), NULL },
	{ "rule", "action", N_("reward or penalty"), NULL },
	{ "rule", "body", N_("reviewing body"), NULL },
	{ "visit", "housing", N_("housing"), "check" },
	{ "case", "labour", N_("labour seen"), NULL },
	{ "misconduct", "kind", N_("kind of matter"), "misconduct_kind" },
	{ "misconduct", "finding", N_("revisit finding"), "revisit_finding" },
	{ "returnee", "name", N_("name"), NULL },
	{ "returnee", "kind", N_("kind"), "returnee_kind" },
	{ "returnee", "away_place", N_("working away at"), NULL },
	{ "returnee", "status", N_("status"), "returnee_status" },
	{ "honour", "kind", N_("kind"), "honour_kind" },
	{ "milestone", "kind", N_("kind"), "milestone_kind" },
	{ "calendar_day", "name", N_("name of the day"), NULL },
	{ "vote", "name", N_("representative"), NULL },
};

#define NHEADINGS (sizeof(headings) / sizeof(headings[0]))

/*
 * The entry of the field called name of a record of entity: entity's
 * own, else any record's ("*").  NULL for none.
 */
static const struct heading *
heading_of(const char *entity, const char *name)
{
	const struct heading *any = NULL;

	for (size_t i = 0; name != NULL && i < NHEADINGS; i++) {
		const struct heading *h = &headings[i];

		if (strcmp(h->name, name) != 0)
			continue;
		if (strcmp(h->entity, entity) == 0)
			return h;
		if (strcmp(h->entity, "*") == 0 && any == NULL)
			any = h;
	}
	return any;
}

const char *
field_word(const char *entity, const char *name)
{
	const char *domain;

	return locale_is_chinese() ? field_heading_of(entity, name, &domain) :
	    name;
}

const char *
field_heading_of(const char *entity, const char *name, const char **domain)
{
	const struct heading *h = heading_of(entity != NULL ? entity : "*", name);

	*domain = h != NULL ? h->domain : NULL;
	return h != NULL ? _(h->heading) : name;
}

const char *
field_of_heading(const char *entity, const char *text)
{
	for (size_t i = 0; text != NULL && i < NHEADINGS; i++) {
		const struct heading *h = &headings[i];

		if (entity != NULL && strcmp(h->entity, "*") != 0 &&
		    strcmp(h->entity, entity) != 0)
			continue;	/* another kind's heading */
		if (strcasecmp(h->heading, text) == 0 ||
		    strcmp(_(h->heading), text) == 0)
			return h->name;
	}
	return NULL;
}
