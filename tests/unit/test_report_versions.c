/* test_report_versions.c - ras_calibrate and ras_compare answer each row
 * on the questionnaire version in force on its assessed_on
 * (docs/calibration.md and docs/compare.md, "Questionnaire versions"),
 * over tests/data/versions/good: version 1 (from 2020-04-01) has washing
 * only, `some` 10 points, priced by small-2020 (100.00 a point); version
 * 2 (from 2021-04-01) gives washing `some` 20 and adds meals, `some` 5,
 * priced by small-2021 and small-2022. Threshold 5, penny rounding. */
#include "support.h"

#include <stdio.h>
#include <string.h>

/* V1, V2, B1 are answered on version 1 (B1 dated before every version:
 * the earliest), N1 to N3 on version 2; F1 on version 1 answers meals,
 * which version 1 lacks. */
static const char cases[] = "client_id,assessed_on,washing,meals,current_cost\n"
                            "V1,2020-06-01,some,,1000.00\n"
                            "V2,2021-01-01,none,,200.00\n"
                            "N1,2021-06-01,some,none,2500.00\n"
                            "N2,2022-06-01,some,some,2900.00\n"
                            "N3,,none,some,700.00\n"
                            "F1,2020-09-01,some,some,1500.00\n"
                            "B1,2019-01-01,some,,1000.00\n";

static ras_model *load(void)
{
    ras_model *m = NULL;
    ras_error err;
    assert_int_equal(ras_model_load_dir(RAS_TEST_DATA "/versions/good", &m, &err), RAS_OK);
    assert_int_equal(ras_model_questionnaire_count(m), 2);
    return m;
}

/* Both tables of version 1 (a library caller may pick them; the program
 * reads --from and --to against the latest): its rows are priced under
 * both, each with its own version's results, and version 2's rows are
 * errors counted apart. V1 10 points, 1000.00; V2 0 points, below the
 * threshold, 0.00; B1 as V1 (the table is given: no date picks it). */
static void test_compare_older_version(void **state)
{
    (void)state;
    ras_model *m = load();
    const ras_table *t2020 = ras_model_table_on(ras_model_questionnaire_at(m, 0), 0);
    assert_string_equal(ras_table_id(t2020), "small-2020");
    FILE *in = fmemopen((void *)cases, strlen(cases), "r");
    assert_non_null(in);
    ras_comparison *cmp = NULL;
    ras_error err;
    assert_int_equal(ras_compare(m, t2020, t2020, in, "cases.csv", NULL, NULL, 0, NULL, 0, &cmp,
                                 NULL, NULL, &err),
                     RAS_OK);
    fclose(in);
    assert_int_equal(ras_comparison_rows(cmp), 7);
    assert_int_equal(ras_comparison_errors(cmp), 4);         /* N1, N2, N3, F1 */
    assert_int_equal(ras_comparison_other_versions(cmp), 3); /* N1, N2, N3 */
    const ras_compare_figures *all = ras_comparison_all(cmp);
    assert_int_equal(all->cases, 3);
    assert_int_equal(all->before, 200000);
    assert_int_equal(all->after, 200000);
    assert_int_equal(all->unchanged, 3);
    ras_comparison_free(cmp);
    ras_model_free(m);
}

/* The latest table prices version 2 only: the calibration uses N1 to N3
 * (tests/e2e/calibrate/questionnaire-versions works them out by hand)
 * and leaves out the rest, three of them for their version. */
static void test_calibrate_latest_version_only(void **state)
{
    (void)state;
    ras_model *m = load();
    FILE *in = fmemopen((void *)cases, strlen(cases), "r");
    assert_non_null(in);
    ras_calibration *cal = NULL;
    ras_error err;
    assert_int_equal(ras_calibrate(m, in, "costs.csv", NULL, 0, &cal, NULL, NULL, &err), RAS_OK);
    fclose(in);
    assert_int_equal(ras_calibration_rows(cal), 7);
    assert_int_equal(ras_calibration_errors(cal), 4);
    assert_int_equal(ras_calibration_other_versions(cal), 3);
    const ras_calibration_group *g = ras_calibration_group_at(cal, 0);
    assert_int_equal(g->priced, 3);
    assert_int_equal(g->total_cost, 610000);
    assert_int_equal(g->total_points, 50);
    assert_int_equal(g->neutral_price, 12200);
    assert_int_equal(g->fitted_price, 12000);
    ras_calibration_free(cal);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compare_older_version),
        cmocka_unit_test(test_calibrate_latest_version_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
