/* name_index.h - names looked up without regard to ASCII case: a
 * question's answer ids and texts, a table's group ids and titles. Built
 * once when the model loads, so that a cell naming an answer by its text
 * costs one hash probe rather than a walk through the answers
 * (docs/exports.md, "Cell values"). Open addressing, at most half full. */
#ifndef RAS_NAME_INDEX_H
#define RAS_NAME_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* A slot's value when two things share one name. */
#define RAS_NAME_AMBIGUOUS (-2)

typedef struct ras_name_slot {
    const char *key; /* borrowed from the model; NULL: an empty slot */
    size_t len;
    uint32_t scope; /* whose name it is: a question's index, or 0 */
    uint32_t hash;
    int32_t value; /* the caller's: an answer's index, a group's; or ambiguous */
} ras_name_slot;

typedef struct ras_name_index {
    ras_name_slot *slots; /* mask + 1 of them, from the model's arena */
    size_t mask;
} ras_name_index;

/* Room for up to n names. False when out of memory. */
bool ras_name_index_init(ras_name_index *ix, ras_arena *arena, size_t n);

/* The slot holding (scope, text), or the empty slot where it belongs
 * (its key NULL: the caller fills key, len and value, and the scope and
 * hash are already set). No more than the n names of init may be added. */
ras_name_slot *ras_name_index_slot(ras_name_index *ix, uint32_t scope, const char *text,
                                   size_t len);

/* The value of (scope, text): -1 when no name matches, or
 * RAS_NAME_AMBIGUOUS. An index never built finds nothing. */
int32_t ras_name_index_find(const ras_name_index *ix, uint32_t scope, const char *text, size_t len);

#endif
