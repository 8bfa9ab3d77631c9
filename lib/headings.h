/* headings.h -- the heading people read for a field name kept by scripts */
#ifndef RENKE_HEADINGS_H
#define RENKE_HEADINGS_H

/*
 * How a message names the field called name of a record of entity
 * ("visit", "case", ... as the audit log names them; NULL: a field any
 * record has): its heading under zh_CN, entity's own (住房安全 for a
 * visit's housing, 住房情况 for a monitoring case's), else name itself,
 * as files and scripts spell it.  A static string, or name.
 */
const char *field_word(const char *entity, const char *name);

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
 * The field of a record of entity (as field_word() takes it; NULL: of
 * any kind) whose heading is text, in English or in the user's
 * language, ASCII case ignored ("ID number" and "身份证号": id_number),
 * so that what renke writes for people reads back: entity's own
 * heading or one every record's field has, never another kind's (a
 * visit's column headed 住房情况, a monitoring case's housing, is no
 * visit's field).  NULL for none.
 */
const char *field_of_heading(const char *entity, const char *text);

#endif
