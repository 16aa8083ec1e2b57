/* test_exports.c - the pieces that read exports as council systems write
 * them (docs/exports.md): Windows-1252 turned into UTF-8, UTF-8 checked
 * across buffer ends, column mappings, error reasons counted alike, and
 * client ids seen twice. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_ids.h"
#include "columns.h"
#include "encoding.h"
#include "reasons.h"

static void test_cp1252(void **state)
{
    (void)state;
    /* £ (0xa3), € (0x80), curly quotes (0x93, 0x94), é (0xe9), and 0x81,
     * which Windows-1252 leaves undefined: it becomes U+0081. */
    char buf[64] = "\xa3"
                   "5 \x80\x93x\x94 \xe9\x81";
    size_t len = strlen(buf);
    const char want[] = "\xc2\xa3"
                        "5 \xe2\x82\xac\xe2\x80\x9cx\xe2\x80\x9d \xc3\xa9\xc2\x81";
    assert_int_equal(ras_cp1252_utf8_len(buf, len), sizeof want - 1);
    assert_int_equal(ras_cp1252_to_utf8(buf, len), sizeof want - 1);
    assert_memory_equal(buf, want, sizeof want - 1);
    char ascii[] = "plain, text";
    assert_int_equal(ras_cp1252_to_utf8(ascii, strlen(ascii)), strlen("plain, text"));
    assert_string_equal(ascii, "plain, text");
    assert_int_equal(ras_first_high("ab\xa3", 3), 2);
    assert_int_equal(ras_first_high("abc", 3), 3);
}

/* A long buffer, ASCII runs of every length between high bytes, against
 * a byte-by-byte conversion. */
static void cp1252_against_bytes(unsigned every)
{
    enum { N = 2000 };
    char *buf = malloc(3 * N), *want = malloc(3 * N);
    assert_non_null(buf);
    assert_non_null(want);
    size_t w = 0;
    unsigned seed = 7;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned char b = (seed >> 16) % every == 0 ? (unsigned char)(0x80 + (seed >> 8) % 128)
                                                    : (unsigned char)('a' + (seed >> 8) % 26);
        buf[i] = (char)b;
        char one[4] = {(char)b};
        size_t n = b < 0x80 ? 1 : ras_cp1252_to_utf8(one, 1);
        memcpy(want + w, one, n);
        w += n;
    }
    assert_int_equal(ras_cp1252_utf8_len(buf, N), w);
    assert_int_equal(ras_cp1252_to_utf8(buf, N), w);
    assert_memory_equal(buf, want, w);
    free(buf);
    free(want);
}

static void test_cp1252_long(void **state)
{
    (void)state;
    /* High bytes one in 23 and one in 300: ASCII runs that the
     * conversion skips a word and 32 bytes at a time. */
    for (unsigned every = 23; every <= 300; every += 277)
        cp1252_against_bytes(every);
}

static void test_utf8_prefix(void **state)
{
    (void)state;
    size_t tail = 99;
    assert_true(ras_utf8_prefix_valid("a\xc2\xa3", 3, &tail));
    assert_int_equal(tail, 0);
    /* A sequence cut by the buffer's end waits for the next bytes. */
    assert_true(ras_utf8_prefix_valid("a\xe2\x82", 3, &tail));
    assert_int_equal(tail, 2);
    /* Windows-1252's £ alone, followed by a digit, is not UTF-8. */
    assert_false(ras_utf8_prefix_valid("\xa3"
                                       "5",
                                       2, &tail));
    assert_false(ras_utf8_prefix_valid("\xc0\xaf", 2, &tail)); /* overlong */
}

static ras_status load_columns(const char *yaml, ras_columns **out, ras_error *err)
{
    ras_source src = {"columns.yaml", yaml, strlen(yaml)};
    ras_error_clear(err);
    return ras_columns_load(&src, out, err);
}

static void test_columns(void **state)
{
    (void)state;
    ras_columns *cols = NULL;
    ras_error err;
    assert_int_equal(load_columns("Person Ref: client_id\n"
                                  "Service User Group: group\n"
                                  "Q3 Washing and bathing: washing\n"
                                  "Ethnicity: ~\n",
                                  &cols, &err),
                     RAS_OK);
    assert_int_equal(cols->n, 4);
    /* Every entry is found, in the header's normal form. */
    const ras_column_map *m = ras_columns_find(cols, "person ref", 10);
    assert_non_null(m);
    assert_string_equal(m->to, "client_id");
    m = ras_columns_find(cols, " SERVICE USER GROUP ", 20);
    assert_non_null(m);
    assert_string_equal(m->to, "group");
    m = ras_columns_find(cols, "q3-washing-and-bathing", 22);
    assert_non_null(m);
    assert_string_equal(m->to, "washing");
    assert_int_equal(m->line, 3);
    m = ras_columns_find(cols, "Ethnicity", 9);
    assert_non_null(m);
    assert_null(m->to); /* ignored quietly */
    assert_null(ras_columns_find(cols, "Notes", 5));
    ras_columns_free(cols);
}

static void test_columns_refused(void **state)
{
    (void)state;
    ras_columns *cols = (ras_columns *)1;
    ras_error err;
    assert_int_equal(load_columns("Client ID: client_id\nclient-id: group\n", &cols, &err),
                     RAS_ERR_SYNTAX);
    assert_null(cols);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "'client-id' is the same name as 'Client ID' (line 1)"));
    assert_int_equal(load_columns("- a\n- b\n", &cols, &err), RAS_ERR_SYNTAX);
    assert_int_equal(load_columns("Person Ref: [client_id]\n", &cols, &err), RAS_ERR_SYNTAX);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "column 'Person Ref'"));
    assert_int_equal(load_columns("", &cols, &err), RAS_ERR_SYNTAX);
    assert_non_null(strstr(err.message, "empty"));
}

static void test_reasons(void **state)
{
    (void)state;
    char out[RAS_ERROR_MESSAGE_MAX];
    ras_reason_of("line 12, column 'assessed_on': '28/13/2025' is not a day that exists", out,
                  sizeof out);
    assert_string_equal(out, "column 'assessed_on': '...' is not a day that exists");
    ras_reasons r;
    memset(&r, 0, sizeof r);
    ras_reasons_add(&r, "line 3, column 'washing': unknown answer 'x' (expected none)");
    ras_reasons_add(&r, "line 4: unknown group 'young'");
    ras_reasons_add(&r, "line 5, column 'washing': unknown answer 'y' (expected none)");
    ras_batch_summary *s = calloc(1, sizeof *s);
    assert_non_null(s);
    ras_reasons_top(&r, s);
    assert_int_equal(s->n_reasons, 2);
    assert_string_equal(s->reasons[0].reason,
                        "column 'washing': unknown answer '...' (expected none)");
    assert_int_equal(s->reasons[0].rows, 2);
    assert_int_equal(s->reasons[1].rows, 1);
    assert_int_equal(s->other_reasons, 0);
    free(s);
    ras_reasons_free(&r);
}

static void test_reasons_capped(void **state)
{
    (void)state;
    ras_reasons r;
    memset(&r, 0, sizeof r);
    char msg[64];
    /* Every reason different: past the kept ones, rows are counted apart. */
    for (int i = 0; i < RAS_REASONS_KEPT + 5; i++) {
        snprintf(msg, sizeof msg, "line %d: reason number %d", i + 2, i);
        ras_reasons_add(&r, msg);
    }
    ras_batch_summary *s = calloc(1, sizeof *s);
    assert_non_null(s);
    ras_reasons_top(&r, s);
    assert_int_equal(s->n_reasons, RAS_BATCH_REASONS);
    assert_string_equal(s->reasons[0].reason, "reason number 0"); /* first seen first */
    assert_int_equal(s->other_reasons, RAS_REASONS_KEPT + 5 - RAS_BATCH_REASONS);
    free(s);
    ras_reasons_free(&r);
}

static void test_client_ids(void **state)
{
    (void)state;
    ras_client_ids ids;
    memset(&ids, 0, sizeof ids);
    char id[32];
    /* Enough ids to make the table grow several times. */
    for (unsigned long i = 0; i < 5000; i++) {
        int n = snprintf(id, sizeof id, "C%05lu", i);
        assert_int_equal(ras_client_ids_add(&ids, id, (size_t)n, i + 2), 0);
    }
    assert_int_equal(ras_client_ids_add(&ids, "C00042", 6, 9000), 44);
    assert_int_equal(ras_client_ids_add(&ids, "C04999", 6, 9001), 5001);
    assert_int_equal(ras_client_ids_add(&ids, "C05000", 6, 9002), 0);
    assert_false(ids.capped);
    ras_client_ids_free(&ids);
}

/* Past the cap the table stops growing: ids kept are still found, new
 * ones are not kept, and capped says so. */
static void test_client_ids_capped(void **state)
{
    (void)state;
    ras_client_ids ids;
    memset(&ids, 0, sizeof ids);
    char id[32];
    size_t kept = RAS_IDS_MAX_SLOTS / 2;
    for (unsigned long i = 0; i < kept + 10; i++) {
        int n = snprintf(id, sizeof id, "C%07lu", i);
        assert_int_equal(ras_client_ids_add(&ids, id, (size_t)n, i + 2), 0);
    }
    assert_true(ids.capped);
    assert_int_equal(ras_client_ids_add(&ids, "C0000007", 8, 1), 9);
    assert_int_equal(ids.n_slots, RAS_IDS_MAX_SLOTS);
    assert_int_equal(ras_client_ids_add(&ids, "C0001000", 8, 1), 1002);
    int n = snprintf(id, sizeof id, "C%07lu", (unsigned long)kept + 5);
    assert_int_equal(ras_client_ids_add(&ids, id, (size_t)n, 1), 0); /* not kept */
    ras_client_ids_free(&ids);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cp1252),
        cmocka_unit_test(test_cp1252_long),
        cmocka_unit_test(test_utf8_prefix),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_columns_refused),
        cmocka_unit_test(test_reasons),
        cmocka_unit_test(test_reasons_capped),
        cmocka_unit_test(test_client_ids),
        cmocka_unit_test(test_client_ids_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
