/* model_index.h - sorted indexes of names, built once at model load so
 * that finding a question or an answer by its id takes O(log n) however
 * large the model (docs/performance.md, "Large models"). A sorted array
 * rather than a hash table: no input can make its lookups slow, and it
 * needs no seed. Ids are matched exactly; lookups that ignore case
 * (answer texts, group titles) have their own index (name_index.h). */
#ifndef RAS_MODEL_INDEX_H
#define RAS_MODEL_INDEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct ras_id_entry {
    const char *name; /* not NUL-terminated necessarily: len bytes */
    uint32_t len;
    uint32_t index; /* what the name stands for: the caller's index */
} ras_id_entry;

/* Sorts n entries by length, then bytes, then index (so that a name given
 * twice finds its first entry). */
void ras_id_index_sort(ras_id_entry *entries, size_t n);

/* The index of the first entry with this name in a sorted array, or -1. */
long ras_id_index_find(const ras_id_entry *entries, size_t n, const char *name, size_t len);

#endif
