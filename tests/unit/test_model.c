/* test_model.c - loading a model (questionnaire + scoring tables): the
 * values a valid model gives, every rule of docs/model-format.md refused at the right
 * FILE:LINE:COLUMN, table choice by date, points range, fingerprints,
 * folders and files, and the `ras check` description. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "support.h"

static const char base_q[] = "questionnaire: adult-saq\n"
                             "version: \"2010.1\"\n"
                             "title: Adult self-assessment\n"
                             "domains:\n"
                             "  - id: personal_care\n"
                             "    title: Personal care\n"
                             "    cap: 25\n"
                             "    questions:\n"
                             "      - id: washing\n"
                             "        text: How much help do you need to wash?\n"
                             "        help: Think about a typical week.\n"
                             "        answers:\n"
                             "          - {id: none, text: No help, points: 1}\n"
                             "          - {id: some, text: Some days, points: 4}\n"
                             "          - {id: all, text: Every day, points: 8}\n"
                             "      - id: night_visits\n"
                             "        type: number\n"
                             "        text: How many nights?\n"
                             "        min: 1\n"
                             "        max: 7\n"
                             "        points_per_unit: 3\n"
                             "  - id: family_support\n"
                             "    title: Support from family\n"
                             "    questions:\n"
                             "      - id: carer_help\n"
                             "        text: How much do family give?\n"
                             "        required: false\n"
                             "        answers:\n"
                             "          - {id: none, text: None of it, points: 0}\n"
                             "          - {id: some, text: Some of it, points: 0, adjust: -10%}\n"
                             "          - {id: most, text: Most of it, points: 0, adjust: -12.5%}\n"
                             "      - id: activities\n"
                             "        type: multiple\n"
                             "        text: What do you need help with?\n"
                             "        answers:\n"
                             "          - {id: shopping, text: Shopping, points: 2}\n"
                             "          - {id: swimming, text: Swimming, points: 3}\n";

static const char base_t[] = "scoring: adult-2010\n"
                             "version: \"2010.1\"\n"
                             "questionnaire: adult-saq\n"
                             "effective_from: 2010-04-01\n"
                             "currency: GBP\n"
                             "threshold: 5\n"
                             "rounding: pound\n"
                             "weeks_per_year: 52\n"
                             "floor: 500.00\n"
                             "ceiling: 45000.00\n"
                             "panel_threshold: 20000\n"
                             "existing_package: keep\n"
                             "groups:\n"
                             "  default:\n"
                             "    bands:\n"
                             "      - {from: 0, rate: 150.00}\n"
                             "      - {from: 20, rate: 110.50}\n"
                             "  older_people:\n"
                             "    steps:\n"
                             "      - {from: 0, amount: 0}\n"
                             "      - {from: 12, amount: 2600.00}\n"
                             "      - {from: 30, amount: 6500.00}\n";

/* A copy of text with the first `old` replaced by `new` (fails the test
 * when old is not there). */
static char *with(const char *text, const char *old, const char *new)
{
    const char *at = strstr(text, old);
    if (!at)
        fail_msg("'%s' is not in the text", old);
    size_t head = (size_t)(at - text), o = strlen(old), n = strlen(new);
    char *s = malloc(strlen(text) - o + n + 1);
    assert_non_null(s);
    memcpy(s, text, head);
    memcpy(s + head, new, n);
    strcpy(s + head + n, at + o);
    return s;
}

static ras_status load2(const char *q, const char *t, ras_model **m, ras_error *err)
{
    ras_source qs = {"q.yaml", q, strlen(q)};
    ras_source ts = {"t.yaml", t, strlen(t)};
    ras_error_clear(err);
    return ras_model_load(&qs, &ts, 1, m, err);
}

/* Line and column (1-based) of the first `marker` in text. */
static void locate(const char *text, const char *marker, unsigned long *line, unsigned long *column)
{
    const char *at = strstr(text, marker);
    if (!at)
        fail_msg("marker '%s' is not in the text", marker);
    *line = 1;
    *column = 1;
    for (const char *p = text; p < at; p++) {
        if (*p == '\n') {
            (*line)++;
            *column = 1;
        } else {
            (*column)++;
        }
    }
}

/* One refusal: in the questionnaire (table == false) or the table, replace
 * old by new; expect status at the first `at` of the changed file and a
 * message holding `part`. */
typedef struct refusal {
    bool table;
    const char *old, *new;
    ras_status status;
    const char *at; /* NULL: the error names the file only */
    const char *part;
} refusal;

static void expect_refusals(const refusal *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const refusal *c = &cases[i];
        char *q = c->table ? strdup(base_q) : with(base_q, c->old, c->new);
        char *t = c->table ? with(base_t, c->old, c->new) : strdup(base_t);
        assert_non_null(q);
        assert_non_null(t);
        ras_model *m = (ras_model *)1;
        ras_error err;
        ras_status st = load2(q, t, &m, &err);
        unsigned long line = 0, column = 0;
        if (c->at)
            locate(c->table ? t : q, c->at, &line, &column);
        char buf[1024];
        ras_error_format(&err, buf, sizeof buf);
        if (st != c->status || err.line != line || err.column != column ||
            !strstr(err.message, c->part) || strcmp(err.file, c->table ? "t.yaml" : "q.yaml"))
            fail_msg("case %zu ('%s' -> '%s'): got status %d, '%s'; expected %d at %lu:%lu "
                     "with '%s'",
                     i, c->old, c->new, st, buf, c->status, line, column, c->part);
        assert_null(m);
        assert_int_equal(err.status, c->status);
        free(q);
        free(t);
    }
}

#define REFUSE(cases) expect_refusals(cases, sizeof cases / sizeof cases[0])

/* ---- a valid model ---- */

static void test_valid_questionnaire(void **state)
{
    (void)state;
    ras_model *m = test_model(base_q, base_t);
    assert_string_equal(ras_model_id(m), "adult-saq");
    assert_string_equal(ras_model_version(m), "2010.1");
    assert_string_equal(ras_model_title(m), "Adult self-assessment");
    assert_string_equal(ras_model_file(m), "questionnaire.yaml");
    assert_int_equal(ras_model_domain_count(m), 2);
    assert_int_equal(ras_model_question_count(m), 4);
    assert_int_equal(m->n_answers, 8);

    const ras_domain *d = ras_model_domain(m, 0);
    assert_string_equal(ras_domain_id(d), "personal_care");
    assert_string_equal(ras_domain_title(d), "Personal care");
    assert_true(ras_domain_has_cap(d));
    assert_int_equal(ras_domain_cap(d), 25);
    assert_int_equal(ras_domain_question_count(d), 2);
    assert_false(ras_domain_has_cap(ras_model_domain(m, 1)));
    assert_null(ras_model_domain(m, 2));

    const ras_question *q = ras_domain_question(d, 0);
    assert_string_equal(ras_question_id(q), "washing");
    assert_string_equal(ras_question_text(q), "How much help do you need to wash?");
    assert_string_equal(ras_question_help(q), "Think about a typical week.");
    assert_int_equal(ras_question_kind(q), RAS_SINGLE);
    assert_true(ras_question_required(q));
    assert_int_equal(ras_question_answer_count(q), 3);
    assert_string_equal(ras_answer_id(q, 2), "all");
    assert_string_equal(ras_answer_text(q, 1), "Some days");
    assert_int_equal(ras_answer_points(q, 2), 8);
    assert_null(ras_answer_id(q, 3));
    assert_int_equal(q->first_answer, 0);

    q = ras_model_question(m, 1);
    assert_string_equal(ras_question_id(q), "night_visits");
    assert_int_equal(ras_question_kind(q), RAS_NUMBER);
    assert_null(ras_question_help(q));
    assert_int_equal(ras_question_min(q), 1);
    assert_int_equal(ras_question_max(q), 7);
    assert_int_equal(ras_question_points_per_unit(q), 3);
    assert_int_equal(ras_question_answer_count(q), 0);
    assert_int_equal(ras_question_index(q), 1);
    assert_int_equal(ras_question_domain(q), 0);

    q = ras_model_question(m, 2);
    assert_string_equal(ras_question_id(q), "carer_help");
    assert_false(ras_question_required(q));
    assert_int_equal(ras_question_domain(q), 1);
    assert_int_equal(ras_answer_adjust(q, 0), 0);
    assert_int_equal(ras_answer_adjust(q, 1), -1000);
    assert_int_equal(ras_answer_adjust(q, 2), -1250);
    assert_int_equal(q->first_answer, 3);

    q = ras_model_question(m, 3);
    assert_int_equal(ras_question_kind(q), RAS_MULTIPLE);
    assert_int_equal(q->first_answer, 6);
    assert_int_equal(ras_question_index(q), 3);
    assert_null(ras_model_question(m, 4));
    ras_model_free(m);
}

static void test_valid_table(void **state)
{
    (void)state;
    ras_model *m = test_model(base_q, base_t);
    assert_int_equal(ras_model_table_count(m), 1);
    const ras_table *t = ras_model_table(m, 0);
    assert_string_equal(ras_table_id(t), "adult-2010");
    assert_string_equal(ras_table_version(t), "2010.1");
    assert_string_equal(ras_table_file(t), "scoring.yaml");
    assert_int_equal(ras_table_effective_from(t), 20100401);
    assert_string_equal(ras_table_currency(t), "GBP");
    assert_int_equal(ras_table_threshold(t), 5);
    assert_int_equal(ras_table_rounding(t), RAS_ROUND_POUND);
    assert_int_equal(ras_table_weeks_per_year(t), 52);
    ras_pence v = 0;
    assert_true(ras_table_floor(t, &v));
    assert_int_equal(v, 50000);
    assert_true(ras_table_ceiling(t, &v));
    assert_int_equal(v, 4500000);
    assert_true(ras_table_panel_threshold(t, &v));
    assert_int_equal(v, 2000000);
    assert_true(ras_table_keeps_existing(t));
    assert_int_equal(ras_table_group_count(t), 2);
    assert_string_equal(ras_table_group_name(t, 0), "default");
    assert_int_equal(t->default_group, 0);
    assert_int_equal(ras_table_find_group(t, "older_people", 12), 1);
    assert_int_equal(ras_table_find_group(t, "older", 5), -1);
    assert_false(ras_table_group_uses_steps(t, 0));
    assert_true(ras_table_group_uses_steps(t, 1));
    assert_int_equal(ras_table_band_count(t, 0), 2);
    assert_int_equal(ras_table_band_from(t, 0, 1), 20);
    assert_int_equal(ras_table_band_value(t, 0, 1), 11050);
    assert_int_equal(ras_table_band_count(t, 1), 3);
    assert_int_equal(ras_table_band_value(t, 1, 2), 650000);
    assert_int_equal(ras_table_band_count(t, 9), 0);
    ras_model_free(m);
}

static void test_table_defaults(void **state)
{
    (void)state;
    static const char t_min[] = "scoring: s\nversion: '1'\nquestionnaire: adult-saq\n"
                                "groups:\n  older_people:\n    steps: [{from: 0, amount: 10}]\n";
    ras_model *m = test_model(base_q, t_min);
    const ras_table *t = ras_model_table(m, 0);
    assert_int_equal(ras_table_effective_from(t), 0);
    assert_string_equal(ras_table_currency(t), "GBP");
    assert_int_equal(ras_table_threshold(t), 0);
    assert_int_equal(ras_table_rounding(t), RAS_ROUND_PENNY);
    assert_int_equal(ras_table_weeks_per_year(t), 52);
    ras_pence v = 77;
    assert_false(ras_table_floor(t, &v));
    assert_false(ras_table_ceiling(t, &v));
    assert_false(ras_table_panel_threshold(t, &v));
    assert_int_equal(v, 77);
    assert_true(ras_table_keeps_existing(t));
    /* No 'default' group is allowed: a case naming no group then fails
     * when it is scored. */
    assert_int_equal(t->default_group, -1);
    ras_model_free(m);

    char *t2 = with(base_t, "existing_package: keep", "existing_package: ignore");
    char *t3 = with(t2, "currency: GBP", "currency: EUR");
    m = test_model(base_q, t3);
    assert_false(ras_table_keeps_existing(ras_model_table(m, 0)));
    assert_string_equal(ras_table_currency(ras_model_table(m, 0)), "EUR");
    ras_model_free(m);
    free(t2);
    free(t3);
}

static void test_find_question(void **state)
{
    (void)state;
    ras_model *m = test_model(base_q, base_t);
    const ras_question *q = ras_model_find_question(m, "carer_help", 10);
    assert_non_null(q);
    assert_int_equal(ras_question_index(q), 2);
    /* len counts: a prefix is not a match, nor is a longer text. */
    assert_null(ras_model_find_question(m, "carer", 5));
    assert_non_null(ras_model_find_question(m, "washingXX", 7));
    assert_null(ras_model_find_question(m, "nothing", 7));
    ras_model_free(m);
}

static void test_points_range(void **state)
{
    (void)state;
    ras_model *m = test_model(base_q, base_t);
    int64_t lo = -1, hi = -1;
    ras_model_points_range(m, &lo, &hi);
    /* personal_care: washing 1..8, nights 3..21, capped at 25: 4..25;
     * family: carer_help (not required) 0..0, activities 0..5. */
    assert_int_equal(lo, 4);
    assert_int_equal(hi, 30);
    ras_model_free(m);

    /* Without the cap, and with washing not required. */
    char *q1 = with(base_q, "    cap: 25\n", "");
    char *q2 = with(q1, "        help: Think", "        required: no\n        help: Think");
    m = test_model(q2, base_t);
    ras_model_points_range(m, &lo, &hi);
    assert_int_equal(lo, 3);
    assert_int_equal(hi, 8 + 21 + 5);
    ras_model_free(m);
    free(q1);
    free(q2);

    /* A cap below the least points caps the minimum too. */
    char *q3 = with(base_q, "cap: 25", "cap: 2");
    m = test_model(q3, base_t);
    ras_model_points_range(m, &lo, &hi);
    assert_int_equal(lo, 2);
    assert_int_equal(hi, 2 + 5);
    ras_model_free(m);
    free(q3);
}

/* The fingerprint is the SHA-256 of the file's bytes, as sha256sum gives. */
static void test_fingerprint(void **state)
{
    (void)state;
    ras_model *m = test_model(base_q, base_t);
    assert_int_equal(strlen(ras_model_fingerprint(m)), 64);
    assert_int_equal(strlen(ras_table_fingerprint(ras_model_table(m, 0))), 64);
    assert_string_not_equal(ras_model_fingerprint(m), ras_table_fingerprint(ras_model_table(m, 0)));
    ras_model_free(m);

    /* Compare with a digest computed by sha256sum from the same bytes. */
    char *q = strdup(base_q);
    assert_non_null(q);
    m = test_model(q, base_t);
    char cmd[256];
    char path[] = "/tmp/ras_fp_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, q, strlen(q)), (ssize_t)strlen(q));
    close(fd);
    snprintf(cmd, sizeof cmd, "sha256sum %s", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char digest[65] = "";
    assert_int_equal(fscanf(p, "%64s", digest), 1);
    pclose(p);
    unlink(path);
    assert_string_equal(ras_model_fingerprint(m), digest);
    ras_model_free(m);
    free(q);

    /* And a fixed digest of a small questionnaire (from sha256sum). */
    static const char tiny_q[] = "questionnaire: x\nversion: '1'\ntitle: T\ndomains:\n"
                                 "  - {id: d, title: D, questions: [{id: q, text: Q, "
                                 "answers: [{id: a, text: A, points: 1}]}]}\n";
    static const char tiny_t[] = "scoring: s\nversion: '1'\nquestionnaire: x\n"
                                 "groups: {default: {bands: [{from: 0, rate: 1}]}}\n";
    m = test_model(tiny_q, tiny_t);
    assert_string_equal(ras_model_fingerprint(m),
                        "62de104f166b43bb5a55d0890515efa3b686c469a5d87686c6a9a7cd28100a01");
    ras_model_free(m);
}

/* ---- the questionnaire's rules ---- */

static void test_questionnaire_keys(void **state)
{
    (void)state;
    static const refusal cases[] = {
        {false, "title: Adult self-assessment\n", "title: Adult\ncolour: blue\n", RAS_ERR_MODEL,
         "colour", "questionnaire: unknown key 'colour' (expected questionnaire, version"},
        {false, "title: Adult self-assessment\n", "", RAS_ERR_MODEL,
         "questionnaire:", "missing key 'title'"},
        {false, "version: \"2010.1\"\n", "", RAS_ERR_MODEL,
         "questionnaire:", "missing key 'version'"},
        {false, "title: Personal care\n", "title: Personal care\n    size: 3\n", RAS_ERR_MODEL,
         "size", "domain 'personal_care': unknown key 'size'"},
        {false, "    title: Personal care\n", "", RAS_ERR_MODEL, "id: personal_care",
         "domain 'personal_care': missing key 'title'"},
        {false, "        help: Think about a typical week.\n",
         "        hint: Think about a typical week.\n", RAS_ERR_MODEL, "hint",
         "unknown key 'hint'"},
        {false, "        text: How much help do you need to wash?\n", "", RAS_ERR_MODEL,
         "id: washing", "missing key 'text'"},
        {false, "{id: all, text: Every day, points: 8}", "{id: all, text: Every day}",
         RAS_ERR_MODEL, "{id: all", "question 'washing', answer 'all': missing key 'points'"},
        {false, "{id: all, text: Every day, points: 8}",
         "{id: all, text: Every day, points: 8, colour: red}", RAS_ERR_MODEL, "colour",
         "unknown key 'colour' (expected id, text, points or adjust)"},
        {false, "title: Adult self-assessment\n", "title: Adult\ntitle: Again\n", RAS_ERR_SYNTAX,
         "title: Again", "duplicate key 'title'"},
        {false, "domains:\n", "domains: &d\n", RAS_ERR_SYNTAX, "&d", "anchors"},
    };
    REFUSE(cases);
}

static void test_questionnaire_types(void **state)
{
    (void)state;
    static const refusal cases[] = {
        {false, "points: 4}", "points: four}", RAS_ERR_MODEL, "four",
         "question 'washing', answer 'some': 'points' must be a whole number, not 'four'"},
        {false, "points: 4}", "points: -4}", RAS_ERR_MODEL, "-4", "'points' must be 0 or more"},
        {false, "points: 4}", "points: 4.5}", RAS_ERR_MODEL, "4.5", "whole number"},
        {false, "points: 4}", "points: 99999999999999999999999}", RAS_ERR_MODEL, "999",
         "'points' must be at most 1000000000"},
        {false, "cap: 25", "cap: -1", RAS_ERR_MODEL, "-1", "domain 'personal_care': 'cap'"},
        {false, "cap: 25", "cap: [25]", RAS_ERR_MODEL, "[25]",
         "'cap' must be a whole number, not a list"},
        {false, "required: false", "required: perhaps", RAS_ERR_MODEL, "perhaps",
         "question 'carer_help': 'required' must be yes or no"},
        {false, "type: multiple", "type: several", RAS_ERR_MODEL, "several",
         "unknown type 'several' (expected single, multiple or number)"},
        {false, "adjust: -10%", "adjust: -10", RAS_ERR_MODEL, "-10}", "must be a percentage"},
        {false, "adjust: -10%", "adjust: -10.125%", RAS_ERR_MODEL, "-10.125%", "percentage"},
        {false, "    questions:\n      - id: washing",
         "    questions: {}\n    x:\n      - id: washing", RAS_ERR_MODEL, "x:", "unknown key 'x'"},
        {false, "questionnaire: adult-saq", "questionnaire: Adult SAQ", RAS_ERR_MODEL, "Adult",
         "'questionnaire' must be an id of lower-case letters"},
        {false, "- id: washing", "- id: wash.ing", RAS_ERR_MODEL, "wash.ing", "must be an id"},
        {false, "title: Adult self-assessment", "title: ~", RAS_ERR_MODEL, "~",
         "'title' is missing its value"},
    };
    REFUSE(cases);
}

static void test_questionnaire_ids(void **state)
{
    (void)state;
    static const refusal cases[] = {
        /* a question id twice, across domains */
        {false, "- id: activities", "- id: washing", RAS_ERR_MODEL,
         "washing\n        type: multiple",
         "question id 'washing' is used twice (first at line 9)"},
        {false, "- id: family_support", "- id: personal_care", RAS_ERR_MODEL,
         "personal_care\n    title: Support", "domain id 'personal_care' is used twice"},
        {false, "{id: all,", "{id: some,", RAS_ERR_MODEL, "some, text: Every",
         "question 'washing': answer id 'some' is used twice (first at line 14)"},
        {false, "- id: activities", "- id: group", RAS_ERR_MODEL, "group",
         "question id 'group' is reserved for a CSV column"},
        {false, "- id: activities", "- id: recorded_budget", RAS_ERR_MODEL, "recorded_budget",
         "reserved"},
        {false, "- id: carer_help", "- id: current_cost", RAS_ERR_MODEL, "current_cost",
         "reserved"},
    };
    REFUSE(cases);
}

static void test_questionnaire_shapes(void **state)
{
    (void)state;
    static const refusal cases[] = {
        /* an empty domain */
        {false,
         "    questions:\n      - id: carer_help\n        text: How much do family give?\n"
         "        required: false\n        answers:\n"
         "          - {id: none, text: None of it, points: 0}\n"
         "          - {id: some, text: Some of it, points: 0, adjust: -10%}\n"
         "          - {id: most, text: Most of it, points: 0, adjust: -12.5%}\n"
         "      - id: activities\n        type: multiple\n"
         "        text: What do you need help with?\n        answers:\n"
         "          - {id: shopping, text: Shopping, points: 2}\n"
         "          - {id: swimming, text: Swimming, points: 3}\n",
         "    questions: []\n", RAS_ERR_MODEL, "[]", "domain 'family_support' has no questions"},
        {false, "domains:\n  - id: personal_care", "domains: []\nx:\n  - id: personal_care",
         RAS_ERR_MODEL, "x:", "unknown key"},
        /* number questions */
        {false, "        min: 1\n", "", RAS_ERR_MODEL, "id: night_visits",
         "question 'night_visits': a number question needs 'min'"},
        {false, "        points_per_unit: 3\n", "", RAS_ERR_MODEL, "id: night_visits",
         "needs 'points_per_unit'"},
        {false, "min: 1", "min: 8", RAS_ERR_MODEL, "8\n",
         "question 'night_visits': 'min' (8) must not exceed 'max' (7)"},
        {false, "min: 1", "min: -1", RAS_ERR_MODEL, "-1", "'min' must be 0 or more"},
        {false, "max: 7", "max: 7.5", RAS_ERR_MODEL, "7.5", "'max' must be a whole number"},
        {false, "        points_per_unit: 3\n",
         "        points_per_unit: 3\n        answers: [{id: a, text: A, points: 1}]\n",
         RAS_ERR_MODEL, "[{id: a", "a number question has no answers"},
        /* single and multiple questions */
        {false, "        help: Think about a typical week.\n",
         "        help: Think about a typical week.\n        max: 3\n", RAS_ERR_MODEL, "3\n",
         "question 'washing': 'max' is only for number questions"},
        {false,
         "        answers:\n          - {id: shopping, text: Shopping, points: 2}\n"
         "          - {id: swimming, text: Swimming, points: 3}\n",
         "        answers: []\n", RAS_ERR_MODEL, "[]",
         "question 'activities' needs at least one answer"},
        {false,
         "        answers:\n          - {id: shopping, text: Shopping, points: 2}\n"
         "          - {id: swimming, text: Swimming, points: 3}\n",
         "", RAS_ERR_MODEL, "id: activities", "question 'activities': missing key 'answers'"},
        {false, "- {id: shopping, text: Shopping, points: 2}", "- shopping", RAS_ERR_MODEL,
         "shopping\n", "expected a mapping of keys to values, not 'shopping'"},
    };
    REFUSE(cases);
}

static void test_points_limit(void **state)
{
    (void)state;
    static const refusal cases[] = {
        /* each answer is fine; summed over a multiple they are too many */
        {false, "points: 2}\n          - {id: swimming, text: Swimming, points: 3}",
         "points: 600000000}\n          - {id: swimming, text: Swimming, points: 600000000}",
         RAS_ERR_LIMIT, "id: family_support", "domain 'family_support'"},
    };
    REFUSE(cases);
    /* 7 x 999999999 alone is over the limit, unless a cap keeps it in. */
    char *uncapped = with(base_q, "    cap: 25\n", "");
    char *huge = with(uncapped, "points_per_unit: 3", "points_per_unit: 999999999");
    ras_model *bad = (ras_model *)1;
    ras_error e;
    assert_int_equal(load2(huge, base_t, &bad, &e), RAS_ERR_LIMIT);
    assert_null(bad);
    assert_int_equal(e.line, 5);
    assert_int_equal(e.column, 5);
    assert_non_null(strstr(e.message, "domain 'personal_care': the questionnaire could give "
                                      "more than 1000000000 points"));
    free(uncapped);
    free(huge);
    char *q = with(base_q, "points_per_unit: 3", "points_per_unit: 999999999");
    ras_model *m = NULL;
    ras_error err;
    char *q2 = with(q, "cap: 25", "cap: 1000");
    assert_int_equal(load2(q2, base_t, &m, &err), RAS_OK);
    int64_t lo, hi;
    ras_model_points_range(m, &lo, &hi);
    assert_int_equal(hi, 1005);
    ras_model_free(m);
    free(q);
    free(q2);
}

/* ---- the scoring table's rules ---- */

static void test_table_keys_and_types(void **state)
{
    (void)state;
    static const refusal cases[] = {
        {true, "threshold: 5", "threshold: 5\nbonus: 3", RAS_ERR_MODEL, "bonus",
         "scoring table 'adult-2010': unknown key 'bonus'"},
        {true, "groups:\n", "grups:\n", RAS_ERR_MODEL, "grups", "unknown key 'grups'"},
        {true, "scoring: adult-2010\n", "", RAS_ERR_MODEL, "version:", "missing key 'scoring'"},
        {true, "threshold: 5", "threshold: -5", RAS_ERR_MODEL, "-5",
         "scoring table 'adult-2010': 'threshold' must be 0 or more"},
        {true, "weeks_per_year: 52", "weeks_per_year: 0", RAS_ERR_MODEL, "0\nfloor",
         "'weeks_per_year' must be 1 or more"},
        {true, "weeks_per_year: 52", "weeks_per_year: 367", RAS_ERR_MODEL, "367", "at most 366"},
        {true, "currency: GBP", "currency: gbp", RAS_ERR_MODEL, "gbp", "3 capital letters"},
        {true, "currency: GBP", "currency: POUND", RAS_ERR_MODEL, "POUND", "3 capital letters"},
        {true, "rounding: pound", "rounding: shilling", RAS_ERR_MODEL, "shilling",
         "'rounding' must be penny or pound, not 'shilling'"},
        {true, "existing_package: keep", "existing_package: yes", RAS_ERR_MODEL, "yes",
         "'existing_package' must be keep or ignore"},
        {true, "effective_from: 2010-04-01", "effective_from: 2011-02-30", RAS_ERR_MODEL,
         "2011-02-30", "'effective_from' must be a date that exists"},
        {true, "effective_from: 2010-04-01", "effective_from: 01/04/2010", RAS_ERR_MODEL, "01/04",
         "YYYY-MM-DD"},
        {true, "scoring: adult-2010", "scoring: Adult 2010", RAS_ERR_MODEL, "Adult",
         "'scoring' must be an id"},
        {true, "questionnaire: adult-saq", "questionnaire: carer-saq", RAS_ERR_MODEL, "carer-saq",
         "scoring table 'adult-2010' is for questionnaire 'carer-saq', not 'adult-saq'"},
        {true, "version: \"2010.1\"", "version:", RAS_ERR_MODEL, "\nquestionnaire",
         "'version' is missing its value"},
    };
    REFUSE(cases);
}

static void test_table_money(void **state)
{
    (void)state;
    static const refusal cases[] = {
        {true, "floor: 500.00", "floor: 500.001", RAS_ERR_MODEL, "500.001",
         "'floor' must be an amount in pounds with at most two decimals"},
        {true, "floor: 500.00", "floor: -500", RAS_ERR_MODEL, "-500", "'floor' must be an amount"},
        {true, "floor: 500.00", "floor: +500", RAS_ERR_MODEL, "+500", "'floor' must be an amount"},
        {true, "ceiling: 45000.00", "ceiling: 45,000", RAS_ERR_MODEL, "45,000", "'ceiling'"},
        {true, "ceiling: 45000.00", "ceiling: 1e5", RAS_ERR_MODEL, "1e5", "'ceiling'"},
        {true, "rate: 150.00", "rate: 150.555", RAS_ERR_MODEL, "150.555",
         "scoring table 'adult-2010', group 'default': 'rate' must be an amount"},
        {true, "amount: 2600.00", "amount: 99999999999999999999", RAS_ERR_MODEL, "9999",
         "'amount' is too large"},
        /* rounding to pounds needs whole-pound limits */
        {true, "floor: 500.00", "floor: 500.50", RAS_ERR_MODEL, "500.50",
         "'floor' must be whole pounds because 'rounding' is pound"},
        {true, "ceiling: 45000.00", "ceiling: 45000.01", RAS_ERR_MODEL, "45000.01",
         "'ceiling' must be whole pounds"},
        {true, "panel_threshold: 20000", "panel_threshold: 19999.99", RAS_ERR_MODEL, "19999.99",
         "'panel_threshold' must be whole pounds"},
        {true, "floor: 500.00", "floor: 50000", RAS_ERR_MODEL, "50000",
         "'floor' (50000.00) must not exceed 'ceiling' (45000.00)"},
    };
    REFUSE(cases);
    /* With penny rounding the same pence are fine. */
    char *t1 = with(base_t, "rounding: pound", "rounding: penny");
    char *t2 = with(t1, "floor: 500.00", "floor: 500.50");
    ras_model *m = test_model(base_q, t2);
    ras_pence f = 0;
    assert_true(ras_table_floor(ras_model_table(m, 0), &f));
    assert_int_equal(f, 50050);
    ras_model_free(m);
    free(t1);
    free(t2);
}

static void test_table_groups(void **state)
{
    (void)state;
    static const refusal cases[] = {
        {true, "      - {from: 0, rate: 150.00}", "      - {from: 1, rate: 150.00}", RAS_ERR_MODEL,
         "1, rate", "group 'default': the first band must have 'from: 0', not 1"},
        {true, "{from: 20, rate: 110.50}", "{from: 0, rate: 110.50}", RAS_ERR_MODEL, "0, rate: 110",
         "'from' must increase from band to band (0 after 0)"},
        {true, "{from: 30, amount: 6500.00}", "{from: 10, amount: 6500.00}", RAS_ERR_MODEL,
         "10, amount",
         "group 'older_people': 'from' must increase from step to step (10 after 12)"},
        {true, "{from: 30, amount: 6500.00}", "{from: 30, amount: 2599.99}", RAS_ERR_MODEL,
         "2599.99", "step amounts must never decrease (2599.99 after 2600.00)"},
        {true, "  older_people:\n    steps:",
         "  older_people:\n    bands: [{from: 0, rate: 1}]\n    steps:", RAS_ERR_MODEL,
         "- {from: 0, amount: 0}", "has both 'bands' and 'steps'"},
        {true, "  older_people:\n    steps:", "  older_people:\n    stairs:", RAS_ERR_MODEL,
         "stairs", "unknown key 'stairs' (expected title, bands or steps)"},
        {true, "  default:\n", "  Default:\n", RAS_ERR_MODEL, "Default",
         "group name 'Default' must be lower-case letters"},
        {true, "  older_people:\n", "  default:\n", RAS_ERR_SYNTAX, "default:\n    steps",
         "duplicate key 'default'"},
        {true, "{from: 20, rate: 110.50}", "{from: 20}", RAS_ERR_MODEL, "{from: 20}",
         "group 'default': missing key 'rate'"},
        {true, "{from: 20, rate: 110.50}", "{from: 20, amount: 110.50}", RAS_ERR_MODEL, "amount",
         "unknown key 'amount' (expected from or rate)"},
        {true,
         "    steps:\n      - {from: 0, amount: 0}\n      - {from: 12, amount: 2600.00}\n"
         "      - {from: 30, amount: 6500.00}\n",
         "    steps: []\n", RAS_ERR_MODEL, "[]", "needs at least one step"},
        {true, "groups:\n  default:", "groups: {}\nx:\n  default:", RAS_ERR_MODEL,
         "x:", "unknown key"},
    };
    REFUSE(cases);
}

/* Group titles (docs/model-format.md section 3.2): optional, read back
 * as given, and refused when blank, holding a control character, or
 * naming another group of the table in any case. */
static void test_group_titles(void **state)
{
    (void)state;
    char *t = with(base_t, "  older_people:\n", "  older_people:\n    title: Older people\n");
    ras_model *m = NULL;
    ras_error err;
    assert_int_equal(load2(base_q, t, &m, &err), RAS_OK);
    const ras_table *tab = ras_model_table(m, 0);
    assert_null(ras_table_group_title(tab, 0));
    assert_string_equal(ras_table_group_title(tab, 1), "Older people");
    assert_null(ras_table_group_title(tab, 2));
    ras_model_free(m);
    free(t);
    /* A title that is its own group's id in other letters is no clash. */
    t = with(base_t, "  default:\n", "  default:\n    title: DEFAULT\n");
    assert_int_equal(load2(base_q, t, &m, &err), RAS_OK);
    ras_model_free(m);
    free(t);
    static const refusal cases[] = {
        {true, "  older_people:\n", "  older_people:\n    title: '  '\n", RAS_ERR_MODEL, "'  '",
         "scoring table 'adult-2010', group 'older_people': 'title' is blank"},
        {true, "  older_people:\n", "  older_people:\n    title: \"Older\\tpeople\"\n",
         RAS_ERR_MODEL, "\"Older",
         "scoring table 'adult-2010', group 'older_people': 'title' holds a control character "
         "(a tab or line break)"},
        {true, "  older_people:\n", "  older_people:\n    title: ~\n", RAS_ERR_MODEL, "~",
         "scoring table 'adult-2010', group 'older_people': 'title' is missing its value"},
        {true, "  older_people:\n", "  older_people:\n    title: [a]\n", RAS_ERR_MODEL, "[a]",
         "scoring table 'adult-2010', group 'older_people': 'title' must be text, not a list"},
        {true, "  older_people:\n", "  older_people:\n    title: Default\n", RAS_ERR_MODEL,
         "Default\n",
         "scoring table 'adult-2010', group 'older_people': title 'Default' is the id of group "
         "'default' (a case naming it would be ambiguous)"},
        {true, "      - {from: 20, rate: 110.50}\n  older_people:\n",
         "      - {from: 20, rate: 110.50}\n    title: Everyone\n  older_people:\n"
         "    title: EVERYONE\n",
         RAS_ERR_MODEL, "EVERYONE",
         "scoring table 'adult-2010', group 'older_people': title 'EVERYONE' is also the title of "
         "group 'default'"},
    };
    REFUSE(cases);
}

static void test_empty_files(void **state)
{
    (void)state;
    ras_model *m = NULL;
    ras_error err;
    assert_int_equal(load2("# nothing\n", base_t, &m, &err), RAS_ERR_MODEL);
    assert_string_equal(err.file, "q.yaml");
    assert_non_null(strstr(err.message, "the questionnaire is empty"));
    assert_int_equal(load2(base_q, "", &m, &err), RAS_ERR_MODEL);
    assert_string_equal(err.file, "t.yaml");
    assert_non_null(strstr(err.message, "the scoring table is empty"));
    assert_int_equal(load2("- a\n- b\n", base_t, &m, &err), RAS_ERR_MODEL);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 1);
    assert_non_null(strstr(err.message, "expected a mapping"));
    assert_int_equal(
        load2("questionnaire: x\nversion: '1'\ntitle: T\ndomains: none\n", base_t, &m, &err),
        RAS_ERR_MODEL);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 10);
    assert_non_null(strstr(err.message, "'domains' must be a list, not 'none'"));
    assert_int_equal(load2(base_q, "scoring: [1, 2\n", &m, &err), RAS_ERR_SYNTAX);
    assert_string_equal(err.file, "t.yaml");
    assert_int_equal(err.line, 2);
    assert_null(m);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    ras_source q = {"q.yaml", base_q, strlen(base_q)};
    ras_source t = {"t.yaml", base_t, strlen(base_t)};
    ras_model *m = (ras_model *)1;
    ras_error err;
    assert_int_equal(ras_model_load(&q, &t, 0, &m, &err), RAS_ERR_ARG);
    assert_null(m);
    assert_int_equal(ras_model_load(NULL, &t, 1, &m, &err), RAS_ERR_ARG);
    assert_int_equal(ras_model_load(&q, NULL, 1, &m, &err), RAS_ERR_ARG);
    assert_int_equal(ras_model_load(&q, &t, 1, NULL, &err), RAS_ERR_ARG);
    ras_source many[RAS_MAX_TABLES + 1];
    for (size_t i = 0; i < RAS_MAX_TABLES + 1; i++)
        many[i] = t;
    assert_int_equal(ras_model_load(&q, many, RAS_MAX_TABLES + 1, &m, &err), RAS_ERR_LIMIT);
    /* NULL error record: still refused, no crash. */
    assert_int_equal(ras_model_load(&q, &t, 0, &m, NULL), RAS_ERR_ARG);
    ras_model_free(NULL);
}

/* ---- several tables ---- */

static char *table_dated(const char *id, const char *date)
{
    char *s = malloc(512);
    assert_non_null(s);
    snprintf(s, 512,
             "scoring: %s\nversion: '1'\nquestionnaire: adult-saq\n%s%s%s"
             "groups:\n  default:\n    bands: [{from: 0, rate: 1}]\n",
             id, date ? "effective_from: " : "", date ? date : "", date ? "\n" : "");
    return s;
}

static ras_status load_tables(const char *const *ids, const char *const *dates, size_t n,
                              ras_model **m, ras_error *err)
{
    ras_source q = {"q.yaml", base_q, strlen(base_q)};
    ras_source t[8];
    char *texts[8];
    char names[8][32];
    for (size_t i = 0; i < n; i++) {
        texts[i] = table_dated(ids[i], dates[i]);
        snprintf(names[i], sizeof names[i], "t%zu.yaml", i);
        t[i] = (ras_source){names[i], texts[i], strlen(texts[i])};
    }
    ras_error_clear(err);
    ras_status st = ras_model_load(&q, t, n, m, err);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    return st;
}

static void test_table_on(void **state)
{
    (void)state;
    const char *ids[] = {"t2012", "t2010", "t2011"};
    const char *dates[] = {"2012-04-01", "2010-04-01", "2011-04-01"};
    ras_model *m = NULL;
    ras_error err;
    assert_int_equal(load_tables(ids, dates, 3, &m, &err), RAS_OK);
    /* sorted by date */
    assert_string_equal(ras_table_id(ras_model_table(m, 0)), "t2010");
    assert_string_equal(ras_table_id(ras_model_table(m, 1)), "t2011");
    assert_string_equal(ras_table_id(ras_model_table(m, 2)), "t2012");
    assert_string_equal(ras_table_file(ras_model_table(m, 2)), "t0.yaml");
    assert_null(ras_model_table(m, 3));
    assert_null(ras_model_table_on(m, 20100331));
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20100401)), "t2010");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20100402)), "t2010");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20110331)), "t2010");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20110401)), "t2011");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20120331)), "t2011");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20120401)), "t2012");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20300101)), "t2012");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 0)), "t2012");
    ras_model_free(m);

    /* A table with no date is in force from the beginning of time. */
    const char *ids2[] = {"dated", "always"};
    const char *dates2[] = {"2010-04-01", NULL};
    assert_int_equal(load_tables(ids2, dates2, 2, &m, &err), RAS_OK);
    assert_string_equal(ras_table_id(ras_model_table(m, 0)), "always");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 19000101)), "always");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20100331)), "always");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 20100401)), "dated");
    assert_string_equal(ras_table_id(ras_model_table_on(m, 0)), "dated");
    ras_model_free(m);
}

static void test_table_dates_clash(void **state)
{
    (void)state;
    ras_model *m = (ras_model *)1;
    ras_error err;
    const char *ids[] = {"a", "b"};
    const char *same[] = {"2010-04-01", "2010-04-01"};
    assert_int_equal(load_tables(ids, same, 2, &m, &err), RAS_ERR_MODEL);
    assert_null(m);
    assert_string_equal(err.file, "t1.yaml");
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 17);
    assert_non_null(strstr(err.message, "scoring table 'b' takes effect on 2010-04-01, as "
                                        "scoring table 'a' (t0.yaml) does"));
    const char *none[] = {NULL, NULL};
    assert_int_equal(load_tables(ids, none, 2, &m, &err), RAS_ERR_MODEL);
    assert_string_equal(err.file, "t1.yaml");
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 1);
    assert_non_null(strstr(err.message, "both have no 'effective_from'"));
    /* The same id and version twice, even on other dates, would make
     * ID@VERSION in batch output ambiguous. */
    const char *twins[] = {"a", "a"};
    const char *dates[] = {"2010-04-01", "2011-04-01"};
    assert_int_equal(load_tables(twins, dates, 2, &m, &err), RAS_ERR_MODEL);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "version '1' is also in t0.yaml"));
}

/* ---- files, folders and built-in models ---- */

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_files_and_dirs(void **state)
{
    (void)state;
    char dir[] = "/tmp/ras_model_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char qp[128], t1[128], t2[128], other[128];
    snprintf(qp, sizeof qp, "%s/questionnaire.yaml", dir);
    snprintf(t1, sizeof t1, "%s/scoring-2010.yaml", dir);
    snprintf(t2, sizeof t2, "%s/scoring-2012.yaml", dir);
    snprintf(other, sizeof other, "%s/notes.yaml", dir);
    ras_model *m = NULL;
    ras_error err;

    /* No questionnaire, no tables. */
    assert_int_equal(ras_model_load_dir(dir, &m, &err), RAS_ERR_MODEL);
    assert_non_null(strstr(err.message, "the folder has no scoring table (no scoring*.yaml file)"));
    assert_string_equal(err.file, dir);

    write_text(t1, base_t);
    assert_int_equal(ras_model_load_dir(dir, &m, &err), RAS_ERR_IO);
    assert_string_equal(err.file, qp);
    assert_non_null(strstr(err.message, "cannot read"));
    assert_non_null(strstr(err.message, "No such file or directory"));

    write_text(qp, base_q);
    char *later = with(base_t, "2010-04-01", "2012-04-01");
    char *later2 = with(later, "adult-2010", "adult-2012");
    write_text(t2, later2);
    write_text(other, "not: a table\n");
    assert_int_equal(ras_model_load_dir(dir, &m, &err), RAS_OK);
    assert_int_equal(ras_model_table_count(m), 2);
    assert_string_equal(ras_model_file(m), qp);
    assert_string_equal(ras_table_file(ras_model_table(m, 1)), t2);
    assert_string_equal(ras_table_id(ras_model_table(m, 1)), "adult-2012");
    ras_model_free(m);

    /* Errors in a file from a folder carry its path. */
    char *bad = with(base_t, "threshold: 5", "threshold: x");
    write_text(t1, bad);
    assert_int_equal(ras_model_load_dir(dir, &m, &err), RAS_ERR_MODEL);
    assert_string_equal(err.file, t1);
    assert_int_equal(err.line, 6);
    assert_int_equal(err.column, 12);

    const char *tables[] = {t2};
    assert_int_equal(ras_model_load_files(qp, tables, 1, &m, &err), RAS_OK);
    ras_model_free(m);
    const char *missing[] = {"/nonexistent/scoring.yaml"};
    assert_int_equal(ras_model_load_files(qp, missing, 1, &m, &err), RAS_ERR_IO);
    assert_null(m);
    assert_string_equal(err.message,
                        "cannot read /nonexistent/scoring.yaml: No such file or directory");
    assert_int_equal(ras_model_load_dir("/nonexistent", &m, &err), RAS_ERR_IO);
    assert_non_null(strstr(err.message, "cannot read /nonexistent"));

    unlink(qp);
    unlink(t1);
    unlink(t2);
    unlink(other);
    rmdir(dir);
    free(later);
    free(later2);
    free(bad);
}

static void test_builtin(void **state)
{
    (void)state;
    const char *const *names = ras_builtin_models();
    assert_non_null(names);
    ras_model *m = (ras_model *)1;
    ras_error err;
    assert_int_equal(ras_model_load_builtin("no-such-model", &m, &err), RAS_ERR_ARG);
    assert_null(m);
    if (!names[0]) {
        assert_int_equal(ras_model_load_builtin(NULL, &m, &err), RAS_ERR_ARG);
        return;
    }
    assert_string_equal(names[0], "adult");
    assert_int_equal(ras_model_load_builtin(NULL, &m, &err), RAS_OK);
    assert_string_equal(ras_model_file(m), "builtin:adult/questionnaire.yaml");
    assert_true(ras_model_table_count(m) >= 1);
    ras_model_free(m);
    for (size_t i = 0; names[i]; i++) {
        ras_error_clear(&err);
        if (ras_model_load_builtin(names[i], &m, &err) != RAS_OK)
            fail_msg("built-in model %s: %s", names[i], err.message);
        ras_model_free(m);
    }
}

/* ---- ras check's description ---- */

static char *describe(const ras_model *m, bool json)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    assert_int_equal(json ? ras_model_write_json(m, f) : ras_model_write_text(m, f), RAS_OK);
    fclose(f);
    return buf;
}

static void test_describe(void **state)
{
    (void)state;
    ras_model *m = test_model(base_q, base_t);
    char *text = describe(m, false);
    assert_non_null(strstr(text, "adult-saq"));
    assert_non_null(strstr(text, ras_model_fingerprint(m)));
    assert_non_null(strstr(text, ras_table_fingerprint(ras_model_table(m, 0))));
    assert_non_null(strstr(text, "points range       4 to 30"));
    assert_non_null(strstr(text, "personal_care"));
    assert_non_null(strstr(text, "Scoring table adult-2010@2010.1"));
    assert_non_null(strstr(text, "effective_from     2010-04-01"));
    assert_non_null(strstr(text, "\xc2\xa3"
                                 "45,000.00"));
    /* default: 4 points are below the threshold of 5 (0.00, raised to the
     * floor only when eligible); 30 points: 20 x 150 + 10 x 110.50. */
    assert_non_null(strstr(text, "default"));
    assert_non_null(strstr(text, "4,105.00"));
    free(text);

    char *json = describe(m, true);
    assert_non_null(strstr(json, "\"id\":\"adult-saq\""));
    assert_non_null(strstr(json, "\"min_points\":4,\"max_points\":30"));
    assert_non_null(strstr(json, "\"effective_from\":\"2010-04-01\""));
    assert_non_null(strstr(json, "\"floor\":\"500.00\""));
    assert_non_null(strstr(json, "\"name\":\"older_people\",\"pricing\":\"steps\""));
    assert_non_null(strstr(json, "\"max_budget\":\"6500.00\""));
    free(json);
    ras_model_free(m);
}

/* The budget range takes adjustments into account: the most points (20,
 * answer b) with the most positive adjust (+12.5%) is 20 x 1200.00 x 1.125
 * = 27,000.00, over the ceiling: 25,000.00 (without the adjust it would
 * wrongly show 24,000.00). The least: 10 points (answer a, 0%) with the
 * helper's -25%: 10 x 1200.00 x 0.75 = 9,000.00. */
static void test_describe_adjusted_range(void **state)
{
    (void)state;
    static const char q[] = "questionnaire: adj\nversion: \"1\"\ntitle: T\ndomains:\n"
                            "  - id: d\n    title: D\n    questions:\n"
                            "      - id: need\n        text: Need?\n        answers:\n"
                            "          - {id: a, text: A, points: 10}\n"
                            "          - {id: b, text: B, points: 20, adjust: 12.5%}\n"
                            "      - id: helpers\n        type: multiple\n        text: Who?\n"
                            "        answers:\n"
                            "          - {id: x, text: X, points: 0, adjust: -25%}\n";
    static const char t[] = "scoring: t\nversion: \"1\"\nquestionnaire: adj\n"
                            "threshold: 0\nceiling: 25000.00\ngroups:\n  default:\n"
                            "    bands:\n      - {from: 0, rate: 1200.00}\n";
    ras_model *m = test_model(q, t);
    char *json = describe(m, true);
    assert_non_null(strstr(json, "\"min_budget\":\"9000.00\""));
    assert_non_null(strstr(json, "\"max_budget\":\"25000.00\""));
    free(json);
    ras_model_free(m);
}

/* Every prefix of a valid model either loads or is refused with a located
 * error: never a crash, a leak (under ASan) or an error without a place. */
static void test_truncated_everywhere(void **state)
{
    (void)state;
    for (int which = 0; which < 2; which++) {
        const char *full = which ? base_t : base_q;
        size_t n = strlen(full);
        for (size_t cut = 0; cut < n; cut++) {
            char *part = strndup(full, cut);
            assert_non_null(part);
            ras_model *m = NULL;
            ras_error err;
            ras_status st = which ? load2(base_q, part, &m, &err) : load2(part, base_t, &m, &err);
            if (st == RAS_OK) {
                assert_non_null(m);
                ras_model_free(m);
            } else {
                assert_null(m);
                assert_true(st == RAS_ERR_MODEL || st == RAS_ERR_SYNTAX);
                assert_string_equal(err.file, which ? "t.yaml" : "q.yaml");
                assert_true(err.message[0] != '\0');
                /* Only a file with no document at all has no line. */
                if (err.line == 0)
                    assert_non_null(strstr(err.message, "is empty"));
            }
            free(part);
        }
    }
}

static void test_error_subjects(void **state)
{
    (void)state;
    ras_model *m = NULL;
    ras_error err;
    char *q = with(base_q, "- id: activities", "- id: washing");
    assert_int_equal(load2(q, base_t, &m, &err), RAS_ERR_MODEL);
    assert_string_equal(err.subject, "washing");
    char buf[512];
    ras_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "q.yaml:32:13: question id 'washing' is used twice (first at line 9)");
    free(q);
    q = with(base_q, "points: 4}", "points: x}");
    assert_int_equal(load2(q, base_t, &m, &err), RAS_ERR_MODEL);
    assert_string_equal(err.subject, "points");
    free(q);
    char *t = with(base_t, "rounding: pound", "rounding: nearest");
    assert_int_equal(load2(base_q, t, &m, &err), RAS_ERR_MODEL);
    assert_string_equal(err.subject, "rounding");
    ras_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "t.yaml:7:11: scoring table 'adult-2010': 'rounding' must be penny "
                             "or pound, not 'nearest'");
    free(t);
}

static void test_json_questionnaire_accepted(void **state)
{
    (void)state;
    /* JSON is YAML: a model may be written in it. */
    static const char q[] =
        "{\"questionnaire\": \"j\", \"version\": \"1\", \"title\": \"J\", \"domains\": "
        "[{\"id\": \"d\", \"title\": \"D\", \"questions\": [{\"id\": \"n\", \"text\": \"N\", "
        "\"type\": \"number\", \"min\": 0, \"max\": 5, \"points_per_unit\": 2}]}]}";
    static const char t[] =
        "{\"scoring\": \"s\", \"version\": \"1\", \"questionnaire\": \"j\", "
        "\"groups\": {\"default\": {\"bands\": [{\"from\": 0, \"rate\": 2.5}]}}}";
    ras_model *m = test_model(q, t);
    int64_t lo, hi;
    ras_model_points_range(m, &lo, &hi);
    assert_int_equal(lo, 0);
    assert_int_equal(hi, 10);
    assert_int_equal(ras_table_band_value(ras_model_table(m, 0), 0, 0), 250);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_questionnaire),
        cmocka_unit_test(test_valid_table),
        cmocka_unit_test(test_table_defaults),
        cmocka_unit_test(test_find_question),
        cmocka_unit_test(test_points_range),
        cmocka_unit_test(test_fingerprint),
        cmocka_unit_test(test_questionnaire_keys),
        cmocka_unit_test(test_questionnaire_types),
        cmocka_unit_test(test_questionnaire_ids),
        cmocka_unit_test(test_questionnaire_shapes),
        cmocka_unit_test(test_points_limit),
        cmocka_unit_test(test_table_keys_and_types),
        cmocka_unit_test(test_table_money),
        cmocka_unit_test(test_table_groups),
        cmocka_unit_test(test_group_titles),
        cmocka_unit_test(test_empty_files),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_table_on),
        cmocka_unit_test(test_table_dates_clash),
        cmocka_unit_test(test_files_and_dirs),
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_describe_adjusted_range),
        cmocka_unit_test(test_truncated_everywhere),
        cmocka_unit_test(test_error_subjects),
        cmocka_unit_test(test_json_questionnaire_accepted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
