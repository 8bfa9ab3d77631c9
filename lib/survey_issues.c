/* survey_issues.c -- each dissatisfied answer of the phone survey as an issue-add record */
#include <string.h>

#include "survey_model.h"
#include "vocab.h"

const struct column survey_issue_columns[SURVEY_ISSUE_NCOLUMNS] = {
	{ "kind", N_("kind"), COLUMN_TEXT },
	{ "category", N_("category"), COLUMN_TEXT },
	{ "title", N_("title"), COLUMN_TEXT },
	{ "detail", N_("detail"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "reporter", N_("reporter"), COLUMN_TEXT },
	{ "source", N_("source"), COLUMN_TEXT },
	{ "source_ref", N_("source reference"), COLUMN_TEXT },
};

/* The issue category that follows up a question area. */
static const char *
issue_category(const struct question *q)
{
	if (q->code == NULL)
		return "other";
	if (strcmp(q->code, "q_cadre") == 0)
		return "conduct";
	if (strcmp(q->code, "q_infrastructure") == 0)
		return "infrastructure";
	return "other";		/* policy awareness, guarantees */
}

/* The question's Chinese name: the ledger is kept in Chinese. */
static const char *
question_chinese(const struct question *q)
{
	if (q->code != NULL)
		for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
			if (strcmp(e->domain, "survey_question") == 0 &&
			    strcmp(e->code, q->code) == 0)
				return e->label_zh;
	return q->name;
}

/* A span as a NUL-terminated string in b, or NULL when empty. */
static const char *
span_text(struct buf *b, struct span s)
{
	if (s.n == 0)
		return NULL;
	buf_reset(b);
	if (buf_append(b, s.p, s.n) != 0)
		return NULL;
	return b->data;
}

/* One issue-add record for each dissatisfied answer of r. */
int
survey_issues_write(struct survey *sv, const struct response *r,
    struct error *err)
{
	int labels = sv->issue_labels;
	struct buf *title = &sv->scratch[0], *detail = &sv->scratch[1],
	    *ref = &sv->scratch[2];

	for (size_t i = 0; i < r->nanswers; i++) {
		const struct question *q;
		const char *v[SURVEY_ISSUE_NCOLUMNS];

		if (r->answer[i] != ANSWER_DISSATISFIED)
			continue;
		q = &sv->questions[r->question[i]];
		buf_reset(title);
		buf_puts(title, "电话调查不满意：");
		buf_puts(title, question_chinese(q));
		buf_reset(detail);
		buf_puts(detail, "问题：");
		buf_puts(detail, question_chinese(q));
		buf_puts(detail, "；回答：");
		buf_append(detail, r->text[i].p, r->text[i].n);
		if (r->key[SURVEY_RESPONDENT].n > 0) {
			buf_puts(detail, "；受访人：");
			buf_append(detail, r->key[SURVEY_RESPONDENT].p,
			    r->key[SURVEY_RESPONDENT].n);
		}
		if (r->key[SURVEY_DATE].n > 0) {
			buf_puts(detail, "；调查日期：");
			buf_append(detail, r->key[SURVEY_DATE].p, r->key[SURVEY_DATE].n);
		}
		/* what the answer is, so that the same answer is the same issue */
		buf_reset(ref);
		buf_puts(ref, "survey:");
		buf_append(ref, sv->identity.data, sv->identity.len);
		buf_append(ref, ":", 1);
		buf_puts(ref, q->name);
		if (title->data == NULL || detail->data == NULL || ref->data == NULL)
			return survey_nomem(err);
		v[0] = labels ? vocab_label("issue_kind", "problem") : "problem";
		v[1] = labels ? vocab_label("issue_category", issue_category(q)) :
		    issue_category(q);
		v[2] = title->data;
		v[3] = detail->data;
		v[4] = span_text(&sv->scratch[3], r->key[SURVEY_VILLAGE]);
		v[5] = span_text(&sv->scratch[4], r->key[SURVEY_GROUP]);
		v[6] = span_text(&sv->scratch[5], r->key[SURVEY_HOUSEHOLD]);
		v[7] = span_text(&sv->scratch[6], r->key[SURVEY_RESPONDENT]);
		v[8] = labels ? vocab_label("issue_source", "survey") : "survey";
		v[9] = ref->data;
		if (writer_row(sv->issues, v, err) != 0)
			return -1;
	}
	return 0;
}

