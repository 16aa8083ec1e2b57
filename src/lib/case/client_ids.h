/* client_ids.h - the client ids a CSV has shown so far, to warn about one
 * seen twice (docs/exports.md, "A malformed export loses nothing
 * silently") in bounded memory: each id is kept as its 64-bit hash and
 * the line it was first on, one 16-byte slot (one cache line to look at),
 * in an open-addressing table that doubles when half full (so that a
 * probe, a new id's above all, stays short). A
 * false "seen twice" takes two ids with the same 64-bit hash: about once
 * in 30 million files of a million rows. The table stops growing at
 * RAS_IDS_MAX_SLOTS (4 MiB, 131,072 ids: more clients than any council
 * assesses in a year), so batch memory stays flat however many rows
 * there are; from then on new ids are still checked against those kept
 * but no longer kept, and capped says so. */
#ifndef RAS_CLIENT_IDS_H
#define RAS_CLIENT_IDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RAS_IDS_MAX_SLOTS ((size_t)1 << 18) /* 262,144 slots, up to 131,072 ids */

typedef struct ras_id_slot {
    uint64_t hash; /* never 0; 0 is an empty slot */
    uint32_t line; /* the line the id was first on (saturated) */
} ras_id_slot;

typedef struct ras_client_ids {
    ras_id_slot *slots;
    size_t n_slots; /* a power of two, or 0 before the first id */
    size_t used;
    bool capped; /* the table is full: new ids are no longer kept */
} ras_client_ids;

/* The id's 64-bit hash (never 0), for the two calls below. */
uint64_t ras_client_ids_hash(const char *id, size_t len);

/* Asks the processor to fetch the slot where h starts its probe, so that
 * adding h a row later does not wait for memory: the table is larger
 * than the caches, and an id's slot is anywhere in it. */
static inline void ras_client_ids_prefetch(const ras_client_ids *ids, uint64_t h)
{
    if (ids->n_slots)
        __builtin_prefetch(&ids->slots[h & (ids->n_slots - 1)]);
}

/* ras_client_ids_add with the id's hash. */
unsigned long ras_client_ids_add_hash(ras_client_ids *ids, uint64_t h, unsigned long line);

/* Notes id, read on line. Returns the line an equal id was first seen on,
 * or 0 when it is new (or when memory ran out: ids are then checked
 * against those kept, and capped is set). */
unsigned long ras_client_ids_add(ras_client_ids *ids, const char *id, size_t len,
                                 unsigned long line);
void ras_client_ids_free(ras_client_ids *ids);

#endif
