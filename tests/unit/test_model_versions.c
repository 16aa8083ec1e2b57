/* test_model_versions.c - models of several questionnaire versions
 * (docs/model-format.md section 4): loading, the errors that set one
 * version or table against another at FILE:LINE:COLUMN, the version and
 * table a date or a case file picks, and the built-in adult model's two
 * versions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "support.h"

/* Version 2023.1 has one question; 2024.1 adds a second and gives `some`
 * more points. */
static const char q_old[] = "questionnaire: saq\n"
                            "version: \"2023.1\"\n"
                            "title: Old\n"
                            "effective_from: 2023-04-01\n"
                            "domains:\n"
                            "  - id: care\n"
                            "    title: Care\n"
                            "    questions:\n"
                            "      - id: washing\n"
                            "        text: Washing?\n"
                            "        answers:\n"
                            "          - {id: none, text: No, points: 0}\n"
                            "          - {id: some, text: Some, points: 10}\n";

static const char q_new[] = "questionnaire: saq\n"
                            "version: \"2024.1\"\n"
                            "title: New\n"
                            "effective_from: 2024-04-01\n"
                            "domains:\n"
                            "  - id: care\n"
                            "    title: Care\n"
                            "    questions:\n"
                            "      - id: washing\n"
                            "        text: Washing?\n"
                            "        answers:\n"
                            "          - {id: none, text: No, points: 0}\n"
                            "          - {id: some, text: Some, points: 20}\n"
                            "      - id: eating\n"
                            "        text: Eating?\n"
                            "        answers:\n"
                            "          - {id: none, text: No, points: 0}\n"
                            "          - {id: some, text: Some, points: 5}\n";

#define TABLE(ID, VERSION_LINE, DATE)                                                              \
    "scoring: " ID "\n"                                                                            \
    "version: \"1\"\n"                                                                             \
    "questionnaire: saq\n" VERSION_LINE "effective_from: " DATE "\n"                               \
    "groups:\n"                                                                                    \
    "  default:\n"                                                                                 \
    "    bands:\n"                                                                                 \
    "      - {from: 0, rate: 10.00}\n"

static const char t_old[] = TABLE("old", "questionnaire_version: \"2023.1\"\n", "2023-04-01");
static const char t_new[] = TABLE("new", "questionnaire_version: \"2024.1\"\n", "2024-04-01");
static const char t_newer[] = TABLE("newer", "questionnaire_version: \"2024.1\"\n", "2025-04-01");

static ras_status load(const char *const *qs, size_t nq, const char *const *ts, size_t nt,
                       ras_model **m, ras_error *err)
{
    ras_source q[4], t[4];
    static const char *const qnames[] = {"q1.yaml", "q2.yaml", "q3.yaml", "q4.yaml"};
    static const char *const tnames[] = {"t1.yaml", "t2.yaml", "t3.yaml", "t4.yaml"};
    for (size_t i = 0; i < nq; i++)
        q[i] = (ras_source){qnames[i], qs[i], strlen(qs[i])};
    for (size_t i = 0; i < nt; i++)
        t[i] = (ras_source){tnames[i], ts[i], strlen(ts[i])};
    ras_error_clear(err);
    return ras_model_load_versions(q, nq, t, nt, m, err);
}

static ras_model *two_versions(void)
{
    const char *qs[] = {q_new, q_old};
    const char *ts[] = {t_newer, t_old, t_new};
    ras_model *m = NULL;
    ras_error err;
    ras_status st = load(qs, 2, ts, 3, &m, &err);
    if (st != RAS_OK)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    return m;
}

static void versions_by_date(void **state)
{
    (void)state;
    ras_model *m = two_versions();
    assert_int_equal(ras_model_questionnaire_count(m), 2);
    /* The handle is the latest version; the versions are in date order. */
    assert_string_equal(ras_model_version(m), "2024.1");
    const ras_model *old = ras_model_questionnaire_at(m, 0);
    assert_string_equal(ras_model_version(old), "2023.1");
    assert_ptr_equal(ras_model_questionnaire_at(m, 1), m);
    assert_null(ras_model_questionnaire_at(m, 2));
    assert_int_equal(ras_model_question_count(old), 1);
    assert_int_equal(ras_model_question_count(m), 2);
    /* Each version holds the tables that price it, by date. */
    assert_int_equal(ras_model_table_count(old), 1);
    assert_string_equal(ras_table_id(ras_model_table(old, 0)), "old");
    assert_int_equal(ras_model_table_count(m), 2);
    assert_string_equal(ras_table_id(ras_model_table(m, 0)), "new");
    assert_string_equal(ras_table_id(ras_model_table(m, 1)), "newer");
    assert_string_equal(ras_table_questionnaire_version(ras_model_table(m, 1)), "2024.1");
    assert_int_equal(ras_model_all_table_count(m), 3);
    /* Serials run across the versions in date order. */
    assert_string_equal(ras_model_all_table(m, 0)->id, "old");
    assert_string_equal(ras_model_all_table(m, 2)->id, "newer");
    assert_null(ras_model_all_table(m, 3));
    ras_model_free(m);
}

static void version_on_a_date(void **state)
{
    (void)state;
    ras_model *m = two_versions();
    const ras_model *old = ras_model_questionnaire_at(m, 0);
    ras_date d;
    assert_int_equal(ras_date_parse("2023-04-01", 10, &d), RAS_OK);
    assert_ptr_equal(ras_model_questionnaire_on(m, d), old);
    assert_string_equal(ras_table_id(ras_model_table_on(old, d)), "old");
    assert_int_equal(ras_date_parse("2024-03-31", 10, &d), RAS_OK);
    assert_ptr_equal(ras_model_questionnaire_on(m, d), old);
    assert_int_equal(ras_date_parse("2024-04-01", 10, &d), RAS_OK);
    assert_ptr_equal(ras_model_questionnaire_on(m, d), m);
    assert_string_equal(ras_table_id(ras_model_table_on(m, d)), "new");
    /* No date: the latest version and its latest table, as before. */
    assert_ptr_equal(ras_model_questionnaire_on(m, 0), m);
    /* Before every version: the earliest, whose tables then refuse it. */
    assert_int_equal(ras_date_parse("2020-01-01", 10, &d), RAS_OK);
    assert_ptr_equal(ras_model_questionnaire_on(m, d), old);
    assert_null(ras_model_table_on(old, d));
    assert_ptr_equal(ras_model_questionnaire_named(m, "2023.1"), old);
    assert_null(ras_model_questionnaire_named(m, "2019.1"));
    ras_model_free(m);
}

static void one_questionnaire_is_its_own_version(void **state)
{
    (void)state;
    ras_model *m = test_model(q_new, TABLE("t", "", "2024-04-01"));
    assert_int_equal(ras_model_questionnaire_count(m), 1);
    assert_ptr_equal(ras_model_questionnaire_at(m, 0), m);
    assert_ptr_equal(ras_model_questionnaire_on(m, 1), m);
    assert_null(ras_table_questionnaire_version(ras_model_table(m, 0)));
    assert_int_equal(ras_model_all_table_count(m), 1);
    ras_model_free(m);
}

static void case_file_picks_its_version(void **state)
{
    (void)state;
    ras_model *m = two_versions();
    const ras_model *old = ras_model_questionnaire_at(m, 0);
    static const char by_date[] = "client: {id: A, assessed_on: 2023-06-01}\n"
                                  "answers: {washing: some}\n";
    static const char by_name[] = "questionnaire_version: \"2023.1\"\n"
                                  "client: {id: A, assessed_on: 2025-06-01}\n"
                                  "answers: {washing: some}\n";
    static const char unknown[] = "questionnaire_version: \"1999\"\n"
                                  "client: {id: A, assessed_on: 2023-06-01}\n"
                                  "answers: {washing: some}\n";
    static const char undated[] = "client: {id: A}\nanswers: {washing: some, eating: none}\n";
    ras_source s = {"c.yaml", by_date, strlen(by_date)};
    assert_ptr_equal(ras_case_questionnaire_of(m, &s), old);
    s = (ras_source){"c.yaml", by_name, strlen(by_name)};
    assert_ptr_equal(ras_case_questionnaire_of(m, &s), old);
    s = (ras_source){"c.yaml", unknown, strlen(unknown)};
    assert_ptr_equal(ras_case_questionnaire_of(m, &s), old); /* then by date */
    s = (ras_source){"c.yaml", undated, strlen(undated)};
    assert_ptr_equal(ras_case_questionnaire_of(m, &s), m);
    /* Scored on the old version: 10 points, priced by the old table. */
    s = (ras_source){"c.yaml", by_date, strlen(by_date)};
    ras_case *c = NULL;
    ras_error err;
    assert_int_equal(ras_case_load(old, &s, &c, &err), RAS_OK);
    ras_result *r = ras_result_new(old);
    assert_int_equal(ras_score(old, c, r, &err), RAS_OK);
    assert_int_equal(ras_result_points(r), 10);
    assert_string_equal(ras_table_id(ras_result_table(r)), "old");
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(m);
}

static void expect_error(const char *const *qs, size_t nq, const char *const *ts, size_t nt,
                         const char *file, unsigned long line, unsigned long column,
                         const char *part)
{
    ras_model *m = (ras_model *)1;
    ras_error err;
    assert_int_equal(load(qs, nq, ts, nt, &m, &err), RAS_ERR_MODEL);
    assert_null(m);
    if (strcmp(err.file, file) != 0 || err.line != line || err.column != column ||
        !strstr(err.message, part))
        fail_msg("got %s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
}

static void table_names_a_missing_version(void **state)
{
    (void)state;
    static const char bad[] = TABLE("bad", "questionnaire_version: \"2019.1\"\n", "2022-04-01");
    const char *qs[] = {q_old, q_new};
    const char *ts[] = {t_old, t_new, bad};
    expect_error(qs, 2, ts, 3, "t3.yaml", 4, 24, "version '2019.1', which is not in the model");
    expect_error(qs, 2, ts, 3, "t3.yaml", 4, 24, "(its versions: 2023.1, 2024.1)");
    /* One questionnaire: the key is optional, but must be right. */
    const char *one_t[] = {bad};
    expect_error(qs, 1, one_t, 1, "t1.yaml", 4, 24, "(its version: 2023.1)");
}

static void table_names_no_version(void **state)
{
    (void)state;
    static const char none[] = TABLE("none", "", "2022-04-01");
    const char *qs[] = {q_old, q_new};
    const char *ts[] = {t_old, none, t_new};
    expect_error(qs, 2, ts, 3, "t2.yaml", 1, 1, "names no 'questionnaire_version'");
}

static void two_versions_one_date(void **state)
{
    (void)state;
    char same[sizeof q_new];
    memcpy(same, q_new, sizeof q_new);
    memcpy(strstr(same, "2024-04-01"), "2023-04-01", 10);
    const char *qs[] = {q_old, same};
    const char *ts[] = {t_old, t_new};
    expect_error(qs, 2, ts, 2, "q2.yaml", 4, 17, "takes effect on 2023-04-01, as version '2023.1'");
}

static void two_versions_no_date(void **state)
{
    (void)state;
    static const char a[] = "questionnaire: saq\nversion: \"a\"\ntitle: A\n"
                            "domains: [{id: d, title: D, questions: [{id: q, text: Q, answers: "
                            "[{id: x, text: X, points: 1}]}]}]\n";
    static const char b[] = "questionnaire: saq\nversion: \"b\"\ntitle: B\n"
                            "domains: [{id: d, title: D, questions: [{id: q, text: Q, answers: "
                            "[{id: x, text: X, points: 1}]}]}]\n";
    const char *qs[] = {a, b};
    const char *ts[] = {t_old};
    expect_error(qs, 2, ts, 1, "q2.yaml", 1, 1, "both have no 'effective_from'");
}

static void versions_of_one_questionnaire(void **state)
{
    (void)state;
    char other[sizeof q_new + 8];
    snprintf(other, sizeof other, "questionnaire: other%s", strchr(q_new, '\n'));
    const char *qs[] = {q_old, other};
    const char *ts[] = {t_old};
    expect_error(qs, 2, ts, 1, "q2.yaml", 1, 16, "versions of one questionnaire");
    char twice[sizeof q_new];
    memcpy(twice, q_new, sizeof q_new);
    memcpy(strstr(twice, "2024.1"), "2023.1", 6);
    const char *qs2[] = {q_old, twice};
    expect_error(qs2, 2, ts, 1, "q2.yaml", 2, 10, "version '2023.1' is also in q1.yaml");
}

static void version_priced_by_no_table(void **state)
{
    (void)state;
    const char *qs[] = {q_old, q_new};
    const char *ts[] = {t_new};
    expect_error(qs, 2, ts, 1, "q1.yaml", 2, 10, "version '2023.1' has no scoring table");
}

/* A table's checks run against the version it prices: the old version
 * has no `eating`, so nothing here refers to it, but a date shared with
 * a table of the same version is refused, while one shared with another
 * version's table is not. */
static void table_dates_are_per_version(void **state)
{
    (void)state;
    static const char old_again[] =
        TABLE("old2", "questionnaire_version: \"2023.1\"\n", "2023-04-01");
    static const char other_version[] =
        TABLE("new0", "questionnaire_version: \"2024.1\"\n", "2023-04-01");
    const char *qs[] = {q_old, q_new};
    const char *ts[] = {t_old, t_new, old_again};
    expect_error(qs, 2, ts, 3, "t3.yaml", 5, 17, "takes effect on 2023-04-01");
    const char *ok[] = {t_old, t_new, other_version};
    ras_model *m = NULL;
    ras_error err;
    assert_int_equal(load(qs, 2, ok, 3, &m, &err), RAS_OK);
    ras_model_free(m);
}

static void builtin_adult_has_two_versions(void **state)
{
    (void)state;
    ras_model *m = NULL;
    ras_error err;
    assert_int_equal(ras_model_load_builtin("adult", &m, &err), RAS_OK);
    assert_int_equal(ras_model_questionnaire_count(m), 2);
    const ras_model *old = ras_model_questionnaire_at(m, 0);
    assert_string_equal(ras_model_version(old), "2023.1");
    assert_string_equal(ras_model_file(old), "builtin:adult/questionnaire-2023.yaml");
    assert_null(ras_model_find_question(old, "loneliness", 10));
    assert_non_null(ras_model_find_question(m, "loneliness", 10));
    assert_string_equal(ras_table_id(ras_model_table(old, 0)), "adult-2023");
    /* Cases of today are answered on 2024.1 and priced as before. */
    assert_ptr_equal(ras_model_questionnaire_on(m, 0), m);
    assert_string_equal(ras_table_id(ras_model_table_on(m, 0)), "adult-2025");
    ras_model_free(m);
    /* The folder gives the same versions. */
    assert_int_equal(ras_model_load_dir(RAS_CONFIG_DIR "/adult", &m, &err), RAS_OK);
    assert_int_equal(ras_model_questionnaire_count(m), 2);
    assert_int_equal(ras_model_all_table_count(m), 3);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(versions_by_date),
        cmocka_unit_test(version_on_a_date),
        cmocka_unit_test(one_questionnaire_is_its_own_version),
        cmocka_unit_test(case_file_picks_its_version),
        cmocka_unit_test(table_names_a_missing_version),
        cmocka_unit_test(table_names_no_version),
        cmocka_unit_test(two_versions_one_date),
        cmocka_unit_test(two_versions_no_date),
        cmocka_unit_test(versions_of_one_questionnaire),
        cmocka_unit_test(version_priced_by_no_table),
        cmocka_unit_test(table_dates_are_per_version),
        cmocka_unit_test(builtin_adult_has_two_versions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
