/* test_money.c - money, dates, whole numbers, percentages and the
 * half-up rounding every amount goes through. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "model.h"
#include "num.h"

static ras_status money(const char *text, ras_pence *out)
{
    return ras_money_parse(text, strlen(text), out);
}

static void test_money_parse_good(void **state)
{
    (void)state;
    ras_pence p = -1;
    assert_int_equal(money("7800", &p), RAS_OK);
    assert_int_equal(p, 780000);
    assert_int_equal(money("7800.5", &p), RAS_OK);
    assert_int_equal(p, 780050); /* one decimal is tenths of a pound */
    assert_int_equal(money("7800.05", &p), RAS_OK);
    assert_int_equal(p, 780005);
    assert_int_equal(money("0", &p), RAS_OK);
    assert_int_equal(p, 0);
    assert_int_equal(money("0.01", &p), RAS_OK);
    assert_int_equal(p, 1);
    assert_int_equal(money("007.10", &p), RAS_OK);
    assert_int_equal(p, 710);
    /* The largest amount: one trillion pounds exactly. */
    assert_int_equal(money("1000000000000", &p), RAS_OK);
    assert_int_equal(p, RAS_MAX_PENCE);
    assert_int_equal(money("1000000000000.00", &p), RAS_OK);
    /* Only len bytes are read. */
    assert_int_equal(ras_money_parse("12.34xyz", 5, &p), RAS_OK);
    assert_int_equal(p, 1234);
}

static void test_money_parse_bad(void **state)
{
    (void)state;
    static const char *const bad[] = {"",   ".",    ".50",  "5.",    "5.123", "-5",
                                      "+5", " 5",   "5 ",   "5,000", "1e3",   "5.0.0",
                                      "£5", "5.-1", "0x10", "5.5a",  "abc",   "5..0"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ras_pence p = 42;
        if (money(bad[i], &p) != RAS_ERR_ARG)
            fail_msg("'%s' should be rejected as bad text", bad[i]);
        assert_int_equal(p, 42); /* untouched on failure */
    }
    assert_int_equal(ras_money_parse(NULL, 0, NULL), RAS_ERR_ARG);
}

static void test_money_parse_overflow(void **state)
{
    (void)state;
    ras_pence p = 42;
    assert_int_equal(money("1000000000000.01", &p), RAS_ERR_OVERFLOW);
    assert_int_equal(money("1000000000001", &p), RAS_ERR_OVERFLOW);
    assert_int_equal(money("99999999999999999999999999", &p), RAS_ERR_OVERFLOW);
    assert_int_equal(money("99999999999999999999999999.99", &p), RAS_ERR_OVERFLOW);
    /* Bad text wins over size: it is not a number at all. */
    assert_int_equal(money("99999999999999999999999999x", &p), RAS_ERR_ARG);
    assert_int_equal(p, 42);
}

static void check_format(ras_pence amount, ras_money_style style, const char *cur, const char *want)
{
    char buf[64];
    size_t n = ras_money_format(amount, style, cur, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void test_money_format(void **state)
{
    (void)state;
    check_format(1234567, RAS_MONEY_PLAIN, NULL, "12345.67");
    check_format(-1200, RAS_MONEY_PLAIN, NULL, "-12.00");
    check_format(0, RAS_MONEY_PLAIN, NULL, "0.00");
    check_format(5, RAS_MONEY_PLAIN, NULL, "0.05");
    check_format(1234567, RAS_MONEY_HUMAN, NULL,
                 "\xc2\xa3"
                 "12,345.67");
    check_format(1234567, RAS_MONEY_HUMAN, "GBP",
                 "\xc2\xa3"
                 "12,345.67");
    check_format(-500, RAS_MONEY_HUMAN, "GBP",
                 "-\xc2\xa3"
                 "5.00");
    check_format(100, RAS_MONEY_HUMAN, "EUR",
                 "\xe2\x82\xac"
                 "1.00");
    check_format(99999, RAS_MONEY_HUMAN, "USD", "$999.99");
    check_format(100000, RAS_MONEY_HUMAN, "USD", "$1,000.00");
    check_format(1234567, RAS_MONEY_HUMAN, "CHF", "CHF 12,345.67");
    check_format(-100, RAS_MONEY_HUMAN, "CHF", "-CHF 1.00");
    check_format(123456789012, RAS_MONEY_HUMAN, "GBP",
                 "\xc2\xa3"
                 "1,234,567,890.12");
    check_format(INT64_MAX, RAS_MONEY_PLAIN, NULL, "92233720368547758.07");
    check_format(INT64_MIN, RAS_MONEY_PLAIN, NULL, "-92233720368547758.08");
}

static void test_money_format_truncates(void **state)
{
    (void)state;
    char buf[5] = "xxxx";
    /* Like snprintf: the full length back, the text cut and terminated. */
    assert_int_equal(ras_money_format(1234567, RAS_MONEY_PLAIN, NULL, buf, sizeof buf), 8);
    assert_string_equal(buf, "1234");
    assert_int_equal(ras_money_format(1234567, RAS_MONEY_PLAIN, NULL, NULL, 0), 8);
}

static void test_money_round_trip(void **state)
{
    (void)state;
    static const ras_pence amounts[] = {0, 1, 10, 99, 100, 101, 123456, RAS_MAX_PENCE};
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        char buf[64];
        size_t n = ras_money_format(amounts[i], RAS_MONEY_PLAIN, NULL, buf, sizeof buf);
        ras_pence back = -1;
        assert_int_equal(ras_money_parse(buf, n, &back), RAS_OK);
        assert_int_equal(back, amounts[i]);
    }
}

static ras_status date(const char *text, ras_date *out)
{
    return ras_date_parse(text, strlen(text), out);
}

static void test_date_parse(void **state)
{
    (void)state;
    ras_date d = 0;
    assert_int_equal(date("2010-04-01", &d), RAS_OK);
    assert_int_equal(d, 20100401);
    assert_int_equal(date("2012-02-29", &d), RAS_OK); /* leap year */
    assert_int_equal(d, 20120229);
    assert_int_equal(date("2000-02-29", &d), RAS_OK); /* divisible by 400 */
    assert_int_equal(date("1900-01-01", &d), RAS_OK);
    assert_int_equal(date("9999-12-31", &d), RAS_OK);
    assert_int_equal(d, 99991231);
    d = 7;
    static const char *const bad[] = {
        "2011-02-29",  "1900-02-29",  "2010-04-31", "2010-13-01", "2010-00-10",
        "2010-01-00",  "1899-12-31",  "2010-4-01",  "2010/04/01", "20100401",
        "2010-04-01T", " 2010-04-01", "2010-04-0a", "+010-04-01", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (date(bad[i], &d) != RAS_ERR_ARG)
            fail_msg("'%s' should not be a date", bad[i]);
    assert_int_equal(d, 7);
}

static void test_date_format(void **state)
{
    (void)state;
    char buf[11];
    ras_date_format(20100401, buf);
    assert_string_equal(buf, "2010-04-01");
    ras_date_format(99991231, buf);
    assert_string_equal(buf, "9999-12-31");
    ras_date_format(0, buf);
    assert_string_equal(buf, "0000-00-00");
}

static void test_int_parse(void **state)
{
    (void)state;
    int64_t v = 0;
    assert_int_equal(ras_int_parse("42", 2, &v), RAS_OK);
    assert_int_equal(v, 42);
    assert_int_equal(ras_int_parse("-42", 3, &v), RAS_OK);
    assert_int_equal(v, -42);
    assert_int_equal(ras_int_parse("+7", 2, &v), RAS_OK);
    assert_int_equal(v, 7);
    assert_int_equal(ras_int_parse("9223372036854775807", 19, &v), RAS_OK);
    assert_true(v == INT64_MAX);
    assert_int_equal(ras_int_parse("-9223372036854775808", 20, &v), RAS_OK);
    assert_true(v == INT64_MIN);
    v = 5;
    assert_int_equal(ras_int_parse("9223372036854775808", 19, &v), RAS_ERR_OVERFLOW);
    assert_int_equal(ras_int_parse("-9223372036854775809", 20, &v), RAS_ERR_OVERFLOW);
    assert_int_equal(ras_int_parse("", 0, &v), RAS_ERR_ARG);
    assert_int_equal(ras_int_parse("-", 1, &v), RAS_ERR_ARG);
    assert_int_equal(ras_int_parse("1.5", 3, &v), RAS_ERR_ARG);
    assert_int_equal(ras_int_parse("1 ", 2, &v), RAS_ERR_ARG);
    assert_int_equal(ras_int_parse("--1", 3, &v), RAS_ERR_ARG);
    assert_int_equal(ras_int_parse("99999999999999999999x", 21, &v), RAS_ERR_ARG);
    assert_int_equal(v, 5);
}

static ras_status percent(const char *text, int32_t *out)
{
    return ras_percent_parse(text, strlen(text), out);
}

static void test_percent_parse(void **state)
{
    (void)state;
    int32_t h = 0;
    assert_int_equal(percent("-12.5%", &h), RAS_OK);
    assert_int_equal(h, -1250);
    assert_int_equal(percent("+10%", &h), RAS_OK);
    assert_int_equal(h, 1000);
    assert_int_equal(percent("25%", &h), RAS_OK);
    assert_int_equal(h, 2500);
    assert_int_equal(percent("0.01%", &h), RAS_OK);
    assert_int_equal(h, 1);
    assert_int_equal(percent("-100%", &h), RAS_OK);
    assert_int_equal(h, -10000);
    assert_int_equal(percent("1000%", &h), RAS_OK);
    assert_int_equal(h, 100000);
    assert_int_equal(percent("-1000.00%", &h), RAS_OK);
    assert_int_equal(h, -100000);
    h = 9;
    assert_int_equal(percent("1000.01%", &h), RAS_ERR_OVERFLOW);
    assert_int_equal(percent("99999999999999999999999%", &h), RAS_ERR_OVERFLOW);
    static const char *const bad[] = {"10",   "%",    "-%",   "10.%", ".5%", "10.555%",
                                      "10 %", "1,0%", "10%%", "ten%", "",    "- 5%"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (percent(bad[i], &h) != RAS_ERR_ARG)
            fail_msg("'%s' should not be a percentage", bad[i]);
    assert_int_equal(h, 9);
}

static void test_percent_format(void **state)
{
    (void)state;
    char buf[16];
    ras_percent_format(-1000, buf);
    assert_string_equal(buf, "-10.00%");
    ras_percent_format(1250, buf);
    assert_string_equal(buf, "12.50%");
    ras_percent_format(0, buf);
    assert_string_equal(buf, "0.00%");
    ras_percent_format(-5, buf);
    assert_string_equal(buf, "-0.05%");
    ras_percent_format(INT32_MIN, buf);
    assert_string_equal(buf, "-21474836.48%");
}

static void test_checked_arithmetic(void **state)
{
    (void)state;
    int64_t v = 11;
    assert_true(ras_add_i64(INT64_MAX - 1, 1, &v));
    assert_true(v == INT64_MAX);
    v = 11;
    assert_false(ras_add_i64(INT64_MAX, 1, &v));
    assert_false(ras_add_i64(INT64_MIN, -1, &v));
    assert_int_equal(v, 11);
    assert_true(ras_add_i64(INT64_MIN, INT64_MAX, &v));
    assert_int_equal(v, -1);

    assert_true(ras_mul_i64(3037000499LL, 3037000499LL, &v)); /* just under 2^63 */
    assert_false(ras_mul_i64(3037000500LL, 3037000500LL, &v));
    assert_false(ras_mul_i64(INT64_MIN, -1, &v));
    assert_false(ras_mul_i64(-1, INT64_MIN, &v));
    assert_true(ras_mul_i64(INT64_MIN, 1, &v));
    assert_true(v == INT64_MIN);
    assert_false(ras_mul_i64(INT64_MAX / 2 + 1, 2, &v));
    assert_false(ras_mul_i64(INT64_MAX / 2 + 2, -2, &v));
    assert_true(ras_mul_i64(INT64_MAX / 2 + 1, -2, &v)); /* exactly INT64_MIN */
    assert_true(v == INT64_MIN);
    assert_true(ras_mul_i64(INT64_MIN / 2, 2, &v));
    assert_true(v == INT64_MIN);
    assert_true(ras_mul_i64(0, INT64_MIN, &v));
    assert_int_equal(v, 0);
    assert_true(ras_mul_i64(-4, -5, &v));
    assert_int_equal(v, 20);
}

static void test_div_round_half_up(void **state)
{
    (void)state;
    /* x.4999, x.5, x.5001 in pence arithmetic: 10000ths of a penny. */
    assert_int_equal(ras_div_round_half_up(124999, 10000), 12); /* 12.4999 -> 12 */
    assert_int_equal(ras_div_round_half_up(125000, 10000), 13); /* 12.5    -> 13 */
    assert_int_equal(ras_div_round_half_up(125001, 10000), 13); /* 12.5001 -> 13 */
    assert_int_equal(ras_div_round_half_up(0, 10000), 0);
    assert_int_equal(ras_div_round_half_up(4999, 10000), 0);
    assert_int_equal(ras_div_round_half_up(5000, 10000), 1);
    /* Odd divisors have no exact half: 7 / 3 = 2.33 -> 2, 8 / 3 = 2.67 -> 3. */
    assert_int_equal(ras_div_round_half_up(7, 3), 2);
    assert_int_equal(ras_div_round_half_up(8, 3), 3);
    /* Largest values: no overflow inside. */
    assert_true(ras_div_round_half_up(INT64_MAX, 1) == INT64_MAX);
    assert_true(ras_div_round_half_up(INT64_MAX, INT64_MAX) == 1);
    assert_true(ras_div_round_half_up(INT64_MAX / 2, INT64_MAX) == 0); /* just under a half */
    assert_true(ras_div_round_half_up(INT64_MAX / 2 + 1, INT64_MAX) == 1);
    /* Negatives round half toward +infinity: -2.5 -> -2, -2.51 -> -3. */
    assert_int_equal(ras_div_round_half_up(-25, 10), -2);
    assert_int_equal(ras_div_round_half_up(-251, 100), -3);
    assert_int_equal(ras_div_round_half_up(-249, 100), -2);
}

static void test_round_to_pound(void **state)
{
    (void)state;
    ras_pence v = 0;
    assert_true(ras_round_to_pound(1049, &v)); /* £10.49 -> £10 */
    assert_int_equal(v, 1000);
    assert_true(ras_round_to_pound(1050, &v)); /* £10.50 -> £11 */
    assert_int_equal(v, 1100);
    assert_true(ras_round_to_pound(1051, &v)); /* £10.51 -> £11 */
    assert_int_equal(v, 1100);
    assert_true(ras_round_to_pound(1000, &v));
    assert_int_equal(v, 1000);
    assert_true(ras_round_to_pound(49, &v));
    assert_int_equal(v, 0);
    assert_true(ras_round_to_pound(50, &v));
    assert_int_equal(v, 100);
    assert_true(ras_round_to_pound(-1050, &v)); /* by size: -£10.50 -> -£11 */
    assert_int_equal(v, -1100);
    /* INT64_MAX ends in 07 pence, so it rounds down and fits. */
    assert_true(ras_round_to_pound(INT64_MAX, &v));
    assert_true(v == INT64_MAX - 7);
    v = 3;
    assert_false(ras_round_to_pound(INT64_MIN, &v)); /* no positive twin */
    assert_int_equal(v, 3);
}

static void test_weekly_division(void **state)
{
    (void)state;
    /* £10,000.00 / 52 = 19230.769... pence -> £192.31 */
    assert_int_equal(ras_div_round_half_up(1000000, 52), 19231);
    /* £13.00 / 52 = 25 pence exactly */
    assert_int_equal(ras_div_round_half_up(1300, 52), 25);
    /* 1326 / 52 = 25.5 exactly -> 26 (half up) */
    assert_int_equal(ras_div_round_half_up(1326, 52), 26);
    /* 1325 / 52 = 25.48 -> 25; 1327 / 52 = 25.52 -> 26 */
    assert_int_equal(ras_div_round_half_up(1325, 52), 25);
    assert_int_equal(ras_div_round_half_up(1327, 52), 26);
}

static void test_batch_mean(void **state)
{
    (void)state;
    ras_batch_summary s;
    memset(&s, 0, sizeof s);
    assert_int_equal(ras_batch_mean(&s), 0); /* no ok rows */
    assert_int_equal(ras_batch_mean(NULL), 0);
    s.ok = 2;
    s.total = 101; /* 50.5p -> 51p */
    assert_int_equal(ras_batch_mean(&s), 51);
    s.ok = 3;
    s.total = 100; /* 33.33p -> 33p */
    assert_int_equal(ras_batch_mean(&s), 33);
    s.total = 200; /* 66.67p -> 67p */
    assert_int_equal(ras_batch_mean(&s), 67);
}

/* Runs a JSON writer into a memory buffer and compares. */
static void check_json_string(const char *in, const char *want)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    assert_non_null(f);
    ras_json_string(f, in);
    fclose(f);
    assert_string_equal(text, want);
    free(text);
}

static void test_json(void **state)
{
    (void)state;
    check_json_string("plain", "\"plain\"");
    check_json_string("a\"b\\c", "\"a\\\"b\\\\c\"");
    check_json_string("l1\nl2\t\r\b\f", "\"l1\\nl2\\t\\r\\b\\f\"");
    check_json_string("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
    check_json_string("\xc2\xa3"
                      "5",
                      "\"\xc2\xa3"
                      "5\"");
    check_json_string(NULL, "null");

    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    assert_non_null(f);
    ras_json_money(f, 1234567);
    fputc(' ', f);
    ras_json_money(f, -5);
    fclose(f);
    assert_string_equal(text, "\"12345.67\" \"-0.05\"");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money_parse_good),
        cmocka_unit_test(test_money_parse_bad),
        cmocka_unit_test(test_money_parse_overflow),
        cmocka_unit_test(test_money_format),
        cmocka_unit_test(test_money_format_truncates),
        cmocka_unit_test(test_money_round_trip),
        cmocka_unit_test(test_date_parse),
        cmocka_unit_test(test_date_format),
        cmocka_unit_test(test_int_parse),
        cmocka_unit_test(test_percent_parse),
        cmocka_unit_test(test_percent_format),
        cmocka_unit_test(test_checked_arithmetic),
        cmocka_unit_test(test_div_round_half_up),
        cmocka_unit_test(test_round_to_pound),
        cmocka_unit_test(test_weekly_division),
        cmocka_unit_test(test_batch_mean),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
