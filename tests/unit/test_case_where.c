/* test_case_where.c - a scoring error found after a case file is read
 * (unknown group, a date before every table, a required answer left out)
 * points at the place in that file: ras_score fills file, line and
 * column from what ras_case_load recorded. */
#include "support.h"

#include <string.h>

static const char questionnaire[] = "questionnaire: where\n"
                                    "version: '1'\n"
                                    "title: Where\n"
                                    "domains:\n"
                                    "  - id: care\n"
                                    "    title: Care\n"
                                    "    questions:\n"
                                    "      - id: washing\n"
                                    "        text: Washing?\n"
                                    "        answers:\n"
                                    "          - {id: none, text: None, points: 0}\n"
                                    "          - {id: some, text: Some, points: 4}\n"
                                    "      - id: extra\n"
                                    "        text: Extra?\n"
                                    "        required: false\n"
                                    "        answers:\n"
                                    "          - {id: no, text: No, points: 0}\n";

static const char table[] = "scoring: where-2020\n"
                            "version: '1'\n"
                            "questionnaire: where\n"
                            "effective_from: 2020-04-01\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 10.00}\n";

/* Loads text as case file "case.yaml" and scores it; the error. */
static ras_status score_text(const ras_model *m, const char *text, ras_error *err)
{
    ras_source src = {"case.yaml", text, strlen(text)};
    ras_case *c = NULL;
    ras_error_clear(err);
    ras_status st = ras_case_load(m, &src, &c, err);
    assert_int_equal(st, RAS_OK);
    ras_result *r = ras_result_new(m);
    assert_non_null(r);
    st = ras_score(m, c, r, err);
    ras_result_free(r);
    ras_case_free(c);
    return st;
}

static void expect_at(const ras_error *err, unsigned long line, unsigned long column,
                      const char *subject, const char *message)
{
    assert_string_equal(err->file, "case.yaml");
    assert_int_equal(err->line, line);
    assert_int_equal(err->column, column);
    assert_string_equal(err->subject, subject);
    assert_non_null(strstr(err->message, message));
}

static void test_unknown_group(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    ras_error err;
    assert_int_equal(score_text(m,
                                "client:\n"
                                "  id: C1\n"
                                "  group: pensioners\n"
                                "answers:\n"
                                "  washing: some\n",
                                &err),
                     RAS_ERR_CASE);
    expect_at(&err, 3, 10, "group", "unknown group 'pensioners'");
    ras_model_free(m);
}

static void test_date_before_tables(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    ras_error err;
    assert_int_equal(score_text(m,
                                "answers: {washing: none}\n"
                                "client:\n"
                                "  id: C1\n"
                                "  assessed_on: 2019-12-31\n",
                                &err),
                     RAS_ERR_CASE);
    expect_at(&err, 4, 16, "assessed_on", "(the first, 'where-2020', takes effect on 2020-04-01)");
    ras_model_free(m);
}

static void test_missing_required(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    ras_error err;
    assert_int_equal(score_text(m,
                                "client: {id: C1}\n"
                                "\n"
                                "answers:\n"
                                "  extra: no\n",
                                &err),
                     RAS_ERR_CASE);
    /* the question is missing from under the 'answers' key */
    expect_at(&err, 3, 1, "washing", "question 'washing': required but not answered");
    ras_model_free(m);
}

/* A case built in memory (like a batch row) has no file: no place. */
static void test_no_file_no_place(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    ras_case *c = ras_case_new(m);
    ras_result *r = ras_result_new(m);
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_CLIENT_ID, "C1", 2, &err), RAS_OK);
    assert_int_equal(ras_score(m, c, r, &err), RAS_ERR_CASE);
    assert_string_equal(err.file, "");
    assert_int_equal(err.line, 0);
    assert_string_equal(err.subject, "washing");
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(m);
}

/* Clearing a loaded case forgets its file. */
static void test_clear_forgets(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    static const char text[] = "client: {id: C1, group: x}\nanswers: {}\n";
    ras_source src = {"case.yaml", text, sizeof text - 1};
    ras_case *c = NULL;
    ras_result *r = ras_result_new(m);
    ras_error err;
    assert_int_equal(ras_case_load(m, &src, &c, &err), RAS_OK);
    ras_case_clear(c);
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_CLIENT_ID, "C2", 2, &err), RAS_OK);
    assert_int_equal(ras_score(m, c, r, &err), RAS_ERR_CASE);
    assert_int_equal(err.line, 0);
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unknown_group),    cmocka_unit_test(test_date_before_tables),
        cmocka_unit_test(test_missing_required), cmocka_unit_test(test_no_file_no_place),
        cmocka_unit_test(test_clear_forgets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
