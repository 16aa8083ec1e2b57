/* hash_read.c - reading a CSV and fingerprinting it in the same pass. */
#include "hash_read.h"

#include "digest.h"

ras_status ras_hash_read_init(ras_hash_read *h, FILE *in)
{
    h->in = in;
    h->md = ras_digest_new(RAS_DIGEST_AUTO);
    return h->md ? RAS_OK : RAS_ERR_NOMEM;
}

ras_status ras_hash_read_fn(void *ctx, char *buf, size_t size, size_t *got)
{
    ras_hash_read *h = ctx;
    *got = fread(buf, 1, size, h->in);
    if (*got == 0 && ferror(h->in))
        return RAS_ERR_IO;
    if (h->md)
        ras_digest_add(h->md, buf, *got);
    return RAS_OK;
}

void ras_hash_read_hex(ras_hash_read *h, char hex[65])
{
    hex[0] = '\0';
    if (h->md)
        ras_digest_hex(h->md, hex);
}

void ras_hash_read_whole(ras_hash_read *h)
{
    FILE *in = h->in;
    ras_hash_read_free(h);
    if (fseeko(in, 0, SEEK_SET) != 0 || ras_hash_read_init(h, in) != RAS_OK) {
        ras_hash_read_free(h);
        return;
    }
    char buf[16384];
    size_t got;
    do {
        if (ras_hash_read_fn(h, buf, sizeof buf, &got) != RAS_OK) {
            ras_hash_read_free(h);
            return;
        }
    } while (got > 0);
}

void ras_hash_read_free(ras_hash_read *h)
{
    ras_digest_free(h->md);
    h->md = NULL;
}
