/* hash_read.h - a CSV read callback (csv.h) that fingerprints the bytes
 * as it reads them, so a report can file the SHA-256 of its input even
 * when that input is standard input, which cannot be read twice. */
#ifndef RAS_HASH_READ_H
#define RAS_HASH_READ_H

#include <stdio.h>

#include "ras.h"

typedef struct ras_hash_read {
    FILE *in;
    struct ras_digest *md; /* the digest under way (digest.h) */
} ras_hash_read;

/* Starts hashing what will be read from in. RAS_ERR_NOMEM when the digest
 * cannot be set up. Free h with ras_hash_read_free in every case. */
ras_status ras_hash_read_init(ras_hash_read *h, FILE *in);

/* The ras_csv_read_fn: reads like fread and hashes what it read. */
ras_status ras_hash_read_fn(void *ctx, char *buf, size_t size, size_t *got);

/* The SHA-256 of everything read, 64 lower-case hex digits and a NUL;
 * "" when the digest failed. Call once, after the last read. */
void ras_hash_read_hex(ras_hash_read *h, char hex[65]);

/* Starts over and hashes the whole of h's file from its start: for a
 * workbook, which is read by seeking and not through ras_hash_read_fn (a
 * workbook is always a file). The digest is dropped ("" at the end) when
 * the file cannot be read again. */
void ras_hash_read_whole(ras_hash_read *h);

void ras_hash_read_free(ras_hash_read *h);

#endif
