/* text.h -- UTF-8, display width, dates, ID and phone numbers */
#ifndef RENKE_TEXT_H
#define RENKE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * FNV-1a of s[0..n), going on from h (TEXT_HASH for a new hash): for
 * the hash tables of what a sheet repeats.
 */
#define TEXT_HASH UINT64_C(14695981039346656037)
uint64_t text_hash(uint64_t h, const char *s, size_t n);

/* Length of the longest prefix of s[0..len) that is valid UTF-8. */
size_t utf8_valid_prefix(const char *s, size_t len);

/* 1 when s[0..len) is entirely valid UTF-8, else 0. */
int utf8_valid(const char *s, size_t len);

/*
 * Columns that the UTF-8 string s takes on a terminal: East Asian wide
 * and fullwidth characters count two, combining marks none.  Invalid
 * bytes count one each.
 */
size_t text_width(const char *s);

/*
 * The first line of s wrapped at width columns (text_width()): its length
 * in bytes, broken before a space or next to a wide character (where
 * Chinese breaks), never before the punctuation that closes a Chinese
 * clause; all of s when it fits, and at least one character.  The spaces
 * at the break are left for the caller to skip.
 */
size_t text_wrap(const char *s, size_t width);

/* The characters (UTF-8 code points; a bad byte one) of s. */
size_t utf8_length(const char *s);

/*
 * The edit distance between a and b counted in characters (UTF-8 code
 * points): the fewest insertions, deletions and substitutions that make
 * one the other.  Past limit the answer is only "more": limit + 1.
 */
size_t text_distance(const char *a, const char *b, size_t limit);

/*
 * The length in bytes of the white space or format character at s: ASCII
 * blanks, and the Unicode ones a sheet carries (no-break space, U+2000
 * to U+200D with the zero-width ones, U+2028, U+2029, U+202F, U+205F,
 * U+2060, U+3000 the full-width space, U+FEFF); 0 for anything else.
 */
size_t text_space_at(const char *s);

/* The same for the character that ends s[0..n), or 0. */
size_t text_space_before(const char *s, size_t n);

/* Move *s past the spaces that start s[0..n); the length left without those that end it. */
size_t text_trim_span(const char **s, size_t n);

/* Trim s in place of every text_space_at() at both ends; returns the start. */
char *text_trim(char *s);

/*
 * Full-width digits, X, x, - . and / (as an IME types them) as their
 * ASCII selves, in place; returns the new length.
 */
size_t text_ascii_digits(char *s);

/*
 * Parse a date written as 2022-11-01, 2022/11/1, 2022.11.1, 20221101 or
 * 2022年11月1日 into ISO form in out (11 bytes).  Returns 0, or -1 when
 * s is no such date or not a day of the calendar.
 */
int date_parse(const char *s, char out[11]);

/* Today in local time, ISO form, into out (11 bytes). */
void date_today(char out[11]);

/* Days since 1970-01-01 of an ISO date (which must be valid). */
long date_to_days(const char *iso);

/* Year, month (1-12) and day of month of a day number from date_to_days(). */
void date_civil(long days, long *year, long *month, long *day);

/* ISO form of a day number from date_to_days() into out (11 bytes). */
void date_from_days(long days, char out[11]);

/*
 * An ISO date as a page for print writes it, into out (size bytes):
 * 2022年11月30日 when locale_is_chinese(), else as it is.  Anything not an
 * ISO date is copied as it is.  Returns out.
 */
char *date_for_print(const char *iso, char *out, size_t size);

/* Parse a whole decimal integer in [min, max]; 0, or -1 if it is not one. */
int number_parse(const char *s, long min, long max, long *out);

/* Parse a finite decimal number, digits first ("2.5", "-1", ".5"); 0, or -1 if it is not one. */
int decimal_parse(const char *s, double *out);

/* Why an ID number is refused. */
enum id_number_problem {
	ID_NUMBER_OK = 0,
	ID_NUMBER_LENGTH,	/* not 18 characters */
	ID_NUMBER_CHARACTERS,	/* not 17 digits and a digit or X */
	ID_NUMBER_BIRTH_DATE,	/* digits 7-14 are no date */
	ID_NUMBER_CHECK_DIGIT	/* GB 11643 check digit does not match */
};

/*
 * Check an 18-character resident ID number (GB 11643-1999).  A lower
 * case x is made upper case in place.  Returns an id_number_problem.
 */
enum id_number_problem id_number_check(char *s);

/* The check digit ('0'..'9' or 'X') of the first 17 digits of s. */
char id_number_check_digit(const char *s);

/*
 * Check a phone number and normalise it in place, in s's size bytes: an
 * 11-digit mobile number (spaces, dashes and a +86 prefix removed), or a
 * landline with its area code (0xx-xxxxxxxx; a landline written without
 * its dash gets one, a byte more than it came with).  Returns 0, or -1
 * when it is neither or the normalised number does not fit.
 */
int phone_normalise(char *s, size_t size);

/* phone_normalise() of a copy of text into out (size bytes): 0, or -1 as it. */
int phone_copy_normalise(const char *text, char *out, size_t size);

/*
 * Masked copies for output: ID numbers keep their first 6 and last 4
 * characters (500235********123X), mobile numbers their first 3 and
 * last 4 (138****5678), landlines their area code and last 4.  Writes
 * at most size bytes into out and returns out.  Text of another shape
 * is masked entirely but for its last 2 characters.
 */
char *mask_id_number(const char *s, char *out, size_t size);
char *mask_phone(const char *s, char *out, size_t size);

/*
 * s with every number in it that may be personal masked, into out (size
 * bytes, cut to fit): a run of 11 or more digits (an ID number of 15 or
 * 18, its X too, keeps its first six and last four; a mobile phone or
 * anything longer its first three and last four) and the 7 or 8 digits
 * of a landline after its area code ("023-****5678").  Dates, counts and
 * household numbers are left as they are.  Returns out.
 */
char *text_mask_personal(const char *s, char *out, size_t size);

/*
 * 1 when messages and labels should be Chinese (LC_ALL, else LC_MESSAGES,
 * else LANG starts with zh).  The environment is read on the first call
 * only: set it before.
 */
int locale_is_chinese(void);

#endif
