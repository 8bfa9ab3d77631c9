/* lifecycle.h -- the order of a record's steps, shared by the step commands: which step may follow which stage */
#ifndef RENKE_LIFECYCLE_H
#define RENKE_LIFECYCLE_H

#include <stddef.h>

#include "import.h"
#include "issue.h"
#include "store.h"

/*
 * A record that moves through steps (a rule set, a board entry, a
 * misconduct matter) is at a stage, the one its last step left it at.
 * A step may follow the stages its after lists: ' '-separated codes
 * with a space at each end, "" for a step that starts a record.  The
 * steps' names are codes of one vocabulary (vocab.c), so that messages
 * name them in the user's language.
 */
struct lifecycle_step {
	const char *step;
	const char *after;
};

/*
 * A lifecycle: its steps, an array of nsteps elements of size bytes,
 * each starting with a struct lifecycle_step (a command's own step table
 * may carry more after it); the vocabulary of their names; and, where
 * some kinds of record skip steps, allowed: whether step may follow
 * stage for a record of that variant, beyond what after says (NULL:
 * after decides alone).
 */
struct lifecycle {
	const void *steps;
	size_t nsteps, size;
	const char *domain;
	int (*allowed)(const char *variant, const char *stage,
	    const struct lifecycle_step *step);
};

/* Step i of lc. */
const struct lifecycle_step *lifecycle_nth(const struct lifecycle *lc,
    size_t i);

/* The step of lc named code; NULL when there is none. */
const struct lifecycle_step *lifecycle_find(const struct lifecycle *lc,
    const char *code);

/* 1 when step may follow stage on a record of variant (for lc's allowed), else 0. */
int lifecycle_may_follow(const struct lifecycle *lc,
    const struct lifecycle_step *step, const char *variant, const char *stage);

/*
 * The steps that may follow stage on a record of variant, their names in
 * the user's language joined by ", ", into out (size bytes); "none" in
 * the user's language when no step may.
 */
void lifecycle_next(const struct lifecycle *lc, const char *variant,
    const char *stage, char *out, size_t size);

/*
 * Every field k of v[0..n) that is given although it belongs to another
 * step than step (field_step[k]; NULL: to any step), reported against
 * rec as belonging to that step.  Returns 1 when one was, else 0.
 */
int lifecycle_check_fields(const struct lifecycle *lc, struct import *im,
    const struct record *rec, const char *const *v,
    const char *const *field_step, int n, const char *step);

/*
 * What a command importing steps (board-step, misconduct-step,
 * rule-step, case-step; case-open too) needs besides its records: the
 * date it is and who acts (the signer a record leaves out); the ids of
 * the records the import moved go to touched, for the commands that
 * write them out.  Given to import_run() through
 * import_options.settings.
 */
struct step_settings {
	const char *today;
	const char *who;
	struct issue_ids touched;
};

/*
 * The start of one step record: its n fields into v, the date it is
 * into today (--today, else the store's day) and, returned, who signs
 * it (field who_k, else --by, else the store's user), from the import's
 * struct step_settings (NULL: none given).
 */
const char *lifecycle_record_start(struct import *im,
    const struct record *rec, const char **v, size_t n, int who_k,
    char today[11]);

/*
 * The id of a record the import moved, noted in the import's
 * struct step_settings (nothing when it has none): 0, -1 with err set
 * when memory runs out.
 */
int lifecycle_touched(struct import *im, long long id, struct error *err);

/*
 * How a step command checks and writes one step record (u: its own
 * record of the step, as the hooks know it), in this order:
 *
 *   check     the fields and what the step needs, and what the store
 *             must hold for them: 0, 1 when bad (reported), -1 with err
 *   load      the record the step is for into u: 1, 0 when none is
 *             stored (the step starts one), -1 with err
 *   recorded  the step stored already: 2 the same (unchanged), 1
 *             another (refused, reported), 0 not stored, -1 with err
 *   order     1 when the step may not follow where the record is
 *             (reported), else 0
 *   start     the new record written, audited: 0, 1 refused
 *             (reported), -1 with err
 *   step      a later step written and the record moved on, audited:
 *             0, -1 with err
 */
struct lifecycle_row {
	int (*check)(struct import *im, const struct record *rec,
	    struct store *s, void *u, struct error *err);
	int (*load)(struct store *s, void *u, struct error *err);
	int (*recorded)(struct import *im, const struct record *rec,
	    struct store *s, const void *u, struct error *err);
	int (*order)(struct import *im, const struct record *rec,
	    const void *u);
	int (*start)(struct import *im, const struct record *rec,
	    struct store *s, void *u, struct error *err);
	int (*step)(struct store *s, void *u, struct error *err);
};

/*
 * One step record through row's hooks, counted in import_stats() as
 * added, updated or unchanged: 0, 1 when it is refused (reported), -1
 * with err set.
 */
int lifecycle_record(struct import *im, const struct record *rec,
    const struct lifecycle_row *row, void *u, struct error *err);

#endif
