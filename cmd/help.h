/* help.h -- the option lines -h prints, taken from the man pages (scripts/embed-help) */
#ifndef RENKE_HELP_H
#define RENKE_HELP_H

#include <stddef.h>

/*
 * One item of a man page's list of options or of fields: the command
 * (renke for the options renke(7) describes for every command), its tag
 * as the page shows it ("-d db, --db db", or fields: "opinions, adopted")
 * and the first sentence of its text, in English and in Chinese (""
 * when the Chinese page has no such item).
 */
struct help_entry {
	const char *command;
	const char *tag;
	const char *text[2];
};

extern const struct help_entry help_entries[];
extern const size_t help_nentries;

#endif
