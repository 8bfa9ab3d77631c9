/* test-survey.c -- survey tallies: intervals, grouping keys, answers, order, issue rows */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "renke.h"
#include "tap.h"

/*
 * Wilson score interval, z = 1.959963984540054 (z^2 = 3.841458820694124):
 *   centre = (p + z^2/2n) / (1 + z^2/n)
 *   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2)
 * The constants below were worked out from this formula independently
 * of the code (to 10 decimals), and two follow in closed form:
 *   0 of 1:  low 0, high z^2 / (1 + z^2) = 0.7934506856
 *   1 of 1:  low 1 / (1 + z^2) = 0.2065493144, high 1
 */
static const struct {
	long x, n;
	double low, high;
} wilson_cases[] = {
	{ 8, 10, 0.4901624715, 0.9433178485 },
	{ 0, 1, 0.0, 0.7934506856 },
	{ 1, 1, 0.2065493144, 1.0 },
	{ 5, 10, 0.2365930905, 0.7634069095 },
	{ 95, 100, 0.8882495308, 0.9784563208 },
	{ 30, 30, 0.8864866068, 1.0 },
	{ 1, 3, 0.0614919447, 0.7923403992 },
	{ 229, 272, 0.7938348794, 0.8804654988 },
};

static void
test_wilson(void)
{
	double low, high;

	for (size_t i = 0; i < sizeof(wilson_cases) / sizeof(wilson_cases[0]); i++) {
		int rc = survey_wilson(wilson_cases[i].x, wilson_cases[i].n, &low, &high);

		ok(rc == 0 && fabs(low - wilson_cases[i].low) < 5e-10 &&
		    fabs(high - wilson_cases[i].high) < 5e-10,
		    "Wilson interval of %ld of %ld: %.10f %.10f", wilson_cases[i].x,
		    wilson_cases[i].n, low, high);
	}
	ok(survey_wilson(0, 0, &low, &high) == -1, "no interval without answers");
	survey_wilson(0, 7, &low, &high);
	ok(low == 0 && !signbit(low), "a rate of 0: the low bound is 0, not -0");
	survey_wilson(7, 7, &low, &high);
	ok(high == 1, "a rate of 1: the high bound is 1");
}

/*
 * Newcombe's hybrid score interval for p1 - p2, from the Wilson
 * intervals above: low = d - sqrt((p1-l1)^2 + (u2-p2)^2),
 * high = d + sqrt((u1-p1)^2 + (p2-l2)^2).
 *   8/10 against 5/10:   -0.1067 .. 0.5999 (not significant)
 *   95/100 against 80/100: 0.0592 .. 0.2433 (significant)
 */
static void
test_newcombe(void)
{
	double l1, u1, l2, u2, low, high;

	survey_wilson(8, 10, &l1, &u1);
	survey_wilson(5, 10, &l2, &u2);
	survey_newcombe(0.8, l1, u1, 0.5, l2, u2, &low, &high);
	ok(fabs(low - -0.10672) < 1e-4 && fabs(high - 0.59990) < 1e-4,
	    "Newcombe interval of 8/10 - 5/10: %.4f %.4f", low, high);
	survey_wilson(95, 100, &l1, &u1);
	survey_wilson(80, 100, &l2, &u2);
	survey_newcombe(0.95, l1, u1, 0.8, l2, u2, &low, &high);
	ok(fabs(low - 0.05918) < 1e-4 && fabs(high - 0.24330) < 1e-4 && low > 0,
	    "Newcombe interval of 95/100 - 80/100 excludes 0: %.4f %.4f", low, high);
}

static const char *
parse_by(const char *text)
{
	static char out[256];
	struct survey_options o = { { SURVEY_VILLAGE }, 1, NULL, 0, 30, 0, 0 };
	struct error err = { 0 };
	size_t used = 0;

	if (survey_parse_by(text, &o, &err) != 0) {
		snprintf(out, sizeof(out), "ERROR(%d)", err.status);
		return out;
	}
	out[0] = '\0';
	for (size_t i = 0; i < o.nby; i++)
		used += (size_t)snprintf(out + used, sizeof(out) - used, "%s%s",
		    i > 0 ? "," : "", survey_key_fields[o.by[i]].name);
	return out;
}

static void
test_parse_by(void)
{
	is_str(parse_by("village"), "village", "--by village");
	is_str(parse_by("village,village_group"), "village,village_group", "two keys");
	is_str(parse_by(" village , survey_date "), "village,survey_date", "blanks around keys");
	is_str(parse_by("村,村民小组"), "village,village_group", "Chinese headings name keys");
	is_str(parse_by("none"), "", "none: no keys");
	is_str(parse_by("village,village"), "ERROR(64)", "a key twice");
	is_str(parse_by("phone"), "ERROR(64)", "phone numbers group nothing");
	is_str(parse_by("q_cadre"), "ERROR(64)", "a question is no key");
	is_str(parse_by(","), "ERROR(64)", "no key at all");
}

static char path[64];

static void
write_file(const char *text)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/renke-survey-XXXXXX");
	if ((fd = mkstemp(path)) < 0 ||
	    write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		perror("test file");
		exit(2);
	}
	close(fd);
}

static char problems[4096];

static void
collect(void *context, const struct problem *p)
{
	size_t used = strlen(problems);

	(void)context;
	snprintf(problems + used, sizeof(problems) - used, "%ld:%s:%s;", p->line,
	    p->field != NULL ? p->field : "", p->message);
}

/*
 * Tally text (CSV or JSON) with --by by into CSV; "ERROR(status)" when
 * reading stopped; bad records are listed in problems.
 */
static const char *
tally(const char *text, const char *by, int dissatisfied, int dont_know)
{
	static char *out;
	struct survey_options o = { { SURVEY_VILLAGE }, 1, NULL, 0, 3, dont_know, 0 };
	struct error err = { 0 };
	struct survey *sv;
	struct reader *r;
	struct writer *w = NULL, *issues = NULL;
	size_t len = 0, n;
	const struct column *columns;
	FILE *fp;
	long bad;

	free(out);
	out = NULL;
	problems[0] = '\0';
	write_file(text);
	if (by != NULL && survey_parse_by(by, &o, &err) != 0)
		return "BAD --by";
	if ((fp = open_memstream(&out, &len)) == NULL ||
	    (sv = survey_new(&o, &err)) == NULL ||
	    (r = reader_open(path, INPUT_AUTO, ENCODING_AUTO, &err)) == NULL)
		return "SETUP";
	if (dissatisfied) {
		issues = writer_open(fp, FORMAT_CSV, survey_issue_columns,
		    SURVEY_ISSUE_NCOLUMNS, 0, &err);
		survey_set_issue_writer(sv, issues, 0);
	}
	bad = survey_read(sv, r, collect, NULL, &err);
	reader_close(r);
	unlink(path);
	if (bad > 0) {
		writer_close(issues, &err);
		survey_free(sv);
		fclose(fp);
		free(out);
		out = strdup("BAD");
		return out;
	}
	if (bad < 0) {
		writer_close(issues, &err);
		survey_free(sv);
		fclose(fp);
		snprintf(problems, sizeof(problems), "%s", err.text);
		free(out);
		out = strdup("ERROR");
		return out;
	}
	if (dissatisfied)
		writer_close(issues, &err);
	else {
		columns = survey_tally_columns(sv, &n);
		w = writer_open(fp, FORMAT_CSV, columns, n, OUTPUT_NO_HEADER, &err);
		survey_write_tally(sv, w, 0, &err);
		writer_close(w, &err);
	}
	survey_free(sv);
	fclose(fp);
	return out;
}

static void
test_tally(void)
{
	is_str(tally("village,q_cadre\n甲村,满意\n甲村,不满意\n乙村,满意\n乙村,满意\n"
	    "乙村,满意\n", NULL, 0, 0),
	    "甲村,q_cadre,2,1,0,1,0,0,0.5000,0.0945,0.9055,true\n"
	    "乙村,q_cadre,3,3,0,0,0,0,1.0000,0.4385,1.0000,false\n"
	    "*,q_cadre,5,4,0,1,0,0,0.8000,0.3755,0.9638,false\n",
	    "a tally: worst first, then the overall row");
	is_str(tally("village,q_cadre\n甲村,满意\n甲村,认可\n甲村,知晓\n甲村,是\n"
	    "甲村,基本满意\n甲村,基本认可\n甲村,基本知晓\n甲村,不满意\n甲村,不认可\n"
	    "甲村,不知晓\n甲村,否\n甲村,不了解\n甲村,说不清\n甲村,不清楚\n甲村,\n"
	    "甲村,satisfied\n甲村, 基本满意 \n", "none", 0, 0),
	    "q_cadre,13,5,4,4,3,1,0.6923,0.4237,0.8732,false\n",
	    "every answer of the vocabulary, blank and padded ones");
	is_str(tally("village,q_cadre\n甲村,满意\n甲村,不了解\n", "none", 0, 1),
	    "q_cadre,2,1,0,0,1,0,0.5000,0.0945,0.9055,true\n",
	    "--dont-know-counts-against puts don't know in the rate");
	is_str(tally("village,q_cadre,q_policy\n甲村,说不清,\n甲村,不了解,\n乙村,,\n", NULL, 0, 0),
	    "乙村,q_cadre,0,0,0,0,0,1,,,,true\n"
	    "乙村,q_policy,0,0,0,0,0,1,,,,true\n"
	    "甲村,q_cadre,0,0,0,0,2,0,,,,true\n"
	    "甲村,q_policy,0,0,0,0,0,2,,,,true\n"
	    "*,q_cadre,0,0,0,0,2,1,,,,true\n"
	    "*,q_policy,0,0,0,0,0,3,,,,true\n",
	    "no rate without answers: all don't know, all blank, a blank column");
	is_str(tally("村民小组,村(社区),干部作风,调查日期\n1社,甲村,满意,2022/11/2\n"
	    "2社,甲村,不满意,2022年11月2日\n1社,乙村,不满意,20221103\n",
	    "survey_date", 0, 0),
	    "2022-11-03,q_cadre,1,0,0,1,0,0,0.0000,0.0000,0.7935,true\n"
	    "2022-11-02,q_cadre,2,1,0,1,0,0,0.5000,0.0945,0.9055,true\n"
	    "*,q_cadre,3,1,0,2,0,0,0.3333,0.0615,0.7923,false\n",
	    "Chinese headings; dates group in ISO form; 3 answers are not low with --min-n 3");
	is_str(tally("village,village_group,q_cadre\n甲,1,满意\n甲,2,满意\n乙,1,满意\n"
	    "甲,1,满意\n", "village,village_group", 0, 0),
	    "乙,1,q_cadre,1,1,0,0,0,0,1.0000,0.2065,1.0000,true\n"
	    "甲,1,q_cadre,2,2,0,0,0,0,1.0000,0.3424,1.0000,true\n"
	    "甲,2,q_cadre,1,1,0,0,0,0,1.0000,0.2065,1.0000,true\n"
	    "*,*,q_cadre,4,4,0,0,0,0,1.0000,0.5101,1.0000,false\n",
	    "two keys; equal rates in the order of the keys, bytes compared");
	is_str(tally("[{\"village\":\"甲\",\"q_cadre\":\"满意\",\"q_policy\":null},"
	    "{\"q_policy\":\"否\",\"village\":\"甲\"}]", NULL, 0, 0),
	    "甲,q_policy,1,0,0,1,0,1,0.0000,0.0000,0.7935,true\n"
	    "甲,q_cadre,1,1,0,0,0,0,1.0000,0.2065,1.0000,true\n"
	    "*,q_policy,1,0,0,1,0,1,0.0000,0.0000,0.7935,true\n"
	    "*,q_cadre,1,1,0,0,0,0,1.0000,0.2065,1.0000,true\n",
	    "JSON records, keys in any order, null is blank, a missing key is not asked");
}

static void
test_problems(void)
{
	is_str(tally("village,q_cadre\n甲,满意\n甲,很满意\n甲,不满意\n", NULL, 0, 0),
	    "BAD", "an unknown answer is a bad record");
	ok(strncmp(problems, "3:q_cadre:unknown answer \"很满意\"; expected one of: "
	    "satisfied (satisfied)", 60) == 0, "it names line, column and answer: %s",
	    problems);
	tally("village,序号,q_cadre\n甲,1,满意\n", NULL, 0, 0);
	is_str(problems, "", "序号 (a serial number) is no question");
	tally("village,备注\n甲,电话没人接\n", NULL, 0, 0);
	is_str(problems, "", "备注 (a note) is no question");
	tally("village,访问员\n甲,王五\n", NULL, 0, 0);
	ok(strstr(problems, "--questions") != NULL, "a column that is no known question "
	    "hints at --questions: %s", problems);
	tally("village,survey_date,q_cadre\n甲,2022-02-30,满意\n", NULL, 0, 0);
	is_str(problems, "2:survey_date:not a date; write it as 2022-11-21;",
	    "a day the calendar does not have");
	is_str(tally("village,村,q_cadre\n甲,甲,满意\n", NULL, 0, 0), "ERROR",
	    "two columns for the village stop the reading");
	ok(strstr(problems, "a second column for the same field") != NULL, "%s", problems);
	is_str(tally("village,q_cadre,干部作风\n甲,满意,满意\n", NULL, 0, 0), "ERROR",
	    "two columns for the same question stop the reading");
	is_str(tally("village_group,q_cadre\n1社,满意\n", NULL, 0, 0), "ERROR",
	    "no column to group by");
	ok(strstr(problems, "no column village to group by") != NULL, "%s", problems);
}

/* out with every occurrence of the temporary file's path made "PATH". */
static const char *
without_path(const char *out)
{
	static char text[8192];
	size_t used = 0, n = strlen(path);

	while (*out != '\0' && used + 8 < sizeof(text)) {
		if (strncmp(out, path, n) == 0) {
			memcpy(text + used, "PATH", 4);
			used += 4;
			out += n;
		} else
			text[used++] = *out++;
	}
	text[used] = '\0';
	return text;
}

static void
test_issues(void)
{
	const char *out = tally("受访人,village,village_group,household_id,"
	    "survey_date,q_cadre,q_infrastructure,q_policy,q_guarantee,其他\n"
	    "张三,甲村,1社,H1,2022-11-21,不认可,不满意,不知晓,否,不满意\n"
	    ",乙村,,,,满意,满意,满意,满意,满意\n"
	    ",丙村,,,,\" 不满意\",,,,\n", NULL, 1, 0);

	is_str(without_path(out),
	    "kind,category,title,detail,village,village_group,household_id,"
	    "reporter,source,source_ref\n"
	    "problem,conduct,电话调查不满意：干部作风,问题：干部作风；回答：不认可；"
	    "受访人：张三；调查日期：2022-11-21,甲村,1社,H1,张三,survey,"
	    "survey:2022-11-21:rfb72a0fa0480204e.1:q_cadre\n"
	    "problem,infrastructure,电话调查不满意：基础设施和公共服务,"
	    "问题：基础设施和公共服务；回答：不满意；受访人：张三；调查日期：2022-11-21,"
	    "甲村,1社,H1,张三,survey,survey:2022-11-21:rfb72a0fa0480204e.1:q_infrastructure\n"
	    "problem,other,电话调查不满意：政策知晓,问题：政策知晓；回答：不知晓；"
	    "受访人：张三；调查日期：2022-11-21,甲村,1社,H1,张三,survey,"
	    "survey:2022-11-21:rfb72a0fa0480204e.1:q_policy\n"
	    "problem,other,电话调查不满意：两不愁三保障,问题：两不愁三保障；回答：否；"
	    "受访人：张三；调查日期：2022-11-21,甲村,1社,H1,张三,survey,"
	    "survey:2022-11-21:rfb72a0fa0480204e.1:q_guarantee\n"
	    "problem,other,电话调查不满意：其他,问题：其他；回答：不满意；受访人：张三；"
	    "调查日期：2022-11-21,甲村,1社,H1,张三,survey,survey:2022-11-21:rfb72a0fa0480204e.1:其他\n"
	    "problem,conduct,电话调查不满意：干部作风,问题：干部作风；回答：不满意,"
	    "丙村,,,,survey,survey:-:a0324886c596f38fd.1:q_cadre\n",
	    "one issue-add record per dissatisfied answer, in input order");
}

int
main(void)
{
	test_wilson();
	test_newcombe();
	test_parse_by();
	test_tally();
	test_problems();
	test_issues();
	return done_testing();
}
