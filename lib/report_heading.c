/* report_heading.c -- the heading of a ledger page printed for a notice board: township, place, filters, date, count */
#include <stdlib.h>
#include <string.h>

#include "household.h"
#include "report.h"
#include "report_parts.h"
#include "text.h"
#include "vocab.h"

/* Each ledger's title and what its rows count. */
static const struct {
	const char *title, *one, *many;
} ledger_words[] = {
	[REPORT_ISSUES] = { N_("Issue ledger"), N_("%ld issue in all"),
	    N_("%ld issues in all") },
	[REPORT_VISITS] = { N_("Visit ledger"), N_("%ld visit in all"),
	    N_("%ld visits in all") },
	[REPORT_HOUSEHOLDS] = { N_("Household ledger"), N_("%ld household in all"),
	    N_("%ld households in all") },
	[REPORT_MEETINGS] = { N_("Meeting ledger"), N_("%ld meeting in all"),
	    N_("%ld meetings in all") },
};

/* "label: value" after what b holds, "; " between; 0, or -1 out of memory. */
static int
add_filter(struct buf *b, const char *label, const char *value)
{
	if (value == NULL)
		return 0;
	if ((b->len > 0 && buf_puts(b, _("; ")) != 0) || buf_puts(b, _(label)) != 0 ||
	    buf_puts(b, _(": ")) != 0 || buf_puts(b, value) != 0)
		return -1;
	return 0;
}

/* The filters of f but the place, in words, into b: 0, or -1 out of memory. */
static int
describe_filters(struct buf *b, enum report_ledger which,
    const struct report_filter *f)
{
	const char *category = f->category == NULL ? NULL :
	    vocab_label(which == REPORT_HOUSEHOLDS ? "category" : "issue_category",
	    vocab_code(which == REPORT_HOUSEHOLDS ? "category" : "issue_category",
	    f->category));
	const char *kind = f->kind == NULL ? NULL :
	    vocab_label(which == REPORT_MEETINGS ? "meeting_kind" : "issue_kind",
	    f->kind);

	char id_number[64], phone[64];

	return add_filter(b, N_("household"), f->household) != 0 ||
	    add_filter(b, N_("name"), f->name) != 0 ||
	    add_filter(b, N_("ID number"), f->id_number == NULL ? NULL :
	    f->reveal ? f->id_number : text_mask_personal(f->id_number,
	    id_number, sizeof(id_number))) != 0 ||
	    add_filter(b, N_("phone"), f->phone == NULL ? NULL : f->reveal ?
	    f->phone : text_mask_personal(f->phone, phone, sizeof(phone))) != 0 ||
	    add_filter(b, N_("cadre"), f->cadre) != 0 ||
	    add_filter(b, N_("category"), category) != 0 ||
	    add_filter(b, N_("kind"), kind) != 0 ||
	    add_filter(b, N_("status"), f->status == NULL ? NULL :
	    vocab_label("status", f->status)) != 0 ||
	    add_filter(b, which == REPORT_VISITS ? N_("visitor") :
	    which == REPORT_MEETINGS ? N_("host") : N_("owner"), f->owner) != 0 ||
	    add_filter(b, N_("reporter"), f->reporter) != 0 ||
	    add_filter(b, N_("dated from"), f->since) != 0 ||
	    add_filter(b, N_("dated to"), f->until) != 0 ||
	    add_filter(b, N_("due from"), f->due_since) != 0 ||
	    add_filter(b, N_("due to"), f->due_until) != 0 ? -1 : 0;
}

int
report_heading_start(struct report_heading *rh, enum report_ledger which,
    const struct report_filter *f, struct error *err)
{
	char date[64];
	struct buf filters = { 0 };

	memset(rh, 0, sizeof(*rh));
	rh->which = which;
	rh->h.count_one = ledger_words[which].one;
	rh->h.count_many = ledger_words[which].many;
	rh->h.lines = rh->lines;
	rh->h.title = _(ledger_words[which].title);
	if (f->village != NULL)
		snprintf(rh->place, sizeof(rh->place), _("Village: %s%s%s"),
		    f->village, f->group != NULL ? " " : "",
		    f->group != NULL ? f->group : "");
	else
		snprintf(rh->place, sizeof(rh->place), "%s", _("Village: all"));
	rh->lines[rh->h.nlines++] = rh->place;
	if (describe_filters(&filters, which, f) != 0) {
		buf_free(&filters);
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	}
	if (filters.len > 0) {
		snprintf(rh->filters, sizeof(rh->filters), _("Filters: %s"),
		    filters.data);
		rh->lines[rh->h.nlines++] = rh->filters;
	}
	buf_free(&filters);
	snprintf(rh->date, sizeof(rh->date), _("Date: %s"),
	    date_for_print(f->today, date, sizeof(date)));
	rh->lines[rh->h.nlines++] = rh->date;
	return 0;
}

int
report_heading_township(struct report_heading *rh, const char *township,
    struct error *err)
{
	if ((rh->townships.len > 0 && buf_puts(&rh->townships, _(", ")) != 0) ||
	    buf_puts(&rh->townships, township) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	buf_reset(&rh->title);
	if (buf_puts(&rh->title, rh->townships.data) != 0 ||
	    buf_puts(&rh->title, " ") != 0 ||
	    buf_puts(&rh->title, _(ledger_words[rh->which].title)) != 0)
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	rh->h.title = rh->title.data;
	return 0;
}

void
report_heading_free(struct report_heading *rh)
{
	buf_free(&rh->title);
	buf_free(&rh->townships);
}

struct report_heading *
report_heading_households(struct store *s, const struct household_filter *hf,
    const char *today, int reveal, struct error *err)
{
	struct report_filter f = {
		.village = hf->village, .group = hf->group,
		.category = hf->category, .household = hf->household_id,
		.name = hf->name, .id_number = hf->id_number, .phone = hf->phone,
		.cadre = hf->cadre, .today = today, .reveal = reveal,
	};
	struct report_heading *rh = malloc(sizeof(*rh));
	char *township = report_township(s);

	if (rh == NULL || township == NULL) {
		free(rh);
		free(township);
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		return NULL;
	}
	if (report_heading_start(rh, REPORT_HOUSEHOLDS, &f, err) != 0) {
		free(rh);
		free(township);
		return NULL;
	}
	if (report_heading_township(rh, township, err) != 0) {
		report_heading_free(rh);
		free(rh);
		free(township);
		return NULL;
	}
	free(township);
	output_heading(&rh->h);
	return rh;
}

void
report_heading_end(struct report_heading *rh)
{
	if (rh == NULL)
		return;
	output_heading(NULL);
	report_heading_free(rh);
	free(rh);
}
