/* cli-help.c -- what -h prints: the synopsis, then a line for each option the command takes */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "help.h"

/* Columns of the help: the tag indented, the text from TEXT_AT, lines up to WIDTH. */
#define TAG_AT	2
#define TEXT_AT	26
#define WIDTH	80

/* 1 when tag ("-d db, --db db") names the long option name. */
static int
tag_names(const char *tag, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = tag; (p = strstr(p, "--")) != NULL; p += 2)
		if (strncmp(p + 2, name, n) == 0 &&
		    (p[2 + n] == '\0' || strchr(" ,=[", p[2 + n]) != NULL))
			return 1;
	return 0;
}

/* The entry of command that names option name, else renke(7)'s, else NULL. */
static const struct help_entry *
find_entry(const char *command, const char *name)
{
	const struct help_entry *shared = NULL;

	for (size_t i = 0; i < help_nentries; i++) {
		const struct help_entry *e = &help_entries[i];

		if (!tag_names(e->tag, name))
			continue;
		if (strcmp(e->command, command) == 0)
			return e;
		if (shared == NULL && strcmp(e->command, "renke") == 0)
			shared = e;
	}
	return shared;
}

/*
 * 1 when the field tag ("opinions, adopted") names the field an option
 * called option (its dashes made underscores) gives: the same name, or
 * with _id after it (--household), ies for y (--category); or, when
 * qualified, with a qualifier before it (--type for case_type, --group
 * for village_group).
 */
static int
tag_names_field(const char *tag, const char *option, int qualified)
{
	size_t n = strlen(option);

	while (*tag != '\0') {
		size_t len = strcspn(tag, ", ");

		if (qualified ? len > n + 1 && tag[len - n - 1] == '_' &&
		    strncmp(tag + len - n, option, n) == 0 :
		    (len == n && strncmp(tag, option, n) == 0) ||
		    (len == n + 3 && strncmp(tag, option, n) == 0 &&
		    strncmp(tag + n, "_id", 3) == 0) ||
		    (n > 1 && option[n - 1] == 'y' && len == n + 2 &&
		    strncmp(tag, option, n - 1) == 0 &&
		    strncmp(tag + n - 1, "ies", 3) == 0))
			return 1;
		tag += len;
		tag += strspn(tag, ", ");
	}
	return 0;
}

/* The item of command's fields that the option called name gives, or NULL. */
static const struct help_entry *
find_field(const char *command, const char *name)
{
	char field[64];

	if (strlen(name) >= sizeof(field))
		return NULL;
	for (size_t i = 0; (field[i] = name[i] == '-' ? '_' : name[i]) != '\0'; i++)
		continue;
	/* a field of the option's own name before one it qualifies */
	for (int qualified = 0; qualified < 2; qualified++)
		for (size_t i = 0; i < help_nentries; i++)
			if (strcmp(help_entries[i].command, command) == 0 &&
			    help_entries[i].tag[0] != '-' &&
			    tag_names_field(help_entries[i].tag, field, qualified))
				return &help_entries[i];
	return NULL;
}

/*
 * The tag of an option that gives a field, as the synopsis writes it
 * ("--type type"), into out.
 */
static const char *
synopsis_tag(const char *usage, const char *name, char *out, size_t size)
{
	size_t n = strlen(name), arg = 0;
	const char *p = usage;

	while ((p = strstr(p, "--")) != NULL &&
	    (strncmp(p + 2, name, n) != 0 || strchr(" ]\n", p[2 + n]) == NULL))
		p += 2;
	if (p != NULL && p[2 + n] == ' ' && strchr("-[.", p[3 + n]) == NULL)
		arg = strcspn(p + 3 + n, " ]|\n");
	snprintf(out, size, "--%s%s%.*s", name, arg > 0 ? " " : "", (int)arg,
	    p != NULL ? p + 3 + n : "");
	return out;
}

/* text from column TEXT_AT, wrapped, the cursor being at column col. */
static void
print_text(const char *text, size_t col)
{
	while (*text != '\0') {
		size_t n = text_wrap(text, WIDTH - TEXT_AT);

		if (col > TEXT_AT - 2) {
			putchar('\n');
			col = 0;
		}
		printf("%*s%.*s\n", (int)(TEXT_AT - col), "", (int)n, text);
		col = 0;
		for (text += n; *text == ' '; text++)
			continue;
	}
	if (col > 0)
		putchar('\n');
}

/*
 * The entry that says what option name does, and the tag to print into
 * *tag: the option's own item, or its field's when the item only names
 * the field (issue-update's --status: "status.") or there is none; NULL
 * when no page describes it.
 */
static const struct help_entry *
entry_of(const struct cli *cli, const char *name, const char **tag,
    char *field_tag, size_t size)
{
	const struct help_entry *e = find_entry(cli->command, name), *field;

	if (e != NULL && strchr(e->text[0], ' ') != NULL) {
		*tag = e->tag;
		return e;
	}
	if ((field = find_field(cli->command, name)) == NULL) {
		*tag = e != NULL ? e->tag : NULL;
		return e;
	}
	*tag = e != NULL ? e->tag :
	    synopsis_tag(cli->usage, name, field_tag, size);
	return field;
}

/*
 * The tag at column TAG_AT; one of many options is wrapped after a comma,
 * the lines after the first further in.  Returns the column it ends at,
 * past the text's for a wrapped one, whose text begins on a line of its
 * own.
 */
static size_t
print_tag(const char *tag)
{
	size_t at = TAG_AT;
	int wrapped = 0;

	for (;;) {
		size_t fit = text_wrap(tag, WIDTH - at), n = fit;

		/* back to the last comma that fits, if the rest does not */
		while (tag[fit] != '\0' && n > 0 && tag[n - 1] != ',')
			n--;
		if (n == 0)
			n = fit;
		printf("%*s%.*s", (int)at, "", (int)n, tag);
		if (tag[n] == '\0')
			return wrapped ? WIDTH : at + text_width(tag);
		for (tag += n; *tag == ' '; tag++)
			continue;
		putchar('\n');
		at = TAG_AT + 2;
		wrapped = 1;
	}
}

void
cli_help(const struct cli *cli, const struct option *options)
{
	const struct help_entry *done[128];
	size_t ndone = 0;
	int chinese = locale_is_chinese();

	/* the synopsis is the same in every language, as in the man page */
	printf("%s\n%s\n", cli->usage, _("Options:"));
	for (size_t i = 0; options[i].name != NULL; i++) {
		char field_tag[128];
		const char *tag, *text;
		const struct help_entry *e = entry_of(cli, options[i].name, &tag,
		    field_tag, sizeof(field_tag));
		size_t k = 0;

		if (e == NULL) {
			/* an option no page describes: the tests find it so */
			printf("%*s--%s\n", TAG_AT, "", options[i].name);
			continue;
		}
		/* an item of several options ("--bom, --excel") is printed once */
		while (tag == e->tag && k < ndone && done[k] != e)
			k++;
		if (tag == e->tag && k < ndone)
			continue;
		if (tag == e->tag && ndone < sizeof(done) / sizeof(done[0]))
			done[ndone++] = e;
		text = chinese && *e->text[1] != '\0' ? e->text[1] : e->text[0];
		print_text(text, print_tag(tag));
	}
}
