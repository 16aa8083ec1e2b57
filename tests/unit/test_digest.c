/* test_digest.c - the input's SHA-256 worked out on a second thread
 * (digest.h) equals OpenSSL's one-shot SHA-256 of the same bytes, on the
 * caller's thread and on the hasher's, for inputs around the ring's
 * slot size, fed in pieces of every size; and through the two readers
 * that feed it, the encoding layer (csv_source.h) and the reports'
 * hashing reader (hash_read.h), to the end of the input, up to a read
 * error, and stopped early. */
#include "support.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_source.h"
#include "digest.h"
#include "hash_read.h"

#define SLOT RAS_DIGEST_SLOT
#define MANY (10 * SLOT + 123)

/* MANY bytes of printable ASCII, the same every time. */
static unsigned char *test_bytes(void)
{
    unsigned char *b = malloc(MANY);
    assert_non_null(b);
    uint32_t x = 12345;
    for (size_t i = 0; i < MANY; i++) {
        x = x * 1103515245u + 12345u;
        b[i] = (unsigned char)(' ' + (x >> 16) % 95);
    }
    return b;
}

/* OpenSSL's one-shot SHA-256, as hex. */
static void one_shot(const unsigned char *b, size_t n, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    assert_true(EVP_Digest(b, n, md, &len, EVP_sha256(), NULL));
    assert_int_equal(len, 32);
    for (unsigned i = 0; i < len; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
}

/* The pieces a digest is fed in: all sizes, below, at and above a slot. */
static const size_t pieces[] = {1, 4095, 70000, SLOT, 300000, 7, SLOT - 1, SLOT + 1};
#define N_PIECES (sizeof pieces / sizeof pieces[0])

static void check_mode(ras_digest_mode mode)
{
    unsigned char *b = test_bytes();
    const size_t sizes[] = {0,
                            1,
                            SLOT - 1,
                            SLOT,
                            SLOT + 1,
                            2 * SLOT,
                            RAS_DIGEST_SLOTS * SLOT,
                            RAS_DIGEST_SLOTS * SLOT + 1,
                            MANY};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (int whole = 0; whole < 2; whole++) {
            ras_digest *d = ras_digest_new(mode);
            assert_non_null(d);
            if (mode == RAS_DIGEST_THREAD)
                assert_true(ras_digest_threaded(d));
            if (mode == RAS_DIGEST_INLINE)
                assert_false(ras_digest_threaded(d));
            size_t n = sizes[s];
            if (whole) /* in one piece */
                ras_digest_add(d, b, n);
            else /* in pieces of every size */
                for (size_t at = 0, k = 0; at < n; k++) {
                    size_t piece = pieces[k % N_PIECES];
                    piece = piece < n - at ? piece : n - at;
                    ras_digest_add(d, b + at, piece);
                    at += piece;
                }
            char got[65], want[65];
            ras_digest_hex(d, got);
            one_shot(b, n, want);
            assert_string_equal(got, want);
            /* Ended: a second ending gives nothing, and more bytes are
             * not taken. */
            ras_digest_add(d, b, 10);
            ras_digest_hex(d, got);
            assert_string_equal(got, "");
            ras_digest_free(d);
        }
    }
    free(b);
}

static void test_inline(void **state)
{
    (void)state;
    check_mode(RAS_DIGEST_INLINE);
}

static void test_threaded(void **state)
{
    (void)state;
    check_mode(RAS_DIGEST_THREAD);
}

static void test_auto(void **state)
{
    (void)state;
    check_mode(RAS_DIGEST_AUTO);
}

/* Stopped early, with the ring full and the hasher busy, or before any
 * byte: freed without ending, nothing hangs or leaks. */
static void test_stopped_early(void **state)
{
    (void)state;
    unsigned char *b = test_bytes();
    for (size_t n = 0; n <= MANY; n += MANY / 3) {
        ras_digest *d = ras_digest_new(RAS_DIGEST_THREAD);
        assert_non_null(d);
        ras_digest_add(d, b, n);
        ras_digest_free(d);
    }
    ras_digest_free(NULL);
    free(b);
}

/* A read callback over memory that fails with RAS_ERR_IO once fail_at
 * bytes were given (never, for SIZE_MAX), in pieces of at most 50,000. */
typedef struct mem_in {
    const unsigned char *b;
    size_t n, at, fail_at;
} mem_in;

static ras_status mem_read(void *ctx, char *buf, size_t size, size_t *got)
{
    mem_in *m = ctx;
    *got = 0;
    if (m->at >= m->fail_at)
        return RAS_ERR_IO;
    size_t k = m->n - m->at;
    k = k < size ? k : size;
    k = k < 50000 ? k : 50000;
    k = k < m->fail_at - m->at ? k : m->fail_at - m->at;
    memcpy(buf, m->b + m->at, k);
    m->at += k;
    *got = k;
    return RAS_OK;
}

/* Reads all of m through the encoding layer as the CSV reader does;
 * returns the status of the last read. */
static ras_status read_source(mem_in *m, ras_encoding enc, char hex[65])
{
    ras_csv_source s;
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_csv_source_open(&s, mem_read, m, enc, true, &err), RAS_OK);
    char *buf = malloc(256 * 1024);
    assert_non_null(buf);
    ras_status st;
    size_t got;
    do
        st = ras_csv_source_read(&s, buf, 256 * 1024, &got);
    while (st == RAS_OK && got > 0);
    ras_csv_source_sha256(&s, hex);
    ras_csv_source_close(&s);
    free(buf);
    return st;
}

static void test_csv_source(void **state)
{
    (void)state;
    unsigned char *b = test_bytes();
    const size_t sizes[] = {0, 1, SLOT, SLOT + 1, MANY};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (int e = 0; e < 2; e++) {
            mem_in m = {b, sizes[s], 0, SIZE_MAX};
            char got[65], want[65];
            assert_int_equal(read_source(&m, e ? RAS_ENCODING_UTF8 : RAS_ENCODING_AUTO, got),
                             RAS_OK);
            one_shot(b, sizes[s], want);
            assert_string_equal(got, want);
        }
    /* A read error: the error is given, and what was hashed is what was
     * read before it (the summary then gives no SHA-256: the run fails). */
    const size_t fail_at[] = {0, 1, SLOT, 3 * SLOT + 5};
    for (size_t f = 0; f < sizeof fail_at / sizeof fail_at[0]; f++) {
        mem_in m = {b, MANY, 0, fail_at[f]};
        char got[65], want[65];
        assert_int_equal(read_source(&m, RAS_ENCODING_UTF8, got), RAS_ERR_IO);
        one_shot(b, fail_at[f], want);
        assert_string_equal(got, want);
    }
    /* Closed before the end, the hasher stops. */
    mem_in m = {b, MANY, 0, SIZE_MAX};
    ras_csv_source s;
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_csv_source_open(&s, mem_read, &m, RAS_ENCODING_UTF8, true, &err), RAS_OK);
    char buf[1000];
    size_t got;
    assert_int_equal(ras_csv_source_read(&s, buf, sizeof buf, &got), RAS_OK);
    ras_csv_source_close(&s);
    free(b);
}

/* The reports' hashing reader over a file, read to the end in pieces,
 * then hashed whole again as for a workbook. */
static void test_hash_read(void **state)
{
    (void)state;
    unsigned char *b = test_bytes();
    const size_t sizes[] = {0, 1, SLOT, SLOT + 1, MANY};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        FILE *f = tmpfile();
        assert_non_null(f);
        assert_int_equal(fwrite(b, 1, sizes[s], f), sizes[s]);
        rewind(f);
        char want[65], got[65];
        one_shot(b, sizes[s], want);
        ras_hash_read h;
        assert_int_equal(ras_hash_read_init(&h, f), RAS_OK);
        char buf[9999];
        size_t n;
        do
            assert_int_equal(ras_hash_read_fn(&h, buf, sizeof buf, &n), RAS_OK);
        while (n > 0);
        ras_hash_read_hex(&h, got);
        assert_string_equal(got, want);
        ras_hash_read_whole(&h);
        ras_hash_read_hex(&h, got);
        assert_string_equal(got, want);
        ras_hash_read_free(&h);
        fclose(f);
    }
    free(b);
}

/* A read error through the hashing reader: a file open only for
 * writing cannot be read. */
static void test_hash_read_error(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    FILE *w = fdopen(dup(fileno(f)), "w");
    assert_non_null(w);
    ras_hash_read h;
    assert_int_equal(ras_hash_read_init(&h, w), RAS_OK);
    char buf[100];
    size_t n;
    assert_int_equal(ras_hash_read_fn(&h, buf, sizeof buf, &n), RAS_ERR_IO);
    ras_hash_read_free(&h);
    fclose(w);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inline),
        cmocka_unit_test(test_threaded),
        cmocka_unit_test(test_auto),
        cmocka_unit_test(test_stopped_early),
        cmocka_unit_test(test_csv_source),
        cmocka_unit_test(test_hash_read),
        cmocka_unit_test(test_hash_read_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
