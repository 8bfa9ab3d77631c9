/* county.h -- the county's settings: the limits and day counts renke's rules read */
#ifndef RENKE_COUNTY_H
#define RENKE_COUNTY_H

#include "output.h"
#include "store.h"

/*
 * A setting the county may change (county-set), by name: the youngest
 * age for a public-welfare post (post_min_age) or an industry-park job
 * (job_min_age), the ages, amount and term of a small loan
 * (loan_min_age, loan_max_age, loan_max_amount, loan_max_months), the
 * days a loan may wait for its papers to go to the bank or for the
 * bank's answer (loan_unsent_days, loan_unanswered_days), the days a
 * returnee may go without a contact (returnee_uncontacted_days), and
 * the monitoring cases' limits (decision_days, posting_days,
 * unfollowed_days, stable_months).  Each is a whole number, stored in
 * county_setting, the seed's value until it is changed.
 */
struct county_setting {
	const char *name;
	const char *label_zh;	/* its name for people under zh_CN, accepted as name */
	long value_default, min, max;
	const char *unit;	/* untranslated (NC_("unit", ...)): years, yuan, ... */
	const char *what;	/* untranslated (N_): what it limits */
};

/* The value of setting name (a string literal) in an SQL expression. */
#define COUNTY_SETTING_SQL(name) \
	"(SELECT value FROM county_setting WHERE name = '" name "')"

/* The settings, in the order county-set lists them; their number into *n. */
const struct county_setting *county_settings(size_t *n);

/* The unit of c in the user's language. */
const char *county_unit(const struct county_setting *c);

/* The setting called name (its name, or its Chinese name), or NULL. */
const struct county_setting *county_setting_find(const char *name);

/*
 * The value of setting name in s into *value: 0, or -1 with err set
 * (EXIT_SOFTWARE for a name that is no setting's).
 */
int county_get(struct store *s, const char *name, long *value,
    struct error *err);

/*
 * Set setting name (as county_setting_find() finds it) to value in s, in the caller's transaction: the old
 * and new value audited, and reason (NULL: none given) after them; the
 * old value into *was (may be NULL).  0 (nothing written when the value
 * is the same), or -1 with err set: EXIT_DATAERR for a name that is no
 * setting's or a value outside its range.
 */
int county_set(struct store *s, const char *name, long value,
    const char *reason, long *was, struct error *err);

/*
 * The value text gives setting c: a whole number in its range, or
 * "default" for its default, into *value: 0, or -1 if it gives none.
 */
int county_value_parse(const struct county_setting *c, const char *text,
    long *value);

/* The columns county_list() writes. */
enum { COUNTY_NCOLUMNS = 7 };
extern const struct column county_columns[COUNTY_NCOLUMNS];

/*
 * Write every setting of s to w: name, value, default, lowest and
 * highest allowed, unit and what it limits; the name, unit and what it
 * limits in the user's language when labels.  The number of rows, or -1 with err set.
 */
long county_list(struct store *s, struct writer *w, int labels,
    struct error *err);

#endif
