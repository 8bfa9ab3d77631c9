/* fields.c -- field tables: input column names, their Chinese aliases, lookups */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fields.h"
#include "headings.h"
#include "rejects.h"

int
field_map_init(struct field_map *map, const char *entity,
    const struct field_spec *specs, size_t nspecs)
{
	memset(map, 0, sizeof(*map));
	map->entity = entity;
	map->specs = specs;
	map->nspecs = nspecs;
	if ((map->at = calloc(nspecs + 1, sizeof(int))) == NULL)
		return -1;
	return 0;
}

void
field_map_free(struct field_map *map)
{
	free(map->at);
	free(map->seen);
	memset(map, 0, sizeof(*map));
}

/* Next character of a header name for comparison, fullwidth ( ) folded. */
static int
next_folded(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;

	if (s[0] == 0xef && s[1] == 0xbc && (s[2] == 0x88 || s[2] == 0x89)) {
		*p += 3;
		return s[2] == 0x88 ? '(' : ')';
	}
	(*p)++;
	return s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32 : s[0];
}

static int
name_matches(const char *a, size_t alen, const char *b)
{
	const char *ae = a + alen;

	while (a < ae && *b != '\0')
		if (next_folded(&a) != next_folded(&b))
			return 0;
	return a == ae && *b == '\0';
}

static int
spec_matches(const struct field_spec *spec, const char *name)
{
	const char *list = spec->aliases;

	if (name_matches(spec->name, strlen(spec->name), name))
		return 1;
	while (list != NULL && *list != '\0') {
		const char *bar = strchr(list, '|');
		size_t n = bar != NULL ? (size_t)(bar - list) : strlen(list);

		if (name_matches(list, n, name))
			return 1;
		list = bar != NULL ? bar + 1 : NULL;
	}
	return 0;
}

int
field_lookup(const char *entity, const struct field_spec *specs,
    size_t nspecs, const char *name)
{
	const char *field;

	for (size_t k = 0; k < nspecs; k++)
		if (spec_matches(&specs[k], name))
			return (int)k;
	/* a heading renke writes for people reads back as its field */
	if ((field = field_of_heading(entity, name)) != NULL)
		return field_index(specs, nspecs, field);
	return -1;
}

int
field_index(const struct field_spec *specs, size_t nspecs, const char *name)
{
	for (size_t k = 0; k < nspecs; k++)
		if (strcmp(specs[k].name, name) == 0)
			return (int)k;
	return -1;
}

int
field_map_record(struct field_map *map, const struct record *rec,
    const char **bad)
{
	int same = rec->shared_names && map->seen != NULL &&
	    map->nseen == rec->count;

	for (size_t i = 0; same && i < rec->count; i++)
		same = map->seen[i] == rec->names[i];
	if (same)
		return 0;
	free(map->seen);
	map->seen = NULL;
	map->nseen = 0;
	for (size_t k = 0; k < map->nspecs; k++)
		map->at[k] = -1;
	for (size_t i = 0; i < rec->count; i++) {
		int k = field_lookup(map->entity, map->specs, map->nspecs,
		    rec->names[i]);

		if (k < 0 && (map->lenient || rejects_own_column((const char
		    *const *)rec->names, rec->count, i)))
			continue;	/* another kind's, or a mended rejects file read again */
		if (k < 0) {
			*bad = rec->names[i];
			return -1;
		}
		if (map->at[k] >= 0) {
			*bad = rec->names[i];
			return -2;
		}
		map->at[k] = (int)i;
	}
	if ((map->seen = malloc((rec->count + 1) * sizeof(char *))) != NULL) {
		memcpy(map->seen, rec->names, rec->count * sizeof(char *));
		map->nseen = rec->count;
	}
	return 0;
}

const char *
field_value(const struct field_map *map, const struct record *rec, size_t k)
{
	int i = map->at[k];

	return i >= 0 && (size_t)i < rec->count ? rec->values[i] : NULL;
}

const char *
field_label(const struct field_map *map, const struct record *rec, size_t k)
{
	int i = map->at[k];

	return i >= 0 && (size_t)i < rec->count ? rec->names[i] :
	    field_word(map->entity, map->specs[k].name);
}
