/* vote.c -- the village-rule vote (村规民约): is the meeting valid, is the rule adopted */
#include <limits.h>

#include "vote.h"

/* Counts beyond this could overflow present * 3; no village has so many. */
#define VOTE_COUNT_MAX (LONG_MAX / 4)

int
vote_decide(long representatives, long present, long yes, long no,
    long abstain, struct vote_result *out, struct error *err)
{
	if (representatives < 0 || present < 0 || yes < 0 || no < 0 ||
	    abstain < 0)
		return error_set(err, EXIT_DATAERR, _("a vote count is negative"));
	if (representatives > VOTE_COUNT_MAX || present > VOTE_COUNT_MAX ||
	    yes > VOTE_COUNT_MAX || no > VOTE_COUNT_MAX || abstain > VOTE_COUNT_MAX)
		return error_set(err, EXIT_DATAERR, _("a vote count is too large"));
	if (representatives == 0)
		return error_set(err, EXIT_DATAERR,
		    _("no representatives in office: nothing can be voted"));
	if (present > representatives)
		return error_set(err, EXIT_DATAERR,
		    _("%ld present, but only %ld representatives in office"),
		    present, representatives);
	/* each at most LONG_MAX / 4: the sum cannot overflow */
	if (yes + no + abstain > present)
		return error_set(err, EXIT_DATAERR,
		    _("%ld votes (%ld yes, %ld no, %ld abstain) from %ld present"),
		    yes + no + abstain, yes, no, abstain, present);
	out->representatives = representatives;
	out->present = present;
	out->yes = yes;
	out->no = no;
	out->abstain = abstain;
	out->valid = present * 3 >= representatives * 2;
	out->adopted = out->valid && yes * 2 > present;
	return 0;
}
