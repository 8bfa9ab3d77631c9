/* headings.h -- the heading people read for a field name kept by scripts */
#ifndef RENKE_HEADINGS_H
#define RENKE_HEADINGS_H

/*
 * The heading of the stored field called name in the user's language
 * (for histories and messages): "状态" for status under zh_CN.
 * Returns a static string; name itself when it has no heading.
 */
const char *field_heading(const char *name);

/*
 * How a message names the field called name: its heading under zh_CN
 * (身份证号), else name itself, as files and scripts spell it.  A
 * static string, or name.
 */
const char *field_word(const char *name);

/*
 * The heading of the field called name of a record of entity
 * ("household", "issue", "case", ... as the audit log names them; NULL
 * for any) in the user's language, and the vocabulary its values are
 * codes of in *domain (NULL: free text, dates or numbers).  A static
 * string; name itself, *domain NULL, when it has no heading.
 */
const char *field_heading_of(const char *entity, const char *name,
    const char **domain);

/*
 * The vocabulary (vocab.h) whose codes the field called name holds,
 * "status" for status; NULL when it holds free text, dates or numbers.
 */
const char *field_domain(const char *name);

/*
 * The field whose heading is text, in English or in the user's
 * language, ASCII case ignored ("ID number" and "身份证号": id_number),
 * so that what renke writes for people reads back.  NULL for none.
 */
const char *field_of_heading(const char *text);

#endif
