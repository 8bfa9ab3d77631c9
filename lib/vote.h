/* vote.h -- the village-rule vote (村规民约): is the meeting valid, is the rule adopted */
#ifndef RENKE_VOTE_H
#define RENKE_VOTE_H

#include "error.h"

/* A vote's counts and what they decide. */
struct vote_result {
	long representatives;	/* representatives in office */
	long present;
	long yes, no, abstain;
	int valid;		/* present >= 2/3 of representatives */
	int adopted;		/* valid, and yes > 1/2 of those present */
};

/*
 * Decide a vote in exact integer arithmetic: the meeting is valid when
 * present * 3 >= representatives * 2, and the rule is adopted when the
 * meeting is valid and yes * 2 > present.  Those present need not all
 * vote (yes + no + abstain may be less than present).
 *
 * Returns 0 with *out filled, or -1 with err set (EXIT_DATAERR) and *out
 * untouched when the counts are impossible: a negative count, no
 * representatives, more present than representatives, more votes than
 * people present, or a count too large to multiply safely.
 */
int vote_decide(long representatives, long present, long yes, long no,
    long abstain, struct vote_result *out, struct error *err);

#endif
