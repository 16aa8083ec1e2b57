#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/* The first block; each new one doubles the last, up to ARENA_BLOCK_MAX,
 * so a small model takes little and a large document few mallocs. */
#define ARENA_BLOCK 16384u
#define ARENA_BLOCK_MAX ((size_t)4 * 1024 * 1024)
/* A block of this size or more is mapped on its own, aligned to it and
 * given to the kernel as a candidate for huge pages: the tree of a 10 MB
 * questionnaire is 150 MB, and faulting it in 4 KiB at a time took
 * nearly half of loading it (docs/performance.md, "Large models"). */
#define ARENA_HUGE ((size_t)2 * 1024 * 1024)
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
    size_t mapped; /* bytes mapped for it with mmap, or 0 (malloc) */
    alignas(max_align_t) unsigned char data[];
};

#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
/* len bytes (a multiple of ARENA_HUGE) mapped at an address aligned to
 * ARENA_HUGE, as a huge page must be; NULL when they cannot be. */
static void *map_aligned(size_t len)
{
    unsigned char *p =
        mmap(NULL, len + ARENA_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    size_t head = (ARENA_HUGE - (uintptr_t)p % ARENA_HUGE) % ARENA_HUGE;
    if (head)
        munmap(p, head);
    munmap(p + head + len, ARENA_HUGE - head);
    (void)madvise(p + head, len, MADV_HUGEPAGE); /* a hint: small pages do too */
    return p + head;
}
#endif

/* A zeroed block of cap bytes of data. Memory fresh from the system is
 * zero already, so allocations from the block need no memset. */
static ras_arena_block *new_block(size_t cap)
{
    size_t bytes = sizeof(ras_arena_block) + cap;
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    if (bytes >= ARENA_HUGE && bytes <= SIZE_MAX - 2 * ARENA_HUGE) {
        size_t len = (bytes + ARENA_HUGE - 1) / ARENA_HUGE * ARENA_HUGE;
        ras_arena_block *b = map_aligned(len);
        if (b) {
            b->mapped = len;
            b->size = len - sizeof *b;
            return b;
        }
    }
#endif
    ras_arena_block *b = calloc(1, bytes);
    if (b)
        b->size = cap;
    return b;
}

static void free_block(ras_arena_block *b)
{
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    if (b->mapped) {
        munmap(b, b->mapped);
        return;
    }
#endif
    free(b);
}

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
        if (cap > SIZE_MAX - sizeof *b || !(b = new_block(cap)))
            return NULL;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used; /* zero: blocks are zeroed, never reused */
    b->used += size;
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
        free_block(b);
        b = next;
    }
    a->head = NULL;
}

/* What ras_big_zalloc keeps before the memory it gives, sized so that the
 * memory stays aligned for any type. */
typedef union big_header {
    size_t mapped; /* bytes mapped with mmap, or 0 (calloc) */
    max_align_t align;
} big_header;

void *ras_big_zalloc(size_t n, size_t size)
{
    if (n == 0)
        n = 1;
    if (size == 0 || n > (SIZE_MAX - 2 * ARENA_HUGE - sizeof(big_header)) / size)
        return NULL;
    size_t bytes = sizeof(big_header) + n * size;
    big_header *h = NULL;
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    if (bytes >= ARENA_HUGE) {
        size_t len = (bytes + ARENA_HUGE - 1) / ARENA_HUGE * ARENA_HUGE;
        if ((h = map_aligned(len)) != NULL)
            h->mapped = len;
    }
#endif
    if (!h && (h = calloc(1, bytes)) == NULL)
        return NULL;
    return h + 1;
}

void ras_big_free(void *p)
{
    if (!p)
        return;
    big_header *h = (big_header *)p - 1;
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    if (h->mapped) {
        munmap(h, h->mapped);
        return;
    }
#endif
    free(h);
}
