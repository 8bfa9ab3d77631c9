/* test-member.c -- a person's sex, birth date and age from their ID number, at the edges */
#include <stdio.h>

#include "member.h"
#include "tap.h"

int
main(void)
{
	char birth[11];

	member_birth_date("500235200601150016", birth);
	is_str(birth, "2006-01-15", "the birth date is digits 7 to 14 of the number");
	is_str(member_sex("500235200601150016"), "male", "an odd 17th digit is a man");
	is_str(member_sex("500235200601150024"), "female", "an even one a woman");

	is_int(member_age_on("2006-01-15", "2022-01-14"), 15, "15 the day before the 16th birthday");
	is_int(member_age_on("2006-01-15", "2022-01-15"), 16, "16 on the birthday");
	is_int(member_age_on("1957-12-31", "2022-12-30"), 64, "64 the day before turning 65");
	is_int(member_age_on("1957-12-31", "2022-12-31"), 65, "65 on the day");
	is_int(member_age_on("2004-02-29", "2022-02-28"), 17, "born on 29 February: still 17 on the 28th");
	is_int(member_age_on("2004-02-29", "2022-03-01"), 18, "and 18 on 1 March");
	is_int(member_age_on("2022-11-30", "2022-11-30"), 0, "0 on the day of birth");

	is_int(member_age_on(NULL, "2022-11-30"), -1, "no birth date: no age");
	is_int(member_age_on("2006-01-15", NULL), -1, "no day: no age");
	is_int(member_age_on("2006-1-15", "2022-11-30"), -1, "a date not ISO is no date");
	is_int(member_age_on("2006-01-1", "2022-11-30"), -1, "a date cut short is no date");
	is_int(member_age_on("2006/01/15", "2022-11-30"), -1, "other separators are no ISO date");
	is_int(member_age_on("2006-01-15", "２０２２-11-30"), -1, "nor are full-width digits");
	is_int(member_age_on("", "2022-11-30"), -1, "nor is nothing");
	return done_testing();
}
