/* vocab.h -- vocabularies: an ASCII code kept in the store, labels shown to people */
#ifndef RENKE_VOCAB_H
#define RENKE_VOCAB_H

/*
 * One table holds every vocabulary (household categories, issue
 * statuses, answers, ...), one row a value.  Input may give the code,
 * the English or Chinese label, or an alias; the store keeps the code.
 */
struct vocab_entry {
	const char *domain;	/* "category", "monitor_type", ... */
	const char *code;	/* ASCII, kept in the store */
	const char *label_en;
	const char *label_zh;
	const char *aliases;	/* other accepted spellings, '|' separated, or NULL */
};

/*
 * The code of text in domain: text may be the code, a label or an
 * alias, ASCII case ignored, surrounding blanks ignored.  Returns a
 * static string, or NULL when text names no value of the domain.
 */
const char *vocab_code(const char *domain, const char *text);

/* The label of code for people, Chinese when locale_is_chinese(); code itself if unknown. */
const char *vocab_label(const char *domain, const char *code);

/*
 * How a message names code of domain: its Chinese label under zh_CN,
 * else the code itself, as options and scripts spell it.  A static
 * string; code itself when unknown.
 */
const char *vocab_word(const char *domain, const char *code);

/*
 * The place of code[0..len) among domain's codes, in vocab_table's
 * order, from 0; -1 when it is none.  A hash, not a scan: a report
 * asks it for each code of each row it counts.
 */
int vocab_ordinal(const char *domain, const char *code, size_t len);

struct buf;

/*
 * The labels of codes (';' joined, as a household's categories are)
 * of domain, joined as staff write them ("、" in Chinese, ";" else),
 * into b (reset first; the caller frees it).  Returns b's text, "" for
 * no codes.
 */
const char *vocab_labels(const char *domain, const char *codes, struct buf *b);

/*
 * The accepted values of domain for a message, "code (label), ..." in
 * the user's language, into out (size bytes).  Returns out.
 */
char *vocab_describe(const char *domain, char *out, size_t size);

/*
 * As vocab_describe(), leaving out the code except (NULL: none), a value
 * of domain that the command refuses (issue-add and misconduct).
 */
char *vocab_describe_except(const char *domain, const char *except,
    char *out, size_t size);

/* Every entry, ended by one whose domain is NULL. */
extern const struct vocab_entry vocab_table[];

#endif
