/* test_answer_lookup.c - finding an answer by its id when a question has
 * more answers than the case's one-byte index can number (300 here), so
 * lookups take the long way, and the list of expected ids in a message
 * when it is too long to print whole. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_ANSWERS 300

static const char table[] = "scoring: t\n"
                            "version: \"1\"\n"
                            "questionnaire: many\n"
                            "threshold: 0\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 1.00}\n";

/* Two questions, a single and a multiple, each with answers a0..a299
 * worth 0..299 points. */
static char *questionnaire(void)
{
    size_t cap = 64 * 1024;
    char *q = malloc(cap);
    assert_non_null(q);
    size_t n = (size_t)snprintf(q, cap,
                                "questionnaire: many\nversion: \"1\"\ntitle: Many\n"
                                "domains:\n  - id: d\n    title: D\n    questions:\n");
    const char *kinds[] = {"single", "multiple"};
    for (int k = 0; k < 2; k++) {
        n += (size_t)snprintf(q + n, cap - n,
                              "      - id: %s\n        type: %s\n        required: false\n"
                              "        text: Pick\n        answers:\n",
                              kinds[k], kinds[k]);
        for (int i = 0; i < N_ANSWERS; i++)
            n += (size_t)snprintf(q + n, cap - n, "          - {id: a%d, text: A, points: %d}\n", i,
                                  i);
    }
    assert_true(n < cap);
    return q;
}

static int setup(void **state)
{
    char *q = questionnaire();
    *state = test_model(q, table);
    free(q);
    return 0;
}

static int teardown(void **state)
{
    ras_model_free(*state);
    return 0;
}

static void test_every_answer_is_found(void **state)
{
    const ras_model *m = *state;
    const ras_question *single = ras_model_find_question(m, "single", 6);
    assert_non_null(single);
    assert_int_equal(ras_question_answer_count(single), N_ANSWERS);
    ras_case *c = ras_case_new(m);
    ras_result *r = ras_result_new(m);
    assert_non_null(c);
    assert_non_null(r);
    ras_error err;
    ras_case_set_field(c, RAS_FIELD_CLIENT_ID, "X", 1, &err);
    for (int i = 0; i < N_ANSWERS; i++) {
        char id[16];
        int len = snprintf(id, sizeof id, "a%d", i);
        assert_int_equal(ras_case_set_answer(c, single, id, (size_t)len, &err), RAS_OK);
        assert_int_equal(ras_score(m, c, r, &err), RAS_OK);
        assert_int_equal(ras_result_points(r), i);
    }
    ras_result_free(r);
    ras_case_free(c);
}

static void test_multiple_choices_are_found(void **state)
{
    const ras_model *m = *state;
    const ras_question *multiple = ras_model_find_question(m, "multiple", 8);
    ras_case *c = ras_case_new(m);
    ras_result *r = ras_result_new(m);
    ras_error err;
    ras_case_set_field(c, RAS_FIELD_CLIENT_ID, "X", 1, &err);
    static const char choices[] = "a1;a254;a255;a299";
    assert_int_equal(ras_case_set_answer(c, multiple, choices, strlen(choices), &err), RAS_OK);
    assert_int_equal(ras_score(m, c, r, &err), RAS_OK);
    assert_int_equal(ras_result_points(r), 1 + 254 + 255 + 299);
    ras_result_free(r);
    ras_case_free(c);
}

/* The message lists the ids it accepts, cut with "..." when they do not
 * all fit, and still names the question and the bad answer. */
static void test_unknown_answer_lists_some_ids(void **state)
{
    const ras_model *m = *state;
    const ras_question *single = ras_model_find_question(m, "single", 6);
    ras_case *c = ras_case_new(m);
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_case_set_answer(c, single, "a300", 4, &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "single");
    const char *want = "question 'single': unknown answer 'a300' (expected a0, a1, a2, a3, ";
    assert_memory_equal(err.message, want, strlen(want));
    size_t len = strlen(err.message);
    assert_true(len < 260);
    /* The list ends with whole ids and ", ...": never an id cut short. */
    assert_string_equal(err.message + len - 6, ", ...)");
    const char *last_comma = err.message + len - 6;
    const char *prev = last_comma - 1;
    while (prev > err.message && *prev != ' ')
        prev--;
    assert_true(prev[1] == 'a' && prev[2] >= '0' && prev[2] <= '9');
    assert_false(ras_case_answered(c, single));

    /* a number where an id is due says so */
    assert_int_equal(ras_case_set_answer(c, single, "7", 1, &err), RAS_ERR_CASE);
    want = "question 'single': a number ('7') where an answer id is due (expected a0, a1, ";
    assert_memory_equal(err.message, want, strlen(want));
    ras_case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_answer_is_found),
        cmocka_unit_test(test_multiple_choices_are_found),
        cmocka_unit_test(test_unknown_answer_lists_some_ids),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
