/* name_index.c - the case-blind name lookups (name_index.h). */
#include "name_index.h"

#include "text_check.h"

/* FNV-1a of the folded bytes, the scope mixed in first. */
static uint32_t hash_name(uint32_t scope, const char *text, size_t len)
{
    uint32_t h = 2166136261u ^ scope;
    h *= 16777619u;
    for (size_t i = 0; i < len; i++) {
        h ^= ras_fold_byte((unsigned char)text[i]);
        h *= 16777619u;
    }
    return h;
}

bool ras_name_index_init(ras_name_index *ix, ras_arena *arena, size_t n)
{
    size_t size = 4;
    while (size < 2 * n) {
        if (size > SIZE_MAX / 4)
            return false;
        size *= 2;
    }
    ix->slots = ras_arena_array(arena, size, sizeof *ix->slots);
    ix->mask = ix->slots ? size - 1 : 0;
    return ix->slots != NULL;
}

/* The slot of (scope, text) or the empty one ending its probe. */
static size_t probe(const ras_name_index *ix, uint32_t scope, uint32_t h, const char *text,
                    size_t len)
{
    size_t i = h & ix->mask;
    for (;;) {
        const ras_name_slot *s = &ix->slots[i];
        if (!s->key ||
            (s->hash == h && s->scope == scope && ras_text_equal_nocase(s->key, s->len, text, len)))
            return i;
        i = (i + 1) & ix->mask;
    }
}

ras_name_slot *ras_name_index_slot(ras_name_index *ix, uint32_t scope, const char *text, size_t len)
{
    uint32_t h = hash_name(scope, text, len);
    ras_name_slot *s = &ix->slots[probe(ix, scope, h, text, len)];
    if (!s->key) {
        s->scope = scope;
        s->hash = h;
    }
    return s;
}

int32_t ras_name_index_find(const ras_name_index *ix, uint32_t scope, const char *text, size_t len)
{
    if (!ix->slots)
        return -1;
    const ras_name_slot *s = &ix->slots[probe(ix, scope, hash_name(scope, text, len), text, len)];
    return s->key ? s->value : -1;
}
