/* survey-tally.c -- recognition rates of the phone survey, neighbour evaluations, ballots */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "evaluation.h"
#include "survey.h"

static const char usage[] =
"usage: survey-tally [-q] [-f format] [-o file] [--bom] [--excel] [--by keys]\n"
"                    [--questions names] [--min-n n]\n"
"                    [--dont-know-counts-against] [--dissatisfied] [-d db]\n"
"                    [--today date] [--save round [--replace]]\n"
"                    [--compare round] [--input-format fmt] [--encoding enc]\n"
"                    [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       survey-tally [-q] [-f format] [-o file] [--bom] [--excel] [--by keys]\n"
"                    [--questions names] [--min-n n]\n"
"                    [--dont-know-counts-against] [--dissatisfied] [-d db]\n"
"                    --from-store round [--compare round]\n"
"       survey-tally [-q] [-f format] [-o file] [--bom] [--excel] --evaluation\n"
"                    [--scale low-high] [--min-n n] [--red n] [--black n]\n"
"                    [--input-format fmt] [--encoding enc]\n"
"                    [--sheet name] [--header-row n] [--list-sheets] [file ...]\n"
"       survey-tally [-q] [-f format] [-o file] [--bom] [--excel] --ballot\n"
"                    --representatives n [--input-format fmt]\n"
"                    [--encoding enc] [--sheet name] [--header-row n]\n"
"                    [--list-sheets] [file ...]\n";

enum { OPT_QUESTIONS = 2000, OPT_MIN_N, OPT_DONT_KNOW, OPT_DISSATISFIED,
	OPT_SAVE, OPT_FROM_STORE, OPT_COMPARE, OPT_EVALUATION, OPT_SCALE, OPT_RED,
	OPT_BLACK, OPT_BALLOT, OPT_REPRESENTATIVES, OPT_REPLACE };

static const struct option options[] = {
	{ "questions", required_argument, NULL, OPT_QUESTIONS },
	{ "min-n", required_argument, NULL, OPT_MIN_N },
	{ "dont-know-counts-against", no_argument, NULL, OPT_DONT_KNOW },
	{ "dissatisfied", no_argument, NULL, OPT_DISSATISFIED },
	{ "save", required_argument, NULL, OPT_SAVE },
	{ "replace", no_argument, NULL, OPT_REPLACE },
	{ "from-store", required_argument, NULL, OPT_FROM_STORE },
	{ "compare", required_argument, NULL, OPT_COMPARE },
	{ "evaluation", no_argument, NULL, OPT_EVALUATION },
	{ "scale", required_argument, NULL, OPT_SCALE },
	{ "red", required_argument, NULL, OPT_RED },
	{ "black", required_argument, NULL, OPT_BLACK },
	{ "ballot", no_argument, NULL, OPT_BALLOT },
	{ "representatives", required_argument, NULL, OPT_REPRESENTATIVES },
	{ NULL, 0, NULL, 0 }
};

/* What the options ask for. */
struct request {
	const char *questions, *save, *from_store, *compare;
	const char *min_n, *scale, *red, *black, *representatives;
	int dont_know, dissatisfied, evaluation, ballot, replace;
	const char *by;		/* --by: the grouping keys */
	const char *questions_list[64];
	char questions_copy[1024];
	/* the numbers and keys above, checked before any file is opened */
	struct evaluation_options eval;
	struct survey_options responses;
	long representatives_n;
};

static int
option(struct cli *cli, int opt, const char *arg, void *context)
{
	struct request *rq = context;

	(void)cli;
	switch (opt) {
	case OPT_QUESTIONS: rq->questions = arg; break;
	case OPT_MIN_N: rq->min_n = arg; break;
	case OPT_DONT_KNOW: rq->dont_know = 1; break;
	case OPT_DISSATISFIED: rq->dissatisfied = 1; break;
	case OPT_SAVE: rq->save = arg; break;
	case OPT_REPLACE: rq->replace = 1; break;
	case OPT_FROM_STORE: rq->from_store = arg; break;
	case OPT_COMPARE: rq->compare = arg; break;
	case OPT_EVALUATION: rq->evaluation = 1; break;
	case OPT_SCALE: rq->scale = arg; break;
	case OPT_RED: rq->red = arg; break;
	case OPT_BLACK: rq->black = arg; break;
	case OPT_BALLOT: rq->ballot = 1; break;
	case OPT_REPRESENTATIVES: rq->representatives = arg; break;
	default: return -1;
	}
	return 0;
}

/*
 * In every other command --by names who acts; here it names the keys
 * to group by, as the survey's analysts say it.  cli_parse() keeps its
 * argument in cli->by: it was given when that points into argv.
 */
static int
by_was_given(const char *by, int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (by >= argv[i] && by <= argv[i] + strlen(argv[i]))
			return 1;
	return 0;
}

static long
count_option(struct cli *cli, const char *name, const char *arg, long min,
    long max)
{
	long n;

	if (number_parse(arg, min, max, &n) != 0)
		cli_usage_error(cli, _("%s: not a whole number from %ld to %ld: \"%s\""),
		    name, min, max, arg);
	return n;
}

/* $RENKE_THREADS, the threads that read a file for a tally: 0 when unset (the machine decides). */
static int
threads_wanted(struct cli *cli)
{
	const char *v = getenv("RENKE_THREADS");
	long n;

	if (v == NULL || *v == '\0')
		return 0;
	if (number_parse(v, 1, 1024, &n) != 0)
		cli_usage_error(cli, _("RENKE_THREADS: not a whole number from 1 "
		    "to 1024: \"%s\""), v);
	return n > 2 ? 2 : (int)n;
}

/* Split --questions at commas into rq->questions_list. */
static size_t
split_questions(struct cli *cli, struct request *rq)
{
	size_t n = 0;
	char *p;

	if (strlen(rq->questions) >= sizeof(rq->questions_copy))
		cli_usage_error(cli, _("--questions: too long"));
	snprintf(rq->questions_copy, sizeof(rq->questions_copy), "%s",
	    rq->questions);
	for (p = strtok(rq->questions_copy, ","); p != NULL; p = strtok(NULL, ",")) {
		char *name = text_trim(p);

		if (*name == '\0')
			continue;
		if (n == sizeof(rq->questions_list) / sizeof(rq->questions_list[0]))
			cli_usage_error(cli, _("--questions: more than 64 questions"));
		rq->questions_list[n++] = name;
	}
	if (n == 0)
		cli_usage_error(cli, _("--questions: no question named"));
	return n;
}

/* Check that the options go together; usage errors exit here. */
static void
check_request(struct cli *cli, struct request *rq, int nfiles)
{
	int responses = !rq->evaluation && !rq->ballot;

	if (rq->evaluation && rq->ballot)
		cli_usage_error(cli, _("--evaluation and --ballot: one or the other"));
	if (!responses && (rq->by != NULL || rq->questions != NULL || rq->dont_know ||
	    rq->dissatisfied || rq->save != NULL || rq->from_store != NULL ||
	    rq->compare != NULL))
		cli_usage_error(cli, _("--by, --questions, --dont-know-counts-against, "
		    "--dissatisfied, --save, --from-store and --compare are for "
		    "survey responses, not with %s"), rq->evaluation ?
		    "--evaluation" : "--ballot");
	if (!rq->evaluation && (rq->scale != NULL || rq->red != NULL ||
	    rq->black != NULL))
		cli_usage_error(cli, _("--scale, --red and --black need --evaluation"));
	if (rq->ballot && rq->representatives == NULL)
		cli_usage_error(cli, _("--ballot needs --representatives N, the "
		    "representatives in office"));
	if (!rq->ballot && rq->representatives != NULL)
		cli_usage_error(cli, _("--representatives needs --ballot"));
	if (rq->ballot && rq->min_n != NULL)
		cli_usage_error(cli, _("--min-n is not for --ballot"));
	if (rq->save != NULL && rq->from_store != NULL)
		cli_usage_error(cli, _("--save and --from-store: one or the other"));
	if (rq->replace && rq->save == NULL)
		cli_usage_error(cli, _("--replace goes with --save"));
	if (rq->from_store != NULL && nfiles > 0)
		cli_usage_error(cli, _("--from-store reads the store, not files"));
	if (rq->dissatisfied && rq->compare != NULL)
		cli_usage_error(cli, _("--dissatisfied and --compare: one or the other"));
	for (int i = 0; i < 3; i++) {
		const char *round = i == 0 ? rq->save : i == 1 ? rq->from_store :
		    rq->compare;

		if (round != NULL && (round[strspn(round, " \t")] == '\0' ||
		    strlen(round) > 64))
			cli_usage_error(cli, _("%s: a round is named by 1 to 64 bytes"),
			    i == 0 ? "--save" : i == 1 ? "--from-store" : "--compare");
	}
}

static int
report_bad(struct cli *cli, long bad)
{
	cli_warn(cli, dngettext("renke", "%ld bad record; nothing was written",
	    "%ld bad records; nothing was written", (unsigned long)bad), bad);
	return EXIT_DATAERR;
}

/* --scale LOW-HIGH */
static void
scale_option(struct cli *cli, const char *scale, struct evaluation_options *o)
{
	char low[32];
	const char *dash = strchr(scale, '-');
	size_t n = dash != NULL ? (size_t)(dash - scale) : 0;

	if (n == 0 || n >= sizeof(low))
		cli_usage_error(cli, _("--scale: expected LOW-HIGH, as 1-5"));
	memcpy(low, scale, n);
	low[n] = '\0';
	o->scale_low = count_option(cli, "--scale", low, 0, 1000000);
	o->scale_high = count_option(cli, "--scale", dash + 1, 0, 1000000);
	if (o->scale_low >= o->scale_high)
		cli_usage_error(cli, _("--scale: the low end must be below the high"));
}

/*
 * The numbers and keys the options give, checked before any file is opened,
 * so that a usage error leaves nothing open; the tally of responses itself
 * is made here for the same reason (--questions naming one twice).
 */
static struct survey *
settle_request(struct cli *cli, struct request *rq)
{
	struct error err = { 0 };
	struct survey *sv;

	if (rq->evaluation) {
		rq->eval = (struct evaluation_options){ 1, 5, 3, 0, 0 };
		if (rq->scale != NULL)
			scale_option(cli, rq->scale, &rq->eval);
		if (rq->min_n != NULL)
			rq->eval.min_n = count_option(cli, "--min-n", rq->min_n,
			    0, 1000000);
		if (rq->red != NULL)
			rq->eval.red = count_option(cli, "--red", rq->red, 1,
			    1000000);
		if (rq->black != NULL)
			rq->eval.black = count_option(cli, "--black", rq->black,
			    1, 1000000);
		return NULL;
	}
	if (rq->ballot) {
		rq->representatives_n = count_option(cli, "--representatives",
		    rq->representatives, 1, 1000000);
		return NULL;
	}
	rq->responses = (struct survey_options){ { SURVEY_VILLAGE }, 1, NULL,
	    0, 30, 0, 0 };
	if (rq->by != NULL && survey_parse_by(rq->by, &rq->responses, &err) != 0)
		cli_usage_error(cli, "%s", err.text);
	if (rq->questions != NULL) {
		rq->responses.nquestions = split_questions(cli, rq);
		rq->responses.questions = rq->questions_list;
	}
	if (rq->min_n != NULL)
		rq->responses.min_n = count_option(cli, "--min-n", rq->min_n, 0,
		    1000000000);
	rq->responses.dont_know_counts_against = rq->dont_know;
	rq->responses.threads = threads_wanted(cli);
	if ((sv = survey_new(&rq->responses, &err)) == NULL) {
		if (err.status == EXIT_USAGE)
			cli_usage_error(cli, "%s", err.text);
		exit(cli_finish(cli, cli_error(cli, &err)));
	}
	return sv;
}

/* --evaluation: per household means, totals, ranks and the red and black lists. */
static int
run_evaluation(struct cli *cli, struct request *rq, struct reader **readers)
{
	struct evaluation *ev;
	struct writer *w = NULL;
	struct error err = { 0 };
	long bad = 0;
	int status = EXIT_OK;

	if ((ev = evaluation_new(&rq->eval, &err)) == NULL)
		return cli_error(cli, &err);
	for (size_t i = 0; readers[i] != NULL; i++) {
		long b = evaluation_read(ev, readers[i], cli_problem, cli, &err);

		if (b < 0) {
			status = cli_error(cli, &err);
			goto out;
		}
		bad += b;
	}
	if (bad > 0) {
		status = report_bad(cli, bad);
		goto out;
	}
	if ((w = cli_writer(cli, evaluation_columns, EVALUATION_NCOLUMNS)) == NULL) {
		status = EXIT_SOFTWARE;
		goto out;
	}
	if (evaluation_write(ev, w, cli_labels(cli), &err) < 0)
		status = cli_error(cli, &err);
	status = cli_writer_close(cli, w, status);
out:
	evaluation_free(ev);
	return status;
}

/* --ballot: the vote of the representatives present on the village rules. */
static int
run_ballot(struct cli *cli, struct request *rq, struct reader **readers)
{
	long bad = 0;
	struct ballot *b;
	struct vote_result result;
	struct writer *w = NULL;
	struct error err = { 0 };
	int status = EXIT_OK;

	if ((b = ballot_new(rq->representatives_n, &err)) == NULL)
		return cli_error(cli, &err);
	for (size_t i = 0; readers[i] != NULL; i++) {
		long k = ballot_read(b, readers[i], cli_problem, cli, &err);

		if (k < 0) {
			status = cli_error(cli, &err);
			goto out;
		}
		bad += k;
	}
	if (bad > 0) {
		status = report_bad(cli, bad);
		goto out;
	}
	if (ballot_result(b, &result, &err) != 0) {
		status = cli_error(cli, &err);
		goto out;
	}
	if ((w = cli_writer(cli, ballot_columns, BALLOT_NCOLUMNS)) == NULL) {
		status = EXIT_SOFTWARE;
		goto out;
	}
	if (ballot_write(&result, w, cli_labels(cli), &err) < 0)
		status = cli_error(cli, &err);
	status = cli_writer_close(cli, w, status);
out:
	ballot_free(b);
	return status;
}

/* The default mode: responses tallied, compared, saved, or followed up. */
static int
run_responses(struct cli *cli, struct request *rq, struct survey *sv,
    struct reader **readers)
{
	struct survey *before = NULL;
	struct survey_save_stats stats = { 0 };
	struct store *store = NULL;
	struct writer *w = NULL, *issues = NULL;
	struct error err = { 0 };
	FILE *tmp = NULL;
	long bad = 0;
	int status = EXIT_OK, labels = cli_labels(cli);
	size_t ncolumns;
	const struct column *columns;

	if (rq->save != NULL || rq->from_store != NULL || rq->compare != NULL) {
		if ((store = cli_store(cli, rq->save != NULL ? STORE_WRITE :
		    STORE_QUERY, &status)) == NULL)
			goto out;
	}
	if (rq->dissatisfied) {
		/* nothing reaches issue-add unless every record is good */
		if ((tmp = tmpfile()) == NULL) {
			cli_warn(cli, _("temporary file: %s"), strerror(errno));
			status = EXIT_CANTCREAT;
			goto out;
		}
		if ((issues = writer_open(tmp, cli->format, survey_issue_columns,
		    SURVEY_ISSUE_NCOLUMNS, cli->output_flags, &err)) == NULL) {
			status = cli_error(cli, &err);
			goto out;
		}
		survey_set_issue_writer(sv, issues, labels);
	}
	/* the round to compare with must be there before anything is saved */
	if (rq->compare != NULL && ((before = survey_new(&rq->responses, &err)) == NULL ||
	    survey_load(before, store, rq->compare, &err) != 0)) {
		status = cli_error(cli, &err);
		goto out;
	}
	if (rq->save != NULL && survey_save_begin(sv, store, rq->save, rq->replace,
	    cli->today, &err) != 0) {
		if (err.status == EXIT_USAGE)
			cli_usage_error(cli, "--save: %s", err.text);
		status = cli_error(cli, &err);
		goto out;
	}
	if (rq->from_store != NULL) {
		if (survey_load(sv, store, rq->from_store, &err) != 0) {
			status = cli_error(cli, &err);
			goto out;
		}
	} else
		for (size_t i = 0; readers[i] != NULL; i++) {
			long b = survey_read(sv, readers[i], cli_problem, cli, &err);

			if (b < 0) {
				status = cli_error(cli, &err);
				goto out;
			}
			bad += b;
		}
	if (bad > 0) {
		status = report_bad(cli, bad);
		goto out;
	}
	if (rq->save != NULL) {
		if (survey_save_end(sv, 1, &stats, &err) != 0) {
			status = cli_error(cli, &err);
			goto out;
		}
		if (!cli->quiet) {
			struct import_stats st = { .records = stats.added +
			    stats.unchanged + stats.differ, .added = stats.added,
			    .unchanged = stats.unchanged, .differ = stats.differ };

			cli_closing_line(cli, NC_("import noun", "responses"), &st);
		}
	}
	if (rq->dissatisfied) {
		if (writer_close(issues, &err) != 0) {
			issues = NULL;
			status = cli_error(cli, &err);
			goto out;
		}
		issues = NULL;
		status = cli_copy_out(cli, tmp);
		goto out;
	}
	if (before != NULL)
		columns = survey_compare_columns(sv, &ncolumns);
	else
		columns = survey_tally_columns(sv, &ncolumns);
	if ((w = cli_writer(cli, columns, ncolumns)) == NULL) {
		status = EXIT_SOFTWARE;
		goto out;
	}
	if ((before != NULL ? survey_write_compare(sv, before, w, labels, &err) :
	    survey_write_tally(sv, w, labels, &err)) < 0)
		status = cli_error(cli, &err);
	status = cli_writer_close(cli, w, status);
out:
	if (rq->save != NULL && status != EXIT_OK)
		survey_save_end(sv, 0, &stats, &err);
	if (issues != NULL)
		writer_close(issues, NULL);
	if (tmp != NULL)
		fclose(tmp);
	survey_free(before);
	store_close(store);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	struct request rq = { 0 };
	struct reader **readers = NULL;
	struct survey *sv;
	size_t nreaders = 0;
	int status = EXIT_OK, first;

	cli_start(&cli, "survey-tally", usage, CLI_INPUT | CLI_OUTPUT);
	cli_fields(&cli, "survey_response", survey_key_fields, SURVEY_NKEYS);
	first = cli_parse(&cli, argc, argv, options, "", option, &rq);
	if (by_was_given(cli.by, argc, argv)) {
		rq.by = cli.by;
		cli.by = cli_login_name();
	}
	argc -= first;
	argv += first;
	check_request(&cli, &rq, argc);
	if (rq.evaluation || rq.ballot)
		cli_fields(&cli, NULL, NULL, 0);	/* their header: the first row */
	sv = settle_request(&cli, &rq);
	if (rq.from_store == NULL &&
	    (readers = cli_readers(&cli, argc, argv, &nreaders, &status)) == NULL)
		goto out;
	if (rq.evaluation)
		status = run_evaluation(&cli, &rq, readers);
	else if (rq.ballot)
		status = run_ballot(&cli, &rq, readers);
	else
		status = run_responses(&cli, &rq, sv, readers);
out:
	cli_readers_close(readers);
	survey_free(sv);
	return cli_finish(&cli, status);
}
