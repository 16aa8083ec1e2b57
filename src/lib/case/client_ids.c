/* client_ids.c - the client ids seen so far (client_ids.h). */
#include "client_ids.h"

#include <stdlib.h>
#include <string.h>

/* A 64-bit hash of the id's bytes: FNV-1a, then a final mix so the low
 * bits (the slot) and the high bits (the fingerprint) both depend on
 * every byte. Ids are short: this is not where the time goes. */
static uint64_t hash_id(const char *id, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)id[i];
        h *= 0x100000001b3u;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h;
}

/* The slot holding h in a probe from its home, or the empty slot where
 * it would go; n_slots when the table is full and does not hold it. */
static size_t find(const ras_client_ids *ids, uint64_t h)
{
    size_t mask = ids->n_slots - 1;
    for (size_t i = (size_t)h & mask, k = 0; k < ids->n_slots; i = (i + 1) & mask, k++)
        if (ids->slots[i].hash == h || ids->slots[i].hash == 0)
            return i;
    return ids->n_slots;
}

/* Doubles the table (or makes its first); false when at the cap or out of
 * memory. */
static bool grow(ras_client_ids *ids)
{
    size_t n = ids->n_slots ? ids->n_slots * 2 : 4096;
    if (n > RAS_IDS_MAX_SLOTS)
        return false;
    ras_client_ids bigger = {calloc(n, sizeof(ras_id_slot)), n, ids->used, false};
    if (!bigger.slots)
        return false;
    for (size_t i = 0; i < ids->n_slots; i++)
        if (ids->slots[i].hash != 0)
            bigger.slots[find(&bigger, ids->slots[i].hash)] = ids->slots[i];
    free(ids->slots);
    *ids = bigger;
    return true;
}

uint64_t ras_client_ids_hash(const char *id, size_t len)
{
    uint64_t h = hash_id(id, len);
    return h + (h == 0); /* 0 marks an empty slot */
}

unsigned long ras_client_ids_add(ras_client_ids *ids, const char *id, size_t len,
                                 unsigned long line)
{
    return ras_client_ids_add_hash(ids, ras_client_ids_hash(id, len), line);
}

unsigned long ras_client_ids_add_hash(ras_client_ids *ids, uint64_t h, unsigned long line)
{
    if (!ids->capped && (ids->used + 1) * 2 > ids->n_slots && !grow(ids))
        ids->capped = true;
    if (ids->n_slots == 0)
        return 0;
    size_t i = find(ids, h);
    if (i < ids->n_slots && ids->slots[i].hash == h)
        return ids->slots[i].line;
    if (i == ids->n_slots || ids->capped)
        return 0;
    ids->slots[i].hash = h;
    ids->slots[i].line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    ids->used++;
    return 0;
}

void ras_client_ids_free(ras_client_ids *ids)
{
    free(ids->slots);
    memset(ids, 0, sizeof *ids);
}
