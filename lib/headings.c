/* headings.c -- the heading people read for a field name kept by scripts */
#include <string.h>
#include <strings.h>

#include "error.h"
#include "headings.h"
#include "text.h"

/*
 * Every field an audit log row or a message may name, with its heading
 * (untranslated, N_) and its vocabulary.  Column headings of the
 * records written out are their columns' labels (output.h).
 */
static const struct {
	const char *name, *heading, *domain;
} headings[] = {
	{ "kind", N_("kind"), "issue_kind" },
	{ "category", N_("category"), "issue_category" },
	{ "categories", N_("categories"), "category" },
	{ "title", N_("title"), NULL },
	{ "detail", N_("detail"), NULL },
	{ "urgency", N_("urgency"), "urgency" },
	{ "village", N_("village"), NULL },
	{ "village_group", N_("group"), NULL },
	{ "household_id", N_("household"), NULL },
	{ "head_name", N_("head"), NULL },
	{ "id_number", N_("ID number"), NULL },
	{ "phone", N_("phone"), NULL },
	{ "members", N_("members"), NULL },
	{ "monitor_type", N_("monitor type"), "monitor_type" },
	{ "risk_status", N_("risk status"), "risk_status" },
	{ "reporter", N_("reporter"), NULL },
	{ "source", N_("source"), "issue_source" },
	{ "source_ref", N_("source ref"), NULL },
	{ "owner", N_("owner"), NULL },
	{ "owner_unit", N_("owner unit"), NULL },
	{ "opened_on", N_("opened on"), NULL },
	{ "due_date", N_("due date"), NULL },
	{ "standard", N_("standard"), NULL },
	{ "measures", N_("measures"), NULL },
	{ "status", N_("status"), "status" },
	{ "note", N_("progress note"), NULL },
	{ "reason", N_("reason"), NULL },
	{ "resolution", N_("resolution"), NULL },
	{ "resolved_on", N_("resolved on"), NULL },
	{ "resolved_on_spot", N_("resolved on the spot"), "yes_no" },
	{ "feedback", N_("feedback"), NULL },
	{ "feedback_on", N_("fed back on"), NULL },
	{ "closed_on", N_("closed on"), NULL },
	{ "promised_date", N_("promised date"), NULL },
	{ "extensions", N_("extensions"), NULL },
	{ "extension_reason", N_("reason for the extension"), NULL },
	{ "dispute_type", N_("dispute type"), "dispute_type" },
	{ "parties", N_("parties"), NULL },
	{ "mediator", N_("mediator"), NULL },
	{ "mediation_outcome", N_("mediation outcome"), "mediation_outcome" },
	{ "mediated_on", N_("mediated on"), NULL },
	{ "revisit", N_("revisit"), NULL },
	{ "revisit_due", N_("revisit due"), NULL },
	{ "finding", N_("revisit finding"), "revisit_finding" },
	{ "visitor", N_("visitor"), NULL },
	{ "visit_date", N_("visit date"), NULL },
	{ "round", N_("round"), NULL },
	{ "created", N_("created"), NULL },
	{ "result", N_("result"), NULL },
	{ "filed_on", N_("filed on"), NULL },
	{ "responses added", N_("responses added"), NULL },
	{ "date", N_("date"), NULL },
	{ "representatives", N_("representatives"), NULL },
	{ "present", N_("present"), NULL },
	{ "yes", N_("votes for"), NULL },
	{ "no", N_("votes against"), NULL },
	{ "abstain", N_("abstentions"), NULL },
	{ "level", N_("level"), "honour_level" },
	{ "year", N_("year"), NULL },
	{ "nominated_by", N_("nominated by"), NULL },
	{ "basis", N_("basis"), "honour_basis" },
	{ "basis_on", N_("basis on"), NULL },
	{ "voters", N_("voters"), NULL },
	{ "score", N_("score"), NULL },
	{ "evaluators", N_("evaluators"), NULL },
	{ "selected_on", N_("selected on"), NULL },
	{ "board", N_("board"), "board" },
	{ "period_from", N_("from"), NULL },
	{ "period_to", N_("until"), NULL },
	{ "headline", N_("posted for"), NULL },
	{ "object_by", N_("last day to object"), NULL },
};

#define NHEADINGS (sizeof(headings) / sizeof(headings[0]))

const char *
field_heading(const char *name)
{
	for (size_t i = 0; name != NULL && i < NHEADINGS; i++)
		if (strcmp(headings[i].name, name) == 0)
			return _(headings[i].heading);
	return name;
}

const char *
field_word(const char *name)
{
	return locale_is_chinese() ? field_heading(name) : name;
}

const char *
field_domain(const char *name)
{
	for (size_t i = 0; name != NULL && i < NHEADINGS; i++)
		if (strcmp(headings[i].name, name) == 0)
			return headings[i].domain;
	return NULL;
}

const char *
field_of_heading(const char *text)
{
	for (size_t i = 0; text != NULL && i < NHEADINGS; i++)
		if (strcasecmp(headings[i].heading, text) == 0 ||
		    strcmp(_(headings[i].heading), text) == 0)
			return headings[i].name;
	return NULL;
}
