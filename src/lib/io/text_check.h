/* text_check.h - small checks on untrusted text (CSV cells, YAML
 * scalars) and a safe way to show it inside a message. */
#ifndef RAS_TEXT_CHECK_H
#define RAS_TEXT_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of a shown text, NUL included: 40 bytes of text and "...". */
#define RAS_SHOWN_MAX 48

/* True when len bytes are valid UTF-8 (no overlongs, no surrogates). */
bool ras_utf8_valid(const char *text, size_t len);

/* Valid UTF-8 with no control character: C0 (below 0x20), DEL (0x7f) or
 * C1 (U+0080 to U+009F, which terminals obey as C0). */
bool ras_text_is_clean(const char *text, size_t len);

/* What is wrong with a model's or case's text, or NULL when nothing:
 * "a NUL byte", "a control character" (C0 other than tab and newline, DEL
 * or C1) or "invalid UTF-8". Tabs and newlines pass: a help text may hold
 * them. */
const char *ras_text_fault(const char *text, size_t len);

/* An id: one or more of a-z, 0-9, '_' and '-'. */
bool ras_text_is_id(const char *text, size_t len);

/* A number: an optional sign, digits, and optionally a point and digits. */
bool ras_text_is_numeric(const char *text, size_t len);

/* A word: starts with a letter, then letters, digits, '_' or '-' (what an
 * answer id looks like, whatever its case). */
bool ras_text_is_word(const char *text, size_t len);

/* True when text is empty or only spaces and tabs: a blank cell. */
bool ras_text_is_blank(const char *text, size_t len);

/* Equality without regard to case, ASCII letters only: other bytes,
 * UTF-8 sequences included, must match exactly ("Café" and "CAFé" are
 * equal, "café" and "CAFÉ" are not). Enough for the answer texts and
 * group titles of an English council's models (docs/exports.md). */
bool ras_text_equal_nocase(const char *a, size_t alen, const char *b, size_t blen);

/* The byte with an ASCII capital letter folded to lower case. */
static inline unsigned char ras_fold_byte(unsigned char b)
{
    return b >= 'A' && b <= 'Z' ? (unsigned char)(b - 'A' + 'a') : b;
}

/* Copies text for a message: at most 40 bytes cut at a character
 * boundary, "..." added when cut, control characters and invalid UTF-8
 * shown as '?', and always NUL-terminated. */
void ras_text_show(const char *text, size_t len, char out[RAS_SHOWN_MAX]);

#endif
