/* csv_source.h - the bytes under the CSV reader (docs/exports.md,
 * "Encodings"): it reads the input, works out its SHA-256 as it goes
 * (digest.h, on a second thread), and hands the reader UTF-8, turning
 * Windows-1252 into UTF-8 first.
 *
 * With RAS_ENCODING_AUTO the encoding is settled by the first bytes above
 * 0x7f: if they are valid UTF-8 up to the end of the read they came in,
 * the file is UTF-8; if not, it is Windows-1252 from there on (the bytes
 * before were ASCII, the same in both). So a file whose first non-ASCII
 * byte is far down is still read right, and the usual UTF-8 file costs
 * one quick look at each read. Invalid UTF-8 met later in a file settled
 * as UTF-8 stays as it is: the reader marks the cell (csv.h), which makes
 * the row an error only if ras reads that column. */
#ifndef RAS_CSV_SOURCE_H
#define RAS_CSV_SOURCE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "csv.h"
#include "ras.h"

typedef struct ras_csv_source {
    ras_csv_read_fn read; /* the raw input */
    void *ctx;
    ras_encoding encoding; /* as asked; AUTO until settled, then UTF8 or CP1252 */
    bool detected;         /* settled from the bytes rather than asked for */
    char held[4];          /* AUTO: a UTF-8 sequence cut short by a read, held back */
    size_t n_held;
    char pending[24]; /* bytes made but not yet handed on (a tiny room) */
    size_t n_pending;
    struct ras_digest *sha; /* digest.h; NULL when not hashing */
    uint64_t bytes;
} ras_csv_source;

/* Sets up a source over a raw read callback. sha256: work the hash out. */
ras_status ras_csv_source_open(ras_csv_source *s, ras_csv_read_fn read, void *ctx,
                               ras_encoding encoding, bool sha256, ras_error *err);
/* The read callback for ras_csv_open, ctx being the source. */
ras_status ras_csv_source_read(void *ctx, char *buf, size_t size, size_t *got);
/* Ends the hash (call once, at the end of the input) into 64 hex digits
 * and a NUL; "" when not hashing. */
void ras_csv_source_sha256(ras_csv_source *s, char out[65]);
void ras_csv_source_close(ras_csv_source *s);

/* The raw read callback over a FILE*. */
ras_status ras_csv_read_file(void *ctx, char *buf, size_t size, size_t *got);

#endif
