/* rule.h -- village rules (村规民约): a rule set's steps from its draft to its enforcement */
#ifndef RENKE_RULE_H
#define RENKE_RULE_H

#include "import.h"
#include "issue.h"
#include "output.h"
#include "store.h"

/*
 * A rule set of a village, or of one of its villager groups, is known
 * by its place and its title.  Its steps come in this order, each
 * dated no earlier than the step before and signed (rule-step, rule.c):
 *
 *   draft -> consult (one round or more, 几上几下) -> vote -> review
 *   -> post; then deliver (to each household) and enforce, any number
 *
 * A draft starts a rule set, or revises one that a valid vote did not
 * adopt or the legality review refused.  A vote is decided by
 * vote_decide(): without a quorum it decides nothing and the rule set
 * may be voted again.  The review files it (合法性审查备案) or refuses
 * it.  It is in force once filed and posted (张榜公布); only then is it
 * delivered to households (分发到户) and enforced (violations and
 * rewards through the red-and-white council, the moral council or the
 * elders' hall).  Every step is audited under entity "rule".
 */

/* A rule set in force (prefix t of rule_set): filed and posted. */
#define RULE_IN_FORCE_SQL(t) "(" t "stage = 'in_force')"

/* The fields of a step, as rule-step reads them. */
enum rule_field {
	RULE_VILLAGE, RULE_GROUP, RULE_TITLE, RULE_STEP, RULE_DATE, RULE_WHO,
	RULE_TOPICS, RULE_GROUPS, RULE_OPINIONS, RULE_ADOPTED,
	RULE_REPRESENTATIVES, RULE_PRESENT, RULE_YES, RULE_NO, RULE_ABSTAIN,
	RULE_RESULT, RULE_PLACE, RULE_HOUSEHOLD, RULE_ACTION, RULE_BODY,
	RULE_NOTES,
	RULE_NFIELDS
};

extern const struct field_spec rule_fields[RULE_NFIELDS];

/*
 * How steps of rule sets are checked and recorded, for import_run(),
 * given a struct step_settings (lifecycle.h): the rule sets moved go to
 * its touched.
 */
extern const struct import_kind rule_step_kind;

/* The columns a rule set is written in. */
enum { RULE_OUT_NCOLUMNS = 13 };
extern const struct column rule_out_columns[RULE_OUT_NCOLUMNS];

/*
 * Write rule set id to w in rule_out_columns (labels: vocabulary labels,
 * topics joined as staff write them): its place, title, topics, stage,
 * rounds of consultation, filing, coming into force, the households it
 * was delivered to of those of its place, and its next step.  0, or -1
 * with err set.
 */
int rule_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err);

#endif
