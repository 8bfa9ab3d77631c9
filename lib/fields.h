/* fields.h -- field tables: input column names, their Chinese aliases, lookups */
#ifndef RENKE_FIELDS_H
#define RENKE_FIELDS_H

#include <stddef.h>

#include "input.h"

/* A field a command reads: its snake_case name and other accepted headers. */
struct field_spec {
	const char *name;
	const char *aliases;	/* '|' separated, e.g. "户编号|户号", or NULL */
};

/*
 * Where each field of a record is.  fields_map() fills at[k] with the
 * index in the record of specs[k], or -1 when the record lacks it.  It
 * remembers the names it saw, so that records sharing a CSV header are
 * mapped once.
 */
struct field_map {
	const char *entity;	/* the kind of record, as the audit log names
				   it ("visit"): how messages name its fields */
	const struct field_spec *specs;
	size_t nspecs;
	int *at;
	char **seen;		/* the names last mapped (borrowed pointers) */
	size_t nseen;
	int lenient;		/* a name no spec takes is passed over (another
				   kind reads it: import_kind.child) */
};

/*
 * Set up map for specs (nspecs of them) of a record of entity (static,
 * may be NULL: see field_word()); returns 0, or -1 when memory runs out.
 */
int field_map_init(struct field_map *map, const char *entity,
    const struct field_spec *specs, size_t nspecs);

/* Free what map holds. */
void field_map_free(struct field_map *map);

/*
 * Map rec's names onto the specs.  Returns 0; -1 when a name is no
 * field's (*bad = that name; never for a lenient map); -2 when two
 * names give the same field (*bad = the second).  Header names match ignoring ASCII case and
 * the difference between fullwidth and ASCII parentheses.  The columns
 * a rejects file adds (rejects_own_column()) map to nothing.
 */
int field_map_record(struct field_map *map, const struct record *rec,
    const char **bad);

/* The value of specs[k] in rec after field_map_record(): NULL if absent. */
const char *field_value(const struct field_map *map, const struct record *rec,
    size_t k);

/*
 * The name rec uses for specs[k] (for messages): its own header, else
 * the field as the user knows it (field_word() of the map's entity:
 * its heading under zh_CN, the field name else).
 */
const char *field_label(const struct field_map *map, const struct record *rec,
    size_t k);

/*
 * Index of the spec of a record of entity (NULL: see field_word()) that
 * a header called name gives (its name or an alias, compared as
 * field_map_record() does, or a heading renke writes for people of
 * that kind: field_of_heading()), or -1.
 */
int field_lookup(const char *entity, const struct field_spec *specs,
    size_t nspecs, const char *name);

/* Index of the spec called name, or -1. */
int field_index(const struct field_spec *specs, size_t nspecs, const char *name);

#endif
