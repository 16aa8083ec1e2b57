#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The first block; each new one doubles the last, up to ARENA_BLOCK_MAX,
 * so a small model takes little and a large document few mallocs. */
#define ARENA_BLOCK 16384u
#define ARENA_BLOCK_MAX ((size_t)1024 * 1024)
/* Every allocation is aligned for the widest type the library stores
 * (pointers, int64_t, double): 8 bytes, not max_align_t's 16, which
 * would round up each small YAML node. */
#define ARENA_ALIGN (alignof(union ras_arena_widest))

union ras_arena_widest {
    void *p;
    int64_t i;
    double d;
};

struct ras_arena_block {
    ras_arena_block *next;
    size_t used;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

static size_t round_up(size_t n)
{
    size_t a = ARENA_ALIGN;
    return (n + a - 1) / a * a;
}

void *ras_arena_alloc(ras_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size = round_up(size ? size : 1);
    ras_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t grow = b && b->size < ARENA_BLOCK_MAX / 2 ? b->size * 2 : ARENA_BLOCK_MAX;
        if (!b)
            grow = ARENA_BLOCK;
        size_t cap = size > grow ? size : grow;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->size = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

void *ras_arena_array(ras_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / 2 / size)
        return NULL;
    return ras_arena_alloc(a, n * size);
}

char *ras_arena_strndup(ras_arena *a, const char *s, size_t len)
{
    char *p = ras_arena_alloc(a, len + 1);
    if (p && len)
        memcpy(p, s, len);
    return p;
}

void ras_arena_free(ras_arena *a)
{
    ras_arena_block *b = a->head;
    while (b) {
        ras_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
