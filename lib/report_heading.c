/* report_heading.c -- the heading of a page or workbook printed for a notice board: township, place, filters, date, count */
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

int
report_filter_words(struct buf *b, const char *label, const char *value)
{
	if (value == NULL)
		return 0;
	if ((b->len > 0 && buf_puts(b, _("; ")) != 0) || buf_puts(b, _(label)) != 0 ||
	    buf_puts(b, _(": ")) != 0 || buf_puts(b, value) != 0)
		return -1;
	return 0;
}

/*
 * What a list's filters mean: the vocabularies of its category and
 * kind, and who its owner is (a msgid).
 */
struct filter_meaning {
	const char *category, *kind, *owner;
};

static const struct filter_meaning ledger_meaning[] = {
	[REPORT_ISSUES] = { "issue_category", "issue_kind", N_("owner") },
	[REPORT_VISITS] = { "issue_category", "issue_kind", N_("visitor") },
	[REPORT_HOUSEHOLDS] = { "category", "issue_kind", N_("owner") },
	[REPORT_MEETINGS] = { "issue_category", "meeting_kind", N_("host") },
};

/* The filters of f but the place, in words, into b: 0, or -1 out of memory. */
static int
describe_filters(struct buf *b, const struct filter_meaning *m,
    const struct report_filter *f)
{
	const char *category = f->category == NULL ? NULL :
	    vocab_label(m->category, vocab_code(m->category, f->category));
	const char *kind = f->kind == NULL ? NULL : vocab_label(m->kind, f->kind);

	char id_number[64], phone[64];

	return report_filter_words(b, N_("household"), f->household) != 0 ||
	    report_filter_words(b, N_("name"), f->name) != 0 ||
	    report_filter_words(b, N_("ID number"), f->id_number == NULL ? NULL :
	    f->reveal ? f->id_number : text_mask_personal(f->id_number,
	    id_number, sizeof(id_number))) != 0 ||
	    report_filter_words(b, N_("phone"), f->phone == NULL ? NULL : f->reveal ?
	    f->phone : text_mask_personal(f->phone, phone, sizeof(phone))) != 0 ||
	    report_filter_words(b, N_("cadre"), f->cadre) != 0 ||
	    report_filter_words(b, N_("category"), category) != 0 ||
	    report_filter_words(b, N_("kind"), kind) != 0 ||
	    report_filter_words(b, N_("status"), f->status == NULL ? NULL :
	    vocab_label("status", f->status)) != 0 ||
	    report_filter_words(b, m->owner, f->owner) != 0 ||
	    report_filter_words(b, N_("reporter"), f->reporter) != 0 ||
	    report_filter_words(b, N_("dated from"), f->since) != 0 ||
	    report_filter_words(b, N_("dated to"), f->until) != 0 ||
	    report_filter_words(b, N_("due from"), f->due_since) != 0 ||
	    report_filter_words(b, N_("due to"), f->due_until) != 0 ? -1 : 0;
}

/*
 * rh headed title (in the user's language), counting in count_one and
 * count_many (msgids; NULL: no count), with its lines: the place, the
 * filters in words (NULL or "": none), the date.
 */
static void
heading_fill(struct report_heading *rh, const char *title,
    const char *count_one, const char *count_many, const char *village,
    const char *group, const char *filters, const char *today)
{
	char date[64];

	memset(rh, 0, sizeof(*rh));
	rh->listing = title;
	rh->h.count_one = count_one;
	rh->h.count_many = count_many;
	rh->h.lines = rh->lines;
	rh->h.title = title;
	if (village != NULL)
		snprintf(rh->place, sizeof(rh->place), _("Village: %s%s%s"),
		    village, group != NULL ? " " : "", group != NULL ? group : "");
	else
		snprintf(rh->place, sizeof(rh->place), "%s", _("Village: all"));
	rh->lines[rh->h.nlines++] = rh->place;
	if (filters != NULL && *filters != '\0') {
		snprintf(rh->filters, sizeof(rh->filters), _("Filters: %s"),
		    filters);
		rh->lines[rh->h.nlines++] = rh->filters;
	}
	snprintf(rh->date, sizeof(rh->date), _("Date: %s"),
	    date_for_print(today, date, sizeof(date)));
	rh->lines[rh->h.nlines++] = rh->date;
}

int
report_heading_start(struct report_heading *rh, enum report_ledger which,
    const struct report_filter *f, struct error *err)
{
	struct buf filters = { 0 };

	if (describe_filters(&filters, &ledger_meaning[which], f) != 0) {
		buf_free(&filters);
		return error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
	}
	heading_fill(rh, _(ledger_words[which].title), ledger_words[which].one,
	    ledger_words[which].many, f->village, f->group, filters.data,
	    f->today);
	buf_free(&filters);
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
	    buf_puts(&rh->title, rh->listing) != 0)
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

/*
 * rh, filled in, headed by the township of s too and given to the
 * writers opened after it: rh, or NULL with err set (rh freed).
 */
static struct report_heading *
heading_given(struct report_heading *rh, struct store *s, struct error *err)
{
	char *township = report_township(s);

	if (township == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		report_heading_end(rh);
		return NULL;
	}
	if (report_heading_township(rh, township, err) != 0) {
		free(township);
		report_heading_end(rh);
		return NULL;
	}
	free(township);
	output_heading(&rh->h);
	return rh;
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

	if (rh == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		return NULL;
	}
	if (report_heading_start(rh, REPORT_HOUSEHOLDS, &f, err) != 0) {
		free(rh);
		return NULL;
	}
	return heading_given(rh, s, err);
}

struct report_heading *
report_heading_listing(struct store *s, const char *title,
    const char *village, const char *group, const char *filters,
    const char *today, const char *count_one, const char *count_many,
    struct error *err)
{
	struct report_heading *rh = malloc(sizeof(*rh));

	if (rh == NULL) {
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		return NULL;
	}
	heading_fill(rh, title, count_one, count_many, village, group, filters,
	    today);
	return heading_given(rh, s, err);
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

/* One more store's township in the heading context is. */
static int
add_township(void *context, struct store *s, const char *township,
    struct error *err)
{
	(void)s;
	return report_heading_township(context, township, err);
}

struct report_heading *
report_heading_report(struct report_source *src, const char *title,
    const struct report_filter *f, const char *kind_domain,
    const char *count_one, const char *count_many, struct error *err)
{
	const struct filter_meaning meaning = { "issue_category",
		kind_domain != NULL ? kind_domain : "issue_kind", N_("owner") };
	struct report_heading *rh = malloc(sizeof(*rh));
	struct buf filters = { 0 };

	if (rh == NULL || describe_filters(&filters, &meaning, f) != 0) {
		free(rh);
		buf_free(&filters);
		error_set(err, EXIT_SOFTWARE, "%s", _("out of memory"));
		return NULL;
	}
	heading_fill(rh, title, count_one, count_many, f->village, f->group,
	    filters.data, f->today);
	buf_free(&filters);
	if (report_each_store(src, add_township, rh, err) != 0) {
		report_heading_end(rh);
		return NULL;
	}
	output_heading(&rh->h);
	return rh;
}
