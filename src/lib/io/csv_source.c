/* csv_source.c - the bytes under the CSV reader (csv_source.h). */
#include "csv_source.h"

#include <string.h>

#include "digest.h"
#include "encoding.h"
#include "error.h"

ras_status ras_csv_read_file(void *ctx, char *buf, size_t size, size_t *got)
{
    FILE *in = ctx;
    *got = fread(buf, 1, size, in);
    if (*got == 0 && ferror(in))
        return RAS_ERR_IO;
    return RAS_OK;
}

ras_status ras_csv_source_open(ras_csv_source *s, ras_csv_read_fn read, void *ctx,
                               ras_encoding encoding, bool sha256, ras_error *err)
{
    memset(s, 0, sizeof *s);
    s->read = read;
    s->ctx = ctx;
    s->encoding = encoding;
    s->detected = encoding == RAS_ENCODING_AUTO;
    if (!sha256)
        return RAS_OK;
    s->sha = ras_digest_new(RAS_DIGEST_AUTO);
    if (!s->sha)
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    return RAS_OK;
}

void ras_csv_source_close(ras_csv_source *s)
{
    if (!s)
        return;
    ras_digest_free(s->sha);
    s->sha = NULL;
}

void ras_csv_source_sha256(ras_csv_source *s, char out[65])
{
    out[0] = '\0';
    if (s->sha)
        ras_digest_hex(s->sha, out);
}

/* One raw read, hashed and counted. */
static ras_status raw_read(ras_csv_source *s, char *buf, size_t size, size_t *got)
{
    ras_status st = s->read(s->ctx, buf, size, got);
    if (st != RAS_OK)
        return st;
    s->bytes += *got;
    if (s->sha)
        ras_digest_add(s->sha, buf, *got);
    return RAS_OK;
}

/* Hands on what pending holds, as much as fits. */
static void give_pending(ras_csv_source *s, char *buf, size_t size, size_t *got)
{
    size_t n = s->n_pending < size ? s->n_pending : size;
    memcpy(buf, s->pending, n);
    memmove(s->pending, s->pending + n, s->n_pending - n);
    s->n_pending -= n;
    *got = n;
}

/* Windows-1252: raw bytes read into the room's first third, made UTF-8
 * in place (at most three bytes each). */
static ras_status read_cp1252(ras_csv_source *s, char *buf, size_t size, size_t *got)
{
    size_t n;
    ras_status st = raw_read(s, buf, size / 3, &n);
    if (st != RAS_OK)
        return st;
    *got = ras_cp1252_to_utf8(buf, n);
    return RAS_OK;
}

/* Settles the encoding from the n bytes at buf, the first bytes above
 * 0x7f among them: valid UTF-8 (a sequence cut short at the end aside,
 * held back for the next read) or Windows-1252. Returns the bytes to hand
 * on now. */
static size_t settle(ras_csv_source *s, char *buf, size_t n, bool at_end)
{
    size_t first = ras_first_high(buf, n), tail = 0;
    if (first == n)
        return n;
    if (ras_utf8_prefix_valid(buf + first, n - first, &tail)) {
        if (tail == n - first && !at_end) {
            /* Only a cut sequence so far: hold it back, decide later. */
            memcpy(s->held, buf + first, tail);
            s->n_held = tail;
            return first;
        }
        if (tail == 0 || !at_end) {
            s->encoding = RAS_ENCODING_UTF8;
            return n;
        }
    }
    s->encoding = RAS_ENCODING_CP1252;
    return first + ras_cp1252_to_utf8(buf + first, n - first);
}

/* Not yet settled: at most a third of the room is read, so that
 * Windows-1252 still fits once made UTF-8, after any bytes held back. */
static ras_status read_auto(ras_csv_source *s, char *buf, size_t size, size_t *got)
{
    size_t held = s->n_held, n;
    memcpy(buf, s->held, held);
    s->n_held = 0;
    ras_status st = raw_read(s, buf + held, size / 3 - held, &n);
    if (st != RAS_OK)
        return st;
    *got = settle(s, buf, held + n, n == 0);
    if (*got == 0 && n != 0) /* all held back: read on */
        return read_auto(s, buf, size, got);
    return RAS_OK;
}

/* A room too small for a third of it to be worth reading (the reader's
 * buffer all but full): the bytes are made in pending and handed on from
 * there. */
static ras_status read_small(ras_csv_source *s, char *buf, size_t size, size_t *got)
{
    ras_status st = s->encoding == RAS_ENCODING_CP1252
                        ? read_cp1252(s, s->pending, sizeof s->pending, &s->n_pending)
                        : read_auto(s, s->pending, sizeof s->pending, &s->n_pending);
    if (st != RAS_OK)
        return st;
    give_pending(s, buf, size, got);
    return RAS_OK;
}

ras_status ras_csv_source_read(void *ctx, char *buf, size_t size, size_t *got)
{
    ras_csv_source *s = ctx;
    *got = 0;
    if (s->n_pending) {
        give_pending(s, buf, size, got);
        return RAS_OK;
    }
    if (s->encoding == RAS_ENCODING_UTF8)
        return raw_read(s, buf, size, got);
    if (size < sizeof s->pending)
        return read_small(s, buf, size, got);
    if (s->encoding == RAS_ENCODING_CP1252)
        return read_cp1252(s, buf, size, got);
    return read_auto(s, buf, size, got);
}
