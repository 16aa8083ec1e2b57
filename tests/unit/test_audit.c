/* test_audit.c - ras_audit on a model with two scoring tables: the rows
 * listed (different, in error, priced by an older table), the tolerance,
 * the summary and its JSON, and the fatal header errors. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char questionnaire[] = "questionnaire: t\n"
                                    "version: \"1\"\n"
                                    "title: T\n"
                                    "domains:\n"
                                    "  - id: care\n"
                                    "    title: Care\n"
                                    "    questions:\n"
                                    "      - id: washing\n"
                                    "        text: Washing?\n"
                                    "        answers:\n"
                                    "          - {id: none, text: None, points: 0}\n"
                                    "          - {id: some, text: Some, points: 4}\n"
                                    "          - {id: all, text: All, points: 8}\n"
                                    "      - id: nights\n"
                                    "        type: number\n"
                                    "        required: false\n"
                                    "        text: Nights?\n"
                                    "        min: 0\n"
                                    "        max: 7\n"
                                    "        points_per_unit: 3\n";

static const char table_2020[] = "scoring: a\n"
                                 "version: \"1\"\n"
                                 "questionnaire: t\n"
                                 "effective_from: 2020-01-01\n"
                                 "threshold: 4\n"
                                 "groups:\n"
                                 "  default:\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 100.00}\n";

static const char table_2021[] = "scoring: b\n"
                                 "version: \"2, final\"\n"
                                 "questionnaire: t\n"
                                 "effective_from: 2021-01-01\n"
                                 "groups:\n"
                                 "  default:\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 200.00}\n";

/* R1 b: 4 x 200.00 = 800.00, as recorded. R2 a: 4 x 100.00 = 400.00, as
 * recorded (older table). R3 a: (8 + 3) x 100.00 = 1100.00 against
 * 1000.00 (older). R4 b (no date: the latest): 8 x 200.00 = 1600.00
 * against 1599.60. R5 to "R,8": errors of every kind. */
static const char past[] = "client_id,assessed_on,washing,nights,recorded_budget,notes\n"
                           "R1,2021-03-01,some,,800.00,x\n"
                           "R2,2020-06-01,some,,400.00,\n"
                           "R3,2020-06-01,all,1,1000.00,\n"
                           "R4,,all,,1599.60,\n"
                           "R5,2019-01-01,some,,100.00,\n"
                           "R6,2021-01-01,often,,100.00,\n"
                           "R7,2021-01-01,some,,,\n"
                           "\"R,8\",2021-01-01,some,,-5,\n";

static ras_model *load_model(void)
{
    ras_source q = {"questionnaire.yaml", questionnaire, strlen(questionnaire)};
    ras_source t[2] = {{"scoring-2021.yaml", table_2021, strlen(table_2021)},
                       {"scoring-2020.yaml", table_2020, strlen(table_2020)}};
    ras_model *m = NULL;
    ras_error err;
    ras_error_clear(&err);
    if (ras_model_load(&q, t, 2, &m, &err) != RAS_OK)
        fail_msg("model: %s", err.message);
    return m;
}

/* The ignored column, and the one undated row (R4) priced by the latest. */
static void count_warning(void *ctx, const ras_error *w)
{
    if (strcmp(w->subject, "assessed_on") == 0)
        assert_string_equal(w->message, "1 row with no assessed_on: priced by the latest "
                                        "scoring table, b@2, final (scoring-2021.yaml)");
    else
        assert_string_equal(w->subject, "notes");
    ++*(unsigned *)ctx;
}

/* Runs the audit over csv; returns the output CSV (free it). */
static char *audit_text(const ras_model *m, const char *csv, ras_pence tolerance,
                        ras_audit_summary *s, ras_status *st, ras_error *err)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "r");
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    unsigned warnings = 0;
    ras_error_clear(err);
    *st = ras_audit(m, in, "past.csv", NULL, out, tolerance, 0, s, count_warning, &warnings, err);
    fclose(in);
    fclose(out);
    if (*st == RAS_OK)
        assert_int_equal(warnings, strstr(csv, "R4,,") ? 2 : 1);
    return text;
}

static void test_rows_listed(void **state)
{
    (void)state;
    ras_model *m = load_model();
    ras_audit_summary s;
    ras_status st;
    ras_error err;
    char *text = audit_text(m, past, 0, &s, &st, &err);
    assert_int_equal(st, RAS_OK);
    assert_string_equal(
        text,
        "client_id,recorded,recomputed,difference,basis,questionnaire,scoring,table,reason\n"
        "R3,1000.00,1100.00,100.00,ras,t@1,a@1,older,recorded £100.00 less than recomputed\n"
        "R4,1599.60,1600.00,0.40,ras,t@1,\"b@2, final\",current,recorded £0.40 less than "
        "recomputed\n"
        "R5,100.00,,,,,,,\"line 6: assessed_on 2019-01-01 is before every scoring table (the "
        "first, 'a', takes effect on 2020-01-01)\"\n"
        "R6,100.00,,,,,,,\"line 7, column 'washing': unknown answer 'often' (expected none, "
        "some or all)\"\n"
        "R7,,800.00,,ras,t@1,\"b@2, final\",current,\"line 8, column 'recorded_budget': blank "
        "(expected the budget recorded, in "
        "pounds)\"\n"
        "\"R,8\",,800.00,,ras,t@1,\"b@2, final\",current,\"line 9, column 'recorded_budget': "
        "'-5' is not an amount in pounds "
        "(like 1234.50, 1,234.50 or \xc2\xa3"
        "1,234.50)\"\n");
    assert_int_equal(s.rows, 8);
    assert_int_equal(s.consistent, 2);
    assert_int_equal(s.different, 2);
    assert_int_equal(s.errors, 4);
    assert_int_equal(s.older, 2);
    assert_int_equal(s.total_difference, 10040);
    assert_int_equal(s.under, 2);
    assert_int_equal(s.under_total, 10040);
    assert_int_equal(s.over, 0);
    assert_int_equal(s.over_total, 0);
    assert_int_equal(s.undated, 1);
    assert_int_equal(s.n_tables_used, 2);
    assert_string_equal(ras_table_id(s.tables_used[0].table), "a");
    assert_int_equal(s.tables_used[0].rows, 2);
    /* R7 and "R,8" were re-scored, though their recorded budget is bad */
    assert_string_equal(ras_table_id(s.tables_used[1].table), "b");
    assert_int_equal(s.tables_used[1].rows, 4);
    free(text);
    ras_model_free(m);
}

/* A difference at most the tolerance is consistent; one above is not. */
static void test_tolerance(void **state)
{
    (void)state;
    ras_model *m = load_model();
    ras_audit_summary s;
    ras_status st;
    ras_error err;
    char *text = audit_text(m, past, 39, &s, &st, &err);
    assert_non_null(strstr(text, "\nR4,")); /* 0.40 is more than 0.39 ... */
    assert_int_equal(s.consistent, 2);
    assert_int_equal(s.different, 2);
    free(text);
    text = audit_text(m, past, 40, &s, &st, &err);
    assert_null(strstr(text, "\nR4,")); /* ... but not more than 0.40 */
    assert_non_null(strstr(text, "\nR3,"));
    assert_int_equal(s.consistent, 3);
    assert_int_equal(s.different, 1);
    assert_int_equal(s.total_difference, 10000);
    free(text);
    ras_model_free(m);
}

static void test_identical(void **state)
{
    (void)state;
    ras_model *m = load_model();
    ras_audit_summary s;
    ras_status st;
    ras_error err;
    char *text = audit_text(m,
                            "client_id,assessed_on,washing,recorded_budget,notes\n"
                            "R1,2021-03-01,some,800,\n"
                            "R2,2020-06-01,some,400.00,\n",
                            0, &s, &st, &err);
    assert_int_equal(st, RAS_OK);
    assert_string_equal(
        text,
        "client_id,recorded,recomputed,difference,basis,questionnaire,scoring,table,reason\n");
    assert_int_equal(s.consistent, 2);
    assert_int_equal(s.different + s.errors, 0);
    assert_int_equal(s.total_difference, 0);
    free(text);
    ras_model_free(m);
}

static void test_json_summary(void **state)
{
    (void)state;
    ras_model *m = load_model();
    ras_audit_summary s;
    ras_status st;
    ras_error err;
    free(audit_text(m, past, 50, &s, &st, &err));
    char *json = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&json, &size);
    assert_int_equal(ras_audit_summary_write_json(m, &s, NULL, "past.csv", out), RAS_OK);
    fclose(out);
    assert_non_null(strstr(json, "\"rows\": 8,\n  \"consistent\": 3,\n  \"different\": 1,\n"
                                 "  \"errors\": 4,\n  \"older_table_rows\": 2,\n"
                                 "  \"undated_rows\": 1,\n  \"dates_required\": false,\n"
                                 "  \"total_difference\": \"100.00\",\n"
                                 "  \"over_payments\": {\"rows\": 0, \"total\": \"0.00\"},\n"
                                 "  \"under_payments\": {\"rows\": 1, \"total\": \"100.00\"},\n"
                                 "  \"tolerance\": \"0.50\""));
    assert_non_null(strstr(json, "\"scoring\": \"a\", \"version\": \"1\", \"file\": "
                                 "\"scoring-2020.yaml\", \"sha256\": \""));
    assert_non_null(strstr(json, "\"rows\": 2, \"table\": \"older\"}"));
    assert_non_null(strstr(json, "\"rows\": 4, \"table\": \"current\"}"));
    free(json);
    ras_model_free(m);
}

/* Over- and under-payments apart, and the net. Table b, 200.00 a point:
 * O1 some 4 x 200.00 = 800.00 against 900.00: recorded 100.00 more (an
 * over-payment). O2 all 8 x 200.00 = 1600.00 against 1500.50: 99.50 less
 * (an under-payment). O3 undated: the latest table, b: 800.00 = recorded.
 * Over 100.00 (1 row), under 99.50 (1 row), net -0.50. With dates required
 * O3 is an error instead and the figures stand. */
static void test_directions(void **state)
{
    (void)state;
    ras_model *m = load_model();
    static const char csv[] = "client_id,assessed_on,washing,recorded_budget\n"
                              "O1,2021-02-01,some,900.00\n"
                              "O2,2021-02-01,all,1500.50\n"
                              "O3,,some,800\n";
    for (unsigned flags = 0; flags <= RAS_AUDIT_REQUIRE_DATES; flags++) {
        FILE *in = fmemopen((void *)csv, strlen(csv), "r");
        char *text = NULL;
        size_t size = 0;
        FILE *out = open_memstream(&text, &size);
        ras_audit_summary s;
        ras_error err;
        assert_int_equal(ras_audit(m, in, "p.csv", NULL, out, 0, flags, &s, NULL, NULL, &err),
                         RAS_OK);
        fclose(in);
        fclose(out);
        assert_int_equal(s.over, 1);
        assert_int_equal(s.over_total, 10000);
        assert_int_equal(s.under, 1);
        assert_int_equal(s.under_total, 9950);
        assert_int_equal(s.total_difference, -50);
        assert_int_equal(s.undated, 1);
        assert_int_equal(s.consistent, flags ? 0 : 1);
        assert_int_equal(s.errors, flags ? 1 : 0);
        assert_true(s.dates_required == (flags != 0));
        assert_int_equal(strlen(s.input_sha256), 64);
        assert_non_null(strstr(text, "O1,900.00,800.00,-100.00,ras,t@1,\"b@2, final\",current,"
                                     "recorded £100.00 more than recomputed\n"));
        assert_true(flags == 0 || strstr(text, "O3,800.00,,,,,,,\"line 4: no assessed_on date, "
                                               "and dates are required"));
        free(text);
    }
    ras_model_free(m);
}

static void test_fatal_header(void **state)
{
    (void)state;
    ras_model *m = load_model();
    ras_audit_summary s;
    ras_status st;
    ras_error err;
    free(audit_text(m, "client_id,washing\nR1,some\n", 0, &s, &st, &err));
    assert_int_equal(st, RAS_ERR_SYNTAX);
    assert_string_equal(err.subject, "recorded_budget");
    assert_int_equal(err.line, 1);
    assert_string_equal(err.message, "the header has no recorded_budget column (the budget "
                                     "recorded for each case, in pounds)");
    free(audit_text(m, "washing,recorded_budget\nsome,1\n", 0, &s, &st, &err));
    assert_int_equal(st, RAS_ERR_SYNTAX);
    assert_string_equal(err.subject, "client_id");
    free(audit_text(m, "", 0, &s, &st, &err));
    assert_int_equal(st, RAS_ERR_SYNTAX);
    assert_string_equal(err.message, "the file is empty (expected a header row naming "
                                     "client_id, recorded_budget and the questions)");
    free(audit_text(m, "client_id,recorded_budget,recorded_budget\n", 0, &s, &st, &err));
    assert_int_equal(st, RAS_ERR_SYNTAX);
    assert_non_null(strstr(err.message, "appears twice"));
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_listed),  cmocka_unit_test(test_tolerance),
        cmocka_unit_test(test_identical),    cmocka_unit_test(test_json_summary),
        cmocka_unit_test(test_fatal_header), cmocka_unit_test(test_directions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
