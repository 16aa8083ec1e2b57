/* test_rows_plan.c - the batch row loader's inline paths (case_rows.c):
 * one-letter answers, one-digit numbers, blank and "a;c" multiple cells
 * are set from the column plan made at the header; every other cell, and
 * every error, goes through the general setters. The figures here are
 * worked by hand, so a plan that set a wrong answer, points or adjust, or
 * took a cell it should have refused, fails. */
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
                                    "      - id: q1\n"
                                    "        text: One?\n"
                                    "        answers:\n"
                                    "          - {id: a, text: A, points: 1}\n"
                                    "          - {id: b, text: B, points: 2, adjust: 10%}\n"
                                    "          - {id: c, text: C, points: 3}\n"
                                    "      - id: q2\n"
                                    "        type: number\n"
                                    "        required: false\n"
                                    "        text: Two?\n"
                                    "        min: 1\n"
                                    "        max: 5\n"
                                    "        points_per_unit: 2\n"
                                    "      - id: q3\n"
                                    "        type: multiple\n"
                                    "        required: false\n"
                                    "        text: Three?\n"
                                    "        answers:\n"
                                    "          - {id: a, text: A, points: 1}\n"
                                    "          - {id: b, text: B, points: 2}\n"
                                    "          - {id: c, text: C, points: 4}\n";

static const char table[] = "scoring: s\n"
                            "version: \"1\"\n"
                            "questionnaire: t\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 10.00}\n";

static char *run_batch(const char *csv)
{
    ras_model *m = test_model(questionnaire, table);
    char *text = test_batch_text(m, csv);
    ras_model_free(m);
    return text;
}

#define HEADER                                                                                     \
    "client_id,status,points,ras_amount,indicative_budget,weekly_budget,basis,panel,scoring,"      \
    "message\n"

static void test_usual_cells(void **state)
{
    (void)state;
    char *out = run_batch("client_id,q1,q2,q3\n"
                          "C1,a,3,a;c\n" /* 1 + 6 + 5 */
                          "C2,b,5,\n"    /* 2 + 10 + 0, +10% */
                          "C3,c,1,b;c\n" /* 3 + 2 + 6 */
                          "C4,c,,c;b\n"  /* 3 + 0 + 6 */
                          "C5,a,2,b\n"); /* 1 + 4 + 2 */
    assert_string_equal(out, HEADER "C1,ok,12,120.00,120.00,2.31,ras,no,s@1,\n"
                                    "C2,ok,12,132.00,132.00,2.54,ras,no,s@1,\n"
                                    "C3,ok,11,110.00,110.00,2.12,ras,no,s@1,\n"
                                    "C4,ok,9,90.00,90.00,1.73,ras,no,s@1,\n"
                                    "C5,ok,7,70.00,70.00,1.35,ras,no,s@1,\n");
    free(out);
}

/* Cells the plan must not take: each is refused with the general
 * setter's message, naming the column; with two bad cells, the first. */
static void test_refused_cells(void **state)
{
    (void)state;
    char *out = run_batch("client_id,q1,q2,q3\n"
                          "D1,b,0,\n"    /* below min */
                          "D2,c,9,c\n"   /* above max */
                          "D3,a,5,a;a\n" /* chosen twice */
                          "D4,,5,b\n"    /* required */
                          "D5,d,1,b\n"   /* not an answer */
                          "D6,a,2,b;d\n"
                          "D7,A,2,a\n" /* ids in any case (the long way) */
                          "D8,a,22,c\n"
                          "D9,d,9,a;a\n"); /* three bad cells */
    assert_string_equal(
        out, HEADER
        "D1,error,,,,,,,,\"line 2, column 'q2': 0 is out of range (expected 1 to 5)\"\n"
        "D2,error,,,,,,,,\"line 3, column 'q2': 9 is out of range (expected 1 to 5)\"\n"
        "D3,error,,,,,,,,\"line 4, column 'q3': answer 'a' is chosen twice\"\n"
        "D4,error,,,,,,,,line 5: question 'q1': required but not answered\n"
        "D5,error,,,,,,,,\"line 6, column 'q1': unknown answer 'd' (expected a, b or c)\"\n"
        "D6,error,,,,,,,,\"line 7, column 'q3': unknown answer 'd' (expected a, b or c)\"\n"
        "D7,ok,6,60.00,60.00,1.15,ras,no,s@1,\n"
        "D8,error,,,,,,,,\"line 9, column 'q2': 22 is out of range (expected 1 to 5)\"\n"
        "D9,error,,,,,,,,\"line 10, column 'q1': unknown answer 'd' (expected a, b or c)\"\n");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_usual_cells),
        cmocka_unit_test(test_refused_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
