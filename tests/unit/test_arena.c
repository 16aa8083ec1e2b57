/* test_arena.c - the arena (arena.h) hands out zeroed, aligned memory
 * that no other allocation overlaps, from small blocks and from the large
 * ones that are mapped apart (and offered huge pages), and frees it all
 * at once; the arena can be used again after. ras_big_zalloc gives
 * zeroed, aligned tables either way. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "support.h"

static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* n allocations of the sizes size_of(i) gives: each zeroed and 8-byte
 * aligned, then filled with its own byte and checked again once all are
 * made, so that an overlap shows. */
static void fill_and_check(ras_arena *a, size_t n, size_t (*size_of)(size_t))
{
    unsigned char **p = calloc(n, sizeof *p);
    assert_non_null(p);
    for (size_t i = 0; i < n; i++) {
        size_t size = size_of(i);
        p[i] = ras_arena_alloc(a, size);
        assert_non_null(p[i]);
        assert_int_equal((uintptr_t)p[i] % 8, 0);
        assert_true(all_zero(p[i], size));
        memset(p[i], (int)(i % 251) + 1, size);
    }
    for (size_t i = 0; i < n; i++) {
        size_t size = size_of(i);
        for (size_t k = 0; k < size; k++)
            assert_int_equal(p[i][k], (unsigned char)(i % 251 + 1));
    }
    free(p);
}

static size_t small_size(size_t i)
{
    return i % 97 + 1; /* 1 to 97 bytes: YAML nodes and their text */
}

static size_t mixed_size(size_t i)
{
    /* now and then larger than any block so far, and than a huge page */
    return i % 50 == 49 ? (size_t)3 * 1024 * 1024 + i : i % 300 + 1;
}

static void test_small(void **state)
{
    (void)state;
    ras_arena a = {0};
    /* About 25 MB: the blocks grow past the size that is mapped apart. */
    fill_and_check(&a, 500000, small_size);
    ras_arena_free(&a);
    assert_null(a.head);
    /* Used again after being freed: fresh zeroed memory. */
    fill_and_check(&a, 1000, small_size);
    ras_arena_free(&a);
}

static void test_large(void **state)
{
    (void)state;
    ras_arena a = {0};
    fill_and_check(&a, 200, mixed_size);
    ras_arena_free(&a);
    ras_arena_free(&a); /* freeing an empty arena is harmless */
}

static void test_limits(void **state)
{
    (void)state;
    ras_arena a = {0};
    assert_null(ras_arena_alloc(&a, SIZE_MAX));
    assert_null(ras_arena_array(&a, SIZE_MAX / 4, 8));
    unsigned char *z = ras_arena_alloc(&a, 0); /* a valid, distinct pointer */
    assert_non_null(z);
    char *s = ras_arena_strndup(&a, "abc", 3);
    assert_string_equal(s, "abc");
    ras_arena_free(&a);
}

/* ras_big_zalloc: zeroed, aligned for any type, writable whole, whether
 * it comes from calloc or is mapped apart (from 2 MiB). */
static void test_big(void **state)
{
    (void)state;
    static const size_t sizes[] = {0,
                                   1,
                                   100,
                                   160 * 1000,
                                   (size_t)2 * 1024 * 1024 - 64,
                                   (size_t)2 * 1024 * 1024,
                                   (size_t)16 * 1000 * 1000 + 3};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = sizes[i] ? sizes[i] : 1;
        unsigned char *p = ras_big_zalloc(sizes[i], 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        assert_true(all_zero(p, n));
        memset(p, 0xa5, n);
        assert_int_equal(p[n - 1], 0xa5);
        ras_big_free(p);
    }
    uint64_t *w = ras_big_zalloc(300000, sizeof *w);
    assert_non_null(w);
    assert_true(all_zero((const unsigned char *)w, 300000 * sizeof *w));
    ras_big_free(w);
    assert_null(ras_big_zalloc(SIZE_MAX / 2, 4));
    assert_null(ras_big_zalloc(1, 0));
    ras_big_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small),
        cmocka_unit_test(test_large),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_big),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
