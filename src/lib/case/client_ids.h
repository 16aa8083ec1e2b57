/* client_ids.h - the client ids a CSV has shown so far, to warn about one
 * seen twice (docs/exports.md, "A malformed export loses nothing
 * silently") in bounded memory and at little cost a row.
 *
 * Each id is kept as its 64-bit hash and the line it was first on, in
 * two arrays in the order the ids came (hashes, lines). While every id
 * sorts after the one before (byte by byte), as in an export sorted by
 * client id, none can have been seen: the ids are kept, and not looked
 * up. From the first id out of that order, an open-addressing table of
 * 4-byte slots finds them: a slot holds an id's place in those arrays and
 * 15 other bits of its hash, so a look-up reads one slot (a probe, a new
 * id's above all, stays short: the table doubles when half full) and
 * reads the id's whole hash only when those bits agree. The look-up is
 * a fetch from anywhere in the table on every row, so the table is kept
 * small (1 MiB at most, a quarter of what 16-byte slots took): a larger
 * one made the check about a fifth of a clean batch's time
 * (docs/performance.md, "Exports as councils write them").
 *
 * A false "seen twice" takes two ids with the same 64-bit hash: about
 * once in 30 million files of a million rows. The table stops growing at
 * RAS_IDS_MAX_SLOTS (262,144 slots, 131,072 ids: more clients than any
 * council assesses in a year; 2.5 MiB in all), so batch memory stays flat
 * however many rows there are; from then on new ids are still checked
 * against those kept but no longer kept, and capped says so. */
#ifndef RAS_CLIENT_IDS_H
#define RAS_CLIENT_IDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RAS_IDS_MAX_SLOTS ((size_t)1 << 18) /* 262,144 slots, up to 131,072 ids */

#define RAS_IDS_LAST_MAX 256 /* the longest id kept as the last one (RAS_MAX_CLIENT_ID) */

typedef struct ras_client_ids {
    uint32_t *slots;  /* 0 empty, else the id's place << 15 | 15 bits of its hash */
    size_t n_slots;   /* a power of two, or 0 before the table is needed */
    uint64_t *hashes; /* the ids kept, in the order they came: their hashes */
    uint32_t *lines;  /* and the lines they were first on (saturated) */
    size_t used;      /* ids kept */
    size_t room;      /* the room in hashes and lines */
    bool capped;      /* no more ids are kept */
    bool unsorted;    /* an id came that did not sort after the one before */
    bool any;         /* an id came (last holds it while sorted) */
    size_t last_len;
    char last[RAS_IDS_LAST_MAX];
} ras_client_ids;

/* The id's 64-bit hash, for the two calls below. */
uint64_t ras_client_ids_hash(const char *id, size_t len);

/* Asks the processor to fetch the slot where h starts its probe, so that
 * adding h a row later does not wait for memory: an id's slot is
 * anywhere in a table larger than the nearest caches. */
static inline void ras_client_ids_prefetch(const ras_client_ids *ids, uint64_t h)
{
    if (ids->n_slots)
        __builtin_prefetch(&ids->slots[h & (ids->n_slots - 1)]);
}

/* ras_client_ids_add with the id's hash. */
unsigned long ras_client_ids_add_id(ras_client_ids *ids, const char *id, size_t len, uint64_t h,
                                    unsigned long line);

/* The same with the hash alone: the id is looked up in the table, the
 * order of the ids no longer followed. */
unsigned long ras_client_ids_add_hash(ras_client_ids *ids, uint64_t h, unsigned long line);

/* Notes id, read on line. Returns the line an equal id was first seen on,
 * or 0 when it is new (or when memory ran out: ids are then checked
 * against those kept, and capped is set). */
unsigned long ras_client_ids_add(ras_client_ids *ids, const char *id, size_t len,
                                 unsigned long line);
void ras_client_ids_free(ras_client_ids *ids);

#endif
