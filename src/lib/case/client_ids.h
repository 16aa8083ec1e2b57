/* client_ids.h - the client ids a CSV has shown so far, to warn about one
 * seen twice (docs/exports.md, "Client ids seen twice") in little memory:
 * each id is kept as its 64-bit hash and the line it was first on, 12
 * bytes, in an open-addressing table that doubles when three quarters
 * full. A false "seen twice" takes two ids with the same 64-bit hash:
 * about once in 30 million files of a million rows. The table stops
 * growing at RAS_IDS_MAX_SLOTS (48 MiB, over three million ids); from
 * then on new ids are still checked against those kept but no longer
 * kept, and capped says so. */
#ifndef RAS_CLIENT_IDS_H
#define RAS_CLIENT_IDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RAS_IDS_MAX_SLOTS ((size_t)1 << 22) /* 4,194,304 slots, up to 3,145,728 ids */

typedef struct ras_client_ids {
    uint64_t *hashes; /* never 0; 0 is an empty slot */
    uint32_t *lines;  /* the line each id was first on (saturated) */
    size_t n_slots;   /* a power of two, or 0 before the first id */
    size_t used;
    bool capped; /* the table is full: new ids are no longer kept */
} ras_client_ids;

/* Notes id, read on line. Returns the line an equal id was first seen on,
 * or 0 when it is new (or when memory ran out: ids are then checked
 * against those kept, and capped is set). */
unsigned long ras_client_ids_add(ras_client_ids *ids, const char *id, size_t len,
                                 unsigned long line);
void ras_client_ids_free(ras_client_ids *ids);

#endif
