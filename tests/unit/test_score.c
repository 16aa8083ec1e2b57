/* test_score.c - docs/scoring.md, step by step. The pricing functions are
 * tested on hand-built groups and tables; ras_score on small models loaded
 * from the YAML below. Comments give the arithmetic worked by hand. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "model.h"
#include "num.h"
#include "price.h"
#include "result.h"

/* ---- the pricing steps on hand-built groups ------------------------ */

/* bands: 0.. at £100.00 a point, 10.. at £50.00, 20.. at £10.00 */
static int64_t band_from[] = {0, 10, 20};
static const ras_pence band_rate[] = {10000, 5000, 1000};
/* steps: 0.. £0, 12.. £2,600.00, 30.. £6,500.00 */
static int64_t step_from[] = {0, 12, 30};
static const ras_pence step_amount[] = {0, 260000, 650000};

static ras_group bands_group(void)
{
    return (ras_group){"default", false, band_from, (ras_pence *)band_rate, 3, NULL};
}

static ras_group steps_group(void)
{
    return (ras_group){"older", true, step_from, (ras_pence *)step_amount, 3, NULL};
}

static ras_pence price(const ras_group *g, int64_t points, size_t *n_lines, ras_price_line *lines)
{
    ras_pence p = -1;
    assert_int_equal(ras_price_group(g, points, lines, n_lines, &p), RAS_OK);
    return p;
}

static void test_bands_at_every_from(void **state)
{
    (void)state;
    ras_group g = bands_group();
    ras_price_line lines[3];
    size_t n = 99;
    assert_int_equal(price(&g, 0, &n, lines), 0);
    assert_int_equal(n, 0); /* no points, no lines */
    assert_int_equal(price(&g, 1, &n, lines), 10000);
    assert_int_equal(price(&g, 9, &n, lines), 90000);   /* 9 x 100 */
    assert_int_equal(price(&g, 10, &n, lines), 100000); /* 10 x 100 */
    assert_int_equal(n, 1);                             /* band 10.. holds none yet */
    assert_int_equal(price(&g, 11, &n, lines), 105000); /* 10 x 100 + 1 x 50 */
    assert_int_equal(n, 2);
    assert_int_equal(lines[1].from, 10);
    assert_int_equal(lines[1].to, 20);
    assert_int_equal(lines[1].points, 1);
    assert_int_equal(lines[1].value, 5000);
    assert_int_equal(lines[1].amount, 5000);
    assert_int_equal(price(&g, 19, &n, lines), 145000); /* 1000 + 9 x 50 */
    assert_int_equal(price(&g, 20, &n, lines), 150000); /* 1000 + 10 x 50 */
    assert_int_equal(n, 2);
    assert_int_equal(price(&g, 21, &n, lines), 151000); /* 1000 + 500 + 1 x 10 */
    assert_int_equal(n, 3);
    assert_int_equal(lines[2].from, 20);
    assert_int_equal(lines[2].to, -1); /* the last band runs without end */
    assert_int_equal(lines[2].points, 1);
    assert_int_equal(lines[0].points, 10);
    assert_int_equal(lines[0].amount, 100000);
    /* Without a lines buffer the price is the same. */
    ras_pence p = 0;
    assert_int_equal(ras_price_group(&g, 21, NULL, NULL, &p), RAS_OK);
    assert_int_equal(p, 151000);
}

static void test_steps_at_every_from(void **state)
{
    (void)state;
    ras_group g = steps_group();
    ras_price_line lines[3];
    size_t n = 0;
    assert_int_equal(price(&g, 0, &n, lines), 0);
    assert_int_equal(price(&g, 11, &n, lines), 0);
    assert_int_equal(price(&g, 12, &n, lines), 260000);
    assert_int_equal(price(&g, 13, &n, lines), 260000);
    assert_int_equal(price(&g, 29, &n, lines), 260000);
    assert_int_equal(n, 1);
    assert_int_equal(lines[0].from, 12);
    assert_int_equal(lines[0].to, 30);
    assert_int_equal(lines[0].points, 29);
    assert_int_equal(lines[0].amount, 260000);
    assert_int_equal(price(&g, 30, &n, lines), 650000);
    assert_int_equal(price(&g, 31, &n, lines), 650000);
    assert_int_equal(lines[0].from, 30);
    assert_int_equal(lines[0].to, -1);
}

static void test_price_overflow(void **state)
{
    (void)state;
    int64_t from[] = {0};
    ras_pence rate[] = {RAS_MAX_PENCE};
    ras_group g = {"default", false, from, rate, 1, NULL};
    ras_pence p = 0;
    /* 1 point x the largest amount is fine; 2 points pass the limit. */
    assert_int_equal(ras_price_group(&g, 1, NULL, NULL, &p), RAS_OK);
    assert_true(p == RAS_MAX_PENCE);
    assert_int_equal(ras_price_group(&g, 2, NULL, NULL, &p), RAS_ERR_OVERFLOW);
    /* 10^9 points x 10^14 pence would wrap an int64_t. */
    assert_int_equal(ras_price_group(&g, 1000000000, NULL, NULL, &p), RAS_ERR_OVERFLOW);
}

static ras_pence adjust(ras_pence priced, int32_t pct)
{
    ras_pence out = -1;
    assert_int_equal(ras_price_adjust(priced, pct, &out), RAS_OK);
    return out;
}

static void test_adjust_rounding(void **state)
{
    (void)state;
    assert_int_equal(adjust(1000000, 0), 1000000);
    assert_int_equal(adjust(1000000, -1000), 900000); /* -10% */
    assert_int_equal(adjust(1000000, 2500), 1250000); /* +25% */
    assert_int_equal(adjust(1000000, -10000), 0);     /* -100% */
    assert_int_equal(adjust(333, -1250), 291);        /* 333 x 0.875 = 291.375 */
    assert_int_equal(adjust(1, -5000), 1);            /* 0.5 exactly: half up */
    assert_int_equal(adjust(3, -5000), 2);            /* 1.5 -> 2 */
    assert_int_equal(adjust(1, -5001), 0);            /* 0.4999 -> 0 */
    assert_int_equal(adjust(1, -4999), 1);            /* 0.5001 -> 1 */
    assert_int_equal(adjust(100, 100000), 1100);      /* +1000% */
    ras_pence out = 0;
    assert_int_equal(ras_price_adjust(RAS_MAX_PENCE, 1, &out), RAS_ERR_OVERFLOW);
    assert_int_equal(ras_price_adjust(INT64_MAX / 2, 100, &out), RAS_ERR_OVERFLOW);
}

static ras_table plain_table(void)
{
    ras_table t;
    memset(&t, 0, sizeof t);
    t.rounding = RAS_ROUND_PENNY;
    t.weeks_per_year = 52;
    return t;
}

static void test_finish_round_and_clamp(void **state)
{
    (void)state;
    ras_table t = plain_table();
    ras_pence rounded = 0, amount = 0;
    int clamped = 9;
    assert_int_equal(ras_price_finish(&t, 1049, &rounded, &amount, &clamped), RAS_OK);
    assert_int_equal(amount, 1049); /* penny rounding: as it is */
    assert_int_equal(clamped, 0);
    t.rounding = RAS_ROUND_POUND;
    ras_price_finish(&t, 1049, &rounded, &amount, &clamped);
    assert_int_equal(amount, 1000); /* £10.49 -> £10 */
    ras_price_finish(&t, 1050, &rounded, &amount, &clamped);
    assert_int_equal(amount, 1100); /* £10.50 -> £11 */
    ras_price_finish(&t, 1051, &rounded, &amount, &clamped);
    assert_int_equal(amount, 1100);
    t.has_floor = t.has_ceiling = true;
    t.floor = 50000;
    t.ceiling = 100000;
    ras_price_finish(&t, 49949, &rounded, &amount, &clamped); /* £499.49 -> £499 < floor */
    assert_int_equal(rounded, 49900);
    assert_int_equal(amount, 50000);
    assert_int_equal(clamped, -1);
    ras_price_finish(&t, 49950, &rounded, &amount, &clamped); /* £499.50 -> £500 = floor */
    assert_int_equal(amount, 50000);
    assert_int_equal(clamped, 0);
    ras_price_finish(&t, 100049, &rounded, &amount, &clamped); /* -> £1,000 = ceiling */
    assert_int_equal(amount, 100000);
    assert_int_equal(clamped, 0);
    ras_price_finish(&t, 100050, &rounded, &amount, &clamped); /* -> £1,001 > ceiling */
    assert_int_equal(rounded, 100100);
    assert_int_equal(amount, 100000);
    assert_int_equal(clamped, 1);
}

static void test_table_amount(void **state)
{
    (void)state;
    ras_table t = plain_table();
    ras_group g = bands_group();
    t.groups = &g;
    t.n_groups = 1;
    t.threshold = 10;
    t.has_floor = true;
    t.floor = 120000;
    ras_pence out = -1;
    assert_int_equal(ras_table_amount(&t, 0, 9, &out), RAS_OK);
    assert_int_equal(out, 0); /* below the threshold: no floor */
    assert_int_equal(ras_table_amount(&t, 0, 10, &out), RAS_OK);
    assert_int_equal(out, 120000); /* £1,000 raised to the £1,200 floor */
    assert_int_equal(ras_table_amount(&t, 0, 21, &out), RAS_OK);
    assert_int_equal(out, 151000);
    assert_int_equal(ras_table_amount(&t, 1, 21, &out), RAS_ERR_ARG);
}

/* ---- ras_score on loaded models ----------------------------------- */

static const char questionnaire[] =
    "questionnaire: test-saq\n"
    "version: \"1\"\n"
    "title: Test questionnaire\n"
    "domains:\n"
    "  - id: care\n"
    "    title: Personal care\n"
    "    cap: 30\n"
    "    questions:\n"
    "      - id: washing\n"
    "        text: How much help do you need to wash?\n"
    "        answers:\n"
    "          - {id: none, text: No help, points: 0}\n"
    "          - {id: some, text: Some help, points: 4}\n"
    "          - {id: all, text: Help with everything, points: 25}\n"
    "      - id: nights\n"
    "        type: number\n"
    "        text: How many nights?\n"
    "        min: 0\n"
    "        max: 7\n"
    "        points_per_unit: 3\n"
    "  - id: life\n"
    "    title: Daily life\n"
    "    questions:\n"
    "      - id: activities\n"
    "        type: multiple\n"
    "        required: false\n"
    "        text: Which activities need support?\n"
    "        answers:\n"
    "          - {id: shopping, text: Shopping, points: 2}\n"
    "          - {id: swimming, text: Swimming, points: 3, adjust: 5%}\n"
    "      - id: carer\n"
    "        required: false\n"
    "        text: How much do family give?\n"
    "        answers:\n"
    "          - {id: none, text: None of it, points: 0}\n"
    "          - {id: some, text: Some of it, points: 0, adjust: -10%}\n"
    "          - {id: all, text: All of it, points: 0, adjust: -100%}\n"
    "      - id: other\n"
    "        type: multiple\n"
    "        required: false\n"
    "        text: Other support?\n"
    "        answers:\n"
    "          - {id: a, text: Day centre, points: 0, adjust: -50%}\n"
    "          - {id: b, text: Neighbours, points: 0, adjust: -50%}\n"
    "          - {id: c, text: Church, points: 0, adjust: -25%}\n";

/* A table with bands 0.. £100.00, 20.. £50.00 (default) and steps
 * 0.. £0, 12.. £2,600, 30.. £6,500 (older); extra lines go above groups. */
static char *table_with(const char *extra)
{
    static const char head[] = "scoring: test-table\n"
                               "version: \"1\"\n"
                               "questionnaire: test-saq\n"
                               "threshold: 10\n";
    static const char groups[] = "groups:\n"
                                 "  default:\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 100.00}\n"
                                 "      - {from: 20, rate: 50.00}\n"
                                 "  older:\n"
                                 "    steps:\n"
                                 "      - {from: 0, amount: 0}\n"
                                 "      - {from: 12, amount: 2600.00}\n"
                                 "      - {from: 30, amount: 6500.00}\n";
    size_t n = strlen(head) + strlen(extra) + strlen(groups) + 1;
    char *t = malloc(n);
    assert_non_null(t);
    snprintf(t, n, "%s%s%s", head, extra, groups);
    return t;
}

typedef struct fixture {
    ras_model *model;
    ras_case *c;
    ras_result *r;
    ras_error err;
} fixture;

static void open_fixture(fixture *f, const char *extra)
{
    char *table = table_with(extra);
    f->model = test_model(questionnaire, table);
    free(table);
    f->c = ras_case_new(f->model);
    f->r = ras_result_new(f->model);
    assert_non_null(f->c);
    assert_non_null(f->r);
    ras_error_clear(&f->err);
}

static void close_fixture(fixture *f)
{
    ras_result_free(f->r);
    ras_case_free(f->c);
    ras_model_free(f->model);
}

static const ras_question *question(const ras_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_questions; i++)
        if (strcmp(m->questions[i].id, id) == 0)
            return &m->questions[i];
    fail_msg("no question %s", id);
    return NULL;
}

static void answer(fixture *f, const char *id, const char *text)
{
    ras_error err;
    if (ras_case_set_answer(f->c, question(f->model, id), text, strlen(text), &err) != RAS_OK)
        fail_msg("answer %s=%s: %s", id, text, err.message);
}

static void field(fixture *f, ras_field which, const char *text)
{
    ras_error err;
    if (ras_case_set_field(f->c, which, text, strlen(text), &err) != RAS_OK)
        fail_msg("field %s=%s: %s", ras_field_name(which), text, err.message);
}

static ras_status score(fixture *f)
{
    return ras_score(f->model, f->c, f->r, &f->err);
}

static void score_ok(fixture *f)
{
    if (score(f) != RAS_OK)
        fail_msg("score failed: %s", f->err.message);
}

/* washing some (4) + nights 2 (2 x 3 = 6) = 10 points: the threshold. */
static void ten_points(fixture *f)
{
    answer(f, "washing", "some");
    answer(f, "nights", "2");
}

static void test_score_at_threshold(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "");
    field(&f, RAS_FIELD_CLIENT_ID, "C1");
    ten_points(&f);
    score_ok(&f);
    assert_string_equal(ras_result_client_id(f.r), "C1");
    assert_string_equal(ras_result_group(f.r), "default");
    assert_int_equal(ras_result_question_points(f.r, 0), 4);
    assert_int_equal(ras_result_question_points(f.r, 1), 6);
    assert_int_equal(ras_result_domain_raw(f.r, 0), 10);
    assert_int_equal(ras_result_domain_points(f.r, 0), 10);
    assert_int_equal(ras_result_points(f.r), 10);
    assert_true(ras_result_eligible(f.r));
    /* 10 points x £100.00 = £1,000.00 */
    assert_int_equal(ras_result_price_line_count(f.r), 1);
    ras_price_line l = ras_result_price_line(f.r, 0);
    assert_int_equal(l.points, 10);
    assert_int_equal(l.value, 10000);
    assert_int_equal(ras_result_priced(f.r), 100000);
    assert_int_equal(ras_result_adjusted(f.r), 100000);
    assert_int_equal(ras_result_rounded(f.r), 100000);
    assert_int_equal(ras_result_clamped(f.r), 0);
    assert_int_equal(ras_result_ras_amount(f.r), 100000);
    assert_int_equal(ras_result_basis(f.r), RAS_BASIS_RAS);
    assert_int_equal(ras_result_budget(f.r), 100000);
    /* £1,000.00 / 52 = 1923.08p -> £19.23 */
    assert_int_equal(ras_result_weekly(f.r), 1923);
    assert_false(ras_result_panel(f.r));
    assert_non_null(ras_result_table(f.r));
    close_fixture(&f);
}

static void test_score_below_threshold(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "floor: 500.00\n");
    /* washing some (4) + nights 1 (3) = 7 < 10 */
    answer(&f, "washing", "some");
    answer(&f, "nights", "1");
    answer(&f, "carer", "some");
    score_ok(&f);
    assert_int_equal(ras_result_points(f.r), 7);
    assert_false(ras_result_eligible(f.r));
    assert_int_equal(ras_result_ras_amount(f.r), 0); /* no floor below the threshold */
    assert_int_equal(ras_result_clamped(f.r), 0);
    assert_int_equal(ras_result_price_line_count(f.r), 0);
    assert_int_equal(ras_result_basis(f.r), RAS_BASIS_BELOW_THRESHOLD);
    assert_int_equal(ras_result_budget(f.r), 0);
    assert_int_equal(ras_result_weekly(f.r), 0);
    close_fixture(&f);
}

static void test_score_cap(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "");
    /* washing all (25) + nights 3 (9) = 34, capped at 30.
     * 20 x £100 + 10 x £50 = £2,500.00 */
    answer(&f, "washing", "all");
    answer(&f, "nights", "3");
    score_ok(&f);
    assert_int_equal(ras_result_domain_raw(f.r, 0), 34);
    assert_int_equal(ras_result_domain_points(f.r, 0), 30);
    assert_int_equal(ras_result_points(f.r), 30);
    assert_int_equal(ras_result_price_line_count(f.r), 2);
    assert_int_equal(ras_result_ras_amount(f.r), 250000);
    /* 25 + 1 x 3 = 28: the cap does not bite. 20 x £100 + 8 x £50 = £2,400 */
    answer(&f, "nights", "1");
    score_ok(&f);
    assert_int_equal(ras_result_domain_raw(f.r, 0), 28);
    assert_int_equal(ras_result_domain_points(f.r, 0), 28);
    assert_int_equal(ras_result_ras_amount(f.r), 240000);
    /* washing all (25) + nights 2 (6) = 31: one over, capped at 30. */
    answer(&f, "nights", "2");
    score_ok(&f);
    assert_int_equal(ras_result_domain_raw(f.r, 0), 31);
    assert_int_equal(ras_result_domain_points(f.r, 0), 30);
    close_fixture(&f);
}

static void test_score_multiple(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "");
    ten_points(&f);
    /* shopping 2 + swimming 3 = 5 more points: 15 x £100 = £1,500,
     * then swimming's +5%: £1,575.00 */
    answer(&f, "activities", "shopping;swimming");
    score_ok(&f);
    assert_int_equal(ras_result_question_points(f.r, 2), 5);
    assert_int_equal(ras_result_domain_points(f.r, 1), 5);
    assert_int_equal(ras_result_points(f.r), 15);
    assert_int_equal(ras_result_priced(f.r), 150000);
    assert_int_equal(ras_result_adjustment_count(f.r), 1);
    const ras_question *q = NULL;
    size_t a = 9;
    int32_t adj = 0;
    ras_result_adjustment(f.r, 0, &q, &a, &adj);
    assert_ptr_equal(q, question(f.model, "activities"));
    assert_int_equal(a, 1);
    assert_int_equal(adj, 500);
    assert_int_equal(ras_result_adjust_total(f.r), 500);
    assert_int_equal(ras_result_adjusted(f.r), 157500);
    /* An empty list: answered, nothing chosen, 0 points. */
    answer(&f, "activities", "");
    score_ok(&f);
    assert_int_equal(ras_result_points(f.r), 10);
    assert_int_equal(ras_result_adjustment_count(f.r), 0);
    close_fixture(&f);
}

static void test_score_adjustments(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "");
    ten_points(&f); /* £1,000.00 priced */

    answer(&f, "carer", "some"); /* -10%: £900.00 */
    score_ok(&f);
    assert_int_equal(ras_result_adjust_total(f.r), -1000);
    assert_false(ras_result_adjust_limited(f.r));
    assert_int_equal(ras_result_adjusted(f.r), 90000);

    answer(&f, "carer", "all"); /* -100% exactly: £0.00, not limited */
    score_ok(&f);
    assert_int_equal(ras_result_adjust_total(f.r), -10000);
    assert_false(ras_result_adjust_limited(f.r));
    assert_int_equal(ras_result_adjusted(f.r), 0);
    assert_int_equal(ras_result_basis(f.r), RAS_BASIS_RAS); /* eligible, amount 0 */

    answer(&f, "carer", "none");
    answer(&f, "other", "a;b"); /* -50% -50% = -100%: not limited */
    score_ok(&f);
    assert_int_equal(ras_result_adjust_total(f.r), -10000);
    assert_false(ras_result_adjust_limited(f.r));
    assert_int_equal(ras_result_adjustment_count(f.r), 2);

    answer(&f, "other", "a;b;c"); /* -125%, limited to -100% */
    score_ok(&f);
    assert_int_equal(ras_result_adjust_total(f.r), -10000);
    assert_true(ras_result_adjust_limited(f.r));
    assert_int_equal(ras_result_adjusted(f.r), 0);

    answer(&f, "other", "a;c");           /* -75% */
    answer(&f, "activities", "swimming"); /* +5% and 3 points: 13 x £100 = £1,300 */
    score_ok(&f);
    /* -75% + 5% = -70%: £1,300 x 30% = £390.00 */
    assert_int_equal(ras_result_adjust_total(f.r), -7000);
    assert_int_equal(ras_result_adjustment_count(f.r), 3);
    assert_int_equal(ras_result_adjusted(f.r), 39000);
    close_fixture(&f);
}

static void test_score_round_pound(void **state)
{
    (void)state;
    /* Rates of 83p, 50p and 17p; 3 points (nights 1, washing none) cost
     * £2.49, £1.50 and £0.51: to the pound £2, £2 and £1. */
    static const char table[] = "scoring: t\nversion: \"1\"\nquestionnaire: test-saq\n"
                                "rounding: pound\n"
                                "groups:\n"
                                "  default:\n    bands:\n      - {from: 0, rate: 0.83}\n"
                                "  fifty:\n    bands:\n      - {from: 0, rate: 0.50}\n"
                                "  seventeen:\n    bands:\n      - {from: 0, rate: 0.17}\n";
    fixture f;
    f.model = test_model(questionnaire, table);
    f.c = ras_case_new(f.model);
    f.r = ras_result_new(f.model);
    answer(&f, "washing", "none");
    answer(&f, "nights", "1");
    score_ok(&f);
    assert_int_equal(ras_result_adjusted(f.r), 249);
    assert_int_equal(ras_result_rounded(f.r), 200); /* 49p down */
    field(&f, RAS_FIELD_GROUP, "fifty");
    score_ok(&f);
    assert_int_equal(ras_result_adjusted(f.r), 150);
    assert_int_equal(ras_result_rounded(f.r), 200); /* 50p up */
    field(&f, RAS_FIELD_GROUP, "seventeen");
    score_ok(&f);
    assert_int_equal(ras_result_adjusted(f.r), 51);
    assert_int_equal(ras_result_rounded(f.r), 100); /* 51p up */
    assert_int_equal(ras_result_ras_amount(f.r), 100);
    close_fixture(&f);
}

static void test_score_floor_ceiling(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "floor: 1500.00\nceiling: 2400.00\n");
    ten_points(&f); /* £1,000 -> raised to the £1,500 floor */
    score_ok(&f);
    assert_int_equal(ras_result_rounded(f.r), 100000);
    assert_int_equal(ras_result_ras_amount(f.r), 150000);
    assert_int_equal(ras_result_clamped(f.r), -1);
    answer(&f, "washing", "all");
    answer(&f, "nights", "3"); /* 30 points: £2,500 -> lowered to £2,400 */
    score_ok(&f);
    assert_int_equal(ras_result_ras_amount(f.r), 240000);
    assert_int_equal(ras_result_clamped(f.r), 1);
    answer(&f, "nights", "1"); /* 28 points: £2,400 exactly, no clamp */
    score_ok(&f);
    assert_int_equal(ras_result_ras_amount(f.r), 240000);
    assert_int_equal(ras_result_clamped(f.r), 0);
    close_fixture(&f);
}

static void test_score_steps_group(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "");
    field(&f, RAS_FIELD_GROUP, "older");
    answer(&f, "washing", "none");
    answer(&f, "nights", "4"); /* 12 points: the step from 12, £2,600 */
    score_ok(&f);
    assert_string_equal(ras_result_group(f.r), "older");
    assert_int_equal(ras_result_ras_amount(f.r), 260000);
    assert_int_equal(ras_result_price_line_count(f.r), 1);
    assert_int_equal(ras_result_price_line(f.r, 0).from, 12);
    answer(&f, "washing", "all");
    answer(&f, "nights", "1"); /* 28 points: still £2,600 */
    score_ok(&f);
    assert_int_equal(ras_result_ras_amount(f.r), 260000);
    answer(&f, "nights", "2"); /* 31 -> 30 points: £6,500 */
    score_ok(&f);
    assert_int_equal(ras_result_ras_amount(f.r), 650000);
    close_fixture(&f);
}

/* Every combination of 3.4: only keep + not new + needs not increased +
 * existing stated gives the existing package. */
static void test_score_existing_package(void **state)
{
    (void)state;
    for (int keep = 0; keep < 2; keep++) {
        fixture f;
        open_fixture(&f, keep ? "existing_package: keep\n" : "existing_package: ignore\n");
        ten_points(&f); /* RAS amount £1,000.00 */
        for (int bits = 0; bits < 8; bits++) {
            bool is_new = bits & 1, increased = bits & 2, stated = bits & 4;
            field(&f, RAS_FIELD_NEW_CLIENT, is_new ? "yes" : "no");
            field(&f, RAS_FIELD_NEEDS_INCREASED, increased ? "yes" : "no");
            field(&f, RAS_FIELD_EXISTING_PACKAGE, stated ? "7800.00" : "");
            score_ok(&f);
            bool existing = keep && !is_new && !increased && stated;
            assert_int_equal(ras_result_ras_amount(f.r), 100000); /* always computed */
            assert_int_equal(ras_result_basis(f.r),
                             existing ? RAS_BASIS_EXISTING_PACKAGE : RAS_BASIS_RAS);
            assert_int_equal(ras_result_budget(f.r), existing ? 780000 : 100000);
            /* £7,800 / 52 = £150.00 exactly */
            assert_int_equal(ras_result_weekly(f.r), existing ? 15000 : 1923);
        }
        close_fixture(&f);
    }
}

static void test_score_existing_below_threshold(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "");
    answer(&f, "washing", "none");
    answer(&f, "nights", "0");
    field(&f, RAS_FIELD_NEW_CLIENT, "no");
    field(&f, RAS_FIELD_EXISTING_PACKAGE, "5200");
    score_ok(&f);
    assert_false(ras_result_eligible(f.r));
    assert_int_equal(ras_result_ras_amount(f.r), 0);
    assert_int_equal(ras_result_basis(f.r), RAS_BASIS_EXISTING_PACKAGE);
    assert_int_equal(ras_result_budget(f.r), 520000);
    assert_int_equal(ras_result_weekly(f.r), 10000);
    close_fixture(&f);
}

static void test_score_panel(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "panel_threshold: 1000.00\n");
    ten_points(&f); /* £1,000.00: at the threshold */
    score_ok(&f);
    assert_true(ras_result_panel(f.r));
    answer(&f, "carer", "some"); /* £900.00: below */
    score_ok(&f);
    assert_false(ras_result_panel(f.r));
    answer(&f, "carer", "none");
    answer(&f, "activities", "shopping"); /* 12 points, £1,200.00: above */
    score_ok(&f);
    assert_true(ras_result_panel(f.r));
    /* The panel looks at the indicative budget: an existing package of
     * £999.99 keeps it off the panel. */
    field(&f, RAS_FIELD_NEW_CLIENT, "no");
    field(&f, RAS_FIELD_EXISTING_PACKAGE, "999.99");
    score_ok(&f);
    assert_false(ras_result_panel(f.r));
    field(&f, RAS_FIELD_EXISTING_PACKAGE, "1000");
    score_ok(&f);
    assert_true(ras_result_panel(f.r));
    close_fixture(&f);
}

static void test_score_weekly(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "weeks_per_year: 48\n");
    ten_points(&f);
    answer(&f, "carer", "some"); /* £900.00 / 48 = £18.75 exactly */
    score_ok(&f);
    assert_int_equal(ras_result_weekly(f.r), 1875);
    answer(&f, "carer", "none"); /* £1,000.00 / 48 = 2083.33p -> £20.83 */
    score_ok(&f);
    assert_int_equal(ras_result_weekly(f.r), 2083);
    close_fixture(&f);
}

static void test_score_unknown_group(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "");
    ten_points(&f);
    field(&f, RAS_FIELD_CLIENT_ID, "C9");
    field(&f, RAS_FIELD_GROUP, "children");
    assert_int_equal(score(&f), RAS_ERR_CASE);
    assert_string_equal(f.err.subject, "group");
    assert_non_null(strstr(f.err.message, "unknown group 'children'"));
    assert_non_null(strstr(f.err.message, "default or older"));
    /* Nothing half-scored is left, but the client id stays. */
    assert_int_equal(ras_result_points(f.r), 0);
    assert_string_equal(ras_result_client_id(f.r), "C9");
    close_fixture(&f);
}

static void test_score_missing_required(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, "");
    answer(&f, "nights", "2");
    assert_int_equal(score(&f), RAS_ERR_CASE);
    assert_string_equal(f.err.subject, "washing");
    assert_string_equal(f.err.message, "question 'washing': required but not answered");
    /* A case still being filled in (ras ask) scores what it has. */
    assert_int_equal(ras_score_partial(f.model, f.c, f.r, &f.err), RAS_OK);
    assert_int_equal(ras_result_points(f.r), 6);
    assert_int_equal(ras_result_question_points(f.r, 0), 0);
    assert_false(ras_result_eligible(f.r)); /* 6 < 10 */
    /* Optional questions left out score 0. */
    answer(&f, "washing", "some");
    score_ok(&f);
    assert_int_equal(ras_result_question_points(f.r, 2), 0);
    close_fixture(&f);
}

static void test_score_overflow(void **state)
{
    (void)state;
    /* 30 points x £1,000,000,000,000.00 passes the one-trillion limit. */
    static const char table[] = "scoring: t\nversion: \"1\"\nquestionnaire: test-saq\n"
                                "groups:\n  default:\n    bands:\n"
                                "      - {from: 0, rate: 1000000000000.00}\n";
    fixture f;
    f.model = test_model(questionnaire, table);
    f.c = ras_case_new(f.model);
    f.r = ras_result_new(f.model);
    answer(&f, "washing", "none");
    answer(&f, "nights", "0");
    score_ok(&f); /* 0 points: £0 */
    assert_int_equal(ras_result_ras_amount(f.r), 0);
    answer(&f, "nights", "1");
    assert_int_equal(score(&f), RAS_ERR_OVERFLOW);
    close_fixture(&f);
}

static void test_score_dates(void **state)
{
    (void)state;
    static const char t2010[] = "scoring: t2010\nversion: \"1\"\nquestionnaire: test-saq\n"
                                "effective_from: 2010-04-01\n"
                                "groups:\n  default:\n    bands:\n      - {from: 0, rate: 1}\n";
    static const char t2012[] = "scoring: t2012\nversion: \"1\"\nquestionnaire: test-saq\n"
                                "effective_from: 2012-04-01\n"
                                "groups:\n  default:\n    bands:\n      - {from: 0, rate: 2}\n";
    ras_source q = {"questionnaire.yaml", questionnaire, strlen(questionnaire)};
    ras_source t[2] = {{"s2012.yaml", t2012, strlen(t2012)}, {"s2010.yaml", t2010, strlen(t2010)}};
    fixture f;
    ras_error err;
    assert_int_equal(ras_model_load(&q, t, 2, &f.model, &err), RAS_OK);
    f.c = ras_case_new(f.model);
    f.r = ras_result_new(f.model);
    ten_points(&f);
    score_ok(&f); /* no date: the latest table, £2 a point */
    assert_string_equal(ras_table_id(ras_result_table(f.r)), "t2012");
    assert_int_equal(ras_result_ras_amount(f.r), 2000);
    field(&f, RAS_FIELD_ASSESSED_ON, "2012-03-31");
    score_ok(&f);
    assert_string_equal(ras_table_id(ras_result_table(f.r)), "t2010");
    assert_int_equal(ras_result_ras_amount(f.r), 1000);
    field(&f, RAS_FIELD_ASSESSED_ON, "2012-04-01");
    score_ok(&f);
    assert_string_equal(ras_table_id(ras_result_table(f.r)), "t2012");
    field(&f, RAS_FIELD_ASSESSED_ON, "2010-03-31");
    assert_int_equal(score(&f), RAS_ERR_CASE);
    assert_string_equal(f.err.subject, "assessed_on");
    assert_non_null(strstr(f.err.message, "2010-03-31"));
    assert_null(ras_result_table(f.r));
    close_fixture(&f);
}

static void test_basis_names(void **state)
{
    (void)state;
    assert_string_equal(ras_basis_name(RAS_BASIS_RAS), "ras");
    assert_string_equal(ras_basis_name(RAS_BASIS_EXISTING_PACKAGE), "existing_package");
    assert_string_equal(ras_basis_name(RAS_BASIS_BELOW_THRESHOLD), "below_threshold");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bands_at_every_from),
        cmocka_unit_test(test_steps_at_every_from),
        cmocka_unit_test(test_price_overflow),
        cmocka_unit_test(test_adjust_rounding),
        cmocka_unit_test(test_finish_round_and_clamp),
        cmocka_unit_test(test_table_amount),
        cmocka_unit_test(test_basis_names),
        cmocka_unit_test(test_score_at_threshold),
        cmocka_unit_test(test_score_below_threshold),
        cmocka_unit_test(test_score_cap),
        cmocka_unit_test(test_score_multiple),
        cmocka_unit_test(test_score_adjustments),
        cmocka_unit_test(test_score_round_pound),
        cmocka_unit_test(test_score_floor_ceiling),
        cmocka_unit_test(test_score_steps_group),
        cmocka_unit_test(test_score_existing_package),
        cmocka_unit_test(test_score_existing_below_threshold),
        cmocka_unit_test(test_score_panel),
        cmocka_unit_test(test_score_weekly),
        cmocka_unit_test(test_score_unknown_group),
        cmocka_unit_test(test_score_missing_required),
        cmocka_unit_test(test_score_overflow),
        cmocka_unit_test(test_score_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
