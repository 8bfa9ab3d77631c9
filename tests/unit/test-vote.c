/* test-vote.c -- the village-rule vote: valid at two thirds present, adopted above half */
#include <limits.h>

#include "renke.h"
#include "tap.h"

/* Decide and describe: "valid adopted", "valid rejected", "invalid", or "ERROR(status)". */
static const char *
decide(long representatives, long present, long yes, long no, long abstain)
{
	static char text[64];
	struct vote_result r = { -1, -1, -1, -1, -1, -1, -1 };
	struct error err = { 0 };

	if (vote_decide(representatives, present, yes, no, abstain, &r, &err) != 0) {
		snprintf(text, sizeof(text), "ERROR(%d)%s", err.status,
		    r.valid == -1 ? "" : " but out was touched");
		return text;
	}
	if (r.representatives != representatives || r.present != present ||
	    r.yes != yes || r.no != no || r.abstain != abstain)
		return "counts not copied";
	if (!r.valid)
		return r.adopted ? "invalid but adopted" : "invalid";
	return r.adopted ? "valid adopted" : "valid rejected";
}

int
main(void)
{
	/* valid: present * 3 >= representatives * 2 */
	is_str(decide(30, 20, 20, 0, 0), "valid adopted", "exactly two thirds present is valid");
	is_str(decide(30, 19, 19, 0, 0), "invalid", "one short of two thirds is invalid");
	is_str(decide(31, 21, 21, 0, 0), "valid adopted", "31 in office: 21 present is 2/3 or more (63 >= 62)");
	is_str(decide(31, 20, 20, 0, 0), "invalid", "31 in office: 20 present is short (60 < 62)");
	is_str(decide(3, 2, 2, 0, 0), "valid adopted", "3 in office, 2 present");
	is_str(decide(1, 1, 1, 0, 0), "valid adopted", "one representative, present, yes");
	is_str(decide(5, 0, 0, 0, 0), "invalid", "nobody present");
	/* adopted: yes * 2 > present */
	is_str(decide(30, 20, 10, 10, 0), "valid rejected", "a tie is not adopted");
	is_str(decide(30, 20, 11, 9, 0), "valid adopted", "one more than half is adopted");
	is_str(decide(30, 21, 10, 11, 0), "valid rejected", "10 of 21 is not more than half");
	is_str(decide(30, 21, 11, 0, 10), "valid adopted", "11 of 21 is more than half");
	is_str(decide(30, 20, 10, 0, 10), "valid rejected", "abstentions count among those present");
	is_str(decide(30, 20, 10, 0, 0), "valid rejected", "those present who do not vote count too");
	is_str(decide(30, 19, 19, 0, 0), "invalid", "an invalid meeting adopts nothing");
	/* impossible counts */
	is_str(decide(30, 31, 31, 0, 0), "ERROR(65)", "more present than in office");
	is_str(decide(30, 20, 15, 5, 1), "ERROR(65)", "more votes than present");
	is_str(decide(-1, 0, 0, 0, 0), "ERROR(65)", "negative representatives");
	is_str(decide(30, -1, 0, 0, 0), "ERROR(65)", "negative present");
	is_str(decide(30, 20, -1, 0, 0), "ERROR(65)", "negative yes");
	is_str(decide(30, 20, 0, -1, 0), "ERROR(65)", "negative no");
	is_str(decide(30, 20, 0, 0, -1), "ERROR(65)", "negative abstain");
	is_str(decide(0, 0, 0, 0, 0), "ERROR(65)", "no representatives in office");
	is_str(decide(LONG_MAX, 1, 1, 0, 0), "ERROR(65)", "a count too large to multiply");
	is_str(decide(LONG_MAX / 4, LONG_MAX / 4, LONG_MAX / 4, 0, 0), "valid adopted",
	    "large counts are still exact");
	is_str(decide(LONG_MAX / 4, LONG_MAX / 4 / 3 * 2 - 1, 0, 0, 0), "invalid",
	    "large counts: just short of two thirds");
	return done_testing();
}
