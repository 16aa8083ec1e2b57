/* test_explain.c - the statement in text and JSON: every fact the scorer
 * worked out must appear, with amounts written as ras(1), score asks. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

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
    "          - {id: swimming, text: Swimming, points: 3}\n"
    "      - id: carer\n"
    "        required: false\n"
    "        text: How much do \"family\" give?\n"
    "        answers:\n"
    "          - {id: none, text: None of it, points: 0}\n"
    "          - {id: some, text: Some of it, points: 0, adjust: -10%}\n";

static const char table[] = "scoring: test-table\n"
                            "version: \"7\"\n"
                            "questionnaire: test-saq\n"
                            "effective_from: 2010-04-01\n"
                            "threshold: 10\n"
                            "floor: 1500.00\n"
                            "panel_threshold: 2000.00\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 100.00}\n"
                            "      - {from: 20, rate: 50.00}\n";

typedef struct fixture {
    ras_model *model;
    ras_case *c;
    ras_result *r;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->model = test_model(questionnaire, table);
    f->c = ras_case_new(f->model);
    f->r = ras_result_new(f->model);
    assert_non_null(f->c);
    assert_non_null(f->r);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ras_result_free(f->r);
    ras_case_free(f->c);
    ras_model_free(f->model);
    free(f);
    return 0;
}

static void set(fixture *f, const char *id, const char *text)
{
    ras_error err;
    const ras_question *q = NULL;
    for (size_t i = 0; i < f->model->n_questions; i++)
        if (strcmp(f->model->questions[i].id, id) == 0)
            q = &f->model->questions[i];
    assert_non_null(q);
    if (ras_case_set_answer(f->c, q, text, strlen(text), &err) != RAS_OK)
        fail_msg("%s", err.message);
}

static void set_field(fixture *f, ras_field which, const char *text)
{
    ras_error err;
    if (ras_case_set_field(f->c, which, text, strlen(text), &err) != RAS_OK)
        fail_msg("%s", err.message);
}

/* washing all (25) + nights 3 (9) = 34, capped at 30; shopping and
 * swimming 5 more: 35 points. 20 x £100 + 15 x £50 = £2,750.00; carer
 * some -10%: £2,475.00. */
static void big_case(fixture *f)
{
    set_field(f, RAS_FIELD_CLIENT_ID, "C\"42");
    set(f, "washing", "all");
    set(f, "nights", "3");
    set(f, "activities", "shopping;swimming");
    set(f, "carer", "some");
    ras_error err;
    if (ras_score(f->model, f->c, f->r, &err) != RAS_OK)
        fail_msg("%s", err.message);
}

static char *text_of(fixture *f, unsigned flags, bool json)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    assert_non_null(out);
    ras_status st = json ? ras_result_write_json(f->model, f->c, f->r, out)
                         : ras_result_write_text(f->model, f->c, f->r, out, flags);
    assert_int_equal(st, RAS_OK);
    fclose(out);
    return buf;
}

static void has(const char *text, const char *want)
{
    if (!strstr(text, want))
        fail_msg("missing \"%s\" in:\n%s", want, text);
}

static void test_text_statement(void **state)
{
    fixture *f = *state;
    big_case(f);
    char *text = text_of(f, 0, false);
    has(text, "C\"42");
    has(text, "test-saq version 1");
    has(text, "test-table@7, in force from 2010-04-01");
    has(text, "at most 30 count here (answers gave 34)");
    has(text, "Help with everything");
    has(text, "3 x 3 points each");
    has(text, "Shopping");
    has(text, "Swimming");
    has(text, "changes the budget by -10.00%");
    has(text, "20 points x \xc2\xa3"
              "100.00 (points 0 to 19)");
    has(text, "\xc2\xa3"
              "2,000.00");
    has(text, "15 points x \xc2\xa3"
              "50.00 (points 20 and up)");
    has(text, "\xc2\xa3"
              "2,750.00");
    has(text, "Some of it                                                 -10.00%");
    has(text, "After the changes (\xc2\xa3"
              "2,750.00 x 90.00%)");
    has(text, "\xc2\xa3"
              "2,475.00");
    has(text, "Basis              ras (new_client)");
    has(text, "As you are a new client");
    /* the budget first, in one sentence, whole pounds without pence */
    assert_non_null(strstr(text, "Your indicative personal budget is \xc2\xa3"
                                 "2,475 a year (\xc2\xa3"
                                 "47.60 a week)."));
    assert_true(strstr(text, "Your indicative") < strstr(text, "Why"));
    assert_true(strstr(text, "Why") < strstr(text, "How it was worked out"));
    assert_true(strstr(text, "How it was worked out") < strstr(text, "For the record"));
    /* no id where the client reads: only in the record */
    assert_true(strstr(text, "test-saq") > strstr(text, "For the record"));
    /* £2,475.00 / 52 = 4759.6p -> £47.60 */
    has(text, "\xc2\xa3"
              "47.60");
    has(text, "yes (at \xc2\xa3"
              "2,000.00 or more)");
    has(text, "risk enablement panel will");
    assert_null(strchr(text, '\033')); /* no colour unless asked */
    free(text);
}

static void test_text_colour(void **state)
{
    fixture *f = *state;
    big_case(f);
    char *text = text_of(f, RAS_TEXT_COLOR, false);
    has(text, "\033[1mHow it was worked out\033[0m");
    has(text, "\033[1mYour indicative personal budget is \xc2\xa3"
              "2,475 a year (\xc2\xa3"
              "47.60 a week).\033[0m\n");
    free(text);
}

static void test_text_floor_and_below(void **state)
{
    fixture *f = *state;
    set(f, "washing", "some");
    set(f, "nights", "2"); /* 10 points: £1,000, raised to the £1,500 floor */
    ras_error err;
    assert_int_equal(ras_score(f->model, f->c, f->r, &err), RAS_OK);
    char *text = text_of(f, 0, false);
    has(text, "Raised to the least budget the council gives");
    has(text, "\xc2\xa3"
              "1,500.00");
    free(text);

    set(f, "nights", "1"); /* 7 points: below the threshold, no floor */
    assert_int_equal(ras_score(f->model, f->c, f->r, &err), RAS_OK);
    text = text_of(f, 0, false);
    has(text, "7 points is below the 10 points a budget starts at");
    has(text, "You do not have an indicative personal budget: your answers come to 7 points");
    has(text, "below_threshold");
    has(text, "Your social worker will tell you about other help");
    assert_null(strstr(text, "Raised to the least"));
    free(text);
}

static void test_text_existing_package(void **state)
{
    fixture *f = *state;
    set_field(f, RAS_FIELD_NEW_CLIENT, "no");
    set_field(f, RAS_FIELD_EXISTING_PACKAGE, "7800");
    big_case(f);
    char *text = text_of(f, 0, false);
    has(text, "existing_package");
    has(text, "Your existing package, which is kept");
    has(text, "\xc2\xa3"
              "2,475 a year; how is shown below");
    has(text, "existing_package (existing_package_kept)");
    has(text, "\xc2\xa3"
              "7,800.00");
    free(text);
}

/* Keys must come in this order, each once at the top level. */
static void test_json_statement(void **state)
{
    fixture *f = *state;
    big_case(f);
    char *text = text_of(f, 0, true);
    has(text, "\"id\": \"C\\\"42\"");
    has(text, "\"answer\": [\"shopping\", \"swimming\"]");
    has(text, "\"answer\": 3,\n      \"points\": 9");
    has(text, "\"raw\": 34,\n      \"cap\": 30,\n      \"points\": 30,\n      \"capped\": true");
    has(text, "\"cap\": null");
    has(text, "\"to\": null");
    has(text, "\"priced\": \"2750.00\"");
    has(text, "\"adjust\": \"-10.00%\"");
    has(text, "\"adjust_total\": \"-10.00%\"");
    has(text, "\"adjusted\": \"2475.00\"");
    has(text, "\"rounding\": \"penny\"");
    has(text, "\"clamp\": null");
    has(text, "\"ras_amount\": \"2475.00\"");
    has(text, "\"basis\": \"ras\"");
    has(text, "\"indicative_budget\": \"2475.00\"");
    has(text, "\"weekly_budget\": \"47.60\"");
    has(text, "\"panel\": true");
    has(text, "\"panel_threshold\": \"2000.00\"");
    has(text, "\"effective_from\": \"2010-04-01\"");
    static const char *const order[] = {"\n  \"client\"",
                                        "\n  \"questionnaire\"",
                                        "\n  \"table\"",
                                        "\n  \"questions\"",
                                        "\n  \"domains\"",
                                        "\n  \"total\"",
                                        "\n  \"threshold\"",
                                        "\n  \"eligible\"",
                                        "\n  \"price_lines\"",
                                        "\n  \"adjustments\"",
                                        "\n  \"adjust_total\"",
                                        "\n  \"adjusted\"",
                                        "\n  \"rounded\"",
                                        "\n  \"clamp\"",
                                        "\n  \"ras_amount\"",
                                        "\n  \"basis\"",
                                        "\n  \"indicative_budget\"",
                                        "\n  \"weekly_budget\"",
                                        "\n  \"panel\"",
                                        "\n  \"panel_threshold\"",
                                        "\n  \"statement\"",
                                        "\n  \"ras_version\""};
    has(text, "\"basis_reason\": \"new_client\"");
    has(text, "\"lead\": \"Your indicative personal budget is");
    const char *at = text;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *next = strstr(at, order[i]);
        if (!next)
            fail_msg("key %s missing or out of order", order[i] + 3);
        at = next;
    }
    assert_int_equal(text[0], '{');
    assert_string_equal(text + strlen(text) - 2, "}\n");
    free(text);
}

static void test_json_floor_clamp(void **state)
{
    fixture *f = *state;
    set(f, "washing", "some");
    set(f, "nights", "2");
    ras_error err;
    assert_int_equal(ras_score(f->model, f->c, f->r, &err), RAS_OK);
    char *text = text_of(f, 0, true);
    has(text, "\"clamp\": \"floor\"");
    has(text, "\"ras_amount\": \"1500.00\"");
    has(text, "\"answer\": null"); /* optional questions left out */
    has(text, "\"adjustments\": []");
    free(text);
}

static void test_unscored_result(void **state)
{
    fixture *f = *state;
    /* A result that has not been scored has nothing to explain. */
    assert_int_equal(ras_result_write_text(f->model, f->c, f->r, stdout, 0), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_json(f->model, f->c, f->r, stdout), RAS_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_text_statement, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_colour, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_floor_and_below, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_existing_package, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_statement, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_floor_clamp, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unscored_result, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
