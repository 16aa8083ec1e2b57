/* test_model_index.c - questions and answers found by id through the
 * model's sorted indexes (model_index.c): every id of a large model is
 * found, ids not in it are not, and a case file that chooses thousands
 * of answers of one question keeps its totals right. Sizes are large
 * enough that the linear search this replaced took seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "support.h"

#define N_QUESTIONS 3000
#define N_ANSWERS 20000

static const char table[] = "scoring: s\nversion: \"1\"\nquestionnaire: big\n"
                            "groups:\n  default:\n    bands:\n      - {from: 0, rate: 1.00}\n";

/* Appends to a growing buffer (fails the test when out of memory). */
static void put(char **buf, size_t *len, size_t *cap, const char *text)
{
    size_t n = strlen(text);
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *buf = realloc(*buf, *cap);
        assert_non_null(*buf);
    }
    memcpy(*buf + *len, text, n + 1);
    *len += n;
}

/* N_QUESTIONS single questions q0.. (answers yes, no, and a shared 'x'
 * so one-letter ids are in play) and one multiple question 'many' with
 * N_ANSWERS answers a0.. worth 1 point each. */
static ras_model *big_model(void)
{
    char *q = NULL, line[160];
    size_t len = 0, cap = 0;
    put(&q, &len, &cap,
        "questionnaire: big\nversion: \"1\"\ntitle: Big\ndomains:\n  - id: d\n    title: D\n"
        "    questions:\n");
    for (int i = 0; i < N_QUESTIONS; i++) {
        snprintf(line, sizeof line,
                 "      - {id: q%d, text: Q, answers: [{id: yes, text: Y, points: 1}, "
                 "{id: no, text: N, points: 0}, {id: x, text: X, points: 0}]}\n",
                 i);
        put(&q, &len, &cap, line);
    }
    put(&q, &len, &cap,
        "  - id: e\n    title: E\n    questions:\n      - id: many\n        text: M\n"
        "        type: multiple\n        answers:\n");
    for (int i = 0; i < N_ANSWERS; i++) {
        snprintf(line, sizeof line, "          - {id: a%d, text: A, points: 1}\n", i);
        put(&q, &len, &cap, line);
    }
    ras_model *m = test_model(q, table);
    free(q);
    return m;
}

static void test_every_question_found(void **state)
{
    (void)state;
    ras_model *m = big_model();
    char id[32];
    for (int i = 0; i < N_QUESTIONS; i++) {
        int n = snprintf(id, sizeof id, "q%d", i);
        const ras_question *q = ras_model_find_question(m, id, (size_t)n);
        assert_non_null(q);
        assert_string_equal(ras_question_id(q), id);
    }
    assert_null(ras_model_find_question(m, "q", 1));
    assert_null(ras_model_find_question(m, "q3000", 5));
    assert_null(ras_model_find_question(m, "q29990", 6)); /* a real id with more */
    assert_null(ras_model_find_question(m, "q1 ", 3));
    assert_null(ras_model_find_question(m, "", 0));
    assert_non_null(ras_model_find_question(m, "many", 4));
    assert_null(ras_model_find_question(m, "many2", 5));
    ras_model_free(m);
}

static void test_every_answer_found(void **state)
{
    (void)state;
    ras_model *m = big_model();
    const ras_question *many = ras_model_find_question(m, "many", 4);
    assert_non_null(many);
    char id[32];
    for (int i = 0; i < N_ANSWERS; i++) {
        int n = snprintf(id, sizeof id, "a%d", i);
        assert_int_equal(ras_model_find_answer(m, many, id, (size_t)n), i);
    }
    assert_int_equal(ras_model_find_answer(m, many, "a", 1), -1);
    assert_int_equal(ras_model_find_answer(m, many, "yes", 3), -1); /* another question's */
    const ras_question *q7 = ras_model_find_question(m, "q7", 2);
    assert_int_equal(ras_model_find_answer(m, q7, "no", 2), 1);
    assert_int_equal(ras_model_find_answer(m, q7, "x", 1), 2);
    assert_int_equal(ras_model_find_answer(m, q7, "a0", 2), -1);
    ras_model_free(m);
}

/* A case file choosing every answer of 'many', backwards, and answering
 * every single question: the points are the count of both. */
static void test_case_with_every_answer(void **state)
{
    (void)state;
    ras_model *m = big_model();
    char *text = NULL, line[64];
    size_t len = 0, cap = 0;
    put(&text, &len, &cap, "client:\n  id: C1\nanswers:\n");
    for (int i = 0; i < N_QUESTIONS; i++) {
        snprintf(line, sizeof line, "  q%d: %s\n", i, i % 2 ? "yes" : "no");
        put(&text, &len, &cap, line);
    }
    put(&text, &len, &cap, "  many:\n");
    for (int i = N_ANSWERS - 1; i >= 0; i--) {
        snprintf(line, sizeof line, "    - a%d\n", i);
        put(&text, &len, &cap, line);
    }
    ras_source src = {"big.yaml", text, len};
    ras_case *c = NULL;
    ras_error err;
    assert_int_equal(ras_case_load(m, &src, &c, &err), RAS_OK);
    ras_result *r = ras_result_new(m);
    assert_non_null(r);
    assert_int_equal(ras_score(m, c, r, &err), RAS_OK);
    assert_int_equal(ras_result_points(r), N_QUESTIONS / 2 + N_ANSWERS);
    ras_result_free(r);
    ras_case_free(c);
    free(text);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_question_found),
        cmocka_unit_test(test_every_answer_found),
        cmocka_unit_test(test_case_with_every_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
