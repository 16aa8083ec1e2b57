/* test_text_check.c - the checks on untrusted text (text_check.h): UTF-8
 * validity at every boundary of the encoding, clean text, ids, numbers,
 * words, and how text is shown inside messages. */
#include "support.h"

#include <string.h>

#include "text_check.h"

static bool utf8(const char *s)
{
    return ras_utf8_valid(s, strlen(s));
}

static void test_utf8_valid(void **state)
{
    (void)state;
    assert_true(utf8(""));
    assert_true(utf8("plain"));
    assert_true(utf8("\xc2\xa3"));          /* U+00A3, the first 2-byte lead */
    assert_true(utf8("\xdf\xbf"));          /* U+07FF */
    assert_false(utf8("\xc1\xbf"));         /* overlong 2-byte */
    assert_false(utf8("\xc2"));             /* cut short */
    assert_false(utf8("\xc2\x41"));         /* not a continuation */
    assert_true(utf8("\xe0\xa0\x80"));      /* U+0800 */
    assert_false(utf8("\xe0\x9f\xbf"));     /* overlong 3-byte */
    assert_true(utf8("\xe2\x80\xa8"));      /* U+2028 */
    assert_true(utf8("\xed\x9f\xbf"));      /* U+D7FF, below the surrogates */
    assert_false(utf8("\xed\xa0\x80"));     /* U+D800, a surrogate */
    assert_false(utf8("\xe2\x80\x41"));     /* third byte not a continuation */
    assert_false(utf8("\xe2\x80"));         /* cut short */
    assert_true(utf8("\xf0\x90\x80\x80"));  /* U+10000 */
    assert_true(utf8("\xf0\x9f\x98\x80"));  /* U+1F600 */
    assert_false(utf8("\xf0\x8f\xbf\xbf")); /* overlong 4-byte */
    assert_true(utf8("\xf3\xbf\xbf\xbf"));  /* U+FFFFF */
    assert_true(utf8("\xf4\x8f\xbf\xbf"));  /* U+10FFFF, the last */
    assert_false(utf8("\xf4\x90\x80\x80")); /* above U+10FFFF */
    assert_false(utf8("\xf5\x80\x80\x80")); /* no such lead byte */
    assert_false(utf8("\xf0\x9f\x98"));     /* cut short */
    assert_false(utf8("\xf0\x9f\x41\x80")); /* third byte not a continuation */
    assert_false(utf8("\xf0\x9f\x98\xc0")); /* fourth byte not a continuation */
    assert_false(utf8("\x80"));             /* a lone continuation */
    assert_false(utf8("\xff"));
    assert_true(utf8("a\xc2\xa3"
                     "b\xf0\x9f\x98\x80"
                     "c"));
    /* the length given is what counts, not a NUL */
    assert_true(ras_utf8_valid("\xc2\xa3", 2));
    assert_false(ras_utf8_valid("\xc2\xa3", 1));
}

static void test_clean(void **state)
{
    (void)state;
    assert_true(ras_text_is_clean("caf\xc3\xa9", 5));
    assert_false(ras_text_is_clean("a\tb", 3));
    assert_false(ras_text_is_clean("a\x7f", 2));
    assert_false(ras_text_is_clean("a\0b", 3));
    assert_false(ras_text_is_clean("\xc3", 1));
}

static void test_ids_numbers_words(void **state)
{
    (void)state;
    assert_true(ras_text_is_id("night_visits-2", 14));
    assert_false(ras_text_is_id("", 0));
    assert_false(ras_text_is_id("Washing", 7));
    assert_false(ras_text_is_id("a b", 3));
    assert_false(ras_text_is_id("a.b", 3));

    assert_true(ras_text_is_numeric("12", 2));
    assert_true(ras_text_is_numeric("-12", 3));
    assert_true(ras_text_is_numeric("+12", 3));
    assert_true(ras_text_is_numeric("12.50", 5));
    assert_true(ras_text_is_numeric("-0.5", 4));
    assert_false(ras_text_is_numeric("12.", 3));
    assert_false(ras_text_is_numeric(".5", 2));
    assert_false(ras_text_is_numeric("-", 1));
    assert_false(ras_text_is_numeric("", 0));
    assert_false(ras_text_is_numeric("1e3", 3));
    assert_false(ras_text_is_numeric("1.2.3", 5));

    assert_true(ras_text_is_word("Some", 4));
    assert_true(ras_text_is_word("a_b-c9", 6));
    assert_false(ras_text_is_word("", 0));
    assert_false(ras_text_is_word("9lives", 6));
    assert_false(ras_text_is_word("_x", 2));
    assert_false(ras_text_is_word("a b", 3));
    assert_false(ras_text_is_word("a;b", 3));
    assert_false(ras_text_is_word("a\xc3\xa9", 3));
}

static void test_show(void **state)
{
    (void)state;
    char out[RAS_SHOWN_MAX];
    ras_text_show("plain", 5, out);
    assert_string_equal(out, "plain");
    ras_text_show("a\nb\tc\x7f"
                  "d",
                  7, out);
    assert_string_equal(out, "a?b?c?d");
    /* invalid UTF-8 shows as one '?' a byte; valid characters pass */
    ras_text_show("\xff\xc3\xa9\xe2\x82", 5, out);
    assert_string_equal(out, "?\xc3\xa9??");
    ras_text_show("\xf0\x9f\x98\x80", 4, out);
    assert_string_equal(out, "\xf0\x9f\x98\x80");
    /* 40 bytes at most, then "..." */
    const char *long_text = "0123456789012345678901234567890123456789ABCDEF";
    ras_text_show(long_text, strlen(long_text), out);
    assert_string_equal(out, "0123456789012345678901234567890123456789...");
    /* never cut inside a character: 39 bytes then a 2-byte one */
    char buf[64];
    memset(buf, 'x', 39);
    memcpy(buf + 39, "\xc3\xa9z", 3);
    ras_text_show(buf, 42, out);
    assert_int_equal(strlen(out), 39 + 3);
    assert_memory_equal(out + 39, "...", 3);
    ras_text_show("", 0, out);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_ids_numbers_words),
        cmocka_unit_test(test_show),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
