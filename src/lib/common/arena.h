/* arena.h - a bump allocator: a model's strings and arrays live in one
 * arena and are freed together, so no load error path can leak. */
#ifndef RAS_ARENA_H
#define RAS_ARENA_H

#include <stddef.h>

typedef struct ras_arena_block ras_arena_block;

typedef struct ras_arena {
    ras_arena_block *head;
} ras_arena;

/* Zeroed memory for size bytes, aligned for pointers, int64_t and double
 * (not long double); NULL on no memory. */
void *ras_arena_alloc(ras_arena *a, size_t size);
/* A zeroed array of n items of size bytes, with overflow checked. */
void *ras_arena_array(ras_arena *a, size_t n, size_t size);
/* A NUL-terminated copy of len bytes of s. */
char *ras_arena_strndup(ras_arena *a, const char *s, size_t len);
/* Frees every block; the arena is then empty and may be reused. */
void ras_arena_free(ras_arena *a);

/* Zeroed memory for n items of size bytes (at least one byte), aligned
 * for any type, for a table that may be large (a case's per-question
 * tables): from 2 MiB it is mapped apart and offered huge pages, as the
 * arena's large blocks are. NULL on no memory or overflow. Free it with
 * ras_big_free only. */
void *ras_big_zalloc(size_t n, size_t size);
/* Frees what ras_big_zalloc gave; NULL is harmless. */
void ras_big_free(void *p);

#endif
