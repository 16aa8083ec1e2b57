/* test_input_rules.c - the rules on what a model or case may hold, each
 * named for the hostile input it stops: integers in plain digits only
 * (no "010", no "+3"), no C1 control characters where C0 ones are
 * refused, text faults (NUL, ESC, C1, bad UTF-8) named, and JSON's
 * surrogate pairs joined while a lone surrogate is refused. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "json_pairs.h"
#include "num.h"
#include "text_check.h"

static bool plain(const char *s)
{
    return ras_int_is_plain(s, strlen(s));
}

static void test_integers_plain_digits_only(void **state)
{
    (void)state;
    assert_true(plain("0"));
    assert_true(plain("7"));
    assert_true(plain("1000000000"));
    assert_false(plain(""));
    assert_false(plain("010")); /* YAML 1.1 reads 8 */
    assert_false(plain("00"));
    assert_false(plain("+3"));
    assert_false(plain("-3"));
    assert_false(plain("-0"));
    assert_false(plain("3 "));
    assert_false(plain("0x10"));
}

static void test_c1_controls_refused(void **state)
{
    (void)state;
    assert_false(ras_text_is_clean("C1\xc2\x85X", 5)); /* U+0085, next line */
    assert_false(ras_text_is_clean("\xc2\x80", 2));    /* U+0080, the first */
    assert_false(ras_text_is_clean("\xc2\x9f", 2));    /* U+009F, the last */
    assert_true(ras_text_is_clean("\xc2\xa0", 2));     /* U+00A0, just above */
    assert_true(ras_text_is_clean("\xc2\xa3", 2));     /* a pound sign */
    char shown[RAS_SHOWN_MAX];
    ras_text_show("C1\xc2\x9b"
                  "2J",
                  6, shown); /* U+009B, the C1 CSI */
    assert_string_equal(shown, "C1?2J");
}

static const char *fault(const char *s, size_t len)
{
    const char *f = ras_text_fault(s, len);
    return f ? f : "none";
}

static void test_text_faults_named(void **state)
{
    (void)state;
    assert_string_equal(fault("Title", 5), "none");
    assert_string_equal(fault("two\nlines\tand a tab", 19), "none");
    assert_string_equal(fault("T\0HIDDEN", 8), "a NUL byte");
    assert_string_equal(fault("red \x1b[31m", 9), "a control character");
    assert_string_equal(fault("del \x7f", 5), "a control character");
    assert_string_equal(fault("next \xc2\x85", 7), "a control character");
    assert_string_equal(fault("bad \xff", 5), "invalid UTF-8");
}

/* Joins text's pairs; the status, and *out the result ("" when none). */
static ras_status join(const char *text, char **out, size_t *bad_at)
{
    size_t size = 0;
    char *joined = NULL;
    ras_status st = ras_json_join_pairs(text, strlen(text), &joined, &size, bad_at);
    *out = calloc(size + 1, 1);
    assert_non_null(*out);
    if (joined)
        memcpy(*out, joined, size);
    free(joined);
    return st;
}

static void test_json_surrogate_pairs(void **state)
{
    (void)state;
    char *out;
    size_t bad = 0;
    assert_int_equal(join("{\"id\": \"C\\uD842\\uDFB7\"}", &out, &bad), RAS_OK);
    assert_string_equal(out, "{\"id\": \"C\\U00020BB7\"}");
    free(out);
    assert_int_equal(join("[\"\\ud83d\\ude00\", \"x\\\\ud842\"]", &out, &bad), RAS_OK);
    assert_string_equal(out, "[\"\\U0001F600\", \"x\\\\ud842\"]"); /* an escaped backslash */
    free(out);
    /* Nothing to do: no surrogate, or not JSON (YAML keeps its own rules). */
    assert_int_equal(join("{\"id\": \"\\u00e9\"}", &out, &bad), RAS_OK);
    assert_string_equal(out, "");
    free(out);
    assert_int_equal(join("id: 'C\\uD842\\uDFB7'\n", &out, &bad), RAS_OK);
    assert_string_equal(out, "");
    free(out);
    /* A lone half, either one, or the two the wrong way round. */
    assert_int_equal(join("{\"id\": \"C\\uD842\"}", &out, &bad), RAS_ERR_SYNTAX);
    assert_int_equal(bad, 9);
    free(out);
    assert_int_equal(join("{\"id\": \"\\uDFB7\\uD842\"}", &out, &bad), RAS_ERR_SYNTAX);
    assert_int_equal(bad, 8);
    free(out);
    assert_int_equal(join("{\"a\": \"ok\", \"b\": \"\\uD842x\"}", &out, &bad), RAS_ERR_SYNTAX);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integers_plain_digits_only),
        cmocka_unit_test(test_c1_controls_refused),
        cmocka_unit_test(test_text_faults_named),
        cmocka_unit_test(test_json_surrogate_pairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
