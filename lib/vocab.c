/* vocab.c -- the vocabulary table and its lookups */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "text.h"
#include "vocab.h"

const struct vocab_entry vocab_table[] = {
	/* household categories (户类型) */
	{ "category", "lifted", "lifted", "脱贫户", "脱贫人口|脱贫" },
	{ "category", "monitored", "monitored", "监测户", "监测对象|监测" },
	{ "category", "minimum_allowance", "minimum allowance", "低保户", "低保" },
	{ "category", "serious_illness", "serious illness", "大病户", "大病" },
	{ "category", "extreme_poverty", "extreme poverty", "特困户", "特困|特困供养" },
	{ "category", "ordinary", "ordinary", "一般农户", "一般户|普通农户" },
	/* subtypes of monitored households (监测类型) */
	{ "monitor_type", "unstable", "unstable", "脱贫不稳定户", "脱贫不稳定" },
	{ "monitor_type", "marginal", "marginal", "边缘易致贫户", "边缘易致贫" },
	{ "monitor_type", "sudden_hardship", "sudden severe hardship", "突发严重困难户", "突发严重困难" },
	/* risk status of monitored households (风险状态) */
	{ "risk_status", "at_risk", "at risk", "未消除风险", "风险未消除" },
	{ "risk_status", "risk_eliminated", "risk eliminated", "已消除风险", "风险已消除" },
	/* the ledger: issue-add, issue-update, meeting-log */
	/* end of the ledger */
	/* visits: visit-log, milestone-add */
	/* end of visits */
	/* surveys: survey-tally */
	/* end of surveys */
	{ NULL, NULL, NULL, NULL, NULL }
};

/* 1 when text equals one of the '|' separated words of list. */
static int
in_list(const char *list, const char *text, size_t len)
{
	while (list != NULL && *list != '\0') {
		const char *bar = strchr(list, '|');
		size_t n = bar != NULL ? (size_t)(bar - list) : strlen(list);

		if (n == len && strncasecmp(list, text, len) == 0)
			return 1;
		list = bar != NULL ? bar + 1 : NULL;
	}
	return 0;
}

const char *
vocab_code(const char *domain, const char *text)
{
	size_t len;

	if (text == NULL)
		return NULL;
	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len == 0)
		return NULL;
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		if (strcmp(e->domain, domain) != 0)
			continue;
		if (in_list(e->code, text, len) || in_list(e->label_zh, text, len) ||
		    in_list(e->label_en, text, len) || in_list(e->aliases, text, len))
			return e->code;
	}
	return NULL;
}

const char *
vocab_label(const char *domain, const char *code)
{
	int zh = locale_is_chinese();

	if (code == NULL)
		return NULL;
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++)
		if (strcmp(e->domain, domain) == 0 && strcmp(e->code, code) == 0)
			return zh ? e->label_zh : e->label_en;
	return code;
}

char *
vocab_describe(const char *domain, char *out, size_t size)
{
	int zh = locale_is_chinese();
	size_t used = 0;

	if (size == 0)
		return out;
	out[0] = '\0';
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		int n;

		if (strcmp(e->domain, domain) != 0)
			continue;
		if (used > 0) {
			n = snprintf(out + used, size - used, "%s", _(", "));
			if (n < 0 || (size_t)n >= size - used)
				break;
			used += (size_t)n;
		}
		n = snprintf(out + used, size - used, _("%s (%s)"), e->code,
		    zh ? e->label_zh : e->label_en);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	return out;
}
