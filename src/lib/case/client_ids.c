/* client_ids.c - the client ids seen so far (client_ids.h). */
#include "client_ids.h"

#include <stdlib.h>
#include <string.h>

#include "short_text.h"

/* The final mix of MurmurHash3: every bit of x moves every bit of the
 * result, so the low bits (the slot) and the high bits both depend on
 * every byte. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53u;
    x ^= x >> 33;
    return x;
}

/* A long id's bytes: FNV-1a. */
static uint64_t hash_long(const char *id, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)id[i];
        h *= 0x100000001b3u;
    }
    return h;
}

/* The id as two words a and b that, with its length, say every byte:
 * two overlapping words for 8 to 16 bytes, two overlapping halves for 4
 * to 7, the first, middle and last byte for 1 to 3. Ids are this short,
 * so a row's id costs a few instructions, not a loop a byte. */
static uint64_t hash_id(const char *id, size_t len)
{
    uint64_t a = 0, b = 0;
    if (len >= 8 && len <= 16) {
        a = ras_word_at(id);
        b = ras_word_at(id + len - 8);
    } else if (len >= 4 && len < 8) {
        uint32_t x, y;
        memcpy(&x, id, 4);
        memcpy(&y, id + len - 4, 4);
        a = x;
        b = y;
    } else if (len > 0 && len < 4) {
        const unsigned char *u = (const unsigned char *)id;
        a = (uint64_t)u[0] | (uint64_t)u[len / 2] << 8 | (uint64_t)u[len - 1] << 16;
    } else if (len > 16) {
        a = hash_long(id, len);
    }
    return mix(mix(a ^ len * 0x9e3779b97f4a7c15u) ^ b);
}

/* A slot: the id's place in hashes and lines, and the 15 bits of its
 * hash above those that pick its slot, never all 0 (0 is an empty slot). */
#define TAG_BITS 15
#define TAG_MASK ((UINT32_C(1) << TAG_BITS) - 1)
_Static_assert(RAS_IDS_MAX_SLOTS / 2 <= (size_t)1 << (32 - TAG_BITS),
               "an id's place and its tag fit a 4-byte slot");

static uint32_t tag_of(uint64_t h)
{
    uint32_t t = (uint32_t)(h >> (64 - TAG_BITS));
    return t ? t : 1;
}

/* Where the probe for h ends: the slot of the id kept with hash h (*place
 * set to its place), or the empty slot where it would go (*place set to
 * SIZE_MAX); n_slots when the table is full and does not hold it. */
static size_t find(const ras_client_ids *ids, uint64_t h, size_t *place)
{
    size_t mask = ids->n_slots - 1;
    uint32_t tag = tag_of(h);
    *place = SIZE_MAX;
    for (size_t i = (size_t)h & mask, k = 0; k < ids->n_slots; i = (i + 1) & mask, k++) {
        uint32_t s = ids->slots[i];
        if (s == 0)
            return i;
        if ((s & TAG_MASK) == tag && ids->hashes[s >> TAG_BITS] == h) {
            *place = s >> TAG_BITS;
            return i;
        }
    }
    return ids->n_slots;
}

/* Makes room in hashes and lines for n ids. */
static bool reserve(ras_client_ids *ids, size_t n)
{
    if (ids->room >= n)
        return true;
    uint64_t *hashes = realloc(ids->hashes, n * sizeof *hashes);
    if (hashes)
        ids->hashes = hashes;
    uint32_t *lines = realloc(ids->lines, n * sizeof *lines);
    if (lines)
        ids->lines = lines;
    if (!hashes || !lines)
        return false;
    ids->room = n;
    return true;
}

/* A table of n slots (and room for n / 2 ids) finding the ids kept;
 * false when out of memory, the table as it was. */
static bool build(ras_client_ids *ids, size_t n)
{
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots || !reserve(ids, n / 2)) {
        free(slots);
        return false;
    }
    free(ids->slots);
    ids->slots = slots;
    ids->n_slots = n;
    size_t place;
    for (size_t p = 0; p < ids->used; p++)
        slots[find(ids, ids->hashes[p], &place)] =
            (uint32_t)(p << TAG_BITS) | tag_of(ids->hashes[p]);
    return true;
}

/* Doubles the table (or makes its first); false when at the cap or out of
 * memory. */
static bool grow(ras_client_ids *ids)
{
    size_t n = ids->n_slots ? ids->n_slots * 2 : 4096;
    return n <= RAS_IDS_MAX_SLOTS && build(ids, n);
}

/* Leaves the ids' order behind: from now on every id is looked up, in a
 * table made for the ids kept so far. */
static void unsort(ras_client_ids *ids)
{
    ids->unsorted = true;
    size_t n = 4096;
    while (n < RAS_IDS_MAX_SLOTS && (ids->used + 1) * 2 > n)
        n *= 2;
    if (!build(ids, n))
        ids->capped = true; /* out of memory: checked against nothing */
}

/* True when the id (len bytes) sorts after the last one, byte by byte. */
static bool after_last(const ras_client_ids *ids, const char *id, size_t len)
{
    size_t n = len < ids->last_len ? len : ids->last_len;
    int c = memcmp(id, ids->last, n);
    return c > 0 || (c == 0 && len > ids->last_len);
}

/* Keeps an id in sorted order: no look-up, it is greater than every id
 * before it. */
static void keep_sorted(ras_client_ids *ids, const char *id, size_t len, uint64_t h,
                        unsigned long line)
{
    ras_copy_short(ids->last, id, len);
    ids->last_len = len;
    ids->any = true;
    if (ids->capped)
        return;
    if (ids->used == ids->room &&
        (ids->room >= RAS_IDS_MAX_SLOTS / 2 ||
         !reserve(ids, ids->room ? ids->room * 2 : RAS_IDS_MAX_SLOTS / 64))) {
        ids->capped = true;
        return;
    }
    ids->hashes[ids->used] = h;
    ids->lines[ids->used] = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    ids->used++;
}

uint64_t ras_client_ids_hash(const char *id, size_t len)
{
    return hash_id(id, len);
}

unsigned long ras_client_ids_add(ras_client_ids *ids, const char *id, size_t len,
                                 unsigned long line)
{
    return ras_client_ids_add_id(ids, id, len, ras_client_ids_hash(id, len), line);
}

unsigned long ras_client_ids_add_id(ras_client_ids *ids, const char *id, size_t len, uint64_t h,
                                    unsigned long line)
{
    if (!ids->unsorted && len <= RAS_IDS_LAST_MAX && (!ids->any || after_last(ids, id, len))) {
        keep_sorted(ids, id, len, h, line);
        return 0;
    }
    return ras_client_ids_add_hash(ids, h, line);
}

unsigned long ras_client_ids_add_hash(ras_client_ids *ids, uint64_t h, unsigned long line)
{
    if (!ids->unsorted)
        unsort(ids);
    if (!ids->capped && (ids->used + 1) * 2 > ids->n_slots && !grow(ids))
        ids->capped = true;
    if (ids->n_slots == 0)
        return 0;
    size_t place, i = find(ids, h, &place);
    if (place != SIZE_MAX)
        return ids->lines[place];
    if (i == ids->n_slots || ids->capped)
        return 0;
    ids->slots[i] = (uint32_t)(ids->used << TAG_BITS) | tag_of(h);
    ids->hashes[ids->used] = h;
    ids->lines[ids->used] = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    ids->used++;
    return 0;
}

void ras_client_ids_free(ras_client_ids *ids)
{
    free(ids->slots);
    free(ids->hashes);
    free(ids->lines);
    memset(ids, 0, sizeof *ids);
}
