/* test_outbuf.c - the batch's hand-written output (outbuf.h): digit
 * counts, integers and pounds written without printf, and CSV quoting.
 * Each figure is compared with what printf writes for the same value,
 * at every power of ten and its neighbours and over a spread of values,
 * so an off-by-one digit count or a dropped leading zero in the pence
 * fails. Also the word-at-a-time checks and copies of short text
 * (short_text.h) the client id goes through, against byte loops. */
#include "support.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outbuf.h"
#include "short_text.h"

/* v, v - 1 and v + 1 for every power of ten, 0, and the extremes. */
static size_t edge_values(uint64_t *out)
{
    size_t n = 0;
    out[n++] = 0;
    out[n++] = 1;
    out[n++] = UINT64_MAX;
    out[n++] = UINT64_MAX - 1;
    out[n++] = (uint64_t)INT64_MAX;
    /* Where the writers change from 32-bit to 64-bit arithmetic. */
    out[n++] = UINT32_MAX;
    out[n++] = (uint64_t)UINT32_MAX + 1;
    out[n++] = (uint64_t)UINT32_MAX - 1;
    uint64_t p = 1;
    for (int k = 0; k < 20; k++) {
        out[n++] = p;
        out[n++] = p - 1;
        out[n++] = p + 1;
        if (k < 19)
            p *= 10;
    }
    return n;
}

static void test_digit_count(void **state)
{
    (void)state;
    uint64_t v[90];
    size_t n = edge_values(v);
    char want[32];
    for (size_t i = 0; i < n; i++) {
        int len = snprintf(want, sizeof want, "%" PRIu64, v[i]);
        assert_int_equal(ras_digit_count(v[i]), (size_t)len);
    }
    /* Every bit length, at its low and high end. */
    for (int bits = 1; bits < 64; bits++) {
        uint64_t lo = UINT64_C(1) << (bits - 1), hi = (UINT64_C(1) << bits) - 1;
        assert_int_equal(ras_digit_count(lo), (size_t)snprintf(want, sizeof want, "%" PRIu64, lo));
        assert_int_equal(ras_digit_count(hi), (size_t)snprintf(want, sizeof want, "%" PRIu64, hi));
    }
}

static void test_put_int_and_money(void **state)
{
    (void)state;
    uint64_t v[90];
    size_t n = edge_values(v);
    char got[64], want[64];
    for (size_t i = 0; i < n; i++) {
        if (v[i] > (uint64_t)INT64_MAX)
            continue;
        for (int sign = 1; sign >= -1; sign -= 2) {
            int64_t x = sign * (int64_t)v[i];
            char *end = ras_put_int(got, x);
            *end = '\0';
            snprintf(want, sizeof want, "%" PRId64, x);
            assert_string_equal(got, want);
            end = ras_put_money(got, x);
            *end = '\0';
            uint64_t m = v[i];
            snprintf(want, sizeof want, "%s%" PRIu64 ".%02u", sign < 0 && m ? "-" : "", m / 100,
                     (unsigned)(m % 100));
            assert_string_equal(got, want);
        }
    }
    /* A spread of values with every number of digits. */
    uint64_t x = 1;
    for (int i = 0; i < 5000; i++) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        int64_t s = (int64_t)(x >> (i % 63));
        char *end = ras_put_int(got, s);
        *end = '\0';
        snprintf(want, sizeof want, "%" PRId64, s);
        assert_string_equal(got, want);
    }
}

static char *write_field_raw(const char *s, size_t len, bool raw)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    ras_outbuf o;
    assert_true(ras_outbuf_init(&o, f));
    o.raw_text = raw;
    ras_outbuf_field(&o, s, len);
    ras_error err;
    assert_int_equal(ras_outbuf_finish(&o, &err), RAS_OK);
    ras_outbuf_free(&o);
    long size = ftell(f);
    rewind(f);
    char *out = calloc((size_t)size + 1, 1);
    assert_non_null(out);
    assert_int_equal(fread(out, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    return out;
}

static char *write_field(const char *s, size_t len)
{
    return write_field_raw(s, len, false);
}

static void test_quoting(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"C001", "C001"},
        {"", ""},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\r", "\"cr\r\""},
        {"\"", "\"\"\"\""},
        {"caf\xc3\xa9 ; x", "caf\xc3\xa9 ; x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = strlen(cases[i].in);
        assert_int_equal(ras_csv_needs_quotes(cases[i].in, len),
                         strcmp(cases[i].in, cases[i].out) != 0);
        char *got = write_field(cases[i].in, len);
        assert_string_equal(got, cases[i].out);
        free(got);
    }
    /* Each special byte at each place of a field. */
    for (size_t at = 0; at < 20; at++) {
        char s[20];
        memset(s, 'x', sizeof s);
        assert_false(ras_csv_needs_quotes(s, sizeof s));
        for (const char *sp = ",\"\n\r"; *sp; sp++) {
            s[at] = *sp;
            assert_true(ras_csv_needs_quotes(s, sizeof s));
            assert_false(ras_csv_needs_quotes(s, at)); /* not within the length */
            s[at] = 'x';
        }
    }
    /* Quotes doubled wherever they fall, one or two of them, in fields
     * longer than a word (a quoted field is copied in runs between its
     * quotes): each compared with the quoting done byte by byte. */
    for (size_t len = 1; len <= 40; len++)
        for (size_t at = 0; at < len; at++) {
            char s[40], want[96];
            memset(s, 'y', len);
            s[at] = '"';
            s[len - 1 - at / 2] = '"';
            size_t n = 0;
            want[n++] = '"';
            for (size_t i = 0; i < len; i++) {
                want[n++] = s[i];
                if (s[i] == '"')
                    want[n++] = '"';
            }
            want[n++] = '"';
            want[n] = '\0';
            char *got = write_field(s, len);
            assert_string_equal(got, want);
            free(got);
        }
}

/* The byte-loop meaning of ras_printable_ascii. */
static bool printable_slow(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            return false;
    return true;
}

static void test_short_text(void **state)
{
    (void)state;
    /* Every byte value at every place of every length up to 20, in a
     * field of printable bytes; the bytes around the field are bad, so
     * reading past either end shows. */
    char buf[40];
    for (size_t len = 0; len <= 20; len++) {
        for (size_t at = 0; at < len; at++) {
            for (int b = 0; b < 256; b++) {
                memset(buf, 0x01, sizeof buf);
                memset(buf + 8, 'k', len);
                buf[8 + at] = (char)b;
                assert_int_equal(ras_printable_ascii(buf + 8, len), printable_slow(buf + 8, len));
            }
        }
        memset(buf, 0x01, sizeof buf);
        memset(buf + 8, 'k', len);
        assert_true(ras_printable_ascii(buf + 8, len));
    }
    /* Copies of every length, leaving the bytes around them alone. */
    for (size_t len = 0; len <= 40 - 16; len++) {
        char src[40], dst[40], want[40];
        for (size_t i = 0; i < sizeof src; i++)
            src[i] = (char)('A' + i);
        memset(dst, '.', sizeof dst);
        memset(want, '.', sizeof want);
        memcpy(want + 4, src, len);
        ras_copy_short(dst + 4, src, len);
        assert_memory_equal(dst, want, sizeof dst);
    }
}

static void test_put_field(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"C0000001", "C0000001"},
        {"C0000001-LONGER-ID", "C0000001-LONGER-ID"},
        {"x", "x"},
        {"", ""},
        {"a,b", "\"a,b\""},
        {"12345678\"9", "\"12345678\"\"9\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[64];
        memset(out, '.', sizeof out);
        char *end = ras_put_field(out, cases[i].in, strlen(cases[i].in), false);
        assert_int_equal((size_t)(end - out), strlen(cases[i].out));
        assert_memory_equal(out, cases[i].out, strlen(cases[i].out));
        assert_int_equal(*end, '.');
    }
}

/* The formula guard (docs/design.md, "CSV output"): a text cell starting
 * with =, +, -, @, a tab or a CR gets "'" and quotes, through both
 * writers; raw text is left alone; reading back drops exactly that "'". */
static void test_formula_guard(void **state)
{
    (void)state;
    static const struct {
        const char *in, *guarded;
    } cases[] = {
        {"=1+1", "\"'=1+1\""},
        {"+cmd", "\"'+cmd\""},
        {"-2+3", "\"'-2+3\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {"=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\""},
        {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"\tx", "\"'\tx\""},
        {"\rx", "\"'\rx\""},
        {"=", "\"'=\""},
        {"=0123456789abcdef", "\"'=0123456789abcdef\""}, /* past the word-wise path */
        {"C-1=2", "C-1=2"},                              /* only the first character counts */
        {"'=1", "'=1"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *in = cases[i].in;
        size_t len = strlen(in);
        char *got = write_field(in, len);
        assert_string_equal(got, cases[i].guarded);
        free(got);
        char out[96];
        memset(out, '.', sizeof out);
        char *end = ras_put_field(out, in, len, false);
        assert_int_equal((size_t)(end - out), strlen(cases[i].guarded));
        assert_memory_equal(out, cases[i].guarded, strlen(cases[i].guarded));
        assert_true((size_t)(end - out) <= 2 * len + 3);
        /* Raw: as before the guard, quoted only for a comma, quote or line break. */
        got = write_field_raw(in, len, true);
        end = ras_put_field(out, in, len, true);
        assert_int_equal((size_t)(end - out), strlen(got));
        assert_memory_equal(out, got, strlen(got));
        if (!ras_csv_needs_quotes(in, len))
            assert_string_equal(got, in);
        free(got);
    }
    /* Reading back: "'" and a formula character loses the "'". */
    const char *s = "'=1+1";
    size_t len = 5;
    ras_csv_unguard(&s, &len);
    assert_int_equal(len, 4);
    assert_memory_equal(s, "=1+1", 4);
    s = "'plain";
    len = 6;
    ras_csv_unguard(&s, &len);
    assert_int_equal(len, 6);
    s = "'";
    len = 1;
    ras_csv_unguard(&s, &len);
    assert_int_equal(len, 1);
    /* Figures are never guarded: a negative amount stays a number. */
    char money[32];
    char *end = ras_put_money(money, -50);
    assert_memory_equal(money, "-0.50", (size_t)(end - money));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digit_count), cmocka_unit_test(test_put_int_and_money),
        cmocka_unit_test(test_quoting),     cmocka_unit_test(test_short_text),
        cmocka_unit_test(test_put_field),   cmocka_unit_test(test_formula_guard),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
