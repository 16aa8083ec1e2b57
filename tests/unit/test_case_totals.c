/* test_case_totals.c - the running totals a case keeps (case.h): per
 * domain the points of its answers and the sum of the chosen adjusts.
 * Every setter must take a question's old share off before adding the
 * new one, so these tests change answers over and over (valid, refused,
 * blank, unset, cleared, chosen one by one as a case file does) and after
 * every step compare the totals with what the test itself expects from
 * the answers it gave. A setter that forgot its old share, or kept a
 * refused answer's, fails here. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"

static const char questionnaire[] = "questionnaire: t\n"
                                    "version: \"1\"\n"
                                    "title: T\n"
                                    "domains:\n"
                                    "  - id: care\n"
                                    "    title: Care\n"
                                    "    cap: 10\n"
                                    "    questions:\n"
                                    "      - id: washing\n"
                                    "        text: Washing?\n"
                                    "        answers:\n"
                                    "          - {id: none, text: None, points: 0}\n"
                                    "          - {id: some, text: Some, points: 4, adjust: 5%}\n"
                                    "          - {id: all, text: All, points: 8, adjust: -2.5%}\n"
                                    "      - id: nights\n"
                                    "        type: number\n"
                                    "        text: Nights?\n"
                                    "        min: 0\n"
                                    "        max: 7\n"
                                    "        points_per_unit: 3\n"
                                    "  - id: life\n"
                                    "    title: Life\n"
                                    "    questions:\n"
                                    "      - id: activities\n"
                                    "        type: multiple\n"
                                    "        required: false\n"
                                    "        text: Activities?\n"
                                    "        answers:\n"
                                    "          - {id: a, text: A, points: 1, adjust: 1%}\n"
                                    "          - {id: b, text: B, points: 20}\n"
                                    "          - {id: c, text: C, points: 300, adjust: 10%}\n"
                                    "      - id: level\n"
                                    "        required: false\n"
                                    "        text: Level?\n"
                                    "        answers:\n"
                                    "          - {id: x, text: X, points: 1000}\n"
                                    "          - {id: y, text: Y, points: 5000, adjust: 7%}\n";

static const char table[] = "scoring: s\n"
                            "version: \"1\"\n"
                            "questionnaire: t\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 1.00}\n";

/* What each question should add, as the test worked it: points and
 * adjust (hundredths of a percent) per question, in model order. */
typedef struct expect {
    int64_t points[4];
    int64_t adjust[4];
} expect;

static void check_totals(const ras_case *c, const expect *e)
{
    assert_int_equal(c->domain_points[0], e->points[0] + e->points[1]);
    assert_int_equal(c->domain_points[1], e->points[2] + e->points[3]);
    assert_int_equal(c->adjust_total, e->adjust[0] + e->adjust[1] + e->adjust[2] + e->adjust[3]);
    /* And each question's share, as the explanation reads it. */
    for (size_t k = 0; k < 4; k++) {
        int64_t p, a;
        ras_case_share(c, &c->model->questions[k], &p, &a);
        assert_int_equal(p, e->points[k]);
        assert_int_equal(a, e->adjust[k]);
    }
}

static ras_status set(ras_case *c, size_t k, const char *text)
{
    ras_error err;
    return ras_case_set_answer(c, &c->model->questions[k], text, strlen(text), &err);
}

static void test_setters_keep_totals(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    ras_case *c = ras_case_new(m);
    assert_non_null(c);
    expect e = {{0}, {0}};
    check_totals(c, &e);

    /* washing (0): answered, changed, refused (the old answer is gone:
     * a refused cell leaves the question unanswered), blank. */
    assert_int_equal(set(c, 0, "some"), RAS_OK);
    e.points[0] = 4, e.adjust[0] = 500;
    check_totals(c, &e);
    assert_int_equal(set(c, 0, "all"), RAS_OK);
    e.points[0] = 8, e.adjust[0] = -250;
    check_totals(c, &e);
    assert_int_not_equal(set(c, 0, "most"), RAS_OK);
    e.points[0] = 0, e.adjust[0] = 0;
    check_totals(c, &e);
    assert_int_equal(set(c, 0, "some"), RAS_OK);
    e.points[0] = 4, e.adjust[0] = 500;
    check_totals(c, &e);
    assert_int_equal(set(c, 0, ""), RAS_OK);
    e.points[0] = 0, e.adjust[0] = 0;
    check_totals(c, &e);

    /* nights (1): set, changed, out of range. */
    assert_int_equal(set(c, 1, "5"), RAS_OK);
    e.points[1] = 15;
    check_totals(c, &e);
    assert_int_equal(set(c, 1, "2"), RAS_OK);
    e.points[1] = 6;
    check_totals(c, &e);
    assert_int_not_equal(set(c, 1, "8"), RAS_OK);
    e.points[1] = 0;
    check_totals(c, &e);
    assert_int_equal(set(c, 1, "7"), RAS_OK);
    e.points[1] = 21;
    check_totals(c, &e);

    /* activities (2): lists replaced whole, a list refused part way
     * (chosen twice) keeps nothing, blank chooses none. */
    assert_int_equal(set(c, 2, "a;c"), RAS_OK);
    e.points[2] = 301, e.adjust[2] = 1100;
    check_totals(c, &e);
    assert_int_equal(set(c, 2, "b"), RAS_OK);
    e.points[2] = 20, e.adjust[2] = 0;
    check_totals(c, &e);
    assert_int_not_equal(set(c, 2, "a;b;a"), RAS_OK);
    e.points[2] = 0, e.adjust[2] = 0;
    check_totals(c, &e);
    assert_int_equal(set(c, 2, "c ; b ; a"), RAS_OK);
    e.points[2] = 321, e.adjust[2] = 1100;
    check_totals(c, &e);
    assert_int_equal(set(c, 2, ""), RAS_OK);
    e.points[2] = 0, e.adjust[2] = 0;
    check_totals(c, &e);

    /* Chosen one at a time, as a case file's list is read: the share
     * taken off once before the list and put back once after. */
    ras_error err;
    const ras_question *act = &m->questions[2];
    ras_case_unset_answer(c, act);
    assert_int_equal(ras_case_choose(c, act, "c", 1, &err), RAS_OK);
    assert_int_equal(ras_case_choose(c, act, "a", 1, &err), RAS_OK);
    assert_int_not_equal(ras_case_choose(c, act, "a", 1, &err), RAS_OK); /* twice */
    assert_int_not_equal(ras_case_choose(c, act, "d", 1, &err), RAS_OK); /* unknown */
    ras_case_count_share(c, act, +1);
    e.points[2] = 301, e.adjust[2] = 1100;
    check_totals(c, &e);

    /* level (3), then unset and clear. */
    assert_int_equal(set(c, 3, "y"), RAS_OK);
    e.points[3] = 5000, e.adjust[3] = 700;
    check_totals(c, &e);
    ras_case_unset_answer(c, &m->questions[3]);
    e.points[3] = 0, e.adjust[3] = 0;
    check_totals(c, &e);
    ras_case_unset_answer(c, &m->questions[3]); /* twice: still nothing */
    check_totals(c, &e);
    ras_case_unset_answer(c, act);
    e.points[2] = 0, e.adjust[2] = 0;
    check_totals(c, &e);
    assert_int_equal(set(c, 3, "x"), RAS_OK);
    e.points[3] = 1000;
    check_totals(c, &e);
    ras_case_clear(c);
    memset(&e, 0, sizeof e);
    check_totals(c, &e);

    ras_case_free(c);
    ras_model_free(m);
}

/* Many random changes, each checked against the test's own sums: an
 * order of setters the hand-written test above did not think of. */
static void test_random_changes(void **state)
{
    (void)state;
    static const struct {
        size_t q;
        const char *text;
        int64_t points, adjust;
        bool ok;
    } moves[] = {
        {0, "none", 0, 0, true},     {0, "some", 4, 500, true},     {0, "all", 8, -250, true},
        {0, "", 0, 0, true},         {0, "bad", 0, 0, false},       {1, "0", 0, 0, true},
        {1, "3", 9, 0, true},        {1, "7", 21, 0, true},         {1, "x", 0, 0, false},
        {1, "", 0, 0, true},         {2, "", 0, 0, true},           {2, "a", 1, 100, true},
        {2, "b;c", 320, 1000, true}, {2, "a;b;c", 321, 1100, true}, {2, "c;c", 0, 0, false},
        {2, "a;z", 0, 0, false},     {3, "x", 1000, 0, true},       {3, "y", 5000, 700, true},
        {3, "", 0, 0, true},         {3, "z", 0, 0, false},
    };
    size_t n_moves = sizeof moves / sizeof moves[0];
    ras_model *m = test_model(questionnaire, table);
    ras_case *c = ras_case_new(m);
    assert_non_null(c);
    expect e = {{0}, {0}};
    uint32_t seed = 12345;
    for (int step = 0; step < 5000; step++) {
        seed = seed * 1103515245u + 12345u; /* a fixed sequence: the test repeats */
        size_t i = (seed >> 8) % (n_moves + 2);
        if (i == n_moves) { /* unset a question */
            size_t q = (seed >> 20) % 4;
            ras_case_unset_answer(c, &m->questions[q]);
            e.points[q] = e.adjust[q] = 0;
        } else if (i == n_moves + 1) {
            ras_case_clear(c);
            memset(&e, 0, sizeof e);
        } else {
            ras_status st = set(c, moves[i].q, moves[i].text);
            assert_int_equal(st == RAS_OK, moves[i].ok);
            e.points[moves[i].q] = moves[i].points;
            e.adjust[moves[i].q] = moves[i].adjust;
        }
        check_totals(c, &e);
    }
    ras_case_free(c);
    ras_model_free(m);
}

/* A domain whose questions could give more than RAS_MAX_DOMAIN_RAW
 * before its cap is refused, so the running sums cannot overflow even
 * where the cap keeps the total small. */
static void test_domain_bound(void **state)
{
    (void)state;
    /* Two questions of 10^18 points each: 2 x 10^18 before the cap. */
    static const char q[] = "questionnaire: t\nversion: \"1\"\ntitle: T\ndomains:\n"
                            "  - id: big\n    title: Big\n    cap: 10\n    questions:\n"
                            "      - {id: n1, text: N?, type: number, min: 0, max: 1000000000, "
                            "points_per_unit: 1000000000}\n"
                            "      - {id: n2, text: N?, type: number, min: 0, max: 1000000000, "
                            "points_per_unit: 1000000000}\n";
    ras_error err;
    assert_int_equal(test_model_error(q, table, &err), RAS_ERR_LIMIT);
    assert_non_null(strstr(err.message, "domain 'big': its questions could give more than "
                                        "1000000000000 points before its cap"));
    assert_int_equal(err.line, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_setters_keep_totals),
        cmocka_unit_test(test_random_changes),
        cmocka_unit_test(test_domain_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
