/* test_client_ids.c - the table of client ids seen (client_ids.h): the
 * hash reads every byte of an id whatever its length, ids of every
 * length are found again, and two hashes that share their slot and the
 * 15 bits a slot keeps are still told apart by the whole hash; ids in
 * sorted order are kept without a look-up, and the first id out of that
 * order finds every id kept before it. (Growing and the cap:
 * test_exports.c.) */
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "client_ids.h"

/* Changing any one byte of an id of any length changes its hash, and so
 * does its length (an id and the same id with a byte more). */
static void test_hash_every_byte(void **state)
{
    (void)state;
    char id[40], other[40];
    memset(id, 'a', sizeof id);
    for (size_t len = 0; len <= sizeof id; len++) {
        uint64_t h = ras_client_ids_hash(id, len);
        if (len < sizeof id)
            assert_true(h != ras_client_ids_hash(id, len + 1));
        for (size_t p = 0; p < len; p++) {
            memcpy(other, id, len);
            other[p] = 'b';
            assert_true(h != ras_client_ids_hash(other, len));
        }
    }
}

/* Ids of every length from 1 to 40, each seen once, then each again. */
static void test_every_length(void **state)
{
    (void)state;
    ras_client_ids ids;
    memset(&ids, 0, sizeof ids);
    char id[41];
    for (unsigned long len = 1; len <= 40; len++) {
        memset(id, 'x', len);
        id[len - 1] = 'y';
        assert_int_equal(ras_client_ids_add(&ids, id, len, 100 + len), 0);
    }
    for (unsigned long len = 1; len <= 40; len++) {
        memset(id, 'x', len);
        id[len - 1] = 'y';
        assert_int_equal(ras_client_ids_add(&ids, id, len, 1000), 100 + len);
    }
    ras_client_ids_free(&ids);
}

/* Hashes alike in the slot they pick and in the bits a slot keeps, unlike
 * in between: different ids, each found as itself. */
static void test_same_slot_and_tag(void **state)
{
    (void)state;
    ras_client_ids ids;
    memset(&ids, 0, sizeof ids);
    const uint64_t a = UINT64_C(0x8000000000000005), b = UINT64_C(0x8000000100000005),
                   c = UINT64_C(0x8000000200000005);
    assert_int_equal(ras_client_ids_add_hash(&ids, a, 2), 0);
    assert_int_equal(ras_client_ids_add_hash(&ids, b, 3), 0);
    assert_int_equal(ras_client_ids_add_hash(&ids, c, 4), 0);
    assert_int_equal(ras_client_ids_add_hash(&ids, b, 9), 3);
    assert_int_equal(ras_client_ids_add_hash(&ids, a, 9), 2);
    assert_int_equal(ras_client_ids_add_hash(&ids, c, 9), 4);
    /* A hash whose top bits are all 0 is kept too (its tag is made 1). */
    assert_int_equal(ras_client_ids_add_hash(&ids, 5, 6), 0);
    assert_int_equal(ras_client_ids_add_hash(&ids, 5, 9), 6);
    assert_int_equal(ras_client_ids_add_hash(&ids, 0, 7), 0);
    assert_int_equal(ras_client_ids_add_hash(&ids, 0, 9), 7);
    ras_client_ids_free(&ids);
}

/* A line beyond what a slot's line keeps is given back saturated. */
static void test_line_saturates(void **state)
{
    (void)state;
    ras_client_ids ids;
    memset(&ids, 0, sizeof ids);
    unsigned long big = (unsigned long)UINT32_MAX;
    if (sizeof(unsigned long) > 4)
        big = big * 2;
    assert_int_equal(ras_client_ids_add(&ids, "C1", 2, big), 0);
    assert_int_equal(ras_client_ids_add(&ids, "C1", 2, 5), UINT32_MAX);
    ras_client_ids_free(&ids);
}

/* Ids in sorted order build no table; the first out of order does, and
 * finds what came before, whether it repeats the last id, an earlier one
 * or none. */
static void test_sorted_then_not(void **state)
{
    (void)state;
    const char *repeat[] = {"C0000999", "C0000005", "B", "C0000998x"};
    const unsigned long want[] = {1001, 7, 0, 0};
    for (size_t k = 0; k < 4; k++) {
        ras_client_ids ids;
        memset(&ids, 0, sizeof ids);
        char id[32];
        for (unsigned long i = 0; i < 1000; i++) {
            int n = snprintf(id, sizeof id, "C%07lu", i);
            assert_int_equal(ras_client_ids_add(&ids, id, (size_t)n, i + 2), 0);
        }
        /* A longer id that starts with the last one sorts after it. */
        assert_int_equal(ras_client_ids_add(&ids, "C0000999 jr", 11, 2000), 0);
        assert_false(ids.unsorted);
        assert_int_equal(ids.n_slots, 0);
        assert_int_equal(ras_client_ids_add(&ids, repeat[k], strlen(repeat[k]), 3000), want[k]);
        assert_true(ids.unsorted);
        /* Every id kept is found from now on. */
        assert_int_equal(ras_client_ids_add(&ids, "C0000000", 8, 4000), 2);
        assert_int_equal(ras_client_ids_add(&ids, "C0000999 jr", 11, 4000), 2000);
        assert_int_equal(ras_client_ids_add(&ids, repeat[k], strlen(repeat[k]), 4000),
                         want[k] ? want[k] : 3000);
        ras_client_ids_free(&ids);
    }
}

/* The same id twice in a row is out of order too. */
static void test_sorted_same_twice(void **state)
{
    (void)state;
    ras_client_ids ids;
    memset(&ids, 0, sizeof ids);
    assert_int_equal(ras_client_ids_add(&ids, "A1", 2, 2), 0);
    assert_int_equal(ras_client_ids_add(&ids, "A2", 2, 3), 0);
    assert_int_equal(ras_client_ids_add(&ids, "A2", 2, 4), 3);
    ras_client_ids_free(&ids);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_every_byte),   cmocka_unit_test(test_every_length),
        cmocka_unit_test(test_same_slot_and_tag), cmocka_unit_test(test_line_saturates),
        cmocka_unit_test(test_sorted_then_not),   cmocka_unit_test(test_sorted_same_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
