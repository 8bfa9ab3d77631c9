/* test-completion.c -- the completion script lists every value of every vocabulary */
#include <stdlib.h>

#include "renke.h"
#include "tap.h"

/* The values line of domain in the script text, or NULL. */
static char *
values_of(const char *script, const char *domain)
{
	char key[128];
	const char *p, *end;
	char *line;

	snprintf(key, sizeof(key), "\t%s) values=\"", domain);
	if ((p = strstr(script, key)) == NULL)
		return NULL;
	p += strlen(key);
	if ((end = strchr(p, '"')) == NULL)
		return NULL;
	line = malloc((size_t)(end - p) + 3);
	if (line == NULL)
		return NULL;
	/* " words " so that " word " finds whole words */
	snprintf(line, (size_t)(end - p) + 3, " %.*s ", (int)(end - p), p);
	return line;
}

static int
has_word(const char *line, const char *word)
{
	char key[256];

	snprintf(key, sizeof(key), " %s ", word);
	return strstr(line, key) != NULL;
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "scripts/renke-completion.bash";
	FILE *fp = fopen(path, "r");
	char *script = NULL;
	size_t len = 0;

	if (fp == NULL) {
		printf("not ok 1 - %s cannot be read\n1..1\n", path);
		return 1;
	}
	getdelim(&script, &len, '\0', fp);
	fclose(fp);
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		char *line = values_of(script, e->domain);

		ok(line != NULL && has_word(line, e->code) && has_word(line, e->label_zh),
		    "completion offers %s %s and %s", e->domain, e->code, e->label_zh);
		free(line);
	}
	free(script);
	return done_testing();
}
