/* hash_read.c - reading a CSV and fingerprinting it in the same pass. */
#include "hash_read.h"

#include <openssl/evp.h>
#include <string.h>

ras_status ras_hash_read_init(ras_hash_read *h, FILE *in)
{
    h->in = in;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    h->md = md;
    if (!md || !EVP_DigestInit_ex(md, EVP_sha256(), NULL))
        return RAS_ERR_NOMEM;
    return RAS_OK;
}

ras_status ras_hash_read_fn(void *ctx, char *buf, size_t size, size_t *got)
{
    ras_hash_read *h = ctx;
    *got = fread(buf, 1, size, h->in);
    if (*got == 0 && ferror(h->in))
        return RAS_ERR_IO;
    if (*got > 0 && h->md && !EVP_DigestUpdate(h->md, buf, *got)) {
        /* The figures do not depend on the fingerprint: drop it, go on. */
        EVP_MD_CTX_free(h->md);
        h->md = NULL;
    }
    return RAS_OK;
}

void ras_hash_read_hex(ras_hash_read *h, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    hex[0] = '\0';
    if (!h->md || !EVP_DigestFinal_ex(h->md, md, &len) || len != 32)
        return;
    for (size_t i = 0; i < len; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[64] = '\0';
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
    EVP_MD_CTX_free(h->md);
    h->md = NULL;
}
