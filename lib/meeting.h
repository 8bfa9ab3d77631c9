/* meeting.h -- meetings: representatives' meetings, courtyard meetings, briefings, assemblies and their votes */
#ifndef RENKE_MEETING_H
#define RENKE_MEETING_H

#include "error.h"
#include "output.h"
#include "store.h"
#include "vote.h"

/* A meeting as given: text straight from options or a record; NULL: not given. */
struct meeting {
	const char *kind;	/* representatives, courtyard, briefing, assembly (or a label) */
	const char *village;
	const char *group;	/* required for a courtyard meeting */
	const char *date;	/* any date form date_parse() takes */
	const char *host;
	const char *attendees;
	const char *minutes;
	/* a vote on the village rules, at an assembly: counts as text */
	const char *representatives, *present, *yes, *no, *abstain;
	const char *filed_on;	/* date of the legality review filing (备案) */
};

/* What meeting_record() found or made. */
struct meeting_result {
	long long id;
	int existed;		/* the same meeting (kind, place, date) was there */
	char kind[24];
	char date[11];
	int has_vote;
	struct vote_result vote;
};

/*
 * Check m and write it, with its vote, inside the caller's transaction;
 * the same meeting twice is found, not written again.  Returns 0 with
 * *out filled, or -1 with err set (EXIT_DATAERR for bad fields, naming
 * the field as "file: field: problem" with file as given).
 */
int meeting_record(struct store *s, const struct meeting *m, const char *file,
    struct meeting_result *out, struct error *err);

/* The issue source that suggestions raised at a meeting of kind have. */
const char *meeting_issue_source(const char *kind);

enum { MEETING_NCOLUMNS = 15 };
extern const struct column meeting_columns[MEETING_NCOLUMNS];

/*
 * Write meeting id to w in meeting_columns (suggestions: issues raised
 * there); 0, or -1 with err set.
 */
int meeting_write(struct store *s, long long id, struct writer *w, int labels,
    struct error *err);

#endif
