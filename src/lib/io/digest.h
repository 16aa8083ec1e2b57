/* digest.h - the SHA-256 of an input as it is read, for the summaries
 * that give it (docs/exports.md, "The summary"; the reports' records).
 * Every input's SHA-256 is worked out here: the encoding layer
 * (csv_source.h) and the reports' hashing reader (hash_read.h) both feed
 * it. (A model file's is worked out whole, as it is loaded.)
 *
 * Hashing costs about a fifth of the CPU time of scoring a clean file, so
 * it is done on a second thread (docs/design.md, "Shape"): each piece
 * read is copied into a small ring of buffers that a hasher thread takes
 * in turn, and the digest is finished once it has joined. The
 * reader never waits on the hasher unless the ring is full, and the
 * hasher never reads the input itself, so a read error or an early stop
 * only has to tell it to end. With one processor, or if no thread can be
 * started, the bytes are hashed on the caller's thread as they come. */
#ifndef RAS_DIGEST_H
#define RAS_DIGEST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ras_digest ras_digest;

typedef enum ras_digest_mode {
    RAS_DIGEST_AUTO,   /* a thread when there is more than one processor */
    RAS_DIGEST_INLINE, /* on the caller's thread */
    RAS_DIGEST_THREAD  /* on a thread of its own (if one can be started) */
} ras_digest_mode;

/* The ring: RAS_DIGEST_SLOTS buffers of RAS_DIGEST_SLOT bytes. */
#define RAS_DIGEST_SLOTS 4
#define RAS_DIGEST_SLOT ((size_t)256 * 1024)

/* A digest under way, or NULL when out of memory. Free it with
 * ras_digest_free. */
ras_digest *ras_digest_new(ras_digest_mode mode);

/* Adds n bytes (buf may be reused as soon as this returns). */
void ras_digest_add(ras_digest *d, const void *buf, size_t n);

/* Ends the digest: 64 lower-case hex digits and a NUL in hex, or "" when
 * it failed (OpenSSL) or was already ended. */
void ras_digest_hex(ras_digest *d, char hex[65]);

/* True when the bytes are hashed on a thread of their own (for tests). */
bool ras_digest_threaded(const ras_digest *d);

/* Stops the hasher (what it has not hashed is dropped) and frees d.
 * NULL is fine. */
void ras_digest_free(ras_digest *d);

#endif
