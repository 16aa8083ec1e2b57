/* test_lenient.c - money and dates as exports write them
 * (ras_money_parse_lenient, ras_date_parse_lenient; docs/exports.md):
 * every accepted form, and every refused one with its message word for
 * word; and the model's date order reaching a case's assessed_on. */
#include "support.h"

#include <string.h>

#define POUND "\xc2\xa3"

static void test_money_accepted(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        ras_pence pence;
    } ok[] = {
        {POUND "1,234.50", 123450},
        {"1,234.50", 123450},
        {"1234.5", 123450},
        {POUND "1234", 123400},
        {" 1234 ", 123400},
        {"\t" POUND " 1,234 ", 123400},
        {"0", 0},
        {"0.05", 5},
        {"999", 99900},
        {"1,000,000.00", 100000000},
        {POUND "30,340.97", 3034097},
        {"12,345,678", 1234567800},
        {"1000000000000.00", 100000000000000},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ras_pence v = -1;
        ras_error err;
        ras_error_clear(&err);
        if (ras_money_parse_lenient(ok[i].text, strlen(ok[i].text), &v, &err) != RAS_OK)
            fail_msg("'%s' refused: %s", ok[i].text, err.message);
        assert_int_equal(v, ok[i].pence);
    }
}

static void test_money_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "1.234,50",
        "$5",
        "12,34",
        "1,2345",
        "1234,567",
        "12.345",
        "1.",
        ".5",
        "-5",
        POUND "-5",
        "",
        "   ",
        POUND,
        "1 234",
        "1,234.",
        ",123",
        "1,,234",
        "EUR 5",
        "5" POUND,
        "\xa3"
        "5",
        "1234,50",
        "1,234.567",
        "12 pounds",
        "1e3",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ras_pence v = 7;
        ras_error err;
        ras_error_clear(&err);
        if (ras_money_parse_lenient(bad[i], strlen(bad[i]), &v, &err) != RAS_ERR_ARG)
            fail_msg("'%s' accepted", bad[i]);
        assert_int_equal(v, 7);
        assert_int_equal(err.status, RAS_ERR_ARG);
    }
    ras_pence v;
    ras_error err;
    assert_int_equal(ras_money_parse_lenient("1.234,50", 8, &v, &err), RAS_ERR_ARG);
    assert_string_equal(err.message,
                        "'1.234,50' is not an amount in pounds (like 1234.50, 1,234.50 or " POUND
                        "1,234.50)");
    assert_int_equal(ras_money_parse_lenient(" $5 ", 4, &v, &err), RAS_ERR_ARG);
    assert_string_equal(err.message,
                        "'$5' is not an amount in pounds (like 1234.50, 1,234.50 or " POUND
                        "1,234.50)");
    assert_int_equal(ras_money_parse_lenient("12,34", 5, &v, &err), RAS_ERR_ARG);
    assert_string_equal(err.message,
                        "'12,34' is not an amount in pounds (like 1234.50, 1,234.50 or " POUND
                        "1,234.50)");
    assert_int_equal(ras_money_parse_lenient("1,000,000,000,000.01", 20, &v, &err),
                     RAS_ERR_OVERFLOW);
    assert_string_equal(err.message, "'1,000,000,000,000.01' is too large an amount");
    static const char huge[] = "123456789012345678901234567890123456789012345";
    assert_int_equal(ras_money_parse_lenient(huge, strlen(huge), &v, &err), RAS_ERR_OVERFLOW);
    assert_int_equal(
        ras_money_parse_lenient("999,999,999,999,999,999,999,999,999,999", 39, &v, &err),
        RAS_ERR_OVERFLOW);
    assert_int_equal(ras_money_parse_lenient(NULL, 1, &v, NULL), RAS_ERR_ARG);
    assert_int_equal(ras_money_parse_lenient("1", 1, NULL, NULL), RAS_ERR_ARG);
}

static void test_dates_accepted(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        ras_date_order order;
        ras_date date;
    } ok[] = {
        {"2025-07-01", RAS_DATES_DMY, 20250701},
        {"01/07/2025", RAS_DATES_DMY, 20250701},
        {"1/7/2025", RAS_DATES_DMY, 20250701},
        {" 28/09/2025 ", RAS_DATES_DMY, 20250928},
        {"01/07/2025 00:00", RAS_DATES_DMY, 20250701},
        {"2025-07-01T00:00:00", RAS_DATES_DMY, 20250701},
        {"2025-07-01 23:59:59.997", RAS_DATES_DMY, 20250701},
        {"2025-07-01T10:30:00Z", RAS_DATES_DMY, 20250701},
        {"29/02/2024", RAS_DATES_DMY, 20240229},
        {"07/01/2025", RAS_DATES_MDY, 20250701},
        {"7/1/2025 12:00:00 AM", RAS_DATES_MDY, 20250701},
        {"9/28/2025 3:15 pm", RAS_DATES_MDY, 20250928},
        {"2025-07-01", RAS_DATES_MDY, 20250701},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ras_date d = 0;
        ras_error err;
        ras_error_clear(&err);
        if (ras_date_parse_lenient(ok[i].text, strlen(ok[i].text), ok[i].order, &d, &err) != RAS_OK)
            fail_msg("'%s' refused: %s", ok[i].text, err.message);
        assert_int_equal(d, ok[i].date);
    }
}

static void expect_date_error(const char *text, ras_date_order order, const char *message)
{
    ras_date d = 7;
    ras_error err;
    ras_error_clear(&err);
    if (ras_date_parse_lenient(text, strlen(text), order, &d, &err) != RAS_ERR_ARG)
        fail_msg("'%s' accepted", text);
    assert_int_equal(d, 7);
    assert_string_equal(err.message, message);
}

static void test_dates_refused(void **state)
{
    (void)state;
    const ras_date_order dmy = RAS_DATES_DMY, mdy = RAS_DATES_MDY;
    expect_date_error("01/07/25", dmy,
                      "'01/07/25' has a two-digit year (write the year in full, like 01/07/2025)");
    expect_date_error("7/1/25", mdy,
                      "'7/1/25' has a two-digit year (write the year in full, like 07/01/2025)");
    expect_date_error("1/7/25 00:00", dmy,
                      "'1/7/25 00:00' has a two-digit year (write the year in full, like "
                      "01/07/2025)");
    expect_date_error("31/02/2025", dmy,
                      "'31/02/2025' is not a day that exists (day 31, month 2, year 2025)");
    expect_date_error("29/02/2025", dmy,
                      "'29/02/2025' is not a day that exists (day 29, month 2, year 2025)");
    expect_date_error("09/28/2025", dmy,
                      "'09/28/2025' is not a day that exists (day 9, month 28, year 2025)");
    expect_date_error("28/09/2025", mdy,
                      "'28/09/2025' is not a day that exists (day 9, month 28, year 2025)");
    expect_date_error("2025-13-01", dmy,
                      "'2025-13-01' is not a day that exists (day 1, month 13, year 2025)");
    expect_date_error("00/07/2025", dmy,
                      "'00/07/2025' is not a day that exists (day 0, month 7, year 2025)");
    static const char *const forms[] = {
        "2025/07/01",
        "01.07.2025",
        "01-07-2025",
        "1 July 2025",
        "01/07/02025",
        "001/07/2025",
        "01/07/2025 foo",
        "01/07/2025 25:00",
        "01/07/2025 13:00 PM",
        "01/07/2025T",
        "2025-07-01 0:60",
        "2025-7-1",
        "20250701",
        "",
        "  ",
        "01/07/2025  00:00",
        "2025-07-01T00:00:00+01:00",
        "01/07/",
        "01/07/2025 12",
        "2025-07-01 00:00:61",
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        ras_date d = 7;
        ras_error err;
        if (ras_date_parse_lenient(forms[i], strlen(forms[i]), dmy, &d, &err) != RAS_ERR_ARG)
            fail_msg("'%s' accepted", forms[i]);
        assert_int_equal(d, 7);
    }
    expect_date_error("2025/07/01", dmy,
                      "'2025/07/01' is not a date (like 2025-07-01 or 01/07/2025, day first)");
    expect_date_error("01.07.2025", mdy,
                      "'01.07.2025' is not a date (like 2025-07-01 or 07/01/2025, month first)");
    expect_date_error("01/07/2025 foo", dmy,
                      "'01/07/2025 foo' is not a date (like 2025-07-01 or 01/07/2025, day first)");
    ras_date d;
    assert_int_equal(ras_date_parse_lenient(NULL, 3, dmy, &d, NULL), RAS_ERR_ARG);
    assert_int_equal(ras_date_parse_lenient("2025-07-01", 10, dmy, NULL, NULL), RAS_ERR_ARG);
}

/* The model's order reaches a case: --dates mdy sets it. */
static void test_model_date_order(void **state)
{
    (void)state;
    static const char q[] = "questionnaire: t\nversion: '1'\ntitle: T\ndomains:\n"
                            "  - {id: d, title: D, questions: [{id: q, text: Q, "
                            "answers: [{id: a, text: A, points: 1}]}]}\n";
    static const char t[] = "scoring: s\nversion: '1'\nquestionnaire: t\n"
                            "groups: {default: {bands: [{from: 0, rate: 1}]}}\n";
    ras_model *m = test_model(q, t);
    assert_int_equal(ras_model_date_order(m), RAS_DATES_DMY);
    ras_case *c = ras_case_new(m);
    assert_non_null(c);
    ras_error err;
    ras_result *r = ras_result_new(m);
    assert_non_null(r);
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_CLIENT_ID, "C1", 2, &err), RAS_OK);
    assert_int_equal(ras_case_set_answer(c, ras_model_question(m, 0), "a", 1, &err), RAS_OK);
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_ASSESSED_ON, "01/07/2025", 10, &err), RAS_OK);
    ras_model_set_date_order(m, RAS_DATES_MDY);
    assert_int_equal(ras_model_date_order(m), RAS_DATES_MDY);
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_ASSESSED_ON, "28/09/2025", 10, &err),
                     RAS_ERR_CASE);
    assert_string_equal(err.subject, "assessed_on");
    assert_string_equal(err.message,
                        "'28/09/2025' is not a day that exists (day 9, month 28, year 2025)");
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_ASSESSED_ON, "09/28/2025", 10, &err), RAS_OK);
    assert_int_equal(ras_score(m, c, r, &err), RAS_OK);
    ras_model_set_date_order(m, (ras_date_order)9); /* ignored */
    assert_int_equal(ras_model_date_order(m), RAS_DATES_MDY);
    assert_int_equal(ras_model_date_order(NULL), RAS_DATES_DMY);
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money_accepted),   cmocka_unit_test(test_money_refused),
        cmocka_unit_test(test_dates_accepted),   cmocka_unit_test(test_dates_refused),
        cmocka_unit_test(test_model_date_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
