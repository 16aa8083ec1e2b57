/* near.h - "did you mean 'washing'?": the id nearest a mistyped one, for
 * the messages of an unknown question or answer (docs/model-format.md
 * section 6.1). */
#ifndef RAS_NEAR_H
#define RAS_NEAR_H

#include <stddef.h>

/* Ids further than this from the text are never suggested. */
#define RAS_NEAR_MAX 2

/* The search for the ids nearest one text: offer every known id with
 * ras_near_try, then ras_near_hint says what to suggest. */
typedef struct ras_near {
    const char *text; /* what was typed (not NUL-terminated) */
    size_t len;
    size_t distance;     /* the smallest distance offered so far */
    const char *best[2]; /* the first two ids at that distance */
    size_t n_best;       /* how many ids are at that distance */
} ras_near;

void ras_near_init(ras_near *near, const char *text, size_t len);

/* Offers one known id (NUL-terminated; borrowed until the hint is made). */
void ras_near_try(ras_near *near, const char *id);

/* Writes "did you mean 'x'?" (one id nearest), "did you mean 'x' or 'y'?"
 * (two equally near) or "" (none within RAS_NEAR_MAX, more than two
 * equally near, or the text so short that any id that near is a guess:
 * the distance must be less than the text's length). */
void ras_near_hint(const ras_near *near, char *buf, size_t size);

/* The optimal-string-alignment distance: letters added, removed or
 * changed, or two neighbours swapped, each counting 1. Returns limit + 1
 * for anything further than limit (and for texts over 64 bytes). */
size_t ras_edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t limit);

#endif
