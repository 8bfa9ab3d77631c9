/* coverage.c -- who a visit- or care-coverage milestone covers: one definition for every command */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "coverage.h"
#include "hashtab.h"
#include "text.h"
#include "vocab.h"

const struct column coverage_columns[COVERAGE_NCOLUMNS] = {
	{ "milestone", N_("milestone"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "due", N_("households due"), COLUMN_INTEGER },
	{ "visited", N_("visited"), COLUMN_INTEGER },
	{ "missing", N_("missing"), COLUMN_INTEGER },
	{ "late", N_("late"), COLUMN_INTEGER },
	{ "percent", N_("percent"), COLUMN_NUMBER },
};

const struct column coverage_missing_columns[COVERAGE_MISSING_NCOLUMNS] = {
	{ "milestone", N_("milestone"), COLUMN_TEXT },
	{ "village", N_("village"), COLUMN_TEXT },
	{ "village_group", N_("group"), COLUMN_TEXT },
	{ "household_id", N_("household"), COLUMN_TEXT },
	{ "head_name", N_("head"), COLUMN_TEXT },
	{ "categories", N_("categories"), COLUMN_TEXT },
	{ "last_visit", N_("last visit"), COLUMN_TEXT },
	{ "person", N_("person"), COLUMN_TEXT },
};

/*
 * How the definition is computed, for every command: one pass over the
 * households and one over the visits, for up to PASS_MILESTONES
 * milestones at a time, each milestone a bit of a mask.  (In SQL, each
 * milestone took a pass over the visits of its own.)
 */
#define PASS_MILESTONES 32

/* 1 when the ';' separated list [p, end) holds the word w[0..n). */
static int
list_has(const char *p, const char *end, const char *w, size_t n)
{
	while (p < end) {
		const char *sep = memchr(p, ';', (size_t)(end - p));
		const char *stop = sep != NULL ? sep : end;

		if ((size_t)(stop - p) == n && memcmp(p, w, n) == 0)
			return 1;
		p = stop + 1;
	}
	return 0;
}

/*
 * 1 when a household of categories has (codes, ';' joined, or NULL) is
 * due for a milestone that wants those of wants: it names none, or the
 * household is in one of them.
 */
static int
due_for(const char *has, const char *wants)
{
	const char *p, *end;

	if (wants == NULL || *wants == '\0')
		return 1;
	if (has == NULL)
		return 0;
	end = has + strlen(has);
	for (p = wants; *p != '\0';) {
		size_t n = strcspn(p, ";");

		if (n > 0 && list_has(has, end, p, n))
			return 1;
		p += n + (p[n] == ';');
	}
	return 0;
}

size_t
coverage_roles(const char *roles, const char **role, size_t max)
{
	size_t n = 0;

	for (const struct vocab_entry *e = vocab_table; e->domain != NULL &&
	    roles != NULL && n < max; e++)
		if (strcmp(e->domain, "visitor_role") == 0 &&
		    list_has(roles, roles + strlen(roles), e->code, strlen(e->code)))
			role[n++] = e->code;
	return n;
}

/*
 * A visit-coverage or care-coverage milestone, as stored; one that names
 * visitor roles is one for each role, known as "id:role", counting that
 * role's visits.
 */
struct milestone {
	char *id, *title, *round, *due_date, *categories;
	char *tags, *from;	/* care: the member_tag codes due; the first day counted, or NULL */
	const char *role;	/* a visitor_role code (vocab.c's string), or NULL */
	int cases;		/* a household's monitoring cases must be complete */
	int care;		/* its units are people, its visits care visits */
};

struct milestones {
	struct milestone *m;
	size_t n;
};

static void
milestones_free(struct milestones *ms)
{
	for (size_t i = 0; i < ms->n; i++) {
		free(ms->m[i].id);
		free(ms->m[i].title);
		free(ms->m[i].round);
		free(ms->m[i].due_date);
		free(ms->m[i].categories);
		free(ms->m[i].tags);
		free(ms->m[i].from);
	}
	free(ms->m);
	memset(ms, 0, sizeof(*ms));
}

/* strdup() of a column, NULL staying NULL; *bad set when memory runs out. */
static char *
column_dup(sqlite3_stmt *st, int i, int *bad)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	char *copy;

	if (v == NULL)
		return NULL;
	if ((copy = strdup(v)) == NULL)
		*bad = 1;
	return copy;
}

/* Append the milestone of row st (for role, or any role when NULL): 0, or 1 when memory runs out. */
static int
milestone_add_row(struct milestones *ms, sqlite3_stmt *st, const char *role)
{
	struct milestone *m = realloc(ms->m, (ms->n + 1) * sizeof(*m));
	int bad = 0;

	if (m == NULL)
		return 1;
	ms->m = m;
	m = &ms->m[ms->n++];
	memset(m, 0, sizeof(*m));
	m->id = column_dup(st, 0, &bad);
	m->title = column_dup(st, 1, &bad);
	m->round = column_dup(st, 2, &bad);
	m->due_date = column_dup(st, 3, &bad);
	m->categories = column_dup(st, 4, &bad);
	m->cases = sqlite3_column_int(st, 6) != 0;
	m->care = strcmp((const char *)sqlite3_column_text(st, 7),
	    "care_coverage") == 0;
	m->tags = column_dup(st, 8, &bad);
	m->from = column_dup(st, 9, &bad);
	m->role = role;
	if (!bad && role != NULL) {
		size_t n = strlen(m->id) + strlen(role) + 2;
		char *id = malloc(n);

		if (id == NULL)
			return 1;
		snprintf(id, n, "%s:%s", m->id, role);
		free(m->id);
		m->id = id;
	}
	return bad;
}

/* 1 when a milestone of kind is one of kinds (COVERAGE_VISITS, COVERAGE_CARE). */
static int
kind_asked(const char *kind, unsigned kinds)
{
	return ((kinds & COVERAGE_VISITS) && strcmp(kind, "visit_coverage") == 0) ||
	    ((kinds & COVERAGE_CARE) && strcmp(kind, "care_coverage") == 0);
}

/*
 * The milestones asked for: one, or every milestone of kinds, by due
 * date then id; one that names visitor roles once a role.  0, or -1
 * with err set.
 */
static int
milestones_load(struct store *s, const char *milestone_id, unsigned kinds,
    struct milestones *ms, struct error *err)
{
	sqlite3_stmt *st;
	int rc, bad = 0;

	memset(ms, 0, sizeof(*ms));
	if (milestone_id != NULL) {
		if ((st = store_prepare(s, "SELECT kind FROM milestone "
		    "WHERE milestone_id = ?", err)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, milestone_id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && !kind_asked((const char *)
		    sqlite3_column_text(st, 0), kinds)) {
			sqlite3_finalize(st);
			return error_set(err, EXIT_DATAERR, (kinds & COVERAGE_CARE) ?
			    _("milestone %s is neither a visit-coverage nor a "
			    "care-coverage milestone") : _("milestone %s is not a "
			    "visit-coverage milestone"), milestone_id);
		}
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return error_set(err, EXIT_DATAERR, _("no milestone %s in the "
			    "store; milestone-add adds milestones"), milestone_id);
		if (rc != SQLITE_ROW)
			return store_error(s, rc, err);
	}
	st = store_prepare(s, "SELECT milestone_id, title, round, due_date, "
	    "categories, roles, monitor_cases, kind, care_tags, care_from "
	    "FROM milestone WHERE ((kind = 'visit_coverage' AND ?2 & 1) OR "
	    "(kind = 'care_coverage' AND ?2 & 2)) AND "
	    "(?1 IS NULL OR milestone_id = ?1) ORDER BY due_date, milestone_id",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, milestone_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)kinds);
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role[16];
		size_t nroles;

		/* one milestone a role it names (vocabulary order), or one for any */
		nroles = coverage_roles((const char *)sqlite3_column_text(st, 5),
		    role, 16);
		if (nroles == 0)
			role[nroles++] = NULL;
		for (size_t r = 0; r < nroles && !bad; r++)
			bad = milestone_add_row(ms, st, role[r]);
	}
	sqlite3_finalize(st);
	if (bad) {
		milestones_free(ms);
		return error_set(err, EXIT_SOFTWARE, _("out of memory"));
	}
	if (rc != SQLITE_DONE) {
		milestones_free(ms);
		return store_error(s, rc, err);
	}
	return 0;
}

/* The villages of the store by id. */
struct villages {
	long long *id;
	char **name;
	size_t n;
};

static void
villages_free(struct villages *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->name[i]);
	free(v->id);
	free(v->name);
	memset(v, 0, sizeof(*v));
}

static int
villages_load(struct store *s, struct villages *v, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id, name FROM village "
	    "ORDER BY id", err);
	size_t cap = 0;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (v->n == cap) {
			size_t more = cap ? cap * 2 : 64;
			long long *id = realloc(v->id, more * sizeof(*id));
			char **name = id != NULL ? realloc(v->name, more * sizeof(*name)) :
			    NULL;

			if (id != NULL)
				v->id = id;
			if (name == NULL)
				goto nomem;
			v->name = name;
			cap = more;
		}
		v->id[v->n] = sqlite3_column_int64(st, 0);
		if ((v->name[v->n] = strdup((const char *)sqlite3_column_text(st,
		    1))) == NULL)
			goto nomem;
		v->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return 0;
nomem:
	sqlite3_finalize(st);
	return error_set(err, EXIT_SOFTWARE, _("out of memory"));
}

/*
 * The households due for at least one milestone of a pass (milestone i
 * of the pass is bit i), found again by their number through a hash
 * table of their indexes.
 */
struct pass {
	const struct milestone *m;	/* the pass's milestones */
	size_t nm;
	const char *today;		/* nothing dated after it counts; NULL: no bound */
	size_t n, cap;			/* households */
	uint32_t *village;		/* index in struct villages */
	uint32_t *due, *covered;	/* masks */
	uint32_t *late;			/* visited after the due date */
	uint32_t *key;			/* offset of the household's number in keys */
	struct buf keys;
	struct hashtab index;		/* their numbers' hashes */
};

static void
pass_free(struct pass *p)
{
	free(p->village);
	free(p->due);
	free(p->covered);
	free(p->late);
	free(p->key);
	hashtab_free(&p->index);
	buf_free(&p->keys);
	memset(p, 0, sizeof(*p));
}

/* The index of household number s[0..n) in p, or p->n. */
static size_t
pass_find(const struct pass *p, const char *s, size_t n)
{
	uint64_t h = text_hash(TEXT_HASH, s, n);
	size_t pos = hashtab_start(&p->index, h), i;

	while ((i = hashtab_next(&p->index, h, &pos)) != HASHTAB_END) {
		const char *k = p->keys.data + p->key[i];

		if (strncmp(k, s, n) == 0 && k[n] == '\0')
			return i;
	}
	return p->n;
}

/* Room for one more household in p: 0, or -1 when memory runs out. */
static int
pass_grow(struct pass *p)
{
	size_t cap = p->cap ? p->cap * 2 : 4096;
	uint32_t *a;

	if (p->n < p->cap)
		return 0;
	if (cap > UINT32_MAX / 2)
		return -1;
#define GROW(field) \
	if ((a = realloc(p->field, cap * sizeof(*a))) == NULL) \
		return -1; \
	p->field = a;
	GROW(village)
	GROW(due)
	GROW(covered)
	GROW(late)
	GROW(key)
#undef GROW
	p->cap = cap;
	return 0;
}

/* The hash table of p's households, built once they are all in. */
static int
pass_index(struct pass *p)
{
	if (hashtab_reserve(&p->index, p->n) != 0)
		return -1;
	for (size_t h = 0; h < p->n; h++) {
		const char *k = p->keys.data + p->key[h];

		if (hashtab_add(&p->index, text_hash(TEXT_HASH, k, strlen(k)), h) != 0)
			return -1;
	}
	return 0;
}

/*
 * For milestones that need a household's monitoring cases complete
 * (monitor_cases): a due household with a case whose clue came on or
 * before the due date and that had not ended by then (still open, or
 * decided or found not eligible after it) is not covered, whatever its
 * visits.  0, or -1 with err set.
 */
static int
pass_cases(struct store *s, const struct milestone *m, size_t nm,
    struct pass *p, struct error *err)
{
	sqlite3_stmt *st;
	uint32_t asks = 0;
	int rc;

	for (size_t i = 0; i < nm; i++)
		if (m[i].cases)
			asks |= UINT32_C(1) << i;
	if (asks == 0)
		return 0;
	if ((st = store_prepare(s, "SELECT household_id, clue_on, "
	    "CASE WHEN state = 'open' THEN NULL ELSE decided_on END "
	    "FROM monitor_case", err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *clue_on = (const char *)sqlite3_column_text(st, 1);
		const char *ended = (const char *)sqlite3_column_text(st, 2);
		uint32_t incomplete = 0;
		size_t h;

		if (clue_on == NULL || sqlite3_column_type(st, 0) == SQLITE_NULL)
			continue;	/* (a damaged store) */
		if (p->today != NULL && strcmp(clue_on, p->today) > 0)
			continue;	/* no case yet on the day */
		if (p->today != NULL && ended != NULL && strcmp(ended, p->today) > 0)
			ended = NULL;	/* not ended yet on the day */
		for (size_t i = 0; i < nm; i++)
			if ((asks >> i & 1) && m[i].due_date != NULL &&
			    strcmp(clue_on, m[i].due_date) <= 0 && (ended == NULL ||
			    strcmp(ended, m[i].due_date) > 0))
				incomplete |= UINT32_C(1) << i;
		if (incomplete == 0)
			continue;
		h = pass_find(p, (const char *)sqlite3_column_text(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0));
		if (h < p->n)
			p->covered[h] &= ~incomplete;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_error(s, rc, err);
}

/*
 * The milestones from ms->m[first] on that one pass takes: up to
 * PASS_MILESTONES, all of one sort (households or people).
 */
static size_t
pass_size(const struct milestones *ms, size_t first)
{
	size_t n = 1;

	while (first + n < ms->n && n < PASS_MILESTONES &&
	    ms->m[first + n].care == ms->m[first].care)
		n++;
	return n;
}

/*
 * The role of a visit's visitor when it names none: that of their
 * assignment to the household (SQL) or its village.
 */
#define ASSIGNED_ROLE_SQL(visitor, household) \
	"(SELECT a.role FROM assignment a JOIN household h ON h.household_id = " \
	household " WHERE a.cadre = " visitor " AND (a.household_id = " \
	"h.household_id OR (a.household_id IS NULL AND a.village_id = " \
	"h.village_id)) ORDER BY a.household_id IS NULL, a.id LIMIT 1)"

/*
 * The units of a pass and their categories (care: tags), then its
 * visits: who, round (care: none), day and the visitor's role when a
 * milestone asks for one.
 */
static const char *const pass_sql[2][3] = {
	{ "SELECT household_id, village_id, categories FROM household",
	  "SELECT household_id, round, visit_date, NULL FROM visit",
	  "SELECT v.household_id, v.round, v.visit_date, coalesce(v.visitor_role, "
	  ASSIGNED_ROLE_SQL("v.visitor", "v.household_id") ") FROM visit v" },
	{ "SELECT m.id_number, h.village_id, m.tags FROM member m JOIN "
	  "household h ON h.household_id = m.household_id WHERE m.tags <> ''",
	  "SELECT id_number, NULL, visit_date, NULL FROM care_visit",
	  "SELECT c.id_number, NULL, c.visit_date, coalesce(c.visitor_role, "
	  ASSIGNED_ROLE_SQL("c.visitor", "(SELECT p.household_id FROM member p "
	  "WHERE p.id_number = c.id_number)") ") FROM care_visit c" },
};

/*
 * The milestones of m[0..nm) that a visit of round (care: NULL) on date
 * by a visitor of role covers (into *covers: on or before the due date,
 * and for care on or after the first day) or would have but for its
 * date (into *after: after the due date).
 */
static void
visit_counts(const struct milestone *m, size_t nm, const char *round,
    const char *date, const char *role, uint32_t *covers, uint32_t *after)
{
	*covers = *after = 0;
	for (size_t i = 0; i < nm; i++) {
		if (m[i].due_date == NULL || (m[i].role != NULL && (role == NULL ||
		    strcmp(role, m[i].role) != 0)))
			continue;
		if (!m[i].care && (m[i].round == NULL || round == NULL ||
		    strcmp(round, m[i].round) != 0))
			continue;
		if (strcmp(date, m[i].due_date) > 0)
			*after |= UINT32_C(1) << i;
		else if (!m[i].care || m[i].from == NULL ||
		    strcmp(date, m[i].from) >= 0)
			*covers |= UINT32_C(1) << i;
	}
}

/*
 * Fill p for milestones m[0..nm) (nm <= PASS_MILESTONES, all of one
 * sort): which units (households, or for care the people tagged) each
 * is due for, which it covers.  0, or -1 with err set.
 */
static int
pass_run(struct store *s, const struct villages *v, const struct milestone *m,
    size_t nm, const char *today, struct pass *p, struct error *err)
{
	sqlite3_stmt *st;
	char *last = NULL;		/* the categories before, and their mask */
	uint32_t last_due = 0;
	int rc, bad = 0, roles = 0, care = m[0].care;

	memset(p, 0, sizeof(*p));
	p->m = m;
	p->nm = nm;
	p->today = today;
	st = store_prepare(s, pass_sql[care][0], err);
	if (st == NULL)
		return -1;
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *categories = (const char *)sqlite3_column_text(st, 2);
		uint32_t due = 0;

		if (id == NULL)
			continue;	/* (a damaged store) */

		/* a township has a few combinations of categories: ask once each */
		if (last != NULL && categories != NULL && strcmp(last, categories) == 0)
			due = last_due;
		else {
			for (size_t i = 0; i < nm; i++)
				if (due_for(categories, care ? m[i].tags :
				    m[i].categories))
					due |= UINT32_C(1) << i;
			free(last);
			last = categories != NULL ? strdup(categories) : NULL;
			last_due = due;
		}
		if (due == 0)
			continue;
		if (pass_grow(p) != 0 || p->keys.len > UINT32_MAX / 2) {
			bad = 1;
			break;
		}
		p->village[p->n] = (uint32_t)store_id_index(v->id, v->n,
		    sqlite3_column_int64(st, 1));
		p->due[p->n] = due;
		p->covered[p->n] = 0;
		p->late[p->n] = 0;
		p->key[p->n] = (uint32_t)p->keys.len;
		if (buf_append(&p->keys, id, strlen(id) + 1) != 0)
			bad = 1;
		p->n++;
	}
	free(last);
	sqlite3_finalize(st);
	if (bad || pass_index(p) != 0)
		return error_set(err, EXIT_SOFTWARE, _("out of memory"));
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	/*
	 * the visits: each covers the milestones of its round (care: the
	 * care visits from the first day) due on or after it, of its
	 * visitor's role if they ask for one: the visit's, else that of the
	 * visitor's assignment to the household or its village; one after
	 * the due date marks the unit late for it; one after today is not
	 * yet made and counts for nothing
	 */
	for (size_t i = 0; i < nm; i++)
		roles |= m[i].role != NULL;
	if ((st = store_prepare(s, pass_sql[care][1 + roles], err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *round = (const char *)sqlite3_column_text(st, 1);
		const char *date = (const char *)sqlite3_column_text(st, 2);
		const char *role = (const char *)sqlite3_column_text(st, 3);
		uint32_t covers, after;
		size_t h;

		if ((round == NULL && !care) || date == NULL ||
		    sqlite3_column_type(st, 0) == SQLITE_NULL)
			continue;	/* (a damaged store) */
		if (today != NULL && strcmp(date, today) > 0)
			continue;
		visit_counts(m, nm, round, date, role, &covers, &after);
		if ((covers | after) == 0)
			continue;
		h = pass_find(p, (const char *)sqlite3_column_text(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0));
		if (h < p->n) {
			p->covered[h] |= covers & p->due[h];
			p->late[h] |= after & p->due[h];
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, rc, err);
	return pass_cases(s, m, nm, p, err);
}

enum coverage_item
coverage_item(long due, long visited, long late, long pending)
{
	if (due <= 0)
		return COVERAGE_ITEM_NONE;
	if (visited >= due)
		return COVERAGE_ITEM_DONE;
	if (pending > 0)
		return COVERAGE_ITEM_PENDING;
	return visited + late >= due ? COVERAGE_ITEM_LATE : COVERAGE_ITEM_MISSING;
}

long
coverage_by_village(struct store *s, const char *milestone_id,
    const char *today, coverage_fn *fn, void *context, struct error *err)
{
	return coverage_by_village_of(s, milestone_id, COVERAGE_VISITS, today,
	    fn, context, err);
}

long
coverage_by_village_of(struct store *s, const char *milestone_id,
    unsigned kinds, const char *today, coverage_fn *fn, void *context,
    struct error *err)
{
	struct milestones ms;
	struct villages v = { 0 };
	struct pass p = { 0 };
	long *due = NULL, *visited = NULL, *late = NULL, rows = 0;

	if (milestones_load(s, milestone_id, kinds, &ms, err) != 0)
		return -1;
	if (villages_load(s, &v, err) != 0)
		goto fail;
	due = calloc((v.n + 1) * PASS_MILESTONES, sizeof(*due));
	visited = calloc((v.n + 1) * PASS_MILESTONES, sizeof(*visited));
	late = calloc((v.n + 1) * PASS_MILESTONES, sizeof(*late));
	if (due == NULL || visited == NULL || late == NULL) {
		error_set(err, EXIT_SOFTWARE, _("out of memory"));
		goto fail;
	}
	for (size_t first = 0, nm; first < ms.n; first += nm) {
		nm = pass_size(&ms, first);

		if (pass_run(s, &v, ms.m + first, nm, today, &p, err) != 0)
			goto fail;
		memset(due, 0, (v.n + 1) * PASS_MILESTONES * sizeof(*due));
		memset(visited, 0, (v.n + 1) * PASS_MILESTONES * sizeof(*visited));
		memset(late, 0, (v.n + 1) * PASS_MILESTONES * sizeof(*late));
		for (size_t h = 0; h < p.n; h++) {
			size_t at = p.village[h] * PASS_MILESTONES;
			uint32_t behind = p.late[h] & ~p.covered[h];

			for (size_t i = 0; i < nm; i++) {
				due[at + i] += p.due[h] >> i & 1;
				visited[at + i] += p.covered[h] >> i & 1;
				late[at + i] += behind >> i & 1;
			}
		}
		for (size_t i = 0; i < nm; i++) {
			const struct milestone *m = &ms.m[first + i];
			struct coverage row;

			row.milestone_id = m->id;
			row.title = m->title;
			row.round = m->round;
			row.due_date = m->due_date;
			for (size_t k = 0; k < v.n; k++) {
				size_t at = k * PASS_MILESTONES + i;

				if (due[at] == 0)
					continue;
				row.village = v.name[k];
				row.due = due[at];
				row.visited = visited[at];
				row.missing = row.due - row.visited;
				row.late = late[at];
				row.pending = today != NULL && m->due_date != NULL &&
				    strcmp(m->due_date, today) > 0 ? row.missing : 0;
				row.percent = row.visited * 100.0 / row.due;
				if (fn(context, &row, err) != 0)
					goto fail;
				rows++;
			}
		}
		pass_free(&p);
	}
	free(due);
	free(visited);
	free(late);
	pass_free(&p);
	villages_free(&v);
	milestones_free(&ms);
	return rows;
fail:
	free(due);
	free(visited);
	free(late);
	pass_free(&p);
	villages_free(&v);
	milestones_free(&ms);
	return -1;
}

/* What SQL renke_missing(household_id, i) asks: the pass, milestone i of it. */
static void
sql_missing(sqlite3_context *context, int argc, sqlite3_value **argv)
{
	const struct pass *p = sqlite3_user_data(context);
	const char *id = (const char *)sqlite3_value_text(argv[0]);
	int i = sqlite3_value_int(argv[1]);
	size_t h;

	(void)argc;
	if (id == NULL || i < 0 || i >= PASS_MILESTONES) {
		sqlite3_result_int(context, 0);
		return;
	}
	h = pass_find(p, id, (size_t)sqlite3_value_bytes(argv[0]));
	sqlite3_result_int(context, h < p->n && (p->due[h] >> i & 1) &&
	    !(p->covered[h] >> i & 1));
}

long
coverage_missing(struct store *s, const char *milestone_id,
    const char *today, coverage_household_fn *fn, void *context,
    struct error *err)
{
	return coverage_missing_of(s, milestone_id, COVERAGE_VISITS, today, fn,
	    context, err);
}

/*
 * The units missing from milestone i of a pass (renke_missing()), each
 * the household, its categories, the latest visit by the day ?3 (of the
 * round ?1; for care, any care visit) and for care the person, by name
 * and ID number:
 * households, or people tagged.
 */
static const char *const missing_sql[2] = {
	"SELECT vl.name, g.name, h.household_id, h.head_name, h.categories, "
	"(SELECT max(x.visit_date) FROM visit x WHERE x.household_id = "
	"h.household_id AND x.round = ?1 AND (?3 IS NULL OR "
	"x.visit_date <= ?3)), NULL, NULL "
	"FROM household h JOIN village vl ON vl.id = h.village_id "
	"LEFT JOIN village_group g ON g.id = h.group_id "
	"WHERE renke_missing(h.household_id, ?2) "
	"ORDER BY h.village_id, h.group_id, h.household_id",
	"SELECT vl.name, g.name, h.household_id, h.head_name, h.categories, "
	"(SELECT max(x.visit_date) FROM care_visit x WHERE x.id_number = "
	"m.id_number AND (?3 IS NULL OR x.visit_date <= ?3)), m.name, "
	"m.id_number FROM member m JOIN household h ON h.household_id = m.household_id "
	"JOIN village vl ON vl.id = h.village_id "
	"LEFT JOIN village_group g ON g.id = h.group_id "
	"WHERE m.tags <> '' AND renke_missing(m.id_number, ?2) "
	"ORDER BY h.village_id, h.group_id, h.household_id, m.id_number",
};

long
coverage_missing_of(struct store *s, const char *milestone_id, unsigned kinds,
    const char *today, coverage_household_fn *fn, void *context,
    struct error *err)
{
	struct milestones ms;
	struct villages v = { 0 };
	struct pass p = { 0 };
	sqlite3_stmt *st = NULL;
	long rows = 0;
	int rc;

	if (milestones_load(s, milestone_id, kinds, &ms, err) != 0)
		return -1;
	if (villages_load(s, &v, err) != 0)
		goto fail;
	for (size_t first = 0, nm; first < ms.n; first += nm) {
		nm = pass_size(&ms, first);

		if (pass_run(s, &v, ms.m + first, nm, today, &p, err) != 0)
			goto fail;
		/* the pass is this function's data while the query runs */
		if (sqlite3_create_function_v2(s->db, "renke_missing", 2,
		    SQLITE_UTF8, &p, sql_missing, NULL, NULL, NULL) != SQLITE_OK) {
			store_error(s, sqlite3_errcode(s->db), err);
			goto fail;
		}
		st = store_prepare(s, missing_sql[ms.m[first].care], err);
		if (st == NULL)
			goto fail;
		for (size_t i = 0; i < nm; i++) {
			const struct milestone *m = &ms.m[first + i];
			struct coverage_household row;

			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, m->round, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, (int)i);
			sqlite3_bind_text(st, 3, today, -1, SQLITE_STATIC);
			row.milestone_id = m->id;
			row.due_date = m->due_date;
			row.role = m->role;
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				row.village = (const char *)sqlite3_column_text(st, 0);
				row.village_group = (const char *)sqlite3_column_text(st, 1);
				row.household_id = (const char *)sqlite3_column_text(st, 2);
				row.head_name = (const char *)sqlite3_column_text(st, 3);
				row.categories = (const char *)sqlite3_column_text(st, 4);
				row.last_visit = (const char *)sqlite3_column_text(st, 5);
				row.person = (const char *)sqlite3_column_text(st, 6);
				row.person_id = (const char *)sqlite3_column_text(st, 7);
				if (fn(context, &row, err) != 0)
					goto fail;
				rows++;
			}
			if (rc != SQLITE_DONE) {
				store_error(s, rc, err);
				goto fail;
			}
		}
		sqlite3_finalize(st);
		st = NULL;
		sqlite3_create_function_v2(s->db, "renke_missing", 2, SQLITE_UTF8,
		    NULL, NULL, NULL, NULL, NULL);
		pass_free(&p);
	}
	villages_free(&v);
	milestones_free(&ms);
	return rows;
fail:
	sqlite3_finalize(st);
	sqlite3_create_function_v2(s->db, "renke_missing", 2, SQLITE_UTF8, NULL,
	    NULL, NULL, NULL, NULL);
	pass_free(&p);
	villages_free(&v);
	milestones_free(&ms);
	return -1;
}

static int
write_village(void *context, const struct coverage *row, struct error *err)
{
	char due[24], visited[24], missing[24], late[24], percent[24];
	const char *v[COVERAGE_NCOLUMNS];

	snprintf(due, sizeof(due), "%ld", row->due);
	snprintf(visited, sizeof(visited), "%ld", row->visited);
	snprintf(missing, sizeof(missing), "%ld", row->missing);
	snprintf(late, sizeof(late), "%ld", row->late);
	snprintf(percent, sizeof(percent), writer_labels(context) ? "%.1f%%" :
	    "%.1f", row->percent);
	v[0] = row->milestone_id;
	v[1] = row->village;
	v[2] = due;
	v[3] = visited;
	v[4] = missing;
	v[5] = late;
	v[6] = percent;
	return writer_row(context, v, err);
}

int
coverage_kinds(struct store *s, const char *milestone_id, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT "
	    "coalesce(max(kind = 'visit_coverage'), 0), "
	    "coalesce(max(kind = 'care_coverage'), 0) FROM milestone "
	    "WHERE (kind = 'visit_coverage' OR kind = 'care_coverage') AND "
	    "(?1 IS NULL OR milestone_id = ?1)", err);
	int rc, kinds = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, milestone_id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		kinds = (sqlite3_column_int(st, 0) ? COVERAGE_VISITS : 0) |
		    (sqlite3_column_int(st, 1) ? COVERAGE_CARE : 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? kinds : store_error(s, rc, err);
}

int
coverage_columns_for(struct store *s, const char *milestone_id,
    struct column out[COVERAGE_NCOLUMNS], struct error *err)
{
	int kinds = coverage_kinds(s, milestone_id, err);

	if (kinds < 0)
		return -1;
	memcpy(out, coverage_columns, sizeof(coverage_columns));
	if (kinds & COVERAGE_CARE)
		out[2].label = (kinds & COVERAGE_VISITS) ?
		    N_("households or people due") : N_("people due");
	return 0;
}

long
coverage_write(struct store *s, const char *milestone_id, const char *today,
    struct writer *w, struct error *err)
{
	return coverage_by_village_of(s, milestone_id, COVERAGE_VISITS |
	    COVERAGE_CARE, today, write_village, w, err);
}

struct missing_writer {
	struct writer *w;
	int labels;
};

static int
write_household(void *context, const struct coverage_household *row,
    struct error *err)
{
	struct missing_writer *mw = context;
	const char *v[COVERAGE_MISSING_NCOLUMNS];
	struct buf joined = { 0 };
	int rc;

	v[0] = row->milestone_id;
	v[1] = row->village;
	v[2] = row->village_group;
	v[3] = row->household_id;
	v[4] = row->head_name;
	v[5] = row->categories;
	v[6] = row->last_visit;
	v[7] = row->person;
	if (mw->labels && row->categories != NULL) {
		const char *p = row->categories;
		char code[64];

		while (*p != '\0') {
			size_t n = strcspn(p, ";");

			if (n > 0 && n < sizeof(code)) {
				memcpy(code, p, n);
				code[n] = '\0';
				if (joined.len > 0)
					buf_puts(&joined, locale_is_chinese() ? "、" : ";");
				buf_puts(&joined, vocab_label("category", code));
			}
			p += n + (p[n] == ';');
		}
		v[5] = joined.data != NULL ? joined.data : "";
	}
	rc = writer_row(mw->w, v, err);
	buf_free(&joined);
	return rc;
}

long
coverage_write_missing(struct store *s, const char *milestone_id,
    const char *today, int labels, struct writer *w, struct error *err)
{
	struct missing_writer mw = { w, labels };

	return coverage_missing_of(s, milestone_id, COVERAGE_VISITS |
	    COVERAGE_CARE, today, write_household, &mw, err);
}
